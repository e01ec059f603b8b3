//! The seed article's places (issue floor). Reads `../shared/seed/`; skips, saying so, when it
//! is absent.

use annalist_core::{Analysis, PlaceRecord};

fn seed() -> Option<Analysis> {
    annalist_eval::seed::analysis().map(|a| a.expect("the seed extracts"))
}

/// The place of the entity named `name`.
fn place<'a>(a: &'a Analysis, name: &str) -> &'a PlaceRecord {
    let e = a
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", a.entities));
    a.places
        .iter()
        .find(|p| p.entity == e.id)
        .unwrap_or_else(|| panic!("{name} ({}) has no place in {:#?}", e.id, a.places))
}

/// Haversine distance in km.
fn km(p: &PlaceRecord, lat: f64, lon: f64) -> f64 {
    annalist_eval::places::haversine_km((p.lat, p.lon), (lat, lon))
}

#[test]
fn seed_places_meet_the_floor() {
    let Some(a) = seed() else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    for (name, lat, lon, country) in [
        ("Beijing", 39.9, 116.4, "CHN"),
        ("Moscow", 55.75, 37.6, "RUS"),
    ] {
        let p = place(&a, name);
        assert!(km(p, lat, lon) <= 30.0, "{name} is off: {p:?}");
        assert_eq!(p.country.as_deref(), Some(country), "{name}");
        assert!(p.geonameid.is_some(), "{name}: {p:?}");
    }
    let ukraine = place(&a, "Ukraine");
    assert!(
        (44.0..=52.5).contains(&ukraine.lat) && (22.0..=40.5).contains(&ukraine.lon),
        "Ukraine's point is outside Ukraine: {ukraine:?}"
    );
    assert_eq!(ukraine.country.as_deref(), Some("UKR"));
    for (name, lat, lon) in [
        ("Sea of Japan", 40.0, 135.0),
        ("East China Sea", 29.0, 125.0),
    ] {
        let p = place(&a, name);
        assert_eq!(p.name, name);
        assert!(km(p, lat, lon) <= 500.0, "{name} is off: {p:?}");
    }
    // Countries are placed inside themselves, never at a namesake town.
    for (name, country) in [("China", "CHN"), ("Russia", "RUS")] {
        assert_eq!(place(&a, name).country.as_deref(), Some(country), "{name}");
    }
}
