//! The pattern rules of the extractor, in one place: each rule's id (the
//! provenance every actor and statement it makes carries), what it is for,
//! and a sentence it must fire on with what it must find there.
//!
//! The rules themselves live in the stage they belong to (actors, events,
//! relations, pipeline); this table is their index. A test extracts every
//! example and checks that the rule fires with the expected result, and
//! that every rule id written in the extractor's source has a row here, so
//! a new rule cannot come without a case.
//!
//! Lexicon rules (`lexicon:<id>`) are rows of `data/lexicon.tsv`, and
//! gazetteer actors (`gazetteer:<id>`) rows of `data/gazetteer/`: their
//! provenance names the data row. Suffixes say how a lexicon rule was
//! applied: `+passive` (the agent came from a "by" phrase), `+member`
//! (joining an organization is membership), `+mutual`
//! (coordinated subjects of a symmetric verb relate to one another) and
//! `+arms` (support with weapons is also aid).

/// One pattern rule: its id, its purpose, and a case.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// The provenance id the rule writes (`pattern:title-role`).
    pub id: &'static str,
    /// What it is for, in one line.
    pub purpose: &'static str,
    /// A sentence it fires on.
    pub example: &'static str,
    /// What it must find there: `subject relation object` for a statement,
    /// or `actor KEY` for an actor it recognizes.
    pub expect: &'static str,
}

/// Every pattern rule, sorted by id.
pub const RULES: &[Rule] = &[
    Rule {
        id: "event:attendance",
        purpose: "participants of a gathering held somewhere attend it",
        example: "Leaders of France, Germany and Russia met in Paris on Monday.",
        expect: "germany attend event:meeting in Paris",
    },
    Rule {
        id: "event:participants",
        purpose: "each pair of an event's participants meets (or agrees, negotiates) with the other",
        example: "The deal was reached during six-party talks involving North Korea, the United States, Japan, \
                  China, South Korea and Russia.",
        expect: "japan meet china",
    },
    Rule {
        id: "lexicon:+member",
        purpose: "a state that joins or takes part in an organization is a member of it",
        example: "Sweden joined NATO in March.",
        expect: "sweden member_of nato",
    },
    Rule {
        id: "lexicon:+mutual",
        purpose: "coordinated subjects of a symmetric verb with no actor object relate to one another",
        example: "France and the United States have agreed to the wording of a decree.",
        expect: "france agree united_states",
    },
    Rule {
        id: "lexicon:+passive",
        purpose: "the agent of a passive verb is its by-phrase, past adverbials",
        example: "China has also been criticized by Nobutaka Machimura for not being cooperative.",
        expect: "nobutaka_machimura accuse china",
    },
    Rule {
        id: "pattern:collective",
        purpose: "plural nouns of people acting together (protesters, militants) are a group actor",
        example: "Thousands of demonstrators protested outside the US embassy in Cairo.",
        expect: "actor demonstrators",
    },
    Rule {
        id: "pattern:counterpart",
        purpose: "X's counterpart Y: the two meet",
        example: "Foreign Minister Sergey Lavrov's counterpart was Secretary of State Marco Rubio.",
        expect: "sergey_lavrov meet marco_rubio",
    },
    Rule {
        id: "pattern:in-place",
        purpose: "a titled leader introduced by a foreign place visits it",
        example: "In China, Brazilian President Luiz Inácio Lula da Silva said the talks were useful.",
        expect: "luiz_inacio_lula_da_silva visit china",
    },
    Rule {
        id: "pattern:inverted-lead",
        purpose: "heading the X delegation will be Y: Y leads X",
        example: "Heading the Russian delegation will be Vladimir Medinsky.",
        expect: "vladimir_medinsky lead russia",
    },
    Rule {
        id: "pattern:member-of",
        purpose: "<organization> member <country> is a membership",
        example: "NATO member Türkiye hosted the talks.",
        expect: "turkiye member_of nato",
    },
    Rule {
        id: "pattern:name-apposition",
        purpose: "a name followed by a comma and a title is a person",
        example: "Konstantin Kosachev, deputy chairman of the Federation Council, spoke.",
        expect: "actor konstantin_kosachev",
    },
    Rule {
        id: "pattern:name-context",
        purpose: "a capitalized name that speaks or acts, that a verb of speech or a passive names, with an age, \
                  or that starts with a common given name is a person",
        example: "Peter Lerner said Hamas is stealing aid.",
        expect: "actor peter_lerner",
    },
    Rule {
        id: "pattern:org-head",
        purpose: "a capitalized name in no list holding an organization head word is an organization",
        example: "The conference was organized by the Cluster Munition Coalition (CMC).",
        expect: "actor cluster_munition_coalition",
    },
    Rule {
        id: "pattern:title-name",
        purpose: "a title followed by a name is a person, affiliated with the state named before the title",
        example: "Kenyan President Mwai Kibaki visited Uganda.",
        expect: "actor mwai_kibaki",
    },
    Rule {
        id: "pattern:title-role",
        purpose: "a titled person represents their state; a head of state or body also leads it",
        example: "Kenyan President Mwai Kibaki visited Uganda.",
        expect: "mwai_kibaki lead kenya",
    },
    Rule {
        id: "pattern:x-backed",
        purpose: "X-backed Y: X supports Y",
        example: "The Iran-backed Hezbollah has faced off with the government.",
        expect: "iran support hezbollah",
    },
];
