//! How the text sets place names out: "City, State" pairs, lists, and the words around a name.

use crate::entities::{Entity, EntityType, Form, Tokenized};

/// A word beside a name that says what kind of place it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// "New York state", "the state of Washington", "Henan province".
    State,
    /// "the city of Washington", "Quebec city".
    City,
}

/// The layout of the place mentions, per entity.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// The entities named right after one of its mentions and a comma ("Buffalo, New York"):
    /// the places it lies in.
    pub outer: Vec<Vec<usize>>,
    /// The entities named right before one of its mentions and a comma: places in it.
    pub inner: Vec<Vec<usize>>,
    /// The entities listed with it ("Utah, Washington and Wisconsin"), the nearest few.
    pub siblings: Vec<Vec<usize>>,
    /// What a word beside one of its mentions says it is.
    pub words: Vec<Option<Word>>,
}

/// Siblings kept per entity, the nearest in the list on each side.
const MAX_SIBLINGS: usize = 4;
/// Siblings and outer places kept per entity, however often it is listed or qualified: the
/// first ones.
const MAX_KEPT: usize = 16;
/// A comma-joined run this long is a list, even without "and".
const LIST_LENGTH: usize = 4;

/// What joins two place mentions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joint {
    Comma,
    And,
}

/// Reads the layout of the GPE and LOC name mentions of `entities`.
pub(super) fn read(t: &Tokenized<'_>, entities: &[Entity]) -> Layout {
    let n = entities.len();
    let mut layout = Layout {
        outer: vec![Vec::new(); n],
        inner: vec![Vec::new(); n],
        siblings: vec![Vec::new(); n],
        words: vec![None; n],
    };
    // Place name mentions in text order: (first token, end token, entity).
    let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        if !matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
            continue;
        }
        for m in e.mentions.iter().filter(|m| m.form == Form::Name) {
            mentions.push((m.tokens.start, m.tokens.end, k));
            if layout.words[k].is_none() {
                layout.words[k] = word(t, m.tokens.clone());
            }
        }
    }
    mentions.sort_unstable();
    mentions.dedup_by(|b, a| b.0 < a.1);

    // Runs of mentions joined by commas and "and"/"or".
    let mut run: Vec<(usize, Option<Joint>)> = Vec::new();
    for (i, &(start, _, _)) in mentions.iter().enumerate() {
        let joint = i
            .checked_sub(1)
            .and_then(|p| joint(t, mentions[p].1, start));
        if joint.is_none() {
            close(&mentions, &run, &mut layout);
            run.clear();
        }
        run.push((i, joint));
    }
    close(&mentions, &run, &mut layout);
    layout
}

/// What joins a mention ending at token `end` to one starting at `start`, if they are in one
/// sentence and only a comma, "and", "or", ", and" or ", or" stands between them.
fn joint(t: &Tokenized<'_>, end: usize, start: usize) -> Option<Joint> {
    if start <= end || t.sentence_of(end) != t.sentence_of(start) {
        return None;
    }
    let between: Vec<&str> = (end..start).map(|i| t.lower[i].as_ref()).collect();
    match between.as_slice() {
        [","] => Some(Joint::Comma),
        ["and" | "or" | "&"] | [",", "and" | "or"] => Some(Joint::And),
        _ => None,
    }
}

/// Records one run: a list gives siblings; otherwise each mention lies in the one after its
/// comma. A run is a list when "and" or "or" joins it ("Utah, Washington and Wisconsin") or
/// when it is long, except when "and" joins pairs ("Buffalo, New York, and Paris, Texas").
fn close(mentions: &[(usize, usize, usize)], run: &[(usize, Option<Joint>)], out: &mut Layout) {
    if run.len() < 2 {
        return;
    }
    let ands = run.iter().filter(|r| r.1 == Some(Joint::And)).count();
    // Pairs: every member after the first of a pair follows a comma, every other one an "and".
    let pairs = ands > 0
        && run.last().is_some_and(|r| r.1 == Some(Joint::Comma))
        && run.iter().enumerate().all(|(i, r)| {
            let want = if i % 2 == 1 { Joint::Comma } else { Joint::And };
            i == 0 || r.1 == Some(want)
        });
    let list = !pairs && (ands > 0 || run.len() >= LIST_LENGTH);
    let entity = |r: &(usize, Option<Joint>)| mentions[r.0].2;
    if list {
        for (i, r) in run.iter().enumerate() {
            let k = entity(r);
            let near = run[i.saturating_sub(MAX_SIBLINGS / 2)..]
                .iter()
                .take(MAX_SIBLINGS + 1)
                .map(entity);
            for s in near {
                let full = out.siblings[k].len() >= MAX_KEPT;
                if s != k && !full && !out.siblings[k].contains(&s) {
                    out.siblings[k].push(s);
                }
            }
        }
        return;
    }
    for pair in run.windows(2).filter(|p| p[1].1 == Some(Joint::Comma)) {
        let (a, b) = (entity(&pair[0]), entity(&pair[1]));
        if a != b && out.outer[a].len() < MAX_KEPT && !out.outer[a].contains(&b) {
            out.outer[a].push(b);
            out.inner[b].push(a);
        }
    }
}

/// The kind of place a word beside tokens `r` names: "… state", "… province", "state of …",
/// "city of …", "… city".
fn word(t: &Tokenized<'_>, r: std::ops::Range<usize>) -> Option<Word> {
    let sentence = &t.sentences[t.sentence_of(r.start)];
    let after = (r.end < sentence.end).then(|| t.lower[r.end].as_ref());
    let before = (r.start >= sentence.start + 2)
        .then(|| (t.lower[r.start - 2].as_ref(), t.lower[r.start - 1].as_ref()));
    let state = |w: &str| matches!(w, "state" | "province" | "prefecture" | "oblast");
    // "Mexico City" names a city already; "city" after it is no sign.
    let named_city = t.lower[r.end - 1] == "city";
    match (before, after) {
        (Some((w, "of")), _) if state(w) => Some(Word::State),
        (Some(("city", "of")), _) => Some(Word::City),
        (_, Some(w)) if state(w) => Some(Word::State),
        (_, Some("city")) if !named_city && t.word(r.end) == "city" => Some(Word::City),
        _ => None,
    }
}
