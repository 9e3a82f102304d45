"""Why some paragraphs cite nothing: ``data/coverage.yaml``, read with the records.

The file maps a source id to its paragraphs, each with the reason it states no
relationship (a title, a bibliography entry, analysis without a fact)::

    remler-2020:
      1: title
      88: bibliography

Under the reserved key ``notes``, it says why a date, number or name a note
mentions is commentary rather than a fact to structure (see `dipgraph.loader.notes`)::

    notes:
      heydar-aliyev:           # an entity id, or a claim's "subject PREDICATE object"
        ilham-aliyev: the note only tells the two men apart

`dipgraph.loader.coverage` uses it to tell explained paragraphs from the rest.
"""

from __future__ import annotations

from pathlib import Path

from dipgraph.errors import YamlSyntaxError

from .problems import Problem, Report
from .yamlio import LineDict, read_yaml

__all__ = ["EXPLANATIONS", "NOTES_KEY", "read_explanations", "read_note_explanations"]

EXPLANATIONS = "coverage.yaml"
NOTES_KEY = "notes"


def read_explanations(
    root: Path, report: Report, *, shown: str | None = None
) -> dict[str, dict[int, str]]:
    """``coverage.yaml``: per source id, paragraph number -> why it cites nothing;
    problems go to ``report``, naming the file ``shown`` (default: its path)."""
    path = Path(root) / EXPLANATIONS
    shown = shown or str(path)
    if not path.is_file():
        return {}
    try:
        doc = read_yaml(path)
    except YamlSyntaxError as exc:
        report.add(Problem(shown, exc.line, "-", "yaml", exc.message))
        return {}
    if doc is None:
        return {}
    if not isinstance(doc, LineDict):
        message = (
            f"expected a mapping of source ids to their paragraphs, not a {type(doc).__name__}"
        )
        report.add(Problem(shown, 1, "-", "file", message))
        return {}
    explained: dict[str, dict[int, str]] = {}
    for source, paragraphs in doc.items():
        if source == NOTES_KEY:
            continue
        line = doc.line_of(source)
        if not isinstance(paragraphs, LineDict) or not all(isinstance(n, int) for n in paragraphs):
            report.add(Problem(shown, line, source, "-", "expected paragraph: reason"))
            continue
        explained[source] = {n: str(why) for n, why in paragraphs.items()}
    return explained


def read_note_explanations(
    root: Path, report: Report, *, shown: str | None = None
) -> dict[str, dict[str, str]]:
    """``coverage.yaml``'s ``notes:``: per record, mention -> why it stays in the note."""
    path = Path(root) / EXPLANATIONS
    try:
        doc = read_yaml(path) if path.is_file() else None
    except YamlSyntaxError:
        return {}  # read_explanations reports it
    if not isinstance(doc, LineDict) or doc.get(NOTES_KEY) is None:
        return {}
    notes = doc[NOTES_KEY]
    if not isinstance(notes, LineDict) or not all(isinstance(v, LineDict) for v in notes.values()):
        line = doc.line_of(NOTES_KEY)
        message = "expected record: {mention: reason}"
        report.add(Problem(shown or str(path), line, NOTES_KEY, "-", message))
        return {}
    return {str(r): {str(m): str(why) for m, why in v.items()} for r, v in notes.items()}
