"""EDTF values: bounds and precision, the fast path, and curator errors."""

from __future__ import annotations

import pytest

from dipgraph.loader import TimeError, parse_time
from dipgraph.loader.timespan import _parse_edtf

CASES = [
    # text, earliest, latest, precision
    ("1994-05-05", "1994-05-05", "1994-05-05", "day"),
    ("2011-06", "2011-06-01", "2011-06-30", "month"),
    ("1996-02", "1996-02-01", "1996-02-29", "month"),
    ("1999", "1999-01-01", "1999-12-31", "year"),
    ("199X", "1990-01-01", "1999-12-31", "decade"),
    ("19XX", "1900-01-01", "1999-12-31", "century"),
    ("1993~", "1992-01-01", "1994-12-31", "year"),
    ("1994-21", "1994-03-01", "1994-05-31", "season"),
    ("1997/1998", "1997-01-01", "1998-12-31", "year"),
    ("1994-05-04/1994-05-05", "1994-05-04", "1994-05-05", "day"),
    ("1994-05/1995", "1994-05-01", "1995-12-31", "year"),
    ("2008-11-02/..", "2008-11-02", None, "day"),
    ("../2008", None, "2008-12-31", "year"),
    ("2008-11-02/", "2008-11-02", None, "day"),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "precision"), CASES)
def test_bounds_and_precision(text, earliest, latest, precision):
    span = parse_time(text)
    assert (span.text, span.earliest, span.latest, span.precision) == (
        text,
        earliest,
        latest,
        precision,
    )


@pytest.mark.parametrize(
    "text", [c[0] for c in CASES] + ["2000-02-29", "1900-02", "2020-12-31/2021-01-01"]
)
def test_fast_path_agrees_with_the_edtf_package(text):
    assert parse_time(text) == _parse_edtf(text)


def test_a_year_is_never_turned_into_its_first_day():
    span = parse_time("1994")
    assert span.earliest != span.latest


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1994-13", "invalid EDTF '1994-13'"),
        ("1994-02-30", "invalid EDTF '1994-02-30'"),
        ("May 1994", "invalid EDTF 'May 1994'"),
        ("2011/2009", "end 2009 is before start 2011"),
        ("1994-05-05/1994-05-04", "end 1994-05-04 is before start 1994-05-05"),
        ("1995~/1994", "end 1994 is before start 1995~"),
    ],
)
def test_curator_errors(text, message):
    with pytest.raises(TimeError) as error:
        parse_time(text)
    assert str(error.value) == message


def test_overlap():
    assert parse_time("1994").overlaps(parse_time("1994-05-05"))
    assert not parse_time("2011-06-24").overlaps(parse_time("2011-06-25"))
    assert parse_time("2008-11-02/..").overlaps(parse_time("2020"))


@pytest.mark.parametrize(
    ("text", "start_bound", "end_bound"),
    [
        ("1997/..", "known", "open"),  # still under way
        ("1997/", "known", "unknown"),  # ended, the record does not say when
        ("/1992-05", "unknown", "known"),  # began, the record does not say when
        ("../1992", "open", "known"),  # under way all along
        ("../..", "open", "open"),
        ("1994~/", "known", "unknown"),
        ("/1994?", "unknown", "known"),
        ("1994-05-05", "known", "known"),
        ("1994", "known", "known"),
        ("199X", "known", "known"),
        ("1994/1996", "known", "known"),
        ("1994-05/1995-06?", "known", "known"),
    ],
)
def test_open_and_unknown_bounds(text, start_bound, end_bound):
    span = parse_time(text)
    assert (span.start_bound, span.end_bound) == (start_bound, end_bound)


def test_open_and_unknown_ends_have_the_same_dates():
    # Only the bound kinds tell "1997/.." (still under way) from "1997/" (ended some day).
    still, ended = parse_time("1997/.."), parse_time("1997/")
    assert (still.earliest, still.latest) == (ended.earliest, ended.latest) == ("1997-01-01", None)
    assert still != ended
    began, always = parse_time("/1992-05"), parse_time("../1992-05")
    assert (
        (began.earliest, began.latest) == (always.earliest, always.latest) == (None, "1992-05-31")
    )
    assert began != always
