"""Splitting the source into lines that keep their absolute offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

from releaseparse.records import Span, unchecked_span

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")


class Line(NamedTuple):
    """One line of the source: its text without terminator and where it lies.

    ``number`` counts lines from 0; ``start``/``end`` bound the text; ``stop`` is past
    the line terminator, so the
    lines' ``[start, stop)`` ranges tile the source.
    """

    number: int
    start: int
    end: int
    stop: int
    text: str

    @property
    def span(self) -> Span:
        """The span of the line's text, terminator excluded."""
        return unchecked_span(self.start, self.end)

    @property
    def whole(self) -> Span:
        """The span of the line with its terminator."""
        return unchecked_span(self.start, self.stop)


def split_lines(source: str) -> tuple[Line, ...]:
    r"""Split on ``\r\n``, ``\r`` and ``\n``; a trailing terminator opens no empty line."""
    size = len(source)
    lines: list[Line] = []
    append = lines.append
    for index, match in enumerate(_LINE.finditer(source)):
        start, stop = match.span()
        if start == size:
            break
        text = match[1]
        # tuple.__new__ skips the NamedTuple constructor's argument handling: a third of
        # the cost of splitting, on every line of every input.
        append(_new_line(Line, (index, start, start + len(text), stop, text)))
    return tuple(lines)


_new_line = tuple.__new__
