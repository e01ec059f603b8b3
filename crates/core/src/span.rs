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
/// It keeps one entry per run of chars of the same UTF-8 width (an ASCII word, a run of Cyrillic
/// letters, a line of CJK text), so its memory grows with the number of script changes, not with
/// the length of the text. Offsets that fall inside a multi-byte char are rounded down to its
/// start.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte start, char start, width in bytes)` of every run.
    runs: Vec<(usize, usize, usize)>,
    byte_len: usize,
    char_len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        let bytes = text.as_bytes();
        let (mut i, mut chars, mut last) = (0, 0, 0);
        // Bytes, not `char`s: a char's width is its leading byte's (the text is valid UTF-8),
        // and a run of ASCII is skipped in a tight loop.
        while i < bytes.len() {
            let w = match bytes[i] {
                0..0x80 => 1,
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            if w != last {
                runs.push((i, chars, w));
                last = w;
            }
            if w == 1 {
                let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
                i += run;
                chars += run;
            } else {
                i += w;
                chars += 1;
            }
        }
        runs.shrink_to_fit();
        CharIndex {
            runs,
            byte_len: text.len(),
            char_len: chars,
        }
    }

    /// The `char` offset of byte offset `byte`.
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.byte_len {
            return self.char_len;
        }
        let i = self.runs.partition_point(|&(b, _, _)| b <= byte);
        match i.checked_sub(1).map(|i| self.runs[i]) {
            Some((b, c, w)) => c + (byte - b) / w,
            None => 0,
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
            "ab\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}x\u{10ffff}",
        ] {
            let index = CharIndex::new(text);
            for (ci, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(index.char_of(b), ci, "text {text:?} byte {b}");
            }
            assert_eq!(index.char_of(text.len()), text.chars().count());
            // Inside a multi-byte char: its start.
            for (ci, (b, c)) in text.char_indices().enumerate() {
                for inner in 1..c.len_utf8() {
                    assert_eq!(
                        index.char_of(b + inner),
                        ci,
                        "text {text:?} byte {}",
                        b + inner
                    );
                }
            }
        }
    }
}
