"""CSV and Parquet dumps as inputs, read row by row like JSONL; a missing text field said once."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import releaseparse
from releaseparse.cli import main
from releaseparse.cli.readers import PARQUET_BATCH, Row, csv_rows, jsonl_rows, parquet_rows
from releaseparse.tasks import Unreadable
from tests.conftest import FIXTURES

TEXTS = [
    (FIXTURES / name).read_text("utf-8")
    for name in ("a_speaker.txt", "b_venue_place_time.txt", "a_media_note.txt")
]
TITLES = [releaseparse.parse(text).header.title for text in TEXTS]


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def write_csv(path: Path, header: list[str], records: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(records)
    return path


def parse(*args: str, out: Path) -> int:
    return main(["parse", *args, "-o", str(out)])


class Counting(io.RawIOBase):
    """A file read through: how many of its bytes were read so far."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0
        self.total = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.position, 2: len(self.data)}[whence]
        self.position = base + offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self.data[self.position : self.position + len(buffer)]
        buffer[: len(chunk)] = chunk
        self.position += len(chunk)
        self.total += len(chunk)
        return len(chunk)


# -- CSV -------------------------------------------------------------------------------------


def test_csv_rows_are_inputs_with_their_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_csv(
        tmp_path / "dump.csv",
        ["id", "body", "other"],
        [["r1", TEXTS[0], "x"], ["", TEXTS[1], "y"], [], ["r3"], ["r4", TEXTS[2], "z"]],
    )
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "--text-field", "body", out=out) == 1  # r3 has no text
    rows = rows_of(out)
    assert [row["id"] for row in rows] == ["r1", f"{dump}:2", "r3", "r4"]  # blank line skipped
    assert [("error" in row) for row in rows] == [False, False, True, False]
    titles = [row["release"]["header"]["title"] for row in rows if "release" in row]
    assert titles == [TITLES[0], TITLES[1], TITLES[2]]
    error = rows[2]["error"]
    assert isinstance(error, dict)
    assert error["message"] == (
        "the field 'body' is missing (fields: id); name the text field with --text-field"
    )
    assert "r3: InputError: the field 'body' is missing" in capsys.readouterr().err


def test_a_csv_file_without_the_text_column_is_one_failure_naming_the_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_csv(tmp_path / "dump.csv", ["id", "text"], [[str(n), "x"] for n in range(50)])
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "--text-field", "body", out=out) == 1
    (row,) = rows_of(out)
    assert row == {
        "id": str(dump),
        "error": {
            "type": "InputError",
            "message": f"{dump} has no column 'body' (columns: id, text); name the text"
            " column with --text-field",
        },
    }
    assert capsys.readouterr().err.count("has no column 'body'") == 1


def test_a_csv_field_past_the_csv_modules_own_limit_is_read(tmp_path: Path) -> None:
    huge = TEXTS[0] + "\n\n" + "A long paragraph of the body. " * 20_000  # 600,000 characters
    dump = write_csv(tmp_path / "dump.csv", ["text"], [[huge], [TEXTS[1]]])
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "-q", out=out) == 0
    rows = rows_of(out)
    assert [row["release"]["header"]["title"] for row in rows] == TITLES[:2]


def test_a_csv_field_past_the_parsers_limit_is_refused_and_ends_the_file(
    tmp_path: Path,
) -> None:
    dump = write_csv(
        tmp_path / "dump.csv",
        ["text"],
        [[TEXTS[0]], ["x" * 200_001], ["y" * 300_000], [TEXTS[1]]],
    )
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "-q", "--max-mb", "0.2", out=out) == 1
    rows = rows_of(out)
    assert len(rows) == 3
    first, within, past = rows
    assert "release" in first
    assert within["release"]["defects"][0]["code"] == "source.too_large"
    assert within["id"] == f"{dump}:2"
    assert past["id"] == f"{dump}:3"
    message = past["error"]["message"]
    assert "longer than 200,001 characters" in message
    assert f"the rest of {dump} is not read" in message


def test_a_csv_row_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    dump = tmp_path / "dump.csv"
    dump.write_bytes(b"id,text\nr1,fine\nr2,caf\xe9\nr3,more\n")
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "-q", out=out) == 1
    rows = rows_of(out)
    assert [row["id"] for row in rows] == ["r1", f"{dump}:2", "r3"]
    assert [("error" in row) for row in rows] == [False, True, False]
    message = rows[1]["error"]["message"]
    assert (
        message == f"{dump}:2: the row is not UTF-8 text (byte 0xe9); CSV files are read as UTF-8"
    )


def test_a_csv_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    dump = tmp_path / "dump.csv"
    dump.write_bytes(b"\xef\xbb\xbfid,text\nr1," + json.dumps(TEXTS[0]).encode() + b"\n")
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "-q", out=out) == 0
    assert rows_of(out)[0]["id"] == "r1"


def test_csv_rows_are_read_as_they_are_needed() -> None:
    data = io.StringIO()
    writer = csv.writer(data)
    writer.writerow(["id", "text"])
    writer.writerows([str(n), "body text " * 1000] for n in range(200))
    raw = Counting(data.getvalue().encode())
    rows = csv_rows("d.csv", io.BufferedReader(raw), text_column="text", max_chars=None, size=0)
    first = next(rows)
    assert first.where == "d.csv:1"
    assert raw.total < len(raw.data) // 10
    assert sum(1 for _ in rows) == 199


# -- Parquet ---------------------------------------------------------------------------------


def test_parquet_rows_are_inputs_with_their_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pa = pytest.importorskip("pyarrow", reason="the test extras install it")
    pq = pytest.importorskip("pyarrow.parquet", reason="the test extras install it")
    dump = tmp_path / "dump.parquet"
    table = pa.table({"id": [7, None, 9], "text": [TEXTS[0], TEXTS[1], None]})
    pq.write_table(table, dump, row_group_size=1)
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), out=out) == 1
    rows = rows_of(out)
    assert [row["id"] for row in rows] == [7, f"{dump}:2", 9]
    assert [row["release"]["header"]["title"] for row in rows[:2]] == TITLES[:2]
    assert rows[2]["error"]["message"].startswith("the field 'text' is null")
    assert "9: InputError" in capsys.readouterr().err


def test_a_parquet_file_without_the_text_column_is_one_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pa = pytest.importorskip("pyarrow", reason="the test extras install it")
    pq = pytest.importorskip("pyarrow.parquet", reason="the test extras install it")
    dump = tmp_path / "dump.parquet"
    pq.write_table(pa.table({"id": list(range(100)), "body": ["x"] * 100}), dump)
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), out=out) == 1
    (row,) = rows_of(out)
    assert "has no column 'text' (columns: body, id)" in row["error"]["message"]
    assert capsys.readouterr().err.count("has no column") == 1
    assert main(["explain", str(dump), "--id", "3"]) == 2  # whatever the id, said as it is
    assert "has no column 'text'" in capsys.readouterr().err


def test_parquet_is_read_a_batch_at_a_time_across_row_groups(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="the test extras install it")
    pq = pytest.importorskip("pyarrow.parquet", reason="the test extras install it")
    count = PARQUET_BATCH * 4
    table = pa.table({"id": list(range(count)), "text": [f"body {n} " * 200 for n in range(count)]})
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=PARQUET_BATCH, compression="none")
    assert pq.ParquetFile(io.BytesIO(sink.getvalue())).num_row_groups == 4
    raw = Counting(sink.getvalue())
    rows = parquet_rows("d.parquet", io.BufferedReader(raw), text_column="text", size=0)
    first = next(rows)
    assert first.where == "d.parquet:1"
    assert isinstance(first.fields, dict)
    assert first.fields["id"] == 0
    assert raw.total < len(raw.data) // 2  # the later row groups are not read yet
    rest = list(rows)
    assert [row.fields["id"] for row in rest if isinstance(row.fields, dict)] == list(
        range(1, count)
    )


def test_a_broken_parquet_file_is_one_failure(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow.parquet", reason="the test extras install it")
    dump = tmp_path / "dump.parquet"
    dump.write_bytes(b"PAR1 this is not a parquet file")
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "-q", out=out) == 1
    (row,) = rows_of(out)
    assert "not read as Parquet" in row["error"]["message"]


def test_without_pyarrow_parquet_input_is_a_usage_error_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.parquet"
    dump.write_bytes(b"not read")
    for name in [name for name in sys.modules if name.split(".")[0] == "pyarrow"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), out=out) == 2
    assert capsys.readouterr().err.count("pip install 'releaseparse[arrow]'") == 1
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "dump.parquet").write_bytes(b"not read")
    assert parse(str(folder), out=out) == 2  # found in the walk
    assert capsys.readouterr().err.count("pip install 'releaseparse[arrow]'") == 1
    assert not out.exists()


def test_explain_takes_a_row_of_a_csv_or_parquet_dump_by_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_csv(tmp_path / "dump.csv", ["id", "text"], [["a", TEXTS[0]], ["b", TEXTS[1]]])
    assert main(["explain", str(dump), "--id", "b", "--color", "never"]) == 0
    assert str(TITLES[1]) in capsys.readouterr().out
    assert main(["explain", str(dump), "--text-field", "body"]) == 2
    assert "has no column 'body'" in capsys.readouterr().err


# -- JSONL -----------------------------------------------------------------------------------


def test_a_wrong_text_field_in_jsonl_is_said_once_with_the_fields_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": n, "text": TEXTS[0]}) + "\n" for n in range(40)))
    out = tmp_path / "rows.jsonl"
    assert parse(str(dump), "--text-field", "body", out=out) == 1
    error = capsys.readouterr().err
    said = "the field 'body' is missing (fields: id, text); name the text field with --text-field"
    assert error.count(said) == 1, error
    assert "failed                40" in error
    assert all(row["error"]["message"] == said for row in rows_of(out))


def test_the_jsonl_reader_gives_each_line_where_it_is() -> None:
    lines = [b'{"text": "a"}\n', b"\n", b"not json\n", b"[1, 2]\n"]
    rows: Iterator[Row] = jsonl_rows("d.jsonl", lines)
    first, broken, listed = rows
    assert (first.where, first.fields) == ("d.jsonl:1", {"text": "a"})
    assert broken.where == "d.jsonl:3"
    assert isinstance(broken.fields, Unreadable)
    assert (listed.where, listed.fields) == ("d.jsonl:4", [1, 2])
