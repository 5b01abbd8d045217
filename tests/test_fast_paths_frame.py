"""The frame's fast paths (the lines, the parse state, the record) against their plain forms."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.lines import Line, split_lines, split_lines_by_pattern

#: Line texts: no terminator in them (the tests below put those in).
_TEXTS = st.lists(st.text(alphabet=st.sampled_from("ab \u2028\x0c\x85"), max_size=6), max_size=8)


def _same_lines(source: str) -> None:
    lines = split_lines(source)
    assert lines == split_lines_by_pattern(source), repr(source)
    assert all(type(line) is Line for line in lines)


@given(_TEXTS, st.booleans())
@example([], False)
@example([""], True)
@example(["a", ""], False)
def test_lines_of_newline_text(texts: list[str], trailing: bool) -> None:
    """Text with no ``\\r``: ``str.split`` on ``\\n``."""
    _same_lines("\n".join(texts) + ("\n" if trailing else ""))


@given(_TEXTS, st.booleans())
@example(["a", "", "b"], True)
def test_lines_of_windows_text(texts: list[str], trailing: bool) -> None:
    """Every line end a ``\\r\\n``: ``str.split`` on the pair."""
    _same_lines("\r\n".join(texts) + ("\r\n" if trailing else ""))


@given(st.lists(st.tuples(_TEXTS.map("".join), st.sampled_from(["\r", "\n", "\r\n"]))), _TEXTS)
@example([("a", "\r")], [])
@example([("a", "\r\n"), ("b", "\n")], ["c"])
@example([("", "\r"), ("", "\n")], [])
def test_lines_of_mixed_text(pieces: list[tuple[str, str]], last: list[str]) -> None:
    """Any mix of terminators: the pattern's pieces, read in a loop."""
    _same_lines("".join(text + end for text, end in pieces) + "".join(last))


@given(st.text(alphabet=st.sampled_from("a\r\n"), max_size=16))
@example("\r\r\n")
@example("\n\r")
def test_lines_of_any_text(source: str) -> None:
    _same_lines(source)
