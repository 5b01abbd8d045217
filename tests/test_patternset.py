"""A ``PatternSet`` answers exactly as testing each of its patterns would."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from releaseparse.guard import GuardedPattern, compile_each
from releaseparse.patternset import GatedPatternSet, PatternSet, joinable, shape_joinable
from releaseparse.profiles import get_profile, profile_names
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary

FIXTURES = Path(__file__).parent.parent / "fixtures"
GROUPS = ("chrome", "marker", "caption", "anonymous", "trailer")


def _vocabularies() -> list[Vocabulary]:
    return [DEFAULT_VOCABULARY, *(get_profile(name).vocabulary for name in profile_names())]


def _each_matches(vocabulary: Vocabulary, group: str, text: str) -> bool:
    """The plain answer: each pattern of the group compiled and tried on its own."""
    patterns = compile_each(getattr(vocabulary, f"{group}_set").patterns)
    return any(p.fullmatch(text) is not None for p in patterns)


def _fixture_lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", "replace")
        lines.update(" ".join(line.split()) for line in text.splitlines())
    return sorted(lines)


def test_every_group_joins_some_patterns() -> None:
    """The speed-up is in place: each built-in group has a joined alternation."""
    for group in GROUPS:
        assert getattr(DEFAULT_VOCABULARY, f"{group}_set").joined is not None, group


def test_the_same_answer_on_every_fixture_line() -> None:
    """On each line of every fixture, the set and the single patterns agree."""
    lines = _fixture_lines()
    assert len(lines) > 500
    matched = 0
    for vocabulary in _vocabularies():
        for group in GROUPS:
            patterns = getattr(vocabulary, f"{group}_set")
            for line in lines:
                expected = _each_matches(vocabulary, group, line)
                assert patterns.fullmatches(line) is expected, (group, line)
                matched += expected
    assert matched > 20  # the fixtures hold chrome, markers and captions


def _pattern_texts() -> list[str]:
    """Texts each built-in pattern accepts, and near misses (a character added or cut)."""
    texts = [
        "You are in: Press Releases", "5 min read", "5 MINUTES READ", "From: The State Department",
        "https://example.org/a", "UNITED24 news", "HomePress", "TodayPress", "Archive for May 2010",
        "Celebrating 20 Years of Partnership", "(Begin Transcript)", "(END TEXT)", "begin text:",
        "TRANSCRIPT:", "# # #", "- ### -", "[End]", "[ end ]", "Senior State Department Official",
        "Two Senior Administration Officials", "Date: 3/14/2016 Description: A photo",
        "The Secretary meets partners. State Department photo by Ron Przysucha.",
        "a | b | c | d", "Please JOIN NOW today", "Click to Learn More", "Ann's Blog, page 3",
        "Submitted by newsroom", "SUBMITTED BY j_doe", "submitted By la redacción",
    ]  # fmt: skip
    near = [text[1:] for text in texts] + [text + "!" for text in texts] + ["x" + t for t in texts]
    return texts + near + [text.lower() for text in texts] + [text.upper() for text in texts]


@pytest.mark.parametrize("group", GROUPS)
def test_the_same_answer_on_the_patterns_own_texts(group: str) -> None:
    """Texts made to match (and almost match) each pattern get the same answer."""
    for vocabulary in _vocabularies():
        patterns = getattr(vocabulary, f"{group}_set")
        for text in _pattern_texts():
            assert patterns.fullmatches(text) is _each_matches(vocabulary, group, text), text


@given(st.text(alphabet=st.sampled_from("aAeEnNdD #-[]()|:/.' 1\u00a0TtxX"), max_size=40))
def test_the_same_answer_on_any_text(text: str) -> None:
    for group in GROUPS:
        patterns = getattr(DEFAULT_VOCABULARY, f"{group}_set")
        assert patterns.fullmatches(text) is _each_matches(DEFAULT_VOCABULARY, group, text)


def test_the_patterns_tested_one_by_one_are_screened() -> None:
    """Each built-in chrome pattern tried on its own needs some character (a ``|``, a ``J``)."""
    screens = [
        admits for _longest, _ends, admits, _pattern in DEFAULT_VOCABULARY.chrome_set.screened
    ]
    assert screens
    assert all(admits is not None for admits in screens)
    chrome = DEFAULT_VOCABULARY.chrome_set
    assert isinstance(chrome, GatedPatternSet)
    gated = [chrome.tried(pattern)[2] for pattern in chrome.compiled]
    assert sum(admits is not None for admits in gated) * 2 > len(gated)  # most of the others


def test_what_is_joined() -> None:
    """Ours and fast to fail are joined; wildcard-led, flagged or added ones are not."""
    assert joinable(r"You are in:.*")
    assert joinable(r"(?i)\d+\s*(?:minutes?|min)\s+read")  # becomes (?i:...)
    assert not joinable(r".*\bJOIN NOW\b.*")
    assert not joinable(r"(?:[^|]+\|){3,}[^|]*")
    assert not joinable(r"user pattern, not reviewed")
    assert shape_joinable(r"user pattern, not reviewed")
    assert shape_joinable(r"(?i)FROM:\s+(?:THE\s+)?STATE")
    assert shape_joinable(r"Today(?=\p{Lu}).*")  # a look-ahead is no flag
    assert not shape_joinable(r"Home(?s).*")  # a global flag inside
    assert not shape_joinable(r"Home(?i:x)")  # a scoped flag: kept apart, to be safe
    assert not shape_joinable(r"(a)b\1")  # a back-reference
    assert not shape_joinable(r"(?P<a>x)(?P=a)")
    assert not shape_joinable(r"(?:.+)x")  # wildcard-led inside a group


def test_a_leading_case_flag_stays_with_its_pattern() -> None:
    """``(?i)`` of one joined pattern does not make the others case-blind."""
    patterns = DEFAULT_VOCABULARY.chrome_set
    assert patterns.joined is not None
    assert "(?i:" in patterns.joined.pattern
    assert "(?i)" not in patterns.joined.pattern
    assert patterns.fullmatches("you are viewing archived content") is False
    assert patterns.fullmatches("You are viewing ARCHIVED CONTENT now") is True
    assert patterns.fullmatches("from: the state department") is True


def test_added_patterns_keep_their_time_limit() -> None:
    """A pattern a user adds is tested on its own, guarded, never joined."""
    vocabulary = DEFAULT_VOCABULARY.extend(chrome_patterns=("Site map",))
    patterns = vocabulary.chrome_set
    assert patterns.joined is not None
    assert "Site map" not in patterns.joined.pattern
    assert any(isinstance(p, GuardedPattern) for p in patterns.single)
    assert patterns.fullmatches("Site map") is True
    assert patterns.fullmatches("Site maps") is False


def test_an_empty_set_matches_nothing() -> None:
    assert PatternSet(()).fullmatches("") is False
    assert PatternSet(()).joined is None
