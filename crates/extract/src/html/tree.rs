//! An arena tree of the parts of an HTML page that extraction needs.
//!
//! Nodes live in one `Vec` in document order, so every node's descendants directly follow it and
//! a parent always has a smaller index than its children. Bottom-up passes (text lengths, link
//! density) are therefore one reverse loop over the arena, with no recursion and no stack to
//! overflow, however deep the page nests.

/// Index of a node in its [`Tree`].
pub type NodeId = u32;

/// The sentinel for "no node".
pub const NONE: NodeId = u32::MAX;

macro_rules! tags {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// The element names extraction tells apart; every other name is [`Tag::Other`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Tag { $($variant,)* Other }

        impl Tag {
            /// The tag for a lowercase element name.
            pub fn from_name(name: &[u8]) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    Html => b"html", Head => b"head", Body => b"body", Title => b"title", Meta => b"meta",
    Link => b"link", Script => b"script", Style => b"style", Noscript => b"noscript",
    Template => b"template", Iframe => b"iframe", Svg => b"svg", Math => b"math",
    Canvas => b"canvas", Textarea => b"textarea", Select => b"select", Option => b"option",
    Button => b"button", Input => b"input", Label => b"label", Form => b"form",
    P => b"p", Div => b"div", Span => b"span", A => b"a", Br => b"br", Hr => b"hr",
    Img => b"img", H1 => b"h1", H2 => b"h2", H3 => b"h3", H4 => b"h4", H5 => b"h5", H6 => b"h6",
    Ul => b"ul", Ol => b"ol", Li => b"li", Dl => b"dl", Dt => b"dt", Dd => b"dd",
    Blockquote => b"blockquote", Pre => b"pre", Code => b"code", Table => b"table",
    Thead => b"thead", Tbody => b"tbody", Tfoot => b"tfoot", Tr => b"tr", Td => b"td",
    Th => b"th", Caption => b"caption", Figure => b"figure", Figcaption => b"figcaption",
    Article => b"article", Main => b"main", Section => b"section", Header => b"header",
    Footer => b"footer", Nav => b"nav", Aside => b"aside", Menu => b"menu", Time => b"time",
    Address => b"address", Details => b"details", Summary => b"summary", Dialog => b"dialog",
    Center => b"center", Font => b"font", Strong => b"strong", B => b"b", Em => b"em",
    I => b"i", U => b"u", Small => b"small", Sup => b"sup", Sub => b"sub", Q => b"q",
    Cite => b"cite", Abbr => b"abbr", Mark => b"mark", Picture => b"picture",
    Source => b"source", Video => b"video", Audio => b"audio", Object => b"object",
    Embed => b"embed", Area => b"area", Base => b"base", Col => b"col", Param => b"param",
    Track => b"track", Wbr => b"wbr", Frameset => b"frameset", Frame => b"frame",
    Map => b"map", Fieldset => b"fieldset", Legend => b"legend", Output => b"output",
    Progress => b"progress", Meter => b"meter", Datalist => b"datalist",
    Optgroup => b"optgroup", Hgroup => b"hgroup", Xmp => b"xmp", Noembed => b"noembed",
    Noframes => b"noframes", Plaintext => b"plaintext", Tt => b"tt", Big => b"big",
    S => b"s", Strike => b"strike", Del => b"del", Ins => b"ins", Kbd => b"kbd",
    Samp => b"samp", Var => b"var", Dfn => b"dfn", Bdi => b"bdi", Bdo => b"bdo",
    Ruby => b"ruby", Rt => b"rt", Rp => b"rp", Data => b"data", Nobr => b"nobr",
    Marquee => b"marquee", Text => b"text",
}

impl Tag {
    /// Elements that never have children.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Area
                | Tag::Base
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
                | Tag::Frame
        )
    }

    /// Elements whose content is raw text up to their end tag.
    pub fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Textarea
                | Tag::Title
                | Tag::Xmp
                | Tag::Iframe
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Plaintext
        )
    }

    /// Elements that start a new block of text (a paragraph boundary) in rendered output.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Article
                | Tag::Main
                | Tag::Section
                | Tag::Header
                | Tag::Footer
                | Tag::Nav
                | Tag::Aside
                | Tag::Menu
                | Tag::Address
                | Tag::Details
                | Tag::Summary
                | Tag::Dialog
                | Tag::Center
                | Tag::Form
                | Tag::Fieldset
                | Tag::Hr
                | Tag::Hgroup
                | Tag::Body
                | Tag::Html
                | Tag::Text
        )
    }

    /// Headings `h1`–`h6`.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Elements a start tag of which closes an open `<p>` (HTML's implied end tags).
    pub fn closes_p(self) -> bool {
        self.is_block()
            && !matches!(
                self,
                Tag::Li | Tag::Dt | Tag::Dd | Tag::Td | Tag::Th | Tag::Tr
            )
    }
}

/// What a node is.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeData {
    /// The document root.
    Document,
    /// An element with the attributes extraction reads.
    Element {
        /// Its name.
        tag: Tag,
        /// `(name, value)` of the attributes kept (see [`crate::html::parse`]).
        attrs: Vec<(&'static str, Box<str>)>,
    },
    /// A run of text, entities decoded, white space as in the source.
    Text(Box<str>),
}

/// One node of the arena.
#[derive(Clone, Debug)]
pub struct Node {
    /// What it is.
    pub data: NodeData,
    /// Its parent, [`NONE`] for the root.
    pub parent: NodeId,
    /// Its first child, or [`NONE`].
    pub first_child: NodeId,
    /// Its last child, or [`NONE`].
    pub last_child: NodeId,
    /// Its next sibling, or [`NONE`].
    pub next_sibling: NodeId,
    /// Its depth below the root.
    pub depth: u16,
}

/// A parsed page.
#[derive(Clone, Debug)]
pub struct Tree {
    nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

impl Tree {
    /// A tree with only its root.
    pub fn new() -> Tree {
        Tree::with_capacity(1)
    }

    /// A tree with only its root and room for `n` nodes.
    pub fn with_capacity(n: usize) -> Tree {
        let mut nodes = Vec::with_capacity(n.max(1));
        nodes.push(Node {
            data: NodeData::Document,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            depth: 0,
        });
        Tree { nodes }
    }

    /// The root's id.
    pub fn root(&self) -> NodeId {
        0
    }

    /// How many nodes it has.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when it holds only the root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// All nodes, in document order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Appends a node as the last child of `parent` and returns its id.
    pub fn append(&mut self, parent: NodeId, data: NodeData) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let depth = self.nodes[parent as usize].depth.saturating_add(1);
        self.nodes.push(Node {
            data,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            depth,
        });
        let p = &mut self.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.nodes[last as usize].next_sibling = id;
        }
        id
    }

    /// Appends text to `parent`, merging it into a text node that is already its last child.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        let last = self.nodes[parent as usize].last_child;
        if last != NONE {
            if let NodeData::Text(t) = &mut self.nodes[last as usize].data {
                let mut s = String::with_capacity(t.len() + text.len());
                s.push_str(t);
                s.push_str(text);
                *t = s.into_boxed_str();
                return;
            }
        }
        self.append(parent, NodeData::Text(text.into()));
    }

    /// The element's tag, or `None` for text and the root.
    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        match &self.nodes[id as usize].data {
            NodeData::Element { tag, .. } => Some(*tag),
            _ => None,
        }
    }

    /// The value of attribute `name` of element `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id as usize].data {
            NodeData::Element { attrs, .. } => {
                attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            tree: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The ids of `id` and all its descendants, which are contiguous in the arena.
    pub fn subtree(&self, id: NodeId) -> std::ops::Range<usize> {
        let start = id as usize;
        let depth = self.nodes[start].depth;
        let mut end = start + 1;
        while end < self.nodes.len() && self.nodes[end].depth > depth {
            end += 1;
        }
        start..end
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    pub fn is_inside(&self, mut id: NodeId, ancestor: NodeId) -> bool {
        while id != NONE {
            if id == ancestor {
                return true;
            }
            id = self.nodes[id as usize].parent;
        }
        false
    }

    /// The concatenated text of `id`'s subtree, white space collapsed.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for node in &self.nodes[self.subtree(id)] {
            match &node.data {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element { tag, .. } if tag.is_block() || *tag == Tag::Br => out.push(' '),
                _ => {}
            }
        }
        collapse_ws(&out)
    }

    /// [`Tree::text_of`] cut short: its first `max` bytes at most (whole chars), and whether
    /// anything was left out. It reads no more of the subtree than it keeps, so asking every
    /// element of a deep nest for a short text does not read the long text at the bottom once
    /// per element.
    pub fn text_of_at_most(&self, id: NodeId, max: usize) -> (String, bool) {
        let mut out = String::new();
        let mut space = false;
        let depth = self.nodes[id as usize].depth;
        let mut i = id as usize;
        loop {
            let text = match &self.nodes[i].data {
                NodeData::Text(t) => &**t,
                NodeData::Element { tag, .. } if tag.is_block() || *tag == Tag::Br => " ",
                _ => "",
            };
            // As `collapse_ws`, one char at a time.
            for c in text.chars() {
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                let gap = space && !out.is_empty();
                if out.len() + usize::from(gap) + c.len_utf8() > max {
                    return (out, true);
                }
                if gap {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
            i += 1;
            if i >= self.nodes.len() || self.nodes[i].depth <= depth {
                return (out, false);
            }
        }
    }

    /// The first element with tag `tag`, in document order.
    pub fn find(&self, tag: Tag) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|n| matches!(n.data, NodeData::Element { tag: t, .. } if t == tag))
            .map(|i| i as NodeId)
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    tree: &'a Tree,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.tree.nodes[id as usize].next_sibling;
        Some(id)
    }
}

/// Collapses every run of white space to one space and trims the ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}
