"""The glued-line reader's shortcuts answer as the plain reading they stand in for."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors import _delivery
from releaseparse.extractors._delivery import (
    _FORMULA,
    _FORUM,
    FORMULA_INITIALS,
    FORUM_INITIALS,
    Delivery,
    _forum_and_place,
    read_delivery,
    read_forum_line,
)
from releaseparse.extractors._flat import _leading_note_type, _place_suffix, _strip
from releaseparse.extractors._glued import (
    _BY,
    MAX_GLUED_LENGTH,
    GluedHeader,
    _people,
    _short_place,
    read_glued,
)
from releaseparse.extractors._people import Offsets, read_issuer, strip_offsets
from releaseparse.text import collapse, has_digit
from releaseparse.vocabulary import (
    DEFAULT_VOCABULARY,
    NOTE_TYPES,
    OFFICES,
    Vocabulary,
    _openings,
)
from tests.strategies import issuer_lines, titles

# The readers as they were before their shortcuts, kept to compare with.


def _plain_forum_line(text: str) -> tuple[Offsets, Offsets | None] | None:
    if len(text) > _delivery.MAX_DELIVERY_LENGTH:
        return None
    lead = _FORUM.match(text.lstrip())
    if lead is None or not text.lstrip()[:1].islower():
        return None
    start = len(text) - len(text.lstrip()) + lead.end()
    return _forum_and_place(text, start, len(text))


def _plain_delivery(vocabulary: Vocabulary, text: str) -> Delivery | None:
    if len(text) > _delivery.MAX_DELIVERY_LENGTH:
        return None
    formula = _FORMULA.match(text)
    if formula is None:
        return None
    venue: Offsets | None = None
    place: Offsets | None = None
    people_end = len(text)
    for forum in _FORUM.finditer(text, formula.end()):
        read = _forum_and_place(text, forum.end(), len(text))
        if read is not None:
            people_end = forum.start()
            venue, place = read
            break
    people = strip_offsets(text, formula.end(), people_end, also=",")
    if people[1] <= people[0]:
        return None
    found = read_issuer(vocabulary, text[slice(*people)])
    if found is None:
        return None
    speakers = [
        (
            (name[0] + people[0], name[1] + people[0]),
            None if role is None else (role[0] + people[0], role[1] + people[0]),
        )
        for name, role in found
    ]
    return Delivery(speakers, venue, place)


def _plain_leading_office(vocabulary: Vocabulary, text: str, start: int) -> Offsets | None:
    for _office, end in vocabulary.office_openings.at(text.casefold(), start):
        if text[end : end + 1].isspace():
            return start, end
    return None


def _plain_glued(vocabulary: Vocabulary, text: str) -> GluedHeader | None:
    delivery = _plain_delivery(vocabulary, text)
    if delivery is not None:
        return GluedHeader(None, delivery.speakers, None, delivery.place, delivery.venue)
    forum = _plain_forum_line(text)
    if forum is not None:
        return GluedHeader(None, [], None, forum[1], forum[0])
    if len(text) > MAX_GLUED_LENGTH or has_digit(text):
        return None
    start = len(text) - len(text.lstrip())
    office = _plain_leading_office(vocabulary, text, start)
    if office is not None:
        people = _people(vocabulary, text, _strip(text, office[1], len(text)))
        if people is not None and people[0]:
            return GluedHeader(None, people[0], None, None, None, office)
        return None
    note = _leading_note_type(vocabulary, text, start)
    position = start
    if note is not None:
        position = note[1]
        by = _BY.match(text, _strip(text, position, len(text))[0])
        if by is not None:
            position = by.end()
    rest = _strip(text, position, len(text))
    if rest[1] <= rest[0]:
        return None
    suffixes = _place_suffix(vocabulary, text, *rest)
    places = [place for place in suffixes if _short_place(text, place)]
    for place in (*places, None) if note is not None else places:
        stretch = rest if place is None else _strip(text, rest[0], place[0])
        if stretch[1] <= stretch[0]:
            if note is not None and place is not None:
                return GluedHeader(note, [], None, place)
            continue
        people = _people(vocabulary, text, stretch)
        if people is None:
            continue
        speakers, role = people
        parts = (note is not None) + bool(speakers) + (role is not None) + (place is not None)
        if parts >= 2:
            return GluedHeader(note, speakers, role, place)
    return None


# Characters a case-insensitive pattern may relate to a letter: ``regex`` folds case one
# character to one (no FULLCASE flag), and every character of a case class has a case
# mapping of its own; whitespace, for the patterns' leading ``\s``.
_ALL = "".join(map(chr, range(sys.maxunicode + 1)))
_CASED_OR_SPACE = [
    char
    for char in _ALL
    if char.isascii()
    or char.isspace()
    or char.lower() != char
    or char.upper() != char
    or char.casefold() != char
]
#: What follows each formula's first letter, and each forum word's.
_FORMULA_RESTS = (
    "s delivered by x",
    "s prepared by x",
    "emarks as delivered by x",
    "tatement as delivered by x",
    "elivered by x",
)
_FORUM_RESTS = ("o the x", "t x", "efore x")


def test_the_case_classes_are_the_cased_characters() -> None:
    cased = set(_CASED_OR_SPACE)
    assert {match.group() for match in regex.finditer(r"(?i)[a-z]", _ALL)} <= cased
    assert {match.group() for match in regex.finditer(r"\s", _ALL)} <= cased


def test_what_the_patterns_match_at_their_start_is_whitespace_or_an_initial() -> None:
    assert not _FORMULA.flags & regex.FULLCASE
    assert not _FORUM.flags & regex.FULLCASE
    assert all(char.isspace() for char in _CASED_OR_SPACE if regex.match(r"\s", char))
    formula_openings = {
        char
        for char in _CASED_OR_SPACE
        if any(_FORMULA.match(char + rest) for rest in _FORMULA_RESTS)
    }
    assert formula_openings == set(FORMULA_INITIALS)
    forum_openings = {
        char
        for char in _CASED_OR_SPACE
        if char.islower() and any(_FORUM.match(char + rest) for rest in _FORUM_RESTS)
    }
    assert forum_openings == set(FORUM_INITIALS)


def test_the_opening_gates_let_every_entry_through() -> None:
    vocabulary = DEFAULT_VOCABULARY.extend(note_types=["Q&A"], offices=["Desk"])
    notes, offices = vocabulary.note_type_openings, vocabulary.office_openings
    assert notes.gate_width == 3
    assert offices.gate_width == 4
    for openings in (notes, offices):
        for key in openings.folded:
            for start in (0, 3):
                line = " " * start + key + " Jane Doe"
                assert openings.may_open(line, start)
                assert list(openings.at(line, start))
    # A vocabulary's own entries open its gate (not the default vocabulary's).
    other = DEFAULT_VOCABULARY.extend(note_types=["Op"])
    assert other.note_type_openings.gate_width == 2
    line = "Op Jane Doe, Secretary of State"
    assert read_glued(other, line) == _plain_glued(other, line)
    assert read_glued(other, line) is not None
    assert read_glued(DEFAULT_VOCABULARY, line) is None
    # An empty entry opens every line: the gate then lets every line through.
    empty = _openings(["", "Bureau"])
    assert empty.gate_width == 0
    assert empty.may_open("anything at all", 0)


@given(st.text(max_size=12), st.integers(0, 3))
def test_a_line_the_opening_gate_turns_away_opens_with_no_entry(text: str, start: int) -> None:
    for openings in (DEFAULT_VOCABULARY.note_type_openings, DEFAULT_VOCABULARY.office_openings):
        folded = text.casefold()
        if not openings.may_open(folded, start):
            assert not list(openings.at(folded, start))


#: Lines of every class the reader meets (our own wording): delivery lines and their
#: wrapped ends, offices and note types with a speaker, roles and places, titles, site
#: text, and openings that the gates must let through (whitespace, the long s, capitals).
HAND_WRITTEN = (
    "As delivered by Ambassador Jane Doe to the Permanent Council, Vienna",
    "  As prepared for delivery by Deputy Chief of Mission Rita Roe",
    "\tRemarks as delivered by Ambassador Jane Doe at the Hofburg, Vienna",
    "\u017ftatement as delivered by Ambassador Jane Doe, Vienna",
    "STATEMENT AS DELIVERED BY AMBASSADOR JANE DOE",
    "Delivered by Rita Roe, Acting Spokesperson",
    "delivered by Jane Doe, Secretary of State",
    "as delivered by Ambassador Jane Doe",
    "to the Permanent Council, Vienna",
    "  to the Permanent Council, Vienna",
    "\u00a0at the Town Hall, Geneva",
    "before the Senate Foreign Relations Committee",
    "tO the Permanent Council, Vienna",
    "To the Permanent Council, Vienna",
    "title: 'Remarks on Coastal Fisheries'",
    "date: '2023-03-27'",
    "Office of the Spokesperson Rita Roe",
    "OFFICE OF THE SPOKESPERSON",
    "Bureau of Public Affairs Jane Doe, Spokesperson",
    "Press Statement Jane Doe, Secretary of State",
    "STATEMENT BY JANE DOE, SPOKESPERSON",
    "Media Note Washington, DC",
    "Testimony: Rita Roe, Assistant Secretary for Coastal Affairs",
    "Remarks by Secretary Roe and Deputy Minister Jan Kowal",
    "Secretary of State Washington, DC",
    "Acting Spokesperson Geneva",
    "Jane Doe Vienna",
    "Trade Workshop",
    "Wildlife for Wildlife",
    "Secretary Roe\u2019s Travel to Geneva",
    "Assistant Secretary Roe to Travel to Khartoum, Sudan",
    "Interview: Roe, Partners Talk Fisheries, Water, Coastal Regions",
    "(On the radio, the secretary discusses Lisbon, Nairobi, Geneva)",
    "Kowal, Senator Roe, Senator Doe, Leader Smith,",
    "Yesterday, Policy Advisor Jane Doe, National Water Council",
    "  Press Statement Jane Doe",
    ", Washington, DC",
    "",
    " ",
    "Workshop 2014 Geneva",
)

_PIECES = (
    *HAND_WRITTEN[:12],
    *NOTE_TYPES[:20],
    *OFFICES[:6],
    "Jane Doe",
    "RITA ROE",
    "Secretary of State",
    "Spokesperson",
    "Ambassador",
    "Washington, DC",
    "Vienna",
    "Geneva",
    "New York",
    "to the",
    "at",
    "before the",
    "As delivered by",
    "\u017ftatement as delivered by",
    ",",
    ":",
    "by",
    "and",
    "Trade",
    "workshop",
    "2014",
    "\u00df",
    "\u0130",
)


@st.composite
def glued_candidates(draw: st.DrawFn) -> str:
    """Header parts glued in any order, with whitespace and odd openings around them."""
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6))
    gap = draw(st.sampled_from([" ", "  ", "\t", "\u00a0", ", "]))
    lead = draw(st.sampled_from(["", " ", "\t", "\u2028", "\u00a0"]))
    return lead + gap.join(pieces)


def _same_readings(text: str) -> None:
    for line in (text, collapse(text)):
        assert read_delivery(DEFAULT_VOCABULARY, line) == _plain_delivery(DEFAULT_VOCABULARY, line)
        assert read_forum_line(line) == _plain_forum_line(line)
        assert read_glued(DEFAULT_VOCABULARY, line) == _plain_glued(DEFAULT_VOCABULARY, line)


def test_hand_written_lines_read_as_the_plain_reader_reads_them() -> None:
    read = 0
    for text in HAND_WRITTEN:
        _same_readings(text)
        read += read_glued(DEFAULT_VOCABULARY, text) is not None
    assert read >= 10  # the lines hold glued headers, not only lines read as none


@given(glued_candidates())
@example("\u017ftatement as delivered by Ambassador Jane Doe, Vienna")
@example(" to the Permanent Council, Vienna")
def test_glued_candidates_read_as_the_plain_reader_reads_them(text: str) -> None:
    _same_readings(text)


@given(st.one_of(titles(), issuer_lines().map(lambda drawn: drawn[0])))
def test_titles_and_issuer_lines_read_as_the_plain_reader_reads_them(text: str) -> None:
    _same_readings(text)


@given(st.text(alphabet=st.sampled_from("aAbBtTdDrRsS\u017fo ,:\t\u00a0\u2028xX1"), max_size=16))
def test_any_opening_reads_as_the_plain_reader_reads_it(text: str) -> None:
    _same_readings(text)


@given(st.lists(st.sampled_from(["Q&A", "Desk", "Jane Doe", "Vienna", "q&a", ","]), max_size=4))
def test_short_entries_read_as_the_plain_reader_reads_them(words: list[str]) -> None:
    vocabulary = DEFAULT_VOCABULARY.extend(note_types=["Q&A"], offices=["Desk"])
    text = " ".join(words)
    assert read_glued(vocabulary, text) == _plain_glued(vocabulary, text)
