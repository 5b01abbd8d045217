"""The header extractors' shortcuts answer as their plain forms: block lines, preamble, trims."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from releaseparse.dates import read_leading_time, read_time
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import (
    _TRIM,
    block_lines,
    clean_text,
    header_lines,
    set_text_at,
    set_time,
    speakers_of,
    trimmed,
    trimmed_offsets,
)
from releaseparse.extractors._kinds import Kind
from releaseparse.extractors.preamble import preamble
from releaseparse.extractors.time import NO_TIME_OPENINGS, _glued_to_the_body
from releaseparse.lines import Line
from releaseparse.records import Span
from releaseparse.state import ParseState
from releaseparse.text import is_blank
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests.chain import state_before
from tests.strategies import releases

speaker_module = importlib.import_module("releaseparse.extractors.speaker")

HEADER_STEPS = ("date", "title", "note_type", "office", "speaker", "place", "venue", "time")
KIND_ASKS: tuple[tuple[Kind, ...], ...] = (
    (),
    (Kind.NOTE_TYPE,),
    (Kind.OFFICE,),
    (Kind.PLACE,),
    (Kind.BLANK,),
    (Kind.ISSUER, Kind.NAME, Kind.ROLE, Kind.ANONYMOUS),
    (Kind.NAME, Kind.NAME),
    (Kind.ROLE, Kind.DATE),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

# -- plain forms: the code as it was before the shortcuts ---------------------------------


def _header_lines_plain(state: ParseState, *kinds: Kind) -> Iterator[tuple[Line, Kind]]:
    """``header_lines`` as it was: a walk of the block's lines on each call."""
    found = layout(state)
    block = found.block
    if block is None:
        return
    skip = set(block.inside)
    if block.title is not None:
        skip.update(range(*block.title))
    for index in range(block.start, block.end):
        kind = found.kind(index)
        if index in skip or kind == Kind.BLANK or (kinds and kind not in kinds):
            continue
        line = state.lines[index]
        if not state.is_claimed(line.span):
            yield line, kind


def _block_lines_plain(state: ParseState, kind: Kind) -> list[int]:
    found = layout(state)
    block = found.block
    if block is None:
        return []
    return [index for index in range(block.start, block.end) if found.kind(index) == kind]


def _trimmed_plain(source: str, start: int, end: int) -> Span:
    while start < end and source[start] in _TRIM:
        start += 1
    while end > start and source[end - 1] in _TRIM:
        end -= 1
    return Span(start, end)


def _preamble_plain(state: ParseState) -> None:
    """``preamble`` as it was: every line trimmed and every claim scanned for it."""
    found = layout(state)
    block = found.block
    if block is None:
        return
    first = block.start if block.title is None else min(block.start, block.title[0])
    for index, line in enumerate(state.lines[: block.end]):
        if is_blank(line.text) or found.kind(index) == Kind.FLAT:
            continue
        span = _trimmed_plain(state.source, line.start, line.end)
        for piece_start, piece_end in _unclaimed_pieces_plain(state, span.start, span.end):
            piece = _trimmed_plain(state.source, piece_start, piece_end)
            if piece:
                state.claim(piece, "preamble" if index < first else "header")


def _unclaimed_pieces_plain(state: ParseState, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    position = start
    for claim_start, claim_end, _kind in state.claims():
        if claim_end <= position:
            continue
        if claim_start >= end:
            break
        if claim_start > position:
            pieces.append((position, claim_start))
        position = max(position, claim_end)
    if position < end:
        pieces.append((position, end))
    return pieces


def _set_text_plain(state: ParseState, name: str, span: Span, *, kind: str | None) -> None:
    span = _trimmed_plain(state.source, span.start, span.end)
    if not len(span):
        return
    if kind is not None:
        state.claim(span, kind)
    state.set(name, clean_text(state, span.start, span.end, name.replace("_", " ")), span)


# -- helpers ---------------------------------------------------------------------------------


def _twin(state: ParseState) -> ParseState:
    """A copy of ``state`` whose claims, fields and defects change on their own."""
    twin = copy.copy(state)
    for name in ("_fields", "_spans", "_ratings", "derived"):
        setattr(twin, name, dict(getattr(state, name)))
    for name in ("_claim_starts", "_claims", "_defects"):
        setattr(twin, name, list(getattr(state, name)))
    return twin


def _outcome(state: ParseState) -> tuple[object, ...]:
    return state.claims(), dict(state.fields), state.defects


def _claim_free(state: ParseState, start: int, end: int, kind: str) -> None:
    """Claim ``[start, end)`` unless it is empty or overlaps a claim."""
    if start < end and not state.is_claimed(Span(start, end)):
        state.claim(Span(start, end), kind)


# Header blocks of our own wording, of the shapes the shortcuts tell apart: a title above,
# a plain line inside, a place line in brackets, a venue line, a lone issuer, a flattened line.
HAND_WRITTEN = (
    "Harbor Grants Announced\n\nMedia Note\nOffice of the Spokesperson\nMarch 3, 2021\n\n"
    "The Department announces harbor grants.\n",
    "Remarks on Coastal Trade\n\nRemarks\nJane Q. Doe\nSecretary of State\nTreaty Room\n"
    "Washington, DC\nMay 4, 2019\n\nThank you all for coming today.\n",
    "Press Statement\nJohn Roe, Department Spokesperson\n(Geneva, Switzerland)\n"
    "June 9, 2020\n\n2:46 p.m. EDT\n\nWe welcome the agreement reached today.\n",
    "Daily Press Briefing Richard Roe, Spokesman Washington, DC January 5, 2004\n\n"
    "MR. ROE: Good afternoon.\n",
    "Republished headline\n\nFair Winds Ahead\n\nMedia Note\nMay 5\n\nA paragraph of text.\n",
)


# -- the tests ---------------------------------------------------------------------------------


@SETTINGS
@given(releases(), st.sampled_from(HEADER_STEPS), st.sampled_from(KIND_ASKS))
def test_header_lines_as_plain(case: object, step: str, kinds: tuple[Kind, ...]) -> None:
    """``header_lines`` (block lines by kind, read once a parse) gives the walk's lines."""
    state = state_before(case.text, DEFAULT_VOCABULARY, step)  # type: ignore[attr-defined]
    assert list(header_lines(state, *kinds)) == list(_header_lines_plain(state, *kinds))


@SETTINGS
@given(releases(), st.lists(st.integers(0, 40), max_size=4), st.sampled_from(KIND_ASKS))
@example(case=None, claimed=[0, 1, 2], kinds=())
def test_header_lines_see_claims_made_while_read(
    case: object, claimed: list[int], kinds: tuple[Kind, ...]
) -> None:
    """Claims made before a call, and between two lines read, are seen as the walk saw them."""
    texts = [case.text] if case is not None else list(HAND_WRITTEN)  # type: ignore[attr-defined]
    for text in texts:
        fast = state_before(text, DEFAULT_VOCABULARY, "date")
        plain = _twin(fast)
        for state in (fast, plain):
            for number in claimed:
                if number < len(state.lines):
                    line = state.lines[number]
                    _claim_free(state, line.start, line.start + 1, "mine")
        got: list[tuple[Line, Kind]] = []
        want: list[tuple[Line, Kind]] = []
        for state, read, out in ((fast, header_lines, got), (plain, _header_lines_plain, want)):
            for line, kind in read(state, *kinds):
                out.append((line, kind))
                # Claim the next line while the walk is under way.
                if line.number + 1 < len(state.lines):
                    below = state.lines[line.number + 1]
                    _claim_free(state, below.start, below.end, "mine")
        assert got == want


@SETTINGS
@given(releases())
def test_block_lines_as_plain(case: object) -> None:
    """``block_lines`` gives the block's lines of a kind, title and plain lines among them."""
    for text in (case.text, *HAND_WRITTEN):  # type: ignore[attr-defined]
        state = state_before(text, DEFAULT_VOCABULARY, "flat")
        for kind in Kind:
            assert list(block_lines(state, kind)) == _block_lines_plain(state, kind)


@SETTINGS
@given(
    releases(),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 80), st.integers(0, 80)), max_size=6),
)
@example(case=None, extra=[])
@example(case=None, extra=[(0, 2, 5), (0, 7, 9), (1, 0, 3), (2, 1, 80)])
def test_preamble_as_plain(case: object, extra: list[tuple[int, int, int]]) -> None:
    """``preamble`` (the claims read once, a region holding a whole line passed over) claims
    the runs the plain form claims, with pieces of lines claimed before it."""
    texts = [case.text] if case is not None else list(HAND_WRITTEN)  # type: ignore[attr-defined]
    for text in texts:
        fast = state_before(text, DEFAULT_VOCABULARY, "preamble")
        for number, start, end in extra:
            if number < len(fast.lines):
                line = fast.lines[number]
                low, high = sorted((line.start + start, line.start + end))
                _claim_free(fast, low, min(high, line.end), "mine")
        plain = _twin(fast)
        preamble(fast)
        _preamble_plain(plain)
        assert fast.claims() == plain.claims()


_TRIMMED_TEXT = st.text(
    alphabet=st.sampled_from(["a", ",", "(", " ", "\t", "\u00a0", "\u200b", "\x1c", "\u202f"]),
    max_size=12,
)


@given(_TRIMMED_TEXT, st.integers(0, 12), st.integers(0, 12))
@example(" \u200ba b\u00a0", 0, 7)
def test_trimmed_as_plain(text: str, start: int, end: int) -> None:
    """``trimmed`` (the offsets trimmed inline, a set for the characters) trims as before."""
    start, end = min(start, len(text)), min(end, len(text))
    start, end = min(start, end), max(start, end)
    assert trimmed(text, start, end) == _trimmed_plain(text, start, end)
    span = _trimmed_plain(text, start, end)
    assert trimmed_offsets(text, start, end) == (span.start, span.end)


@given(_TRIMMED_TEXT, st.integers(0, 12), st.integers(0, 12), st.sampled_from([None, "mine"]))
@example(" ", 0, 1, "mine")
def test_set_text_at_as_plain(text: str, start: int, end: int, kind: str | None) -> None:
    """``set_text_at`` (offsets, no ``Span`` made for them) sets and claims as ``set_text``."""
    start, end = min(start, len(text)), min(end, len(text))
    start, end = min(start, end), max(start, end)
    fast, plain = ParseState(text), ParseState(text)
    set_text_at(fast, "place", start, end, kind=kind)
    _set_text_plain(plain, "place", Span(start, end), kind=kind)
    assert _outcome(fast) == _outcome(plain)


def test_speakers_of_parts_are_the_spans_offsets() -> None:
    """``speakers_of`` gives its parts as offsets: ``set`` records them as it did the spans."""
    text = "Jane Q. Doe, Secretary of State; John Roe"
    found = [(Span(0, 11), Span(13, 31)), (Span(33, 41), None)]
    fast, plain = ParseState(text), ParseState(text)
    speakers, parts = speakers_of(fast, found)
    fast.set("speakers", speakers, Span(0, 41), parts=parts)
    plain_parts = {"0.name": Span(0, 11), "0.role": Span(13, 31), "1.name": Span(33, 41)}
    plain.set("speakers", speakers, Span(0, 41), parts=plain_parts)
    assert fast.span_table() == plain.span_table()
    assert [(s.name, s.role) for s in speakers] == [
        ("Jane Q. Doe", "Secretary of State"),
        ("John Roe", None),
    ]


def _glued_to_the_body_plain(state: ParseState, end: int) -> None:
    """``_glued_to_the_body`` as it was: the pattern asked of every first body line."""
    for line in state.lines[end:]:
        if not is_blank(line.text):
            break
    else:
        return
    if state.is_claimed(line.span):
        return
    lead = len(line.text) - len(line.text.lstrip())
    found = read_leading_time(line.text[lead:])
    if found is None:
        return
    length, reading = found
    span = _trimmed_plain(state.source, line.start + lead, line.start + lead + length)
    state.claim(span, "time")
    set_time(state, reading.value, reading.zone, span)


_OPENINGS = st.sampled_from(
    ["", " ", "\t", "\x1c", "(", "1", "0", "a", "M", ":", "\u00a0", "\u0661"]
)
_CLOCKS = st.sampled_from(
    ["", "1:41 p.m. EDT", "10:05 am", "2.30 P.M.", "(9:15 a.m. EST)", "9:15 a.m. EST)", ":41 p.m."]
)
_TAILS = st.sampled_from(["", " MS. ROE: Hello.", " Good morning.", " local time", "x"])


@given(st.sampled_from(sorted(NO_TIME_OPENINGS | {"(", "1"})), _CLOCKS, _TAILS)
@example("", "", "")
@example("a", "9:15 a.m. EST)", "")
@example("(", "9:15 a.m. EST)", "")
@example("1", ":41 p.m.", "")
def test_no_time_openings_read_as_no_time(opening: str, clock: str, tail: str) -> None:
    """A line ``NO_TIME_OPENINGS`` opens is no time to ``read_time``: ``time`` skips it."""
    text = opening + clock + tail
    if text[:1] in NO_TIME_OPENINGS:
        assert read_time(text) is None


@given(_OPENINGS, _OPENINGS, _CLOCKS, _TAILS, st.booleans())
@example(" ", "", "1:41 p.m. EDT", " MS. ROE: Hello.", False)
@example("", "(", "9:15 a.m. EST)", " Good morning.", False)
@example("", "\u0661", ":41 p.m. EDT", " MS. ROE: Hello.", False)
def test_glued_time_as_plain(lead: str, opening: str, clock: str, tail: str, claimed: bool) -> None:
    """``_glued_to_the_body`` (no pattern asked of a line opening with other ASCII) reads
    the time opening the body's first line as the plain form does."""
    text = "Fair Winds Ahead\n\n" + lead + opening + clock + tail + "\n"
    fast, plain = ParseState(text), ParseState(text)
    for state in (fast, plain):
        if claimed:
            state.claim(Span(len(text) - 2, len(text) - 1), "mine")
    _glued_to_the_body(fast, 1, {})  # no line's kind known: each asked ``is_blank``
    _glued_to_the_body_plain(plain, 1)
    assert _outcome(fast) == _outcome(plain)


@given(st.integers(0, 20), st.integers(-25, 20), st.integers(-25, 20))
@example(3, -3, 0)
@example(3, 2, 1)
def test_speaker_offsets_as_a_checked_span(start: int, first: int, second: int) -> None:
    """``speaker._offsets`` (no check made twice) gives the checked ``Span``, or its error."""
    line = Line(0, start, start + 20, start + 21, "x" * 20)
    try:
        want: Span | None = Span(start + first, start + second)
    except ValueError:
        want = None
    if want is None:
        with pytest.raises(ValueError, match="invalid span"):
            speaker_module._offsets(line, (first, second))
    else:
        assert speaker_module._offsets(line, (first, second)) == want
