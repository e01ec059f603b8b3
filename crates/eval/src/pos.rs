//! GUM's part-of-speech annotations, read for the events stage's verb-or-noun classifier.
//!
//! Only the genres whose texts carry CC BY or CC BY-SA licences are read (academic, biography,
//! court, interview, news, travel guide); the annotations themselves are CC BY 4.0. The dev
//! split of `splits.md` is held out for the accuracy figure.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

use annalist_events::pos::{Pos, PosModel};

/// Genres read.
const GENRES: &[&str] = &["academic", "bio", "court", "interview", "news", "voyage"];

/// One sentence: lowercase words and their class.
pub type Sentence = Vec<(String, Pos)>;

/// The training and dev sentences, in file-name order.
pub fn load_gum(dir: &Path) -> Result<(Vec<Sentence>, Vec<Sentence>)> {
    let splits = fs::read_to_string(dir.join("splits.md")).unwrap_or_default();
    let mut dev_docs: Vec<String> = Vec::new();
    let mut in_dev = false;
    for line in splits.lines() {
        if line.starts_with("## ") {
            in_dev = line.trim() == "## dev";
        } else if in_dev {
            if let Some(d) = line.trim().strip_prefix("* ") {
                dev_docs.push(d.trim().to_string());
            }
        }
    }
    let mut names: Vec<String> = fs::read_dir(dir.join("dep"))
        .with_context(|| format!("reading {}", dir.join("dep").display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("GUM_") && n.ends_with(".conllu.gz"))
        .filter(|n| GENRES.iter().any(|g| n.starts_with(&format!("GUM_{g}_"))))
        .collect();
    names.sort();
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for name in names {
        let mut text = String::new();
        let f = fs::File::open(dir.join("dep").join(&name))?;
        flate2::read::GzDecoder::new(f)
            .read_to_string(&mut text)
            .with_context(|| format!("reading {name}"))?;
        let doc = name.trim_end_matches(".conllu.gz");
        let target = if dev_docs.iter().any(|d| d == doc) {
            &mut dev
        } else {
            &mut train
        };
        let mut sentence: Sentence = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !sentence.is_empty() {
                    target.push(std::mem::take(&mut sentence));
                }
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            // Multi-word token lines ("1-2") and empty nodes ("1.1") carry no tag of their own.
            if cols.len() < 4 || cols[0].contains(['-', '.']) {
                continue;
            }
            sentence.push((cols[1].to_lowercase(), Pos::from_upos(cols[3])));
        }
        if !sentence.is_empty() {
            target.push(sentence);
        }
    }
    Ok((train, dev))
}

/// Right and total over the verbs and nouns of `dev` (the classes the coder asks about).
pub fn accuracy(model: &PosModel, dev: &[Sentence]) -> (usize, usize) {
    let (mut right, mut all) = (0, 0);
    for s in dev {
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        for (i, (_, gold)) in s.iter().enumerate() {
            if *gold == Pos::Other {
                continue;
            }
            all += 1;
            if model.classify(&words, i) == *gold {
                right += 1;
            }
        }
    }
    (right, all)
}
