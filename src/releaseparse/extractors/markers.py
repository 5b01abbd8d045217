"""Marker lines (``(begin transcript)``, ``# # #``) and photo captions: regions of their own."""

from __future__ import annotations

import bisect
from functools import lru_cache
from operator import attrgetter

from releaseparse.extractors._common import header_end, trimmed
from releaseparse.patternset import GATES, GatedPatternSet, PatternSet, needles
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE

#: Markers are short lines.
MAX_MARKER_LENGTH = 40


#: The offset a line starts at: the key its lines are searched by.
_START = attrgetter("start")


@lru_cache(maxsize=16)
def caption_hints(caption_patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    """Strings one of which a line holds if it may be a caption; ``None``: any line may.

    Each caption pattern needs a run of characters (``required.required_run``) in the
    folded line it matches. The run's longest piece with no space is in the line as
    printed too, unless an invisible character (``INVISIBLE``, which folding drops) splits
    it: folding turns whitespace into spaces and drops only those. A line holding no
    piece and no invisible character is no caption. ``None`` when some pattern needs no
    known run.
    """
    runs = needles(caption_patterns)
    if runs is None:
        return None
    pieces = {max(run.split(" "), key=len) for run in runs}
    if "" in pieces:
        return None
    # A line holding a piece holds each piece inside it (``Photo``: ``hoto``): one scan.
    least = [piece for piece in pieces if not any(other in piece for other in pieces - {piece})]
    return (*sorted(least), *INVISIBLE)


@lru_cache(maxsize=16)
def ascii_hints(hints: tuple[str, ...]) -> tuple[str, ...]:
    """The hints an ASCII source may hold: those all in ASCII (no invisible character).

    A hint holding a character past ASCII never occurs in an ASCII source: looking for
    it finds nothing (``_next_hints`` would put it past the end), so it is not looked for.
    """
    return tuple(hint for hint in hints if hint.isascii())


def _next_hints(source: str, hints: tuple[str, ...], start: int) -> list[int]:
    """Where each hint next occurs in ``source`` from ``start`` on (past its end: none)."""
    never = len(source) + 1
    found = [source.find(hint, start) for hint in hints]
    return [never if at < 0 else at for at in found]


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
    # Where each caption hint (``caption_hints``) next occurs in the source, from the line
    # walked on: one scan of the source for each, not one of each line (most never occur).
    # A line holds a hint exactly when one occurs within it: no hint holds a line end.
    hints = caption_hints(vocabulary.caption_patterns)
    if hints is not None and source.isascii():  # (``isascii`` is a flag: no scan)
        hints = ascii_hints(hints)
    nexts = (
        []
        if hints is None or first >= len(lines)
        else _next_hints(source, hints, lines[first].start)
    )
    hint = min(nexts, default=len(source) + 1)
    # Each line's length is ``end - start``; its first character alone rules most short
    # lines out as markers (``may_be_marker``, remembered by character in ``verdicts``).
    for line in lines[first:]:
        line_start = line.start
        line_end = line.end
        if hint < line_start:
            nexts = _next_hints(source, hints, line_start)  # type: ignore[arg-type]  # some
            hint = min(nexts)
        hinted = hints is None or hint < line_end
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
