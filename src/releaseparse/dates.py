"""Reading datelines (``November 16, 2017``, ``02/03/2025 11:02 PM EST``) and time lines."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex

from releaseparse.text import collapse

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # Spanish, French, Italian, Portuguese and German: republications and translations
    # print the month's full name (abbreviations clash between languages and are left out).
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12,
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
    # Arabic (Egyptian and Gulf usage), seen on embassy pages.
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Russian, genitive as dates print them (``22 апреля 2020 г.``) and nominative.
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    # Chinese month names (``四月 12, 2023``).
    "一月": 1, "二月": 2, "三月": 3, "四月": 4, "五月": 5, "六月": 6, "七月": 7, "八月": 8,
    "九月": 9, "十月": 10, "十一月": 11, "十二月": 12,
}  # fmt: skip

_ENGLISH_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
_WEEKDAY = (
    rf"(?:{_ENGLISH_WEEKDAY}(?:day)?"
    # Spanish, French, Italian, Portuguese, German
    r"|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|domenica"
    r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\.?,?\s+"
)
_MONTH = r"\p{L}{2,10}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º|°)?"
#: What stands between day, month and year in Spanish and Portuguese (``4 de marzo de 2021``)
#: and after a German day (``4. März 2021``).
_DE = r"(?:\.?\s+(?:de|del)\s+|\.\s*|\s+)"
_DE_YEAR = r"(?:,?\s+(?:de|del)\s+|,?\s+)"
_YEAR = r"\d{4}"

_DATE = rf"""
    (?:(?:le|el|il|am|em)\s+)?(?:{_WEEKDAY})?
    (?:
        (?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*,?\s+(?P<year>{_YEAR})
      | (?P<day2>{_DAY}){_DE}(?P<month2>{_MONTH}){_DE_YEAR}(?P<year2>{_YEAR})
      | (?P<nmonth>\d{{1,2}})/(?P<nday>\d{{1,2}})/(?P<nyear>{_YEAR})
    )
"""
# A clock time with an optional zone as printed: ``2:46 p.m. EST``, ``11:02 PM EST``.
_TIME = r"""
    (?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*
    (?P<meridiem>[ap]\.?\s?m\b\.?)?
    (?:\s*(?P<zone>[A-Z]{2,5}\b|local\s+time\b|local\b))?
"""
_DATELINE = regex.compile(
    rf"""(?ix)
    {_DATE}
    (?:\s*[,\s]\s*(?P<open>\()?\s*{_TIME}\s*(?(open)\)))?
    """
)
#: ``_DATELINE`` for ASCII text, where ``re`` matches it twice as fast: the same pattern
#: with ``\p{L}`` (only the month's) spelt as the ASCII letters, compiled with
#: ``re.ASCII``, under which ``\d``, ``\s`` and ``\b`` take on ASCII text what ``regex``'s
#: take (``\s`` not ``\x1c``-``\x1f``, which ``regex`` leaves out too). The groups are the
#: same, in the same order. The tests compare the two on ASCII text.
_ASCII_DATELINE = re.compile(_DATELINE.pattern.replace(r"\p{L}", "[A-Za-z]"), re.ASCII)
_DATE_IN_TEXT = regex.compile(
    rf"""(?ix)
    (?-i:(?<![\p{{Ll}}\d]))
    (?:
        (?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*,?\s+(?P<year>{_YEAR})
      | (?P<day2>{_DAY}){_DE}(?P<month2>{_MONTH}){_DE_YEAR}(?P<year2>{_YEAR})
    )
    (?!\d)
    """
)
#: ``_DATE_IN_TEXT`` for ASCII text, where ``re`` searches it twice as fast: the same
#: pattern with ``\p{L}``, ``\p{Ll}``, ``\d`` and ``\s`` spelt as the ASCII characters
#: they take, and the day's ``º`` and ``°`` (no ASCII characters) left out. The tests
#: compare the two on ASCII text.
#: The ASCII characters ``\s`` matches (the tests check each), and their class.
ASCII_SPACES = "\t\n\v\f\r "
_ASCII_SPACE = r"[\t\n\v\f\r ]"
_ASCII_MONTH = r"[A-Za-z]{2,10}\.?"
_ASCII_DAY = r"[0-9]{1,2}(?:st|nd|rd|th|er)?"
_ASCII_DE = rf"(?:\.?{_ASCII_SPACE}+(?:de|del){_ASCII_SPACE}+|\.{_ASCII_SPACE}*|{_ASCII_SPACE}+)"
_ASCII_DE_YEAR = rf"(?:,?{_ASCII_SPACE}+(?:de|del){_ASCII_SPACE}+|,?{_ASCII_SPACE}+)"
_ASCII_DATE_IN_TEXT = re.compile(
    r"(?i)(?-i:(?<![a-z0-9]))(?:"
    rf"(?P<month>{_ASCII_MONTH}){_ASCII_SPACE}+(?P<day>{_ASCII_DAY}){_ASCII_SPACE}*,?"
    rf"{_ASCII_SPACE}+(?P<year>[0-9]{{4}})"
    rf"|(?P<day2>{_ASCII_DAY}){_ASCII_DE}(?P<month2>{_ASCII_MONTH}){_ASCII_DE_YEAR}"
    r"(?P<year2>[0-9]{4})"
    r")(?![0-9])"
)
_TIME_LINE = regex.compile(rf"(?ix)(?P<open>\()?\s*{_TIME}\s*(?(open)\))")
# Chinese: ``2023年4月11日美国东部夏令时 下午05:45``.
_CJK_DATE = regex.compile(
    r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
    r"(?P<zone>[^\d上下]{0,12}?)\s*(?:(?P<half>上午|下午)\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
)
# A day and month with no year: ``3 Dec``, ``Dec 3``, ``(May 13)``.
_PARTIAL = regex.compile(
    rf"(?ix)\(?\s*(?:(?P<month>{_MONTH})\s+(?P<day>{_DAY})|(?P<day2>{_DAY})\s+(?P<month2>{_MONTH}))\s*\)?"
)


# Lines made only of numbers, month and weekday names and date punctuation, holding a
# year: the only candidates handed to dateutil (``11/16/2017``, ``2017-11-16``, ``16-Nov-2017``).
_NUMERIC_CANDIDATE = regex.compile(r"(?i)(?=.*\b(?:1[89]|2[01])\d\d\b)[\da-z.,/\- ]+")
_WORD = regex.compile(r"(?i)[a-z]+")
#: A digit as the date patterns' ``\d`` reads one.
_DIGIT = regex.compile(r"\d")
_WEEKDAY_NAMES = regex.compile(rf"(?i){_ENGLISH_WEEKDAY}(?:day)?")
_SENTINELS = (_dt.datetime(1904, 1, 1), _dt.datetime(1908, 2, 2))


class DateReading(NamedTuple):
    """A line that reads as a dateline: its date (or why it is not a calendar date), any time."""

    value: _dt.date | None
    problem: str | None = None
    time: _dt.time | None = None
    zone: str | None = None


class TimeReading(NamedTuple):
    """A clock time and its zone as printed (``EST``), if any."""

    value: _dt.time
    zone: str | None


def _clock(hour: int, minute: int, meridiem: str | None) -> _dt.time | None:
    """The time for ``hour:minute`` with an optional ``a.m.``/``p.m.``; ``None`` if impossible."""
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.casefold().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return _dt.time(hour, minute)


# Groups are read by number from one ``match.groups()`` tuple: on a ``regex`` match each
# read by name costs about five times a read by number, and a date or time reads four to
# seven. The numbers come from each pattern's own ``groupindex``.

#: The groups of a clock time, in the order ``_time_of`` takes them.
_TIME_PARTS = ("hour", "minute", "meridiem", "zone")
#: The groups of a date with a month's name, in the order ``_date_of`` takes them.
_DATE_WORDS = ("month", "day", "year", "day2", "month2", "year2")
#: The groups of a numeric date (``11/16/2017``), month, day and year.
_DATE_NUMBERS = ("nmonth", "nday", "nyear")

GroupsReader = Callable[[Sequence[str | None]], tuple[str | None, ...]]


def groups_reader(
    pattern: re.Pattern[str] | regex.Pattern[str], names: Sequence[str]
) -> GroupsReader:
    """What takes ``names``' groups of ``pattern``, in that order, from ``match.groups()``."""
    return itemgetter(*(pattern.groupindex[name] - 1 for name in names))


def _time_of(parts: Sequence[str | None]) -> TimeReading | None:
    """The time for the groups ``_TIME_PARTS``; ``None`` without an hour or if impossible."""
    hour, minute, meridiem, zone = parts
    if hour is None or minute is None:
        return None
    value = _clock(int(hour), int(minute), meridiem)
    if value is None:
        return None
    return TimeReading(value, collapse(zone) if zone else None)


#: The openings (a line's first character, or ``""``) that ``read_time`` rejects before
#: folding: the empty text, and every ASCII character but ``(``, a digit and whitespace.
#: Built with the very tests it stands for (``isascii``, ``isdigit``, ``isspace``).
_NOT_A_TIME_OPENING = frozenset(
    head
    for head in ["", *map(chr, range(128))]
    if head.isascii() and head != "(" and not head.isdigit() and not head.isspace()
)


def read_time(text: str) -> TimeReading | None:
    """Read a whole line as a time line (``2:46 p.m. EST``, ``(5:43 p.m. EST)``)."""
    # Folded, a time line opens with a digit or "(". Folding drops only whitespace and
    # invisible characters (none is ASCII but whitespace): any other ASCII character
    # opening the line opens the folded line too, and answers before any folding. One set
    # lookup (``_NOT_A_TIME_OPENING``) asks what the four string tests ask.
    if text[:1] in _NOT_A_TIME_OPENING:
        return None
    line = collapse(text)
    if len(line) > 30 or not line[:2].strip("(").strip()[:1].isdigit():
        return None
    match = _TIME_LINE.fullmatch(line)
    if match is None:
        return None
    parts = _TIME_LINE_TIME(match.groups())
    if parts[2] is None and parts[3] is None:  # neither meridiem nor zone
        return None
    return _time_of(parts)


#: Time zones printed after a clock time that opens a paragraph (``1:41 p.m. EDT MS. HARF:``).
_ZONES = frozenset(
    (
        "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "GMT",
        "UTC", "BST", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST", "AEST", "AEDT",
    )
)  # fmt: skip
_LEADING_TIME = regex.compile(
    r"(?ix)\(?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<meridiem>[ap]\.?\s?m\b\.?)"
    r"(?:\s*(?P<zone>[A-Z]{2,5}\b|local\s+time\b))?\s*\)?(?=\s+\S)"
)


#: The groups each pattern is read by (``groups_reader``).
_TIME_LINE_TIME = groups_reader(_TIME_LINE, _TIME_PARTS)
_LEADING_TIME_TIME = groups_reader(_LEADING_TIME, _TIME_PARTS)
_DATELINE_TIME = groups_reader(_DATELINE, _TIME_PARTS)
_DATELINE_WORDS = groups_reader(_DATELINE, _DATE_WORDS)
_DATELINE_NUMBERS = groups_reader(_DATELINE, _DATE_NUMBERS)
_DATE_IN_TEXT_WORDS = groups_reader(_DATE_IN_TEXT, _DATE_WORDS)
_ASCII_DATE_WORDS = groups_reader(_ASCII_DATE_IN_TEXT, _DATE_WORDS)
_PARTIAL_MONTHS = groups_reader(_PARTIAL, ("month", "month2"))


def read_leading_time(text: str) -> tuple[int, TimeReading] | None:
    """A clock time opening ``text`` before more words (``1:41 p.m. EDT MS. HARF: Hi``).

    Only a time with ``a.m.``/``p.m.`` counts, and a zone only when it is a known one (a
    speaker's ``MS.`` is none); the end offset of the time and its reading.
    """
    match = _LEADING_TIME.match(text)
    if match is None:
        return None
    parts = _LEADING_TIME_TIME(match.groups())
    zone = parts[3]
    end = match.end()
    if zone is not None and zone.upper() not in _ZONES and not zone.lower().startswith("local"):
        end = match.start("zone")
    reading = _time_of(parts)
    if reading is None:
        return None
    if end != match.end():
        reading = TimeReading(reading.value, None)
    return len(text[:end].rstrip()), reading


def read_partial_date(text: str) -> bool:
    """Whether a whole line is a day and month with no year (``3 Dec``, ``(May 13)``)."""
    line = collapse(text)
    # Both forms put ``\s+`` between day and month, and hold a digit (``\d`` of the day).
    # A folded line's only ``\s`` character is the space (``\s`` takes only what
    # ``str.isspace`` takes, and folding turns each such run into one space): a line with
    # no space, or no digit as the pattern reads one, is none, and is not matched.
    if len(line) > 16 or " " not in line or _DIGIT.search(line) is None:
        return False
    match = _PARTIAL.fullmatch(line)
    if match is None:
        return False
    month, month2 = _PARTIAL_MONTHS(match.groups())
    return _month_number(month or month2) is not None  # type: ignore[arg-type]  # one matched


#: Every date ``_DATE_IN_TEXT`` matches ends in a year of four digits after a space (both
#: forms end ``\s+(?P<year>\d{4})(?!\d)``): ``March 20, 2014``, ``20 de marzo de 2014``.
YEAR_AFTER_A_SPACE = regex.compile(r"\s\d{4}(?!\d)")
#: The same on ASCII text, where ``re`` searches faster (``ASCII_SPACES`` are ``\s``'s).
ASCII_YEAR_AFTER_A_SPACE = re.compile(rf"{_ASCII_SPACE}[0-9]{{4}}(?![0-9])")


def find_date(text: str) -> tuple[int, int, DateReading] | None:
    r"""The first month-name date inside ``text``: its offsets and reading.

    What searching ``_DATE_IN_TEXT`` from the start of ``text``, and again one start
    further on after each match whose month is no month, finds; but searched only near
    each year. Every match ends in a year after a space, and holds four digits in a row
    only there (a day has two at most, and a space, a full stop or a suffix follows
    it): a match starting before a year's digits ends at that year, and no match
    starts within them (the look-behind refuses a start after a digit, and no day is
    followed by one). Before its year a match holds at most four words (``20 de marzo
    de``, ``March 20 ,``; its first may be the end of a word, ``(March``), split by
    ``\s``, which ``str.split`` splits at too. So the matches ending at each year in
    turn start after the digits of the year before, and no earlier than the fourth word
    before the year; each year's are searched for there, the search cut at the year's
    end (where ``(?!\d)`` sees the end of the text as it sees the character after the
    year, no digit), not at every letter of the line.
    """
    years: re.Pattern[str] | regex.Pattern[str] = YEAR_AFTER_A_SPACE
    dates: re.Pattern[str] | regex.Pattern[str] = _DATE_IN_TEXT
    date_words = _DATE_IN_TEXT_WORDS
    if text.isascii():
        years, dates, date_words = ASCII_YEAR_AFTER_A_SPACE, _ASCII_DATE_IN_TEXT, _ASCII_DATE_WORDS
    after_last_year = 0
    for year in years.finditer(text):
        digits, end = year.start() + 1, year.end()
        words = text[after_last_year:digits].rsplit(None, 4)
        position = after_last_year + (len(words[0]) if len(words) == 5 else 0)
        while (match := dates.search(text, position, end)) is not None:
            reading = _reading(match, date_words)
            if reading is not None:
                return match.start(), match.end(), reading
            position = match.start() + 1
        after_last_year = digits
    return None


def _reading(
    match: regex.Match[str] | re.Match[str],
    words: GroupsReader,
    numbers: GroupsReader | None = None,
    line: str | None = None,
) -> DateReading | None:
    """The reading for a match of a date pattern; ``None`` when the month is no month.

    ``words`` takes the pattern's groups ``_DATE_WORDS`` from ``match.groups()``,
    ``numbers`` its ``_DATE_NUMBERS`` where it has a numeric form.
    """
    groups = match.groups()
    numeric = numbers(groups) if numbers is not None else None
    if numeric is not None and numeric[2]:
        month, day, year = map(int, numeric)  # type: ignore[arg-type]  # all three matched
    else:
        month_name, day_text, year_text, day2, month2, year2 = words(groups)
        found = _month_number(month_name or month2)  # type: ignore[arg-type]  # one matched
        if found is None:
            return None
        month = found
        day = int((day_text or day2).rstrip("stndrhe°º"))  # type: ignore[union-attr]
        year = int(year_text or year2)  # type: ignore[arg-type]
    try:
        value = _dt.date(year, month, day)
    except ValueError as error:
        shown = line if line is not None else match.group()
        return DateReading(None, f"{shown!r} is not a calendar date ({error})")
    return DateReading(value)


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").casefold())


#: Forms around a month that the date patterns read in their plain form: the Levantine
#: Arabic month before its Egyptian name (``4 تشرين الثاني/نوفمبر 2019``) and the
#: Russian year word (``22 апреля 2020 г.``).
_LOCAL_FORMS = regex.compile(
    r"(?:كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني"
    r"|كانون الأول)\s?/\s?(?=\p{L})|(?<=\d{4})\s?(?:г\.|года)$"
)


#: Four digits in a row, as the date patterns' ``\d{4}`` reads them: the year every form of
#: a dateline holds (``_DATELINE``'s ``_YEAR``, ``_CJK_DATE``'s year, and the year
#: ``_NUMERIC_CANDIDATE`` looks ahead for, two ASCII digits and two more).
_FOUR_DIGITS = regex.compile(r"\d{4}")
#: A character none of the dateline readers takes, but in ``_CJK_DATE``'s time zone (a line
#: holding ``年``). ``_DATELINE`` reads letters (month, weekday, day suffix, ``de``,
#: ``a.m.``, the zone), ``\d``, ``\s``, ``.,/:()`` and ``°``; ``_NUMERIC_CANDIDATE``
#: reads ``[\da-z.,/\- ]`` (its letters, any case, are letters) and ``segunda-feira``
#: holds the ``-``. A line holding any other character (``date: '2023-11-13'``,
#: ``source_url: https://…``, an en dash) is no dateline.
_NOT_IN_A_DATELINE = regex.compile(r"[^\p{L}\d\s.,/:()°\-]")
#: The two on ASCII text, where ``re`` searches faster: there ``\p{L}`` is the ASCII
#: letters, ``\d`` the ASCII digits and ``\s`` these spaces (the tests check each
#: character).
_ASCII_FOUR_DIGITS = re.compile(r"[0-9][0-9][0-9][0-9]")
_ASCII_NOT_IN_A_DATELINE = re.compile(r"[^A-Za-z0-9\t\n\v\f\r .,/:()\-]")


#: The longest folded line read as a dateline (after the local forms are cut out).
MAX_DATELINE = 48


def read_dateline(text: str) -> DateReading | None:
    """Read a whole line as a dateline; ``None`` if the line is not one.

    A line shaped like a date whose parts do not make a calendar day
    (``November 31, 2017``) gives a reading with no value and the problem.
    Nothing is ever filled in from today's date.
    """
    line = collapse(text)
    if line.isascii():
        # Every local form holds an Arabic month or ``г``, none of them ASCII (nor is
        # ``年``): an ASCII line holds none, and a long one is turned away at once.
        if (
            len(line) > MAX_DATELINE
            or _ASCII_FOUR_DIGITS.search(line) is None
            or _ASCII_NOT_IN_A_DATELINE.search(line) is not None
        ):
            return None
        return _read_short_line(line)
    if "/" in line or "г" in line:  # every local form holds one or the other
        line = _LOCAL_FORMS.sub("", line)
    if len(line) > MAX_DATELINE or _FOUR_DIGITS.search(line) is None:  # every form holds a year
        return None
    if "年" not in line and _NOT_IN_A_DATELINE.search(line) is not None:
        return None
    return _read_short_line(line)


#: Short lines with a digit whose readings ``_read_short_line`` remembers.
DATELINE_MEMO = 1024


# One parse reads its dateline twice (for the line's kind, then in the ``date`` step):
# the patterns run once. A reading is immutable, so sharing one is safe.
@lru_cache(maxsize=DATELINE_MEMO)
def _read_short_line(line: str) -> DateReading | None:
    """``read_dateline`` of a folded line of at most ``MAX_DATELINE`` characters, with a year."""
    match = (_ASCII_DATELINE if line.isascii() else _DATELINE).fullmatch(line)
    if match is None:
        # ``_CJK_DATE`` reads only lines holding ``年``.
        return (_read_cjk(line) if "年" in line else None) or _read_with_dateutil(line)
    reading = _reading(match, _DATELINE_WORDS, _DATELINE_NUMBERS, line)
    if reading is None:
        return None
    clock = _time_of(_DATELINE_TIME(match.groups()))
    if clock is not None:
        reading = reading._replace(time=clock.value, zone=clock.zone)
    return reading


def _read_cjk(line: str) -> DateReading | None:
    match = _CJK_DATE.fullmatch(line)
    if match is None:
        return None
    try:
        value = _dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError as error:
        return DateReading(None, f"{line!r} is not a calendar date ({error})")
    clock = None
    if match["hour"] is not None:
        meridiem = "pm" if match["half"] == "下午" else "am" if match["half"] else None
        clock = _clock(int(match["hour"]), int(match["minute"]), meridiem)
    return DateReading(value, None, clock, match["zone"].strip() or None)


def _is_date_word(word: str) -> bool:
    return (
        _month_number(word) is not None
        or word.casefold() in {"st", "nd", "rd", "th"}
        or _WEEKDAY_NAMES.fullmatch(word) is not None
    )


def _read_with_dateutil(line: str) -> DateReading | None:
    """Hand a numeric-looking candidate line to dateutil, refusing partial dates.

    dateutil fills missing parts from its ``default``; parsing with two different
    defaults and comparing shows whether anything was filled in.
    """
    # Both checks must hold: the first word, most often no date word (``State
    # Department Briefing, April 19, 2004``), is asked first, alone.
    first_word = _WORD.search(line)
    if first_word is not None and not _is_date_word(first_word.group()):
        return None
    if _NUMERIC_CANDIDATE.fullmatch(line) is None:
        return None
    if not all(_is_date_word(word) for word in _WORD.findall(line)):
        return None
    from dateutil import parser as dateutil_parser

    try:
        first, second = (dateutil_parser.parse(line, default=default) for default in _SENTINELS)
    except (ValueError, OverflowError):
        return None
    if first != second or first.time() != _dt.time():
        return None
    return DateReading(first.date())
