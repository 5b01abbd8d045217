"""releaseparse.dask: bags, dataframes and Spark batches give what parse_many gives."""

from __future__ import annotations

import datetime
import importlib
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import distributed
import pandas as pd
import pyarrow as pa
import pytest
import regex

import releaseparse
from releaseparse import Parser, ParseState, Span, parse_many, to_pandas
from releaseparse.cli import example_bytes
from releaseparse.dask import (
    SPARK_SCHEMA,
    parse_bag,
    parse_dataframe,
    parse_frame,
    parse_frames,
    row_dtypes,
)
from tests.conftest import FIXTURES, ROOT
from tests.spark_example import spark_example

# Dask's functions are untyped: typed names for them (mypy --strict).
from_sequence: Callable[..., Any] = db.from_sequence
from_pandas: Callable[..., dd.DataFrame] = dd.from_pandas
local_cluster: Callable[..., distributed.LocalCluster] = distributed.LocalCluster
connect: Callable[..., distributed.Client] = distributed.Client


def computed(collection: Any) -> Any:
    return collection.compute()


TEXT_FILES = sorted(FIXTURES.glob("*.txt"))
FIRST_WORD = regex.compile(r"\w+")


def first_word(state: ParseState) -> None:
    """A module-level extractor: workers import it from this module when they unpickle it."""
    match = FIRST_WORD.search(state.source)
    if match is not None:
        state.set("first_word", match[0], Span(*match.span()))


def worker_pid(state: ParseState) -> None:
    state.set("pid", os.getpid(), Span(0, 0))


def custom_parser() -> Parser:
    parser = Parser()
    parser.add("first_word", first_word)
    return parser


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        local_cluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        connect(cluster) as client,
    ):
        yield client


def mixed_items() -> list[Any]:
    """Every kind of item: texts as bytes and str, the example, paths, a pair, bad ones."""
    items: list[Any] = [path.read_bytes() for path in TEXT_FILES[:30]]
    items += [path.read_text("utf-8", "replace") for path in TEXT_FILES[30:50]]
    items += [example_bytes(), TEXT_FILES[50], ("my-id", TEXT_FILES[51].read_bytes()), 3.5]
    items += [ROOT / "missing.txt", *TEXT_FILES[52:]]
    return items


def test_bag_equals_parse_many(client: distributed.Client) -> None:
    items = mixed_items()
    expected = list(parse_many(items))
    got = computed(parse_bag(from_sequence(items, npartitions=5)))
    assert got == expected
    assert [outcome.index for outcome in got] == list(range(len(items)))
    by_id = {outcome.id: outcome for outcome in got}
    assert by_id["my-id"].ok
    assert by_id[str(ROOT / "missing.txt")].error.type == "FileNotFoundError"
    assert got[53].error.type == "TypeError"  # the 3.5
    assert got[50].unwrap().header.date == datetime.date(2016, 3, 14)  # the example


def test_bag_offsets_count_empty_partitions(client: distributed.Client) -> None:
    items: list[Any] = [path.read_bytes() for path in TEXT_FILES[:10]]
    items += [42] * 10 + [path.read_text("utf-8") for path in TEXT_FILES[10:20]]
    bag = from_sequence(items, partition_size=10).filter(lambda item: item != 42)
    assert computed(bag.map_partitions(lambda part: [len(list(part))])) == [10, 0, 10]
    kept = [item for item in items if item != 42]
    assert computed(parse_bag(bag)) == list(parse_many(kept))


def test_custom_extractor_runs_on_the_workers(client: distributed.Client) -> None:
    items = mixed_items()
    parser = custom_parser()
    got = computed(parse_bag(from_sequence(items, npartitions=4), parser=parser))
    assert got == list(parse_many(items, parser=parser))
    assert got[0].unwrap().extras["first_word"] == "Press"
    assert sum("first_word" in outcome.release.extras for outcome in got if outcome.release) > 70

    parser.add("pid", worker_pid)
    outcomes = computed(parse_bag(from_sequence(items[:20], npartitions=4), parser=parser))
    pids = {outcome.unwrap().extras["pid"] for outcome in outcomes}
    workers = set(client.run(os.getpid).values())
    assert pids <= workers
    assert os.getpid() not in pids


def texts_frame() -> pd.DataFrame:
    keys = [path.stem for path in TEXT_FILES]
    texts = [releaseparse.parse(path.read_bytes()).source for path in TEXT_FILES]
    return pd.DataFrame({"key": keys, "text": texts}, index=pd.RangeIndex(100, 100 + len(keys)))


def test_dataframe_equals_to_pandas(client: distributed.Client) -> None:
    frame = texts_frame()
    parser = custom_parser()
    ddf = from_pandas(frame, npartitions=3)
    rows = parse_dataframe(ddf, id_column="key", parser=parser, strict=True)
    assert dict(rows.dtypes) == row_dtypes()
    got = computed(rows)
    assert list(got.index) == list(frame.index)
    items = list(zip(frame["key"], frame["text"], strict=True))
    expected = to_pandas(parse_many(items, parser=parser, strict=True))
    # Every column holds a value here, so to_pandas infers the dtypes parse_frame fixes.
    assert dict(expected.dtypes) == row_dtypes()
    assert expected["error"].notna().sum() == 10
    assert expected["extras"].notna().sum() > 50
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)


def test_frame_ids_from_index_and_missing_text() -> None:
    frame = pd.DataFrame({"text": [example_bytes(), None]}, index=["a", "b"])
    rows = parse_frame(frame)
    assert rows["id"].tolist() == ["a", "b"]
    assert list(rows.index) == ["a", "b"]
    assert rows.loc["a", "date"] == datetime.date(2016, 3, 14)
    assert rows.loc["b", "error"] == (
        "TypeError: the text of item 'b' is NoneType None, not str, bytes or a path"
    )
    assert rows.loc["b", ["title", "date", "paragraphs"]].isna().all()
    # Columns no row fills keep their dtypes (to_pandas would make them object).
    assert dict(rows.dtypes) == row_dtypes()
    assert dict(parse_frame(frame.iloc[:0]).dtypes) == row_dtypes()


_ITEM = (
    "Office of the Spokesperson\n\n"
    "The United States welcomes the agreement reached today by the parties to the talks.\n"
)


def cells(column: pd.Series) -> list[object]:
    """A column's values, ``None`` for each missing one (pandas' string dtype gives NaN)."""
    return [None if pd.isna(value) else value for value in column.tolist()]


def test_metadata_columns_fill_what_the_texts_lack() -> None:
    frame = pd.DataFrame(
        {
            "text": [_ITEM, _ITEM, _ITEM],
            "headline": ["Agreement Welcomed", None, pd.NA],
            "published": [pd.Timestamp("2021-05-20 23:30"), pd.NaT, "May 22, 2021"],
            "link": ["https://example.invalid/1", None, "https://example.invalid/3"],
        },
        index=["a", "b", "c"],
    )
    columns = {"title": "headline", "date": "published", "url": "link"}
    rows = parse_frame(frame, metadata_columns=columns)
    assert rows["title"].tolist()[0] == "Agreement Welcomed"
    assert rows["title"].isna().tolist() == [False, True, True]
    assert cells(rows["date"]) == [datetime.date(2021, 5, 20), None, datetime.date(2021, 5, 22)]
    assert cells(rows["from_metadata"]) == ["title; date", None, "date"]
    assert rows["url"].tolist()[0] == "https://example.invalid/1"
    items = [("a", _ITEM, {"title": "Agreement Welcomed", "date": "2021-05-20"})]
    assert cells(to_pandas(parse_many(items))["title"]) == [cells(rows["title"])[0]]
    spark = list(parse_frames(iter([frame]), metadata_columns=columns, for_spark=True))
    assert cells(spark[0]["from_metadata"]) == ["title; date", None, "date"]


def test_a_wrong_metadata_key_is_refused_naming_it() -> None:
    frame = pd.DataFrame({"text": [_ITEM]})
    with pytest.raises(ValueError, match=r"'headline'.*known: title, date, url"):
        parse_frame(frame, metadata_columns={"headline": "headline"})


def test_dataframe_takes_metadata_columns(client: distributed.Client) -> None:
    frame = pd.DataFrame({"text": [_ITEM] * 4, "headline": ["One", "Two", None, "Four"]})
    rows = computed(
        parse_dataframe(from_pandas(frame, npartitions=2), metadata_columns={"title": "headline"})
    )
    assert cells(rows["title"]) == ["One", "Two", None, "Four"]


def test_frames_yield_parse_frame() -> None:
    frame = texts_frame()
    frames = [frame.iloc[:30], frame.iloc[30:31], frame.iloc[31:]]
    parser = custom_parser()
    got = list(parse_frames(iter(frames), id_column="key", parser=parser, for_spark=True))
    assert len(got) == 3
    for part, rows in zip(frames, got, strict=True):
        expected = parse_frame(part, id_column="key", parser=parser, for_spark=True)
        pd.testing.assert_frame_equal(rows, expected)
    assert got[1]["extras"].tolist() == ['{"first_word": "Press"}']


SPARK_TO_ARROW = {"STRING": pa.string(), "DATE": pa.date32(), "INT": pa.int32()}


def test_spark_batches_convert_to_the_schema() -> None:
    """What Spark does with a mapInPandas batch: Arrow arrays of the schema's types."""
    columns = [field.split(" ") for field in SPARK_SCHEMA.split(", ")]
    assert [name for name, _ in columns] == list(releaseparse.ROW_COLUMNS)
    schema = pa.schema([(name, SPARK_TO_ARROW[kind]) for name, kind in columns])
    frame = texts_frame()
    (rows,) = parse_frames([frame], id_column="key", for_spark=True)
    table = pa.Table.from_pandas(rows, schema=schema, preserve_index=False)
    record = table.to_pylist()[frame["key"].tolist().index("b_venue_place_time")]
    assert record["time"] == "17:43:00"
    assert isinstance(record["date"], datetime.date)
    assert re.fullmatch(r"\d\d:\d\d:\d\d", record["time"])
    assert parse_frame(frame)["time"].dropna().map(type).unique().tolist() == [datetime.time]


def test_the_spark_example_of_the_docs_gives_rows_of_the_schema() -> None:
    """docs/scaling.md's Spark example, as printed, up to where Spark itself comes in: its
    ``parse_batches`` turns pandas batches into rows of ``SPARK_SCHEMA``'s types."""
    example = spark_example()  # tests/test_spark.py runs the rest in Spark
    assert "mapInPandas(parse_batches, schema=SPARK_SCHEMA)" in example.definitions
    namespace: dict[str, Any] = {}
    exec(compile(example.definitions, "docs/scaling.md", "exec"), namespace)
    frame = texts_frame().rename(columns={"key": "url"})
    (rows,) = namespace["parse_batches"](iter([frame]))
    columns = [field.split(" ") for field in namespace["SPARK_SCHEMA"].split(", ")]
    schema = pa.schema([(name, SPARK_TO_ARROW[kind]) for name, kind in columns])
    table = pa.Table.from_pandas(rows, schema=schema, preserve_index=False)
    assert table.num_rows == len(frame)
    assert sorted(table.column("id").to_pylist()) == sorted(frame["url"])


def test_import_releaseparse_does_not_import_dask() -> None:
    code = (
        "import sys, releaseparse; releaseparse.parse_many; releaseparse.to_pandas; "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "releaseparse.dask")
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'releaseparse[dask]'")):
        importlib.import_module("releaseparse.dask")


def test_frames_need_no_dask() -> None:
    """Spark executors use releaseparse.frames with pandas alone."""
    code = "import sys, releaseparse.frames; print(any(m.startswith('dask') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_real_cluster_example_of_the_docs_runs(
    client: distributed.Client, tmp_path: Path
) -> None:
    """docs/scaling.md's cluster example, run as printed on the test cluster: only the
    scheduler's address and the two storage paths are swapped for local ones."""
    page = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    code = page.split("Then connect and compute as above", 1)[1].split("```python\n", 1)[1]
    code = code.split("```", 1)[0]
    scraped, parsed = tmp_path / "scraped", tmp_path / "parsed"
    scraped.mkdir()
    texts = [path.read_text("utf-8", "replace") for path in TEXT_FILES[:12]]
    urls = [f"https://example.org/{number}" for number in range(len(texts))]
    pd.DataFrame({"url": urls, "text": texts}).to_parquet(scraped / "part.0.parquet")
    address = str(client.scheduler_info()["address"])
    for printed, local in (
        ("tcp://10.0.0.5:8786", address),
        ("s3://bucket/scraped/", str(scraped)),
        ("s3://bucket/parsed/", str(parsed)),
    ):
        assert printed in code
        code = code.replace(printed, local)
    namespace: dict[str, Any] = {}
    exec(compile(code, "docs/scaling.md", "exec"), namespace)
    namespace["client"].close()
    rows = pd.read_parquet(parsed)
    assert sorted(rows["id"]) == sorted(urls)
    by_id = dict(zip(rows["id"], rows["title"], strict=True))
    assert by_id[urls[0]] == releaseparse.parse(texts[0]).header.title
