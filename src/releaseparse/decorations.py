"""Decorations glued to a title line (``Fwd:``, `` | U.S. Department of State``), cut off."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from releaseparse.guard import PATTERN_TIMEOUT, is_reviewed

#: Global inline flags opening a pattern (``(?i)``): kept in front when the pattern is wrapped.
_LEADING_FLAGS = regex.compile(r"(?:\(\?[a-zA-Z]+\))+")
#: A title keeps at least this many words when decorations are cut from it.
MIN_TITLE_WORDS = 2


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words_in(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


class _Affix:
    """One decoration pattern: a prefix matched at the start, or a suffix searched to the end."""

    __slots__ = ("guarded", "pattern", "suffix")

    def __init__(self, text: str, suffix: bool) -> None:
        flags = _LEADING_FLAGS.match(text)
        lead = flags.group() if flags is not None else ""
        body = text[len(lead) :]
        self.suffix = suffix
        self.pattern = regex.compile(f"{lead}(?:{body})\\Z" if suffix else text)
        #: Patterns a user added get the time limit of ``guard``; one that stalls cuts nothing.
        self.guarded = not is_reviewed(text)

    def cut(self, text: str) -> int | None:
        """Where ``text`` is cut: after the prefix, or before the suffix (``None``: no cut)."""
        find = self.pattern.search if self.suffix else self.pattern.match
        try:
            found = find(text, timeout=PATTERN_TIMEOUT) if self.guarded else find(text)
        except TimeoutError:
            return None
        if found is None or found.start() == found.end():
            return None
        return found.start() if self.suffix else found.end()


#: Inline flags that can be scoped to one alternative (``(?i)x`` as ``(?i:x)``).
_SCOPABLE_FLAGS = regex.compile(r"\(\?[imsx]+\)")


def _scoped(text: str) -> str | None:
    """``text`` as one alternative of a joined pattern, its leading flags scoped to it."""
    flags = _LEADING_FLAGS.match(text)
    if flags is None:
        return f"(?:{text})"
    lead = flags.group()
    if not _SCOPABLE_FLAGS.fullmatch(lead):
        return None
    return f"{lead[:-1]}:{text[len(lead) :]})"


def _screen(
    prefixes: tuple[str, ...], suffixes: tuple[str, ...]
) -> tuple[regex.Pattern[str], regex.Pattern[str]] | None:
    """One pattern for all prefixes and one for all suffixes, or ``None`` (test each).

    A joined alternation finds a match exactly when one of its alternatives does, so
    when neither finds one, no decoration can be cut and the tests one by one are
    skipped. Only our reviewed patterns are joined: with a pattern a user added (run
    with its time limit), every test runs as before.
    """
    if not all(is_reviewed(text) for text in (*prefixes, *suffixes)):
        return None
    scoped = [_scoped(text) for text in (*prefixes, *suffixes)]
    alternatives = [alternative for alternative in scoped if alternative is not None]
    if len(alternatives) < len(scoped):
        return None
    heads, tails = alternatives[: len(prefixes)], alternatives[len(prefixes) :]
    try:
        return (
            regex.compile("|".join(heads) or "(?!)"),
            # Matched from the end backwards: at every other position the ``\Z`` fails
            # first, so the screen costs a scan, not every suffix tried at each position.
            regex.compile(f"(?:{'|'.join(tails) or '(?!)'})\\Z", flags=regex.REVERSE),
        )
    except regex.error:
        return None


def _may_cut(screen: tuple[regex.Pattern[str], regex.Pattern[str]], text: str) -> bool:
    """Whether any prefix matches at the start of ``text`` or any suffix at its end."""
    heads, tails = screen
    return heads.match(text) is not None or tails.search(text) is not None


class DecorationSet:
    """Title decorations: prefixes cut from the start of a title line, suffixes from its end."""

    __slots__ = ("_screen", "prefix_tests", "prefixes", "suffix_tests", "suffixes")

    def __init__(self, prefixes: Iterable[str], suffixes: Iterable[str]) -> None:
        self.prefixes = tuple(prefixes)
        self.suffixes = tuple(suffixes)
        self.prefix_tests = tuple(_Affix(text, suffix=False) for text in self.prefixes)
        self.suffix_tests = tuple(_Affix(text, suffix=True) for text in self.suffixes)
        self._screen = _screen(self.prefixes, self.suffixes)

    def strip(self, text: str) -> tuple[int, int]:
        """The ``(start, end)`` of ``text`` without its decorations and outer whitespace.

        Prefixes and suffixes are cut in turn until none is left; a cut that would leave
        fewer than ``MIN_TITLE_WORDS`` words is not made.
        """
        start, end = _trim(text, 0, len(text))
        screen = self._screen
        if screen is not None and not _may_cut(screen, text[start:end]):
            return start, end  # no decoration at either end: most titles
        cutting = True
        while cutting:
            cutting = False
            for test in (*self.prefix_tests, *self.suffix_tests):
                at = test.cut(text[start:end])
                if at is None:
                    continue
                kept = (
                    _trim(text, start + at, end)
                    if not test.suffix
                    else _trim(text, start, start + at)
                )
                if _words_in(text, *kept) >= MIN_TITLE_WORDS:
                    start, end = kept
                    cutting = True
        return start, end

    def __repr__(self) -> str:
        return f"DecorationSet({self.prefixes!r}, {self.suffixes!r})"
