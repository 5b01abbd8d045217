"""The place line (``Washington, DC``); ``Venue, City, Region`` gives the venue too."""

from __future__ import annotations

from releaseparse.extractors._common import header_lines, set_text_at, trimmed_offsets
from releaseparse.extractors._kinds import KIND_PLACE
from releaseparse.lines import Line
from releaseparse.records import unchecked_span
from releaseparse.state import ParseState


def place(state: ParseState) -> None:
    """Set ``place`` from the header block's first place line.

    ``(Berlin, Germany)`` loses its brackets; ``Hyatt Regency Hotel, Washington, DC``
    gives venue ``Hyatt Regency Hotel`` when its first part holds a venue word, and
    ``Japan National Press Club, Tokyo`` when the venue word ends it.
    """
    if state.has("place"):
        return
    for line, _kind in header_lines(state, KIND_PLACE):
        _set_place(state, line)
        return


def _set_place(state: ParseState, line: Line) -> None:
    source = state.source
    start, end = trimmed_offsets(source, line.start, line.end)
    text = source[start:end]
    if text.startswith("(") and text.endswith(")"):
        state.claim(unchecked_span(start, start + 1), "header")
        state.claim(unchecked_span(end - 1, end), "header")
        start, end = trimmed_offsets(source, start + 1, end - 1)
        text = source[start:end]
    comma = text.find(",")
    if comma >= 0 and not state.has("venue"):
        first = text[:comma]
        words = first.split()
        last_word = words[-1] if words else ""
        several = text.find(",", comma + 1) >= 0
        # ``Japan National Press Club, Tokyo``: with one comma the venue word must end
        # the first part (``College Park, MD`` is a city).
        if (several and state.vocabulary.venue_pattern.search(first)) or (
            not several and state.vocabulary.venue_pattern.fullmatch(last_word)
        ):
            set_text_at(state, "venue", start, start + comma, kind="venue")
            state.claim(unchecked_span(start + comma, start + comma + 1), "header")
            start, end = trimmed_offsets(source, start + comma + 1, end)
    set_text_at(state, "place", start, end, kind="place")
