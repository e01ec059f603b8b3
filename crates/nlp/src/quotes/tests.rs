//! The quotes stage on texts written for it. The entities are given by hand, so these tests
//! check this stage alone, whatever the tagger finds; `odd_input_never_panics` and the seed
//! test (`crates/eval/tests/seed_quotes.rs`) run the whole analyzer.

use annalist_core::{Document, Format, Span};

use crate::entities::{Entity, EntityType, Form, Mention, Tokenized};
use crate::Analyzer;

/// The paragraphs' spans of `text`, split at blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for p in text.split("\n\n") {
        out.push(Span::new(at, at + p.len()));
        at += p.len() + 2;
    }
    out
}

/// An entity of `kind` with a mention at every place its `forms` occur as whole tokens.
fn entity(t: &Tokenized<'_>, kind: EntityType, name: &str, forms: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for form in forms {
        let words: Vec<&str> = form.split(' ').collect();
        for start in 0..t.tokens.len() {
            let end = start + words.len();
            if end <= t.tokens.len() && (start..end).zip(&words).all(|(i, w)| t.word(i) == *w) {
                let pronoun = form.chars().next().is_some_and(char::is_lowercase);
                mentions.push(Mention {
                    tokens: start..end,
                    kind,
                    form: if pronoun { Form::Pronoun } else { Form::Name },
                });
            }
        }
    }
    mentions.sort_by_key(|m| m.tokens.start);
    Entity {
        kind,
        name: name.to_string(),
        roles: Vec::new(),
        country: None,
        actor: None,
        mentions,
    }
}

/// (quote, speaker's name) pairs of `text` with the people `people` (name, its forms) and,
/// with `attaching`, through `find_attaching`.
fn run(text: &str, people: &[(&str, &[&str])], attaching: bool) -> Vec<(String, Option<String>)> {
    let paragraphs = paragraphs(text);
    let sentences = crate::sentences::split(text, &paragraphs);
    let t = Tokenized::new(text, &sentences);
    let mut entities: Vec<Entity> = people
        .iter()
        .map(|(name, forms)| {
            let kind = if name.ends_with("Ministry") {
                EntityType::Org
            } else {
                EntityType::Person
            };
            entity(&t, kind, name, forms)
        })
        .collect();
    let quotes = if attaching {
        super::find_attaching(&t, &mut entities)
    } else {
        super::find(&t, &entities)
    };
    quotes
        .iter()
        .map(|q| {
            (
                text[q.span.start..q.span.end].to_string(),
                q.speaker.map(|e| entities[e].name.clone()),
            )
        })
        .collect()
}

fn check(text: &str, people: &[(&str, &[&str])], expected: &[(&str, Option<&str>)]) {
    let want: Vec<(String, Option<String>)> = expected
        .iter()
        .map(|(q, s)| (q.to_string(), s.map(str::to_string)))
        .collect();
    assert_eq!(run(text, people, false), want, "in {text:?}");
}

#[test]
fn speaker_after_before_and_inside() {
    check(
        "“We will win this election,” Maria Gonzalez said on Tuesday.",
        &[("Maria Gonzalez", &["Maria Gonzalez"])],
        &[("We will win this election", Some("Maria Gonzalez"))],
    );
    check(
        "“The plan is dead,” said Senator Thomas Whitfield.",
        &[("Thomas Whitfield", &["Thomas Whitfield"])],
        &[("The plan is dead", Some("Thomas Whitfield"))],
    );
    check(
        "Governor Anna Kowalski said: \"The roads will reopen by Friday.\"",
        &[("Anna Kowalski", &["Anna Kowalski"])],
        &[("The roads will reopen by Friday.", Some("Anna Kowalski"))],
    );
    check(
        "“The budget is balanced,” Peter Haugen told reporters, “and it will stay that way.”",
        &[("Peter Haugen", &["Peter Haugen"])],
        &[
            ("The budget is balanced", Some("Peter Haugen")),
            ("and it will stay that way.", Some("Peter Haugen")),
        ],
    );
    check(
        "“We are ready,” Omar Haddad, the coach of the national team, told reporters.",
        &[("Omar Haddad", &["Omar Haddad"])],
        &[("We are ready", Some("Omar Haddad"))],
    );
    check(
        "“Prices will fall,” according to the Finance Ministry.",
        &[("Finance Ministry", &["Finance Ministry"])],
        &[("Prices will fall", Some("Finance Ministry"))],
    );
    check(
        "“It is over.” ― Rosa Delgado\n“It has just begun.” ― Ken Ito",
        &[
            ("Rosa Delgado", &["Rosa Delgado"]),
            ("Ken Ito", &["Ken Ito"]),
        ],
        &[
            ("It is over.", Some("Rosa Delgado")),
            ("It has just begun.", Some("Ken Ito")),
        ],
    );
}

#[test]
fn partial_quotes_and_pronouns() {
    check(
        "Luis Ortega met the council on Monday. He said the new bridge was “a turning point” \
         for the city.",
        &[("Luis Ortega", &["Luis Ortega", "He"])],
        &[("a turning point", Some("Luis Ortega"))],
    );
    // A "she" the entity stage left alone: the latest woman before it.
    check(
        "Ingrid Solberg spoke in Oslo. The talks must reach a “new stage” in the coming \
         months, she stressed.",
        &[("Ingrid Solberg", &["Ingrid Solberg"])],
        &[("new stage", Some("Ingrid Solberg"))],
    );
    check(
        "The talks went well, according to Kenji Watanabe, who called them “very productive.”",
        &[("Kenji Watanabe", &["Kenji Watanabe"])],
        &[("very productive.", Some("Kenji Watanabe"))],
    );
    // A participle's speaker is the subject of its clause.
    check(
        "On Friday, Amara Osei thanked the volunteers, saying they had “saved the festival.”",
        &[("Amara Osei", &["Amara Osei"])],
        &[("saved the festival.", Some("Amara Osei"))],
    );
}

#[test]
fn no_speaker_when_the_text_gives_none() {
    check(
        "“The building was empty,” a police source said.",
        &[],
        &[("The building was empty", None)],
    );
    // Not the name inside the source's description.
    check(
        "“We will appeal,” a lawyer for Daniel Brandt said.",
        &[("Daniel Brandt", &["Daniel Brandt"])],
        &[("We will appeal", None)],
    );
    check(
        "Residents described the storm as “the worst in decades.”",
        &[],
        &[("the worst in decades.", None)],
    );
    // A quoted name is no quote.
    check(
        "The navy held the ‘Blue Shield-2021’ drills near Oslo.",
        &[],
        &[],
    );
    // After a quote that ends its sentence, a new statement is not its attribution.
    check(
        "“We lost.” Jane Porter said the vote was fair.",
        &[("Jane Porter", &["Jane Porter"])],
        &[("We lost.", None)],
    );
}

#[test]
fn quotes_over_paragraphs() {
    check(
        "Helen Marsh opened the meeting.\n\n“We have tested every sample twice.\n\n\
         “The results are clear,” Marsh said.",
        &[("Helen Marsh", &["Helen Marsh", "Marsh"])],
        &[(
            "We have tested every sample twice.\n\n“The results are clear",
            Some("Helen Marsh"),
        )],
    );
    check(
        "Carlos Mendes wrote on Monday:\n\n“This is the end of an era.”",
        &[("Carlos Mendes", &["Carlos Mendes"])],
        &[("This is the end of an era.", Some("Carlos Mendes"))],
    );
    // Later quotes of the same paragraph keep their speaker, and so does a quoted paragraph
    // right after.
    check(
        "“It was loud,” said Jane Porter. “Then it stopped.”\n\n“Nobody was hurt.”",
        &[("Jane Porter", &["Jane Porter"])],
        &[
            ("It was loud", Some("Jane Porter")),
            ("Then it stopped.", Some("Jane Porter")),
            ("Nobody was hurt.", Some("Jane Porter")),
        ],
    );
}

#[test]
fn attaching_adds_the_speakers_the_entities_lack() {
    let text = "Bernie Sanders spoke first.\n\n“We will fight on,” Sanders said.\n\n\
                “I think she will,” Gillibrand replied.";
    // `find` knows Sanders by his surname, not Gillibrand, whom no entity holds.
    assert_eq!(
        run(text, &[("Bernie Sanders", &["Bernie Sanders"])], false),
        [
            (
                "We will fight on".to_string(),
                Some("Bernie Sanders".to_string())
            ),
            ("I think she will".to_string(), None),
        ]
    );
    assert_eq!(
        run(text, &[("Bernie Sanders", &["Bernie Sanders"])], true),
        [
            (
                "We will fight on".to_string(),
                Some("Bernie Sanders".to_string())
            ),
            (
                "I think she will".to_string(),
                Some("Gillibrand".to_string())
            ),
        ]
    );
}

#[test]
fn odd_input_never_panics() {
    let a = Analyzer::new();
    for text in [
        "",
        "“",
        "”",
        "\"",
        "“”",
        "“ ”",
        "He said “",
        "” he said.",
        "“a “b” c” d said.",
        "\"a \"b\" c\" he said \"",
        "‘‘’’ “‘”’",
        "“unclosed\n\n“still\n\n“and still",
        "x\n\n“\n\n”\n\n\"",
        "according to",
        "“Yes,” according to",
        "“Yes,” said",
        "“Yes” ―",
        "said: “",
        "«»„“「」『』",
        "“Go,” said Mr.",
        "Li (\n\n“a,” Li (said),",
    ] {
        let doc = Document::from_paragraphs(
            "odd",
            Format::Plain,
            text.split("\n\n").map(str::to_string).collect(),
        );
        let _ = a.analyze(&doc);
        let sentences = crate::sentences::split(&doc.text, &doc.paragraphs);
        let t = Tokenized::new(&doc.text, &sentences);
        let mut entities = Vec::new();
        let _ = super::find_attaching(&t, &mut entities);
    }
}

#[test]
fn linear_on_a_large_text_of_quotes() {
    let unit = "“We will not stop now,” he said, “and nobody can make us.” Officials said \
                the plan was “bold” and “late” but “necessary,” according to Li Wei. \
                “Why?” asked Ana Sousa, a spokeswoman. “Because,” Sousa said.\n\n";
    // And a paragraph built to make the searches work hard: cues, commas and pronouns.
    let hard = format!(
        "“a” {} he said “b,” {} “c” also also also also saying, “d”\n\n",
        "said, told, ".repeat(30),
        "he she it who, ".repeat(30)
    );
    let text = format!("{unit}{hard}").repeat(4_000_000 / (unit.len() + hard.len()));
    let paragraphs = paragraphs(&text);
    let sentences = crate::sentences::split(&text, &paragraphs);
    let t = Tokenized::new(&text, &sentences);
    let mut entities = vec![
        entity(&t, EntityType::Person, "Li Wei", &["Li Wei"]),
        entity(
            &t,
            EntityType::Person,
            "Ana Sousa",
            &["Ana Sousa", "Sousa", "he"],
        ),
    ];
    let started = std::time::Instant::now();
    let found = super::find_attaching(&t, &mut entities);
    let took = started.elapsed();
    assert!(found.len() > 30_000, "{}", found.len());
    // Generous for debug builds; in release it takes a fraction of this.
    assert!(took.as_secs_f64() < 30.0, "{took:?}");
}

mod salad {
    use proptest::prelude::*;

    use super::*;

    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        ",",
        ".",
        ":",
        "—",
        "―",
        "(",
        ")",
        "\n\n",
        "said",
        "told",
        "according to",
        "saying",
        "he",
        "she",
        "it",
        "who",
        "the",
        "of",
        "for",
        "Li",
        "Wei",
        "Ana",
        "Sousa",
        "Mr.",
        "Sen.",
        "Monday",
        "and",
        "that",
        "pointed out",
        "a source",
        "We",
        "will",
        "win",
        "“We",
        "win,”",
        "said:",
        "Sousa,”",
        "é",
        "中国",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_salad_gives_quotes_inside_the_text(
            picks in proptest::collection::vec(0..PIECES.len(), 0..60),
            spans in proptest::collection::vec((0usize..80, 0usize..4), 0..6),
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect::<Vec<_>>().join(" ");
            let paragraphs = paragraphs(&text);
            let sentences = crate::sentences::split(&text, &paragraphs);
            let t = Tokenized::new(&text, &sentences);
            let n = t.tokens.len();
            // Entities with mentions anywhere, even out of range.
            let mut entities: Vec<Entity> = spans
                .iter()
                .map(|&(start, len)| Entity {
                    kind: if len % 2 == 0 { EntityType::Person } else { EntityType::Org },
                    name: "X".to_string(),
                    roles: Vec::new(),
                    country: None,
                    actor: None,
                    mentions: vec![Mention {
                        tokens: start.min(n + 1)..(start + len).min(n + 2),
                        kind: EntityType::Person,
                        form: Form::Name,
                    }],
                })
                .collect();
            let plain = super::super::find(&t, &entities);
            let attached = super::super::find_attaching(&t, &mut entities);
            prop_assert_eq!(plain.len(), attached.len());
            for q in attached {
                prop_assert!(q.span.start < q.span.end && q.span.end <= text.len());
                prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
                if let Some(e) = q.speaker {
                    prop_assert!(e < entities.len());
                }
            }
        }
    }
}
