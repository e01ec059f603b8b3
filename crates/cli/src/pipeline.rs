//! Bounded batches: jobs gather until a batch is full, then run in parallel on the pool while
//! the next batch is read (reading and gunzipping a WARC overlaps with analysis). When a batch is
//! full, the running one is waited for, the new one starts, and the finished one's outcomes go
//! to the sink in input order while the new one runs (writing overlaps with analysis too). At
//! most three batches are held at once (one being read, one running, one being written): memory
//! stays bounded however long the input, and output bytes never depend on the number of threads.

use std::io::{self, Write};
use std::sync::mpsc;

use rayon::prelude::*;

use crate::job::{Job, Settings};
use crate::output::{Outcome, Output};

/// Where a pipeline's outcomes go, in input order: the record stream on stdout ([`Output`]) or
/// the store (`annalist ingest`).
pub trait Sink {
    /// Whether to run `job` at all. An ingest skips inputs the store already has; a skipped job
    /// gives no outcome.
    fn admit(&mut self, job: &Job) -> bool {
        let _ = job;
        true
    }

    /// Takes one outcome.
    fn accept(&mut self, outcome: Outcome) -> io::Result<()>;

    /// Every outcome of a batch has been accepted: flush or commit.
    fn end_batch(&mut self) -> io::Result<()>;

    /// Records accepted so far.
    fn records(&self) -> u64;

    /// Errors accepted so far.
    fn errors(&self) -> u64;
}

impl<W: Write> Sink for Output<W> {
    fn accept(&mut self, outcome: Outcome) -> io::Result<()> {
        self.write(&outcome)
    }

    fn end_batch(&mut self) -> io::Result<()> {
        self.flush()
    }

    fn records(&self) -> u64 {
        Output::records(self)
    }

    fn errors(&self) -> u64 {
        Output::errors(self)
    }
}

/// Most jobs in one batch per worker thread: enough that one slow page does not leave the
/// other workers idle at the batch's end, few enough that the three batches held at once stay
/// small (on 2 cores a 1 GB WARC.gz peaks at 222 MiB with 16 per worker, 276 MiB with 64).
const JOBS_PER_THREAD: usize = 16;

/// Fewest jobs in one batch, however few the threads.
const MIN_BATCH_JOBS: usize = 32;

/// Most input bytes held by one batch (a single larger document still makes a batch of its own).
const MAX_BATCH_BYTES: usize = 256 * 1024 * 1024;

/// Gathers jobs into batches and hands their outcomes to a [`Sink`] in order.
pub struct Pipeline<S: Sink> {
    pool: rayon::ThreadPool,
    settings: Settings,
    output: S,
    batch: Vec<Job>,
    /// Most jobs in one batch ([`JOBS_PER_THREAD`] per worker).
    max_jobs: usize,
    weight: usize,
    /// The batch running on the pool, if any: its outcomes arrive here.
    running: Option<mpsc::Receiver<Vec<Outcome>>>,
}

impl<S: Sink> Pipeline<S> {
    /// A pipeline running its batches on `pool` and handing outcomes to `output`.
    pub fn new(pool: rayon::ThreadPool, settings: Settings, output: S) -> Pipeline<S> {
        let max_jobs = (pool.current_num_threads() * JOBS_PER_THREAD).max(MIN_BATCH_JOBS);
        Pipeline {
            pool,
            settings,
            output,
            batch: Vec::with_capacity(max_jobs),
            max_jobs,
            weight: 0,
            running: None,
        }
    }

    /// Adds a job, running the batch when it is full.
    pub fn push(&mut self, job: Job) -> io::Result<()> {
        if !self.output.admit(&job) {
            return Ok(());
        }
        self.weight += job.weight();
        self.batch.push(job);
        if self.batch.len() >= self.max_jobs || self.weight >= MAX_BATCH_BYTES {
            self.start_batch()?;
        }
        Ok(())
    }

    /// Waits for the running batch, starts the pending jobs on the pool, then hands the finished
    /// batch's outcomes to the sink while the new batch runs (writing overlaps with analysis).
    fn start_batch(&mut self) -> io::Result<()> {
        let finished = self.wait_running()?;
        self.spawn_pending();
        match finished {
            Some(outcomes) => self.deliver(outcomes),
            None => Ok(()),
        }
    }

    /// Starts the pending jobs on the pool, if there are any.
    fn spawn_pending(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let jobs = std::mem::replace(&mut self.batch, Vec::with_capacity(self.max_jobs));
        self.weight = 0;
        let settings = self.settings.clone();
        let (done, outcomes) = mpsc::sync_channel(1);
        self.pool.spawn(move || {
            let out: Vec<Outcome> = jobs.into_par_iter().map(|job| job.run(&settings)).collect();
            // The receiver is gone only when the pipeline itself was dropped.
            let _ = done.send(out);
        });
        self.running = Some(outcomes);
    }

    /// Waits for the running batch, if any, and takes its outcomes.
    fn wait_running(&mut self) -> io::Result<Option<Vec<Outcome>>> {
        let Some(outcomes) = self.running.take() else {
            return Ok(None);
        };
        outcomes
            .recv()
            .map(Some)
            .map_err(|_| io::Error::other("a batch of documents was lost: its worker stopped"))
    }

    /// Hands a batch's outcomes to the sink in order, then ends the batch.
    fn deliver(&mut self, outcomes: Vec<Outcome>) -> io::Result<()> {
        for outcome in outcomes {
            self.output.accept(outcome)?;
        }
        self.output.end_batch()
    }

    /// Waits for the running batch and hands its outcomes to the sink.
    fn finish_running(&mut self) -> io::Result<()> {
        match self.wait_running()? {
            Some(outcomes) => self.deliver(outcomes),
            None => Ok(()),
        }
    }

    /// Runs every pending job, writes all outcomes in order, and flushes the output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.start_batch()?;
        self.finish_running()?;
        self.output.end_batch()
    }

    /// The output, for its counts. Pending jobs are not counted until [`Pipeline::flush`].
    pub fn output(&self) -> &S {
        &self.output
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::DocJob;
    use crate::output::ErrorRecord;
    use annalist_core::Format;

    #[test]
    fn outcomes_keep_input_order_across_batches() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut pipeline = Pipeline::new(pool, Settings::default(), Output::new(Vec::new(), true));
        for i in 0..300 {
            let job = if i % 50 == 3 {
                Job::Failed(ErrorRecord::new(Some(format!("doc{i}")), "failed"))
            } else {
                Job::Document(DocJob {
                    source: format!("doc{i}"),
                    bytes: format!("Text number {i}.").into_bytes(),
                    format: Some(Format::Plain),
                    ..DocJob::default()
                })
            };
            pipeline.push(job).unwrap();
        }
        pipeline.flush().unwrap();
        assert_eq!(
            pipeline.output().records() + pipeline.output().errors(),
            300
        );
        let out = String::from_utf8(pipeline.output.out_for_tests().clone()).unwrap();
        let sources: Vec<String> = out
            .lines()
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                v["doc"]["source"]
                    .as_str()
                    .or(v["source"].as_str())
                    .unwrap()
                    .to_string()
            })
            .collect();
        let expected: Vec<String> = (0..300).map(|i| format!("doc{i}")).collect();
        assert_eq!(sources, expected);
    }
}
