"""The line kinds' shortcuts of a second round answer as the plain forms do."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors._kinds import prose_line
from releaseparse.text import collapse
from tests import plain_kinds
from tests.strategies import paragraphs, titles

#: Words around the prose test's thresholds: content words, capitalised ones, function
#: words, words past ASCII, and words ending a sentence.
_PROSE_WORDS = st.sampled_from(
    ["the", "of", "harbor", "grants", "Harbor", "Grants", "a", "élan", "Été", "sobre",
     "“quoted", "x.", "done.”", "why?", "[note]", "日本語", "  ", "\u00a0", "\n"]
)  # fmt: skip
_PROSE_TEXTS = st.one_of(
    st.text(max_size=60),
    titles(),
    paragraphs(),
    st.lists(_PROSE_WORDS, max_size=16).map(" ".join),
    st.lists(_PROSE_WORDS, max_size=16).map("".join),
)


@given(_PROSE_TEXTS)
@example("harbor grants harbor Harbor Harbor Harbor")  # six words: three content words needed
@example("harbor grants Harbor Harbor Harbor Harbor Harbor")  # seven: three needed
@example("harbor grants Harbor Harbor Harbor Harbor Harbor Harbor Harbor Harbor Harbor")
@example("Harbor Harbor Harbor Harbor Harbor Harbor Harbor x.")  # eight words, a sentence
@example("Harbor Harbor Harbor Harbor Harbor Harbor x.")  # seven words: no sentence counted
def test_prose_line_answers_as_the_plain_prose_test(text: str) -> None:
    line = collapse(text)
    assert prose_line(line) is plain_kinds.looks_like_prose(text)


def test_prose_line_around_its_thresholds() -> None:
    # Each count of words, and of content words among them, with and without a full stop.
    for count in range(1, 16):
        for content in range(count + 1):
            words = ["harbor"] * content + ["Harbor"] * (count - content)
            for text in (" ".join(words), " ".join(reversed(words)), " ".join(words) + "."):
                assert prose_line(text) is plain_kinds.looks_like_prose(text), text
