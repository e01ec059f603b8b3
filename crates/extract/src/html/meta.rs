//! An article's metadata: title, standfirst, date, authors, canonical URL, language, site name.
//!
//! Each field is read from the most trustworthy place that has it: JSON-LD first (what the
//! publisher declares for search engines), then `<meta>` (Open Graph, article:*, Dublin Core,
//! Parse.ly), then the markup (`<h1>`, `<time>`, bylines), then the URL.

use annalist_core::PublishedFrom;
use serde_json::Value;

use super::classify;
use super::date::{date_in_text, date_in_url, normalize_date};
use super::tree::{collapse_ws, NodeData, NodeId, Tag, Tree};

/// Metadata read from a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// The standfirst.
    pub description: Option<String>,
    /// ISO date.
    pub published: Option<String>,
    /// Where the date came from.
    pub published_from: Option<PublishedFrom>,
    /// Authors.
    pub authors: Vec<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Language code (ISO 639-1) declared by the page.
    pub language: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
}

/// What the page's `<meta>`, `<link>` and JSON-LD declare, gathered in one pass.
#[derive(Default)]
struct Declared {
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    ld: Vec<Value>,
    title_tag: Option<String>,
    html_lang: Option<String>,
}

fn declared(tree: &Tree) -> Declared {
    let mut d = Declared::default();
    for (i, node) in tree.nodes().iter().enumerate() {
        let NodeData::Element { tag, .. } = &node.data else {
            continue;
        };
        let id = i as NodeId;
        match tag {
            Tag::Meta => {
                let key = tree
                    .attr(id, "property")
                    .or_else(|| tree.attr(id, "name"))
                    .or_else(|| tree.attr(id, "itemprop"))
                    .or_else(|| tree.attr(id, "http-equiv"));
                if let (Some(k), Some(v)) = (key, tree.attr(id, "content")) {
                    let v = collapse_ws(v);
                    if !v.is_empty() {
                        d.metas.push((k.trim().to_ascii_lowercase(), v));
                    }
                }
            }
            Tag::Link => {
                let rel = tree.attr(id, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && d.canonical.is_none() {
                    d.canonical = tree
                        .attr(id, "href")
                        .map(|h| h.trim().to_string())
                        .filter(|h| !h.is_empty());
                }
            }
            Tag::Script => {
                if let Some(c) = tree.node(id).first_child_text(tree) {
                    if let Ok(v) = serde_json::from_str::<Value>(c.trim().trim_end_matches(';')) {
                        d.ld.push(v);
                    }
                }
            }
            Tag::Title if d.title_tag.is_none() => {
                let t = tree.text_of(id);
                if !t.is_empty() {
                    d.title_tag = Some(t);
                }
            }
            Tag::Html if d.html_lang.is_none() => {
                d.html_lang = tree.attr(id, "lang").map(str::to_string);
            }
            _ => {}
        }
    }
    d
}

trait FirstChildText {
    fn first_child_text<'t>(&self, tree: &'t Tree) -> Option<&'t str>;
}

impl FirstChildText for super::tree::Node {
    fn first_child_text<'t>(&self, tree: &'t Tree) -> Option<&'t str> {
        if self.first_child == super::tree::NONE {
            return None;
        }
        match &tree.node(self.first_child).data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }
}

impl Declared {
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(mk, _)| mk == k)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The JSON-LD objects that describe the article (NewsArticle, BlogPosting…), flattened
    /// out of arrays and `@graph`s.
    fn ld_articles(&self) -> Vec<&Value> {
        let mut out = Vec::new();
        let mut stack: Vec<&Value> = self.ld.iter().collect();
        let mut budget = 10_000;
        while let Some(v) = stack.pop() {
            budget -= 1;
            if budget == 0 {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    if is_article_type(o.get("@type")) {
                        out.push(v);
                    }
                    if let Some(m) = o.get("mainEntity") {
                        stack.push(m);
                    }
                }
                _ => {}
            }
        }
        out
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let check = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.contains("article") || s.contains("posting") || s == "report" || s.contains("newsarticle")
    };
    match t {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(check)),
        _ => false,
    }
}

fn ld_str<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    match v.get(key)? {
        Value::String(s) => Some(s.as_str()),
        Value::Array(a) => a.first().and_then(Value::as_str),
        _ => None,
    }
}

/// Reads a page's metadata. `page_url` is where it was fetched from, if known.
pub fn metadata(tree: &Tree, page_url: Option<&str>) -> Meta {
    let d = declared(tree);
    let ld = d.ld_articles();
    let mut m = Meta::default();

    m.site_name = d
        .meta(&["og:site_name", "application-name", "twitter:site"])
        .map(str::to_string)
        .or_else(|| {
            ld.iter().find_map(|a| {
                a.get("publisher")
                    .and_then(|p| ld_str(p, "name"))
                    .map(str::to_string)
            })
        })
        .map(|s| s.trim_start_matches('@').to_string());

    m.title = title(tree, &d, &ld, m.site_name.as_deref());

    m.description = d
        .meta(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ])
        .map(str::to_string)
        .or_else(|| {
            ld.iter()
                .find_map(|a| ld_str(a, "description"))
                .map(collapse_ws)
        })
        .filter(|s| s.chars().count() >= 20);

    let url = d
        .canonical
        .clone()
        .or_else(|| d.meta(&["og:url"]).map(str::to_string))
        .filter(|u| u.starts_with("http"))
        .or_else(|| page_url.map(str::to_string));

    (m.published, m.published_from) = published(tree, &d, &ld, url.as_deref().or(page_url));
    m.url = url;
    m.authors = authors(tree, &d, &ld, m.site_name.as_deref());
    m.language = d
        .html_lang
        .as_deref()
        .or_else(|| d.meta(&["content-language", "og:locale", "language", "dc.language"]))
        .and_then(language_code);
    m
}

fn title(tree: &Tree, d: &Declared, ld: &[&Value], site: Option<&str>) -> Option<String> {
    let h1 = first_h1(tree);
    let declared = d
        .meta(&["og:title", "twitter:title", "dc.title", "headline"])
        .map(str::to_string)
        .or_else(|| {
            ld.iter()
                .find_map(|a| ld_str(a, "headline"))
                .map(collapse_ws)
        });
    let tag = d.title_tag.clone();
    // The visible headline is the article's own title: declared titles are often rewritten for
    // search engines and social cards. An <h1> that only repeats the site's name is not it.
    if let Some(h) = &h1 {
        let hk = h.to_lowercase();
        let is_site = site.is_some_and(|s| s.to_lowercase() == hk);
        let echoed = declared
            .iter()
            .chain(tag.iter())
            .any(|t| t.to_lowercase().contains(&hk));
        if !is_site && (echoed || h.split_whitespace().count() >= 3) {
            return Some(h.clone());
        }
    }
    let best = declared.or(tag).or(h1)?;
    Some(strip_site_name(&best, site))
}

/// The text of the first `<h1>` outside boilerplate, if it reads like a headline.
fn first_h1(tree: &Tree) -> Option<String> {
    let mut i = 0usize;
    while i < tree.len() {
        let id = i as NodeId;
        if tree.tag(id) == Some(Tag::H1) && !inside_boilerplate(tree, id) {
            // 300 chars are at most 1,200 bytes; a longer text is no headline and is not read
            // whole (once per element of a deep nest of <h1>s, that would be slow).
            let (t, cut) = tree.text_of_at_most(id, 1200);
            let n = t.chars().count();
            if !cut && (8..=300).contains(&n) {
                return Some(t);
            }
        }
        i += 1;
    }
    None
}

fn inside_boilerplate(tree: &Tree, mut id: NodeId) -> bool {
    while id != super::tree::NONE {
        if let Some(tag) = tree.tag(id) {
            if matches!(tag, Tag::Nav | Tag::Footer | Tag::Aside) {
                return true;
            }
        }
        id = tree.node(id).parent;
    }
    false
}

/// Removes " | Site", "Site - " and similar from a title.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " » ",
    ];
    let t = title.trim();
    let is_site = |part: &str| {
        site.is_some_and(|s| {
            let (p, s) = (part.trim().to_lowercase(), s.to_lowercase());
            !p.is_empty() && (p == s || p.contains(&s) || s.contains(&p))
        })
    };
    for sep in SEPARATORS {
        if let Some(at) = t.rfind(sep) {
            let (head, tail) = (&t[..at], &t[at + sep.len()..]);
            if is_site(tail) {
                return head.trim().to_string();
            }
        }
        if let Some(at) = t.find(sep) {
            let (head, tail) = (&t[..at], &t[at + sep.len()..]);
            if is_site(head) {
                return tail.trim().to_string();
            }
        }
    }
    // No declared site name: a short last part after a longer headline is the site's.
    for sep in SEPARATORS {
        if let Some(at) = t.rfind(sep) {
            let (head, tail) = (&t[..at], &t[at + sep.len()..]);
            if tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 4 {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

fn published(
    tree: &Tree,
    d: &Declared,
    ld: &[&Value],
    url: Option<&str>,
) -> (Option<String>, Option<PublishedFrom>) {
    for a in ld {
        for key in ["datePublished", "dateCreated", "uploadDate"] {
            if let Some(date) = ld_str(a, key).and_then(normalize_date) {
                return (Some(date), Some(PublishedFrom::JsonLd));
            }
        }
    }
    const META_DATES: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "article.published",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published_time",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article:published",
        "cxenseparse:recs:publishtime",
        "original-publish-date",
        "citation_publication_date",
        "bt:pubdate",
        "datecreated",
        "dc.date.created",
    ];
    if let Some(date) = META_DATES
        .iter()
        .find_map(|k| d.meta(&[k]).and_then(normalize_date))
    {
        return (Some(date), Some(PublishedFrom::Meta));
    }
    // <time datetime> (or itemprop=datePublished) in the page, outside boilerplate; the one
    // marked as publication first.
    let mut first_time = None;
    for (i, node) in tree.nodes().iter().enumerate() {
        let NodeData::Element { .. } = &node.data else {
            continue;
        };
        let id = i as NodeId;
        let marked = tree
            .attr(id, "itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
            || tree.attr(id, "pubdate").is_some()
            || tree
                .attr(id, "class")
                .is_some_and(|c| contains_ci(c, "publish") || contains_ci(c, "pubdate"));
        let is_time = tree.tag(id) == Some(Tag::Time);
        if !(marked || is_time) {
            continue;
        }
        let value = tree
            .attr(id, "datetime")
            .or_else(|| tree.attr(id, "content"));
        let date = value.and_then(normalize_date).or_else(|| {
            // The first 256 KiB (whole words) are plenty to find a date in; reading no more
            // keeps a deep nest of such elements from reading the text under it once each.
            let (text, cut) = tree.text_of_at_most(id, 1 << 18);
            let text = if cut {
                text.rsplit_once(' ').map_or("", |(head, _)| head)
            } else {
                &text
            };
            date_in_text(text)
        });
        if let Some(date) = date {
            if marked {
                return (Some(date), Some(PublishedFrom::TimeElement));
            }
            if first_time.is_none() && !inside_boilerplate(tree, id) {
                first_time = Some(date);
            }
        }
    }
    if let Some(date) = first_time {
        return (Some(date), Some(PublishedFrom::TimeElement));
    }
    if let Some(date) = url.and_then(date_in_url) {
        return (Some(date), Some(PublishedFrom::Url));
    }
    // A date in a byline or dateline element.
    for (i, node) in tree.nodes().iter().enumerate() {
        let NodeData::Element { .. } = &node.data else {
            continue;
        };
        let id = i as NodeId;
        let datey = ["class", "id"].iter().any(|a| {
            tree.attr(id, a).is_some_and(|v| {
                contains_ci(v, "date")
                    || contains_ci(v, "time")
                    || contains_ci(v, "byline")
                    || contains_ci(v, "meta")
            })
        });
        if datey {
            // Under 200 chars is under 800 bytes: a longer text is not read whole.
            let (t, cut) = tree.text_of_at_most(id, 800);
            if !cut && t.chars().count() < 200 {
                if let Some(date) = date_in_text(&t) {
                    return (Some(date), Some(PublishedFrom::Text));
                }
            }
        }
    }
    (None, None)
}

fn authors(tree: &Tree, d: &Declared, ld: &[&Value], site: Option<&str>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for a in ld {
        if let Some(author) = a.get("author") {
            let list: Vec<&Value> = match author {
                Value::Array(v) => v.iter().collect(),
                v => vec![v],
            };
            for v in list {
                let is_org = v
                    .get("@type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.eq_ignore_ascii_case("organization"));
                let name = match v {
                    Value::String(s) => Some(s.as_str()),
                    Value::Object(_) => ld_str(v, "name"),
                    _ => None,
                };
                if let (false, Some(n)) = (is_org, name) {
                    found.extend(people_in(n, site));
                }
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    if found.is_empty() {
        for key in [
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ] {
            for (k, v) in &d.metas {
                if k == key && !v.starts_with("http") {
                    found.extend(people_in(v, site));
                }
            }
            if !found.is_empty() {
                break;
            }
        }
    }
    if found.is_empty() {
        found = byline_authors(tree, site);
    }
    let mut out: Vec<String> = Vec::new();
    for name in found {
        // Stop at the ten kept: `contains` over all of a page's names is quadratic.
        if out.len() == 10 {
            break;
        }
        if is_person_name(&name, site) && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Authors from elements marked as author or byline in the markup.
fn byline_authors(tree: &Tree, site: Option<&str>) -> Vec<String> {
    for (i, node) in tree.nodes().iter().enumerate() {
        let NodeData::Element { .. } = &node.data else {
            continue;
        };
        let id = i as NodeId;
        let is_author = tree
            .attr(id, "rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || tree
                .attr(id, "itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("author"))
            || ["class", "id"].iter().any(|a| {
                tree.attr(id, a).is_some_and(|v| {
                    // Each word looked for below ("authors" too) contains one of these, case
                    // aside: a value without any has none of the words (a cheap test first).
                    if !["author", "byline", "writer", "creator"]
                        .iter()
                        .any(|x| contains_ci(v, x))
                    {
                        return false;
                    }
                    let mut hit = false;
                    classify::for_each_word(v, |w| {
                        if ["author", "byline", "authors", "writer", "creator"]
                            .iter()
                            .any(|x| w.eq_ignore_ascii_case(x))
                        {
                            hit = true;
                        }
                    });
                    hit
                })
            });
        if !is_author {
            continue;
        }
        // The name itself may be in a child itemprop=name.
        let range = tree.subtree(id);
        let named = range
            .clone()
            .find(|&j| {
                tree.attr(j as NodeId, "itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("name"))
            })
            .map(|j| {
                let j = j as NodeId;
                match tree.attr(j, "content") {
                    Some(c) => (c.to_string(), false),
                    None => tree.text_of_at_most(j, 480),
                }
            });
        // At most 120 chars, so at most 480 bytes: a longer text is not read whole.
        let (text, cut) = named.unwrap_or_else(|| tree.text_of_at_most(id, 480));
        if cut || text.chars().count() > 120 {
            continue;
        }
        let names = people_in(&text, site);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// The people a byline names, in order, up to the first part that is not a person: what
/// follows an agency or a desk is its affiliation or place ("SPIEGEL ONLINE, Hamburg, Germany").
fn people_in(byline: &str, site: Option<&str>) -> Vec<String> {
    // A lone word may be a name (a forum handle) when it stands first; after a name it is an
    // agency or a place.
    split_names(byline)
        .into_iter()
        .enumerate()
        .take_while(|(i, n)| {
            is_person_name(n, site) && (*i == 0 || n.split_whitespace().count() > 1)
        })
        .map(|(_, n)| n)
        .collect()
}

/// Splits a byline ("By Jane Roe and John Doe, Reuters") into names.
pub(crate) fn split_names(byline: &str) -> Vec<String> {
    let mut s = collapse_ws(byline);
    // "Recipe by Jane Roe", "Written by: Jane Roe", "Authored by Dr. Jane Roe": the names follow
    // the last "by" of a short byline.
    if s.len() < 120 && s.is_ascii() {
        let lower = s.to_ascii_lowercase();
        let inside = [" by: ", " by "]
            .iter()
            .filter_map(|m| lower.rfind(m).map(|at| at + m.len()))
            .max();
        let opening = ["by: ", "by "]
            .iter()
            .find(|m| lower.starts_with(**m))
            .map(|m| m.len());
        if let Some(start) = inside.or(opening) {
            s = s[start..].to_string();
        } else if lower.ends_with(" by") || lower == "by" {
            // A label with no name after it ("Written By").
            return Vec::new();
        }
    }
    for prefix in [
        "von ", "par ", "por ", "di ", "door ", "av ", "author: ", "autor: ", "author ", "autor ",
    ] {
        if s.len() >= prefix.len()
            && s.is_char_boundary(prefix.len())
            && s[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            s = s[prefix.len()..].to_string();
            break;
        }
    }
    // Cut at "|", a date or a role that follows the names.
    if let Some(at) = s.find(['|', '\n', '•', '·']) {
        s.truncate(at);
    }
    let mut out = Vec::new();
    for part in s
        .split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" et "))
    {
        let name = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim();
        if !name.is_empty() {
            out.push(name.to_string());
        }
    }
    out
}

/// Whether a string looks like a person's name, not a desk, an agency or a call to action.
fn is_person_name(name: &str, site: Option<&str>) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || name.chars().count() > 60 {
        return false;
    }
    if name.contains('@')
        || name.contains("http")
        || name.contains("www.")
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let lower = name.to_lowercase();
    const NOT_PEOPLE: &[&str] = &[
        "staff",
        "editor",
        "editors",
        "editorial",
        "desk",
        "team",
        "news",
        "agency",
        "agencies",
        "reporter",
        "reporters",
        "correspondent",
        "contributor",
        "admin",
        "administrator",
        "email",
        "e-mail",
        "author",
        "press",
        "media",
        "online",
        "redaktion",
        "rédaction",
        "associated",
        "wire",
        "service",
        "newsroom",
        "bureau",
        "guest",
        "webmaster",
        "updated",
        "published",
        "minutes",
        "read",
        "follow",
        "view",
        "posts",
        "profile",
        "more",
        "the ",
    ];
    if NOT_PEOPLE.iter().any(|w| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| x == w.trim())
            || (w.ends_with(' ') && lower.starts_with(w))
    }) {
        return false;
    }
    if let Some(site) = site {
        let s = site.to_lowercase();
        if lower == s || s.contains(&lower) {
            return false;
        }
    }
    // Names are capitalised in scripts that have case.
    let first = words[0].chars().next();
    !first.is_some_and(|c| c.is_lowercase())
}

/// Whether `hay` contains the lowercase ASCII `needle`, ignoring ASCII case, without
/// allocating (these checks run on every element's class).
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    let mut from = 0;
    // Jump between the places where the first letter stands, in either case.
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &h[from..]) {
        let at = from + i;
        if h.len() - at < n.len() {
            return false;
        }
        if h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// "en-US", "en_GB", "fr" → "en", "en", "fr".
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    #[test]
    fn json_ld_first() {
        let html = r#"<html lang="en-GB"><head><title>Dam opens - Valley Post</title>
            <meta property="og:site_name" content="Valley Post">
            <meta property="article:published_time" content="2021-05-02T10:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","headline":"Dam opens","datePublished":"2021-05-01T09:00:00+02:00",
               "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Organization","name":"Valley Post"}]}]}</script>
            <link rel="canonical" href="https://valley.example/dam"></head><body><h1>Dam opens</h1></body></html>"#;
        let m = metadata(&parse(html), None);
        assert_eq!(m.title.as_deref(), Some("Dam opens"));
        assert_eq!(m.published.as_deref(), Some("2021-05-01"));
        assert_eq!(m.published_from, Some(PublishedFrom::JsonLd));
        assert_eq!(m.authors, ["Jane Roe"]);
        assert_eq!(m.url.as_deref(), Some("https://valley.example/dam"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.site_name.as_deref(), Some("Valley Post"));
    }

    #[test]
    fn meta_then_time_then_url() {
        let m = metadata(
            &parse(r#"<meta name="pubdate" content="20200304"><p>x</p>"#),
            None,
        );
        assert_eq!(
            (m.published.as_deref(), m.published_from),
            (Some("2020-03-04"), Some(PublishedFrom::Meta))
        );
        let m = metadata(
            &parse(r#"<article><time datetime="2019-11-12T08:00">Nov 12</time></article>"#),
            None,
        );
        assert_eq!(
            (m.published.as_deref(), m.published_from),
            (Some("2019-11-12"), Some(PublishedFrom::TimeElement))
        );
        let m = metadata(
            &parse("<p>x</p>"),
            Some("https://n.example/2018/07/09/story"),
        );
        assert_eq!(
            (m.published.as_deref(), m.published_from),
            (Some("2018-07-09"), Some(PublishedFrom::Url))
        );
        let m = metadata(
            &parse("<div class=byline>By Jo Bloggs | 3 March 2017</div>"),
            None,
        );
        assert_eq!(
            (m.published.as_deref(), m.published_from),
            (Some("2017-03-03"), Some(PublishedFrom::Text))
        );
        assert_eq!(m.authors, ["Jo Bloggs"]);
    }

    #[test]
    fn titles_lose_the_site_name() {
        let cases = [
            (
                "Storm hits coast | The Daily Planet",
                Some("The Daily Planet"),
                "Storm hits coast",
            ),
            (
                "The Daily Planet - Storm hits coast",
                Some("The Daily Planet"),
                "Storm hits coast",
            ),
            (
                "Storm hits the coast overnight - Planet",
                None,
                "Storm hits the coast overnight",
            ),
            ("Storm hits coast", None, "Storm hits coast"),
        ];
        for (t, site, want) in cases {
            assert_eq!(strip_site_name(t, site), want);
        }
    }

    #[test]
    fn bylines_give_people_not_desks() {
        assert_eq!(
            split_names("By Jane Roe and John Doe"),
            ["Jane Roe", "John Doe"]
        );
        assert!(!is_person_name("Staff Reporter", None));
        assert!(!is_person_name("Email the author", None));
        assert!(!is_person_name("Valley Post", Some("Valley Post")));
        assert!(is_person_name("Jane Roe", None));
        assert!(
            contains_ci("post-Date-line", "date")
                && contains_ci("x", "")
                && !contains_ci("da", "date")
        );
        assert_eq!(people_in("Jane Roe, Reuters, London", None), ["Jane Roe"]);
        assert!(people_in("NEWS ONLINE, Hamburg, Germany", None).is_empty());
    }
}
