"""Inputs of ``releaseparse parse``: files, folders (recursive), stdin and JSONL dumps."""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from releaseparse.tasks import Item, Unreadable

#: Files read as JSONL (one release per line) rather than as one release each.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Files read as one JSON document: an object is one release, an array one per element.
JSON_SUFFIXES = (".json",)
STDIN = "-"


class InputError(ValueError):
    """An input argument that cannot be used (a path that does not exist...)."""


@attrs.frozen
class Sized:
    """An item for ``parse_many`` and how many bytes of input it stands for."""

    item: Item
    size: int


@attrs.frozen
class Inputs:
    """Where the releases come from and how to read them."""

    paths: Sequence[str]
    globs: Sequence[str] = ("*",)
    jsonl: bool = False
    stdin_jsonl: bool = False
    text_field: str = "text"
    id_field: str = "id"

    def check(self) -> None:
        """Fail before any work on a path that does not exist."""
        if not self.paths:
            raise InputError("give at least one file, folder, or - for stdin")
        if list(self.paths).count(STDIN) > 1:
            raise InputError("stdin (-) can be given only once")
        for name in self.paths:
            if name != STDIN and not os.path.exists(name):
                raise InputError(f"no such file or folder: {name} (check the path)")

    def __iter__(self) -> Iterator[Sized]:
        for name in self.paths:
            if name == STDIN:
                yield from self._stdin()
            elif os.path.isdir(name):
                for path in self._walk(name):
                    if isinstance(path, _Unlisted):
                        yield Sized((path.folder, Unreadable("OSError", path.reason)), 0)
                    else:
                        yield from self._file(path)
            else:
                yield from self._file(name)

    def total_size(self) -> int:
        """The bytes all file inputs hold (stdin not counted); walks the folders."""
        total = 0
        for name in self.paths:
            if name == STDIN:
                continue
            paths = self._walk(name) if os.path.isdir(name) else [name]
            for path in paths:
                if isinstance(path, _Unlisted):
                    continue
                try:
                    total += os.path.getsize(path)
                except OSError:
                    continue
        return total

    def _is_jsonl(self, name: str) -> bool:
        return self.jsonl or name.lower().endswith(JSONL_SUFFIXES)

    def _walk(self, folder: str) -> Iterator[str | _Unlisted]:
        """Matching files under ``folder``, in sorted order; hidden names are skipped."""
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield _Unlisted(folder, _reason(folder, error))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                yield from self._walk(entry.path)
            elif entry.is_file() and any(fnmatch.fnmatch(entry.name, g) for g in self.globs):
                yield entry.path

    def _file(self, name: str) -> Iterator[Sized]:
        if self._is_jsonl(name) or name.lower().endswith(JSON_SUFFIXES):
            try:
                with open(name, "rb") as stream:
                    if self._is_jsonl(name):
                        yield from self._lines(name, stream)
                    else:
                        yield from self._document(name, stream.read())
            except OSError as error:
                yield Sized((name, Unreadable(type(error).__name__, _reason(name, error))), 0)
        else:
            try:
                size = os.path.getsize(name)
            except OSError:
                size = 0
            yield Sized((name, Path(name)), size)

    def _stdin(self) -> Iterator[Sized]:
        if self.jsonl or self.stdin_jsonl:
            yield from self._lines("<stdin>", sys.stdin.buffer)
        else:
            data = sys.stdin.buffer.read()
            yield Sized(("<stdin>", data), len(data))

    def _lines(self, name: str, stream: Iterable[bytes]) -> Iterator[Sized]:
        """One item per non-blank line of a JSONL stream."""
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield Sized(self._row(name, number, line), len(line))

    def _document(self, name: str, data: bytes) -> Iterator[Sized]:
        """A JSON file: one item for an object, one per element for an array."""
        try:
            document = json.loads(data)
        except ValueError as error:
            message = f"{name}: the file is not JSON ({error})"
            yield Sized((name, Unreadable("InputError", message)), len(data))
            return
        if not isinstance(document, list):
            yield Sized(self._record(name, document), len(data))
            return
        share = len(data) // max(len(document), 1)
        for position, element in enumerate(document):
            yield Sized(self._record(f"{name}[{position}]", element), share)

    def _row(self, name: str, number: int, line: bytes) -> Item:
        where = f"{name}:{number}"
        try:
            row = json.loads(line)
        except ValueError as error:
            return where, Unreadable("InputError", f"{where}: the line is not JSON ({error})")
        return self._record(where, row)

    def _record(self, where: str, row: object) -> Item:
        """The item of one JSON record found at ``where`` (its id unless it has its own)."""
        if not isinstance(row, dict):
            kind = type(row).__name__
            message = f"{where}: the record is a JSON {kind}, not an object"
            return where, Unreadable("InputError", message)
        item_id = row.get(self.id_field)
        item_id = item_id if isinstance(item_id, str | int) and item_id != "" else where
        text = row.get(self.text_field)
        if not isinstance(text, str):
            fields = ", ".join(sorted(row)) or "none"
            problem = "is not text" if self.text_field in row else "is missing"
            message = (
                f"{where}: the field {self.text_field!r} {problem} (fields: {fields}); "
                "name the text field with --text-field"
            )
            return item_id, Unreadable("InputError", message)
        return item_id, text


@attrs.frozen
class _Unlisted:
    """A folder the walk could not list: it becomes one failed row."""

    folder: str
    reason: str


def _reason(name: str, error: OSError) -> str:
    return f"cannot read {name}: {error.strerror or error}"
