"""Finding the release's own header block among the page chrome, headlines and wire copy.

The block is found from an *anchor*: the first flattened header line, dateline
with header lines beside it, or issuer line (note type, office, speaker) before
the first paragraph. It grows up and down over header lines (blank lines and
chrome between are allowed); the title is the nearest plain line above it.
"""

from __future__ import annotations

from typing import cast

import attrs

from releaseparse.extractors._kinds import (
    HEADER_KINDS,
    ISSUER_KINDS,
    KIND_BLANK,
    KIND_CHROME,
    KIND_DATE,
    KIND_FLAT,
    KIND_NAME,
    KIND_NOTE_TYPE,
    KIND_OFFICE,
    KIND_OTHER,
    WRAPPED_LINES,
    Kind,
    kind_memo,
    may_be_date_or_flat,
    paragraph_is_prose,
)
from releaseparse.extractors._repeat import repeats_title
from releaseparse.extractors._scan import MAX_GAP
from releaseparse.extractors._titles import (
    ENDS_SENTENCE,
    MAX_REPEAT_DISTANCE,
    TITLE_KINDS,
    TitleScan,
)
from releaseparse.state import ParseState
from releaseparse.text import LIST_ITEM, word_count

_VALIDATING = frozenset(
    {Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER, Kind.NAME, Kind.ROLE, Kind.ANONYMOUS, Kind.PLACE}
)
#: Lines passed over above a date on the way to the header line that makes it a dateline.
_PASSED_TO_SPEAKER = frozenset({Kind.DATE, Kind.TIME, Kind.CHROME, Kind.OTHER})
_FOLLOWING = frozenset(
    {Kind.ISSUER, Kind.NAME, Kind.OFFICE, Kind.NOTE_TYPE, Kind.ANONYMOUS, Kind.TIME, Kind.ROLE}
)
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
#: Lines that are a paragraph's (prose, a transcript's turn).
_PARAGRAPHS = frozenset({Kind.PROSE, Kind.LABEL})
#: Lines that open the body below a venue line.
_BODY_OPENERS = frozenset({Kind.LABEL, Kind.PROSE, Kind.TIME, Kind.MARKER})
#: Lines under a name that make it a speaker line anchoring the block.
_UNDER_SPEAKER = frozenset({Kind.ROLE, Kind.PLACE})
#: What may follow a venue line below the block (nothing, a turn, a time).
_AFTER_VENUE: frozenset[Kind | None] = frozenset({None, Kind.LABEL, Kind.TIME})
#: Lines the header lines of a bare block may stand among.
_BEFORE_BARE = frozenset({Kind.BLANK, Kind.CHROME, Kind.DATE, Kind.PARTIAL_DATE})


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


class Layout(TitleScan):
    """The line kinds of one parse state (each read when first asked for) and its header block."""

    def __init__(self, state: ParseState) -> None:
        super().__init__(state)
        #: Whether the title found above the block is the page's opening line.
        self._lead = False
        self.block = self._find_block()

    # -- the anchor -----------------------------------------------------------------------

    def _validated_date(self, index: int) -> bool:
        if self._neighbour(index, 1) in _FOLLOWING:
            return True
        position = index
        set_off = False
        for _ in range(4):
            above = self._near(position, -1)
            if above is None:
                return False
            set_off = set_off or above < position - 1
            position = above
            kind = self.kinds[position]
            if kind == KIND_NAME and set_off:
                # A name-like line set off from the date by a blank line (a menu item, a
                # site's name) is no speaker line: it does not make a post date a dateline.
                return False
            set_off = set_off or kind == KIND_CHROME
            if kind in _VALIDATING:
                return True
            if kind not in _PASSED_TO_SPEAKER:
                return False
        return False

    def _closing_date(self, index: int) -> int:
        """A later dateline of the same block closing the header (a post date may open it)."""
        position = index
        while (below := self._near(position, 1)) is not None:
            position = below
            kind = self.kinds[position]
            if kind == KIND_DATE and self._neighbour(position, -1) in _VALIDATING:
                return position
            venue = kind == KIND_OTHER and self._adjacent(position, 1) in HEADER_KINDS
            if kind not in HEADER_KINDS and kind != KIND_CHROME and not venue:
                break
        return index

    def _anchor(self) -> int | None:
        paragraph_seen = False
        kinds, lines, vocabulary = self.kinds, self.lines, self.vocabulary
        memo: dict[str, Kind] = {}  # the kind memo, read once a paragraph is seen
        for index in range(self.size):
            # Past a paragraph only a dateline or a flattened header counts. A text
            # classified before answers by its kind, any other by ``may_be_date_or_flat``
            # (most are prose), as ``kinds.may_be_date_or_flat`` would: a line either
            # passes over is neither, and would be passed over below too.
            if paragraph_seen:
                text = lines[index].text
                known = memo.get(text)
                if known is None:
                    if not may_be_date_or_flat(vocabulary, text):
                        continue
                elif known is not KIND_DATE and known is not KIND_FLAT:
                    continue
            kind = kinds[index]
            if kind == KIND_DATE and self._validated_date(index):
                return self._closing_date(index)
            if kind == KIND_FLAT:
                return index
            if paragraph_seen:
                continue
            if kind in ISSUER_KINDS:
                return index
            if kind == KIND_NAME and self._neighbour(index, 1) in _UNDER_SPEAKER:
                return index
            if kind in _PARAGRAPHS and not (
                self._is_lead_line(index) or self._is_opening_sentence(index)
            ):
                paragraph_seen = True
                memo = kind_memo(vocabulary)
        return None

    # -- growing --------------------------------------------------------------------------

    def _grow_up(self, anchor: int, inside: list[int]) -> tuple[int, tuple[int, int] | None]:
        top = anchor
        position = anchor
        kinds = self.kinds
        while (above := self._near(position, -1)) is not None:
            position = above
            kind = kinds[position]
            if kind in HEADER_KINDS:
                top = position
            elif kind == KIND_CHROME:
                continue
            elif kind == KIND_OTHER and self._adjacent(position, -1) in _NEAR_ISSUER:
                top = position
                inside.append(position)
            elif kind in TITLE_KINDS and LIST_ITEM.match(self.lines[position].text):
                # A bulleted topic index above the block: the title, if any, is the
                # page's headline above it.
                return top, None
            elif kind in TITLE_KINDS:
                return top, self._title_above(position)
            elif kind in _PARAGRAPHS and self._is_lead_line(position):
                # A long title (``Special Briefing with ..., and ... On ...``) reads as a
                # sentence or a turn; as the page's first line, set off, it is the title.
                self._lead = True
                return top, (position, position + 1)
            else:
                break
        return top, None

    def _grow_down(self, anchor: int, inside: list[int]) -> int:
        bottom = anchor
        position = anchor
        kinds = self.kinds
        while (below := self._near(position, 1)) is not None:
            set_off = below > position + 1  # blank lines between
            position = below
            kind = kinds[position]
            if kind in HEADER_KINDS:
                bottom = position
            elif kind == KIND_CHROME:
                continue
            elif kind == KIND_OTHER and not set_off and self._adjacent(position, 1) in HEADER_KINDS:
                bottom = position
                inside.append(position)
            elif (
                kind == KIND_OTHER
                and kinds[bottom] in _BEFORE_VENUE
                and self._is_short_line(position)
                and self._adjacent(position, 1) in _AFTER_VENUE
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
        if self.kinds[first] in _BODY_OPENERS:
            return True
        end = first + 1
        while end < self.size and self.kinds[end] != KIND_BLANK and end - first < WRAPPED_LINES:
            end += 1
        return paragraph_is_prose(self.vocabulary, [self.text(i) for i in range(first, end)])

    def _is_short_line(self, index: int) -> bool:
        text = self.text(index)
        return word_count(text, 10) <= 10 and ENDS_SENTENCE.search(text) is None

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
        if (
            self._name_is_title(first, bottom)
            # The line below, which ``_name_is_title`` found: asked for only then.
            and (below := self._step(first, 1)) is not None
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
            tuple(sorted(set(inside))) if inside else (),
            title_from if title else "",
            repeat,
        )

    def _chrome_between(self, first: int, last: int) -> bool:
        """Whether a site line (``FROM: THE STATE DEPARTMENT``) lies in ``[first, last)``.

        A blog's own headline above such a line is not the title of the release below it.
        """
        return KIND_CHROME in map(self.kinds.__getitem__, range(first, last))

    def _speaker_between(self, first: int, last: int) -> bool:
        return not _SPEAKERS.isdisjoint(map(self.kinds.__getitem__, range(first, last + 1)))

    def _name_is_title(self, top: int, bottom: int) -> bool:
        """A name-like first line above the issuer lines is the title, not a speaker.

        It is when no role follows it and a blank line sets it off, or the block
        holds another speaker line, or only note type and office lines follow it
        (``Coastal Resilience`` / ``Press Statement``: every release has a title).
        """
        if self.kinds[top] != KIND_NAME or top >= bottom:
            return False
        below = self._step(top, 1)
        if below is None or self.kinds[below[0]] not in _SPEAKER_OR_ISSUER:
            return False
        if below[1] > 0 or self.kinds[below[0]] == KIND_FLAT:
            return True
        if self._speaker_between(below[0], bottom):
            return True
        if self.kinds[below[0]] == KIND_OFFICE:
            # Title, office, note type: an office line follows no speaker's name.
            return True
        if any(self._self_titled(index) for index in range(below[0], bottom + 1)):
            # ``John Kirby`` / ``Daily Press Briefing``: the note type is the title, unless
            # the line prints the page's headline again (a blog's post title above it).
            return self._prints_headline(top)
        return self.kinds[below[0]] == KIND_NOTE_TYPE

    def _prints_headline(self, index: int) -> bool:
        """Whether line ``index`` prints the nearest title-like line above it again.

        A repeat as ``repeats_title`` reads one; blank, chrome and date lines between are
        passed over.
        """
        position = index
        for _ in range(MAX_REPEAT_DISTANCE):
            found = self._step(position, -1)
            if found is None:
                return False
            position = found[0]
            kind = self.kinds[position]
            if kind in TITLE_KINDS:
                return repeats_title(self.text(position), self.lines[index].text)
            if kind not in _BARE_FOLLOWERS:
                return False
        return False

    def _bare_block(self) -> Block | None:
        """No header lines: a first plain line before the body is the title (embassy pages)."""
        for index, kind in self.kinds_in_order():
            if kind in _BEFORE_BARE:
                continue
            if kind in TITLE_KINDS and self._is_title_like(index):
                end = index + 1
                while end < self.size and self.kinds[end] in _BARE_FOLLOWERS:
                    end += 1
                while end > index + 1 and self.kinds[end - 1] == KIND_BLANK:
                    end -= 1
                repeat = self._repeat((index, index + 1), end)
                if repeat is not None:
                    end = repeat + 1
                return Block(index, index, end, (index, index + 1), (), "bare", repeat)
            return None
        return None


def layout(state: ParseState) -> Layout:
    """The layout of ``state`` (line kinds and header block), computed once per parse."""
    found = state.derived.get("releaseparse.layout")
    if found is None:
        found = state.derived["releaseparse.layout"] = Layout(state)
    return cast(Layout, found)
