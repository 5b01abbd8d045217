"""Rows for pandas frames of texts: one frame at a time, for Dask partitions and Spark batches.

Needs pandas only (``pip install 'releaseparse[pandas]'``), so Spark executors do not
need Dask.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from releaseparse.metadata import METADATA_KEYS
from releaseparse.outcome import ItemId
from releaseparse.parser import Parser
from releaseparse.rows import ROW_COLUMNS, to_pandas

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SPARK_SCHEMA", "parse_frame", "parse_frames", "row_dtypes"]

_SPARK_TYPES = {"date": "DATE", "paragraphs": "INT", "turns": "INT"}

#: The Spark schema of ``parse_frames(..., for_spark=True)`` as a DDL string, for
#: ``mapInPandas``. Spark has no time-of-day type: ``time`` is a ``STRING`` ``HH:MM:SS``.
SPARK_SCHEMA = ", ".join(f"{name} {_SPARK_TYPES.get(name, 'STRING')}" for name in ROW_COLUMNS)


def row_dtypes() -> dict[str, Any]:
    """The dtype of each row column: pandas' string dtype, ``object`` dates and times, ``Int32``.

    They are fixed, not inferred, so every frame (every Dask partition, and ``meta``)
    agrees even when a column is empty in one of them.
    """
    import pandas as pd

    text = pd.Series(["", None]).dtype  # "str" from pandas 3 on, object before
    kinds: dict[str, Any] = {"date": object, "time": object, "paragraphs": "Int32"}
    kinds["turns"] = "Int32"
    return {name: kinds.get(name, text) for name in ROW_COLUMNS}


def _ids(frame: pd.DataFrame, id_column: str | None) -> list[ItemId]:
    values = frame.index.tolist() if id_column is None else frame[id_column].tolist()
    return [value if isinstance(value, str | int) else str(value) for value in values]


def _spark_time(value: object) -> str | None:
    return value.isoformat() if isinstance(value, datetime.time) else None


def check_metadata_columns(metadata_columns: Mapping[str, str] | None) -> dict[str, str]:
    """``metadata_columns`` as a dict, its keys checked: ``ValueError`` names a wrong one."""
    given = dict(metadata_columns or {})
    wrong = [key for key in given if key not in METADATA_KEYS]
    if wrong:
        known = ", ".join(METADATA_KEYS)
        raise ValueError(f"metadata_columns: unknown key {wrong[0]!r} (known: {known})")
    return given


def parse_frame(
    frame: pd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    metadata_columns: Mapping[str, str] | None = None,
    parser: Parser | None = None,
    strict: bool = False,
    for_spark: bool = False,
) -> pd.DataFrame:
    """The rows (``ROW_COLUMNS``) for one pandas frame of texts, one per row, in order.

    ``text_column`` holds each row's text (``str`` or ``bytes``); a row whose text is
    missing gets a row with only ``id`` and ``error``. ``id_column=None`` takes the ids
    from the frame's index. ``metadata_columns`` names the columns holding metadata
    (``{"title": "headline", "date": "published", "url": "link"}``), given to the parser
    beside each text as ``parse(text, metadata=...)`` takes it; an empty cell gives none.
    The result keeps the frame's index and has the dtypes of ``row_dtypes()``; with
    ``for_spark=True``, ``time`` is a string ``HH:MM:SS`` (what ``SPARK_SCHEMA`` says).
    """
    from releaseparse.pipeline import parse_many

    columns = check_metadata_columns(metadata_columns)
    ids, texts = _ids(frame, id_column), frame[text_column].tolist()
    items: Any
    if columns:
        values = {key: frame[column].tolist() for key, column in columns.items()}
        rows_metadata = [
            {key: cells[row] for key, cells in values.items()} for row in range(len(texts))
        ]
        items = zip(ids, texts, rows_metadata, strict=True)
    else:
        items = zip(ids, texts, strict=True)
    rows = to_pandas(parse_many(items, parser=parser, strict=strict))
    if for_spark:
        rows["time"] = rows["time"].map(_spark_time).astype(row_dtypes()["title"])
    rows.index = frame.index
    return rows


def parse_frames(
    frames: Iterable[pd.DataFrame],
    *,
    text_column: str = "text",
    id_column: str | None = None,
    metadata_columns: Mapping[str, str] | None = None,
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
            metadata_columns=metadata_columns,
            parser=chosen,
            strict=strict,
            for_spark=for_spark,
        )
