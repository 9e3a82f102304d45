"""Shared test helpers: the project's folders, a small synthetic dataset (our own
text) that tests break one record at a time, and a dump of what a store holds.

Tests import these by name (``from support import DATA``); fixtures live in conftest.py.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The installed packages: loader/, analysis/ and cypher/ map to subpackages of dipgraph
# (pyproject's package-dir), so an editable install does not list them under src/dipgraph.
PACKAGES = ("dipgraph", "dipgraph.loader", "dipgraph.analysis", "dipgraph.cypher")
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"

DEMO_TEXT = """Demo Chronicle

On 5 May 1994 the Example Accord was signed in Exampleton by Alice Doe for Ruritania and by Bob Roe for Freedonia.

Carol Poe of the Peace Office mediated the Exampleton talks that produced it.
"""


def _span(text: str, words: str) -> str:
    start = text.index(words)
    return f"[{start}, {start + len(words)}]"


def write_demo(root: Path) -> Path:
    """Write a small valid dataset under ``root/data`` and its text under ``root/texts``."""
    texts, data = root / "texts", root / "data"
    (data / "entities").mkdir(parents=True)
    (data / "claims").mkdir()
    texts.mkdir()
    (texts / "demo.txt").write_text(DEMO_TEXT, encoding="utf-8")
    digest = hashlib.sha256(DEMO_TEXT.encode()).hexdigest()
    t = DEMO_TEXT
    signed, mediated = (
        _span(t, "the Example Accord was signed"),
        _span(t, "Carol Poe of the Peace Office"),
    )
    (data / "sources.yaml").write_text(
        f"- id: demo\n  title: Demo Chronicle\n  file: demo.txt\n  sha256: {digest}\n  chars: {len(t)}\n",
        encoding="utf-8",
    )
    (data / "entities" / "demo.yaml").write_text(
        f"""\
- {{id: ruritania, label: State, name: Ruritania, status: recognized, cite: [{{source: demo, span: {_span(t, "Ruritania")}}}]}}
- {{id: freedonia, label: State, name: Freedonia, status: de facto, cite: [{{source: demo, span: {_span(t, "Freedonia")}}}]}}
- {{id: alice-doe, label: Person, name: Alice Doe, cite: [{{source: demo, span: {_span(t, "Alice Doe")}}}]}}
- {{id: bob-roe, label: Person, name: Bob Roe, cite: [{{source: demo, span: {_span(t, "Bob Roe")}}}]}}
- {{id: carol-poe, label: Person, name: Carol Poe, cite: [{{source: demo, span: {mediated}}}]}}
- {{id: peace-office, label: Organization, name: Peace Office, kind: agency, cite: [{{source: demo, span: {mediated}}}]}}
- {{id: exampleton, label: Place, name: Exampleton, kind: city, cite: [{{source: demo, span: {_span(t, "Exampleton")}}}]}}
- {{id: example-accord, label: Agreement, name: Example Accord, kind: protocol, time: 1994-05-05, cite: [{{source: demo, span: {signed}}}]}}
- {{id: example-talks, label: Event, name: Exampleton talks, kind: talks, time: 1994-05, cite: [{{source: demo, span: {_span(t, "Exampleton talks")}}}]}}
""",
        encoding="utf-8",
    )
    sentence = _span(
        t,
        "On 5 May 1994 the Example Accord was signed in Exampleton by Alice Doe for Ruritania and by Bob Roe for Freedonia.",
    )
    (data / "claims" / "demo.yaml").write_text(
        f"""\
source: demo
claims:
  - {{subject: alice-doe, predicate: SIGNED, object: example-accord, on_behalf_of: ruritania, time: 1994-05-05, cite: [{{span: {sentence}}}]}}
  - {{subject: bob-roe, predicate: SIGNED, object: example-accord, on_behalf_of: freedonia, time: 1994-05-05, cite: [{{span: {sentence}}}]}}
  - {{subject: carol-poe, predicate: MEDIATED, object: example-talks, cite: [{{span: {mediated}}}]}}
  - {{subject: example-talks, predicate: RESULTED_IN, object: example-accord, cite: [{{span: {_span(t, "Exampleton talks that produced it")}}}]}}
  - {{subject: carol-poe, predicate: HELD_POSITION, object: peace-office, title: Envoy, cite: [{{span: {mediated}}}]}}
""",
        encoding="utf-8",
    )
    return data


def append_claim(data: Path, claim: str) -> None:
    """Add one claim (a YAML flow mapping's inside) to the demo claims file."""
    claims = data / "claims" / "demo.yaml"
    claims.write_text(claims.read_text() + f"  - {{{claim}}}\n", encoding="utf-8")


def dump(engine) -> tuple[list, list]:
    """Everything dipgraph stored, in a stable order, for before/after comparisons."""
    from dipgraph.cypher import read_statement

    nodes = sorted(
        (sorted(r["labels"]), sorted(r["props"].items(), key=str))
        for r in engine.read(read_statement("read/nodes"))
    )
    edges = sorted(
        (r["type"], r["source"], r["target"], sorted(r["props"].items(), key=str))
        for r in engine.read(read_statement("read/relationships"))
    )
    return nodes, edges


def live_neo4j():
    """A Neo4jEngine from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD; the test is skipped without one."""
    from dipgraph.loader.engines import Neo4jEngine

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip(
            "NEO4J_URI is not set: no live Neo4j to test against (start one with `docker compose up`)"
        )
    env = os.environ.get
    return Neo4jEngine(
        uri, env("NEO4J_USER", "neo4j"), env("NEO4J_PASSWORD", ""), env("NEO4J_DATABASE")
    )


# The corpus's profile printed as CSV, for comparing processes (hash seeds, paths).
PROFILE_SCRIPT = (
    "from dipgraph.loader import check_records, graph_rows, build_networkx\n"
    "from dipgraph.analysis.measures import profile\n"
    "from dipgraph.analysis.job import choose_windows\n"
    f"r, _ = check_records({str(DATA)!r}); g = build_networkx(graph_rows(r))\n"
    "s = r.sides['karabakh-conflict'].sides\n"
    "print(profile(g, choose_windows(g), s, permutations=5).to_csv(index=False))\n"
)


def outputs_under_hash_seeds(script: str, seeds: tuple[str, ...] = ("1", "2")) -> set[str]:
    """What ``script`` prints in a fresh interpreter under each hash seed: set iteration
    order follows the seed, and dipgraph's outputs must not."""
    return {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in seeds
    }


def project_modules() -> list[str]:
    """Every module of the dipgraph package, subpackages included, by name."""
    found = set(PACKAGES)
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        found.update(m.name for m in pkgutil.walk_packages(path, f"{package}."))
    return sorted(found)


# Letters that no Unicode decomposition strips of their accent, and what the saved
# spelling queries (find_entity, entity_by_spelling) fold them to.
PLAIN_LETTERS = {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ħ": "h"}
PLAIN_LETTERS |= {"\u0131": "i", "ĸ": "k", "ł": "l", "ŋ": "n", "ŧ": "t", "ə": "a"}
PLAIN_LETTERS |= {"\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"}
PLAIN_LETTERS |= {"\u00b7": "", "\u02bc": ""}  # what NFKD leaves of ŀ and ŉ


def fold(text: str) -> str:
    """A spelling without case or accents, worked out with `unicodedata` alone.

    >>> fold("Lajčák"), fold("JUPPÉ"), fold("Straße"), fold("Əliyev")
    ('lajcak', 'juppe', 'strasse', 'aliyev')
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(PLAIN_LETTERS.get(c, c) for c in bare.casefold())
