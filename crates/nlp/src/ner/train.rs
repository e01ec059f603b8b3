//! Training the tagger: an averaged perceptron, greedy decoding on its own predictions.
//!
//! Deterministic: the sentence order of each epoch comes from a fixed-seed shuffle, so the same
//! data gives the same weights, byte for byte.

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{extract, Prepared};
use super::model::{best_label, Model};
use super::{Label, NLABELS, START};

/// One training sentence.
pub struct Example {
    /// Its tokens.
    pub words: Vec<String>,
    /// Gold labels, one per token.
    pub labels: Vec<Label>,
    /// Gazetteer flags per token (may be empty).
    pub gaz: Vec<u16>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffle.
    pub seed: u64,
    /// Averaged weights smaller than this (in absolute value) are dropped from the model.
    pub prune: f32,
    /// A lowercase word seen this many times is "common".
    pub common_min: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            epochs: 8,
            seed: 0x5eed,
            prune: 1.0,
            common_min: 3,
        }
    }
}

struct Weights {
    index: FxHashMap<u64, usize>,
    w: Vec<[f32; NLABELS]>,
    total: Vec<[f64; NLABELS]>,
    stamp: Vec<[u64; NLABELS]>,
    clock: u64,
}

impl Weights {
    fn update(&mut self, key: u64, label: usize, delta: f32) {
        let next = self.w.len();
        let row = *self.index.entry(key).or_insert(next);
        if row == next {
            self.w.push([0.0; NLABELS]);
            self.total.push([0.0; NLABELS]);
            self.stamp.push([0; NLABELS]);
        }
        let elapsed = self.clock - self.stamp[row][label];
        self.total[row][label] += elapsed as f64 * self.w[row][label] as f64;
        self.stamp[row][label] = self.clock;
        self.w[row][label] += delta;
    }

    fn scores(&self, feats: &[u64]) -> [f32; NLABELS] {
        let mut scores = [0f32; NLABELS];
        for f in feats {
            if let Some(&row) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.w[row]) {
                    *s += w;
                }
            }
        }
        scores
    }
}

/// Trains a model on `examples`; `progress` hears each epoch's token accuracy on the training data.
pub fn train(
    examples: &[Example],
    settings: &Settings,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for e in examples {
        for w in &e.words {
            if w.chars().next().is_some_and(char::is_lowercase) {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let common: FxHashSet<String> = counts
        .into_iter()
        .filter(|&(_, n)| n >= settings.common_min)
        .map(|(w, _)| w.to_string())
        .collect();
    let is_common = |w: &str| common.contains(w);

    let mut weights = Weights {
        index: FxHashMap::default(),
        w: Vec::new(),
        total: Vec::new(),
        stamp: Vec::new(),
        clock: 0,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = settings.seed | 1;
    let mut feats = Vec::with_capacity(40);
    for epoch in 0..settings.epochs {
        // Fisher–Yates with xorshift64*.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let r = rng.wrapping_mul(0x2545_f491_4f6c_dd1d);
            order.swap(i, (r % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let e = &examples[k];
            let words: Vec<&str> = e.words.iter().map(String::as_str).collect();
            let s = Prepared::new(words, e.gaz.clone());
            let (mut prev, mut prev2) = (START, START);
            for i in 0..s.len() {
                extract(&s, i, prev, prev2, &is_common, &mut feats);
                let guess = best_label(&weights.scores(&feats), prev);
                let gold = e.labels[i].0;
                weights.clock += 1;
                if guess != gold {
                    for &f in &feats {
                        weights.update(f, gold as usize, 1.0);
                        weights.update(f, guess as usize, -1.0);
                    }
                } else {
                    right += 1;
                }
                total += 1;
                prev2 = prev;
                prev = guess;
            }
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }

    let clock = weights.clock.max(1);
    let mut out = Vec::new();
    let mut keys: Vec<(u64, usize)> = weights.index.iter().map(|(&k, &r)| (k, r)).collect();
    keys.sort_unstable();
    for (key, row) in keys {
        let mut avg = [0f32; NLABELS];
        let mut any = false;
        for (l, a) in avg.iter_mut().enumerate() {
            let total = weights.total[row][l]
                + (clock - weights.stamp[row][l]) as f64 * weights.w[row][l] as f64;
            let v = (total / clock as f64) as f32;
            if v.abs() >= settings.prune {
                *a = v;
                any = true;
            }
        }
        if any {
            out.push((key, avg));
        }
    }
    Model::from_parts(out, common)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_toy_pattern_deterministically() {
        let e = |s: &str, l: &[u8]| Example {
            words: s.split(' ').map(String::from).collect(),
            labels: l.iter().map(|&x| Label(x)).collect(),
            gaz: Vec::new(),
        };
        let data: Vec<Example> = (0..30)
            .flat_map(|_| {
                [
                    e("Mr. Smith went to Paris .", &[0, 1, 0, 0, 5, 0]),
                    e("Ms. Jones flew to Rome .", &[0, 1, 0, 0, 5, 0]),
                    e("the talks went well .", &[0, 0, 0, 0, 0]),
                ]
            })
            .collect();
        let settings = Settings {
            prune: 0.0,
            ..Settings::default()
        };
        let model = train(&data, &settings, |_, _| {});
        let words = vec!["Mr.", "Brown", "went", "to", "Oslo", "."];
        let got: Vec<u8> = model
            .predict(&Prepared::new(words, Vec::new()))
            .iter()
            .map(|l| l.0)
            .collect();
        assert_eq!(got, [0, 1, 0, 0, 5, 0]);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        model.write(&mut a).unwrap();
        train(&data, &settings, |_, _| {}).write(&mut b).unwrap();
        assert_eq!(a, b, "same data, same bytes");
        let back = Model::read(&a).unwrap();
        assert_eq!(back.features(), model.features());
        assert!(Model::read(&a[..a.len() / 2]).is_err());
    }
}
