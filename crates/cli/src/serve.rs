//! `annalist serve`: the store's JSON API and web page, until Ctrl-C.

use anyhow::Context;

use crate::args::ServeArgs;
use crate::output::warn;

/// Runs `annalist serve`. The first line on stderr says where it listens.
pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's threads")?;
    let db = args.db.display().to_string();
    runtime.block_on(annalist_server::serve(&args.db, args.addr, |bound| {
        warn(&format!("serving {db} on http://{bound}/ (Ctrl-C stops)"));
    }))?;
    Ok(())
}
