//! `annalist analyze`: every path in turn, in order, through one pipeline.

use std::io::{self, BufWriter};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use annalist_core::Format;
use anyhow::Context;

use crate::args::AnalyzeArgs;
use crate::input::Origin;
use crate::job::{DocJob, Job, Settings};
use crate::output::{ErrorRecord, Output};
use crate::pipeline::{Pipeline, Sink};
use crate::{jsonl, warc};

/// How a run ended, when the output could be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every document gave a record.
    Clean,
    /// Some input gave an error record.
    HadErrors,
}

/// Runs `annalist analyze`. Errors about inputs go into the output stream; only an error
/// writing the output (a closed pipe, a full disk) or setting up is returned.
pub fn run(args: &AnalyzeArgs) -> anyhow::Result<Status> {
    let pool = worker_pool(args.threads)?;
    let settings = Settings {
        published: args.published.clone(),
        analyzer: Default::default(),
        coder: Default::default(),
    };
    let stdout = io::stdout();
    let output = Output::new(
        BufWriter::with_capacity(64 * 1024, stdout.lock()),
        args.jsonl,
    );
    let mut pipeline = Pipeline::new(pool, settings, output);
    let cannot_write = "cannot write the records to standard output";
    for path in &args.paths {
        read_path(
            &Origin::from_arg(path),
            args.format.map(Format::from),
            &mut pipeline,
        )
        .context(cannot_write)?;
    }
    pipeline.flush().context(cannot_write)?;
    Ok(if pipeline.output().errors() > 0 {
        Status::HadErrors
    } else {
        Status::Clean
    })
}

/// Reads every file under a directory, in name order, skipping hidden entries (`.git`).
fn read_dir<S: Sink>(
    dir: &Path,
    forced: Option<Format>,
    pipeline: &mut Pipeline<S>,
) -> io::Result<()> {
    let entries = std::fs::read_dir(dir).and_then(|entries| {
        entries
            .map(|entry| entry.map(|e| e.path()))
            .collect::<io::Result<Vec<PathBuf>>>()
    });
    let mut paths = match entries {
        Ok(paths) => paths,
        Err(e) => {
            let name = dir.display().to_string();
            let error = format!("cannot read the directory {name}: {e}");
            return pipeline.push(Job::Failed(ErrorRecord::new(Some(name), error)));
        }
    };
    paths.retain(|p| {
        !p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    });
    paths.sort();
    for path in paths {
        read_path(&Origin::File(path), forced, pipeline)?;
    }
    Ok(())
}

/// The analysis threads: `threads` of them, else one per core.
pub fn worker_pool(threads: Option<NonZeroUsize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut pool = rayon::ThreadPoolBuilder::new()
        // As much stack as the main thread: the extractor is tested there.
        .stack_size(8 * 1024 * 1024)
        .thread_name(|i| format!("annalist-{i}"));
    if let Some(threads) = threads {
        pool = pool.num_threads(threads.get());
    }
    pool.build().context("cannot start the worker threads")
}

/// Reads one path into the pipeline: containers streamed, other files as one document.
pub fn read_path<S: Sink>(
    origin: &Origin,
    forced: Option<Format>,
    pipeline: &mut Pipeline<S>,
) -> io::Result<()> {
    if let Origin::File(dir) = origin {
        if dir.is_dir() {
            return read_dir(dir, forced, pipeline);
        }
    }
    let name = origin.name();
    let failed =
        |e: anyhow::Error| Job::Failed(ErrorRecord::new(Some(name.clone()), format!("{e:#}")));
    let opened = match origin.open(forced) {
        Ok(opened) => opened,
        Err(e) => return pipeline.push(failed(e)),
    };
    match opened.format {
        Format::Warc => warc::stream(opened.into_reader(), &name, pipeline),
        Format::Jsonl => jsonl::stream(&mut opened.into_reader(), &name, pipeline),
        format => match opened.read_all() {
            Ok(bytes) => pipeline.push(Job::Document(DocJob {
                source: name.clone(),
                bytes,
                format: Some(format),
                ..DocJob::default()
            })),
            Err(e) => pipeline.push(failed(e)),
        },
    }
}
