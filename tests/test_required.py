"""The characters a pattern requires: read from its syntax, and never turning a match away."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from releaseparse.required import CharacterScreen, final_characters, longest_match, required_sets
from releaseparse.vocabulary import DEFAULT_VOCABULARY


def _sets(pattern: str) -> list[str]:
    return ["".join(sorted(chars)) for chars in required_sets(pattern)]


def test_a_separator_class_is_required() -> None:
    assert _sets(r"\s{1,3}[-–—]\s{1,3}\p{Lu}\p{Ll}{1,20}$") == ["-–—"]


def test_an_alternation_requires_what_one_of_its_branches_needs() -> None:
    assert _sets(r"(?:\s{0,3}\|\s{0,3}|\s{1,3}[-•·]\s{1,3})x") == ["-|·•", "x"]
    assert _sets(r"(?:\||y?)z") == ["z"]  # a branch needing nothing: the group needs nothing


def test_optional_parts_and_lookarounds_are_not_required() -> None:
    assert _sets(r"(?:\|)?a{0,3}(?<=:)(?=-)b") == ["b"]
    assert _sets(r"(?:\|)*") == []


def test_repeats_of_at_least_one_and_atomic_groups_count() -> None:
    assert _sets(r"(?:\|x){2,}(?>:)") == [":", "|", "x"]


def test_cased_characters_under_ignorecase_are_not_listed() -> None:
    assert _sets(r"(?i)Embassy - x") == ["-", " "]
    assert _sets(r"(?i:ab)C") == ["C"]
    assert _sets(r"(?i)x(?-i:Y)") == ["Y"]


def test_the_most_selective_sets_come_first() -> None:
    assert _sets(r"a b C:") == [":", "C", " "]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:abc){e<=1}",  # fuzzy matching: re would read the braces as text
        r"[[:alpha:]]x",  # a POSIX class: re would read it as a set of its letters
        r"[\w--\d]x",  # a set operation (regex V1)
        r"(?r)abc",  # regex flags re does not know
        r"\m\|",  # regex escapes re does not know
        r"(?|a|b)",  # branch reset
        r"\x{41}",  # regex's braced escape
        "(",  # not a pattern at all
    ],
)
def test_syntax_read_otherwise_by_re_gives_no_sets(pattern: str) -> None:
    assert required_sets(pattern) == ()
    assert CharacterScreen.of(pattern).admits("")


def test_an_escaped_backslash_before_p_is_not_a_property() -> None:
    assert _sets(r"\\p:") == [":", "\\", "p"]


def test_a_screen_with_no_sets_admits_every_text() -> None:
    screen = CharacterScreen(())
    assert not screen
    assert screen.admits("")


def test_a_screen_needs_a_character_of_each_set() -> None:
    screen = CharacterScreen.of(r"\s[-–]\s.*\|")
    assert screen
    assert screen.admits("a – b | c")
    assert not screen.admits("a – b")
    assert not screen.admits("a | b")


_ATOMS = st.sampled_from(
    ["a", "B", "-", ":", r"\|", " ", "é", ".", r"\s", r"\d", "[a:]", "[-B]", "[^a]"]
)


def _combined(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(children, min_size=1, max_size=3).map("".join),
        st.lists(children, min_size=2, max_size=3).map(lambda parts: f"(?:{'|'.join(parts)})"),
        children.map(lambda part: f"(?:{part})?"),
        children.map(lambda part: f"(?:{part})*"),
        children.map(lambda part: f"(?:{part})+"),
        children.map(lambda part: f"(?:{part}){{1,2}}"),
        children.map(lambda part: f"(?:{part}){{0,2}}"),
        children.map(lambda part: f"(?i:{part})"),
        children.map(lambda part: f"(?>{part})"),
        children.map(lambda part: f"({part})"),
    )


_PATTERNS = st.recursive(_ATOMS, _combined, max_leaves=8)
#: Seconds a drawn pattern may take to match its drawn text. Nested repeats
#: (``(?:(?:a|.)*)+``) can backtrack for minutes on a long text; such an example is
#: dropped, not waited for (the module's patterns are reviewed for this).
MATCH_TIMEOUT = 0.5


def _matches(match: Callable[..., regex.Match[str] | None], pattern: str, text: str) -> bool:
    """Whether ``match(pattern, text)`` finds a match within ``MATCH_TIMEOUT`` seconds."""
    try:
        return match(pattern, text, timeout=MATCH_TIMEOUT) is not None
    except TimeoutError:
        return False


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_PATTERNS, st.data())
def test_a_text_holding_a_match_is_always_admitted(pattern: str, data: st.DataObject) -> None:
    """Texts built to hold a match (``from_regex``) pass the pattern's screen."""
    text = data.draw(st.from_regex(pattern))
    assume(_matches(regex.search, pattern, text))  # as regex reads it, too
    assert CharacterScreen.of(pattern).admits(text), (pattern, text, required_sets(pattern))


@given(
    st.sampled_from(DEFAULT_VOCABULARY.title_suffixes + DEFAULT_VOCABULARY.title_prefixes),
    st.text(alphabet="aeimnstxAEJUS.-–—|•·:()[] 0123-", max_size=40),
)
def test_no_decoration_matches_a_text_its_screen_turns_away(pattern: str, text: str) -> None:
    if not CharacterScreen.of(pattern).admits(text):
        assert regex.search(pattern, text) is None


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_PATTERNS, st.data())
def test_every_full_match_fits_the_longest_match_and_the_final_characters(
    pattern: str, data: st.DataObject
) -> None:
    """Texts built to match whole (``from_regex(fullmatch=True)``) are no longer than
    ``longest_match`` and end with one of ``final_characters`` (or outside ASCII)."""
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assume(_matches(regex.fullmatch, pattern, text))
    longest = longest_match(pattern)
    assert longest is None or len(text) <= longest, (pattern, text, longest)
    ends = final_characters(pattern)
    last = text[-1:]
    assert ends is None or not last.isascii() or last in ends, (pattern, text, ends)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("(?i)k", "\u212a"),  # the Kelvin sign folds to k
        ("(?i)\u212a", "k"),  # and k to it
        ("(?i)s", "\u017f"),  # the long s folds to s
        ("(?i:a)B", "aB"),
        ("(?:(?i:a)|B)", "A"),
        ("(?i)ab", "AB"),
        ("a?", ""),
        ("x(?=y)?", "x"),
    ],
)
def test_case_folds_and_empty_matches_are_let_through(pattern: str, text: str) -> None:
    assert regex.fullmatch(pattern, text) is not None
    ends = final_characters(pattern)
    assert ends is None or not text[-1:].isascii() or text[-1:] in ends


def test_final_characters_of_patterns_that_end_one_way_or_any() -> None:
    assert final_characters(r"(?i)[\w-]{1,80}\.(?:jpe?g|png|gif)") == frozenset("gGfF")
    assert final_characters(r".*\bLearn More") == frozenset("e")
    assert final_characters(r"ab?") == frozenset("ab")
    assert final_characters(r"a(?:b|)") == frozenset("ab")
    assert final_characters(r"a*") == frozenset({"a", ""})
    assert final_characters(r".*x.*") is None  # any character
    assert final_characters(r"\w+") is None  # a category
    assert final_characters(r"(?i)é") is None  # a cased character outside ASCII, folded
    assert final_characters(r"(a)\1") is None  # a back-reference


def test_the_longest_match_of_bounded_and_unbounded_patterns() -> None:
    assert longest_match(r"(?i)ab|cde") == 3
    assert longest_match(r"[\w-]{1,80}\.(?:jpe?g|png)") == 85
    assert longest_match(r"\p{L}{1,3}(?<=x)") == 3  # a property is one character
    assert longest_match(r".*x") is None
    assert longest_match(r"(?:abc){e<=1}") is None  # refused: regex's fuzzy matching
