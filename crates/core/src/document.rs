//! What extraction reads out of one page.

use serde::{Deserialize, Serialize};

use crate::Span;

/// The shape of an input, as guessed from its bytes and name or forced by `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// An HTML page.
    Html,
    /// Text dumped by a scraper, with its junk (icon strips, share labels, captions) still in it.
    Scraped,
    /// The input *is* the body: kept byte for byte (only `\r\n` folded to `\n`).
    Plain,
    /// A WARC archive (`.warc`, `.warc.gz`); every HTML response record is one article.
    Warc,
    /// JSON lines, one input document per line.
    Jsonl,
}

impl Format {
    /// The name used on the command line and in records.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Scraped => "scraped",
            Format::Plain => "plain",
            Format::Warc => "warc",
            Format::Jsonl => "jsonl",
        }
    }

    /// Parses a name as written by [`Format::name`].
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "html" => Format::Html,
            "scraped" => Format::Scraped,
            "plain" => Format::Plain,
            "warc" => Format::Warc,
            "jsonl" => Format::Jsonl,
            _ => return None,
        })
    }
}

/// Where the published date was read from, most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedFrom {
    /// Given by the caller (`--published`, or the `published` field of a JSON line).
    Given,
    /// A JSON-LD `datePublished`.
    JsonLd,
    /// A `<meta>` element (`article:published_time` and its kin).
    Meta,
    /// A `<time datetime>` element.
    TimeElement,
    /// A date in the URL's path.
    Url,
    /// A date in the visible text (a dateline or a date header).
    Text,
    /// The WARC record's capture date (the last resort: the day the page was fetched).
    Capture,
}

/// A photo caption and its credit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    /// The caption's text, without the credit.
    pub text: String,
    /// Who the photo is credited to ("Russia's Defense Ministry"), if the page says.
    pub credit: Option<String>,
}

/// One article as extraction reads it: the clean body and its metadata.
///
/// `text` holds the body; `paragraphs` are byte spans into it. Extracted formats join paragraphs
/// with a blank line; `plain` keeps the input as it is and finds paragraphs at blank lines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where it came from: a path, a WARC record id, or the `id` of a JSON line.
    pub source: String,
    /// The page's canonical URL (or the URL it was fetched from), if known.
    pub url: Option<String>,
    /// ISO 639-1 language code, if detected.
    pub language: Option<String>,
    /// ISO date (or datetime) of publication, if known.
    pub published: Option<String>,
    /// Where [`Document::published`] was read from.
    pub published_from: Option<PublishedFrom>,
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// The standfirst or lead, if the page has one apart from the body.
    pub description: Option<String>,
    /// People credited with writing it.
    pub authors: Vec<String>,
    /// Photo captions with their credits.
    pub captions: Vec<Caption>,
    /// The site's name, if the page gives it.
    pub site_name: Option<String>,
    /// The clean body text.
    pub text: String,
    /// Paragraphs as byte spans into `text`.
    pub paragraphs: Vec<Span>,
    /// What was done to read this document that a user may want to know (charset guessed,
    /// page truncated, fallback used…). Never fatal.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document whose body is `paragraphs` joined by a blank line. Empty paragraphs are dropped.
    pub fn from_paragraphs(source: &str, _format: Format, paragraphs: Vec<String>) -> Document {
        let mut doc = Document {
            source: source.to_string(),
            ..Document::default()
        };
        doc.set_paragraphs(paragraphs);
        doc
    }

    /// Replaces the body with `paragraphs` joined by a blank line. Empty paragraphs are dropped.
    pub fn set_paragraphs<I, S>(&mut self, paragraphs: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.text.clear();
        self.paragraphs.clear();
        for p in paragraphs {
            let p = p.as_ref().trim();
            if p.is_empty() {
                continue;
            }
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(p);
            self.paragraphs.push(Span::new(start, self.text.len()));
        }
    }

    /// The paragraphs' texts.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .map(move |s| &self.text[s.start..s.end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_joined_by_blank_lines_and_empty_ones_dropped() {
        let doc =
            Document::from_paragraphs("x", Format::Html, vec![" a ".into(), "".into(), "b".into()]);
        assert_eq!(doc.text, "a\n\nb");
        assert_eq!(doc.paragraphs, vec![Span::new(0, 1), Span::new(3, 4)]);
        assert_eq!(doc.paragraph_texts().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn format_names_round_trip() {
        for f in [
            Format::Html,
            Format::Scraped,
            Format::Plain,
            Format::Warc,
            Format::Jsonl,
        ] {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
        assert_eq!(Format::from_name("pdf"), None);
    }
}
