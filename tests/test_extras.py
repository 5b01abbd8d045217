"""Extras: a value JSON cannot keep is refused where it is set; one it keeps survives JSON."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from releaseparse import ExtractorError, Parser, ParseState, Release, Span
from releaseparse.serialize import MAX_EXTRA_DEPTH
from tests.conftest import FIXTURES

TEXT = "Harbor Grants Announced\n\nMedia Note\nNovember 16, 2017\n\nOfficials met.\n"


def _parse_with(value: object, name: str = "tags") -> Release:
    def tagger(state: ParseState) -> None:
        state.set(name, value, Span(0, 6))

    parser = Parser()
    parser.add("tagger", tagger, after="date")
    return parser.parse(TEXT)


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


_LOOP: list[object] = []
_LOOP.append(_LOOP)


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ({"a", "b"}, "a set"),
        (frozenset({1}), "a frozenset"),
        (object(), "an object"),
        (b"bytes", "a bytes"),
        (Decimal("1.5"), "a Decimal"),
        (math.nan, "nan"),
        (math.inf, "inf"),
        (dt.datetime(2019, 3, 5, 10, 30), "a datetime"),
        ({1: "one"}, "a dict key that is no str"),
        ({"$date": "2019-03-05"}, "a dict whose only key is '\\$date'"),
        ({"$time": "10:30"}, "a dict whose only key is '\\$time'"),
        (["ok", {"deep": {1, 2}}], r"a set \(\{1, 2\}\) at \[1\]\['deep'\]"),
        (_nested(MAX_EXTRA_DEPTH + 1), "lists and dicts nested deeper than 32"),
        (_LOOP, "lists and dicts nested deeper than 32"),
    ],
)
def test_a_value_json_cannot_keep_is_refused_naming_the_extractor_and_field(
    value: object, what: str
) -> None:
    with pytest.raises(
        ExtractorError, match=rf"^extractor 'tagger': field 'tags' cannot hold {what}"
    ):
        _parse_with(value)


def test_the_refusal_lists_what_an_extra_may_hold() -> None:
    with pytest.raises(ExtractorError) as raised:
        _parse_with({"a"})
    assert "an extra's value is None, bool, int, a finite float, str" in str(raised.value)


def test_a_list_is_kept_as_a_tuple_and_the_record_survives_json_unchanged() -> None:
    release = _parse_with(["a", ["b", 1]], name="release_tags")
    assert release.extras["release_tags"] == ("a", ("b", 1))
    again = Release.from_dict(json.loads(json.dumps(release.to_dict())))
    assert again == release
    assert again.extras["release_tags"] == ("a", ("b", 1))


def test_the_record_holds_a_copy_the_extractor_cannot_change_later() -> None:
    kept: list[object] = []
    inner = {"k": [1]}

    def tagger(state: ParseState) -> None:
        value = [inner]
        kept.append(value)
        state.set("tags", value, Span(0, 6))

    parser = Parser()
    parser.add("tagger", tagger)
    release = parser.parse(TEXT)
    inner["k"].append(2)
    assert release.extras["tags"] == ({"k": (1,)},)


def test_subclasses_become_the_plain_types() -> None:
    class Label(str):
        def __str__(self) -> str:
            return "changed"

    class Day(dt.date):
        pass

    release = _parse_with({"label": Label("x"), "day": Day(2019, 3, 5), "flag": True})
    value = release.extras["tags"]
    assert isinstance(value, dict)
    assert type(value["label"]) is str
    assert value["label"] == "x"
    assert type(value["day"]) is dt.date
    assert value["flag"] is True


# A value an extractor may set: JSON's types, dates and times, nested.
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.dates()
    | st.times()
    | st.times(timezones=st.timezones().filter(lambda zone: isinstance(zone, dt.timezone)))
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=5), children, max_size=3).filter(
            lambda value: list(value) not in (["$date"], ["$time"])
        )
    ),
    max_leaves=12,
)


@given(_VALUES)
def test_every_value_an_extra_may_hold_is_the_same_after_json(value: object) -> None:
    release = _parse_with(value)
    again = Release.from_dict(json.loads(json.dumps(release.to_dict())))
    assert again.extras == release.extras
    assert again == release
    assert release.to_row()["extras"] is not None


_BAD_PROFILE = """
from releaseparse import DEFAULT_VOCABULARY, Profile, Span

def tags(state):
    state.set("tags", {"a", "b"}, Span(0, 1))

PROFILE = Profile("tagging", DEFAULT_VOCABULARY, (("tags", tags),))
"""


def test_the_cli_with_workers_names_the_extractor_not_a_dead_worker(tmp_path: Path) -> None:
    """Before the check, each input failed later as ``WorkerDied`` under ``-j 2``."""
    (tmp_path / "tagging.py").write_text(_BAD_PROFILE, encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "b.txt"):
        (inputs / name).write_bytes((FIXTURES / "a_speaker.txt").read_bytes())
    out = tmp_path / "out.jsonl"
    arguments = ["parse", str(inputs), "-o", str(out), "-j", "2", "--profile", "tagging:PROFILE"]
    result = subprocess.run(
        [sys.executable, "-m", "releaseparse", *arguments],
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert b"WorkerDied" not in result.stderr
    assert result.stderr.count(b"extractor 'tags': field 'tags' cannot hold a set") == 2
