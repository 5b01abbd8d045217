"""Pages holding several releases (blog label pages, digests): where the next one starts."""

from __future__ import annotations

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
from releaseparse.extractors.disclaimer import copies
from releaseparse.lines import Line
from releaseparse.records import Span
from releaseparse.state import ParseState
from releaseparse.text import LIST_ITEM, collapse

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
    def __init__(self, state: ParseState) -> None:
        self.state = state
        self.vocabulary = state.vocabulary
        self.lines = state.lines
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
        while 0 <= index < len(self.lines) and len(found) < limit:
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
        letters = sum(1 for char in text if char.isalpha() or char == " ")
        return (
            self.kind(index) in (Kind.OTHER, Kind.NAME)
            and len(text.split()) <= MAX_HEADLINE_WORDS
            and not text.endswith((".", ",", ":", ";", "?", "!"))
            and LIST_ITEM.match(text) is None
            and not text[:1].islower()
            and letters * 10 >= len(text) * 8
        )

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


def next_release(state: ParseState) -> int | None:
    """The offset where a further release starts after the first one, if the page holds one."""
    block = layout(state).block
    if block is None:
        return None
    scan = _Scan(state)
    lines: tuple[Line, ...] = state.lines
    vocabulary = state.vocabulary
    disclaimers: list[Span] | None = None  # looked for only once a header line is found
    for index in range(block.end, len(lines)):
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
            if disclaimers is None:
                disclaimers = copies(state)
            if any(span.start <= lines[index].start < span.end for span in disclaimers):
                continue  # a broken disclaimer (``The`` / ``Office of E...``) is no header
            start = scan.release_start(index)
            # The body of the first release must lie between the two headers.
            if scan.has_body(block.end, start):
                return lines[start].start
    return None
