//! Scraper dumps: the text a naive scraper left, with the page's junk still in it.
//!
//! A dump holds the story — headline, standfirst, body paragraphs — among what the page put
//! around it: icon-font labels glued into strips, share bars, menus, ad labels, cookie and
//! subscription notices, bylines and timestamps, photo captions with credits, "Read more" teaser
//! lists and copyright footers. Some scrapers separate paragraphs with blank lines, some put one
//! element per line; both read the same way, because every line is judged on its own.
//!
//! The reading goes in three steps:
//!
//! 1. Each line is classified: junk (module `junk`), metadata (a byline, module `byline`; a
//!    timestamp, module `stamp`), a caption (module `caption`), or text that may belong to the
//!    story.
//! 2. Runs of lines are judged together: the teasers after a "Related" heading, runs of one-word
//!    menu items, and lines a scraper wrapped mid-sentence (joined again).
//! 3. The story is assembled: the headline is the first title-like text line, the standfirst the
//!    next one when it reads like one, the body everything else that is text. The published date
//!    comes from a labelled or header date, else the dateline of the first paragraph (which stays
//!    in the body), else an "Updated" date.
//!
//! Every rule looks at the shape of the text, never at one site's words. When a line could be
//! story or junk, it stays in the story.

mod byline;
mod caption;
mod dates;
mod junk;
mod stamp;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use annalist_core::{Caption, Document, PublishedFrom};

use self::caption::CaptionLine;
use self::dates::{Date, Found};
use self::junk::Junk;
use self::stamp::{Stamp, StampKind};

/// Reads a scraper's text dump into a document: title, standfirst, published date, authors,
/// captions and the body's paragraphs, with the page's junk left out.
pub fn extract_scraped(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // `str::lines` folds "\r\n"; a lone "\r" (old Mac files) ends a line too.
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut units = classify_lines(&text);
    mark_teasers(&mut units);
    mark_menu_runs(&mut units);
    let units = join_wrapped(units);
    assemble(&units)
}

/// What one line of a dump is.
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// Possibly part of the story.
    Text,
    /// Page furniture.
    Junk(Junk),
    /// A byline and/or timestamp (and maybe interface words), with the authors it names.
    Meta(Vec<String>),
    /// A caption or a lone credit.
    Caption(CaptionLine),
}

/// One non-blank line of a dump, classified.
#[derive(Clone, Debug)]
struct Unit {
    kind: Kind,
    /// The line, trimmed, without icon names glued to its edges.
    text: String,
    /// Which run of lines between blank lines it belongs to.
    block: usize,
    /// Dates read from it, when it is a timestamp or a header.
    stamps: Vec<Stamp>,
}

/// Splits the dump into non-blank lines and classifies each.
fn classify_lines(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut block = 0;
    let mut blank = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        if blank && !units.is_empty() {
            block += 1;
        }
        blank = false;
        units.push(classify(line, block));
    }
    units
}

/// Classifies one trimmed, non-blank line.
fn classify(line: &str, block: usize) -> Unit {
    let unit = |kind, text: &str, stamps| Unit {
        kind,
        text: text.to_string(),
        block,
        stamps,
    };
    if junk::is_icon_strip(line) {
        return unit(
            Kind::Junk(Junk::Icons),
            line,
            stamp::in_junk(line).into_iter().collect(),
        );
    }
    let line = junk::strip_icon_edges(line);
    if line.is_empty() {
        return unit(Kind::Junk(Junk::Icons), line, Vec::new());
    }
    if let Some((authors, stamps)) = meta(line) {
        return unit(Kind::Meta(authors), line, stamps);
    }
    if let Some(junk) = junk::classify(line) {
        let dated = matches!(junk, Junk::Interface | Junk::Menu | Junk::Symbols);
        let stamps = if dated {
            stamp::in_junk(line).into_iter().collect()
        } else {
            Vec::new()
        };
        return unit(Kind::Junk(junk), line, stamps);
    }
    if let Some(caption) = caption::parse(line) {
        return unit(Kind::Caption(caption), line, Vec::new());
    }
    if let Some(stamp) = dated_header(line) {
        return unit(Kind::Meta(Vec::new()), line, vec![stamp]);
    }
    unit(Kind::Text, line, Vec::new())
}

/// Reads `line` as metadata when every segment of it (split at `|`, `•`, `·`) is a byline, a
/// timestamp or interface words, and at least one is a byline or a timestamp: its authors and
/// dates.
fn meta(line: &str) -> Option<(Vec<String>, Vec<Stamp>)> {
    let mut authors = Vec::new();
    let mut stamps = Vec::new();
    let mut found = false;
    for segment in line
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if let Some(dated) = stamp::parse(segment) {
            stamps.extend(dated);
            found = true;
        } else if let Some(names) = byline::parse(segment) {
            // A byline may end with a timestamp: "By Jane Doe, Updated 4 July 2023".
            stamps.extend(trailing_stamps(segment));
            authors.extend(names);
            found = true;
        } else if junk::classify(segment) != Some(Junk::Interface) {
            return None;
        }
    }
    found.then_some((authors, stamps))
}

/// The dates of a timestamp at the end of a byline: the first tail of `segment`, starting at a
/// label or a date, that reads as a timestamp.
fn trailing_stamps(segment: &str) -> Vec<Stamp> {
    let lower = segment.to_ascii_lowercase();
    let labels = ["updated", "published", "posted", "modified"];
    let mut starts: Vec<usize> = labels.iter().filter_map(|l| lower.find(l)).collect();
    starts.extend(dates::find_dates(segment).first().map(|(r, _)| r.start));
    starts.sort_unstable();
    starts
        .into_iter()
        .find_map(|start| stamp::parse(&segment[start..]))
        .unwrap_or_default()
}

/// Reads a header line that opens with a full date followed by a few words (`3 Jul 2023 10:15
/// World News`) as a timestamp; prose that starts with a date is no header.
fn dated_header(line: &str) -> Option<Stamp> {
    let (range, found) = dates::find_dates(line).into_iter().next()?;
    let Found::Full(date) = found else {
        return None;
    };
    let short_rest = line[range.end..].split_whitespace().nth(4).is_none();
    (range.start == 0 && short_rest && !junk::ends_like_prose(line)).then_some(Stamp {
        kind: StampKind::Plain,
        date,
    })
}

/// Marks the teasers after a "Read more"/"Related" heading as junk, once the story has begun.
///
/// When every text line after the heading is short (a teaser list closing the dump), all of them
/// go; otherwise only the headline-like lines right after the heading go and the first line
/// that reads like prose ends the list.
fn mark_teasers(units: &mut [Unit]) {
    let Some(story_start) = units
        .iter()
        .position(|u| u.kind == Kind::Text && is_prose(&u.text))
    else {
        return;
    };
    // short_tail[i]: every text line from i on is short enough to be a teaser.
    let mut short_tail = vec![true; units.len() + 1];
    for i in (0..units.len()).rev() {
        short_tail[i] =
            short_tail[i + 1] && (units[i].kind != Kind::Text || char_len(&units[i].text) <= 200);
    }
    let mut i = story_start;
    while i < units.len() {
        if units[i].kind != Kind::Junk(Junk::RelatedHeading) {
            i += 1;
            continue;
        }
        let all_short = short_tail[i + 1];
        i += 1;
        while let Some(unit) = units.get_mut(i) {
            let teaser_shaped = matches!(unit.kind, Kind::Text | Kind::Caption(_));
            if teaser_shaped {
                if !all_short && (unit.kind != Kind::Text || junk::ends_like_prose(&unit.text)) {
                    break;
                }
                unit.kind = Kind::Junk(Junk::RelatedLink);
            }
            i += 1;
        }
    }
}

/// Marks runs of three or more consecutive one- or two-word text lines (a menu with one item
/// per line) as junk.
fn mark_menu_runs(units: &mut [Unit]) {
    let is_item = |u: &Unit| {
        u.kind == Kind::Text
            && u.text.split_whitespace().count() <= 2
            && !junk::ends_like_prose(&u.text)
    };
    let mut i = 0;
    while i < units.len() {
        let run = units[i..].iter().take_while(|u| is_item(u)).count();
        if run >= 3 {
            for unit in &mut units[i..i + run] {
                unit.kind = Kind::Junk(Junk::Menu);
            }
        }
        i += run.max(1);
    }
}

/// Joins text lines a scraper broke mid-sentence: within one block, a line that starts in
/// lowercase, or follows a line ending with a comma or a function word, continues the line
/// before.
fn join_wrapped(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units {
        if let Some(prev) = out.last_mut() {
            if continues(prev, &unit) {
                prev.text.push(' ');
                prev.text.push_str(&unit.text);
                continue;
            }
        }
        out.push(unit);
    }
    out
}

/// True when `next` continues the sentence `prev` broke off.
fn continues(prev: &Unit, next: &Unit) -> bool {
    const OPEN_ENDINGS: &[&str] = &[
        "the", "a", "an", "of", "and", "to", "in", "for", "with", "on", "at", "by", "from",
    ];
    if prev.kind != Kind::Text || next.kind != Kind::Text || prev.block != next.block {
        return false;
    }
    if prev.text.split_whitespace().nth(3).is_none() || junk::ends_like_prose(&prev.text) {
        return false;
    }
    let last = prev.text.rsplit(char::is_whitespace).next().unwrap_or("");
    next.text.starts_with(|c: char| c.is_lowercase())
        || last.ends_with(',')
        || OPEN_ENDINGS.contains(&last)
}

/// Builds the document from the classified lines.
fn assemble(units: &[Unit]) -> Document {
    let mut doc = Document::default();
    let texts: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].kind == Kind::Text)
        .collect();
    let title = find_title(units, &texts);
    let after_title = title.map_or(0, |t| t + 1);
    let description = title.and_then(|t| find_description(units, &texts, t));
    let body_start = description.map_or(after_title, |d| d + 1);
    let body: Vec<String> = texts
        .iter()
        .filter(|&&i| i >= body_start)
        .map(|&i| squeeze(&units[i].text))
        .collect();

    doc.title = title.map(|i| squeeze(&units[i].text));
    doc.description = description.map(|i| squeeze(&units[i].text));
    doc.authors = authors(units);
    doc.captions = captions(units);
    if let Some(date) = published(units, body.first().map(String::as_str)) {
        doc.published = Some(date.iso());
        doc.published_from = Some(PublishedFrom::Text);
    }
    doc.set_paragraphs(body);
    doc
}

/// The index of the headline: the first text line, when it is title-like. Kickers ("World",
/// "Middle East") before another title-like line are skipped.
fn find_title(units: &[Unit], texts: &[usize]) -> Option<usize> {
    let mut candidates = texts.iter().copied().peekable();
    while let Some(i) = candidates.next() {
        let text = &units[i].text;
        let kicker = is_kicker(text);
        if kicker
            && candidates
                .peek()
                .is_some_and(|&n| is_title_like(&units[n].text))
        {
            continue;
        }
        return is_title_like(text).then_some(i);
    }
    None
}

/// True for a section label above a headline ("World", "Middle East", "LIVE"): one or two
/// capitalised words.
fn is_kicker(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    match (words.next(), words.next(), words.next()) {
        (Some(first), None, None) => !junk::ends_like_prose(first),
        (Some(first), Some(second), None) => capitalised(first) && capitalised(second),
        _ => false,
    }
}

/// True for a line shaped like a headline: 2 to 30 words, at most 200 chars, and no final
/// period or colon.
fn is_title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let ends_open = text.ends_with('.') && !text.ends_with("...") || text.ends_with(':');
    (2..=30).contains(&words) && char_len(text) <= 200 && !ends_open
}

/// The index of the standfirst: the text line after the headline when it is short (under 350
/// chars), at most two sentences, not a dateline, has text after it, and reads as a standfirst
/// rather than a first paragraph: it has no final period, or a caption or byline separates it
/// from the body, or the body opens with a dateline.
fn find_description(units: &[Unit], texts: &[usize], title: usize) -> Option<usize> {
    let position = texts.iter().position(|&i| i > title)?;
    let candidate = texts[position];
    let next = *texts.get(position + 1)?;
    let text = &units[candidate].text;
    if char_len(text) >= 350 || sentence_count(text) > 2 || dates::dateline(text).is_some() {
        return None;
    }
    let unpunctuated = !junk::ends_like_prose(text);
    let set_apart = units[candidate + 1..next]
        .iter()
        .any(|u| matches!(u.kind, Kind::Caption(_) | Kind::Meta(_)));
    let dateline_follows = dates::dateline(&units[next].text).is_some();
    (unpunctuated || set_apart || dateline_follows).then_some(candidate)
}

/// The authors every byline names, first seen first.
fn authors(units: &[Unit]) -> Vec<String> {
    let mut authors: Vec<String> = Vec::new();
    // A set, not `authors.contains`: a dump of many bylines would make that quadratic.
    let mut seen = std::collections::HashSet::new();
    for unit in units {
        if let Kind::Meta(names) = &unit.kind {
            for name in names {
                if seen.insert(name.as_str()) {
                    authors.push(name.clone());
                }
            }
        }
    }
    authors
}

/// The captions, with a lone credit line given to the caption right before it.
fn captions(units: &[Unit]) -> Vec<Caption> {
    let mut captions: Vec<Caption> = Vec::new();
    let mut last_was_caption = false;
    for unit in units {
        match &unit.kind {
            Kind::Caption(CaptionLine::Caption(caption)) => captions.push(caption.clone()),
            Kind::Caption(CaptionLine::Credit(credit)) if last_was_caption => {
                if let Some(caption) = captions.last_mut().filter(|c| c.credit.is_none()) {
                    caption.credit = Some(credit.clone());
                }
            }
            _ => {}
        }
        last_was_caption = matches!(unit.kind, Kind::Caption(CaptionLine::Caption(_)));
    }
    captions
}

/// The published date: a date labelled as published, else an unlabelled header or timestamp
/// date, else the dateline of the first paragraph (a day without a year takes its year from any
/// other date of the page), else an "Updated" date.
fn published(units: &[Unit], first_paragraph: Option<&str>) -> Option<Date> {
    let stamps: Vec<Stamp> = units
        .iter()
        .flat_map(|u| u.stamps.iter().copied())
        .collect();
    let of_kind = |kind| stamps.iter().find(|s| s.kind == kind).map(|s| s.date);
    of_kind(StampKind::Published)
        .or_else(|| of_kind(StampKind::Plain))
        .or_else(|| {
            let found: Found = dates::dateline(first_paragraph?)??;
            found.resolve(stamps.first().map(|s| s.date))
        })
        .or_else(|| of_kind(StampKind::Updated))
}

/// True for a line that reads like a sentence of prose rather than a label.
fn is_prose(text: &str) -> bool {
    junk::ends_like_prose(text) && text.split_whitespace().count() >= 6
}

/// How many sentences `text` has, roughly: sentence punctuation followed by a space and a
/// capital, plus one.
fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let ends = chars
        .windows(3)
        .filter(|w| matches!(w[0], '.' | '?' | '!') && w[1] == ' ' && w[2].is_uppercase())
        .count();
    ends + 1
}

/// The length of `text` in chars.
fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// `text` trimmed, with every run of whitespace made one space; a single no-break space stays.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        let mut run = 1;
        while chars.next_if(|c| c.is_whitespace()).is_some() {
            run += 1;
        }
        let keep = run == 1 && matches!(c, '\u{a0}' | '\u{202f}');
        out.push(if keep { c } else { ' ' });
    }
    out
}
