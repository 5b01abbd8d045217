"""Output writers for ``releaseparse parse``: JSONL, JSON, CSV and Parquet, written atomically."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import stat
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from releaseparse.cli.fields import INPUT_PREFIX
from releaseparse.outcome import Outcome
from releaseparse.rows import ROW_COLUMNS, arrow_schema

if TYPE_CHECKING:
    import pyarrow.parquet

FORMATS = ("jsonl", "json", "csv", "parquet")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

#: A cell starting with one of these is read as a formula by spreadsheets (also full-width).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

#: Rows per Parquet row group / Arrow batch.
PARQUET_BATCH = 1024


def _is_special(target: Path) -> bool:
    """Whether ``target`` exists and is no regular file or folder (a device, a pipe)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _temporary_beside(target: Path) -> Path:
    """A new empty file beside ``target``, with the permissions a plain ``open`` would give.

    ``mkstemp`` makes files only the owner can read; the output should get the usual
    mode (0666 less the umask), as if written in place.
    """
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)
    return Path(name)


def choose_format(output: str | None, given: str | None) -> str:
    """The format of ``-o output`` with ``--format given``; ``ValueError`` (one line) if unclear.

    A known suffix decides, and a ``--format`` that says otherwise is refused (CSV in a
    ``.parquet`` file); an unknown suffix (``.xlsx``) needs ``--format``. Stdout and a
    name with no suffix take ``--format``, else JSONL.
    """
    suffix = "" if output is None else Path(output).suffix.lower()
    implied = _SUFFIXES.get(suffix)
    if implied is not None and given is not None and given != implied:
        raise ValueError(
            f"-o {output} names a {implied} file but --format is {given}: drop --format,"
            f" or give a name ending {_suffix_of(given)}"
        )
    if implied is None and suffix and given is None:
        known = ", ".join(_SUFFIXES)
        raise ValueError(
            f"-o {output}: unknown output suffix {suffix}; end the name with one of {known},"
            f" or choose with --format {{{','.join(FORMATS)}}}"
        )
    return implied or given or "jsonl"


def _suffix_of(chosen: str) -> str:
    return next(suffix for suffix, name in _SUFFIXES.items() if name == chosen)


def neutralise(cell: object) -> object:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _json_line(outcome: Outcome) -> str:
    # ensure_ascii=False keeps text readable; lone surrogates (possible in str input)
    # are escaped when the text is encoded, which keeps the JSON valid.
    return json.dumps(outcome.to_json(), ensure_ascii=False)


class Writer:
    """Writes rows to a temporary file and renames it onto the output when committed.

    An interrupted or failed run leaves no half-written output: ``commit`` makes the
    rows written so far the output (a complete, valid file); ``discard`` removes them.
    With no output path, rows go to stdout as they come.

    ``inputs`` (``--keep-field``) makes each row carry fields of its input, given to
    ``with_input``: JSON rows hold them all under ``"input"``; flat rows (CSV, Parquet)
    have one column ``input.NAME`` for each name in ``inputs``, in that order.
    """

    binary = False
    #: The name ``--format`` gives it.
    format = ""

    def __init__(self, output: str | None, *, inputs: Sequence[str] | None = None) -> None:
        self.output = output
        self.inputs = inputs
        self.temporary: Path | None = None
        self.rows = 0
        if output is None:
            self.stream: IO[Any] = sys.stdout.buffer if self.binary else stdout_text()
            self.start()
            return
        if _is_special(Path(output)):
            # ``-o /dev/null``, a named pipe: written in place (moving a file onto a
            # device would replace the device).
            self.stream = self._open(Path(output))
            self.start()
            return
        self.temporary = _temporary_beside(Path(output))
        try:
            self.stream = self._open(self.temporary)
        except BaseException:
            self.temporary.unlink(missing_ok=True)
            raise
        try:
            self.start()
        except BaseException:
            self.discard()
            raise

    def _open(self, path: Path) -> IO[Any]:
        return path.open("w", encoding="utf-8", errors="backslashreplace", newline="")

    def start(self) -> None:
        """Write what comes before the first row."""

    @staticmethod
    def encode(outcome: Outcome) -> Any:
        """The row of ``outcome`` as ``write`` takes it (done in the workers with --jobs)."""
        raise NotImplementedError

    def write(self, row: Any) -> None:
        """Write one row made by ``encode``."""
        raise NotImplementedError

    def with_input(self, row: Any, kept: Mapping[str, object]) -> Any:
        """``row`` (made by ``encode``) carrying the input fields ``kept`` (JSON values)."""
        return row[:-1] + ', "input": ' + json.dumps(kept, ensure_ascii=False) + "}"

    def input_columns(self) -> list[str]:
        """The flat output's columns of kept input fields: ``input.NAME`` each."""
        return [INPUT_PREFIX + name for name in self.inputs or ()]

    def finish(self) -> None:
        """Write what comes after the last row."""

    def commit(self) -> None:
        """Finish the file and move it onto the output."""
        self.finish()
        if self.temporary is None:
            if self.output is None:
                self.stream.flush()
            else:
                self.stream.close()
            return
        self.stream.close()
        os.replace(self.temporary, self.output)  # type: ignore[arg-type]
        self.temporary = None

    def discard(self) -> None:
        """Drop what was written; an existing output is left as it was.

        The temporary file is removed even when closing it fails (on a full disk, the
        close's flush fails too).
        """
        temporary, self.temporary = self.temporary, None
        if temporary is None:
            if self.output is not None:
                with contextlib.suppress(OSError):  # a device or a pipe: nothing to drop
                    self.abandon()
            return
        try:
            self.abandon()
        except OSError:
            pass  # the file is dropped either way
        finally:
            temporary.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Close the stream without finishing the file."""
        self.stream.close()


def stdout_text() -> IO[str]:
    """Stdout as text that never fails on a lone surrogate (escaped, as JSON allows)."""
    stdout = sys.stdout
    if hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    return stdout


class JsonlWriter(Writer):
    """One JSON object per line: ``{"id", "release"}`` or ``{"id", "error"}``."""

    format = "jsonl"

    encode = staticmethod(_json_line)

    def write(self, row: str) -> None:
        self.stream.write(row + "\n")
        self.rows += 1


class JsonWriter(Writer):
    """One JSON array of the JSONL rows, one row per line."""

    format = "json"

    def start(self) -> None:
        self.stream.write("[")

    encode = staticmethod(_json_line)

    def write(self, row: str) -> None:
        self.stream.write(("\n" if self.rows == 0 else ",\n") + row)
        self.rows += 1

    def finish(self) -> None:
        self.stream.write("\n]\n")


class CsvWriter(Writer):
    """The flat rows (``releaseparse.ROW_COLUMNS``), with formula-like cells neutralised."""

    format = "csv"

    def start(self) -> None:
        self._csv = csv.writer(self.stream)
        self._csv.writerow([*ROW_COLUMNS, *self.input_columns()])

    @staticmethod
    def encode(outcome: Outcome) -> list[object]:
        row = outcome.to_row()
        return [neutralise(_cell(row[column])) for column in ROW_COLUMNS]

    def write(self, row: list[object]) -> None:
        self._csv.writerow(row)
        self.rows += 1

    def with_input(self, row: list[object], kept: Mapping[str, object]) -> list[object]:
        return [*row, *(neutralise(_flat_input(kept.get(name))) for name in self.inputs or ())]


def _flat_input(value: object) -> str | None:
    """A kept input value as one text cell: text as it is, anything else as its JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class ParquetWriter(Writer):
    """The flat rows in Parquet, one row group per ``PARQUET_BATCH`` rows."""

    format = "parquet"

    binary = True

    def _open(self, path: Path) -> IO[Any]:
        return path.open("wb")

    def start(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pending: list[dict[str, Any]] = []
        schema = arrow_schema()
        self._schema = pa.schema(
            [*schema, *(pa.field(c, pa.string()) for c in self.input_columns())]
        )
        self._parquet: pyarrow.parquet.ParquetWriter = pq.ParquetWriter(self.stream, self._schema)

    @staticmethod
    def encode(outcome: Outcome) -> dict[str, Any]:
        return outcome.to_row()

    def with_input(self, row: dict[str, Any], kept: Mapping[str, object]) -> dict[str, Any]:
        for name in self.inputs or ():
            row[INPUT_PREFIX + name] = _flat_input(kept.get(name))
        return row

    def write(self, row: dict[str, Any]) -> None:
        self._pending.append(row)
        self.rows += 1
        if len(self._pending) >= PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._pending:
            batch = pa.RecordBatch.from_pylist(self._pending, schema=self._schema)
            self._parquet.write_batch(batch)
            self._pending = []

    def finish(self) -> None:
        self._flush()
        self._parquet.close()

    def abandon(self) -> None:
        # No footer: a ParquetWriter left open would try to write one when collected,
        # and complain on stderr when it cannot.
        parquet = getattr(self, "_parquet", None)
        if parquet is not None:
            parquet.is_open = False
        self.stream.close()


WRITERS: dict[str, type[Writer]] = {
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "csv": CsvWriter,
    "parquet": ParquetWriter,
}


class PageWriter(Writer):
    """A page of text (the HTML of ``explain`` and ``report``), written like the rows."""

    format = "html"

    def write(self, row: str) -> None:
        self.stream.write(row)
