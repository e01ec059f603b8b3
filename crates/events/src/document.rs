//! From one document's [`Understanding`] to its event records: actor spans from the entities,
//! the sentence coder, then each event's date, place and evidence.

use std::collections::HashMap;
use std::ops::Range;

use annalist_core::{EventActor, EventRecord, Span};
use annalist_nlp::entities::{actors, EntityType};
use annalist_nlp::gazetteer::Gazetteer;
use annalist_nlp::Understanding;

use crate::sentence::{Actor, ActorSpan, Coded};
use crate::verbs::VerbTable;
use crate::Coder;

/// Agent nouns the gazetteer's table lacks, with their CAMEO role.
const AGENTS: &[(&str, &str)] = &[
    ("official", "GOV"),
    ("officials", "GOV"),
    ("authorities", "GOV"),
    ("leader", "GOV"),
    ("leaders", "GOV"),
    ("diplomat", "GOV"),
    ("diplomats", "GOV"),
    ("minister", "GOV"),
    ("ministers", "GOV"),
    ("forces", "MIL"),
    ("military", "MIL"),
    ("army", "MIL"),
    ("side", ""),
    ("sides", ""),
    ("people", ""),
    ("counterpart", "GOV"),
    ("counterparts", "GOV"),
    ("delegation", "GOV"),
    ("delegations", "GOV"),
    ("armed forces", "MIL"),
    // CAMEO's opposition role (OPP), which Phoenix's agents list holds only in compounds.
    ("opposition", "OPP"),
    ("opposition group", "OPP"),
    ("opposition groups", "OPP"),
    ("opposition parties", "OPP"),
    ("opposition party", "OPP"),
    // CAMEO's radicals (RAD), which Phoenix's agents list names "extremists".
    ("fundamentalist", "RAD"),
    ("fundamentalists", "RAD"),
];

/// Phrases that name the two parties an article is about.
const PAIRS: &[&[&str]] = &[
    &["the", "two", "countries"],
    &["both", "countries"],
    &["the", "two", "sides"],
    &["both", "sides"],
    &["the", "two", "nations"],
    &["both", "nations"],
    &["the", "two", "governments"],
    &["both", "governments"],
    &["the", "two", "states"],
    &["the", "two", "neighbours"],
    &["the", "two", "neighbors"],
];

/// The events of one document.
pub fn code_document(coder: &Coder, g: &Gazetteer, u: &Understanding<'_>) -> Vec<EventRecord> {
    let t = &u.tokens;
    if t.tokens.is_empty() {
        return Vec::new();
    }
    let index = &u.index;
    let pair = main_pair(u);
    let published = u.doc.published.as_deref().map(|p| p.get(..10).unwrap_or(p));

    // Every entity's actor code: its own, its country's, or the gazetteer's for its name
    // ("Jordan" tagged as a nationality, an organisation's name the tagger typed alone).
    let place_country: HashMap<usize, &str> = u
        .places
        .iter()
        .filter_map(|p| Some((p.entity, p.country.as_deref()?)))
        .collect();
    let codes: Vec<Option<String>> = u
        .entities
        .iter()
        .enumerate()
        .map(|(k, e)| {
            actor_code(e)
                .map(str::to_string)
                // A place the places stage resolved acts for its country.
                .or_else(|| {
                    let iso = place_country.get(&k)?;
                    g.country(iso).map(|c| c.cameo.clone())
                })
                .or_else(|| gazetteer_code(g, &e.name, published))
        })
        .collect();
    // Mentions by sentence.
    let mut by_sentence: Vec<Vec<(Range<usize>, usize)>> = vec![Vec::new(); t.sentences.len()];
    for (k, e) in u.entities.iter().enumerate() {
        if codes[k].is_none() || e.kind == EntityType::Event {
            continue;
        }
        for m in &e.mentions {
            if m.tokens.start < m.tokens.end {
                by_sentence[t.sentence_of(m.tokens.start)].push((m.tokens.clone(), k));
            }
        }
    }
    // Time expressions and place mentions by sentence, in tokens.
    let starts: Vec<usize> = t.tokens.iter().map(|x| x.span.start).collect();
    let token_range = |s: Span| -> Range<usize> {
        let a = starts.partition_point(|&x| x < s.start);
        let b = starts.partition_point(|&x| x < s.end);
        a..b.max(a + 1).min(t.tokens.len())
    };
    let times: Vec<(Range<usize>, &str)> = u
        .times
        .iter()
        .filter(|x| matches!(x.kind, "DATE" | "TIME"))
        .filter(|x| x.value.starts_with(|c: char| c.is_ascii_digit()))
        .map(|x| (token_range(x.span), x.value.as_str()))
        .collect();
    let place_entities: HashMap<usize, &annalist_nlp::places::Place> =
        u.places.iter().map(|p| (p.entity, p)).collect();
    let mut place_mentions: Vec<(Range<usize>, usize)> = Vec::new();
    for &k in place_entities.keys() {
        for m in &u.entities[k].mentions {
            place_mentions.push((m.tokens.clone(), k));
        }
    }
    place_mentions.sort_by_key(|(r, k)| (r.start, *k));

    // Per member of the pair, the sentences that name its country (by code: "Chinese" names
    // China); found once, not per sentence.
    let pair_sentences: Vec<Vec<bool>> = pair
        .iter()
        .flatten()
        .map(|a| {
            let mut named = vec![false; t.sentences.len()];
            for (k, e) in u.entities.iter().enumerate() {
                if codes[k].as_deref() == Some(a.code.as_str()) {
                    for m in &e.mentions {
                        named[t.sentence_of(m.tokens.start)] = true;
                    }
                }
            }
            named
        })
        .collect();
    // Which place entities may act as a state, found once.
    let states: Vec<bool> = (0..u.entities.len())
        .map(|k| u.entities[k].kind != EntityType::Gpe || state_like(u, g, k))
        .collect();
    let mut out: Vec<EventRecord> = Vec::new();
    for (si, range) in t.sentences.iter().enumerate() {
        if range.is_empty() {
            continue;
        }
        let words: Vec<&str> = t.lower[range.clone()].iter().map(AsRef::as_ref).collect();
        // Both of the article's two main countries named in this sentence or the two before.
        // (By country: "Chinese" names China.)
        let pair_near = pair_sentences
            .iter()
            .all(|named| (si.saturating_sub(2)..=si).any(|s| named[s]));
        let mut spans = actor_spans(
            u,
            g,
            &coder.verbs,
            &codes,
            &words,
            range.start,
            &mut by_sentence[si],
            pair.as_ref(),
            pair_near,
            &states,
        );
        // (The places' country only for a sentence that opens with an attack.)
        if let Some(tokens) = attack_phrase(&coder.verbs, &words, &spans) {
            if let Some(code) =
                places_country(u, g, &place_mentions, &place_entities, range, &spans)
            {
                let name = words[tokens.clone()].join(" ");
                spans.push(ActorSpan {
                    members: vec![Actor {
                        code,
                        entity: None,
                        name,
                        person: false,
                    }],
                    tokens,
                });
                spans.sort_by_key(|a| a.tokens.start);
            }
        }
        if spans.is_empty() {
            continue;
        }
        let coded = coder.code_words_all(&words, &spans);
        // The one country of the sentence's actors, if there is one (for an act at home).
        let home = one_country(g, &spans);
        // How many of the sentence's actors are of that country: an act with no other side
        // is read as done at home only when the sentence names the country twice or more.
        let at_home_named = home.as_deref().map_or(0, |h| {
            spans
                .iter()
                .filter(|a| a.members.iter().any(|m| m.code.starts_with(h)))
                .count()
        });
        let evidence = index.span(t.span(range.clone()));
        for c in coded {
            let global = |r: &Range<usize>| r.start + range.start..r.end + range.start;
            let pred = global(&c.predicate);
            let clause = global(&c.clause);
            let date = date_of(&times, &pred, &clause, range);
            let place = place_of(
                u,
                g,
                &place_mentions,
                &place_entities,
                &c,
                &pred,
                &clause,
                range,
            );
            let mut c = c;
            if c.target.is_none() && !c.is_one_sided() {
                // Talk, cooperation and aid (01-07) with no one named are not done to the place
                // they happen in ("companies in the USA have expanded").
                c.target = at_home(u, g, &place_entities, &c.source, place)
                    .filter(|_| !cooperative(&c.code))
                    .or_else(|| domestic_target(g, home.as_deref(), at_home_named, &c));
            }
            if c.target.is_none() && !c.needs_no_target() {
                continue;
            }
            // Coercion (17x) is done to someone: with no one named, not even the country where
            // it happened, PETRARCH's verbs for it ("took", "blocked", "enforces") are most
            // often not coercion at all.
            if c.target.is_none() && c.code.starts_with("17") {
                continue;
            }
            // Talk and cooperation (01–09) between an actor and itself ("Japan" and "Japan",
            // the one country of a travel guide) is a misreading; a state's offices dealing
            // with each other have codes of their own (JPNGOV, JPNLEG). A state eases its
            // own restrictions, though (081x: "Chile lifted the curfew in Santiago").
            if c.code.starts_with('0')
                && !c.code.starts_with("081")
                && c.target.as_ref().is_some_and(|t| t.code == c.source.code)
            {
                continue;
            }
            if let Some(r) = record(coder, &c, date, published, place, evidence) {
                if !out.iter().any(|o| {
                    o.code == r.code
                        && o.source.actor == r.source.actor
                        && o.target.actor == r.target.actor
                        && o.date == r.date
                        && o.modality == r.modality
                }) {
                    out.push(r);
                }
            }
        }
    }
    out
}

fn record(
    coder: &Coder,
    c: &Coded,
    date: Option<&str>,
    published: Option<&str>,
    place: Option<usize>,
    evidence: [usize; 2],
) -> Option<EventRecord> {
    let info = coder.codes.get(&c.code)?;
    let side = |a: &Actor| EventActor {
        entity: a.entity.map(Understanding::entity_id),
        actor: Some(a.code.clone()),
        name: a.name.clone(),
    };
    let (date, date_from) = match date {
        Some(d) => (Some(d.to_string()), "text"),
        None => (published.map(str::to_string), "published"),
    };
    Some(EventRecord {
        code: info.code.clone(),
        root: info.root.clone(),
        quad: info.quad,
        goldstein: info.goldstein,
        label: info.label.clone(),
        plover: info.plover.clone(),
        source: side(&c.source),
        target: c.target.as_ref().map(side).unwrap_or(EventActor {
            entity: None,
            actor: None,
            name: String::new(),
        }),
        date,
        date_from: date_from.to_string(),
        place: place.map(Understanding::entity_id),
        modality: c.modality.as_str().to_string(),
        evidence,
    })
}

/// The gazetteer's actor code for a name: a country by name or adjective, else a known actor
/// valid on `date`.
fn gazetteer_code(g: &Gazetteer, name: &str, date: Option<&str>) -> Option<String> {
    if let Some(iso) = actors::country_named(g, name) {
        return Some(actors::cameo_country(g, &iso));
    }
    // A role that holds on the date first ("Kofi Annan" in 2000: IGOUNO, not the undated
    // ELI); then an undated one (the NLP stage's own choice of a known actor).
    if let Some(code) = actors::known_actor(g, name, date, true)
        .or_else(|| actors::known_actor(g, name, date, false))
    {
        return Some(code);
    }
    let entries = g.actors(name);
    // Out of office on the date, a person still belongs to the country all their roles name
    // (an organisation renamed, to its kind: "European Community" → IGO).
    let first = entries.first().and_then(|a| a.code.get(..3));
    let Some(first) = first else {
        // "U.N." is "UN".
        let plain: String = name.chars().filter(|c| *c != '.').collect();
        return (plain != name && !plain.is_empty())
            .then(|| gazetteer_code(g, &plain, date))
            .flatten();
    };
    entries
        .iter()
        .all(|a| a.code.get(..3) == Some(first))
        .then(|| first.to_string())
}

/// The entity's actor code, or its country's.
fn actor_code(e: &annalist_nlp::entities::Entity) -> Option<&str> {
    e.actor.as_deref().or(e.country.as_deref())
}

/// The two countries the document mentions most, when both are mentioned at least twice: what
/// "the two countries" and a bare "their" refer to.
fn main_pair(u: &Understanding<'_>) -> Option<[Actor; 2]> {
    let mut counts: Vec<(usize, usize, &str)> = Vec::new(); // (mentions, entity, code)
    for (k, e) in u.entities.iter().enumerate() {
        if e.kind != EntityType::Gpe && e.kind != EntityType::Norp {
            continue;
        }
        let Some(code) = e.country.as_deref().and(actor_code(e)) else {
            continue;
        };
        match counts.iter_mut().find(|c| c.2 == code) {
            Some(c) => c.0 += e.mentions.len(),
            None => counts.push((e.mentions.len(), k, code)),
        }
    }
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if counts.len() < 2 || counts[1].0 < 2 {
        return None;
    }
    let actor = |(_, k, code): (usize, usize, &str)| Actor {
        code: code.to_string(),
        entity: Some(k),
        name: u.entities[k].name.clone(),
        person: false,
    };
    Some([actor(counts[0]), actor(counts[1])])
}

/// Whether a place entity can act as a state: a country, a region the gazetteer does not
/// place in a town, or a capital.
fn state_like(u: &Understanding<'_>, g: &Gazetteer, k: usize) -> bool {
    let e = &u.entities[k];
    if g.country_by_name(&e.name).is_some() || g.country_by_adjective(&e.name).is_some() {
        return true;
    }
    let Some(p) = u.places.iter().find(|p| p.entity == k) else {
        return true;
    };
    let Some(country) = p.country.as_deref().and_then(|c| g.country(c)) else {
        return true;
    };
    // A city has a GeoNames id of its own; the country's point is the country's.
    p.geonameid.is_none_or(|id| id == country.geonameid)
        || country.capital.eq_ignore_ascii_case(&p.name)
        || country.name.eq_ignore_ascii_case(&p.name)
}

/// The role code of an agent phrase at `words[i..]`: (role, tokens).
fn agent_at(g: &Gazetteer, words: &[&str], i: usize) -> Option<(String, usize)> {
    for n in (1..=2).rev() {
        if i + n > words.len() {
            continue;
        }
        let phrase = words[i..i + n].join(" ");
        if let Some(role) = g.agent(&phrase) {
            return Some((role.to_string(), n));
        }
        if let Some((_, role)) = AGENTS.iter().find(|(p, _)| *p == phrase) {
            return Some((role.to_string(), n));
        }
    }
    None
}

/// "Ethnic Albanians in Serbia", "ethnic Turks protesting Sweden's decision": an ethnic group
/// is coded by the country it lives in, as CAMEO codes minorities, not by the state its name
/// comes from. That country is the sentence's nearest other state named, when there is one.
/// So is a people named with the land it lives in ("the Albanians of southern Serbia", "Kurds
/// in Turkey"): that land.
fn ethnic_groups(g: &Gazetteer, verbs: &VerbTable, words: &[&str], out: &mut [ActorSpan]) {
    for k in 0..out.len() {
        let start = out[k].tokens.start;
        let end = out[k].tokens.end;
        if out[k].members.len() != 1 {
            continue;
        }
        // A people (a plural nationality, no role) followed by "of" or "in" and a state,
        // past determiners and compass words.
        let people = out[k].members[0].code.len() == 3 && words[end - 1].ends_with('s');
        let land = (people && matches!(words.get(end), Some(&("of" | "in"))))
            .then(|| {
                let mut j = end + 1;
                while j < words.len()
                    && (crate::sentence::is_compass(words[j]) || matches!(words[j], "the" | "a"))
                {
                    j += 1;
                }
                // (A country's name, not its adjective, ending the phrase: not "Americans of
                // Irish descent", "Afghans in U.S. custody".)
                out.iter().find(|a| {
                    a.tokens.start == j
                        && a.members.len() == 1
                        && g.country_by_name(&a.members[0].name).is_some()
                        && !words.get(a.tokens.end).is_some_and(|w| {
                            modifier(verbs, w)
                                && !matches!(
                                    *w,
                                    "are"
                                        | "is"
                                        | "was"
                                        | "were"
                                        | "have"
                                        | "has"
                                        | "had"
                                        | "will"
                                        | "would"
                                        | "can"
                                        | "could"
                                        | "also"
                                )
                        })
                })
            })
            .flatten()
            .and_then(|a| a.members[0].code.get(..3))
            .filter(|c| g.country(c).is_some() && Some(*c) != out[k].members[0].code.get(..3))
            .map(str::to_string);
        if let Some(land) = land {
            out[k].members[0].code = land;
            continue;
        }
        if start == 0 || words[start - 1] != "ethnic" {
            continue;
        }
        let own = out[k].members[0].code.get(..3).unwrap_or("").to_string();
        let home = out
            .iter()
            .filter(|a| a.members.len() == 1)
            .filter_map(|a| {
                let c = a.members[0].code.get(..3)?;
                (c != own && g.country(c).is_some()).then(|| (a.tokens.start.abs_diff(start), c))
            })
            .min()
            .map(|(_, c)| c.to_string());
        if let Some(home) = home {
            let member = &mut out[k].members[0];
            let role = member.code.get(3..).unwrap_or("").to_string();
            member.code = format!("{home}{role}");
            out[k].tokens.start = start - 1;
        }
    }
}

/// Whether a word between a nationality and an agent noun can modify the noun ("Irish
/// nationalist guerrillas", "Jordan's visiting king"): a word, not a function word, and not a
/// verb's finite form ("Britain mobilized reservists", "Russia sent troops": the verb is the
/// predicate, not part of the actor).
fn modifier(verbs: &VerbTable, word: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "and",
        "as",
        "at",
        "between",
        "but",
        "by",
        "for",
        "from",
        "in",
        "including",
        "of",
        "on",
        "or",
        "than",
        "that",
        "to",
        "unless",
        "which",
        "while",
        "who",
        "with",
    ];
    word.chars().all(char::is_alphabetic)
        && !FUNCTION.contains(&word)
        && (word.ends_with("ing") || !verbs.is_verb_form(word))
}

/// With a role: "CHN" + "MIL" → "CHNMIL"; an actor code that has a role keeps it.
fn with_role(code: &str, role: &str) -> String {
    if role.is_empty() || code.len() > 3 {
        code.to_string()
    } else {
        format!("{code}{role}")
    }
}

/// The actor spans of one sentence: entity mentions (a nationality or place with an agent noun
/// after it becomes that country's agent: "Russian troops" → RUSMIL), and "the two countries"
/// or a bare "their" for the document's main pair.
#[allow(clippy::too_many_arguments)]
fn actor_spans(
    u: &Understanding<'_>,
    g: &Gazetteer,
    verbs: &VerbTable,
    codes: &[Option<String>],
    words: &[&str],
    offset: usize,
    mentions: &mut [(Range<usize>, usize)],
    pair: Option<&[Actor; 2]>,
    pair_near: bool,
    states: &[bool],
) -> Vec<ActorSpan> {
    mentions.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out: Vec<ActorSpan> = Vec::new();
    for (r, k) in mentions.iter() {
        let local = r.start - offset..r.end - offset;
        if local.end > words.len() || out.last().is_some_and(|l| l.tokens.end > local.start) {
            continue;
        }
        let e = &u.entities[*k];
        let Some(code) = codes[*k].as_deref() else {
            continue;
        };
        // "the Russian language", "Arabic-language media": a tongue, not its people.
        if e.kind == EntityType::Norp
            && words
                .get(local.end)
                .is_some_and(|w| matches!(*w, "language" | "languages"))
        {
            continue;
        }
        let mut tokens = local.clone();
        let mut code = code.to_string();
        if matches!(
            e.kind,
            EntityType::Norp | EntityType::Gpe | EntityType::Org | EntityType::Loc
        ) {
            // "Russian troops", "Gondor police", "Poland's parliament": skip a possessive or
            // one adjective at most.
            let mut at = tokens.end;
            if words.get(at).is_some_and(|w| *w == "'s" || *w == "’s") {
                at += 1;
            }
            let mut found = agent_at(g, words, at);
            if found.is_none() && at + 1 < words.len() && modifier(verbs, words[at]) {
                at += 1;
                found = agent_at(g, words, at);
            }
            match found {
                Some((role, n)) => {
                    code = with_role(&code, &role);
                    tokens.end = at + n;
                }
                // A town stands for its country's government only as a capital ("Beijing
                // said"); "Houston restaurants" are not an actor. A region is one only with
                // its people named ("Darfur rebels").
                None if !states[*k] || e.kind == EntityType::Loc => continue,
                None => {}
            }
        }
        out.push(ActorSpan {
            tokens,
            members: vec![Actor {
                code,
                entity: Some(*k),
                name: e.name.clone(),
                person: e.kind == EntityType::Person,
            }],
        });
    }
    // An agent noun with its country after it: "opposition groups in Zimbabwe", "the
    // president of Armenia".
    let mut i = 0;
    while i < words.len() {
        if out.iter().any(|a| a.tokens.contains(&i)) {
            i += 1;
            continue;
        }
        // Only where "in", "of" or "from" follows within two words (cheap test first).
        let linked = (1..=2).any(|n| links_country(words.get(i + n)));
        if !linked {
            i += 1;
            continue;
        }
        if let Some((role, n)) = agent_at(g, words, i).filter(|(r, _)| !r.is_empty()) {
            // "opposition groups in Zimbabwe": a head noun may follow the agent.
            let prep = if !links_country(words.get(i + n))
                && links_country(words.get(i + n + 1))
                && modifier(verbs, words[i + n])
            {
                i + n + 1
            } else {
                i + n
            };
            let next = out
                .iter()
                .position(|a| a.tokens.start == prep + 1 || a.tokens.start == prep + 2);
            if links_country(words.get(prep)) {
                if let Some(k) = next {
                    let country = out[k].members[0].code.get(..3).unwrap_or("").to_string();
                    if out[k].members.len() == 1
                        && country.len() == 3
                        && out[k].members[0].code.len() == 3
                    {
                        let a = &mut out[k];
                        a.tokens.start = i;
                        a.members[0].code = with_role(&country, &role);
                        i = a.tokens.end;
                        continue;
                    }
                }
            }
            i += n;
            continue;
        }
        i += 1;
    }
    out.sort_by_key(|a| a.tokens.start);
    ethnic_groups(g, verbs, words, &mut out);
    // (Their agents are of that one country: it stays the same for both.)
    if let Some(home) = one_country(g, &out) {
        definite_agents(g, words, &home, &mut out);
        domestic_groups(g, verbs, words, &home, &mut out);
    }
    if let Some(pair) = pair {
        let mut i = 0;
        while i < words.len() {
            let phrase = PAIRS.iter().find(|p| words[i..].starts_with(p));
            let (len, role) = match phrase {
                Some(p) => (p.len(), String::new()),
                // "their air forces", where both were just named: a bare "they" is too often
                // someone else (customers, readers, the company).
                None if words[i] == "their" && pair_near => match agent_at(g, words, i + 1) {
                    Some((role, n)) if !role.is_empty() => (1 + n, role),
                    _ => {
                        i += 1;
                        continue;
                    }
                },
                None => {
                    i += 1;
                    continue;
                }
            };
            let tokens = i..i + len;
            if !out
                .iter()
                .any(|a| a.tokens.start < tokens.end && tokens.start < a.tokens.end)
            {
                out.push(ActorSpan {
                    tokens,
                    members: pair
                        .iter()
                        .map(|a| Actor {
                            code: with_role(&a.code, &role),
                            ..a.clone()
                        })
                        .collect(),
                });
            }
            i += len;
        }
        out.sort_by_key(|a| a.tokens.start);
    }
    out
}

/// "The government", "the police", "the parliament" (a state's offices, its opposition and
/// rebels) named without a country, in a sentence whose actors are all of one country: that
/// country's agent ("Iraqi Kurds demonstrated against the government" → IRQGOV). So are
/// police, troops, soldiers and authorities with no article, opening a clause ("Cairo's
/// security chief warned that police will…"). With no country or several, the office stays
/// unread.
fn definite_agents(g: &Gazetteer, words: &[&str], country: &str, out: &mut Vec<ActorSpan>) {
    let mut added = Vec::new();
    let mut i = 0;
    while i + 1 < words.len() {
        // "the police", or a bare "police" opening a clause ("warned that police will…").
        let bare = (i == 0
            || matches!(
                words[i - 1],
                "that" | "," | "and" | "but" | "when" | "as" | "after" | "before" | "while"
            ))
            && matches!(words[i], "police" | "troops" | "soldiers" | "authorities");
        if !words[i].eq_ignore_ascii_case("the") && !bare {
            i += 1;
            continue;
        }
        let at = if bare { i } else { i + 1 };
        // The state's own offices only: "the customer" or "the website" is not Japan's.
        let Some((role, n)) = agent_at(g, words, at).filter(|(r, _)| {
            matches!(
                r.get(..3),
                Some("GOV" | "MIL" | "COP" | "LEG" | "JUD" | "OPP" | "REB" | "SPY")
            )
        }) else {
            i += 1;
            continue;
        };
        let tokens = i..at + n;
        // The agent heads its phrase: not "the government's critics", not "the army chief"
        // already read as a person's title, not inside another actor.
        let free = !out
            .iter()
            .any(|a| a.tokens.start < tokens.end + 1 && tokens.start < a.tokens.end);
        let head = !matches!(words.get(tokens.end), Some(&"'s") | Some(&"’s"));
        if free && head {
            added.push(ActorSpan {
                members: vec![Actor {
                    code: with_role(country, &role),
                    entity: None,
                    name: words[tokens.clone()].join(" "),
                    person: false,
                }],
                tokens: tokens.clone(),
            });
        }
        i = tokens.end;
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|a| a.tokens.start);
    }
}

/// The roles of a people's own groups, as against a state's offices: rebels and militias,
/// the opposition, refugees, workers, radicals and Islamists. (Not civilians: "residents",
/// "voters" or "the victim" are most often the ones acted on.)
const GROUP_ROLES: &[&str] = &["REB", "UAF", "OPP", "REF", "LAB", "RAD", "MUS"];

/// A group that opens its sentence named only by what its people are ("Islamic
/// fundamentalists continued their hunger strike", "a group of Chechen refugees", "the main
/// Hutu rebel group"), in a sentence whose actors are all of one country: that country's
/// group, as CAMEO codes a domestic actor ("… to demand the resignation of Algerian President
/// Ahmed Ben Bella" → DZARAD). With no country or several, the group stays unread.
fn domestic_groups(
    g: &Gazetteer,
    verbs: &VerbTable,
    words: &[&str],
    country: &str,
    out: &mut Vec<ActorSpan>,
) {
    let Some(first) = out.first().map(|a| a.tokens.start) else {
        return;
    };
    // The country must be at home in the sentence, not only the other side of an act
    // ("demonstrators threw stones at U.S. troops", "militants attacked trucks carrying
    // supplies for U.S. forces"): one of its civil offices (government, parliament, courts,
    // police), or its land after a locative or with a possessive ("in Baghdad", "in
    // northern Iraq", "Algeria's first multi-party elections").
    let at_home = out.iter().any(|a| {
        a.members.iter().any(|m| {
            if m.code.get(..3) != Some(country) {
                return false;
            }
            match m.code.get(3..6) {
                Some(role) => matches!(role, "GOV" | "LEG" | "JUD" | "COP"),
                None => {
                    let mut k = a.tokens.start;
                    while k > 0
                        && (words[k - 1] == "the" || crate::sentence::is_compass(words[k - 1]))
                    {
                        k -= 1;
                    }
                    let locative = k > 0 && crate::sentence::is_locative(words[k - 1]);
                    let possessive = matches!(words.get(a.tokens.end), Some(&("'s" | "’s")));
                    locative || possessive
                }
            }
        })
    });
    if !at_home {
        return;
    }
    // The subject's phrase: determiners, numbers, "a group of", "thousands of" and modifiers
    // ("traditional", "Yoruba"), then the group's noun, before any actor.
    let mut i = 0;
    while i < first.min(8) {
        if let Some((mut role, mut n)) = agent_at(g, words, i) {
            // The head is the last of a run of agent nouns ("Islamic fundamentalists").
            while let Some((r, m)) = agent_at(g, words, i + n).filter(|_| i + n < first) {
                i += n;
                (role, n) = (r, m);
            }
            // A group, or one of its fighters ("a suicide bomber", "a gunman"); not one
            // person of a standing ("the ayatollah", "a worker at the plant").
            let collective = |w: &str| {
                matches!(
                    w,
                    "group"
                        | "opposition"
                        | "militia"
                        | "movement"
                        | "front"
                        | "coalition"
                        | "party"
                        | "alliance"
                )
            };
            // (Or the adjective of a group's name: "the fundamentalist Umma (Nation) party".)
            let mut end = i + n;
            let mut j = end;
            while j < first.min(end + 5)
                && (modifier(verbs, words[j]) || matches!(words[j], "(" | ")"))
            {
                if collective(words[j]) {
                    end = j + 1;
                    break;
                }
                j += 1;
            }
            let plural = words[i + n - 1].ends_with('s') || collective(words[end - 1]);
            // (By its first role: "islamic rebels" are REBMUS.)
            let kind = role.get(..3).unwrap_or("");
            let fighter = matches!(kind, "REB" | "UAF");
            if GROUP_ROLES.contains(&kind) && (plural || fighter) && end <= first {
                out.push(ActorSpan {
                    members: vec![Actor {
                        code: with_role(country, &role),
                        entity: None,
                        name: words[i..end].join(" "),
                        person: false,
                    }],
                    tokens: 0..end,
                });
                out.sort_by_key(|a| a.tokens.start);
            }
            return;
        }
        let w = words[i];
        if matches!(
            w,
            "he" | "i" | "it" | "she" | "they" | "we" | "you" | "these" | "those"
        ) {
            return;
        }
        // (A comma closes a fronted adverb: "Meanwhile, gunmen killed…".)
        let opening = matches!(
            w,
            "the" | "a" | "an" | "some" | "of" | "group" | "groups" | ","
        ) || (w.chars().all(|c| c.is_ascii_digit() || c == ',')
            && w.chars().any(|c| c.is_ascii_digit()))
            || modifier(verbs, w);
        if !opening {
            return;
        }
        i += 1;
    }
}

/// The one country of the places a sentence names, if they are all of one. (A nationality
/// is no place, nor a country's name that opens an agent: "two Japanese engineers", "one U.S.
/// soldier".)
fn places_country(
    u: &Understanding<'_>,
    g: &Gazetteer,
    mentions: &[(Range<usize>, usize)],
    places: &HashMap<usize, &annalist_nlp::places::Place>,
    sentence: &Range<usize>,
    spans: &[ActorSpan],
) -> Option<String> {
    // (The mentions are sorted by start.)
    let from = mentions.partition_point(|(r, _)| r.start < sentence.start);
    let to = mentions.partition_point(|(r, _)| r.start < sentence.end);
    let countries = mentions[from..to].iter().filter_map(|(r, k)| {
        if r.end > sentence.end || u.entities[*k].kind == EntityType::Norp {
            return None;
        }
        let local = r.start - sentence.start..r.end - sentence.start;
        let of_an_agent = spans.iter().any(|a| {
            a.tokens.start <= local.start
                && local.end <= a.tokens.end
                && a.members.iter().any(|m| m.code.len() > 3)
        });
        if of_an_agent {
            return None;
        }
        places
            .get(k)
            .and_then(|p| p.country.as_deref())
            .and_then(|iso| g.country(iso))
            .and_then(|c| c.cameo.get(..3))
    });
    the_one(countries).map(str::to_string)
}

/// Nouns of an attack whose doer is not named ("a roadside bomb", "an explosion").
const ATTACK_NOUNS: &[&str] = &[
    "ambush",
    "attack",
    "attacks",
    "blast",
    "blasts",
    "bomb",
    "bombing",
    "bombings",
    "bombs",
    "explosion",
    "explosions",
    "grenade",
    "landmine",
    "mine",
    "minefield",
    "mortar",
    "mortars",
    "rocket",
    "rockets",
    "shell",
    "shelling",
    "shells",
];

/// The tokens of an attack with no one named as its doer opening a clause, no actor yet. In a
/// sentence whose places are all of one country it is that country's, as event data codes
/// violence by unknown hands ("A roadside bombing near the town of Samarra killed one U.S.
/// soldier" → IRQ against USA; "In other violence, a roadside bomb hit an Afghan army
/// convoy"). (The things of an attack; `sentence::ATTACK_WORDS` also holds its doers.)
fn attack_phrase(verbs: &VerbTable, words: &[&str], out: &[ActorSpan]) -> Option<Range<usize>> {
    let first_comma = words.iter().take(10).position(|w| *w == ",");
    for start in std::iter::once(0).chain(first_comma.map(|c| c + 1)) {
        let mut j = start;
        let mut head = None;
        while j < words.len().min(start + 6) {
            let w = words[j];
            if ATTACK_NOUNS.contains(&w) {
                head = Some(j);
            } else if head.is_some() || !(matches!(w, "a" | "an" | "the") || modifier(verbs, w)) {
                break;
            }
            j += 1;
        }
        let Some(h) = head else { continue };
        // (A bare singular opening the clause may be a name: "Shell halted production".)
        if h == start && !words[h].ends_with('s') {
            continue;
        }
        // (The patient of a passive is not its doer: "the rocket was launched from a base".)
        if words
            .get(h + 1)
            .is_some_and(|w| matches!(*w, "was" | "were" | "is" | "are" | "been" | "being"))
        {
            continue;
        }
        let tokens = start..h + 1;
        if out
            .iter()
            .any(|a| a.tokens.start < tokens.end + 1 && tokens.start < a.tokens.end)
        {
            continue;
        }
        return Some(tokens);
    }
    None
}

/// A preposition that ties an agent to its country: "opposition groups in Zimbabwe", "the
/// president of Armenia", "students throughout Indonesia".
fn links_country(word: Option<&&str>) -> bool {
    matches!(
        word,
        Some(&"in") | Some(&"of") | Some(&"from") | Some(&"throughout") | Some(&"across")
    )
}

/// The one country the actors of a sentence belong to (by the first three letters of their
/// codes), if they are all of one.
fn one_country(g: &Gazetteer, spans: &[ActorSpan]) -> Option<String> {
    the_one(
        spans
            .iter()
            .flat_map(|a| &a.members)
            .filter_map(|m| m.code.get(..3).filter(|c| g.country(c).is_some())),
    )
    .map(str::to_string)
}

/// The one value of `items`, if there are some and all are the same.
fn the_one<'a>(items: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut one: Option<&str> = None;
    for x in items {
        match one {
            None => one = Some(x),
            Some(o) if o == x => {}
            Some(_) => return None,
        }
    }
    one
}

/// Whether a code is talk, cooperation or aid (CAMEO 01-07).
fn cooperative(code: &str) -> bool {
    matches!(
        code.get(..2),
        Some("01" | "02" | "03" | "04" | "05" | "06" | "07")
    )
}

/// The other side of an act with none named, in a sentence whose actors are all of country
/// `home`: that country, as CAMEO codes domestic events. A protest is against its own
/// authorities ("thousands demonstrated"); any other act needs the country named twice
/// ("Sudan's government lifted the state of emergency in West Darfur", "Cairo's security
/// chief warned that police…"), and talk, cooperation and aid (01–07) are not read at home:
/// an actor agreeing or asking with no one named is most often its own words.
fn domestic_target(g: &Gazetteer, home: Option<&str>, named: usize, c: &Coded) -> Option<Actor> {
    // Acts CAMEO defines as a state's on its own people need no second mention: protest
    // (14), easing or imposing restrictions, curfews, states of emergency (081, 172), easing
    // dissent and acceding to reform (082, 083), repression (175).
    // Police using force or coercion on people not named act at home ("police opened fire to
    // disperse demonstrators").
    let police = c
        .source
        .code
        .get(3..)
        .is_some_and(|role| role.as_bytes().chunks(3).any(|c| c == b"COP"))
        && matches!(c.code.get(..2), Some("17" | "18" | "19" | "20"));
    let at_home_by_kind = police
        || ["14", "081", "082", "083", "172", "175"]
            .iter()
            .any(|p| c.code.starts_with(p));
    if !at_home_by_kind && (named < 2 || cooperative(&c.code)) {
        return None;
    }
    let country = home?;
    if c.source.code.get(..3) != Some(country) {
        return None;
    }
    let name = g
        .country(country)
        .map(|k| k.name.clone())
        .unwrap_or_default();
    Some(Actor {
        code: country.to_string(),
        entity: None,
        name,
        person: false,
    })
}

/// The other side of an act with none named that happens in its actor's own country ("Iraqi
/// Kurds demonstrated in Kirkuk", "Algeria's president imposed a curfew in Algiers"): that
/// country, as CAMEO codes domestic events. (The coder reads a place as the target only when
/// it is an actor, a state or its capital; a town at home is caught here.)
fn at_home(
    u: &Understanding<'_>,
    g: &Gazetteer,
    places: &HashMap<usize, &annalist_nlp::places::Place>,
    source: &Actor,
    place: Option<usize>,
) -> Option<Actor> {
    let k = place?;
    let iso = places.get(&k)?.country.as_deref()?;
    let country = g.country(iso)?;
    if source.code.get(..3) != Some(country.cameo.get(..3)?) {
        return None;
    }
    Some(Actor {
        code: country.cameo.clone(),
        entity: Some(k),
        name: u.entities[k].name.clone(),
        person: false,
    })
}

/// The date the text gives the event: a time expression in its clause, nearest the predicate
/// (after it first), else in its sentence.
fn date_of<'t>(
    times: &[(Range<usize>, &'t str)],
    pred: &Range<usize>,
    clause: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<&'t str> {
    let distance = |r: &Range<usize>| {
        if r.start >= pred.end {
            r.start - pred.end
        } else {
            pred.start.saturating_sub(r.end) + 1
        }
    };
    // After the predicate first ("visited Moscow in April"), then before it.
    let pick = |within: &Range<usize>| {
        times
            .iter()
            .filter(|(r, _)| r.start >= within.start && r.end <= within.end)
            .min_by_key(|(r, _)| (r.start < pred.end, distance(r)))
            .map(|(_, v)| *v)
    };
    let value = pick(clause).or_else(|| pick(sentence))?;
    Some(value.split('T').next().unwrap_or(value))
}

/// Where the event happened: a place after a locative preposition in its clause (nearest the
/// predicate); for a visit, where the visitor went (a country's capital when the article names
/// it).
#[allow(clippy::too_many_arguments)]
fn place_of(
    u: &Understanding<'_>,
    g: &Gazetteer,
    mentions: &[(Range<usize>, usize)],
    places: &HashMap<usize, &annalist_nlp::places::Place>,
    c: &Coded,
    pred: &Range<usize>,
    clause: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<usize> {
    let t = &u.tokens;
    if c.code.starts_with("042") {
        if let Some(k) = c.target.as_ref().and_then(|a| a.entity) {
            if let Some(p) = places.get(&k) {
                let capital = u.entities[k]
                    .country
                    .as_deref()
                    .filter(|_| u.entities[k].kind == EntityType::Gpe)
                    .and_then(|_| capital_in(u, g, places, p));
                return Some(capital.unwrap_or(k));
            }
        }
    }
    let locative = |r: &Range<usize>| {
        (r.start.saturating_sub(5).max(sentence.start)..r.start).any(|k| {
            matches!(
                t.lower[k].as_ref(),
                "in" | "at" | "near" | "over" | "across" | "inside" | "outside" | "off"
            )
        })
    };
    mentions
        .iter()
        .filter(|(r, _)| r.start >= clause.start && r.end <= clause.end && locative(r))
        .min_by_key(|(r, _)| {
            if r.start >= pred.end {
                r.start - pred.end
            } else {
                pred.start.saturating_sub(r.end) + 100
            }
        })
        .map(|(_, k)| *k)
}

/// The entity of the capital of country place `p`, if the article names that capital.
fn capital_in(
    u: &Understanding<'_>,
    g: &Gazetteer,
    places: &HashMap<usize, &annalist_nlp::places::Place>,
    p: &annalist_nlp::places::Place,
) -> Option<usize> {
    let country = p.country.as_deref()?;
    let capital = &g.country(country)?.capital;
    // A country's own point has no GeoNames city entry; its capital is the place in the
    // article of the same country whose name the gazetteer gives as capital.
    let mut best: Option<usize> = None;
    for (&k, q) in places {
        if q.country.as_deref() == Some(country)
            && q.entity != p.entity
            && u.entities[k].kind == EntityType::Gpe
            && capital.eq_ignore_ascii_case(&q.name)
        {
            best = Some(best.map_or(k, |b: usize| b.min(k)));
        }
    }
    best
}
