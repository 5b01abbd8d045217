"""The header block walk's shortcuts answer as their plain forms, over fewer lines."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from releaseparse.dates import find_date
from releaseparse.extractors._block import Layout
from releaseparse.extractors._kinds import HEADER_KINDS, Kind
from releaseparse.extractors._repeat import MIN_REPEATED_WORDS, folded_title, repeats_folded
from releaseparse.extractors._scan import MAX_GAP
from releaseparse.extractors._titles import MAX_REPEAT_DISTANCE
from releaseparse.state import ParseState
from releaseparse.text import collapse, word_count
from tests.strategies import releases, titles

#: Lines of every kind the walk meets (our own wording), to build pages of.
_POOL = (
    "Press Statement",
    "Media Note",
    "Daily Press Briefing",
    "Office of the Spokesperson",
    "Bureau of Public Affairs",
    "January 4, 2021",
    "Monday, March 8, 2021",
    "10:30 a.m. EST",
    "Antony J. Blinken, Secretary of State",
    "Ned Price",
    "Spokesperson",
    "Secretary of State",
    "Washington, DC",
    "Treaty Room",
    "Via Teleconference",
    "Harbor Talks on Coastal Resilience",
    "Harbor Talks on Coastal Resilience, January 4, 2021",
    "Showing posts with label STATE DEPARTMENT. Show all posts",
    "FROM:  THE STATE DEPARTMENT",
    "* Coastal resilience",
    "MR PRICE: Good afternoon, everyone, and thanks for joining us.",
    "The delegations met to review the harbor plan and agreed to meet again in spring.",
    "Officials from both sides discussed the next steps on the shared program today.",
    "Press Statement Office of the Spokesperson Ned Price January 4, 2021",
    "Read more",
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Lines from ``_POOL`` with runs of 0 to 5 blank lines between them."""
    lines: list[str] = []
    for line in draw(st.lists(st.sampled_from(_POOL), min_size=1, max_size=14)):
        lines.append(line)
        lines.extend([""] * draw(st.integers(0, 5)))
    return "\n".join(lines)


_PAGES = pages()
_RELEASES = releases().map(lambda case: case.text)


def _state(text: str) -> ParseState:
    return ParseState(text)


# -- the plain forms (the code before the shortcuts) -----------------------------------------

_BEFORE_VENUE = frozenset(
    {Kind.PLACE, Kind.ISSUER, Kind.ROLE, Kind.NAME, Kind.OFFICE, Kind.ANONYMOUS, Kind.NOTE_TYPE}
)
_JOINER = regex.compile(r"[\s,;:|\-–—]*")


def plain_repeats_title(title: str, line: str) -> bool:
    wanted = collapse(title).casefold()
    if word_count(wanted, MIN_REPEATED_WORDS) < MIN_REPEATED_WORDS:
        return False
    text = collapse(line).casefold()
    if text == wanted:
        return True
    if not text.startswith(wanted):
        return False
    tail = text[len(wanted) :]
    found = find_date(tail)
    if found is None or found[2].value is None:
        return False
    start, end, _reading = found
    return _JOINER.fullmatch(tail[:start]) is not None and not tail[end:].strip(" .")


class PlainLayout(Layout):
    """``Layout`` with the walk's steps, its growing down and the repeat as they were."""

    def _near(self, index: int, direction: int) -> int | None:
        found = self._step(index, direction)
        return None if found is None or found[1] > MAX_GAP else found[0]

    def _neighbour(self, index: int, direction: int) -> Kind | None:
        found = self._step(index, direction)
        return None if found is None or found[1] > MAX_GAP else self.kinds[found[0]]

    def _adjacent(self, index: int, direction: int) -> Kind | None:
        found = self._step(index, direction)
        return None if found is None or found[1] else self.kinds[found[0]]

    def _grow_down(self, anchor: int, inside: list[int]) -> int:
        bottom = anchor
        position = anchor
        while (found := self._step(position, 1)) is not None and found[1] <= MAX_GAP:
            position, blanks = found
            kind = self.kinds[position]
            if kind in HEADER_KINDS:
                bottom = position
            elif kind == Kind.CHROME:
                continue
            elif kind == Kind.OTHER and self._adjacent(position, 1) in HEADER_KINDS and not blanks:
                bottom = position
                inside.append(position)
            elif (
                kind == Kind.OTHER
                and self.kinds[bottom] in _BEFORE_VENUE
                and self._is_short_line(position)
                and self._adjacent(position, 1) in (None, Kind.LABEL, Kind.TIME)
                and self._body_follows(position)
            ):
                bottom = position
                inside.append(position)
                break
            else:
                break
        return bottom

    def _repeat(self, title: tuple[int, int] | None, after: int) -> int | None:
        if title is None:
            return None
        text = " ".join(self.text(index) for index in range(*title))
        position = max(after, title[1]) - 1
        for _ in range(MAX_REPEAT_DISTANCE):
            found = self._step(position, 1)
            if found is None or found[1] > MAX_GAP:
                return None
            position = found[0]
            if plain_repeats_title(text, self.lines[position].text):
                return position
            if self.kinds[position] in (Kind.PROSE, Kind.LABEL) and not (
                position + 1 < self.size
                and plain_repeats_title(text, self.lines[position + 1].text)
            ):
                return None
        return None


# -- the tests -------------------------------------------------------------------------------


@settings(max_examples=150)
@given(st.one_of(_PAGES, _RELEASES))
@example("Harbor Talks\n\n\n\n\nPress Statement\n\n\n\n\nJanuary 4, 2021")
@example("Ned Price\n\n\n\n\nSpokesperson\nPress Statement")
def test_steps_answer_as_the_plain_step(text: str) -> None:
    """``_near``, ``_neighbour`` and ``_adjacent`` as ``_step`` with its gap checked."""
    fast, plain = Layout(_state(text)), PlainLayout(_state(text))
    for index in range(-1, fast.size + 1):
        for direction in (-1, 1):
            assert fast._near(index, direction) == plain._near(index, direction)
            assert fast._neighbour(index, direction) == plain._neighbour(index, direction)
            assert fast._adjacent(index, direction) == plain._adjacent(index, direction)


@settings(max_examples=200)
@given(st.one_of(_PAGES, _RELEASES))
@example(
    "Harbor Talks on Coastal Resilience\nPress Statement\n\nHarbor Talks on Coastal Resilience"
)
@example("Harbor Talks\nPress Statement\nJanuary 4, 2021\nTreaty Room\n\nMR PRICE: Good day.")
@example(  # an image caption running straight into the title printed again
    "Harbor Talks on Coastal Resilience\nPress Statement\n\n"
    "The delegations met to review the harbor plan and agreed to meet again in spring.\n"
    "Harbor Talks on Coastal Resilience\n\nOfficials met."
)
def test_block_is_the_plain_block_over_no_more_lines(text: str) -> None:
    """The block found is the plain walk's, and no line it did not classify is classified."""
    fast, plain = Layout(_state(text)), PlainLayout(_state(text))
    assert fast.block == plain.block
    assert set(fast.kinds) <= set(plain.kinds)


def test_lines_past_the_gap_are_not_classified() -> None:
    """Growing down stops at the blank line past the gap, not at the line below it."""
    text = "Press Statement\nOffice of the Spokesperson" + "\n" * (MAX_GAP + 2) + "Ned Price"
    fast, plain = Layout(_state(text)), PlainLayout(_state(text))
    assert fast.block == plain.block
    last = fast.size - 1
    assert last in plain.kinds
    assert last not in fast.kinds


_DATED = st.builds(
    lambda title, joiner, date: f"{title}{joiner}{date}",
    titles(),
    st.sampled_from([", ", " – ", " | ", " ", ": "]),
    st.sampled_from(["January 4, 2021", "4 January 2021", "March 31, 2021", "February 30, 2021"]),
)


@given(
    st.one_of(titles(), st.text(min_size=5)),
    st.one_of(titles(), _DATED, st.sampled_from(_POOL), st.text()),
)
@example("Harbor Talks on Coastal Resilience", "HARBOR TALKS  on coastal resilience")
@example(
    "Harbor Talks on Coastal Resilience", "Harbor Talks on Coastal Resilience, January 4, 2021"
)
@example("Harbor Talks", "Harbor Talks")
@example("Straße Talks Today", "STRASSE TALKS TODAY – January 4, 2021")
@example("STRASSE Talks Today", "Straße talks today")
@example("ΣΑΣ Harbor Talks", "σας harbor talks, January 4, 2021")
def test_folded_title_repeats_as_repeats_title(title: str, line: str) -> None:
    wanted = folded_title(title)
    fast = wanted is not None and repeats_folded(wanted, line)
    assert fast == plain_repeats_title(title, line)
    if wanted is None:
        # Too short to be looked for: no line repeats it, the title itself included.
        assert not plain_repeats_title(title, title)


def test_casefold_folds_each_character_into_one_or_more() -> None:
    """What ``repeats_folded`` folding only the line's head rests on, for every code point."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert all(map(str.casefold, everything))
    assert everything.casefold() == "".join(map(str.casefold, everything))
