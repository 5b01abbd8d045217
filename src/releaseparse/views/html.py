"""Shared pieces of the HTML views: safe text, the colour palette, the page skeleton, SVG charts."""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Sequence

import attrs

# Characters a terminal or a browser could act on, or that are invisible: C0 and C1
# controls, DEL, format characters (zero-width, bidirectional overrides, tags), line and
# paragraph separators and lone surrogates. Tab is kept only where asked for.
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\ud800-\udfff]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, *, keep_tabs: bool = False, ascii: bool = False) -> str:
    r"""``text`` with every control, format or separator character shown as visible text.

    C0 controls become their U+2400 symbols (``␛`` for ESC, ``␊`` for a line feed, ``␉``
    for a tab unless ``keep_tabs``), DEL becomes ``␡`` and the others (C1 controls,
    zero-width and bidirectional marks, lone surrogates) escape text such as ``\x9b`` or
    ``\u202e``: nothing left can move a terminal's cursor, change its colours or reorder
    what a reader sees. With ``ascii`` every one of them is escape text (``\x1b``, ``\t``),
    which any font can draw.
    """
    if ascii:
        shown = _UNSAFE.sub(_escaped, text)
        return shown if keep_tabs else shown.replace("\t", "\\t")
    shown = _UNSAFE.sub(_shown, text)
    return shown if keep_tabs else shown.replace("\t", "\u2409")


def unsafe_runs(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of the characters ``visible`` replaces (tab excluded)."""
    return [m.span() for m in _UNSAFE.finditer(text)]


def escape(text: str, *, keep_tabs: bool = False) -> str:
    """``text`` made visible as escape text and escaped for HTML text and attribute values.

    ``&``, ``<``, ``>`` and ``"`` are escaped (every attribute here is double-quoted);
    apostrophes stay as they are, so text reads the same in the page's source.
    """
    shown = visible(text, keep_tabs=keep_tabs, ascii=True)
    return html.escape(shown, quote=False).replace('"', "&quot;")


def css_name(kind: str) -> str:
    """A CSS class-safe form of a field or region kind (``note_type`` stays as it is)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", kind) or "_"


# -- colour palette ------------------------------------------------------------------------


@attrs.frozen
class Colour:
    """A palette entry: ``strong`` for outlines, bars and text, ``tint`` for backgrounds."""

    strong: str
    tint: str
    mark: str


def _mix(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed with white: ``amount`` 1 keeps it, 0 gives white."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _colour(strong: str, tint: float = 0.14, mark: float = 0.32) -> Colour:
    return Colour(strong, _mix(strong, tint), _mix(strong, mark))


def _grey(tint: str, strong: str = "#6b6b6b") -> Colour:
    return Colour(strong, tint, tint)


# Okabe & Ito's colour-blind-safe set first, then Paul Tol's muted set. Neighbours in a
# header (category and title, name and role, time and zone) get far-apart hues.
FIELD_COLOURS: dict[str, Colour] = {
    "title": _colour("#0072b2"),
    "category": _colour("#e69f00"),
    "note_type": _colour("#009e73"),
    "office": _colour("#cc79a7"),
    "speaker": _colour("#d55e00"),
    "role": _colour("#56b4e9"),
    "venue": _colour("#999933"),
    "place": _colour("#882255"),
    "date": _colour("#332288"),
    "time": _colour("#44aa99"),
    "time_zone": _colour("#cc6677"),
    "turn": _colour("#aa4499"),
    "extra": _colour("#ddcc77", 0.3, 0.6),
}

#: Background colours of regions that are no header field (header fields use their field's).
REGION_COLOURS: dict[str, Colour] = {
    "body": _grey("#f3f1ea", "#8a7f62"),
    "blank": _grey("#ffffff", "#b0b0b0"),
    "chrome": _grey("#e3e3e3"),
    "preamble": _grey("#ece3d0", "#8a7350"),
    "header": _grey("#e6e6f2", "#5f5f8a"),
    "dateline": FIELD_COLOURS["date"],
    "marker": _grey("#dcecef", "#4c7c86"),
    "caption": _grey("#dcecef", "#4c7c86"),
    "trailer": _grey("#e3e3e3"),
    "disclaimer": _grey("#ece6f3", "#6e5a8a"),
    "other_release": _grey("#dedede", "#555555"),
    "unclaimed": _grey("#f9d3d3", "#b03030"),
    "unparsed": _grey("#f9d3d3", "#b03030"),
}

#: Extra hues for kinds the palette does not know (custom extractors), picked by a stable hash.
_SPARE = ("#88ccee", "#117733", "#ddaa33", "#bb5566", "#004488", "#997700")

SEVERITY_COLOURS: dict[str, str] = {"error": "#c0392b", "warning": "#b86e00", "info": "#4a6f8a"}


def colour_of(kind: str) -> Colour:
    """The stable colour of a field or region kind (the same for a field and its region)."""
    if kind in REGION_COLOURS:
        return REGION_COLOURS[kind]
    if kind in FIELD_COLOURS:
        return FIELD_COLOURS[kind]
    return _colour(_SPARE[zlib.crc32(kind.encode("utf-8", "replace")) % len(_SPARE)])


def colour_css(kinds: Sequence[str]) -> str:
    """CSS custom properties (``--c`` strong, ``--t`` tint, ``--m`` mark) for ``.k-KIND``."""
    rules = []
    for kind in dict.fromkeys(kinds):
        c = colour_of(kind)
        rules.append(f".k-{css_name(kind)}{{--c:{c.strong};--t:{c.tint};--m:{c.mark}}}")
    return "\n".join(rules)


# -- page skeleton -------------------------------------------------------------------------

BASE_CSS = """
:root{color-scheme:light;--ink:#1d232b;--muted:#5e6875;--line:#d9dde3;--paper:#ffffff;
--wash:#f6f7f9;--accent:#0b5cad;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans",
sans-serif;
--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;font-family:var(--sans);color:var(--ink);background:var(--wash);line-height:1.45}
a{color:var(--accent)}
h1{font-size:1.45rem;margin:0 0 .2rem;overflow-wrap:anywhere}
h2{font-size:1.08rem;margin:1.4rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
.page{max-width:1500px;margin:0 auto;padding:1.2rem 1.5rem 3rem}
.lede{color:var(--muted);margin:.1rem 0 1rem;overflow-wrap:anywhere}
.panel{background:var(--paper);border:1px solid var(--line);border-radius:8px;
padding:.9rem 1.1rem;margin:0 0 1rem}
.muted{color:var(--muted)}
.chart{display:block;max-width:100%;height:auto}
.chart text{font-family:var(--sans)}
table{border-collapse:collapse}
code,.mono{font-family:var(--mono);font-size:.92em}
.sev{display:inline-block;min-width:4.6em;padding:0 .35em;border-radius:3px;color:#fff;
font-size:.78rem;font-weight:600;text-align:center;text-transform:uppercase;letter-spacing:.02em}
.sev-error{background:#c0392b}.sev-warning{background:#b86e00}.sev-info{background:#4a6f8a}
.sw{display:inline-block;width:1.05em;height:1.05em;border-radius:3px;vertical-align:-.18em;
margin-right:.4em;background:var(--t);border:2px solid var(--c)}
.sw.field{background:var(--m);border:0;box-shadow:inset 0 -3px 0 var(--c)}
"""


def page(title: str, body: str, *, css: Sequence[str] = ()) -> str:
    """A complete, self-contained HTML page: ``title`` is escaped, ``body`` is trusted HTML."""
    styles = "\n".join((BASE_CSS, *css))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{styles}</style>\n</head>\n"
        f'<body>\n<div class="page">\n{body}\n</div>\n</body>\n</html>\n'
    )


# -- charts --------------------------------------------------------------------------------


@attrs.frozen
class Bar:
    """One bar of ``bar_chart``: its label, its value, its colour and a note after the number.

    ``link``, when given, is the id of an element of the page: the bar leads there.
    """

    label: str
    value: int
    colour: str = "#0072b2"
    note: str = ""
    link: str = ""


def _fit(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _text_width(text: str, size: float) -> float:
    """A generous estimate of how wide ``text`` renders in a sans-serif font of ``size`` px."""
    return len(text) * size * 0.6


def bar_chart(bars: Sequence[Bar], *, total: int | None = None, width: int = 620) -> str:
    """Horizontal bars as inline SVG, each labelled with its count (and share of ``total``)."""
    if not bars:
        return '<p class="muted">None.</p>'
    row, size = 24, 13.0
    labels = [_fit(bar.label, 34) for bar in bars]
    label_w = min(270, max(60, int(max(_text_width(t, size) for t in labels)) + 12))
    texts = []
    for bar in bars:
        shown = f"{bar.value:,}"
        if total:
            shown += f"  ({100 * bar.value / total:.1f}%)"
        if bar.note:
            shown += f"  · {bar.note}"
        texts.append(shown)
    text_w = int(max(_text_width(t, 12) for t in texts)) + 14
    room = max(120, width - label_w - text_w)
    top = max(total or 0, *(bar.value for bar in bars)) or 1
    height = row * len(bars) + 6
    out = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (bar, label, shown) in enumerate(zip(bars, labels, texts, strict=True)):
        y = 3 + i * row
        length = room * bar.value / top
        if bar.link:
            out.append(f'<a href="#{escape(bar.link)}" class="bar">')
        out.append(f"<g><title>{escape(bar.label)}: {escape(shown)}</title>")
        out.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="{size}" '
            f'fill="#1d232b">{escape(label)}</text>'
        )
        if total:
            out.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{room:.1f}" height="{row - 6}" '
                'fill="#eef0f3" rx="2"/>'
            )
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{max(length, 1.5):.1f}" '
            f'height="{row - 6}" fill="{bar.colour}" rx="2"/>'
        )
        text_x = label_w + (room if total else length) + 6
        out.append(
            f'<text x="{text_x:.1f}" y="{y + 16}" font-size="12" fill="#1d232b">'
            f"{escape(shown)}</text></g>"
        )
        if bar.link:
            out.append("</a>")
    out.append("</svg>")
    return "".join(out)


@attrs.frozen
class Column:
    """One column of ``column_chart``: its value, its tick label and its axis group label."""

    value: int
    tick: str
    group: str = ""
    tooltip: str = ""


def column_chart(
    columns: Sequence[Column], *, colour: str = "#0072b2", width: int = 960, height: int = 230
) -> str:
    """Vertical columns as inline SVG with the count above each one; zero columns stay visible.

    A column whose ``group`` differs from the previous one starts a new group: the group
    label (a year, say) is written under its first tick and a faint rule separates groups.
    """
    if not columns:
        return '<p class="muted">None.</p>'
    left, right, bottom = 8, 8, 40
    step = (width - left - right) / len(columns)
    gap = max(1.0, min(6.0, step * 0.18))
    top_value = max(column.value for column in columns) or 1
    numbers = [f"{column.value:,}" for column in columns]
    upright = all(_text_width(n, 11) <= step + 2 for n in numbers)
    head = 18 if upright else int(max(_text_width(n, 11) for n in numbers)) + 10
    plot = height - head - bottom
    out = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{left}" x2="{width - right}" y1="{head + plot + 0.5}" '
        f'y2="{head + plot + 0.5}" stroke="#9aa3ad"/>',
    ]
    tick_room = step >= _text_width("Mmm", 10.5)
    previous_group: str | None = None
    for i, (column, number) in enumerate(zip(columns, numbers, strict=True)):
        x = left + i * step
        mid = x + step / 2
        tall = plot * column.value / top_value
        tip = column.tooltip or f"{column.tick} {column.group}: {number}"
        out.append(f"<g><title>{escape(tip)}</title>")
        if column.value:
            out.append(
                f'<rect x="{x + gap / 2:.1f}" y="{head + plot - tall:.1f}" '
                f'width="{step - gap:.1f}" height="{tall:.1f}" fill="{colour}" rx="1.5"/>'
            )
        else:
            out.append(
                f'<rect x="{x + gap / 2:.1f}" y="{head + plot - 3:.1f}" width="{step - gap:.1f}" '
                'height="3" fill="#e3e6ea"/>'
            )
        fill = "#1d232b" if column.value else "#9aa3ad"
        y_text = head + plot - tall - 4
        if upright:
            out.append(
                f'<text x="{mid:.1f}" y="{y_text:.1f}" text-anchor="middle" font-size="11" '
                f'fill="{fill}">{number}</text>'
            )
        else:
            out.append(
                f'<text transform="translate({mid + 4:.1f},{y_text:.1f}) rotate(-90)" '
                f'font-size="11" fill="{fill}">{number}</text>'
            )
        if tick_room:
            out.append(
                f'<text x="{mid:.1f}" y="{head + plot + 15}" text-anchor="middle" '
                f'font-size="10.5" fill="#5e6875">{escape(column.tick)}</text>'
            )
        if column.group != previous_group:
            if previous_group is not None:
                out.append(
                    f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{head}" y2="{head + plot + 34}" '
                    'stroke="#d9dde3" stroke-dasharray="3 3"/>'
                )
            out.append(
                f'<text x="{x + 2:.1f}" y="{head + plot + 32}" font-size="11.5" '
                f'font-weight="600" fill="#1d232b">{escape(column.group)}</text>'
            )
            previous_group = column.group
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
