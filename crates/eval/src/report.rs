//! Writing a report's section into a markdown file that other commands write sections of too.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// Replaces the section `name` of the markdown file at `path` (between `<!-- begin name -->` and
/// `<!-- end name -->`) with `body`, appending it when absent; a new file starts with `header`.
pub fn write_section(path: &Path, name: &str, body: &str, header: &str) -> Result<()> {
    let begin = format!("<!-- begin {name} -->");
    let end = format!("<!-- end {name} -->");
    let block = format!("{begin}\n{}\n{end}", body.trim_end());
    let old = match fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let new = match (old.find(&begin), old.find(&end)) {
        (Some(b), Some(e)) if e > b => format!("{}{block}{}", &old[..b], &old[e + end.len()..]),
        _ if old.trim().is_empty() => format!("{}\n\n{block}\n", header.trim_end()),
        _ => format!("{}\n\n{block}\n", old.trim_end()),
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(path, new).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_replaced_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.md");
        write_section(&p, "a", "one", "# Title").unwrap();
        write_section(&p, "b", "two", "# Title").unwrap();
        write_section(&p, "a", "three", "# Title").unwrap();
        let s = fs::read_to_string(&p).unwrap();
        assert!(s.starts_with("# Title"));
        assert!(s.contains("three") && s.contains("two") && !s.contains("one"));
        assert!(s.find("three").unwrap() < s.find("two").unwrap());
    }
}
