//! Extraction: from the bytes of a news page to a clean [`Document`].
//!
//! The first stage of annalist. It takes what comes off the web — an HTML page, a record of a
//! WARC archive, a text dump a scraper left with its junk still in it, or plain text — and returns
//! the article's body as paragraphs plus its metadata: title, standfirst, published date (and where
//! it was read from), authors, captions with credits, language, canonical URL.
//!
//! * [`extract`] reads one document whose format is known or guessed by [`sniff`].
//! * [`charset`] turns bytes into text (BOM, HTTP header, `<meta charset>`, then detection).
//! * [`html`] is the HTML path: a fast tolerant tokenizer, an arena tree, and the main-content
//!   finder.
//! * [`scraped`] reads scraper dumps; [`warc`] streams WARC archives record by record.
//!
//! Malformed input is data, not an error: broken HTML, a wrong charset or binary junk give a
//! best-effort document with `warnings`; only input that cannot be a document at all (empty,
//! binary) is an [`ExtractError`].
//!
//! ```
//! use annalist_extract::{extract, Input};
//!
//! let page = b"<html><head><title>Rain falls - The Daily</title></head><body>\
//!     <nav><a href='/'>Home</a> <a href='/w'>World</a></nav>\
//!     <article><h1>Rain falls</h1><p>Heavy rain fell on the city on Monday, flooding several \
//!     streets and closing two schools, officials said.</p>\
//!     <p>More rain is expected later this week, forecasters said on Tuesday evening.</p></article>\
//!     </body></html>";
//! let doc = extract(&Input::new("page.html", page))?;
//! assert_eq!(doc.title.as_deref(), Some("Rain falls"));
//! assert!(doc.text.starts_with("Heavy rain fell"));
//! assert!(!doc.text.contains("Home"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod caption;
pub mod charset;
mod error;
pub mod html;
mod language;
pub mod plain;
pub mod scraped;
mod sniff;
pub mod warc;

pub use annalist_core::{Caption, Document, Format, PublishedFrom};
pub use error::ExtractError;
pub use sniff::sniff;

/// One input document: its bytes and what is known about it from outside the bytes.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// Where it came from (a path, a WARC record id, a JSON line's id).
    pub source: &'a str,
    /// The raw bytes, in whatever charset they came in.
    pub bytes: &'a [u8],
    /// The format, when the caller knows it; `None` lets [`sniff`] guess.
    pub format: Option<Format>,
    /// The URL it was fetched from, if known (WARC `WARC-Target-URI`, a JSON line's `url`).
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header, if known (from a WARC response), for its charset.
    pub content_type: Option<&'a str>,
    /// The date the page was fetched (WARC-Date), a last resort for `published`.
    pub fetched: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// An input with only a source name and bytes; everything else is guessed.
    pub fn new(source: &'a str, bytes: &'a [u8]) -> Input<'a> {
        Input {
            source,
            bytes,
            format: None,
            url: None,
            content_type: None,
            fetched: None,
        }
    }

    /// The same input with its format forced.
    pub fn with_format(mut self, format: Format) -> Input<'a> {
        self.format = Some(format);
        self
    }
}

/// Reads one document.
///
/// The format is `input.format` or, when that is `None`, what [`sniff`] guesses. WARC and JSON
/// lines hold many documents and are not read here: use [`warc::WarcReader`] or the CLI.
pub fn extract(input: &Input<'_>) -> Result<Document, ExtractError> {
    if input.bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let format = input
        .format
        .unwrap_or_else(|| sniff(input.source, input.bytes));
    let mut doc = match format {
        Format::Html => {
            let decoded = charset::decode(input.bytes, input.content_type);
            let mut doc = html::extract_html(&decoded.text, input.url);
            doc.warnings.extend(decoded.warnings);
            doc
        }
        Format::Scraped | Format::Plain => {
            let decoded = charset::decode_text(input.bytes)?;
            let mut doc = if format == Format::Plain {
                plain::extract_plain(&decoded.text)
            } else {
                scraped::extract_scraped(&decoded.text)
            };
            doc.warnings.extend(decoded.warnings);
            doc
        }
        Format::Warc | Format::Jsonl => return Err(ExtractError::Container(format)),
    };
    doc.source = input.source.to_string();
    if doc.url.is_none() {
        doc.url = input.url.map(str::to_string);
    }
    if doc.published.is_none() {
        if let Some(date) = input.fetched.and_then(capture_date) {
            doc.published = Some(date.to_string());
            doc.published_from = Some(PublishedFrom::Capture);
        }
    }
    if doc.language.is_none() {
        doc.language = language::detect(&doc.text);
    }
    Ok(doc)
}

/// The day of a capture date (`WARC-Date`, `2023-07-04T10:00:00Z`): its first ten characters
/// when they are a real calendar date `YYYY-MM-DD`, else `None` (a malformed header is no date).
fn capture_date(fetched: &str) -> Option<&str> {
    let date = fetched.get(..10)?;
    let time_follows = matches!(&fetched.as_bytes()[10..], [] | [b'T', ..]);
    (time_follows && annalist_core::date::is_iso_date(date)).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_date_is_used_only_when_it_is_a_date() {
        let page =
            b"<html><body><article><p>Heavy rain fell on the city, flooding several streets \
            and closing two schools, officials said on the radio.</p></article></body></html>";
        let cases = [
            ("2023-07-04T10:00:00Z", Some("2023-07-04")),
            ("2023-07-04", Some("2023-07-04")),
            ("yesterday", None),
            ("20230704101010", None),
            ("2023-13-45T00:00:00Z", None),
            ("2023-02-29", None),
            ("2023-07-0é", None),
        ];
        for (fetched, expected) in cases {
            let input = Input {
                fetched: Some(fetched),
                ..Input::new("r", page).with_format(Format::Html)
            };
            let doc = extract(&input).unwrap();
            assert_eq!(doc.published.as_deref(), expected, "WARC-Date {fetched:?}");
            let from = expected.map(|_| PublishedFrom::Capture);
            assert_eq!(doc.published_from, from, "WARC-Date {fetched:?}");
        }
    }
}
