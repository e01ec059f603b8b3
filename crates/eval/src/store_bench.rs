//! The store's benchmark: a store of many events made from real records, and the latency of the
//! queries analysts run on it.
//!
//! [`generate`] takes real analysis records (the dev pages, analysed) as templates and writes
//! variants of them until the store holds a number of merged events: each variant keeps a
//! template's text (with its number appended, so it is a new document of the same story), moves
//! its date, and gives each of its events another dyad drawn from the actors the templates name
//! and a few dozen country codes, so that events spread over dyads, roots and two years as a
//! real collection's do. [`time_queries`] then runs a fixed mix of queries with varied values
//! and reports the latency percentiles of each kind.

use std::time::Instant;

use annalist_core::{text_digest, Analysis, EventActor};
use annalist_store::{Filter, Input, Item, Store};
use anyhow::Result;

/// A deterministic generator (64-bit LCG, high bits): the same store every run.
pub struct Lcg(u64);

impl Lcg {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next value below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

/// Countries the generated actors come from, beside the templates' own.
const COUNTRIES: [&str; 30] = [
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IND", "JPN", "IRN", "ISR", "UKR", "TUR", "BRA",
    "ZAF", "NGA", "EGY", "SAU", "PAK", "KOR", "PRK", "SYR", "AFG", "MEX", "CAN", "AUS", "ITA",
    "POL", "ESP", "IDN", "VNM",
];

/// CAMEO codes the generated events take, beside the templates' own.
const CODES: [(&str, u8, f64, &str); 12] = [
    ("010", 1, 0.0, "Make statement"),
    ("020", 1, 3.0, "Appeal"),
    ("036", 1, 4.0, "Express intent to meet or negotiate"),
    ("040", 1, 1.0, "Consult"),
    ("042", 1, 1.9, "Make a visit"),
    ("057", 1, 8.0, "Sign formal agreement"),
    ("061", 2, 6.4, "Cooperate economically"),
    ("070", 2, 7.0, "Provide aid"),
    ("112", 3, -2.0, "Accuse"),
    ("130", 3, -4.4, "Threaten"),
    ("173", 4, -5.0, "Arrest, detain"),
    ("190", 4, -10.0, "Use conventional military force"),
];

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy)]
pub struct Generated {
    /// Documents written.
    pub documents: u64,
    /// Event reports written.
    pub reports: u64,
    /// Merged events in the store at the end.
    pub events: u64,
    /// Seconds spent writing.
    pub seconds: f64,
}

/// Writes variants of `templates` into `store` until it holds at least `target` events.
pub fn generate(store: &mut Store, templates: &[Analysis], target: u64) -> Result<Generated> {
    let templates: Vec<&Analysis> = templates
        .iter()
        .filter(|t| !t.text.is_empty() && !t.events.is_empty())
        .collect();
    anyhow::ensure!(
        !templates.is_empty(),
        "no records with events to make the store from"
    );
    let mut actors: Vec<String> = templates
        .iter()
        .flat_map(|t| &t.events)
        .flat_map(|e| [e.source.actor.clone(), e.target.actor.clone()])
        .flatten()
        .collect();
    for c in COUNTRIES {
        for role in ["", "GOV", "MIL", "COP", "OPP"] {
            actors.push(format!("{c}{role}"));
        }
    }
    actors.sort();
    actors.dedup();
    let mut rng = Lcg::new(20_231_103);
    let start = Instant::now();
    let (mut documents, mut reports, mut events) = (0u64, 0u64, 0u64);
    let mut batch = Vec::with_capacity(128);
    let mut i = 0usize;
    while events < target {
        let t = templates[i % templates.len()];
        let mut record = t.clone();
        record.text = format!("{}\n\nBench variant {i}.", t.text);
        record.doc.id = text_digest(&record.text);
        record.doc.source = format!("bench:{i}");
        record.doc.url = Some(format!("https://site{}.example/{i}", rng.below(400)));
        let day = rng.below(730) as i64;
        let date = |offset: i64| -> String {
            annalist_store::dates::Day::from_number(19_358 + day + offset).iso()
        };
        record.doc.published = Some(date(0));
        let base = record.events.first().cloned();
        record.events.clear();
        if let Some(base) = base {
            for _ in 0..20 {
                let mut e = base.clone();
                let (code, quad, goldstein, label) = CODES[rng.below(CODES.len())];
                e.code = code.into();
                e.root = code[..2].into();
                e.quad = quad;
                e.goldstein = goldstein;
                e.label = label.into();
                let side = |a: &str| EventActor {
                    entity: None,
                    actor: Some(a.to_string()),
                    name: a.to_string(),
                };
                e.source = side(&actors[rng.below(actors.len())]);
                e.target = side(&actors[rng.below(actors.len())]);
                e.date = Some(date(-(rng.below(3) as i64)));
                record.events.push(e);
            }
        }
        reports += record.events.len() as u64;
        batch.push(Item::Record {
            input: Input {
                digest: Some(format!("bench-{i}")),
                source: record.doc.source.clone(),
            },
            record: Box::new(record),
        });
        i += 1;
        if batch.len() == 128 {
            let s = store.write(std::mem::take(&mut batch))?;
            documents += s.documents as u64;
            events += s.events as u64;
        }
    }
    if !batch.is_empty() {
        documents += store.write(batch)?.documents as u64;
    }
    Ok(Generated {
        documents,
        reports,
        events: store.stats()?.events,
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// The latencies of one kind of query, in milliseconds.
#[derive(Debug, Clone)]
pub struct Latency {
    /// What was asked.
    pub kind: &'static str,
    /// Runs.
    pub runs: usize,
    /// Median.
    pub p50: f64,
    /// 99th percentile.
    pub p99: f64,
    /// Slowest.
    pub max: f64,
}

/// One query of the mix: its kind, and how to run it on the `n`th try.
pub type Query<'a> = (&'static str, Box<dyn Fn(usize) -> Result<()> + 'a>);

/// Runs each query `runs` times (after one warm-up run) and gives its latency percentiles.
pub fn time_queries(queries: &[Query<'_>], runs: usize) -> Result<Vec<Latency>> {
    let mut out = Vec::new();
    for (kind, run) in queries {
        run(usize::MAX)?;
        let mut ms = Vec::with_capacity(runs);
        for n in 0..runs {
            let start = Instant::now();
            run(n)?;
            ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        out.push(Latency {
            kind,
            runs,
            p50: at(0.5),
            p99: at(0.99),
            max: *ms.last().unwrap_or(&0.0),
        });
    }
    Ok(out)
}

/// The mix of store queries behind `annalist query` and the API, with values varied by try.
pub fn store_queries(store: &Store) -> Vec<Query<'_>> {
    let pairs = [
        "CHN,RUS", "USA,CHN", "RUS,UKR", "ISR,IRN", "USA,RUS", "IND,PAK", "FRA,DEU", "GBR,USA",
    ];
    let words = [
        "minister",
        "talks",
        "government",
        "police",
        "president",
        "trade",
        "war",
    ];
    let month = |n: usize| {
        let m = 1 + n % 12;
        (format!("2023-{m:02}-01"), format!("2023-{m:02}-28"))
    };
    vec![
        (
            "events by dyad (100 newest)",
            Box::new(move |n| {
                let f = Filter {
                    dyad: Some(pairs[n % pairs.len()].into()),
                    ..Filter::default()
                };
                store.events(&f, 100, 0).map(drop).map_err(Into::into)
            }),
        ),
        (
            "events by actor (100 newest)",
            Box::new(move |n| {
                let f = Filter {
                    actor: Some(COUNTRIES[n % COUNTRIES.len()].into()),
                    ..Filter::default()
                };
                store.events(&f, 100, 0).map(drop).map_err(Into::into)
            }),
        ),
        (
            "events by actor and month",
            Box::new(move |n| {
                let (from, to) = month(n);
                let f = Filter {
                    actor: Some(COUNTRIES[n % COUNTRIES.len()].into()),
                    from: Some(from),
                    to: Some(to),
                    ..Filter::default()
                };
                store.events(&f, 100, 0).map(drop).map_err(Into::into)
            }),
        ),
        (
            "events by root and quad",
            Box::new(move |n| {
                let (code, quad, ..) = CODES[n % CODES.len()];
                let f = Filter {
                    root: Some(code[..2].into()),
                    quad: Some(quad),
                    ..Filter::default()
                };
                store.events(&f, 100, 0).map(drop).map_err(Into::into)
            }),
        ),
        (
            "events by full text and dyad",
            Box::new(move |n| {
                let f = Filter {
                    q: Some(words[n % words.len()].into()),
                    dyad: Some(pairs[n % pairs.len()].into()),
                    ..Filter::default()
                };
                store.events(&f, 100, 0).map(drop).map_err(Into::into)
            }),
        ),
        (
            "per-day series of a dyad",
            Box::new(move |n| {
                let f = Filter {
                    dyad: Some(pairs[n % pairs.len()].into()),
                    ..Filter::default()
                };
                store.series(&f).map(drop).map_err(Into::into)
            }),
        ),
        (
            "graph of a month (200 edges)",
            Box::new(move |n| {
                let (from, to) = month(n);
                let f = Filter {
                    from: Some(from),
                    to: Some(to),
                    ..Filter::default()
                };
                store.graph(&f, 200).map(drop).map_err(Into::into)
            }),
        ),
        (
            "documents by full text",
            Box::new(move |n| {
                store
                    .documents(Some(words[n % words.len()]), 20, 0)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_and_in_range() {
        let (mut a, mut b) = (Lcg::new(7), Lcg::new(7));
        for _ in 0..1000 {
            let x = a.below(13);
            assert_eq!(x, b.below(13));
            assert!(x < 13);
        }
    }
}
