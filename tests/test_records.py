"""Records: spans, serialisation round-trips, immutability and pickling."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import attrs
import pytest

import releaseparse
from releaseparse import Release, Span
from tests.conftest import FIXTURES

SAMPLE = (FIXTURES / "a_speaker.txt").read_bytes()


def test_span_rejects_backwards_ranges() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(5, 2)
    with pytest.raises(ValueError, match="invalid span"):
        Span(-1, 2)


def test_to_dict_is_json_safe_and_round_trips() -> None:
    release = releaseparse.parse(SAMPLE)
    data = release.to_dict()
    assert data["header"]["date"] == "2017-10-16"
    assert data["header"]["speakers"] == [
        {"name": "Rex W. Tillerson", "role": "Secretary of State"}
    ]
    again = Release.from_dict(json.loads(json.dumps(data)))
    assert again == release
    assert again.header.date == dt.date(2017, 10, 16)


def test_extras_round_trip_with_dates_and_lists() -> None:
    release = attrs.evolve(
        releaseparse.parse(SAMPLE),
        extras={"numbers": ["2016/0231"], "event": dt.date(2017, 1, 2), "count": 3},
    )
    again = Release.from_dict(json.loads(json.dumps(release.to_dict())))
    assert again.extras == {"numbers": ("2016/0231",), "event": dt.date(2017, 1, 2), "count": 3}


def test_records_are_frozen() -> None:
    release = releaseparse.parse(SAMPLE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        release.source = ""  # type: ignore[misc]
    with pytest.raises(TypeError):
        release.spans["title"] = Span(0, 0)  # type: ignore[index]


def test_release_pickles() -> None:
    release = releaseparse.parse(SAMPLE)
    assert pickle.loads(pickle.dumps(release)) == release


def test_body_text_joins_paragraphs() -> None:
    release = releaseparse.parse(SAMPLE)
    assert release.body.text == "\n\n".join(release.body.paragraphs)


def test_release_parse_error_pickles() -> None:
    with pytest.raises(releaseparse.ReleaseParseError) as caught:
        releaseparse.parse("", strict=True)
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value)
    assert again.field == caught.value.field


def test_defect_field_is_first_part_of_code() -> None:
    release = releaseparse.parse("")
    assert {d.field for d in release.defects} >= {"title", "date", "body"}


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_every_fixture_record_pickles_to_an_equal_record(path: Path) -> None:
    """Records cross processes in parse_many through their compact pickled form."""
    release = releaseparse.parse(path.read_bytes())
    again = pickle.loads(pickle.dumps(release))
    assert again == release
    assert again.to_dict() == release.to_dict()
    assert type(again.spans) is type(release.spans)
