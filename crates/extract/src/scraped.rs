//! Scraper dumps. (Stub.)
use annalist_core::Document;

/// Reads a scraper's text dump.
pub fn extract_scraped(text: &str) -> Document {
    let mut d = Document::default();
    d.set_paragraphs(text.split("\n\n"));
    d
}
