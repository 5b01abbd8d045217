"""The place line just above the dateline (``Washington, DC``, ``Valletta, Malta``)."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import (
    clean_value,
    header_window,
    lines_after_issuer,
    trimmed,
)
from releaseparse.lines import Line
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

    Without a dateline, the first line after the issuer lines that reads as a place.
    """
    dateline = state.span_of("date")
    if dateline is None:
        candidate = next((ln for ln in lines_after_issuer(state) if is_place(state, ln.text)), None)
        if candidate is not None:
            _set_place(state, candidate)
        return
    for line in reversed(header_window(state)):
        if is_blank(line.text):
            continue
        if dateline is not None and line.start <= dateline.start < line.stop:
            continue
        if state.is_claimed(line.span):
            return
        if is_place(state, line.text):
            _set_place(state, line)
        return


def _set_place(state: ParseState, line: Line) -> None:
    span = trimmed(state.source, line.start, line.end)
    state.claim(line.span, "place")
    state.set("place", clean_value(state, span, "place"), span)
