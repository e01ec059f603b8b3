//! Named-entity data, training and scoring: GMB for training and its held-out tenth, WikiGold
//! out of domain.
//!
//! The metric is exact-span F1, micro-averaged over PER, ORG and LOC (our PLACE), with titles
//! stripped from gold person spans ("President Bush" → "Bush") by the same title list the
//! tagger learns from, as the spaCy figure in `../shared/data/README.md` was measured.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use annalist_nlp::ner::features::Prepared;
use annalist_nlp::ner::train::Example;
use annalist_nlp::ner::{spans, Kind, Label, Model};
use annalist_nlp::titles::skip_titles;
use anyhow::{bail, Context, Result};

/// A gold sentence: tokens and BIO labels.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// The tokens.
    pub words: Vec<String>,
    /// One label per token.
    pub labels: Vec<Label>,
}

fn gmb_kind(tag: &str) -> Option<Kind> {
    match tag {
        "per" => Some(Kind::Person),
        "org" => Some(Kind::Org),
        "geo" => Some(Kind::Place),
        "gpe" => Some(Kind::Norp),
        "eve" => Some(Kind::Event),
        _ => None, // tim, art, nat
    }
}

/// Reads `gmb-train.csv.gz`: `Sentence #, Word, POS, Tag`, a sentence starting at each
/// non-empty first column.
pub fn read_gmb(path: &Path) -> Result<Vec<Sentence>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(flate2::read::GzDecoder::new(file));
    let mut out: Vec<Sentence> = Vec::new();
    for rec in rdr.records() {
        let rec = rec.with_context(|| format!("reading {}", path.display()))?;
        if rec.len() < 4 {
            continue;
        }
        if !rec[0].is_empty() || out.is_empty() {
            out.push(Sentence {
                words: Vec::new(),
                labels: Vec::new(),
            });
        }
        let s = out.last_mut().unwrap();
        let tag = &rec[3];
        let label = match tag.split_once('-') {
            Some((bio, t)) => match gmb_kind(t) {
                Some(k) if bio == "B" => Label::begin(k),
                Some(k) => {
                    // An I- after something else starts a name.
                    let prev = s.labels.last().copied().unwrap_or(Label::O);
                    if prev.kind() == Some(k) {
                        Label::inside(k)
                    } else {
                        Label::begin(k)
                    }
                }
                None => Label::O,
            },
            None => Label::O,
        };
        s.words.push(rec[1].to_string());
        s.labels.push(label);
    }
    if out.is_empty() {
        bail!("{}: no sentences", path.display());
    }
    Ok(out)
}

/// Reads WikiGold's CoNLL file (`index word tag`, blank lines between sentences), with LOC as
/// PLACE and MISC dropped.
pub fn read_wikigold(path: &Path) -> Result<Vec<Sentence>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = vec![Sentence {
        words: Vec::new(),
        labels: Vec::new(),
    }];
    for line in BufReader::new(file).lines() {
        let line = line?;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            if !out.last().unwrap().words.is_empty() {
                out.push(Sentence {
                    words: Vec::new(),
                    labels: Vec::new(),
                });
            }
            continue;
        }
        let kind = match cols[2].split_once('-').map(|(_, t)| t) {
            Some("PER") => Some(Kind::Person),
            Some("ORG") => Some(Kind::Org),
            Some("LOC") => Some(Kind::Place),
            _ => None,
        };
        let s = out.last_mut().unwrap();
        let label = match kind {
            Some(k)
                if cols[2].starts_with("I-")
                    && s.labels.last().and_then(|l| l.kind()) == Some(k) =>
            {
                Label::inside(k)
            }
            Some(k) => Label::begin(k),
            None => Label::O,
        };
        s.words.push(cols[1].to_string());
        s.labels.push(label);
    }
    out.retain(|s| !s.words.is_empty());
    Ok(out)
}

/// The labels with titles taken off the front of every person span.
pub fn strip_person_titles(words: &[String], labels: &[Label]) -> Vec<Label> {
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut out = labels.to_vec();
    for f in spans(labels) {
        if f.kind != Kind::Person {
            continue;
        }
        let first = skip_titles(&refs, f.start, f.end);
        for l in &mut out[f.start..first] {
            *l = Label::O;
        }
        if first < f.end {
            out[first] = Label::begin(Kind::Person);
        }
    }
    out
}

/// The training examples of `sentences`, person titles stripped, with gazetteer flags.
pub fn examples(sentences: &[Sentence], gaz: &dyn Fn(&[&str]) -> Vec<u16>) -> Vec<Example> {
    sentences
        .iter()
        .map(|s| {
            let refs: Vec<&str> = s.words.iter().map(String::as_str).collect();
            Example {
                words: s.words.clone(),
                labels: strip_person_titles(&s.words, &s.labels),
                gaz: gaz(&refs),
            }
        })
        .collect()
}

/// Counts of one type.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Predicted spans that match gold exactly.
    pub tp: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.predicted.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Exact-span scores per kind, and micro over PER, ORG and PLACE.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Per kind name.
    pub by_kind: BTreeMap<&'static str, Counts>,
    /// PER + ORG + PLACE.
    pub micro: Counts,
    /// Tokens tagged.
    pub tokens: usize,
}

/// Tags `sentences` with `model` and scores them against their gold (person titles stripped).
pub fn score(model: &Model, sentences: &[Sentence], gaz: &dyn Fn(&[&str]) -> Vec<u16>) -> Scores {
    let mut scores = Scores::default();
    for s in sentences {
        let refs: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let gold = spans(&strip_person_titles(&s.words, &s.labels));
        let pred = spans(&model.predict(&Prepared::new(refs.clone(), gaz(&refs))));
        scores.tokens += refs.len();
        for k in Kind::ALL {
            let g: Vec<_> = gold.iter().filter(|f| f.kind == k).collect();
            let p: Vec<_> = pred.iter().filter(|f| f.kind == k).collect();
            let tp = p.iter().filter(|f| g.contains(f)).count();
            let c = scores.by_kind.entry(k.name()).or_default();
            c.tp += tp;
            c.predicted += p.len();
            c.gold += g.len();
            if matches!(k, Kind::Person | Kind::Org | Kind::Place) {
                scores.micro.tp += tp;
                scores.micro.predicted += p.len();
                scores.micro.gold += g.len();
            }
        }
    }
    scores
}

/// GMB split: sentences before this share of the file train, the rest is held out.
pub const TRAIN_SHARE: (usize, usize) = (9, 10);

/// The training and held-out parts of GMB.
pub fn split(all: &[Sentence]) -> (&[Sentence], &[Sentence]) {
    let cut = all.len() * TRAIN_SHARE.0 / TRAIN_SHARE.1;
    all.split_at(cut)
}

/// Trains the tagger on GMB's first nine tenths under `data` (the `shared/data` folder) and
/// writes it to `out`. Returns a summary.
pub fn train_gmb(
    gazetteer: &annalist_nlp::gazetteer::Gazetteer,
    data: &Path,
    out: &Path,
    settings: &annalist_nlp::ner::train::Settings,
) -> Result<String> {
    let all = read_gmb(&data.join("ner/gmb-train.csv.gz"))?;
    let (train, _) = split(&all);
    let gaz = |w: &[&str]| annalist_nlp::entities::mentions::gazetteer_flags(gazetteer, w);
    let ex = examples(train, &gaz);
    let started = std::time::Instant::now();
    let model = annalist_nlp::ner::train::train(&ex, settings, |epoch, acc| {
        eprintln!("annalist-train: epoch {epoch}: training accuracy {acc:.4}");
    });
    let mut bytes = Vec::new();
    model.write(&mut bytes)?;
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(format!(
        "trained on {} sentences ({} tokens) in {:.1} s: {} features, {} bytes written to {}",
        ex.len(),
        ex.iter().map(|e| e.words.len()).sum::<usize>(),
        started.elapsed().as_secs_f64(),
        model.features(),
        bytes.len(),
        out.display()
    ))
}

/// Scores the analyzer's tagger on GMB's held-out tenth and on WikiGold; the markdown report.
pub fn evaluate(analyzer: &annalist_nlp::Analyzer, data: &Path, command: &str) -> Result<String> {
    use std::fmt::Write as _;
    let all = read_gmb(&data.join("ner/gmb-train.csv.gz"))?;
    let (_, held) = split(&all);
    let g = analyzer.gazetteer();
    let gaz = |w: &[&str]| annalist_nlp::entities::mentions::gazetteer_flags(g, w);
    let started = std::time::Instant::now();
    let gmb = score(analyzer.model(), held, &gaz);
    let secs = started.elapsed().as_secs_f64();
    let wiki_path = data.join("ner/wikigold/wikigold.conllu");
    let wiki = if wiki_path.exists() {
        Some(score(analyzer.model(), &read_wikigold(&wiki_path)?, &gaz))
    } else {
        None
    };
    let mut s = String::new();
    let _ = writeln!(s, "## Entities\n");
    let _ = writeln!(
        s,
        "Written by `{command}`. Exact-span F1, micro-averaged over PER, ORG and LOC (our GPE and LOC \
         against GMB's `geo`), titles stripped from gold person spans (\"President Bush\" → \"Bush\"; \
         `annalist_nlp::titles`), on the last tenth of `gmb-train.csv.gz` ({} sentences, {} tokens), \
         which the shipped model never saw (`annalist-train ner` trains on the first nine tenths). \
         Gold tokenisation; the tagger alone, gazetteer features included.\n",
        held.len(),
        gmb.tokens
    );
    let _ = writeln!(
        s,
        "| tool | GMB held-out F1 (PER/ORG/LOC) | tokens/s, one thread |"
    );
    let _ = writeln!(s, "|---|---|---|");
    let (p, r, f) = gmb.micro.prf();
    let _ = writeln!(
        s,
        "| **annalist** tagger (measured here) | **{f:.3}** (P {p:.3}, R {r:.3}) | {:.0} (tagger + gazetteer flags) |",
        gmb.tokens as f64 / secs.max(1e-9)
    );
    let _ = writeln!(
        s,
        "| spaCy en_core_web_sm 3.8 (quoted from `shared/data/README.md`) | 0.653 | 13,300 (tokenizer + NER) |\n"
    );
    let _ = writeln!(s, "Per type on GMB's held-out tenth:\n");
    let _ = writeln!(s, "| type | gold | predicted | P | R | F1 |");
    let _ = writeln!(s, "|---|---|---|---|---|---|");
    for (k, c) in &gmb.by_kind {
        let (p, r, f) = c.prf();
        let name = match *k {
            "PLACE" => "LOC (GMB geo)",
            "NORP" => "NORP (GMB gpe)",
            "EVENT" => "EVENT (GMB eve)",
            other => other,
        };
        let _ = writeln!(
            s,
            "| {name} | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
            c.gold, c.predicted
        );
    }
    let pipe = score_pipeline(analyzer, held, 25);
    let (pp, pr, pf) = pipe.prf();
    let _ = writeln!(
        s,
        "\nThe whole entity stage (`Analyzer::analyze`: our tokenizer, the tagger, the repairs with the \
         gazetteer and the text, grouping) on the same held-out tenth, 25 sentences per document, tokens \
         joined by spaces: name mentions against gold spans, F1 **{pf:.3}** (P {pp:.3}, R {pr:.3})."
    );
    if let Some(w) = wiki {
        let (p, r, f) = w.micro.prf();
        let _ = writeln!(
            s,
            "\nOut of domain, WikiGold (Wikipedia, {} tokens, PER/ORG/LOC, MISC left out, no training on it): \
             F1 **{f:.3}** (P {p:.3}, R {r:.3}). Its conventions differ from GMB's (nationalities are MISC there, \
             and many of its names are of bands, albums and clubs), so this is a floor on unseen text, not a \
             like-for-like figure.",
            w.tokens
        );
    }
    Ok(s)
}

/// Scores the whole entity stage (tokenizer, tagger, repairs, grouping) on gold sentences: each
/// run of `per_doc` sentences becomes one plain document, tokens joined by spaces, one sentence
/// per paragraph; predicted name mentions (pronouns and lowercase descriptions left out) are
/// compared with the gold spans, person titles stripped. Returns micro counts over PER/ORG/LOC.
pub fn score_pipeline(
    analyzer: &annalist_nlp::Analyzer,
    sentences: &[Sentence],
    per_doc: usize,
) -> Counts {
    let mut c = Counts::default();
    for chunk in sentences.chunks(per_doc.max(1)) {
        let mut text = String::new();
        let mut gold: Vec<(usize, usize, &'static str)> = Vec::new();
        let mut chars = 0usize;
        for s in chunk {
            if !text.is_empty() {
                text.push_str("\n\n");
                chars += 2;
            }
            let labels = strip_person_titles(&s.words, &s.labels);
            let mut starts = Vec::with_capacity(s.words.len());
            for (k, w) in s.words.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                    chars += 1;
                }
                starts.push(chars);
                text.push_str(w);
                chars += w.chars().count();
            }
            for f in spans(&labels) {
                let kind = match f.kind {
                    Kind::Person => "PER",
                    Kind::Org => "ORG",
                    Kind::Place => "LOC",
                    _ => continue,
                };
                let end = starts[f.end - 1] + s.words[f.end - 1].chars().count();
                gold.push((starts[f.start], end, kind));
            }
        }
        let input = annalist_extract::Input::new("gmb", text.as_bytes())
            .with_format(annalist_core::Format::Plain);
        let Ok(doc) = annalist_extract::extract(&input) else {
            c.gold += gold.len();
            continue;
        };
        let a = analyzer.analyze(&doc);
        let all: Vec<char> = a.text.chars().collect();
        let mut predicted: Vec<(usize, usize, &'static str)> = Vec::new();
        for e in &a.entities {
            let kind = match e.kind.as_str() {
                "PERSON" => "PER",
                "ORG" => "ORG",
                "GPE" | "LOC" => "LOC",
                _ => continue,
            };
            for m in &e.mentions {
                let first = all.get(m[0]).copied().unwrap_or(' ');
                if first.is_uppercase() {
                    predicted.push((m[0], m[1], kind));
                }
            }
        }
        predicted.sort_unstable();
        predicted.dedup();
        c.gold += gold.len();
        c.predicted += predicted.len();
        c.tp += predicted.iter().filter(|p| gold.contains(p)).count();
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_off_gold_person_spans() {
        let words: Vec<String> = ["President", "George", "Bush", "visited", "Iraq"]
            .map(String::from)
            .to_vec();
        let p = Label::begin(Kind::Person);
        let pi = Label::inside(Kind::Person);
        let g = Label::begin(Kind::Place);
        let got = strip_person_titles(&words, &[p, pi, pi, Label::O, g]);
        assert_eq!(got, [Label::O, p, pi, Label::O, g]);
    }
}
