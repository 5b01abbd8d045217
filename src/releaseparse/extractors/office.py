"""The issuing office line (``Office of the Spokesperson``, ``Bureau of Counterterrorism``)."""

from __future__ import annotations

from releaseparse.extractors._common import clean_value, trimmed, unclaimed_header_lines
from releaseparse.state import ParseState

#: Office lines are names, not sentences.
MAX_OFFICE_WORDS = 14


def office(state: ParseState) -> None:
    """Set ``office`` from the first header-block line naming an office."""
    for line in unclaimed_header_lines(state):
        text = line.text
        if len(text.split()) <= MAX_OFFICE_WORDS and state.vocabulary.is_office(text):
            span = trimmed(state.source, line.start, line.end)
            state.claim(line.span, "office")
            state.set("office", clean_value(state, span, "office"), span)
            return
