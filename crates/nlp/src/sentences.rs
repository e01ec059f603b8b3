//! Sentence boundaries: a rule-based splitter over byte spans.
//!
//! A sentence ends at a run of terminal punctuation (`.`, `?`, `!`, `…`, the CJK `。`, `？`, `！`,
//! and the full stops and question marks of Devanagari, Arabic, Armenian and Ethiopic) together
//! with any closing quotes or brackets right after it, when what follows reads as the start of a
//! new sentence. The rules that keep a run from ending a sentence:
//!
//! * the next word starts with a lowercase letter (`"Go home!" she shouted.`, `etc. and`,
//!   `3 p.m. local time`, `wait... what`);
//! * the run is not followed by whitespace (`3.5`, `U.S.`, `example.com`) — except after a CJK
//!   terminator, which needs no space;
//! * the word before a lone `.` is a title or a fixed abbreviation (`Dr.`, `Gen.`, `vs.`, `e.g.`),
//!   an initial (`J. R. R. Tolkien`), a month or a numbering word followed by a number
//!   (`Jan. 3`, `No. 5`), a dotted acronym not followed by a typical sentence opener
//!   (`the U.S. Navy` but `the U.S. He`), or a list number opening the sentence (`1. First`).
//!
//! Sentences never cross a paragraph boundary, and their spans leave out surrounding whitespace.
//! The splitter runs in linear time and accepts any UTF-8 text and any span list.

use annalist_core::Span;

/// Splits `text` into sentences, never across a paragraph boundary.
///
/// Each of `paragraphs` (byte spans into `text`) is split on its own; an empty list means the
/// whole text is one paragraph. Spans outside `text` are clipped and spans that do not fall on
/// character boundaries are narrowed to the characters inside them, so no input panics. The
/// result is a list of byte spans, in paragraph order, each trimmed of surrounding whitespace.
///
/// ```
/// use annalist_core::Span;
/// use annalist_nlp::sentences::split;
///
/// let text = "“We will win.” He left. \"Go home!\" she shouted.";
/// let spans = split(text, &[]);
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(sentences, ["“We will win.”", "He left.", "\"Go home!\" she shouted."]);
/// ```
pub fn split(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut sentences = Vec::new();
    if paragraphs.is_empty() {
        split_paragraph(text, 0, &mut sentences);
        return sentences;
    }
    for paragraph in paragraphs {
        if let Some((start, end)) = clip(text, *paragraph) {
            split_paragraph(&text[start..end], start, &mut sentences);
        }
    }
    sentences
}

/// `span` clipped to `text` and narrowed to character boundaries, or `None` when nothing is left.
fn clip(text: &str, span: Span) -> Option<(usize, usize)> {
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = span.start;
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    (start < end).then_some((start, end))
}

/// Pushes the sentences of one paragraph, `para`, which starts at byte `offset` of the text.
///
/// Works on byte offsets into `para` (always at char boundaries) rather than a copy of its
/// chars, so that its memory does not grow with the paragraph's length.
fn split_paragraph(para: &str, offset: usize, out: &mut Vec<Span>) {
    let mut sentence_start = 0;
    let mut i = 0;
    let bytes = para.as_bytes();
    while i < bytes.len() {
        // The only ASCII terminators are '.', '?' and '!': other ASCII bytes are passed over
        // without decoding a char.
        if bytes[i] < 0x80 && !matches!(bytes[i], b'.' | b'?' | b'!') {
            i += 1;
            continue;
        }
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run_end = skip_while(para, i, is_terminator);
        let closed = skip_while(para, run_end, is_closer);
        let candidate = Candidate {
            para,
            run: i..run_end,
            after: closed,
            sentence_start,
        };
        if candidate.ends_sentence() {
            push_trimmed(para, offset, sentence_start, closed, out);
            sentence_start = closed;
        }
        i = closed;
    }
    push_trimmed(para, offset, sentence_start, para.len(), out);
}

/// Pushes `para[start..end]` without its surrounding whitespace, shifted by `offset`, unless it
/// is blank.
fn push_trimmed(para: &str, offset: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &para[start..end];
    let trimmed = piece.trim_start();
    if trimmed.is_empty() {
        return;
    }
    let s = start + (piece.len() - trimmed.len());
    let e = s + trimmed.trim_end().len();
    out.push(Span::new(offset + s, offset + e));
}

/// The byte offset of the first char of `para` at or after byte `from` that fails `pred`.
fn skip_while(para: &str, from: usize, pred: impl Fn(char) -> bool) -> usize {
    para[from..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(para.len(), |(at, _)| from + at)
}

/// Punctuation that may end a sentence: Latin, CJK, Devanagari (`।`), Arabic and Urdu (`؟`,
/// `۔`), Armenian (`։`) and Ethiopic (`።`). (Of ASCII, only `.`, `?` and `!`:
/// [`split_paragraph`] relies on it, and `ascii_terminators` checks it.)
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '？'
            | '！'
            | '｡'
            | '।'
            | '॥'
            | '؟'
            | '۔'
            | '։'
            | '።'
    )
}

/// CJK terminators, which end a sentence without a following space.
fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '？' | '！' | '｡')
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '］'
            | '〉'
            | '》'
    )
}

/// Opening quotes and brackets that may precede the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '¿'
            | '¡'
    )
}

/// One run of terminal punctuation and its surroundings, to be judged. Positions are byte
/// offsets into the paragraph.
struct Candidate<'a> {
    /// The paragraph.
    para: &'a str,
    /// The terminator run.
    run: std::ops::Range<usize>,
    /// The first char after the run and its closing quotes or brackets.
    after: usize,
    /// The first char of the current sentence.
    sentence_start: usize,
}

impl Candidate<'_> {
    /// True when the sentence ends after this run (and its closers).
    fn ends_sentence(&self) -> bool {
        let run = &self.para[self.run.clone()];
        if run.chars().any(is_cjk_terminator) {
            return true;
        }
        match self.para[self.after..].chars().next() {
            None => return true,
            Some(c) if !c.is_whitespace() => return false,
            Some(_) => {}
        }
        let Some(next) = self.next_word() else {
            // Only whitespace and opening quotes remain: keep them with this sentence.
            return false;
        };
        if next.first().is_some_and(|c| c.is_lowercase()) {
            return false;
        }
        let lone_period = run == ".";
        let closed = self.after > self.run.end;
        if !lone_period || closed {
            return true;
        }
        !self.is_abbreviation(&next)
    }

    /// The chars of the word that follows, after whitespace and opening quotes (up to 24 chars,
    /// enough to compare with a word list); `None` at the end of the paragraph.
    fn next_word(&self) -> Option<Vec<char>> {
        let start = skip_while(self.para, self.after, |c| c.is_whitespace() || is_opener(c));
        let rest = &self.para[start..];
        let first = rest.chars().next()?;
        let word = rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .take(24)
            .collect::<Vec<_>>();
        // A symbol or punctuation mark starts the next sentence: give it as a one-char word.
        Some(if word.is_empty() { vec![first] } else { word })
    }

    /// The word before the run, without a leading opening quote or bracket (at most 32 chars;
    /// longer words are no abbreviations).
    fn word_before(&self) -> (usize, String) {
        let mut start = self.run.start;
        let before = self.para[self.sentence_start..self.run.start].chars().rev();
        for c in before.take(32) {
            if c.is_whitespace() || is_opener(c) {
                break;
            }
            start -= c.len_utf8();
        }
        (start, self.para[start..self.run.start].to_string())
    }

    /// True when the lone period of this run belongs to an abbreviation (or an initial, or a
    /// list number) rather than ending the sentence; `next` is the following word.
    fn is_abbreviation(&self, next: &[char]) -> bool {
        let (word_start, word) = self.word_before();
        if word.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        let next_is_number = next.first().is_some_and(|c| c.is_ascii_digit());
        if ALWAYS_ABBREVIATIONS.contains(&lower.as_str()) {
            return true;
        }
        if NUMBERED_ABBREVIATIONS.contains(&lower.as_str())
            || MONTH_ABBREVIATIONS.contains(&lower.as_str())
        {
            return next_is_number;
        }
        if is_initial(&word) {
            return true;
        }
        if let Some(upper) = dotted_acronym(&word) {
            let next: String = next.iter().collect();
            return if upper {
                !SENTENCE_OPENERS.contains(&next.as_str())
            } else {
                CALENDAR_WORDS.contains(&next.as_str()) || is_all_caps(&next)
            };
        }
        self.opens_sentence(word_start) && is_enumerator(&word)
    }

    /// True when only whitespace and opening quotes stand between the sentence's start and
    /// byte `index`.
    fn opens_sentence(&self, index: usize) -> bool {
        self.para[self.sentence_start..index]
            .chars()
            .all(|c| c.is_whitespace() || is_opener(c))
    }
}

/// A single capital letter, as in `J. R. R. Tolkien`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// For a dotted acronym without its final period (`U.S`, `p.m`, `Ph.D`), whether it starts with
/// a capital; `None` for any other word.
fn dotted_acronym(word: &str) -> Option<bool> {
    let mut parts = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 2 || !part.chars().all(char::is_alphabetic) {
            return None;
        }
        parts += 1;
    }
    (parts >= 2).then(|| word.starts_with(|c: char| c.is_uppercase()))
}

/// A list number or letter that opens a sentence: `1`, `12`, `IV`, `b`.
fn is_enumerator(word: &str) -> bool {
    let short = word.chars().count() <= 3;
    short
        && (word.chars().all(|c| c.is_ascii_digit())
            || word.chars().all(|c| "IVXLivxl".contains(c))
            || word.chars().count() == 1)
}

/// True for a word of two or more letters, all capitals (`GMT`, `EST`).
fn is_all_caps(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(char::is_uppercase)
}

/// Abbreviations whose period never ends a sentence: titles before names and Latin shorthands.
const ALWAYS_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "messrs", "mme", "mlle", "dr", "prof", "gen", "col", "lt", "maj",
    "capt", "cpt", "cmdr", "adm", "brig", "sgt", "cpl", "pvt", "sen", "rep", "gov", "pres", "supt",
    "insp", "rev", "fr", "hon", "st", "mt", "ft", "vs", "v", "e.g", "i.e", "cf", "viz", "approx",
    "ca", "incl", "esp",
];

/// Abbreviations that do not end a sentence when a number follows (`No. 5`, `Fig. 2`).
const NUMBERED_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "nr", "fig", "figs", "vol", "art", "ch", "sec", "para", "pp", "p",
];

/// Month abbreviations, which do not end a sentence when a day follows (`Jan. 3`).
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that typically open a sentence: after a capital acronym (`U.S.`) they mean the acronym
/// ended the sentence; any other capitalised word is read as part of a name (`U.S. Navy`).
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
    "There", "But", "And", "Yet", "So", "In", "On", "At", "For", "His", "Her", "Its", "Their",
    "Our", "Some", "Many", "Most", "After", "Before", "When", "While", "Meanwhile", "However",
    "Also", "Still", "Now", "Then", "If", "As", "Such", "What",
];

/// Weekdays and months, which follow a time (`3 p.m. Monday`) without starting a sentence.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_terminators() {
        let ascii: Vec<char> = (0u8..0x80)
            .map(char::from)
            .filter(|&c| is_terminator(c))
            .collect();
        assert_eq!(ascii, ['!', '.', '?']);
    }

    /// The sentences of `text` (one paragraph) as strings.
    fn sentences(text: &str) -> Vec<&str> {
        split(text, &[])
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &[]),
            ("One.", &["One."]),
            ("No terminal punctuation", &["No terminal punctuation"]),
            ("It rained. It poured.", &["It rained.", "It poured."]),
            ("Why? Because! Fine.", &["Why?", "Because!", "Fine."]),
            ("Really?! Yes.", &["Really?!", "Yes."]),
            ("  padded.   Second.  ", &["padded.", "Second."]),
            (
                "Dr. Smith went to the U.S. on Jan. 3. He stayed.",
                &["Dr. Smith went to the U.S. on Jan. 3.", "He stayed."],
            ),
            (
                "Mr. and Mrs. Ray met Ms. Oduya.",
                &["Mr. and Mrs. Ray met Ms. Oduya."],
            ),
            (
                "Prof. Ada Lind and Gen. Ora Vale spoke.",
                &["Prof. Ada Lind and Gen. Ora Vale spoke."],
            ),
            (
                "Col. Ek, Lt. Roe and Sen. Amos came.",
                &["Col. Ek, Lt. Roe and Sen. Amos came."],
            ),
            (
                "Rep. Hill met Gov. Park at St. Olaf.",
                &["Rep. Hill met Gov. Park at St. Olaf."],
            ),
            (
                "It rose 3.5 percent. Then it fell.",
                &["It rose 3.5 percent.", "Then it fell."],
            ),
            (
                "The U.S. Navy sailed. The U.K. Army too.",
                &["The U.S. Navy sailed.", "The U.K. Army too."],
            ),
            (
                "He flew to the U.S. He stayed.",
                &["He flew to the U.S.", "He stayed."],
            ),
            (
                "It ends Sept. 30 and Dec. 1. Then more.",
                &["It ends Sept. 30 and Dec. 1.", "Then more."],
            ),
            (
                "They met in Feb. Then they split.",
                &["They met in Feb.", "Then they split."],
            ),
            (
                "See No. 5 now. No. That is all.",
                &["See No. 5 now.", "No.", "That is all."],
            ),
            ("Team A vs. Team B ended.", &["Team A vs. Team B ended."]),
            (
                "Apples, pears, etc. are fruit. Etc. Next.",
                &["Apples, pears, etc. are fruit.", "Etc.", "Next."],
            ),
            (
                "Bring fruit, e.g. Apples. Or i.e. Pears.",
                &["Bring fruit, e.g. Apples.", "Or i.e. Pears."],
            ),
            (
                "J. R. R. Tolkien wrote it.",
                &["J. R. R. Tolkien wrote it."],
            ),
            (
                "At 3 p.m. local time. At 4 p.m. Monday it ended.",
                &["At 3 p.m. local time.", "At 4 p.m. Monday it ended."],
            ),
            (
                "It ends at 5 p.m. The rest waits.",
                &["It ends at 5 p.m.", "The rest waits."],
            ),
            (
                "Wait... what? Go... Now.",
                &["Wait... what?", "Go...", "Now."],
            ),
            ("Hmm… fine. Ok… Next.", &["Hmm… fine.", "Ok…", "Next."]),
            (
                "“Ties reach a new level,” Li said. Next.",
                &["“Ties reach a new level,” Li said.", "Next."],
            ),
            ("“We will win.” He left.", &["“We will win.”", "He left."]),
            ("\"Go home!\" she shouted.", &["\"Go home!\" she shouted."]),
            (
                "He asked, \"Why?\" Nobody knew.",
                &["He asked, \"Why?\"", "Nobody knew."],
            ),
            ("(It was late.) We left.", &["(It was late.)", "We left."]),
            (
                "She left. \"Enough,\" he said.",
                &["She left.", "\"Enough,\" he said."],
            ),
            (
                "Visit example.com. It works.",
                &["Visit example.com.", "It works."],
            ),
            (
                "1. First item here. 2. Second one.",
                &["1. First item here.", "2. Second one."],
            ),
            ("In 2022. 15 people came.", &["In 2022.", "15 people came."]),
            (
                "今日は晴れ。明日は雨！本当？",
                &["今日は晴れ。", "明日は雨！", "本当？"],
            ),
            ("「行く。」彼は言った。", &["「行く。」", "彼は言った。"]),
            ("Он пришёл. Она ушла.", &["Он пришёл.", "Она ушла."]),
            ("वह आया। वह गया।", &["वह आया।", "वह गया।"]),
            ("هل جاء؟ نعم.", &["هل جاء؟", "نعم."]),
            ("End with quote.\"", &["End with quote.\""]),
            ("Trailing opener. \"", &["Trailing opener. \""]),
            ("Line one.\nLine two.", &["Line one.", "Line two."]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "text {text:?}");
        }
    }

    #[test]
    fn never_crosses_paragraphs() {
        let text = "First para has no stop\n\nSecond one. Has two.";
        let paragraphs = [Span::new(0, 22), Span::new(24, text.len())];
        let spans = split(text, &paragraphs);
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["First para has no stop", "Second one.", "Has two."]);
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let text = "é. Ü? 日本。";
        let cases = [
            Span::new(0, 100),
            Span::new(1, 3),
            Span::new(5, 2),
            Span::new(50, 60),
            Span::new(0, 0),
            Span::new(0, text.len()),
        ];
        for span in cases {
            for s in split(text, &[span]) {
                assert!(
                    s.start < s.end && s.end <= text.len(),
                    "{span:?} gave {s:?}"
                );
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }

    #[test]
    fn byte_offsets_with_wide_chars() {
        let text = "Ärger kam. “Süß,” sagte sie.";
        let spans = split(text, &[]);
        assert_eq!(spans, vec![Span::new(0, 11), Span::new(12, text.len())]);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Text rich in the characters the splitter looks at.
        fn texty() -> impl Strategy<Value = String> {
            proptest::string::string_regex("([a-zA-Z0-9 .?!…。「」“”\"'()\n\tÄé日]{0,12}){0,12}")
                .unwrap()
        }

        proptest! {
            #[test]
            fn sentences_are_ordered_trimmed_and_cover_the_text(text in texty()) {
                let spans = split(&text, &[]);
                let mut last_end = 0;
                for s in &spans {
                    prop_assert!(last_end <= s.start && s.start < s.end && s.end <= text.len());
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                    let piece = &text[s.start..s.end];
                    prop_assert_eq!(piece.trim(), piece);
                    prop_assert!(text[last_end..s.start].trim().is_empty());
                    last_end = s.end;
                }
                prop_assert!(text[last_end..].trim().is_empty());
            }

            #[test]
            fn any_spans_stay_inside_their_paragraph(
                text in "\\PC{0,40}",
                raw in proptest::collection::vec((0usize..60, 0usize..60), 0..4),
            ) {
                let paragraphs: Vec<Span> = raw.iter().map(|&(a, b)| Span::new(a, b)).collect();
                let whole = [Span::new(0, text.len())];
                let bounds = if paragraphs.is_empty() { &whole[..] } else { &paragraphs[..] };
                for s in split(&text, &paragraphs) {
                    prop_assert!(s.start < s.end && s.end <= text.len());
                    prop_assert!(bounds.iter().any(|p| p.start <= s.start && s.end <= p.end));
                }
            }
        }
    }
}
