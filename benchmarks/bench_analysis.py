"""Measure the full analysis: on the shipped records, and on a synthetic history.

The synthetic history has ``--actors`` states (two sides of five), ``--years``
years and about ``--ties`` facts a year (attending, taking part in, mediating
events; backing actors), dated to the day. The full profile is every measure of
`dipgraph.analysis.measures.profile` for every yearly window, plus roles and
role transitions. Run: ``python benchmarks/bench_analysis.py``. Prints seconds.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from pathlib import Path

import networkx as nx

from dipgraph.analysis.job import choose_windows
from dipgraph.analysis.measures import profile
from dipgraph.analysis.roles import actor_roles, role_transitions
from dipgraph.analysis.sensitivity import source_sensitivity
from dipgraph.analysis.timeline import fixed_windows, period_windows
from dipgraph.loader import build_networkx, check_records, graph_rows
from dipgraph.loader.graph import add_relationship

ROOT = Path(__file__).resolve().parent.parent
PREDICATES = ["ATTENDED"] * 6 + ["PARTY_TO"] * 2 + ["MEDIATED"] * 2


def synthetic_history(
    actors: int, years: int, ties: int, *, seed: int = 7
) -> tuple[nx.MultiDiGraph, dict]:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    names = [f"s{i}" for i in range(actors)]
    for name in names:
        graph.add_node(name, label="State", name=name.upper())
    graph.add_node("src", label="Source", title="Synthetic")
    sides = {"east": names[:5], "west": names[5:10]}
    key = 0
    for year in range(1990, 1990 + years):
        events = [f"e{year}-{i}" for i in range(ties // 5)]
        for event in events:
            graph.add_node(event, label="Event", name=event)
        for _ in range(ties):
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.9:
                subject, predicate, target = (
                    rng.choice(names),
                    rng.choice(PREDICATES),
                    rng.choice(events),
                )
            else:
                subject, predicate, target = rng.choice(names), "SUPPORTED", rng.choice(names[:10])
            props = {
                "key": f"k{key}",
                "time": day,
                "earliest": day,
                "latest": day,
                "sources": ["src"],
            }
            add_relationship(graph, subject, target, predicate, props)
            key += 1
    return graph, sides


def timed(label: str, work) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"| {label} | {seconds:.2f} |")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=150)
    parser.add_argument("--years", type=int, default=35)
    parser.add_argument("--ties", type=int, default=600)
    parser.add_argument("--permutations", type=int, default=200)
    args = parser.parse_args()
    print(
        f"Machine: {platform.machine()}, Python {platform.python_version()}, networkx {nx.__version__}\n"
    )
    print("| run | seconds |\n|---|---|")

    records, _ = check_records(ROOT / "data")
    corpus = build_networkx(graph_rows(records))
    sides = records.sides["karabakh-conflict"].sides
    yearly = choose_windows(corpus)
    timed(
        f"corpus: profile, {len(yearly)} yearly windows",
        lambda: profile(corpus, yearly, sides, permutations=args.permutations),
    )
    timed(
        "corpus: profile, named periods",
        lambda: profile(corpus, period_windows(corpus), sides, permutations=args.permutations),
    )
    timed(
        "corpus: roles and transitions, yearly",
        lambda: role_transitions(actor_roles(corpus, yearly, sides)),
    )
    timed("corpus: source sensitivity, yearly", lambda: source_sensitivity(corpus, yearly, sides))

    history, synthetic_sides = synthetic_history(args.actors, args.years, args.ties)
    windows = fixed_windows(1990, 1990 + args.years - 1)
    label = f"synthetic ({args.actors} actors, {args.years} years, {args.ties} ties/year)"

    def full_profile():
        profile(history, windows, synthetic_sides, permutations=args.permutations)
        role_transitions(actor_roles(history, windows, synthetic_sides))

    timed(f"{label}: full profile (measures, roles, transitions)", full_profile)


if __name__ == "__main__":
    main()
