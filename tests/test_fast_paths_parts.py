"""Tests for the parse state's numbered parts, unchecked turns, the guard and the chain loop."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse import guard
from releaseparse.errors import ExtractorError
from releaseparse.parser import Parser
from releaseparse.records import Span, Turn, unchecked_span, unchecked_turn
from releaseparse.state import ParseState

_SOURCE = "The Secretary met the Minister today.\n\nThey spoke of trade.\n"

#: An offset as an extractor might give one: mostly ints in and around the source,
#: sometimes a ``bool`` or a ``float`` (which the parts' check refuses).
_OFFSET = st.one_of(
    st.integers(min_value=-3, max_value=len(_SOURCE) + 3),
    st.integers(min_value=0, max_value=len(_SOURCE)),
    st.booleans(),
    st.floats(min_value=0, max_value=len(_SOURCE), allow_nan=False),
)


def _set_with_mapping(
    state: ParseState, value: object, span: Span, starts: list[int], ends: list[int]
) -> None:
    """The plain form of ``_set_numbered_parts``: the parts given to ``set`` as a mapping."""
    parts: dict[str, Span | tuple[int, int]] = {
        f"paragraphs.{number}": (start, end)
        for number, (start, end) in enumerate(zip(starts, ends, strict=True))
    }
    state.set("body", value, span, parts=parts)


def _outcome(state: ParseState, call: object) -> tuple[object, ...]:
    """What a call left: its error's message or none, and the state's fields and spans."""
    assert callable(call)
    try:
        call()
        error = None
    except ExtractorError as raised:
        error = str(raised)
    return error, list(state._spans.items()), dict(state._fields)


def _both(
    starts: list[int], ends: list[int], value: object = ("one", "two"), preset: bool = False
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    outcomes = []
    for fast in (True, False):
        state = ParseState(_SOURCE)
        state.extractor = "body"
        if preset:
            state.set("body", ("set before",), Span(0, 3))
        span = Span(0, 10)
        if fast:
            outcomes.append(
                _outcome(
                    state,
                    lambda state=state, span=span: state._set_numbered_parts(
                        "body", value, span, "paragraphs", starts, ends
                    ),
                )
            )
        else:
            outcomes.append(
                _outcome(
                    state,
                    lambda state=state, span=span: _set_with_mapping(
                        state, value, span, starts, ends
                    ),
                )
            )
    return outcomes[0], outcomes[1]


@given(st.lists(st.tuples(_OFFSET, _OFFSET), min_size=1, max_size=8))
@example([(0, 10), (12, 20)])
@example([(-1, 5)])
@example([(5, 4)])
@example([(0, len(_SOURCE) + 1)])
@example([(0, 5), (True, 8)])
@example([(0, 5), (6, 8.0)])
@example([(0, 0), (len(_SOURCE), len(_SOURCE))])
@example([(20, 30), (0, 10)])  # out of order: each part is still a span of the source
def test_numbered_parts_are_recorded_and_refused_as_set_does(pairs: list[tuple[int, int]]) -> None:
    starts = [start for start, _end in pairs]
    ends = [end for _start, end in pairs]
    fast, plain = _both(starts, ends)
    assert fast == plain


def test_numbered_parts_of_a_field_set_twice_or_of_a_bad_value_fail_as_set_does() -> None:
    fast, plain = _both([0, 5], [4, 9], preset=True)
    assert fast == plain
    assert "already set" in str(fast[0])
    fast, plain = _both([0, -5], [4, 9], preset=True)
    assert fast == plain
    assert "already set" in str(fast[0])
    fast, plain = _both([0, 5], [4, 9], value=["not", "a", "tuple"])
    assert fast == plain
    assert "cannot hold" in str(fast[0])


def test_numbered_parts_read_back_as_spans() -> None:
    state = ParseState(_SOURCE)
    state._set_numbered_parts("body", ("a", "b"), Span(0, 60), "paragraphs", [0, 39], [37, 60])
    assert state.span_of("body.paragraphs.1") == Span(39, 60)
    assert list(state.spans) == ["body", "body.paragraphs.0", "body.paragraphs.1"]


@given(st.text(max_size=20), st.text(max_size=40), st.integers(0, 50), st.integers(0, 50))
def test_an_unchecked_turn_is_the_turn(label: str, text: str, start: int, length: int) -> None:
    span = unchecked_span(start, start + length)
    made = unchecked_turn(label, text, span)
    plain = Turn(label, text, Span(start, start + length))
    assert made == plain
    assert hash(made) == hash(plain)
    assert repr(made) == repr(plain)
    assert pickle.loads(pickle.dumps(made)) == plain
    with pytest.raises(AttributeError):
        made.label = "changed"  # type: ignore[misc]


def test_watching_collects_and_restores_the_outer_watch() -> None:
    assert not guard.gave_up()
    with guard.watching() as outer:
        outer.append("outer pattern")
        with guard.watching() as inner:
            assert inner == []
            assert inner is not outer
            assert not guard.gave_up()
            inner.append("inner pattern")
            assert guard.gave_up()
        assert guard._local.given_up is outer
        with pytest.raises(KeyError), guard.watching():
            raise KeyError("inside")
        assert guard._local.given_up is outer
    assert getattr(guard._local, "given_up", None) is None


def test_the_chain_runs_the_enabled_extractors_in_order_as_iter_gives_them() -> None:
    calls: list[str] = []
    parser = Parser(builtins=False)
    for name in ("first", "second", "third", "fourth"):
        parser.add(name, lambda state, name=name: calls.append(f"{name}:{state.extractor}"))
    parser.disable("second", "fourth")
    parser.parse("A short note.\n")
    assert calls == [f"{name}:{name}" for name, _extractor in parser]
    assert calls == ["first:first", "third:third"]


def test_a_failing_extractor_is_named_when_recorded() -> None:
    def broken(state: ParseState) -> None:
        raise ValueError("no")

    parser = Parser(on_extractor_error="record")
    parser.add("broken", broken, before="body")
    release = parser.parse("Office of the Spokesperson\n\nA short note.\n")
    failed = [defect for defect in release.defects if defect.code == "extractor.failed"]
    assert [defect.message for defect in failed] == ["extractor 'broken' failed: ValueError: no"]
