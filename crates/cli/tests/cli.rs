//! End-to-end tests: the built `annalist` binary run on real files, one module per theme.
//!
//! Every test runs the binary as a user would (`env!("CARGO_BIN_EXE_annalist")`) and reads its
//! stdout, stderr and exit code. Inputs are the repository's `examples/` or built in a temporary
//! folder by the test itself.

#[path = "cli/util.rs"]
mod util;

#[path = "cli/batch.rs"]
mod batch;
#[path = "cli/jsonl.rs"]
mod jsonl;
#[path = "cli/single.rs"]
mod single;
#[path = "cli/sniff.rs"]
mod sniff;
#[path = "cli/store.rs"]
mod store;
#[path = "cli/stress.rs"]
mod stress;
#[path = "cli/warc.rs"]
mod warc;
