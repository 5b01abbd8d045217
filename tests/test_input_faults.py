"""Input faults found from outside: many releases on a page, odd files, bad bytes, a figure."""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import stat
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import releaseparse
from releaseparse import state as state_module
from releaseparse.cli import example_bytes
from releaseparse.decoding import MAX_LISTED_RUNS, Decoded, decode
from releaseparse.extractors._releases import next_release
from releaseparse.limits import read_regular
from releaseparse.lines import Line, split_lines
from releaseparse.records import Defect, Severity, Span
from releaseparse.state import ParseState
from releaseparse.testing import check_record
from tests.conftest import ROOT
from tests.strategies import sample_releases

# -- parse_all: the next release is found in work linear in the page ------------------------


def _split_work(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """Characters split into lines by the parse states ``parse_all(text)`` builds."""
    split: list[int] = []

    def counting(source: str) -> tuple[Line, ...]:
        split.append(len(source))
        return split_lines(source)

    monkeypatch.setattr(state_module, "split_lines", counting)
    releaseparse.Parser(max_size=None, max_lines=None).parse_all(text)
    monkeypatch.undo()
    return sum(split)


def test_parse_all_splits_a_page_of_repeated_releases_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One release repeated N times: each next release was found by building a parse
    state over all the rest of the page, so 2,000 copies took 109 s. Counted in
    characters split into lines, not seconds: four times the page, four times the work.
    """
    example = example_bytes().decode("utf-8")
    work = []
    for copies in (40, 160):
        text = example * copies
        assert len(releaseparse.parse_all(text)) == copies
        work.append(_split_work(monkeypatch, text) / len(text))
    assert work[1] < 1.3 * work[0], work


def _starts_one_by_one(text: str, parser: releaseparse.Parser) -> list[int]:
    """Where ``parse_all`` starts each release, found as it was: a state per rest of page."""
    starts = [0]
    while True:
        found = next_release(ParseState(text[starts[-1] :], vocabulary=parser.vocabulary))
        if found is None or found <= 0:
            return starts
        starts.append(starts[-1] + found)


def _pages() -> list[str]:
    cases = [case.text for case in sample_releases(60)]
    pages = ["\n\n".join(cases[i : i + 5]) for i in range(0, len(cases), 5)]
    example = example_bytes().decode("utf-8")
    # A disclaimer broken before an office-like line, and releases closer than a header
    # block (what the page's first lines are read for).
    disclaimer = releaseparse.Parser().vocabulary.disclaimers[1]
    broken = (
        "Daily Press Briefing\nSecretary Colin L. Powell\nWashington, DC\nJanuary 1, 2001\n\n"
        "Officials met with partners.\n\nThe\n\n Office of E\n\n"
        + disclaimer.removeprefix("The Office of E")
        + "\n\n"
    )
    pages.append(broken * 3 + example)
    pages.append("".join(example.splitlines(keepends=True)[:12]) * 30 + example)
    return pages


@pytest.mark.parametrize("page", _pages())
def test_parse_all_starts_each_release_where_a_state_per_rest_of_page_does(page: str) -> None:
    parser = releaseparse.Parser()
    releases = parser.parse_all(page)
    for release in releases:
        check_record(release)
    found = [release.regions[0].span.end if index else 0 for index, release in enumerate(releases)]
    assert found == _starts_one_by_one(page, parser)


# -- files that are no regular files: refused at once, never read without end ---------------

#: Code run in a child: parse the file named by argv[1] under a 1 GB memory ceiling, and
#: print the error's type and message. A child, because a blocked open cannot be stopped.
_PARSE_FILE_IN_CHILD = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
    "import releaseparse\n"
    "try:\n"
    "    releaseparse.Parser().parse_file(sys.argv[1])\n"
    "except Exception as error:\n"
    "    print(type(error).__name__, error)\n"
)


def _parse_file_alone(path: Path) -> str:
    """What ``Parser().parse_file(path)`` raises, in a child that must end within 60 s."""
    result = subprocess.run(
        [sys.executable, "-c", _PARSE_FILE_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.stdout + result.stderr


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe no one writes to: opening it to read would wait for a writer."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_parse_file_refuses_a_named_pipe_at_once(fifo: Path) -> None:
    said = _parse_file_alone(fifo)
    assert said.startswith("NotARegularFileError"), said
    assert str(fifo) in said
    assert "named pipe" in said


def test_parse_file_refuses_dev_zero_instead_of_reading_without_end() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("/dev/zero does not exist on this system")
    said = _parse_file_alone(zero)
    assert said.startswith("NotARegularFileError"), said
    assert "/dev/zero" in said


def test_the_cli_fails_a_named_pipe_as_one_input_and_goes_on(fifo: Path) -> None:
    (fifo.parent / "release.txt").write_bytes(example_bytes())
    os.mkfifo(fifo.parent / "dump.jsonl")  # read as JSONL: opened by the command line itself
    for name in (fifo.name, "dump.jsonl"):
        result = subprocess.run(
            [sys.executable, "-m", "releaseparse", "parse", name, "release.txt"],
            capture_output=True,
            cwd=fifo.parent,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        failed, parsed = (json.loads(line) for line in result.stdout.splitlines())
        assert failed["id"] == name
        assert "not a regular file" in failed["error"]["message"]
        assert parsed["release"] == releaseparse.parse(example_bytes()).to_dict()
    explained = subprocess.run(
        [sys.executable, "-m", "releaseparse", "explain", fifo.name],
        capture_output=True,
        cwd=fifo.parent,
        timeout=60,
        check=False,
    )
    assert explained.returncode == 2
    assert b"not a regular file" in explained.stderr


def test_a_file_is_read_no_further_than_the_limit_whatever_its_status_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file may hold more than its status said (it grew; ``/proc`` files say 0 bytes)."""
    path = tmp_path / "grown.txt"
    path.write_bytes(b"x" * 1_000)
    real_fstat = os.fstat

    def small(fd: int) -> os.stat_result:
        status = list(real_fstat(fd))
        status[stat.ST_SIZE] = 10
        return os.stat_result(status)

    monkeypatch.setattr(os, "fstat", small)
    assert read_regular(path, 100) == b"x" * 101
    assert read_regular(path, None) == b"x" * 1_000
    assert releaseparse.Parser(max_size=100).parse_file(path).codes == ("source.too_large",)


# -- invalid UTF-8: memory within a small multiple of the input -----------------------------


def test_decoding_random_bytes_takes_a_small_multiple_of_their_size() -> None:
    """Every undecodable byte was kept (a tuple of offsets each) before runs were merged:
    40 MB of random bytes took 4.4 GB. Peak traced memory, not seconds."""
    data = random.Random(18).randbytes(1_000_000)
    tracemalloc.start()
    try:
        decoded = decode(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoded.defects[-1].message.endswith("each replaced by U+FFFD")
    assert peak < 10 * len(data), f"{peak / len(data):.1f}x the input"


def _decoded_as_before(data: bytes) -> Decoded:
    """``decode`` as it was: every undecodable run kept, then merged (the reference)."""
    errors: list[tuple[int, int]] = []

    def record(error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeDecodeError)
        errors.append((error.start, error.end))
        return "\ufffd", error.end

    codecs.register_error("tests.record_every", record)
    utf16 = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    text = data.decode("utf-16" if utf16 else "utf-8", errors="tests.record_every")
    if utf16:
        offsets = [i for i, char in enumerate(text) if char == "\ufffd"][: len(errors)]
    else:
        offsets, chars, previous = [], 0, 0
        for start, end in errors:
            chars += len(data[previous:start].decode("utf-8", errors="replace"))
            offsets.append(chars)
            chars += 1
            previous = end
    runs: list[list[int]] = []
    for (start, end), offset in zip(errors, offsets, strict=False):
        if runs and runs[-1][1] == start and runs[-1][3] == offset:
            runs[-1][1], runs[-1][3] = end, offset + 1
        else:
            runs.append([start, end, offset, offset + 1])
    spans = [(f"bytes {a}-{b - 1} ", Span(c, d)) for a, b, c, d in runs[:MAX_LISTED_RUNS]]
    rest = runs[MAX_LISTED_RUNS:]
    if rest:
        spans.append((f"{len(rest)} more runs", Span(rest[0][2], rest[-1][3])))
    return Decoded(
        text, tuple(Defect("encoding.invalid_bytes", m, Severity.WARNING, s) for m, s in spans)
    )


_PIECES = st.sampled_from(
    [b"a", b"\n", b"\xc3\xa9", b"\x81", b"\xff", b"\xe2\x82", b"\xef\xbf\xbd", b"\xed\xa0\x80"]
)
_UNITS = st.sampled_from(["a", "\ufffd", "\U0001f600", "\n"]).map(lambda c: c.encode("utf-16-le"))


@given(
    st.one_of(
        # Ending with a byte cp1252 leaves undefined: read as UTF-8, not as cp1252.
        st.lists(_PIECES, max_size=200).map(lambda pieces: b"".join(pieces) + b"\x81"),
        st.lists(st.one_of(_UNITS, st.sampled_from([b"\x00\xdc", b"\x00\xd8", b"\x3d\xd8"])))
        .map(lambda units: codecs.BOM_UTF16_LE + b"".join(units))
        .flatmap(lambda data: st.sampled_from([data, data + b"x"])),
    )
)
@example(codecs.BOM_UTF16_LE + "\ufffda".encode("utf-16-le") + b"\x00\xdc\x00\xdc")
@example(b"a\x81" * (MAX_LISTED_RUNS + 10) + b"\xff\xfe")
def test_undecodable_runs_are_recorded_as_they_were(data: bytes) -> None:
    decoded, before = decode(data), _decoded_as_before(data)
    assert decoded.text == before.text
    invalid = [d for d in decoded.defects if d.code == "encoding.invalid_bytes"]
    assert [d.span for d in invalid] == [d.span for d in before.defects]
    for defect, expected in zip(invalid, before.defects, strict=True):
        assert expected.message in defect.message


# -- the docs' time for a million short lines -----------------------------------------------


def test_the_docs_time_for_a_million_short_lines_is_the_benchmarks() -> None:
    """The page said about 9 s while its own table of the benchmark said 17.6 s."""
    figures = (ROOT / "docs" / "reliability.md").read_text("utf-8").split("\n## Figures\n")[1]
    claim = re.search(r"a million short lines take\s+about\s+([\d.]+)\s+s", figures)
    row = re.search(r"^\| short lines \| [\d,]+ \| [\d,]+ \| ([\d,]+) \|", figures, re.MULTILINE)
    assert claim is not None
    assert row is not None
    at_two_mb = float(row[1].replace(",", "")) * 2 / 1_000  # ms per MB at 2 MB: a\n × 10^6
    assert abs(float(claim[1]) - at_two_mb) <= 0.05 * at_two_mb, (claim[0], at_two_mb)
