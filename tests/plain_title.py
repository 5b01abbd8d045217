"""The title step in its plain form (for the tests).

``plain_title`` is the step before it became one function, in its plainest form: the
link and the category found by their patterns (groups read by name), ``_undecorated``
and ``_decorations`` cutting the decorations, ``clean_value`` for the value, every span
checked. The step is checked against it.
"""

from __future__ import annotations

import regex

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import clean_value, trimmed
from releaseparse.records import Span
from releaseparse.state import ParseState

# ``[inner](target)`` filling the whole text; the inner text holds no brackets.
_LINK = regex.compile(r"\s*\[(?P<inner>[^\[\]]*)\]\((?P<target>[^()\s]*)\)\s*")
# ``Category: rest`` -- the category is kept only when the vocabulary knows it.
_CATEGORY = regex.compile(r"(?s)\s*(?P<category>[^:\n]+?)\s*:\s+(?P<rest>\S.*)")


def plain_title(state: ParseState) -> None:
    """Set ``title`` (and ``category``) from the title lines found next to the header block.

    Its patterns' groups read by name and every span made checked: the plainest form.
    """
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
    title_span = trimmed(source, start, end)
    kept = _undecorated(state, title_span)
    position = whole.start
    for decoration in _decorations(source, title_span, kept):
        if decoration.start > position:
            state.claim(Span(position, decoration.start), "title")
        state.claim(decoration, "chrome")
        position = decoration.end
    if whole.end > position:
        state.claim(Span(position, whole.end), "title")
    if kept:
        state.set("title", clean_value(state, kept, "title"), kept)


def _undecorated(state: ParseState, span: Span) -> Span:
    """``span`` without the decorations a site glued to the title (``Fwd:``, `` | Site``)."""
    text = state.source[span.start : span.end]
    cut_start, cut_end = state.vocabulary.strip_title_decorations(text)
    if cut_start == 0 and cut_end == len(text):
        return span  # nothing cut (most titles): the same offsets, and a ``Span`` is frozen
    return Span(span.start + cut_start, span.start + cut_end)


def _decorations(source: str, title: Span, kept: Span) -> list[Span]:
    """The decorations cut from ``title`` to keep ``kept``: what is left before and after it."""
    if kept.start == title.start and kept.end == title.end:
        return []  # most titles: nothing was cut
    pieces = (trimmed(source, title.start, kept.start), trimmed(source, kept.end, title.end))
    return [piece for piece in pieces if piece]
