"""Trailer lines after the body (``PRN: 2016/0231``, ``# # #``), kept out of it."""

from __future__ import annotations

from releaseparse.extractors._common import header_end
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank


def trailers(state: ParseState) -> None:
    """Claim the trailer lines found walking up from the disclaimer (or the end)."""
    disclaimer = state.span_of("disclaimer")
    tail = len(state.source) if disclaimer is None else disclaimer.start
    start = header_end(state)
    lines = [line for line in state.lines if start <= line.start and line.stop <= tail]
    trailer_set = state.vocabulary.trailer_set
    for line in reversed(lines):
        if is_blank(line.text):
            continue
        if state.is_claimed(line.span):
            break
        text = collapse(line.text)
        if not trailer_set.fullmatches(text):
            break
        state.claim(line.span, "trailer")
