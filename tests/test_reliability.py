"""Hostile input: every shape parses into a record that keeps its invariants."""

from __future__ import annotations

import pytest

import releaseparse
from releaseparse.extractors import _releases
from releaseparse.extractors._kinds import Kind
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
