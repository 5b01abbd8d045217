"""Splitting the source into lines that keep their absolute offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate, chain, count, islice, repeat
from operator import add
from typing import NamedTuple

from releaseparse.records import Span, unchecked_span

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")
#: A line terminator, kept by ``split``: texts and terminators alternate.
_TERMINATOR = re.compile(r"(\r\n|\r|\n)")


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
    carriage_returns = source.count("\r")
    if carriage_returns and carriage_returns != source.count("\r\n"):
        # A lone \r ends a line too: the pattern splits on each terminator, kept.
        pieces = _TERMINATOR.split(source)
        texts = pieces[0::2]
        return _lines(texts, map(add, map(len, texts), map(len, pieces[1::2])))
    # Only \n (each \r is part of a \r\n): str.split does the scanning, three times faster
    # than a pattern on the real feed. Same lines as ``split_lines_by_pattern``. (A loop
    # here, not ``_lines``: on lines that need no pattern the loop costs as little.)
    texts = source.split("\n")
    ends_open = texts[-1] != ""
    if not ends_open:
        texts.pop()  # after the last terminator: no line
    lines: list[Line] = []
    append = lines.append
    start = 0
    for number, text in enumerate(texts):
        stop = start + len(text) + 1
        if carriage_returns and text[-1:] == "\r":
            text = text[:-1]
        # tuple.__new__ skips the NamedTuple constructor's argument handling.
        append(_new_line(Line, (number, start, start + len(text), stop, text)))
        start = stop
    if ends_open:  # the last line has no terminator: it stops where its text ends
        number, start, end, _stop, text = lines[-1]
        lines[-1] = _new_line(Line, (number, start, end, end, text))
    return tuple(lines)


def _lines(texts: list[str], widths: Iterable[int]) -> tuple[Line, ...]:
    """The lines of the source cut into ``texts``, each followed by a terminator.

    ``widths`` gives each line's length with its terminator, the last piece's (which has
    none) may be left out: that piece is a line unless it is empty (after a trailing
    terminator, or of an empty source). Built by C-level ``map`` and ``zip`` over the
    lines, no Python code run per line.
    """
    if texts[-1]:
        # The last line has no terminator: it stops where its text ends.
        widths = chain(islice(widths, len(texts) - 1), (len(texts[-1]),))
    else:
        texts.pop()  # after the last terminator: no line
    stops = list(accumulate(widths))
    del stops[len(texts) :]
    starts = [0, *stops]
    starts.pop()
    ends = map(add, starts, map(len, texts))
    # tuple.__new__ skips the NamedTuple constructor's argument handling.
    return tuple(map(_new_line, repeat(Line), zip(count(), starts, ends, stops, texts)))


def split_lines_by_pattern(source: str) -> tuple[Line, ...]:
    r"""``split_lines`` by one pattern: the way for text with a lone ``\r`` line end."""
    size = len(source)
    lines: list[Line] = []
    append = lines.append
    for index, match in enumerate(_LINE.finditer(source)):
        start, stop = match.span()
        if start == size:
            break
        text = match[1]
        append(_new_line(Line, (index, start, start + len(text), stop, text)))
    return tuple(lines)


_new_line = tuple.__new__
