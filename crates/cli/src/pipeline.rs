//! Bounded batches: jobs gather until a batch is full, run in parallel, and their outcomes are
//! written in input order before the next batch starts. Memory stays bounded however long the
//! input, and output bytes never depend on the number of threads.

use std::io::{self, Write};

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
        }
    }

    /// Adds a job, running the batch when it is full.
    pub fn push(&mut self, job: Job) -> io::Result<()> {
        self.weight += job.weight();
        self.batch.push(job);
        if self.batch.len() >= MAX_BATCH_JOBS || self.weight >= MAX_BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Runs the pending jobs in parallel, writes their outcomes in order, and flushes the output.
    pub fn flush(&mut self) -> io::Result<()> {
        if self.batch.is_empty() {
            return self.output.flush();
        }
        let jobs = std::mem::replace(&mut self.batch, Vec::with_capacity(MAX_BATCH_JOBS));
        self.weight = 0;
        let settings = &self.settings;
        let outcomes: Vec<Outcome> = self
            .pool
            .install(|| jobs.into_par_iter().map(|job| job.run(settings)).collect());
        for outcome in &outcomes {
            self.output.write(outcome)?;
        }
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
