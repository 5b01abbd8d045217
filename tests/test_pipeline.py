"""parse_many: order, one outcome per input, laziness, worker processes, dead workers, rows."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import subprocess
import sys
from collections.abc import Iterator
from itertools import count, islice
from pathlib import Path
from typing import Any

import pytest

import releaseparse
from releaseparse import Failure, Outcome, OutcomeError, Parser, parse_many
from releaseparse.cli import example_bytes
from releaseparse.rows import ROW_COLUMNS
from releaseparse.tasks import Item, Unreadable
from releaseparse.workers import CHUNKS_AHEAD_PER_WORKER, UNITS_PER_WORKER
from tests import pipeline_helpers as helpers
from tests.conftest import FIXTURES

TEXTS = sorted(FIXTURES.glob("*.txt"))


def error_of(outcome: Outcome) -> Failure:
    assert outcome.error is not None, f"{outcome.id} parsed"
    return outcome.error


def mixed_items(tmp_path: Path) -> list[Any]:
    example = example_bytes()
    return [
        example,
        example.decode(),
        FIXTURES / "a_speaker.txt",
        ("pair-id", b"Media Note\nMarch 3, 2016\n\nA body."),
        (7, example),
        42,
        tmp_path / "missing.txt",
        ("unreadable", Unreadable("InputError", "line 3 is not JSON")),
    ]


def test_one_outcome_per_item_in_order_with_ids(tmp_path: Path) -> None:
    outcomes = list(parse_many(mixed_items(tmp_path)))
    assert [o.index for o in outcomes] == list(range(8))
    assert [o.id for o in outcomes] == [
        0,
        1,
        str(FIXTURES / "a_speaker.txt"),
        "pair-id",
        7,
        5,
        str(tmp_path / "missing.txt"),
        "unreadable",
    ]
    assert [o.ok for o in outcomes] == [True, True, True, True, True, False, False, False]
    assert outcomes[0].release == releaseparse.parse(example_bytes())
    assert outcomes[2].unwrap() == releaseparse.parse((FIXTURES / "a_speaker.txt").read_bytes())
    assert error_of(outcomes[5]).type == "TypeError"
    assert "(id, text) pairs" in error_of(outcomes[5]).message
    assert error_of(outcomes[6]).type == "FileNotFoundError"
    assert outcomes[7].error == Failure("InputError", "line 3 is not JSON")
    with pytest.raises(OutcomeError, match=r"missing\.txt"):
        outcomes[6].unwrap()


def test_workers_give_the_same_outcomes_as_in_process(tmp_path: Path) -> None:
    items = [*mixed_items(tmp_path), *TEXTS]
    alone = list(parse_many(items))
    assert list(parse_many(items, workers=2, chunksize=3)) == alone
    assert list(parse_many(items, workers=1, chunksize=50)) == alone


def test_spawned_workers_use_the_custom_parser() -> None:
    parser = helpers.counting_parser()
    items = TEXTS[:12]
    spawn = multiprocessing.get_context("spawn")
    outcomes = list(parse_many(items, workers=2, chunksize=4, parser=parser, mp_context=spawn))
    assert outcomes == list(parse_many(items, parser=parser))
    first = outcomes[0].unwrap()
    assert first.extras["words"] == len(first.source.split()) > 0


def test_a_parser_that_cannot_be_pickled_is_refused_up_front() -> None:
    parser = Parser()
    parser.add("local", lambda state: None)
    with pytest.raises(TypeError, match=r"cannot be pickled.*module level"):
        parse_many(["x"], workers=2, parser=parser)
    # In-process, anything callable goes.
    assert next(parse_many(["x"], parser=parser)).ok


@pytest.mark.parametrize(("option", "value"), [("workers", 0), ("workers", True), ("chunksize", 0)])
def test_bad_arguments_are_refused(option: str, value: object) -> None:
    with pytest.raises(ValueError, match=option):
        parse_many(["x"], **{option: value})  # type: ignore[arg-type]


def _counted(pulled: list[int]) -> Iterator[bytes]:
    example = example_bytes()
    for number in count():
        pulled.append(number)
        yield example


@pytest.mark.parametrize("workers", [None, 2])
def test_items_are_taken_lazily_and_memory_stays_bounded(workers: int | None) -> None:
    """An endless input works: only a bounded window of items is ever taken ahead."""
    pulled: list[int] = []
    chunksize = 5
    outcomes = parse_many(_counted(pulled), workers=workers, chunksize=chunksize)
    first = list(islice(outcomes, 300))
    assert [o.index for o in first] == list(range(300))
    window = 2 * (UNITS_PER_WORKER + CHUNKS_AHEAD_PER_WORKER) * chunksize if workers else 1
    assert len(pulled) <= 300 + window
    outcomes.close()  # type: ignore[attr-defined]


def test_strict_failures_and_extractor_errors_do_not_stop_the_others() -> None:
    good = example_bytes()
    bad_date = (FIXTURES / "a_date_invalid.txt").read_bytes()
    raising = good + b"\n" + helpers.RAISE.encode()
    parser = helpers.sabotaged_parser()
    outcomes = list(parse_many([good, bad_date, raising, good], strict=True, parser=parser))
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert error_of(outcomes[1]).type == "ReleaseParseError"
    assert "line 9, column 1" in error_of(outcomes[1]).message
    assert outcomes[2].error == Failure("RuntimeError", "this extractor fails on purpose")
    in_workers = list(
        parse_many([good, bad_date, raising, good], strict=True, parser=parser, workers=2)
    )
    assert in_workers == outcomes


def test_a_killed_worker_costs_only_its_input(tmp_path: Path) -> None:
    """The input that kills its worker fails after one retry; every other input parses."""
    good = example_bytes()
    deadly = good + b"\n" + helpers.KILL.encode()
    once = good + b"\n" + f"{helpers.DIE_ONCE}{tmp_path / 'mark'} end".encode()
    items = [good] * 10 + [deadly] + [good] * 10 + [once] + [good] * 10
    outcomes = list(parse_many(items, workers=2, chunksize=3, parser=helpers.sabotaged_parser()))
    assert [o.index for o in outcomes] == list(range(len(items)))
    failed = [o for o in outcomes if not o.ok]
    assert [o.index for o in failed] == [10]
    assert error_of(failed[0]).type == "WorkerDied"
    assert (tmp_path / "mark").read_text() == "died once"  # it did die, then parsed on retry
    assert outcomes[21].unwrap().source.endswith(" end")


def test_a_chunk_waiting_behind_a_deadly_one_gets_its_first_try(tmp_path: Path) -> None:
    """One worker holds two chunks; it dies on the first. The second was never started, so
    its input is not a retry yet: dying once, it still parses on its retry."""
    good = example_bytes()
    deadly = good + b"\n" + helpers.KILL.encode()
    once = good + b"\n" + f"{helpers.DIE_ONCE}{tmp_path / 'mark'} end".encode()
    items = [deadly, once, good]
    outcomes = list(parse_many(items, workers=1, chunksize=1, parser=helpers.sabotaged_parser()))
    assert [o.ok for o in outcomes] == [False, True, True]
    assert error_of(outcomes[0]).type == "WorkerDied"
    assert (tmp_path / "mark").read_text() == "died once"


_BIG_CHUNKS = """
import releaseparse
text = "Title\\n\\nMedia Note\\nMarch 14, 2016\\n\\n" + "Body text here. " * 70_000
outcomes = list(releaseparse.parse_many([text] * 6, workers=1, chunksize=2))
print(sum(outcome.ok for outcome in outcomes))
"""


def test_chunks_larger_than_the_pipe_buffer_do_not_deadlock() -> None:
    """Each chunk (2 MB) and its records outgrow the pipe's buffer. While the worker hands
    back one chunk's records, the parent hands over the next chunk: neither may wait on
    the other (a run that hung here is killed after 120 s and fails)."""
    result = subprocess.run(
        [sys.executable, "-c", _BIG_CHUNKS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["6"]


def test_an_outcome_that_cannot_come_back_fails_alone() -> None:
    good = example_bytes()
    odd = good + b"\n" + helpers.UNPICKLABLE.encode()
    items = [good, odd, good, good]
    outcomes = list(parse_many(items, workers=2, chunksize=4, parser=helpers.sabotaged_parser()))
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert "pickle" in error_of(outcomes[1]).message


def test_outcomes_pickle_and_round_trip_through_json(tmp_path: Path) -> None:
    for outcome in parse_many(mixed_items(tmp_path)):
        assert pickle.loads(pickle.dumps(outcome)) == outcome
        assert Outcome.from_json(outcome.to_json(), outcome.index) == outcome


def test_rows_have_the_documented_columns_and_values() -> None:
    release = releaseparse.parse((FIXTURES / "a_speaker.txt").read_bytes())
    row = release.to_row()
    assert tuple(row) == ROW_COLUMNS[2:]
    assert row["title"] == release.header.title
    assert row["date"] == release.header.date
    assert isinstance(row["date"], dt.date)
    assert row["speakers"] == "; ".join(
        f"{s.name} ({s.role})" if s.role else s.name for s in release.header.speakers
    )
    assert row["body"] == release.body.text
    assert row["paragraphs"] == len(release.body.paragraphs)
    assert row["defects"] == ("; ".join(release.codes) or None)
    failed = Outcome(3, "x.txt", error=Failure("OSError", "cannot read"))
    assert failed.to_row() == {"id": "x.txt", "error": "OSError: cannot read"} | dict.fromkeys(
        ROW_COLUMNS[2:]
    )


def test_extras_become_one_json_cell() -> None:
    parser = helpers.counting_parser()
    (outcome,) = parse_many([example_bytes()], parser=parser)
    words = outcome.unwrap().extras["words"]
    assert outcome.to_row()["extras"] == f'{{"words": {words}}}'


def test_to_arrow_and_to_pandas_agree_with_the_rows(tmp_path: Path) -> None:
    outcomes = list(parse_many([*mixed_items(tmp_path), *TEXTS[:5]]))
    rows = [o.to_row() for o in outcomes]
    table = releaseparse.to_arrow(outcomes)
    assert table.column_names == list(ROW_COLUMNS)
    assert table.to_pylist() == rows
    frame = releaseparse.to_pandas(iter(outcomes))
    assert list(frame.columns) == list(ROW_COLUMNS)
    assert len(frame) == len(outcomes)
    assert frame["title"].tolist()[0] == rows[0]["title"]
    assert frame["paragraphs"].dtype.name == "Int32"
    assert frame["error"].notna().sum() == sum(not o.ok for o in outcomes)


def test_the_pipeline_loads_lazily() -> None:
    import subprocess
    import sys

    code = "import sys, releaseparse; print('releaseparse.pipeline' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_workers_killed_from_outside_lose_nothing() -> None:
    """A worker killed while busy or idle (between chunks) is replaced; no input is lost."""

    def items() -> Iterator[bytes]:
        example = example_bytes()
        for number in range(400):
            if number in (100, 300):
                child = multiprocessing.active_children()[0]
                child.kill()
                child.join()
            yield example

    outcomes = list(parse_many(items(), workers=2, chunksize=4))
    assert [o.index for o in outcomes] == list(range(400))
    assert all(o.ok for o in outcomes)


def test_a_missing_extra_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match=r"pip install 'releaseparse\[pandas\]'"):
        releaseparse.to_pandas([])


def test_prepare_many_finishes_each_outcome_where_it_was_parsed(tmp_path: Path) -> None:
    from releaseparse.pipeline import prepare_many

    items = [*mixed_items(tmp_path), *TEXTS[:20]]
    expected = [(o.index, o.release.header.title if o.release else None) for o in parse_many(items)]
    assert list(prepare_many(items, helpers.title_of)) == expected
    assert list(prepare_many(items, helpers.title_of, workers=2, chunksize=3)) == expected


def test_facts_count_as_the_outcomes_do(tmp_path: Path) -> None:
    from releaseparse.summary import Facts, Summary

    outcomes = list(parse_many([*mixed_items(tmp_path), *TEXTS]))
    by_outcome, by_facts = Summary(keep=0), Summary(keep=0)
    for outcome in outcomes:
        by_outcome.add(outcome)
        by_facts.count(Facts.of(outcome))
    assert by_facts == by_outcome
    assert by_facts.failed == 3
    assert by_facts.parsed == len(outcomes) - 3


# -- records sent back without the text the parent holds -------------------------------------


def test_a_record_of_a_sent_text_comes_back_without_its_source() -> None:
    from releaseparse.tasks import Task
    from releaseparse.transport import ChunkReader, ChunkWriter
    from releaseparse.workers import _unpacked, _write, as_is

    text = example_bytes().decode("utf-8")
    parser = Parser()
    whole = Outcome(0, "a", release=parser.parse(text))
    writer = ChunkWriter()
    task = Task(0, "a", text)
    _write(writer, parser, task, False, as_is)
    sent = writer.take()
    assert text not in sent.decode("utf-8", "replace")  # the source did not travel
    assert len(sent) < len(pickle.dumps(whole, pickle.HIGHEST_PROTOCOL)) - len(text)
    assert _unpacked(ChunkReader(sent), task) == whole
    # Bytes are decoded in the worker: the parent holds no source to give back.
    raw = Task(0, "a", example_bytes())
    _write(writer, parser, raw, False, as_is)
    assert _unpacked(ChunkReader(writer.take()), raw) == whole


def test_records_from_workers_equal_those_parsed_here() -> None:
    texts = [path.read_text("utf-8", "replace") for path in sorted(FIXTURES.glob("*.txt"))[:20]]
    items: list[Item] = [*texts, *(text.encode("utf-8") for text in texts[:5])]
    items.append(("k", texts[0], None))
    assert list(parse_many(items, workers=2, chunksize=3)) == list(parse_many(items))
