//! HTML pages. (Stub.)
use annalist_core::Document;

/// Extracts the article from a decoded HTML page.
pub fn extract_html(html: &str, url: Option<&str>) -> Document {
    let _ = (html, url);
    Document::default()
}
