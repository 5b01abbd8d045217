"""The title step, written out in one function, claims and sets as its plain form does.

``title`` reads the layout and the title's lines once, works on offsets, gates the link
and category patterns on the characters they need, and makes one ``Span`` for the claim
and the field when the title is its whole line; the plain form (``tests/plain_title.py``)
is the step as it was before. Both are run on the same parse states: releases from the
generator, the fixtures, and hand-written pages for the rarer branches (a link, a known
and an unknown category, decorations, outer spaces, a wrapped title, non-ASCII and
mojibake, a claimed line).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from releaseparse.decoding import decode
from releaseparse.extractors.title import title
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.records import Span
from releaseparse.state import ParseState
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.chain import state_before
from tests.conftest import FIXTURES
from tests.plain_title import plain_title
from tests.strategies import Case, releases, sample_releases

VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)

_HEADER = "\n\nMedia Note\nOffice of the Spokesperson\nMarch 3, 2011\n\n"
_BODY = "The harbor authority will open its new ferry terminal to every traveller next week.\n"
#: Title lines for the rarer branches, each set above the same header and body.
_TITLE_LINES = (
    "Harbor Grants Announced for the Coast",
    "  Harbor Grants Announced for the Coast \u00a0",
    "\u200bHarbor Grants Announced\u2004",
    "[Press Releases: Harbor Grants Announced](https://example.com/a)",
    "[Harbor Grants Announced](#)",
    " [Harbor Grants: Announced Today](#) ",
    "Press Releases: Harbor Grants Announced",
    "Unknown Category: Harbor Grants Announced",
    "Fwd: Harbor Grants Announced for the Coast",
    "Harbor Grants Announced for the Coast | example.com",
    "[Press Releases: Fwd: Harbor Grants for the Coast | example.com](https://example.com/a)",
    "Fwd: [News] Harbor Grants Announced | example.com",
    "Harbor Grants Announced [Video]",
    "Harbor [Grants] Announced",
    "Harbor Grants: 2011 Announced",
    "Café Grants Announced for the Côte",
    "CafÃ© Grants Announced for the Coast",
    "Harbor Grants Announced\u2000",
    "Harbor Grants Announced\x1c",
    "Harbor Grants Announced for the Coast, Transcript -- Transcript",
    "Logo | Harbor Grants Announced",
)
_WRAPPED = (
    "Harbor Grants Announced for the Coast and\nthe Islands of the Pacific Ocean" + _HEADER + _BODY
)
PAGES = (*(line + _HEADER + _BODY for line in _TITLE_LINES), _WRAPPED)


def _after(
    text: str, vocabulary: Vocabulary, step: Callable[[ParseState], None], claim: bool = False
) -> tuple[object, ...]:
    """The claims, spans, fields and defects after ``step`` on the state before ``title``.

    With ``claim``, the first character of the source is claimed first (a claimed title).
    """
    state = state_before(text, vocabulary, "title")
    if claim and text and not state.is_claimed(Span(0, 1)):
        state.claim(Span(0, 1), "chrome")
    step(state)
    return state.claims(), state.span_table(), state._field_values(), state.defects


def _same(text: str, vocabulary: Vocabulary, claim: bool = False) -> None:
    assert _after(text, vocabulary, title, claim) == _after(text, vocabulary, plain_title, claim)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=["default", "whitehouse"])
@pytest.mark.parametrize("claim", [False, True], ids=["free", "claimed"])
def test_hand_written_titles_as_the_plain_step(
    page: str, vocabulary: Vocabulary, claim: bool
) -> None:
    _same(page, vocabulary, claim)


def test_hand_written_titles_take_each_branch() -> None:
    """The pages set a category, cut a decoration, keep a non-ASCII and repair mojibake."""
    fields = [cast(dict[str, object], _after(page, DEFAULT_VOCABULARY, title)[2]) for page in PAGES]
    assert any("category" in found for found in fields)
    titles = [found.get("title") for found in fields]
    assert "Harbor Grants Announced for the Coast" in titles
    assert "Café Grants Announced for the Coast" in titles
    assert "Café Grants Announced for the Côte" in titles
    assert any("chrome" in str(_after(page, DEFAULT_VOCABULARY, title)[0]) for page in PAGES)


def test_sample_releases_as_the_plain_step() -> None:
    for case in sample_releases(300):
        for vocabulary in VOCABULARIES:
            _same(case.text, vocabulary)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.name)
def test_fixtures_as_the_plain_step(path: Path) -> None:
    text = decode(path.read_bytes()).text
    for vocabulary in VOCABULARIES:
        _same(text, vocabulary)


def test_a_wrapped_title_with_a_claimed_second_line_as_the_plain_step() -> None:
    """A claim on the title's second line (not its first) leaves the title unset."""
    at = _WRAPPED.index("the Islands")

    def claimed_then(step: Callable[[ParseState], None]) -> Callable[[ParseState], None]:
        def run(state: ParseState) -> None:
            state.claim(Span(at, at + 3), "chrome")
            step(state)

        return run

    for vocabulary in VOCABULARIES:
        found = _after(_WRAPPED, vocabulary, claimed_then(title))
        assert found == _after(_WRAPPED, vocabulary, claimed_then(plain_title))
        assert "title" not in cast(dict[str, object], found[2])


@given(releases(), st.sampled_from(VOCABULARIES), st.booleans())
def test_generated_releases_as_the_plain_step(
    case: Case, vocabulary: Vocabulary, claim: bool
) -> None:
    _same(case.text, vocabulary, claim)
