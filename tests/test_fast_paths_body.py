"""The body's and the text folding's shortcuts answer as their plain forms, kept here."""

from __future__ import annotations

import bisect
import importlib
import itertools
import sys
from collections.abc import Iterator
from operator import attrgetter

from hypothesis import example, given
from hypothesis import strategies as st

import releaseparse
from releaseparse.assemble import assemble
from releaseparse.extractors._common import clean_text, header_end, trimmed_offsets
from releaseparse.extractors._kinds import is_heading, label_of
from releaseparse.extractors._releases import next_release
from releaseparse.records import Severity, Span, Turn
from releaseparse.state import ParseState
from releaseparse.text import (
    INVISIBLE,
    LIST_ITEM,
    _fold,
    _fold_spaces,
    is_blank,
    may_hold_mojibake,
    visible,
)
from releaseparse.vocabulary import Vocabulary
from tests.strategies import releases

body_module = importlib.import_module("releaseparse.extractors.body")

Piece = tuple[int, int]

# -- _blocks ---------------------------------------------------------------------------------


def _plain_blocks(state: ParseState, start: int, stop: int) -> Iterator[list[Piece]]:
    """``_blocks`` as it was: each line's piece computed in full, blocks yielded."""
    source = state.source
    vocabulary = state.vocabulary
    lines = state.lines
    claims = [claim for claim in state.claims() if claim[0] < stop and start < claim[1]]
    claims.append((stop, stop, ""))
    next_claim = 0
    claim_start = claims[0][0]
    current: list[Piece] = []
    first_line = bisect.bisect_right(lines, start, key=attrgetter("stop"))
    for _number, line_start, line_end, _stop, text in itertools.islice(lines, first_line, None):
        if line_start >= stop:
            break
        begin = line_start if line_start > start else start
        end = line_end if line_end < stop else stop
        if end > claim_start:
            while claims[next_claim][1] <= begin:
                next_claim += 1
            position = next_claim
            while claims[position][0] < end:
                begin = max(begin, claims[position][1])
                position += 1
            claim_start = claims[next_claim][0]
        if begin >= end:
            text = ""
        elif begin != line_start or end != line_end:
            text = source[begin:end]
        if is_blank(text):
            if current:
                yield from _plain_index_entries(source, current)
                current = []
            continue
        if current and (LIST_ITEM.match(text) or label_of(vocabulary, text) is not None):
            yield from _plain_index_entries(source, current)
            current = []
        current.append((begin, end))
    if current:
        yield from _plain_index_entries(source, current)


def _plain_index_entries(source: str, block: list[Piece]) -> list[list[Piece]]:
    """A block of headings only, one block per line: every line read by ``is_heading``."""
    if len(block) > 1 and all(is_heading(source[start:end]) for start, end in block):
        return [[piece] for piece in block]
    return [block]


_BODY_PIECES = [
    "Prose ends here.",
    "and goes on",
    "Topic Heading",
    "Second Topic",
    "(Applause.)",
    "b) item",
    "• item",
    "3. item",
    "MR. SMITH: Yes.",
    "Q:",
    "Q  Sir",
    "  ",
    "\t",
    "\u200b",
    "\u00a0",
    "\x1c",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
]


@given(
    st.lists(st.sampled_from(_BODY_PIECES), max_size=24).map("".join),
    st.integers(0, 200),
    st.integers(0, 400),
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 12)), max_size=5),
)
@example("Topic One\nTopic Two\n\nProse ends.\nMore Prose\n", 0, 400, [])
@example("Text here\nMR. A: Hi.\n", 0, 400, [(4, 2)])
@example("Intro\nText here\nMore text\n", 0, 400, [(14, 1)])
@example("Intro\nText\n", 1, 400, [])
def test_blocks_are_the_plain_walks(
    text: str, start: int, stop: int, claims: list[tuple[int, int]]
) -> None:
    """The lines whole on the fast path, the blank test by a set of first characters and
    the heading screen give the blocks of the plain walk, claims cutting lines or not."""
    state = ParseState(text)
    for begin, length in claims:
        span = Span(min(begin, len(text)), min(begin + length, len(text)))
        if span and not state.is_claimed(span):
            state.claim(span, "other")
    start = min(start, len(text))
    stop = max(start, min(stop, len(text)))
    assert body_module._blocks(state, start, stop) == list(_plain_blocks(state, start, stop))


def test_every_blank_opening_is_in_the_set() -> None:
    """Every whitespace character lies below U+3001, so the set holds each one."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace() or char in INVISIBLE:
            assert char in body_module._MAY_OPEN_BLANK, hex(code)
    assert "" in body_module._MAY_OPEN_BLANK


@given(
    st.lists(
        st.sampled_from(
            ["Word", "word", ".", "!", "?", ")", "”", '"', "’", " ", "\u00a0", "\u200b"]
        ),
        max_size=12,
    ).map("".join),
    st.integers(0, 4),
)
@example("(Applause.)", 0)
@example("Good Night.\u200b)", 0)
@example(")", 3)
@example("Word)", 0)
def test_a_text_screened_out_is_no_heading(text: str, start: int) -> None:
    """``_may_be_heading`` says no only of texts ``is_heading`` finds no heading."""
    source = "Go." + text
    start = min(start, len(source))
    if not body_module._may_be_heading(source, start, len(source)):
        assert not is_heading(source[start:])


def _plain_read_body(state: ParseState) -> None:
    """``body`` as it was: every block trimmed, every paragraph cleaned by ``clean_text``."""
    source = state.source
    start = header_end(state)
    runs: list[Piece] = []
    starts: list[int] = []
    ends: list[int] = []
    for block in _plain_blocks(state, start, body_module._tail_start(state, start)):
        first_start, first_end = block[0]
        run_start, run_end = trimmed_offsets(source, first_start, block[-1][1])
        runs.append((run_start, run_end))
        if (
            starts
            and body_module._LOWER_START.match(source, first_start, first_end)
            and not LIST_ITEM.match(source[first_start:first_end])
            and body_module._ends_open(source, starts[-1], ends[-1])
        ):
            state.defect(
                "body.paragraph_rejoined",
                "a paragraph broken by the scrape mid-sentence was re-joined",
                Span(ends[-1], run_start),
                Severity.INFO,
            )
            ends[-1] = run_end
        else:
            starts.append(run_start)
            ends.append(run_end)
    if not starts:
        return
    state.claim_runs(runs, "body")
    paragraphs = list(zip(starts, ends, strict=True))
    repair = may_hold_mojibake(source, starts[0], ends[-1])
    values = [clean_text(state, start, end, "body", repair=repair) for start, end in paragraphs]
    parts = {f"paragraphs.{number}": span for number, span in enumerate(paragraphs)}
    state.set("body", tuple(values), Span(starts[0], ends[-1]), parts=parts)
    turns = _plain_turns(state, paragraphs, values)
    if turns:
        state.set("turns", tuple(turns), Span(turns[0].span.start, turns[-1].span.end))


def _plain_turns(
    state: ParseState, paragraphs: list[tuple[int, int]], values: list[str]
) -> list[Turn]:
    """``_turns`` as it was: every paragraph read by ``label_of``, empty turns dropped."""
    turns: list[Turn] = []
    label: str | None = None
    texts: list[str] = []
    first = last = 0
    for (start, end), value in zip(paragraphs, values, strict=True):
        match = label_of(state.vocabulary, value)
        if match is None and state.vocabulary.bare_labels:
            match = label_of(state.vocabulary, state.source[start:end])
        if match is not None:
            if label is not None:
                turns.append(body_module._turn(label, texts, first, last))
            label = match["label"]
            texts = [value[value.index(label) + len(label) :].lstrip(":").strip()]
            first, last = start, end
        elif label is not None:
            texts.append(value)
            last = end
    if label is not None:
        turns.append(body_module._turn(label, texts, first, last))
    return [turn for turn in turns if turn.text or turn.label]


@given(
    st.lists(
        st.sampled_from(["MR. SMITH:", "Q:", "Q", "A", "Ms. Lee:", "QUESTION", ":", " ", "  "]),
        max_size=3,
    ).map("".join),
    st.sampled_from(["", " Yes.", " NO WAY OUT", "\tSir", "  Sir", " –"]),
    st.sampled_from([(), ("Q", "A")]),
)
def test_a_label_found_is_never_empty(opening: str, rest: str, bare: tuple[str, ...]) -> None:
    """Every label ``label_of`` finds holds a character, so no turn has an empty label
    (``_turns`` keeps every turn without testing)."""
    vocabulary = Vocabulary(transcript_labels=("Ms. Lee",), bare_labels=bare)
    match = label_of(vocabulary, opening + rest)
    if match is not None:
        assert match["label"]


def _record(text: str, body: object) -> dict[str, object]:
    """The record of ``text`` with ``body`` standing for the chain's body extractor."""
    parser = releaseparse.Parser()
    state = ParseState(text, vocabulary=parser.vocabulary)
    next_release(state)
    for name, extractor in parser:
        state.extractor = name
        (body if name == "body" else extractor)(state)  # type: ignore[operator]
    return assemble(state).to_dict()


_MESSY_BODY = (
    "Title Here\n\nWASHINGTON — Prose opens here and\n  goes on\u00a0 wrapped.\u200b\n"
    "\n Topic One \nTopic Two\n\nMR. SMITH: Yes.  \nQ: Why?\n\nmore after a break.\n"
    "\u00c3\u00a9t\u00c3\u00a9 \n"
)


_HEADER = "Media Note\nOffice of the Spokesperson\nMay 3, 2021\n\n"


@given(
    st.one_of(
        releases().map(attrgetter("text")),
        st.lists(
            st.sampled_from([*_BODY_PIECES, "\u00c3\u00a9t\u00c3\u00a9", "\u2028"]), max_size=30
        )
        .map("".join)
        .map(_HEADER.__add__),
    )
)
@example(_MESSY_BODY)
@example(_HEADER + "Prose here today.\n\nQ:\n\nMR. SMITH: Yes.\n")
def test_body_gives_the_plain_bodys_record(text: str) -> None:
    """The body's fast paths together (whole lines, the trim screen, ``collapse`` called
    directly) give the record the plain body gives, defects and spans included."""
    assert _record(text, body_module.body) == _record(text, _plain_read_body)


# -- folding ---------------------------------------------------------------------------------


def _plain_fold(text: str) -> str:
    """``_fold`` as it was: no-break spaces only made spaces, then pairs replaced in a loop."""
    spaced = text.replace("\u00a0", " ") if "\u00a0" in text else text
    if spaced.isprintable():
        while "  " in spaced:
            spaced = spaced.replace("  ", " ")
        return spaced.strip(" ")
    return " ".join(visible(text).split())


def _plain_fold_spaces(text: str) -> str:
    while "  " in text:
        text = text.replace("  ", " ")
    return text


_FOLD_PIECES = [" ", "  ", "a", "’", "\u00a0", "\n", "\t", "\r", "\u200b", "\u00ad", "\x1c", "é"]


@given(st.lists(st.sampled_from(_FOLD_PIECES), max_size=30).map("".join))
@example("One.  Two.\u00a0 Three\nfour   five")
@example("a    b")
def test_fold_is_the_plain_fold(text: str) -> None:
    """Hard wraps made spaces, and pairs of spaces folded in one split, fold as before."""
    assert _fold.__wrapped__(text) == _plain_fold(text)


@given(st.lists(st.sampled_from([" ", "a", "’", "  ", "   "]), max_size=30).map("".join))
@example("  a   b    c     ")
def test_fold_spaces_is_the_replace_loop(text: str) -> None:
    """One split and join, again only where a run of three spaces or more was, as the loop."""
    assert _fold_spaces(text) == _plain_fold_spaces(text)
