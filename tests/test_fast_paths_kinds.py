"""The line kinds' shortcuts (label_of's headline window, time's indent test) answer as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.dates import read_time
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import set_time, trimmed
from releaseparse.extractors._kinds import Kind, classify, label_of
from releaseparse.extractors.time import NO_TIME_OPENINGS, _glued_to_the_body
from releaseparse.extractors.time import time as fast_time
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.state import ParseState
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests import plain_kinds
from tests.chain import state_before
from tests.strategies import clocks, paragraphs, releases, titles

VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)


# -- the plain forms, as each read before its shortcut --------------------------------------


def _span_of(match: object) -> object:
    return None if match is None else match.span()  # type: ignore[attr-defined]


def plain_time(state: ParseState) -> None:
    """``time`` folding every line that opens with whitespace before judging it."""
    if state.has("time"):
        return
    found = layout(state)
    block = found.block
    start = 0 if block is None else block.start
    lines, vocabulary, known = state.lines, state.vocabulary, found.kinds
    for index in range(start, found.size):
        kind = known.get(index)
        if kind is None:
            text = lines[index].text
            reading = None if text[:1] in NO_TIME_OPENINGS else read_time(text)
            if reading is None and (
                ":" not in text or label_of(vocabulary, collapse(text)) is None
            ):
                continue
            kind = found.kind(index)
        elif kind == Kind.TIME:
            reading = read_time(lines[index].text)
        elif kind != Kind.LABEL:
            continue
        if kind == Kind.LABEL:
            break
        line = lines[index]
        if kind != Kind.TIME or reading is None or state.is_claimed(line.span):
            continue
        span = trimmed(state.source, line.start, line.end)
        state.claim(span, "time")
        set_time(state, reading.value, reading.zone, span)
        return
    if block is not None:
        _glued_to_the_body(state, block.end, {})


# -- label_of: a lower-case character near the colon answers -------------------------------

# Rests after a label of the classes the window sorts apart: a turn's words (a lower-case
# character within the window), an all-capitals headline (none in it, the whole rest
# read), short rests, whitespace only, title-case and other-lower-case characters
# (``ǅ`` is title case, ``ª`` lower case but no letter of ``Ll``), and lower case only
# past the window.
_RESTS = [
    "",
    " ",
    "   \t ",
    " Thank you.",
    " GRANTS",
    " GRANTS FOR WATER",
    " ABC",
    " ABCD",
    "  ABCD  ",
    " A1-2",
    " 2016/02/03",
    " ǅ",
    " ǅABCD",
    " ABCDEFGHIJ ǅ",
    " ABCDEFGHIJ ª",
    " ABCDEFGH xyz",
    " ABCDEFGHIJKLMNOP lower",
    " ÉTATS-UNIS",
    " ß",
    " Straße",
    "        X",
    "         x",
    " 12345678 ABCD",
    " 12345678 abcd",
]
_LABELS = ["SECRETARY KERRY:", "Q:", "MR. PRICE:", "Question:", "NOTE:", "Moderator:", "X:"]


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
@pytest.mark.parametrize("rest", _RESTS)
@pytest.mark.parametrize("label", _LABELS)
def test_label_of_answers_as_the_plain_form_on_hand_written_rests(
    vocabulary: Vocabulary, label: str, rest: str
) -> None:
    text = label + rest
    assert _span_of(label_of(vocabulary, text)) == _span_of(plain_kinds.label_of(vocabulary, text))


_CASED = st.sampled_from([*"AbCdEXYZxyzǅǈªºßÉéΣσſ ", "  ", "\t", "1", ".", "ǲ", "ⅰ"])


@given(
    label=st.sampled_from(_LABELS),
    rest=st.lists(_CASED, max_size=24).map("".join) | st.text(max_size=24),
    vocabulary=st.sampled_from(VOCABULARIES),
)
@example(label="MR. PRICE:", rest=" ABCDEFGH\u1d2c", vocabulary=DEFAULT_VOCABULARY)
def test_label_of_answers_as_the_plain_form_on_any_rest(
    label: str, rest: str, vocabulary: Vocabulary
) -> None:
    text = label + rest
    assert _span_of(label_of(vocabulary, text)) == _span_of(plain_kinds.label_of(vocabulary, text))


@given(text=titles() | paragraphs(), vocabulary=st.sampled_from(VOCABULARIES))
def test_label_of_answers_as_the_plain_form_on_generated_text(
    text: str, vocabulary: Vocabulary
) -> None:
    assert _span_of(label_of(vocabulary, text)) == _span_of(plain_kinds.label_of(vocabulary, text))


# -- classify: the module's constants are Kind's members ------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("", Kind.BLANK),
        ("Press Statement", Kind.NOTE_TYPE),
        ("March 3, 2011", Kind.DATE),
        ("SECRETARY KERRY: Thank you all for coming today.", Kind.LABEL),
        ("Released by the Bureau of Public Affairs", Kind.RELEASED),
        ("Geneva, Switzerland", Kind.PLACE),
        ("Office of the Spokesperson", Kind.OFFICE),
        (
            "The delegation met with farmers and officials to discuss the new grants.",
            Kind.PROSE,
        ),
    ],
)
def test_classify_answers_kinds_members(line: str, kind: Kind) -> None:
    # The constants ``classify`` returns are the members themselves (compared by identity
    # everywhere), not a pattern of the module that shares a name with one.
    assert classify(DEFAULT_VOCABULARY, line) is kind


# -- time: an indented line judged past its indent ------------------------------------------

_INDENTS = st.sampled_from(["", " ", "    ", "\t", "\u00a0", "\u3000 ", "\u2003"])


@st.composite
def indented_times(draw: st.DrawFn) -> str:
    """A time line, bracketed or not, perhaps indented."""
    line = draw(clocks())[0]
    if draw(st.booleans()):
        line = f"({line})"
    return draw(_INDENTS) + line


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A generated release with indented lines (times, prose, lists) put in anywhere."""
    lines = draw(releases()).text.split("\n")
    inserts = st.one_of(
        indented_times(),
        st.tuples(_INDENTS, paragraphs()).map("".join),
        st.tuples(_INDENTS, st.sampled_from(["- item", "(a) part", "12 of them", "", "é"])).map(
            "".join
        ),
    )
    for _ in range(draw(st.integers(0, 6))):
        lines.insert(draw(st.integers(0, len(lines))), draw(inserts))
    return "\n".join(lines)


def _time_found(run: Callable[[ParseState], None], text: str, vocabulary: Vocabulary) -> object:
    state = state_before(text, vocabulary, "time")
    run(state)
    return state.get("time"), state.get("time_zone"), state.claims()


def _same_time(text: str, vocabulary: Vocabulary) -> None:
    # Unseen (the memos of line texts empty), then seen (the plain form filled them).
    vocabulary.forget_lines()
    unseen = _time_found(fast_time, text, vocabulary)
    expected = _time_found(plain_time, text, vocabulary)
    assert unseen == expected
    assert _time_found(fast_time, text, vocabulary) == expected


_HAND_WRITTEN_PAGES = [
    "Press Statement\n\nMarch 3, 2011\n\n    2:46 p.m. EST\n\nThe delegation met today.\n",
    "Press Statement\n\nMarch 3, 2011\n\n\t(10:05 a.m. EDT)\n\nThe delegation met today.\n",
    "Press Statement\n\nMarch 3, 2011\n\n\u00a0 2:46 p.m. EST\n\nThe delegation met today.\n",
    "Remarks\n\nMarch 3, 2011\n\n    - a list item\n    10:05 a.m. EDT\n\nMR. PRICE: Hi.\n",
    "Remarks\n\nMarch 3, 2011\n\n    \n   \n\u3000 9:15 P.M. EST\n\nThe delegation met.\n",
    "Remarks\n\nMarch 3, 2011\n\n    The delegation met.\n    12:01 p.m. CET\n\nQ: Yes?\n",
]


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
@pytest.mark.parametrize("page", _HAND_WRITTEN_PAGES)
def test_time_reads_as_the_plain_walk_on_hand_written_pages(
    page: str, vocabulary: Vocabulary
) -> None:
    _same_time(page, vocabulary)


@given(page=pages(), vocabulary=st.sampled_from(VOCABULARIES))
def test_time_reads_as_the_plain_walk_on_generated_pages(page: str, vocabulary: Vocabulary) -> None:
    _same_time(page, vocabulary)


@given(text=st.tuples(_INDENTS, st.text(max_size=12)).map("".join))
def test_an_indented_line_opening_no_time_past_its_indent_reads_as_none(text: str) -> None:
    # The claim the walk's indent test rests on, on any text.
    if text[:1].isspace() and text.lstrip()[:1] in NO_TIME_OPENINGS:
        assert read_time(text) is None


def test_the_time_walk_reads_an_indented_time_line() -> None:
    # A time past an indent is read (a test that drops every indented line fails here).
    page = _HAND_WRITTEN_PAGES[0]
    state = state_before(page, DEFAULT_VOCABULARY, "time")
    fast_time(state)
    assert state.get("time") is not None
