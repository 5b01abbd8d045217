"""The eleventh round's tail shortcuts answer as their plain forms."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.required import MAX_LISTED, CharacterScreen

# A few characters, ASCII and not, so that sets and texts often share some.
_CHARS = "ab|»›→·•–—' ’é"
_SETS = st.lists(
    st.frozensets(st.sampled_from(_CHARS), min_size=1, max_size=len(_CHARS)), max_size=4
)


def plain_admits(sets: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether ``text`` holds a character of each set, asked character by character."""
    return all(any(char in text for char in chars) for chars in sets)


@given(_SETS, st.text(_CHARS, max_size=12))
@example([frozenset("»›→")], "Home » News")
@example([frozenset("»›→")], "Home News")
@example([frozenset("ab"), frozenset("»›→·")], "b › c")
@example([frozenset("ab"), frozenset("»›→·")], "c › c")
def test_screen_admits_as_its_plain_form(sets: list[frozenset[str]], text: str) -> None:
    """Small sets looked for by ``in``, wide ones by a class scan: the same answer."""
    assert CharacterScreen(sets).admits(text) is plain_admits(tuple(sets), text)


def test_screens_of_every_width_are_tried() -> None:
    """The strategy reaches both sides of ``MAX_LISTED``: sets listed and sets scanned."""
    assert 1 < MAX_LISTED < len(_CHARS)
