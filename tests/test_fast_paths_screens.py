"""Tests for the gated trailer set and the gates' width against plain pattern sets."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse import patternset
from releaseparse.patternset import GatedPatternSet, PatternSet
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.vocabulary import DEFAULT_VOCABULARY

VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)


def _joined(pieces: Sequence[str]) -> st.SearchStrategy[str]:
    """Texts made of up to eight of ``pieces``, end to end."""
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


# -- the trailer set, gated ------------------------------------------------------------------


def test_the_vocabularys_trailer_set_is_gated() -> None:
    for vocabulary in VOCABULARIES:
        assert isinstance(vocabulary.trailer_set, GatedPatternSet)


_TRAILER_PIECES = ["PRN", ":", " ", "2016", "/", "0231", "#", "-", "[", "]", "End", "end", "A"]


@given(_joined(_TRAILER_PIECES))
@example("# # #")
@example("PRN: 2016/0231")
@example("- ### -")
def test_the_gated_trailer_set_answers_as_the_plain_one(text: str) -> None:
    gated = DEFAULT_VOCABULARY.trailer_set
    assert gated.fullmatches(text) is PatternSet(gated.patterns).fullmatches(text)


# -- the gates' width ------------------------------------------------------------------------

_CHROME_LINES = [
    "Share",
    "Share this page",
    "The following is the text of the statement",
    "This website uses cookies to improve your experience.",
    "The harbor opens next week.",
    "Home",
    "HomePress Releases",
    "Subscribe to updates",
    "Skip to main content",
    "# # #",
    "PRN: 2016/0231",
    "",
    "a",
    "Th",
]


@pytest.mark.parametrize("width", [1, 2, 3, 4, 6])
def test_the_gates_answer_the_same_at_any_width(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patternset, "GATE_WIDTH", width)
    for patterns in (
        DEFAULT_VOCABULARY.chrome_patterns,
        DEFAULT_VOCABULARY.marker_patterns,
        DEFAULT_VOCABULARY.trailer_patterns,
    ):
        gated, plain = GatedPatternSet(patterns), PatternSet(patterns)
        for line in _CHROME_LINES:
            assert gated.fullmatches(line) is plain.fullmatches(line), (width, line)
