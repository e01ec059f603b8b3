//! The gazetteer: countries, cities, regions, known actors and agent nouns.
//!
//! The tables live in `crates/nlp/data/` and are embedded in the binary. `annalist-train
//! gazetteer` derives them from GeoNames (CC-BY 4.0) and the Phoenix/PETRARCH2 dictionaries (MIT);
//! `data/README.md` gives each file's source and licence.
//!
//! [`Gazetteer::load`] parses them once (a few tens of milliseconds); the caller keeps the value
//! and shares `&Gazetteer`. Lookups by name ignore (ASCII) case and a leading "the ";
//! [`Gazetteer::phrases`], which runs on every sentence, compares case-sensitively, so that "us"
//! is not the United States nor "nice" a city.
//!
//! ```
//! use annalist_nlp::gazetteer::{Gazetteer, PhraseKind};
//!
//! let g = Gazetteer::load();
//! assert_eq!(g.country_by_adjective("Chinese").unwrap().iso3, "CHN");
//! let m = g.phrases(&["the", "Sea", "of", "Japan"]);
//! assert_eq!((m[0].start, m[0].end), (1, 4));
//! assert!(m[0].kinds.contains(&PhraseKind::Region));
//! ```

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const CITIES: &str = include_str!("../data/cities.tsv");
const REGIONS: &str = include_str!("../data/regions.tsv");
const ACTORS: &str = include_str!("../data/actors.tsv");
const AGENTS: &str = include_str!("../data/agents.tsv");

/// The longest phrase [`Gazetteer::phrases`] matches, in tokens.
pub const MAX_PHRASE_TOKENS: usize = 8;

/// A country (or territory) of GeoNames.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166 alpha-3 code ("CHN").
    pub iso3: String,
    /// ISO 3166 alpha-2 code ("CN").
    pub iso2: String,
    /// English name ("China").
    pub name: String,
    /// CAMEO country code; the ISO3 code unless CAMEO differs ("ROU", "KSV", "USAPRI").
    pub cameo: String,
    /// Capital city, empty when none.
    pub capital: String,
    /// Population.
    pub population: u64,
    /// GeoNames id.
    pub geonameid: u64,
    /// Latitude of a representative point inside the country (near the middle of its main land
    /// mass; the capital for small countries), degrees.
    pub lat: f64,
    /// Longitude of that point, degrees.
    pub lon: f64,
}

/// A city of GeoNames' cities15000.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub geonameid: u64,
    /// Name.
    pub name: String,
    /// ISO alpha-3 code of its country (empty if unknown).
    pub country: String,
    /// GeoNames admin1 code (province, state).
    pub admin1: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population.
    pub population: u64,
}

/// A continent, sea, ocean, strait, river, mountain range, region, or a country's first-level
/// division (a US state, a Canadian province), with a representative point.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Name ("Sea of Japan").
    pub name: String,
    /// `continent`, `ocean`, `sea`, `region`, `river`, `mountains`, or `state` for a first-level
    /// division.
    pub kind: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// ISO alpha-3 code of the one country it lies in, if any.
    pub country: Option<String>,
    /// For a division, the GeoNames admin1 code its cities carry ([`City::admin1`]).
    pub admin1: Option<String>,
    /// GeoNames id, when the entry is a GeoNames one.
    pub geonameid: Option<u64>,
}

/// What kind of actor a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country or a place that stands for one ("Kabul" → AFG).
    Country,
    /// A state institution ("Kremlin", "State Duma").
    Institution,
    /// A person, often with dated roles.
    Person,
    /// An intergovernmental organisation ("NATO", "United Nations").
    Igo,
    /// A non-state group: NGO, company, party, armed group.
    Group,
}

/// One CAMEO code a phrase carries, with the dates it holds between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// CAMEO actor code ("RUSGOV", "IGOWSTNAT").
    pub code: String,
    /// First day the code holds (ISO `YYYY-MM-DD`), if limited.
    pub from: Option<String>,
    /// Last day the code holds (ISO `YYYY-MM-DD`), if limited.
    pub to: Option<String>,
    /// What the phrase names.
    pub kind: ActorKind,
}

/// What a phrase found by [`Gazetteer::phrases`] can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    /// A country's name ("China", "United States", "U.S.").
    Country,
    /// A nationality word ("Chinese", "Russians").
    Nationality,
    /// A city's name or alternate name.
    City,
    /// A continent, sea, region, river or mountain range.
    Region,
    /// A phrase of the actor table ("Kremlin", "NATO").
    Actor,
}

impl PhraseKind {
    const ALL: [PhraseKind; 5] = [
        PhraseKind::Country,
        PhraseKind::Nationality,
        PhraseKind::City,
        PhraseKind::Region,
        PhraseKind::Actor,
    ];

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A run of tokens that names something the gazetteer knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Everything the phrase can be, in [`PhraseKind`] order.
    pub kinds: Vec<PhraseKind>,
}

/// A phrase of the index: its tokens (`tokens[start..start + len]`) and kinds (bits).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: u32,
    len: u8,
    kinds: u8,
}

/// A string hashed and compared ignoring ASCII case, so that the indexes hold the embedded
/// text itself and are searched both ways without allocating.
#[derive(Debug, Clone, Copy)]
struct Folded<'a>(&'a str);

/// What a [`Folded`] key is searched with: any folded string, whatever its lifetime (the maps
/// hold `Folded<'static>`; `Borrow` to this trait object lets a shorter-lived query find them).
trait FoldKey {
    fn text(&self) -> &str;
}

impl FoldKey for Folded<'_> {
    fn text(&self) -> &str {
        self.0
    }
}

impl<'a> Borrow<dyn FoldKey + 'a> for Folded<'static> {
    fn borrow(&self) -> &(dyn FoldKey + 'a) {
        self
    }
}

/// Hashes the ASCII-lower-case bytes of `s`, eight at a time.
fn fold_hash<H: Hasher>(s: &str, state: &mut H) {
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        for (w, b) in word.iter_mut().zip(chunk) {
            *w = b.to_ascii_lowercase();
        }
        state.write_u64(u64::from_le_bytes(word));
    }
    let mut word = [0u8; 8];
    for (w, b) in word.iter_mut().zip(chunks.remainder()) {
        *w = b.to_ascii_lowercase();
    }
    state.write_u64(u64::from_le_bytes(word) ^ (bytes.len() as u64) << 56);
}

impl Hash for Folded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        fold_hash(self.0, state);
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Folded<'_> {}

impl Hash for dyn FoldKey + '_ {
    fn hash<H: Hasher>(&self, state: &mut H) {
        fold_hash(self.text(), state);
    }
}

impl PartialEq for dyn FoldKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.text().eq_ignore_ascii_case(other.text())
    }
}

impl Eq for dyn FoldKey + '_ {}

/// The gazetteer tables, parsed and indexed. Build it once with [`Gazetteer::load`] and share it.
pub struct Gazetteer {
    countries: Vec<Country>,
    by_code: FxHashMap<&'static str, u32>,
    by_name: FxHashMap<Folded<'static>, u32>,
    by_adjective: FxHashMap<Folded<'static>, u32>,
    cities: Vec<City>,
    city_names: FxHashMap<Folded<'static>, Vec<u32>>,
    regions: Vec<Region>,
    region_names: FxHashMap<Folded<'static>, u32>,
    actors: Vec<Actor>,
    /// Phrase (any ASCII case) → range of `actors` (the table is sorted by the phrase in ASCII
    /// lower case, so each phrase's rows are adjacent).
    actor_phrases: FxHashMap<Folded<'static>, (u32, u32)>,
    /// A person's last name (any ASCII case) → the rows of `actors` of the people of the
    /// table who bear it ("Mugabe" → Robert Gabriel Mugabe's).
    surnames: FxHashMap<Folded<'static>, Vec<u32>>,
    /// A person's first name (any ASCII case) → the rows of the people who bear it, each with
    /// the last word of the name (for names spelled differently: "Laurent Gbago").
    given_names: FxHashMap<Folded<'static>, Vec<(u32, &'static str)>>,
    agents: FxHashMap<&'static str, &'static str>,
    /// Hash of a first token (any case) → range of `candidates`, longest first. Tokens that
    /// share a hash share a range; the match compares every token anyway.
    first_token: FxHashMap<u64, (u32, u32)>,
    candidates: Vec<Candidate>,
    tokens: Vec<&'static str>,
    /// [`token_hash`] of each of `tokens`: a phrase is compared token by token only when all
    /// its hashes match.
    token_hashes: Vec<u64>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("countries", &self.countries.len())
            .field("cities", &self.cities.len())
            .field("regions", &self.regions.len())
            .field("actors", &self.actors.len())
            .field("agents", &self.agents.len())
            .field("phrase_tokens", &self.tokens.len())
            .finish()
    }
}

/// The parts of `s` between the ASCII byte `sep` (a plain byte scan: faster than `str::split`
/// on these short fields, which the loader splits about a million times).
fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The data lines of an embedded table (the `#` header skipped).
fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    split_byte(table, b'\n').filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// The `N` tab-separated cells of a line; `None` when it has another number of cells.
fn cells<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut out = [""; N];
    let mut parts = split_byte(line, b'\t');
    for cell in &mut out {
        *cell = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

/// The `|`-separated items of a cell.
fn items(cell: &'static str) -> impl Iterator<Item = &'static str> {
    split_byte(cell, b'|').filter(|s| !s.is_empty())
}

/// The lookup key of a name: trimmed, without a leading "the ", compared ignoring case.
fn key(name: &str) -> Folded<'_> {
    let name = name.trim();
    match name.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => Folded(name[4..].trim_start()),
        _ => Folded(name),
    }
}

/// The hash of a token ignoring ASCII case.
fn token_hash(token: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    fold_hash(token, &mut h);
    h.finish()
}

/// A token written in capitals ("NATO", "CHINA", "U.S."), which may match a phrase ignoring case.
fn all_caps(token: &str) -> bool {
    token.chars().any(char::is_alphabetic) && !token.chars().any(char::is_lowercase)
}

/// The tokens of a phrase as a tokenizer gives them: words split on spaces, a possessive "'s"
/// split off ("People's" → "People", "'s").
fn phrase_tokens(phrase: &'static str, out: &mut Vec<&'static str>) {
    for word in split_byte(phrase, b' ').filter(|w| !w.is_empty()) {
        let split = ["'s", "\u{2019}s"].iter().find_map(|s| {
            word.strip_suffix(s)
                .filter(|w| !w.is_empty())
                .map(|w| (w, &word[w.len()..]))
        });
        match split {
            Some((w, s)) => {
                out.push(w);
                out.push(s);
            }
            None => out.push(word),
        }
    }
}

fn parse_or<T: std::str::FromStr>(s: &str, default: T) -> T {
    s.parse().unwrap_or(default)
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::load()
    }
}

impl Gazetteer {
    /// Parses the embedded tables and builds the indexes.
    pub fn load() -> Gazetteer {
        // The sentence matcher's index: every phrase under its first token (any case). The
        // same phrase may come from several tables; the copies are merged below.
        let mut tokens: Vec<&'static str> = Vec::with_capacity(300_000);
        let mut entries: Vec<(u64, Candidate)> = Vec::with_capacity(150_000);
        let mut add_phrase = |p: &'static str, kind: PhraseKind| {
            let start = tokens.len();
            phrase_tokens(p, &mut tokens);
            let len = tokens.len() - start;
            if len == 0 || len > MAX_PHRASE_TOKENS {
                tokens.truncate(start);
                return;
            }
            let candidate = Candidate {
                start: start as u32,
                len: len as u8,
                kinds: kind.bit(),
            };
            entries.push((token_hash(tokens[start]), candidate));
        };

        // Countries.
        let mut countries = Vec::with_capacity(256);
        let mut by_code: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut by_name: FxHashMap<Folded<'static>, u32> = FxHashMap::default();
        let mut by_adjective: FxHashMap<Folded<'static>, u32> = FxHashMap::default();
        let mut alternates: Vec<(u64, u32, &'static str, &'static str)> = Vec::new();
        let mut cameo_codes: Vec<(&'static str, u32)> = Vec::new();
        for line in lines(COUNTRIES) {
            let Some(
                [iso3, iso2, name, names, adjectives, capital, population, cameo, id, lat, lon],
            ) = cells(line)
            else {
                continue;
            };
            let i = countries.len() as u32;
            let population = parse_or(population, 0);
            countries.push(Country {
                iso3: iso3.to_string(),
                iso2: iso2.to_string(),
                name: name.to_string(),
                cameo: cameo.to_string(),
                capital: capital.to_string(),
                population,
                geonameid: parse_or(id, 0),
                lat: parse_or(lat, 0.0),
                lon: parse_or(lon, 0.0),
            });
            by_code.insert(iso3, i);
            if cameo != iso3 && !cameo.is_empty() {
                cameo_codes.push((cameo, i));
            }
            by_name.entry(key(name)).or_insert(i);
            add_phrase(name, PhraseKind::Country);
            for n in items(names) {
                add_phrase(n, PhraseKind::Country);
            }
            for a in items(adjectives) {
                add_phrase(a, PhraseKind::Nationality);
            }
            alternates.push((population, i, names, adjectives));
        }
        // CAMEO codes that are no ISO3 code ("KSV", "TMP") also find their country.
        for (cameo, i) in cameo_codes {
            by_code.entry(cameo).or_insert(i);
        }
        // Other names and adjectives: on a clash the more populous country wins ("Congolese").
        alternates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i, names, adjectives) in &alternates {
            for n in items(names) {
                by_name.entry(key(n)).or_insert(i);
            }
            for a in items(adjectives) {
                by_adjective.entry(key(a)).or_insert(i);
            }
        }

        // Cities.
        let mut cities = Vec::with_capacity(34_100);
        let mut city_names: FxHashMap<Folded<'static>, Vec<u32>> = FxHashMap::default();
        city_names.reserve(45_000);
        for line in lines(CITIES) {
            let Some([id, name, alts, country, admin1, lat, lon, population]) = cells(line) else {
                continue;
            };
            let i = cities.len() as u32;
            cities.push(City {
                geonameid: parse_or(id, 0),
                name: name.to_string(),
                country: country.to_string(),
                admin1: admin1.to_string(),
                lat: parse_or(lat, 0.0),
                lon: parse_or(lon, 0.0),
                population: parse_or(population, 0),
            });
            for n in std::iter::once(name).chain(items(alts)) {
                let list = city_names.entry(key(n)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
                add_phrase(n, PhraseKind::City);
            }
        }
        for list in city_names.values_mut().filter(|l| l.len() > 1) {
            list.sort_by(|&a, &b| {
                cities[b as usize]
                    .population
                    .cmp(&cities[a as usize].population)
                    .then(a.cmp(&b))
            });
            list.dedup();
        }

        // Regions.
        let mut regions = Vec::new();
        let mut region_names: FxHashMap<Folded<'static>, u32> = FxHashMap::default();
        for line in lines(REGIONS) {
            let Some([name, alts, kind, lat, lon, country, admin1, id]) = cells(line) else {
                continue;
            };
            let i = regions.len() as u32;
            regions.push(Region {
                name: name.to_string(),
                kind: kind.to_string(),
                lat: parse_or(lat, 0.0),
                lon: parse_or(lon, 0.0),
                country: (!country.is_empty()).then(|| country.to_string()),
                admin1: (!admin1.is_empty()).then(|| admin1.to_string()),
                geonameid: id.parse().ok(),
            });
            for n in std::iter::once(name).chain(items(alts)) {
                region_names.entry(key(n)).or_insert(i);
                add_phrase(n, PhraseKind::Region);
            }
        }

        // Actors: the table is sorted by the phrase in ASCII lower case, so each phrase's rows
        // are adjacent.
        let mut actors = Vec::with_capacity(48_000);
        let mut actor_phrases: FxHashMap<Folded<'static>, (u32, u32)> = FxHashMap::default();
        actor_phrases.reserve(32_000);
        let mut surnames: FxHashMap<Folded<'static>, Vec<u32>> = FxHashMap::default();
        let mut given_names: FxHashMap<Folded<'static>, Vec<(u32, &'static str)>> =
            FxHashMap::default();
        let mut current: Option<(Folded<'static>, u32)> = None;
        let mut previous = "";
        for line in lines(ACTORS) {
            let Some([phrase, code, from, to, kind]) = cells(line) else {
                continue;
            };
            let kind = match kind {
                "country" => ActorKind::Country,
                "institution" => ActorKind::Institution,
                "person" => ActorKind::Person,
                "igo" => ActorKind::Igo,
                "group" => ActorKind::Group,
                _ => continue,
            };
            let i = actors.len() as u32;
            actors.push(Actor {
                code: code.to_string(),
                from: (!from.is_empty()).then(|| from.to_string()),
                to: (!to.is_empty()).then(|| to.to_string()),
                kind,
            });
            if kind == ActorKind::Person {
                if let Some((_, last)) = phrase.rsplit_once(' ') {
                    surnames.entry(Folded(last)).or_default().push(i);
                    let first = phrase.split(' ').next().unwrap_or(phrase);
                    given_names
                        .entry(Folded(first))
                        .or_default()
                        .push((i, last));
                }
            }
            let k = key(phrase);
            if previous != phrase {
                add_phrase(phrase, PhraseKind::Actor);
                previous = phrase;
            }
            if current.as_ref().is_none_or(|(cur, _)| *cur != k) {
                if let Some((cur, start)) = current.take() {
                    actor_phrases.entry(cur).or_insert((start, i));
                }
                current = Some((k, i));
            }
        }
        if let Some((cur, start)) = current {
            actor_phrases
                .entry(cur)
                .or_insert((start, actors.len() as u32));
        }

        // Agents.
        let agents: FxHashMap<&'static str, &'static str> = lines(AGENTS)
            .filter_map(cells::<2>)
            .map(|[p, c]| (p, c))
            .collect();

        // By first token, longest first; a phrase listed by several tables once, with all its
        // kinds.
        let toks = |c: &Candidate| &tokens[c.start as usize..c.start as usize + c.len as usize];
        entries.sort_unstable_by(|(ha, a), (hb, b)| {
            ha.cmp(hb)
                .then(b.len.cmp(&a.len))
                .then_with(|| toks(a).cmp(toks(b)))
        });
        entries.dedup_by(|next, kept| {
            let same = next.0 == kept.0 && toks(&next.1) == toks(&kept.1);
            if same {
                kept.1.kinds |= next.1.kinds;
            }
            same
        });
        let mut first_token: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        first_token.reserve(entries.len());
        let mut candidates = Vec::with_capacity(entries.len());
        for (i, &(h, c)) in entries.iter().enumerate() {
            first_token.entry(h).or_insert((i as u32, i as u32)).1 = i as u32 + 1;
            candidates.push(c);
        }

        Gazetteer {
            countries,
            by_code,
            by_name,
            by_adjective,
            cities,
            city_names,
            regions,
            region_names,
            actors,
            actor_phrases,
            surnames,
            given_names,
            agents,
            first_token,
            candidates,
            token_hashes: tokens.iter().map(|t| token_hash(t)).collect(),
            tokens,
        }
    }

    /// All countries, sorted by ISO3 code.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country with this ISO alpha-3 code, or with this CAMEO code when that differs ("KSV").
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_code.get(iso3).map(|&i| &self.countries[i as usize])
    }

    /// The country a name names: "China", "the United States", "U.S.", "UK", "Britain". Ignores
    /// case and a leading "the ".
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.by_name
            .get(&key(name) as &dyn FoldKey)
            .map(|&i| &self.countries[i as usize])
    }

    /// The country of a nationality word: "Chinese", "Russians", "British". An abbreviation in
    /// capitals used as an adjective ("U.S.", "UK") is read as the country's name.
    pub fn country_by_adjective(&self, adj: &str) -> Option<&Country> {
        if let Some(&i) = self.by_adjective.get(&key(adj) as &dyn FoldKey) {
            return Some(&self.countries[i as usize]);
        }
        if all_caps(adj) && adj.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
            return self.country_by_name(adj);
        }
        None
    }

    /// The cities with this name or alternate name (ignoring case), most populous first, as
    /// indexes for [`Gazetteer::city`].
    pub fn cities(&self, name: &str) -> &[u32] {
        self.city_names
            .get(&key(name) as &dyn FoldKey)
            .map_or(&[], Vec::as_slice)
    }

    /// The city at `index` (from [`Gazetteer::cities`]).
    ///
    /// # Panics
    /// If `index` did not come from [`Gazetteer::cities`] (out of range).
    pub fn city(&self, index: u32) -> &City {
        &self.cities[index as usize]
    }

    /// The region, sea, continent, river or mountain range with this name or alternate name.
    pub fn region(&self, name: &str) -> Option<&Region> {
        self.region_names
            .get(&key(name) as &dyn FoldKey)
            .map(|&i| &self.regions[i as usize])
    }

    /// The table's people whose name ends with `surname`, in any ASCII case.
    pub fn people_named(&self, surname: &str) -> impl Iterator<Item = &Actor> {
        self.surnames
            .get(&Folded(surname.trim()) as &dyn FoldKey)
            .into_iter()
            .flatten()
            .map(|&i| &self.actors[i as usize])
    }

    /// The table's people whose name opens with `given`, in any ASCII case, each with the
    /// last word of the name.
    pub fn people_given(&self, given: &str) -> impl Iterator<Item = (&Actor, &str)> {
        self.given_names
            .get(&Folded(given.trim()) as &dyn FoldKey)
            .into_iter()
            .flatten()
            .map(|&(i, last)| (&self.actors[i as usize], last))
    }

    /// The actor codes of a phrase ("Kremlin" → RUSGOV), ignoring case and a leading "the ";
    /// people have one entry per dated role. Empty when the phrase is unknown.
    pub fn actors(&self, phrase: &str) -> &[Actor] {
        match self.actor_phrases.get(&key(phrase) as &dyn FoldKey) {
            Some(&(a, b)) => &self.actors[a as usize..b as usize],
            None => &[],
        }
    }

    /// The role code of a generic agent noun ("defense minister" → GOVMIL, "navy" → MIL).
    pub fn agent(&self, phrase: &str) -> Option<&str> {
        if phrase.chars().any(char::is_uppercase) {
            return self.agents.get(phrase.to_lowercase().as_str()).copied();
        }
        self.agents.get(phrase).copied()
    }

    /// The longest known phrases in a token sequence, left to right, without overlaps: at each
    /// token, the longest run (at most [`MAX_PHRASE_TOKENS`]) that names a country, nationality,
    /// city, region or actor; the search resumes after it. Tokens are compared with the
    /// phrases' natural case; a token in capitals ("CHINA") also matches ignoring case.
    pub fn phrases(&self, tokens: &[&str]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        // Tokens equal ignoring ASCII case hash alike, so a phrase whose hashes differ from the
        // tokens' cannot match.
        let hashes: Vec<u64> = tokens.iter().map(|t| token_hash(t)).collect();
        let mut i = 0;
        while i < tokens.len() {
            let Some(&(a, b)) = self.first_token.get(&hashes[i]) else {
                i += 1;
                continue;
            };
            let list = &self.candidates[a as usize..b as usize];
            let found = list.iter().find(|c| {
                let len = c.len as usize;
                let start = c.start as usize;
                i + len <= tokens.len()
                    && self.token_hashes[start..start + len]
                        .iter()
                        .zip(&hashes[i..i + len])
                        .all(|(p, t)| p == t)
                    && self.tokens[start..start + len]
                        .iter()
                        .zip(&tokens[i..i + len])
                        .all(|(p, t)| p == t || (all_caps(t) && p.eq_ignore_ascii_case(t)))
            });
            match found {
                Some(c) => {
                    let end = i + c.len as usize;
                    let kinds = PhraseKind::ALL
                        .into_iter()
                        .filter(|k| c.kinds & k.bit() != 0)
                        .collect();
                    out.push(PhraseMatch {
                        start: i,
                        end,
                        kinds,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Gazetteer {
        Gazetteer::load()
    }

    #[test]
    fn tables_parse_whole() {
        let g = &g();
        let data_rows = |t: &'static str| lines(t).count();
        assert_eq!(
            g.countries.len(),
            data_rows(COUNTRIES),
            "a malformed row in countries.tsv"
        );
        assert_eq!(
            g.cities.len(),
            data_rows(CITIES),
            "a malformed row in cities.tsv"
        );
        assert_eq!(
            g.regions.len(),
            data_rows(REGIONS),
            "a malformed row in regions.tsv"
        );
        assert_eq!(
            g.actors.len(),
            data_rows(ACTORS),
            "a malformed row in actors.tsv"
        );
        assert_eq!(
            g.agents.len(),
            data_rows(AGENTS),
            "a malformed or repeated row in agents.tsv"
        );
        let grouped: u32 = g.actor_phrases.values().map(|(a, b)| b - a).sum();
        assert_eq!(
            grouped as usize,
            g.actors.len(),
            "actors.tsv is not sorted by phrase"
        );
        assert_eq!(g.countries.len(), 252);
        assert!(g.cities.len() > 30_000);
    }

    #[test]
    fn countries_by_name_and_adjective() {
        let g = &g();
        let iso = |c: Option<&Country>| c.map(|c| c.iso3.clone());
        for (name, want) in [
            ("China", "CHN"),
            ("Russia", "RUS"),
            ("United States", "USA"),
            ("the United States", "USA"),
            ("U.S.", "USA"),
            ("US", "USA"),
            ("UK", "GBR"),
            ("Britain", "GBR"),
            ("Bosnia and Herzegovina", "BIH"),
        ] {
            assert_eq!(
                iso(g.country_by_name(name)).as_deref(),
                Some(want),
                "country_by_name({name:?})"
            );
        }
        for (adj, want) in [
            ("Chinese", "CHN"),
            ("Russian", "RUS"),
            ("Russians", "RUS"),
            ("American", "USA"),
            ("British", "GBR"),
            ("U.S.", "USA"),
        ] {
            assert_eq!(
                iso(g.country_by_adjective(adj)).as_deref(),
                Some(want),
                "country_by_adjective({adj:?})"
            );
        }
        assert_eq!(g.country("CHN").unwrap().name, "China");
        assert_eq!(g.country("USA").unwrap().cameo, "USA");
        assert_eq!(g.country("XKX").unwrap().cameo, "KSV");
        assert_eq!(g.country("KSV").unwrap().iso3, "XKX");
        assert!(g.country_by_adjective("Table").is_none());
    }

    #[test]
    fn cities_most_populous_first() {
        let g = &g();
        let beijing = g.city(g.cities("Beijing")[0]);
        assert_eq!(beijing.country, "CHN");
        assert!(
            (beijing.lat - 39.9).abs() < 0.1 && (beijing.lon - 116.4).abs() < 0.1,
            "{beijing:?}"
        );
        let moscow = g.city(g.cities("Moscow")[0]);
        assert_eq!(moscow.country, "RUS");
        let paris = g.cities("Paris");
        assert!(paris.len() > 1);
        assert_eq!(g.city(paris[0]).country, "FRA");
        assert!(paris
            .windows(2)
            .all(|w| g.city(w[0]).population >= g.city(w[1]).population));
        assert!(g.cities("Atlantis Nowhere").is_empty());
    }

    #[test]
    fn regions() {
        let g = &g();
        for (name, kind) in [
            ("Sea of Japan", "sea"),
            ("East China Sea", "sea"),
            ("the Black Sea", "sea"),
            ("Europe", "continent"),
            ("Pacific Ocean", "ocean"),
            ("Middle East", "region"),
        ] {
            let r = g
                .region(name)
                .unwrap_or_else(|| panic!("region {name:?} missing"));
            assert_eq!(r.kind, kind, "{name}");
        }
        assert_eq!(g.region("Crimea").unwrap().country.as_deref(), Some("UKR"));
        // States and provinces carry the admin1 code of their cities.
        let ontario = g.region("Ontario").unwrap();
        let toronto = g.city(g.cities("Toronto")[0]);
        assert_eq!(ontario.kind, "state");
        assert_eq!(ontario.admin1.as_deref(), Some(toronto.admin1.as_str()));
        let texas = g.region("Texas").unwrap();
        assert_eq!(
            (texas.admin1.as_deref(), texas.geonameid.is_some()),
            (Some("TX"), true)
        );
        // States named like a country or a large city are there too: the places stage chooses.
        assert_eq!(g.region("Georgia").unwrap().country.as_deref(), Some("USA"));
        assert_eq!(
            g.region("Scotland").unwrap().country.as_deref(),
            Some("GBR")
        );
        // A nation of the UK is no name of the UK.
        assert!(g.country_by_name("Scotland").is_none());
    }

    #[test]
    fn every_country_has_a_point_inside_it() {
        let g = &g();
        // Rough boxes of a few large countries, the points their shapes make hardest.
        for (iso3, lat, lon) in [
            ("UKR", (44.0, 52.5), (22.0, 40.5)),
            ("CHN", (25.0, 45.0), (80.0, 120.0)),
            ("RUS", (50.0, 70.0), (40.0, 140.0)),
            ("USA", (30.0, 48.0), (-120.0, -80.0)),
            ("IDN", (-8.0, 3.0), (105.0, 125.0)),
            ("CHL", (-45.0, -20.0), (-72.0, -68.0)),
        ] {
            let c = g.country(iso3).unwrap();
            assert!(
                (lat.0..=lat.1).contains(&c.lat) && (lon.0..=lon.1).contains(&c.lon),
                "{c:?}"
            );
            assert!(c.geonameid > 0, "{c:?}");
        }
        for c in g.countries() {
            assert!(
                (-90.0..=90.0).contains(&c.lat)
                    && (-180.0..=180.0).contains(&c.lon)
                    && (c.lat, c.lon) != (0.0, 0.0),
                "{} has no point: {c:?}",
                c.iso3
            );
        }
        // A small country's point is its capital's.
        let lux = g.country("LUX").unwrap();
        assert!((lux.lat - 49.61).abs() < 0.05 && (lux.lon - 6.13).abs() < 0.05);
    }

    #[test]
    fn actors_and_agents() {
        let g = &g();
        let codes = |p: &str| {
            g.actors(p)
                .iter()
                .map(|a| a.code.clone())
                .collect::<Vec<_>>()
        };
        assert!(
            codes("Kremlin").contains(&"RUSGOV".to_string()),
            "{:?}",
            codes("Kremlin")
        );
        assert!(codes("the Kremlin").contains(&"RUSGOV".to_string()));
        assert!(codes("State Duma").contains(&"RUSLEG".to_string()));
        let nato = g.actors("NATO");
        assert!(
            nato.iter()
                .any(|a| a.code.starts_with("IGO") && a.kind == ActorKind::Igo),
            "{nato:?}"
        );
        let putin = g.actors("Vladimir Putin");
        assert!(
            putin
                .iter()
                .any(|a| a.kind == ActorKind::Person && a.from.is_some()),
            "{putin:?}"
        );
        assert!(g
            .actors("China")
            .iter()
            .any(|a| a.code == "CHN" && a.kind == ActorKind::Country));
        assert!(g.actors("nice").is_empty());
        let gov = g.agent("defense minister").unwrap();
        assert!(gov.contains("GOV") || gov.contains("MIL"), "{gov}");
        assert_eq!(g.agent("Defense Ministers"), Some(gov));
        assert_eq!(g.agent("navy"), Some("MIL"));
        assert_eq!(g.agent("xylophone"), None);
    }

    #[test]
    fn phrases_longest_first() {
        let g = &g();
        let m = g.phrases(&["the", "Sea", "of", "Japan"]);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].start, m[0].end), (1, 4));
        assert!(m[0].kinds.contains(&PhraseKind::Region));

        let m = g.phrases(&[
            "Chinese", "and", "Russian", "ships", "left", "Beijing", "for", "the", "U.S.",
        ]);
        let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, [(0, 1), (2, 3), (5, 6), (8, 9)], "{m:?}");
        assert!(m[0].kinds.contains(&PhraseKind::Nationality));
        assert!(m[2].kinds.contains(&PhraseKind::City));
        assert!(m[3].kinds.contains(&PhraseKind::Country));

        // Case matters, except for tokens in capitals.
        assert!(g.phrases(&["tell", "us"]).is_empty());
        assert_eq!(g.phrases(&["CHINA"]).len(), 1);
        // A possessive is a token of its own.
        let m = g.phrases(&["People", "'s", "Republic", "of", "China"]);
        assert_eq!((m[0].start, m[0].end), (0, 5), "{m:?}");
    }
}
