"""Word-list patterns spelt as a trie match what the longest-first alternation matches."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.vocabulary import DEFAULT_VOCABULARY
from releaseparse.wordlist import word_pattern

#: Characters that make words share openings and meet word boundaries in every way.
_LETTERS = "abAé -'’.\u0301"
_WORDS = st.lists(st.text(alphabet=_LETTERS, max_size=6), max_size=8)


def _alternation(words: list[str]) -> regex.Pattern[str]:
    """The plain form: one alternation, longest words first."""
    ordered = sorted(words, key=len, reverse=True)
    return regex.compile(r"\b(?:" + "|".join(map(regex.escape, ordered)) + r")\b")


def _matches(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@given(_WORDS, st.text(alphabet=_LETTERS, max_size=24))
@example(["ab", "ab a"], "ab ab")  # the longer word fails at the boundary: the shorter one
@example(["a", ""], "b a")  # an empty word matches at every boundary, as in the alternation
def test_the_trie_matches_where_the_alternation_does(words: list[str], text: str) -> None:
    trie, plain = word_pattern(words), _alternation(words)
    assert _matches(trie, text) == _matches(plain, text)
    assert (trie.fullmatch(text) is None) == (plain.fullmatch(text) is None)


_ROLE_PIECES = [*DEFAULT_VOCABULARY.role_words, "x", "of", "-", "’s"]


@given(st.lists(st.sampled_from(_ROLE_PIECES), max_size=6))
def test_the_role_pattern_finds_what_the_alternation_finds(pieces: list[str]) -> None:
    """On the vocabulary's own role words, glued with spaces and without."""
    plain = _alternation(list(DEFAULT_VOCABULARY.role_words))
    for text in (" ".join(pieces), "".join(pieces)):
        assert _matches(DEFAULT_VOCABULARY.role_pattern, text) == _matches(plain, text)


def test_each_branch_is_spelt_once() -> None:
    """Words sharing an opening share its characters: the trie's point."""
    pattern = word_pattern(["Spokesman", "Spokesperson", "Secretary", "Secretary General"])
    assert pattern.pattern == r"\b(?:S(?:ecretary(?:\ General)?|pokes(?:man|person)))\b"
