"""The scan for the header block and further releases: shortcuts answer as plain forms."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.dates import _DIGIT as DIGIT
from releaseparse.extractors._block import Block, Layout, layout
from releaseparse.extractors._kinds import ISSUER_KINDS, Kind, may_be_date_or_flat
from releaseparse.extractors._releases import (
    MAX_HEADER_LINE,
    _Scan,
    _start_after,
    named_header_width,
    names_note_type_or_office,
)
from releaseparse.extractors._titles import letters_and_spaces
from releaseparse.extractors.disclaimer import Copies
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.state import ParseState
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.plain_kinds import may_be_date_or_flat as plain_may_be_date_or_flat
from tests.strategies import Case, releases

#: An office longer than any dateline, which no office prefix opens.
_LONG_OFFICE = "Secretariat for Harbor Resilience and Coastal Affairs Abroad"
VOCABULARIES = (
    DEFAULT_VOCABULARY,
    WHITE_HOUSE_VOCABULARY,
    DEFAULT_VOCABULARY.extend(offices=(_LONG_OFFICE,)),
)

#: Pieces of lines of every sort the walk past a paragraph meets (our own wording): prose,
#: offices (with and without the State Department's prefix), note types, labels, places,
#: delivery lines, digits of several scripts, and the whitespace ``collapse`` folds.
_PIECES = [
    "the harbor plan was reviewed by officials",
    "and they agreed to meet again",
    "Office of the Spokesperson",
    "Bureau of Public Affairs",
    "U.S. Department of State ",
    "u.s. department of state ",
    "Office of ",
    _LONG_OFFICE,
    "Wednesday, September 15, 2021, 10:30 a.m.",
    "Oficina del Portavoz",
    "Ufficio del Portavoce",
    "ufficio della portavoce ",
    "United States Mission to the United Nations",
    "Press Statement",
    "Media Note",
    "Daily Press Briefing",
    "SECRETARY KERRY:",
    "PRESS STATEMENT: ",
    "Question:",
    "Ned Price",
    "Spokesperson",
    ", ",
    "Washington, DC",
    "As delivered by Ambassador Jane Doe",
    " to the Permanent Council",
    ", Vienna",
    "January 4, 2021",
    "2021",
    "\u0662\u0660\u0662\u0661",  # Arabic-Indic digits
    "\u00b2",  # a superscript: ``isdigit``, not ``\d``
    ".",
    " ",
    "  ",
    "\u00a0",
    "\t",
    "U",
    "[",
    "a",
]


def _joined(pieces: Sequence[str]) -> st.SearchStrategy[str]:
    """Texts made of up to eight of ``pieces``, end to end."""
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=["default", "white house", "long office"])
@given(text=_joined(_PIECES) | st.text(max_size=40))
@example(text="")
@example(text="Office of the Spokesperson")
@example(text="U.S. Department of State Office of the Spokesperson")
@example(text="Oficina del Portavoz")
@example(text="U.S. Department of State Ufficio del Portavoce")
@example(text="the delegations met to review the harbor plan and agreed to meet again")
@example(text="Press Statement Ned Price, Spokesperson")
@example(text="PRESS STATEMENT: Ned Price, Spokesperson")  # a label, which ``read_glued`` reads
@example(text="Ned Price, by met delivered met harbor Council Ambassador Washington, Price, State")
@example(text="Press Statement Ned Price, Spokesperson Washington, DC January 4, 2021")
@example(text="PRESS STATEMENT: Ned Price, Spokesperson, Washington, DC")
@example(text="Wednesday, September 15, 2021, 10:30 a.m.")  # a dateline of 41 characters
@example(text=_LONG_OFFICE)
@example(text="Office of the Spokesperson and the harbor officials of the delegations")
@example(text="ufficio del portavoce and the harbor officials of the delegations")
@example(text="As delivered by Ambassador Jane Doe to the Permanent Council, Vienna")
@example(text="Ned Price, Spokesperson Washington, DC January 4, 2021")
def test_may_be_date_or_flat_answers_as_the_plain_form(vocabulary: Vocabulary, text: str) -> None:
    assert may_be_date_or_flat(vocabulary, text) is plain_may_be_date_or_flat(vocabulary, text)


class PlainLayout(Layout):
    """``Layout`` with the anchor's walk past a paragraph asking ``LineKinds`` of each line."""

    def _anchor(self) -> int | None:
        paragraph_seen = False
        kinds = self.kinds
        for index in range(self.size):
            if paragraph_seen and not kinds.may_be_date_or_flat(index):
                continue
            kind = kinds[index]
            if kind == Kind.DATE and self._validated_date(index):
                return self._closing_date(index)
            if kind == Kind.FLAT:
                return index
            if paragraph_seen:
                continue
            if kind in ISSUER_KINDS:
                return index
            if kind == Kind.NAME and self._neighbour(index, 1) in {Kind.ROLE, Kind.PLACE}:
                return index
            if kind in (Kind.PROSE, Kind.LABEL) and not (
                self._is_lead_line(index) or self._is_opening_sentence(index)
            ):
                paragraph_seen = True
        return None


def _both_blocks(text: str) -> tuple[Block | None, Block | None]:
    """The block ``Layout`` finds in ``text``, and the one ``PlainLayout`` does.

    ``Layout`` is asked twice: first of lines perhaps never classified, then of lines whose
    kinds the vocabulary remembers (``kind_memo``), which its walk reads.
    """
    fast = Layout(ParseState(text)).block
    plain = PlainLayout(ParseState(text)).block
    assert Layout(ParseState(text)).block == fast
    return fast, plain


#: A paragraph (no lone short sentence, which page furniture may be).
_PROSE = (
    "The delegations met on Monday to review the harbor plan, and they agreed to meet"
    " again in the spring to settle the rest of it."
)


_PAGE_LINES = [
    "Harbor Talks on Coastal Resilience",
    "Press Statement",
    "Office of the Spokesperson",
    "Ned Price, Spokesperson",
    "January 4, 2021",
    "Washington, DC January 4, 2021",
    "The delegations met to review the harbor plan and agreed to meet again in spring.",
    "officials from both sides discussed the next steps on the shared program",
    "MR PRICE: Good afternoon, everyone.",
    _PROSE,
    "Press Statement Office of the Spokesperson Ned Price January 4, 2021",
    "Press Statement Ned Price, Spokesperson",
    "",
    "",
]


@given(lines=st.lists(st.sampled_from(_PAGE_LINES), max_size=20))
# Past a paragraph: a glued header (no digit) and a dated one, each read as flattened.
@example(lines=[_PROSE, "", "Press Statement Ned Price, Spokesperson", "", _PROSE])
@example(lines=[_PROSE, "", "Washington, DC January 4, 2021", "", _PROSE])
def test_the_anchor_walk_finds_the_plain_block(lines: list[str]) -> None:
    fast, plain = _both_blocks("\n".join(lines))
    assert fast == plain


@given(case=releases())
def test_the_anchor_walk_finds_the_plain_block_on_releases(case: Case) -> None:
    fast, plain = _both_blocks(case.text)
    assert fast == plain


# -- the scan for a further release ------------------------------------------------------------


def _plain_start_after(scan: _Scan, begin: int, in_disclaimer: Callable[[int], bool]) -> int | None:
    """``_start_after`` asking ``names_note_type_or_office`` of every line with no digit."""
    lines, vocabulary = scan.lines, scan.vocabulary
    named_width = named_header_width(vocabulary)
    for index in range(begin, len(lines)):
        text = lines[index].text
        if not text or len(text) > MAX_HEADER_LINE:
            continue
        if DIGIT.search(text) is None:
            if not names_note_type_or_office(vocabulary, collapse(text), named_width):
                continue
        elif not scan.may_be_header_kind(index):
            continue
        if scan.kind(index) in {Kind.DATE, Kind.NOTE_TYPE, Kind.OFFICE} and scan.is_header(index):
            if in_disclaimer(lines[index].start):
                continue
            start = scan.release_start(index)
            if scan.has_body(begin, start):
                return start
    return None


def _both_starts(text: str) -> tuple[int | None, int | None]:
    """Where ``_start_after`` finds a further release in ``text``, and where the plain scan does."""
    state = ParseState(text)
    block = layout(state).block
    if block is None:
        return None, None
    copies = Copies(state)
    return (
        _start_after(_Scan(state), block.end, copies.from_line(0)),
        _plain_start_after(_Scan(state), block.end, copies.from_line(0)),
    )


#: Lines a further release's header is made of, and lines like them that are none.
_HEADER_LINES = [
    "Press Statement",
    "Office of the Spokesperson",
    "Office of the Spokesperson and the harbor delegations",
    "Bureau of Public Affairs",
    "Oficina del Portavoz",
    "January 4, 2021",
    "Harbor Talks on Coastal Resilience",
    "(Laughter.)",
    "SECRETARY KERRY:",
    "officials.",
    "",
]


@given(case=releases(), more=releases(), between=st.lists(st.sampled_from(_HEADER_LINES)))
def test_the_scan_finds_the_plain_further_release(
    case: Case, more: Case, between: list[str]
) -> None:
    text = "\n".join([case.text, *between, more.text])
    fast, plain = _both_starts(text)
    assert fast == plain


def test_the_scan_finds_a_further_release_under_a_long_office_line() -> None:
    # An office line longer than every note type and office, which an office prefix opens.
    text = "\n".join(
        [
            "Harbor Talks on Coastal Resilience",
            "",
            "Press Statement",
            "Office of the Spokesperson",
            "January 4, 2021",
            "",
            _PROSE,
            "",
            "Coastal Resilience Talks Resume",
            "",
            "Office of the Spokesperson for the Harbor Delegations",
            "",
            _PROSE,
        ]
    )
    assert _both_starts(text) == (8, 8)


# -- the title's text ----------------------------------------------------------------------------


@given(lines=st.lists(st.sampled_from(_PAGE_LINES), min_size=1, max_size=8), data=st.data())
def test_joined_text_answers_as_the_plain_join(lines: list[str], data: st.DataObject) -> None:
    scan = Layout(ParseState("\n".join(["Harbor Talks on Coastal Resilience", *lines])))
    start = data.draw(st.integers(0, scan.size - 1))
    stop = data.draw(st.integers(start + 1, scan.size))
    plain = " ".join(scan.text(index) for index in range(start, stop))
    assert scan._joined_text(start, stop) == plain


@given(text=st.text(max_size=60) | _joined(_PIECES))
@example(text="Harbor Talks on Coastal Resilience")
@example(text="Ⅻ ǅ ʰ 中 ١ \u00a0 \t")  # a letter number, a title case, a modifier, CJK, a digit
def test_letters_and_spaces_counts_as_the_plain_loop(text: str) -> None:
    plain = sum(1 for char in text if char.isalpha() or char == " ")
    assert letters_and_spaces(text) == plain
