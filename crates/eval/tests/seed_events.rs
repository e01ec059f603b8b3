//! The seed article's events (issue floor). Reads `../shared/seed/`; skips, saying so, when it
//! is absent.

use annalist_core::{Analysis, EventRecord};

fn seed() -> Option<Analysis> {
    annalist_eval::seed::analysis().map(|a| a.expect("the seed extracts"))
}

fn country(a: &EventRecord, target: bool) -> String {
    let side = if target { &a.target } else { &a.source };
    side.actor
        .as_deref()
        .unwrap_or("")
        .chars()
        .take(3)
        .collect()
}

fn place_name(a: &Analysis, e: &EventRecord) -> Option<String> {
    let id = e.place.as_ref()?;
    a.entities
        .iter()
        .find(|x| &x.id == id)
        .map(|x| x.name.clone())
}

/// The events from `source` to `target` (country prefixes) whose code starts with `root`.
fn find<'a>(a: &'a Analysis, source: &str, target: &str, root: &str) -> Vec<&'a EventRecord> {
    a.events
        .iter()
        .filter(|e| country(e, false) == source && country(e, true) == target)
        .filter(|e| e.code.starts_with(root))
        .collect()
}

fn show(a: &Analysis) -> String {
    a.events
        .iter()
        .map(|e| {
            format!(
                "{} {}→{} {:?} {} {:?} {:?}\n",
                e.code,
                e.source.actor.as_deref().unwrap_or("-"),
                e.target.actor.as_deref().unwrap_or("-"),
                e.date,
                e.modality,
                e.place,
                &a.text
                    .chars()
                    .skip(e.evidence[0])
                    .take(60)
                    .collect::<String>()
            )
        })
        .collect()
}

#[test]
fn seed_events_meet_the_floor() {
    let Some(a) = seed() else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    let all = show(&a);

    // Li–Evmenov talks in Beijing on Monday.
    let talks = find(&a, "CHN", "RUS", "04");
    let talks = talks
        .iter()
        .find(|e| e.date.as_deref() == Some("2023-07-03") && e.date_from == "text")
        .unwrap_or_else(|| panic!("no CHN→RUS talks on 2023-07-03:\n{all}"));
    assert_eq!(place_name(&a, talks).as_deref(), Some("Beijing"), "{all}");
    assert_eq!(talks.source.name, "Li Shangfu", "{all}");

    // Li's call for more joint drills: an intent, planned.
    assert!(
        find(&a, "CHN", "RUS", "03")
            .iter()
            .any(|e| e.modality == "planned" && e.source.name == "Li Shangfu"),
        "no planned CHN→RUS intent from Li:\n{all}"
    );
    // …and not military cooperation that happened.
    assert!(
        !find(&a, "CHN", "RUS", "06")
            .iter()
            .any(|e| e.evidence[0] == 0 && e.modality == "occurred"),
        "the call for drills is coded as drills:\n{all}"
    );

    // Evmenov's pledge of coordination and joint naval exercises.
    assert!(
        find(&a, "RUS", "CHN", "03")
            .iter()
            .any(|e| e.source.name == "Nikolay Evmenov"),
        "no RUS→CHN intent from Evmenov:\n{all}"
    );

    // Li's April visit: 042, April, Moscow.
    let visit = find(&a, "CHN", "RUS", "042");
    let visit = visit
        .iter()
        .find(|e| e.date.as_deref() == Some("2023-04"))
        .unwrap_or_else(|| panic!("no CHN→RUS visit in April:\n{all}"));
    assert_eq!(place_name(&a, visit).as_deref(), Some("Moscow"), "{all}");

    // The sixth joint air patrol in June, both ways, over the Sea of Japan.
    for (s, t) in [("CHN", "RUS"), ("RUS", "CHN")] {
        let patrol = find(&a, s, t, "062");
        let patrol = patrol
            .iter()
            .find(|e| e.date.as_deref() == Some("2023-06"))
            .unwrap_or_else(|| panic!("no {s}→{t} joint patrol in June:\n{all}"));
        let place = place_name(&a, patrol).unwrap_or_default();
        assert!(place.contains("Sea"), "patrol place {place:?}:\n{all}");
        assert_eq!(patrol.modality, "occurred");
    }

    // China blames US actions and NATO expansion.
    assert!(
        !find(&a, "CHN", "USA", "11").is_empty(),
        "no CHN→USA 11x:\n{all}"
    );
    assert!(
        !find(&a, "CHN", "IGO", "11").is_empty(),
        "no CHN→NATO 11x:\n{all}"
    );

    // Nothing from the metadata or the icon strip: every event's evidence is in the body.
    for e in &a.events {
        assert!(e.evidence[1] <= a.text.chars().count());
        assert!(e.goldstein.abs() <= 10.0 && (1..=4).contains(&e.quad));
        assert!(!e.label.is_empty());
    }
}
