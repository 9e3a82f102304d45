"""Property-based tests: whatever the records hold, validation ends in success or in
clean ``file:line: record: field: message`` lines, never in a traceback.

The demo dataset is mutated, as text (random YAML snippets in place of a value,
random bytes, duplicated or deleted lines) and as data (a field's value replaced by
random text, numbers, lists and mappings, control characters included, or deleted).
EDTF-like strings go through the time parser and through validation.

Every test runs a fixed number of examples from a fixed seed (``derandomize``), so
a run is reproducible and the whole file takes seconds.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support import write_demo

from dipgraph.cli import cli
from dipgraph.errors import TimeError
from dipgraph.loader import check_records, graph_rows
from dipgraph.loader.graph import build_networkx
from dipgraph.loader.timespan import parse_time
from dipgraph.loader.yamlio import read_yaml_text


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


PROBLEM = re.compile(r"^[^:\n]+:\d+: [^\n]+$")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FILES = ("sources.yaml", "entities/demo.yaml", "claims/demo.yaml", "coverage.yaml", "sides.yaml")
# The demo has neither file: these are what the mutations start from (sides.yaml names
# an Event, so it always gives one error; what matters is how the rest is reported).
EXTRA_FILES = {
    "coverage.yaml": "demo:\n  1: title\nnotes:\n  alice-doe:\n    '1994': the date\n",
    "sides.yaml": "example-talks:\n  one: [ruritania, alice-doe]\n  other: [freedonia]\n",
}

# Scalars as a curator might type them, and as an attacker would.
SNIPPETS = [
    "no", "yes", "on", "off", "Yes", "NO", "y", "1:20", "~", "null", "true", "False",
    "10^23", "1e400", "1.0e+400", ".nan", "-.inf", "0x1F", "0o17", "010", "1_000",
    str(2**63), str(-(2**63) - 1), "-0500", "0000", "2011-02-29", "9999~", "0001?",
    "Y170000002", "/1000-21?", "1994-05-05/..", "[1994..1996]", "{1994,1995}", "199X",
    "'quoted'", '"nul\\0"', '"\\uFFFE"', '"\\x7f"', '"\\x1b[31m"', "[]", "{}", "[a, [b]]",
    "{a: {b: c}}", "!!binary aGk=", "!!str 1", "!!int x", "!!float y", "!!bool maybe",
    "!!set {a}", "!!timestamp 2001-01-01", "!!python/object:os.system x", "&a x", "*a",
    "|\n  block", ">-", "? x", "- x", "a: b: c", "'", '"', "{", "[", "\t", "#", "%YAML 1.1",
    "---", "...", "@x", "`x`", "x" * 300, "é" * 2000, "<b>&amp;</b>",
]  # fmt: skip
FIELDS = [
    "id", "label", "name", "note", "aliases", "name_sources", "distinct_from", "cite",
    "source", "span", "at", "time", "subject", "predicate", "object", "confidence",
    "contradicts", "title", "authors", "chars", "sha256", "file", "published", "status",
    "kind", "on_behalf_of", "quantity", "value", "claims",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=12),
    st.text(st.characters(max_codepoint=0x2FF), max_size=8),  # controls and Latin-1 often
    st.sampled_from(["\x00", "\x01", "\x7f", "\x85", "\ufffe", "\uffff", "a\nb", "\u2028"]),
    st.sampled_from(SNIPPETS),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    texts,
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def _plain(value):
    """A parsed record as plain dicts and lists, for PyYAML's dumper."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# -- mutations ------------------------------------------------------------------------------
_VALUE = re.compile(r"(?<=: )[^\n,{}\[\]]*")


@dataclass(frozen=True)
class TextMutation:
    """A change to a file's text: a snippet for a value, bytes inserted, a line
    repeated (a duplicate key) or dropped, a line appended."""

    kind: str
    where: int
    snippet: str
    noise: bytes

    def __call__(self, text: str) -> bytes:
        lines = text.splitlines(keepends=True)
        if self.kind == "value":
            found = list(_VALUE.finditer(text))
            hit = found[self.where % len(found)]
            changed = text[: hit.start()] + self.snippet + text[hit.end() :]
            return changed.encode("utf-8", "surrogatepass")
        if self.kind == "bytes":
            raw = text.encode("utf-8")
            at = self.where % (len(raw) + 1)
            return raw[:at] + self.noise + raw[at:]
        index = self.where % len(lines)
        if self.kind == "repeat":
            lines.insert(index, lines[index])
        elif self.kind == "drop":
            del lines[index]
        else:
            lines.append(f"{self.snippet}\n")
        return "".join(lines).encode("utf-8", "surrogatepass")


@dataclass(frozen=True)
class DataMutation:
    """A change to a parsed record: a field (or its first citation's field) set to a
    random value or deleted, or the record repeated."""

    kind: str
    record: int
    field: str
    value: object

    def __call__(self, text: str) -> bytes:
        doc = _plain(read_yaml_text(text))
        items = doc.get("claims", doc) if isinstance(doc, dict) else doc
        if isinstance(items, dict):  # sides.yaml, coverage.yaml: mutate one entry's mapping
            items = [items[key] for key in items]
        item = items[self.record % len(items)]
        if self.kind == "set in cite" and item.get("cite"):
            item["cite"][0][self.field] = self.value
        elif self.kind.startswith("set"):
            item[self.field] = self.value
        elif self.kind == "delete":
            item.pop(self.field, None)
        else:
            items.append(dict(item))
        dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
        return dumped.encode("utf-8", "surrogatepass")


text_mutations = st.builds(
    TextMutation,
    st.sampled_from(["value", "value", "bytes", "repeat", "drop", "append"]),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from(SNIPPETS) | texts,
    st.binary(min_size=1, max_size=4),
)
data_mutations = st.builds(
    DataMutation,
    st.sampled_from(["set", "set", "set in cite", "delete", "repeat"]),
    st.integers(min_value=0, max_value=50),
    st.sampled_from(FIELDS),
    values,
)


# -- what every run must end in -------------------------------------------------------------
def assert_clean(data: Path) -> None:
    """Validation ends in problem lines only; records that pass give a graph whose every
    string is legal XML 1.0 (the GraphML and GEXF exports write them as they are)."""
    records, report = check_records(data)
    for problem in report.problems:
        assert PROBLEM.match(str(problem)), str(problem)
    event("valid" if report.ok else f"error in {report.errors[0].field.split('[')[0]}")
    if report.ok:
        rows = graph_rows(records)
        build_networkx(rows)
        for row in [*rows.nodes, *rows.edges]:
            for text in _strings(row.props):
                assert not XML_ILLEGAL.search(text), (row, text)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list | tuple | set):
        return [s for v in value for s in _strings(v)]
    return []


def _mutated_demo(folder: str, file: str, mutate: Callable[[str], bytes]) -> Path:
    data = write_demo(Path(folder))
    path = data / file
    if file in EXTRA_FILES:
        path.write_text(EXTRA_FILES[file], encoding="utf-8")
    path.write_bytes(mutate(path.read_text(encoding="utf-8")))
    return data


@fuzz(400)
@given(st.sampled_from(FILES), text_mutations)
def test_text_mutations_end_in_clean_problems(file, mutate):
    with tempfile.TemporaryDirectory() as folder:
        assert_clean(_mutated_demo(folder, file, mutate))


@fuzz(400)
@given(st.sampled_from(FILES), data_mutations)
def test_data_mutations_end_in_clean_problems(file, mutate):
    with tempfile.TemporaryDirectory() as folder:
        assert_clean(_mutated_demo(folder, file, mutate))


@fuzz(120)
@given(st.sampled_from(FILES), text_mutations | data_mutations)
def test_validate_exits_0_or_1_without_a_traceback(file, mutate):
    with tempfile.TemporaryDirectory() as folder:
        data = _mutated_demo(folder, file, mutate)
        result = CliRunner().invoke(cli, ["--data", str(data), "validate"])
    assert result.exit_code in (0, 1), result.exception
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    if result.exit_code == 1:
        assert lines[-1].startswith("Error: ")
        lines = lines[:-1]
    assert all(PROBLEM.match(line) for line in lines), lines


def test_the_unmutated_demo_is_valid():
    """The baseline the mutations start from passes, so a problem is the mutation's."""
    with tempfile.TemporaryDirectory() as folder:
        _, report = check_records(write_demo(Path(folder)))
    assert report.problems == []


# -- EDTF -----------------------------------------------------------------------------------
EDTF_ALPHABET = "0123456789-/~?%X.[]{},.YSEu "


@st.composite
def edtf_like(draw) -> str:
    """Values shaped like EDTF (more of them parse than of random text): years short
    and long, months and seasons, days, qualifiers, intervals and sets."""

    def date() -> str:
        digits = draw(st.sampled_from([4, 4, 4, 3, 5, 9]))
        year = draw(st.sampled_from(["", "", "-", "Y", "Y-"]))
        year += "".join(draw(st.sampled_from("0123456789X")) for _ in range(digits))
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            year += "-" + draw(st.sampled_from([f"{n:02d}" for n in range(42)] + ["XX", "1X"]))
        year += draw(st.sampled_from(["", "", "", "S2", "E3"]))
        return year + draw(st.sampled_from(["", "", "~", "?", "%"]))

    shape = draw(st.sampled_from(["date", "interval", "set"]))
    if shape == "date":
        return date()
    if shape == "interval":
        ends = ["", "..", date(), date()]
        return f"{draw(st.sampled_from(ends))}/{draw(st.sampled_from(ends))}"
    parts = [date() + draw(st.sampled_from(["", ".."])) for _ in range(draw(st.integers(1, 3)))]
    return draw(st.sampled_from("[{")) + ",".join(parts) + draw(st.sampled_from("]}"))


def assert_parses_cleanly(text: str) -> None:
    """A value or a `TimeError`; a value is within the supported years, and so is each
    end of it, which the analysis parses on its own."""
    try:
        span = parse_time(text)
    except TimeError:
        return
    for bound in (span.earliest, span.latest):
        assert bound is None or re.fullmatch(r"\d{4}-\d\d-\d\d", bound), (text, span)
    assert span.as_properties()["time"] == span.text
    for end in span.text.split("/"):
        if end not in ("", ".."):
            parse_time(end)


@fuzz(600)
@given(st.text(EDTF_ALPHABET, max_size=16))
def test_edtf_alphabet_soup_parses_or_is_a_time_error(text):
    assert_parses_cleanly(text)


@fuzz(600)
@given(edtf_like())
def test_edtf_shaped_values_parse_or_are_a_time_error(text):
    assert_parses_cleanly(text)


@fuzz(120)
@given(edtf_like() | st.text(EDTF_ALPHABET, max_size=16))
def test_edtf_values_validate_or_give_one_time_problem(text):
    quoted = "'" + text.replace("'", "''") + "'"
    with tempfile.TemporaryDirectory() as folder:
        data = write_demo(Path(folder))
        claims = data / "claims" / "demo.yaml"
        claims.write_text(
            claims.read_text().replace("time: 1994-05-05", f"time: {quoted}", 1),
            encoding="utf-8",
        )
        _, report = check_records(data)
    time_errors = [p for p in report.errors if p.field == "time"]
    assert [p for p in report.errors if p.field != "time"] == []
    assert len(time_errors) <= 1
    for problem in time_errors:
        assert PROBLEM.match(str(problem))
        assert problem.line == 3


@pytest.mark.parametrize(
    "text", ["2011-02-29", "9999~", "0001?", "-0500", "Y170000002", "/1000-21?", "0000"]
)
def test_the_reported_values_are_time_errors(text):
    with pytest.raises(TimeError):
        parse_time(text)
