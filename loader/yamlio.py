"""Read curator YAML keeping the line of every mapping and key.

Dates stay text: ``time: 1994-05-05`` must reach the EDTF parser as written,
not as a ``datetime.date`` (PyYAML's default) nor ``1994`` as an int.

Examples
--------
>>> doc = read_yaml_text("- id: a\\n  time: 1994-05-05\\n")
>>> doc[0]["time"], doc[0].line, doc[0].key_lines["time"]
('1994-05-05', 1, 2)
"""

from __future__ import annotations

from pathlib import Path

import yaml

from dipgraph.errors import YamlSyntaxError

__all__ = ["LineDict", "YamlSyntaxError", "read_yaml", "read_yaml_text"]


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML was built with it; the constructor stays ours.
try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    pass


# Drop the timestamp resolver so dates stay strings; scalars that look like ints
# are left to the record reader, which knows which fields are times.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict(loader.construct_mapping(node, deep=True))
    result.line = node.start_mark.line + 1
    result.key_lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml_text(text: str, *, path: Path | None = None):
    """Parse ``text``; a syntax error names ``path`` (when given) and the line."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(line, f"YAML syntax: {exc.problem or exc}", path=path) from exc


def read_yaml(path: Path):
    return read_yaml_text(Path(path).read_text(encoding="utf-8"), path=path)
