"""Splitting the source into lines that keep their absolute offsets."""

from __future__ import annotations

import re
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
    if not carriage_returns:
        # Only \n: str.split does the scanning, three times faster than a pattern on the
        # real feed. Same lines as ``split_lines_by_pattern``.
        return _lines_ending_with(source.split("\n"), 1)
    windows_ends = source.count("\r\n")
    if carriage_returns == windows_ends == source.count("\n"):
        # Every line end is a \r\n (no \r nor \n outside one): split on the pair.
        return _lines_ending_with(source.split("\r\n"), 2)
    # A lone \r, or \r\n mixed with \n: the pattern splits on each terminator, kept.
    return _lines_of_pieces(_TERMINATOR.split(source))


def _lines_ending_with(texts: list[str], width: int) -> tuple[Line, ...]:
    """The lines of a source split into ``texts`` at terminators ``width`` characters long.

    The last piece is a line without a terminator, unless it is empty (after a trailing
    terminator, or of an empty source).
    """
    ends_open = texts[-1] != ""
    if not ends_open:
        texts.pop()  # after the last terminator: no line
    # A list of the right size filled in place: no ``append`` called a line.
    lines: list[Line] = [_NO_LINE] * len(texts)
    start = 0
    for number, text in enumerate(texts):
        end = start + len(text)
        stop = end + width  # once: past 256 each sum is a new int
        # tuple.__new__ skips the NamedTuple constructor's argument handling.
        lines[number] = _new_line(Line, (number, start, end, stop, text))
        start = stop
    if ends_open:  # the last line has no terminator: it stops where its text ends
        number, start, end, _stop, text = lines[-1]
        lines[-1] = _new_line(Line, (number, start, end, end, text))
    return tuple(lines)


def _lines_of_pieces(pieces: list[str]) -> tuple[Line, ...]:
    """The lines of a source split into texts and the terminators after them, alternately.

    ``pieces`` is ``_TERMINATOR.split``'s answer: it starts and ends with a text, which
    is a line unless it is the empty last one.
    """
    texts = pieces[0::2]
    terminators = pieces[1::2]
    if texts[-1]:
        terminators.append("")  # the last line has no terminator
    else:
        texts.pop()  # after the last terminator: no line
    lines: list[Line] = [_NO_LINE] * len(texts)
    start = 0
    for number, text in enumerate(texts):
        end = start + len(text)
        stop = end + len(terminators[number])
        lines[number] = _new_line(Line, (number, start, end, stop, text))
        start = stop
    return tuple(lines)


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
#: What fills a list of lines before each is made.
_NO_LINE = _new_line(Line, (-1, 0, 0, 0, ""))
