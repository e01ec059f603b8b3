//! Bylines: who wrote the story.
//!
//! Read: `By Jane Doe`, `By Jane Doe and Omar Ali, Agency`, `Written by …`, `Author: …`,
//! `Jane Doe, Agency` (a name then only agencies or roles), and the wire footer
//! `(Reporting by Jane Doe; Editing by Omar Ali)`, whose reporters are the authors.

use super::squeeze;

/// Openers of a byline, lowercase.
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "by ", "published by ", "written by ", "words by ", "reported by ", "story by ", "text by ",
    "author: ", "authors: ", "author ", "reporter: ", "reporters: ",
];

/// Openers of the credit pieces of a wire footer whose names wrote the story, lowercase.
const REPORTING: &[&str] = &[
    "reporting by ",
    "additional reporting by ",
    "writing by ",
    "reported by ",
    "written by ",
];

/// News agencies and wire services: a byline may name one instead of a person.
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "reuters", "ap", "afp", "associated press", "the associated press", "agence france-presse",
    "bloomberg", "tass", "ria novosti", "ria", "interfax", "xinhua", "dpa", "efe", "ansa", "kyodo",
    "yonhap", "upi", "united press international", "pa", "pa media", "ani", "pti", "ians",
    "anadolu", "bernama", "antara", "wires", "agencies", "news agencies", "staff",
    "staff and agencies",
];

/// Words that make a byline piece a role or an organisation, not a person.
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "staff", "correspondent", "correspondents", "reporter", "reporters", "writer", "writers",
    "editor", "editors", "contributor", "contributors", "columnist", "journalist", "journalists",
    "bureau", "desk", "team", "newsroom", "chief", "senior", "news", "agency", "agencies", "wire",
    "wires", "service", "press", "media", "online", "digital", "analyst", "producer",
    "photographer",
];

/// Lowercase name particles (`de`, `van`, `bin`).
const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "del", "della", "la",
    "le", "al", "el", "bin", "ibn", "ter", "ten", "y",
];

/// Reads `segment` (one part of a line, trimmed) as a byline: `Some(authors)` when it is one —
/// the list may be empty (`By Agency Staff`) — and `None` otherwise.
pub(crate) fn parse(segment: &str) -> Option<Vec<String>> {
    if segment.chars().count() > 160 {
        return None;
    }
    if let Some(names) = wire_footer(segment) {
        return Some(names);
    }
    if let Some(rest) = PREFIXES.iter().find_map(|p| strip_prefix_ci(segment, p)) {
        return names(rest, true);
    }
    name_then_roles(segment)
}

/// `text` after `prefix` (ASCII, lowercase), compared ignoring ASCII case.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `(Reporting by A in City; Editing by B)`: the names credited with the reporting.
fn wire_footer(segment: &str) -> Option<Vec<String>> {
    let inner = segment.trim_start_matches(['(', '[']);
    let credited = |p: &&str| strip_prefix_ci(inner, p).is_some();
    if !REPORTING.iter().any(credited) && strip_prefix_ci(inner, "editing by ").is_none() {
        return None;
    }
    let mut authors = Vec::new();
    for piece in inner.split(';') {
        let piece = piece.trim();
        if let Some(rest) = REPORTING.iter().find_map(|p| strip_prefix_ci(piece, p)) {
            authors
                .extend(names(rest.trim_end_matches([')', ']', '.']), false).unwrap_or_default());
        }
    }
    Some(authors)
}

/// `Jane Doe, Agency` or `Jane Doe | Senior Correspondent`: a person's name followed only by
/// agencies or roles.
fn name_then_roles(segment: &str) -> Option<Vec<String>> {
    let mut pieces = segment
        .split([',', '|', '–', '—'])
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let first = pieces.next()?;
    let rest: Vec<&str> = pieces.collect();
    let valid = is_person(first) && !rest.is_empty() && rest.iter().all(|p| is_agency_or_role(p));
    valid.then(|| vec![squeeze(first)])
}

/// The people named in the part of a byline after its opener; `None` when a piece is neither a
/// person nor an agency or role (then this was no byline: "By Monday, the river had …").
/// With `cut_trailers`, a trailing date or timestamp (`… Updated 4 July`) and a place (`… in
/// Oslo`) are cut off first.
fn names(text: &str, cut_trailers: bool) -> Option<Vec<String>> {
    let text = if cut_trailers {
        cut_trailer(text)
    } else {
        text
    };
    let mut authors = Vec::new();
    let mut any = false;
    for piece in split_names(text) {
        let piece = cut_place(piece)
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-'));
        if piece.is_empty() {
            continue;
        }
        if is_agency_or_role(piece) || (any && is_single_name(piece)) {
            // After a person, one capitalised word is their agency or paper: `By A, Wirename`.
            any = true;
        } else if is_person(piece) {
            any = true;
            let name = squeeze(piece);
            if !authors.contains(&name) {
                authors.push(name);
            }
        } else {
            return None;
        }
    }
    any.then_some(authors)
}

/// Splits a list of names at commas, semicolons, `&`, " and " and " with ".
fn split_names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in text.split([',', ';', '&']) {
        let mut rest = piece;
        while let Some(i) = [" and ", " with "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min()
        {
            out.push(&rest[..i.0]);
            rest = &rest[i.0 + i.1..];
        }
        out.push(rest);
    }
    out
}

/// `text` up to where a timestamp starts (a date, or a word like "Updated").
fn cut_trailer(text: &str) -> &str {
    let lower = text.to_ascii_lowercase();
    let labels = [
        " updated",
        " published",
        " posted",
        " last ",
        " on ",
        " at ",
        " - ",
        " — ",
        " – ",
    ];
    let label = labels.iter().filter_map(|l| lower.find(l)).min();
    let date = super::dates::find_dates(text).first().map(|(r, _)| r.start);
    let cut = label.into_iter().chain(date).min().unwrap_or(text.len());
    &text[..cut]
}

/// A name without its trailing `in City` or `for Publication`.
fn cut_place(piece: &str) -> &str {
    let cut = [" in ", " for "].iter().filter_map(|sep| {
        let i = piece.find(sep)?;
        piece[i + sep.len()..]
            .starts_with(|c: char| c.is_uppercase())
            .then_some(i)
    });
    cut.min().map_or(piece, |i| &piece[..i])
}

/// True for an agency (`Reuters`), a role (`Senior Correspondent`) or a publication credit
/// (`for Some Paper`).
pub(crate) fn is_agency_or_role(piece: &str) -> bool {
    let lower = piece.trim().to_lowercase();
    AGENCIES.contains(&lower.as_str())
        || lower.starts_with("for ")
        || lower
            .split_whitespace()
            .any(|w| ROLE_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// True for one capitalised word (`Wirename`).
fn is_single_name(piece: &str) -> bool {
    let mut words = piece.split_whitespace();
    let first = words.next();
    words.next().is_none() && first.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// True for a person's name: two to five words, capitalised (particles aside), letters,
/// initials, hyphens and apostrophes only.
pub(crate) fn is_person(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    let letters = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let particle = |w: &&str| PARTICLES.contains(w);
    let ends = words.first().is_some_and(capitalised) && words.last().is_some_and(capitalised);
    ends && words
        .iter()
        .all(|w| letters(w) && (capitalised(w) || particle(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bylines() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("By Mara Quill", Some(&["Mara Quill"])),
            ("BY MARA QUILL", Some(&["MARA QUILL"])),
            ("By Mara Quill and Tomas van der Berg", Some(&["Mara Quill", "Tomas van der Berg"])),
            ("By Mara Quill, Ivo Tam & J. K. Reyes", Some(&["Mara Quill", "Ivo Tam", "J. K. Reyes"])),
            ("By Mara Quill, Reuters", Some(&["Mara Quill"])),
            ("By Mara Quill, Nordwire", Some(&["Mara Quill"])),
            ("By Mara Quill in Vella", Some(&["Mara Quill"])),
            ("By June Oyelaran for The Harbour Post", Some(&["June Oyelaran"])),
            ("By Mara Quill, Senior Correspondent", Some(&["Mara Quill"])),
            ("By Mara Quill Updated 4 July 2023", Some(&["Mara Quill"])),
            ("By Mara Quill on July 4, 2023", Some(&["Mara Quill"])),
            ("Written by Ode Nwosu", Some(&["Ode Nwosu"])),
            ("Published by Ode Nwosu on 3 July 2023", Some(&["Ode Nwosu"])),
            ("Author: Ode Nwosu", Some(&["Ode Nwosu"])),
            ("By Reuters Staff", Some(&[])),
            ("Mara Quill, Reuters", Some(&["Mara Quill"])),
            ("Mara Quill | Staff Writer", Some(&["Mara Quill"])),
            ("(Reporting by Ivo Tam in Vella; Editing by Kai Moss)", Some(&["Ivo Tam"])),
            ("Reporting by Ivo Tam and Lea Fox; Additional reporting by Rui Dias; Editing by Kai Moss", Some(&["Ivo Tam", "Lea Fox", "Rui Dias"])),
            // Not bylines.
            ("By Monday, the river had crested.", None),
            ("By the end of the day the water had gone.", None),
            ("By March 3 the work was done", None),
            ("Vella, Northland", None),
            ("Putin, Xi meet", None),
            ("River town counts the cost", None),
        ];
        for (line, expected) in cases {
            let expected =
                expected.map(|names| names.iter().map(|n| n.to_string()).collect::<Vec<_>>());
            assert_eq!(parse(line), expected, "line {line:?}");
        }
    }
}
