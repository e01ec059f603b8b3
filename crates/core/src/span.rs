//! Byte spans inside the pipeline, `char` offsets in the record.

/// A half-open byte range `[start, end)` into a document's text.
///
/// Every stage works in byte offsets because that is what Rust's string slicing and the `regex`
/// and `aho-corasick` crates speak. Offsets are never shifted by a later stage.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when it covers no byte.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Converts byte offsets of one text into `char` offsets, in O(log n) per lookup.
///
/// Offsets that fall inside a multi-byte character are rounded down to its start.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte start, byte end, char index)` of every non-ASCII char; ASCII-only texts keep this
    /// empty and convert for free.
    wide: Vec<(usize, usize, usize)>,
    byte_len: usize,
    char_len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut wide = Vec::new();
        let mut chars = 0;
        for (b, c) in text.char_indices() {
            if !c.is_ascii() {
                wide.push((b, b + c.len_utf8(), chars));
            }
            chars += 1;
        }
        CharIndex {
            wide,
            byte_len: text.len(),
            char_len: chars,
        }
    }

    /// The `char` offset of byte offset `byte`.
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.byte_len {
            return self.char_len;
        }
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        if i == 0 {
            return byte;
        }
        let (_, end, ci) = self.wide[i - 1];
        if byte < end {
            ci
        } else {
            ci + 1 + (byte - end)
        }
    }

    /// `[start, end)` of a byte span, in `char`s.
    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.char_of(span.start), self.char_of(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices() {
        for text in [
            "plain ascii",
            "“new level,” he said — ok",
            "日本語 text 😀 end",
            "",
            "é",
        ] {
            let index = CharIndex::new(text);
            for (ci, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(index.char_of(b), ci, "text {text:?} byte {b}");
            }
            assert_eq!(index.char_of(text.len()), text.chars().count());
        }
    }
}
