"""History checks: the analysis of the shipped corpus against what is known of the
mediation, worked out from the records and the historical record by hand.

No actor mediates before it existed, a decades-long statement does not make a mediator
of every year, ties are reported as ties, and each reading of uncertain dates is shown.
"""

from __future__ import annotations

import networkx as nx
import pytest
from support import DATA

from dipgraph.analysis.job import analyze_graph
from dipgraph.analysis.measures import profile
from dipgraph.analysis.options import AnalysisOptions
from dipgraph.analysis.roles import actor_roles
from dipgraph.analysis.summary import describe_leaders
from dipgraph.analysis.timeline import act_time, fact_time, fixed_windows, is_active, year_window
from dipgraph.loader import build_networkx, check_records, graph_rows

YEARS = fixed_windows(1988, 2020)


@pytest.fixture(scope="module")
def corpus():
    records, _ = check_records(DATA)
    return build_networkx(graph_rows(records)), records.sides["karabakh-conflict"].sides


@pytest.fixture(scope="module")
def tables(corpus):
    graph, sides = corpus
    return analyze_graph(graph, sides, YEARS, permutations=2)


def _mediation(table, *, year: int, reading: str = "value") -> dict[str, float]:
    rows = table[(table.measure == "mediation_betweenness") & (table.window == str(year))]
    return {
        r.actor: round(getattr(r, reading), 4) for r in rows.itertuples() if getattr(r, reading)
    }


def _edge(graph: nx.MultiDiGraph, subject: str, predicate: str, target: str, time=None) -> dict:
    for _, v, attrs in graph.edges(subject, data=True):
        if v == target and attrs["type"] == predicate and attrs.get("time") == time:
            return attrs
    raise AssertionError(f"no {subject} {predicate} {target} {time}")


def test_the_cis_mediates_nothing_before_it_was_founded(corpus):
    # The CIS was founded on 21 December 1991 (its record's lifespan); russia-initiatives
    # names it among the mediators without a date.
    graph, _ = corpus
    when = fact_time(
        graph,
        "karabakh-conflict",
        _edge(graph, "cis", "MEDIATED", "karabakh-conflict"),
        subject="cis",
    )
    assert (when["earliest"], when["dated_by"], when["bounded_by"]) == (
        "1991-12-21",
        "object",
        ("cis",),
    )
    assert not is_active(when, year_window(1990), dates="lenient")
    assert is_active(when, year_window(1991), dates="lenient")


def test_no_role_of_the_cis_or_the_minsk_group_before_they_existed(corpus):
    graph, sides = corpus
    roles = actor_roles(graph, YEARS, sides, level="person")
    first = roles.groupby("actor").window.min()
    # The Minsk Group was formed in 1992; the CIS in December 1991.
    assert first["minsk-group"] == "1992"
    assert first["cis"] == "1991"


def test_a_fact_dated_before_its_actor_existed_never_counts():
    graph = nx.MultiDiGraph()
    graph.add_node("cis", label="Organization", time="1991-12-21/..", earliest="1991-12-21")
    graph.add_node("war", label="Conflict", time="1988/..", earliest="1988-01-01")
    when = fact_time(
        graph,
        "war",
        {"time": "1990", "earliest": "1990-01-01", "latest": "1990-12-31"},
        subject="cis",
    )
    assert (when["earliest"], when["latest"]) == ("1991-12-21", "1990-12-31")
    assert not any(is_active(when, w, dates="lenient") for w in fixed_windows(1988, 1995))


@pytest.mark.parametrize("year", [1988, 1989, 1990, 1991])
def test_no_mediation_before_the_first_dated_act(tables, year):
    # The undated "at the beginning of the conflict" mediators (Iran, Kazakhstan, the CIS,
    # the CSCE) no longer fill 1988-1991 under either reading.
    assert _mediation(tables["measures"], year=year) == {}
    assert _mediation(tables["measures"], year=year, reading="strict") == {}


@pytest.mark.parametrize("year", [1992, 1994, 1996, 2008, 2011, 2020])
def test_russia_is_the_sole_broker_in_the_years_of_its_initiatives(tables, year):
    # Sochi 1992; Bishkek and the ceasefire 1994; Primakov's visit 1996; Meindorf 2008;
    # Kazan 2011; the Moscow ceasefire and the November statement 2020.
    assert _mediation(tables["measures"], year=year) == {"russia": 1.0}


@pytest.mark.parametrize("year", range(1998, 2008))
def test_no_plateau_from_statements_spanning_decades(tables, year):
    # The records date no mediation act in 1998-2007; "the co-chairs mediated the
    # conflict" over decades is a sustained role, not an act of every year.
    assert _mediation(tables["measures"], year=year) == {}
    assert _mediation(tables["measures"], year=year, reading="strict") == {}


def test_sustained_roles_are_their_own_series(tables):
    m = tables["measures"]
    france = m[(m.actor == "france") & (m.window == "2000") & (m.measure == "sustained_mediation")]
    # France in 2000: it mediated the conflict from 1997 (no end given), and as a co-chair
    # the Minsk Group's mediation of 1992-2020 and its undated one.
    assert france.value.tolist() == [3.0]


def test_the_old_reading_is_kept_behind_an_option(corpus):
    graph, sides = corpus
    table = profile(graph, [year_window(2000)], sides, mediation="all", permutations=2)
    found = _mediation(table, year=2000)
    # Nine actors share the conflict's mediation in 2000 when every possible spell counts.
    assert found == {
        a: round(1 / 9, 4)
        for a in [
            "cis",
            "cis-ipa",
            "france",
            "iran",
            "kazakhstan",
            "osce",
            "russia",
            "sweden",
            "united-states",
        ]
    }


def test_both_readings_of_dates_are_in_the_table(tables):
    # 2018: the co-chairmanship's statement of April. Sweden's co-chairmanship began in
    # December 1994 with no end given: it may still hold (lenient), is not certain (strict).
    m = tables["measures"]
    assert _mediation(m, year=2018, reading="lenient") == {
        a: 0.25 for a in ["france", "russia", "sweden", "united-states"]
    }
    assert _mediation(m, year=2018, reading="strict") == {
        a: round(1 / 3, 4) for a in ["france", "russia", "united-states"]
    }


def test_the_summary_reports_ties_as_ties_and_windows_without_acts(tables):
    text = describe_leaders(tables, [year_window(y) for y in range(1996, 2009)])
    assert text.splitlines() == [
        "Leading mediator by mediation betweenness (dated mediation acts, lenient dates):",
        "  1996: Russia 1.00 (one source: russia-initiatives)",
        "  1997: France, Russia, United States 0.33 (one source: russia-initiatives)",
        "  1998-2007: no dated mediation act",
        "  2008: Russia 1.00 (one source: karavayev-2016)",
    ]
    line = describe_leaders(tables, [year_window(2018)], options=AnalysisOptions()).splitlines()[1]
    assert line == (
        "  2018: France, Russia, Sweden, United States 0.25 [strict: France 0.33, Russia 0.33, "
        "United States 0.33; others 0.00] (each on one source: russia-initiatives, tadevosyan-kazan)"
    )


@pytest.mark.parametrize(
    ("when", "item", "expected"),
    [
        ({"time": "1997/", "earliest": "1997-01-01", "dated_by": "record"}, False, ("1997-01-01", "1997-12-31")),
        ({"time": "/1992-05", "latest": "1992-05-31", "dated_by": "record"}, False, ("1992-05-01", "1992-05-31")),
        ({"time": "2011-06-24", "earliest": "2011-06-24", "latest": "2011-06-24", "dated_by": "record"}, False, ("2011-06-24", "2011-06-24")),
        ({"time": "1994-05", "earliest": "1994-05-01", "latest": "1994-05-31", "dated_by": "object"}, True, ("1994-05-01", "1994-05-31")),
        ({"time": "1988/..", "earliest": "1988-01-01", "dated_by": "object"}, False, None),
        ({"time": "2008/2020", "earliest": "2008-01-01", "latest": "2020-12-31", "dated_by": "record"}, False, None),
        ({"time": "1992/..", "earliest": "1992-01-01", "dated_by": "record"}, False, None),
        ({"time": "1991-12-21/..", "earliest": "1991-12-21", "dated_by": "lifespan"}, False, None),
        ({"time": None, "dated_by": None}, False, None),
    ],
)  # fmt: skip
def test_what_is_an_act(when, item, expected):
    act = act_time(when, item=item)
    assert (act and (act["earliest"], act["latest"])) == expected


def test_the_trajectory_figure_shows_the_range_between_the_readings(tables):
    from matplotlib.collections import LineCollection

    from dipgraph.analysis.plot import plot_trajectories
    from dipgraph.analysis.plot.captions import caption_of

    figure = plot_trajectories(tables["measures"], windows=YEARS)
    bars = [
        (round(float(x0), 3), round(float(abs(y1 - y0)), 4))
        for c in figure.axes[0].collections
        if isinstance(c, LineCollection)
        for (x0, y0), (_, y1) in c.get_segments()
    ]
    # Only 2018 (the 31st year from 1988) differs between the readings: Sweden 0 or 0.25,
    # and France, Russia and the United States 1/3 (strict) or 1/4 (lenient).
    assert sorted(bars) == [(30.0, round(1 / 12, 4))] * 3 + [(30.0, 0.25)]
    caption = " ".join(caption_of(figure).split())
    assert "spans the value under strict and under lenient dating" in caption
    assert "Mediation: acts dated in the window" in caption


def test_the_roles_table_says_how_each_role_is_dated(tables):
    roles = tables["roles"]
    cis = roles[(roles.actor == "cis") & (roles.window == "1992")]
    # Undated in russia-initiatives: placed by the conflict it concerns, within the CIS's life.
    assert cis.dated_by.tolist() == [["object, within the lifespan of cis"]]


@pytest.mark.parametrize("level", ["state", "person"])
@pytest.mark.parametrize("mediation", ["acts", "all"])
def test_no_actor_brokers_before_its_lifespan_begins(corpus, level, mediation):
    graph, sides = corpus
    begins = {
        node: attrs["earliest"]
        for node, attrs in graph.nodes(data=True)
        if attrs.get("label") in ("State", "Organization", "Person", "Format")
        and attrs.get("time")
        and attrs.get("earliest")
    }
    # The corpus records lifespans for the CIS, the Minsk Group and other formats.
    assert {"cis", "minsk-group"} <= set(begins)
    tables = analyze_graph(graph, sides, YEARS, level=level, mediation=mediation, permutations=2)
    m = tables["measures"]
    m = m[(m.measure == "mediation_betweenness") & m.actor.isin(begins)]
    early = m[m.end < m.actor.map(begins)]
    assert early[(early.strict > 0) | (early.lenient > 0)].empty
