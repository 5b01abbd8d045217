"""Explain one release: its fields, defects and regions laid over its source, as text or HTML."""

from __future__ import annotations

import bisect
import heapq
import itertools
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence

import attrs

from releaseparse.errors import line_and_column
from releaseparse.records import Release, Span
from releaseparse.views.html import (
    FIELD_COLOURS,
    SEVERITY_COLOURS,
    colour_css,
    colour_of,
    css_name,
    escape,
    page,
    unsafe_runs,
    visible,
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPEAKER_PART = re.compile(r"speakers\.\d+\.(name|role)")
_SPACES = re.compile(r"\s+")

#: Span keys that name whole regions rather than header fields: never highlighted.
_REGION_LIKE = ("body", "turns", "disclaimer")
_HEADER_FIELDS = ("title", "category", "note_type", "office")
_LATER_FIELDS = ("venue", "place", "date", "time", "time_zone")

#: How palette kinds of highlighted fields are named in legends.
_MARK_NAMES = {
    "speaker": "speaker name",
    "role": "speaker role",
    "turn": "turn label",
    "extra": "extra field",
}


# -- the model both views draw ---------------------------------------------------------------


@attrs.frozen
class FieldRow:
    """One row of the field table: a field's value as shown and where its raw text is."""

    key: str
    kind: str
    value: str | None
    span: Span | None
    raw: str | None = None


@attrs.frozen
class _Mark:
    kind: str
    label: str
    value: str
    start: int
    end: int


@attrs.frozen
class _Piece:
    start: int
    end: int
    kind: str | None
    mark: _Mark | None
    bad: str | None


@attrs.frozen
class _Line:
    number: int
    start: int
    end: int
    pieces: tuple[_Piece, ...]
    kinds: tuple[str, ...]
    pins: tuple[tuple[int, int], ...]


def _clamp(span: Span, size: int) -> tuple[int, int]:
    return min(span.start, size), min(span.end, size)


def _short(text: str, limit: int) -> str:
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

    def row(key: str, kind: str, value: object) -> FieldRow:
        span = spans.get(key)
        shown = None if value is None or value == "" else _value_text(value)
        raw = None
        if shown is None and span is not None and len(span):
            raw = _short(span.slice(source), 80)
        return FieldRow(key, kind, shown, span, raw)

    rows = [row(key, key, getattr(header, key)) for key in _HEADER_FIELDS]
    for i, speaker in enumerate(header.speakers):
        rows.append(row(f"speakers.{i}.name", "speaker", speaker.name))
        rows.append(row(f"speakers.{i}.role", "role", speaker.role))
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
    rows.append(FieldRow("body", "body", summary, spans.get("body")))
    rows.append(row("disclaimer", "disclaimer", release.disclaimer))
    return rows


def extra_rows(release: Release) -> list[FieldRow]:
    """Values set by custom extractors, then spans of no field the table otherwise shows."""
    rows = [
        FieldRow(key, "extra", _value_text(value), release.spans.get(key))
        for key, value in release.extras.items()
    ]
    shown = {row.key for row in field_rows(release)} | set(release.extras)
    for key, span in release.spans.items():
        if key in shown or key in _REGION_LIKE or key.startswith(("body.", "speakers")):
            continue
        rows.append(FieldRow(key, "extra", None, span, _short(span.slice(release.source), 80)))
    return rows


def _marks(release: Release) -> list[_Mark]:
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
        marks.append(_Mark(_mark_kind(key), key, value, start, end))
    for i, turn in enumerate(release.body.turns):
        start = turn.span.start
        if turn.label and release.source.startswith(turn.label, start):
            label = f"turns.{i}.label"
            marks.append(_Mark("turn", label, turn.label, start, start + len(turn.label)))
    return marks


def _lines(source: str) -> Iterator[tuple[int, int, int]]:
    """Each line's start, content end and next line's start (CR, LF and CRLF endings)."""
    start = 0
    for found in _LINE_BREAK.finditer(source):
        yield start, found.start(), found.end()
        start = found.end()
    if start < len(source) or not source:
        yield start, len(source), len(source)


def _layout(release: Release, marks: Sequence[_Mark]) -> list[_Line]:
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
    active: list[tuple[int, int, int, _Mark]] = []  # (length, order, end, mark)
    active_bad: list[tuple[int, int, str]] = []  # (severity rank, end, severity)
    next_mark = next_bad = 0
    lines = []
    rank = {"warning": 1, "error": 0}
    for number, (line_start, line_end, _) in enumerate(_lines(source), 1):
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
            live = [m for m in active if m[2] > a]
            if len(live) != len(active):
                active = live
                heapq.heapify(active)
            live_bad = [entry for entry in active_bad if entry[1] > a]
            if len(live_bad) != len(active_bad):
                active_bad = live_bad
                heapq.heapify(active_bad)
            found = bisect.bisect_right(starts, a) - 1
            kind = regions[found][2] if found >= 0 and regions[found][1] > a else None
            pieces.append(
                _Piece(
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
            _Line(number, line_start, line_end, tuple(pieces), tuple(dict.fromkeys(kinds)), ())
        )
    line_starts = [line.start for line in lines]
    for offset in sorted(pins):
        at = max(0, bisect.bisect_right(line_starts, offset) - 1)
        found_pins = tuple((offset, index) for index in pins[offset])
        lines[at] = attrs.evolve(lines[at], pins=lines[at].pins + found_pins)
    return lines


def _where(source: str, span: Span | None) -> str:
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


def _line_of(source: str, span: Span) -> int:
    return line_and_column(source, min(span.start, len(source)))[0]


def _defect_summary(release: Release) -> str:
    counts = dict.fromkeys(("error", "warning", "info"), 0)
    for defect in release.defects:
        counts[defect.severity.value] = counts.get(defect.severity.value, 0) + 1
    total = len(release.defects)
    if not total:
        return "no defects"
    parts = ", ".join(f"{n} {name}{'s' * (n != 1)}" for name, n in counts.items() if n)
    return f"{total} defect{'s' * (total != 1)} ({parts})"


# -- text --------------------------------------------------------------------------------------

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_CUBE = (0, 95, 135, 175, 215, 255)


def _cube_step(level: int) -> int:
    return min(range(6), key=lambda i: abs(_CUBE[i] - level))


def _xterm(hex_colour: str) -> int:
    """The nearest of the 256 xterm colours (the 6×6×6 cube and the grey ramp)."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    steps = [_cube_step(c) for c in rgb]
    cube = 16 + 36 * steps[0] + 6 * steps[1] + steps[2]
    cube_error = sum((_CUBE[s] - c) ** 2 for s, c in zip(steps, rgb, strict=True))
    grey_step = max(0, min(23, round((sum(rgb) / 3 - 8) / 10)))
    grey_level = 8 + 10 * grey_step
    grey_error = sum((grey_level - c) ** 2 for c in rgb)
    return 232 + grey_step if grey_error < cube_error else cube


def _ansi(kind: str) -> str:
    """Black or white text on the kind's strong colour: a highlight readable on any theme."""
    strong = colour_of(kind).strong
    r, g, b = (int(strong[i : i + 2], 16) for i in (1, 3, 5))
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140
    return f"\x1b[48;5;{_xterm(strong)};38;5;{16 if light else 231}m"


_SEVERITY_ANSI = {"error": "\x1b[1;38;5;160m", "warning": "\x1b[1;38;5;172m", "info": "\x1b[2m"}
_BAD_ANSI = {"error": "\x1b[4;38;5;160m", "warning": "\x1b[4;38;5;172m"}


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _table(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> list[str]:
    return [
        "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        for row in rows
    ]


def _text_fields(release: Release, color: bool, used: set[str]) -> list[str]:
    out = [_BOLD + "Fields" + _RESET if color else "Fields"]
    rows = field_rows(release)
    name_w = max(len(row.key) for row in rows)
    where = [_where(release.source, row.span) for row in rows]
    where_w = max(len(w) for w in where)
    for row, at in zip(rows, where, strict=True):
        if row.value is not None:
            value = visible(_short(row.value, 110))
        else:
            value = "—" + (f"  (raw text: {visible(row.raw)})" if row.raw else "")
        name = row.key.ljust(name_w)
        if color and row.kind in used:
            name = _ansi(row.kind) + row.key + _RESET + " " * (name_w - len(row.key))
        elif color and row.value is None:
            name = _DIM + name + _RESET
        out.append(f"  {name}  {at.ljust(where_w)}  {value}".rstrip())
    extras = extra_rows(release)
    if extras:
        out += ["", _BOLD + "Extras" + _RESET if color else "Extras"]
        key_w = max(len(visible(row.key)) for row in extras)
        for row in extras:
            value = visible(_short(row.value, 110)) if row.value is not None else "—"
            if row.value is None and row.raw:
                value += f"  (raw text: {visible(row.raw)})"
            at = _where(release.source, row.span)
            out.append(f"  {visible(row.key).ljust(key_w)}  {at:<{where_w}}  {value}".rstrip())
    out += ["", _BOLD + "Defects" + _RESET if color else "Defects"]
    if not release.defects:
        out.append("  none")
    code_w = max((len(visible(d.code)) for d in release.defects), default=0)
    for defect in release.defects:
        severity = defect.severity.value.ljust(7)
        if color:
            severity = _SEVERITY_ANSI.get(defect.severity.value, "") + severity + _RESET
        at = _where(release.source, Span(defect.span.start, defect.span.start))
        out.append(
            f"  {severity}  {visible(defect.code).ljust(code_w)}  {at:<7}  "
            f"{visible(defect.message)}"
        )
    return out


def explain_text(release: Release, *, color: bool, width: int | None = None) -> str:
    """A terminal view of ``release``: the field table, then the source with a region gutter.

    Each source line is prefixed by its number and the region kind(s) it holds; with
    ``color`` each field's characters are highlighted in its colour (a legend line names
    them) and error and warning defects are underlined. Without ``color`` the result holds
    no escape sequence at all. Control characters of the source are shown as visible text
    (``␛``), never passed through. Spans are given as ``line:column`` of their first and
    last character. ``width``, when given, wraps source lines to that many columns.
    """
    source = release.source
    marks = _marks(release)
    used = {mark.kind for mark in marks}
    lines = _layout(release, marks)
    out = _text_fields(release, color, used)
    out += ["", _BOLD + "Source" + _RESET if color else "Source"]
    if color:
        ordered = [kind for kind in dict.fromkeys((*FIELD_COLOURS, *sorted(used))) if kind in used]
        legend = [_ansi(k) + " " + _MARK_NAMES.get(k, k) + " " + _RESET for k in ordered]
        bad = {piece.bad for line in lines for piece in line.pieces if piece.bad}
        legend += [_BAD_ANSI[s] + f"{s} defect" + _RESET for s in ("error", "warning") if s in bad]
        out.append("  legend: " + " ".join(legend) + "   (gutter: region kinds)")
    gutters = [visible("+".join(line.kinds)) for line in lines]
    gutter_w = max(5, min(16, max((len(g) for g in gutters), default=0)))
    number_w = len(str(len(lines)))
    room = None if width is None else max(20, width - number_w - gutter_w - 4)
    for line, gutter in zip(lines, gutters, strict=True):
        if len(gutter) > gutter_w:
            gutter = gutter[: gutter_w - 1] + "…"
        head = f"{line.number:>{number_w}} {gutter:<{gutter_w}} │"
        more = f"{'':>{number_w}} {'':<{gutter_w}} ┆"
        out.extend(_text_rows(source, line, color, room, head, more))
    return "\n".join(out) + "\n"


def _text_rows(
    source: str, line: _Line, color: bool, room: int | None, head: str, more: str
) -> list[str]:
    """One source line as terminal rows: gutter, then its text, wrapped at ``room`` if given."""

    def gutter(text: str) -> str:
        return _DIM + text + _RESET + " " if color else text + " "

    rows: list[str] = []
    current = [gutter(head)]
    column = 0
    for piece in line.pieces:
        style = ""
        if color and piece.mark:
            style = _ansi(piece.mark.kind)
        if color and piece.bad:
            style += _BAD_ANSI.get(piece.bad, "")
        current.append(style)
        for char in visible(source[piece.start : piece.end], keep_tabs=True):
            step = 8 - column % 8 if char == "\t" else _char_width(char)
            if room is not None and column and column + step > room:
                rows.append("".join(current) + (_RESET if style else ""))
                current = [gutter(more), style]
                column = 0
                step = 8 if char == "\t" else step
            current.append(" " * step if char == "\t" else char)
            column += step
        if style:
            current.append(_RESET)
    if not line.pieces:
        return [_DIM + head + _RESET if color else head]
    rows.append("".join(current))
    return rows


# -- HTML --------------------------------------------------------------------------------------

EXPLAIN_CSS = """
.explain{display:grid;grid-template-columns:minmax(0,1fr) minmax(330px,460px);gap:1rem;
align-items:start}
@media (max-width:980px){.explain{grid-template-columns:1fr}.ex-side{position:static}}
.ex-src{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem 0;
font-family:var(--mono);font-size:.86rem;line-height:1.6;min-width:0}
.ex-src .cap{font-family:var(--sans);font-size:.8rem;color:var(--muted);padding:0 .8rem .4rem}
.ln{display:grid;grid-template-columns:3.4em 8.6em minmax(0,1fr);min-height:1.6em}
.ln:target .tx{outline:2px solid #ffb000;outline-offset:-1px}
.ln .no{color:#8b95a1;text-align:right;padding-right:.7em;text-decoration:none;user-select:none;
font-size:.92em}
.ln .gk{font-family:var(--sans);font-size:.72rem;line-height:1.35;padding:.28em .45em 0;
color:#2b3440;background:var(--t);border-left:4px solid var(--c);overflow-wrap:anywhere;
user-select:none}
.ln .gk.none{background:transparent;border-left-color:transparent}
.ln .tx{white-space:pre-wrap;overflow-wrap:anywhere;padding:0 .9em 0 .7em;tab-size:4}
.r{background:var(--t)}
.r.k-blank{background:transparent}
mark.f{background:var(--m);color:inherit;box-shadow:inset 0 -2px 0 var(--c);
border-radius:2px;padding:.05em 0}
.bad{text-decoration:underline wavy;text-decoration-thickness:1.5px;text-underline-offset:3px}
.bad-error{text-decoration-color:#c0392b}.bad-warning{text-decoration-color:#b86e00}
.ctl{color:#b03030;background:#fff0f0;outline:1px dotted #b03030;border-radius:2px}
.pin{font-family:var(--sans);font-size:.66rem;font-weight:700;line-height:1;
vertical-align:.55em;padding:.05em .32em;border-radius:.7em;color:#fff;text-decoration:none;
margin:0 1px}
.pin.sev-info{background:#4a6f8a}
.ex-side{position:sticky;top:.8rem;max-height:calc(100vh - 1.6rem);overflow:auto;
background:#fff;border:1px solid var(--line);border-radius:8px;padding:.2rem 1rem 1rem;
font-size:.9rem}
.ex-side h2{margin-top:1rem;font-size:1rem}
table.fields{width:100%}
table.fields th{text-align:left;font-weight:600;white-space:nowrap;padding:.22em .6em .22em 0;
vertical-align:top;font-size:.85rem}
table.fields td{padding:.22em .3em;vertical-align:top;overflow-wrap:anywhere}
table.fields tr+tr{border-top:1px solid #eef0f3}
table.fields .absent th,table.fields .absent td{color:#8b95a1;font-weight:400}
table.fields .at{white-space:nowrap;font-family:var(--mono);font-size:.78rem;text-align:right}
table.fields .at a{color:var(--muted)}
.raw{font-family:var(--mono);font-size:.82em;color:#8a4b00}
ol.defects{list-style:none;padding:0;margin:0}
ol.defects li{padding:.35em 0;border-top:1px solid #eef0f3}
ol.defects li:first-child{border-top:0}
ol.defects .num{display:inline-block;min-width:1.5em;font-weight:700;color:var(--muted)}
ol.defects code{font-weight:600}
ol.defects .msg{display:block;margin:.15em 0 0 1.5em;overflow-wrap:anywhere}
ul.legend{list-style:none;padding:0;margin:0;columns:2;column-gap:1rem;font-size:.85rem}
ul.legend li{break-inside:avoid;padding:.12em 0}
ul.legend.one{columns:1}
.ex-side h3{font-size:.86rem;margin:.7rem 0 .3rem;color:var(--ink)}
"""


@attrs.frozen
class Fragment:
    """A release's explain view as HTML, and the colour kinds its CSS must define."""

    html: str
    kinds: tuple[str, ...]


def _html_text(text: str) -> str:
    """Escaped text whose control characters are shown, and outlined, as visible text."""
    out, at = [], 0
    for start, end in unsafe_runs(text):
        out.append(escape(text[at:start], keep_tabs=True))
        out.append(f'<span class="ctl">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:], keep_tabs=True))
    return "".join(out)


def _pin(release: Release, index: int, prefix: str) -> str:
    defect = release.defects[index]
    severity = css_name(defect.severity.value)
    tip = escape(f"{defect.code} ({defect.severity.value}): {defect.message}")
    return (
        f'<a class="pin sev-{severity}" href="#{prefix}d{index + 1}" title="{tip}">{index + 1}</a>'
    )


def _html_line(release: Release, line: _Line, prefix: str) -> str:
    source = release.source
    pins: dict[int, list[int]] = {}
    for offset, index in line.pins:
        pins.setdefault(min(offset, line.end), []).append(index)
    parts: list[str] = []
    for piece in line.pieces:
        parts.extend(_pin(release, i, prefix) for i in pins.pop(piece.start, ()))
        text = _html_text(source[piece.start : piece.end])
        if piece.bad:
            text = f'<span class="bad bad-{css_name(piece.bad)}">{text}</span>'
        if piece.mark:
            mark = piece.mark
            tip = escape(f"{mark.label}: {_short(mark.value, 300)}")
            text = f'<mark class="f k-{css_name(mark.kind)}" title="{tip}">{text}</mark>'
        if piece.kind:
            tip = escape(f"region: {piece.kind}")
            text = f'<span class="r k-{css_name(piece.kind)}" title="{tip}">{text}</span>'
        parts.append(text)
    for indexes in pins.values():
        parts.extend(_pin(release, i, prefix) for i in indexes)
    anchor = f"{prefix}L{line.number}"
    if line.kinds:
        gutter = (
            f'<span class="gk k-{css_name(line.kinds[0])}">'
            f"{' + '.join(escape(kind) for kind in line.kinds)}</span>"
        )
    else:
        gutter = '<span class="gk none"></span>'
    return (
        f'<div class="ln" id="{anchor}"><a class="no" href="#{anchor}">{line.number}</a>'
        f'{gutter}<span class="tx">{"".join(parts)}</span></div>'
    )


def _at_link(release: Release, span: Span | None, prefix: str) -> str:
    if span is None:
        return ""
    line = _line_of(release.source, span)
    return f'<a href="#{prefix}L{line}">{escape(_where(release.source, span))}</a>'


def _field_table(release: Release, rows: Sequence[FieldRow], prefix: str, used: set[str]) -> str:
    out = ['<table class="fields">']
    for row in rows:
        swatch = ""
        if row.kind in used:
            swatch = f'<span class="sw field k-{css_name(row.kind)}"></span>'
        if row.value is not None:
            shown = _short(row.value, 320)
            title = f' title="{escape(row.value)}"' if shown != row.value else ""
            value = f"<span{title}>{escape(shown)}</span>"
        else:
            value = "—"
            if row.raw:
                value += f' <span class="raw" title="raw text">“{escape(row.raw)}”</span>'
        absent = ' class="absent"' if row.value is None else ""
        out.append(
            f"<tr{absent}><th>{swatch}{escape(row.key)}</th><td>{value}</td>"
            f'<td class="at">{_at_link(release, row.span, prefix)}</td></tr>'
        )
    out.append("</table>")
    return "".join(out)


def _defect_list(release: Release, prefix: str) -> str:
    if not release.defects:
        return '<p class="muted">None.</p>'
    out = ['<ol class="defects">']
    for i, defect in enumerate(release.defects, 1):
        severity = defect.severity.value
        out.append(
            f'<li id="{prefix}d{i}"><span class="num">{i}</span>'
            f'<span class="sev sev-{css_name(severity)}">{escape(severity)}</span> '
            f"<code>{escape(defect.code)}</code> "
            f"<small>at {_at_link(release, Span(defect.span.start, defect.span.start), prefix)}"
            f'</small><span class="msg">{escape(defect.message)}</span></li>'
        )
    out.append("</ol>")
    return "".join(out)


def _legend(
    release: Release, regions: Sequence[str], marks: Sequence[str], lines: Sequence[_Line]
) -> str:
    region_items = "".join(
        f'<li><span class="sw k-{css_name(kind)}"></span>{escape(kind)}</li>' for kind in regions
    )
    field_items = "".join(
        f'<li><span class="sw field k-{css_name(kind)}"></span>'
        f"{escape(_MARK_NAMES.get(kind, kind))}</li>"
        for kind in marks
    )
    other = []
    severities = {piece.bad for line in lines for piece in line.pieces if piece.bad}
    for severity in ("error", "warning"):
        if severity in severities:
            other.append(
                f'<li><span class="bad bad-{severity}">text</span> {severity} defect span</li>'
            )
    used = dict.fromkeys(d.severity.value for d in release.defects)
    for severity in ("error", "warning", "info"):
        if severity in used:
            other.append(
                f'<li><span class="pin sev-{severity}">n</span> {severity} defect n '
                "(where found)</li>"
            )
    if unsafe_runs(_LINE_BREAK.sub("", release.source)):
        other.append('<li><span class="ctl">\\x1b</span> control character, shown as text</li>')
    out = [
        '<h3>Regions <small class="muted">(background, gutter)</small></h3>',
        f'<ul class="legend">{region_items}</ul>',
    ]
    if field_items:
        out += [
            '<h3>Fields <small class="muted">(underlined)</small></h3>',
            f'<ul class="legend">{field_items}</ul>',
        ]
    if other:
        out += ['<h3>Defects</h3><ul class="legend one">', *other, "</ul>"]
    return "".join(out)


def explain_fragment(release: Release, *, prefix: str = "") -> Fragment:
    """The explain view's body (source beside field table, defects and legend) as HTML.

    ``prefix`` starts every ``id`` of the fragment so that several can share a page; the
    page needs ``EXPLAIN_CSS`` and ``colour_css(fragment.kinds)``.
    """
    marks = _marks(release)
    lines = _layout(release, marks)
    region_kinds = tuple(
        dict.fromkeys(
            [k for line in lines for k in line.kinds]
            + [p.kind for line in lines for p in line.pieces if p.kind]
        )
    )
    used_marks = {mark.kind for mark in marks}
    mark_kinds = tuple(
        k for k in dict.fromkeys((*FIELD_COLOURS, *sorted(used_marks))) if k in used_marks
    )
    rows = field_rows(release)
    extras = extra_rows(release)
    side = [
        "<h2>Fields</h2>",
        _field_table(release, rows, prefix, used_marks),
        '<p class="muted"><small>Positions are line:column of the first and last '
        "character.</small></p>",
    ]
    if extras:
        side += ["<h2>Extras</h2>", _field_table(release, extras, prefix, used_marks)]
    side += [
        f"<h2>Defects ({len(release.defects)})</h2>",
        _defect_list(release, prefix),
        "<h2>Legend</h2>",
        _legend(release, region_kinds, mark_kinds, lines),
    ]
    source_lines = "\n".join(_html_line(release, line, prefix) for line in lines)
    body = (
        '<div class="explain">'
        f'<section class="ex-src"><div class="cap">Source · {len(lines):,} lines · '
        f"{len(release.source):,} characters · gutter: region kinds</div>\n{source_lines}"
        f'</section><aside class="ex-side">{"".join(side)}</aside></div>'
    )
    kinds = tuple(dict.fromkeys((*region_kinds, *mark_kinds, *(r.kind for r in rows))))
    return Fragment(body, kinds)


def summary_line(release: Release) -> str:
    """One line about a release: its title, its date and its defects (plain text)."""
    header = release.header
    title = _short(header.title, 140) if header.title else "(no title)"
    date = header.date.isoformat() if header.date else "no date"
    return f"{title} · {date} · {_defect_summary(release)}"


def explain_html(release: Release, *, name: str) -> str:
    """A self-contained HTML page explaining ``release``; ``name`` heads it (escaped).

    The source is on the left with regions as background colours and fields underlined,
    each carrying a tooltip with its name and value; the field table, the defects and a
    legend of every colour are beside it. Nothing from the input is trusted: all of it is
    escaped and its control characters are shown as text.
    """
    fragment = explain_fragment(release)
    body = (
        f"<header><h1>{escape(name)}</h1>"
        f'<p class="lede">{escape(summary_line(release))}</p></header>\n{fragment.html}'
    )
    return page(
        f"{name} — releaseparse explain",
        body,
        css=(EXPLAIN_CSS, colour_css(fragment.kinds), _severity_css()),
    )


def _severity_css() -> str:
    return "".join(
        f".pin.sev-{name}{{background:{colour}}}" for name, colour in SEVERITY_COLOURS.items()
    )
