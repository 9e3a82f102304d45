"""The saved-query library: ``cypher/queries/*.cypher``, one query per file.

A file reads::

    // Who signed a document, and when
    // The signatories of a document, the date each signed and for whom.
    // :param doc => 'bishkek-protocol'
    MATCH (p)-[s:SIGNED]->(d:Agreement {id: $doc}) RETURN ...

The first line is the title; the other comment lines describe it, and ``:param``
lines (Neo4j Browser's syntax, ready to paste) give each parameter's default. A
line ``// Neo4j only: <reason>`` marks a query that needs a Neo4j feature.

A library query takes only the parameters it names (its ``:param`` lines and the
``$names`` its statement uses): `check_params` refuses any other, naming the nearest.
So does a ``.cypher`` file with ``:param`` lines; a file without any, and an inline
statement, take whatever they are given. `find_query` refuses a bare word that names
no saved query, and a ``.cypher`` path that is no file, rather than run it as Cypher.

Examples
--------
>>> query = parse_query("q", "// T\\n// Does x.\\n// :param n => 3\\nRETURN $n AS n")
>>> (query.title, query.description, query.params, query.statement)
('T', 'Does x.', {'n': 3}, 'RETURN $n AS n')
>>> format_defaults(query)
'n=3'
>>> check_params(query, {"m": 4})
Traceback (most recent call last):
dipgraph.errors.QueryError: q has no parameter 'm'; its parameters: n (default 3)
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

from dipgraph.errors import QueryError
from dipgraph.loader.problems import did_you_mean

__all__ = [
    "SavedQuery",
    "check_params",
    "code_only",
    "find_query",
    "format_defaults",
    "format_literal",
    "list_queries",
    "parse_literal",
    "parse_query",
    "statement_params",
]

_PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*(.+?);?$")
_NEO4J_ONLY = re.compile(r"^neo4j only:\s*(.+)$", re.IGNORECASE)
# Strings, `quoted names` (a quote inside one opens no string) and comments.
_STRINGS = re.compile(
    r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`(?:``|[^`])*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)
_USED = re.compile(r"\$(\w+)")
_BARE_NAME = re.compile(r"[^\W\d][\w-]*")  # one identifier-like word: never valid Cypher
_SEE_LIST = "dipgraph query --list shows {}"
# Cypher literals (`parse_literal`, `format_literal`): their words, as Python writes them.
_KEYWORDS = {"true": "True", "false": "False", "null": "None"}
_NUMBER = re.compile(
    r"0x[0-9a-f]+|0o[0-7]+|(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:e[+-]?[0-9]+)?", re.I
)
_CYPHER_ESCAPES = frozenset("'\"\\ntrbfuU")
_ESCAPES = {
    "\\": r"\\",
    "'": r"\'",
    "\n": r"\n",
    "\r": r"\r",
    "\t": r"\t",
    "\b": r"\b",
    "\f": r"\f",
}
_LAYOUT = {tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT}
_SIDE_BY_SIDE = (
    r"two strings side by side; inside a string write a quote as \' ('it\'s')"
    """ or use the other quotes ("it's")"""
)


@dataclass(frozen=True)
class SavedQuery:
    """One query: its name, title, description, statement and parameter defaults.

    ``neo4j_only`` is the reason when it needs Neo4j; ``strict`` says that it takes
    only the parameters it names (every library query, and a file with ``:param``
    lines), so that a misspelt ``--param`` is an error rather than ignored.
    """

    name: str
    title: str
    description: str
    statement: str
    params: dict = field(default_factory=dict)
    neo4j_only: str | None = None
    strict: bool = False


def list_queries() -> list[SavedQuery]:
    """Every query of the library, by name."""
    folder = files(__package__).joinpath("queries")
    paths = sorted(
        (p for p in folder.iterdir() if p.name.endswith(".cypher")), key=lambda p: p.name
    )
    queries = (
        parse_query(p.name.removesuffix(".cypher"), p.read_text(encoding="utf-8")) for p in paths
    )
    return [replace(query, strict=True) for query in queries]


def find_query(name_or_path: str) -> SavedQuery | None:
    """A library query by name, or a ``.cypher`` file by path.

    Parameters
    ----------
    name_or_path : str
        What the user typed: a saved query's name, a file's path or a statement.

    Returns
    -------
    SavedQuery or None
        None when the text is neither a name nor a ``.cypher`` path (so a statement).

    Raises
    ------
    QueryError
        For a bare word that names no saved query, or a ``.cypher`` path that is no file.
    """
    library = {q.name: q for q in list_queries()}
    if name_or_path in library:
        return library[name_or_path]
    path = Path(name_or_path)
    if name_or_path.endswith(".cypher") and path.is_file():
        return parse_query(path.stem, path.read_text(encoding="utf-8"))
    if name_or_path.endswith(".cypher"):
        hint = did_you_mean(path.stem, library)
        raise QueryError(f"no file {name_or_path!r}{hint}; {_SEE_LIST.format('the saved queries')}")
    if _BARE_NAME.fullmatch(name_or_path):
        hint = did_you_mean(name_or_path, library)
        if path.is_file():
            hint = f" ({name_or_path} is a file, but a query file's name must end in .cypher)"
        raise QueryError(
            f"no saved query named {name_or_path!r}{hint}; {_SEE_LIST.format('them all')}"
        )
    return None


def parse_query(name: str, text: str) -> SavedQuery:
    """A query from its file's text; ``strict`` when it has ``:param`` lines.

    Raises
    ------
    QueryError
        When the first line is no ``// Title`` or a default cannot be read.
    """
    comments: list[str] = []
    body: list[str] = []
    for line in text.strip().splitlines():
        stripped = line.strip()
        if stripped.startswith("//") and not body:
            comments.append(stripped[2:].strip())
        else:
            body.append(line)
    if not comments:
        raise QueryError(f"query {name}: the first line must be '// Title'")
    params: dict[str, object] = {}
    words: list[str] = []
    neo4j_only = None
    for line in comments[1:]:
        if match := _PARAM.match(line):
            try:
                params[match.group(1)] = parse_literal(match.group(2))
            except ValueError as exc:
                raise QueryError(f"query {name}: :param {match.group(1)}: {exc}") from None
        elif match := _NEO4J_ONLY.match(line):
            neo4j_only = match.group(1)
        elif line:
            words.append(line)
    statement = "\n".join(body).strip().rstrip(";")
    description = " ".join(words)
    return SavedQuery(name, comments[0], description, statement, params, neo4j_only, bool(params))


def code_only(statement: str) -> str:
    """The statement with its strings, quoted names and comments blanked out.

    >>> code_only("RETURN '$x' AS s, $y // $z")
    'RETURN   AS s, $y  '
    >>> code_only("MATCH (n:`x'`) CREATE (m) RETURN 'y'")
    'MATCH (n: ) CREATE (m) RETURN  '
    """
    return _STRINGS.sub(" ", statement)


def statement_params(statement: str) -> list[str]:
    """The ``$parameters`` a statement uses, outside strings and comments, sorted.

    >>> statement_params("MATCH (n {id: $id}) WHERE n.t = $t OR n.s = '$x' RETURN $id")
    ['id', 't']
    """
    return sorted(set(_USED.findall(code_only(statement))))


def check_params(query: SavedQuery, params: dict[str, object]) -> None:
    """Refuse a parameter that a strict query does not take, naming the nearest one.

    Parameters
    ----------
    query : SavedQuery
        The query; one that is not ``strict`` takes any parameter.
    params : dict
        The parameters given, by name.

    Raises
    ------
    QueryError
        One line naming the unknown parameters and listing the query's own.
    """
    if not query.strict:
        return
    known = [
        *query.params,
        *(p for p in statement_params(query.statement) if p not in query.params),
    ]
    unknown = [name for name in params if name not in known]
    if not unknown:
        return
    given = ", ".join(f"{name!r}{did_you_mean(name, known, cutoff=0.5)}" for name in unknown)
    plural = "s" if len(unknown) > 1 else ""
    if not known:
        raise QueryError(f"{query.name} has no parameter{plural} {given}; it takes no parameters")
    listed = ", ".join(
        f"{name} (default {format_literal(query.params[name])})"
        if name in query.params
        else f"{name} (no default)"
        for name in known
    )
    raise QueryError(f"{query.name} has no parameter{plural} {given}; its parameters: {listed}")


def format_defaults(query: SavedQuery) -> str:
    """The query's parameters with their defaults, as ``name=literal`` pairs.

    >>> format_defaults(parse_query("q", "// T\\n// :param ids => ['a', 'b']\\n// :param t => null\\nRETURN 1"))
    "ids=['a', 'b'], t=null"
    """
    return ", ".join(f"{name}={format_literal(value)}" for name, value in query.params.items())


def format_literal(value: object) -> str:
    """A Python value as a Cypher literal, the inverse of `parse_literal`.

    >>> format_literal(["a", 2, True, None, "it's"])
    "['a', 2, true, null, 'it\\\\'s']"
    >>> print(format_literal("two\\nlines\\x01"))
    'two\\nlines\\u0001'
    """
    if isinstance(value, str):
        return "'" + "".join(map(_escaped, value)) + "'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(format_literal(v) for v in value) + "]"
    return str(value)


def _escaped(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\u{ord(char):04x}" if ord(char) < 0x20 or ord(char) == 0x7F else char


def parse_literal(text: str):
    r"""A Cypher literal as Python: a string, a number, a boolean, null, or a list of them.

    Strings take single or double quotes and Cypher's escapes (``\'``, ``\"``, ``\\``,
    ``\n``, ``\t``, ``\r``, ``\b``, ``\f``, ``\uXXXX``); numbers are integers (``0x``
    and ``0o`` too) or decimals, with an optional sign and exponent; ``true``, ``false``
    and ``null`` may be in any case. Python's own tokenizer and `ast.literal_eval` read
    the text once each of its words is checked to be Cypher's, so a word inside a
    string is never taken for a keyword.

    Raises
    ------
    ValueError
        For anything else, naming the value and, where it can, what is wrong.

    Examples
    --------
    >>> parse_literal("['a', 2, -1.5, true, NULL]")
    ['a', 2, -1.5, True, None]
    >>> parse_literal("'null and void'"), parse_literal(r"'it\'s'"), parse_literal('"it\'s"')
    ('null and void', "it's", "it's")
    >>> parse_literal("'it''s'")
    Traceback (most recent call last):
    ValueError: cannot read the parameter value "'it''s'": two strings side by side; inside a string write a quote as \' ('it\'s') or use the other quotes ("it's")
    """
    words = []
    try:
        previous = None
        for token in tokenize.generate_tokens(io.StringIO(text.strip()).readline):
            if token.type not in _LAYOUT:
                words.append(_literal_word(token, previous))
                previous = token
        value = ast.literal_eval(" ".join(words))
    except _Unreadable as exc:
        raise ValueError(f"cannot read the parameter value {text!r}: {exc}") from None
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError, tokenize.TokenError):
        raise ValueError(f"cannot read the parameter value {text!r}") from None
    if not _is_cypher_value(value):  # "1, 2" reads as a Python tuple
        raise ValueError(f"cannot read the parameter value {text!r}")
    return value


class _Unreadable(Exception):
    """A would-be literal that Cypher would refuse, and why."""


def _literal_word(token: tokenize.TokenInfo, previous: tokenize.TokenInfo | None) -> str:
    """One token of a Cypher literal, as Python; ValueError when it is no literal's."""
    word = token.string
    if token.type == tokenize.STRING:
        # Python joins 'it''s' into "its"; Cypher refuses it.
        if previous is not None and previous.type == tokenize.STRING:
            raise _Unreadable(_SIDE_BY_SIDE)
        if word[0] not in "'\"" or word[:3] in (3 * "'", 3 * '"'):
            raise _Unreadable(f"{word} is no Cypher string")
        for escape in re.findall(r"\\(.)", word[1:-1], re.DOTALL):
            if escape not in _CYPHER_ESCAPES:
                raise _Unreadable(f"unknown escape \\{escape} in {word}")
        return word
    if token.type == tokenize.NUMBER and _NUMBER.fullmatch(word):
        return word
    if token.type == tokenize.NAME and word.lower() in _KEYWORDS:
        return _KEYWORDS[word.lower()]
    if token.type == tokenize.OP and word in ("[", "]", ",", "-", "+"):
        return word
    raise ValueError(word)


def _is_cypher_value(value: object) -> bool:
    if isinstance(value, list):
        return all(map(_is_cypher_value, value))
    return value is None or isinstance(value, (str, int, float, bool))
