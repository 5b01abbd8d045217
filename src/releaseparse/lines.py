"""Splitting the source into lines that keep their absolute offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

from releaseparse.records import Span

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
        return Span(self.start, self.end)

    @property
    def whole(self) -> Span:
        """The span of the line with its terminator."""
        return Span(self.start, self.stop)


def split_lines(source: str) -> tuple[Line, ...]:
    r"""Split on ``\r\n``, ``\r`` and ``\n``; a trailing terminator opens no empty line."""
    size = len(source)
    lines = []
    for index, match in enumerate(_LINE.finditer(source)):
        start = match.start()
        if start == size:
            break
        lines.append(Line(index, start, match.end(1), match.end(), match.group(1)))
    return tuple(lines)
