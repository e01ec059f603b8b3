//! The seed article's entities (issue floor). Reads `../shared/seed/`; skips, saying so, when it
//! is absent.

use std::path::PathBuf;

use annalist_core::Analysis;

fn seed() -> Option<Analysis> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))?;
    let bytes = std::fs::read(&path).ok()?;
    let source = path.display().to_string();
    let doc = annalist_extract::extract(&annalist_extract::Input::new(&source, &bytes)).ok()?;
    Some(annalist_nlp::Analyzer::new().analyze(&doc))
}

fn mention_texts(a: &Analysis, name: &str) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    let e = a.entities.iter().find(|e| e.name == name).unwrap();
    e.mentions
        .iter()
        .map(|m| chars[m[0]..m[1]].iter().collect())
        .collect()
}

#[test]
fn seed_entities_meet_the_floor() {
    let Some(a) = seed() else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    let find = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", a.entities))
    };
    let li = find("Li Shangfu");
    assert_eq!(li.kind, "PERSON");
    assert_eq!(li.country.as_deref(), Some("CHN"));
    assert!(
        li.roles
            .iter()
            .any(|r| r.to_lowercase().contains("defense minister")),
        "{:?}",
        li.roles
    );
    let evmenov = find("Nikolay Evmenov");
    assert_eq!(evmenov.country.as_deref(), Some("RUS"));
    assert!(
        evmenov
            .roles
            .iter()
            .any(|r| r.to_lowercase().contains("navy")),
        "{:?}",
        evmenov.roles
    );
    assert_eq!(find("Sergey Shoigu").country.as_deref(), Some("RUS"));
    for (name, kind) in [
        ("Beijing", "GPE"),
        ("Moscow", "GPE"),
        ("China", "GPE"),
        ("Russia", "GPE"),
        ("Ukraine", "GPE"),
        ("NATO", "ORG"),
        ("Russian Navy", "ORG"),
        ("Chinese Defense Ministry", "ORG"),
        ("Sea of Japan", "LOC"),
        ("East China Sea", "LOC"),
    ] {
        let e = find(name);
        assert_eq!(e.kind, kind, "{name}");
    }
    let li_mentions = mention_texts(&a, "Li Shangfu");
    assert!(li_mentions.iter().any(|m| m == "Li"), "{li_mentions:?}");
    assert!(li_mentions.iter().any(|m| m == "he"), "{li_mentions:?}");
}
