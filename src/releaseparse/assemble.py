"""Building the frozen ``Release`` from a finished parse state, regions tiling the source."""

from __future__ import annotations

from itertools import compress
from typing import Any

import attrs
import regex

from releaseparse.records import (
    _NO_TURNS,
    FROM_TEXT,
    Body,
    Header,
    RegionTable,
    Release,
    Severity,
    Span,
    checked_release,
    offset_span_table,
    turn_table,
)
from releaseparse.state import BUILTIN_FIELDS, ParseState
from releaseparse.text import is_blank

#: Every header field, in order: each holding a value has the origin ``text``.
_HEADER_FIELDS = tuple(field.name for field in attrs.fields(Header))
#: Where the speakers are among them.
_SPEAKERS = _HEADER_FIELDS.index("speakers")
#: The values that stand for none in a header field.
_NONE = (None, "", ())

#: One piece of a gap: up to and including the next line terminator.
_PIECE = regex.compile(r"[^\r\n]*+(?:\r\n|[\r\n])?+")


def _gap_regions(
    state: ParseState, kinds: list[str], edges: list[int], start: int, end: int
) -> None:
    """Regions for unclaimed characters: ``blank`` runs, ``unclaimed`` text (a defect)."""
    source = state.source
    if start >= end:
        return
    if is_blank(source[start:end]):  # the usual gap: blank lines between regions
        kinds.append("blank")
        edges += (start, end)
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
        kinds.append(kind)
        edges += (run_start, run_end)
        if kind == "unclaimed":
            state.defect(
                "text.unclaimed",
                "text no extractor recognised; it is kept as an unclaimed region",
                Span(run_start, run_end),
                Severity.INFO,
            )


def _regions(state: ParseState) -> RegionTable:
    # Claims were checked when made, and gaps lie between them: the regions need no check.
    kinds: list[str] = []
    edges: list[int] = []  # each region's start and end, one after the other
    append_kind, append_edge, source = kinds.append, edges.append, state.source
    position = 0
    # The state's own list, not a copy (``claims()``): nothing claims while it is read.
    for start, end, kind in state._claims:
        if position < start:
            gap = source[position:start]
            # The usual gap, line ends between regions, laid down here at once.
            if gap.isspace() or is_blank(gap):
                append_kind("blank")
                append_edge(position)
                append_edge(start)
            else:
                _gap_regions(state, kinds, edges, position, start)
        append_kind(kind)
        append_edge(start)
        append_edge(end)
        position = end
    if position < len(source):
        _gap_regions(state, kinds, edges, position, len(source))
    return RegionTable.of_edges(tuple(kinds), tuple(edges))


#: The slots of ``Header``, ``Body`` and their setters: the values ``assemble`` puts in
#: them are those the parse state checked (``BUILTIN_FIELDS``), as ``Header(...)`` would
#: set them (it has no converter nor validator), at a third of its cost.
_SET_HEADER = tuple(Header.__dict__[name].__set__ for name in _HEADER_FIELDS)
_SET_PARAGRAPHS = Body.__dict__["paragraphs"].__set__
_SET_TURNS = Body.__dict__["_turns"].__set__
_new_object = object.__new__


def _origins(header_values: list[Any]) -> dict[str, str]:
    """``text`` as the origin of each header field holding a value (none of ``_NONE``)."""
    # The values are those ``BUILTIN_FIELDS`` let in: a ``str``, a tuple of speakers, a
    # date or a time, or ``None``. Of these exactly ``None``, ``""`` and ``()`` are false
    # (a date or time always holds), so ``compress`` keeps the names ``_NONE`` would.
    return dict.fromkeys(compress(_HEADER_FIELDS, header_values), FROM_TEXT)


def assemble(state: ParseState) -> Release:
    """Return the ``Release`` for ``state``: fields, spans, regions, defects, extras, ratings."""
    regions = _regions(state)
    # ``Any``: the values were checked by ``ParseState.set`` (``BUILTIN_FIELDS``).
    values: dict[str, Any] = state._field_values()
    header_values = list(map(values.get, _HEADER_FIELDS))
    if header_values[_SPEAKERS] is None:  # never set (a set one is a tuple)
        header_values[_SPEAKERS] = ()
    header = _new_object(Header)
    for set_slot, value in zip(_SET_HEADER, header_values, strict=True):
        set_slot(header, value)
    body = _new_object(Body)
    _SET_PARAGRAPHS(body, values.get("body", ()))
    turns = values.get("turns")
    # No turns (most bodies): the table ``turn_table(())`` gives, without the call.
    _SET_TURNS(body, turn_table(turns) if turns else _NO_TURNS)
    # Most parses set built-in fields only: no extra to look for then.
    extras = (
        {}
        if values.keys() <= BUILTIN_FIELDS.keys()
        else {name: value for name, value in values.items() if name not in BUILTIN_FIELDS}
    )
    origins = _origins(header_values)
    return checked_release(
        header,
        body,
        values.get("disclaimer"),
        state.source,
        offset_span_table(state._spans),  # ``state.span_table()``, one call fewer
        regions,
        state.defects,
        extras,
        state._ratings.copy(),
        origins,
    )
