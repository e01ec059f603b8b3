//! Who said a quote: the subject of the verb of saying next to it.
//!
//! Every search here is bounded: it looks at most [`REACH`] tokens from the quote, within its
//! sentence or paragraph, so the stage stays linear in the text.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::{Entity, EntityType, Form, Tokenized};
use crate::quotes::cues::{
    breaks_subject, cue_at, is_according, is_between, is_participle, is_plain, is_preposition,
    is_pronoun,
};
use crate::titles::is_title_word;

/// How far (in tokens) a search goes from a quote.
pub const REACH: usize = 60;

/// How many words may stand between a speaker and the verb.
const BETWEEN: usize = 4;

/// How far back (in tokens) an unresolved "he" or "she" looks for its person.
const PRONOUN_REACH: usize = 250;

/// A mention that can speak: an index into the entities and the mention's tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Who {
    /// The entity; `None` for a name that no entity holds (a surname the tagger missed).
    pub entity: Option<usize>,
    /// The mention's tokens.
    pub tokens: Range<usize>,
}

/// What a search found.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// A verb of saying whose speaker is this entity.
    Speaker(Who),
    /// A verb of saying whose subject is "he" or "she" at this token, which the entity stage
    /// left unresolved; `true` for "she".
    Pronoun(usize, bool),
    /// A verb of saying whose subject is "it" at this token: an organisation named just before.
    It(usize),
    /// A verb of saying whose speaker is no entity ("a source said", "they said").
    Someone,
}

/// What stands before a verb of saying.
enum Subject {
    Entity(Who),
    Pronoun(usize, bool),
    It(usize),
    /// A subject that is not an entity.
    Other,
    /// No subject here: the verb is a participle, an infinitive or the second of two verbs.
    Missing,
}

/// A mention in the index: its entity, its other end (the end token for a start, the start
/// token for an end), and whether it names or describes a person.
#[derive(Clone, Copy, Debug)]
struct Slot {
    entity: u32,
    other: u32,
    person: bool,
}

/// The mentions by token: which mention starts and which ends at each token.
pub struct Index<'t> {
    /// The text.
    t: &'t Tokenized<'t>,
    /// Per token: the longest speaking mention starting there.
    starts: Vec<Option<Slot>>,
    /// Per token: the longest speaking mention ending there.
    ends: Vec<Option<Slot>>,
    /// Per token: whether it is a quote mark.
    marks: Vec<bool>,
    /// Every mention of a person, by its last token: (last token, first token, entity).
    people: Vec<(u32, u32, u32)>,
    /// Every name of an organisation, by its last token: (last token, entity).
    organisations: Vec<(u32, u32)>,
    /// Per entity: `Some(true)` for a woman, `Some(false)` for a man, from the pronouns the
    /// entity stage attached and from "Mr." or "Mrs.".
    gender: Vec<Option<bool>>,
    /// Per token: whether a mention of any entity covers it.
    covered: Vec<bool>,
    /// Words written capitalised somewhere inside a sentence (not at its start).
    capitalised_inside: FxHashSet<&'t str>,
    /// Per person entity: the words of its names (lowercase, titles left out).
    name_words: Vec<Vec<&'t str>>,
    /// The person entities that hold each name word.
    by_word: FxHashMap<&'t str, Vec<u32>>,
    /// Per entity: the first tokens of its mentions, in order.
    mention_starts: Vec<Vec<u32>>,
}

/// Capitalised words that open sentences and are no names.
fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "but"
            | "and"
            | "or"
            | "so"
            | "then"
            | "there"
            | "here"
            | "what"
            | "who"
            | "when"
            | "where"
            | "why"
            | "how"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "each"
            | "every"
            | "other"
            | "others"
            | "another"
            | "one"
            | "if"
            | "as"
            | "after"
            | "before"
            | "while"
            | "still"
            | "yet"
            | "also"
            | "however"
            | "now"
            | "asked"
            | "speaking"
            | "meanwhile"
            | "instead"
            | "indeed"
            | "today"
            | "yesterday"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "no"
            | "yes"
            | "not"
            | "thanks"
            | "please"
            | "well"
            | "oh"
            | "okay"
            | "ok"
            | "mr."
            | "mrs."
            | "ms."
            | "dr."
            | "sir"
            | "god"
    )
}

/// Whether an entity of this type can say something.
fn speaks(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
    )
}

/// Whether a token is a dash.
fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "―" | "-" | "--")
}

/// Whether a token is a quote mark.
fn is_mark(word: &str) -> bool {
    matches!(
        word,
        "\"" | "“" | "”" | "‘" | "’" | "'" | "„" | "«" | "»" | "「" | "」" | "『" | "』"
    )
}

/// The gender a word gives: `Some(true)` feminine, `Some(false)` masculine.
fn gender_of_word(lower: &str) -> Option<bool> {
    match lower {
        "he" | "him" | "his" | "himself" | "mr" | "mr." => Some(false),
        "she" | "her" | "hers" | "herself" | "mrs" | "mrs." | "ms" | "ms." => Some(true),
        _ => None,
    }
}

/// Adverbs ending in "-ly" stand between a subject and its verb ("Li *firmly* said"); these
/// nouns and names do not.
fn is_ly_adverb(lower: &str) -> bool {
    lower.len() > 4
        && lower.ends_with("ly")
        && lower.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            lower,
            "family"
                | "ally"
                | "rally"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "bully"
                | "belly"
                | "folly"
                | "italy"
                | "july"
                | "homily"
                | "reply"
                | "only"
        )
}

impl<'t> Index<'t> {
    /// Indexes the mentions of `entities`; `marks` are the tokens of the quote marks.
    pub fn new(t: &'t Tokenized<'t>, entities: &[Entity], marks: &[usize]) -> Index<'t> {
        let n = t.tokens.len();
        let mut starts: Vec<Option<Slot>> = vec![None; n];
        let mut ends: Vec<Option<Slot>> = vec![None; n];
        let mut people: Vec<(u32, u32, u32)> = Vec::new();
        let mut organisations: Vec<(u32, u32)> = Vec::new();
        let mut gender: Vec<Option<bool>> = vec![None; entities.len()];
        // Longer mentions win; at equal length a person wins (a description of a person
        // over the organisation it names: "Russian Navy chief" over "Russian Navy").
        let rank = |person: bool, len: usize| (len, person);
        for (e, entity) in entities.iter().enumerate() {
            if !speaks(entity.kind) {
                continue;
            }
            let person = entity.kind == EntityType::Person;
            let (mut feminine, mut masculine) = (0, 0);
            for m in &entity.mentions {
                let r = &m.tokens;
                if r.start >= r.end || r.end > n {
                    continue;
                }
                if entity.kind == EntityType::Org {
                    organisations.push((r.end as u32 - 1, e as u32));
                }
                if person {
                    people.push((r.end as u32 - 1, r.start as u32, e as u32));
                    let first = &t.lower[r.start];
                    if m.form == Form::Pronoun || r.len() > 1 {
                        match gender_of_word(first) {
                            Some(true) => feminine += 1,
                            Some(false) => masculine += 1,
                            None => {}
                        }
                    }
                }
                let better = |old: Option<Slot>, at: usize| {
                    old.is_none_or(|o| {
                        rank(person, r.len()) > rank(o.person, (o.other as usize).abs_diff(at))
                    })
                };
                if better(starts[r.start], r.start) {
                    starts[r.start] = Some(Slot {
                        entity: e as u32,
                        other: r.end as u32,
                        person,
                    });
                }
                if better(ends[r.end - 1], r.end) {
                    ends[r.end - 1] = Some(Slot {
                        entity: e as u32,
                        other: r.start as u32,
                        person,
                    });
                }
            }
            gender[e] = match (feminine > 0, masculine > 0) {
                (true, false) => Some(true),
                (false, true) => Some(false),
                _ => None,
            };
        }
        people.sort_unstable();
        organisations.sort_unstable();
        let mut is_quote_mark = vec![false; n];
        for &k in marks {
            if let Some(m) = is_quote_mark.get_mut(k) {
                *m = is_mark(t.word(k));
            }
        }
        let marks = is_quote_mark;
        let mut covered = vec![false; n];
        for entity in entities {
            for m in &entity.mentions {
                for c in covered
                    .iter_mut()
                    .take(m.tokens.end.min(n))
                    .skip(m.tokens.start)
                {
                    *c = true;
                }
            }
        }
        let mut capitalised_inside = FxHashSet::default();
        for s in &t.sentences {
            for i in s.clone() {
                let first = t.word(i).chars().next();
                if first.is_some_and(char::is_uppercase)
                    && i > s.start
                    && !marks[i - 1]
                    && !matches!(t.lower[i - 1].as_ref(), ":" | "(" | "—" | "–" | "--")
                {
                    capitalised_inside.insert(t.lower[i].as_ref());
                }
            }
        }
        let mut name_words: Vec<Vec<&'t str>> = vec![Vec::new(); entities.len()];
        let mut by_word: FxHashMap<&'t str, Vec<u32>> = FxHashMap::default();
        let mut mention_starts: Vec<Vec<u32>> = vec![Vec::new(); entities.len()];
        for (e, entity) in entities.iter().enumerate() {
            let mut starts: Vec<u32> = entity
                .mentions
                .iter()
                .filter(|m| m.tokens.start < n)
                .map(|m| m.tokens.start as u32)
                .collect();
            starts.sort_unstable();
            mention_starts[e] = starts;
            if entity.kind != EntityType::Person {
                continue;
            }
            for m in entity.mentions.iter().filter(|m| m.form == Form::Name) {
                for i in m.tokens.start..m.tokens.end.min(n) {
                    let w = t.lower[i].as_ref();
                    if !is_title_word(w) && !name_words[e].contains(&w) {
                        name_words[e].push(w);
                        by_word.entry(w).or_default().push(e as u32);
                    }
                }
            }
        }
        Index {
            t,
            starts,
            ends,
            marks,
            people,
            organisations,
            gender,
            covered,
            capitalised_inside,
            name_words,
            by_word,
            mention_starts,
        }
    }

    /// The person entity a name no entity holds belongs to: one whose names hold all its words
    /// ("Sanders" for Bernie Sanders, not "Bill Clinton" for Hillary Clinton), the one
    /// mentioned last before it when several do.
    pub fn entity_named(&self, r: &Range<usize>) -> Option<usize> {
        let words: Vec<&str> = r.clone().map(|i| self.lower(i)).collect();
        let candidates = self.by_word.get(words.last()?)?;
        candidates
            .iter()
            .take(32)
            .map(|&e| e as usize)
            .filter(|&e| words.iter().all(|w| self.name_words[e].contains(w)))
            .max_by_key(|&e| {
                let starts = &self.mention_starts[e];
                let k = starts.partition_point(|&s| (s as usize) < r.start);
                (k > 0, k.checked_sub(1).map(|k| starts[k]))
            })
    }

    /// The lowercase words of tokens `r`.
    pub fn words(&self, r: &Range<usize>) -> Vec<&'t str> {
        r.clone().map(|i| self.t.lower[i].as_ref()).collect()
    }

    /// Whether token `k` can be a word of a name no entity holds: capitalised, never written in
    /// lowercase in the text, no title, no mention of anything else.
    fn is_name_word(&self, k: usize) -> bool {
        let word = self.t.word(k);
        let lower = self.lower(k);
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !self.covered[k]
            && !self.marks[k]
            && !is_title_word(lower)
            && !is_function_word(lower)
            && !is_between(lower)
            && !self.t.written_lowercase(lower)
    }

    /// Whether the name `r` may stand: a one-word name that opens its sentence must also be
    /// written capitalised inside one ("Sanders replied" but not "Officials said").
    fn name_ok(&self, r: &Range<usize>) -> bool {
        let opens = {
            let s = &self.t.sentences[self.t.sentence_of(r.start)];
            (s.start..r.start).all(|i| self.marks[i])
        };
        !(opens && r.len() == 1 && !self.capitalised_inside.contains(self.lower(r.start)))
    }

    /// A name no entity holds that ends at token `w` (at most three words), read back to `lo`.
    fn name_ending(&self, w: usize, lo: usize) -> Option<Who> {
        let mut k = w + 1;
        while k > lo && w + 1 - k < 3 && self.is_name_word(k - 1) {
            k -= 1;
        }
        let r = k..w + 1;
        (!r.is_empty() && self.name_ok(&r)).then_some(Who {
            entity: None,
            tokens: r,
        })
    }

    /// A name no entity holds that starts at token `k` (at most three words), read up to `hi`.
    fn name_starting(&self, k: usize, hi: usize) -> Option<Who> {
        let mut e = k;
        while e < hi && e - k < 3 && self.is_name_word(e) {
            e += 1;
        }
        let r = k..e;
        (!r.is_empty() && self.name_ok(&r)).then_some(Who {
            entity: None,
            tokens: r,
        })
    }

    /// The speaking mention or the name that starts at token `k`, and whether it is a person.
    fn starting(&self, k: usize, hi: usize) -> Option<(Who, bool)> {
        if k >= hi.min(self.starts.len()) {
            return None;
        }
        match self.starts[k] {
            Some(slot) => Some((
                Who {
                    entity: Some(slot.entity as usize),
                    tokens: k..slot.other as usize,
                },
                slot.person,
            )),
            None => self.name_starting(k, hi).map(|w| (w, true)),
        }
    }

    /// Whether token `i` is a quote mark.
    pub fn is_mark(&self, i: usize) -> bool {
        self.marks[i]
    }

    fn lower(&self, i: usize) -> &str {
        &self.t.lower[i]
    }

    /// Whether entity `e` can be called "she" (`feminine`) or "he".
    pub fn fits(&self, e: usize, feminine: bool) -> bool {
        self.gender
            .get(e)
            .copied()
            .flatten()
            .is_none_or(|g| g == feminine)
    }

    /// The person an unresolved "he" or "she" at token `p` most likely is: the latest person
    /// of that gender mentioned before it, within [`PRONOUN_REACH`] tokens.
    pub fn nearest_person(&self, p: usize, feminine: bool) -> Option<Who> {
        let at = self
            .people
            .partition_point(|&(end, _, _)| (end as usize) < p);
        self.people[..at]
            .iter()
            .rev()
            .take(64)
            .take_while(|&&(end, _, _)| p - end as usize <= PRONOUN_REACH)
            .find(|&&(_, _, e)| self.fits(e as usize, feminine))
            .map(|&(_, _, e)| Who {
                entity: Some(e as usize),
                tokens: p..p + 1,
            })
    }

    /// The organisation an "it" at token `p` that says something most likely is: the one named
    /// last, in this sentence or the one before.
    pub fn nearest_organisation(&self, p: usize) -> Option<Who> {
        let s = self.t.sentence_of(p);
        let from = self.t.sentences[s.saturating_sub(1)].start;
        let at = self
            .organisations
            .partition_point(|&(end, _)| (end as usize) < p);
        let &(end, e) = self.organisations[..at].last()?;
        (end as usize >= from).then(|| Who {
            entity: Some(e as usize),
            tokens: p..p + 1,
        })
    }

    /// The speaking mention that ends at token `i`, or a name no entity holds.
    fn ending(&self, i: usize, lo: usize) -> Option<Who> {
        match self.ends[i] {
            Some(x) => Some(Who {
                entity: Some(x.entity as usize),
                tokens: x.other as usize..i + 1,
            }),
            None => self.name_ending(i, lo),
        }
    }

    /// The speaking mention that ends at token `w`, or before a parenthesis that ends there
    /// ("Sen. Ted Cruz (R-Texas)").
    fn subject_ending(&self, w: usize, lo: usize) -> Option<Who> {
        let mut who = self.name_or_parenthesis(w, lo)?;
        // The object of a preposition is no subject: "a spokesman for Sanders said" has none
        // that the text names, "Mr. Morgan of the Sierra Club said" has Mr. Morgan.
        for _ in 0..3 {
            let mut b = who.tokens.start;
            while b > lo && matches!(self.lower(b - 1), "the" | "a" | "an") {
                b -= 1;
            }
            let according = b >= lo + 2 && self.lower(b - 2) == "according";
            if b <= lo || !is_preposition(self.lower(b - 1)) || according {
                return Some(who);
            }
            if !matches!(self.lower(b - 1), "of" | "from" | "at") || b < lo + 2 {
                return None;
            }
            who = self.name_or_parenthesis(b - 2, lo)?;
        }
        None
    }

    /// The speaking mention or name that ends at `w`, or before a parenthesis that ends there.
    fn name_or_parenthesis(&self, w: usize, lo: usize) -> Option<Who> {
        if let Some(who) = self.ending(w, lo) {
            return Some(who);
        }
        if self.lower(w) == ")" {
            let floor = w.saturating_sub(8).max(lo);
            let mut j = w;
            while j > floor {
                j -= 1;
                if self.lower(j) == "(" {
                    return j
                        .checked_sub(1)
                        .filter(|&p| p >= lo)
                        .and_then(|p| self.ending(p, lo));
                }
            }
        }
        None
    }

    /// The subject of the cue at `cue`, read backwards to `lo`.
    fn subject_before(&self, cue: usize, lo: usize) -> Subject {
        let l = &self.t.lower;
        if is_participle(l, cue) {
            // "with Sen. McCain calling it “…”", "Trump is insisting that …": a subject right
            // before the participle, or before its "is"; otherwise the clause's subject, which
            // the caller looks for.
            let mut k = cue;
            while k > lo
                && cue - k < BETWEEN
                && (is_between(self.lower(k - 1)) || is_ly_adverb(self.lower(k - 1)))
            {
                k -= 1;
            }
            if k > lo && matches!(self.lower(k - 1), "is" | "was" | "are" | "were" | "been") {
                k -= 1;
                while k > lo && cue - k < 2 * BETWEEN && is_between(self.lower(k - 1)) {
                    k -= 1;
                }
            }
            return match (k > lo)
                .then(|| self.name_or_parenthesis(k - 1, lo))
                .flatten()
            {
                Some(who) => Subject::Entity(who),
                None => Subject::Missing,
            };
        }
        let mut k = cue;
        let mut skipped = 0;
        while k > lo
            && skipped < BETWEEN
            && (is_between(self.lower(k - 1)) || is_ly_adverb(self.lower(k - 1)))
        {
            k -= 1;
            skipped += 1;
        }
        if k == lo {
            return Subject::Missing;
        }
        let w = k - 1;
        if let Some(who) = self.subject_ending(w, lo) {
            return Subject::Entity(who);
        }
        let word = self.lower(w);
        // Passive: "he was told", "she was asked".
        if matches!(
            word,
            "was" | "were" | "been" | "being" | "is" | "are" | "be"
        ) {
            return Subject::Other;
        }
        if word == "," {
            // An apposition or a relative clause: "Li, the minister, said".
            // Several appositions may stand in a row ("Li, the minister of France, whose
            // country…, said"); the subject is before one of the commas.
            let mut j = w;
            let mut commas = 0;
            let floor = w.saturating_sub(40).max(lo);
            while j > floor && commas < 3 {
                j -= 1;
                let x = self.lower(j);
                if self.marks[j] || matches!(x, "." | ";" | ":" | "?" | "!") {
                    break;
                }
                if x == "," {
                    commas += 1;
                    if let Some(who) = j
                        .checked_sub(1)
                        .filter(|&p| p >= lo)
                        .and_then(|p| self.subject_ending(p, lo))
                    {
                        return Subject::Entity(who);
                    }
                }
            }
            // "Gov. John Kasich (R-Ohio), said": a stray comma after the subject.
            if let Some(who) = w
                .checked_sub(1)
                .filter(|&p| p >= lo)
                .and_then(|p| self.subject_ending(p, lo))
            {
                return Subject::Entity(who);
            }
            return Subject::Missing;
        }
        // "X, who called them “…”": the relative pronoun's antecedent.
        if word == "who" && w > lo {
            let p = if self.lower(w - 1) == "," { w - 1 } else { w };
            if let Some(who) = p
                .checked_sub(1)
                .filter(|&p| p >= lo)
                .and_then(|p| self.subject_ending(p, lo))
            {
                return Subject::Entity(who);
            }
        }
        if matches!(
            word,
            "and" | "but" | "or" | "to" | "then" | "that" | "(" | "—" | "–" | "--"
        ) || cue_at(l, w).is_some()
            || self.marks[w]
        {
            return Subject::Missing;
        }
        if let (Some(feminine), true) = (gender_of_word(word), matches!(word, "he" | "she")) {
            return Subject::Pronoun(w, feminine);
        }
        if word == "it" {
            return Subject::It(w);
        }
        if is_pronoun(word) {
            return Subject::Other;
        }
        // "a source said", "officials said".
        Subject::Other
    }

    /// The speaker after a cue that ends at `end`: "said Li", "said the Russian Navy chief",
    /// "said Republican strategist Jane Roe", "according to the Chinese Defense Ministry". A
    /// name followed by more words of the phrase ("said one Trump adviser") modifies it and is
    /// passed over. Reads up to `hi`.
    fn subject_after(&self, end: usize, hi: usize) -> Option<Who> {
        let mut k = end;
        let stop = (end + 8).min(hi);
        let mut crossed_of = false;
        while k < stop {
            if let Some((who, person)) = self.starting(k, stop) {
                if !self.t.capitalised(k) {
                    // "said he would": not an inverted subject.
                    return None;
                }
                let after = who.tokens.end;
                let modifies = after < stop && {
                    let x = self.lower(after);
                    matches!(x, "'s" | "’s")
                        || (x.chars().next().is_some_and(char::is_alphanumeric)
                            && !breaks_subject(x)
                            && !is_between(x)
                            && !matches!(x, "of" | "for" | "from" | "who"))
                };
                if modifies {
                    k = after;
                    continue;
                }
                if crossed_of && !person {
                    return None;
                }
                return Some(who);
            }
            let w = self.lower(k);
            if self.marks[k] || !w.chars().next().is_some_and(char::is_alphanumeric) {
                return None;
            }
            if matches!(w, "of" | "for" | "at") {
                crossed_of = true;
            } else if breaks_subject(w) && w != "by" || is_pronoun(w) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The speaker of the cue found at `cue` when reading from a quote: the subject before it
    /// or, for "according to" and a cue with nothing before it, the name after it.
    fn at_cue(&self, cue: usize, end: usize, lo: usize, hi: usize) -> Option<Found> {
        let l = &self.t.lower;
        if is_according(l, cue) {
            return Some(match self.subject_after(end, hi) {
                Some(who) => Found::Speaker(who),
                None => Found::Someone,
            });
        }
        match self.subject_before(cue, lo) {
            Subject::Entity(who) => Some(Found::Speaker(who)),
            Subject::Pronoun(p, feminine) => Some(Found::Pronoun(p, feminine)),
            Subject::It(p) => Some(Found::It(p)),
            Subject::Other => Some(Found::Someone),
            Subject::Missing => {
                if cue == lo || self.marks[cue - 1] || self.lower(cue - 1) == "," {
                    // "said Li", "“…,” said Li".
                    if !is_participle(l, cue) {
                        if let Some(who) = self.subject_after(end, hi) {
                            return Some(Found::Speaker(who));
                        }
                    }
                }
                None
            }
        }
    }

    /// The speaker right after a quote's closing mark at token `close`: "“…,” he said",
    /// "“…,” said Li", "“…,” Li, the minister, told reporters". `hi` ends the paragraph. With
    /// `whole` (the quote ended its own sentence), only a short clause that ends soon after the
    /// verb counts: "“We won.” Li said." but not "“We won.” Li said the vote was fair."
    pub fn right_after(&self, close: usize, hi: usize, whole: bool) -> Option<Found> {
        let mut k = close + 1;
        if k < hi && is_dash(self.lower(k)) {
            // "“…” — Jane Roe": a dash and a name that ends the line or the sentence.
            if let Some((who, _)) = self.starting(k + 1, hi) {
                // The rest of the name, when the tagger took only a part of it.
                let mut end = who.tokens.end;
                while end < hi.min(who.tokens.end + 3)
                    && !self.marks[end]
                    && (self.t.capitalised(end) || self.starts[end].is_some())
                {
                    end += 1;
                }
                let closes = end >= hi
                    || self.marks[end]
                    || matches!(self.lower(end), "." | "," | ";" | "(")
                    || self.t.text[self.t.tokens[end - 1].span.end..self.t.tokens[end].span.start]
                        .contains('\n');
                if closes {
                    return Some(Found::Speaker(who));
                }
            }
        }
        if k < hi && (self.lower(k) == "," || is_dash(self.lower(k))) {
            k += 1;
        }
        let lo = k;
        let stop = (k + 14).min(hi);
        let mut j = k;
        while j < stop {
            let w = self.lower(j);
            if self.marks[j] || matches!(w, "." | "!" | "?" | ";" | ":") {
                return None;
            }
            if let Some(end) = cue_at(&self.t.lower, j) {
                // "“…,” saying …" opens the next thing said, not this one's speaker.
                if is_participle(&self.t.lower, j) {
                    if j == lo {
                        return None;
                    }
                    // "“…,” Jane Roe, speaking to reporters, …".
                    let before = if self.lower(j - 1) == "," { j - 1 } else { j };
                    if before > lo {
                        if let Some(who) = self.subject_ending(before - 1, lo) {
                            return Some(Found::Speaker(who));
                        }
                    }
                    j = end;
                    continue;
                }
                // After a whole sentence in quotes, "Li said." or "said Li." ties the next
                // words to it; "He said Trump's plan…" starts a new statement.
                let ends = if j == lo {
                    self.ends_clause(end, hi)
                } else {
                    end >= hi
                        || (!self.t.capitalised(end) || is_between(self.lower(end)))
                            && self.ends_clause(end, hi)
                };
                if whole && (!ends || !is_plain(&self.t.lower, j)) {
                    return None;
                }
                let found = if j == lo {
                    match self.subject_after(end, hi) {
                        Some(who) => Found::Speaker(who),
                        None => Found::Someone,
                    }
                } else {
                    self.at_cue(j, end, lo, hi).unwrap_or(Found::Someone)
                };
                // After a quote that ended its sentence, only a named speaker ties the next
                // words to it.
                if whole && found == Found::Someone {
                    return None;
                }
                return Some(found);
            }
            // Only a subject may come between the quote and its verb.
            if breaks_subject(w) && self.ends[j].is_none() {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Whether the words from `end` read as the end of a speech clause: punctuation, or a
    /// preposition ("said in a statement"), or a name ("said Li").
    fn ends_clause(&self, end: usize, hi: usize) -> bool {
        if end >= hi {
            return true;
        }
        let w = self.lower(end);
        matches!(w, "." | "," | ";" | "!" | "?")
            || self.t.capitalised(end)
            || matches!(
                w,
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "while"
                    | "as"
                    | "with"
                    | "to"
                    | "from"
                    | "of"
                    | "about"
                    | "last"
                    | "this"
                    | "later"
                    | "earlier"
                    | "today"
                    | "yesterday"
                    | "tonight"
            )
    }

    /// The speaker from a cue before the quote in its sentence: "Li said: “…”", "Li stressed
    /// that this will “make positive contributions”", "according to X, “…”". `skip` gives, for
    /// a closing mark of an earlier quote in the sentence, its opening mark, so that words
    /// inside other quotes are passed over.
    pub fn before(
        &self,
        open: usize,
        lo: usize,
        skip: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<Found> {
        let floor = open.saturating_sub(REACH).max(lo);
        // "Li: “…”", a name that opens its sentence (a transcript, a headline).
        if open > floor + 1 && self.lower(open - 1) == ":" {
            if let Some(who) = self.ending(open - 2, floor) {
                let opens = (lo..who.tokens.start)
                    .all(|k| is_title_word(self.lower(k)) || self.t.capitalised(k));
                if opens {
                    return Some(Found::Speaker(who));
                }
            }
        }
        let mut j = open;
        let mut participle = false;
        while j > floor {
            j -= 1;
            if let Some(o) = skip(j) {
                if o < j {
                    j = o.max(floor);
                    continue;
                }
            }
            if let Some(end) = cue_at(&self.t.lower, j) {
                // A two-word cue is met at its second word first.
                if end > open {
                    continue;
                }
                participle |= is_participle(&self.t.lower, j);
                if let Some(found) = self.at_cue(j, end, lo, open) {
                    return Some(found);
                }
            }
        }
        // "Obama ended his list by saying “Too many.”": a participle's speaker is the subject
        // that opens the sentence.
        if participle && floor == lo {
            return self.opening_subject(lo, open);
        }
        None
    }

    /// The subject that opens the sentence starting at `lo`, when a verb follows it: "Trump
    /// pledged to make Apple “build…”", "On Saturday, she called it “a disgrace”". Titles and
    /// determiners may stand before the name, and an opening phrase up to a comma before that.
    pub fn opening_subject(&self, lo: usize, hi: usize) -> Option<Found> {
        let mut from = lo;
        for _ in 0..3 {
            if let Some(found) = self.subject_at(from, hi) {
                return Some(found);
            }
            from = (from..hi.min(from + 10)).find(|&k| self.lower(k) == ",")? + 1;
        }
        None
    }

    fn subject_at(&self, lo: usize, hi: usize) -> Option<Found> {
        let verb_follows = |mut end: usize| {
            // A parenthesis after the name: "Sen. Bernie Sanders (I-Vt.) said".
            if end < hi && self.lower(end) == "(" {
                end = (end..hi.min(end + 8)).find(|&k| self.lower(k) == ")")? + 1;
            }
            let next = (end < hi).then(|| self.lower(end))?;
            let ok = next.chars().next().is_some_and(char::is_lowercase)
                && !matches!(next, "'s" | "’s" | "of" | "and" | "or" | "'" | "’")
                && !breaks_subject(next);
            ok.then_some(())
        };
        // "Dean, a former party chairman, mocked…": past an apposition.
        let past_apposition = |end: usize| {
            if end < hi && self.lower(end) == "," {
                let close = (end + 1..hi.min(end + 20))
                    .take_while(|&k| !self.marks[k])
                    .find(|&k| self.lower(k) == ",")?;
                verb_follows(close + 1)
            } else {
                None
            }
        };
        let mut k = lo;
        while k < hi && self.marks[k] {
            k += 1;
        }
        // "And then Trump went on the attack": a conjunction or two before the subject.
        while k < hi
            && k < lo + 3
            && matches!(
                self.lower(k),
                "and" | "but" | "then" | "so" | "yet" | "still"
            )
        {
            k += 1;
        }
        let start = k;
        while k < hi && k < start + 6 {
            if let Some((who, _)) = self.starting(k, hi) {
                let end = who.tokens.end;
                return verb_follows(end)
                    .or_else(|| past_apposition(end))
                    .map(|()| Found::Speaker(who));
            }
            let w = self.lower(k);
            if k == start && matches!(w, "he" | "she") {
                return verb_follows(k + 1).map(|()| Found::Pronoun(k, w == "she"));
            }
            let modifier = is_title_word(w)
                || matches!(w, "the" | "former")
                || (self.t.capitalised(k) && !is_function_word(w) && !is_preposition(w));
            if !modifier {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The speaker from a cue after the quote, later in its sentence: "Russia wants “close
    /// coordination” with China, he said." Reads from `from` to `hi`, passing over other quotes
    /// with `skip` (an opening mark gives its closing mark).
    pub fn later(
        &self,
        from: usize,
        hi: usize,
        skip: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<Found> {
        let stop = (from + REACH).min(hi);
        let mut j = from;
        while j < stop {
            if let Some(c) = skip(j) {
                if c > j {
                    j = c + 1;
                    continue;
                }
            }
            if let Some(end) = cue_at(&self.t.lower, j) {
                if let Some(found) = self.at_cue(j, end, from, hi) {
                    return Some(found);
                }
                j = end;
                continue;
            }
            j += 1;
        }
        None
    }
}
