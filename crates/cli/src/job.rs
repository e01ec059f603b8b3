//! One unit of work — a document to extract and analyse — and running it, panics contained.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use annalist_core::{Document, Format, PublishedFrom};
use annalist_events::Coder;
use annalist_extract::Input;
use annalist_nlp::Analyzer;

use crate::jsonl;
use crate::output::{ErrorRecord, Outcome};

/// What applies to every job of a run.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `--published`: the reference date that overrides every document's own.
    pub published: Option<String>,
    /// The NLP stage, loaded once and shared by every thread.
    pub analyzer: Arc<Analyzer>,
    /// The event coder, likewise.
    pub coder: Arc<Coder>,
}

/// A document waiting to be analysed. Owns its bytes so that a batch can run in parallel.
#[derive(Debug, Default)]
pub struct DocJob {
    /// Where it came from: a path, a WARC record id, a JSON line's id.
    pub source: String,
    /// Its raw bytes.
    pub bytes: Vec<u8>,
    /// Its format, if known; else the extractor guesses.
    pub format: Option<Format>,
    /// The URL it was fetched from.
    pub url: Option<String>,
    /// The HTTP `Content-Type` it came with.
    pub content_type: Option<String>,
    /// When it was fetched (WARC-Date).
    pub fetched: Option<String>,
    /// A date given for this document alone (a JSON line's `published`); `--published` wins.
    pub published: Option<String>,
}

/// One place in the output stream.
#[derive(Debug)]
pub enum Job {
    /// A document to extract and analyse.
    Document(DocJob),
    /// A line of a JSON lines input, parsed in the parallel stage.
    Line(jsonl::LineJob),
    /// An input that already failed (unreadable path, oversized line); it keeps its place.
    Failed(ErrorRecord),
}

impl Job {
    /// About how many bytes it holds, to bound a batch's memory.
    pub fn weight(&self) -> usize {
        match self {
            Job::Document(doc) => doc.bytes.len(),
            Job::Line(line) => line.bytes.len(),
            Job::Failed(_) => 0,
        }
    }

    /// Runs it. Never panics: a panic in a library becomes an error record, so that one
    /// pathological document cannot lose a batch.
    pub fn run(self, settings: &Settings) -> Outcome {
        let blame = match &self {
            Job::Document(doc) => ErrorRecord::new(Some(doc.source.clone()), ""),
            Job::Line(job) => ErrorRecord::new(None, "").at_line(&job.input, job.line),
            Job::Failed(error) => error.clone(),
        };
        guarded(blame, || match self {
            Job::Document(doc) => analyze(&doc, settings),
            Job::Line(job) => job.run(settings),
            Job::Failed(error) => Outcome::Error(error),
        })
    }
}

/// Extracts and analyses one document.
pub fn analyze(job: &DocJob, settings: &Settings) -> Outcome {
    let input = Input {
        source: &job.source,
        bytes: &job.bytes,
        format: job.format,
        url: job.url.as_deref(),
        content_type: job.content_type.as_deref(),
        fetched: job.fetched.as_deref(),
    };
    match annalist_extract::extract(&input) {
        Ok(mut doc) => {
            give_published(
                &mut doc,
                settings.published.as_deref().or(job.published.as_deref()),
            );
            Outcome::Record(Box::new(annalist_events::analyze(
                &settings.analyzer,
                &settings.coder,
                &doc,
            )))
        }
        Err(e) => Outcome::Error(ErrorRecord::new(Some(job.source.clone()), e.to_string())),
    }
}

/// Sets a date given from outside the document, overriding the one it has.
fn give_published(doc: &mut Document, published: Option<&str>) {
    if let Some(date) = published {
        doc.published = Some(date.to_string());
        doc.published_from = Some(PublishedFrom::Given);
    }
}

/// Runs `work`, turning a panic into an error record located as `blame` is.
fn guarded(blame: ErrorRecord, work: impl FnOnce() -> Outcome) -> Outcome {
    panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Outcome::Error(ErrorRecord {
            error: format!("internal error while analysing this document: {what}"),
            ..blame
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_record() {
        let blame = ErrorRecord::new(Some("x.html".into()), "").at_line("in.jsonl", 7);
        let outcome = guarded(blame, || panic!("boom"));
        match outcome {
            Outcome::Error(e) => {
                assert_eq!(e.source.as_deref(), Some("x.html"));
                assert_eq!(e.line, Some(7));
                assert!(e.error.contains("boom"), "{}", e.error);
            }
            Outcome::Record(_) => panic!("expected an error record"),
        }
    }

    #[test]
    fn given_date_overrides_the_found_one() {
        let settings = Settings {
            published: Some("2020-01-02".into()),
            ..Settings::default()
        };
        let job = DocJob {
            source: "t.txt".into(),
            bytes: b"Some text here.".to_vec(),
            format: Some(Format::Plain),
            published: Some("1999-09-09".into()),
            ..DocJob::default()
        };
        let Outcome::Record(record) = analyze(&job, &settings) else {
            panic!("expected a record")
        };
        assert_eq!(record.doc.published.as_deref(), Some("2020-01-02"));
        assert_eq!(record.doc.published_from, Some(PublishedFrom::Given));
        let Outcome::Record(record) = analyze(&job, &Settings::default()) else {
            panic!("expected a record")
        };
        assert_eq!(record.doc.published.as_deref(), Some("1999-09-09"));
    }
}
