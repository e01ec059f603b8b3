//! `annalist-bench`: how fast annalist reads pages, and how much memory it takes.
//!
//! * `annalist-bench [--passes N]`: loads every wcxb-dev page into memory (gunzipped first, so no
//!   I/O is timed), then times `annalist_extract::extract` (charset decoding and parsing included)
//!   on one thread and on all cores, then extraction plus `annalist_nlp::analyze`; medians of the
//!   passes; peak memory from `VmHWM`.
//! * `annalist-bench warc --make PATH --size-mb 1000`: writes a multi-member `.warc.gz` of
//!   response records built from the wcxb-dev pages, repeated until the file reaches the size.
//! * `annalist-bench warc --run PATH --bin target/release/annalist`: runs `annalist analyze
//!   --jsonl PATH` with its output counted and discarded; records/s and the child's peak RSS.
//!
//! `--write docs/performance.md` keeps each mode's figures in its own section of that file, with
//! the command that produced them and the machine.

use std::fs;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use annalist_eval::datasets::Set;
use annalist_eval::peers::PEERS;

/// The same allocator as the `annalist` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "annalist-bench",
    version,
    about = "Throughput and memory of annalist",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    throughput: ThroughputArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Make a WARC file from the dev pages, or run `annalist analyze` on one.
    Warc(WarcArgs),
    /// Ingest speed and store size on the dev pages; query latency on a store of many events.
    Store(StoreArgs),
}

#[derive(Args, Debug)]
struct StoreArgs {
    /// The data folder (holding `extraction/wcxb-dev`).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The annalist binary to run `ingest` and `serve` with.
    #[arg(long, value_name = "PATH", default_value = "target/release/annalist")]
    annalist: PathBuf,
    /// Events the query store must hold at least.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    events: u64,
    /// Timed runs of each query.
    #[arg(long, value_name = "N", default_value_t = 200)]
    runs: usize,
    /// Keep the query store here (default: a temporary folder, removed at the end).
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Write the figures into this file's store section (conventionally docs/performance.md).
    #[arg(long, value_name = "FILE")]
    write: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct ThroughputArgs {
    /// The data folder (holding `extraction/wcxb-dev`) [default: ../shared/data, then the one
    /// beside this repository].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Timed passes over the pages for each measurement (the median is reported).
    #[arg(long, value_name = "N", default_value_t = 5)]
    passes: usize,
    /// Use only the first N pages.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Worker threads for the all-cores runs [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Skip the runs with `annalist_nlp::analyze`.
    #[arg(long)]
    no_nlp: bool,
    /// Write the figures into this file's throughput section (conventionally docs/performance.md).
    #[arg(long, value_name = "FILE")]
    write: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("mode").required(true).args(["make", "run"])))]
struct WarcArgs {
    /// Write a .warc.gz here.
    #[arg(long, value_name = "PATH")]
    make: Option<PathBuf>,
    /// Compressed size to reach with --make, in MB (10^6 bytes).
    #[arg(
        long,
        value_name = "MB",
        default_value_t = 1000,
        conflicts_with = "run"
    )]
    size_mb: u64,
    /// Run `annalist analyze --jsonl` on this .warc.gz.
    #[arg(long, value_name = "PATH")]
    run: Option<PathBuf>,
    /// The annalist binary for --run.
    #[arg(
        long = "bin",
        value_name = "PATH",
        default_value = "target/release/annalist",
        conflicts_with = "make"
    )]
    annalist: PathBuf,
    /// The data folder for --make [default: ../shared/data, then the one beside this repository].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Write the --run figures into this file's WARC section (conventionally docs/performance.md).
    #[arg(long, value_name = "FILE", conflicts_with = "make")]
    write: Option<PathBuf>,
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Warc(w)) => match (&w.make, &w.run) {
            (Some(path), _) => warc_make(path, w.size_mb, w.data.as_deref()),
            (_, Some(path)) => warc_run(path, &w.annalist, w.write.as_deref()),
            _ => unreachable!("clap requires --make or --run"),
        },
        Some(Command::Store(args)) => store::run(&args),
        None => throughput(&cli.throughput),
    };
    if let Err(err) = result {
        eprintln!("annalist-bench: error: {err:#}");
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// The command as typed, program name shortened.
fn command_line() -> String {
    let mut parts = vec!["annalist-bench".to_string()];
    for a in std::env::args().skip(1) {
        if a.is_empty() || a.contains(|c: char| c.is_whitespace() || "'\"$`\\".contains(c)) {
            parts.push(format!("'{}'", a.replace('\'', r"'\''")));
        } else {
            parts.push(a);
        }
    }
    parts.join(" ")
}

fn wcxb_dir(data: Option<&Path>) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match data {
        Some(d) => vec![d.to_path_buf()],
        None => vec![
            PathBuf::from("../shared/data"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        ],
    };
    candidates
        .into_iter()
        .flat_map(|d| [d.join("extraction"), d])
        .find(|d| d.join("wcxb-dev").is_dir())
}

struct LoadedPage {
    id: String,
    url: Option<String>,
    html: Vec<u8>,
    /// WCXB's page type is "article".
    article: bool,
}

fn load_pages(data: Option<&Path>, limit: Option<usize>) -> Result<Option<Vec<LoadedPage>>> {
    let Some(dir) = wcxb_dir(data) else {
        return Ok(None);
    };
    let mut pages = Set::WcxbDev.load(&dir).context("cannot load wcxb-dev")?;
    if let Some(n) = limit {
        pages.truncate(n);
    }
    let loaded = pages
        .par_iter()
        .map(|p| {
            Ok(LoadedPage {
                id: p.id.clone(),
                url: p.url.clone(),
                html: p.read_html()?,
                article: p.gold.page_type.as_deref() == Some("article"),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(loaded))
}

fn skip_no_data(data: Option<&Path>) {
    let shown = data.map_or_else(|| "../shared/data".to_string(), |p| p.display().to_string());
    println!("annalist-bench: no wcxb-dev pages under {shown} (expected {shown}/extraction/wcxb-dev/): skipping.");
}

/// `VmHWM` (peak resident set) of this process, in KiB.
fn peak_rss_kib() -> Option<u64> {
    status_field("/proc/self/status", "VmHWM:")
}

fn status_field(path: &str, key: &str) -> Option<u64> {
    let s = fs::read_to_string(path).ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// One line naming the machine: cores, CPU model, memory.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let mem = status_field("/proc/meminfo", "MemTotal:").map_or_else(String::new, |k| {
        format!(", {:.1} GiB RAM", k as f64 / 1048576.0)
    });
    format!("nproc {cores}, {cpu}{mem}")
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Replaces the section `name` of the markdown file `path` (between `<!-- begin NAME -->` and
/// `<!-- end NAME -->`), or appends it; creates the file with a header when it does not exist.
fn write_section(path: &Path, name: &str, body: &str) -> Result<()> {
    annalist_eval::report::write_section(path, name, body, PERF_HEADER)?;
    eprintln!(
        "annalist-bench: wrote the {name} section of {}",
        path.display()
    );
    Ok(())
}

const PERF_HEADER: &str = "# Performance

Written by `annalist-bench` (crate `annalist-eval`): each section says the command that produced it
and the machine it ran on; run that command again to refresh it, do not edit by hand. Timings move
with the machine's load (other builds running at the same time slow them down).
";

// ---------------------------------------------------------------------------------------------
// Throughput

struct Measure {
    label: &'static str,
    threads: usize,
    pages_per_s: f64,
    mb_per_s: f64,
    passes: Vec<f64>,
}

fn throughput(args: &ThroughputArgs) -> Result<()> {
    if cfg!(debug_assertions) {
        eprintln!("annalist-bench: warning: this is a debug build; time a release build (cargo run --release)");
    }
    let passes = args.passes.max(1);
    let started = Instant::now();
    let Some(pages) = load_pages(args.data.as_deref(), args.limit)? else {
        skip_no_data(args.data.as_deref());
        return Ok(());
    };
    if pages.is_empty() {
        bail!("wcxb-dev has no pages");
    }
    let rss_loaded = peak_rss_kib();
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    eprintln!(
        "annalist-bench: loaded {} pages, {:.1} MB, in {:.1} s",
        pages.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let pool = match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new().num_threads(n).build(),
        None => rayon::ThreadPoolBuilder::new().build(),
    }
    .context("cannot set up the thread pool")?;
    let cores = pool.current_num_threads();

    let extract_one = |p: &LoadedPage| -> Option<annalist_core::Document> {
        let mut input = annalist_extract::Input::new(&p.id, &p.html)
            .with_format(annalist_extract::Format::Html);
        input.url = p.url.as_deref();
        annalist_extract::extract(&input).ok()
    };
    let failures = pages.iter().filter(|p| extract_one(p).is_none()).count(); // also the warm-up

    let mut measures = Vec::new();
    let mut per_page = vec![f64::INFINITY; pages.len()];
    let mut single = Vec::new();
    for _ in 0..passes {
        let t = Instant::now();
        for (i, p) in pages.iter().enumerate() {
            let t_page = Instant::now();
            std::hint::black_box(extract_one(p));
            per_page[i] = per_page[i].min(t_page.elapsed().as_secs_f64());
        }
        single.push(t.elapsed().as_secs_f64());
    }
    measures.push(measure("extract", 1, &single, pages.len(), bytes));

    let parallel = time_passes(passes, || {
        pool.install(|| {
            pages
                .par_iter()
                .for_each(|p| drop(std::hint::black_box(extract_one(p))))
        })
    });
    measures.push(measure("extract", cores, &parallel, pages.len(), bytes));

    let mut nlp_rate: Option<(usize, f64, Vec<f64>)> = None;
    if !args.no_nlp {
        let analyzer = annalist_nlp::Analyzer::new();
        // The NLP stage alone, over the extracted articles: words/s on one thread.
        let docs: Vec<annalist_core::Document> = pages.iter().filter_map(extract_one).collect();
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let nlp = time_passes(passes, || {
            for d in &docs {
                std::hint::black_box(analyzer.analyze(d));
            }
        });
        let t = median(nlp.clone()).max(1e-9);
        nlp_rate = Some((words, words as f64 / t, nlp));
        let coder = annalist_events::Coder::new();
        // The whole `analyze`: extraction, NLP and events.
        let full = |p: &LoadedPage| {
            if let Some(doc) = extract_one(p) {
                std::hint::black_box(annalist_events::analyze(&analyzer, &coder, &doc));
            }
        };
        let single = time_passes(passes, || pages.iter().for_each(full));
        measures.push(measure(
            "extract + analyze + events",
            1,
            &single,
            pages.len(),
            bytes,
        ));
        // The article pages alone (what the events floor is stated on).
        let articles: Vec<&LoadedPage> = pages.iter().filter(|p| p.article).collect();
        let article_bytes: usize = articles.iter().map(|p| p.html.len()).sum();
        let single = time_passes(passes, || articles.iter().for_each(|p| full(p)));
        measures.push(measure(
            "extract + analyze + events, article pages",
            1,
            &single,
            articles.len(),
            article_bytes,
        ));
        let parallel = time_passes(passes, || pool.install(|| pages.par_iter().for_each(full)));
        measures.push(measure(
            "extract + analyze + events",
            cores,
            &parallel,
            pages.len(),
            bytes,
        ));
    }
    let rss_end = peak_rss_kib();

    let mut sorted = per_page.clone();
    sorted.sort_by(f64::total_cmp);
    let mut slowest: Vec<(f64, &str)> = per_page
        .iter()
        .zip(&pages)
        .map(|(t, p)| (*t, p.id.as_str()))
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));

    let mut s = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(s, "## Extraction throughput\n");
    let _ = writeln!(
        s,
        "Command: `{}` (release build: {}).",
        command_line(),
        !cfg!(debug_assertions)
    );
    let _ = writeln!(s, "Machine: {}.", machine());
    let _ = writeln!(
        s,
        "Input: the {} wcxb-dev pages, {:.1} MB of HTML, gunzipped into memory before timing (no I/O timed); \
         `extract` includes charset decoding and parsing. Median of {passes} passes.\n",
        pages.len(),
        bytes as f64 / 1e6
    );
    let _ = writeln!(s, "| what | threads | pages/s | MB/s | passes (s) |");
    let _ = writeln!(s, "|---|---|---|---|---|");
    for m in &measures {
        let ps: Vec<String> = m.passes.iter().map(|t| format!("{t:.2}")).collect();
        let _ = writeln!(
            s,
            "| {} | {} | {:.0} | {:.1} | {} |",
            m.label,
            m.threads,
            m.pages_per_s,
            m.mb_per_s,
            ps.join(", ")
        );
    }
    if let Some((words, rate, passes)) = &nlp_rate {
        let ps: Vec<String> = passes.iter().map(|t| format!("{t:.2}")).collect();
        let _ = writeln!(
            s,
            "\nNLP stage alone (`Analyzer::analyze`: sentences, tokens, entities, times, places, quotes) over the \
             extracted texts, {words} words (whitespace-separated), one thread: **{rate:.0} words/s** \
             (passes: {} s). spaCy en_core_web_sm, tokenizer + NER only: 13,300 words/s (quoted from \
             `shared/data/README.md`).",
            ps.join(", ")
        );
    }
    let ms = |x: f64| format!("{:.2}", x * 1e3);
    let _ = writeln!(
        s,
        "\nPer page, one thread (best of the passes): median {} ms, p90 {} ms, p99 {} ms, max {} ms; slowest: {}.",
        ms(percentile(&sorted, 0.5)),
        ms(percentile(&sorted, 0.9)),
        ms(percentile(&sorted, 0.99)),
        ms(sorted.last().copied().unwrap_or(0.0)),
        slowest.iter().take(5).map(|(t, id)| format!("{id} ({} ms)", ms(*t))).collect::<Vec<_>>().join(", ")
    );
    if failures > 0 {
        let _ = writeln!(
            s,
            "\nThe extractor returned an error on {failures} of the pages."
        );
    }
    let kib = |k: Option<u64>| {
        k.map_or_else(
            || "unknown".to_string(),
            |k| format!("{:.1} MiB", k as f64 / 1024.0),
        )
    };
    let _ = writeln!(
        s,
        "\nPeak memory (VmHWM) of the whole benchmark process: {} after loading the pages, {} at the end.",
        kib(rss_loaded),
        kib(rss_end)
    );
    let _ = writeln!(s, "\nPeers (quoted from `shared/data/README.md`, not measured here; docs/s per core, parsing included):\n");
    let _ = writeln!(s, "| tool | docs/s per core |");
    let _ = writeln!(s, "|---|---|");
    if let Some(m) = measures.first() {
        let _ = writeln!(
            s,
            "| **annalist** extract, 1 thread (measured above) | **{:.0}** |",
            m.pages_per_s
        );
    }
    for p in PEERS {
        let _ = writeln!(s, "| {} | {} |", p.tool, p.docs_per_s);
    }
    print!("{s}");
    if let Some(path) = &args.write {
        write_section(path, "throughput", &s)?;
    }
    Ok(())
}

fn time_passes(passes: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..passes)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect()
}

fn measure(
    label: &'static str,
    threads: usize,
    passes: &[f64],
    pages: usize,
    bytes: usize,
) -> Measure {
    let t = median(passes.to_vec()).max(1e-9);
    Measure {
        label,
        threads,
        pages_per_s: pages as f64 / t,
        mb_per_s: bytes as f64 / 1e6 / t,
        passes: passes.to_vec(),
    }
}

// ---------------------------------------------------------------------------------------------
// WARC

/// What `warc --make` wrote, kept beside the file as `PATH.manifest.json` for `warc --run`.
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Manifest {
    command: String,
    records: u64,
    distinct_pages: u64,
    uncompressed_bytes: u64,
    compressed_bytes: u64,
}

fn manifest_path(warc: &Path) -> PathBuf {
    let mut s = warc.as_os_str().to_owned();
    s.push(".manifest.json");
    PathBuf::from(s)
}

/// The charset a page declares in its first 4 KiB (`charset=…`), else utf-8 when it is valid
/// UTF-8, else none.
fn declared_charset(html: &[u8]) -> Option<String> {
    let head = &html[..html.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    if let Some(i) = lower.windows(8).position(|w| w == b"charset=") {
        let rest = &lower[i + 8..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let name: String = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || b"-_:.".contains(c))
            .map(|&c| c as char)
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    std::str::from_utf8(html)
        .is_ok()
        .then(|| "utf-8".to_string())
}

/// One WARC/1.0 response record (HTTP/1.1 200 with the page), not yet compressed.
fn warc_record(seq: u64, url: &str, html: &[u8]) -> Vec<u8> {
    let content_type = match declared_charset(html) {
        Some(cs) => format!("text/html; charset={cs}"),
        None => "text/html".to_string(),
    };
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        html.len()
    );
    let block_len = http.len() + html.len();
    let header = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:616e6e61-0000-4000-8000-{seq:012x}>\r\n\
         WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {block_len}\r\n\r\n"
    );
    let mut out = Vec::with_capacity(header.len() + block_len + 4);
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(html);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn warcinfo_record() -> Vec<u8> {
    let body = "software: annalist-bench\r\nformat: WARC File Format 1.0\r\n\
                description: wcxb-dev pages (CC-BY-4.0) repeated for benchmarking\r\n";
    format!(
        "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:616e6e61-0000-4000-8000-ffffffffffff>\r\n\
         WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/warc-fields\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
        body.len()
    )
    .into_bytes()
}

fn gzip_member(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::default(),
    );
    e.write_all(bytes)?;
    Ok(e.finish()?)
}

fn warc_make(path: &Path, size_mb: u64, data: Option<&Path>) -> Result<()> {
    let Some(pages) = load_pages(data, None)? else {
        skip_no_data(data);
        return Ok(());
    };
    if pages.is_empty() {
        bail!("wcxb-dev has no pages");
    }
    let target = size_mb.saturating_mul(1_000_000);
    let started = Instant::now();
    let file =
        fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let info = gzip_member(&warcinfo_record())?;
    out.write_all(&info)?;
    let mut written = info.len() as u64;
    let (mut records, mut raw) = (0u64, 0u64);
    const BATCH: u64 = 256;
    'outer: while written < target {
        let batch: Vec<(Vec<u8>, u64)> = (records..records + BATCH)
            .into_par_iter()
            .map(|seq| {
                let p = &pages[(seq % pages.len() as u64) as usize];
                let url = p
                    .url
                    .clone()
                    .unwrap_or_else(|| format!("https://wcxb.invalid/{}", p.id));
                let rec = warc_record(seq, &url, &p.html);
                Ok((gzip_member(&rec)?, rec.len() as u64))
            })
            .collect::<Result<_>>()?;
        for (member, raw_len) in batch {
            out.write_all(&member)
                .with_context(|| format!("cannot write {}", path.display()))?;
            written += member.len() as u64;
            raw += raw_len;
            records += 1;
            if written >= target {
                break 'outer;
            }
        }
    }
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    let manifest = Manifest {
        command: command_line(),
        records,
        distinct_pages: records.min(pages.len() as u64),
        uncompressed_bytes: raw,
        compressed_bytes: written,
    };
    let mpath = manifest_path(path);
    fs::write(&mpath, serde_json::to_string_pretty(&manifest)?)
        .with_context(|| format!("cannot write {}", mpath.display()))?;
    println!(
        "annalist-bench: wrote {}: {} response records ({} distinct pages), {:.1} MB compressed, {:.1} MB uncompressed, in {:.1} s; manifest {}",
        path.display(),
        records,
        manifest.distinct_pages,
        written as f64 / 1e6,
        raw as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        mpath.display()
    );
    Ok(())
}

/// What the child did: its exit status, peak RSS and CPU time, from `wait4`.
struct ChildUsage {
    status: i32,
    max_rss_kib: u64,
    cpu: Duration,
}

fn wait_child(pid: u32) -> Result<ChildUsage> {
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for our own child `pid`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: valid pointers to locals; pid is a child of this process not yet reaped.
        let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
        if r == pid as libc::pid_t {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(err).context("wait4 failed");
        }
    }
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        128 + libc::WTERMSIG(status)
    } else {
        -1
    };
    Ok(ChildUsage {
        status: code,
        max_rss_kib: usage.ru_maxrss as u64, // kilobytes on Linux
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
    })
}

fn warc_run(path: &Path, bin: &Path, write: Option<&Path>) -> Result<()> {
    if !path.is_file() {
        bail!(
            "no WARC file at {} (make one with: annalist-bench warc --make {} --size-mb 1000)",
            path.display(),
            path.display()
        );
    }
    if !bin.is_file() {
        bail!(
            "no annalist binary at {} (build it with: cargo build --release -p annalist-cli)",
            bin.display()
        );
    }
    let compressed = fs::metadata(path)
        .with_context(|| format!("cannot stat {}", path.display()))?
        .len();
    let manifest: Option<Manifest> = fs::read(manifest_path(path))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let started = Instant::now();
    let mut child = Process::new(bin)
        .arg("analyze")
        .arg("--jsonl")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", bin.display()))?;
    let pid = child.id();
    let mut stdout = child.stdout.take().context("no stdout pipe")?;
    let mut stderr = child.stderr.take().context("no stderr pipe")?;
    let err_thread = std::thread::spawn(move || {
        // Keep the last 4 KiB of the child's stderr for an error message; count its lines.
        let mut tail = Vec::new();
        let mut lines = 0u64;
        let mut buf = [0u8; 8192];
        while let Ok(n) = stderr.read(&mut buf) {
            if n == 0 {
                break;
            }
            lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
            tail.extend_from_slice(&buf[..n]);
            if tail.len() > 8192 {
                tail.drain(..tail.len() - 4096);
            }
        }
        (String::from_utf8_lossy(&tail).into_owned(), lines)
    });
    let (mut out_bytes, mut out_lines) = (0u64, 0u64);
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = stdout
            .read(&mut buf)
            .context("cannot read the child's output")?;
        if n == 0 {
            break;
        }
        out_bytes += n as u64;
        out_lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
    let usage = wait_child(pid)?;
    let wall = started.elapsed().as_secs_f64().max(1e-9);
    drop(child); // already reaped by wait4
    let (err_tail, err_lines) = err_thread.join().unwrap_or_default();
    if usage.status != 0 {
        bail!(
            "{} exited with status {}; its last messages:\n{}",
            bin.display(),
            usage.status,
            err_tail.trim_end()
        );
    }

    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "## WARC end to end (`annalist analyze --jsonl`)\n");
    if let Some(m) = &manifest {
        let _ = writeln!(s, "Input made with: `{}`.", m.command);
    }
    let _ = writeln!(s, "Command: `{}`.", command_line());
    let _ = writeln!(s, "Machine: {}.\n", machine());
    let _ = writeln!(s, "| figure | value |");
    let _ = writeln!(s, "|---|---|");
    let _ = writeln!(
        s,
        "| input, compressed | {:.1} MB |",
        compressed as f64 / 1e6
    );
    if let Some(m) = &manifest {
        let _ = writeln!(
            s,
            "| input, uncompressed | {:.1} MB in {} response records ({} distinct pages) |",
            m.uncompressed_bytes as f64 / 1e6,
            m.records,
            m.distinct_pages
        );
    }
    let _ = writeln!(s, "| wall time | {wall:.1} s |");
    let _ = writeln!(
        s,
        "| records out (JSON lines) | {out_lines} ({:.1} MB) |",
        out_bytes as f64 / 1e6
    );
    let _ = writeln!(s, "| **records/s** | **{:.0}** |", out_lines as f64 / wall);
    let _ = writeln!(
        s,
        "| compressed input MB/s | {:.1} |",
        compressed as f64 / 1e6 / wall
    );
    if let Some(m) = &manifest {
        let _ = writeln!(
            s,
            "| uncompressed input MB/s | {:.1} |",
            m.uncompressed_bytes as f64 / 1e6 / wall
        );
    }
    let _ = writeln!(
        s,
        "| CPU time (user + sys) | {:.1} s, {:.2} cores busy on average |",
        usage.cpu.as_secs_f64(),
        usage.cpu.as_secs_f64() / wall
    );
    let _ = writeln!(
        s,
        "| **peak RSS of `annalist`** (ru_maxrss) | **{:.1} MiB** |",
        usage.max_rss_kib as f64 / 1024.0
    );
    let _ = writeln!(s, "| stderr lines from `annalist` | {err_lines} |");
    if let Some(m) = &manifest {
        if m.records != out_lines {
            let _ = writeln!(
                s,
                "\nNote: {} response records in, {out_lines} JSON lines out.",
                m.records
            );
        }
    }
    print!("{s}");
    if let Some(w) = write {
        write_section(w, "warc", &s)?;
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
            "annalist-bench",
            "--passes",
            "3",
            "--write",
            "docs/performance.md",
        ])
        .unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.throughput.passes, 3);
        let cli = Cli::try_parse_from([
            "annalist-bench",
            "warc",
            "--make",
            "/tmp/x.warc.gz",
            "--size-mb",
            "10",
        ])
        .unwrap();
        let Some(Command::Warc(w)) = cli.command else {
            panic!("not warc")
        };
        assert_eq!(
            (w.make.as_deref(), w.size_mb),
            (Some(Path::new("/tmp/x.warc.gz")), 10)
        );
        let cli =
            Cli::try_parse_from(["annalist-bench", "warc", "--run", "x.warc.gz", "--bin", "a"])
                .unwrap();
        let Some(Command::Warc(w)) = cli.command else {
            panic!("not warc")
        };
        assert_eq!(w.annalist, Path::new("a"));
        // One of --make and --run is required; --size-mb goes with --make only.
        assert!(Cli::try_parse_from(["annalist-bench", "warc"]).is_err());
        assert!(
            Cli::try_parse_from(["annalist-bench", "warc", "--run", "x", "--size-mb", "3"])
                .is_err()
        );
    }

    #[test]
    fn warc_records_are_well_formed() {
        let rec = warc_record(
            7,
            "http://x/",
            b"<meta charset=\"ISO-8859-1\"><p>caf\xe9</p>",
        );
        let text = String::from_utf8_lossy(&rec);
        assert!(text.starts_with("WARC/1.0\r\nWARC-Type: response\r\n"));
        assert!(text.contains("WARC-Record-ID: <urn:uuid:616e6e61-0000-4000-8000-000000000007>"));
        assert!(text.contains("Content-Type: text/html; charset=iso-8859-1\r\n"));
        let (head, block) = text.split_once("\r\n\r\n").unwrap();
        let len: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(rec.len() - head.len() - 4 - 4, len);
        assert!(block.starts_with("HTTP/1.1 200 OK\r\n"));
        assert_eq!(declared_charset(b"<p>plain</p>").as_deref(), Some("utf-8"));
        assert_eq!(declared_charset(b"<p>\xff</p>"), None);
    }

    #[test]
    fn sections_are_replaced_in_place() {
        let dir = std::env::temp_dir().join(format!("annalist-bench-test-{}", std::process::id()));
        let path = dir.join("perf.md");
        write_section(&path, "a", "A1").unwrap();
        write_section(&path, "b", "B1").unwrap();
        write_section(&path, "a", "A2").unwrap();
        let s = fs::read_to_string(&path).unwrap();
        assert!(s.starts_with("# Performance"));
        assert!(s.contains("<!-- begin a -->\nA2\n<!-- end a -->"));
        assert!(s.contains("<!-- begin b -->\nB1\n<!-- end b -->"));
        assert!(!s.contains("A1"));
        assert!(s.find("begin a").unwrap() < s.find("begin b").unwrap());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 3.0);
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 1.0), 5.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Store

mod store {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::{SocketAddr, TcpStream};

    use annalist_core::Analysis;
    use annalist_eval::store_bench::{self, Latency, Query};
    use annalist_store::Store;

    use super::*;

    /// Ingest speed and store size (the CLI on the dev pages), then query latency on a store
    /// of at least `--events` events, through the library and through `annalist serve`.
    pub fn run(args: &StoreArgs) -> Result<()> {
        if cfg!(debug_assertions) {
            eprintln!("annalist-bench: warning: a debug build; use --release for real figures");
        }
        let Some(pages) = load_pages(args.data.as_deref(), None)? else {
            skip_no_data(args.data.as_deref());
            return Ok(());
        };
        let tmp = tempfile::tempdir()?;
        let dir = tmp.path().join("pages");
        fs::create_dir(&dir)?;
        for (i, p) in pages.iter().enumerate() {
            fs::write(dir.join(format!("{i:05}.html")), &p.html)?;
        }
        let ingest_db = tmp.path().join("ingest.db");
        let start = Instant::now();
        let out = Process::new(&args.annalist)
            .args(["ingest", "--db"])
            .arg(&ingest_db)
            .arg(&dir)
            .stdout(Stdio::null())
            .output()
            .with_context(|| format!("cannot run {}", args.annalist.display()))?;
        let seconds = start.elapsed().as_secs_f64();
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
        let store = Store::open_read_only(&ingest_db)?;
        let stats = store.stats()?;
        let bytes: u64 = ["", "-wal", "-shm"]
            .iter()
            .filter_map(|ext| fs::metadata(format!("{}{ext}", ingest_db.display())).ok())
            .map(|m| m.len())
            .sum();
        let mut records = Vec::new();
        store.export_jsonl(&mut records)?;
        let templates: Vec<Analysis> = records
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(serde_json::from_slice)
            .collect::<Result<_, _>>()?;
        drop(store);

        let db = args
            .db
            .clone()
            .unwrap_or_else(|| tmp.path().join("events.db"));
        for ext in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{ext}", db.display()));
        }
        let mut big = Store::open(&db)?;
        let generated = store_bench::generate(&mut big, &templates, args.events)?;
        drop(big);
        eprintln!("annalist-bench: {generated:?}");
        let store = Store::open_read_only(&db)?;
        let library = store_bench::time_queries(&store_bench::store_queries(&store), args.runs)?;
        let mut api = api_latency(&args.annalist, &db, args.runs)?;
        api.extend(cli_latency(&args.annalist, &db, args.runs)?);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut body = format!(
            "Command: `{}` (release build; the dev pages are written to a temporary folder and \
             ingested by the CLI; the query store is generated from their records)\n\n\
             Machine: {}\n\n\
             | ingest (CLI, {cores} cores) | figure |\n|---|---|\n\
             | pages | {} |\n| seconds | {:.1} |\n| pages/s | {:.0} |\n\
             | documents stored / stories | {} / {} |\n\
             | store size per 1,000 documents | {:.1} MB |\n\n\
             Query store: {} events merged from {} reports in {} documents, written in {:.1} s \
             ({:.0} documents/s, one thread).\n\n\
             | query | runs | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n",
            command_line(),
            machine(),
            pages.len(),
            seconds,
            pages.len() as f64 / seconds,
            stats.documents,
            stats.stories,
            bytes as f64 / stats.documents.max(1) as f64 * 1000.0 / 1e6,
            generated.events,
            generated.reports,
            generated.documents,
            generated.seconds,
            generated.documents as f64 / generated.seconds,
        );
        for (suffix, rows) in [(" (library)", &library), ("", &api)] {
            for l in rows.iter() {
                body.push_str(&format!(
                    "| {}{suffix} | {} | {:.2} | {:.2} | {:.2} |\n",
                    l.kind, l.runs, l.p50, l.p99, l.max
                ));
            }
        }
        print!("{body}");
        if let Some(path) = &args.write {
            write_section(path, "store", &body)?;
        }
        Ok(())
    }

    /// Wall time of whole `annalist query` runs (process start, store open, query, JSON lines
    /// out), as a user at a shell sees it.
    fn cli_latency(bin: &Path, db: &Path, runs: usize) -> Result<Vec<Latency>> {
        let pairs = [
            "CHN,RUS", "USA,CHN", "RUS,UKR", "ISR,IRN", "USA,RUS", "IND,PAK",
        ];
        let query = move |n: usize| -> Result<()> {
            let out = Process::new(bin)
                .args([
                    "query",
                    "--limit",
                    "100",
                    "--dyad",
                    pairs[n % pairs.len()],
                    "--db",
                ])
                .arg(db)
                .stdout(Stdio::null())
                .output()?;
            anyhow::ensure!(out.status.success(), "annalist query failed: {out:?}");
            Ok(())
        };
        let queries: Vec<Query<'_>> = vec![("annalist query --dyad (CLI)", Box::new(query))];
        store_bench::time_queries(&queries, runs)
    }

    /// Latency of API requests to `annalist serve` over loopback, one connection per request.
    fn api_latency(bin: &Path, db: &Path, runs: usize) -> Result<Vec<Latency>> {
        let mut child = Process::new(bin)
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot run {} serve", bin.display()))?;
        let mut stderr = BufReader::new(child.stderr.take().context("no stderr")?);
        let mut line = String::new();
        stderr.read_line(&mut line)?;
        let addr: Option<SocketAddr> = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .and_then(|a| a.trim_end_matches('/').parse().ok());
        let Some(addr) = addr else {
            let _ = child.kill();
            bail!("annalist serve did not say where it listens: {line:?}");
        };
        let get = move |path: String| -> Result<()> {
            let mut s = TcpStream::connect(addr)?;
            write!(
                s,
                "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            )?;
            let mut response = Vec::new();
            s.read_to_end(&mut response)?;
            anyhow::ensure!(
                response.starts_with(b"HTTP/1.1 200"),
                "{path}: {}",
                String::from_utf8_lossy(&response[..response.len().min(200)])
            );
            Ok(())
        };
        let pairs = [
            "CHN,RUS", "USA,CHN", "RUS,UKR", "ISR,IRN", "USA,RUS", "IND,PAK",
        ];
        let queries: Vec<Query<'_>> = vec![
            (
                "GET /api/events?dyad= (HTTP)",
                Box::new(move |n| get(format!("/api/events?dyad={}", pairs[n % pairs.len()]))),
            ),
            (
                "GET /api/series?dyad= (HTTP)",
                Box::new(move |n| get(format!("/api/series?dyad={}", pairs[n % pairs.len()]))),
            ),
            (
                "GET /api/events?q=&actor= (HTTP)",
                Box::new(move |n| {
                    get(format!(
                        "/api/events?q=minister&actor={}",
                        &pairs[n % pairs.len()][..3]
                    ))
                }),
            ),
            (
                "GET /api/documents?q= (HTTP)",
                Box::new(move |_| get("/api/documents?q=government&limit=20".into())),
            ),
        ];
        let result = store_bench::time_queries(&queries, runs);
        let _ = child.kill();
        let _ = child.wait();
        result
    }
}
