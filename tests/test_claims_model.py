"""Claim-level provenance, conflicting accounts, the new types and qualifiers, office
spells and the modelling conventions: each with a good and a bad record, and loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support import DATA, append_claim

from dipgraph.loader import check_records, graph_rows, load_records

# Entities the demo lacks, for the new types: a second document, a provision, a person.
EXTRA_ENTITIES = """\
- {id: later-accord, label: Agreement, name: Later Accord, kind: treaty, in_force: 1996-01-01, ended: 2001, cite: [{source: demo, span: [0, 4]}]}
- {id: peacekeeping-force, label: Provision, name: Peacekeeping force, category: peacekeeping, cite: [{source: demo, span: [0, 4]}]}
- {id: dan-doe, label: Person, name: Dan Doe, born: 1950, died: 1999-10-27, cite: [{source: demo, span: [0, 4]}]}
"""
CLAIMS_LINE = 8  # the first claim appended to the demo's claims file


@pytest.fixture
def data(demo: Path) -> Path:
    (demo / "entities" / "extra.yaml").write_text(EXTRA_ENTITIES, encoding="utf-8")
    return demo


def _problems(data: Path, claim: str) -> tuple[list[str], list[str]]:
    append_claim(data, claim + ", cite: [{span: [0, 4]}]")
    _, report = check_records(data)
    return [str(p) for p in report.errors], [str(p) for p in report.warnings]


# -- new types and qualifiers: a good record validates, a bad one says what is wrong ----------

GOOD = {
    "SUBMITTED_TO": "subject: example-accord, predicate: SUBMITTED_TO, object: ruritania, by: carol-poe",
    "FOUNDED": "subject: example-accord, predicate: FOUNDED, object: peace-office",
    "SUPERSEDED": "subject: later-accord, predicate: SUPERSEDED, object: example-accord",
    "CHAIRED": "subject: ruritania, predicate: CHAIRED, object: peace-office, time: 1994",
    "VICTIM_OF": "subject: dan-doe, predicate: VICTIM_OF, object: example-talks, harm: killed",
    "RELATIVE_OF": "subject: dan-doe, predicate: RELATIVE_OF, object: bob-roe, relation: child",
    "SUCCEEDED": "subject: bob-roe, predicate: SUCCEEDED, object: alice-doe, office: President",
    "PROVIDES_FOR": "subject: example-accord, predicate: PROVIDES_FOR, object: peacekeeping-force, detail: on the border, quantity: 100, unit: peacekeepers",
    "DEPLOYED_TO": "subject: ruritania, predicate: DEPLOYED_TO, object: exampleton, quantity: 1960, unit: peacekeepers, time: 1994-05/..",
    "SUPPLIED_ARMS_TO": "subject: ruritania, predicate: SUPPLIED_ARMS_TO, object: freedonia, items: tanks, quantity: 12, unit: tanks, value: 2500000.0, currency: USD, contract: later-accord",
    "HELD_POSITION body": "subject: alice-doe, predicate: HELD_POSITION, object: ruritania, title: Foreign Minister, wording: Minister of Foreign Affairs, body: peace-office",
    "HOSTED on behalf": "subject: carol-poe, predicate: HOSTED, object: example-talks, on_behalf_of: ruritania, role: organizer",
}

R = f"data/claims/demo.yaml:{CLAIMS_LINE}"
BAD = {
    "SUBMITTED_TO by a place": (
        "subject: example-accord, predicate: SUBMITTED_TO, object: ruritania, by: exampleton",
        f"{R}: example-accord SUBMITTED_TO ruritania: by: must be a State or Organization or Person or Format, but 'exampleton' is a Place",
    ),
    "FOUNDED a person": (
        "subject: example-accord, predicate: FOUNDED, object: alice-doe",
        f"{R}: example-accord FOUNDED alice-doe: object: FOUNDED object must be Organization or Format or State, but 'alice-doe' is a Person",
    ),
    "SUPERSEDED by a state": (
        "subject: ruritania, predicate: SUPERSEDED, object: example-accord",
        f"{R}: ruritania SUPERSEDED example-accord: subject: SUPERSEDED subject must be Agreement, but 'ruritania' is a State",
    ),
    "CHAIRED a place": (
        "subject: ruritania, predicate: CHAIRED, object: exampleton",
        f"{R}: ruritania CHAIRED exampleton: object: CHAIRED object must be Organization or Format, but 'exampleton' is a Place",
    ),
    "VICTIM_OF an unknown harm": (
        "subject: dan-doe, predicate: VICTIM_OF, object: example-talks, harm: murdered",
        f"{R}: dan-doe VICTIM_OF example-talks: harm: 'murdered' is not one of: killed, wounded, captured, displaced, damaged",
    ),
    "VICTIM_OF without harm": (
        "subject: dan-doe, predicate: VICTIM_OF, object: example-talks",
        f"{R}: dan-doe VICTIM_OF example-talks: harm: missing required field",
    ),
    "RELATIVE_OF as a son": (
        "subject: dan-doe, predicate: RELATIVE_OF, object: bob-roe, relation: son",
        f"{R}: dan-doe RELATIVE_OF bob-roe: relation: 'son' is not one of: parent, child, sibling, spouse, relative",
    ),
    "SUCCEEDED an event": (
        "subject: bob-roe, predicate: SUCCEEDED, object: example-talks",
        f"{R}: bob-roe SUCCEEDED example-talks: object: SUCCEEDED object must be Person or State or Organization or Format or Place, but 'example-talks' is a Event",
    ),
    "PROVIDES_FOR a number in words": (
        "subject: example-accord, predicate: PROVIDES_FOR, object: peacekeeping-force, quantity: many",
        f"{R}: example-accord PROVIDES_FOR peacekeeping-force: quantity: must be a number",
    ),
    "PROVIDES_FOR a state": (
        "subject: example-accord, predicate: PROVIDES_FOR, object: ruritania",
        f"{R}: example-accord PROVIDES_FOR ruritania: object: PROVIDES_FOR object must be Provision, but 'ruritania' is a State",
    ),
    "DEPLOYED_TO a quoted number": (
        "subject: ruritania, predicate: DEPLOYED_TO, object: exampleton, quantity: '1960'",
        f"{R}: ruritania DEPLOYED_TO exampleton: quantity: must be a number: YAML reads '1960' as text; write 1960",
    ),
    "SUPPLIED_ARMS_TO under a place": (
        "subject: ruritania, predicate: SUPPLIED_ARMS_TO, object: freedonia, contract: exampleton",
        f"{R}: ruritania SUPPLIED_ARMS_TO freedonia: contract: must be a Agreement, but 'exampleton' is a Place",
    ),
    "HELD_POSITION body a state": (
        "subject: alice-doe, predicate: HELD_POSITION, object: ruritania, title: President, body: freedonia",
        f"{R}: alice-doe HELD_POSITION ruritania: body: must be a Organization, but 'freedonia' is a State",
    ),
    "value in exponent notation": (
        "subject: ruritania, predicate: SUPPLIED_ARMS_TO, object: freedonia, value: 2.5e6",
        f"{R}: ruritania SUPPLIED_ARMS_TO freedonia: value: must be a number: YAML reads '2.5e6' as text; write 2500000.0",
    ),
    "value as true": (
        "subject: ruritania, predicate: SUPPLIED_ARMS_TO, object: freedonia, value: true",
        f"{R}: ruritania SUPPLIED_ARMS_TO freedonia: value: must be a number",
    ),
}


@pytest.mark.parametrize("claim", GOOD.values(), ids=GOOD)
def test_a_good_record_of_each_new_type_validates(data, claim):
    assert _problems(data, claim) == ([], [])


@pytest.mark.parametrize(("claim", "message"), BAD.values(), ids=BAD)
def test_a_bad_record_of_each_new_type_says_what_is_wrong(data, claim, message):
    errors, _ = _problems(data, claim)
    assert errors == [message]


HELD = "subject: alice-doe, predicate: HELD_POSITION, object: ruritania, title: President"
ARMS = "subject: ruritania, predicate: SUPPLIED_ARMS_TO, object: freedonia"
TEXT_QUALIFIERS = [
    (HELD, "wording"),
    (HELD, "term"),
    (ARMS, "items"),
    (ARMS, "unit"),
    (ARMS, "currency"),
    ("subject: bob-roe, predicate: SUCCEEDED, object: alice-doe", "office"),
    ("subject: example-accord, predicate: PROVIDES_FOR, object: peacekeeping-force", "detail"),
    ("subject: carol-poe, predicate: HOSTED, object: example-talks", "role"),
]


@pytest.mark.parametrize(("claim", "qualifier"), TEXT_QUALIFIERS)
def test_a_text_qualifier_must_be_text(data, claim, qualifier):
    errors, _ = _problems(data, f"{claim}, {qualifier}: [two, words]")
    label = " ".join(part.split(": ")[1] for part in claim.split(", ")[:3])
    assert errors == [f"{R}: {label}: {qualifier}: must be text"]


ENTITY_BAD = {
    "provision category": (
        "- {id: corridor, label: Provision, name: Corridor, category: corridors, cite: [{source: demo, span: [0, 4]}]}\n",
        "data/entities/bad.yaml:1: corridor: category: 'corridors' is not one of: ceasefire, withdrawal of forces, peacekeeping, international monitoring, territory, status, referendum, corridor, refugees and displaced persons, prisoners and detainees, security guarantees, economic and transport links, negotiation process, other (did you mean corridor?)",
    ),
    "death date": (
        "- {id: eve-doe, label: Person, name: Eve Doe, died: 1999-02-30, cite: [{source: demo, span: [0, 4]}]}\n",
        "data/entities/bad.yaml:1: eve-doe: died: invalid EDTF '1999-02-30'",
    ),
    "entry into force": (
        "- {id: pact, label: Agreement, name: Pact, kind: treaty, in_force: soon, cite: [{source: demo, span: [0, 4]}]}\n",
        "data/entities/bad.yaml:1: pact: in_force: invalid EDTF 'soon'",
    ),
}


@pytest.mark.parametrize(("record", "message"), ENTITY_BAD.values(), ids=ENTITY_BAD)
def test_a_bad_lifespan_or_provision_says_what_is_wrong(data, record, message):
    (data / "entities" / "bad.yaml").write_text(record, encoding="utf-8")
    _, report = check_records(data)
    assert [str(p) for p in report.errors] == [message]


def test_the_new_types_load_with_typed_qualifiers(data, engine):
    for claim in GOOD.values():
        append_claim(data, claim + ", cite: [{span: [0, 4]}]")
    load_records(engine, *check_records(data))
    rows = engine.read(
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
        "RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
        {"types": ["PROVIDES_FOR", "SUPPLIED_ARMS_TO", "VICTIM_OF", "SUBMITTED_TO", "DEPLOYED_TO"]},
    )
    got = {(r["a"], r["type"], r["b"]): r["props"] for r in rows}
    provides = got["example-accord", "PROVIDES_FOR", "peacekeeping-force"]
    assert (provides["quantity"], provides["unit"], provides["detail"]) == (
        100,
        "peacekeepers",
        "on the border",
    )
    arms = got["ruritania", "SUPPLIED_ARMS_TO", "freedonia"]
    assert (arms["value"], arms["currency"], arms["contract"]) == (2500000.0, "USD", "later-accord")
    assert got["dan-doe", "VICTIM_OF", "example-talks"]["harm"] == "killed"
    assert got["example-accord", "SUBMITTED_TO", "ruritania"]["by"] == "carol-poe"
    deployed = got["ruritania", "DEPLOYED_TO", "exampleton"]
    assert (deployed["quantity"], deployed["earliest"], "latest" in deployed) == (
        1960,
        "1994-05-01",
        False,
    )
    for claim in GOOD.values():  # every qualifier arrives with its YAML value and type
        record = yaml.safe_load("{" + claim + "}")
        fact = (record.pop("subject"), record.pop("predicate"), record.pop("object"))
        [props] = engine.read(
            "MATCH (a {id: $a})-[r]->(b {id: $b}) WHERE type(r) = $t RETURN properties(r) AS p",
            {"a": fact[0], "t": fact[1], "b": fact[2]},
        )
        record.pop("time", None)
        if "wording" in record:  # a source's wording is kept per claim
            assert props["p"]["claim_wordings"] == [record.pop("wording")]
        assert {k: props["p"].get(k) for k in record} == record, fact
    every_type = engine.read("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")
    assert {"FOUNDED", "SUPERSEDED", "CHAIRED", "RELATIVE_OF", "SUCCEEDED"} <= {
        r["t"] for r in every_type
    }


def test_lifespans_load_with_their_bounds(data, engine):
    load_records(engine, *check_records(data))
    [dan] = engine.read("MATCH (p:Person {id: 'dan-doe'}) RETURN properties(p) AS p")
    assert {k: dan["p"][k] for k in ("born", "born_earliest", "died", "died_latest")} == {
        "born": "1950",
        "born_earliest": "1950-01-01",
        "died": "1999-10-27",
        "died_latest": "1999-10-27",
    }
    [pact] = engine.read("MATCH (a:Agreement {id: 'later-accord'}) RETURN properties(a) AS p")
    assert (pact["p"]["in_force"], pact["p"]["ended_latest"]) == ("1996-01-01", "2001-12-31")
    [force] = engine.read("MATCH (p:Provision) RETURN p.id AS id, p.category AS category")
    assert force == {"id": "peacekeeping-force", "category": "peacekeeping"}


# -- every claim stays on its relationship as its source made it -------------------------------


def test_a_year_only_source_keeps_its_year_on_a_relationship_dated_to_the_day(demo):
    from test_validation import ALICE_SIGNED, another_source

    another_source(demo, "demo3", f"{ALICE_SIGNED}, time: 1994")
    records, report = check_records(demo)
    assert report.ok
    [signed] = [
        e.props for e in graph_rows(records).edges if (e.type, e.source) == ("SIGNED", "alice-doe")
    ]
    assert signed["time"] == "1994-05-05"
    assert signed["claim_sources"] == ["demo", "demo3"]
    assert signed["claim_times"] == ["1994-05-05", "1994"]
    assert signed["claim_citations"] == ["demo@16-130", "demo3@17-60"]
    assert signed["claim_notes"] == ["", ""]


def _yaml_claims() -> list[dict]:
    """Every claim in data/claims, read with plain PyYAML."""
    return [
        claim
        for path in sorted((DATA / "claims").glob("*.yaml"))
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
    ]


@pytest.fixture(scope="module")
def corpus_relationships(loaded_corpus) -> list[dict]:
    return loaded_corpus.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS p"
    )


def test_every_relationship_has_one_entry_per_claim_in_each_list(corpus_relationships):
    lists = ("claim_sources", "claim_times", "claim_notes", "claim_citations")
    for row in corpus_relationships:
        lengths = {len(row["p"][name]) for name in lists}
        assert len(lengths) == 1, row
    total = sum(len(row["p"]["claim_sources"]) for row in corpus_relationships)
    assert total == len(_yaml_claims())


def test_each_relationship_holds_as_many_claims_as_the_records_give_it(corpus_relationships):
    claims_per_fact: dict[tuple, int] = {}
    for claim in _yaml_claims():
        fact = (claim["subject"], claim["predicate"], claim["object"])
        claims_per_fact[fact] = claims_per_fact.get(fact, 0) + 1
    loaded: dict[tuple, int] = {}
    for row in corpus_relationships:
        fact = (row["a"], row["type"], row["b"])
        loaded[fact] = loaded.get(fact, 0) + len(row["p"]["claim_sources"])
    assert loaded == claims_per_fact


def test_remler_keeps_its_year_for_aliyevs_refusal_of_the_kazan_document(corpus_relationships):
    [refusal] = [
        r["p"]
        for r in corpus_relationships
        if (r["a"], r["type"], r["b"]) == ("ilham-aliyev", "REFUSED", "kazan-document")
    ]
    assert refusal["time"] == "2011-06-24"
    assert list(zip(refusal["claim_sources"], refusal["claim_times"], strict=True)) == [
        ("remler-2020", "2011"),
        ("tadevosyan-kazan", "2011-06-24"),
    ]


def test_an_office_is_one_spell_from_first_to_last_attestation(corpus_relationships):
    [president] = [
        r["p"]
        for r in corpus_relationships
        if (r["a"], r["type"], r["b"]) == ("serzh-sargsyan", "HELD_POSITION", "armenia")
    ]
    # Attested at the Kazan summit (2011, with its days) through 2016; none of the texts
    # gives the start or end of his presidency.
    assert (president["title"], president["time"]) == ("President", "2011/2016")
    assert sorted(president["claim_times"]) == [
        "2011",
        "2011-06",
        "2011-06-22",
        "2011-06-24",
        "2011-06-25",
        "2014-08-10",
        "2016",
        "2016-04",
    ]


def test_a_term_qualifier_keeps_two_terms_apart(demo):
    held = "subject: carol-poe, predicate: HELD_POSITION, object: peace-office, title: Envoy"
    append_claim(demo, f"{held}, term: second, time: 2001, cite: [{{span: [0, 4]}}]")
    append_claim(demo, f"{held}, term: second, time: 2003, cite: [{{span: [0, 4]}}]")
    records, _ = check_records(demo)
    spells = sorted(
        (e.props.get("term", ""), e.props.get("time", ""))
        for e in graph_rows(records).edges
        if e.type == "HELD_POSITION"
    )
    assert spells == [("", ""), ("second", "2001/2003")]


# -- conflicting accounts ------------------------------------------------------------------------

REFUSED_BOTH = (
    "id: both-refused, subject: alice-doe, predicate: REFUSED, object: example-accord, "
    "cite: [{span: [0, 4]}]"
)
BLOCKED = (
    "subject: bob-roe, predicate: REFUSED, object: example-accord, contradicts: {target}, "
    "cite: [{{span: [0, 4]}}]"
)


def test_a_conflicting_account_is_listed_with_both_sources(demo):
    append_claim(demo, REFUSED_BOTH)
    append_claim(demo, BLOCKED.format(target="both-refused"))
    records, report = check_records(demo)
    assert report.errors == []
    assert [str(w) for w in report.warnings] == [
        "data/claims/demo.yaml:9: bob-roe REFUSED example-accord: contradicts: warning: "
        "conflicting accounts: bob-roe REFUSED example-accord (demo, data/claims/demo.yaml:9) "
        "vs alice-doe REFUSED example-accord (demo, data/claims/demo.yaml:8)"
    ]
    refusals = {e.source: e.props for e in graph_rows(records).edges if e.type == "REFUSED"}
    assert refusals["alice-doe"]["disputed"] and refusals["bob-roe"]["disputed"]
    assert refusals["alice-doe"]["contradicts"] == [refusals["bob-roe"]["key"]]
    assert refusals["bob-roe"]["contradicts"] == [refusals["alice-doe"]["key"]]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("both-refusd", "no claim has id 'both-refusd' (did you mean both-refused?)"),
        ("[nobody]", "no claim has id 'nobody'"),
    ],
)
def test_contradicts_must_name_a_claim(demo, target, message):
    append_claim(demo, REFUSED_BOTH)
    append_claim(demo, BLOCKED.format(target=target))
    _, report = check_records(demo)
    assert [str(p) for p in report.errors] == [
        f"data/claims/demo.yaml:9: bob-roe REFUSED example-accord: contradicts: {message}"
    ]


def test_a_claim_cannot_contradict_itself(demo):
    append_claim(demo, REFUSED_BOTH.replace("cite:", "contradicts: both-refused, cite:"))
    _, report = check_records(demo)
    assert [str(p) for p in report.errors] == [
        "data/claims/demo.yaml:8: alice-doe REFUSED example-accord: contradicts: "
        "a claim cannot contradict itself"
    ]


def test_conflicting_accounts_reach_the_saved_query(demo, engine):
    from dipgraph.cypher.library import find_query

    append_claim(demo, REFUSED_BOTH)
    append_claim(demo, BLOCKED.format(target="both-refused"))
    load_records(engine, *check_records(demo))
    query = find_query("source_disagreements")
    rows = engine.read(query.statement, query.params)
    assert [(r["subject"], r["conflicts_with"]) for r in rows] == [
        ("Alice Doe", ["Bob Roe REFUSED Example Accord (no time)"]),
        ("Bob Roe", ["Alice Doe REFUSED Example Accord (no time)"]),
    ]


# -- conventions ---------------------------------------------------------------------------------

CONVENTIONS = {
    "a place hosting": (
        "subject: exampleton, predicate: HOSTED, object: example-talks",
        "subject: a place does not host: the convention is example-talks TOOK_PLACE_IN "
        "exampleton, and HOSTED for the state, body or person that hosted",
        "subject: example-talks, predicate: TOOK_PLACE_IN, object: exampleton",
    ),
    "an organiser as mediator": (
        "subject: carol-poe, predicate: MEDIATED, object: example-talks, role: organizer",
        "role: organising is HOSTED with role 'organizer'; MEDIATED says that the actor "
        "brokered (keep it too if the source says so)",
        "subject: carol-poe, predicate: HOSTED, object: example-talks, role: organizer",
    ),
    "an office in a ministry": (
        "subject: alice-doe, predicate: HELD_POSITION, object: ministry, title: Foreign Minister",
        "object: 'ministry' is a ministry: the convention points the office at the state and "
        "names the ministry in `body`",
        "subject: alice-doe, predicate: HELD_POSITION, object: ruritania, title: Foreign Minister, body: ministry",
    ),
    "a title in the source's words": (
        "subject: alice-doe, predicate: HELD_POSITION, object: ruritania, title: Minister of Defense",
        "title: 'Minister of Defense' is not a normalised title (did you mean Defense Minister?); "
        "keep the source's words in `wording` (the list is OFFICE_TITLES in loader/vocabulary.py)",
        "subject: alice-doe, predicate: HELD_POSITION, object: ruritania, title: Defense Minister, wording: Minister of Defense",
    ),
    "a co-chair of the group": (
        "subject: ruritania, predicate: CO_CHAIR_OF, object: group",
        "object: co-chairs belong to the co-chairmanship: the convention is CO_CHAIR_OF a Format "
        "of kind co-chairmanship (PART_OF group), not the format itself",
        "subject: ruritania, predicate: CO_CHAIR_OF, object: group-co-chairs",
    ),
    "a co-chair as an office": (
        "subject: alice-doe, predicate: HELD_POSITION, object: group-co-chairs, title: Co-Chair",
        "predicate: a co-chair is CO_CHAIR_OF the co-chairmanship Format, with on_behalf_of the "
        "state, not HELD_POSITION",
        "subject: alice-doe, predicate: CO_CHAIR_OF, object: group-co-chairs, on_behalf_of: ruritania",
    ),
}
BODIES = """\
- {id: ministry, label: Organization, name: Ministry, kind: ministry, cite: [{source: demo, span: [0, 4]}]}
- {id: group, label: Format, name: Group, kind: group, cite: [{source: demo, span: [0, 4]}]}
- {id: group-co-chairs, label: Format, name: Group co-chairs, kind: co-chairmanship, cite: [{source: demo, span: [0, 4]}]}
"""


@pytest.mark.parametrize(("against", "warning", "along"), CONVENTIONS.values(), ids=CONVENTIONS)
def test_validate_warns_on_each_convention_and_not_on_the_convention(demo, against, warning, along):
    (demo / "entities" / "bodies.yaml").write_text(BODIES, encoding="utf-8")
    errors, warnings = _problems(demo, against)
    label = " ".join(against.split(", ")[i].split(": ")[1] for i in range(3))
    assert errors == []
    assert f"{R}: {label}: {warning.replace(': ', ': warning: ', 1)}" in warnings
    (demo / "claims" / "demo.yaml").write_text(
        (demo / "claims" / "demo.yaml").read_text().rsplit("  - {", 1)[0], encoding="utf-8"
    )
    assert _problems(demo, along) == ([], [])


PREDECESSOR = """\
- {{id: freedonia-ssr, label: Place, name: Freedonian SSR, kind: Soviet republic{extra}, cite: [{{source: demo, span: [0, 4]}}]}}
"""


@pytest.mark.parametrize(
    ("link", "extra", "warned"),
    [
        (None, "", True),
        ("subject: freedonia, predicate: SUCCEEDED, object: freedonia-ssr", "", False),
        (None, ", distinct_from: [freedonia]", False),
    ],
)
def test_a_state_named_like_a_place_is_linked_to_it_or_kept_apart(demo, link, extra, warned):
    places = demo / "entities" / "places.yaml"
    places.write_text(PREDECESSOR.format(extra=extra), encoding="utf-8")
    if link:
        append_claim(demo, link + ", cite: [{span: [0, 4]}]")
    _, report = check_records(demo)
    expected = [
        "data/entities/demo.yaml:2: freedonia: name: warning: named like the place "
        "'freedonia-ssr' (data/entities/places.yaml:1): if the state grew out of it, record "
        "freedonia SUCCEEDED freedonia-ssr; else list it in distinct_from"
    ]
    assert [str(w) for w in report.warnings] == (expected if warned else [])


def test_two_wordings_of_one_title_are_one_office(demo):
    held = "subject: carol-poe, predicate: HELD_POSITION, object: peace-office, title: Envoy"
    append_claim(demo, f"{held}, wording: Special Envoy, time: 1996, cite: [{{span: [0, 4]}}]")
    records, _ = check_records(demo)
    [office] = [e.props for e in graph_rows(records).edges if e.type == "HELD_POSITION"]
    assert (office["time"], office["claim_wordings"]) == ("1996", ["", "Special Envoy"])
    assert "wording" not in office
