"""The eleventh round's tail shortcuts answer as their plain forms."""

from __future__ import annotations

import re

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors.checks import checks
from releaseparse.extractors.disclaimer import _gap, _opening_chars, _printed_openings
from releaseparse.extractors.markers import _next_hints, ascii_hints, caption_hints
from releaseparse.extractors.wire import (
    _DASHED,
    _OUTLET,
    _capitals,
    _dateline,
    _first_body_line,
)
from releaseparse.guard import mark_reviewed
from releaseparse.lines import Line
from releaseparse.patternset import GatedPatternSet
from releaseparse.records import Severity, unchecked_span
from releaseparse.required import MAX_LISTED, CharacterScreen
from releaseparse.state import ParseState
from releaseparse.text import is_blank
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests.chain import state_before
from tests.strategies import releases

# A few characters, ASCII and not, so that sets and texts often share some.
_CHARS = "ab|»›→·•–—' ’é"
_SETS = st.lists(
    st.frozensets(st.sampled_from(_CHARS), min_size=1, max_size=len(_CHARS)), max_size=4
)


def plain_admits(sets: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether ``text`` holds a character of each set, asked character by character."""
    return all(any(char in text for char in chars) for chars in sets)


@given(_SETS, st.text(_CHARS, max_size=12))
@example([frozenset("»›→")], "Home » News")
@example([frozenset("»›→")], "Home News")
@example([frozenset("ab"), frozenset("»›→·")], "b › c")
@example([frozenset("ab"), frozenset("»›→·")], "c › c")
def test_screen_admits_as_its_plain_form(sets: list[frozenset[str]], text: str) -> None:
    """Small sets looked for by ``in``, wide ones by a class scan: the same answer."""
    assert CharacterScreen(sets).admits(text) is plain_admits(tuple(sets), text)


def test_screens_of_every_width_are_tried() -> None:
    """The strategy reaches both sides of ``MAX_LISTED``: sets listed and sets scanned."""
    assert 1 < MAX_LISTED < len(_CHARS)


# -- wire: the dateline's patterns tried only on a line holding what they match -----------

_DATELINE_PIECES = st.sampled_from(
    [
        "WASHINGTON",
        "GENEVA, Switzerland",
        "Washington, DC",
        "القاهرة",
        "Geneva",
        "(STL.News)",
        "(",
        ")",
        " – ",
        "—",
        " -- ",
        "-",
        ": ",
        " ",
        "March 3, 2011.",
        "The harbor opens",
        "x",
        "\n",
    ]
)


def plain_dateline(state: ParseState, start: int, end: int) -> regex.Match[str] | None:
    """Each of the wire's patterns tried in turn, whatever the line holds."""
    source = state.source
    return (
        _OUTLET.match(source, start, end)
        or _capitals(state, start, end)
        or _DASHED.match(source, start, end)
    )


def _found(match: regex.Match[str] | None) -> tuple[object, ...] | None:
    return None if match is None else (match.re, match.span(), match.groupdict())


@given(st.lists(_DATELINE_PIECES, max_size=10).map("".join), st.data())
@example("Washington, DC (STL.News) – March 3, 2011. The harbor opens", None)
@example("Geneva – The harbor opens", None)
@example("Geneva — The harbor opens", None)
@example("القاهرة – The harbor opens", None)
@example("WASHINGTON: The harbor opens", None)
@example("GENEVA, Switzerland — The harbor opens", None)
def test_dateline_as_its_plain_form(text: str, data: st.DataObject | None) -> None:
    """Screened by the characters each pattern matches: the same match, from any offset."""
    state = ParseState(text)
    if data is None:
        bounds = [(0, len(text))]
    else:
        start = data.draw(st.integers(0, len(text)))
        bounds = [(start, data.draw(st.integers(start, len(text))))]
    for start, end in bounds:
        expected = _found(plain_dateline(state, start, end))
        assert _found(_dateline(state, start, end)) == expected


# -- gated pattern sets: the patterns a gate lets through tried longest first -------------

# Patterns sharing openings, each with another longest match (5, 23, 8 characters and
# unbounded): a gate lets several through, and a text may be too long for some of them.
_LENGTHS = (r"ab\d{1,3}", r"ab.{0,20}x", r"a.{2,6}", r"ab[^|]*y", r"b{2,}")
mark_reviewed(_LENGTHS)
_LENGTHS_SET = GatedPatternSet(_LENGTHS)


def plain_fullmatches(patterns: tuple[str, ...], text: str) -> bool:
    """Each pattern tried on its own, in the order given."""
    return any(regex.fullmatch(pattern, text) is not None for pattern in patterns)


@given(st.text("abxy1| ", max_size=40))
@example("ab" + "z" * 30 + "y")
@example("ab12")
@example("abzzx")
@example("bbbbbbbbbbbbbbbbbbbb")
def test_gated_set_as_its_plain_form(text: str) -> None:
    """Longest first, stopping at the first pattern too short for the text: the same answer."""
    assert _LENGTHS_SET.fullmatches(text) is plain_fullmatches(_LENGTHS, text)


@given(
    st.sampled_from(["Home", "https://", "You are in:", "The ", "Share", "© 20", "Photo"]),
    st.text("aZ09 .:/|»›©-", max_size=300),
)
def test_chrome_set_as_its_plain_form(opening: str, rest: str) -> None:
    """The vocabulary's own chrome set, on texts of every length after a chrome opening."""
    chrome = DEFAULT_VOCABULARY.chrome_set
    text = opening + rest
    assert chrome.fullmatches(text) is plain_fullmatches(chrome.patterns, text)


# -- disclaimer: the templates' openings, shared beginnings written once --------------------


def plain_printed_openings(templates: tuple[str, ...]) -> re.Pattern[str] | None:
    """One branch a template: its first character, the rest a lookahead."""
    branches = []
    for template in templates:
        chars = _opening_chars(template)
        if not chars:
            return None
        rest = "".join(_gap() + re.escape(char) for char in chars[1:])
        branches.append(f"{re.escape(chars[0])}(?={rest})")
    return re.compile("|".join(branches)) if branches else None


def _places(pattern: re.Pattern[str] | None, source: str) -> list[int] | None:
    return None if pattern is None else [place.start() for place in pattern.finditer(source)]


_TEMPLATE = st.text("Thabe ", max_size=14)


@given(
    st.lists(_TEMPLATE, min_size=1, max_size=4).map(tuple), st.text("Thabe \n\u200b.", max_size=60)
)
@example(("The Office of W", "The Office of E"), "x The Office of E and The\nOffice of W")
@example(("Tha", "Thb", "T"), "Tha Th T")
@example(("ab", "abe"), "a b a\u200bbe")
def test_printed_openings_as_their_plain_form(templates: tuple[str, ...], source: str) -> None:
    """The places some template's opening is printed, found by the shared pattern: the same."""
    expected = _places(plain_printed_openings(templates), source)
    assert _places(_printed_openings(templates), source) == expected


# -- wire: the first line of the body, empty lines passed without asking ``is_blank`` -------


def plain_first_body_line(state: ParseState, start: int) -> Line | None:
    """The first line from ``start`` on whose rest holds text, none of it claimed."""
    for line in state.lines:
        if line.stop <= start:
            continue
        offset = max(start, line.start)
        if not is_blank(line.text[offset - line.start :]) and not state.is_claimed(
            unchecked_span(offset, line.end)
        ):
            return line
    return None


@given(
    st.one_of(releases().map(lambda case: case.text), st.text("x \n\u200b", max_size=20)), st.data()
)
@example("\n\nx\n", None)
@example("ab\n\n \n\u200b\ny", None)
def test_first_body_line_as_its_plain_form(text: str, data: st.DataObject | None) -> None:
    """From every offset (or a drawn one), the same line as the plain walk."""
    state = state_before(text, DEFAULT_VOCABULARY, "wire")
    starts = range(len(text) + 1) if data is None else [data.draw(st.integers(0, len(text)))]
    for start in starts:
        assert _first_body_line(state, start) == plain_first_body_line(state, start)


# -- checks: the severity read once ---------------------------------------------------------


def test_missing_title_and_date_are_errors() -> None:
    """A page of the feed's shape (a body, no header) misses both: each an error, as before."""
    state = state_before("The harbor opens today.\n", DEFAULT_VOCABULARY, "checks")
    checks(state)
    severities = {defect.code: defect.severity for defect in state.defects}
    assert severities["title.missing"] is Severity.ERROR
    assert severities["date.missing"] is Severity.ERROR


# -- markers: an ASCII source's caption hints ------------------------------------------------

_HINTS = caption_hints(DEFAULT_VOCABULARY.caption_patterns)


@given(st.lists(st.sampled_from(["hoto", "Photo", "Description:", "Date: ", "x", "\n", " "])))
@example(["a State Department ", "Photo", "\n"])
def test_ascii_hints_as_every_hint(pieces: list[str]) -> None:
    """From any offset of an ASCII source, the next hint lies where the full list puts it."""
    source = "".join(pieces)
    assert _HINTS is not None
    never = len(source) + 1
    for start in range(len(source) + 1):
        expected = min(_next_hints(source, _HINTS, start))
        assert min(_next_hints(source, ascii_hints(_HINTS), start), default=never) == expected
