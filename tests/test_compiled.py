"""The compiled path (igraph) and NetworkX give the same tables; BLAS runs on one thread.

Every comparison runs both paths in this process: ``DIPGRAPH_COMPILED=0`` forces
NetworkX, ``1`` requires igraph (a dev dependency, and the ``fast`` extra).
"""

from __future__ import annotations

import random
import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest
from support import DATA, PROFILE_SCRIPT, outputs_under_hash_seeds
from threadpoolctl import threadpool_info

from dipgraph.analysis import compiled, measures
from dipgraph.analysis.job import analyze_graph, choose_windows
from dipgraph.analysis.measures import MEASURES, WindowGraphs, harmonic, profile
from dipgraph.analysis.timeline import Window, fixed_windows, period_windows
from dipgraph.errors import AnalysisError
from dipgraph.loader import build_networkx, check_records, graph_rows
from dipgraph.loader.graph import add_relationship

pytest.importorskip("igraph")

# The measures the two paths compute differently; the others run the same code.
COMPILED = ("betweenness", "harmonic", "mediation_betweenness")


@pytest.fixture(scope="module")
def corpus():
    records, _ = check_records(DATA)
    graph = build_networkx(graph_rows(records))
    return graph, records.sides["karabakh-conflict"].sides


def synthetic_history(actors: int = 40, years: int = 12, ties: int = 160, seed: int = 3):
    """States attending, taking part in and mediating events (five a year per 25 ties),
    and backing the sides' members; two sides of four, one source."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    states = [f"s{i:02d}" for i in range(actors)]
    for state in states:
        graph.add_node(state, label="State", name=state.upper())
    graph.add_node("src", label="Source", title="Synthetic")
    for year in range(1990, 1990 + years):
        events = [f"e{year}-{i}" for i in range(ties // 25)]
        graph.add_nodes_from(events, label="Event")
        for key in range(ties):
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.9:
                predicate = rng.choice(["ATTENDED"] * 6 + ["PARTY_TO"] * 2 + ["MEDIATED"] * 2)
                target = rng.choice(events)
            else:
                predicate, target = "SUPPORTED", rng.choice(states[:8])
            props = {"key": f"k{year}-{key}", "time": day, "earliest": day, "latest": day}
            add_relationship(
                graph, rng.choice(states), target, predicate, props | {"sources": ["src"]}
            )
    return graph, {"east": states[:4], "west": states[4:8]}


def both_paths(monkeypatch, run) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``run()`` with NetworkX alone, then with igraph."""
    monkeypatch.setenv(compiled.ENVIRONMENT, "0")
    networkx_only = run()
    monkeypatch.setenv(compiled.ENVIRONMENT, "1")
    return networkx_only, run()


def assert_same_tables(a: pd.DataFrame, b: pd.DataFrame) -> None:
    # Within 1e-9 measure by measure, and the same to the last digit once written.
    assert len(a) == len(b) and (a.measure == b.measure).all() and (a.actor == b.actor).all()
    assert a.value.to_numpy() == pytest.approx(b.value.to_numpy(), abs=1e-9, nan_ok=True)
    assert a.to_csv(index=False) == b.to_csv(index=False)


@pytest.mark.parametrize("dates", ["lenient", "strict"])
def test_both_paths_give_the_corpus_the_same_measures(corpus, monkeypatch, dates):
    graph, sides = corpus
    windows = choose_windows(graph) + choose_windows(graph, window="3y") + period_windows(graph)
    nx_only, fast = both_paths(
        monkeypatch, lambda: profile(graph, windows, sides, dates=dates, permutations=5)
    )
    assert_same_tables(nx_only, fast)
    assert set(fast.measure) >= set(COMPILED)


def test_both_paths_give_a_synthetic_history_the_same_measures(monkeypatch):
    graph, sides = synthetic_history()
    windows = fixed_windows(1990, 2001) + fixed_windows(1990, 2001, size=4)
    nx_only, fast = both_paths(monkeypatch, lambda: profile(graph, windows, sides, permutations=5))
    assert_same_tables(nx_only, fast)
    compared = fast[fast.measure.isin(COMPILED) & (fast.value > 0)]
    assert len(compared) > 500  # the comparison covers many nonzero values of each
    assert set(compared.measure) == set(COMPILED)


def test_the_whole_analysis_is_the_same_on_both_paths(corpus, monkeypatch):
    graph, sides = corpus
    windows = choose_windows(graph)
    nx_only, fast = both_paths(
        monkeypatch, lambda: analyze_graph(graph, sides, windows, permutations=5)
    )
    for name, table in nx_only.items():
        assert table.to_csv(index=False) == fast[name].to_csv(index=False), name


def test_every_process_and_path_gives_the_same_numbers(monkeypatch):
    outputs = set()
    for setting in ("0", "1"):
        monkeypatch.setenv(compiled.ENVIRONMENT, setting)
        outputs |= outputs_under_hash_seeds(PROFILE_SCRIPT)
    assert len(outputs) == 1


# -- each compiled measure, on graphs worked out by hand ------------------------------------
def test_compiled_betweenness_and_harmonic_on_a_path():
    # a - b - c - d: b lies on the paths a-c and a-d, 2 of the 3 pairs without it.
    fast = compiled.compiled_graph(nx.path_graph("abcd"))
    assert compiled.betweenness(fast) == pytest.approx({"a": 0, "b": 2 / 3, "c": 2 / 3, "d": 0})
    # a reaches b, c and d at 1, 2 and 3: 1 + 1/2 + 1/3.
    assert compiled.harmonic(fast) == {"a": 11 / 6, "b": 2.5, "c": 2.5, "d": 11 / 6}


def test_compiled_harmonic_is_networkx_harmonic_to_the_bit(corpus):
    graph, sides = corpus
    window = Window("1988-01-01", "2020-12-31", "all")
    w = measures.window_graphs(graph, window, sides, fast=True)
    w.interaction.add_node("isolated")  # reaches no one: 0
    assert compiled.harmonic(w.compiled_interaction) == harmonic(w.interaction)
    assert harmonic(w.interaction)["isolated"] == 0


def test_compiled_subset_betweenness_is_halved_like_networkx():
    # a - m - b and a - n - b, lengths 1 + 1 and 2 + 1: only m is on the shortest path.
    graph = nx.Graph()
    graph.add_weighted_edges_from([("a", "m", 1), ("m", "b", 1), ("a", "n", 2), ("n", "b", 1)])
    fast = compiled.compiled_graph(graph, "weight")
    values = compiled.subset_betweenness(fast, ["a"], ["b"], "weight")
    assert values == {"a": 0, "m": 0.5, "b": 0, "n": 0}
    assert nx.betweenness_centrality_subset(graph, ["a"], ["b"], weight="weight") == values


def test_mediation_paths_of_equal_length_tie_exactly():
    # From a to b: through m1, c and m2 (1 + 1/3 + 1/3 + 1/3 = 2), or through m3 (1 + 1).
    # Summed as doubles the first is 1.9999999999999998: only exact lengths make it a tie,
    # each path carrying half of the one pair.
    ties = nx.DiGraph()
    for mediator, party, weight in [
        ("m1", "a", 1), ("m1", "c", 3), ("m2", "c", 3), ("m2", "b", 3), ("m3", "a", 1), ("m3", "b", 1),
    ]:  # fmt: skip
        ties.add_edge(mediator, party, weight=weight, distance=1 / weight)
    floats = nx.betweenness_centrality_subset(ties.to_undirected(), ["a"], ["b"], weight="distance")
    assert floats["m3"] == 0  # the doubles miss the tie
    for fast in (False, True):
        w = WindowGraphs([], {}, {"a": "east", "b": "west"}, fast=fast)
        w.ties = ties  # the window's mediation graph, given
        expected = {"m1": 0.5, "m2": 0.5, "c": 0.5, "m3": 0.5}
        assert MEASURES["mediation_betweenness"](w) == expected


def test_a_compiled_value_near_a_rounding_boundary_is_left_to_networkx(monkeypatch):
    # 2**-13 = 0.0001220703125 lies on a boundary of the twelfth decimal: the last bit
    # decides which way it rounds, so NetworkX's own value is used.
    graph = nx.path_graph("abcd")
    monkeypatch.setattr(compiled, "betweenness", lambda fast: dict.fromkeys("abcd", 2**-13))
    w = WindowGraphs([], {}, {}, fast=True)
    w.interaction = graph
    assert MEASURES["betweenness"](w) == {"a": 0, "b": 0.666666666667, "c": 0.666666666667, "d": 0}


def test_settled_values():
    assert compiled.settled({"a": 0.0, "b": 0.5, "c": 1 / 3, "d": 0.012345678901234})
    assert not compiled.settled({"a": 0.5, "b": 0.0000000000025})  # 2.5e-12: a tie
    assert not compiled.settled({"a": 0.1234567890125 + 1e-17})  # within 1e-14 of one


# -- choosing the path ------------------------------------------------------------------------
def test_the_environment_chooses_the_path(monkeypatch):
    monkeypatch.setenv(compiled.ENVIRONMENT, "0")
    assert compiled.compiled_available() is False
    monkeypatch.setenv(compiled.ENVIRONMENT, "1")
    assert compiled.compiled_available() is True
    monkeypatch.delenv(compiled.ENVIRONMENT)
    assert compiled.compiled_available() is True  # installed, so used
    monkeypatch.setattr(compiled, "_igraph", lambda: None)
    assert compiled.compiled_available() is False
    monkeypatch.setenv(compiled.ENVIRONMENT, "1")
    with pytest.raises(AnalysisError, match=r"DIPGRAPH_COMPILED=1: igraph is not installed"):
        compiled.compiled_available()


def test_loading_igraph_leaves_matplotlib_unloaded():
    script = (
        "import sys\n"
        "from dipgraph.analysis import compiled\n"
        "assert compiled.compiled_available()\n"
        "print('matplotlib' in sys.modules, 'igraph' in sys.modules)\n"
        "import matplotlib.pyplot\n"  # and it still imports afterwards
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "False True\n"


def test_measures_run_with_blas_on_one_thread(corpus, monkeypatch):
    graph, sides = corpus
    seen: list[int] = []
    eigenvector = MEASURES["eigenvector"]

    def spy(w):
        seen.extend(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
        return eigenvector(w)

    monkeypatch.setitem(MEASURES, "eigenvector", spy)
    profile(graph, [Window("1994-01-01", "1994-12-31", "1994")], sides, permutations=2)
    assert seen and set(seen) == {1}
