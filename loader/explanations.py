"""Why some paragraphs cite nothing: ``data/coverage.yaml``, read with the records.

The file maps a source id to its paragraphs, each with the reason it states no
relationship (a title, a bibliography entry, analysis without a fact)::

    remler-2020:
      1: title
      88: bibliography

`dipgraph.loader.coverage` uses it to tell explained paragraphs from the rest.
"""

from __future__ import annotations

from pathlib import Path

from dipgraph.errors import YamlSyntaxError

from .problems import Problem, Report
from .yamlio import LineDict, read_yaml

__all__ = ["EXPLANATIONS", "read_explanations"]

EXPLANATIONS = "coverage.yaml"


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
        line = doc.line_of(source)
        if not isinstance(paragraphs, LineDict) or not all(isinstance(n, int) for n in paragraphs):
            report.add(Problem(shown, line, source, "-", "expected paragraph: reason"))
            continue
        explained[source] = {n: str(why) for n, why in paragraphs.items()}
    return explained
