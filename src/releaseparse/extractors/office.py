"""The issuing office line (``Office of the Spokesperson``, ``Bureau of Counterterrorism``)."""

from __future__ import annotations

import regex

from releaseparse.extractors._common import header_lines, set_text_at, trimmed
from releaseparse.extractors._kinds import KIND_OFFICE, office_start
from releaseparse.records import Span
from releaseparse.state import ParseState


def office(state: ParseState) -> None:
    """Set ``office`` from the header block's first office line."""
    if state.has("office"):
        return
    for line, _kind in header_lines(state, KIND_OFFICE):
        start = office_start(state.vocabulary, line.text)
        if start is None:
            continue
        if start:
            state.claim(Span(line.start, line.start + start), "chrome")
        end = _chrome_tail(state, line.text, start)
        set_text_at(state, "office", line.start + start, line.start + end, kind="office")
        if end < len(line.text) and line.text[end:].strip():
            tail = trimmed(state.source, line.start + end, line.end)
            state.claim(tail, "chrome")
        return


_WORD_START = regex.compile(r"(?<=\s)\S")


def _chrome_tail(state: ParseState, text: str, start: int) -> int:
    """Where site chrome glued after the office begins (``... Spokesman For Immediate Release``).

    The end of the line when nothing glued there reads as a chrome line.
    """
    vocabulary = state.vocabulary
    if vocabulary.is_office_without_chrome(text[start:]):
        return len(text)  # most office lines: every test below would fail
    for word in _WORD_START.finditer(text, start):
        # The office test first: a lookup, where the chrome test runs its patterns.
        if vocabulary.is_office(text[start : word.start()].strip()) and vocabulary.is_chrome(
            text[word.start() :]
        ):
            return word.start()
    return len(text)
