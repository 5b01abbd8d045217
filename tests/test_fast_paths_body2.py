"""The body's later shortcuts answer as their plain forms, kept here."""

from __future__ import annotations

import importlib

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors._kinds import _BARE_LABEL, _LABEL, LABEL_GROUP, is_heading, label_of
from releaseparse.state import ParseState
from releaseparse.vocabulary import Vocabulary
from tests.test_fast_paths_body import _HEADER, _plain_blocks, _plain_read_body, _record

body_module = importlib.import_module("releaseparse.extractors.body")

Piece = tuple[int, int]

# -- the label group, read by number ---------------------------------------------------------


def test_both_label_patterns_number_their_label_group_alike() -> None:
    """``LABEL_GROUP`` is the number of the ``label`` group of both label patterns."""
    assert _LABEL.groupindex["label"] == LABEL_GROUP
    assert _BARE_LABEL.groupindex["label"] == LABEL_GROUP


@given(
    st.lists(
        st.sampled_from(["MR. SMITH", "Q", "A", "Ms. Lee", "QUESTION", ":", " ", "  ", "\t"]),
        max_size=4,
    ).map("".join),
    st.sampled_from(["", " Yes.", " NO WAY OUT", "Sir", " –"]),
    st.sampled_from([(), ("Q", "A")]),
)
@example("Q  ", "Sir", ("Q", "A"))
@example("MR. SMITH:", " Yes.", ())
def test_the_label_read_by_number_is_the_named_group(
    opening: str, rest: str, bare: tuple[str, ...]
) -> None:
    """The group read by number is the ``label`` group, of a colon label and a bare one."""
    vocabulary = Vocabulary(transcript_labels=("Ms. Lee",), bare_labels=bare)
    match = label_of(vocabulary, opening + rest)
    if match is not None:
        assert match[LABEL_GROUP] == match["label"]


# -- topic indexes ---------------------------------------------------------------------------


def _plain_split(source: str, blocks: list[list[Piece]]) -> list[list[Piece]]:
    """``_split_topic_indexes`` as a plain form: every line of each block of two or more
    read by ``is_heading``, the blocks made anew."""
    split: list[list[Piece]] = []
    for block in blocks:
        if len(block) > 1 and all(is_heading(source[start:end]) for start, end in block):
            split.extend([piece] for piece in block)
        else:
            split.append(block)
    return split


_LINE_WORDS = ["Topic", "word", "of", ".", "!", "?", ")", "”", " ", "\u00a0", "\u200b", "\t"]


@given(
    st.lists(
        st.lists(st.sampled_from(_LINE_WORDS), min_size=1, max_size=8).map("".join),
        min_size=1,
        max_size=4,
    )
)
@example(["Topic One", "Topic Two."])
@example(["Topic One", "Topic Two"])
@example(["Topic One", "Topic Two.)"])
@example(["Topic One", "(Topic Two)"])
@example(["Topic One", "Topic Two!\u200b"])
def test_a_block_ending_a_sentence_is_split_as_the_plain_form_splits(lines: list[str]) -> None:
    """A block whose last character is ``.``, ``!`` or ``?`` is told no topic index without
    ``_may_be_heading``: the blocks are those of the plain form."""
    source = "\n".join(lines)
    block: list[Piece] = []
    start = 0
    for line in lines:
        block.append((start, start + len(line)))
        start += len(line) + 1
    blocks = [block[:1], block, block[1:], block]
    expected = _plain_split(source, [list(each) for each in blocks])
    assert body_module._split_topic_indexes(source, blocks) == expected


# -- the list item screen --------------------------------------------------------------------


_OPENINGS = ["a. ", "a) ", "ab ", "Ab ", "A. ", "é. ", "É ", "1. ", "• ", "“", "x", "Z:", " "]


@given(
    st.lists(
        st.tuples(st.sampled_from(_OPENINGS), st.sampled_from(["item", "Word", "", "\n"])).map(
            "".join
        ),
        max_size=12,
    ).map("\n".join)
)
@example("Intro\na. one\nb) two\nab cd\nAb cd\né. x\n1. x\n")
def test_blocks_of_lines_opening_with_letters_are_the_plain_walks(text: str) -> None:
    """Lines opening with a letter, screened for a list item, make the plain walk's blocks."""
    state = ParseState(text)
    assert body_module._blocks(state, 0, len(text)) == list(_plain_blocks(state, 0, len(text)))


# -- the trim of a block -------------------------------------------------------------

_PADDED_LINES = [
    "Prose ends here.  ",
    "Prose ends here.\u00a0",
    "  and goes on\u200b",
    "Topic Heading  ",
    "Second Topic",
    "\u3000MR. SMITH: Yes.\t",
    "",
    " ",
]


@given(st.lists(st.sampled_from(_PADDED_LINES), max_size=12).map("\n".join))
@example("Prose ends here.  \nTopic Heading  \n\n  and goes on\u200b\n")
def test_blocks_trimmed_inline_give_the_plain_bodys_record(lines: str) -> None:
    """Blocks opening or closing with spaces, trimmed inline, give the plain body's record."""
    text = _HEADER + lines
    assert _record(text, body_module.body) == _record(text, _plain_read_body)
