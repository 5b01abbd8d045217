"""Golden fixtures: each ``fixtures/NAME.txt`` parses to what ``NAME.expected.json`` holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import releaseparse
from tests.conftest import FIXTURES
from tests.golden import golden_view

CASES = sorted(FIXTURES.glob("*.txt"))


def test_fixtures_are_present() -> None:
    assert len(CASES) >= 30, f"expected the layout-A fixtures in {FIXTURES.name}/"


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_fixture_matches_golden(path: Path, update_goldens: bool) -> None:
    """The parse of the fixture's bytes equals the reviewed golden expectation."""
    release = releaseparse.parse(path.read_bytes())
    view = golden_view(release)
    expected_path = path.with_suffix(".expected.json")
    if update_goldens:
        expected_path.write_text(
            json.dumps(view, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    assert expected_path.exists(), (
        f"{expected_path.name} is missing: run pytest --update-goldens and review it"
    )
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert view == expected


def test_no_golden_without_fixture() -> None:
    stems = {path.stem for path in CASES}
    orphans = [
        path.name
        for path in FIXTURES.glob("*.expected.json")
        if path.name.removesuffix(".expected.json") not in stems
    ]
    assert not orphans
