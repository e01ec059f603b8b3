//! The seed article (`shared/seed/`), extracted and analysed (NLP and events), for the tests of the issue floors.

use std::path::PathBuf;

use annalist_core::Analysis;
use anyhow::{Context, Result};

/// The first `.txt` file of `shared/seed/` beside this repository, analysed; `None` when the
/// folder or the file is absent (tests then skip, saying so).
pub fn analysis() -> Option<Result<Analysis>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))?;
    Some((|| {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let source = path.display().to_string();
        let doc = annalist_extract::extract(&annalist_extract::Input::new(&source, &bytes))
            .with_context(|| format!("extracting {source}"))?;
        let analyzer = annalist_nlp::Analyzer::new();
        let coder = annalist_events::Coder::new();
        Ok(annalist_events::analyze(&analyzer, &coder, &doc))
    })())
}
