"""The note type line (``Media Note``, ``PRESS STATEMENT``), given its canonical spelling."""

from __future__ import annotations

from releaseparse.extractors._common import trimmed, unclaimed_header_lines
from releaseparse.state import ParseState


def note_type(state: ParseState) -> None:
    """Set ``note_type`` from the first header-block line the vocabulary knows as one."""
    for line in unclaimed_header_lines(state):
        canonical = state.vocabulary.note_type(line.text)
        if canonical is not None:
            state.claim(line.span, "note_type")
            state.set("note_type", canonical, trimmed(state.source, line.start, line.end))
            return
