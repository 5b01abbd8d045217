"""The note type (``Media Note``, ``PRESS STATEMENT``, or read off a ``Briefing – date`` title)."""

from __future__ import annotations

import regex

from releaseparse.dates import find_date
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import header_lines, trimmed
from releaseparse.extractors._kinds import KIND_NOTE_TYPE, note_type_of
from releaseparse.records import Span
from releaseparse.state import ParseState

# ``<note type> – `` before the date in a title.
_ENDS_WITH_SEPARATOR = regex.compile(r"(?s)\s*(?P<head>.*?\S)\s*(?:[-–—:,]|\bfor\b)\s*")


def note_type(state: ParseState) -> None:
    """Set ``note_type`` from the block's note-type line, else from a ``Type – Date`` title."""
    if state.has("note_type"):
        return
    for line, _kind in header_lines(state, KIND_NOTE_TYPE):
        canonical = note_type_of(state.vocabulary, line.text)
        if canonical is not None:
            span = trimmed(state.source, line.start, line.end)
            state.claim(span, "note_type")
            state.set("note_type", canonical, span)
            return
    _from_title(state)


def _self_titled(state: ParseState) -> bool:
    """The title line is a note type that doubles as the title (``Daily Press Briefing``)."""
    block = layout(state).block
    if block is None or block.title is None or block.title[1] - block.title[0] != 1:
        return False
    line = state.lines[block.title[0]]
    canonical = note_type_of(state.vocabulary, line.text)
    if canonical is None:
        return False
    state.set("note_type", canonical, trimmed(state.source, line.start, line.end))
    return True


def _from_title(state: ParseState) -> None:
    """``Department Press Briefing – November 8, 2021``: the title names its note type."""
    if _self_titled(state):
        return
    block = layout(state).block
    if block is None or block.title is None:
        return
    first = state.lines[block.title[0]]
    text = first.text
    found = find_date(text)
    if found is None:
        return
    match = _ENDS_WITH_SEPARATOR.fullmatch(text, 0, found[0])
    if match is None:
        return
    candidate = match["head"]
    # A category before the note type (``Department Press Briefings : ...``).
    for piece_start in (0, *(m.end() for m in regex.finditer(r":\s*", candidate))):
        canonical = state.vocabulary.note_type(candidate[piece_start:])
        if canonical is not None:
            span = trimmed(state.source, first.start + piece_start, first.start + match.end("head"))
            state.set("note_type", canonical, Span(span.start, span.end))
            return
