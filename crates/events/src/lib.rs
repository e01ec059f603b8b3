//! Who did what to whom: CAMEO event coding from raw text, with dates, places and modality.
//!
//! A [`Coder`] reads the clauses of a document the NLP stage has understood (tokens, entities
//! with their actor codes, time expressions, places): it finds each predicate (a verb or an
//! event noun such as "talks" or "joint patrol") in a verb-pattern table, its subject and object
//! among the actors, and codes the phrase in CAMEO with the pattern's code, the code's Goldstein
//! score, quad class and PLOVER type. Reported speech gives the speaker's intent (03x) or
//! accusation (112) rather than the reported act; each event gets the date the text gives it,
//! the place of its locative phrase, and whether it happened, is planned, claimed or negated.
//! No parser runs: patterns match over the clause's tokens.
//!
//! ```
//! use annalist_core::{Document, Format};
//! use annalist_events::Coder;
//! use annalist_nlp::Analyzer;
//!
//! let analyzer = Analyzer::new();
//! let coder = Coder::new();
//! let mut doc = Document::from_paragraphs("x", Format::Plain, vec![
//!     "Russian troops attacked Ukrainian positions near Kharkiv on Monday.".to_string(),
//! ]);
//! doc.published = Some("2024-05-08".to_string());
//! let analysis = annalist_events::analyze(&analyzer, &coder, &doc);
//! let e = &analysis.events[0];
//! assert_eq!(e.root, "19");
//! assert_eq!(e.source.actor.as_deref(), Some("RUSMIL"));
//! assert_eq!(e.target.actor.as_deref().map(|a| &a[..3]), Some("UKR"));
//! assert_eq!(e.date.as_deref(), Some("2024-05-06"));
//! ```
#![deny(missing_docs)]

pub mod codes;
pub mod dictionary;
pub mod document;
pub mod pos;
pub mod sentence;
pub mod verbs;

use annalist_core::{Analysis, Document, EventRecord};
use annalist_nlp::{Analyzer, Understanding};

use crate::codes::CodeTable;
use crate::verbs::VerbTable;

/// PETRARCH2's CAMEO verb-pattern dictionary (MIT; `data/README.md`).
pub const PETRARCH_VERBS: &str = include_str!("../data/verbs.petrarch2.txt");

/// The verb-or-noun classifier's weights, as `annalist-train pos` writes them.
pub const POS_MODEL: &[u8] = include_bytes!("../data/pos.model.gz");

/// This project's additions: event nouns ("talks", "joint patrol") and verbs the dictionary
/// lacks or codes differently, in the same format.
pub const ANNALIST_VERBS: &str = include_str!("../data/verbs.annalist.txt");

/// The event coder: the verb-pattern table and the code table, loaded once and shared.
#[derive(Clone, Debug)]
pub struct Coder {
    verbs: VerbTable,
    codes: CodeTable,
    pos: pos::PosModel,
    options: sentence::Options,
}

impl Default for Coder {
    fn default() -> Coder {
        Coder::new()
    }
}

impl Coder {
    /// The coder with the embedded tables.
    pub fn new() -> Coder {
        let mut verbs = VerbTable::new();
        verbs.add(PETRARCH_VERBS);
        verbs.add(ANNALIST_VERBS);
        Coder::with_verbs(verbs)
    }

    /// A coder with another verb table (a PETRARCH-format dictionary of one's own).
    pub fn with_verbs(verbs: VerbTable) -> Coder {
        Coder {
            verbs,
            codes: CodeTable::embedded(),
            // The embedded bytes are checked by a test; failing here is a build defect.
            pos: pos::PosModel::read(POS_MODEL).expect("the embedded part-of-speech model"),
            options: sentence::Options::default(),
        }
    }

    /// The coder with other options (see [`sentence::Options`]).
    pub fn with_options(mut self, options: sentence::Options) -> Coder {
        self.options = options;
        self
    }

    /// The verb table.
    pub fn verbs(&self) -> &VerbTable {
        &self.verbs
    }

    /// The code table.
    pub fn codes(&self) -> &CodeTable {
        &self.codes
    }

    /// The events of an understood document. `g` is the analyzer's gazetteer (agent nouns,
    /// capitals).
    pub fn code(
        &self,
        g: &annalist_nlp::gazetteer::Gazetteer,
        u: &Understanding<'_>,
    ) -> Vec<EventRecord> {
        document::code_document(self, g, u)
    }

    /// The events of one sentence given as lowercase tokens and actor spans of one's own (from
    /// an [`dictionary::ActorDictionary`], for example).
    pub fn code_words(
        &self,
        words: &[&str],
        actors: &[sentence::ActorSpan],
    ) -> Vec<sentence::Coded> {
        let mut out = self.code_words_all(words, actors);
        out.retain(|c| c.target.is_some() || c.needs_no_target());
        out
    }

    /// Like [`Coder::code_words`], with the acts whose target the sentence does not name kept
    /// whatever their kind (for the document's context to fill or drop).
    pub(crate) fn code_words_all(
        &self,
        words: &[&str],
        actors: &[sentence::ActorSpan],
    ) -> Vec<sentence::Coded> {
        sentence::code_sentence(
            &self.verbs,
            &self.codes,
            &self.pos,
            self.options,
            words,
            actors,
        )
    }
}

/// The whole record of `doc`: the NLP stage, then the events.
pub fn analyze(analyzer: &Analyzer, coder: &Coder, doc: &Document) -> Analysis {
    let u = analyzer.understand(doc);
    let events = coder.code(analyzer.gazetteer(), &u);
    let mut analysis = u.into_analysis();
    analysis.events = events;
    analysis
}
