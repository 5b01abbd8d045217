"""The confidence and title steps' shortcuts answer as their plain forms."""

from __future__ import annotations

import importlib

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.errors import ExtractorError
from releaseparse.extractors._block import layout
from releaseparse.extractors._kinds import Kind
from releaseparse.extractors.confidence import (
    LIKELY,
    MAX_SURE_TITLE_WORDS,
    MIN_SURE_TITLE_WORDS,
    NEAR_TITLES,
    SURE,
    UNCERTAIN,
    confidence,
)
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.records import Confidence, Severity, Span, unchecked_defect, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.chain import state_before
from tests.plain_confidence import _Evidence, plain_confidence
from tests.plain_title import plain_title
from tests.strategies import releases

title_module = importlib.import_module("releaseparse.extractors.title")

VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)


def _texts() -> st.SearchStrategy[str]:
    return releases().map(lambda case: case.text)


# -- the plain forms, as the confidence step read before its shortcuts ---------------------


def plain_header_level(evidence: _Evidence, name: str) -> Confidence:
    span = evidence.state.span_of(name)
    if span is None or not evidence.in_block(span) or evidence.in_title(span):
        return LIKELY
    return SURE if evidence.strong else LIKELY


def plain_speakers_level(evidence: _Evidence, body_sure: bool) -> Confidence:
    """``speakers_level`` reading the first speaker's spans with ``span_of``."""
    span = evidence.state.span_of("speakers.0.name")
    if span is None or evidence.in_title(span) or not evidence.in_block(span):
        return LIKELY
    role = evidence.state.span_of("speakers.0.role")
    if role is None or role.start < span.start:
        return LIKELY
    speakers = evidence.fields["speakers"].value
    if isinstance(speakers, tuple) and any(
        " " not in speaker.name and not speaker.name.isascii() for speaker in speakers
    ):
        return LIKELY
    if evidence.strong:
        return SURE
    kind = evidence.found.kind(evidence.line_at(span.start))
    return SURE if body_sure and kind is Kind.ISSUER else LIKELY


def plain_office_level(evidence: _Evidence, body_sure: bool) -> Confidence:
    """``office_level`` reading the office's span with ``span_of``."""
    state = evidence.state
    if collapse(str(evidence.fields["office"].value)).casefold() not in (
        state.vocabulary.office_keys
    ):
        return LIKELY
    if body_sure:
        # An empty span (as a missing one) is read at the first line.
        span = state.span_of("office")
        kind = evidence.found.kind(evidence.line_at(span.start if span else 0))
        if kind in (Kind.OFFICE, Kind.FLAT):
            return SURE
    return plain_header_level(evidence, "office")


def plain_sure_title(evidence: _Evidence, text: str) -> bool:
    """``_sure_title`` asking ``found.kind`` for the title's and the block's first line."""
    block = evidence.block
    if block.title_from not in NEAR_TITLES or not evidence.strong:
        return False
    if block.title is not None and evidence.found.kind(block.title[0]) is Kind.NAME:
        return False
    if not MIN_SURE_TITLE_WORDS <= len(text.split()) <= MAX_SURE_TITLE_WORDS:
        return False
    if evidence.found.kind(block.start) is Kind.NOTE_TYPE and evidence._self_titled_top():
        return False
    return not evidence._over_unread_name()


def plain_over_unread_name(evidence: _Evidence) -> bool:
    """``_over_unread_name`` asking ``found.kind`` of each line and every span's start."""
    title = evidence.block.title
    if title is None:
        return False
    index = title[1]
    while index < len(evidence.lines) and evidence.found.kind(index) is Kind.BLANK:
        index += 1
    if index >= len(evidence.lines) or evidence.found.kind(index) is not Kind.NAME:
        return False
    return not any(evidence.line_at(span.start) == index for span in evidence.state.spans.values())


def _evidence(state: ParseState) -> _Evidence | None:
    found = layout(state)
    return None if found.block is None else _Evidence(state, found, found.block, state.fields)


# -- the step as a whole ---------------------------------------------------------------------


def _after(run: object, text: str, vocabulary: Vocabulary) -> tuple[object, ...]:
    state = state_before(text, vocabulary, "confidence")
    run(state)  # type: ignore[operator]
    return state.ratings(), state.defects, state.span_table()


@given(_texts(), st.sampled_from(VOCABULARIES))
def test_confidence_rates_and_flags_as_the_plain_step(text: str, vocabulary: Vocabulary) -> None:
    assert _after(confidence, text, vocabulary) == _after(plain_confidence, text, vocabulary)


_OVER_A_NAME = """Harbor Grants for the Coast Guard Stations

Neueste Artikel
Press Statement
Office of the Spokesperson
March 3, 2011

The harbor authority will open its new ferry terminal to every traveller next week.
"""


@given(_texts(), st.sampled_from(VOCABULARIES))
@example(_OVER_A_NAME, DEFAULT_VOCABULARY)
@example(_OVER_A_NAME.replace("Neueste Artikel", "Taro Ito"), DEFAULT_VOCABULARY)
def test_the_evidence_reads_spans_as_span_of_does(text: str, vocabulary: Vocabulary) -> None:
    state = state_before(text, vocabulary, "confidence")
    evidence = _evidence(state)
    if evidence is None:
        return
    for name in UNCERTAIN:
        assert evidence.header_level(name) is plain_header_level(evidence, name)
    for body_sure in (False, True):
        assert evidence.speakers_level(body_sure) is plain_speakers_level(evidence, body_sure)
    if state.has("title"):
        text = collapse(str(state.get("title") or ""))
        assert evidence._sure_title(text) is plain_sure_title(evidence, text)
    assert evidence._over_unread_name() is plain_over_unread_name(evidence)
    body = evidence.offsets.get("body.paragraphs.0")
    plain_body = state.span_of("body.paragraphs.0")
    assert (body is None) is (plain_body is None)
    if body is not None and plain_body is not None:
        assert evidence.kind_at(body[0]) is evidence.found.kind(evidence.line_at(plain_body.start))


_OFFICE_ON_TOP = """Office of the Spokesperson
Press Statement
March 3, 2011

The harbor authority will open its new ferry terminal to every traveller next week.
"""


@given(_texts(), st.sampled_from(VOCABULARIES), st.integers(0, 400), st.booleans())
@example(_OFFICE_ON_TOP, DEFAULT_VOCABULARY, 80, True)  # on line 0 an office, not at 80
@example(_OFFICE_ON_TOP, DEFAULT_VOCABULARY, 80, False)
def test_an_offices_line_is_read_as_span_of_reads_it_empty_or_not(
    text: str, vocabulary: Vocabulary, offset: int, empty: bool
) -> None:
    state = state_before(text, vocabulary, "confidence", skip=frozenset({"office"}))
    if not state.has("office"):
        start = min(offset, len(text))
        end = start if empty else min(start + 1, len(text))
        state.set("office", vocabulary.offices[0], Span(start, end))
    evidence = _evidence(state)
    if evidence is None:
        return
    for body_sure in (False, True):
        assert evidence.office_level(body_sure) is plain_office_level(evidence, body_sure)


@given(_texts(), st.sampled_from(VOCABULARIES), st.integers(0, 400), st.integers(0, 400))
@example(_OFFICE_ON_TOP, DEFAULT_VOCABULARY, 30, 90)  # from the block into the body
def test_a_header_level_reads_a_span_as_span_of_reads_it(
    text: str, vocabulary: Vocabulary, start: int, end: int
) -> None:
    state = state_before(text, vocabulary, "confidence")
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    state.set("spanned", "", Span(start, end))
    evidence = _evidence(state)
    if evidence is not None:
        assert evidence.header_level("spanned") is plain_header_level(evidence, "spanned")


# -- the state's accessors -----------------------------------------------------------------


@given(_texts(), st.sampled_from(VOCABULARIES))
def test_the_span_offsets_are_span_ofs_spans(text: str, vocabulary: Vocabulary) -> None:
    state = state_before(text, vocabulary, "confidence")
    offsets = state._span_offsets()
    assert set(offsets) == set(state.spans)
    for name, (start, end) in offsets.items():
        assert state.span_of(name) == Span(start, end)


# -- the title -------------------------------------------------------------------------------


_DECORATED = """[Press Releases: Fwd: Harbor Grants for the Coast | example.com](https://example.com/a)

Media Note
Office of the Spokesperson
March 3, 2011

The harbor authority will open its new ferry terminal to every traveller next week.
"""


@given(_texts(), st.sampled_from(VOCABULARIES))
@example(_DECORATED, DEFAULT_VOCABULARY)
def test_title_sets_and_claims_as_the_plain_step(text: str, vocabulary: Vocabulary) -> None:
    def after(run: object) -> tuple[object, ...]:
        state = state_before(text, vocabulary, "title")
        run(state)  # type: ignore[operator]
        return state.claims(), state.span_table(), state._field_values()

    assert after(title_module.title) == after(plain_title)


# -- defects ---------------------------------------------------------------------------------


class _OwnSpan(Span):
    """A ``Span`` subclass: passed by ``_check_span``, not by the inline test."""


def plain_defect(state: ParseState, code: str, span: object) -> None:
    """``defect`` checking every span with ``_check_span``."""
    state._check_span(span, "defect", code)  # type: ignore[arg-type]
    state._defects.append(unchecked_defect(code, "seen", Severity.WARNING, span))  # type: ignore[arg-type]


_SPANS = st.one_of(
    st.builds(unchecked_span, st.integers(-3, 12), st.integers(-3, 12)),
    st.builds(_OwnSpan, st.integers(0, 12), st.integers(12, 14)),
    st.tuples(st.integers(0, 12), st.integers(0, 12)),
    st.none(),
)


@given(_SPANS)
@example(unchecked_span(4, 2))
@example(unchecked_span(0, 11))
@example(_OwnSpan(2, 12))
def test_a_defects_span_is_checked_as_check_span_checks_it(span: object) -> None:
    def outcome(record: object) -> object:
        state = ParseState("Harbor news")
        try:
            record(state)  # type: ignore[operator]
        except ExtractorError as error:
            return str(error)
        return state.defects

    fast = outcome(lambda state: state.defect("code.seen", "seen", span))
    assert fast == outcome(lambda state: plain_defect(state, "code.seen", span))
