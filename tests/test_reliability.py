"""Hostile input: every shape parses into a record that keeps its invariants."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import releaseparse
from releaseparse import cli, guard
from releaseparse.cli import example_bytes
from releaseparse.extractors import _releases
from releaseparse.extractors._kinds import Kind
from releaseparse.limits import count_lines
from releaseparse.lines import split_lines
from releaseparse.profiles import get_profile
from releaseparse.records import Span
from releaseparse.testing import check_record
from tests.adversarial import SHAPES


@pytest.mark.parametrize("name", sorted(SHAPES))
@pytest.mark.parametrize("size", [1, 300, 20_000])
def test_hostile_shapes_keep_every_invariant(name: str, size: int) -> None:
    text = SHAPES[name](size)
    release = releaseparse.parse(text)
    assert release.source == text
    check_record(release)
    for part in releaseparse.parse_all(text):
        check_record(part)


def test_repeated_headers_are_scanned_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of repeated header blocks asks ``has_body`` about every one of them.

    Asking from the first header each time made such a page quadratic (30,000
    characters took 0.7 s). Counted in line lookups, not seconds: doubling the page
    must about double the work.
    """
    looked_at: list[int] = []
    original = _releases._Scan.kind

    def kind(self: _releases._Scan, index: int) -> Kind:
        looked_at.append(index)
        return original(self, index)

    monkeypatch.setattr(_releases._Scan, "kind", kind)
    work = []
    for size in (20_000, 80_000):
        looked_at.clear()
        releaseparse.parse(SHAPES["repeated header lines"](size))
        work.append(len(looked_at))
    assert work[1] < 4.5 * work[0], work


# -- bounded memory: inputs past the parser's max_size ------------------------------------


def test_text_past_max_size_is_kept_but_not_parsed() -> None:
    parser = releaseparse.Parser(max_size=100)
    text = example_bytes().decode("utf-8")
    release = parser.parse(text)
    assert release.source == text
    assert [(r.kind, r.span) for r in release.regions] == [("unparsed", Span(0, len(text)))]
    assert release.codes == ("source.too_large",)
    assert f"{len(text):,} characters, more than this parser's limit of 100" in (
        release.defects[0].message
    )
    assert release.header == releaseparse.Header()
    check_record(release)
    assert parser.parse_all(text) == [release]
    with pytest.raises(releaseparse.ReleaseParseError) as raised:
        parser.parse(text, strict=True)
    assert [defect.code for defect in raised.value.errors] == ["source.too_large"]


def test_bytes_past_max_size_are_not_decoded() -> None:
    data = example_bytes()
    release = releaseparse.Parser(max_size=len(data) - 1).parse(data)
    assert release.source == ""
    assert release.regions == ()
    assert release.codes == ("source.too_large",)
    assert f"{len(data):,} bytes" in release.defects[0].message
    check_record(release)
    # At the limit exactly, the input is parsed as usual.
    exact = releaseparse.Parser(max_size=len(data)).parse(data)
    assert exact == releaseparse.parse(data)


def test_a_file_past_max_size_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(example_bytes())
    parser = releaseparse.Parser(max_size=100)

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert parser.parse_file(path).codes == ("source.too_large",)
    (outcome,) = releaseparse.parse_many([path], parser=parser)
    assert outcome.release is not None
    assert outcome.release.codes == ("source.too_large",)


def test_max_size_default_none_and_bad_values() -> None:
    assert releaseparse.Parser().max_size == 50_000_000
    assert releaseparse.Parser().copy().max_size == 50_000_000
    unlimited = releaseparse.Parser(max_size=None)
    assert unlimited.parse("x" * 200).codes != ("source.too_large",)
    for bad in (0, -1, True):
        with pytest.raises(ValueError, match="max_size must be None or a positive number"):
            releaseparse.Parser(max_size=bad)


def test_cli_max_mb(tmp_path: Path) -> None:
    source = tmp_path / "example.txt"
    source.write_bytes(example_bytes())
    out = tmp_path / "out.jsonl"
    assert cli.main(["parse", str(source), "--max-mb", "0.0001", "-q", "-o", str(out)]) == 0
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["code"] for d in row["release"]["defects"]] == ["source.too_large"]
    strict = ["parse", str(source), "--max-mb", "0.0001", "--strict", "-q", "-o", str(out)]
    assert cli.main(strict) == 1


# -- the time limit on patterns added to a vocabulary -------------------------------------

#: Backtracks exponentially on ``a`` * n + ``b`` (the ``regex`` module does not rescue it).
_RUNAWAY = r"(?:a|aa)+"
#: A line it runs away on: ending with ``a``, it passes the screens in front of the
#: pattern (a full match ends with ``a``), so the pattern itself is run.
_RUNAWAY_LINE = "a" * 60 + "ba"


def test_an_added_pattern_that_runs_away_is_given_up_with_a_defect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(guard, "PATTERN_TIMEOUT", 0.05)
    vocabulary = releaseparse.DEFAULT_VOCABULARY.extend(chrome_patterns=[_RUNAWAY])
    parser = releaseparse.Parser(vocabulary)
    # Page lines above the release: the layout reads each of them.
    text = (_RUNAWAY_LINE + "\n") * 50 + "\n" + example_bytes().decode("utf-8")
    started = time.perf_counter()
    release = parser.parse(text)
    elapsed = time.perf_counter() - started
    assert release.codes.count("vocabulary.timeout") == 1
    assert _RUNAWAY in release.defects[-1].message
    assert release.header.title == releaseparse.parse(text).header.title
    check_record(release)
    # One stall per input, not one per line: 50 such lines cost one time limit.
    assert elapsed < 50 * 0.05, elapsed
    with pytest.raises(releaseparse.ReleaseParseError):
        parser.parse(text, strict=True)
    (part,) = parser.parse_all(text)
    assert "vocabulary.timeout" in part.codes


def test_our_patterns_run_without_the_limit_and_added_ones_with_it() -> None:
    vocabulary = releaseparse.DEFAULT_VOCABULARY.extend(chrome_patterns=[_RUNAWAY])
    guarded = [p for p in vocabulary.chrome_set.single if isinstance(p, guard.GuardedPattern)]
    assert [p.text for p in guarded] == [_RUNAWAY]
    ours = (
        *releaseparse.DEFAULT_VOCABULARY.chrome_set.single,
        *get_profile("whitehouse").vocabulary.marker_set.single,
    )
    assert ours  # the wildcard-led ones are tested one by one
    assert not any(isinstance(p, guard.GuardedPattern) for p in ours)


def test_a_runaway_pattern_outside_a_parse_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "PATTERN_TIMEOUT", 0.05)
    vocabulary = releaseparse.DEFAULT_VOCABULARY.extend(chrome_patterns=[_RUNAWAY])
    with pytest.raises(TimeoutError):
        vocabulary.is_chrome(_RUNAWAY_LINE)


def test_more_lines_than_max_lines_are_kept_but_not_parsed() -> None:
    text = "a\n" * 50
    release = releaseparse.Parser(max_lines=49).parse(text)
    assert release.codes == ("source.too_large",)
    assert "50 lines, more than this parser's limit of 49" in release.defects[0].message
    assert [r.kind for r in release.regions] == ["unparsed"]
    check_record(release)
    assert releaseparse.Parser(max_lines=50).parse(text) == releaseparse.parse(text)
    (part,) = releaseparse.Parser(max_lines=49).parse_all(text.encode())
    assert part.codes == ("source.too_large",)
    assert cli.main(["parse", "-", "--max-lines", "0"]) == 2


@given(st.text(alphabet="ab\r\n"))
def test_count_lines_agrees_with_split_lines(text: str) -> None:
    assert count_lines(text) == len(split_lines(text))
