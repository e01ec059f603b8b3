//! Named entities: a statistical tagger over tokens.
//!
//! The tagger is an averaged perceptron ([`train`]) over word, affix, shape, context and
//! gazetteer features, decoding greedily left to right with BIO labels over five kinds. Its
//! weights are trained by `annalist-train ner` and embedded in the binary.

pub mod features;
pub mod model;
pub mod train;

pub use model::{Model, ModelError, WordCache};

/// The kinds of names the tagger finds. Places are one kind here; the gazetteer later tells
/// countries and cities (GPE) from seas and regions (LOC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place.
    Place,
    /// A nationality, religious or political group ("Chinese", "Republicans").
    Norp,
    /// A named event ("World War II").
    Event,
}

impl Kind {
    /// All kinds, in label order.
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::Org,
        Kind::Place,
        Kind::Norp,
        Kind::Event,
    ];

    /// A short name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "PER",
            Kind::Org => "ORG",
            Kind::Place => "PLACE",
            Kind::Norp => "NORP",
            Kind::Event => "EVENT",
        }
    }
}

/// Number of labels: `O`, then `B-` and `I-` of every kind.
pub const NLABELS: usize = 1 + 2 * Kind::ALL.len();

/// The label id the features see before the first token.
pub const START: u8 = NLABELS as u8;

/// A BIO label: 0 is `O`, `1 + 2k` is `B-` of kind `k`, `2 + 2k` is `I-`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u8);

impl Label {
    /// Outside any name.
    pub const O: Label = Label(0);

    /// `B-kind`.
    pub fn begin(kind: Kind) -> Label {
        Label(1 + 2 * kind as u8)
    }

    /// `I-kind`.
    pub fn inside(kind: Kind) -> Label {
        Label(2 + 2 * kind as u8)
    }

    /// The kind, unless `O`.
    pub fn kind(self) -> Option<Kind> {
        if self.0 == 0 || self.0 as usize >= NLABELS {
            None
        } else {
            Some(Kind::ALL[((self.0 - 1) / 2) as usize])
        }
    }

    /// Whether this is an `I-` label.
    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0.is_multiple_of(2)
    }

    /// Whether the label may follow the label id `prev`: `I-X` only after `B-X` or `I-X`.
    pub fn may_follow(self, prev: u8) -> bool {
        !self.is_inside() || Label(prev).kind() == self.kind()
    }
}

/// A name found by the tagger: tokens `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// Token after the last.
    pub end: usize,
    /// What it names.
    pub kind: Kind,
}

/// The names of a label sequence.
pub fn spans(labels: &[Label]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut open: Option<Found> = None;
    for (i, l) in labels.iter().enumerate() {
        match (l.kind(), l.is_inside(), open.as_mut()) {
            (Some(k), true, Some(f)) if f.kind == k => f.end = i + 1,
            (Some(k), _, _) => {
                out.extend(open.take());
                open = Some(Found {
                    start: i,
                    end: i + 1,
                    kind: k,
                });
            }
            (None, _, _) => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

/// Gazetteer flags, one bit each, that the tagger sees per token.
pub mod gaz {
    /// Part of a country's name.
    pub const COUNTRY: u16 = 1;
    /// A nationality adjective or demonym.
    pub const NATIONALITY: u16 = 2;
    /// Part of a city's name.
    pub const CITY: u16 = 4;
    /// Part of a sea's, region's or continent's name.
    pub const REGION: u16 = 8;
    /// Part of a known actor's name (institution, organisation, person).
    pub const ACTOR: u16 = 16;
    /// The first token of a match.
    pub const BEGIN: u16 = 32;
    /// A title or role word ("President", "Minister", "Mr.").
    pub const TITLE: u16 = 64;
    /// A known person's name.
    pub const PERSON: u16 = 128;
    /// An organisation's name.
    pub const ORG: u16 = 256;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Label::begin(k).kind(), Some(k));
            assert_eq!(Label::inside(k).kind(), Some(k));
            assert!(Label::inside(k).is_inside());
            assert!(!Label::begin(k).is_inside());
            assert!(Label::inside(k).may_follow(Label::begin(k).0));
            assert!(!Label::inside(k).may_follow(0));
            assert!(!Label::inside(k).may_follow(START));
        }
        assert_eq!(Label::O.kind(), None);
    }

    #[test]
    fn spans_from_labels() {
        let p = Label::begin(Kind::Person);
        let pi = Label::inside(Kind::Person);
        let g = Label::begin(Kind::Place);
        let got = spans(&[Label::O, p, pi, g, g, Label::O, p]);
        assert_eq!(
            got,
            [
                Found {
                    start: 1,
                    end: 3,
                    kind: Kind::Person
                },
                Found {
                    start: 3,
                    end: 4,
                    kind: Kind::Place
                },
                Found {
                    start: 4,
                    end: 5,
                    kind: Kind::Place
                },
                Found {
                    start: 6,
                    end: 7,
                    kind: Kind::Person
                },
            ]
        );
    }
}
