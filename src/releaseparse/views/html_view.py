"""The HTML explain view: a release's source beside its field table, defects and legend."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from releaseparse.records import Release, Span
from releaseparse.views import layout
from releaseparse.views.html import (
    SEVERITY_COLOURS,
    colour_css,
    css_name,
    escape,
    page,
    unsafe_runs,
)

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
table.fields .conf{white-space:nowrap;font-size:.74rem;font-weight:600;color:var(--muted)}
table.fields .conf-sure{color:#00795a}
table.fields .conf-unsure{color:#b86e00}
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

#: The background of each severity's defect pins.
SEVERITY_PIN_CSS = "".join(
    f".pin.sev-{name}{{background:{colour}}}" for name, colour in SEVERITY_COLOURS.items()
)


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


def _html_line(release: Release, line: layout.Line, prefix: str) -> str:
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
            tip = escape(f"{mark.label}: {layout.short(mark.value, 300)}")
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
    line = layout.line_of(release.source, span)
    return f'<a href="#{prefix}L{line}">{escape(layout.where(release.source, span))}</a>'


def _row_place(release: Release, row: layout.FieldRow, prefix: str) -> str:
    """A field row's place: a link to its line, or a note that metadata gave it."""
    if row.span is None and row.from_metadata:
        return '<span class="muted" title="given beside the text, not read from it">metadata</span>'
    return _at_link(release, row.span, prefix)


def _conf_cell(row: layout.FieldRow) -> str:
    """The confidence cell of a field row: its level, or empty when it is not rated."""
    if row.confidence is None:
        return '<td class="conf"></td>'
    level = row.confidence.value
    return f'<td class="conf conf-{level}" title="confidence: {level}">{level}</td>'


def _field_table(
    release: Release,
    rows: Sequence[layout.FieldRow],
    prefix: str,
    used: set[str],
    *,
    rated: bool = False,
) -> str:
    out = ['<table class="fields">']
    for row in rows:
        swatch = ""
        if row.kind in used:
            swatch = f'<span class="sw field k-{css_name(row.kind)}"></span>'
        if row.value is not None:
            shown = layout.short(row.value, 320)
            title = f' title="{escape(row.value)}"' if shown != row.value else ""
            value = f"<span{title}>{escape(shown)}</span>"
        else:
            value = "—"
            if row.raw:
                value += f' <span class="raw" title="raw text">“{escape(row.raw)}”</span>'
        absent = ' class="absent"' if row.value is None else ""
        level = _conf_cell(row) if rated else ""
        out.append(
            f"<tr{absent}><th>{swatch}{escape(row.key)}</th><td>{value}</td>{level}"
            f'<td class="at">{_row_place(release, row, prefix)}</td></tr>'
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
    release: Release, regions: Sequence[str], marks: Sequence[str], lines: Sequence[layout.Line]
) -> str:
    region_items = "".join(
        f'<li><span class="sw k-{css_name(kind)}"></span>{escape(kind)}</li>' for kind in regions
    )
    field_items = "".join(
        f'<li><span class="sw field k-{css_name(kind)}"></span>'
        f"{escape(layout.MARK_NAMES.get(kind, kind))}</li>"
        for kind in marks
    )
    other = []
    severities = layout.bad_severities(lines)
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
    if unsafe_runs(layout.LINE_BREAK.sub("", release.source)):
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
    page needs ``EXPLAIN_CSS``, ``SEVERITY_PIN_CSS`` and ``colour_css(fragment.kinds)``.
    """
    marks = layout.marks_of(release)
    lines = layout.lines_of(release, marks)
    region_kinds = tuple(
        dict.fromkeys(
            [k for line in lines for k in line.kinds]
            + [p.kind for line in lines for p in line.pieces if p.kind]
        )
    )
    used_marks = {mark.kind for mark in marks}
    shown_marks = layout.mark_kinds(marks)
    rows = layout.field_rows(release)
    extras = layout.extra_rows(release)
    rated = bool(release.confidence)
    note = "Positions are line:column of the first and last character."
    if rated:
        note += " Beside each value, how sure the parse is of it (blank: not rated)."
    side = [
        "<h2>Fields</h2>",
        _field_table(release, rows, prefix, used_marks, rated=rated),
        f'<p class="muted"><small>{note}</small></p>',
    ]
    if extras:
        side += [
            "<h2>Extras</h2>",
            _field_table(release, extras, prefix, used_marks, rated=rated),
        ]
    side += [
        f"<h2>Defects ({len(release.defects)})</h2>",
        _defect_list(release, prefix),
        "<h2>Legend</h2>",
        _legend(release, region_kinds, shown_marks, lines),
    ]
    source_lines = "\n".join(_html_line(release, line, prefix) for line in lines)
    body = (
        '<div class="explain">'
        f'<section class="ex-src"><div class="cap">Source · {len(lines):,} lines · '
        f"{len(release.source):,} characters · gutter: region kinds</div>\n{source_lines}"
        f'</section><aside class="ex-side">{"".join(side)}</aside></div>'
    )
    kinds = tuple(dict.fromkeys((*region_kinds, *shown_marks, *(r.kind for r in rows))))
    return Fragment(body, kinds)


def _defect_summary(release: Release) -> str:
    counts = dict.fromkeys(("error", "warning", "info"), 0)
    for defect in release.defects:
        counts[defect.severity.value] = counts.get(defect.severity.value, 0) + 1
    total = len(release.defects)
    if not total:
        return "no defects"
    # "info" stays as it is: 2 errors, 2 warnings, 2 info.
    parts = ", ".join(
        f"{n} {name}{'s' * (n != 1 and name != 'info')}" for name, n in counts.items() if n
    )
    return f"{total} defect{'s' * (total != 1)} ({parts})"


def summary_line(release: Release) -> str:
    """One line about a release: its title, its date and its defects (plain text)."""
    header = release.header
    title = layout.short(header.title, 140) if header.title else "(no title)"
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
        css=(EXPLAIN_CSS, colour_css(fragment.kinds), SEVERITY_PIN_CSS),
    )
