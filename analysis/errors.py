"""Exceptions raised by dipgraph.analysis."""

from __future__ import annotations

from dipgraph.loader.errors import DipgraphError

__all__ = ["AnalysisError"]


class AnalysisError(DipgraphError):
    """An analysis that cannot run as asked (an unknown window, side or actor)."""
