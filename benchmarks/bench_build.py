"""Measure `dipgraph build` on the shipped records: the whole command cold, and where
its time goes.

Two figures: the command as a user runs it (a fresh store and output folder, a new
process each run, so imports count), the median of ``--runs``; and, in one process,
each stage in turn, with the figures drawn by one process against drawn with the
second-process worker the build uses (the ratio is the parallel speed-up).

Run: ``python benchmarks/bench_build.py [--runs 5]``. Prints seconds and the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from host import describe_host  # noqa: E402 - a sibling script module


def cold_builds(runs: int) -> list[float]:
    """Wall seconds of ``dipgraph build`` with a fresh store and output folder."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            env = {**os.environ, "DIPGRAPH_HOME": f"{scratch}/store"}
            command = [sys.executable, "-m", "dipgraph", "build", "--out", f"{scratch}/out"]
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


def stages() -> dict[str, float]:
    """Seconds of each stage of a build, run one after the other in this process."""
    from dipgraph import pipeline
    from dipgraph.analysis.export import write_graph_exports
    from dipgraph.analysis.figure_jobs import FigureInputs, figure_pool, write_figures
    from dipgraph.loader import build_networkx
    from dipgraph.loader.exports import write_record_files
    from dipgraph.settings import Settings

    lap = _Laps()
    with tempfile.TemporaryDirectory() as scratch:
        settings, out = Settings(data=ROOT / "data", home=Path(scratch) / "store"), Path(scratch)
        loaded = pipeline.load_store(settings, replace=True)
        lap("validate + load (embedded, cold)")
        graph = build_networkx(loaded.rows)
        write_record_files(graph, out / "records", warnings=loaded.checked.report.warnings)
        lap("record files (JSON, CSV)")
        [inputs] = pipeline.inputs_from_records(loaded.checked.records, graph=graph)
        analysis = pipeline.analyze_data(settings, out=out, inputs=inputs)
        lap("analysis (tables)")
        write_graph_exports(graph, out / "export")
        lap("exports (GraphML, GEXF, CSV, JSON, HTML)")
        drawn = FigureInputs(graph, inputs.sides, analysis.tables["measures"], analysis.windows)
        write_figures(drawn, out / "one")
        lap("figures, one process")
        with figure_pool() as pool:
            assert pool is not None, "one core: no worker to measure"
            pool.submit(int).result()  # the worker's start: the build hides it behind the load
            lap.restart()
            write_figures(drawn, out / "two", pool=pool)
            lap("figures, with the worker")
    return lap.times


class _Laps:
    """Seconds since the previous lap, by name."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.restart()

    def restart(self) -> None:
        self.last = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.times[name], self.last = now - self.last, now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {describe_host()}")
    builds = cold_builds(args.runs)
    print(f"dipgraph build, cold: median {statistics.median(builds):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in builds)})")  # fmt: skip
    measured = stages()
    for stage, seconds in measured.items():
        print(f"  {stage}: {seconds:.2f} s")
    one, two = measured["figures, one process"], measured["figures, with the worker"]
    print(f"  figures with the worker / one process: {two / one:.2f}")


if __name__ == "__main__":
    main()
