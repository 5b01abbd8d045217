"""The header and tail extractors' shortcuts answer as their plain forms."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.errors import ExtractorError
from releaseparse.extractors._block import layout
from releaseparse.extractors._common import header_end, trimmed
from releaseparse.extractors._kinds import Kind
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.state import ParseState
from releaseparse.text import INVISIBLE, collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.chain import state_before
from tests.plain_confidence import _Evidence
from tests.strategies import paragraphs, releases, titles

markers_module = importlib.import_module("releaseparse.extractors.markers")

#: A vocabulary whose markers take a blank line and a space-led one (the walk keeps blanks).
BLANK_MARKERS = DEFAULT_VOCABULARY.extend(marker_patterns=(r"\s*", r" +-+ *"))
#: A vocabulary with a caption pattern of its own (no "Photo" in it) and one needing no run.
OWN_CAPTIONS = DEFAULT_VOCABULARY.extend(caption_patterns=(r"Image: .{10,200}",))
ANY_CAPTION = DEFAULT_VOCABULARY.extend(caption_patterns=(r".{60,}",))
VOCABULARIES = (
    DEFAULT_VOCABULARY,
    WHITE_HOUSE_VOCABULARY,
    BLANK_MARKERS,
    OWN_CAPTIONS,
    ANY_CAPTION,
)

Claims = tuple[tuple[int, int, str], ...]


def _claims_after(
    run: Callable[[ParseState], None], text: str, vocabulary: Vocabulary
) -> Claims | str:
    """The claims after ``run``, or the error it raised (a blank marker claims nothing)."""
    state = state_before(text, vocabulary, "markers")
    try:
        run(state)
    except ExtractorError as error:
        return str(error)
    return copy.deepcopy(state.claims())


# -- markers ----------------------------------------------------------------------------


def plain_markers(state: ParseState) -> None:
    """``markers`` testing each line after the header in turn, every claim looked up."""
    vocabulary = state.vocabulary
    start = header_end(state)
    for line in state.lines:
        text = line.text
        if line.start < start or (not text.strip() and not vocabulary.marker_set.fullmatches("")):
            continue
        if state.claims(0, line.end) and state.claims(0, line.end)[-1][1] > line.start:
            continue  # some character of the line is claimed
        if len(text) <= markers_module.MAX_MARKER_LENGTH and vocabulary.is_marker(text):
            state.claim(trimmed(state.source, line.start, line.end), "marker")
        elif vocabulary.is_caption(text):
            state.claim(trimmed(state.source, line.start, line.end), "caption")


_MARKER_INSERTS = st.one_of(
    st.sampled_from(
        [
            "# # #",
            "###",
            "(begin transcript)",
            "  (end transcript)  ",
            "\u200b# # #",
            "-----",
            " --- ",
            "",
            "   ",
            "\t",
            "Photo",
            "AP Photo",
            "Hoto",
            "The minister arrives at the harbor on Monday. (State Department Photo)",
            "The minister arrives at the harbor on Monday. © Photo by Ana Ruiz",
            "The minister arrives at the harbor on Monday, ph" + "oto opportunity at noon.",
            "Date: 3/4/2011 Description: The minister at the harbor. State Department Photo",
            "A caption that ends in a hint split across the line's end: pho",
            "The minister arrives at the harbor on Monday. (State Department Ph\u200boto)",
            "The minister arrives at the harbor on Monday.\u00a0(State Department Photo)",
            "Date: 3/4/2011\tDescription: The minister at the harbor on Monday morning.",
            "Date: 3/4/2011 Description: The minister at the harbor on Monday morning.",
            "Image: The minister at the harbor on Monday morning.",
        ]
    ),
    titles(),
    paragraphs(),
    st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=50),
)


@st.composite
def marker_pages(draw: st.DrawFn) -> str:
    """A generated release with marker, caption, blank and odd lines put in anywhere."""
    lines = draw(releases()).text.split("\n")
    for _ in range(draw(st.integers(0, 8))):
        lines.insert(draw(st.integers(0, len(lines))), draw(_MARKER_INSERTS))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


_HAND_PAGE = """Press Statement
Office of the Spokesperson
March 3, 2011

Harbor Grants for the Coast

The harbor authority will open its new ferry terminal to every traveller next week.
(begin transcript)

The minister arrives at the harbor on Monday. (State Department Photo)
   \t
Photo
# # #
"""


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_markers_claim_as_the_plain_walk_on_a_hand_written_page(vocabulary: Vocabulary) -> None:
    expected = _claims_after(plain_markers, _HAND_PAGE, vocabulary)
    assert _claims_after(markers_module.markers, _HAND_PAGE, vocabulary) == expected
    if vocabulary is DEFAULT_VOCABULARY:
        assert not isinstance(expected, str)
        assert {kind for _, _, kind in expected} >= {"marker", "caption"}


@given(marker_pages(), st.sampled_from(VOCABULARIES))
@example(_HAND_PAGE, DEFAULT_VOCABULARY)
def test_markers_claim_as_the_plain_walk_on_generated_pages(
    text: str, vocabulary: Vocabulary
) -> None:
    expected = _claims_after(plain_markers, text, vocabulary)
    assert _claims_after(markers_module.markers, text, vocabulary) == expected


_CAPTIONED_PAGE = """Press Statement
Office of the Spokesperson
March 3, 2011

Harbor Grants for the Coast

The harbor authority will open its new ferry terminal to every traveller next week.
{caption}

The terminal will serve the islands from the first of the month on.
"""


@pytest.mark.parametrize(
    ("vocabulary", "caption"),
    [
        # A built-in pattern with no "Photo" in it.
        (DEFAULT_VOCABULARY, "Date: 3/4/2011 Description: The minister at the harbor on Monday."),
        # "Photo" split by a character folding drops, or its line spaced by a no-break space.
        (
            DEFAULT_VOCABULARY,
            "The minister at the harbor on Monday. (State Department Ph\u200boto)",
        ),
        (DEFAULT_VOCABULARY, "The minister at the harbor on Monday.\u00a0(State Department Photo)"),
        # A caption pattern of the user's own.
        (OWN_CAPTIONS, "Image: The minister at the harbor on Monday morning."),
    ],
)
def test_every_caption_pattern_claims_its_captions(vocabulary: Vocabulary, caption: str) -> None:
    text = _CAPTIONED_PAGE.format(caption=caption)
    claims = _claims_after(markers_module.markers, text, vocabulary)
    assert not isinstance(claims, str)
    start = text.index(caption)
    assert (start, start + len(caption), "caption") in claims


def test_folding_changes_no_character_in_a_line_but_whitespace_and_the_invisible_ones() -> None:
    """``caption_hints`` holds: a piece with no space is kept by folding, unless split."""
    for code in range(0x110000):
        char = chr(code)
        if char.isspace():
            continue
        changed = collapse(f"a{char}b") != f"a{char}b"
        assert changed is (char in INVISIBLE), hex(code)


@given(st.text(max_size=3), st.sampled_from(VOCABULARIES))
@example(" ", DEFAULT_VOCABULARY)
@example("", DEFAULT_VOCABULARY)
@example("#", DEFAULT_VOCABULARY)
def test_a_lines_first_character_tells_as_may_be_marker(text: str, vocabulary: Vocabulary) -> None:
    gated = markers_module._gated(vocabulary.marker_set)
    verdict = markers_module._head_verdict(gated, text[:1])
    if verdict is None:
        assert not text[:1] or text[:1].isspace()
        verdict = True  # a space-led line is let through, as may_be_marker lets it
    assert verdict == markers_module.may_be_marker(gated, text)


# -- confidence ---------------------------------------------------------------------------


def plain_over_unread_name(evidence: _Evidence) -> bool:
    """``_over_unread_name`` with each line's kind asked of ``found.kind``."""
    title = evidence.block.title
    if title is None:
        return False
    index = title[1]
    count = len(evidence.lines)
    while index < count and evidence.found.kind(index) is Kind.BLANK:
        index += 1
    if index >= count or evidence.found.kind(index) is not Kind.NAME:
        return False
    line = evidence._offsets(index, index + 1)
    return not any(map(line.__contains__, evidence.state.span_table().offsets[::2]))


def plain_rival_title(evidence: _Evidence) -> bool:
    """``_rival_title`` over the lines above the title and those of the block below it."""
    title = evidence.block.title
    if title is None:
        return False
    below = range(max(title[1], evidence.block.start), evidence.block.end)
    return any(
        evidence.found.kind(index) in (Kind.OTHER, Kind.NAME) and evidence._title_like(index)
        for index in [*range(title[0]), *below]
    )


_TITLED_PAGE = """Harbor Grants for the Coast Guard Stations

Neueste Artikel
Press Statement
Office of the Spokesperson
The U.S.-Japan Relationship in Our Time
March 3, 2011

The harbor authority will open its new ferry terminal to every traveller next week.
"""


@given(st.one_of(marker_pages(), st.just(_TITLED_PAGE)), st.sampled_from(VOCABULARIES[:2]))
@example(_TITLED_PAGE, DEFAULT_VOCABULARY)
def test_the_ratings_walks_answer_as_their_plain_forms(text: str, vocabulary: Vocabulary) -> None:
    state = state_before(text, vocabulary, "confidence")
    found = layout(state)
    if found.block is None:
        return
    evidence = _Evidence(state, found, found.block, state.fields)
    assert evidence._over_unread_name() is plain_over_unread_name(evidence)
    assert evidence._rival_title() is plain_rival_title(evidence)


# -- time -----------------------------------------------------------------------------------


@given(marker_pages(), st.sampled_from(VOCABULARIES[:2]))
def test_the_time_walks_kind_lookup_answers_as_get_and_classifies_nothing(
    text: str, vocabulary: Vocabulary
) -> None:
    state = state_before(text, vocabulary, "time")
    known = layout(state).kinds
    classified = dict(known)
    for index in range(-1, len(state.lines) + 1):
        assert (known[index] if index in known else None) is known.get(index)  # noqa: SIM401
    assert dict(known) == classified
