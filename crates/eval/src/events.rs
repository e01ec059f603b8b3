//! Event coding against two gold sets under `shared/data/events/`:
//!
//! * `plover-gsr-cameo`: 322 sentences from the CAMEO manual with a gold PLOVER event type and
//!   source and target actors. Each sentence runs through the whole `analyze` (NLP and events)
//!   with its date as the publication date. A coded event is a (PLOVER type, source country,
//!   target country) triple, the country being the actor code's first three letters (a
//!   country, or IGO, NGO…), as the gold's are, or the entity's country when there is no code. A gold event with several sources or targets
//!   gives one triple per pair; one without a target is matched by an event without one, or by
//!   an event between its sources (a joint act). The gold uses PLOVER v0.5 names, mapped to the
//!   current ones of `cameo_to_plover.tsv`: DEMAND → REQUEST, DISAPPROVE and INVESTIGATE →
//!   ACCUSE, FIGHT → ASSAULT. Countries are compared under one spelling (the gold's older
//!   CAMEO codes JAP, ITL, ANG and TMP are Japan's, Italy's, Angola's and East Timor's ISO
//!   codes).
//! * `petrarch2-unittest`: PETRARCH's regression sentences with fictional actors. They are coded
//!   with the suite's own actor, agent and verb dictionaries (loaded here, for this test only)
//!   through the same sentence coder; the figure is the share of expected (source, target,
//!   code) codings produced exactly.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use crate::metrics::{harmonic, ratio};
use annalist_core::{Analysis, Document, Format};
use annalist_events::dictionary::ActorDictionary;
use annalist_events::verbs::VerbTable;
use annalist_events::Coder;
use annalist_nlp::Analyzer;

/// PETRARCH2's published figures (from `shared/data/README.md`).
const PETRARCH_NOTE: &str = "PETRARCH2 on 73 real AFP sentences (published, from its parse \
trees): root-code P 0.86, R 0.64, F1 0.73; full codes F1 0.68. A hand check of GDELT found \
about 80% of its event codes right.";

/// Current PLOVER names of the gold set's v0.5 labels.
fn plover_name(gold: &str) -> &str {
    match gold {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// One country under one spelling: the gold writes some countries with CAMEO's older codes
/// (Japan JAP, Italy ITL, Angola ANG, East Timor TMP) where the records use ISO's, or the
/// other way round; a country is compared, not its spelling.
fn same_country(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "ANG" => "AGO",
        "TMP" => "TLS",
        other => other,
    }
}

fn actor_codes(v: Option<&Value>) -> Vec<String> {
    let list: Vec<&Value> = match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Object(_)) => vec![v.unwrap()],
        Some(Value::String(s)) if !s.is_empty() => {
            return vec![same_country(&s[..s.len().min(3)]).to_string()]
        }
        _ => Vec::new(),
    };
    list.iter()
        .filter_map(|a| a.get("code").and_then(Value::as_str))
        .filter(|c| c.len() >= 3)
        .map(|c| same_country(&c[..3].to_uppercase()).to_string())
        .collect()
}

/// One predicted triple.
type Triple = (String, String, Option<String>);

/// The (PLOVER, source, target) triples of a record.
fn triples(a: &Analysis) -> Vec<Triple> {
    let country = |side: &annalist_core::EventActor| -> Option<String> {
        let from_entity = || {
            side.entity
                .as_ref()
                .and_then(|id| a.entities.iter().find(|e| &e.id == id))
                .and_then(|e| e.country.clone())
        };
        side.actor
            .as_ref()
            .map(|c| c[..c.len().min(3)].to_string())
            .or_else(from_entity)
            .map(|c| same_country(&c).to_string())
    };
    let mut out: Vec<Triple> = Vec::new();
    for e in &a.events {
        let Some(p) = e.plover.clone() else { continue };
        let Some(s) = country(&e.source) else {
            continue;
        };
        let t = country(&e.target);
        let triple = (p, s, t);
        if !out.contains(&triple) {
            out.push(triple);
        }
    }
    out
}

fn matches(p: &Triple, ty: &str, sources: &[String], targets: &[String]) -> bool {
    if p.0 != ty || !sources.contains(&p.1) {
        return false;
    }
    match &p.2 {
        Some(t) if targets.is_empty() => sources.contains(t) && t != &p.1,
        Some(t) => targets.contains(t),
        None => targets.is_empty(),
    }
}

#[derive(Default)]
struct Counts {
    gold: usize,
    found: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn p(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn r(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn f1(&self) -> f64 {
        harmonic(self.p(), self.r())
    }
}

/// Scores `plover-gsr-cameo`; returns the report's section and the figures.
fn plover_gsr(analyzer: &Analyzer, coder: &Coder, dir: &Path) -> Result<String> {
    let path = dir.join("plover-gsr-cameo/PLOVER_GSR_CAMEO.jsonl");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut all = Counts::default();
    let mut by_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut wrong: Vec<String> = Vec::new();
    let mut records = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).context("a plover-gsr line")?;
        let (Some(sentence), Some(ty)) = (
            v.get("text").and_then(Value::as_str),
            v.get("event").and_then(Value::as_str),
        ) else {
            continue;
        };
        records += 1;
        let ty = plover_name(ty);
        let sources = actor_codes(v.get("source"));
        let targets = actor_codes(v.get("target"));
        let mut doc = Document::from_paragraphs(
            v.get("id").and_then(Value::as_str).unwrap_or("x"),
            Format::Plain,
            vec![sentence.trim().to_string()],
        );
        doc.published = v.get("date").and_then(Value::as_str).map(str::to_string);
        let a = annalist_events::analyze(analyzer, coder, &doc);
        let predicted = triples(&a);
        let gold_pairs: Vec<(String, Option<String>)> = if targets.is_empty() {
            sources.iter().map(|s| (s.clone(), None)).collect()
        } else {
            sources
                .iter()
                .flat_map(|s| targets.iter().map(move |t| (s.clone(), Some(t.clone()))))
                .collect()
        };
        let t = by_type.entry(ty.to_string()).or_default();
        let found = gold_pairs
            .iter()
            .filter(|(s, t)| {
                predicted.iter().any(|p| {
                    matches(
                        p,
                        ty,
                        std::slice::from_ref(s),
                        &t.iter().cloned().collect::<Vec<_>>(),
                    ) || (t.is_none() && matches(p, ty, &sources, &[]))
                })
            })
            .count();
        let correct = predicted
            .iter()
            .filter(|p| matches(p, ty, &sources, &targets))
            .count();
        for c in [&mut all, t] {
            c.gold += gold_pairs.len();
            c.found += found;
            c.predicted += predicted.len();
            c.correct += correct;
        }
        // `EVENTS_MISSES=1` lists every miss, not only the first ones.
        let all = std::env::var_os("EVENTS_MISSES").is_some();
        let show = |p: &Triple| format!("{} {}→{}", p.0, p.1, p.2.as_deref().unwrap_or("–"));
        if found < gold_pairs.len() && (all || misses.len() < 12) {
            misses.push(format!(
                "| {} {}→{} | {} | {} |",
                ty,
                sources.join("+"),
                if targets.is_empty() {
                    "–".to_string()
                } else {
                    targets.join("+")
                },
                predicted.iter().map(show).collect::<Vec<_>>().join("; "),
                sentence.trim().replace('|', "/"),
            ));
        }
        if correct < predicted.len() && (all || wrong.len() < 8) {
            let extra: Vec<String> = predicted
                .iter()
                .filter(|p| !matches(p, ty, &sources, &targets))
                .map(show)
                .collect();
            wrong.push(format!(
                "| {} | {} |",
                extra.join("; "),
                sentence.trim().replace('|', "/")
            ));
        }
    }
    let mut s = String::new();
    let _ = writeln!(s, "### plover-gsr-cameo\n");
    let _ = writeln!(
        s,
        "{records} sentences, each through the whole `analyze` (NLP and events). A match: the \
         PLOVER type and the source and target countries (module docs of `crates/eval/src/events.rs`).\n"
    );
    let _ = writeln!(
        s,
        "| type | gold pairs | found | predicted | correct | P | R | F1 |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|");
    let row = |name: &str, c: &Counts| {
        format!(
            "| {name} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            c.gold,
            c.found,
            c.predicted,
            c.correct,
            c.p(),
            c.r(),
            c.f1()
        )
    };
    let _ = writeln!(s, "{}", row("**all**", &all));
    for (name, c) in &by_type {
        let _ = writeln!(s, "{}", row(name, c));
    }
    let _ = writeln!(s, "\nFirst misses (gold, then what was coded):\n");
    let _ = writeln!(s, "| gold | coded | sentence |\n|---|---|---|");
    for m in &misses {
        let _ = writeln!(s, "{m}");
    }
    let _ = writeln!(s, "\nFirst wrong codings:\n");
    let _ = writeln!(s, "| coded, not gold | sentence |\n|---|---|");
    for m in &wrong {
        let _ = writeln!(s, "{m}");
    }
    let _ = writeln!(
        s,
        "\n**plover-gsr-cameo event-type + dyad: P {:.3}, R {:.3}, F1 {:.3}** (floor F1 ≥ 0.75).\n",
        all.p(),
        all.r(),
        all.f1()
    );
    Ok(s)
}

/// Scores PETRARCH's unit-test records with the suite's own dictionaries.
fn petrarch_unittest(dir: &Path) -> Result<String> {
    let base = dir.join("petrarch2-unittest");
    let read = |name: &str| {
        let p = base.join("dictionaries").join(name);
        fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))
    };
    let mut dict = ActorDictionary::new();
    dict.add_actors(&read("PETR.Validate.actors.txt")?);
    dict.add_agents(&read("PETR.Validate.agents.txt")?);
    let mut verbs = VerbTable::new();
    verbs.add(&read("PETR.Validate.verbs.txt")?);
    // PETRARCH writes a planned act with the act's own code, paired events (a visit and its
    // hosting), and takes a place as the target when there is no other; so does this run.
    let coder = Coder::with_verbs(verbs).with_options(annalist_events::sentence::Options {
        intents: false,
        paired: true,
        locative_targets: true,
    });
    let path = base.join("PETR.UnitTest.records.jsonl");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let (mut expected, mut found, mut produced) = (0usize, 0usize, 0usize);
    let mut by_cat: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).context("a unit-test line")?;
        let Some(sentence) = v.get("text").and_then(Value::as_str) else {
            continue;
        };
        let gold: Vec<(String, String, String)> = v
            .get("event_codings")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|c| {
                        Some((
                            c.get("sourcecode")?.as_str()?.to_uppercase(),
                            c.get("targetcode")?.as_str()?.to_uppercase(),
                            c.get("eventcode")?.as_str()?.to_string(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if gold.is_empty() {
            continue;
        }
        let tokens =
            annalist_nlp::tokens::tokenize(sentence, annalist_core::Span::new(0, sentence.len()));
        let lower: Vec<String> = tokens
            .iter()
            .map(|t| t.text(sentence).to_lowercase())
            .collect();
        let words: Vec<&str> = lower.iter().map(String::as_str).collect();
        let date = v
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| d.parse::<u32>().ok());
        let actors = dict.find_on(&words, date);
        let coded = coder.code_words(&words, &actors);
        produced += coded.len();
        let got: Vec<(String, String, String)> = coded
            .iter()
            .map(|c| {
                (
                    c.source.code.clone(),
                    c.target
                        .as_ref()
                        .map(|t| t.code.clone())
                        .unwrap_or_default(),
                    c.code.clone(),
                )
            })
            .collect();
        let cat = v
            .get("category")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let e = by_cat.entry(cat).or_default();
        for g in &gold {
            expected += 1;
            e.0 += 1;
            if got.contains(g) {
                found += 1;
                e.1 += 1;
            } else if misses.len() < 12 || std::env::var_os("EVENTS_MISSES").is_some() {
                misses.push(format!(
                    "| {} {}→{} | {} | {} |",
                    g.2,
                    g.0,
                    g.1,
                    got.iter()
                        .map(|(s, t, c)| format!("{c} {s}→{t}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                    sentence.replace('|', "/")
                ));
            }
        }
    }
    let mut s = String::new();
    let _ = writeln!(s, "### petrarch2-unittest\n");
    let _ = writeln!(
        s,
        "PETRARCH's regression records, coded from their text with the suite's own actor, agent \
         and verb dictionaries through the same sentence coder (no parse trees). {produced} \
         codings produced in all.\n"
    );
    let _ = writeln!(
        s,
        "| category | expected | produced exactly | share |\n|---|---|---|---|"
    );
    for (cat, (n, k)) in &by_cat {
        let _ = writeln!(s, "| {cat} | {n} | {k} | {:.1}% |", 100.0 * ratio(*k, *n));
    }
    let _ = writeln!(
        s,
        "\nFirst misses:\n\n| expected | coded | sentence |\n|---|---|---|"
    );
    for m in &misses {
        let _ = writeln!(s, "{m}");
    }
    let _ = writeln!(
        s,
        "\n**petrarch2-unittest: {found} of {expected} expected codings ({:.1}%)** (floor ≥ 70%).\n",
        100.0 * ratio(found, expected)
    );
    Ok(s)
}

/// The events section: both sets. `dir` is `shared/data/events`.
pub fn evaluate(analyzer: &Analyzer, dir: &Path, command: &str) -> Result<String> {
    let coder = Coder::new();
    let mut s = String::new();
    let _ = writeln!(s, "## Events\n");
    let _ = writeln!(
        s,
        "Written by `{command}`; run it again to refresh. Data: `shared/data/events/` (see its \
         README). Peers: {PETRARCH_NOTE}\n"
    );
    s.push_str(&plover_gsr(analyzer, &coder, dir)?);
    s.push_str(&petrarch_unittest(dir)?);
    Ok(s)
}
