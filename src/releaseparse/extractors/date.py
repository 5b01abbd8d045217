"""The dateline of the header block (``November 16, 2017``, ``02/03/2025 11:02 PM EST``)."""

from __future__ import annotations

from releaseparse.dates import find_date, read_dateline
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import block_lines, set_time, trimmed
from releaseparse.extractors._kinds import KIND_DATE, KIND_PARTIAL_DATE, Kind
from releaseparse.extractors._repeat import repeats_title
from releaseparse.lines import Line
from releaseparse.records import Severity, Span
from releaseparse.state import ParseState

#: Lines below which no date is the dateline of a release without header lines.
_ENDS_DATES_ABOVE = frozenset({Kind.PROSE, Kind.LABEL, Kind.ISSUER, Kind.OFFICE, Kind.NOTE_TYPE})


def _dateline(state: ParseState) -> Line | None:
    """The header block's dateline: its anchor, else the date line nearest the anchor.

    Dates above the block (blog dates, scrape dates, feed timestamps) are never taken.
    Without header lines, the last date line above the first paragraph.
    """
    found = layout(state)
    block = found.block
    if block is not None and found.kind(block.anchor) == KIND_DATE:
        return state.lines[block.anchor]
    if block is not None:
        dated = block_lines(state, KIND_DATE)
        if dated:
            return state.lines[min(dated, key=lambda i: abs(i - block.anchor))]
    if block is not None and (block.title is None or block.anchor != block.title[0]):
        return None
    last = None
    for index, kind in found.kinds_in_order():
        if kind in _ENDS_DATES_ABOVE:
            break
        if kind == KIND_DATE:
            last = state.lines[index]
    return last


def date(state: ParseState) -> None:
    """Set ``date`` (and ``time``, ``time_zone``) from the dateline; a non-date is an error.

    Nothing is guessed: a header date without a year is a ``date.no_year`` defect.
    """
    if state.has("date"):
        return
    line = _dateline(state)
    if line is None or state.is_claimed(line.span):
        if not _from_title(state):
            _no_year(state)
        return
    reading = read_dateline(line.text)
    if reading is None:
        return
    span = trimmed(state.source, line.start, line.end)
    state.claim(span, "date")
    state.set("date", reading.value, span)
    if reading.time is not None:
        set_time(state, reading.time, reading.zone, span)
    if reading.problem is not None:
        state.defect("date.invalid", reading.problem, span, Severity.ERROR)


def _from_title(state: ParseState) -> bool:
    """No dateline: a full date in the title (``Department Press Briefing – June 21, 2022``).

    A title printed again with the date after it (``Title, May 18, 2020``) gives it too.
    """
    block = layout(state).block
    if block is None or block.title is None:
        return False
    first, last = state.lines[block.title[0]], state.lines[block.title[1] - 1]
    title = state.source[first.start : last.end]
    found = find_date(title)
    if (found is None or found[2].value is None) and block.repeat is not None:
        first = state.lines[block.repeat]
        found = find_date(first.text) if repeats_title(title, first.text) else None
    if found is None or found[2].value is None:
        return False
    span = Span(first.start + found[0], first.start + found[1])
    state.set("date", found[2].value, span)
    state.defect(
        "date.from_title",
        "the header has no dateline; the date was read from the title",
        span,
        Severity.INFO,
    )
    return True


def _no_year(state: ParseState) -> None:
    """The block's first date without a year is a ``date.no_year`` defect."""
    partial = block_lines(state, KIND_PARTIAL_DATE)
    if not partial:
        return
    line = state.lines[partial[0]]
    span = trimmed(state.source, line.start, line.end)
    state.claim(span, "header")
    state.defect(
        "date.no_year",
        f"the header's date {span.slice(state.source)!r} has no year; none is guessed",
        span,
        Severity.ERROR,
    )
