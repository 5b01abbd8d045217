"""The frame's fast paths of the eleventh round against the plain forms they stand for."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors._glued import GluedHeader, read_glued
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests.strategies import Case, releases
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
