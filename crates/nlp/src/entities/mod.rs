//! Entities: the tagger's names typed with the gazetteer, roles and countries read around them,
//! and mentions of one entity grouped (full name, surname, title-only phrase, pronoun).
//!
//! The steps, each in its own module:
//! 1. [`mentions`]: tagger spans plus gazetteer places; places split into GPE and LOC.
//! 2. [`roles`]: titles before a name and appositions after it give roles and a country.
//! 3. [`group`]: mentions grouped into entities; title-only phrases and pronouns attached.
//! 4. [`actors`]: country and CAMEO actor code of every entity.

pub mod actors;
pub mod group;
pub mod mentions;
pub mod roles;

use std::borrow::Cow;
use std::ops::Range;

use annalist_core::Span;
use rustc_hash::FxHashSet;

use crate::tokens::Token;

/// The record's entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A country, city or state: a place with a government.
    Gpe,
    /// A place without one: a sea, a region, a mountain range.
    Loc,
    /// A nationality, religious or political group.
    Norp,
    /// A named event.
    Event,
}

impl EntityType {
    /// The name the record uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
        }
    }
}

/// `word` lowercased (`str::to_lowercase`), borrowed when lowercasing changes no letter.
fn lowercase(word: &str) -> Cow<'_, str> {
    let plain = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().all(|c| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
    };
    if plain {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The text cut into sentences and tokens.
pub struct Tokenized<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Per sentence, its token range.
    pub sentences: Vec<Range<usize>>,
    /// Lowercased token texts (borrowed from the text where lowercasing changes nothing).
    pub lower: Vec<Cow<'a, str>>,
    /// The lowercase forms of the words the text writes in lowercase somewhere
    /// ([`Tokenized::written_lowercase`]), made from `tokens` and `lower` by [`Tokenized::new`].
    lowercase_words: FxHashSet<Cow<'a, str>>,
}

impl<'a> Tokenized<'a> {
    /// Tokenizes every sentence of `text`.
    pub fn new(text: &'a str, sentences: &[Span]) -> Tokenized<'a> {
        // About one token per six bytes of prose.
        let mut tokens = Vec::with_capacity(text.len() / 6);
        let mut ranges = Vec::with_capacity(sentences.len());
        for &s in sentences {
            let start = tokens.len();
            crate::tokens::tokenize_into(text, s, &mut tokens);
            ranges.push(start..tokens.len());
        }
        let lower: Vec<Cow<'a, str>> = tokens.iter().map(|t| lowercase(t.text(text))).collect();
        let mut lowercase_words: FxHashSet<Cow<'a, str>> =
            FxHashSet::with_capacity_and_hasher(tokens.len() / 4, Default::default());
        lowercase_words.extend(
            tokens
                .iter()
                .zip(&lower)
                .filter(|(t, _)| t.text(text).starts_with(char::is_lowercase))
                .map(|(_, lower)| lower.clone()),
        );
        Tokenized {
            text,
            tokens,
            sentences: ranges,
            lower,
            lowercase_words,
        }
    }

    /// Token `i`'s text.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The text of tokens `[start, end)`, as written.
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        if r.start >= r.end {
            return "";
        }
        &self.text[self.tokens[r.start].span.start..self.tokens[r.end - 1].span.end]
    }

    /// The byte span of tokens `[start, end)`.
    pub fn span(&self, r: Range<usize>) -> Span {
        Span::new(
            self.tokens[r.start].span.start,
            self.tokens[r.end - 1].span.end,
        )
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|r| r.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Whether the text writes `lower` in lowercase somewhere: a common word, not a name
    /// ("photography").
    pub fn written_lowercase(&self, lower: &str) -> bool {
        self.lowercase_words.contains(lower)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        let word = self.word(i);
        match word.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => word.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// A mention: a name, a title-only phrase or a pronoun, over tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Its type.
    pub kind: EntityType,
    /// What sort of mention.
    pub form: Form,
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A name ("Li Shangfu", "Li", "Beijing").
    Name,
    /// A description without a name ("the Russian Navy chief").
    Title,
    /// A pronoun ("he", "his").
    Pronoun,
}

/// An entity and its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its type.
    pub kind: EntityType,
    /// The fullest name.
    pub name: String,
    /// Roles and titles the text gives it.
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// Finds the entities of the tokenized text. `published` (an ISO date) picks dated actor entries.
pub fn find(
    t: &Tokenized<'_>,
    model: &crate::ner::Model,
    g: &crate::gazetteer::Gazetteer,
    published: Option<&str>,
) -> Vec<Entity> {
    let mut mentions = mentions::find(t, model, g);
    mentions::repair(t, g, &mut mentions);
    // Countries named differently ("U.S.", "United States") are one entity; cities are not
    // their countries.
    let key = |m: &Mention| {
        let text = t.slice(m.tokens.clone());
        match m.kind {
            EntityType::Gpe => g.country_by_name(text).map(|c| c.iso3.clone()),
            EntityType::Norp => g.country_by_adjective(text).map(|c| c.iso3.clone()),
            _ => None,
        }
    };
    let mut groups = group::names(t, &mentions, &key);

    // Roles, countries and role codes of people, from their name mentions.
    let date = published.map(|p| p.get(..10).unwrap_or(p));
    let mut roles: Vec<Vec<roles::Role>> = vec![Vec::new(); groups.len()];
    let mut countries: Vec<Option<String>> = vec![None; groups.len()];
    let mut codes: Vec<Option<String>> = vec![None; groups.len()];
    for (gi, group) in groups.iter().enumerate() {
        if group.kind != Some(EntityType::Person) {
            continue;
        }
        let mut affiliations = Vec::new();
        for &k in &group.members {
            let name = &mentions[k].tokens;
            let mut before = roles::before(t, g, &mentions, name);
            if let Some(of) = roles::affiliation(t, &mentions, name) {
                // "Vice Admiral X of the Finnish Border Guard": one role.
                if let Some(b) = before.as_mut() {
                    b.text = format!("{} {}", b.text, t.slice(of.clone()));
                }
                affiliations.push(of);
            }
            for r in [before, roles::after(t, g, &mentions, name)]
                .into_iter()
                .flatten()
            {
                if !roles[gi].iter().any(|x| x.text == r.text) {
                    roles[gi].push(r);
                }
            }
        }
        for of in affiliations {
            if countries[gi].is_none() {
                countries[gi] = actors::country_in(t, g, of.clone());
            }
            if codes[gi].is_none() {
                codes[gi] = actors::role_code(g, t.slice(of));
            }
        }
        for r in &roles[gi] {
            if countries[gi].is_none() {
                countries[gi] = actors::country_in(t, g, r.tokens.clone());
            }
            if codes[gi].is_none() {
                codes[gi] = actors::role_code(g, &r.text);
            }
        }
        if countries[gi].is_none() || codes[gi].is_none() {
            let fullest = fullest(t, &mentions, group);
            // The name, else the title and the name as the text gives them ("President Bush").
            let known = actors::known_person(g, &fullest, date)
                .or_else(|| {
                    roles[gi].iter().find_map(|r| {
                        actors::known_person(g, &format!("{} {fullest}", r.text), date)
                    })
                })
                // "President Mugabe": a surname with a title, whoever of that name held a
                // role then.
                // "The Bush administration", "the Putin government": a surname heading the
                // government it names is its holder's.
                .or_else(|| {
                    let heads_a_government = group.members.iter().any(|&k| {
                        let next = mentions[k].tokens.end;
                        next < t.tokens.len()
                            && matches!(
                                t.word(next).to_ascii_lowercase().as_str(),
                                "administration" | "government" | "cabinet" | "regime"
                            )
                    });
                    if fullest.contains(' ') {
                        return None;
                    }
                    (!roles[gi].is_empty() || heads_a_government)
                        .then(|| actors::known_surname(g, &fullest, date))
                        .flatten()
                        // A government named after its head is that state's whenever it sat
                        // ("the Bush administration" in a later year).
                        .or_else(|| {
                            heads_a_government
                                .then(|| actors::surname_government(g, &fullest))
                                .flatten()
                        })
                })
                // "Omar El Bashir", "President Laurent Gbago": another spelling of a name the
                // table holds.
                .or_else(|| actors::known_spelling(g, &fullest, date, !roles[gi].is_empty()));
            if let Some(code) = known {
                if countries[gi].is_none() {
                    countries[gi] = actors::country_of_code(g, &code);
                }
                if codes[gi].is_none() {
                    codes[gi] = code.get(3..6).map(str::to_string);
                }
            }
        }
    }

    let roles_lower: Vec<Vec<String>> = roles
        .iter()
        .map(|rs| rs.iter().map(|r| r.text.to_lowercase()).collect())
        .collect();
    group::attach(
        t,
        &mut mentions,
        &mut groups,
        &roles_lower,
        &countries,
        &|r| actors::country_in(t, g, r),
    );

    let mut out: Vec<(usize, Entity)> = Vec::new();
    for (gi, group) in groups.iter().enumerate() {
        let Some(kind) = group.kind else { continue };
        let Some(&first_name) = group
            .members
            .iter()
            .find(|&&k| mentions[k].form == Form::Name)
        else {
            continue;
        };
        // A lone capitalised common word with no full name and no role ("Western pressure") is
        // the tagger's guess, not a person the story names.
        if kind == EntityType::Person && roles[gi].is_empty() {
            let names: Vec<&Mention> = group
                .members
                .iter()
                .map(|&k| &mentions[k])
                .filter(|m| m.form == Form::Name)
                .collect();
            if names.iter().all(|m| m.tokens.len() == 1)
                && model.is_common(&t.lower[names[0].tokens.start])
            {
                continue;
            }
        }
        let name = if kind == EntityType::Person {
            fullest(t, &mentions, group)
        } else {
            fullest_text(t, &mentions, group)
        };
        let (country, actor) = if kind == EntityType::Person {
            let country = countries[gi].clone();
            let actor = match (&country, &codes[gi]) {
                (Some(c), Some(r)) => Some(format!("{}{r}", actors::cameo_country(g, c))),
                (Some(c), None) => Some(actors::cameo_country(g, c)),
                _ => None,
            };
            // An official of an international body acts as that body, as CAMEO codes "UN
            // Secretary-General Kofi Annan" (IGOUNO), whatever the person's own country.
            // (The office may be an apposition the tagger took for an organisation: "Kenzo
            // Oshima, the United Nations Emergency Relief Coordinator,".)
            let apposition = group.members.iter().find_map(|&k| {
                let end = mentions[k].tokens.end;
                if end >= t.tokens.len() || t.word(end) != "," {
                    return None;
                }
                // (Set off by commas on both sides: "met Blair, NATO and the UN" is a list.)
                mentions
                    .iter()
                    .find(|m| {
                        m.kind == EntityType::Org
                            && (m.tokens.start == end + 1
                                || (m.tokens.start == end + 2 && t.lower[end + 1] == "the"))
                            && m.tokens.end < t.tokens.len()
                            && t.word(m.tokens.end) == ","
                    })
                    .map(|m| m.tokens.clone())
            });
            // (A body named just before the title belongs to it: "United Nations
            // Secretary-General".)
            let body = roles[gi]
                .iter()
                .map(|r| r.tokens.clone())
                .chain(apposition)
                .find_map(|r| actors::international_body(t, g, r))
                .or_else(|| {
                    roles[gi]
                        .iter()
                        .find_map(|r| actors::international_body_before(t, g, r.tokens.start))
                });
            (country, body.or(actor))
        } else {
            actors::of_thing(t, g, &mentions, &mentions[first_name])
        };
        let mut role_texts: Vec<String> = roles[gi].iter().map(|r| r.text.clone()).collect();
        for &k in &group.members {
            if mentions[k].form == Form::Title {
                let text = t.slice(mentions[k].tokens.clone()).to_string();
                if !role_texts.iter().any(|r| r.eq_ignore_ascii_case(&text)) {
                    role_texts.push(text);
                }
            }
        }
        let start = mentions[group.members[0]].tokens.start;
        out.push((
            start,
            Entity {
                kind,
                name,
                roles: role_texts,
                country,
                actor,
                mentions: group.members.iter().map(|&k| mentions[k].clone()).collect(),
            },
        ));
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, e)| e).collect()
}

/// A person's fullest name: the name mention with the most words once titles are off.
fn fullest(t: &Tokenized<'_>, mentions: &[Mention], group: &group::Group) -> String {
    group
        .members
        .iter()
        .filter(|&&k| mentions[k].form == Form::Name)
        .map(|&k| {
            let r = &mentions[k].tokens;
            let words: Vec<&str> = r.clone().map(|i| t.word(i)).collect();
            let skip = crate::titles::skip_titles(&words, 0, words.len()).min(words.len() - 1);
            t.slice(r.start + skip..r.end)
        })
        .max_by_key(|s| (s.split_whitespace().count(), std::cmp::Reverse(s.len())))
        .unwrap_or_default()
        .to_string()
}

/// The longest name mention's text.
fn fullest_text(t: &Tokenized<'_>, mentions: &[Mention], group: &group::Group) -> String {
    let mut best = "";
    for &k in &group.members {
        if mentions[k].form == Form::Name {
            let s = t.slice(mentions[k].tokens.clone());
            if s.len() > best.len() {
                best = s;
            }
        }
    }
    best.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_str_to_lowercase() {
        for w in [
            "",
            "li",
            "Li",
            "NATO",
            "ΟΔΟΣ",
            "οδός",
            "İstanbul",
            "ǅemal",
            "\u{212A}elvin",
            "straße",
            "STRASSE",
            "日本",
            "é",
            "É",
            "’s",
            "1,000",
        ] {
            let got = lowercase(w);
            assert_eq!(got, w.to_lowercase(), "{w}");
            assert_eq!(
                matches!(got, Cow::Borrowed(_)),
                w.to_lowercase() == w,
                "{w}"
            );
        }
    }
}
