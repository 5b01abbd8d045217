"""The explain views (terminal text, HTML) and the corpus report: content, safety, streaming."""

from __future__ import annotations

import datetime as dt
import gc
import html
import itertools
import json
import re
import sys
import tracemalloc
import unicodedata
import weakref
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import releaseparse
from releaseparse import Body, Defect, Header, Region, Release, Severity, Span, Speaker
from releaseparse.cli import example_bytes
from releaseparse.outcome import Failure, Outcome
from releaseparse.views import (
    explain_html,
    explain_text,
    read_results,
    report_html,
    summarize,
)
from releaseparse.views.html import visible
from releaseparse.views.report import LISTED
from tests.conftest import FIXTURES

EXAMPLE = releaseparse.parse(example_bytes())
SGR = re.compile(r"\x1b\[[0-9;]*m")
GUTTER = re.compile(r"^\s*(\d+) (\S*)\s*│ ?(.*)$")

HOSTILE_TITLE = "<script>alert(1)</script> & \"quoted\" 'single' ]]> \x1b[2J\x07 done"
HOSTILE_BODY = "Body <script>alert(2)</script> &amp; ]]> \u202eevil\u202c \x9b31m tail."


# -- helpers -----------------------------------------------------------------------------------


def tiled(*parts: tuple[str, str]) -> tuple[str, tuple[Region, ...], dict[str, Span]]:
    """Source, regions and a span per non-blank kind from ``(kind, text)`` parts."""
    source, regions, spans, at = "", [], {}, 0
    for kind, text in parts:
        regions.append(Region(kind, Span(at, at + len(text))))
        if kind != "blank":
            spans[kind] = Span(at, at + len(text))
        source += text
        at += len(text)
    return source, tuple(regions), spans


def hostile_release() -> Release:
    source, regions, spans = tiled(
        ("title", HOSTILE_TITLE),
        ("blank", "\n\n"),
        ("date", "March 14, 2016"),
        ("blank", "\n\n"),
        ("body", HOSTILE_BODY),
        ("blank", "\n"),
    )
    return Release(
        header=Header(title=HOSTILE_TITLE, date=dt.date(2016, 3, 14)),
        body=Body((HOSTILE_BODY,)),
        disclaimer=None,
        source=source,
        spans=spans,
        regions=regions,
        defects=(
            Defect(
                "text.unclaimed",
                "<b>bold</b> & \x1b[31mred",
                Severity.WARNING,
                spans["body"],
            ),
        ),
        extras={"<extra>": "<i>x</i>\x1b"},
    )


def make(
    *,
    title: str | None = "T",
    date: dt.date | None = None,
    note_type: str | None = None,
    speakers: tuple[Speaker, ...] = (),
    paragraphs: tuple[str, ...] = ("p",),
    disclaimer: str | None = None,
    defects: tuple[tuple[str, Severity], ...] = (),
    source: str = "x",
) -> Release:
    return Release(
        header=Header(title=title, note_type=note_type, speakers=speakers, date=date),
        body=Body(paragraphs),
        disclaimer=disclaimer,
        source=source,
        regions=(Region("body", Span(0, len(source))),),
        defects=tuple(Defect(code, "m", sev, Span(0, 0)) for code, sev in defects),
    )


def ok(index: int, release: Release, name: str | None = None) -> Outcome:
    return Outcome(index, name or f"r{index}", release=release)


def failed(index: int, kind: str, message: str = "boom") -> Outcome:
    return Outcome(index, f"f{index}", error=Failure(kind, message))


class TreeCheck(HTMLParser):
    """Checks that tags nest properly; records tags, attributes and text."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "col", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_tree(page: str) -> TreeCheck:
    tree = TreeCheck()
    tree.feed(page)
    tree.close()
    assert tree.errors == []
    assert tree.stack == []
    return tree


def _between(page: str, start: str, end: str) -> str:
    """The part of ``page`` after ``start``, up to ``end`` (fails if ``start`` is absent)."""
    assert start in page, start
    return page.split(start, 1)[1].split(end, 1)[0]


def chart(page: str, name: str) -> str:
    """One chart section of a report page."""
    return _between(page, f'data-chart="{name}"', "</section>")


def detail(page: str, anchor: str) -> str:
    """One worst-input detail section of a report page."""
    return _between(page, f'id="{anchor}"', '<section class="detail"')


def gutters(text: str) -> dict[int, tuple[str, str]]:
    """Source line number -> (gutter kinds, shown text) of an ``explain_text`` output."""
    rows = {}
    for line in text.split("\nSource\n", 1)[1].splitlines():
        found = GUTTER.match(SGR.sub("", line))
        if found:
            rows[int(found.group(1))] = (found.group(2), found.group(3))
    return rows


# -- explain_text ------------------------------------------------------------------------------


def test_plain_text_has_no_escape_codes_and_colour_text_has_them() -> None:
    plain = explain_text(EXAMPLE, color=False)
    coloured = explain_text(EXAMPLE, color=True)
    assert "\x1b" not in plain
    assert "\x1b[48;5;" in coloured
    assert "legend:" in SGR.sub("", coloured)
    assert "legend:" not in plain
    # The colours only decorate: without them the colour output is the plain one plus legend.
    stripped = [line for line in SGR.sub("", coloured).split("\n") if "legend:" not in line]
    assert stripped == plain.split("\n")


def test_every_region_kind_of_the_example_is_in_the_gutter() -> None:
    rows = gutters(explain_text(EXAMPLE, color=False))
    shown = {kind for kinds, _ in rows.values() for kind in kinds.split("+")}
    assert {region.kind for region in EXAMPLE.regions} <= shown
    assert rows[3] == (
        "title",
        "[Press Releases: United States Supports Coastal Resilience Training in the "
        "Pacific Islands](#)",
    )
    assert rows[5] == ("note_type", "Media Note")
    assert rows[9] == ("date", "March 14, 2016")
    assert rows[1][0] == "blank"
    assert max(rows) == 19


#: The confidence column of the field table, shown when the record rates any field.
LEVEL = r"(?:(?:sure|likely|unsure)\s+)?"


def test_field_table_holds_values_and_positions() -> None:
    text = explain_text(EXAMPLE, color=False)
    table = text.split("\nSource\n")[0]
    assert re.search(rf"^  date\s+9:1–9:14\s+{LEVEL}2016-03-14$", table, re.M)
    assert re.search(rf"^  place\s+8:1–8:14\s+{LEVEL}Washington, DC$", table, re.M)
    assert re.search(rf"^  note_type\s+5:1–5:10\s+{LEVEL}Media Note$", table, re.M)
    assert re.search(rf"^  office\s+6:1–6:26\s+{LEVEL}Office of the Spokesperson$", table, re.M)
    assert re.search(rf"^  category\s+3:2–3:15\s+{LEVEL}Press Releases$", table, re.M)
    assert "United States Supports Coastal Resilience Training in the Pacific Islands" in table
    assert re.search(r"^  speakers\s+—$", table, re.M)
    assert re.search(r"^  info\s+disclaimer\.rejoined\s+17:1\s+the disclaimer was", table, re.M)


def test_colour_highlights_each_field_in_its_colour() -> None:
    coloured = explain_text(EXAMPLE, color=True)
    source_part = coloured.split("Source")[1]
    date_line = next(line for line in source_part.splitlines() if "March 14, 2016" in line)
    title_line = next(line for line in source_part.splitlines() if "United States Supports" in line)
    date_style = re.search(r"(\x1b\[48;5;\d+;38;5;\d+m)March 14, 2016\x1b\[0m", date_line)
    title_style = re.search(r"(\x1b\[48;5;\d+;38;5;\d+m)United States", title_line)
    category_style = re.search(r"(\x1b\[48;5;\d+;38;5;\d+m)Press Releases\x1b\[0m", title_line)
    assert date_style
    assert title_style
    assert category_style
    assert len({date_style.group(1), title_style.group(1), category_style.group(1)}) == 3
    # The legend uses the same style for the same field.
    legend = next(line for line in coloured.splitlines() if "legend:" in line)
    assert date_style.group(1) + " date " in legend


def test_control_characters_in_the_source_are_neutralised() -> None:
    release = hostile_release()
    for color in (False, True):
        text = explain_text(release, color=color)
        rest = SGR.sub("", text)
        for char in "\x1b\x07\x9b\u202e\u202c":
            assert char not in rest
        assert "␛[2J␇ done" in rest
        assert "\\u202eevil\\u202c \\x9b31m" in rest
    assert "\x1b" not in explain_text(release, color=False)
    # Messages and extras are shown safely too.
    plain = explain_text(release, color=False)
    assert "<b>bold</b> & ␛[31mred" in plain
    assert "<i>x</i>␛" in plain


def test_visible_covers_every_control_format_and_separator_character() -> None:
    missed = [
        code
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in {"Cc", "Cf", "Cs", "Zl", "Zp"}
        and code != 0x09
        and visible(chr(code)) == chr(code)
    ]
    assert missed == []
    assert visible("a\tb") == "a␉b"
    assert visible("a\tb", keep_tabs=True) == "a\tb"
    assert visible("é – “ok” 日本") == "é – “ok” 日本"


def test_line_endings_cr_and_crlf_number_lines_like_line_and_column() -> None:
    source, regions, spans = tiled(
        ("title", "Title"), ("blank", "\r\n"), ("date", "May 1, 2020"), ("blank", "\r"),
        ("body", "Body text."),
    )  # fmt: skip
    release = Release(
        header=Header(title="Title", date=dt.date(2020, 5, 1)),
        body=Body(("Body text.",)),
        disclaimer=None,
        source=source,
        spans=spans,
        regions=regions,
    )
    text = explain_text(release, color=False)
    assert gutters(text) == {
        1: ("title", "Title"),
        2: ("date", "May 1, 2020"),
        3: ("body", "Body text."),
    }
    assert re.search(r"^  date\s+2:1–2:11\s+2020-05-01$", text, re.M)
    assert "\r" not in text


def test_width_wraps_source_lines_with_a_continuation_gutter() -> None:
    text = explain_text(EXAMPLE, color=False, width=60)
    source_lines = text.split("\nSource\n")[1].splitlines()
    assert all(len(line) <= 60 for line in source_lines)
    assert sum("┆" in line for line in source_lines) >= 10
    joined = "".join(line.split("│ ", 1)[-1].split("┆ ", 1)[-1] for line in source_lines)
    assert "withstand stronger storms" in joined


#: A release in wide and zero-width characters: CJK, emoji (one made wide by U+FE0F),
#: combining accents and Hangul jamo that a terminal draws as one syllable.
WIDE_TEXT = (
    "日本との協力について 😀 発表\n\nMarch 3, 2016\n\n"
    + "東京で会合が開かれました。❤️ Café e\u0301 \u1100\u1161 " * 12
    + "\n\nThe Office of the Spokesperson. "
    + "A long defect-free English paragraph that runs well past any terminal. " * 3
    + "\n"
)


def plain_rows(text: str) -> list[str]:
    return re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines()


def test_widths_are_measured_as_a_terminal_draws_them() -> None:
    from releaseparse.views.text_view import clip, display_width, wrap

    assert display_width("中文") == 4
    assert display_width("😀") == 2
    assert display_width("\u2764\ufe0f") == 2  # made wide by the variation selector
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    assert display_width("\u1100\u1161") == 2  # jamo drawn as one syllable
    assert clip("日本語の文章", 7) == "日本語…"
    assert all(display_width(row) <= 10 for row in wrap("東京で 会合が開かれました 😀😀😀", 10))


@pytest.mark.parametrize("width", [60, 80, 101])
@pytest.mark.parametrize("color", [False, True])
def test_width_fits_wide_characters_and_fills_each_row(width: int, color: bool) -> None:
    from wcwidth import wcswidth

    release = releaseparse.parse(WIDE_TEXT)
    rows = plain_rows(explain_text(release, color=color, width=width))
    assert all(wcswidth(row) <= width for row in rows), [r for r in rows if wcswidth(r) > width]
    source = rows[rows.index("Source") + 1 :]
    wrapped = [row for row, after in itertools.pairwise(source) if "┆" in after]
    assert len(wrapped) >= 5
    # A row is broken only when the next character (two columns at most) would not fit.
    assert all(wcswidth(row) >= width - 1 for row in wrapped)
    # Nothing is lost: the rows hold the source, in order.
    joined = "".join(row.split("│ ", 1)[-1].split("┆ ", 1)[-1] for row in source)
    assert "東京で会合が開かれました。❤️ Café e\u0301 \u1100\u1161 " * 12 in joined


# -- explain_html ------------------------------------------------------------------------------


def test_html_escapes_everything_from_the_input() -> None:
    release = hostile_release()
    page = explain_html(release, name='<img src=x onerror="alert(3)">&name')
    tree = check_tree(page)
    assert "script" not in tree.tags
    assert "img" not in tree.tags
    assert "<script" not in page.lower()
    assert "]]>" not in page
    assert "\x1b" not in page
    assert "\u202e" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
    assert "&amp;amp; ]]&gt;" in page
    title = re.search(r"<title>(.*?)</title>", page)
    assert title
    assert html.unescape(title.group(1)).startswith('<img src=x onerror="alert(3)">&name')
    assert "<h1>&lt;img src=x onerror=&quot;alert(3)&quot;&gt;&amp;name</h1>" in page
    # Attribute values survive whole: the tooltip of the title field is the exact value.
    tips = [a.get("title") for tag, a in tree.attrs if tag == "mark"]
    assert "title: " + visible(HOSTILE_TITLE, ascii=True) in tips
    assert any(a.get("class") == "ctl" for _, a in tree.attrs)


def test_html_is_well_formed_and_has_the_legend() -> None:
    page = explain_html(EXAMPLE, name="example.txt")
    tree = check_tree(page)
    text = " ".join(tree.text)
    assert "Legend" in text
    assert page.count('<ul class="legend">') == 2
    legend = page.split("<h2>Legend</h2>", 1)[1]
    for kind in ("title", "note_type", "office", "place", "date", "body", "disclaimer", "blank"):
        assert f'<span class="sw k-{kind}"></span>{kind}</li>' in legend
    for field in ("title", "category", "note_type", "office", "place", "date"):
        assert f'<span class="sw field k-{field}"></span>{field}</li>' in legend
    assert "<title>example.txt — releaseparse explain</title>" in page
    assert "<h1>example.txt</h1>" in page
    assert "<script" not in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")
    # Each legend colour is defined in the page's style sheet.
    for kind in ("title", "note_type", "disclaimer"):
        assert f".k-{kind}{{--c:" in page


def test_html_field_tooltips_table_and_defects() -> None:
    page = explain_html(EXAMPLE, name="x")
    tree = check_tree(page)
    tips = {a.get("title") for tag, a in tree.attrs if tag == "mark"}
    assert {"date: 2016-03-14", "place: Washington, DC", "category: Press Releases"} <= tips
    assert '<a href="#L9">9:1–9:14</a>' in page
    assert 'id="d1"' in page
    assert "disclaimer.rejoined" in page
    assert '<div class="ln" id="L19">' in page


# -- the report --------------------------------------------------------------------------------


def small_corpus() -> list[Outcome]:
    err, warn, info = Severity.ERROR, Severity.WARNING, Severity.INFO
    return [
        ok(0, make(date=dt.date(2021, 1, 5), note_type="Media Note", disclaimer="d")),
        ok(1, make(date=dt.date(2021, 1, 20), note_type="Media Note",
                   defects=(("disclaimer.rejoined", info),))),
        failed(2, "OSError"),
        ok(3, make(title=None, defects=(("title.missing", err), ("date.missing", err)))),
        ok(4, make(date=dt.date(2021, 4, 1), note_type="Readout",
                   speakers=(Speaker("A", "B"),), defects=(("body.missing", warn),),
                   paragraphs=())),
        failed(5, "TypeError"),
        ok(6, make(note_type=None, defects=(("date.missing", err), ("body.missing", warn),
                                            ("body.missing", warn)))),
        failed(7, "OSError"),
    ]  # fmt: skip


def test_summary_counts_match_hand_counts() -> None:
    summary = summarize(iter(small_corpus()))
    assert (summary.documents, summary.parsed, summary.failed) == (8, 5, 3)
    assert (summary.with_defects, summary.with_errors, summary.with_warnings) == (4, 2, 2)
    assert summary.undated == 2
    assert dict(summary.months) == {(2021, 1): 2, (2021, 4): 1}
    assert dict(summary.note_types) == {"Media Note": 2, "Readout": 1, None: 2}
    assert dict(summary.failures) == {"OSError": 2, "TypeError": 1}
    assert dict(summary.defects) == {
        "disclaimer.rejoined": 1,
        "title.missing": 1,
        "date.missing": 2,
        "body.missing": 3,
    }
    assert summary.defect_releases["body.missing"] == 2
    assert summary.severities["body.missing"] == Severity.WARNING
    assert summary.coverage["title"] == 4
    assert summary.coverage["date"] == 3
    assert summary.coverage["speakers"] == 1
    assert summary.coverage["body"] == 4
    assert summary.coverage["disclaimer"] == 1
    assert summary.coverage["venue"] == 0


def test_report_page_shows_the_counts() -> None:
    page = report_html(iter(small_corpus()), name="<corpus>")
    tree = check_tree(page)
    stats = {}
    for i, (_, attrs) in enumerate(tree.attrs):
        if attrs.get("data-stat"):
            stats[attrs["data-stat"]] = i
    numbers = re.findall(r'data-stat="(\w+)"><span class="num">([\d,]+)</span>', page)
    assert dict(numbers) == {
        "documents": "8",
        "parsed": "5",
        "with_defects": "4",
        "with_errors": "2",
        "failed": "3",
    }
    assert "<h1>Parse report: &lt;corpus&gt;</h1>" in page
    coverage = chart(page, "coverage")
    assert ">4  (80.0%)</text>" in coverage  # title: 4 of 5 parsed
    assert ">3  (60.0%)</text>" in coverage  # date
    defects = chart(page, "defects")
    assert ">3  · in 2 releases</text>" in defects  # body.missing
    assert defects.index("body.missing") < defects.index("date.missing")
    months = chart(page, "months")
    # January to April 2021, February and March empty but present.
    assert list(re.findall(r">(Jan|Feb|Mar|Apr|May)</text>", months)) == [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
    ]
    assert "3 parsed records with a date; 2 without one" in months
    failures = chart(page, "failures")
    assert ">OSError</text>" in failures
    assert ">2  (25.0%)</text>" in failures
    notes = chart(page, "note_types")
    assert ">(none)</text>" in notes
    assert ">Media Note</text>" in notes


def test_worst_inputs_are_grouped_by_defect_set_failed_then_errors_then_warnings() -> None:
    summary = summarize(iter(small_corpus()), worst=4, listed=10)
    # f2 and f7 failed the same way: one group, shown by its first input.
    assert [outcome.index for outcome in summary.worst] == [2, 5, 3, 6]
    groups = summary.worst_groups
    assert [(group.key, group.count, group.ids) for group in groups[:2]] == [
        (("", "OSError"), 2, ["f2", "f7"]),
        (("", "TypeError"), 1, ["f5"]),
    ]
    assert groups[2].key == ("date.missing", "title.missing")
    summary = summarize(iter(small_corpus()), worst=10)
    # Clean and info-only releases are never among the worst.
    assert [outcome.index for outcome in summary.worst] == [2, 5, 3, 6, 4]
    assert summarize(iter(small_corpus()), worst=0).worst == []
    page = report_html(iter(small_corpus()), name="c", worst=5)
    check_tree(page)
    assert re.findall(r'<tr data-group="(\d+)">', page) == ["1", "2", "3", "4", "5"]
    table = _between(page, 'data-table="worst"', "</table>")
    assert '<td class="n">2</td>' in table  # two inputs in the OSError group
    assert '<a href="#w1"><code>f2</code></a> <code>f7</code>' in table
    for rank in range(1, 6):
        assert f'<a href="#w{rank}">' in page
        assert f'id="w{rank}"' in page
    # A failure's details show its error; a release's its explain view.
    detail_1 = detail(page, "w1")
    assert "OSError" in detail_1
    assert "boom" in detail_1
    assert "and 1 other like it" in detail_1
    detail_3 = detail(page, "w3")
    assert "title.missing" in detail_3
    assert 'id="w3-L1"' in detail_3


def test_a_large_group_shows_a_few_ids_and_the_rest_behind_a_toggle() -> None:
    bad = make(title=None, defects=(("title.missing", Severity.ERROR),))
    outcomes = [ok(i, bad) for i in range(250)]
    page = report_html(iter(outcomes), name="many")
    check_tree(page)
    table = _between(page, 'data-table="worst"', "</table>")
    assert re.findall(r'<tr data-group="(\d+)">', table) == ["1"]
    assert '<td class="n">250</td>' in table
    shown, hidden = table.split("<details>", 1)
    assert re.findall(r"<code>(r\d+)</code>", shown) == ["r0", "r1", "r2", "r3", "r4"]
    assert f"<summary>{LISTED - 5} more ids</summary>" in hidden
    assert f"and {250 - LISTED} more, not listed" in hidden


def test_each_code_and_field_leads_to_its_documents() -> None:
    page = report_html(iter(small_corpus()), name="c")
    check_tree(page)
    defects = chart(page, "defects")
    codes = re.findall(r'<a href="#(code-\d+)" class="bar"><g><title>([\w.]+):', defects)
    assert [code for _, code in codes] == [
        "body.missing", "date.missing", "disclaimer.rejoined", "title.missing"
    ]  # fmt: skip
    for anchor, code in codes:
        listed = _between(page, f'<div class="list" id="{anchor}">', "</div>")
        assert f"<code>{code}</code>" in listed
    body_missing = _between(page, f'id="{codes[0][0]}">', "</div>")
    assert "in 2 releases" in body_missing
    assert "<code>r4</code>" in body_missing
    assert '<a href="#w4"><code>r6</code></a>' in body_missing  # shown in full above
    coverage = chart(page, "coverage")
    assert '<a href="#missing-date" class="bar">' in coverage
    assert '<a href="#missing-title" class="bar">' in coverage
    missing_date = _between(page, '<div class="list" id="missing-date">', "</div>")
    assert "no date · 2 releases" in missing_date
    assert "<code>r3</code>" in missing_date
    # A field every parsed record has leads nowhere.
    everyone = make(date=dt.date(2020, 1, 1))
    full = report_html(iter([ok(0, everyone)]), name="one")
    assert '<a href="#missing-title"' not in full
    assert 'id="missing-title"' not in full
    assert 'href="#missing-date"' not in full


def test_no_dates_is_one_line_not_an_empty_panel() -> None:
    page = report_html(iter([ok(0, make()), ok(1, make())]), name="undated")
    check_tree(page)
    assert "Releases per month" not in re.findall(r"<h2>([^<]*)</h2>", page)
    assert 'data-chart="months"' not in page
    assert "no dates (none of the 2 parsed records has one)" in page


def test_the_report_says_one_release_not_one_releases() -> None:
    one = make(date=dt.date(2021, 1, 1), defects=(("title.missing", Severity.ERROR),))
    page = report_html(iter([ok(0, one)]), name="one")
    assert "in 1 releases" not in page
    assert "in 1 release<" in page or "in 1 release " in page
    assert "1 document read" in page
    assert "1 parsed record with a date; 0 without one are not counted" in page
    assert 'data-stat="documents"><span class="num">1</span><span class="what">document<' in page
    assert "1 parsed records" not in page


def test_a_release_line_counts_info_defects_without_a_plural_s() -> None:
    from releaseparse.views.explain import summary_line

    info = Severity.INFO
    two = make(defects=(("disclaimer.rejoined", info), ("body.paragraph_rejoined", info)))
    assert summary_line(two).endswith("· 2 defects (2 info)")
    one = make(defects=(("title.missing", Severity.ERROR),))
    assert summary_line(one).endswith("· 1 defect (1 error)")


def test_the_summary_says_when_defects_are_information_only() -> None:
    info = make(defects=(("disclaimer.rejoined", Severity.INFO),))
    summary = summarize(iter([ok(0, info), ok(1, make())]))
    line = summary.lines()[1]
    assert "with defects" in line
    assert "(information only: no error or warning)" in line
    assert "errors 0" not in line
    mixed = summarize(iter(small_corpus())).lines()[1]
    assert mixed.endswith("(errors 2, warnings 2, information only 1)")
    assert summarize(iter([ok(0, make())])).lines()[1].endswith("0  (0.0%)")


def test_month_grid_for_long_date_ranges() -> None:
    outcomes = [
        ok(0, make(date=dt.date(1990, 3, 1))),
        ok(1, make(date=dt.date(2020, 5, 1))),
        ok(2, make(date=dt.date(2020, 5, 9))),
        ok(3, make(date=dt.date(2021, 7, 1))),
    ]
    page = report_html(iter(outcomes), name="long")
    check_tree(page)
    months = chart(page, "months")
    assert '<table class="grid">' in months
    assert "1991–2019" in months  # the empty years are folded into one row
    assert 'title="May 2020: 2">2</td>' in months


def test_report_of_nothing() -> None:
    page = report_html(iter(()), name="empty")
    check_tree(page)
    assert 'data-stat="documents"><span class="num">0</span>' in page


# -- read_results ------------------------------------------------------------------------------


def write_rows(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_read_results_round_trips_outcomes(tmp_path: Path) -> None:
    outcomes = [ok(0, EXAMPLE, "a.txt"), failed(1, "OSError", "no such file"), ok(2, EXAMPLE)]
    path = write_rows(
        tmp_path / "results.jsonl",
        [
            json.dumps(outcomes[0].to_json()),
            "",
            json.dumps(outcomes[1].to_json()),
            json.dumps(outcomes[2].to_json()),
        ],
    )
    assert list(read_results(path)) == outcomes


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "expected a JSON object, got list"),
        ('{"release": {}}', 'no "id" key'),
        ('{"id": true, "error": {"type": "E", "message": "m"}}', '"id" must be'),
        ('{"id": 1}', 'exactly one of "release" and "error"'),
        ('{"id": 1, "error": {"type": "E"}}', '"error" must be an object'),
        ('{"id": 1, "release": {"header": {}}}', "bad release"),
    ],
)
def test_read_results_names_file_and_line(tmp_path: Path, bad: str, reason: str) -> None:
    good = json.dumps(failed(0, "OSError").to_json())
    path = write_rows(tmp_path / "results.jsonl", [good, "", bad, good])
    rows = read_results(path)
    assert next(rows).id == "f0"
    with pytest.raises(ValueError, match=re.escape(f"{path}, line 3: ")) as caught:
        next(rows)
    assert reason in str(caught.value)


def test_read_results_rejects_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"id": "\xff", "error": {"type": "E", "message": "m"}}\n')
    with pytest.raises(ValueError, match=r"r\.jsonl, line 1: not UTF-8"):
        list(read_results(path))


# -- streaming ---------------------------------------------------------------------------------


def test_report_streams_and_keeps_only_the_worst() -> None:
    templates = [
        EXAMPLE,
        make(title=None, defects=(("title.missing", Severity.ERROR),)),
        make(date=dt.date(2022, 2, 2), defects=(("body.missing", Severity.WARNING),)),
    ]
    refs: list[weakref.ref[Outcome]] = []
    most_alive = 0

    def outcomes() -> Iterator[Outcome]:
        nonlocal most_alive
        for i in range(5_000):
            outcome = failed(i, "OSError") if i % 7 == 0 else ok(i, templates[i % len(templates)])
            refs.append(weakref.ref(outcome))
            yield outcome
            if i % 250 == 0:
                gc.collect()
                most_alive = max(most_alive, sum(ref() is not None for ref in refs))

    page = report_html(outcomes(), name="many", worst=7)
    assert len(refs) == 5_000
    assert most_alive <= 7 + 2
    assert 'data-stat="documents"><span class="num">5,000</span>' in page
    assert 'data-stat="failed"><span class="num">715</span>' in page
    # One group per defect set: failed, title.missing, body.missing.
    assert len(re.findall(r'<tr data-group="', page)) == 3
    assert re.findall(r'<td class="n">([\d,]+)</td><td><span class="ids">', page) == [
        "715", "1,429", "1,428"
    ]  # fmt: skip


def test_report_memory_stays_flat() -> None:
    def outcomes() -> Iterator[Outcome]:
        # 3,000 releases of about 20 kB each: some 60 MB if they were all kept.
        for i in range(3_000):
            text = f"{i:06d} " + "word " * 4_000
            release = make(
                source=text,
                paragraphs=(text,),
                date=dt.date(2020, 1 + i % 12, 1),
                defects=(("body.missing", Severity.WARNING),) * (1 + i % 4),
            )
            yield ok(i, release)

    tracemalloc.start()
    try:
        summary = summarize(outcomes(), worst=5)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.documents == 3_000
    assert sum(summary.months.values()) == 3_000
    assert peak < 5_000_000


# -- every input -------------------------------------------------------------------------------


def source_lines(source: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", source)
    return lines[:-1] if source.endswith(("\n", "\r")) else lines


def shown_lines(text: str) -> list[str]:
    rows = text.split("\nSource\n", 1)[1].splitlines()
    return [row.split("│ ", 1)[1] if "│ " in row else "" for row in rows]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_the_text_view_shows_every_fixture_line_as_it_is(path: Path) -> None:
    release = releaseparse.parse(path.read_bytes())
    text = explain_text(release, color=False)
    expected = [
        visible(line, keep_tabs=True).expandtabs(8) for line in source_lines(release.source)
    ]
    assert shown_lines(text) == expected
    check_tree(explain_html(release, name=path.name))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_renders_safely(text: str) -> None:
    release = releaseparse.parse(text)
    plain = explain_text(release, color=False)
    assert not set(plain) & set("\x1b\x07\x9b\r\u202e")
    coloured = SGR.sub("", explain_text(release, color=True, width=50))
    assert "\x1b" not in coloured
    page = explain_html(release, name=text[:20])
    tree = check_tree(page)
    assert set(tree.tags) <= {
        "html", "head", "meta", "title", "style", "body", "div", "header", "h1", "h2", "h3",
        "p", "section", "aside", "table", "tr", "th", "td", "span", "a", "mark", "ul", "ol",
        "li", "code", "small",
    }  # fmt: skip
