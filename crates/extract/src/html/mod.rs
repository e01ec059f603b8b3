//! The HTML path: parse, read the metadata, find the body.
//!
//! [`parse::parse`] builds an arena [`tree::Tree`]; [`meta::metadata`] reads the title, date,
//! authors and the rest; [`content::main_content`] finds the article's paragraphs and captions.

pub mod classify;
pub mod content;
mod date;
pub mod meta;
pub mod parse;
mod phrases;
pub mod tree;

use annalist_core::Document;

/// Extracts the article from a decoded HTML page. `url` is where it was fetched from, if known.
pub fn extract_html(html: &str, url: Option<&str>) -> Document {
    let tree = parse::parse(html);
    let meta = meta::metadata(&tree, url);
    let content = content::main_content(&tree, meta.title.as_deref());
    let mut doc = Document {
        url: meta.url,
        language: meta.language,
        published: meta.published,
        published_from: meta.published_from,
        title: meta.title,
        description: meta.description,
        authors: meta.authors,
        captions: content.captions,
        site_name: meta.site_name,
        ..Document::default()
    };
    // The standfirst is metadata; when the body opens with it word for word, it stays in the body
    // only once.
    doc.set_paragraphs(content.paragraphs);
    if content.fallback {
        doc.warnings
            .push("no article container found; kept the prose blocks of the whole page".into());
    }
    doc
}
