"""The line kinds' shortcuts of a second round answer as the plain forms do."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors._glued import read_glued
from releaseparse.extractors._kinds import Kind, classify, label_of, may_be_date_or_flat, prose_line
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.text import INVISIBLE, collapse, is_blank
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests import plain_kinds
from tests.strategies import paragraphs, titles
from tests.test_fast_paths_glued import _plain_glued, glued_candidates

#: The default vocabulary, and the White House one, which reads bare labels (``Q    Mr.``).
VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)

#: Words around the prose test's thresholds: content words, capitalised ones, function
#: words, words past ASCII, and words ending a sentence.
_PROSE_WORDS = st.sampled_from(
    ["the", "of", "harbor", "grants", "Harbor", "Grants", "a", "élan", "Été", "sobre",
     "“quoted", "x.", "done.”", "why?", "[note]", "日本語", "  ", "\u00a0", "\n"]
)  # fmt: skip
_PROSE_TEXTS = st.one_of(
    st.text(max_size=60),
    titles(),
    paragraphs(),
    st.lists(_PROSE_WORDS, max_size=16).map(" ".join),
    st.lists(_PROSE_WORDS, max_size=16).map("".join),
)


@given(_PROSE_TEXTS)
@example("harbor grants harbor Harbor Harbor Harbor")  # six words: three content words needed
@example("harbor grants Harbor Harbor Harbor Harbor Harbor")  # seven: three needed
@example("harbor grants Harbor Harbor Harbor Harbor Harbor Harbor Harbor Harbor Harbor")
@example("Harbor Harbor Harbor Harbor Harbor Harbor Harbor x.")  # eight words, a sentence
@example("Harbor Harbor Harbor Harbor Harbor Harbor x.")  # seven words: no sentence counted
def test_prose_line_answers_as_the_plain_prose_test(text: str) -> None:
    line = collapse(text)
    assert prose_line(line) is plain_kinds.looks_like_prose(text)


def test_prose_line_around_its_thresholds() -> None:
    # Each count of words, and of content words among them, with and without a full stop.
    for count in range(1, 16):
        for content in range(count + 1):
            words = ["harbor"] * content + ["Harbor"] * (count - content)
            for text in (" ".join(words), " ".join(reversed(words)), " ".join(words) + "."):
                assert prose_line(text) is plain_kinds.looks_like_prose(text), text


#: Lines around the label tests: colons, bare labels with their tab or run of spaces.
_LABEL_TEXTS = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(
            ["Q", "A", "MR. LEE", "Question", ":", " ", "  ", "\t", "\u00a0", "\n", "Thank you.",
             "Mr. President", "STATEMENT", "harbor", "Washington, DC", "May 5, 2014"]
        ),
        max_size=8,
    ).map("".join),
)  # fmt: skip


@given(_LABEL_TEXTS)
@example("Q    Mr. President, one more.")
@example("Q\tAnd then?")
@example("SECRETARY LEE: Thank you.")
def test_a_collapsed_line_without_a_colon_has_no_label(text: str) -> None:
    # ``classify`` and ``may_be_date_or_flat`` ask ``label_of`` only of a line with a colon.
    line = collapse(text)
    for vocabulary in VOCABULARIES:
        assert ":" in line or label_of(vocabulary, line) is None, line


@given(st.one_of(_LABEL_TEXTS, _PROSE_TEXTS))
@example("Q    Mr. President, one more. Washington, DC, May 5, 2014")
@example("PRESS STATEMENT: Richard Boucher, Spokesman")  # a label, though read as glued
def test_may_be_date_or_flat_answers_as_the_plain_test(text: str) -> None:
    for vocabulary in VOCABULARIES:
        assert may_be_date_or_flat(vocabulary, text) is plain_kinds.may_be_date_or_flat(
            vocabulary, text
        ), text


#: Whitespace of several kinds and the invisible characters, alone or around a letter.
_BLANKISH = st.lists(
    st.sampled_from(
        [" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", *INVISIBLE, "x"]
    ),
    max_size=8,
).map("".join)


@given(st.one_of(_BLANKISH, st.text(max_size=12)))
@example("\u200b \u00a0")
@example("\u00ad")
def test_a_line_collapses_to_nothing_exactly_when_it_is_blank(text: str) -> None:
    # ``classify`` reads a blank line off its collapsed text, not asking ``is_blank``.
    assert (not collapse(text)) is is_blank(text)
    assert (classify(DEFAULT_VOCABULARY, text) is Kind.BLANK) is is_blank(text)


@given(
    st.tuples(
        st.sampled_from(["", " ", "\t", "\u00a0", "\u2028", "\u3000", "\x1c", "\u200b", ","]),
        st.one_of(_PROSE_TEXTS, glued_candidates()),
    ).map("".join)
)
@example("\tPress Statement Richard Boucher, Spokesman")
@example("\u00a0Secretary of State Washington, DC")
def test_read_glued_measures_the_indent_only_of_a_line_opening_with_whitespace(text: str) -> None:
    # ``read_glued`` takes the indent for nothing where the first character is no space.
    for line in (text, collapse(text)):
        assert read_glued(DEFAULT_VOCABULARY, line) == _plain_glued(DEFAULT_VOCABULARY, line)
