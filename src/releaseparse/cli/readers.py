"""Rows of dump files, read one at a time: JSONL lines, CSV records and Parquet rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

import attrs

from releaseparse.tasks import Unreadable

#: Files read as CSV (a header row naming the columns, then one release per row).
CSV_SUFFIXES = (".csv",)
#: Files read as Parquet (one release per row); they need pyarrow, the ``arrow`` extra.
PARQUET_SUFFIXES = (".parquet", ".pq")
#: What to install to read Parquet; the message when it is missing names it.
ARROW_EXTRA = "pip install 'releaseparse[arrow]'"
#: Parquet rows converted at a time: memory holds this many rows, not a whole row group.
PARQUET_BATCH = 256
#: How many column names a message lists before it says how many more there are.
NAMES_SHOWN = 20
#: The largest field limit the ``csv`` module takes on every platform (a C ``long``).
_CSV_LIMIT_MAX = 2**31 - 1
#: The ``csv`` module's own limit, which a lower parser limit does not lower further.
_CSV_DEFAULT_LIMIT = 131_072


@attrs.frozen
class Row:
    """One row of a dump: where it is, its fields as read, and the bytes it stands for.

    ``fields`` is a mapping for a row that was read (a JSONL line may hold any JSON
    value: what is no object is judged where the row becomes an item), or an
    ``Unreadable`` for one that was not: a line that is not JSON, a file without the
    text column (said once, for the whole file), a CSV file that breaks off.
    """

    where: str
    fields: object
    size: int


def listed(names: Iterable[str]) -> str:
    """``names`` sorted and joined for a message, at most ``NAMES_SHOWN`` of them."""
    ordered = sorted(names)
    if not ordered:
        return "none"
    shown = ", ".join(ordered[:NAMES_SHOWN])
    more = len(ordered) - NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _no_column(name: str, column: str, columns: Sequence[str], size: int) -> Row:
    message = (
        f"{name} has no column {column!r} (columns: {listed(columns)}); name the text column"
        " with --text-field"
    )
    return Row(name, Unreadable("InputError", message), size)


def jsonl_rows(name: str, stream: Iterable[bytes]) -> Iterator[Row]:
    """One row per non-blank line of a JSONL stream, at ``NAME:LINE``."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            fields = json.loads(line)
        except ValueError as error:
            message = f"{where}: the line is not JSON ({error})"
            yield Row(where, Unreadable("InputError", message), len(line))
            continue
        yield Row(where, fields, len(line))


def csv_rows(
    name: str, stream: BinaryIO, *, text_column: str, max_chars: int | None, size: int
) -> Iterator[Row]:
    """One row per record of a CSV file (UTF-8, a header row first), at ``NAME:N``.

    ``N`` counts the records after the header from 1; blank lines are skipped. A field
    may hold up to ``max_chars`` characters (the parser's limit, ``None`` for none) and
    one more, so a release of any size the parser takes fits in one, and one just past
    it is read to be refused by the parser (``source.too_large``). A file without
    ``text_column`` is one unreadable row, and so is a row that is not UTF-8; a file that
    stops being CSV (a field past the limit) ends with one, and is read no further.
    """
    wanted = _CSV_LIMIT_MAX if max_chars is None else max(max_chars + 1, _CSV_DEFAULT_LIMIT)
    limit = min(wanted, _CSV_LIMIT_MAX)
    csv.field_size_limit(limit)
    # Undecodable bytes are kept as lone surrogates, so a row holding one fails alone.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    number = 0
    try:
        header = next(reader, None)
        if header is None:
            return
        if text_column not in header:
            yield _no_column(name, text_column, header, size)
            return
        for record in reader:
            if not record:
                continue
            number += 1
            where, size = f"{name}:{number}", sum(map(len, record)) + len(record)
            bad = _undecoded(record)
            if bad is not None:
                message = (
                    f"{where}: the row is not UTF-8 text (byte {bad}); CSV files are read as UTF-8"
                )
                yield Row(where, Unreadable("InputError", message), size)
                continue
            yield Row(where, dict(zip(header, record, strict=False)), size)
    except csv.Error as error:
        problem = str(error)
        if "field limit" in problem:
            problem = f"holds a field longer than {limit:,} characters (see --max-mb)"
        yield _broken(name, number, f"is not read past it: it {problem}")


def _undecoded(record: list[str]) -> str | None:
    """The first byte of ``record`` that was not UTF-8 (``0xe9``), if any."""
    for cell in record:
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"0x{ord(cell[error.start]) - 0xDC00:02x}"
    return None


def _broken(name: str, number: int, problem: str) -> Row:
    """The last row of a CSV file that cannot be read further: the record after ``number``."""
    where = f"{name}:{number + 1}"
    message = f"{where}: the CSV file {problem}; the rest of {name} is not read"
    return Row(where, Unreadable("InputError", message), 0)


def require_pyarrow() -> None:
    """Raise ``ImportError`` naming the ``arrow`` extra when pyarrow is not installed."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ImportError(f"reading Parquet needs pyarrow: {ARROW_EXTRA}") from None


def parquet_rows(name: str, stream: BinaryIO, *, text_column: str, size: int) -> Iterator[Row]:
    """One row per row of a Parquet file, at ``NAME:N`` (``N`` from 1), read in batches.

    Only ``PARQUET_BATCH`` rows are held at a time. A file without ``text_column`` is
    one unreadable row; a file that is no Parquet, or breaks off, ends with one.
    ``ImportError`` naming the ``arrow`` extra when pyarrow is not installed.
    """
    require_pyarrow()
    import pyarrow
    import pyarrow.parquet

    number = 0
    try:
        # Without pre-buffering, a row group is read when its rows are wanted, not all first.
        table = pyarrow.parquet.ParquetFile(stream, pre_buffer=False)
        columns = table.schema_arrow.names
        if text_column not in columns:
            yield _no_column(name, text_column, columns, size)
            return
        share = size // max(table.metadata.num_rows, 1)
        for batch in table.iter_batches(batch_size=PARQUET_BATCH):
            for fields in batch.to_pylist():
                number += 1
                yield Row(f"{name}:{number}", fields, share)
    except (OSError, pyarrow.ArrowException) as error:
        where = name if number == 0 else f"{name}:{number + 1}"
        message = f"{where}: not read as Parquet ({error})"
        if number:
            message += f"; the rest of {name} is not read"
        yield Row(where, Unreadable("InputError", message), 0)
