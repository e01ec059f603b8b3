//! Serves a store until Ctrl-C, before (or without) the `annalist serve` command:
//!
//! ```text
//! cargo run -p annalist-server --example serve -- annalist.db 127.0.0.1:8080
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().unwrap_or_else(|| "annalist.db".into()));
    let addr: SocketAddr = match args.next().map(|a| a.parse()) {
        None => annalist_server::DEFAULT_ADDR,
        Some(Ok(addr)) => addr,
        Some(Err(e)) => {
            eprintln!("error: bad address: {e}");
            return ExitCode::from(2);
        }
    };
    let served = annalist_server::serve(&db, addr, |bound| {
        eprintln!("serving {} on http://{bound}/ (Ctrl-C stops)", db.display());
    })
    .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
