//! The relation vocabulary and the PLOVER event types it maps to.
//!
//! The table is fixed by the evaluation format (FORMAT.md, section 3) and
//! mirrored in `data/ontology.ttl`; a test in the graph crate checks that every
//! relation and type here is declared there.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! relations {
    ($($variant:ident = $name:literal => $plover:expr),* $(,)?) => {
        /// A relation between an actor and another actor or an event.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Relation { $($variant),* }

        impl Relation {
            pub const ALL: &'static [Relation] = &[$(Relation::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Relation::$variant => $name),* }
            }

            /// The PLOVER event type; `None` for the role relations.
            pub fn plover(self) -> Option<PloverType> {
                match self { $(Relation::$variant => $plover),* }
            }
        }

        impl FromStr for Relation {
            type Err = UnknownRelation;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(Relation::$variant),)*
                    other => Err(UnknownRelation(other.to_owned())),
                }
            }
        }
    };
}

use PloverType::*;

relations! {
    Meet = "meet" => Some(Consult),
    Negotiate = "negotiate" => Some(Consult),
    Call = "call" => Some(Consult),
    Host = "host" => Some(Consult),
    Visit = "visit" => Some(Consult),
    Attend = "attend" => Some(Consult),
    Mediate = "mediate" => Some(Consult),
    Agree = "agree" => Some(Agree),
    Sign = "sign" => Some(Agree),
    Offer = "offer" => Some(Agree),
    Cooperate = "cooperate" => Some(Cooperate),
    Support = "support" => Some(Support),
    Aid = "aid" => Some(Aid),
    Request = "request" => Some(Request),
    Accuse = "accuse" => Some(Accuse),
    Reject = "reject" => Some(Reject),
    Threaten = "threaten" => Some(Threaten),
    Sanction = "sanction" => Some(Sanction),
    Concede = "concede" => Some(Concede),
    Withdraw = "withdraw" => Some(Retreat),
    Mobilize = "mobilize" => Some(Mobilize),
    Coerce = "coerce" => Some(Coerce),
    Attack = "attack" => Some(Assault),
    Protest = "protest" => Some(Protest),
    Represent = "represent" => None,
    Lead = "lead" => None,
    MemberOf = "member_of" => None,
}

/// A relation name that is not in the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRelation(pub String);

impl fmt::Display for UnknownRelation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown relation `{}`", self.0)
    }
}

impl std::error::Error for UnknownRelation {}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Relation {
    /// Symmetric relations hold in both directions (A meets B = B meets A).
    pub fn is_symmetric(self) -> bool {
        matches!(self, Relation::Meet | Relation::Negotiate | Relation::Call | Relation::Agree | Relation::Cooperate)
    }

    /// Intent relations are facts in themselves even when what they announce
    /// has not happened yet ("offered to host", "threatened sanctions").
    pub fn is_intent(self) -> bool {
        matches!(self, Relation::Offer | Relation::Threaten)
    }

    /// Role relations tie a person or state to a body; they carry no event type.
    pub fn is_role(self) -> bool {
        self.plover().is_none()
    }
}

/// The 16 PLOVER event types (Political Language Ontology for Verifiable
/// Event Records).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PloverType {
    Consult,
    Agree,
    Cooperate,
    Support,
    Aid,
    Request,
    Accuse,
    Reject,
    Threaten,
    Sanction,
    Concede,
    Retreat,
    Mobilize,
    Coerce,
    Assault,
    Protest,
}

/// PLOVER's four quad classes: verbal or material, cooperation or conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuadClass {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl PloverType {
    pub const ALL: [PloverType; 16] = [
        Consult, Agree, Cooperate, Support, Aid, Request, Accuse, Reject, Threaten, Sanction, Concede, Retreat,
        Mobilize, Coerce, Assault, Protest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Consult => "CONSULT",
            Agree => "AGREE",
            Cooperate => "COOPERATE",
            Support => "SUPPORT",
            Aid => "AID",
            Request => "REQUEST",
            Accuse => "ACCUSE",
            Reject => "REJECT",
            Threaten => "THREATEN",
            Sanction => "SANCTION",
            Concede => "CONCEDE",
            Retreat => "RETREAT",
            Mobilize => "MOBILIZE",
            Coerce => "COERCE",
            Assault => "ASSAULT",
            Protest => "PROTEST",
        }
    }

    pub fn quad_class(self) -> QuadClass {
        match self {
            Consult | Agree | Support | Concede | Request => QuadClass::VerbalCooperation,
            Cooperate | Aid | Retreat => QuadClass::MaterialCooperation,
            Accuse | Reject | Threaten => QuadClass::VerbalConflict,
            Sanction | Mobilize | Coerce | Assault | Protest => QuadClass::MaterialConflict,
        }
    }

    /// A cooperation (+) versus conflict (−) score in [-10, 10], in the spirit
    /// of the Goldstein scale, used to colour and weigh edges.
    pub fn cooperation_score(self) -> f32 {
        match self {
            Consult => 1.0,
            Agree => 4.0,
            Cooperate => 6.0,
            Support => 3.5,
            Aid => 7.0,
            Request => 0.5,
            Concede => 5.0,
            Retreat => 2.0,
            Accuse => -3.0,
            Reject => -4.0,
            Protest => -5.0,
            Threaten => -6.0,
            Sanction => -7.0,
            Mobilize => -6.5,
            Coerce => -8.0,
            Assault => -10.0,
        }
    }

    pub fn is_cooperation(self) -> bool {
        self.cooperation_score() > 0.0
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PloverType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PloverType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown PLOVER type `{s}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &rel in Relation::ALL {
            assert_eq!(rel.as_str().parse::<Relation>(), Ok(rel));
        }
        for t in PloverType::ALL {
            assert_eq!(t.as_str().parse::<PloverType>(), Ok(t));
        }
    }

    #[test]
    fn every_plover_type_has_a_relation() {
        for t in PloverType::ALL {
            assert!(Relation::ALL.iter().any(|r| r.plover() == Some(t)), "{t}");
        }
    }

    #[test]
    fn roles_have_no_type() {
        assert!(Relation::Lead.is_role());
        assert!(!Relation::Withdraw.is_role());
        assert_eq!(Relation::Withdraw.plover(), Some(PloverType::Retreat));
    }

    #[test]
    fn serde_uses_the_vocabulary_names() {
        // serde_json is not a dependency of this crate; check the rename rule
        // through the Debug-independent as_str instead.
        assert_eq!(Relation::MemberOf.as_str(), "member_of");
    }
}
