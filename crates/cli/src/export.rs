//! `annalist export`: the store as JSON lines of records, as a GDELT 2.0 event table, or as
//! Parquet datasets partitioned by day.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use annalist_store::{Filter, Store};
use anyhow::Context;

use crate::args::{ExportArgs, ExportFormat};
use crate::output::warn;

/// Runs `annalist export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    if args.format == ExportFormat::Parquet {
        return parquet(args);
    }
    let store = Store::open_read_only(&args.db)?;
    let filter = Filter::from(&args.filter);
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let (n, what) = if args.format == ExportFormat::Jsonl {
        if filter != Filter::default() {
            anyhow::bail!("filters apply to events: use them with --format gdelt or parquet");
        }
        (store.export_jsonl(&mut out)?, "records")
    } else {
        (
            store.export_gdelt(&filter, !args.no_header, &mut out)?,
            "events",
        )
    };
    out.flush().context("cannot write the export")?;
    if let Some(path) = &args.out {
        warn(&format!("wrote {n} {what} to {}", path.display()));
    }
    Ok(())
}

/// `--format parquet`: three datasets under the `--out` directory.
fn parquet(args: &ExportArgs) -> anyhow::Result<()> {
    let Some(dir) = &args.out else {
        anyhow::bail!(
            "--format parquet writes a directory of files: give it with --out DIR \
             (a new or empty directory)"
        );
    };
    let store = Store::open_read_only(&args.db)?;
    let summary = store.export_parquet_filtered(&Filter::from(&args.filter), dir)?;
    warn(&format!(
        "wrote {} events, {} mentions, {} documents to {}",
        summary.events,
        summary.mentions,
        summary.documents,
        dir.display()
    ));
    Ok(())
}
