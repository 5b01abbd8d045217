"""Speakers as a name line then a role line (`Rex W. Tillerson` / `Secretary of State`)."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import clean_value, trimmed, unclaimed_header_lines
from releaseparse.lines import Line
from releaseparse.records import Span, Speaker
from releaseparse.state import ParseState
from releaseparse.text import collapse

# Two to six capitalised words (initials, hyphens, apostrophes; particles such as
# "de" or "van" allowed between), no digits, no commas.
_NAME = regex.compile(
    r"\p{Lu}[\p{L}.'’\-]*(?:\s+(?:(?:de|da|del|der|van|von|bin|al|la|le)\s+)?\p{Lu}[\p{L}.'’\-]*){1,5}"
)
#: A role line is a title, not a sentence.
MAX_ROLE_WORDS = 16


def _is_name(text: str) -> bool:
    return _NAME.fullmatch(collapse(text)) is not None


def _is_role(state: ParseState, text: str) -> bool:
    line = collapse(text)
    if not line or len(line.split()) > MAX_ROLE_WORDS or line.endswith("."):
        return False
    return state.vocabulary.role_pattern.search(line) is not None


def _adjacent(first: Line, second: Line) -> bool:
    return second.number == first.number + 1


def speaker(state: ParseState) -> None:
    """Set ``speakers`` from each header-block name line directly followed by a role line."""
    lines = unclaimed_header_lines(state)
    found: list[tuple[Line, Line]] = []
    index = 0
    while index + 1 < len(lines):
        name, role = lines[index], lines[index + 1]
        if (
            _adjacent(name, role)
            and state.vocabulary.note_type(name.text) is None
            and _is_name(name.text)
            and _is_role(state, role.text)
        ):
            found.append((name, role))
            index += 2
        else:
            index += 1
    if not found:
        return
    speakers = []
    parts: dict[str, Span] = {}
    for number, (name, role) in enumerate(found):
        name_span = trimmed(state.source, name.start, name.end)
        role_span = trimmed(state.source, role.start, role.end)
        state.claim(Span(name.start, role.end), "speaker")
        speakers.append(
            Speaker(clean_value(state, name_span, "speaker"), clean_value(state, role_span, "role"))
        )
        parts[f"{number}.name"] = name_span
        parts[f"{number}.role"] = role_span
    first, last = found[0][0], found[-1][1]
    state.set(
        "speakers", tuple(speakers), trimmed(state.source, first.start, last.end), parts=parts
    )
