//! The analysis record: the public contract `annalist analyze` writes (`annalist/1`).

use serde::{Deserialize, Serialize};

use crate::{Caption, CharIndex, Document, PublishedFrom, Span};

/// The value of the record's `schema` field.
pub const SCHEMA: &str = "annalist/1";

/// One article's record. Field names are a public interface: add, never rename or remove.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The article's metadata.
    pub doc: DocMeta,
    /// The clean body: paragraphs joined by a blank line.
    pub text: String,
    /// `[start, end)` of every paragraph, in chars into `text`.
    pub paragraphs: Vec<[usize; 2]>,
    /// `[start, end)` of every sentence, in chars into `text`.
    pub sentences: Vec<[usize; 2]>,
    /// Named entities with their mentions grouped.
    pub entities: Vec<EntityRecord>,
    /// Time expressions, normalised.
    pub times: Vec<TimeRecord>,
    /// Places resolved to the gazetteer.
    pub places: Vec<PlaceRecord>,
    /// Direct quotes and their speakers.
    pub quotes: Vec<QuoteRecord>,
    /// Coded events.
    pub events: Vec<EventRecord>,
}

/// The `doc` object of the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Hex digest of the clean text: stable across runs, equal for equal texts.
    pub id: String,
    /// Where it came from: a path, a WARC record id, a JSON line's `id`.
    pub source: String,
    /// URL, or null.
    pub url: Option<String>,
    /// ISO 639-1 code, or null.
    pub language: Option<String>,
    /// ISO date or datetime, or null.
    pub published: Option<String>,
    /// Where `published` was read from, or null.
    pub published_from: Option<PublishedFrom>,
    /// Headline, or null.
    pub title: Option<String>,
    /// Standfirst, or null.
    pub description: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Captions with credits.
    pub captions: Vec<Caption>,
    /// The site's name, or null.
    pub site_name: Option<String>,
    /// Non-fatal notes on how the document was read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// An entity and every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// `E1`, `E2`…
    pub id: String,
    /// PERSON, ORG, GPE, LOC, NORP or EVENT.
    #[serde(rename = "type")]
    pub kind: String,
    /// The fullest name in the text.
    pub name: String,
    /// Titles and roles the text gives.
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-3 of the country it belongs to.
    pub country: Option<String>,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// Every mention, `[start, end)` in chars.
    pub mentions: Vec<[usize; 2]>,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    /// First char.
    pub start: usize,
    /// Char after the last.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

/// A place resolved to a gazetteer entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    /// The entity it resolves.
    pub entity: String,
    /// The gazetteer's name.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id, if it is a GeoNames entry.
    pub geonameid: Option<u64>,
}

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// First char of the quoted words.
    pub start: usize,
    /// Char after the last quoted word.
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: String,
    /// The speaker's entity id.
    pub speaker: Option<String>,
}

/// One side of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// The entity, if the actor is one.
    pub entity: Option<String>,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// The actor's name.
    pub name: String,
}

/// A coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// CAMEO code.
    pub code: String,
    /// CAMEO root (two digits).
    pub root: String,
    /// Quad class 1–4.
    pub quad: u8,
    /// Goldstein score.
    pub goldstein: f64,
    /// The code's label.
    pub label: String,
    /// The PLOVER event type the code maps to (an addition to the contract's fields).
    #[serde(default)]
    pub plover: Option<String>,
    /// Who acts.
    pub source: EventActor,
    /// Who is acted on.
    pub target: EventActor,
    /// The event's own date (TIMEX3 value).
    pub date: Option<String>,
    /// `text` or `published`.
    pub date_from: String,
    /// Place entity id.
    pub place: Option<String>,
    /// occurred, planned, claimed or negated.
    pub modality: String,
    /// `[start, end)` of the clause it was read from, in chars.
    pub evidence: [usize; 2],
}

impl Analysis {
    /// The record of `doc` with the given sentence spans (bytes) and nothing else found yet.
    pub fn from_document(doc: &Document, sentences: &[Span]) -> Analysis {
        Analysis::from_document_indexed(doc, sentences, &CharIndex::new(&doc.text))
    }

    /// [`Analysis::from_document`] with the text's [`CharIndex`] already made.
    pub fn from_document_indexed(
        doc: &Document,
        sentences: &[Span],
        index: &CharIndex,
    ) -> Analysis {
        Analysis {
            schema: SCHEMA.to_string(),
            doc: DocMeta {
                id: text_digest(&doc.text),
                source: doc.source.clone(),
                url: doc.url.clone(),
                language: doc.language.clone(),
                published: doc.published.clone(),
                published_from: doc.published_from,
                title: doc.title.clone(),
                description: doc.description.clone(),
                authors: doc.authors.clone(),
                captions: doc.captions.clone(),
                site_name: doc.site_name.clone(),
                warnings: doc.warnings.clone(),
            },
            text: doc.text.clone(),
            paragraphs: doc.paragraphs.iter().map(|&s| index.span(s)).collect(),
            sentences: sentences.iter().map(|&s| index.span(s)).collect(),
            entities: Vec::new(),
            times: Vec::new(),
            places: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// The record's `doc.id`: the first 128 bits of the BLAKE3 digest of the clean text, in hex.
pub fn text_digest(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    hash.as_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    #[test]
    fn record_uses_the_contract_names() {
        let doc = Document::from_paragraphs(
            "p",
            Format::Html,
            vec!["Ünïcode first.".into(), "Next.".into()],
        );
        let a = Analysis::from_document(&doc, &[Span::new(0, doc.text.len())]);
        let v = serde_json::to_value(&a).unwrap();
        for key in [
            "schema",
            "doc",
            "text",
            "paragraphs",
            "sentences",
            "entities",
            "times",
            "places",
            "quotes",
            "events",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        for key in [
            "id",
            "source",
            "url",
            "language",
            "published",
            "title",
            "description",
            "authors",
            "captions",
        ] {
            assert!(v["doc"].get(key).is_some(), "missing doc.{key}");
        }
        assert_eq!(a.paragraphs, vec![[0, 14], [16, 21]]);
        assert_eq!(a.sentences, vec![[0, 21]]);
        assert_eq!(a.doc.id, text_digest(&doc.text));
        assert_eq!(a.doc.id.len(), 32);
    }
}
