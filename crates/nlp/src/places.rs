//! Places resolved to the gazetteer: coordinates, country and GeoNames id.
//!
//! Every GPE and LOC entity is looked up by each of its names (hash lookups, most populous
//! cities first, at most [`MAX_CITIES`] of them; a longer gazetteer phrase around a mention
//! counts too, for names the tagger cut short) and each entry found is a candidate: a country, a
//! region (sea, ocean, continent, state or province…) or a city. The `layout` module reads how
//! the text sets the place mentions out, and `choose` scores the candidates in two passes, so the
//! stage is linear in the number of entities:
//!
//! 1. **Prior.** A country's name is that country: no town named after it ever wins. Seas,
//!    oceans, continents and regions come before cities. A state or province comes before a city
//!    of the same name, unless the name is also a large city's or a country's ("New York",
//!    "Washington", "Georgia"): then it needs evidence from the text. Cities rank by population,
//!    and a city found only by an odd alternate name ranks lower.
//! 2. **The article's countries.** The countries the text names (countries, nationality words),
//!    and after the first pass the countries of the other resolved places, favour candidates in
//!    them.
//! 3. **"City, State" and "City, Country".** A place followed by a comma and another place lies
//!    in it: "Buffalo, New York" is Buffalo in New York state, and the state. When the second
//!    place holds none of the first's cities, the first is a place the gazetteer lacks and stays
//!    unresolved ("Norfolk, England" is no town in Virginia). Lists ("Utah, Washington and
//!    Wisconsin") are not read so.
//! 4. **Words around the name.** "New York state", "the state of Washington", "Henan province"
//!    name divisions; "the city of …" names a city.
//! 5. **Co-mentioned places** (second pass): the members of a list are of one kind (a state among
//!    states); a state or province whose cities the text names, a city in a state the text
//!    names, and a city near another resolved city.
//!
//! A small city in a country the article never names is left unresolved rather than guessed.
//! Output follows the entity order, and nothing depends on hash iteration order.
//!
//! ```
//! use annalist_core::{Document, Format};
//! use annalist_nlp::Analyzer;
//!
//! let doc = Document::from_paragraphs("x", Format::Plain, vec![
//!     "China's defense minister flew to Moscow.".to_string(),
//! ]);
//! let a = Analyzer::new().analyze(&doc);
//! let moscow = a.places.iter().find(|p| p.name == "Moscow").unwrap();
//! assert_eq!(moscow.country.as_deref(), Some("RUS"));
//! assert!((moscow.lat - 55.75).abs() < 0.1 && (moscow.lon - 37.62).abs() < 0.1);
//! // A country is a point inside it, never a town named after it.
//! let china = a.places.iter().find(|p| p.country.as_deref() == Some("CHN")).unwrap();
//! assert_eq!(china.name, "China");
//! ```

mod layout;

use rustc_hash::FxHashMap;

use crate::entities::{Entity, EntityType, Form, Tokenized};
use crate::gazetteer::{City, Country, Gazetteer, PhraseKind, Region, MAX_PHRASE_TOKENS};
use layout::{Layout, Word};

/// The most populous cities of one name that are considered.
pub const MAX_CITIES: usize = 24;
/// The names of one entity that are looked up.
const MAX_NAMES: usize = 6;

/// A place entity resolved to one gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The entity it resolves: an index into the entity list.
    pub entity: usize,
    /// The gazetteer's name for it.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id, if the entry is a GeoNames one.
    pub geonameid: Option<u64>,
}

/// What a candidate is.
#[derive(Clone, Copy, Debug)]
enum Target<'g> {
    Country(&'g Country),
    Region(&'g Region),
    City(&'g City),
}

/// One gazetteer entry an entity may name.
#[derive(Clone, Copy, Debug)]
struct Candidate<'g> {
    target: Target<'g>,
    /// A state whose name is also a large city's or a country's.
    shadowed: bool,
    /// A city found only by an alternate name that is no mere spelling of its name.
    alternate: bool,
    /// A city that is its country's capital.
    capital: bool,
}

/// The kinds a list's members share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Country,
    State,
    City,
    Other,
}

impl<'g> Candidate<'g> {
    fn country(&self) -> Option<&'g str> {
        match self.target {
            Target::Country(c) => Some(&c.iso3),
            Target::Region(r) => r.country.as_deref(),
            Target::City(c) => (!c.country.is_empty()).then_some(c.country.as_str()),
        }
    }

    fn point(&self) -> (f64, f64) {
        match self.target {
            Target::Country(c) => (c.lat, c.lon),
            Target::Region(r) => (r.lat, r.lon),
            Target::City(c) => (c.lat, c.lon),
        }
    }

    fn level(&self) -> Level {
        match self.target {
            Target::Country(_) => Level::Country,
            Target::Region(r) if r.kind == "state" => Level::State,
            Target::Region(_) => Level::Other,
            Target::City(_) => Level::City,
        }
    }

    /// A state or province with its admin1 code: `(country, admin1)`.
    fn division(&self) -> Option<(&'g str, &'g str)> {
        match self.target {
            Target::Region(r) if r.kind == "state" => {
                Some((r.country.as_deref()?, r.admin1.as_deref()?))
            }
            _ => None,
        }
    }

    /// Whether this candidate is a country or a state that can hold cities.
    fn can_hold(&self) -> bool {
        matches!(self.level(), Level::Country | Level::State)
    }

    /// Whether this candidate (a country or a state) holds the city `c`.
    fn holds(&self, c: &City) -> bool {
        match self.target {
            Target::Country(k) => k.iso3 == c.country,
            Target::Region(r) if r.kind == "state" => {
                r.country.as_deref() == Some(c.country.as_str())
                    && r.admin1.as_deref() == Some(c.admin1.as_str())
            }
            _ => false,
        }
    }

    fn place(&self, entity: usize) -> Place {
        let (lat, lon) = self.point();
        let (name, geonameid) = match self.target {
            Target::Country(c) => (&c.name, Some(c.geonameid).filter(|&id| id > 0)),
            Target::Region(r) => (&r.name, r.geonameid),
            Target::City(c) => (&c.name, Some(c.geonameid)),
        };
        Place {
            entity,
            name: name.clone(),
            country: self.country().map(str::to_string),
            lat,
            lon,
            geonameid,
        }
    }
}

/// Seas, oceans, continents and other regions.
const REGION_PRIOR: f64 = 9.0;
/// States and provinces. A city's prior is log10 of its population (4.2 for 15,000 people,
/// 7 for 10 million).
const STATE_PRIOR: f64 = 8.0;
const SHADOWED_STATE_PRIOR: f64 = 4.0;
/// Taken off a city found by an odd alternate name ("Washington" for a township).
const ALTERNATE_PENALTY: f64 = 1.5;
/// Times the share of the article's country evidence that the candidate's country has.
const COUNTRY_SHARE: f64 = 2.0;
/// When the article names the candidate's country at all.
const COUNTRY_NAMED: f64 = 0.5;
/// "City, State", for both sides; "New York state", "the city of …".
const CONTAINER: f64 = 6.0;
/// A list member of the kind of the other members.
const SIBLING: f64 = 3.0;
/// A state the text names holds the city, or a city the text names lies in the state.
const CO_MENTIONED: f64 = 2.5;
/// A state or province of a country whose other divisions the text names (two or more).
const DIVISIONS_NAMED: f64 = 3.0;
/// A country's capital, which news names more than its namesakes.
const CAPITAL: f64 = 1.5;
/// A city within [`NEAR_KM`] of another resolved city.
const NEAR: f64 = 1.5;
const NEAR_KM: f64 = 150.0;
/// Resolved cities (the first ones) that other cities are compared with.
const MAX_ANCHORS: usize = 64;
/// A city this large keeps its name against smaller namesakes unless the text points at one.
const PROMINENT_POPULATION: u64 = 1_000_000;
/// Below this population, a city whose country the article never names is not guessed.
const STRANGER_POPULATION: u64 = 100_000;
/// Mentions counted as country evidence, at most this many per entity.
const MAX_EVIDENCE_MENTIONS: usize = 3;

/// The entities that name something: the first one, and how many.
#[derive(Clone, Copy, Debug)]
struct Named {
    first: usize,
    count: usize,
}

impl Named {
    /// `named` with entity `k` added.
    fn add(named: Option<Named>, k: usize) -> Named {
        match named {
            Some(n) => Named {
                first: n.first,
                count: n.count + 1,
            },
            None => Named { first: k, count: 1 },
        }
    }

    /// Whether an entity other than `k` is among them.
    fn other_than(&self, k: usize) -> bool {
        self.count > 1 || self.first != k
    }
}

/// The country evidence of the article, and after the first pass what it found.
#[derive(Default)]
struct Context<'g> {
    /// Per entity: (country, weight).
    evidence: Vec<Option<(&'g str, f64)>>,
    /// Total weight per country.
    weight: FxHashMap<&'g str, f64>,
    total: f64,
    /// Divisions the text names (resolved): who names them.
    states: FxHashMap<(&'g str, &'g str), Named>,
    /// Divisions holding a resolved city: who names the cities.
    state_of_city: FxHashMap<(&'g str, &'g str), Named>,
    /// Resolved cities: (entity, point).
    anchors: Vec<(usize, (f64, f64))>,
    /// Per entity, the level the first pass gave it.
    levels: Vec<Option<Level>>,
    /// Per country, the entities the first pass made its states or provinces.
    divisions: FxHashMap<&'g str, usize>,
    /// Per entity, the country of the first pass's choice.
    countries: Vec<Option<&'g str>>,
}

impl<'g> Context<'g> {
    fn add(&mut self, entity: usize, country: &'g str, weight: f64) {
        self.evidence[entity] = Some((country, weight));
        *self.weight.entry(country).or_default() += weight;
        self.total += weight;
    }

    /// The weight of the evidence of the entities other than `e`.
    fn others(&self, e: usize) -> f64 {
        self.total - self.evidence[e].map_or(0.0, |o| o.1)
    }

    /// The share of the other entities' evidence that is for `country`, and whether there is
    /// any.
    fn share(&self, e: usize, country: &str) -> (f64, bool) {
        let own = self.evidence[e]
            .filter(|o| o.0 == country)
            .map_or(0.0, |o| o.1);
        let here = self.weight.get(country).copied().unwrap_or(0.0) - own;
        let total = self.others(e);
        if total <= 1e-9 || here <= 1e-9 {
            (0.0, false)
        } else {
            (here / total, true)
        }
    }
}

/// Resolves every GPE and LOC entity of `entities` that the gazetteer can place.
pub fn resolve(t: &Tokenized<'_>, g: &Gazetteer, entities: &[Entity]) -> Vec<Place> {
    let candidates: Vec<Vec<Candidate<'_>>> = entities
        .iter()
        .map(|e| match e.kind {
            EntityType::Gpe | EntityType::Loc => candidates(t, g, e),
            _ => Vec::new(),
        })
        .collect();
    let layout = layout::read(t, entities);
    let weight = |e: &Entity| {
        e.mentions
            .iter()
            .filter(|m| m.form == Form::Name)
            .count()
            .clamp(1, MAX_EVIDENCE_MENTIONS) as f64
    };

    // The countries the text names: country names and nationality words.
    let mut initial = Context {
        evidence: vec![None; entities.len()],
        levels: vec![None; entities.len()],
        countries: vec![None; entities.len()],
        ..Context::default()
    };
    for (k, e) in entities.iter().enumerate() {
        match e.kind {
            EntityType::Gpe | EntityType::Loc => {
                if let Some(c) = candidates[k].iter().find_map(|c| match c.target {
                    Target::Country(c) => Some(c),
                    _ => None,
                }) {
                    initial.add(k, &c.iso3, weight(e));
                }
            }
            EntityType::Norp => {
                if let Some(c) = g.country_by_adjective(&e.name) {
                    initial.add(k, &c.iso3, 0.5 * weight(e));
                }
            }
            _ => {}
        }
    }

    // First pass: the countries named, the layout, the words around.
    let first: Vec<Option<usize>> = (0..entities.len())
        .map(|k| choose(k, entities, &candidates, &layout, &initial, false))
        .collect();

    // Second pass: what the first found is evidence too, in place of what each entity might
    // have been ("Georgia" the state is no evidence for the country).
    let mut context = Context {
        evidence: vec![None; entities.len()],
        levels: vec![None; entities.len()],
        countries: vec![None; entities.len()],
        ..Context::default()
    };
    for (k, e) in entities.iter().enumerate() {
        let Some(i) = first[k] else {
            if let Some((country, w)) = initial.evidence[k] {
                context.add(k, country, w);
            }
            continue;
        };
        let c = &candidates[k][i];
        context.levels[k] = Some(c.level());
        context.countries[k] = c.country();
        if let Some(country) = c.country() {
            let w = if c.level() == Level::Country {
                1.0
            } else {
                0.6
            };
            context.add(k, country, w * weight(e));
            if c.level() == Level::State {
                *context.divisions.entry(country).or_default() += 1;
            }
        }
        if let Some(d) = c.division() {
            let named = Named::add(context.states.get(&d).copied(), k);
            context.states.insert(d, named);
        }
        if let Target::City(city) = c.target {
            let key = (city.country.as_str(), city.admin1.as_str());
            let named = Named::add(context.state_of_city.get(&key).copied(), k);
            context.state_of_city.insert(key, named);
            if context.anchors.len() < MAX_ANCHORS {
                context.anchors.push((k, (city.lat, city.lon)));
            }
        }
    }
    (0..entities.len())
        .filter_map(|k| {
            let i = choose(k, entities, &candidates, &layout, &context, true)?;
            Some(candidates[k][i].place(k))
        })
        .collect()
}

/// The names of an entity, most telling first: gazetteer phrases that hold one of its name
/// mentions and are longer ("Democratic Republic of the Congo" around a mention "Congo"), its
/// fullest name, then its other name mentions, longest first.
fn names<'t>(t: &Tokenized<'t>, g: &Gazetteer, e: &'t Entity) -> Vec<&'t str> {
    let mut out: Vec<&'t str> = Vec::new();
    for m in e.mentions.iter().filter(|m| m.form == Form::Name) {
        let sentence = &t.sentences[t.sentence_of(m.tokens.start)];
        let from = m
            .tokens
            .start
            .saturating_sub(MAX_PHRASE_TOKENS - 1)
            .max(sentence.start);
        let to = (m.tokens.end + MAX_PHRASE_TOKENS - 1).min(sentence.end);
        let words: Vec<&str> = (from..to).map(|i| t.word(i)).collect();
        for p in g.phrases(&words) {
            let (start, end) = (from + p.start, from + p.end);
            let holds = start <= m.tokens.start && m.tokens.end <= end;
            let place = p
                .kinds
                .iter()
                .any(|k| matches!(k, PhraseKind::Country | PhraseKind::Region));
            if holds && end - start > m.tokens.len() && place {
                out.push(t.slice(start..end));
            }
        }
    }
    out.push(e.name.as_str());
    let mut others: Vec<&str> = e
        .mentions
        .iter()
        .filter(|m| m.form == Form::Name)
        .map(|m| t.slice(m.tokens.clone()))
        .collect();
    others.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.extend(others);
    // "southern California", "central Java": the place itself.
    let bare: Vec<&str> = out
        .iter()
        .filter_map(|n| {
            let (first, rest) = n.split_once(' ')?;
            DIRECTIONS.contains(&first).then_some(rest.trim_start())
        })
        .collect();
    out.extend(bare);
    let mut unique: Vec<&str> = Vec::with_capacity(MAX_NAMES);
    for n in out {
        if unique.len() == MAX_NAMES {
            break;
        }
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(n)) {
            unique.push(n);
        }
    }
    unique
}

/// Lowercase words of direction that a mention may start with ("southern California").
const DIRECTIONS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "west",
    "western",
];

/// Whether two names are the same but for case and accents ("Québec", "Quebec"): the same
/// number of chars, each pair equal ignoring ASCII case or one of them a non-ASCII letter.
fn same_name(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.eq_ignore_ascii_case(&y) || !x.is_ascii() || !y.is_ascii())
}

/// Every gazetteer entry one of the entity's names names.
fn candidates<'g>(t: &Tokenized<'_>, g: &'g Gazetteer, e: &Entity) -> Vec<Candidate<'g>> {
    let mut out: Vec<Candidate<'g>> = Vec::new();
    for name in names(t, g, e) {
        let country = g.country_by_name(name);
        if let Some(c) = country {
            out.push(Candidate {
                target: Target::Country(c),
                shadowed: false,
                alternate: false,
                capital: false,
            });
        }
        let cities = g.cities(name);
        if let Some(r) = g.region(name) {
            // A large city of that name: by its own name from 500,000 people, by an alternate
            // from 5 million ("New York" for New York City).
            let big_city = cities.iter().map(|&c| g.city(c)).any(|c| {
                (c.population >= 500_000 && same_name(&c.name, name)) || c.population >= 5_000_000
            });
            let country_named = country.is_some_and(|c| c.name.eq_ignore_ascii_case(&r.name));
            out.push(Candidate {
                target: Target::Region(r),
                shadowed: r.kind == "state" && (big_city || country_named),
                alternate: false,
                capital: false,
            });
        }
        for &c in cities.iter().take(MAX_CITIES) {
            let city = g.city(c);
            out.push(Candidate {
                target: Target::City(city),
                shadowed: false,
                alternate: !same_name(&city.name, name),
                capital: g
                    .country(&city.country)
                    .is_some_and(|k| same_name(&k.capital, &city.name)),
            });
        }
    }
    // One entry found by two names is one candidate, with its best name.
    let mut seen: FxHashMap<(u8, usize), usize> = FxHashMap::default();
    let mut unique: Vec<Candidate<'g>> = Vec::with_capacity(out.len());
    for c in out {
        let id = match c.target {
            Target::Country(x) => (0, x as *const Country as usize),
            Target::Region(x) => (1, x as *const Region as usize),
            Target::City(x) => (2, x as *const City as usize),
        };
        match seen.get(&id) {
            Some(&i) => unique[i].alternate &= c.alternate,
            None => {
                seen.insert(id, unique.len());
                unique.push(c);
            }
        }
    }
    unique
}

/// The best candidate of entity `k`, if any is good enough. `second` says whether the context
/// holds the first pass's choices.
fn choose(
    k: usize,
    entities: &[Entity],
    candidates: &[Vec<Candidate<'_>>],
    layout: &Layout,
    context: &Context<'_>,
    second: bool,
) -> Option<usize> {
    let own = &candidates[k];
    if own.is_empty() {
        return None;
    }
    // "City, State": a country or state after the comma holds this city, or this country or
    // state holds a city before it.
    let outer_holders = || {
        layout.outer[k]
            .iter()
            .flat_map(|&o| candidates[o].iter())
            .filter(|c| c.can_hold())
    };
    let held = |c: &Candidate<'_>| match c.target {
        Target::City(city) => outer_holders().any(|o| o.holds(city)),
        _ => false,
    };
    let holds = |c: &Candidate<'_>| {
        layout.inner[k].iter().any(|&i| {
            candidates[i].iter().any(|ic| match ic.target {
                Target::City(city) => c.holds(city),
                _ => false,
            })
        })
    };
    // What the words around say: "New York state", "the city of …".
    let word = layout.words[k];
    // The level most of the list's other members took in the first pass.
    let sibling_level = if second {
        majority(layout.siblings[k].iter().filter_map(|&s| context.levels[s]))
    } else {
        None
    };
    let score = |c: &Candidate<'_>| {
        let mut s = match c.target {
            Target::Country(_) => 0.0,
            Target::Region(r) if r.kind == "state" && c.shadowed => SHADOWED_STATE_PRIOR,
            Target::Region(r) if r.kind == "state" => STATE_PRIOR,
            Target::Region(_) => REGION_PRIOR,
            Target::City(city) => {
                (city.population.max(1) as f64).log10()
                    - if c.alternate { ALTERNATE_PENALTY } else { 0.0 }
                    + if c.capital { CAPITAL } else { 0.0 }
            }
        };
        if let Some(country) = c.country() {
            let (share, named) = context.share(k, country);
            s += COUNTRY_SHARE * share + if named { COUNTRY_NAMED } else { 0.0 };
        }
        if held(c) || holds(c) {
            s += CONTAINER;
        }
        match (word, c.level()) {
            (Some(Word::State), Level::State) | (Some(Word::City), Level::City) => s += CONTAINER,
            _ => {}
        }
        if sibling_level.is_some_and(|l| l == c.level()) {
            s += SIBLING;
        }
        if second {
            if let Target::City(city) = c.target {
                let key = (city.country.as_str(), city.admin1.as_str());
                if context.states.get(&key).is_some_and(|n| n.other_than(k)) {
                    s += CO_MENTIONED;
                }
                let near = context
                    .anchors
                    .iter()
                    .any(|&(e, p)| e != k && distance_km(p, (city.lat, city.lon)) <= NEAR_KM);
                if near {
                    s += NEAR;
                }
            } else if let Some(d) = c.division() {
                if context
                    .state_of_city
                    .get(&d)
                    .is_some_and(|n| n.other_than(k))
                {
                    s += CO_MENTIONED;
                }
                let own_state =
                    context.levels[k] == Some(Level::State) && context.countries[k] == Some(d.0);
                let others =
                    context.divisions.get(d.0).copied().unwrap_or(0) - usize::from(own_state);
                if others >= 2 {
                    s += DIVISIONS_NAMED;
                }
            }
        }
        s
    };

    // A country's name is the country, unless the entity's name is also a state or province's
    // and the text says so ("Atlanta, Georgia", "Georgia" among American states), or it is a
    // nation of the country ("Scotland", which the gazetteer also gives as a name of the UK).
    if let Some(ci) = own
        .iter()
        .position(|c| matches!(c.target, Target::Country(_)))
    {
        let country = own[ci].country().unwrap_or("");
        let state = own.iter().position(|c| {
            matches!(c.target, Target::Region(r) if r.kind == "state"
                && r.name.eq_ignore_ascii_case(&entities[k].name))
        });
        if let Some(si) = state {
            let s = &own[si];
            let same_country = s.country() == Some(country);
            let supported = held(s)
                || holds(s)
                || word == Some(Word::State)
                || sibling_level == Some(Level::State)
                || {
                    let (share, _) = context.share(k, s.country().unwrap_or(""));
                    let (_, named) = context.share(k, country);
                    share >= 0.5 && !named
                };
            if same_country || supported {
                return Some(si);
            }
        }
        return Some(ci);
    }

    // "Norfolk, England": a country or state after the comma that holds none of the cities is
    // a sign the gazetteer lacks the place; its other candidates (regions) may stand.
    let mut usable: Vec<usize> = (0..own.len()).collect();
    if outer_holders().next().is_some() && !own.iter().any(held) {
        usable.retain(|&i| !matches!(own[i].target, Target::City(_)));
    }
    let scores: Vec<f64> = own.iter().map(score).collect();
    let mut best = usable
        .iter()
        .copied()
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))?;
    // A world city (a capital, or a million people) is not displaced by a namesake on the
    // article's countries alone: the namesake needs the text to point at it ("Paris, Texas",
    // a state of its own named, a city nearby).
    let prominent = usable.iter().copied().find(|&i| match own[i].target {
        Target::City(c) => {
            c.population >= PROMINENT_POPULATION || (own[i].capital && c.population >= 200_000)
        }
        _ => false,
    });
    if let (Some(p), Target::City(_)) = (prominent, own[best].target) {
        let pointed = |c: &Candidate<'_>| {
            held(c)
                || word == Some(Word::City)
                || match c.target {
                    Target::City(city) if second => {
                        context
                            .states
                            .get(&(city.country.as_str(), city.admin1.as_str()))
                            .is_some_and(|n| n.other_than(k))
                            || context.anchors.iter().any(|&(e, q)| {
                                e != k && distance_km(q, (city.lat, city.lon)) <= NEAR_KM
                            })
                    }
                    _ => false,
                }
        };
        if best != p && !pointed(&own[best]) {
            best = p;
        }
    }
    // A small city in a country the article never names is a guess: none.
    if let Target::City(city) = own[best].target {
        let (_, named) = context.share(k, &city.country);
        let stranger = !named && context.others(k) > 0.0 && !held(&own[best]);
        if stranger && city.population < STRANGER_POPULATION {
            return None;
        }
    }
    Some(best)
}

/// The level most of `levels` have, if one has more than half of them.
fn majority(levels: impl Iterator<Item = Level>) -> Option<Level> {
    let mut counts = [0usize; 4];
    let mut n = 0;
    for l in levels {
        counts[l as usize] += 1;
        n += 1;
    }
    let (i, &best) = counts.iter().enumerate().max_by_key(|(_, &c)| c)?;
    (best * 2 > n).then(|| [Level::Country, Level::State, Level::City, Level::Other][i])
}

/// The great-circle distance in km between two points in degrees.
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Mention;
    use annalist_core::Span;

    /// Entities over every occurrence of each name (the tagger left out, so the tests read the
    /// places stage alone), and the places they resolve to: (name, place) by entity name.
    fn resolved(g: &Gazetteer, text: &str, names: &[(&str, EntityType)]) -> Vec<(String, Place)> {
        let t = Tokenized::new(text, &[Span::new(0, text.len())]);
        let mut entities: Vec<Entity> = Vec::new();
        for &(name, kind) in names {
            let words: Vec<&str> = Tokenized::new(name, &[Span::new(0, name.len())])
                .tokens
                .iter()
                .map(|tok| tok.text(name))
                .collect();
            let mentions: Vec<Mention> = (0..t.tokens.len())
                .filter(|&i| {
                    i + words.len() <= t.tokens.len()
                        && words.iter().enumerate().all(|(j, w)| t.word(i + j) == *w)
                })
                .map(|i| Mention {
                    tokens: i..i + words.len(),
                    kind,
                    form: Form::Name,
                })
                .collect();
            assert!(!mentions.is_empty(), "{name:?} is not in the text");
            entities.push(Entity {
                kind,
                name: name.to_string(),
                roles: Vec::new(),
                country: None,
                actor: None,
                mentions,
            });
        }
        resolve(&t, g, &entities)
            .into_iter()
            .map(|p| (entities[p.entity].name.clone(), p))
            .collect()
    }

    fn place<'a>(found: &'a [(String, Place)], name: &str) -> Option<&'a Place> {
        found.iter().find(|(n, _)| n == name).map(|(_, p)| p)
    }

    /// Asserts the place of `name` is within `km` of the point, in `country`.
    #[track_caller]
    fn near(found: &[(String, Place)], name: &str, point: (f64, f64), km: f64, country: &str) {
        let p = place(found, name).unwrap_or_else(|| panic!("{name} unresolved in {found:#?}"));
        let d = distance_km((p.lat, p.lon), point);
        assert!(d <= km, "{name}: {d:.0} km off: {p:?}");
        assert_eq!(p.country.as_deref(), Some(country), "{name}: {p:?}");
    }

    use EntityType::{Gpe, Loc, Norp};

    #[test]
    fn countries_are_points_inside_them() {
        let g = &Gazetteer::load();
        let found = resolved(
            g,
            "China and Russia held drills while Ukraine and the United States watched.",
            &[
                ("China", Gpe),
                ("Russia", Gpe),
                ("Ukraine", Gpe),
                ("United States", Gpe),
            ],
        );
        let inside = |name: &str, lat: (f64, f64), lon: (f64, f64)| {
            let p = place(&found, name).unwrap();
            assert!(
                (lat.0..=lat.1).contains(&p.lat) && (lon.0..=lon.1).contains(&p.lon),
                "{name}: {p:?}"
            );
            assert_eq!(p.geonameid, g.country_by_name(name).map(|c| c.geonameid));
        };
        inside("China", (25.0, 42.0), (85.0, 118.0));
        inside("Russia", (50.0, 70.0), (40.0, 130.0));
        inside("Ukraine", (44.0, 52.5), (22.0, 40.5));
        inside("United States", (30.0, 48.0), (-120.0, -80.0));
    }

    #[test]
    fn a_country_name_is_never_a_town() {
        let g = &Gazetteer::load();
        // Towns called China (Texas, Mexico) and Jordan exist; the text means the countries.
        let found = resolved(
            g,
            "Police in Houston and Dallas said exports to China and Jordan fell.",
            &[
                ("Houston", Gpe),
                ("Dallas", Gpe),
                ("China", Gpe),
                ("Jordan", Gpe),
            ],
        );
        assert_eq!(place(&found, "China").unwrap().name, "China");
        assert_eq!(
            place(&found, "Jordan").unwrap().country.as_deref(),
            Some("JOR")
        );
    }

    #[test]
    fn city_state_and_city_country() {
        let g = &Gazetteer::load();
        let found = resolved(
            g,
            "Flooding hit Buffalo, New York, and Paris, Texas, on Monday.",
            &[
                ("Buffalo", Gpe),
                ("New York", Gpe),
                ("Paris", Gpe),
                ("Texas", Gpe),
            ],
        );
        near(&found, "Buffalo", (42.89, -78.88), 30.0, "USA");
        // The state, not New York City.
        near(&found, "New York", (42.9, -75.5), 100.0, "USA");
        near(&found, "Paris", (33.66, -95.56), 30.0, "USA");
        let found = resolved(
            g,
            "He was born in London, Ontario, and studied in Victoria, Australia.",
            &[
                ("London", Gpe),
                ("Ontario", Gpe),
                ("Victoria", Gpe),
                ("Australia", Gpe),
            ],
        );
        near(&found, "London", (42.98, -81.23), 30.0, "CAN");
        near(&found, "Victoria", (-37.0, 144.5), 300.0, "AUS");
    }

    #[test]
    fn population_and_the_article_s_countries() {
        let g = &Gazetteer::load();
        // Alone, Paris is the capital of France; a Texas story does not move it to Texas.
        let found = resolved(
            g,
            "Senators from Ohio and Michigan met in Chicago. The president then flew to Paris.",
            &[
                ("Ohio", Gpe),
                ("Michigan", Gpe),
                ("Chicago", Gpe),
                ("Paris", Gpe),
            ],
        );
        near(&found, "Paris", (48.86, 2.35), 30.0, "FRA");
        // Washington alone is the capital; among states it is the state.
        let found = resolved(
            g,
            "The talks in Washington ended on Friday.",
            &[("Washington", Gpe)],
        );
        near(&found, "Washington", (38.9, -77.04), 30.0, "USA");
        let found = resolved(
            g,
            "Cases were found in Oregon, Idaho and Washington.",
            &[("Oregon", Gpe), ("Idaho", Gpe), ("Washington", Gpe)],
        );
        near(&found, "Washington", (47.4, -120.5), 100.0, "USA");
        let found = resolved(
            g,
            "A cow from a Washington state farm tested positive.",
            &[("Washington", Gpe)],
        );
        near(&found, "Washington", (47.4, -120.5), 100.0, "USA");
    }

    #[test]
    fn georgia_the_country_or_the_state() {
        let g = &Gazetteer::load();
        let found = resolved(
            g,
            "Georgia's president met Russian envoys in Tbilisi.",
            &[("Georgia", Gpe), ("Russian", Norp), ("Tbilisi", Gpe)],
        );
        near(&found, "Georgia", (42.0, 43.5), 200.0, "GEO");
        let found = resolved(
            g,
            "Police in Atlanta, Georgia, arrested two men from Savannah.",
            &[("Atlanta", Gpe), ("Georgia", Gpe), ("Savannah", Gpe)],
        );
        near(&found, "Georgia", (32.7, -83.4), 200.0, "USA");
        near(&found, "Savannah", (32.08, -81.1), 30.0, "USA");
    }

    #[test]
    fn a_place_the_gazetteer_lacks_stays_unresolved() {
        let g = &Gazetteer::load();
        // Norfolk is an English county here, not the city in Virginia.
        let found = resolved(
            g,
            "Birds died at a farm in Norfolk, England, last week.",
            &[("Norfolk", Gpe), ("England", Gpe)],
        );
        assert!(place(&found, "Norfolk").is_none(), "{found:#?}");
        near(&found, "England", (52.5, -1.5), 200.0, "GBR");
    }

    #[test]
    fn seas_regions_and_nations() {
        let g = &Gazetteer::load();
        let found = resolved(
            g,
            "Ships sailed in the Sea of Japan and the East China Sea, far from the Middle East. \
             Scotland and Wales voted.",
            &[
                ("Sea of Japan", Loc),
                ("East China Sea", Loc),
                ("Middle East", Loc),
                ("Scotland", Gpe),
                ("Wales", Gpe),
            ],
        );
        let sea = place(&found, "Sea of Japan").unwrap();
        assert_eq!(
            (sea.name.as_str(), sea.country.as_deref()),
            ("Sea of Japan", None)
        );
        assert!(distance_km((sea.lat, sea.lon), (40.0, 135.0)) < 300.0);
        assert_eq!(
            place(&found, "East China Sea").unwrap().name,
            "East China Sea"
        );
        assert_eq!(place(&found, "Middle East").unwrap().name, "Middle East");
        near(&found, "Scotland", (56.5, -4.2), 100.0, "GBR");
        near(&found, "Wales", (52.3, -3.6), 100.0, "GBR");
    }

    #[test]
    fn a_direction_before_the_name() {
        let g = &Gazetteer::load();
        let found = resolved(
            g,
            "Fires spread in southern California.",
            &[("southern California", Gpe)],
        );
        near(&found, "southern California", (37.2, -119.5), 50.0, "USA");
    }

    #[test]
    fn a_longer_name_around_a_short_mention() {
        let g = &Gazetteer::load();
        // The tagger sometimes keeps only "Congo" of the full name.
        let found = resolved(
            g,
            "Cases rose in the Democratic Republic of the Congo this year.",
            &[("Congo", Gpe)],
        );
        assert_eq!(
            place(&found, "Congo").unwrap().country.as_deref(),
            Some("COD")
        );
    }

    #[test]
    fn output_is_deterministic_and_in_entity_order() {
        let g = &Gazetteer::load();
        let text = "Troops moved from Kyiv to Kharkiv, Ukraine, then to Odesa and Lviv. \
                    Officials in Moscow and Minsk, Belarus, objected.";
        let names = [
            ("Kyiv", Gpe),
            ("Kharkiv", Gpe),
            ("Ukraine", Gpe),
            ("Odesa", Gpe),
            ("Lviv", Gpe),
            ("Moscow", Gpe),
            ("Minsk", Gpe),
            ("Belarus", Gpe),
        ];
        let a = resolved(g, text, &names);
        for _ in 0..5 {
            assert_eq!(resolved(g, text, &names), a);
        }
        assert!(a.windows(2).all(|w| w[0].1.entity < w[1].1.entity));
        near(&a, "Kharkiv", (49.99, 36.23), 30.0, "UKR");
        near(&a, "Minsk", (53.9, 27.57), 30.0, "BLR");
    }

    #[test]
    fn many_places_stay_fast() {
        // Linear in the entities: a long text naming many places, most of them ambiguous.
        let g = &Gazetteer::load();
        let cities = [
            "Springfield",
            "Portland",
            "Paris",
            "London",
            "Victoria",
            "Richmond",
            "Columbus",
            "Georgia",
        ];
        let mut text = String::new();
        for i in 0..3_000 {
            let (a, b) = (cities[i % 8], cities[(i * 3 + 1) % 8]);
            text.push_str(&format!("Flights from {a}, {b} and Texas resumed. "));
        }
        let names: Vec<(&str, EntityType)> =
            cities.iter().chain(&["Texas"]).map(|&c| (c, Gpe)).collect();
        let started = std::time::Instant::now();
        let found = resolved(g, &text, &names);
        assert_eq!(found.len(), names.len(), "{found:#?}");
        assert!(
            started.elapsed().as_secs_f64() < 20.0,
            "{:?}",
            started.elapsed()
        );
    }
}
