//! JSON lines input: one document per line, one record per non-blank line, in order.
//!
//! Each line is `{"id", "url", "published", "format", "content"}`; only `content` is required.
//! Lines are read with a bounded buffer and parsed in the parallel stage, so a stream of any
//! length runs in constant memory, and a bad line becomes an error record in its place.

use std::io::{self, BufRead};

use annalist_core::Format;
use serde_json::{Map, Value};

use crate::date::is_iso_date_or_datetime;
use crate::input::{read_line_capped, Line, MAX_DOCUMENT_BYTES};
use crate::job::{self, DocJob, Job, Settings};
use crate::output::{ErrorRecord, Outcome};
use crate::pipeline::{Pipeline, Sink};

/// One line of a JSON lines input, not parsed yet.
#[derive(Debug)]
pub struct LineJob {
    /// The input's name, for the `source` of lines without an `id`.
    pub input: String,
    /// The 1-based line number.
    pub line: u64,
    /// The line's bytes, without the line ending.
    pub bytes: Vec<u8>,
}

impl LineJob {
    /// Parses the line, then extracts and analyses its document. Every failure is an error
    /// record carrying the line number and the line's `id` (or null).
    pub fn run(self, settings: &Settings) -> Outcome {
        let (input, line) = (self.input.as_str(), self.line);
        let parsed = match serde_json::from_slice::<Value>(&self.bytes) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return line_error(input, line, None, "not a JSON object"),
            Err(e) => return line_error(input, line, None, format!("invalid JSON: {e}")),
        };
        let id = match string_field(&parsed, "id", true) {
            Ok(id) => id,
            Err(e) => return line_error(input, line, None, e),
        };
        match self.document(parsed, id.clone()) {
            Ok(doc) => match job::analyze(&doc, settings) {
                Outcome::Error(e) => line_error(input, line, id, e.error),
                record => record,
            },
            Err(e) => line_error(input, line, id, e),
        }
    }

    /// The line's document, checked field by field.
    fn document(
        &self,
        mut object: Map<String, Value>,
        id: Option<String>,
    ) -> Result<DocJob, String> {
        let url = string_field(&object, "url", false)?;
        let published = string_field(&object, "published", false)?;
        if let Some(date) = published.as_deref().filter(|d| !is_iso_date_or_datetime(d)) {
            return Err(format!(
                "\"published\" must be an ISO date (YYYY-MM-DD) or datetime, got {date:?}"
            ));
        }
        let format = match string_field(&object, "format", false)? {
            None => None,
            Some(name) => match Format::from_name(&name) {
                Some(format @ (Format::Html | Format::Scraped | Format::Plain)) => Some(format),
                _ => {
                    return Err(format!(
                        "unknown \"format\" {name:?}: expected html, scraped or plain"
                    ))
                }
            },
        };
        let content = match object.remove("content") {
            Some(Value::String(content)) => content,
            None | Some(Value::Null) => return Err("missing \"content\"".to_string()),
            Some(_) => return Err("\"content\" must be a string".to_string()),
        };
        Ok(DocJob {
            source: id.unwrap_or_else(|| format!("{}:{}", self.input, self.line)),
            bytes: content.into_bytes(),
            format,
            url,
            content_type: None,
            fetched: None,
            published,
        })
    }
}

/// A string field of a line: absent or null is `None`. `id` may also be a number.
fn string_field(
    object: &Map<String, Value>,
    key: &str,
    number_ok: bool,
) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) if number_ok => Ok(Some(n.to_string())),
        Some(_) => Err(format!("\"{key}\" must be a string or null")),
    }
}

/// The error record of line `line` of `input`, whose `id` is `source`.
fn line_error(input: &str, line: u64, source: Option<String>, error: impl Into<String>) -> Outcome {
    Outcome::Error(ErrorRecord::new(source, error).at_line(input, line))
}

/// Streams the lines of `reader` (named `input`) into `pipeline`. Blank lines are skipped;
/// a line over the size cap becomes an error record. A read error ends the input with an error
/// record; only an error writing the output is returned.
pub fn stream<S: Sink>(
    reader: &mut dyn BufRead,
    input: &str,
    pipeline: &mut Pipeline<S>,
) -> io::Result<()> {
    let cap = usize::try_from(MAX_DOCUMENT_BYTES).unwrap_or(usize::MAX);
    let mut buf = Vec::new();
    let mut number = 0u64;
    loop {
        number += 1;
        let job = match read_line_capped(reader, &mut buf, cap) {
            Ok(Line::Eof) => return Ok(()),
            Ok(Line::TooLong) => {
                let error = crate::input::too_large(&format!("line {number}"), None);
                Job::Failed(ErrorRecord::new(None, error).at_line(input, number))
            }
            Ok(Line::Read) => {
                let mut bytes = buf.as_slice();
                if number == 1 {
                    bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                Job::Line(LineJob {
                    input: input.to_string(),
                    line: number,
                    bytes: bytes.to_vec(),
                })
            }
            Err(e) => {
                let error = format!("cannot read {input} at line {number}: {e}");
                return pipeline.push(Job::Failed(ErrorRecord::new(
                    Some(input.to_string()),
                    error,
                )));
            }
        };
        pipeline.push(job)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &str) -> Outcome {
        LineJob {
            input: "in.jsonl".into(),
            line: 4,
            bytes: line.as_bytes().to_vec(),
        }
        .run(&Settings::default())
    }

    fn error_of(line: &str) -> ErrorRecord {
        match run(line) {
            Outcome::Error(e) => e,
            Outcome::Record(r) => panic!(
                "expected an error for {line}, got a record of {}",
                r.doc.source
            ),
        }
    }

    #[test]
    fn good_lines_give_records() {
        let Outcome::Record(r) = run(
            r#"{"id":"a1","url":"https://x.test/a","published":"2023-07-03","format":"plain","content":"Hello there."}"#,
        ) else {
            panic!("expected a record")
        };
        assert_eq!(r.doc.source, "a1");
        assert_eq!(r.doc.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(r.doc.published.as_deref(), Some("2023-07-03"));
        assert_eq!(r.text, "Hello there.");
        let Outcome::Record(r) = run(r#"{"content":"No id.","format":"plain","id":17}"#) else {
            panic!("expected a record")
        };
        assert_eq!(r.doc.source, "17");
        let Outcome::Record(r) = run(r#"{"content":"No id.","format":"plain"}"#) else {
            panic!("expected a record")
        };
        assert_eq!(r.doc.source, "in.jsonl:4");
    }

    #[test]
    fn bad_lines_give_error_records_with_line_and_id() {
        let table: &[(&str, Option<&str>, &str)] = &[
            ("{not json", None, "invalid JSON"),
            ("[1,2]", None, "not a JSON object"),
            (r#"{"id":"b2"}"#, Some("b2"), "missing \"content\""),
            (
                r#"{"id":"b3","content":5}"#,
                Some("b3"),
                "\"content\" must be a string",
            ),
            (
                r#"{"id":"b4","content":"x","published":"July 3"}"#,
                Some("b4"),
                "\"published\"",
            ),
            (
                r#"{"id":"b5","content":"x","format":"pdf"}"#,
                Some("b5"),
                "unknown \"format\"",
            ),
            (
                r#"{"id":"b6","content":"","format":"plain"}"#,
                Some("b6"),
                "empty",
            ),
            (r#"{"id":["x"],"content":"x"}"#, None, "\"id\" must be"),
        ];
        for &(line, source, message) in table {
            let e = error_of(line);
            assert_eq!(e.line, Some(4), "{line}");
            assert_eq!(e.source.as_deref(), source, "{line}");
            assert!(
                e.error.contains(message),
                "line {line}: expected {message:?} in {:?}",
                e.error
            );
        }
    }
}
