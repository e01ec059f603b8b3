//! The verb-pattern table: which words name an event, and which CAMEO code the words around
//! them select.
//!
//! The table reads the PETRARCH verb-dictionary format (synonym sets, verb blocks with a code,
//! inflected forms, and patterns of nouns and prepositional phrases before and after the verb).
//! PETRARCH matches its patterns against a constituency parse; here they are matched over the
//! clause's tokens in order, which needs no parser: a pattern's words must follow the verb in
//! order, each within a few tokens of the last, before the clause ends.

use rustc_hash::FxHashMap as HashMap;

/// A CAMEO code with its optional paired code (the reverse event, as in "visit" / "host").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// The code of the event the verb names, `None` for PETRARCH's null code `---`.
    pub primary: Option<String>,
    /// The code of the paired event from target to source, if any.
    pub paired: Option<String>,
}

impl Code {
    fn parse(s: &str) -> Option<Code> {
        let s = s
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim();
        if s.is_empty() {
            return None;
        }
        let mut parts = s.split(':');
        let one = |p: Option<&str>| {
            p.map(str::trim)
                .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
        };
        let primary = one(parts.next());
        let paired = one(parts.next());
        Some(Code { primary, paired })
    }
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Elem {
    /// Consecutive words; each is a word or a synonym set.
    Phrase(Vec<Word>),
    /// A preposition and the phrase after it.
    Prep(Word, Option<Vec<Word>>),
    /// Where the target stands.
    Target,
    /// Where the source stands.
    Source,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Word {
    /// A lowercase word.
    Lit(String),
    /// A synonym set's index.
    Set(usize),
}

#[derive(Clone, Debug)]
struct Pattern {
    before: Vec<Elem>,
    after: Vec<Elem>,
    code: Code,
    weight: usize,
    /// The verbs its comment names ("# PRESS", "# CARRIED_OUT , CARRY_OUT"), as lowercase
    /// words, kept for particle patterns only: the dictionary, converted from TABARI's, keeps
    /// there which of the block's verbs the pattern was written for. A comment "# ONLY VERB"
    /// scopes any pattern so.
    names: Vec<Vec<String>>,
    /// The entries of those verbs in its block (see [`Form::verb`]), for a pattern of
    /// particles only ("* ON", "* DOWN", "* (INTO)") or one whose comment says "# ONLY VERB": a
    /// phrasal verb is one verb's, where a pattern with a noun ("* AID") serves its synonyms
    /// too. Empty when the comment names none of them, and the pattern then serves every verb
    /// of the block (a test checks that every "# ONLY" of our additions names one).
    verbs: Vec<u32>,
    /// Whether its comment said "# ONLY".
    only: bool,
}

impl Pattern {
    /// Whether every word it asks for is a particle or preposition, and it names no set.
    fn is_particle(&self) -> bool {
        const PARTICLES: &[&str] = &[
            "about", "across", "against", "along", "around", "at", "away", "back", "by", "down",
            "for", "from", "in", "into", "off", "on", "onto", "out", "over", "through", "to",
            "toward", "towards", "up", "with",
        ];
        let particle = |w: &Word| matches!(w, Word::Lit(l) if PARTICLES.contains(&l.as_str()));
        self.before.iter().chain(&self.after).all(|e| match e {
            Elem::Phrase(ws) => ws.iter().all(particle),
            Elem::Prep(w, obj) => {
                particle(w) && obj.as_ref().is_none_or(|o| o.iter().all(particle))
            }
            Elem::Target | Elem::Source => true,
        })
    }
}

#[derive(Clone, Debug)]
struct Block {
    code: Option<Code>,
    patterns: Vec<Pattern>,
}

#[derive(Clone, Debug)]
struct Form {
    /// All the form's words, lowercase.
    words: Vec<String>,
    /// Which of them is the verb.
    head: usize,
    block: usize,
    code: Option<Code>,
    /// An event noun (a block named `…_NOUN`): a predicate wherever it stands.
    noun: bool,
    /// The dictionary entry (verb line) it was made from.
    verb: u32,
    /// The entry's own spelling (its base form), not an inflection or a listed form.
    base: bool,
}

/// A verb (or a noun naming an event) found in a clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicate {
    /// First token of the form.
    pub start: usize,
    /// Token after the form.
    pub end: usize,
    /// The verb's own token.
    pub head: usize,
    /// The code the verb and its pattern select.
    pub code: Code,
    /// Token where the pattern places the target, if it marks one.
    pub target_at: Option<usize>,
    /// The block's index (its name: [`VerbTable::block_name`]).
    pub block: usize,
    /// Whether the form is an event noun rather than a verb.
    pub noun: bool,
    /// Whether a pattern of the block matched (not only the verb's own code).
    pub pattern: bool,
    /// The token after the last word the pattern matched (`end` when no pattern did).
    pub reach: usize,
}

/// A PETRARCH-format verb dictionary, ready to match.
#[derive(Clone, Debug, Default)]
pub struct VerbTable {
    sets: Vec<Vec<Vec<String>>>,
    set_names: HashMap<String, usize>,
    blocks: Vec<Block>,
    /// First word of a form → forms starting with it, longest first.
    forms: HashMap<String, Vec<Form>>,
    block_names: Vec<String>,
    /// Verb lines read so far (the next [`Form::verb`]).
    entries: u32,
    /// The first verb line of the file being added.
    file_start: u32,
}

/// How far apart, in tokens, consecutive pattern elements may stand.
const GAP: usize = 5;

impl VerbTable {
    /// An empty table.
    pub fn new() -> VerbTable {
        VerbTable::default()
    }

    /// Adds the entries of a dictionary in PETRARCH's verb format. Later files add to earlier
    /// ones; a form already known gets the new block's patterns too, and a form listed again
    /// in its own block with a code takes that code.
    pub fn add(&mut self, text: &str) {
        self.file_start = self.entries;
        let mut block: Option<usize> = None;
        let mut set: Option<usize> = None;
        for raw in text.lines() {
            let line = match raw.find('#') {
                Some(k) => &raw[..k],
                None => raw,
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with("<!--") {
                set = None;
                continue;
            }
            if let Some(rest) = line.strip_prefix("---") {
                // A block header: "---  NAME   [code]  ---".
                set = None;
                let rest = rest.trim_end_matches('-').trim();
                let (name, code) = match rest.find('[') {
                    Some(k) => (rest[..k].trim(), Code::parse(&rest[k..])),
                    None => (rest, None),
                };
                // A block named again (in a later file) adds to the first one.
                let lower = name.to_ascii_lowercase();
                match self.block_names.iter().position(|n| *n == lower) {
                    Some(b) if !lower.is_empty() => {
                        // A code given again replaces the block's.
                        if code.as_ref().is_some_and(|c| c.primary.is_some()) {
                            self.blocks[b].code = code;
                        }
                        block = Some(b);
                    }
                    _ => {
                        self.blocks.push(Block {
                            code,
                            patterns: Vec::new(),
                        });
                        self.block_names.push(lower);
                        block = Some(self.blocks.len() - 1);
                    }
                }
                continue;
            }
            if let Some(name) = line.strip_prefix('&') {
                let name = name.split_whitespace().next().unwrap_or("");
                let id = self.sets.len();
                self.sets.push(Vec::new());
                self.set_names
                    .insert(name.trim_end_matches('_').to_ascii_lowercase(), id);
                set = Some(id);
                continue;
            }
            if let (Some(id), Some(word)) = (set, line.strip_prefix('+')) {
                let no_plural = word.ends_with('_');
                let words: Vec<String> = word
                    .trim_end_matches('_')
                    .split(['_', ' '])
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase)
                    .collect();
                if !words.is_empty() {
                    if !no_plural {
                        let mut plural = words.clone();
                        let last = plural.len() - 1;
                        plural[last] = plural_of(&plural[last]);
                        self.sets[id].push(plural);
                    }
                    self.sets[id].push(words);
                }
                continue;
            }
            set = None;
            let Some(b) = block else { continue };
            if let Some(p) = line.strip_prefix('-') {
                if let Some(mut pattern) = self.parse_pattern(p) {
                    // A comment "# ONLY VERB" (in our additions) scopes a pattern of any kind.
                    let comment = raw.find('#').map(|k| raw[k + 1..].trim());
                    let only = comment.and_then(|c| c.strip_prefix("ONLY "));
                    pattern.only = only.is_some();
                    if let Some(names) = only.or(comment.filter(|_| pattern.is_particle())) {
                        pattern.names = names
                            .split(',')
                            .map(|n| {
                                n.split(['_', ' '])
                                    .filter(|w| !w.is_empty())
                                    .map(str::to_ascii_lowercase)
                                    .collect::<Vec<String>>()
                            })
                            .filter(|n| !n.is_empty())
                            .collect();
                    }
                    self.blocks[b].patterns.push(pattern);
                }
                continue;
            }
            self.parse_verb(line, b);
        }
        for forms in self.forms.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        self.scope_patterns();
    }

    /// Ties each pattern to the verbs its comment names, among its block's.
    fn scope_patterns(&mut self) {
        let forms = &self.forms;
        for (b, block) in self.blocks.iter_mut().enumerate() {
            for p in block.patterns.iter_mut().filter(|p| !p.names.is_empty()) {
                // A name is a form of the block, found under its first word.
                let mut verbs: Vec<u32> = p
                    .names
                    .iter()
                    .flat_map(|name| {
                        forms
                            .get(&name[0])
                            .into_iter()
                            .flatten()
                            .map(move |f| (name, f))
                    })
                    .filter(|(name, f)| f.block == b && f.words == **name)
                    .map(|(_, f)| f.verb)
                    .collect();
                verbs.sort_unstable();
                verbs.dedup();
                p.verbs = verbs;
            }
        }
    }

    /// Parses "VERB {FORMS} [code]" or "+MULTI_WORD {...}".
    fn parse_verb(&mut self, line: &str, block: usize) {
        let (main, rest) = match line.find(['{', '[']) {
            Some(k) => (line[..k].trim(), &line[k..]),
            None => (line.trim(), ""),
        };
        if main.is_empty() || main.contains(' ') {
            return;
        }
        let braces = rest
            .find('{')
            .and_then(|a| rest[a..].find('}').map(|b| &rest[a + 1..a + b]));
        let code = rest.rfind('[').and_then(|k| Code::parse(&rest[k..]));
        let verb = self.entries;
        self.entries += 1;
        let mut spellings: Vec<String> = vec![main.to_string()];
        match braces {
            Some(listed) => spellings.extend(listed.split_whitespace().map(str::to_string)),
            None => {
                let (words, head) = split_form(main);
                for inflected in inflections(&words[head]) {
                    let mut w = words.clone();
                    w[head] = inflected;
                    spellings.push(join_form(&w, head));
                }
            }
        }
        for (k, s) in spellings.into_iter().enumerate() {
            let (words, head) = split_form(&s);
            if words.is_empty() || words.iter().any(|w| !w.chars().any(char::is_alphabetic)) {
                continue;
            }
            let form = Form {
                words,
                head,
                block,
                code: code.clone(),
                noun: self.block_names[block].ends_with("_noun"),
                verb,
                base: k == 0,
            };
            let first = form.words[0].clone();
            let list = self.forms.entry(first).or_default();
            match list
                .iter_mut()
                .find(|f| f.words == form.words && f.block == form.block)
            {
                // Listed again in its own block with a code by a later file: that code holds.
                Some(known) => {
                    if form.code.is_some() && known.verb < self.file_start {
                        known.code = form.code;
                    }
                }
                // A later entry for the same words comes first: additions override.
                None => list.insert(0, form),
            }
        }
    }

    fn parse_pattern(&self, p: &str) -> Option<Pattern> {
        let open = p.rfind('[')?;
        let code = Code::parse(&p[open..])?;
        let body = &p[..open];
        let star = body.find('*')?;
        let before = self.parse_elems(&body[..star])?;
        let after = self.parse_elems(&body[star + 1..])?;
        let weight = before
            .iter()
            .chain(&after)
            .map(|e| match e {
                Elem::Phrase(w) => w.len(),
                Elem::Prep(_, o) => 1 + o.as_ref().map_or(0, Vec::len),
                Elem::Target | Elem::Source => 0,
            })
            .sum();
        Some(Pattern {
            before,
            after,
            code,
            weight,
            names: Vec::new(),
            verbs: Vec::new(),
            only: false,
        })
    }

    /// Parses a pattern half; `None` when it names an unknown synonym set.
    fn parse_elems(&self, s: &str) -> Option<Vec<Elem>> {
        let mut out = Vec::new();
        let mut rest = s.trim();
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                let end = r.find(')').unwrap_or(r.len());
                let inner = r[..end].trim();
                rest = r.get(end + 1..).unwrap_or("").trim_start();
                let (prep, obj) = match inner.find(char::is_whitespace) {
                    Some(k) => (&inner[..k], inner[k..].trim()),
                    None => (inner, ""),
                };
                let prep = self.word(prep)?;
                let obj = if obj.is_empty() {
                    None
                } else if obj == "+" {
                    out.push(Elem::Prep(prep, None));
                    out.push(Elem::Target);
                    continue;
                } else {
                    let obj = obj.trim_start_matches('{').trim_end_matches('}');
                    let words: Option<Vec<Word>> = obj
                        .split_whitespace()
                        .filter(|w| *w != "+" && *w != "$")
                        .map(|w| self.word(w))
                        .collect();
                    Some(words?).filter(|w| !w.is_empty())
                };
                out.push(Elem::Prep(prep, obj));
                continue;
            }
            if let Some(r) = rest.strip_prefix('{') {
                let end = r.find('}').unwrap_or(r.len());
                let words: Option<Vec<Word>> =
                    r[..end].split_whitespace().map(|w| self.word(w)).collect();
                let words = words?;
                if !words.is_empty() {
                    out.push(Elem::Phrase(words));
                }
                rest = r.get(end + 1..).unwrap_or("").trim_start();
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '(' || c == '{')
                .unwrap_or(rest.len());
            let tok = &rest[..end];
            rest = rest[end..].trim_start();
            match tok {
                "+" => out.push(Elem::Target),
                "$" => out.push(Elem::Source),
                "%" | "^" | "" => {}
                _ => out.push(Elem::Phrase(vec![self.word(tok)?])),
            }
        }
        Some(out)
    }

    fn word(&self, w: &str) -> Option<Word> {
        if let Some(name) = w.strip_prefix('&') {
            let name = name.trim_end_matches('_').to_ascii_lowercase();
            return self.set_names.get(&name).map(|&k| Word::Set(k));
        }
        Some(Word::Lit(
            w.trim_end_matches('_')
                .replace('_', " ")
                .to_ascii_lowercase(),
        ))
    }

    /// Number of verb forms known.
    pub fn len(&self) -> usize {
        self.forms.values().map(Vec::len).sum()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Whether `word` (lowercase) is, on its own, one of the table's verb forms (not an event
    /// noun).
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.forms
            .get(word)
            .is_some_and(|fs| fs.iter().any(|f| !f.noun && f.words.len() == 1))
    }

    /// Whether `word` (lowercase) is a verb's base form and never another form of a verb
    /// ("ally", not "met", "found" or "allied").
    pub fn is_only_base_form(&self, word: &str) -> bool {
        let Some(fs) = self.forms.get(word) else {
            return false;
        };
        let single = || fs.iter().filter(|f| !f.noun && f.words.len() == 1);
        single().any(|f| f.base) && !single().any(|f| !f.base)
    }

    /// The lowercase name of block `b` (the header's description, e.g. "visit").
    pub fn block_name(&self, b: usize) -> &str {
        &self.block_names[b]
    }

    /// The longest verb form starting at token `i` of `words` (lowercase), with the code its
    /// patterns select within `[clause_start, clause_end)`.
    pub fn predicate_at(
        &self,
        words: &[&str],
        i: usize,
        clause_start: usize,
        clause_end: usize,
    ) -> Option<Predicate> {
        self.predicate_preferring(words, i, clause_start, clause_end, false)
    }

    /// Like [`VerbTable::predicate_at`]; of forms of equal length, an event noun first when
    /// `noun` is set, else a verb first.
    pub fn predicate_preferring(
        &self,
        words: &[&str],
        i: usize,
        clause_start: usize,
        clause_end: usize,
        noun: bool,
    ) -> Option<Predicate> {
        self.predicate_if(words, i, clause_start, clause_end, noun, |_| true)
    }

    /// Like [`VerbTable::predicate_preferring`], with the patterns matched only when `accept`
    /// takes the form (given whether it is an event noun); a form it refuses comes back with
    /// no code, so that the caller still steps over its words.
    pub fn predicate_if(
        &self,
        words: &[&str],
        i: usize,
        clause_start: usize,
        clause_end: usize,
        noun: bool,
        accept: impl Fn(bool) -> bool,
    ) -> Option<Predicate> {
        let forms = self.forms.get(words[i])?;
        let fits = |f: &&Form| {
            i + f.words.len() <= words.len()
                && f.words
                    .iter()
                    .zip(&words[i..])
                    .all(|(a, b)| a.as_str() == *b)
        };
        let first = forms.iter().find(fits)?;
        let form = forms
            .iter()
            .filter(fits)
            .take_while(|f| f.words.len() == first.words.len())
            .find(|f| f.noun == noun)
            .unwrap_or(first);
        let start = i;
        let end = i + form.words.len();
        let head = i + form.head;
        if !accept(form.noun) {
            return Some(Predicate {
                start,
                end,
                head,
                code: Code {
                    primary: None,
                    paired: None,
                },
                target_at: None,
                block: form.block,
                noun: form.noun,
                pattern: false,
                reach: end,
            });
        }
        let block = &self.blocks[form.block];
        let mut best: Option<(&Pattern, Option<usize>, usize)> = None;
        for p in &block.patterns {
            // A pattern written for another verb of the block is not this one's ("pressed on"
            // is an offensive, "demanded on Monday" is not).
            if !p.verbs.is_empty() && !p.verbs.contains(&form.verb) {
                continue;
            }
            let Some((target_at, reach)) =
                self.matches(p, words, start, end, clause_start, clause_end)
            else {
                continue;
            };
            // The heavier pattern wins; of equal ones the later (an addition overrides).
            if best.is_none_or(|(b, _, _)| p.weight >= b.weight) {
                best = Some((p, target_at, reach));
            }
        }
        let pattern = best.is_some();
        let (code, target_at, reach) = match best {
            Some((p, t, r)) => (p.code.clone(), t, r),
            None => (form.code.clone().or_else(|| block.code.clone())?, None, end),
        };
        Some(Predicate {
            start,
            end,
            head,
            code,
            target_at,
            block: form.block,
            noun: form.noun,
            pattern,
            reach,
        })
    }

    /// Whether pattern `p` matches around the form `[start, end)`; `Some((target position,
    /// the token after the last word matched))`.
    fn matches(
        &self,
        p: &Pattern,
        words: &[&str],
        start: usize,
        end: usize,
        cs: usize,
        ce: usize,
    ) -> Option<(Option<usize>, usize)> {
        // Before the verb: the elements in order, ending near the verb.
        let mut limit = start;
        for e in p.before.iter().rev() {
            match e {
                Elem::Phrase(ws) => {
                    let lo = limit.saturating_sub(GAP + ws.len()).max(cs);
                    let found = (lo..limit)
                        .rev()
                        .find(|&k| self.phrase_at(ws, words, k, limit).is_some())?;
                    limit = found;
                }
                Elem::Prep(..) => return None,
                Elem::Target | Elem::Source => {}
            }
        }
        let mut at = end;
        let mut target = None;
        for e in &p.after {
            match e {
                Elem::Phrase(ws) => {
                    let hi = gap_end(words, at, GAP + ws.len(), ce);
                    let (k, n) =
                        (at..hi).find_map(|k| self.phrase_at(ws, words, k, ce).map(|n| (k, n)))?;
                    at = k + n;
                }
                Elem::Prep(prep, obj) => {
                    let hi = gap_end(words, at, GAP, ce);
                    let k = (at..hi).find(|&k| self.word_matches(prep, words[k]))?;
                    at = k + 1;
                    if let Some(ws) = obj {
                        let hi = (at + GAP + ws.len()).min(ce);
                        let (k, n) = (at..hi)
                            .find_map(|k| self.phrase_at(ws, words, k, ce).map(|n| (k, n)))?;
                        at = k + n;
                    }
                }
                Elem::Target => target = Some(at),
                Elem::Source => {}
            }
        }
        Some((target, at))
    }

    /// Tokens consumed when the phrase matches at `k` (not past `limit`).
    fn phrase_at(&self, ws: &[Word], words: &[&str], k: usize, limit: usize) -> Option<usize> {
        let mut at = k;
        for w in ws {
            match w {
                Word::Lit(lit) => {
                    // The first letters differ: no match (a plural keeps its first letter,
                    // but for a word "y", whose plural "ies" would not).
                    if let Some(&first) = lit.as_bytes().first() {
                        if at < limit
                            && first != b'y'
                            && words[at].as_bytes().first() != Some(&first)
                        {
                            return None;
                        }
                    }
                    let n = lit_len(lit);
                    if at + n > limit || !lit_matches(lit, &words[at..at + n]) {
                        return None;
                    }
                    at += n;
                }
                Word::Set(s) => {
                    let n = self.sets[*s].iter().find_map(|phrase| {
                        let n = phrase.len();
                        (at + n <= limit && phrase.iter().zip(&words[at..]).all(|(a, b)| a == b))
                            .then_some(n)
                    })?;
                    at += n;
                }
            }
        }
        Some(at - k)
    }

    fn word_matches(&self, w: &Word, token: &str) -> bool {
        match w {
            Word::Lit(lit) => lit == token,
            Word::Set(s) => self.sets[*s].iter().any(|p| p.len() == 1 && p[0] == token),
        }
    }
}

/// The end of a window of `n` words from `at` (not past `limit`), a day's name ("on Friday",
/// "today") not counted: "defended Iraq and Libya on Friday against criticism".
fn gap_end(words: &[&str], at: usize, n: usize, limit: usize) -> usize {
    let day = |w: &str| crate::sentence::DAYS.contains(&w);
    let mut end = at;
    let mut counted = 0;
    while end < limit && counted < n {
        let w = words[end];
        let on_a_day = w == "on" && words.get(end + 1).is_some_and(|x| day(x));
        if !day(w) && !on_a_day {
            counted += 1;
        }
        end += 1;
    }
    end
}

fn lit_len(lit: &str) -> usize {
    1 + lit.bytes().filter(|&b| b == b' ').count()
}

/// A literal matches its words exactly, or with its last word in the plural.
fn lit_matches(lit: &str, words: &[&str]) -> bool {
    let mut parts = lit.split(' ').peekable();
    for w in words {
        let Some(p) = parts.next() else { return false };
        if parts.peek().is_none() {
            return p == *w || is_plural_of(p, w);
        }
        if p != *w {
            return false;
        }
    }
    true
}

/// Whether `w` is the regular plural of `p` ([`plural_of`]), without building it.
fn is_plural_of(p: &str, w: &str) -> bool {
    if let Some(stem) = p.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return w.strip_suffix("ies") == Some(stem);
        }
    }
    if p.ends_with("ss") || p.ends_with("sh") || p.ends_with("ch") || p.ends_with('x') {
        return w.strip_suffix("es") == Some(p);
    }
    w.strip_suffix('s') == Some(p)
}

fn plural_of(w: &str) -> String {
    if let Some(stem) = w.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return format!("{stem}ies");
        }
    }
    if w.ends_with("ss") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with('x') {
        return format!("{w}es");
    }
    format!("{w}s")
}

/// The words of a form and the index of the verb ("+ASK_FOR" → [ask, for], 0).
fn split_form(s: &str) -> (Vec<String>, usize) {
    let mut head = 0;
    let words = s
        .split('_')
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(k, w)| {
            if w.starts_with('+') {
                head = k;
            }
            w.trim_start_matches('+').to_ascii_lowercase()
        })
        .collect();
    (words, head)
}

fn join_form(words: &[String], head: usize) -> String {
    words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if k == head {
                format!("+{w}")
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("_")
}

/// Regular inflections of an English verb: -s, -ed, -ing (with the usual spelling changes;
/// a doubled final consonant is added as an alternative, so "stop" gives "stopped" too).
fn inflections(base: &str) -> Vec<String> {
    let b = base.to_ascii_lowercase();
    let mut out = Vec::with_capacity(5);
    out.push(plural_of(&b));
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let bytes = b.as_bytes();
    if let Some(stem) = b.strip_suffix('e') {
        out.push(format!("{b}d"));
        // "agreeing", "seeing" keep their e; "making" drops it.
        if stem.ends_with(['e', 'o', 'y']) {
            out.push(format!("{b}ing"));
        } else {
            out.push(format!("{stem}ing"));
        }
    } else if let Some(stem) = b
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.push(format!("{stem}ied"));
        out.push(format!("{b}ing"));
    } else {
        out.push(format!("{b}ed"));
        out.push(format!("{b}ing"));
        let n = bytes.len();
        if n >= 3
            && !vowel(bytes[n - 1])
            && vowel(bytes[n - 2])
            && !vowel(bytes[n - 3])
            && !matches!(bytes[n - 1], b'w' | b'x' | b'y')
        {
            let last = bytes[n - 1] as char;
            out.push(format!("{b}{last}ed"));
            out.push(format!("{b}{last}ing"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = "
&WEAPON
+GUN
+MISSILE_

---  VISIT   [042:043]  ---
VISIT
- * (FOR TALKS)       [046]   # VISIT

---  RESTORE   [---]  ---
RESTORE
- * {DIPLOMATIC TIES} (WITH +)     [064]
- * &WEAPON     [---]

---  ASK   [020]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR}  [020]
SEIZE {SEIZED SEIZES SEIZING} [---]
";

    fn table() -> VerbTable {
        let mut t = VerbTable::new();
        t.add(DICT);
        t
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    fn at(t: &VerbTable, s: &str, i: usize) -> Option<Predicate> {
        let w = words(s);
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        t.predicate_at(&w, i, 0, w.len())
    }

    #[test]
    fn a_particle_pattern_serves_the_verb_its_comment_names() {
        let mut t = VerbTable::new();
        t.add(
            "---  URGE   [100]  ---\nDEMAND\nPRESS\n\
             - * ON                                [190]  # PRESS\n\
             - * AID                               [1033]  # PRESS\n",
        );
        let p = at(&t, "A pressed on", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("190"));
        let p = at(&t, "A demanded on Monday", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("100"));
        // A pattern with a noun serves the block's synonyms.
        let p = at(&t, "A demanded aid", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("1033"));
    }

    #[test]
    fn a_later_file_may_recode_a_verb_of_its_block() {
        let mut t = VerbTable::new();
        // Within one file the first entry holds.
        t.add("---  RESIGN   [---]  ---\nRESIGN [083]\nRESIGN [084]\n");
        let p = at(&t, "A resigned", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("083"));
        t.add("---  RESIGN   [---]  ---\nRESIGN [0831]\n");
        let p = at(&t, "A resigned", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("0831"));
    }

    #[test]
    fn a_base_form_is_known_as_one() {
        let t = table();
        assert!(t.is_only_base_form("visit"));
        assert!(t.is_only_base_form("seize"));
        assert!(!t.is_only_base_form("visited"));
        assert!(!t.is_only_base_form("seized"));
        assert!(!t.is_only_base_form("walk"));
    }

    #[test]
    fn verbs_and_their_inflections() {
        let t = table();
        let p = at(&t, "A visited B", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("042"));
        assert_eq!(p.code.paired.as_deref(), Some("043"));
        assert!(at(&t, "A visiting B", 1).is_some());
        assert!(at(&t, "A visits B", 1).is_some());
        assert!(at(&t, "A walks B", 1).is_none());
    }

    #[test]
    fn patterns_select_codes_and_targets() {
        let t = table();
        let p = at(&t, "A visited B for talks", 1).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("046"));
        let p = at(&t, "A will restore full diplomatic ties with B", 2).unwrap();
        assert_eq!(p.code.primary.as_deref(), Some("064"));
        assert_eq!(p.target_at, Some(7));
        // The block's null code: no event without a pattern.
        assert_eq!(
            at(&t, "A will restore order", 2).unwrap().code.primary,
            None
        );
        // A null-coded pattern through a synonym set, plural generated.
        let p = at(&t, "A will restore the guns", 2).unwrap();
        assert_eq!(p.code.primary, None);
    }

    #[test]
    fn multi_word_and_irregular_forms() {
        let t = table();
        let p = at(&t, "A asked for B", 1).unwrap();
        assert_eq!((p.start, p.end, p.head), (1, 3, 1));
        assert_eq!(p.code.primary.as_deref(), Some("020"));
        let p = at(&t, "A seized B", 1).unwrap();
        assert_eq!(p.code.primary, None);
    }

    #[test]
    fn plurals_are_recognised_without_building_them() {
        for w in ["talk", "army", "day", "press", "march", "tax"] {
            assert!(is_plural_of(w, &plural_of(w)), "{w}");
            assert!(!is_plural_of(w, w));
        }
    }

    #[test]
    fn every_only_comment_names_a_verb_of_its_block() {
        let mut table = VerbTable::default();
        table.add(crate::PETRARCH_VERBS);
        table.add(crate::ANNALIST_VERBS);
        let unscoped: Vec<String> = table
            .blocks
            .iter()
            .flat_map(|b| &b.patterns)
            .filter(|p| p.only && p.verbs.is_empty())
            .map(|p| format!("{:?}", p.names))
            .collect();
        assert!(unscoped.is_empty(), "{unscoped:?}");
    }

    #[test]
    fn a_days_name_does_not_count_in_a_patterns_gap() {
        let words: Vec<&str> = "iraq and libya on friday against criticism"
            .split(' ')
            .collect();
        // Five words from "iraq", "on friday" not counted: up to "criticism".
        assert_eq!(gap_end(&words, 0, 5, words.len()), words.len());
        assert_eq!(gap_end(&words, 0, 3, words.len()), 3);
    }

    #[test]
    fn inflections_follow_spelling_rules() {
        assert!(inflections("stop").contains(&"stopped".to_string()));
        assert!(inflections("agree").contains(&"agreed".to_string()));
        assert!(inflections("agree").contains(&"agreeing".to_string()));
        assert!(inflections("deny").contains(&"denied".to_string()));
        assert!(inflections("deny").contains(&"denies".to_string()));
        assert!(inflections("push").contains(&"pushes".to_string()));
    }

    #[test]
    fn the_embedded_dictionary_loads() {
        let mut t = VerbTable::new();
        t.add(crate::PETRARCH_VERBS);
        assert!(t.len() > 5_000, "{}", t.len());
        let p = at(&t, "A accused B", 1).unwrap();
        assert_eq!(p.code.primary.as_deref().map(|c| &c[..2]), Some("11"));
    }
}
