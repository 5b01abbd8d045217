"""The place line (``Washington, DC``); ``Venue, City, Region`` gives the venue too."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import header_lines, set_text, trimmed
from releaseparse.extractors._kinds import Kind
from releaseparse.lines import Line
from releaseparse.records import Span
from releaseparse.state import ParseState

_COMMA = regex.compile(r",")


def place(state: ParseState) -> None:
    """Set ``place`` from the header block's first place line.

    ``(Berlin, Germany)`` loses its brackets; ``Hyatt Regency Hotel, Washington, DC``
    gives venue ``Hyatt Regency Hotel`` when its first part holds a venue word, and
    ``Japan National Press Club, Tokyo`` when the venue word ends it.
    """
    if state.has("place"):
        return
    for line, _kind in header_lines(state, Kind.PLACE):
        _set_place(state, line)
        return


def _set_place(state: ParseState, line: Line) -> None:
    span = trimmed(state.source, line.start, line.end)
    text = span.slice(state.source)
    if text.startswith("(") and text.endswith(")"):
        state.claim(Span(span.start, span.start + 1), "header")
        state.claim(Span(span.end - 1, span.end), "header")
        span = trimmed(state.source, span.start + 1, span.end - 1)
        text = span.slice(state.source)
    commas = [match.start() for match in _COMMA.finditer(text)]
    if commas and not state.has("venue"):
        first = text[: commas[0]]
        last_word = first.split()[-1] if first.split() else ""
        # ``Japan National Press Club, Tokyo``: with one comma the venue word must end
        # the first part (``College Park, MD`` is a city).
        if (len(commas) >= 2 and state.vocabulary.venue_pattern.search(first)) or (
            len(commas) == 1 and state.vocabulary.venue_pattern.fullmatch(last_word)
        ):
            set_text(state, "venue", Span(span.start, span.start + commas[0]), kind="venue")
            state.claim(Span(span.start + commas[0], span.start + commas[0] + 1), "header")
            span = trimmed(state.source, span.start + commas[0] + 1, span.end)
    set_text(state, "place", span, kind="place")
