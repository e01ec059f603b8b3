//! The tagger's weights: an averaged perceptron over hashed features, greedy left to right.

use std::io::{Read, Write};

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{
    key, lower_form, neighbour_feature, part, shape, word_features, Prepared, NEIGHBOURS, T,
    WORD_FEATURES,
};
use super::{Label, NLABELS, START};

/// A trained model: feature weights per label and the lexicon of common lowercase words.
pub struct Model {
    weights: Table,
    /// Number of weight rows it was made from.
    len: usize,
    common: FxHashSet<String>,
    /// What [`Model::predict_words`] needs of frequent words, made once.
    vocabulary: Vec<WordEntry>,
    /// Each frequent word's entry id (its place in `vocabulary`, with [`FREQUENT`] set).
    frequent: FxHashMap<Box<str>, u32>,
    /// The rows and parts [`Model::predict_words`] needs whatever the words.
    fixed: Fixed,
}

/// The rows of the features that do not depend on the words (the previous labels', the
/// capitalised word's, the gazetteer bits'), and the parts of keys past a sentence's edges.
struct Fixed {
    /// [`neighbour_feature`]'s rows past the edges, per neighbour slot.
    edge: [Row; 4],
    /// The parts of the lowercase form before the first token and after the last, and of the
    /// shape beyond either edge.
    lower_before: u64,
    lower_after: u64,
    no_shape: u64,
    /// Per previous label (`START` included), the part it makes of a key.
    tag: [u64; NLABELS + 1],
    /// The row of `PrevTag` per previous label, and of `Prev2Tags` per two previous labels.
    prev_tag: [u32; NLABELS + 1],
    prev2_tags: [[u32; NLABELS + 1]; NLABELS + 1],
    /// The row of `CommonLower` for a capitalised word, by whether its lowercase form is common,
    /// then whether it opens the sentence.
    common_lower: [[u32; 2]; 2],
    /// The row of `Gaz` per gazetteer bit.
    gaz_bit: [u32; 16],
}

impl Fixed {
    fn new(weights: &Table) -> Fixed {
        let row = |f: u64| weights.find(f);
        let tag: [u64; NLABELS + 1] = std::array::from_fn(|l| part(&[l as u8]));
        Fixed {
            edge: std::array::from_fn(|slot| weights.row_or_zero(neighbour_feature(slot, None))),
            lower_before: part(b"<s>"),
            lower_after: part(b"</s>"),
            no_shape: part(b"_"),
            tag,
            prev_tag: std::array::from_fn(|p| row(key(T::PrevTag, &[tag[p]]))),
            prev2_tags: std::array::from_fn(|p2| {
                std::array::from_fn(|p| row(key(T::Prev2Tags, &[part(&[p2 as u8, p as u8])])))
            }),
            common_lower: std::array::from_fn(|common| {
                let flag: &[u8] = if common == 1 { b"c" } else { b"r" };
                std::array::from_fn(|first| {
                    row(key(T::CommonLower, &[part(flag), part(&[first as u8])]))
                })
            }),
            gaz_bit: std::array::from_fn(|bit| row(key(T::Gaz, &[part(&[bit as u8])]))),
        }
    }
}

/// A row of weights, one per label, padded with zeros to whole groups of four lanes, so that
/// adding one row to another is a few vector additions. Each label's sum is the same, bit for
/// bit, as with unpadded rows: the lanes are added independently, in the same order.
const LANES: usize = NLABELS.next_multiple_of(4);

/// A row of [`LANES`] weights.
type Row = [f32; LANES];

/// The labels' lanes of a row.
fn labels_of(row: &Row) -> &[f32; NLABELS] {
    row.first_chunk().expect("LANES ≥ NLABELS")
}

/// Adds `row` to `scores`, lane by lane, four lanes at a time.
#[inline(always)]
fn add(scores: &mut Row, row: &Row) {
    for (s, w) in scores.chunks_exact_mut(4).zip(row.chunks_exact(4)) {
        let (s, w): (&mut [f32; 4], &[f32; 4]) = (s.try_into().unwrap(), w.try_into().unwrap());
        *s = [s[0] + w[0], s[1] + w[1], s[2] + w[2], s[3] + w[3]];
    }
}

/// Punctuation tokens, frequent in any text.
const PUNCTUATION: &[&str] = &[
    ",", ".", "\"", "'", "'s", "’s", "(", ")", ":", ";", "-", "--", "—", "–", "“", "”", "‘", "’",
    "?", "!", "...", "…", "$", "%", "&", "/",
];

/// The weights by feature: an open-addressing table (linear probing) whose slots hold a feature's
/// key and its row together, so a lookup that finds its feature reads one slot, and a lookup that
/// does not mostly reads only the small array of tags (the table is sized for that: at most
/// half full).
struct Table {
    /// Per slot: 0 when empty, else [`Table::tag`] of its key.
    tags: Vec<u8>,
    slots: Vec<(u64, Row)>,
    /// Slots − 1 (slots are a power of two).
    mask: usize,
    /// 64 − log2(slots).
    shift: u32,
}

impl Table {
    fn new(weights: Vec<(u64, [f32; NLABELS])>) -> Table {
        let slots = (weights.len() * 2).next_power_of_two().max(16);
        let mut table = Table {
            tags: vec![0; slots],
            slots: vec![(0, [0.0; LANES]); slots],
            mask: slots - 1,
            shift: 64 - slots.trailing_zeros(),
        };
        for (key, row) in weights {
            let mut padded = [0.0; LANES];
            padded[..NLABELS].copy_from_slice(&row);
            let row = padded;
            let (mut at, tag) = table.place(key);
            loop {
                if table.tags[at] == 0 {
                    table.tags[at] = tag;
                    table.slots[at] = (key, row);
                    break;
                }
                if table.tags[at] == tag && table.slots[at].0 == key {
                    // A repeated key: the last row wins.
                    table.slots[at].1 = row;
                    break;
                }
                at = (at + 1) & table.mask;
            }
        }
        table
    }

    /// The first slot to look at for `key`, and its tag (never 0).
    #[inline]
    fn place(&self, key: u64) -> (usize, u8) {
        let mixed = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        ((mixed >> self.shift) as usize, (mixed >> 8) as u8 | 0x80)
    }

    /// The slot of `key`, or [`NO_ROW`].
    #[inline]
    fn find(&self, key: u64) -> u32 {
        let (mut at, tag) = self.place(key);
        loop {
            let t = self.tags[at];
            if t == 0 {
                return NO_ROW;
            }
            if t == tag && self.slots[at].0 == key {
                return at as u32;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The row of feature `key`, zeros when it has none. Adding zeros changes no score: a score
    /// is never -0 (sums start at +0, and no weight is ±0, since zeros are not stored), and
    /// x + 0 = x for every other x.
    fn row_or_zero(&self, key: u64) -> Row {
        match self.slots.get(self.find(key) as usize) {
            Some((_, row)) => *row,
            None => [0.0; LANES],
        }
    }

    /// The occupied slots.
    fn iter(&self) -> impl Iterator<Item = (u64, &[f32; NLABELS])> {
        self.tags
            .iter()
            .zip(&self.slots)
            .filter(|(t, _)| **t != 0)
            .map(|(_, (key, row))| (*key, labels_of(row)))
    }
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a model file, or a truncated one.
    #[error("not an annalist tagger model: {0}")]
    Format(&'static str),
    /// The bytes could not be read or inflated.
    #[error("reading the model: {0}")]
    Io(#[from] std::io::Error),
}

const MAGIC: &[u8; 6] = b"ANNER\x01";

impl Model {
    /// A model from its weights.
    pub(crate) fn from_parts(
        weights: Vec<(u64, [f32; NLABELS])>,
        common: FxHashSet<String>,
    ) -> Model {
        let weights_len = weights.len();
        let weights = Table::new(weights);
        let mut model = Model {
            len: weights_len,
            fixed: Fixed::new(&weights),
            weights,
            common,
            vocabulary: Vec::new(),
            frequent: FxHashMap::default(),
        };
        (model.vocabulary, model.frequent) = model.vocabulary();
        model
    }

    /// The entries of frequent words, made once: the common lowercase words, capitalised too, and
    /// punctuation.
    fn vocabulary(&self) -> (Vec<WordEntry>, FxHashMap<Box<str>, u32>) {
        let mut words: Vec<String> = PUNCTUATION.iter().map(|p| p.to_string()).collect();
        for w in &self.common {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                words.push(first.to_uppercase().chain(chars).collect());
            }
            words.push(w.clone());
        }
        words.sort_unstable();
        words.dedup();
        let entries = words.iter().map(|w| WordEntry::new(self, w)).collect();
        let places = words
            .into_iter()
            .enumerate()
            .map(|(id, w)| (w.into_boxed_str(), id as u32 | FREQUENT))
            .collect();
        (entries, places)
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.len
    }

    /// Whether `lower` is a common lowercase word.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// The best label of every token of `s`, greedily, never starting a span with `I-`. Only
    /// `s.words` and `s.gaz` are read: what the features need of a word is made from the word.
    pub fn predict(&self, s: &Prepared<'_>) -> Vec<Label> {
        self.predict_words(&s.words, &s.gaz, &mut WordCache::default())
    }

    /// The labels of `words`, whose gazetteer flags are `gaz` (missing ones are 0), remembering in
    /// `cache` what depends on each word alone (its own features' sum, its rows as a neighbour,
    /// its parts of the keys) for the next sentences of the same document.
    ///
    /// Each token's scores are, bit for bit, the rows of
    /// [`extract`](super::features::extract)'s features added from zero in its order (the test
    /// `cached_prediction_is_the_reference` checks it): a word's own features come first in that
    /// order, so their partial sum is what the full sum starts from.
    pub fn predict_words<'a>(
        &self,
        words: &[&'a str],
        gaz: &[u16],
        cache: &mut WordCache<'a>,
    ) -> Vec<Label> {
        let n = words.len();
        let gaz = |i: usize| gaz.get(i).copied().unwrap_or(0);
        let mut labels = Vec::with_capacity(n);
        let mut ids = std::mem::take(&mut cache.ids);
        ids.clear();
        ids.extend(words.iter().map(|w| cache.entry(self, w)));
        let fixed = &self.fixed;
        let entries = &cache.entries;
        let at = |j: usize| -> &WordEntry {
            let id = ids[j];
            if id & FREQUENT != 0 {
                &self.vocabulary[(id & !FREQUENT) as usize]
            } else {
                &entries[id as usize]
            }
        };
        let (mut prev, mut prev2) = (START, START);
        for i in 0..n {
            let word = at(i);
            let before = i.checked_sub(1).map(at);
            let after = (i + 1 < n).then(|| at(i + 1));
            let mut scores = word.partial;
            for (slot, &(_, offset)) in NEIGHBOURS.iter().enumerate() {
                let row = match i.checked_add_signed(offset).filter(|&j| j < n) {
                    Some(j) => &at(j).neighbour[slot],
                    None => &fixed.edge[slot],
                };
                add(&mut scores, row);
            }
            let mut add_feature = |row: u32| self.add_row(&mut scores, row);
            let lower_before = before.map_or(fixed.lower_before, |e| e.lower);
            let lower_after = after.map_or(fixed.lower_after, |e| e.lower);
            let shape_before = before.map_or(fixed.no_shape, |e| e.shape);
            let shape_after = after.map_or(fixed.no_shape, |e| e.shape);
            let find = |t: T, parts: &[u64]| self.row(key(t, parts));
            add_feature(find(T::PrevLowerLower, &[lower_before, word.lower]));
            add_feature(find(T::LowerNextLower, &[word.lower, lower_after]));
            add_feature(find(T::PrevShapeShape, &[shape_before, word.shape]));
            add_feature(find(T::ShapeNextShape, &[word.shape, shape_after]));
            let (p, p2) = (prev as usize, prev2 as usize);
            add_feature(fixed.prev_tag[p]);
            add_feature(fixed.prev2_tags[p2][p]);
            add_feature(find(T::PrevTagLower, &[fixed.tag[p], word.lower]));
            add_feature(find(T::PrevTagShape, &[fixed.tag[p], word.shape]));
            if i == 0 {
                add_feature(find(T::FirstShape, &[word.shape]));
            }
            if word.capitalised {
                add_feature(fixed.common_lower[word.common as usize][(i == 0) as usize]);
            }
            let g = gaz(i);
            if g != 0 {
                add_feature(find(T::Gaz, &[part(&g.to_le_bytes())]));
                for (bit, &row) in fixed.gaz_bit.iter().enumerate() {
                    if g & (1 << bit) != 0 {
                        add_feature(row);
                    }
                }
            }
            if i > 0 && gaz(i - 1) != 0 {
                add_feature(find(T::PrevGaz, &[part(&gaz(i - 1).to_le_bytes())]));
            }
            if i + 1 < n && gaz(i + 1) != 0 {
                add_feature(find(T::NextGaz, &[part(&gaz(i + 1).to_le_bytes())]));
            }
            let best = best_label(labels_of(&scores), prev);
            labels.push(Label(best));
            prev2 = prev;
            prev = best;
        }
        cache.ids = ids;
        labels
    }

    /// The row of feature `f`, or [`NO_ROW`].
    #[inline]
    fn row(&self, f: u64) -> u32 {
        self.weights.find(f)
    }

    /// Adds row `row` (unless [`NO_ROW`]) to `scores`.
    #[inline]
    fn add_row(&self, scores: &mut Row, row: u32) {
        if let Some((_, row)) = self.weights.slots.get(row as usize) {
            add(scores, row);
        }
    }

    /// Writes the model, deflated.
    pub fn write(&self, out: impl Write) -> std::io::Result<()> {
        let mut z = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        z.write_all(MAGIC)?;
        let mut common: Vec<&String> = self.common.iter().collect();
        common.sort();
        z.write_all(&(common.len() as u32).to_le_bytes())?;
        for w in common {
            let b = w.as_bytes();
            z.write_all(&[b.len().min(255) as u8])?;
            z.write_all(&b[..b.len().min(255)])?;
        }
        let mut keys: Vec<(u64, &[f32; NLABELS])> = self.weights.iter().collect();
        keys.sort_by_key(|&(key, _)| key);
        z.write_all(&(keys.len() as u32).to_le_bytes())?;
        for (key, row) in keys {
            z.write_all(&key.to_le_bytes())?;
            let nnz = row.iter().filter(|w| **w != 0.0).count() as u8;
            z.write_all(&[nnz])?;
            for (label, w) in row.iter().enumerate() {
                if *w != 0.0 {
                    z.write_all(&[label as u8])?;
                    z.write_all(&w.to_le_bytes())?;
                }
            }
        }
        z.finish()?;
        Ok(())
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw)?;
        let mut r = Reader { b: &raw, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Format("bad magic"));
        }
        let n = r.u32()? as usize;
        let mut common = FxHashSet::default();
        for _ in 0..n {
            let len = r.take(1)?[0] as usize;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Format("utf-8"))?;
            common.insert(w.to_string());
        }
        let n = r.u32()? as usize;
        let mut weights = Vec::with_capacity(n);
        for _ in 0..n {
            let key = u64::from_le_bytes(r.take(8)?.try_into().unwrap());
            let nnz = r.take(1)?[0] as usize;
            let mut row = [0f32; NLABELS];
            for _ in 0..nnz {
                let label = r.take(1)?[0] as usize;
                let w = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
                *row.get_mut(label).ok_or(ModelError::Format("label"))? = w;
            }
            weights.push((key, row));
        }
        if r.at != raw.len() {
            return Err(ModelError::Format("trailing bytes"));
        }
        Ok(Model::from_parts(weights, common))
    }
}

/// The bit of an entry id that says it is one of the model's frequent words.
const FREQUENT: u32 = 1 << 31;

/// No row: the feature has no weight.
const NO_ROW: u32 = u32::MAX;

/// What [`Model::predict_words`] remembers of the words of one document.
#[derive(Default)]
pub struct WordCache<'a> {
    index: FxHashMap<&'a str, u32>,
    entries: Vec<WordEntry>,
    ids: Vec<u32>,
}

/// What the scores owe to one word, wherever it stands.
struct WordEntry {
    /// The rows of its own features ([`word_features`]) added up from zero, in order.
    partial: Row,
    /// The rows of the features its neighbours get from it ([`NEIGHBOURS`] order), copied here
    /// (zeros when a feature has none) so that a neighbour costs no lookup in the weights.
    neighbour: [Row; 4],
    /// The parts ([`part`]) its lowercase form and its shape make of a key.
    lower: u64,
    shape: u64,
    /// Whether its lowercase form is a common word.
    common: bool,
    /// Whether its first letter is a capital.
    capitalised: bool,
}

impl WordEntry {
    /// The entry of `word`.
    fn new(model: &Model, word: &str) -> WordEntry {
        let lower = lower_form(word);
        let shape = shape(word);
        let mut partial = [0f32; LANES];
        let own: [u64; WORD_FEATURES] = word_features(word, &lower, shape.as_bytes());
        for f in own {
            model.add_row(&mut partial, model.row(f));
        }
        WordEntry {
            partial,
            neighbour: std::array::from_fn(|slot| {
                model
                    .weights
                    .row_or_zero(neighbour_feature(slot, Some(&lower)))
            }),
            lower: part(lower.as_bytes()),
            shape: part(shape.as_bytes()),
            common: model.is_common(&lower),
            capitalised: word.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

impl<'a> WordCache<'a> {
    /// A cache sized for a document of `tokens` tokens (about a third distinct words, an
    /// eighth new to the model's frequent words), so that it seldom grows.
    pub fn for_tokens(tokens: usize) -> WordCache<'a> {
        WordCache {
            index: FxHashMap::with_capacity_and_hasher(tokens / 3, Default::default()),
            entries: Vec::with_capacity(tokens / 8),
            ids: Vec::new(),
        }
    }

    /// The id of `word`'s entry: the model's, for a frequent word, or one made on first sight.
    fn entry(&mut self, model: &Model, word: &'a str) -> u32 {
        if let Some(&id) = self.index.get(word) {
            return id;
        }
        let id = match model.frequent.get(word) {
            Some(&id) => id,
            None => {
                self.entries.push(WordEntry::new(model, word));
                debug_assert!(self.entries.len() < FREQUENT as usize);
                self.entries.len() as u32 - 1
            }
        };
        self.index.insert(word, id);
        id
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        let end = end.ok_or(ModelError::Format("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
}

/// The highest-scoring label that may follow `prev` (ties go to the lower label, `O` first).
pub(crate) fn best_label(scores: &[f32; NLABELS], prev: u8) -> u8 {
    let mut best = 0u8;
    let mut best_score = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if !Label(l as u8).may_follow(prev) {
            continue;
        }
        if s > best_score {
            best = l as u8;
            best_score = s;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::features::extract;
    use super::*;

    /// The scores of every token from [`extract`]'s features, summed one by one.
    fn reference(model: &Model, s: &Prepared<'_>) -> Vec<(Label, [f32; NLABELS])> {
        let mut out = Vec::new();
        let mut feats = Vec::new();
        let (mut prev, mut prev2) = (START, START);
        for i in 0..s.len() {
            extract(s, i, prev, prev2, &|w| model.is_common(w), &mut feats);
            let mut scores = [0f32; LANES];
            for f in &feats {
                model.add_row(&mut scores, model.row(*f));
            }
            let best = best_label(labels_of(&scores), prev);
            out.push((Label(best), *labels_of(&scores)));
            prev2 = prev;
            prev = best;
        }
        out
    }

    #[test]
    fn writes_back_the_embedded_model() {
        let inflate = |b: &[u8]| {
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(b)
                .read_to_end(&mut raw)
                .unwrap();
            raw
        };
        let model = Model::read(crate::MODEL).unwrap();
        let mut out = Vec::new();
        model.write(&mut out).unwrap();
        assert!(inflate(&out) == inflate(crate::MODEL));
    }

    #[test]
    fn cached_prediction_is_the_reference() {
        let model = Model::read(crate::MODEL).unwrap();
        let text = "Chinese Defense Minister Li Shangfu met U.S. officials in Beijing on Monday . \
                    Li said the talks with the U.S. were “ candid ” . The PLA Navy 's chief , \
                    Adm. Dong Jun , said Beijing and Washington would meet again in Singapore . \
                    NATO and the European Union did n't comment . CHINA SAYS NO";
        let mut cache = WordCache::default();
        for sentence in text.split(" . ") {
            let words: Vec<&str> = sentence.split(' ').collect();
            let mut gaz = vec![0u16; words.len()];
            gaz[0] = 33;
            let s = Prepared::new(words, gaz);
            let want = reference(&model, &s);
            let labels: Vec<Label> = want.iter().map(|w| w.0).collect();
            assert_eq!(model.predict_words(&s.words, &s.gaz, &mut cache), labels);
            assert_eq!(model.predict(&s), labels);
            assert!(labels.iter().any(|l| l.kind().is_some()), "{sentence}");
        }
    }
}
