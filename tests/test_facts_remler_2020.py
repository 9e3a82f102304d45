"""Facts from remler-2020, the 2020 OSCE Insights report on the Minsk Group by Philip
Remler and three co-authors (sources.yaml), asked through Cypher on the embedded engine.

The facts are the ones the second pass over this document added or corrected: the
victims of the 1992-1993 offensives and of the 1999 parliament shooting, the 850,000
Azerbaijani refugees and displaced persons, who received the 1997 and 1999 plans and
Kocharyan's 1998 letter, what the plans and statements provide for (Madrid Principles,
Lavrov's offer of 14 October 2020, the November 2020 statement's transit routes), the
supersession of Sevres and of the Madrid Principles, foundings, successions in office,
office spells bounded by what the text states, places, and two corrected claims (the
Minsk Conference no longer "resulted in" the co-chairmanship; Russia no longer
"supported" Transnistria in 2003). Every expected row is read from the text.
"""

from __future__ import annotations

import pytest

SOURCE = "remler-2020"

# fact -> (Cypher query, parameters, expected rows)
FACTS = {
    "Vazgen Sargsyan and Karen Demirchyan were killed in the parliament shooting of 27 October 1999": (
        "MATCH (p:Person)-[r:VICTIM_OF]->(:Event {id: 'armenian-parliament-shooting-1999'}) "
        "RETURN p.id AS victim, r.harm AS harm, r.time AS time ORDER BY victim",
        {},
        [
            {"victim": "karen-demirchyan", "harm": "killed", "time": "1999-10-27"},
            {"victim": "vazgen-sargsyan", "harm": "killed", "time": "1999-10-27"},
        ],
    ),
    "About 850,000 Azerbaijani refugees and displaced persons from the war of the early 1990s": (
        "MATCH (:State {id: 'azerbaijan'})-[r:VICTIM_OF]->(:Event {id: 'first-karabakh-war'}) "
        "RETURN r.harm AS harm, r.quantity AS quantity, r.unit AS unit",
        {},
        [
            {
                "harm": "displaced",
                "quantity": 850000,
                "unit": "refugees and internally displaced persons",
            }
        ],
    ),
    "The summer 1993 offensive drove the people out of Qubadli, Zangilan and Jabrayil; Agdam and Fuzuli were looted": (
        "MATCH (p:Place)-[r:VICTIM_OF]->(e:Event) "
        "WHERE e.id IN ['southern-offensive-1993', 'agdam-fuzuli-capture-1993'] "
        "RETURN p.id AS place, r.harm AS harm, r.time AS time ORDER BY place",
        {},
        [
            {"place": "agdam", "harm": "damaged", "time": "1993-22"},
            {"place": "fuzuli", "harm": "damaged", "time": "1993-22"},
            {"place": "jabrayil", "harm": "displaced", "time": "1993-22"},
            {"place": "qubadli", "harm": "displaced", "time": "1993-22"},
            {"place": "zangilan", "harm": "displaced", "time": "1993-22"},
        ],
    ),
    "The Co-Chairs presented the step-by-step plan to Ter-Petrosyan and Heydar Aliyev in July 1997": (
        "MATCH (:Agreement {id: 'step-by-step-plan-1997'})-[r:SUBMITTED_TO]->(p:Person) "
        "RETURN p.id AS to, r.by AS by, r.time AS time ORDER BY to",
        {},
        [
            {"to": "heydar-aliyev", "by": "minsk-group-co-chairmanship", "time": "1997-07"},
            {"to": "levon-ter-petrosyan", "by": "minsk-group-co-chairmanship", "time": "1997-07"},
        ],
    ),
    "Kocharyan and Aliyev briefed the Co-Chairs on their land swap in autumn 1999; Kocharyan wrote to them in early 1998": (
        "MATCH (d:Agreement)-[r:SUBMITTED_TO]->(:Format {id: 'minsk-group-co-chairmanship'}) "
        "WHERE d.id IN ['land-swap-plan-1999', 'kocharyan-letter-1998'] "
        "RETURN d.id AS doc, r.by AS by, r.time AS time ORDER BY time, by",
        {},
        [
            {"doc": "kocharyan-letter-1998", "by": "robert-kocharyan", "time": "1998-40"},
            {"doc": "land-swap-plan-1999", "by": "heydar-aliyev", "time": "1999-23"},
            {"doc": "land-swap-plan-1999", "by": "robert-kocharyan", "time": "1999-23"},
        ],
    ),
    "The land swap and the Key West plan both dealt with final status and the link to Nakhchivan": (
        "MATCH (d:Agreement)-[r:PROVIDES_FOR]->(p:Provision) "
        "WHERE d.id IN ['land-swap-plan-1999', 'key-west-plan-2001'] "
        "RETURN d.id AS doc, p.id AS provision, p.category AS category ORDER BY doc, provision",
        {},
        [
            {"doc": "key-west-plan-2001", "provision": "final-status", "category": "status"},
            {
                "doc": "key-west-plan-2001",
                "provision": "nakhchivan-corridor",
                "category": "corridor",
            },
            {"doc": "land-swap-plan-1999", "provision": "final-status", "category": "status"},
            {
                "doc": "land-swap-plan-1999",
                "provision": "nakhchivan-corridor",
                "category": "corridor",
            },
        ],
    ),
    "The Madrid Principles: return of territories, interim security, a binding vote on status": (
        "MATCH (:Agreement {id: 'madrid-principles'})-[r:PROVIDES_FOR]->(p:Provision) "
        "WHERE $source IN r.sources RETURN p.category AS category ORDER BY category",
        {"source": SOURCE},
        [
            {"category": "referendum"},
            {"category": "security guarantees"},
            {"category": "territory"},
        ],
    ),
    "Lavrov's offer of 14 October 2020: freeze the lines, hand back five provinces, Russian peacekeepers": (
        "MATCH (:Agreement {id: 'lavrov-plan-2020'})-[r:PROVIDES_FOR]->(p:Provision) "
        "RETURN p.category AS category, r.quantity AS quantity, r.unit AS unit ORDER BY category",
        {},
        [
            {"category": "ceasefire", "quantity": None, "unit": None},
            {"category": "peacekeeping", "quantity": None, "unit": None},
            {"category": "territory", "quantity": 5, "unit": "provinces"},
        ],
    ),
    "The November 2020 statement's transit routes: Armenia-Karabakh and Nakhchivan via Meghri": (
        "MATCH (:Agreement {id: 'november-2020-statement'})-[r:PROVIDES_FOR]->(p:Provision {category: 'corridor'}) "
        "RETURN p.id AS route ORDER BY route",
        {},
        [{"route": "armenia-karabakh-corridor"}, {"route": "nakhchivan-corridor"}],
    ),
    "Sevres was superseded by Kars (1921) and Lausanne (1923); the Kazan Formula replaced the Madrid Principles": (
        "MATCH (a:Agreement)-[r:SUPERSEDED]->(b:Agreement) WHERE $source IN r.sources "
        "RETURN a.id AS newer, b.id AS older, r.time AS time ORDER BY newer",
        {"source": SOURCE},
        [
            {"newer": "kazan-document", "older": "madrid-principles", "time": None},
            {"newer": "treaty-of-kars", "older": "treaty-of-sevres", "time": "1921"},
            {"newer": "treaty-of-lausanne", "older": "treaty-of-sevres", "time": "1923"},
        ],
    ),
    "Foundings: the CIS (1991), the Turkish Republic (1923), the Personal Representative's office (1996)": (
        "MATCH (a)-[r:FOUNDED]->(b) WHERE $source IN r.sources "
        "RETURN a.id AS founder, b.id AS founded, r.time AS time ORDER BY time",
        {"source": SOURCE},
        [
            {"founder": "treaty-of-lausanne", "founded": "turkey", "time": "1923"},
            {"founder": "alma-ata-protocols", "founded": "cis", "time": "1991-12-21"},
            {
                "founder": "osce-chairmanship",
                "founded": "osce-personal-representative-office",
                "time": "1996",
            },
        ],
    ),
    "Kocharyan succeeded Ter-Petrosyan as president in 1998, Vazgen Sargsyan him as prime minister": (
        "MATCH (a:Person)-[r:SUCCEEDED]->(b:Person) WHERE a.id IN ['robert-kocharyan', 'vazgen-sargsyan'] "
        "RETURN a.id AS who, b.id AS after, r.office AS office, r.time AS time ORDER BY who",
        {},
        [
            {
                "who": "robert-kocharyan",
                "after": "levon-ter-petrosyan",
                "office": "President",
                "time": "1998",
            },
            {
                "who": "vazgen-sargsyan",
                "after": "robert-kocharyan",
                "office": "Prime Minister",
                "time": "1998",
            },
        ],
    ),
    "The text dates Serzh Sargsyan's presidency only by the 2011 Kazan summit (not Medvedev's 2008-2012)": (
        "MATCH (:Person {id: 'serzh-sargsyan'})-[r:HELD_POSITION {title: 'President'}]->(:State {id: 'armenia'}) "
        "UNWIND range(0, size(r.claim_sources) - 1) AS i WITH r, i WHERE r.claim_sources[i] = $source "
        "RETURN r.claim_times[i] AS time",
        {"source": SOURCE},
        [{"time": "2011"}],
    ),
    "Vazgen Sargsyan was Defense Minister, undated in this text": (
        "MATCH (:Person {id: 'vazgen-sargsyan'})-[r:HELD_POSITION {title: 'Defense Minister'}]->(s:State) "
        "UNWIND range(0, size(r.claim_sources) - 1) AS i WITH r, s, i WHERE r.claim_sources[i] = $source "
        "RETURN s.id AS state, r.body AS body, r.claim_times[i] AS time",
        {"source": SOURCE},
        [{"state": "armenia", "body": "armenia-defense-ministry", "time": ""}],
    ),
    "Russia was already a co-chair in 1997 and still one in 2020": (
        "MATCH (:State {id: 'russia'})-[r:CO_CHAIR_OF]->(:Format {id: 'minsk-group-co-chairmanship'}) "
        "UNWIND range(0, size(r.claim_sources) - 1) AS i WITH r, i WHERE r.claim_sources[i] = $source "
        "RETURN r.claim_times[i] AS time ORDER BY time",
        {"source": SOURCE},
        [{"time": "1997"}, {"time": "2020"}],
    ),
    "Turkey sent Syrian mercenaries to Azerbaijan and F-16s to Ganja in 2020": (
        "MATCH (:State {id: 'turkey'})-[r:DEPLOYED_TO]->(p) "
        "RETURN p.id AS place, r.items AS items, r.time AS time ORDER BY place",
        {},
        [
            {"place": "azerbaijan", "items": "mercenaries brought from Syria", "time": "2020"},
            {"place": "ganja", "items": "F-16 fighter aircraft", "time": "2020"},
        ],
    ),
    "The Russian MFA's reply of 31 October 2020 went to Pashinyan": (
        "MATCH (:Agreement {id: 'russian-mfa-statement-2020-10-31'})-[r:SUBMITTED_TO]->(p:Person) "
        "RETURN p.id AS to, r.by AS by, r.time AS time",
        {},
        [{"to": "nikol-pashinyan", "by": "russian-mfa", "time": "2020-10-31"}],
    ),
    "Places: the Kelbajar offensive was partly staged from Armenia; Aliyev spoke to the US ambassador while in Nakhchivan": (
        "MATCH (e:Event)-[r:TOOK_PLACE_IN]->(p) "
        "WHERE e.id IN ['kelbajar-offensive-1993', 'heydar-aliyev-us-ambassador-conversation-1993'] "
        "AND r.confidence = 'medium' RETURN e.id AS event, p.id AS place, r.time AS time ORDER BY event",
        {},
        [
            {
                "event": "heydar-aliyev-us-ambassador-conversation-1993",
                "place": "nakhchivan",
                "time": "1993-40",
            },
            {"event": "kelbajar-offensive-1993", "place": "armenia", "time": "1993-03"},
        ],
    ),
    "Corrected: the unconvened Minsk Conference does not 'result in' the co-chairmanship": (
        "MATCH (:Format {id: 'minsk-conference'})-[r:RESULTED_IN]->() RETURN count(r) AS n",
        {},
        [{"n": 0}],
    ),
    "Corrected: Russia is not recorded as supporting Transnistria (Putin was ready to drop it in 2003)": (
        "MATCH (:State {id: 'russia'})-[r:SUPPORTED]->(:State {id: 'transnistria'}) RETURN count(r) AS n",
        {},
        [{"n": 0}],
    ),
}


@pytest.mark.parametrize("fact", FACTS, ids=list(FACTS))
def test_fact(loaded_corpus, fact):
    query, params, expected = FACTS[fact]
    assert loaded_corpus.read(query, params) == expected
