"""The title: a Markdown link ``[Category: Title](url)`` or the plain title line(s)."""

from __future__ import annotations

import regex

from releaseparse.extractors._block import Layout, layout
from releaseparse.extractors._common import _TRIM_SET, clean_value, trimmed
from releaseparse.records import Span, unchecked_span
from releaseparse.state import ParseState
from releaseparse.text import collapse

# ``[inner](target)`` filling the whole text; the inner text holds no brackets.
_LINK = regex.compile(r"\s*\[(?P<inner>[^\[\]]*)\]\((?P<target>[^()\s]*)\)\s*")
# ``Category: rest`` -- the category is kept only when the vocabulary knows it.
_CATEGORY = regex.compile(r"(?s)\s*(?P<category>[^:\n]+?)\s*:\s+(?P<rest>\S.*)")
#: The groups' numbers: ``regex`` looks a group's name up at each ``span("inner")``
#: (0.2 µs each, four a title with a link and a category), a number not.
_INNER = _LINK.groupindex["inner"]
_CATEGORY_NAME = _CATEGORY.groupindex["category"]
_REST = _CATEGORY.groupindex["rest"]
#: Where ``layout`` keeps the layout among the state's derived values.
_LAYOUT = "releaseparse.layout"


def title(state: ParseState) -> None:
    """Set ``title`` (and ``category``) from the title lines found next to the header block.

    One function: it reads the layout and the title's lines once into locals, works on
    offsets, and makes a ``Span`` only for what it claims or sets (one for the claim and
    the field alike when the title is its whole trimmed line, the most common case).
    """
    found = state.derived.get(_LAYOUT)
    block = (found if isinstance(found, Layout) else layout(state)).block
    if block is None:
        return
    lines = block.title
    if lines is None or state.has("title"):
        return
    top, stop = lines
    source = state.source
    first = state.lines[top]
    line_start = first.start
    line_span: Span | None = None
    if stop - top == 1:  # most titles: one line, its span made once and kept if untrimmed
        line_end = first.end
        line_span = unchecked_span(line_start, line_end)
        if state.is_claimed(line_span):
            return
    else:
        line_end = state.lines[stop - 1].end
        if any(state.is_claimed(line.span) for line in state.lines[top:stop]):
            return
    # ``trimmed`` inline, on offsets: the title's lines without outer whitespace.
    whole_start, whole_end = line_start, line_end
    while whole_start < whole_end and source[whole_start] in _TRIM_SET:
        whole_start += 1
    while whole_end > whole_start and source[whole_end - 1] in _TRIM_SET:
        whole_end -= 1
    start, end = line_start, line_end
    # A link needs a ``[`` (a trimmed character is none), and most titles hold none.
    if source.find("[", whole_start, whole_end) >= 0:
        link = _LINK.fullmatch(source, start, end)
        if link is not None:
            start, end = link.span(_INNER)
    # The category pattern needs a colon, and most titles hold none.
    if source.find(":", start, end) >= 0:
        category = _CATEGORY.fullmatch(source, start, end)
        if category is not None and state.vocabulary.is_category(category[_CATEGORY_NAME]):
            category_span = trimmed(source, *category.span(_CATEGORY_NAME))
            state.set("category", clean_value(state, category_span, "category"), category_span)
            start = category.start(_REST)
    if start == line_start and end == line_end:
        # Neither a link nor a category cut: the title is the whole span, already trimmed.
        start, end = whole_start, whole_end
    else:
        while start < end and source[start] in _TRIM_SET:
            start += 1
        while end > start and source[end - 1] in _TRIM_SET:
            end -= 1
    text = source[start:end]
    # ``Vocabulary.strip_title_decorations`` is this call (a frozen class's delegation).
    cut_start, cut_end = state.vocabulary.title_decoration_set.strip(text)
    if cut_start or cut_end != len(text):
        # A decoration is cut (rare): the pieces around the title are claimed as chrome.
        _claim_decorated(state, whole_start, whole_end, start, end, cut_start, cut_end)
        return
    # Nothing cut (most titles): the title's span is the claim's when neither a link nor a
    # category cut it, and the line's own when it needed no trimming. Spans made unchecked:
    # their offsets are trimmed within a line's, start before end.
    if whole_start == line_start and whole_end == line_end and line_span is not None:
        whole = line_span
    else:
        whole = unchecked_span(whole_start, whole_end)
    if whole_end > whole_start:
        state.claim(whole, "title")
    if end > start:
        kept = whole if start == whole_start and end == whole_end else unchecked_span(start, end)
        # ``clean_value`` inline: ``repair_mojibake`` leaves ASCII as it is, so an ASCII
        # value is clean as collapsed and no defect is recorded.
        value = collapse(text)
        state.set("title", value if value.isascii() else clean_value(state, kept, "title"), kept)


def _claim_decorated(
    state: ParseState,
    whole_start: int,
    whole_end: int,
    start: int,
    end: int,
    cut_start: int,
    cut_end: int,
) -> None:
    """Claim and set a title cut from ``[start, end)`` to ``[start + cut_start, start + cut_end)``.

    The decorations cut (what is left of ``[start, end)`` before and after the title) are
    claimed as chrome, the rest of ``[whole_start, whole_end)`` as the title.
    """
    source = state.source
    kept = Span(start + cut_start, start + cut_end)
    pieces = (trimmed(source, start, kept.start), trimmed(source, kept.end, end))
    position = whole_start
    # Spans made unchecked: each lies in the title's, start before end, and ``claim``
    # checks every span it is given as ``Span`` would.
    for decoration in pieces:
        if not decoration:
            continue
        if decoration.start > position:
            state.claim(unchecked_span(position, decoration.start), "title")
        state.claim(decoration, "chrome")
        position = decoration.end
    if whole_end > position:
        state.claim(unchecked_span(position, whole_end), "title")
    if kept:
        state.set("title", clean_value(state, kept, "title"), kept)
