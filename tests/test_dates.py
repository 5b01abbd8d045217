"""Datelines: every form layout A uses, and nothing filled in from the clock."""

from __future__ import annotations

import datetime as dt

import pytest

from releaseparse.dates import read_dateline

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
    assert read_dateline(text) == (value, None)


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
