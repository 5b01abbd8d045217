"""Building the frozen ``Release`` from a finished parse state, regions tiling the source."""

from __future__ import annotations

import datetime as _dt
from typing import cast

import attrs
import regex

from releaseparse.records import (
    FROM_TEXT,
    Body,
    Header,
    Region,
    Release,
    Severity,
    SpanCache,
    Speaker,
    Turn,
    unchecked_region,
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


def _gap_regions(state: ParseState, start: int, end: int) -> list[Region]:
    """Regions for unclaimed characters: ``blank`` runs, ``unclaimed`` text (a defect)."""
    source = state.source
    if start >= end:
        return []
    if is_blank(source[start:end]):  # the usual gap: blank lines between regions
        return [unchecked_region("blank", start, end)]
    regions: list[Region] = []
    position = start
    while position < end:
        piece = _PIECE.match(source, position, end)
        assert piece is not None  # the pattern matches at least one character here
        cut = piece.end()
        kind = "blank" if is_blank(piece.group()) else "unclaimed"
        if regions and regions[-1].kind == kind:
            regions[-1] = unchecked_region(kind, regions[-1].span.start, cut)
        else:
            regions.append(unchecked_region(kind, position, cut))
        position = cut
    for region in regions:
        if region.kind == "unclaimed":
            state.defect(
                "text.unclaimed",
                "text no extractor recognised; it is kept as an unclaimed region",
                region.span,
                Severity.INFO,
            )
    return regions


def _regions(state: ParseState) -> tuple[Region, ...]:
    # Claims were checked when made, and gaps lie between them: the regions need no check.
    regions: list[Region] = []
    position = 0
    known: SpanCache = {(span.start, span.end): span for span in state.spans.values()}
    for start, end, kind in state.claims():
        if position < start:
            regions.extend(_gap_regions(state, position, start))
        regions.append(unchecked_region(kind, start, end, known))
        position = end
    regions.extend(_gap_regions(state, position, len(state.source)))
    return tuple(regions)


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
    return Release(
        header=header,
        body=Body(
            cast(tuple[str, ...], state.get("body", ())),
            cast(tuple[Turn, ...], state.get("turns", ())),
        ),
        disclaimer=cast(str | None, state.get("disclaimer")),
        source=state.source,
        spans=state.spans,
        regions=regions,
        defects=state.defects,
        extras=extras,
        confidence=state.ratings(),
        origins=origins,
    )
