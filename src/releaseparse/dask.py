"""Beyond one machine: ``parse_many`` over Dask bags and dataframes, and batches for Spark."""

from __future__ import annotations

import datetime
import operator
import os
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed
except ImportError as error:  # pragma: no cover - the test extras install Dask
    raise ImportError(
        "releaseparse.dask needs Dask, pandas and pyarrow: pip install 'releaseparse[dask]'"
    ) from error

from releaseparse.outcome import Failure, ItemId, Outcome
from releaseparse.parser import Parser
from releaseparse.pipeline import parse_many
from releaseparse.rows import ROW_COLUMNS, to_pandas
from releaseparse.tasks import make_task, parse_task

# Dask's functions are untyped; these names give them a type for mypy --strict.
_delayed: Callable[..., Any] = delayed
_bag_from_delayed: Callable[[list[Any]], db.Bag] = db.from_delayed

__all__ = [
    "SPARK_SCHEMA",
    "parse_bag",
    "parse_dataframe",
    "parse_frame",
    "parse_frames",
    "row_dtypes",
]

_COUNTS = ("paragraphs", "turns")
_OBJECTS = ("date", "time")
_SPARK_TYPES = {"date": "DATE", "paragraphs": "INT", "turns": "INT"}

#: The Spark schema of ``parse_frames(..., for_spark=True)`` as a DDL string, for
#: ``mapInPandas``. Spark has no time-of-day type: ``time`` is a ``STRING`` ``HH:MM:SS``.
SPARK_SCHEMA = ", ".join(f"{name} {_SPARK_TYPES.get(name, 'STRING')}" for name in ROW_COLUMNS)


def row_dtypes() -> dict[str, Any]:
    """The dtype of each row column: pandas' string dtype, ``object`` dates/times, ``Int32``.

    These are the dtypes ``releaseparse.to_pandas`` infers for a column that holds a value;
    here they are fixed, so every partition (and ``meta``) agrees even when a column is
    empty in one of them.
    """
    text = pd.Series(["", None]).dtype  # "str" from pandas 3 on, object before
    return {
        name: "Int32" if name in _COUNTS else object if name in _OBJECTS else text
        for name in ROW_COLUMNS
    }


# -- bags -----------------------------------------------------------------------------------


def _count(items: list[object]) -> int:
    return len(items)


def _parse_part(items: list[Any], offset: int, parser: Parser, strict: bool) -> list[Outcome]:
    """What ``parse_many`` gives for these items when the first is at position ``offset``."""
    return [
        parse_task(parser, make_task(offset + position, item), strict)
        for position, item in enumerate(items)
    ]


def parse_bag(bag: db.Bag, *, parser: Parser | None = None, strict: bool = False) -> db.Bag:
    """A bag of ``Outcome``: what ``parse_many`` gives for the bag's items, partition by partition.

    Items are what ``parse_many`` takes (text, bytes, paths, ``(id, text)`` pairs) and
    each outcome equals the one ``parse_many`` gives for the items in bag order: its
    ``index`` (and the ``id`` of a bare text) is the item's position in the whole bag.
    To know where a partition starts, each partition is counted first, as a small task
    of its own in the same graph: partition *k* is parsed once partitions 0 to *k*-1 have
    been read and counted (nothing is computed twice, nothing before ``compute``).
    ``parser`` (default ``Parser()``) is shipped to the workers with the tasks, custom
    extractors included: the modules that define them must be importable there.
    """
    chosen = Parser() if parser is None else parser
    shared = _delayed(chosen)  # one copy in the graph, not one per partition
    parts = [_delayed(list)(part) for part in bag.to_delayed()]  # type: ignore[no-untyped-call]
    parsed: list[Any] = []
    offset: Any = 0
    for part in parts:
        parsed.append(_delayed(_parse_part)(part, offset, shared, strict))
        offset = _delayed(operator.add)(offset, _delayed(_count)(part))
    return _bag_from_delayed(parsed)


# -- pandas, Dask dataframes and Spark --------------------------------------------------------


def _ids(frame: pd.DataFrame, id_column: str | None) -> list[ItemId]:
    values = frame.index.tolist() if id_column is None else frame[id_column].tolist()
    return [value if isinstance(value, str | int) else str(value) for value in values]


def _outcomes(
    frame: pd.DataFrame, text_column: str, id_column: str | None, parser: Parser, strict: bool
) -> Iterator[Outcome]:
    ids = _ids(frame, id_column)
    texts: list[object] = frame[text_column].tolist()
    # parse_many would give a row without text its position as id: keep the row's id.
    items: Any = zip(ids, texts, strict=True)
    for outcome, item_id, text in zip(
        parse_many(items, parser=parser, strict=strict),
        ids,
        texts,
        strict=True,
    ):
        if isinstance(text, str | bytes | os.PathLike):
            yield outcome
        else:
            message = f"no text in column {text_column!r}: {type(text).__name__} {text!r}"
            yield Outcome(outcome.index, item_id, error=Failure("TypeError", message))


def _spark_time(value: object) -> str | None:
    return value.isoformat() if isinstance(value, datetime.time) else None


def parse_frame(
    frame: pd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    parser: Parser | None = None,
    strict: bool = False,
    for_spark: bool = False,
) -> pd.DataFrame:
    """The rows (``ROW_COLUMNS``) for one pandas frame of texts, one per row, in order.

    ``text_column`` holds each row's text (``str`` or ``bytes``); a row whose text is
    missing gets a row with only ``id`` and ``error``. ``id_column=None`` takes the ids
    from the frame's index. The result keeps the frame's index and has the dtypes of
    ``row_dtypes()``; with ``for_spark=True``, ``time`` is a string ``HH:MM:SS`` (what
    ``SPARK_SCHEMA`` says).
    """
    chosen = Parser() if parser is None else parser
    rows = to_pandas(_outcomes(frame, text_column, id_column, chosen, strict))
    rows = rows.astype(row_dtypes())
    if for_spark:
        rows["time"] = rows["time"].map(_spark_time).astype(row_dtypes()["title"])
    rows.index = frame.index
    return rows


def parse_frames(
    frames: Iterable[pd.DataFrame],
    *,
    text_column: str = "text",
    id_column: str | None = None,
    parser: Parser | None = None,
    strict: bool = False,
    for_spark: bool = False,
) -> Iterator[pd.DataFrame]:
    """``parse_frame`` over each frame: the function Spark's ``mapInPandas`` wants.

    In Spark, give ``id_column`` (each batch's index only counts rows within the batch)
    and ``for_spark=True``, with ``schema=SPARK_SCHEMA``.
    """
    chosen = Parser() if parser is None else parser
    for frame in frames:
        yield parse_frame(
            frame,
            text_column=text_column,
            id_column=id_column,
            parser=chosen,
            strict=strict,
            for_spark=for_spark,
        )


def parse_dataframe(
    ddf: dd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    parser: Parser | None = None,
    strict: bool = False,
) -> dd.DataFrame:
    """A Dask dataframe of rows: ``parse_frame`` over each partition, with the same index."""
    chosen = Parser() if parser is None else parser
    index: Hashable = ddf.index.name
    meta = pd.DataFrame(
        {name: pd.Series(dtype=dtype) for name, dtype in row_dtypes().items()},
        index=pd.Index([], dtype=ddf.index.dtype, name=index),
    )
    rows: dd.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]
        parse_frame,
        text_column=text_column,
        id_column=id_column,
        parser=_delayed(chosen),
        strict=strict,
        meta=meta,
    )
    return rows
