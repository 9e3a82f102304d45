"""The roles each actor's facts give it in each window, and how roles change.

Roles come from relationship types (``party`` also from taking part in an event
or document as one of the sides' members). The dominant role is the one with the
most facts in the window; ties go to the role listed first in `ACTOR_ROLES`, and
membership leads only an actor that has no other role.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from .actors import Fact, Prepared, actor_facts, side_members, sides_in_window
from .projections import PARTY_PREDICATES
from .timeline import Window

__all__ = ["ACTOR_ROLES", "actor_roles", "role_transitions"]

ACTOR_ROLES = (
    "mediator",
    "co-chair",
    "initiator",
    "host",
    "party",
    "signatory",
    "supporter",
    "arms supplier",
    "ally",
    "member",
)
COLUMNS = [
    "window",
    "start",
    "end",
    "actor",
    "roles",
    "dominant",
    "facts",
    "sources",
    "dated_by",
    "level",
    "dates",
]
_BY_TYPE = {
    "MEDIATED": "mediator",
    "CO_CHAIR_OF": "co-chair",
    "INITIATED": "initiator",
    "HOSTED": "host",
    "PARTY_TO": "party",
    "SIGNED": "signatory",
    "SUPPORTED": "supporter",
    "SUPPLIED_ARMS_TO": "arms supplier",
    "ALLIED_WITH": "ally",
    "MEMBER_OF": "member",
}


def actor_roles(
    graph: nx.MultiDiGraph,
    windows: list[Window],
    sides: dict,
    *,
    level: str = "state",
    dates: str = "lenient",
    prepared: Prepared | None = None,
) -> pd.DataFrame:
    """One row per window and actor: ``roles`` (set), ``dominant``, and the ``facts``,
    ``sources`` and dating (``dated_by``: the record's date, the object's, an actor's
    lifespan, or none) behind the dominant role. ``sides`` as `side_members` takes them;
    ``prepared`` (for ``dates``) shares each window's facts with the measures."""
    sides = side_members(sides)
    rows = []
    prepared = prepared or Prepared(graph, dates)
    for window in windows:
        facts = actor_facts(graph, window, level=level, dates=dates, prepared=prepared)
        side_of = sides_in_window(sides, facts)
        evidence: dict[str, list] = {}
        for fact in facts:
            role = _BY_TYPE.get(fact.predicate)
            if role is None and fact.predicate in PARTY_PREDICATES and fact.actor in side_of:
                role = "party"
            if role:
                evidence.setdefault(fact.actor, []).append((role, fact))
            if fact.predicate == "ALLIED_WITH":
                evidence.setdefault(fact.target, []).append(("ally", fact))
        rows += [
            {
                "window": window.label,
                "start": window.start,
                "end": window.end,
                "actor": actor,
                **_roles_of(found),
                "level": level,
                "dates": dates,
            }
            for actor, found in sorted(evidence.items())
        ]
    return pd.DataFrame(rows, columns=COLUMNS)


def _roles_of(found: list[tuple[str, Fact]]) -> dict:
    """The roles, the dominant one, and its facts, sources and how they are dated."""
    counts = Counter(role for role, _ in found)
    # Membership is background: it leads only an actor with no other role.
    active = [r for r in counts if r != "member"] or ["member"]
    dominant = min(active, key=lambda r: (-counts[r], ACTOR_ROLES.index(r)))
    behind = [f for role, f in found if role == dominant]
    return {
        "roles": frozenset(counts),
        "dominant": dominant,
        "facts": sorted({f.key for f in behind}),
        "sources": sorted({s for f in behind for s in f.sources}),
        "dated_by": sorted({_dating(f) for f in behind}),
    }


def _dating(fact: Fact) -> str:
    """How a fact is placed in time: ``record``, ``object`` (the dated thing it concerns),
    ``lifespan of X`` or ``undated``; a lifespan that narrowed the dates is named too."""
    if fact.dated_by == "lifespan":
        return f"lifespan of {', '.join(fact.bounded_by)}"
    text = fact.dated_by or "undated"
    if fact.bounded_by:
        text += f", within the lifespan of {', '.join(fact.bounded_by)}"
    return text


def role_transitions(roles: pd.DataFrame) -> pd.DataFrame:
    """How each actor's roles change between its consecutive windows with roles.

    One row per change: ``from``/``to`` dominant role, the roles ``gained`` and
    ``lost``, ``from_window`` and ``when`` (the window of the change), and the
    ``facts`` (relationship keys) and ``sources`` behind the new dominant role.
    """
    rows = []
    ordered = roles.sort_values("start")
    records = ordered.to_dict("records")  # rows as dicts: far faster to walk than frames
    for actor, at in sorted(ordered.groupby("actor", sort=True).indices.items()):
        previous = None
        for row in (records[i] for i in at):
            if previous is not None and (
                row["dominant"] != previous["dominant"] or row["roles"] != previous["roles"]
            ):
                rows.append(
                    {
                        "actor": actor,
                        "from": previous["dominant"],
                        "to": row["dominant"],
                        "gained": sorted(row["roles"] - previous["roles"], key=ACTOR_ROLES.index),
                        "lost": sorted(previous["roles"] - row["roles"], key=ACTOR_ROLES.index),
                        "from_window": previous["window"],
                        "when": row["window"],
                        "facts": row["facts"],
                        "sources": row["sources"],
                    }
                )
            previous = row
    columns = ["actor", "from", "to", "gained", "lost", "from_window", "when", "facts", "sources"]
    return pd.DataFrame(rows, columns=columns)
