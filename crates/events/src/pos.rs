//! Verb or noun? A small averaged-perceptron classifier that tells, for a word the verb table
//! knows, whether it stands as a verb here ("forces attacked"), a noun ("the armed forces",
//! "the fighting") or something else. It looks at the word, its suffixes and its neighbours;
//! it runs only on predicate candidates, so it costs next to nothing.
//!
//! Trained by `annalist-train pos` on the part-of-speech annotations of the GUM corpus
//! (`data/README.md`); deterministic: the same data gives the same bytes.

use rustc_hash::FxHashMap as HashMap;
use std::io::{Read, Write};

/// The classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// A verb or auxiliary.
    Verb,
    /// A noun or proper noun.
    Noun,
    /// Anything else.
    Other,
}

const CLASSES: usize = 3;

impl Pos {
    fn index(self) -> usize {
        match self {
            Pos::Verb => 0,
            Pos::Noun => 1,
            Pos::Other => 2,
        }
    }

    fn from_index(i: usize) -> Pos {
        match i {
            0 => Pos::Verb,
            1 => Pos::Noun,
            _ => Pos::Other,
        }
    }

    /// The class of a Universal Dependencies UPOS tag.
    pub fn from_upos(tag: &str) -> Pos {
        match tag {
            "VERB" | "AUX" => Pos::Verb,
            "NOUN" | "PROPN" => Pos::Noun,
            _ => Pos::Other,
        }
    }
}

/// FNV-1a over a template id and the bytes: stable across platforms and runs.
fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x0100_0000_01b3);
    for p in parts {
        for &b in p.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn suffix(w: &str, n: usize) -> &str {
    let k = w
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(k, _)| k);
    &w[k..]
}

/// Features per word.
const FEATURES: usize = 13;

/// The features of word `i` of `words` (lowercase).
fn features(words: &[&str], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            words.get(j as usize).copied().unwrap_or("</s>")
        }
    };
    let w = at(0);
    out.push(hash(0, &[]));
    out.push(hash(1, &[w]));
    out.push(hash(2, &[suffix(w, 3)]));
    out.push(hash(3, &[suffix(w, 2)]));
    out.push(hash(4, &[at(-1)]));
    out.push(hash(5, &[at(-2)]));
    out.push(hash(6, &[at(1)]));
    out.push(hash(7, &[at(-1), w]));
    out.push(hash(8, &[w, at(1)]));
    out.push(hash(9, &[suffix(at(-1), 3)]));
    out.push(hash(10, &[suffix(at(1), 3)]));
    out.push(hash(11, &[at(-2), at(-1)]));
    out.push(hash(12, &[at(2)]));
}

/// A trained classifier.
#[derive(Clone, Debug, Default)]
pub struct PosModel {
    weights: HashMap<u64, [f32; CLASSES]>,
}

const MAGIC: &[u8; 6] = b"ANPOS\x01";

impl PosModel {
    /// The class of word `i` of a sentence's lowercase `words`.
    pub fn classify(&self, words: &[&str], i: usize) -> Pos {
        let mut feats = Vec::with_capacity(FEATURES);
        features(words, i, &mut feats);
        let mut scores = [0f32; CLASSES];
        for f in &feats {
            if let Some(w) = self.weights.get(f) {
                for (s, x) in scores.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        let best = (0..CLASSES)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            .unwrap_or(2);
        Pos::from_index(best)
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model is empty.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Trains on sentences of (lowercase word, class), `epochs` passes in the given order,
    /// weights averaged; features whose averaged weights are all near zero are dropped.
    pub fn train(sentences: &[Vec<(String, Pos)>], epochs: usize) -> PosModel {
        let mut w: HashMap<u64, [f32; CLASSES]> = HashMap::default();
        let mut totals: HashMap<u64, [f64; CLASSES]> = HashMap::default();
        let mut stamps: HashMap<u64, [u64; CLASSES]> = HashMap::default();
        let mut step: u64 = 0;
        let mut feats = Vec::with_capacity(13);
        for _ in 0..epochs {
            for s in sentences {
                let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
                for (i, (_, gold)) in s.iter().enumerate() {
                    step += 1;
                    features(&words, i, &mut feats);
                    let mut scores = [0f32; CLASSES];
                    for f in &feats {
                        if let Some(x) = w.get(f) {
                            for (s, v) in scores.iter_mut().zip(x) {
                                *s += v;
                            }
                        }
                    }
                    let guess = (0..CLASSES)
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                        .unwrap_or(2);
                    let truth = gold.index();
                    if guess == truth {
                        continue;
                    }
                    for &f in &feats {
                        let row = w.entry(f).or_insert([0.0; CLASSES]);
                        let tot = totals.entry(f).or_insert([0.0; CLASSES]);
                        let st = stamps.entry(f).or_insert([0; CLASSES]);
                        for (c, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                            tot[c] += f64::from(row[c]) * (step - st[c]) as f64;
                            st[c] = step;
                            row[c] += delta;
                        }
                    }
                }
            }
        }
        let mut weights = HashMap::default();
        let mut keys: Vec<u64> = w.keys().copied().collect();
        keys.sort_unstable();
        for f in keys {
            let row = w[&f];
            let tot = totals[&f];
            let st = stamps[&f];
            let mut avg = [0f32; CLASSES];
            for c in 0..CLASSES {
                let t = tot[c] + f64::from(row[c]) * (step - st[c]) as f64;
                avg[c] = (t / step.max(1) as f64) as f32;
            }
            if avg.iter().any(|x| x.abs() > 1e-3) {
                weights.insert(f, avg);
            }
        }
        PosModel { weights }
    }

    /// Writes the model: a magic, then sorted (feature, weights) records, gzip-compressed.
    pub fn write(&self, out: impl Write) -> std::io::Result<()> {
        let mut z = flate2::write::GzEncoder::new(out, flate2::Compression::best());
        z.write_all(MAGIC)?;
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort_unstable();
        z.write_all(&(keys.len() as u64).to_le_bytes())?;
        for k in keys {
            z.write_all(&k.to_le_bytes())?;
            for x in &self.weights[k] {
                z.write_all(&x.to_le_bytes())?;
            }
        }
        z.finish()?;
        Ok(())
    }

    /// Reads a model [`PosModel::write`] wrote; `None` if the bytes are not one.
    pub fn read(bytes: &[u8]) -> Option<PosModel> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        let rest = raw.strip_prefix(MAGIC.as_slice())?;
        let n = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?) as usize;
        let body = &rest[8..];
        let rec = 8 + 4 * CLASSES;
        if body.len() != n.checked_mul(rec)? {
            return None;
        }
        let mut weights = HashMap::with_capacity_and_hasher(n, Default::default());
        for r in body.chunks_exact(rec) {
            let key = u64::from_le_bytes(r[..8].try_into().ok()?);
            let mut row = [0f32; CLASSES];
            for (c, x) in row.iter_mut().enumerate() {
                *x = f32::from_le_bytes(r[8 + 4 * c..12 + 4 * c].try_into().ok()?);
            }
            weights.insert(key, row);
        }
        Some(PosModel { weights })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(s: &str) -> Vec<(String, Pos)> {
        s.split_whitespace()
            .map(|t| {
                let (w, tag) = t.split_once('/').unwrap();
                let pos = match tag {
                    "V" => Pos::Verb,
                    "N" => Pos::Noun,
                    _ => Pos::Other,
                };
                (w.to_string(), pos)
            })
            .collect()
    }

    #[test]
    fn learns_verbs_from_nouns_and_round_trips() {
        let data = vec![
            sent("the/O forces/N attacked/V the/O town/N"),
            sent("he/O forces/V them/O out/O"),
            sent("the/O armed/O forces/N left/V"),
            sent("troops/N attacked/V the/O base/N"),
            sent("the/O attack/N failed/V"),
            sent("they/O attack/V the/O city/N"),
        ];
        let m = PosModel::train(&data, 10);
        assert_eq!(m.classify(&["the", "attack", "failed"], 1), Pos::Noun);
        assert_eq!(m.classify(&["they", "attack", "the", "city"], 1), Pos::Verb);
        let mut bytes = Vec::new();
        m.write(&mut bytes).unwrap();
        let back = PosModel::read(&bytes).unwrap();
        assert_eq!(back.len(), m.len());
        assert_eq!(back.classify(&["the", "attack", "failed"], 1), Pos::Noun);
        assert!(PosModel::read(b"nope").is_none());
    }

    #[test]
    fn the_embedded_model_reads() {
        let m = PosModel::read(crate::POS_MODEL).expect("the embedded model");
        assert!(m.len() > 1000);
        let w = ["russian", "forces", "attacked", "the", "town"];
        assert_eq!(m.classify(&w, 2), Pos::Verb);
        let w = ["the", "armed", "forces", "of", "the", "two", "countries"];
        assert_eq!(m.classify(&w, 2), Pos::Noun);
    }
}
