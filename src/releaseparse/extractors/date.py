"""The dateline that closes the header block (``November 16, 2017``)."""

from __future__ import annotations

from releaseparse.dates import read_dateline
from releaseparse.extractors._common import trimmed, unclaimed_header_lines
from releaseparse.records import Severity
from releaseparse.state import ParseState


def date(state: ParseState) -> None:
    """Set ``date`` from the header block's dateline; a non-calendar date is an error."""
    lines = unclaimed_header_lines(state)
    if not lines:
        return
    line = lines[-1]
    reading = read_dateline(line.text)
    if reading is None:
        return
    span = trimmed(state.source, line.start, line.end)
    state.claim(line.span, "date")
    state.set("date", reading.value, span)
    if reading.problem is not None:
        state.defect("date.invalid", reading.problem, span, Severity.ERROR)
