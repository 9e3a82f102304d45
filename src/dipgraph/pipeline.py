"""The jobs dipgraph does, as library calls: what each command runs, for notebooks too.

Every function takes a `Settings` (where the records are, which database) and
returns a small dataclass; the command line only parses options, calls one of
these and prints. `build` is the main job: validate, load, analyse, draw, export.

Examples
--------
>>> from dipgraph.settings import Settings
>>> checked = check_data(Settings(data=Path("data")))  # doctest: +SKIP
>>> checked.report.ok, len(checked.records.claims)  # doctest: +SKIP
(True, 730)
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from dipgraph.analysis.export import write_graph_exports
from dipgraph.analysis.figure_jobs import figure_pool
from dipgraph.analysis.job import (
    FigureFiles,
    analyze_graph,
    choose_windows,
    write_analysis,
    write_figures,
)
from dipgraph.analysis.options import EXPORT_FORMATS, AnalysisOptions
from dipgraph.analysis.scope import conflict_graph
from dipgraph.analysis.summary import describe_leaders
from dipgraph.analysis.timeline import Window
from dipgraph.cypher.library import SavedQuery, check_params
from dipgraph.cypher.run import resolve, run_query
from dipgraph.errors import (
    AnalysisError,
    EngineError,
    NothingToAnalyse,
    QueryError,
    SourceTextError,
    ValidationFailed,
)
from dipgraph.loader.coverage import DocumentCoverage, count_records, document_coverage
from dipgraph.loader.embedded import EmbeddedFalkorDB
from dipgraph.loader.engines import FALKORDB, Engine, FalkorEngine, Neo4jEngine
from dipgraph.loader.exports import write_record_files
from dipgraph.loader.graph import GraphRows, build_networkx, graph_rows
from dipgraph.loader.load import LoadSummary, load_graph, read_networkx
from dipgraph.loader.problems import Report, did_you_mean
from dipgraph.loader.records import Records, read_records
from dipgraph.loader.sides import SIDES_FILE, ConflictSides, check_sides, read_sides
from dipgraph.loader.sources import (
    cited_passages,
    locate,
    read_source_text,
    text_of,
    verify_sources,
)
from dipgraph.loader.validate import check_records
from dipgraph.settings import Settings, redact_uri

__all__ = [
    "AnalysisInputs",
    "AnalysisResult",
    "BuildResult",
    "CheckResult",
    "LoadResult",
    "Located",
    "StatsResult",
    "VerifyResult",
    "analyze_conflicts",
    "analyze_data",
    "build",
    "check_data",
    "conflict_inputs",
    "count_data",
    "describe_analysis",
    "describe_load",
    "describe_store",
    "draw_figures",
    "export_graph",
    "inputs_from_records",
    "leading_mediators",
    "load_store",
    "locate_phrase",
    "open_engine",
    "paragraph_preview",
    "query_store",
    "read_analysis_inputs",
    "require_valid_data",
    "store_location",
    "verify_citations",
]

# Called after each batch with the number of rows it wrote and the total to write.
Progress = Callable[[int, int], object]


@dataclass(frozen=True)
class CheckResult:
    """The records as read, and every problem found in them."""

    records: Records
    report: Report


@dataclass(frozen=True)
class LoadResult:
    """A load: the records, the rows written, what the database then held, and where."""

    checked: CheckResult
    rows: GraphRows
    summary: LoadSummary
    where: str


@dataclass(frozen=True)
class AnalysisInputs:
    """The graph to analyse and the sides of its conflict (empty when none is given).

    ``conflict`` names the conflict whose part of a several-conflict corpus ``graph``
    is (`dipgraph.analysis.scope.conflict_graph`); None when it is the whole corpus,
    which follows one conflict (or gives no sides).
    """

    graph: nx.MultiDiGraph
    sides: dict[str, list[str]]
    conflict: str | None = None

    def folder(self, out: Path, section: str) -> Path:
        """Where this analysis writes a section: ``out/section``, and a subfolder named
        after the conflict when the corpus follows several."""
        return out / section / self.conflict if self.conflict else out / section


@dataclass(frozen=True)
class AnalysisResult:
    """An analysis: its inputs, windows and options, the tables and the CSV files."""

    inputs: AnalysisInputs
    options: AnalysisOptions
    windows: list[Window]
    tables: dict[str, pd.DataFrame]
    written: list[Path]


@dataclass(frozen=True)
class BuildResult:
    """The main job: the load, the analyses (one per conflict), the figures, every file by
    section, the index."""

    load: LoadResult
    analyses: list[AnalysisResult]  # empty: the records hold no dated fact yet
    figures: FigureFiles
    sections: dict[str, list[Path]]
    index: Path

    @property
    def analysis(self) -> AnalysisResult | None:
        """The analysis, for a corpus that follows one conflict (the first otherwise)."""
        return self.analyses[0] if self.analyses else None

    @property
    def summary(self) -> str:
        """What the build found: the load, then the leading mediators (of each conflict,
        when there are several) or why there are none."""
        found = [describe_analysis(a) for a in self.analyses] or [NOTHING_TO_ANALYSE]
        return "\n".join([describe_load(self.load), *found])


NOTHING_TO_ANALYSE = (
    "Nothing to analyse yet: no relationship in the records has a date. "
    "Add claims with a time to see mediators, roles and figures."
)


# -- records and databases ---------------------------------------------------------------------


def check_data(settings: Settings, *, texts: Path | None = None) -> CheckResult:
    """Read and validate the data folder; with ``texts``, also verify the citations."""
    records, report = check_records(settings.data)
    if texts is not None and report.ok:
        report.problems.extend(verify_sources(records, texts).problems)
    return CheckResult(records, report)


def require_valid_data(settings: Settings, *, writing: bool = False) -> CheckResult:
    """The validated records; `ValidationFailed` on any error (``writing``: the caller
    was about to write, and says that nothing was)."""
    checked = check_data(settings)
    if not checked.report.ok:
        raise ValidationFailed(checked.report, wrote_nothing=writing)
    return checked


@contextlib.contextmanager
def open_engine(settings: Settings) -> Iterator[Engine]:
    """The database the settings choose; the embedded server is stopped on exit."""
    if not settings.use_neo4j:
        with EmbeddedFalkorDB(settings.home) as engine:
            yield engine
        return
    if not settings.neo4j_uri or not settings.neo4j_password:
        raise EngineError(
            "Neo4j needs a URI and a password: set NEO4J_URI and NEO4J_PASSWORD (or --uri/--password)"
        )
    neo4j = Neo4jEngine(
        settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
    )
    try:
        yield neo4j
    finally:
        neo4j.close()


def store_location(settings: Settings) -> str:
    """Where a load goes: the Neo4j URI (without its password), or the embedded store's
    folder."""
    return redact_uri(str(settings.neo4j_uri)) if settings.use_neo4j else str(settings.home)


def describe_store(settings: Settings) -> str:
    """The database the settings choose, as messages name it."""
    return Neo4jEngine.name if settings.use_neo4j else FalkorEngine.name


def load_store(
    settings: Settings,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    checked: CheckResult | None = None,
) -> LoadResult:
    """Validate (unless ``checked``: records already validated), then load into the
    database (``replace``: also remove what the records no longer hold); ``progress``
    is called after each batch."""
    if checked is None:
        checked = require_valid_data(settings, writing=True)
    rows = graph_rows(checked.records)
    total = len(rows.nodes) + len(rows.edges)
    advance = (lambda count: progress(count, total)) if progress else None
    with open_engine(settings) as engine:
        summary = load_graph(engine, rows, replace=replace, progress=advance)
    return LoadResult(checked, rows, summary, store_location(settings))


def describe_load(result: LoadResult) -> str:
    """What a load left in the database, by label and by type, in three lines."""
    summary = result.summary
    return (
        f"Loaded into {summary.engine} ({result.where}):\n"
        f"  nodes {_by_kind(summary.nodes)}\n"
        f"  relationships {_by_kind(summary.relationships)}"
    )


def _by_kind(counts: dict[str, int]) -> str:
    """``"3: A 1, B 2"``; plain ``"0"`` when there are none."""
    total = sum(counts.values())
    return f"{total}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) if total else "0"


def query_store(
    settings: Settings, statement: str, params: dict[str, object], *, write: bool = False
) -> list[dict]:
    """Run a saved query (by name), a ``.cypher`` file or a statement on the database."""
    query: SavedQuery = resolve(statement)
    check_params(query, params)  # before opening the engine: a misspelt name fails fast
    with open_engine(settings) as engine:
        if engine.kind == FALKORDB and _is_empty(engine):
            raise QueryError(
                f"the embedded store {settings.home} is empty: run dipgraph load first"
            )
        return run_query(engine, query, params, write=write)


def _is_empty(engine: Engine) -> bool:
    try:
        return not engine.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
    except EngineError:  # FalkorDB knows no graph that was never written: empty
        return True


# -- sources and coverage ------------------------------------------------------------------------


@dataclass(frozen=True)
class StatsResult:
    """Counts by label, type and source; each document's paragraph coverage when the
    texts were given (else None), and the problems reading them."""

    records: Records
    counts: dict[str, Counter]
    coverage: list[DocumentCoverage] | None
    problems: Report


@dataclass(frozen=True)
class Located:
    """One place a phrase occurs in a source text, with the words around it."""

    source: str
    start: int
    end: int
    paragraph: int
    context: str


@dataclass(frozen=True)
class VerifyResult:
    """Citation problems, and how many sources and citations were checked."""

    report: Report
    sources: int
    citations: int


def count_data(settings: Settings, *, texts: Path | None = None) -> StatsResult:
    """Counts of the validated records; with ``texts``, each document's coverage."""
    records = require_valid_data(settings).records
    problems = Report()
    coverage = document_coverage(records, texts, problems) if texts is not None else None
    return StatsResult(records, count_records(records), coverage, problems)


def paragraph_preview(records: Records, texts: Path, source: str, start: int, end: int) -> str:
    """The first eight words of a passage, for a listing."""
    words = read_source_text(records.sources[source], texts)[start:end].split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def locate_phrase(settings: Settings, source: str, phrase: str, *, texts: Path) -> list[Located]:
    """Every occurrence of ``phrase`` in the text of ``source``, ready to cite."""
    text = text_of(read_records(settings.data), source, texts)
    matches = locate(text, phrase)
    if not matches:
        raise SourceTextError(f"{phrase!r} does not occur in {source}")
    return [
        Located(
            source,
            m.start,
            m.end,
            m.paragraph,
            " ".join(text[max(0, m.start - 30) : m.end + 30].split()),
        )
        for m in matches
    ]


def verify_citations(settings: Settings, *, texts: Path) -> VerifyResult:
    """Check each source's SHA-256 and that every cited span names its record or date."""
    records = require_valid_data(settings).records
    citations = sum(len(e.cites) for e in records.entities.values())
    citations += sum(len(c.cites) for c in records.claims)
    return VerifyResult(verify_sources(records, texts), len(records.sources), citations)


# -- analysis ------------------------------------------------------------------------------------


def read_analysis_inputs(
    settings: Settings, *, from_db: bool = False, conflict: str | None = None
) -> list[AnalysisInputs]:
    """The graph to analyse (the database with ``from_db``, else the records), one per
    conflict that ``sides.yaml`` describes (only ``conflict``, if given)."""
    if from_db:
        with open_engine(settings) as engine:
            graph = read_networkx(engine)
        return conflict_inputs(graph, _sides_for_graph(settings, graph), conflict=conflict)
    return inputs_from_records(require_valid_data(settings).records, conflict=conflict)


def inputs_from_records(
    records: Records, *, graph: nx.MultiDiGraph | None = None, conflict: str | None = None
) -> list[AnalysisInputs]:
    """The records' graph (``graph``, when already built from them), per conflict."""
    graph = graph if graph is not None else build_networkx(graph_rows(records))
    return conflict_inputs(graph, records.sides, conflict=conflict)


def _sides_for_graph(settings: Settings, graph: nx.MultiDiGraph) -> dict[str, ConflictSides]:
    """``sides.yaml`` checked against a graph read from a database."""
    path, report = settings.data / SIDES_FILE, Report()
    if not path.is_file():
        return {}
    sides = read_sides(path, report)
    check_sides(sides, {n: str(a.get("label")) for n, a in graph.nodes(data=True)}, report)
    if not report.ok:
        raise ValidationFailed(report)
    return sides


def conflict_inputs(
    graph: nx.MultiDiGraph, sides: dict[str, ConflictSides], *, conflict: str | None = None
) -> list[AnalysisInputs]:
    """One `AnalysisInputs` per conflict of ``sides`` (or just ``conflict``): the whole
    graph when there is one conflict or none, else each conflict's part of it."""
    if conflict is not None and conflict not in sides:
        known = ", ".join(sorted(sides)) or "none"
        raise AnalysisError(
            f"no conflict {conflict!r} in {SIDES_FILE} (it describes: {known})"
            f"{did_you_mean(conflict, sides)}"
        )
    if len(sides) <= 1:
        return [AnalysisInputs(graph, next(iter(sides.values())).sides if sides else {})]
    chosen = [conflict] if conflict is not None else sorted(sides)
    return [
        AnalysisInputs(conflict_graph(graph, c, sides[c].sides), sides[c].sides, c) for c in chosen
    ]


def analyze_data(
    settings: Settings,
    *,
    out: Path,
    options: AnalysisOptions | None = None,
    from_db: bool = False,
    inputs: AnalysisInputs | None = None,
) -> AnalysisResult:
    """Analyse as ``options`` say (``inputs``: already read; else the corpus's first
    conflict, see `analyze_conflicts` for each) and write the tables into
    ``out/analysis``."""
    options = options or AnalysisOptions()
    if inputs is None:
        inputs = read_analysis_inputs(settings, from_db=from_db)[0]
    windows = choose_windows(inputs.graph, **dataclasses.asdict(options.slicing))
    tables = analyze_graph(
        inputs.graph,
        inputs.sides,
        windows,
        dates=options.dates,
        level=options.level,
        mediation=options.mediation,
    )
    return AnalysisResult(
        inputs, options, windows, tables, write_analysis(tables, inputs.folder(out, "analysis"))
    )


def analyze_conflicts(
    settings: Settings,
    *,
    out: Path,
    options: AnalysisOptions | None = None,
    from_db: bool = False,
    conflict: str | None = None,
) -> list[AnalysisResult]:
    """`analyze_data` for each conflict of the corpus (or ``conflict``), each into its
    own folder when there are several."""
    chosen = read_analysis_inputs(settings, from_db=from_db, conflict=conflict)
    return [analyze_data(settings, out=out, options=options, inputs=inputs) for inputs in chosen]


def draw_figures(
    analysis: AnalysisResult,
    *,
    out: Path,
    pool: ProcessPoolExecutor | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> FigureFiles:
    """The five figures of an analysis, into ``out/figures``, partly drawn in a second
    process (``pool``, else one started here) while this one runs ``meanwhile``."""
    inputs, options = analysis.inputs, analysis.options
    with contextlib.ExitStack() as stack:
        pool = pool or stack.enter_context(figure_pool())
        return write_figures(
            inputs.graph,
            inputs.sides,
            analysis.tables,
            analysis.windows,
            inputs.folder(out, "figures"),
            dates=options.dates,
            level=options.level,
            pool=pool,
            meanwhile=meanwhile,
            conflict=inputs.conflict,
        )


def export_graph(
    settings: Settings,
    *,
    out: Path,
    formats: tuple[str, ...] = EXPORT_FORMATS,
    from_db: bool = False,
    texts: Path | None = None,
) -> list[Path]:
    """The graph (records, or the database with ``from_db``) in ``formats``, into
    ``out/export``; with ``texts``, the explorer shows the cited passages."""
    if from_db:
        with open_engine(settings) as engine:
            graph = read_networkx(engine)
    else:
        graph = build_networkx(graph_rows(require_valid_data(settings).records))
    records = require_valid_data(settings).records
    passages = _passages(records, texts)
    return write_graph_exports(
        graph, out / "export", formats=formats, passages=passages, sides=_sides_by_conflict(records)
    )


def _sides_by_conflict(records: Records) -> dict[str, dict[str, list[str]]]:
    """Conflict -> side -> members, as the explorer's conflict filter takes them."""
    return {conflict: found.sides for conflict, found in records.sides.items()}


def _passages(records: Records, texts: Path | None) -> dict[str, str] | None:
    """The cited passages from the source texts in ``texts``, if given."""
    try:
        return cited_passages(records, texts) if texts is not None else None
    except SourceTextError as exc:
        raise SourceTextError(f"cannot show the cited passages: {exc}") from None


def describe_analysis(analysis: AnalysisResult) -> str:
    """The leading mediators, under the conflict's name when the corpus follows several."""
    leaders = leading_mediators(analysis)
    conflict = analysis.inputs.conflict
    return f"Conflict {conflict}:\n" + leaders if conflict else leaders


def leading_mediators(analysis: AnalysisResult, *, last: int | None = None) -> str:
    """The leading mediators of each window (of the ``last`` ones), as
    `dipgraph.analysis.summary.describe_leaders` writes them."""
    windows = analysis.windows[-last:] if last else analysis.windows
    return describe_leaders(analysis.tables, windows, options=analysis.options)


# -- the main job ------------------------------------------------------------------------------


def build(
    settings: Settings,
    *,
    out: Path,
    load_progress: Progress | None = None,
    on_stage: Callable[[str], object] | None = None,
    texts: Path | None = None,
    conflict: str | None = None,
) -> BuildResult:
    """Validate, load (replacing the previous load), analyse, draw and export into ``out``,
    indexed in ``out/README.md``. ``load_progress`` is called after each batch loaded;
    ``on_stage`` with "analysis", "figures" and "export" as each starts; with ``texts``,
    the explorer shows the cited passages. A corpus that follows several conflicts is
    analysed and drawn per conflict (only ``conflict``, if given)."""
    stage = on_stage or (lambda _: None)
    checked = require_valid_data(settings, writing=True)
    # A wrong text stops the job before the load replaces anything.
    passages = _passages(checked.records, texts) if texts else None
    # The figures' worker starts now, so that its imports overlap the load.
    with figure_pool() as pool:
        loaded = load_store(settings, replace=True, progress=load_progress, checked=checked)
        graph = build_networkx(loaded.rows)
        warnings = loaded.checked.report.warnings
        sections = {"records": write_record_files(graph, out / "records", warnings=warnings)}
        stage("analysis")
        inputs = inputs_from_records(loaded.checked.records, graph=graph, conflict=conflict)
        analyses = [a for a in (_analysis_if_dated(settings, out, i) for i in inputs) if a]
        sections["analysis"] = [path for a in analyses for path in a.written]
        sections["figures"] = []  # drawn while the export runs, listed before it

        def export() -> None:  # while the worker draws
            stage("export")
            sides = _sides_by_conflict(loaded.checked.records)
            sections["export"] = write_graph_exports(
                graph, out / "export", formats=EXPORT_FORMATS, passages=passages, sides=sides
            )
            stage("figures")

        figures = _draw_each(analyses, out=out, pool=pool, meanwhile=export)
    sections["figures"] = figures.written
    result = BuildResult(loaded, analyses, figures, sections, out / "README.md")
    _write_index(out, sections, summary=f"```\n{result.summary}\n```", skipped=figures.skipped)
    return result


def _analysis_if_dated(
    settings: Settings, out: Path, inputs: AnalysisInputs
) -> AnalysisResult | None:
    """The analysis, or None for records with no dated fact yet (a corpus just started)."""
    try:
        return analyze_data(settings, out=out, inputs=inputs)
    except NothingToAnalyse:
        return None


def _draw_each(
    analyses: list[AnalysisResult],
    *,
    out: Path,
    pool: ProcessPoolExecutor | None,
    meanwhile: Callable[[], object],
) -> FigureFiles:
    """The figures of each analysis; ``meanwhile`` runs while the first are drawn (or
    at once, when there is nothing to draw)."""
    if not analyses:
        meanwhile()
        return FigureFiles([], {})
    written: list[Path] = []
    skipped: dict[str, str] = {}
    for index, analysis in enumerate(analyses):
        drawn = draw_figures(analysis, out=out, pool=pool, meanwhile=None if index else meanwhile)
        written += drawn.written
        prefix = f"{analysis.inputs.conflict}: " if analysis.inputs.conflict else ""
        skipped |= {prefix + name: why for name, why in drawn.skipped.items()}
    return FigureFiles(written, skipped)


_ABOUT = {
    "analysis": "tidy tables: measures per window and actor, roles, role transitions, source sensitivity",
    "figures": "PNG, SVG and PDF figures; each caption names the sources and the time slicing",
    "export": "the graph for other tools: GraphML, GEXF 1.3 (Gephi timeline), CSV, Cytoscape.js JSON, "
    "and explorer.html (open it in a browser; works offline)",
    "records": "the records as JSON and CSV, and the validation warnings",
}


def _write_index(
    out: Path, sections: dict[str, list[Path]], *, summary: str, skipped: dict[str, str]
) -> Path:
    """``out/README.md``: what the build produced, with a line on each kind of file."""
    lines = ["# dipgraph build outputs", "", summary, ""]
    for section, paths in sections.items():
        lines += [f"## {section}: {_ABOUT.get(section, '')}", ""]
        lines += [f"- [{p.relative_to(out)}]({p.relative_to(out)})" for p in paths]
        if not paths and not (section == "figures" and skipped):
            lines.append("- none yet: the records hold no dated fact")
        if section == "figures":
            lines += [f"- {name}: not drawn ({why})" for name, why in skipped.items()]
        lines.append("")
    index = out / "README.md"
    index.write_text("\n".join(lines), encoding="utf-8")
    return index
