//! Word tokens, as every later stage sees them.
//!
//! The rules follow the Penn Treebank conventions that news corpora (GMB, OntoNotes) use, so a
//! tagger trained on them sees the same units at run time: punctuation is split off, the
//! possessive `'s` and the contractions `n't`, `'re`, `'ll`… are their own tokens, and hyphenated
//! words (`U.S.-led`, `al-Qaida`), numbers (`1,000`, `3.5`) and abbreviations (`U.S.`, `Mr.`,
//! `Jan.`) stay whole.
//!
//! ```
//! use annalist_core::Span;
//! use annalist_nlp::tokens::tokenize;
//!
//! let text = "Russia's navy chief, Mr. Evmenov, didn't go to the U.S.";
//! let words: Vec<&str> = tokenize(text, Span::new(0, text.len()))
//!     .iter()
//!     .map(|t| &text[t.span.start..t.span.end])
//!     .collect();
//! assert_eq!(
//!     words,
//!     ["Russia", "'s", "navy", "chief", ",", "Mr.", "Evmenov", ",", "did", "n't", "go", "to",
//!      "the", "U.S."]
//! );
//! ```

use annalist_core::Span;

/// One token: its bytes in the document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// `[start, end)` in bytes of the document's text.
    pub span: Span,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

/// Abbreviations that keep their final period (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr",
    "etc", "feb", "fla", "ft", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj",
    "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof", "rep", "rev", "sen",
    "sep", "sept", "sgt", "sr", "st", "vs",
];

/// The tokens of `text[span]`, in order.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, span, &mut out);
    out
}

/// Appends the tokens of `text[span]` to `out`.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    // The char at byte `k` (ASCII read as it is; past the text's end, a space).
    let char_at = |k: usize| match bytes.get(k) {
        Some(&b) if b < 0x80 => char::from(b),
        _ => text[k..].chars().next().unwrap_or(' '),
    };
    let mut i = span.start;
    while i < span.end {
        // Skip whitespace (ASCII and the Unicode spaces news pages carry).
        let c = char_at(i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i;
        while j < span.end {
            let c = char_at(j);
            if c.is_whitespace() {
                break;
            }
            j += c.len_utf8();
        }
        chunk(text, bytes, i, j, out);
        i = j;
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if start < end {
        out.push(Token {
            span: Span::new(start, end),
        });
    }
}

/// Characters split off the front of a chunk.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '¿' | '¡' | '<'
    )
}

/// Characters split off the end of a chunk.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '.'
            | '…'
            | '>'
    )
}

/// Dashes that always stand alone.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Splits one whitespace-free chunk `text[start..end]`.
fn chunk(text: &str, bytes: &[u8], mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    // Most chunks are plain words: no dash, no punctuation to split off, no clitic (all of
    // which hold a byte that is not an ASCII letter or digit).
    if bytes[start..end].iter().all(u8::is_ascii_alphanumeric) {
        push(out, start, end);
        return;
    }
    // Dashes inside a chunk ("war—and") separate words; "--" too.
    if let Some((k, c)) = text[start..end]
        .char_indices()
        .find(|&(k, c)| is_dash(c) || (c == '-' && text[start + k..end].starts_with("--")))
    {
        let at = start + k;
        let width = if c == '-' {
            text[at..end].bytes().take_while(|&b| b == b'-').count()
        } else {
            c.len_utf8()
        };
        chunk(text, bytes, start, at, out);
        push(out, at, at + width);
        chunk(text, bytes, at + width, end, out);
        return;
    }
    // Leading punctuation, one token each.
    while start < end {
        let c = text[start..end].chars().next().unwrap();
        if is_opening(c) && !(c == '\'' && is_elision(&text[start..end])) {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, pushed last to first as found, then moved after the word.
    let mark = out.len();
    while start < end {
        let c = text[start..end].chars().next_back().unwrap();
        if !is_closing(c) {
            break;
        }
        if c == '.' && keeps_period(&text[start..end]) {
            break;
        }
        let w = c.len_utf8();
        // "..." stays one token.
        if c == '.' {
            let dots = text[start..end]
                .bytes()
                .rev()
                .take_while(|&b| b == b'.')
                .count();
            if dots > 1 {
                push(out, end - dots, end);
                end -= dots;
                continue;
            }
        }
        push(out, end - w, end);
        end -= w;
    }
    let tail = out.len() - mark;
    out[mark..].reverse();
    word(text, bytes, start, end, out);
    out[mark..].rotate_left(tail);
}

/// `'90s`, `'em`: an apostrophe that belongs to the word.
fn is_elision(s: &str) -> bool {
    let rest = &s[1..];
    rest.starts_with(|c: char| c.is_ascii_digit())
        || rest.eq_ignore_ascii_case("em")
        || rest.eq_ignore_ascii_case("tis")
}

/// Whether a word ending in `.` keeps it: abbreviations and initialisms ("U.S.", "J.", "Mr.").
fn keeps_period(s: &str) -> bool {
    let body = &s[..s.len() - 1];
    if body.is_empty() || body.ends_with('.') {
        return false;
    }
    // "U.S.", "U.N.", "a.m.": letters separated by periods.
    if body.contains('.')
        && body
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    // A single capital: an initial.
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // Hyphenated compounds end in their last part ("U.S.-led" has no final period to keep).
    let last = body.rsplit('-').next().unwrap_or(body);
    let lower = last.to_ascii_lowercase();
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

/// Contraction suffixes split off a word (lowercase), each with the ASCII then the typographic
/// apostrophe, in the order they are tried.
const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m",
];

/// A word without outer punctuation: split clitics off.
fn word(text: &str, _bytes: &[u8], start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let w = &text[start..end];
    for suffix in CLITICS {
        if w.len() > suffix.len() && ends_with_ci(w, suffix) {
            let cut = end - suffix.len();
            // "can't" → "ca" "n't" as the treebank does; "s'" plural possessives stay.
            push(out, start, cut);
            push(out, cut, end);
            return;
        }
    }
    // A plural possessive: "officials'" → "officials" "'".
    if (w.ends_with('\'') || w.ends_with('’')) && w.len() > 2 {
        let a = w.chars().next_back().unwrap().len_utf8();
        push(out, start, end - a);
        push(out, end - a, end);
        return;
    }
    push(out, start, end);
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_sorted() {
        let mut sorted = ABBREVIATIONS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ABBREVIATIONS);
    }

    #[test]
    fn punctuation_and_quotes() {
        assert_eq!(
            words("to a “new level,” Li said."),
            ["to", "a", "“", "new", "level", ",", "”", "Li", "said", "."]
        );
        assert_eq!(
            words("(AP) -- The U.S.-led force, 1,000 strong..."),
            ["(", "AP", ")", "--", "The", "U.S.-led", "force", ",", "1,000", "strong", "..."]
        );
    }

    #[test]
    fn clitics() {
        assert_eq!(words("Russia’s"), ["Russia", "’s"]);
        assert_eq!(words("they're"), ["they", "'re"]);
        assert_eq!(words("officials' cars"), ["officials", "'", "cars"]);
        assert_eq!(words("the '90s"), ["the", "'90s"]);
    }

    #[test]
    fn dashes_split() {
        assert_eq!(words("war—and peace"), ["war", "—", "and", "peace"]);
        assert_eq!(words("Chinese-Russian"), ["Chinese-Russian"]);
    }

    #[test]
    fn abbreviation_at_sentence_end_keeps_period() {
        assert_eq!(words("Gen. J. Smith"), ["Gen.", "J.", "Smith"]);
        assert_eq!(words("in Moscow."), ["in", "Moscow", "."]);
    }

    #[test]
    fn multibyte_never_panics() {
        for s in ["«Да»", "‘’", "'", "—", "a.", ".", "…", "中国。", "’s"] {
            let _ = words(s);
        }
    }
}
