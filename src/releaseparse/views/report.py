"""A one-page HTML report over many outcomes, counted in one streaming pass."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from releaseparse.outcome import Outcome
from releaseparse.records import Confidence
from releaseparse.summary import COVERAGE_FIELDS, Summary, badness, summarize
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
        + _card("documents", "documents", summary.documents, "inputs read", "#5e6875")
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
            f"{_pct(summary.with_defects, parsed)} of parsed · any severity",
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


def _panel(title: str, body: str, note: str = "", *, stat: str = "") -> str:
    attr = f' data-chart="{stat}"' if stat else ""
    tail = f'<p class="note">{note}</p>' if note else ""
    return f'<section class="panel"{attr}><h2>{escape(title)}</h2>{body}{tail}</section>'


def _coverage(summary: Summary) -> str:
    if not summary.parsed:
        return _panel("Field coverage", '<p class="muted">No parsed records.</p>')
    bars = [
        Bar(key, summary.coverage[key], colour_of("speaker" if key == "speakers" else key).strong)
        for key in COVERAGE_FIELDS
    ]
    return _panel(
        "Field coverage",
        bar_chart(bars, total=summary.parsed),
        f"Share of the {summary.parsed:,} parsed records in which the field is present.",
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
    bars = [
        Bar(
            code,
            count,
            SEVERITY_COLOURS[summary.severities[code].value],
            f"in {summary.defect_releases[code]:,} releases",
        )
        for code, count in sorted(summary.defects.items(), key=lambda item: (-item[1], item[0]))
    ]
    key = "".join(
        f'<span><i style="background:{colour}"></i>{name}</span>'
        for name, colour in SEVERITY_COLOURS.items()
    )
    return _panel(
        "Defect codes",
        f'<div class="key">{key}</div>{bar_chart(bars)}',
        "Occurrences of each code over the parsed records; bar colour is its severity.",
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
    note = f"{dated:,} parsed records with a date; {summary.undated:,} without one are not counted."
    if not summary.months:
        return _panel("Releases per month", '<p class="muted">No dates.</p>', note)
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


def _outcome_text(outcome: Outcome) -> str:
    if outcome.error is not None:
        return f"failed: {outcome.error.type}"
    _, errors, warnings = badness(outcome)
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _worst_table(worst: Sequence[Outcome]) -> str:
    if not worst:
        return _panel(
            "Worst examples", '<p class="muted">No failures and no error or warning defects.</p>'
        )
    rows = [
        '<table class="worst" data-table="worst"><tr><th>#</th><th>Input</th><th>Outcome</th>'
        "<th>Title · date</th><th>Defect codes</th></tr>"
    ]
    for rank, outcome in enumerate(worst, 1):
        release = outcome.release
        if release is None:
            assert outcome.error is not None
            about = f'<span class="muted">{escape(short(outcome.error.message, 160))}</span>'
            codes = ""
        else:
            title = release.header.title or "(no title)"
            date = release.header.date.isoformat() if release.header.date else "no date"
            about = f"{escape(short(title, 120))} · {date}"
            counts = Counter(defect.code for defect in release.defects)
            codes = "".join(
                f"<code>{escape(code)}{f' ×{n}' if n > 1 else ''}</code>"
                for code, n in counts.items()
            )
        rows.append(
            f'<tr data-id="{escape(str(outcome.id))}"><td class="n">{rank}</td>'
            f'<td><a href="#w{rank}">{escape(str(outcome.id))}</a></td>'
            f"<td>{escape(_outcome_text(outcome))}</td><td>{about}</td><td>{codes}</td></tr>"
        )
    rows.append("</table>")
    return _panel(
        f"Worst examples ({len(worst)})",
        "".join(rows),
        "Failed inputs first, then most error defects, then most warning defects.",
    )


def _details(worst: Sequence[Outcome]) -> tuple[str, tuple[str, ...]]:
    parts: list[str] = []
    kinds: list[str] = []
    for rank, outcome in enumerate(worst, 1):
        heading = (
            f'<h3><span class="rank">{rank}.</span>{escape(str(outcome.id))}'
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


def render_report(summary: Summary, *, name: str) -> str:
    """The report page for a ``summarize`` result; ``name`` heads it (escaped)."""
    details, kinds = _details(summary.worst)
    body = "\n".join(
        (
            f'<header id="top"><h1>Parse report: {escape(name)}</h1>'
            f'<p class="lede">{summary.documents:,} documents read by releaseparse.</p></header>',
            _cards(summary),
            f'<div class="two">{_coverage(summary)}{_defects(summary)}</div>',
            _confidence(summary),
            _per_month(summary),
            f'<div class="two">{_note_types(summary)}{_failures(summary)}</div>',
            _worst_table(summary.worst),
            f'<section class="details">{details}</section>' if details else "",
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
    types, failure types and the ``worst`` worst examples, each linked to its explain view
    (or its error) below.
    """
    return render_report(summarize(outcomes, worst=worst), name=name)
