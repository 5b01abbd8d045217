"""The venue: a short plain line among or after the issuer and place lines (``Treaty Room``)."""

from __future__ import annotations

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import block_lines, set_text_at
from releaseparse.extractors._kinds import KIND_NAME
from releaseparse.state import ParseState


def venue(state: ParseState) -> None:
    """Set ``venue`` from the header block's plain line next to the place (or the only one)."""
    block = layout(state).block
    if block is None or state.has("venue"):
        return
    names = list(block_lines(state, KIND_NAME))
    if not names and not block.inside:
        return  # no line to read (most releases): the spans below are not needed
    if names:
        issuers = [s.start for s in (state.span_of("speakers"), state.span_of("office")) if s]
        after = min(issuers, default=0)
        names = [i for i in names if state.lines[i].start > after]
    candidates = [state.lines[index] for index in sorted({*block.inside, *names})]
    candidates = [line for line in candidates if not state.is_claimed(line.span)]
    if not candidates:
        return
    place = state.span_of("place")
    if place is not None and len(candidates) > 1:
        # The one nearest the place line.
        candidates.sort(key=lambda line: abs(line.start - place.start))
    line = candidates[0]
    set_text_at(state, "venue", line.start, line.end, kind="venue")
