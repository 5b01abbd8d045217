"""The terminal explain view: a release's field table, then its source with a region gutter."""

from __future__ import annotations

from collections.abc import Iterator

from wcwidth import wcswidth, wcwidth

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


def clusters(text: str) -> Iterator[tuple[str, int]]:
    """``text`` as runs a terminal draws as one (a character and the zero-width ones after it).

    Each comes with its width in terminal columns, as wcwidth measures it: 2 for wide
    characters (CJK, most emoji, an emoji made wide by U+FE0F), 0 for a lone combining mark.
    ``unicodedata``'s East Asian width knows nothing of zero-width or emoji presentation.
    A character wcwidth cannot measure (a control, which ``visible`` has replaced) counts 1.
    """
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and wcwidth(text[index]) == 0:
            continue
        run = text[start:index]
        if run:
            yield run, max(wcswidth(run), 0) if wcwidth(run[0]) >= 0 else 1
        start = index


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (see ``clusters``)."""
    return sum(width for _, width in clusters(text))


def clip(text: str, columns: int) -> str:
    """``text`` cut to at most ``columns`` terminal columns, with ``…`` where it was cut."""
    if display_width(text) <= columns:
        return text
    kept: list[str] = []
    used = 0
    for run, width in clusters(text):
        if used + width > columns - 1:
            break
        kept.append(run)
        used += width
    return "".join(kept) + "…"


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in rows of at most ``columns`` terminal columns, broken at spaces if it can."""
    rows: list[str] = []
    row = ""
    for word in text.split(" "):
        candidate = f"{row} {word}" if row else word
        if display_width(candidate) <= columns or not row:
            row = candidate
        else:
            rows.append(row)
            row = word
        while display_width(row) > columns:  # a word longer than a row: cut it
            head = clip(row, columns + 1)[:-1]
            rows.append(head)
            row = row[len(head) :]
    return [*rows, row]


#: How wide the confidence column is (the longest level, ``unsure``).
_LEVEL_WIDTH = max(len(level.value) for level in Confidence)


def _value(row: layout.FieldRow, room: int | None = None) -> str:
    """A row's value as shown, or a dash (and its raw text, if any) when it has none.

    ``room``, when given, is how many terminal columns it may take (it is cut to fit).
    """
    if row.value is not None:
        shown = visible(layout.short(row.value, 110))
    else:
        shown = "—" + (f"  (raw text: {visible(row.raw)})" if row.raw else "")
    return shown if room is None else clip(shown, room)


def _level(row: layout.FieldRow, color: bool) -> str:
    """The confidence column of a row: its level (unsure in the warning colour), else blank."""
    if row.confidence is None:
        return " " * (_LEVEL_WIDTH + 2)
    text = row.confidence.value.ljust(_LEVEL_WIDTH)
    if color and row.confidence is Confidence.UNSURE:
        text = SEVERITY_ANSI["warning"] + text + RESET
    return text + "  "


#: The fewest columns a value, a defect message or a source row is given, however narrow.
_MIN_ROOM = 12


def _room(width: int | None, used: int) -> int | None:
    """The columns left of ``width`` after ``used`` (``None``: no limit)."""
    return None if width is None else max(_MIN_ROOM, width - used)


def _text_fields(release: Release, color: bool, used: set[str], width: int | None) -> list[str]:
    out = [styled("Fields", BOLD, color)]
    rows = layout.field_rows(release)
    extras = layout.extra_rows(release)
    rated = any(row.confidence is not None for row in (*rows, *extras))
    name_w = max(len(row.key) for row in rows)
    places = [layout.where_row(release.source, row) for row in rows]
    where_w = max(len(place) for place in places)
    level_w = _LEVEL_WIDTH + 2 if rated else 0
    room = _room(width, 2 + name_w + 2 + where_w + 2 + level_w)
    for row, at in zip(rows, places, strict=True):
        name = row.key.ljust(name_w)
        if color and row.kind in used:
            name = highlight(row.kind) + row.key + RESET + " " * (name_w - len(row.key))
        elif color and row.value is None:
            name = DIM + name + RESET
        level = _level(row, color) if rated else ""
        out.append(f"  {name}  {at.ljust(where_w)}  {level}{_value(row, room)}".rstrip())
    if extras:
        out += ["", styled("Extras", BOLD, color)]
        key_w = max(len(visible(row.key)) for row in extras)
        room = _room(width, 2 + key_w + 2 + where_w + 2 + level_w)
        for row in extras:
            at = layout.where(release.source, row.span)
            level = _level(row, color) if rated else ""
            key = visible(row.key).ljust(key_w)
            out.append(f"  {key}  {at:<{where_w}}  {level}{_value(row, room)}".rstrip())
    out += ["", styled("Defects", BOLD, color)]
    if not release.defects:
        out.append("  none")
    code_w = max((len(visible(d.code)) for d in release.defects), default=0)
    indent = 2 + 7 + 2 + code_w + 2 + 7 + 2
    room = _room(width, indent)
    for defect in release.defects:
        severity = defect.severity.value.ljust(7)
        if color:
            severity = SEVERITY_ANSI.get(defect.severity.value, "") + severity + RESET
        at = layout.where(release.source, Span(defect.span.start, defect.span.start))
        message = visible(defect.message)
        first, *rest = [message] if room is None else wrap(message, room)
        out.append(f"  {severity}  {visible(defect.code).ljust(code_w)}  {at:<7}  {first}")
        out += [" " * indent + more for more in rest]
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
    last character. ``width``, when given, is the terminal's: source lines and defect
    messages are wrapped and field values cut to fit that many columns, each character
    measured as the terminal draws it (wide CJK and emoji take two, see ``clusters``).
    """
    source = release.source
    marks = layout.marks_of(release)
    used = {mark.kind for mark in marks}
    lines = layout.lines_of(release, marks)
    out = _text_fields(release, color, used, width)
    out += ["", styled("Source", BOLD, color)]
    if color:
        legend = [
            (highlight(k), " " + layout.MARK_NAMES.get(k, k) + " ")
            for k in layout.mark_kinds(marks)
        ]
        bad = layout.bad_severities(lines)
        legend += [(BAD_ANSI[s], f"{s} defect") for s in ("error", "warning") if s in bad]
        out += _legend(legend, width)
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


def _legend(items: list[tuple[str, str]], width: int | None) -> list[str]:
    """The colour legend's rows: each (style, name) item in its style, as many as fit.

    A row holds as many items as ``width`` has room for; all of them when it is ``None``.
    """
    rows: list[str] = []
    row, used = "  legend:", len("  legend:")
    for style, name in [*items, ("", "  (gutter: region kinds)")]:
        if width is not None and used + 1 + len(name) > width and used > len("  legend:"):
            rows.append(row)
            row, used = " " * len("  legend:"), len("  legend:")
        row += " " + (style + name + RESET if style else name)
        used += 1 + len(name)
    return [*rows, row]


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
        for run, width in clusters(visible(source[piece.start : piece.end], keep_tabs=True)):
            tab = run.startswith("\t")
            step = 8 - column % 8 if tab else width
            if room is not None and column and column + step > room:
                rows.append("".join(current) + (RESET if style else ""))
                current = [gutter(more), style]
                column = 0
                step = 8 if tab else step
            current.append(" " * step + run[1:] if tab else run)
            column += step
        if style:
            current.append(RESET)
    if not line.pieces:
        return [styled(head, DIM, color)]
    rows.append("".join(current))
    return rows
