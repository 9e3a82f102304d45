"""The PA-X import and cross-check (dipgraph.loader.pax).

Two kinds of input: the real excerpt of the PA-X export (33 Nagorno-Karabakh rows,
beside the repository, never copied into it; those tests skip when it is absent),
and tiny CSV files of invented rows in PA-X's column layout. The expected values for
the excerpt were read off its rows and the shipped records by hand.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from support import DATA

from dipgraph.errors import CorpusError, DipgraphError
from dipgraph.loader import check_records, parse_time
from dipgraph.loader.pax import (
    PAX_COLUMNS,
    PaxAgreement,
    crosscheck_pax,
    import_pax,
    read_pax,
    write_pax_import,
)
from dipgraph.loader.records import Entity, Records

PAX_CSV = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "pax-karabakh.csv"
COLUMNS = ["Con", "PP", "PPName", "AgtId", "Agt", "Dat", "Stage", "Part", "ThrdPart"]
COLUMNS += ["Loc1ISO", "PAX_Hyperlink"]


# -- the real excerpt -------------------------------------------------------------------


@pytest.fixture(scope="module")
def karabakh():
    if not PAX_CSV.is_file():
        pytest.skip(f"the PA-X excerpt is absent ({PAX_CSV}): download it to run these tests")
    return read_pax(PAX_CSV, process="Karabakh")


@pytest.fixture(scope="module")
def corpus() -> Records:
    records, report = check_records(DATA)
    assert report.errors == []
    return records


@pytest.fixture(scope="module")
def imported(karabakh, corpus):
    return import_pax(corpus, karabakh)


def test_karabakh_names_four_processes_and_33_rows(karabakh):
    assert len(karabakh) == 33
    assert karabakh.problems == []
    assert {(a.process_id, a.process_name) for a in karabakh} == {
        ("8", "Armenia-Azerbaijan-Nagorno Karabakh: Process 1990s"),
        ("161", "Armenia-Azerbaijan-Nagorno Karabakh: Process 2020"),
        ("162", "Armenia-Azerbaijan-Nagorno Karabakh: OSCE Minsk Process"),
        ("188", "Armenia-Azerbaijan-Nagorno Karabakh: US-led process"),
    }


@pytest.mark.parametrize(
    ("agt_id", "name", "date", "stage", "process"),
    [
        ("611", "Zheleznovodsk Declaration", "1991-09-23", "pre-negotiation", "8"),
        ("310", "Bishkek Protocol", "1994-05-05", "ceasefire", "8"),
        ("1683", "Joint Statement of the Heads of State in Tehran", "1992-05-07", "pre-negotiation", "8"),
        ("1732", "Agreement on the Implementation of the 18 February 1994 Protocol", "1994-04-28", "ceasefire", "8"),
        ("1686", "Joint Statement by the Heads of Delegation of the OSCE Minsk Group Co-Chair Countries and the Presidents of Azerbaijan and Armenia", "2010-12-01", "renewal", "162"),
        # the title's line break is gone
        ("2454", "Trilateral Statement of the leaders of Azerbaijan, Russian Federation and Armenia", "2022-10-31", "implementation", "162"),
        ("2455", "Trilateral Statement of the leaders of Azerbaijan, Russian Federation and Armenia of January 11, 2021", "2021-01-11", "implementation", "161"),
        ("2804", "Joint Declaration by the President of the Republic of Azerbaijan, the Prime Minister of the Republic of Armenia and the President of the United States of America on the outcomes of their meeting in Washington D.C., United States of America", "2025-08-08", "pre-negotiation", "188"),
    ],
)  # fmt: skip
def test_a_row_read(karabakh, agt_id, name, date, stage, process):
    [row] = [a for a in karabakh if a.agt_id == agt_id]
    assert (row.name, row.date, row.stage, row.process_id) == (name, date, stage, process)
    assert row.url == f"https://www.peaceagreements.org/agreements/{agt_id}/"


def test_the_texts_and_country_are_kept(karabakh):
    [row] = [a for a in karabakh if a.agt_id == "1683"]
    assert row.country == "AZE"
    assert row.parties.startswith("The Azerbaijan Republic\nYa. MAMEDOV")
    assert row.third_parties == "The Islamic Republic of Iran\nAkbar HASHEMI RAFSANJANI"


@pytest.mark.parametrize(
    ("process", "ids"),
    [
        ("161", ["2322", "2321", "2324", "2455", "2396", "2601"]),  # PP equals it
        ("188", ["2804"]),
        ("osce minsk", ["1686", "1687", "1926", "2468", "2454"]),  # in PPName, any case
        ("US-led", ["2804"]),
    ],
)
def test_a_process_is_chosen_by_its_number_or_part_of_its_name(karabakh, process, ids):
    assert [a.agt_id for a in read_pax(PAX_CSV, process=process)] == ids


def test_an_unknown_process_names_the_close_ones(karabakh):
    with pytest.raises(CorpusError, match="did you mean 'Armenia-Azerbaijan-Nagorno Karabakh"):
        read_pax(PAX_CSV, process="Karabah")


def test_a_number_is_a_process_number_not_part_of_a_name(karabakh):
    assert len(read_pax(PAX_CSV, process="8")) == 21  # not "Process 1990s" for "1"
    with pytest.raises(CorpusError, match="no PA-X peace process has '1' in its name"):
        read_pax(PAX_CSV, process="1")


# -- importing the excerpt into the shipped records ----------------------------------------


def _claims_of(result, agreement: str) -> set[tuple]:
    return {
        (c["subject"], c["predicate"], c.get("role"))
        for c in result.claims
        if c["object"] == agreement or c["subject"] == agreement
    }


@pytest.mark.parametrize(
    ("agreement", "claims"),
    [
        # "Mediating mission, led by President Boris Yeltsin of the Russian Federation and
        # President Nursultan Nazarbayev of Kazakhstan": the states are in the corpus, the
        # presidents are not.
        ("pax-611", {("pax-611", "PART_OF", None), ("russia", "PARTY_TO", None), ("kazakhstan", "PARTY_TO", None),
                     ("armenia", "PARTY_TO", None), ("russia", "MEDIATED", "mediator"), ("kazakhstan", "MEDIATED", "mediator")}),
        # Iran is a third party with no stated role: no claim about it.
        ("pax-1683", {("pax-1683", "PART_OF", None), ("azerbaijan", "PARTY_TO", None), ("armenia", "PARTY_TO", None),
                      ("levon-ter-petrosyan", "PARTY_TO", None)}),
        # The corpus has the Bishkek Protocol: its claims name that record. Kazimirov's
        # paragraph names the Russian Mediation Mission he headed and the Russian Federation.
        ("bishkek-protocol", {("bishkek-protocol", "PART_OF", None), ("rasul-guliyev", "PARTY_TO", None),
                              ("nkr", "PARTY_TO", None), ("armenia", "PARTY_TO", None),
                              ("vladimir-kazimirov", "MEDIATED", "mediator"), ("russia", "MEDIATED", "mediator")}),
        ("pax-1731", {("pax-1731", "PART_OF", None), ("afiyaddin-jalilov", "PARTY_TO", None), ("azerbaijan", "PARTY_TO", None),
                      ("nkr", "PARTY_TO", None), ("vladimir-kazimirov", "MEDIATED", "mediator")}),
        # "S. Sargsyan" is Serzh, not Vazgen; "Nagorno-Karabakh" the state, not the place.
        ("pax-1726", {("pax-1726", "PART_OF", None), ("azerbaijan", "PARTY_TO", None), ("nkr", "PARTY_TO", None),
                      ("serzh-sargsyan", "PARTY_TO", None)}),
        # "Agreement witnessed by: President of the Russian Federation V.V.Putin"
        ("pax-2455", {("pax-2455", "PART_OF", None), ("azerbaijan", "PARTY_TO", None), ("armenia", "PARTY_TO", None),
                      ("nikol-pashinyan", "PARTY_TO", None), ("russia", "SIGNED", "witness"), ("vladimir-putin", "SIGNED", "witness")}),
        ("pax-2804", {("pax-2804", "PART_OF", None), ("ilham-aliyev", "PARTY_TO", None), ("azerbaijan", "PARTY_TO", None),
                      ("nikol-pashinyan", "PARTY_TO", None), ("armenia", "PARTY_TO", None), ("united-states", "SIGNED", "witness")}),
        # Putin is a third party here with no role stated ("Page 1: President of ...").
        ("pax-2396", {("pax-2396", "PART_OF", None), ("azerbaijan", "PARTY_TO", None), ("ilham-aliyev", "PARTY_TO", None),
                      ("armenia", "PARTY_TO", None), ("nikol-pashinyan", "PARTY_TO", None)}),
    ],
)  # fmt: skip
def test_the_claims_an_agreement_gets(imported, agreement, claims):
    assert _claims_of(imported, agreement) == claims


@pytest.mark.parametrize(
    ("agreement", "third_parties"),
    [
        ("pax-1683", ["iran"]),
        ("bishkek-protocol", ["vladimir-shumeyko", "medetkan-sherimkulov", "kyrgyzstan", "mikhail-krotov"]),
        ("pax-1732", ["russia", "pavel-grachev", "vladimir-kazimirov"]),
        ("pax-2396", ["russia", "vladimir-putin"]),
        ("pax-611", []),  # both third parties mediated
    ],
)  # fmt: skip
def test_third_parties_without_a_stated_role_are_listed(imported, agreement, third_parties):
    assert [e for a, e in imported.unstated_roles if a == agreement] == third_parties


@pytest.mark.parametrize(
    ("agt_id", "column", "text"),
    [
        ("611", "Part", "Boris Yeltsin"),
        ("611", "Part", "Nursultan Nazarbayev"),
        ("611", "Part", "Ayaz Mutalibov"),
        ("611", "Part", "Levon Ter-Petrosian"),  # the corpus spells him Ter-Petrosyan
        ("611", "Part", "Azerbaijani Republic"),
        ("611", "ThrdPart", "Ye. Shaposhnikov"),
        ("611", "ThrdPart", "R. Kocharian"),
        ("1683", "ThrdPart", "Akbar HASHEMI RAFSANJANI"),
        ("1723", "Part", "S. Aliyev"),  # neither Heydar nor Ilham
        ("310", "Part", "K. Babourian"),
        ("1686", "Part", "Serge Sargsian"),
        ("1731", "ThrdPart", "Russian Ministry of Foreign Affairs"),
        ("2804", "ThrdPart", "Donald J. TRUMP"),
    ],
)
def test_names_no_entity_has_are_listed(imported, agt_id, column, text):
    assert (agt_id, column, text) in imported.unmatched


@pytest.mark.parametrize(
    ("agt_id", "column", "entity", "spelling"),
    [
        ("1683", "Part", "levon-ter-petrosyan", "L. TER-PETROSYAN"),
        ("1683", "ThrdPart", "iran", "Iran"),
        ("1684", "Part", "serzh-sargsyan", "Serge Sargsyan"),
        ("1723", "Part", "karen-baburyan", "K Baburyan"),
        ("1733", "ThrdPart", "pavel-grachev", "P.S. Grachov"),
        ("2396", "Part", "ilham-aliyev", "I. H. Aliyev"),
    ],
)
def test_the_spelling_found_is_recorded(imported, agt_id, column, entity, spelling):
    assert (agt_id, column, entity, spelling) in imported.matched


def test_titles_and_headings_are_not_names(imported):
    texts = {text for _, _, text in imported.unmatched}
    for phrase in ("Taking part in the discussion of the communiqué were", "Mediating mission"):
        assert not any(phrase.startswith(text) for text in texts)
    assert not texts & {"President", "Minister of Defence", "Colonel", "Parties", "Page 1", "MFA"}


def test_the_import_counts(imported):
    assert imported.linked == [("310", "bishkek-protocol")]
    assert len(imported.entities) == 36  # 32 new agreements, 4 processes
    predicates: dict[tuple, int] = {}
    for claim in imported.claims:
        key = (claim["predicate"], claim.get("role"))
        predicates[key] = predicates.get(key, 0) + 1
    assert predicates == {
        ("PART_OF", None): 33,
        ("PARTY_TO", None): 96,
        ("MEDIATED", "mediator"): 5,
        ("SIGNED", "witness"): 5,
    }
    assert len(imported.unstated_roles) == 38
    assert len(imported.unmatched) == 64


@pytest.mark.parametrize(
    ("ident", "fields"),
    [
        ("pax-611", {"name": "Zheleznovodsk Declaration", "kind": "declaration", "status": "signed", "stage": "pre-negotiation", "time": "1991-09-23"}),
        ("pax-990", {"name": "Ceasefire Agreement Signed in Bishkek", "kind": "ceasefire", "stage": "ceasefire", "time": "1994-05-11"}),
        ("pax-1732", {"kind": "agreement"}),  # it implements a protocol: not one
        ("pax-1731", {"kind": "statement"}),  # a communiqué
        ("pax-1925", {"kind": "statement", "status": None}),  # "Agreement not signed"
        ("pax-2601", {"status": None}),  # "Not signed"
        ("pax-process-8", {"label": "Format", "kind": "process", "name": "Armenia-Azerbaijan-Nagorno Karabakh: Process 1990s"}),
    ],
)  # fmt: skip
def test_an_entity_made(imported, ident, fields):
    [entity] = [e for e in imported.entities if e["id"] == ident]
    assert {key: entity.get(key) for key in fields} == fields


def test_the_import_writes_records_that_validate(imported, corpus, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    sources_before = (data / "sources.yaml").read_text(encoding="utf-8")
    written = write_pax_import(imported, data)
    assert written == [
        data / "entities" / "pax.yaml",
        data / "claims" / "pax.yaml",
        data / "sources.yaml",
    ]
    records, report = check_records(data)
    assert report.errors == []
    assert [str(w) for w in report.warnings if "pax.yaml" in str(w)] == []
    assert len(records.entities) - len(corpus.entities) == 36
    assert len(records.claims) - len(corpus.claims) == 139
    assert records.sources["pax"].dataset == "pax"
    assert (data / "sources.yaml").read_text(encoding="utf-8").startswith(sources_before)
    assert records.entities["pax-611"].time.text == "1991-09-23"
    assert [str(c) for c in records.entities["pax-611"].cites] == ["pax#611"]
    claims = (data / "claims" / "pax.yaml").read_text(encoding="utf-8")
    assert claims.startswith("# Claims imported from the PA-X Peace Agreements Database")
    assert "#   611 ThrdPart: Ye. Shaposhnikov\n" in claims
    assert "#   pax-1683: iran\n" in claims
    # A second import refuses: the files are there, and so are the ids.
    with pytest.raises(CorpusError, match="already there; nothing written"):
        write_pax_import(imported, data)
    with pytest.raises(CorpusError, match="already have pax-process-8"):
        import_pax(records, read_pax(PAX_CSV, process="Karabakh"))


# -- cross-checking the excerpt with the shipped records ------------------------------------

MISSING = [
    *("611", "1683", "1721", "1722", "1723", "1724", "1725", "1726", "1727", "1728", "1729"),
    *("1730", "1731", "1732", "990", "1733", "1684", "823", "1685", "1686", "1687", "1925"),
    *("1926", "2322", "2321", "2324", "2455", "2396", "2468", "2454", "2601", "2804"),
]


def test_the_crosscheck_with_the_shipped_records(karabakh, corpus):
    check = crosscheck_pax(corpus, karabakh)
    assert check.matches == [("310", "bishkek-protocol", "name")]
    assert [row.agt_id for row in check.missing] == MISSING
    assert check.date_disagreements == []  # both date the Bishkek Protocol 5 May 1994
    # Agreements dated from 1991-09-23 to 2025-08-08 that no row matched: all but the
    # three treaties of the 1920s, the two undated ones and the Bishkek Protocol.
    assert len(check.graph_only) == 45
    for ident in ("meindorf-declaration", "alma-ata-protocols", "november-2020-statement"):
        assert ident in check.graph_only
    for ident in ("treaty-of-kars", "collective-security-treaty", "bishkek-protocol"):
        assert ident not in check.graph_only
    assert check.near_misses == [
        ("990", "ceasefire-1994", "1 day(s) apart; both say bishkek, ceasefire"),
        ("1733", "ceasefire-reaffirmation-1994", "dated 1994-07-27, within 1994-07-26/1994-07-27"),
        ("823", "meindorf-declaration", "the same day"),
        ("1685", "astrakhan-statement", "the same day"),
        ("1687", "sochi-statement-2011", "the same day"),
        ("2322", "moscow-ceasefire-2020", "the same day"),
        ("2324", "november-2020-statement", "dated 2020-11-10, within 2020-11-09/2020-11-10"),
    ]


# -- invented rows --------------------------------------------------------------------------


def _write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _row(agt_id: str, name: str, date: str, **more: str) -> dict[str, str]:
    row = {
        "Con": "Ruritania/Freedonia",
        "PP": "9",
        "PPName": "Ruritania-Freedonia: Exampleton process",
    }
    row |= {"AgtId": agt_id, "Agt": name, "Dat": date, "Stage": "Cea", "Part": "", "ThrdPart": ""}
    row |= {
        "Loc1ISO": "RUR",
        "PAX_Hyperlink": f"https://www.peaceagreements.org/agreements/{agt_id}/",
    }
    return row | more


EXAMPLE_ROWS = [
    _row(
        "1", "Example Accord", "05/05/1994",
        Part="For Ruritania:\nAlice Doe\nFor Freedonia:\nBob Roe",
        ThrdPart="Carol Poe, Peace Office (as mediator)\n\nDan Moe\n(Observer)",
    ),
    _row(
        "2", "Exampleton Protocol on Guarantees", "12/05/1994", Stage="Imp",
        Part="President of Ruritania\nPresident of Freedonia",
        ThrdPart="Guaranteed by the Peace Office\n\nCarol Poe attended",
    ),
    _row("3", "Truce of the Exampleton River", "", Stage="", Part="Not signed: Ruritania"),
]  # fmt: skip


def test_invented_rows_import_into_the_demo_records(demo, tmp_path):
    rows = read_pax(_write_csv(tmp_path / "pax.csv", EXAMPLE_ROWS), process="exampleton")
    assert rows.problems == ["AgtId 3: date '' is not a day (DD/MM/YYYY): left out"]
    records, _ = check_records(demo)
    result = import_pax(records, rows)
    assert result.linked == [("1", "example-accord")]
    assert [e["id"] for e in result.entities] == ["pax-process-9", "pax-2", "pax-3"]
    assert _claims_of(result, "pax-2") == {
        ("pax-2", "PART_OF", None),
        ("ruritania", "PARTY_TO", None),
        ("freedonia", "PARTY_TO", None),
        ("peace-office", "SIGNED", "guarantor"),
    }
    assert ("example-accord", "peace-office") not in result.unstated_roles
    assert result.unstated_roles == [("pax-2", "carol-poe")]
    assert result.unmatched == [("1", "ThrdPart", "Dan Moe")]
    assert ("carol-poe", "MEDIATED", "mediator") in _claims_of(result, "example-accord")
    assert next(e for e in result.entities if e["id"] == "pax-3") == {
        "id": "pax-3", "label": "Agreement", "name": "Truce of the Exampleton River",
        "kind": "ceasefire", "cite": [{"source": "pax", "record": "3"}],
    }  # fmt: skip
    write_pax_import(result, demo)
    _, report = check_records(demo)
    assert [str(p) for p in report.errors + report.warnings] == []


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (["AgtId", "Agt", "Dat"], "no column PP, PPName, Stage, Part, ThrdPart, Loc1ISO, PAX_Hyperlink"),
        ([c for c in COLUMNS if c != "ThrdPart"], "not a PA-X export: no column ThrdPart ("),
    ],
)  # fmt: skip
def test_a_file_without_the_pax_columns_is_refused(tmp_path, columns, message):
    path = _write_csv(tmp_path / "other.csv", EXAMPLE_ROWS, columns)
    with pytest.raises(CorpusError) as raised:
        read_pax(path, process="9")
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("date", "expected", "problem"),
    [
        ("13/03/2003", "2003-03-13", None),
        ("1/2/2003", "2003-02-01", None),
        ("31/02/2003", None, "AgtId 5: date '31/02/2003' is not a day (DD/MM/YYYY): left out"),
        ("2003-03-13", None, "AgtId 5: date '2003-03-13' is not a day (DD/MM/YYYY): left out"),
        ("03/2003", None, "AgtId 5: date '03/2003' is not a day (DD/MM/YYYY): left out"),
        ("", None, "AgtId 5: date '' is not a day (DD/MM/YYYY): left out"),
    ],
)
def test_a_date_that_is_not_a_day_is_a_problem_not_an_error(tmp_path, date, expected, problem):
    rows = read_pax(_write_csv(tmp_path / "pax.csv", [_row("5", "Accord", date)]), process="9")
    assert [row.date for row in rows] == [expected]
    assert rows.problems == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (_row("5", "Accord", "01/01/2003", Stage="Final"), "AgtId 5: unknown Stage code 'Final': left out"),
        (_row("05", "Accord", "01/01/2003"), "has AgtId '05', not a PA-X id: left out"),
        (_row("", "Accord", "01/01/2003"), "has AgtId '', not a PA-X id: left out"),
    ],
)  # fmt: skip
def test_other_row_problems(tmp_path, row, problem):
    rows = read_pax(_write_csv(tmp_path / "pax.csv", [row, _row("6", "Other", "")]), process="9")
    assert problem in rows.problems[0]


@pytest.mark.parametrize(
    ("process", "message"),
    [
        ("Exampletn", "did you mean 'Ruritania-Freedonia: Exampleton process' (PP 9)?"),
        ("Lindenau", "no PA-X peace process has 'Lindenau' in its name (PPName) or as its PP among its 1 processes"),
        ("  ", "name a PA-X peace process"),
    ],
)  # fmt: skip
def test_an_unknown_process_says_so(tmp_path, process, message):
    path = _write_csv(tmp_path / "pax.csv", EXAMPLE_ROWS)
    with pytest.raises(CorpusError) as raised:
        read_pax(path, process=process)
    assert message in str(raised.value)


def test_an_unreadable_file_is_a_dipgraph_error(tmp_path):
    (tmp_path / "latin1.csv").write_bytes("AgtId,Agt\n1,Acc\xf6rd\n".encode("latin-1"))
    for path in (tmp_path / "latin1.csv", tmp_path / "absent.csv"):
        with pytest.raises(DipgraphError, match=path.name):
            read_pax(path, process="9")


# -- the cross-check's rules, on invented records -------------------------------------------


def _records(*agreements: tuple[str, list[str], str | None]) -> Records:
    records = Records(root=Path("."))
    for number, (name, aliases, time) in enumerate(agreements):
        span = parse_time(time) if time else None
        ident = f"a{number}"
        records.entities[ident] = Entity(
            ident, "Agreement", name, aliases, {}, [], "", 1, time=span
        )
    return records


def _agreement(agt_id: str, name: str, date: str | None) -> PaxAgreement:
    return PaxAgreement(agt_id, name, date, None, "9", "Exampleton process")


@pytest.mark.parametrize(
    ("pax_name", "entity", "how"),
    [
        ("Lindenau Declaration", ("Lindenau Declaration", [], "2003-03-13"), "name"),
        ("LINDENAU declaration", ("Lindenau Declaration", [], None), "name"),  # undated
        ("Lindenau Accord", ("Lindenau Declaration", ["Lindenau Accord"], "2003"), "alias"),
        ("Joint Statement on the Lindenau River Ceasefire", ("Ceasefire on the river at Lindenau", [], "2003-03-13"), "date and words"),
        ("Joint Statement on the Lindenau River Ceasefire", ("Ceasefire on the river at Lindenau", [], "2003-03"), None),  # not that day
        ("Joint Statement of the Presidents on Lindenau", ("Lindenau statement of the presidents", [], "2003-03-13"), None),  # one word
        ("Lindenau Declaratoin", ("Lindenau Declaration", [], "2004-06"), "name"),  # similar, a year apart
        ("Lindenau Declaratoin", ("Lindenau Declaration", [], "2006"), None),  # similar, years apart
        ("Lindenau Declaratoin", ("Lindenau Declaration", [], None), None),  # similar, undated
    ],
)  # fmt: skip
def test_the_matching_rules(pax_name, entity, how):
    check = crosscheck_pax(_records(entity), [_agreement("1", pax_name, "2003-03-13")])
    assert check.matches == ([("1", "a0", how)] if how else [])


def test_each_row_and_agreement_matches_once_best_first():
    records = _records(
        ("Lindenau Declaration", [], "2003-03-13"),
        ("Declaration of Lindenau", ["Lindenau Declaration"], "2003-03-13"),
    )
    rows = [_agreement("1", "Lindenau Declaration", "2003-03-13")] * 3
    check = crosscheck_pax(records, rows)
    assert check.matches == [("1", "a0", "name"), ("1", "a1", "alias")]
    assert len(check.missing) == 1


def test_dates_that_disagree_and_what_pax_lacks():
    records = _records(
        ("Lindenau Declaration", [], "2003-04"),  # matched by name, another month
        ("Exampleton Protocol", [], "2003-03-13/2003-03-15"),  # matched, contains the day
        ("River Plan", [], "2005"),  # within the rows' dates, no row
        ("Old Treaty", [], "1920"),  # before them
        ("Undated Memorandum", [], None),
    )
    rows = [
        _agreement("1", "Lindenau Declaration", "2003-03-13"),
        _agreement("2", "Exampleton Protocol", "2003-03-14"),
        _agreement("3", "Ostmark Statement", "2008-01-01"),
        _agreement("4", "Undated row", None),
    ]
    check = crosscheck_pax(records, rows)
    assert check.date_disagreements == [("1", "a0", "2003-03-13", "2003-04")]
    assert check.graph_only == ["a2"]
    assert [row.agt_id for row in check.missing] == ["3", "4"]


# -- whatever the file holds, a clear error or rows: never a traceback ------------------------

CELLS = st.one_of(
    st.sampled_from(["", "31/02/1994", "1/1/1", "05/05/1994", "Pre", "Xyz", "0", "-1", "611"]),
    st.text(max_size=30),
)


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(
    header=st.one_of(  # every column PA-X has, in any order; or a random few
        st.permutations([*PAX_COLUMNS, "X"]),
        st.lists(st.sampled_from([*PAX_COLUMNS, "X"]), max_size=10),
    ),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=12), max_size=5),
    raw=st.one_of(st.just(b""), st.binary(max_size=60)),  # trailing bytes, not always UTF-8
    process=st.sampled_from(["Karabakh", "8", "karabakh", "", "a", "."]),
)  # fmt: skip
def test_any_csv_gives_rows_or_a_clear_error(header, rows, raw, process):
    """Random headers, cells, row lengths and trailing bytes: `read_pax` returns rows
    (with problems listed) or raises CorpusError, which the CLI prints as one line."""
    import csv as csv_module
    import io

    text = io.StringIO()
    writer = csv_module.writer(text)
    writer.writerow(header)
    for row in rows:  # in the process asked for, mostly: the rows' cells get read
        cells = dict(zip(header, row, strict=False)) | {"PPName": "Karabakh", "PP": "8"}
        writer.writerow([cells.get(column, "") for column in header])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pax.csv"
        path.write_bytes(text.getvalue().encode("utf-8") + raw)
        try:
            found = read_pax(path, process=process)
        except CorpusError as exc:
            assert str(exc)  # the message the command line prints, with no traceback
        else:
            event("rows read")
            assert all(a.date is None or parse_time(a.date) for a in found)
