//! Scoring the quotes stage on PolNeAR's direct quotes.
//!
//! PolNeAR (`shared/data/quotes/polnear/`) annotates every attribution of political news in brat
//! standoff: a `Content` span, a `Source` span (absent for `Attribution-no-source`) and a `Cue`,
//! tied by an `E…` line. Offsets count the characters of the article's `.txt`. Articles that
//! several annotators did are scored once, with the first annotator's file (by name).
//!
//! **Which attributions are direct quotes.** A gold content is a direct quote when at least half
//! of its characters (spaces and the marks themselves not counted) lie inside double quote marks
//! (`"` or `“ ”`), the marks being read inside the content span widened by a mark that touches
//! it on either side, and a blank line closing any open mark. Whole quotes (`“…,” he said`) and
//! mostly-quoted clauses (`that “…”`) count; reported speech with a quoted word or two does not.
//! A quote stage can only find a content that is at least half quoted under the metric below, so
//! this is the set a quote stage should find.
//!
//! **Metric** (`shared/data/README.md`, "quotes/"): a gold direct quote is *found* when one
//! predicted quote overlaps its content by at least half of the content's characters. Its
//! speaker is *right* when the predicted speaker entity's mention nearest the quote (by
//! characters, mentions inside the quote left out) overlaps the gold source span; for a gold
//! quote without a source, when no speaker is predicted. A predicted quote is *precise* when it
//! finds some gold direct quote, or when at least half of its characters lie inside one (the
//! halves of `“…,” he said, “…”`, which PolNeAR annotates as one content).
//!
//! Each article goes through `annalist_extract` as `Format::Plain` and `Analyzer::analyze`; the
//! record's offsets are chars into `text`, which is the file itself (checked per article).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use annalist_core::{Analysis, Format};

/// A character span `[start, end)`.
pub type CharSpan = (usize, usize);

/// One gold attribution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// The content's spans (brat allows several).
    pub content: Vec<CharSpan>,
    /// The source's spans, empty when the attribution has none.
    pub source: Vec<CharSpan>,
}

/// One article with its attributions.
#[derive(Clone, Debug)]
pub struct Article {
    /// The file name without extension.
    pub name: String,
    /// The text.
    pub text: String,
    /// Its attributions.
    pub attributions: Vec<Attribution>,
}

/// Reads brat standoff: `T` lines give typed spans, `E` lines tie them. Lines that continue a
/// span's text over a line break are skipped.
pub fn read_ann(ann: &str) -> Vec<Attribution> {
    let mut spans: BTreeMap<&str, Vec<CharSpan>> = BTreeMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        let numbered = |p: char| {
            id.strip_prefix(p)
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let parsed: Option<Vec<CharSpan>> = ranges
                .split(';')
                .map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some((a.parse().ok()?, b.parse().ok()?))
                })
                .collect();
            if let Some(p) = parsed {
                spans.insert(id, p);
            }
        } else if numbered('E') {
            events.push(
                body.split_whitespace()
                    .filter_map(|kv| kv.split_once(':'))
                    .collect(),
            );
        }
    }
    events
        .into_iter()
        .filter_map(|args| {
            let get = |role: &str| {
                args.iter()
                    .find(|(k, _)| *k == role)
                    .and_then(|(_, v)| spans.get(v))
                    .cloned()
                    .unwrap_or_default()
            };
            let content = get("Content");
            (!content.is_empty()).then(|| Attribution {
                content,
                source: get("Source"),
            })
        })
        .collect()
}

/// The articles of one split (`train`, `dev`) under the PolNeAR folder.
pub fn load_split(polnear: &Path, split: &str) -> Result<Vec<Article>> {
    let dir = polnear.join(split);
    let mut files: Vec<_> = std::fs::read_dir(dir.join("attributions"))
        .with_context(|| format!("reading {}", dir.join("attributions").display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    files.sort();
    let mut out: Vec<Article> = Vec::new();
    for path in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // `name_annotator.ann`: the annotator is a hex id after the last underscore.
        let name = match stem.rsplit_once('_') {
            Some((n, a)) if a.bytes().all(|b| b.is_ascii_hexdigit()) => n,
            _ => stem,
        };
        if out.last().is_some_and(|a| a.name == name) {
            continue;
        }
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let Ok(text) = std::fs::read_to_string(&text_path) else {
            continue;
        };
        let ann = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        out.push(Article {
            name: name.to_string(),
            text,
            attributions: read_ann(&ann),
        });
    }
    Ok(out)
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// The share of the content's characters (spaces and marks not counted) that lie inside double
/// quote marks. See the module docs.
pub fn quoted_share(chars: &[char], content: &[CharSpan]) -> f64 {
    let (mut inside_count, mut total) = (0usize, 0usize);
    for &(s, e) in content {
        let (s, e) = (s.min(chars.len()), e.min(chars.len()));
        let from = if s > 0 && is_double_mark(chars[s - 1]) {
            s - 1
        } else {
            s
        };
        let to = if e < chars.len() && is_double_mark(chars[e]) {
            e + 1
        } else {
            e
        };
        let mut inside = false;
        for k in from..to {
            let c = chars[k];
            if c == '\n' && chars.get(k + 1) == Some(&'\n') {
                inside = false;
            }
            match c {
                '“' => inside = true,
                '”' => inside = false,
                '"' => inside = !inside,
                c if c.is_whitespace() => {}
                _ => {
                    if (s..e).contains(&k) {
                        total += 1;
                        if inside {
                            inside_count += 1;
                        }
                    }
                }
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        inside_count as f64 / total as f64
    }
}

/// Whether the content is a direct quote: at least half quoted.
pub fn is_direct(chars: &[char], content: &[CharSpan]) -> bool {
    quoted_share(chars, content) >= 0.5
}

fn overlap(a: CharSpan, b: CharSpan) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn overlap_all(a: CharSpan, spans: &[CharSpan]) -> usize {
    spans.iter().map(|&b| overlap(a, b)).sum()
}

fn length(spans: &[CharSpan]) -> usize {
    spans.iter().map(|s| s.1.saturating_sub(s.0)).sum()
}

/// The mention of `entity` nearest the quote, mentions inside it left out.
fn nearest_mention(a: &Analysis, entity: &str, quote: CharSpan) -> Option<CharSpan> {
    let e = a.entities.iter().find(|e| e.id == entity)?;
    e.mentions
        .iter()
        .map(|m| (m[0], m[1]))
        .filter(|&(s, t)| !(s >= quote.0 && t <= quote.1))
        .min_by_key(|&(s, t)| {
            // Before the quote, after it, or overlapping it (0).
            let gap = quote.0.saturating_sub(t).max(s.saturating_sub(quote.1));
            (gap, s)
        })
}

/// Per quote, the speaker's mention it was attributed through, if any.
type Mentions = Vec<Option<CharSpan>>;

/// Per quote of the record, the speaker's mention the stage attributed it through (chars),
/// with `quotes::find` and with `quotes::find_attaching`: the stage run again on the same text,
/// whose quotes must match the record's one for one.
fn speaker_mentions(
    analyzer: &annalist_nlp::Analyzer,
    doc: &annalist_core::Document,
    a: &Analysis,
) -> Option<(Mentions, Mentions)> {
    let sentences = annalist_nlp::sentences::split(&doc.text, &doc.paragraphs);
    let t = annalist_nlp::entities::Tokenized::new(&doc.text, &sentences);
    let found = annalist_nlp::entities::find(
        &t,
        analyzer.model(),
        analyzer.gazetteer(),
        doc.published.as_deref(),
    );
    let quotes = annalist_nlp::quotes::find(&t, &found);
    let mut extended = found.clone();
    let attaching = annalist_nlp::quotes::find_attaching(&t, &mut extended);
    let index = annalist_core::CharIndex::new(&doc.text);
    let same = quotes.len() == a.quotes.len()
        && attaching.len() == a.quotes.len()
        && quotes
            .iter()
            .zip(&a.quotes)
            .all(|(q, r)| index.span(q.span) == [r.start, r.end]);
    let chars = |qs: &[annalist_nlp::quotes::Quote]| -> Mentions {
        qs.iter()
            .map(|q| {
                q.speaker.and(q.mention.clone()).map(|m| {
                    let [s, e] = index.span(t.span(m));
                    (s, e)
                })
            })
            .collect()
    };
    same.then(|| (chars(&quotes), chars(&attaching)))
}

/// Counts over a set of articles.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Articles scored.
    pub articles: usize,
    /// Gold attributions.
    pub attributions: usize,
    /// Gold direct quotes.
    pub gold: usize,
    /// Of which found.
    pub found: usize,
    /// Of the found, with the right speaker.
    pub right: usize,
    /// Of the found, with the right speaker when `quotes::find_attaching` is used, which gives
    /// the entity list the speakers it lacked.
    pub right_attaching: usize,
    /// Of the found, with the right speaker when the record alone is read: the speaker entity's
    /// mention nearest the quote overlaps the gold source.
    pub right_nearest: usize,
    /// Of the found, gold quotes that have a source.
    pub found_with_source: usize,
    /// Of those, where some entity mention of the record overlaps the source.
    pub source_is_entity: usize,
    /// Of those, with the right speaker.
    pub right_entity_source: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Of which precise.
    pub precise: usize,
    /// Of the predicted, those with a speaker.
    pub predicted_with_speaker: usize,
    /// Articles whose record text differs from the file.
    pub offset_mismatches: usize,
    /// Why gold quotes were missed or misattributed, and why predictions were wrong.
    pub failures: BTreeMap<&'static str, usize>,
    /// A few examples per failure, for development.
    pub examples: BTreeMap<&'static str, Vec<String>>,
    /// Found quotes whose speaker is wrong even with `find_attaching`: the gold source, the
    /// mention given, the quote in context. For development.
    pub misattributed: Vec<String>,
}

impl Scores {
    fn fail(&mut self, why: &'static str, example: String) {
        *self.failures.entry(why).or_default() += 1;
        let list = self.examples.entry(why).or_default();
        if list.len() < 400 {
            list.push(example);
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn snippet(chars: &[char], s: CharSpan, pad: usize) -> String {
    let to = (s.1 + pad).min(chars.len());
    let from = s.0.saturating_sub(pad).min(to);
    let body: String = chars[from..to].iter().collect();
    body.replace('\n', "¶")
}

/// Analyses and scores `articles`.
pub fn score(analyzer: &annalist_nlp::Analyzer, articles: &[Article]) -> Scores {
    let mut sc = Scores::default();
    for art in articles {
        let input =
            annalist_extract::Input::new(&art.name, art.text.as_bytes()).with_format(Format::Plain);
        let Ok(doc) = annalist_extract::extract(&input) else {
            continue;
        };
        let a = analyzer.analyze(&doc);
        sc.articles += 1;
        let Some((attached, attaching)) = speaker_mentions(analyzer, &doc, &a) else {
            sc.offset_mismatches += 1;
            continue;
        };
        if a.text != art.text.replace("\r\n", "\n") {
            sc.offset_mismatches += 1;
        }
        let chars: Vec<char> = a.text.chars().collect();
        let preds: Vec<CharSpan> = a.quotes.iter().map(|q| (q.start, q.end)).collect();
        let gold: Vec<&Attribution> = art
            .attributions
            .iter()
            .filter(|g| is_direct(&chars, &g.content))
            .collect();
        sc.attributions += art.attributions.len();
        sc.gold += gold.len();
        sc.predicted += preds.len();
        sc.predicted_with_speaker += a.quotes.iter().filter(|q| q.speaker.is_some()).count();
        let all_mentions: Vec<CharSpan> = a
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| (m[0], m[1])))
            .collect();
        for g in &gold {
            let need = length(&g.content).div_ceil(2).max(1);
            let best = preds
                .iter()
                .enumerate()
                .map(|(k, &p)| (overlap_all(p, &g.content), k))
                .max();
            let here = (
                g.content.iter().map(|c| c.0).min().unwrap_or(0),
                g.content.iter().map(|c| c.1).max().unwrap_or(0),
            );
            let Some((ov, k)) = best.filter(|&(ov, _)| ov >= need) else {
                let why = if best.is_some_and(|(ov, _)| ov > 0) {
                    "missed: a predicted quote covers under half"
                } else {
                    "missed: no predicted quote overlaps"
                };
                sc.fail(why, snippet(&chars, here, 40));
                continue;
            };
            let _ = ov;
            sc.found += 1;
            let q = &a.quotes[k];
            let right = match (&q.speaker, g.source.is_empty()) {
                (None, true) => true,
                (Some(_), true) | (None, false) => false,
                (Some(_), false) => attached[k].is_some_and(|m| overlap_all(m, &g.source) > 0),
            };
            let right_nearest = match (&q.speaker, g.source.is_empty()) {
                (None, true) => true,
                (Some(_), true) | (None, false) => false,
                (Some(e), false) => {
                    nearest_mention(&a, e, preds[k]).is_some_and(|m| overlap_all(m, &g.source) > 0)
                }
            };
            if right_nearest {
                sc.right_nearest += 1;
            }
            let right_attaching = match (attaching[k], g.source.is_empty()) {
                (None, true) => true,
                (Some(_), true) | (None, false) => false,
                (Some(m), false) => overlap_all(m, &g.source) > 0,
            };
            if right_attaching {
                sc.right_attaching += 1;
            } else if sc.misattributed.len() < 2000 {
                let text = |x: CharSpan| -> String {
                    chars[x.0.min(chars.len())..x.1.min(chars.len())]
                        .iter()
                        .collect()
                };
                let source: Vec<String> = g.source.iter().map(|&x| text(x)).collect();
                sc.misattributed.push(format!(
                    "[{}] {{{}}} {}",
                    source.join(" … "),
                    attaching[k].map(text).unwrap_or_default(),
                    snippet(&chars, preds[k], 70)
                ));
            }
            let entity_source = !g.source.is_empty()
                && all_mentions
                    .iter()
                    .any(|&m| g.source.iter().any(|&s| overlap(m, s) > 0));
            if !g.source.is_empty() {
                sc.found_with_source += 1;
                if entity_source {
                    sc.source_is_entity += 1;
                    if right {
                        sc.right_entity_source += 1;
                    }
                }
            }
            if right {
                sc.right += 1;
                continue;
            }
            let source_text = g
                .source
                .iter()
                .map(|&s| {
                    chars[s.0.min(chars.len())..s.1.min(chars.len())]
                        .iter()
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" … ");
            let ex = format!("[{source_text}] {}", snippet(&chars, preds[k], 60));
            let why = match (&q.speaker, g.source.is_empty()) {
                (Some(_), true) => "speaker given where the gold has no source",
                (None, false) if entity_source => "no speaker; the source is an entity",
                (None, false) => "no speaker; the source is no entity of the record",
                (Some(e), false) => {
                    let holds = a.entities.iter().find(|x| &x.id == e).is_some_and(|x| {
                        x.mentions
                            .iter()
                            .any(|m| overlap_all((m[0], m[1]), &g.source) > 0)
                    });
                    if holds {
                        "right entity, but the mention the cue attaches to is not the source"
                    } else if entity_source {
                        "wrong entity; the source is an entity"
                    } else {
                        "wrong entity; the source is no entity of the record"
                    }
                }
                (None, true) => unreachable!("a null speaker for a sourceless quote is right"),
            };
            sc.fail(why, ex);
        }
        for &p in &preds {
            let plen = (p.1 - p.0).max(1);
            let ok = gold.iter().any(|g| {
                let ov = overlap_all(p, &g.content);
                ov >= length(&g.content).div_ceil(2).max(1) || 2 * ov >= plen
            });
            if ok {
                sc.precise += 1;
                continue;
            }
            let in_attribution = art
                .attributions
                .iter()
                .any(|g| 2 * overlap_all(p, &g.content) >= plen);
            let why = if in_attribution {
                "extra: a quoted phrase inside reported speech"
            } else {
                "extra: a quoted phrase outside any attribution"
            };
            sc.fail(why, snippet(&chars, p, 30));
        }
    }
    sc
}

/// The markdown report of the quotes stage on PolNeAR's dev split under `data` (the
/// `shared/data` folder).
pub fn evaluate(analyzer: &annalist_nlp::Analyzer, data: &Path, command: &str) -> Result<String> {
    let polnear = data.join("quotes/polnear");
    let articles = load_split(&polnear, "dev")?;
    let sc = score(analyzer, &articles);
    Ok(report(&sc, command, "dev"))
}

/// The markdown section for `sc`.
pub fn report(sc: &Scores, command: &str, split: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Quotes\n");
    let _ = writeln!(
        s,
        "Written by `{command}`. PolNeAR {split} ({} articles, {} attributions, {} of them direct quotes: \
         at least half of the content's characters inside double quote marks). Each article is read as \
         plain text and analysed whole (`crates/eval/src/quotes.rs` gives the rules).\n",
        sc.articles, sc.attributions, sc.gold
    );
    let _ = writeln!(s, "| measure | value | counts |");
    let _ = writeln!(s, "|---|---|---|");
    // One row: a share in percent, bold for the floors, with its counts.
    let mut row = |what: &str, n: usize, of: usize, bold: bool| {
        let pct = format!("{:.1}%", 100.0 * ratio(n, of));
        let pct = if bold { format!("**{pct}**") } else { pct };
        let _ = writeln!(s, "| {what} | {pct} | {n} of {of} |");
    };
    row(
        "direct quotes found (a predicted quote covers ≥ 50% of the gold content)",
        sc.found,
        sc.gold,
        true,
    );
    row(
        "found quotes with the right speaker, as `annalist analyze` writes them (`quotes::find_attaching`: the speaker mention the cue attaches to overlaps the gold source; speakers the entity stage missed are added to the entities)",
        sc.right_attaching,
        sc.found,
        true,
    );
    row(
        "the same, with `quotes::find` (the entities left as the entity stage found them)",
        sc.right,
        sc.found,
        false,
    );
    row(
        "the same, read from the record alone (the speaker's mention nearest the quote)",
        sc.right_nearest,
        sc.found,
        false,
    );
    row(
        "precision: predicted quotes that match a gold direct quote",
        sc.precise,
        sc.predicted,
        false,
    );
    row(
        "right speaker where the gold source is an entity of the record",
        sc.right_entity_source,
        sc.source_is_entity,
        false,
    );
    row(
        "predicted quotes with a speaker",
        sc.predicted_with_speaker,
        sc.predicted,
        false,
    );
    let _ = writeln!(s);
    let mut fails: Vec<(&&str, &usize)> = sc.failures.iter().collect();
    fails.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(s, "What fails, most first:\n");
    let _ = writeln!(s, "| failure | count |");
    let _ = writeln!(s, "|---|---|");
    for (why, n) in fails {
        let _ = writeln!(s, "| {why} | {n} |");
    }
    let wrong = sc.found - sc.right;
    let no_entity = sc
        .failures
        .get("no speaker; the source is no entity of the record")
        .copied()
        .unwrap_or(0)
        + sc.failures
            .get("wrong entity; the source is no entity of the record")
            .copied()
            .unwrap_or(0);
    let _ = writeln!(
        s,
        "\nMost wrong speakers ({no_entity} of {wrong}) are sources no entity of the record holds: \
         names the tagger missed (\"“…,” Gillibrand replied\"), descriptions (\"a spokesman\", \
         \"the statement\"), pronouns the entity stage left unresolved; `find_attaching` gives the \
         entity list the first and the last of these. Most extra quotes are quoted phrases inside \
         reported speech (\"called it “a disgrace”\"), which PolNeAR does not count as direct \
         quotes; most missed ones are contents PolNeAR joins over several quotes."
    );
    let _ = writeln!(
        s,
        "\nRecord text equals the file, and the stage run alone gives the record's quotes, in every \
         article: {}.\n",
        if sc.offset_mismatches == 0 {
            "yes".to_string()
        } else {
            format!("no, {} differ", sc.offset_mismatches)
        }
    );
    let _ = writeln!(s, "### How these figures are computed\n");
    let _ = writeln!(
        s,
        "- PolNeAR's `dev` split, each article once (the first annotator's file when several \
         annotated it), read with `Format::Plain` and `Analyzer::analyze`. Brat offsets count the \
         characters of the `.txt`; the record's count characters of `text`, which is the file.\n\
         - A gold attribution is a **direct quote** when at least half of its content's characters \
         (spaces and marks not counted) lie inside double quote marks (`\"`, `“ ”`), read within \
         the content span widened by a mark touching it; a blank line closes an open mark. Whole \
         quotes and mostly-quoted clauses (`that “…”`) count; reported speech with a quoted word \
         does not.\n\
         - **Found**: one predicted quote overlaps the gold content by at least half of the \
         content's characters.\n\
         - **Right speaker**: the mention through which the stage tied the quote to its speaker \
         (the cue's subject, the pronoun or name it resolved) overlaps the gold source span; a \
         gold quote without a source is right when no speaker is given. The stage is run again \
         beside `analyze` to read that mention, and must give the record's quotes. Read from the \
         record alone, the nearest mention of the speaker entity stands in for it (third line); \
         it is often another mention of the same person.\n\
         - **Precise**: a predicted quote finds a gold direct quote, or lies at least half inside \
         one (the halves of `“…,” he said, “…”`, which PolNeAR annotates as one content)."
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_lines_and_continuations() {
        let ann = "T1\tSource 0 2\tLi\nT2\tCue 3 7\tsaid\nT3\tContent 10 20;25 30\tab\ncontinued\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nE2\tAttribution-no-source:T9 Content:T3\n";
        let a = read_ann(ann);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].content, vec![(10, 20), (25, 30)]);
        assert_eq!(a[0].source, vec![(0, 2)]);
        assert!(a[1].source.is_empty());
    }

    #[test]
    fn direct_quotes_are_mostly_quoted() {
        let text: Vec<char> =
            "He said “we will win the whole thing,” and left. She said that the plan \
                               was “bold.”"
                .chars()
                .collect();
        let find = |s: &str| {
            let hay: String = text.iter().collect();
            let b = hay.find(s).unwrap();
            let start = hay[..b].chars().count();
            (start, start + s.chars().count())
        };
        // Content without its marks, marks just outside.
        assert!(is_direct(&text, &[find("we will win the whole thing,")]));
        // Reported speech with one quoted word.
        assert!(!is_direct(&text, &[find("that the plan was “bold.”")]));
    }

    /// Development only: the train split, with failure examples.
    /// `cargo test --release -p annalist-eval quotes::tests::train -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn train() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/quotes/polnear");
        let split = std::env::var("POLNEAR_SPLIT").unwrap_or_else(|_| "train".to_string());
        let Ok(articles) = load_split(&dir, &split) else {
            return;
        };
        let analyzer = annalist_nlp::Analyzer::new();
        let sc = score(&analyzer, &articles);
        println!("{}", report(&sc, "train", &split));
        // The quotes stage's own time beside the whole NLP stage's.
        let (mut whole, mut stage, mut words) = (0.0, 0.0, 0usize);
        for art in &articles {
            let doc = annalist_extract::extract(
                &annalist_extract::Input::new(&art.name, art.text.as_bytes())
                    .with_format(Format::Plain),
            )
            .unwrap();
            words += doc.text.split_whitespace().count();
            let started = std::time::Instant::now();
            let _ = analyzer.analyze(&doc);
            whole += started.elapsed().as_secs_f64();
            let sentences = annalist_nlp::sentences::split(&doc.text, &doc.paragraphs);
            let t = annalist_nlp::entities::Tokenized::new(&doc.text, &sentences);
            let mut found =
                annalist_nlp::entities::find(&t, analyzer.model(), analyzer.gazetteer(), None);
            let started = std::time::Instant::now();
            let _ = annalist_nlp::quotes::find_attaching(&t, &mut found);
            stage += started.elapsed().as_secs_f64();
        }
        println!(
            "\n{words} words: whole NLP stage {:.0} words/s, quotes stage alone {:.0} words/s",
            words as f64 / whole,
            words as f64 / stage
        );
        println!("\n### misattributed with find_attaching");
        for e in &sc.misattributed {
            println!("- {e}");
        }
        for (why, list) in &sc.examples {
            println!("\n### {why}");
            for e in list {
                println!("- {e}");
            }
        }
    }
}
