"""The eleventh round's header shortcuts answer as their plain forms."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse import decorations
from releaseparse.decorations import DecorationSet
from releaseparse.extractors._block import layout
from releaseparse.extractors._kinds import Kind, classify, looks_like_prose
from releaseparse.extractors.preamble import preamble
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.records import Span
from releaseparse.required import CharacterScreen
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank, word_count
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests import plain_title as plain_title_module
from tests.chain import state_before
from tests.plain_confidence import _Opening
from tests.strategies import Case, paragraphs, releases
from tests.test_fast_paths_header import _preamble_plain
from tests.test_fast_paths_kinds import plain_time

speaker_module = importlib.import_module("releaseparse.extractors.speaker")
time_module = importlib.import_module("releaseparse.extractors.time")
confidence_module = importlib.import_module("releaseparse.extractors.confidence")

#: The built-in vocabularies.
VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)

# -- the title decorations' screen ----------------------------------------------------------

#: The decoration sets of the built-in vocabularies (each joined into a screen).
DECORATION_SETS = tuple(vocabulary.title_decoration_set for vocabulary in VOCABULARIES)
#: Characters the screens read, and a few they do not: titles drawn from these meet every
#: group's sets in many combinations.
_SCREENS = [decoration_set._screen for decoration_set in DECORATION_SETS]
_SCREENED = sorted(
    {
        char
        for screen in _SCREENS
        if screen
        for sets, _find in screen.gated
        for s in sets
        for char in s
    }
)
_TITLE_CHARACTERS = st.sampled_from([*_SCREENED, "F", "w", "d", "S", "e", "o", "1", "\u00a0"])
_DECORATED = st.sampled_from(
    ["Fwd: ", "[News] ", " | Site", " - Transcript", " -- Transcript", " [Video]", "Logo | "]
)
decorated_titles = st.builds(
    lambda head, body, tail: head + body + tail,
    st.one_of(st.just(""), _DECORATED),
    st.text(_TITLE_CHARACTERS, max_size=24),
    st.one_of(st.just(""), _DECORATED),
)


def plain_may_cut(decoration_set: DecorationSet, text: str) -> bool:
    """``_Screen.may_cut`` asking each gated group's own screen of ``text`` in turn."""
    screen = decoration_set._screen
    assert screen is not None
    if any(find(text) is not None for find in screen.open):
        return True
    if screen.gate is None or screen.gate.search(text) is None:
        return False
    return any(
        CharacterScreen(sets).admits(text) and find(text) is not None for sets, find in screen.gated
    )


@given(decorated_titles, st.sampled_from(DECORATION_SETS))
@example("Fwd: Harbor Grants | example.com", DECORATION_SETS[0])
@example("Remarks -- Transcript", DECORATION_SETS[0])
def test_the_decoration_screen_answers_as_each_groups_own_screen(
    text: str, decoration_set: DecorationSet
) -> None:
    screen = decoration_set._screen
    assert screen is not None
    present = screen._chars.intersection(text)
    admitted = [find for sets, find in screen.gated if CharacterScreen(sets).admits(text)]
    assert list(screen._admits(present)) == admitted
    assert screen.may_cut(text) is plain_may_cut(decoration_set, text)


def test_the_decoration_screens_memo_stops_growing_and_answers_the_same() -> None:
    decoration_set = DecorationSet(
        DEFAULT_VOCABULARY.title_prefixes, DEFAULT_VOCABULARY.title_suffixes
    )
    screen = decoration_set._screen
    assert screen is not None
    texts = ["Fwd: A title", "A title | Site", "[x] A - B", "A: B", "A -- Transcript", "A.B - C"]
    for text in texts:
        assert screen.may_cut(text) is plain_may_cut(decoration_set, text)
    assert 0 < len(screen._admitted) <= decorations.ADMITTED_MEMO
    full = dict.fromkeys((frozenset({str(n)}) for n in range(decorations.ADMITTED_MEMO)), ())
    screen._admitted.clear()
    screen._admitted.update(full)
    for text in texts:
        assert screen.may_cut(text) is plain_may_cut(decoration_set, text)
    assert len(screen._admitted) == decorations.ADMITTED_MEMO


# -- preamble --------------------------------------------------------------------------------


def _run_unread(
    run: Callable[[ParseState], None],
    text: str,
    vocabulary: Vocabulary,
    step: str,
    unread: set[int],
) -> ParseState:
    """The state after ``run`` in place of ``step``, read unseen, the lines ``unread`` unclassified.

    The layout leaves lines unclassified (past a paragraph, all but datelines and flattened
    headers): the kinds of the lines ``unread`` are forgotten before ``run``, and a blank
    one among them must be left unclassified.
    """
    vocabulary.forget_lines()  # the walk past a paragraph records kinds the memo remembers
    state = state_before(text, vocabulary, step)
    kinds = layout(state).kinds
    for index in unread & kinds.keys():
        del kinds[index]
    before = set(kinds)
    run(state)
    assert not any(is_blank(state.lines[index].text) for index in set(kinds) - before)
    return state


#: Lines put above a release: blank ones of every sort (``\u2004`` and ``\x1c`` are blank
#: and kept by trimming), chrome, header-like and plain lines, prose and a flattened header.
_ABOVE = st.sampled_from(
    ["", " ", "\t", "\u200b", "\u00a0 ", "\u2004", "\x1c ", "Menu", "Home | News",
     "Press Statement", "Washington, DC", "June 3, 2021", "Share this page",
     "A plain line of text here",
     "The minister spoke to the press about the new harbor and what it will cost the city.",
     "Daily Press Briefing Richard Boucher, Spokesman Washington, DC October 28, 2002"]
)  # fmt: skip


@given(
    releases(),
    st.lists(_ABOVE, max_size=6),
    st.sampled_from(VOCABULARIES),
    st.sets(st.integers(0, 40)),
)
def test_preamble_claims_and_classifies_as_its_plain_walk(
    case: Case, above: list[str], vocabulary: Vocabulary, unread: set[int]
) -> None:
    text = "\n".join([*above, case.text])
    claims = [
        _run_unread(run, text, vocabulary, "preamble", unread).claims()
        for run in (preamble, _preamble_plain)
    ]
    assert claims[0] == claims[1]


@given(st.text(st.sampled_from(" \t\u00a0\u200b\u2028\u3000\ufeffab."), max_size=6))
@example("\u200b")
@example(" \u00a0")
def test_a_line_is_classified_blank_exactly_when_it_is_blank(text: str) -> None:
    for vocabulary in VOCABULARIES:
        assert (classify(vocabulary, text) is Kind.BLANK) is is_blank(text)


# -- the title's decorations cut -----------------------------------------------------------------


def plain_undecorated(state: ParseState, span: Span) -> Span:
    """``plain_title._undecorated`` making the kept ``Span`` anew whatever was cut."""
    cut_start, cut_end = state.vocabulary.strip_title_decorations(span.slice(state.source))
    return Span(span.start + cut_start, span.start + cut_end)


@given(
    decorated_titles,
    st.sampled_from(["", " ", "\u2004", "\u200b"]),
    st.sampled_from(["", " ", "\u2004"]),
    st.sampled_from(VOCABULARIES),
)
@example("Fwd: Harbor Grants Opens", "", "", DEFAULT_VOCABULARY)
@example("Harbor Grants Opens | Site", "", "", DEFAULT_VOCABULARY)
@example("Harbor Grants Opens", "", "", DEFAULT_VOCABULARY)
def test_the_titles_kept_span_is_the_plain_one(
    title: str, before: str, after: str, vocabulary: Vocabulary
) -> None:
    source = f"{before}{title}{after}\n\nBody text."
    state = ParseState(source, vocabulary=vocabulary)
    span = Span(0, len(before) + len(title) + len(after))
    assert plain_title_module._undecorated(state, span) == plain_undecorated(state, span)


# -- speakers ------------------------------------------------------------------------------------


def _after_speaker(text: str, vocabulary: Vocabulary, *, screened: bool) -> tuple[object, ...]:
    """The fields and claims after ``speaker``; unscreened, ``header_lines`` is always asked."""
    vocabulary.forget_lines()
    state = state_before(text, vocabulary, "speaker")
    if screened:
        speaker_module.speaker(state)
    else:
        every_kind = dict.fromkeys(Kind, (0,))  # no kind is missing: the screen never holds
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(speaker_module, "block_kinds", lambda _state: every_kind)
            speaker_module.speaker(state)
    return state.fields, state.claims(), state.defects


#: Speaker lines put between a release's header lines: an issuer, a bare name, a role, an
#: anonymous speaker, or none.
_SPEAKER_LINES = st.sampled_from(
    ["", "Jane Doe, Assistant Secretary of State", "Jane Doe", "Spokesperson",
     "Senior State Department Official", "Secretary Colin L. Powell"]
)  # fmt: skip


@given(releases(), _SPEAKER_LINES, st.sampled_from(VOCABULARIES))
def test_speakers_are_read_as_when_header_lines_is_always_asked(
    case: Case, extra: str, vocabulary: Vocabulary
) -> None:
    lines = case.text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), 0) + 2
    text = "\n".join([*lines[:at], extra, *lines[at:]]) if extra else case.text
    assert _after_speaker(text, vocabulary, screened=True) == _after_speaker(
        text, vocabulary, screened=False
    )


# -- the time glued to the body ------------------------------------------------------------------


def _after_time(text: str, run: Callable[[ParseState], None], unread: set[int]) -> object:
    """The fields and claims after ``run``, the kinds of the lines ``unread`` forgotten first."""
    state = _run_unread(run, text, DEFAULT_VOCABULARY, "time", unread)
    return state.fields, state.claims()


_BLANKS = st.lists(st.sampled_from(["", " ", "\u2004", "\x1c ", "\u200b"]), max_size=4)
_BODY_OPENINGS = st.sampled_from(
    ["1:41 p.m. EDT MS. ROE: Hello, everybody, and welcome to the briefing today.",
     "(9:15 a.m. EST) The minister spoke to the press about the new harbor today.",
     "The minister spoke to the press about the new harbor and what it will cost."]
)  # fmt: skip


@given(_BLANKS, _BODY_OPENINGS, st.sets(st.integers(0, 12)))
@example(["", "\u2004"], "1:41 p.m. EDT MS. ROE: Hello, everybody, and welcome.", set())
def test_the_time_glued_to_the_body_is_read_as_by_the_plain_walk(
    blanks: list[str], opening: str, unread: set[int]
) -> None:
    header = ["Harbor Grants Opens in the City", "", "Press Statement", "June 3, 2021"]
    rest = "The rest of the paragraph goes on here, as prose does."
    text = "\n".join([*header, *blanks, opening, rest])
    assert _after_time(text, time_module.time, unread) == _after_time(text, plain_time, unread)


# -- the confidence's prose tests ------------------------------------------------------------


def plain_prose(paragraphs: tuple[str, ...]) -> bool:
    """``_Opening.prose``: the first paragraph's words counted folded, ``looks_like_prose``."""
    first = collapse(paragraphs[0]) if paragraphs else ""
    return bool(paragraphs) and word_count(first, 8) >= 8 and looks_like_prose(paragraphs[0])


_PROSE_PIECES = st.sampled_from(
    ["the", "Minister", "spoke", "to", "press", "about", "harbor", ".", ",", " ", "  ", "\u00a0",
     "\u200b", "\n", "\t", "[", "Remarks", "on", "Grants", "A", "B"]
)  # fmt: skip
_PROSE_PARAGRAPHS = st.one_of(
    paragraphs(), st.lists(_PROSE_PIECES, max_size=40).map(" ".join), st.text(max_size=30)
)


@given(st.lists(_PROSE_PARAGRAPHS, max_size=3).map(tuple))
@example(("The minister spoke to the press about the harbor and the grants today.",))
@example((" the  minister\u200b spoke to the press about the harbor and grants ",))
@example(("  [the minister spoke to the press about the harbor and grants today",))
@example(("the\u200b of\u200b and\u200b to\u200b in\u200b for\u200b on\u200b at\u200b",))
def test_the_openings_prose_tests_answer_as_their_plain_forms(
    paragraphs: tuple[str, ...],
) -> None:
    opening = _Opening(paragraphs)
    assert opening.prose() is plain_prose(paragraphs)
    for paragraph in paragraphs:
        text = collapse(paragraph)
        assert confidence_module._is_prose(text) is (
            word_count(text, 8) >= 8 and looks_like_prose(paragraph)
        )
