"""Header lines glued together without a date: ``Press Statement Hillary Rodham Clinton``.

Pages rendered from inline markup print two header lines as one: a note type and the
speaker (``STATEMENT BY RICHARD BOUCHER, SPOKESMAN``), a role and the place
(``Secretary of State Washington, DC``). Such a line is read only when every word of it
is one of those parts and it holds at least two of them.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from releaseparse.extractors._delivery import (
    FORMULA_INITIALS,
    FORUM_INITIALS,
    read_delivery,
    read_forum_line,
)
from releaseparse.extractors._flat import _leading_note_type, _place_suffix, _strip
from releaseparse.extractors._people import Offsets, is_name, is_role_line, read_issuer
from releaseparse.text import has_digit
from releaseparse.vocabulary import Vocabulary

#: Glued header lines are short.
MAX_GLUED_LENGTH = 120
#: What a delivery line or its wrapped end may open with, but whitespace.
_DELIVERY_INITIALS = FORMULA_INITIALS | FORUM_INITIALS
#: Between a note type and its speaker: ``STATEMENT BY ...``, ``Testimony: ...``.
_BY = regex.compile(r"(?i)(?:by\s+|:\s*)")


class GluedHeader(NamedTuple):
    """The parts of a glued header line, as offsets into the line."""

    note_type: tuple[int, int, str] | None
    speakers: list[tuple[Offsets, Offsets | None]]
    #: A role printed with no name on the line (its name is on the line above).
    role: Offsets | None
    place: Offsets | None
    #: The forum of a delivery line (``to the Permanent Council``).
    venue: Offsets | None = None
    #: A known office opening the line (``Bureau du porte-parole Ned Price``).
    office: Offsets | None = None


def _people(
    vocabulary: Vocabulary, text: str, span: Offsets
) -> tuple[list[tuple[Offsets, Offsets | None]], Offsets | None] | None:
    """``text[span]`` as speakers (``Name, Role`` or a bare name) or as a lone role."""
    piece = text[slice(*span)]
    upper = piece.isupper()
    if upper and len(piece.title()) == len(piece):
        # ``RICHARD BOUCHER, SPOKESMAN``: words are judged in their title case.
        piece = piece.title()
    if vocabulary.is_anonymous_speaker(piece):
        return [(span, None)], None
    read = read_issuer(vocabulary, piece)
    # Only ``Name, Role``: where ``Secretary Colin L. Powell`` would split is a guess.
    if read is not None and all(role is not None and name[1] <= role[0] for name, role in read):
        shifted = [
            (
                (name[0] + span[0], name[1] + span[0]),
                None if role is None else (role[0] + span[0], role[1] + span[0]),
            )
            for name, role in read
        ]
        if all(_is_read_name(vocabulary, piece, name, span[0]) for name, _role in shifted):
            return shifted, None
    if "," not in piece and is_name(vocabulary, piece):
        return [(span, None)], None
    if is_role_line(vocabulary, piece) and _short_role(piece):
        return [], span
    return None


#: Words after the first ``of``/``for`` of a lone role (``Secretary of State``,
#: ``Assistant Secretary for African Affairs``), at most: more is a title going on.
MAX_ROLE_TAIL = 3
_ROLE_LINK = regex.compile(r"\s(?:of|for)\s(?P<tail>.*)")


def _short_role(text: str) -> bool:
    """A role of a few words that ends with a capitalised one (``Secretary of State``)."""
    words = text.split()
    if not words or not words[-1][:1].isupper():
        return False
    link = _ROLE_LINK.search(text)
    return link is None or len(link["tail"].split()) <= MAX_ROLE_TAIL


#: Words before the first comma of a place glued to a role, at most (``Washington, DC``,
#: ``New York City, NY``): a longer run is a title going on (``... Visits Qatar, UAE``).
MAX_PLACE_HEAD = 3


def _short_place(text: str, place: Offsets) -> bool:
    head = text[place[0] : place[1]].split(",")[0]
    return len(head.split()) <= MAX_PLACE_HEAD


def _is_read_name(vocabulary: Vocabulary, piece: str, name: Offsets, base: int) -> bool:
    """A name read off ``Name, Role`` is a bare name (no role words put in front of it)."""
    return is_name(vocabulary, piece[name[0] - base : name[1] - base])


def _leading_office(vocabulary: Vocabulary, text: str, folded: str, start: int) -> Offsets | None:
    """A known office opening ``text`` at ``start``, more words after (``folded``: its casefold)."""
    for _office, end in vocabulary.office_openings.at(folded, start):
        if text[end : end + 1].isspace():
            return start, end
    return None


def read_glued(
    vocabulary: Vocabulary, text: str, *, office_only: bool = False
) -> GluedHeader | None:
    """Read a glued header line; ``None`` unless it is two or more header parts, nothing else.

    A delivery line (``As delivered by Ambassador Jane Doe to the Permanent Council,
    Vienna``) and its wrapped end (``to the Permanent Council, Vienna``) are read too.
    With ``office_only``, ``None`` wherever the reading would have no ``office``: the
    lines a known office opens are read no further than the office and its people.
    """
    opening = text[:1]
    spaced = opening.isspace()
    # A delivery line opens with a formula's first letter or whitespace, its wrapped end
    # (stripped) with a lower-case ``t``, ``a`` or ``b``: most lines open otherwise.
    if spaced or opening in _DELIVERY_INITIALS:
        delivery = read_delivery(vocabulary, text)
        # Neither reading has an office: a line read so is read no further either way.
        if delivery is not None:
            if office_only:
                return None
            return GluedHeader(None, delivery.speakers, None, delivery.place, delivery.venue)
        forum = read_forum_line(text)
        if forum is not None:
            return None if office_only else GluedHeader(None, [], None, forum[1], forum[0])
    if len(text) > MAX_GLUED_LENGTH or has_digit(text):
        return None
    # ``str.lstrip`` strips what ``str.isspace`` holds of: nothing, unless the text opens so.
    start = len(text) - len(text.lstrip()) if spaced else 0
    # Folded once for both lookups, each behind its one-lookup gate (``Openings.may_open``):
    # most lines (titles, site text) open with no office and no note type.
    folded = text.casefold()
    office = None
    if vocabulary.office_openings.may_open(folded, start):
        office = _leading_office(vocabulary, text, folded, start)
    if office is not None:
        people = _people(vocabulary, text, _strip(text, office[1], len(text)))
        if people is not None and people[0]:
            return GluedHeader(None, people[0], None, None, None, office)
        return None
    if office_only:
        return None  # every reading below has no office
    note = None
    if vocabulary.note_type_openings.may_open(folded, start):
        note = _leading_note_type(vocabulary, text, start)
    position = start
    if note is not None:
        position = note[1]
        by = _BY.match(text, _strip(text, position, len(text))[0])
        if by is not None:
            position = by.end()
    rest = _strip(text, position, len(text))
    if rest[1] <= rest[0]:
        return None
    suffixes = _place_suffix(vocabulary, text, *rest)
    if not suffixes and note is None:
        return None  # most lines: no place, and no note type to read the people after
    places = [place for place in suffixes if _short_place(text, place)]
    # Without a note type or a place, the people alone are one part, never two: the whole
    # rest is read as people only after a note type.
    for place in (*places, None) if note is not None else places:
        stretch = rest if place is None else _strip(text, rest[0], place[0])
        if stretch[1] <= stretch[0]:
            if note is not None and place is not None:
                return GluedHeader(note, [], None, place)
            continue
        people = _people(vocabulary, text, stretch)
        if people is None:
            continue
        speakers, role = people
        parts = (note is not None) + bool(speakers) + (role is not None) + (place is not None)
        if parts >= 2:
            return GluedHeader(note, speakers, role, place)
    return None
