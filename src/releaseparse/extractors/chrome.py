"""Site chrome before the body (``printable banner``, ``.gov`` banners, breadcrumbs): set aside."""

from __future__ import annotations

from releaseparse.extractors._block import Layout, layout
from releaseparse.extractors._kinds import KIND_CHROME, Kind, kind_memo, label_of, looks_like_prose
from releaseparse.state import ParseState
from releaseparse.text import collapse, is_blank
from releaseparse.vocabulary import Vocabulary

#: The kinds that end the walk at the block or below it: the body's first paragraph.
_PARAGRAPH = frozenset({Kind.PROSE, Kind.LABEL})


def chrome(state: ParseState) -> None:
    """Claim every line above the body that reads as site chrome."""
    found = layout(state)
    block = found.block
    first = 0 if block is None else block.start  # where a paragraph ends the walk
    known = found.kinds
    for index in range(found.size):
        kind = known.get(index)  # most lines above the body are classified by the layout
        if kind is None:
            kind = _kind_unless_plain(state, found, index)
        if kind is KIND_CHROME:  # kinds are ``Kind`` members: identity is equality
            state.claim(state.lines[index].span, "chrome")
        elif kind in _PARAGRAPH and index >= first:
            break


def _kind_unless_plain(state: ParseState, found: Layout, index: int) -> Kind | None:
    """The kind of line ``index``, unless it can be no chrome, prose or label line: ``None``.

    The walk acts only on those three kinds. A line not classified yet (a text seen on an
    earlier page answers from the memo) is classified only if it may be one of them:
    the lines of a briefing's topic index, under its header, are short plain lines that
    ``classify`` reads through every one of its tests (names, roles, places, flattened
    headers), and ``chrome`` is the only step to read them.
    """
    text = state.lines[index].text
    if text not in kind_memo(state.vocabulary) and not _may_be_acted_on(state.vocabulary, text):
        return None
    return found.kind(index)


def _may_be_acted_on(vocabulary: Vocabulary, text: str) -> bool:
    """``False`` only where ``classify`` reads ``text`` as no chrome, prose or label line.

    ``classify`` reads a line as chrome only if ``is_chrome`` holds, as a label only if
    ``label_of`` finds one, and as prose only if ``looks_like_prose`` holds, each on the
    collapsed text of a line with some (``LineKinds`` only ever turns a role into
    another kind). A line none of the three holds for is neither. ``is_chrome``, the
    dearest, is asked last: a line of the body's first paragraph is then classified
    without asking it twice.
    """
    if is_blank(text):
        return False
    line = collapse(text)
    return (
        label_of(vocabulary, line) is not None
        or looks_like_prose(line)
        or vocabulary.is_chrome(line)
    )
