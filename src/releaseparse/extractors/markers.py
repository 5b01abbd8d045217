"""Marker lines (``(begin transcript)``, ``# # #``) and photo captions: regions of their own."""

from __future__ import annotations

import bisect
from functools import lru_cache
from operator import attrgetter

from releaseparse.extractors._common import header_end, trimmed
from releaseparse.patternset import GATES, GatedPatternSet, PatternSet
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE

#: Markers are short lines.
MAX_MARKER_LENGTH = 40
#: Every caption pattern holds "Photo"/"photo": a long line without it is neither.
CAPTION_HINT = "hoto"
_HINT_SIZE = len(CAPTION_HINT)
_HINT_SIZE = len(CAPTION_HINT)
#: The offset a line starts at: the key its lines are searched by.
_START = attrgetter("start")


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


@lru_cache(maxsize=16)
def _head_verdicts(gated: GatedPatternSet) -> dict[str, bool | None]:
    """A memo of ``_head_verdict``'s answers for ``gated``, by a line's first character."""
    return {}


def _head_verdict(gated: GatedPatternSet, head: str) -> bool | None:
    """``None`` for a line opening blank (empty or a space), else ``may_be_marker``'s answer."""
    if not head or head.isspace():
        return None
    return may_be_marker(gated, head)


def claim_markers(state: ParseState, start: int) -> None:
    """Claim unclaimed marker lines (``# # #``) and photo captions from offset ``start`` on."""
    vocabulary = state.vocabulary
    marker_set = vocabulary.marker_set
    # A blank line folds to "": a marker only if a pattern takes the empty text (none of
    # ours does), and never a caption. So blank lines, half of most pages, are skipped.
    skip_blank = not _takes_blank(marker_set)
    gated = _gated(marker_set)
    verdicts = _head_verdicts(gated)
    lines = state.lines
    # Lines start in increasing order: those from ``start`` on are a tail of them.
    first = bisect.bisect_left(lines, start, key=_START)
    # Claims are in offset order, as the lines are: walked along with them, not looked up
    # for each line. A region claimed here lies on its own line, before those to come.
    claims = state.claims()
    count = len(claims)
    ahead = 0
    source = state.source
    # Where the caption hint next occurs in the source, from the line walked on: a line
    # (``source[line_start:line_end]``) holds it exactly when it occurs in the line. One
    # scan of the source, not one of each line.
    hint = -1 if first >= len(lines) else source.find(CAPTION_HINT, lines[first].start)
    # Each line's length is ``end - start``; its first character alone rules most short
    # lines out as markers (``may_be_marker``, remembered by character in ``verdicts``).
    for line in lines[first:]:
        line_start = line.start
        line_end = line.end
        if 0 <= hint < line_start:
            hint = source.find(CAPTION_HINT, line_start)
        hinted = 0 <= hint <= line_end - _HINT_SIZE
        if line_end - line_start <= MAX_MARKER_LENGTH:
            text = line.text
            head = text[:1]
            if head in verdicts:
                maybe = verdicts[head]
            else:
                if len(verdicts) >= GATES:
                    verdicts.clear()
                maybe = verdicts[head] = _head_verdict(gated, head)
            if maybe is None:
                # Empty, or opening with a space: blank, or else a line ``may_be_marker``
                # lets through (a space opens no folded text). An empty one is not stripped.
                if skip_blank and not (text and text.strip()):
                    continue
                maybe = True
        else:
            maybe = False
        if not maybe and not hinted:
            continue  # neither a marker nor a caption: no claim to look at
        while ahead < count and claims[ahead][1] <= line_start:
            ahead += 1
        if ahead < count and claims[ahead][0] < line_end:
            continue  # some character of the line is claimed
        if maybe and vocabulary.is_marker(line.text):
            state.claim(trimmed(source, line_start, line_end), "marker")
        elif hinted and vocabulary.is_caption(line.text):
            state.claim(trimmed(source, line_start, line_end), "caption")
