"""The parser's shortcuts give the same answers as the plain tests they stand in for."""

from __future__ import annotations

import contextlib
import importlib
import itertools
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from random import Random

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.dates import _DATE_IN_TEXT as DATE_IN_TEXT
from releaseparse.dates import _DATELINE as DATELINE
from releaseparse.dates import _DIGIT as DIGIT
from releaseparse.dates import _LOCAL_FORMS as LOCAL_FORMS
from releaseparse.dates import find_date, read_dateline, read_time
from releaseparse.decoding import decode
from releaseparse.errors import ExtractorError
from releaseparse.extractors._common import block_of, clean_value, header_end, set_text, trimmed
from releaseparse.extractors._flat import _place_suffix, _starts, _strip, read_flat
from releaseparse.extractors._kinds import (
    _BARE_LABEL,
    _LABEL,
    HEADER_KINDS,
    KIND_MEMO,
    Kind,
    LineKinds,
    classify,
    ends_sentence,
    is_heading,
    is_place,
    kind_memo,
    label_of,
    may_be_date_or_flat,
    note_type_of,
)
from releaseparse.extractors._kinds import _FUNCTION_WORDS as FUNCTION_WORDS
from releaseparse.extractors._kinds import _POSSESSIVE_WORD as POSSESSIVE_WORD
from releaseparse.extractors._people import _GLUED as GLUED
from releaseparse.extractors._people import (
    _ISSUER_PREFIX,
    ISSUER_MEMO,
    ISSUER_MEMO_WIDTH,
    ISSUER_READS,
    NAME_SUFFIX,
    _cjk_name_role,
    _name_comma_role,
    _role_comma_name,
    _role_then_name,
    is_name,
    is_role,
    read_issuer,
    role_words_in,
)
from releaseparse.extractors._people import _ROLE_GLUE as ROLE_GLUE
from releaseparse.extractors._people import _TITLE_WORDS as TITLE_WORDS
from releaseparse.extractors._people import _ends_with_role as ends_with_role
from releaseparse.extractors._releases import _HEADER_LINE_KINDS as HEADER_LINE_KINDS
from releaseparse.extractors._releases import _STRONG as STRONG
from releaseparse.extractors._releases import (
    TURNED_AWAY,
    _Scan,
    may_be_header_kind,
    named_header_width,
    names_note_type_or_office,
)
from releaseparse.extractors.confidence import decorated
from releaseparse.extractors.speaker import named_in_title
from releaseparse.lines import Line, split_lines, split_lines_by_pattern
from releaseparse.parser import Parser
from releaseparse.patternset import GatedPatternSet, PatternSet
from releaseparse.profiles import get_profile, profile_names
from releaseparse.records import (
    Defect,
    Region,
    Severity,
    Span,
    Speaker,
    Turn,
    span_table,
    unchecked_defect,
    unchecked_region,
    unchecked_span,
)
from releaseparse.state import Field, ParseState
from releaseparse.text import (
    _LEADS,
    _MOJIBAKE_HINT,
    INVISIBLE,
    LIST_ITEM,
    clean,
    collapse,
    has_digit,
    is_blank,
    may_hold_mojibake,
    word_count,
)
from releaseparse.vocabulary import (
    CHROME_LINES,
    DEFAULT_VOCABULARY,
    NOTE_TYPES,
    OFFICES,
    ROLE_WORDS,
    Vocabulary,
)
from tests.conftest import FIXTURES
from tests.plain_disclaimer import plain_find
from tests.strategies import Case, releases

disclaimer_module = importlib.import_module("releaseparse.extractors.disclaimer")
body_module = importlib.import_module("releaseparse.extractors.body")
markers_module = importlib.import_module("releaseparse.extractors.markers")
wire_module = importlib.import_module("releaseparse.extractors.wire")
tail_module = importlib.import_module("releaseparse.extractors._tail")
checks_module = importlib.import_module("releaseparse.extractors.checks")
state_module = importlib.import_module("releaseparse.state")
flat_module = importlib.import_module("releaseparse.extractors._flat")
_SENTENCE_END = regex.compile(r"[.!?][\"”’)]*$")
_INDEX_SUFFIX = regex.compile(r"(?i)\s+index$")
_ALL_CHARACTERS = [chr(code) for code in range(sys.maxunicode + 1)]
_WORDS = [*NOTE_TYPES, *OFFICES, "Index", "INDEX", "Office of ", "x", "ß", "ﬃ", " ", "\u00a0"]


def test_case_folding_never_shortens() -> None:
    """The note type and office shortcuts skip lines longer than every entry."""
    assert all(len(char.casefold()) >= 1 for char in _ALL_CHARACTERS)


def test_printable_text_holds_no_whitespace_but_the_space_and_nothing_invisible() -> None:
    """``collapse`` returns a printable text with single inner spaces as it is."""
    assert not [c for c in _ALL_CHARACTERS if c.isspace() and c != " " and c.isprintable()]
    assert not [c for c in INVISIBLE if c.isprintable()]


@given(st.text())
@example("Media\u00a0Note")
@example(" Office  of the\tSpokesperson\n")
@example("Off\u200bice")
@example("Office of the Spokesperson")
@example("")
@example("the end.\u00a0 Next")
@example("\u00a0\u00a0a \u00a0  b\u00a0")
def test_collapse_folds_like_the_plain_fold(text: str) -> None:
    folded = " ".join(text.translate(dict.fromkeys(map(ord, INVISIBLE))).split())
    assert collapse(text) == folded
    assert collapse(folded) == folded  # the folded text again: returned as it is
    assert collapse(text + " ") == folded


@given(st.text(alphabet=st.sampled_from(["a", "é", " ", "\u00a0", "\u202f", "\n", *INVISIBLE])))
def test_collapse_of_prose_with_no_break_spaces_folds_like_the_plain_fold(text: str) -> None:
    """The no-break-space path (spaces folded in place) against the plain fold."""
    folded = " ".join(text.translate(dict.fromkeys(map(ord, INVISIBLE))).split())
    assert collapse(text) == folded


@given(st.text(alphabet=st.sampled_from(["a", " ", "\t", "\u00a0", "\u2028", *INVISIBLE])))
@example("\u200b")
@example("\u200b a")
def test_is_blank_equals_the_plain_test(text: str) -> None:
    assert is_blank(text) is (not text.translate(dict.fromkeys(map(ord, INVISIBLE))).strip())


def test_whitespace_is_what_split_splits_on() -> None:
    """After ``collapse``, a ``\\s`` run is one character: ``regex``'s ``\\s`` is ``isspace``."""
    space = regex.compile(r"\s")
    assert all(char.isspace() for char in _ALL_CHARACTERS if space.match(char))


@given(st.text(alphabet=st.sampled_from('ab .!?"”’)(\t'), max_size=12))
@example("")
@example('Done."')
@example("Why?) ")
def test_ends_sentence(line: str) -> None:
    assert ends_sentence(line) is (_SENTENCE_END.search(line) is not None)


def _plain_note_type(text: str) -> str | None:
    lookup = DEFAULT_VOCABULARY.note_type_lookup
    found = lookup.get(collapse(text).casefold())
    if found is None:
        found = lookup.get(collapse(_INDEX_SUFFIX.sub("", collapse(text))).casefold())
    return found


def _plain_is_office(text: str) -> bool:
    value = collapse(text)
    return value.casefold() in DEFAULT_VOCABULARY.office_keys or any(
        value.startswith(prefix) for prefix in DEFAULT_VOCABULARY.office_prefixes
    )


@given(st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join))
@example("Daily Press Briefing Index")
@example("PRESS STATEMENT \u00a0 index")
@example("Office of the Spokesperson")
def test_note_types_and_offices(text: str) -> None:
    assert note_type_of(DEFAULT_VOCABULARY, text) == _plain_note_type(text)
    assert DEFAULT_VOCABULARY.is_office(text) is _plain_is_office(text)


@given(st.text(alphabet=st.sampled_from("a\r\n \u2028\x0c"), max_size=12))
def test_split_lines_tiles_the_text(source: str) -> None:
    """Lines built without the NamedTuple constructor are ordinary ``Line`` tuples."""
    lines = split_lines(source)
    assert all(type(line) is Line for line in lines)
    assert "".join(source[line.start : line.stop] for line in lines) == source
    for line in lines:
        assert line == Line(line.number, line.start, line.end, line.stop, line.text)
        assert source[line.start : line.end] == line.text
        assert "\r" not in line.text
        assert "\n" not in line.text


def test_split_lines_equals_the_pattern_on_every_short_text() -> None:
    """``str.split`` for ``\\n`` and ``\\r\\n`` text gives the lines the pattern gives."""
    for size in range(9):
        for characters in itertools.product("a\r\n", repeat=size):
            source = "".join(characters)
            assert split_lines(source) == split_lines_by_pattern(source), repr(source)


@given(st.text(alphabet=st.sampled_from("ab\r\n \u2028\x0c\x85\x1c"), max_size=40))
@example("a\r\nb\r\n")
@example("a\rb")
def test_split_lines_equals_the_pattern(source: str) -> None:
    assert split_lines(source) == split_lines_by_pattern(source)


def test_unchecked_records_equal_checked_ones() -> None:
    assert unchecked_span(2, 5) == Span(2, 5)
    assert hash(unchecked_span(2, 5)) == hash(Span(2, 5))
    assert unchecked_region("body", 0, 3) == Region("body", Span(0, 3))
    assert repr(unchecked_span(0, 0)) == "Span(start=0, end=0)"


@given(
    st.sampled_from([*ROLE_WORDS, "U.S.", "Secretary-General", "of", "x"]), st.sampled_from("-.’'")
)
@example("Secretary", "")
def test_role_word_keys_answer_as_the_role_pattern(word: str, suffix: str) -> None:
    """A word (no space) is in ``role_word_keys`` exactly when ``role_pattern`` matches it whole."""
    for vocabulary in (DEFAULT_VOCABULARY, *(get_profile(n).vocabulary for n in profile_names())):
        for candidate in (word, word + suffix, word.lower(), word.replace(" ", "")):
            if " " in candidate:
                continue
            expected = vocabulary.role_pattern.fullmatch(candidate) is not None
            assert (candidate in vocabulary.role_word_keys) is expected, candidate


_DATE_WORDS = ["March", "Mar.", "14", "2016", "Monday,", "May", "3rd", "Dec", "(", ")", "/"]


@given(st.lists(st.sampled_from([*_DATE_WORDS, "x", "Sept", "٣", "²", "2:46", "p.m."]), max_size=6))
def test_the_date_patterns_need_a_digit(words: list[str]) -> None:
    """Lines with no ``\\d`` are skipped by the date readers: no date pattern matches them."""
    line = " ".join(words)
    if DIGIT.search(line) is None:
        assert DATELINE.fullmatch(line) is None
        assert DATE_IN_TEXT.search(line) is None
        assert read_dateline(line) is None
        assert find_date(line) is None


@given(
    st.lists(
        st.sampled_from(["4", "2019", " ", "/", "تشرين الثاني", "نوفمبر", "г.", "года", "апреля"]),
        max_size=8,
    ).map("".join)
)
def test_the_local_date_forms_need_a_slash_or_the_year_word(line: str) -> None:
    """``read_dateline`` strips the local forms only from lines holding ``/`` or ``г``."""
    if "/" not in line and "г" not in line:
        assert LOCAL_FORMS.sub("", line) == line


@given(st.lists(st.sampled_from(["Ambassador", "s", " ", "’", "'", "Residence", "é"])).map("".join))
def test_a_possessive_needs_an_apostrophe(line: str) -> None:
    """``is_place`` drops possessives only from lines holding ``'`` or ``’``."""
    if "'" not in line and "’" not in line:
        assert POSSESSIVE_WORD.sub("", line) == line


def _prefixes(text: str) -> list[str]:
    words = list(regex.finditer(r"\S+", text))
    return [text[words[0].start() : word.end()] for word in words]


@given(
    st.lists(
        st.sampled_from(["Secretary", "SecretaryBureau", "Press", "Kerry", "U.S.", "of", "Envoy"]),
        min_size=1,
        max_size=5,
    )
)
@example(["Ambassador\u200b", "Bass"])
def test_a_role_word_in_a_leading_run_is_one_of_the_line(words: list[str]) -> None:
    """``_role_then_name`` stops early on a line with no role word: no leading run holds one."""
    line = " ".join(words)
    has_role = DEFAULT_VOCABULARY.role_pattern.search(GLUED.sub(" ", collapse(line))) is not None
    if not has_role:
        assert not any(is_role(DEFAULT_VOCABULARY, run) for run in _prefixes(line))


@given(
    st.sampled_from([*CHROME_LINES, "Home", "x" * 300]), st.sampled_from(["", " ", "!", "\u00a0"])
)
def test_chrome_lines_longer_than_every_entry_are_skipped(line: str, suffix: str) -> None:
    text = line.upper() + suffix if len(line) % 2 else line + suffix
    folded = collapse(text).casefold()
    expected = folded in DEFAULT_VOCABULARY.chrome_keys or (
        DEFAULT_VOCABULARY.chrome_set.fullmatches(collapse(text))
    )
    assert DEFAULT_VOCABULARY.is_chrome(text) is expected


def test_the_state_checks_spans_built_without_their_check() -> None:
    """A span with ``start > end`` (possible only without the check) is refused by the state."""
    state = ParseState("Title line\n\nBody text.\n")
    state.extractor = "mine"
    with pytest.raises(ExtractorError, match=r"\[5, 3\) starts after it ends"):
        state.claim(unchecked_span(5, 3), "mine")
    with pytest.raises(ExtractorError, match="starts after it ends"):
        state.set("title", "Title", unchecked_span(2, 1))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda state: state.claim(Span(0, 99), "mine"), "claim('mine') span [0, 99) lies outside"),
        (lambda state: state.set("x", 1, Span(0, 99)), "set('x') span [0, 99) lies outside"),
        (
            lambda state: state.set("x", 1, Span(0, 1), parts={"y": Span(5, 99)}),
            "set('x') part 'y' span [5, 99) lies outside",
        ),
        (lambda state: state.defect("x.y", "m", Span(7, 99)), "defect('x.y') span [7, 99) lies"),
        (lambda state: state.claim((0, 1), "mine"), "claim('mine') needs a Span, got tuple"),
    ],
)
def test_a_refused_span_names_the_call_it_was_given_to(
    call: Callable[[ParseState], None], message: str
) -> None:
    """The state's span check builds its message only on failure, and names the call."""
    state = ParseState("Title line\n")
    state.extractor = "mine"
    with pytest.raises(ExtractorError, match=regex.escape(f"extractor 'mine': {message}")):
        call(state)


def test_line_kind_memo_is_bounded_and_per_vocabulary() -> None:
    """The kinds memo empties itself when full, and an extended vocabulary starts its own."""
    vocabulary = Vocabulary().extend(offices=["Office of Memo Tests"])
    lines = split_lines("".join(f"A line of its own, number {n}.\n" for n in range(KIND_MEMO + 5)))
    kinds = LineKinds(vocabulary, lines)
    expected = [classify(vocabulary, line.text) for line in lines]
    assert [kinds[i] for i in range(len(lines))] == expected
    assert 0 < len(vocabulary.line_kinds) <= KIND_MEMO
    assert vocabulary.extend(offices=["Another Office"]).line_kinds == {}
    assert kind_memo(vocabulary) is vocabulary.line_kinds


def test_vocabulary_pickles_without_its_memo_or_derived_tables() -> None:
    """What a vocabulary derives on use stays out of its pickle, and is rebuilt after it."""
    vocabulary = Vocabulary().extend(offices=["Office of Memo Tests"])
    plain = len(pickle.dumps(vocabulary))
    kinds = LineKinds(vocabulary, split_lines("Media Note\nOffice of Memo Tests\nMarch 14, 2016\n"))
    assert kinds[1] == Kind.OFFICE
    assert vocabulary.line_kinds
    assert len(pickle.dumps(vocabulary)) == plain
    copy = pickle.loads(pickle.dumps(vocabulary))
    assert copy == vocabulary
    assert copy.line_kinds == {}
    assert copy.is_office("Office of Memo Tests")


def _kinds_read_at_once(vocabulary: Vocabulary, lines: Sequence[Line]) -> list[Kind]:
    """Every line classified up front, then the role rule: the plain form ``LineKinds`` replaces."""
    kinds = [classify(vocabulary, line.text) for line in lines]
    nonblank = [index for index, kind in enumerate(kinds) if kind != Kind.BLANK]
    for position, index in enumerate(nonblank):
        if kinds[index] != Kind.ROLE:
            continue
        above = kinds[nonblank[position - 1]] if position else None
        below = kinds[nonblank[position + 1]] if position + 1 < len(nonblank) else None
        if above != Kind.NAME and below not in HEADER_KINDS:
            kinds[index] = Kind.OTHER
    return kinds


GOLDEN_TEXTS = sorted(FIXTURES.glob("*.txt"))
_ROLE_LINES = (
    "Antony J. Blinken\nSecretary of State\n\nBody.\n",
    "Secretary of State\nWashington, DC\n",
    "Secretary of State\n\nA sentence of prose that is not a header line at all.\n",
    "Title\n\nSecretary of State\n",
)


@pytest.mark.parametrize(
    "source", [*_ROLE_LINES, *GOLDEN_TEXTS], ids=lambda source: getattr(source, "name", None)
)
def test_line_kinds_read_in_any_order_equal_the_kinds_read_at_once(source: str | Path) -> None:
    """Lazy line kinds give each line the kind the up-front pass gives it, in any order."""
    text = decode(source.read_bytes()).text if isinstance(source, Path) else source
    lines = split_lines(text)
    expected = _kinds_read_at_once(DEFAULT_VOCABULARY, lines)
    forwards = LineKinds(DEFAULT_VOCABULARY, lines)
    assert [forwards[i] for i in range(len(lines))] == expected
    backwards = LineKinds(DEFAULT_VOCABULARY, lines)
    assert [backwards[i] for i in reversed(range(len(lines)))] == expected[::-1]


@given(case=releases(), order=st.randoms(use_true_random=False))
def test_line_kinds_of_generated_releases_in_a_random_order(case: Case, order: Random) -> None:
    lines = split_lines(case.text)
    indices = list(range(len(lines)))
    order.shuffle(indices)
    kinds = LineKinds(DEFAULT_VOCABULARY, lines)
    expected = _kinds_read_at_once(DEFAULT_VOCABULARY, lines)
    assert [kinds[i] for i in indices] == [expected[i] for i in indices]


def _is_heading_plain(text: str) -> bool:
    """``is_heading`` as it was: the text collapsed, then split."""
    words = collapse(text).split(None, 20)
    if not words or len(words) > 20 or ends_sentence(words[-1]):
        return False
    return not any(word[:1].islower() and word not in FUNCTION_WORDS for word in words)


@given(
    st.lists(
        st.sampled_from(
            ["Ferry", "Safety", "of", "the", "talks", "Agreement.", "/", " ", "\u00a0", "\t",
             "\u200b", "\u200bword", "Word\u200b", "\n", "Q:", "’s", "Travel"]
        ),
        max_size=26,
    ).map(" ".join)
)  # fmt: skip
@example(" ".join(["Word"] * 20) + "  ")  # twenty words and spaces after them
@example(" ".join(["Word"] * 21))
def test_is_heading_answers_as_on_the_collapsed_text(text: str) -> None:
    assert is_heading(text) is _is_heading_plain(text)


def _turned_away_only_if_neither_date_nor_flat(text: str) -> None:
    if not may_be_date_or_flat(DEFAULT_VOCABULARY, text):
        assert classify(DEFAULT_VOCABULARY, text) not in (Kind.DATE, Kind.FLAT), text


@pytest.mark.parametrize("source", GOLDEN_TEXTS, ids=lambda source: source.name)
def test_the_date_or_flat_screen_on_every_golden_line(source: Path) -> None:
    """A line turned away is neither a dateline nor a flattened header (and some are kept)."""
    lines = split_lines(decode(source.read_bytes()).text)
    for line in lines:
        _turned_away_only_if_neither_date_nor_flat(line.text)


@given(case=releases())
def test_the_date_or_flat_screen_on_generated_releases(case: Case) -> None:
    for line in split_lines(case.text):
        _turned_away_only_if_neither_date_nor_flat(line.text)


@given(
    st.lists(
        st.sampled_from(
            ["Office of the Spokesperson", "Ned Price", "Washington, DC", "March 14, 2016",
             "Press Statement", "Q:", "SECRETARY BLINKEN:", "We", "said", "that", "the",
             "talks", "went", "well.", "As delivered by", "Ambassador Jane Doe", "to the",
             "Permanent Council, Vienna", "2:46 p.m.", "Daily Press Briefing", ","]
        ),
        max_size=12,
    ).map(" ".join)
)  # fmt: skip
@example("Daily Press Briefing Richard Boucher, Spokesman Washington, DC October 18, 2002")
@example("Office of the Spokesperson Ned Price")
@example("Press Statement Hillary Rodham Clinton")
def test_the_date_or_flat_screen_keeps_every_date_and_flat_line(text: str) -> None:
    _turned_away_only_if_neither_date_nor_flat(text)


def test_the_date_or_flat_screen_turns_away_prose_and_labels() -> None:
    vocabulary = DEFAULT_VOCABULARY
    assert not may_be_date_or_flat(vocabulary, "We said that the talks went well for all of us.")
    assert not may_be_date_or_flat(vocabulary, "QUESTION: And the talks?")
    assert may_be_date_or_flat(vocabulary, "March 14, 2016")
    assert may_be_date_or_flat(vocabulary, "Press Statement Hillary Rodham Clinton")


@pytest.mark.parametrize("index", [-1, 3, 100])
def test_line_kinds_refuse_an_index_outside_the_lines(index: int) -> None:
    kinds = LineKinds(DEFAULT_VOCABULARY, split_lines("Title\n\nBody.\n"))
    with pytest.raises(IndexError, match="among the 3 lines"):
        kinds[index]


def _fixture_lines() -> list[str]:
    return [
        line.text for path in GOLDEN_TEXTS for line in split_lines(decode(path.read_bytes()).text)
    ]


def test_every_time_or_label_line_passes_the_time_extractors_shortcut() -> None:
    """The time extractor classifies only lines that ``read_time`` or ``label_of`` accept."""
    seen = set()
    for text in [*_fixture_lines(), "2:46 p.m. EST", "(5:43 p.m. EST)", "QUESTION: Thanks."]:
        kind = classify(DEFAULT_VOCABULARY, text)
        if kind in (Kind.TIME, Kind.LABEL):
            seen.add(kind)
            assert read_time(text) or (":" in text and label_of(DEFAULT_VOCABULARY, collapse(text)))
    assert seen == {Kind.TIME, Kind.LABEL}


@given(case=releases())
def test_time_or_label_lines_of_generated_releases_pass_the_shortcut(case: Case) -> None:
    for line in split_lines(case.text):
        if classify(DEFAULT_VOCABULARY, line.text) in (Kind.TIME, Kind.LABEL):
            assert read_time(line.text) or (
                ":" in line.text and label_of(DEFAULT_VOCABULARY, collapse(line.text))
            )


@given(
    st.lists(
        st.sampled_from(
            [
                "Q",
                "A",
                "MR",
                "PRICE",
                "Question",
                "QUESTION",
                "Thanks",
                ":",
                " ",
                "  ",
                "\t",
                "\u00a0",
                "\u3000",
                ".",
                "\u2019",
                "Mr.",
                "x",
            ]
        ),
        max_size=8,
    ).map("".join)
)
@example("Q    Mr. President")
@example("Q\tThanks")
@example("Q\u00a0\u00a0Thanks")
@example("MR. PRICE: Good afternoon.")
def test_label_of_skips_only_texts_no_label_pattern_opens(text: str) -> None:
    """A label pattern opens only a text with a colon, two spaces or a tab: ``label_of``
    answers no label at once for any other text, and misses none by it (every profile)."""
    gate = ":" in text or "  " in text or "\t" in text
    for vocabulary in (DEFAULT_VOCABULARY, *(get_profile(n).vocabulary for n in profile_names())):
        bare = _BARE_LABEL.match(text)
        bare_opens = bare is not None and bare["label"] in vocabulary.bare_labels
        assert gate or not (_LABEL.match(text) is not None or bare_opens)
        assert gate or label_of(vocabulary, text) is None
        if bare_opens and _LABEL.match(text) is None:
            assert label_of(vocabulary, text) is not None  # ``Q    Mr. President``


def test_the_mojibake_leads_are_one_range() -> None:
    """The mojibake hint scans the lead bytes as the range U+00C2-U+00F4: it is exactly them."""
    assert "".join(map(chr, range(0xC2, 0xF5))) == _LEADS
    assert _MOJIBAKE_HINT.search("donâ€™t") is not None
    assert _MOJIBAKE_HINT.search("café, naïve, señor") is None


def test_blank_lines_are_looked_at_only_when_a_marker_pattern_takes_the_empty_text() -> None:
    """The marker extractor skips blank lines unless a pattern matches the folded blank line."""
    for vocabulary in (DEFAULT_VOCABULARY, *(get_profile(n).vocabulary for n in profile_names())):
        assert not vocabulary.is_marker("")
    takes_empty = DEFAULT_VOCABULARY.extend(marker_patterns=[r"(?:#\s*)*"])
    assert takes_empty.is_marker("   ")
    text = "Media Note\nOffice of the Spokesperson\nMarch 14, 2016\n\nBody text.\n   \nMore.\n"
    # The blank line is taken for a marker and claimed: an empty claim, which the state
    # refuses, as it did before blank lines were skipped.
    with pytest.raises(ExtractorError, match=r"extractor 'markers': claim\('marker'\)"):
        Parser(takes_empty).parse(text)
    assert "marker" not in [region.kind for region in Parser().parse(text).regions]


def _starts_one_by_one(text: str, start: int, end: int) -> list[int]:
    """Word starts as first written: every character tested in turn."""
    return [
        k
        for k in range(start, end)
        if not text[k].isspace()
        and (k == start or text[k - 1].isspace() or (text[k - 1].islower() and text[k].isupper()))
    ]


@given(st.text(), st.integers(0, 40), st.integers(0, 40))
@example("Press Statement\x1cDCWashington  ǅx aB", 0, 33)
@example("aǄb ªB ⒶⓐA", 1, 11)
def test_word_starts_equal_the_test_of_each_character(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert _starts(text, start, end) == _starts_one_by_one(text, start, end)


def test_word_starts_over_every_character_pair() -> None:
    """Each space or cased character after a lower-case letter, a space or a capital, and
    before one: the same starts (the other characters take part in no test but "not a
    space")."""
    cased = [c for c in _ALL_CHARACTERS if c.isspace() or c.islower() or c.isupper() or c.istitle()]
    for char in cased:
        for text in (f"a{char}", f" {char}", f"A{char}", f"{char}B", f"ab{char}Cd"):
            assert _starts(text, 0, len(text)) == _starts_one_by_one(text, 0, len(text))


def _joined(pieces: Sequence[str]) -> st.SearchStrategy[str]:
    """Texts made of up to eight of ``pieces``, end to end."""
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


_TIME_PIECES = [
    *"246:() \t\u00a0\u200b\x1ca٣", "p.m.", "EST",
]  # fmt: skip


@given(_joined(_TIME_PIECES))
@example("2:46 p.m. EST")
@example("\u200b(5:43 p.m. EST)")
@example("(5:43 p.m. EST)")
@example("a2:46 p.m.")
@example("")
def test_read_time_answers_as_it_does_after_a_leading_space(text: str) -> None:
    """``read_time``'s first-character screen: a leading space (which folding drops and the
    screen lets through) changes no answer."""
    assert read_time(text) == read_time(" " + text)


#: The title decorations as one pattern, as ``decorated`` stood before it searched them
#: piece by piece behind the characters each needs.
_DECORATED_JOINED = regex.compile(
    r"\s[|»›~]\s|::|\s[-–—]{1,2}\s[^\d\s]+(?:\s[^\d\s]+){0,3}$|^(?:Fwd?|FW|Re)\s*:|^\[|"
    r"\.(?:com|org|net|gov)\b|\bTranscript$|\b\d{1,2}:\d{2}\b|@",
    regex.IGNORECASE,
)
_TITLE_PIECES = [
    *"|»›~-–—:[.@ 12", "Fwd", "FW", "re", "com", "GOV", "Transcript", "TRANSCRIPT", "ſ", "Talks",
]  # fmt: skip


@given(_joined(_TITLE_PIECES))
@example("Talks - State Department")
@example("Fwd: Talks")
@example("Talks at 10:30 today")
@example("Press Briefing Transcript")
@example("Talks » Home")
def test_decorated_answers_as_the_joined_pattern(title: str) -> None:
    folded = collapse(title)
    assert decorated(folded) is (_DECORATED_JOINED.search(folded) is not None)


@given(
    st.text(alphabet=st.sampled_from("ab \t\u00a0\u2028."), max_size=40),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=12),
)
def test_word_count_compares_with_bounds_as_the_full_count(
    text: str, limit: int, bound: int
) -> None:
    """``word_count(text, limit)`` against any bound up to ``limit``: the full count's answer."""
    bound = min(bound, limit)
    full, counted = len(text.split()), word_count(text, limit)
    assert (counted <= bound) is (full <= bound)
    assert (counted >= bound) is (full >= bound)
    assert counted == min(full, limit + 1)


_TEMPLATE = "The Office of Website Management manages this site."
_DISCLAIMER_PIECES = [
    *"TheOfic \t\n\r\x0b\x1c\x85\u00a0\u2028\u3000", *INVISIBLE, "Office", "Website",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DISCLAIMER_PIECES), max_size=16).map("".join))
@example("The Office of Website Management manages this site.")
@example("  The\n\nOffice of Web\u200bsite Management manages this site.")
@example("\x1cThe Office of Website")
@example("The\x1cOffice of Website")
def test_disclaimer_patterns_match_as_their_regex_forms(text: str) -> None:
    """The disclaimer's patterns, spelt out for ``re``, match as the ``regex`` forms did."""
    chars = [char for char in _TEMPLATE if not char.isspace()]
    gap = r"[\s\u200b-\u200d\u2060\ufeff\u00ad]*"
    opening = regex.compile(rf"[^\S\r\n]*({gap.join(map(regex.escape, chars[:12]))})")
    skippable = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + INVISIBLE
    whole = regex.compile(f"[{regex.escape(skippable)}]*".join(map(regex.escape, chars)))
    _first, new_opening = disclaimer_module._opening(_TEMPLATE)
    new_whole, _length = disclaimer_module._whole(_TEMPLATE)
    assert new_whole is not None
    for pattern, new in ((opening, new_opening), (whole, new_whole)):
        for start in range(len(text) + 1):
            old_match, new_match = pattern.match(text, start), new.match(text, start)
            assert (old_match is None) is (new_match is None)
            if old_match is not None and new_match is not None:
                assert old_match.span() == new_match.span()


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=25))
def test_claims_are_refused_exactly_where_they_overlap(pairs: list[tuple[int, int]]) -> None:
    """The inlined claim takes a span iff it is non-empty and overlaps no earlier claim."""
    state = ParseState("x" * 30)
    taken: list[tuple[int, int]] = []
    for start, end in pairs:
        if start > end:
            start, end = end, start
        refused = start == end or any(start < t_end and t_start < end for t_start, t_end in taken)
        if refused:
            with pytest.raises(ExtractorError):
                state.claim(Span(start, end), "mine")
        else:
            state.claim(Span(start, end), "mine")
            taken.append((start, end))
    assert state.claims() == tuple((start, end, "mine") for start, end in sorted(taken))


@example(earlier=[(10, 20)], runs=[(0, 5), (19, 25)])  # an overlap of one character
@example(earlier=[], runs=[(3, 8), (7, 9)])
@example(earlier=[(10, 20)], runs=[(20, 25), (0, 10)])  # touching is no overlap
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
    st.lists(st.tuples(st.integers(-1, 31), st.integers(-1, 31)), max_size=8),
)
def test_claiming_runs_at_once_is_claiming_them_one_by_one(
    earlier: list[tuple[int, int]], runs: list[tuple[int, int]]
) -> None:
    """``claim_runs`` takes the runs iff ``claim`` would take each in turn, else none."""
    one_by_one, at_once = ParseState("x" * 30), ParseState("x" * 30)
    for start, end in earlier:
        for state in (one_by_one, at_once):
            with contextlib.suppress(ExtractorError):
                state.claim(Span(min(start, end), max(start, end)), "earlier")
    before = at_once.claims()
    try:
        for start, end in runs:
            one_by_one.claim(Span(start, end), "mine")
    except (ExtractorError, ValueError):
        with pytest.raises((ExtractorError, ValueError)):
            at_once.claim_runs(runs, "mine")
        assert at_once.claims() == before  # refused whole: no run is taken
    else:
        at_once.claim_runs(runs, "mine")
        assert at_once.claims() == one_by_one.claims()


def test_an_overlapping_run_is_named_with_what_it_overlaps() -> None:
    state = ParseState("x" * 30)
    state.claim(Span(10, 20), "title")
    with pytest.raises(ExtractorError, match=r"claim\('body'\) of \[15, 25\) overlaps the 'title'"):
        state.claim_runs([(0, 5), (15, 25)], "body")
    with pytest.raises(ExtractorError, match=r"claim\('body'\) of \[0, 5\) overlaps the 'body'"):
        state.claim_runs([(0, 5), (3, 8)], "body")
    with pytest.raises(ExtractorError, match="empty span"):
        state.claim_runs([(0, 5), (6, 6)], "body")


@given(st.text(alphabet=st.sampled_from("ab 09²٣x\u00a0"), max_size=12))
@example("²")
@example("page 3")
def test_has_digit_is_any_isdigit(text: str) -> None:
    assert has_digit(text) is any(char.isdigit() for char in text)


@given(
    st.lists(
        st.sampled_from(
            ["Washington", "DC", ",", "New", "York", "City", "Geneva", "Tokyo", "Embassy", "of",
             "Guatemala", "Secretary", "State", "Mexico", "Islands", "DCWashington", "Vienna",
             "to", "Transcript:", "(", ")", "(Berlin,", "Germany)", "de", "d\u200be", "\u200b",
             "la", "Korea,", "U.S.", "Chief’s", "toWashington"]
        ),
        max_size=12,
    ).map(" ".join)
)  # fmt: skip
@example("Remarks at the Embassy Guatemala City")  # the longest listed place ends it
@example("Secretary of State New York City")
@example("Assistant Secretary to Travel to Lusaka, Zambia")  # no place's shape past ``to``
@example("Remarks at Plaza d\u200be Mayo, Buenos Aires")  # a particle read collapsed
def test_place_suffixes_are_those_every_piece_gives(text: str) -> None:
    """Stopping where no longer piece can be a place (too long to be a listed one, and
    past a word no place's shape holds, or with no comma) finds the same."""
    expected = []
    for k in reversed(_starts(text, 0, len(text))):
        span = _strip(text, k, len(text))
        piece = text[slice(*span)]
        if (
            span[1] > span[0]
            and is_place(DEFAULT_VOCABULARY, piece)
            and not is_role(DEFAULT_VOCABULARY, piece)
        ):
            expected.append(span)
    assert _place_suffix(DEFAULT_VOCABULARY, text, 0, len(text)) == expected


def _issuer_unscreened(text: str) -> object:
    """``read_issuer`` as it was: every form tried, with no role-word screen first."""
    vocabulary = DEFAULT_VOCABULARY
    if text.isupper() and len(text.title()) == len(text):
        text = text.title()
    prefix = _ISSUER_PREFIX.match(text)
    offset = prefix.end() if prefix is not None else 0
    body = text[offset:]
    found = _name_comma_role(vocabulary, body) or _role_comma_name(vocabulary, body)
    if found is None and "," not in NAME_SUFFIX.sub("", body.rstrip()):
        found = _role_then_name(vocabulary, body) or _cjk_name_role(vocabulary, body)
    if found is None:
        return None
    return [
        ((n[0] + offset, n[1] + offset), None if r is None else (r[0] + offset, r[1] + offset))
        for n, r in found
    ]


@given(
    st.lists(
        st.sampled_from(
            ["Antony", "J.", "Blinken", ",", "Secretary", "of", "State", "Deputy", "Spokesperson",
             "Ned", "Price", "Ambassador", "Jane", "Doe", "BY", "by", "Briefer:", "Jr.",
             "SecretaryBlinken", "国务卿", "布林肯", "Press", "Releases:", "Washington", "DC",
             "Under", "for", "Affairs"]
        ),
        max_size=9,
    ).map(" ".join)
)  # fmt: skip
@example("Antony J. Blinken, Secretary of State")
@example("Jane Doe, SecretaryOfState")  # a role word glued to the next word
@example("Secretario de Estado, Michael R. Pompeo")
@example("Secretary Colin L. Powell")
@example("安东尼·J·布林肯国务卿")
@example("JOHN KERRY, SECRETARY OF STATE")
def test_issuer_lines_read_as_with_every_form_tried(text: str) -> None:
    assert read_issuer(DEFAULT_VOCABULARY, text) == _issuer_unscreened(text)


def test_the_last_role_reading_is_kept_per_vocabulary_and_text() -> None:
    """``role_words_in`` keeps one answer: asked of another vocabulary or text, it reads anew."""
    text = "Harbor Warden Jane Doe"
    wardens = DEFAULT_VOCABULARY.extend(role_words=["Harbor Warden"])
    assert role_words_in(DEFAULT_VOCABULARY, text) == (text, False)
    assert role_words_in(wardens, text) == (text, True)
    assert role_words_in(DEFAULT_VOCABULARY, text) == (text, False)
    assert role_words_in(wardens, "SecretaryBureau of Ports") == ("Secretary Bureau of Ports", True)
    assert role_words_in(wardens, "Bureau of Ports") == ("Bureau of Ports", False)


def test_issuer_reads_are_remembered_per_vocabulary_bounded_and_copied() -> None:
    """``read_issuer`` answers from its memo as it read: per vocabulary, each caller a new list."""
    text = "Jane Doe, Harbor Warden"
    wardens = DEFAULT_VOCABULARY.extend(role_words=["Harbor Warden"])
    reads = DEFAULT_VOCABULARY.line_memo(ISSUER_READS)
    DEFAULT_VOCABULARY.forget_lines()
    assert read_issuer(DEFAULT_VOCABULARY, text) is None
    assert read_issuer(wardens, text) == [((0, 8), (10, 23))]
    assert read_issuer(DEFAULT_VOCABULARY, text) is None
    assert text in reads  # a text read as no issuer line is remembered too
    mine = read_issuer(wardens, text)
    assert mine is not None
    mine.clear()
    assert read_issuer(wardens, text) == [((0, 8), (10, 23))]
    for number in range(2 * ISSUER_MEMO):
        read_issuer(DEFAULT_VOCABULARY, f"Jane Doe {number}, Secretary of State")
        assert len(reads) <= ISSUER_MEMO
    DEFAULT_VOCABULARY.forget_lines()
    assert not reads
    long = "Jane Doe, " + "Secretary of State " * 20
    assert len(long) > ISSUER_MEMO_WIDTH
    assert read_issuer(DEFAULT_VOCABULARY, long) == _issuer_unscreened(long)
    assert not reads


def _named_in_title_plain(text: str, *, by_only: bool) -> object:
    """``named_in_title`` as it was: every window tried, with no word screen first."""
    vocabulary = DEFAULT_VOCABULARY
    words = list(regex.finditer(r"[\p{L}.'’\-]+", text))
    texts = [word.group() for word in words]
    linking = {"of", "Of", "State", "U.S.", "the"}
    roleish = [word in vocabulary.role_word_keys or word in linking for word in texts]
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            name = words[start : start + size]
            name_text = text[name[0].start() : name[-1].end()]
            if regex.search(r"\p{L}['’]s\b", name_text) or not is_name(vocabulary, name_text):
                continue
            if text[name[-1].end() : name[-1].end() + 2].startswith(("'", "’")):
                continue
            back = start - 1
            while back >= 0 and roleish[back]:
                back -= 1
            by = back >= 0 and texts[back].casefold() == "by"
            if by_only and not by:
                continue
            name_span = Span(name[0].start(), name[-1].end())
            if back < start - 1 and is_role(
                vocabulary, text[words[back + 1].start() : words[start - 1].end()]
            ):
                return [(name_span, Span(words[back + 1].start(), words[start - 1].end()))]
            if by and back == start - 1:
                return [(name_span, None)]
    return []


_NAMED_TITLE_WORDS = (
    "by", "BY", "By", "Secretary", "of", "State", "the", "U.S.", "Ambassador", "Deputy",
    "Spokesperson", "John", "Kerry", "Jane", "Doe", "de", "la", "Cruz", "Remarks", "on",
    "Travel", "to", "Paris", "NATO", "Blinken’s", "Call", "Jr.", ":", ",", "and", "with",
)  # fmt: skip


@given(st.lists(st.sampled_from(_NAMED_TITLE_WORDS), max_size=14), st.booleans())
@example(["Remarks", "by", "Secretary", "of", "State", "John", "Kerry"], True)
@example(["Secretary", "of", "State", "John", "Kerry", "Travel", "to", "Paris"], False)
@example(["Secretary", "of", "State", "John", "Kerry", "Travel", "to", "Paris"], True)
@example(["Remarks", "BY", "Jane", "Doe", "on", "NATO"], True)
def test_the_speaker_a_title_names_is_found_as_by_every_window_in_full(
    pieces: list[str], by_only: bool
) -> None:
    """``named_in_title``, windows screened by cheap word tests, answers as every window tried."""
    text = " ".join(pieces)
    found = named_in_title(DEFAULT_VOCABULARY, text, 0, by_only=by_only)
    assert found == _named_in_title_plain(text, by_only=by_only)
    if by_only and "by" not in text.casefold():
        # ``_from_title``'s shortcut beside an office: no ``by``, no speaker.
        assert found == []


def _role_then_name_plain(text: str) -> object:
    """``_role_then_name`` as it was: every split of the words tried, each test in full."""
    vocabulary = DEFAULT_VOCABULARY
    if vocabulary.role_pattern.search(GLUED.sub(" ", collapse(text))) is None:
        return None
    words = list(regex.finditer(r"\S+", text))
    for size in range(1, min(8, len(words) - 1)):
        role = text[words[0].start() : words[size - 1].end()]
        name = text[words[size].start() : words[-1].end()]
        if not all(word[:1].isupper() or word in ROLE_GLUE for word in role.split()):
            return None
        if any(word in TITLE_WORDS for word in role.split()):
            return None
        if (
            is_name(vocabulary, name)
            and is_role(vocabulary, role)
            and ends_with_role(vocabulary, role)
        ):
            return [
                ((words[size].start(), words[-1].end()), (words[0].start(), words[size - 1].end()))
            ]
    return None


@given(
    st.lists(
        st.sampled_from(
            ["Secretary", "Deputy", "of", "State", "Colin", "L.", "Powell", "de", "d\u200be",
             "\u200b", "van", "Jr.", "Baker,", "Remarks", "and", "Army", "Chief’s", "to", "San",
             "Ángel", "élan", "Spokesperson", "Ned", "Price", "  ", "\t", "SecretaryBlinken"]
        ),
        max_size=16,
    ).map(" ".join)
)  # fmt: skip
@example("Secretary Colin L. Powell")
@example("Deputy Secretary of State Jane Q. Doe")
@example("Secretary Anna Maria Louisa Clara Hill Baker, Jr.")  # seven words: the most a name has
@example("Secretary \u200b Colin L. Powell")  # a word of invisible characters alone
@example("Secretary Ana d\u200be la Cruz Baker Jr.")  # a particle read collapsed
def test_role_then_name_reads_as_with_every_split_tried(text: str) -> None:
    assert _role_then_name(DEFAULT_VOCABULARY, text) == _role_then_name_plain(text)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=6))
def test_parts_given_as_offsets_are_the_parts_given_as_spans(pairs: list[tuple[int, int]]) -> None:
    """A part's ``(start, end)`` is stored, read and tabled as the ``Span`` would be."""
    as_offsets, as_spans = ParseState("x" * 30), ParseState("x" * 30)
    runs = [(min(pair), max(pair)) for pair in pairs]
    as_offsets.set("items", 1, Span(0, 30), parts={str(n): run for n, run in enumerate(runs)})
    as_spans.set("items", 1, Span(0, 30), parts={str(n): Span(*run) for n, run in enumerate(runs)})
    assert as_offsets.spans == as_spans.spans
    assert list(as_offsets.spans) == ["items", *(f"items.{n}" for n in range(len(runs)))]
    assert as_offsets.span_table() == span_table(as_spans.spans)
    assert [as_offsets.span_of(f"items.{n}") for n in range(len(runs))] == [
        Span(*run) for run in runs
    ]


@pytest.mark.parametrize(
    "offsets", [(-1, 3), (3, 2), (0, 31), (1,), (1, 2, 3), (1.0, 2), (True, 2)]
)
def test_offsets_that_are_no_span_are_refused_naming_the_part(offsets: tuple[object, ...]) -> None:
    state = ParseState("x" * 30)
    with pytest.raises(ExtractorError, match=r"set\('items'\) part 'first' offsets .* no span"):
        state.set("items", 1, Span(0, 30), parts={"first": offsets})  # type: ignore[dict-item]
    assert not state.has("items")


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=10),
    st.integers(0, 31),
    st.one_of(st.none(), st.integers(0, 31)),
)
def test_claims_from_an_offset_are_the_claims_filtered(
    pairs: list[tuple[int, int]], start: int, stop: int | None
) -> None:
    state = ParseState("x" * 30)
    for first, last in pairs:
        with contextlib.suppress(ExtractorError):
            state.claim(Span(min(first, last), max(first, last)), "mine")
    every = state.claims()
    expected = tuple(c for c in every if c[0] >= start and (stop is None or c[0] < stop))
    assert state.claims(start, stop) == expected


def test_a_body_with_no_mojibake_lead_needs_no_repair() -> None:
    """``may_hold_mojibake`` answers no only for text no clean value of which needs repair."""
    for text in ("plain ASCII", "don’t\u00a0 stop – now", "x\u200b\u00a0y"):
        assert not may_hold_mojibake(text, 0, len(text))
    for text in ("donâ€™t", "café", "Ã\u200b€"):  # a lead an invisible parts from its pair too
        assert may_hold_mojibake(text, 0, len(text))
    assert not may_hold_mojibake("café", 0, 3)


@given(st.text(alphabet=st.sampled_from([*_LEADS, "€", "™", "\u00a0", " ", "\n", *INVISIBLE, "a"])))
def test_a_value_needs_repair_only_if_its_raw_text_holds_a_lead(text: str) -> None:
    value, repaired = clean(text)
    if not may_hold_mojibake(text, 0, len(text)):
        assert clean(text, repair=False) == (value, repaired) == (collapse(text), False)


def test_paragraphs_opening_with_these_characters_are_never_rejoined() -> None:
    """The body's screen before ``_LOWER_START``: no text opening with one of its characters
    opens with spaces and a small letter."""
    for char in "".join(map(chr, range(128))):
        if body_module._ASCII_NOT_LOWER_OR_SPACE(char):
            for rest in ("", "a", " a", "A"):
                assert body_module._LOWER_START.match(char + rest) is None


@pytest.mark.parametrize("second", ["", ".", ")", " ", "x", ". ", ") "])
def test_the_list_item_screen_misses_no_list_item(second: str) -> None:
    """A letter opens a list item only if small, ASCII and before ``.`` or ``)``, as the
    body's screen before ``LIST_ITEM`` says."""
    for char in _ALL_CHARACTERS:
        if char.isalpha() and (char.isupper() or second[:1] not in (".", ")")):
            assert LIST_ITEM.match(char + second + " x") is None


def test_paragraph_part_names_go_on_past_the_ones_made_once() -> None:
    from releaseparse.state import _NAMES_KEPT, _numbered_names

    count = _NAMES_KEPT + 3
    names = _numbered_names("body", "paragraphs", count)
    assert names == tuple(f"body.paragraphs.{n}" for n in range(count))
    first_two = _numbered_names("body", "paragraphs", 2)[:2]
    assert first_two == ("body.paragraphs.0", "body.paragraphs.1")


def _chrome_tail_in_full(vocabulary: Vocabulary, text: str, start: int) -> int:
    """``office._chrome_tail`` without its shortcut: every office opening's end tested."""
    for word in regex.finditer(r"(?<=\s)\S", text, pos=start):
        at = word.start()
        if vocabulary.is_office(text[start:at].strip()) and vocabulary.is_chrome(text[at:]):
            return at
    return len(text)


_OFFICE_TAIL_VOCABULARIES = [
    DEFAULT_VOCABULARY,
    # A listed office that ends in a chrome line: the test finds the chrome, no shortcut.
    Vocabulary().extend(chrome_lines=["Spokesperson"], offices=["Office of the Web Team Home"]),
    Vocabulary().extend(chrome_patterns=[r"Affairs"], offices=["Bureau of\u00a0Science Affairs"]),
    # Offices whose words ``str.split`` reads otherwise than the word starts: left out.
    Vocabulary().extend(offices=["Office of the\x1cSpokesperson", "Office of  the Dean"]),
    # An empty office opening: the word right at the office's start is tested too.
    Vocabulary().extend(office_prefixes=[""], chrome_lines=["Office of the Spokesman"]),
]


@pytest.mark.parametrize("vocabulary", _OFFICE_TAIL_VOCABULARIES)
def test_offices_without_chrome_tails_end_where_the_full_test_ends(vocabulary: Vocabulary) -> None:
    """On a line printing a listed office, the office step's shortcut ends the office where
    testing the end of every office opening for chrome does, whatever stands before it."""
    office_module = importlib.import_module("releaseparse.extractors.office")
    state = ParseState("", vocabulary=vocabulary)
    for office in vocabulary.offices:
        for before in ("", " ", "\t", "\x1c", "U.S. Department of State "):
            text = before + office
            expected = _chrome_tail_in_full(vocabulary, text, len(before))
            assert office_module._chrome_tail(state, text, len(before)) == expected
    assert DEFAULT_VOCABULARY.is_office_without_chrome("Office of the Spokesperson")
    assert not DEFAULT_VOCABULARY.is_office_without_chrome("Office of the Spokesperson Today")
    assert not _OFFICE_TAIL_VOCABULARIES[4].is_office_without_chrome("Office of the Spokesperson")


_OFFICE_LINE_WORDS = [*OFFICES, "Office of", "the", "Home", " ", "\u00a0", "x"]


@given(st.lists(st.sampled_from(_OFFICE_LINE_WORDS), max_size=5))
def test_an_office_line_ends_its_office_where_the_full_test_does(words: list[str]) -> None:
    office_module = importlib.import_module("releaseparse.extractors.office")
    vocabulary = _OFFICE_TAIL_VOCABULARIES[1]
    text = " ".join(words)
    state = ParseState("", vocabulary=vocabulary)
    for start in {0, min(1, len(text))}:
        expected = _chrome_tail_in_full(vocabulary, text, start)
        assert office_module._chrome_tail(state, text, start) == expected


@given(st.lists(st.sampled_from([*_DATE_WORDS, "31", "2:46", "p.m.", "EST", "x"]), max_size=6))
def test_a_remembered_dateline_reads_as_a_fresh_one(words: list[str]) -> None:
    """``read_dateline`` remembers the readings of short lines: read again, the same reading."""
    line = " ".join(words)
    first = read_dateline(line)
    dates_module = importlib.import_module("releaseparse.dates")
    dates_module._read_short_line.cache_clear()
    assert read_dateline(line) == first
    assert read_dateline(line) == first
    assert dates_module._read_short_line.cache_info().maxsize == dates_module.DATELINE_MEMO


_TWO_TEMPLATES = Vocabulary(
    disclaimers=(_TEMPLATE, "Office of Electronic Information manages it.", "The Office  of X.")
)
_OPENING_PIECES = [
    *"TheOfic \t\n\r\x0b\x1c\x85\u00a0\u2028\u3000", *INVISIBLE, "Office", "Website",
    "The Office of ", "Electronic ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_OPENING_PIECES), max_size=24).map("".join), st.integers(0, 30))
@example("The Office of Website Management manages this site.", 0)
@example("x\n  The\n\nOffice of Website Management manages this site.", 2)
@example("\rThe Office of Website\r\n\u00a0Office of Electronic", 0)
@example("\x1cThe Office of Website\n\x1cThe Office of Website", 0)
def test_disclaimer_openings_are_found_on_the_lines_that_print_them(text: str, start: int) -> None:
    """The lines the disclaimer tries (those printing some template's opening) give the same
    copies as every line whose first non-space character opens a template."""
    start = min(start, len(text))
    for vocabulary in (DEFAULT_VOCABULARY, _TWO_TEMPLATES):
        state = ParseState(text, vocabulary=vocabulary)
        firsts = {disclaimer_module._opening(t)[0] for t in vocabulary.disclaimers}
        every = [ln for ln in state.lines if ln.start >= start and ln.text.lstrip()[:1] in firsts]
        tried = disclaimer_module._candidate_lines(state, start)
        assert set(tried) <= set(every)
        for template in vocabulary.disclaimers:
            spans = [m.span(1) for m in disclaimer_module._openings(state, template, start, every)]
            found = disclaimer_module._openings(state, template, start, tried)
            assert [m.span(1) for m in found] == spans


def test_a_template_of_spaces_opens_on_every_line() -> None:
    state = ParseState("a\n b\n", vocabulary=Vocabulary(disclaimers=("  ",)))
    assert disclaimer_module._candidate_lines(state, 1) == list(state.lines[1:])


def _marker_vocabularies() -> list[Vocabulary]:
    return [DEFAULT_VOCABULARY, *(get_profile(name).vocabulary for name in profile_names())]


_MARKER_RESTS = (
    "",
    "#",
    " # #",
    "##",
    "## -",
    "egin text:",
    " end transcript)",
    "nd]",
    "RANSCRIPT:",
)


def test_a_marker_opens_with_a_character_its_patterns_can_open_with() -> None:
    """A line whose first character no marker pattern can open with is no marker: over every
    character below U+3000 and every one whose case forms are ASCII, before marker text."""
    chars = [
        char
        for char in _ALL_CHARACTERS
        if ord(char) < 0x3000
        or char.lower().isascii()
        or char.upper().isascii()
        or char.casefold().isascii()
    ]
    for vocabulary in _marker_vocabularies():
        gated = markers_module._gated(vocabulary.marker_set)
        for char in chars:
            for rest in _MARKER_RESTS:
                if not markers_module.may_be_marker(gated, char + rest):
                    assert not vocabulary.is_marker(char + rest), repr(char + rest)


@given(st.text(max_size=12), st.text(alphabet=st.sampled_from("#-[] ()eEnNdDtT:"), max_size=12))
@example("\\", "###")
@example("-", "--")
@example("\u200b", "###")
def test_the_marker_screen_passes_every_marker(head: str, rest: str) -> None:
    text = head + rest
    for vocabulary in _marker_vocabularies():
        gated = markers_module._gated(vocabulary.marker_set)
        if vocabulary.is_marker(text):
            assert markers_module.may_be_marker(gated, text)


def test_an_added_marker_pattern_is_never_screened_out() -> None:
    """Patterns a user adds are tried ungated: the screen lets every line through."""
    vocabulary = DEFAULT_VOCABULARY.extend(marker_patterns=[r"Fin\."])
    gated = markers_module._gated(vocabulary.marker_set)
    assert markers_module.may_be_marker(gated, "Fin.")
    assert vocabulary.is_marker("Fin.")


@given(
    st.lists(
        st.sampled_from(["###", "a", "  ", "# # #", "Photo", "\n", "\r\n", "x" * 41]), max_size=20
    ).map("".join)
)
def test_markers_are_claimed_as_by_one_lookup_a_line(text: str) -> None:
    """Walking the claims along the lines finds a line claimed exactly where ``is_claimed`` does."""
    state = ParseState(text)
    if len(text) > 4:
        state.claim(Span(2, 4), "other")
    plain = ParseState(text)
    if len(text) > 4:
        plain.claim(Span(2, 4), "other")
    markers_module.claim_markers(state, 1)
    for line in plain.lines:
        if line.start < 1 or not line.text.strip() or plain.is_claimed(line.span):
            continue
        if len(line.text) <= markers_module.MAX_MARKER_LENGTH and plain.vocabulary.is_marker(
            line.text
        ):
            plain.claim(markers_module.trimmed(text, line.start, line.end), "marker")
    assert state.claims() == plain.claims()


@given(
    st.lists(st.sampled_from(["a", " ", "\u200b", "\n", "\r\n", "\r", "Bb"]), max_size=20).map(
        "".join
    ),
    st.integers(0, 25),
    st.lists(st.tuples(st.integers(0, 25), st.integers(1, 4)), max_size=4),
)
def test_the_wire_reads_the_first_unclaimed_line_after_the_header(
    text: str, start: int, claims: list[tuple[int, int]]
) -> None:
    """The line the wire dateline is looked for on, found from the line holding ``start``:
    the first of all lines the plain walk from the top takes."""
    state = ParseState(text)
    start = min(start, len(text))
    for begin, length in claims:
        span = Span(min(begin, len(text)), min(begin + length, len(text)))
        if span and not state.is_claimed(span):
            state.claim(span, "other")
    plain = next(
        (
            ln
            for ln in state.lines
            if ln.stop > start
            and not is_blank(ln.text[max(0, start - ln.start) :])
            and not state.is_claimed(Span(max(start, ln.start), ln.end))
        ),
        None,
    )
    assert wire_module._first_body_line(state, start) == plain


_TIME_OR_LABEL_PIECES = [
    "2:46 p.m. EST", "(5:43 p.m.)", "QUESTION:", "MR. KIRBY:", "Q", " ", "  ", "\t", ":",
    "Moderator:", "STATEMENT ON WATER: GRANTS", "11.02", "am", "\u00a0", "\u200b", "x", "(",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TIME_OR_LABEL_PIECES), max_size=6).map("".join))
@example("QUESTION:  Yes.")
@example("2:46 p.m. EST")
def test_a_classified_time_or_label_line_reads_as_the_time_walk_reads_it(text: str) -> None:
    """The time walk takes a line's known kind for what its own tests would find: a label
    line holds a colon and reads as a label, a time line reads as a time."""
    kind = classify(DEFAULT_VOCABULARY, text)
    if kind == Kind.LABEL:
        assert ":" in text
        assert label_of(DEFAULT_VOCABULARY, collapse(text)) is not None
    if kind == Kind.TIME:
        assert read_time(text) is not None


@pytest.mark.parametrize("path", GOLDEN_TEXTS, ids=lambda path: path.stem)
def test_classified_lines_of_the_fixtures_read_as_the_time_walk_reads_them(path: Path) -> None:
    for line in (ln.text for ln in split_lines(decode(path.read_bytes()).text)):
        kind = classify(DEFAULT_VOCABULARY, line)
        if kind == Kind.LABEL:
            assert ":" in line
            assert label_of(DEFAULT_VOCABULARY, collapse(line)) is not None
        if kind == Kind.TIME:
            assert read_time(line) is not None


def _header_ends_along_the_chain(text: str) -> Iterator[tuple[int, tuple[int, int]]]:
    """``header_end`` and ``header_bounds`` after each extractor of the default chain."""
    state = ParseState(text)
    for name, extractor in Parser():
        state.extractor = name
        extractor(state)
        yield header_end(state), tail_module.header_bounds(state)


@given(releases())
def test_the_header_ends_within_its_bounds(case: Case) -> None:
    """The bounds the tail extractors compare with before asking ``header_end`` hold it."""
    for end, (floor, bound) in _header_ends_along_the_chain(case.text):
        assert floor <= end <= bound


@pytest.mark.parametrize("path", GOLDEN_TEXTS, ids=lambda path: path.stem)
def test_the_header_of_each_fixture_ends_within_its_bounds(path: Path) -> None:
    for end, (floor, bound) in _header_ends_along_the_chain(decode(path.read_bytes()).text):
        assert floor <= end <= bound


@given(st.lists(st.sampled_from(_OPENING_PIECES), max_size=24).map("".join), st.integers(0, 30))
@example("x\n The Office of Website Management manages this site.", 1)
@example("The Office of Website Management manages this site.\nThe Office of Website", 3)
def test_a_disclaimer_is_found_as_well_from_lines_tried_from_further_up(
    text: str, start: int
) -> None:
    """``plain_find`` on lines tried from an earlier offset finds what it finds from ``start``."""
    start = min(start, len(text))
    for vocabulary in (DEFAULT_VOCABULARY, _TWO_TEMPLATES):
        state = ParseState(text, vocabulary=vocabulary)
        for floor in range(start + 1):
            lines = disclaimer_module._candidate_lines(state, floor)
            found = plain_find(state, start, lines)
            assert found == plain_find(state, start)


@given(
    st.sampled_from(["x.one", "date.missing"]),
    st.sampled_from([*Severity, "info", "warning", "error"]),
    st.integers(0, 5),
    st.integers(0, 5),
)
def test_a_defect_is_recorded_as_the_plain_constructor_makes_it(
    code: str, severity: Severity | str, start: int, end: int
) -> None:
    """``ParseState.defect`` (severity kept when it is one, slots set directly) records the
    ``Defect`` that ``Defect(code, message, Severity(severity), span)`` makes."""
    start, end = min(start, end), max(start, end)
    state = ParseState("x" * 5)
    state.defect(code, "a message", Span(start, end), severity)
    (recorded,) = state.defects
    plain = Defect(code, "a message", Severity(severity), Span(start, end))
    assert recorded == plain
    assert type(recorded.severity) is Severity
    assert hash(recorded) == hash(plain)
    assert recorded.field == plain.field
    assert pickle.loads(pickle.dumps(recorded)) == plain
    direct = unchecked_defect(code, "a message", Severity(severity), Span(start, end))
    assert direct == plain
    assert repr(direct) == repr(plain)


def _plain_checks(state: ParseState) -> list[Defect]:
    """The defects ``checks`` records, computed in the plain form (checked spans)."""
    source = state.source
    found = []
    if is_blank(source):
        found.append(
            Defect(
                "source.blank", "the input holds no text", Severity.WARNING, Span(0, len(source))
            )
        )
    first = len(source) - len(source.lstrip())
    first = first if first < len(source) else 0
    end = header_end(state)
    if not state.has("title"):
        found.append(
            Defect("title.missing", "no title was found", Severity.ERROR, Span(first, first))
        )
    if not state.has("date") and "date.no_year" not in {d.code for d in state.defects}:
        message = "no dateline was found in the header; no date is filled in"
        found.append(Defect("date.missing", message, Severity.ERROR, Span(end, end)))
    if not state.has("body"):
        message = "no body text was found after the header"
        found.append(Defect("body.missing", message, Severity.WARNING, Span(end, end)))
    return found


@given(st.one_of(releases().map(lambda case: case.text), st.text(max_size=40)))
@example("")
@example("  \n ")
@example("\n\nTitle only\n")
def test_the_closing_checks_record_the_defects_of_the_plain_form(text: str) -> None:
    """``checks`` (its spans made unchecked, the first text found once) records what the
    plain form records."""
    state = ParseState(text)
    for name, extractor in Parser():
        if name == "checks":
            break
        state.extractor = name
        extractor(state)
    before = len(state.defects)
    expected = _plain_checks(state)
    state.extractor = "checks"
    checks_module.checks(state)
    assert list(state.defects[before:]) == expected


class _Text(str):
    """A ``str`` subclass: an instance, though not of the type itself."""


_ITEMS = st.sampled_from(
    ["a", _Text("b"), 1, True, None, ("x",), Speaker("A"), Turn("Q", "t", Span(0, 1))]
)


@given(st.lists(_ITEMS, max_size=6).map(tuple), st.sampled_from([str, Speaker, Turn, int]))
def test_all_of_is_every_item_an_instance(value: tuple[object, ...], kind: type) -> None:
    """``state._all_of`` (the items' types looked at first) is the plain ``isinstance`` test."""
    assert state_module._all_of(value, kind) is all(isinstance(item, kind) for item in value)


@given(
    st.sampled_from(["title", "body", "speakers", "turns", "extra_one"]),
    st.one_of(_ITEMS, st.lists(_ITEMS, max_size=4).map(tuple)),
    st.one_of(st.none(), st.just({}), st.just({"0": (0, 1)}), st.just({"0": Span(1, 2)})),
)
def test_a_field_is_set_as_the_plain_form_sets_it(
    name: str, value: object, parts: dict[str, Span | tuple[int, int]] | None
) -> None:
    """``set`` (value checks on the items' types first, the ``Field`` made as a tuple, the
    parts handled apart) takes or refuses what the plain form does, and records the same."""
    plain_check = {
        "title": lambda v: v is None or isinstance(v, str),
        "body": lambda v: isinstance(v, tuple) and all(isinstance(i, str) for i in v),
        "speakers": lambda v: isinstance(v, tuple) and all(isinstance(i, Speaker) for i in v),
        "turns": lambda v: isinstance(v, tuple) and all(isinstance(i, Turn) for i in v),
    }.get(name)
    state = ParseState("x" * 5)
    state.extractor = "mine"
    if plain_check is not None and not plain_check(value):
        with pytest.raises(ExtractorError, match="cannot hold"):
            state.set(name, value, Span(0, 3), parts=parts)
        assert not state.fields
        assert not state.spans
        return
    try:
        state.set(name, value, Span(0, 3), parts=parts)
    except ExtractorError:
        assert plain_check is None  # an extra whose value JSON cannot keep
        return
    field = state.fields[name]
    assert type(field) is Field
    assert field == Field(state.get(name), Span(0, 3), "mine")
    expected = {name: Span(0, 3)}
    for part, span in (parts or {}).items():
        expected[f"{name}.{part}"] = span if isinstance(span, Span) else Span(*span)
    assert list(state.spans.items()) == list(expected.items())


@given(st.text(alphabet=st.sampled_from("ab \n\u00a0\u200bÃ©"), max_size=10), st.data())
def test_set_text_sets_what_the_plain_form_sets(text: str, data: st.DataObject) -> None:
    """``set_text`` (no ``len`` of the span, ``clean_text`` on its offsets) records the
    field, claim and defects of trimming, ``clean_value`` and ``set`` done in turn."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fast, plain = ParseState(text), ParseState(text)
    set_text(fast, "time_zone", Span(start, end), kind="mine")
    span = trimmed(text, start, end)
    if span:
        plain.claim(span, "mine")
        plain.set("time_zone", clean_value(plain, span, "time zone"), span)
    assert fast.fields == plain.fields
    assert fast.spans == plain.spans
    assert fast.claims() == plain.claims()
    assert fast.defects == plain.defects


def _plain_header_end(state: ParseState) -> int:
    """``header_end`` in the plain form: the greatest end among the last line's claims."""
    block = block_of(state)
    if block is None:
        return 0
    last = state.lines[block.end - 1]
    ends = [end for _start, end, _kind in state.claims(last.start, last.stop)]
    if ends and max(ends) < last.end and state.source[max(ends) : last.end].strip():
        return max(ends)
    return last.stop


@given(st.one_of(releases().map(lambda case: case.text), st.text(max_size=40)))
@example("Remarks\nWASHINGTON, October 28, 2002INDEX: more text\n\nBody.\n")
def test_the_header_end_is_that_of_the_plain_form(text: str) -> None:
    """``header_end`` (the last claim on the last line taken as the one ending last) is
    the plain form's, after each extractor of the chain."""
    state = ParseState(text)
    for name, extractor in Parser():
        state.extractor = name
        extractor(state)
        assert header_end(state) == _plain_header_end(state)


@pytest.mark.parametrize("path", GOLDEN_TEXTS, ids=lambda path: path.stem)
def test_the_header_end_of_each_fixture_is_that_of_the_plain_form(path: Path) -> None:
    state = ParseState(decode(path.read_bytes()).text)
    for name, extractor in Parser():
        state.extractor = name
        extractor(state)
        assert header_end(state) == _plain_header_end(state)


_VOCABULARIES = [DEFAULT_VOCABULARY, *(get_profile(name).vocabulary for name in profile_names())]
_DATED_PIECES = [
    "March", "20", "2014", "20,", "2014.", "12345", "de", "marzo", "4.", "März", "Mar.", " ",
    "  ", ",", "\u00a0", "\t", "\n", "1st", "٢٠١٤", "²", "Washington,", "DC", "Press",
    "Statement", "Richard", "Boucher,", "Spokesman", "-", "x2014", "x", "Vienna", "(", ")",
    "1º", "1°", "1ſt", "del", "Dec.", "published_time:", "2025-04-29", "\u2003", "\x1c",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DATED_PIECES), max_size=10).map("".join))
@example("Press Statement March 20, 2014")
@example("Vienna, 20 de marzo de 2014")
@example("Vienna, March 20, 2014th")
@example("Washington, DC, March 20,\u00a02014")
def test_flat_lines_are_read_as_with_the_date_looked_for_on_every_line(text: str) -> None:
    """A date ``find_date`` finds ends in a year after a space, the day or the month before
    it: the screen turns away no line that ``read_flat`` reads."""
    if DATE_IN_TEXT.search(text) is not None:
        assert flat_module._may_hold_a_date(text)
    for vocabulary in _VOCABULARIES:
        assert read_flat(vocabulary, text) == flat_module._read_flat(vocabulary, text)


def test_flat_lines_of_the_fixtures_are_read_as_with_the_date_looked_for() -> None:
    for text in _fixture_lines():
        line = collapse(text)
        if find_date(line) is not None:
            assert flat_module._may_hold_a_date(line)
        assert read_flat(DEFAULT_VOCABULARY, line) == flat_module._read_flat(
            DEFAULT_VOCABULARY, line
        )


@given(st.text(alphabet=st.sampled_from("1209 ,.\u00a0\tMarzodeº°ſT-:"), max_size=16))
@example("Mar. 1, 2014")
@example("1º de marzo de 2014")
@example("March 1° 2014")  # the day's last character no letter
@example("1 Dec. 2014")  # a full stop
@example("March 20 , 2014")  # a space before the comma
@example("March 20,\t2014")  # a tab, on ASCII text
@example("marzo 20\u00a0,\u00a02014")
def test_a_date_in_any_text_passes_the_year_screen(text: str) -> None:
    if DATE_IN_TEXT.search(text) is not None:
        assert flat_module._may_hold_a_date(text)


def test_the_ascii_digits_are_the_ones_the_digit_pattern_takes() -> None:
    """On ASCII text ``[0-9]`` stands for ``\\d`` (the year screens' spaces are checked
    in ``test_fast_paths_dates_flat``)."""
    for code in range(128):
        char = chr(code)
        assert (DIGIT.fullmatch(char) is None) == (not "0" <= char <= "9")


_PLACE_PIECES = [
    *DEFAULT_VOCABULARY.places, "WASHINGTON", "washington", "DC", "D.C.", ",", ", ", " ", "  ",
    "(", ")", "(Berlin,", "Germany)", "of", "de", "the", "to", "response", "punishment.",
    "Secretary", "State", "Jr.", "Chief’s", "O’Neill", "Saint-Denis", "\u200b", "\u00a0", "\t",
    "Korea,", "DCWashington", "Élysée", "ǅemal", "Ⅻ", "İzmir", "x", ".", "’s",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_PLACE_PIECES), max_size=10).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
@example("Secretary of State Washington, DC", 0, 40)
@example("Remarks at the Embassy Guatemala City", 0, 40)
@example("Remarks, (Berlin, Germany) ", 0, 40)
@example("participation of the Leaders of Algeria, India,", 0, 40)
@example("Tokyo, d\u200be la Paz", 0, 40)
def test_place_suffixes_are_found_as_with_every_piece_read(text: str, start: int, end: int) -> None:
    """A segment turned away by ``_may_end_in_place`` has no place ending it: neither a
    listed place nor a text of a place's shape."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    for vocabulary in _VOCABULARIES:
        found = flat_module._place_suffix_read(vocabulary, text, start, end)
        assert flat_module._place_suffix(vocabulary, text, start, end) == found


def test_place_suffixes_of_fixture_lines_are_found_as_with_every_piece_read() -> None:
    for text in _fixture_lines():
        for start in {0, *(i + 1 for i, char in enumerate(text) if char in " ,")}:
            found = flat_module._place_suffix_read(DEFAULT_VOCABULARY, text, start, len(text))
            assert flat_module._place_suffix(DEFAULT_VOCABULARY, text, start, len(text)) == found


# -- the scan for further releases ------------------------------------------------------------


def _header_kind_screen_keeps(text: str) -> None:
    if not may_be_header_kind(DEFAULT_VOCABULARY, text):
        assert classify(DEFAULT_VOCABULARY, text) not in HEADER_LINE_KINDS, text


def test_the_header_kind_screen_on_every_golden_line() -> None:
    """A line turned away is no dateline, note type or office line (and some are kept)."""
    kept = 0
    for text in _fixture_lines():
        _header_kind_screen_keeps(text)
        kept += may_be_header_kind(DEFAULT_VOCABULARY, text)
    assert kept


@given(case=releases())
def test_the_header_kind_screen_on_generated_releases(case: Case) -> None:
    for line in split_lines(case.text):
        _header_kind_screen_keeps(line.text)


@given(
    st.lists(
        st.sampled_from(
            ["March 14, 2016", "2016", "Press Statement", "Index", "(Corrected)", "Office of the",
             "Spokesperson", "U.S. Department of State", "Daily Press Briefing", "|", "-", "12",
             "2:46 p.m.", "items", "$300", "million", "(1)", "Bureau of", "Affairs", "EST", ","]
        ),
        max_size=8,
    ).map(" ".join)
)  # fmt: skip
@example("Daily Press Briefing Index 2")
@example("Press Statement (Corrected 2)")
@example("U.S. Department of State Office of the Spokesperson 2")
def test_the_header_kind_screen_keeps_every_date_note_type_and_office(text: str) -> None:
    _header_kind_screen_keeps(text)


def test_turned_away_lines_are_remembered_per_vocabulary() -> None:
    """A line the screen turned away answers the same when met again, under its vocabulary."""
    turned_away = DEFAULT_VOCABULARY.line_memo(TURNED_AWAY)
    DEFAULT_VOCABULARY.forget_lines()
    text = "It also requests $300 million for the programme."
    state = ParseState(f"Title\n\n{text}\n", vocabulary=DEFAULT_VOCABULARY)
    assert not _Scan(state).may_be_header_kind(2)
    assert text in turned_away
    assert not _Scan(state).may_be_header_kind(2)
    other = DEFAULT_VOCABULARY.extend(note_types=[text])
    assert _Scan(ParseState(state.source, vocabulary=other)).may_be_header_kind(2)
    DEFAULT_VOCABULARY.forget_lines()
    assert not turned_away


def _has_body_plain(scan: _Scan, start: int, end: int) -> bool:
    """``_Scan.has_body`` as first written: every line from ``start`` to ``end`` walked."""
    found, run = False, None
    for index in range(start, end):
        kind = scan.kind(index)
        if kind in (Kind.PROSE, Kind.LABEL):
            found = True
        elif kind != Kind.BLANK:
            run = index if run is None else run
        elif run is not None:
            found = found or scan._run_is_prose(run, index)
            run = None
    return end > start and (found or (run is not None and scan._run_is_prose(run, end)))


def _is_header_eager(scan: _Scan, index: int) -> bool:
    """``_Scan.is_header`` as first written: the four non-blank lines above read first."""
    kind = scan.kind(index)
    above = scan.nonblank(index, -1, 4)
    if kind == Kind.DATE:
        strong = 0
        for line in above:
            found = scan.kind(line)
            if found in (Kind.PROSE, Kind.LABEL) or scan._paragraph_between(line, index):
                break
            strong += found in STRONG
        return strong >= 2
    if kind in (Kind.NOTE_TYPE, Kind.OFFICE):
        return bool(above) and scan.is_title(above[0])
    return False


def _scan_answers_as_the_full_walks(text: str, order: Random) -> None:
    state = ParseState(text, vocabulary=DEFAULT_VOCABULARY)
    size = len(state.lines)
    plain = _Scan(state)
    for start in order.sample(range(size + 1), min(3, size + 1)):
        scan = _Scan(state)  # asked about ends in a random order, as a page of headers may
        for end in order.sample(range(size + 1), size + 1):
            assert scan.has_body(start, end) is _has_body_plain(plain, start, end), (start, end)
    scan = _Scan(state)
    for index in range(size):
        if plain.kind(index) in HEADER_LINE_KINDS:
            assert scan.is_header(index) is _is_header_eager(plain, index), index


def test_the_scan_answers_as_the_full_walks_on_every_golden_page() -> None:
    for path in GOLDEN_TEXTS:
        _scan_answers_as_the_full_walks(decode(path.read_bytes()).text, Random(path.name))


@given(cases=st.lists(releases(), min_size=1, max_size=3), order=st.randoms(use_true_random=False))
def test_the_scan_answers_as_the_full_walks_on_pages_of_generated_releases(
    cases: list[Case], order: Random
) -> None:
    _scan_answers_as_the_full_walks("\n\n".join(case.text for case in cases), order)


_LONG_NAMES = DEFAULT_VOCABULARY.extend(
    note_types=["Joint Statement of the Ministerial Conference on Coastal Fisheries"],
    offices=["Office of Oceans and International Environmental and Scientific Affairs Liaison"],
)


def _named_plainly(vocabulary: Vocabulary, text: str) -> bool:
    """What the scan asks of a line with no digit, with no screen."""
    line = collapse(text)
    return vocabulary.note_type(line) is not None or vocabulary.is_office(line)


def _named_screened(vocabulary: Vocabulary, text: str) -> bool:
    width = named_header_width(vocabulary)
    return names_note_type_or_office(vocabulary, collapse(text), width)


@pytest.mark.parametrize("vocabulary", [DEFAULT_VOCABULARY, _LONG_NAMES])
def test_every_note_type_and_office_is_named_past_the_scans_screen(vocabulary: Vocabulary) -> None:
    for name in (*vocabulary.note_types, *vocabulary.offices):
        for printed in (name, name.upper(), f" {name}\u00a0 ", name.replace(" ", "  ")):
            assert _named_screened(vocabulary, printed), printed


@given(st.text(max_size=90), st.sampled_from([DEFAULT_VOCABULARY, _LONG_NAMES]))
@example("Joint Statement of the Ministerial Conference on Coastal Fisheries", _LONG_NAMES)
@example("Office of Oceans and International Environmental and Scientific Affairs", _LONG_NAMES)
@example(
    "Office of the Spokesperson, and a sentence that goes on past every listed office",
    DEFAULT_VOCABULARY,
)
def test_the_scans_screen_names_a_line_as_the_two_lookups_do(
    text: str, vocabulary: Vocabulary
) -> None:
    assert _named_screened(vocabulary, text) is _named_plainly(vocabulary, text)


def test_the_vocabularys_marker_set_is_used_as_it_is_and_another_set_gated_once() -> None:
    marker_set = DEFAULT_VOCABULARY.marker_set
    assert markers_module._gated(marker_set) is marker_set
    plain = PatternSet(marker_set.patterns)
    gated = markers_module._gated(plain)
    assert isinstance(gated, GatedPatternSet)
    assert gated.patterns == plain.patterns
    assert markers_module._gated(plain) is gated
    for line in ("###", "# # #", "(END TRANSCRIPT)", "Secretary Blinken: Thank you.", ""):
        assert gated.fullmatches(line) is plain.fullmatches(line), line
