"""Every regular expression of the library, run against hostile text: none runs away.

A pattern that backtracks exponentially (nested repeats such as ``(a|aa)+``) stalls on a
few dozen characters; each pattern here meets strings of 1,000 characters made of the
characters it looks for, with the ``regex`` module's timeout as the judge.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest
import regex

import releaseparse
from releaseparse.guard import compile_each
from releaseparse.profiles import get_profile, profile_names
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary

#: Seconds one match may take. Linear patterns take microseconds on 1,000 characters.
LIMIT = 0.5
SIZE = 1_000

_GENERIC = (
    "a", " ", "A", "aA ", "1", "[", "(", ")", ":", ",", ".", "#", "-", "\n", "\r\n",
    "Aaaa ", "Mr. A. B: ", "12/3/2001 ", "March 14, 2016 ", "\u00a0", "\u200b", "*_",
    "Office of the ", "QUESTION: ", "- ## -", "https://a.b/",
)  # fmt: skip


def _modules() -> Iterator[object]:
    for info in pkgutil.walk_packages(releaseparse.__path__, "releaseparse."):
        if not info.name.endswith(".__main__"):  # importing it runs the command line
            yield importlib.import_module(info.name)


def _vocabularies() -> Iterator[Vocabulary]:
    yield DEFAULT_VOCABULARY
    for name in profile_names():
        yield get_profile(name).vocabulary


def all_patterns() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    """Every compiled pattern of the library: module globals and vocabulary patterns."""
    found: dict[str, re.Pattern[str] | regex.Pattern[str]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern | regex.Pattern) and isinstance(value.pattern, str):
                found[f"{module.__name__}.{name}"] = value  # type: ignore[attr-defined]
    for vocabulary in _vocabularies():
        for name in ("chrome_set", "marker_set", "caption_set", "anonymous_set", "trailer_set"):
            patterns = getattr(vocabulary, name)
            # Each pattern on its own (ours are reviewed here, so they run without the
            # time limit), and the alternation the line tests use.
            for pattern in compile_each(patterns.patterns):
                assert isinstance(pattern, regex.Pattern), pattern
                found[f"vocabulary {pattern.pattern}"] = pattern
            if patterns.joined is not None:
                found[f"vocabulary.{name} joined {patterns.joined.pattern}"] = patterns.joined
        for name in ("role_pattern", "venue_pattern"):
            found[f"vocabulary.{name}"] = getattr(vocabulary, name)
        # The title decorations, one by one and as the screen joins them by the
        # characters they need (suffixes matched from the end, with ``regex.REVERSE``).
        decorations = vocabulary.title_decoration_set
        for test in (*decorations.prefix_tests, *decorations.suffix_tests):
            found[f"vocabulary decoration {test.pattern.pattern}"] = test.pattern
        if decorations._screen is not None:
            for joined in decorations._screen.joined.values():
                found[f"vocabulary decorations joined {joined.pattern}"] = joined
    return found


def _hostile(pattern: str) -> list[str]:
    """Strings of about ``SIZE`` characters from the pattern's own characters and common ones."""
    own = sorted({char for char in pattern if char.isprintable() and char not in "\\"})
    units = [*_GENERIC, "".join(own), *own[:40]]
    texts = []
    for unit in units:
        body = unit * (SIZE // len(unit))
        texts += [body, body + "\u0000", "x" + body + "!"]
    return texts


PATTERNS = all_patterns()


def test_the_patterns_were_found() -> None:
    """The collection is not empty by mistake: the line tests' patterns are in it."""
    assert len(PATTERNS) > 60, len(PATTERNS)
    assert "releaseparse.dates._DATELINE" in PATTERNS or any(
        key.startswith("releaseparse.dates.") for key in PATTERNS
    )


def runs_away_on(pattern: re.Pattern[str] | regex.Pattern[str]) -> str | None:
    """The first hostile text on which ``pattern`` hits the time limit, if one does."""
    compiled = regex.compile(pattern.pattern, flags=_regex_flags(pattern))
    for text in _hostile(pattern.pattern):
        for method in (compiled.fullmatch, compiled.match, compiled.search):
            try:
                method(text, timeout=LIMIT)
            except TimeoutError:
                return text
    return None


def test_the_judge_catches_a_runaway_pattern() -> None:
    assert runs_away_on(regex.compile(r"(?:a|aa)+")) is not None
    assert runs_away_on(regex.compile(r"a+")) is None


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_pattern_runs_away(name: str) -> None:
    pattern = PATTERNS[name]
    text = runs_away_on(pattern)
    assert text is None, f"{name} ({pattern.pattern!r}) ran away on {text[:40]!r}..."


def _regex_flags(pattern: re.Pattern[str] | regex.Pattern[str]) -> int:
    """The flags of ``pattern`` that the ``regex`` module shares with ``re``."""
    if isinstance(pattern, regex.Pattern):
        return pattern.flags & ~regex.VERSION0 & ~regex.UNICODE
    return pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
