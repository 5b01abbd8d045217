"""The site disclaimer at the end of a page, re-joined wherever the scrape broke it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from operator import attrgetter

import regex

from releaseparse.extractors._common import header_end
from releaseparse.extractors._tail import header_bounds
from releaseparse.lines import Line
from releaseparse.records import Severity, Span
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, collapse

#: Non-space characters of a template that must match before a cut-off copy counts.
MIN_TRUNCATED_CHARS = 40
_OPENING_CHARS = 12


def _skippable(char: str) -> bool:
    return char.isspace() or char in INVISIBLE


#: Every character ``str.isspace`` accepts lies at or below U+3000 (checked by the tests).
_LAST_SPACE = 0x3000


@lru_cache(maxsize=1)
def _pattern_spaces() -> tuple[str, ...]:
    r"""The characters ``regex``'s ``\s`` matches, as escapes for a character class.

    All lie at or below U+3000 (checked by the tests). The disclaimer's patterns spell
    their classes out code point by code point, so that the standard ``re`` runs them as
    ``regex`` would, two to three times faster.
    """
    space = regex.compile(r"\s")
    return tuple(f"\\u{code:04x}" for code in range(_LAST_SPACE + 1) if space.match(chr(code)))


@lru_cache(maxsize=64)
def _opening(template: str) -> tuple[str, re.Pattern[str]]:
    r"""The template's first non-space character, and its first characters as a pattern.

    The pattern allows any whitespace between the characters and leading spaces before
    them (``[^\S\r\n]*``, spelt out); it is tried only at line starts whose first
    character is the template's.
    """
    chars = _opening_chars(template)
    spaces = _pattern_spaces()
    lead = "[" + "".join(space for space in spaces if space not in ("\\u000a", "\\u000d")) + "]*"
    body = _gap().join(map(re.escape, chars))
    return (chars[0] if chars else ""), re.compile(rf"{lead}({body})")


def _opening_chars(template: str) -> list[str]:
    """The template's first non-space characters, those its opening pattern spells out."""
    return [char for char in template if not char.isspace()][:_OPENING_CHARS]


def _gap() -> str:
    """What may lie between two characters of a copy: whitespace and invisibles, spelt out."""
    return "[" + "".join(_pattern_spaces()) + "\\u200b-\\u200d\\u2060\\ufeff\\u00ad]*"


@lru_cache(maxsize=16)
def _printed_openings(templates: tuple[str, ...]) -> re.Pattern[str] | None:
    """Each place where some template's opening characters are printed, line start or not.

    Each template's opening pattern less its leading spaces, all but its first character
    a lookahead: one ``finditer`` over the source finds every place (overlapping ones
    too) in one scan in C. ``None`` if a template is spaces only (it opens anywhere).
    Openings that begin alike are written as one (``_shared``).
    """
    openings = [_opening_chars(template) for template in templates]
    if not all(openings):
        return None
    branches = [
        f"{re.escape(first)}(?={rest})" if rest else re.escape(first)
        for first, rest in _by_first(openings)
    ]
    return re.compile("|".join(branches)) if branches else None


def _shared(openings: list[list[str]]) -> str:
    """A pattern of the characters of any of ``openings``, each after a gap (``_gap``).

    Openings that begin with the same character share one branch for it, so a place
    where none goes on is left after one test of each character, not one per opening
    (the two built-in templates share eleven: 2.8 -> 2.3 µs a feed document). It matches
    where one of the openings' patterns does (an alternation is their union); ``""``
    where an opening is empty, which needs nothing more.
    """
    if not all(openings):
        return ""
    branches = [_gap() + re.escape(first) + rest for first, rest in _by_first(openings)]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _by_first(openings: list[list[str]]) -> list[tuple[str, str]]:
    """Each first character of ``openings`` (none empty), and ``_shared`` of what follows it."""
    return [
        (first, _shared([chars[1:] for chars in openings if chars[0] == first]))
        for first in dict.fromkeys(chars[0] for chars in openings)
    ]


def _openings(
    state: ParseState, template: str, start: int, lines: Iterable[Line]
) -> Iterator[re.Match[str]]:
    """Where copies of ``template`` open at the start of ``lines`` (from ``start`` on)."""
    first, pattern = _opening(template)
    resume = start
    for line in lines:
        if line.start < resume or not line.text.lstrip().startswith(first):
            continue
        match = pattern.match(state.source, line.start)
        if match is not None:
            resume = match.end()
            yield match


def _candidate_lines(state: ParseState, start: int, scan_from: int = 0) -> list[Line]:
    """Lines from ``start`` where some template may open (``_openings`` tries each).

    A copy opens where a template's opening pattern matches from a line's start, and
    that match prints the opening characters on the line itself (the leading spaces it
    allows are no line break). So only the lines where some template's opening is
    printed are tried: a few found by one scan of the source, not every line of the page.
    ``scan_from``: no place before it prints an opening (the scan starts past it).
    """
    templates = state.vocabulary.disclaimers
    printed = _printed_openings(templates)
    lines = state.lines
    if printed is None:  # a template of spaces only: any line may open it
        return [line for line in lines if line.start >= start]
    firsts = _first_characters(templates)
    found: list[Line] = []
    tried = -1
    # Each match of ``printed`` is one character long (the rest is a lookahead, and it
    # has no lookbehind): the places it finds from ``start`` are the same whichever of
    # two offsets with no place between them it starts from.
    for place in printed.finditer(state.source, max(start, scan_from)):
        index = bisect.bisect_right(lines, place.start(), key=_LINE_START) - 1
        if index > tried:  # not a line tried for an earlier place on it
            tried = index
            line = lines[index]
            if line.start >= start and line.text.lstrip()[:1] in firsts:
                found.append(line)
    return found


_LINE_START = attrgetter("start")


@lru_cache(maxsize=16)
def _first_characters(templates: tuple[str, ...]) -> frozenset[str]:
    """The first non-space character of each template (``_opening``), worked out once."""
    return frozenset(_opening(template)[0] for template in templates)


@lru_cache(maxsize=1)
def _skippable_class() -> str:
    """A regex class of exactly the characters ``_skippable`` accepts."""
    spaces = "".join(chr(code) for code in range(_LAST_SPACE + 1) if chr(code).isspace())
    return "[" + "".join(f"\\u{ord(char):04x}" for char in spaces + INVISIBLE) + "]"


@lru_cache(maxsize=64)
def _whole(template: str) -> tuple[re.Pattern[str] | None, int]:
    """The whole template as a pattern that skips what ``_walk`` skips, and its length.

    No pattern for a template holding an invisible character, which the walk compares
    as itself but the pattern would skip. Every character is spelt out, so the standard
    ``re`` runs it (2.5 times faster than ``regex`` on a copy broken by a blank line).
    """
    chars = [char for char in template if not char.isspace()]
    if any(char in INVISIBLE for char in template):
        return None, len(chars)
    gap = _skippable_class() + "*"
    return re.compile(gap.join(map(re.escape, chars))), len(chars)


def _walk(source: str, start: int, template: str) -> tuple[int, int, bool]:
    """Match ``template`` at ``start`` ignoring whitespace in both (the scrape's breaks).

    Returns where the match ends, how many of the template's non-space characters
    it matched, and whether it matched all of them. A whole copy is matched by one
    pattern; a cut-off or altered one is walked character by character.
    """
    whole, length = _whole(template)
    found = None if whole is None else whole.match(source, start)
    if found is not None:
        return found.end(), length, True
    return _walk_chars(source, start, template)


def _walk_chars(source: str, start: int, template: str) -> tuple[int, int, bool]:
    """``_walk`` one character at a time: how far a cut-off or altered copy goes."""
    position, size, matched = start, len(source), 0
    end = start
    for char in template:
        if char.isspace():
            continue
        while position < size and _skippable(source[position]):
            position += 1
        if position >= size or source[position] != char:
            return end, matched, False
        position += 1
        end = position
        matched += 1
    return end, matched, True


def _prefix(template: str, matched: int) -> str:
    """The template's text up to its ``matched``-th non-space character."""
    seen = 0
    for index, char in enumerate(template):
        if not char.isspace():
            seen += 1
            if seen == matched:
                return template[: index + 1]
    return template


def _last_copy(
    state: ParseState, start: int, lines: list[Line]
) -> tuple[str, int, int, bool] | None:
    """The last complete copy of a template after ``start``, else one cut off at the end.

    Gives the template, the copy's offsets and whether it is complete. Each template in
    turn, its openings over ``lines`` (``_candidate_lines``) as ``_openings`` finds them,
    each walked as ``_walk`` walks it; in one loop, with no ``Span`` made for a copy that
    is not kept. Its plain form (a generator of copies, then the choice) is in the tests.
    """
    source = state.source
    text_end = -1  # where only whitespace is left: worked out only for a cut-off copy
    best: tuple[str, int, int, bool] | None = None
    for template in state.vocabulary.disclaimers:
        first, pattern = _opening(template)
        whole = _whole(template)[0]
        resume = start
        for line in lines:
            if line.start < resume or not line.text.lstrip().startswith(first):
                continue
            match = pattern.match(source, line.start)
            if match is None:
                continue
            resume = match.end()
            opens = match.start(1)
            if whole is not None:
                # A copy printed as the template itself (half the copies) needs no pattern:
                # ``whole`` matches it, ending past its last non-space character. The match
                # is the only one: each character it spells out is neither whitespace nor
                # invisible (``whole`` is ``None`` otherwise), so each lies at the next
                # position the gaps (every whitespace and invisible character) do not skip.
                if source.startswith(template, opens):
                    end = opens + len(template.rstrip())
                else:
                    found = whole.match(source, opens)
                    end = -1 if found is None else found.end()
                if end >= 0:  # ``_walk``: a whole copy, every character matched
                    if best is None or not best[3] or opens > best[1]:
                        best = (template, opens, end, True)
                    continue
            end, matched, complete = _walk_chars(source, opens, template)
            if complete:
                if best is None or not best[3] or opens > best[1]:
                    best = (template, opens, end, True)
            elif matched >= MIN_TRUNCATED_CHARS and (best is None or not best[3]):
                if text_end < 0:
                    text_end = len(source.rstrip())
                if end >= text_end:
                    best = (template, opens, end, False)
    return best


class Copies:
    """Where copies of a disclaimer template lie, whole or cut off, on a page read from any line.

    A copy counts once ``MIN_TRUNCATED_CHARS`` of its template match (a broken disclaimer,
    ``The`` / ``Office of E...``, is found by it). The lines where each template could
    open are found once, in one pass over ``state``. ``from_line(first)`` reads the
    source from line ``first`` on as a page of its own (the copies ``_copies`` finds on
    it), but only as far as the offsets asked about: asking from each of many starts on
    one page costs about one pass over it.
    """

    def __init__(self, state: ParseState) -> None:
        self.state = state
        self._openers: list[tuple[str, list[Line], list[int]]] | None = None

    def opening_lines(self) -> list[tuple[str, list[Line], list[int]]]:
        """Each template, the lines where it opens unless a copy runs over them, their starts."""
        if self._openers is None:
            source = self.state.source
            lines = _candidate_lines(self.state, 0)
            self._openers = []
            for template in self.state.vocabulary.disclaimers:
                first, pattern = _opening(template)
                opening = [
                    line
                    for line in lines
                    if line.text.lstrip().startswith(first)
                    and pattern.match(source, line.start) is not None
                ]
                self._openers.append((template, opening, [line.start for line in opening]))
        return self._openers

    def from_line(self, first: int) -> Covering:
        """Whether an offset lies in a copy on the page that opens at line ``first``."""
        lines = self.state.lines
        return Covering(self, lines[first].start if first < len(lines) else len(self.state.source))


class Covering:
    """Whether an offset lies in a copy on the page from ``start``, asked in offset order."""

    def __init__(self, copies: Copies, start: int) -> None:
        self.copies = copies
        self.start = start
        self._asked = start
        self._pending: list[tuple[str, Iterator[re.Match[str]], re.Match[str] | None]] = []
        self._begun = False
        self._open: list[Span] = []  # copies opened so far that reach past the last offset

    def _begin(self) -> None:
        state, start = self.copies.state, self.start
        for template, opening, starts in self.copies.opening_lines():
            first = bisect.bisect_left(starts, start)
            found = _openings(
                state, template, start, map(opening.__getitem__, range(first, len(opening)))
            )
            self._pending.append((template, found, next(found, None)))
        self._begun = True

    def __call__(self, offset: int) -> bool:
        if offset < self._asked:
            raise ValueError(f"offsets must not decrease: {offset} after {self._asked}")
        if not self._begun:
            self._begin()
        self._asked = offset
        source = self.copies.state.source
        for index, (template, found, match) in enumerate(self._pending):
            opened = match
            while opened is not None and opened.start() <= offset:
                end, matched, _ = _walk(source, opened.start(1), template)
                if matched >= MIN_TRUNCATED_CHARS:
                    self._open.append(Span(opened.start(1), end))
                opened = next(found, None)
            self._pending[index] = (template, found, opened)
        self._open = [span for span in self._open if span.end > offset]
        return any(span.start <= offset for span in self._open)


def disclaimer(state: ParseState) -> None:
    """Set ``disclaimer`` to the whole template the page carries; note breaks and cut-offs."""
    # Most pages print no template's opening anywhere: one search of the whole page in C
    # answers them, and nothing else is looked up. It is exact: a line ``_candidate_lines``
    # would give prints an opening at some place of the page, which this search finds
    # (it tries every offset from 0; ``printed`` has no anchor or lookbehind).
    printed = _printed_openings(state.vocabulary.disclaimers)
    scan_from = 0
    if printed is not None:  # ``None``: a template of spaces only, tried on every line
        place = printed.search(state.source)
        if place is None:
            return
        scan_from = place.start()
    # Where exactly the header ends is worked out only when an opening is printed below
    # the header's last line.
    lines = _candidate_lines(state, header_bounds(state)[0], scan_from)
    if not lines:
        return
    found = _last_copy(state, header_end(state), lines)
    if found is None:
        return
    template, start, end, complete = found
    record_copy(state, template, Span(start, end), complete)


def record_copy(state: ParseState, template: str, span: Span, complete: bool) -> None:
    """Claim the copy of ``template`` at ``span``, set the field, note a break or cut-off."""
    raw = span.slice(state.source)
    state.claim(span, "disclaimer")
    if complete:
        state.set("disclaimer", template, span)
        if "\r" in raw or "\n" in raw or collapse(raw) != template:
            state.defect(
                "disclaimer.rejoined",
                "the disclaimer was broken by the scrape and has been re-joined",
                span,
                Severity.INFO,
            )
        return
    state.set("disclaimer", _prefix(template, len(collapse(raw).replace(" ", ""))), span)
    state.defect(
        "disclaimer.truncated",
        "the disclaimer is cut off: the input ends inside it",
        Span(span.end, span.end),
    )
