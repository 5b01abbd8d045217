"""The confidence step, written out in one function, rates as its plain form does.

``levels`` reads the layout, spans and fields once and rates each field inline; the plain
form (``tests/plain_confidence.py``) rates through an object per parse and a method per
field, as the step did before. Both are run on the same parse states: releases from the
generator, the fixtures, hand-written pages for the rarer branches, and states with a
field set or changed on purpose (a glued role, a missing date, an office anywhere).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.decoding import decode
from releaseparse.extractors.confidence import (
    _INSTITUTION,
    _INSTITUTION_WORDS,
    confidence,
    decorated,
    is_institution,
    levels,
)
from releaseparse.profiles.whitehouse import VOCABULARY as WHITE_HOUSE_VOCABULARY
from releaseparse.records import Span, Speaker
from releaseparse.state import ParseState
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.chain import state_before
from tests.conftest import FIXTURES
from tests.plain_confidence import plain_confidence, plain_levels
from tests.strategies import releases, sample_releases
from tests.test_fast_paths import _DECORATED_JOINED

confidence_module = importlib.import_module("releaseparse.extractors.confidence")

VOCABULARIES = (DEFAULT_VOCABULARY, WHITE_HOUSE_VOCABULARY)

# -- hand-written pages, one for each rarer branch ------------------------------------------

_HEADER = "Press Statement\nOffice of the Spokesperson\nMarch 3, 2011\n\n"
_PROSE = "The harbor authority will open its new ferry terminal to every traveller next week.\n"

PAGES = {
    # A name-shaped line nothing was read from between the title and the header lines.
    "over a name": "Harbor Grants for the Coast Guard Stations\n\nNeueste Artikel\n"
    + _HEADER
    + _PROSE,
    # A speech's own title among the header lines, below the speaker.
    "a rival title": "Harbor Grants for the Coast Guard Stations\n\nRemarks\n"
    "Antony J. Blinken, Secretary of State\nThe U.S.-Japan Relationship in Our Time\n"
    "Tokyo, Japan\nMarch 3, 2011\n\n" + _PROSE,
    # A republisher's headline above the title.
    "a headline above": "Ferry Terminals Open Along the Coast Today\n\n"
    "Harbor Grants for the Coast Guard Stations\n\n" + _HEADER + _PROSE,
    # A note type that is a title of its own at the block's top.
    "self-titled": "U.S. Department of State Home Page\n\nDaily Press Briefing\n"
    "Ned Price, Department Spokesperson\nWashington, DC\nMarch 3, 2011\n\n"
    "MR PRICE: Good afternoon, everybody, and thank you all for coming here today.\n",
    # A transcript's turn opening the body (no prose sentence first).
    "a turn": "Harbor Grants for the Coast Guard Stations\n\n" + _HEADER + "QUESTION: Why?\n",
    # A briefing's topic index: headings, then prose.
    "headings first": "Harbor Grants for the Coast Guard Stations\n\n"
    + _HEADER
    + "Harbor Grants Announced Today\n\nFerry Safety Agreement Signed\n\n"
    + _PROSE,
    "a heading then prose": "Department of Justice\n\n"
    + _HEADER
    + "Harbor Grants Announced for the Coast\n\n"
    + _PROSE,
    "headings only": "Harbor Grants for the Coast Guard Stations\n\n"
    + _HEADER
    + "Harbor Grants Announced Today\n\nFerry Safety\n\nThe Coast Guard\n\n"
    + _PROSE,
    "short lines": "Harbor Grants for the Coast Guard Stations\n\n" + _HEADER + "See more.\n",
    # Titles that are decorated, an institution's name, a label, too long.
    "decorated": "Harbor Grants for the Coast | Example News\n\n" + _HEADER + _PROSE,
    "an institution": "United States Department of Justice\n\n" + _HEADER + _PROSE,
    "an institution, not ASCII": "Départment of Jüstice Affairs\n\n" + _HEADER + _PROSE,
    "a label": "Today\n\n" + _HEADER + _PROSE,
    "a long title": " ".join(["Harbor"] * 35) + "\n\n" + _HEADER + _PROSE,
    # An issuer line alone over the body's prose (a weak block).
    "an issuer": "Harbor Grants for the Coast Guard Stations\n\n"
    "Antony J. Blinken, Secretary of State\n\n" + _PROSE,
    "a role first": "Harbor Grants for the Coast Guard Stations\n\nSecretary Antony J. Blinken\n"
    "Washington, DC\nMarch 3, 2011\n\n" + _PROSE,
    "glued names": "港口拨款\n\n新闻声明\n安东尼·J·布林肯国务卿\n华盛顿\n2011年3月3日\n\n" + _PROSE,
    # A post date over the release's own.
    "two dates": "Harbor Grants for the Coast Guard Stations\n\nMarch 1, 2011\n" + _HEADER + _PROSE,
    "a role in the place": "Harbor Grants for the Coast Guard Stations\n\nPress Statement\n"
    "Secretary of State Washington, DC\nMarch 3, 2011\n\n" + _PROSE,
    # Away from header lines: a title printed twice, a bare title.
    "a repeated headline": "Harbor Grants for the Coast Guard Stations\n\nNews\n\n"
    "Harbor Grants for the Coast Guard Stations\n\n" + _PROSE,
    "a bare title": "Harbor Grants for the Coast Guard Stations\n\n" + _PROSE,
    "no block": _PROSE + _PROSE,
    "no block, short lines": "See more.\n\nClick here for the harbor.\n",
    # A body of one heading, set off from the block by blank lines: no topic index.
    "one heading": "Harbor Grants for the Coast Guard Stations\n\n"
    + _HEADER
    + "\n\n\nHarbor Grants Announced Today\n",
    "no body": "Harbor Grants for the Coast Guard Stations\n\n" + _HEADER,
    # Line ends the offsets are read across.
    "lone returns": "Title of the Harbor Grants\rPRESS STATEMENT\r\rJanuary 5, 2017\r",
    "no last terminator": "Title of the Harbor Grants\r\nPRESS STATEMENT\r\nJanuary 5, 2017",
    "office on top": "Office of the Spokesperson\nPress Statement\nMarch 3, 2011\n\n" + _PROSE,
}


def _fixtures() -> list[str]:
    return [decode(path.read_bytes()).text for path in sorted(FIXTURES.glob("*.txt"))]


def _rated(run: Callable[[ParseState], object], state: ParseState) -> tuple[object, ...]:
    """What ``run`` (a whole step) leaves: the ratings, in order, and the defects."""
    run(state)
    return list(state.ratings().items()), state.defects


def _same(
    text: str,
    vocabulary: Vocabulary,
    change: Callable[[ParseState], None],
    skip: frozenset[str] = frozenset(),
) -> None:
    """``levels`` and the step answer as their plain forms on ``text``'s state, changed."""
    states = [state_before(text, vocabulary, "confidence", skip) for _ in range(3)]
    for state in states:
        change(state)
    assert list(levels(states[0]).items()) == list(plain_levels(states[0]).items())
    assert _rated(confidence, states[1]) == _rated(plain_confidence, states[2])


def _unchanged(state: ParseState) -> None:
    pass


# -- as the chain leaves the state ----------------------------------------------------------


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=["default", "white house"])
def test_levels_rate_as_the_plain_form_on_sampled_releases(vocabulary: Vocabulary) -> None:
    for case in sample_releases(300):
        _same(case.text, vocabulary, _unchanged)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=["default", "white house"])
def test_levels_rate_as_the_plain_form_on_the_fixtures(vocabulary: Vocabulary) -> None:
    for text in _fixtures():
        _same(text, vocabulary, _unchanged)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=["default", "white house"])
def test_levels_rate_as_the_plain_form_on_hand_written_pages(
    name: str, vocabulary: Vocabulary
) -> None:
    _same(PAGES[name], vocabulary, _unchanged)


@given(releases(), st.sampled_from(VOCABULARIES))
def test_levels_rate_as_the_plain_form_on_generated_releases(
    case: object, vocabulary: Vocabulary
) -> None:
    _same(case.text, vocabulary, _unchanged)  # type: ignore[attr-defined]


# -- with a field set or changed on purpose --------------------------------------------------


#: The extractor setting each field changed, left out of the chain so the test sets it.
_SETTING = {"place": "place", "date": "date", "office": "office", "title": "title",
            "time": "time", "note_type": "note_type", "speakers": "speaker"}  # fmt: skip


class _Change:
    """Field ``name`` set to ``value`` with a span on the line ``where`` names."""

    def __init__(self, name: str, value: object, where: str) -> None:
        self.name, self.value, self.where = name, value, where
        #: The field's own extractor is not run: the field is set here instead.
        self.skip = frozenset({_SETTING[name]})

    def __repr__(self) -> str:
        return f"_Change({self.name!r}, {self.value!r}, {self.where!r})"

    def __call__(self, state: ParseState) -> None:
        if state.has(self.name):
            return  # set by another extractor (the speaker's sets the office too)
        count = len(state.lines)
        if self.where == "empty":
            span = Span(0, 0)
        elif self.where == "end":
            span = Span(len(state.source), len(state.source))
        else:
            index = {"top": 0, "second": 1, "middle": count // 2}.get(self.where, count - 1)
            line = state.lines[min(index, count - 1)]
            span = Span(line.start, line.end)
        # A speaker's name over the span, its role just after it (``Name, Role``).
        parts: dict[str, Span] | None = None
        if self.name == "speakers":
            parts = {"0.name": span, "0.role": Span(span.end, span.end)}
        state.extractor = "test"
        state.set(self.name, self.value, span, parts=parts)
        state.extractor = "confidence"


#: Texts each field of text is set to: places with and without a role, offices known and
#: not, titles decorated, an institution's name, a note type.
_TEXTS: list[object] = [
    "Secretary of State Washington, DC", "WASHINGTON, DC", "Washington, DC", "Genève",
    "Office of the Spokesperson", "Bureau of Consular Affairs", "Department of Justice",
    "U.S. Department of State", "Fwd: Harbor Grants | Example", "Press Statement",
    "Harbor Grants for the Coast Guard Stations", "Daily Press Briefing",
]  # fmt: skip
_VALUES: dict[str, list[object]] = {
    "date": [None, dt.date(2011, 3, 3)],
    "time": [None, dt.time(10, 0)],
    "speakers": [
        (Speaker("安东尼·J·布林肯国务卿"),),
        (Speaker("Antony J. Blinken", "Secretary of State"),),
        (Speaker("Antony J. Blinken"), Speaker("布林肯国务卿")),
    ],
}
_CHANGES = st.sampled_from(sorted(_SETTING)).flatmap(
    lambda name: st.builds(
        _Change,
        st.just(name),
        st.sampled_from(_VALUES.get(name, _TEXTS)),
        st.sampled_from(["top", "second", "middle", "last", "empty", "end"]),
    )
)


@given(
    st.one_of(releases().map(lambda case: case.text), st.sampled_from(sorted(PAGES.values()))),
    st.sampled_from(VOCABULARIES),
    _CHANGES,
)
@example(PAGES["office on top"], DEFAULT_VOCABULARY, _Change("date", None, "last"))
@example(
    PAGES["over a name"], DEFAULT_VOCABULARY, _Change("office", "Office of the Spokesperson", "top")
)
@example(
    PAGES["two dates"],
    DEFAULT_VOCABULARY,
    _Change("place", "Secretary of State Washington, DC", "middle"),
)
def test_levels_rate_as_the_plain_form_with_a_field_changed(
    text: str, vocabulary: Vocabulary, change: _Change
) -> None:
    _same(text, vocabulary, change, change.skip)


_WHERES = ["top", "second", "middle", "last", "empty", "end"]
#: Each field with each of its values, on a line (or an empty span) taken in turn.
_EVERY_CHANGE = [
    _Change(name, value, _WHERES[index % len(_WHERES)])
    for name in sorted(_SETTING)
    for index, value in enumerate(_VALUES.get(name, _TEXTS) * 2)
] + [_Change("office", "Office of the Spokesperson", where) for where in _WHERES]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_levels_rate_as_the_plain_form_with_each_field_changed_on_each_page(name: str) -> None:
    # Deterministic, where the test above samples: every change on every hand-written page.
    for change in _EVERY_CHANGE:
        _same(PAGES[name], DEFAULT_VOCABULARY, change, change.skip)


# -- the institution's gate ------------------------------------------------------------------

#: The institutions' words, the words that may come before them, in other cases, others.
_TITLE_WORDS = st.sampled_from(
    [*sorted(_INSTITUTION_WORDS), "the", "u.", "u.s.", "us", "united", "american", "federal",
     "U.S.", "u. s.", "US", "United States", "THE", "Of", "of", "for", "to", "in", "at",
     "Justice", "State", "Harbor", "Grants", "and", "Émbassy", "ſtate", "Department",
     "OFFICE", "Rome", "x", ".", "-", "Mıssıon", "K"]
)  # fmt: skip


@given(st.lists(_TITLE_WORDS, min_size=1, max_size=8).map(" ".join))
@example("Department of Justice")
@example("The U.S. Embassy in Rome")
@example("U. S. Mission to the United Nations")
@example("Consulate General in Rome")
@example("The United States Embassy in Rome")
@example("Harbor United States Embassy in Rome")
@example("Harbor Grants for the Coast")
def test_the_institutions_gate_passes_every_title_the_pattern_matches(title: str) -> None:
    assert is_institution(title) is (_INSTITUTION.fullmatch(title) is not None)


@pytest.mark.parametrize(
    "title",
    ["Re: Harbor Grants", "re : Harbor Grants", "FW: Harbor", "Harbor Grants at 10:30 today",
     "Harbor Grants:: News", "Harbor Grants: Remarks", "Harbor Grants - State Department",
     "Harbor Grants — News", "Harbor Grants | Example", "U.S.-Japan Harbor Grants",
     "Harbor Grants Transcript", "Harbor Grants example.com"],
)  # fmt: skip
def test_decorated_answers_as_the_joined_pattern_on_titles_with_colons_and_dashes(
    title: str,
) -> None:
    assert decorated(title) is (_DECORATED_JOINED.search(title) is not None)


def test_the_module_keeps_no_per_parse_objects() -> None:
    # The plain form's classes live in the tests only: the step builds none.
    assert not hasattr(confidence_module, "_Evidence")
    assert not hasattr(confidence_module, "_Opening")
