"""Inputs of ``releaseparse parse``: files, folders (recursive), stdin and JSONL dumps."""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from releaseparse.limits import open_regular
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
    #: Told of each folder skipped as read already (a symlink loop), in one line.
    warn: Callable[[str], None] | None = attrs.field(default=None, eq=False)

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
                    elif isinstance(path, _Skipped):
                        if self.warn is not None:
                            self.warn(f"skipped {path.folder}: a link to {path.read}, read once")
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
        if self._is_jsonl(name) or name.lower().endswith(JSON_SUFFIXES):
            try:
                with open_regular(name) as stream:
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
