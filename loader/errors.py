"""Exceptions raised by dipgraph.loader; the CLI turns each into one clear message."""

from __future__ import annotations

__all__ = [
    "DipgraphError",
    "EngineError",
    "SourceTextError",
    "TimeError",
    "ValidationFailed",
]


class DipgraphError(Exception):
    """Base class for every error dipgraph reports to a user."""


class TimeError(DipgraphError):
    """An EDTF value that cannot be parsed or is inconsistent."""


class SourceTextError(DipgraphError):
    """A source text that is missing, changed, or does not contain what was asked."""


class EngineError(DipgraphError):
    """A database engine that cannot be started, reached, or that rejected a statement."""


class ValidationFailed(DipgraphError):
    """Records with errors; nothing was written. ``report`` holds every problem."""

    def __init__(self, report):
        self.report = report
        super().__init__(f"{len(report.errors)} error(s) in the records; nothing was written")
