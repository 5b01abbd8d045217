"""The frame's fast paths of the eleventh round against the plain forms they stand for."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse import dates
from releaseparse.extractors._glued import GluedHeader, read_glued
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests.strategies import Case, releases
from tests.test_fast_paths_dates_flat import _DATELINE_PIECES
from tests.test_fast_paths_glued import HAND_WRITTEN, glued_candidates
from tests.test_fast_paths_scan import _PROSE, _both_starts

# -- the scan for a further release: the digit screen -------------------------------------------

#: Decimal digits of several scripts (``\d`` takes them all; an ASCII line holds only the first).
_DIGITS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "０１２３４５６７８９", "०१२३४५६७८९"]
#: Lines between two releases: datelines and list items in those digits, header lines,
#: and a superscript two (``str.isdigit`` holds of it, and ``\d`` takes it not).
_BETWEEN = [
    "January 4, 2021",
    "January ٤, ٢٠٢١",
    "March １４, ２０１６",
    "Item ٣ of the plan",
    "Press Statement",
    "Office of the Spokesperson",
    "Area in km²",
    "",
]


@given(
    case=releases(),
    more=releases(),
    between=st.lists(st.sampled_from(_BETWEEN), max_size=4),
    digits=st.sampled_from(_DIGITS),
)
def test_the_scan_screens_digits_as_the_plain_scan(
    case: Case, more: Case, between: list[str], digits: str
) -> None:
    """``_start_after``'s ASCII digit search finds what ``\\d`` finds, in every script."""
    second = more.text.translate(str.maketrans("0123456789", digits))
    fast, plain = _both_starts("\n".join([case.text, *between, second]))
    assert fast == plain


@pytest.mark.parametrize("dateline", ["January 4, 2021", "January ٤, ٢٠٢١", "March １٤, ２٠٢١"])
def test_a_further_release_found_by_its_dateline_in_any_digits(dateline: str) -> None:
    """A header found from its dateline alone (no note type or office line above it)."""
    first = "Harbor Talks on Coastal Resilience\n\nPress Statement\nOffice of the Spokesperson"
    second = "Coastal Resilience Talks Resume\nRex W. Tillerson, Secretary of State\nWashington, DC"
    text = f"{first}\nJanuary 4, 2021\n\n{_PROSE}\n\n{second}\n{dateline}\n\n{_PROSE}"
    assert _both_starts(text) == (8, 8)


# -- classification: an office line glued to its speaker ----------------------------------------


def _office_reading(text: str) -> GluedHeader | None:
    """``read_glued``'s reading of ``text`` where it has an office (all ``classify`` asks)."""
    found = read_glued(DEFAULT_VOCABULARY, text)
    return found if found is not None and found.office is not None else None


@given(glued_candidates())
@example("Office of the Spokesperson Rita Roe")
@example("  Bureau of Public Affairs Jane Doe, Spokesperson")
def test_office_only_reads_as_the_whole_reader_with_an_office(text: str) -> None:
    for line in (text, collapse(text)):
        assert read_glued(DEFAULT_VOCABULARY, line, office_only=True) == _office_reading(line)


def test_office_only_reads_the_hand_written_office_lines() -> None:
    read = 0
    for text in HAND_WRITTEN:
        found = read_glued(DEFAULT_VOCABULARY, text, office_only=True)
        assert found == _office_reading(text)
        read += found is not None
    assert read >= 2  # ``Office of the Spokesperson Rita Roe``, ``Bureau of Public Affairs ...``


# -- the dateline pattern's ASCII twin ------------------------------------------------------------

#: ASCII pieces of datelines, with the ASCII characters ``\s`` takes in one engine and not
#: the other unless told (``\x1c``-``\x1f``), and weekdays.
_ASCII_DATELINE_PIECES = [
    *(piece for piece in _DATELINE_PIECES if piece.isascii()),
    *"\x1c\x1d\x1e\x1f\x0b\x0c\r\n",
    "Monday,", "tues", "WED", "thursday", "Sat.", "el", "am", "14th,", "3er", "12:05", "a.m.",
    "(", "EDT)", "local", "Z", "ABCDEF",
]  # fmt: skip


@given(
    st.one_of(
        st.lists(st.sampled_from(_ASCII_DATELINE_PIECES), max_size=9).map("".join),
        st.text(st.characters(max_codepoint=127), max_size=30),
    )
)
@example("March 14, 2016")
@example("Monday, November 16, 2017 (2:46 p.m. EST)")
@example("14 de marzo de 2016, 10:30 a.m.")
@example("11/16/2017 11:02 PM")
@example("March\x1c14, 2016")
def test_the_ascii_dateline_pattern_matches_as_the_dateline_pattern(text: str) -> None:
    """On ASCII text ``re``'s twin matches what ``_DATELINE`` matches, groups and all."""
    expected = dates._DATELINE.fullmatch(text)
    found = dates._ASCII_DATELINE.fullmatch(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert found.groups() == expected.groups()


def test_the_ascii_dateline_pattern_has_the_groups_of_the_dateline_pattern() -> None:
    """The group readers built from ``_DATELINE`` read the twin's matches too."""
    assert dates._ASCII_DATELINE.groupindex == dates._DATELINE.groupindex
    assert dates._ASCII_DATELINE.groups == dates._DATELINE.groups
