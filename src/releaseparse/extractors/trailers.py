"""Trailer lines after the body (``PRN: 2016/0231``, ``# # #``) and page chrome there, kept out."""

from __future__ import annotations

from releaseparse.extractors._common import header_end
from releaseparse.extractors._kinds import KIND_CHROME, kind_memo
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
    vocabulary = state.vocabulary
    trailer_set = vocabulary.trailer_set
    known_kinds = kind_memo(vocabulary)
    for line in reversed(state.lines):  # up from the end: past the tail, then to the header
        if line.stop > tail:
            continue
        if line.start < bound and (line.start < floor or line.start < header_end(state)):
            break  # in the header (its end asked for on its last line only)
        if is_blank(line.text):
            continue
        span = line.span
        if state.is_claimed(span):
            break
        text = collapse(line.text)
        if trailer_set.fullmatches(text):
            state.claim(span, "trailer")
            continue
        # ``vocabulary.is_chrome(text)``, told by the line's kind where it was classified:
        # ``classify`` reads a line that is not blank (as here) as chrome exactly when
        # ``is_chrome`` holds, and the kind memo holds its answers by the line's text. A
        # short page's last lines are often among those the layout or the scan classified.
        known = known_kinds.get(line.text)
        if vocabulary.is_chrome(text) if known is None else known is KIND_CHROME:
            state.claim(span, "chrome")
        else:
            break
