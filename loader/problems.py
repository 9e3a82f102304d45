"""Problems found in records, reported as ``file:line: record: field: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

__all__ = ["Problem", "Report", "did_you_mean"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    record: str
    field: str
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {self.record}: {self.field}: {prefix}{self.message}"


@dataclass
class Report:
    """Every problem found, errors and warnings apart, in file and line order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors


def did_you_mean(word: str, choices, *, cutoff: float = 0.6) -> str:
    """A hint suffix naming the closest choice, or ``""``.

    >>> did_you_mean("SIGNS", ["SIGNED", "HOSTED"])
    ' (did you mean SIGNED?)'
    >>> did_you_mean("zzz", ["SIGNED"])
    ''
    """
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {match[0]}?)" if match else ""
