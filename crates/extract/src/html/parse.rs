//! A fast, tolerant HTML reader that builds the [`Tree`] extraction needs.
//!
//! This is not a conforming HTML5 parser and does not try to be: it reads tags, attributes, text,
//! comments and raw-text elements, applies the implied end tags that matter for text blocks
//! (`<p>`, `<li>`, `<td>`, `<tr>`, `<dt>`/`<dd>`, `<option>`), and skips what extraction never
//! reads (style sheets, scripts other than JSON-LD, form controls' contents). Skipping those with
//! `memchr` is what makes it fast: a conforming tree builder (html5ever via `scraper`) reads the
//! dev pages at ~480 pages/s on one core before any extraction; this reads them several times
//! faster. See `ARCHITECTURE.md`.
//!
//! Guarantees: linear time in the input, no recursion, nesting capped at [`MAX_DEPTH`] (deeper
//! elements are flattened into their ancestor at the cap), never panics on any input.

use memchr::{memchr, memmem};

use super::tree::{NodeData, NodeId, Tag, Tree};

/// Elements nested deeper than this are flattened into their ancestor at this depth.
pub const MAX_DEPTH: usize = 256;

/// The attribute names extraction reads, as the static names the tree stores; every other
/// attribute is dropped while parsing.
fn kept_attr(name: &[u8]) -> Option<&'static str> {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(name) {
        *b = c.to_ascii_lowercase();
    }
    Some(match &buf[..name.len()] {
        b"id" => "id",
        b"class" => "class",
        b"itemprop" => "itemprop",
        b"itemtype" => "itemtype",
        b"role" => "role",
        b"rel" => "rel",
        b"href" => "href",
        b"name" => "name",
        b"property" => "property",
        b"content" => "content",
        b"datetime" => "datetime",
        b"type" => "type",
        b"style" => "style",
        b"hidden" => "hidden",
        b"aria-hidden" => "aria-hidden",
        b"lang" => "lang",
        b"charset" => "charset",
        b"http-equiv" => "http-equiv",
        b"pubdate" => "pubdate",
        _ => return None,
    })
}

/// An element's kept attributes.
type Attrs = Vec<(&'static str, Box<str>)>;

/// Parses `html` into a tree.
pub fn parse(html: &str) -> Tree {
    // About one node per 40 bytes of real pages; a guess that saves most re-allocations.
    let tree = Tree::with_capacity(html.len() / 40);
    Parser {
        src: html.as_bytes(),
        html,
        pos: 0,
        tree,
        stack: vec![0],
        overflow: 0,
        pending: String::new(),
        pending_parent: 0,
    }
    .run()
}

struct Parser<'a> {
    src: &'a [u8],
    html: &'a str,
    pos: usize,
    tree: Tree,
    /// Open elements, the root first.
    stack: Vec<NodeId>,
    /// Start tags not pushed because the stack was at [`MAX_DEPTH`]; their end tags are absorbed.
    overflow: usize,
    /// Text read but not yet in the tree, for `pending_parent`: runs of text split by comments,
    /// stray tags or lone `<` are gathered here and added as one node, since growing a tree
    /// node piece by piece would copy it whole each time (quadratic).
    pending: String,
    pending_parent: NodeId,
}

impl<'a> Parser<'a> {
    fn run(mut self) -> Tree {
        while self.pos < self.src.len() {
            let Some(lt) = memchr(b'<', &self.src[self.pos..]) else {
                self.text(self.pos, self.src.len());
                break;
            };
            let lt = self.pos + lt;
            if lt > self.pos {
                self.text(self.pos, lt);
            }
            self.pos = lt;
            self.markup();
        }
        self.flush_text();
        self.tree
    }

    /// Adds the pending text to the tree.
    fn flush_text(&mut self) {
        if !self.pending.is_empty() {
            self.tree.append_text(self.pending_parent, &self.pending);
            self.pending.clear();
        }
    }

    /// Appends a node to the tree, after the text read before it.
    fn append(&mut self, parent: NodeId, data: NodeData) -> NodeId {
        self.flush_text();
        self.tree.append(parent, data)
    }

    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    /// Text from `start` to `end`, entities decoded.
    fn text(&mut self, start: usize, end: usize) {
        let raw = self.slice(start, end);
        if raw.is_empty() {
            return;
        }
        let parent = self.current();
        if parent != self.pending_parent {
            self.flush_text();
            self.pending_parent = parent;
        }
        if raw.contains('&') {
            let decoded = html_escape::decode_html_entities(raw);
            self.pending.push_str(&decoded);
        } else {
            self.pending.push_str(raw);
        }
    }

    /// The source between two byte offsets, widened to char boundaries.
    fn slice(&self, mut start: usize, mut end: usize) -> &'a str {
        end = end.min(self.html.len());
        while end > 0 && !self.html.is_char_boundary(end) {
            end -= 1;
        }
        start = start.min(end);
        while start < end && !self.html.is_char_boundary(start) {
            start += 1;
        }
        &self.html[start..end]
    }

    /// Reads the markup at `self.pos` (which is a `<`).
    fn markup(&mut self) {
        let rest = &self.src[self.pos..];
        match rest.get(1) {
            Some(b'!') => {
                if rest.starts_with(b"<!--") {
                    self.pos = match memmem::find(&rest[4..], b"-->") {
                        Some(i) => self.pos + 4 + i + 3,
                        None => self.src.len(),
                    };
                } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<![CDATA[") {
                    let start = self.pos + 9;
                    let end =
                        memmem::find(&rest[9..], b"]]>").map_or(self.src.len(), |i| start + i);
                    self.text(start, end);
                    self.pos = (end + 3).min(self.src.len());
                } else {
                    self.skip_to_gt();
                }
            }
            Some(b'?') => self.skip_to_gt(),
            Some(b'/') => match rest.get(2) {
                Some(c) if c.is_ascii_alphabetic() => self.end_tag(),
                _ => self.skip_to_gt(),
            },
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(),
            _ => {
                // A lone '<' is text.
                self.text(self.pos, self.pos + 1);
                self.pos += 1;
            }
        }
    }

    fn skip_to_gt(&mut self) {
        self.pos = match memchr(b'>', &self.src[self.pos..]) {
            Some(i) => self.pos + i + 1,
            None => self.src.len(),
        };
    }

    /// Reads a tag name starting at `i`; returns its end.
    fn name_end(&self, mut i: usize) -> usize {
        while i < self.src.len() {
            match self.src[i] {
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' => break,
                _ => i += 1,
            }
        }
        i
    }

    fn end_tag(&mut self) {
        let start = self.pos + 2;
        let end = self.name_end(start);
        let tag = lower_tag(&self.src[start..end]);
        self.pos = end;
        self.skip_to_gt();
        if tag == Tag::Br {
            // `</br>` is read as `<br>`, as browsers do.
            self.append(self.current(), element(Tag::Br, Vec::new()));
            return;
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        self.close(tag);
    }

    /// Pops the stack down to the nearest open `tag`, if one is open within reach.
    fn close(&mut self, tag: Tag) {
        // Search a bounded number of entries: a stray end tag should not cost O(depth) each time,
        // and one that matches nothing nearby is ignored, as browsers mostly do.
        let limit = self.stack.len().saturating_sub(64).max(1);
        for i in (limit..self.stack.len()).rev() {
            let open = self.stack[i];
            if self.tree.tag(open) == Some(tag) {
                self.stack.truncate(i);
                return;
            }
            // Never close past these: a stray `</p>` inside a table cell must not close the table.
            if tag != Tag::Other && is_scope_boundary(self.tree.tag(open), tag) {
                return;
            }
        }
    }

    fn start_tag(&mut self) {
        let start = self.pos + 1;
        let end = self.name_end(start);
        let tag = lower_tag(&self.src[start..end]);
        let (attrs, after, self_closing) = self.attributes(end, tag);
        self.pos = after;

        self.close_head_for(tag);
        self.implied_end_tags(tag);
        if tag.is_raw_text() {
            self.raw_text(tag, attrs);
            return;
        }
        if self.stack.len() > MAX_DEPTH {
            if !tag.is_void() && !self_closing {
                self.overflow += 1;
            }
            return;
        }
        let id = self.append(self.current(), element(tag, attrs));
        if !tag.is_void() && !self_closing {
            self.stack.push(id);
        }
    }

    /// Closes an open `<head>` (and whatever was left open in it) when `tag` can only be in the
    /// body: pages that forget `</head>`, or leave an element open inside it, must not have
    /// their body read as part of the head.
    fn close_head_for(&mut self, tag: Tag) {
        let head_content = matches!(
            tag,
            Tag::Meta
                | Tag::Link
                | Tag::Title
                | Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Base
                | Tag::Template
                | Tag::Other
        );
        if head_content {
            return;
        }
        if let Some(at) = self
            .stack
            .iter()
            .position(|&id| self.tree.tag(id) == Some(Tag::Head))
        {
            self.stack.truncate(at);
        }
    }

    /// Applies the implied end tags of HTML that shape text blocks.
    fn implied_end_tags(&mut self, tag: Tag) {
        let closes: &[Tag] = match tag {
            Tag::Li => &[Tag::Li],
            Tag::Dt | Tag::Dd => &[Tag::Dt, Tag::Dd],
            Tag::Tr => &[Tag::Tr, Tag::Td, Tag::Th],
            Tag::Td | Tag::Th => &[Tag::Td, Tag::Th],
            Tag::Option => &[Tag::Option],
            _ => &[],
        };
        if tag.closes_p() || !closes.is_empty() {
            // Only look at the few innermost open elements: implied ends are local.
            let floor = self.stack.len().saturating_sub(8).max(1);
            for i in (floor..self.stack.len()).rev() {
                let open = self.tree.tag(self.stack[i]);
                let hit = match open {
                    Some(Tag::P) => tag.closes_p() || !closes.is_empty(),
                    Some(t) => closes.contains(&t),
                    None => false,
                };
                if hit {
                    self.stack.truncate(i);
                    return;
                }
                // Implied ends never reach past a list, a table or a sectioning element.
                if matches!(
                    open,
                    Some(Tag::Ul | Tag::Ol | Tag::Dl | Tag::Table | Tag::Div | Tag::Td | Tag::Th)
                        | Some(Tag::Article | Tag::Section | Tag::Blockquote | Tag::Body)
                ) {
                    return;
                }
            }
        }
    }

    /// Reads the content of a raw-text element up to its end tag, keeping what extraction reads:
    /// `<title>` text and JSON-LD scripts.
    fn raw_text(&mut self, tag: Tag, attrs: Attrs) {
        let body_start = self.pos;
        let body_end = self.find_end_tag(tag);
        let keep = match tag {
            Tag::Title | Tag::Textarea => true,
            Tag::Script => attrs
                .iter()
                .any(|(n, v)| *n == "type" && v.to_ascii_lowercase().contains("ld+json")),
            _ => false,
        };
        if keep && self.stack.len() <= MAX_DEPTH {
            let id = self.append(self.current(), element(tag, attrs));
            let raw = self.slice(body_start, body_end);
            let text = if tag == Tag::Title && raw.contains('&') {
                html_escape::decode_html_entities(raw).into_owned()
            } else {
                raw.to_string()
            };
            if !text.is_empty() {
                self.append(id, NodeData::Text(text.into()));
            }
        } else if self.stack.len() <= MAX_DEPTH {
            // Keep an empty marker so extraction knows something was there (e.g. an iframe).
            self.append(self.current(), element(tag, attrs));
        }
        self.pos = body_end;
        if self.pos < self.src.len() {
            self.skip_to_gt();
        }
    }

    /// The offset of the `</tag` that ends a raw-text element, or the end of input.
    fn find_end_tag(&self, tag: Tag) -> usize {
        let mut i = self.pos;
        while i < self.src.len() {
            let Some(lt) = memchr(b'<', &self.src[i..]) else {
                return self.src.len();
            };
            let at = i + lt;
            if self.src.get(at + 1) == Some(&b'/') {
                let end = self.name_end(at + 2);
                if lower_tag(&self.src[at + 2..end]) == tag {
                    return at;
                }
            }
            i = at + 1;
        }
        self.src.len()
    }

    /// Reads attributes from `i` to the end of the tag. Returns them, the offset after `>`, and
    /// whether the tag ended in `/>`.
    fn attributes(&self, mut i: usize, tag: Tag) -> (Attrs, usize, bool) {
        let src = self.src;
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < src.len() && (src[i].is_ascii_whitespace() || src[i] == b'/') {
                self_closing = src[i] == b'/';
                i += 1;
            }
            if i >= src.len() {
                return (attrs, src.len(), false);
            }
            if src[i] == b'>' {
                return (attrs, i + 1, self_closing);
            }
            self_closing = false;
            let name_start = i;
            while i < src.len()
                && !matches!(src[i], b'=' | b'>' | b'/')
                && !src[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let name = &src[name_start..i];
            while i < src.len() && src[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = (0, 0);
            if i < src.len() && src[i] == b'=' {
                i += 1;
                while i < src.len() && src[i].is_ascii_whitespace() {
                    i += 1;
                }
                match src.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let start = i + 1;
                        let end = memchr(q, &src[start..]).map_or(src.len(), |e| start + e);
                        value = (start, end);
                        i = (end + 1).min(src.len());
                    }
                    _ => {
                        let start = i;
                        while i < src.len() && src[i] != b'>' && !src[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        value = (start, i);
                    }
                }
            }
            if name.is_empty() {
                i += 1;
                continue;
            }
            if let Some(kept) = kept_attr(name).filter(|&k| wanted(tag, k, &src[value.0..value.1]))
            {
                if !attrs.iter().any(|(n, _)| *n == kept) {
                    let raw = self.slice(value.0, value.1);
                    let v = if raw.contains('&') {
                        html_escape::decode_html_entities(raw).into_owned()
                    } else {
                        raw.to_string()
                    };
                    attrs.push((kept, v.into_boxed_str()));
                }
            }
        }
    }
}

/// Whether attribute `name` (with raw `value`) of a `tag` element is read by extraction: links
/// only on `<a>` and `<link>`, a `style` only when it can hide the element, and so on. Each
/// attribute kept is an allocation, and pages have many links.
fn wanted(tag: Tag, name: &str, value: &[u8]) -> bool {
    match name {
        "href" | "rel" => matches!(tag, Tag::A | Tag::Link),
        "type" => tag == Tag::Script,
        "lang" => tag == Tag::Html,
        "charset" | "http-equiv" | "name" | "property" => matches!(tag, Tag::Meta),
        "style" => {
            memchr::memmem::find(value, b"none").is_some()
                || memchr::memmem::find(value, b"hidden").is_some()
        }
        _ => true,
    }
}

fn element(tag: Tag, attrs: Attrs) -> NodeData {
    NodeData::Element { tag, attrs }
}

/// The tag of a name, matched case-insensitively.
fn lower_tag(name: &[u8]) -> Tag {
    let mut buf = [0u8; 16];
    if name.len() > buf.len() {
        return Tag::Other;
    }
    for (b, c) in buf.iter_mut().zip(name) {
        *b = c.to_ascii_lowercase();
    }
    Tag::from_name(&buf[..name.len()])
}

/// Whether an end tag for `closing` must stop at the open element `open`.
fn is_scope_boundary(open: Option<Tag>, closing: Tag) -> bool {
    match closing {
        Tag::P
        | Tag::Li
        | Tag::Dt
        | Tag::Dd
        | Tag::Span
        | Tag::A
        | Tag::B
        | Tag::I
        | Tag::Em
        | Tag::Strong
        | Tag::Font => {
            matches!(
                open,
                Some(
                    Tag::Td
                        | Tag::Th
                        | Tag::Table
                        | Tag::Blockquote
                        | Tag::Article
                        | Tag::Section
                        | Tag::Body
                        | Tag::Ul
                        | Tag::Ol
                )
            ) && !matches!((open, closing), (Some(Tag::Ul | Tag::Ol), Tag::P))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::tree::NodeData;

    fn outline(tree: &Tree) -> String {
        // A compact picture of the tree: tag names with depth, text in quotes.
        let mut out = String::new();
        for node in &tree.nodes()[1..] {
            for _ in 1..node.depth {
                out.push('.');
            }
            match &node.data {
                NodeData::Element { tag, .. } => out.push_str(&format!("{tag:?}\n").to_lowercase()),
                NodeData::Text(t) => out.push_str(&format!("{:?}\n", t)),
                NodeData::Document => {}
            }
        }
        out
    }

    #[test]
    fn reads_tags_text_and_entities() {
        let t = parse("<p class=x>Fish &amp; chips<br>ok</p>");
        assert_eq!(outline(&t), "p\n.\"Fish & chips\"\n.br\n.\"ok\"\n");
        assert_eq!(t.attr(1, "class"), Some("x"));
    }

    #[test]
    fn implied_end_tags_close_paragraphs_and_items() {
        let t = parse("<p>one<p>two<div>three</div><ul><li>a<li>b</ul>");
        assert_eq!(
            outline(&t),
            "p\n.\"one\"\np\n.\"two\"\ndiv\n.\"three\"\nul\n.li\n..\"a\"\n.li\n..\"b\"\n"
        );
    }

    #[test]
    fn raw_text_elements_are_skipped_but_json_ld_and_title_kept() {
        let t = parse(
            "<title>A &amp; B</title><script>if (a<b) {}</script>\
             <script type=\"application/ld+json\">{\"a\":1}</script><style>p{}</style><p>x</p>",
        );
        assert_eq!(
            outline(&t),
            "title\n.\"A & B\"\nscript\nscript\n.\"{\\\"a\\\":1}\"\nstyle\np\n.\"x\"\n"
        );
    }

    #[test]
    fn an_unclosed_head_ends_where_the_body_starts() {
        let t = parse(
            "<html><head><title>t</title><noscript><img src=x>\n<body><p>text</p></body></html>",
        );
        let p = t.find(Tag::P).unwrap();
        assert!(!t.is_inside(p, t.find(Tag::Head).unwrap()));
    }

    #[test]
    fn comments_cdata_and_stray_markup() {
        let t = parse("a<!-- <p>no</p> -->b<![CDATA[c]]>d < e <!doctype html></x>f");
        assert_eq!(outline(&t), "\"abcd < e f\"\n");
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowed() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000) + "<p>after</p>";
        let t = parse(&html);
        assert!(t
            .nodes()
            .iter()
            .all(|n| (n.depth as usize) <= MAX_DEPTH + 2));
        let last = t.nodes().last().unwrap();
        assert_eq!(last.data, NodeData::Text("after".into()));
        assert_eq!(
            last.depth, 2,
            "the page after the nest is back at the top level"
        );
    }

    #[test]
    fn unterminated_constructs_do_not_panic() {
        for html in [
            "<",
            "<a",
            "<a href=\"x",
            "<!--",
            "<script>",
            "</",
            "<p>é",
            "<a b='c",
            "&",
            "<![CDATA[",
            "<title>x",
        ] {
            let _ = parse(html);
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse(&s);
        }

        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(
            proptest::sample::select(vec!["<p>", "</p>", "<div class=a>", "</div>", "<li>", "<ul>", "</ul>",
                "<table>", "<td>", "</tr>", "<!--", "-->", "<script>", "</script>", "é", "&amp;", "x", " ", "<", ">"]),
            0..200)) {
            let _ = parse(&parts.concat());
        }
    }
}
