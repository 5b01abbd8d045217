"""The title step in its plain form, as it was before the twelfth round (for the tests).

``plain_title`` is the step before it became one function: the link and the category
found by their patterns, ``_undecorated`` and ``_decorations`` cutting the decorations,
``clean_value`` for the value. The fast path is checked against it.
"""

from __future__ import annotations

import regex

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import clean_value, trimmed
from releaseparse.records import Span, unchecked_span
from releaseparse.state import ParseState

# ``[inner](target)`` filling the whole text; the inner text holds no brackets.
_LINK = regex.compile(r"\s*\[(?P<inner>[^\[\]]*)\]\((?P<target>[^()\s]*)\)\s*")
# ``Category: rest`` -- the category is kept only when the vocabulary knows it.
_CATEGORY = regex.compile(r"(?s)\s*(?P<category>[^:\n]+?)\s*:\s+(?P<rest>\S.*)")
#: The groups' numbers: ``regex`` looks a group's name up at each ``span("inner")``
#: (0.2 µs each, four a title with a link and a category), a number not.
_INNER = _LINK.groupindex["inner"]
_CATEGORY_NAME = _CATEGORY.groupindex["category"]
_REST = _CATEGORY.groupindex["rest"]


def plain_title(state: ParseState) -> None:
    """Set ``title`` (and ``category``) from the title lines found next to the header block."""
    block = layout(state).block
    if block is None or block.title is None or state.has("title"):
        return
    source = state.source
    first, last = state.lines[block.title[0]], state.lines[block.title[1] - 1]
    start, end = first.start, last.end
    whole = trimmed(source, start, end)
    if _any_claimed(state, block.title[0], block.title[1]):
        return
    link = _LINK.fullmatch(source, start, end)
    if link is not None:
        start, end = link.span(_INNER)
    # The category pattern needs a colon, and most titles hold none.
    has_colon = source.find(":", start, end) >= 0
    category = _CATEGORY.fullmatch(source, start, end) if has_colon else None
    if category is not None and state.vocabulary.is_category(category[_CATEGORY_NAME]):
        category_span = trimmed(source, *category.span(_CATEGORY_NAME))
        state.set("category", clean_value(state, category_span, "category"), category_span)
        start = category.start(_REST)
    # Neither a link nor a category cut: the title is the whole span, already trimmed.
    title_span = whole if (start, end) == (first.start, last.end) else trimmed(source, start, end)
    kept = _undecorated(state, title_span)
    position = whole.start
    # Spans made unchecked: each lies in the title's, start before end, and ``claim``
    # checks every span it is given as ``Span`` would.
    for decoration in _decorations(source, title_span, kept):
        if decoration.start > position:
            state.claim(unchecked_span(position, decoration.start), "title")
        state.claim(decoration, "chrome")
        position = decoration.end
    if whole.end > position:
        state.claim(unchecked_span(position, whole.end), "title")
    if kept:
        state.set("title", clean_value(state, kept, "title"), kept)


def _any_claimed(state: ParseState, first: int, stop: int) -> bool:
    """Whether a character of a line from ``first`` to before ``stop`` is claimed already."""
    if stop - first == 1:  # most titles: one line, tested without a generator
        return state.is_claimed(state.lines[first].span)
    return any(state.is_claimed(line.span) for line in state.lines[first:stop])


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
