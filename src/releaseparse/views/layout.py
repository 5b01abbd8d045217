"""A release's source laid out for the explain views: field rows, marks and lines of pieces."""

from __future__ import annotations

import bisect
import heapq
import itertools
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import attrs

from releaseparse.errors import line_and_column
from releaseparse.records import Confidence, Release, Span
from releaseparse.views.html import FIELD_COLOURS

_Entry = TypeVar("_Entry", bound=tuple[Any, ...])

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPEAKER_PART = re.compile(r"speakers\.\d+\.(name|role)")
_SPACES = re.compile(r"\s+")

#: Span keys that name whole regions rather than header fields: never highlighted.
_REGION_LIKE = ("body", "turns", "disclaimer")
_HEADER_FIELDS = ("title", "category", "note_type", "office")
_LATER_FIELDS = ("venue", "place", "date", "time", "time_zone")

#: How palette kinds of highlighted fields are named in legends.
MARK_NAMES = {
    "speaker": "speaker name",
    "role": "speaker role",
    "turn": "turn label",
    "extra": "extra field",
}


@attrs.frozen
class FieldRow:
    """One row of the field table: a field's value as shown and where its raw text is.

    ``confidence`` is the field's level in ``Release.confidence`` (``None``: not rated);
    ``origin`` is ``"metadata"`` for a value given beside the text (it has no span).
    """

    key: str
    kind: str
    value: str | None
    span: Span | None
    raw: str | None = None
    confidence: Confidence | None = None
    origin: str | None = None

    @property
    def from_metadata(self) -> bool:
        """Whether the value came from the metadata given with the text, not from it."""
        return self.origin == "metadata"


@attrs.frozen
class Mark:
    """A field's span highlighted over the source, with its palette kind and shown value."""

    kind: str
    label: str
    value: str
    start: int
    end: int


@attrs.frozen
class Piece:
    """A run of one line's source in one region, under one mark and one defect severity."""

    start: int
    end: int
    kind: str | None
    mark: Mark | None
    bad: str | None


@attrs.frozen
class Line:
    """One source line: its pieces, its region kinds and the defects pinned to it."""

    number: int
    start: int
    end: int
    pieces: tuple[Piece, ...]
    kinds: tuple[str, ...]
    pins: tuple[tuple[int, int], ...]


def _clamp(span: Span, size: int) -> tuple[int, int]:
    return min(span.start, size), min(span.end, size)


def short(text: str, limit: int) -> str:
    """``text`` with its whitespace runs made single spaces, cut to ``limit`` characters."""
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value_text(value: object) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(value)


def _mark_kind(key: str) -> str:
    if key in FIELD_COLOURS:
        return key
    part = _SPEAKER_PART.fullmatch(key)
    if part:
        return "speaker" if part.group(1) == "name" else "role"
    return "extra"


def field_rows(release: Release) -> list[FieldRow]:
    """The header fields in reading order (absent ones too), then body and disclaimer."""
    header, spans, source = release.header, release.spans, release.source
    confidence, origins = release.confidence, release.origins

    def row(key: str, kind: str, value: object, field: str | None = None) -> FieldRow:
        span = spans.get(key)
        shown = None if value is None or value == "" else _value_text(value)
        raw = None
        if shown is None and span is not None and len(span):
            raw = short(span.slice(source), 80)
        origin = origins.get(field or key) if shown is not None else None
        return FieldRow(key, kind, shown, span, raw, confidence.get(field or key), origin)

    rows = [row(key, key, getattr(header, key)) for key in _HEADER_FIELDS]
    for i, speaker in enumerate(header.speakers):
        rows.append(row(f"speakers.{i}.name", "speaker", speaker.name, "speakers"))
        rows.append(row(f"speakers.{i}.role", "role", speaker.role, "speakers"))
    if not header.speakers:
        rows.append(row("speakers", "speaker", None))
    for key in _LATER_FIELDS:
        value = getattr(header, key)
        rows.append(row(key, key, value.isoformat() if hasattr(value, "isoformat") else value))
    body = release.body
    summary = None
    if body.paragraphs:
        summary = f"{len(body.paragraphs)} paragraph{'s' * (len(body.paragraphs) != 1)}"
        if body.turns:
            summary += f", {len(body.turns)} transcript turn{'s' * (len(body.turns) != 1)}"
    rows.append(
        FieldRow("body", "body", summary, spans.get("body"), confidence=confidence.get("body"))
    )
    rows.append(row("disclaimer", "disclaimer", release.disclaimer))
    if release.url is not None:
        rows.append(FieldRow("url", "url", release.url, None, origin="metadata"))
    return rows


def extra_rows(release: Release) -> list[FieldRow]:
    """Values set by custom extractors, then spans of no field the table otherwise shows."""
    rows = [
        FieldRow(
            key,
            "extra",
            _value_text(value),
            release.spans.get(key),
            confidence=release.confidence.get(key),
        )
        for key, value in release.extras.items()
    ]
    shown = {row.key for row in field_rows(release)} | set(release.extras)
    for key, span in release.spans.items():
        if key in shown or key in _REGION_LIKE or key.startswith(("body.", "speakers")):
            continue
        rows.append(FieldRow(key, "extra", None, span, short(span.slice(release.source), 80)))
    return rows


def marks_of(release: Release) -> list[Mark]:
    """The spans highlighted over the source: header fields, extras and transcript labels."""
    rows = {row.key: row for row in field_rows(release) + extra_rows(release)}
    has_parts = any(_SPEAKER_PART.fullmatch(key) for key in release.spans)
    size = len(release.source)
    marks = []
    for key, span in release.spans.items():
        if key in _REGION_LIKE or key.startswith("body.") or (key == "speakers" and has_parts):
            continue
        start, end = _clamp(span, size)
        if start == end:
            continue
        row = rows.get(key)
        value = row.value if row and row.value is not None else "(not read)"
        marks.append(Mark(_mark_kind(key), key, value, start, end))
    for i, turn in enumerate(release.body.turns):
        start = turn.span.start
        if turn.label and release.source.startswith(turn.label, start):
            label = f"turns.{i}.label"
            marks.append(Mark("turn", label, turn.label, start, start + len(turn.label)))
    return marks


def mark_kinds(marks: Sequence[Mark]) -> tuple[str, ...]:
    """The palette kinds of ``marks``, in palette order, then any others alphabetically."""
    used = {mark.kind for mark in marks}
    return tuple(kind for kind in dict.fromkeys((*FIELD_COLOURS, *sorted(used))) if kind in used)


def bad_severities(lines: Sequence[Line]) -> set[str]:
    """The defect severities underlined somewhere in ``lines``."""
    return {piece.bad for line in lines for piece in line.pieces if piece.bad}


def _line_bounds(source: str) -> Iterator[tuple[int, int, int]]:
    """Each line's start, content end and next line's start (CR, LF and CRLF endings)."""
    start = 0
    for found in LINE_BREAK.finditer(source):
        yield start, found.start(), found.end()
        start = found.end()
    if start < len(source) or not source:
        yield start, len(source), len(source)


def _live(heap: list[_Entry], end: int, at: int) -> list[_Entry]:
    """``heap`` without the entries whose item ``end`` is ``at`` or before (itself if none is)."""
    live = [entry for entry in heap if entry[end] > at]
    if len(live) == len(heap):
        return heap
    heapq.heapify(live)
    return live


def lines_of(release: Release, marks: Sequence[Mark]) -> list[Line]:
    """The source cut into lines, and each line into pieces of one region, mark and defect."""
    source, size = release.source, len(release.source)
    regions = sorted(
        (*_clamp(region.span, size), region.kind) for region in release.regions if len(region.span)
    )
    starts = [start for start, _, _ in regions]
    bad = sorted(
        (*_clamp(d.span, size), d.severity.value)
        for d in release.defects
        if d.severity != "info" and len(d.span)
    )
    pins: dict[int, list[int]] = {}
    for index, defect in enumerate(release.defects):
        pins.setdefault(min(defect.span.start, size), []).append(index)
    cuts = {0, size}
    for start, end, _ in regions:
        cuts.update((start, end))
    for mark in marks:
        cuts.update((mark.start, mark.end))
    for start, end, _ in bad:
        cuts.update((start, end))
    cuts.update(pins)
    ordered_cuts = sorted(cuts)
    by_start = sorted(marks, key=lambda m: (m.start, m.end))
    active: list[tuple[int, int, int, Mark]] = []  # (length, order, end, mark)
    active_bad: list[tuple[int, int, str]] = []  # (severity rank, end, severity)
    next_mark = next_bad = 0
    lines = []
    rank = {"warning": 1, "error": 0}
    for number, (line_start, line_end, _) in enumerate(_line_bounds(source), 1):
        pieces = []
        first = bisect.bisect_right(ordered_cuts, line_start)
        last = bisect.bisect_left(ordered_cuts, line_end)
        bounds = [line_start, *ordered_cuts[first:last], line_end]
        for a, b in itertools.pairwise(bounds):
            while next_mark < len(by_start) and by_start[next_mark].start <= a:
                mark = by_start[next_mark]
                heapq.heappush(active, (mark.end - mark.start, next_mark, mark.end, mark))
                next_mark += 1
            while next_bad < len(bad) and bad[next_bad][0] <= a:
                _, end, severity = bad[next_bad]
                heapq.heappush(active_bad, (rank.get(severity, 2), end, severity))
                next_bad += 1
            active = _live(active, 2, a)
            active_bad = _live(active_bad, 1, a)
            found = bisect.bisect_right(starts, a) - 1
            kind = regions[found][2] if found >= 0 and regions[found][1] > a else None
            pieces.append(
                Piece(
                    a,
                    b,
                    kind,
                    active[0][3] if active else None,
                    active_bad[0][2] if active_bad else None,
                )
            )
        pieces = [piece for piece in pieces if piece.end > piece.start]
        kinds = [p.kind for p in pieces if p.kind]
        if len(set(kinds)) > 1:
            kinds = [k for k in kinds if k != "blank"]
        if not kinds:
            found = bisect.bisect_right(starts, line_end) - 1
            if found >= 0 and regions[found][1] > line_end:
                kinds = [regions[found][2]]
        lines.append(
            Line(number, line_start, line_end, tuple(pieces), tuple(dict.fromkeys(kinds)), ())
        )
    line_starts = [line.start for line in lines]
    for offset in sorted(pins):
        at = max(0, bisect.bisect_right(line_starts, offset) - 1)
        found_pins = tuple((offset, index) for index in pins[offset])
        lines[at] = attrs.evolve(lines[at], pins=lines[at].pins + found_pins)
    return lines


#: Where a value given as metadata beside the text is said to be, in place of a span.
FROM_METADATA = "metadata"


def where_row(source: str, row: FieldRow) -> str:
    """Where a field row's value is: ``line:column`` of its span, or ``metadata``."""
    if row.span is None and row.from_metadata:
        return FROM_METADATA
    return where(source, row.span)


def where(source: str, span: Span | None) -> str:
    """``line:column`` of a span's first and last character (one position if empty)."""
    if span is None:
        return ""
    size = len(source)
    start, end = _clamp(span, size)
    line, column = line_and_column(source, start)
    if end <= start:
        return f"{line}:{column}"
    end_line, end_column = line_and_column(source, end - 1)
    return f"{line}:{column}–{end_line}:{end_column}"


def line_of(source: str, span: Span) -> int:
    """The number of the line a span starts on."""
    return line_and_column(source, min(span.start, len(source)))[0]
