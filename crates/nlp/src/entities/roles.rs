//! Roles read around a person's name: the title before it ("Chinese Defense Minister Li
//! Shangfu", "the head of the Russian Navy Nikolay Evmenov", "his Russian counterpart Sergey
//! Shoigu") and the apposition after it ("Li, who was appointed defense minister in mid-March",
//! "Ann Lee, an analyst at the International Crisis Group").

use std::ops::Range;

use crate::entities::{EntityType, Mention, Tokenized};
use crate::gazetteer::Gazetteer;
use crate::titles::is_title_word;

/// A role found beside a mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Its text as written.
    pub text: String,
}

/// Nouns that head a role without being titles before a name.
const HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "candidate",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "colonel",
    "commander",
    "commentator",
    "correspondent",
    "counterpart",
    "delegate",
    "diplomat",
    "director",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "founder",
    "general",
    "governor",
    "head",
    "journalist",
    "judge",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "mayor",
    "member",
    "minister",
    "negotiator",
    "officer",
    "official",
    "premier",
    "president",
    "professor",
    "prosecutor",
    "reporter",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "secretary-general",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
];

/// Title words that do not make a role on their own: modifiers, departments, honorifics.
const NOT_HEADS: &[&str] = &[
    "acting",
    "affairs",
    "agriculture",
    "assistant",
    "commerce",
    "culture",
    "defence",
    "defense",
    "deputy",
    "economy",
    "education",
    "energy",
    "environment",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "grand",
    "health",
    "home",
    "industry",
    "information",
    "interior",
    "labor",
    "labour",
    "lady",
    "late",
    "lord",
    "madam",
    "miss",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "national",
    "navy",
    "of",
    "police",
    "presidential",
    "security",
    "sir",
    "state",
    "supreme",
    "the",
    "trade",
    "transport",
    "treasury",
    "vice",
];

/// Function words a role may hold inside ("head of the Russian Navy").
fn is_glue(lower: &str) -> bool {
    matches!(lower, "of" | "the" | "for" | "'s" | "’s" | "at" | "on")
}

/// Whether `lower` heads a role.
pub fn is_head(lower: &str) -> bool {
    HEADS.binary_search(&lower).is_ok()
}

/// Whether `lower` can be part of a role.
fn is_role_word(lower: &str, g: &Gazetteer) -> bool {
    (is_title_word(lower) && !matches!(lower, "the" | "of"))
        || is_head(lower)
        || g.agent(lower).is_some()
}

/// The mention among `mentions` (sorted by start) that covers token `i`, if it is a nationality,
/// a place or an organisation: the words that may sit inside a role.
fn modifier_at(mentions: &[Mention], i: usize) -> Option<&Mention> {
    let k = mentions.partition_point(|m| m.tokens.start <= i);
    let m = mentions.get(k.checked_sub(1)?)?;
    (m.tokens.contains(&i)
        && matches!(
            m.kind,
            EntityType::Norp | EntityType::Gpe | EntityType::Org | EntityType::Loc
        ))
    .then_some(m)
}

/// The role before the name at `name` (a person mention), if any.
pub fn before(
    t: &Tokenized<'_>,
    g: &Gazetteer,
    mentions: &[Mention],
    name: &Range<usize>,
) -> Option<Role> {
    let sentence = &t.sentences[t.sentence_of(name.start)];
    let mut j = name.start;
    let mut start = name.start;
    while j > sentence.start {
        let k = j - 1;
        if let Some(m) = modifier_at(mentions, k) {
            j = m.tokens.start.max(sentence.start);
            start = j;
            continue;
        }
        let lower = t.lower[k].as_ref();
        if is_role_word(lower, g) {
            j = k;
            start = k;
            continue;
        }
        if is_glue(lower) && j != name.start {
            j = k;
            continue;
        }
        break;
    }
    role(t, start..name.start)
}

/// The role in an apposition after the name at `name`: ", who was appointed defense minister",
/// ", the Russian Navy chief,", ", an analyst at the International Crisis Group".
pub fn after(
    t: &Tokenized<'_>,
    g: &Gazetteer,
    mentions: &[Mention],
    name: &Range<usize>,
) -> Option<Role> {
    let sentence = &t.sentences[t.sentence_of(name.start)];
    let end = sentence.end;
    let mut k = name.end;
    if k >= end || t.lower[k] != "," {
        return None;
    }
    k += 1;
    let skip = |k: &mut usize, words: &[&str]| {
        while *k < end && words.contains(&t.lower[*k].as_ref()) {
            *k += 1;
        }
    };
    skip(&mut k, &["who"]);
    skip(
        &mut k,
        &[
            "is", "was", "has", "had", "been", "'s", "’s", "became", "becomes", "serves", "served",
        ],
    );
    skip(
        &mut k,
        &[
            "appointed",
            "named",
            "elected",
            "nominated",
            "made",
            "sworn",
            "in",
            "as",
        ],
    );
    skip(&mut k, &["the", "a", "an"]);
    let start = k;
    while k < end {
        if let Some(m) = modifier_at(mentions, k) {
            k = m.tokens.end;
            continue;
        }
        let lower = t.lower[k].as_ref();
        if is_role_word(lower, g) || is_glue(lower) || matches!(lower, "senior" | "top") {
            k += 1;
            continue;
        }
        break;
    }
    role(t, start..k)
}

/// A role over `r` once glue is trimmed from its ends, if it holds a head or title word.
fn role(t: &Tokenized<'_>, mut r: Range<usize>) -> Option<Role> {
    while r.start < r.end && is_glue(&t.lower[r.start]) {
        r.start += 1;
    }
    while r.start < r.end && is_glue(&t.lower[r.end - 1]) {
        r.end -= 1;
    }
    let has_head = r.clone().any(|i| {
        let l = t.lower[i].as_ref();
        is_head(l) || is_title_word(l) && NOT_HEADS.binary_search(&l).is_err()
    });
    (has_head && r.start < r.end).then(|| Role {
        text: t.slice(r.clone()).to_string(),
        tokens: r,
    })
}

/// The affiliation right after a name: "Vice Admiral Sakari Nurmela *of the Finnish Border
/// Guard*": "of", an optional "the", then nationalities, places and organisations.
pub fn affiliation(
    t: &Tokenized<'_>,
    mentions: &[Mention],
    name: &Range<usize>,
) -> Option<Range<usize>> {
    let end = t.sentences[t.sentence_of(name.start)].end;
    let mut k = name.end;
    if k >= end || t.lower[k] != "of" {
        return None;
    }
    let start = k;
    k += 1;
    if k < end && t.lower[k] == "the" {
        k += 1;
    }
    let first = k;
    while k < end {
        match modifier_at(mentions, k) {
            Some(m) if m.tokens.start == k => k = m.tokens.end,
            // The rest of a name the tagger left out ("Finnish" + "Border Guard").
            _ if k > first && t.capitalised(k) => k += 1,
            _ => break,
        }
    }
    (k > first).then_some(start..k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sorted() {
        for list in [HEADS, NOT_HEADS] {
            let mut s = list.to_vec();
            s.sort_unstable();
            assert_eq!(s, list);
        }
    }
}
