"""Lines around the header block that are no field: republisher headlines, wire summaries."""

from __future__ import annotations

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import trimmed
from releaseparse.extractors._kinds import Kind
from releaseparse.state import ParseState
from releaseparse.text import is_blank


def preamble(state: ParseState) -> None:
    """Claim what is left above the block as ``preamble`` and within it as ``header``."""
    found = layout(state)
    block = found.block
    if block is None:
        return
    first = block.start if block.title is None else min(block.start, block.title[0])
    for index, line in enumerate(state.lines[: block.end]):
        if is_blank(line.text) or found.kind(index) == Kind.FLAT:
            continue
        span = trimmed(state.source, line.start, line.end)
        pieces = _unclaimed_pieces(state, span.start, span.end)
        for piece_start, piece_end in pieces:
            piece = trimmed(state.source, piece_start, piece_end)
            if piece:
                state.claim(piece, "preamble" if index < first else "header")


def _unclaimed_pieces(state: ParseState, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of ``[start, end)`` no region holds yet."""
    pieces = []
    position = start
    for claim_start, claim_end, _kind in state.claims():
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
