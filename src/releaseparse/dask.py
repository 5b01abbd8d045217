"""Beyond one machine: ``parse_many`` over Dask bags and dataframes; frames for Spark too."""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable, Mapping
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

from releaseparse.frames import (
    SPARK_SCHEMA,
    check_metadata_columns,
    parse_frame,
    parse_frames,
    row_dtypes,
)
from releaseparse.outcome import Outcome
from releaseparse.parser import Parser
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


# -- Dask dataframes ---------------------------------------------------------------------


def parse_dataframe(
    ddf: dd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    metadata_columns: Mapping[str, str] | None = None,
    parser: Parser | None = None,
    strict: bool = False,
) -> dd.DataFrame:
    """A Dask dataframe of rows: ``parse_frame`` over each partition, with the same index."""
    check_metadata_columns(metadata_columns)
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
        metadata_columns=metadata_columns,
        parser=_delayed(chosen),
        strict=strict,
        meta=meta,
    )
    return rows
