//! Direct quotes and their speakers.

use annalist_core::Span;

use crate::entities::{Entity, Tokenized};

/// A direct quote: the quoted words without their marks, and who said them.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words, in bytes of the text, without the quote marks.
    pub span: Span,
    /// The speaker: an index into the entity list.
    pub speaker: Option<usize>,
}

/// The direct quotes of the text, with speakers from `entities` where the text gives them.
pub fn find(_t: &Tokenized<'_>, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
