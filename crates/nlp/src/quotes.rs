//! Direct quotes and their speakers.
//!
//! Two steps, each in its own module:
//! 1. [`marks`] pairs the quote marks of each paragraph (straight or curly, double or single,
//!    and the marks of other languages) into quoted stretches; a quote whose paragraph ends
//!    without a closing mark runs on when the next paragraph opens with one.
//! 2. [`speaker`] finds who said each one, through a verb of saying ([`cues`]) and the mention
//!    that is its subject, in this order:
//!    - right after the closing mark: `“…,” he said`, `“…,” said Li`, `“…,” Li, the minister,
//!      told reporters`, `“…,” according to X`, `“…” — Jane Roe`; after a quote that ends its
//!      sentence only a short clause counts (`“We won.” Li said.`, not `“We won.” Li said the
//!      vote was fair.`);
//!    - before the quote in its sentence: `Li said: “…”`, `Li stressed that it will “make…”`,
//!      the second half of `“…,” Li said, “…”`, and a participle's clause (`Trump went on the
//!      attack, saying “…”`);
//!    - later in the sentence, when the quote does not end it: `Russia wants “close
//!      coordination” with China, he said`;
//!    - a colon that ends the paragraph before: `He said:` then a quoted paragraph;
//!    - the subject that opens the sentence, with no verb of saying (`Trump pledged to make
//!      Apple “build…”`);
//!    - an earlier quote of the same paragraph, or of the paragraph just before when this one
//!      opens with the quote, when nothing else names a speaker.
//!
//! A pronoun gives the entity the entity stage attached it to. A "he" or "she" it left alone
//! gives the last speaker when the gender allows, else the latest person of that gender within
//! a few sentences; an "it" gives an organisation named in the sentence or the one before. A
//! name that is the object of a preposition is no speaker (`a spokesman for Sanders said`), and
//! when the subject is not an entity ("a source said") the speaker is `None`: the stage never
//! reaches further for a name. A surname the tagger missed (`“…,” Sanders replied`) gives the
//! person whose names hold it; a name no entity holds gives no speaker in [`find`], and a new
//! person in [`find_attaching`], which also adds the speakers' pronouns and names to their
//! entities' mentions.
//!
//! Every search is bounded by the sentence or a fixed number of tokens, and mentions are looked
//! up by token, so the stage is linear in the text.
//!
//! Quoted names and titles (`the ‘Northern/Interaction-2023’ exercises`, `the film “Tenemos
//! Familias”`) are not quotes unless a verb of saying follows them directly.

pub mod cues;
pub mod marks;
pub mod speaker;

use std::ops::Range;

use annalist_core::Span;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::{Entity, EntityType, Form, Mention, Tokenized};
use speaker::{Found, Index};

/// A direct quote: the quoted words without their marks, and who said them.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words, in bytes of the text, without the quote marks.
    pub span: Span,
    /// The speaker: an index into the entity list.
    pub speaker: Option<usize>,
    /// The speaker's mention the quote was attributed through (tokens).
    pub mention: Option<Range<usize>>,
}

/// Paragraph spans (bytes) and, per sentence, its paragraph: a paragraph ends where the space
/// between two sentences holds a blank line.
fn paragraphs(t: &Tokenized<'_>) -> (Vec<Span>, Vec<Range<usize>>) {
    let mut spans: Vec<Span> = Vec::new();
    let mut tokens: Vec<Range<usize>> = Vec::new();
    let mut last_end: Option<usize> = None;
    for r in &t.sentences {
        if r.start >= r.end {
            continue;
        }
        let (start, end) = (t.tokens[r.start].span.start, t.tokens[r.end - 1].span.end);
        let new = match last_end {
            None => true,
            Some(e) => t.text[e..start].bytes().filter(|&b| b == b'\n').count() >= 2,
        };
        if new {
            spans.push(Span::new(start, end));
            tokens.push(r.clone());
        } else if let (Some(s), Some(tr)) = (spans.last_mut(), tokens.last_mut()) {
            s.end = end;
            tr.end = r.end;
        }
        last_end = Some(end);
    }
    (spans, tokens)
}

/// Whether the quote reads as a name or a title: a few words, each capitalised but for small
/// function words, with no sentence punctuation.
fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || text.ends_with(['.', '?', '!', ',']) {
        return false;
    }
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the"
                | "and"
                | "a"
                | "an"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "by"
                | "with"
                | "or"
                | "de"
                | "la"
                | "von"
                | "van"
        )
    };
    let mut capitals = 0;
    for w in &words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.chars().next() {
            None => {}
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => capitals += 1,
            Some(_) if small(w) => {}
            Some(_) => return false,
        }
    }
    capitals > 0
}

/// The direct quotes of the text, with speakers from `entities` where the text gives them.
pub fn find(t: &Tokenized<'_>, entities: &[Entity]) -> Vec<Quote> {
    let (drafts, _) = run(t, entities);
    drafts
        .into_iter()
        .map(|d| {
            let who = d.who.filter(|w| w.entity < entities.len());
            Quote {
                span: d.span,
                speaker: who.as_ref().map(|w| w.entity),
                mention: who.map(|w| w.tokens),
            }
        })
        .collect()
}

/// Like [`find`], and also gives `entities` the speakers' mentions that the entity stage did
/// not have: a "he" or a surname next to a verb of saying becomes a mention of the person it
/// names, and a name no entity holds ("“…,” Gillibrand replied", which the tagger missed)
/// becomes a new person, appended to `entities`.
pub fn find_attaching(t: &Tokenized<'_>, entities: &mut Vec<Entity>) -> Vec<Quote> {
    let (drafts, names) = run(t, entities);
    let known = entities.len();
    for words in names {
        let name = words.join(" ");
        entities.push(Entity {
            kind: EntityType::Person,
            name,
            roles: Vec::new(),
            country: None,
            actor: None,
            mentions: Vec::new(),
        });
    }
    let mut present: FxHashSet<(usize, usize, usize)> = FxHashSet::default();
    for (e, entity) in entities.iter().enumerate() {
        for m in &entity.mentions {
            present.insert((e, m.tokens.start, m.tokens.end));
        }
    }
    let mut touched: Vec<usize> = Vec::new();
    let quotes: Vec<Quote> = drafts
        .into_iter()
        .map(|d| {
            if let Some(w) = &d.who {
                if present.insert((w.entity, w.tokens.start, w.tokens.end)) {
                    let pronoun = w.tokens.len() == 1
                        && t.word(w.tokens.start)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase);
                    entities[w.entity].mentions.push(Mention {
                        tokens: w.tokens.clone(),
                        kind: EntityType::Person,
                        form: if pronoun { Form::Pronoun } else { Form::Name },
                    });
                    touched.push(w.entity);
                }
            }
            Quote {
                span: d.span,
                speaker: d.who.as_ref().map(|w| w.entity),
                mention: d.who.map(|w| w.tokens),
            }
        })
        .collect();
    touched.sort_unstable();
    touched.dedup();
    for e in touched {
        entities[e]
            .mentions
            .sort_by_key(|m| (m.tokens.start, m.tokens.end));
    }
    // A new person is named by its fullest name.
    for entity in entities.iter_mut().skip(known) {
        if let Some(m) = entity.mentions.iter().max_by_key(|m| m.tokens.len()) {
            entity.name = t.slice(m.tokens.clone()).to_string();
        }
    }
    quotes
}

/// A quote and its speaker, whose entity may be one of the new names (`entity` at or past the
/// end of the entity list).
struct Draft {
    span: Span,
    who: Option<Speaker>,
}

/// A speaker: an entity (or a new name) and the mention the quote was tied through.
#[derive(Clone, Debug)]
struct Speaker {
    entity: usize,
    tokens: Range<usize>,
}

/// The names no entity holds, grouped: each gets an id past the end of the entity list.
#[derive(Default)]
struct NewNames<'t> {
    /// Per new name: its words.
    words: Vec<Vec<&'t str>>,
    /// The new names holding each word.
    by_word: FxHashMap<&'t str, Vec<usize>>,
}

impl<'t> NewNames<'t> {
    /// The id of the new name with `words` (all of its words, or all of theirs).
    fn id(&mut self, words: Vec<&'t str>) -> usize {
        let last = words.last().copied().unwrap_or_default();
        let found = self.by_word.get(last).and_then(|c| {
            c.iter().rev().take(32).copied().find(|&k| {
                let have = &self.words[k];
                words.iter().all(|w| have.contains(w)) || have.iter().all(|w| words.contains(w))
            })
        });
        match found {
            Some(k) => {
                if words.len() > self.words[k].len() {
                    for w in &words {
                        let list = self.by_word.entry(w).or_default();
                        if list.last() != Some(&k) {
                            list.push(k);
                        }
                    }
                    self.words[k] = words;
                }
                k
            }
            None => {
                let k = self.words.len();
                for w in &words {
                    self.by_word.entry(w).or_default().push(k);
                }
                self.words.push(words);
                k
            }
        }
    }
}

/// The quotes with their speakers, and the words of the new names their ids stand for.
fn run(t: &Tokenized<'_>, entities: &[Entity]) -> (Vec<Draft>, Vec<Vec<String>>) {
    let n = t.tokens.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let (para_spans, para_tokens) = paragraphs(t);
    let raws = marks::find(t.text, &para_spans);
    if raws.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let first_at = |byte: usize| t.tokens.partition_point(|x| x.span.start < byte);
    // Per quote: its opening mark's token and its closing mark's token.
    let toks: Vec<(usize, Option<usize>)> = raws
        .iter()
        .map(|r| {
            let open = first_at(r.open).min(n - 1);
            let close = r.close.map(|c| first_at(c).min(n - 1));
            (open, close)
        })
        .collect();
    let mark_tokens: Vec<usize> = toks
        .iter()
        .flat_map(|&(o, c)| std::iter::once(o).chain(c))
        .collect();
    let index = Index::new(t, entities, &mark_tokens);
    let mut names = NewNames::default();
    // Other quotes are passed over by the searches: closing mark → opening mark and back.
    const NONE: u32 = u32::MAX;
    let mut open_of = vec![NONE; n];
    let mut close_of = vec![NONE; n];
    for &(o, c) in &toks {
        if let Some(c) = c {
            if c > o {
                open_of[c] = o as u32;
                close_of[o] = c as u32;
            }
        }
    }
    let skip_back = |j: usize| (open_of[j] != NONE).then(|| open_of[j] as usize);
    let skip_fwd = |j: usize| (close_of[j] != NONE).then(|| close_of[j] as usize);
    let para_of = |tok: usize| {
        para_tokens
            .partition_point(|r| r.end <= tok)
            .min(para_tokens.len().saturating_sub(1))
    };
    let is_person = |e: usize| entities.get(e).is_none_or(|x| x.kind == EntityType::Person);

    let mut out: Vec<Draft> = Vec::with_capacity(raws.len());
    // The last attributed quote: its paragraph and speaker.
    let mut last: Option<(usize, Speaker)> = None;
    for (raw, &(open, close)) in raws.iter().zip(&toks) {
        let sentence = &t.sentences[t.sentence_of(open)];
        let para = para_of(open);
        let para_end = para_tokens.get(para).map_or(n, |r| r.end);
        let last_char = raw.last;
        let ends_clause = matches!(
            last_char,
            Some(',' | '?' | '!' | '—' | '–' | '-' | '…' | ':' | ';')
        );
        let ends_sentence = matches!(last_char, Some('.' | '?' | '!' | '…'));
        let mut found: Option<Found> = None;
        let mut tight = false;
        if let Some(c) = close.filter(|&c| c + 1 < n) {
            let next_lower = t.word(c + 1).chars().next().is_some_and(char::is_lowercase);
            let after_comma = t.lower[c + 1] == ",";
            let dash = matches!(t.lower[c + 1].as_ref(), "—" | "–" | "―" | "-" | "--");
            if ends_clause || after_comma || next_lower || dash {
                found = index.right_after(c, para_end.min(n), false);
            } else if ends_sentence {
                found = index.right_after(c, para_end.min(n), true);
            }
            tight = found.is_some();
        }
        if found.is_none() {
            found = index.before(open, sentence.start, &skip_back);
        }
        if found.is_none() && !ends_sentence {
            if let Some(c) = close {
                let s = &t.sentences[t.sentence_of(c)];
                if c + 1 < s.end {
                    found = index.later(c + 1, s.end, &skip_fwd);
                }
            }
        }
        let starts_paragraph = para_tokens.get(para).is_some_and(|r| r.start == open);
        // "He said:" closing the paragraph before a quoted one.
        if found.is_none() && starts_paragraph && open > 0 && t.lower[open - 1] == ":" {
            let s = &t.sentences[t.sentence_of(open - 1)];
            found = index.before(open, s.start, &skip_back);
        }
        // "Trump pledged to make Apple “build…”": no verb of saying, but the sentence's subject
        // is the one quoted.
        if found.is_none() && sentence.start < open {
            found = index.opening_subject(sentence.start, open);
        }
        let no_cue = found.is_none();
        let mut who: Option<Speaker> = match found {
            Some(Found::Speaker(w)) => {
                let entity = match w.entity {
                    Some(e) => e,
                    None => match index.entity_named(&w.tokens) {
                        Some(e) => e,
                        None => entities.len() + names.id(index.words(&w.tokens)),
                    },
                };
                Some(Speaker {
                    entity,
                    tokens: w.tokens,
                })
            }
            // An unresolved "he": the last speaker when the gender allows, else the latest
            // person of that gender.
            Some(Found::Pronoun(p, feminine)) => last
                .as_ref()
                .filter(|(lp, w)| {
                    para <= lp + 2 && is_person(w.entity) && index.fits(w.entity, feminine)
                })
                .map(|(_, w)| w.entity)
                .or_else(|| index.nearest_person(p, feminine).and_then(|w| w.entity))
                .map(|entity| Speaker {
                    entity,
                    tokens: p..p + 1,
                }),
            Some(Found::It(p)) => index.nearest_organisation(p).and_then(|w| {
                w.entity.map(|entity| Speaker {
                    entity,
                    tokens: w.tokens,
                })
            }),
            _ => None,
        };
        // Nothing names a speaker: a later quote of the same paragraph is the same voice, and
        // so is a quoted paragraph right after a paragraph that ended in an attributed quote.
        if no_cue {
            if let Some((p, w)) = &last {
                if *p == para || (starts_paragraph && *p + 1 == para) {
                    who = Some(w.clone());
                }
            }
        }
        let text = &t.text[raw.span.start..raw.span.end];
        if is_title(text) && !tight {
            continue;
        }
        if let Some(w) = &who {
            last = Some((para, w.clone()));
        }
        out.push(Draft {
            span: raw.span,
            who,
        });
    }
    let words = names
        .words
        .into_iter()
        .map(|w| w.into_iter().map(str::to_string).collect())
        .collect();
    (out, words)
}

#[cfg(test)]
mod tests;
