"""Where the header may end, known without ``header_end``'s look at the claims."""

from __future__ import annotations

from releaseparse.extractors._block import layout
from releaseparse.state import ParseState


def header_bounds(state: ParseState) -> tuple[int, int]:
    """Offsets ``header_end(state)`` lies between: its block's last line's start and stop.

    The header ends past the block's last line, or inside it for a flattened header
    (``header_end``), and at 0 without a block. An extractor that only compares
    offsets far from the header with its end needs no more, and asks ``header_end``
    only for an offset between the two.
    """
    block = layout(state).block
    if block is None:
        return 0, 0
    last = state.lines[block.end - 1]
    return last.start, last.stop
