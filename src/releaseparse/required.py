r"""Characters every match of a pattern must hold, or may end with: cheap tests before a match.

A pattern such as ``\s{1,3}[-–—]\s{1,3}(?:embajada|consulado|...)\s...$`` costs several
µs to search in a title, and most titles hold none of ``-–—``: no match is possible
there, and ``CharacterScreen`` answers that in one ``in`` or one character-class scan.

The sets are read from the pattern's syntax tree, as the standard library's parser
(``re._parser``) builds it: a literal or a small character class that a sequence must
match, through groups and repeats of at least one, and for an alternation the union of
what each branch needs. What a lookaround needs is not counted (it lies outside the
match), nor is a cased character under ``(?i)`` (case folding has too many forms to list
safely). Patterns are ``regex`` patterns; where its syntax differs from ``re`` (``\p{L}``
is read as a category, which is never counted), the pattern is refused unless the two
read it alike: a nested set, a POSIX class, a set operation, a fuzzy ``{e<=1}``, or
anything the standard parser rejects gives no sets, so the pattern is always run.

``final_characters`` reads the same tree from its end: the characters a full match can
end with, which turn away a line by its last character alone.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

_sre: Any
_sre_parse: Any
try:  # private (no stubs), but stable since 3.11; without them no pattern is screened
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without them
    _sre = _sre_parse = None

#: Sets of characters kept per pattern, the most selective first.
MAX_SETS = 3
#: A range of a character class listed as its characters when it is at most this wide.
MAX_RANGE = 64
#: A set of at most this many characters is looked for one ``in`` at a time
#: (``CharacterScreen``), a wider one by one class scan.
MAX_LISTED = 8

#: ``\p{L}``, ``\P{Lu}``, ``\pL`` (``regex`` properties, unknown to ``re``): read as ``\d``,
#: another category. An escaped backslash before the ``p`` leaves it alone.
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^{}\\]*\}|[A-Za-z])")
#: A ``{`` that opens no quantifier (``regex``'s fuzzy ``{e<=1}``, which ``re`` reads as text).
_OTHER_BRACE = re.compile(r"(?<!\\)(?:\\\\)*\{(?!\d*(?:,\d*)?\})")
#: A POSIX class (``[[:alpha:]]``): ``re`` reads it as a set of its letters.
_POSIX_CLASS = re.compile(r"\[:\^?[a-z]+:\]")


def _caseless(char: str) -> bool:
    return char.lower() == char == char.upper() and char.casefold() == char


def _class_chars(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters a character class matches, if it lists few enough of them."""
    chars: set[str] = set()
    for op, value in items:
        if op is _sre.LITERAL:
            chars.add(chr(value))
        elif op is _sre.RANGE and value[1] - value[0] < MAX_RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a category, a negation, a wide range: not listed
            return None
    return frozenset(chars)


def _commonness(char: str) -> int:
    """How often text holds ``char``, roughly: spaces and lower-case letters the most."""
    if char == " " or "a" <= char <= "z":
        return 10
    if char.isdigit():
        return 5
    return 3 if char.isupper() else 1


def _weight(chars: frozenset[str]) -> int:
    """How often text holds one of ``chars``, roughly: lower is more selective."""
    return sum(map(_commonness, chars))


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    return min(sets, key=_weight) if sets else None


def _needed(items: Iterable[tuple[Any, Any]], ignorecase: bool) -> list[frozenset[str]]:
    """Sets of characters, one of each held by every match of the sequence ``items``."""
    found: list[frozenset[str]] = []
    for op, value in items:
        chars: frozenset[str] | None = None
        if op is _sre.LITERAL:
            chars = frozenset(chr(value))
        elif op is _sre.IN:
            chars = _class_chars(value)
        elif op is _sre.SUBPATTERN:
            _group, add, remove, body = value
            scoped = (ignorecase or bool(add & _sre.SRE_FLAG_IGNORECASE)) and not (
                remove & _sre.SRE_FLAG_IGNORECASE
            )
            found.extend(_needed(body, scoped))
        elif op is _sre.ATOMIC_GROUP:
            found.extend(_needed(value, ignorecase))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = value
            if low >= 1:
                found.extend(_needed(body, ignorecase))
        elif op is _sre.BRANCH:
            branches = [_best(_needed(branch, ignorecase)) for branch in value[1]]
            if all(branch is not None for branch in branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
        if chars and (not ignorecase or all(map(_caseless, chars))):
            found.append(chars)
    return found


def _runs(items: Iterable[tuple[Any, Any]], ignorecase: bool) -> list[str]:
    """Runs of characters that every match of the sequence ``items`` holds as they stand.

    Literals next to each other in a sequence are matched next to each other; a run is
    cut at anything else (an anchor too, which is safe: each piece is still held). Groups
    and repeats of at least one are read inside; alternations and lookarounds are not.
    Under ``(?i)`` a cased character may be matched in another form, so it cuts a run.
    """
    found: list[str] = []
    run: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL and (not ignorecase or _caseless(chr(value))):
            run.append(chr(value))
            continue
        if run:
            found.append("".join(run))
            run = []
        if op is _sre.SUBPATTERN:
            _group, add, remove, body = value
            scoped = (ignorecase or bool(add & _sre.SRE_FLAG_IGNORECASE)) and not (
                remove & _sre.SRE_FLAG_IGNORECASE
            )
            found.extend(_runs(body, scoped))
        elif op is _sre.ATOMIC_GROUP:
            found.extend(_runs(value, ignorecase))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found.extend(_runs(value[2], ignorecase))
    if run:
        found.append("".join(run))
    return found


def required_run(pattern: str) -> str:
    """The longest run of characters every text ``pattern`` matches holds (``JOIN NOW``).

    ``""`` when none is known (every text holds it).
    """
    tree = _parsed(pattern)
    if tree is None:
        return ""
    ignorecase = bool(tree.state.flags & _sre.SRE_FLAG_IGNORECASE)
    return max(_runs(tree.data, ignorecase), key=len, default="")


@lru_cache(maxsize=1024)
def _parsed(pattern: str) -> Any:
    """The standard library's syntax tree of ``pattern``, or ``None`` where it may misread it.

    Remembered: ``required_sets``, ``longest_match`` and ``final_characters`` read the same
    tree, and the vocabularies of profiles share most patterns.
    """
    plain = _PROPERTY.sub(r"\1\\d", pattern)
    if _sre_parse is None or _OTHER_BRACE.search(plain) or _POSIX_CLASS.search(plain):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set", "possible set difference"
            return _sre_parse.parse(plain)
    except (re.error, Warning, RecursionError, OverflowError, ValueError):
        return None


def required_sets(pattern: str, limit: int = MAX_SETS) -> tuple[frozenset[str], ...]:
    """Up to ``limit`` sets of characters, one of each held by every text ``pattern`` matches.

    ``()`` when none is known: the pattern must always be run.
    """
    tree = _parsed(pattern)
    if tree is None:
        return ()
    ignorecase = bool(tree.state.flags & _sre.SRE_FLAG_IGNORECASE)
    found = sorted(
        set(_needed(tree.data, ignorecase)), key=lambda chars: (_weight(chars), sorted(chars))
    )
    return tuple(found[:limit])


def longest_match(pattern: str) -> int | None:
    """The most characters a match of ``pattern`` can span; ``None`` if unbounded or unknown.

    A text longer than this never fully matches. (Without full case folding, which the
    standard parser refuses as ``(?f)``, each character of a pattern matches one.)
    """
    tree = _parsed(pattern)
    if tree is None:
        return None
    _shortest, longest = tree.getwidth()
    return longest if longest < _sre.MAXREPEAT - 1 else None


#: What ends a match: the characters it can end with (``None`` when unknown), and
#: whether the match can be empty.
_Ends = tuple[frozenset[str] | None, bool]
_UNKNOWN: _Ends = (None, False)
_ZERO_WIDTH: _Ends = (frozenset(), True)


class _EndReader:
    """Reads how the matches of a syntax tree end; notes whether any part ignores case."""

    def __init__(self) -> None:
        self.folded = False

    def chars(self, chars: Iterable[str], ignorecase: bool) -> frozenset[str] | None:
        """``chars`` as listed; ``None`` for a cased one outside ASCII under ``(?i)``.

        Under ``(?i)`` an ASCII letter matches its other case only, but a cased character
        outside ASCII may match ASCII ones (the Kelvin sign matches ``k``).
        """
        listed = frozenset(chars)
        if ignorecase:
            self.folded = True
            if any(not char.isascii() and not _caseless(char) for char in listed):
                return None
        return listed

    def sequence(self, items: Sequence[tuple[Any, Any]], ignorecase: bool) -> _Ends:
        """How a match of the sequence ``items`` ends: read from its last item back."""
        found: set[str] = set()
        for op, value in reversed(items):
            chars, empty = self.item(op, value, ignorecase)
            if chars is None:
                return _UNKNOWN
            found |= chars
            if not empty:
                return frozenset(found), False
        return frozenset(found), True

    def item(self, op: Any, value: Any, ignorecase: bool) -> _Ends:
        """How a match of one item of a sequence ends."""
        if op is _sre.LITERAL:
            return self.chars(chr(value), ignorecase), False
        if op is _sre.IN:
            listed = _class_chars(value)
            return (None if listed is None else self.chars(listed, ignorecase)), False
        if op is _sre.SUBPATTERN:
            _group, add, remove, body = value
            scoped = (ignorecase or bool(add & _sre.SRE_FLAG_IGNORECASE)) and not (
                remove & _sre.SRE_FLAG_IGNORECASE
            )
            return self.sequence(body, scoped)
        if op is _sre.ATOMIC_GROUP:
            return self.sequence(value, ignorecase)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, body = value
            if high == 0:
                return _ZERO_WIDTH
            chars, empty = self.sequence(body, ignorecase)
            return chars, empty or low == 0
        if op is _sre.BRANCH:
            found: set[str] = set()
            any_empty = False
            for branch in value[1]:
                chars, empty = self.sequence(branch, ignorecase)
                if chars is None:
                    return _UNKNOWN
                found |= chars
                any_empty = any_empty or empty
            return frozenset(found), any_empty
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return _ZERO_WIDTH  # anchors and lookarounds take no character
        return _UNKNOWN  # any character, a category, a back-reference, ...


def final_characters(pattern: str) -> frozenset[str] | None:
    r"""The ASCII characters a full match of ``pattern`` may end with; ``None`` if unknown.

    ``[\w-]{1,80}\.(?:jpe?g|png)`` ends every full match with ``g``: a line of prose,
    which ends with a full stop, cannot match it. The set holds ``""`` when the match can
    be empty, and both cases of a letter wherever case is ignored. A text whose last
    character lies outside ASCII is not judged by it (it may fold to an ASCII one).
    """
    tree = _parsed(pattern)
    if tree is None:
        return None
    reader = _EndReader()
    chars, empty = reader.sequence(tree.data, bool(tree.state.flags & _sre.SRE_FLAG_IGNORECASE))
    if chars is None:
        return None
    ascii_chars = {char for char in chars if char.isascii()}
    if reader.folded:
        # Where any part ignores case, both cases are listed: a part that does not is let
        # through in both, which only lets more texts through.
        ascii_chars |= {char.swapcase() for char in ascii_chars}
    return frozenset(ascii_chars | ({""} if empty else set()))


class CharacterScreen:
    """Whether a text may hold a match of a pattern: a character of each required set."""

    __slots__ = ("_chars", "_listed", "_scans", "sets")

    def __init__(self, sets: Iterable[frozenset[str]]) -> None:
        self.sets = tuple(sets)
        # One character is looked for with ``in``, and so is each of a small set: ``in``
        # passes over the text in C at a fraction of a nanosecond a character, a class
        # scan of ``re`` at a few (a set of 3 in a line of the feed: 0.14 µs against
        # 1.35). A set wider than ``MAX_LISTED`` takes one class scan (at 19 characters
        # the scan was the cheaper). A text holds a character of a set exactly when one
        # of its characters is ``in`` it, as when the class finds one.
        self._chars = tuple(next(iter(chars)) for chars in self.sets if len(chars) == 1)
        self._listed = tuple(
            tuple(sorted(chars)) for chars in self.sets if 1 < len(chars) <= MAX_LISTED
        )
        self._scans = tuple(
            re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]")
            for chars in self.sets
            if len(chars) > MAX_LISTED
        )

    @classmethod
    def of(cls, pattern: str) -> CharacterScreen:
        """The screen of ``pattern`` (one that lets every text through if none is known)."""
        return cls(required_sets(pattern))

    def __bool__(self) -> bool:
        """Whether the screen can turn any text away."""
        return bool(self.sets)

    def admits(self, text: str) -> bool:
        """Whether ``text`` holds a character of each set (it may hold a match)."""
        for char in self._chars:
            if char not in text:
                return False
        for listed in self._listed:
            for char in listed:
                if char in text:
                    break
            else:
                return False
        for scan in self._scans:  # noqa: SIM110 - a plain loop: on every line tested
            if scan.search(text) is None:
                return False
        return True
