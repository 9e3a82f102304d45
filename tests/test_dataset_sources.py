"""Sources that are datasets (PA-X, Wikidata): cited by an item's identifier, with no
span, and checked by the identifier's form."""

from __future__ import annotations

import pytest

from dipgraph.loader import check_records, graph_rows
from dipgraph.loader.sources import cited_passages, verify_sources

PAX_SOURCE = """
- id: pax
  title: PA-X Peace Agreements Database
  dataset: pax
  url: https://www.peaceagreements.org/
  published: 2024
"""
ACCORD = "- {{id: pax-accord, label: Agreement, name: Example Accord Two, kind: declaration, cite: [{cite}]}}\n"


def _with_dataset(demo, cite: str, source: str = PAX_SOURCE) -> list[str]:
    (demo / "sources.yaml").write_text((demo / "sources.yaml").read_text() + source)
    (demo / "entities" / "pax.yaml").write_text(ACCORD.format(cite=cite))
    _, report = check_records(demo)
    return [str(p) for p in report.errors + report.warnings]


def test_a_dataset_item_is_cited_by_its_identifier(demo):
    assert _with_dataset(demo, "{source: pax, record: 611}") == []
    records, _ = check_records(demo)
    assert records.sources["pax"].dataset == "pax"
    [accord] = [n.props for n in graph_rows(records).nodes if n.props["id"] == "pax-accord"]
    assert accord["citations"] == ["pax#611"]
    [source] = [n.props for n in graph_rows(records).nodes if n.props["id"] == "pax"]
    assert source["dataset"] == "pax" and "sha256" not in source and "file" not in source
    # Verifying the texts passes over the dataset; the explorer shows the item's page.
    assert verify_sources(records, demo.parent / "texts").ok
    assert cited_passages(records, demo.parent / "texts")["pax#611"] == (
        "PA-X Peace Agreements Database, agreement id (AgtId) 611: "
        "https://www.peaceagreements.org/agreements/611/"
    )


P = "data/entities/pax.yaml:1: pax-accord: cite[0]"


@pytest.mark.parametrize(
    ("cite", "message"),
    [
        ("{source: pax, span: [0, 4]}", f"{P}.span: pax is a dataset: cite an item with record: ID, not a span"),
        ("{source: pax, record: Q42}", f"{P}.record: 'Q42' is not a PA-X Peace Agreements Database agreement id (AgtId), like 611"),
        ("{source: pax, record: '0611'}", f"{P}.record: '0611' is not a PA-X Peace Agreements Database agreement id (AgtId), like 611"),
        ("{source: demo, record: 611}", f"{P}.record: demo is a text: cite a span of it, not a record"),
        ("{source: pax, record: 611, span: [0, 4]}", f"{P}.record: cite a span of a text or a record of a dataset, not both"),
        ("{source: pax, record: [611]}", f"{P}.record: must be a dataset item's identifier"),
    ],
)  # fmt: skip
def test_a_wrong_dataset_citation_says_what_is_wrong(demo, cite, message):
    assert _with_dataset(demo, cite) == [message]


def test_a_wikidata_item(demo):
    wikidata = "\n- {id: wd, title: Wikidata, dataset: wikidata}\n"
    assert _with_dataset(demo, "{source: wd, record: Q15212}", wikidata) == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "\n- {id: pax, title: PA-X, dataset: pa-x}\n",
            "data/sources.yaml:7: pax: dataset: 'pa-x' is not one of: pax, wikidata (did you mean pax?)",
        ),
        (
            "\n- {id: pax, title: PA-X, dataset: pax, sha256: abc}\n",
            "data/sources.yaml:7: pax: sha256: a dataset source has no text: cite its items with record: ID",
        ),
    ],
)
def test_a_wrong_dataset_source_says_what_is_wrong(demo, source, message):
    problems = _with_dataset(demo, "{source: pax, record: 611}", source)
    assert message in problems
