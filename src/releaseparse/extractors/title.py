"""The title: a Markdown link ``[Category: Title](url)`` or the plain title line(s)."""

from __future__ import annotations

import regex

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import clean_value, trimmed
from releaseparse.state import ParseState

# ``[inner](target)`` filling the whole text; the inner text holds no brackets.
_LINK = regex.compile(r"\s*\[(?P<inner>[^\[\]]*)\]\((?P<target>[^()\s]*)\)\s*")
# ``Category: rest`` -- the category is kept only when the vocabulary knows it.
_CATEGORY = regex.compile(r"(?s)\s*(?P<category>[^:\n]+?)\s*:\s+(?P<rest>\S.*)")


def title(state: ParseState) -> None:
    """Set ``title`` (and ``category``) from the title lines found next to the header block."""
    block = layout(state).block
    if block is None or block.title is None or state.has("title"):
        return
    source = state.source
    first, last = state.lines[block.title[0]], state.lines[block.title[1] - 1]
    start, end = first.start, last.end
    whole = trimmed(source, start, end)
    if any(state.is_claimed(line.span) for line in state.lines[block.title[0] : block.title[1]]):
        return
    link = _LINK.fullmatch(source, start, end)
    if link is not None:
        start, end = link.span("inner")
    category = _CATEGORY.fullmatch(source, start, end)
    if category is not None and state.vocabulary.is_category(category["category"]):
        category_span = trimmed(source, *category.span("category"))
        state.set("category", clean_value(state, category_span, "category"), category_span)
        start = category.start("rest")
    state.claim(whole, "title")
    title_span = trimmed(source, start, end)
    if title_span:
        state.set("title", clean_value(state, title_span, "title"), title_span)
