"""The disclaimer's copies found in their plain form, as before the twelfth round (for the tests).

``plain_copies`` yields each template's copies in turn and ``plain_find`` chooses among
them; ``disclaimer._last_copy`` does both in one loop and is checked against them.
"""

from __future__ import annotations

from collections.abc import Iterator

from releaseparse.extractors.disclaimer import (
    MIN_TRUNCATED_CHARS,
    _candidate_lines,
    _openings,
    _walk,
)
from releaseparse.lines import Line
from releaseparse.records import Span
from releaseparse.state import ParseState


def plain_copies(
    state: ParseState, start: int, lines: list[Line] | None = None
) -> Iterator[tuple[str, Span, int, bool]]:
    """Each template copy opening after ``start``: template, span, chars matched, complete.

    ``lines`` are the lines to try, ``_candidate_lines`` from ``start`` or from an
    earlier offset (``_openings`` passes over the lines before ``start``).
    """
    source = state.source
    if lines is None:
        lines = _candidate_lines(state, start)
    for template in state.vocabulary.disclaimers:
        for match in _openings(state, template, start, lines):
            end, matched, complete = _walk(source, match.start(1), template)
            yield template, Span(match.start(1), end), matched, complete


def plain_find(
    state: ParseState, start: int, lines: list[Line] | None = None
) -> tuple[str, Span, bool] | None:
    """The last complete copy of a template after ``start``, else a copy cut off at the end.

    ``lines`` as for ``plain_copies``.
    """
    # Where only whitespace is left: worked out once, and only for a cut-off copy (most
    # pages have none, and stripping copies the page).
    text_end = -1
    best: tuple[str, Span, bool] | None = None
    for template, span, matched, complete in plain_copies(state, start, lines):
        if complete:
            if best is None or not best[2] or span.start > best[1].start:
                best = (template, span, True)
        elif matched >= MIN_TRUNCATED_CHARS and (best is None or not best[2]):
            if text_end < 0:
                text_end = len(state.source.rstrip())
            if span.end >= text_end:
                best = (template, span, False)
    return best
