"""Facts of "Russian Peace Initiatives" (russia-initiatives), asked through Cypher.

The second curation pass of this document moved facts out of notes into claims and
qualifiers and held claims to what their passages say. Each fact below was worked
out from the text itself: who received the 1992 two-stage plan, what the ceasefire
documents of 1992-1995 provide for (and for how long), which states signed the
Bishkek Protocol where and when, the inventory Azerbaijan obtained in the division of
Soviet army property (with no supplier named), the 1996 prisoner exchange and the
preliminary deal behind it, the first co-chairs, the CSCE chairmanship in April 1992,
Kazimirov's part in the Azerbaijani signature, the founding of the 1992 mission, the
Paris meeting that Hollande organised, and the places the footnotes name.
"""

from __future__ import annotations

import pytest

S = "russia-initiatives"

# fact -> (query, params, expected rows)
FACTS = {
    "Russia sent its two-stage plan to Boutros-Ghali and Dienstbier on 13 April 1992, "
    "later (undated) to the heads of the two conflicting sides": (
        "MATCH (:Agreement {id: 'russian-two-stage-plan-1992'})-[r:SUBMITTED_TO]->(x) "
        "RETURN x.id AS to, r.by AS by, r.time AS time, coalesce(r.confidence, 'high') AS confidence ORDER BY to",
        {},
        [
            {"to": "azerbaijan", "by": "russia", "time": None, "confidence": "medium"},
            {
                "to": "boutros-boutros-ghali",
                "by": "russia",
                "time": "1992-04-13",
                "confidence": "high",
            },
            {"to": "jiri-dienstbier", "by": "russia", "time": "1992-04-13", "confidence": "high"},
            {"to": "nkr", "by": "russia", "time": None, "confidence": "medium"},
        ],
    ),
    "The Sochi accord of 19 September 1992 provided for a two-month halt to fire": (
        "MATCH (:Agreement {id: 'sochi-accord-1992'})-[r:PROVIDES_FOR]->(p:Provision) "
        "RETURN p.id AS provision, p.category AS category, r.quantity AS quantity, r.unit AS unit, r.time AS time",
        {},
        [
            {
                "provision": "ceasefire",
                "category": "ceasefire",
                "quantity": 2,
                "unit": "months",
                "time": "1992-09-19",
            }
        ],
    ),
    "Seven documents of this source provide for the one shared ceasefire provision": (
        "MATCH (d:Agreement)-[r:PROVIDES_FOR]->(:Provision {id: 'ceasefire'}) WHERE $s IN r.sources "
        "RETURN DISTINCT d.id AS doc ORDER BY doc",
        {"s": S},
        [
            {"doc": "armed-incidents-agreement-1995"},
            {"doc": "bishkek-protocol"},
            {"doc": "ceasefire-1994"},
            {"doc": "ceasefire-orders-statements-1994"},
            {"doc": "ceasefire-reaffirmation-1994"},
            {"doc": "cis-ceasefire-declaration-1994"},
            {"doc": "sochi-accord-1992"},
        ],
    ),
    "Armenia and the NKR signed the Bishkek Protocol in Bishkek on 5 May 1994, Azerbaijan in Baku on 8 May": (
        "MATCH (s:State)-[r:SIGNED]->(:Agreement {id: 'bishkek-protocol'}) WHERE $s IN r.sources "
        "RETURN s.id AS state, r.time AS time, r.place AS place ORDER BY state",
        {"s": S},
        [
            {"state": "armenia", "time": "1994-05-05", "place": "bishkek"},
            {"state": "azerbaijan", "time": "1994-05-08", "place": "baku"},
            {"state": "nkr", "time": "1994-05-05", "place": "bishkek"},
        ],
    ),
    "Kazimirov won the Azerbaijani signature for Russia between the refusal (5 May) and the signing (8 May)": (
        "MATCH (:Person {id: 'vladimir-kazimirov'})-[r:MEDIATED]->(:Agreement {id: 'bishkek-protocol'}) "
        "RETURN r.time AS time, r.on_behalf_of AS for",
        {},
        [{"time": "1994-05-05/1994-05-08", "for": "russia"}],
    ),
    "Azerbaijan obtained the equipment in the 1992 division of Soviet army property; no supplier is named": (
        "MATCH (a:State {id: 'azerbaijan'})-[r:PARTY_TO]->(:Event {id: 'soviet-army-property-division-1992'}) "
        "OPTIONAL MATCH (:Entity {id: 'soviet-army'})-[s:SUPPLIED_ARMS_TO]->(a) "
        "RETURN r.time AS time, r.role CONTAINS '325 tanks' AS tanks, "
        "r.role CONTAINS '100 air-defence missile systems' AS air_defence, count(s) AS supplied",
        {},
        [{"time": "1992-22", "tanks": True, "air_defence": True, "supplied": 0}],
    ),
    "The NKR and Armenia handed 71 prisoners to Azerbaijan, which handed 39 to Armenia": (
        "MATCH (s:State)-[r:PARTY_TO]->(:Event {id: 'prisoner-exchange-1996'}) "
        "RETURN s.id AS side, r.role AS role ORDER BY side",
        {},
        [
            {
                "side": "armenia",
                "role": "released 71 prisoners to Azerbaijan (with the NKR); received 39",
            },
            {"side": "azerbaijan", "role": "released 39 prisoners to Armenia; received 71"},
            {"side": "nkr", "role": "released 71 prisoners to Azerbaijan (with Armenia)"},
        ],
    ),
    "The preliminary deal provided for an all-for-all exchange; the visit only weakly produced it": (
        "MATCH (d:Agreement {id: 'prisoner-exchange-agreement-1996'})-[p:PROVIDES_FOR]->(x:Provision) "
        "MATCH (:Event {id: 'primakov-visit-1996'})-[r:RESULTED_IN]->(d) "
        "RETURN x.id AS provision, x.category AS category, r.confidence AS visit_link",
        {},
        [
            {
                "provision": "prisoner-exchange",
                "category": "prisoners and detainees",
                "visit_link": "low",
            }
        ],
    ),
    "Sweden was one of the first two co-chairs from December 1994; the text gives no end": (
        "MATCH (:State {id: 'sweden'})-[r:CO_CHAIR_OF]->(:Format {id: 'minsk-group-co-chairmanship'}) "
        "RETURN r.time AS time, r.earliest AS first, r.latest AS last",
        {},
        [{"time": "1994-12/", "first": "1994-12-01", "last": None}],
    ),
    "Jiri Dienstbier chaired the CSCE when he received the plan in April 1992": (
        "MATCH (:Person {id: 'jiri-dienstbier'})-[r:CHAIRED]->(o:Organization) RETURN o.id AS body, r.time AS time",
        {},
        [{"body": "osce", "time": "1992-04-13"}],
    ),
    "Russia set up its special mediation mission on 5 May 1992, headed by Kazimirov": (
        "MATCH (:State {id: 'russia'})-[f:FOUNDED]->(m:Format {id: 'russian-mediation-mission-1992'}) "
        "MATCH (:Person {id: 'vladimir-kazimirov'})-[h:HELD_POSITION]->(m) "
        "RETURN f.time AS founded, f.confidence AS confidence, h.title AS title, h.earliest AS head_from",
        {},
        [
            {
                "founded": "1992-05-05",
                "confidence": "medium",
                "title": "Head",
                "head_from": "1992-05-05",
            }
        ],
    ),
    "Hollande organised the Paris meeting of 27 October 2014 for France; the text does not call him mediator": (
        "MATCH (:Person {id: 'francois-hollande'})-[r]->(:Event {id: 'paris-meeting-2014'}) "
        "RETURN type(r) AS act, r.role AS role, r.on_behalf_of AS for, r.time AS time",
        {},
        [{"act": "HOSTED", "role": "organizer", "for": "france", "time": "2014-10-27"}],
    ),
    "The Azerbaijani president was in Brussels in May 1994, so the speaker stayed in Baku": (
        "MATCH (e:Event {id: 'azerbaijani-president-brussels-visit-1994'})-[t:TOOK_PLACE_IN]->(p:Place) "
        "MATCH (s:State)-[a:ATTENDED]->(e) RETURN p.name AS place, t.time AS time, s.id AS state, a.role AS role",
        {},
        [
            {
                "place": "Brussels",
                "time": "1994-05",
                "state": "azerbaijan",
                "role": "through its president",
            }
        ],
    ),
    "Jalilov led the Azerbaijani delegation at Bishkek as vice speaker of the Milli Majlis": (
        "MATCH (:Person {id: 'afiyaddin-jalilov'})-[r:HELD_POSITION]->(b) "
        "RETURN b.id AS body, r.title AS title, r.claim_wordings AS wording, r.time AS time",
        {},
        [
            {
                "body": "milli-majlis",
                "title": "Deputy Speaker",
                "wording": ["vice speaker"],
                "time": "1994-05-04/1994-05-05",
            }
        ],
    ),
    "The first mediators (Kazakhstan, Iran, the CIS, the CSCE) are given no date by this source": (
        "MATCH (m)-[r:MEDIATED]->(:Conflict {id: 'karabakh-conflict'}) "
        "WHERE m.id IN ['kazakhstan', 'iran', 'cis', 'osce'] AND $s IN r.sources "
        "RETURN m.id AS who, r.time AS time ORDER BY who",
        {"s": S},
        [
            {"who": "cis", "time": None},
            {"who": "iran", "time": None},
            {"who": "kazakhstan", "time": None},
            {"who": "osce", "time": None},
        ],
    ),
}


@pytest.mark.parametrize("fact", FACTS, ids=list(FACTS))
def test_fact(loaded_corpus, fact):
    query, params, expected = FACTS[fact]
    assert loaded_corpus.read(query, params) == expected
