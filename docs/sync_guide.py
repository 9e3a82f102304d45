"""Bring cypher/guide.md's query slides up to date with cypher/queries/*.cypher.

Each slide shows a saved query as ``**Title.** description``, a ``:param`` block when
it takes parameters, and its statement. After editing a query, run
``python docs/sync_guide.py``: the description, defaults and statement of every query
the guide shows are rewritten from the library; the prose around them is left alone.
A test checks that every runnable block of the guide is a library query.
"""

from __future__ import annotations

import re
from pathlib import Path

from dipgraph.cypher.library import format_literal, list_queries

GUIDE = Path(__file__).resolve().parents[1] / "cypher" / "guide.md"
_FENCE = "```cypher\n"


def slide(query) -> str:
    """The guide's Markdown for one saved query."""
    parts = [f"**{query.title}.** {query.description}\n\n"]
    if query.params:
        lines = "".join(f":param {k} => {format_literal(v)}\n" for k, v in query.params.items())
        parts.append(f"{_FENCE}{lines}```\n\n")
    parts.append(f"{_FENCE}{query.statement}\n```\n")
    return "".join(parts)


def sync(text: str) -> str:
    """``text`` with each query slide (from its title to its statement block) rewritten."""
    for query in list_queries():
        start = text.find(f"**{query.title}.** ")
        if start < 0:
            continue
        statement_end = _statement_end(text, start)
        text = text[:start] + slide(query) + text[statement_end:]
    return text


def _statement_end(text: str, start: int) -> int:
    """The end of the last code block of the slide that begins at ``start``."""
    end = start
    for _ in range(2):  # the :param block (if any), then the statement
        block = text.find(_FENCE, end)
        nxt = re.search(r"\n\*\*[^*\n]+\.\*\* |\n## ", text[end:])
        if block < 0 or (nxt and block > end + nxt.start()):
            break
        end = text.index("\n```\n", block + len(_FENCE)) + len("\n```\n")
    return end


if __name__ == "__main__":
    GUIDE.write_text(sync(GUIDE.read_text(encoding="utf-8")), encoding="utf-8")
