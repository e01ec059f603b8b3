//! The seed article's time expressions (issue floor). Reads `../shared/seed/`; skips, saying so,
//! when it is absent.

use std::path::PathBuf;

#[test]
fn seed_times_meet_the_floor() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    let Some(path) = std::fs::read_dir(&dir).ok().and_then(|d| {
        d.flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "txt"))
    }) else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let source = path.display().to_string();
    let doc = annalist_extract::extract(&annalist_extract::Input::new(&source, &bytes)).unwrap();
    let a = annalist_nlp::Analyzer::new().analyze(&doc);
    let value_of = |text: &str| {
        a.times
            .iter()
            .find(|t| t.text.eq_ignore_ascii_case(text))
            .map(|t| (t.value.clone(), t.modifier.clone()))
            .unwrap_or_else(|| panic!("no time {text:?} in {:#?}", a.times))
    };
    assert_eq!(value_of("Monday").0, "2023-07-03");
    assert_eq!(value_of("February 2022").0, "2022-02");
    assert_eq!(
        value_of("mid-March"),
        ("2023-03".into(), Some("MID".into()))
    );
    assert_eq!(value_of("April").0, "2023-04");
    assert_eq!(value_of("Last month").0, "2023-06");
    assert_eq!(value_of("June").0, "2023-06");
    let later = value_of("later this year").0;
    assert!(later == "2023" || later == "2023-H2", "{later}");
}
