//! The seed article (`shared/seed/`), extracted and analysed, for the tests of the issue floors.

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
        Ok(annalist_nlp::Analyzer::new().analyze(&doc))
    })())
}
