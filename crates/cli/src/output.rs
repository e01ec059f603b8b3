//! Writing records: pretty or one per line, error records in the same stream, counts kept.

use std::io::{self, Write};

use annalist_core::{Analysis, SCHEMA};
use serde::Serialize;

/// What became of one input document: its record, or why there is none.
#[derive(Debug)]
pub enum Outcome {
    /// The document's analysis record.
    Record(Box<Analysis>),
    /// The document could not be read or analysed.
    Error(ErrorRecord),
}

/// The record written in place of a document that could not be read, so that batch consumers
/// see every input accounted for: `{"schema":"annalist/1","error":"…","line":N,"source":…}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// What went wrong, for a person.
    pub error: String,
    /// The 1-based line of a JSON lines input, absent elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The document's source (a path, a WARC record id, a JSON line's id), or null if unknown.
    pub source: Option<String>,
    /// The input the line is in, for the message on stderr (not written in the record).
    #[serde(skip)]
    pub input: Option<String>,
}

impl ErrorRecord {
    /// An error about `source`.
    pub fn new(source: Option<String>, error: impl Into<String>) -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA,
            error: error.into(),
            line: None,
            source,
            input: None,
        }
    }

    /// The same error, located on a line of the JSON lines input named `input`.
    pub fn at_line(mut self, input: &str, line: u64) -> ErrorRecord {
        self.line = Some(line);
        self.input = Some(input.to_string());
        self
    }

    /// The message printed on stderr: `input:line: error (id …)` or `source: error`.
    pub fn message(&self) -> String {
        let error = &self.error;
        match (self.line, &self.source) {
            (Some(line), Some(id)) => format!(
                "{}:{line}: {error} (id {id})",
                self.input.as_deref().unwrap_or("")
            ),
            (Some(line), None) => {
                format!("{}:{line}: {error}", self.input.as_deref().unwrap_or(""))
            }
            (None, Some(source)) if !error.contains(source.as_str()) => {
                format!("{source}: {error}")
            }
            _ => error.clone(),
        }
    }
}

/// The record stream on stdout.
pub struct Output<W: Write> {
    out: W,
    jsonl: bool,
    records: u64,
    errors: u64,
}

impl<W: Write> Output<W> {
    /// Writes to `out`: one compact record per line when `jsonl`, else pretty records.
    pub fn new(out: W, jsonl: bool) -> Output<W> {
        Output {
            out,
            jsonl,
            records: 0,
            errors: 0,
        }
    }

    /// Writes one outcome; an error is also reported on stderr.
    pub fn write(&mut self, outcome: &Outcome) -> io::Result<()> {
        match outcome {
            Outcome::Record(analysis) => {
                self.records += 1;
                self.write_value(analysis)
            }
            Outcome::Error(error) => {
                self.errors += 1;
                warn(&error.message());
                self.write_value(error)
            }
        }
    }

    fn write_value<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        if self.jsonl {
            serde_json::to_writer(&mut self.out, value)?;
        } else {
            serde_json::to_writer_pretty(&mut self.out, value)?;
        }
        self.out.write_all(b"\n")
    }

    /// Flushes what was written so far (after every batch, for streaming consumers).
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Records written so far.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// Errors written so far.
    pub fn errors(&self) -> u64 {
        self.errors
    }

    /// What was written, for tests.
    #[cfg(test)]
    pub(crate) fn out_for_tests(&self) -> &W {
        &self.out
    }
}

/// `1 error`, `2 errors`; `1 exact copy`, `2 exact copies`: a count for a summary line.
pub fn count(n: u64, what: &str) -> String {
    match (n, what.strip_suffix('y')) {
        (1, _) => format!("1 {what}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {what}s"),
    }
}

/// Prints a message on stderr, prefixed with the program's name. A closed stderr is ignored.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "annalist: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(count(1, "exact copy"), "1 exact copy");
        assert_eq!(count(2, "exact copy"), "2 exact copies");
        assert_eq!(count(0, "new document"), "0 new documents");
        assert_eq!(count(1, "WARC record"), "1 WARC record");
        assert_eq!(count(3, "error"), "3 errors");
    }

    #[test]
    fn error_records_have_the_documented_shape() {
        let mut out = Output::new(Vec::new(), true);
        out.write(&Outcome::Error(
            ErrorRecord::new(Some("a1".into()), "no content").at_line("in.jsonl", 3),
        ))
        .unwrap();
        out.write(&Outcome::Error(ErrorRecord::new(None, "bad json")))
            .unwrap();
        let text = String::from_utf8(out.out.clone()).unwrap();
        assert_eq!(
            text,
            "{\"schema\":\"annalist/1\",\"error\":\"no content\",\"line\":3,\"source\":\"a1\"}\n\
             {\"schema\":\"annalist/1\",\"error\":\"bad json\",\"source\":null}\n"
        );
        assert_eq!((out.records(), out.errors()), (0, 2));
        let e = ErrorRecord::new(Some("a1".into()), "no content").at_line("in.jsonl", 3);
        assert_eq!(e.message(), "in.jsonl:3: no content (id a1)");
        assert_eq!(
            ErrorRecord::new(Some("x.html".into()), "empty input").message(),
            "x.html: empty input"
        );
    }
}
