r"""White House Briefing Room records: YAML front matter, then a Markdown body.

Built only from the public API (names ``releaseparse`` exports and ``releaseparse.toolkit``;
a test checks its imports), as any user's own source profile would be:

- ``front_matter``: the block between ``---`` lines is a region of its own; ``title``
  and ``date`` come from it, the source address and section become extras
  (``source_url``, ``section``, ``published_time``);
- ``header``: venue and place lines at the top of the body (``Aboard Air Force One``,
  ``En Route Tallahassee, Florida``, ``*Bethesda, Maryland*``) and the time line
  (``11:20 A.M. EDT``);
- ``markers``: the ``\\###`` end marker and closing time lines (``END 11:52 A.M. EDT``);
- ``body``: paragraphs with Markdown hard line breaks joined and escapes undone, and
  transcript turns (``THE PRESIDENT:``, ``MS. JEAN-PIERRE:``, ``Q``).
"""

from __future__ import annotations

import datetime as dt

import regex

from releaseparse import ParseState, Profile, Severity, Span, Vocabulary
from releaseparse.toolkit import (
    TimeReading,
    checks,
    claim_markers,
    read_body,
    read_front_matter,
    read_time,
    set_text,
    set_time,
    trimmed,
)

VOCABULARY = Vocabulary(
    marker_patterns=(
        r"\\?#{3}",
        r"(?i)(?:END\s+)?\d{1,2}:\d{2}\s*[AP]\.?\s*M\.?\s*\p{Lu}{2,5}",
        r"-{3,}",
    ),
    bare_labels=("Q",),
    chrome_lines=(),
    disclaimers=(),
    trailer_patterns=(),
)

#: Front matter keys kept as extras, and the names they get.
EXTRAS = {"source_url": "source_url", "tags": "section", "published_time": "published_time"}
#: Header lines above the body are few and short.
MAX_HEADER_LINES = 3
MAX_HEADER_LINE = 90

# Markdown emphasis around a header line, and the hard line break (two trailing spaces).
_EMPHASIS = regex.compile(r"^[\s*_]*(?P<text>.*?)[\s*_]*$")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_PLACE = regex.compile(
    r"(?:En Route(?: to)?\s+)?\p{Lu}[\p{L}.'’\- ]*,\s*\p{Lu}[\p{L}.'’\- ]*|En Route\s+\p{Lu}.*"
)
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")


def unescape(text: str) -> str:
    r"""Undo Markdown backslash escapes (``\\[moderator\\]`` -> ``[moderator]``)."""
    return _ESCAPE.sub(r"\1", text)


def front_matter(state: ParseState) -> None:
    """Claim the YAML front matter; set ``title``, ``date`` and the extras it names."""
    found = read_front_matter(state.source)
    if found is None:
        return
    state.claim(Span(*found.span), "front_matter")
    for message, offset in found.problems:
        state.defect("front_matter.unreadable", message, Span(offset, offset))
    values, spans = found.values, found.spans
    if values.get("title", "").strip():
        state.set("title", " ".join(values["title"].split()), Span(*spans["title"]))
    for key in ("date", "published_time"):
        match = _ISO_DATE.match(values.get(key, ""))
        if match is None:
            continue
        try:
            value = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            state.defect(
                "date.invalid", f"{key} is not a calendar day", Span(*spans[key]), Severity.ERROR
            )
            break
        state.set("date", value, Span(*spans[key]))
        break
    for key, name in EXTRAS.items():
        if values.get(key):
            state.set(name, values[key], Span(*spans[key]))


def _groups(state: ParseState, start: int) -> list[list[int]]:
    """Runs of non-blank, unclaimed line indices after ``start`` (the first three runs)."""
    groups: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(state.lines):
        if line.start < start or state.is_claimed(line.span):
            continue
        if not line.text.strip():
            if current:
                groups.append(current)
                current = []
                if len(groups) == 3:
                    break
            continue
        current.append(index)
    if current:
        groups.append(current)
    return groups


def _inner(state: ParseState, index: int) -> Span:
    """The span of a header line without Markdown emphasis or hard-break spaces."""
    line = state.lines[index]
    match = _EMPHASIS.match(line.text)
    if match is None:
        return trimmed(state.source, line.start, line.end)
    return trimmed(state.source, line.start + match.start("text"), line.start + match.end("text"))


def header(state: ParseState) -> None:
    """Read the venue, place and time lines that open a briefing or remarks."""
    groups = _groups(state, 0)
    if not groups:
        return
    first = groups[0]
    if len(first) == 1 and _set_time(state, first[0]):
        return
    texts = [_inner(state, index).slice(state.source) for index in first]
    if (
        len(first) > MAX_HEADER_LINES
        or any(len(text) > MAX_HEADER_LINE or text.endswith((".", ":", "?", "!")) for text in texts)
        or any(text.startswith(("#", "-", "|", ">")) or not text for text in texts)
    ):
        return
    timed = len(groups) > 1 and len(groups[1]) == 1 and _time_of(state, groups[1][0]) is not None
    place_last = _PLACE.fullmatch(texts[-1]) is not None
    if not (timed or place_last):
        return
    venue_lines = first[:-1] if place_last else first
    if place_last:
        set_text(state, "place", _inner(state, first[-1]), kind="place")
    if venue_lines:
        span = Span(_inner(state, venue_lines[0]).start, _inner(state, venue_lines[-1]).end)
        state.claim(span, "venue")
        state.set("venue", " ".join(" ".join(texts[: len(venue_lines)]).split()), span)
    if timed:
        _set_time(state, groups[1][0])
    for index in first:
        _claim_markup(state, index)


def _time_of(state: ParseState, index: int) -> tuple[Span, TimeReading] | None:
    """Line ``index`` read as a time line (``11:20 A.M. EDT``), with its span."""
    span = _inner(state, index)
    reading = read_time(span.slice(state.source))
    return None if reading is None else (span, reading)


def _set_time(state: ParseState, index: int) -> bool:
    """Set the time from line ``index`` if it is a time line; whether it is one."""
    found = _time_of(state, index)
    if found is None:
        return False
    span, reading = found
    state.claim(span, "time")
    set_time(state, reading.value, reading.zone, span)
    return True


def _claim_markup(state: ParseState, index: int) -> None:
    """Claim the Markdown emphasis around a header line (``*Bethesda, Maryland*``)."""
    line, inner = state.lines[index], _inner(state, index)
    for start, end in ((line.start, inner.start), (inner.end, line.end)):
        if state.source[start:end].strip() and not state.is_claimed(Span(start, end)):
            state.claim(Span(start, end), "markup")


def _header_end(state: ParseState) -> int:
    ends = [end for _start, end, kind in state.claims() if kind != "marker"]
    return max(ends, default=0)


def markers(state: ParseState) -> None:
    r"""The ``\\###`` end marker and ``END`` time lines are marker regions."""
    claim_markers(state, _header_end(state))


def body(state: ParseState) -> None:
    """The paragraphs and turns, Markdown escapes undone."""
    read_body(state, _header_end(state), rewrite=unescape)


PROFILE = Profile(
    name="whitehouse",
    vocabulary=VOCABULARY,
    extractors=(
        ("front_matter", front_matter),
        ("header", header),
        ("markers", markers),
        ("body", body),
        ("checks", checks),
    ),
    description="White House Briefing Room records (YAML front matter, Markdown body)",
)
