"""The tail's shortcuts (chrome, trailers, the scan's named lines) answer as their plain forms."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors._block import layout
from releaseparse.extractors._kinds import Kind, classify, kind_memo, remembered_kind
from releaseparse.extractors._releases import named_header_width, names_note_type_or_office
from releaseparse.extractors.disclaimer import _candidate_lines, _first_characters, _opening
from releaseparse.patternset import PatternSet
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.chain import state_before
from tests.strategies import paragraphs, releases, titles

chrome_module = importlib.import_module("releaseparse.extractors.chrome")
trailers_module = importlib.import_module("releaseparse.extractors.trailers")

VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)


# -- the plain forms, as each step read before its shortcuts -------------------------------


def plain_chrome(state: ParseState) -> None:
    """``chrome`` classifying every line it walks over."""
    found = layout(state)
    block = found.block
    for index in range(found.size):
        kind = found.kind(index)
        if kind in (Kind.PROSE, Kind.LABEL) and (block is None or index >= block.start):
            break
        if kind == Kind.CHROME:
            state.claim(state.lines[index].span, "chrome")


def plain_trailers(state: ParseState) -> None:
    """``trailers`` with the vocabulary's own trailer set and ``is_chrome`` asked of each line."""
    from releaseparse.extractors._common import header_end
    from releaseparse.extractors._tail import header_bounds

    disclaimer = state.span_of("disclaimer")
    tail = len(state.source) if disclaimer is None else disclaimer.start
    floor, bound = header_bounds(state)
    trailer_set = state.vocabulary.trailer_set
    for line in reversed(state.lines):
        if line.stop > tail:
            continue
        if line.start < bound and (line.start < floor or line.start < header_end(state)):
            break
        if is_blank(line.text):
            continue
        if state.is_claimed(line.span):
            break
        text = collapse(line.text)
        if trailer_set.fullmatches(text):
            state.claim(line.span, "trailer")
        elif state.vocabulary.is_chrome(text):
            state.claim(line.span, "chrome")
        else:
            break


def plain_named(vocabulary: Vocabulary, line: str) -> bool:
    return vocabulary.note_type(line) is not None or vocabulary.is_office(line)


# -- pages: generated releases with chrome, topic-index, label and trailer lines put in --------

_INSERTS = st.one_of(
    st.sampled_from(
        [
            "View Video",
            "Share",
            "Skip to main content",
            "Print",
            "Email",
            "# # #",
            "###",
            "PRN: 2016/0231",
            "[end]",
            "Harbor Dredging Grants / Coastal Survey Review",
            "Ferry Timetables and Port Closures",
            "Regional Fisheries Talks",
            "MS. ORTEGA: Good afternoon, and thanks for waiting.",
            "QUESTION: Is the harbor open?",
            "Secretary Alvarez",
            "Office of the Spokesperson",
            "Press Statement",
            "March 3, 2011",
            "",
            "   ",
        ]
    ),
    st.sampled_from(DEFAULT_VOCABULARY.chrome_lines[:60]),
    titles(),
    paragraphs(),
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A generated release with lines put in anywhere: chrome, index lines, labels, trailers."""
    lines = draw(releases()).text.split("\n")
    for _ in range(draw(st.integers(0, 8))):
        lines.insert(draw(st.integers(0, len(lines))), draw(_INSERTS))
    return "\n".join(lines)


Claims = tuple[tuple[int, int, str], ...]


def _claims_after(
    run: Callable[[ParseState], None], text: str, vocabulary: Vocabulary, step: str
) -> tuple[Claims, Claims]:
    state = state_before(text, vocabulary, step)
    before = copy.deepcopy(state.claims())
    run(state)
    return before, state.claims()


def _same_claims(
    text: str,
    vocabulary: Vocabulary,
    step: str,
    fast: Callable[[ParseState], None],
    plain: Callable[[ParseState], None],
) -> None:
    # Unseen (the memos of line texts empty), then seen (the plain form filled them).
    vocabulary.forget_lines()
    unseen = _claims_after(fast, text, vocabulary, step)
    expected = _claims_after(plain, text, vocabulary, step)
    seen = _claims_after(fast, text, vocabulary, step)
    assert unseen == expected
    assert seen == expected


# Hand-written pages of the classes the chrome screen sorts apart: a briefing's topic
# index under the header (plain lines, one of them chrome), chrome after the body's first
# paragraph (never claimed), a label opening the body, and no header block at all.
_INDEX_PAGE = """Daily Press Briefing
Taro Ito, Deputy Spokesperson
Washington, DC
April 20, 2005

Harbor Dredging Grants / Coastal Survey Review
Ferry Timetables and Port Closures
Regional Fisheries Talks

View Video

12:30 p.m. EDT

MS. ITO: Good afternoon. Let me start with the harbor grants today.

Share
"""
_PROSE_THEN_CHROME = """Press Statement
Office of the Spokesperson
March 3, 2011

Harbor Grants for the Coast

The harbor authority will open its new ferry terminal to every traveller next week.

Print
Share
# # #
"""
_NO_BLOCK = """Share
Print
The harbor authority will open its new ferry terminal to every traveller next week.
Email
"""
_CHROME_IN_INDEX = """Media Note
Office of the Spokesperson
June 2, 2014

Regional Fisheries Talks
Share
Email
Coastal Survey Review
Print

The delegation arrives on Monday and stays until the talks have concluded this week.
"""
HAND_PAGES = (_INDEX_PAGE, _PROSE_THEN_CHROME, _NO_BLOCK, _CHROME_IN_INDEX)


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
@pytest.mark.parametrize("text", HAND_PAGES)
def test_chrome_claims_as_the_plain_walk_on_hand_written_pages(
    text: str, vocabulary: Vocabulary
) -> None:
    _same_claims(text, vocabulary, "chrome", chrome_module.chrome, plain_chrome)


@given(pages(), st.sampled_from(VOCABULARIES))
def test_chrome_claims_as_the_plain_walk_on_generated_pages(
    text: str, vocabulary: Vocabulary
) -> None:
    _same_claims(text, vocabulary, "chrome", chrome_module.chrome, plain_chrome)


_WORDS = st.sampled_from(["MR.", "LEE:", "Share", "the", "harbor", "Print", " ", "\t"])
_PROSE = "The harbor authority will open its new ferry terminal to every traveller."
_LINES = st.one_of(
    st.text(max_size=60),
    _INSERTS,
    st.lists(_WORDS, max_size=12).map(" ".join),
)


@given(_LINES, st.sampled_from(VOCABULARIES))
@example("MS. ORTEGA: Good afternoon.", DEFAULT_VOCABULARY)
@example(
    "The harbor authority will open its new ferry terminal to every traveller.", DEFAULT_VOCABULARY
)
@example("View Video", DEFAULT_VOCABULARY)
@example("Q    Mr. President, thank you.", WHITE_HOUSE_VOCABULARY)
def test_the_chrome_screen_lets_every_chrome_prose_and_label_line_through(
    text: str, vocabulary: Vocabulary
) -> None:
    if classify(vocabulary, text) in (Kind.CHROME, Kind.PROSE, Kind.LABEL):
        assert chrome_module._may_be_acted_on(vocabulary, text)


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
@pytest.mark.parametrize("text", HAND_PAGES)
def test_trailers_claim_as_the_plain_walk_on_hand_written_pages(
    text: str, vocabulary: Vocabulary
) -> None:
    _same_claims(text, vocabulary, "trailers", trailers_module.trailers, plain_trailers)


@given(pages(), st.sampled_from(VOCABULARIES))
def test_trailers_claim_as_the_plain_walk_on_generated_pages(
    text: str, vocabulary: Vocabulary
) -> None:
    _same_claims(text, vocabulary, "trailers", trailers_module.trailers, plain_trailers)


@given(pages(), st.sampled_from(VOCABULARIES))
@example(_PROSE_THEN_CHROME, DEFAULT_VOCABULARY)
def test_trailers_claim_as_the_plain_walk_with_every_line_classified_before(
    text: str, vocabulary: Vocabulary
) -> None:
    # The walk tells chrome by the kind memo where a line's kind is in it: here every one.
    vocabulary.forget_lines()
    expected = _claims_after(plain_trailers, text, vocabulary, "trailers")
    memo = kind_memo(vocabulary)
    for line in ParseState(text, vocabulary=vocabulary).lines:
        remembered_kind(vocabulary, line.text, memo)
    assert _claims_after(trailers_module.trailers, text, vocabulary, "trailers") == expected


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_the_gated_trailer_set_answers_as_the_vocabularys(vocabulary: Vocabulary) -> None:
    gated = vocabulary.trailer_set
    plain = PatternSet(gated.patterns)
    lines = ["# # #", "###", "- ### -", "PRN: 2016/0231", "2016/0231", "[End]", "[ end ]"]
    lines += ["Released on May 4, 2012", "Released by the Office of the Spokesperson", "", "Share"]
    lines += ["The harbor opens next week.", "#", "PRN 2016/02311A", "Released on"]
    for line in lines:
        assert gated.fullmatches(line) is plain.fullmatches(line), line


@given(st.text(max_size=40), st.sampled_from(VOCABULARIES))
def test_the_gated_trailer_set_answers_as_the_vocabularys_on_any_text(
    text: str, vocabulary: Vocabulary
) -> None:
    gated = vocabulary.trailer_set
    assert gated.fullmatches(text) is PatternSet(gated.patterns).fullmatches(text)


# -- the scan's test of a line with no digit -------------------------------------------------

_NAMED = st.sampled_from(
    [*DEFAULT_VOCABULARY.note_types, *DEFAULT_VOCABULARY.offices, "Declaracion", "DECLARACIÓN"]
)


@st.composite
def printed_names(draw: st.DrawFn) -> str:
    """A note type or office as a page may print it: any case, cut, or with words added."""
    name = draw(_NAMED)
    name = draw(st.sampled_from([name, name.upper(), name.lower(), name.title(), name.swapcase()]))
    cut = draw(st.integers(0, 3))
    if cut == 1:
        name = name[: draw(st.integers(0, len(name)))]
    elif cut == 2:
        name = f"{name} {draw(st.sampled_from(['Index', 'Today', 'of Harbors', '(Corrected)']))}"
    return name


@given(printed_names(), st.sampled_from(VOCABULARIES))
@example("PRESS STATEMENT", DEFAULT_VOCABULARY)
@example("office of the spokesperson", DEFAULT_VOCABULARY)
@example("DECLARACION", DEFAULT_VOCABULARY)
def test_the_scans_named_line_test_answers_as_the_two_lookups(
    text: str, vocabulary: Vocabulary
) -> None:
    line = collapse(text)
    width = named_header_width(vocabulary)
    assert names_note_type_or_office(vocabulary, line, width) is plain_named(vocabulary, line)


# -- the disclaimer's candidate lines --------------------------------------------------------


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_the_templates_first_characters_are_each_templates_opening(vocabulary: Vocabulary) -> None:
    templates = vocabulary.disclaimers
    plain = {_opening(template)[0] for template in templates}
    assert _first_characters(templates) == plain
    extended = (*templates, "  Harbor notice: this page is kept by the port.")
    assert _first_characters(extended) == {*plain, "H"}
    page = "\n".join(["Title", "", *extended, "The harbor opens."])
    state = ParseState(page, vocabulary=vocabulary.extend(disclaimers=[extended[-1]]))
    found = [line.number for line in _candidate_lines(state, 0)]
    assert found == list(range(2, 2 + len(extended)))
