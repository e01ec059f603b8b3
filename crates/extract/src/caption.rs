//! Photo captions and their credits.
//!
//! Captions come as "what the photo shows" followed, or preceded, by who took or owns it:
//! "… visit to Moscow. © Russia's Defense Ministry", "… on Monday. (Photo: Jane Roe/Agency)",
//! "… in 2019. Photograph: Jane Roe", "FILE PHOTO: …". [`split_credit`] parts the two.

use annalist_core::Caption;

/// Labels that open a caption and are not part of what it says.
const LEADING_LABELS: &[&str] = &[
    "FILE PHOTO:",
    "FILE PHOTO -",
    "FILE -",
    "FILE:",
    "PHOTO:",
    "Photo:",
    "IMAGE:",
    "Image:",
];

/// Words that introduce a credit ("Photo: Jane Roe").
const CREDIT_LABELS: &[&str] = &[
    "photo by",
    "photos by",
    "photograph by",
    "picture by",
    "image by",
    "photo credit:",
    "credit:",
    "credits:",
    "photo:",
    "photos:",
    "photograph:",
    "picture:",
    "image:",
    "source:",
    "courtesy of",
    "courtesy:",
    "foto:",
    "bild:",
    "fuente:",
    "crédit :",
    "crédit:",
    "фото:",
];

/// Splits a caption into what it shows and its credit.
pub fn split_credit(caption: &str) -> Caption {
    let mut text = caption.trim();
    for label in LEADING_LABELS {
        if let Some(rest) = strip_prefix_ci(text, label) {
            text = rest.trim_start();
            break;
        }
    }
    // "© Agency", "(c) Agency", "Copyright Agency" anywhere: the credit runs to the end.
    for mark in ["©", "(c)", "(C)", "Copyright "] {
        if let Some(at) = text.find(mark) {
            let credit = clean_credit(&text[at + mark.len()..]);
            let before = text[..at].trim_end();
            let before = before
                .trim_end_matches(['|', '/', '-', '–', '—', '('])
                .trim_end();
            if !credit.is_empty() {
                return Caption {
                    text: before.to_string(),
                    credit: Some(credit),
                };
            }
        }
    }
    // "(Photo: Jane Roe)" or "(Jane Roe/Agency)" at the end.
    if let Some(open) = text.rfind('(') {
        if text.ends_with(')') {
            let inner = &text[open + 1..text.len() - 1];
            let lower = inner.to_lowercase();
            if let Some(label) = CREDIT_LABELS.iter().find(|l| lower.starts_with(*l)) {
                if let Some(rest) = inner.get(label.len()..) {
                    return Caption {
                        text: text[..open].trim_end().to_string(),
                        credit: Some(clean_credit(rest)),
                    };
                }
            }
            if inner.contains('/') && inner.len() < 80 && !inner.contains(". ") {
                return Caption {
                    text: text[..open].trim_end().to_string(),
                    credit: Some(clean_credit(inner)),
                };
            }
        }
    }
    // "… Photograph: Jane Roe" after the last sentence.
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lowercasing moved offsets (rare scripts): no safe way to map them back.
        return Caption {
            text: text.to_string(),
            credit: None,
        };
    }
    // Every label holds a colon, " by" or "courtesy of": without them, none is looked for.
    let labelled = lower.contains(':') || lower.contains(" by") || lower.contains("courtesy of");
    if labelled {
        for label in CREDIT_LABELS {
            if let Some(at) = lower.rfind(label) {
                let before_ok = at == 0
                    || lower[..at]
                        .trim_end()
                        .ends_with(['.', '|', '/', '-', '–', '—', ')']);
                let Some(rest) = text.get(at + label.len()..) else {
                    continue;
                };
                let credit = clean_credit(rest);
                if before_ok
                    && !credit.is_empty()
                    && credit.len() < 100
                    && text.is_char_boundary(at)
                {
                    let before = text[..at]
                        .trim_end()
                        .trim_end_matches(['|', '/', '-', '–', '—'])
                        .trim_end();
                    return Caption {
                        text: before.to_string(),
                        credit: Some(credit),
                    };
                }
            }
        }
    }
    Caption {
        text: text.to_string(),
        credit: None,
    }
}

/// A credit with the punctuation and labels around it removed.
pub fn clean_credit(credit: &str) -> String {
    let mut c = credit.trim_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, ':' | '|' | '(' | ')' | '-' | '–' | '—' | '.' | ',')
    });
    let lower = c.to_lowercase();
    for label in CREDIT_LABELS {
        if let (true, Some(rest)) = (lower.starts_with(label), c.get(label.len()..)) {
            c = rest.trim_start();
            break;
        }
    }
    c.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_have_a_marker() {
        for label in CREDIT_LABELS {
            assert!(
                label.contains(':') || label.contains(" by") || label.contains("courtesy of"),
                "{label}"
            );
        }
    }

    #[test]
    fn credits_are_split_off() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "FILE PHOTO: A minister during a visit. ©\u{a0} The Ministry",
                "A minister during a visit.",
                Some("The Ministry"),
            ),
            (
                "Crowds gather in the square. (Photo: Jane Roe/Agency)",
                "Crowds gather in the square.",
                Some("Jane Roe/Agency"),
            ),
            (
                "Crowds gather in the square. (Jane Roe/Agency)",
                "Crowds gather in the square.",
                Some("Jane Roe/Agency"),
            ),
            (
                "The bridge at dawn. Photograph: John Doe",
                "The bridge at dawn.",
                Some("John Doe"),
            ),
            (
                "The bridge at dawn | Credit: City Archive",
                "The bridge at dawn",
                Some("City Archive"),
            ),
            ("Copyright Acme Photos", "", Some("Acme Photos")),
            (
                "A plain caption with no credit.",
                "A plain caption with no credit.",
                None,
            ),
            ("The (new) bridge.", "The (new) bridge.", None),
        ];
        for (input, text, credit) in cases {
            let c = split_credit(input);
            assert_eq!(c.text, *text, "{input}");
            assert_eq!(c.credit.as_deref(), *credit, "{input}");
        }
    }
}
