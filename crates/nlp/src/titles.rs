//! Titles that stand before a person's name ("President", "Defense Minister", "Mr.", "Gen.").
//!
//! A name's span never includes them: "Chinese Defense Minister Li Shangfu" is the person
//! "Li Shangfu" with the role "Chinese Defense Minister". The same list strips titles from gold
//! spans in training and evaluation, so the tagger learns that convention.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Words of titles and offices, lowercase, sorted.
const TITLE_WORDS: &[&str] = &[
    "acting",
    "adm",
    "adm.",
    "admiral",
    "affairs",
    "agriculture",
    "ambassador",
    "archbishop",
    "assistant",
    "attorney",
    "ayatollah",
    "bishop",
    "brig",
    "brig.",
    "brigadier",
    "capt",
    "capt.",
    "captain",
    "cardinal",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "cmdr.",
    "coach",
    "col",
    "col.",
    "colonel",
    "commander",
    "commerce",
    "commissioner",
    "congressman",
    "congresswoman",
    "cpl",
    "cpl.",
    "culture",
    "defence",
    "defense",
    "deputy",
    "director",
    "doctor",
    "dr",
    "dr.",
    "economy",
    "education",
    "emir",
    "emperor",
    "energy",
    "environment",
    "envoy",
    "executive",
    "father",
    "finance",
    "first",
    "foreign",
    "former",
    "gen",
    "gen.",
    "general",
    "gov",
    "gov.",
    "governor",
    "grand",
    "head",
    "health",
    "home",
    "imam",
    "industry",
    "information",
    "interior",
    "judge",
    "justice",
    "king",
    "labor",
    "labour",
    "lady",
    "late",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "lt.",
    "madam",
    "maj",
    "maj.",
    "major",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "mufti",
    "mullah",
    "national",
    "navy",
    "of",
    "pastor",
    "police",
    "pope",
    "premier",
    "president",
    "presidential",
    "prime",
    "prince",
    "princess",
    "prof",
    "prof.",
    "professor",
    "prophet",
    "queen",
    "rabbi",
    "rep",
    "rep.",
    "representative",
    "rev",
    "rev.",
    "reverend",
    "secretary",
    "secretary-general",
    "security",
    "sen",
    "sen.",
    "senator",
    "sergeant",
    "sgt",
    "sgt.",
    "sheik",
    "sheikh",
    "sir",
    "sister",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "sultan",
    "supreme",
    "the",
    "trade",
    "transport",
    "treasury",
    "vice",
    "vice-president",
];

/// Whether `lower` (a lowercased token) is a word of a title.
pub fn is_title_word(lower: &str) -> bool {
    // Asked of every token: one hash lookup rather than a binary search's string compares.
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| TITLE_WORDS.iter().copied().collect())
        .contains(lower)
}

/// The first token of `words[start..end]` after the leading title words, or `end` when the span
/// holds nothing but titles.
pub fn skip_titles(words: &[&str], start: usize, end: usize) -> usize {
    (start..end)
        .find(|&i| !is_title_word(&words[i].to_lowercase()))
        .unwrap_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted() {
        let mut sorted = TITLE_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, TITLE_WORDS);
    }

    #[test]
    fn strips_leading_titles() {
        let w = ["Defense", "Minister", "Li", "Shangfu"];
        assert_eq!(skip_titles(&w, 0, 4), 2);
        let w = ["Secretary", "of", "State", "Condoleezza", "Rice"];
        assert_eq!(skip_titles(&w, 0, 5), 3);
        let w = ["Bush"];
        assert_eq!(skip_titles(&w, 0, 1), 0);
        let w = ["President", "Bush"];
        assert_eq!(skip_titles(&w, 0, 2), 1);
        let w = ["Mr.", "President"];
        assert_eq!(skip_titles(&w, 0, 2), 2);
    }
}
