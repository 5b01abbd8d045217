"""Records: spans, serialisation round-trips, immutability and pickling."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sys
from array import array
from pathlib import Path
from typing import Literal

import attrs
import pytest

import releaseparse
from releaseparse import Release, Span, records
from releaseparse.records import FrozenMap
from tests.conftest import FIXTURES
from tests.legacy import compact_parts_pickled_before

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


@pytest.mark.parametrize("swap", [False, True])
def test_offsets_pickle_as_little_endian_bytes_on_either_byte_order(
    swap: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offsets travel as little-endian bytes: a big-endian machine swaps them both ways."""
    monkeypatch.setattr(records, "_SWAP", swap)
    offsets = array("q", [0, 7, 7, 2**40, 5])
    packed = records._packed(offsets)
    other = "big" if sys.byteorder == "little" else "little"
    order: Literal["little", "big"] = other if swap else sys.byteorder  # type: ignore[assignment]
    assert packed == b"".join(n.to_bytes(8, order) for n in offsets)
    assert records._unpacked(packed) == offsets
    assert records._unpacked(offsets) is offsets  # an array pickled before loads as it is
    release = releaseparse.parse(SAMPLE)
    again = pickle.loads(pickle.dumps(release))
    assert again == release
    assert list(again.spans.items()) == list(release.spans.items())
    assert again.regions == release.regions
    assert again.extras == release.extras


# -- unpickled records: the header and body are built when first read -------------------


@pytest.mark.parametrize("name", ["a_speaker", "a_note_interview", "a_media_note"])
def test_an_unpickled_record_builds_its_header_and_body_when_read(name: str) -> None:
    release = releaseparse.parse((FIXTURES / f"{name}.txt").read_bytes())
    again = pickle.loads(pickle.dumps(release))
    assert type(again._header) is tuple  # packed, not built yet
    assert type(again._body) is tuple
    assert again == release  # equal while still packed
    assert pickle.loads(pickle.dumps(again)) == release  # passed on unread
    assert again.header == release.header
    assert again.header is again.header  # built once, then kept
    assert again.body == release.body
    assert again.body is again.body
    assert again.body.turns == release.body.turns
    assert again.to_dict() == release.to_dict()


def test_positional_patterns_bind_the_public_attributes() -> None:
    release = pickle.loads(pickle.dumps(releaseparse.parse(SAMPLE)))
    match release:
        case Release(header, body, _, _, spans, regions):
            assert header is release.header
            assert body is release.body
            assert spans is release.spans
            assert regions is release.regions
        case _:
            pytest.fail("a Release did not match its own class pattern")


def test_an_unpickled_record_evolves_before_its_header_is_read() -> None:
    release = releaseparse.parse(SAMPLE)
    again = pickle.loads(pickle.dumps(release))
    later = attrs.evolve(again, url="https://example.org/1")
    assert later.header == release.header
    assert later.body == release.body
    assert later.url == "https://example.org/1"


def test_a_header_date_that_is_no_plain_date_pickles_as_it_is() -> None:
    """Dates travel as ordinals; a ``datetime`` a custom extractor set keeps its time."""
    release = releaseparse.parse(SAMPLE)
    moment = dt.datetime(2017, 10, 16, 9, 30)
    header = attrs.evolve(release.header, date=moment)
    again = pickle.loads(pickle.dumps(attrs.evolve(release, header=header)))
    assert again.header.date == moment
    assert type(again.header.date) is dt.datetime
    assert type(pickle.loads(pickle.dumps(release)).header.date) is dt.date


@pytest.mark.parametrize("name", ["a_speaker", "a_note_interview", "a_media_note"])
def test_records_pickled_before_the_header_was_packed_still_load(name: str) -> None:
    release = releaseparse.parse((FIXTURES / f"{name}.txt").read_bytes())
    parts = compact_parts_pickled_before(release)
    old = records._release_from_compact(*parts)
    assert old == release
    assert old.to_dict() == release.to_dict()
    origins_as_pairs = (*parts[:-2], tuple(release.origins.items()), parts[-1])
    assert records._release_from_compact(*origins_as_pairs) == release


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


# -- compact storage: spans and regions made when read ---------------------------------------


def _rebuilt_from_objects(release: Release) -> Release:
    """The same record made by the public constructor from ``Span`` and ``Region`` objects."""
    return Release(
        release.header,
        release.body,
        release.disclaimer,
        release.source,
        spans={name: Span(span.start, span.end) for name, span in release.spans.items()},
        regions=tuple(releaseparse.Region(r.kind, r.span) for r in release.regions),
        defects=release.defects,
        extras=release.extras,
        confidence=release.confidence,
        origins=release.origins,
        url=release.url,
    )


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt"))[:12], ids=lambda p: p.stem)
def test_a_record_made_from_objects_equals_the_parsed_one(path: Path) -> None:
    parsed = releaseparse.parse(path.read_bytes())
    made = _rebuilt_from_objects(parsed)
    assert made == parsed
    assert made.to_dict() == parsed.to_dict()
    assert repr(made) == repr(parsed)
    assert pickle.loads(pickle.dumps(made)) == parsed


def test_spans_and_regions_read_as_before() -> None:
    release = releaseparse.parse((FIXTURES / "a_speaker.txt").read_bytes())
    assert isinstance(release.regions, tuple)
    assert all(isinstance(region, releaseparse.Region) for region in release.regions)
    assert isinstance(release.spans, FrozenMap)
    assert release.spans["title"] == Span(19, 83)
    assert release.regions is release.regions  # made once
    assert repr(release).startswith("Release(header=Header(")
    assert "spans=FrozenMap({" in repr(release)
    assert ", regions=(Region(kind=" in repr(release)


def test_evolve_takes_spans_and_regions_by_their_names() -> None:
    release = releaseparse.parse((FIXTURES / "a_speaker.txt").read_bytes())
    shorter = attrs.evolve(release, regions=release.regions[:-1])
    assert shorter.regions == release.regions[:-1]
    assert shorter != release
    moved = attrs.evolve(release, spans={**release.spans, "title": Span(0, 1)})
    assert moved.spans["title"] == Span(0, 1)
    assert attrs.evolve(release, url="https://x/1").spans == release.spans
    # Span order does not matter to equality, as for any mapping.
    reordered = attrs.evolve(release, spans=dict(reversed(list(release.spans.items()))))
    assert reordered == release


def _tracked(record: Release) -> int:
    """How many objects the garbage collector walks in ``record`` (classes and enum
    members, the program's own, left out)."""
    import enum
    import gc

    seen: set[int] = set()
    stack: list[object] = [record]
    while stack:
        item = stack.pop()
        if id(item) in seen or not gc.is_tracked(item) or isinstance(item, type | enum.Enum):
            continue
        seen.add(id(item))
        stack.extend(gc.get_referents(item))
    return len(seen)


def test_a_record_kept_unread_holds_few_objects_for_the_garbage_collector() -> None:
    """Spans and regions are offsets in arrays until read: a kept record is cheap to scan."""
    release = releaseparse.parse((FIXTURES / "a_speaker.txt").read_bytes())
    unread = _tracked(release)
    parts = len(release.spans) + len(release.regions)  # reading them makes the objects
    assert unread < parts
    assert _tracked(release) >= unread + parts


def test_turns_are_made_when_read_and_the_body_behaves_as_before() -> None:
    release = releaseparse.parse((FIXTURES / "a_note_interview.txt").read_bytes())
    body = release.body
    assert len(body.turns) > 2
    assert isinstance(body.turns, tuple)
    assert all(isinstance(turn, releaseparse.Turn) for turn in body.turns)
    assert body.turns is body.turns  # made once
    made = releaseparse.Body(body.paragraphs, tuple(body.turns))
    assert made == body
    assert hash(made) == hash(body)
    assert repr(made) == repr(body)
    assert repr(body).startswith("Body(paragraphs=(")
    assert ", turns=(Turn(label=" in repr(body)
    assert attrs.evolve(body, turns=body.turns[:1]).turns == body.turns[:1]
    assert releaseparse.Body() == releaseparse.Body((), ())
    assert pickle.loads(pickle.dumps(release)).body == body
    assert release.to_row()["turns"] == len(body.turns)
