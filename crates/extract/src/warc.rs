//! WARC archives. (Stub.)
