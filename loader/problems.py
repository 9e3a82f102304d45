"""Problems found in records, reported as ``file:line: record: field: message``.

A problem is one line whatever the record holds: a control character or a line
break in a value it quotes is printed as an escape.

>>> print(Problem("data/x.yaml", 3, "a\\nb", "name", "contains control character U+0000"))
data/x.yaml:3: a\\nb: name: contains control character U+0000
"""

from __future__ import annotations

import difflib
import re
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
        record = self.record
        if len(record) > MAX_SHOWN:  # an overlong id is reported; it need not be printed whole
            record = f"{record[:60]}... ({len(record):,} characters)"
        line = f"{self.file}:{self.line}: {record}: {self.field}: {prefix}{self.message}"
        return _UNPRINTABLE.sub(_escape, line)


MAX_SHOWN = 200  # longer record names are shortened in the printed line


# Line breaks and control characters, which would split or garble a problem's line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


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
