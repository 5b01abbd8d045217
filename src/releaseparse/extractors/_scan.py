"""The lines near the top of a source, each with its kind, and how to walk between them."""

from __future__ import annotations

from collections.abc import Iterator

from releaseparse.extractors._kinds import KIND_BLANK, KIND_OTHER, Kind, LineKinds
from releaseparse.state import ParseState
from releaseparse.text import collapse

#: Lines read when looking for the header block.
SEARCH_LINES = 150
#: Blank lines allowed between two lines of one block.
MAX_GAP = 3


class LineScan:
    """The kinds of the first ``SEARCH_LINES`` lines of a parse state, each read when asked."""

    def __init__(self, state: ParseState) -> None:
        self.lines = state.lines
        self.vocabulary = state.vocabulary
        self.self_titled = state.vocabulary.self_titled_keys
        #: How many lines (from the top) are searched; ``kinds`` has one for each.
        self.size = min(len(state.lines), SEARCH_LINES)
        self.kinds = LineKinds(state.vocabulary, state.lines[: self.size])

    def kind(self, index: int) -> Kind:
        """The kind of line ``index`` (``KIND_OTHER`` past the lines searched)."""
        return self.kinds[index] if 0 <= index < self.size else KIND_OTHER

    def kinds_in_order(self) -> Iterator[tuple[int, Kind]]:
        """``(index, kind)`` of the lines searched, from the top, each classified when reached."""
        kinds = self.kinds
        for index in range(self.size):
            yield index, kinds[index]

    def _step(self, index: int, direction: int) -> tuple[int, int] | None:
        """The next non-blank line from ``index`` going ``direction``, and the blanks crossed."""
        kinds, size = self.kinds, self.size
        blanks = 0
        index += direction
        while 0 <= index < size:
            if kinds[index] != KIND_BLANK:
                return index, blanks
            blanks += 1
            index += direction
        return None

    def _near(self, index: int, direction: int) -> int | None:
        """The next non-blank line from ``index`` going ``direction``, within ``MAX_GAP`` blanks.

        ``_step`` with its gap checked, stopping at the blank line past the gap: the line
        beyond it, which is not the answer, is not classified.
        """
        kinds, size = self.kinds, self.size
        for _ in range(MAX_GAP + 1):
            index += direction
            if not 0 <= index < size:
                return None
            if kinds[index] != KIND_BLANK:
                return index
        return None

    def _neighbour(self, index: int, direction: int) -> Kind | None:
        """The kind of the next non-blank line going ``direction``, within ``MAX_GAP`` blanks."""
        found = self._near(index, direction)
        return None if found is None else self.kinds[found]

    def _adjacent(self, index: int, direction: int) -> Kind | None:
        """The kind of the next line going ``direction``; ``None`` if it is blank or absent.

        ``_step`` with no blank line allowed: only that one line is looked at.
        """
        index += direction
        if not 0 <= index < self.size:
            return None
        kind = self.kinds[index]
        return None if kind == KIND_BLANK else kind

    def text(self, index: int) -> str:
        """The collapsed text of line ``index``."""
        return collapse(self.lines[index].text)
