"""Modelling conventions: one way to record each recurring pattern.

The vocabulary allows more than one way to say some things (a place or a state
"hosting" a summit; an office pointing at a state or at its ministry). Queries
only find what is recorded the agreed way, so `check_conventions` warns on every
claim recorded another way, naming the convention. ``docs/vocabulary.md``
("Conventions") explains each one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .problems import Problem, Report, did_you_mean
from .records import Claim, Entity, Records
from .vocabulary import OFFICE_TITLES, TITLE_VARIANTS

__all__ = ["MINISTRY_KINDS", "check_conventions"]

# Offices in these bodies are offices of the state: the convention points the office
# at the state and names the body in ``body``.
MINISTRY_KINDS = ("ministry", "government", "head of state office")

_Rule = Callable[[Claim, dict[str, Entity]], Iterator[tuple[str, str]]]


def check_conventions(records: Records, report: Report) -> None:
    """Add a warning to ``report`` for each record made against a convention."""
    for claim in records.claims:
        for rule in _RULES.get(claim.predicate, ()):
            for field, message in rule(claim, records.entities):
                line = claim.line_of(field)
                report.add(Problem(claim.path, line, claim.label, field, message, "warning"))
    for state, place in _unlinked_predecessors(records):
        message = (
            f"named like the place {place.id!r} ({place.path}:{place.line}): if the state grew "
            f"out of it, record {state.id} SUCCEEDED {place.id}; else list it in distinct_from"
        )
        report.add(Problem(state.path, state.line, state.id, "name", message, "warning"))


def _unlinked_predecessors(records: Records) -> Iterator[tuple[Entity, Entity]]:
    """States and places that share the start of their name (the Azerbaijan SSR and
    Azerbaijan, the NKAO and the Nagorno-Karabakh Republic) with no link between them."""
    linked = {
        frozenset((c.subject, c.object)) for c in records.claims if c.predicate == "SUCCEEDED"
    }
    entities = records.entities.values()
    states = [e for e in entities if e.label == "State"]
    places = [e for e in entities if e.label == "Place"]
    for state in states:
        for place in places:
            pair = frozenset((state.id, place.id))
            apart = place.id in state.distinct_from or state.id in place.distinct_from
            if not apart and pair not in linked and _name_stem(state) == _name_stem(place):
                yield state, place


def _name_stem(entity: Entity) -> str:
    """The first six letters of the first word of the name: Armenia ~ Armenian SSR."""
    word = entity.name.split()[0].casefold() if entity.name.split() else ""
    return word[:6] if len(word) >= 6 else word


def _label(entities: dict[str, Entity], ident: str) -> str | None:
    entity = entities.get(ident)
    return entity.label if entity else None


def _hosting_place(claim: Claim, entities: dict[str, Entity]) -> Iterator[tuple[str, str]]:
    if _label(entities, claim.subject) == "Place":
        yield (
            "subject",
            f"a place does not host: the convention is {claim.object} TOOK_PLACE_IN "
            f"{claim.subject}, and HOSTED for the state, body or person that hosted",
        )


def _organizer_as_mediator(claim: Claim, entities: dict[str, Entity]):
    if str(claim.qualifiers.get("role", "")).lower() in ("organizer", "organiser"):
        yield (
            "role",
            "organising is HOSTED with role 'organizer'; MEDIATED says that the actor "
            "brokered (keep it too if the source says so)",
        )


def _office_in_ministry(claim: Claim, entities: dict[str, Entity]):
    target = entities.get(claim.object)
    if target is not None and target.props.get("kind") in MINISTRY_KINDS:
        yield (
            "object",
            f"{claim.object!r} is a {target.props['kind']}: the convention points the "
            f"office at the state and names the {target.props['kind']} in `body`",
        )


def _office_title(claim: Claim, entities: dict[str, Entity]):
    title = claim.qualifiers.get("title")
    if title is not None and title not in OFFICE_TITLES:
        variant = TITLE_VARIANTS.get(title)
        hint = f" (did you mean {variant}?)" if variant else did_you_mean(title, OFFICE_TITLES)
        yield (
            "title",
            f"{title!r} is not a normalised title{hint}; keep the source's words in "
            "`wording` (the list is OFFICE_TITLES in loader/vocabulary.py)",
        )


def _co_chair_in_format(claim: Claim, entities: dict[str, Entity]):
    target = entities.get(claim.object)
    if target is not None and target.props.get("kind") != "co-chairmanship":
        yield (
            "object",
            f"co-chairs belong to the co-chairmanship: the convention is CO_CHAIR_OF a "
            f"Format of kind co-chairmanship (PART_OF {claim.object}), not the "
            f"{target.label.lower()} itself",
        )


def _co_chair_as_office(claim: Claim, entities: dict[str, Entity]):
    if "co-chair" in str(claim.qualifiers.get("title", "")).lower():
        yield (
            "predicate",
            "a co-chair is CO_CHAIR_OF the co-chairmanship Format, with on_behalf_of "
            "the state, not HELD_POSITION",
        )


_RULES: dict[str, tuple[_Rule, ...]] = {
    "HOSTED": (_hosting_place,),
    "MEDIATED": (_organizer_as_mediator,),
    "HELD_POSITION": (_office_in_ministry, _office_title, _co_chair_as_office),
    "CO_CHAIR_OF": (_co_chair_in_format,),
}
