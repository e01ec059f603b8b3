//! `annalist ingest`: analyse inputs in parallel and write them into the store from this thread,
//! one transaction per batch.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use annalist_core::Format;
use annalist_store::{input_digest, BatchSummary, Input, Item, Store};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analyze::{self, Status};
use crate::args::IngestArgs;
use crate::input::Origin;
use crate::job::{Job, Settings};
use crate::output::{count, warn, Outcome};
use crate::pipeline::{Pipeline, Sink};

/// Runs `annalist ingest`.
pub fn run(args: &IngestArgs) -> anyhow::Result<Status> {
    let store = Store::open(&args.db)?;
    let pool = analyze::worker_pool(args.threads)?;
    let settings = Settings {
        published: args.published.clone(),
        analyzer: Default::default(),
        coder: Default::default(),
    };
    let sink = StoreSink::new(store, args.published.clone());
    let mut pipeline = Pipeline::new(pool, settings, sink);
    for path in &args.paths {
        analyze::read_path(
            &Origin::from_arg(path),
            args.format.map(Format::from),
            &mut pipeline,
        )
        .with_context(|| format!("cannot write into the store {}", args.db.display()))?;
    }
    pipeline
        .flush()
        .with_context(|| format!("cannot write into the store {}", args.db.display()))?;
    let sink = pipeline.output();
    sink.progress.finish_and_clear();
    let s = &sink.summary;
    let stats = sink.store.stats()?;
    warn(&format!(
        "ingested {} ({} joined a story as near-duplicates), {}, {} already stored, {} failed; \
         {}, {} merged into known events. {} now holds {} in {} stories, {}",
        count(s.documents as u64, "new document"),
        s.near_duplicates,
        count(s.copies as u64, "exact copy"),
        count((s.skipped + sink.skipped) as u64, "input"),
        s.failed,
        count(s.events as u64, "new event"),
        count(s.merged as u64, "report"),
        args.db.display(),
        count(stats.documents, "document"),
        stats.stories,
        count(stats.events, "event")
    ));
    Ok(if s.failed > 0 {
        Status::HadErrors
    } else {
        Status::Clean
    })
}

/// The ingest's sink: skips inputs the store has, gathers a batch's outcomes, commits them.
struct StoreSink {
    store: Store,
    published: Option<String>,
    /// The admitted inputs whose outcomes have not arrived yet, in order.
    pending: VecDeque<Input>,
    batch: Vec<Item>,
    summary: BatchSummary,
    /// Inputs skipped before analysis because a committed batch has them.
    skipped: usize,
    records: u64,
    errors: u64,
    progress: ProgressBar,
}

impl StoreSink {
    fn new(store: Store, published: Option<String>) -> StoreSink {
        // Drawn only on a terminal: quiet in pipes and logs.
        let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        progress.set_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise} {human_pos} pages ({per_sec}) {msg}",
            )
            .expect("the progress template is valid"),
        );
        progress.enable_steady_tick(Duration::from_millis(200));
        StoreSink {
            store,
            published,
            pending: VecDeque::new(),
            batch: Vec::new(),
            summary: BatchSummary::default(),
            skipped: 0,
            records: 0,
            errors: 0,
            progress,
        }
    }

    /// The input a job is, with the digest that marks it as stored.
    fn input_of(&self, job: &Job) -> Input {
        let published = self.published.as_deref();
        match job {
            Job::Document(doc) => Input {
                digest: Some(input_digest(
                    &doc.bytes,
                    published.or(doc.published.as_deref()),
                )),
                source: doc.source.clone(),
            },
            Job::Line(line) => Input {
                digest: Some(input_digest(&line.bytes, published)),
                source: format!("{}:{}", line.input, line.line),
            },
            Job::Failed(error) => Input {
                digest: None,
                source: error.source.clone().unwrap_or_default(),
            },
        }
    }
}

impl Sink for StoreSink {
    fn admit(&mut self, job: &Job) -> bool {
        let input = self.input_of(job);
        if let Some(digest) = &input.digest {
            match self.store.seen(digest) {
                Ok(true) => {
                    self.skipped += 1;
                    return false;
                }
                Ok(false) => {}
                // Not fatal here: the write will meet the same error and report it.
                Err(e) => warn(&format!("{e}")),
            }
        }
        self.pending.push_back(input);
        true
    }

    fn accept(&mut self, outcome: Outcome) -> io::Result<()> {
        let input = self
            .pending
            .pop_front()
            .ok_or_else(|| io::Error::other("an outcome arrived for no input"))?;
        self.progress.inc(1);
        self.batch.push(match outcome {
            Outcome::Record(record) => {
                self.records += 1;
                Item::Record { input, record }
            }
            Outcome::Error(error) => {
                self.errors += 1;
                self.progress.suspend(|| warn(&error.message()));
                Item::Failed {
                    input,
                    error: error.error,
                }
            }
        });
        Ok(())
    }

    fn end_batch(&mut self) -> io::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        let summary = self.store.write(batch).map_err(io::Error::other)?;
        self.summary.add(&summary);
        self.progress.set_message(format!(
            "{} documents, {} events",
            self.summary.documents, self.summary.events
        ));
        Ok(())
    }

    fn records(&self) -> u64 {
        self.records
    }

    fn errors(&self) -> u64 {
        self.errors
    }
}
