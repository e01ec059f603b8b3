//! Guessing an input's format from its name and first bytes.
//!
//! The bytes are trusted over the name where they are unambiguous (a WARC version line), the name
//! over the bytes where the bytes are not (a page that happens to start with text), and
//! [`Format::Scraped`] is the fallback: a text dump is what is left when nothing else fits.
//! [`Format::Plain`] is never guessed, only forced.
use std::io::Read;

use annalist_core::Format;

/// How much of a document is looked at for HTML markers.
const HTML_SCAN_LIMIT: usize = 1024;
/// How far leading HTML comments are skipped before looking for markers.
const COMMENT_SKIP_LIMIT: usize = 64 * 1024;

/// Tags whose presence near the start makes a document HTML, written as they open.
const HTML_MARKERS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<title",
    b"<div",
    b"<article",
    b"<p",
];

/// File name endings of HTML pages.
const HTML_SUFFIXES: &[&str] = &[
    ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp",
];
/// File name endings of JSON lines.
const JSONL_SUFFIXES: &[&str] = &[".jsonl", ".ndjson"];
/// File name endings of WARC archives.
const WARC_SUFFIXES: &[&str] = &[".warc", ".warc.gz"];

/// Guesses the format of `bytes`, named `name` (a path, a URL or any other label; may be empty).
///
/// In order:
///
/// 1. [`Format::Warc`] if the bytes start with a WARC version line (`WARC/1.0`), also inside
///    gzip;
/// 2. by the name's ending: `.warc`/`.warc.gz` is WARC, `.jsonl`/`.ndjson` JSON lines,
///    `.html`/`.htm`/`.xhtml`/`.shtml`/`.php`/`.asp`/`.aspx`/`.jsp` HTML;
/// 3. [`Format::Jsonl`] if the first line is a JSON object;
/// 4. [`Format::Html`] if the first KiB (after a byte order mark, whitespace and comments) opens
///    a doctype or a typical tag (`<html`, `<head`, `<body`, `<meta`, `<div`, `<p>`…), or is an
///    XML declaration of an XHTML page;
/// 5. [`Format::Scraped`] otherwise.
///
/// ```
/// use annalist_extract::{sniff, Format};
///
/// assert_eq!(sniff("a.warc.gz", b""), Format::Warc);
/// assert_eq!(sniff("-", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), Format::Warc);
/// assert_eq!(sniff("-", b"{\"url\": \"https://example.com/\"}\n"), Format::Jsonl);
/// assert_eq!(sniff("-", b"  <!DOCTYPE html><html>"), Format::Html);
/// assert_eq!(sniff("dump.txt", b"Rain falls\nShare\nTweet\n"), Format::Scraped);
/// ```
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    if is_warc(bytes) {
        return Format::Warc;
    }
    if let Some(format) = format_by_name(name) {
        return format;
    }
    if is_json_object_line(bytes) {
        Format::Jsonl
    } else if looks_like_html(bytes) {
        Format::Html
    } else {
        Format::Scraped
    }
}

/// The format a name's ending says, if it says one.
fn format_by_name(name: &str) -> Option<Format> {
    // A URL's query and fragment are not part of its file name.
    let name = match name.find("://") {
        Some(_) => name.split(['?', '#']).next().unwrap_or(name),
        None => name,
    };
    let ends_with = |suffixes: &[&str]| {
        suffixes.iter().any(|suffix| {
            name.len() >= suffix.len()
                && name.as_bytes()[name.len() - suffix.len()..]
                    .eq_ignore_ascii_case(suffix.as_bytes())
        })
    };
    if ends_with(WARC_SUFFIXES) {
        Some(Format::Warc)
    } else if ends_with(JSONL_SUFFIXES) {
        Some(Format::Jsonl)
    } else if ends_with(HTML_SUFFIXES) {
        Some(Format::Html)
    } else {
        None
    }
}

/// Whether `bytes` start a WARC archive: a version line, plain or gzipped.
fn is_warc(bytes: &[u8]) -> bool {
    if is_warc_version(bytes) {
        return true;
    }
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return false;
    }
    // Peek into the gzip stream: only the first few bytes are decompressed.
    let mut head = [0; 8];
    let mut decoder = flate2::read::GzDecoder::new(bytes);
    let mut len = 0;
    while len < head.len() {
        match decoder.read(&mut head[len..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => len += n,
        }
    }
    is_warc_version(&head[..len])
}

/// Whether `bytes` start with a WARC version line (`WARC/1.0`, `WARC/1.1`).
fn is_warc_version(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/1.")
}

/// Whether the first line of `bytes` (after a UTF-8 byte order mark and whitespace) is a JSON
/// object.
///
/// A line cut short by the end of the input counts if it is valid so far, since `bytes` may be
/// only the start of a file.
fn is_json_object_line(bytes: &[u8]) -> bool {
    let rest = trim_start(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes));
    if rest.first() != Some(&b'{') {
        return false;
    }
    let (line, complete) = match memchr::memchr(b'\n', rest) {
        Some(end) => (&rest[..end], true),
        None => (rest, false),
    };
    match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line) {
        Ok(_) => true,
        Err(e) => !complete && e.is_eof(),
    }
}

/// Whether `bytes` look like an HTML page: see [`sniff`].
///
/// Also used by the WARC reader for responses that do not say their content type.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let folded;
    let text = match bytes {
        // UTF-16 is folded to its low bytes, so markers are found in mostly-ASCII UTF-16 pages.
        [0xff, 0xfe, rest @ ..] => {
            folded = fold_utf16(rest, 0);
            &folded[..]
        }
        [0xfe, 0xff, rest @ ..] => {
            folded = fold_utf16(rest, 1);
            &folded[..]
        }
        _ => bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes),
    };
    let text = skip_leading_comments(trim_start(text));
    let window = text[..text.len().min(HTML_SCAN_LIMIT)].to_ascii_lowercase();
    if window.starts_with(b"<?xml") {
        return memchr::memmem::find(&window, b"html").is_some();
    }
    HTML_MARKERS.iter().any(|marker| {
        let mut from = 0;
        while let Some(at) = memchr::memmem::find(&window[from..], marker) {
            let end = from + at + marker.len();
            // `<p` needs to end there (`<p>`, `<p class…>`), not go on (`<pre`, `<path`).
            if marker.len() > 2 || window.get(end).is_some_and(|&b| b == b'>' || b == b' ') {
                return true;
            }
            from = end;
        }
        false
    })
}

/// The byte at `low` (0 for little-endian, 1 for big-endian) of each UTF-16 code unit of the
/// first bytes of `bytes`.
fn fold_utf16(bytes: &[u8], low: usize) -> Vec<u8> {
    let len = bytes.len().min(2 * (COMMENT_SKIP_LIMIT + HTML_SCAN_LIMIT));
    bytes[..len].chunks_exact(2).map(|pair| pair[low]).collect()
}

/// `s` without its leading ASCII whitespace.
fn trim_start(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    &s[start..]
}

/// `text` after the HTML comments (and whitespace) it opens with, if they end in the first
/// [`COMMENT_SKIP_LIMIT`] bytes.
fn skip_leading_comments(mut text: &[u8]) -> &[u8] {
    let start = text;
    while text.starts_with(b"<!--") {
        let searched = start.len() - text.len();
        let limit = (COMMENT_SKIP_LIMIT.saturating_sub(searched)).min(text.len());
        let Some(end) = memchr::memmem::find(&text[4..limit.max(4)], b"-->") else {
            return text;
        };
        text = trim_start(&text[4 + end + 3..]);
    }
    text
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn by_bytes() {
        let cases: &[(&[u8], Format)] = &[
            (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", Format::Warc),
            (b"WARC/1.1\r\n", Format::Warc),
            (
                b"{\"id\": 1, \"text\": \"Rain\"}\n{\"id\": 2}\n",
                Format::Jsonl,
            ),
            (b"\xef\xbb\xbf  {\"id\": 1}", Format::Jsonl),
            (b"{\"id\": 1, \"text\": \"cut sh", Format::Jsonl),
            (b"{Breaking} Rain falls\nShare\n", Format::Scraped),
            (b"{\"id\": 1}}\n", Format::Scraped),
            (b"<!DOCTYPE html>\n<html lang=en>", Format::Html),
            (b"<!doctype HTML><title>x</title>", Format::Html),
            (b"\n\n  <HTML><HEAD>", Format::Html),
            (b"<head><meta charset=utf-8>", Format::Html),
            (b"<body><div>Rain</div></body>", Format::Html),
            (b"<p>Rain falls.</p><p>More rain.</p>", Format::Html),
            (b"<P CLASS=lead>Rain falls.", Format::Html),
            (b"<meta charset=\"utf-8\"><title>Rain</title>", Format::Html),
            (
                b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">",
                Format::Html,
            ),
            (
                b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                Format::Scraped,
            ),
            (
                b"<!-- generated by a CMS -->\n<!-- cache: hit -->\n<html>",
                Format::Html,
            ),
            (b"\xef\xbb\xbf<!DOCTYPE html>", Format::Html),
            (b"\xff\xfe<\0h\0t\0m\0l\0>\0", Format::Html),
            (
                b"Rain falls on the city\n\nShare this article\nTweet\n",
                Format::Scraped,
            ),
            (b"Use <pre> for code\n", Format::Scraped),
            (b"WARC/2.0\r\n", Format::Scraped),
            (b"", Format::Scraped),
        ];
        for &(bytes, want) in cases {
            assert_eq!(
                sniff("input", bytes),
                want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn by_name() {
        let cases: &[(&str, Format)] = &[
            ("crawl/CC-MAIN-0001.warc.gz", Format::Warc),
            ("archive.WARC", Format::Warc),
            ("pages.jsonl", Format::Jsonl),
            ("pages.ndjson", Format::Jsonl),
            ("page.html", Format::Html),
            ("PAGE.HTM", Format::Html),
            ("page.xhtml", Format::Html),
            ("page.shtml", Format::Html),
            ("index.php", Format::Html),
            ("default.aspx", Format::Html),
            ("page.asp", Format::Html),
            ("https://example.com/news/story.php?id=3#top", Format::Html),
            ("dump.txt", Format::Scraped),
            ("html", Format::Scraped),
            ("", Format::Scraped),
        ];
        for &(name, want) in cases {
            assert_eq!(sniff(name, b"Rain falls on the city.\n"), want, "{name}");
        }
    }

    #[test]
    fn warc_bytes_beat_the_name() {
        assert_eq!(sniff("page.html", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff("page.jsonl", &gzip(b"WARC/1.0\r\n")), Format::Warc);
    }

    #[test]
    fn gzipped_warc_is_recognised_by_its_content() {
        assert_eq!(
            sniff("-", &gzip(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")),
            Format::Warc
        );
        assert_eq!(sniff("-", &gzip(b"WARC/")), Format::Scraped);
        assert_eq!(sniff("-", &gzip(b"<html>")), Format::Scraped);
        assert_eq!(sniff("-", b"\x1f\x8b\x08\0broken"), Format::Scraped);
        let cut = gzip(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n");
        assert_eq!(sniff("-", &cut[..cut.len() - 8]), Format::Warc);
    }

    #[test]
    fn markers_are_only_looked_for_near_the_start() {
        let mut late = "Rain falls. ".repeat(100).into_bytes();
        late.extend_from_slice(b"<div>");
        assert_eq!(sniff("-", &late), Format::Scraped);
        let mut after_comment = format!("<!--{}-->", "x".repeat(5000)).into_bytes();
        after_comment.extend_from_slice(b"<html>");
        assert_eq!(sniff("-", &after_comment), Format::Html);
    }

    #[test]
    fn plain_is_never_guessed() {
        for bytes in [&b"Rain."[..], b"", b"<html>", b"{}", b"WARC/1.0"] {
            assert_ne!(sniff("plain.txt", bytes), Format::Plain);
        }
    }
}
