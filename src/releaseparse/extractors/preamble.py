"""Lines around the header block that are no field: republisher headlines, wire summaries."""

from __future__ import annotations

from collections.abc import Sequence

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import trimmed_offsets
from releaseparse.extractors._kinds import KIND_BLANK, KIND_FLAT
from releaseparse.records import unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import is_blank

#: A claim as ``ParseState.claims`` gives it: ``(start, end, kind)``.
Claim = tuple[int, int, str]


def preamble(state: ParseState) -> None:
    """Claim what is left above the block as ``preamble`` and within it as ``header``."""
    found = layout(state)
    block = found.block
    if block is None:
        return
    first = block.start if block.title is None else min(block.start, block.title[0])
    source = state.source
    # The claims as they stand, read once: what this loop claims lies inside the line
    # being read, and so ends before any later line starts. Read from there, the runs
    # left of every later line are the ones ``state.claims()`` asked anew would give.
    claims = state.claims()
    count = len(claims)
    at = 0  # the first claim not ending before the line read (claims ends are in order)
    # The block's lines and those above it lie among the lines classified (``found.size``):
    # ``found.kind`` of one is ``kinds[index]``.
    kinds = found.kinds
    for index, line in enumerate(state.lines[: block.end]):
        start, end = line.start, line.end
        while at < count and claims[at][1] <= start:
            at += 1
        if at < count and claims[at][0] <= start and claims[at][1] >= end:
            continue  # one region holds the whole line (most lines): no run is left of it
        # A line classified already is blank exactly when its kind is (``classify`` tells
        # a blank line by ``is_blank``): its kind answers both tests without a call. A
        # blank line not classified yet is passed over unclassified, as before.
        if index in kinds:
            line_kind = kinds[index]
        elif is_blank(line.text):
            continue
        else:
            line_kind = kinds[index]
        if line_kind is KIND_BLANK or line_kind is KIND_FLAT:
            continue
        start, end = trimmed_offsets(source, start, end)
        for piece_start, piece_end in _unclaimed_pieces(claims, at, start, end):
            piece_start, piece_end = trimmed_offsets(source, piece_start, piece_end)
            if piece_start < piece_end:
                kind = "preamble" if index < first else "header"
                state.claim(unchecked_span(piece_start, piece_end), kind)


def _unclaimed_pieces(
    claims: Sequence[Claim], first: int, start: int, end: int
) -> list[tuple[int, int]]:
    """The runs of ``[start, end)`` no region of ``claims`` holds.

    ``claims`` are in source order and do not overlap; those before ``first`` end at or
    before ``start``.
    """
    pieces = []
    position = start
    for claim_start, claim_end, _kind in claims[first:]:
        if claim_end <= position:
            continue
        if claim_start >= end:
            break
        if claim_start > position:
            pieces.append((position, claim_start))
        position = max(position, claim_end)
    if position < end:
        pieces.append((position, end))
    return pieces
