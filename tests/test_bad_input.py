"""Bad input returns a record whose defects say what is missing; strict raises one error type."""

from __future__ import annotations

import pytest

import releaseparse
from releaseparse import ReleaseParseError
from tests.conftest import FIXTURES
from tests.test_properties import check_invariants

HEADER_ONLY = (FIXTURES / "a_header_only.txt").read_bytes()
BODY_ONLY = (FIXTURES / "a_body_only.txt").read_bytes()

CASES: dict[str, tuple[str | bytes, set[str]]] = {
    "empty": ("", {"source.blank", "title.missing", "date.missing", "body.missing"}),
    "whitespace": (" \n\t\r\n  \u00a0\n", {"source.blank", "title.missing", "date.missing"}),
    "body_only": (BODY_ONLY, {"title.missing", "date.missing"}),
    "binary": (bytes(range(256)) * 8, {"title.missing", "date.missing"}),
    "long_line": ("x" * 10_000_000, {"title.missing", "date.missing"}),
    "header_only": (HEADER_ONLY, {"body.missing"}),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_defects(name: str) -> None:
    """Each bad input gives a record (no exception) whose defects name what is missing."""
    source, expected = CASES[name]
    release = releaseparse.parse(source)
    assert expected <= set(release.codes)
    check_invariants(release)


@pytest.mark.parametrize("name", [name for name in CASES if name != "header_only"])
def test_strict_raises_release_parse_error(name: str) -> None:
    """strict=True raises ReleaseParseError, a ValueError naming field, line and column."""
    source, _expected = CASES[name]
    with pytest.raises(ReleaseParseError) as caught:
        releaseparse.parse(source, strict=True)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field in {"title", "date"}
    assert f"line {error.line}, column {error.column}" in str(error)
    assert str(error).startswith(f"{error.field}: ")
    assert error.release == releaseparse.parse(source)
    assert error.defects == error.release.defects


def test_header_only_is_not_an_error() -> None:
    """A missing body is a warning: strict parsing of a header alone succeeds."""
    release = releaseparse.parse(HEADER_ONLY, strict=True)
    assert release.body.paragraphs == ()
    assert release.header.title


def test_invalid_date_names_its_line_and_column() -> None:
    text = (
        "[Press Releases: A Title](#)\n\nMedia Note\nOffice of the Spokesperson\n\n"
        "  November 31, 2017\n"
    )
    with pytest.raises(ReleaseParseError) as caught:
        releaseparse.parse(text, strict=True)
    assert (caught.value.field, caught.value.line, caught.value.column) == ("date", 6, 3)
    assert "[date.invalid]" in str(caught.value)


def test_missing_date_is_never_filled_in() -> None:
    release = releaseparse.parse(FIXTURES.joinpath("a_date_missing.txt").read_bytes())
    assert release.header.date is None
    missing = [d for d in release.defects if d.code == "date.missing"]
    assert len(missing) == 1
    assert len(missing[0].span) == 0


def test_undecodable_bytes_are_recorded_with_offsets() -> None:
    data = b"Title\n" + b"\x81\x81 and \xff tail"
    release = releaseparse.parse(data)
    invalid = [d for d in release.defects if d.code == "encoding.invalid_bytes"]
    assert [d.span.slice(release.source) for d in invalid] == ["\ufffd\ufffd", "\ufffd"]


def test_wrong_type_is_a_type_error() -> None:
    """Passing something that is not text is a programming error, not bad input."""
    with pytest.raises(TypeError, match="str or bytes"):
        releaseparse.parse(12)  # type: ignore[arg-type]
