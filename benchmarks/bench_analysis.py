"""Where the analysis spends its time, with NetworkX alone and with the compiled path.

Runs on the shipped records and on a synthetic history of ``--actors`` states (two
sides of five), ``--years`` years (and twice as many) and about ``--ties`` facts a
year (attending, taking part in, mediating events; backing actors), dated to the
day. Every figure is the median of ``--repeat`` runs in this process, each path's
run next to the other's, so the ratios hold even on a busy machine:

- the whole runs (a profile of every measure with roles and transitions, which the
  targets are stated for; ``analyze_graph``: both readings of dates and the source
  sensitivity), NetworkX alone against the compiled path (igraph), and the longer
  history against the shorter;
- the same profile stage by stage (reading the graph, facts, projections, each
  measure, brokerage, tables, roles), measured window by window;
- the eigenvector measure with BLAS on its default threads against one thread.

Run: ``python benchmarks/bench_analysis.py [--repeat 5]``. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
from threadpoolctl import threadpool_info

from dipgraph.analysis import compiled, measures
from dipgraph.analysis.actors import Prepared
from dipgraph.analysis.job import analyze_graph, choose_windows
from dipgraph.analysis.measures import MEASURES, profile
from dipgraph.analysis.roles import actor_roles, role_transitions
from dipgraph.analysis.sensitivity import source_sensitivity
from dipgraph.analysis.timeline import Window, fixed_windows, period_windows
from dipgraph.loader import build_networkx, check_records, graph_rows
from dipgraph.loader.graph import add_relationship

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from host import describe_host  # noqa: E402 - a sibling script module

PREDICATES = ["ATTENDED"] * 6 + ["PARTY_TO"] * 2 + ["MEDIATED"] * 2
PATHS = {"NetworkX": "0", "compiled": "1"}


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


@contextmanager
def path(name: str) -> Iterator[None]:
    """Run the block on one path: ``NetworkX`` alone or ``compiled``."""
    before = os.environ.get(compiled.ENVIRONMENT)
    os.environ[compiled.ENVIRONMENT] = PATHS[name]
    try:
        yield
    finally:
        if before is None:
            del os.environ[compiled.ENVIRONMENT]
        else:
            os.environ[compiled.ENVIRONMENT] = before


def both_paths(work: Callable[[], object], repeat: int) -> dict[str, float]:
    """Median seconds of ``work`` on each path, the runs alternating."""
    runs: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeat):
        for name in PATHS:
            with path(name):
                start = time.perf_counter()
                work()
                runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(seconds) for name, seconds in runs.items()}


def machine() -> str:
    blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
    with compiled.one_blas_thread():
        inside = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    libraries = ", ".join(f"{i['internal_api']} {i['version']}" for i in blas) or "none found"
    defaults = ", ".join(str(i["num_threads"]) for i in blas)
    igraph = compiled._igraph()
    return (
        f"Machine: {describe_host()}\n"
        f"networkx {nx.__version__}, igraph {igraph.__version__ if igraph else 'absent'}\n"
        f"BLAS: {libraries}; threads {defaults} by default, {inside} in the analysis "
        f"(`one_blas_thread`)\n"
    )


def row(label: str, seconds: dict[str, float]) -> None:
    a, b = seconds["NetworkX"], seconds["compiled"]
    print(f"| {label} | {a:.3f} | {b:.3f} | {a / b:.1f} |")


def corpus_rows(repeat: int, permutations: int) -> None:
    records, _ = check_records(ROOT / "data")
    corpus = build_networkx(graph_rows(records))
    sides = records.sides["karabakh-conflict"].sides
    yearly, periods = choose_windows(corpus), period_windows(corpus)
    runs = {
        f"corpus: profile, {len(yearly)} yearly windows": lambda: profile(
            corpus, yearly, sides, permutations=permutations
        ),
        "corpus: profile, named periods": lambda: profile(
            corpus, periods, sides, permutations=permutations
        ),
        "corpus: roles and transitions, yearly": lambda: role_transitions(
            actor_roles(corpus, yearly, sides)
        ),
        "corpus: source sensitivity, yearly": lambda: source_sensitivity(corpus, yearly, sides),
        "corpus: analyze_graph, yearly (what `dipgraph analyze` computes)": lambda: analyze_graph(
            corpus, sides, yearly, permutations=permutations
        ),
    }
    both_paths(runs[next(iter(runs))], 1)  # warm up: imports and caches on both paths
    for label, work in runs.items():
        row(label, both_paths(work, repeat))


def full_profile(history: nx.MultiDiGraph, windows: list[Window], sides: dict, permutations: int):
    """Every measure of every window, roles and transitions, from the graph."""

    def work() -> None:
        prepared = Prepared(history)
        profile(history, windows, sides, permutations=permutations, prepared=prepared)
        role_transitions(actor_roles(history, windows, sides, prepared=prepared))

    return work


@contextmanager
def clock(spent: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    spent[stage] += time.perf_counter() - start


def stages(
    history: nx.MultiDiGraph, windows: list[Window], sides: dict, permutations: int
) -> dict[str, float]:
    """Seconds per stage of `full_profile`, window by window, on the current path."""
    spent: dict[str, float] = defaultdict(float)
    fast = compiled.compiled_available()
    with clock(spent, "read the graph (`Prepared`)"):
        prepared = Prepared(history)
    with compiled.one_blas_thread():
        for window in windows:
            with clock(spent, "facts"):
                w = measures.window_graphs(history, window, sides, prepared=prepared, fast=fast)
            with clock(spent, "projections"):
                w.interaction, w.ties  # noqa: B018 - built here, read by the measures
            with clock(spent, "matrix, igraph graph"):
                w.adjacency, w.position, fast and w.compiled_interaction  # noqa: B018
            rows: dict = {}
            for measure, compute in MEASURES.items():
                if w.interaction.number_of_nodes() or measure not in measures._ON_INTERACTION:
                    with clock(spent, f"measure: {measure}"):
                        measures._put(rows, measure, compute(w))
            with clock(spent, "measure: group_betweenness"):
                rows.update(measures._group_betweenness(w.ties, w.facts))
            with clock(spent, f"brokerage z-scores ({permutations} permutations)"):
                measures._put_brokerage(rows, w.ties, w.side_of, permutations=permutations, seed=0)
            with clock(spent, "table"):
                measures._frame(prepared.names, window, rows, ("state", "lenient", "acts"))
    with clock(spent, "roles and transitions"):
        role_transitions(actor_roles(history, windows, sides, prepared=prepared))
    return dict(spent)


def median_stages(history, windows, sides, permutations, repeat) -> dict[str, dict[str, float]]:
    """Stage -> path -> median seconds."""
    runs: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for _ in range(repeat):
        for name in PATHS:
            with path(name):
                for stage, seconds in stages(history, windows, sides, permutations).items():
                    runs[stage][name].append(seconds)
    return {
        stage: {name: statistics.median(s) for name, s in by_path.items()}
        for stage, by_path in runs.items()
    }


def print_stages(short: dict, long: dict, years: int) -> None:
    print(
        f"\n| stage ({years} and {2 * years} years) | NetworkX s | compiled s | NetworkX / compiled "
        f"| NetworkX s, {2 * years} y | compiled s, {2 * years} y | {2 * years}/{years}, NetworkX "
        f"| {2 * years}/{years}, compiled |\n|---|---|---|---|---|---|---|---|"
    )
    for stage in short:
        a, b = short[stage]["NetworkX"], short[stage]["compiled"]
        c, d = long[stage]["NetworkX"], long[stage]["compiled"]
        print(
            f"| {stage} | {a:.3f} | {b:.3f} | {a / b if b else float('nan'):.1f} | {c:.3f} | {d:.3f} "
            f"| {c / a if a else float('nan'):.2f} | {d / b if b else float('nan'):.2f} |"
        )
    for name in PATHS:
        total = sum(s[name] for s in short.values()), sum(s[name] for s in long.values())
        print(
            f"\nSum of the stages, {name}: {total[0]:.2f} s ({years} y), "
            f"{total[1]:.2f} s ({2 * years} y)"
        )


def blas_row(history, windows, sides, repeat: int) -> None:
    """The eigenvector measure of every window, BLAS on its own threads and on one."""
    prepared = Prepared(history)
    graphs = [measures.window_graphs(history, w, sides, prepared=prepared) for w in windows]
    for w in graphs:
        w.adjacency, w.position  # noqa: B018 - built before the clock starts
    eigenvector = MEASURES["eigenvector"]

    def run() -> None:
        for w in graphs:
            eigenvector(w)

    def limited() -> None:
        with compiled.one_blas_thread():
            run()

    free, one = (statistics.median(_times(work, repeat)) for work in (run, limited))
    print(
        f"\nEigenvector measure, {len(windows)} windows: {free:.3f} s with BLAS on its default "
        f"threads, {one:.3f} s on one thread (ratio {free / one:.1f})"
    )


def _times(work: Callable[[], object], repeat: int) -> list[float]:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=150)
    parser.add_argument("--years", type=int, default=35)
    parser.add_argument("--ties", type=int, default=600)
    parser.add_argument("--permutations", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    start = time.perf_counter()
    compiled._igraph()
    print(f"Importing igraph: {time.perf_counter() - start:.2f} s (once per process)")
    print(machine())
    print(f"Medians of {args.repeat} runs.\n")
    print("| run | NetworkX s | compiled s | NetworkX / compiled |\n|---|---|---|---|")
    corpus_rows(args.repeat, args.permutations)
    histories = {}
    for years in (args.years, 2 * args.years):
        history, sides = synthetic_history(args.actors, years, args.ties)
        windows = fixed_windows(1990, 1990 + years - 1)
        histories[years] = (history, windows, sides)
        label = f"synthetic, {args.actors} actors, {years} years, {args.ties} ties a year"
        seconds = both_paths(full_profile(history, windows, sides, args.permutations), args.repeat)
        histories[years] += (seconds,)
        row(f"{label}: profile, roles, transitions", seconds)
    history, windows, sides, _ = histories[args.years]
    row(
        f"synthetic, {args.years} years: analyze_graph (both readings, sensitivity)",
        both_paths(lambda: analyze_graph(history, sides, windows), args.repeat),
    )
    short, long = histories[args.years][3], histories[2 * args.years][3]
    print(
        f"\n{2 * args.years} years / {args.years} years, profile, roles, transitions: "
        f"NetworkX {long['NetworkX'] / short['NetworkX']:.2f}, compiled {long['compiled'] / short['compiled']:.2f}"
    )
    per_stage = {
        years: median_stages(*histories[years][:3], args.permutations, args.repeat)
        for years in (args.years, 2 * args.years)
    }
    print_stages(per_stage[args.years], per_stage[2 * args.years], args.years)
    blas_row(*histories[args.years][:3], args.repeat)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nLoad average at the end: {load}; {time.perf_counter() - start:.0f} s in all")


if __name__ == "__main__":
    main()
