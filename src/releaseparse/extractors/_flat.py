"""A header flattened onto one line: ``Daily Press Briefing Richard Boucher, Spokesman ...``."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import regex

from releaseparse.dates import (
    ASCII_SPACES,
    ASCII_YEAR_AFTER_A_SPACE,
    YEAR_AFTER_A_SPACE,
    DateReading,
    TimeReading,
    find_date,
    read_time,
)
from releaseparse.extractors._people import Offsets, is_role, read_issuer, strip_offsets
from releaseparse.text import collapse
from releaseparse.vocabulary import Vocabulary

#: Flattened headers are short; a long line with a date in it is prose.
MAX_FLAT_LENGTH = 220


class FlatHeader(NamedTuple):
    """The parts of a flattened header line, as offsets into the line."""

    date: tuple[int, int, DateReading]
    note_type: tuple[int, int, str] | None
    speakers: list[tuple[Offsets, Offsets | None]]
    place: Offsets | None
    venue: Offsets | None
    time: tuple[int, int, TimeReading] | None
    rest: int | None


#: A run of characters that are not ``str.isspace`` (``re``'s ``\s`` is exactly that).
_WORD = re.compile(r"\S+")


def _starts(text: str, start: int, end: int) -> list[int]:
    """Word starts in ``text[start:end]``, including starts glued to a lower-case letter.

    Each run of non-space characters starts a word (the first at ``start`` even inside
    one), and so does each capital right after a lower-case letter (``DCWashington``).
    """
    found = []
    for word in _WORD.finditer(text, start, end):
        at = word.start()
        found.append(at)
        piece = word.group()
        if len(piece) > 1 and not piece[1:].islower():  # a capital may follow inside
            found.extend(
                at + i
                for i in range(1, len(piece))
                if piece[i - 1].islower() and piece[i].isupper()
            )
    return found


def _strip(text: str, start: int, end: int) -> Offsets:
    return strip_offsets(text, start, end, also=",")


def _leading_note_type(
    vocabulary: Vocabulary, text: str, start: int
) -> tuple[int, int, str] | None:
    for note, end in vocabulary.note_type_openings.at(text.casefold(), start):
        following = text[end : end + 1]
        if not following or not following.islower():
            return start, end, note
    return None


@cache
def _last_place_part() -> regex.Pattern[str]:
    """What follows the last comma of a text of a place's shape (``_kinds._PLACE``)."""
    from releaseparse.extractors._kinds import _PLACE_PART  # _kinds imports this module

    return regex.compile(rf"\s*{_PLACE_PART}\s*\)?")


def _may_end_in_place(vocabulary: Vocabulary, text: str, start: int, end: int) -> bool:
    """``False`` only where no piece ending ``text[start:end]`` is a place (``is_place``).

    Each piece folds (``collapse``) to an end of the folded segment. A listed place is then
    an end of it; a place of the shape ``City, Region`` holds a comma, and so its last
    part, what follows its last comma, is what follows the segment's last comma. Most
    lines end in a lower-case word or a full stop, and are answered here.
    """
    start, end = _strip(text, start, end)
    folded = collapse(text[start:end])
    if folded.casefold().endswith(vocabulary.place_endings):
        return True
    comma = folded.rfind(",")
    return comma >= 0 and _last_place_part().fullmatch(folded, comma + 1) is not None


def _place_suffix(vocabulary: Vocabulary, text: str, start: int, end: int) -> list[Offsets]:
    """Places ending the segment, shortest first."""
    if not _may_end_in_place(vocabulary, text, start, end):
        return []
    return _place_suffix_read(vocabulary, text, start, end)


def _place_suffix_read(vocabulary: Vocabulary, text: str, start: int, end: int) -> list[Offsets]:
    """``_place_suffix`` with every piece read: ``_may_end_in_place`` not asked first."""
    from releaseparse.extractors._kinds import is_place, second_word_fits_a_place

    found: list[Offsets] = []
    comma = text.find(",", start, end) >= 0
    # Without a comma only a listed place can be one, and each piece folds to an end of the
    # folded segment: a segment ending in no listed place has none.
    if not comma and not collapse(text[start:end]).casefold().endswith(vocabulary.place_endings):
        return found
    shaped = comma  # whether a place's shape may still hold (it needs a comma)
    for k in reversed(_starts(text, start, end)):
        span = _strip(text, k, end)
        piece = text[slice(*span)]
        folded = collapse(piece)
        # The pieces only grow to the left, and a word after a piece's first is a whole word
        # of every longer piece: once one of them is no word of a place's shape, no longer
        # piece has the shape either. Each such word is a piece's second word once.
        shaped = shaped and second_word_fits_a_place(folded)
        if not shaped and len(folded) > vocabulary.place_width:
            break  # and the listed places, with or without a comma, are all shorter
        # ``Antony J. Blinken, Secretary of State`` has the shape of a place, not the words.
        if span[1] > span[0] and is_place(vocabulary, piece) and not is_role(vocabulary, piece):
            found.append(span)
    return found


#: Words of a city printed before a date (``Vienna``, ``Buenos Aires``, ``WASHINGTON``).
MAX_BARE_PLACE_WORDS = 3


def _bare_place(vocabulary: Vocabulary, text: str, span: Offsets, date_start: int) -> bool:
    """``text[span]`` is a city set off from the date by a comma: a few capitalised words."""
    if "," not in text[span[1] : date_start]:
        return False
    words = text[slice(*span)].split()
    return (
        0 < len(words) <= MAX_BARE_PLACE_WORDS
        and all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words)
        and not is_role(vocabulary, text[slice(*span)])
        and not any(word.title() in vocabulary.non_name_keys for word in words)
    )


def _issuer(
    vocabulary: Vocabulary, text: str, span: Offsets
) -> list[tuple[Offsets, Offsets | None]] | None:
    """The speakers of ``text[span]`` read as an issuer, as offsets into ``text``."""
    read = read_issuer(vocabulary, text[slice(*span)])
    if read is None:
        return None
    return [
        (
            (name[0] + span[0], name[1] + span[0]),
            None if role is None else (role[0] + span[0], role[1] + span[0]),
        )
        for name, role in read
    ]


#: Before the spaces and comma ahead of the year stands the day (a digit, or the end of
#: ``1st``, ``1º``, ``1°``) or the month (a letter, or the full stop of ``Dec.``).
_YEAR_AFTER_DAY_OR_MONTH = regex.compile(r"[\p{L}\d.°]\s*,?\s+\d{4}(?!\d)")


def _may_hold_a_date(text: str) -> bool:
    """``False`` only where ``find_date`` finds no date in ``text``.

    Most lines hold no year after a space, and a search for one is several times cheaper
    than the date pattern's; the lines that do are mostly timestamps (``published_time:
    2025-04-29``), turned away by the longer search.
    """
    if not text.isascii():
        return (
            YEAR_AFTER_A_SPACE.search(text) is not None
            and _YEAR_AFTER_DAY_OR_MONTH.search(text) is not None
        )
    # Each year after a space in turn (the next one is searched for after this one's
    # digits, where ``finditer`` would search): most lines have none.
    year = ASCII_YEAR_AFTER_A_SPACE.search(text)
    while year is not None:
        if _day_or_month_before(text, year.start()):
            return True
        year = ASCII_YEAR_AFTER_A_SPACE.search(text, year.end())
    return False


def _day_or_month_before(text: str, space: int) -> bool:
    r"""Whether ``_YEAR_AFTER_DAY_OR_MONTH`` ends at the year after ``text[space]`` (ASCII).

    Read backwards from the year, the pattern's ``\s*,?\s+`` takes the run of spaces
    before the year (one at least: ``text[space]``), then a comma and the run of spaces
    before it, if there is a comma: no other split of the run reaches another character
    (the character the class asks for is no space and no comma). On ASCII text the class
    ``[\p{L}\d.°]`` is the ASCII letters and digits and the full stop. Every year after a
    space ``ASCII_YEAR_AFTER_A_SPACE`` finds is asked (a run of spaces before a year matches
    it once, at the space next to the year); the search of the regular expression scanned
    the line trying its class at every letter.
    """
    at = len(text[:space].rstrip(ASCII_SPACES))
    if at and text[at - 1] == ",":
        at = len(text[: at - 1].rstrip(ASCII_SPACES))
    if not at:
        return False
    before = text[at - 1]
    return before.isalnum() or before == "."


def read_flat(vocabulary: Vocabulary, text: str) -> FlatHeader | None:
    """Read a flattened header line; ``None`` unless at least two header parts are in it."""
    if len(text) > MAX_FLAT_LENGTH or not _may_hold_a_date(text):
        return None
    return _read_flat(vocabulary, text)


def _read_flat(vocabulary: Vocabulary, text: str) -> FlatHeader | None:
    """``read_flat`` with the date looked for on every line, with no screen first."""
    if len(text) > MAX_FLAT_LENGTH:
        return None
    found = find_date(text)
    if found is None:
        return None
    date_start, date_end, _reading = found
    start = len(text) - len(text.lstrip())
    note = _leading_note_type(vocabulary, text, start)
    position = note[1] if note is not None else start
    speakers: list[tuple[Offsets, Offsets | None]] = []
    place: Offsets | None = None
    venue: Offsets | None = None
    before = _strip(text, position, date_start)
    if before[1] > before[0]:
        for candidate in _place_suffix(vocabulary, text, *before):
            issuer = _strip(text, before[0], candidate[0])
            if issuer[1] <= issuer[0]:
                place = candidate
                break
            read = _issuer(vocabulary, text, issuer)
            if read is not None:
                place, speakers = candidate, read
                break
        else:
            # No place: the whole stretch before the date is the issuer, or a city the
            # vocabulary does not list, set off by a comma (``Vienna, March 20, 2014``).
            read = _issuer(vocabulary, text, before)
            if read is not None:
                speakers = read
            elif _bare_place(vocabulary, text, before, date_start):
                place = before
            else:
                return None
    rest: int | None = None
    time: tuple[int, int, TimeReading] | None = None
    after = _strip(text, date_end, len(text))
    clock = read_time(text[slice(*after)]) if after[1] > after[0] else None
    if clock is not None:
        time = (*after, clock)
    elif after[1] > after[0]:
        places = _place_suffix(vocabulary, text, *after)
        if place is None and places:
            place = places[0]
            if places[0][0] > after[0]:
                venue = _strip(text, after[0], places[0][0])
        else:
            rest = after[0]
    parts = sum(part is not None for part in (note, place, venue)) + bool(speakers)
    # A place and the date alone make a dateline (``Washington, DC, March 20, 2014``).
    dateline = place is not None and parts == 1 and rest is None and time is None
    if (parts < 2 and not dateline) or (rest is not None and not collapse(text[rest:])):
        return None
    return FlatHeader(found, note, speakers, place, venue, time, rest)
