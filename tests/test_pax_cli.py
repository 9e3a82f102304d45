"""`dipgraph import pax` and `dipgraph crosscheck pax` on the real PA-X excerpt (read
from ../shared/datasets, never copied here), as a researcher runs them."""

from __future__ import annotations

import shutil

import pytest
import yaml
from click.testing import CliRunner
from support import DATA
from test_pax import PAX_CSV

from dipgraph.cli import cli


@pytest.fixture
def pax_csv():
    if not PAX_CSV.is_file():
        pytest.skip(f"the PA-X excerpt is absent ({PAX_CSV}): download it to run these tests")
    return PAX_CSV


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A copy of the shipped records to import into."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_import_writes_records_that_validate_and_load(pax_csv, scratch):
    result = _run("import", "pax", pax_csv, "--process", "Karabakh")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:6] == [
        f"Read 33 PA-X agreements of 4 process(es) from {pax_csv}",
        "Wrote data/entities/pax.yaml",
        "Wrote data/claims/pax.yaml",
        "Wrote data/sources.yaml",
        "36 entities, 139 claims",
        "  PA-X 310 is the corpus's bishkek-protocol: its claims name it",
    ]
    # Read off the CSV by hand: Yeltsin and Nazarbayev are in no record of the corpus,
    # and Iran is a third party of the Tehran statement with no role stated.
    assert "  611 Part: Boris Yeltsin" in lines
    assert "  611 ThrdPart: Ye. Shaposhnikov" in lines
    assert "  pax-1683: iran" in lines
    entities = {e["id"]: e for e in yaml.safe_load((scratch / "entities" / "pax.yaml").read_text())}
    assert {k: entities["pax-611"][k] for k in ("name", "time", "stage")} == {
        "name": "Zheleznovodsk Declaration",
        "time": "1991-09-23",
        "stage": "pre-negotiation",
    }
    assert entities["pax-611"]["cite"] == [{"source": "pax", "record": "611"}]
    assert "pax-310" not in entities  # the corpus's Bishkek Protocol stands for it
    claims = yaml.safe_load((scratch / "claims" / "pax.yaml").read_text())["claims"]
    about_611 = {
        (c["subject"], c["predicate"], c.get("role")) for c in claims if c["object"] == "pax-611"
    }
    # "For the Russian Federation ... For Kazakhstan ... For the Republic of Armenia";
    # the third parties: a "Mediating mission" led by the presidents of Russia and Kazakhstan.
    assert about_611 == {
        ("russia", "PARTY_TO", None),
        ("kazakhstan", "PARTY_TO", None),
        ("armenia", "PARTY_TO", None),
        ("russia", "MEDIATED", "mediator"),
        ("kazakhstan", "MEDIATED", "mediator"),
    }
    validated = _run("validate")
    assert validated.exit_code == 0
    assert (
        validated.stdout == "340 entities, 1027 claims from 5 sources: no errors, 14 warning(s)\n"
    )
    assert _run("load", "--home", "store").exit_code == 0


def test_import_twice_is_refused_and_writes_nothing(pax_csv, scratch):
    assert _run("import", "pax", pax_csv, "--process", "Karabakh").exit_code == 0
    before = (scratch / "sources.yaml").read_text()
    result = _run("import", "pax", pax_csv, "--process", "Karabakh")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert (scratch / "sources.yaml").read_text() == before


def test_an_unknown_process_is_named_with_close_ones(pax_csv, scratch):
    result = _run("crosscheck", "pax", pax_csv, "--process", "Abkhazia")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {pax_csv}: no PA-X peace process has 'Abkhazia' in its name (PPName) "
        "or as its PP among its 4 processes\n"
    )


def test_crosscheck_lists_what_the_corpus_lacks(pax_csv, scratch):
    result = _run("crosscheck", "pax", pax_csv, "--process", "Karabakh")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "PA-X: 33 agreements; matched in the corpus: 1 (1 by name)",
        "  310 Bishkek Protocol = bishkek-protocol (name)",
        "Dates that disagree (0):",
    ]
    assert "PA-X agreements the corpus lacks (32):" in lines
    assert "  611 1991-09-23 Zheleznovodsk Declaration" in lines
    assert "  1683 1992-05-07 Joint Statement of the Heads of State in Tehran" in lines
    assert "Likely the same document, not matched by the rules (7; check by hand):" in lines
    assert "Corpus agreements of those years that PA-X lacks (45):" in lines
    assert "  unsc-resolution-822 UN Security Council Resolution 822" in lines


def test_a_row_with_a_bad_date_is_imported_without_it_and_said(tmp_path, monkeypatch):
    import csv

    from test_pax import COLUMNS

    monkeypatch.chdir(tmp_path)
    assert _run("init", "corpus").exit_code == 0
    path = tmp_path / "pax.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        row = {"Con": "X", "PP": "9", "PPName": "Kelmar process", "AgtId": "12", "Agt": "Accord"}
        writer.writerow(row | {"Dat": "31/02/2001", "Stage": "Pre"})
    result = _run("import", "pax", path, "--process", "Kelmar", "--data", "corpus/data")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "  in the file: AgtId 12: date '31/02/2001' is not a day (DD/MM/YYYY): left out"
    )
    entities = yaml.safe_load((tmp_path / "corpus" / "data" / "entities" / "pax.yaml").read_text())
    [accord] = [e for e in entities if e["id"] == "pax-12"]
    assert "time" not in accord
