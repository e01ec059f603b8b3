//! The seed article's direct quotes and their speakers (issue floor). Reads `../shared/seed/`;
//! skips, saying so, when it is absent.

use annalist_core::Analysis;

fn seed() -> Option<Analysis> {
    annalist_eval::seed::analysis().map(|a| a.expect("the seed extracts"))
}

/// The speaker's name of the quote that starts with `start`.
fn speaker_of<'a>(a: &'a Analysis, start: &str) -> Option<&'a str> {
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {:#?}", a.quotes));
    let id = q.speaker.as_ref()?;
    a.entities
        .iter()
        .find(|e| &e.id == id)
        .map(|e| e.name.as_str())
}

#[test]
fn seed_quotes_have_their_speakers() {
    let Some(a) = seed() else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    let li = "Li Shangfu";
    let evmenov = "Nikolay Evmenov";
    for (quote, speaker) in [
        // "… to a “new level,” Chinese Defense Minister Li Shangfu said"
        ("new level", li),
        // "… have been “developing steadily,” … Li told Evmenov"
        ("developing steadily", li),
        // "“the relations between the two armed forces …,” he emphasized"
        ("the relations between the two armed forces", li),
        // "… adding that he hoped it “will strengthen communication …”"
        ("will strengthen communication", li),
        // "Li stressed that this cooperation will allow them to “make positive contributions …”"
        ("make positive contributions", li),
        // "the Russian Navy chief also said that Moscow attaches “great importance” …"
        ("great importance", evmenov),
        // "Russia is eager to maintain “close coordination” …, he said."
        ("close coordination", evmenov),
        // "“organize joint naval exercises …,” Evmenov pointed out."
        ("organize joint naval exercises", evmenov),
        // "he said that the trip was intended “to demonstrate …”"
        ("to demonstrate to the outside world", li),
    ] {
        assert_eq!(speaker_of(&a, quote), Some(speaker), "{quote:?}");
    }
    // A quoted name is no quote.
    assert!(
        !a.quotes.iter().any(|q| q.text.contains("Interaction-2023")),
        "{:#?}",
        a.quotes
    );
    // Every quote of the seed is one of the nine, and each has its speaker.
    assert_eq!(a.quotes.len(), 9, "{:#?}", a.quotes);
}
