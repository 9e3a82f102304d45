"""Measure the record path, step by step, on the shipped records and synthetic corpora.

Run: ``python benchmarks/bench_load.py`` (the shipped records, 2,000 and 20,000
claims) or ``python benchmarks/bench_load.py --claims 2000 20000 200000``.

For each corpus and each of ``--repeat`` runs, a fresh Python process (cold caches,
its own peak memory) times:

- read + validate (`check_records`), records -> graph rows (`graph_rows`);
- the first load into an empty embedded store (`load_graph`);
- the same rows loaded by a plain ``UNWIND ... CREATE`` loader (one statement per
  label and type, nothing else) into an empty store of its own: the in-process
  yardstick, given as a ratio;
- ``load --replace`` with about 1 % of the relationships deleted, 1 % changed and
  0.2 % of the entities deleted (with their relationships);
- database -> NetworkX (`read_networkx`), checked equal to `build_networkx`;
- the peak resident memory of the Python process (after the loads, and after the
  read-back too) and of the database server.

The figures are medians over the runs; the last column is the 10x-size ratio of
the two largest synthetic corpora (10 when a step is linear). The synthetic
corpora come from ``benchmarks/synthetic.py``: 20 sources, mixed date precisions.
This is a measurement, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = [
    ("read", "read + validate"),
    ("rows", "records -> graph rows"),
    ("first_load", "first load (embedded, CREATE)"),
    ("plain_load", "plain UNWIND CREATE loader"),
    ("replace", "load --replace (1% deleted, 1% changed)"),
    ("read_back", "database -> NetworkX"),
]


# -- one run, in its own process ------------------------------------------------------


def run_once(data: Path) -> dict:
    """Every step once on ``data``; seconds per step, sizes and peak memory."""
    from dipgraph.loader import build_networkx, check_records, graph_rows, load_graph
    from dipgraph.loader.embedded import EmbeddedFalkorDB
    from dipgraph.loader.load import read_networkx

    times: dict[str, float] = {}
    records, report = timed(times, "read", check_records, data)
    assert report.ok, report.errors[:5]
    rows = timed(times, "rows", graph_rows, records)
    changed = edited(rows)  # the records stay alive, as in `dipgraph load`
    # Each loader gets a server of its own, started fresh: a dropped graph is freed in
    # the background, and that would slow whichever loader came second.
    with tempfile.TemporaryDirectory() as home:
        server = EmbeddedFalkorDB(home)
        engine = server.start()
        try:
            engine.apply_schema()
            timed(times, "plain_load", plain_load, engine, rows)
        finally:
            server.stop(save=False)
    with tempfile.TemporaryDirectory() as home:
        server = EmbeddedFalkorDB(home)
        engine = server.start()
        try:
            timed(times, "first_load", load_graph, engine, rows)
            timed(times, "replace", load_graph, engine, changed, replace=True)
            load_peak = _peak_mib()
            del records
            graph = timed(times, "read_back", read_networkx, engine)
            read_peak = _peak_mib()
        finally:
            server.stop(save=False)
    expected = build_networkx(changed)
    assert dict(graph.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(graph.edges(keys=True, data=True), key=str) == sorted(
        expected.edges(keys=True, data=True), key=str
    )
    return {
        "times": times,
        "nodes": len(rows.nodes),
        "relationships": len(rows.edges),
        "load_mib": load_peak,
        "read_mib": read_peak,
        "server_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _peak_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(times: dict[str, float], name: str, step: Callable, *args, **options):
    start = time.perf_counter()
    value = step(*args, **options)
    times[name] = time.perf_counter() - start
    return value


def edited(rows):
    """The rows with ~1 % of relationships deleted, ~1 % changed (a note added) and
    ~0.2 % of entities deleted with their relationships: a curator's day of edits."""
    from dipgraph.loader.graph import EdgeRow, GraphRows

    rng = random.Random(11)
    dropped = {n.props["id"] for n in rows.nodes if n.label != "Source" and rng.random() < 0.002}
    nodes = [n for n in rows.nodes if n.props["id"] not in dropped]
    edges = []
    for edge in rows.edges:
        roll = rng.random()
        if roll < 0.01 or edge.source in dropped or edge.target in dropped:
            continue
        if roll < 0.02:
            edge = EdgeRow(edge.type, edge.source, edge.target, {**edge.props, "note": "Revised."})
        edges.append(edge)
    return GraphRows(nodes, edges)


def plain_load(engine, rows, batch: int = 1000) -> None:
    """The plainest loader of the same rows: UNWIND ... CREATE per label and per type.
    Statements written here, not in cypher/: this is the yardstick, not dipgraph. It
    runs with the garbage collector off, as dipgraph's loader does, so the ratio
    measures the loaders, not the collector."""
    gc.disable()
    try:
        _plain_load(engine, rows, batch)
    finally:
        gc.enable()


def _plain_load(engine, rows, batch: int) -> None:
    by_label: dict[str, list] = {}
    for node in rows.nodes:
        by_label.setdefault(node.label, []).append(node.props)
    for label, props in by_label.items():
        labels = "Source" if label == "Source" else f"Entity:{label}"
        for start in range(0, len(props), batch):
            engine.write(
                f"UNWIND $rows AS p CREATE (n:{labels}) SET n = p",
                {"rows": props[start : start + batch]},
            )
    by_type: dict[str, list] = {}
    # One row per key (the last), as a unique key constraint needs.
    unique = {(edge.type, edge.props["key"]): edge for edge in rows.edges}
    for edge in unique.values():
        by_type.setdefault(edge.type, []).append([edge.source, edge.target, edge.props])
    for rel_type, group in by_type.items():
        statement = (
            "UNWIND $rows AS row MATCH (a:Entity {id: row[0]}) MATCH (b:Entity {id: row[1]}) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET r = row[2]"
        )
        for start in range(0, len(group), batch):
            engine.write(statement, {"rows": group[start : start + batch]})


# -- the driver -----------------------------------------------------------------------


def measure(data: Path, repeat: int) -> dict:
    """Medians of ``repeat`` runs of `run_once`, each in a fresh process."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, __file__, "--run-once", str(data)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"run on {data} failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    median = {k: statistics.median(r["times"][k] for r in runs) for k in runs[0]["times"]}
    return {
        "times": median,
        "nodes": runs[0]["nodes"],
        "relationships": runs[0]["relationships"],
        "load_mib": max(r["load_mib"] for r in runs),
        "read_mib": max(r["read_mib"] for r in runs),
        "server_mib": max(r["server_mib"] for r in runs),
    }


def table(results: dict[str, dict], sizes: list[int]) -> str:
    names = list(results)
    head = "| step | " + " | ".join(names) + " |"
    lines = [head, "|---" * (len(names) + 1) + "|"]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row(
        "size (nodes / relationships)",
        [f"{r['nodes']:,} / {r['relationships']:,}" for r in results.values()],
    )
    for key, label in STEPS:
        row(f"{label}, s", [f"{r['times'][key]:.3f}" for r in results.values()])
    row(
        "first load / plain loader",
        [f"{r['times']['first_load'] / r['times']['plain_load']:.2f}x" for r in results.values()],
    )
    row(
        "load --replace / first load",
        [f"{r['times']['replace'] / r['times']['first_load']:.2f}x" for r in results.values()],
    )
    row(
        "peak memory, Python: read, validate, load, MiB",
        [f"{r['load_mib']:.0f}" for r in results.values()],
    )
    row(
        "peak memory, Python: ... then read back, MiB",
        [f"{r['read_mib']:.0f}" for r in results.values()],
    )
    row("peak memory, database server, MiB", [f"{r['server_mib']:.0f}" for r in results.values()])
    if len(sizes) >= 2:
        small, large = results[_name(sizes[-2])], results[_name(sizes[-1])]
        factor = sizes[-1] / sizes[-2]
        steps = ", ".join(
            f"{label.split(' (')[0]} {large['times'][k] / small['times'][k]:.1f}"
            for k, label in STEPS
        )
        lines.append(
            f"\nGrowth from {sizes[-2]:,} to {sizes[-1]:,} claims (x{factor:g}; linear is "
            f"{factor:g}): {steps}."
        )
    return "\n".join(lines)


def _name(claims: int) -> str:
    return f"{claims:,} claims"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-shipped", action="store_true", help="skip the shipped records")
    parser.add_argument("--run-once", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_once:
        print(json.dumps(run_once(args.run_once)))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from host import describe_host
    from synthetic import write_corpus

    print(f"Machine: {describe_host()}")
    results = {} if args.no_shipped else {"shipped records": measure(ROOT / "data", args.repeat)}
    sizes = sorted(args.claims)
    for claims in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = write_corpus(Path(tmp), claims, sources=args.sources)
            results[_name(claims)] = measure(corpus.data, args.repeat)
    print(
        f"Median of {args.repeat} runs, each in a fresh process; load average after: "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
        + "\n"
    )
    print(table(results, sizes))


if __name__ == "__main__":
    main()
