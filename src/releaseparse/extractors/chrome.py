"""Site chrome before the body (``printable banner``, ``.gov`` banners, breadcrumbs): set aside."""

from __future__ import annotations

from releaseparse.extractors._block import layout
from releaseparse.extractors._kinds import Kind
from releaseparse.state import ParseState


def chrome(state: ParseState) -> None:
    """Claim every line above the body that reads as site chrome."""
    found = layout(state)
    block = found.block
    for index in range(found.size):
        kind = found.kind(index)
        if kind in (Kind.PROSE, Kind.LABEL) and (block is None or index >= block.start):
            break
        if kind == Kind.CHROME:
            state.claim(state.lines[index].span, "chrome")
