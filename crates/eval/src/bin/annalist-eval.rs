//! `annalist-eval extraction`: scores the extractor on the extraction sets under
//! `shared/data/extraction/` with the peers' metrics, prints a markdown report beside the peers'
//! published figures, and with `--write` saves it (conventionally `docs/quality.md`).

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use annalist_eval::datasets::{self, Page, Set};
use annalist_eval::extraction::{self, PageResult, Prediction, ReportContext, SetReport};
use annalist_eval::text;

#[derive(Parser, Debug)]
#[command(
    name = "annalist-eval",
    version,
    about = "Scores annalist against gold data with the peers' metrics"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Main-text extraction on trafilatura-eval, wcxb-dev, CleanEval and the Readability pages.
    Extraction(ExtractionArgs),
    /// Named entities: exact-span F1 on GMB's held-out tenth and on WikiGold.
    Entities(EntitiesArgs),
    /// Time expressions: TempEval-3 value F1 on TimeBank+AQUAINT, and the Duckling list.
    Times(EntitiesArgs),
    /// Places: accuracy within 161 km on GeoVirus.
    Places(EntitiesArgs),
    /// Quotes: PolNeAR dev direct quotes found and attributed.
    Quotes(EntitiesArgs),
    /// Scores event coding on `events/plover-gsr-cameo` (PLOVER type and dyad P/R/F1) and
    /// `events/petrarch2-unittest` (share of PETRARCH's expected codings).
    Events(EntitiesArgs),
}

#[derive(clap::Args, Debug)]
struct EntitiesArgs {
    /// The data folder (holding `ner/`) [default: ../shared/data, then the one beside this
    /// repository].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Also write the report as the entities section of this file (conventionally
    /// docs/quality.md).
    #[arg(long, value_name = "FILE")]
    write: Option<PathBuf>,
}

/// The first lines of docs/quality.md when a command creates it.
const QUALITY_HEADER: &str = "# Quality\n\nEach section is written by the command it names; \
run it again to refresh, do not edit by hand.";

#[derive(clap::Args, Debug)]
struct ExtractionArgs {
    /// The data folder (holding `extraction/`) [default: ../shared/data, then the one beside
    /// this repository].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Score only this set (repeatable): trafilatura-eval, wcxb-dev, cleaneval, readability-pages.
    #[arg(long = "set", value_name = "NAME", value_parser = parse_set)]
    sets: Vec<Set>,
    /// Also write the report to this file (conventionally docs/quality.md).
    #[arg(long, value_name = "FILE")]
    write: Option<PathBuf>,
    /// Score only the first N pages of each set (a quick check; not comparable with the peers).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Write each page's output (and gold) to DIR/SET/ID.txt (and ID.gold.txt) for inspection.
    #[arg(long, value_name = "DIR")]
    dump_dir: Option<PathBuf>,
    /// After the report, list the N lowest-scoring pages of each set.
    #[arg(long, value_name = "N")]
    worst: Option<usize>,
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// What to score: annalist, or a trivial baseline to sanity-check the metrics.
    #[arg(long, value_enum, default_value_t = Extractor::Annalist)]
    extractor: Extractor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Extractor {
    /// `annalist_extract::extract`.
    Annalist,
    /// Baseline: all the page's text (tags stripped).
    Everything,
    /// Baseline: empty output.
    Nothing,
}

impl Extractor {
    fn label(self) -> &'static str {
        match self {
            Extractor::Annalist => "annalist",
            Extractor::Everything => "baseline: everything",
            Extractor::Nothing => "baseline: nothing",
        }
    }
}

fn parse_set(s: &str) -> Result<Set, String> {
    Set::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Set::ALL.iter().map(|s| s.name()).collect();
        format!("unknown set {s:?}; the sets are {}", names.join(", "))
    })
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extraction(args) => run_extraction(args),
        Command::Entities(args) => run_stage(
            args,
            "entities",
            "ner/gmb-train.csv.gz",
            annalist_eval::ner::evaluate,
        ),
        Command::Times(args) => {
            run_stage(args, "times", "timex/tbaq", annalist_eval::times::evaluate)
        }
        Command::Places(args) => run_stage(
            args,
            "places",
            "geo/geovirus/GeoVirus.xml",
            annalist_eval::places::evaluate,
        ),
        Command::Quotes(args) => run_stage(
            args,
            "quotes",
            "quotes/polnear",
            annalist_eval::quotes::evaluate,
        ),
        Command::Events(args) => {
            run_stage(args, "events", "events/plover-gsr-cameo", |a, dir, cmd| {
                annalist_eval::events::evaluate(a, &dir.join("events"), cmd)
            })
        }
    };
    if let Err(err) = result {
        eprintln!("annalist-eval: error: {err:#}");
        std::process::exit(1);
    }
}

/// The folder holding the four set folders, or `None` when there is no data.
fn find_extraction_dir(data: Option<&Path>) -> Option<PathBuf> {
    for d in data_candidates(data) {
        if d.join("extraction").is_dir() {
            return Some(d.join("extraction"));
        }
        // `--data` may also name the extraction folder itself.
        if Set::ALL.iter().any(|s| d.join(s.name()).is_dir()) {
            return Some(d);
        }
    }
    None
}

fn run_extraction(args: ExtractionArgs) -> Result<()> {
    let Some(dir) = find_extraction_dir(args.data.as_deref()) else {
        let shown = args
            .data
            .as_deref()
            .map_or_else(|| "../shared/data".to_string(), |p| p.display().to_string());
        println!("annalist-eval: no extraction data under {shown} (expected {shown}/extraction/): skipping.");
        return Ok(());
    };
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot set up the thread pool")?;
    }
    let sets: Vec<Set> = if args.sets.is_empty() {
        Set::ALL.to_vec()
    } else {
        args.sets.clone()
    };
    let mut reports = Vec::new();
    for set in sets {
        if !dir.join(set.name()).is_dir() {
            eprintln!(
                "annalist-eval: {set}: no folder {}: skipping this set",
                dir.join(set.name()).display()
            );
            continue;
        }
        let mut pages = set
            .load(&dir)
            .with_context(|| format!("cannot load the {set} set"))?;
        if let Some(n) = args.limit {
            pages.truncate(n);
        }
        let started = Instant::now();
        let report = score_set(set, &pages, args.extractor, args.dump_dir.as_deref())?;
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "annalist-eval: {set}: {} pages in {secs:.1} s ({:.0} pages/s on {} threads, reading and scoring included)",
            pages.len(),
            pages.len() as f64 / secs.max(1e-9),
            rayon::current_num_threads()
        );
        reports.push(report);
    }
    if reports.is_empty() {
        println!(
            "annalist-eval: none of the requested sets is under {}: nothing scored.",
            dir.display()
        );
        return Ok(());
    }
    let ctx = ReportContext {
        command: command_line(),
        limit: args.limit,
        extractor: args.extractor.label().to_string(),
    };
    let md = extraction::render(&ctx, &reports);
    print!("{md}");
    if let Some(path) = &args.write {
        annalist_eval::report::write_section(path, "extraction", &md, QUALITY_HEADER)?;
        eprintln!(
            "annalist-eval: wrote the extraction section of {}",
            path.display()
        );
    }
    if let Some(n) = args.worst {
        for r in &reports {
            print_worst(r, n);
        }
    }
    for r in &reports {
        for (id, err) in &r.unreadable {
            eprintln!("annalist-eval: {}: page {id} left out: {err}", r.set);
        }
    }
    Ok(())
}

/// The command as typed, program name shortened, for the report's header.
fn command_line() -> String {
    let mut parts = vec!["annalist-eval".to_string()];
    for a in std::env::args().skip(1) {
        if a.is_empty() || a.contains(|c: char| c.is_whitespace() || "'\"$`\\".contains(c)) {
            parts.push(format!("'{}'", a.replace('\'', r"'\''")));
        } else {
            parts.push(a);
        }
    }
    parts.join(" ")
}

enum Outcome {
    Scored(Box<PageResult>),
    Unreadable(String, String),
}

fn score_set(
    set: Set,
    pages: &[Page],
    extractor: Extractor,
    dump: Option<&Path>,
) -> Result<SetReport> {
    let dump_dir = dump.map(|d| d.join(set.name()));
    if let Some(d) = &dump_dir {
        fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let outcomes: Vec<Result<Outcome>> = pages
        .par_iter()
        .map(|page| {
            let html = match page.read_html() {
                Ok(h) => h,
                Err(e) => return Ok(Outcome::Unreadable(page.id.clone(), format!("{e:#}"))),
            };
            let url = match set {
                Set::Cleaneval => datasets::cleaneval_url(&html),
                _ => page.url.clone(),
            };
            let pred = predict(set, page, url.as_deref(), &html, extractor);
            if let Some(err) = &pred.error {
                eprintln!("annalist-eval: {set}/{}: extraction failed: {err}", page.id);
            }
            let result = extraction::score_page(set, page, &pred);
            if let Some(d) = &dump_dir {
                dump_page(d, set, page, url.as_deref(), &pred, &result)?;
            }
            Ok(Outcome::Scored(Box::new(result)))
        })
        .collect();
    let mut report = SetReport {
        set,
        pages: Vec::new(),
        unreadable: Vec::new(),
    };
    for o in outcomes {
        match o? {
            Outcome::Scored(r) => report.pages.push(*r),
            Outcome::Unreadable(id, err) => report.unreadable.push((id, err)),
        }
    }
    Ok(report)
}

fn predict(
    set: Set,
    page: &Page,
    url: Option<&str>,
    html: &[u8],
    extractor: Extractor,
) -> Prediction {
    match extractor {
        Extractor::Nothing => Prediction::default(),
        Extractor::Everything => {
            let decoded = annalist_extract::charset::decode(html, None);
            Prediction {
                text: text::html_to_text(&decoded.text),
                ..Prediction::default()
            }
        }
        Extractor::Annalist => {
            let source = format!("{set}/{}", page.id);
            let mut input = annalist_extract::Input::new(&source, html)
                .with_format(annalist_extract::Format::Html);
            input.url = url;
            match panic::catch_unwind(AssertUnwindSafe(|| annalist_extract::extract(&input))) {
                Ok(Ok(doc)) => Prediction::from_document(&doc),
                Ok(Err(e)) => Prediction::failed(format!("error: {e}")),
                Err(payload) => {
                    let msg = payload
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "(no message)".to_string());
                    Prediction::failed(format!("panic: {msg}"))
                }
            }
        }
    }
}

fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == '\0' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

fn dump_page(
    dir: &Path,
    set: Set,
    page: &Page,
    url: Option<&str>,
    pred: &Prediction,
    r: &PageResult,
) -> Result<()> {
    let name = file_safe(&page.id);
    let (p, rc) = r.rank_pr(set);
    let fmt = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
    let mut out = format!(
        "# page: {}\n# url: {}\n# score: {:.3} (P {}, R {})\n# title: {}\n# published: {}\n# authors: {}\n",
        page.id,
        url.unwrap_or("-"),
        r.rank_score(set),
        fmt(p),
        fmt(rc),
        pred.title.as_deref().unwrap_or("-"),
        pred.published.as_deref().unwrap_or("-"),
        if pred.authors.is_empty() { "-".to_string() } else { pred.authors.join("; ") },
    );
    if let Some(e) = &pred.error {
        out.push_str(&format!("# error: {e}\n"));
    }
    out.push('\n');
    out.push_str(&pred.text);
    out.push('\n');
    let path = dir.join(format!("{name}.txt"));
    fs::write(&path, out).with_context(|| format!("cannot write {}", path.display()))?;

    let g = &page.gold;
    let mut gold = String::new();
    for (k, v) in [
        ("title", &g.title),
        ("published", &g.date),
        ("authors", &g.author),
        ("type", &g.page_type),
    ] {
        if let Some(v) = v {
            gold.push_str(&format!("# {k}: {v}\n"));
        }
    }
    for w in &g.with {
        gold.push_str(&format!("# with: {w}\n"));
    }
    for w in &g.without {
        gold.push_str(&format!("# without: {w}\n"));
    }
    if let Some(t) = &g.text {
        gold.push('\n');
        gold.push_str(t);
        gold.push('\n');
    }
    let path = dir.join(format!("{name}.gold.txt"));
    fs::write(&path, gold).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn print_worst(r: &SetReport, n: usize) {
    let by = match r.set {
        Set::TrafilaturaEval => "snippet F1 of the page",
        Set::WcxbDev => "word F1",
        Set::Cleaneval | Set::ReadabilityPages => "shingle F1 of the page",
    };
    println!(
        "\n## {}: the {} lowest-scoring pages (by {by})\n",
        r.set,
        n.min(r.pages.len())
    );
    println!("| page | score | P | R | chars out / gold | note |");
    println!("|---|---|---|---|---|---|");
    let fmt = |x: Option<f64>| x.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"));
    for p in r.worst(n) {
        let (pp, rr) = p.rank_pr(r.set);
        let gold_chars = if r.set == Set::TrafilaturaEval {
            "—".to_string()
        } else {
            p.chars.1.to_string()
        };
        let mut note = p.error.clone().unwrap_or_default();
        if let Some(t) = &p.page_type {
            if t != "article" {
                note = if note.is_empty() {
                    t.clone()
                } else {
                    format!("{t}; {note}")
                };
            }
        }
        println!(
            "| {} | {:.3} | {} | {} | {} / {} | {} |",
            p.id,
            p.rank_score(r.set),
            fmt(pp),
            fmt(rr),
            p.chars.0,
            gold_chars,
            note.replace('|', "\\|")
        );
    }
}

/// The data folders to try: `--data`, else `../shared/data`, then the one beside this repository.
fn data_candidates(data: Option<&Path>) -> Vec<PathBuf> {
    match data {
        Some(d) => vec![d.to_path_buf()],
        None => vec![
            PathBuf::from("../shared/data"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        ],
    }
}

fn find_data_dir(data: Option<&Path>, inner: &str) -> Option<PathBuf> {
    data_candidates(data)
        .into_iter()
        .find(|d| d.join(inner).exists())
}

/// Runs one NLP stage's evaluation: `inner` must exist under the data folder; the report goes
/// to stdout and, with `--write`, to the section `name` of the file.
fn run_stage(
    args: EntitiesArgs,
    name: &str,
    inner: &str,
    evaluate: fn(&annalist_nlp::Analyzer, &Path, &str) -> Result<String>,
) -> Result<()> {
    let Some(dir) = find_data_dir(args.data.as_deref(), inner) else {
        println!("annalist-eval: no {inner} under the data folder: skipping {name}.");
        return Ok(());
    };
    let analyzer = annalist_nlp::Analyzer::new();
    let md = evaluate(&analyzer, &dir, &command_line())?;
    print!("{md}");
    if let Some(path) = &args.write {
        annalist_eval::report::write_section(path, name, &md, QUALITY_HEADER)?;
        eprintln!(
            "annalist-eval: wrote the {name} section of {}",
            path.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn arguments_parse() {
        let cli = Cli::try_parse_from([
            "annalist-eval",
            "extraction",
            "--data",
            "/d",
            "--set",
            "wcxb-dev",
            "--set",
            "cleaneval",
            "--limit",
            "5",
            "--worst",
            "3",
            "--write",
            "docs/quality.md",
            "--extractor",
            "everything",
        ])
        .unwrap();
        let Command::Extraction(a) = cli.command else {
            panic!("expected the extraction command");
        };
        assert_eq!(a.sets, [Set::WcxbDev, Set::Cleaneval]);
        assert_eq!((a.limit, a.worst), (Some(5), Some(3)));
        assert_eq!(a.extractor, Extractor::Everything);
        assert!(Cli::try_parse_from(["annalist-eval", "extraction", "--set", "nope"]).is_err());
    }

    #[test]
    fn absent_data_is_not_found() {
        assert_eq!(
            find_extraction_dir(Some(Path::new("/nonexistent/annalist-data"))),
            None
        );
    }
}
