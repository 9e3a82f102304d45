"""Write docs/vocabulary.md from loader/vocabulary.py and the examples below.

Run ``python docs/make_vocabulary.py`` after changing the vocabulary; a test checks
that the committed file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from dipgraph.loader.vocabulary import LABELS, RELATIONSHIPS

LABEL_EX = {
    "State": """- id: nkr
  label: State
  name: Nagorno-Karabakh Republic
  aliases: [NKR, Nagorno Karabakh]
  status: de facto          # recognized | de facto
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
    "Person": """- id: rasul-guliyev
  label: Person
  name: Rasul Guliyev
  aliases: [Rasul Guliev]   # every spelling the sources use
  cite: [{source: russia-initiatives, span: [3660, 3919], at: para 9}]""",
    "Event": """- id: bishkek-meeting-1994
  label: Event
  name: Bishkek meeting of the parliament heads
  kind: meeting             # meeting, summit, visit, talks, hearing, clash, war, ...
  time: 1994-05-04/1994-05-05
  cite: [{source: russia-initiatives, span: [2462, 2742], at: para 8}]""",
    "Agreement": """- id: bishkek-protocol
  label: Agreement
  name: Bishkek Protocol
  kind: protocol            # protocol, ceasefire, declaration, statement, plan, ...
  status: signed            # proposed, adopted, signed, in force, not implemented, ...
  time: 1994-05-05
  cite: [{source: russia-initiatives, span: [3029, 3185], at: para 8}]""",
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
    "HOSTED": "{subject: kazan, predicate: HOSTED, object: kazan-summit-2011, time: 2011-06-24}",
    "ATTENDED": "{subject: karen-baburyan, predicate: ATTENDED, object: bishkek-meeting-1994, role: head of delegation, on_behalf_of: nkr}",
    "SIGNED": "{subject: rasul-guliyev, predicate: SIGNED, object: bishkek-protocol, on_behalf_of: azerbaijan, place: baku, time: 1994-05-08}",
    "REFUSED": "{subject: azerbaijan, predicate: REFUSED, object: bishkek-protocol, time: 1994-05-05, note: The delegation declined to sign.}",
    "ACCEPTED": "{subject: armenia, predicate: ACCEPTED, object: madrid-principles, time: 2007~}",
    "ADOPTED": "{subject: un-security-council, predicate: ADOPTED, object: unsc-resolution-822, time: 1993-04-30}",
    "PROPOSED": "{subject: cis-ipa, predicate: PROPOSED, object: bishkek-meeting-1994}",
    "RESULTED_IN": "{subject: bishkek-meeting-1994, predicate: RESULTED_IN, object: bishkek-protocol, time: 1994-05-05}",
    "BASED_ON": "{subject: ceasefire-1994, predicate: BASED_ON, object: bishkek-protocol}",
    "MEMBER_OF": "{subject: turkey, predicate: MEMBER_OF, object: minsk-group, time: 1992/..}",
    "CO_CHAIR_OF": "{subject: russia, predicate: CO_CHAIR_OF, object: minsk-group, time: 1994-12/..}",
    "HELD_POSITION": "{subject: vladimir-shumeyko, predicate: HELD_POSITION, object: cis-ipa, title: Chairman, time: 1994-05}",
    "PART_OF": "{subject: milli-majlis, predicate: PART_OF, object: azerbaijan}",
    "TOOK_PLACE_IN": "{subject: bishkek-meeting-1994, predicate: TOOK_PLACE_IN, object: bishkek, time: 1994-05-04/1994-05-05}",
    "SUPPORTED": "{subject: turkey, predicate: SUPPORTED, object: azerbaijan, kind: military, time: 2020}",
    "SUPPLIED_ARMS_TO": "{subject: russia, predicate: SUPPLIED_ARMS_TO, object: azerbaijan, time: 2010/2011}",
    "ALLIED_WITH": "{subject: armenia, predicate: ALLIED_WITH, object: russia}",
    "URGED": "{subject: united-states, predicate: URGED, object: armenia, action: finish the basic principles at Kazan, time: 2011-05-26}",
}


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
        "Every relationship carries `key` (stable across loads), its qualifiers, `time`/`earliest`/`latest`/`precision` when dated, `sources`, `citations`, `locators`, `corroboration` (number of distinct sources asserting it), `disputed` (true when another source dates the same subject-predicate-object incompatibly) and optional `note` and `confidence` (high | medium | low: that of its best-attested claim).\n"
    )
    w(
        "`Source` nodes (from `data/sources.yaml`) carry `id`, `title`, `subtitle`, `authors`, `publisher`, `published`, `url`, `doi`, `file`, `sha256` and `chars`.\n"
    )
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
                    else {"time": "EDTF", "iso3": "ISO 3166-1 alpha-3", "text": "text"}.get(
                        spec.kind, spec.kind
                    )
                )
                w(f"| `{p}` | {'yes' if spec.required else 'no'} | {vals} |")
            w("")
        w("```yaml\n" + LABEL_EX[name] + "\n```\n")
    w("## Relationship types\n")
    for name, rel in RELATIONSHIPS.items():
        w(f"### `{name}`\n")
        w(rel.description + "\n")
        w(f"- from: {', '.join(f'`{d}`' for d in rel.domain)}")
        w(f"- to: {', '.join(f'`{d}`' for d in rel.range)}")
        for q, spec in rel.qualifiers.items():
            kind = (
                "an entity id (" + " or ".join(spec.refs) + ")"
                if spec.kind == "ref"
                else (", ".join(spec.values) if spec.values else "text")
            )
            w(f"- qualifier `{q}`{' (required)' if spec.required else ''}: {kind}")
        w("")
        w("```yaml\n- " + REL_EX[name] + "\n```\n")
    return "\n".join(out)


if __name__ == "__main__":
    target = Path(__file__).with_name("vocabulary.md")
    target.write_text(render())
