"""The place line just above the dateline (``Washington, DC``, ``Valletta, Malta``)."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import clean_value, header_window, trimmed
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank

# ``City, Region``: a few capitalised words, a comma, a few more (``D.C.`` included).
_CITY_REGION = regex.compile(
    r"\p{Lu}[\p{L}.'’\-]*(?:\s+[\p{L}.'’\-]+){0,3},\s*\p{Lu}[\p{L}.'’\-]*(?:\s+[\p{L}.'’\-]+){0,3}"
)


def is_place(state: ParseState, text: str) -> bool:
    """Whether a line reads as a place: ``City, Region`` or a place the vocabulary lists."""
    line = collapse(text)
    return _CITY_REGION.fullmatch(line) is not None or state.vocabulary.is_known_place(line)


def place(state: ParseState) -> None:
    """Set ``place`` from the nearest non-blank line above the dateline, if it reads as one.

    Without a dateline, the last line of the header block is looked at instead.
    """
    dateline = state.span_of("date")
    for line in reversed(header_window(state)):
        if is_blank(line.text):
            continue
        if dateline is not None and line.start <= dateline.start < line.stop:
            continue
        if state.is_claimed(line.span):
            return
        if is_place(state, line.text):
            span = trimmed(state.source, line.start, line.end)
            state.claim(line.span, "place")
            state.set("place", clean_value(state, span, "place"), span)
        return
