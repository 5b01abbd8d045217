"""What a new user runs into: outputs named oddly, a folder to explain, a typo, a narrow terminal.

Each mistake is one line on stderr and exit code 2, never a traceback; output to a
terminal fits it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from wcwidth import wcswidth

import releaseparse
from releaseparse.cli import main
from releaseparse.views import explain_text
from tests.conftest import FIXTURES
from tests.test_cli import read_terminal

FIXTURE = FIXTURES / "a_speaker.txt"


def usage_error(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The one line ``main`` says for ``arguments``, which must be a usage error."""
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert err.startswith("releaseparse: "), err
    assert err.count("\n") == 1, err
    return err


def argparse_error(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The last line argparse writes for ``arguments`` (after the usage), exit code 2."""
    with pytest.raises(SystemExit) as caught:
        main(arguments)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.splitlines()[-1]


# -- output names and formats ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["rows.xlsx", "rows.jsonl.gz", "rows.tsv"])
def test_an_unknown_output_suffix_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / name
    err = usage_error(["parse", str(FIXTURE), "-o", str(out)], capsys)
    suffix = Path(name).suffix
    assert f"unknown output suffix {suffix}" in err
    assert ".jsonl, .ndjson, .json, .csv, .parquet, .pq" in err
    assert "--format {jsonl,json,csv,parquet}" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "given", "said"),
    [
        ("rows.parquet", "csv", "names a parquet file but --format is csv"),
        ("rows.csv", "jsonl", "names a csv file but --format is jsonl"),
        ("rows.json", "jsonl", "names a json file but --format is jsonl"),
    ],
)
def test_a_format_the_suffix_contradicts_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, given: str, said: str
) -> None:
    out = tmp_path / name
    err = usage_error(["parse", str(FIXTURE), "-o", str(out), "--format", given], capsys)
    assert said in err
    assert "drop --format, or give a name ending ." in err
    assert list(tmp_path.iterdir()) == []


def test_what_stays_allowed_format_for_stdout_and_other_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --format with stdout.
    assert main(["parse", str(FIXTURE), "--format", "csv", "-q"]) == 0
    assert capsys.readouterr().out.startswith("id,error,title")
    # A name with no suffix: JSONL, or what --format says.
    bare = tmp_path / "rows"
    assert main(["parse", str(FIXTURE), "-o", str(bare), "-q"]) == 0
    assert json.loads(bare.read_text())["id"] == str(FIXTURE)
    assert main(["parse", str(FIXTURE), "-o", str(bare), "--format", "csv", "-q"]) == 0
    assert bare.read_text().startswith("id,error,title")
    # An unknown suffix, chosen knowingly; a suffix in capitals; --format agreeing.
    other = tmp_path / "rows.txt"
    assert main(["parse", str(FIXTURE), "-o", str(other), "--format", "jsonl", "-q"]) == 0
    assert json.loads(other.read_text())["id"] == str(FIXTURE)
    upper = tmp_path / "ROWS.CSV"
    assert main(["parse", str(FIXTURE), "-o", str(upper), "--format", "csv", "-q"]) == 0
    assert upper.read_text().startswith("id,error,title")


# -- explain ---------------------------------------------------------------------------------


def test_explain_on_a_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(FIXTURE.read_bytes())
    err = usage_error(["explain", str(tmp_path)], capsys)
    assert f"{tmp_path} is a folder: give one of its files" in err
    assert f"releaseparse parse {tmp_path} -o results.jsonl" in err
    assert capsys.readouterr().out == ""


#: A release with wide characters (CJK, emoji) in long lines.
WIDE = (
    "日本との協力について 😀 発表\n\nMarch 3, 2016\n\n"
    + "東京で会合が開かれました。😀 A line of wide and narrow text. " * 10
    + "\n"
)


def explain_in_a_terminal(path: Path, columns: int) -> bytes:
    """``explain path`` with stdout on a pseudo-terminal ``columns`` wide (``COLUMNS``)."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "releaseparse", "explain", str(path)],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    shown = read_terminal(leader)
    assert process.wait(timeout=60) == 0
    return shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_explain_in_a_terminal_wraps_to_its_width_counting_wide_characters(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wide.txt"
    path.write_text(WIDE, encoding="utf-8")
    rows = explain_in_a_terminal(path, 64).decode("utf-8").replace("\r\n", "\n").splitlines()
    assert all(wcswidth(row) <= 64 for row in rows), [row for row in rows if wcswidth(row) > 64]
    assert sum("┆" in row for row in rows) >= 8
    # Piped, the output is what it always was: the source lines whole, whatever COLUMNS says.
    piped = subprocess.run(
        [sys.executable, "-m", "releaseparse", "explain", str(path)],
        capture_output=True,
        env={**os.environ, "COLUMNS": "64"},
        check=True,
    )
    release = releaseparse.parse(path.read_bytes())
    assert piped.stdout.decode("utf-8") == explain_text(release, color=False)
    assert "┆" not in piped.stdout.decode("utf-8")


# -- report ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "named", "kind"),
    [
        ("csv", "results.csv", "CSV"),
        ("parquet", "results.parquet", "Parquet"),
        ("json", "results.json", "a JSON array"),
        ("csv", "results.txt", "CSV"),  # told by its first bytes, whatever the name
        ("parquet", "results.dat", "Parquet"),
    ],
)
def test_report_on_another_output_of_parse_says_it_reads_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, named: str, kind: str
) -> None:
    if written == "parquet":
        pytest.importorskip("pyarrow.parquet")
    made = tmp_path / f"made.{written}"
    assert main(["parse", str(FIXTURE), "-o", str(made), "-q"]) == 0
    results = tmp_path / named
    made.rename(results)
    err = usage_error(["report", str(results)], capsys)
    assert f"{results} is {kind}; report reads the JSONL that parse writes" in err
    assert "-o results.jsonl" in err
    assert "not JSON" not in err


@pytest.mark.parametrize("worst", ["-1", "-20", "x"])
def test_report_refuses_a_negative_or_unreadable_worst(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], worst: str
) -> None:
    results = tmp_path / "results.jsonl"
    assert main(["parse", str(FIXTURE), "-o", str(results), "-q"]) == 0
    line = argparse_error(["report", str(results), "--worst", worst], capsys)
    assert line.startswith("releaseparse report: error: argument --worst: ")
    assert ("must be 0 or more" if worst != "x" else "not a whole number") in line
    assert main(["report", str(results), "--worst", "0", "--html", str(tmp_path / "r.html")]) == 0


# -- the summary -----------------------------------------------------------------------------


def test_the_summary_says_info_only_and_counts_in_the_singular(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The fixture's one defect, disclaimer.rejoined, is information only.
    assert main(["parse", str(FIXTURE)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"done: 1 input in ", err), err
    assert "input(s)" not in err
    assert re.search(
        r"with defects +1 +\(100\.0%\) +\(information only: no error or warning\)", err
    )
    assert "errors 0, warnings 0" not in err


def test_report_text_counts_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.jsonl"
    assert main(["parse", str(FIXTURE), "-o", str(results), "-q"]) == 0
    assert main(["report", str(results)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"releaseparse: 1 result in {results}\n")
    assert "(information only: no error or warning)" in out


# -- typing mistakes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "suggestion"),
    [
        (
            ["parse", str(FIXTURE), "--jobz", "2"],
            "unrecognized arguments: --jobz 2 (did you mean --jobs?)",
        ),
        (["parse", str(FIXTURE), "--jobz=2"], "(did you mean --jobs?)"),
        (["explain", str(FIXTURE), "--colour", "never"], "(did you mean --color?)"),
        (["report", "r.jsonl", "--wrost", "3"], "(did you mean --worst?)"),
        (["--exampel"], "(did you mean --example?)"),
        (["parze", "x"], "invalid choice: 'parze'"),
        (["parze", "x"], "(did you mean parse?)"),
        (["parse", str(FIXTURE), "--format", "jsnl"], "(did you mean jsonl?)"),
        (
            ["parse", str(FIXTURE), "--jobz", "2", "--glab", "*"],
            "(did you mean: --jobz → --jobs, --glab → --glob?)",
        ),
    ],
)
def test_a_mistyped_option_or_command_gets_the_nearest_one(
    capsys: pytest.CaptureFixture[str], arguments: list[str], suggestion: str
) -> None:
    line = argparse_error(arguments, capsys)
    assert suggestion in line
    assert line.startswith("releaseparse")


@pytest.mark.parametrize(
    ("arguments", "usage"),
    [
        (["parse", str(FIXTURE), "--jobz", "2"], "usage: releaseparse parse "),
        (["explain", str(FIXTURE), "--colour", "never"], "usage: releaseparse explain "),
        (["--exampel"], "usage: releaseparse [-h]"),
    ],
)
def test_a_mistyped_option_shows_the_usage_of_its_command(
    capsys: pytest.CaptureFixture[str], arguments: list[str], usage: str
) -> None:
    with pytest.raises(SystemExit):
        main(arguments)
    err = capsys.readouterr().err
    assert err.startswith(usage)
    command = arguments[0] if not arguments[0].startswith("-") else ""
    assert f"releaseparse{' ' + command if command else ''}: error: " in err


def test_no_suggestion_when_nothing_is_near(capsys: pytest.CaptureFixture[str]) -> None:
    line = argparse_error(["parse", str(FIXTURE), "--zzzzzz"], capsys)
    assert line.endswith("unrecognized arguments: --zzzzzz")


def test_dash_as_output_is_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(FIXTURES / "a_speaker.txt"), "-o", "-", "-q"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["release"]["header"]["title"]
    assert not Path("-").exists()
