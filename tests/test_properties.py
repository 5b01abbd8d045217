"""Properties that hold for every input: no crash, regions tile, spans are honest, determinism."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

import releaseparse
from releaseparse import Release
from releaseparse.dates import read_dateline
from releaseparse.serialize import header_to_dict
from releaseparse.testing import check_record
from releaseparse.text import clean
from tests.strategies import GAP_EXAMPLES, Case, releases

_TEXT_FIELDS = {"title", "category", "office", "place"}
#: What may lie between a body's paragraphs as regions of their own. Chrome may: with no
#: header block, the chrome walk claims site lines up to the first paragraph, and a short
#: line above them (``0`` / ``© 2020`` / prose, found by Hypothesis) is the body's first.
_INSIDE_BODY = {"body", "blank", "marker", "caption", "chrome"}


def _squeeze(text: str) -> str:
    return "".join(clean(text)[0].split())


def assert_spans_honest(release: Release) -> None:
    """Every span lies in the source and its raw text, normalised, is the value."""
    source = release.source
    header = release.header
    for name, span in release.spans.items():
        assert span.end <= len(source), name
        raw = span.slice(source)
        parts = name.split(".")
        if name in _TEXT_FIELDS:
            assert clean(raw)[0] == getattr(header, name), name
        elif name == "note_type":
            assert releaseparse.DEFAULT_VOCABULARY.note_type(raw) == header.note_type
        elif name == "date":
            reading = read_dateline(raw)
            assert reading is not None
            assert reading.value == header.date
        elif parts[0] == "speakers" and len(parts) == 3:
            speaker = header.speakers[int(parts[1])]
            assert clean(raw)[0] == getattr(speaker, parts[2])
        elif name == "body.paragraphs." + parts[-1]:
            assert clean(raw)[0] == release.body.paragraphs[int(parts[-1])]
        elif name == "body":
            # Markers and captions between paragraphs (``(begin transcript)``) lie inside the
            # body's span as regions of their own; the body regions hold the paragraphs.
            inside = [r for r in release.regions if span.start <= r.span.start < span.end]
            assert {r.kind for r in inside} <= _INSIDE_BODY, name
            kept = "".join(_squeeze(r.span.slice(source)) for r in inside if r.kind == "body")
            assert kept == "".join(_squeeze(p) for p in release.body.paragraphs)
        elif name == "disclaimer":
            assert release.disclaimer is not None
            assert "".join(raw.split()) == "".join(release.disclaimer.split())
    for defect in release.defects:
        assert defect.span.end <= len(source), defect


def check_invariants(release: Release) -> None:
    check_record(release)
    assert_spans_honest(release)


@given(st.text())
@example("")
@example("\r\n\r")
@example("[Press Releases: ](#)\n\nMedia Note\nNovember 31, 2017\n")
@example("The Office of Website Management\n")
@example("0Â\n¡")
@example("0\r©0\n0")
def test_any_text_parses(text: str) -> None:
    """parse never raises on any str, and the record keeps every invariant."""
    release = releaseparse.parse(text)
    assert release.source == text
    check_invariants(release)


@given(st.binary())
@example(b"\xff\xfe\x00")
@example(b"\xef\xbb\xbf")
@example(b"\x81\x8d caf\xe9 \xff")
def test_any_bytes_parse(data: bytes) -> None:
    """parse never raises on any bytes."""
    check_invariants(releaseparse.parse(data))


@given(st.text(alphabet=st.sampled_from("[]():#\n\r \t\u00a0\u200bNov.16,2017ThOfice")))
@example("0\reN\rc")
def test_structural_characters(text: str) -> None:
    """Text made of the characters the extractors look at keeps every invariant."""
    check_invariants(releaseparse.parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "2017\nPrint\nministers met in Geneva on Monday.\n",  # a share widget's label
        "12\nEN\nministers met in Geneva on Monday.\n",  # a language switch
    ],
)
def test_a_broken_sentence_is_not_rejoined_across_another_region(text: str) -> None:
    """A short line ending open, a chrome line, a line opening in lower case (found by
    Hypothesis: ``0`` / ``eN`` / ``c``): the re-join made one paragraph of the three lines,
    its value repeating the chrome line's text. The paragraphs stay apart."""
    release = releaseparse.parse(text)
    assert [region.kind for region in release.regions if region.kind == "chrome"] == ["chrome"]
    assert release.body is not None
    lines = text.split("\n")
    assert release.body.paragraphs == (lines[0], lines[2])
    check_invariants(release)


@given(st.text() | st.binary())
def test_strict_raises_only_release_parse_error(source: str | bytes) -> None:
    """With strict=True the only exception is ReleaseParseError, carrying error defects."""
    try:
        release = releaseparse.parse(source, strict=True)
    except releaseparse.ReleaseParseError as error:
        errors = error.errors
    else:
        assert all(defect.severity != "error" for defect in release.defects)
        return
    assert errors
    assert all(defect.severity == "error" for defect in errors)


@given(st.text())
def test_deterministic(text: str) -> None:
    """The same input gives the same record, also from a fresh parser."""
    assert releaseparse.parse(text) == releaseparse.parse(text)
    assert releaseparse.Parser().parse(text) == releaseparse.parse(text)


# Found by the CI profile: a blog's capitalised headline above ``FROM: THE STATE
# DEPARTMENT``, then a name-like title over the office line.
_BLOG_HEADLINE_OVER_CHROME = Case(
    layout="G",
    text=(
        "Showing posts with label STATE DEPARTMENT. Show all posts\n\n"
        "Tuesday, January 2, 2001\n\nWORKSHOP WORKSHOP\n\nFROM:  THE STATE DEPARTMENT\n"
        "Workshop Workshop\nOffice of the Spokesperson\nPress Statement\nWashington, DC\n"
        "January 1, 2001\n\n"
        "Officials officials officials officials officials officials officials officials."
    ),
    expected={
        "title": "Workshop Workshop",
        "category": None,
        "note_type": "Press Statement",
        "office": "Office of the Spokesperson",
        "speakers": [],
        "venue": None,
        "place": "Washington, DC",
        "date": "2001-01-01",
        "time": None,
        "time_zone": None,
        "paragraphs": [
            "Officials officials officials officials officials officials officials officials."
        ],
        "turns": [],
        "disclaimer": None,
    },
)

#: Found by a random run: the same over a briefing (whose note type is its title when a
#: name stands straight above it); an office line under the name-shaped line makes it
#: the title.
_BLOG_HEADLINE_OVER_A_BRIEFING = _BLOG_HEADLINE_OVER_CHROME._replace(
    text=(
        "Showing posts with label STATE DEPARTMENT. Show all posts\n\n"
        "Tuesday, January 2, 2001\n\nSTATEMENT ON WORKSHOP WORKSHOP\n\n"
        "FROM:  THE STATE DEPARTMENT\n"
        "Workshop Workshop\nOffice of the Spokesperson\nDaily Press Briefing\nWashington, DC\n"
        "January 1, 2001\n\n"
        "Officials officials officials officials officials officials officials officials."
    ),
    expected={**_BLOG_HEADLINE_OVER_CHROME.expected, "note_type": "Daily Press Briefing"},
)


@given(releases())
@example(_BLOG_HEADLINE_OVER_CHROME)
@example(_BLOG_HEADLINE_OVER_A_BRIEFING)
def test_generated_releases_round_trip(case: Case) -> None:
    """A release rendered from known fields, in any layout family, parses back to them."""
    event(f"layout {case.layout}")
    release = releaseparse.parse(case.text)
    got = header_to_dict(release.header) | {
        "paragraphs": list(release.body.paragraphs),
        "turns": [{"label": turn.label, "text": turn.text} for turn in release.body.turns],
        "disclaimer": release.disclaimer,
    }
    assert got == case.expected
    check_invariants(release)
    errors = {code for code in release.codes if code.endswith((".missing", ".invalid"))}
    wanted = {f"{name}.missing" for name in ("title", "date") if case.expected[name] is None}
    assert errors == wanted


@pytest.mark.parametrize(
    ("text", "want"),
    [pytest.param(text, want, id=f"{gap}-{n}") for n, (gap, text, want) in enumerate(GAP_EXAMPLES)],
)
def test_parser_gap_regressions(text: str, want: dict[str, Any]) -> None:
    """The minimal text of each parser gap the generator once found gives the right fields."""
    release = releaseparse.parse(text)
    got = header_to_dict(release.header) | {
        "paragraphs": list(release.body.paragraphs),
        "disclaimer": release.disclaimer,
    }
    assert {name: got[name] for name in want} == want


@given(releases(), st.data())
def test_generated_release_as_bytes(case: Case, data: st.DataObject) -> None:
    """The release read from UTF-8 (with or without BOM) or cp1252 bytes gives the same fields."""
    text = case.text
    encoded = data.draw(
        st.sampled_from(
            (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("cp1252"))
        )
    )
    assert releaseparse.parse(encoded).header == releaseparse.parse(text).header


@pytest.mark.parametrize("text", ["", " ", "\n\n", "x"])
def test_tiny_inputs(text: str) -> None:
    check_invariants(releaseparse.parse(text))


_GAPS = st.text(alphabet=" \t\n\r\u00a0\u2028\u200b\u00ad\x1c", max_size=3)


@given(st.data())
def test_disclaimer_fast_walk_agrees_with_the_character_walk(data: st.DataObject) -> None:
    """A disclaimer copy with breaks, invisible characters, cuts or typos: both walks agree."""
    from releaseparse.extractors.disclaimer import _walk, _walk_chars
    from releaseparse.vocabulary import DEFAULT_VOCABULARY

    template = data.draw(st.sampled_from(DEFAULT_VOCABULARY.disclaimers))
    words = template.split()
    if data.draw(st.booleans()):  # cut off
        words = words[: data.draw(st.integers(1, len(words)))]
    pieces = [word + data.draw(_GAPS) for word in words]
    if data.draw(st.booleans()):  # an altered character
        at = data.draw(st.integers(0, len(pieces) - 1))
        pieces[at] = pieces[at][:-1] + "#" if len(pieces[at]) > 1 else "#"
    source = data.draw(_GAPS) + "".join(pieces) + data.draw(st.sampled_from(("", " tail", "\n")))
    found = _walk(source, 0, template)
    event(f"complete copy: {found[2]}")
    assert found == _walk_chars(source, 0, template)
