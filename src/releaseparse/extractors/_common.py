"""Helpers the built-in extractors share: header lines by kind, trimmed spans, clean values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from releaseparse.extractors._block import Block, layout
from releaseparse.extractors._kinds import Kind
from releaseparse.lines import Line
from releaseparse.records import Severity, Span, Speaker, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, clean

_TRIM = INVISIBLE + " \t\r\n\f\v\u00a0\u2028\u2029\u3000\u2002\u2003\u2009\u202f"


def block_of(state: ParseState) -> Block | None:
    """The header block of ``state``, if the source has one."""
    return layout(state).block


def header_lines(state: ParseState, *kinds: Kind) -> Iterator[tuple[Line, Kind]]:
    """Unclaimed lines of the header block (title and plain lines left out), with their kinds.

    With ``kinds``, only lines of those kinds.
    """
    found = layout(state)
    block = found.block
    if block is None:
        return
    skip = set(block.inside)
    if block.title is not None:
        skip.update(range(*block.title))
    for index in range(block.start, block.end):
        kind = found.kind(index)
        if index in skip or kind == Kind.BLANK or (kinds and kind not in kinds):
            continue
        line = state.lines[index]
        if not state.is_claimed(line.span):
            yield line, kind


def header_end(state: ParseState) -> int:
    """Where the header ends: past the block's last line, or inside it for a flattened header.

    A flattened header line can go on with the body (``... October 28, 2002INDEX:``);
    then the header ends where the last claim on that line ends.
    """
    block = block_of(state)
    if block is None:
        return 0
    last = state.lines[block.end - 1]
    on_line = state.claims(last.start, last.stop)
    if on_line:
        # Claims do not overlap: the last to start is the last to end.
        end = on_line[-1][1]
        if end < last.end and state.source[end : last.end].strip():
            return end
    return last.stop


def trimmed_offsets(source: str, start: int, end: int) -> tuple[int, int]:
    """``trimmed`` as offsets: ``(start, end)`` without outer whitespace or invisibles."""
    while start < end and source[start] in _TRIM:
        start += 1
    while end > start and source[end - 1] in _TRIM:
        end -= 1
    return start, end


def trimmed(source: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` without leading and trailing whitespace or invisibles."""
    start, end = trimmed_offsets(source, start, end)
    return unchecked_span(start, end) if 0 <= start <= end else Span(start, end)


def clean_value(state: ParseState, span: Span, what: str) -> str:
    """The clean value of the raw text at ``span``; a repair of mojibake is a defect."""
    return clean_text(state, span.start, span.end, what)


def clean_text(state: ParseState, start: int, end: int, what: str, *, repair: bool = True) -> str:
    """``clean_value`` of the raw text from ``start`` to ``end``, valid offsets of the source.

    ``repair`` false skips the mojibake test, for text known to need none
    (``text.may_hold_mojibake``).
    """
    value, repaired = clean(state.source[start:end], repair=repair)
    if repaired:
        state.defect(
            "text.mojibake_repaired",
            f"mojibake (text decoded with the wrong encoding) repaired in the {what}",
            Span(start, end),
            Severity.INFO,
        )
    return value


def set_time(state: ParseState, value: dt.time, zone: str | None, span: Span) -> None:
    """Set ``time`` from the raw text at ``span`` and, when printed, ``time_zone`` from its zone."""
    state.set("time", value, span)
    if zone is not None:
        at = state.source.rfind(zone, span.start, span.end)
        state.set("time_zone", zone, Span(at, at + len(zone)) if at >= 0 else span)


def set_text(state: ParseState, name: str, span: Span, *, kind: str | None = None) -> None:
    """Set field ``name`` to the clean text at ``span``, claiming it as ``kind`` if given."""
    span = trimmed(state.source, span.start, span.end)
    start, end = span.start, span.end
    if start == end:  # not ``len(span)``: a Python-level call
        return
    if kind is not None:
        state.claim(span, kind)
    state.set(name, clean_text(state, start, end, name.replace("_", " ")), span)


def speakers_of(
    state: ParseState, found: list[tuple[Span, Span | None]]
) -> tuple[tuple[Speaker, ...], dict[str, Span]]:
    """The speakers read at ``(name, role)`` spans, and their parts (``0.name``, ``0.role``)."""
    speakers = []
    parts: dict[str, Span] = {}
    for number, (name_span, role_span) in enumerate(found):
        role = None if role_span is None else clean_value(state, role_span, "role")
        speakers.append(Speaker(clean_value(state, name_span, "speaker"), role))
        parts[f"{number}.name"] = name_span
        if role_span is not None:
            parts[f"{number}.role"] = role_span
    return tuple(speakers), parts
