"""Bad input is a clear ``file:line: record: field: message``, never a traceback or a
silently changed value: the reproducers of issue 13, one per row, through
``dipgraph validate``.

Each row writes one file into the demo dataset (the `demo` fixture) and gives the
exact lines ``validate`` must print; the messages and line numbers are worked out
from the row's text by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dipgraph.cli import cli
from dipgraph.loader import check_records
from dipgraph.loader.timespan import parse_time
from dipgraph.loader.yamlio import read_yaml_text, text_problem

ENTITY = (
    "- id: {id}\n  label: Person\n  name: {name}\n{extra}  cite: [{{source: demo, span: [0, 4]}}]\n"
)
CLAIM = "source: demo\nclaims:\n  - subject: {s}\n    predicate: {p}\n    object: {o}\n{extra}"
CITE = "    cite: [{span: [0, 4]}]\n"
OTHER_SOURCE = "- id: other\n  title: Other\n  file: other.txt\n  sha256: {sha}\n  chars: {chars}\n"
INT64 = "9223372036854775807"


def entity(id="dana-moe", name="Dana Moe", extra="") -> str:
    return ENTITY.format(id=id, name=name, extra=extra)


def claim(s="alice-doe", p="SIGNED", o="example-accord", extra=CITE) -> str:
    return CLAIM.format(s=s, p=p, o=o, extra=extra)


def timed(time: str) -> str:
    """A claim whose line 6 is ``time: <time>``."""
    return claim(extra=f"    time: {time}\n" + CITE)


def other_source(chars: str, extra: str = "") -> str:
    """A second source (lines 6-10; chars on line 10), so that a broken one does not
    take the demo's citations with it."""
    return OTHER_SOURCE.format(sha="ab" * 32, chars=chars) + extra


BAD = "data/entities/bad.yaml"
BAD_CLAIMS = "data/claims/bad.yaml"
SIGNED = "alice-doe SIGNED example-accord"
ARMS = "ruritania SUPPLIED_ARMS_TO freedonia"

# name: (file under data/, its text, the error lines validate prints)
CASES: dict[str, tuple[str, str, list[str]]] = {
    # -- YAML read strictly ------------------------------------------------------------
    "duplicate key": (
        "entities/bad.yaml",
        "- id: dana-moe\n  label: Person\n  name: Dana\n  name: Moe\n  cite: [{source: demo, span: [0, 4]}]\n",
        [f"{BAD}:4: -: yaml: duplicate key 'name' (first at line 3)"],
    ),
    "duplicate key in a flow mapping": (
        "claims/bad.yaml",
        claim(extra="    cite: [{span: [0, 4], span: [5, 9]}]\n"),
        [f"{BAD_CLAIMS}:6: -: yaml: duplicate key 'span' (first at line 6)"],
    ),
    "a key that is a boolean": (
        "entities/bad.yaml",
        entity(extra="  true: x\n"),
        [f"{BAD}:4: -: yaml: a key must be text or a number, not true"],
    ),
    "span of booleans": (
        "claims/bad.yaml",
        claim(extra="    cite: [{span: [false, true]}]\n"),
        [f"{BAD_CLAIMS}:6: {SIGNED}: cite[0].span: must be [start, end], two character offsets"],
    ),
    "chars written as a power": (
        "sources.yaml.append",
        other_source("10^23"),
        ["data/sources.yaml:10: other: chars: must be a positive integer"],
    ),
    "chars beyond 64 bits": (
        "sources.yaml.append",
        other_source("100000000000000000000000"),
        [
            f"data/sources.yaml:10: other: chars: 100000000000000000000000 is out of range: numbers must lie within ±{INT64} (64 bits)"
        ],
    ),
    "a value beyond 64 bits": (
        "claims/bad.yaml",
        claim(
            "ruritania", "SUPPLIED_ARMS_TO", "freedonia", "    value: 9223372036854775808\n" + CITE
        ),
        [
            f"{BAD_CLAIMS}:6: {ARMS}: value: 9223372036854775808 is out of range: numbers must lie within ±{INT64} (64 bits)"
        ],
    ),
    "a quantity that is not a number": (
        "claims/bad.yaml",
        claim("ruritania", "SUPPLIED_ARMS_TO", "freedonia", "    quantity: .nan\n" + CITE),
        [f"{BAD_CLAIMS}:6: {ARMS}: quantity: must be a finite number"],
    ),
    "an alias": (
        "entities/bad.yaml",
        entity(name="&n Dana Moe", extra="  aliases: [*n]\n"),
        [
            f"{BAD}:3: -: yaml: this anchor is used by an alias: aliases (*name) are not supported; write the value out"
        ],
    ),
    "a binary tag": (
        "entities/bad.yaml",
        entity(name="!!binary RGFuYQ=="),
        [
            f"{BAD}:3: -: yaml: YAML syntax: the tag !!binary is not supported: write text, a number, true or false, a list or a mapping"
        ],
    ),
    "nested too deep": (
        "entities/bad.yaml",
        entity(extra="  note: " + "[" * 70 + "]" * 70 + "\n"),
        [f"{BAD}:4: -: yaml: nested more than 64 levels deep"],
    ),
    # -- files -------------------------------------------------------------------------
    "a Latin-1 byte": (
        "entities/bad.yaml",
        entity(name="Dané Moe").encode("latin-1"),
        [
            f"{BAD}:3: -: yaml: not UTF-8: byte 0xE9 at offset 42 cannot be decoded (Latin-1 or Windows-1252 text?); save the file as UTF-8"
        ],
    ),
    "UTF-16 with a byte-order mark": (
        "entities/bad.yaml",
        entity().encode("utf-16"),
        [
            f"{BAD}:1: -: yaml: UTF-16 or UTF-32 text (byte-order mark at offset 0): save the file as UTF-8"
        ],
    ),
    "UTF-16 without a byte-order mark": (
        "entities/bad.yaml",
        entity().encode("utf-16-le"),
        [
            f"{BAD}:1: -: yaml: control character U+0000 at column 2: the file looks like UTF-16 or binary, not UTF-8 text"
        ],
    ),
    "a raw control character": (
        "entities/bad.yaml",
        entity(name="Dana\x01 Moe"),
        [f"{BAD}:3: -: yaml: control character U+0001 at column 13"],
    ),
    "a raw noncharacter": (
        "claims/bad.yaml",
        claim(extra="    note: ok\ufffe\n" + CITE),
        [f"{BAD_CLAIMS}:6: -: yaml: noncharacter U+FFFE at column 13"],
    ),
    # -- types -------------------------------------------------------------------------
    "a claim note that is a number": (
        "claims/bad.yaml",
        claim(extra="    note: 42\n" + CITE),
        [f"{BAD_CLAIMS}:6: {SIGNED}: note: must be text"],
    ),
    "an entity note that is a mapping": (
        "entities/bad.yaml",
        entity(extra="  note: {a: 1}\n"),
        [f"{BAD}:4: dana-moe: note: must be text"],
    ),
    "a name that is a mapping": (
        "entities/bad.yaml",
        entity(name="{a: b}"),
        [f"{BAD}:3: dana-moe: name: must be text"],
    ),
    "an id that is a number": (
        "entities/bad.yaml",
        entity(id="42"),
        [f"{BAD}:1: ?: id: must be text"],
    ),
    "authors as one string": (
        "sources.yaml.append",
        other_source("12", "  authors: Jane Roe\n"),
        ["data/sources.yaml:11: other: authors: must be a list of strings"],
    ),
    "a locator that is a number": (
        "claims/bad.yaml",
        claim(extra="    cite: [{span: [0, 4], at: 42}]\n"),
        [f"{BAD_CLAIMS}:6: {SIGNED}: cite[0].at: must be text"],
    ),
    "a subject that is a list": (
        "claims/bad.yaml",
        claim(s="[alice-doe]"),
        [f"{BAD_CLAIMS}:3: ['alice-doe'] SIGNED example-accord: subject: must be text"],
    ),
    "a time that is a list": (
        "claims/bad.yaml",
        timed("[1994]"),
        [
            f"{BAD_CLAIMS}:6: {SIGNED}: time: must be an EDTF date, such as 1994-05-05, 1994-05 or 1994/1996"
        ],
    ),
    "a confidence that is a list": (
        "claims/bad.yaml",
        claim(extra="    confidence: [high]\n" + CITE),
        [f"{BAD_CLAIMS}:6: {SIGNED}: confidence: ['high'] is not one of high, medium, low"],
    ),
    "a claims file naming its source with a list": (
        "claims/bad.yaml",
        claim().replace("source: demo", "source: [demo]"),
        [
            f"{BAD_CLAIMS}:1: -: source: must be text",
            f"{BAD_CLAIMS}:6: {SIGNED}: cite[0].source: missing required field",
        ],
    ),
    # -- control characters and lengths ------------------------------------------------
    "a NUL in a name": (
        "entities/bad.yaml",
        entity(name='"Dana\\0Moe"'),
        [f"{BAD}:3: dana-moe: name: contains control character U+0000 at position 5"],
    ),
    "DEL in a note": (
        "entities/bad.yaml",
        entity(extra='  note: "abc\\x7f"\n'),
        [f"{BAD}:4: dana-moe: note: contains control character U+007F at position 4"],
    ),
    "U+FFFF in a locator": (
        "claims/bad.yaml",
        claim(extra='    cite: [{span: [0, 4], at: "p\\uFFFF"}]\n'),
        [f"{BAD_CLAIMS}:6: {SIGNED}: cite[0].at: contains noncharacter U+FFFF at position 2"],
    ),
    "a control character in a key": (
        "entities/bad.yaml",
        entity(extra='  "no\\x1bte": x\n'),
        [
            f"{BAD}:4: dana-moe: no\\x1bte: contains control character U+001B at position 3",
            f"{BAD}:4: dana-moe: no\\x1bte: unknown field (did you mean note?)",
        ],
    ),
    "an id over 200 characters": (
        "entities/bad.yaml",
        entity(id="d" * 201),
        [f"{BAD}:1: {'d' * 60}... (201 characters): id: is 201 characters long; the limit is 200"],
    ),
    "a name over 1,000 characters": (
        "entities/bad.yaml",
        entity(name="D" * 1001),
        [f"{BAD}:3: dana-moe: name: is 1,001 characters long; the limit is 1,000"],
    ),
    "an alias over 1,000 characters": (
        "entities/bad.yaml",
        entity(extra=f"  aliases: [D. Moe, {'D' * 1001}]\n"),
        [f"{BAD}:4: dana-moe: aliases[1]: is 1,001 characters long; the limit is 1,000"],
    ),
    "a note over 10,000 characters": (
        "claims/bad.yaml",
        claim(extra=f"    note: {'n' * 10_001}\n" + CITE),
        [f"{BAD_CLAIMS}:6: {SIGNED}: note: is 10,001 characters long; the limit is 10,000"],
    ),
    # -- EDTF --------------------------------------------------------------------------
    "29 February of a common year": (
        "claims/bad.yaml",
        timed("2011-02-29"),
        [f"{BAD_CLAIMS}:6: {SIGNED}: time: invalid EDTF '2011-02-29': February 2011 has 28 days"],
    ),
    "approximately the last year": (
        "claims/bad.yaml",
        timed("9999~"),
        [
            f"{BAD_CLAIMS}:6: {SIGNED}: time: '9999~' reaches the year 10000: supported years are 1 to 9999"
        ],
    ),
    "perhaps the first year": (
        "claims/bad.yaml",
        timed("0001?"),
        [
            f"{BAD_CLAIMS}:6: {SIGNED}: time: '0001?' reaches the year 0: supported years are 1 to 9999"
        ],
    ),
    "a year before the era": (
        "claims/bad.yaml",
        timed("-0500"),
        [
            f"{BAD_CLAIMS}:6: {SIGNED}: time: '-0500' reaches the year -500: supported years are 1 to 9999"
        ],
    ),
    "a long year": (
        "claims/bad.yaml",
        timed("Y170000002"),
        [
            f"{BAD_CLAIMS}:6: {SIGNED}: time: 'Y170000002' reaches the year 170000002: supported years are 1 to 9999"
        ],
    ),
    "an uncertain season after an unknown start": (
        "claims/bad.yaml",
        timed("/1000-21?"),
        [
            f"{BAD_CLAIMS}:6: {SIGNED}: time: unsupported EDTF '/1000-21?': its bounds cannot be computed"
        ],
    ),
}


@pytest.fixture
def validate():
    def run(data: Path):
        return CliRunner().invoke(cli, ["--data", str(data), "validate"])

    return run


def _write(data: Path, relative: str, content: str | bytes) -> None:
    if relative.endswith(".append"):
        path = data / relative.removesuffix(".append")
        content = path.read_text(encoding="utf-8") + str(content)
    else:
        path = data / relative
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_bad_input_is_one_clear_line(demo, validate, case):
    relative, content, expected = CASES[case]
    _write(demo, relative, content)
    result = validate(Path("data"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *expected,
        f"Error: {len(expected)} error(s), 0 warning(s)",
    ]
    assert "Traceback" not in result.output


def _loop(data: Path) -> None:
    os.symlink("loop.yaml", data / "entities" / "loop.yaml")


def _dangling(data: Path) -> None:
    os.symlink("missing.yaml", data / "claims" / "gone.yaml")


def _fifo(data: Path) -> None:
    os.mkfifo(data / "claims" / "pipe.yaml")


def _claims_a_file(data: Path) -> None:
    (data / "claims" / "demo.yaml").unlink()
    (data / "claims").rmdir()
    (data / "claims").write_text("source: demo\n", encoding="utf-8")


FILE_CASES = {
    "a symbolic link loop": (
        _loop,
        "data/entities/loop.yaml:0: -: file: a symbolic link that loops back on itself",
    ),
    "a dangling symbolic link": (
        _dangling,
        "data/claims/gone.yaml:0: -: file: a symbolic link to 'missing.yaml', which does not exist",
    ),
    "a folder named *.yaml": (
        lambda data: (data / "entities" / "folder.yaml").mkdir(),
        "data/entities/folder.yaml:0: -: file: a folder, not a regular file",
    ),
    "a FIFO named *.yaml": (
        _fifo,
        "data/claims/pipe.yaml:0: -: file: a FIFO, socket or device, not a regular file",
    ),
    "sides.yaml a folder": (
        lambda data: (data / "sides.yaml").mkdir(),
        "data/sides.yaml:0: -: file: a folder, not a regular file",
    ),
    "coverage.yaml a dangling link": (
        lambda data: os.symlink("nowhere.yaml", data / "coverage.yaml"),
        "data/coverage.yaml:0: -: file: a symbolic link to 'nowhere.yaml', which does not exist",
    ),
    "claims a file": (
        _claims_a_file,
        "data/claims:0: -: file: a regular file: claims must be a folder",
    ),
}


@pytest.mark.parametrize("case", FILE_CASES, ids=list(FILE_CASES))
def test_files_that_are_not_regular_files_are_reported(demo, validate, case):
    make, expected = FILE_CASES[case]
    make(demo)
    result = validate(Path("data"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [expected, "Error: 1 error(s), 0 warning(s)"]


def test_a_link_to_a_regular_file_is_read(demo, validate):
    entities = demo / "entities"
    (demo / "elsewhere.txt").write_bytes((entities / "demo.yaml").read_bytes())
    (entities / "demo.yaml").unlink()
    os.symlink("../elsewhere.txt", entities / "demo.yaml")
    result = validate(Path("data"))
    assert result.exit_code == 0
    assert result.output == "9 entities, 5 claims from 1 sources: no errors, 0 warning(s)\n"


def test_an_odd_entry_the_records_do_not_use_is_a_warning(demo, validate):
    os.mkfifo(demo / "notes")
    os.symlink("nowhere", demo / "entities" / "README")
    result = validate(Path("data"))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "data/entities/README:0: -: file: warning: a symbolic link to 'nowhere', which does not exist: dipgraph reads only regular files and folders",
        "data/notes:0: -: file: warning: a FIFO, socket or device, not a regular file: dipgraph reads only regular files and folders",
    ]


def test_yaml_1_1_words_and_clock_times_stay_text(demo):
    (demo / "entities" / "more.yaml").write_text(
        "- id: no\n  label: Person\n  name: Yes\n  aliases: [on, off, 'y', n]\n"
        "  note: met at 1:20 in 010 pieces\n  cite: [{source: demo, span: [0, 4]}]\n",
        encoding="utf-8",
    )
    records, report = check_records(demo)
    assert report.errors == []
    person = records.entities["no"]
    assert (person.name, person.aliases, person.note) == (
        "Yes",
        ["on", "off", "y", "n"],
        "met at 1:20 in 010 pieces",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("x: no", "no"),
        ("x: Yes", "Yes"),
        ("x: 1:20", "1:20"),
        ("x: 2011-06-24", "2011-06-24"),
        ("x: 010", 10),  # YAML 1.1 read 8 (octal)
        ("x: 1_000", "1_000"),
        ("x: 0x1F", 31),
        ("x: true", True),
        ("x: FALSE", False),
        ("x: 2.5e+6", 2500000.0),
        ("x: 2.5e6", "2.5e6"),  # a float needs a signed exponent; the number check says so
        ("x: ~", None),
        ("x: 123456789012345678901234567890", 123456789012345678901234567890),
    ],
)
def test_the_yaml_1_2_core_schema(text, value):
    parsed = read_yaml_text(text)["x"]
    assert parsed == value
    assert type(parsed) is type(value)


def test_a_time_keeps_the_digits_it_was_written_with(demo):
    """``time: -0500`` is an integer to YAML; the date parser sees what was written."""
    (demo / "claims" / "bad.yaml").write_text(timed("0994"), encoding="utf-8")
    records, report = check_records(demo)
    assert report.errors == []
    [late] = [c for c in records.claims if c.path == "data/claims/bad.yaml"]
    assert late.time is not None
    assert (late.time.text, late.time.earliest) == ("0994", "0994-01-01")


def test_all_problems_of_a_file_at_once(demo, validate):
    (demo / "claims" / "bad.yaml").write_text(
        claim(extra="    note: 42\n    time: 2011-02-29\n    cite: [{span: [true, 4], at: 7}]\n"),
        encoding="utf-8",
    )
    (demo / "entities" / "bad.yaml").write_text(
        entity(name="{a: b}", extra='  note: "\\0"\n'), encoding="utf-8"
    )
    result = validate(Path("data"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{BAD_CLAIMS}:6: {SIGNED}: note: must be text",
        f"{BAD_CLAIMS}:7: {SIGNED}: time: invalid EDTF '2011-02-29': February 2011 has 28 days",
        f"{BAD_CLAIMS}:8: {SIGNED}: cite[0].at: must be text",
        f"{BAD_CLAIMS}:8: {SIGNED}: cite[0].span: must be [start, end], two character offsets",
        f"{BAD}:3: dana-moe: name: must be text",
        f"{BAD}:4: dana-moe: note: contains control character U+0000 at position 1",
        "Error: 6 error(s), 0 warning(s)",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\ud800", "contains lone surrogate U+D800 at position 1"),
        ("ok\udfff", "contains lone surrogate U+DFFF at position 3"),
        ("a\x85", "contains control character U+0085 at position 2"),
        ("tab\there\r\nand a new line", None),
        ("Jiří Dienstbier — «Minsk»", None),
    ],
)
def test_the_string_check(text, message):
    assert text_problem(text) == message


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("0001", ("0001-01-01", "0001-12-31")),
        ("9999", ("9999-01-01", "9999-12-31")),
        ("2000-02-29", ("2000-02-29", "2000-02-29")),
        ("1996-02-29/1997", ("1996-02-29", "1997-12-31")),
    ],
)
def test_the_supported_range_is_inclusive(text, bounds):
    span = parse_time(text)
    assert (span.earliest, span.latest) == bounds
