"""Facts from Ara Tadevosyan, "Meeting in Kazan: Hopes and failure" (tadevosyan-kazan),
asked through Cypher on the embedded engine.

The expected rows are read from the text: who handed which proposals or messages to
which president and when (SUBMITTED_TO), what the Madrid principles, the 1997 variant
and the two earlier Minsk Group proposals provide for (PROVIDES_FOR), the lineage of
the principles up to the Kazan draft (BASED_ON, SUPERSEDED, ACCEPTED), the two
conflicting counts of Azerbaijan's amendments, offices with their normalised titles,
the places of the meetings around the summit, and Obama's calls.
"""

from __future__ import annotations

import pytest

S = "tadevosyan-kazan"

FACTS = {
    "Lavrov handed Medvedev's post-Kazan proposals to Sargsyan on 8 July, then to Aliyev": (
        "MATCH (:Agreement {id: 'medvedev-proposals-2011'})-[r:SUBMITTED_TO]->(p:Person) "
        "RETURN p.id AS whom, r.by AS by, r.time AS time ORDER BY whom",
        {},
        [
            {"whom": "ilham-aliyev", "by": "sergey-lavrov", "time": "2011-07"},
            {"whom": "serzh-sargsyan", "by": "sergey-lavrov", "time": "2011-07-08"},
        ],
    ),
    "Sarkozy wrote to Sargsyan before Kazan; Aliyev's letter is only in Sargsyan's account": (
        "MATCH (:Agreement {id: 'sarkozy-message-2011'})-[r:SUBMITTED_TO]->(p:Person) "
        "RETURN p.id AS whom, r.by AS by, r.time AS time, r.confidence AS confidence ORDER BY whom",
        {},
        [
            {
                "whom": "ilham-aliyev",
                "by": "nicolas-sarkozy",
                "time": "2011",
                "confidence": "medium",
            },
            {
                "whom": "serzh-sargsyan",
                "by": "nicolas-sarkozy",
                "time": "2011-06",
                "confidence": None,
            },
        ],
    ),
    "Medvedev's message reached both presidents by 1 July 2011": (
        "MATCH (:Agreement {id: 'medvedev-message-2011'})-[r:SUBMITTED_TO]->(p:Person) "
        "RETURN p.id AS whom, r.by AS by, r.earliest AS first, r.latest AS last ORDER BY whom",
        {},
        [
            {"whom": "ilham-aliyev", "by": "dmitry-medvedev", "first": None, "last": "2011-07-01"},
            {
                "whom": "serzh-sargsyan",
                "by": "dmitry-medvedev",
                "first": None,
                "last": "2011-07-01",
            },
        ],
    ),
    "The Kazan draft was put to the summit by Russia on 24 June 2011": (
        "MATCH (:Agreement {id: 'kazan-document'})-[r:SUBMITTED_TO]->(e:Event) "
        "RETURN e.id AS event, r.by AS by, r.time AS time",
        {},
        [{"event": "kazan-summit-2011", "by": "russia", "time": "2011-06-24"}],
    ),
    "The Madrid principles as Fassier and Bradtke described them": (
        "MATCH (:Agreement {id: 'madrid-principles'})-[r:PROVIDES_FOR]->(p:Provision) "
        "WHERE $source IN r.sources RETURN p.id AS provision, p.category AS category ORDER BY provision",
        {"source": S},
        [
            {"provision": "interim-status", "category": "status"},
            {"provision": "peace-treaty", "category": "negotiation process"},
            {"provision": "return-of-occupied-territories", "category": "territory"},
            {"provision": "security-guarantees", "category": "security guarantees"},
            {"provision": "status-referendum", "category": "referendum"},
        ],
    ),
    "The 1997 variant Ter-Petrosyan backed: peacekeepers, part of the territories, roads": (
        "MATCH (d:Agreement {id: 'settlement-variant-1997'})-[r:PROVIDES_FOR]->(p:Provision) "
        "MATCH (:Person {id: 'levon-ter-petrosyan'})-[s:SUPPORTED]->(d) "
        "RETURN p.id AS provision, r.time AS time, s.time AS backed ORDER BY provision",
        {},
        [
            {"provision": "peacekeeping-force", "time": "1997", "backed": "1997"},
            {"provision": "return-of-occupied-territories", "time": "1997", "backed": "1997"},
            {"provision": "transport-links", "time": "1997", "backed": "1997"},
        ],
    ),
    "Armenia turned down reintegration, Azerbaijan the separation": (
        "MATCH (d:Agreement)-[p:PROVIDES_FOR]->(:Provision {id: 'final-status'}) "
        "WHERE d.id STARTS WITH 'minsk-group-proposal-' "
        "MATCH (s:State)-[r:REFUSED]->(d) "
        "RETURN d.id AS proposal, p.detail AS detail, s.id AS refused_by, r.time AS time ORDER BY time",
        {},
        [
            {
                "proposal": "minsk-group-proposal-late-1990s",
                "detail": "Nagorno-Karabakh reintegrated within Azerbaijan",
                "refused_by": "armenia",
                "time": "1995/1999",
            },
            {
                "proposal": "minsk-group-proposal-early-2000s",
                "detail": "Nagorno-Karabakh's separation from Azerbaijan legitimised",
                "refused_by": "azerbaijan",
                "time": "2000/2003",
            },
        ],
    ),
    "The updated principles replaced the Madrid text; Azerbaijan agreed in early 2010": (
        "MATCH (u:Agreement {id: 'updated-madrid-principles'})-[r]->(m:Agreement {id: 'madrid-principles'}) "
        "WITH u, type(r) AS link ORDER BY link WITH u, collect(link) AS links "
        "MATCH (:State {id: 'azerbaijan'})-[a:ACCEPTED]->(u) "
        "MATCH (:Agreement {id: 'kazan-document'})-[b:BASED_ON]->(u) "
        "RETURN links, a.earliest AS from, a.latest AS to, b.confidence AS draft",
        {},
        [
            {
                "links": ["BASED_ON", "SUPERSEDED"],
                "from": "2010-01-01",
                "to": "2010-06-30",
                "draft": "medium",
            }
        ],
    ),
    "About ten amendments (Nalbandian) against eight or nine points (Sargsyan)": (
        "MATCH (a)-[r:PROPOSED]->(:Agreement {id: 'azerbaijani-amendments-2011'}) "
        "RETURN a.id AS who, r.time AS time, r.disputed AS disputed, r.confidence AS confidence, "
        "size(r.contradicts) AS conflicts ORDER BY who",
        {},
        [
            {
                "who": "azerbaijan",
                "time": "2011-06-24",
                "disputed": True,
                "confidence": None,
                "conflicts": 1,
            },
            {
                "who": "ilham-aliyev",
                "time": "2011-06-24",
                "disputed": True,
                "confidence": "medium",
                "conflicts": 1,
            },
        ],
    ),
    "Azerbaijan's four earlier attempts to amend the mediators' principles": (
        "MATCH (:State {id: 'azerbaijan'})-[r:PROPOSED]->(d:Agreement {id: 'azerbaijani-amendments-2010'}) "
        "MATCH (d)-[:BASED_ON]->(m:Agreement) RETURN r.time AS time, m.id AS amends",
        {},
        [{"time": "2010/2011-06", "amends": "madrid-principles"}],
    ),
    "Offices around Kazan: Nalbandian, Hasanov, Juppe, Vershbow": (
        "MATCH (p:Person)-[h:HELD_POSITION]->(s:State) "
        "WHERE p.id IN ['edward-nalbandian', 'ali-hasanov', 'alain-juppe', 'alexander-vershbow'] "
        "RETURN p.id AS who, s.id AS state, h.title AS title, h.claim_wordings AS wording, h.body AS body, "
        "h.earliest AS first, h.latest AS last ORDER BY who",
        {},
        [
            {
                "who": "alain-juppe",
                "state": "france",
                "title": "Foreign Minister",
                "wording": None,
                "body": None,
                "first": "2011-07-01",
                "last": "2011-07-01",
            },
            {
                "who": "alexander-vershbow",
                "state": "united-states",
                "title": "Assistant Secretary of Defense",
                "wording": ["Assistant Secretary of Defense for International Security Affairs"],
                "body": "us-defense-department",
                "first": "2011-07-29",
                "last": "2011-07-29",
            },
            {
                "who": "ali-hasanov",
                "state": "azerbaijan",
                "title": "Deputy Prime Minister",
                "wording": ["Vice-Prime Minister"],
                "body": "azerbaijan-government",
                "first": "2011-06-14",
                "last": "2011-06-14",
            },
            {
                "who": "edward-nalbandian",
                "state": "armenia",
                "title": "Foreign Minister",
                "wording": None,
                "body": "armenia-mfa",
                "first": "2011-06-14",
                "last": "2011-06-24",
            },
        ],
    ),
    "Sargsyan's presidency is attested four times in this chapter": (
        "MATCH (:Person {id: 'serzh-sargsyan'})-[h:HELD_POSITION]->(:State {id: 'armenia'}) "
        "UNWIND range(0, size(h.claim_sources) - 1) AS i WITH h, i WHERE h.claim_sources[i] = $source "
        "RETURN h.claim_times[i] AS attested ORDER BY attested",
        {"source": S},
        [
            {"attested": "2011-06"},
            {"attested": "2011-06-22"},
            {"attested": "2011-06-24"},
            {"attested": "2016"},
        ],
    ),
    "Meetings around the summit: Strasbourg, Kyiv, Yerevan, Baku": (
        "MATCH (e:Event)-[r:TOOK_PLACE_IN]->(p:Place) "
        "WHERE e.id IN ['pace-session-2011', 'kyiv-press-conference-2011', 'lavrov-visit-yerevan-2011', 'lavrov-visit-baku-2011'] "
        "RETURN e.id AS event, p.id AS place, r.time AS time ORDER BY event",
        {},
        [
            {"event": "kyiv-press-conference-2011", "place": "kyiv", "time": "2011-07-01"},
            {"event": "lavrov-visit-baku-2011", "place": "baku", "time": "2011-07"},
            {"event": "lavrov-visit-yerevan-2011", "place": "yerevan", "time": "2011-07-08"},
            {"event": "pace-session-2011", "place": "strasbourg", "time": "2011-06-22"},
        ],
    ),
    "Obama placed both calls in June 2011": (
        "MATCH (:Person {id: 'barack-obama'})-[r:INITIATED]->(e:Event) RETURN e.id AS call, r.time AS time ORDER BY call",
        {},
        [
            {"call": "obama-aliyev-call-2011", "time": "2011-06"},
            {"call": "obama-sargsyan-call-2011", "time": "2011-06"},
        ],
    ),
}


@pytest.mark.parametrize("fact", FACTS, ids=list(FACTS))
def test_fact(loaded_corpus, fact):
    query, params, expected = FACTS[fact]
    assert loaded_corpus.read(query, params) == expected
