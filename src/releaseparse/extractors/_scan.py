"""The lines near the top of a source, each with its kind, and how to walk between them."""

from __future__ import annotations

from collections.abc import Iterator

from releaseparse.extractors._kinds import Kind, LineKinds
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
        """The kind of line ``index`` (``OTHER`` past the lines searched)."""
        return self.kinds[index] if 0 <= index < self.size else Kind.OTHER

    def kinds_in_order(self) -> Iterator[tuple[int, Kind]]:
        """``(index, kind)`` of the lines searched, from the top, each classified when reached."""
        kinds = self.kinds
        for index in range(self.size):
            yield index, kinds[index]

    def _step(self, index: int, direction: int) -> tuple[int, int] | None:
        """The next non-blank line from ``index`` going ``direction``, and the blanks crossed."""
        blanks = 0
        index += direction
        while 0 <= index < self.size:
            if self.kinds[index] != Kind.BLANK:
                return index, blanks
            blanks += 1
            index += direction
        return None

    def _neighbour(self, index: int, direction: int) -> Kind | None:
        found = self._step(index, direction)
        return None if found is None or found[1] > MAX_GAP else self.kinds[found[0]]

    def _adjacent(self, index: int, direction: int) -> Kind | None:
        found = self._step(index, direction)
        return None if found is None or found[1] else self.kinds[found[0]]

    def text(self, index: int) -> str:
        """The collapsed text of line ``index``."""
        return collapse(self.lines[index].text)
