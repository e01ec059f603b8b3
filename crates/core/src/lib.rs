//! The data that flows through annalist, and nothing else.
//!
//! Data moves one way: bytes → [`Document`] → [`Analysis`] → store/export.
//!
//! * [`Document`] is what the extraction stage (`annalist-extract`) reads out of a page: the clean body
//!   text, its paragraph boundaries and the metadata (title, standfirst, date, authors, captions).
//! * [`Analysis`] is the public record that `annalist analyze` writes, field for field the contract in
//!   `contract/analysis-v1.md`. Its offsets count Unicode scalar values (`char`s) into
//!   [`Analysis::text`]; inside the pipeline every stage works in byte offsets ([`Span`]) and the
//!   conversion happens once, in [`Analysis::from_document`] and [`CharIndex`].
//!
//! ```
//! use annalist_core::{Analysis, Document, Format};
//!
//! let doc = Document::from_paragraphs("example.txt", Format::Plain, vec![
//!     "First paragraph.".to_string(),
//!     "Second one.".to_string(),
//! ]);
//! let analysis = Analysis::from_document(&doc, &[]);
//! assert_eq!(analysis.text, "First paragraph.\n\nSecond one.");
//! assert_eq!(analysis.paragraphs, vec![[0, 16], [18, 29]]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod date;
mod document;
mod record;
mod span;

pub use document::{Caption, Document, Format, PublishedFrom};
pub use record::{
    text_digest, Analysis, DocMeta, EntityRecord, EventActor, EventRecord, PlaceRecord,
    QuoteRecord, TimeRecord, SCHEMA,
};
pub use span::{CharIndex, Span};
