//! Quote marks paired into quoted stretches of text.
//!
//! One left-to-right pass over each paragraph. Curly marks say which way they face; a straight
//! `"` or `'` opens when it sits at the start of a word and closes when it sits at the end of
//! one. Inside a double quote, single marks are the quote's own ("‘no’") and are left alone.
//! A paragraph that ends inside a quote continues it when the next paragraph opens with a mark
//! of the same kind (the newspaper convention for quotes of several paragraphs); otherwise the
//! quote is kept to the paragraph's end only when it opened the paragraph or followed a colon
//! (a block quote whose closing mark was lost), and dropped when it opened mid-sentence (a stray
//! mark).

use annalist_core::Span;

/// The kinds of marks that pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// `"`, `“ ”`, `„`, `« »`.
    Double,
    /// `'`, `‘ ’`, `‚`.
    Single,
    /// `「 」`, `『 』`.
    Corner,
}

/// A quoted stretch: the words between the marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Raw {
    /// The byte of the opening mark.
    pub open: usize,
    /// The words, without the marks, trimmed of spaces and of a trailing comma.
    pub span: Span,
    /// The byte of the closing mark, when there is one.
    pub close: Option<usize>,
    /// Whether the marks are single ones.
    pub single: bool,
    /// The character before the closing mark (the quote's own last punctuation), if closed.
    pub last: Option<char>,
}

/// The quote being read.
struct Open {
    family: Family,
    /// The opening mark.
    mark: char,
    /// Its byte.
    at: usize,
    /// Where the words start.
    start: usize,
    /// Whether it opened its paragraph or followed a colon.
    block: bool,
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Characters after which a mark opens a quote.
fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | ';'
                        | ','
                        | '“'
                        | '‘'
                        | '"'
                        | '\''
                        | '«'
                        | '„'
                )
        }
    }
}

/// Whether a mark with `prev` before it and `next` after it sits at the start of a word.
fn opens_word(prev: Option<char>, next: Option<char>) -> bool {
    is_opening_context(prev) && !is_space(next)
}

/// Whether a mark with `prev` before it and `next` after it sits at the end of a word.
fn closes_word(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(prev) && next.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether the mark `c` closes a quote that the mark `open` opened.
fn closes(open: char, c: char) -> bool {
    match open {
        '“' | '"' => matches!(c, '”' | '"'),
        '„' => matches!(c, '“' | '”' | '"'),
        '«' => c == '»',
        '»' => c == '«',
        '‘' | '\'' => matches!(c, '’' | '\''),
        '‚' => matches!(c, '‘' | '’'),
        '「' => c == '」',
        '『' => c == '』',
        _ => false,
    }
}

/// The family of a mark that can open a quote, given its neighbours; `None` when it does not
/// open one here.
fn opener(c: char, prev: Option<char>, next: Option<char>) -> Option<Family> {
    match c {
        '“' | '„' => (!is_space(next)).then_some(Family::Double),
        // French sets guillemets off with spaces.
        '«' => Some(Family::Double),
        '"' => opens_word(prev, next).then_some(Family::Double),
        '»' => opens_word(prev, next).then_some(Family::Double),
        // An apostrophe of elision ("‘90s", "'em") is not a quote.
        '‘' | '\'' | '‚' => (opens_word(prev, next) && next.is_some_and(char::is_alphabetic))
            .then_some(Family::Single),
        '「' | '『' => Some(Family::Corner),
        _ => None,
    }
}

/// Whether `c` is a mark [`opener`] or [`closes`] can read.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '「' | '」' | '『' | '』'
    )
}

fn family_of_opening(c: char) -> Option<Family> {
    match c {
        '“' | '„' | '«' | '"' => Some(Family::Double),
        '‘' | '\'' | '‚' => Some(Family::Single),
        '「' | '『' => Some(Family::Corner),
        _ => None,
    }
}

/// The span of `text[start..end]` without surrounding spaces and a trailing comma.
fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let mut body = s.trim();
    if let Some(b) = body.strip_suffix(',') {
        body = b.trim_end();
    }
    Span::new(start + lead, start + lead + body.len())
}

/// Finds the quoted stretches of `text`, whose paragraphs are `paragraphs` (byte spans, in
/// order, not overlapping).
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Raw> {
    let mut out = Vec::new();
    // A quote carried over from the previous paragraph, with where its words started.
    let mut carried: Option<Open> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let (start, end) = (p.start.min(text.len()), p.end.min(text.len()));
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start >= end {
            continue;
        }
        let body = &text[start..end];
        let mut open = carried.take();
        // The mark that continues a quote from the previous paragraph is passed over.
        let mut k = if open.is_some() {
            body.chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        // Only marks matter: jump from one to the next (each starts with one of these bytes),
        // reading the characters on either side of it.
        while let Some(found) = body.as_bytes()[k..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3))
        {
            k += found;
            let Some(c) = body[k..].chars().next() else {
                break;
            };
            let at = start + k;
            k += c.len_utf8();
            if !is_mark(c) {
                continue;
            }
            let prev = body[..at - start].chars().next_back();
            let next = body[k..].chars().next();
            match &open {
                Some(o)
                    if closes(o.mark, c)
                        && (o.family != Family::Single || closes_word(prev, next)) =>
                {
                    let o = open.take().unwrap();
                    let span = trimmed(text, o.start, at);
                    if span.start < span.end {
                        out.push(Raw {
                            open: o.at,
                            span,
                            close: Some(at),
                            single: o.family == Family::Single,
                            last: text[o.start..at].trim_end().chars().next_back(),
                        });
                    }
                }
                Some(o) => {
                    // A new opening mark of the same family (or a double inside a single):
                    // the quote before was never closed; start over from here.
                    if let Some(f) = opener(c, prev, next) {
                        if f == o.family || (o.family == Family::Single && f == Family::Double) {
                            open = Some(Open {
                                family: f,
                                mark: c,
                                at,
                                start: at + c.len_utf8(),
                                block: false,
                            });
                        }
                    }
                }
                None => {
                    if let Some(f) = opener(c, prev, next) {
                        let before = text[start..at].trim_end();
                        open = Some(Open {
                            family: f,
                            mark: c,
                            at,
                            start: at + c.len_utf8(),
                            block: before.is_empty() || before.ends_with(':'),
                        });
                    }
                }
            }
        }
        // The paragraph ends inside a quote.
        if let Some(o) = open {
            let next_opens = paragraphs.get(pi + 1).and_then(|n| {
                text.get(n.start.min(text.len())..n.end.min(text.len()))
                    .and_then(|s| s.chars().next())
            });
            if next_opens.and_then(family_of_opening) == Some(o.family) {
                carried = Some(o);
            } else if o.block {
                let span = trimmed(text, o.start, end);
                if span.start < span.end {
                    out.push(Raw {
                        open: o.at,
                        span,
                        close: None,
                        single: o.family == Family::Single,
                        last: None,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let paragraphs = paragraphs(text);
        find(text, &paragraphs)
            .iter()
            .map(|q| &text[q.span.start..q.span.end])
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = 0;
        for p in text.split("\n\n") {
            out.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        out
    }

    #[test]
    fn curly_straight_and_partial() {
        assert_eq!(
            quotes("Ties reached a “new level,” Li said. \"We agree,\" he added."),
            ["new level", "We agree"]
        );
        assert_eq!(
            quotes("“It is ‘fine’ now,” she said, “and ‘90s style.”"),
            ["It is ‘fine’ now", "and ‘90s style."]
        );
        assert_eq!(
            quotes("She called it 'a disaster,' he said."),
            ["a disaster"]
        );
        assert_eq!(
            quotes("He doesn't know the '90s or officials' cars."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn several_paragraphs() {
        let text = "“First part.\n\n“Second part,” he said.\n\nAfter.";
        assert_eq!(quotes(text), ["First part.\n\n“Second part"]);
        // Unclosed mid-sentence: a stray mark, dropped; unclosed block quote: kept.
        assert_eq!(quotes("He said “no and left.\n\nThen."), Vec::<&str>::new());
        assert_eq!(quotes("He said:\n\n“We will go."), ["We will go."]);
    }

    #[test]
    fn other_languages() {
        assert_eq!(quotes("Er sagte: „Wir gehen.“ Dann"), ["Wir gehen."]);
        assert_eq!(quotes("Il a dit « non » hier."), ["non"]);
        assert_eq!(quotes("彼は「行く」と言った。"), ["行く"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "",
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "“”",
            "\"\"",
            "“ ”",
            "a “b",
            "a ”b“ c",
            "“a “b” c”",
            "\"a \"b\" c\"",
            "«»",
            "»a«",
            "„",
            "「",
            "」",
            "“\n\n“",
            "“a\n\n",
            "\n\n“",
            "“é",
        ] {
            let _ = quotes(s);
            let _ = find(s, &[Span::new(0, s.len() + 5), Span::new(3, 1)]);
        }
    }
}
