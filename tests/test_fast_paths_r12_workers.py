"""The twelfth round's worker shortcuts give what their plain forms give.

Records go from a worker to the parent as ``wire_parts`` through a ``ChunkWriter`` (a
pickler with no memo that sends a fixed table's objects by number) and come back with
``release_from_wire``; the plain form is the record's own pickle (``Release.__reduce__``).
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import pickle
import platform
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import releaseparse
from releaseparse import Release, transport
from releaseparse.outcome import Outcome, parsed_outcome
from releaseparse.records import release_from_wire, wire_parts
from releaseparse.tasks import HtmlSource, Task, Unreadable, make_task
from releaseparse.transport import WIRE_TABLE, ChunkReader, ChunkWriter
from releaseparse.workers import _sent, _unpacked, _write, as_is
from tests.conftest import FIXTURES
from tests.strategies import Case, releases

#: Every field of a record, each compared on its own (and its type) as well as the whole.
_FIELDS = tuple(field.name for field in attrs.fields(Release))


def _through_the_wire(found: list[Release]) -> list[Release]:
    """``found`` sent as ``wire_parts`` in one chunk and read back with their sources."""
    writer = ChunkWriter()
    for release in found:
        writer.add(wire_parts(release))
    reader = ChunkReader(writer.take())
    return [release_from_wire(reader.next(), release.source) for release in found]


def _assert_same(got: Release, expected: Release) -> None:
    """``got`` is ``expected`` as its own pickle would give it back, field by field."""
    plain = pickle.loads(pickle.dumps(expected, pickle.HIGHEST_PROTOCOL))
    for want in (expected, plain):
        assert got == want
        assert got.to_dict() == want.to_dict()
        for name in ("header", "body", "spans", "regions", "defects", "extras", "confidence"):
            assert getattr(got, name) == getattr(want, name), name
        assert got.origins == want.origins
        assert got.url == want.url
        assert [type(level) for level in got.confidence.values()] == [
            type(level) for level in want.confidence.values()
        ]
        assert [type(d.severity) for d in got.defects] == [type(d.severity) for d in want.defects]
        assert list(got.spans) == list(want.spans)


def _varied(text: str | bytes) -> list[Release]:
    """Records of ``text``, each parsed anew, holding what a parse seldom does."""
    shared = ["2016/0231"]
    parse = releaseparse.parse
    whole = pickle.dumps(parse(text))
    regions = [
        releaseparse.Region("kind of its own", releaseparse.Span(0, len(parse(text).source)))
    ]
    return [
        parse(text),  # as a parse leaves it: offsets in tuples, not yet in arrays
        pickle.loads(whole),  # offsets in arrays, the header and body still packed
        attrs.evolve(parse(text), url="https://example.org/a", origins={"title": "metadata"}),
        attrs.evolve(parse(text), extras={"numbers": shared, "again": shared}),
        attrs.evolve(
            parse(text),
            regions=regions,
            spans={"custom.name": releaseparse.Span(0, 0), "title": releaseparse.Span(0, 0)},
            extras={"when": dt.date(2020, 1, 2)},
        ),
    ]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_a_fixture_record_comes_back_from_the_wire_as_its_pickle_would(path: Path) -> None:
    found = _varied(path.read_bytes())
    for got, expected in zip(_through_the_wire(found), found, strict=True):
        _assert_same(got, expected)


@settings(max_examples=60, deadline=None)
@given(releases())
def test_a_generated_record_comes_back_from_the_wire_as_its_pickle_would(case: Case) -> None:
    found = _varied(case.text)
    for got, expected in zip(_through_the_wire(found), found, strict=True):
        _assert_same(got, expected)


def test_extras_keep_what_they_share_as_their_pickle_does() -> None:
    shared = ["2016/0231"]
    cyclic: list[Any] = ["self"]
    cyclic.append(cyclic)
    extras = {"a": shared, "b": shared, "cycle": cyclic}
    release = attrs.evolve(releaseparse.parse(""), extras=extras)
    (got,) = _through_the_wire([release])
    assert got.extras["a"] is got.extras["b"]
    cycle = got.extras["cycle"]
    assert isinstance(cycle, list)
    assert cycle[1] is cycle


def test_every_table_object_comes_back_as_itself_or_its_equal() -> None:
    writer = ChunkWriter()
    for item in WIRE_TABLE:
        writer.add(item)
    reader = ChunkReader(writer.take())
    for item in WIRE_TABLE:
        got = reader.next()
        assert got == item
        assert type(got) is type(item)
        if not isinstance(item, str) or isinstance(item, releaseparse.Confidence):
            assert got is item  # members and classes are the process's own


def test_the_table_is_sent_by_number() -> None:
    """The shortcut at work: a table object is written as a reference, not in full."""
    writer = ChunkWriter()
    writer.add(("note_type", releaseparse.Confidence.LIKELY))
    writer.add(("not in the table", "not in the table either"))
    known, unknown = writer.take().split(b".\x80")
    assert b"note_type" not in known
    assert b"likely" not in known
    assert b"not in the table" in unknown


def test_a_result_that_fails_to_pickle_leaves_nothing_in_the_chunk() -> None:
    writer, alone = ChunkWriter(), ChunkWriter()
    writer.add(("before",))
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        # Past the pickler's 64 KiB frames: the part before the failure reaches the buffer.
        writer.add(("half written", "x" * 200_000, "y" * 200_000, lambda: None))
    writer.add(("after",))
    alone.add(("before",))
    alone.add(("after",))
    data = writer.take()
    assert data == alone.take()
    reader = ChunkReader(data)
    assert [reader.next(), reader.next()] == [("before",), ("after",)]
    assert writer.take() == b""


def test_a_parsed_outcome_is_the_one_its_constructor_makes() -> None:
    release = releaseparse.parse((FIXTURES / "a_speaker.txt").read_bytes())
    made, plain = parsed_outcome(3, "three", release), Outcome(3, "three", release=release)
    assert made == plain
    assert attrs.asdict(made, recurse=False) == attrs.asdict(plain, recurse=False)
    assert made.ok
    assert made.unwrap() is release


def test_a_chunk_of_outcomes_comes_back_whole_and_in_order() -> None:
    """Worker and parent steps in one process: texts, bytes and failures in one chunk."""
    texts = [path.read_text("utf-8", "replace") for path in sorted(FIXTURES.glob("*.txt"))[:6]]
    parser = releaseparse.Parser()
    tasks = [Task(i, f"id{i}", text) for i, text in enumerate(texts)]
    tasks.append(Task(len(tasks), "raw", texts[0].encode("utf-8")))
    tasks.append(Task(len(tasks), "gone", FIXTURES / "no such file.txt"))
    writer = ChunkWriter()
    for task in tasks:
        _write(writer, parser, task, False, as_is)
    reader = ChunkReader(writer.take())
    got = [_unpacked(reader, task) for task in tasks]
    assert got == list(releaseparse.parse_many([(t.id, t.payload) for t in tasks]))


def test_a_task_sent_as_a_tuple_is_the_task_again() -> None:
    items: list[object] = [
        "text",
        b"bytes",
        FIXTURES / "a_speaker.txt",
        ("id", "text", {"title": "A title", "url": "https://example.org"}),
        ("id", HtmlSource("<p>page</p>")),
        7,  # not an item: an Unreadable task
    ]
    tasks = [make_task(index, item) for index, item in enumerate(items)]
    tasks.append(Task(9, "gone", Unreadable("OSError", "no such file")))
    for task in tasks:
        assert Task(*pickle.loads(pickle.dumps(_sent(task)))) == task


def test_this_python_sends_the_table_by_number() -> None:
    """CPython keeps the shortcut: were a new version to lose it, this says so."""
    if platform.python_implementation() != "CPython":
        pytest.skip("the check answers for CPython only; elsewhere either answer is safe")
    assert transport.table_travels()


def test_the_check_says_no_when_the_reader_cannot_have_the_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An unpickler whose memo stays empty (what setting it from a dict does in 3.11)."""
    monkeypatch.setattr(transport, "_template", lambda: pickle.Unpickler(io.BytesIO(b"")))
    assert not transport.table_travels.__wrapped__()


def test_the_check_says_no_when_the_writer_cannot_be_fast(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(buffer: io.BytesIO) -> pickle.Pickler:
        raise AttributeError("'_pickle.Pickler' object has no attribute 'fast'")

    monkeypatch.setattr(transport, "_pickler", refused)
    assert not transport.table_travels.__wrapped__()


def test_the_check_says_no_when_the_names_go_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickler that ignores the memo it is given writes every name out."""

    def forgetful(buffer: io.BytesIO) -> pickle.Pickler:
        pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        return pickler

    monkeypatch.setattr(transport, "_pickler", forgetful)
    assert not transport.table_travels.__wrapped__()


@pytest.fixture
def without_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks travel as lists of pickles, as on a Python where ``table_travels`` says no."""
    monkeypatch.setattr(transport, "table_travels", lambda: False)


@pytest.mark.usefixtures("without_the_table")
def test_without_the_table_records_come_back_as_their_pickle_would() -> None:
    found = [releaseparse.parse(path.read_bytes()) for path in sorted(FIXTURES.glob("*.txt"))]
    for got, expected in zip(_through_the_wire(found), found, strict=True):
        _assert_same(got, expected)


@pytest.mark.usefixtures("without_the_table")
def test_without_the_table_a_failed_result_leaves_nothing() -> None:
    writer = ChunkWriter()
    writer.add(("before",))
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        writer.add(("half written", lambda: None))
    writer.add(("after",))
    reader = ChunkReader(writer.take())
    assert [reader.next(), reader.next()] == [("before",), ("after",)]
    assert writer.take() == b""


@pytest.mark.usefixtures("without_the_table")
def test_without_the_table_parse_many_gives_the_in_process_records() -> None:
    texts = [path.read_text("utf-8", "replace") for path in sorted(FIXTURES.glob("*.txt"))]
    fork = multiprocessing.get_context("fork")  # the workers inherit the patched check
    got = list(releaseparse.parse_many(texts, workers=2, chunksize=3, mp_context=fork))
    assert got == list(releaseparse.parse_many(texts))
