//! Countries and CAMEO actor codes of entities.
//!
//! A code is the country's CAMEO code followed by the primary role code: "Chinese Defense
//! Minister" → `CHN` + `GOV`; "head of the Russian Navy" → `RUS` + `MIL`; a country alone is its
//! code (`CHN`). Known actors ("the Kremlin" → `RUSGOV`, "NATO") come from the actor table,
//! people's dated entries taken only when the publication date falls in their range.

use std::ops::Range;

use crate::entities::{EntityType, Mention, Tokenized};
use crate::gazetteer::{ActorKind, Gazetteer};

/// The ISO alpha-3 country a phrase names, as a country, a nationality or a city.
pub fn country_named(g: &Gazetteer, text: &str) -> Option<String> {
    let text = text.strip_prefix("the ").unwrap_or(text);
    if let Some(c) = g
        .country_by_name(text)
        .or_else(|| g.country_by_adjective(text))
    {
        return Some(c.iso3.clone());
    }
    None
}

/// The first country named inside tokens `r`: a country, a nationality ("Chinese"), a
/// possessive ("Russia's"), or a known actor's country.
pub fn country_in(t: &Tokenized<'_>, g: &Gazetteer, r: Range<usize>) -> Option<String> {
    let words: Vec<&str> = r.clone().map(|i| t.word(i)).collect();
    for m in g.phrases(&words) {
        let text = words[m.start..m.end].join(" ");
        if let Some(c) = country_named(g, &text) {
            return Some(c);
        }
    }
    None
}

/// The actor code of an international body named inside tokens `r` ("the United Nations
/// Emergency Relief Coordinator" → IGOUNO).
/// ("Ambassador to the United Nations" serves a state, not the body.)
pub fn international_body(t: &Tokenized<'_>, g: &Gazetteer, r: Range<usize>) -> Option<String> {
    let words: Vec<&str> = r.clone().map(|i| t.word(i)).collect();
    g.phrases(&words).into_iter().find_map(|m| {
        let before = words[..m.start]
            .iter()
            .rev()
            .find(|w| !w.eq_ignore_ascii_case("the"));
        if before.is_some_and(|w| w.eq_ignore_ascii_case("to")) {
            return None;
        }
        body_code(g, &words[m.start..m.end])
    })
}

/// The actor code of the words if they name an international body.
fn body_code(g: &Gazetteer, words: &[&str]) -> Option<String> {
    known_actor(g, &words.join(" "), None, false).filter(|c| c.starts_with("IGO"))
}

/// The international body named right before tokens `at` (within three words, ending where
/// they start): "United Nations" before "Secretary-General".
pub fn international_body_before(t: &Tokenized<'_>, g: &Gazetteer, at: usize) -> Option<String> {
    let sentence = &t.sentences[t.sentence_of(at)];
    let from = at.saturating_sub(3).max(sentence.start);
    let words: Vec<&str> = (from..at).map(|i| t.word(i)).collect();
    g.phrases(&words)
        .into_iter()
        .filter(|m| m.end == words.len())
        .find_map(|m| body_code(g, &words[m.start..m.end]))
}

/// The role code (`GOV`, `MIL`…) the words of `text` carry: the longest phrase of the agent
/// table inside it, later words breaking ties ("head of the Russian Navy" → `MIL`).
pub fn role_code(g: &Gazetteer, text: &str) -> Option<String> {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    let mut best: Option<(usize, usize, &str)> = None;
    for start in 0..words.len() {
        for end in (start + 1..=words.len().min(start + 5)).rev() {
            let phrase = words[start..end].join(" ");
            if let Some(code) = g.agent(&phrase) {
                let len = end - start;
                if best.is_none_or(|(l, _, _)| len >= l) {
                    best = Some((len, start, code));
                }
                break;
            }
        }
    }
    best.and_then(|(_, _, code)| primary(code))
}

/// The first three-letter role code of a composite code ("GOVMIL" → "GOV").
fn primary(code: &str) -> Option<String> {
    (code.len() >= 3 && code.is_char_boundary(3)).then(|| code[..3].to_string())
}

/// A known actor's code for `name`, valid at `date` when the entry is dated.
pub fn known_actor(g: &Gazetteer, name: &str, date: Option<&str>, people: bool) -> Option<String> {
    let name = name.strip_prefix("the ").unwrap_or(name);
    let entries = g.actors(name);
    let valid = |a: &&crate::gazetteer::Actor| {
        let after = a
            .from
            .as_deref()
            .is_none_or(|f| date.is_none_or(|d| d >= f));
        let before =
            a.to.as_deref()
                .is_none_or(|to| date.is_none_or(|d| d <= to));
        after && before
    };
    let kind_ok = |a: &&crate::gazetteer::Actor| (a.kind == ActorKind::Person) == people;
    entries
        .iter()
        .filter(kind_ok)
        .filter(valid)
        // Undated entries are the actor's standing code; dated ones need a date to choose.
        .max_by_key(|a| (a.from.is_some() && date.is_some(), a.from.clone()))
        .map(|a| a.code.clone())
}

/// A person's actor code: the entry valid at `date`; else, when the person's every entry is of
/// one country, that country alone (a president before or after the term is still of that
/// country; the role then is unknown).
pub fn known_person(g: &Gazetteer, name: &str, date: Option<&str>) -> Option<String> {
    if let Some(code) = known_actor(g, name, date, true) {
        return Some(code);
    }
    let mut people = g
        .actors(name)
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .filter_map(|a| a.code.get(..3));
    let first = people.next()?;
    people.all(|c| c == first).then(|| first.to_string())
}

/// The actor code of a person named by surname alone after a title ("President Mugabe"): of
/// the table's people of that surname holding a role at `date`, the code they all share, else
/// the country they all share; `None` when there is no one or they differ.
pub fn known_surname(g: &Gazetteer, surname: &str, date: Option<&str>) -> Option<String> {
    let date = date?;
    let holding: Vec<&crate::gazetteer::Actor> = g
        .people_named(surname)
        .filter(|a| in_office(a, date))
        .collect();
    // Of people of several countries, those in office outrank the others' elites (ELI, a
    // standing rather than an office).
    let countries = |list: &[&crate::gazetteer::Actor]| {
        list.windows(2)
            .all(|w| w[0].code.get(..3) == w[1].code.get(..3))
    };
    let holding = if countries(&holding) {
        holding
    } else {
        holding
            .into_iter()
            .filter(|a| a.code.get(3..6) != Some("ELI"))
            .collect()
    };
    let mut codes = holding.into_iter();
    let first = codes.next()?.code.clone();
    let mut same_code = true;
    for a in codes {
        if a.code.get(..3) != first.get(..3) {
            return None;
        }
        same_code &= a.code == first;
    }
    g.country(first.get(..3)?)?;
    Some(if same_code {
        first
    } else {
        first[..3].to_string()
    })
}

/// The government a surname names when it heads one ("the Bush administration", "the Putin
/// government"), in office or not: the state whose governments (GOV) people of that name led.
/// When leaders of several states bore it, the state the table has at least twice as many
/// entries for as for all the others together (an entry per name and dated role: the
/// best-known leaders have many, "President Bush", "George W. Bush", …); else none.
pub fn surname_government(g: &Gazetteer, surname: &str) -> Option<String> {
    let mut by_country: Vec<(&str, usize)> = Vec::new();
    for a in g
        .people_named(surname)
        .filter(|a| a.code.get(3..6) == Some("GOV"))
    {
        let c = a.code.get(..3)?;
        match by_country.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => by_country.push((c, 1)),
        }
    }
    let total: usize = by_country.iter().map(|(_, n)| n).sum();
    let &(c, n) = by_country
        .iter()
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))?;
    if n < 2 * (total - n) {
        return None;
    }
    g.country(c)?;
    Some(format!("{c}GOV"))
}

/// A compass word that opens the name of a part of a country ("South", "western",
/// "north-east").
fn is_compass_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    let w = w.strip_suffix("ern").unwrap_or(&w);
    let w = w
        .strip_prefix("north")
        .or_else(|| w.strip_prefix("south"))
        .map_or(w, |rest| rest.strip_prefix('-').unwrap_or(rest));
    matches!(w, "" | "east" | "west" | "central" | "upper" | "lower")
}

/// The actor code of a person the table names with another spelling: the same first name
/// and the same last word, past a hyphen or a particle ("Omar Hassan al-Bashir", "Omar El
/// Bashir" → Omar al Bashir); with a title (`titled`), also a last word one letter off
/// ("President Abdelaziz Bouteflicka", "Laurent Gbago"). Of the people found, the entry valid
/// at `date`, else the country they all share; `None` when they differ.
pub fn known_spelling(
    g: &Gazetteer,
    name: &str,
    date: Option<&str>,
    titled: bool,
) -> Option<String> {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let (&first, &last) = (words.first()?, words.last()?);
    if words.len() < 2 || last.len() < 4 {
        return None;
    }
    let fuzzy = titled && last.len() >= 5;
    let found: Vec<&crate::gazetteer::Actor> = g
        .people_given(first)
        .filter(|(_, l)| {
            let l = l.rsplit('-').next().unwrap_or(l);
            l.eq_ignore_ascii_case(last) || (fuzzy && one_edit_apart(l, last))
        })
        .map(|(a, _)| a)
        .collect();
    let country = found.first()?.code.get(..3)?;
    if found.iter().any(|a| a.code.get(..3) != Some(country)) {
        return None;
    }
    let valid = found
        .iter()
        .filter(|a| date.is_some_and(|d| in_office(a, d)))
        .max_by_key(|a| a.from.clone());
    g.country(country)?;
    Some(valid.map_or_else(|| country.to_string(), |a| a.code.clone()))
}

/// Whether two words differ by at most one letter added, dropped or changed (ASCII case
/// ignored).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let same = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    let prefix = short
        .iter()
        .zip(long)
        .take_while(|(x, y)| same(**x, **y))
        .count();
    if prefix == short.len() {
        return true;
    }
    // Past the first difference, the rest must agree: shifted by one, or after one change.
    let skip = usize::from(long.len() > short.len());
    let rest_short = &short[prefix + 1 - skip..];
    let rest_long = &long[prefix + 1..];
    rest_short.len() == rest_long.len()
        && rest_short.iter().zip(rest_long).all(|(x, y)| same(*x, *y))
}

/// Whether a dated entry holds at `date`: from its start (which it must have), to its end if
/// any.
fn in_office(a: &crate::gazetteer::Actor, date: &str) -> bool {
    a.from.as_deref().is_some_and(|f| date >= f) && a.to.as_deref().is_none_or(|t| date <= t)
}

/// The country of a part of a country named by its compass point ("South Lebanon",
/// "western Cambodia").
fn country_by_compass(g: &Gazetteer, name: &str) -> Option<String> {
    let (first, rest) = name.split_once(' ')?;
    is_compass_word(first)
        .then(|| country_named(g, rest))
        .flatten()
}

/// The CAMEO country code of an ISO alpha-3 code.
pub fn cameo_country(g: &Gazetteer, iso3: &str) -> String {
    g.country(iso3)
        .map(|c| c.cameo.clone())
        .unwrap_or_else(|| iso3.to_string())
}

/// The ISO alpha-3 of a CAMEO code's country part, if it starts with one.
pub fn country_of_code(g: &Gazetteer, code: &str) -> Option<String> {
    let head = code.get(..3)?;
    g.country(head).map(|c| c.iso3.clone())
}

/// CAMEO's international region codes (manual table 3.3).
const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
];

/// Country and actor of a non-person entity from its name mention.
pub fn of_thing(
    t: &Tokenized<'_>,
    g: &Gazetteer,
    mentions: &[Mention],
    m: &Mention,
) -> (Option<String>, Option<String>) {
    let name = t.slice(m.tokens.clone());
    match m.kind {
        EntityType::Gpe => {
            // A state before a small town of the same name ("Florida"); a part of a country
            // by its compass point ("South Lebanon", "western Cambodia") is of that country.
            let named = |name: &str| {
                country_named(g, name)
                    .or_else(|| g.region(name).and_then(|r| r.country.clone()))
                    .or_else(|| g.cities(name).first().map(|&c| g.city(c).country.clone()))
            };
            let country = named(name).or_else(|| country_by_compass(g, name));
            if country.is_none() {
                // An organisation the tagger took for a place ("U.N.", "Montenegro Assembly").
                if let Some(code) = known_actor(g, name, None, false) {
                    return (country_of_code(g, &code), Some(code));
                }
                if m.tokens.len() > 1 {
                    if let Some(c) = country_in(t, g, m.tokens.clone()) {
                        let actor = match role_code(g, name) {
                            Some(r) => format!("{}{r}", cameo_country(g, &c)),
                            None => cameo_country(g, &c),
                        };
                        return (Some(c), Some(actor));
                    }
                }
            }
            let actor = country.as_deref().map(|c| cameo_country(g, c));
            (country, actor)
        }
        EntityType::Norp => {
            // "Vietnamese-led", "US-led": the state that leads.
            let country = match name.strip_suffix("-led") {
                Some(led) => g
                    .country_by_adjective(led)
                    .or_else(|| g.country_by_name(led)),
                None => g.country_by_adjective(name),
            }
            .map(|c| c.iso3.clone());
            let actor = country.as_deref().map(|c| cameo_country(g, c));
            (country, actor)
        }
        EntityType::Loc => {
            let country = g
                .region(name)
                .and_then(|r| r.country.clone())
                .or_else(|| country_by_compass(g, name));
            (country, None)
        }
        EntityType::Org => {
            // "the Fatah Party", "the Kifaya Movement": the name without its generic head when
            // the table knows it only so.
            let bare = [" Party", " party", " Movement", " movement"]
                .iter()
                .find_map(|head| name.strip_suffix(head));
            let known = known_actor(g, name, None, false)
                .or_else(|| bare.and_then(|b| known_actor(g, b, None, false)));
            if let Some(code) = known {
                // A region's code ("Palestinian Islamic Jihad" MEAREB) gives way to the country
                // the name opens with.
                let region = code.get(..3).is_some_and(|r| REGIONS.contains(&r));
                let first = country_named(g, t.word(m.tokens.start));
                if let Some(c) = first.filter(|_| region) {
                    let code = format!("{}{}", cameo_country(g, &c), &code[3..]);
                    return (Some(c), Some(code));
                }
                return (country_of_code(g, &code), Some(code));
            }
            // A country inside the name, or just before it ("the Chinese Defense Ministry",
            // "Russia's Defense Ministry").
            let sentence = &t.sentences[t.sentence_of(m.tokens.start)];
            let mut country = country_in(t, g, m.tokens.clone());
            if country.is_none() {
                let mut k = m.tokens.start;
                if k > sentence.start && matches!(t.lower[k - 1].as_ref(), "'s" | "’s") {
                    k -= 1;
                }
                let before = mentions.partition_point(|o| o.tokens.start < k);
                if let Some(prev) = mentions[..before].last().filter(|o| {
                    o.tokens.end == k && matches!(o.kind, EntityType::Norp | EntityType::Gpe)
                }) {
                    country = country_named(g, t.slice(prev.tokens.clone()));
                }
            }
            let role = role_code(g, name);
            let actor = match (&country, role) {
                (Some(c), Some(r)) => Some(format!("{}{r}", cameo_country(g, c))),
                (Some(c), None) => Some(cameo_country(g, c)),
                (None, Some(_)) | (None, None) => None,
            };
            (country, actor)
        }
        EntityType::Event | EntityType::Person => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_is_the_person_of_that_name_in_office_then() {
        let g = Gazetteer::load();
        // Robert Mugabe's entries: ZWEGOV from 1987.
        assert_eq!(
            known_surname(&g, "Mugabe", Some("2001-05-09")).as_deref(),
            Some("ZWEGOV")
        );
        // Without a date, or with no one of that name, nothing.
        assert_eq!(known_surname(&g, "Mugabe", None), None);
        // Of two people of that name, the one in office, not the other's standing elite.
        assert_eq!(
            known_surname(&g, "Bush", Some("2001-10-01")).as_deref(),
            Some("USAGOV")
        );
        assert_eq!(known_surname(&g, "Qwertyuiop", Some("2001-05-09")), None);
        // Out of office, a surname still names the government it headed.
        assert_eq!(known_surname(&g, "Bush", Some("2000-01-01")), None);
        assert_eq!(surname_government(&g, "Bush").as_deref(), Some("USAGOV"));
        assert_eq!(surname_government(&g, "Qwertyuiop"), None);
    }

    #[test]
    fn another_spelling_of_a_known_name() {
        let g = Gazetteer::load();
        let date = Some("2001-05-09");
        // Past a hyphen and a particle: the table has "Omar Hassan Ahmad al Bashir".
        let code = known_spelling(&g, "Omar Hassan al-Bashir", date, false);
        assert_eq!(code.as_deref().and_then(|c| c.get(..3)), Some("SDN"));
        // One letter off, only with a title.
        let code = known_spelling(&g, "Laurent Gbago", date, true);
        assert_eq!(code.as_deref().and_then(|c| c.get(..3)), Some("CIV"));
        assert_eq!(known_spelling(&g, "Laurent Gbago", date, false), None);
        // A first name alone, or nobody of that name, is nothing.
        assert_eq!(known_spelling(&g, "Laurent", date, true), None);
        assert_eq!(known_spelling(&g, "Qwerty Uiopasdf", date, true), None);
    }

    #[test]
    fn one_edit_apart_is_one_letter_added_dropped_or_changed() {
        assert!(one_edit_apart("Gbagbo", "Gbago"));
        assert!(one_edit_apart("Bouteflika", "bouteflicka"));
        assert!(one_edit_apart("Mitterrand", "Mitterand"));
        assert!(one_edit_apart("Kagame", "Kagami"));
        assert!(one_edit_apart("Kagame", "Kagame"));
        assert!(!one_edit_apart("Kagame", "Kagmia"));
        assert!(!one_edit_apart("Bush", "Bushehr"));
    }

    #[test]
    fn a_compass_word_opens_a_part_of_a_country() {
        assert!(is_compass_word("South"));
        assert!(is_compass_word("western"));
        assert!(is_compass_word("north-eastern"));
        assert!(is_compass_word("Central"));
        assert!(!is_compass_word("Southampton"));
        assert!(!is_compass_word("New"));
    }
}
