"""Helpers the built-in extractors share: header lines by kind, trimmed spans, clean values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import cast

from releaseparse.extractors._block import Block, layout
from releaseparse.extractors._kinds import KIND_BLANK, Kind
from releaseparse.lines import Line
from releaseparse.records import Severity, Span, Speaker, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, clean

_TRIM = INVISIBLE + " \t\r\n\f\v\u00a0\u2028\u2029\u3000\u2002\u2003\u2009\u202f"
#: ``_TRIM`` as a set: a one-character ``in`` test, as the string's, but cheaper.
_TRIM_SET = frozenset(_TRIM)


def block_of(state: ParseState) -> Block | None:
    """The header block of ``state``, if the source has one."""
    return layout(state).block


_BLOCK_KINDS = "releaseparse.block_kinds"


def block_kinds(state: ParseState) -> dict[Kind, list[int]]:
    """The indices of the header block's lines (title, plain and blank lines too) by kind.

    Read once per parse: the kinds of lines do not change once read. Whether a line is
    claimed changes as the chain runs, and is asked when a line is read.
    """
    derived = state.derived
    found = derived.get(_BLOCK_KINDS)
    if found is None:
        found = derived[_BLOCK_KINDS] = _kinds_of_block(state)
    return cast("dict[Kind, list[int]]", found)


def _kinds_of_block(state: ParseState) -> dict[Kind, list[int]]:
    found = layout(state)
    block = found.block
    by_kind: dict[Kind, list[int]] = {}
    if block is None:
        return by_kind
    kind_of = found.kind
    for index in range(block.start, block.end):
        kind = kind_of(index)
        indices = by_kind.get(kind)
        if indices is None:
            by_kind[kind] = [index]
        else:
            indices.append(index)
    return by_kind


def block_lines(state: ParseState, kind: Kind) -> list[int]:
    """The indices of the header block's lines of ``kind`` (title and plain lines included).

    The list is shared: not to be changed.
    """
    return block_kinds(state).get(kind) or []


def header_lines(state: ParseState, *kinds: Kind) -> Iterator[tuple[Line, Kind]]:
    """Unclaimed lines of the header block (title and plain lines left out), with their kinds.

    With ``kinds``, only lines of those kinds.
    """
    by_kind = block_kinds(state)
    if not by_kind:
        return  # no block
    if len(kinds) == 1:
        # One kind (most asks): its lines, in order, and mostly none.
        (only,) = kinds
        found = [(index, only) for index in by_kind.get(only, ())]
    else:
        wanted = dict.fromkeys(kinds) if kinds else by_kind.keys() - {KIND_BLANK}
        found = sorted((index, kind) for kind in wanted for index in by_kind.get(kind, ()))
    if not found:
        return
    block = layout(state).block
    assert block is not None  # lines were found in it
    title_start, title_end = block.title or (0, 0)
    inside, lines = block.inside, state.lines
    for index, kind in found:
        if title_start <= index < title_end or index in inside or kind == KIND_BLANK:
            continue
        line = lines[index]
        # Asked when the line is read: an extractor may claim between two lines.
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
    while start < end and source[start] in _TRIM_SET:
        start += 1
    while end > start and source[end - 1] in _TRIM_SET:
        end -= 1
    return start, end


def trimmed(source: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` without leading and trailing whitespace or invisibles."""
    # ``trimmed_offsets`` inline: one call less on a path taken for every header field.
    while start < end and source[start] in _TRIM_SET:
        start += 1
    while end > start and source[end - 1] in _TRIM_SET:
        end -= 1
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
    set_text_at(state, name, span.start, span.end, kind=kind)


def set_text_at(
    state: ParseState, name: str, start: int, end: int, *, kind: str | None = None
) -> None:
    """``set_text`` of the text from ``start`` to ``end``, offsets of the source.

    For the built-in extractors, which hold offsets: no ``Span`` is made for them.
    """
    source = state.source
    while start < end and source[start] in _TRIM_SET:
        start += 1
    while end > start and source[end - 1] in _TRIM_SET:
        end -= 1
    if start == end:
        return
    # What ``trimmed`` makes of offsets ``Span`` would refuse: ``claim`` and ``set`` then
    # refuse it as they did.
    span = unchecked_span(start, end) if 0 <= start <= end else Span(start, end)
    if kind is not None:
        state.claim(span, kind)
    state.set(name, clean_text(state, start, end, name.replace("_", " ")), span)


def speakers_of(
    state: ParseState, found: list[tuple[Span, Span | None]]
) -> tuple[tuple[Speaker, ...], dict[str, tuple[int, int]]]:
    """The speakers read at ``(name, role)`` spans, and their parts (``0.name``, ``0.role``).

    The parts are offsets, as ``ParseState.set`` takes them: it records a part's offsets
    either way.
    """
    speakers = []
    parts: dict[str, tuple[int, int]] = {}
    for number, (name_span, role_span) in enumerate(found):
        name_start, name_end = name_span.start, name_span.end
        if role_span is None:
            role = None
        else:
            role = clean_text(state, role_span.start, role_span.end, "role")
        speakers.append(Speaker(clean_text(state, name_start, name_end, "speaker"), role))
        parts[f"{number}.name"] = (name_start, name_end)
        if role_span is not None:
            parts[f"{number}.role"] = (role_span.start, role_span.end)
    return tuple(speakers), parts
