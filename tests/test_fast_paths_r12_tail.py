"""The twelfth round's disclaimer and trailer steps leave each state as their plain forms do.

``disclaimer`` answers a page printing no template's opening after one search, and reads
the copies in one loop (``_last_copy``); ``trailers`` reads the disclaimer's offsets, the
header's bounds and the kind memo without a call each, and tests a line's first character
before ``is_blank``. The plain forms are the disclaimer step as it was before and the
plain trailers walk of ``test_fast_paths_tail``. Both are
run on fresh states just before the step: releases from the generator, the fixtures,
pages from hypothesis, and hand-written pages for the rarer branches (broken, cut-off
and repeated copies, copies in the header, other vocabularies' templates).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from releaseparse.decoding import decode
from releaseparse.extractors._common import header_end
from releaseparse.extractors._kinds import kind_memo
from releaseparse.extractors._tail import header_bounds
from releaseparse.extractors.disclaimer import (
    MIN_TRUNCATED_CHARS,
    _candidate_lines,
    _last_copy,
    disclaimer,
    record_copy,
)
from releaseparse.extractors.trailers import trailers
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.state import ParseState
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.chain import state_before
from tests.conftest import FIXTURES
from tests.plain_disclaimer import plain_find
from tests.strategies import releases, sample_releases
from tests.test_fast_paths_tail import plain_trailers

disclaimer_module = importlib.import_module("releaseparse.extractors.disclaimer")

# -- the plain forms: the disclaimer step as it was before the twelfth round; trailers' plain
# form (``is_chrome`` asked of each line) is the one ``test_fast_paths_tail`` holds ------------


def plain_disclaimer(state: ParseState) -> None:
    """The disclaimer step as it was: candidate lines from the header, ``plain_find`` over them."""
    lines = _candidate_lines(state, header_bounds(state)[0])
    if not lines:
        return
    found = plain_find(state, header_end(state), lines)
    if found is None:
        return
    template, span, complete = found
    record_copy(state, template, span, complete)  # the finish is shared: the finding is tested


Step = Callable[[ParseState], None]


def _after(text: str, vocabulary: Vocabulary, name: str, step: Step) -> object:
    """What ``step`` leaves of a fresh state just before it: fields, spans, claims, defects."""
    try:
        state = state_before(text, vocabulary, name)
        step(state)
    except Exception as error:  # the same failure, if any, from both forms
        return ("raised", type(error).__name__, str(error))
    return (dict(state.fields), dict(state.spans), state.claims(), state.defects)


STEPS: list[tuple[str, Step, Step]] = [
    ("disclaimer", disclaimer, plain_disclaimer),
    ("trailers", trailers, plain_trailers),
]


def _assert_same(text: str, vocabulary: Vocabulary) -> None:
    for name, step, plain in STEPS:
        assert _after(text, vocabulary, name, step) == _after(text, vocabulary, name, plain), name


# -- vocabularies with other templates ---------------------------------------------------------

_SHORT = "The Office of X manages this site for the harbor authority."
_INVISIBLE = "Harbor\u200bnotice: this\u00adsite is kept by the harbor authority for all."
#: A template ending in spaces: its copy ends at its last non-space character.
_TRAILING = "Kept by the harbor authority, this site is a portal for all of us.  \t "
_REPEATED = "a a a a a a a a a a a a a a a a b, kept by the harbor authority for all."
_OTHER = "Office of Electronic Information manages it, as a portal for information from us all."
VOCABULARIES = (
    DEFAULT_VOCABULARY,
    WHITE_HOUSE_VOCABULARY,
    # Another template, one sharing the built-ins' opening, a template of spaces only,
    # and none at all.
    Vocabulary(disclaimers=(DEFAULT_VOCABULARY.disclaimers[0], _OTHER, "The Office  of X.")),
    Vocabulary(disclaimers=(_OTHER,)),
    Vocabulary(disclaimers=("  ", _OTHER)),
    Vocabulary(disclaimers=()),
    # Two templates whose copies open at one offset; one holding invisible characters
    # (walked character by character); one whose opening repeats its first character.
    Vocabulary(
        disclaimers=(
            _SHORT,
            _SHORT + " More words follow it here.",
            _INVISIBLE,
            _INVISIBLE + " And more.",
        )
    ),
    Vocabulary(disclaimers=(_REPEATED, _TRAILING)),
)

_TEMPLATE = DEFAULT_VOCABULARY.disclaimers[0]
_OLD = DEFAULT_VOCABULARY.disclaimers[1]
_HEADER = "Press Statement\nOffice of the Spokesperson\nMarch 3, 2011\n\n"
_TITLE = "Harbor Grants for the Coast Guard Stations\n\n"
_PROSE = "The harbor authority will open its new ferry terminal to every traveller next week.\n"


def _broken(template: str, every: int) -> str:
    """``template`` with a line break after every ``every`` words (the scrape's breaks)."""
    words = template.split(" ")
    return "\n".join(" ".join(words[at : at + every]) for at in range(0, len(words), every))


PAGES = {
    "no copy": _TITLE + _HEADER + _PROSE,
    "whole copy": _TITLE + _HEADER + _PROSE + "\n" + _TEMPLATE + "\n",
    "older copy": _TITLE + _HEADER + _PROSE + "\n" + _OLD,
    "broken copy": _TITLE + _HEADER + _PROSE + "\n" + _broken(_TEMPLATE, 3) + "\n\n",
    "blank line inside": _TITLE + _HEADER + _PROSE + _TEMPLATE.replace(" manages", "\n\nmanages"),
    "cut off": _TITLE + _HEADER + _PROSE + "\n" + _TEMPLATE[:70],
    "cut off and broken": _TITLE + _HEADER + _PROSE + "\n" + _broken(_TEMPLATE[:90], 2) + "  \n",
    "cut off too short": _TITLE + _HEADER + _PROSE + "\n" + _TEMPLATE[:30],
    "cut off then text": _TITLE + _HEADER + _PROSE + "\n" + _TEMPLATE[:70] + "\nMore prose.\n",
    "altered": _TITLE + _HEADER + _PROSE + "\n" + _TEMPLATE.replace("portal", "door"),
    "two copies": _TITLE + _HEADER + _PROSE + "\n" + _TEMPLATE + "\n" + _OLD + "\n",
    "whole then cut": _TITLE + _HEADER + _PROSE + _TEMPLATE + "\n" + _OLD[:60],
    "copy in the header": _TITLE + _TEMPLATE + "\n" + _HEADER + _PROSE,
    "copy above the body": _TITLE + _HEADER + _TEMPLATE + "\n\n" + _PROSE,
    "opening mid-line": _TITLE + _HEADER + "See: " + _TEMPLATE + "\n",
    "opening only": _TITLE + _HEADER + _PROSE + "The Office of Website\n",
    "spaced opening": _TITLE + _HEADER + _PROSE + "  T h e\u200b Office of Website Management",
    "other template": _TITLE + _HEADER + _PROSE + "\n" + _OTHER + "\n",
    "other cut off": _TITLE + _HEADER + _PROSE + "\n" + _OTHER[:60],
    "trailers below": _TITLE + _HEADER + _PROSE + "\n###\n\nPRN: 2016/0231\n\nShare\n",
    "trailers above a copy": _TITLE + _HEADER + _PROSE + "# # #\n\u00a0\n" + _TEMPLATE,
    "blank lines of invisibles": _TITLE + _HEADER + _PROSE + "\u200b\n \u00a0\n\ufeff\n# # #\n",
    "whole older then cut newer": _TITLE + _HEADER + _PROSE + _OLD + "\n" + _TEMPLATE[:70],
    "two copies at one offset": _TITLE + _HEADER + _PROSE + _SHORT + " More words follow it here.",
    "invisible template": _TITLE + _HEADER + _PROSE + _broken(_INVISIBLE, 2) + "\n",
    "invisible template twice": _TITLE + _HEADER + _PROSE + _INVISIBLE + "\n" + _INVISIBLE,
    "invisible templates at one offset": _TITLE + _HEADER + _PROSE + _INVISIBLE + " And more.",
    "trailing spaces": _TITLE + _HEADER + _PROSE + _TRAILING + "\u200b\n",
    "trailing spaces then text": _TITLE + _HEADER + _PROSE + _TRAILING + "x\n",
    "repeated opening": _TITLE + _HEADER + _PROSE + "a\n" + _REPEATED + "\n",
    "trailer above an invisible line": _TITLE
    + _HEADER
    + _PROSE
    + "# # #\n\u200b\nPRN: 2016/0231\n",
    "only a header": _HEADER,
    "only a copy": _TEMPLATE,
    "empty": "",
    "State Department page": "\n".join(
        [
            "Statement on the Harbor Accord",
            "Press Statement",
            "Richard Boucher, Spokesman",
            "Washington, DC",
            "March 3, 2004",
            "",
            _PROSE,
            "2004/201",
            "[End]",
            "Released on March 3, 2004",
            "",
            _broken(_OLD[:-40], 5),
        ]
    ),
}


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=range(len(VOCABULARIES)))
@pytest.mark.parametrize("page", list(PAGES), ids=list(PAGES))
def test_hand_written_pages_read_as_the_plain_forms(page: str, vocabulary: Vocabulary) -> None:
    """Each rarer branch (cut-off, broken, repeated and misplaced copies) as before."""
    _assert_same(PAGES[page], vocabulary)


def test_the_pages_reach_each_branch() -> None:
    """The pages above set a whole, a re-joined and a cut-off disclaimer, and claim trailers."""
    seen: set[str] = set()
    for text in PAGES.values():
        state = state_before(text, DEFAULT_VOCABULARY, "disclaimer")
        disclaimer(state)
        seen.update(defect.code for defect in state.defects)
        if state.has("disclaimer"):
            seen.add("disclaimer")
        state.extractor = "trailers"
        trailers(state)
        seen.update(kind for _start, _end, kind in state.claims())
    assert {"disclaimer", "disclaimer.rejoined", "disclaimer.truncated"} <= seen
    assert {"trailer", "chrome"} <= seen


def test_generated_releases_read_as_the_plain_forms() -> None:
    for case in sample_releases(300):
        for vocabulary in VOCABULARIES[:3]:
            _assert_same(case.text, vocabulary)


def test_fixtures_read_as_the_plain_forms() -> None:
    texts = [decode(path.read_bytes()).text for path in sorted(FIXTURES.glob("*.txt"))]
    assert texts
    for text in texts:
        for vocabulary in VOCABULARIES[:3]:
            _assert_same(text, vocabulary)


@settings(max_examples=150, deadline=None)
@given(releases(), st.sampled_from(VOCABULARIES), st.integers(0, 200), st.integers(0, 6))
def test_hypothesis_releases_read_as_the_plain_forms(
    case: object, vocabulary: Vocabulary, cut: int, copies: int
) -> None:
    """Generated pages, some with a copy pasted in or cut off, read as before."""
    text: str = case.text  # type: ignore[attr-defined]
    _assert_same(text, vocabulary)
    _assert_same(text[: max(0, len(text) - cut)], vocabulary)
    pasted = text + "\n" + "\n".join([_TEMPLATE, _OTHER[:50], _OLD[: 40 + cut]][: copies % 4])
    _assert_same(pasted, vocabulary)


_PIECES = [
    *"TheOfic \t\n\r\u00a0\u200b\u3000#",
    "The Office of ",
    "Website Management, ",
    "Electronic Information, ",
    _TEMPLATE[:80],
    _TEMPLATE,
    _OLD[40:],
    "Share\n",
    "# # #\n",
    "\n\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join), st.integers(0, 400))
@example("x\n  The\n\nOffice of Website Management manages this site.", 0)
@example(_TEMPLATE + "\n" + _TEMPLATE[:60], 0)
@example("The Office of X.\nThe Office of Website", 3)
def test_last_copy_is_the_plain_find(text: str, start: int) -> None:
    """``_last_copy`` chooses the copy ``plain_find`` chooses, from any start, on any lines."""
    start = min(start, len(text))
    for vocabulary in VOCABULARIES:
        state = ParseState(text, vocabulary=vocabulary)
        for lines in (_candidate_lines(state, 0), _candidate_lines(state, start)):
            found = plain_find(state, start, lines)
            fast = _last_copy(state, start, lines)
            if found is None:
                assert fast is None
            else:
                template, span, complete = found
                assert fast == (template, span.start, span.end, complete)


@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join), st.integers(0, 400))
def test_candidate_lines_scanned_from_the_first_place_are_the_same(text: str, start: int) -> None:
    """Scanning from the first place an opening is printed finds the lines from 0 on."""
    for vocabulary in VOCABULARIES:
        state = ParseState(text, vocabulary=vocabulary)
        printed = disclaimer_module._printed_openings(vocabulary.disclaimers)
        first = None if printed is None else printed.search(text)
        scan_from = 0 if first is None else first.start()
        assert _candidate_lines(state, start, scan_from) == _candidate_lines(state, start)


def test_the_kind_memo_is_the_vocabularys_own() -> None:
    """``trailers`` reads ``vocabulary.line_kinds`` for ``kind_memo(vocabulary)``."""
    for vocabulary in VOCABULARIES:
        assert kind_memo(vocabulary) is vocabulary.line_kinds


def test_a_cut_off_copy_needs_its_minimum() -> None:
    """The pages' cut-off copies lie on both sides of ``MIN_TRUNCATED_CHARS``."""
    assert len(_TEMPLATE[:30].replace(" ", "")) < MIN_TRUNCATED_CHARS
    assert len(_TEMPLATE[:70].replace(" ", "")) >= MIN_TRUNCATED_CHARS
