//! Reading the story: sentences, tokens and entities; times, places and quotes as they land.
//!
//! An [`Analyzer`] holds what the stages load once (the tagger's weights, the gazetteer) and
//! turns a [`Document`] into the public [`Analysis`] record. Every stage works on the document's
//! text in byte [`Span`]s and token ranges; the record converts them to chars at the end.
//!
//! ```
//! use annalist_core::{Document, Format};
//! use annalist_nlp::Analyzer;
//!
//! let analyzer = Analyzer::new();
//! let doc = Document::from_paragraphs("x", Format::Plain, vec![
//!     "Dr. Smith went to the U.S. on Jan. 3. He stayed.".to_string(),
//! ]);
//! let analysis = analyzer.analyze(&doc);
//! assert_eq!(analysis.sentences, vec![[0, 37], [38, 48]]);
//! ```
#![deny(missing_docs)]

pub mod entities;
pub mod gazetteer;
pub mod ner;
pub mod places;
pub mod quotes;
pub mod sentences;
pub mod times;
pub mod titles;
pub mod tokens;

use annalist_core::{
    Analysis, CharIndex, Document, EntityRecord, PlaceRecord, QuoteRecord, Span, TimeRecord,
};

use crate::entities::Tokenized;
use crate::gazetteer::Gazetteer;
use crate::ner::Model;

/// The tagger's weights, as `annalist-train ner` writes them.
const MODEL: &[u8] = include_bytes!("../data/ner.model.gz");

/// The NLP stage: loaded once, shared by reference across threads.
pub struct Analyzer {
    model: Model,
    gazetteer: Gazetteer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("features", &self.model.features())
            .finish_non_exhaustive()
    }
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// The analyzer with the embedded model and gazetteer.
    pub fn new() -> Analyzer {
        // The embedded bytes are checked by a test; failing here is a build defect.
        let model = Model::read(MODEL).expect("the embedded tagger model is valid");
        Analyzer::with_parts(model, Gazetteer::load())
    }

    /// An analyzer with the given model and gazetteer.
    pub fn with_parts(model: Model, gazetteer: Gazetteer) -> Analyzer {
        Analyzer { model, gazetteer }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The tagger's model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The analysis record of `doc`.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        self.understand(doc).into_analysis()
    }

    /// What the stages found in `doc`, in tokens and byte spans, before it becomes the record:
    /// the input of later stages (events) that need the tokens.
    pub fn understand<'a>(&self, doc: &'a Document) -> Understanding<'a> {
        let sentences: Vec<Span> = sentences::split(&doc.text, &doc.paragraphs);
        let tokens = Tokenized::new(&doc.text, &sentences);
        let mut entities = entities::find(
            &tokens,
            &self.model,
            &self.gazetteer,
            doc.published.as_deref(),
        );
        let times = times::find(&tokens, doc.published.as_deref());
        let places = places::resolve(&tokens, &self.gazetteer, &entities);
        // Quotes add the speakers they resolve (pronouns, surnames, names the tagger missed) to
        // the entities, so they run before the places are tied to entity ids.
        let quotes = quotes::find_attaching(&tokens, &mut entities);
        Understanding {
            doc,
            index: CharIndex::new(&doc.text),
            sentences,
            tokens,
            entities,
            times,
            places,
            quotes,
        }
    }
}

/// One document as the NLP stages leave it: tokens, and what was found over them, in token
/// ranges and byte spans. [`Understanding::into_analysis`] turns it into the public record.
pub struct Understanding<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its text's byte offsets to char offsets, for the record and the events.
    pub index: CharIndex,
    /// Sentence spans, bytes.
    pub sentences: Vec<Span>,
    /// Tokens and sentence token ranges.
    pub tokens: Tokenized<'a>,
    /// Entities; an entity's id in the record is `E{index + 1}`.
    pub entities: Vec<entities::Entity>,
    /// Time expressions.
    pub times: Vec<times::Time>,
    /// Places, by entity index.
    pub places: Vec<places::Place>,
    /// Direct quotes, speakers by entity index.
    pub quotes: Vec<quotes::Quote>,
}

impl Understanding<'_> {
    /// The record id of entity `k`.
    pub fn entity_id(k: usize) -> String {
        format!("E{}", k + 1)
    }

    /// The analysis record, events empty.
    pub fn into_analysis(self) -> Analysis {
        let doc = self.doc;
        let t = self.tokens;
        let index = self.index;
        let mut analysis = Analysis::from_document_indexed(doc, &self.sentences, &index);
        let id = Understanding::entity_id;
        analysis.times = self
            .times
            .into_iter()
            .map(|x| {
                let [start, end] = index.span(x.span);
                TimeRecord {
                    start,
                    end,
                    text: doc.text[x.span.start..x.span.end].to_string(),
                    kind: x.kind.to_string(),
                    value: x.value,
                    modifier: x.modifier.map(str::to_string),
                }
            })
            .collect();
        analysis.places = self
            .places
            .into_iter()
            .map(|p| PlaceRecord {
                entity: id(p.entity),
                name: p.name,
                country: p.country,
                lat: p.lat,
                lon: p.lon,
                geonameid: p.geonameid,
            })
            .collect();
        analysis.quotes = self
            .quotes
            .into_iter()
            .map(|q| {
                let [start, end] = index.span(q.span);
                QuoteRecord {
                    start,
                    end,
                    text: doc.text[q.span.start..q.span.end].to_string(),
                    speaker: q.speaker.map(id),
                }
            })
            .collect();
        analysis.entities = self
            .entities
            .into_iter()
            .enumerate()
            .map(|(k, e)| {
                let mut mentions: Vec<[usize; 2]> = e
                    .mentions
                    .iter()
                    .map(|m| index.span(t.span(m.tokens.clone())))
                    .collect();
                mentions.sort_unstable();
                mentions.dedup();
                EntityRecord {
                    id: id(k),
                    kind: e.kind.as_str().to_string(),
                    name: e.name,
                    roles: e.roles,
                    country: e.country,
                    actor: e.actor,
                    mentions,
                }
            })
            .collect();
        analysis
    }
}

/// The analysis record of `doc`, with a freshly loaded [`Analyzer`]. Loading takes milliseconds:
/// build one `Analyzer` and reuse it for more than one document.
pub fn analyze(doc: &Document) -> Analysis {
    Analyzer::new().analyze(doc)
}
