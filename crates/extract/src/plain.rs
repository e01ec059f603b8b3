//! Plain text: the input *is* the body.
//!
//! Nothing is stripped or rewritten: the document's `text` is the input with only `"\r\n"` folded
//! to `"\n"`, so every offset a later stage computes refers to the input as the user gave it.
//! Paragraphs are the runs of text between blank lines (a line holding only whitespace is
//! blank); a paragraph's span leaves out its leading and trailing whitespace.

use annalist_core::{Document, Span};

/// Reads plain text: the body is the input, with `"\r\n"` folded to `"\n"` and nothing else
/// changed, and paragraphs are found at blank lines. Every metadata field stays empty.
pub fn extract_plain(text: &str) -> Document {
    let text = text.replace("\r\n", "\n");
    let paragraphs = paragraph_spans(&text);
    Document {
        text,
        paragraphs,
        ..Document::default()
    }
}

/// Byte spans of the paragraphs of `text`: maximal runs of non-blank lines, each trimmed of
/// surrounding whitespace.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    // The paragraph being built: byte offset of its first and past its last non-blank char.
    let mut open: Option<Span> = None;
    let mut line_start = 0;
    for line in text.split('\n') {
        match content_of(line) {
            Some((start, end)) => {
                let (start, end) = (line_start + start, line_start + end);
                open = Some(match open {
                    Some(span) => Span::new(span.start, end),
                    None => Span::new(start, end),
                });
            }
            None => spans.extend(open.take()),
        }
        line_start += line.len() + 1;
    }
    spans.extend(open);
    spans
}

/// The byte range of `line` without its leading and trailing whitespace, or `None` when the line
/// is blank.
fn content_of(line: &str) -> Option<(usize, usize)> {
    let trimmed_start = line.trim_start();
    if trimmed_start.is_empty() {
        return None;
    }
    let start = line.len() - trimmed_start.len();
    let end = start + trimmed_start.trim_end().len();
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(doc: &Document) -> Vec<&str> {
        doc.paragraph_texts().collect()
    }

    #[test]
    fn paragraphs_are_found_at_blank_lines() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("\n\n  \n", &[]),
            ("One line.", &["One line."]),
            ("  padded  ", &["padded"]),
            ("a\n\nb", &["a", "b"]),
            ("a\nb\n\nc", &["a\nb", "c"]),
            ("a\n \t \nb", &["a", "b"]),
            (
                "\n\n  lead\n  wrapped  \n\n\n\ttail\t\n",
                &["lead\n  wrapped", "tail"],
            ),
            ("a\r\n\r\nb\r\nc", &["a", "b\nc"]),
            ("日本語。\n\n二段落目。", &["日本語。", "二段落目。"]),
            (
                "non\u{a0}breaking\n\u{a0}\nnext",
                &["non\u{a0}breaking", "next"],
            ),
        ];
        for (input, expected) in cases {
            let doc = extract_plain(input);
            assert_eq!(paragraphs(&doc), *expected, "input {input:?}");
        }
    }

    #[test]
    fn text_is_the_input_with_only_crlf_folded() {
        let cases = [
            ("  keep \t spaces  \n\n\n", "  keep \t spaces  \n\n\n"),
            ("a\r\nb\rc\r\n", "a\nb\rc\n"),
            ("\u{feff}bom kept", "\u{feff}bom kept"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(extract_plain(input).text, expected, "input {input:?}");
        }
    }

    #[test]
    fn metadata_stays_empty() {
        let doc = extract_plain("Title-like line\n\nBy Someone Here\n\nBody. © 2024 Nobody");
        assert_eq!(doc.title, None);
        assert_eq!(doc.description, None);
        assert_eq!(doc.published, None);
        assert_eq!(doc.published_from, None);
        assert!(doc.authors.is_empty());
        assert!(doc.captions.is_empty());
        assert_eq!(doc.paragraphs.len(), 3);
    }

    #[test]
    fn spans_are_char_boundaries_inside_text() {
        let input = "  é\u{3000}\n\u{2003}\nü x \u{a0}";
        let doc = extract_plain(input);
        for span in &doc.paragraphs {
            assert!(span.start < span.end && span.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        }
        assert_eq!(paragraphs(&doc), ["é", "ü x"]);
    }
}
