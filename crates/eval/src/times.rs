//! Scoring time expressions on TimeBank and AQUAINT (TBAQ-cleaned, TempEval-3's training data)
//! with TempEval-3's measures.
//!
//! Each `.tml` file's `<TEXT>` becomes a plain document (tags dropped, entities decoded) whose
//! publication date is the file's DCT; gold TIMEX3 spans are char offsets into that text. A
//! prediction matches a gold expression when they overlap (relaxed) or coincide (strict), one to
//! one in text order. Value F1 counts a relaxed match with the gold's exact `value` as a true
//! positive: P over predictions, R over gold — the figure HeidelTime's 77.6 is.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

/// A gold expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Gold {
    /// First char.
    pub start: usize,
    /// Char after the last.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One document: the text, its DCT and the gold expressions.
#[derive(Clone, Debug)]
pub struct TimeDoc {
    /// File name.
    pub name: String,
    /// The document creation time (an ISO date).
    pub dct: String,
    /// The plain text of `<TEXT>`.
    pub text: String,
    /// Gold expressions.
    pub gold: Vec<Gold>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_string())
}

/// Reads one `.tml` file.
pub fn read_tml(name: &str, xml: &str) -> Option<TimeDoc> {
    let dct_at = xml.find("functionInDocument=\"CREATION_TIME\"")?;
    let tag_start = xml[..dct_at].rfind('<')?;
    let tag_end = xml[dct_at..].find('>')? + dct_at;
    let dct = attr(&xml[tag_start..tag_end], "value")?;
    let body_start = xml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = xml[body_start..].find("</TEXT>")? + body_start;
    let body = &xml[body_start..body_end];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>')?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                open = Some((
                    chars,
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((start, kind, value)) = open.take() {
                    gold.push(Gold {
                        start,
                        end: chars,
                        kind,
                        value,
                    });
                }
            }
            i += close + 1;
            continue;
        }
        if rest.starts_with('&') {
            if let Some(semi) = rest.find(';').filter(|&k| k < 8) {
                let decoded = match &rest[..=semi] {
                    "&amp;" => Some('&'),
                    "&lt;" => Some('<'),
                    "&gt;" => Some('>'),
                    "&quot;" => Some('"'),
                    "&apos;" => Some('\''),
                    _ => None,
                };
                if let Some(c) = decoded {
                    text.push(c);
                    chars += 1;
                    i += semi + 1;
                    continue;
                }
            }
        }
        let c = rest.chars().next()?;
        text.push(c);
        chars += 1;
        i += c.len_utf8();
    }
    Some(TimeDoc {
        name: name.to_string(),
        dct: dct.get(..10).unwrap_or(&dct).to_string(),
        text,
        gold,
    })
}

/// Reads every `.tml` file under `dir/TimeBank` and `dir/AQUAINT`, sorted by name.
pub fn read_tbaq(dir: &Path) -> Result<Vec<TimeDoc>> {
    let mut docs = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        let d = dir.join(sub);
        let mut names: Vec<_> = std::fs::read_dir(&d)
            .with_context(|| format!("reading {}", d.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tml"))
            .collect();
        names.sort();
        for p in names {
            let xml =
                std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if let Some(doc) = read_tml(&name, &xml) {
                docs.push(doc);
            }
        }
    }
    Ok(docs)
}

/// Counts over a set of documents.
#[derive(Clone, Debug, Default)]
pub struct TimeScores {
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
    /// Relaxed (overlapping) matches.
    pub relaxed: usize,
    /// Strict (exact) matches.
    pub strict: usize,
    /// Relaxed matches with the gold value.
    pub value: usize,
    /// Relaxed matches with the gold type.
    pub kind: usize,
    /// Wrong values: (gold text, gold value, ours), for the report.
    pub misses: Vec<(String, String, String)>,
    /// Our expressions that match no gold one.
    pub extras: Vec<String>,
}

fn f1(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Runs the analyzer on every document and scores its times.
pub fn score(analyzer: &annalist_nlp::Analyzer, docs: &[TimeDoc]) -> TimeScores {
    let mut s = TimeScores::default();
    for d in docs {
        let input = annalist_extract::Input::new(&d.name, d.text.as_bytes())
            .with_format(annalist_core::Format::Plain);
        let Ok(mut doc) = annalist_extract::extract(&input) else {
            s.gold += d.gold.len();
            continue;
        };
        doc.published = Some(d.dct.clone());
        let a = analyzer.analyze(&doc);
        let chars: Vec<char> = d.text.chars().collect();
        s.gold += d.gold.len();
        s.predicted += a.times.len();
        let mut used = vec![false; a.times.len()];
        for g in &d.gold {
            let hit = a
                .times
                .iter()
                .enumerate()
                .find(|(k, p)| !used[*k] && p.start < g.end && g.start < p.end);
            let text: String = chars[g.start.min(chars.len())..g.end.min(chars.len())]
                .iter()
                .collect();
            match hit {
                Some((k, p)) => {
                    used[k] = true;
                    s.relaxed += 1;
                    s.strict += usize::from(p.start == g.start && p.end == g.end);
                    s.kind += usize::from(p.kind == g.kind);
                    if p.value == g.value {
                        s.value += 1;
                    } else {
                        s.misses.push((text, g.value.clone(), p.value.clone()));
                    }
                }
                None => s
                    .misses
                    .push((text, g.value.clone(), "(not found)".to_string())),
            }
        }
        for (k, p) in a.times.iter().enumerate() {
            if !used[k] {
                s.extras.push(p.text.to_lowercase());
            }
        }
    }
    s
}

/// A Duckling line: the expression, the start of the interval it denotes, and its grain.
#[derive(Clone, Debug)]
pub struct DucklingCase {
    /// The expression.
    pub text: String,
    /// `YYYY-MM-DDTHH:MM:SS`.
    pub start: String,
    /// second, minute, hour, day, week, month, quarter or year.
    pub grain: String,
}

/// Reads `duckling-time-en.tsv`.
pub fn read_duckling(path: &Path) -> Result<Vec<DucklingCase>> {
    let body =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(body
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("expression\t"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(DucklingCase {
                text: f.next()?.replace("\\\"", "\""),
                start: f.next()?.to_string(),
                grain: f.next()?.to_string(),
            })
        })
        .collect())
}

/// The TIMEX3 value that names Duckling's interval start at its grain, if the grain has one.
pub fn duckling_value(start: &str, grain: &str) -> Option<String> {
    let date = start.get(..10)?;
    Some(match grain {
        "year" => start.get(..4)?.to_string(),
        "month" => start.get(..7)?.to_string(),
        "quarter" => {
            let m: u32 = start.get(5..7)?.parse().ok()?;
            format!("{}-Q{}", start.get(..4)?, (m - 1) / 3 + 1)
        }
        "week" => annalist_nlp::times::calendar::Date::parse(date)?.week_value(),
        "day" => date.to_string(),
        "hour" | "minute" => format!("{date}T{}", start.get(11..16)?),
        _ => return None,
    })
}

/// Scores the analyzer on the Duckling list: (right, scored, found), where "right" means the first
/// expression found in the line has the value of Duckling's interval start at its grain.
pub fn score_duckling(
    analyzer: &annalist_nlp::Analyzer,
    cases: &[DucklingCase],
) -> (usize, usize, usize) {
    let (mut right, mut scored, mut found) = (0, 0, 0);
    for c in cases {
        let Some(want) = duckling_value(&c.start, &c.grain) else {
            continue;
        };
        scored += 1;
        let input = annalist_extract::Input::new("duckling", c.text.as_bytes())
            .with_format(annalist_core::Format::Plain);
        let Ok(mut doc) = annalist_extract::extract(&input) else {
            continue;
        };
        doc.published = Some("2013-02-12".to_string());
        let a = analyzer.analyze(&doc);
        if let Some(t) = a.times.first() {
            found += 1;
            right += usize::from(t.value == want);
        }
    }
    (right, scored, found)
}

/// The markdown report on TimeBank + AQUAINT under `data` (the `shared/data` folder).
pub fn evaluate(analyzer: &annalist_nlp::Analyzer, data: &Path, command: &str) -> Result<String> {
    let docs = read_tbaq(&data.join("timex/tbaq"))?;
    let started = std::time::Instant::now();
    let sc = score(analyzer, &docs);
    let secs = started.elapsed().as_secs_f64();
    let mut out = String::new();
    let _ = writeln!(out, "## Times\n");
    let _ = writeln!(
        out,
        "Written by `{command}`. TimeBank + AQUAINT (TBAQ-cleaned, {} documents, {} gold TIMEX3), each \
         `<TEXT>` read as a plain document with its DCT as the publication date, scored with TempEval-3's \
         measures: relaxed = overlapping spans, strict = identical spans, value F1 = relaxed matches with \
         the gold value (P over our expressions, R over gold). {:.1} s for the whole analysis of all documents.\n",
        docs.len(),
        sc.gold,
        secs
    );
    let (rp, rr, rf) = f1(sc.relaxed, sc.predicted, sc.gold);
    let (sp, sr, sf) = f1(sc.strict, sc.predicted, sc.gold);
    let (vp, vr, vf) = f1(sc.value, sc.predicted, sc.gold);
    let _ = writeln!(out, "| measure | P | R | F1 |");
    let _ = writeln!(out, "|---|---|---|---|");
    let _ = writeln!(out, "| span, relaxed | {rp:.3} | {rr:.3} | {rf:.3} |");
    let _ = writeln!(out, "| span, strict | {sp:.3} | {sr:.3} | {sf:.3} |");
    let _ = writeln!(out, "| **value** | {vp:.3} | {vr:.3} | **{vf:.3}** |");
    let _ = writeln!(
        out,
        "\nType accuracy over relaxed matches: {:.3}; value accuracy over relaxed matches: {:.3}.\n",
        sc.kind as f64 / sc.relaxed.max(1) as f64,
        sc.value as f64 / sc.relaxed.max(1) as f64
    );
    let _ = writeln!(
        out,
        "Peers (published, TempEval-3 test set, value F1): HeidelTime 0.776, SUTime 0.674. TBAQ is TempEval-3's \
         training data and older newswire (1989–1998); our rules were written from the TIMEX3 guidelines and \
         checked against it, so read this as a development figure.\n"
    );
    let duckling = data.join("timex/duckling/duckling-time-en.tsv");
    if duckling.exists() {
        let cases = read_duckling(&duckling)?;
        let (right, scored, found) = score_duckling(analyzer, &cases);
        let _ = writeln!(
            out,
            "Duckling's list ({scored} expressions with a day, week, month, quarter, year, hour or minute grain, \
             reference 2013-02-12, a Tuesday): an expression is right when the first time we find in it has the \
             value of Duckling's interval start at its grain. **{right} right ({:.1}%)**, {found} with some time \
             found. The list is written for a chat assistant (\"3pm tomorrow\", \"in few hours\", time zones) and \
             reads bare weekdays and months forward, where news — and annalist — reads them back: \"Monday\" is \
             2013-02-18 for Duckling and 2013-02-11 for us. dateparser 1.5.0 gets 22% (quoted from \
             `shared/data/README.md`).\n",
            100.0 * right as f64 / scored.max(1) as f64
        );
    }
    let mut counts: std::collections::BTreeMap<(String, String, String), usize> =
        Default::default();
    for m in &sc.misses {
        *counts
            .entry((m.0.to_lowercase(), m.1.clone(), m.2.clone()))
            .or_default() += 1;
    }
    let mut top: Vec<_> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let _ = writeln!(out, "Most frequent misses (gold text, gold value, ours):\n");
    for ((text, gold, ours), n) in top.iter().take(
        std::env::var("ANNALIST_EVAL_MISSES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(12),
    ) {
        let _ = writeln!(out, "- {n} × \"{text}\": {gold} vs {ours}");
    }
    let mut extra: std::collections::BTreeMap<&str, usize> = Default::default();
    for e in &sc.extras {
        *extra.entry(e.as_str()).or_default() += 1;
    }
    let mut extra: Vec<_> = extra.into_iter().collect();
    extra.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = extra
        .iter()
        .take(12)
        .map(|(t, n)| format!("\"{t}\" ({n})"))
        .collect();
    let _ = writeln!(
        out,
        "\nOurs with no gold expression ({} in all; TBAQ leaves many generic uses untagged): {}.",
        sc.extras.len(),
        shown.join(", ")
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tml_text_and_gold_offsets() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>A &amp; B met <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT></TimeML>"#;
        let d = read_tml("x.tml", xml).unwrap();
        assert_eq!(d.dct, "1998-08-07");
        assert_eq!(d.text, "A & B met Friday.");
        let g = &d.gold[0];
        let got: String = d.text.chars().skip(g.start).take(g.end - g.start).collect();
        assert_eq!(got, "Friday");
        assert_eq!(g.value, "1998-08-07");
    }
}
