"""The confidence step's plain form: an object per parse and a method per field.

This is how ``releaseparse.extractors.confidence`` rated fields before its rules were
written out in one function for the common case (round 12 of issue 20). It is kept here
as the readable reference: ``tests/test_fast_paths_r12_confidence.py`` checks the step
against it, and the older fast-path tests check its own shortcuts against plainer forms.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from itertools import chain

from releaseparse.extractors._block import Block, Layout, layout
from releaseparse.extractors._kinds import (
    KIND_BLANK,
    KIND_ISSUER,
    KIND_LABEL,
    KIND_NAME,
    KIND_NOTE_TYPE,
    Kind,
    is_heading,
    note_type_of,
    prose_line,
)
from releaseparse.extractors.confidence import (
    _DATES,
    _INSTITUTION,
    _OFFICE_LINES,
    _PLAIN,
    _START,
    EVIDENCE,
    LIKELY,
    MAX_HEADINGS_FIRST,
    MAX_SURE_TITLE_WORDS,
    MIN_SURE_TITLE_WORDS,
    NEAR_TITLES,
    RATED,
    STRONG_BLOCK,
    SURE,
    UNSURE,
    _is_prose,
    decorated,
    flag_unsure,
)
from releaseparse.records import Confidence, Span
from releaseparse.state import Field, ParseState
from releaseparse.text import collapse, word_count


class _Opening:
    """The body's first paragraphs, each test on them made once, when first needed.

    Both the body's rating and the title's read them: whether the first paragraph is
    prose, whether it is a heading, whether a heading or two come before the prose.
    """

    def __init__(self, paragraphs: object) -> None:
        self.paragraphs: tuple[str, ...] = paragraphs if isinstance(paragraphs, tuple) else ()
        #: The first paragraph, folded (``""`` without one).
        self.first = collapse(self.paragraphs[0]) if self.paragraphs else ""
        self._prose: bool | None = None
        self._heading: bool | None = None

    def prose(self) -> bool:
        """Whether the first paragraph reads as prose (a sentence of a few words)."""
        if self._prose is None:
            self._prose = bool(self.paragraphs) and _is_prose(self.first)
        return self._prose

    def heading(self) -> bool:
        """Whether the first paragraph reads as a heading."""
        if self._heading is None:
            self._heading = is_heading(self.first)
        return self._heading

    def headings_first(self) -> bool:
        """Whether the body opens with a title-like line or two, then prose.

        A title printed below the header, maybe under an office line: a line above the
        header (a masthead's ``Department of Justice``) may have been taken for the title.
        Prose opening the body, not after a heading, is no title below the header.
        """
        if not self.paragraphs or not self.heading():
            return False
        if word_count(self.first, MIN_SURE_TITLE_WORDS) < MIN_SURE_TITLE_WORDS:
            return False
        for paragraph in self.paragraphs[1 : MAX_HEADINGS_FIRST + 1]:
            text = collapse(paragraph)
            if not is_heading(text):
                return _is_prose(text)
        return False


class _Evidence:
    """The layout of one parse, read for the lines each field came from.

    Whether a field's span starts on the block's lines (or the title's) is a comparison
    with the offsets those lines start at, worked out once; the line a span starts on is
    searched for only where its kind is asked.
    """

    def __init__(
        self,
        state: ParseState,
        found: Layout,
        block: Block,
        fields: Mapping[str, Field] | None = None,
    ) -> None:
        self.state = state
        self.found = found
        self.block = block
        #: The fields set, read once a parse (``state.fields`` copies them).
        self.fields = state.fields if fields is None else fields
        #: ``(start, end)`` of each span recorded, by name (``state.span_of``'s offsets).
        self.offsets = state._span_offsets()
        self.lines = state.lines
        #: Where a span past the last line starts (``_offsets``).
        self._count = len(self.lines)
        self._past = len(state.source) + 1
        kinds = found.kinds
        #: The block's lines are among those classified (``block.end <= found.size``).
        block_kinds = [kinds[index] for index in range(block.start, block.end)]
        self.evidence = sum(map(EVIDENCE.__contains__, block_kinds))
        self.strong = self.evidence >= STRONG_BLOCK
        #: How many lines of the block read as a date.
        self.dates = sum(map(_DATES.__contains__, block_kinds))
        self.block_offsets = self._offsets(block.start, block.end)
        title = block.title
        self.title_offsets = self._offsets(*title) if title is not None else range(0)

    def _offsets(self, first: int, stop: int) -> range:
        """The offsets a span may start at to start on lines ``first`` to ``stop``.

        As ``line_at`` finds a span's line, for the offsets a span of the source starts at
        (``0`` to the source's length): an offset before the first line is on line 0.
        """
        # Where each line starts: ``0`` before the first, past the source after the last.
        # Both ends inline (no helper called for each): three ranges a parse.
        lines, count, past = self.lines, self._count, self._past
        low = 0 if first <= 0 else past if first >= count else lines[first].start
        high = 0 if stop <= 0 else past if stop >= count else lines[stop].start
        return range(low, high)

    def line_at(self, offset: int) -> int:
        """The line ``offset`` is on."""
        return max(bisect.bisect_right(self.lines, offset, key=_START) - 1, 0)

    def kind_at(self, offset: int) -> Kind:
        """The kind of the line ``offset`` is on."""
        return self.found.kind(self.line_at(offset))

    def in_block(self, span: Span) -> bool:
        """Whether ``span`` starts on a line of the block."""
        return span.start in self.block_offsets

    def in_title(self, span: Span) -> bool:
        """Whether ``span`` starts on a line of the title."""
        return span.start in self.title_offsets

    def header_level(self, name: str) -> Confidence:
        """A field read from a line of the block: sure on a strong block, in its own kind."""
        found = self.offsets.get(name)
        # ``in_block`` and ``in_title`` inline: this runs for most fields of every parse.
        if found is None or found[0] not in self.block_offsets or found[0] in self.title_offsets:
            return LIKELY
        return SURE if self.strong else LIKELY

    def title_level(self, body_sure: bool, opening: _Opening) -> Confidence:
        """The title's level; never sure unless the body's start is, below no headings.

        Where the body's first paragraph is not prose, the header may go on below the
        block (a title printed after the dateline, glued to the note type): the title
        found above it is a guess among two. So it is where the body opens with one or
        two title-like lines before its prose, however sure the body's start is.
        """
        text = collapse(str(self.fields["title"].value or ""))
        if decorated(text) or _INSTITUTION.fullmatch(text):
            return UNSURE
        if self.block.title_from in ("headline", "bare"):
            # Away from header lines, a title printed twice (the page's title, then the
            # article's heading) is the page's own; a lone first line may be anything.
            return LIKELY if self.block.repeat is not None else UNSURE
        sure = body_sure and self._sure_title(text) and not opening.headings_first()
        return SURE if sure and not self._rival_title() else LIKELY

    def _sure_title(self, text: str) -> bool:
        """Whether a title next to the block stands where nothing else could be the title.

        Each test alone makes the title only likely, so the cheap ones go first.
        """
        if self.block.title_from not in NEAR_TITLES or not self.strong:
            return False
        title = self.block.title
        # ``found.kind`` read off ``kinds`` directly: the title and the block lie among the
        # lines classified (``Layout.size``).
        kinds = self.found.kinds
        if title is not None and kinds[title[0]] is KIND_NAME:
            # A name-shaped title (``Workshop Workshop``, ``Noticias del Mundo``) could as
            # well be a site's name or a speaker line.
            return False
        words = word_count(text, MAX_SURE_TITLE_WORDS)
        if not MIN_SURE_TITLE_WORDS <= words <= MAX_SURE_TITLE_WORDS:
            return False
        if kinds[self.block.start] is KIND_NOTE_TYPE and self._self_titled_top():
            # Over a note type that is a title of its own (``Daily Press Briefing``), a
            # line above may be a site's name.
            return False
        # Over a name-shaped line nothing was read from (``Neueste Artikel``), the line
        # is as likely a site's tagline over a section label as a title.
        return not self._over_unread_name()

    def _over_unread_name(self) -> bool:
        """Whether the next line below the title is name-shaped and gave no field.

        Blank lines are passed over. Neither a speaker nor an issuer, such a line stands
        between the title and the header lines.
        """
        title = self.block.title
        if title is None:
            return False
        # ``found.kind`` read off ``kinds`` directly: past the lines classified (``size``,
        # no more than the lines), a line is ``OTHER``, neither blank nor a name.
        kinds, size = self.found.kinds, self.found.size
        index = title[1]
        while index < size and kinds[index] is KIND_BLANK:
            index += 1
        if index >= size or kinds[index] is not KIND_NAME:
            return False
        line = self._offsets(index, index + 1)
        starts = [start for start, _end in self.offsets.values()]
        return not any(map(line.__contains__, starts))

    def _self_titled_top(self) -> bool:
        vocabulary = self.state.vocabulary
        canonical = note_type_of(vocabulary, self.found.text(self.block.start))
        return canonical is not None and canonical.casefold() in vocabulary.self_titled_keys

    def _rival_title(self) -> bool:
        """Whether another title-like line stands beside the title.

        Above it, a republisher's headline; among the header lines below it, a speech's
        own title or occasion under the speaker (``The U.S.-Japan Relationship in 2004``).
        """
        title = self.block.title
        if title is None:
            return False
        below = range(max(title[1], self.block.start), self.block.end)
        # The title and the block lie among the lines classified (``Layout.size``).
        kinds = self.found.kinds
        for index in chain(range(title[0]), below):
            if kinds[index] in _PLAIN and self._title_like(index):
                return True
        return False

    def _title_like(self, index: int) -> bool:
        """Whether line ``index`` has three words or more and does not read as prose.

        The folded text is its words joined by single spaces.
        """
        text = self.found.text(index)
        return word_count(text, 3) >= 3 and not prose_line(text)

    def speakers_level(self, body_sure: bool) -> Confidence:
        found = self.offsets.get("speakers.0.name")
        if found is None:
            return LIKELY
        start = found[0]
        if start in self.title_offsets or start not in self.block_offsets:
            return LIKELY
        role = self.offsets.get("speakers.0.role")
        if role is None:
            # A bare name line: a speaker only by where it stands.
            return LIKELY
        if role[0] < start:
            # ``Secretary Colin L. Powell``: where the role ends and the name starts is
            # read from the words' shapes.
            return LIKELY
        speakers = self.fields["speakers"].value
        if isinstance(speakers, tuple) and any(
            " " not in speaker.name and not speaker.name.isascii() for speaker in speakers
        ):
            # A name and a role written without a space between (``安东尼·J·布林肯国务卿``)
            # were split on the role words known: a guess.
            return LIKELY
        if self.strong:
            return SURE
        # ``Name, Role`` on a line of its own, the body's prose right below: an issuer
        # line needs no other header line to be sure.
        return SURE if body_sure and self.kind_at(start) is KIND_ISSUER else LIKELY

    def body_level(self, opening: _Opening) -> Confidence:
        paragraphs = opening.paragraphs
        found = self.offsets.get("body.paragraphs.0")
        if not paragraphs or found is None:
            return UNSURE
        if self.kind_at(found[0]) is KIND_LABEL:
            return SURE if self.strong else LIKELY
        if not opening.prose():
            # A briefing's topic index opens its body with headings; other short lines
            # there are as likely page lines left over.
            index = opening.heading() and self.strong and len(paragraphs) > 1
            return LIKELY if index else UNSURE
        return SURE if self.strong else LIKELY

    def office_level(self, body_sure: bool) -> Confidence:
        """A known office (or a line that only opens like one, ``Office of ...``)."""
        state = self.state
        if (
            collapse(str(self.fields["office"].value)).casefold()
            not in state.vocabulary.office_keys
        ):
            return LIKELY
        if body_sure:
            # An empty span (as a missing one) is read at the first line.
            found = self.offsets.get("office")
            kind = self.kind_at(found[0] if found and found[0] < found[1] else 0)
            if kind in _OFFICE_LINES:
                return SURE
        return self.header_level("office")


def plain_levels(state: ParseState) -> dict[str, Confidence]:
    """``levels`` as an object per parse (``_Evidence``) and a method per field rates it."""
    found = layout(state)
    block = found.block
    fields = state.fields
    names = [name for name in RATED if name in fields]
    opening = _Opening(fields["body"].value if "body" in fields else None)
    if block is None:
        # No header block: whatever was read stands on its own shape alone.
        alone = dict.fromkeys(names, LIKELY)
        if "title" in alone:
            alone["title"] = UNSURE
        if "body" in alone and not opening.prose():
            alone["body"] = UNSURE
        return alone
    evidence = _Evidence(state, found, block, fields)
    rated: dict[str, Confidence] = {}
    body_level = evidence.body_level(opening) if "body" in fields else UNSURE
    body_sure = body_level != UNSURE
    for name in names:
        if name == "title":
            rated[name] = evidence.title_level(body_sure, opening)
        elif name == "speakers":
            rated[name] = evidence.speakers_level(body_sure)
        elif name == "body":
            rated[name] = body_level
        elif name == "category":
            rated[name] = SURE
        elif name == "venue":
            rated[name] = LIKELY
        elif name == "office":
            rated[name] = evidence.office_level(body_sure)
        elif name == "place" and state.vocabulary.role_pattern.search(str(fields[name].value)):
            # ``Secretary of State Washington, DC``: a role glued on.
            rated[name] = UNSURE
        elif name == "date" and fields["date"].value is None:
            rated[name] = UNSURE
        elif name == "date" and evidence.dates > 1:
            # A post date and the release's own date: which is which is a guess.
            rated[name] = LIKELY
        else:
            rated[name] = evidence.header_level(name)
    return rated


def plain_confidence(state: ParseState) -> None:
    """``confidence`` with the plain ``levels``, each field rated with ``rate``, one by one."""
    rated = plain_levels(state)
    for name, level in rated.items():
        state.rate(name, level)
    flag_unsure(state, rated)
