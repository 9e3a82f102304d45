"""Measure validation and loading on the shipped records and on a synthetic corpus.

Run: ``python benchmarks/bench_load.py [--people N] [--claims M]``. Prints a
Markdown table of wall-clock seconds (best of ``--repeat`` runs). This is a
measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import random
import tempfile
import time
from pathlib import Path

from dipgraph.loader import build_networkx, check_records, graph_rows, load_graph, read_networkx
from dipgraph.loader.embedded import EmbeddedFalkorDB

ROOT = Path(__file__).resolve().parent.parent
PREDICATES = [
    ("ATTENDED", "event"),
    ("SIGNED", "doc"),
    ("MEDIATED", "event"),
    ("HELD_POSITION", "state"),
]


def write_synthetic(root: Path, people: int, claims: int, seed: int = 7) -> Path:
    """A corpus of ``people`` persons, 50 states, people/4 events and documents, ``claims`` claims."""
    rng = random.Random(seed)
    text = "Synthetic chronicle. " * 2000
    data = root / "data"
    (data / "entities").mkdir(parents=True)
    (data / "claims").mkdir()
    digest = hashlib.sha256(text.encode()).hexdigest()
    (data / "sources.yaml").write_text(
        f"- {{id: syn, title: Synthetic, file: syn.txt, sha256: {digest}, chars: {len(text)}}}\n"
    )
    cite = "cite: [{source: syn, span: [0, 20]}]"
    groups = {"person": people, "state": 50, "event": people // 4, "doc": people // 4}
    fields = {  # label and label-specific fields of each group
        "person": ("Person", ""),
        "state": ("State", "status: recognized, "),
        "event": ("Event", "kind: meeting, time: {year}, "),
        "doc": ("Agreement", "kind: statement, "),
    }
    lines = []
    for group, count in groups.items():
        label, extra = fields[group]
        for i in range(count):
            specific = extra.format(year=1991 + i % 30)
            name = f"{label} {i:05d} Q{rng.random():.6f}"
            lines.append(f"- {{id: {group}-{i}, label: {label}, name: {name}, {specific}{cite}}}")
    (data / "entities" / "all.yaml").write_text("\n".join(lines) + "\n")
    rows = ["source: syn", "claims:"]
    for _ in range(claims):
        predicate, target = rng.choice(PREDICATES)
        subject, obj = rng.randrange(people), rng.randrange(groups[target])
        year = rng.randint(1991, 2020)
        extra = ", title: Minister" if predicate == "HELD_POSITION" else ""
        rows.append(
            f"  - {{subject: person-{subject}, predicate: {predicate}, object: {target}-{obj}, time: {year}{extra}, cite: [{{span: [0, 20]}}]}}"
        )
    (data / "claims" / "syn.yaml").write_text("\n".join(rows) + "\n")
    return data


def measure(label: str, data: Path, repeat: int) -> list[tuple[str, str, float]]:
    results = []

    def best(name, fn):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            value = fn()
            times.append(time.perf_counter() - start)
        results.append((label, name, min(times)))
        return value

    records, report = best("read + validate", lambda: check_records(data))
    assert report.ok, report.errors[:5]
    rows = best("records -> graph rows", lambda: graph_rows(records))
    best("rows -> NetworkX", lambda: build_networkx(rows))
    with tempfile.TemporaryDirectory() as home:
        server = EmbeddedFalkorDB(home)
        engine = best("start embedded server", server.start) if repeat == 1 else None
        if engine is None:
            engine = server.start()
        try:
            engine.clear()
            start = time.perf_counter()
            load_graph(engine, rows)
            results.append((label, "first load (embedded)", time.perf_counter() - start))
            best("reload, unchanged (embedded)", lambda: load_graph(engine, rows))
            best("database -> NetworkX (embedded)", lambda: read_networkx(engine))
        finally:
            server.stop()
    results.append((label, "size", f"{len(rows.nodes)} nodes, {len(rows.edges)} relationships"))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = measure("shipped records", ROOT / "data", args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        data = write_synthetic(Path(tmp), args.people, args.claims)
        results += measure(
            f"synthetic ({args.people} people, {args.claims} claims)", data, args.repeat
        )
    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, {platform.system()}"
    )
    print("\n| corpus | step | seconds |\n|---|---|---|")
    for corpus, step, value in results:
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"| {corpus} | {step} | {shown} |")


if __name__ == "__main__":
    main()
