//! Name mentions: the tagger's spans, typed, with gazetteer places the tagger missed.

use crate::entities::{EntityType, Form, Mention, Tokenized};
use crate::gazetteer::{ActorKind, Gazetteer, PhraseKind, PhraseMatch};
use crate::ner::{gaz, spans, Kind, Model, WordCache};
use crate::titles::is_title_word;

/// Gazetteer flags of every token of `words`, as the tagger sees them.
pub fn gazetteer_flags(g: &Gazetteer, words: &[&str]) -> Vec<u16> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    gazetteer_flags_lower(g, words, &lower)
}

/// [`gazetteer_flags`] for words whose lowercase forms are known.
pub fn gazetteer_flags_lower(g: &Gazetteer, words: &[&str], lower: &[impl AsRef<str>]) -> Vec<u16> {
    phrase_flags(&g.phrases(words), lower)
}

/// [`gazetteer_flags_lower`] from the gazetteer's phrases of the words.
fn phrase_flags(phrases: &[PhraseMatch], lower: &[impl AsRef<str>]) -> Vec<u16> {
    let mut flags = vec![0u16; lower.len()];
    for m in phrases {
        let mut bits = 0;
        for k in &m.kinds {
            bits |= match k {
                PhraseKind::Country => gaz::COUNTRY,
                PhraseKind::Nationality => gaz::NATIONALITY,
                PhraseKind::City => gaz::CITY,
                PhraseKind::Region => gaz::REGION,
                PhraseKind::Actor => gaz::ACTOR,
            };
        }
        for (i, f) in flags[m.start..m.end].iter_mut().enumerate() {
            *f |= bits | if i == 0 { gaz::BEGIN } else { 0 };
        }
    }
    for (f, w) in flags.iter_mut().zip(lower) {
        if is_title_word(w.as_ref()) {
            *f |= gaz::TITLE;
        }
    }
    flags
}

/// Words that make an unknown place a LOC rather than a GPE.
const LOC_HEADS: &[&str] = &[
    "antarctic",
    "arctic",
    "atlantic",
    "basin",
    "bay",
    "canal",
    "channel",
    "coast",
    "desert",
    "gulf",
    "highlands",
    "island",
    "islands",
    "lake",
    "mountains",
    "ocean",
    "pacific",
    "peninsula",
    "plain",
    "plateau",
    "range",
    "region",
    "river",
    "sea",
    "strait",
    "valley",
];

/// The named mentions of the text: the tagger's, typed, with gazetteer regions and countries added
/// where the tagger found nothing.
pub fn find(t: &Tokenized<'_>, model: &Model, g: &Gazetteer) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut cache = WordCache::for_tokens(t.tokens.len());
    for range in &t.sentences {
        let words: Vec<&str> = range.clone().map(|i| t.word(i)).collect();
        if words.is_empty() {
            continue;
        }
        let lower = &t.lower[range.clone()];
        let phrases = g.phrases(&words);
        let flags = phrase_flags(&phrases, lower);
        let found = spans(&model.predict_words(&words, &flags, &mut cache));
        let base = range.start;
        let mut sentence: Vec<Mention> = found
            .iter()
            .filter_map(|f| {
                let tokens = base + f.start..base + f.end;
                let tokens = trim(t, tokens)?;
                let kind = match f.kind {
                    Kind::Person => EntityType::Person,
                    Kind::Org => EntityType::Org,
                    // A country's name the tagger took for a nationality ("in Nepal").
                    Kind::Norp => {
                        let name = t.slice(tokens.clone());
                        if g.country_by_name(name).is_some()
                            && g.country_by_adjective(name).is_none()
                        {
                            EntityType::Gpe
                        } else {
                            EntityType::Norp
                        }
                    }
                    Kind::Event => EntityType::Event,
                    Kind::Place => place_type(t, tokens.clone(), g),
                };
                Some(Mention {
                    tokens,
                    kind,
                    form: Form::Name,
                })
            })
            .collect();
        // Places the gazetteer knows and the tagger missed or cut short ("Sea of Japan").
        for m in phrases {
            let tokens = base + m.start..base + m.end;
            let region = m.kinds.contains(&PhraseKind::Region);
            let country = m.kinds.contains(&PhraseKind::Country);
            let nationality = m.kinds.contains(&PhraseKind::Nationality);
            // A known group or international body the tagger passed over ("top al-Qaeda
            // leaders"): an organisation, where nothing else was found, with a capital in it.
            if !(region || country || nationality) && m.kinds.contains(&PhraseKind::Actor) {
                let text = t.slice(tokens.clone());
                let entries = g.actors(text);
                let group = !entries.is_empty()
                    && entries
                        .iter()
                        .all(|a| matches!(a.kind, ActorKind::Group | ActorKind::Igo));
                // A capital that is not only the sentence's first letter.
                let first = tokens.start == range.start;
                let named = tokens.clone().any(|i| {
                    t.word(i)
                        .chars()
                        .enumerate()
                        .any(|(k, c)| c.is_uppercase() && !(first && i == tokens.start && k == 0))
                }) && text.chars().filter(|c| c.is_alphabetic()).count() >= 4;
                let free = !sentence
                    .iter()
                    .any(|s| s.tokens.start < tokens.end && tokens.start < s.tokens.end);
                if group && named && free {
                    sentence.push(Mention {
                        tokens,
                        kind: EntityType::Org,
                        form: Form::Name,
                    });
                }
                continue;
            }
            if !(region || country || nationality) || !t.capitalised(tokens.start) {
                continue;
            }
            let overlapping: Vec<usize> = sentence
                .iter()
                .enumerate()
                .filter(|(_, s)| s.tokens.start < tokens.end && tokens.start < s.tokens.end)
                .map(|(k, _)| k)
                .collect();
            if !(region || country) {
                // A nationality word the tagger passed over ("a senior British minister"),
                // where nothing else was found, or cut short ("South" and "Korean" for "South
                // Korean").
                let cut_short = !overlapping.is_empty()
                    && tokens.len() >= 2
                    && overlapping.iter().all(|&k| {
                        let s = &sentence[k];
                        matches!(s.kind, EntityType::Norp | EntityType::Gpe | EntityType::Loc)
                            && tokens.start <= s.tokens.start
                            && s.tokens.end <= tokens.end
                            && s.tokens.len() < tokens.len()
                    });
                if cut_short {
                    for &k in overlapping.iter().rev() {
                        sentence.remove(k);
                    }
                }
                if overlapping.is_empty() || cut_short {
                    sentence.push(Mention {
                        tokens,
                        kind: EntityType::Norp,
                        form: Form::Name,
                    });
                }
                continue;
            }
            let kind = if region {
                place_type(t, tokens.clone(), g)
            } else {
                EntityType::Gpe
            };
            // Replace only place mentions the phrase covers; never cut into a person or an org.
            let covered = overlapping.iter().all(|&k| {
                let s = &sentence[k];
                matches!(s.kind, EntityType::Gpe | EntityType::Loc)
                    && tokens.start <= s.tokens.start
                    && s.tokens.end <= tokens.end
            });
            // A country's full name the tagger cut short, whatever it took the piece for
            // ("Democratic People's Republic of" as an organisation): the name wins.
            let cut_short = !region
                && tokens.len() >= 3
                && overlapping.iter().all(|&k| {
                    let s = &sentence[k];
                    s.kind != EntityType::Person
                        && tokens.start <= s.tokens.start
                        && s.tokens.end <= tokens.end
                        && s.tokens.len() < tokens.len()
                });
            if !cut_short && (!covered || (!region && !overlapping.is_empty())) {
                continue;
            }
            for &k in overlapping.iter().rev() {
                sentence.remove(k);
            }
            sentence.push(Mention {
                tokens,
                kind,
                form: Form::Name,
            });
        }
        // "Vietnamese-led forces", "the US-led coalition": the state that leads them.
        for i in range.clone() {
            let Some(led) = t.word(i).strip_suffix("-led") else {
                continue;
            };
            let state = g.country_by_adjective(led).is_some() || g.country_by_name(led).is_some();
            if state && t.capitalised(i) && !sentence.iter().any(|m| m.tokens.contains(&i)) {
                sentence.push(Mention {
                    tokens: i..i + 1,
                    kind: EntityType::Norp,
                    form: Form::Name,
                });
            }
        }
        sentence.sort_by_key(|m| m.tokens.start);
        out.extend(sentence);
    }
    out
}

/// The mention without a leading "the" or trailing possessive; `None` if nothing is left.
fn trim(t: &Tokenized<'_>, mut r: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let junk = |i: usize| !t.lower[i].chars().any(char::is_alphanumeric);
    while r.start < r.end && (t.lower[r.start] == "the" || junk(r.start)) {
        r.start += 1;
    }
    // A name holds lowercase words only as glue ("Sea of Japan", "Bank of America"): it ends
    // before any other ("Gulf of Finland from May").
    if let Some(cut) = (r.start + 1..r.end).find(|&i| {
        let w = t.word(i);
        w.chars().next().is_some_and(char::is_lowercase) && !is_name_glue(&t.lower[i])
    }) {
        r.end = cut;
    }
    while r.start < r.end && (matches!(t.lower[r.end - 1].as_ref(), "'s" | "’s") || junk(r.end - 1))
    {
        r.end -= 1;
    }
    (r.start < r.end).then_some(r)
}

/// Lowercase words that may sit inside a name.
fn is_name_glue(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "the"
            | "and"
            | "for"
            | "on"
            | "de"
            | "del"
            | "da"
            | "do"
            | "dos"
            | "la"
            | "le"
            | "les"
            | "du"
            | "von"
            | "van"
            | "der"
            | "den"
            | "al"
            | "bin"
            | "ibn"
            | "y"
            | "&"
            | "'s"
            | "’s"
            | "-"
    ) || lower.starts_with("al-")
        || lower.starts_with("el-")
        || lower.starts_with("bin-")
}

/// GPE or LOC for a place the tagger found.
fn place_type(t: &Tokenized<'_>, r: std::ops::Range<usize>, g: &Gazetteer) -> EntityType {
    let name = t.slice(r.clone());
    if let Some(r) = g.region(name) {
        // A state governs itself; seas, rivers and regions do not.
        return if r.kind == "state" {
            EntityType::Gpe
        } else {
            EntityType::Loc
        };
    }
    if g.country_by_name(name).is_some() || !g.cities(name).is_empty() {
        return EntityType::Gpe;
    }
    if r.clone()
        .any(|i| LOC_HEADS.binary_search(&t.lower[i].as_ref()).is_ok())
    {
        return EntityType::Loc;
    }
    EntityType::Gpe
}

/// Words that end an organisation's name ("the Russian Navy", "the Defense Ministry").
const ORG_HEADS: &[&str] = &[
    "agency",
    "army",
    "assembly",
    "bank",
    "cabinet",
    "command",
    "commission",
    "committee",
    "congress",
    "corps",
    "council",
    "court",
    "department",
    "embassy",
    "force",
    "forces",
    "government",
    "guard",
    "ministry",
    "navy",
    "office",
    "parliament",
    "party",
    "police",
    "senate",
    "service",
    "union",
];

/// Month and weekday names: times, never entities.
const TIME_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

fn is_org_head(lower: &str) -> bool {
    ORG_HEADS.binary_search(&lower).is_ok()
}

/// Whether a mention is only a time word ("March", "mid-March", "Monday").
fn is_time(t: &Tokenized<'_>, m: &Mention) -> bool {
    m.tokens.len() == 1 && {
        let l = t.lower[m.tokens.start].as_ref();
        let l = l.rsplit('-').next().unwrap_or(l);
        TIME_WORDS.binary_search(&l).is_ok()
    }
}

/// Words that end a named event ("World War II", "the Beijing Olympics", "the G20 summit").
const EVENT_HEADS: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "attack",
    "attacks",
    "championship",
    "championships",
    "conference",
    "congress",
    "crisis",
    "cup",
    "day",
    "election",
    "elections",
    "expo",
    "festival",
    "forum",
    "games",
    "grand",
    "i",
    "ii",
    "iii",
    "marathon",
    "massacre",
    "olympics",
    "open",
    "prix",
    "protests",
    "referendum",
    "revolution",
    "series",
    "summit",
    "talks",
    "tournament",
    "treaty",
    "uprising",
    "war",
    "week",
];

/// Words that begin a named event ("Hurricane Katrina", "Operation Desert Storm").
const EVENT_LEADS: &[&str] = &["battle", "hurricane", "operation", "typhoon"];

/// Holidays and events named in one word.
const EVENT_WORDS: &[&str] = &[
    "brexit",
    "christmas",
    "diwali",
    "easter",
    "eid",
    "hajj",
    "hanukkah",
    "holocaust",
    "olympics",
    "passover",
    "ramadan",
    "thanksgiving",
];

/// Whether an EVENT mention looks like an event's name; the tagger's EVENT class is weak (GMB
/// has few), so only names of these shapes are kept.
fn is_event_name(t: &Tokenized<'_>, m: &Mention) -> bool {
    let first = t.lower[m.tokens.start].as_ref();
    let last = t.lower[m.tokens.end - 1].as_ref();
    if m.tokens.len() == 1 {
        return EVENT_WORDS.binary_search(&first).is_ok();
    }
    EVENT_HEADS.binary_search(&last).is_ok()
        || EVENT_LEADS.binary_search(&first).is_ok()
        || m.tokens
            .clone()
            .any(|i| t.lower[i].len() == 4 && t.lower[i].starts_with(['1', '2']))
}

/// Whether the gazetteer knows `text` as what the mention says it is.
fn known_to_gazetteer(g: &Gazetteer, text: &str, kind: EntityType) -> bool {
    match kind {
        EntityType::Gpe | EntityType::Loc => {
            g.country_by_name(text).is_some()
                || g.region(text).is_some()
                || g.cities(text)
                    .first()
                    .is_some_and(|&c| g.city(c).population >= 100_000)
        }
        EntityType::Norp => g.country_by_adjective(text).is_some(),
        EntityType::Org | EntityType::Person => !g.actors(text).is_empty(),
        EntityType::Event => false,
    }
}

/// Per sentence, whether it is set in title case (a heading): most of its longer words
/// capitalised. The tagger cannot tell names there, so only what the gazetteer knows is kept.
fn title_case_sentences(t: &Tokenized<'_>) -> Vec<bool> {
    t.sentences
        .iter()
        .map(|r| {
            let (mut words, mut capitals) = (0, 0);
            for i in r.clone() {
                // A word of more than three letters (bytes first: a shorter one is never that).
                let w = t.word(i);
                let long_word = w.len() > 3
                    && if w.is_ascii() {
                        w.bytes().all(|b| b.is_ascii_alphabetic())
                    } else {
                        w.chars().count() > 3 && w.chars().all(char::is_alphabetic)
                    };
                if long_word {
                    words += 1;
                    capitals += usize::from(t.capitalised(i));
                }
            }
            words >= 3 && capitals * 5 >= words * 4
        })
        .collect()
}

/// Corrects the tagger's mentions with what the whole text and the gazetteer tell:
/// - mentions without a letter or digit, or only a month or weekday, go;
/// - an organisation followed inside its span by a name splits ("the Russian Navy Nikolay
///   Evmenov" → ORG "Russian Navy", PERSON "Nikolay Evmenov");
/// - a nationality just before an institution joins it ("Chinese" + "Defense Ministry");
/// - a country's name is a GPE whatever the tagger said;
/// - a word of a person's full name is that person wherever else it stands.
pub fn repair(t: &Tokenized<'_>, g: &Gazetteer, mentions: &mut Vec<Mention>) {
    let title_case = title_case_sentences(t);
    mentions.retain(|m| {
        let text = t.slice(m.tokens.clone());
        let known = known_to_gazetteer(g, text, m.kind);
        // A name has a capital letter ("’ll", "59.5%" and "vs." are not names).
        let capital = text.chars().any(char::is_uppercase);
        // Words the text also writes in lowercase are common words, not names.
        let lone_common = m.tokens.len() == 1 && t.written_lowercase(&t.lower[m.tokens.start]);
        let heading = title_case[t.sentence_of(m.tokens.start)];
        capital
            && !is_time(t, m)
            && (known || !lone_common)
            && (known || !heading)
            && (m.kind != EntityType::Event || is_event_name(t, m))
    });
    // Split "ORG-head Name Name".
    let mut split = Vec::new();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Org {
            continue;
        }
        let Some(h) = m
            .tokens
            .clone()
            .rev()
            .skip(1)
            .find(|&i| is_org_head(&t.lower[i]))
        else {
            continue;
        };
        let rest = h + 1..m.tokens.end;
        let names = rest.clone().all(|i| {
            t.capitalised(i)
                && !is_org_head(&t.lower[i])
                && !is_title_word(&t.lower[i])
                && g.country_by_name(t.word(i)).is_none()
                && g.country_by_adjective(t.word(i)).is_none()
        });
        if names && !rest.is_empty() {
            m.tokens.end = h + 1;
            split.push(Mention {
                tokens: rest,
                kind: EntityType::Person,
                form: Form::Name,
            });
        }
    }
    mentions.extend(split);
    mentions.sort_by_key(|m| m.tokens.start);
    // "Chinese" + "Defense Ministry" → "Chinese Defense Ministry".
    let mut k = 1;
    while k < mentions.len() {
        let (a, b) = (&mentions[k - 1], &mentions[k]);
        let institution = b.kind == EntityType::Org
            && (is_org_head(&t.lower[b.tokens.end - 1]) || is_title_word(&t.lower[b.tokens.start]));
        if a.kind == EntityType::Norp && a.tokens.end == b.tokens.start && institution {
            let start = a.tokens.start;
            mentions[k].tokens.start = start;
            mentions.remove(k - 1);
            continue;
        }
        k += 1;
    }
    split_nationalities(t, g, mentions);
    // "the US President", "the Chad government": a country's name the tagger passed over
    // before a title or an institution is that country.
    let mut covered = vec![false; t.tokens.len()];
    for m in mentions.iter() {
        covered[m.tokens.clone()].fill(true);
    }
    let mut titled: Vec<Mention> = Vec::new();
    for (i, &known) in covered
        .iter()
        .enumerate()
        .take(t.tokens.len().saturating_sub(1))
    {
        let next = t.lower[i + 1].as_ref();
        // (After "the": "US Secretary of Defense Donald Rumsfeld" is a title the person's
        // role takes in.)
        if !known
            && i > 0
            && t.lower[i - 1] == "the"
            && t.capitalised(i)
            && (is_title_word(next) || is_org_head(next))
            && g.country_by_name(t.word(i)).is_some()
        {
            titled.push(Mention {
                tokens: i..i + 1,
                kind: EntityType::Gpe,
                form: Form::Name,
            });
        }
    }
    if !titled.is_empty() {
        mentions.extend(titled);
        mentions.sort_by_key(|m| m.tokens.start);
    }
    // Countries are GPEs; so are large cities the tagger took for organisations.
    for m in mentions.iter_mut() {
        let text = t.slice(m.tokens.clone());
        let country = g.country_by_name(text).is_some()
            && matches!(
                m.kind,
                EntityType::Org | EntityType::Person | EntityType::Event
            );
        let city = m.kind == EntityType::Org
            && !m.tokens.clone().any(|i| is_org_head(&t.lower[i]))
            && g.cities(text)
                .first()
                .is_some_and(|&c| g.city(c).population >= 100_000);
        if country || city {
            m.kind = EntityType::Gpe;
        }
    }
    // One name, one type: words of people's full names are those people.
    let mut name_words: Vec<&str> = Vec::new();
    for m in mentions.iter() {
        // Only names shaped like a person's: two to four capitalised words, none of them a
        // common word of this text or an institution word.
        if m.kind == EntityType::Person && (2..=4).contains(&m.tokens.len()) {
            let plain = m.tokens.clone().all(|i| {
                t.capitalised(i) && !t.written_lowercase(&t.lower[i]) && !is_org_head(&t.lower[i])
            });
            if !plain {
                continue;
            }
            for i in m.tokens.clone() {
                if !is_title_word(&t.lower[i]) {
                    name_words.push(t.word(i));
                }
            }
        }
    }
    name_words.sort_unstable();
    name_words.dedup();
    let known = |w: &str| name_words.binary_search(&w).is_ok();
    // "in Medina" stays a place even when someone is called Medina.
    let locative = |i: usize| {
        i > 0
            && matches!(
                t.lower[i - 1].as_ref(),
                "in" | "at" | "from" | "to" | "near" | "into"
            )
    };
    for m in mentions.iter_mut() {
        let i = m.tokens.start;
        if m.kind != EntityType::Person
            && m.tokens.len() == 1
            && known(t.word(i))
            && g.country_by_name(t.word(i)).is_none()
            && !(m.kind == EntityType::Gpe && locative(i))
        {
            m.kind = EntityType::Person;
        }
    }
    let mut covered = vec![false; t.tokens.len()];
    for m in mentions.iter() {
        for c in &mut covered[m.tokens.clone()] {
            *c = true;
        }
    }
    let mut added = Vec::new();
    if !name_words.is_empty() {
        for (i, c) in covered.iter().enumerate() {
            if !c && t.capitalised(i) && known(t.word(i)) {
                added.push(Mention {
                    tokens: i..i + 1,
                    kind: EntityType::Person,
                    form: Form::Name,
                });
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.tokens.start);
}

/// Nationalities and countries the tagger cut or joined ("Sierra" + "Leonean and Liberian",
/// "the Emirates and Saudi Arabia" as one name): each country adjective or name the gazetteer
/// knows, of up to four words ("Trinidad and Tobago"), becomes a mention of its own where only
/// NORP or GPE mentions overlap it.
fn split_nationalities(t: &Tokenized<'_>, g: &Gazetteer, mentions: &mut Vec<Mention>) {
    let n = t.tokens.len();
    // Only names that reach into a mention matter: starts up to three words before one.
    let mut near = vec![false; n];
    for m in mentions.iter() {
        let reach = m.tokens.start.saturating_sub(3)..m.tokens.end.min(n);
        near[reach].fill(true);
    }
    let mut found: Vec<(std::ops::Range<usize>, EntityType)> = Vec::new();
    let mut i = 0;
    'scan: while i < n {
        if !near[i] || !t.capitalised(i) {
            i += 1;
            continue;
        }
        for len in (1..=4).rev() {
            let r = i..i + len;
            // (The gazetteer passes over a leading "the"; the mention does not hold it.)
            if r.end > n
                || t.lower[r.start] == "the"
                || !t.capitalised(r.start)
                || !t.capitalised(r.end - 1)
                || !r.clone().all(|k| t.capitalised(k) || t.lower[k] == "and")
            {
                continue;
            }
            let text = t.slice(r.clone());
            let kind = if g.country_by_adjective(text).is_some() {
                EntityType::Norp
            } else if g.country_by_name(text).is_some() {
                EntityType::Gpe
            } else {
                continue;
            };
            found.push((r, kind));
            i += len;
            continue 'scan;
        }
        i += 1;
    }
    // A mention of any kind made of these names alone is a list of them ("Emirates and Saudi
    // Arabia" taken for one organisation).
    let listed = |m: &Mention| {
        m.tokens.clone().all(|k| {
            matches!(t.lower[k].as_ref(), "and" | ",") || found.iter().any(|(r, _)| r.contains(&k))
        })
    };
    let lists: Vec<std::ops::Range<usize>> = mentions
        .iter()
        .filter(|m| listed(m))
        .map(|m| m.tokens.clone())
        .collect();
    // Spans of mentions taken apart: a nationality or country inside one is a mention of its
    // own.
    let mut freed: Vec<std::ops::Range<usize>> = Vec::new();
    for (r, kind) in found {
        let mention = Mention {
            tokens: r.clone(),
            kind,
            form: Form::Name,
        };
        if freed.iter().any(|f| f.start <= r.start && r.end <= f.end) {
            mentions.push(mention);
            mentions.sort_by_key(|m| m.tokens.start);
            continue;
        }
        let overlapping: Vec<usize> = (0..mentions.len())
            .filter(|&k| mentions[k].tokens.start < r.end && r.start < mentions[k].tokens.end)
            .collect();
        let plain = overlapping.iter().all(|&k| {
            matches!(mentions[k].kind, EntityType::Norp | EntityType::Gpe)
                || lists.contains(&mentions[k].tokens)
        });
        // A mention holding it whole that lists nothing is one name or group ("Bosnian Serbs",
        // "Iraqi Kurds", "Democratic Republic of Congo"); one it crosses, or a list ("Leonean
        // and Liberian"), is taken apart.
        let whole = overlapping.len() == 1 && {
            let m = &mentions[overlapping[0]].tokens;
            *m == r
                || (m.start <= r.start
                    && r.end <= m.end
                    && !m.clone().any(|k| !r.contains(&k) && t.lower[k] == "and"))
        };
        if overlapping.is_empty() || !plain || whole {
            continue;
        }
        for &k in overlapping.iter().rev() {
            freed.push(mentions.remove(k).tokens);
        }
        mentions.push(mention);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sorted() {
        for list in [
            LOC_HEADS,
            ORG_HEADS,
            TIME_WORDS,
            EVENT_HEADS,
            EVENT_LEADS,
            EVENT_WORDS,
        ] {
            let mut s = list.to_vec();
            s.sort_unstable();
            assert_eq!(s, list);
        }
    }
}
