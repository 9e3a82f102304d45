"""dipgraph's Cypher statements, kept as ``.cypher`` files in the ``cypher/`` folder.

`read_statement` is the one way Python gets a statement. Files may use the
placeholders ``__LABEL__`` and ``__TYPE__``; they are replaced only by names
from the vocabulary, so no value ever becomes part of a statement's text.

The files ship with the ``dipgraph.cypher`` package; they are found without
importing it, so the loader depends on no layer above it.

Examples
--------
>>> print(read_statement("load/delete_relationships", rel_type="SIGNED"))
UNWIND $keys AS key
MATCH ()-[r:SIGNED {key: key}]->()
DELETE r
>>> read_statement("load/merge_entities", label="Person)-[:X]->(")
Traceback (most recent call last):
...
ValueError: not a vocabulary name: 'Person)-[:X]->('
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from .vocabulary import is_vocabulary_label

__all__ = ["cypher_folder", "read_statement", "read_statements"]


def read_statement(name: str, *, label: str | None = None, rel_type: str | None = None) -> str:
    """The statement in ``cypher/<name>.cypher``, comments removed, placeholders filled."""
    text = _read(name)
    for placeholder, value in (("__LABEL__", label), ("__TYPE__", rel_type)):
        if placeholder in text:
            if value is None or not is_vocabulary_label(value):
                raise ValueError(f"not a vocabulary name: {value!r}")
            text = text.replace(placeholder, value)
    return text


def read_statements(name: str) -> list[str]:
    """The ``;``-separated statements of a script such as ``schema``."""
    return [s.strip() for s in _read(name).split(";") if s.strip()]


@functools.cache
def cypher_folder() -> Path:
    """Where the ``dipgraph.cypher`` package keeps its files (a lookup, not an import)."""
    spec = importlib.util.find_spec("dipgraph.cypher")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the dipgraph.cypher package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _read(name: str) -> str:
    raw = (cypher_folder() / f"{name}.cypher").read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()
