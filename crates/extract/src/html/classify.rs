//! What an element's name and attributes say about it: boilerplate, content, or neither.
//!
//! Pages name their parts in `class`, `id`, `role` and `itemprop`. The words below are the
//! vocabulary of page templates in general (navigation, sharing, comments, advertising, consent),
//! not of any one site.

use super::tree::{NodeId, Tag, Tree};

/// What the markup of one element says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Named like boilerplate (share bar, comments, ads, cookie notice…).
    Boilerplate,
    /// Named with a word that is often, not always, boilerplate (menu, meta, widget, top…):
    /// boilerplate when its content looks like it too (short or link-heavy).
    WeakBoilerplate,
    /// Named like the article's body.
    Content,
    /// Nothing either way.
    Neutral,
}

/// How a word of a `class` or `id` value reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    /// Boilerplate wherever it stands in a class token (`"share-bar"`, `"socialShare"`).
    Strong,
    /// Boilerplate only as the first or last part of a class token: alone these are too
    /// common inside other names (`"elementor-top-section"`, `"meta-data-grid"`).
    Weak,
    /// The body, or a container of it.
    Content,
    /// Nothing.
    Other,
}

/// The vocabulary of page templates, matched on a lowercase word.
fn word(w: &str) -> Word {
    match w {
        "advert" | "advertisement" | "advertising" | "adsense" | "adslot" | "adunit"
        | "affiliate" | "breadcrumb" | "breadcrumbs" | "comment" | "comments" | "commentlist"
        | "consent" | "cookie" | "cookies" | "cookiebar" | "disqus" | "footer" | "gdpr"
        | "masthead" | "navbar" | "navigation" | "newsletter" | "newsletters" | "outbrain"
        | "pagination" | "paywall" | "popup" | "promo" | "promotion" | "promoted" | "recirc"
        | "recommend" | "recommended" | "recommendations" | "related" | "share" | "sharing"
        | "shares" | "sharebar" | "sidebar" | "signup" | "social" | "sponsor" | "sponsored"
        | "subscribe" | "subscription" | "taboola" | "toolbar" | "byline" | "caption"
        | "copyright" | "sitemap" | "subnav" | "tagcloud" | "backtotop" | "readmore"
        | "readnext" | "upnext" | "mostread" | "mostpopular" | "dateline" | "postmeta"
        | "entrymeta" | "lightbox" | "login" | "signin" | "relatedposts" | "relatedarticles"
        | "relatedstories" | "relatedcontent" | "relatedlinks" | "morestories" | "sharebuttons"
        | "sharedaddy" | "authorbox" | "authorbio" | "authorinfo" | "aboutauthor"
        | "postmetadata" => Word::Strong,
        "ad" | "ads" | "adv" | "banner" | "menu" | "nav" | "popular" | "trending" | "tools"
        | "register" | "rating" | "ratings" | "topbar" | "overlay" | "teaser" | "teasers"
        | "tags" | "print" | "credit" | "credits" | "author" | "authors" | "bio" | "follow"
        | "jump" | "top" | "search" | "gallery" | "carousel" | "slider" | "ticker" | "alert"
        | "notice" | "notification" | "disclaimer" | "cta" | "donate" | "donation" | "feedback"
        | "reactions" | "emoji" | "meta" | "metadata" | "published" | "timestamp" | "date"
        | "more" | "next" | "prev" | "previous" | "headlines" | "latest" | "partner"
        | "partners" | "brand" | "logo" | "header" | "skip" | "dropdown" | "widget" | "widgets" => {
            Word::Weak
        }
        "article" | "articlebody" | "body" | "content" | "entry" | "main" | "post" | "postbody"
        | "story" | "storybody" | "text" | "blog" | "hentry" | "prose" | "richtext" | "page" => {
            Word::Content
        }
        _ => Word::Other,
    }
}

/// Calls `f` with each word of a class token, lowercased, and whether it is the token's first
/// or last word.
fn for_each_lower_word(token: &str, mut f: impl FnMut(&str, bool)) {
    let mut words: [(usize, usize); 16] = [(0, 0); 16];
    let mut n = 0;
    for_each_word(token, |w| {
        if n < words.len() {
            let start = w.as_ptr() as usize - token.as_ptr() as usize;
            words[n] = (start, start + w.len());
            n += 1;
        }
    });
    let mut buf = [0u8; 24];
    for (k, &(a, b)) in words[..n].iter().enumerate() {
        let w = &token.as_bytes()[a..b];
        if w.len() > buf.len() {
            continue;
        }
        for (d, c) in buf.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        if let Ok(lower) = std::str::from_utf8(&buf[..w.len()]) {
            f(lower, k == 0 || k + 1 == n);
        }
    }
}

/// `role` values of boilerplate.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
    "toolbar",
    "tablist",
    "alert",
    "note",
];

/// Elements that are never part of an article's text.
pub fn is_boilerplate_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav
            | Tag::Aside
            | Tag::Footer
            | Tag::Menu
            | Tag::Script
            | Tag::Style
            | Tag::Template
            | Tag::Iframe
            | Tag::Svg
            | Tag::Math
            | Tag::Canvas
            | Tag::Select
            | Tag::Option
            | Tag::Button
            | Tag::Input
            | Tag::Textarea
            | Tag::Dialog
            | Tag::Object
            | Tag::Embed
            | Tag::Video
            | Tag::Audio
            | Tag::Map
            | Tag::Datalist
            | Tag::Label
            | Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Link
            | Tag::Frameset
            | Tag::Noembed
            | Tag::Noframes
            | Tag::Rp
            | Tag::Rt
    )
}

/// True when the element is hidden from readers (`hidden`, `aria-hidden`, `display:none`).
///
/// A `hidden` `<div>` directly under `<body>` is not read as hidden: streaming renderers park
/// the page's content in such divs until scripts move it into place.
pub fn is_hidden(tree: &Tree, id: NodeId) -> bool {
    if tree.attr(id, "hidden").is_some() {
        let parent = tree.node(id).parent;
        if tree.tag(id) != Some(Tag::Div) || tree.tag(parent) != Some(Tag::Body) {
            return true;
        }
    }
    if tree.attr(id, "aria-hidden") == Some("true") && tree.tag(id) != Some(Tag::Body) {
        return true;
    }
    if let Some(style) = tree.attr(id, "style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// What the element's `class`, `id`, `role` and `itemprop` say.
pub fn hint(tree: &Tree, id: NodeId) -> Hint {
    markup(tree, id).0
}

/// [`hint`] and [`is_caption_like`] in one reading of the attributes.
pub fn markup(tree: &Tree, id: NodeId) -> (Hint, bool) {
    Classifier::default().markup(tree, id)
}

/// What the words of one `class` or `id` value say.
#[derive(Clone, Copy, Default)]
struct Words {
    strong: bool,
    weak: bool,
    content: bool,
    caption: bool,
}

/// What the words of one `class` or `id` value say, each token read by `token`.
fn read_words<'t>(value: &'t str, mut token: impl FnMut(&'t str) -> Words) -> Words {
    let mut w = Words::default();
    for t in value.split_whitespace().map(&mut token) {
        w.strong |= t.strong;
        w.weak |= t.weak;
        w.content |= t.content && !t.strong;
        w.caption |= t.caption;
    }
    w
}

/// What one token of a `class` or `id` value says. A token is read as a whole: a content word
/// beside a boilerplate word names a part of the boilerplate ("comment-body",
/// "promo-bar__text"), not the story.
fn read_token(token: &str) -> Words {
    let mut t = Words::default();
    // An author's box ("author-bio", "post-author-info", "AuthorBox") is boilerplate even
    // when the words stand apart; "author" alone may be the byline's name.
    let (mut author, mut author_part) = (false, false);
    for_each_lower_word(token, |word_, edge| {
        author |= matches!(word_, "author" | "autor" | "autorin" | "autoren" | "writer");
        author_part |= matches!(
            word_,
            "bio" | "box" | "info" | "description" | "card" | "about" | "profile" | "details"
        );
        match word(word_) {
            Word::Strong => t.strong = true,
            Word::Weak if edge => t.weak = true,
            Word::Content => t.content = true,
            _ => {}
        }
        if matches!(
            word_,
            "caption" | "figcaption" | "credit" | "credits" | "photographer"
        ) {
            t.caption = true;
        }
    });
    t.strong |= author && author_part;
    t
}

/// Reads elements' markup, remembering what each distinct `class` value says, and each distinct
/// token of a `class` or `id` value: pages repeat the same few class strings thousands of times,
/// and utility classes ("flex", "px-4") in many combinations.
#[derive(Default)]
pub struct Classifier<'t> {
    classes: rustc_hash::FxHashMap<&'t str, Words>,
    tokens: rustc_hash::FxHashMap<&'t str, Words>,
}

impl<'t> Classifier<'t> {
    /// [`hint`] and [`is_caption_like`] of element `id`.
    pub fn markup(&mut self, tree: &'t Tree, id: NodeId) -> (Hint, bool) {
        let tokens = &mut self.tokens;
        let mut token = |t: &'t str| *tokens.entry(t).or_insert_with(|| read_token(t));
        let mut w = match tree.attr(id, "class") {
            Some(c) => *self
                .classes
                .entry(c)
                .or_insert_with(|| read_words(c, &mut token)),
            None => Words::default(),
        };
        // An id of four words or more is a slug of the section's heading
        // ("sharing-with-a-single-developer"), not a template's name for a part.
        if let Some(v) = tree
            .attr(id, "id")
            .filter(|v| v.split(['-', '_']).count() < 4)
        {
            let i = read_words(v, &mut token);
            // An id names one region of the page: a class shared with the story's own parts
            // ("post-box") does not make the comments (`id="comment-box"`) part of it.
            if i.strong && !i.content {
                w.content = false;
            }
            w.strong |= i.strong;
            w.weak |= i.weak;
            w.content |= i.content;
            w.caption |= i.caption;
        }
        (hint_from(tree, id, w), w.caption)
    }
}

fn hint_from(tree: &Tree, id: NodeId, w: Words) -> Hint {
    if let Some(prop) = tree.attr(id, "itemprop") {
        let p = prop.to_ascii_lowercase();
        if p.contains("articlebody") || p == "text" || p.contains("reviewbody") {
            return Hint::Content;
        }
        if p == "author" || p == "publisher" || p == "datepublished" {
            return Hint::Boilerplate;
        }
        // A comment is the content of a forum page and boilerplate under an article: leave it
        // to its size and links (article comment sections are also named as such by class).
        if p.contains("comment") {
            return Hint::WeakBoilerplate;
        }
    }
    if let Some(role) = tree.attr(id, "role") {
        let r = role.trim().to_ascii_lowercase();
        if BOILERPLATE_ROLES.contains(&r.as_str()) {
            return Hint::Boilerplate;
        }
        if r == "main" || r == "article" {
            return Hint::Content;
        }
    }
    let (bad, weak, good) = (w.strong, w.weak, w.content);
    match (bad, weak, good) {
        (true, _, false) => Hint::Boilerplate,
        (false, true, false) => Hint::WeakBoilerplate,
        (false, false, true) => Hint::Content,
        _ => Hint::Neutral,
    }
}

/// True when the class/id name the element as a caption or photo credit.
pub fn is_caption_like(tree: &Tree, id: NodeId) -> bool {
    let mut hit = false;
    for attr in ["class", "id"] {
        let Some(v) = tree.attr(id, attr) else {
            continue;
        };
        for token in v.split_whitespace() {
            for_each_lower_word(token, |w, _| {
                if matches!(
                    w,
                    "caption" | "figcaption" | "credit" | "credits" | "photographer"
                ) {
                    hit = true;
                }
            });
        }
    }
    hit
}

/// Calls `f` with each word of an attribute value: split at non-alphanumerics and at
/// lower→upper case changes (`articleBody` → `article`, `Body`).
pub fn for_each_word<'a>(value: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = value.as_bytes();
    let mut start = None;
    for i in 0..=bytes.len() {
        let c = bytes.get(i).copied();
        let alnum = c.is_some_and(|c| c.is_ascii_alphanumeric());
        let case_break = i > 0
            && alnum
            && c.is_some_and(|c| c.is_ascii_uppercase())
            && bytes[i - 1].is_ascii_lowercase();
        if let Some(s) = start {
            if !alnum || case_break {
                f(&value[s..i]);
                start = if alnum { Some(i) } else { None };
            }
        } else if alnum {
            start = Some(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    #[test]
    fn words_split_at_separators_and_case() {
        let mut words = Vec::new();
        for_each_word("share-bar socialShare  article_body", |w| {
            words.push(w.to_string())
        });
        assert_eq!(
            words,
            ["share", "bar", "social", "Share", "article", "body"]
        );
    }

    #[test]
    fn hints_from_names() {
        let cases = [
            ("<div class='share-bar'>", Hint::Boilerplate),
            ("<div id='comments'>", Hint::Boilerplate),
            ("<div class='article-body'>", Hint::Content),
            ("<div itemprop='articleBody'>", Hint::Content),
            ("<div role='navigation'>", Hint::Boilerplate),
            ("<div class='story-body related'>", Hint::Neutral),
            ("<div class='x'>", Hint::Neutral),
            ("<div class='adventure'>", Hint::Neutral),
            ("<section class='elementor-top-section'>", Hint::Neutral),
            ("<div class='top-bar'>", Hint::WeakBoilerplate),
            ("<div class='meta-info'>", Hint::WeakBoilerplate),
            ("<div class='elementor-widget-wrap'>", Hint::Neutral),
            ("<div class='author-bio'>", Hint::Boilerplate),
            ("<div class='post-author-info'>", Hint::Boilerplate),
            ("<div class='TestReport__AuthorBox'>", Hint::Boilerplate),
            ("<div class='postmetadata'>", Hint::Boilerplate),
            ("<div class='author'>", Hint::WeakBoilerplate),
            ("<div class='bio'>", Hint::WeakBoilerplate),
        ];
        for (html, want) in cases {
            let tree = parse(html);
            assert_eq!(hint(&tree, 1), want, "{html}");
        }
    }

    #[test]
    fn hidden_elements() {
        let tree = parse(
            "<div style='display: none'></div><p hidden></p><div aria-hidden=true></div><div></div>",
        );
        assert_eq!(
            [1, 2, 3, 4].map(|i| is_hidden(&tree, i)),
            [true, true, true, false]
        );
        // Content parked by a streaming renderer in a hidden div under <body> is not hidden.
        let tree = parse("<body><div hidden id=S:0><p>parked</p></div></body>");
        let div = tree.find(Tag::Div).unwrap();
        assert!(!is_hidden(&tree, div));
    }
}
