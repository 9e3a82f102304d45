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
    "CONFIDENCE",
    "ENTITY_LABEL",
    "LABELS",
    "RELATIONSHIPS",
    "SOURCE_LABEL",
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

    kind: str = "text"  # text | list | ref (an entity id) | time (EDTF) | iso3
    values: tuple[str, ...] = ()
    required: bool = False
    refs: tuple[str, ...] = ()  # for kind == "ref": labels the id must have


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


_ACTORS = ("State", "Organization", "Person")
_TIME = {"time": Property("time")}

LABELS: dict[str, NodeType] = {
    n.label: n
    for n in [
        NodeType(
            "State",
            "A state, recognized or de facto.",
            {
                "status": Property(values=("recognized", "de facto"), required=True),
                "iso3": Property("iso3"),
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
        NodeType("Person", "A named individual.", {}),
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
            },
        ),
        NodeType("Place", "A city, region or site.", {"kind": Property(required=True)}),
        NodeType("Conflict", "An armed conflict.", dict(_TIME)),
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
        RelType("HOSTED", "Hosted a meeting or event.", (*_ACTORS, "Place"), ("Event",)),
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
            "Co-chaired a format (a spell).",
            ("State", "Person"),
            ("Format", "Organization"),
            spell=True,
        ),
        RelType(
            "HELD_POSITION",
            "Held an office in a state or body (a spell).",
            ("Person",),
            ("State", "Organization", "Format"),
            {"title": Property(required=True)},
            spell=True,
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
            "Delivered weapons to.",
            ("State", "Organization"),
            ("State", "Organization"),
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
    ]
}

# Keys every entity record may carry whatever its label, and every claim may carry.
ENTITY_COMMON = ("id", "label", "name", "aliases", "note", "cite")
CLAIM_COMMON = ("subject", "predicate", "object", "time", "note", "confidence", "cite")

_IDENT = re.compile(r"^[A-Z][A-Za-z_]*$")


def is_vocabulary_label(name: str) -> bool:
    """Whether ``name`` may be spliced into Cypher as a label or relationship type."""
    known = name in LABELS or name in RELATIONSHIPS or name in (ENTITY_LABEL, SOURCE_LABEL)
    return known and bool(_IDENT.match(name))
