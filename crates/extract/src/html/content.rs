//! Finding the article's body in a page.
//!
//! The method, in four passes over the arena (each linear, none recursive):
//!
//! 1. **Statistics.** One reverse pass sums, for every element, the characters of text under it,
//!    those inside links, and commas.
//! 2. **Boilerplate.** A forward pass marks subtrees readers never see as the story: navigation,
//!    asides, forms' controls, hidden elements, and elements whose class or id name them as
//!    sharing, comments, ads, consent notices and the like ([`super::classify`]). A name alone
//!    never removes an element that holds most of the page's text. A gallery's numbered legends
//!    ("3/50 Title", the legend, the credit) go too.
//! 3. **The content zone.** Paragraph-like elements score by length and commas; scores flow to
//!    their parent and, fading, further up; link-heavy containers lose. The best container, with
//!    those of its siblings that score near it, is the zone (the idea of Arc90's Readability,
//!    with link density and markup hints from boilerpipe and trafilatura).
//! 4. **Blocks.** The zone is cut into paragraphs at block elements; blocks that are mostly
//!    links, or are a template's stock phrases, go. If that leaves too little, a whole-page pass
//!    keeps every prose-like block instead (the fallback trafilatura and jusText rely on).

// Node ids index several parallel per-node arrays at once; a range loop says that best.
#![allow(clippy::needless_range_loop)]

use annalist_core::Caption;

use super::classify::{self, Hint};
use super::phrases;
use super::tree::{collapse_ws, NodeData, NodeId, Tag, Tree, NONE};
use crate::caption::split_credit;

/// The body of an article as extraction found it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Content {
    /// Paragraphs, in order.
    pub paragraphs: Vec<String>,
    /// Captions of photos inside or next to the body.
    pub captions: Vec<Caption>,
    /// True when the whole-page fallback was used.
    pub fallback: bool,
}

/// Per-element figures from the statistics pass.
struct Stats {
    /// One past the last node of each subtree.
    end: Vec<u32>,
    /// Non-space characters of text under each node (boilerplate tags contribute nothing).
    chars: Vec<u32>,
    /// Of those, the ones inside `<a>`.
    link: Vec<u32>,
    /// Characters of text that are direct children.
    direct: Vec<u32>,
    /// Commas under each node.
    commas: Vec<u32>,
    /// Whether the subtree holds an element marked as the article's body.
    marked: Vec<bool>,
    /// What each element's markup says (read once).
    hints: Vec<Hint>,
    /// Whether each element is named as a caption or credit.
    caption: Vec<bool>,
}

fn stats(tree: &Tree) -> Stats {
    let n = tree.len();
    let mut s = Stats {
        end: (1..=n as u32).collect(),
        chars: vec![0; n],
        link: vec![0; n],
        direct: vec![0; n],
        commas: vec![0; n],
        marked: vec![false; n],
        hints: vec![Hint::Neutral; n],
        caption: vec![false; n],
    };
    let mut classifier = classify::Classifier::default();
    for i in (1..n).rev() {
        let node = tree.node(i as NodeId);
        let p = node.parent as usize;
        let mut propagate = true;
        match &node.data {
            NodeData::Text(t) => {
                let (c, k) = count_text(t);
                s.chars[i] = c;
                s.commas[i] = k;
                s.direct[p] += c;
            }
            NodeData::Element { tag, attrs } => {
                if *tag == Tag::A && is_real_link(tree, i as NodeId) {
                    s.link[i] = s.chars[i];
                }
                if !attrs.is_empty() {
                    (s.hints[i], s.caption[i]) = classifier.markup(tree, i as NodeId);
                }
                if classify::is_boilerplate_tag(*tag) {
                    propagate = false;
                }
                if tree
                    .attr(i as NodeId, "itemprop")
                    .is_some_and(|v| v.to_ascii_lowercase().contains("articlebody"))
                {
                    s.marked[i] = true;
                }
            }
            NodeData::Document => {}
        }
        if s.end[i] > s.end[p] {
            s.end[p] = s.end[i];
        }
        if propagate {
            s.chars[p] += s.chars[i];
            s.link[p] += s.link[i];
            s.commas[p] += s.commas[i];
        }
        if s.marked[i] {
            s.marked[p] = true;
        }
    }
    s
}

/// An `<a>` that goes somewhere: not a named anchor, not a script hook.
fn is_real_link(tree: &Tree, id: NodeId) -> bool {
    match tree.attr(id, "href") {
        None => false,
        Some(h) => {
            let h = h.trim_start().as_bytes();
            !(h.is_empty() || h.len() >= 11 && h[..11].eq_ignore_ascii_case(b"javascript:"))
        }
    }
}

/// Non-space characters and commas of a text.
///
/// Counts bytes, not chars, for speed: a multi-byte character counts once (its continuation
/// bytes are skipped) and only ASCII white space is skipped.
fn count_text(t: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let b = t.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c & 0xC0 == 0x80 || c.is_ascii_whitespace() {
            continue;
        }
        chars += 1;
        // ',' and the CJK and Arabic commas (， 、 ،).
        if c == b','
            || (c >= 0xD8
                && matches!(
                    &b[i..b.len().min(i + 3)],
                    [0xEF, 0xBC, 0x8C] | [0xE3, 0x80, 0x81] | [0xD8, 0x8C, ..]
                ))
        {
            commas += 1;
        }
    }
    (chars, commas)
}

impl Stats {
    fn link_density(&self, i: usize) -> f32 {
        if self.chars[i] == 0 {
            0.0
        } else {
            self.link[i] as f32 / self.chars[i] as f32
        }
    }
}

/// Marks every node that belongs to boilerplate.
fn boilerplate(tree: &Tree, s: &Stats, body: NodeId) -> Vec<bool> {
    let n = tree.len();
    let mut junk = vec![false; n];
    let total = s.chars[body as usize].max(1) as f32;
    for i in 1..n {
        let node = tree.node(i as NodeId);
        if junk[node.parent as usize] {
            junk[i] = true;
            continue;
        }
        let NodeData::Element { tag, .. } = &node.data else {
            continue;
        };
        let id = i as NodeId;
        let share = s.chars[i] as f32 / total;
        junk[i] = if classify::is_boilerplate_tag(*tag) {
            // An <aside> or <footer> that holds most of the page is a template's misuse, not
            // boilerplate (some sites wrap the whole page in one).
            !(matches!(tag, Tag::Aside | Tag::Footer) && share > 0.6 && s.link_density(i) < 0.3)
        } else if classify::is_hidden(tree, id) {
            true
        } else if *tag == Tag::Header {
            share < 0.3 && !s.marked[i]
        } else {
            match s.hints[i] {
                // The page's root elements are never boilerplate, whatever their classes say
                // (scripts put state such as "modal-open" on them); a large element needs to be
                // link-heavy too.
                _ if matches!(tag, Tag::Html | Tag::Body) => false,
                Hint::Boilerplate => {
                    !s.marked[i] && (share < 0.4 || (share < 0.8 && s.link_density(i) > 0.5))
                }
                Hint::WeakBoilerplate => {
                    !s.marked[i] && share < 0.4 && (s.link_density(i) > 0.3 || s.chars[i] < 200)
                }
                _ => false,
            }
        };
    }
    junk
}

/// Marks a gallery's legends: four or more sibling blocks, each small and under its own heading
/// that opens with the slide's counter ("3/50 Title", then the legend and its credit). Readers
/// see them one at a time over the photos, not as the story's text. A list is left alone when
/// the rest of the page holds less than a story's worth (1,500 characters): on a gallery's own
/// page the legends are all there is.
fn gallery_legends(tree: &Tree, s: &Stats, body: NodeId, junk: &mut [bool]) {
    const CARD_MAX: u32 = 800;
    let n = tree.len();
    let found: Vec<usize> = (1..n)
        .filter(|&i| {
            !junk[i]
                && tree.tag(i as NodeId).is_some_and(Tag::is_heading)
                && s.chars[i] <= 40
                && starts_with_counter(&tree.text_of(i as NodeId))
        })
        .collect();
    if found.len() < 4 {
        return;
    }
    // How many slide headings each subtree holds: a card holds one.
    let mut headings = vec![0u32; n];
    for &i in &found {
        headings[i] = 1;
    }
    for i in (1..n).rev() {
        let p = tree.node(i as NodeId).parent;
        if p != NONE {
            headings[p as usize] += headings[i];
        }
    }
    let mut cards = vec![0u32; n];
    let mut counted = vec![false; n];
    for &i in &found {
        // The card: the largest card-sized block around the heading and no other.
        let mut card = i as NodeId;
        loop {
            let p = tree.node(card).parent;
            if p == NONE || p == body || s.chars[p as usize] > CARD_MAX || headings[p as usize] > 1
            {
                break;
            }
            card = p;
        }
        let list = tree.node(card).parent;
        if card as usize == i || list == NONE || counted[card as usize] {
            continue;
        }
        counted[card as usize] = true;
        cards[list as usize] += 1;
    }
    let total = s.chars[body as usize];
    for l in 1..n {
        if cards[l] < 4 || junk[l] {
            continue;
        }
        // Most of the list's text is in its cards, and the page has a story's worth besides.
        let in_cards: u32 = tree
            .children(l as NodeId)
            .filter(|&c| counted[c as usize])
            .map(|c| s.chars[c as usize])
            .sum();
        if in_cards * 10 < s.chars[l] * 8 || total.saturating_sub(s.chars[l]) < 1500 {
            continue;
        }
        for j in l..s.end[l] as usize {
            junk[j] = true;
        }
    }
}

/// "3/50 …": a slide's counter, the slide's number out of four or more.
fn starts_with_counter(text: &str) -> bool {
    let t = text.trim_start();
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(t);
    if a == 0 || a > 3 || t.as_bytes().get(a) != Some(&b'/') {
        return false;
    }
    let rest = &t[a + 1..];
    let b = digits(rest);
    if b == 0 || b > 3 || !rest[b..].chars().next().is_none_or(char::is_whitespace) {
        return false;
    }
    let (k, of): (u32, u32) = (t[..a].parse().unwrap_or(0), rest[..b].parse().unwrap_or(0));
    (1..=of).contains(&k) && of >= 4
}

/// Non-boilerplate text (`good`) and, of it, the text in paragraph-like blocks (`prose`) under
/// every node.
fn prose_stats(tree: &Tree, s: &Stats, junk: &[bool]) -> (Vec<u32>, Vec<u32>) {
    let n = tree.len();
    let mut good = vec![0u32; n];
    let mut prose = vec![0u32; n];
    for i in (1..n).rev() {
        if junk[i] {
            continue;
        }
        let node = tree.node(i as NodeId);
        match &node.data {
            NodeData::Text(_) => good[i] = s.chars[i],
            NodeData::Element { tag, .. } => {
                let own = paragraph_len(s, i, *tag);
                // Text blocks of any length count (headings, short items); a container's own
                // loose text only when it is a sentence's worth.
                let min = if is_container(*tag) { 25 } else { 1 };
                if own >= min && s.link_density(i) < 0.5 && prose[i] == 0 {
                    prose[i] = own;
                }
            }
            NodeData::Document => {}
        }
        let p = node.parent as usize;
        good[p] += good[i];
        prose[p] += prose[i];
    }
    (good, prose)
}

/// Elements that hold blocks but may also hold loose text of their own.
fn is_container(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Font
            | Tag::Center
            | Tag::Main
            | Tag::Text
            | Tag::Span
    )
}

/// The text length that makes element `i` a paragraph, or 0 if it is not paragraph-like: a text
/// block's words outside links, a container's own loose text.
fn paragraph_len(s: &Stats, i: usize, tag: Tag) -> u32 {
    match tag {
        Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote | Tag::Li | Tag::Dd | Tag::Dt => {
            s.chars[i] - s.link[i]
        }
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th | Tag::Figcaption => {
            s.chars[i] - s.link[i]
        }
        t if is_container(t) => s.direct[i],
        _ => 0,
    }
}

/// Finds the article's body in a parsed page. `title` (when known) is not repeated in the body.
pub fn main_content(tree: &Tree, title: Option<&str>) -> Content {
    let body = tree.find(Tag::Body).unwrap_or(tree.root());
    let s = stats(tree);
    let mut junk = boilerplate(tree, &s, body);
    gallery_legends(tree, &s, body, &mut junk);
    let roots = content_zone(tree, &s, &junk, body);
    let mut captions = Vec::new();
    let mut blocks = Vec::new();
    for &r in &roots {
        emit_blocks(tree, &s, &junk, r, &mut blocks, &mut captions);
    }
    let mut paragraphs = filter_blocks(blocks, title, false, &mut captions);
    let mut fallback = false;
    let found: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if found < 1000 {
        let mut all = Vec::new();
        let mut all_captions = Vec::new();
        emit_blocks(tree, &s, &junk, body, &mut all, &mut all_captions);
        let whole = filter_blocks(all, title, true, &mut all_captions);
        let whole_len: usize = whole.iter().map(|p| p.chars().count()).sum();
        if whole_len > found * 2 {
            paragraphs = whole;
            captions = all_captions;
            fallback = true;
        }
    }
    // Captions of the lead photo often sit outside the body, in the article's header.
    if let Some(&first) = roots.first() {
        let mut a = first;
        while a != NONE && tree.tag(a) != Some(Tag::Article) {
            a = tree.node(a).parent;
        }
        if a != NONE && a != first {
            // The roots are disjoint subtrees: node `i` is in one when it is before the end of
            // the last root that starts at or before it (a binary search, not a scan of every
            // root per caption).
            let mut starts = roots.clone();
            starts.sort_unstable();
            let in_roots = |i: usize| {
                let k = starts.partition_point(|&r| r as usize <= i);
                k > 0 && i < s.end[starts[k - 1] as usize] as usize
            };
            let mut i = a as usize;
            while i < s.end[a as usize] as usize {
                let id = i as NodeId;
                if tree.tag(id) == Some(Tag::Figcaption) && !in_roots(i) {
                    push_caption(tree, id, &mut captions);
                    // A caption nested in it is part of it (as in `emit_blocks`): reading each
                    // of a deep nest whole would read the text at the bottom once per level.
                    i = s.end[i] as usize;
                    continue;
                }
                i += 1;
            }
        }
    }
    // Each caption once, where it first appears.
    let mut seen = std::collections::HashSet::new();
    captions.retain(|c| seen.insert((c.text.clone(), c.credit.clone())));
    Content {
        paragraphs,
        captions,
        fallback,
    }
}

/// The container(s) holding the body, in document order.
fn content_zone(tree: &Tree, s: &Stats, junk: &[bool], body: NodeId) -> Vec<NodeId> {
    let n = tree.len();
    // A page that marks its body (schema.org articleBody) is taken at its word.
    for i in 1..n {
        if !junk[i]
            && s.chars[i] >= 200
            && tree
                .attr(i as NodeId, "itemprop")
                .is_some_and(|v| v.to_ascii_lowercase().contains("articlebody"))
        {
            return vec![i as NodeId];
        }
    }

    let mut score = vec![0f32; n];
    let mut touched = vec![false; n];
    for i in 1..n {
        if junk[i] {
            continue;
        }
        let Some(tag) = tree.tag(i as NodeId) else {
            continue;
        };
        if tag.is_heading() || matches!(tag, Tag::Th | Tag::Figcaption | Tag::Dt) {
            continue;
        }
        let len = paragraph_len(s, i, tag);
        if len < 25 {
            continue;
        }
        let points = 1.0 + s.commas[i].min(len / 20) as f32 + (len as f32 / 100.0).min(3.0);
        let mut a = tree.node(i as NodeId).parent;
        let mut level = 0;
        while a != NONE && level < 5 && a as usize >= body as usize {
            let ai = a as usize;
            if !touched[ai] {
                touched[ai] = true;
                score[ai] = initial_score(tree, s, a);
            }
            score[ai] += match level {
                0 => points,
                1 => points / 2.0,
                l => points / (l as f32 * 3.0),
            };
            level += 1;
            a = tree.node(a).parent;
        }
    }
    let mut best = NONE;
    let mut best_score = f32::MIN;
    for i in 1..n {
        if !touched[i] || junk[i] {
            continue;
        }
        let final_score = score[i] * (1.0 - s.link_density(i));
        score[i] = final_score;
        if final_score > best_score {
            best_score = final_score;
            best = i as NodeId;
        }
    }
    if best == NONE {
        return vec![body];
    }

    // Stories are often split over several containers (page builders wrap every section):
    // climb while what the parent adds to the best container is mostly prose, not links and
    // template text.
    let (good, prose) = prose_stats(tree, s, junk);
    let mut top = best;
    let mut a = tree.node(best).parent;
    let (bi, bg) = (best as usize, good[best as usize]);
    while a != NONE && (a as usize) > body as usize && !junk[a as usize] {
        let ai = a as usize;
        let added_good = good[ai].saturating_sub(bg);
        let added_prose = prose[ai].saturating_sub(prose[bi]);
        // Cumulative: a wrapper that adds a name and a date on the way up to the next posts
        // is crossed, as long as what the climb adds in all is mostly prose.
        if added_good == 0 || added_prose as f32 >= 0.5 * added_good as f32 {
            top = a;
        }
        a = tree.node(a).parent;
    }

    let parent = tree.node(top).parent;
    if parent == NONE {
        return vec![top];
    }
    let threshold = (best_score * 0.2).max(10.0);
    let top_hint = s.hints[top as usize];
    let mut roots = Vec::new();
    for sib in tree.children(parent) {
        let si = sib as usize;
        if sib == top {
            roots.push(sib);
            continue;
        }
        if junk[si] || tree.tag(sib).is_none() {
            continue;
        }
        let mut bonus = 0.0;
        if top_hint == Hint::Content && s.hints[si] == Hint::Content {
            bonus = best_score * 0.2;
        }
        let ld = s.link_density(si);
        let len = s.chars[si] - s.link[si];
        let append = (touched[si] && score[si] + bonus >= threshold)
            || (tree.tag(sib) == Some(Tag::P)
                && ((len > 80 && ld < 0.25)
                    || (len > 0 && ld == 0.0 && ends_sentence(&tree.text_of(sib)))));
        if append {
            roots.push(sib);
        }
    }
    roots
}

fn initial_score(tree: &Tree, s: &Stats, id: NodeId) -> f32 {
    let base = match tree.tag(id) {
        Some(Tag::Div | Tag::Article | Tag::Main | Tag::Section) => 5.0,
        Some(Tag::Pre | Tag::Td | Tag::Blockquote) => 3.0,
        Some(
            Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form,
        ) => -3.0,
        Some(Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th) => -5.0,
        _ => 0.0,
    };
    let hint = match s.hints[id as usize] {
        Hint::Content => 25.0,
        Hint::Boilerplate => -25.0,
        Hint::WeakBoilerplate => -5.0,
        Hint::Neutral => 0.0,
    };
    let article = if tree.tag(id) == Some(Tag::Article) {
        10.0
    } else {
        0.0
    };
    base + hint + article
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '。', '"', '”', ':'])
}

/// What kind of block a paragraph came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    Paragraph,
    Heading,
    Item,
    Cell,
}

#[derive(Debug)]
struct Block {
    text: String,
    kind: BlockKind,
    /// 1–6 for headings, 0 otherwise.
    level: u8,
    chars: usize,
    link_chars: usize,
}

/// Builds the text blocks under `root`.
fn emit_blocks(
    tree: &Tree,
    s: &Stats,
    junk: &[bool],
    root: NodeId,
    out: &mut Vec<Block>,
    captions: &mut Vec<Caption>,
) {
    let mut cur = Block {
        text: String::new(),
        kind: BlockKind::Paragraph,
        level: 0,
        chars: 0,
        link_chars: 0,
    };
    // Open elements, and whether each one counts as a link.
    let mut stack: Vec<(NodeId, Tag, bool)> = Vec::new();
    let mut link_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut brs = 0usize;
    let end = s.end[root as usize] as usize;
    let mut i = root as usize;
    while i < end {
        // Close the elements this node is not inside.
        while let Some(&(open, tag, is_link)) = stack.last() {
            if (s.end[open as usize] as usize) > i {
                break;
            }
            stack.pop();
            match tag {
                Tag::A if is_link => link_depth = link_depth.saturating_sub(1),
                Tag::Pre => pre_depth = pre_depth.saturating_sub(1),
                _ => {}
            }
            if tag.is_block() {
                flush(&mut cur, out);
            }
        }
        let id = i as NodeId;
        if junk[i] && id != root {
            i = s.end[i] as usize;
            continue;
        }
        match &tree.node(id).data {
            NodeData::Element { tag, .. } => {
                let tag = *tag;
                if tag == Tag::Figcaption
                    || (tag != Tag::Figure && s.caption[i] && s.chars[i] < 600)
                {
                    push_caption(tree, id, captions);
                    i = s.end[i] as usize;
                    continue;
                }
                if tag == Tag::Br {
                    brs += 1;
                    if brs >= 2 {
                        flush(&mut cur, out);
                    } else if !cur.text.is_empty() {
                        cur.text.push('\n');
                    }
                    i += 1;
                    continue;
                }
                if tag.is_block() {
                    flush(&mut cur, out);
                    cur.level = match tag {
                        Tag::H1 => 1,
                        Tag::H2 => 2,
                        Tag::H3 => 3,
                        Tag::H4 => 4,
                        Tag::H5 => 5,
                        Tag::H6 => 6,
                        _ => 0,
                    };
                    cur.kind = match tag {
                        t if t.is_heading() => BlockKind::Heading,
                        Tag::Li | Tag::Dt | Tag::Dd => BlockKind::Item,
                        Tag::Td | Tag::Th => BlockKind::Cell,
                        _ => BlockKind::Paragraph,
                    };
                }
                // A permalink inside a heading ("¶", "#section") is part of the heading.
                let is_link = tag == Tag::A
                    && is_real_link(tree, id)
                    && !(cur.kind == BlockKind::Heading
                        && tree.attr(id, "href").is_some_and(|h| h.starts_with('#')));
                match tag {
                    Tag::A if is_link => link_depth += 1,
                    Tag::Pre => pre_depth += 1,
                    _ => {}
                }
                stack.push((id, tag, is_link));
            }
            NodeData::Text(t) => {
                let c = s.chars[i];
                if c > 0 {
                    brs = 0;
                }
                cur.chars += c as usize;
                if link_depth > 0 {
                    cur.link_chars += c as usize;
                }
                append_text(&mut cur.text, t, pre_depth > 0);
            }
            NodeData::Document => {}
        }
        i += 1;
    }
    flush(&mut cur, out);
}

/// Appends text with white space collapsed (kept as is inside `<pre>`).
fn append_text(buf: &mut String, t: &str, pre: bool) {
    if pre {
        buf.push_str(t);
        return;
    }
    let mut space = t.starts_with(char::is_whitespace);
    for word in t.split_whitespace() {
        if space && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
            buf.push(' ');
        }
        buf.push_str(word);
        space = true;
    }
    if t.ends_with(char::is_whitespace) && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
        buf.push(' ');
    }
}

fn flush(cur: &mut Block, out: &mut Vec<Block>) {
    let text = tidy(&cur.text);
    if !text.is_empty() {
        out.push(Block {
            text,
            kind: cur.kind,
            level: cur.level,
            chars: cur.chars,
            link_chars: cur.link_chars,
        });
    }
    cur.text.clear();
    cur.chars = 0;
    cur.link_chars = 0;
    cur.kind = BlockKind::Paragraph;
    cur.level = 0;
}

/// Trims each line of a block and drops empty lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

fn push_caption(tree: &Tree, id: NodeId, captions: &mut Vec<Caption>) {
    // A credit in its own element inside the caption.
    let range = tree.subtree(id);
    let mut credit = None;
    let mut credit_node = NONE;
    for j in range.clone().skip(1) {
        let cid = j as NodeId;
        if tree.tag(cid).is_some() && is_credit_element(tree, cid) {
            let t = tree.text_of(cid);
            if !t.is_empty() {
                credit = Some(t);
                credit_node = cid;
                break;
            }
        }
    }
    let text = if credit_node != NONE {
        let mut t = String::new();
        // The credit's subtree is contiguous: a range check, not a climb per node.
        let credit_range = tree.subtree(credit_node);
        for j in range {
            if credit_range.contains(&j) {
                continue;
            }
            match &tree.node(j as NodeId).data {
                NodeData::Text(x) => t.push_str(x),
                NodeData::Element { tag, .. } if tag.is_block() || *tag == Tag::Br => t.push(' '),
                _ => {}
            }
        }
        collapse_ws(&t)
    } else {
        tree.text_of(id)
    };
    if text.is_empty() && credit.is_none() {
        return;
    }
    let mut caption = split_credit(&text);
    if let Some(c) = credit {
        caption.credit = Some(crate::caption::clean_credit(&c));
    }
    if caption.text.is_empty() && caption.credit.is_none() {
        return;
    }
    // Duplicates go at the end of `main_content`: a `contains` per caption is quadratic.
    captions.push(caption);
}

fn is_credit_element(tree: &Tree, id: NodeId) -> bool {
    let mut hit = false;
    for attr in ["class", "id", "itemprop"] {
        if let Some(v) = tree.attr(id, attr) {
            classify::for_each_word(v, |w| {
                let w = w.to_ascii_lowercase();
                if matches!(
                    w.as_str(),
                    "credit"
                        | "credits"
                        | "copyright"
                        | "photographer"
                        | "source"
                        | "courtesy"
                        | "copyrightholder"
                ) {
                    hit = true;
                }
            });
        }
    }
    hit
}

/// Drops the blocks that are not the story's.
///
/// In order: teaser sections (a "Related"/"Weitere Artikel" heading and the short lines under
/// it), link lists, stock phrases of templates, the title repeated, date- or time-only lines,
/// and — in the whole-page fallback — whatever is not prose. Last, headings and "…:" lines
/// that lead into nothing kept are dropped too.
fn filter_blocks(
    blocks: Vec<Block>,
    title: Option<&str>,
    strict: bool,
    captions: &mut Vec<Caption>,
) -> Vec<String> {
    let title_key = title.map(key);
    let mut keep = vec![false; blocks.len()];
    let linky: Vec<bool> = blocks.iter().map(is_link_block).collect();
    let inline_links = links_inside_prose(&blocks, &linky);
    let mut in_teasers = false;
    for (n, b) in blocks.iter().enumerate() {
        let ld = if b.chars == 0 {
            0.0
        } else {
            b.link_chars as f32 / b.chars as f32
        };
        // Only a short block can be a stock phrase, a teaser heading or the title again: long
        // ones skip the key (building it is a good part of this pass's cost).
        let short = b.text.len() <= 400;
        let k = if short { key(&b.text) } else { String::new() };
        if in_teasers {
            // A teaser section runs until real prose resumes.
            if b.kind != BlockKind::Heading && b.chars >= 60 && ld < 0.3 {
                in_teasers = false;
            } else {
                continue;
            }
        }
        if short && b.chars < 80 && ld < 0.5 && phrases::is_teaser_heading(&k) {
            in_teasers = true;
            continue;
        }
        if linky[n] && !inline_links[n] {
            continue;
        }
        if short && (k.is_empty() || phrases::is_stock_phrase(&k)) {
            continue;
        }
        // Pointers to other stories, a template's labelled lines, and where a post was filed.
        let colon = short && memchr::memchr(b':', b.text.as_bytes()).is_some();
        if short
            && (colon
                && (phrases::is_read_also_line(&b.text) || phrases::is_labelled_line(&b.text))
                || phrases::is_post_meta(&k)
                || phrases::is_notice(&k)
                || phrases::is_reading_time(&k))
        {
            continue;
        }
        if b.kind == BlockKind::Paragraph && short {
            if let Some(caption) = labelled_caption(&b.text) {
                captions.push(caption);
                continue;
            }
        }
        if b.chars < 200
            && short
            && (phrases::is_call_or_rights(&k)
                || b.text.trim_start().starts_with('©')
                || is_credit_line(&b.text))
        {
            continue;
        }
        if short && n < 8 && title_key.as_deref() == Some(k.as_str()) {
            continue;
        }
        if b.kind == BlockKind::Paragraph && b.chars <= 40 && is_date_or_time_only(&b.text) {
            continue;
        }
        if strict && b.kind != BlockKind::Heading {
            let prose =
                b.chars >= 60 && ld < 0.3 || (b.chars >= 25 && ld < 0.1 && ends_sentence(&b.text));
            if !prose {
                continue;
            }
        }
        keep[n] = true;
    }
    drop_ui_runs(&blocks, &mut keep);
    cut_after_story_end(&blocks, &mut keep);
    // Headings and "More on this:" lines need something kept after them.
    // The first kept block after `n` (tracked, not searched for: a search per block is
    // quadratic on a page of headings whose lead-ins all go).
    let mut next_kept = None;
    for n in (0..blocks.len()).rev() {
        let b = &blocks[n];
        let lead_in =
            b.kind == BlockKind::Heading || (b.chars < 60 && b.text.trim_end().ends_with(':'));
        if !keep[n] || !lead_in {
            if keep[n] {
                next_kept = Some(n);
            }
            continue;
        }
        // A lead-in goes when nothing kept follows it, or when it introduced blocks that were
        // dropped (a list of links) and the next kept block starts another section.
        let next: Option<usize> = next_kept;
        let followed = match next {
            None => false,
            Some(j) => {
                j == n + 1
                    || blocks[j].kind != BlockKind::Heading
                    || (b.level > 0 && blocks[j].level > b.level)
            }
        };
        if !followed {
            keep[n] = false;
        } else {
            next_kept = Some(n);
        }
    }
    keep_headings_if_nothing_else(&blocks, &mut keep);
    blocks
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(b, _)| b.text)
        .collect()
}

/// Drops what follows the story's end (a share bar, the author's box, the comment form) when
/// it comes in the last part of the zone: what follows is the page's, not the story's.
fn cut_after_story_end(blocks: &[Block], keep: &mut [bool]) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&j| keep[j]).collect();
    if kept.len() < 5 {
        return;
    }
    let from = kept.len() * 3 / 5;
    for &j in &kept[from..] {
        let b = &blocks[j];
        if b.chars < 120 && phrases::is_story_end(&key(&b.text)) {
            keep[j..].iter_mut().for_each(|k| *k = false);
            return;
        }
    }
}

/// Drops runs of three or more short loose lines that are not sentences: the labels of a
/// widget (a video player's "Play", "Mute", "0:00", a toolbar) rather than a story's text.
/// List items, cells and headings are not touched: short items are what lists are made of.
fn drop_ui_runs(blocks: &[Block], keep: &mut [bool]) {
    let is_ui = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && b.chars < 20
            && !b
                .text
                .trim_end()
                .ends_with(['.', '!', '?', '。', '"', '”', '»'])
    };
    let mut start = 0;
    while start < blocks.len() {
        if !(keep[start] && is_ui(&blocks[start])) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < blocks.len() && (!keep[end] || is_ui(&blocks[end])) {
            end += 1;
        }
        let run = (start..end).filter(|&j| keep[j]).count();
        if run >= 4 {
            keep[start..end].iter_mut().for_each(|k| *k = false);
        }
        start = end.max(start + 1);
    }
}

/// When pruning lead-ins left nothing, a page of headings only keeps its headings.
fn keep_headings_if_nothing_else(blocks: &[Block], keep: &mut [bool]) {
    if keep.iter().any(|&k| k) {
        return;
    }
    for (k, b) in keep.iter_mut().zip(blocks) {
        *k = b.kind == BlockKind::Heading && !phrases::is_stock_phrase(&key(&b.text));
    }
}

/// Mostly a link: navigation, a teaser, a list of related pages.
fn is_link_block(b: &Block) -> bool {
    let ld = if b.chars == 0 {
        0.0
    } else {
        b.link_chars as f32 / b.chars as f32
    };
    ld > 0.5 && !(b.kind == BlockKind::Paragraph && b.chars > 200 && ld < 0.8)
}

/// Link blocks that the story itself lists: a run of at most three with prose on both sides
/// ("Here is our year in review" between two paragraphs), unlike the link lists that trail a
/// story or sit in its margins.
fn links_inside_prose(blocks: &[Block], linky: &[bool]) -> Vec<bool> {
    let prose =
        |b: &Block| b.chars >= 60 && !matches!(b.kind, BlockKind::Heading | BlockKind::Cell);
    let mut out = vec![false; blocks.len()];
    let mut a = 0;
    while a < blocks.len() {
        if !linky[a] {
            a += 1;
            continue;
        }
        let mut b = a;
        while b < blocks.len() && linky[b] {
            b += 1;
        }
        let inside = a > 0
            && b < blocks.len()
            && prose(&blocks[a - 1])
            && !linky[a - 1]
            && prose(&blocks[b]);
        if inside && b - a <= 3 {
            out[a..b].iter_mut().for_each(|x| *x = true);
        }
        a = b;
    }
    out
}

/// A photo caption set as a plain paragraph, known by the credit label that ends it
/// ("… after the match. | Foto: Reuters", "… in 2019. Photo: Jane Roe").
fn labelled_caption(text: &str) -> Option<Caption> {
    let t = text.trim();
    // Every label has a colon or is "©": most paragraphs are out after one scan.
    if t.len() > 400 || !t.contains([':', '©']) {
        return None;
    }
    let lower = t.to_lowercase();
    if lower.len() != t.len() {
        return None;
    }
    let at = [
        "foto:",
        "photo:",
        "photograph:",
        "credit:",
        "bild:",
        "fuente:",
        "©",
    ]
    .iter()
    .filter_map(|l| lower.rfind(l))
    .max()?;
    // The label stands in the last part, after what the photo shows.
    if at * 10 < t.len() * 4 {
        return None;
    }
    let c = split_credit(t);
    (c.credit.is_some() && c.text.chars().count() >= 10).then_some(c)
}

/// A short line that is only a photo credit ("Photo: Jane Roe", "Jane Roe/Getty Images").
fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 300 || !t.contains(['/', ':', '©', '(', '|']) && !t.ends_with("Images") {
        return false;
    }
    if t.chars().count() > 100 {
        return false;
    }
    let c = split_credit(t);
    (c.credit.is_some() && c.text.chars().count() < 3)
        || t.ends_with("Getty Images")
        || t.ends_with("/AP")
        || t.ends_with("/ AP")
}

/// A line that is only a date or a time ("19:49", "3 March 2021", "2021-03-03 10:00").
fn is_date_or_time_only(text: &str) -> bool {
    let t = text.trim();
    if t.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-' | ' ' | ',' | '|'))
    {
        return t.chars().any(|c| c.is_ascii_digit());
    }
    t.split_whitespace().count() <= 6 && super::date::date_in_text(t).is_some()
}

/// A comparison key: lowercase letters and digits separated by single spaces.
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // One pass: words (letters, digits, dots) joined by one space.
    let mut gap = false;
    for c in text.chars() {
        if !(c.is_alphanumeric() || c == '.') {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    // Trailing dots go ("Loading...", "Show more …"), and the space before them.
    while out.ends_with(['.', ' ']) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn body(html: &str) -> Vec<String> {
        main_content(&parse(html), Some("The Headline")).paragraphs
    }

    const PROSE: &str = "The council voted on Tuesday to extend the tram line by four kilometres, \
        a decision that residents of the eastern districts had sought for more than a decade, \
        and that engineers said could be finished within three years.";

    #[test]
    fn article_body_beats_navigation_and_teasers() {
        let html = format!(
            "<body><nav><a href=/>Home</a><a href=/a>World</a></nav>\
             <div class=main><h1>The Headline</h1><p>{PROSE}</p><p>{PROSE}</p>\
             <div class=share-bar><a>Share</a><a>Tweet</a></div><p>Short closing line.</p></div>\
             <div class=related><h3>Related</h3><ul><li><a href=/x>Another story about trams</a></li></ul></div>\
             <footer>© 2024 The Paper</footer></body>"
        );
        let paras = body(&html);
        assert_eq!(
            paras,
            vec![
                PROSE.to_string(),
                PROSE.to_string(),
                "Short closing line.".to_string()
            ]
        );
    }

    #[test]
    fn headings_lists_and_quotes_are_paragraphs() {
        let html = format!(
            "<article><p>{PROSE}</p><h2>What comes next</h2><ul><li>First point, with a comma, here.</li>\
             <li>Second point.</li></ul><blockquote>A quoted passage that matters.</blockquote><p>{PROSE}</p></article>"
        );
        let paras = body(&html);
        assert_eq!(paras[1], "What comes next");
        assert_eq!(paras[2], "First point, with a comma, here.");
        assert_eq!(paras[3], "Second point.");
        assert_eq!(paras[4], "A quoted passage that matters.");
    }

    #[test]
    fn captions_are_taken_out_of_the_body_with_their_credits() {
        let html = format!(
            "<article><figure><img src=a.jpg><figcaption>Workers lay track near the depot. \
             <span class=credit>Jane Roe / City Photos</span></figcaption></figure><p>{PROSE}</p><p>{PROSE}</p></article>"
        );
        let c = main_content(&parse(&html), None);
        assert_eq!(c.paragraphs.len(), 2);
        assert_eq!(
            c.captions,
            vec![Caption {
                text: "Workers lay track near the depot.".into(),
                credit: Some("Jane Roe / City Photos".into())
            }]
        );
    }

    #[test]
    fn captions_set_as_paragraphs_are_known_by_their_credit_label() {
        let html = format!(
            "<article><p>{PROSE}</p><p>Players celebrate after the match. | Foto: Jane Roe</p><p>{PROSE}</p></article>"
        );
        let c = main_content(&parse(&html), None);
        assert_eq!(c.paragraphs.len(), 2);
        assert_eq!(
            c.captions,
            vec![Caption {
                text: "Players celebrate after the match.".into(),
                credit: Some("Jane Roe".into())
            }]
        );
    }

    #[test]
    fn double_br_splits_paragraphs() {
        let html = format!("<div class=post>{PROSE}<br><br>{PROSE}<br>line two</div>");
        let paras = body(&html);
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[1], format!("{PROSE}\nline two"));
    }

    #[test]
    fn a_comment_section_named_by_id_goes_whatever_its_class() {
        // The comments are longer than the post, and their class is the blog's generic one.
        let comment = "A reader wrote a long and friendly reply about the trip, the food and \
                       the weather, thanking the author for sharing the pictures with everyone.";
        let comments: String = (1..=4)
            .map(|k| format!("<li class=post-text>#{k} reader: {comment}</li>"))
            .collect();
        let post = format!("<p>{PROSE}</p>").repeat(6);
        let html = format!(
            "<div class=post-body>{post}</div>\
             <div id=comment-box class=user-post-box><ul>{comments}</ul></div>"
        );
        let paras = body(&html);
        assert_eq!(paras.len(), 6, "{paras:?}");
        assert!(paras.iter().all(|p| !p.contains("reader")));
    }

    #[test]
    fn a_gallerys_numbered_legends_are_not_the_story() {
        let legends: String = (1..=6)
            .map(|k| {
                format!(
                    "<li><h2><span>{k}/6</span> Slide title number {k}</h2>\
                     <p>The legend of slide {k} describes the photo at some length, as \
                     galleries do, with a name, a place and what happened there.</p></li>"
                )
            })
            .collect();
        let story = format!("<p>{PROSE}</p>").repeat(10);
        let html = format!("<div class=story>{story}<ul class=legends>{legends}</ul></div>");
        let paras = body(&html);
        assert_eq!(paras.len(), 10, "{paras:?}");
        assert!(starts_with_counter("12/50 United"));
        assert!(starts_with_counter(" 3/7"));
        assert!(!starts_with_counter("24/7 news"));
        assert!(!starts_with_counter("1/2 cup of flour"));
    }

    #[test]
    fn hidden_and_cookie_elements_are_dropped() {
        let html = format!(
            "<div id=cookie-consent>We use cookies to improve your experience. Accept all?</div>\
             <div class=story><p>{PROSE}</p><p style='display:none'>Hidden text that should not appear at all.</p><p>{PROSE}</p></div>"
        );
        let paras = body(&html);
        assert_eq!(paras.len(), 2);
        assert!(paras
            .iter()
            .all(|p| !p.contains("cookies") && !p.contains("Hidden")));
    }

    #[test]
    fn author_boxes_pointers_and_labelled_lines_are_dropped() {
        let html = format!(
            "<article><p>{PROSE}</p><p>Lea también: Otro tranvía llega al puerto</p>\
             <p>{PROSE}</p><p>Quelle: Stadtverwaltung</p>\
             <p>This entry was posted in News and tagged trams.</p>\
             <div class=post-author-info><p>Jane Roe has covered transport for the paper since \
             2009, and before that reported on city politics, housing and the port for a \
             regional weekly.</p></div></article>"
        );
        assert_eq!(body(&html), vec![PROSE.to_string(), PROSE.to_string()]);
    }

    #[test]
    fn keys_are_lowercase_words_joined_by_one_space() {
        // The plain definition the one-pass `key` must agree with.
        fn reference(text: &str) -> String {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '.')
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                .collect();
            let mut out = words.join(" ");
            while out.ends_with(['.', ' ']) {
                out.pop();
            }
            out
        }
        for text in [
            "",
            "  ",
            "Read MORE: «Der Spiegel» — 3.5 Mio.",
            "İstanbul ÆØÅ straße ΣΑΣ",
            "日本語のテキスト、です。",
            "--a--b--",
            "x...",
            "Read MORE: Der Spiegel - 3.5 Mio.",
            " Hello,World!! 42 ",
            "Ⅻ ½ ٣ 𝔸𝔹",
        ] {
            assert_eq!(key(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn keys_drop_trailing_ellipses() {
        assert_eq!(key("Lade weitere Inhalte ..."), "lade weitere inhalte");
        assert_eq!(key("Loading..."), "loading");
        assert_eq!(key("Quellenangaben:"), "quellenangaben");
    }

    #[test]
    fn labelled_headings_are_dropped() {
        let html =
            format!("<article><p>{PROSE}</p><p>{PROSE}</p><h3>Quellenangaben:</h3></article>");
        assert_eq!(body(&html).len(), 2);
    }

    #[test]
    fn a_class_name_never_removes_most_of_the_page() {
        let html =
            format!("<div class=sidebar-layout><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>");
        assert_eq!(body(&html).len(), 3);
    }

    #[test]
    fn empty_and_bodiless_pages() {
        assert!(body("").is_empty());
        assert!(body("<html><head><title>x</title></head></html>").is_empty());
        assert_eq!(
            body(&format!("<html>{PROSE}</html>")),
            vec![PROSE.to_string()]
        );
    }
}
