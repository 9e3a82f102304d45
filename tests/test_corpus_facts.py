"""Facts of the shipped records, asked through Cypher on the embedded engine."""

from __future__ import annotations

import pytest


def test_bishkek_protocol_signatories_and_dates(loaded_corpus):
    rows = loaded_corpus.read(
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


def test_guliyev_signed_later_in_baku_after_azerbaijan_refused(loaded_corpus):
    (refused,) = loaded_corpus.read(
        "MATCH (:State {id: 'azerbaijan'})-[r:REFUSED]->(:Agreement {id: 'bishkek-protocol'}) RETURN r.time AS t"
    )
    (signed,) = loaded_corpus.read(
        "MATCH (:Person {id: 'rasul-guliyev'})-[s:SIGNED]->(:Agreement {id: 'bishkek-protocol'}) "
        "MATCH (place:Place {id: s.place}) RETURN s.time AS t, place.name AS place"
    )
    assert refused["t"] == "1994-05-05"
    assert (signed["t"], signed["place"]) == ("1994-05-08", "Baku")


def test_bishkek_meeting_place_dates_and_outcome(loaded_corpus):
    (row,) = loaded_corpus.read(
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


def test_ceasefire_builds_on_two_protocols_and_was_signed_by_three_armed_bodies(loaded_corpus):
    bases = loaded_corpus.read(
        "MATCH (:Agreement {id: 'ceasefire-1994'})-[:BASED_ON]->(p:Agreement) RETURN p.id AS id, p.time AS t ORDER BY id"
    )
    assert bases == [
        {"id": "bishkek-protocol", "t": "1994-05-05"},
        {"id": "moscow-protocol-1994", "t": "1994-02-18"},
    ]
    rows = loaded_corpus.read(
        "MATCH (o:Organization)-[:SIGNED]->(c:Agreement {id: 'ceasefire-1994'}) MATCH (o)-[:PART_OF]->(s:State) "
        "RETURN c.earliest AS in_force, s.id AS state ORDER BY state"
    )
    assert [(r["in_force"], r["state"]) for r in rows] == [
        ("1994-05-12", "armenia"),
        ("1994-05-12", "azerbaijan"),
        ("1994-05-12", "nkr"),
    ]


def test_offices_held_when_signing_the_bishkek_protocol(loaded_corpus):
    rows = loaded_corpus.read(
        "MATCH (p:Person)-[s:SIGNED]->(:Agreement {id: 'bishkek-protocol'}) "
        "MATCH (p)-[h:HELD_POSITION]->(body) WHERE h.earliest <= s.earliest AND s.latest <= h.latest "
        "AND p.id IN ['vladimir-shumeyko', 'rasul-guliyev'] "
        "RETURN p.id AS who, s.time AS signed, h.title AS title, body.name AS body ORDER BY who, body"
    )
    assert [(r["who"], r["signed"], r["title"], r["body"]) for r in rows] == [
        ("rasul-guliyev", "1994-05-08", "Speaker", "Milli Majlis"),
        ("vladimir-shumeyko", "1994-05-05", "Chair", "CIS Inter-Parliamentary Assembly"),
        ("vladimir-shumeyko", "1994-05-05", "Chair", "Federation Council of Russia"),
    ]


def test_kazan_date_disagreement_is_visible(loaded_corpus):
    rows = loaded_corpus.read(
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


def test_one_fact_from_three_sources_is_one_relationship(loaded_corpus):
    rows = loaded_corpus.read(
        "MATCH (:Agreement {id: 'ceasefire-1994'})-[r:BASED_ON]->(:Agreement {id: 'bishkek-protocol'}) "
        "RETURN r.sources AS sources, r.corroboration AS n"
    )
    assert rows == [{"sources": ["karavayev-2016", "remler-2020", "russia-initiatives"], "n": 3}]


def test_a_yearless_date_merges_with_the_precise_one(loaded_corpus):
    """russia-initiatives gives 15 April without a year; karavayev-2016 gives 15 April 1994."""
    rows = loaded_corpus.read(
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
def test_name_variants_find_one_entity(loaded_corpus, spelling, entity):
    rows = loaded_corpus.read(
        "MATCH (n:Entity) WHERE n.name = $s OR $s IN n.aliases RETURN n.id AS id", {"s": spelling}
    )
    assert rows == [{"id": entity}]


def test_every_relationship_carries_time_bounds_and_citations(loaded_corpus):
    (row,) = loaded_corpus.read(
        "MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS all, "
        "sum(CASE WHEN size(r.citations) > 0 AND size(r.sources) > 0 THEN 1 ELSE 0 END) AS cited, "
        "sum(CASE WHEN r.time IS NULL OR (r.earliest IS NOT NULL OR r.latest IS NOT NULL) THEN 1 ELSE 0 END) AS bounded"
    )
    assert row["all"] == row["cited"] == row["bounded"]


# -- A broad sample of the corpus: (documents, types, query, params, expected rows) --------------
S1, S2, S3, S4 = "russia-initiatives", "tadevosyan-kazan", "remler-2020", "karavayev-2016"

FACTS = {
    "Aliyev and Sargsyan signed the Meindorf declaration in November 2008": (
        [S4],
        ["SIGNED"],
        "MATCH (p:Person)-[s:SIGNED]->(:Agreement {id: 'meindorf-declaration'}) RETURN p.id AS who, s.time AS time ORDER BY who",
        {},
        [{"who": "ilham-aliyev", "time": "2008-11"}, {"who": "serzh-sargsyan", "time": "2008-11"}],
    ),
    "Armenia and Azerbaijan signed the Alma-Ata Protocols on 21 December 1991": (
        [S3],
        ["SIGNED"],
        "MATCH (s:State)-[r:SIGNED]->(:Agreement {id: 'alma-ata-protocols'}) RETURN s.id AS who, r.time AS time ORDER BY who",
        {},
        [{"who": "armenia", "time": "1991-12-21"}, {"who": "azerbaijan", "time": "1991-12-21"}],
    ),
    "Azerbaijan refused the 1996 trilateral declaration": (
        [S1],
        ["REFUSED"],
        "MATCH (s)-[r:REFUSED]->(:Agreement {id: 'trilateral-declaration-1996'}) RETURN s.id AS who, r.time AS time",
        {},
        [{"who": "azerbaijan", "time": "1996-05"}],
    ),
    "Aliyev refused the Kazan document on 24 June 2011 (two sources)": (
        [S2, S3],
        ["REFUSED"],
        "MATCH (:Person {id: 'ilham-aliyev'})-[r:REFUSED]->(:Agreement {id: 'kazan-document'}) RETURN r.time AS time, r.sources AS sources",
        {},
        [{"time": "2011-06-24", "sources": [S3, S2]}],
    ),
    "Kocharyan and Vazgen Sargsyan rejected the 1997 step-by-step plan for Armenia": (
        [S3],
        ["REFUSED"],
        "MATCH (p)-[r:REFUSED]->(:Agreement {id: 'step-by-step-plan-1997'}) RETURN p.id AS who, r.time AS time, r.on_behalf_of AS for ORDER BY who",
        {},
        [
            {"who": "robert-kocharyan", "time": "1998", "for": "armenia"},
            {"who": "vazgen-sargsyan", "time": "1998", "for": "armenia"},
        ],
    ),
    "The three co-chair states refused to back UNGA resolution 62/243, which the Assembly adopted in March 2008": (
        [S4],
        ["REFUSED", "ADOPTED"],
        "MATCH (a)-[r:REFUSED|ADOPTED]->(:Agreement {id: 'unga-resolution-62-243'}) RETURN a.id AS who, type(r) AS act, r.time AS time ORDER BY act, who",
        {},
        [
            {"who": "un-general-assembly", "act": "ADOPTED", "time": "2008-03"},
            {"who": "france", "act": "REFUSED", "time": "2008-03"},
            {"who": "russia", "act": "REFUSED", "time": "2008-03"},
            {"who": "united-states", "act": "REFUSED", "time": "2008-03"},
        ],
    ),
    "Azerbaijan accepted the updated Madrid Principles in early 2010": (
        [S2],
        ["ACCEPTED"],
        # Fassier: the updated version, early in 2010 (EDTF 2010-40, the first half).
        "MATCH (s)-[r:ACCEPTED]->(:Agreement {id: 'updated-madrid-principles'}) RETURN s.id AS who, r.time AS time",
        {},
        [{"who": "azerbaijan", "time": "2010-40"}],
    ),
    "The US and France assented to Russia's presidential meetings (2008-2012)": (
        [S3],
        ["ACCEPTED"],
        "MATCH (s)-[r:ACCEPTED]->(:Format {id: 'trilateral-presidential-meetings'}) RETURN s.id AS who, r.time AS time, r.confidence AS c ORDER BY who",
        {},
        [
            {"who": "france", "time": "2008/2012", "c": "medium"},
            {"who": "united-states", "time": "2008/2012", "c": "medium"},
        ],
    ),
    "The UN Security Council adopted resolutions 822, 853, 874 and 884 in 1993": (
        [S3],
        ["ADOPTED"],
        "MATCH (:Organization {id: 'un-security-council'})-[r:ADOPTED]->(d:Agreement) RETURN d.id AS doc, r.time AS time ORDER BY time",
        {},
        [
            {"doc": "unsc-resolution-822", "time": "1993-04-30"},
            {"doc": "unsc-resolution-853", "time": "1993-07-29"},
            {"doc": "unsc-resolution-874", "time": "1993-10-14"},
            {"doc": "unsc-resolution-884", "time": "1993-11-12"},
        ],
    ),
    "The OSCE Chairperson-in-Office issued the co-chairmanship mandate on 23 March 1995": (
        [S1],
        ["ADOPTED"],
        "MATCH (o)-[r:ADOPTED]->(:Agreement {id: 'co-chairmanship-mandate-1995'}) RETURN o.id AS who, r.time AS time",
        {},
        [{"who": "osce-chairmanship", "time": "1995-03-23"}],
    ),
    "Russia, the US and France issued the Deauville statement on 26 May 2011": (
        [S2],
        ["ADOPTED"],
        "MATCH (o)-[r:ADOPTED]->(:Agreement {id: 'deauville-statement'}) RETURN o.id AS who, r.time AS time ORDER BY who",
        {},
        [
            {"who": "france", "time": "2011-05-26"},
            {"who": "russia", "time": "2011-05-26"},
            {"who": "united-states", "time": "2011-05-26"},
        ],
    ),
    "Medvedev mediated the Meindorf declaration for Russia": (
        [S4],
        ["MEDIATED"],
        "MATCH (p)-[r:MEDIATED]->(:Agreement {id: 'meindorf-declaration'}) RETURN p.id AS who, r.time AS time, r.on_behalf_of AS for",
        {},
        [{"who": "dmitry-medvedev", "time": "2008-11", "for": "russia"}],
    ),
    "The Minsk Group was the OSCE's mediator of the conflict, 1992-2020": (
        [S3],
        ["MEDIATED"],
        "MATCH (:Format {id: 'minsk-group'})-[r:MEDIATED]->(:Conflict {id: 'karabakh-conflict'}) WHERE r.time IS NOT NULL RETURN r.time AS time, r.on_behalf_of AS for",
        {},
        [{"time": "1992/2020", "for": "osce"}],
    ),
    "The first mediators were Russia, Kazakhstan, Iran, the CIS and the CSCE": (
        [S1],
        ["MEDIATED"],
        "MATCH (m)-[r:MEDIATED]->(:Conflict {id: 'karabakh-conflict'}) WHERE m.id IN ['kazakhstan', 'iran', 'cis', 'osce'] RETURN m.id AS who ORDER BY who",
        {},
        [{"who": "cis"}, {"who": "iran"}, {"who": "kazakhstan"}, {"who": "osce"}],
    ),
    "Lavrov carried Medvedev's post-Kazan proposals to both capitals in July 2011": (
        [S2],
        ["MEDIATED"],
        "MATCH (m)-[r:MEDIATED]->(:Agreement {id: 'medvedev-proposals-2011'}) RETURN m.id AS who, r.time AS time, r.on_behalf_of AS for",
        {},
        [{"who": "sergey-lavrov", "time": "2011-07", "for": "russia"}],
    ),
    "Armenian forces attacked in the summer 1993 offensive": (
        [S3],
        ["PARTY_TO"],
        "MATCH (m)-[r:PARTY_TO]->(:Event {id: 'southern-offensive-1993'}) RETURN m.id AS who, r.time AS time, r.role AS role",
        {},
        [{"who": "armenian-forces", "time": "1993-22", "role": "attacking side"}],
    ),
    "Armenia, Azerbaijan and the NKR are parties to the conflict": (
        [S1, S2, S3, S4],
        ["PARTY_TO"],
        "MATCH (s:State)-[r:PARTY_TO]->(:Conflict {id: 'karabakh-conflict'}) RETURN DISTINCT s.id AS who ORDER BY who",
        {},
        [{"who": "armenia"}, {"who": "azerbaijan"}, {"who": "nkr"}],
    ),
    "Russia set up the 1992 mission and initiated the August 2014 meeting": (
        [S1],
        ["INITIATED", "FOUNDED"],
        "MATCH (:State {id: 'russia'})-[r:INITIATED|FOUNDED]->(x) WHERE x.id IN ['russian-mediation-mission-1992', 'sochi-meeting-2014'] RETURN x.id AS what, type(r) AS how, r.time AS time ORDER BY what",
        {},
        [
            {"what": "russian-mediation-mission-1992", "how": "FOUNDED", "time": "1992-05-05"},
            {"what": "sochi-meeting-2014", "how": "INITIATED", "time": "2014-08-10"},
        ],
    ),
    "Kazimirov set up the 1994 Bishkek talks": (
        [S3],
        ["INITIATED"],
        "MATCH (:Person {id: 'vladimir-kazimirov'})-[r:INITIATED]->(x) RETURN x.id AS what, r.time AS time",
        {},
        [{"what": "bishkek-meeting-1994", "time": "1994"}],
    ),
    "Hosts: Key West 2001, Rambouillet 2006, the European Parliament hearing 2011; Warsaw is where, not who": (
        [S2, S3, S4],
        ["HOSTED"],
        "MATCH (h)-[r:HOSTED]->(e:Event) WHERE e.id IN ['warsaw-meeting-2004', 'key-west-talks-2001', 'rambouillet-talks-2006', 'european-parliament-hearing-2011'] RETURN h.id AS host, e.id AS event, r.time AS time ORDER BY event",
        {},
        [
            {
                "host": "european-parliament-foreign-affairs-committee",
                "event": "european-parliament-hearing-2011",
                "time": "2011-06-15",
            },
            {"host": "united-states", "event": "key-west-talks-2001", "time": "2001"},
            {"host": "france", "event": "rambouillet-talks-2006", "time": "2006"},
        ],
    ),
    "The Warsaw meeting of April 2004 took place in Warsaw": (
        [S4],
        ["TOOK_PLACE_IN"],
        "MATCH (:Event {id: 'warsaw-meeting-2004'})-[r:TOOK_PLACE_IN]->(p) RETURN p.id AS place, r.time AS time",
        {},
        [{"place": "warsaw", "time": "2004-04"}],
    ),
    "Grachev organised the Sochi meeting of 19 September 1992 for Russia": (
        [S1],
        ["HOSTED"],
        "MATCH (:Person {id: 'pavel-grachev'})-[r:HOSTED]->(e) RETURN e.id AS event, r.role AS role, r.on_behalf_of AS for, r.time AS time",
        {},
        [
            {
                "event": "sochi-meeting-1992",
                "role": "organizer",
                "for": "russia",
                "time": "1992-09-19",
            }
        ],
    ),
    "Effective dates: the Sochi truce from 26 September 1992, the May 1994 ceasefire from the 12th, the incidents agreement from 6 February 1995": (
        [S1],
        ["PROVIDES_FOR"],
        "MATCH (a:Agreement) WHERE a.in_force IS NOT NULL RETURN a.id AS doc, a.in_force AS in_force ORDER BY in_force",
        {},
        [
            {"doc": "sochi-accord-1992", "in_force": "1992-09-26"},
            {"doc": "ceasefire-1994", "in_force": "1994-05-12"},
            {"doc": "armed-incidents-agreement-1995", "in_force": "1995-02-06"},
        ],
    ),
    "Vazgen Sargsyan and Karen Demirchyan were killed in the parliament on 27 October 1999": (
        [S3],
        ["VICTIM_OF"],
        "MATCH (p:Person)-[v:VICTIM_OF {harm: 'killed'}]->(e:Event) WHERE p.died IS NOT NULL RETURN p.id AS who, e.id AS event, v.time AS time, p.died AS died ORDER BY who",
        {},
        [
            {
                "who": "karen-demirchyan",
                "event": "armenian-parliament-shooting-1999",
                "time": "1999-10-27",
                "died": "1999-10-27",
            },
            {
                "who": "vazgen-sargsyan",
                "event": "armenian-parliament-shooting-1999",
                "time": "1999-10-27",
                "died": "1999-10-27",
            },
        ],
    ),
    "Russia submitted its two-stage plan to Boutros-Ghali and Dienstbier on 13 April 1992": (
        [S1],
        ["SUBMITTED_TO"],
        # ... and afterwards, undated, to the leaders of the sides (Azerbaijan, the NKR).
        "MATCH (:Agreement {id: 'russian-two-stage-plan-1992'})-[r:SUBMITTED_TO]->(p) RETURN p.id AS to, r.by AS by, r.time AS time ORDER BY to",
        {},
        [
            {"to": "azerbaijan", "by": "russia", "time": None},
            {"to": "boutros-boutros-ghali", "by": "russia", "time": "1992-04-13"},
            {"to": "jiri-dienstbier", "by": "russia", "time": "1992-04-13"},
            {"to": "nkr", "by": "russia", "time": None},
        ],
    ),
    "The Alma-Ata Protocols founded the CIS; the Budapest decision the co-chairmanship": (
        [S1, S3],
        ["FOUNDED"],
        "MATCH (a)-[r:FOUNDED]->(b) WHERE a.id IN ['alma-ata-protocols', 'budapest-decision-1994'] RETURN a.id AS founder, b.id AS founded, r.time AS time ORDER BY time",
        {},
        [
            {"founder": "alma-ata-protocols", "founded": "cis", "time": "1991-12-21"},
            {
                "founder": "budapest-decision-1994",
                "founded": "minsk-group-co-chairmanship",
                "time": "1994-12",
            },
        ],
    ),
    "The Treaty of Lausanne (1923) replaced Sevres": (
        [S3],
        ["SUPERSEDED"],
        "MATCH (a)-[r:SUPERSEDED]->(b {id: 'treaty-of-sevres'}) WHERE r.confidence IS NULL RETURN a.id AS newer, b.id AS older, r.time AS time",
        {},
        [{"newer": "treaty-of-lausanne", "older": "treaty-of-sevres", "time": "1923"}],
    ),
    "Dienstbier chaired the CSCE in April 1992; Sweden was to chair the OSCE in 2021": (
        [S1, S3],
        ["CHAIRED"],
        "MATCH (s)-[r:CHAIRED]->(o) RETURN s.id AS chair, o.id AS body, r.time AS time ORDER BY time",
        {},
        [
            {"chair": "jiri-dienstbier", "body": "osce", "time": "1992-04-13"},
            {"chair": "sweden", "body": "osce", "time": "2021"},
        ],
    ),
    "Ibrahimov and four Armenian soldiers were killed at Chayli in June 2010": (
        [S4],
        ["VICTIM_OF"],
        "MATCH (v)-[r:VICTIM_OF]->(:Event {id: 'chayli-clash-2010'}) RETURN v.id AS victim, r.harm AS harm, r.quantity AS how_many ORDER BY victim",
        {},
        [
            {"victim": "armenian-forces", "harm": "killed", "how_many": 4},
            {"victim": "mubariz-ibrahimov", "harm": "killed", "how_many": None},
        ],
    ),
    "Ilham Aliyev succeeded his father Heydar as president in 2003": (
        [S3],
        ["SUCCEEDED", "RELATIVE_OF"],
        "MATCH (i:Person {id: 'ilham-aliyev'})-[r]->(h:Person {id: 'heydar-aliyev'}) WHERE type(r) IN ['SUCCEEDED', 'RELATIVE_OF'] RETURN type(r) AS link, r.office AS office, r.relation AS relation, r.time AS time, h.died AS died ORDER BY link",
        {},
        [
            {
                "link": "RELATIVE_OF",
                "office": None,
                "relation": "child",
                "time": None,
                "died": "2003",
            },
            {
                "link": "SUCCEEDED",
                "office": "President",
                "relation": None,
                "time": "2003",
                "died": "2003",
            },
        ],
    ),
    "The November 2020 statement provided for 1,960 peacekeepers, whom Russia deployed": (
        [S3],
        ["PROVIDES_FOR", "DEPLOYED_TO"],
        "MATCH (:Agreement {id: 'november-2020-statement'})-[p:PROVIDES_FOR]->(x:Provision {category: 'peacekeeping'}) MATCH (:State {id: 'russia'})-[d:DEPLOYED_TO]->(place) RETURN x.category AS provision, p.quantity AS quantity, p.unit AS unit, place.id AS deployed_to, d.earliest AS from",
        {},
        [
            {
                "provision": "peacekeeping",
                "quantity": 1960,
                "unit": "peacekeepers",
                "deployed_to": "nagorno-karabakh",
                "from": "2020-11-01",
            }
        ],
    ),
    "Russia's 2010-2011 contracts with Azerbaijan: about USD 3 billion, 60 Mi-17 and 24 Mi-35M": (
        [S4],
        ["SUPPLIED_ARMS_TO"],
        "MATCH (:State {id: 'russia'})-[r:SUPPLIED_ARMS_TO {contract: 'russia-azerbaijan-arms-contracts-2010'}]->(:State {id: 'azerbaijan'}) RETURN r.value AS value, r.currency AS currency, r.quantity AS quantity ORDER BY coalesce(quantity, 1000), coalesce(value, 0)",
        {},
        # Para 6: two S-300 PMU-2 divisions, several Tor-2ME batteries (no number), 60
        # Mi-17 and 24 Mi-35M helicopters; the contracts put at three billion dollars.
        [
            {"value": None, "currency": None, "quantity": 2},
            {"value": None, "currency": None, "quantity": 24},
            {"value": None, "currency": None, "quantity": 60},
            {"value": None, "currency": None, "quantity": None},
            {"value": 3000000000, "currency": "USD", "quantity": None},
        ],
    ),
    "The US and French co-chairs spoke at the European Parliament hearing of 15 June 2011": (
        [S2],
        ["ATTENDED"],
        "MATCH (p:Person)-[r:ATTENDED]->(:Event {id: 'european-parliament-hearing-2011'}) RETURN p.id AS who, r.role AS role, r.time AS time ORDER BY who",
        {},
        [
            {"who": "bernard-fassier", "role": "French co-chair", "time": "2011-06-15"},
            {"who": "robert-bradtke", "role": "U.S. co-chair", "time": "2011-06-15"},
        ],
    ),
    "The 2016 Vienna talks drew the US, Russian, French and EU foreign policy chiefs": (
        [S4],
        ["ATTENDED"],
        "MATCH (a)-[r:ATTENDED {role: 'foreign policy chief'}]->(:Event {id: 'vienna-talks-2016'}) RETURN a.id AS who ORDER BY who",
        {},
        [{"who": "eu"}, {"who": "france"}, {"who": "russia"}, {"who": "united-states"}],
    ),
    "Russia proposed the two-stage plan on 13 April 1992": (
        [S1],
        ["PROPOSED"],
        "MATCH (p)-[r:PROPOSED]->(:Agreement {id: 'russian-two-stage-plan-1992'}) RETURN p.id AS who, r.time AS time",
        {},
        [{"who": "russia", "time": "1992-04-13"}],
    ),
    "Russian peacekeepers were proposed in 1994, after 2016 and on 14 October 2020": (
        [S3],
        ["PROPOSED"],
        "MATCH (p)-[r:PROPOSED]->(:Organization {id: 'russian-peacekeeping-force'}) RETURN p.id AS who, r.time AS time ORDER BY time, who",
        {},
        [
            {"who": "russia", "time": "1994"},
            {"who": "vladimir-kazimirov", "time": "1994"},
            {"who": "russia", "time": "2016/2020-11"},
            {"who": "sergey-lavrov", "time": "2020-10-14"},
        ],
    ),
    "Outcomes: Budapest 1994, Prague process, Kelbajar 1993, the 2020 war": (
        [S1, S3, S4],
        ["RESULTED_IN"],
        "MATCH (a)-[r:RESULTED_IN]->(b) WHERE a.id IN ['budapest-summit-1994', 'budapest-decision-1994', 'prague-process', 'kelbajar-offensive-1993', 'war-2020'] RETURN a.id AS from, b.id AS to ORDER BY from, to",
        {},
        [
            # The decision founded the co-chairmanship (FOUNDED, above), not RESULTED_IN.
            {"from": "budapest-decision-1994", "to": "minsk-group"},
            {"from": "budapest-summit-1994", "to": "budapest-decision-1994"},
            {"from": "kelbajar-offensive-1993", "to": "azerbaijan-revolution-1993"},
            {"from": "kelbajar-offensive-1993", "to": "turkey-armenia-border-closure-1993"},
            {"from": "prague-process", "to": "madrid-principles"},
            {"from": "war-2020", "to": "november-2020-statement"},
        ],
    ),
    "The presidential meetings produced the Meindorf, Astrakhan and Sochi statements": (
        [S1],
        ["RESULTED_IN"],
        "MATCH (:Format {id: 'trilateral-presidential-meetings'})-[r:RESULTED_IN]->(d) RETURN d.id AS doc, r.time AS time ORDER BY time",
        {},
        [
            {"doc": "meindorf-declaration", "time": "2008-11-02"},
            {"doc": "astrakhan-statement", "time": "2010-10-27"},
            {"doc": "sochi-statement-2011", "time": "2011-03-05"},
        ],
    ),
    "Lineage of the Kazan document back through the Madrid Principles": (
        [S2, S3, S4],
        ["BASED_ON"],
        "MATCH p = (:Agreement {id: 'kazan-document'})-[:BASED_ON*1..5]->(d:Agreement) RETURN d.id AS ancestor, length(p) AS steps ORDER BY steps, ancestor",
        {},
        # The Kazan draft set down the latest, updated version of the principles
        # (tadevosyan-kazan), which itself derives from the Madrid text.
        [
            {"ancestor": "madrid-principles", "steps": 1},
            {"ancestor": "updated-madrid-principles", "steps": 1},
            {"ancestor": "madrid-principles", "steps": 2},
            {"ancestor": "mixed-plan-2005", "steps": 2},
            {"ancestor": "step-by-step-plan-1997", "steps": 2},
            {"ancestor": "mixed-plan-2005", "steps": 3},
            {"ancestor": "step-by-step-plan-1997", "steps": 3},
        ],
    ),
    "The 1994 reaffirmations and the February 1995 incidents agreement build on the May ceasefire": (
        [S1],
        ["BASED_ON"],
        "MATCH (d)-[:BASED_ON]->(:Agreement {id: 'ceasefire-1994'}) RETURN d.id AS doc, d.time AS time ORDER BY time",
        {},
        [
            {"doc": "ceasefire-reaffirmation-1994", "time": "1994-07-26/1994-07-27"},
            {"doc": "ceasefire-orders-statements-1994", "time": "1994-08-29"},
            {"doc": "armed-incidents-agreement-1995", "time": "1995-02"},
        ],
    ),
    "Kazakhstan took part in the Zheleznovodsk process with Russia": (
        [S1],
        ["MEMBER_OF"],
        "MATCH (s)-[:MEMBER_OF]->(:Format {id: 'zheleznovodsk-process'}) RETURN s.id AS who ORDER BY who",
        {},
        [{"who": "kazakhstan"}, {"who": "russia"}],
    ),
    "Germany, Turkey and Sweden sat in the Minsk Group beside the co-chairs in 2020": (
        [S3],
        ["MEMBER_OF"],
        "MATCH (s)-[r:MEMBER_OF {time: '2020'}]->(:Format {id: 'minsk-group'}) WHERE s.id IN ['germany', 'turkey', 'sweden'] RETURN s.id AS who ORDER BY who",
        {},
        [{"who": "germany"}, {"who": "sweden"}, {"who": "turkey"}],
    ),
    "Russia and Sweden were the first co-chairs (December 1994); the US and France joined in 1997": (
        [S1, S3],
        ["CO_CHAIR_OF"],
        "MATCH (s:State)-[r:CO_CHAIR_OF]->(:Format {id: 'minsk-group-co-chairmanship'}) WHERE r.earliest IS NOT NULL WITH s, min(r.earliest) AS first RETURN s.id AS who, first ORDER BY first, who",
        {},
        [
            {"who": "russia", "first": "1994-12-01"},
            {"who": "sweden", "first": "1994-12-01"},
            {"who": "france", "first": "1997-01-01"},
            {"who": "united-states", "first": "1997-01-01"},
        ],
    ),
    "Kazimirov's offices": (
        [S1, S3],
        ["HELD_POSITION"],
        "MATCH (:Person {id: 'vladimir-kazimirov'})-[r:HELD_POSITION]->(b) RETURN b.id AS body, r.title AS title, r.time AS time ORDER BY body, title",
        {},
        [
            {"body": "minsk-group", "title": "Negotiator", "time": "/1997"},
            {"body": "russia", "title": "Ambassador-at-Large", "time": "1992-05-05"},
            {"body": "russia", "title": "Plenipotentiary Representative", "time": "1994-05-05"},
            {"body": "russian-mediation-mission-1992", "title": "Head", "time": "1992-05-05/"},
        ],
    ),
    "Presidents of Armenia, Azerbaijan and Russia at the Kazan summit (24 June 2011)": (
        [S1, S2, S3, S4],
        ["HELD_POSITION"],
        "MATCH (p:Person)-[h:HELD_POSITION {title: 'President'}]->(s:State) WHERE s.id IN ['armenia', 'azerbaijan', 'russia'] AND h.earliest <= $day AND $day <= h.latest RETURN DISTINCT s.id AS state, p.name AS president ORDER BY state",
        {"day": "2011-06-24"},
        [
            {"state": "armenia", "president": "Serzh Sargsyan"},
            {"state": "azerbaijan", "president": "Ilham Aliyev"},
            {"state": "russia", "president": "Dmitry Medvedev"},
        ],
    ),
    "Ter-Petrosyan was president until January 1998 (two sources)": (
        [S2, S3],
        ["HELD_POSITION"],
        "MATCH (:Person {id: 'levon-ter-petrosyan'})-[r:HELD_POSITION]->(:State {id: 'armenia'}) RETURN r.time AS time, r.latest AS last, r.sources AS sources",
        {},
        [{"time": "/1998-01", "last": "1998-01-31", "sources": [S3, S2]}],
    ),
    "Rogozin was Deputy Prime Minister when in Baku on 8 April 2016": (
        [S4],
        ["HELD_POSITION"],
        "MATCH (:Person {id: 'dmitry-rogozin'})-[r:HELD_POSITION]->(s) RETURN s.id AS state, r.title AS title, r.time AS time",
        {},
        [{"state": "russia", "title": "Deputy Prime Minister", "time": "2016-04-08"}],
    ),
    "Levonarkh lies in Mardakert District; the April 2016 clashes belong to the conflict (three sources)": (
        [S2, S3, S4],
        ["PART_OF"],
        "MATCH (a)-[r:PART_OF]->(b) WHERE a.id IN ['levonarkh', 'april-2016-clashes'] RETURN a.id AS part, b.id AS whole, size(r.sources) AS n ORDER BY part",
        {},
        [
            {"part": "april-2016-clashes", "whole": "karabakh-conflict", "n": 3},
            {"part": "levonarkh", "whole": "mardakert-district", "n": 1},
        ],
    ),
    "Kelbajar fell in March-April 1993; Sargsyan spoke in Kyiv on 1 July 2011": (
        [S2, S3],
        ["TOOK_PLACE_IN"],
        "MATCH (e:Event)-[r:TOOK_PLACE_IN]->(p) WHERE e.id IN ['kelbajar-offensive-1993', 'kyiv-press-conference-2011'] RETURN e.id AS event, p.id AS place, r.time AS time ORDER BY event, r.latest DESC",
        {},
        [
            {"event": "kelbajar-offensive-1993", "place": "kelbajar", "time": "1993-03/1993-04"},
            # remler-2020 para 88: partly staged from Armenian soil (medium).
            {"event": "kelbajar-offensive-1993", "place": "armenia", "time": "1993-03"},
            {"event": "kyiv-press-conference-2011", "place": "kyiv", "time": "2011-07-01"},
        ],
    ),
    "Turkey backed Azerbaijan militarily and diplomatically in 2020": (
        [S3],
        ["SUPPORTED"],
        "MATCH (:State {id: 'turkey'})-[r:SUPPORTED]->(:State {id: 'azerbaijan'}) RETURN r.kind AS kind, r.time AS time ORDER BY kind",
        {},
        [{"kind": "diplomatic", "time": "2020"}, {"kind": "military", "time": "2020"}],
    ),
    "Sarkozy backed Sargsyan before Kazan; the US backed the 2009 Turkish-Armenian opening": (
        [S2, S3],
        ["SUPPORTED"],
        "MATCH (a)-[r:SUPPORTED]->(b) WHERE a.id = 'nicolas-sarkozy' OR b.id = 'turkey-armenia-normalization-2009' RETURN a.id AS a, b.id AS b, r.kind AS kind, r.time AS time ORDER BY a",
        {},
        [
            {
                "a": "nicolas-sarkozy",
                "b": "serzh-sargsyan",
                "kind": "diplomatic",
                "time": "2011-06",
            },
            {
                "a": "united-states",
                "b": "turkey-armenia-normalization-2009",
                "kind": "diplomatic",
                "time": "2009",
            },
        ],
    ),
    "Arms supplies: Russia to Azerbaijan 2010-2017, Turkey to Azerbaijan 2020": (
        [S2, S3, S4],
        ["SUPPLIED_ARMS_TO"],
        # The MEPs' undated allegation at the 2011 hearing (S2) stands apart from the
        # contracts' deliveries (S4), which carry their contract, items and numbers: the
        # Tor-2ME batteries (no number), the contracts' value, 2 S-300 divisions, 24
        # Mi-35M and 60 Mi-17 helicopters.
        "MATCH (a)-[r:SUPPLIED_ARMS_TO]->(:State {id: 'azerbaijan'}) WHERE a:State RETURN a.id AS who, r.time AS time, r.confidence AS confidence, r.quantity AS quantity, r.value AS value, r.sources AS sources ORDER BY who, coalesce(time, ''), coalesce(quantity, 0), coalesce(value, 0)",
        {},
        [
            {
                "who": "russia",
                "time": None,
                "confidence": "low",
                "quantity": None,
                "value": None,
                "sources": [S2],
            },
            {
                "who": "russia",
                "time": "2010/2017",
                "confidence": None,
                "quantity": None,
                "value": None,
                "sources": [S4],
            },
            {
                "who": "russia",
                "time": "2010/2017",
                "confidence": None,
                "quantity": None,
                "value": 3000000000,
                "sources": [S4],
            },
            {
                "who": "russia",
                "time": "2010/2017",
                "confidence": None,
                "quantity": 2,
                "value": None,
                "sources": [S4],
            },
            {
                "who": "russia",
                "time": "2010/2017",
                "confidence": None,
                "quantity": 24,
                "value": None,
                "sources": [S4],
            },
            {
                "who": "russia",
                "time": "2010/2017",
                "confidence": None,
                "quantity": 60,
                "value": None,
                "sources": [S4],
            },
            {
                "who": "turkey",
                "time": "2020",
                "confidence": None,
                "quantity": None,
                "value": None,
                "sources": [S3],
            },
        ],
    ),
    "Russia is Armenia's ally": (
        [S3],
        ["ALLIED_WITH"],
        "MATCH (a)-[:ALLIED_WITH]->(b) RETURN a.id AS a, b.id AS b",
        {},
        [{"a": "russia", "b": "armenia"}],
    ),
    "On 26 May 2011 Russia, the US and France urged Armenia and Azerbaijan": (
        [S2],
        ["URGED"],
        "MATCH (a)-[r:URGED]->(b) WHERE r.time = '2011-05-26' RETURN a.id AS a, b.id AS b ORDER BY a, b",
        {},
        [
            {"a": a, "b": b}
            for a in ("france", "russia", "united-states")
            for b in ("armenia", "azerbaijan")
        ],
    ),
    "Pashinyan appealed to Putin in October 2020": (
        [S3],
        ["URGED"],
        "MATCH (:Person {id: 'nikol-pashinyan'})-[r:URGED]->(b) RETURN b.id AS whom, r.time AS time",
        {},
        [{"whom": "vladimir-putin", "time": "2020-10"}],
    ),
    "Spelling variants find one entity": (
        [S1, S2, S3, S4],
        [],
        "UNWIND $names AS n MATCH (e:Entity) WHERE e.name = n OR n IN e.aliases RETURN n AS name, e.id AS id ORDER BY name",
        {
            "names": [
                "Edward Nalbandyan",
                "Edward Nalbandian",
                "Pavel Grachov",
                "Dmitriy Medvedev",
                "Nagornyy Karabakh",
                "Kalbajar",
                "Süleyman Demirel",
            ]
        },
        [
            {"name": "Dmitriy Medvedev", "id": "dmitry-medvedev"},
            {"name": "Edward Nalbandian", "id": "edward-nalbandian"},
            {"name": "Edward Nalbandyan", "id": "edward-nalbandian"},
            {"name": "Kalbajar", "id": "kelbajar"},
            {"name": "Nagornyy Karabakh", "id": "nkr"},
            {"name": "Pavel Grachov", "id": "pavel-grachev"},
            {"name": "Süleyman Demirel", "id": "suleyman-demirel"},
        ],
    ),
    "People sharing a surname are separate entities": (
        [S1, S3],
        [],
        "MATCH (p:Person) WHERE p.name ENDS WITH 'Sargsyan' OR p.name ENDS WITH 'Aliyev' RETURN p.id AS id ORDER BY id",
        {},
        [
            {"id": "heydar-aliyev"},
            {"id": "ilham-aliyev"},
            {"id": "serzh-sargsyan"},
            {"id": "vazgen-sargsyan"},
        ],
    ),
    "The Minsk Group's three phases are periods": (
        [S3],
        [],
        "MATCH (p:Period) WHERE p.id STARTS WITH 'minsk-group-' RETURN p.id AS id, p.earliest AS first, p.latest AS last ORDER BY first, id",
        {},
        [
            {"id": "minsk-group-first-phase", "first": "1992-01-01", "last": "1998-12-31"},
            {"id": "minsk-group-second-phase", "first": "1998-01-01", "last": "2005-12-31"},
            {"id": "minsk-group-third-phase", "first": "2005-01-01", "last": "2020-12-31"},
            {"id": "minsk-group-dormancy", "first": "2011-01-01", "last": "2020-12-31"},
        ],
    ),
}


@pytest.mark.parametrize("fact", FACTS, ids=list(FACTS))
def test_fact(loaded_corpus, fact):
    _, _, query, params, expected = FACTS[fact]
    assert loaded_corpus.read(query, params) == expected


def test_the_facts_cover_every_document_and_relationship_type():
    from dipgraph.loader.vocabulary import RELATIONSHIPS

    covered_types = {t for _, types, *_ in FACTS.values() for t in types}
    covered_sources = {s for sources, *_ in FACTS.values() for s in sources}
    assert covered_types == set(RELATIONSHIPS)
    assert covered_sources == {S1, S2, S3, S4}
    assert len(FACTS) >= 40


def test_saved_query_lists_every_disagreement(loaded_corpus):
    """The Kazan summit's day (24 or 25 June 2011), and the accounts curators marked as
    conflicting: whether Armenia refused the Kazan document or was ready to accept it;
    whether Kazan produced an agreement or Azerbaijan refused the draft; when the Madrid
    principles took their name; whether the 1994 ceasefire is the Bishkek Protocol and
    whether the protocol provided for peacekeepers; how many amendments Azerbaijan
    tabled (about ten, or eight or nine)."""
    from dipgraph.cypher import read_statement

    rows = loaded_corpus.read(read_statement("queries/source_disagreements"))
    versions = {
        (r["subject"], r["relationship"], r["object"], r["time"], tuple(r["sources"])) for r in rows
    }
    summit, series = (
        "Kazan summit",
        "Trilateral meetings of the presidents of Russia, Armenia and Azerbaijan",
    )
    kazan, amendments = (
        "Kazan document",
        "Azerbaijani amendments to the Basic Principles (Kazan, 2011)",
    )
    ceasefire, protocol = "May 1994 ceasefire agreement", "Bishkek Protocol"
    assert versions == {
        ("Dmitry Medvedev", "ATTENDED", summit, "2011-06-24", (S2,)),
        ("Dmitry Medvedev", "ATTENDED", summit, "2011-06-25", (S1,)),
        ("Dmitry Medvedev", "MEDIATED", summit, "2011-06-24", (S4, S2)),
        ("Dmitry Medvedev", "MEDIATED", summit, "2011-06-25", (S1,)),
        ("Ilham Aliyev", "ATTENDED", summit, "2011-06-24", (S2,)),
        ("Ilham Aliyev", "ATTENDED", summit, "2011-06-25", (S1,)),
        ("Serzh Sargsyan", "ATTENDED", summit, "2011-06-24", (S2,)),
        ("Serzh Sargsyan", "ATTENDED", summit, "2011-06-25", (S1,)),
        ("Kazan summit", "PART_OF", series, "2011-06-24", (S4, S2)),
        ("Kazan summit", "PART_OF", series, "2011-06-25", (S1,)),
        ("Kazan summit", "TOOK_PLACE_IN", "Kazan", "2011-06-24", (S4, S2)),
        ("Kazan summit", "TOOK_PLACE_IN", "Kazan", "2011-06-25", (S1,)),
        ("Armenia", "ACCEPTED", kazan, "2011-06", (S2,)),
        ("Serzh Sargsyan", "ACCEPTED", kazan, None, (S4,)),
        ("Serzh Sargsyan", "REFUSED", kazan, "2011", (S3,)),
        ("Kazan summit", "RESULTED_IN", kazan, "2011-06-24", (S4,)),
        ("Azerbaijan", "REFUSED", kazan, "2011-06-24", (S2,)),
        ("Ilham Aliyev", "REFUSED", kazan, "2011-06-24", (S3, S2)),
        ("Madrid Principles", "SUBMITTED_TO", "Armenia", "2007-11", (S4,)),
        ("Minsk Group co-chairmanship", "PROPOSED", "Madrid Principles", "2005/2006", (S2,)),
        ("Nagorno-Karabakh Defense Army", "SIGNED", ceasefire, "1994-05", (S1,)),
        (ceasefire, "BASED_ON", protocol, None, (S4, S3, S1)),
        (protocol, "PROVIDES_FOR", "Ceasefire", None, (S3,)),
        (protocol, "PROVIDES_FOR", "Peacekeeping force", None, (S4,)),
        ("Azerbaijan", "PROPOSED", amendments, "2011-06-24", (S2,)),
        ("Ilham Aliyev", "PROPOSED", amendments, "2011-06-24", (S2,)),
    }
    assert all(r["citations"] for r in rows)
