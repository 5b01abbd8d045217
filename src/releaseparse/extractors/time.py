"""The time line (``2:46 p.m. EST``) in the header or before the transcript opens."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice

from releaseparse.dates import read_leading_time, read_time
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import set_time, trimmed
from releaseparse.extractors._kinds import KIND_BLANK, KIND_LABEL, KIND_TIME, Kind, label_of
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank

#: Openings of a line ``read_time`` reads as no time without folding it (its first test):
#: ASCII other than ``(``, a digit or whitespace, and the empty line.
NO_TIME_OPENINGS = frozenset(
    head
    for head in ["", *map(chr, range(128))]
    if head != "(" and not head.isdigit() and not head.isspace()
)


def time(state: ParseState) -> None:
    """Set ``time`` and ``time_zone`` from the first time line above the first turn."""
    if state.has("time"):
        return
    found = layout(state)
    block = found.block
    start = 0 if block is None else block.start
    lines, vocabulary, known = state.lines, state.vocabulary, found.kinds
    for index, line in enumerate(islice(lines, start, found.size), start):
        # Looked up without ``known.get``'s call (a test and a subscript, both in C; a
        # line not classified yet is not in ``known``, so its ``__missing__`` is not run).
        kind = known[index] if index in known else None  # noqa: SIM401 - no call
        if kind is None:
            # A line reads as a time or a label only if these say so: the lines between
            # (most of a statement) need no classifying.
            text = line.text
            # ``read_time`` asked only of a line it may read (most lines open otherwise).
            # An indented line (a White House page's lists and quotes) is judged by its
            # first character past the indent, without folding it: folding drops the
            # indent and keeps that character when it is ASCII (no ASCII character but
            # whitespace is invisible), so the folded line opens with it, and one of
            # ``NO_TIME_OPENINGS`` there rules a time out as at the line's start (on a
            # blank line too: its remainder is empty).
            opening = text[:1]
            if opening in NO_TIME_OPENINGS or (
                opening.isspace() and text.lstrip()[:1] in NO_TIME_OPENINGS
            ):
                reading = None
            else:
                reading = read_time(text)
            # A folded line is a label only with a colon (no run of spaces is left for a
            # bare one).
            if reading is None and (
                ":" not in text or label_of(vocabulary, collapse(text)) is None
            ):
                continue
            kind = found.kind(index)
        elif kind is KIND_TIME:
            # A line classified already (the header's): its kind says all but the reading.
            reading = read_time(line.text)
        elif kind is not KIND_LABEL:
            continue
        if kind is KIND_LABEL:
            break
        if kind is not KIND_TIME or reading is None or state.is_claimed(line.span):
            continue
        span = trimmed(state.source, line.start, line.end)
        state.claim(span, "time")
        set_time(state, reading.value, reading.zone, span)
        return
    if block is not None:
        _glued_to_the_body(state, block.end, known)


def _glued_to_the_body(state: ParseState, end: int, known: Mapping[int, Kind]) -> None:
    """A time opening the body's first line (``1:41 p.m. EDT MS. HARF: Hi, everybody.``).

    ``known`` holds the kinds of lines classified already, by index (``Layout.kinds``).
    """
    lines = state.lines
    for index in range(end, len(lines)):
        line = lines[index]
        # A line classified already (most lines below the block) is blank exactly when its
        # kind is (``classify`` tells a blank line by ``is_blank``): no call. Any other
        # is asked as before, and left unclassified.
        if (known[index] is not KIND_BLANK) if index in known else not is_blank(line.text):
            break
    else:
        return
    lead = len(line.text) - len(line.text.lstrip())
    opening = line.text[lead : lead + 1]
    if opening.isascii() and opening != "(" and not opening.isdigit():
        # No leading time opens so: the pattern's first character is ``(``, ``\s`` (what
        # ``lstrip`` left none of) or ``\d``, which in ASCII is 0-9 alone (most lines).
        return
    if state.is_claimed(line.span):
        return
    found = read_leading_time(line.text[lead:])
    if found is None:
        return
    length, reading = found
    span = trimmed(state.source, line.start + lead, line.start + lead + length)
    state.claim(span, "time")
    set_time(state, reading.value, reading.zone, span)
