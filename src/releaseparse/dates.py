"""Reading a dateline (`November 16, 2017`, `Nov. 16 2017`, `16 November 2017`) as a date."""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

import regex

from releaseparse.text import collapse

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
_MONTH = r"[a-z]{3,9}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"

_DATELINE = regex.compile(
    rf"""(?ix)
    (?:{_WEEKDAY})?
    (?:
        (?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*,?\s+(?P<year>{_YEAR})
      | (?P<day2>{_DAY})\s+(?P<month2>{_MONTH}),?\s+(?P<year2>{_YEAR})
    )
    """
)


# Lines made only of numbers, month and weekday names and date punctuation, holding a
# year: the only candidates handed to dateutil (``11/16/2017``, ``2017-11-16``, ``16-Nov-2017``).
_NUMERIC_CANDIDATE = regex.compile(r"(?i)(?=.*\b(?:1[89]|2[01])\d\d\b)[\da-z.,/\- ]+")
_WORD = regex.compile(r"(?i)[a-z]+")
_WEEKDAY_NAMES = regex.compile(rf"(?i){_WEEKDAY.split('(?:day)')[0]}(?:day)?")
_SENTINELS = (_dt.datetime(1904, 1, 1), _dt.datetime(1908, 2, 2))


class DateReading(NamedTuple):
    """A line that reads as a dateline: its date, or why it is not a calendar date."""

    value: _dt.date | None
    problem: str | None = None


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").casefold())


def read_dateline(text: str) -> DateReading | None:
    """Read a whole line as a dateline; ``None`` if the line is not one.

    A line shaped like a date whose parts do not make a calendar day
    (``November 31, 2017``) gives a reading with no value and the problem.
    Nothing is ever filled in from today's date.
    """
    line = collapse(text)
    if len(line) > 40:
        return None
    match = _DATELINE.fullmatch(line)
    if match is None:
        return _read_with_dateutil(line)
    month_word = match["month"] or match["month2"]
    month = _month_number(month_word)
    if month is None:
        return None
    day = int((match["day"] or match["day2"]).rstrip("stndrh"))
    year = int(match["year"] or match["year2"])
    try:
        return DateReading(_dt.date(year, month, day))
    except ValueError as error:
        return DateReading(None, f"{line!r} is not a calendar date ({error})")


def _is_date_word(word: str) -> bool:
    return (
        _month_number(word) is not None
        or word.casefold() in {"st", "nd", "rd", "th"}
        or _WEEKDAY_NAMES.fullmatch(word) is not None
    )


def _read_with_dateutil(line: str) -> DateReading | None:
    """Hand a numeric-looking candidate line to dateutil, refusing partial dates.

    dateutil fills missing parts from its ``default``; parsing with two different
    defaults and comparing shows whether anything was filled in.
    """
    if _NUMERIC_CANDIDATE.fullmatch(line) is None:
        return None
    if not all(_is_date_word(word) for word in _WORD.findall(line)):
        return None
    from dateutil import parser as dateutil_parser

    try:
        first, second = (dateutil_parser.parse(line, default=default) for default in _SENTINELS)
    except (ValueError, OverflowError):
        return None
    if first != second or first.time() != _dt.time():
        return None
    return DateReading(first.date())
