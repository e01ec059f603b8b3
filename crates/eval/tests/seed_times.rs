//! The seed article's time expressions (issue floor). Reads `../shared/seed/`; skips, saying so,
//! when it is absent.

#[test]
fn seed_times_meet_the_floor() {
    let Some(a) = annalist_eval::seed::analysis() else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    let a = a.expect("the seed extracts");
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
