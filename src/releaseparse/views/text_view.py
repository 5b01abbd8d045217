"""The terminal explain view: a release's field table, then its source with a region gutter."""

from __future__ import annotations

import unicodedata

from releaseparse.records import Confidence, Release, Span
from releaseparse.views import layout
from releaseparse.views.ansi import (
    BAD_ANSI,
    BOLD,
    DIM,
    RESET,
    SEVERITY_ANSI,
    highlight,
    styled,
)
from releaseparse.views.html import visible


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


#: How wide the confidence column is (the longest level, ``unsure``).
_LEVEL_WIDTH = max(len(level.value) for level in Confidence)


def _value(row: layout.FieldRow) -> str:
    """A row's value as shown, or a dash (and its raw text, if any) when it has none."""
    if row.value is not None:
        return visible(layout.short(row.value, 110))
    return "—" + (f"  (raw text: {visible(row.raw)})" if row.raw else "")


def _level(row: layout.FieldRow, color: bool) -> str:
    """The confidence column of a row: its level (unsure in the warning colour), else blank."""
    if row.confidence is None:
        return " " * (_LEVEL_WIDTH + 2)
    text = row.confidence.value.ljust(_LEVEL_WIDTH)
    if color and row.confidence is Confidence.UNSURE:
        text = SEVERITY_ANSI["warning"] + text + RESET
    return text + "  "


def _text_fields(release: Release, color: bool, used: set[str]) -> list[str]:
    out = [styled("Fields", BOLD, color)]
    rows = layout.field_rows(release)
    extras = layout.extra_rows(release)
    rated = any(row.confidence is not None for row in (*rows, *extras))
    name_w = max(len(row.key) for row in rows)
    places = [layout.where(release.source, row.span) for row in rows]
    where_w = max(len(place) for place in places)
    for row, at in zip(rows, places, strict=True):
        name = row.key.ljust(name_w)
        if color and row.kind in used:
            name = highlight(row.kind) + row.key + RESET + " " * (name_w - len(row.key))
        elif color and row.value is None:
            name = DIM + name + RESET
        level = _level(row, color) if rated else ""
        out.append(f"  {name}  {at.ljust(where_w)}  {level}{_value(row)}".rstrip())
    if extras:
        out += ["", styled("Extras", BOLD, color)]
        key_w = max(len(visible(row.key)) for row in extras)
        for row in extras:
            at = layout.where(release.source, row.span)
            level = _level(row, color) if rated else ""
            out.append(
                f"  {visible(row.key).ljust(key_w)}  {at:<{where_w}}  {level}{_value(row)}".rstrip()
            )
    out += ["", styled("Defects", BOLD, color)]
    if not release.defects:
        out.append("  none")
    code_w = max((len(visible(d.code)) for d in release.defects), default=0)
    for defect in release.defects:
        severity = defect.severity.value.ljust(7)
        if color:
            severity = SEVERITY_ANSI.get(defect.severity.value, "") + severity + RESET
        at = layout.where(release.source, Span(defect.span.start, defect.span.start))
        out.append(
            f"  {severity}  {visible(defect.code).ljust(code_w)}  {at:<7}  "
            f"{visible(defect.message)}"
        )
    return out


def explain_text(release: Release, *, color: bool, width: int | None = None) -> str:
    """A terminal view of ``release``: the field table, then the source with a region gutter.

    When the record rates any field (``Release.confidence``), the field table shows each
    field's level between its position and its value (blank for a field not rated).

    Each source line is prefixed by its number and the region kind(s) it holds; with
    ``color`` each field's characters are highlighted in its colour (a legend line names
    them) and error and warning defects are underlined. Without ``color`` the result holds
    no escape sequence at all. Control characters of the source are shown as visible text
    (``␛``), never passed through. Spans are given as ``line:column`` of their first and
    last character. ``width``, when given, wraps source lines to that many columns.
    """
    source = release.source
    marks = layout.marks_of(release)
    used = {mark.kind for mark in marks}
    lines = layout.lines_of(release, marks)
    out = _text_fields(release, color, used)
    out += ["", styled("Source", BOLD, color)]
    if color:
        legend = [
            highlight(k) + " " + layout.MARK_NAMES.get(k, k) + " " + RESET
            for k in layout.mark_kinds(marks)
        ]
        bad = layout.bad_severities(lines)
        legend += [BAD_ANSI[s] + f"{s} defect" + RESET for s in ("error", "warning") if s in bad]
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
    source: str, line: layout.Line, color: bool, room: int | None, head: str, more: str
) -> list[str]:
    """One source line as terminal rows: gutter, then its text, wrapped at ``room`` if given."""

    def gutter(text: str) -> str:
        return styled(text, DIM, color) + " "

    rows: list[str] = []
    current = [gutter(head)]
    column = 0
    for piece in line.pieces:
        style = ""
        if color and piece.mark:
            style = highlight(piece.mark.kind)
        if color and piece.bad:
            style += BAD_ANSI.get(piece.bad, "")
        current.append(style)
        for char in visible(source[piece.start : piece.end], keep_tabs=True):
            step = 8 - column % 8 if char == "\t" else _char_width(char)
            if room is not None and column and column + step > room:
                rows.append("".join(current) + (RESET if style else ""))
                current = [gutter(more), style]
                column = 0
                step = 8 if char == "\t" else step
            current.append(" " * step if char == "\t" else char)
            column += step
        if style:
            current.append(RESET)
    if not line.pieces:
        return [styled(head, DIM, color)]
    rows.append("".join(current))
    return rows
