"""A wire dateline opening the body (``Washington, DC (STL.News) ...``, ``القاهرة – ...``)."""

from __future__ import annotations

import bisect
from itertools import islice
from operator import attrgetter

import regex

from releaseparse.dates import find_date
from releaseparse.extractors._common import header_end, set_text, trimmed
from releaseparse.extractors._kinds import is_place
from releaseparse.lines import Line
from releaseparse.records import Severity, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import is_blank

# ``Place (Outlet)`` or ``Place–(Outlet)–Date.`` at the start of the first paragraph.
_OUTLET = regex.compile(
    r"(?P<place>[^()\n–—]{2,40}?)\s*[–—-]*\s*\((?P<outlet>[^()\n]{2,40})\)\s*(?:[–—-]+\s*(?P<date>[^.\n()]{4,30}?\d{4})\.?(?=\s|$))?"
)
# ``WASHINGTON: text``, ``GENEVA, Switzerland — text``: a known place in capitals.
_CAPITALS = regex.compile(
    r"(?P<place>\p{Lu}[\p{Lu}.'’\-]+(?: \p{Lu}[\p{Lu}.'’\-]+){0,2}(?:,\s*\p{Lu}[\p{L}.]{1,20})?)"
    r"\s*(?::|[–—]|--)\s+(?=\S)"
)
# ``Place – text``: one to three words without digits, then a spaced dash.
_DASHED = regex.compile(r"(?P<place>[^\s\d–—,.]+(?: [^\s\d–—,.]+){0,2})\s+[–—]\s+")


def _capitalised(word: str) -> bool:
    """Capitalised, or written in a script without case (Arabic, Chinese)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _capitals(state: ParseState, start: int, end: int) -> regex.Match[str] | None:
    """``WASHINGTON:``: a place in capitals the vocabulary knows (else it is a speaker label)."""
    match = _CAPITALS.match(state.source, start, end)
    if match is None:
        return None
    city = match["place"].split(",")[0].strip()
    return match if state.vocabulary.is_known_place(city.title()) else None


_STOP = attrgetter("stop")


def _first_body_line(state: ParseState, start: int) -> Line | None:
    """The first line with text from offset ``start`` on, none of it claimed.

    The search starts at the line holding ``start`` (found by bisection), not at the top.
    An empty rest of a line (``offset == line.end``) is blank, as ``is_blank("")`` says:
    the empty lines between paragraphs are passed without asking it.
    """
    lines = state.lines
    for line in islice(lines, bisect.bisect_right(lines, start, key=_STOP), None):
        offset = max(start, line.start)
        if (
            offset < line.end
            and not is_blank(line.text[offset - line.start :])
            and not state.is_claimed(unchecked_span(offset, line.end))
        ):
            return line
    return None


def _dateline(state: ParseState, start: int, end: int) -> regex.Match[str] | None:
    """The first of ``_OUTLET``, ``_capitals`` and ``_DASHED`` to match the source there.

    Every match of ``_OUTLET`` holds a ``(``, and every match of ``_DASHED`` a ``–`` or
    ``—``: on a line holding none (``str.find``, within the line, in C), the pattern
    could not match and is not tried. Most first lines of a body hold neither.
    """
    source = state.source
    if source.find("(", start, end) >= 0:
        match = _OUTLET.match(source, start, end)
        if match is not None:
            return match
    match = _capitals(state, start, end)
    if match is None and (source.find("–", start, end) >= 0 or source.find("—", start, end) >= 0):
        return _DASHED.match(source, start, end)
    return match


def wire(state: ParseState) -> None:
    """Read a wire dateline at the start of the body: place (and date when none was found)."""
    if state.has("place"):
        return
    start = header_end(state)
    line = _first_body_line(state, start)
    if line is None:
        return
    match = _dateline(state, max(start, line.start), line.end)
    if match is None:
        return
    place = match["place"].strip()
    if match.re is _OUTLET and not is_place(state.vocabulary, place):
        return
    if match.re is _DASHED and not all(_capitalised(word) for word in place.split()):
        return
    span = trimmed(state.source, match.start(), match.end())
    state.claim(span, "dateline")
    set_text(state, "place", trimmed(state.source, *match.span("place")))
    date_text = match.groupdict().get("date")
    if date_text and not state.has("date"):
        found = find_date(date_text)
        if found is not None:
            date_span = trimmed(state.source, *match.span("date"))
            state.set("date", found[2].value, date_span)
            if found[2].problem is not None:
                state.defect("date.invalid", found[2].problem, date_span, Severity.ERROR)
