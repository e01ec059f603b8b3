//! Lines a scraper keeps that belong to the page, not the story.
//!
//! Every rule here looks at the *shape* of a line — icon-font class names, interface words,
//! menu runs, notices — and never at one site's wording.

/// Why a line is not part of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Junk {
    /// Icon-font labels and CSS class names (`cameraicon`, `chevron-down`, `fb`).
    Icons,
    /// Interface words only: share bars, "Advertisement", "3 min read", "Sign in".
    Interface,
    /// A navigation menu: a run of short capitalised items.
    Menu,
    /// A cookie or consent notice.
    Cookies,
    /// A subscription, newsletter or paywall prompt.
    Subscribe,
    /// "Follow us on …", "Join our channel".
    Follow,
    /// A copyright footer.
    Copyright,
    /// A tag or topic list ("Tags: …").
    Tags,
    /// A "Read more"/"Related" heading alone: the lines after it are teasers.
    RelatedHeading,
    /// A "Read more: <headline>" line: one teaser.
    RelatedLink,
    /// No letters at all (separators, counters like `1/5`).
    Symbols,
    /// A bare link or address alone on its line.
    Link,
    /// A notice about the reader's browser (JavaScript, ad blockers).
    BrowserNotice,
}

/// A test on a line, given as it is and lowercased.
type Check = fn(&str, &str) -> bool;

/// Why `line` (trimmed) is junk, or `None` when it may be part of the story.
pub(crate) fn classify(line: &str) -> Option<Junk> {
    if !line.chars().any(char::is_alphabetic) {
        return Some(Junk::Symbols);
    }
    if is_link(line) {
        return Some(Junk::Link);
    }
    let lower = line.to_lowercase();
    if let Some(related) = related(&lower) {
        return Some(related);
    }
    let checks: [(Check, Junk); 9] = [
        (|l, _| is_icon_strip(l), Junk::Icons),
        (|_, lower| is_follow_prompt(lower), Junk::Follow),
        (|_, lower| is_interface(lower), Junk::Interface),
        (|l, _| is_menu(l), Junk::Menu),
        (|_, lower| is_cookie_notice(lower), Junk::Cookies),
        (|_, lower| is_subscription_prompt(lower), Junk::Subscribe),
        (|_, lower| is_copyright(lower), Junk::Copyright),
        (|_, lower| is_tag_list(lower), Junk::Tags),
        (|_, lower| is_browser_notice(lower), Junk::BrowserNotice),
    ];
    checks
        .iter()
        .find(|(check, _)| check(line, &lower))
        .map(|&(_, junk)| junk)
}

/// Social networks' short codes, as icon fonts name their glyphs.
const SOCIAL_CODES: &[&str] = &[
    "fb", "tw", "vk", "ok", "gp", "ins", "ig", "yt", "tg", "wa", "li", "pin", "rss",
];

/// True for a token an icon font or a style sheet left that names an icon (`cameraicon`,
/// `icon-share`, `fa-twitter`): the strong signal. Icon classes are lowercase; English words
/// that happen to end in "icon" are not icons.
fn is_icon_name(token: &str) -> bool {
    const WORDS: &[&str] = &[
        "silicon",
        "lexicon",
        "rubicon",
        "helicon",
        "opticon",
        "panopticon",
    ];
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    let lowercase = !t.is_empty() && !t.chars().any(char::is_uppercase);
    lowercase
        && !WORDS.contains(&t)
        && (t.contains("icon") || ["fa-", "bi-", "mdi-"].iter().any(|p| t.starts_with(p)))
}

/// True for a token that often sits among icon names: a social network's short code or a
/// lowercase hyphenated class name (`v-pause`, `chevron-down`): a weak signal.
fn is_icon_like(token: &str) -> bool {
    let css = token.contains(['-', '_'])
        && token
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    css || SOCIAL_CODES.contains(&token)
}

/// True for a line mostly made of icon names and class names.
pub(crate) fn is_icon_strip(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let strong = tokens.iter().filter(|t| is_icon_name(t)).count();
    let weak = tokens
        .iter()
        .filter(|t| !is_icon_name(t) && is_icon_like(t))
        .count();
    let iconish = strong + weak;
    (strong >= 2 && iconish * 10 >= tokens.len() * 3)
        || (iconish >= 4 && iconish * 2 >= tokens.len() && !ends_like_prose(line))
}

/// `line` without the icon names glued to its start and end (`shareicon fbicon Headline` gives
/// `Headline`). A run at either edge goes only when it holds at least one icon name.
pub(crate) fn strip_icon_edges(line: &str) -> &str {
    let tokens = token_spans(line);
    let edge =
        |&(s, e): &(usize, usize)| is_icon_name(&line[s..e]) || SOCIAL_CODES.contains(&&line[s..e]);
    let named = |run: &[(usize, usize)]| run.iter().any(|&(s, e)| is_icon_name(&line[s..e]));
    let mut lead = tokens.iter().take_while(|t| edge(t)).count();
    if !named(&tokens[..lead]) {
        lead = 0;
    }
    let rest = &tokens[lead..];
    let mut trail = rest.iter().rev().take_while(|t| edge(t)).count();
    if !named(&rest[rest.len() - trail..]) {
        trail = 0;
    }
    match (
        rest.first(),
        rest.len().checked_sub(trail + 1).map(|i| rest[i]),
    ) {
        (Some(&(start, _)), Some((_, end))) => &line[start..end],
        _ => "",
    }
}

/// Byte ranges of the whitespace-separated tokens of `line`.
fn token_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, line.len()));
    }
    spans
}

/// True when `line` ends like a sentence (a period, question or exclamation mark, possibly
/// inside a closing quote or bracket).
pub(crate) fn ends_like_prose(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// Words of a line, lowercase, split at whitespace and the separators menus and share bars use,
/// with surrounding punctuation removed; empty pieces dropped.
fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ',' | ':' | '›' | '»' | '>')
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Words of page chrome: share bars, players, account links, ad labels, reading times.
#[rustfmt::skip]
const INTERFACE_WORDS: &[&str] = &[
    "share", "shares", "sharing", "tweet", "retweet", "email", "e-mail", "mail", "print", "copy",
    "copied", "link", "permalink", "embed", "facebook", "twitter", "x", "whatsapp", "telegram",
    "linkedin", "reddit", "pinterest", "vk", "messenger", "flipboard", "tumblr", "instagram",
    "youtube", "tiktok", "save", "saved", "bookmark", "comment", "comments", "reply", "listen",
    "audio", "min", "mins", "minute", "minutes", "read", "reading", "time", "subscribe",
    "unsubscribe", "sign", "log", "login", "logout", "register", "account", "menu", "search",
    "close", "open", "next", "previous", "prev", "back", "top", "skip", "content", "main",
    "navigation", "more", "less", "show", "hide", "load", "loading", "advertisement", "advertising",
    "advert", "ad", "ads", "sponsored", "promoted", "scroll", "continue", "continues", "below",
    "story", "article", "accept", "reject", "decline", "agree", "got", "ok", "okay", "settings",
    "manage", "preferences", "home", "follow", "like", "video", "videos", "photo", "photos",
    "gallery", "watch", "live", "view", "views", "expand", "collapse", "font", "size", "text",
    "zoom", "fullscreen", "play", "pause", "mute", "unmute", "download", "app", "feedback",
    "report", "translate", "rss", "feed", "cancel", "submit", "send", "toggle", "click", "tap",
    "here", "image", "images", "caption", "enlarge",
];

/// Little words that may sit between interface words ("Back to top", "Sign in").
const GLUE_WORDS: &[&str] = &[
    "to", "the", "this", "on", "in", "up", "out", "of", "for", "and", "or", "a", "an", "with",
    "via", "all", "now", "it", "our", "us", "your", "you",
];

/// True for a line of interface words only ("Share Tweet Email", "Advertisement", "3 min read").
fn is_interface(lower: &str) -> bool {
    let mut count = 0;
    let mut core = 0;
    for word in words(lower) {
        count += 1;
        if INTERFACE_WORDS.contains(&word) {
            core += 1;
        } else if !GLUE_WORDS.contains(&word) && !word.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    core > 0 && count <= 14
}

/// Function words: headlines and prose have them, menus do not.
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or",
    "but", "as", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can",
    "could", "that", "this", "it", "its", "he", "she", "they", "we", "his", "her", "their", "not",
    "no", "after", "over", "into", "about", "than", "says", "said", "who", "what", "how", "why",
    "new",
];

/// True for a navigation menu: a breadcrumb (`Home › World`), three or more short items
/// between bars or bullets, or a long run of capitalised words with no function word and no
/// sentence punctuation.
fn is_menu(line: &str) -> bool {
    if ends_like_prose(line) {
        return false;
    }
    let short_items = |separators: &[char], at_least: usize| {
        let items: Vec<&str> = line
            .split(separators)
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        items.len() >= at_least && items.iter().all(|i| i.split_whitespace().count() <= 3)
    };
    if short_items(&['›', '»'], 2) || short_items(&['|', '•', '·'], 3) {
        return true;
    }
    let tokens: Vec<&str> = line
        .split_whitespace()
        .filter(|t| *t != "&" && *t != "|")
        .collect();
    tokens.len() >= 7
        && tokens
            .iter()
            .all(|t| t.starts_with(|c: char| c.is_uppercase()) && t.chars().count() <= 15)
        && !tokens
            .iter()
            .any(|t| STOPWORDS.contains(&t.to_lowercase().as_str()))
        && !line.contains([',', ';', ':', '"', '“'])
}

/// True when `lower` contains any of `needles`.
fn has_any(lower: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| lower.contains(n))
}

/// True for a cookie or consent notice (or its buttons).
fn is_cookie_notice(lower: &str) -> bool {
    #[rustfmt::skip]
    const COOKIE_CUES: &[&str] = &[
        "we use", "uses cookies", "use of cookies", "accept", "consent", "policy", "settings",
        "preferences", "by continuing", "experience", "this site", "this website", "our site",
        "our website", "our partners",
    ];
    const CONSENT_CUES: &[&str] = &[
        "your privacy",
        "our partners",
        "personalised",
        "personalized",
        "your data",
    ];
    let short = lower.chars().count() < 600;
    short
        && ((lower.contains("cookie") && has_any(lower, COOKIE_CUES))
            || (lower.contains("consent") && has_any(lower, CONSENT_CUES)))
}

/// True for a subscription, newsletter or paywall prompt addressed to the reader.
fn is_subscription_prompt(lower: &str) -> bool {
    #[rustfmt::skip]
    const CUES: &[&str] = &[
        "subscribe to", "subscribe now", "subscribe for", "subscribe here", "sign up for",
        "sign up to", "sign up now", "our newsletter", "newsletters", "your inbox",
        "already a subscriber", "already subscribed", "free articles", "become a member",
        "become a subscriber", "support our journalism", "support independent journalism",
        "download our app", "get our app", "unlimited access", "to continue reading",
        "create a free account", "subscribers only", "exclusive to subscribers", "for subscribers",
    ];
    let addressed = lower.contains("our ") || lower.contains("your") || lower.contains("you ");
    let imperative = [
        "subscribe",
        "sign up",
        "get ",
        "join",
        "download",
        "become",
        "support",
        "register",
        "already",
    ]
    .iter()
    .any(|cue| lower.starts_with(cue));
    lower.chars().count() < 300 && has_any(lower, CUES) && (addressed || imperative)
}

/// True for "Follow us on …" and kin.
fn is_follow_prompt(lower: &str) -> bool {
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "follow ", "like us", "join us", "join our", "find us", "connect with us", "stay connected",
        "subscribe to our",
    ];
    #[rustfmt::skip]
    const NETWORKS: &[&str] = &[
        "telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "whatsapp",
        "vk", " x", "threads", "mastodon", "google news", "rss", "social media", "us on", "channel",
    ];
    lower.chars().count() < 250
        && STARTS.iter().any(|s| lower.starts_with(s))
        && has_any(lower, NETWORKS)
}

/// True for a copyright footer (a photo credit like `© Agency` alone is not one: it needs a
/// year, "copyright" or "all rights reserved").
fn is_copyright(lower: &str) -> bool {
    let short = lower.chars().count() < 400;
    let has_year = super::dates::tokens(lower).iter().any(|t| {
        t.kind == super::dates::Kind::Num
            && t.text.len() == 4
            && (t.text.starts_with("19") || t.text.starts_with("20"))
    });
    let marked =
        lower.starts_with('©') || lower.starts_with("(c)") || lower.starts_with("copyright");
    short
        && (lower.contains("all rights reserved")
            || (marked && (has_year || lower.starts_with("copyright"))))
}

/// True for a bare URL or e-mail address.
fn is_link(line: &str) -> bool {
    let single = !line.contains(char::is_whitespace);
    let lower = line.to_ascii_lowercase();
    let web = ["http://", "https://", "www."]
        .iter()
        .any(|p| lower.starts_with(p));
    let mail = line.contains('@') && line.contains('.');
    single && (web || mail)
}

/// True for a notice about the reader's browser.
fn is_browser_notice(lower: &str) -> bool {
    #[rustfmt::skip]
    const CUES: &[&str] = &[
        "enable javascript", "javascript is disabled", "javascript is required",
        "javascript enabled", "your browser does not support", "update your browser", "ad blocker",
        "adblock", "disable your ad",
    ];
    lower.chars().count() < 300 && has_any(lower, CUES)
}

/// True for a tag or topic list.
fn is_tag_list(lower: &str) -> bool {
    #[rustfmt::skip]
    const STARTS: &[&str] = &[
        "tags:", "tags ", "topics:", "filed under", "categories:", "category:", "keywords:",
        "more about:", "related topics",
    ];
    lower.chars().count() < 400 && STARTS.iter().any(|s| lower.starts_with(s))
}

/// Headings of teaser lists.
#[rustfmt::skip]
const RELATED_HEADINGS: &[&str] = &[
    "read more", "read also", "also read", "see also", "related", "related articles",
    "related stories", "related news", "related content", "related coverage", "related reading",
    "more on this", "more on this story", "more on this topic", "more from", "more stories",
    "more news", "you may also like", "you might also like", "you may be interested in",
    "recommended", "recommended for you", "recommended stories", "most read", "most popular",
    "most viewed", "trending", "trending now", "top stories", "latest news", "what to read next",
    "read next", "further reading", "more to read", "editor's picks", "editors' picks",
    "don't miss",
];

/// A "Read more"-style heading alone, or with one teaser after a separator.
fn related(lower: &str) -> Option<Junk> {
    let bare = lower.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '»' | '›' | '>' | '→' | '-')
    });
    if RELATED_HEADINGS.contains(&bare) {
        return Some(Junk::RelatedHeading);
    }
    let starts_teaser = RELATED_HEADINGS.iter().any(|h| {
        lower.strip_prefix(h).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with([':', '|', '»', '›', '→', '—', '–'])
        })
    });
    starts_teaser.then_some(Junk::RelatedLink)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_page_chrome() {
        let cases: &[(&str, Option<Junk>)] = &[
            ("pubdate 2022-01-01 icon heart-bicon hearticon staricon arrow leftticon playicon xicon", Some(Junk::Icons)),
            ("fa-facebook fa-twitter fa-envelope fa-print", Some(Junk::Icons)),
            ("Share Tweet Email Print", Some(Junk::Interface)),
            ("Copy link", Some(Junk::Interface)),
            ("ADVERTISEMENT", Some(Junk::Interface)),
            ("Advertisement - Scroll to continue", Some(Junk::Interface)),
            ("4 min read", Some(Junk::Interface)),
            ("Back to top", Some(Junk::Interface)),
            ("Home | World | Business | Sport | Culture", Some(Junk::Menu)),
            ("Home World Business Markets Sport Culture Opinion Video", Some(Junk::Menu)),
            ("Home › World › Europe", Some(Junk::Menu)),
            ("Politics • Economy • Science", Some(Junk::Menu)),
            ("https://example.org/a/b?c=d", Some(Junk::Link)),
            ("desk@example.org", Some(Junk::Link)),
            ("Please enable JavaScript to view the comments", Some(Junk::BrowserNotice)),
            ("We use cookies to improve your experience. Accept all", Some(Junk::Cookies)),
            ("We value your privacy and ask for your consent to share data with our partners", Some(Junk::Cookies)),
            ("Sign up for our daily newsletter", Some(Junk::Subscribe)),
            ("Already a subscriber? Log in", Some(Junk::Subscribe)),
            ("Follow us on Telegram and X", Some(Junk::Follow)),
            ("© 2024 Example Media Group. All rights reserved.", Some(Junk::Copyright)),
            ("Copyright Some Publisher", Some(Junk::Copyright)),
            ("Tags: floods, rivers, weather", Some(Junk::Tags)),
            ("Read more:", Some(Junk::RelatedHeading)),
            ("RELATED STORIES", Some(Junk::RelatedHeading)),
            ("READ MORE: Ferry service resumes after storm", Some(Junk::RelatedLink)),
            ("Also read | Port reopens", Some(Junk::RelatedLink)),
            ("• • •", Some(Junk::Symbols)),
            ("1/5", Some(Junk::Symbols)),
            // Story lines stay.
            ("Share prices fell sharply on Tuesday.", None),
            ("River town counts the cost of record flood", None),
            ("The mayor said the river would crest on Sunday, and urged residents to leave.", None),
            ("Biden Vetoes Crypto Bill", None),
            ("Week in review | Politics", None),
            ("Profits > forecasts", None),
            ("© Getty Images", None),
            ("The company sent its weekly newsletter to investors on Friday.", None),
            ("Read more about the flood in our explainer, the agency said.", None),
            ("He urged followers to subscribe to the channel, police said.", None),
            ("A well-known long-term state-run ex-officio body met.", None),
            ("silicon lexicon", None),
        ];
        for (line, expected) in cases {
            assert_eq!(classify(line), *expected, "line {line:?}");
        }
    }

    #[test]
    fn strips_icons_glued_to_a_line() {
        let cases = [
            ("shareicon fbicon Storm hits coast", "Storm hits coast"),
            ("Storm hits coast twicon vk", "Storm hits coast"),
            ("Storm hits coast tw vk", "Storm hits coast tw vk"),
            ("Storm hits coast", "Storm hits coast"),
            ("  icon  ", ""),
            ("Everything is ok", "Everything is ok"),
            ("Silicon chip maker grows", "Silicon chip maker grows"),
            ("tw ok", "tw ok"),
        ];
        for (line, expected) in cases {
            assert_eq!(strip_icon_edges(line), expected, "line {line:?}");
        }
    }
}
