"""The graph vocabulary: node labels, relationship types, their properties and rules.

Everything that becomes a label, a relationship type or a property name in a
database comes from here; loaders refuse anything else.

Examples
--------
>>> RELATIONSHIPS["SIGNED"].domain
('State', 'Organization', 'Person')
>>> "Agreement" in RELATIONSHIPS["SIGNED"].range
True
>>> is_vocabulary_label("Person; DROP")
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "AGREEMENT_STAGES",
    "CLAIM_COMMON",
    "CONFIDENCE",
    "DATASETS",
    "ENTITY_COMMON",
    "ENTITY_LABEL",
    "LABELS",
    "OFFICE_TITLES",
    "PROVISION_CATEGORIES",
    "RELATIONSHIPS",
    "RELATIONSHIP_FAMILIES",
    "SOURCE_LABEL",
    "TITLE_VARIANTS",
    "Dataset",
    "NodeType",
    "Property",
    "RelType",
    "is_vocabulary_label",
]

ENTITY_LABEL = "Entity"  # carried by every entity node, so relationships match on one key
SOURCE_LABEL = "Source"
CONFIDENCE = ("high", "medium", "low")


@dataclass(frozen=True)
class Property:
    """A property a record may carry: its YAML type, allowed values, and whether required."""

    kind: str = "text"  # text | ref (an entity id) | time (EDTF) | iso3 | number
    values: tuple[str, ...] = ()
    required: bool = False
    refs: tuple[str, ...] = ()  # for kind == "ref": labels the id must have
    # Says how one source put it (a title's wording), not which fact it is: claims
    # that differ only here are one relationship, each keeping its own value.
    per_claim: bool = False


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    properties: dict[str, Property] = field(default_factory=dict)


@dataclass(frozen=True)
class RelType:
    name: str
    description: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    qualifiers: dict[str, Property] = field(default_factory=dict)
    # A state that lasts (an office, a membership): two sources dating it differently
    # observe one spell at two moments; they do not disagree.
    spell: bool = False
    # An office: every attestation of one holder, body and title (and term) is one
    # relationship, whose spell runs from the first attestation to the last.
    office: bool = False


_ACTORS = ("State", "Organization", "Person")
_TIME = {"time": Property("time")}

# The stage of a peace process a document belongs to, as the PA-X Peace Agreements
# Database codes it (its Stage column: Pre, Cea, SubPar, SubComp, Imp, Ren, Oth).
AGREEMENT_STAGES = (
    "pre-negotiation",
    "ceasefire",
    "framework (partial)",
    "framework (comprehensive)",
    "implementation",
    "renewal",
    "other",
)

# Provision categories, after the PA-X Peace Agreements Database's headings (security,
# territory, groups, implementation), narrowed to what mediation documents provide for.
PROVISION_CATEGORIES = (
    "ceasefire",
    "withdrawal of forces",
    "peacekeeping",
    "international monitoring",
    "territory",
    "status",
    "referendum",
    "corridor",
    "refugees and displaced persons",
    "prisoners and detainees",
    "security guarantees",
    "economic and transport links",
    "negotiation process",
    "other",
)

# Normalised office titles: a HELD_POSITION ``title`` is one of these; the source's own
# wording goes in ``wording``. Add to the list when a new conflict needs a new office.
OFFICE_TITLES = (
    "President",
    "Vice President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Defense Minister",
    "Secretary of State",
    "Assistant Secretary of Defense",
    "Speaker",
    "Deputy Speaker",
    "Chair",
    "Secretary",
    "Secretary-General",
    "Chairperson-in-Office",
    "Personal Representative",
    "Special Representative",
    "Envoy",
    "Special Envoy",
    "Plenipotentiary Representative",
    "Official Representative",
    "Ambassador",
    "Ambassador-at-Large",
    "Negotiator",
    "Managing Director",
    "Head",
    "Leader",
    "Commander",
    "Warrant Officer",
)
# Common wordings of the normalised titles, for validation's hints.
TITLE_VARIANTS = {
    "Minister of Defense": "Defense Minister",
    "Minister of Defence": "Defense Minister",
    "Defence Minister": "Defense Minister",
    "Minister of Foreign Affairs": "Foreign Minister",
    "Vice-Prime Minister": "Deputy Prime Minister",
    "Vice Prime Minister": "Deputy Prime Minister",
    "Chairman": "Chair",
    "Chairwoman": "Chair",
    "Chairperson": "Chair",
    "Chairman-in-Office": "Chairperson-in-Office",
    "President of the Parliament": "Speaker",
    "Chairman of the Supreme Council": "Chair",
}

LABELS: dict[str, NodeType] = {
    n.label: n
    for n in [
        NodeType(
            "State",
            "A state, recognized or de facto.",
            {
                "status": Property(values=("recognized", "de facto"), required=True),
                "iso3": Property("iso3"),
                **_TIME,
            },
        ),
        NodeType(
            "Organization",
            "An intergovernmental body or a state institution (ministry, parliament, ...).",
            {
                "kind": Property(
                    values=(
                        "intergovernmental",
                        "parliamentary assembly",
                        "ministry",
                        "parliament",
                        "government",
                        "head of state office",
                        "armed forces",
                        "agency",
                        "mission",
                        "company",
                        "other",
                    ),
                    required=True,
                ),
                **_TIME,
            },
        ),
        NodeType(
            "Format",
            "A negotiation format or process (Minsk Group, co-chairmanship, ...).",
            {
                "kind": Property(
                    values=("group", "co-chairmanship", "process", "meeting series", "mission"),
                    required=True,
                ),
                **_TIME,
            },
        ),
        NodeType(
            "Person",
            "A named individual.",
            {"born": Property("time"), "died": Property("time")},
        ),
        NodeType(
            "Event",
            "Something that happened at a time: a meeting, summit, visit, clash, war, ...",
            {
                "kind": Property(
                    values=(
                        "meeting",
                        "summit",
                        "visit",
                        "talks",
                        "hearing",
                        "session",
                        "exchange",
                        "clash",
                        "incident",
                        "war",
                        "other",
                    ),
                    required=True,
                ),
                **_TIME,
            },
        ),
        NodeType(
            "Agreement",
            "A document: protocol, ceasefire, declaration, statement, plan, resolution, ...",
            {
                "kind": Property(
                    values=(
                        "protocol",
                        "ceasefire",
                        "declaration",
                        "statement",
                        "plan",
                        "principles",
                        "resolution",
                        "mandate",
                        "memorandum",
                        "treaty",
                        "agreement",
                        "contract",
                    ),
                    required=True,
                ),
                "status": Property(
                    values=(
                        "proposed",
                        "adopted",
                        "signed",
                        "in force",
                        "not implemented",
                        "not adopted",
                        "rejected",
                        "superseded",
                    )
                ),
                **_TIME,
                "in_force": Property("time"),
                "ended": Property("time"),
                "stage": Property(values=AGREEMENT_STAGES),
            },
        ),
        NodeType("Place", "A city, region or site.", {"kind": Property(required=True)}),
        NodeType("Conflict", "An armed conflict.", dict(_TIME)),
        NodeType(
            "Provision",
            "Something documents provide for, shared by every document that does: "
            "a ceasefire, peacekeepers, a status vote, a corridor, ...",
            {"category": Property(values=PROVISION_CATEGORIES, required=True)},
        ),
        NodeType(
            "Period",
            "A named phase with its own sources.",
            {"time": Property("time", required=True)},
        ),
    ]
}

_EVENTS_DOCS = ("Event", "Agreement")
_ON_BEHALF = {"on_behalf_of": Property("ref", refs=("State", "Organization", "Format"))}
_ROLE = {"role": Property()}
# How much of what: arms, troops, money. ``quantity`` counts ``unit``s ("tanks",
# "peacekeepers"); ``value`` is money in ``currency`` (ISO 4217, e.g. USD).
_QUANTITY = {
    "items": Property(),
    "quantity": Property("number"),
    "unit": Property(),
    "value": Property("number"),
    "currency": Property(),
}

RELATIONSHIPS: dict[str, RelType] = {
    r.name: r
    for r in [
        RelType(
            "MEDIATED",
            "Acted as mediator in an event, a document or a conflict.",
            (*_ACTORS, "Format"),
            (*_EVENTS_DOCS, "Conflict"),
            {**_ON_BEHALF, **_ROLE},
        ),
        RelType(
            "PARTY_TO",
            "Was a party to a conflict, talks or a document.",
            _ACTORS,
            (*_EVENTS_DOCS, "Conflict", "Format"),
            dict(_ROLE),
        ),
        RelType(
            "INITIATED", "Took the initiative for.", (*_ACTORS, "Format"), (*_EVENTS_DOCS, "Format")
        ),
        RelType(
            "HOSTED",
            "Hosted or organised a meeting or event (its place is TOOK_PLACE_IN).",
            (*_ACTORS, "Place"),
            ("Event",),
            {**_ON_BEHALF, **_ROLE},
        ),
        RelType(
            "ATTENDED",
            "Took part in an event.",
            (*_ACTORS, "Format"),
            ("Event",),
            {**_ON_BEHALF, **_ROLE},
        ),
        RelType(
            "SIGNED",
            "Signed a document.",
            _ACTORS,
            ("Agreement",),
            {**_ON_BEHALF, **_ROLE, "place": Property("ref", refs=("Place",))},
        ),
        RelType(
            "REFUSED",
            "Refused to sign, attend, accept or deal with.",
            _ACTORS,
            (*_EVENTS_DOCS, "Format", "Organization", "State"),
            dict(_ON_BEHALF),
        ),
        RelType("ACCEPTED", "Accepted a document or format.", _ACTORS, ("Agreement", "Format")),
        RelType(
            "ADOPTED",
            "Adopted or issued a document as a body (a resolution, decision, declaration).",
            ("State", "Organization", "Format", "Event"),
            ("Agreement",),
        ),
        RelType(
            "PROPOSED",
            "Put forward a document, a meeting, a format or a force.",
            (*_ACTORS, "Format"),
            (*_EVENTS_DOCS, "Format", "Organization"),
        ),
        RelType(
            "RESULTED_IN",
            "An event, process or document produced a document, event or format.",
            ("Event", "Format", "Agreement"),
            (*_EVENTS_DOCS, "Format"),
        ),
        RelType(
            "BASED_ON", "A document derives from an earlier one.", ("Agreement",), ("Agreement",)
        ),
        RelType(
            "MEMBER_OF",
            "Belonged to an organization or format (a spell).",
            (*_ACTORS, "Format"),
            ("Organization", "Format"),
            spell=True,
        ),
        RelType(
            "CO_CHAIR_OF",
            "Co-chaired: a state or its envoy in a co-chairmanship format (a spell).",
            ("State", "Person"),
            ("Format", "Organization"),
            dict(_ON_BEHALF),
            spell=True,
            office=True,
        ),
        RelType(
            "HELD_POSITION",
            "Held an office in a state or body (a spell from the first attestation to the last).",
            ("Person",),
            ("State", "Organization", "Format"),
            {
                "title": Property(required=True),
                "wording": Property(per_claim=True),
                "body": Property("ref", refs=("Organization",)),
                "term": Property(),
            },
            spell=True,
            office=True,
        ),
        RelType(
            "PART_OF",
            "Is a component or subdivision of.",
            ("Event", "Format", "Organization", "Place", "Agreement", "Period"),
            (
                "Event",
                "Format",
                "Organization",
                "Place",
                "State",
                "Agreement",
                "Conflict",
                "Period",
            ),
            spell=True,
        ),
        RelType(
            "TOOK_PLACE_IN",
            "Happened (or was signed) at a place.",
            _EVENTS_DOCS,
            ("Place", "State"),
        ),
        RelType(
            "SUPPORTED",
            "Backed an actor or a document.",
            _ACTORS,
            (*_ACTORS, "Agreement", "Format", "Event"),
            {
                "kind": Property(
                    values=("military", "diplomatic", "political", "economic"), required=True
                )
            },
            spell=True,
        ),
        RelType(
            "SUPPLIED_ARMS_TO",
            "Delivered weapons to (what, how many, under which contract, for how much).",
            ("State", "Organization"),
            ("State", "Organization"),
            {**_QUANTITY, "contract": Property("ref", refs=("Agreement",))},
            spell=True,
        ),
        RelType(
            "ALLIED_WITH",
            "Was in an alliance with.",
            ("State", "Organization"),
            ("State", "Organization"),
            spell=True,
        ),
        RelType(
            "URGED",
            "Publicly called on an actor to act.",
            (*_ACTORS, "Format"),
            _ACTORS,
            {"action": Property()},
        ),
        RelType(
            "SUBMITTED_TO",
            "A document, plan or message was submitted or sent to (``by`` whom).",
            ("Agreement",),
            (*_ACTORS, "Format", "Event"),
            {"by": Property("ref", refs=(*_ACTORS, "Format"))},
        ),
        RelType(
            "FOUNDED",
            "Created a body, format or state (an agreement, a meeting or an actor).",
            (*_ACTORS, "Format", "Agreement", "Event"),
            ("Organization", "Format", "State"),
        ),
        RelType(
            "SUPERSEDED",
            "A document replaced an earlier one.",
            ("Agreement",),
            ("Agreement",),
        ),
        RelType(
            "CHAIRED",
            "Held the chairmanship of an organisation or format (a spell).",
            ("State", "Person"),
            ("Organization", "Format"),
            spell=True,
            office=True,
        ),
        RelType(
            "VICTIM_OF",
            "Was harmed in an event: killed, wounded, captured, displaced or damaged.",
            (*_ACTORS, "Place"),
            ("Event",),
            {
                "harm": Property(
                    values=("killed", "wounded", "captured", "displaced", "damaged"),
                    required=True,
                ),
                **{k: _QUANTITY[k] for k in ("quantity", "unit")},
            },
        ),
        RelType(
            "RELATIVE_OF",
            "Kinship: the subject is the object's ``relation`` (child: the subject is the child).",
            ("Person",),
            ("Person",),
            {
                "relation": Property(
                    values=("parent", "child", "sibling", "spouse", "relative"), required=True
                )
            },
        ),
        RelType(
            "SUCCEEDED",
            "Came after, in an office (``office``: its normalised title) or as a polity.",
            ("Person", "State", "Organization", "Format", "Place"),
            ("Person", "State", "Organization", "Format", "Place"),
            {"office": Property()},
        ),
        RelType(
            "PROVIDES_FOR",
            "What a document or proposal provides for, with its terms.",
            ("Agreement",),
            ("Provision",),
            {"detail": Property(), **_QUANTITY},
        ),
        RelType(
            "DEPLOYED_TO",
            "Sent forces or a mission to a place or state (a spell), with how many.",
            (*_ACTORS, "Format"),
            ("Place", "State"),
            dict(_QUANTITY),
            spell=True,
        ),
    ]
}

# The relationship types in a few families, each a line colour in the explorer: thirty
# colours cannot all be told apart, least of all by colour-blind readers; seven can.
RELATIONSHIP_FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "mediation": (
        "Mediation: brokering, initiatives, hosting, proposals, pressure",
        ("MEDIATED", "INITIATED", "HOSTED", "PROPOSED", "SUBMITTED_TO", "URGED"),
    ),
    "stance": (
        "Stance on a document: signed, accepted, adopted or refused",
        ("SIGNED", "ACCEPTED", "ADOPTED", "REFUSED"),
    ),
    "documents": (
        "Between documents and outcomes: what came of what, and what a text provides for",
        ("RESULTED_IN", "BASED_ON", "SUPERSEDED", "PROVIDES_FOR"),
    ),
    "participation": (
        "Participation: parties, attendance, victims",
        ("PARTY_TO", "ATTENDED", "VICTIM_OF"),
    ),
    "office": (
        "Offices and membership: who held, chaired, co-chaired, belonged or founded",
        ("HELD_POSITION", "CO_CHAIR_OF", "CHAIRED", "MEMBER_OF", "FOUNDED"),
    ),
    "force": (
        "Backing and force: support, alliances, arms, deployments",
        ("SUPPORTED", "ALLIED_WITH", "SUPPLIED_ARMS_TO", "DEPLOYED_TO"),
    ),
    "structure": (
        "Structure: parts, places, succession, kinship",
        ("PART_OF", "TOOK_PLACE_IN", "SUCCEEDED", "RELATIVE_OF"),
    ),
}

# Keys every entity record may carry whatever its label, and every claim may carry.
ENTITY_COMMON = ("id", "label", "name", "name_sources", "aliases", "note", "cite")
CLAIM_COMMON = (
    "id",
    "subject",
    "predicate",
    "object",
    "time",
    "note",
    "confidence",
    "contradicts",
    "cite",
)


@dataclass(frozen=True)
class Dataset:
    """A dataset whose items a source may be: cited by an item's identifier, not a span."""

    name: str
    identifier: str  # what its identifiers are called
    pattern: str  # their form (a full match), for validation
    example: str
    url: str  # an item's page, with {} for its identifier

    def page(self, identifier: str) -> str:
        return self.url.format(identifier)


# A source with ``dataset: <key>`` is that dataset (or a release of it); its citations
# name an item with ``record:``.
DATASETS = {
    "pax": Dataset(
        "PA-X Peace Agreements Database",
        "agreement id (AgtId)",
        r"[1-9][0-9]{0,6}",
        "611",
        "https://www.peaceagreements.org/agreements/{}/",
    ),
    "wikidata": Dataset(
        "Wikidata", "item id", r"Q[1-9][0-9]{0,11}", "Q15212", "https://www.wikidata.org/wiki/{}"
    ),
}

_IDENT = re.compile(r"^[A-Z][A-Za-z_]*$")


def is_vocabulary_label(name: str) -> bool:
    """Whether ``name`` may be spliced into Cypher as a label or relationship type."""
    known = name in LABELS or name in RELATIONSHIPS or name in (ENTITY_LABEL, SOURCE_LABEL)
    return known and bool(_IDENT.match(name))
