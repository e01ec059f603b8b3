//! The tagger's weights: an averaged perceptron over hashed features, greedy left to right.

use std::io::{Read, Write};

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{
    context_features, lower_form, neighbour_feature, shape, word_features, Prepared, NEIGHBOURS,
    WORD_FEATURES,
};
use super::{Label, NLABELS, START};

/// A trained model: feature weights per label and the lexicon of common lowercase words.
pub struct Model {
    weights: Table,
    /// Number of weight rows it was made from.
    len: usize,
    common: FxHashSet<String>,
    /// What [`Model::predict_cached`] needs of frequent words, made once.
    vocabulary: FxHashMap<Box<str>, WordEntry>,
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
    slots: Vec<(u64, [f32; NLABELS])>,
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
            slots: vec![(0, [0.0; NLABELS]); slots],
            mask: slots - 1,
            shift: 64 - slots.trailing_zeros(),
        };
        for (key, row) in weights {
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

    /// The occupied slots.
    fn iter(&self) -> impl Iterator<Item = &(u64, [f32; NLABELS])> {
        self.tags
            .iter()
            .zip(&self.slots)
            .filter(|(t, _)| **t != 0)
            .map(|(_, slot)| slot)
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
        let mut model = Model {
            len: weights.len(),
            weights: Table::new(weights),
            common,
            vocabulary: FxHashMap::default(),
        };
        model.vocabulary = model.vocabulary();
        model
    }

    /// The entries of frequent words, made once: the common lowercase words, capitalised too, and
    /// punctuation.
    fn vocabulary(&self) -> FxHashMap<Box<str>, WordEntry> {
        let mut words: Vec<String> = PUNCTUATION.iter().map(|p| p.to_string()).collect();
        for w in &self.common {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                words.push(first.to_uppercase().chain(chars).collect());
            }
            words.push(w.clone());
        }
        words
            .into_iter()
            .map(|w| {
                let entry = WordEntry::new(self, &w, &lower_form(&w), shape(&w).as_bytes());
                (w.into_boxed_str(), entry)
            })
            .collect()
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.len
    }

    /// Whether `lower` is a common lowercase word.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// The best label of every token of `s`, greedily, never starting a span with `I-`.
    pub fn predict(&self, s: &Prepared<'_>) -> Vec<Label> {
        self.predict_cached(s, &mut WordCache::default())
    }

    /// [`Model::predict`], remembering in `cache` what depends on each word alone, for the next
    /// sentences of the same document. The labels are the same as without a cache, bit for bit:
    /// a word's own features come first in the sum, so their partial sum is what the full sum
    /// starts from.
    pub fn predict_cached<'a>(&self, s: &Prepared<'a>, cache: &mut WordCache<'a>) -> Vec<Label> {
        let n = s.len();
        let mut labels = Vec::with_capacity(n);
        let mut ids = std::mem::take(&mut cache.ids);
        ids.clear();
        ids.extend((0..n).map(|i| cache.entry(self, s, i)));
        let edge: [[f32; NLABELS]; 4] =
            std::array::from_fn(|slot| self.row_or_zero(neighbour_feature(slot, None)));
        let mut feats = std::mem::take(&mut cache.feats);
        let (mut prev, mut prev2) = (START, START);
        for i in 0..n {
            let word = &cache.entries[ids[i] as usize];
            let mut scores = word.partial;
            for (slot, &(_, offset)) in NEIGHBOURS.iter().enumerate() {
                let row = match i.checked_add_signed(offset).filter(|&j| j < n) {
                    Some(j) => &cache.entries[ids[j] as usize].neighbour[slot],
                    None => &edge[slot],
                };
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
            feats.clear();
            let common = word.common;
            context_features(s, i, prev, prev2, &|_| common, &mut feats);
            for &f in &feats {
                self.add_row(&mut scores, self.row(f));
            }
            let best = best_label(&scores, prev);
            labels.push(Label(best));
            prev2 = prev;
            prev = best;
        }
        cache.ids = ids;
        cache.feats = feats;
        labels
    }

    /// The row of feature `f`, or [`NO_ROW`].
    #[inline]
    fn row(&self, f: u64) -> u32 {
        self.weights.find(f)
    }

    /// The row of feature `f`, zeros when it has none. Adding zeros changes no score: a score
    /// is never -0 (sums start at +0, and no weight is ±0, since zeros are not stored), and
    /// x + 0 = x for every other x.
    fn row_or_zero(&self, f: u64) -> [f32; NLABELS] {
        match self.weights.slots.get(self.row(f) as usize) {
            Some((_, row)) => *row,
            None => [0.0; NLABELS],
        }
    }

    /// Adds row `row` (unless [`NO_ROW`]) to `scores`.
    #[inline]
    fn add_row(&self, scores: &mut [f32; NLABELS], row: u32) {
        if let Some((_, row)) = self.weights.slots.get(row as usize) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
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
        let mut keys: Vec<&(u64, [f32; NLABELS])> = self.weights.iter().collect();
        keys.sort_by_key(|(key, _)| *key);
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

/// No row: the feature has no weight.
const NO_ROW: u32 = u32::MAX;

/// What [`Model::predict_cached`] remembers of the words of one document.
#[derive(Default)]
pub struct WordCache<'a> {
    index: FxHashMap<&'a str, u32>,
    entries: Vec<WordEntry>,
    ids: Vec<u32>,
    feats: Vec<u64>,
}

/// What the scores owe to one word, wherever it stands.
#[derive(Clone)]
struct WordEntry {
    /// The rows of its own features ([`word_features`]) added up from zero, in order.
    partial: [f32; NLABELS],
    /// The rows of the features its neighbours get from it ([`NEIGHBOURS`] order), copied here
    /// (zeros when a feature has none) so that a neighbour costs no lookup in the weights.
    neighbour: [[f32; NLABELS]; 4],
    /// Whether its lowercase form is a common word.
    common: bool,
}

impl WordEntry {
    /// The entry of `word`, whose lowercase form and shape are `lower` and `shape`.
    fn new(model: &Model, word: &str, lower: &str, shape: &[u8]) -> WordEntry {
        let mut partial = [0f32; NLABELS];
        let own: [u64; WORD_FEATURES] = word_features(word, lower, shape);
        for f in own {
            model.add_row(&mut partial, model.row(f));
        }
        WordEntry {
            partial,
            neighbour: std::array::from_fn(|slot| {
                model.row_or_zero(neighbour_feature(slot, Some(lower)))
            }),
            common: model.is_common(lower),
        }
    }
}

impl<'a> WordCache<'a> {
    /// The entry of token `i` of `s`, made on first sight of its word (or copied from the model's
    /// frequent words). The word's lowercase form and shape are functions of the word, as
    /// [`Prepared`] makes them.
    fn entry(&mut self, model: &Model, s: &Prepared<'a>, i: usize) -> u32 {
        let word = s.words[i];
        if let Some(&id) = self.index.get(word) {
            return id;
        }
        let entry = match model.vocabulary.get(word) {
            Some(e) => e.clone(),
            None => WordEntry::new(model, word, &s.lower[i], s.shapes[i].as_bytes()),
        };
        let id = self.entries.len() as u32;
        self.entries.push(entry);
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
            let mut scores = [0f32; NLABELS];
            for f in &feats {
                model.add_row(&mut scores, model.row(*f));
            }
            let best = best_label(&scores, prev);
            out.push((Label(best), scores));
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
            assert_eq!(model.predict_cached(&s, &mut cache), labels);
            assert_eq!(model.predict(&s), labels);
            assert!(labels.iter().any(|l| l.kind().is_some()), "{sentence}");
        }
    }
}
