//! Photo captions and their credits.
//!
//! A line is a caption when it opens with a picture label (`FILE PHOTO:`, `Photo:`, `Image:`)
//! or carries a credit: after `©` or `(c)`, after a mid-line `Photo:`/`Credit:`/`Photograph:`,
//! an agency's `AGENCY/Photographer`, or a short capitalised name after ` / ` or ` | ` at its end.

use annalist_core::Caption;

use super::squeeze;

/// What a caption line holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CaptionLine {
    /// A caption, with its credit when the line gives one.
    Caption(Caption),
    /// A credit alone (`Photo: Agency`, `© Agency`), for the caption before it.
    Credit(String),
}

/// Labels that open a caption's text.
#[rustfmt::skip]
const TEXT_LABELS: &[&str] = &[
    "file photo", "file picture", "file image", "file", "photo", "photos", "image", "picture",
    "pictured", "caption", "illustration", "main image", "top image", "lead image",
];

/// Labels that open a credit.
#[rustfmt::skip]
const CREDIT_LABELS: &[&str] = &[
    "photograph", "photography", "photo credit", "image credit", "picture credit", "image source",
    "credits", "credit", "photo by", "photos by", "image by", "picture by", "photographer",
];

/// Credit markers in the middle of a line, lowercase, with what must precede them.
#[rustfmt::skip]
const INLINE_CREDIT_MARKERS: &[&str] = &[
    " photo: ", " photograph: ", " credit: ", " photo credit: ", " image: ", " picture: ",
    " photo by ", "(photo: ", "(photo by ", "(photograph: ", "(image: ", "(credit: ", "(picture: ",
];

/// Reads `line` (trimmed) as a caption or a credit, or `None` when it is neither.
pub(crate) fn parse(line: &str) -> Option<CaptionLine> {
    if line.chars().count() > 600 {
        return None;
    }
    if let Some(rest) = strip_label(line, CREDIT_LABELS) {
        return clean_credit(rest).map(CaptionLine::Credit);
    }
    let labelled = strip_label(line, TEXT_LABELS);
    let body = labelled.unwrap_or(line);
    let (text, credit) = match split_credit(body) {
        Some((text, credit)) => (text, Some(clean_credit(credit)?)),
        // `Photo: Agency Name`: the label introduces a credit, not a caption.
        None if labelled.is_some() && is_name_like(body) => ("", clean_credit(body)),
        None if labelled.is_some() => (body, None),
        None => return None,
    };
    let text = clean_text(text);
    match (text.is_empty(), credit) {
        (true, Some(credit)) => Some(CaptionLine::Credit(credit)),
        (true, None) => None,
        (false, credit) => Some(CaptionLine::Caption(Caption { text, credit })),
    }
}

/// `line` after one of `labels` and its colon (`Photo: x` gives `x`); labels ending in "by"
/// need no colon.
fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|label| {
        let head = line.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = line[label.len()..].trim_start();
        if let Some(after) = rest.strip_prefix(':') {
            Some(after.trim_start())
        } else if label.ends_with(" by") && line[label.len()..].starts_with(char::is_whitespace) {
            Some(rest)
        } else {
            None
        }
    })
}

/// Splits a caption at its credit: `(text, credit)`.
fn split_credit(line: &str) -> Option<(&str, &str)> {
    copyright_mark(line)
        .or_else(|| inline_marker(line))
        .or_else(|| agency_slash(line))
        .or_else(|| trailing_name(line))
}

/// `text © credit` or `text (c) credit`.
fn copyright_mark(line: &str) -> Option<(&str, &str)> {
    if let Some(i) = line.find('©') {
        return Some((&line[..i], &line[i + '©'.len_utf8()..]));
    }
    let i = line.find("(c) ").or_else(|| line.find("(C) "))?;
    let credit = &line[i + 4..];
    credit
        .starts_with(|c: char| c.is_uppercase())
        .then_some((&line[..i], credit))
}

/// `text Photo: credit`, `text (Photo by credit)`; the marker must be capitalised.
fn inline_marker(line: &str) -> Option<(&str, &str)> {
    // ASCII lowercasing keeps byte offsets.
    let lower = line.to_ascii_lowercase();
    let capitalised = |i: usize| {
        line[i..]
            .trim_start_matches([' ', '('])
            .starts_with(|c: char| c.is_uppercase())
    };
    let (i, marker) = INLINE_CREDIT_MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|i| (i, *m)))
        .filter(|&(i, _)| capitalised(i))
        .min_by_key(|&(i, _)| i)?;
    let credit = line[i + marker.len()..].trim();
    let credit = if marker.starts_with('(') {
        credit.strip_suffix(')').unwrap_or(credit)
    } else {
        credit
    };
    Some((&line[..i], credit))
}

/// `text AGENCY/Photographer`: an all-caps agency name glued to a slash.
fn agency_slash(line: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for token in line.split(' ') {
        let start = offset;
        offset += token.len() + 1;
        let Some((agency, rest)) = token.split_once('/') else {
            continue;
        };
        let letters = agency.chars().filter(|c| c.is_alphabetic()).count();
        let caps = agency.chars().all(|c| c.is_uppercase() || c == '-');
        let credit = &line[start..];
        if letters >= 2 && caps && start > 0 && !rest.is_empty() && is_name_like(credit) {
            return Some((&line[..start], credit));
        }
    }
    None
}

/// `text / Credit Name` or `text | Credit Name`: a short capitalised name after the last
/// separator.
fn trailing_name(line: &str) -> Option<(&str, &str)> {
    let i = line
        .rfind(" / ")
        .into_iter()
        .chain(line.rfind(" | "))
        .max()?;
    let credit = line[i + 3..].trim();
    (is_name_like(credit) && !line[..i].trim().is_empty()).then_some((&line[..i], credit))
}

/// True for a short run of capitalised words without sentence punctuation: a name or an
/// agency (`Getty Images`, `WIRE/Jo Bakker/File Photo`).
fn is_name_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let capitalised = text
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '/'));
    (1..=6).contains(&words)
        && text.chars().count() <= 60
        && capitalised
        && !text.trim_end().ends_with(['.', '!', '?'])
}

/// A caption's text: whitespace squeezed, separators left by the credit split removed.
fn clean_text(text: &str) -> String {
    squeeze(text.trim().trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '/' | '|' | '(' | '-' | '—' | '–' | ':')
    }))
}

/// A credit without labels, year, trailing file tags and punctuation; `None` when empty or too
/// long to be a name.
fn clean_credit(credit: &str) -> Option<String> {
    let mut credit = credit.trim();
    if let Some(rest) = strip_label(credit, CREDIT_LABELS) {
        credit = rest;
    }
    let lower = credit.to_ascii_lowercase();
    if lower.starts_with("copyright ") {
        credit = credit["copyright ".len()..].trim_start();
    }
    // `© 2023 Agency`: the year is no part of the name.
    let year_len = credit.chars().take_while(char::is_ascii_digit).count();
    if year_len == 4 {
        credit = credit[4..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    }
    for tag in ["/file photo", "/file", "/handout"] {
        let cut = credit
            .len()
            .checked_sub(tag.len())
            .filter(|&i| credit.is_char_boundary(i));
        if let Some(i) = cut.filter(|&i| credit[i..].eq_ignore_ascii_case(tag)) {
            credit = &credit[..i];
        }
    }
    let credit = squeeze(
        credit
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')' | '(')),
    );
    let words = credit.split_whitespace().count();
    (!credit.is_empty() && words <= 10 && credit.chars().count() <= 100).then_some(credit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caption(text: &str, credit: Option<&str>) -> Option<CaptionLine> {
        Some(CaptionLine::Caption(Caption {
            text: text.into(),
            credit: credit.map(Into::into),
        }))
    }

    #[test]
    fn reads_captions_and_credits() {
        let cases: &[(&str, Option<CaptionLine>)] = &[
            (
                "FILE PHOTO: A ferry docks at the harbour in Vella. ©\u{a0} Harbour Authority",
                caption("A ferry docks at the harbour in Vella.", Some("Harbour Authority")),
            ),
            ("Photo: Crowds gather in the square.", caption("Crowds gather in the square.", None)),
            ("PHOTO: Crowds gather (c) Ana Pérez", caption("Crowds gather", Some("Ana Pérez"))),
            ("Image: Flood water in a street. Credit: City Council", caption("Flood water in a street.", Some("City Council"))),
            ("Rescuers search rubble. Photograph: Ivo Tam/Agency", caption("Rescuers search rubble.", Some("Ivo Tam/Agency"))),
            ("Rescuers search rubble / Getty Images", caption("Rescuers search rubble", Some("Getty Images"))),
            ("Rescuers search rubble | AFP", caption("Rescuers search rubble", Some("AFP"))),
            (
                "A minister speaks in Vella, May 2, 2023. WIRE/Jo Bakker/File Photo",
                caption("A minister speaks in Vella, May 2, 2023.", Some("WIRE/Jo Bakker")),
            ),
            ("Boats at anchor (Photo by Li Wen)", caption("Boats at anchor", Some("Li Wen"))),
            ("Photo: Getty Images", Some(CaptionLine::Credit("Getty Images".into()))),
            ("© 2021 Kai Moss", Some(CaptionLine::Credit("Kai Moss".into()))),
            ("Credit: Harbour Authority", Some(CaptionLine::Credit("Harbour Authority".into()))),
            ("Photo by Rui Dias", Some(CaptionLine::Credit("Rui Dias".into()))),
            // Prose is no caption.
            ("The rate rose 3 / year, analysts said.", None),
            ("Photographers gathered outside the court.", None),
            ("The NATO/EU summit opened on Monday.", None),
            ("He described the image: grim and cold.", None),
            ("The ministry said imports fell by a third.", None),
            ("Filed before the storm, the report warned of floods.", None),
            ("© is the copyright sign, and the court said so in a long ruling that went on and on and on", None),
        ];
        for (line, expected) in cases {
            assert_eq!(parse(line), *expected, "line {line:?}");
        }
    }
}
