"""Hypothesis suites for hostile input: whatever the text or bytes, a record that keeps its
invariants (regions tile the source, spans inside it, a faithful ``to_dict``)."""

from __future__ import annotations

import csv
import io
import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

import releaseparse
from releaseparse.cli.outputs import FORMULA_STARTS, CsvWriter, JsonlWriter
from releaseparse.outcome import Outcome
from releaseparse.testing import check_record
from releaseparse.views import explain_html
from tests.strategies import Case, releases

#: Characters scraped text is full of and a parser can trip on.
_ODD = (
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u00a0", "\u00ad",
    "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2028", "\u2029", "\u2060", "\ufeff",
    "\ufffd", "\ud800", "\udbff", "\udc00", "\udfff", "\U0001f600", "\r", "\n", "\r\n", "\t",
)  # fmt: skip

#: Any character at all, lone surrogates included (Hypothesis leaves them out by default).
_ANY_CHAR = st.characters(exclude_categories=()) | st.sampled_from(
    [char for char in _ODD if len(char) == 1]
)


def _check(source: str | bytes) -> releaseparse.Release:
    release = releaseparse.parse(source)
    check_record(release)
    for part in releaseparse.parse_all(source):
        check_record(part)
    return release


@given(st.text(alphabet=_ANY_CHAR))
@example("\ud800")
@example("Daily Press Briefing Secretary Colin L. Powell\u2028Washington, DC\u2028January 1, 2001")
@example("Title\n\nMedia Note\n\udcff\nMarch 14, 2016\n\x00\u202e")
def test_any_characters_lone_surrogates_and_controls(text: str) -> None:
    assert _check(text).source == text


def test_two_lone_surrogates_side_by_side() -> None:
    """Found by the long profile: JSON cannot keep a lone high surrogate followed by a lone
    low one (it reads their escapes back as the one character they would make)."""
    text = "\ud800\udc00Lena Marsh, Acting Assistant Secretary\n\nQUESTION: Why?\n"
    release = _check(text)
    assert release.source == text
    through_json = json.loads(json.dumps(release.to_dict()))
    assert through_json["source"].startswith("\U00010000")


@given(releases(), st.data())
def test_odd_characters_dropped_into_a_release(case: Case, data: st.DataObject) -> None:
    """Odd characters at random places of a real-looking release."""
    text = case.text
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(st.sampled_from(_ODD)) + text[at:]
    _check(text)


def test_a_flat_header_whose_role_comes_before_the_name() -> None:
    """Found by the line-ending suite (a header joined by U+2028), then in plain text:
    the speaker region ran from the name to the role before it, and ``parse`` raised."""
    for joint in (" ", "\u2028"):
        text = joint.join(
            ("Daily Press Briefing Secretary Colin L. Powell", "Washington, DC", "January 1, 2001")
        )
        release = _check(text + "\n\nThe body of the briefing.")
        assert release.header.speakers == (releaseparse.Speaker("Colin L. Powell", "Secretary"),)
        assert release.header.place == "Washington, DC"


@given(releases(), st.data())
def test_every_line_ending_mix(case: Case, data: st.DataObject) -> None:
    """Each line break of a release becomes ``\\n``, ``\\r\\n``, ``\\r`` or a Unicode one."""
    lines = re.split(r"\r\n|\r|\n", case.text)
    endings = st.sampled_from(("\n", "\r\n", "\r", "\n\r", "\u2028", "\x85"))
    text = "".join(line + data.draw(endings) for line in lines[:-1]) + lines[-1]
    _check(text)


@given(releases(), st.data())
def test_truncated_at_any_character(case: Case, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(case.text)))
    _check(case.text[:end])
    _check(case.text[:end].encode("utf-8", "surrogatepass")[: data.draw(st.integers(0, end))])


@given(releases(), st.integers(2, 6))
def test_header_blocks_repeated(case: Case, times: int) -> None:
    """The header block (up to the first paragraph) printed several times over."""
    head, gap, rest = (
        case.text.partition("\n\n\n")
        if "\n\n\n" in case.text
        else (case.text[: len(case.text) // 3], "", case.text[len(case.text) // 3 :])
    )
    _check(head * times + gap + rest)


@given(releases(), st.randoms(use_true_random=False))
def test_lines_in_random_order(case: Case, random: object) -> None:
    """Header fields (and everything else) shuffled line by line."""
    lines = case.text.splitlines(keepends=True)
    random.shuffle(lines)  # type: ignore[attr-defined]
    _check("".join(lines))


@given(st.binary())
@example(b"\xc3")
@example(b"\xed\xa0\x80")  # a surrogate in UTF-8: invalid
@example(b"\xff\xfe" + "Title\n\udc00".encode("utf-16-le", "surrogatepass"))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@given(releases(), st.sampled_from(("utf-16", "utf-16-le", "utf-16-be", "utf-8-sig")))
def test_utf16_with_and_without_bom(case: Case, encoding: str) -> None:
    """A release in UTF-16 (byte-order mark or not) reads as its text does."""
    data = case.text.encode(encoding)
    release = _check(data)
    as_text = releaseparse.parse(case.text)
    assert release.source == case.text
    assert release.header == as_text.header
    assert release.body == as_text.body


@given(releases(), st.data())
def test_invalid_utf8_bytes_are_replaced_and_recorded(case: Case, data: st.DataObject) -> None:
    """Bytes that decode as nothing become U+FFFD with a defect covering them, never dropped."""
    raw = bytearray(case.text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 5))):
        raw.insert(
            data.draw(st.integers(0, len(raw))), data.draw(st.sampled_from((0xFF, 0xC0, 0x80)))
        )
    release = _check(bytes(raw))
    if "encoding.cp1252" not in release.codes:
        spans = [d.span for d in release.defects if d.code == "encoding.invalid_bytes"]
        assert spans
        for span in spans:
            assert set(span.slice(release.source)) == {"\ufffd"}


# -- safe outputs, whatever the input --------------------------------------------------------


@given(st.text(alphabet=_ANY_CHAR, max_size=300), st.sampled_from(FORMULA_STARTS))
@example("\ud800", "=")  # the long profile: CSV is written as the writers do, surrogates escaped
def test_outputs_are_safe_for_any_text(text: str, formula: str) -> None:
    """JSONL rows are valid UTF-8 JSON, CSV cells never open a formula, HTML shows text."""
    source = formula + text  # a title that starts a spreadsheet formula
    outcome = Outcome(0, formula + "id", release=releaseparse.parse(source))
    line = JsonlWriter.encode(outcome)
    # As the writers encode it: lone surrogates become JSON escapes.
    assert json.loads(line.encode("utf-8", "backslashreplace"))["id"] == formula + "id"
    buffer = io.StringIO()
    csv.writer(buffer).writerow(CsvWriter.encode(outcome))
    written = buffer.getvalue().encode("utf-8", "backslashreplace").decode("utf-8")
    for cell in next(csv.reader(io.StringIO(written))):
        assert not cell.startswith(FORMULA_STARTS), cell
    page = explain_html(outcome.release, name=source[:30])  # type: ignore[arg-type]
    page.encode("utf-8")  # lone surrogates are shown as escape text
    assert "<script" not in page.lower()
