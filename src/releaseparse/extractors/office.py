"""The issuing office line (``Office of the Spokesperson``, ``Bureau of Counterterrorism``)."""

from __future__ import annotations

from releaseparse.extractors._common import header_lines, set_text
from releaseparse.extractors._kinds import Kind, office_start
from releaseparse.records import Span
from releaseparse.state import ParseState


def office(state: ParseState) -> None:
    """Set ``office`` from the header block's first office line."""
    if state.has("office"):
        return
    for line, _kind in header_lines(state, Kind.OFFICE):
        start = office_start(state.vocabulary, line.text)
        if start is None:
            continue
        if start:
            state.claim(Span(line.start, line.start + start), "chrome")
        set_text(state, "office", Span(line.start + start, line.end), kind="office")
        return
