"""Write docs/vocabulary.md from loader/vocabulary.py and the examples below.

Run ``python docs/make_vocabulary.py`` after changing the vocabulary; a test checks
that the committed file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from dipgraph.loader.vocabulary import LABELS, RELATIONSHIP_FAMILIES, RELATIONSHIPS

LABEL_EX = {
    "State": """- id: nkr
  label: State
  name: Nagorno-Karabakh Republic
  aliases: [NKR, Nagorno Karabakh]
  status: de facto          # recognized | de facto
  time: 1991-09-02/2024-01-01   # when it existed: declared, dissolved
  cite: [{source: russia-initiatives, span: [2462, 2742], at: para 8}]""",
    "Organization": """- id: milli-majlis
  label: Organization
  name: Milli Majlis
  aliases: [Azerbaijani Parliament]
  kind: parliament          # intergovernmental, ministry, parliament, ...
  cite: [{source: russia-initiatives, span: [2743, 3028], at: para 8}]""",
    "Format": """- id: minsk-group
  label: Format
  name: OSCE Minsk Group
  kind: group               # group, co-chairmanship, process, meeting series, mission
  time: 1992/..
  cite: [{source: remler-2020, span: [1200, 1400], at: para 9}]""",
    "Person": """- id: heydar-aliyev
  label: Person
  name: Heydar Aliyev
  name_sources: [remler-2020]                       # the sources that write the name so
  aliases: [{name: Aliyev, sources: [remler-2020]}] # each spelling, with its sources
  died: "2003"                                      # born, died: EDTF
  distinct_from: [ilham-aliyev]
  cite: [{source: remler-2020, span: [12173, 12350], at: para 43}]""",
    "Event": """- id: bishkek-meeting-1994
  label: Event
  name: Bishkek meeting of the parliament heads
  kind: meeting             # meeting, summit, visit, talks, hearing, clash, war, ...
  time: 1994-05-04/1994-05-05
  cite: [{source: russia-initiatives, span: [2462, 2742], at: para 8}]""",
    "Agreement": """- id: ceasefire-1994
  label: Agreement
  name: May 1994 ceasefire agreement
  kind: ceasefire           # protocol, ceasefire, declaration, statement, plan, ...
  status: in force          # proposed, adopted, signed, in force, not implemented, ...
  time: '1994-05-12'        # when it was signed or adopted
  in_force: '1994-05-12'    # when it took effect; ended: when it lapsed
  cite: [{source: russia-initiatives, span: [3660, 4057], at: para 9}]""",
    "Place": """- id: bishkek
  label: Place
  name: Bishkek
  kind: city
  cite: [{source: russia-initiatives, span: [2462, 2742], at: para 8}]""",
    "Conflict": """- id: karabakh-conflict
  label: Conflict
  name: Nagorno-Karabakh conflict
  time: 1988/..
  cite: [{source: remler-2020, span: [900, 1100], at: abstract}]""",
    "Provision": """- id: peacekeeping-force
  label: Provision
  name: Peacekeeping force
  category: peacekeeping    # ceasefire, withdrawal of forces, territory, status, corridor, ...
  cite: [{source: remler-2020, span: [4600, 4800], at: para 26}]""",
    "Period": """- id: minsk-group-phase-1
  label: Period
  name: Minsk Group, first phase
  time: 1992/1997
  cite: [{source: remler-2020, span: [5000, 5300], at: para 20}]""",
}
REL_EX = {
    "MEDIATED": "{subject: vladimir-kazimirov, predicate: MEDIATED, object: bishkek-protocol, on_behalf_of: russia, time: 1994-05}",
    "PARTY_TO": "{subject: azerbaijan, predicate: PARTY_TO, object: bishkek-meeting-1994, time: 1994-05-04/1994-05-05}",
    "INITIATED": "{subject: russia, predicate: INITIATED, object: trilateral-presidential-meetings, time: 2008}",
    "HOSTED": "{subject: pavel-grachev, predicate: HOSTED, object: sochi-meeting-1992, on_behalf_of: russia, role: organizer, time: 1992-09-19}",
    "ATTENDED": "{subject: karen-baburyan, predicate: ATTENDED, object: bishkek-meeting-1994, role: head of delegation, on_behalf_of: nkr}",
    "SIGNED": "{subject: rasul-guliyev, predicate: SIGNED, object: bishkek-protocol, on_behalf_of: azerbaijan, place: baku, time: 1994-05-08}",
    "REFUSED": "{subject: azerbaijan, predicate: REFUSED, object: bishkek-protocol, time: 1994-05-05, note: The delegation declined to sign.}",
    "ACCEPTED": "{subject: armenia, predicate: ACCEPTED, object: madrid-principles, time: 2007~}",
    "ADOPTED": "{subject: un-security-council, predicate: ADOPTED, object: unsc-resolution-822, time: 1993-04-30}",
    "PROPOSED": "{subject: cis-ipa, predicate: PROPOSED, object: bishkek-meeting-1994}",
    "RESULTED_IN": "{subject: bishkek-meeting-1994, predicate: RESULTED_IN, object: bishkek-protocol, time: 1994-05-05}",
    "BASED_ON": "{subject: ceasefire-1994, predicate: BASED_ON, object: bishkek-protocol}",
    "MEMBER_OF": "{subject: turkey, predicate: MEMBER_OF, object: minsk-group, time: 1992/..}",
    "CO_CHAIR_OF": "{subject: robert-bradtke, predicate: CO_CHAIR_OF, object: minsk-group-co-chairmanship, on_behalf_of: united-states, time: 2011-06-15}",
    "HELD_POSITION": "{subject: pavel-grachev, predicate: HELD_POSITION, object: russia, body: russian-defense-ministry, title: Defense Minister, wording: Minister of Defense, time: 1994-02-18}\n- {subject: vladimir-putin, predicate: HELD_POSITION, object: russia, title: President, term: third, time: 2014-08-10}   # term keeps two spells of one office apart",
    "PART_OF": "{subject: milli-majlis, predicate: PART_OF, object: azerbaijan}",
    "TOOK_PLACE_IN": "{subject: bishkek-meeting-1994, predicate: TOOK_PLACE_IN, object: bishkek, time: 1994-05-04/1994-05-05}",
    "SUPPORTED": "{subject: turkey, predicate: SUPPORTED, object: azerbaijan, kind: military, time: 2020}",
    "SUPPLIED_ARMS_TO": "{subject: russia, predicate: SUPPLIED_ARMS_TO, object: azerbaijan, contract: russia-azerbaijan-arms-contracts-2010, items: air-defence systems and helicopters, value: 3000000000, currency: USD, time: 2010/2017}",
    "ALLIED_WITH": "{subject: armenia, predicate: ALLIED_WITH, object: russia}",
    "URGED": "{subject: united-states, predicate: URGED, object: armenia, action: finish the basic principles at Kazan, time: 2011-05-26}",
    "SUBMITTED_TO": "{subject: madrid-principles, predicate: SUBMITTED_TO, object: armenia, by: minsk-group-co-chairmanship, time: 2007-11}",
    "FOUNDED": "{subject: budapest-summit-1994, predicate: FOUNDED, object: minsk-group-co-chairmanship, time: 1994-12}",
    "SUPERSEDED": "{subject: updated-madrid-principles, predicate: SUPERSEDED, object: madrid-principles, time: 2009}",
    "CHAIRED": "{subject: czechoslovakia, predicate: CHAIRED, object: osce, time: 1992}",
    "VICTIM_OF": "{subject: mubariz-ibrahimov, predicate: VICTIM_OF, object: chaylu-incident-2010, harm: killed, time: 2010-06}",
    "RELATIVE_OF": "{subject: ilham-aliyev, predicate: RELATIVE_OF, object: heydar-aliyev, relation: child}",
    "SUCCEEDED": "{subject: ilham-aliyev, predicate: SUCCEEDED, object: heydar-aliyev, office: President, time: 2003-10}",
    "PROVIDES_FOR": "{subject: trilateral-statement-2020, predicate: PROVIDES_FOR, object: peacekeeping-force, detail: along the line of contact and the Lachin corridor, quantity: 1960, unit: peacekeepers}",
    "DEPLOYED_TO": "{subject: russia, predicate: DEPLOYED_TO, object: nagorno-karabakh, quantity: 1960, unit: peacekeepers, time: 2020-11/..}",
}


CLAIMS_DOC = """## Who said what: claims on relationships

Claims that state the same fact (same subject, relationship, object and qualifiers, at times that can be one moment) become **one relationship**, and every claim stays on it as its source made it, in four aligned lists, one entry per claim, in the same order:

| property | entry |
|---|---|
| `claim_sources` | the claim's source ids (`"; "`-joined when one claim cites several) |
| `claim_times` | the claim's own EDTF date, as that source gave it (`""` when undated) |
| `claim_notes` | the claim's own note (`""` when none) |
| `claim_citations` | the claim's citations, `source@start-end` (`"; "`-joined) |

The merged `time` is the most precise of the compatible dates, so a source that only says "2011" keeps "2011" in `claim_times` while the relationship says 2011-06-24. The saved query `claims_of_fact` shows the versions side by side:

```cypher
MATCH (a:Entity {id: 'serzh-sargsyan'})-[r:HELD_POSITION]->(b)
UNWIND range(0, size(r.claim_sources) - 1) AS i
RETURN r.claim_sources[i] AS source, r.claim_times[i] AS time, r.claim_notes[i] AS note
```

An **office** (`HELD_POSITION`, `CO_CHAIR_OF`, `CHAIRED`) is one relationship per holder, body, title and `term`, whatever the dates: its `time` runs from the first attestation to the last (`2008/2016` for five attestations between those years), and each attestation stays in `claim_times`. Where a source states the term, give it as an interval (`time: 1998-02-04/2008-04-09`); give a `term` qualifier (`first`, `second`) to keep two separate terms of one person apart.

### Conflicting accounts

Sources that date one fact incompatibly are found automatically. Accounts that cannot both be true in other ways (one source says both presidents refused, another that one side blocked; one equates two documents, another keeps them apart) are marked by the curator: give one claim an `id` and the other `contradicts: <id>` (or a list of ids).

```yaml
- {id: both-refused-kazan, subject: armenia, predicate: REFUSED, object: kazan-document, time: 2011-06-24}
- {subject: azerbaijan, predicate: REFUSED, object: kazan-document, contradicts: both-refused-kazan}   # in another source's file
```

`dipgraph validate` checks that every id exists and lists each pair as a warning (`conflicting accounts: ...`); both relationships get `disputed: true` and each other's key in `contradicts`, and the saved query `source_disagreements` lists them with their sources.
"""

CONVENTIONS_DOC = """## Conventions

The vocabulary can say some things two ways; queries only find what is recorded one way. `dipgraph validate` warns on each claim recorded against these conventions (module `loader/conventions.py`):

- **Hosting.** The state, body or person that hosted or organised a meeting is `HOSTED` (with `role: organizer` when the text says organised, and `on_behalf_of` for a person acting for a state); the place is the event's `TOOK_PLACE_IN`. A place never `HOSTED`.
- **Organising is not mediating.** `MEDIATED` with `role: organizer` warns: record `HOSTED {role: organizer}`, and keep `MEDIATED` too when the source says the actor brokered.
- **Offices point at the state.** A head of state or government, a minister or an official of a ministry holds the office in the **state** (`object: russia`), with the ministry or government in `body` (`body: russian-mfa`). Offices of parliaments, international bodies, missions and parties point at that body.
- **Normalised titles.** `title` is one of `OFFICE_TITLES` (President, Foreign Minister, Defense Minister, Speaker, Chair, ...; a co-chair is `CO_CHAIR_OF`, not a title); the source's own words go in `wording` (`title: Defense Minister, wording: Minister of Defense`).
- **Co-chairs belong to the co-chairmanship.** A co-chair state, or an envoy with `on_behalf_of` the state, is `CO_CHAIR_OF` the co-chairmanship (`minsk-group-co-chairmanship`, a `Format` of kind co-chairmanship), which is `PART_OF` the group. The co-chairmanship's own acts (`PROPOSED`, `MEDIATED`) hang off the same node, so a query goes from a co-chair to the co-chairmanship's acts in one step.
- **A territory that became a state.** The earlier entity (a `Place` such as the NKAO) and the later one (a `State` such as the Nagorno-Karabakh Republic) stay two nodes, linked by `SUCCEEDED` (`nkr SUCCEEDED nkao`), each with its own `time`.
- **Notes are commentary, not facts.** A date, number or entity name that a note mentions must be held by a claim or qualifier about the same entities; `dipgraph validate` warns otherwise (`loader/notes.py`). A mention that is genuinely commentary is explained in `data/coverage.yaml` under `notes:` (the record, the mention, why).
- **What a document provides for** is `PROVIDES_FOR` a shared `Provision` node (one `peacekeeping-force` for every document that provides for peacekeepers), with the document's own terms in `detail`, `quantity` and `unit`.
"""


_KINDS = {"time": "EDTF", "number": "a number"}


def render() -> str:
    out: list[str] = []
    w = out.append
    w("# The graph vocabulary\n")
    w(
        "This is the contract between the records, the databases and the analysis. Every label, relationship type and property name that reaches Neo4j or the embedded engine comes from `loader/vocabulary.py`; validation refuses anything else. The examples below show the YAML a curator writes (spans are illustrative where the record is not yet in `data/`).\n"
    )
    w(
        "Every entity node carries its label **and** `:Entity` (the unique `id` lives there), plus `name`, `aliases`, `note`, and its provenance: `sources` (source ids), `citations` (`source@start-end`) and `locators` (the human locators, in the same order). Nodes with a `time` also get `earliest`, `latest` (ISO dates; absent when open) and `precision`.\n"
    )
    w(
        "Every relationship carries `key` (stable across loads), its qualifiers, `time`/`earliest`/`latest`/`precision` when dated, `sources`, `citations`, `locators`, `corroboration` (number of distinct sources asserting it), `disputed` (true when another source dates the same subject-predicate-object incompatibly, or a curator marked a conflicting account), `contradicts` (the keys of the relationships it conflicts with) and optional `note` and `confidence` (high | medium | low: that of its best-attested claim).\n"
    )
    w(
        "Other dates an entity may carry (a person's `born` and `died`, an agreement's `in_force` and `ended`) are EDTF text with `<name>_earliest` and `<name>_latest` beside them, so `WHERE p.died_latest < '1995'` works in plain Cypher.\n"
    )
    w(CLAIMS_DOC)
    w(
        "`Source` nodes (from `data/sources.yaml`) carry `id`, `title`, `subtitle`, `authors`, `publisher`, `published`, `url`, `doi`, `file`, `sha256` and `chars`.\n"
    )
    w(CONVENTIONS_DOC)
    out.extend(_label_sections())
    out.extend(_relationship_sections())
    return "\n".join(out)


def _label_sections() -> list[str]:
    """One section per node label: its properties and a YAML example."""
    out: list[str] = []
    w = out.append
    w("## Node labels\n")
    for name, node in LABELS.items():
        w(f"### `{name}`\n")
        w(node.description + "\n")
        if node.properties:
            w("| property | required | values |\n|---|---|---|")
            for p, spec in node.properties.items():
                vals = (
                    ", ".join(spec.values)
                    if spec.values
                    else {
                        "time": "EDTF",
                        "iso3": "ISO 3166-1 alpha-3",
                        "text": "text",
                        "number": "number",
                    }.get(spec.kind, spec.kind)
                )
                w(f"| `{p}` | {'yes' if spec.required else 'no'} | {vals} |")
            w("")
        w("```yaml\n" + LABEL_EX[name] + "\n```\n")
    return out


def _relationship_sections() -> list[str]:
    """The families table, then one section per relationship type."""
    out: list[str] = []
    w = out.append
    w("## Relationship types\n")
    w(
        "The types fall into families, each one line colour in the explorer (`RELATIONSHIP_FAMILIES`):\n"
    )
    w("| family | what it covers | types |\n|---|---|---|")
    for family, (text, types) in RELATIONSHIP_FAMILIES.items():
        w(f"| {family} | {text} | {', '.join(f'`{t}`' for t in types)} |")
    w("")
    for name, rel in RELATIONSHIPS.items():
        w(f"### `{name}`\n")
        w(rel.description + "\n")
        w(f"- from: {', '.join(f'`{d}`' for d in rel.domain)}")
        w(f"- to: {', '.join(f'`{d}`' for d in rel.range)}")
        for q, spec in rel.qualifiers.items():
            kind = (
                "an entity id (" + " or ".join(spec.refs) + ")"
                if spec.kind == "ref"
                else (", ".join(spec.values) if spec.values else _KINDS.get(spec.kind, "text"))
            )
            w(f"- qualifier `{q}`{' (required)' if spec.required else ''}: {kind}")
        w("")
        w("```yaml\n- " + REL_EX[name] + "\n```\n")
    return out


if __name__ == "__main__":
    target = Path(__file__).with_name("vocabulary.md")
    target.write_text(render())
