//! Actor and agent dictionaries in PETRARCH's format, for coding with actors of one's own (a
//! project's list of people and groups, or PETRARCH's own test dictionaries) instead of the
//! NLP stage's entities.
//!
//! Actors: `NAME_WORDS [CODE]`, synonyms on following `+WORD` lines, `_` between words, a
//! trailing `_` for "no plural". Agents: `NOUN {PLURALS} [~ROLE]`, with `!MACRO! = A, B` lines
//! substituted where `!MACRO!` appears.

use std::collections::HashMap;

use crate::sentence::{Actor, ActorSpan};

/// Phrase → code tables for actors and agents.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    actors: HashMap<Vec<String>, String>,
    /// Codes that hold between two dates (`YYYYMMDD`, inclusive), first listed first.
    dated: HashMap<Vec<String>, Vec<(String, u32, u32)>>,
    agents: HashMap<Vec<String>, String>,
    longest: usize,
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase
        .trim_end_matches('_')
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn code_in(line: &str) -> Option<String> {
    let a = line.find('[')?;
    let b = line[a..].find(']')? + a;
    let code = line[a + 1..b].trim();
    let code = code.split_whitespace().next().unwrap_or("");
    if code.is_empty() || code.starts_with("---") {
        return None;
    }
    Some(code.to_uppercase())
}

/// The dates of a restriction line: `<D` (until D), `>D` (from D), `D1-D2`; dates are
/// `YYYYMMDD`, or `YYMMDD` (years before 30 are 20YY).
fn date_range(line: &str) -> Option<(u32, u32)> {
    let inner = line.trim().trim_start_matches('[');
    let inner = &inner[..inner.find(']').unwrap_or(inner.len())];
    let mut parts = inner.split_whitespace();
    parts.next()?;
    let spec: String = parts.collect();
    if spec.is_empty() {
        return None;
    }
    let spec = spec.as_str();
    let num = |s: &str| {
        let s = s.trim();
        let n = s.parse::<u32>().ok()?;
        match s.len() {
            8 => Some(n),
            6 if n / 10_000 < 30 => Some(20_000_000 + n),
            6 => Some(19_000_000 + n),
            _ => None,
        }
    };
    if let Some(d) = spec.strip_prefix('<') {
        return Some((0, num(d)?.saturating_sub(1)));
    }
    if let Some(d) = spec.strip_prefix('>') {
        return Some((num(d)?, u32::MAX));
    }
    let (a, b) = spec.split_once('-')?;
    Some((num(a)?, num(b)?))
}

fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(k) => &line[..k],
        None => line,
    }
}

impl ActorDictionary {
    /// An empty dictionary.
    pub fn new() -> ActorDictionary {
        ActorDictionary::default()
    }

    /// Adds actors from PETRARCH's actor-dictionary format.
    pub fn add_actors(&mut self, text: &str) {
        let mut current: Option<String> = None;
        let mut pending: Vec<Vec<String>> = Vec::new();
        // The names of the entry being read, for its dated codes.
        let mut names: Vec<Vec<String>> = Vec::new();
        for raw in text.lines() {
            let line = strip_comment(raw).trim();
            if line.is_empty() || line.starts_with("<!--") {
                continue;
            }
            if let Some(syn) = line.strip_prefix('+') {
                let w = words_of(syn.split('[').next().unwrap_or(""));
                if !w.is_empty() {
                    names.push(w.clone());
                }
                match &current {
                    Some(code) if !w.is_empty() => self.insert_actor(w, code.clone()),
                    _ if !w.is_empty() => pending.push(w),
                    _ => {}
                }
                continue;
            }
            if let Some(code) = line.strip_prefix('[') {
                // "[CODE <20080120]", "[CODE 20100109-20100112]", "[CODE >20130119]": the code
                // between those dates, for the names of the entry.
                if let Some(range) = date_range(line) {
                    if let Some(code) = code_in(&format!("[{code}")) {
                        // An entry with dated codes only: the first is its default too.
                        for w in pending.drain(..) {
                            self.insert_actor(w, code.clone());
                        }
                        if current.is_none() {
                            current = Some(code.clone());
                        }
                        for n in &names {
                            self.dated.entry(n.clone()).or_default().push((
                                code.clone(),
                                range.0,
                                range.1,
                            ));
                        }
                    }
                    continue;
                }
                // A code on its own line belongs to the names just above it.
                if let Some(code) = code_in(&format!("[{code}")) {
                    for w in pending.drain(..) {
                        self.insert_actor(w, code.clone());
                    }
                    current = Some(code);
                }
                continue;
            }
            let name = line.split('[').next().unwrap_or("").trim();
            let w = words_of(name);
            if w.is_empty() {
                continue;
            }
            names.clear();
            names.push(w.clone());
            match code_in(line) {
                Some(code) => {
                    for p in pending.drain(..) {
                        self.insert_actor(p, code.clone());
                    }
                    self.insert_actor(w, code.clone());
                    current = Some(code);
                }
                None => {
                    pending.clear();
                    pending.push(w);
                    current = None;
                }
            }
        }
    }

    fn insert_actor(&mut self, words: Vec<String>, code: String) {
        self.longest = self.longest.max(words.len() + 1);
        let mut plural = words.clone();
        if let Some(last) = plural.last_mut() {
            last.push('s');
        }
        self.actors.entry(plural).or_insert_with(|| code.clone());
        self.actors.insert(words, code);
    }

    /// Adds agents from PETRARCH's agent-dictionary format.
    pub fn add_agents(&mut self, text: &str) {
        let mut macros: Vec<(String, Vec<String>)> = Vec::new();
        for raw in text.lines() {
            let line = strip_comment(raw).trim();
            if line.is_empty() || line.starts_with("<!--") {
                continue;
            }
            if line.starts_with('!') {
                if let Some((name, list)) = line.split_once('=') {
                    let list = list
                        .split(',')
                        .map(|w| w.trim().to_string())
                        .filter(|w| !w.is_empty())
                        .collect();
                    macros.push((name.trim().to_string(), list));
                }
                continue;
            }
            let Some(code) = code_in(line) else { continue };
            let role = code.trim_start_matches('~').to_string();
            let head = line.split(['[', '{']).next().unwrap_or("").trim();
            let mut forms: Vec<String> = vec![head.to_string()];
            if let (Some(a), Some(b)) = (line.find('{'), line.find('}')) {
                if a < b {
                    forms.extend(line[a + 1..b].split_whitespace().map(str::to_string));
                }
            }
            let mut expanded: Vec<String> = Vec::new();
            for f in forms {
                match macros.iter().find(|(m, _)| f.contains(m.as_str())) {
                    Some((m, list)) => {
                        expanded.extend(list.iter().map(|x| f.replace(m.as_str(), x)))
                    }
                    None => expanded.push(f),
                }
            }
            let no_plural = line.contains("{}");
            for f in expanded {
                let w = words_of(&f);
                if w.is_empty() {
                    continue;
                }
                self.longest = self.longest.max(w.len() + 1);
                if !no_plural && !f.trim_end().ends_with('_') {
                    let mut plural = w.clone();
                    if let Some(last) = plural.last_mut() {
                        last.push('s');
                    }
                    self.agents.entry(plural).or_insert_with(|| role.clone());
                }
                self.agents.insert(w, role.clone());
            }
        }
    }

    /// Number of actor and agent phrases.
    pub fn len(&self) -> usize {
        self.actors.len() + self.agents.len()
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The actor spans of a sentence's lowercase tokens: the longest actor phrases, each with
    /// an agent phrase within two tokens after it adding its role ("Arnor security officials"
    /// → ARN + GOV); an agent phrase alone is an actor with the role code only.
    pub fn find(&self, words: &[&str]) -> Vec<ActorSpan> {
        self.find_on(words, None)
    }

    /// [`ActorDictionary::find`] on a date (`YYYYMMDD`): an actor's dated codes that hold on
    /// it win over its default one (the first listed, where two hold).
    pub fn find_on(&self, words: &[&str], date: Option<u32>) -> Vec<ActorSpan> {
        let mut out: Vec<ActorSpan> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if let Some((n, code)) = self.actor_at(words, i, date) {
                let mut code = code.clone();
                let mut end = i + n;
                for skip in 0..=3 {
                    if let Some((m, role)) = self.longest_at(&self.agents, words, end + skip) {
                        if code.len() <= 3 || !code.ends_with(role.as_str()) {
                            code.push_str(role);
                        }
                        end += skip + m;
                        break;
                    }
                }
                out.push(span(i..end, code, words));
                i = end;
                continue;
            }
            if let Some((n, role)) = self.longest_at(&self.agents, words, i) {
                // An agent with its country after it: "the prime minister of Gondor",
                // "soldiers from Gondor", "lawmakers in Fornost and Gondor".
                let end = i + n;
                if matches!(words.get(end), Some(&"of") | Some(&"in") | Some(&"from")) {
                    let mut at = end + 1;
                    if words.get(at) == Some(&"the") {
                        at += 1;
                    }
                    let mut members = Vec::new();
                    while let Some((m, c)) = self.actor_at(words, at, date) {
                        members.push(Actor {
                            name: words[at..at + m].join(" "),
                            code: format!("{c}{role}"),
                            entity: None,
                            person: false,
                        });
                        at += m;
                        if matches!(words.get(at), Some(&"and") | Some(&",")) {
                            at += 1;
                        } else {
                            break;
                        }
                    }
                    if !members.is_empty() {
                        let last = members.len();
                        let end_at =
                            if matches!(words.get(at.saturating_sub(1)), Some(&"and") | Some(&","))
                                && last > 0
                            {
                                at - 1
                            } else {
                                at
                            };
                        out.push(ActorSpan {
                            tokens: i..end_at,
                            members,
                        });
                        i = end_at;
                        continue;
                    }
                }
                // An agent of no known country, as PETRARCH writes it.
                out.push(span(i..end, format!("---{role}"), words));
                i = end;
                continue;
            }
            i += 1;
        }
        // "Bree Prime Minister Romendacil": a person's name right after their country and
        // title is the same actor, coded with the title's role.
        let mut merged: Vec<ActorSpan> = Vec::with_capacity(out.len());
        for a in out {
            if let Some(last) = merged.last_mut() {
                let (x, y) = (&last.members[0].code, &a.members[0].code);
                if last.tokens.end == a.tokens.start
                    && last.members.len() == 1
                    && a.members.len() == 1
                    && x.len() > 3
                    && y.len() == 3
                    && x.starts_with(y.as_str())
                {
                    last.tokens.end = a.tokens.end;
                    continue;
                }
            }
            merged.push(a);
        }
        merged
    }

    /// The longest actor phrase at `i` and its code on `date`.
    fn actor_at(&self, words: &[&str], i: usize, date: Option<u32>) -> Option<(usize, &String)> {
        let (n, code) = self.longest_at(&self.actors, words, i)?;
        if let (Some(d), false) = (date, self.dated.is_empty()) {
            let key: Vec<String> = words[i..i + n].iter().map(|w| w.to_string()).collect();
            if let Some(c) = self
                .dated
                .get(&key)
                .and_then(|list| list.iter().find(|(_, a, b)| *a <= d && d <= *b))
            {
                return Some((n, &c.0));
            }
        }
        Some((n, code))
    }

    fn longest_at<'d>(
        &self,
        table: &'d HashMap<Vec<String>, String>,
        words: &[&str],
        i: usize,
    ) -> Option<(usize, &'d String)> {
        let max = self.longest.min(words.len().saturating_sub(i));
        let mut key: Vec<String> = Vec::with_capacity(max);
        let mut best = None;
        for n in 1..=max {
            key.push(words[i + n - 1].to_string());
            if let Some(code) = table.get(&key) {
                best = Some((n, code));
            }
        }
        best
    }
}

/// A span; a code with slashes ("FRO/BIL/SAM") names several actors at once.
fn span(tokens: std::ops::Range<usize>, code: String, words: &[&str]) -> ActorSpan {
    let name = words[tokens.clone()].join(" ");
    ActorSpan {
        members: code
            .split('/')
            .filter(|c| !c.is_empty())
            .map(|c| Actor {
                name: name.clone(),
                code: c.to_string(),
                entity: None,
                person: false,
            })
            .collect(),
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_synonyms_and_agents() {
        let mut d = ActorDictionary::new();
        d.add_actors("ARNOR_  [ARN]\nGONDOR [GON]\n+GONDORIAN\nMINAS_TIRITH [GON] # a city\n");
        d.add_agents("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nSECURITY_OFFICIAL [~GOV]\nCONGRESS!PERSON! [~LEG]\n");
        let words = [
            "arnor",
            "security",
            "officials",
            "met",
            "gondorian",
            "police",
            "in",
            "minas",
            "tirith",
        ];
        let found = d.find(&words);
        let codes: Vec<&str> = found.iter().map(|a| a.members[0].code.as_str()).collect();
        assert_eq!(codes, ["ARNGOV", "GONCOP", "GON"]);
        assert_eq!(found[0].tokens, 0..3);
        let found = d.find(&["congressmen", "spoke"]);
        assert_eq!(found[0].members[0].code, "---LEG");
    }

    #[test]
    fn dated_codes_hold_between_their_dates() {
        let mut d = ActorDictionary::new();
        d.add_actors(
            "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n\t[HOBELI >20130119]\n",
        );
        let code = |date| {
            d.find_on(&["sam", "gamgee"], date)[0].members[0]
                .code
                .clone()
        };
        assert_eq!(code(Some(20000101)), "HOBCIV");
        assert_eq!(code(Some(20100110)), "ORCHOB");
        assert_eq!(code(Some(20100301)), "HOBMIL");
        assert_eq!(code(Some(20121201)), "HOB");
        assert_eq!(code(Some(20140101)), "HOBELI");
        assert_eq!(code(None), "HOB");
        let mut d = ActorDictionary::new();
        d.add_actors("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n");
        let code = |date| d.find_on(&["smeagol"], date)[0].members[0].code.clone();
        assert_eq!(code(Some(19940101)), "HOB");
        assert_eq!(code(Some(19951101)), "HOBGOV");
        assert_eq!(code(Some(20000101)), "HOBREB");
    }
}
