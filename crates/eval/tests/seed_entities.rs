//! The seed article's entities (issue floor). Reads `../shared/seed/`; skips, saying so, when it
//! is absent.

use annalist_core::Analysis;

fn seed() -> Option<Analysis> {
    annalist_eval::seed::analysis().map(|a| a.expect("the seed extracts"))
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
