//! The `annalist` binary. (Stub.)
fn main() {}
