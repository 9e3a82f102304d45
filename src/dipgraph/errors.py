"""Every error dipgraph reports to a user, in one tree rooted at `DipgraphError`.

The command line turns any `DipgraphError` into one clear message with no traceback;
from Python, ``except DipgraphError`` catches every user mistake dipgraph detects.
This module imports nothing of dipgraph: every other module may raise from it.

Examples
--------
>>> issubclass(QueryError, DipgraphError) and issubclass(YamlSyntaxError, DipgraphError)
True
>>> str(YamlSyntaxError(3, "YAML syntax: found ':'", path="data/sides.yaml"))
"data/sides.yaml:3: YAML syntax: found ':'"
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

__all__ = [
    "AnalysisError",
    "CorpusError",
    "DipgraphError",
    "EngineError",
    "NothingToAnalyse",
    "ProblemReport",
    "QueryError",
    "SourceTextError",
    "TimeError",
    "ValidationFailed",
    "YamlSyntaxError",
]


class ProblemReport(Protocol):
    """What `ValidationFailed` carries: a report listing errors and warnings (such as
    `dipgraph.loader.problems.Report`)."""

    @property
    def errors(self) -> Sequence[object]: ...

    @property
    def warnings(self) -> Sequence[object]: ...


class DipgraphError(Exception):
    """Base class for every error dipgraph reports to a user."""


class YamlSyntaxError(DipgraphError):
    """A YAML file that cannot be parsed; ``line`` is 1-based (0 when unknown)."""

    def __init__(self, line: int, message: str, *, path: object = None):
        self.line, self.message, self.path = line, message, path
        where = f"{path}:{line}" if path is not None else f"{line}"
        super().__init__(f"{where}: {message}")


class CorpusError(DipgraphError):
    """A records folder that is not there, or a corpus file that cannot be written as asked
    (``dipgraph init`` into a folder with records, a source added twice)."""


class TimeError(DipgraphError):
    """An EDTF value that cannot be parsed or is inconsistent."""


class SourceTextError(DipgraphError):
    """A source text that is missing, changed, or does not contain what was asked."""


class EngineError(DipgraphError):
    """A database engine that cannot be started, reached, or that rejected a statement."""


class ValidationFailed(DipgraphError):
    """Records with errors. ``report`` holds every problem; ``wrote_nothing`` says that
    the command stopped before writing to a database (it is False for read-only work)."""

    def __init__(self, report: ProblemReport, *, wrote_nothing: bool = False):
        self.report, self.wrote_nothing = report, wrote_nothing
        tail = "; nothing was written" if wrote_nothing else ""
        super().__init__(f"{len(report.errors)} error(s) in the records{tail}")


class AnalysisError(DipgraphError):
    """An analysis that cannot run as asked (an unknown window, side or actor)."""


class NothingToAnalyse(AnalysisError):
    """Records with no dated fact yet (a corpus just started): nothing to slice by time."""


class QueryError(DipgraphError):
    """A query that cannot run as asked, or a saved-query file that cannot be read;
    the message names the query."""
