"""Pages holding several releases (blog label pages, digests): where the next one starts."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from releaseparse.dates import _DIGIT, read_dateline
from releaseparse.extractors._block import layout
from releaseparse.extractors._kinds import (
    HEADER_KINDS,
    KIND_BLANK,
    KIND_DATE,
    KIND_LABEL,
    KIND_MEMO,
    KIND_NAME,
    KIND_NOTE_TYPE,
    KIND_OFFICE,
    KIND_OTHER,
    KIND_PROSE,
    WRAPPED_LINES,
    Kind,
    kind_memo,
    note_type_of,
    office_start,
    paragraph_is_prose,
    remembered_kind,
)
from releaseparse.extractors._scan import SEARCH_LINES
from releaseparse.extractors._titles import letters_and_spaces
from releaseparse.extractors.disclaimer import Copies
from releaseparse.guard import gave_up
from releaseparse.lines import Line
from releaseparse.state import ParseState
from releaseparse.text import ASCII_DIGIT, LIST_ITEM, collapse, word_count
from releaseparse.vocabulary import Vocabulary, remember

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


#: The kinds of line a further release's header is found from.
_HEADER_LINE_KINDS = frozenset({Kind.DATE, Kind.NOTE_TYPE, Kind.OFFICE})


def may_be_header_kind(vocabulary: Vocabulary, text: str) -> bool:
    """``False`` only where ``classify`` reads ``text`` as no dateline, note type or office.

    Each of the three needs its own test in ``classify`` to pass: ``read_dateline``,
    ``note_type_of`` or ``office_start`` (about a fifth of ``classify``'s cost on a
    line that is none of them).
    """
    line = collapse(text)
    return (
        read_dateline(line) is not None
        or note_type_of(vocabulary, line) is not None
        or office_start(vocabulary, line) is not None
    )


def named_header_width(vocabulary: Vocabulary) -> int:
    """The longest collapsed line that may be a note type or an office ``vocabulary`` names.

    ``Vocabulary.note_type`` and ``is_office`` turn a longer line away unless it opens
    with an office prefix: each compares the collapsed line's length with its longest
    folded entry (folding never shortens a text).
    """
    return max(vocabulary.note_type_width, vocabulary.office_width)


def names_note_type_or_office(vocabulary: Vocabulary, line: str, width: int) -> bool:
    """Whether the collapsed ``line`` is a note type or an office ``vocabulary`` names whole.

    ``width`` is ``named_header_width(vocabulary)``: a longer line is neither unless it
    opens with an office prefix, and is answered without the two lookups.
    """
    if line.startswith(vocabulary.office_prefixes):
        return True  # ``is_office`` holds for it
    if len(line) > width:
        return False
    if line.isascii():
        # The two lookups look the line's key, ``line.casefold()`` (it is collapsed), up
        # among their folded entries (no longer than their widths, which only spare the
        # lookup); an ASCII key can equal only an ASCII entry (the note types' accent-free
        # forms are among them), and folds as ``str.lower`` does. Asked here without
        # ``collapse`` and ``_key`` once more each.
        key = line.lower()
        return key in vocabulary.note_type_lookup or key in vocabulary.office_keys
    return vocabulary.note_type(line) is not None or vocabulary.is_office(line)


#: The name of the memo, among the vocabulary's ``line_memo``s, of the short lines
#: holding a digit that ``may_be_header_kind`` turned away (``KIND_MEMO`` texts at most).
TURNED_AWAY = "turned away as header lines"


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
                found = KIND_PROSE
            else:
                found = remembered_kind(self.vocabulary, text, self._memo)
            self._kinds[index] = found
        return found

    def may_be_header_kind(self, index: int) -> bool:
        """``False`` only where line ``index`` is no dateline, note type or office line.

        A kind already known answers; otherwise ``may_be_header_kind`` does, without the
        whole of ``classify``. A line it turns away is remembered as a classified one is
        (boilerplate repeats across pages): it is not classified, so the kind memo
        never learns it.
        """
        text = self.lines[index].text
        known = self._kinds.get(index)
        if known is None:
            known = self._memo.get(text)
        if known is not None:
            return known in _HEADER_LINE_KINDS
        turned_away = self.vocabulary.line_memo(TURNED_AWAY)
        if text in turned_away:
            return False
        if may_be_header_kind(self.vocabulary, text):
            return True
        if not gave_up():
            remember(turned_away, text, True, KIND_MEMO)
        return False

    def nonblank(self, index: int, direction: int, limit: int) -> list[int]:
        """Up to ``limit`` non-blank line indices from ``index`` going ``direction``."""
        found: list[int] = []
        index += direction
        while self.top <= index < len(self.lines) and len(found) < limit:
            if self.kind(index) != KIND_BLANK:
                found.append(index)
            index += direction
        return found

    def nonblank_lines(self, index: int, direction: int, limit: int) -> Iterator[int]:
        """``nonblank``'s lines, each classified only when the caller reaches it."""
        found = 0
        index += direction
        while self.top <= index < len(self.lines) and found < limit:
            if self.kind(index) != KIND_BLANK:
                found += 1
                yield index
            index += direction

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
        # A paragraph once found stays found: no line below it is looked at for ``end``
        # values past it (a page of one long release asks about its whole body).
        while index < end and not found:
            kind = self.kind(index)
            if kind in (KIND_PROSE, KIND_LABEL):
                found = True
            elif kind != KIND_BLANK:
                run = index if run is None else run
            elif run is not None:
                found = found or self._run_is_prose(run, index)
                run = None
            index += 1
            found_before.append(found)
            run_at.append(run)
        offset = end - start
        if offset >= len(found_before):
            return True  # the walk stopped at a paragraph above ``end``
        began = run_at[offset]
        return found_before[offset] or (began is not None and self._run_is_prose(began, end))

    def _run_is_prose(self, first: int, stop: int) -> bool:
        """Whether the run of non-blank lines ``first`` to ``stop`` (exclusive) reads as prose."""
        texts = [self.lines[i].text for i in range(first, min(stop, first + WRAPPED_LINES))]
        return paragraph_is_prose(self.vocabulary, texts)

    def is_title(self, index: int) -> bool:
        text = collapse(self.lines[index].text)
        if not (
            self.kind(index) in (KIND_OTHER, KIND_NAME)
            and word_count(text, MAX_HEADLINE_WORDS) <= MAX_HEADLINE_WORDS
            and not text.endswith((".", ",", ":", ";", "?", "!"))
            and LIST_ITEM.match(text) is None
            and not text[:1].islower()
        ):
            return False
        letters = letters_and_spaces(text)
        return letters * 10 >= len(text) * 8

    def is_header(self, index: int) -> bool:
        """Whether line ``index`` opens or closes the header of a further release."""
        kind = self.kind(index)
        if kind == KIND_DATE:
            # Only the header lines right above count: past a paragraph (one line of prose,
            # or hard-wrapped lines that read as prose together) they belong to an earlier
            # header, and a lone date line between paragraphs opens nothing. Lines are
            # read up to that paragraph only.
            strong = 0
            for line in self.nonblank_lines(index, -1, 4):
                found = self.kind(line)
                if found in (KIND_PROSE, KIND_LABEL) or self._paragraph_between(line, index):
                    break
                strong += found in _STRONG
            return strong >= 2
        if kind in (KIND_NOTE_TYPE, KIND_OFFICE):
            # ``Title`` / ``Office of the Spokesperson`` (blank lines between allowed).
            above = self.nonblank(index, -1, 1)
            return bool(above) and self.is_title(above[0])
        return False

    def _paragraph_between(self, above: int, index: int) -> bool:
        """Whether a run of lines between ``above`` and ``index`` reads as a paragraph."""
        run: list[int] = []
        for position in range(above + 1, index + 1):
            if position < index and self.kind(position) != KIND_BLANK:
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
    named_width = named_header_width(vocabulary)
    office_prefixes = vocabulary.office_prefixes
    for index in range(begin, len(lines)):
        text = lines[index].text
        if not text or len(text) > MAX_HEADER_LINE:
            continue
        # Only a dateline, note type or office line can be a header line here. Every
        # dateline holds a ``\d`` digit (``read_dateline`` asks the same first); a line
        # with none counts only as a note type or office the vocabulary names whole. Most
        # short body lines holding a digit (a list item, a time, a sum) are none of the
        # three, and are turned away without the whole of ``classify``. In an ASCII line
        # ``\d`` finds exactly the ASCII digits, which ``re`` finds at a third of the cost
        # of a ``regex`` search.
        if (ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is None:
            line = collapse(text)
            # ``names_note_type_or_office``'s first two answers, asked here without a call:
            # most body lines are longer than every note type and office, and open with
            # no office prefix.
            if len(line) > named_width and not line.startswith(office_prefixes):
                continue
            if not names_note_type_or_office(vocabulary, line, named_width):
                continue
        elif not scan.may_be_header_kind(index):
            continue
        if scan.kind(index) in _HEADER_LINE_KINDS and scan.is_header(index):
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
