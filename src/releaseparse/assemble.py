"""Building the frozen ``Release`` from a finished parse state, regions tiling the source."""

from __future__ import annotations

import datetime as _dt
from typing import Any, cast

import attrs
import regex

from releaseparse.records import (
    FROM_TEXT,
    Body,
    Header,
    RegionTable,
    Release,
    Severity,
    Span,
    Speaker,
    Turn,
    checked_release,
    offset_array,
)
from releaseparse.state import BUILTIN_FIELDS, ParseState
from releaseparse.text import is_blank

_HEADER_TEXT_FIELDS = (
    "title", "category", "note_type", "office", "venue", "place", "time_zone",
)  # fmt: skip

#: Every header field, in order: each holding a value has the origin ``text``.
_HEADER_FIELDS = tuple(field.name for field in attrs.fields(Header))
#: The values that stand for none in a header field.
_NONE = (None, "", ())

#: One piece of a gap: up to and including the next line terminator.
_PIECE = regex.compile(r"[^\r\n]*+(?:\r\n|[\r\n])?+")


class _Tiling:
    """The regions as they are laid down: kinds and a flat array of offsets."""

    def __init__(self) -> None:
        self.kinds: list[str] = []
        # A list while laid down (appending to it costs a fifth of appending to an
        # array), made one array at the end.
        self.offsets: list[int] = []

    def add(self, kind: str, start: int, end: int) -> None:
        self.kinds.append(kind)
        self.offsets.append(start)
        self.offsets.append(end)

    def table(self) -> RegionTable:
        return RegionTable(tuple(self.kinds), offset_array(self.offsets))


def _gap_regions(state: ParseState, tiling: _Tiling, start: int, end: int) -> None:
    """Regions for unclaimed characters: ``blank`` runs, ``unclaimed`` text (a defect)."""
    source = state.source
    if start >= end:
        return
    if is_blank(source[start:end]):  # the usual gap: blank lines between regions
        tiling.add("blank", start, end)
        return
    runs: list[list[Any]] = []  # [kind, start, end]
    position = start
    while position < end:
        piece = _PIECE.match(source, position, end)
        assert piece is not None  # the pattern matches at least one character here
        cut = piece.end()
        kind = "blank" if is_blank(piece.group()) else "unclaimed"
        if runs and runs[-1][0] == kind:
            runs[-1][2] = cut
        else:
            runs.append([kind, position, cut])
        position = cut
    for kind, run_start, run_end in runs:
        tiling.add(kind, run_start, run_end)
        if kind == "unclaimed":
            state.defect(
                "text.unclaimed",
                "text no extractor recognised; it is kept as an unclaimed region",
                Span(run_start, run_end),
                Severity.INFO,
            )


def _regions(state: ParseState) -> RegionTable:
    # Claims were checked when made, and gaps lie between them: the regions need no check.
    tiling = _Tiling()
    kinds, offsets, source = tiling.kinds, tiling.offsets, state.source
    position = 0
    for start, end, kind in state.claims():
        if position < start:
            gap = source[position:start]
            # The usual gap, line ends between regions, laid down here at once.
            if gap.isspace() or is_blank(gap):
                kinds.append("blank")
                offsets.append(position)
                offsets.append(start)
            else:
                _gap_regions(state, tiling, position, start)
        kinds.append(kind)
        offsets.append(start)
        offsets.append(end)
        position = end
    _gap_regions(state, tiling, position, len(state.source))
    return tiling.table()


def assemble(state: ParseState) -> Release:
    """Return the ``Release`` for ``state``: fields, spans, regions, defects, extras, ratings."""
    regions = _regions(state)
    fields = state.fields
    text = {name: cast(str | None, state.get(name)) for name in _HEADER_TEXT_FIELDS}
    header = Header(
        **text,
        speakers=cast(tuple[Speaker, ...], state.get("speakers", ())),
        date=cast(_dt.date | None, state.get("date")),
        time=cast(_dt.time | None, state.get("time")),
    )
    extras = {name: field.value for name, field in fields.items() if name not in BUILTIN_FIELDS}
    origins = {name: FROM_TEXT for name in _HEADER_FIELDS if getattr(header, name) not in _NONE}
    return checked_release(
        header,
        Body(
            cast(tuple[str, ...], state.get("body", ())),
            cast(tuple[Turn, ...], state.get("turns", ())),
        ),
        cast(str | None, state.get("disclaimer")),
        state.source,
        state.span_table(),
        regions,
        state.defects,
        extras,
        dict(state.ratings()),
        origins,
    )
