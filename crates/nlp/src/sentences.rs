//! Sentence boundaries. (Stub.)
use annalist_core::Span;

/// Splits `text` into sentences, never across a paragraph boundary.
pub fn split(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let _ = text;
    paragraphs.to_vec()
}
