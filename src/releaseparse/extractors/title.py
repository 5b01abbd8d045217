"""The title: a Markdown link ``[Category: Title](url)`` or the first plain header line(s)."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import clean_value, header_window, trimmed
from releaseparse.lines import Line
from releaseparse.state import ParseState
from releaseparse.text import is_blank

#: A title wraps onto at most this many lines.
MAX_TITLE_LINES = 3

# ``[inner](target)`` filling the whole text; the inner text holds no brackets.
_LINK = regex.compile(r"\s*\[(?P<inner>[^\[\]]*)\]\((?P<target>[^()\s]*)\)\s*")
# ``Category: rest`` -- the category is kept only when the vocabulary knows it.
_CATEGORY = regex.compile(r"(?s)(?P<category>[^:\n]+?)\s*:\s+(?P<rest>\S.*)")


def _block(window: tuple[Line, ...], first: Line, state: ParseState) -> list[Line]:
    """Up to ``MAX_TITLE_LINES`` consecutive non-blank unclaimed lines from ``first``."""
    block: list[Line] = []
    for line in window[window.index(first) :]:
        if is_blank(line.text) or state.is_claimed(line.span) or len(block) == MAX_TITLE_LINES:
            break
        block.append(line)
    return block


def _link_title(state: ParseState, block: list[Line]) -> bool:
    """Read a link title from the start of ``block``; return whether one was found."""
    source = state.source
    for size in range(1, len(block) + 1):
        start, end = block[0].start, block[size - 1].end
        match = _LINK.fullmatch(source, start, end)
        if match is None:
            continue
        inner_start, inner_end = match.span("inner")
        category = _CATEGORY.fullmatch(source, inner_start, inner_end)
        if category is not None and state.vocabulary.is_category(category["category"]):
            category_span = trimmed(source, *category.span("category"))
            state.set("category", clean_value(state, category_span, "category"), category_span)
            inner_start = category.start("rest")
        title_span = trimmed(source, inner_start, inner_end)
        state.claim(trimmed(source, start, end), "title")
        if title_span:
            state.set("title", clean_value(state, title_span, "title"), title_span)
        return True
    return False


def title(state: ParseState) -> None:
    """Set ``title`` (and ``category``) from the first block of the header.

    A plain block counts as the title only when header lines that were recognised
    (note type, office, speaker, place, dateline) follow it.
    """
    window = header_window(state)
    first = next(
        (line for line in window if not is_blank(line.text) and not state.is_claimed(line.span)),
        None,
    )
    if first is None:
        return
    block = _block(window, first, state)
    if _link_title(state, block):
        return
    recognised_after = any(
        state.is_claimed(line.span) for line in window if line.start >= block[-1].stop
    )
    if not recognised_after:
        return
    span = trimmed(state.source, block[0].start, block[-1].end)
    state.claim(span, "title")
    state.set("title", clean_value(state, span, "title"), span)
