"""The command line: parse (inputs, formats, exit codes, interruption), explain, report."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import releaseparse
from releaseparse.cli import example_bytes
from releaseparse.cli.outputs import neutralise
from releaseparse.rows import ROW_COLUMNS
from tests.conftest import FIXTURES

EXAMPLE_TEXT = example_bytes().decode("utf-8")


def read_terminal(leader: int) -> bytes:
    """All a pseudo-terminal shows until the command on it ends; closes ``leader``."""
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command is over
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return shown


def run(
    *args: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "releaseparse", *args],
        input=stdin,
        capture_output=True,
        check=False,
        cwd=cwd,
    )


def rows_of(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder: two releases, one in a subfolder, a hidden file, a JSONL dump with bad lines."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes((FIXTURES / "a_speaker.txt").read_bytes())
    (root / "sub" / "b.md").write_bytes(example_bytes())
    (root / ".hidden.txt").write_text("not read")
    lines = [
        json.dumps({"id": "r1", "body": EXAMPLE_TEXT}),
        "",
        "this line is not JSON",
        json.dumps({"id": "r3", "text": 5}),
        json.dumps({"body": EXAMPLE_TEXT}),
    ]
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n")
    return root


def test_example_shows_the_bundled_release_and_prints_it_as_json_on_request() -> None:
    result = run("--example")
    assert result.returncode == 0, result.stderr
    shown = result.stdout.decode("utf-8")
    assert shown.startswith("Fields\n")
    assert "2016-03-14" in shown
    assert " 5 note_type  │ Media Note" in shown
    assert "\x1b" not in shown  # no colours when piped
    assert "releaseparse --example --json" in shown
    data = json.loads(run("--example", "--json").stdout)
    assert data == releaseparse.parse(example_bytes()).to_dict()
    assert data["header"]["date"] == "2016-03-14"
    assert json.loads(run("--example", "--compact").stdout) == data


def test_parse_one_file_gives_one_jsonl_row() -> None:
    path = FIXTURES / "a_speaker.txt"
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    (row,) = rows_of(result.stdout)
    assert row == {"id": str(path), "release": releaseparse.parse(path.read_bytes()).to_dict()}
    assert b"done: 1 input in" in result.stderr


def test_parse_stdin_text_and_stdin_jsonl() -> None:
    data = (FIXTURES / "a_cp1252.txt").read_bytes()
    result = run("parse", "-", "-q", stdin=data)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert rows_of(result.stdout)[0]["release"] == releaseparse.parse(data).to_dict()
    dump = json.dumps({"id": 9, "content": EXAMPLE_TEXT}).encode()
    result = run("parse", "-", "--text-field", "content", "-q", stdin=dump)
    (row,) = rows_of(result.stdout)
    assert row["id"] == 9
    assert row["release"] == releaseparse.parse(EXAMPLE_TEXT).to_dict()


def test_a_folder_is_read_recursively_with_one_row_per_input(corpus: Path) -> None:
    result = run("parse", "corpus", "--text-field", "body", cwd=corpus.parent)
    assert result.returncode == 1  # bad JSONL lines are failed inputs
    rows = rows_of(result.stdout)
    assert [row["id"] for row in rows] == [
        "corpus/a.txt",
        "r1",
        "corpus/dump.jsonl:3",
        "r3",
        "corpus/dump.jsonl:5",
        "corpus/sub/b.md",
    ]
    assert [("error" in row) for row in rows] == [False, False, True, True, False, False]
    assert "not JSON" in rows[2]["error"]["message"]  # type: ignore[index]
    assert "--text-field" in rows[3]["error"]["message"]  # type: ignore[index]
    stderr = result.stderr.decode()
    assert "corpus/dump.jsonl:3: InputError" in stderr
    assert "failed                 2" in stderr
    assert "parsed                 4" in stderr


def test_glob_picks_files_in_folders(corpus: Path) -> None:
    result = run("parse", str(corpus), "--glob", "*.md", "-q")
    assert result.returncode == 0
    assert [row["id"] for row in rows_of(result.stdout)] == [str(corpus / "sub" / "b.md")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_formats_hold_the_same_rows(corpus: Path, tmp_path: Path, jobs: str) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet", reason="the test extras install it")
    outputs = {name: tmp_path / f"out.{name}" for name in ("jsonl", "json", "csv", "parquet")}
    for path in outputs.values():
        result = run(
            "parse", str(corpus), "-o", str(path), "-j", jobs, "-q", "--text-field", "body"
        )
        assert result.returncode == 1, result.stderr
        assert not list(tmp_path.glob(".*.partial"))
    jsonl = rows_of(outputs["jsonl"].read_bytes())
    assert json.loads(outputs["json"].read_text()) == jsonl
    outcomes = [releaseparse.Outcome.from_json(row, index) for index, row in enumerate(jsonl)]
    expected = [outcome.to_row() for outcome in outcomes]
    with outputs["csv"].open(newline="", encoding="utf-8") as stream:
        read = list(csv.DictReader(stream))
    assert tuple(read[0]) == ROW_COLUMNS
    assert [row["title"] for row in read] == [row["title"] or "" for row in expected]
    assert [row["date"] for row in read] == [
        row["date"].isoformat() if row["date"] else "" for row in expected
    ]
    assert pyarrow_parquet.read_table(outputs["parquet"]).to_pylist() == expected


def test_the_format_follows_the_suffix_or_format_for_other_names(tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    run("parse", str(FIXTURES / "a_speaker.txt"), "-o", str(out), "-q")
    assert out.read_text().startswith("id,error,title")
    other = tmp_path / "records.out"  # no known suffix: --format says which
    run("parse", str(FIXTURES / "a_speaker.txt"), "-o", str(other), "--format", "jsonl", "-q")
    assert json.loads(other.read_text())["id"].endswith("a_speaker.txt")


def test_csv_cells_cannot_start_a_formula(tmp_path: Path) -> None:
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1"):
        assert neutralise(cell) == "'" + cell
    assert neutralise("Plain") == "Plain"
    assert neutralise(3) == 3
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": '=HYPERLINK("http://x")', "text": "@title\n\nbody"}) + "\n")
    out = tmp_path / "out.csv"
    run("parse", str(dump), "-o", str(out), "-q")
    with out.open(newline="", encoding="utf-8") as stream:
        (row,) = csv.DictReader(stream)
    assert row["id"] == '\'=HYPERLINK("http://x")'
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_strict_inputs_with_error_defects_fail_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes((FIXTURES / "a_date_invalid.txt").read_bytes())
    good = FIXTURES / "a_speaker.txt"
    result = run("parse", str(good), str(bad), "--strict")
    assert result.returncode == 1
    rows = rows_of(result.stdout)
    assert "release" in rows[0]
    assert rows[1]["id"] == str(bad)
    assert rows[1]["error"]["type"] == "ReleaseParseError"  # type: ignore[index]
    assert b"bad.txt: ReleaseParseError: date:" in result.stderr
    assert b"line 9, column 1" in result.stderr
    assert run("parse", str(bad), "-q").returncode == 0  # not strict: a record with defects


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["parse", "nope.txt"], b"no such file or folder: nope.txt"),
        (["parse", "-o", "x.parquet", "--format", "parquet"], b"the following arguments"),
        (["parse", str(FIXTURES / "a_speaker.txt"), "--format", "parquet"], b"-o OUT.parquet"),
        (["parse", str(FIXTURES / "a_speaker.txt"), "--jobs", "-1"], b"--jobs"),
        (["parse", str(FIXTURES / "a_speaker.txt"), "--profile", "nope"], b"nope"),
        (["parse", "-", "-"], b"only once"),
        (["report", "nope.jsonl"], b"no such results file"),
        ([], b"give a command"),
    ],
)
def test_usage_errors_exit_2_and_say_what_to_do(arguments: list[str], message: bytes) -> None:
    result = run(*arguments)
    assert result.returncode == 2
    assert message in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_folder_with_no_matching_files_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path), "--glob", "*.txt")
    assert result.returncode == 2
    assert b"no inputs found" in result.stderr


def test_version_and_help_name_the_exit_codes() -> None:
    assert releaseparse.__version__.encode() in run("--version").stdout
    assert b"130 interrupted" in run("parse", "--help").stdout


def test_undecodable_bytes_do_not_break_output(tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(b"\xed\xa0\x80 junk \x81")
    result = run("parse", str(path), "-q")
    assert result.returncode == 0, result.stderr
    release = rows_of(result.stdout)[0]["release"]
    assert release["defects"][0]["code"] == "encoding.invalid_bytes"  # type: ignore[index]


def test_lone_surrogates_from_jsonl_still_give_valid_json(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "Title \\ud800 here\\n\\nBody."}\n')
    result = run("parse", str(dump), "-q")
    assert result.returncode == 0
    release = rows_of(result.stdout)[0]["release"]
    assert release["header"]["title"] == "Title \ud800 here"  # type: ignore[index]
    assert release["body"]["paragraphs"] == ["Body."]  # type: ignore[index]


def test_explain_in_the_terminal_and_as_html(tmp_path: Path) -> None:
    path = FIXTURES / "a_speaker.txt"
    title = releaseparse.parse(path.read_bytes()).header.title
    assert title is not None
    result = run("explain", str(path))
    assert result.returncode == 0, result.stderr
    assert title.encode() in result.stdout
    assert b"\x1b[" not in result.stdout  # not a terminal: no colours
    assert b"\x1b[" in run("explain", str(path), "--color", "always").stdout
    page = tmp_path / "explain.html"
    result = run("explain", str(path), "--html", str(page))
    assert result.returncode == 0, result.stderr
    text = page.read_text()
    assert text.lower().startswith("<!doctype html>")
    assert html.escape(title, quote=False) in text


def test_report_as_text_and_html(corpus: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    run("parse", str(corpus), "-o", str(results), "-q", "--text-field", "body")
    text = run("report", str(results))
    assert text.returncode == 0, text.stderr
    assert b"parsed                 4" in text.stdout
    assert b"failed                 2" in text.stdout
    page = tmp_path / "report.html"
    result = run("report", str(results), "--html", str(page))
    assert result.returncode == 0, result.stderr
    assert "corpus/dump.jsonl:3" in page.read_text()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 1, "release": {}}\n')
    result = run("report", str(broken), "--html", str(page))
    assert result.returncode == 2
    assert b"broken.jsonl" in result.stderr


# -- interruption: Ctrl-C, SIGTERM, a killed run, a killed worker -----------------------------


def big_dump(tmp_path: Path, lines: int) -> Path:
    dump = tmp_path / "big.jsonl"
    row = json.dumps({"text": EXAMPLE_TEXT}) + "\n"
    dump.write_text(row * lines)
    return dump


def _interruptible() -> None:
    """Ctrl-C's default action in the child, as a terminal gives it.

    A process started with SIGINT ignored (a background job of a non-interactive shell,
    ``nohup``) hands that on, and Python then rightly leaves Ctrl-C ignored.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(tmp_path: Path, dump: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "releaseparse", "parse", str(dump), "-o", str(out), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_interruptible,  # the test runs no threads of its own
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        partial = list(tmp_path.glob(f".{out.name}.*.partial"))
        if partial and partial[0].stat().st_size > 0:
            return process
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    process.kill()
    raise AssertionError("the run never started writing")


@pytest.mark.parametrize(
    ("signum", "jobs"), [(signal.SIGINT, "1"), (signal.SIGINT, "2"), (signal.SIGTERM, "2")]
)
def test_an_interrupted_run_keeps_the_finished_rows_whole(
    tmp_path: Path, signum: int, jobs: str
) -> None:
    dump = big_dump(tmp_path, 8000)
    out = tmp_path / "out.jsonl"
    process = start(tmp_path, dump, out, "-j", jobs)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    rows = rows_of(out.read_bytes())  # every line whole JSON
    assert 0 < len(rows) < 8000
    assert [row["id"] for row in rows] == [f"{dump}:{n}" for n in range(1, len(rows) + 1)]
    assert all("release" in row for row in rows)
    assert f"interrupted after {len(rows):,} input{'s' * (len(rows) != 1)} in".encode() in stderr
    assert b"Traceback" not in stderr
    assert not list(tmp_path.glob(".*.partial"))


def test_a_killed_run_leaves_the_previous_output_alone(tmp_path: Path) -> None:
    dump = big_dump(tmp_path, 8000)
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    process = start(tmp_path, dump, out)
    process.kill()
    process.communicate(timeout=60)
    assert out.read_text() == "previous\n"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find workers")
def test_a_killed_worker_loses_no_input(tmp_path: Path) -> None:
    dump = big_dump(tmp_path, 3000)
    out = tmp_path / "out.jsonl"
    process = start(tmp_path, dump, out, "-j", "2")
    workers = _children(process.pid)
    assert workers, "no worker processes found"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    rows = rows_of(out.read_bytes())
    assert [row["id"] for row in rows] == [f"{dump}:{n}" for n in range(1, 3001)]
    assert all("release" in row for row in rows)


def test_json_documents_hold_one_release_or_an_array(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "solo", "text": EXAMPLE_TEXT}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": EXAMPLE_TEXT}, ["not", "an object"]]))
    (tmp_path / "bad.json").write_text("{")
    result = run("parse", str(tmp_path), "-q")
    rows = rows_of(result.stdout)
    assert [row["id"] for row in rows] == [
        str(tmp_path / "bad.json"),
        f"{tmp_path / 'many.json'}[0]",
        f"{tmp_path / 'many.json'}[1]",
        "solo",
    ]
    assert [("release" in row) for row in rows] == [False, True, False, True]
    assert "not JSON" in rows[0]["error"]["message"]  # type: ignore[index]
    assert "a JSON list, not an object" in rows[2]["error"]["message"]  # type: ignore[index]


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run("parse", str(FIXTURES / "a_speaker.txt"), "-o", str(out), "-q")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_explain_takes_a_record_from_a_dump_by_id(corpus: Path) -> None:
    dump = corpus / "dump.jsonl"
    result = run("explain", str(dump), "--text-field", "body", "--id", "r1")
    assert result.returncode == 0, result.stderr
    title = releaseparse.parse(EXAMPLE_TEXT).header.title
    assert title is not None
    assert title.encode() in result.stdout
    missing = run("explain", str(dump), "--text-field", "body", "--id", "nope")
    assert missing.returncode == 2
    assert b"no input with id 'nope'" in missing.stderr
    broken = run("explain", str(dump), "--text-field", "body", "--id", "r3")
    assert broken.returncode == 2
    assert b"--text-field" in broken.stderr


def test_a_closed_stdout_stops_quietly(tmp_path: Path) -> None:
    dump = big_dump(tmp_path, 2000)
    command = f"{sys.executable} -m releaseparse parse {dump} -j 2 | head -c 100 > /dev/null"
    result = subprocess.run(["sh", "-c", command], capture_output=True, check=False, timeout=120)
    assert b"Traceback" not in result.stderr
    assert b"BrokenPipe" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_progress_line_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    dump = big_dump(tmp_path, 1500)
    out = tmp_path / "out.jsonl"
    arguments = [sys.executable, "-m", "releaseparse", "parse", str(dump), "-o", str(out)]
    leader, follower = pty.openpty()
    process = subprocess.Popen(arguments, stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    shown = read_terminal(leader)
    assert process.wait(timeout=60) == 0
    assert b"\r" in shown
    assert re.search(rb"\d+% .*docs .*/s .*failed", shown), shown[-500:]
    assert b"done: 1,500 inputs" in shown
    piped = run("parse", str(dump), "-o", str(out))
    assert b"\r" not in piped.stderr
    assert b"done: 1,500 inputs" in piped.stderr
    assert run("parse", str(dump), "-o", str(out), "-q").stderr == b""


def test_a_parser_workers_cannot_receive_is_a_usage_error(tmp_path: Path) -> None:
    """A plugin's lambda cannot reach worker processes: a clear error, and nothing left behind."""
    from releaseparse.cli import _build_parser
    from releaseparse.cli.commands import UsageError, run_parse

    parser = releaseparse.Parser()
    parser.add("local", lambda state: None)
    out = tmp_path / "out.jsonl"
    args = _build_parser().parse_args(
        ["parse", str(FIXTURES / "a_speaker.txt"), "-o", str(out), "-j", "2"]
    )
    with pytest.raises(UsageError, match=r"--jobs 1"):
        run_parse(args, parser)
    assert list(tmp_path.iterdir()) == []
