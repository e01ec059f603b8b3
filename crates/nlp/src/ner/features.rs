//! The features the tagger sees at one token: hashed, so no string is built per feature.

use std::borrow::Cow;
use std::hash::Hasher;

use rustc_hash::FxHasher;

/// A sentence prepared for feature extraction ([`extract`], used in training): per-token forms
/// computed once. Prediction reads only its words and gazetteer flags.
pub struct Prepared<'a> {
    /// The tokens as written.
    pub words: Vec<&'a str>,
    /// Lowercased tokens, typographic quotes made plain.
    pub lower: Vec<String>,
    /// Short word shapes ("Xx", "X.X.", "d,d").
    pub shapes: Vec<String>,
    /// Gazetteer flags per token (see [`crate::ner::GazFlags`]).
    pub gaz: Vec<u16>,
}

impl<'a> Prepared<'a> {
    /// Prepares `words` with their gazetteer flags (`gaz` empty means none).
    pub fn new(words: Vec<&'a str>, mut gaz: Vec<u16>) -> Prepared<'a> {
        let lower = words.iter().map(|w| lower_form(w)).collect();
        let shapes = words.iter().map(|w| shape(w)).collect();
        gaz.resize(words.len(), 0);
        Prepared {
            words,
            lower,
            shapes,
            gaz,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The lowercase form the features see of `word`.
pub(crate) fn lower_form(word: &str) -> String {
    let lower = word.to_lowercase();
    // (ASCII has no typographic quote to make plain: no second copy.)
    if lower.is_ascii() {
        lower
    } else {
        normalize(&lower).into_owned()
    }
}

/// Typographic quotes and apostrophes as the ASCII forms the training text uses.
fn normalize(lower: &str) -> Cow<'_, str> {
    if lower.is_ascii() {
        return Cow::Borrowed(lower);
    }
    Cow::Owned(
        lower
            .chars()
            .map(|c| match c {
                '“' | '”' | '„' | '«' | '»' => '"',
                '‘' | '’' | '‚' | '‹' | '›' => '\'',
                '–' | '—' => '-',
                c => c,
            })
            .collect(),
    )
}

/// The short shape of a word: case classes with runs collapsed ("Shangfu" → "Xx", "NATO" → "X",
/// "U.S." → "X.X.", "2023" → "d", "1,000" → "d,d").
pub fn shape(word: &str) -> String {
    if word.is_ascii() {
        // The same classes, byte by byte.
        let mut out = String::with_capacity(word.len().min(12));
        let mut last = 0u8;
        for &b in word.as_bytes().iter().take(12) {
            let k = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                b => b,
            };
            if k != last {
                out.push(k as char);
                last = k;
            }
        }
        return out;
    }
    shape_chars(word)
}

/// [`shape`] char by char, for any text.
fn shape_chars(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in word.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

/// Feature templates; each hashes with its own id.
#[repr(u8)]
#[derive(Clone, Copy)]
pub(crate) enum T {
    Bias,
    Lower,
    Prefix2,
    Prefix3,
    Suffix2,
    Suffix3,
    Suffix4,
    Shape,
    PrevLower,
    NextLower,
    Prev2Lower,
    Next2Lower,
    PrevShapeShape,
    ShapeNextShape,
    PrevTag,
    Prev2Tags,
    PrevTagLower,
    FirstShape,
    CommonLower,
    Gaz,
    PrevGaz,
    NextGaz,
    PrevLowerLower,
    LowerNextLower,
    PrevTagShape,
    Word,
}

/// `FxHasher`'s multiplier and finishing rotation (rustc-hash 2, 64-bit targets: the model's keys
/// are 64-bit hashes, so the crate builds only there). A feature's key is the hasher's
/// fold over the template's id and the feature's parts; [`key`] replays that fold from each part's
/// contribution ([`part`]), so a word's parts are hashed once, not once per feature. The model's
/// keys are already tied to this hasher; `replayed_keys_are_the_hashers` checks the replay.
#[cfg(not(target_pointer_width = "64"))]
compile_error!("the tagger's feature keys are rustc-hash's 64-bit hashes");
const K: u64 = 0xf1357aea2e62a9c5;
const ROTATE: u32 = 26;

/// One hasher step: what `write_u8`/`write_u64` do to the state.
#[inline]
fn step(h: u64, x: u64) -> u64 {
    h.wrapping_add(x).wrapping_mul(K)
}

/// What writing `bytes` adds to a hasher's state, made once per word: from state `h`, writing
/// `bytes` gives `h * K + part(bytes)`.
pub(crate) fn part(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish().rotate_right(ROTATE)
}

/// The key of template `t` over parts made by [`part`]: [`hash_parts`] without hashing bytes.
#[inline]
pub(crate) fn key(t: T, parts: &[u64]) -> u64 {
    let mut h = step(0, t as u64);
    for &p in parts {
        h = h.wrapping_mul(K).wrapping_add(p);
        h = step(h, 0xff);
    }
    h.rotate_left(ROTATE)
}

fn hash_parts(t: T, parts: &[&[u8]]) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(t as u8);
    for p in parts {
        h.write(p);
        h.write_u8(0xff);
    }
    h.finish()
}

fn prefix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[..n.min(s.len())];
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    if s.is_ascii() {
        return &s[s.len().saturating_sub(n)..];
    }
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Number of features [`word_features`] gives: they come first in [`extract`]'s order.
pub(crate) const WORD_FEATURES: usize = 9;

/// The features of a token that depend on its own word only (`lower` and `shape` are functions of
/// `word`), in [`extract`]'s order: the bias, the word's forms, affixes and shape.
pub(crate) fn word_features(word: &str, lower: &str, shape: &[u8]) -> [u64; WORD_FEATURES] {
    [
        hash_parts(T::Bias, &[]),
        hash_parts(T::Lower, &[lower.as_bytes()]),
        hash_parts(T::Word, &[word.as_bytes()]),
        hash_parts(T::Prefix2, &[prefix(lower, 2).as_bytes()]),
        hash_parts(T::Prefix3, &[prefix(lower, 3).as_bytes()]),
        hash_parts(T::Suffix2, &[suffix(lower, 2).as_bytes()]),
        hash_parts(T::Suffix3, &[suffix(lower, 3).as_bytes()]),
        hash_parts(T::Suffix4, &[suffix(lower, 4).as_bytes()]),
        hash_parts(T::Shape, &[shape]),
    ]
}

/// The templates a neighbour's lowercase form feeds, with the neighbour's offset, in
/// [`extract`]'s order.
pub(crate) const NEIGHBOURS: [(T, isize); 4] = [
    (T::PrevLower, -1),
    (T::NextLower, 1),
    (T::Prev2Lower, -2),
    (T::Next2Lower, 2),
];

/// The feature of [`NEIGHBOURS`]`[slot]` for a neighbour's lowercase form (`None`: past the
/// sentence's edge).
pub(crate) fn neighbour_feature(slot: usize, lower: Option<&str>) -> u64 {
    let (t, offset) = NEIGHBOURS[slot];
    let edge: &[u8] = if offset < 0 { b"<s>" } else { b"</s>" };
    hash_parts(t, &[lower.map_or(edge, str::as_bytes)])
}

/// Writes the features of token `i` to `out`, given the two previous labels.
///
/// `common` tells whether a lowercased word is a common lowercase word (a capitalised one is then
/// likely only sentence-initial or part of a name).
pub fn extract(
    s: &Prepared<'_>,
    i: usize,
    prev: u8,
    prev2: u8,
    common: &dyn Fn(&str) -> bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let n = s.len();
    out.extend(word_features(
        s.words[i],
        &s.lower[i],
        s.shapes[i].as_bytes(),
    ));
    for (slot, &(_, offset)) in NEIGHBOURS.iter().enumerate() {
        let j = i.checked_add_signed(offset).filter(|&j| j < n);
        out.push(neighbour_feature(slot, j.map(|j| &*s.lower[j])));
    }
    context_features(s, i, prev, prev2, common, out);
}

/// Appends the features of token `i` after its word's and its neighbours' (see [`extract`]).
fn context_features(
    s: &Prepared<'_>,
    i: usize,
    prev: u8,
    prev2: u8,
    common: &dyn Fn(&str) -> bool,
    out: &mut Vec<u64>,
) {
    let n = s.len();
    let lower: &str = &s.lower[i];
    let shape = s.shapes[i].as_bytes();
    let before = |k: usize| -> &[u8] {
        if i >= k {
            s.lower[i - k].as_bytes()
        } else {
            b"<s>"
        }
    };
    let after = |k: usize| -> &[u8] {
        if i + k < n {
            s.lower[i + k].as_bytes()
        } else {
            b"</s>"
        }
    };
    let shape_at = |j: Option<usize>| -> &[u8] {
        match j {
            Some(j) if j < n => s.shapes[j].as_bytes(),
            _ => b"_",
        }
    };
    out.push(hash_parts(
        T::PrevLowerLower,
        &[before(1), lower.as_bytes()],
    ));
    out.push(hash_parts(T::LowerNextLower, &[lower.as_bytes(), after(1)]));
    out.push(hash_parts(
        T::PrevShapeShape,
        &[shape_at(i.checked_sub(1)), shape],
    ));
    out.push(hash_parts(
        T::ShapeNextShape,
        &[shape, shape_at(Some(i + 1))],
    ));
    out.push(hash_parts(T::PrevTag, &[&[prev]]));
    out.push(hash_parts(T::Prev2Tags, &[&[prev2, prev]]));
    out.push(hash_parts(T::PrevTagLower, &[&[prev], lower.as_bytes()]));
    out.push(hash_parts(T::PrevTagShape, &[&[prev], shape]));
    if i == 0 {
        out.push(hash_parts(T::FirstShape, &[shape]));
    }
    let capitalised = s.words[i].chars().next().is_some_and(char::is_uppercase);
    if capitalised {
        let flag: &[u8] = if common(lower) { b"c" } else { b"r" };
        out.push(hash_parts(T::CommonLower, &[flag, &[(i == 0) as u8]]));
    }
    let g = s.gaz[i];
    if g != 0 {
        out.push(hash_parts(T::Gaz, &[&g.to_le_bytes()]));
        for bit in 0..16 {
            if g & (1 << bit) != 0 {
                out.push(hash_parts(T::Gaz, &[&[bit]]));
            }
        }
    }
    if i > 0 && s.gaz[i - 1] != 0 {
        out.push(hash_parts(T::PrevGaz, &[&s.gaz[i - 1].to_le_bytes()]));
    }
    if i + 1 < n && s.gaz[i + 1] != 0 {
        out.push(hash_parts(T::NextGaz, &[&s.gaz[i + 1].to_le_bytes()]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Shangfu"), "Xx");
        assert_eq!(shape("NATO"), "X");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,000"), "d,d");
        assert_eq!(shape("al-Qaida"), "x-Xx");
    }

    #[test]
    fn ascii_shapes_as_char_shapes() {
        let all: String = (0u8..128).map(char::from).collect();
        let mut words: Vec<String> = all.chars().map(String::from).collect();
        words.extend(
            all.as_bytes()
                .windows(3)
                .map(|w| String::from_utf8(w.to_vec()).unwrap()),
        );
        words.extend(
            [
                "U.S.-led",
                "1,000",
                "McDonald's",
                "ABCdefGHIjklMNOpqr",
                "\0\0a",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(shape(w), shape_chars(w), "{w:?}");
        }
    }

    #[test]
    fn replayed_keys_are_the_hashers() {
        let words: [&[u8]; 8] = [
            b"",
            b"a",
            b"li",
            b"shangfu",
            b"</s>",
            "pékin’s".as_bytes(),
            b"a-very-long-token-of-many-bytes",
            &[7, 0],
        ];
        for t in [T::Bias, T::PrevLowerLower, T::PrevTagShape, T::Word] {
            assert_eq!(key(t, &[]), hash_parts(t, &[]));
            for a in words {
                assert_eq!(key(t, &[part(a)]), hash_parts(t, &[a]));
                for b in words {
                    assert_eq!(key(t, &[part(a), part(b)]), hash_parts(t, &[a, b]));
                }
            }
        }
    }

    #[test]
    fn affixes_are_char_safe() {
        assert_eq!(prefix("Ünïcode", 3), "Ünï");
        assert_eq!(suffix("Ünïcode", 4), "code");
        assert_eq!(suffix("ab", 4), "ab");
        for w in ["", "a", "abc", "abcdef", "Ünïcode", "naïve", "日本語"] {
            for n in 0..6 {
                let chars: Vec<char> = w.chars().collect();
                let p: String = chars.iter().take(n).collect();
                let s: String = chars[chars.len().saturating_sub(n)..].iter().collect();
                assert_eq!((prefix(w, n), suffix(w, n)), (&*p, &*s), "{w} {n}");
            }
        }
    }
}
