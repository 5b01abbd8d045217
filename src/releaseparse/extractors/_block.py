"""Finding the release's own header block among the page chrome, headlines and wire copy.

The block is found from an *anchor*: the first flattened header line, dateline
with header lines beside it, or issuer line (note type, office, speaker) before
the first paragraph. It grows up and down over header lines (blank lines and
chrome between are allowed); the title is the nearest plain line above it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import attrs
import regex

from releaseparse.extractors._kinds import (
    HEADER_KINDS,
    ISSUER_KINDS,
    WRAPPED_LINES,
    Kind,
    LineKinds,
    note_type_of,
    paragraph_is_prose,
)
from releaseparse.extractors._repeat import repeats_title
from releaseparse.state import ParseState
from releaseparse.text import LIST_ITEM, collapse

#: Lines read when looking for the header block.
SEARCH_LINES = 150
#: Blank lines allowed between two lines of one block.
MAX_GAP = 3
#: A title wraps onto at most this many lines.
MAX_TITLE_LINES = 3
#: Non-blank lines below the block among which a second printing of the title is looked for
#: (an image caption may stand between).
MAX_REPEAT_DISTANCE = 3
#: Words in a title line, at most.
MAX_TITLE_WORDS = 30

_VALIDATING = frozenset(
    {Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER, Kind.NAME, Kind.ROLE, Kind.ANONYMOUS, Kind.PLACE}
)
_FOLLOWING = frozenset(
    {Kind.ISSUER, Kind.NAME, Kind.OFFICE, Kind.NOTE_TYPE, Kind.ANONYMOUS, Kind.TIME, Kind.ROLE}
)
_TITLE_KINDS = frozenset({Kind.OTHER, Kind.NAME})
_NEAR_ISSUER = frozenset(
    {Kind.NAME, Kind.ROLE, Kind.ISSUER, Kind.NOTE_TYPE, Kind.OFFICE, Kind.ANONYMOUS}
)
#: Dates and times printed above a release's title by feeds and blogs.
_STAMPS = frozenset({Kind.DATE, Kind.TIME, Kind.PARTIAL_DATE})
#: Lines naming a speaker.
_SPEAKERS = frozenset({Kind.NAME, Kind.ISSUER, Kind.ANONYMOUS})
_SPEAKER_OR_ISSUER = ISSUER_KINDS | _SPEAKERS | {Kind.FLAT}
#: Kinds after which one short plain line is the venue (``Treaty Room``, ``Via Teleconference``).
_BEFORE_VENUE = frozenset(
    {Kind.PLACE, Kind.ISSUER, Kind.ROLE, Kind.NAME, Kind.OFFICE, Kind.ANONYMOUS, Kind.NOTE_TYPE}
)
#: Lines that may follow a lone title before the body (read-time, post dates, times).
_BARE_FOLLOWERS = frozenset({Kind.BLANK, Kind.CHROME, Kind.DATE, Kind.PARTIAL_DATE, Kind.TIME})
_ENDS_SENTENCE = regex.compile(r"[.:;!?]\s*$")
#: A line ending with an abbreviation (``Marcos, Jr.``, ``Acme Inc.``, ``U.S.``) ends no sentence.
_ABBREVIATION_END = regex.compile(
    r"(?:\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|No)|\b\p{Lu}(?:\.\p{Lu})*)\.\s*$"
)
#: Words in a title that opens the page, at most (feed titles name every briefer).
MAX_LEAD_WORDS = 80
#: Words of a lone sentence opening a page above the header (a share prompt), at most.
MAX_OPENING_WORDS = 15
#: Lines that may stand above the title that opens a page.
_ABOVE_LEAD = frozenset({Kind.BLANK, Kind.CHROME, Kind.DATE, Kind.TIME, Kind.PARTIAL_DATE})


@attrs.frozen
class Block:
    """Where the header block lies, as line indices (``end`` exclusive).

    ``title`` is the range of title lines (above, inside or after the block),
    ``inside`` the plain lines within the block (venue, subtitle), ``end`` the line
    after the block (and after a title printed below it).
    """

    anchor: int
    start: int
    end: int
    title: tuple[int, int] | None
    inside: tuple[int, ...]
    #: How the title was found, the evidence its confidence is weighed on: ``above``
    #: (next to the block), ``lead`` (the page's opening line), ``name`` (a name-like
    #: line over the speaker lines), ``inside``, ``headline`` (the page's first plain
    #: line, away from the block), ``self`` (the note type), ``after`` (below the
    #: dateline) or ``bare`` (no header lines at all); ``""`` without a title.
    title_from: str = ""
    #: The line printing the title a second time below it, inside the block, if any.
    repeat: int | None = None


class Layout:
    """The line kinds of one parse state (each read when first asked for) and its header block."""

    def __init__(self, state: ParseState) -> None:
        self.lines = state.lines
        self.vocabulary = state.vocabulary
        self.self_titled = state.vocabulary.self_titled_keys
        #: How many lines (from the top) are searched; ``kinds`` has one for each.
        self.size = min(len(state.lines), SEARCH_LINES)
        self.kinds = LineKinds(state.vocabulary, state.lines[: self.size])
        #: Whether the title found above the block is the page's opening line.
        self._lead = False
        self.block = self._find_block()

    # -- helpers --------------------------------------------------------------------------

    def kind(self, index: int) -> Kind:
        """The kind of line ``index`` (``OTHER`` past the lines searched)."""
        return self.kinds[index] if 0 <= index < self.size else Kind.OTHER

    def kinds_in_order(self) -> Iterator[tuple[int, Kind]]:
        """``(index, kind)`` of the lines searched, from the top, each classified when reached."""
        kinds = self.kinds
        for index in range(self.size):
            yield index, kinds[index]

    def _step(self, index: int, direction: int) -> tuple[int, int] | None:
        """The next non-blank line from ``index`` going ``direction``, and the blanks crossed."""
        blanks = 0
        index += direction
        while 0 <= index < self.size:
            if self.kinds[index] != Kind.BLANK:
                return index, blanks
            blanks += 1
            index += direction
        return None

    def _neighbour(self, index: int, direction: int) -> Kind | None:
        found = self._step(index, direction)
        return None if found is None or found[1] > MAX_GAP else self.kinds[found[0]]

    def _adjacent(self, index: int, direction: int) -> Kind | None:
        found = self._step(index, direction)
        return None if found is None or found[1] else self.kinds[found[0]]

    def text(self, index: int) -> str:
        """The collapsed text of line ``index``."""
        return collapse(self.lines[index].text)

    # -- the anchor -----------------------------------------------------------------------

    def _validated_date(self, index: int) -> bool:
        if self._neighbour(index, 1) in _FOLLOWING:
            return True
        position = index
        set_off = False
        for _ in range(4):
            found = self._step(position, -1)
            if found is None or found[1] > MAX_GAP:
                return False
            set_off = set_off or found[1] > 0
            position = found[0]
            kind = self.kinds[position]
            if kind == Kind.NAME and set_off:
                # A name-like line set off from the date by a blank line (a menu item, a
                # site's name) is no speaker line: it does not make a post date a dateline.
                return False
            set_off = set_off or kind == Kind.CHROME
            if kind in _VALIDATING:
                return True
            if kind not in (Kind.DATE, Kind.TIME, Kind.CHROME, Kind.OTHER):
                return False
        return False

    def _closing_date(self, index: int) -> int:
        """A later dateline of the same block closing the header (a post date may open it)."""
        position = index
        while (found := self._step(position, 1)) is not None and found[1] <= MAX_GAP:
            position = found[0]
            kind = self.kinds[position]
            if kind == Kind.DATE and self._neighbour(position, -1) in _VALIDATING:
                return position
            venue = kind == Kind.OTHER and self._adjacent(position, 1) in HEADER_KINDS
            if kind not in HEADER_KINDS and kind != Kind.CHROME and not venue:
                break
        return index

    def _anchor(self) -> int | None:
        paragraph_seen = False
        for index, kind in self.kinds_in_order():
            if kind == Kind.DATE and self._validated_date(index):
                return self._closing_date(index)
            if kind == Kind.FLAT:
                return index
            if paragraph_seen:
                continue
            if kind in ISSUER_KINDS:
                return index
            if kind == Kind.NAME and self._neighbour(index, 1) in (Kind.ROLE, Kind.PLACE):
                return index
            if kind in (Kind.PROSE, Kind.LABEL) and not (
                self._is_lead_line(index) or self._is_opening_sentence(index)
            ):
                paragraph_seen = True
        return None

    # -- growing --------------------------------------------------------------------------

    def _grow_up(self, anchor: int, inside: list[int]) -> tuple[int, tuple[int, int] | None]:
        top = anchor
        position = anchor
        while (found := self._step(position, -1)) is not None and found[1] <= MAX_GAP:
            position, _blanks = found
            kind = self.kinds[position]
            if kind in HEADER_KINDS:
                top = position
            elif kind == Kind.CHROME:
                continue
            elif kind == Kind.OTHER and self._adjacent(position, -1) in _NEAR_ISSUER:
                top = position
                inside.append(position)
            elif kind in _TITLE_KINDS and LIST_ITEM.match(self.lines[position].text):
                # A bulleted topic index above the block: the title, if any, is the
                # page's headline above it.
                return top, None
            elif kind in _TITLE_KINDS:
                return top, self._title_above(position)
            elif kind in (Kind.PROSE, Kind.LABEL) and self._is_lead_line(position):
                # A long title (``Special Briefing with ..., and ... On ...``) reads as a
                # sentence or a turn; as the page's first line, set off, it is the title.
                self._lead = True
                return top, (position, position + 1)
            else:
                break
        return top, None

    def _is_opening_sentence(self, index: int) -> bool:
        """A short lone sentence opening the page (a share prompt, a cookie notice).

        It is no paragraph of the release: header lines below it still anchor the block.
        """
        if self._adjacent(index, -1) not in (None, Kind.CHROME) or self._adjacent(index, 1) not in (
            None,
            Kind.CHROME,
        ):
            return False
        if len(self.text(index).split()) > MAX_OPENING_WORDS:
            return False
        return all(self.kinds[above] in _ABOVE_LEAD for above in range(index))

    def _is_lead_line(self, index: int) -> bool:
        """A lone line opening the page (only chrome and stamps above), not a sentence."""
        if self._adjacent(index, -1) is not None or self._adjacent(index, 1) is not None:
            return False
        text = self.text(index)
        if len(text.split()) > MAX_LEAD_WORDS or (
            _ENDS_SENTENCE.search(text) and not _ABBREVIATION_END.search(text)
        ):
            return False
        return all(self.kinds[above] in _ABOVE_LEAD for above in range(index))

    def _title_above(self, last: int) -> tuple[int, int] | None:
        first = last
        while (
            last - first + 1 < MAX_TITLE_LINES
            and first > 0
            and self.kinds[first - 1] in _TITLE_KINDS
        ):
            first -= 1
        if len(" ".join(self.text(i) for i in range(first, last + 1)).split()) > MAX_TITLE_WORDS:
            return None
        return first, last + 1

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

    def _body_follows(self, index: int) -> bool:
        """Whether the body (a paragraph, a turn, a time or a marker) opens after ``index``."""
        found = self._step(index, 1)
        if found is None:
            return True
        if found[1] > MAX_GAP:
            return False
        first = found[0]
        if self.kinds[first] in (Kind.LABEL, Kind.PROSE, Kind.TIME, Kind.MARKER):
            return True
        end = first + 1
        while end < self.size and self.kinds[end] != Kind.BLANK and end - first < WRAPPED_LINES:
            end += 1
        return paragraph_is_prose(self.vocabulary, [self.text(i) for i in range(first, end)])

    def _is_short_line(self, index: int) -> bool:
        text = self.text(index)
        return len(text.split()) <= 10 and _ENDS_SENTENCE.search(text) is None

    # -- the block ------------------------------------------------------------------------

    def _find_block(self) -> Block | None:
        anchor = self._anchor()
        if anchor is None:
            return self._bare_block()
        inside: list[int] = []
        top, title = self._grow_up(anchor, inside)
        title_from = "lead" if self._lead else "above"
        bottom = self._grow_down(anchor, inside)
        first = top
        while (
            first < anchor
            and self.kinds[first] in _STAMPS
            and (step := self._step(first, 1)) is not None
        ):
            first = step[0]
        below = self._step(first, 1)
        if (
            below is not None
            and self._name_is_title(first, bottom)
            and (
                title is None
                or first > top
                or self._speaker_between(below[0], bottom)
                or self._chrome_between(title[1], first)
            )
        ):
            # A name-like line under a feed timestamp, or above the block's real speaker
            # line: that line is the title, and the lines above it (a republisher's
            # headline, the timestamp) are page lines.
            title = (first, first + 1)
            title_from = "name"
            top = below[0]
        end = bottom + 1
        if title is None:
            title, title_from = self._title_inside(top, bottom, inside), "inside"
        if title is None:
            title, title_from = self._headline(top), "headline"
        if title is None and self._self_titled(top):
            title, title_from = (top, top + 1), "self"
        if title is None:
            after = self._title_after(bottom)
            title_from = "after"
            if after is not None:
                title = after
                end = after[1]
        repeat = self._repeat(title, max(end, top))
        return Block(
            anchor,
            top,
            end if repeat is None else max(end, repeat + 1),
            title,
            tuple(sorted(set(inside))),
            title_from if title else "",
            repeat,
        )

    def _repeat(self, title: tuple[int, int] | None, after: int) -> int | None:
        """A line within a few lines below ``after`` printing the title again (blogs, CMSes)."""
        if title is None:
            return None
        text = " ".join(self.text(index) for index in range(*title))
        position = max(after, title[1]) - 1
        for _ in range(MAX_REPEAT_DISTANCE):
            found = self._step(position, 1)
            if found is None or found[1] > MAX_GAP:
                return None
            position = found[0]
            if repeats_title(text, self.lines[position].text):
                return position
            if self.kinds[position] in (Kind.PROSE, Kind.LABEL) and not self._repeat_next(
                text, position
            ):
                # A paragraph set off by a blank line is the body: nothing below it is
                # the header (an image caption runs straight into the repeated title).
                return None
        return None

    def _repeat_next(self, title: str, index: int) -> bool:
        below = index + 1
        return below < self.size and repeats_title(title, self.lines[below].text)

    def _chrome_between(self, first: int, last: int) -> bool:
        """Whether a site line (``FROM: THE STATE DEPARTMENT``) lies in ``[first, last)``.

        A blog's own headline above such a line is not the title of the release below it.
        """
        return any(self.kinds[index] == Kind.CHROME for index in range(first, last))

    def _speaker_between(self, first: int, last: int) -> bool:
        return any(self.kinds[index] in _SPEAKERS for index in range(first, last + 1))

    def _name_is_title(self, top: int, bottom: int) -> bool:
        """A name-like first line above the issuer lines is the title, not a speaker.

        It is when no role follows it and a blank line sets it off, or the block
        holds another speaker line, or only note type and office lines follow it
        (``Coastal Resilience`` / ``Press Statement``: every release has a title).
        """
        if self.kinds[top] != Kind.NAME or top >= bottom:
            return False
        below = self._step(top, 1)
        if below is None or self.kinds[below[0]] not in _SPEAKER_OR_ISSUER:
            return False
        if below[1] > 0 or self.kinds[below[0]] == Kind.FLAT:
            return True
        if self._speaker_between(below[0], bottom):
            return True
        if any(self._self_titled(index) for index in range(below[0], bottom + 1)):
            # ``John Kirby`` / ``Daily Press Briefing``: the note type is the title.
            return False
        return self.kinds[below[0]] in (Kind.NOTE_TYPE, Kind.OFFICE)

    def _bare_block(self) -> Block | None:
        """No header lines: a first plain line before the body is the title (embassy pages)."""
        for index, kind in self.kinds_in_order():
            if kind in (Kind.BLANK, Kind.CHROME, Kind.DATE, Kind.PARTIAL_DATE):
                continue
            if kind in _TITLE_KINDS and self._is_title_like(index):
                end = index + 1
                while end < self.size and self.kinds[end] in _BARE_FOLLOWERS:
                    end += 1
                while end > index + 1 and self.kinds[end - 1] == Kind.BLANK:
                    end -= 1
                repeat = self._repeat((index, index + 1), end)
                if repeat is not None:
                    end = repeat + 1
                return Block(index, index, end, (index, index + 1), (), "bare", repeat)
            return None
        return None

    def _title_inside(self, top: int, bottom: int, inside: list[int]) -> tuple[int, int] | None:
        """Plain lines right after the note type line (the 2001-02 wire layout)."""
        for index in range(top, bottom):
            if self.kinds[index] != Kind.NOTE_TYPE:
                continue
            first = index + 1
            if first not in inside:
                return None
            last = first
            while last <= bottom and (last in inside or self.kinds[last] == Kind.NAME):
                last += 1
            if last - first <= MAX_TITLE_LINES:
                inside[:] = [i for i in inside if not first <= i < last]
                return first, last
            return None
        return None

    def _headline(self, top: int) -> tuple[int, int] | None:
        """The page's first plain line, when no title stands next to the block."""
        for index in range(top):
            kind = self.kinds[index]
            if kind in (Kind.BLANK, Kind.CHROME, Kind.DATE):
                continue
            if kind in _TITLE_KINDS and self._is_title_like(index):
                return index, index + 1
            return None
        return None

    def _is_title_like(self, index: int) -> bool:
        text = self.text(index)
        letters = sum(1 for char in text if char.isalpha() or char == " ")
        return (
            len(text.split()) <= MAX_TITLE_WORDS
            and _ENDS_SENTENCE.search(text) is None
            and letters * 10 >= len(text) * 8
        )

    def _self_titled(self, top: int) -> bool:
        if self.kinds[top] != Kind.NOTE_TYPE:
            return False
        canonical = note_type_of(self.vocabulary, self.text(top))
        return canonical is not None and canonical.casefold() in self.self_titled

    def _title_after(self, bottom: int) -> tuple[int, int] | None:
        """A single short plain line after the dateline, set off by blank lines (2001-09 site)."""
        if self.kinds[bottom] != Kind.DATE:
            return None
        found = self._step(bottom, 1)
        if found is None or found[1] > MAX_GAP:
            return None
        index = found[0]
        if self.kinds[index] not in _TITLE_KINDS or not self._is_title_like(index):
            return None
        if self.text(index)[:1].isdigit() or self._adjacent(index, 1) is not None:
            return None
        return index, index + 1


def layout(state: ParseState) -> Layout:
    """The layout of ``state`` (line kinds and header block), computed once per parse."""
    found = state.derived.get("releaseparse.layout")
    if found is None:
        found = state.derived["releaseparse.layout"] = Layout(state)
    return cast(Layout, found)
