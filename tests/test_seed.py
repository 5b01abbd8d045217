"""The real seed document parses exactly (read from the shared folder beside the repository)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import releaseparse
from releaseparse.vocabulary import DISCLAIMERS
from tests.conftest import SHARED

SEED = SHARED / "seeds" / "000_1d08ee4dcccd50a3.txt"


@pytest.fixture(scope="module")
def seed() -> releaseparse.Release:
    if not SEED.exists():
        pytest.skip(
            f"the seed document is not in this checkout ({Path('..', 'shared', 'seeds')} is"
            " beside the repository only on the project's machines); it is not copied in"
        )
    return releaseparse.parse(SEED.read_bytes(), strict=True)


def test_seed_header(seed: releaseparse.Release) -> None:
    assert seed.header == releaseparse.Header(
        title="Initiative To Address Homegrown Terrorism Launch Event Held in Valletta, Malta",
        category="Press Releases",
        note_type="Media Note",
        office="Office of the Spokesperson",
        speakers=(),
        venue=None,
        place="Washington, DC",
        date=dt.date(2017, 11, 16),
    )


def test_seed_body_and_disclaimer(seed: releaseparse.Release) -> None:
    paragraphs = seed.body.paragraphs
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The United States and the Kingdom of Morocco, under")
    assert paragraphs[0].endswith("homegrown terrorism on November 15–16, 2017.")
    assert paragraphs[1].startswith("ISIS's prolific use of social media")
    assert paragraphs[2].endswith("preventing and detecting homegrown terrorists.")
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert seed.disclaimer == DISCLAIMERS[0]
    assert "Office of Website Management" not in seed.body.text


def test_seed_regions_and_defects(seed: releaseparse.Release) -> None:
    kinds = [region.kind for region in seed.regions if region.kind != "blank"]
    assert kinds == [
        "title", "note_type", "office", "place", "date", "body", "body", "body", "disclaimer",
    ]  # fmt: skip
    assert "".join(region.span.slice(seed.source) for region in seed.regions) == seed.source
    assert seed.codes == ("disclaimer.rejoined",)
    assert seed.spans["title"].slice(seed.source) == seed.header.title
    assert seed.spans["date"].slice(seed.source) == "November 16, 2017"
