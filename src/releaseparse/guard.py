"""A time limit on the patterns users add to a vocabulary: the last guard against a stall.

Our own patterns are reviewed for catastrophic backtracking (``docs/reliability.md``) and
run without a limit. A pattern added through ``Vocabulary`` (``chrome_patterns``, say)
is not ours to review: each match of it gets the ``regex`` module's timeout. When one
times out during a parse, the pattern counts as not matching for the rest of that parse
(one stall, not one per line) and the record gets a ``vocabulary.timeout`` error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Protocol

import regex

#: Seconds one match of an added pattern may take before it is given up.
PATTERN_TIMEOUT = 1.0

_local = threading.local()
_reviewed: set[str] = set()


class FullMatcher(Protocol):
    """What the line tests need of a pattern: ``fullmatch`` on one line of text."""

    def fullmatch(self, text: str) -> regex.Match[str] | None: ...


def mark_reviewed(patterns: Iterable[str]) -> None:
    """Note built-in patterns (ours, reviewed) that may run without the time limit."""
    _reviewed.update(patterns)


def is_reviewed(pattern: str) -> bool:
    """Whether ``pattern`` is one of ours, reviewed and run without the time limit."""
    return pattern in _reviewed


class GuardedPattern:
    """A pattern from outside the library, matched with ``PATTERN_TIMEOUT``."""

    __slots__ = ("pattern", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pattern = regex.compile(text)

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        given_up: list[str] | None = getattr(_local, "given_up", None)
        if given_up is not None and self.text in given_up:
            return None
        try:
            return self.pattern.fullmatch(text, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            if given_up is None:  # outside a parse: the caller hears of it
                raise
            given_up.append(self.text)
            return None

    def __repr__(self) -> str:
        return f"GuardedPattern({self.text!r})"


def compile_each(patterns: Iterable[str]) -> tuple[FullMatcher, ...]:
    """Each pattern compiled: reviewed ones as they are, the others guarded."""
    return tuple(
        regex.compile(text) if is_reviewed(text) else GuardedPattern(text) for text in patterns
    )


def gave_up() -> bool:
    """Whether an added pattern has timed out in this thread's parse so far.

    Line kinds found after that are not remembered across inputs: with the pattern
    given up they may be wrong, and the next input must meet the pattern again.
    """
    return bool(getattr(_local, "given_up", None))


class _Watching:
    """``watching()``'s context.

    A plain class: a generator-based context manager costs a few microseconds more, on
    every parse.
    """

    __slots__ = ("_outer",)

    def __enter__(self) -> list[str]:
        self._outer: list[str] | None = getattr(_local, "given_up", None)
        given_up: list[str] = []
        _local.given_up = given_up
        return given_up

    def __exit__(self, *_exc_info: object) -> None:
        _local.given_up = self._outer


def watching() -> _Watching:
    """Collect, in this thread, the added patterns that time out inside the block."""
    return _Watching()
