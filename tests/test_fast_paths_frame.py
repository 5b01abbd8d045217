"""The frame's fast paths (the lines, the parse state, the record) against their plain forms."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import releaseparse
from releaseparse.assemble import _HEADER_FIELDS, _NONE, _origins, assemble
from releaseparse.lines import Line, split_lines, split_lines_by_pattern
from releaseparse.records import FROM_TEXT, Speaker, turn_table
from releaseparse.state import ParseState

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


#: What ``BUILTIN_FIELDS`` lets into a header field (midnight included: it is no none).
_HEADER_VALUES = st.one_of(
    st.none(),
    st.text(max_size=3),
    st.lists(st.builds(Speaker, st.text(max_size=3)), max_size=2).map(tuple),
    st.dates(),
    st.datetimes(),
    st.times(),
)


@given(st.lists(_HEADER_VALUES, min_size=len(_HEADER_FIELDS), max_size=len(_HEADER_FIELDS)))
def test_origins_of_header_values(values: list[object]) -> None:
    """``compress`` on the values' truth keeps the fields ``_NONE`` keeps, in order."""
    plain = {
        name: FROM_TEXT
        for name, value in zip(_HEADER_FIELDS, values, strict=True)
        if value not in _NONE
    }
    found = _origins(values)
    assert found == plain
    assert list(found) == list(plain)


@pytest.mark.parametrize(
    "source",
    ["Press Statement\nMarch 3, 2020\n\nSome text.\n", "QUESTION: Why?\n\nMR DOE: Because.\n"],
)
def test_turns_of_the_record(source: str) -> None:
    """A body with no turns gets the empty table without ``turn_table``'s call."""
    state = ParseState(source)
    for name, extractor in releaseparse.Parser():
        state.extractor = name
        extractor(state)
    turns = state.get("turns", ())
    assert isinstance(turns, tuple)
    record = assemble(state)
    assert record.body._turns == turn_table(turns)
    assert record.body.turns == turns
