"""Closing checks: defects for the fields a release must have and did not give."""

from __future__ import annotations

from releaseparse.extractors._common import header_end
from releaseparse.records import Severity, Span
from releaseparse.state import ParseState
from releaseparse.text import is_blank


def _first_text(source: str) -> int:
    """Offset of the first character that is not whitespace (0 for a blank source)."""
    stripped = len(source) - len(source.lstrip())
    return stripped if stripped < len(source) else 0


def checks(state: ParseState) -> None:
    """Record ``title.missing``, ``date.missing`` and ``body.missing`` where they apply."""
    source = state.source
    if is_blank(source):
        state.defect("source.blank", "the input holds no text", Span(0, len(source)))
    here = Span(_first_text(source), _first_text(source))
    end = header_end(state)
    if not state.has("title"):
        state.defect("title.missing", "no title was found", here, Severity.ERROR)
    if not state.has("date") and "date.no_year" not in {d.code for d in state.defects}:
        state.defect(
            "date.missing",
            "no dateline was found in the header; no date is filled in",
            Span(end, end),
            Severity.ERROR,
        )
    if not state.has("body"):
        state.defect("body.missing", "no body text was found after the header", Span(end, end))
