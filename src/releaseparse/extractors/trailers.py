"""Trailer lines after the body (``PRN: 2016/0231``, ``# # #``) and page chrome there, kept out."""

from __future__ import annotations

from releaseparse.extractors._block import Layout, layout
from releaseparse.extractors._common import header_end
from releaseparse.extractors._kinds import KIND_CHROME
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, collapse, is_blank


def trailers(state: ParseState) -> None:
    """Claim the trailer and chrome lines found walking up from the disclaimer (or the end).

    Page chrome printed below the release (``Share``, ``Skip to main content``, a
    language menu) is a ``chrome`` region, as above it.
    """
    # The disclaimer's start read from the state's table of offsets: no ``Span`` made.
    disclaimer = state._span_offsets().get("disclaimer")
    tail = len(state.source) if disclaimer is None else disclaimer[0]
    # The walk mostly ends at its first line, far below the header: the exact end of
    # the header is worked out only for a line that may lie before it (``header_bounds``
    # inline: the layout, computed once per parse, read from the state's derived table).
    found = state.derived.get("releaseparse.layout")
    block = (found if isinstance(found, Layout) else layout(state)).block
    if block is None:
        floor = bound = 0
    else:
        last = state.lines[block.end - 1]
        floor, bound = last.start, last.stop
    vocabulary = state.vocabulary
    trailer_set = vocabulary.trailer_set
    known_kinds = vocabulary.line_kinds  # ``kind_memo(vocabulary)``, read without the call
    for line in reversed(state.lines):  # up from the end: past the tail, then to the header
        if line.stop > tail:
            continue
        if line.start < bound and (line.start < floor or line.start < header_end(state)):
            break  # in the header (its end asked for on its last line only)
        line_text = line.text
        # ``is_blank``'s own first test inline: a line opening with a visible character
        # (most) is not blank; any other is asked of ``is_blank`` itself.
        opening = line_text[:1]
        if (not opening or opening.isspace() or opening in INVISIBLE) and is_blank(line_text):
            continue
        span = line.span
        if state.is_claimed(span):
            break
        text = collapse(line_text)
        if trailer_set.fullmatches(text):
            state.claim(span, "trailer")
            continue
        # ``vocabulary.is_chrome(text)``, told by the line's kind where it was classified:
        # ``classify`` reads a line that is not blank (as here) as chrome exactly when
        # ``is_chrome`` holds, and the kind memo holds its answers by the line's text. A
        # short page's last lines are often among those the layout or the scan classified.
        known = known_kinds.get(line_text)
        if vocabulary.is_chrome(text) if known is None else known is KIND_CHROME:
            state.claim(span, "chrome")
        else:
            break
