"""dipgraph's Cypher statements, kept as ``.cypher`` files beside this module.

`read_statement` is the one way Python gets a statement. Files may use the
placeholders ``__LABEL__`` and ``__TYPE__``; they are replaced only by names
from the vocabulary, so no value ever becomes part of a statement's text.

Examples
--------
>>> print(read_statement("load/prune_relationships"))
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.key IN $keys
DELETE r
>>> read_statement("load/merge_entities", label="Person)-[:X]->(")
Traceback (most recent call last):
...
ValueError: not a vocabulary name: 'Person)-[:X]->('
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["read_statement", "read_statements"]


def read_statement(name: str, *, label: str | None = None, rel_type: str | None = None) -> str:
    """The statement in ``cypher/<name>.cypher``, comments removed, placeholders filled."""
    # Imported here: the loader imports this package, so a top-level import would be circular.
    from dipgraph.loader.vocabulary import is_vocabulary_label

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


def _read(name: str) -> str:
    raw = files(__name__).joinpath(f"{name}.cypher").read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()
