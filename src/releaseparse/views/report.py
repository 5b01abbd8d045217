"""A one-page HTML report over many outcomes, counted in one streaming pass."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from releaseparse.groups import WorstGroup
from releaseparse.outcome import ItemId, Outcome
from releaseparse.records import Confidence
from releaseparse.summary import COVERAGE_FIELDS, Summary, counted, summarize
from releaseparse.views.html import (
    SEVERITY_COLOURS,
    Bar,
    Column,
    bar_chart,
    colour_css,
    colour_of,
    column_chart,
    escape,
    page,
)
from releaseparse.views.html_view import (
    EXPLAIN_CSS,
    SEVERITY_PIN_CSS,
    explain_fragment,
    summary_line,
)
from releaseparse.views.layout import short

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Up to this many months the dates are drawn as a column per month, else as a year grid.
MONTH_COLUMNS = 60
#: How many ids the report notes per defect code, missing field and group of worst inputs.
LISTED = 200
#: How many of a list's ids are in view; the others are behind a "more" toggle.
IDS_SHOWN = 5

REPORT_CSS = """
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:.8rem;
margin:0 0 1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.7rem 1rem;
border-top:4px solid var(--c,#9aa3ad)}
.card .num{display:block;font-size:1.9rem;font-weight:700;line-height:1.15;
font-variant-numeric:tabular-nums}
.card .what{font-weight:600}
.card .sub{display:block;color:var(--muted);font-size:.85rem}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:0 1rem}
.panel h2{margin-top:.2rem}
.note{color:var(--muted);font-size:.86rem;margin:.4rem 0 0}
.key{display:inline-flex;gap:1rem;font-size:.85rem;color:var(--muted);margin:0 0 .4rem}
.key i{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.3em;
vertical-align:-.1em}
table.grid{font-size:.82rem;font-variant-numeric:tabular-nums}
table.grid th{font-weight:600;padding:.2em .5em;color:var(--muted)}
table.grid th[scope=row]{text-align:right;color:var(--ink)}
table.grid td{min-width:2.6em;text-align:center;padding:.25em .3em;border:2px solid #fff;
border-radius:4px}
table.grid td.zero{color:#c2c8cf}
table.grid td.total{font-weight:700;background:transparent}
table.grid tr.skip th,table.grid tr.skip td{color:var(--muted);font-style:italic}
table.worst{width:100%;font-size:.88rem}
table.worst th{text-align:left;border-bottom:2px solid var(--line);padding:.35em .5em}
table.worst td{border-bottom:1px solid #eef0f3;padding:.35em .5em;vertical-align:top;
overflow-wrap:anywhere}
table.worst td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.worst code{font-size:.8rem;display:inline-block;margin:0 .3em .1em 0}
.detail{border-top:3px solid var(--line);margin-top:1.6rem;padding-top:.4rem}
.detail h3{font-size:1.1rem;overflow-wrap:anywhere}
.detail .rank{display:inline-block;min-width:1.8em;color:var(--muted)}
.detail .top{float:right;font-size:.85rem;font-weight:400}
.failure{background:#fff;border:1px solid #e6b8b3;border-left:5px solid #c0392b;
border-radius:8px;padding:.7rem 1rem}
table.levels{font-size:.88rem;font-variant-numeric:tabular-nums;width:100%}
table.levels th{text-align:left;padding:.25em .6em .25em 0;white-space:nowrap}
table.levels td{text-align:right;padding:.25em .5em;white-space:nowrap}
table.levels td.stack{width:55%;text-align:left}
table.levels tr+tr{border-top:1px solid #eef0f3}
.stack span{display:inline-block;height:.9em;vertical-align:-.1em}
.list{margin:0 0 .7rem;scroll-margin-top:1rem}
.list h3{font-size:.95rem;margin:.2rem 0;font-weight:600}
.list:target{outline:2px solid var(--accent);outline-offset:4px;border-radius:4px}
.ids code{font-size:.8rem;display:inline-block;margin:0 .3em .1em 0;overflow-wrap:anywhere}
.ids details{display:inline}
.ids summary{display:inline;cursor:pointer;color:var(--accent);font-size:.85rem}
svg a.bar{cursor:pointer}
svg a.bar:hover rect{opacity:.8}
.failure pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:var(--mono);
font-size:.86rem;margin:.4rem 0 0}
"""

_COUNT_COLOUR = "#0072b2"

#: The colour of each confidence level in the report's confidence table.
CONFIDENCE_COLOURS = {
    Confidence.SURE: "#009e73",
    Confidence.LIKELY: "#56b4e9",
    Confidence.UNSURE: "#e69f00",
}


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _card(stat: str, label: str, value: int, sub: str, colour: str) -> str:
    return (
        f'<div class="card" style="--c:{colour}" data-stat="{stat}">'
        f'<span class="num">{value:,}</span><span class="what">{escape(label)}</span>'
        f'<span class="sub">{escape(sub)}</span></div>'
    )


def _cards(summary: Summary) -> str:
    parsed = summary.parsed
    return (
        '<section class="cards">'
        + _card(
            "documents",
            "document" if summary.documents == 1 else "documents",
            summary.documents,
            "inputs read",
            "#5e6875",
        )
        + _card(
            "parsed",
            "parsed",
            parsed,
            f"{_pct(parsed, summary.documents)} of documents",
            "#009e73",
        )
        + _card(
            "with_defects",
            "with defects",
            summary.with_defects,
            f"{_pct(summary.with_defects, parsed)} of parsed · {_kinds_of_defects(summary)}",
            "#56b4e9",
        )
        + _card(
            "with_errors",
            "with error defects",
            summary.with_errors,
            f"{_pct(summary.with_errors, parsed)} of parsed · "
            f"{summary.with_warnings:,} with warnings",
            SEVERITY_COLOURS["error"],
        )
        + _card(
            "failed",
            "failed",
            summary.failed,
            f"{_pct(summary.failed, summary.documents)} of documents · no record",
            "#d55e00",
        )
        + "</section>"
    )


def _kinds_of_defects(summary: Summary) -> str:
    if summary.with_defects and not summary.with_errors and not summary.with_warnings:
        return "information only"
    if summary.info_only:
        return f"{summary.info_only:,} information only"
    return "any severity"


def _panel(title: str, body: str, note: str = "", *, stat: str = "") -> str:
    attr = f' data-chart="{stat}"' if stat else ""
    tail = f'<p class="note">{note}</p>' if note else ""
    return f'<section class="panel"{attr}><h2>{escape(title)}</h2>{body}{tail}</section>'


def _coverage(summary: Summary) -> str:
    if not summary.parsed:
        return _panel("Field coverage", '<p class="muted">No parsed records.</p>')
    bars = [
        Bar(
            key,
            summary.coverage[key],
            colour_of("speaker" if key == "speakers" else key).strong,
            link=f"missing-{key}" if _missing(summary, key) else "",
        )
        for key in COVERAGE_FIELDS
    ]
    return _panel(
        "Field coverage",
        bar_chart(bars, total=summary.parsed),
        f"Share of the {counted(summary.parsed, 'parsed record')} in which the field is"
        " present; click a bar for the documents without it.",
        stat="coverage",
    )


def _confidence(summary: Summary) -> str:
    """Per field, how many values were rated sure, likely and unsure (a table with bars)."""
    if not summary.confidence:
        return _panel(
            "Field confidence",
            '<p class="muted">No value is rated in these results (they were written by'
            " extractors that rate nothing, or before records carried confidence).</p>",
            stat="confidence",
        )
    levels = tuple(reversed(Confidence))
    head = "".join(f"<th>{level.value}</th>" for level in levels)
    rows = [f'<table class="levels" data-table="confidence"><tr><th>field</th>{head}<th></th></tr>']
    for name in summary.rated_fields:
        counts = {level: summary.rated(name, level) for level in levels}
        total = sum(counts.values())
        cells = "".join(
            f'<td data-level="{level.value}">{count:,}</td>' for level, count in counts.items()
        )
        stack = "".join(
            f'<span style="width:{100 * count / total:.1f}%;'
            f'background:{CONFIDENCE_COLOURS[level]}" title="{level.value}: {count:,}"></span>'
            for level, count in counts.items()
            if count
        )
        rows.append(
            f'<tr data-field="{escape(name)}"><th>{escape(name)}</th>{cells}'
            f'<td class="stack">{stack}</td></tr>'
        )
    rows.append("</table>")
    key = "".join(
        f'<span><i style="background:{CONFIDENCE_COLOURS[level]}"></i>{level.value}</span>'
        for level in levels
    )
    return _panel(
        "Field confidence",
        f'<div class="key">{key}</div>{"".join(rows)}',
        "How many values of each field the parse rated sure, likely and unsure; a value"
        " no extractor rated is not counted.",
        stat="confidence",
    )


def _defects(summary: Summary) -> str:
    anchors = _code_anchors(summary)
    bars = [
        Bar(
            code,
            summary.defects[code],
            SEVERITY_COLOURS[summary.severities[code].value],
            f"in {counted(summary.defect_releases[code], 'release')}",
            link=anchors[code],
        )
        for code in _codes_by_count(summary)
    ]
    key = "".join(
        f'<span><i style="background:{colour}"></i>{name}</span>'
        for name, colour in SEVERITY_COLOURS.items()
    )
    return _panel(
        "Defect codes",
        f'<div class="key">{key}</div>{bar_chart(bars)}',
        "Occurrences of each code over the parsed records; bar colour is its severity."
        " Click a bar for the documents that hold the code.",
        stat="defects",
    )


def _month_range(months: Counter[tuple[int, int]]) -> list[tuple[int, int]]:
    first, last = min(months), max(months)
    span = []
    year, month = first
    while (year, month) <= last:
        span.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return span


def _shade(value: int, top: int) -> tuple[str, str]:
    amount = 0.12 + 0.88 * (value / top) ** 0.6
    rgb = [round(255 - (255 - c) * amount) for c in (0x00, 0x72, 0xB2)]
    text = "#ffffff" if amount > 0.55 else "#1d232b"
    return "#" + "".join(f"{c:02x}" for c in rgb), text


def _year_grid(months: Counter[tuple[int, int]]) -> str:
    years = sorted({year for year, _ in months})
    top = max(months.values())
    head = "".join(f'<th scope="col">{m}</th>' for m in _MONTHS)
    rows = [f'<table class="grid"><tr><th></th>{head}<th scope="col">Total</th></tr>']
    year = years[0]
    while year <= years[-1]:
        if year not in years:
            gap_end = year
            while gap_end + 1 not in years:
                gap_end += 1
            if gap_end - year >= 2:
                rows.append(
                    f'<tr class="skip"><th scope="row">{year}–{gap_end}</th>'
                    f'<td colspan="13">no releases in these {gap_end - year + 1} years</td></tr>'
                )
                year = gap_end + 1
                continue
        cells = []
        for month in range(1, 13):
            value = months.get((year, month), 0)
            if value:
                back, ink = _shade(value, top)
                cells.append(
                    f'<td style="background:{back};color:{ink}" '
                    f'title="{_MONTHS[month - 1]} {year}: {value:,}">{value:,}</td>'
                )
            else:
                cells.append('<td class="zero">·</td>')
        total = sum(months.get((year, m), 0) for m in range(1, 13))
        rows.append(
            f'<tr><th scope="row">{year}</th>{"".join(cells)}<td class="total">{total:,}</td></tr>'
        )
        year += 1
    rows.append("</table>")
    return "".join(rows)


def _per_month(summary: Summary) -> str:
    dated = summary.parsed - summary.undated
    if not summary.months:
        # No chart to draw: one line says so, where the chart would be.
        return (
            '<p class="note" data-note="months">Releases per month: no dates (none of the'
            f" {counted(summary.parsed, 'parsed record')} has one).</p>"
        )
    verb = "is" if summary.undated == 1 else "are"
    note = (
        f"{counted(dated, 'parsed record')} with a date; {summary.undated:,} without one"
        f" {verb} not counted."
    )
    span = _month_range(summary.months)
    if len(span) <= MONTH_COLUMNS:
        columns = [
            Column(
                summary.months.get((year, month), 0),
                _MONTHS[month - 1],
                str(year),
                f"{_MONTHS[month - 1]} {year}: {summary.months.get((year, month), 0):,}",
            )
            for year, month in span
        ]
        width = min(1300, max(420, 40 * len(columns)))
        body = column_chart(columns, colour=_COUNT_COLOUR, width=width)
        note += " Empty months are drawn as a grey stub."
    else:
        body = _year_grid(summary.months)
        note += f" The dates span {len(span):,} months, so they are laid out a year per row."
    return _panel("Releases per month", body, note, stat="months")


def _note_types(summary: Summary) -> str:
    if not summary.parsed:
        return _panel("Note types", '<p class="muted">No parsed records.</p>')
    colour = colour_of("note_type").strong
    bars = [
        Bar(kind if kind is not None else "(none)", count, colour if kind else "#9aa3ad")
        for kind, count in sorted(
            summary.note_types.items(), key=lambda item: (-item[1], item[0] or "")
        )
    ]
    return _panel("Note types", bar_chart(bars, total=summary.parsed), stat="note_types")


def _failures(summary: Summary) -> str:
    if not summary.failed:
        return _panel("Failures", '<p class="muted">No input failed.</p>', stat="failures")
    bars = [
        Bar(kind, count, SEVERITY_COLOURS["error"])
        for kind, count in sorted(summary.failures.items(), key=lambda item: (-item[1], item[0]))
    ]
    return _panel(
        "Failures",
        bar_chart(bars, total=summary.documents),
        "Exception types of inputs that gave no record; shares are of all documents.",
        stat="failures",
    )


def _group_text(group: WorstGroup) -> str:
    if group.failure is not None:
        return f"failed: {group.failure}"
    _, errors, warnings = group.badness
    parts = [counted(errors, "error code")] if errors else []
    parts += [counted(warnings, "warning code")] if warnings else []
    return ", ".join(parts)


def _id_list(ids: Sequence[ItemId], total: int, links: Mapping[ItemId, str]) -> str:
    """Ids as code, the first ``IDS_SHOWN`` in view and the rest behind a toggle.

    An id shown in full further down (``links``) leads there. When ``total`` is more than
    the ids noted, a last line says how many more there are.
    """

    def one(item: ItemId) -> str:
        shown = f"<code>{escape(str(item))}</code>"
        return f'<a href="#{links[item]}">{shown}</a>' if item in links else shown

    head = " ".join(one(item) for item in ids[:IDS_SHOWN])
    rest = ids[IDS_SHOWN:]
    more = (
        f"<details><summary>{counted(len(rest), 'more id')}</summary>"
        + " ".join(one(item) for item in rest)
        + "</details>"
        if rest
        else ""
    )
    unlisted = total - len(ids)
    tail = (
        f'<span class="muted"> … and {unlisted:,} more, not listed</span>' if unlisted > 0 else ""
    )
    return f'<span class="ids">{head}{more}{tail}</span>'


def _worst_table(groups: Sequence[WorstGroup], links: Mapping[ItemId, str]) -> str:
    if not groups:
        return _panel(
            "Worst inputs", '<p class="muted">No failures and no error or warning defects.</p>'
        )
    rows = [
        '<table class="worst" data-table="worst"><tr><th>#</th><th>Outcome</th>'
        "<th>Defect codes</th><th>Inputs</th><th>Ids</th><th>First of them</th></tr>"
    ]
    for rank, group in enumerate(groups, 1):
        first = group.first
        release = first.release
        if release is None:
            assert first.error is not None
            about = f'<span class="muted">{escape(short(first.error.message, 160))}</span>'
            codes = ""
        else:
            title = release.header.title or "(no title)"
            date = release.header.date.isoformat() if release.header.date else "no date"
            about = f"{escape(short(title, 120))} · {date}"
            codes = "".join(f"<code>{escape(code)}</code>" for code in group.key)
        rows.append(
            f'<tr data-group="{rank}"><td class="n">{rank}</td>'
            f"<td>{escape(_group_text(group))}</td><td>{codes}</td>"
            f'<td class="n">{group.count:,}</td><td>{_id_list(group.ids, group.count, links)}</td>'
            f'<td><a href="#w{rank}">{escape(str(first.id))}</a>: {about}</td></tr>'
        )
    rows.append("</table>")
    return _panel(
        f"Worst inputs ({counted(len(groups), 'group')})",
        "".join(rows),
        "Inputs that failed the same way, or hold the same defect codes, make one group:"
        " failed inputs first, then the groups with more error codes, then more warning codes,"
        " then the larger. The first input of each group is shown in full below.",
    )


def _details(groups: Sequence[WorstGroup]) -> tuple[str, tuple[str, ...]]:
    parts: list[str] = []
    kinds: list[str] = []
    for rank, group in enumerate(groups, 1):
        outcome = group.first
        others = group.count - 1
        also = (
            f' <span class="muted">and {counted(others, "other")} like it</span>' if others else ""
        )
        heading = (
            f'<h3><span class="rank">{rank}.</span>{escape(str(outcome.id))}{also}'
            '<a class="top" href="#top">back to the table ↑</a></h3>'
        )
        if outcome.release is None:
            assert outcome.error is not None
            body = (
                f'<div class="failure"><b>{escape(outcome.error.type)}</b>'
                f"<pre>{escape(outcome.error.message)}</pre></div>"
            )
        else:
            fragment = explain_fragment(outcome.release, prefix=f"w{rank}-")
            kinds.extend(fragment.kinds)
            body = f'<p class="lede">{escape(summary_line(outcome.release))}</p>{fragment.html}'
        parts.append(f'<section class="detail" id="w{rank}">{heading}{body}</section>')
    return "\n".join(parts), tuple(dict.fromkeys(kinds))


def _code_anchors(summary: Summary) -> dict[str, str]:
    """The id of each defect code's list of documents, in the order of the chart."""
    return {code: f"code-{number}" for number, code in enumerate(_codes_by_count(summary), 1)}


def _codes_by_count(summary: Summary) -> list[str]:
    return sorted(summary.defects, key=lambda code: (-summary.defects[code], code))


def _missing(summary: Summary, key: str) -> int:
    return summary.parsed - summary.coverage[key]


def _lists(summary: Summary, links: Mapping[ItemId, str]) -> str:
    """The documents behind each defect code and each field's coverage: lists of ids."""
    anchors = _code_anchors(summary)
    codes = [
        f'<div class="list" id="{anchors[code]}"><h3><code>{escape(code)}</code> · in '
        f"{counted(summary.defect_releases[code], 'release')}</h3>"
        f"{_id_list(summary.code_ids.ids.get(code, []), summary.defect_releases[code], links)}"
        "</div>"
        for code in _codes_by_count(summary)
    ]
    fields = [
        f'<div class="list" id="missing-{key}"><h3>no {escape(key)} · '
        f"{counted(_missing(summary, key), 'release')}</h3>"
        f"{_id_list(summary.missing_ids.ids.get(key, []), _missing(summary, key), links)}</div>"
        for key in COVERAGE_FIELDS
        if _missing(summary, key)
    ]
    if not codes and not fields:
        return ""
    parts = []
    if codes:
        parts.append(_panel("Documents by defect code", "".join(codes), stat="code_ids"))
    if fields:
        parts.append(_panel("Documents without each field", "".join(fields), stat="missing_ids"))
    return f'<div class="two">{"".join(parts)}</div>'


def render_report(summary: Summary, *, name: str) -> str:
    """The report page for a ``summarize`` result; ``name`` heads it (escaped)."""
    groups = summary.worst_groups
    details, kinds = _details(groups)
    links = {group.first.id: f"w{rank}" for rank, group in enumerate(groups, 1)}
    body = "\n".join(
        (
            f'<header id="top"><h1>Parse report: {escape(name)}</h1>'
            f'<p class="lede">{counted(summary.documents, "document")} read by releaseparse.</p>'
            "</header>",
            _cards(summary),
            f'<div class="two">{_coverage(summary)}{_defects(summary)}</div>',
            _confidence(summary),
            _per_month(summary),
            f'<div class="two">{_note_types(summary)}{_failures(summary)}</div>',
            _worst_table(groups, links),
            f'<section class="details">{details}</section>' if details else "",
            _lists(summary, links),
        )
    )
    return page(
        f"{name} — releaseparse report",
        body,
        css=(REPORT_CSS, EXPLAIN_CSS, colour_css(kinds), SEVERITY_PIN_CSS),
    )


def report_html(outcomes: Iterable[Outcome], *, name: str, worst: int = 20) -> str:
    """A self-contained HTML report over ``outcomes``, read once and never held in memory.

    Totals, field coverage, defect codes, confidence per field, releases per month, note
    types, failure types and the ``worst`` worst groups of inputs (grouped by defect set),
    the first of each linked to its explain view (or its error) below. Each defect code's
    bar and each field's coverage bar lead to the ids of the documents concerned (the
    first ``LISTED`` of them).
    """
    return render_report(summarize(outcomes, worst=worst, listed=LISTED), name=name)
