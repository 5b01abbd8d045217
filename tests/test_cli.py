"""The command line: ``releaseparse --example``, ``parse FILE``, stdin, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import releaseparse
from releaseparse.cli import example_bytes
from tests.conftest import FIXTURES


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "releaseparse", *args], input=stdin, capture_output=True, check=False
    )


def test_example_prints_the_bundled_release() -> None:
    result = run("--example")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == releaseparse.parse(example_bytes()).to_dict()
    assert data["header"]["note_type"] == "Media Note"
    assert data["header"]["date"] == "2016-03-14"


def test_parse_file_matches_library() -> None:
    path = FIXTURES / "a_speaker.txt"
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == releaseparse.parse(path.read_bytes()).to_dict()


def test_parse_stdin_and_compact() -> None:
    data = (FIXTURES / "a_cp1252.txt").read_bytes()
    result = run("parse", "-", "--compact", stdin=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"\n") == 1
    assert json.loads(result.stdout)["header"] == releaseparse.parse(data).to_dict()["header"]


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert b"cannot read" in result.stderr
    assert b"Traceback" not in result.stderr


def test_strict_failure_exits_1_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes((FIXTURES / "a_date_invalid.txt").read_bytes())
    result = run("parse", str(path), "--strict")
    assert result.returncode == 1
    assert b"date" in result.stderr
    assert b"line 9, column 1" in result.stderr
    assert result.stdout == b""


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert b"usage" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert releaseparse.__version__.encode() in result.stdout


def test_undecodable_bytes_do_not_break_output(tmp_path: Path) -> None:
    """Invalid bytes become U+FFFD with a defect; the JSON is still printed."""
    path = tmp_path / "junk.bin"
    path.write_bytes(b"\xed\xa0\x80 junk \x81")
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["defects"][0]["code"] == "encoding.invalid_bytes"
