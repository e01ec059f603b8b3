//! The `annalist` binary: reads news pages and writes one analysis record per article.
//!
//! A thin edge over the library crates: [`args`] is the command line, [`input`] opens paths,
//! [`jsonl`] and [`warc`] stream containers, [`job`] extracts and analyses one document,
//! [`pipeline`] runs bounded batches in parallel and [`output`] writes records in input order.

mod analyze;
mod args;
mod date;
mod export;
mod ingest;
mod input;
mod job;
mod jsonl;
mod output;
mod pipeline;
mod query;
mod serve;
mod warc;

use std::io;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the analysis allocates many small, short-lived strings and vectors per document,
/// and the system allocator spends about a tenth of the run on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use crate::analyze::Status;
use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args).map(|()| Status::Clean),
        Command::Export(args) => export::run(args).map(|()| Status::Clean),
        Command::Serve(args) => serve::run(args).map(|()| Status::Clean),
    };
    match result {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::HadErrors) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::warn(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// True when the error is stdout's reader having gone away (`annalist … | head`): that is how a
/// pipeline says it has read enough, so it ends the run quietly, as ripgrep does.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
