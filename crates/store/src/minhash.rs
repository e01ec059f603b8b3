//! Near-duplicate detection: MinHash signatures over word shingles, banded for LSH.
//!
//! Two texts' Jaccard similarity (over sets of [`SHINGLE`]-word shingles, lowercased) is
//! estimated by the share of equal values in their signatures. [`BANDS`] bands of [`ROWS`] values
//! each are hashed to keys; documents sharing a key are candidates, and a candidate is a
//! near-duplicate when the estimate reaches [`THRESHOLD`]. With 16 bands of 4 rows, a pair at
//! Jaccard 0.5 becomes a candidate with probability 1 − (1 − 0.5⁴)¹⁶ ≈ 0.64, at 0.7 with 0.98,
//! at 0.8 with 0.9999: syndicated copies and updated versions meet, unrelated stories don't.

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// LSH bands.
pub const BANDS: usize = 16;
/// Values per band.
pub const ROWS: usize = 4;
/// Signature length.
pub const HASHES: usize = BANDS * ROWS;
/// Estimated Jaccard similarity at which two documents are one story.
pub const THRESHOLD: f64 = 0.5;
/// Fewest shingles a text needs to be compared at all: shorter texts are their own story.
pub const MIN_SHINGLES: usize = 8;

/// A MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u64; HASHES]);

impl Signature {
    /// The signature of `text`, or `None` when it has too few words to compare.
    pub fn of(text: &str) -> Option<Signature> {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        if words.len() < SHINGLE + MIN_SHINGLES - 1 {
            return None;
        }
        let mut mins = [u64::MAX; HASHES];
        for shingle in words.windows(SHINGLE) {
            let base = shingle.iter().fold(0u64, |h, &w| mix(h.rotate_left(5) ^ w));
            for (i, min) in mins.iter_mut().enumerate() {
                let h = mix(base ^ SEEDS[i]);
                if h < *min {
                    *min = h;
                }
            }
        }
        Some(Signature(mins))
    }

    /// The estimated Jaccard similarity of the two texts.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The LSH keys, one per band (the band's number is hashed in, so bands never collide).
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut h = mix(band as u64 + 1);
            for v in &self.0[band * ROWS..(band + 1) * ROWS] {
                h = mix(h ^ v);
            }
            *key = h as i64;
        }
        keys
    }

    /// The signature as little-endian bytes, to store.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`] back; `None` if the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 8 {
            return None;
        }
        let mut values = [0u64; HASHES];
        for (v, chunk) in values.iter_mut().zip(bytes.chunks_exact(8)) {
            *v = u64::from_le_bytes(chunk.try_into().ok()?);
        }
        Some(Signature(values))
    }
}

/// A word's hash, lowercased as it is read (FNV-1a over the lowercase chars, then mixed).
fn word_hash(word: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in word.chars().flat_map(char::to_lowercase) {
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64's finaliser: a fast bijective mix of 64 bits.
pub(crate) const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One seed per hash function, fixed so that signatures are stable across runs and versions.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        // splitmix64's stream: the state steps by the golden gamma, and each output is mixed.
        seeds[i] = mix(0x005e_ed0f_a22a_1157_u64
            .wrapping_add(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64)));
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    fn story(extra: &str) -> String {
        format!(
            "The ministers of the two countries met in the capital on Monday to discuss trade, \
             security and the new pipeline, officials said after the talks ended late in the \
             evening. Both sides agreed to meet again next month. {extra}"
        )
    }

    #[test]
    fn copies_with_a_changed_line_are_near_duplicates() {
        let a = Signature::of(&story("")).unwrap();
        let b = Signature::of(&story("Updated with a statement from the ministry.")).unwrap();
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        let shared = a
            .band_keys()
            .iter()
            .filter(|k| b.band_keys().contains(k))
            .count();
        assert!(shared > 0);
        assert_eq!(a.similarity(&a), 1.0);
    }

    #[test]
    fn different_stories_are_not() {
        let a = Signature::of(&story("")).unwrap();
        let c = Signature::of(
            "Heavy rain flooded the coastal town overnight, and rescue teams worked through the \
             morning to reach families cut off by the water near the old harbour bridge.",
        )
        .unwrap();
        assert!(a.similarity(&c) < 0.1);
        assert!(!a.band_keys().iter().any(|k| c.band_keys().contains(k)));
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert!(Signature::of("Too short to compare.").is_none());
        let a = Signature::of(&story("")).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
        assert!(Signature::from_bytes(&[1, 2, 3]).is_none());
    }
}
