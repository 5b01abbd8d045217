"""Faults of the command line found from outside: odd folders, unwritable and full outputs,
terminal escapes in ids. Nothing a user does, and no full disk, ends in a traceback."""

from __future__ import annotations

import errno
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest

from releaseparse.cli import main
from releaseparse.cli.outputs import ParquetWriter, Writer
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "a_speaker.txt"

#: An id that would retitle the terminal, clear it, and turn text red (a C1 CSI).
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m"
#: What a terminal may not receive: ESC, BEL and the C1 CSI.
RAW = ("\x1b", "\x07", "\x9b")


def rows_in(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def left_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


# -- symlink loops --------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs symbolic links")
def test_a_symlink_loop_in_a_folder_is_read_once_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(FIXTURE.read_bytes())
    (folder / "sub" / "b.txt").write_bytes(FIXTURE.read_bytes())
    (folder / "sub" / "loop").symlink_to("..")  # ln -s .. folder/sub/loop
    (folder / "sub2").symlink_to("sub")  # a second way into a folder already read
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "-o", str(out)]) == 0
    assert [row["id"] for row in rows_in(out)] == [f"{folder}/a.txt", f"{folder}/sub/b.txt"]
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"releaseparse: skipped {folder}/sub/loop: a link to {folder}, read once\n" in err
    assert f"releaseparse: skipped {folder}/sub2: a link to {folder}/sub, read once\n" in err
    assert "done: 2 inputs" in err
    assert main(["parse", str(folder), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs symbolic links")
def test_a_link_that_cannot_be_followed_is_one_failed_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_bytes(FIXTURE.read_bytes())
    (folder / "self").symlink_to("self")  # ELOOP whenever it is followed
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "-o", str(out)]) == 1
    rows = rows_in(out)
    assert [row["id"] for row in rows] == [f"{folder}/a.txt", f"{folder}/self"]
    assert "symbolic links" in rows[1]["error"]["message"]
    assert "Traceback" not in capsys.readouterr().err


# -- HTML to a folder that cannot hold it ---------------------------------------------------


def _results(tmp_path: Path) -> Path:
    results = tmp_path / "results.jsonl"
    assert main(["parse", str(FIXTURE), "-o", str(results), "-q"]) == 0
    return results


def _html_command(command: str, tmp_path: Path, page: Path) -> list[str]:
    source = FIXTURE if command == "explain" else _results(tmp_path)
    return [command, str(source), "--html", str(page), "-q"]


@pytest.mark.parametrize("command", ["explain", "report"])
@pytest.mark.parametrize("where", ["missing folder", "under a file", "a folder", "read-only"])
def test_html_that_cannot_be_written_there_is_a_usage_error_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, where: str
) -> None:
    target = tmp_path / "target"
    if where == "missing folder":
        page = target / "page.html"
    elif where == "under a file":
        target.write_text("a file")
        page = target / "page.html"
    elif where == "a folder":
        target.mkdir()
        page = target
    else:
        target.mkdir()
        target.chmod(0o555)
        if os.access(target, os.W_OK):  # root writes anywhere
            target.chmod(0o755)
            pytest.skip("this user can write to a read-only folder")
        page = target / "page.html"
    arguments = _html_command(command, tmp_path, page)
    before = left_in(tmp_path)
    try:
        assert main(arguments) == 2
    finally:
        if target.is_dir():
            target.chmod(0o755)
    err = capsys.readouterr().err
    assert err.startswith("releaseparse: ")
    assert f"--html {page}" in err
    assert err.count("\n") == 1
    assert left_in(tmp_path) == before
    if target.is_dir():
        assert list(target.iterdir()) == []


# -- a full disk ----------------------------------------------------------------------------


def _no_space() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FullDisk:
    """A writer's stream on a disk that fills up: ``failing`` (write, flush or close) fails.

    ``close`` flushes first and closes the real file whatever happens, as ``io`` does.
    """

    def __init__(self, stream: IO[Any], failing: str) -> None:
        self.stream = stream
        self.failing = failing

    def write(self, data: Any) -> int:
        if self.failing == "write":
            raise _no_space()
        return self.stream.write(data)

    def flush(self) -> None:
        if self.failing == "flush":
            raise _no_space()
        self.stream.flush()

    def close(self) -> None:
        if self.stream.closed:
            return
        try:
            self.flush()
        finally:
            self.stream.close()
        if self.failing == "close":
            raise _no_space()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def fill_the_disk(monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """Every output file (not stdout) is written to a ``FullDisk``."""
    for cls in (Writer, ParquetWriter):
        opened = cls.__dict__["_open"]
        monkeypatch.setattr(
            cls, "_open", lambda self, path, opened=opened: FullDisk(opened(self, path), failing)
        )


@pytest.mark.parametrize("failing", ["write", "flush", "close"])
@pytest.mark.parametrize("format", ["jsonl", "json", "csv", "parquet"])
def test_a_full_disk_keeps_the_old_output_and_leaves_no_partial_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
    format: str,
) -> None:
    if format == "parquet":
        pytest.importorskip("pyarrow.parquet")
    out = tmp_path / f"out.{format}"
    out.write_bytes(b"the old output")
    fill_the_disk(monkeypatch, failing)
    inputs = [str(FIXTURE), str(FIXTURES / "b_venue_place_time.txt")]
    assert main(["parse", *inputs, "-o", str(out)]) == 3
    gc.collect()  # a writer left open would complain on stderr when collected
    assert capsys.readouterr().err == f"releaseparse: no space left on {out}\n"
    assert out.read_bytes() == b"the old output"
    assert left_in(tmp_path) == {out.name}


@pytest.mark.parametrize("failing", ["write", "flush", "close"])
@pytest.mark.parametrize("command", ["explain", "report"])
def test_a_full_disk_keeps_the_old_html_page(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
    command: str,
) -> None:
    page = tmp_path / "page.html"
    page.write_text("the old page")
    arguments = _html_command(command, tmp_path, page)
    before = left_in(tmp_path)
    fill_the_disk(monkeypatch, failing)
    assert main(arguments) == 3
    assert capsys.readouterr().err == f"releaseparse: no space left on {page}\n"
    assert page.read_text() == "the old page"
    assert left_in(tmp_path) == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["parse", "explain", "report", "--example"])
def test_a_full_stdout_is_one_line(tmp_path: Path, command: str) -> None:
    """``/dev/full`` fails every write with ENOSPC, as a full disk does."""
    arguments = {
        "parse": ["parse", str(FIXTURE), "-q"],
        "explain": ["explain", str(FIXTURE), "-q"],
        "report": ["report", str(_results(tmp_path)), "-q"],
        "--example": ["--example"],
    }[command]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "releaseparse", *arguments],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    assert result.stderr == b"releaseparse: no space left on stdout\n"
    assert result.returncode == 3


# -- terminal escapes -----------------------------------------------------------------------


def test_terminal_escapes_in_ids_and_paths_never_reach_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "dump.jsonl").write_text(
        json.dumps({"id": HOSTILE, "body": "the text is not in 'text'"})
        + "\n"
        + json.dumps({"id": "strict" + HOSTILE, "text": "no title, no date"})
        + "\n"
    )
    (folder / f"bad{HOSTILE}.json").write_text("not JSON")
    if sys.platform != "win32":
        (folder / f"loop{HOSTILE}").symlink_to(".")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "--strict", "-o", str(out)]) == 1
    assert len(rows_in(out)) == 3
    err = capsys.readouterr().err
    assert not any(raw in err for raw in RAW), ascii(err)
    assert err.count("\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m") >= 4  # three failures, a warning
    assert main(["explain", str(folder / f"bad{HOSTILE}.json")]) == 2
    err = capsys.readouterr().err
    assert not any(raw in err for raw in RAW), ascii(err)
    assert "bad\\x1b]0;pwned" in err


# -- an output that is not a regular file ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_output_that_is_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    """``-o /dev/null`` or a named pipe: the rows go into it, and it stays what it was (a
    file moved onto it would replace a device with a regular file)."""
    import stat
    import threading

    pipe = tmp_path / "rows"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    assert main(["parse", str(FIXTURE), "-o", str(pipe)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    (row,) = [json.loads(line) for line in received[0].decode().splitlines()]
    assert row["id"] == str(FIXTURE)
    assert left_in(tmp_path) == {"rows"}
