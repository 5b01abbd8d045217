"""Helpers for extractor authors: spans, clean values, dates, times, body and markers.

The built-in extractors use these; a custom extractor or a whole new source profile
needs nothing else beyond ``ParseState``.
"""

from __future__ import annotations

from releaseparse.dates import DateReading, TimeReading, find_date, read_dateline, read_time
from releaseparse.extractors._common import clean_value, set_text, set_time, trimmed
from releaseparse.extractors.body import read_body
from releaseparse.extractors.markers import claim_markers
from releaseparse.text import collapse, is_blank

__all__ = [
    "DateReading",
    "TimeReading",
    "claim_markers",
    "clean_value",
    "collapse",
    "find_date",
    "is_blank",
    "read_body",
    "read_dateline",
    "read_time",
    "set_text",
    "set_time",
    "trimmed",
]
