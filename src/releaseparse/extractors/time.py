"""The time line (``2:46 p.m. EST``) in the header or before the transcript opens."""

from __future__ import annotations

from releaseparse.dates import read_time
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import set_time, trimmed
from releaseparse.extractors._kinds import Kind, label_of
from releaseparse.state import ParseState
from releaseparse.text import collapse


def time(state: ParseState) -> None:
    """Set ``time`` and ``time_zone`` from the first time line above the first turn."""
    if state.has("time"):
        return
    found = layout(state)
    block = found.block
    start = 0 if block is None else block.start
    lines, vocabulary = state.lines, state.vocabulary
    for index in range(start, found.size):
        line = lines[index]
        # A line reads as a time or a label only if these say so: the lines between
        # (most of a statement) need no classifying.
        reading = read_time(line.text)
        if reading is None and label_of(vocabulary, collapse(line.text)) is None:
            continue
        kind = found.kind(index)
        if kind == Kind.LABEL:
            return
        if kind != Kind.TIME or reading is None or state.is_claimed(line.span):
            continue
        span = trimmed(state.source, line.start, line.end)
        state.claim(span, "time")
        set_time(state, reading.value, reading.zone, span)
        return
