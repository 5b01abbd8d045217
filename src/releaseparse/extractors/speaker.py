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


# Words glued by rendering (``SecretaryBureau``): split only for recognising roles.
_GLUED = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")


def _is_role(state: ParseState, text: str) -> bool:
    line = _GLUED.sub(" ", collapse(text))
    if not line or len(line.split()) > MAX_ROLE_WORDS or line.endswith("."):
        return False
    return state.vocabulary.role_pattern.search(line) is not None


def _is_bare_name(state: ParseState, text: str) -> bool:
    """A name with no role word in it (``Deputy Spokesperson`` is a role, not a name)."""
    return _is_name(text) and state.vocabulary.role_pattern.search(text) is None


_COMMA_PART = regex.compile(r"[^,]+")


def issuer_line(state: ParseState, line: Line) -> list[tuple[Span, Span]] | None:
    """Read ``Name, Role[, Name, Role ...]`` on one line; the spans of each name and role.

    A part that reads as a bare name opens a speaker; the parts after it, up to the
    next name, are its role (roles may hold commas). Every role must hold a role word.
    """
    source = state.source
    parts = [
        trimmed(source, line.start + match.start(), line.start + match.end())
        for match in _COMMA_PART.finditer(line.text)
    ]
    parts = [part for part in parts if part]
    if len(parts) < 2 or not _is_bare_name(state, parts[0].slice(source)):
        return None
    found: list[list[Span]] = []
    for index, part in enumerate(parts):
        opens = _is_bare_name(state, part.slice(source)) and (
            index + 1 < len(parts) and _is_role(state, parts[index + 1].slice(source))
        )
        if opens and (not found or len(found[-1]) > 1):
            found.append([part])
        elif found:
            found[-1].append(part)
        else:
            return None
    speakers = []
    for name, *role in found:
        if not role:
            return None
        role_span = Span(role[0].start, role[-1].end)
        if not _is_role(state, role_span.slice(source)):
            return None
        speakers.append((name, role_span))
    return speakers


def _adjacent(first: Line, second: Line) -> bool:
    return second.number == first.number + 1


def speaker(state: ParseState) -> None:
    """Set ``speakers`` from the header block's issuer lines.

    Either a name line directly followed by a role line, or ``Name, Role`` on one
    line (several speakers may share it).
    """
    lines = unclaimed_header_lines(state)
    found: list[tuple[Span, Span]] = []
    claims: list[Span] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        on_one_line = issuer_line(state, line)
        if on_one_line is not None:
            found.extend(on_one_line)
            claims.append(line.span)
            index += 1
        elif (
            following is not None
            and _adjacent(line, following)
            and state.vocabulary.note_type(line.text) is None
            and _is_name(line.text)
            and _is_role(state, following.text)
        ):
            found.append(
                (
                    trimmed(state.source, line.start, line.end),
                    trimmed(state.source, following.start, following.end),
                )
            )
            claims.append(Span(line.start, following.end))
            index += 2
        else:
            index += 1
    if not found:
        return
    for span in claims:
        state.claim(span, "speaker")
    speakers = []
    parts: dict[str, Span] = {}
    for number, (name_span, role_span) in enumerate(found):
        speakers.append(
            Speaker(clean_value(state, name_span, "speaker"), clean_value(state, role_span, "role"))
        )
        parts[f"{number}.name"] = name_span
        parts[f"{number}.role"] = role_span
    whole = Span(found[0][0].start, found[-1][1].end)
    state.set("speakers", tuple(speakers), whole, parts=parts)
