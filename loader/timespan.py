"""EDTF time values with explicit calendar bounds and precision.

A value keeps its own precision: ``1994`` spans the whole year, it is never
silently turned into 1 January 1994.

Examples
--------
>>> span = parse_time("1994")
>>> (span.earliest, span.latest, span.precision)
('1994-01-01', '1994-12-31', 'year')
>>> parse_time("199X").precision
'decade'
>>> open_ended = parse_time("2008-11-02/..")
>>> (open_ended.earliest, open_ended.latest, open_ended.precision)
('2008-11-02', None, 'day')
>>> (open_ended.start_bound, open_ended.end_bound)
('known', 'open')
>>> parse_time("2011/2009")
Traceback (most recent call last):
...
dipgraph.errors.TimeError: end 2009 is before start 2011

Dates must be real calendar dates within the years 1 to 9999 (`MIN_YEAR`, `MAX_YEAR`),
uncertainty and approximation included:

>>> parse_time("2011-02-29")
Traceback (most recent call last):
...
dipgraph.errors.TimeError: invalid EDTF '2011-02-29': February 2011 has 28 days
>>> parse_time("9999~")
Traceback (most recent call last):
...
dipgraph.errors.TimeError: '9999~' reaches the year 10000: supported years are 1 to 9999
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from edtf import EDTFParseException, parse_edtf
from edtf.parser.parser_classes import (
    Interval,
    Season,
    UncertainOrApproximate,
    UnspecifiedIntervalSection,
)

from dipgraph.errors import TimeError

__all__ = ["MAX_TIME_LENGTH", "MAX_YEAR", "MIN_YEAR", "Bound", "TimeSpan", "parse_time"]

# ISO dates in the stored properties are four-digit years; year 0 and negative years
# are outside what Python's dates (and lexical comparison of ISO dates) handle.
MIN_YEAR, MAX_YEAR = 1, 9999
MAX_TIME_LENGTH = 100  # the longest shipped value has 23 characters

Bound = Literal["known", "unknown", "open"]
"""What an interval says about one of its ends: a date, ``""`` (unknown) or ``..`` (open)."""

_PRECISIONS = {"day", "month", "year", "decade", "century", "millenium"}


@dataclass(frozen=True)
class TimeSpan:
    """An EDTF value: its text, earliest and latest ISO dates (None: no bound) and precision.

    ``start_bound`` and ``end_bound`` say what kind of bound each end of an interval is,
    which ``earliest`` and ``latest`` alone cannot (both give None for the two kinds of
    missing bound):

    - ``"known"``: a date (every end of a value that is not an interval);
    - ``"open"``: EDTF ``..``, the span runs on that way ("1997/..": still under way);
    - ``"unknown"``: EDTF's empty end, the span has a bound there that the record does
      not know ("1997/": it ended some day after 1997; "/1992-05": it began some day
      before the end of May 1992).

    >>> unknown, still = parse_time("1997/"), parse_time("1997/..")
    >>> (unknown.latest, unknown.end_bound), (still.latest, still.end_bound)
    ((None, 'unknown'), (None, 'open'))
    >>> parse_time("/1992-05").start_bound, parse_time("../1992").start_bound
    ('unknown', 'open')
    >>> parse_time("1994/1996").start_bound, parse_time("1994-05-05").end_bound
    ('known', 'known')
    """

    text: str
    earliest: str | None
    latest: str | None
    precision: str
    start_bound: Bound = "known"
    end_bound: Bound = "known"

    def overlaps(self, other: TimeSpan) -> bool:
        """Whether the two spans can refer to a common day."""
        lo = max(self.earliest or "0000", other.earliest or "0000")
        hi = min(self.latest or "9999", other.latest or "9999")
        return lo <= hi

    def as_properties(self) -> dict[str, str | None]:
        """The stored form: text, bounds and precision, and for an interval whose end is
        not a date, what kind of end it is. An unknown end also gives ``last_attested``,
        the last day the record shows it held, so "as of" queries stop counting there.

        >>> parse_time("1994-12/").as_properties()["last_attested"]
        '1994-12-31'
        >>> parse_time("1997/..").as_properties()["end_bound"]
        'open'
        """
        props: dict[str, str | None] = {
            "time": self.text,
            "earliest": self.earliest,
            "latest": self.latest,
            "precision": self.precision,
        }
        if self.start_bound != "known":
            props["start_bound"] = self.start_bound
        if self.end_bound != "known":
            props["end_bound"] = self.end_bound
        if self.end_bound == "unknown" and self.text.split("/")[0] not in ("", ".."):
            props["last_attested"] = parse_time(self.text.split("/")[0]).latest
        return props


def parse_time(text: str) -> TimeSpan:
    """Parse an EDTF string; raise `TimeError` with a curator-readable message."""
    text = str(text).strip()
    if len(text) > MAX_TIME_LENGTH:
        raise TimeError(
            f"an EDTF value of {len(text):,} characters; the limit is {MAX_TIME_LENGTH}"
        )
    return _plain_dates(text) or _parse_edtf(text)


_DAY = re.compile(r"(?<![0-9X])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9X])")


def _check_calendar_dates(text: str) -> None:
    """Every complete day in ``text`` is a day of the calendar: the edtf grammar takes
    29 February in any year, and fails later on it."""
    for match in _DAY.finditer(text):
        year, month, day = map(int, match.groups())
        if not 1 <= month <= 12:
            continue  # not a month: the parser says what is wrong
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            month_name = calendar.month_name[month]
            raise TimeError(f"invalid EDTF {text!r}: {month_name} {year} has {days} days")


# Most values are plain dates ("1994", "1994-05", "1994-05-05") or intervals of
# them. The edtf grammar takes milliseconds a value, so these take a fast path
# that tests keep identical to the edtf package's answer.
_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_PLAIN_PRECISION = {1: "year", 2: "month", 3: "day"}


def _plain_dates(text: str) -> TimeSpan | None:
    parts = text.split("/")
    if len(parts) > 2:
        return None
    if len(parts) == 2 and (parts[0] in _UNBOUNDED) != (parts[1] in _UNBOUNDED):
        return _half_bounded(text, *parts)
    ends = [bounds for bounds in map(_plain_bounds, parts) if bounds is not None]
    if len(ends) < len(parts):
        return None
    (lo, hi, precision), *rest = ends
    if rest:
        (_, end, second) = rest[0]
        if lo > end:
            first, last = text.split("/")
            raise TimeError(f"end {last} is before start {first}")
        hi, precision = end, _coarsest([precision, second])
    return TimeSpan(text, lo, hi, precision)


_UNBOUNDED: dict[str, Bound] = {"..": "open", "": "unknown"}


def _half_bounded(text: str, start: str, end: str) -> TimeSpan | None:
    """A plain date to or from an open (``..``) or unknown (empty) end: "2008-11-02/..",
    "/1992-05" (a fast path too: open-ended facts are common)."""
    date = end if start in _UNBOUNDED else start
    if not date[:4].isdigit() or not 10 < int(date[:4]) < 9990:
        return None  # near year 1 or 9999 the edtf package's answer (or error) stands
    if start in _UNBOUNDED:
        known = _plain_bounds(end)
        if known is None:
            return None
        return TimeSpan(text, None, known[1], known[2], start_bound=_UNBOUNDED[start])
    known = _plain_bounds(start)
    if known is None:
        return None
    return TimeSpan(text, known[0], None, known[2], end_bound=_UNBOUNDED[end])


def _plain_bounds(text: str) -> tuple[str, str, str] | None:
    match = _PLAIN.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if not year or (month is not None and not 1 <= month <= 12):
        return None  # leave unusual values and errors to the edtf package
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        return None
    first = dt.date(year, month or 1, day or 1)
    last = dt.date(year, month or 12, day or calendar.monthrange(year, month or 12)[1])
    parts = 1 + (month is not None) + (day is not None)
    return first.isoformat(), last.isoformat(), _PLAIN_PRECISION[parts]


@lru_cache(maxsize=4096)
def _parse_edtf(text: str) -> TimeSpan:
    try:
        # The package prints to stdout when a parse action fails; keep the output clean.
        with contextlib.redirect_stdout(io.StringIO()):
            value = parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError, AttributeError, LookupError) as exc:
        # The grammar's actions fail with assorted errors on some malformed values.
        raise TimeError(f"invalid EDTF {text!r}") from exc
    _check_calendar_dates(text)
    try:
        return _span(text, value)
    except _OutOfRange as exc:
        message = (
            f"{text!r} reaches the year {exc.year}: supported years are {MIN_YEAR} to {MAX_YEAR}"
        )
        raise TimeError(message) from None
    except (ValueError, TypeError, AttributeError, ArithmeticError, LookupError) as exc:
        # The package parses some values whose bounds it cannot compute ("/1000-21?").
        raise TimeError(f"unsupported EDTF {text!r}: its bounds cannot be computed") from exc


class _OutOfRange(Exception):
    def __init__(self, year: int):
        super().__init__(year)
        self.year = year


def _span(text: str, value) -> TimeSpan:
    lower, upper = _bound(value.lower_fuzzy()), _bound(value.upper_fuzzy())
    # An unknown end ("2008/") is unbounded for us, not the package's ten-year guess.
    if text.startswith("/"):
        lower = None
    if text.endswith("/"):
        upper = None
    if "/" in text:
        start, end = _bound(value.lower_strict()), _bound(value.upper_strict())
        if start and end and start > end:
            first, second = text.split("/", 1)
            raise TimeError(f"end {second} is before start {first}")
    bounds: tuple[Bound, Bound] = ("known", "known")
    if isinstance(value, Interval):
        bounds = (_bound_kind(value.lower), _bound_kind(value.upper))
    return TimeSpan(text, lower, upper, _precision(value), *bounds)


def _bound_kind(end: object) -> Bound:
    if isinstance(end, UnspecifiedIntervalSection):
        return "open" if end.is_open else "unknown"
    return "known"


def _bound(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return None
    if not MIN_YEAR <= value.tm_year <= MAX_YEAR:
        raise _OutOfRange(value.tm_year)
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()


def _precision(value) -> str:
    if isinstance(value, Season):
        return "season"
    if isinstance(value, Interval):
        precisions = [_precision(e) for e in (value.lower, value.upper) if _is_bounded(e)]
        return _coarsest(precisions) if precisions else "unknown"
    if isinstance(value, UncertainOrApproximate):
        return _precision(value.date)
    precision = getattr(value, "precision", None)
    return precision if precision in _PRECISIONS else "unknown"


def _is_bounded(end) -> bool:
    return end is not None and not isinstance(end, UnspecifiedIntervalSection)


_ORDER = ["day", "month", "season", "year", "decade", "century", "millenium", "unknown"]


def _coarsest(precisions: list[str]) -> str:
    return max(precisions, key=_ORDER.index)
