"""The eleventh round's header shortcuts answer as their plain forms."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse import decorations
from releaseparse.decorations import DecorationSet
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.vocabulary import DEFAULT_VOCABULARY

# -- the title decorations' screen ----------------------------------------------------------

#: The decoration sets of the built-in vocabularies (each joined into a screen).
DECORATION_SETS = tuple(
    vocabulary.title_decoration_set for vocabulary in (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)
)
#: Characters the screens read, and a few they do not: titles drawn from these meet every
#: group's sets in many combinations.
_SCREENED = sorted(
    {char for chars in DECORATION_SETS for sets in chars._screen._sets for s in sets for char in s}
)
_TITLE_CHARACTERS = st.sampled_from([*_SCREENED, "F", "w", "d", "S", "e", "o", "1", "\u00a0"])
_DECORATED = st.sampled_from(
    ["Fwd: ", "[News] ", " | Site", " - Transcript", " -- Transcript", " [Video]", "Logo | "]
)
decorated_titles = st.builds(
    lambda head, body, tail: head + body + tail,
    st.one_of(st.just(""), _DECORATED),
    st.text(_TITLE_CHARACTERS, max_size=24),
    st.one_of(st.just(""), _DECORATED),
)


def plain_may_cut(decoration_set: DecorationSet, text: str) -> bool:
    """``_Screen.may_cut`` asking each gated group's own screen of ``text`` in turn."""
    screen = decoration_set._screen
    assert screen is not None
    if any(find(text) is not None for find in screen.open):
        return True
    if screen.gate is None or screen.gate.search(text) is None:
        return False
    return any(admits(text) and find(text) is not None for admits, find in screen.gated)


@given(decorated_titles, st.sampled_from(DECORATION_SETS))
@example("Fwd: Harbor Grants | example.com", DECORATION_SETS[0])
@example("Remarks -- Transcript", DECORATION_SETS[0])
def test_the_decoration_screen_answers_as_each_groups_own_screen(
    text: str, decoration_set: DecorationSet
) -> None:
    screen = decoration_set._screen
    assert screen is not None
    present = screen._chars.intersection(text)
    admitted = [find for admits, find in screen.gated if admits(text)]
    assert list(screen._admits(present)) == admitted
    assert screen.may_cut(text) is plain_may_cut(decoration_set, text)


def test_the_decoration_screens_memo_stops_growing_and_answers_the_same() -> None:
    decoration_set = DecorationSet(
        DEFAULT_VOCABULARY.title_prefixes, DEFAULT_VOCABULARY.title_suffixes
    )
    screen = decoration_set._screen
    assert screen is not None
    texts = ["Fwd: A title", "A title | Site", "[x] A - B", "A: B", "A -- Transcript", "A.B - C"]
    for text in texts:
        assert screen.may_cut(text) is plain_may_cut(decoration_set, text)
    assert 0 < len(screen._admitted) <= decorations.ADMITTED_MEMO
    full = dict.fromkeys((frozenset({str(n)}) for n in range(decorations.ADMITTED_MEMO)), ())
    screen._admitted.clear()
    screen._admitted.update(full)
    for text in texts:
        assert screen.may_cut(text) is plain_may_cut(decoration_set, text)
    assert len(screen._admitted) == decorations.ADMITTED_MEMO
