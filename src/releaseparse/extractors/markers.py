"""Marker lines (``(begin transcript)``, ``# # #``) and photo captions: regions of their own."""

from __future__ import annotations

from functools import lru_cache

from releaseparse.extractors._common import header_end, trimmed
from releaseparse.patternset import GatedPatternSet, PatternSet
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE

#: Markers are short lines.
MAX_MARKER_LENGTH = 40
#: Every caption pattern holds "Photo"/"photo": a long line without it is neither.
CAPTION_HINT = "hoto"


def markers(state: ParseState) -> None:
    """Claim every unclaimed marker line after the header, and photo captions as ``caption``."""
    claim_markers(state, header_end(state))


@lru_cache(maxsize=16)
def _takes_blank(marker_set: PatternSet) -> bool:
    """Whether a marker pattern takes the empty text, which every blank line folds to."""
    return marker_set.fullmatches("")


def _gated(marker_set: PatternSet) -> GatedPatternSet:
    """The marker patterns gated by a line's opening (the same answers as ``marker_set``).

    The vocabulary's own set is gated already; any other is gated once (``_gated_anew``).
    """
    if isinstance(marker_set, GatedPatternSet):
        return marker_set
    return _gated_anew(marker_set)


@lru_cache(maxsize=16)
def _gated_anew(marker_set: PatternSet) -> GatedPatternSet:
    """``marker_set``'s patterns as a ``GatedPatternSet``, made once per set."""
    return GatedPatternSet(marker_set.patterns)


def may_be_marker(gated: GatedPatternSet, text: str) -> bool:
    """``False`` only where ``text`` is no marker line, told by its first character alone.

    A first character that is no space nor invisible opens the folded line too; if no
    marker pattern can open so (``gated.gate``), and none is tried ungated, the line is
    no marker, and it is neither folded nor matched: most short lines are turns
    (``MS. PSAKI: Sure.``) or headings.
    """
    head = text[:1]
    if not head or head.isspace() or head in INVISIBLE or gated.screened:
        return True
    return bool(gated.gate(head))


def claim_markers(state: ParseState, start: int) -> None:
    """Claim unclaimed marker lines (``# # #``) and photo captions from offset ``start`` on."""
    vocabulary = state.vocabulary
    marker_set = vocabulary.marker_set
    # A blank line folds to "": a marker only if a pattern takes the empty text (none of
    # ours does), and never a caption. So blank lines, half of most pages, are skipped.
    skip_blank = not _takes_blank(marker_set)
    gated = _gated(marker_set)
    lines = [
        line
        for line in state.lines
        if line.start >= start
        and (len(line.text) <= MAX_MARKER_LENGTH or CAPTION_HINT in line.text)
    ]
    # Claims are in offset order, as the lines are: walked along with them, not looked up
    # for each line. A region claimed here lies on its own line, before those to come.
    claims = state.claims()
    ahead = 0
    for line in lines:
        text = line.text
        if skip_blank and not text.strip():
            continue
        while ahead < len(claims) and claims[ahead][1] <= line.start:
            ahead += 1
        if ahead < len(claims) and claims[ahead][0] < line.end:
            continue  # some character of the line is claimed
        short = len(text) <= MAX_MARKER_LENGTH
        if short and may_be_marker(gated, text) and vocabulary.is_marker(text):
            state.claim(trimmed(state.source, line.start, line.end), "marker")
        elif CAPTION_HINT in text and vocabulary.is_caption(text):
            state.claim(trimmed(state.source, line.start, line.end), "caption")
