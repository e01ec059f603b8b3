//! The coder over one sentence: predicates, their subjects and objects, reported speech, and
//! modality, all read from the tokens and the actor spans, without a parser.
//!
//! The steps:
//! 1. actor spans joined by "and" or commas become compound actors;
//! 2. predicates come from the [`VerbTable`] (verbs and event nouns); speech verbs ("said",
//!    "told", "according to") are found apart: they give a speaker and a content span;
//! 3. each predicate's subject is the nearest actor before it in its clause that is not the
//!    object of a preposition and not inside a relative clause; a predicate coordinated with
//!    the previous one, or inside reported content without a subject of its own, takes the
//!    previous subject or the speaker; the passive swaps the sides ("was attacked by");
//! 4. the target is where the pattern puts it, else the first actor after the predicate in
//!    its clause that is not a place ("in Beijing"), else (CAMEO's convention, an option) the
//!    place after a locative;
//! 5. modality from the words before the predicate (negation, modal and intent verbs,
//!    "allegedly") and from reported speech; a planned event becomes its intent code (03x/13x),
//!    and reported conflict by another actor is also coded as the speaker's accusation (112).

use std::ops::Range;

use crate::codes::{intent_of, threat_of, CodeTable};
use crate::pos::{Pos, PosModel};
use crate::verbs::VerbTable;

/// One actor: a code and what it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// CAMEO actor code ("CHNGOV").
    pub code: String,
    /// The document's entity index, if the actor is an entity.
    pub entity: Option<usize>,
    /// Its name.
    pub name: String,
    /// Whether it is a person (preferred over an organisation right before it).
    pub person: bool,
}

/// Tokens that name one actor, or several joined ("China and Russia").
#[derive(Clone, Debug, PartialEq)]
pub struct ActorSpan {
    /// Sentence-local token range.
    pub tokens: Range<usize>,
    /// The actors; more than one for a compound.
    pub members: Vec<Actor>,
}

impl ActorSpan {
    /// Takes in `other`, the next span of a list: up to its end, with its members not already
    /// here.
    fn absorb(&mut self, other: &ActorSpan) {
        self.tokens.end = other.tokens.end;
        for m in &other.members {
            if !self.members.iter().any(|x| same(x, m)) {
                self.members.push(m.clone());
            }
        }
    }
}

/// The first actor that starts within `n` tokens after token `k`, other than `except`.
fn actor_after(actors: &[ActorSpan], k: usize, n: usize, except: Option<usize>) -> Option<usize> {
    actors
        .iter()
        .enumerate()
        .position(|(i, a)| a.tokens.start > k && a.tokens.start <= k + n && Some(i) != except)
}

/// How the coder writes what it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// A planned act is coded as the intent to do it (03x for cooperation, 13x for force), as
    /// the CAMEO codebook and PLOVER ask; off, it keeps the act's own code, as PETRARCH writes
    /// it, and only `modality` says it is planned.
    pub intents: bool,
    /// Also write the paired event a dictionary entry names ("visited" gives the host's 043
    /// beside the visitor's 042), as PETRARCH does; off, only the act the text tells.
    pub paired: bool,
    /// When a clause names no other target, take the place after a locative ("criticized
    /// the closure of guest houses in Bree" → Bree; "attacked positions in Syria" → Syria), as
    /// CAMEO's manual, PETRARCH and GDELT code it (on by default); off, a place is where an
    /// event happened, never whom it concerned.
    pub locative_targets: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            intents: true,
            paired: false,
            locative_targets: true,
        }
    }
}

/// Whether an event happened, is planned, is only claimed, or is denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Modality {
    /// It happened.
    Occurred,
    /// Intended, promised or scheduled.
    Planned,
    /// Alleged or reported by someone else.
    Claimed,
    /// The text says it did not happen.
    Negated,
}

impl Modality {
    /// The record's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Occurred => "occurred",
            Modality::Planned => "planned",
            Modality::Claimed => "claimed",
            Modality::Negated => "negated",
        }
    }
}

/// An event coded from one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Coded {
    /// CAMEO code.
    pub code: String,
    /// Who acts.
    pub source: Actor,
    /// Who is acted on.
    pub target: Option<Actor>,
    /// The predicate's tokens.
    pub predicate: Range<usize>,
    /// The clause's tokens.
    pub clause: Range<usize>,
    /// The target's tokens, if any.
    pub target_tokens: Option<Range<usize>>,
    /// Happened, planned, claimed or negated.
    pub modality: Modality,
    /// Leaving office (resigning, stepping down): done by one side and to no one.
    pub resignation: bool,
}

impl Coded {
    /// A statement, demand or accusation the coder reads from how words are reported: it
    /// happened, between these two, about the tokens `about`.
    fn said(
        code: &str,
        source: &Actor,
        target: &Actor,
        predicate: Range<usize>,
        clause: Range<usize>,
        about: Option<Range<usize>>,
    ) -> Coded {
        Coded {
            code: code.to_string(),
            source: source.clone(),
            target: Some(target.clone()),
            predicate,
            clause,
            target_tokens: about,
            modality: Modality::Occurred,
            resignation: false,
        }
    }

    /// Whether the act stands without a target ([`needs_no_target`], or a resignation).
    pub fn needs_no_target(&self) -> bool {
        self.resignation || needs_no_target(&self.code)
    }

    /// Whether the act takes no target from the place it happens in or from home.
    pub fn is_one_sided(&self) -> bool {
        self.resignation || is_stand_down(&self.code)
    }
}

/// Words that open a new clause.
const BREAKS: &[&str] = &[
    ";", ":", "that", "which", "who", "whom", "whose", "while", "because", "although", "though",
    "whereas", "but", "when", "where", "if", "unless", "since", "until", "--", "—",
];

/// Prepositions: an actor right after one is not a subject.
const PREPS: &[&str] = &[
    "in",
    "at",
    "on",
    "with",
    "to",
    "of",
    "for",
    "from",
    "against",
    "by",
    "over",
    "near",
    "into",
    "across",
    "between",
    "during",
    "under",
    "after",
    "before",
    "about",
    "toward",
    "towards",
    "through",
    "within",
    "without",
    "including",
    "among",
    "amid",
    "like",
    "than",
    "as",
    "inside",
    "throughout",
    "upon",
    "via",
    "per",
];

/// Prepositions of place: an actor after one is where it happened, not whom it concerned.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "over",
    "across",
    "inside",
    "throughout",
    "within",
    "outside",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this",
];

const NEGATION: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Words before a predicate that make it intended or scheduled.
const PLANNED: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "'ll",
    "going",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "seek",
    "seeks",
    "sought",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "wish",
    "expect",
    "expects",
    "expected",
    "scheduled",
    "agree",
    "agreed",
    "agrees",
    "promise",
    "promised",
    "promises",
    "pledge",
    "pledged",
    "pledges",
    "vow",
    "vowed",
    "vows",
    "swear",
    "swore",
    "sworn",
    "swears",
    "ready",
    "eager",
    "willing",
    "prepared",
    "upcoming",
    "proposed",
    "future",
    "offered",
    "offer",
    "offers",
    "must",
    "could",
    "may",
    "might",
];

/// Verbs that deny the act they govern ("refused to meet", "resisted pressure to condemn").
const DENYING: &[&str] = &[
    "refused", "refuses", "refuse", "declined", "declines", "failed", "fails", "resisted",
    "resists", "avoided", "avoids",
];

const CLAIMED: &[&str] = &[
    "allegedly",
    "reportedly",
    "alleged",
    "purportedly",
    "suspected",
    "supposedly",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "got", "get",
];

/// Words that name an attack or its means: violence with no agent named was done by someone
/// only when one of them is there ("killed by a roadside bomb", "shot in an ambush").
const ATTACK_WORDS: &[&str] = &[
    "ambush",
    "assailants",
    "attack",
    "attackers",
    "attacks",
    "blast",
    "bomb",
    "bombing",
    "bombings",
    "bombs",
    "bullet",
    "bullets",
    "explosion",
    "explosive",
    "explosives",
    "grenade",
    "grenades",
    "gunfire",
    "gunman",
    "gunmen",
    "insurgents",
    "militants",
    "mortar",
    "mortars",
    "raid",
    "raids",
    "rocket",
    "rockets",
    "shelling",
    "sniper",
    "snipers",
    "shot",
    "shooting",
];

/// Words of a time phrase after a speech verb ("said on Monday", "said late on Friday").
const TIME_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "next",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// A day's name, or today's: "Thursday", "yesterday".
pub(crate) const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
];

/// Whether a word belongs to a time phrase ([`TIME_WORDS`] or [`DAYS`]).
fn is_time_word(w: &str) -> bool {
    is(TIME_WORDS, w) || is(DAYS, w)
}

/// Verbs whose object does what the infinitive after it says ("urged Iran to stop", "asked
/// the UN to send").
const OBJECT_CONTROL: &[&str] = &[
    "allow",
    "allowed",
    "allows",
    "ask",
    "asked",
    "asks",
    "call",
    "called",
    "calls",
    "encourage",
    "encouraged",
    "force",
    "forced",
    "forces",
    "invite",
    "invited",
    "invites",
    "order",
    "ordered",
    "orders",
    "permit",
    "permitted",
    "persuade",
    "persuaded",
    "press",
    "pressed",
    "pressure",
    "pressured",
    "request",
    "requested",
    "tell",
    "told",
    "tells",
    "urge",
    "urged",
    "urges",
    "want",
    "wanted",
    "wants",
    "warn",
    "warned",
    "warns",
];

/// Auxiliaries and modals: words of a verb group, not a subject.
const AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have",
    "had", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "to", "'ll",
    "'s", "wo",
];

/// Words that may stand between an auxiliary and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "already",
    "still",
    "then",
    "now",
    "just",
    "recently",
    "reportedly",
    "allegedly",
    "repeatedly",
    "consistently",
    "previously",
    "jointly",
    "again",
    "further",
    "finally",
    "quickly",
    "formally",
    "officially",
    "publicly",
    "strongly",
];

/// Speech verbs: they give a speaker and a content, not an event of their own.
const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "stress",
    "stressed",
    "stresses",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasise",
    "emphasised",
    "add",
    "added",
    "adds",
    "adding",
    "note",
    "noted",
    "notes",
    "state",
    "stated",
    "states",
    "announce",
    "announced",
    "announces",
    "declare",
    "declared",
    "declares",
    "argue",
    "argued",
    "argues",
    "insist",
    "insisted",
    "insists",
    "claim",
    "claimed",
    "claims",
    "assert",
    "asserted",
    "asserts",
    "affirm",
    "affirmed",
    "reiterate",
    "reiterated",
    "explain",
    "explained",
    "remark",
    "remarked",
    "report",
    "reported",
    "reports",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "hope",
    "hoped",
    "hopes",
    "confirm",
    "confirmed",
    "confirms",
];

/// The rejection (12x) of what is refused.
fn reject_of(code: &str) -> String {
    let sub = code.get(..3).unwrap_or(code);
    let out = match sub {
        "061" => "1211",
        "062" => "1212",
        "084" => "1243",
        "087" => "1246",
        _ => match code.get(..2).unwrap_or(code) {
            "03" => "127",
            "04" => "125",
            "05" => "120",
            "06" => "121",
            "07" => "122",
            "08" => "124",
            "10" | "11" | "12" => "120",
            _ => "120",
        },
    };
    out.to_string()
}

/// Verbs whose infinitive is a threat.
const THREATENING: &[&str] = &["threaten", "threatens", "threatened", "threatening"];

/// Words of obligation: "Y must V" said by another is a demand.
const OBLIGATION: &[&str] = &["must", "should", "ought"];

/// The demand (10x) matching what is demanded.
fn demand_of(code: &str) -> String {
    let sub = code.get(..3).unwrap_or(code);
    let out = match sub {
        "061" => "1011",
        "062" => "1012",
        "063" => "1013",
        "064" => "1014",
        "070" | "071" => "1031",
        "072" => "1032",
        "073" => "1033",
        "074" => "1034",
        "081" => "1051",
        "082" => "1052",
        "084" => "1053",
        "085" => "1054",
        "086" => "1055",
        "087" => "1056",
        _ => match code.get(..2).unwrap_or(code) {
            "04" => "106",
            "05" => "102",
            "06" => "101",
            "07" => "103",
            "08" => "105",
            _ => "100",
        },
    };
    out.to_string()
}

/// Whether a verb only stages the event a noun after it names ("held talks", "conducted a
/// joint patrol", "began a hunger strike"); a verb with a sense of its own keeps it ("demanded
/// a meeting", "rejected the talks").
fn is_light(verb: &str) -> bool {
    const LIGHT: &[&str] = &[
        "attend",
        "begin",
        "carry",
        "conduct",
        "continue",
        "do",
        "engage",
        "go",
        "have",
        "hold",
        "join",
        "launch",
        "make",
        "mount",
        "open",
        "organise",
        "organize",
        "pay",
        "perform",
        "resume",
        "stage",
        "start",
        "take",
        "undertake",
        "wrap",
        // More of the same event: "boosting military cooperation", "deepen the partnership".
        "boost",
        "deepen",
        "enhance",
        "expand",
        "intensify",
        "increase",
        "step",
        "strengthen",
    ];
    const IRREGULAR: &[&str] = &[
        "began",
        "begun",
        "did",
        "done",
        "went",
        "gone",
        "had",
        "has",
        "held",
        "made",
        "paid",
        "took",
        "taken",
        "undertook",
        "undertaken",
    ];
    if IRREGULAR.contains(&verb) {
        return true;
    }
    // The base form under a regular ending: "staged" → "stag(e)", "carried" → "carr(y)".
    let bases = ["ing", "ed", "es", "s", ""]
        .iter()
        .filter_map(|end| verb.strip_suffix(end));
    let fits = |base: &str| {
        LIGHT.iter().any(|l| {
            *l == base
                || l.strip_suffix('e') == Some(base)
                || l.strip_suffix('y')
                    .is_some_and(|b| base.strip_suffix('i') == Some(b))
        })
    };
    bases.into_iter().any(fits)
}

/// Verbs that carry the verb after them.
const CATENATIVE: &[&str] = &[
    "help",
    "helps",
    "helped",
    "helping",
    "try",
    "tries",
    "tried",
    "trying",
    "continue",
    "continues",
    "continued",
    "continuing",
    "begin",
    "begins",
    "began",
    "start",
    "starts",
    "started",
    "seek",
    "seeks",
    "sought",
    "move",
    "moved",
    "moves",
    "threaten",
    "threatened",
    "threatens",
    "attempt",
    "attempted",
    "attempts",
    "decide",
    "decided",
    "agree",
    "agreed",
    "agrees",
    "refuse",
    "refused",
    "refuses",
    "fail",
    "failed",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "vow",
    "vowed",
    "vows",
    "pledge",
    "pledged",
    "promise",
    "promised",
    "allow",
    "allowed",
    "allows",
    "urge",
    "urged",
    "urges",
    "ask",
    "asked",
];

/// Speech verbs that name an addressee right after them ("told Evmenov").
const ADDRESS: &[&str] = &["tell", "tells", "told", "telling", "inform", "informed"];

/// Words that commit their subject to the act after them.
const COMMITTING: &[&str] = &[
    "agree", "agreed", "agrees", "pledge", "pledged", "pledges", "promise", "promised", "promises",
    "vow", "vowed", "vows", "swear", "swore", "sworn", "swears",
];

/// Subject pronouns: in a speaker's words, most often the speaker itself.
const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we"];

/// Speech verbs that express a wish: their content is intended.
const WISH: &[&str] = &["hope", "hoped", "hopes"];

fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A speech verb occurrence: who speaks, to whom, and which tokens report what was said.
#[derive(Clone, Debug)]
struct Speech {
    verb: Range<usize>,
    speaker: Option<usize>,
    addressee: Option<usize>,
    content: Range<usize>,
    wish: bool,
}

impl Speech {
    /// Whether the speech verb comes before what was said ("China said the US attacked"), not
    /// after it as a trailing attribution ("…, police said").
    fn leads(&self) -> bool {
        self.verb.end <= self.content.start
    }
}

/// A predicate found in the sentence.
#[derive(Clone, Debug)]
struct Pred {
    tokens: Range<usize>,
    head: usize,
    code: String,
    paired: Option<String>,
    target_at: Option<usize>,
    clause: Range<usize>,
    noun: bool,
    /// Governed by "refused to" or "threatened to": coded as the rejection or the threat,
    /// which happened.
    governed: bool,
    /// The token after the last word its pattern matched.
    reach: usize,
    /// Leaving office ([`is_resignation`]).
    resignation: bool,
}

/// Codes one sentence. `words` are the lowercase tokens; `actors` the actor spans, sorted and
/// not overlapping.
pub fn code_sentence(
    verbs: &VerbTable,
    codes: &CodeTable,
    pos: &PosModel,
    options: Options,
    words: &[&str],
    actors: &[ActorSpan],
) -> Vec<Coded> {
    let actors = compounds(words, actors);
    let in_actor = |i: usize| actors.iter().any(|a| a.tokens.contains(&i));
    let breaks = clause_breaks(words);
    let clause_of = |i: usize| -> Range<usize> {
        let start = breaks.iter().rev().find(|&&b| b <= i).copied().unwrap_or(0);
        let end = breaks
            .iter()
            .find(|&&b| b > i)
            .copied()
            .unwrap_or(words.len());
        start..end
    };
    let masked = relative_clauses(words);

    // Speech verbs first: they are not predicates.
    let mut speech: Vec<Speech> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let two = matches!(
            (w, words.get(i + 1)),
            ("according", Some(&"to")) | ("pointed", Some(&"out"))
        );
        let verb = if two {
            Some(i..i + 2)
        } else if is(SPEECH, w)
            && !in_actor(i)
            // "Secretary of State", "the report", "a note": a noun.
            && !(i > 0 && (words[i - 1] == "of" || is(DETERMINERS, words[i - 1])))
            // "believed to have been embezzled", "is said to be": a claim, no speech.
            && !(!is(WISH, w)
                && words.get(i + 1) == Some(&"to")
                && words
                    .get(i + 2)
                    .is_some_and(|w| matches!(*w, "be" | "have") || verbs.is_verb_form(w)))
            && !names_an_act(verbs, words, i, clause_of(i))
        {
            Some(i..i + 1)
        } else {
            None
        };
        if let Some(v) = verb {
            speech.push(read_speech(words, &actors, &masked, v.clone()));
            i = v.end;
        } else {
            i += 1;
        }
    }
    let in_speech_verb = |i: usize| speech.iter().any(|s| s.verb.contains(&i));

    // Predicates.
    let mut preds: Vec<Pred> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if in_actor(i) || in_speech_verb(i) {
            i += 1;
            continue;
        }
        let mut clause = clause_of(i);
        // A pattern does not reach past a comma that closes the clause (one followed by a
        // name, a quote or a speech verb; "restore, it seems, complete, full ties" goes on).
        // A comma inside a list ("artillery, mortar, and rocket fire") closes nothing.
        let in_list = |k: usize| {
            words.get(k + 1) == Some(&"and") && (k.saturating_sub(3)..k).any(|j| words[j] == ",")
        };
        if let Some(c) = (i + 1..clause.end).find(|&k| {
            words[k] == ","
                && !in_list(k)
                && (actors
                    .iter()
                    .any(|a| a.tokens.start == k + 1 || a.tokens.start == k + 2)
                    || words.get(k + 1).is_some_and(|w| {
                        is(SPEECH, w) || matches!(*w, "”" | "\"" | "''" | "and" | "but")
                    }))
        }) {
            clause.end = c;
        }
        if words[i] == "going" && words.get(i + 1) == Some(&"to") {
            // "are going to": a future, not a movement.
            i += 2;
            continue;
        }
        let class = match i.checked_sub(1).map(|k| words[k]) {
            // After an infinitive "to", a modal or a subject pronoun, a verb form is a verb.
            Some(
                "to" | "will" | "would" | "can" | "could" | "should" | "must" | "may" | "might"
                | "shall" | "not" | "n't" | "he" | "she" | "they" | "we" | "it" | "i",
            ) => Pos::Verb,
            // "X on Thursday fired…": after the day, the verb.
            Some(d) if is(DAYS, d) => Pos::Verb,
            // "the occupied West Bank", "a banned party", "Algeria's leading activist": a
            // participle after a determiner or a possessive describes a noun.
            Some(d)
                if ((is(DETERMINERS, d) && d != "this") || d == "'s" || d == "’s")
                    && (words[i].ends_with("ed") || words[i].ends_with("ing")) =>
            {
                Pos::Other
            }
            // "refugees fleeing the war": an "-ing" form right after a noun that is no actor
            // describes that noun.
            Some(d)
                if words[i].ends_with("ing")
                    && i > 0
                    && !in_actor(i - 1)
                    && is_bare_noun(verbs, d) =>
            {
                Pos::Other
            }
            // "a key U.S. ally", "an Israeli raid": after an indefinite article and a name, the
            // word may head the noun phrase; the tagger tells ("a French minister threatened"
            // is a verb).
            _ if indefinite_phrase(words, i) && actors.iter().any(|a| a.tokens.end == i) => {
                pos.classify(words, i)
            }
            // Right after its subject ("France agree", "Russia attacks"), likewise.
            _ if actors.iter().any(|a| a.tokens.end == i) => Pos::Verb,
            _ => pos.classify(words, i),
        };
        let verb = class == Pos::Verb;
        match verbs.predicate_if(words, i, clause.start, clause.end, !verb, |noun| {
            noun || verb
        }) {
            Some(p) => {
                let end = p.end;
                let verbal = p.noun || class == Pos::Verb;
                // An event noun a verb's pattern took as its object ("tighten the naval
                // blockade") is that verb's, not an event of its own.
                // (A light verb gives way to the noun instead: "began a hunger strike".)
                // So is a word the tagger took for a verb there ("provide emergency food aid"),
                // but for an infinitive of its own.
                let taken = preds.last().is_some_and(|q| {
                    !q.noun
                        && q.reach > i
                        && if p.noun {
                            !is_light(words[q.head])
                        } else {
                            i > 0 && words[i - 1] != "to"
                        }
                });
                if let (Some(code), true, false) = (p.code.primary.clone(), verbal, taken) {
                    // A code the table does not know (a dictionary of one's own) still codes;
                    // the record needs a known one.
                    {
                        preds.push(Pred {
                            tokens: p.start..p.end,
                            head: p.head,
                            resignation: is_resignation(words, &code, p.head),
                            code,
                            paired: p.code.paired.clone(),
                            target_at: p.target_at,
                            clause,
                            noun: p.noun,
                            governed: false,
                            reach: p.reach,
                        });
                    }
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    // Two predicates in a row: a verb that carries another ("helped provoke", "continue to
    // expand") gives way to it; otherwise the second is the first's object noun ("expand
    // exchanges"). A light verb before an event noun ("conducted a joint patrol", "held
    // talks") gives way to the noun.
    let mut k = 0;
    while k + 1 < preds.len() {
        let (a, b) = (&preds[k], &preds[k + 1]);
        let gap = &words[a.tokens.end..b.tokens.start.max(a.tokens.end)];
        let adjacent = gap.is_empty() || gap == ["to"];
        let light = b.noun
            && !a.noun
            && is_light(words[a.head])
            && b.tokens.start <= a.tokens.end + 5
            && b.clause == a.clause
            && !actors.iter().any(|x| {
                x.tokens.start >= a.tokens.end
                    && x.tokens.end <= b.tokens.start
                    && !x.members.iter().all(|m| m.entity.is_none())
            });
        if adjacent && gap == ["to"] && is(THREATENING, words[a.head]) {
            // "threatened to cut off": the threat of it (13x).
            preds[k + 1].code = threat_of(&preds[k + 1].code);
            preds[k + 1].governed = true;
            preds.remove(k);
        } else if adjacent && gap == ["to"] && is(DENYING, words[a.head]) {
            // "refused to meet": a rejection of what was asked (12x).
            preds[k + 1].code = reject_of(&preds[k + 1].code);
            preds[k + 1].governed = true;
            preds.remove(k);
        } else if (adjacent && is(CATENATIVE, words[a.head]))
            || light
            || (gap == ["to"] && !b.noun && is(PLANNED, words[a.head]))
        {
            // "prepared to impose martial law": the act, planned (the modality reads the
            // word before it).
            preds.remove(k);
        } else if adjacent && !b.noun {
            preds.remove(k + 1);
        } else {
            k += 1;
        }
    }

    let mut out: Vec<Coded> = Vec::new();
    let mut last_subject: Option<(usize, usize)> = None; // (actor span, predicate end)
                                                         // (actor span, its end, the predicate it was the target of)
    let mut last_target: Option<(usize, usize, usize)> = None;
    let mut prev_verb_end: Option<usize> = None;
    for (k, p) in preds.iter().enumerate() {
        // (A verb inside a relative clause set off by commas stands in no way of the main
        // clause's subject: "Li, who was appointed in March, made a visit".)
        let inside = |q: &Pred| masked[q.head] && !masked[p.head];
        if let Some(prev) = k
            .checked_sub(1)
            .map(|j| &preds[j])
            .filter(|q| !q.noun && !inside(q))
        {
            prev_verb_end = Some(prev.tokens.end);
        }
        let content = speech.iter().find(|s| s.content.contains(&p.tokens.start));
        let mut lo = match content {
            Some(s) => p.clause.start.max(s.content.start),
            None => p.clause.start,
        };
        if lo < p.tokens.start && masked[lo] && !masked[p.head] {
            // The clause the relative one interrupts starts before it.
            let mut m = lo;
            while m > 0 && masked[m - 1] {
                m -= 1;
            }
            let before = if m > 0 { clause_of(m - 1).start } else { 0 };
            lo = content.map_or(before, |s| before.max(s.content.start));
        }
        let hi = match content {
            Some(s) => p.clause.end.min(s.content.end),
            None => p.clause.end,
        };
        // "a lunch hosted by the ambassador": a participle with its agent after a plain noun
        // describes that noun, which is no actor here.
        // So is one after a text, which does nothing itself ("a report submitted to the
        // intelligence service").
        let of_a_noun = p.tokens.start > 0 && !in_actor(p.tokens.start - 1) && {
            let before = words[p.tokens.start - 1];
            words[p.head].ends_with("ed")
                && (is_text_noun(before)
                    || (words.get(p.tokens.end) == Some(&"by") && is_bare_noun(verbs, before)))
        };
        if of_a_noun {
            continue;
        }
        let relative = reduced_relative(words, &actors, p);
        let passive = relative.is_some() || is_passive(words, p);
        // "to V": an infinitive.
        let infinitive = p.tokens.start > 0 && words[p.tokens.start - 1] == "to";
        // "defended the right of Russian troops to fire on militants", "hackers capable of
        // launching attacks": a right or an ability is no act.
        if is_ability(words, p.tokens.start, lo) || is_possessed_noun(verbs, words, &actors, p) {
            continue;
        }
        // A subject belongs to the nearest verb after it: not past the previous verb or
        // speech verb.
        let spoke = speech
            .iter()
            .filter(|s| s.verb.end <= p.tokens.start)
            .map(|s| s.verb.end)
            .max();
        let from = lo.max(prev_verb_end.unwrap_or(0)).max(spoke.unwrap_or(0));
        let mut subject = subject_of(words, &actors, &masked, p.tokens.start, from);
        if p.noun {
            // "on Israel's withdrawal": the possessor of an event noun is its actor, whatever
            // preposition stands before it.
            let owner = (p.tokens.start.saturating_sub(3)..p.tokens.start)
                .find(|&k| matches!(words[k], "'s" | "’s"))
                .and_then(|k| actors.iter().position(|a| a.tokens.end == k));
            subject = owner.or(subject);
            // "will no longer tolerate rallies by the Kifaya group": an event noun's agent
            // named after "by" is its actor; with no actor there, it has none of the clause's.
            if owner.is_none() && words.get(p.tokens.end) == Some(&"by") {
                match actor_after(&actors, p.tokens.end, 2, None) {
                    Some(a) => subject = Some(a),
                    None => continue,
                }
            }
        }
        // "A roadside bombing killed one U.S. soldier and wounded two others": the object of a
        // verb with no actor for its subject is not the subject of the verb joined to it (which
        // may still take an earlier verb's subject below).
        if let Some(prev) = k.checked_sub(1).map(|j| &preds[j]) {
            let object_of_prev = subject.is_some_and(|s| actors[s].tokens.start >= prev.tokens.end);
            let prev_had_subject = last_subject.is_some_and(|(_, end)| end == prev.tokens.end);
            if object_of_prev && !prev_had_subject && coordinated(words, p.tokens.start, lo) {
                subject = None;
            }
        }
        if subject.is_none() || coordinated(words, p.tokens.start, lo) {
            // "A attacked B and killed C", "A agreed to set up": the previous predicate's
            // subject, when nothing but its object stands between ("after cables were
            // damaged" opens a clause of its own).
            if let Some((s, end)) = last_subject {
                let joined = end <= p.tokens.start
                    && !words[end..p.tokens.start]
                        .iter()
                        .any(|w| *w == "," || is(BREAKS, w) || matches!(*w, "after" | "before"));
                // "opened the bridge after four years to allow the delivery": an infinitive of
                // purpose is the clause subject's, past a time phrase too.
                let purpose = infinitive
                    && !words[end.min(p.tokens.start)..p.tokens.start]
                        .iter()
                        .any(|w| *w == "," || is(BREAKS, w));
                if end <= p.tokens.start
                    && (coordinated(words, p.tokens.start, lo)
                        || (subject.is_none() && (joined || purpose)))
                {
                    subject = Some(s);
                }
            }
        }
        if subject.is_none() && words.get(lo) == Some(&"but") && lo < p.tokens.start {
            // "Benin opened its borders, but was still refusing admittance to Ghanaians": a
            // clause after "but" that opens with its verb shares the subject before it.
            let elided = words[lo + 1..p.tokens.start]
                .iter()
                .all(|w| is(AUXILIARIES, w) || is(ADVERBS, w) || is(NEGATION, w));
            if elided {
                subject = last_subject.map(|(s, _)| s);
            }
        }
        if subject.is_none() && p.noun {
            // "Li said during talks with X": the circumstance of the speaker's words.
            subject = speech
                .iter()
                .rev()
                .find(|s| s.verb.end <= p.tokens.start && !s.content.contains(&p.tokens.start))
                .and_then(|s| s.speaker);
        }
        if subject.is_none() && p.noun {
            // "During talks with X, Y said": the main clause's subject, after the comma.
            if let Some(c) = (p.tokens.end..words.len()).find(|&k| words[k] == ",") {
                subject = actor_after(&actors, c, 3, None);
            }
        }
        let mut speaker_source = false;
        if subject.is_none() {
            // The speaker acts when the content's subject stands for it ("China said it would",
            // "we will hold drills, China said"); a trailing attribution over a subject that is
            // no actor ("forces launched rockets, Thai sources said") only cites the news.
            // A leading speaker stands for a content with no subject of its own ("Iran said
            // would…"), not for one whose subject is some other noun ("officials say gunmen
            // killed…", "police say a man was killed").
            let bare = |s: &Speech| {
                (s.content.start..p.tokens.start).all(|k| {
                    let w = words[k];
                    is(AUXILIARIES, w) || is(ADVERBS, w) || is(NEGATION, w) || w == "that"
                })
            };
            // (The pronoun is this clause's: "Hungary said it will support a resolution that
            // aims to tighten sanctions" does not make Hungary tighten them.)
            let stands_for_speaker = |s: &Speech| {
                (s.leads() && (p.noun || bare(s)))
                    || (s.content.start.max(p.clause.start)..p.tokens.start)
                        .any(|k| is(PRONOUNS, words[k]))
            };
            if let Some(s) = content
                .filter(|s| stands_for_speaker(s) && !passive)
                .and_then(|s| s.speaker)
            {
                subject = Some(s);
                speaker_source = true;
            }
        }
        let mut target = if p.noun && p.target_at.is_none() {
            // An event noun names its other side by its pattern ("talks with", "visit to").
            None
        } else if p.resignation {
            // Leaving office is done to no one ("resigned Sunday as the opposition threatened").
            None
        } else {
            target_of(words, &actors, p, hi, subject, false).or_else(|| {
                // A ceasefire or retreat is not done to the place it happens in.
                (options.locative_targets && !is_stand_down(&p.code) && !p.resignation)
                    .then(|| target_of(words, &actors, p, hi, subject, true))
                    .flatten()
            })
        };
        let conflict = codes.get(&p.code).is_some_and(|i| i.quad >= 3);
        if target.is_none() && (p.governed || conflict) {
            // "threatened to stop negotiations if the United States goes ahead", "will boycott
            // the elections unless the president steps down": a threat is aimed at whoever
            // its condition names.
            let cond = (p.tokens.end..(p.tokens.end + 15).min(words.len()))
                .take_while(|&k| !matches!(words[k], "." | ";" | ":"))
                .find(|&k| matches!(words[k], "if" | "unless"));
            if let Some(cond) = cond {
                target = actor_after(&actors, cond, 3, subject);
            }
        }
        if target.is_none() && p.code.starts_with("14") {
            // "demonstrations against the alleged violations by the Israeli military", "a strike
            // over a bill signed by the labour minister": a protest is aimed at whoever did what
            // it is against.
            let by = (p.tokens.end..hi)
                .take_while(|&k| words[k] != "," && !is(BREAKS, words[k]))
                .find(|&k| words[k] == "by");
            let topic = (p.tokens.end..by.unwrap_or(p.tokens.end))
                .any(|k| matches!(words[k], "against" | "over" | "at"));
            if let (Some(by), true) = (by, topic) {
                target = actor_after(&actors, by, 3, subject);
            }
        }
        if p.code.starts_with("11") {
            // "complained to the UN over Israeli air raids": a complaint is about what it names
            // after "over" or "about", not to whom it is made.
            let to_whom = target.is_some_and(|t| {
                let s = actors[t].tokens.start;
                (s.saturating_sub(2)..s).any(|k| words[k] == "to")
            });
            let about = (p.tokens.end..hi)
                .find(|&k| matches!(words[k], "over" | "about"))
                .and_then(|k| actor_after(&actors, k, 4, None));
            if let (true, Some(a)) = (to_whom, about) {
                target = Some(a);
            }
        }
        if target.is_none() && !p.noun {
            // "demanded (on Tuesday) that the US cancel…": the complement's subject.
            if let Some(that) =
                (p.tokens.end..(p.tokens.end + 5).min(words.len())).find(|&k| words[k] == "that")
            {
                target = actor_after(&actors, that, 3, subject);
            }
        }
        // "summoned Niger's ambassador to complain": an infinitive of purpose right after the
        // previous act's object is the same actor's act, done to that object ("urged Iran to
        // stop" is the object's, as the nearest subject already says).
        let purpose = !p.noun && infinitive;
        if let (true, Some((t, end, j)), Some((s, _))) = (purpose, last_target, last_subject) {
            let prev = &preds[j];
            let controlled = is(OBJECT_CONTROL, words[prev.head]);
            // "to Bosnia on Wednesday to investigate": a time phrase may stand between.
            let mut next = end;
            while next < p.tokens.start - 1 && is_time_word(words[next]) {
                next += 1;
            }
            let same_side = subject == Some(t) || subject == Some(s);
            // ("defended the right of Russian troops to fire": the troops fire.)
            let of = actors[t].tokens.start > 0 && words[actors[t].tokens.start - 1] == "of";
            if next + 1 == p.tokens.start && same_side && !controlled && !of && target.is_none() {
                subject = Some(s);
                target = Some(t);
                // A meeting or a deployment for a conflictual purpose ("summoned the
                // ambassador to complain", "sent personnel to Bosnia to investigate") is coded
                // as that purpose.
                if matches!(prev.code.get(..2), Some("04" | "15")) && conflict {
                    out.retain(|c| c.predicate != prev.tokens);
                }
            }
        }
        let mut source = subject;
        if passive {
            // "B was attacked by A"; the patient may stand inside the subject's phrase ("a
            // camp for Congolese refugees was attacked").
            // (A reduced relative's patient is the noun it describes: see `reduced_relative`.)
            let patient = relative.unwrap_or_else(|| {
                subject.or_else(|| patient_of(words, &actors, &masked, p.tokens.start, from))
            });
            let by = (p.tokens.end..hi).find(|&k| words[k] == "by");
            let agent = by.and_then(|b| actor_after(&actors, b, 3, None));
            // With no agent named, the place where it was done stands for it, as CAMEO and
            // PETRARCH code it ("a missionary was arrested in Lebanon": Lebanon → the
            // missionary's country).
            // Violence needs an attack or a weapon named: "killed in the crash of a plane" or
            // "struck by a cyclone" was done by no one.
            let violent = matches!(p.code.get(..2), Some("18" | "19" | "20"));
            let armed = (lo..hi).any(|k| is(ATTACK_WORDS, words[k]));
            let hostile = matches!(
                p.code.get(..2),
                Some("09" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20")
            ) && (!violent || armed);
            source = agent.or_else(|| {
                patient
                    .filter(|_| hostile)
                    .and_then(|t| place_after(words, &actors, p.tokens.end, hi).filter(|&s| s != t))
            });
            target = patient;
        }
        let Some(src) = source else { continue };
        // "efforts to end the fighting": a stand-down in an infinitive with no side named is
        // someone's aim, not an act.
        if is_stand_down(&p.code) && target.is_none() && infinitive {
            continue;
        }
        if !passive && !speaker_source {
            last_subject = Some((src, p.tokens.end));
            last_target = target.map(|t| (t, actors[t].tokens.end, k));
        }
        let mut modality = if p.governed {
            Modality::Occurred
        } else {
            modality_of(words, &p.tokens, lo)
        };
        if content.is_some_and(|s| s.wish) && modality == Modality::Occurred {
            modality = Modality::Planned;
        }
        let speaker = content.and_then(|s| s.speaker);
        let speaker_side = speaker.map(|s| sides(&actors[s]));
        let own = |a: &Actor| {
            speaker_side
                .as_ref()
                .is_some_and(|side| side.iter().any(|c| a.code.starts_with(c.as_str())))
        };
        let mut code = p.code.clone();
        // "will not meet", "would not accept": a refusal of the cooperation (CAMEO 12), said
        // now; "did not meet" stays a meeting that did not happen. (Yielding, 08, is left as
        // it is: PETRARCH's dictionaries code some negated acts there already.)
        let refused = modality == Modality::Negated
            && (lo.max(p.tokens.start.saturating_sub(4))..p.tokens.start)
                .any(|k| matches!(words[k], "will" | "would" | "wo" | "shall" | "cannot"));
        if refused && matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07")) {
            code = reject_of(&code);
            modality = Modality::Occurred;
        }
        if code.starts_with("03") && modality == Modality::Occurred {
            // An expressed intent is about what is to come.
            modality = Modality::Planned;
        }
        let info = codes.get(&code);
        let quad = info.map_or(0, |i| i.quad);
        let mut sources: Vec<Actor> = actors[src].members.clone();
        let mut targets: Vec<Actor> = target
            .map(|t| actors[t].members.clone())
            .unwrap_or_default();
        let obliged = (lo..p.tokens.start).any(|k| is(OBLIGATION, words[k]));
        if let (Some(s), true, false) = (speaker, obliged, speaker_source) {
            if !sources.iter().any(own) {
                // "X said Y must V": X demands it of Y.
                let others = sources.iter().filter(|a| !own(a));
                let said = Said {
                    predicate: p.tokens.clone(),
                    clause: lo..hi,
                    about: actors[src].tokens.clone(),
                };
                said.push(&mut out, &demand_of(&code), &actors[s].members, others);
                continue;
            }
        }
        if modality == Modality::Planned && options.intents {
            code = intent_of(&code);
            // A commitment to an act with no intent code of its own ("agreed to set up a
            // research centre", "promised to investigate") is an agreement (030).
            let committed = (lo..p.tokens.start).any(|k| is(COMMITTING, words[k]));
            if committed && matches!(code.get(..2), Some("01" | "02" | "09" | "10")) {
                code = "030".to_string();
            }
            if let (Some(s), false) = (speaker, speaker_source) {
                // The speaker means to do it with the others: "Li said China and Russia
                // should hold drills" is Li's intent toward Russia.
                if sources.iter().any(own) {
                    let mut others: Vec<Actor> =
                        sources.iter().filter(|a| !own(a)).cloned().collect();
                    if others.is_empty() {
                        others = targets.iter().filter(|a| !own(a)).cloned().collect();
                    }
                    targets = others;
                    sources = actors[s].members.clone();
                }
            }
        } else if let (Some(s), Some(_)) = (speaker, content) {
            if !speaker_source && !sources.iter().all(own) {
                // A trailing attribution ("…, police said") cites where the news came from.
                let leading = content.is_some_and(Speech::leads);
                // (What a relative clause tells of a noun is background to what was said: "must
                // return a helicopter that was captured by the Sudanese authorities".)
                let relative = lo > 0
                    && matches!(words[lo], "that" | "which" | "who" | "whom")
                    && is_bare_noun(verbs, words[lo - 1]);
                if quad >= 3 && leading && !relative {
                    // Reported conflict by another actor: the speaker accuses it.
                    let others = sources.iter().filter(|a| !own(a));
                    let said = Said {
                        predicate: p.tokens.clone(),
                        clause: lo..hi,
                        about: actors[src].tokens.clone(),
                    };
                    said.push(&mut out, "112", &actors[s].members, others);
                }
                if modality == Modality::Occurred {
                    modality = Modality::Claimed;
                }
            }
        }
        if code.len() < 2 {
            continue;
        }
        let target_tokens = target.map(|t| actors[t].tokens.clone());
        // Exercises held by two or more states together are military cooperation (062).
        let distinct = sources.iter().any(|a| a.code != sources[0].code);
        if targets.is_empty() && distinct && p.noun && code == "150" {
            code = "062".to_string();
        }
        if targets.is_empty()
            && sources.len() > 1
            && matches!(&code[..2], "03" | "04" | "05" | "06" | "07" | "08")
        {
            // "China and Russia held joint drills": one event each way.
            for a in &sources {
                for b in &sources {
                    if a.code != b.code {
                        out.push(coded(&code, a, Some(b), p, lo..hi, None, modality));
                    }
                }
            }
            continue;
        }
        // Without a target, every act is kept here; `needs_no_target` sorts them after the
        // document's context has had its say (an act at home targets its own country).
        for a in &sources {
            if targets.is_empty() {
                out.push(coded(&code, a, None, p, lo..hi, None, modality));
            }
            for b in &targets {
                if same(a, b) {
                    continue;
                }
                out.push(coded(
                    &code,
                    a,
                    Some(b),
                    p,
                    lo..hi,
                    target_tokens.clone(),
                    modality,
                ));
                let paired = p.paired.as_ref().filter(|_| options.paired);
                if let Some(paired) = paired.filter(|_| modality != Modality::Negated) {
                    if codes.get(paired).is_some() && paired != &code {
                        out.push(coded(paired, b, Some(a), p, lo..hi, None, modality));
                    }
                }
            }
        }
    }

    // A speech verb with an addressee is a statement to it ("Li told Evmenov").
    for s in &speech {
        if let (Some(sp), Some(ad)) = (s.speaker, s.addressee) {
            for a in &actors[sp].members {
                for b in &actors[ad].members {
                    if !same(a, b) {
                        out.push(Coded::said(
                            "010",
                            a,
                            b,
                            s.verb.clone(),
                            0..words.len(),
                            Some(actors[ad].tokens.clone()),
                        ));
                    }
                }
            }
        }
    }
    // "The administration declared that China must drop barriers": what a speaker says another
    // actor must do is a demand of it (100), whatever the act. (An act the table codes has
    // been coded as the matching demand already.)
    for s in speech.iter().filter(|s| s.leads()) {
        let Some(sp) = s.speaker else { continue };
        let Some(m) = s.content.clone().find(|&k| words[k] == "must") else {
            continue;
        };
        let mut k = m;
        while k > s.content.start && is(ADVERBS, words[k - 1]) {
            k -= 1;
        }
        let Some(subject) = actors
            .iter()
            .find(|a| a.tokens.end == k && a.tokens.start >= s.content.start)
        else {
            continue;
        };
        let demanded = out.iter().any(|c| {
            c.predicate.start > m
                && actors[sp].members.iter().any(|a| same(a, &c.source))
                && c.target
                    .as_ref()
                    .is_some_and(|t| subject.members.iter().any(|b| same(b, t)))
        });
        if demanded {
            continue;
        }
        for a in &actors[sp].members {
            for b in &subject.members {
                // (Its own side is no one it demands of: "Li said China must…"; a state's
                // rebels and its government are two sides.)
                if same(a, b) || a.code.starts_with(&b.code) || b.code.starts_with(&a.code) {
                    continue;
                }
                out.push(Coded::said(
                    "100",
                    a,
                    b,
                    m..m + 1,
                    s.content.clone(),
                    Some(subject.tokens.clone()),
                ));
            }
        }
    }
    // "issued a stern reminder to Iraq that it must cooperate": a statement made to someone
    // that it must act is a demand of it.
    let stated: Vec<(Range<usize>, Actor, Actor)> = out
        .iter()
        .filter(|c| c.code == "010")
        .filter_map(|c| Some((c.predicate.clone(), c.source.clone(), c.target.clone()?)))
        .collect();
    for (pred, source, addressee) in stated {
        let that = (pred.end..words.len().min(pred.end + 8)).find(|&k| words[k] == "that");
        let Some(that) = that else { continue };
        let pronoun_must = words.get(that + 1..that + 3) == Some(&["it", "must"][..])
            || words.get(that + 1..that + 3) == Some(&["they", "must"][..]);
        let demanded = out
            .iter()
            .any(|c| c.code.starts_with("10") && same(&c.source, &source) && c.target.is_some());
        if pronoun_must && !demanded && !same(&source, &addressee) {
            out.push(Coded::said(
                "100",
                &source,
                &addressee,
                that + 2..that + 3,
                that..words.len(),
                None,
            ));
        }
    }
    // A condition is no event: "will boycott the elections unless the president agrees to
    // step down", "will not accept refugees if war starts".
    out.retain(|c| !matches!(words.get(c.clause.start), Some(&("if" | "unless"))));
    dedup(without_protest_topics(without_demanded_acts(words, out)))
}

/// Whether an act with no target named is an event at all: protest, a show of force,
/// coercion, assault and mass violence are, and so is standing down (087x); a fight (19x) needs its foe (PETRARCH's verbs for
/// it, "struggle", "break", "overwhelm", say nothing of war without one: "the dollar
/// struggled", "dishware is easily broken"), and talk, help or demands need their other side.
pub fn needs_no_target(code: &str) -> bool {
    matches!(code.get(..2), Some("14" | "15" | "17" | "18" | "20")) || is_stand_down(code)
}

/// Leaving office: power relinquished (0831) by a verb of leaving ("resigned", "stepped down",
/// "quit"), not by calling an election or agreeing to one, which CAMEO codes there too.
/// ("He must resign" and "want Olmert to resign" are others' wishes, not his leaving.)
fn is_resignation(words: &[&str], code: &str, head: usize) -> bool {
    let w = words[head];
    let demanded = (head.saturating_sub(3)..head).any(|k| is(OBLIGATION, words[k]))
        || (head > 0
            && words[head - 1] == "to"
            && (head.saturating_sub(7)..head - 1)
                .rev()
                .take_while(|&k| !is(BREAKS, words[k]) && words[k] != ",")
                .any(|k| is(OBJECT_CONTROL, words[k])));
    code == "0831"
        && !demanded
        && (w.starts_with("resign")
            || matches!(w, "quit" | "quits" | "quitting")
            || (w.starts_with("step") && words.get(head + 1) == Some(&"down")))
}

/// Standing down: a ceasefire declared, a blockade eased, forces demobilized, a retreat or
/// surrender (087x).
/// It is done by one side, whoever the foe (a "unilateral ceasefire"), and is not done to the
/// place it happens in.
pub fn is_stand_down(code: &str) -> bool {
    code.starts_with("087")
}

/// What a speaker's words are coded as when they are about another actor's act: a demand
/// ("Y must"), an accusation (reported conflict), each from every speaker to every other.
struct Said {
    predicate: Range<usize>,
    clause: Range<usize>,
    about: Range<usize>,
}

impl Said {
    fn push<'a>(
        &self,
        out: &mut Vec<Coded>,
        code: &str,
        speakers: &[Actor],
        others: impl Iterator<Item = &'a Actor> + Clone,
    ) {
        for spk in speakers {
            for a in others.clone() {
                out.push(Coded::said(
                    code,
                    spk,
                    a,
                    self.predicate.clone(),
                    self.clause.clone(),
                    Some(self.about.clone()),
                ));
            }
        }
    }
}

fn coded(
    code: &str,
    a: &Actor,
    b: Option<&Actor>,
    p: &Pred,
    clause: Range<usize>,
    target_tokens: Option<Range<usize>>,
    modality: Modality,
) -> Coded {
    Coded {
        code: code.to_string(),
        source: a.clone(),
        target: b.cloned(),
        predicate: p.tokens.clone(),
        clause,
        target_tokens,
        modality,
        // (Refusing to resign is a refusal to someone; demanding it, a demand.)
        resignation: p.resignation && matches!(code.get(..2), Some("08" | "03")),
    }
}

fn same(a: &Actor, b: &Actor) -> bool {
    match (a.entity, b.entity) {
        // "Palestinian police" and "Palestinian armed groups" share the nationality's entity
        // and are two actors.
        (Some(x), Some(y)) => x == y && a.code == b.code,
        _ => a.code == b.code && a.name == b.name,
    }
}

/// The country prefixes of a span's actors (their first three letters).
fn sides(a: &ActorSpan) -> Vec<String> {
    a.members
        .iter()
        .filter_map(|m| m.code.get(..3).map(str::to_string))
        .collect()
}

/// What a demand or an appeal asks of its target is not an act of the target's: "demanded
/// that the US cancel plans to sell arms to Taiwan" is China's demand, not a sale. An act after
/// a demand (10x) or an appeal (02x) in the sentence, by that demand's target, goes; so does
/// any act in the clause a demand word opens with "that" ("its demand that Israel ease
/// restrictions", "a declaration demanding that the government provide information"), whoever
/// the demand was coded for.
fn without_demanded_acts(words: &[&str], out: Vec<Coded>) -> Vec<Coded> {
    // (What an accusation charges its target with is a claim within it: "accused Darfur
    // rebels of violating a ceasefire".)
    let asks: Vec<(usize, String)> = out
        .iter()
        .filter(|c| matches!(c.code.get(..2), Some("10" | "02" | "11")))
        .filter_map(|c| Some((c.predicate.end, c.target.as_ref()?.code.clone())))
        .collect();
    // Where a "that" clause after a demand word starts.
    let demanded_from: Option<usize> = (0..words.len()).find_map(|k| {
        let demand = matches!(
            words[k],
            "demand" | "demands" | "demanded" | "demanding" | "insisted" | "insists" | "urged"
        );
        demand.then(|| (k + 1..(k + 5).min(words.len())).find(|&j| words[j] == "that"))?
    });
    // Where the infinitive of a rejected offer starts ("rejected a US offer to host a
    // summit", "refused an invitation to attend"): what was offered did not happen.
    let rejected_from: Option<usize> =
        out.iter()
            .filter(|c| c.code.starts_with("12"))
            .find_map(|c| {
                let end = c.predicate.end;
                (end..(end + 6).min(words.len().saturating_sub(1))).find(|&k| {
                    let next = words[k + 1];
                    // "an offer to host", "a proposal for signing", "a resolution censuring"
                    let content = matches!(next, "to" | "for" | "that")
                        || (next.len() > 4 && next.ends_with("ing"));
                    content
                        && matches!(
                            words[k],
                            "offer"
                                | "invitation"
                                | "proposal"
                                | "plan"
                                | "call"
                                | "request"
                                | "bid"
                                | "ultimatum"
                                | "appeal"
                                | "resolution"
                                | "motion"
                                | "draft"
                        )
                })
            });
    if asks.is_empty() && demanded_from.is_none() && rejected_from.is_none() {
        return out;
    }
    // The purpose of what a source asks for is not yet done by it: "demanded a meeting of the
    // Security Council to discuss Croatia's advance".
    let asked: Vec<(Range<usize>, String)> = out
        .iter()
        .filter(|c| matches!(c.code.get(..2), Some("10" | "02")))
        .map(|c| (c.predicate.clone(), c.source.code.clone()))
        .collect();
    let asked_purpose = |c: &Coded| {
        let infinitive = c.predicate.start > 0 && words[c.predicate.start - 1] == "to";
        infinitive
            && asked.iter().any(|(pred, source)| {
                *source == c.source.code
                    && c.predicate.start > pred.end
                    && c.clause.contains(&pred.start)
            })
    };
    out.into_iter()
        .filter(|c| {
            let ask = matches!(c.code.get(..2), Some("10" | "02"));
            if !ask && asked_purpose(c) {
                return false;
            }
            let offered = rejected_from.is_some_and(|at| {
                c.predicate.start > at && c.clause.contains(&at) && !c.code.starts_with("12")
            });
            // (What the one asked is to do is not done, an appeal of its own included:
            // "ordered Menem to appear for questioning".)
            let by_the_asked = asks
                .iter()
                .any(|(end, target)| c.predicate.start >= *end && c.source.code == *target);
            !offered
                && !by_the_asked
                && (ask
                    || !demanded_from
                        .is_some_and(|at| c.predicate.start > at && c.clause.contains(&at)))
        })
        .collect()
}

/// What a protest is about is no event of its own: "students staged demonstrations to demand
/// reforms", "began a hunger strike to protest the decision" code the protest (14x), as
/// PLOVER's definition of PROTEST says ("the topic of the protest, which will typically be a
/// REQUEST, is not coded as a separate event"). A demand or complaint (10x, 11x) after a
/// protest by the same source goes; its target becomes the protest's if that has none.
fn without_protest_topics(mut out: Vec<Coded>) -> Vec<Coded> {
    let topic = |c: &Coded, protest: &Coded| {
        matches!(c.code.get(..2), Some("10" | "11"))
            && c.source.code == protest.source.code
            && c.predicate.start >= protest.predicate.end
    };
    let protests: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].code.starts_with("14"))
        .collect();
    if protests.is_empty() {
        return out;
    }
    for &i in &protests {
        if out[i].target.is_none() {
            let aim = out
                .iter()
                .find(|c| topic(c, &out[i]) && c.target.is_some())
                .map(|c| (c.target.clone(), c.target_tokens.clone()));
            if let Some((target, tokens)) = aim {
                out[i].target = target;
                out[i].target_tokens = tokens;
            }
        }
    }
    let keep: Vec<bool> = out
        .iter()
        .map(|c| !protests.iter().any(|&i| topic(c, &out[i])))
        .collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// One event per source and target in a sentence: the first predicate's (the main verb comes
/// first after its subject; later ones are usually its purpose or circumstance), the more
/// specific code of one root; statements (010) and accusations (112) made about the others
/// stand beside them. Of a protest (14x) and an assault (18x) by one side on another, the
/// protest stays: violence in a protest is a riot.
fn dedup(mut out: Vec<Coded>) -> Vec<Coded> {
    let mut keep: Vec<Coded> = Vec::with_capacity(out.len());
    let side = |c: &Coded| {
        (
            c.source.code.clone(),
            c.target.as_ref().map(|t| t.code.clone()),
        )
    };
    for c in out.drain(..) {
        let apart = |k: &Coded| {
            matches!(k.code.as_str(), "010" | "112") != matches!(c.code.as_str(), "010" | "112")
        };
        let dup = keep.iter_mut().find(|k| side(k) == side(&c) && !apart(k));
        match dup {
            Some(k) => {
                let same_root = k.code.get(..2) == c.code.get(..2);
                // Violence in a protest by the same side at the same other side is a riot, a
                // protest (PLOVER's PROTEST, mode "riot"): "youths resorted to throwing stones
                // during demonstrations against the Israeli military".
                let protest = |x: &Coded| x.code.starts_with("14");
                let assault = |x: &Coded| x.code.starts_with("18");
                if (protest(k) && assault(&c)) || (assault(k) && protest(&c)) {
                    if assault(k) {
                        *k = c;
                    }
                } else if same_root && specificity(&c.code) > specificity(&k.code)
                    || (!same_root && c.predicate.start < k.predicate.start)
                {
                    *k = c;
                }
            }
            None => keep.push(c),
        }
    }
    // Force with no one named beside force on someone by the same actor is its toll ("fired
    // at guerrilla camps, killing or wounding 50"), one event.
    let violent = |c: &Coded| matches!(c.code.get(..2), Some("18" | "19" | "20"));
    let aimed: Vec<String> = keep
        .iter()
        .filter(|c| violent(c) && c.target.is_some())
        .map(|c| c.source.code.clone())
        .collect();
    keep.retain(|c| !(violent(c) && c.target.is_none() && aimed.contains(&c.source.code)));
    keep
}

/// How specific a code is: longer, and not a category's residual "0" code.
fn specificity(code: &str) -> (usize, bool) {
    (code.len(), !code.ends_with('0'))
}

/// Token positions where a clause starts.
fn clause_breaks(words: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // "praised Haiti's efforts to improve its record and said it was a partner for the
        // United States": a second speech verb opens a clause of its own.
        // ("and declared a state of emergency" is no speech.)
        let speech = |x: &&str| {
            matches!(
                *x,
                "said" | "says" | "say" | "added" | "adds" | "stressed" | "noted" | "insisted"
            )
        };
        if *w == "and" && words.get(i + 1).is_some_and(speech) {
            out.push(i);
            continue;
        }
        if is(BREAKS, w) {
            // "said that": the clause starts after "that".
            out.push(if *w == ";" || *w == ":" { i + 1 } else { i });
        }
    }
    out
}

/// Tokens inside a relative clause or apposition set off by commas (", who ... ,", ", a key
/// U.S. ally ... ,").
fn relative_clauses(words: &[&str]) -> Vec<bool> {
    let mut mask = vec![false; words.len()];
    let mut i = 0;
    while i + 1 < words.len() {
        let relative = matches!(words[i + 1], "who" | "which" | "whose" | "whom" | "where");
        // An indefinite apposition is closed by a comma of its own, not far on.
        let apposition = matches!(words[i + 1], "a" | "an")
            && (i + 2..(i + 12).min(words.len())).any(|k| words[k] == ",");
        if words[i] == "," && (relative || apposition) {
            let end = (i + 1..words.len())
                .find(|&k| words[k] == ",")
                .unwrap_or(words.len());
            for m in &mut mask[i..end] {
                *m = true;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    mask
}

/// Joins actor spans separated only by "and", "," or ", and" (or "X's N and Y's N" shapes with
/// one word between) into compounds.
fn compounds(words: &[&str], actors: &[ActorSpan]) -> Vec<ActorSpan> {
    let mut out: Vec<ActorSpan> = Vec::with_capacity(actors.len());
    for a in actors {
        if let Some(last) = out.last_mut() {
            // "Libyan leader Muammar Gaddafi": an office and the person right after it are one
            // actor, the person.
            // (In a list, the last office: "… and Bulgarian President Todor Zhivkov".)
            let office = last.members.last().filter(|m| !m.person);
            let holder = office.is_some_and(|o| {
                a.members
                    .iter()
                    .all(|m| m.person && m.code.get(..3) == o.code.get(..3))
            });
            if holder && last.tokens.end == a.tokens.start {
                last.members.pop();
                last.absorb(a);
                continue;
            }
            let between = &words[last.tokens.end.min(a.tokens.start)..a.tokens.start];
            // Words that may stand before a name in a list: "the", adjectives ("the evil
            // awful Gondor").
            let modifiers = |ws: &[&str]| {
                ws.len() <= 3
                    && ws.iter().all(|w| {
                        !is(PREPS, w)
                            && !is(BREAKS, w)
                            && w.chars().all(|c| c.is_lowercase())
                            && !matches!(*w, "and" | "or" | "," | "said" | "says")
                    })
            };
            // A bare comma lists countries ("Mordor, Rohan and Bree"); between a title and a
            // name it is an apposition, one actor ("His counterpart, Admiral X").
            let country = |m: &[Actor]| m.iter().all(|x| x.code.len() == 3 && !x.person);
            let listed = country(&last.members) && country(&a.members);
            // "between an Israeli peace movement and the PLO": the two sides, whatever nouns
            // follow the first.
            let mut k = last.tokens.start;
            while k > 0 && is(DETERMINERS, words[k - 1]) {
                k -= 1;
            }
            let sides = k > 0 && words[k - 1] == "between";
            let two_sides = sides
                && between.iter().position(|w| *w == "and").is_some_and(|n| {
                    let nouns = &between[..n];
                    !nouns.is_empty()
                        && modifiers(nouns)
                        && modifiers(&between[n + 1..])
                        && !nouns.iter().any(|w| is(DETERMINERS, w))
                });
            let joined = two_sides
                || match between {
                    [",", "and", rest @ ..] | ["and", rest @ ..] => modifiers(rest),
                    // ("Pakistan, a key U.S. ally": "a" opens an apposition, no list item.)
                    [",", rest @ ..] => {
                        listed && modifiers(rest) && !matches!(rest.first(), Some(&("a" | "an")))
                    }
                    [w, "and"] => modifiers(&[w]),
                    // "the European Union (EU)": the short form in brackets is the same actor.
                    ["("] => words.get(a.tokens.end) == Some(&")"),
                    _ => false,
                };
            if joined {
                if between == ["("] {
                    last.tokens.end = a.tokens.end + 1;
                    continue;
                }
                last.absorb(a);
                continue;
            }
        }
        out.push(a.clone());
    }
    out
}

/// Whether a speech verb at `i` names an act by a pattern of its own ("declared a ceasefire",
/// "announced a boycott"): then it is the act, not a report of words.
fn names_an_act(verbs: &VerbTable, words: &[&str], i: usize, clause: Range<usize>) -> bool {
    // Its object follows: a determiner opens a noun phrase ("declared a", "announced its").
    if !words.get(i + 1).is_some_and(|w| is(DETERMINERS, w)) {
        return false;
    }
    verbs
        .predicate_if(words, i, clause.start, clause.end, false, |_| true)
        .is_some_and(|p| p.pattern && p.code.primary.is_some())
}

fn read_speech(
    words: &[&str],
    actors: &[ActorSpan],
    masked: &[bool],
    verb: Range<usize>,
) -> Speech {
    let w = words[verb.start];
    let wish = is(WISH, w);
    if w == "according" {
        // "according to X": X is the source of the whole sentence.
        let speaker = actors
            .iter()
            .position(|a| a.tokens.start >= verb.end && a.tokens.start <= verb.end + 4);
        let after = speaker.map_or(verb.end, |s| actors[s].tokens.end);
        let content = if verb.start <= 1 {
            after..words.len()
        } else {
            0..verb.start
        };
        return Speech {
            verb,
            speaker,
            addressee: None,
            content,
            wish,
        };
    }
    // "…, Li said" / "…, said Li": content before; else "Li said (that) …": content after.
    let before_comma = (0..verb.start)
        .rev()
        .take(12)
        .find(|&k| matches!(words[k], "," | "”" | "\"" | "''"))
        .filter(|&k| {
            // Only names or titles between the comma and the verb.
            !words[k + 1..verb.start].iter().any(|x| is(BREAKS, x))
        });
    let subject_before = subject_of(words, actors, masked, verb.start, before_comma.unwrap_or(0));
    let inverted = actors.iter().position(|a| {
        a.tokens.start == verb.end
            || (a.tokens.start == verb.end + 1 && is(DETERMINERS, words[verb.end]))
    });
    // "…, Li said (on Monday)." ends the sentence there; "In a letter, Iraq said it would…"
    // goes on to its content.
    let mut after = verb.end;
    if let Some(a) = inverted {
        after = after.max(actors[a].tokens.end);
    }
    // ("on Monday", "late on Friday"; "in a statement" is no time.)
    let time = |k: usize| {
        words.get(k).is_some_and(|w| {
            is_time_word(w)
                && (!matches!(*w, "on" | "in" | "at")
                    || words.get(k + 1).is_some_and(|x| is_time_word(x)))
        })
    };
    while time(after) {
        after += 1;
    }
    // (A preposition after the verb opens a circumstance, not the content: "…, Li said
    // during talks with Evmenov".)
    let trails = words.get(after).is_none_or(|w| {
        matches!(*w, "." | "," | ";" | "!" | "?" | "”" | "\"" | "''")
            || is(PREPS, w)
            || matches!(
                *w,
                "during" | "after" | "before" | "while" | "when" | "as" | "according"
            )
    });
    if let Some(comma) = before_comma.filter(|_| trails) {
        // (A speaker who is no actor, "a spokeswoman for the U.S. embassy said", still closes
        // the reported part.)
        let speaker = subject_before.or(inverted);
        if comma > 0 {
            let start = (0..comma)
                .rev()
                .find(|&k| matches!(words[k], ";" | ":"))
                .map_or(0, |k| k + 1);
            return Speech {
                verb,
                speaker,
                addressee: None,
                content: start..comma,
                wish,
            };
        }
    }
    let speaker = subject_of(words, actors, masked, verb.start, 0).or(inverted);
    let mut start = verb.end;
    let mut addressee = None;
    if is(ADDRESS, w) {
        addressee = actors
            .iter()
            .position(|a| a.tokens.start >= verb.end && a.tokens.start <= verb.end + 1);
        if let Some(a) = addressee {
            start = actors[a].tokens.end;
        }
    }
    if let Some(s) = speaker.filter(|&s| actors[s].tokens.start >= verb.end) {
        start = start.max(actors[s].tokens.end);
    }
    if words.get(start) == Some(&"that") {
        start += 1;
    }
    // The content runs to the next speech attribution or the end.
    let end = (start..words.len())
        .find(|&k| words[k] == ";")
        .unwrap_or(words.len());
    Speech {
        verb,
        speaker,
        addressee,
        content: start..end,
        wish,
    }
}

/// The nearest actor before `at` (not before `lo`) that can be a subject.
fn subject_of(
    words: &[&str],
    actors: &[ActorSpan],
    masked: &[bool],
    at: usize,
    lo: usize,
) -> Option<usize> {
    actors
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, a)| a.tokens.end <= at && a.tokens.start >= lo)
        .find(|(_, a)| {
            if masked[a.tokens.start] && !masked.get(at).copied().unwrap_or(false) {
                return false;
            }
            // "near the eastern Thai border": a preposition's object, past its determiner and
            // a compass word.
            let mut k = a.tokens.start;
            while k > lo && (is(DETERMINERS, words[k - 1]) || is_compass(words[k - 1])) {
                k -= 1;
            }
            // "Thousands of Iraqi Kurds demonstrated": the actor is the head of its phrase.
            let of_a_group = k > lo + 1 && words[k - 1] == "of" && is_group_word(words[k - 2]);
            of_a_group || !(k > 0 && is(PREPS, words[k - 1]))
        })
        .map(|(i, _)| i)
}

/// The patient of a passive with no actor for its subject: the nearest actor inside the
/// subject's phrase, after a preposition ("a camp for Congolese refugees was attacked"), not
/// inside a relative clause.
fn patient_of(
    words: &[&str],
    actors: &[ActorSpan],
    masked: &[bool],
    at: usize,
    lo: usize,
) -> Option<usize> {
    let (i, a) = actors
        .iter()
        .enumerate()
        .rev()
        .find(|(_, a)| a.tokens.end <= at && a.tokens.start >= lo && !masked[a.tokens.start])?;
    // The actor ends the subject's phrase: only nouns stand between it and the verb.
    let between = &words[a.tokens.end..at];
    let plain = between.len() <= 3
        && !between
            .iter()
            .any(|w| *w == "," || is(BREAKS, w) || is(PREPS, w) || is(PRONOUNS, w));
    plain.then_some(i)
}

/// The place after a locative preposition between `from` and `hi` ("was arrested in Lebanon",
/// "killed outside the Iraqi city of Basra").
fn place_after(words: &[&str], actors: &[ActorSpan], from: usize, hi: usize) -> Option<usize> {
    actors.iter().position(|a| {
        if a.tokens.start < from || a.tokens.start >= hi || a.members.iter().any(|m| m.person) {
            return false;
        }
        let mut k = a.tokens.start;
        let mut modifiers = 0;
        while k > from {
            let w = words[k - 1];
            if is(DETERMINERS, w) || is_compass(w) {
                k -= 1;
            } else if modifiers < 2 && is_modifier(w) {
                modifiers += 1;
                k -= 1;
            } else {
                break;
            }
        }
        // "outside of the Iraqi city": the preposition may stand two words back.
        if (k.saturating_sub(2)..k).any(|j| j >= from && is(LOCATIVE, words[j])) {
            return true;
        }
        // "in a residential sector of mostly Christian eastern Beirut": the place a part of it
        // is named.
        let of = k.checked_sub(1).filter(|&j| j > from && words[j] == "of");
        of.is_some_and(|j| {
            (j.saturating_sub(5).max(from)..j).any(|i| {
                is(LOCATIVE, words[i])
                    && !words[i + 1..j]
                        .iter()
                        .any(|w| *w == "," || is(BREAKS, w) || is(PREPS, w))
            })
        })
    })
}

/// A lowercase word that may stand inside a noun phrase before its head ("current",
/// "mostly", "Christian" as the text lowercases it): no preposition, clause word or "and".
fn is_modifier(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && w.chars().any(|c| c.is_ascii_lowercase())
        && !is(PREPS, w)
        && !is(BREAKS, w)
        && !matches!(w, "and" | "or")
}

/// Whether a predicate's word is a noun after a possessive phrase it ends: "Israel's militia
/// ally in southern Lebanon". A verb right after a singular "X's N", one noun after the
/// possessive, would be inflected
/// ("allies", "allied"); a word that is only ever a verb's base form there is a noun. (Not an
/// irregular past, "Syria's president met…", which the verb table lists as a form of its own;
/// not after a person; not the verbs whose past is their bare form: "Israel's army hit the
/// camp".)
fn is_possessed_noun(verbs: &VerbTable, words: &[&str], actors: &[ActorSpan], p: &Pred) -> bool {
    const SAME_PAST: &[&str] = &[
        "bet",
        "bid",
        "broadcast",
        "burst",
        "cast",
        "cost",
        "cut",
        "forecast",
        "hit",
        "hurt",
        "let",
        "put",
        "quit",
        "read",
        "rid",
        "set",
        "shed",
        "shut",
        "split",
        "spread",
        "thrust",
        "upset",
    ];
    if p.noun || p.tokens.start != p.head {
        return false;
    }
    let w = words[p.head];
    if !verbs.is_only_base_form(w) || is(SAME_PAST, w) {
        return false;
    }
    actors.iter().any(|a| {
        a.tokens.end == p.head
            && a.members.len() == 1
            && !a.members[0].person
            && a.tokens.end >= a.tokens.start + 3
            && matches!(words[a.tokens.end - 2], "'s" | "’s")
            && !words[a.tokens.end - 1].ends_with('s')
    })
}

/// Whether the predicate at `at` is what someone has the right or the ability to do: "the
/// right (of X) to V", "the ability/capacity to V", "able to V", "capable of V-ing".
fn is_ability(words: &[&str], at: usize, lo: usize) -> bool {
    match at.checked_sub(1).map(|k| words[k]) {
        Some("to") => (lo.max(at.saturating_sub(7))..at - 1).any(|k| {
            let next = words.get(k + 1).copied();
            match words[k] {
                // (A noun with its determiner: not "human rights activists", "the right
                // decision to".)
                "right" | "rights" => {
                    k > 0
                        && matches!(words[k - 1], "the" | "a" | "its" | "their" | "his" | "her")
                        && matches!(next, Some("to" | "of"))
                }
                "ability" | "capacity" | "capability" => matches!(next, Some("to" | "of")),
                // ("was able to travel" says it happened; "was unable to" that it did not.)
                "able" => next == Some("to") && !(k > 0 && matches!(words[k - 1], "was" | "were")),
                "unable" => next == Some("to"),
                _ => false,
            }
        }),
        Some("of") => at >= 2 && matches!(words[at - 2], "capable" | "incapable"),
        _ => false,
    }
}

/// Whether a word is a locative preposition ("in", "across", "outside").
pub(crate) fn is_locative(w: &str) -> bool {
    is(LOCATIVE, w)
}

/// A compass word before a place ("southern Lebanon", "the north-western border").
pub(crate) fn is_compass(w: &str) -> bool {
    let w = w
        .strip_prefix("north")
        .or_else(|| w.strip_prefix("south"))
        .unwrap_or(w);
    let w = w.strip_prefix('-').unwrap_or(w);
    matches!(
        w,
        "" | "ern"
            | "east"
            | "eastern"
            | "west"
            | "western"
            | "central"
            | "far"
            | "upper"
            | "lower"
    )
}

/// Words that count or gather the actor named after "of" ("thousands of", "a group of").
fn is_group_word(w: &str) -> bool {
    matches!(
        w,
        "dozens"
            | "scores"
            | "hundreds"
            | "thousands"
            | "tens"
            | "millions"
            | "group"
            | "groups"
            | "members"
            | "member"
            | "supporters"
            | "deployment"
            | "inhabitants"
            | "residents"
            | "crowd"
            | "crowds"
            | "number"
            | "some"
            | "many"
            | "most"
            | "all"
            | "several"
            | "band"
            | "delegation"
            | "team"
    ) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b','))
}

/// The target: where the pattern puts it, else the first actor after the predicate in its
/// clause that is not a place and not the subject.
fn target_of(
    words: &[&str],
    actors: &[ActorSpan],
    p: &Pred,
    hi: usize,
    subject: Option<usize>,
    places: bool,
) -> Option<usize> {
    let from = p.target_at.unwrap_or(p.tokens.end);
    let hi = if p.target_at.is_some() {
        hi.max((from + 4).min(words.len()))
    } else {
        // "agreed to an extension despite Israel's wish", "reimposed blockades following the
        // deaths of two Israelis": what the act is done in spite of or in answer to is not its
        // other side.
        // A ceasefire or withdrawal declared "after days of battles with Amal" is not made with
        // Amal.
        (from..hi)
            .find(|&k| {
                matches!(words[k], "despite" | "notwithstanding")
                    || (words[k] == "following" && k > 0 && words[k - 1] != "the")
                    || (is_stand_down(&p.code) && matches!(words[k], "after" | "before"))
            })
            .unwrap_or(hi)
    };
    let first = actors.iter().enumerate().find(|(i, a)| {
        // Where the pattern marks the target, an actor that spans that point is it ("from
        // Panama" inside "forces from Panama").
        let spans_mark = p.target_at.is_some() && a.tokens.start < from && a.tokens.end > from;
        if spans_mark {
            return Some(*i) != subject;
        }
        if a.tokens.start < from || a.tokens.start >= hi || Some(*i) == subject {
            return false;
        }
        // Where the pattern marks the target, it stands right there ("with the head of the
        // Russian Navy Nikolay Evmenov"), in the same phrase.
        if p.target_at.is_some()
            && (a.tokens.start > from + 5
                || words[from..a.tokens.start]
                    .iter()
                    .any(|w| *w == "," || is(BREAKS, w)))
        {
            return false;
        }
        // The phrase's start, past determiners and up to two modifiers ("in the current
        // Palestinian uprising" is as locative as "in the Palestinian uprising").
        let mut k = a.tokens.start;
        let mut modifiers = 0;
        while k > from {
            let w = words[k - 1];
            let modifier = modifiers < 2 && is_modifier(w);
            if is(DETERMINERS, w) {
                k -= 1;
            } else if modifier {
                modifiers += 1;
                k -= 1;
            } else {
                break;
            }
        }
        let prep = (k > 0).then(|| words[k - 1]);
        // A border where something happened is not the country beyond it ("captured a
        // stronghold on the Thai border").
        let border = matches!(
            words.get(a.tokens.end),
            Some(&("border" | "borders" | "frontier"))
        );
        if border && prep.is_some_and(|w| is(LOCATIVE, w) || matches!(w, "at" | "on")) {
            return p.target_at.is_some();
        }
        // "fired at", "shot at": the aim of force is its target.
        let force = matches!(p.code.get(..2), Some("18" | "19" | "20"));
        let prep = prep.filter(|w| !(force && matches!(*w, "at" | "on")));
        // Where the pattern marks the target ("arrived in Amman"), a place may be it.
        places || p.target_at.is_some() || !prep.is_some_and(|w| is(LOCATIVE, w))
    })?;
    // "the head of the Russian Navy Nikolay Evmenov": the person, not the office before it.
    let (i, a) = first;
    if let Some(next) = actors.get(i + 1) {
        if next.tokens.start == a.tokens.end && next.members.iter().any(|m| m.person) {
            return Some(i + 1);
        }
    }
    Some(i)
}

/// Whether a word is most likely a plain noun: lowercase letters, no verb form the table
/// knows, no function word ("refugees", "people", not "continued", "are", "and"). A text that
/// speaks for its author is left out: "a declaration demanding that…" is the author's demand.
fn is_bare_noun(verbs: &VerbTable, w: &str) -> bool {
    w.len() > 2
        && !is_text_noun(w)
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !verbs.is_verb_form(w)
        && !is(BE, w)
        && !is(AUXILIARIES, w)
        && !is(ADVERBS, w)
        && !is(PRONOUNS, w)
        && !is(NEGATION, w)
        && !is(PREPS, w)
        && !is(BREAKS, w)
        && !is(DETERMINERS, w)
        && !is(TIME_WORDS, w)
        && !is(DAYS, w)
        && !matches!(w, "and" | "or" | "but" | "than" | "then" | "also" | "not")
}

/// A text that speaks for its author ("declaration", "report", "resolution").
fn is_text_noun(w: &str) -> bool {
    const TEXTS: &[&str] = &[
        "bill",
        "communique",
        "declaration",
        "decree",
        "law",
        "letter",
        "message",
        "motion",
        "note",
        "petition",
        "proposal",
        "report",
        "resolution",
        "statement",
    ];
    is(TEXTS, w)
}

/// Whether word `i` follows "a" or "an" and up to three words, none a preposition or
/// punctuation ("a key U.S. ally", "an Israeli raid"): with a name right before it (checked by
/// the caller), the head of a noun phrase, for a name after an indefinite article is no subject.
fn indefinite_phrase(words: &[&str], i: usize) -> bool {
    let Some(k) = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| matches!(words[k], "a" | "an"))
    else {
        return false;
    };
    words[k + 1..i].iter().all(|w| {
        w.chars().next().is_some_and(char::is_alphabetic) && !is(PREPS, w) && !is(BREAKS, w)
    })
}

/// Whether the predicate follows "and" or a comma with no subject between (a second verb of
/// the same subject).
fn coordinated(words: &[&str], at: usize, lo: usize) -> bool {
    let mut k = at;
    while k > lo
        && (is(ADVERBS, words[k - 1]) || matches!(words[k - 1], "has" | "have" | "had" | "then"))
    {
        k -= 1;
    }
    k > lo && matches!(words[k - 1], "and" | "or")
}

/// A participle with its agent describing the noun before it, whatever the clause's subject:
/// after a comma, the noun before the comma (", aided by the Russians" after "Assad"; "the
/// Beagle Channel, disputed by…" names no actor); with no comma, the actor it follows
/// ("guerrillas killed by Turkish forces"). `Some` of the patient, an actor or none, when the
/// predicate is one; `None` when it is not.
fn reduced_relative(words: &[&str], actors: &[ActorSpan], p: &Pred) -> Option<Option<usize>> {
    let participle = p.tokens.start > 0
        && words.get(p.tokens.end) == Some(&"by")
        && words[p.head].ends_with("ed");
    if !participle {
        return None;
    }
    if words[p.tokens.start - 1] == "," {
        return Some(
            actors
                .iter()
                .position(|a| a.tokens.end + 1 == p.tokens.start),
        );
    }
    actors
        .iter()
        .position(|a| a.tokens.end == p.tokens.start)
        .map(Some)
}

fn is_passive(words: &[&str], p: &Pred) -> bool {
    // After a form of "be", a verb that is not its "-ing" form is a participle, regular or
    // not ("was attacked", "was shot", "were hit").
    // "is prepared to", "were engaged in": a state, not an act done to the subject.
    let head = words[p.head];
    let next = words.get(p.head + 1).copied();
    // "is opposed to French mediation": an adjective's "to", not a passive ("was extradited to
    // the United States" is one).
    let adjectival = matches!(
        head,
        "opposed" | "committed" | "dedicated" | "devoted" | "linked" | "related" | "attached"
    );
    let stative = (next == Some("to") && (is(PLANNED, head) || adjectival))
        || (next == Some("in")
            && (p.tokens.end > p.head + 1 || matches!(head, "engaged" | "involved" | "embroiled")));
    if p.noun || head.ends_with("ing") || stative {
        return false;
    }
    // After "'s" or "get", only a regular participle ("Russia's support" is no passive).
    let participle = head.ends_with("ed") || head.ends_with("en") || head.ends_with("wn");
    let mut k = p.tokens.start;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        let w = words[k - 1];
        if is(BE, w) {
            return participle || !matches!(w, "'s" | "get" | "got");
        }
        let adverb = is(ADVERBS, w) || (w.len() > 4 && w.ends_with("ly"));
        if !adverb && !is(NEGATION, w) {
            return false;
        }
        k -= 1;
        steps += 1;
    }
    false
}

/// Modality from the words just before the predicate, back to the clause start or a comma.
fn modality_of(words: &[&str], pred: &Range<usize>, lo: usize) -> Modality {
    let at = pred.start;
    let mut planned = false;
    let mut claimed = false;
    let mut k = at;
    let stop = at.saturating_sub(7).max(lo);
    while k > stop {
        let w = words[k - 1];
        if w == "," || w == "." {
            break;
        }
        if is(NEGATION, w) || is(DENYING, w) {
            return Modality::Negated;
        }
        if is(PLANNED, w) || (w == "about" && words.get(k) == Some(&"to")) {
            planned = true;
        }
        if is(CLAIMED, w) {
            claimed = true;
        }
        k -= 1;
    }
    // "exercises scheduled later this year".
    if words.get(pred.end) == Some(&"scheduled") {
        planned = true;
    }
    if planned {
        Modality::Planned
    } else if claimed {
        Modality::Claimed
    } else {
        Modality::Occurred
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coder;

    /// Codes `text` (lowercase, spaced) with actors at the given word ranges.
    fn code(text: &str, spans: &[(usize, usize, &str)]) -> Vec<Coded> {
        code_with(Options::default(), text, spans)
    }

    fn code_with(options: Options, text: &str, spans: &[(usize, usize, &str)]) -> Vec<Coded> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let actors: Vec<ActorSpan> = spans
            .iter()
            .enumerate()
            .map(|(k, &(a, b, code))| ActorSpan {
                tokens: a..b,
                members: vec![Actor {
                    code: code.to_string(),
                    entity: Some(k),
                    name: words[a..b].join(" "),
                    person: false,
                }],
            })
            .collect();
        Coder::new()
            .with_options(options)
            .code_words(&words, &actors)
    }

    fn has(out: &[Coded], root: &str, s: &str, t: Option<&str>, m: Modality) -> bool {
        out.iter().any(|c| {
            c.code.starts_with(root)
                && c.source.code == s
                && c.target.as_ref().map(|x| x.code.as_str()) == t
                && c.modality == m
        })
    }

    #[test]
    fn a_compound_subject_acts_jointly() {
        let out = code(
            "russia and china held joint drills .",
            &[(0, 1, "RUS"), (2, 3, "CHN")],
        );
        assert!(
            has(&out, "062", "RUS", Some("CHN"), Modality::Occurred),
            "{out:?}"
        );
        assert!(
            has(&out, "062", "CHN", Some("RUS"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn the_passive_swaps_the_sides() {
        let out = code(
            "the rebels were bombed by government troops .",
            &[(1, 2, "SYRREB"), (5, 7, "SYRMIL")],
        );
        assert!(
            out.iter().any(|c| c.source.code == "SYRMIL"
                && c.target.as_ref().is_some_and(|t| t.code == "SYRREB")
                && matches!(&c.code[..2], "18" | "19")),
            "{out:?}"
        );
    }

    #[test]
    fn an_irregular_participle_is_passive_too() {
        let out = code(
            "a canadian was shot dead by lebanese gunmen .",
            &[(1, 2, "CAN"), (6, 8, "LBNREB")],
        );
        assert!(
            out.iter()
                .any(|c| c.source.code == "LBNREB"
                    && c.target.as_ref().is_some_and(|t| t.code == "CAN")),
            "{out:?}"
        );
        assert!(!out.iter().any(|c| c.source.code == "CAN"), "{out:?}");
    }

    #[test]
    fn with_no_agent_the_place_stands_for_it() {
        // CAMEO's and PETRARCH's convention: an unnamed agent is the place's.
        let out = code(
            "a canadian missionary was arrested in lebanon .",
            &[(1, 2, "CAN"), (6, 7, "LBN")],
        );
        assert!(
            has(&out, "17", "LBN", Some("CAN"), Modality::Occurred),
            "{out:?}"
        );
        // Not for cooperation, and not for a state ("is prepared to").
        let out = code(
            "a canadian missionary was welcomed in lebanon .",
            &[(1, 2, "CAN"), (6, 7, "LBN")],
        );
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn the_patient_may_stand_inside_the_subject_phrase() {
        let out = code(
            "a camp for congolese refugees was attacked by burundian militiamen .",
            &[(3, 5, "CODREF"), (8, 10, "BDIUAF")],
        );
        assert!(
            out.iter().any(|c| c.source.code == "BDIUAF"
                && c.target.as_ref().is_some_and(|t| t.code == "CODREF")),
            "{out:?}"
        );
    }

    #[test]
    fn ready_to_act_is_the_planned_act() {
        let out = code(
            "iraq is prepared to impose martial law in baghdad .",
            &[(0, 1, "IRQGOV"), (8, 9, "IRQ")],
        );
        assert!(
            out.iter()
                .any(|c| c.code.starts_with("13") && c.modality == Modality::Planned),
            "{out:?}"
        );
        assert!(!out.iter().any(|c| c.code.starts_with("03")), "{out:?}");
    }

    #[test]
    fn a_speech_verb_with_an_act_for_object_is_the_act() {
        let out = code(
            "hizbollah declared a unilateral ceasefire with amal .",
            &[(0, 1, "LBNREB"), (6, 7, "LBNAML")],
        );
        assert!(
            has(&out, "0871", "LBNREB", Some("LBNAML"), Modality::Occurred),
            "{out:?}"
        );
        // "declared that…" still reports words.
        let out = code(
            "hizbollah declared that israel attacked syria .",
            &[(0, 1, "LBNREB"), (3, 4, "ISR"), (5, 6, "SYR")],
        );
        assert!(
            has(&out, "19", "ISR", Some("SYR"), Modality::Claimed),
            "{out:?}"
        );
        assert!(!out.iter().any(|c| c.code.starts_with("087")), "{out:?}");
    }

    #[test]
    fn an_event_noun_a_pattern_took_is_no_event_of_its_own() {
        let out = code(
            "nato will tighten the naval blockade of serbia .",
            &[(0, 1, "IGOWSTNAT"), (7, 8, "SRB")],
        );
        assert!(out.iter().all(|c| c.source.code == "IGOWSTNAT"), "{out:?}");
        assert!(out.iter().any(|c| c.code.starts_with("138")), "{out:?}");
    }

    #[test]
    fn a_speech_after_a_comma_still_leads_into_its_content() {
        // "In a letter, Iraq said it would…": the content follows the verb.
        let out = code(
            "in a letter to the un , iraq said it would allow inspectors of the un .",
            &[(4, 6, "IGOUNO"), (7, 8, "IRQ"), (15, 17, "IGOUNO")],
        );
        assert!(
            has(&out, "035", "IRQ", Some("IGOUNO"), Modality::Planned),
            "{out:?}"
        );
        // "…, Li said during talks" and "…, Li said in a statement" still trail.
        let out = code(
            "china and russia should hold joint drills , li said during talks with evmenov .",
            &[
                (0, 1, "CHN"),
                (2, 3, "RUS"),
                (8, 9, "CHNGOV"),
                (13, 14, "RUSMIL"),
            ],
        );
        assert!(
            out.iter()
                .any(|c| c.source.code == "CHNGOV" && c.code.starts_with("03")),
            "{out:?}"
        );
        // "…, Iraq said on Monday." still trails.
        let out = code(
            "the un will send inspectors , iraq said on monday .",
            &[(1, 2, "IGOUNO"), (6, 7, "IRQ")],
        );
        assert!(!out.iter().any(|c| c.source.code == "IRQ"), "{out:?}");
    }

    #[test]
    fn a_title_is_no_speech_verb() {
        // "Secretary of State X telephoned Y": "state" is a noun.
        let out = code(
            "us secretary of state warren christopher telephoned russian minister kozyrev .",
            &[(0, 1, "USA"), (7, 10, "RUSGOV")],
        );
        assert!(
            has(&out, "041", "USA", Some("RUSGOV"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn what_an_act_is_done_despite_is_not_its_target() {
        let out = code(
            "the council agreed to extend the force in lebanon despite israel 's wish .",
            &[(1, 2, "IGOUNO"), (8, 9, "LBN"), (10, 11, "ISR")],
        );
        assert!(
            !out.iter()
                .any(|c| c.target.as_ref().is_some_and(|t| t.code == "ISR")),
            "{out:?}"
        );
    }

    #[test]
    fn a_speaker_does_not_stand_for_another_subject() {
        // "Officials say gunmen killed…": the officials did not kill.
        let out = code(
            "pakistani officials say gunmen killed three chinese engineers .",
            &[(0, 2, "PAKGOV"), (5, 7, "CHNBUS")],
        );
        assert!(
            !out.iter()
                .any(|c| c.source.code == "PAKGOV" && c.code.starts_with("19")),
            "{out:?}"
        );
        // "Iran said would…" and "Iran said it would…" still do.
        let out = code(
            "iran said it would hold talks with iraq .",
            &[(0, 1, "IRN"), (7, 8, "IRQ")],
        );
        assert!(out.iter().any(|c| c.source.code == "IRN"), "{out:?}");
    }

    #[test]
    fn a_purpose_after_an_object_is_the_subjects_act_on_it() {
        let out = code(
            "nigeria summoned niger 's ambassador to complain of inaction .",
            &[(0, 1, "NGAGOV"), (2, 5, "NERGOV")],
        );
        assert!(
            has(&out, "11", "NGAGOV", Some("NERGOV"), Modality::Occurred),
            "{out:?}"
        );
        // "urged Iran to stop": the object's own act, asked of it.
        let out = code(
            "france urged iran to stop enrichment .",
            &[(0, 1, "FRA"), (2, 3, "IRN")],
        );
        assert!(
            !out.iter()
                .any(|c| c.source.code == "FRA" && c.code.starts_with("19")),
            "{out:?}"
        );
    }

    #[test]
    fn an_office_and_its_holder_are_one_side_of_a_list() {
        let text =
            "libyan leader muammar gaddafi and bulgarian president todor zhivkov signed a treaty .";
        let words: Vec<&str> = text.split_whitespace().collect();
        let span = |a: usize, b: usize, code: &str, person: bool| ActorSpan {
            tokens: a..b,
            members: vec![Actor {
                code: code.to_string(),
                entity: Some(a),
                name: words[a..b].join(" "),
                person,
            }],
        };
        let actors = [
            span(0, 2, "LBYGOV", false),
            span(2, 4, "LBYGOV", true),
            span(5, 7, "BGRGOV", false),
            span(7, 9, "BGRGOV", true),
        ];
        let out = Coder::new().code_words(&words, &actors);
        assert!(
            has(&out, "057", "LBYGOV", Some("BGRGOV"), Modality::Occurred),
            "{out:?}"
        );
        assert!(
            has(&out, "057", "BGRGOV", Some("LBYGOV"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn between_two_sides_whatever_nouns_follow_the_first() {
        let out = code(
            "morocco will host a meeting between an israeli peace movement and the plo .",
            &[(0, 1, "MAR"), (7, 8, "ISR"), (12, 13, "PSEREB")],
        );
        let targets: Vec<&str> = out
            .iter()
            .filter_map(|c| c.target.as_ref().map(|t| t.code.as_str()))
            .collect();
        assert!(
            targets.contains(&"ISR") && targets.contains(&"PSEREB"),
            "{out:?}"
        );
    }

    #[test]
    fn a_threat_is_aimed_at_whom_its_condition_names() {
        let out = code(
            "russia threatened to stop negotiations if the united states goes ahead .",
            &[(0, 1, "RUS"), (7, 9, "USA")],
        );
        assert!(
            has(&out, "13", "RUS", Some("USA"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn a_member_of_an_actor_acts_as_it() {
        let out = code(
            "a member of the syrian parliament started a hunger strike against assad .",
            &[(4, 6, "SYRLEG"), (11, 12, "SYRGOV")],
        );
        assert!(
            out.iter()
                .any(|c| c.code == "142" && c.source.code == "SYRLEG"),
            "{out:?}"
        );
    }

    #[test]
    fn a_participle_after_a_determiner_is_no_act() {
        // "the occupied West Bank", "the outlawed party".
        let out = code(
            "palestinians of the occupied west bank protested .",
            &[(0, 1, "PSE"), (4, 6, "PSE")],
        );
        assert!(!out.iter().any(|c| c.code.starts_with("19")), "{out:?}");
    }

    #[test]
    fn a_purpose_is_the_subjects_past_a_time_phrase() {
        let out = code(
            "uzbekistan opened the bridge after four years to allow the delivery of grain to afghanistan .",
            &[(0, 1, "UZB"), (14, 15, "AFG")],
        );
        assert!(
            has(&out, "0863", "UZB", Some("AFG"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn an_attribution_by_no_actor_still_closes_the_reported_part() {
        // "…, a spokeswoman for the U.S. embassy said": the embassy is no target.
        let out = code(
            "haiti imposed a curfew in haiti , a spokeswoman for the us embassy said .",
            &[(0, 1, "HTIGOV"), (5, 6, "HTI"), (11, 13, "USAGOV")],
        );
        assert!(
            !out.iter()
                .any(|c| c.target.as_ref().is_some_and(|t| t.code == "USAGOV")),
            "{out:?}"
        );
    }

    #[test]
    fn believed_to_is_a_claim_not_a_speech() {
        // The agent after the comma still counts: "…, believed to have been embezzled, by …".
        let out = code(
            "aristide was accused of misusing funds , much of it believed to have been embezzled , by haitian officials .",
            &[(0, 1, "HTIELI"), (18, 20, "HTIGOV")],
        );
        assert!(
            has(&out, "112", "HTIGOV", Some("HTIELI"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn a_complaint_is_about_what_it_names_not_to_whom() {
        let out = code(
            "lebanon complained to the un over israeli air raids .",
            &[(0, 1, "LBN"), (4, 5, "IGOUNO"), (6, 7, "ISR")],
        );
        assert!(
            has(&out, "11", "LBN", Some("ISR"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn a_ceasefire_after_battles_is_not_made_with_the_foe_of_the_battles() {
        let out = code(
            "hizbollah declared a ceasefire after days of battles with amal .",
            &[(0, 1, "LBNREB"), (9, 10, "LBNAML")],
        );
        assert!(!out.iter().any(|c| c.target.is_some()), "{out:?}");
    }

    #[test]
    fn exercises_together_are_cooperation_alone_a_show_of_force() {
        let out = code(
            "russia and china held naval drills on monday .",
            &[(0, 1, "RUS"), (2, 3, "CHN")],
        );
        assert!(
            has(&out, "062", "RUS", Some("CHN"), Modality::Occurred),
            "{out:?}"
        );
        assert!(
            has(&out, "062", "CHN", Some("RUS"), Modality::Occurred),
            "{out:?}"
        );
        let out = code("iran held military exercises on monday .", &[(0, 1, "IRN")]);
        assert!(has(&out, "150", "IRN", None, Modality::Occurred), "{out:?}");
    }

    #[test]
    fn what_a_rejected_offer_offered_did_not_happen() {
        let out = code(
            "arafat rejected a us offer to host a summit between israel and syria .",
            &[
                (0, 1, "PSEGOV"),
                (3, 4, "USA"),
                (10, 11, "ISR"),
                (12, 13, "SYR"),
            ],
        );
        assert!(out.iter().any(|c| c.code.starts_with("12")), "{out:?}");
        assert!(!out.iter().any(|c| c.source.code == "USA"), "{out:?}");
    }

    #[test]
    fn a_participle_after_a_comma_with_its_agent_describes_a_noun() {
        let out = code(
            "a brazilian ship sailed in the channel , disputed by argentina and chile .",
            &[(1, 2, "BRA"), (10, 11, "ARG"), (12, 13, "CHL")],
        );
        assert!(!out.iter().any(|c| c.code.starts_with("11")), "{out:?}");
    }

    #[test]
    fn reported_plans_are_the_speakers_intent() {
        let out = code(
            "li said china and russia should hold joint drills .",
            &[(0, 1, "CHNGOV"), (2, 3, "CHN"), (4, 5, "RUS")],
        );
        assert!(
            has(&out, "0312", "CHNGOV", Some("RUS"), Modality::Planned),
            "{out:?}"
        );
        assert!(!out.iter().any(|c| c.code.starts_with("06")), "{out:?}");
    }

    #[test]
    fn cooperation_that_will_not_happen_is_refused() {
        let out = code(
            "chile will not meet bolivia 's president .",
            &[(0, 1, "CHL"), (4, 7, "BOLGOV")],
        );
        assert!(
            has(&out, "125", "CHL", Some("BOLGOV"), Modality::Occurred),
            "{out:?}"
        );
        let out = code(
            "chile did not meet bolivia 's president .",
            &[(0, 1, "CHL"), (4, 7, "BOLGOV")],
        );
        assert!(
            has(&out, "04", "CHL", Some("BOLGOV"), Modality::Negated),
            "{out:?}"
        );
    }

    #[test]
    fn an_act_demanded_in_a_that_clause_is_not_coded_as_done() {
        let out = code(
            "the union renewed its demand that chile ease restrictions on bolivia .",
            &[(6, 7, "CHL"), (10, 11, "BOL")],
        );
        assert!(!out.iter().any(|c| c.code.starts_with("08")), "{out:?}");
    }

    #[test]
    fn light_verbs_in_their_forms() {
        for w in [
            "held",
            "holds",
            "staged",
            "stages",
            "carried",
            "carrying",
            "organized",
            "began",
            "launches",
            "continuing",
            "made",
            "paid",
            "goes",
        ] {
            assert!(is_light(w), "{w}");
        }
        for w in ["demanded", "rejected", "condemned", "opposed", "welcomed"] {
            assert!(!is_light(w), "{w}");
        }
    }

    #[test]
    fn a_place_after_a_preposition_is_no_subject_past_its_compass_word() {
        let out = code(
            "rockets fell near the southern thai border , killing five people .",
            &[(5, 6, "THA")],
        );
        assert!(!out.iter().any(|c| c.source.code == "THA"), "{out:?}");
        assert!(is_compass("north-western") && is_compass("northeastern") && is_compass("south"));
        assert!(!is_compass("thai") && !is_compass("northerner"));
    }

    #[test]
    fn reported_force_by_another_is_an_accusation() {
        let out = code(
            "china said the us attacked iraq .",
            &[(0, 1, "CHN"), (3, 4, "USA"), (5, 6, "IRQ")],
        );
        assert!(
            has(&out, "112", "CHN", Some("USA"), Modality::Occurred),
            "{out:?}"
        );
        assert!(
            out.iter()
                .any(|c| c.source.code == "USA" && c.modality == Modality::Claimed),
            "{out:?}"
        );
    }

    #[test]
    fn what_another_must_do_is_a_demand() {
        let out = code(
            "france said iraq must cooperate with the inspectors .",
            &[(0, 1, "FRA"), (2, 3, "IRQ")],
        );
        assert!(
            has(&out, "10", "FRA", Some("IRQ"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn what_a_demand_asks_is_not_coded_as_done() {
        let out = code(
            "china demanded that the us cancel plans to sell weapons to taiwan .",
            &[(0, 1, "CHN"), (4, 5, "USA"), (11, 12, "TWN")],
        );
        assert!(
            has(&out, "10", "CHN", Some("USA"), Modality::Occurred),
            "{out:?}"
        );
        assert!(out.iter().all(|c| c.source.code != "USA"), "{out:?}");
    }

    #[test]
    fn a_fight_needs_a_foe() {
        let out = code("the us dollar struggled .", &[(1, 2, "USA")]);
        assert!(out.is_empty(), "{out:?}");
        let out = code("russia fought ukraine .", &[(0, 1, "RUS"), (2, 3, "UKR")]);
        assert!(
            has(&out, "19", "RUS", Some("UKR"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn a_refusal_is_a_rejection() {
        let out = code(
            "israel refused to meet jordan .",
            &[(0, 1, "ISR"), (4, 5, "JOR")],
        );
        assert!(
            has(&out, "12", "ISR", Some("JOR"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn negation_and_plans() {
        let out = code(
            "russia did not attack ukraine .",
            &[(0, 1, "RUS"), (4, 5, "UKR")],
        );
        assert!(
            has(&out, "19", "RUS", Some("UKR"), Modality::Negated),
            "{out:?}"
        );
        let out = code(
            "russia will attack ukraine .",
            &[(0, 1, "RUS"), (3, 4, "UKR")],
        );
        assert!(
            has(&out, "138", "RUS", Some("UKR"), Modality::Planned),
            "{out:?}"
        );
        let out = code(
            "russia allegedly attacked ukraine .",
            &[(0, 1, "RUS"), (3, 4, "UKR")],
        );
        assert!(
            has(&out, "19", "RUS", Some("UKR"), Modality::Claimed),
            "{out:?}"
        );
    }

    #[test]
    fn a_demand_names_the_subject_of_its_clause() {
        let out = code(
            "china demanded that the us cancel the sale .",
            &[(0, 1, "CHN"), (4, 5, "USA")],
        );
        assert!(
            has(&out, "10", "CHN", Some("USA"), Modality::Occurred),
            "{out:?}"
        );
    }

    #[test]
    fn a_place_is_the_target_only_when_nothing_else_is() {
        let text = "russia attacked positions in syria .";
        let spans = [(0, 1, "RUS"), (4, 5, "SYR")];
        // CAMEO's reading, and the default: where the force landed is whom it concerned.
        let out = code(text, &spans);
        assert!(
            has(&out, "19", "RUS", Some("SYR"), Modality::Occurred),
            "{out:?}"
        );
        // Without the convention, a place is only where (and a fight needs a foe named).
        let off = Options {
            locative_targets: false,
            ..Options::default()
        };
        let out = code_with(off, text, &spans);
        assert!(!out.iter().any(|c| c.target.is_some()), "{out:?}");
        // A named target wins over the place.
        let out = code(
            "russia attacked turkish troops in syria .",
            &[(0, 1, "RUS"), (2, 4, "TURMIL"), (5, 6, "SYR")],
        );
        assert!(
            has(&out, "19", "RUS", Some("TURMIL"), Modality::Occurred),
            "{out:?}"
        );
        assert!(
            !out.iter()
                .any(|c| c.target.as_ref().is_some_and(|t| t.code == "SYR")),
            "{out:?}"
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            ",",
            "that that that",
            "( ( (",
            "said said said",
            "to to",
        ] {
            let words: Vec<&str> = text.split_whitespace().collect();
            let n = words.len();
            let spans: Vec<(usize, usize, &str)> = if n > 0 { vec![(0, 1, "USA")] } else { vec![] };
            let _ = code(text, &spans);
        }
    }
}
