"""Read a JSONL results file (one ``Outcome.to_json()`` object per line) back as outcomes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from releaseparse.outcome import Failure, Outcome
from releaseparse.records import Release


def _problem(row: Any) -> str | None:
    """Why ``row`` is not an ``Outcome.to_json()`` object, or ``None`` if it is one."""
    if not isinstance(row, dict):
        return f"expected a JSON object, got {type(row).__name__}"
    if "id" not in row:
        return 'no "id" key'
    if isinstance(row["id"], bool) or not isinstance(row["id"], str | int):
        return f'"id" must be a string or an integer, got {type(row["id"]).__name__}'
    if ("release" in row) == ("error" in row):
        return 'expected exactly one of "release" and "error"'
    if "release" in row and not isinstance(row["release"], dict):
        return '"release" must be an object'
    if "error" in row:
        error = row["error"]
        if not (
            isinstance(error, dict)
            and isinstance(error.get("type"), str)
            and isinstance(error.get("message"), str)
        ):
            return '"error" must be an object with string "type" and "message"'
    return None


#: What ``parse`` writes besides JSONL, by suffix: ``report`` cannot read it.
_OTHER_SUFFIXES = {".csv": "CSV", ".parquet": "Parquet", ".pq": "Parquet", ".json": "a JSON array"}


def other_format(path: str | os.PathLike[str]) -> str | None:
    """The other output of ``parse`` a file holds (``"CSV"``, ``"Parquet"``...), else ``None``.

    Judged by its first bytes: Parquet's ``PAR1``, a JSON array's ``[``, the CSV header
    ``parse`` writes; then by its suffix. A file that may be JSONL gives ``None``.
    """
    try:
        with open(path, "rb") as stream:
            start = stream.read(64).lstrip()
    except OSError:
        return None
    if start.startswith(b"PAR1"):
        return "Parquet"
    if start.startswith(b"["):
        return "a JSON array"
    if start.startswith(b"id,error,"):
        return "CSV"
    if start.startswith(b"{"):
        return None
    return _OTHER_SUFFIXES.get(os.path.splitext(path)[1].lower())


def read_results(path: str | os.PathLike[str]) -> Iterator[Outcome]:
    """Yield the outcomes of a JSONL results file lazily, one line at a time, in order.

    Blank lines are skipped. A line that is not JSON, or not an ``{"id", "release"}`` or
    ``{"id", "error": {"type", "message"}}`` object, raises ``ValueError`` naming the file
    and the line number. ``Outcome.index`` is the row's position among the rows.
    """
    index = 0
    with open(path, "rb") as lines:
        for number, data in enumerate(lines, 1):
            if not data.strip():
                continue
            where = f"{os.fspath(path)}, line {number}"
            try:
                row = json.loads(data.decode("utf-8"))
            except UnicodeDecodeError as error:
                raise ValueError(f"{where}: not UTF-8 ({error.reason})") from None
            except json.JSONDecodeError as error:
                raise ValueError(f"{where}: not JSON ({error.msg})") from None
            problem = _problem(row)
            if problem:
                raise ValueError(f"{where}: not a results row: {problem}")
            if "error" in row:
                failure = Failure(row["error"]["type"], row["error"]["message"])
                yield Outcome(index, row["id"], error=failure)
            else:
                try:
                    release = Release.from_dict(row["release"])
                except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
                    detail = f"bad release ({type(error).__name__}: {error})"
                    raise ValueError(f"{where}: not a results row: {detail}") from None
                yield Outcome(index, row["id"], release=release)
            index += 1
