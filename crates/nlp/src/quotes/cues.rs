//! The words that tie a quote to its speaker: verbs of saying, and the words that may stand
//! between a speaker and the verb.

/// Verbs of saying and writing, every form, lowercase and sorted. Two-word cues ("pointed out",
/// "according to") are in [`cue_at`].
const VERBS: &[&str] = &[
    "accused",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "advised",
    "advises",
    "advising",
    "agreed",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answered",
    "answering",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "barked",
    "beamed",
    "begged",
    "blasted",
    "blogged",
    "boasted",
    "boasts",
    "bragged",
    "brags",
    "branded",
    "called",
    "calling",
    "calls",
    "cautioned",
    "cautioning",
    "cautions",
    "chanted",
    "charged",
    "cheered",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "commanded",
    "commented",
    "complained",
    "complaining",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conceding",
    "concluded",
    "concludes",
    "concluding",
    "confirmed",
    "contended",
    "contends",
    "continued",
    "continues",
    "countered",
    "counters",
    "credited",
    "criticised",
    "criticized",
    "deadpanned",
    "declare",
    "declared",
    "declares",
    "declaring",
    "decried",
    "decrying",
    "demanded",
    "demanding",
    "described",
    "describes",
    "describing",
    "dismissed",
    "dismissing",
    "dubbed",
    "echoed",
    "echoing",
    "elaborated",
    "elaborating",
    "emphasise",
    "emphasised",
    "emphasises",
    "emphasising",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasizing",
    "exclaimed",
    "explain",
    "explained",
    "explaining",
    "explains",
    "fumed",
    "gushed",
    "hailed",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "interrupted",
    "interrupting",
    "joked",
    "jokes",
    "joking",
    "labeled",
    "labeling",
    "labelled",
    "lambasted",
    "lamented",
    "lamenting",
    "maintained",
    "maintains",
    "mocked",
    "mocks",
    "mused",
    "note",
    "noted",
    "notes",
    "noting",
    "observed",
    "opined",
    "pleaded",
    "pledged",
    "pledging",
    "posted",
    "praised",
    "praising",
    "predicted",
    "predicting",
    "predicts",
    "pressed",
    "proclaimed",
    "promised",
    "promises",
    "promising",
    "questioned",
    "quipped",
    "quips",
    "raged",
    "reacted",
    "reads",
    "reasoned",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "referred",
    "referring",
    "reiterated",
    "remarked",
    "remembered",
    "repeated",
    "replied",
    "replies",
    "replying",
    "reported",
    "reports",
    "responded",
    "responding",
    "responds",
    "retorted",
    "retorts",
    "ridiculed",
    "said",
    "sang",
    "say",
    "saying",
    "says",
    "screamed",
    "shouted",
    "singing",
    "sings",
    "slammed",
    "snapped",
    "sniffed",
    "speaking",
    "spoke",
    "stated",
    "stating",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "suggested",
    "suggests",
    "swore",
    "tell",
    "telling",
    "tells",
    "testified",
    "thanked",
    "threatened",
    "thundered",
    "told",
    "touted",
    "touting",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "vowed",
    "vowing",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "welcomed",
    "whispered",
    "wondered",
    "wondering",
    "write",
    "writes",
    "writing",
    "wrote",
    "yelled",
];

/// Words that may stand between a speaker and the verb ("Li *also* said", "he *later* told",
/// "Clinton *on Tuesday* said"), lowercase and sorted.
const BETWEEN: &[&str] = &[
    "'d",
    "'s",
    "again",
    "already",
    "also",
    "always",
    "angrily",
    "bluntly",
    "calmly",
    "can",
    "candidly",
    "clearly",
    "could",
    "defiantly",
    "did",
    "directly",
    "earlier",
    "emphatically",
    "even",
    "eventually",
    "ever",
    "famously",
    "finally",
    "firmly",
    "flatly",
    "frequently",
    "friday",
    "further",
    "had",
    "has",
    "have",
    "initially",
    "just",
    "last",
    "later",
    "latter",
    "may",
    "might",
    "monday",
    "morning",
    "must",
    "n't",
    "never",
    "night",
    "not",
    "often",
    "on",
    "once",
    "only",
    "openly",
    "personally",
    "previously",
    "privately",
    "proudly",
    "publicly",
    "quickly",
    "quietly",
    "recently",
    "repeatedly",
    "reportedly",
    "saturday",
    "separately",
    "sharply",
    "should",
    "simply",
    "since",
    "soon",
    "subsequently",
    "sunday",
    "then",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "will",
    "would",
    "yesterday",
    "’d",
    "’s",
];

/// Words that never stand in a speaker's noun phrase: between a quote and its verb they mean
/// the verb belongs to another clause ("“…,” *when* asked").
pub fn breaks_subject(lower: &str) -> bool {
    matches!(
        lower,
        "when"
            | "as"
            | "while"
            | "after"
            | "before"
            | "if"
            | "because"
            | "since"
            | "until"
            | "where"
            | "which"
            | "what"
            | "that"
            | "to"
            | "and"
            | "but"
            | "or"
            | "so"
            | "with"
            | "in"
            | "on"
            | "at"
            | "by"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "not"
            | "than"
            | "whether"
            | "though"
            | "although"
    )
}

/// Prepositions: a name right after one is no subject ("a spokesman *for* Sanders said").
pub fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for"
            | "from"
            | "by"
            | "with"
            | "to"
            | "in"
            | "on"
            | "at"
            | "about"
            | "against"
            | "like"
            | "than"
            | "into"
            | "toward"
            | "towards"
            | "among"
            | "between"
            | "during"
            | "after"
            | "before"
            | "since"
            | "until"
            | "despite"
            | "under"
            | "over"
            | "through"
    )
}

/// Subject pronouns: a speaker the text gives, though perhaps not one the entity stage resolved.
pub fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "we" | "i" | "you" | "it" | "who" | "one"
    )
}

/// Whether `lower` may stand between a speaker and the verb.
pub fn is_between(lower: &str) -> bool {
    BETWEEN.binary_search(&lower).is_ok()
}

/// The cue that starts at token `i` of `lower` (lowercase tokens): the token after it, or
/// `None` when no cue starts there.
pub fn cue_at(lower: &[impl AsRef<str>], i: usize) -> Option<usize> {
    let w = lower.get(i)?.as_ref();
    let next = lower.get(i + 1).map(AsRef::as_ref);
    match (w, next) {
        ("according", Some("to")) => Some(i + 2),
        ("pointed" | "points" | "pointing", Some("out")) => Some(i + 2),
        ("shot" | "fired" | "hit" | "wrote" | "writes", Some("back")) => Some(i + 2),
        _ => VERBS.binary_search(&w).is_ok().then_some(i + 1),
    }
}

/// Whether the cue at `i` is a plain verb of saying ("said", "told", "added", "wrote"), not
/// one that also describes an act ("criticized", "thanked", "called"): after a quote that
/// ended its sentence, only these tie the next clause to it.
pub fn is_plain(lower: &[impl AsRef<str>], i: usize) -> bool {
    let w = lower[i].as_ref();
    let stem = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix("es"))
        .or_else(|| w.strip_suffix('s'))
        .or_else(|| w.strip_suffix('d'))
        .unwrap_or(w);
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "pointed"
            | "points"
            | "went"
            | "according"
    ) || matches!(
        stem,
        "add"
            | "ask"
            | "continu"
            | "explain"
            | "not"
            | "repli"
            | "respond"
            | "insist"
            | "argu"
            | "warn"
            | "stress"
            | "emphasiz"
            | "emphasis"
            | "recall"
            | "tweet"
            | "declar"
            | "stat"
            | "conclud"
            | "quipp"
            | "quip"
            | "jok"
            | "acknowledg"
            | "admitt"
            | "admit"
            | "conced"
            | "answer"
            | "remark"
            | "observ"
            | "retort"
            | "counter"
            | "mus"
            | "elaborat"
            | "interject"
            | "exclaim"
            | "shout"
            | "yell"
            | "predict"
            | "wonder"
    )
}

/// Whether the cue at `i` is a participle ("adding", "saying"): its speaker is the subject of
/// the clause it hangs from, not a word before it.
pub fn is_participle(lower: &[impl AsRef<str>], i: usize) -> bool {
    let w = lower[i].as_ref();
    w.ends_with("ing") && w != "according"
}

/// Whether the cue at `i` is "according to".
pub fn is_according(lower: &[impl AsRef<str>], i: usize) -> bool {
    lower[i].as_ref() == "according"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted() {
        for list in [VERBS, BETWEEN] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn cues() {
        let words: Vec<String> = ["he", "pointed", "out", "according", "to", "said", "says"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(cue_at(&words, 0), None);
        assert_eq!(cue_at(&words, 1), Some(3));
        assert_eq!(cue_at(&words, 3), Some(5));
        assert_eq!(cue_at(&words, 5), Some(6));
        assert_eq!(cue_at(&words, 9), None);
    }
}
