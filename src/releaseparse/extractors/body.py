"""The body: paragraphs between header and trailers, hard wraps and scrape breaks re-joined."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import clean_value, header_end, trimmed
from releaseparse.lines import Line
from releaseparse.records import Severity, Span
from releaseparse.state import ParseState
from releaseparse.text import is_blank

# A line that opens a list item starts a paragraph of its own even without a blank line.
_LIST_ITEM = regex.compile(r"\s*(?:[•·▪●◦*\-–]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+)")
# A paragraph that stops without closing punctuation ...
_OPEN_END = regex.compile(r"[\p{L}\p{N},;\-–]\s*$")
# ... and a next one that opens with a lower-case word were one paragraph the scrape broke.
_LOWER_START = regex.compile(r"\s*\p{Ll}")


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Group lines into blocks separated by blank lines or opened by list items."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if is_blank(line.text):
            if current:
                blocks.append(current)
            current = []
            continue
        if current and _LIST_ITEM.match(line.text):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _tail_start(state: ParseState, start: int) -> int:
    """Where the body stops: the first region claimed after ``start`` (trailer, disclaimer)."""
    for claim_start, _end, _kind in state.claims():
        if claim_start >= start:
            return claim_start
    return len(state.source)


def body(state: ParseState) -> None:
    """Set ``body`` to the clean paragraphs of the unclaimed lines after the header."""
    start = header_end(state)
    stop = _tail_start(state, start)
    lines = [line for line in state.unclaimed_lines(start, stop) if line.end <= stop]
    blocks = _blocks(lines)
    if not blocks:
        return
    source = state.source
    # Merge blocks the scrape broke mid-sentence; each paragraph is a list of raw spans.
    paragraphs: list[list[Span]] = []
    for block in blocks:
        span = trimmed(source, block[0].start, block[-1].end)
        state.claim(span, "body")
        if (
            paragraphs
            and not _LIST_ITEM.match(block[0].text)
            and _OPEN_END.search(source, paragraphs[-1][-1].start, paragraphs[-1][-1].end)
            and _LOWER_START.match(block[0].text)
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
    for number, spans in enumerate(paragraphs):
        whole = Span(spans[0].start, spans[-1].end)
        values.append(clean_value(state, whole, "body"))
        parts[f"paragraphs.{number}"] = whole
    state.set(
        "body", tuple(values), Span(paragraphs[0][0].start, paragraphs[-1][-1].end), parts=parts
    )
