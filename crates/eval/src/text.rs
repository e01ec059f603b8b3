//! Turning gold files into plain text: decoding, CleanEval's markers, and HTML (Readability's
//! expected output) to text.
//!
//! These helpers read the *gold*; they are deliberately simple and independent of the extractor
//! under test, so that a bug there cannot flatter its own score.

use std::borrow::Cow;

/// Decodes a gold text file: UTF-8 when it is valid UTF-8, else windows-1252 (some CleanEval gold
/// files are in a legacy charset).
pub fn decode_gold(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Cleans a CleanEval gold file: drops a first line that starts with `URL:`, and the block
/// markers `<p>`, `<h>`, `<l>` (any case), each replaced by a line break. Other text, including
/// any other angle-bracketed text, is kept as the annotators wrote it.
pub fn clean_cleaneval_gold(raw: &str) -> String {
    let body = match raw.trim_start().strip_prefix("URL:") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, after)| after),
        None => raw,
    };
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let b = tail.as_bytes();
        if b.len() >= 3 && matches!(b[1].to_ascii_lowercase(), b'p' | b'h' | b'l') && b[2] == b'>' {
            out.push('\n');
            rest = &tail[3..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Elements whose tags do not break a word: a tag of any other element is read as a line break.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "wbr",
];

/// Elements whose content is not text.
const SKIPPED: &[&str] = &["script", "style", "template", "svg", "math"];

/// The visible text of an HTML fragment (Readability's `expected.html`): comments and the content
/// of `script`, `style` and their kin dropped, inline tags removed, every other tag read as a
/// line break, character references decoded, blank lines dropped and spaces collapsed per line.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        raw.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |j| &after[j + 3..]);
            continue;
        }
        let Some(end) = tag_end(tail) else {
            // A lone '<' in text.
            raw.push('<');
            rest = &tail[1..];
            continue;
        };
        let inner = &tail[1..end];
        rest = &tail[end + 1..];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            // `<!DOCTYPE>`, `<?xml?>` or text like "a < b".
            if !inner.starts_with('!') && !inner.starts_with('?') {
                raw.push_str(&tail[..=end]);
            }
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !inner.ends_with('/') {
            rest = skip_past_close(rest, &name);
            raw.push('\n');
            continue;
        }
        if !INLINE.contains(&name.as_str()) {
            raw.push('\n');
        }
    }
    raw.push_str(rest);
    let decoded: Cow<str> = html_escape::decode_html_entities(&raw);
    let mut out = String::with_capacity(decoded.len());
    for line in decoded.lines() {
        let line = crate::metrics::normalize_space(line);
        if !line.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&line);
        }
    }
    out
}

/// The index of the `>` that ends the tag starting at `s[0] == '<'`, skipping quoted attribute
/// values; `None` when this `<` does not start a tag.
fn tag_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    match b.get(1) {
        Some(c) if c.is_ascii_alphabetic() || *c == b'/' || *c == b'!' || *c == b'?' => {}
        _ => return None,
    }
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(i),
            None => {}
        }
    }
    None
}

/// The text after the close tag `</name>` (ASCII case-insensitive), or "" when there is none.
fn skip_past_close<'a>(s: &'a str, name: &str) -> &'a str {
    let b = s.as_bytes();
    let n = name.len();
    let mut from = 0;
    while let Some(i) = s[from..].find("</").map(|i| from + i) {
        let at = i + 2;
        if b.len() >= at + n && b[at..at + n].eq_ignore_ascii_case(name.as_bytes()) {
            return s[at..].find('>').map_or("", |j| &s[at + j + 1..]);
        }
        from = at;
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_decodes_utf8_or_windows_1252() {
        assert_eq!(decode_gold("café".as_bytes()), "café");
        assert_eq!(decode_gold(b"caf\xe9 \x92s"), "café \u{2019}s");
        assert_eq!(decode_gold(b"\xEF\xBB\xBFa"), "a");
    }

    #[test]
    fn cleaneval_markers_and_url_line_go() {
        let raw = "URL: http://x.org/\n\n <h>  Title\n<p> One <b>two</b>\n<L>item <P>x";
        let clean = clean_cleaneval_gold(raw);
        assert!(!clean.contains("URL"));
        assert!(!clean.contains("<h>") && !clean.contains("<p>") && !clean.contains("<L>"));
        assert!(clean.contains("One <b>two</b>"));
        assert_eq!(
            crate::metrics::word_tokens(&clean),
            ["Title", "One", "b", "two", "b", "item", "x"]
        );
        // No URL line: nothing dropped.
        assert_eq!(clean_cleaneval_gold("<h>A\n<p>B").trim(), "A\n\nB");
    }

    #[test]
    fn html_fragments_become_text() {
        let html =
            "<div id=\"x\"><!-- c --><h1>Big &amp; bold</h1><p>One <a href=\"/a>b\">link</a>ed \
                    word.<br/>Next</p><script>var x = '<p>';</script><style>p{}</style>\
                    <ul><li>a</li><li>b &lt; c</li></ul></div>";
        assert_eq!(
            html_to_text(html),
            "Big & bold\nOne linked word.\nNext\na\nb < c"
        );
        assert_eq!(html_to_text("a < b and <3"), "a < b and <3");
        assert_eq!(html_to_text("<SCRIPT>x</SCRIPT>y"), "y");
        assert_eq!(html_to_text("<p>unclosed <script>x"), "unclosed");
        assert_eq!(
            html_to_text("<HEAD><TITLE>t</TITLE><Script>a</b></SCRIPT ><BODY>x"),
            "t\nx"
        );
    }
}
