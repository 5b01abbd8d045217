"""The date readers' match readings as they were, each group read by its name."""

from __future__ import annotations

import datetime as dt
import re

import regex

from releaseparse import dates
from releaseparse.dates import DateReading, TimeReading
from releaseparse.text import collapse


def time_of(match: regex.Match[str]) -> TimeReading | None:
    """``_time_of`` as it was: the hour, minute, meridiem and zone read by name."""
    if match["hour"] is None:
        return None
    value = dates._clock(int(match["hour"]), int(match["minute"]), match["meridiem"])
    if value is None:
        return None
    zone = match["zone"]
    return TimeReading(value, collapse(zone) if zone else None)


def reading(match: regex.Match[str] | re.Match[str], line: str | None = None) -> DateReading | None:
    """``_reading`` as it was: each group read by name, the pattern asked for a numeric form."""
    if "nyear" in match.re.groupindex and match["nyear"]:
        month, day, year = int(match["nmonth"]), int(match["nday"]), int(match["nyear"])
    else:
        found = dates._month_number(match["month"] or match["month2"])
        if found is None:
            return None
        month = found
        day = int((match["day"] or match["day2"]).rstrip("stndrhe°º"))
        year = int(match["year"] or match["year2"])
    try:
        value = dt.date(year, month, day)
    except ValueError as error:
        shown = line if line is not None else match.group()
        return DateReading(None, f"{shown!r} is not a calendar date ({error})")
    return DateReading(value)


def read_leading_time(text: str) -> tuple[int, TimeReading] | None:
    """``read_leading_time`` as it was, its groups read by name."""
    match = dates._LEADING_TIME.match(text)
    if match is None:
        return None
    zone = match["zone"]
    end = match.end()
    if (
        zone is not None
        and zone.upper() not in dates._ZONES
        and not zone.lower().startswith("local")
    ):
        end = match.start("zone")
    found = time_of(match)
    if found is None:
        return None
    if end != match.end():
        found = TimeReading(found.value, None)
    return len(text[:end].rstrip()), found
