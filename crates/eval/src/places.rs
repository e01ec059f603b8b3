//! Scoring the places stage on GeoVirus (Gritta et al., 2018): 229 Wikinews articles about
//! disease outbreaks, each toponym marked with its span and the coordinates of its Wikipedia page.
//!
//! Two figures, as `../shared/data/README.md` defines them:
//!
//! - **accuracy within 161 km** over the gold toponyms *found*: a gold toponym is found when an
//!   entity that the places stage resolved has a mention overlapping it, and it is right when that
//!   place lies within 161 km (100 miles) of the gold point, by the haversine distance;
//! - **toponym precision, recall and F1**: a predicted GPE or LOC mention matches a gold toponym
//!   when their spans overlap.
//!
//! The gold spans are 1-based: `<start>` and `<end>` are one more than the char offsets of the
//! name in `<text>` (checked for every toponym: [`read_geovirus`] keeps a toponym only where its
//! name stands at the corrected span).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use annalist_core::Analysis;
use anyhow::{bail, Context, Result};

/// The distance within which a resolved place counts as right, in km (100 miles).
pub const RIGHT_WITHIN_KM: f64 = 161.0;

/// A gold toponym.
#[derive(Clone, Debug, PartialEq)]
pub struct Toponym {
    /// The name as the text writes it.
    pub name: String,
    /// First char, 0-based, into the article's text.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Gold latitude.
    pub lat: f64,
    /// Gold longitude.
    pub lon: f64,
}

/// A GeoVirus article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Its Wikinews address.
    pub source: String,
    /// The text, which the places stage reads as plain input.
    pub text: String,
    /// The gold toponyms.
    pub toponyms: Vec<Toponym>,
}

/// Reads `GeoVirus.xml`; also returns how many toponyms were left out because their name does
/// not stand at their span (shifted by one, or not).
pub fn read_geovirus(path: &Path) -> Result<(Vec<Article>, usize)> {
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_geovirus(&xml).with_context(|| format!("cannot parse {}", path.display()))
}

/// [`read_geovirus`] on the file's text.
pub fn parse_geovirus(xml: &str) -> Result<(Vec<Article>, usize)> {
    let doc = roxmltree::Document::parse(xml)?;
    let child_text = |n: roxmltree::Node<'_, '_>, tag: &str| -> String {
        n.children()
            .find(|c| c.has_tag_name(tag))
            .and_then(|c| c.text())
            .unwrap_or("")
            .to_string()
    };
    let mut articles = Vec::new();
    let mut misaligned = 0;
    for a in doc.descendants().filter(|n| n.has_tag_name("article")) {
        let text = child_text(a, "text");
        let chars: Vec<char> = text.chars().collect();
        let mut toponyms = Vec::new();
        for l in a.descendants().filter(|n| n.has_tag_name("location")) {
            let name = child_text(l, "name");
            let num = |tag: &str| child_text(l, tag).trim().parse::<f64>().ok();
            let (Some(start), Some(end), Some(lat), Some(lon)) =
                (num("start"), num("end"), num("lat"), num("lon"))
            else {
                misaligned += 1;
                continue;
            };
            let (start, end) = (start as usize, end as usize);
            // 1-based spans, as the file has them; 0-based ones are accepted too.
            let at = |s: usize, e: usize| {
                e <= chars.len() && s < e && chars[s..e].iter().copied().eq(name.chars())
            };
            let span = [(start.wrapping_sub(1), end.wrapping_sub(1)), (start, end)]
                .into_iter()
                .find(|&(s, e)| at(s, e));
            match span {
                Some((start, end)) => toponyms.push(Toponym {
                    name,
                    start,
                    end,
                    lat,
                    lon,
                }),
                None => misaligned += 1,
            }
        }
        articles.push(Article {
            source: child_text(a, "source"),
            text,
            toponyms,
        });
    }
    if articles.is_empty() {
        bail!("no <article> elements");
    }
    Ok((articles, misaligned))
}

/// The great-circle distance in km between two points given in degrees (mean Earth radius).
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// What became of one gold toponym.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// No GPE or LOC mention overlaps it.
    Missed,
    /// A GPE or LOC mention overlaps it, but its entity has no place.
    Unresolved,
    /// Resolved: the place's name and country, and the error in km.
    Resolved {
        /// The place's name.
        name: String,
        /// Its country.
        country: Option<String>,
        /// The distance to the gold point.
        km: f64,
    },
}

/// One article scored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleScore {
    /// Per gold toponym, in the article's order.
    pub outcomes: Vec<Outcome>,
    /// Predicted GPE and LOC mentions.
    pub predicted: usize,
    /// Predicted GPE and LOC mentions that overlap a gold toponym.
    pub predicted_matched: usize,
}

/// Scores the record of one article against its gold toponyms.
pub fn score_article(a: &Analysis, gold: &[Toponym]) -> ArticleScore {
    let overlaps = |m: &[usize; 2], t: &Toponym| m[0] < t.end && t.start < m[1];
    // Predicted place mentions: (span, entity index).
    let mut mentions: Vec<([usize; 2], usize)> = Vec::new();
    for (k, e) in a.entities.iter().enumerate() {
        if e.kind == "GPE" || e.kind == "LOC" {
            mentions.extend(e.mentions.iter().map(|&m| (m, k)));
        }
    }
    mentions.sort_unstable();
    let place_of: BTreeMap<&str, &annalist_core::PlaceRecord> =
        a.places.iter().map(|p| (p.entity.as_str(), p)).collect();
    let mut score = ArticleScore {
        predicted: mentions.len(),
        predicted_matched: mentions
            .iter()
            .filter(|(m, _)| gold.iter().any(|t| overlaps(m, t)))
            .count(),
        ..ArticleScore::default()
    };
    for t in gold {
        // The overlapping mention sharing the most chars with the gold span, placed ones first.
        let best = mentions
            .iter()
            .filter(|(m, _)| overlaps(m, t))
            .map(|&(m, k)| {
                let shared = m[1].min(t.end) - m[0].max(t.start);
                let place = place_of.get(a.entities[k].id.as_str()).copied();
                (place.is_some(), shared, std::cmp::Reverse(m[0]), place)
            })
            .max_by_key(|&(placed, shared, start, _)| (placed, shared, start));
        score.outcomes.push(match best {
            None => Outcome::Missed,
            Some((_, _, _, None)) => Outcome::Unresolved,
            Some((_, _, _, Some(p))) => Outcome::Resolved {
                name: p.name.clone(),
                country: p.country.clone(),
                km: haversine_km((p.lat, p.lon), (t.lat, t.lon)),
            },
        });
    }
    score
}

/// The figures over a set of scored articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Gold toponyms.
    pub gold: usize,
    /// Gold toponyms a GPE or LOC mention overlaps.
    pub detected: usize,
    /// Gold toponyms found: resolved by the places stage.
    pub found: usize,
    /// Found and within [`RIGHT_WITHIN_KM`].
    pub right: usize,
    /// Predicted GPE and LOC mentions.
    pub predicted: usize,
    /// Predicted GPE and LOC mentions overlapping a gold toponym.
    pub predicted_matched: usize,
    /// The errors of the found toponyms, km, ascending.
    pub errors: Vec<f64>,
}

impl Summary {
    /// Sums the article scores.
    pub fn of(scores: &[ArticleScore]) -> Summary {
        let mut s = Summary::default();
        for a in scores {
            s.predicted += a.predicted;
            s.predicted_matched += a.predicted_matched;
            for o in &a.outcomes {
                s.gold += 1;
                match o {
                    Outcome::Missed => {}
                    Outcome::Unresolved => s.detected += 1,
                    Outcome::Resolved { km, .. } => {
                        s.detected += 1;
                        s.found += 1;
                        s.right += usize::from(*km <= RIGHT_WITHIN_KM);
                        s.errors.push(*km);
                    }
                }
            }
        }
        s.errors.sort_by(f64::total_cmp);
        s
    }

    /// Accuracy within 161 km over the toponyms found.
    pub fn accuracy(&self) -> f64 {
        ratio(self.right, self.found)
    }

    /// Toponym precision, recall and F1 (mention overlap).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.predicted_matched, self.predicted);
        let r = ratio(self.detected, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Mean and median error of the found toponyms, km.
    pub fn mean_median(&self) -> (f64, f64) {
        if self.errors.is_empty() {
            return (0.0, 0.0);
        }
        let mean = self.errors.iter().sum::<f64>() / self.errors.len() as f64;
        let n = self.errors.len();
        let median = if n % 2 == 1 {
            self.errors[n / 2]
        } else {
            (self.errors[n / 2 - 1] + self.errors[n / 2]) / 2.0
        };
        (mean, median)
    }

    /// The area under the curve of log errors (Gritta et al.; 0 is perfect, 1 the worst): the
    /// mean of ln(1 + km) / ln(20,039), half the Earth's circumference.
    pub fn auc(&self) -> f64 {
        if self.errors.is_empty() {
            return 0.0;
        }
        let max = (1.0f64 + 20_039.0).ln();
        self.errors
            .iter()
            .map(|e| (1.0 + e).ln() / max)
            .sum::<f64>()
            / self.errors.len() as f64
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Runs the analyzer on one article, read as plain input.
pub fn analyze(analyzer: &annalist_nlp::Analyzer, article: &Article) -> Result<Analysis> {
    let input = annalist_extract::Input::new(&article.source, article.text.as_bytes())
        .with_format(annalist_extract::Format::Plain);
    let doc = annalist_extract::extract(&input)
        .with_context(|| format!("cannot read article {}", article.source))?;
    Ok(analyzer.analyze(&doc))
}

/// The markdown report of the places stage on GeoVirus under `data` (the `shared/data` folder).
pub fn evaluate(analyzer: &annalist_nlp::Analyzer, data: &Path, command: &str) -> Result<String> {
    let (articles, misaligned) = read_geovirus(&data.join("geo/geovirus/GeoVirus.xml"))?;
    let started = std::time::Instant::now();
    let mut scores = Vec::with_capacity(articles.len());
    let mut words = 0usize;
    for article in &articles {
        let a = analyze(analyzer, article)?;
        words += article.text.split_whitespace().count();
        scores.push(score_article(&a, &article.toponyms));
    }
    let secs = started.elapsed().as_secs_f64();
    let speed = Speed {
        pipeline: words as f64 / secs.max(1e-9),
        places: places_speed(analyzer, &articles)?,
    };
    Ok(render(command, &articles, &scores, misaligned, &speed))
}

/// Throughput, one thread.
struct Speed {
    /// The whole pipeline, extraction included: words/s.
    pipeline: f64,
    /// The places stage alone: (entities/s, words/s).
    places: (f64, f64),
}

/// Times [`annalist_nlp::places::resolve`] alone on the articles (the stages before it run
/// untimed), over a few passes.
fn places_speed(analyzer: &annalist_nlp::Analyzer, articles: &[Article]) -> Result<(f64, f64)> {
    const PASSES: usize = 5;
    let g = analyzer.gazetteer();
    let (mut secs, mut entities, mut words) = (0.0, 0usize, 0usize);
    for article in articles {
        let input = annalist_extract::Input::new(&article.source, article.text.as_bytes())
            .with_format(annalist_extract::Format::Plain);
        let doc = annalist_extract::extract(&input)
            .with_context(|| format!("cannot read article {}", article.source))?;
        let sentences = annalist_nlp::sentences::split(&doc.text, &doc.paragraphs);
        let t = annalist_nlp::entities::Tokenized::new(&doc.text, &sentences);
        let found = annalist_nlp::entities::find(&t, analyzer.model(), g, None);
        let started = std::time::Instant::now();
        for _ in 0..PASSES {
            std::hint::black_box(annalist_nlp::places::resolve(&t, g, &found));
        }
        secs += started.elapsed().as_secs_f64();
        entities += PASSES * found.len();
        words += PASSES * doc.text.split_whitespace().count();
    }
    let secs = secs.max(1e-9);
    Ok((entities as f64 / secs, words as f64 / secs))
}

/// The report: the figures, the peers' published ones, and the commonest failures.
fn render(
    command: &str,
    articles: &[Article],
    scores: &[ArticleScore],
    misaligned: usize,
    speed: &Speed,
) -> String {
    let s = Summary::of(scores);
    let (p, r, f) = s.prf();
    let (mean, median) = s.mean_median();
    let mut out = String::new();
    let _ = writeln!(out, "## Places\n");
    let _ = writeln!(
        out,
        "Written by `{command}`. GeoVirus (Gritta et al., 2018; `shared/data/geo/geovirus/`): {} Wikinews \
         articles about disease outbreaks, {} gold toponyms{}, each read as plain input by the whole pipeline \
         (entities, then places). A toponym is *found* when a place entity with a resolved point has a mention \
         overlapping it; it is *right* when that point lies within {RIGHT_WITHIN_KM} km (100 miles) of the gold \
         point (its Wikipedia coordinates), by the haversine distance. Toponym P/R/F1 counts a predicted GPE or \
         LOC mention as a match when it overlaps a gold toponym; GeoVirus marks only the toponyms its annotators \
         resolved, so precision is a floor. GeoVirus is also the set the places stage was developed on (its rules \
         and hand-written points were checked against these errors), so these are development figures, not \
         held-out ones.\n",
        articles.len(),
        s.gold,
        if misaligned > 0 {
            format!(" ({misaligned} more left out: their name does not stand at their span)")
        } else {
            String::new()
        },
    );
    let _ = writeln!(out, "| figure | annalist (measured here) |");
    let _ = writeln!(out, "|---|---|");
    let _ = writeln!(
        out,
        "| **accuracy within 161 km**, over the toponyms found | **{:.3}** ({} of {}) |",
        s.accuracy(),
        s.right,
        s.found
    );
    let _ = writeln!(
        out,
        "| accuracy within 161 km over all gold toponyms (not found = wrong) | {:.3} |",
        ratio(s.right, s.gold)
    );
    let _ = writeln!(
        out,
        "| toponyms found (resolved) / detected (a GPE or LOC mention) | {} / {} of {} |",
        s.found, s.detected, s.gold
    );
    let _ = writeln!(
        out,
        "| toponym precision / recall / F1 (mention overlap) | {p:.3} / {r:.3} / **{f:.3}** |"
    );
    let _ = writeln!(
        out,
        "| error of the found toponyms: mean / median | {mean:.0} km / {median:.1} km |"
    );
    let _ = writeln!(
        out,
        "| AUC of log errors (Gritta et al.; lower is better) | {:.3} |",
        s.auc()
    );
    let _ = writeln!(
        out,
        "| speed, one thread: the places stage alone / the whole pipeline (extraction included) | \
         {:.0} entities/s ({:.0} words/s) / {:.0} words/s |\n",
        speed.places.0, speed.places.1, speed.pipeline
    );
    let _ = writeln!(
        out,
        "Peers, quoted (not measured here) from `shared/data/README.md`; none is measured on GeoVirus by the same \
         script, so these are orders of magnitude, not a ranking:\n"
    );
    let _ = writeln!(out, "| tool | accuracy within 161 km | on |");
    let _ = writeln!(out, "|---|---|---|");
    let _ = writeln!(
        out,
        "| CLAVIN | 0.70–0.94 | other news corpora |\n\
         | Edinburgh geoparser | 0.82–0.92 | other news corpora |\n\
         | Mordecai (the issue's named peer) | no figure quoted in `shared/data` | — |\n"
    );

    // What fails most: wrong points by gold name, then toponyms never resolved.
    // Gold name → what it was resolved to, and how far off.
    let mut wrong: BTreeMap<&str, Vec<(String, f64)>> = BTreeMap::new();
    let mut unfound: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (article, score) in articles.iter().zip(scores) {
        for (t, o) in article.toponyms.iter().zip(&score.outcomes) {
            match o {
                Outcome::Resolved { name, country, km } if *km > RIGHT_WITHIN_KM => {
                    let label = format!("{name} ({})", country.as_deref().unwrap_or("—"));
                    wrong.entry(&t.name).or_default().push((label, *km));
                }
                Outcome::Resolved { .. } => {}
                Outcome::Missed => unfound.entry(&t.name).or_default().0 += 1,
                Outcome::Unresolved => unfound.entry(&t.name).or_default().1 += 1,
            }
        }
    }
    let mut wrong: Vec<_> = wrong.into_iter().collect();
    wrong.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    // Wrong points named as the gold is: the right entry (a country, a continent) whose
    // reference point lies elsewhere than the gold's.
    let same_name = wrong
        .iter()
        .flat_map(|(name, got)| got.iter().map(move |g| (name, g)))
        .filter(|(name, g)| g.0.split(" (").next() == Some(**name) && g.1 < 1000.0)
        .count();
    let _ = writeln!(
        out,
        "The wrong points, by gold name ({} toponyms found but off by more than {RIGHT_WITHIN_KM} km; {same_name} of \
         them resolved to an entry of the gold's own name less than 1,000 km off: the right country, state or \
         continent, whose reference point differs from the gold's Wikipedia coordinate):\n",
        s.found - s.right
    );
    let _ = writeln!(out, "| gold name | times | resolved to | median error |");
    let _ = writeln!(out, "|---|---|---|---|");
    for (name, mut got) in wrong.into_iter().take(15) {
        let n = got.len();
        got.sort_by(|a, b| a.1.total_cmp(&b.1));
        let median = got[got.len() / 2].1;
        let mut labels: Vec<String> = got.into_iter().map(|g| g.0).collect();
        labels.sort();
        labels.dedup();
        let _ = writeln!(
            out,
            "| {name} | {n} | {} | {median:.0} km |",
            labels.join("; ")
        );
    }
    let mut unfound: Vec<_> = unfound.into_iter().collect();
    unfound.sort_by(|a, b| (b.1 .0 + b.1 .1).cmp(&(a.1 .0 + a.1 .1)).then(a.0.cmp(b.0)));
    let _ = writeln!(
        out,
        "\nThe toponyms most often not found ({} in all: {} with no GPE or LOC mention, {} tagged but not in the \
         gazetteer or not resolved):\n",
        s.gold - s.found,
        s.gold - s.detected,
        s.detected - s.found
    );
    let _ = writeln!(out, "| gold name | not tagged | tagged, unresolved |");
    let _ = writeln!(out, "|---|---|---|");
    for (name, (missed, unresolved)) in unfound.into_iter().take(15) {
        let _ = writeln!(out, "| {name} | {missed} | {unresolved} |");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = "<articles><article><source>x</source>\
        <text>Rain in Paris, France.</text><locations>\
        <location><name>Paris</name><start>9</start><end>14</end><lat>48.85</lat><lon>2.35</lon></location>\
        <location><name>France</name><start>16</start><end>22</end><lat>47</lat><lon>2</lon></location>\
        <location><name>Nowhere</name><start>1</start><end>8</end><lat>0</lat><lon>0</lon></location>\
        </locations></article><!--<article></article>--></articles>";

    #[test]
    fn spans_are_one_based() {
        let (articles, misaligned) = parse_geovirus(XML).unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(misaligned, 1);
        let t = &articles[0].toponyms;
        assert_eq!((t[0].start, t[0].end), (8, 13));
        assert_eq!(&articles[0].text[8..13], "Paris");
        assert_eq!((t[1].start, t[1].end), (15, 21));
    }

    #[test]
    fn haversine() {
        // One degree of latitude is about 111.2 km.
        assert!((haversine_km((0.0, 0.0), (1.0, 0.0)) - 111.2).abs() < 0.1);
        // Paris to London, about 344 km.
        let d = haversine_km((48.8566, 2.3522), (51.5074, -0.1278));
        assert!((d - 344.0).abs() < 2.0, "{d}");
        assert_eq!(haversine_km((10.0, 20.0), (10.0, 20.0)), 0.0);
    }

    #[test]
    fn found_right_and_missed() {
        let (articles, _) = parse_geovirus(XML).unwrap();
        let a: Analysis = serde_json::from_value(serde_json::json!({
            "schema": "annalist/1",
            "doc": {"id": "0", "source": "x", "url": null, "language": "en", "published": null,
                    "title": null, "description": null, "authors": [], "captions": []},
            "text": articles[0].text,
            "paragraphs": [], "sentences": [],
            "entities": [
                {"id": "E1", "type": "GPE", "name": "Paris", "roles": [], "country": "FRA",
                 "actor": null, "mentions": [[8, 13]]},
                {"id": "E2", "type": "GPE", "name": "France", "roles": [], "country": "FRA",
                 "actor": null, "mentions": [[15, 21]]},
                {"id": "E3", "type": "GPE", "name": "Rain", "roles": [], "country": null,
                 "actor": null, "mentions": [[0, 4]]}
            ],
            "times": [], "quotes": [], "events": [],
            "places": [
                {"entity": "E1", "name": "Paris", "country": "USA", "lat": 33.66, "lon": -95.56,
                 "geonameid": 4717560}
            ]
        }))
        .unwrap();
        let score = score_article(&a, &articles[0].toponyms);
        assert!(matches!(score.outcomes[0], Outcome::Resolved { km, .. } if km > 7000.0));
        assert_eq!(score.outcomes[1], Outcome::Unresolved);
        assert_eq!((score.predicted, score.predicted_matched), (3, 2));
        let s = Summary::of(&[score]);
        assert_eq!((s.gold, s.detected, s.found, s.right), (2, 2, 1, 0));
        let (p, r, _) = s.prf();
        assert!((p - 2.0 / 3.0).abs() < 1e-12 && (r - 1.0).abs() < 1e-12);
    }
}
