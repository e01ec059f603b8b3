//! Mentions grouped into entities: names by their words, descriptions by role, pronouns by
//! salience.
//!
//! A surname ("Li") joins the latest person whose full name holds it. A description without a
//! name ("the Russian Navy chief") joins the latest person whose roles hold its head word and
//! whose country agrees. A pronoun joins the person who is the subject of the nearest clause
//! before it: the current sentence first, then up to three sentences back. A person named only
//! inside a prepositional phrase ("talks with his counterpart X") or as an object ("Li told X")
//! is not taken, and a pronoun with no such person nearby stays unresolved.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::entities::roles::is_head;
use crate::entities::{EntityType, Form, Mention, Tokenized};
use crate::titles::is_title_word;

/// A group of mention indexes, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// The entity's type.
    pub kind: Option<EntityType>,
    /// Indexes into the mention list.
    pub members: Vec<usize>,
    /// A country key for places and nationalities that name the same country differently.
    pub key: String,
}

/// Pronouns that refer to one person, with whether they are feminine.
fn pronoun(lower: &str) -> Option<bool> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(false),
        "she" | "her" | "hers" | "herself" => Some(true),
        _ => None,
    }
}

/// Words a name carries that are not part of it for matching ("Mr.", "Jr.").
fn name_words(t: &Tokenized<'_>, r: &Range<usize>) -> Vec<String> {
    r.clone()
        .map(|i| t.lower[i].to_string())
        .filter(|w| !is_title_word(w) && !matches!(w.as_ref(), "jr." | "sr." | "jr" | "sr"))
        .collect()
}

/// Groups the name mentions. `key` gives a place's or nationality's country, so that "U.S." and
/// "United States" are one entity.
pub fn names(
    t: &Tokenized<'_>,
    mentions: &[Mention],
    key: &dyn Fn(&Mention) -> Option<String>,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut person_words: Vec<Vec<String>> = Vec::new(); // per group: the fullest name's words
                                                         // Person groups by each word of their names; other groups by type and key.
    let mut by_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_key: FxHashMap<(EntityType, String), usize> = FxHashMap::default();
    for (k, m) in mentions.iter().enumerate() {
        if m.form != Form::Name {
            continue;
        }
        if m.kind == EntityType::Person {
            let words = name_words(t, &m.tokens);
            if words.is_empty() {
                continue;
            }
            // The latest person whose name holds all these words, or whose words this holds.
            let mut candidates: Vec<usize> = words
                .iter()
                .filter_map(|w| by_word.get(w))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            let found = candidates.into_iter().rev().find(|&g| {
                let have = &person_words[g];
                words.iter().all(|w| have.contains(w)) || have.iter().all(|w| words.contains(w))
            });
            let g = match found {
                Some(g) => {
                    groups[g].members.push(k);
                    g
                }
                None => {
                    groups.push(Group {
                        kind: Some(EntityType::Person),
                        members: vec![k],
                        key: String::new(),
                    });
                    person_words.push(Vec::new());
                    groups.len() - 1
                }
            };
            if words.len() > person_words[g].len() {
                for w in &words {
                    let list = by_word.entry(w.clone()).or_default();
                    if list.last() != Some(&g) {
                        list.push(g);
                    }
                }
                person_words[g] = words;
            }
            continue;
        }
        let key = key(m).unwrap_or_else(|| {
            let text = t.slice(m.tokens.clone()).to_lowercase();
            text.strip_prefix("the ").unwrap_or(&text).to_string()
        });
        match by_key.get(&(m.kind, key.clone())) {
            Some(&g) => groups[g].members.push(k),
            None => {
                by_key.insert((m.kind, key.clone()), groups.len());
                groups.push(Group {
                    kind: Some(m.kind),
                    members: vec![k],
                    key,
                });
                person_words.push(Vec::new());
            }
        }
    }
    groups
}

/// The token where the noun phrase around the mention starts: its title, modifiers,
/// determiners and possessives included.
fn phrase_start(
    t: &Tokenized<'_>,
    mentions: &[Mention],
    m: &Mention,
    sentence: &Range<usize>,
) -> usize {
    let mut j = m.tokens.start;
    while j > sentence.start {
        let k = j - 1;
        let at = mentions.partition_point(|o| o.tokens.start <= k);
        if let Some(other) = mentions[..at]
            .last()
            .filter(|o| o.tokens.contains(&k) && o.form == Form::Name)
        {
            j = other.tokens.start;
            continue;
        }
        let l = t.lower[k].as_ref();
        if is_title_word(l)
            || is_head(l)
            || matches!(
                l,
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "'s" | "’s" | "of"
            )
        {
            j = k;
            continue;
        }
        break;
    }
    j
}

/// Whether a mention begins a clause: at the sentence start, or after a comma, a quote, a
/// conjunction or "that".
fn is_subject(t: &Tokenized<'_>, mentions: &[Mention], m: &Mention) -> bool {
    let sentence = &t.sentences[t.sentence_of(m.tokens.start)];
    let start = phrase_start(t, mentions, m, sentence);
    if start == sentence.start {
        return true;
    }
    let before = t.lower[start - 1].as_ref();
    matches!(
        before,
        "," | ";"
            | ":"
            | "\""
            | "”"
            | "“"
            | "'"
            | "’"
            | "and"
            | "but"
            | "that"
            | "while"
            | "when"
            | "as"
            | "because"
            | "although"
            | "after"
            | "before"
            | "since"
            | "if"
            | "—"
            | "--"
            | "("
            | "said"
    )
}

/// Finds descriptions of people ("the Russian Navy chief") and pronouns, and attaches them to
/// person groups where it is safe. `roles` gives each group's roles (lowercase) and
/// `countries` its country; `country_in` the country a phrase names.
pub fn attach(
    t: &Tokenized<'_>,
    mentions: &mut Vec<Mention>,
    groups: &mut [Group],
    roles: &[Vec<String>],
    countries: &[Option<String>],
    country_in: &dyn Fn(Range<usize>) -> Option<String>,
) {
    // Which group each mention is in.
    let mut owner: Vec<Option<usize>> = vec![None; mentions.len()];
    for (g, group) in groups.iter().enumerate() {
        for &k in &group.members {
            owner[k] = Some(g);
        }
    }
    let mut added: Vec<(Mention, usize)> = Vec::new();
    let names: Vec<Mention> = mentions.clone();
    // Per token: the name mention starting there, and whether a name covers it.
    let mut starts: Vec<Option<usize>> = vec![None; t.tokens.len()];
    let mut in_name = vec![false; t.tokens.len()];
    for (k, m) in names.iter().enumerate() {
        starts[m.tokens.start] = Some(k);
        for c in &mut in_name[m.tokens.clone()] {
            *c = true;
        }
    }
    let covered = |i: usize| in_name[i];

    // Title-only descriptions: "the" + modifiers + a role head, with no name after.
    let mut i = 0;
    while i < t.tokens.len() {
        if t.lower[i] != "the" {
            i += 1;
            continue;
        }
        let sentence = &t.sentences[t.sentence_of(i)];
        let mut k = i + 1;
        let mut head = None;
        while k < sentence.end {
            if let Some(m) = starts[k].map(|x| &names[x]) {
                if matches!(m.kind, EntityType::Person | EntityType::Event) {
                    break;
                }
                k = m.tokens.end;
                continue;
            }
            let l = t.lower[k].as_ref();
            if is_head(l) {
                head = Some(k);
                k += 1;
                continue;
            }
            if is_title_word(l) && l != "the" && l != "of" {
                k += 1;
                continue;
            }
            break;
        }
        let Some(h) = head else {
            i += 1;
            continue;
        };
        // The head must end the phrase, and no name may follow it.
        if h + 1 != k || (k < sentence.end && (t.capitalised(k) && covered(k))) {
            i = k;
            continue;
        }
        let phrase = i + 1..k;
        let head_word = t.lower[h].clone();
        let country = country_in(phrase.clone());
        let modifiers: Vec<String> = (i + 1..h)
            .map(|x| t.lower[x].to_string())
            .filter(|w| !matches!(w.as_ref(), "the" | "of"))
            .collect();
        let before = t.tokens[i].span.start;
        let found = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == Some(EntityType::Person))
            .filter(|(_, g)| {
                g.members
                    .iter()
                    .any(|&m| t.tokens[names[m].tokens.start].span.start < before)
            })
            .filter(|&(g, _)| {
                let roles = &roles[g];
                let holds = |w: &str| roles.iter().any(|r| r.split(' ').any(|x| x == w));
                let head_ok = holds(&head_word)
                    || (matches!(
                        head_word.as_ref(),
                        "chief" | "head" | "commander" | "leader"
                    ) && roles.iter().any(|r| {
                        ["chief", "head", "commander", "leader"]
                            .iter()
                            .any(|h| r.split(' ').any(|x| x == *h))
                    }));
                let country_ok = match (&country, &countries[g]) {
                    (Some(a), Some(b)) => a == b,
                    (Some(_), None) => false,
                    _ => true,
                };
                let modifiers_ok = modifiers.iter().all(|w| holds(w) || country.is_some());
                head_ok && country_ok && modifiers_ok
            })
            .max_by_key(|(_, g)| {
                g.members
                    .iter()
                    .map(|&m| names[m].tokens.start)
                    .filter(|&s| s < i)
                    .max()
            })
            .map(|(g, _)| g);
        if let Some(g) = found {
            added.push((
                Mention {
                    tokens: phrase,
                    kind: EntityType::Person,
                    form: Form::Title,
                },
                g,
            ));
        }
        i = k;
    }
    for (m, g) in added {
        mentions.push(m);
        owner.push(Some(g));
    }

    // Pronouns, in text order; each sees the people mentioned before it, descriptions included.
    let mut gender: Vec<Option<bool>> = vec![None; groups.len()];
    let mut pronouns: Vec<(Mention, usize)> = Vec::new();
    let people: Vec<(usize, bool)> = {
        let mut v: Vec<(usize, bool)> = mentions
            .iter()
            .enumerate()
            .filter(|(k, m)| m.kind == EntityType::Person && owner[*k].is_some())
            .map(|(k, m)| (k, is_subject(t, &names, m)))
            .collect();
        v.sort_by_key(|&(k, _)| mentions[k].tokens.start);
        v
    };
    for i in 0..t.tokens.len() {
        let Some(feminine) = pronoun(&t.lower[i]) else {
            continue;
        };
        if covered(i) {
            continue;
        }
        let s = t.sentence_of(i);
        let sentence_of = |k: usize| t.sentence_of(mentions[k].tokens.start);
        let fits = |k: usize| {
            let g = owner[k].unwrap();
            gender[g].is_none_or(|f| f == feminine)
        };
        // Latest subject in this sentence before the pronoun, then the first subject of each
        // earlier sentence, up to three back.
        // People from three sentences back up to the pronoun.
        let from = t.sentences[s.saturating_sub(3)].start;
        let lo = people.partition_point(|&(k, _)| mentions[k].tokens.start < from);
        let hi = people.partition_point(|&(k, _)| mentions[k].tokens.start < i);
        let window = &people[lo..hi.max(lo)];
        let here = window
            .iter()
            .rev()
            .find(|&&(k, subject)| {
                subject && sentence_of(k) == s && mentions[k].tokens.end <= i && fits(k)
            })
            .map(|&(k, _)| k);
        let earlier = || {
            (1..=3)
                .filter_map(|back| s.checked_sub(back))
                .find_map(|s2| {
                    window
                        .iter()
                        .find(|&&(k, subject)| subject && sentence_of(k) == s2 && fits(k))
                        .map(|&(k, _)| k)
                })
        };
        if let Some(k) = here.or_else(earlier) {
            let g = owner[k].unwrap();
            gender[g] = Some(feminine);
            pronouns.push((
                Mention {
                    tokens: i..i + 1,
                    kind: EntityType::Person,
                    form: Form::Pronoun,
                },
                g,
            ));
        }
    }
    for (m, g) in pronouns {
        mentions.push(m);
        owner.push(Some(g));
    }
    for group in groups.iter_mut() {
        group.members.clear();
    }
    for (k, o) in owner.iter().enumerate() {
        if let Some(g) = o {
            groups[*g].members.push(k);
        }
    }
    for group in groups.iter_mut() {
        group.members.sort_by_key(|&k| mentions[k].tokens.start);
    }
}
