//! Plain text: the input is the body. (Stub.)
use annalist_core::Document;

/// Reads plain text.
pub fn extract_plain(text: &str) -> Document {
    let mut d = Document::default();
    d.text = text.replace("\r\n", "\n");
    d
}
