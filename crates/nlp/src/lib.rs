//! Reading the story: sentences now; entities, times, places and quotes as they land.
//!
//! [`analyze`] turns a [`Document`] into the public [`Analysis`] record. Every stage works on the
//! document's text in byte [`Span`]s and never moves another stage's offsets.
//!
//! ```
//! use annalist_core::{Document, Format};
//!
//! let doc = Document::from_paragraphs("x", Format::Plain, vec![
//!     "Dr. Smith went to the U.S. on Jan. 3. He stayed.".to_string(),
//! ]);
//! let analysis = annalist_nlp::analyze(&doc);
//! assert_eq!(analysis.sentences, vec![[0, 37], [38, 48]]);
//! ```
#![deny(missing_docs)]

pub mod sentences;

use annalist_core::{Analysis, Document, Span};

/// The analysis record of `doc`.
pub fn analyze(doc: &Document) -> Analysis {
    let sentences: Vec<Span> = sentences::split(&doc.text, &doc.paragraphs);
    Analysis::from_document(doc, &sentences)
}
