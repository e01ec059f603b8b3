//! WARC input: the archive is read record by record (in constant memory) by
//! `annalist_extract::warc`, every HTML response becomes a job, and a one-line summary of what
//! was read and skipped goes to stderr.

use std::io::{self, BufRead};

use annalist_core::Format;

use crate::job::{DocJob, Job};
use crate::output::{count, warn, ErrorRecord};
use crate::pipeline::{Pipeline, Sink};

/// The only place that names the WARC reader's API, so that a change there is mended here.
mod backend {
    use std::io::{self, BufRead};

    pub use annalist_extract::warc::WarcItem;
    use annalist_extract::warc::{maybe_gunzip, WarcReader};

    /// The reader over one input.
    pub type Reader = WarcReader<Box<dyn BufRead>>;

    /// A reader over `input`, plain or gzip-compressed (told by its magic number).
    pub fn reader(input: Box<dyn BufRead>) -> io::Result<Reader> {
        Ok(WarcReader::new(maybe_gunzip(input)?))
    }

    /// What the reader read and skipped, for the summary line: `N WARC records read` and the
    /// reasons for skipping that occurred.
    pub fn stats(reader: &Reader) -> (u64, Vec<String>) {
        let s = reader.stats();
        let reasons = [
            (s.skipped_status, "HTTP status not 200"),
            (s.skipped_type, "not HTML"),
            (s.skipped_size, "too large"),
            (s.skipped_encoding, "undecodable encoding"),
            (s.skipped_other, "not a response"),
            (s.malformed, "malformed"),
        ];
        let mut skipped: Vec<String> = reasons
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, why)| format!("{n} {why}"))
            .collect();
        if s.resyncs > 0 {
            skipped.push(format!(
                "{} bytes of garbage in {} places",
                s.garbage_bytes, s.resyncs
            ));
        }
        (s.records, skipped)
    }
}

/// Streams the archive `input` (named `name`) into `pipeline`, then prints its summary.
///
/// A read error (a truncated or corrupt archive) ends this input: the records read before it
/// are written, the error is written as an error record, and the caller goes on with the next
/// input. Only an error writing the output is returned.
pub fn stream<S: Sink>(
    input: Box<dyn BufRead>,
    name: &str,
    pipeline: &mut Pipeline<S>,
) -> io::Result<()> {
    pipeline.flush()?;
    let (records_before, errors_before) = (pipeline.output().records(), pipeline.output().errors());
    let failed = |error: &dyn std::fmt::Display| {
        Job::Failed(ErrorRecord::new(
            Some(name.to_string()),
            format!("cannot read {name}: {error}"),
        ))
    };
    let mut reader = match backend::reader(input) {
        Ok(reader) => reader,
        Err(e) => return pipeline.push(failed(&e)),
    };
    for item in reader.by_ref() {
        match item {
            Ok(item) => pipeline.push(Job::Document(job_of(item)))?,
            // The reader's last item: the records before it are kept.
            Err(e) => pipeline.push(failed(&e))?,
        }
    }
    pipeline.flush()?;
    let written = pipeline.output().records() - records_before;
    let errors = pipeline.output().errors() - errors_before;
    let (records, skipped) = backend::stats(&reader);
    let skipped = if skipped.is_empty() {
        "none".to_string()
    } else {
        skipped.join(", ")
    };
    warn(&format!(
        "{name}: {} read, {} written, {}; skipped: {skipped}",
        count(records, "WARC record"),
        count(written, "article"),
        count(errors, "error")
    ));
    Ok(())
}

/// The job of one HTML response record.
fn job_of(item: backend::WarcItem) -> DocJob {
    DocJob {
        source: item.record_id,
        bytes: item.body,
        format: Some(Format::Html),
        url: item.target_uri,
        content_type: item.http_content_type,
        fetched: item.date,
        published: None,
    }
}
