//! `annalist export`: the store as JSON lines of records, or as a GDELT 2.0 event table.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use annalist_store::{Filter, Store};
use anyhow::Context;

use crate::args::{ExportArgs, ExportFormat};
use crate::output::warn;

/// Runs `annalist export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    let store = Store::open_read_only(&args.db)?;
    let filter = Filter::from(&args.filter);
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let (n, what) = match args.format {
        ExportFormat::Jsonl => {
            if filter != Filter::default() {
                anyhow::bail!("filters apply to events: use them with --format gdelt");
            }
            (store.export_jsonl(&mut out)?, "records")
        }
        ExportFormat::Gdelt => (
            store.export_gdelt(&filter, !args.no_header, &mut out)?,
            "events",
        ),
    };
    out.flush().context("cannot write the export")?;
    if let Some(path) = &args.out {
        warn(&format!("wrote {n} {what} to {}", path.display()));
    }
    Ok(())
}
