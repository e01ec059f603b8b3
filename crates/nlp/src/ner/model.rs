//! The tagger's weights: an averaged perceptron over hashed features, greedy left to right.

use std::io::{Read, Write};

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{extract, Prepared};
use super::{Label, NLABELS, START};

/// A trained model: feature weights per label and the lexicon of common lowercase words.
pub struct Model {
    index: FxHashMap<u64, u32>,
    rows: Vec<[f32; NLABELS]>,
    common: FxHashSet<String>,
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
        let mut index = FxHashMap::default();
        let mut rows = Vec::with_capacity(weights.len());
        for (key, row) in weights {
            index.insert(key, rows.len() as u32);
            rows.push(row);
        }
        Model {
            index,
            rows,
            common,
        }
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// Whether `lower` is a common lowercase word.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// The best label of every token of `s`, greedily, never starting a span with `I-`.
    pub fn predict(&self, s: &Prepared<'_>) -> Vec<Label> {
        let mut labels = Vec::with_capacity(s.len());
        let mut feats = Vec::with_capacity(40);
        let (mut prev, mut prev2) = (START, START);
        let common = |w: &str| self.is_common(w);
        for i in 0..s.len() {
            extract(s, i, prev, prev2, &common, &mut feats);
            let mut scores = [0f32; NLABELS];
            for f in &feats {
                if let Some(&row) = self.index.get(f) {
                    let row = &self.rows[row as usize];
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
            let best = best_label(&scores, prev);
            labels.push(Label(best));
            prev2 = prev;
            prev = best;
        }
        labels
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
        let mut keys: Vec<(&u64, &u32)> = self.index.iter().collect();
        keys.sort();
        z.write_all(&(keys.len() as u32).to_le_bytes())?;
        for (key, &row) in keys {
            let row = &self.rows[row as usize];
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
