//! The events of whole articles written for these tests: dates from the text, places from the
//! locative, modality, and the same bytes twice.

use annalist_core::{Analysis, Document, Format};
use annalist_events::Coder;
use annalist_nlp::Analyzer;

fn analyze(paragraphs: &[&str], published: &str) -> Analysis {
    let mut doc = Document::from_paragraphs(
        "test",
        Format::Plain,
        paragraphs.iter().map(|p| p.to_string()).collect(),
    );
    doc.published = Some(published.to_string());
    annalist_events::analyze(&Analyzer::new(), &Coder::new(), &doc)
}

/// One paragraph of one sentence, published on 2011-01-01.
fn one_sentence(text: &str) -> Analysis {
    analyze(&[text], "2011-01-01")
}

fn show(a: &Analysis) -> String {
    a.events
        .iter()
        .map(|e| {
            format!(
                "{} {:?}→{:?} {:?} {} {:?}\n",
                e.code, e.source.actor, e.target.actor, e.date, e.modality, e.place
            )
        })
        .collect()
}

fn name_of(a: &Analysis, id: &Option<String>) -> Option<String> {
    let id = id.as_ref()?;
    a.entities
        .iter()
        .find(|e| &e.id == id)
        .map(|e| e.name.clone())
}

const ARTICLE: &[&str] = &[
    "Japanese Prime Minister Fumio Kishida visited Canberra in March, where he held talks with \
     Australian officials on maritime security.",
    "On Tuesday, Australian and Japanese warships conducted joint exercises in the Coral Sea.",
    "Indonesia said the two countries should not escalate tensions in the region.",
    "Australian Foreign Minister Penny Wong said Canberra will send aid to Papua New Guinea \
     next month.",
];

#[test]
fn dates_places_and_modality_come_from_the_text() {
    let a = analyze(ARTICLE, "2024-05-09");
    let all = show(&a);
    // The visit: March of the publication year, in Canberra.
    let visit = a
        .events
        .iter()
        .find(|e| e.code.starts_with("042"))
        .unwrap_or_else(|| panic!("no visit:\n{all}"));
    assert_eq!(visit.date.as_deref(), Some("2024-03"), "{all}");
    assert_eq!(visit.date_from, "text");
    assert_eq!(visit.source.actor.as_deref().map(|c| &c[..3]), Some("JPN"));
    assert_eq!(
        name_of(&a, &visit.place).as_deref(),
        Some("Canberra"),
        "{all}"
    );

    // The joint exercises: both ways, on the Tuesday before publication, in the Coral Sea.
    let drills: Vec<_> = a.events.iter().filter(|e| e.code == "062").collect();
    assert_eq!(drills.len(), 2, "{all}");
    for d in &drills {
        assert_eq!(d.date.as_deref(), Some("2024-05-07"), "{all}");
        assert_eq!(d.modality, "occurred");
    }

    // Aid promised for next month: planned, coded as the intent (033).
    let aid = a
        .events
        .iter()
        .find(|e| e.code.starts_with("033"))
        .unwrap_or_else(|| panic!("no intent to give aid:\n{all}"));
    assert_eq!(aid.modality, "planned");
    assert_eq!(
        aid.target.actor.as_deref().map(|c| &c[..3]),
        Some("PNG"),
        "{all}"
    );
    assert_eq!(aid.root, "03");
    assert!(aid.plover.as_deref() == Some("AGREE"));
}

#[test]
fn the_same_article_gives_the_same_events() {
    let one = serde_json::to_string(&analyze(ARTICLE, "2024-05-09").events).unwrap();
    let two = serde_json::to_string(&analyze(ARTICLE, "2024-05-09").events).unwrap();
    assert_eq!(one, two);
}

#[test]
fn odd_documents_give_no_events_and_no_panic() {
    for text in [
        "",
        "   ",
        "said said said",
        "“”“”",
        "the the the the",
        "Russia",
    ] {
        let a = analyze(&[text], "2024-01-01");
        assert!(a.events.is_empty() || !a.events.is_empty());
        for e in &a.events {
            assert!(e.evidence[0] <= e.evidence[1]);
        }
    }
    // A long run of names and verbs stays bounded.
    let long = "Russia attacked Ukraine and China met France. ".repeat(2000);
    let a = analyze(&[&long], "2024-01-01");
    assert!(a.events.len() <= 4 * 2000 * 2);
}

#[test]
fn crowds_offices_and_titled_surnames_are_actors() {
    // "Thousands of" heads the subject; "the government" is the one country's government.
    let a = analyze(
        &["Thousands of Chilean students protested against the government in Santiago."],
        "2024-05-09",
    );
    let all = show(&a);
    let protest = a
        .events
        .iter()
        .find(|e| e.code.starts_with("14"))
        .unwrap_or_else(|| panic!("no protest:\n{all}"));
    assert_eq!(
        protest.source.actor.as_deref().map(|c| &c[..3]),
        Some("CHL"),
        "{all}"
    );
    assert_eq!(protest.target.actor.as_deref(), Some("CHLGOV"), "{all}");

    // Two countries named: "the government" stays unread rather than guessed.
    let a = analyze(
        &["Chilean students protested in Lima against the government."],
        "2024-05-09",
    );
    assert!(
        a.events
            .iter()
            .all(|e| e.target.actor.as_deref() != Some("CHLGOV")),
        "{}",
        show(&a)
    );

    // A title and a surname the actor table knows together ("President Bush").
    let a = analyze(&["President Bush threatened Iraq."], "2002-05-09");
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code.starts_with("13")
            && e.source
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("USA"))),
        "{all}"
    );
}

#[test]
fn acts_at_home_with_no_other_side_concern_that_country() {
    // Where it happened, in the actor's own country: that country.
    let a = analyze(
        &["Chilean police imposed a curfew in Santiago."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events
            .iter()
            .any(|e| e.code.starts_with("17") && e.target.actor.as_deref() == Some("CHL")),
        "{all}"
    );
    // A protest with no other side, no country but one: at home.
    let a = analyze(&["Chilean students protested on Monday."], "2024-05-09");
    let all = show(&a);
    assert!(
        a.events
            .iter()
            .any(|e| e.code.starts_with("14") && e.target.actor.as_deref() == Some("CHL")),
        "{all}"
    );
}

#[test]
fn coercion_needs_someone_it_is_done_to() {
    // PETRARCH's coercion verbs read as no one's coercion when nothing is named as its object.
    for text in [
        "The Department of State has published a full list of restricted words.",
        "Japan is looking to switch to a tax refund model from November.",
    ] {
        let a = analyze(&[text], "2024-05-09");
        assert!(
            a.events.iter().all(|e| !e.code.starts_with("17")),
            "{text}\n{}",
            show(&a)
        );
    }
}

#[test]
fn a_country_does_not_talk_to_itself() {
    let text = "No, you do not need to know Japanese to travel to Japan!";
    let a = analyze(&[text], "2024-05-09");
    assert!(
        a.events.iter().all(|e| !(e.code.starts_with('0')
            && e.source.actor.is_some()
            && e.source.actor == e.target.actor)),
        "{}",
        show(&a)
    );
}

#[test]
fn a_protest_named_by_its_noun_is_coded_whatever_verb_stages_it() {
    let a = analyze(
        &["Peruvian miners began a hunger strike outside the Congress in Lima on Friday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code == "142"
            && e.source
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("PER"))
            && e.target.actor.as_deref() == Some("PER")),
        "{all}"
    );
    // Against whom it names.
    let a = analyze(
        &["Chilean students began a hunger strike against the Bolivian embassy."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code == "142"
            && e.target
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("BOL"))),
        "{all}"
    );
    // A country's name is a place, whatever the tagger first took it for.
    let a = analyze(
        &["Teachers in Nepal went on strike over unpaid wages."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code == "143"
            && e.source
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("NPL"))),
        "{all}"
    );
}

#[test]
fn a_trailing_attribution_cites_the_news_and_accuses_no_one() {
    let a = analyze(
        &["Rebel fighters shelled the town of Bor on Sunday, Kenyan aid officials said."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        !a.events.iter().any(|e| e
            .source
            .actor
            .as_deref()
            .is_some_and(|c| c.starts_with("KEN"))),
        "{all}"
    );
    // Said first, it is the speaker's accusation.
    let a = analyze(
        &["Kenya said Ugandan troops shelled the town of Bor on Sunday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code == "112"
            && e.source.actor.as_deref() == Some("KEN")
            && e.target
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("UGA"))),
        "{all}"
    );
}

#[test]
fn an_act_at_home_targets_its_own_country_when_the_sentence_names_it_twice() {
    let a = analyze(
        &["Peru's interior ministry imposed a curfew on Tuesday, Peruvian police said."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code.starts_with("17")
            && e.source.actor.as_deref() == Some("PERGOV")
            && e.target.actor.as_deref() == Some("PER")),
        "{all}"
    );
}

#[test]
fn a_verb_between_a_country_and_an_agent_noun_is_the_predicate() {
    // "Chile mobilized reservists": not the actor "Chile … reservists" (CHLMIL) with no verb.
    let a = analyze(
        &["Chile mobilized army reservists against Bolivia on Monday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code.starts_with("15")
            && e.source.actor.as_deref() == Some("CHL")
            && e.target.actor.as_deref() == Some("BOL")),
        "{all}"
    );
    // A modifier still joins them: "Irish nationalist guerrillas".
    let a = analyze(
        &["Chilean nationalist guerrillas attacked a Bolivian border post."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events
            .iter()
            .any(|e| e.source.actor.as_deref() == Some("CHLREB")),
        "{all}"
    );
}

#[test]
fn a_region_with_its_people_named_is_its_country_s_actor() {
    let a = analyze(
        &["Chad's government accused Darfur rebels of attacking a convoy on Monday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code.starts_with("11")
            && e.source.actor.as_deref() == Some("TCDGOV")
            && e.target.actor.as_deref() == Some("SDNREB")),
        "{all}"
    );
}

#[test]
fn an_ethnic_group_is_coded_by_the_country_it_lives_in() {
    let a = analyze(
        &["Hundreds of ethnic Hungarians demonstrated in Romania on Sunday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code.starts_with("14")
            && e.source
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("ROU"))),
        "{all}"
    );
    assert!(
        !a.events.iter().any(|e| e
            .source
            .actor
            .as_deref()
            .is_some_and(|c| c.starts_with("HUN"))),
        "{all}"
    );
}

#[test]
fn a_state_s_acts_on_its_own_people_target_its_country() {
    // Easing a curfew is done at home whatever else the sentence names (CAMEO 0813).
    let a = analyze(
        &["Peru's government lifted the curfew on Sunday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code == "0813"
            && e.source.actor.as_deref() == Some("PERGOV")
            && e.target.actor.as_deref() == Some("PER")),
        "{all}"
    );
}

#[test]
fn a_commitment_to_an_act_without_an_intent_code_is_an_agreement() {
    let a = analyze(
        &["Chile agreed to investigate the claims made by Bolivia."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code == "030"
            && e.source.actor.as_deref() == Some("CHL")
            && e.target.actor.as_deref() == Some("BOL")),
        "{all}"
    );
    // Without one, the planned act keeps its code.
    let a = analyze(
        &["Chile will investigate the claims made by Bolivia."],
        "2024-05-09",
    );
    assert!(has_root(&a, "09"), "{}", show(&a));
}

#[test]
fn an_organisation_is_known_without_its_generic_head() {
    // The actor table knows "Taliban", not "Taliban Movement".
    let a = analyze(
        &["Thousands of supporters of the Taliban Movement rallied in Kabul on Friday."],
        "2024-05-09",
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.name == "Taliban Movement" && e.actor.as_deref() == Some("AFGREB")),
        "{:?}",
        a.entities
    );
}

#[test]
fn a_group_coded_by_region_takes_the_country_its_name_opens_with() {
    // The actor table codes "Palestinian Islamic Jihad" MEAREB (the Middle East).
    let a = analyze(
        &["The radical Palestinian Islamic Jihad movement fired rockets at Israel on Monday."],
        "2024-05-09",
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.name == "Palestinian Islamic Jihad" && e.actor.as_deref() == Some("PSEREB")),
        "{:?}",
        a.entities
    );
}

#[test]
fn forces_led_by_a_state_are_its_own() {
    let a = analyze(
        &["The Chilean-led coalition bombed Bolivian positions on Monday."],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(
        a.events.iter().any(|e| e.code.starts_with("19")
            && e.source
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("CHL"))
            && e.target
                .actor
                .as_deref()
                .is_some_and(|c| c.starts_with("BOL"))),
        "{all}"
    );
}

/// The events of `a` as (code, source country, target country) with PLOVER types.
fn triples(a: &Analysis) -> Vec<(String, String, Option<String>, Option<String>)> {
    a.events
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.source.actor.clone().unwrap_or_default()[..3].to_string(),
                e.target.actor.as_ref().map(|t| t[..3].to_string()),
                e.plover.clone(),
            )
        })
        .collect()
}

/// Whether some event's code starts with `root`.
fn has_root(a: &Analysis, root: &str) -> bool {
    a.events.iter().any(|e| e.code.starts_with(root))
}

/// Whether some (code, source, target, PLOVER) of `triples` has a code under `root` between
/// these two countries.
fn has_dyad(
    t: &[(String, String, Option<String>, Option<String>)],
    root: &str,
    source: &str,
    target: &str,
) -> bool {
    t.iter()
        .any(|(c, s, x, _)| c.starts_with(root) && s == source && x.as_deref() == Some(target))
}

#[test]
fn leaving_office_is_a_retreat_done_to_no_one() {
    let a = analyze(
        &["Peru's interior minister resigned on Monday as the opposition threatened a strike."],
        "2024-05-09",
    );
    let t = triples(&a);
    assert_eq!(
        t,
        vec![(
            "0831".to_string(),
            "PER".to_string(),
            None,
            Some("RETREAT".to_string())
        )],
        "{}",
        show(&a)
    );
    // Others wanting it is no resignation.
    let a = analyze(
        &["Most Peruvians want the interior minister to resign."],
        "2024-05-09",
    );
    assert!(!has_root(&a, "083"), "{}", show(&a));
}

#[test]
fn easing_a_curfew_or_calling_off_a_strike_is_a_concession() {
    for (text, code) in [
        ("Chile lifted the curfew in Santiago on Friday.", "0813"),
        (
            "The Chilean government shortened the nightly curfew in Santiago on Friday.",
            "0813",
        ),
        (
            "The Kenyan teachers' union called off a national strike on Tuesday.",
            "082",
        ),
    ] {
        let a = analyze(&[text], "2024-05-09");
        assert!(
            a.events
                .iter()
                .any(|e| e.code == code && e.plover.as_deref() == Some("CONCEDE")),
            "{text}\n{}",
            show(&a)
        );
    }
}

#[test]
fn a_protest_s_demand_is_no_event_of_its_own() {
    let a = analyze(
        &[
            "Thousands of Bolivian farmers staged demonstrations in La Paz on Monday to demand \
           land reform by the Bolivian government.",
        ],
        "2024-05-09",
    );
    let all = show(&a);
    assert!(has_root(&a, "14"), "{all}");
    assert!(!has_root(&a, "10"), "{all}");
}

#[test]
fn what_is_asked_for_rejected_or_set_as_a_condition_did_not_happen() {
    for (text, not) in [
        (
            "Ecuador demanded a meeting of the Organization of American States to discuss \
             Colombia's raid.",
            "04",
        ),
        ("China vetoed a resolution condemning Syria.", "11"),
        (
            "Peru will recall its ambassador if Chile expels the Peruvian diplomats.",
            "17",
        ),
    ] {
        let a = analyze(&[text], "2024-05-09");
        assert!(!a.events.is_empty(), "{text}");
        assert!(!has_root(&a, not), "{text}\n{}", show(&a));
    }
}

#[test]
fn an_apposition_is_not_the_subject() {
    let a = analyze(
        &["Poland, a key NATO ally, has refused to send troops to Syria."],
        "2024-05-09",
    );
    let t = triples(&a);
    assert!(has_dyad(&t, "12", "POL", "SYR"), "{}", show(&a));
    assert!(t.iter().all(|(_, s, _, _)| s == "POL"), "{}", show(&a));
}

#[test]
fn what_a_speaker_says_another_must_do_is_a_demand_of_it() {
    let a = analyze(
        &["Russia said Ukraine must hold new elections."],
        "2024-05-09",
    );
    let t = triples(&a);
    assert!(
        t.iter().any(|(c, s, t, p)| c == "100"
            && s == "RUS"
            && t.as_deref() == Some("UKR")
            && p.as_deref() == Some("REQUEST")),
        "{}",
        show(&a)
    );
    // What one's own side must do is no demand.
    let a = analyze(
        &["Russia said Russian troops must hold new exercises."],
        "2024-05-09",
    );
    assert!(!has_root(&a, "10"), "{}", show(&a));
}

#[test]
fn an_appeal_is_a_plover_request() {
    let a = analyze(
        &["Chile appealed to Peru on Monday to release the fishermen."],
        "2024-05-09",
    );
    assert!(
        a.events
            .iter()
            .any(|e| e.code.starts_with("02") && e.plover.as_deref() == Some("REQUEST")),
        "{}",
        show(&a)
    );
}

#[test]
fn an_administration_named_for_its_head_is_his_government() {
    let a = analyze(
        &["The Bush administration said Tuesday that China must release the crew."],
        "2001-04-03",
    );
    assert!(
        a.events
            .iter()
            .any(|e| e.source.actor.as_deref() == Some("USAGOV")
                && e.target.actor.as_deref() == Some("CHN")),
        "{}",
        show(&a)
    );
}

#[test]
fn mediation_between_two_sides_is_done_with_both() {
    let a = analyze(
        &["The Arab League chief undertook a mediation mission between Syria and Jordan."],
        "2001-05-09",
    );
    let t = triples(&a);
    for side in ["SYR", "JOR"] {
        assert!(
            t.iter()
                .any(|(c, _, t, _)| c == "045" && t.as_deref() == Some(side)),
            "{}",
            show(&a)
        );
    }
}

#[test]
fn words_inside_an_act_s_object_are_no_acts_of_their_own() {
    // "aid" in "food aid" is the provision's object; "fleeing" describes the refugees.
    let a = analyze(
        &[
            "The United Nations will provide emergency food aid to refugees fleeing the war in \
           Liberia.",
        ],
        "2001-05-09",
    );
    let all = show(&a);
    assert!(has_root(&a, "033"), "{all}");
    assert!(a.events.iter().all(|e| e.code.starts_with("03")), "{all}");
}

#[test]
fn a_participle_after_a_noun_describes_it() {
    // After an actor with its agent: done to that actor.
    let a = analyze(
        &["Five Japanese kidnapped by North Korea returned home."],
        "2004-05-09",
    );
    let t = triples(&a);
    assert!(has_dyad(&t, "18", "PRK", "JPN"), "{}", show(&a));
    // After a plain noun or a text: no act of the actor before it.
    let a = analyze(
        &[
            "Moroccan diplomats met President Obama at a lunch hosted by the Ambassador of \
           Morocco.",
        ],
        "2010-05-09",
    );
    assert!(!has_root(&a, "043"), "{}", show(&a));
}

#[test]
fn what_an_accusation_or_a_relative_clause_tells_is_not_coded_as_done() {
    let a = analyze(&["Sudan accused Chad of aiding the rebels."], "2006-05-09");
    let all = show(&a);
    assert!(has_root(&a, "11"), "{all}");
    assert!(!has_root(&a, "07"), "{all}");
    let a = analyze(
        &["Russia said Sudan must return a helicopter that was captured by Sudanese troops."],
        "2006-05-09",
    );
    let all = show(&a);
    assert!(has_root(&a, "10"), "{all}");
    assert!(!a.events.iter().any(|e| e.code == "112"), "{all}");
}

#[test]
fn a_border_is_no_target_and_an_attack_s_toll_is_no_second_event() {
    let a = analyze(
        &[
            "Burmese troops shelled a rebel stronghold near the Thai border on Monday, killing \
           or wounding 50.",
        ],
        "2001-05-09",
    );
    let t = triples(&a);
    assert!(
        !t.iter().any(|(_, _, t, _)| t.as_deref() == Some("THA")),
        "{}",
        show(&a)
    );
    let a = analyze(
        &["Vietnamese forces fired rockets at Cambodian camps on Monday, killing or wounding 50."],
        "2001-05-09",
    );
    let t = triples(&a);
    assert!(
        t.iter()
            .any(|(_, s, t, _)| s == "VNM" && t.as_deref() == Some("KHM")),
        "{}",
        show(&a)
    );
    assert!(t.iter().all(|(_, _, t, _)| t.is_some()), "{}", show(&a));
}

#[test]
fn a_statement_to_someone_that_it_must_act_is_a_demand_of_it() {
    let a = analyze(
        &[
            "The French president issued a stern reminder on Saturday to Iraq that it must \
           cooperate with the inspectors.",
        ],
        "2002-05-09",
    );
    let t = triples(&a);
    assert!(
        t.iter()
            .any(|(c, s, t, _)| c == "100" && s == "FRA" && t.as_deref() == Some("IRQ")),
        "{}",
        show(&a)
    );
}

#[test]
fn a_people_named_with_its_land_is_coded_by_that_land() {
    let a = analyze(
        &["The Albanians of southern Serbia are demanding autonomy from Serbian authorities."],
        "2001-05-09",
    );
    let t = triples(&a);
    assert!(
        t.iter()
            .any(|(c, s, _, _)| c.starts_with("10") && s == "SRB"),
        "{}",
        show(&a)
    );
    // An origin is no land lived in.
    let a = analyze(
        &["Americans of Irish descent protested in Boston."],
        "2001-05-09",
    );
    assert!(
        a.events
            .iter()
            .all(|e| !e.source.actor.as_deref().unwrap_or("").starts_with("IRL")),
        "{}",
        show(&a)
    );
}

#[test]
fn a_protest_is_aimed_at_whoever_did_what_it_is_against() {
    let a = analyze(
        &[
            "Thousands of Kenyan teachers staged demonstrations on Monday against the pay cuts \
           announced by the Kenyan government.",
        ],
        "2001-05-09",
    );
    assert!(
        a.events
            .iter()
            .any(|e| e.code.starts_with("14") && e.target.actor.as_deref() == Some("KENGOV")),
        "{}",
        show(&a)
    );
}

#[test]
fn a_relative_clause_stands_in_no_way_of_the_main_clause_s_subject() {
    let a = analyze(
        &[
            "Russian President Vladimir Putin, who backed the incumbent, congratulated Ukrainian \
           President Viktor Yushchenko on Monday.",
        ],
        "2005-01-10",
    );
    let t = triples(&a);
    assert!(has_dyad(&t, "05", "RUS", "UKR"), "{}", show(&a));
}

#[test]
fn a_group_named_by_its_people_is_of_the_country_it_acts_in() {
    // Rebels fighting at home, fundamentalists against their own president.
    let a =
        one_sentence("Insurgents killed at least nine policemen in attacks across Peru on Sunday.");
    assert!(has_dyad(&triples(&a), "19", "PER", "PER"), "{}", show(&a));
    let a = one_sentence("Islamic fundamentalists began a hunger strike to demand the resignation of Tunisian President Zine Ben Ali.");
    let t = triples(&a);
    assert!(has_dyad(&t, "14", "TUN", "TUN"), "{}", show(&a));
    assert!(
        a.events
            .iter()
            .any(|e| e.source.actor.as_deref() == Some("TUNMUS")),
        "{}",
        show(&a)
    );
    // The country only as the other side of the act is not the group's own.
    let a = one_sentence("Demonstrators threw stones at Japanese troops.");
    assert!(a.events.is_empty(), "{}", show(&a));
    // One person of a standing is not a group.
    let a = one_sentence("The ayatollah urged the Egyptian government to free the prisoners.");
    assert!(
        !a.events.iter().any(|e| e
            .source
            .actor
            .as_deref()
            .is_some_and(|c| c.starts_with("EGY"))),
        "{}",
        show(&a)
    );
}

#[test]
fn a_government_named_after_its_head_is_that_state_s_out_of_office_too() {
    let a = analyze(
        &["The Clinton administration announced that Cuba must release the prisoners."],
        "2005-01-01",
    );
    assert!(has_dyad(&triples(&a), "10", "USA", "CUB"), "{}", show(&a));
}

#[test]
fn a_bare_police_opening_a_clause_is_the_one_country_s() {
    let a = one_sentence("Police arrested six men in Bolivia on Monday.");
    assert!(has_dyad(&triples(&a), "173", "BOL", "BOL"), "{}", show(&a));
}

#[test]
fn an_event_noun_s_agent_after_by_is_its_actor() {
    // The rallies are the students', not the police's: no protest by Chile's police.
    let a = one_sentence("The interior minister of Chile warned that police will no longer tolerate marches by the students.");
    assert!(has_root(&a, "13"), "{}", show(&a));
    assert!(!has_root(&a, "14"), "{}", show(&a));
}

#[test]
fn an_attack_by_no_one_named_is_the_country_s_where_it_happened() {
    // Violence by unknown hands is coded from the country of the place it happened in.
    let a = one_sentence("A car bombing near the Kenyan town of Garissa killed one Somali soldier and wounded three others.");
    let t = triples(&a);
    assert!(has_dyad(&t, "19", "KEN", "SOM"), "{}", show(&a));
    // The second verb has no doer either: the soldier wounded no one.
    assert!(!t.iter().any(|(_, s, _, _)| s == "SOM"), "{}", show(&a));
    // The patient of a passive is not a doer.
    let a = one_sentence("The rocket was launched from a base in northern Brazil.");
    assert!(a.events.is_empty(), "{}", show(&a));
}

#[test]
fn a_right_or_an_ability_to_act_is_no_act() {
    let a = one_sentence(
        "Canada on Thursday defended the right of Chilean troops to fire on militants in Peru.",
    );
    assert!(!has_root(&a, "19"), "{}", show(&a));
    let a = one_sentence("Officials said Chile is capable of targeting Peruvian radar sites.");
    assert!(!has_root(&a, "19"), "{}", show(&a));
    let a = one_sentence("Chile's army was unable to attack the rebels in Peru.");
    assert!(!has_root(&a, "19"), "{}", show(&a));
}

#[test]
fn preventing_a_demonstration_restricts_political_freedoms() {
    let a = one_sentence("Chilean police prevented a demonstration in Santiago on Monday.");
    assert!(has_dyad(&triples(&a), "1721", "CHL", "CHL"), "{}", show(&a));
}

#[test]
fn violence_in_a_protest_is_a_riot_a_protest() {
    let a = one_sentence("Bolivian miners resorted to throwing stones during demonstrations against the alleged abuses by the Chilean police, officials said.");
    let t = triples(&a);
    assert!(has_dyad(&t, "14", "BOL", "CHL"), "{}", show(&a));
    assert!(!has_dyad(&t, "18", "BOL", "CHL"), "{}", show(&a));
}

#[test]
fn a_second_speech_verb_opens_a_clause_of_its_own() {
    // Peru's improving its record is done to no one named after "and said".
    let a = one_sentence("A top Chilean official today praised Peru's efforts to improve its record on human rights and said it was an important partner for Argentina.");
    let t = triples(&a);
    assert!(has_dyad(&t, "05", "CHL", "PER"), "{}", show(&a));
    assert!(!t.iter().any(|(_, s, _, _)| s == "PER"), "{}", show(&a));
}

#[test]
fn a_clause_after_but_that_opens_with_its_verb_shares_the_subject() {
    let a = one_sentence("Peru opened its borders today to most refugees from Bolivia, but was still refusing admittance to Chileans, officials said.");
    assert!(has_dyad(&triples(&a), "12", "PER", "CHL"), "{}", show(&a));
    // With no auxiliary between "but" and the verb too.
    let a = one_sentence(
        "Peru opened its borders to refugees from Bolivia but refused admittance to Chileans.",
    );
    assert!(has_dyad(&triples(&a), "12", "PER", "CHL"), "{}", show(&a));
}

#[test]
fn an_uninflected_word_after_a_possessive_noun_is_a_noun() {
    // "ally" names the militia; it is no alliance by the rebels.
    let a = one_sentence("Bolivian rebels killed the deputy chief of Chile's militia ally in southern Peru on Sunday.");
    assert!(has_root(&a, "19"), "{}", show(&a));
    assert!(!has_root(&a, "05"), "{}", show(&a));
    // An irregular past after a possessive phrase is still the verb.
    let a = one_sentence("Chile's president met Peru's foreign minister in Lima on Monday.");
    assert!(has_dyad(&triples(&a), "04", "CHL", "PER"), "{}", show(&a));
}
