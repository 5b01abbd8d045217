"""The screens on classify's cheap tests answer as the plain tests they stand in for."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.dates import _DIGIT as DIGIT
from releaseparse.dates import _PARTIAL as PARTIAL
from releaseparse.dates import _TIME_LINE as TIME_LINE
from releaseparse.dates import TimeReading, _month_number, read_partial_date, read_time
from releaseparse.extractors._kinds import (
    _INDEX_ENDINGS,
    _INDEX_SUFFIX,
    label_of,
    looks_like_prose,
    note_type_of,
    office_start,
)
from releaseparse.profiles.whitehouse import VOCABULARY as BARE_LABEL_VOCABULARY
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests import plain_dates, plain_kinds
from tests.strategies import clocks, paragraphs, titles

VOCABULARIES = (DEFAULT_VOCABULARY, BARE_LABEL_VOCABULARY)

# Characters the screens turn on: digits (ASCII and not), spaces of several kinds, the
# marks the patterns read, and letters of note types, labels and months.
_PIECES = st.sampled_from(
    [
        " ", "  ", "\t", "\u00a0", "\u2003", "\u200b", "\n", "(", ")", ":", ".", ",", "?",
        "!", '"', "”", "0", "1", "4", "12", "31", "٣", "²", "a.m.", "PM", "EST", "x", "X",
        "index", "Index", "INDEX", " Index", "U.S. Department of State ", "Office of the ",
        "Spokesperson", "Daily Press Briefing", "Press Statement", "Media Note", "Q", "Mr",
        "MR. LEE", "Question", "May", "Dec", "mars", "de", "the", "of", "harbor", "grants",
        "Harbor", "Grants", "élan", "Été", "年", "日本語", "[", "(Corrected)", "|", "—",
    ]
)  # fmt: skip
lines = st.one_of(
    st.text(max_size=40),
    st.lists(_PIECES, max_size=14).map("".join),
    st.lists(_PIECES, max_size=14).map(" ".join),
)


# The plain forms, as each test read before its screens.


def plain_read_time(text: str) -> TimeReading | None:
    head = text[:1]
    if head.isascii() and head != "(" and not head.isdigit() and not head.isspace():
        return None
    line = collapse(text)
    if len(line) > 30 or not line[:2].strip("(").strip()[:1].isdigit():
        return None
    match = TIME_LINE.fullmatch(line)
    if match is None or (match["meridiem"] is None and match["zone"] is None):
        return None
    return plain_dates.time_of(match)


def plain_read_partial_date(text: str) -> bool:
    line = collapse(text)
    if len(line) > 16:
        return False
    match = PARTIAL.fullmatch(line)
    return match is not None and _month_number(match["month"] or match["month2"]) is not None


def _spans(match: regex.Match[str] | None) -> tuple[tuple[int, int], dict[str, str | None]] | None:
    return None if match is None else (match.span(), match.groupdict())


# Hand-written lines of the classes the screens sort apart.
TIME_LINES = [
    "2:46 p.m. EST", "(5:43 p.m. EST)", " 11:02 PM", "\t9.15 am", "14:05 local time", "( 3:10 pm",
    "2024 Harbor Grants", "(Remarks as prepared)", "", " ", "\u00a03:00 p.m.", "٣:٤٥ pm", "Noon",
    "\u200b4:00 PM EDT", "10:30", "99:99 pm",
]  # fmt: skip
PARTIAL_LINES = [
    "3 Dec", "Dec 3", "(May 13)", "May13", "13 mai", "3\u00a0Dec", "3\tDec", "Dec. 3rd",
    "Washington, DC", "Harbor", "٣ Dec", "(12 juin)", "Noon Briefing", "3 Dec 2024", "31 Xyz",
    "Dec  3", " 3 Dec ", "June 31",
]  # fmt: skip
NOTE_LINES = [
    "Press Statement", "PRESS STATEMENT", "Daily Press Briefing Index",
    "Daily Press Briefing\tINDEX",
    "Daily Press Briefing  index", "Media Note INDEX", "Media Note Inde", "Media Note indeX",
    "Daily Press Briefing (Corrected)", "Daily Press Briefing | Harbor Department",
    "Washington, DC", "Index", " index", "Harbor Grants Index", "Press Statement x",
]  # fmt: skip
OFFICE_LINES = [
    "Office of the Spokesperson", "  Office of the Spokesperson", "\tBureau of Harbor Affairs",
    "U.S. Department of State Office of the Spokesperson",
    " u.s. department of state Bureau of Ports",
    "Bureau of Public Affairs, manages this site for the harbor", "Harbor Grants Announced",
    "", "   ", "U.S. Mission to the Harbor Union",
]  # fmt: skip
LABEL_LINES = [
    "SECRETARY LEE: Thank you.", "Question: Is it?", "Q    Mr. President, one more.",
    "Q\tAnd then?",
    "MR. LEE  The harbor", "STATEMENT ON WATER: GRANTS", "NOTE: this", "Harbor Grants Announced",
    "X: one", "Moderator: Welcome.", "QQ  two spaces", "Q  ", "A:", "Q",
]  # fmt: skip
PROSE_LINES = [
    "Secretary Lee Meets with Harbor Officials on Grants",
    "to do a quick call to preview some of the harbor grants we are going to",
    "The harbor grants were announced today by the office.",
    "one two three four five six", "one two three four five", "A B C D E F G H I J K L M",
    "the of and in on at by for to with", "Harbor grants help ports grow fast",
    "a b c d e f g h i j", "x y z W V U T S R Q", "[the harbor grants are announced today here]",
    "Press Freedom Concerns / Locust Outbreak / Harbor Election Observer Mission",
    "élan été öffnen über ändern Ort Ziel", "nota para los medios sobre el puerto y la costa",
]  # fmt: skip


@given(lines)
@example("(")
@example("")
def test_read_time_opening_screen_answers_as_the_plain_test(text: str) -> None:
    assert read_time(text) == plain_read_time(text)


@given(clocks(), st.sampled_from(["", "(", " ", "\t", "\u00a0", "\u200b"]))
def test_read_time_on_clocks(clock: tuple[str, str, str], opening: str) -> None:
    text = opening + " ".join(part for part in clock if part)
    assert read_time(text) == plain_read_time(text)


def test_read_time_on_hand_written_lines() -> None:
    for text in TIME_LINES:
        assert read_time(text) == plain_read_time(text), text
    # Every one-character opening, ASCII or not, answers as before.
    for code in range(0x3100):
        for text in (chr(code), chr(code) + "3:00 pm", chr(code) + "(3:00 pm)"):
            assert read_time(text) == plain_read_time(text), repr(text)


@given(lines)
@example("3 Dec")
def test_read_partial_date_screen_answers_as_the_plain_test(text: str) -> None:
    assert read_partial_date(text) == plain_read_partial_date(text)


@given(
    st.sampled_from(["3", "13", "٣", "3rd", "31", "9º"]),
    st.sampled_from(["Dec", "May", "mars", "Juni", "Harbor", "Dec."]),
    st.sampled_from([" ", "  ", "\t", "\u00a0", "", "\u2003"]),
    st.booleans(),
    st.booleans(),
)
def test_read_partial_date_on_days_and_months(
    day: str, month: str, space: str, day_first: bool, bracketed: bool
) -> None:
    text = f"{day}{space}{month}" if day_first else f"{month}{space}{day}"
    if bracketed:
        text = f"({text})"
    assert read_partial_date(text) == plain_read_partial_date(text)


def test_read_partial_date_on_hand_written_lines() -> None:
    for text in PARTIAL_LINES:
        assert read_partial_date(text) == plain_read_partial_date(text), text
    # The digit screen is the pattern's own ``\d``: every digit it takes still reaches it.
    for code in range(0x110000):
        char = chr(code)
        if DIGIT.fullmatch(char):
            assert read_partial_date(f"{char} Dec") == plain_read_partial_date(f"{char} Dec")


def test_index_endings_hold_every_character_the_suffix_may_end_with() -> None:
    # ``_INDEX_SUFFIX`` ends with ``index`` under ``(?i)``: every character that may end a
    # match is in ``_INDEX_ENDINGS``.
    enders = {chr(code) for code in range(0x110000) if _INDEX_SUFFIX.search(" inde" + chr(code))}
    assert enders <= _INDEX_ENDINGS


@given(lines, st.sampled_from(VOCABULARIES))
@example("Daily Press Briefing Index", DEFAULT_VOCABULARY)
def test_note_type_of_screen_answers_as_the_plain_test(text: str, vocabulary: Vocabulary) -> None:
    assert note_type_of(vocabulary, text) == plain_kinds.note_type_of(vocabulary, text)


@given(titles(), st.sampled_from(["", " Index", " INDEX", "\tindex", " (Corrected)", " | Harbor"]))
def test_note_type_of_on_titles(title: str, suffix: str) -> None:
    for vocabulary in VOCABULARIES:
        text = title + suffix
        assert note_type_of(vocabulary, text) == plain_kinds.note_type_of(vocabulary, text)


def test_note_type_of_on_hand_written_lines() -> None:
    vocabularies = (*VOCABULARIES, DEFAULT_VOCABULARY.extend(note_types=["Harbor Note"]))
    for vocabulary in vocabularies:
        for text in [*NOTE_LINES, "Harbor Note Index", "HARBOR NOTE INDEX", "harbor note"]:
            expected = plain_kinds.note_type_of(vocabulary, text)
            assert note_type_of(vocabulary, text) == expected, text
    assert note_type_of(DEFAULT_VOCABULARY, "Daily Press Briefing Index") is not None


@given(lines, st.sampled_from(VOCABULARIES))
def test_office_start_answers_as_the_plain_test(text: str, vocabulary: Vocabulary) -> None:
    assert office_start(vocabulary, text) == plain_kinds.office_start(vocabulary, text)


def test_office_start_on_hand_written_lines() -> None:
    vocabulary = DEFAULT_VOCABULARY.extend(offices=["Bureau of Harbor Affairs"])
    for text in OFFICE_LINES:
        assert office_start(vocabulary, text) == plain_kinds.office_start(vocabulary, text), text
    assert office_start(vocabulary, " U.S. Department of State Office of the Spokesperson") == 26


@given(lines, st.sampled_from(VOCABULARIES))
def test_label_of_answers_as_the_plain_test(text: str, vocabulary: Vocabulary) -> None:
    assert _spans(label_of(vocabulary, text)) == _spans(plain_kinds.label_of(vocabulary, text))


def test_label_of_on_hand_written_lines() -> None:
    for vocabulary in VOCABULARIES:
        for text in LABEL_LINES:
            expected = _spans(plain_kinds.label_of(vocabulary, text))
            assert _spans(label_of(vocabulary, text)) == expected, text
    assert label_of(BARE_LABEL_VOCABULARY, "Q    Mr. President, one more.") is not None


_PROSE_WORDS = st.sampled_from(
    ["the", "of", "harbor", "grants", "Harbor", "Grants", "a", "élan", "Été", "sobre", "“quoted",
     "x."]
)  # fmt: skip


@given(st.one_of(lines, titles(), paragraphs(), st.lists(_PROSE_WORDS, max_size=14).map(" ".join)))
def test_looks_like_prose_answers_as_the_plain_test(text: str) -> None:
    assert looks_like_prose(text) == plain_kinds.looks_like_prose(text)


def test_looks_like_prose_on_hand_written_lines() -> None:
    for text in PROSE_LINES:
        assert looks_like_prose(text) == plain_kinds.looks_like_prose(text), text
    # Around the thresholds: each count of words, and of content words among them.
    for count in range(1, 16):
        for content in range(count + 1):
            words = ["harbor"] * content + ["Harbor"] * (count - content)
            for text in (" ".join(words), " ".join(reversed(words)), " ".join(words) + "."):
                assert looks_like_prose(text) == plain_kinds.looks_like_prose(text), text
