"""The date and flat line tests' shortcuts answer as their plain forms, kept here."""

from __future__ import annotations

import datetime as dt
import re
import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse import dates
from releaseparse.dates import MONTHS, DateReading, read_dateline
from releaseparse.extractors import _flat
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests import plain_dates
from tests.strategies import DATE_FORMATS, clocks, render_date
from tests.strategies import dates as calendar_dates

# -- read_dateline --------------------------------------------------------------------------


def _plain_read_with_dateutil(line: str) -> DateReading | None:
    """``_read_with_dateutil`` as it was: the candidate pattern, then every word."""
    if dates._NUMERIC_CANDIDATE.fullmatch(line) is None:
        return None
    if not all(dates._is_date_word(word) for word in dates._WORD.findall(line)):
        return None
    from dateutil import parser as dateutil_parser

    try:
        first, second = (
            dateutil_parser.parse(line, default=default) for default in dates._SENTINELS
        )
    except (ValueError, OverflowError):
        return None
    if first != second or first.time() != dt.time():
        return None
    return DateReading(first.date())


def _plain_read_short_line(line: str) -> DateReading | None:
    """``_read_short_line`` as it was: every reader asked, ``_read_cjk`` on every line."""
    match = dates._DATELINE.fullmatch(line)
    if match is None:
        return dates._read_cjk(line) or _plain_read_with_dateutil(line)
    reading = plain_dates.reading(match, line)
    if reading is None:
        return None
    clock = plain_dates.time_of(match)
    if clock is not None:
        reading = reading._replace(time=clock.value, zone=clock.zone)
    return reading


def _plain_read_dateline(text: str) -> DateReading | None:
    """``read_dateline`` with no screen but the length and a digit, and no memo."""
    line = collapse(text)
    if "/" in line or "г" in line:
        line = dates._LOCAL_FORMS.sub("", line)
    if len(line) > 48 or dates._DIGIT.search(line) is None:
        return None
    return _plain_read_short_line(line)


_DATELINE_PIECES = [
    "March", "Mar.", "marzo", "de", "del", "März", "4.", "14", "14th", "1º", "1°", "2016",
    "2016.", "20 16", "Monday,", "segunda-feira", "le", "Sept", "16-Nov-2017", "2017-11-16",
    "11/16/2017", "2:46", "p.m.", "PM", "EST", "local time", "(", ")", ",", " ", "  ",
    "\u00a0", "\t", "\u200b", "年", "4月", "11日", "下午05:45", "四月", "يناير", "٢٠١٦",
    "تشرين الثاني/نوفمبر", "/", "г.", "года", "апреля", "date:", "'2023-11-13'", "'", "_",
    "–", "—", "’", "Kuala", "x", "published_time:", "13:14:57-04:00", "https://a.b/2022/08/",
    "Observer Mission", "\u212a", "ſ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DATELINE_PIECES), max_size=9).map("".join))
@example("March 14, 2016")
@example("14 de marzo de 2016, 2:46 p.m. EST")
@example("4 تشرين الثاني/نوفمبر 2019")
@example("22 апреля 2020 г.")
@example("2023年4月11日美国东部夏令时 下午05:45")
@example("2023年4月11日 'x'")  # the zone takes any character
@example("16-Nov-2017")
@example("11/16/2017")
@example("October 28, 2021.")
@example("segunda-feira, 4 de março de 2021")
@example("date: '2023-11-13'")
@example("modified_time: 2022-07-02 13:14:57-04:00")
@example("25-26 Slovenian Election Observer Mission")
@example("Monday – March 14, 2016")
def test_read_dateline_answers_as_its_plain_form(text: str) -> None:
    dates._read_short_line.cache_clear()
    assert read_dateline(text) == _plain_read_dateline(text)


@given(calendar_dates(), st.sampled_from(DATE_FORMATS), clocks(), st.booleans())
def test_generated_datelines_read_as_their_plain_form(
    value: object, style: str, clock: tuple[str, str, str], timed: bool
) -> None:
    line = render_date(value, style)  # type: ignore[arg-type]
    if timed:
        line = f"{line} {clock[0]}"
    dates._read_short_line.cache_clear()
    assert read_dateline(line) == _plain_read_dateline(line)
    assert read_dateline(line) is not None


def _characters_the_readers_take() -> list[regex.Pattern[str]]:
    """One character class for each way a dateline reader consumes a character."""
    return [
        regex.compile(r"\p{L}"),  # months, weekdays, day suffixes, de, a.m., the zone
        regex.compile(r"\d"),
        regex.compile(r"\s"),
        regex.compile(r"(?i)[a-z]"),  # _NUMERIC_CANDIDATE's letters, any case
        regex.compile(r"(?i)[\da-z.,/\- ]"),  # _NUMERIC_CANDIDATE's class whole
        regex.compile(r"(?i)[ap]|m|[A-Z]"),  # the meridiem and the zone
        regex.compile(r"[.,/:()°º\-]"),
    ]


def test_the_dateline_screen_turns_away_no_character_a_reader_takes() -> None:
    """Every code point some reader's class takes passes ``_NOT_IN_A_DATELINE``."""
    classes = _characters_the_readers_take()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if dates._NOT_IN_A_DATELINE.match(char) is None:
            continue
        assert all(taken.match(char) is None for taken in classes), hex(code)


def test_every_month_and_weekday_passes_the_dateline_screen() -> None:
    weekdays = regex.findall(r"[\p{L}\-]+", dates._WEEKDAY)
    assert "segunda-feira" in weekdays
    for word in [*MONTHS, *weekdays]:
        assert dates._NOT_IN_A_DATELINE.search(word) is None, word


def test_the_ascii_dateline_screens_read_each_ascii_character_as_theirs() -> None:
    for code in range(128):
        char = chr(code)
        for text in (char, f"{char * 4}", f"20{char}4", f"{char}2014"):
            assert (dates._ASCII_FOUR_DIGITS.search(text) is None) is (
                dates._FOUR_DIGITS.search(text) is None
            ), code
        assert (dates._ASCII_NOT_IN_A_DATELINE.match(char) is None) is (
            dates._NOT_IN_A_DATELINE.match(char) is None
        ), code


_DATEUTIL_LINES = [
    "October 28, 2021.", "16-Nov-2017", "2017-11-16", "11/16/2017", "Monday 16 Nov 2017",
    "State Department Briefing, April 19, 2004", "House Task Force on the 2028 Games.",
    "x 2017-11-16", "Nov 2017", "16th of Nov 2017", "2017 Nov", "Sept. 3rd, 2019",
]  # fmt: skip


@given(st.lists(st.sampled_from([*_DATEUTIL_LINES, " ", "x", "Nov", "16", "2017"]), max_size=4))
@example(["October 28, 2021."])
@example(["State Department Briefing, April 19, 2004"])
def test_the_dateutil_reader_answers_as_its_plain_form(pieces: list[str]) -> None:
    line = " ".join(pieces)
    assert dates._read_with_dateutil(line) == _plain_read_with_dateutil(line)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
@example("4 /x 2019 r.")
def test_no_local_form_is_ascii(line: str) -> None:
    """``read_dateline`` leaves ASCII lines to the patterns as they are."""
    assert dates._LOCAL_FORMS.sub("", line) == line


def test_the_short_line_reader_asks_the_chinese_pattern_only_of_lines_with_its_year_sign() -> None:
    for line in ("2023年4月11日", "2023 4 11", "四月 12, 2023", "2023年13月11日"):
        dates._read_short_line.cache_clear()
        assert dates._read_short_line(line) == _plain_read_short_line(line)
    assert dates._read_short_line("2023年4月11日") is not None


# -- read_flat's screen ---------------------------------------------------------------------


def _plain_may_hold_a_date(text: str) -> bool:
    """``_may_hold_a_date`` as it was: the two searches, on ASCII text as on any."""
    year = dates.ASCII_YEAR_AFTER_A_SPACE if text.isascii() else dates.YEAR_AFTER_A_SPACE
    return year.search(text) is not None and _flat._YEAR_AFTER_DAY_OR_MONTH.search(text) is not None


_FLAT_PIECES = [
    "March", "20", "2014", "20,", "2014.", "12345", "de", "4.", "Dec.", " ", "  ", ",", ", ",
    " ,", ",,", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\u00a0", "1st",
    ":", "-", "–", "(", ")", "'", "published_time:", "2025-04-29", "Washington,", "DC",
    "x2014", "1º", "1°", "x", "Q", ".", "_",
]  # fmt: skip


@given(st.lists(st.sampled_from(_FLAT_PIECES), max_size=12).map("".join))
@example("Daily Press Briefing - September 13, 2013")
@example("published_time: 2025-04-29 16:25:45-04:00")
@example("Section 12(d) of the Act (50 U.S.C. 1622(d))")
@example("On Thursday, December 18, 2025, the President signed into law:")
@example("x: 2014, x 2015")  # the second year after a letter
@example("x , 2014")
@example("x ,, 2014")
@example(", 2014")
@example(" 2014")
@example("x\x1c 2014")
@example("20 \t,\n 2014")
def test_the_flat_date_screen_answers_as_its_plain_form(text: str) -> None:
    assert _flat._may_hold_a_date(text) == _plain_may_hold_a_date(text)
    for ascii_text in (text.encode("ascii", "replace").decode(),):
        assert _flat._may_hold_a_date(ascii_text) == _plain_may_hold_a_date(ascii_text)


def test_the_flat_date_screen_reads_each_ascii_character_before_a_year_as_the_pattern() -> None:
    for code in range(128):
        for text in (f"{chr(code)} 2014", f"{chr(code)}, 2014", f"{chr(code)} , 2014"):
            assert _flat._may_hold_a_date(text) == _plain_may_hold_a_date(text), repr(text)


@given(st.lists(st.sampled_from(_FLAT_PIECES), max_size=12).map("".join))
@example("State Department Noon Briefing, April 19, 2004")
@example("Washington, DC, March 20, 2014")
def test_read_flat_answers_as_with_no_screen(text: str) -> None:
    assert _flat.read_flat(DEFAULT_VOCABULARY, text) == _flat._read_flat(DEFAULT_VOCABULARY, text)


# -- find_date ------------------------------------------------------------------------------


def _plain_find_date(text: str) -> tuple[int, int, DateReading] | None:
    """``find_date`` as it was: the date pattern searched from the start of the text."""
    if dates._DIGIT.search(text) is None:
        return None
    position = 0
    while (match := dates._DATE_IN_TEXT.search(text, position)) is not None:
        reading = plain_dates.reading(match)
        if reading is not None:
            return match.start(), match.end(), reading
        position = match.start() + 1
    return None


_TEXT_DATE_PIECES = [
    "March", "Marchx", "XMarch", "(March", "Xyzzy", "Mar.", "marzo", "septiembre.", "de",
    "del", "4.", "12º", "1°", "20", "20,", "2014", "2014.", "20145", "12014", ",", ".", " ",
    "  ", "\u00a0", "\t", "\x1c", "\u2003", "-", ":", "(", ")", "on", "Briefing", "H.R.",
    "x2014", "٢٠١٤", "1st", "\u212a",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TEXT_DATE_PIECES), max_size=14).map("".join))
@example("12º. del septiembre., del 2014")
@example("Words before 12º. del septiembre., del 2014")
@example("Xx 12º. del septiembre., del 2014")
@example("Some words 20 de marzo de 2014")
@example("XMarch 20, 2014")
@example("(March 20 , 2014")
@example("Xyzzy 20, 2013 and March 21, 2014")
@example("2013 March 21, 2014")
@example("In 2013 March 21, 2014")
@example("March 20, 2014 2015")
@example("March 20, 20145 and May 1, 2015")
@example("H.R. 1815, the Act, which amends title 38, March 20, 2014")
@example("Department Press Briefing – July 25, 2017")
@example("On Thursday, December 18, 2025, the President signed into law:")
@example("March 20,\x1c 2014")
@example("March 20,\u2003 2014")
def test_find_date_answers_as_its_plain_form(text: str) -> None:
    assert dates.find_date(text) == _plain_find_date(text)


@given(
    calendar_dates(),
    st.sampled_from(DATE_FORMATS),
    st.lists(st.sampled_from(_TEXT_DATE_PIECES), max_size=8).map("".join),
    st.lists(st.sampled_from(_TEXT_DATE_PIECES), max_size=8).map("".join),
)
def test_find_date_of_a_date_among_other_words_answers_as_its_plain_form(
    value: object, style: str, before: str, after: str
) -> None:
    text = f"{before} {render_date(value, style)}{after}"  # type: ignore[arg-type]
    assert dates.find_date(text) == _plain_find_date(text)


def test_str_split_splits_at_every_space_the_date_pattern_reads() -> None:
    """``find_date`` counts words with ``str.split``: it splits at every ``\\s``."""
    space = regex.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if space.match(char) is not None:
            assert char.isspace(), hex(code)


def test_the_ascii_year_search_takes_every_space_the_pattern_takes() -> None:
    for code in range(128):
        text = f"{chr(code)}2014"
        expected = dates.YEAR_AFTER_A_SPACE.search(text) is not None
        assert (dates.ASCII_YEAR_AFTER_A_SPACE.search(text) is not None) is expected, code


_ASCII_DATE_PIECES = [
    "March", "Mar.", "MARCH", "marzo", "Xyzzy", "XMarch", "de", "del", "DE", "4.", "4", "20",
    "20,", "2014", "2014.", "20145", "1st", "2ND", "3er", ",", ".", " ", "  ", "\t", "\n",
    "\x0b", "\x0c", "\r", "\x1c", "(", "-", "x", "a1", "on",
]  # fmt: skip


@given(
    st.builds(
        str.join,
        st.sampled_from(["", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", ", "]),
        st.lists(st.sampled_from(_ASCII_DATE_PIECES), max_size=10),
    ),
    st.integers(0, 60),
    st.integers(0, 80),
)
@example("Meeting on March 20, 2014 in Vienna", 0, 80)
@example("20 de marzo de 2014", 0, 80)
@example("4.Mar 2014", 0, 80)
@example("xMarch 20, 2014", 1, 80)
@example("XMarch 20, 2014", 1, 80)
@example("1March 20, 2014", 1, 80)
@example("March 20, 20145", 0, 80)
@example("March 20, 2014", 0, 14)
@example("March 3er, 2014", 0, 80)
@example("March\t20,\t2014", 0, 80)
@example("20\x0bde\x0cmarzo\rde\n2014", 0, 80)
def test_the_ascii_date_pattern_matches_as_the_date_pattern(
    text: str, position: int, end: int
) -> None:
    """On ASCII text ``re``'s twin finds what ``_DATE_IN_TEXT`` finds, groups and all."""
    assert text.isascii()
    expected = dates._DATE_IN_TEXT.search(text, position, end)
    found = dates._ASCII_DATE_IN_TEXT.search(text, position, end)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert found.span() == expected.span()
        assert found.groupdict() == expected.groupdict()


# -- groups read by number ------------------------------------------------------------------

_LEADING_TIME_PIECES = [
    "1:41", "11.02", "9:5", "99:99", " ", "  ", "\t", "p.m.", "a.m.", "PM", "am", "p m", "(",
    ")", "EDT", "EST", "MS.", "MR", "local time", "Local", "HARF:", "Hi", "x", "\u00a0",
]  # fmt: skip


@given(st.lists(st.sampled_from(_LEADING_TIME_PIECES), max_size=8).map("".join))
@example("1:41 p.m. EDT MS. HARF: Hi")
@example("1:41 p.m. MS. HARF: Hi")
@example("(10:02 a.m. local time) Good morning")
@example("13:41 p.m. EDT Hi")
def test_read_leading_time_answers_as_its_plain_form(text: str) -> None:
    assert dates.read_leading_time(text) == plain_dates.read_leading_time(text)


_READERS: list[tuple[re.Pattern[str] | regex.Pattern[str], dates.GroupsReader, tuple[str, ...]]] = [
    (dates._TIME_LINE, dates._TIME_LINE_TIME, dates._TIME_PARTS),
    (dates._LEADING_TIME, dates._LEADING_TIME_TIME, dates._TIME_PARTS),
    (dates._DATELINE, dates._DATELINE_TIME, dates._TIME_PARTS),
    (dates._DATELINE, dates._DATELINE_WORDS, dates._DATE_WORDS),
    (dates._DATELINE, dates._DATELINE_NUMBERS, dates._DATE_NUMBERS),
    (dates._DATE_IN_TEXT, dates._DATE_IN_TEXT_WORDS, dates._DATE_WORDS),
    (dates._ASCII_DATE_IN_TEXT, dates._ASCII_DATE_WORDS, dates._DATE_WORDS),
    (dates._PARTIAL, dates._PARTIAL_MONTHS, ("month", "month2")),
]


@given(st.lists(st.sampled_from(_DATELINE_PIECES + _LEADING_TIME_PIECES), max_size=9).map("".join))
@example("November 16, 2017 2:46 p.m. EST")
@example("14 de marzo de 2016, (2:46 p.m. EST)")
@example("11/16/2017 11:02 PM")
@example("(5:43 p.m. EST)")
def test_each_groups_reader_takes_the_groups_its_names_name(text: str) -> None:
    for pattern, read, names in _READERS:
        match = pattern.search(text)
        if match is not None:
            assert read(match.groups()) == tuple(match[name] for name in names), pattern.pattern
