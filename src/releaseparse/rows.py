"""Flat rows for tables: ``Release.to_row``, and ``to_arrow``/``to_pandas`` over outcomes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from releaseparse.records import Confidence, Header, turn_count
from releaseparse.serialize import encode_value

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from releaseparse.outcome import Outcome
    from releaseparse.records import Release

#: The columns of ``Release.to_row``, in order.
RELEASE_COLUMNS = (
    "title",
    "category",
    "note_type",
    "office",
    "speakers",
    "venue",
    "place",
    "date",
    "time",
    "time_zone",
    "url",
    "from_metadata",
    "body",
    "paragraphs",
    "turns",
    "disclaimer",
    "extras",
    "defects",
)
#: The columns of ``Outcome.to_row`` (and of CSV, Parquet, Arrow and pandas output).
ROW_COLUMNS = ("id", "error", *RELEASE_COLUMNS)

#: The header fields in their order, for cells that list some of them.
_HEADER_NAMES = tuple(field.name for field in attrs.fields(Header))

#: How lists are joined into one cell (speakers, defect codes).
LIST_SEPARATOR = "; "


def speaker_cell(release: Release) -> str | None:
    """The speakers as one cell: ``Name (Role); Name``."""
    names = [f"{s.name} ({s.role})" if s.role else s.name for s in release.header.speakers]
    return LIST_SEPARATOR.join(names) or None


def metadata_cell(release: Release) -> str | None:
    """The header fields the caller's metadata filled (not read from the text): ``title; date``."""
    origins = release.origins
    filled = [name for name in _HEADER_NAMES if origins.get(name) == "metadata"]
    return LIST_SEPARATOR.join(filled) or None


def release_row(release: Release) -> dict[str, Any]:
    """The flat row of one record (see ``Release.to_row``)."""
    header = release.header
    extras = {key: encode_value(value) for key, value in release.extras.items()}
    return {
        "title": header.title,
        "category": header.category,
        "note_type": header.note_type,
        "office": header.office,
        "speakers": speaker_cell(release),
        "venue": header.venue,
        "place": header.place,
        "date": header.date,
        "time": header.time,
        "time_zone": header.time_zone,
        "url": release.url,
        "from_metadata": metadata_cell(release),
        "body": release.body.text,
        "paragraphs": len(release.body.paragraphs),
        "turns": turn_count(release.body),
        "disclaimer": release.disclaimer,
        "extras": json.dumps(extras, ensure_ascii=False, sort_keys=True) if extras else None,
        "defects": LIST_SEPARATOR.join(release.codes) or None,
    }


_EMPTY_RELEASE_ROW = dict.fromkeys(RELEASE_COLUMNS)

#: Each header field and the value that stands for none (what a left-out value becomes).
_HEADER_NONE: dict[str, Any] = {
    field.name: () if field.name == "speakers" else None for field in attrs.fields(Header)
}


def withheld_fields(release: Release, minimum: Confidence) -> tuple[str, ...]:
    """The header fields of ``release`` whose value is rated below ``minimum``, in order.

    Only fields that hold a value and were rated count: a value no extractor rated is
    never withheld, nor are ``body``, ``disclaimer`` or extras, whatever their rating.
    """
    confidence = release.confidence
    if not confidence or minimum is Confidence.UNSURE:
        return ()
    header = release.header
    return tuple(
        name
        for name, none in _HEADER_NONE.items()
        if (level := confidence.get(name)) is not None
        and not level.at_least(minimum)
        and getattr(header, name) not in (none, "")
    )


def withhold(release: Release, minimum: Confidence) -> Release:
    """``release`` with each header value rated below ``minimum`` left out.

    What ``releaseparse parse --min-confidence`` writes, in every output format: the
    values become ``None`` (``speakers`` becomes empty); everything else stays, spans,
    regions and ``confidence`` included, so the row still says where the value was and
    why it is missing. With ``Confidence.UNSURE`` (or nothing to leave out) the record is
    returned as it is.
    """
    fields = withheld_fields(release, minimum)
    if not fields:
        return release
    header = attrs.evolve(release.header, **{name: _HEADER_NONE[name] for name in fields})
    return attrs.evolve(release, header=header)


def outcome_row(outcome: Outcome) -> dict[str, Any]:
    """The flat row of one outcome: a failed input has only ``id`` and ``error``."""
    error = None if outcome.error is None else str(outcome.error)
    fields = _EMPTY_RELEASE_ROW if outcome.release is None else release_row(outcome.release)
    return {"id": str(outcome.id), "error": error, **fields}


def require(module: str, extra: str) -> Any:
    """Import an optional dependency, or say which extra installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"this needs {module.split('.')[0]}: pip install 'releaseparse[{extra}]'"
        ) from error


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of the rows (needs the ``arrow`` extra)."""
    pa = require("pyarrow", "arrow")

    types = {"date": pa.date32(), "time": pa.time64("us"), "paragraphs": pa.int32()}
    types["turns"] = pa.int32()
    return pa.schema([(name, types.get(name, pa.string())) for name in ROW_COLUMNS])


def _batches(outcomes: Iterable[Outcome], size: int) -> Iterator[list[dict[str, Any]]]:
    rows = (outcome_row(outcome) for outcome in outcomes)
    while batch := list(islice(rows, size)):
        yield batch


def arrow_batches(
    outcomes: Iterable[Outcome], batch_size: int = 1024
) -> Iterator[pyarrow.RecordBatch]:
    """Record batches of ``batch_size`` rows, streamed (needs the ``arrow`` extra)."""
    pa = require("pyarrow", "arrow")

    schema = arrow_schema()
    for batch in _batches(outcomes, batch_size):
        yield pa.RecordBatch.from_pylist(batch, schema=schema)


def to_arrow(outcomes: Iterable[Outcome]) -> pyarrow.Table:
    """A ``pyarrow.Table`` with one row per outcome (``pip install 'releaseparse[arrow]'``)."""
    pa = require("pyarrow", "arrow")
    return pa.Table.from_batches(list(arrow_batches(outcomes)), schema=arrow_schema())


def to_pandas(outcomes: Iterable[Outcome]) -> pandas.DataFrame:
    """A ``pandas.DataFrame`` with one row per outcome (``pip install 'releaseparse[pandas]'``)."""
    require("pandas", "pandas")
    import pandas as pd

    from releaseparse.frames import row_dtypes

    rows = [outcome_row(outcome) for outcome in outcomes]
    # Fixed dtypes (see ``row_dtypes``): a column is typed the same when it is empty.
    return pd.DataFrame.from_records(rows, columns=list(ROW_COLUMNS)).astype(row_dtypes())


__all__ = ["RELEASE_COLUMNS", "ROW_COLUMNS", "arrow_schema", "to_arrow", "to_pandas"]
