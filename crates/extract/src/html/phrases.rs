//! The stock phrases of page templates, in the languages news is most often in.
//!
//! These are the words templates put around stories everywhere — share and print buttons,
//! "Advertisement", the headings over teaser lists — not words of any one site. Blocks are
//! compared through [`super::content`]'s key: lowercase, words separated by single spaces.

/// Whole short blocks that are a template's, never a story's paragraph.
const STOCK: &[&str] = &[
    // English
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "leave a comment",
    "read more",
    "read next",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "more stories",
    "most read",
    "most popular",
    "sign up",
    "subscribe",
    "subscribe now",
    "follow us",
    "click here",
    "skip to content",
    "skip to main content",
    "back to top",
    "loading",
    "loading...",
    "continue reading",
    "show more",
    "see more",
    "view comments",
    "copy link",
    "link copied",
    "listen",
    "listen to this article",
    "you may also like",
    "recommended",
    "trending",
    "trending now",
    "top stories",
    "want more",
    "tags",
    "topics",
    "learn more",
    "find out more",
    "previous",
    "next",
    "previous article",
    "next article",
    "home",
    "menu",
    "search",
    "close",
    "ok",
    "accept",
    "accept all",
    // German
    "anzeige",
    "werbung",
    "teilen",
    "jetzt teilen",
    "diese seite teilen",
    "artikel teilen",
    "seite teilen",
    "drucken",
    "seite drucken",
    "kommentare",
    "kommentar",
    "schlagworte",
    "themen",
    "erfahre mehr",
    "mehr erfahren",
    "weiterlesen",
    "mehr lesen",
    "zurück",
    "nach oben",
    "zum seitenanfang",
    "merken",
    "teilen auf facebook",
    "mehr dazu",
    // French, Spanish, Italian, Portuguese, Dutch
    "publicité",
    "partager",
    "imprimer",
    "commentaires",
    "lire la suite",
    "lire aussi",
    "publicidad",
    "compartir",
    "imprimir",
    "comentarios",
    "leer más",
    "seguir leyendo",
    "pubblicità",
    "condividi",
    "stampa",
    "commenti",
    "leggi anche",
    "continua a leggere",
    "publicidade",
    "partilhar",
    "compartilhar",
    "comentários",
    "leia mais",
    "leia também",
    "advertentie",
    "delen",
    "lees meer",
    "reacties",
    // Polish, Russian
    "reklama",
    "udostępnij",
    "drukuj",
    "komentarze",
    "czytaj więcej",
    "więcej",
    "реклама",
    "поделиться",
    "комментарии",
    "читать далее",
    "читайте также",
    // Buttons and links of templates.
    "lade weitere inhalte",
    "weitere inhalte laden",
    "mehr laden",
    "weitere informationen",
    "zurück zur vorherigen seite",
    "zur übersicht",
    "zurück zur übersicht",
    "load more",
    "show all",
    "view all",
    "see all",
    "read the full article",
    "instant access to the full article pdf",
    // The like button blogs carry ("Like this: Like Loading…").
    "like this",
    "like loading",
    "gefällt mir",
    "liken lade",
    "j'aime chargement",
    "me gusta cargando",
    // Sharing, rating and commenting widgets.
    "mit freunden teilen",
    "diesen artikel teilen",
    "beitrag teilen",
    "artikel drucken",
    "rezept drucken",
    "bild anzeigen",
    "bild vergrößern",
    "vergrößern",
    "kommentieren",
    "kommentare schreiben",
    "kommentar verfassen",
    "keine kommentare",
    "bisher keine kommentare",
    "noch keine kommentare",
    "noch keine bewertungen",
    "no comments",
    "no comments yet",
    "comments closed",
    "externer inhalt",
    "external content",
    "inhaltsverzeichnis",
    "table of contents",
    "contents",
    "permalink",
    "permalien",
    "en savoir plus",
    "saber más",
    "quellen ausblenden",
    "quellen anzeigen",
    "kontakt",
    "themen im artikel",
    "topics in this article",
    "was denkst du",
    "was meinen sie",
    "what do you think",
    // Rating prompts.
    "war der artikel nützlich",
    "war der artikel hilfreich",
    "war dieser artikel hilfreich",
    "war dieser beitrag hilfreich",
    "hat ihnen der artikel gefallen",
    "hat dir der artikel gefallen",
    "wie bewerten sie diesen artikel",
    "wie gefällt ihnen dieser artikel",
    "artikel bewerten",
    "beitrag bewerten",
    "möchten sie den artikel teilen",
    "was this article helpful",
    "was this helpful",
    "did you find this article helpful",
    "rate this article",
    "rate this",
    "cet article vous a t il été utile",
    "te ha resultado útil",
];

/// Openings of the headings over teaser lists ("Related articles", "Weitere Beiträge").
const TEASER_HEADINGS: &[&str] = &[
    // English
    "related",
    "more from",
    "more on",
    "more in",
    "more stories",
    "more news",
    "more articles",
    "more like this",
    "read more",
    "read also",
    "also read",
    "see also",
    "you may also like",
    "you might also like",
    "you may like",
    "recommended",
    "most read",
    "most popular",
    "popular posts",
    "popular articles",
    "latest news",
    "latest articles",
    "latest posts",
    "recent posts",
    "recent articles",
    "top stories",
    "trending",
    "what to read next",
    "further reading",
    "other stories",
    "in other news",
    "don't miss",
    // German
    "weitere artikel",
    "weitere beiträge",
    "weitere meldungen",
    "weitere nachrichten",
    "weitere themen",
    "mehr zum thema",
    "mehr aus",
    "mehr zu",
    "das könnte",
    "ähnliche beiträge",
    "ähnliche artikel",
    "empfohlene",
    "lesen sie auch",
    "lesen sie mehr",
    "auch interessant",
    "auch lesenswert",
    "aktuelle meldungen",
    "aktuelle nachrichten",
    "aktuelle artikel",
    "neueste beiträge",
    "beliebte beiträge",
    "meistgelesen",
    "viel gelesen",
    "verwandte",
    "passend dazu",
    "zum thema",
    // French, Spanish, Italian, Portuguese
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "contenido relacionado",
    "noticias relacionadas",
    "artículos relacionados",
    "te puede interesar",
    "también te puede",
    "lo más leído",
    "leggi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "i più letti",
    "notícias relacionadas",
    "artigos relacionados",
    "leia também",
    "mais lidas",
    // Polish, Russian, Dutch
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "polecamy",
    "najczęściej czytane",
    "читайте также",
    "похожие",
    "по теме",
    "самое читаемое",
    "lees ook",
    "meer nieuws",
    "gerelateerd",
    // More openings of teaser sections.
    "neueste artikel",
    "neueste beiträge",
    "meist gelesene",
    "meistgelesene",
    "meistdiskutierte",
    "meist kommentierte",
    "meistkommentierte",
    "mehr zum",
    "mehr über",
    "mehr von",
    "weitere informationen zum",
    "weitere informationen zur",
    "schon gelesen",
    "empfehlungen aus",
    "unsere empfehlungen",
    "weitere aktuelle",
    "zum weiterlesen",
    "weiterführende links",
    "entdecke weitere",
    "entdecken sie weitere",
    "noch mehr",
    "lust auf mehr",
    "explore further",
    "discover more",
    "editor's picks",
    "editors' picks",
    "more to explore",
    "à découvrir",
    "a découvrir",
    "voir aussi",
    "notas relacionadas",
    "le puede interesar",
    "lea también",
    "lee también",
    "vea también",
    "zobacz również",
    "czytaj również",
];

/// Openings of short lines that ask the reader to do something, or state rights.
const CALLS_AND_RIGHTS: &[&str] = &[
    "follow us",
    "follow me",
    "you can follow",
    "you can keep up with",
    "like us on",
    "join us on",
    "sign up for",
    "subscribe to",
    "get our newsletter",
    "all rights reserved",
    "copyright",
    "folgen sie uns",
    "folge uns",
    "abonnieren sie",
    "jetzt abonnieren",
    "alle rechte vorbehalten",
    "vervielfältigung nur mit",
    "suivez-nous",
    "suivez nous",
    "abonnez-vous",
    "tous droits réservés",
    "síguenos",
    "suscríbete",
    "todos los derechos reservados",
    "seguici",
    "tutti i diritti riservati",
    "siga-nos",
    "todos os direitos reservados",
    "obserwuj nas",
    "wszelkie prawa zastrzeżone",
    "подписывайтесь",
    "все права защищены",
    // Newsletters, apps and pleas for support.
    "never miss",
    "stay up to date",
    "stay up-to-date",
    "stay informed",
    "join our",
    "sign up to",
    "subscribe now",
    "get the latest",
    "download our app",
    "download the",
    "support our",
    "we rely on",
    "kostenlos zum newsletter",
    "zum newsletter",
    "mit unserem newsletter",
    "newsletter abonnieren",
    "jetzt newsletter",
    "melde dich",
    "melden sie sich",
    "unterstütze",
    "unterstützen sie",
    "abonniere",
    "inscrivez-vous",
    "abonnez vous",
    "hazte",
    "suscríbete",
    "suscribete",
    "siguenos",
    "únete",
    "zapisz się",
    "zapraszamy do subskrypcji",
    // Log-in walls of comment forms.
    "you must be logged in",
    "you must log in",
    "please log in",
    "log in to comment",
    "sie müssen sich",
    "sie sind aktuell nicht eingeloggt",
    "sie sind nicht eingeloggt",
    "bitte melden sie sich an",
    "vous devez être connecté",
    "debes iniciar sesión",
];

/// Phrases of disclaimers and notices: opinions are the author's, links are ads, rights are
/// reserved, the reader must subscribe.
const NOTICES: &[&str] = &[
    "views expressed",
    "opinions expressed",
    "not necessarily reflect",
    "opinions exprimées",
    "n'engagent que",
    "meinung des autors",
    "meinung der autorin",
    "nicht notwendigerweise",
    "ohne gewähr",
    "sofern nicht anders angegeben",
    "sofern nicht anders ausgewiesen",
    "unless otherwise noted",
    "unless otherwise stated",
    "copyrighted property",
    "written permission",
    "schriftliche genehmigung",
    "enthält werbung",
    "enthält affiliate",
    "affiliate links",
    "affiliate-links",
    "we may receive compensation",
    "we may earn a commission",
    "may earn a commission",
    "is not responsible for the opinions",
    "already a subscriber",
    "bereits abonnent",
    "déjà abonné",
    "ya eres suscriptor",
];

/// For each byte, which of `phrases` (at most 128) begin with it, as a bit set: a phrase list is
/// then tried only on the few phrases a text's first byte allows.
const fn first_byte_sets(phrases: &[&str]) -> [u128; 256] {
    assert!(
        phrases.len() <= 128,
        "a phrase list indexed by first byte holds at most 128"
    );
    let mut t = [0u128; 256];
    let mut i = 0;
    while i < phrases.len() {
        let b = phrases[i].as_bytes();
        if !b.is_empty() {
            t[b[0] as usize] |= 1 << i;
        }
        i += 1;
    }
    t
}

const NOTICE_FIRST: [u128; 256] = first_byte_sets(NOTICES);
const CALLS_FIRST: [u128; 256] = first_byte_sets(CALLS_AND_RIGHTS);
const STORY_ENDS_FIRST: [u128; 256] = first_byte_sets(STORY_ENDS);
const POST_META_FIRST: [u128; 256] = first_byte_sets(POST_META);

/// True when a short block (as a key) is a disclaimer or notice of the site's.
pub(crate) fn is_notice(key: &str) -> bool {
    // At each word's start, only the phrases that begin with its byte are compared.
    let b = key.as_bytes();
    key.len() <= 400
        && word_count(key) <= 45
        && std::iter::once(0)
            .chain(memchr::memchr_iter(b' ', b).map(|i| i + 1))
            .any(|at| starts_with_any(&key[at..], NOTICES, &NOTICE_FIRST))
}

/// Words of reading-time lines ("5 min read", "Lesezeit: 4 Minuten", "11 minut czytania").
const READING: &[&str] = &[
    "read",
    "reading",
    "lesezeit",
    "lesedauer",
    "czytania",
    "lecture",
    "lectura",
    "leitura",
    "lettura",
    "leestijd",
];

/// True when a short block (as a key) only gives the story's reading time.
pub(crate) fn is_reading_time(key: &str) -> bool {
    if key.len() > 40 || !key.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words = || key.split(' ');
    words().count() <= 5
        && words().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words().any(|w| READING.contains(&w))
        && words().any(|w| w.starts_with("min") || w == "lesezeit" || w == "lesedauer")
}

/// True when a short block (as a key) asks the reader to follow or subscribe, or states rights
/// ("All rights reserved", "Folgen Sie uns auf Facebook").
pub(crate) fn is_call_or_rights(key: &str) -> bool {
    word_count(key) <= 30
        && (starts_with_any(key, CALLS_AND_RIGHTS, &CALLS_FIRST)
            || key.contains("all rights reserved")
            || key.contains("alle rechte vorbehalten")
            || key.contains("tous droits réservés")
            || key.contains("todos los derechos reservados"))
}

/// Lines after which a page's story is over: sharing and liking, the author's box, press
/// contacts, the comment form.
const STORY_ENDS: &[&str] = &[
    "share this",
    "share on",
    "share the",
    "share article",
    "like this",
    "liken",
    "gefällt mir",
    "teile diesen",
    "teilen sie",
    "diesen beitrag teilen",
    "artikel teilen",
    "beitrag teilen",
    "about the author",
    "über den autor",
    "über die autorin",
    "zum autor",
    "zur autorin",
    "à propos de l'auteur",
    "sobre el autor",
    "sobre la autora",
    "o autorze",
    "об авторе",
    "press contact",
    "media contact",
    "pressekontakt",
    "ansprechpartner presse",
    "contact presse",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "kommentar schreiben",
    "schreibe einen kommentar",
    "hinterlasse einen kommentar",
    "deja un comentario",
    "laisser un commentaire",
    "lascia un commento",
    "napisz komentarz",
    "to comment",
    "para comentar",
    "comments are closed",
    "kommentare sind geschlossen",
    "abo angebote",
    "newsletter",
];

/// True when a short block (as a key) says the story is over.
pub(crate) fn is_story_end(key: &str) -> bool {
    starts_with_any(key, STORY_ENDS, &STORY_ENDS_FIRST) && word_count(key) <= 12
}

/// Labels that open a line pointing to another story ("Read also: …", "Lea más: …").
const READ_ALSO: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "more on this",
    "lesen sie auch",
    "lesen sie mehr",
    "lesen sie dazu",
    "auch interessant",
    "mehr zum thema",
    "siehe auch",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lea",
    "lea también",
    "lea más",
    "lee también",
    "lee más",
    "vea también",
    "ver también",
    "le puede interesar",
    "te puede interesar",
    "leia também",
    "leia mais",
    "veja também",
    "leggi anche",
    "czytaj także",
    "czytaj też",
    "czytaj również",
    "czytaj więcej",
    "zobacz też",
    "zobacz także",
    "zobacz również",
    "dowiedz się więcej",
    "читайте также",
    "lees ook",
];

/// True when a short line is a pointer to another story: a "read also" label, then a colon
/// and the other story's headline ("Lea también: …", "READ MORE: …").
pub(crate) fn is_read_also_line(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(colon) = t.find(':') else {
        return false;
    };
    if colon > 40 || t.len() > 300 || t[colon + 1..].trim().is_empty() {
        return false;
    }
    let label = t[..colon].trim().to_lowercase();
    READ_ALSO.contains(&label.as_str())
}

/// Labels of the lines templates put under a story: its source, the picture's credit, where
/// it was filed.
const LABELS: &[&str] = &[
    "quelle",
    "quellen",
    "quellenangaben",
    "bildquelle",
    "bildquellen",
    "titelbild",
    "beitragsbild",
    "headerbild",
    "źródło",
    "fuente",
    "fuentes",
    "crédits photos",
    "crédit photo",
    "crédits",
    "kategorie",
    "kategorien",
    "category",
    "categories",
    "filed under",
    "posted in",
    "tags",
    "schlagworte",
    "schlagwörter",
    "opublikowano",
    "last modified",
    "last updated",
    "release date",
    "originalartikel",
    "original article",
    "kommentare",
    "kommentare insgesamt",
    "comments",
    "von",
    "veröffentlicht",
    "publié le",
];

/// True when a short line is one of a template's labelled lines ("Quelle: dpa", "Kategorie:
/// News", "Titelbild: …"): a label, a colon, and a few words.
pub(crate) fn is_labelled_line(text: &str) -> bool {
    let t = text.trim();
    let Some(colon) = t.find(':') else {
        return false;
    };
    if colon > 24 || t.len() > 160 || t[colon + 1..].split_whitespace().count() > 12 {
        return false;
    }
    let label = t[..colon].trim().to_lowercase();
    LABELS.contains(&label.as_str())
}

/// Openings of the lines blogs put under a post: when and where it was filed.
const POST_META: &[&str] = &[
    "this entry was posted",
    "this post was posted",
    "dieser eintrag wurde",
    "dieser beitrag wurde",
    "der beitrag wurde am",
    "erstellt am",
    "verfasst von",
    "geschrieben von",
    "posted by",
    "posted on",
];

/// True when a short block (as a key) says when and where a post was filed ("Dieser Eintrag
/// wurde veröffentlicht in …", "This entry was posted in …").
pub(crate) fn is_post_meta(key: &str) -> bool {
    starts_with_any(key, POST_META, &POST_META_FIRST) && word_count(key) <= 40
}

/// True when a block (as a key) is one of a template's stock phrases.
pub(crate) fn is_stock_phrase(key: &str) -> bool {
    STOCK.contains(&key)
}

/// The number of words of a key (words are joined by one space): its spaces, plus one.
fn word_count(key: &str) -> usize {
    key.bytes().filter(|&b| b == b' ').count() + 1
}

/// True when `text` starts with one of `phrases`; only phrases with its first byte are compared.
fn starts_with_any(text: &str, phrases: &[&str], first: &[u128; 256]) -> bool {
    let Some(&b) = text.as_bytes().first() else {
        return false;
    };
    let mut set = first[b as usize];
    while set != 0 {
        if text.starts_with(phrases[set.trailing_zeros() as usize]) {
            return true;
        }
        set &= set - 1;
    }
    false
}

/// True when a short block (as a key) opens a list of teasers.
pub(crate) fn is_teaser_heading(key: &str) -> bool {
    let first = key.as_bytes().first();
    TEASER_HEADINGS.iter().any(|h| {
        h.as_bytes().first() == first
            && key.starts_with(h)
            && key[h.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaser_headings_match_whole_words() {
        assert!(is_teaser_heading("related articles"));
        assert!(is_teaser_heading("das könnte dich auch interessieren"));
        assert!(!is_teaser_heading("relatedness of the two species"));
        assert!(!is_teaser_heading("the city council"));
        assert!(is_stock_phrase("jetzt teilen"));
        assert!(!is_stock_phrase("the council voted"));
        assert!(is_call_or_rights("folgen sie uns auf facebook und twitter"));
        assert!(is_call_or_rights("2024 the paper. all rights reserved"));
        assert!(!is_call_or_rights(
            "the minister said the copyright law would change"
        ));
        assert!(is_call_or_rights(
            "never miss a story by signing up to our newsletter"
        ));
    }

    #[test]
    fn notices_and_reading_times() {
        assert!(is_notice(
            "the views expressed here are the author's own and do not reflect the paper's"
        ));
        assert!(is_notice("anzeige enthält affiliate links"));
        assert!(!is_notice("the council expressed its views on the tram"));
        assert!(is_reading_time("5 min read"));
        assert!(is_reading_time("lesezeit 4 minuten"));
        assert!(is_reading_time("11 minut czytania"));
        assert!(!is_reading_time("read the 5 reports"));
        assert!(!is_reading_time("it took 5 minutes to read the list"));
        assert!(is_stock_phrase("war der artikel nützlich"));
        assert!(is_call_or_rights("you must be logged in to post a comment"));
    }

    #[test]
    fn read_also_lines_need_a_label_and_a_colon() {
        assert!(is_read_also_line(
            "Lea también: El puerto abre otra terminal"
        ));
        assert!(is_read_also_line("READ MORE: Council backs the tram plan"));
        assert!(is_read_also_line(
            "» Lesen Sie auch: Die Brücke wird saniert"
        ));
        assert!(!is_read_also_line(
            "Read more about the plan on the council's site."
        ));
        assert!(!is_read_also_line("Related: "));
        assert!(!is_read_also_line("The mayor said: the tram will come"));
    }

    #[test]
    fn labelled_lines_are_short() {
        assert!(is_labelled_line("Quelle: Stadtverwaltung"));
        assert!(is_labelled_line("Kategorie: News, Verkehr"));
        assert!(is_labelled_line("Titelbild: Jane Roe / Agentur"));
        assert!(!is_labelled_line(
            "Source of the trouble: the council never met"
        ));
        assert!(!is_labelled_line(
            "Quelle: the report, which the council published on Monday after a long \
             and bitter debate about the costs of the line and its route through town"
        ));
        assert!(is_post_meta(
            "dieser eintrag wurde veröffentlicht in podcast von jane roe"
        ));
        assert!(is_post_meta(
            "this entry was posted in news and tagged trams"
        ));
        assert!(!is_post_meta("the entry was posted late"));
    }
}
