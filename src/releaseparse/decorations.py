"""Decorations glued to a title line (``Fwd:``, `` | U.S. Department of State``), cut off."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import regex

from releaseparse.guard import PATTERN_TIMEOUT, is_reviewed
from releaseparse.required import required_sets

#: Global inline flags opening a pattern (``(?i)``): kept in front when the pattern is wrapped.
_LEADING_FLAGS = regex.compile(r"(?:\(\?[a-zA-Z]+\))+")
#: A title keeps at least this many words when decorations are cut from it.
MIN_TITLE_WORDS = 2
#: How many sets of screened characters a ``_Screen`` remembers the groups admitted for;
#: past that a set's groups are worked out each time (a hostile page cannot grow it).
ADMITTED_MEMO = 512


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


def _joined(alternatives: list[str], *, suffix: bool) -> regex.Pattern[str]:
    if suffix:
        # Matched from the end backwards: at every other position the ``\Z`` fails first,
        # so the search costs one attempt, not every suffix tried at each position.
        return regex.compile(f"(?:{'|'.join(alternatives)})\\Z", flags=regex.REVERSE)
    return regex.compile("|".join(alternatives))


class _Screen:
    """Whether any decoration may be cut from a text: its patterns joined into a few.

    A joined alternation finds a match exactly when one of its alternatives does. The
    alternatives are joined by the characters they need (``required.required_sets``),
    and a group is tried only on a text holding a character of each set: most titles
    hold no ``|``, dash or bullet, and skip the costly suffixes whole. One scan for the
    characters every group needs first answers for all of them on such a title.
    """

    __slots__ = ("_admitted", "_chars", "gate", "gated", "joined", "open")

    def __init__(self, prefixes: Iterable[tuple[str, str]], suffixes: Iterable[tuple[str, str]]):
        #: ``(match or search, needed characters)`` of each joined group.
        groups: dict[tuple[bool, tuple[frozenset[str], ...]], list[str]] = {}
        for suffix, pairs in ((False, prefixes), (True, suffixes)):
            for text, alternative in pairs:
                groups.setdefault((suffix, required_sets(text)), []).append(alternative)
        #: Each group's alternation (what the reliability tests try on hostile text).
        self.joined = {key: _joined(group, suffix=key[0]) for key, group in groups.items()}
        #: The groups that need no character: always tried.
        self.open = tuple(
            _finder(pattern, suffix=suffix)
            for (suffix, sets), pattern in self.joined.items()
            if not sets
        )
        #: The others, each with the sets of characters it needs (``may_cut`` screens them).
        self.gated = tuple(
            (sets, _finder(pattern, suffix=suffix))
            for (suffix, sets), pattern in self.joined.items()
            if sets
        )
        #: Every character some gated group needs: a group's screen admits a text exactly
        #: when each of its sets meets the text's characters among these (each set lies
        #: among them), so those characters decide every screen at once.
        self._chars = frozenset(
            char for (_suffix, sets) in groups for chars in sets for char in chars
        )
        #: The gated groups' finders a text's characters among ``_chars`` admit, in order,
        #: by those characters (at most ``ADMITTED_MEMO`` sets of them kept).
        self._admitted: dict[frozenset[str], tuple[Callable[[str], object], ...]] = {}
        firsts = sorted({char for (_suffix, sets) in groups for char in (sets[0] if sets else ())})
        #: A character some gated group needs first: without one, none of them is tried.
        self.gate = re.compile("[" + "".join(map(re.escape, firsts)) + "]") if firsts else None

    def may_cut(self, text: str) -> bool:
        """Whether any prefix matches at the start of ``text`` or any suffix at its end."""
        for find in self.open:
            if find(text) is not None:
                return True
        if self.gate is None or self.gate.search(text) is None:
            return False
        # The groups each gated screen admits, worked out once for the text's characters
        # among ``_chars`` (one pass over the text), not a screen called for each group.
        present = self._chars.intersection(text)
        finds = self._admitted.get(present)
        if finds is None:
            finds = self._admits(present)
        for find in finds:  # noqa: SIM110 - a plain loop, as above
            if find(text) is not None:
                return True
        return False

    def _admits(self, present: frozenset[str]) -> tuple[Callable[[str], object], ...]:
        """The finders of the gated groups whose every set meets ``present``, in order."""
        finds = tuple(
            find
            for sets, find in self.gated
            if all(not present.isdisjoint(chars) for chars in sets)
        )
        if len(self._admitted) < ADMITTED_MEMO:
            self._admitted[present] = finds
        return finds


def _finder(pattern: regex.Pattern[str], *, suffix: bool) -> Callable[[str], object]:
    return pattern.search if suffix else pattern.match


def _screen(prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> _Screen | None:
    """The prefixes and the suffixes joined into a few patterns, or ``None`` (test each).

    When the joined patterns find nothing, no decoration can be cut and the tests one
    by one are skipped. Only our reviewed patterns are joined: with a pattern a user
    added (run with its time limit), every test runs as before.
    """
    if not all(is_reviewed(text) for text in (*prefixes, *suffixes)):
        return None
    heads = [(text, scoped) for text in prefixes if (scoped := _scoped(text)) is not None]
    tails = [(text, scoped) for text in suffixes if (scoped := _scoped(text)) is not None]
    if len(heads) < len(prefixes) or len(tails) < len(suffixes):
        return None
    try:
        return _Screen(heads, tails)
    except regex.error:
        return None


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
        if screen is not None and not screen.may_cut(text[start:end]):
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
