"""The record's and the parse state's fast paths answer as the plain forms they replace."""

from __future__ import annotations

import datetime as _dt
import itertools
import pickle
import re
from array import array
from collections.abc import Callable
from typing import Any, cast

import attrs
import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import releaseparse
from releaseparse.assemble import assemble
from releaseparse.errors import ExtractorError
from releaseparse.extractors._common import header_end
from releaseparse.extractors.checks import checks
from releaseparse.lines import Line, split_lines
from releaseparse.records import (
    FROM_TEXT,
    Body,
    Header,
    RegionTable,
    Release,
    Severity,
    Span,
    SpanTable,
    Speaker,
    Turn,
    TurnTable,
    checked_release,
    offset_array,
    offset_span_table,
    turn_table,
    unchecked_span,
)
from releaseparse.state import BUILTIN_FIELDS, ParseState
from releaseparse.text import is_blank
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests.chain import state_before
from tests.strategies import releases

# -- lines ------------------------------------------------------------------------------

_PLAIN_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")


def plain_split_lines(source: str) -> tuple[Line, ...]:
    """The lines as one pattern finds them, one at a time (the form before any shortcut)."""
    lines = []
    for number, match in enumerate(_PLAIN_LINE.finditer(source)):
        start, stop = match.span()
        if start == len(source):
            break
        text = match[1]
        lines.append(Line(number, start, start + len(text), stop, text))
    return tuple(lines)


@given(st.text(alphabet="ab \r\n\u2028\x85", max_size=40))
@example("a\rb")
@example("a\r")
@example("\r")
@example("a\r\nb\rc\n")
@example("a\r\n\r\n\rb")
@example("\r\r\n")
def test_split_lines_equals_the_plain_pattern(source: str) -> None:
    assert split_lines(source) == plain_split_lines(source)


def test_split_lines_equals_the_plain_pattern_on_every_short_text_with_a_lone_cr() -> None:
    for size in range(7):
        for letters in itertools.product("a\r\n", repeat=size):
            source = "".join(letters)
            lines = split_lines(source)
            assert lines == plain_split_lines(source), repr(source)
            assert all(type(line) is Line for line in lines)


# -- offset tables made from a parse -----------------------------------------------------


def test_a_span_table_of_offsets_is_the_table_of_its_spans() -> None:
    pairs = {"title": (0, 5), "body.paragraphs.0": (7, 20), "body": (7, 40)}
    lazy = offset_span_table(pairs)
    eager = SpanTable(tuple(pairs), array("q", [0, 5, 7, 20, 7, 40]))
    assert list(lazy.items()) == list(eager.items())
    assert len(lazy) == len(eager) == 3
    assert lazy == eager
    assert eager == lazy
    assert lazy.built() == eager.built()
    assert lazy.labels == eager.labels
    assert lazy.offsets == eager.offsets
    assert type(lazy.offsets) is array
    assert list(lazy.items()) == list(eager.items())  # the same once the array is made
    pairs["title"] = (1, 2)
    assert lazy == eager  # a copy of the state's offsets, not the state's own


def test_region_and_turn_tables_of_edges_are_the_tables_of_their_arrays() -> None:
    lazy_regions = RegionTable.of_edges(("title", "blank", "body"), (0, 5, 5, 7, 7, 40))
    eager_regions = RegionTable(("title", "blank", "body"), array("q", [0, 5, 5, 7, 7, 40]))
    assert list(lazy_regions.items()) == list(eager_regions.items())
    assert lazy_regions.built() == eager_regions.built()
    assert lazy_regions == eager_regions
    assert eager_regions == lazy_regions
    assert len(lazy_regions) == 3
    turns = (Turn("Q", "Why?", Span(3, 10)), Turn("A", "Because.", Span(12, 30)))
    lazy_turns = turn_table(turns)
    eager_turns = TurnTable(("Q", "A"), ("Why?", "Because."), array("q", [3, 10, 12, 30]))
    assert lazy_turns == eager_turns
    assert hash(lazy_turns) == hash(eager_turns)
    assert lazy_turns.built() == eager_turns.built() == turns
    assert lazy_turns.texts == eager_turns.texts
    assert lazy_turns.offsets == eager_turns.offsets


# -- assemble ------------------------------------------------------------------------------

_HEADER_TEXT_FIELDS = ("title", "category", "note_type", "office", "venue", "place", "time_zone")
_HEADER_FIELDS = tuple(field.name for field in attrs.fields(Header))
_PIECE = regex.compile(r"[^\r\n]*+(?:\r\n|[\r\n])?+")


def _plain_gap_regions(
    state: ParseState, regions: list[tuple[str, int, int]], start: int, end: int
) -> None:
    source = state.source
    if start >= end:
        return
    if is_blank(source[start:end]):
        regions.append(("blank", start, end))
        return
    runs: list[list[Any]] = []
    position = start
    while position < end:
        piece = _PIECE.match(source, position, end)
        assert piece is not None
        cut = piece.end()
        kind = "blank" if is_blank(piece.group()) else "unclaimed"
        if runs and runs[-1][0] == kind:
            runs[-1][2] = cut
        else:
            runs.append([kind, position, cut])
        position = cut
    for kind, run_start, run_end in runs:
        regions.append((kind, run_start, run_end))
        if kind == "unclaimed":
            state.defect(
                "text.unclaimed",
                "text no extractor recognised; it is kept as an unclaimed region",
                Span(run_start, run_end),
                Severity.INFO,
            )


def plain_assemble(state: ParseState) -> Release:
    """``assemble`` as it was: constructors, a get per field, every array made at once."""
    regions: list[tuple[str, int, int]] = []
    position = 0
    for start, end, kind in state.claims():
        _plain_gap_regions(state, regions, position, start)
        regions.append((kind, start, end))
        position = end
    _plain_gap_regions(state, regions, position, len(state.source))
    region_table = RegionTable(
        tuple(kind for kind, _, _ in regions),
        offset_array([edge for _, start, end in regions for edge in (start, end)]),
    )
    spans = state.spans
    span_table = SpanTable(
        tuple(spans), offset_array([e for span in spans.values() for e in (span.start, span.end)])
    )
    header = Header(
        **{name: cast(str | None, state.get(name)) for name in _HEADER_TEXT_FIELDS},
        speakers=cast(tuple[Speaker, ...], state.get("speakers", ())),
        date=cast(_dt.date | None, state.get("date")),
        time=cast(_dt.time | None, state.get("time")),
    )
    fields = state.fields
    extras = {name: field.value for name, field in fields.items() if name not in BUILTIN_FIELDS}
    origins = {
        name: FROM_TEXT for name in _HEADER_FIELDS if getattr(header, name) not in (None, "", ())
    }
    return checked_release(
        header,
        Body(
            cast(tuple[str, ...], state.get("body", ())),
            cast(tuple[Turn, ...], state.get("turns", ())),
        ),
        cast(str | None, state.get("disclaimer")),
        state.source,
        span_table,
        region_table,
        state.defects,
        extras,
        dict(state.ratings()),
        origins,
    )


def _parsed_state(source: str, extra: Callable[[ParseState], None] | None = None) -> ParseState:
    """The state the chain leaves, ready for ``assemble``."""
    state = ParseState(source)
    for name, extractor in releaseparse.Parser():
        state.extractor = name
        extractor(state)
    if extra is not None:
        state.extractor = "extra"
        extra(state)
    return state


def _same_record(source: str, extra: Callable[[ParseState], None] | None = None) -> Release:
    state = _parsed_state(source, extra)
    defects = state.defects
    expected = plain_assemble(state)
    state._defects = list(defects)  # the gaps' defects are recorded again
    found = assemble(state)
    assert found == expected
    assert expected == found
    assert found.regions == expected.regions
    assert found.spans == expected.spans
    assert found.body.turns == expected.body.turns
    assert found.to_dict() == expected.to_dict()
    assert pickle.loads(pickle.dumps(found)) == expected
    assert pickle.dumps(found) == pickle.dumps(expected)
    assert repr(found) == repr(expected)
    return found


_HAND_WRITTEN = (
    "",
    "   \n\n",
    "Media Note\nOffice of the Spokesperson\nMarch 3, 2020\n\nThe Secretary spoke today.\n",
    # A gap of invisible characters and one of text no extractor reads.
    "Press Statement\nMarch 3, 2020\n\u200b\n\nThe first paragraph.\n\n\u200b\n",
    "Press Statement\r\nJohn Doe, Spokesperson\r\nMarch 3, 2020\r\n\r\nSome text.\r\n# stray\r",
    "QUESTION: Why now?\n\nMR DOE: Because it is time.\n\nQUESTION: And then?\n",
)


@pytest.mark.parametrize("source", _HAND_WRITTEN)
def test_assemble_equals_the_plain_form_on_hand_written_pages(source: str) -> None:
    _same_record(source)


def test_assemble_keeps_extras_as_the_plain_form_does() -> None:
    def add_extras(state: ParseState) -> None:
        state.set("ticket", ["a", 1], Span(0, 4))
        state.rate("ticket", releaseparse.Confidence.SURE)

    found = _same_record(_HAND_WRITTEN[2], add_extras)
    assert found.extras == {"ticket": ("a", 1)}


@settings(max_examples=40, deadline=None)
@given(releases())
def test_assemble_equals_the_plain_form(case: Any) -> None:
    _same_record(case.text)


# -- the parse state ---------------------------------------------------------------------


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6), st.booleans()), max_size=12),
)
def test_claims_are_always_the_claims_made(moves: list[tuple[int, int, bool]]) -> None:
    state = ParseState("x" * 40)
    made: list[tuple[int, int, str]] = []
    assert state.claims() == ()
    for start, width, as_runs in moves:
        before = state.claims()
        try:
            if as_runs:
                state.claim_runs([(start, start + width)], "run")
            else:
                state.claim(Span(start, start + width), "one")
        except ExtractorError:
            assert state.claims() == before
            continue
        made.append((start, start + width, "run" if as_runs else "one"))
        assert state.claims() == tuple(sorted(made))
        assert state.claims() is state.claims()
        for probe in range(40):
            span = Span(probe, probe + 1)
            assert state.is_claimed(span) == any(s <= probe < e for s, e, _ in made)
            assert state.is_claimed(span) is (state._overlapping(span) is not None)


class _OddSpan(Span):
    """A ``Span`` subclass: ``set`` takes it as the checked path did."""


def test_set_checks_values_and_spans_as_before() -> None:
    state = ParseState("Some text here.")
    state.set("title", "Some", Span(0, 4))
    state.set("office", type("Text", (str,), {})("text"), _OddSpan(5, 9))
    assert state.span_of("office") == Span(5, 9)
    assert state.get("title") == "Some"
    with pytest.raises(ExtractorError, match="cannot hold int 3"):
        state.set("venue", 3, Span(0, 1))
    with pytest.raises(ExtractorError, match=r"lies outside the source \(length 15\)"):
        state.set("place", "x", Span(3, 99))
    with pytest.raises(ExtractorError, match="needs a Span, got tuple"):
        state.set("place", "x", (0, 1))  # type: ignore[arg-type]
    with pytest.raises(ExtractorError, match="cannot hold str '2020'"):
        state.set("date", "2020", Span(0, 1))
    with pytest.raises(ExtractorError, match=r"span \[9, 3\) starts after it ends"):
        state.set("place", "x", unchecked_span(9, 3))
    assert not state.has("venue")
    assert not state.has("place")
    assert not state.has("date")
    span = state.span_of("title")
    assert type(span) is Span
    assert span == Span(0, 4)


# -- checks ------------------------------------------------------------------------------


def plain_checks(state: ParseState) -> None:
    """``checks`` as it was: every span found before any defect is looked at."""
    source = state.source
    if is_blank(source):
        state.defect("source.blank", "the input holds no text", Span(0, len(source)))
    stripped = len(source) - len(source.lstrip())
    first = stripped if stripped < len(source) else 0
    here = unchecked_span(first, first)
    end = header_end(state)
    if not state.has("title"):
        state.defect("title.missing", "no title was found", here, Severity.ERROR)
    if not state.has("date") and "date.no_year" not in {d.code for d in state.defects}:
        state.defect(
            "date.missing",
            "no dateline was found in the header; no date is filled in",
            unchecked_span(end, end),
            Severity.ERROR,
        )
    if not state.has("body"):
        state.defect(
            "body.missing", "no body text was found after the header", unchecked_span(end, end)
        )


_SKIPPED = st.frozensets(st.sampled_from(("title", "date", "body", "preamble")))


@settings(max_examples=40, deadline=None)
@given(releases(), _SKIPPED)
def test_checks_equal_the_plain_form(case: Any, skip: frozenset[str]) -> None:
    source = case.text
    plain, fast = (state_before(source, DEFAULT_VOCABULARY, "checks", skip) for _ in "ab")
    plain_checks(plain)
    checks(fast)
    assert fast.defects == plain.defects


@pytest.mark.parametrize("source", [*_HAND_WRITTEN, "  \n Title only\n", "March 2\n\nText.\n"])
@pytest.mark.parametrize("skip", [frozenset(), frozenset({"title", "date", "body"})])
def test_checks_equal_the_plain_form_on_hand_written_pages(
    source: str, skip: frozenset[str]
) -> None:
    plain, fast = (state_before(source, DEFAULT_VOCABULARY, "checks", skip) for _ in "ab")
    plain_checks(plain)
    checks(fast)
    assert fast.defects == plain.defects


@pytest.mark.parametrize("recorded", ["date.no_year", "date.other"])
@pytest.mark.parametrize("source", ["Title\n\nBody text.\n", "Title\nMarch 2\n\nBody.\n", ""])
def test_checks_look_for_a_date_without_year_as_before(recorded: str, source: str) -> None:
    states = []
    for check in (plain_checks, checks):
        state = state_before(source, DEFAULT_VOCABULARY, "checks", frozenset({"date"}))
        state.defect(recorded, "a date was read without its year", Span(0, 0))
        check(state)
        states.append(state)
    assert states[0].defects == states[1].defects
    assert ("date.missing" in {d.code for d in states[1].defects}) is (recorded != "date.no_year")
