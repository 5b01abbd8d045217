"""Helpers for extractor authors: spans, clean values, dates, times, body, markers and checks.

The built-in extractors use these; a custom extractor or a whole new source profile
needs nothing else beyond the names ``releaseparse`` exports (``ParseState``, ``Span``,
``Profile``, ``Vocabulary``...). ``checks`` and the default chain are building blocks
for a profile's own chain.
"""

from __future__ import annotations

from releaseparse.dates import DateReading, TimeReading, find_date, read_dateline, read_time
from releaseparse.extractors import BUILTIN_EXTRACTORS
from releaseparse.extractors._common import clean_value, set_text, set_time, trimmed
from releaseparse.extractors.body import read_body
from releaseparse.extractors.checks import checks
from releaseparse.extractors.markers import claim_markers
from releaseparse.frontmatter import FrontMatter, read_front_matter
from releaseparse.text import collapse, is_blank

__all__ = [
    "BUILTIN_EXTRACTORS",
    "DateReading",
    "FrontMatter",
    "TimeReading",
    "checks",
    "claim_markers",
    "clean_value",
    "collapse",
    "find_date",
    "is_blank",
    "read_body",
    "read_dateline",
    "read_front_matter",
    "read_time",
    "set_text",
    "set_time",
    "trimmed",
]
