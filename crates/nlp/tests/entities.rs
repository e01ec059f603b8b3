//! End to end over an article written for this test: names typed, roles and countries read,
//! mentions grouped.

use annalist_core::{Analysis, Document, Format};
use annalist_nlp::Analyzer;

const STORY: &[&str] = &[
    "Brazil and Argentina should expand their naval cooperation, Brazilian Foreign Minister Marta \
     Oliveira said during talks with the head of the Argentine Navy Julio Cesar Medina in Brasilia \
     on Tuesday.",
    "Oliveira told Medina that the two navies would hold joint exercises in the South Atlantic, \
     according to the Brazilian Foreign Ministry.",
    "She said the drills would begin in May. The Argentine Navy chief also said that Buenos Aires \
     welcomed the plan, he added.",
    "Earlier this year, Oliveira met her Chilean counterpart Pedro Rojas in Santiago.",
];

fn analysis() -> Analysis {
    let doc = Document::from_paragraphs(
        "story",
        Format::Plain,
        STORY.iter().map(|s| s.to_string()).collect(),
    );
    Analyzer::new().analyze(&doc)
}

fn texts(a: &Analysis, mentions: &[[usize; 2]]) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    mentions
        .iter()
        .map(|m| chars[m[0]..m[1]].iter().collect())
        .collect()
}

#[test]
fn people_with_roles_countries_and_mentions() {
    let a = analysis();
    let find = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name:?} in {:#?}", a.entities))
    };
    let marta = find("Marta Oliveira");
    assert_eq!(marta.kind, "PERSON");
    assert_eq!(marta.country.as_deref(), Some("BRA"));
    assert!(
        marta.roles.iter().any(|r| r.contains("Foreign Minister")),
        "{:?}",
        marta.roles
    );
    assert!(marta.actor.as_deref().is_some_and(|a| a.starts_with("BRA")));
    let m = texts(&a, &marta.mentions);
    assert!(m.contains(&"Oliveira".to_string()), "{m:?}");
    assert!(m.contains(&"She".to_string()), "{m:?}");

    let medina = find("Julio Cesar Medina");
    assert_eq!(medina.country.as_deref(), Some("ARG"));
    assert!(
        medina.roles.iter().any(|r| r.contains("Navy")),
        "{:?}",
        medina.roles
    );
    let m = texts(&a, &medina.mentions);
    assert!(m.iter().any(|x| x == "Medina"), "{m:?}");
    assert!(m.iter().any(|x| x == "Argentine Navy chief"), "{m:?}");
    assert!(m.iter().any(|x| x == "he"), "{m:?}");

    let rojas = find("Pedro Rojas");
    assert_eq!(rojas.country.as_deref(), Some("CHL"));

    for (name, kind, country) in [
        ("Brazil", "GPE", "BRA"),
        ("Brasilia", "GPE", "BRA"),
        ("Santiago", "GPE", "CHL"),
        ("Buenos Aires", "GPE", "ARG"),
    ] {
        let e = find(name);
        assert_eq!(
            (e.kind.as_str(), e.country.as_deref()),
            (kind, Some(country)),
            "{name}"
        );
    }
    assert_eq!(find("Argentine Navy").kind, "ORG");
}

#[test]
fn offsets_are_chars_and_output_is_stable() {
    let a = analysis();
    let b = analysis();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    let n = a.text.chars().count();
    for e in &a.entities {
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(m[0] < m[1] && m[1] <= n);
        }
    }
}

#[test]
fn empty_and_odd_texts_do_not_panic() {
    let analyzer = Analyzer::new();
    for text in [
        "",
        " ",
        "he",
        "“",
        "The the the.",
        "中国 和 俄罗斯",
        "Mr.",
        "'s 's",
    ] {
        let doc = Document::from_paragraphs("x", Format::Plain, vec![text.to_string()]);
        let _ = analyzer.analyze(&doc);
    }
}

/// One entity: (type, name, country, actor).
type Found = (String, String, Option<String>, Option<String>);

/// The entities of one paragraph.
fn entities_of(text: &str, published: &str) -> Vec<Found> {
    let mut doc = Document::from_paragraphs("one", Format::Plain, vec![text.to_string()]);
    doc.published = Some(published.to_string());
    let a = Analyzer::new().analyze(&doc);
    a.entities
        .iter()
        .map(|e| {
            (
                e.kind.clone(),
                e.name.clone(),
                e.country.clone(),
                e.actor.clone(),
            )
        })
        .collect()
}

/// The entity of that name among `found`.
fn named<'a>(found: &'a [Found], name: &str) -> &'a Found {
    found
        .iter()
        .find(|e| e.1 == name)
        .unwrap_or_else(|| panic!("no {name} in {found:?}"))
}

#[test]
fn a_part_of_a_country_and_a_two_word_nationality_are_that_country() {
    let found = entities_of(
        "Officials said on Monday that South Korean troops had crossed into western Cambodia \
         and that shelling went on in South Lebanon.",
        "2001-05-09",
    );
    let country = |name: &str| {
        found
            .iter()
            .find(|e| e.1 == name || e.1.ends_with(&format!(" {name}")))
            .and_then(|e| e.2.clone())
            .unwrap_or_else(|| panic!("no {name} in {found:?}"))
    };
    assert_eq!(country("South Korean"), "KOR");
    // Whether the tagger takes "western" in or not, the place is Cambodia's.
    assert_eq!(country("Cambodia"), "KHM");
    assert_eq!(country("South Lebanon"), "LBN");
}

#[test]
fn a_titled_name_spelled_otherwise_is_the_known_person() {
    let found = entities_of(
        "Rebels on Wednesday dismissed an appeal from President Laurent Gbago to lay down \
         their arms.",
        "2003-05-09",
    );
    let person = named(&found, "Laurent Gbago");
    assert_eq!(person.2.as_deref(), Some("CIV"), "{found:?}");
}

#[test]
fn an_organisation_taken_for_a_place_keeps_its_actor() {
    let found = entities_of(
        "In a letter on Monday, Iraq said it would allow the return of U.N. weapons inspectors.",
        "2002-09-17",
    );
    let un = named(&found, "U.N.");
    assert_eq!(un.3.as_deref(), Some("IGOUNO"), "{found:?}");
}

#[test]
fn a_known_group_the_tagger_passed_over_is_an_organisation() {
    let found = entities_of(
        "Recent attacks have killed at least eight top al-Qaeda leaders since last July.",
        "2009-05-09",
    );
    let group = named(&found, "al-Qaeda");
    assert_eq!(group.0, "ORG", "{found:?}");
    assert_eq!(group.3.as_deref(), Some("IMGMUSALQ"), "{found:?}");
}

#[test]
fn an_official_of_an_international_body_acts_as_it() {
    let found = entities_of(
        "On Monday, United Nations Secretary-General Kofi Annan visited Baghdad.",
        "2002-05-09",
    );
    let annan = named(&found, "Kofi Annan");
    assert_eq!(annan.3.as_deref(), Some("IGOUNO"), "{found:?}");
}

#[test]
fn listed_nationalities_are_one_mention_each() {
    // The tagger may cut "Sierra Leonean" or join "Leonean and Liberian"; a group such as
    // "Bosnian Serbs" stays whole.
    let found = entities_of(
        "Security forces have tortured scores of Sierra Leonean and Liberian refugees, \
         and Bosnian Serbs protested on Monday.",
        "2001-05-09",
    );
    assert_eq!(named(&found, "Sierra Leonean").2.as_deref(), Some("SLE"));
    assert_eq!(named(&found, "Liberian").2.as_deref(), Some("LBR"));
    assert!(!found.iter().any(|e| e.1 == "Serbs"), "{found:?}");
}

#[test]
fn countries_listed_in_one_mention_are_taken_apart() {
    let found = entities_of(
        "Qatar launched a mediation effort between the Emirates and Saudi Arabia, and Trinidad \
         and Tobago stayed out of it.",
        "2001-05-09",
    );
    assert_eq!(named(&found, "Saudi Arabia").2.as_deref(), Some("SAU"));
    assert_eq!(named(&found, "Emirates").2.as_deref(), Some("ARE"));
    assert_eq!(
        named(&found, "Trinidad and Tobago").2.as_deref(),
        Some("TTO")
    );
}

#[test]
fn a_country_before_a_title_is_that_country() {
    let found = entities_of(
        "The prime minister has refused to respond to a demand from the US President to \
         adhere to the deals.",
        "2006-05-09",
    );
    assert_eq!(named(&found, "US").2.as_deref(), Some("USA"), "{found:?}");
}
