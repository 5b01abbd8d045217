"""Helpers the built-in extractors share: the header window, trimmed spans, clean values."""

from __future__ import annotations

import weakref

from releaseparse.dates import read_dateline
from releaseparse.lines import Line
from releaseparse.records import Severity, Span
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, clean, collapse, is_blank

#: The header block never holds more non-blank lines than this.
MAX_HEADER_LINES = 15

#: Lines of a hard-wrapped paragraph read to decide whether it is prose.
MAX_WRAPPED_LINES = 8

_TERMINAL = '.!?"”’)'
_TRIM = INVISIBLE + " \t\r\n\f\v\u00a0\u2028\u2029\u3000\u2002\u2003\u2009\u202f"


def looks_like_prose(text: str) -> bool:
    """Whether a line reads as body prose rather than a header line."""
    line = collapse(text)
    if line.startswith("["):
        return False
    if len(line) > 250:
        return True
    words = line.split()
    if len(words) < 8:
        return False
    if line.endswith(tuple(_TERMINAL)):
        return True
    lowercase = sum(1 for word in words if word[:1].islower())
    return lowercase * 2 >= len(words)


def _is_wrapped_prose(text: str) -> bool:
    """Whether a line reads as part of a hard-wrapped sentence (mostly lower-case words)."""
    words = collapse(text).split()
    lowercase = sum(1 for word in words if word[:1].islower())
    return len(words) >= 4 and lowercase * 2 > len(words)


def _opens_wrapped_paragraph(lines: tuple[Line, ...], index: int) -> bool:
    """Whether the line at ``index`` starts a hard-wrapped paragraph that reads as prose."""
    if not _is_wrapped_prose(lines[index].text):
        return False
    block = []
    for line in lines[index : index + MAX_WRAPPED_LINES]:
        if is_blank(line.text):
            break
        block.append(line.text)
    return looks_like_prose(" ".join(block))


# The window depends on the lines only, never on claims: computed once per parse.
_WINDOWS: weakref.WeakKeyDictionary[ParseState, tuple[Line, ...]] = weakref.WeakKeyDictionary()


def header_window(state: ParseState) -> tuple[Line, ...]:
    """The lines that may hold header fields (computed once per parse state)."""
    window = _WINDOWS.get(state)
    if window is None:
        window = _WINDOWS[state] = _compute_header_window(state)
    return window


def _compute_header_window(state: ParseState) -> tuple[Line, ...]:
    """The lines that may hold header fields: from the top to the dateline.

    The window stops at the first line that reads as a dateline (kept), before the
    first paragraph of prose (hard-wrapped or not), or after ``MAX_HEADER_LINES``
    non-blank lines. Trailing blank lines are not part of it.
    """
    window: list[Line] = []
    nonblank = 0
    for line in state.lines:
        if is_blank(line.text):
            window.append(line)
            continue
        if looks_like_prose(line.text) or _opens_wrapped_paragraph(state.lines, line.number):
            break
        window.append(line)
        nonblank += 1
        if nonblank >= MAX_HEADER_LINES or read_dateline(line.text) is not None:
            break
    while window and is_blank(window[-1].text):
        window.pop()
    return tuple(window)


def unclaimed_header_lines(state: ParseState) -> list[Line]:
    """Non-blank lines of the header window that no extractor has claimed yet."""
    return [
        line
        for line in header_window(state)
        if not is_blank(line.text) and not state.is_claimed(line.span)
    ]


def header_end(state: ParseState) -> int:
    """Where the header ends: past the last claimed line of the header window (0 if none)."""
    end = 0
    for line in header_window(state):
        if state.is_claimed(line.span):
            end = line.stop
    return end


def trimmed(source: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` without leading and trailing whitespace or invisibles."""
    while start < end and source[start] in _TRIM:
        start += 1
    while end > start and source[end - 1] in _TRIM:
        end -= 1
    return Span(start, end)


def clean_value(state: ParseState, span: Span, what: str) -> str:
    """The clean value of the raw text at ``span``; a repair of mojibake is a defect."""
    value, repaired = clean(span.slice(state.source))
    if repaired:
        state.defect(
            "text.mojibake_repaired",
            f"mojibake (text decoded with the wrong encoding) repaired in the {what}",
            span,
            Severity.INFO,
        )
    return value


#: Region kinds of the issuer part of the header: place and venue lines follow them.
ISSUER_KINDS = frozenset({"note_type", "office", "speaker"})


def lines_after_issuer(state: ParseState) -> list[Line]:
    """Unclaimed non-blank header lines after the last issuer line (note type, office, speaker)."""
    after = 0
    for _start, end, kind in state.claims():
        if kind in ISSUER_KINDS:
            after = max(after, end)
    return [line for line in unclaimed_header_lines(state) if line.start >= after]
