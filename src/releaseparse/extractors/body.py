"""The body: paragraphs after the header, hard wraps and scrape breaks re-joined, and turns."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from operator import attrgetter

import regex

from releaseparse.extractors._common import _TRIM_SET, clean_text, header_end, trimmed_offsets
from releaseparse.extractors._kinds import (
    _CLOSING,
    _SENTENCE_MARKS,
    LABEL_GROUP,
    is_heading,
    label_of,
)
from releaseparse.records import Severity, Span, Turn, unchecked_span, unchecked_turn
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, LIST_ITEM, collapse, is_blank, may_hold_mojibake

# A paragraph that stops without closing punctuation ...
_OPEN_END = regex.compile(r"[\p{L}\p{N},;\-–]")
#: The last non-space character, found by searching backwards from the end.
_LAST_CHARACTER = regex.compile(r"(?r)\S")
# ... and a next one that opens with a lower-case word were one paragraph the scrape broke.
_LOWER_START = regex.compile(r"\s*\p{Ll}")
#: ASCII characters that neither ``\s`` nor ``\p{Ll}`` matches: what opens most paragraphs.
#: (Only ASCII is judged without the pattern: ``regex`` knows a newer Unicode than ``str``.)
_ASCII_NOT_LOWER_OR_SPACE = frozenset(
    chr(code) for code in range(128) if not (chr(code).isspace() or "a" <= chr(code) <= "z")
).__contains__

#: A piece of a line: ``(start, end)`` of its unclaimed text.
Piece = tuple[int, int]

_line_stop = attrgetter("stop")
#: What follows a small letter that opens a list item (``a. ``, ``b) ``).
_ITEM_LETTER_MARKS = (".", ")")
#: The first characters (``text[:1]``) of a blank line: none, a whitespace character, an
#: invisible. Every whitespace character lies below U+3001 (a test checks every code point).
_MAY_OPEN_BLANK = frozenset(
    ["", *INVISIBLE, *(chr(code) for code in range(0x3001) if chr(code).isspace())]
)


def _blocks(state: ParseState, start: int, stop: int) -> list[list[Piece]]:
    """The unclaimed text of the lines from ``start`` to ``stop``, in blocks of pieces.

    A blank or wholly claimed line ends a block; a list item or a transcript label
    opens one. Each line gives at most one piece: its text after any claim in it (a
    wire dateline can open a line whose rest is body).
    """
    source = state.source
    vocabulary = state.vocabulary
    bare_labels = vocabulary.bare_labels
    lines = state.lines
    claims = [claim for claim in state.claims() if claim[0] < stop and start < claim[1]]
    claims.append((stop, stop, ""))  # a sentinel: no line reaches it
    next_claim = 0
    # Where the next claim that can touch a line starts: a line ending by then is whole.
    # (It is ``stop`` at the latest, the sentinel's start.)
    claim_start = claims[0][0]
    blocks: list[list[Piece]] = []
    current: list[Piece] = []
    first_line = bisect.bisect_right(lines, start, key=_line_stop)
    for _number, line_start, line_end, _stop, text in itertools.islice(lines, first_line, None):
        if line_end < claim_start and line_start > start:
            # Most lines of a body: no claim touches the line, ``stop`` does not cut it
            # (``claim_start <= stop``), and the line is its own piece.
            begin = line_start
            end = line_end
        else:
            if line_start >= stop:
                break
            begin = line_start if line_start > start else start
            end = line_end if line_end < stop else stop
            if end > claim_start:
                while claims[next_claim][1] <= begin:
                    next_claim += 1
                position = next_claim
                # Every claim that starts before ``end`` ends by ``begin`` after this: the
                # rest of the line is free.
                while claims[position][0] < end:
                    begin = max(begin, claims[position][1])
                    position += 1
                claim_start = claims[next_claim][0]
            if begin >= end:
                text = ""
            elif begin != line_start or end != line_end:
                text = source[begin:end]
        # ``is_blank`` is asked only of a text opening with a space or an invisible (or
        # empty): any other first character makes a line of text.
        first = text[:1]
        if first in _MAY_OPEN_BLANK and (not first or text.isspace() or is_blank(text)):
            if current:
                blocks.append(current)
                current = []
            continue
        if current and (
            # ``LIST_ITEM`` matches no text opening with a capital, nor with a small letter
            # that no ``.`` or ``)`` follows: most lines of prose.
            (
                not (first.isalpha() and (first.isupper() or text[1:2] not in _ITEM_LETTER_MARKS))
                and LIST_ITEM.match(text)
            )
            # ``label_of``'s own first test, here: a label needs a colon, a bare one a
            # tab or two spaces.
            or (
                (":" in text or (bare_labels and ("\t" in text or "  " in text)))
                and label_of(vocabulary, text) is not None
            )
        ):
            blocks.append(current)
            current = []
        current.append((begin, end))
    if current:
        blocks.append(current)
    return _split_topic_indexes(source, blocks)


def _split_topic_indexes(source: str, blocks: list[list[Piece]]) -> list[list[Piece]]:
    """``blocks``, each topic index (a block of two or more headings) split into its lines."""
    # A block whose last piece ends with ``.``, ``!`` or ``?`` is none: ``_may_be_heading``
    # would find that mark as its tail's last character (a piece is never empty). Told
    # here without a call, as most blocks of prose are.
    # The last line first: a wrapped paragraph's last line, short and ending a sentence, is
    # the cheapest to find no heading.
    indexes = [
        position
        for position, block in enumerate(blocks)
        if len(block) > 1
        and source[block[-1][1] - 1] not in _SENTENCE_MARKS
        and _may_be_heading(source, *block[-1])
        and all(is_heading(source[start:end]) for start, end in reversed(block))
    ]
    for position in reversed(indexes):  # from the last: the positions before it stay
        blocks[position : position + 1] = [[piece] for piece in blocks[position]]
    return blocks


#: How far back from a piece's end its last word is looked for (``_may_be_heading``).
_TAIL = 16


def _may_be_heading(source: str, start: int, end: int) -> bool:
    """``False`` only where ``source[start:end]`` is no heading, told by its last characters.

    A heading's last word ends no sentence (``is_heading``: ``ends_sentence``). Past the
    trailing whitespace and closing marks, a ``.``, ``!`` or ``?`` within the last
    ``_TAIL`` characters is the mark the last word ends with once its closing marks are
    stripped: it is neither a space nor an invisible, so it stays in that word. Anything
    else (an invisible among the closing marks, a tail all spaces) is left to
    ``is_heading``.
    """
    tail = source[max(start, end - _TAIL) : end].rstrip().rstrip(_CLOSING)
    return tail[-1:] not in _SENTENCE_MARKS


def _ends_open(source: str, start: int, end: int) -> bool:
    r"""Whether ``source[start:end]`` ends without closing punctuation (a letter, digit, comma...).

    The same as searching ``[letter digit , ; - –]\s*$`` in it, but from the end.
    """
    last = _LAST_CHARACTER.search(source, start, end)
    return last is not None and _OPEN_END.match(source, last.start(), last.end()) is not None


def _tail_start(state: ParseState, start: int) -> int:
    """Where the body stops: the first trailer or disclaimer after ``start``."""
    for claim_start, _end, kind in state.claims(start):
        if kind in ("trailer", "disclaimer"):
            return claim_start
    return len(state.source)


def body(state: ParseState) -> None:
    """Set ``body`` to the clean paragraphs after the header, and ``turns`` for transcripts."""
    read_body(state, header_end(state))


def read_body(
    state: ParseState, start: int, *, rewrite: Callable[[str], str] | None = None
) -> None:
    """Claim the unclaimed text from ``start`` up to the trailers or disclaimer as the body.

    Sets ``body`` (paragraphs: hard wraps joined, scrape breaks mended, list items
    and transcript turns kept apart) and, for transcripts, ``turns``. ``rewrite``
    is applied to each clean paragraph (a source's markup, such as Markdown escapes).
    """
    source = state.source
    runs: list[Piece] = []  # the text of each block, trimmed: what the body claims
    # Where each paragraph's runs start and end: plain integers, which the garbage
    # collector does not track (a long transcript has tens of thousands).
    starts: list[int] = []
    ends: list[int] = []
    for block in _blocks(state, start, _tail_start(state, start)):
        first_start, first_end = block[0]
        run_end = block[-1][1]
        # A block opening and closing with text is trimmed already (most are: a line of
        # prose); a block is never blank, so its trimmed run holds a character.
        run_start = first_start
        if source[first_start] in _TRIM_SET or source[run_end - 1] in _TRIM_SET:
            run_start, run_end = trimmed_offsets(source, first_start, run_end)
        runs.append((run_start, run_end))
        if (
            starts
            # The cheapest tests first, on the source itself: most paragraphs open with an
            # ASCII character that is no small letter and no space, which ``_LOWER_START``
            # cannot match.
            and not _ASCII_NOT_LOWER_OR_SPACE(source[first_start])
            and _LOWER_START.match(source, first_start, first_end)
            and not LIST_ITEM.match(source[first_start:first_end])
            and _ends_open(source, starts[-1], ends[-1])
            # A block opening with a site's chrome (``vor 2 Stunden``, ``fonte``) under a
            # release is no rest of its sentence, whatever follows it in the block.
            and not state.vocabulary.is_chrome(source[first_start:first_end])
            # Nor is text across another region (a site's chrome line, a marker, a wire
            # dateline opening the line): a paragraph's span would hold that region's text
            # and its value repeat it.
            and not state.is_claimed(unchecked_span(ends[-1], first_start))
        ):
            state.defect(
                "body.paragraph_rejoined",
                "a paragraph broken by the scrape mid-sentence was re-joined",
                Span(ends[-1], run_start),
                Severity.INFO,
            )
            ends[-1] = run_end
        else:
            starts.append(run_start)
            ends.append(run_end)
    if not starts:
        return
    state.claim_runs(runs, "body")
    paragraphs = list(zip(starts, ends, strict=True))
    # One scan of the whole body rather than one of each paragraph: most pages hold no
    # character that opens a mojibake pair.
    repair = may_hold_mojibake(source, starts[0], ends[-1])
    if repair:
        values = [clean_text(state, start, end, "body") for start, end in paragraphs]
    else:
        # Without repair, ``clean_text`` is ``collapse`` of the raw text: called directly.
        values = [collapse(source[start:end]) for start, end in paragraphs]
    if rewrite is not None:
        values = [rewrite(value) for value in values]
    # ``set(..., parts={"paragraphs.N": (start, end)})``, its parts checked at once.
    state._set_numbered_parts(
        "body", tuple(values), Span(starts[0], ends[-1]), "paragraphs", starts, ends
    )
    turns = _turns(state, paragraphs, values)
    if turns:
        state.set("turns", tuple(turns), Span(turns[0].span.start, turns[-1].span.end))


def _turns(state: ParseState, paragraphs: list[tuple[int, int]], values: list[str]) -> list[Turn]:
    """Transcript turns: a labelled paragraph opens one, unlabelled ones go on with it."""
    vocabulary = state.vocabulary
    bare_labels = vocabulary.bare_labels
    turns: list[Turn] = []
    label: str | None = None
    texts: list[str] = []
    first = last = 0
    for (start, end), value in zip(paragraphs, values, strict=True):
        # ``label_of``'s own first test, here: without bare labels a label needs a colon.
        match = label_of(vocabulary, value) if bare_labels or ":" in value else None
        if match is None and bare_labels:
            # Only the raw text keeps the spaces after a bare label (``Q    Mr. President``);
            # a paragraph whose raw text is its value was read already.
            raw = state.source[start:end]
            if raw != value:
                match = label_of(vocabulary, raw)
        if match is not None:
            if label is not None:
                turns.append(_turn(label, texts, first, last))
            label = match[LABEL_GROUP]
            texts = [value[value.index(label) + len(label) :].lstrip(":").strip()]
            first, last = start, end
        elif label is not None:
            texts.append(value)
            last = end
    if label is not None:
        turns.append(_turn(label, texts, first, last))
    # Every turn is kept: its label, a ``label`` group of ``_LABEL`` or ``_BARE_LABEL``,
    # opens with a capital, so it is never empty (the filter ``turn.text or turn.label``
    # dropped none).
    return turns


def _turn(label: str, texts: list[str], start: int, end: int) -> Turn:
    """The turn opened by ``label``: its paragraphs' ``texts``, from ``start`` to ``end``."""
    # The offsets are a paragraph's start and a later paragraph's end: a span by construction.
    return unchecked_turn(label, "\n\n".join(texts), unchecked_span(start, end))
