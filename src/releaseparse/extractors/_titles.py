"""Where a release's title stands next to its header block, by the kinds of title line."""

from __future__ import annotations

import regex

from releaseparse.extractors._kinds import KIND_DATE, KIND_NAME, KIND_NOTE_TYPE, Kind, note_type_of
from releaseparse.extractors._repeat import folded_title, repeats_folded
from releaseparse.extractors._scan import LineScan
from releaseparse.text import word_count

#: A title wraps onto at most this many lines.
MAX_TITLE_LINES = 3
#: Non-blank lines below the block among which a second printing of the title is looked for
#: (an image caption may stand between).
MAX_REPEAT_DISTANCE = 3
#: Words in a title line, at most.
MAX_TITLE_WORDS = 30
#: Words in a title that opens the page, at most (feed titles name every briefer).
MAX_LEAD_WORDS = 80
#: Words of a lone sentence opening a page above the header (a share prompt), at most.
MAX_OPENING_WORDS = 15
#: Lines of page furniture (not known chrome) opening a page above the header, at most.
MAX_OPENING_LINES = 6

#: Kinds a title line has.
TITLE_KINDS = frozenset({Kind.OTHER, Kind.NAME})
#: Lines that may stand above the title that opens a page.
_ABOVE_LEAD = frozenset({Kind.BLANK, Kind.CHROME, Kind.DATE, Kind.TIME, Kind.PARTIAL_DATE})
#: Header lines below which a short opening paragraph is page furniture.
_HEADER_BELOW_OPENING = frozenset({Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER, Kind.NAME, Kind.FLAT})
#: Lines that are a paragraph's (prose, a transcript's turn).
_PARAGRAPHS = frozenset({Kind.PROSE, Kind.LABEL})
#: What stands around a lone sentence opening a page: nothing, or chrome.
_NONE_OR_CHROME: frozenset[Kind | None] = frozenset({None, Kind.CHROME})
#: Lines passed over above a page's first plain line.
_ABOVE_HEADLINE = frozenset({Kind.BLANK, Kind.CHROME, Kind.DATE})
ENDS_SENTENCE = regex.compile(r"[.:;!?]\s*$")
#: A line ending with an abbreviation (``Marcos, Jr.``, ``Acme Inc.``, ``U.S.``) ends no sentence.
_ABBREVIATION_END = regex.compile(
    r"(?:\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|No)|\b\p{Lu}(?:\.\p{Lu})*)\.\s*$"
)


def letters_and_spaces(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``) or spaces.

    No space is a letter: the two counts add up. ``map`` tests each character in C, where a
    generator resumed for each character costs a call a character.
    """
    return sum(map(str.isalpha, text)) + text.count(" ")


class TitleScan(LineScan):
    """The title sources a header block is read with (see ``Block.title_from``)."""

    def _is_opening_sentence(self, index: int) -> bool:
        """A short lone sentence opening the page (a share prompt, a cookie notice).

        It is no paragraph of the release: header lines below it still anchor the block.
        So is any short line of the furniture above the first header line (a newsletter
        pitch under a menu label the vocabulary does not know).
        """
        if (
            self._adjacent(index, -1) not in _NONE_OR_CHROME
            or self._adjacent(index, 1) not in _NONE_OR_CHROME
        ):
            return self._is_opening_snippet(index)
        if word_count(
            self.text(index), MAX_OPENING_WORDS
        ) <= MAX_OPENING_WORDS and _ABOVE_LEAD.issuperset(
            map(self.kinds.__getitem__, range(index))
        ):
            return True
        return self._is_opening_snippet(index)

    def _is_opening_snippet(self, index: int) -> bool:
        """Whether line ``index`` is among the page furniture above the release's first header line.

        Everything from the top of the page down to a note type, office, issuer or name
        line is short lines (``MAX_OPENING_WORDS`` words at most; at most
        ``MAX_OPENING_LINES`` of them not chrome): menu labels, a newsletter pitch, a
        section name, the release's title. A release's prose follows its header, and
        is longer.
        """
        own = 0
        for line in range(self.size):
            kind = self.kinds[line]
            if kind in _HEADER_BELOW_OPENING:
                return line > index
            if kind in _ABOVE_LEAD:
                continue
            own += 1
            if own > MAX_OPENING_LINES:
                return False
            if word_count(self.text(line), MAX_OPENING_WORDS) > MAX_OPENING_WORDS:
                return False
        return False

    def _is_lead_line(self, index: int) -> bool:
        """A lone line opening the page (only chrome and stamps above), not a sentence."""
        if self._adjacent(index, -1) is not None or self._adjacent(index, 1) is not None:
            return False
        text = self.text(index)
        if word_count(text, MAX_LEAD_WORDS) > MAX_LEAD_WORDS or (
            ENDS_SENTENCE.search(text) and not _ABBREVIATION_END.search(text)
        ):
            return False
        # ``issuperset`` stops at the first line not among them, as ``all`` would.
        return _ABOVE_LEAD.issuperset(map(self.kinds.__getitem__, range(index)))

    def _title_above(self, last: int) -> tuple[int, int] | None:
        first = last
        while (
            last - first + 1 < MAX_TITLE_LINES
            and first > 0
            and self.kinds[first - 1] in TITLE_KINDS
        ):
            first -= 1
        joined = self._joined_text(first, last + 1)
        if word_count(joined, MAX_TITLE_WORDS) > MAX_TITLE_WORDS:
            return None
        return first, last + 1

    def _joined_text(self, start: int, stop: int) -> str:
        """The collapsed texts of lines ``start`` to ``stop`` (exclusive), joined by spaces.

        A title of one line, the most common, is that line's text: no generator is run.
        """
        if stop - start == 1:
            return self.text(start)
        return " ".join(self.text(index) for index in range(start, stop))

    def _repeat(self, title: tuple[int, int] | None, after: int) -> int | None:
        """A line within a few lines below ``after`` printing the title again (blogs, CMSes)."""
        if title is None:
            return None
        # The title is folded once for every line compared with it; too short, it is
        # never printed again (``repeats_title`` is false on every line).
        wanted = folded_title(self._joined_text(*title))
        if wanted is None:
            return None
        lines = self.lines
        position = max(after, title[1]) - 1
        for _ in range(MAX_REPEAT_DISTANCE):
            found = self._near(position, 1)
            if found is None:
                return None
            position = found
            if repeats_folded(wanted, lines[position].text):
                return position
            if self.kinds[position] in _PARAGRAPHS and not self._repeat_next(wanted, position):
                # A paragraph set off by a blank line is the body: nothing below it is
                # the header (an image caption runs straight into the repeated title).
                return None
        return None

    def _repeat_next(self, wanted: str, index: int) -> bool:
        below = index + 1
        return below < self.size and repeats_folded(wanted, self.lines[below].text)

    def _title_inside(self, top: int, bottom: int, inside: list[int]) -> tuple[int, int] | None:
        """Plain lines right after the note type line (the 2001-02 wire layout)."""
        for index in range(top, bottom):
            if self.kinds[index] != KIND_NOTE_TYPE:
                continue
            first = index + 1
            if first not in inside:
                return None
            last = first
            while last <= bottom and (last in inside or self.kinds[last] == KIND_NAME):
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
            if kind in _ABOVE_HEADLINE:
                continue
            if kind in TITLE_KINDS and self._is_title_like(index):
                return index, index + 1
            return None
        return None

    def _is_title_like(self, index: int) -> bool:
        text = self.text(index)
        if word_count(text, MAX_TITLE_WORDS) > MAX_TITLE_WORDS or ENDS_SENTENCE.search(text):
            return False
        letters = letters_and_spaces(text)
        return letters * 10 >= len(text) * 8

    def _self_titled(self, top: int) -> bool:
        if self.kinds[top] != KIND_NOTE_TYPE:
            return False
        canonical = note_type_of(self.vocabulary, self.text(top))
        return canonical is not None and canonical.casefold() in self.self_titled

    def _title_after(self, bottom: int) -> tuple[int, int] | None:
        """A single short plain line after the dateline, set off by blank lines (2001-09 site)."""
        if self.kinds[bottom] != KIND_DATE:
            return None
        index = self._near(bottom, 1)
        if index is None:
            return None
        if self.kinds[index] not in TITLE_KINDS or not self._is_title_like(index):
            return None
        if self.text(index)[:1].isdigit() or self._adjacent(index, 1) is not None:
            return None
        return index, index + 1
