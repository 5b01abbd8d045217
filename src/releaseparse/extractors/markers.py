"""Marker lines (``(begin transcript)``, ``# # #``) and photo captions: regions of their own."""

from __future__ import annotations

from releaseparse.extractors._common import header_end, trimmed
from releaseparse.state import ParseState

#: Markers are short lines.
MAX_MARKER_LENGTH = 40


def markers(state: ParseState) -> None:
    """Claim every unclaimed marker line after the header, and photo captions as ``caption``."""
    claim_markers(state, header_end(state))


def claim_markers(state: ParseState, start: int) -> None:
    """Claim unclaimed marker lines (``# # #``) and photo captions from offset ``start`` on."""
    vocabulary = state.vocabulary
    # A blank line folds to "": a marker only if a pattern takes the empty text (none of
    # ours does), and never a caption. So blank lines, half of most pages, are skipped.
    skip_blank = not vocabulary.is_marker("")
    for line in state.lines:
        text = line.text
        short = len(text) <= MAX_MARKER_LENGTH
        # Every caption pattern holds "Photo"/"photo": a long line without it is neither.
        if not short and "hoto" not in text:
            continue
        if line.start < start or (skip_blank and not text.strip()):
            continue
        if state.is_claimed(line.span):
            continue
        if short and vocabulary.is_marker(text):
            state.claim(trimmed(state.source, line.start, line.end), "marker")
        elif "hoto" in text and vocabulary.is_caption(text):
            state.claim(trimmed(state.source, line.start, line.end), "caption")
