"""What an analysis can be asked: the choices and their defaults, in one light module.

The command line builds its option lists from these constants, so a choice added
here reaches ``--help`` without a second list to keep in step. Nothing numeric is
imported, so reading them costs nothing.

Examples
--------
>>> AnalysisOptions().dates, AnalysisOptions(level="person").slicing.window
('lenient', None)
>>> AnalysisOptions().mediation
'acts'
>>> AnalysisOptions(dates="sometimes")
Traceback (most recent call last):
...
dipgraph.errors.AnalysisError: dates='sometimes': expected lenient or strict
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dipgraph.errors import AnalysisError

__all__ = ["DATES", "EXPORT_FORMATS", "LEVELS", "MEDIATION", "AnalysisOptions", "Slicing"]

DATES = ("lenient", "strict")  # count a fact when it may fall in a window / when it must
# What ties a mediator to the parties in a window: only its acts dated there, or also
# its sustained roles (decades-long spells, undated statements), as dipgraph 0.1 did.
MEDIATION = ("acts", "all")
LEVELS = ("state", "person")  # attribute acts to the states they were done for / to persons
EXPORT_FORMATS = ("graphml", "gexf", "csv", "json", "html")


@dataclass(frozen=True)
class Slicing:
    """How to cut time into windows (see `dipgraph.analysis.job.choose_windows`):
    ``window`` years (``"3y"``) moved by ``step``, ``expanding`` from the first year,
    the records' named ``periods``, or the single day ``on``."""

    window: str | None = None
    step: str | None = None
    expanding: bool = False
    periods: bool = False
    on: str | None = None


@dataclass(frozen=True)
class AnalysisOptions:
    """The time slicing, the reading of dates, the level of attribution and what counts
    as mediation in a window."""

    slicing: Slicing = field(default_factory=Slicing)
    dates: str = "lenient"
    level: str = "state"
    mediation: str = "acts"

    def __post_init__(self) -> None:
        if self.dates not in DATES:
            raise AnalysisError(f"dates={self.dates!r}: expected {' or '.join(DATES)}")
        if self.level not in LEVELS:
            raise AnalysisError(f"level={self.level!r}: expected {' or '.join(LEVELS)}")
        if self.mediation not in MEDIATION:
            raise AnalysisError(f"mediation={self.mediation!r}: expected {' or '.join(MEDIATION)}")
