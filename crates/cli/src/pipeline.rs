//! Bounded batches: jobs gather until a batch is full, then run in parallel on the pool while
//! the next batch is read (reading and gunzipping a WARC overlaps with analysis). Outcomes are
//! written in input order, a batch's before the next one starts running, so at most two batches
//! are held at once: memory stays bounded however long the input, and output bytes never depend
//! on the number of threads.

use std::io::{self, Write};
use std::sync::mpsc;

use rayon::prelude::*;

use crate::job::{Job, Settings};
use crate::output::{Outcome, Output};

/// Most jobs in one batch.
const MAX_BATCH_JOBS: usize = 128;

/// Most input bytes held by one batch (a single larger document still makes a batch of its own).
const MAX_BATCH_BYTES: usize = 256 * 1024 * 1024;

/// Gathers jobs into batches and writes their outcomes in order.
pub struct Pipeline<W: Write> {
    pool: rayon::ThreadPool,
    settings: Settings,
    output: Output<W>,
    batch: Vec<Job>,
    weight: usize,
    /// The batch running on the pool, if any: its outcomes arrive here.
    running: Option<mpsc::Receiver<Vec<Outcome>>>,
}

impl<W: Write> Pipeline<W> {
    /// A pipeline running its batches on `pool` and writing to `output`.
    pub fn new(pool: rayon::ThreadPool, settings: Settings, output: Output<W>) -> Pipeline<W> {
        Pipeline {
            pool,
            settings,
            output,
            batch: Vec::with_capacity(MAX_BATCH_JOBS),
            weight: 0,
            running: None,
        }
    }

    /// Adds a job, running the batch when it is full.
    pub fn push(&mut self, job: Job) -> io::Result<()> {
        self.weight += job.weight();
        self.batch.push(job);
        if self.batch.len() >= MAX_BATCH_JOBS || self.weight >= MAX_BATCH_BYTES {
            self.start_batch()?;
        }
        Ok(())
    }

    /// Writes the running batch's outcomes, then starts the pending jobs on the pool.
    fn start_batch(&mut self) -> io::Result<()> {
        self.finish_running()?;
        if self.batch.is_empty() {
            return Ok(());
        }
        let jobs = std::mem::replace(&mut self.batch, Vec::with_capacity(MAX_BATCH_JOBS));
        self.weight = 0;
        let settings = self.settings.clone();
        let (done, outcomes) = mpsc::sync_channel(1);
        self.pool.spawn(move || {
            let out: Vec<Outcome> = jobs.into_par_iter().map(|job| job.run(&settings)).collect();
            // The receiver is gone only when the pipeline itself was dropped.
            let _ = done.send(out);
        });
        self.running = Some(outcomes);
        Ok(())
    }

    /// Waits for the running batch and writes its outcomes in order.
    fn finish_running(&mut self) -> io::Result<()> {
        let Some(outcomes) = self.running.take() else {
            return Ok(());
        };
        let outcomes = outcomes
            .recv()
            .map_err(|_| io::Error::other("a batch of documents was lost: its worker stopped"))?;
        for outcome in &outcomes {
            self.output.write(outcome)?;
        }
        self.output.flush()
    }

    /// Runs every pending job, writes all outcomes in order, and flushes the output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.start_batch()?;
        self.finish_running()?;
        self.output.flush()
    }

    /// The output, for its counts. Pending jobs are not counted until [`Pipeline::flush`].
    pub fn output(&self) -> &Output<W> {
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
