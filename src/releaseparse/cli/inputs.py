"""Inputs of ``releaseparse parse``: files, folders (recursive), stdin, dumps and HTML pages."""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from releaseparse.cli.fields import FieldWatch, RowFieldError, RowFields
from releaseparse.cli.readers import (
    CSV_SUFFIXES,
    PARQUET_SUFFIXES,
    Row,
    csv_rows,
    jsonl_rows,
    listed,
    parquet_rows,
    require_pyarrow,
)
from releaseparse.html_input import require_renderer
from releaseparse.limits import DEFAULT_MAX_SIZE, open_regular
from releaseparse.tasks import HtmlSource, Item, Payload, Unreadable

#: Files read as JSONL (one release per line) rather than as one release each.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Files read as one JSON document: an object is one release, an array one per element.
JSON_SUFFIXES = (".json",)
#: Files read as HTML pages: rendered to text (the ``html`` extra), then parsed.
HTML_SUFFIXES = (".html", ".htm")
STDIN = "-"


class InputError(ValueError):
    """An input argument that cannot be used (a path that does not exist...)."""


@attrs.frozen
class Sized:
    """An item for ``parse_many``, how many bytes of input it stands for, and its row's fields.

    ``kept`` holds the input fields the output row carries (``--keep-field``); ``fields``
    names the fields of the row it came from, when named fields are watched for.
    """

    item: Item
    size: int
    kept: Mapping[str, object] | None = None
    fields: tuple[str, ...] | None = None


@attrs.frozen
class Inputs:
    """Where the releases come from and how to read them."""

    paths: Sequence[str]
    globs: Sequence[str] = ("*",)
    jsonl: bool = False
    stdin_jsonl: bool = False
    text_field: str = "text"
    id_field: str = "id"
    #: The row fields given to the parser as metadata, and those kept for the output.
    row_fields: RowFields = attrs.field(factory=RowFields)
    #: Every input is an HTML page (a row's text is one): rendered before it is parsed.
    html: bool = False
    #: The parser's limit in characters: a CSV field may hold this many (``None``: any).
    max_size: int | None = DEFAULT_MAX_SIZE
    #: Told of each folder skipped as read already (a symlink loop), in one line.
    warn: Callable[[str], None] | None = attrs.field(default=None, eq=False)

    def check(self) -> None:
        """Fail before any work on a path that does not exist, or needs a missing extra."""
        if not self.paths:
            raise InputError("give at least one file, folder, or - for stdin")
        if list(self.paths).count(STDIN) > 1:
            raise InputError("stdin (-) can be given only once")
        for name in self.paths:
            if name != STDIN and not os.path.exists(name):
                raise InputError(f"no such file or folder: {name} (check the path)")
        files = [name.lower() for name in self.paths if name != STDIN and not os.path.isdir(name)]
        files = [] if self.jsonl else files  # every file is JSONL: no page, no Parquet
        if self.html or any(name.endswith(HTML_SUFFIXES) for name in files):
            self._require(require_renderer)
        if any(name.endswith(PARQUET_SUFFIXES) for name in files):
            self._require(require_pyarrow)

    @staticmethod
    def _require(check: Callable[[], None]) -> None:
        """Run ``check``; a missing extra is an ``InputError`` saying what to install."""
        try:
            check()
        except ImportError as error:
            raise InputError(str(error)) from None

    def __iter__(self) -> Iterator[Sized]:
        for name in self.paths:
            if name == STDIN:
                yield from self._watched("<stdin>", self._stdin())
            elif os.path.isdir(name):
                for path in self._walk(name):
                    if isinstance(path, _Unlisted):
                        yield Sized((path.folder, Unreadable("OSError", path.reason)), 0)
                    elif isinstance(path, _Skipped):
                        if self.warn is not None:
                            self.warn(f"skipped {path.folder}: a link to {path.read}, read once")
                    else:
                        yield from self._watched(path, self._file(path))
            else:
                yield from self._watched(name, self._file(name))

    def _watched(self, name: str, items: Iterator[Sized]) -> Iterator[Sized]:
        """``items``, then once, if its rows had none of a named field, a warning saying so."""
        named = self.row_fields.named()
        if not named or self.warn is None:
            yield from items
            return
        watch = FieldWatch(named)
        for sized in items:
            watch.see(sized.fields)
            yield sized
        message = watch.report(name)
        if message is not None:
            self.warn(message)

    def total_size(self) -> int:
        """The bytes all file inputs hold (stdin not counted); walks the folders."""
        total = 0
        for name in self.paths:
            if name == STDIN:
                continue
            paths = self._walk(name) if os.path.isdir(name) else [name]
            for path in paths:
                if not isinstance(path, str):
                    continue
                try:
                    total += os.path.getsize(path)
                except OSError:
                    continue
        return total

    def _is_jsonl(self, name: str) -> bool:
        return self.jsonl or name.lower().endswith(JSONL_SUFFIXES)

    def _walk(self, folder: str) -> Iterator[str | _Unlisted | _Skipped]:
        """Matching files under ``folder``, in sorted order; hidden names are skipped.

        Each real folder is read once: a link to a folder read already (a symlink loop,
        or a second link to one folder) is skipped. The walk keeps its own stack, so no
        depth of folders reaches Python's recursion limit.
        """
        read: dict[tuple[int, int], str] = {}
        stack: list[Iterator[os.DirEntry[str]]] = []
        problem = _enter(folder, read, stack)
        if problem is not None:
            yield problem
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as error:  # a link that cannot be followed (a link to itself)
                yield _Unlisted(entry.path, _reason(entry.path, error))
                continue
            if is_dir:
                problem = _enter(entry.path, read, stack)
                if problem is not None:
                    yield problem
            elif is_file and any(fnmatch.fnmatch(entry.name, g) for g in self.globs):
                yield entry.path

    def _file(self, name: str) -> Iterator[Sized]:
        lower = name.lower()
        dump = self._is_jsonl(name) or lower.endswith(JSON_SUFFIXES + CSV_SUFFIXES)
        if not dump and lower.endswith(PARQUET_SUFFIXES):
            self._require(require_pyarrow)
            dump = True
        if dump:
            try:
                with open_regular(name) as stream:
                    yield from self._dump(name, stream)
            except OSError as error:
                yield Sized((name, Unreadable(type(error).__name__, _reason(name, error))), 0)
            return
        try:
            size = os.path.getsize(name)
        except OSError:
            size = 0
        html = self.html or lower.endswith(HTML_SUFFIXES)
        if html:
            self._require(require_renderer)
        yield Sized((name, HtmlSource(Path(name)) if html else Path(name)), size)

    def _dump(self, name: str, stream: BinaryIO) -> Iterator[Sized]:
        """The items of a dump file (JSONL, JSON, CSV, Parquet), read from ``stream``."""
        lower = name.lower()
        if self._is_jsonl(name):
            yield from self._lines(name, stream)
        elif lower.endswith(JSON_SUFFIXES):
            yield from self._document(name, stream.read())
        else:
            size = os.fstat(stream.fileno()).st_size
            read = csv_rows if lower.endswith(CSV_SUFFIXES) else parquet_rows
            limit = {"max_chars": self.max_size} if read is csv_rows else {}
            for row in read(name, stream, text_column=self.text_field, size=size, **limit):
                yield self._from_row(row)

    def _stdin(self) -> Iterator[Sized]:
        if self.jsonl or self.stdin_jsonl:
            yield from self._lines("<stdin>", sys.stdin.buffer)
        else:
            data = sys.stdin.buffer.read()
            yield Sized(("<stdin>", HtmlSource(data) if self.html else data), len(data))

    def _lines(self, name: str, stream: Iterable[bytes]) -> Iterator[Sized]:
        """One item per non-blank line of a JSONL stream."""
        for row in jsonl_rows(name, stream):
            yield self._from_row(row)

    def _from_row(self, row: Row) -> Sized:
        """The sized item of a row a reader gave: a failure as it is, else its record's."""
        if isinstance(row.fields, Unreadable):
            return Sized((row.where, row.fields), row.size)
        return self._sized(row.where, row.fields, row.size)

    def _document(self, name: str, data: bytes) -> Iterator[Sized]:
        """A JSON file: one item for an object, one per element for an array."""
        try:
            document = json.loads(data)
        except ValueError as error:
            message = f"{name}: the file is not JSON ({error})"
            yield Sized((name, Unreadable("InputError", message)), len(data))
            return
        if not isinstance(document, list):
            yield self._sized(name, document, len(data))
            return
        share = len(data) // max(len(document), 1)
        for position, element in enumerate(document):
            yield self._sized(f"{name}[{position}]", element, share)

    def _sized(self, where: str, row: object, size: int) -> Sized:
        """The sized item of one record (a row of any format) found at ``where``.

        With ``row_fields``, the item carries the row's metadata (an ``(id, text,
        metadata)`` triple) and the ``Sized`` the fields it keeps; a row whose named
        fields cannot be used becomes an unreadable item saying why.
        """
        item = self._record(where, row)
        fields = self.row_fields
        if not fields.used or not isinstance(row, dict):
            return Sized(item, size)
        names = tuple(row)
        assert isinstance(item, tuple)  # a record's item is always (id, payload)
        item_id, payload = item[0], item[1]
        try:
            kept = fields.kept(where, row, self.text_field)
            metadata = fields.metadata(where, row)
        except RowFieldError as error:
            return Sized((item_id, Unreadable("InputError", str(error))), size, fields=names)
        if metadata and not isinstance(payload, Unreadable):
            item = (item_id, payload, metadata)
        return Sized(item, size, kept=kept, fields=names)

    def _record(self, where: str, row: object) -> Item:
        """The item of one record found at ``where`` (its id unless it has its own).

        A record is a JSON object, a CSV record or a Parquet row, as a mapping. The
        message for a record without its text names no row, so that the same problem
        in every row of a dump is said once (``releaseparse parse`` says each failure
        message once); the failed row's id says where it is.
        """
        if not isinstance(row, dict):
            kind = type(row).__name__
            message = f"{where}: the record is a JSON {kind}, not an object"
            return where, Unreadable("InputError", message)
        item_id = row.get(self.id_field)
        item_id = item_id if isinstance(item_id, str | int) and item_id != "" else where
        text = row.get(self.text_field)
        if not isinstance(text, str):
            problem = "is missing" if self.text_field not in row else "is not text"
            problem = "is null" if self.text_field in row and text is None else problem
            message = (
                f"the field {self.text_field!r} {problem} (fields: {listed(row)}); "
                "name the text field with --text-field"
            )
            return item_id, Unreadable("InputError", message)
        payload: Payload = HtmlSource(text) if self.html else text
        return item_id, payload


@attrs.frozen
class _Unlisted:
    """A folder the walk could not list: it becomes one failed row."""

    folder: str
    reason: str


@attrs.frozen
class _Skipped:
    """A folder the walk read already, under the name ``read``: a warning, no row."""

    folder: str
    read: str


def _enter(
    folder: str, read: dict[tuple[int, int], str], stack: list[Iterator[os.DirEntry[str]]]
) -> _Unlisted | _Skipped | None:
    """Put ``folder``'s entries on the walk's ``stack``, unless it was ``read`` already."""
    try:
        status = os.stat(folder)
        key = (status.st_dev, status.st_ino)
        if key in read:
            return _Skipped(folder, read[key])
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        return _Unlisted(folder, _reason(folder, error))
    read[key] = folder
    stack.append(iter(entries))
    return None


def _reason(name: str, error: OSError) -> str:
    return f"cannot read {name}: {error.strerror or error}"
