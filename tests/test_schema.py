"""The JSON Schema of ``Release.to_dict()``: current, valid, and met by every record."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import releaseparse
from releaseparse.cli import example_bytes
from releaseparse.schema import release_schema
from tests.conftest import FIXTURES, ROOT
from tests.strategies import Case, releases

SCHEMA_FILE = ROOT / "docs" / "release.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(
    release_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
GOLDENS = sorted(FIXTURES.glob("*.expected.json"))


def errors(data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_file_is_the_generated_schema() -> None:
    """docs/release.schema.json is ``python -m releaseparse.schema``'s output, unedited."""
    jsonschema.Draft202012Validator.check_schema(release_schema())
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == release_schema(), (
        "regenerate it: python -m releaseparse.schema > docs/release.schema.json"
    )


def test_the_header_schema_follows_the_record() -> None:
    header = release_schema()["$defs"]["Header"]["properties"]
    assert list(header) == list(releaseparse.Header.__annotations__)
    assert header["date"] == {"type": ["string", "null"], "format": "date"}
    assert header["speakers"] == {"type": "array", "items": {"$ref": "#/$defs/Speaker"}}


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda path: path.name)
def test_every_golden_fixture_record_meets_the_schema(golden: Any) -> None:
    source = golden.with_name(golden.name.replace(".expected.json", ".txt"))
    for release in releaseparse.parse_all(source.read_bytes()):
        assert errors(release.to_dict()) == []
    # The golden's own header, as reviewed, meets the header part of the schema.
    header = json.loads(golden.read_text(encoding="utf-8"))["header"]
    schema = release_schema()
    header_validator = jsonschema.Draft202012Validator(
        {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/Header"},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    assert [e.message for e in header_validator.iter_errors(header)] == []


def test_there_are_goldens() -> None:
    assert len(GOLDENS) > 50


@given(releases())
def test_generated_releases_meet_the_schema(case: Case) -> None:
    assert errors(releaseparse.parse(case.text).to_dict()) == []


@given(st.text() | st.binary())
def test_any_input_meets_the_schema(source: str | bytes) -> None:
    assert errors(releaseparse.parse(source).to_dict()) == []


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda d: d["defects"].append({**d["defects"][0], "severity": "fatal"}), "'fatal'"),
        (lambda d: d["header"].update(date="14 March 2016"), "'14 March 2016'"),
        (lambda d: d["header"].update(time="10:30 a.m."), "'10:30 a.m.'"),
        (lambda d: d["regions"].append({"kind": "body", "start": -1, "end": 3}), "-1"),
        (lambda d: d["spans"].update(title=[1, 2, 3]), "at most 2 items"),
        (lambda d: d.update(unknown=1), "unknown"),
        (lambda d: d["header"].pop("title"), "'title' is a required property"),
        (lambda d: d["confidence"].update(title="certain"), "'certain'"),
        (lambda d: d.pop("confidence"), "'confidence' is a required property"),
    ],
)
def test_the_schema_rejects_what_a_record_never_holds(change: Any, complaint: str) -> None:
    data = releaseparse.parse(example_bytes()).to_dict()
    assert errors(data) == []
    change(data)
    found = errors(data)
    assert found
    assert any(complaint in message for message in found), found
