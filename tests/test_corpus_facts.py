"""Facts of the shipped records, asked through Cypher on the embedded engine."""

from __future__ import annotations

import pytest
from conftest import DATA

from dipgraph.loader import check_records, load_records


@pytest.fixture(scope="module")
def corpus(embedded_server):
    _, engine = embedded_server
    engine.clear()
    load_records(engine, *check_records(DATA))
    yield engine
    engine.clear()


def test_bishkek_protocol_signatories_and_dates(corpus):
    rows = corpus.read(
        "MATCH (p:Person)-[s:SIGNED]->(:Agreement {id: $doc}) "
        "RETURN p.name AS who, s.time AS day, s.on_behalf_of AS for ORDER BY day, who",
        {"doc": "bishkek-protocol"},
    )
    assert [(r["who"], r["day"], r["for"]) for r in rows] == [
        ("Babken Ararktsyan", "1994-05-05", "armenia"),
        ("Karen Baburyan", "1994-05-05", "nkr"),
        ("Medetkan Sherimkulov", "1994-05-05", "kyrgyz-parliament"),
        ("Mikhail Krotov", "1994-05-05", "cis-ipa"),
        ("Vladimir Kazimirov", "1994-05-05", "russia"),
        ("Vladimir Shumeyko", "1994-05-05", "cis-ipa"),
        ("Rasul Guliyev", "1994-05-08", "azerbaijan"),
    ]


def test_guliyev_signed_later_in_baku_after_azerbaijan_refused(corpus):
    (refused,) = corpus.read(
        "MATCH (:State {id: 'azerbaijan'})-[r:REFUSED]->(:Agreement {id: 'bishkek-protocol'}) RETURN r.time AS t"
    )
    (signed,) = corpus.read(
        "MATCH (:Person {id: 'rasul-guliyev'})-[s:SIGNED]->(:Agreement {id: 'bishkek-protocol'}) "
        "MATCH (place:Place {id: s.place}) RETURN s.time AS t, place.name AS place"
    )
    assert refused["t"] == "1994-05-05"
    assert (signed["t"], signed["place"]) == ("1994-05-08", "Baku")


def test_bishkek_meeting_place_dates_and_outcome(corpus):
    (row,) = corpus.read(
        "MATCH (e:Event {id: 'bishkek-meeting-1994'})-[:TOOK_PLACE_IN]->(p:Place) "
        "MATCH (e)-[:RESULTED_IN]->(doc:Agreement) "
        "RETURN p.name AS place, e.earliest AS first, e.latest AS last, e.precision AS precision, doc.name AS doc"
    )
    assert row == {
        "place": "Bishkek",
        "first": "1994-05-04",
        "last": "1994-05-05",
        "precision": "day",
        "doc": "Bishkek Protocol",
    }


def test_ceasefire_builds_on_two_protocols_and_was_signed_by_three_armed_bodies(corpus):
    bases = corpus.read(
        "MATCH (:Agreement {id: 'ceasefire-1994'})-[:BASED_ON]->(p:Agreement) RETURN p.id AS id, p.time AS t ORDER BY id"
    )
    assert bases == [
        {"id": "bishkek-protocol", "t": "1994-05-05"},
        {"id": "moscow-protocol-1994", "t": "1994-02-18"},
    ]
    rows = corpus.read(
        "MATCH (o:Organization)-[:SIGNED]->(c:Agreement {id: 'ceasefire-1994'}) MATCH (o)-[:PART_OF]->(s:State) "
        "RETURN c.earliest AS in_force, s.id AS state ORDER BY state"
    )
    assert [(r["in_force"], r["state"]) for r in rows] == [
        ("1994-05-12", "armenia"),
        ("1994-05-12", "azerbaijan"),
        ("1994-05-12", "nkr"),
    ]


def test_offices_held_when_signing_the_bishkek_protocol(corpus):
    rows = corpus.read(
        "MATCH (p:Person)-[s:SIGNED]->(:Agreement {id: 'bishkek-protocol'}) "
        "MATCH (p)-[h:HELD_POSITION]->(body) WHERE h.earliest <= s.earliest AND s.latest <= h.latest "
        "AND p.id IN ['vladimir-shumeyko', 'rasul-guliyev'] "
        "RETURN p.id AS who, s.time AS signed, h.title AS title, body.name AS body ORDER BY who, body"
    )
    assert [(r["who"], r["signed"], r["title"], r["body"]) for r in rows] == [
        ("rasul-guliyev", "1994-05-08", "Speaker", "Milli Majlis"),
        ("vladimir-shumeyko", "1994-05-05", "Chairman", "CIS Inter-Parliamentary Assembly"),
        ("vladimir-shumeyko", "1994-05-05", "Chairman", "Federation Council of Russia"),
    ]


def test_kazan_date_disagreement_is_visible(corpus):
    rows = corpus.read(
        "MATCH (:Person {id: 'serzh-sargsyan'})-[a:ATTENDED]->(:Event {id: 'kazan-summit-2011'}) "
        "RETURN a.time AS day, a.sources AS sources, a.disputed AS disputed ORDER BY day"
    )
    assert rows == [
        {
            "day": "2011",
            "sources": ["remler-2020"],
            "disputed": False,
        },  # fits either day: takes no side
        {"day": "2011-06-24", "sources": ["tadevosyan-kazan"], "disputed": True},
        {"day": "2011-06-25", "sources": ["russia-initiatives"], "disputed": True},
    ]


def test_one_fact_from_three_sources_is_one_relationship(corpus):
    rows = corpus.read(
        "MATCH (:Agreement {id: 'ceasefire-1994'})-[r:BASED_ON]->(:Agreement {id: 'bishkek-protocol'}) "
        "RETURN r.sources AS sources, r.corroboration AS n"
    )
    assert rows == [{"sources": ["karavayev-2016", "remler-2020", "russia-initiatives"], "n": 3}]


def test_a_yearless_date_merges_with_the_precise_one(corpus):
    """russia-initiatives gives 15 April without a year; karavayev-2016 gives 15 April 1994."""
    rows = corpus.read(
        "MATCH (:Organization {id: 'cis-council-of-heads-of-state'})-[r:ADOPTED]->(:Agreement {id: 'cis-ceasefire-declaration-1994'}) "
        "RETURN r.time AS time, r.sources AS sources"
    )
    assert rows == [{"time": "1994-04-15", "sources": ["karavayev-2016", "russia-initiatives"]}]


@pytest.mark.parametrize(
    ("spelling", "entity"),
    [
        ("Rasul Guliev", "rasul-guliyev"),
        ("Dmitri Medvedev", "dmitry-medvedev"),
        ("Kirgiz Parliament", "kyrgyz-parliament"),
        ("Federal Council of the RF", "russian-federation-council"),
        ("NKR", "nkr"),
    ],
)
def test_name_variants_find_one_entity(corpus, spelling, entity):
    rows = corpus.read(
        "MATCH (n:Entity) WHERE n.name = $s OR $s IN n.aliases RETURN n.id AS id", {"s": spelling}
    )
    assert rows == [{"id": entity}]


def test_every_relationship_carries_time_bounds_and_citations(corpus):
    (row,) = corpus.read(
        "MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS all, "
        "sum(CASE WHEN size(r.citations) > 0 AND size(r.sources) > 0 THEN 1 ELSE 0 END) AS cited, "
        "sum(CASE WHEN r.time IS NULL OR (r.earliest IS NOT NULL OR r.latest IS NOT NULL) THEN 1 ELSE 0 END) AS bounded"
    )
    assert row["all"] == row["cited"] == row["bounded"]
