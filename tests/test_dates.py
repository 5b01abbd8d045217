"""Datelines: every form layout A uses, and nothing filled in from the clock."""

from __future__ import annotations

import datetime as dt

import pytest

from releaseparse.dates import find_date, read_dateline, read_partial_date, read_time

NOV_16 = dt.date(2017, 11, 16)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("November 16, 2017", NOV_16),
        ("Nov. 16, 2017", NOV_16),
        ("Sept. 30, 2016", dt.date(2016, 9, 30)),
        ("November 16 2017", NOV_16),
        ("16 November 2017", NOV_16),
        ("  NOVEMBER 16, 2017  ", NOV_16),
        ("Thursday, November 16, 2017", NOV_16),
        ("November 16th, 2017", NOV_16),
        ("11/16/2017", NOV_16),
        ("2017-11-16", NOV_16),
        ("16-Nov-2017", NOV_16),
    ],
)
def test_datelines(text: str, value: dt.date) -> None:
    reading = read_dateline(text)
    assert reading is not None
    assert (reading.value, reading.problem, reading.time) == (value, None, None)


@pytest.mark.parametrize(
    ("text", "value", "time", "zone"),
    [
        ("02/03/2025 11:02 PM EST", dt.date(2025, 2, 3), dt.time(23, 2), "EST"),
        ("May 28, 2004 (10:22 a.m. EDT)", dt.date(2004, 5, 28), dt.time(10, 22), "EDT"),
        ("9 يناير 2017", dt.date(2017, 1, 9), None, None),
        (
            "2023年4月11日美国东部夏令时 下午05:45",
            dt.date(2023, 4, 11),
            dt.time(17, 45),
            "美国东部夏令时",
        ),
    ],
)
def test_datelines_with_time_and_other_scripts(
    text: str, value: dt.date, time: dt.time | None, zone: str | None
) -> None:
    """Feed timestamps, datelines with a time, Arabic and Chinese datelines."""
    reading = read_dateline(text)
    assert reading is not None
    assert (reading.value, reading.time, reading.zone) == (value, time, zone)


@pytest.mark.parametrize(
    ("text", "time", "zone"),
    [
        ("2:46 p.m. EST", dt.time(14, 46), "EST"),
        ("(5:43 p.m. EST)", dt.time(17, 43), "EST"),
        ("11:20 A.M. EDT", dt.time(11, 20), "EDT"),
        ("12:08 p.m.", dt.time(12, 8), None),
    ],
)
def test_time_lines(text: str, time: dt.time, zone: str | None) -> None:
    assert read_time(text) == (time, zone)


@pytest.mark.parametrize("text", ["2006/712", "13:75 p.m. EST", "1-2 Protests", "12:30"])
def test_not_time_lines(text: str) -> None:
    assert read_time(text) is None


@pytest.mark.parametrize("text", ["3 Dec", "22 Jun", "(May 13)", "Dec 3"])
def test_dates_without_a_year(text: str) -> None:
    assert read_partial_date(text)
    assert read_dateline(text) is None


def test_date_inside_a_flattened_header_line() -> None:
    found = find_date(
        "Daily Press BriefingRichard Boucher, SpokesmanWashington, DCOctober 28, 2002INDEX:"
    )
    assert found is not None
    start, end, reading = found
    assert reading.value == dt.date(2002, 10, 28)
    assert (start, end) == (60, 76)


@pytest.mark.parametrize(
    "text",
    [
        "November 2017",
        "November 16",
        "2017",
        "Fact Sheet",
        "Released on August 8, 2006",
        "Mayor 16, 2017",
        "2017 Trafficking in Persons Report",
        "5:43 p.m. EST",
        "November 16, 2017 and a long line of prose that follows it",
    ],
)
def test_not_datelines(text: str) -> None:
    """Lines that are not a whole dateline, or lack a part, are not read as one."""
    assert read_dateline(text) is None


def test_impossible_date_is_a_problem_not_a_guess() -> None:
    reading = read_dateline("November 31, 2017")
    assert reading is not None
    assert reading.value is None
    assert reading.problem is not None
    assert "November 31, 2017" in reading.problem
