"""The vocabulary line tests' shortcuts answer as the plain tests they stand in for."""

from __future__ import annotations

import sys
from functools import lru_cache

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from releaseparse import patternset
from releaseparse.extractors import _kinds
from releaseparse.extractors._people import NAME_SUFFIX
from releaseparse.guard import FullMatcher, compile_each
from releaseparse.patternset import GatedPatternSet, gateable
from releaseparse.profiles import get_profile, profile_names
from releaseparse.required import required_run
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests import plain_kinds, strategies

#: Lines of the classes the screens sort: chrome, markers, unnamed speakers, header lines,
#: titles and near misses of each (our own wording; real header formats).
LINES = (
    "Submitted by newsroom", "SUBMITTED BY j_doe", "submitted By la redacción", "Submitted",
    "Submitted by", "Sub", "SUBMITTED", "Subtitles for the Harbor Summit", "submitted by x",
    "(Begin Transcript)", "(END TEXT)", "begin text:", "End text", "TRANSCRIPT:", "# # #",
    "- ### -", "###", "[End]", "[ end ]", "[Ends]", "(Beginning of the Harbor Talks)",
    "Senior State Department Official", "Two Senior Administration Officials",
    "Three Senior U.S. Officials", "Senior Officials", "Senior Official Travels to Lisbon",
    "Department Officials", "State Department Official", "Senior", "Two", "U.S. Officials",
    "Please JOIN NOW today", "Click to Learn More", "Ann's Blog, page 3", "a | b | c | d",
    "You are in: Press Releases", "5 min read", "https://example.org/a", "HomePress",
    "Office of the Spokesperson", "Press Statement", "Daily Press Briefing Index",
    "Washington, DC", "Wildlife Trafficking Workshop Opens in Nairobi", "", "x", "Se", "(",
    "published_time: 2024-05-01 10:00:00-04:00", "source_url: https://example.org/a",
)  # fmt: skip

#: Characters that open and fill the lines above, so generated texts reach their gates.
LINE_CHARACTERS = "SsUuBbMmIiTtEeDdNnOoRrAaPpCcLlFfGgHhWw #-[]()|:/.'’_, 0123\u00a0"


def _vocabularies() -> list[Vocabulary]:
    return [DEFAULT_VOCABULARY, *(get_profile(name).vocabulary for name in profile_names())]


def _each_fullmatches(patterns: tuple[str, ...], text: str) -> bool:
    """The plain answer: each pattern compiled and tried on its own."""
    return any(pattern.fullmatch(text) is not None for pattern in _compiled(patterns))


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[FullMatcher, ...]:
    return compile_each(patterns)


def _plain_sets(vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    return {
        "chrome": vocabulary.chrome_patterns,
        "marker": vocabulary.marker_patterns,
        "anonymous": vocabulary.anonymous_speakers,
    }


def _gated_sets(vocabulary: Vocabulary) -> dict[str, patternset.PatternSet]:
    return {
        "chrome": vocabulary.chrome_set,
        "marker": vocabulary.marker_set,
        "anonymous": vocabulary.anonymous_set,
    }


def _check_sets(text: str) -> None:
    for vocabulary in _vocabularies():
        plain = _plain_sets(vocabulary)
        for group, gated in _gated_sets(vocabulary).items():
            expected = _each_fullmatches(plain[group], text)
            assert gated.fullmatches(text) is expected, (group, text)


# --- the gated pattern sets: marker and unnamed-speaker patterns, the ``Submitted by`` one


def test_the_marker_and_speaker_sets_are_gated() -> None:
    for vocabulary in _vocabularies():
        assert isinstance(vocabulary.marker_set, GatedPatternSet)
        assert isinstance(vocabulary.anonymous_set, GatedPatternSet)


def test_ours_not_wildcard_led_are_gated_even_when_not_joined() -> None:
    """A scoped flag keeps a pattern out of the alternation, not out of the gates."""
    submitted = next(p for p in DEFAULT_VOCABULARY.chrome_patterns if p.startswith("(?:Submitted"))
    assert gateable(submitted)
    assert not patternset.joinable(submitted)
    chrome = DEFAULT_VOCABULARY.chrome_set
    assert isinstance(chrome, GatedPatternSet)
    assert submitted in [pattern.pattern for pattern in chrome.gated]
    assert submitted not in [getattr(pattern, "pattern", None) for pattern in chrome.single]
    assert not gateable(r".*\bJOIN NOW\b.*")  # wildcard-led: every opening lets it through
    assert not gateable("a pattern someone added")  # not ours: only run under the time limit


def test_the_gated_sets_answer_as_each_pattern_on_the_lines_of_their_classes() -> None:
    for line in LINES:
        for text in (line, line.upper(), line.lower(), line + "!", "x" + line, line[1:]):
            _check_sets(text)


@given(st.text(alphabet=st.sampled_from(LINE_CHARACTERS), max_size=40))
def test_the_gated_sets_answer_as_each_pattern_on_any_text(text: str) -> None:
    _check_sets(text)


@given(st.sampled_from(LINES), st.text(alphabet=st.sampled_from(LINE_CHARACTERS), max_size=12))
def test_the_gated_sets_answer_as_each_pattern_on_lines_with_more(line: str, more: str) -> None:
    _check_sets(line + more)
    _check_sets(more + line)


@given(strategies.titles())
def test_the_gated_sets_answer_as_each_pattern_on_titles(title: str) -> None:
    _check_sets(collapse(title))


def test_a_gate_full_of_openings_forgets_them_and_answers_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(patternset, "GATES", 3)
    gated = GatedPatternSet(DEFAULT_VOCABULARY.marker_patterns)
    for line in LINES:
        assert gated.fullmatches(line) is _each_fullmatches(gated.patterns, line), line
        assert len(gated.gates) <= 3


# --- the line tests of ``_kinds``: prose, office lines, note types


#: CJK, Latin-1 and other characters beyond ASCII, for the CJK count's screen.
WIDE_CHARACTERS = "今天我很高兴地宣布アメリカ総局한국어éüñ’“”—·\u00a0\u1100\u3041\u30a1"

#: Note types of our own that end as an index line does (`` Index``), the longest listed.
INDEX_NOTE_TYPES = ("Harbor Grants Programme Weekly Index", "Harbor Index")

KIND_LINES = (
    *LINES,
    *INDEX_NOTE_TYPES,
    "今天,我很高兴地宣布" * 5, "今天" * 20 + "a", "今天" * 21, "é" * 41 + "今" * 40,
    "今" * 41, "Ä" * 60, "for the people of the region, and today’s talks went on and on",
    "U.S. Department of State Office of the Spokesperson", "u.s. department of state Bureau",
    "U.S. Department of State", "US Department of State", "United States Mission to Geneva",
    "Uruguay Election Observers", "  Office of the Spokesperson  ", "Bureau of Public Affairs",
    "Office of the Spokesman For Immediate Release", "Oficina del Portavoz",
    "Daily Press Briefing | U.S. Department of State", "DAILY PRESS BRIEFING - Harbor",
    "Daily Press Briefing", "Daily Press Briefing Index", "Press Statement (Corrected)",
    "daily press briefings", "State Dept. Daily Press Briefing for April 20",
    "Department Press Briefing", "Department Press Briefing ", "Notice to the Press Index",
    "On-the-Record Briefing (Updated)", "DECLARACION CONJUNTA", "Declaración conjunta",
    "Communiqué de presse", "Gemeinsame Erklärung", "Declarações para a imprensa",
)  # fmt: skip


def _check_kind_tests(text: str) -> None:
    assert _kinds.looks_like_prose(text) is plain_kinds.looks_like_prose(text), text
    for vocabulary in (*_vocabularies(), DEFAULT_VOCABULARY.extend(note_types=INDEX_NOTE_TYPES)):
        assert _kinds.office_start(vocabulary, text) == plain_kinds.office_start(vocabulary, text)
        line = collapse(text)
        assert _kinds._holds_self_titled(vocabulary, line) is plain_kinds.holds_self_titled(
            vocabulary, line
        )
        assert _kinds.note_type_of(vocabulary, text) == plain_kinds.note_type_of(vocabulary, text)


def test_the_kind_tests_answer_as_before_on_the_lines_of_their_classes() -> None:
    for line in KIND_LINES:
        for text in (line, line.upper(), line.lower(), line + " and more words here.", line[1:]):
            _check_kind_tests(text)


@given(st.text(alphabet=st.sampled_from(LINE_CHARACTERS + WIDE_CHARACTERS), max_size=300))
def test_the_kind_tests_answer_as_before_on_any_text(text: str) -> None:
    _check_kind_tests(text)


@given(st.lists(st.sampled_from(WIDE_CHARACTERS + "a "), min_size=35, max_size=60))
def test_the_prose_test_counts_cjk_as_before_near_the_bound(characters: list[str]) -> None:
    _check_kind_tests("".join(characters))


@given(strategies.titles(), strategies.paragraphs())
def test_the_kind_tests_answer_as_before_on_titles_and_prose(title: str, prose: str) -> None:
    _check_kind_tests(title)
    _check_kind_tests(prose)
    _check_kind_tests(prose[:120])


def test_only_the_listed_characters_open_the_office_prefix() -> None:
    """``(?i)U``: no character but ``U`` and ``u`` may open ``U.S. Department of State``."""
    openers = {
        chr(point)
        for point in range(sys.maxunicode + 1)
        if _kinds._OFFICE_PREFIX.fullmatch(chr(point), partial=True) is not None
    }
    assert openers <= set(_kinds._OFFICE_PREFIX_OPENERS)
    assert "" in _kinds._OFFICE_PREFIX_OPENERS  # an empty line is still searched


# --- the runs of characters a pattern needs, one test for the patterns tried one by one

#: Small patterns of the shapes the runs are read through: groups, repeats, flags,
#: alternations, anchors, lookarounds.
SHAPED_PATTERNS = (
    r"JOIN NOW", r".*\bJOIN NOW\b.*", r"(?i)join now", r"(?i)a-b", r"(?i:ab)c-d", r"x(?-i:ab)",
    r"(?i)x(?-i:AB)y", r"(?:ab){2}c", r"(?:ab)?cd", r"(?:ab)*cd", r"ab|cd", r"a(?:b|c)d",
    r"(?=ab)a.", r"(?<=a)b", r"a\bb", r"(?>ab)+c", r"(?:a(?:bc)+)d", r"[ab]cd", r"\d+ab",
    r"(?i)\d+\s*(?:minutes?|min)\s+read", r"x{0}ab", r"(?:xy){1,3}?z",
)  # fmt: skip


def _plain_patterns() -> list[str]:
    """Our vocabulary patterns that ``re`` reads as ``regex`` does (``from_regex`` needs ``re``)."""
    found = list(SHAPED_PATTERNS)
    for vocabulary in _vocabularies():
        for group in ("chrome", "marker", "caption", "anonymous", "trailer"):
            for pattern in getattr(vocabulary, f"{group}_set").patterns:
                if "\\p" not in pattern and "\\P" not in pattern:
                    found.append(pattern)
    return sorted(set(found))


PLAIN_PATTERNS = _plain_patterns()


@given(st.data())
def test_every_text_a_pattern_fully_matches_holds_its_run(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(PLAIN_PATTERNS))
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    if regex.fullmatch(pattern, text) is None:
        return  # read otherwise by ``regex`` (none of ours, so far)
    assert required_run(pattern) in text, (pattern, text)


def test_the_runs_of_shaped_patterns() -> None:
    runs = {pattern: required_run(pattern) for pattern in SHAPED_PATTERNS}
    assert runs[r".*\bJOIN NOW\b.*"] == "JOIN NOW"
    assert runs[r"(?i)join now"] == " "  # cased letters may match in either case
    assert runs[r"(?:ab)?cd"] == "cd"  # a group that may be skipped is needed by no match
    assert runs[r"ab|cd"] == ""  # nor is either side of an alternation
    assert runs[r"x{0}ab"] == "ab"
    assert runs[r"(?i)x(?-i:AB)y"] == "AB"


@given(
    st.lists(
        st.sampled_from(("ab", "(?i)", "c", "(?:ab)?", "(?:cd)+", "|", ".", "\\b")), max_size=6
    ),
    st.text(alphabet="abcdABCD .", max_size=12),
)
def test_a_composed_pattern_fully_matches_only_texts_holding_its_run(
    pieces: list[str], text: str
) -> None:
    pattern = "".join(pieces)
    if pattern.find("(?i)", 1) != -1:
        return  # a global flag leads a pattern or is not written
    if regex.fullmatch(pattern, text) is not None:
        assert required_run(pattern) in text, (pattern, text)


def test_the_patterns_tried_one_by_one_share_one_test_of_their_runs() -> None:
    chrome = DEFAULT_VOCABULARY.chrome_set
    assert chrome.needles is not None
    assert "JOIN NOW" in chrome.needles
    assert patternset.needles([r".*\bJOIN NOW\b.*", r".*"]) is None  # ``.*`` needs no run
    added = DEFAULT_VOCABULARY.extend(chrome_patterns=("Site map",)).chrome_set
    assert added.needles is not None
    assert "Site map" in added.needles
    assert added.fullmatches("Site map") is True
    assert added.fullmatches("Site mab") is False


# --- the chrome lines, screened by their folded opening and ending

#: Characters that fold to more than one (``ß`` to ``ss``, ``ﬁ`` to ``fi``, ``İ`` to ``i̇``)
#: or to another (``K`` the Kelvin sign to ``k``), at either end of a line.
FOLDING_CHARACTERS = "ßẞﬁﬂİŉΣσςKkSsAaΐ"
#: Chrome lines of our own that open or end with such characters.
FOLDING_CHROME_LINES = ("ßig Harbor Portal", "Harbor Maß", "ﬁle Index", "Index ﬁ", "Ka", "ß", "")


def _plain_is_chrome(vocabulary: Vocabulary, text: str) -> bool:
    """``is_chrome`` before the folded line was screened by its opening and ending."""
    line = collapse(text)
    if len(line) <= vocabulary.chrome_width and collapse(line).casefold() in vocabulary.chrome_keys:
        return True
    return _each_fullmatches(vocabulary.chrome_patterns, line)


def _chrome_vocabularies() -> list[Vocabulary]:
    return [*_vocabularies(), DEFAULT_VOCABULARY.extend(chrome_lines=FOLDING_CHROME_LINES)]


def _check_chrome(text: str) -> None:
    for vocabulary in _chrome_vocabularies():
        assert vocabulary.is_chrome(text) is _plain_is_chrome(vocabulary, text), text


def test_chrome_lines_answer_as_before_on_the_lines_of_their_classes() -> None:
    lines = [*LINES, *FOLDING_CHROME_LINES, *DEFAULT_VOCABULARY.chrome_lines[:200]]
    lines += ["SSIG HARBOR PORTAL", "ssig harbor portal", "HARBOR MASS", "FILE INDEX", "Index fi"]
    for line in lines:
        for text in (line, line.upper(), line.lower(), line.casefold(), line + ".", line[1:]):
            _check_chrome(text)


@given(
    st.sampled_from([*FOLDING_CHROME_LINES, *DEFAULT_VOCABULARY.chrome_lines]),
    st.text(alphabet=st.sampled_from(FOLDING_CHARACTERS + " x"), max_size=3),
    st.text(alphabet=st.sampled_from(FOLDING_CHARACTERS + " x"), max_size=3),
)
def test_chrome_lines_answer_as_before_with_folding_characters_at_the_ends(
    line: str, before: str, after: str
) -> None:
    _check_chrome(before + line + after)
    _check_chrome(before + line.upper() + after)
    _check_chrome(line[len(before) :] + after)


@given(st.text(alphabet=st.sampled_from(LINE_CHARACTERS + FOLDING_CHARACTERS), max_size=12))
def test_chrome_lines_answer_as_before_on_any_short_text(text: str) -> None:
    _check_chrome(text)


# --- place lines, screened before the place pattern


def _plain_is_place(vocabulary: Vocabulary, text: str) -> bool:
    """``is_place`` before the commas and digits were looked at first."""
    line = collapse(text)
    if vocabulary.is_known_place(line):
        return True
    if "," not in line:
        return False
    if _kinds._PLACE.fullmatch(line) is None or NAME_SUFFIX.search(line):
        return False
    words = line.title() if line.isupper() else line
    if "'" in words or "’" in words:
        words = _kinds._POSSESSIVE_WORD.sub("", words)
    return vocabulary.role_pattern.search(words) is None


PLACE_LINES = (
    "Washington, DC", "Washington, D.C.", "(Berlin, Germany)", "( Berlin , Germany )",
    "Harbor Hotel, Washington, D.C.", "Grand Hall, Lisbon, Estremadura, Portugal",
    "Grand Hall, Lisbon, Estremadura, Portugal, Europe", "Valletta, Malta,", "Valletta, Malta ",
    "Valletta, Malta)", "Hall 2, Lisbon", "Lisbon, Portugal 2024", "Rio de Janeiro, Brazil",
    "Senator Harbor, Leader Lisbon, Director Grand,", "Harbor Briefing, April 19, 2004",
    "Ambassador's Residence, Tokyo", "Secretary of State Washington, DC", "Howard H. Baker, Jr.",
    "VALLETTA, MALTA", "Ann Marsh, Spokesperson", "to Berlin, Germany", "Berlin, Germany’s",
)  # fmt: skip

#: Characters of place lines and of their near misses.
PLACE_CHARACTERS = "VvAaLlTtEeMmHhBbRrDdCcOoSsIiNn .,()'’-0123 "


def _check_place(text: str) -> None:
    for vocabulary in _vocabularies():
        assert _kinds.is_place(vocabulary, text) is _plain_is_place(vocabulary, text), text


def test_place_lines_answer_as_before_on_the_lines_of_their_class() -> None:
    for line in (*PLACE_LINES, *LINES):
        for text in (line, line.upper(), line + ",", line + " 1", line + ", Malta", line[1:]):
            _check_place(text)


@given(st.lists(st.sampled_from(PLACE_LINES), min_size=1, max_size=5), st.sampled_from(", ;"))
def test_place_lines_answer_as_before_when_joined(parts: list[str], joiner: str) -> None:
    _check_place(joiner.join(parts))


@given(st.text(alphabet=st.sampled_from(PLACE_CHARACTERS), max_size=40))
def test_place_lines_answer_as_before_on_any_text(text: str) -> None:
    _check_place(text)
