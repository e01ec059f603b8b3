//! The peers' metrics, re-implemented to give the same numbers as their own scripts.
//!
//! * [`shingle_counts`] / [`ShingleScores`]: the ScrapingHub (Zyte) article-extraction-benchmark
//!   metric (`evaluate.py`, `string_shingle_matching` and `metrics_from_tp_fp_fns`).
//! * [`word_prf`] / [`WordScores`]: WCXB's word F1 (its `evaluate.py`, `word_f1`).
//! * [`snippet_counts`] / [`SnippetScores`]: trafilatura's with/without snippet score
//!   (`tests/eval_common.py`, `count_item` and `ConfusionMatrix`).
//!
//! Tokens are runs of `\w` characters as the Rust `regex` crate defines them in Unicode mode
//! (letters, marks, decimal digits, connector punctuation such as `_`, join controls). Python's
//! `re` `\w`, which the peers use, differs only on combining marks (Python leaves them out, so it
//! splits words of Indic scripts at vowel signs); on the Latin-script sets here the two agree.

use std::collections::HashMap;

/// Whether `c` is a `\w` character (Unicode word character, as in the `regex` crate).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    regex_syntax::is_word_character(c)
}

/// The `\w+` matches of `text`, in order, case kept.
pub fn word_tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

/// Per-page counts of one metric, already scaled so that `tp + fp + fn_ == 1` (or all zero).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// True positives.
    pub tp: f64,
    /// False positives.
    pub fp: f64,
    /// False negatives.
    pub fn_: f64,
}

impl Counts {
    /// The page's precision as the benchmark defines it (`None` when `tp + fp == 0`: such a page
    /// is left out of the mean).
    pub fn precision(&self) -> Option<f64> {
        (self.tp + self.fp > 0.0).then(|| self.tp / (self.tp + self.fp))
    }

    /// The page's recall (`None` when `tp + fn == 0`).
    pub fn recall(&self) -> Option<f64> {
        (self.tp + self.fn_ > 0.0).then(|| self.tp / (self.tp + self.fn_))
    }

    /// The page's own F1, `2tp / (2tp + fp + fn)`; 1 when both texts are empty. Used to rank
    /// pages, not in the benchmark's aggregate.
    pub fn f1(&self) -> f64 {
        let d = 2.0 * self.tp + self.fp + self.fn_;
        if d > 0.0 {
            2.0 * self.tp / d
        } else {
            1.0
        }
    }
}

/// The 4-token shingles of `text` as a multiset (shingle → count).
///
/// As in the benchmark's `_ngrams`: a text of `n` ≥ 4 tokens has `n − 3` shingles; a text of 1 to
/// 3 tokens has one shingle made of all its tokens; a text without tokens has none.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    const N: usize = 4;
    let tokens = word_tokens(text);
    let mut out: HashMap<Vec<&str>, u32> = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let count = tokens.len().saturating_sub(N - 1).max(1);
    for i in 0..count {
        let end = (i + N).min(tokens.len());
        *out.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// One page's shingle tp/fp/fn, scaled so they sum to 1 (all zero when both texts are empty).
pub fn shingle_counts(gold: &str, pred: &str) -> Counts {
    let g = shingles(gold);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += u64::from(gc.min(pc));
        fn_ += u64::from(gc.saturating_sub(pc));
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += u64::from(pc.saturating_sub(gc));
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 {
        return Counts::default();
    }
    Counts {
        tp: tp as f64 / s,
        fp: fp as f64 / s,
        fn_: fn_ as f64 / s,
    }
}

/// Precision, recall and F1 over many pages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// The shingle metric over a set of pages.
#[derive(Clone, Debug, Default)]
pub struct ShingleScores {
    pages: Vec<Counts>,
}

impl ShingleScores {
    /// An empty tally.
    pub fn new() -> ShingleScores {
        ShingleScores::default()
    }

    /// Adds one page's counts (from [`shingle_counts`]).
    pub fn add(&mut self, c: Counts) {
        self.pages.push(c);
    }

    /// Number of pages added.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether no page was added.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// P = mean page precision over pages with tp+fp > 0, R = mean page recall over pages with
    /// tp+fn > 0, F1 = harmonic mean of those two means (0 where nothing is defined).
    pub fn prf(&self) -> Prf {
        let p = mean(self.pages.iter().filter_map(Counts::precision));
        let r = mean(self.pages.iter().filter_map(Counts::recall));
        Prf {
            precision: p,
            recall: r,
            f1: harmonic(p, r),
        }
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// WCXB's word precision, recall and F1 for one page.
///
/// Tokens are the `\w+` matches of the lowercased text; the overlap is the multiset intersection.
/// An empty gold scores 1/1/1 against an empty prediction and 0/0/0 otherwise; an empty
/// prediction scores 0/0/0.
pub fn word_prf(gold: &str, pred: &str) -> Prf {
    let g_lower = gold.to_lowercase();
    let p_lower = pred.to_lowercase();
    let g = word_tokens(&g_lower);
    let p = word_tokens(&p_lower);
    if g.is_empty() {
        let v = if p.is_empty() { 1.0 } else { 0.0 };
        return Prf {
            precision: v,
            recall: v,
            f1: v,
        };
    }
    if p.is_empty() {
        return Prf::default();
    }
    let mut bag: HashMap<&str, u32> = HashMap::new();
    for t in &g {
        *bag.entry(t).or_insert(0) += 1;
    }
    let mut overlap = 0usize;
    for t in &p {
        if let Some(c) = bag.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    let precision = overlap as f64 / p.len() as f64;
    let recall = overlap as f64 / g.len() as f64;
    Prf {
        precision,
        recall,
        f1: harmonic(precision, recall),
    }
}

/// WCXB's word metric over a set of pages: plain means of the per-page P, R and F1.
#[derive(Clone, Debug, Default)]
pub struct WordScores {
    pages: Vec<Prf>,
}

impl WordScores {
    /// An empty tally.
    pub fn new() -> WordScores {
        WordScores::default()
    }

    /// Adds one page's scores (from [`word_prf`]).
    pub fn add(&mut self, s: Prf) {
        self.pages.push(s);
    }

    /// Number of pages added.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether no page was added.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Mean P, mean R and mean F1 (the mean of per-page F1, not the F1 of the means).
    pub fn prf(&self) -> Prf {
        Prf {
            precision: mean(self.pages.iter().map(|s| s.precision)),
            recall: mean(self.pages.iter().map(|s| s.recall)),
            f1: mean(self.pages.iter().map(|s| s.f1)),
        }
    }
}

/// Collapses every run of whitespace to one space and trims, as trafilatura's `norm`
/// (`re.sub(r"\s+", " ", text).strip()`): Unicode whitespace, no-break space included, plus the
/// separators U+001C–U+001F that Python's `\s` also matches.
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        if c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Snippet confusion counts (integers, summed over snippets).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SnippetCounts {
    /// `with` snippets found.
    pub tp: usize,
    /// `without` snippets found.
    pub fp: usize,
    /// `with` snippets missing.
    pub fn_: usize,
    /// `without` snippets absent.
    pub tn: usize,
}

impl SnippetCounts {
    /// Precision `tp / (tp + fp)`, 0 when undefined.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall `tp / (tp + fn)`, 0 when undefined.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1 `2tp / (2tp + fp + fn)`, 0 when undefined.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Accuracy `(tp + tn) / all`, 0 when undefined.
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores one page's output against its snippets, trafilatura's way: output and snippets are
/// whitespace-normalised with [`normalize_space`], then matched as case-sensitive substrings.
pub fn snippet_counts(pred: &str, with: &[String], without: &[String]) -> SnippetCounts {
    let text = normalize_space(pred);
    let found = |s: &String| text.contains(normalize_space(s).as_str());
    let tp = with.iter().filter(|s| found(s)).count();
    let fp = without.iter().filter(|s| found(s)).count();
    SnippetCounts {
        tp,
        fp,
        fn_: with.len() - tp,
        tn: without.len() - fp,
    }
}

/// The snippet score over a set of pages: counts summed over all snippets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SnippetScores {
    /// The summed counts.
    pub total: SnippetCounts,
    /// Pages added.
    pub pages: usize,
}

impl SnippetScores {
    /// Adds one page's counts.
    pub fn add(&mut self, c: SnippetCounts) {
        self.total.tp += c.tp;
        self.total.fp += c.fp;
        self.total.fn_ += c.fn_;
        self.total.tn += c.tn;
        self.pages += 1;
    }

    /// Precision, recall and F1 over all snippets.
    pub fn prf(&self) -> Prf {
        Prf {
            precision: self.total.precision(),
            recall: self.total.recall(),
            f1: self.total.f1(),
        }
    }
}

/// Lowercases and keeps only `\w+` tokens joined by single spaces: the key on which titles and
/// author names are compared.
pub fn normalize_name(text: &str) -> String {
    word_tokens(&text.to_lowercase()).join(" ")
}

/// Collapses whitespace and lowercases: the key on which titles are compared.
pub fn normalize_title(text: &str) -> String {
    normalize_space(text).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_are_unicode_word_runs_with_case_kept() {
        assert_eq!(
            word_tokens("a b,cd:e(foo,bar) "),
            ["a", "b", "cd", "e", "foo", "bar"]
        );
        assert_eq!(
            word_tokens("Größe — naïve_x 3.5"),
            ["Größe", "naïve_x", "3", "5"]
        );
        assert_eq!(word_tokens("日本語 テキスト"), ["日本語", "テキスト"]);
        assert!(word_tokens("!? …").is_empty());
    }

    #[test]
    fn shingles_follow_the_benchmark_ngrams() {
        assert!(shingles("!").is_empty());
        // Fewer than four tokens: one shingle of all of them.
        let s = shingles("a,b c ");
        assert_eq!(s.len(), 1);
        assert_eq!(s[&vec!["a", "b", "c"]], 1);
        // Eight tokens: five shingles, one of them twice.
        let s = shingles("a b c d a b c d");
        assert_eq!(s.values().sum::<u32>(), 5);
        assert_eq!(s[&vec!["a", "b", "c", "d"]], 2);
    }

    #[test]
    fn shingle_counts_match_the_benchmark_tests() {
        // The cases of the benchmark's tests.py, moved from 3-grams to 4-grams.
        let c = |g, p| shingle_counts(g, p);
        assert_eq!(
            c("a b c d", "a b c d"),
            Counts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        assert_eq!(
            c("a b c d e", "a b c d"),
            Counts {
                tp: 0.5,
                fp: 0.0,
                fn_: 0.5
            }
        );
        assert_eq!(
            c("a b c d", "a b c d e"),
            Counts {
                tp: 0.5,
                fp: 0.5,
                fn_: 0.0
            }
        );
        assert_eq!(c("", ""), Counts::default());
        assert_eq!(
            c("a", ""),
            Counts {
                tp: 0.0,
                fp: 0.0,
                fn_: 1.0
            }
        );
        assert_eq!(
            c("", "a"),
            Counts {
                tp: 0.0,
                fp: 1.0,
                fn_: 0.0
            }
        );
        // gold: abcd bcda cdab dabc abcd (5); pred: abcd (1) → tp 1, fn 4.
        assert_eq!(
            c("a b c d a b c d", "a b c d"),
            Counts {
                tp: 0.2,
                fp: 0.0,
                fn_: 0.8
            }
        );
        assert_eq!(
            c("a b c d", "a b c d a b c d"),
            Counts {
                tp: 0.2,
                fp: 0.8,
                fn_: 0.0
            }
        );
        // Case is kept: "A" is another token than "a".
        assert_eq!(
            c("A b c d", "a b c d"),
            Counts {
                tp: 0.0,
                fp: 0.5,
                fn_: 0.5
            }
        );
    }

    #[test]
    fn shingle_scores_average_precision_and_recall_over_defined_pages() {
        let mut s = ShingleScores::new();
        s.add(shingle_counts("a b c d e", "a b c d")); // P 1, R 0.5
        s.add(shingle_counts("a b c d", "")); // P undefined, R 0
        s.add(shingle_counts("", "x y")); // P 0, R undefined
        s.add(shingle_counts("", "")); // neither
        let prf = s.prf();
        assert!(close(prf.precision, 0.5)); // (1 + 0) / 2
        assert!(close(prf.recall, 0.25)); // (0.5 + 0) / 2
        assert!(close(prf.f1, 2.0 * 0.5 * 0.25 / 0.75));
        assert_eq!(ShingleScores::new().prf(), Prf::default());
    }

    #[test]
    fn word_prf_is_wcxbs_bag_of_words() {
        // gold: the(2) cat sat on mat = 6 tokens; pred: the(2) cat is on = 5 tokens; overlap 4.
        let s = word_prf("The cat sat on the mat.", "the CAT is on the");
        assert!(close(s.precision, 4.0 / 5.0));
        assert!(close(s.recall, 4.0 / 6.0));
        assert!(close(s.f1, 2.0 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0)));
        assert_eq!(
            word_prf("", ""),
            Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0
            }
        );
        assert_eq!(word_prf("", "x"), Prf::default());
        assert_eq!(word_prf("x", ""), Prf::default());
        assert_eq!(word_prf("x", "!!"), Prf::default());

        let mut all = WordScores::new();
        all.add(word_prf("a b", "a b")); // 1, 1, 1
        all.add(word_prf("a b", "a")); // 1, 0.5, 2/3
        let m = all.prf();
        assert!(close(m.precision, 1.0));
        assert!(close(m.recall, 0.75));
        assert!(close(m.f1, (1.0 + 2.0 / 3.0) / 2.0));
    }

    #[test]
    fn whitespace_is_collapsed_like_trafilaturas_norm() {
        assert_eq!(normalize_space("  a \n\n b\u{a0}\tc  "), "a b c");
        assert_eq!(normalize_space("a\u{1f}b"), "a b");
        assert_eq!(normalize_space(" \n "), "");
    }

    #[test]
    fn snippets_are_whitespace_normalised_case_sensitive_substrings() {
        let with = vec![
            "heavy  rain".to_string(),
            "Two schools".to_string(),
            "Monday".to_string(),
        ];
        let without = vec!["Home".to_string(), "Cookie policy".to_string()];
        let c = snippet_counts(
            "Heavy rain fell on Monday.\n\nHeavy\nrain closed two schools. Home",
            &with,
            &without,
        );
        // "heavy  rain": no (case); "Two schools": no (case); "Monday": yes. "Home": yes.
        assert_eq!(
            c,
            SnippetCounts {
                tp: 1,
                fp: 1,
                fn_: 2,
                tn: 1
            }
        );
        let mut all = SnippetScores::default();
        all.add(c);
        all.add(snippet_counts("Heavy rain. Two schools.", &with, &without)); // tp 1 (Two schools), fn 2, tn 2
        assert_eq!(
            all.total,
            SnippetCounts {
                tp: 2,
                fp: 1,
                fn_: 4,
                tn: 3
            }
        );
        let prf = all.prf();
        assert!(close(prf.precision, 2.0 / 3.0));
        assert!(close(prf.recall, 2.0 / 6.0));
        assert!(close(prf.f1, 4.0 / 9.0));
        assert!(close(all.total.accuracy(), 0.5));
    }

    #[test]
    fn names_and_titles_normalise() {
        assert_eq!(normalize_name("  Jane  DOE, Ph.D."), "jane doe ph d");
        assert_eq!(normalize_title(" Rain\n Falls "), "rain falls");
    }
}
