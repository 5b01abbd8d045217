r"""Whether a line fully matches any pattern of a vocabulary list, in as few regex calls as we can.

Every line near the top of a page is tested against the chrome and marker patterns,
so the cost of a test is the cost of a call times the number of patterns. Our own
reviewed patterns that fail at their first character on other text are joined into one
alternation: one call instead of a dozen. The others stay single calls:

- patterns led by a wildcard (``.*\bJOIN NOW\b.*``): in an alternation the ``regex``
  module walks the whole line for them, which makes the joined test slower than the
  calls it replaces;
- patterns a user added (``GuardedPattern``, with the time limit of ``guard``);
- patterns whose meaning could change when joined (a global flag other than a leading
  ``(?i)``, a back-reference).

A full match of ``(?:a)|(?:b)`` exists exactly when ``a`` or ``b`` fully matches, so
the answer is the same as testing each pattern (``tests/test_patternset.py`` checks it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import TypeVar

import regex

from releaseparse.guard import FullMatcher, compile_each, is_reviewed
from releaseparse.required import (
    CharacterScreen,
    final_characters,
    longest_match,
    required_run,
)

_Matcher = TypeVar("_Matcher", bound=FullMatcher)

#: A pattern tried on its own behind three cheap tests: the longest text it can fully
#: match (``required.longest_match``), the ASCII characters a full match may end with
#: (``required.final_characters``) and the characters it needs (``None``: none known).
Screened = tuple[int, frozenset[str] | None, Callable[[str], bool] | None, _Matcher]


def screened_one(text: str, pattern: _Matcher) -> Screened[_Matcher]:
    """``pattern`` (compiled from ``text``) behind its tests (``JOIN NOW`` needs a ``J``)."""
    screen = CharacterScreen.of(text)
    longest = longest_match(text)
    return (
        sys.maxsize if longest is None else longest,
        final_characters(text),
        screen.admits if screen else None,
        pattern,
    )


def screened(texts: Sequence[str], compiled: Sequence[_Matcher]) -> tuple[Screened[_Matcher], ...]:
    """Each compiled pattern behind its tests."""
    return tuple(screened_one(text, pattern) for text, pattern in zip(texts, compiled, strict=True))


def needles(texts: Sequence[str]) -> tuple[str, ...] | None:
    """Runs of characters (``required.required_run``), one that each of ``texts`` needs.

    A text holding none of them fully matches none of the patterns: one test for all of
    them. ``None`` when some pattern needs no known run (any text may match it).
    """
    runs = tuple(required_run(text) for text in texts)
    return None if not all(runs) else tuple(dict.fromkeys(runs))


def fullmatches_one(
    tried: Iterable[Screened[FullMatcher]], text: str, *, longest_first: bool = False
) -> bool:
    """Whether one of the ``tried`` patterns matches the whole of ``text``, tests first.

    ``longest_first``: ``tried`` is listed by the longest text each can match, longest
    first, so a pattern too short for ``text`` ends the search: none after it can match.
    """
    size = len(text)
    last = text[-1:]
    judged = last.isascii()  # by its last character (``required.final_characters``)
    for longest, ends, admits, pattern in tried:  # a plain loop: faster than any()
        if size > longest:
            if longest_first:
                return False
        elif (
            (ends is None or not judged or last in ends)
            and (admits is None or admits(text))
            and pattern.fullmatch(text) is not None
        ):
            return True
    return False


#: A leading global case flag, which becomes a scoped one when joined: ``(?i:...)``.
_LEADING_CASE_FLAG = "(?i)"
#: Inline flags other than a leading ``(?i)``, and back-references: not joined.
_UNJOINABLE = regex.compile(r"\(\?[a-zA-Z^-]*[):]|\\[1-9]|\(\?P=|\\g<")
#: Patterns led by a wildcard or a negated class: scanned to the end of the line.
_WILDCARD_LED = regex.compile(r"(?:\(\?:)*(?:\.|\[\^)")


def joinable(pattern: str) -> bool:
    """Whether ``pattern`` may be joined: ours, fast to fail, and meaning the same when joined."""
    return is_reviewed(pattern) and shape_joinable(pattern)


def gateable(pattern: str) -> bool:
    """Whether ``pattern`` is tried only on lines whose opening it may match (``GatedPatternSet``).

    Ours and not led by a wildcard: a partial match of an opening answers exactly, for any
    pattern, whether a text opening so may match it; a wildcard-led one would be let through
    by every opening, and an added one is matched only under the time limit of ``guard``.
    """
    if not is_reviewed(pattern):
        return False
    body = pattern.removeprefix(_LEADING_CASE_FLAG)
    return _WILDCARD_LED.match(body) is None


def shape_joinable(pattern: str) -> bool:
    """Whether ``pattern`` fails fast and means the same inside ``(?:...)`` or ``(?i:...)``."""
    body = pattern.removeprefix(_LEADING_CASE_FLAG)
    if _UNJOINABLE.search(body.replace("(?:", "")) is not None:
        return False
    return _WILDCARD_LED.match(body) is None


def _scoped(pattern: str) -> str:
    if pattern.startswith(_LEADING_CASE_FLAG):
        return f"(?i:{pattern.removeprefix(_LEADING_CASE_FLAG)})"
    return f"(?:{pattern})"


class PatternSet:
    """A list of whole-line patterns, tested as one: ``fullmatches(text)``."""

    __slots__ = ("joined", "needles", "patterns", "screened", "single")

    def __init__(self, patterns: Iterable[str]) -> None:
        #: The patterns as given, the alternation of those joined (``None`` if none) and
        #: the others, compiled one by one.
        self.patterns = tuple(patterns)
        joined = [pattern for pattern in self.patterns if joinable(pattern)]
        single = [pattern for pattern in self.patterns if pattern not in joined]
        self.joined = regex.compile("|".join(map(_scoped, joined))) if joined else None
        self.single: tuple[FullMatcher, ...] = compile_each(single)
        self.screened = screened(single, self.single)
        #: Runs of characters a text must hold to match any of ``single`` (``needles``).
        self.needles = needles(single)

    def fullmatches(self, text: str) -> bool:
        """Whether some pattern matches the whole of ``text``."""
        if self.joined is not None and self.joined.fullmatch(text) is not None:
            return True
        return self.single_fullmatches(text)

    def single_fullmatches(self, text: str) -> bool:
        """Whether one of the patterns tried one by one matches the whole of ``text``."""
        if not self.screened:
            return False
        runs = self.needles
        if runs is not None:
            # Each of these patterns needs one of the runs: a text holding none of them
            # (most lines: the runs are ``|``, ``JOIN NOW``, ...) is let go in one pass.
            for run in runs:
                if run in text:
                    break
            else:
                return False
        return fullmatches_one(self.screened, text)

    def __repr__(self) -> str:
        return f"PatternSet({self.patterns!r})"


#: The longest text a screened pattern can fully match.
_LONGEST = itemgetter(0)

#: Characters opening a line that choose the patterns it is tested against.
GATE_WIDTH = 3
#: Openings a ``GatedPatternSet`` remembers; it forgets them all when full (memory stays bounded).
GATES = 16384


class GatedPatternSet(PatternSet):
    """A ``PatternSet`` that tests a line only against the patterns its opening allows.

    With a hundred chrome patterns, most lines fail every one of them within their first
    characters, yet one alternation of them all tries each in turn. Here the line's first
    ``GATE_WIDTH`` characters pick the patterns (``gateable``) that could match a line
    opening so (``regex``'s partial match of the opening answers that, exactly), and only
    those are tried: the same answer as the alternation, usually after one call or none.
    The alternation itself (``joined``, of the joinable ones) is compiled only when asked
    for.
    """

    __slots__ = ("_joined", "_tried", "compiled", "gated", "gates")

    def __init__(self, patterns: Iterable[str]) -> None:  # PatternSet.__init__ would join them
        self.patterns = tuple(patterns)
        single = [text for text in self.patterns if not gateable(text)]
        self.single = compile_each(single)
        self.screened = screened(single, self.single)
        self.needles = needles(single)
        #: The joinable patterns, each compiled on its own.
        self.compiled = tuple(regex.compile(text) for text in self.patterns if joinable(text))
        #: The patterns tried behind the gates: the joinable ones, and those of ours kept
        #: out of the alternation only for its sake (a scoped flag, a back-reference).
        self.gated = self.compiled + tuple(
            regex.compile(text) for text in self.patterns if gateable(text) and not joinable(text)
        )
        #: Each joinable pattern behind its tests, read from its syntax when a line's
        #: opening first lets it through (reading them all would slow the first parse).
        self._tried: dict[regex.Pattern[str], Screened[regex.Pattern[str]]] = {}
        #: A line's opening -> the compiled patterns a line opening so may match, each
        #: behind its tests.
        self.gates: dict[str, tuple[Screened[regex.Pattern[str]], ...]] = {}
        self._joined: tuple[regex.Pattern[str] | None] | None = None

    def tried(self, pattern: regex.Pattern[str]) -> Screened[regex.Pattern[str]]:
        """The joinable ``pattern`` behind its tests (``screened_one``), read once."""
        found = self._tried.get(pattern)
        if found is None:
            found = self._tried[pattern] = screened_one(pattern.pattern, pattern)
        return found

    @property
    def joined(self) -> regex.Pattern[str] | None:  # type: ignore[override]
        """The joinable patterns as one alternation (what ``PatternSet`` tests)."""
        if self._joined is None:
            texts = [pattern.pattern for pattern in self.compiled]
            self._joined = (regex.compile("|".join(map(_scoped, texts))) if texts else None,)
        return self._joined[0]

    def gate(self, opening: str) -> tuple[Screened[regex.Pattern[str]], ...]:
        """The joinable patterns that a text opening with ``opening`` may fully match."""
        try:
            return self.gates[opening]
        except KeyError:
            pass
        # A pattern that cannot open like ``opening[:-1]`` cannot open like ``opening``:
        # only the shorter opening's patterns are tried, so a new opening costs a few
        # partial matches, not one per pattern.
        if len(opening) > 1:
            wider = self.gate(opening[:-1])
            fitting = tuple(t for t in wider if t[3].fullmatch(opening, partial=True) is not None)
        else:
            # Longest first (``fullmatches_one``): the wider openings' gates keep the order.
            # Which pattern is tried first does not change the answer: ours, with no time
            # limit, each matches or not on its own.
            fitting = tuple(
                sorted(
                    (
                        self.tried(pattern)
                        for pattern in self.gated
                        if pattern.fullmatch(opening, partial=True) is not None
                    ),
                    key=_LONGEST,
                    reverse=True,
                )
            )
        if len(self.gates) >= GATES:
            self.gates.clear()
        self.gates[opening] = fitting
        return fitting

    def fullmatches(self, text: str) -> bool:
        """Whether some pattern matches the whole of ``text``."""
        opening = text[:GATE_WIDTH]
        tried = self.gates.get(opening)
        if tried is None:
            tried = self.gate(opening)
        # Most openings let no pattern through: an empty gate, and no call made for it.
        if tried and fullmatches_one(tried, text, longest_first=True):
            return True
        return self.single_fullmatches(text)
