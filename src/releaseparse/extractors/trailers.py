"""Trailer lines after the body (``PRN: 2016/0231``, ``# # #``) and page chrome there, kept out."""

from __future__ import annotations

from releaseparse.extractors._common import header_end
from releaseparse.extractors._tail import header_bounds
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank


def trailers(state: ParseState) -> None:
    """Claim the trailer and chrome lines found walking up from the disclaimer (or the end).

    Page chrome printed below the release (``Share``, ``Skip to main content``, a
    language menu) is a ``chrome`` region, as above it.
    """
    disclaimer = state.span_of("disclaimer")
    tail = len(state.source) if disclaimer is None else disclaimer.start
    # The walk mostly ends at its first line, far below the header: the exact end of
    # the header is worked out only for a line that may lie before it.
    floor, bound = header_bounds(state)
    trailer_set = state.vocabulary.trailer_set
    for line in reversed(state.lines):  # up from the end: past the tail, then to the header
        if line.stop > tail:
            continue
        if line.start < bound and (line.start < floor or line.start < header_end(state)):
            break  # in the header (its end asked for on its last line only)
        if is_blank(line.text):
            continue
        if state.is_claimed(line.span):
            break
        text = collapse(line.text)
        if trailer_set.fullmatches(text):
            state.claim(line.span, "trailer")
        elif state.vocabulary.is_chrome(text):
            state.claim(line.span, "chrome")
        else:
            break
