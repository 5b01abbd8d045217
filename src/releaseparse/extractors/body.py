"""The body: paragraphs after the header, hard wraps and scrape breaks re-joined, and turns."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from operator import attrgetter

import regex

from releaseparse.extractors._common import clean_text, header_end, trimmed_offsets
from releaseparse.extractors._kinds import is_heading, label_of
from releaseparse.records import Severity, Span, Turn
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, LIST_ITEM, is_blank

# A paragraph that stops without closing punctuation ...
_OPEN_END = regex.compile(r"[\p{L}\p{N},;\-–]")
#: The last non-space character, found by searching backwards from the end.
_LAST_CHARACTER = regex.compile(r"(?r)\S")
# ... and a next one that opens with a lower-case word were one paragraph the scrape broke.
_LOWER_START = regex.compile(r"\s*\p{Ll}")

#: A piece of a line: ``(start, end)`` of its unclaimed text.
Piece = tuple[int, int]

_line_stop = attrgetter("stop")


def _blocks(state: ParseState, start: int, stop: int) -> Iterator[list[Piece]]:
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
    next_claim = 0
    current: list[Piece] = []
    for index in range(bisect.bisect_right(lines, start, key=_line_stop), len(lines)):
        line = lines[index]
        if line.start >= stop:
            break
        begin = line.start if line.start > start else start
        end = line.end if line.end < stop else stop
        if claims:
            while next_claim < len(claims) and claims[next_claim][1] <= begin:
                next_claim += 1
            position = next_claim
            # Every claim that starts before ``end`` ends by ``begin`` after this: the rest
            # of the line is free.
            while position < len(claims) and claims[position][0] < end:
                begin = max(begin, claims[position][1])
                position += 1
        if begin >= end:
            text = ""
        elif begin == line.start and end == line.end:
            text = line.text  # the line whole: its text is at hand
        else:
            text = source[begin:end]
        # ``is_blank`` is asked only of a text opening with a space or an invisible: any
        # other first character makes a line of text.
        first = text[:1]
        if not first or ((first.isspace() or first in INVISIBLE) and is_blank(text)):
            if current:
                yield from _index_entries(source, current)
                current = []
            continue
        if current and (
            LIST_ITEM.match(text)
            # ``label_of``'s own first test, here: a label needs a colon, a bare one a
            # tab or two spaces.
            or (
                (":" in text or (bare_labels and ("\t" in text or "  " in text)))
                and label_of(vocabulary, text) is not None
            )
        ):
            yield from _index_entries(source, current)
            current = []
        current.append((begin, end))
    if current:
        yield from _index_entries(source, current)


def _index_entries(source: str, block: list[Piece]) -> list[list[Piece]]:
    """A block made only of heading lines (a briefing's topic index): one block per line."""
    if len(block) > 1 and all(is_heading(source[start:end]) for start, end in block):
        return [[piece] for piece in block]
    return [block]


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
        run_start, run_end = trimmed_offsets(source, first_start, block[-1][1])
        runs.append((run_start, run_end))
        if (
            starts
            # The cheapest test first, on the source itself: most paragraphs start upper.
            and _LOWER_START.match(source, first_start, first_end)
            and not LIST_ITEM.match(source[first_start:first_end])
            and _ends_open(source, starts[-1], ends[-1])
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
    values = []
    parts: dict[str, Span | tuple[int, int]] = {}
    paragraphs = list(zip(starts, ends, strict=True))
    for number, paragraph in enumerate(paragraphs):
        value = clean_text(state, *paragraph, "body")
        values.append(value if rewrite is None else rewrite(value))
        parts[f"paragraphs.{number}"] = paragraph
    state.set("body", tuple(values), Span(starts[0], ends[-1]), parts=parts)
    turns = _turns(state, paragraphs, values)
    if turns:
        state.set("turns", tuple(turns), Span(turns[0].span.start, turns[-1].span.end))


def _turns(state: ParseState, paragraphs: list[tuple[int, int]], values: list[str]) -> list[Turn]:
    """Transcript turns: a labelled paragraph opens one, unlabelled ones go on with it."""
    vocabulary = state.vocabulary
    turns: list[Turn] = []
    label: str | None = None
    texts: list[str] = []
    first = last = 0

    def close() -> None:
        if label is not None:
            turns.append(Turn(label, "\n\n".join(texts), Span(first, last)))

    for (start, end), value in zip(paragraphs, values, strict=True):
        match = label_of(vocabulary, value)
        if match is None and vocabulary.bare_labels:
            # Only the raw text keeps the spaces after a bare label (``Q    Mr. President``);
            # a paragraph whose raw text is its value was read already.
            raw = state.source[start:end]
            if raw != value:
                match = label_of(vocabulary, raw)
        if match is not None:
            close()
            label = match["label"]
            texts = [value[value.index(label) + len(label) :].lstrip(":").strip()]
            first, last = start, end
        elif label is not None:
            texts.append(value)
            last = end
    close()
    return [turn for turn in turns if turn.text or turn.label]
