//! Scoring extraction output page by page and set by set, and the markdown report.
//!
//! The binary runs the extractor; this module only turns ([`Page`], [`Prediction`]) pairs into
//! [`PageResult`]s and those into a report, so it can be tested without data or extractor.

use std::fmt::Write as _;

use crate::datasets::{Page, Set};
use crate::metrics::{self, Counts, Prf, ShingleScores, SnippetCounts, SnippetScores, WordScores};
use crate::peers::PEERS;

/// What an extractor returned for one page (empty when it failed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prediction {
    /// The body text.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The publication date (ISO date or datetime).
    pub published: Option<String>,
    /// The authors' names.
    pub authors: Vec<String>,
    /// Why the extractor gave nothing (an error or a panic), if it failed.
    pub error: Option<String>,
}

impl Prediction {
    /// The prediction read from an extracted document.
    pub fn from_document(doc: &annalist_core::Document) -> Prediction {
        Prediction {
            text: doc.text.clone(),
            title: doc.title.clone(),
            published: doc.published.clone(),
            authors: doc.authors.clone(),
            error: None,
        }
    }

    /// An empty prediction for a page the extractor failed on.
    pub fn failed(error: String) -> Prediction {
        Prediction {
            error: Some(error),
            ..Prediction::default()
        }
    }
}

/// A metadata check on one page: `None` when the gold has no value.
pub type Check = Option<bool>;

/// One page's scores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageResult {
    /// The page id.
    pub id: String,
    /// WCXB's page type.
    pub page_type: Option<String>,
    /// Snippet counts (trafilatura-eval).
    pub snippet: Option<SnippetCounts>,
    /// Shingle counts against the gold text.
    pub shingle: Option<Counts>,
    /// Word P/R/F1 against the gold text.
    pub word: Option<Prf>,
    /// WCXB's share of `with` snippets found and of `without` snippets found (lowercased
    /// substring match, as WCXB's `snippet_check`).
    pub wcxb_snippets: Option<(f64, f64)>,
    /// Title equal to the gold's after whitespace and case normalisation.
    pub title: Check,
    /// Date equal to the gold's (the gold's `YYYY-MM-DD`, or `YYYY-MM`, as a prefix).
    pub date: Check,
    /// Some predicted author's name found, token-wise, in the gold byline.
    pub author: Check,
    /// The first predicted author equal to the byline's first name.
    pub first_author: Check,
    /// A title, date, author given where the gold has none.
    pub spurious: [bool; 3],
    /// Characters of output and of gold text.
    pub chars: (usize, usize),
    /// The extractor's failure, if any.
    pub error: Option<String>,
}

impl PageResult {
    /// The score pages are ranked by in `--worst`: snippet F1, WCXB word F1, shingle F1.
    pub fn rank_score(&self, set: Set) -> f64 {
        match set {
            Set::TrafilaturaEval => self.snippet.map_or(0.0, |c| {
                let d = 2 * c.tp + c.fp + c.fn_;
                if d == 0 {
                    1.0
                } else {
                    2.0 * c.tp as f64 / d as f64
                }
            }),
            Set::WcxbDev => self.word.map_or(0.0, |w| w.f1),
            Set::Cleaneval | Set::ReadabilityPages => self.shingle.map_or(0.0, |c| c.f1()),
        }
    }

    /// The precision and recall shown beside the rank score in `--worst`.
    pub fn rank_pr(&self, set: Set) -> (Option<f64>, Option<f64>) {
        match set {
            Set::TrafilaturaEval => self.snippet.map_or((None, None), |c| {
                let p = (c.tp + c.fp > 0).then(|| c.precision());
                (p, Some(c.recall()))
            }),
            Set::WcxbDev => self
                .word
                .map_or((None, None), |w| (Some(w.precision), Some(w.recall))),
            Set::Cleaneval | Set::ReadabilityPages => self
                .shingle
                .map_or((None, None), |c| (c.precision(), c.recall())),
        }
    }
}

/// Scores one page of `set`.
pub fn score_page(set: Set, page: &Page, pred: &Prediction) -> PageResult {
    let gold = &page.gold;
    let mut r = PageResult {
        id: page.id.clone(),
        page_type: gold.page_type.clone(),
        error: pred.error.clone(),
        chars: (
            pred.text.chars().count(),
            gold.text.as_deref().map_or(0, |t| t.chars().count()),
        ),
        ..PageResult::default()
    };
    if set == Set::TrafilaturaEval {
        r.snippet = Some(metrics::snippet_counts(
            &pred.text,
            &gold.with,
            &gold.without,
        ));
    }
    if let Some(text) = &gold.text {
        r.shingle = Some(metrics::shingle_counts(text, &pred.text));
        r.word = Some(metrics::word_prf(text, &pred.text));
    }
    if set == Set::WcxbDev {
        let lower = pred.text.to_lowercase();
        let rate = |snips: &[String]| {
            if snips.is_empty() {
                1.0
            } else {
                snips
                    .iter()
                    .filter(|s| lower.contains(&s.to_lowercase()))
                    .count() as f64
                    / snips.len() as f64
            }
        };
        r.wcxb_snippets = Some((rate(&gold.with), rate(&gold.without)));
        r.title = gold.title.as_ref().map(|g| {
            pred.title
                .as_ref()
                .is_some_and(|p| metrics::normalize_title(p) == metrics::normalize_title(g))
        });
        r.date = gold.date.as_ref().map(|g| {
            let g = g.trim();
            let g = g.get(..10).unwrap_or(g);
            pred.published
                .as_ref()
                .is_some_and(|p| p.trim().starts_with(g))
        });
        r.author = gold.author.as_ref().map(|g| author_found(&pred.authors, g));
        r.first_author = gold
            .author
            .as_ref()
            .map(|g| first_author_equal(&pred.authors, g));
        r.spurious = [
            gold.title.is_none() && pred.title.is_some(),
            gold.date.is_none() && pred.published.is_some(),
            gold.author.is_none() && !pred.authors.is_empty(),
        ];
    }
    r
}

/// Whether a predicted name, normalised with [`metrics::normalize_name`], occurs as a run of
/// whole tokens in the normalised gold byline.
pub fn author_found(pred: &[String], gold: &str) -> bool {
    let g = format!(" {} ", metrics::normalize_name(gold));
    pred.iter()
        .map(|a| metrics::normalize_name(a))
        .any(|a| !a.is_empty() && g.contains(&format!(" {a} ")))
}

/// Whether the first predicted name equals the byline's first name (the byline cut at `,`, `;`,
/// `&`, `|` or ` and `), both normalised with [`metrics::normalize_name`].
pub fn first_author_equal(pred: &[String], gold: &str) -> bool {
    let first = gold.split([',', ';', '&', '|']).next().unwrap_or("");
    let first = first.split(" and ").next().unwrap_or("");
    let g = metrics::normalize_name(first);
    pred.first()
        .is_some_and(|a| !g.is_empty() && metrics::normalize_name(a) == g)
}

/// One set's scores.
#[derive(Clone, Debug)]
pub struct SetReport {
    /// The set.
    pub set: Set,
    /// Per-page results, in the set's page order.
    pub pages: Vec<PageResult>,
    /// Pages that could not be read (id and error); they are not scored.
    pub unreadable: Vec<(String, String)>,
}

/// Aggregates of a group of pages with gold text.
#[derive(Clone, Debug, Default)]
pub struct TextScores {
    /// Pages in the group.
    pub pages: usize,
    /// Shingle P/R/F1.
    pub shingle: Prf,
    /// Word P/R/F1 (means of per-page values).
    pub word: Prf,
    /// Mean share of WCXB `with` and `without` snippets found.
    pub wcxb_snippets: Option<(f64, f64)>,
}

impl TextScores {
    /// Aggregates `pages`.
    pub fn of<'a>(pages: impl IntoIterator<Item = &'a PageResult>) -> TextScores {
        let mut sh = ShingleScores::new();
        let mut wo = WordScores::new();
        let (mut with, mut without, mut n_snip) = (0.0, 0.0, 0usize);
        let mut n = 0;
        for p in pages {
            n += 1;
            if let Some(c) = p.shingle {
                sh.add(c);
            }
            if let Some(w) = p.word {
                wo.add(w);
            }
            if let Some((a, b)) = p.wcxb_snippets {
                with += a;
                without += b;
                n_snip += 1;
            }
        }
        TextScores {
            pages: n,
            shingle: sh.prf(),
            word: wo.prf(),
            wcxb_snippets: (n_snip > 0).then(|| (with / n_snip as f64, without / n_snip as f64)),
        }
    }
}

impl SetReport {
    /// Pages whose extraction failed (counted as empty output).
    pub fn failures(&self) -> usize {
        self.pages.iter().filter(|p| p.error.is_some()).count()
    }

    /// The snippet score (trafilatura-eval).
    pub fn snippets(&self) -> SnippetScores {
        let mut s = SnippetScores::default();
        for c in self.pages.iter().filter_map(|p| p.snippet) {
            s.add(c);
        }
        s
    }

    /// Text scores over all pages.
    pub fn text(&self) -> TextScores {
        TextScores::of(&self.pages)
    }

    /// Text scores over the pages whose type satisfies `keep`.
    pub fn text_where(&self, keep: impl Fn(&str) -> bool) -> TextScores {
        TextScores::of(
            self.pages
                .iter()
                .filter(|p| keep(p.page_type.as_deref().unwrap_or("article"))),
        )
    }

    /// The page types present, sorted, articles first.
    pub fn page_types(&self) -> Vec<String> {
        let mut types: Vec<String> = self
            .pages
            .iter()
            .filter_map(|p| p.page_type.clone())
            .collect();
        types.sort_by_key(|t| (t != "article", t.clone()));
        types.dedup();
        types
    }

    /// The `n` lowest-scoring pages, worst first (ties by id).
    pub fn worst(&self, n: usize) -> Vec<&PageResult> {
        let mut v: Vec<&PageResult> = self.pages.iter().collect();
        v.sort_by(|a, b| {
            a.rank_score(self.set)
                .total_cmp(&b.rank_score(self.set))
                .then_with(|| a.id.cmp(&b.id))
        });
        v.truncate(n);
        v
    }
}

fn tally(pages: &[PageResult], get: impl Fn(&PageResult) -> Check) -> (usize, usize) {
    pages
        .iter()
        .filter_map(get)
        .fold((0, 0), |(hit, all), ok| (hit + usize::from(ok), all + 1))
}

fn f3(x: f64) -> String {
    format!("{x:.3}")
}

fn opt3(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), f3)
}

fn rate(hit: usize, all: usize) -> String {
    if all == 0 {
        "—".to_string()
    } else {
        format!("{:.3}", hit as f64 / all as f64)
    }
}

/// Options that change what the report says about how it was made.
#[derive(Clone, Debug, Default)]
pub struct ReportContext {
    /// The command line that produced the report, as shown in its header.
    pub command: String,
    /// `--limit`, if one was given.
    pub limit: Option<usize>,
    /// The name of the extractor scored ("annalist", or a baseline).
    pub extractor: String,
}

/// The markdown report of `reports`.
pub fn render(ctx: &ReportContext, reports: &[SetReport]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Extraction\n");
    let _ = writeln!(
        s,
        "Written by `{}` (crate `annalist-eval`); run it again to refresh, do not edit by hand.",
        ctx.command
    );
    let _ = writeln!(
        s,
        "Data: `shared/data/extraction/` (see its README). Metrics: `crates/eval/src/metrics.rs`, notes at the end."
    );
    if let Some(n) = ctx.limit {
        let _ = writeln!(
            s,
            "\n**Only the first {n} pages of each set were scored (`--limit {n}`): these figures are not comparable \
             with the peers'.**"
        );
    }
    let _ = writeln!(s, "\n### Beside the peers\n");
    let find = |set: Set| reports.iter().find(|r| r.set == set);
    let ours = [
        find(Set::TrafilaturaEval).map(|r| r.snippets().prf().f1),
        find(Set::WcxbDev).map(|r| r.text().word.f1),
        find(Set::Cleaneval).map(|r| r.text().shingle.f1),
    ];
    let _ = writeln!(
        s,
        "| tool | trafilatura-eval snippet F1 | wcxb-dev word F1 | cleaneval shingle F1 |"
    );
    let _ = writeln!(s, "|---|---|---|---|");
    let _ = writeln!(
        s,
        "| **{}** (measured here) | {} | {} | {} |",
        ctx.extractor,
        bold(ours[0]),
        bold(ours[1]),
        bold(ours[2])
    );
    for p in PEERS {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            p.tool,
            opt3(p.trafilatura_snippet_f1),
            opt3(p.wcxb_word_f1),
            opt3(p.cleaneval_shingle_f1)
        );
    }
    let _ = writeln!(
        s,
        "\nThe peers' figures are quoted from `shared/data/README.md` (its \"extraction/\" table), not measured by \
         this command."
    );

    for r in reports {
        let _ = writeln!(s, "\n### {}\n", r.set);
        let _ = write!(s, "{} pages scored", r.pages.len());
        let failures = r.failures();
        if failures > 0 {
            let _ = write!(
                s,
                "; the extractor failed on {failures} (scored as empty output)"
            );
        }
        if !r.unreadable.is_empty() {
            let _ = write!(
                s,
                "; {} pages could not be read and are left out",
                r.unreadable.len()
            );
        }
        let _ = writeln!(s, ".\n");
        match r.set {
            Set::TrafilaturaEval => render_snippets(&mut s, r),
            Set::WcxbDev => render_wcxb(&mut s, r),
            Set::Cleaneval | Set::ReadabilityPages => {
                let _ = writeln!(
                    s,
                    "| pages | shingle P | shingle R | shingle F1 | word P | word R | word F1 |"
                );
                let _ = writeln!(s, "|---|---|---|---|---|---|---|");
                text_row(&mut s, None, &r.text(), false);
            }
        }
    }
    s.push_str(NOTES);
    s
}

fn bold(x: Option<f64>) -> String {
    x.map_or_else(|| "not run".to_string(), |v| format!("**{v:.3}**"))
}

fn render_snippets(s: &mut String, r: &SetReport) {
    let sc = r.snippets();
    let t = sc.total;
    let prf = sc.prf();
    let _ = writeln!(
        s,
        "| snippets | P | R | F1 | accuracy | TP | FN | FP | TN |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|");
    let _ = writeln!(
        s,
        "| {} with, {} without | {} | {} | {} | {} | {} | {} | {} | {} |",
        t.tp + t.fn_,
        t.fp + t.tn,
        f3(prf.precision),
        f3(prf.recall),
        f3(prf.f1),
        f3(t.accuracy()),
        t.tp,
        t.fn_,
        t.fp,
        t.tn
    );
}

fn text_row(s: &mut String, label: Option<&str>, t: &TextScores, snippets: bool) {
    let mut row = String::new();
    if let Some(l) = label {
        let _ = write!(row, "| {l} ");
    }
    let _ = write!(
        row,
        "| {} | {} | {} | {} | {} | {} | {} |",
        t.pages,
        f3(t.shingle.precision),
        f3(t.shingle.recall),
        f3(t.shingle.f1),
        f3(t.word.precision),
        f3(t.word.recall),
        f3(t.word.f1)
    );
    if snippets {
        let (w, wo) = t.wcxb_snippets.unwrap_or((0.0, 0.0));
        let _ = write!(row, " {} | {} |", f3(w), f3(wo));
    }
    let _ = writeln!(s, "{row}");
}

fn render_wcxb(s: &mut String, r: &SetReport) {
    let _ = writeln!(
        s,
        "| pages | n | shingle P | shingle R | shingle F1 | word P | word R | word F1 | `with` found | `without` found |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|---|");
    text_row(s, Some("**all**"), &r.text(), true);
    text_row(s, Some("article"), &r.text_where(|t| t == "article"), true);
    text_row(s, Some("other"), &r.text_where(|t| t != "article"), true);
    for t in r.page_types().iter().filter(|t| *t != "article") {
        text_row(s, Some(&format!("· {t}")), &r.text_where(|x| x == t), true);
    }
    let _ = writeln!(
        s,
        "\n| metadata | pages with gold | matched | rate | given where the gold has none |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|");
    type Getter = fn(&PageResult) -> Check;
    let spurious = |i: usize| r.pages.iter().filter(|p| p.spurious[i]).count();
    let no_gold = |get: Getter| r.pages.iter().filter(|p| get(p).is_none()).count();
    let rows: [(&str, Getter, Option<usize>); 4] = [
        (
            "title (exact, case and spaces normalised)",
            |p| p.title,
            Some(0),
        ),
        ("date (the gold's YYYY-MM-DD)", |p| p.date, Some(1)),
        (
            "author (a predicted name in the byline)",
            |p| p.author,
            Some(2),
        ),
        ("first author (exact)", |p| p.first_author, None),
    ];
    for (label, get, sp) in rows {
        let (hit, all) = tally(&r.pages, get);
        let sp = sp.map_or_else(
            || "".to_string(),
            |i| format!("{} of {}", spurious(i), no_gold(get)),
        );
        let _ = writeln!(s, "| {label} | {all} | {hit} | {} | {sp} |", rate(hit, all));
    }
}

const NOTES: &str = "
### How these figures are computed

- Each page is given to `annalist_extract::extract` as HTML (format forced), with its URL when the set
  has one (trafilatura-eval, wcxb-dev, and CleanEval's `<text id=…>` wrapper, which is otherwise left in
  the page as the peers had it). Only `Document::text` is scored as the body; the title is not added.
  A page the extractor fails on (error or panic) counts as empty output.
- **Snippet score** (trafilatura's `tests/eval_common.py`): output and snippets are whitespace-normalised
  (every run of Unicode whitespace becomes one space, ends trimmed, as its `norm`), then each snippet is
  a case-sensitive substring test; P, R, F1 and accuracy are over all snippets of all pages.
- **Shingle F1** (ScrapingHub/Zyte article-extraction-benchmark `evaluate.py`): tokens are `\\w+`
  (Unicode, case kept); a text is the multiset of its 4-token shingles (a text of 1–3 tokens is one
  shingle); per page tp/fp/fn are the multiset overlap and excesses, scaled to sum to 1; P is the mean
  page precision over pages with tp+fp > 0, R the mean page recall over pages with tp+fn > 0, F1 their
  harmonic mean.
- **Word F1** (WCXB `evaluate.py`): tokens are `\\w+` of the lowercased text; per page P, R, F1 of the
  bag-of-words overlap (an empty gold scores 1 only against an empty output); means over pages.
  `with`/`without` found: WCXB's mean share of its snippets found (lowercased substring).
- Gold: wcxb-dev `main_content` (one page has none: empty gold, as WCXB reads it); CleanEval
  `GoldStandard/N.txt` without its `URL:` line and `<p>`/`<h>`/`<l>` markers (legacy-charset files read
  as windows-1252); Readability `expected.html` reduced to its text (tags out, entities decoded).
- Metadata (wcxb-dev): a date matches when ours starts with the gold's date; an author matches when
  one of our names, lowercased and reduced to `\\w+` tokens, occurs as whole tokens in the gold byline.
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets::Gold;
    use std::path::PathBuf;

    fn page(id: &str, gold: Gold) -> Page {
        Page {
            id: id.to_string(),
            path: PathBuf::new(),
            url: None,
            gold,
        }
    }

    fn pred(text: &str) -> Prediction {
        Prediction {
            text: text.to_string(),
            ..Prediction::default()
        }
    }

    #[test]
    fn authors_match_by_whole_tokens() {
        let gold = "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen";
        assert!(author_found(&["Donna Enzmann".into()], gold));
        assert!(author_found(&["x".into(), "NATALIE  nguyen".into()], gold));
        assert!(!author_found(&["Ann".into()], gold)); // not a token run of the byline
        assert!(!author_found(&[], gold));
        assert!(first_author_equal(&["Danielle DeSiato".into()], gold));
        assert!(!first_author_equal(&["Donna Enzmann".into()], gold));
        assert!(first_author_equal(
            &["Manoj Jain".into()],
            "Manoj Jain and Jagpreet Chhatwal"
        ));
        assert!(first_author_equal(
            &["Dylan Bailey".into()],
            "Dylan Bailey, MS, RD, FAND"
        ));
    }

    #[test]
    fn wcxb_pages_score_text_and_metadata() {
        let gold = Gold {
            text: Some("Rain fell on the city on Monday".into()),
            with: vec!["RAIN fell".into()],
            without: vec!["Home".into()],
            title: Some("Rain  Falls".into()),
            author: Some("Jo Bloggs".into()),
            date: Some("2025-01-02".into()),
            page_type: Some("article".into()),
        };
        let p = Prediction {
            text: "Rain fell on the city on Monday".into(),
            title: Some("rain falls".into()),
            published: Some("2025-01-02T10:00:00Z".into()),
            authors: vec!["Jo Bloggs".into()],
            error: None,
        };
        let r = score_page(Set::WcxbDev, &page("0001", gold.clone()), &p);
        assert_eq!(r.word.unwrap().f1, 1.0);
        assert_eq!(
            r.shingle.unwrap(),
            Counts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        assert_eq!(r.wcxb_snippets, Some((1.0, 0.0)));
        assert_eq!(
            (r.title, r.date, r.author, r.first_author),
            (Some(true), Some(true), Some(true), Some(true))
        );
        assert_eq!(r.spurious, [false; 3]);

        let no_meta = Gold {
            title: None,
            author: None,
            date: None,
            ..gold
        };
        let r = score_page(
            Set::WcxbDev,
            &page("0002", no_meta),
            &Prediction {
                published: Some("2024-01-01".into()),
                ..pred("")
            },
        );
        assert_eq!((r.title, r.date, r.author), (None, None, None));
        assert_eq!(r.spurious, [false, true, false]);
        assert_eq!(r.word.unwrap(), Prf::default());
    }

    #[test]
    fn reports_aggregate_and_rank() {
        let g = |t: &str| Gold {
            text: Some(t.into()),
            ..Gold::default()
        };
        let pages = [
            page("a", g("one two three four five")),
            page("b", g("six seven eight nine")),
        ];
        let results = vec![
            score_page(Set::Cleaneval, &pages[0], &pred("one two three four")),
            score_page(
                Set::Cleaneval,
                &pages[1],
                &Prediction::failed("boom".into()),
            ),
        ];
        let rep = SetReport {
            set: Set::Cleaneval,
            pages: results,
            unreadable: vec![],
        };
        assert_eq!(rep.failures(), 1);
        let t = rep.text();
        assert_eq!(t.pages, 2);
        // Page a: tp 1, fn 1 → P 1, R 0.5; page b: R 0, P undefined.
        assert_eq!((t.shingle.precision, t.shingle.recall), (1.0, 0.25));
        assert_eq!(rep.worst(1)[0].id, "b");
        assert_eq!(rep.worst(5).len(), 2);

        let md = render(
            &ReportContext {
                command: "annalist-eval extraction".into(),
                limit: Some(2),
                extractor: "annalist".into(),
            },
            &[rep],
        );
        assert!(
            md.contains("| **annalist** (measured here) | not run | not run | **0.400** |"),
            "{md}"
        );
        assert!(md.contains("trafilatura 2.3.1 | 0.926 | 0.900 | 0.877"));
        assert!(md.contains("`--limit 2`"));
        assert!(md.contains("the extractor failed on 1"));
    }

    #[test]
    fn trafilatura_pages_score_snippets() {
        let gold = Gold {
            with: vec!["a  b".into(), "zz".into()],
            without: vec!["c".into()],
            ..Gold::default()
        };
        let r = score_page(Set::TrafilaturaEval, &page("x.html", gold), &pred("a\nb c"));
        assert_eq!(
            r.snippet,
            Some(SnippetCounts {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 0
            })
        );
        assert_eq!(r.rank_score(Set::TrafilaturaEval), 0.5);
        assert_eq!(r.rank_pr(Set::TrafilaturaEval), (Some(0.5), Some(0.5)));
        assert!(r.shingle.is_none());
    }
}
