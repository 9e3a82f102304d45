"""Facts from karavayev-2016 (Aleksandr Karavayev, "April" call from Baku, 2016), asked
through Cypher on the embedded engine.

The expected rows were worked out from the text, not from the loader's output: the
Russian arms contracts of 2010-2011 (items, quantities, value), what the 1994 documents,
the 2006 co-chairs' statements and the Meindorf declaration provide for, the victims
of the Chayli clash and of the 2014 helicopter downing, the places taken in April 2016,
to whom the Madrid text was handed in November 2007, the offices of Rogozin, Grachev and
Lavrov, who attended the Vienna talks, and what the Levonarkh clash and the Kazan summit
led to.
"""

from __future__ import annotations

import pytest

SOURCE = "karavayev-2016"

FACTS = {
    "Russia's 2010-2011 contracts: two S-300 PMU-2 divisions, 60 Mi-17 and 24 Mi-35M helicopters": (
        "MATCH (:State {id: 'russia'})-[r:SUPPLIED_ARMS_TO]->(:State {id: 'azerbaijan'}) "
        "WHERE r.contract = $contract AND r.quantity IS NOT NULL "
        "RETURN r.items AS items, r.quantity AS n, r.unit AS unit ORDER BY n",
        {"contract": "russia-azerbaijan-arms-contracts-2010"},
        [
            {"items": "S-300 PMU-2 anti-aircraft missile systems", "n": 2, "unit": "divisions"},
            {"items": "Mi-35M helicopters", "n": 24, "unit": "helicopters"},
            {"items": "Mi-17 multi-purpose helicopters", "n": 60, "unit": "helicopters"},
        ],
    ),
    "The contracts are put at three billion dollars, deliveries due to end in 2017": (
        "MATCH (:State {id: 'russia'})-[r:SUPPLIED_ARMS_TO]->(:State {id: 'azerbaijan'}) "
        "WHERE r.contract = $contract AND r.value IS NOT NULL "
        "RETURN r.value AS value, r.currency AS currency, r.time AS time",
        {"contract": "russia-azerbaijan-arms-contracts-2010"},
        [{"value": 3000000000, "currency": "USD", "time": "2010/2017"}],
    ),
    "Rogozin, the 'defense' Deputy Prime Minister, was in Baku on 8 April 2016": (
        "MATCH (p:Person {id: 'dmitry-rogozin'})-[a:ATTENDED]->(e:Event)-[:TOOK_PLACE_IN]->(place:Place) "
        "MATCH (p)-[h:HELD_POSITION]->(s:State) "
        "RETURN place.id AS place, a.time AS day, s.id AS state, h.title AS title, h.claim_wordings AS wording",
        {},
        [
            {
                "place": "baku",
                "day": "2016-04-08",
                "state": "russia",
                "title": "Deputy Prime Minister",
                "wording": ["defense Deputy Prime Minister"],
            }
        ],
    ),
    "The Meindorf declaration provides for confidence-building measures": (
        "MATCH (:Agreement {id: 'meindorf-declaration'})-[r:PROVIDES_FOR]->(p:Provision) "
        "RETURN p.id AS provision, p.category AS category",
        {},
        [{"provision": "confidence-building-measures", "category": "negotiation process"}],
    ),
    "The co-chairs' statements of April-July 2006 disclosed six provisions": (
        "MATCH (:Agreement {id: 'minsk-group-co-chairs-statements-2006'})-[r:PROVIDES_FOR]->(p:Provision) "
        "RETURN p.id AS provision, r.time AS time ORDER BY provision",
        {},
        [
            {"provision": "armenia-karabakh-corridor", "time": "2006-04/2006-07"},
            {"provision": "demining-and-reconstruction-aid", "time": "2006-04/2006-07"},
            {"provision": "peacekeeping-force", "time": "2006-04/2006-07"},
            {"provision": "return-of-refugees", "time": "2006-04/2006-07"},
            {"provision": "status-referendum", "time": "2006-04/2006-07"},
            {"provision": "withdrawal-of-forces", "time": "2006-04/2006-07"},
        ],
    ),
    "The 1994 documents: ceasefire, peacekeepers, observers and a peace treaty by 22 May": (
        "MATCH (d:Agreement)-[r:PROVIDES_FOR]->(p:Provision) "
        "WHERE d.id IN ['bishkek-protocol', 'moscow-protocol-1994', 'ceasefire-1994'] AND $source IN r.sources "
        "RETURN d.id AS doc, p.id AS provision, r.detail CONTAINS '22 May 1994' AS deadline ORDER BY doc, provision",
        {"source": SOURCE},
        [
            {"doc": "bishkek-protocol", "provision": "ceasefire", "deadline": None},
            {"doc": "bishkek-protocol", "provision": "peacekeeping-force", "deadline": False},
            {"doc": "ceasefire-1994", "provision": "international-observers", "deadline": False},
            {"doc": "ceasefire-1994", "provision": "peace-treaty", "deadline": True},
            {"doc": "moscow-protocol-1994", "provision": "peacekeeping-force", "deadline": False},
        ],
    ),
    "At Chayli in June 2010 warrant officer Ibrahimov and the four Armenian soldiers he fought were killed": (
        "MATCH (v)-[r:VICTIM_OF]->(:Event {id: 'chayli-clash-2010'}) "
        "RETURN v.id AS victim, r.harm AS harm, r.quantity AS n, r.time AS time ORDER BY victim",
        {},
        [
            {"victim": "armenian-forces", "harm": "killed", "n": 4, "time": "2010-06"},
            {"victim": "mubariz-ibrahimov", "harm": "killed", "n": None, "time": "2010-06"},
        ],
    ),
    "An Armenian Mi-24 was shot down in November 2014": (
        "MATCH (v)-[r:VICTIM_OF]->(:Event {id: 'mi-24-shootdown-2014'}) "
        "RETURN v.id AS victim, r.harm AS harm, r.quantity AS n, r.time AS time",
        {},
        [{"victim": "armenian-forces", "harm": "damaged", "n": 1, "time": "2014-11"}],
    ),
    "Lala-Tepe and Seysulan were taken in April 2016 (photo captions only)": (
        "MATCH (p:Place)-[r:VICTIM_OF]->(:Event {id: 'april-2016-clashes'}) "
        "RETURN p.id AS place, r.harm AS harm, r.confidence AS confidence ORDER BY place",
        {},
        [
            {"place": "lala-tepe", "harm": "captured", "confidence": "low"},
            {"place": "seysulan", "harm": "captured", "confidence": "medium"},
        ],
    ),
    "The Madrid text was handed to Armenia and Azerbaijan in Madrid in November 2007": (
        "MATCH (d:Agreement {id: 'madrid-principles'})-[r:SUBMITTED_TO]->(s:State) WHERE $source IN r.sources "
        "MATCH (d)-[t:TOOK_PLACE_IN]->(place:Place) WHERE $source IN t.sources "
        "RETURN s.id AS recipient, r.time AS time, place.id AS place ORDER BY recipient",
        {"source": SOURCE},
        [
            {"recipient": "armenia", "time": "2007-11", "place": "madrid"},
            {"recipient": "azerbaijan", "time": "2007-11", "place": "madrid"},
        ],
    ),
    "Defense Minister Grachev mediated the Moscow protocol of 18 February 1994": (
        "MATCH (p:Person {id: 'pavel-grachev'})-[m:MEDIATED]->(d:Agreement {id: 'moscow-protocol-1994'}) "
        "MATCH (d)-[:TOOK_PLACE_IN]->(place:Place) "
        "MATCH (p)-[h:HELD_POSITION]->(s:State) "
        "RETURN m.time AS day, m.on_behalf_of AS for, place.id AS place, s.id AS state, h.title AS title, h.body AS body",
        {},
        [
            {
                "day": "1994-02-18",
                "for": "russia",
                "place": "moscow",
                "state": "russia",
                "title": "Defense Minister",
                "body": "russian-defense-ministry",
            }
        ],
    ),
    "Lavrov was Russia's Foreign Minister: one spell, in the state, ministry in body": (
        "MATCH (:Person {id: 'sergey-lavrov'})-[h:HELD_POSITION]->(s) WHERE $source IN h.sources "
        "RETURN s.id AS state, h.title AS title, h.body AS body",
        {"source": SOURCE},
        [{"state": "russia", "title": "Foreign Minister", "body": "russian-mfa"}],
    ),
    "The US, Russian, French and EU foreign policy chiefs joined the Vienna talks with the co-chairs": (
        "MATCH (a)-[r:ATTENDED]->(:Event {id: 'vienna-talks-2016'}) WHERE NOT a:Person "
        "RETURN a.id AS who, r.role AS role, r.time AS time ORDER BY who",
        {},
        [
            {"who": "eu", "role": "foreign policy chief", "time": None},
            {"who": "france", "role": "foreign policy chief", "time": None},
            {"who": "minsk-group-co-chairmanship", "role": None, "time": None},
            {"who": "russia", "role": "foreign policy chief", "time": None},
            {"who": "united-states", "role": "foreign policy chief", "time": None},
        ],
    ),
    "The clash at Levonarkh on 4 March 2008 led to UNGA resolution 62/243, proposed by Azerbaijan": (
        "MATCH (e:Event {id: 'levonarkh-clash-2008'})-[:RESULTED_IN]->(d:Agreement) "
        "MATCH (e)-[t:TOOK_PLACE_IN]->(place:Place)-[:PART_OF]->(district:Place) "
        "MATCH (s:State)-[:PROPOSED]->(d) "
        "RETURN t.time AS day, place.id AS place, district.id AS district, d.id AS doc, s.id AS proposer",
        {},
        [
            {
                "day": "2008-03-04",
                "place": "levonarkh",
                "district": "mardakert-district",
                "doc": "unga-resolution-62-243",
                "proposer": "azerbaijan",
            }
        ],
    ),
    "The Kazan summit of 24 June 2011 produced a partial, unpublished agreement": (
        "MATCH (:Event {id: 'kazan-summit-2011'})-[r:RESULTED_IN]->(d:Agreement {id: 'kazan-document'}) "
        "WHERE $source IN r.sources RETURN r.time AS day, r.confidence AS confidence",
        {"source": SOURCE},
        [{"day": "2011-06-24", "confidence": "medium"}],
    ),
    "Medvedev's parallel visit to Yerevan and Baku is undated": (
        "MATCH (:Person {id: 'dmitry-medvedev'})-[a:ATTENDED]->(e:Event {id: 'medvedev-visits-yerevan-baku-2016'}) "
        "MATCH (e)-[t:TOOK_PLACE_IN]->(place:Place) "
        "RETURN place.id AS place, a.on_behalf_of AS for, t.time AS time ORDER BY place",
        {},
        [
            {"place": "baku", "for": "russia", "time": None},
            {"place": "yerevan", "for": "russia", "time": None},
        ],
    ),
}


@pytest.mark.parametrize("fact", list(FACTS))
def test_karavayev_fact(loaded_corpus, fact):
    query, params, expected = FACTS[fact]
    assert loaded_corpus.read(query, params) == expected
