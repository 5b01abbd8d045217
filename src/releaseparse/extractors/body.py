"""The body: paragraphs after the header, hard wraps and scrape breaks re-joined, and turns."""

from __future__ import annotations

from collections.abc import Callable

import regex

from releaseparse.extractors._common import clean_value, header_end, trimmed
from releaseparse.extractors._kinds import is_heading, label_of
from releaseparse.records import Severity, Span, Turn, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import LIST_ITEM, is_blank

# A paragraph that stops without closing punctuation ...
_OPEN_END = regex.compile(r"[\p{L}\p{N},;\-–]")
#: The last non-space character, found by searching backwards from the end.
_LAST_CHARACTER = regex.compile(r"(?r)\S")
# ... and a next one that opens with a lower-case word were one paragraph the scrape broke.
_LOWER_START = regex.compile(r"\s*\p{Ll}")

#: A piece of a line: ``(start, end)`` of its unclaimed text.
Piece = tuple[int, int]


def _pieces(state: ParseState, start: int, stop: int) -> list[Piece | None]:
    """The body's lines from ``start`` as pieces; ``None`` stands for a break (blank or claimed)."""
    source = state.source
    claims = state.claims()
    if not any(claim_start < stop and start < claim_end for claim_start, claim_end, _ in claims):
        return _free_pieces(state, start, stop)
    next_claim = 0
    pieces: list[Piece | None] = []
    for line in state.lines:
        if line.stop <= start:
            continue
        if line.start >= stop:
            break
        begin = max(line.start, start)
        end = min(line.end, stop)
        # A line may open with a claimed part (a wire dateline): the rest is body.
        while next_claim < len(claims) and claims[next_claim][1] <= begin:
            next_claim += 1
        position = next_claim
        while position < len(claims) and claims[position][0] < end:
            begin = max(begin, claims[position][1])
            position += 1
        # Every claim that starts before ``end`` now ends by ``begin``: the piece is free.
        if begin >= end or is_blank(source[begin:end]):
            pieces.append(None)
        else:
            pieces.append((begin, end))
    return pieces


def _free_pieces(state: ParseState, start: int, stop: int) -> list[Piece | None]:
    """``_pieces`` where nothing between ``start`` and ``stop`` is claimed: whole lines."""
    pieces: list[Piece | None] = []
    append = pieces.append
    for line in state.lines:
        if line.stop <= start:
            continue
        if line.start >= stop:
            break
        if start <= line.start and line.end <= stop:  # the line whole: its text is at hand
            append(None if is_blank(line.text) else (line.start, line.end))
            continue
        begin = max(line.start, start)
        end = min(line.end, stop)
        if begin >= end or is_blank(state.source[begin:end]):
            append(None)
        else:
            append((begin, end))
    return pieces


def _blocks(state: ParseState, pieces: list[Piece | None]) -> list[list[Piece]]:
    """Group pieces into blocks separated by breaks, list items or transcript labels."""
    source = state.source
    blocks: list[list[Piece]] = []
    current: list[Piece] = []
    for piece in pieces:
        if piece is None:
            if current:
                blocks.append(current)
            current = []
            continue
        if current:
            text = source[piece[0] : piece[1]]
            if LIST_ITEM.match(text) or label_of(state.vocabulary, text) is not None:
                blocks.append(current)
                current = []
        current.append(piece)
    if current:
        blocks.append(current)
    return [
        split
        for block in blocks
        for split in (_index_entries(source, block) if len(block) > 1 else (block,))
    ]


def _index_entries(source: str, block: list[Piece]) -> list[list[Piece]]:
    """A block made only of heading lines (a briefing's topic index): one block per line."""
    if len(block) > 1 and all(is_heading(source[start:end]) for start, end in block):
        return [[piece] for piece in block]
    return [block]


def _ends_open(source: str, span: Span) -> bool:
    r"""Whether the text of ``span`` ends without closing punctuation (a letter, digit, comma...).

    The same as searching ``[letter digit , ; - –]\s*$`` in it, but from the end.
    """
    last = _LAST_CHARACTER.search(source, span.start, span.end)
    return last is not None and _OPEN_END.match(source, last.start(), last.end()) is not None


def _tail_start(state: ParseState, start: int) -> int:
    """Where the body stops: the first trailer or disclaimer after ``start``."""
    for claim_start, _end, kind in state.claims():
        if claim_start >= start and kind in ("trailer", "disclaimer"):
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
    stop = _tail_start(state, start)
    blocks = _blocks(state, _pieces(state, start, stop))
    if not blocks:
        return
    source = state.source
    paragraphs: list[list[Span]] = []
    for block in blocks:
        span = trimmed(source, block[0][0], block[-1][1])
        state.claim(span, "body")
        first_start, first_end = block[0]
        if (
            paragraphs
            # The cheapest test first, on the source itself: most paragraphs start upper.
            and _LOWER_START.match(source, first_start, first_end)
            and not LIST_ITEM.match(source[first_start:first_end])
            and _ends_open(source, paragraphs[-1][-1])
        ):
            gap = Span(paragraphs[-1][-1].end, span.start)
            state.defect(
                "body.paragraph_rejoined",
                "a paragraph broken by the scrape mid-sentence was re-joined",
                gap,
                Severity.INFO,
            )
            paragraphs[-1].append(span)
        else:
            paragraphs.append([span])
    values = []
    parts: dict[str, Span] = {}
    wholes = []
    for number, spans in enumerate(paragraphs):
        whole = unchecked_span(spans[0].start, spans[-1].end)  # trimmed spans: valid
        wholes.append(whole)
        value = clean_value(state, whole, "body")
        values.append(value if rewrite is None else rewrite(value))
        parts[f"paragraphs.{number}"] = whole
    state.set(
        "body", tuple(values), Span(paragraphs[0][0].start, paragraphs[-1][-1].end), parts=parts
    )
    turns = _turns(state, wholes, values)
    if turns:
        state.set("turns", tuple(turns), Span(turns[0].span.start, turns[-1].span.end))


def _turns(state: ParseState, spans: list[Span], values: list[str]) -> list[Turn]:
    """Transcript turns: a labelled paragraph opens one, unlabelled ones go on with it."""
    turns: list[Turn] = []
    label: str | None = None
    texts: list[str] = []
    first = last = Span(0, 0)

    def close() -> None:
        if label is not None:
            turns.append(Turn(label, "\n\n".join(texts), Span(first.start, last.end)))

    for span, value in zip(spans, values, strict=True):
        match = label_of(state.vocabulary, value)
        if match is None and state.vocabulary.bare_labels:
            # Only the raw text keeps the spaces after a bare label (``Q    Mr. President``);
            # a paragraph whose raw text is its value was read already.
            raw = span.slice(state.source)
            if raw != value:
                match = label_of(state.vocabulary, raw)
        if match is not None:
            close()
            label = match["label"]
            texts = [value[value.index(label) + len(label) :].lstrip(":").strip()]
            first = last = span
        elif label is not None:
            texts.append(value)
            last = span
    close()
    return [turn for turn in turns if turn.text or turn.label]
