//! Loaders for the extraction sets under `shared/data/extraction/` (see its README).
//!
//! Each loader lists the set's pages with their gold already read and cleaned; the page itself
//! stays on disk until [`Page::read_html`] gunzips it, so a whole set can be scored in parallel
//! without holding every page in memory.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::text;

/// The four sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Set {
    /// trafilatura's evaluation pages: `with`/`without` snippets.
    TrafilaturaEval,
    /// WCXB v1.0 dev split: main content, title, author, date, page type.
    WcxbDev,
    /// CleanEval 2007 final: gold text.
    Cleaneval,
    /// Mozilla Readability's test pages: expected HTML.
    ReadabilityPages,
}

impl Set {
    /// All sets, in report order.
    pub const ALL: [Set; 4] = [
        Set::TrafilaturaEval,
        Set::WcxbDev,
        Set::Cleaneval,
        Set::ReadabilityPages,
    ];

    /// The set's folder name under `extraction/`, also its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Set::TrafilaturaEval => "trafilatura-eval",
            Set::WcxbDev => "wcxb-dev",
            Set::Cleaneval => "cleaneval",
            Set::ReadabilityPages => "readability-pages",
        }
    }

    /// The set named `name` (its folder name).
    pub fn from_name(name: &str) -> Option<Set> {
        Set::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Lists the set's pages under `extraction_dir` (the folder holding the four set folders).
    pub fn load(self, extraction_dir: &Path) -> Result<Vec<Page>> {
        let dir = extraction_dir.join(self.name());
        match self {
            Set::TrafilaturaEval => load_trafilatura_eval(&dir),
            Set::WcxbDev => load_wcxb_dev(&dir),
            Set::Cleaneval => load_cleaneval(&dir),
            Set::ReadabilityPages => load_readability_pages(&dir),
        }
    }
}

impl fmt::Display for Set {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a page is scored against. Fields a set does not have are empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gold {
    /// The main text (WCXB `main_content`, CleanEval and Readability gold), if the set has one.
    pub text: Option<String>,
    /// Snippets that must appear in the output.
    pub with: Vec<String>,
    /// Snippets that must not.
    pub without: Vec<String>,
    /// The headline (WCXB).
    pub title: Option<String>,
    /// The byline as one string (WCXB).
    pub author: Option<String>,
    /// The publication date, `YYYY-MM-DD` (WCXB).
    pub date: Option<String>,
    /// The page type (WCXB `_internal.page_type.primary`: article, forum, product…).
    pub page_type: Option<String>,
}

/// One page of a set.
#[derive(Clone, Debug)]
pub struct Page {
    /// Its id within the set (file name without `.html.gz`, or WCXB's `NNNN`).
    pub id: String,
    /// The gzipped page.
    pub path: PathBuf,
    /// The URL it was fetched from, when the set gives it.
    pub url: Option<String>,
    /// The gold.
    pub gold: Gold,
}

impl Page {
    /// The page's bytes, gunzipped.
    pub fn read_html(&self) -> Result<Vec<u8>> {
        read_gz(&self.path)
    }
}

/// Reads and gunzips a file.
pub fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let file = fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file))
        .read_to_end(&mut out)
        .with_context(|| format!("cannot gunzip {}", path.display()))?;
    Ok(out)
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not the expected JSON", path.display()))
}

fn require_dir(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    Ok(())
}

/// The file names in `dir` ending with `suffix`, sorted, with the suffix removed.
fn stems(dir: &Path, suffix: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        if let Some(stem) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.strip_suffix(suffix))
        {
            out.push(stem.to_string());
        }
    }
    out.sort();
    Ok(out)
}

#[derive(Deserialize)]
struct TrafilaturaItem {
    file: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

/// `trafilatura-eval/`: `evaldata.json` maps each URL to `{file, with, without, …}`; the page is
/// `cache/FILE.gz` or `eval/FILE.gz`. Pages come in the order of their file names.
pub fn load_trafilatura_eval(dir: &Path) -> Result<Vec<Page>> {
    require_dir(dir)?;
    let items: std::collections::BTreeMap<String, TrafilaturaItem> =
        read_json(&dir.join("evaldata.json"))?;
    let mut pages = Vec::with_capacity(items.len());
    for (url, item) in items {
        let path = ["cache", "eval"]
            .iter()
            .map(|sub| dir.join(sub).join(format!("{}.gz", item.file)))
            .find(|p| p.is_file())
            .with_context(|| {
                format!(
                    "{}: page {} is in neither cache/ nor eval/",
                    dir.display(),
                    item.file
                )
            })?;
        pages.push(Page {
            id: item.file,
            path,
            url: Some(url),
            gold: Gold {
                with: item.with,
                without: item.without,
                ..Gold::default()
            },
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

#[derive(Deserialize)]
struct WcxbFile {
    url: Option<String>,
    #[serde(default, rename = "_internal")]
    internal: Option<WcxbInternal>,
    ground_truth: WcxbGround,
}

#[derive(Deserialize)]
struct WcxbInternal {
    page_type: Option<WcxbPageType>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum WcxbPageType {
    Object { primary: Option<String> },
    Name(String),
}

#[derive(Deserialize)]
struct WcxbGround {
    main_content: Option<String>,
    title: Option<String>,
    author: Option<String>,
    publish_date: Option<String>,
    #[serde(default)]
    with: Option<Vec<String>>,
    #[serde(default)]
    without: Option<Vec<String>>,
}

/// `wcxb-dev/`: `html/NNNN.html.gz` and `ground-truth/NNNN.json`. A missing `main_content` reads
/// as empty, and a missing page type as `article`, as WCXB's own `evaluate.py` does (it also
/// reads `category` as `collection`).
pub fn load_wcxb_dev(dir: &Path) -> Result<Vec<Page>> {
    require_dir(dir)?;
    let gt_dir = dir.join("ground-truth");
    let mut pages = Vec::new();
    for id in stems(&gt_dir, ".json")? {
        let f: WcxbFile = read_json(&gt_dir.join(format!("{id}.json")))?;
        let g = f.ground_truth;
        let page_type = match f.internal.and_then(|i| i.page_type) {
            Some(WcxbPageType::Object { primary: Some(p) }) | Some(WcxbPageType::Name(p)) => p,
            _ => "article".to_string(),
        };
        let page_type = if page_type == "category" {
            "collection".to_string()
        } else {
            page_type
        };
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let path = dir.join("html").join(format!("{id}.html.gz"));
        if !path.is_file() {
            bail!("{}: no page for ground truth {id}", path.display());
        }
        pages.push(Page {
            id,
            path,
            url: nonempty(f.url),
            gold: Gold {
                text: Some(g.main_content.unwrap_or_default()),
                with: g.with.unwrap_or_default(),
                without: g.without.unwrap_or_default(),
                title: nonempty(g.title),
                author: nonempty(g.author),
                date: nonempty(g.publish_date),
                page_type: Some(page_type),
            },
        });
    }
    Ok(pages)
}

/// `cleaneval/final/`: `input/N.html.gz` and `GoldStandard/N.txt`; only pages with gold are
/// listed, in numeric order. The page's URL is read from its `<text id="…">` wrapper later, by
/// [`cleaneval_url`]; the wrapper stays in the bytes given to the extractor, as the peers had it.
pub fn load_cleaneval(dir: &Path) -> Result<Vec<Page>> {
    require_dir(dir)?;
    let root = dir.join("final");
    let gold_dir = root.join("GoldStandard");
    let mut ids = stems(&gold_dir, ".txt")?;
    ids.sort_by_key(|id| (id.parse::<u64>().unwrap_or(u64::MAX), id.clone()));
    load_input_and_gold(&root, ids, text::clean_cleaneval_gold)
}

/// The pages of a set laid out as `input/ID.html.gz` beside `GoldStandard/ID.txt`, in the order
/// of `ids`, each gold file turned into text by `clean`. Pages without an input are skipped.
fn load_input_and_gold(
    root: &Path,
    ids: Vec<String>,
    clean: fn(&str) -> String,
) -> Result<Vec<Page>> {
    let gold_dir = root.join("GoldStandard");
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let path = root.join("input").join(format!("{id}.html.gz"));
        if !path.is_file() {
            continue;
        }
        let gold_path = gold_dir.join(format!("{id}.txt"));
        let raw =
            fs::read(&gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
        let gold = clean(&text::decode_gold(&raw));
        pages.push(Page {
            id,
            path,
            url: None,
            gold: Gold {
                text: Some(gold),
                ..Gold::default()
            },
        });
    }
    Ok(pages)
}

/// The `id` attribute of CleanEval's `<text id="URL" …>` wrapper, when the page starts with one.
pub fn cleaneval_url(html: &[u8]) -> Option<String> {
    let head = &html[..html.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let rest = head.trim_start().strip_prefix("<text id=\"")?;
    let url = &rest[..rest.find('"')?];
    (!url.is_empty()).then(|| html_escape::decode_html_entities(url).into_owned())
}

/// `readability-pages/`: `input/NAME.html.gz` and `GoldStandard/NAME.txt`, the latter the HTML
/// that Readability.js is expected to output; its text (see [`text::html_to_text`]) is the gold.
pub fn load_readability_pages(dir: &Path) -> Result<Vec<Page>> {
    require_dir(dir)?;
    let ids = stems(&dir.join("GoldStandard"), ".txt")?;
    load_input_and_gold(dir, ids, text::html_to_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(path: &Path, bytes: &[u8]) {
        let mut e = flate2::write::GzEncoder::new(
            fs::File::create(path).unwrap(),
            flate2::Compression::fast(),
        );
        e.write_all(bytes).unwrap();
        e.finish().unwrap();
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("annalist-eval-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn set_names_round_trip() {
        for s in Set::ALL {
            assert_eq!(Set::from_name(s.name()), Some(s));
        }
        assert_eq!(Set::from_name("nope"), None);
    }

    #[test]
    fn loads_small_sets_and_reads_pages() {
        let root = scratch("sets");
        // trafilatura-eval
        let t = root.join("trafilatura-eval");
        fs::create_dir_all(t.join("cache")).unwrap();
        fs::create_dir_all(t.join("eval")).unwrap();
        gz(&t.join("eval/b.html.gz"), b"<p>B</p>");
        gz(&t.join("cache/a.html.gz"), b"<p>A</p>");
        fs::write(
            t.join("evaldata.json"),
            r#"{"http://b/": {"file": "b.html", "with": ["B"], "without": ["x"]},
                "http://a/": {"file": "a.html", "with": ["A"], "without": [], "title": "t"}}"#,
        )
        .unwrap();
        let pages = Set::TrafilaturaEval.load(&root).unwrap();
        assert_eq!(
            pages.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["a.html", "b.html"]
        );
        assert_eq!(pages[1].url.as_deref(), Some("http://b/"));
        assert_eq!(pages[1].gold.without, ["x"]);
        assert_eq!(pages[0].read_html().unwrap(), b"<p>A</p>");

        // wcxb-dev
        let w = root.join("wcxb-dev");
        fs::create_dir_all(w.join("html")).unwrap();
        fs::create_dir_all(w.join("ground-truth")).unwrap();
        gz(&w.join("html/0001.html.gz"), b"<p>x</p>");
        fs::write(
            w.join("ground-truth/0001.json"),
            r#"{"url": "http://w/", "_internal": {"page_type": {"primary": "category"}},
                "ground_truth": {"title": "T", "author": null, "publish_date": "2025-01-02",
                "with": ["x"], "without": []}}"#,
        )
        .unwrap();
        let pages = Set::WcxbDev.load(&root).unwrap();
        assert_eq!(pages.len(), 1);
        let g = &pages[0].gold;
        assert_eq!(g.text.as_deref(), Some(""));
        assert_eq!(g.page_type.as_deref(), Some("collection"));
        assert_eq!(
            (g.title.as_deref(), g.author.as_deref(), g.date.as_deref()),
            (Some("T"), None, Some("2025-01-02"))
        );

        // cleaneval: numeric order, pages without gold skipped
        let c = root.join("cleaneval/final");
        fs::create_dir_all(c.join("input")).unwrap();
        fs::create_dir_all(c.join("GoldStandard")).unwrap();
        for n in ["9", "10", "11"] {
            gz(
                &c.join(format!("input/{n}.html.gz")),
                b"<text id=\"http://c/?a=1&amp;b\" title=\"t\">\n<p>x</p></text>",
            );
        }
        fs::write(c.join("GoldStandard/10.txt"), "URL: http://c/\n<p> Ten").unwrap();
        fs::write(c.join("GoldStandard/9.txt"), b"<h>caf\xe9").unwrap();
        let pages = Set::Cleaneval.load(&root).unwrap();
        assert_eq!(
            pages.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["9", "10"]
        );
        assert_eq!(pages[0].gold.text.as_deref().map(str::trim), Some("café"));
        assert_eq!(pages[1].gold.text.as_deref().map(str::trim), Some("Ten"));
        assert_eq!(
            cleaneval_url(&pages[0].read_html().unwrap()).as_deref(),
            Some("http://c/?a=1&b")
        );
        assert_eq!(cleaneval_url(b"<html>"), None);

        // readability-pages
        let r = root.join("readability-pages");
        fs::create_dir_all(r.join("input")).unwrap();
        fs::create_dir_all(r.join("GoldStandard")).unwrap();
        gz(&r.join("input/001.html.gz"), b"<p>x</p>");
        fs::write(
            r.join("GoldStandard/001.txt"),
            "<div><p>Hello <b>world</b></p></div>",
        )
        .unwrap();
        let pages = Set::ReadabilityPages.load(&root).unwrap();
        assert_eq!(pages[0].gold.text.as_deref(), Some("Hello world"));

        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn missing_or_bad_data_is_an_error_not_a_panic() {
        let root = scratch("bad");
        let err = Set::WcxbDev.load(&root).unwrap_err();
        assert!(err.to_string().contains("not a directory"), "{err}");
        fs::create_dir_all(root.join("trafilatura-eval")).unwrap();
        fs::write(root.join("trafilatura-eval/evaldata.json"), "{not json").unwrap();
        let err = Set::TrafilaturaEval.load(&root).unwrap_err();
        assert!(format!("{err:#}").contains("evaldata.json"), "{err:#}");
        fs::write(root.join("x.gz"), b"not gzip").unwrap();
        assert!(read_gz(&root.join("x.gz")).is_err());
        assert!(read_gz(&root.join("none.gz")).is_err());
        fs::remove_dir_all(&root).unwrap();
    }
}
