"""The sides of each conflict, as ``data/sides.yaml`` lists them.

The file maps a Conflict's id to its sides, each a list of entity ids::

    karabakh-conflict:
      armenian: [armenia, nkr]
      azerbaijani: [azerbaijan]

`read_sides` reads its shape, `check_sides` checks its ids against the records (or
a graph); both report problems as ``file:line: record: field: message``, like every
other record, so ``dipgraph validate`` lists them with the rest.

Examples
--------
>>> from dipgraph.loader.problems import Report
>>> from dipgraph.loader.yamlio import read_yaml_text
>>> report = Report()
>>> doc = read_yaml_text("k:\\n  a: [x]\\n  b: [y, z]\\n")
>>> sides = sides_from_yaml(doc, "sides.yaml", report)
>>> sides["k"].sides
{'a': ['x'], 'b': ['y', 'z']}
>>> check_sides(sides, {"k": "Conflict", "x": "State", "y": "State"}, report)
>>> [str(p) for p in report.problems]
["sides.yaml:3: k: b: unknown id 'z'"]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.errors import YamlSyntaxError

from .problems import Problem, Report, did_you_mean
from .yamlio import LineDict, read_yaml, strings_in, text_problem

__all__ = ["SIDES_FILE", "ConflictSides", "check_sides", "read_sides", "sides_from_yaml"]

SIDES_FILE = "sides.yaml"


@dataclass(frozen=True)
class ConflictSides:
    """One conflict's sides: side name -> member ids, with where each was written."""

    conflict: str
    sides: dict[str, list[str]]
    path: str
    line: int
    side_lines: dict[str, int] = field(default_factory=dict)


def read_sides(path: Path, report: Report, *, shown: str | None = None) -> dict[str, ConflictSides]:
    """``path`` read into conflict id -> `ConflictSides`; problems go to ``report``
    (named ``shown``, the path as the user should see it)."""
    shown = shown or str(path)
    try:
        doc = read_yaml(path)
    except YamlSyntaxError as exc:
        report.add(Problem(shown, exc.line, "-", "yaml", exc.message))
        return {}
    return sides_from_yaml(doc, shown, report)


def sides_from_yaml(doc: object, shown: str, report: Report) -> dict[str, ConflictSides]:
    """The parsed file's conflicts, each checked for shape (ids are checked later)."""
    if doc is None:
        return {}
    if not isinstance(doc, LineDict):
        kind = type(doc).__name__
        message = f"expected a mapping of conflict ids to their sides, not a {kind}"
        report.add(Problem(shown, 1, "-", "file", message))
        return {}
    found = {}
    for conflict, sides in doc.items():
        _check_strings(conflict, sides, shown, doc.line_of(conflict), report)
        parsed = _conflict(str(conflict), sides, shown, doc.line_of(conflict), report)
        if parsed is not None:
            found[parsed.conflict] = parsed
    return found


def _check_strings(conflict: object, sides: object, shown: str, line: int, report: Report) -> None:
    """The conflict id, side names and members hold no control character and are not
    overlong, like every string of the records."""
    own = [("id", conflict, None)] if isinstance(conflict, str) else []
    for where, text, at in [*own, *strings_in(sides)]:
        problem = text_problem(text)
        if problem:
            report.add(Problem(shown, at or line, str(conflict), where, problem))


def check_sides(
    sides: Mapping[str, ConflictSides], labels: Mapping[str, str], report: Report
) -> None:
    """Every conflict id names a Conflict and every member a known id (``labels``:
    id -> label), and no member stands on two sides of one conflict."""
    for entry in sides.values():
        if entry.conflict not in labels:
            message = f"unknown id {entry.conflict!r}{did_you_mean(entry.conflict, labels)}"
            _add(report, entry, entry.line, "id", message)
        elif labels[entry.conflict] != "Conflict":
            message = f"{entry.conflict!r} is a {labels[entry.conflict]}, not a Conflict"
            _add(report, entry, entry.line, "id", message)
        _check_members(entry, labels, report)


def _conflict(
    conflict: str, sides: object, shown: str, line: int, report: Report
) -> ConflictSides | None:
    if not isinstance(sides, LineDict):
        message = "expected a mapping of side names to lists of member ids"
        report.add(Problem(shown, line, conflict, "sides", message))
        return None
    members, lines = {}, {}
    for side, ids in sides.items():
        lines[str(side)] = sides.line_of(side)
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            message = f"expected a list of entity ids, got {ids!r}"
            report.add(Problem(shown, sides.line_of(side), conflict, str(side), message))
            continue
        members[str(side)] = list(ids)
    if len(sides) < 2:
        message = f"a conflict needs at least two sides, found {len(sides)}"
        report.add(Problem(shown, line, conflict, "sides", message))
    return ConflictSides(conflict, members, shown, line, lines)


def _check_members(entry: ConflictSides, labels: Mapping[str, str], report: Report) -> None:
    side_of: dict[str, str] = {}
    for side, members in entry.sides.items():
        line = entry.side_lines.get(side, entry.line)
        for member in members:
            if member not in labels:
                _add(
                    report,
                    entry,
                    line,
                    side,
                    f"unknown id {member!r}{did_you_mean(member, labels)}",
                )
            elif member in side_of and side_of[member] != side:
                message = f"{member!r} is on two sides ({side_of[member]} and {side})"
                _add(report, entry, line, side, message)
            side_of.setdefault(member, side)


def _add(report: Report, entry: ConflictSides, line: int, fld: str, message: str) -> None:
    report.add(Problem(entry.path, line, entry.conflict, fld, message))
