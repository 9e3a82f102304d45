"""Read curator YAML strictly, keeping the line of every mapping, key and list item.

The reader follows the YAML 1.2 core schema, so a value is never silently changed:

- only ``true`` and ``false`` are booleans (``yes``, ``no``, ``on``, ``off`` stay text);
- integers are decimal (``1:20`` stays the text "1:20", YAML 1.1 read it as 80);
- dates stay text: ``time: 1994-05-05`` reaches the EDTF parser as written;
- a key written twice in one mapping is an error naming both lines;
- aliases (``*name``) and tags outside the core schema are refused.

A file must be UTF-8 text without control characters; `read_yaml` says which byte
or character is wrong and where. `text_problem` is the check every string value
of a record goes through (control characters, length).

Examples
--------
>>> doc = read_yaml_text("- id: no\\n  time: 1994-05-05\\n  note: 1:20\\n")
>>> doc[0]["id"], doc[0]["time"], doc[0]["note"], doc[0].line, doc[0].key_lines["time"]
('no', '1994-05-05', '1:20', 1, 2)
>>> read_yaml_text("a: 1\\nb: 2\\na: 3\\n")
Traceback (most recent call last):
...
dipgraph.errors.YamlSyntaxError: 3: duplicate key 'a' (first at line 1)
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dipgraph.errors import YamlSyntaxError

__all__ = [
    "MAX_DEPTH",
    "MAX_ID_LENGTH",
    "MAX_NAME_LENGTH",
    "MAX_TEXT_LENGTH",
    "LineDict",
    "LineList",
    "YamlSyntaxError",
    "file_problem",
    "read_yaml",
    "read_yaml_text",
    "strings_fit",
    "strings_in",
    "text_problem",
]

MAX_ID_LENGTH = 200  # FalkorDB's server crashes on an indexed value over 4,096 characters
MAX_NAME_LENGTH = 1_000  # names are indexed too: a longer one is not found by its index
MAX_TEXT_LENGTH = 10_000  # notes, titles, wordings
MAX_DEPTH = 64  # records nest a few levels; deeper is a mistake (or an attack)

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; lone
# surrogates; U+FFFE and U+FFFF. XML 1.0 refuses all but the C1 controls and DEL.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class LineDict(dict):
    """A mapping that remembers its own line, the line of each key (1-based), and the
    text of each plain value YAML read as a number, boolean or null."""

    line: int = 0
    key_lines: dict
    plain: dict

    def line_of(self, key: object) -> int:
        return self.key_lines.get(key, self.line)

    def text_of(self, key: object) -> str:
        """The value as written: ``time: -0500`` is the integer -500, written "-0500".

        >>> read_yaml_text("time: -0500").text_of("time")
        '-0500'
        """
        return getattr(self, "plain", {}).get(key, str(self.get(key)))


class LineList(list):
    """A list that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_at(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


# Messages that name a value's type ("not a list") name it as YAML's list; pickle
# finds the class by its qualified name, which stays LineList.
LineList.__name__ = "list"


def text_problem(text: str, limit: int = MAX_TEXT_LENGTH) -> str | None:
    """What is wrong with a string value, or None.

    >>> text_problem("Alice\\x00Doe")
    'contains control character U+0000 at position 6'
    >>> text_problem("x" * 201, 200)
    'is 201 characters long; the limit is 200'
    >>> text_problem("Jiří Dienstbier") is None
    True
    """
    found = _FORBIDDEN.search(text)
    if found:
        return f"contains {_kind(found.group())} U+{ord(found.group()):04X} at position {found.start() + 1}"
    if len(text) > limit:
        return f"is {len(text):,} characters long; the limit is {limit:,}"
    return None


def _kind(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        return "lone surrogate"
    return "noncharacter" if char in "\ufffe\uffff" else "control character"


def strings_fit(value: object, limit: int) -> bool:
    """Whether every string in a parsed value, keys included, is at most ``limit``
    characters long and free of the characters `text_problem` refuses: a quick check
    that spares most records the walk of `strings_in`, which says what is wrong where.

    >>> strings_fit({"name": "Jiří", "cite": [{"at": "p1"}]}, 200)
    True
    >>> strings_fit({"name": "Alice\\x00Doe"}, 200), strings_fit(["x" * 201], 200)
    (False, False)
    """
    found: list[str] = []
    _collect_strings(value, found)
    if not found:
        return True
    # One search over all of them: a character refused in one is in their concatenation.
    return max(map(len, found)) <= limit and not _FORBIDDEN.search("".join(found))


def _collect_strings(value: object, found: list[str]) -> None:
    # Strings are gathered where they are met: a call per container, not per value.
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                found.append(key)
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict | list):
                _collect_strings(item, found)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict | list):
                _collect_strings(item, found)
    elif isinstance(value, str):
        found.append(value)


def strings_in(value: object, where: str = "") -> Iterator[tuple[str, str, int | None]]:
    """Every string in a parsed value, keys included: (field path, text, line or None).

    >>> doc = read_yaml_text("name: A\\ncite:\\n  - {at: p1}\\n")
    >>> [(where, text, line) for where, text, line in strings_in(doc)]
    [('name', 'name', 1), ('name', 'A', 1), ('cite', 'cite', 2), ('cite[0].at', 'at', 3), ('cite[0].at', 'p1', 3)]
    """
    if isinstance(value, str):
        yield where, value, None
    elif isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            line = value.line_of(key) if isinstance(value, LineDict) else None
            if isinstance(key, str):
                yield path, key, line
            yield from ((p, t, n or line) for p, t, n in strings_in(item, path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            line = value.line_at(index) if isinstance(value, LineList) else None
            yield from ((p, t, n or line) for p, t, n in strings_in(item, f"{where}[{index}]"))


# -- files ----------------------------------------------------------------------


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a records file, or None when it is a regular file
    (directly or through a symbolic link)."""
    try:
        mode = os.stat(path).st_mode  # follows symbolic links
    except OSError as exc:
        if os.path.islink(path):
            if exc.errno == errno.ELOOP:
                return "a symbolic link that loops back on itself"
            return f"a symbolic link to {_target(path)!r}, which does not exist"
        return f"cannot be read: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO, socket or device"
    return f"{kind}, not a regular file"


def _target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def read_yaml(path: Path):
    """Parse a UTF-8 YAML file; `YamlSyntaxError` (naming ``path`` and the line) when
    it is not a readable regular file, not UTF-8, or not valid YAML."""
    problem = file_problem(Path(path))
    if problem:
        raise YamlSyntaxError(0, problem, path=path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise YamlSyntaxError(0, f"cannot be read: {exc.strerror}", path=path) from exc
    return read_yaml_text(_decode(data, path), path=path)


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "UTF-16 or UTF-32 text (byte-order mark at offset 0): save the file as UTF-8"
        raise YamlSyntaxError(1, message, path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = (
            f"not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start} cannot be decoded "
            "(Latin-1 or Windows-1252 text?); save the file as UTF-8"
        )
        raise YamlSyntaxError(line, message, path=path) from exc


def read_yaml_text(text: str, *, path: Path | None = None):
    """Parse ``text``; an error names ``path`` (when given) and the line."""
    _check_characters(text, path)
    try:
        return yaml.load(text, Loader=_Loader)
    except _Refused as exc:
        raise YamlSyntaxError(exc.line, exc.message, path=path) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(line, f"YAML syntax: {exc.problem or exc}", path=path) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(0, f"YAML syntax: {exc}", path=path) from exc


def _check_characters(text: str, path: Path | None) -> None:
    """A raw control character is refused with its line and column (a NUL byte most
    often means the file is UTF-16 or binary)."""
    found = _FORBIDDEN.search(text)
    if not found:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    char = found.group()
    message = f"{_kind(char)} U+{ord(char):04X} at column {column}"
    if char == "\x00":
        message += ": the file looks like UTF-16 or binary, not UTF-8 text"
    raise YamlSyntaxError(line, message, path=path)


# -- the loader -----------------------------------------------------------------


class _Refused(Exception):
    """What the strict loader refuses, with the 1-based line to report."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


# libyaml's parser when PyYAML was built with it; the constructors are ours.
try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


_STR, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_BUILDING, _BUILT = object(), object()  # a node's state in `constructed_objects`


class _Loader(_BaseLoader):
    depth = 0

    def construct_object(self, node: Node, deep: bool = False):
        # A direct dispatch: PyYAML's own bookkeeping serves recursive and generator-built
        # objects, which no core-schema constructor here makes; per node it costs more
        # than the construction.
        state = self.constructed_objects.get(node)
        if state is not None:
            if state is _BUILDING:  # a node inside itself, through an alias
                raise ConstructorError(
                    None, None, "found unconstructable recursive node", node.start_mark
                )
            # Only an alias reaches a node twice; the mark is the anchor's.
            message = "this anchor is used by an alias: aliases (*name) are not supported; write the value out"
            raise _Refused(node.start_mark.line + 1, message)
        if node.__class__ is ScalarNode:
            tag, text = node.tag, node.value
            if tag == _STR:  # most nodes: plain text
                self.constructed_objects[node] = _BUILT
                return text
            if tag == _INT and text.isascii() and text.isdigit():  # spans: 0-9 only
                self.constructed_objects[node] = _BUILT
                return int(text)
        self.constructed_objects[node] = _BUILDING
        constructor = self.yaml_constructors.get(node.tag) or self.yaml_constructors[None]
        data = constructor(self, node)
        self.constructed_objects[node] = _BUILT
        return data

    def resolve(self, kind, value, implicit):
        # libyaml asks for the tag of every untagged node: PyYAML's own resolve, with
        # nothing to consult but the implicit resolvers of the value's first character
        # (there are no path or wildcard resolvers). Most values are text starting with
        # a letter no resolver claims: one dictionary look-up.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR
        if kind is MappingNode:
            return self.DEFAULT_MAPPING_TAG
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return super().resolve(kind, value, implicit)

    # No path resolvers: libyaml's calls for each node need not reach PyYAML's methods.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


_CORE_TAGS = {
    "bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "int": (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    # A float needs its dot, and an exponent its sign (2.5e+6): "2.5e6" stays text, and
    # the number check tells the curator how to write it.
    "float": (
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    "null": (r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
}
_Loader.yaml_implicit_resolvers = {}
for _name, (_pattern, _first) in _CORE_TAGS.items():
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(_pattern), list(_first))
assert not _Loader.yaml_path_resolvers and None not in _Loader.yaml_implicit_resolvers


def _enter(loader: _Loader, node: Node, kind: type) -> None:
    if not isinstance(node, kind):
        expected = "a mapping" if kind is MappingNode else "a list"
        raise ConstructorError(None, None, f"expected {expected}", node.start_mark)
    if loader.depth >= MAX_DEPTH:
        raise _Refused(node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")


def _construct_mapping(loader: _Loader, node: Node) -> LineDict:
    _enter(loader, node, MappingNode)
    result = LineDict()
    key_lines: dict = {}
    plain: dict = {}
    result.line, result.key_lines, result.plain = node.start_mark.line + 1, key_lines, plain
    loader.depth += 1
    construct = loader.construct_object
    for key_node, value_node in node.value:
        key = construct(key_node)
        line = key_node.start_mark.line + 1
        if type(key) is not str and (isinstance(key, bool) or not isinstance(key, int | float)):
            raise _Refused(line, f"a key must be text or a number, not {_kind_of(key)}")
        if key in key_lines:
            raise _Refused(line, f"duplicate key {key!r} (first at line {key_lines[key]})")
        key_lines[key] = line
        value = result[key] = construct(value_node)
        if type(value) is not str and isinstance(value_node, ScalarNode):
            plain[key] = value_node.value
    loader.depth -= 1
    return result


def _kind_of(value: object) -> str:
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    return "a mapping" if isinstance(value, dict) else "a list"


def _construct_sequence(loader: _Loader, node: Node) -> LineList:
    _enter(loader, node, SequenceNode)
    loader.depth += 1
    construct = loader.construct_object
    result = LineList([construct(child) for child in node.value])
    loader.depth -= 1
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _scalar(loader: _Loader, node: Node) -> str:
    if not isinstance(node, ScalarNode):
        raise ConstructorError(None, None, "expected a scalar", node.start_mark)
    return node.value


def _construct_int(loader: _Loader, node: Node) -> int:
    text = _scalar(loader, node)
    for prefix, base in (("0o", 8), ("0x", 16), ("", 10)):
        if text.startswith(prefix) and re.fullmatch(r"[-+]?[0-9a-fA-F]+", text[len(prefix) :]):
            try:
                return int(text[len(prefix) :], base)
            except ValueError:
                break
    raise ConstructorError(None, None, f"{text!r} is not an integer", node.start_mark)


def _construct_float(loader: _Loader, node: Node) -> float:
    text = _scalar(loader, node)
    special = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
    if text.lower() in special:
        return special[text.lower()]
    try:
        return float(text)
    except ValueError:
        raise ConstructorError(None, None, f"{text!r} is not a number", node.start_mark) from None


def _construct_bool(loader: _Loader, node: Node) -> bool:
    text = _scalar(loader, node)
    if text.lower() not in ("true", "false"):
        raise ConstructorError(None, None, f"{text!r} is not true or false", node.start_mark)
    return text.lower() == "true"


def _construct_null(loader: _Loader, node: Node) -> None:
    text = _scalar(loader, node)
    if text not in ("~", "null", "Null", "NULL", ""):
        raise ConstructorError(None, None, f"{text!r} is not null", node.start_mark)


def _unsupported(node: Node):
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    message = (
        f"the tag {tag} is not supported: write text, a number, true or false, a list or a mapping"
    )
    raise ConstructorError(None, None, message, node.start_mark)


# The core schema only: binary, set, omap, pairs and timestamp tags are refused (an
# unknown tag is a YAML error), so every value is text, a number, a boolean, null, a
# list or a mapping.
_Loader.yaml_constructors = {
    "tag:yaml.org,2002:str": lambda loader, node: _scalar(loader, node),
    "tag:yaml.org,2002:int": _construct_int,
    "tag:yaml.org,2002:float": _construct_float,
    "tag:yaml.org,2002:bool": _construct_bool,
    "tag:yaml.org,2002:null": _construct_null,
    "tag:yaml.org,2002:seq": _construct_sequence,
    "tag:yaml.org,2002:map": _construct_mapping,
    None: lambda loader, node: _unsupported(node),
}
