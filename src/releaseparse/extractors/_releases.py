"""Pages holding several releases (blog label pages, digests): where the next one starts."""

from __future__ import annotations

from collections.abc import Callable

from releaseparse.dates import _DIGIT
from releaseparse.extractors._block import layout
from releaseparse.extractors._kinds import (
    HEADER_KINDS,
    WRAPPED_LINES,
    Kind,
    kind_memo,
    paragraph_is_prose,
    remembered_kind,
)
from releaseparse.extractors._scan import SEARCH_LINES
from releaseparse.extractors.disclaimer import Copies
from releaseparse.lines import Line
from releaseparse.state import ParseState
from releaseparse.text import LIST_ITEM, collapse, word_count

#: Header lines are short; longer lines are never looked at when scanning for a header.
MAX_HEADER_LINE = 80
#: Non-blank lines walked up from a header to find where its release starts.
MAX_LEAD_LINES = 12
#: Words of a title or headline, at most.
MAX_HEADLINE_WORDS = 30

_STRONG = frozenset(
    {Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER, Kind.NAME, Kind.ROLE, Kind.ANONYMOUS, Kind.PLACE}
)
_LEAD = frozenset({Kind.BLANK, Kind.CHROME, Kind.DATE, Kind.TIME, Kind.PARTIAL_DATE})


class _Scan:
    """The lines of ``state`` from line ``top`` on, read as a page of its own."""

    def __init__(self, state: ParseState, top: int = 0) -> None:
        self.state = state
        self.vocabulary = state.vocabulary
        self.lines = state.lines
        self.top = top  # nothing above this line is read
        self._kinds: dict[int, Kind] = {}
        self._memo = kind_memo(state.vocabulary)
        self._body_origin: int | None = None
        self._found_before: list[bool] = []
        self._run_at: list[int | None] = []

    def kind(self, index: int) -> Kind:
        found = self._kinds.get(index)
        if found is None:
            text = self.lines[index].text
            if len(text) > 250:
                found = Kind.PROSE
            else:
                found = remembered_kind(self.vocabulary, text, self._memo)
            self._kinds[index] = found
        return found

    def nonblank(self, index: int, direction: int, limit: int) -> list[int]:
        """Up to ``limit`` non-blank line indices from ``index`` going ``direction``."""
        found: list[int] = []
        index += direction
        while self.top <= index < len(self.lines) and len(found) < limit:
            if self.kind(index) != Kind.BLANK:
                found.append(index)
            index += direction
        return found

    def has_body(self, start: int, end: int) -> bool:
        """Whether lines ``start`` to ``end`` hold a paragraph (hard-wrapped ones read whole).

        A line of prose or a transcript label is one; so is a run of other non-blank
        lines, ended by a blank line or by ``end``, whose first lines read together
        as prose. Each line from ``start`` is looked at once, however many ``end``
        values are asked about (a page of repeated headers asks about every one).
        """
        if end <= start:
            return False
        if self._body_origin != start:
            self._body_origin = start
            self._found_before = [False]  # [k - start]: a paragraph among lines start..k-1
            self._run_at = [None]  # [k - start]: where the run going on before line k began
        found_before, run_at = self._found_before, self._run_at
        index = start + len(found_before) - 1
        found, run = found_before[-1], run_at[-1]
        while index < end:
            kind = self.kind(index)
            if kind in (Kind.PROSE, Kind.LABEL):
                found = True
            elif kind != Kind.BLANK:
                run = index if run is None else run
            elif run is not None:
                found = found or self._run_is_prose(run, index)
                run = None
            index += 1
            found_before.append(found)
            run_at.append(run)
        offset = end - start
        began = run_at[offset]
        return found_before[offset] or (began is not None and self._run_is_prose(began, end))

    def _run_is_prose(self, first: int, stop: int) -> bool:
        """Whether the run of non-blank lines ``first`` to ``stop`` (exclusive) reads as prose."""
        texts = [self.lines[i].text for i in range(first, min(stop, first + WRAPPED_LINES))]
        return paragraph_is_prose(self.vocabulary, texts)

    def is_title(self, index: int) -> bool:
        text = collapse(self.lines[index].text)
        if not (
            self.kind(index) in (Kind.OTHER, Kind.NAME)
            and word_count(text, MAX_HEADLINE_WORDS) <= MAX_HEADLINE_WORDS
            and not text.endswith((".", ",", ":", ";", "?", "!"))
            and LIST_ITEM.match(text) is None
            and not text[:1].islower()
        ):
            return False
        letters = sum(1 for char in text if char.isalpha() or char == " ")
        return letters * 10 >= len(text) * 8

    def is_header(self, index: int) -> bool:
        """Whether line ``index`` opens or closes the header of a further release."""
        kind = self.kind(index)
        above = self.nonblank(index, -1, 4)
        if kind == Kind.DATE:
            # Only the header lines right above count: past a paragraph (one line of prose,
            # or hard-wrapped lines that read as prose together) they belong to an earlier
            # header, and a lone date line between paragraphs opens nothing.
            strong = 0
            for line in above:
                found = self.kind(line)
                if found in (Kind.PROSE, Kind.LABEL) or self._paragraph_between(line, index):
                    break
                strong += found in _STRONG
            return strong >= 2
        if kind in (Kind.NOTE_TYPE, Kind.OFFICE):
            # ``Title`` / ``Office of the Spokesperson`` (blank lines between allowed).
            return bool(above) and self.is_title(above[0])
        return False

    def _paragraph_between(self, above: int, index: int) -> bool:
        """Whether a run of lines between ``above`` and ``index`` reads as a paragraph."""
        run: list[int] = []
        for position in range(above + 1, index + 1):
            if position < index and self.kind(position) != Kind.BLANK:
                run.append(position)
            elif run:
                if self._run_is_prose(run[0], run[-1] + 1):
                    return True
                run = []
        return False

    def release_start(self, index: int) -> int:
        """Walk up from a header line over header, title and page lines: the release's start."""
        start = index
        position = index
        for _ in range(MAX_LEAD_LINES):
            above = self.nonblank(position, -1, 1)
            if not above:
                break
            position = above[0]
            kind = self.kind(position)
            text = collapse(self.lines[position].text)
            if self.vocabulary.trailer_set.fullmatches(text):
                break
            if kind in HEADER_KINDS or kind in _LEAD or self.is_title(position):
                start = position
                continue
            break
        return start


def _start_after(scan: _Scan, begin: int, in_disclaimer: Callable[[int], bool]) -> int | None:
    """The line where a further release starts, scanning from line ``begin`` on.

    ``begin`` ends the page's header block. A header line is walked up to its release's
    first line, which counts when a body lies between. Whether a line is taken depends
    only on the lines above it and on itself.
    """
    lines: tuple[Line, ...] = scan.lines
    vocabulary = scan.vocabulary
    for index in range(begin, len(lines)):
        text = lines[index].text
        if not text or len(text) > MAX_HEADER_LINE:
            continue
        # Only a dateline, note type or office line can be a header line here, and every
        # dateline holds a ``\d`` digit (``read_dateline`` asks the same first).
        if not (
            _DIGIT.search(text) is not None
            or vocabulary.note_type(text) is not None
            or vocabulary.is_office(collapse(text))
        ):
            continue
        if scan.kind(index) in (Kind.DATE, Kind.NOTE_TYPE, Kind.OFFICE) and scan.is_header(index):
            if in_disclaimer(lines[index].start):
                continue  # a broken disclaimer (``The`` / ``Office of E...``) is no header
            start = scan.release_start(index)
            # The body of the first release must lie between the two headers.
            if scan.has_body(begin, start):
                return start
    return None


def next_release(state: ParseState) -> int | None:
    """The offset where a further release starts after the first one, if the page holds one."""
    block = layout(state).block
    if block is None:
        return None
    found = _start_after(_Scan(state), block.end, Copies(state).from_line(0))
    return None if found is None else state.lines[found].start


def release_starts(state: ParseState) -> list[int]:
    """Where each release on the page starts: 0, then ``next_release`` from each start.

    The rest of the page from a start is read as a page of its own. In work linear in
    the page: its lines are split once and scanned from each start only as far as the
    next one. Only the header block is found anew for each start, in a parse state of
    the ``SEARCH_LINES`` lines it is looked for among.
    """
    text, lines = state.source, state.lines
    copies = Copies(state)
    starts = [0]
    top = 0
    while top < len(lines):
        last = lines[min(top + SEARCH_LINES, len(lines)) - 1]
        head = ParseState(text[lines[top].start : last.stop], vocabulary=state.vocabulary)
        block = layout(head).block
        if block is None:
            break
        found = _start_after(_Scan(state, top), top + block.end, copies.from_line(top))
        if found is None or found <= top:
            break
        top = found
        starts.append(lines[top].start)
    return starts
