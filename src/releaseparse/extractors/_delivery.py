"""A delivery line: ``As delivered by Ambassador Jane Doe to the Permanent Council, Vienna``.

Missions and speech pages print who spoke, to which forum and where as one phrase
under the title instead of separate header lines. The phrase opens with a delivery
formula (``As delivered by``, ``As prepared for delivery by``, ``Remarks as delivered
by``, ``Delivered by``); the people come next (a role may stand before the name), then
the forum after ``to``, ``at`` or ``before``, then the place after a comma. The forum
and place may wrap onto the next line, which then opens with ``to the …``.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from releaseparse.extractors._people import Offsets, read_issuer, strip_offsets
from releaseparse.vocabulary import Vocabulary

#: Delivery lines are short phrases, not sentences.
MAX_DELIVERY_LENGTH = 200
_FORMULA = regex.compile(
    r"(?i)\s*(?:as\s+(?:prepared\s+for\s+delivery|delivered|prepared)|(?:remarks|statement)\s+as"
    r"\s+(?:prepared(?:\s+for\s+delivery)?|delivered)|delivered)\s+by\s+"
)
#: What a text ``_FORMULA`` matches may open with besides whitespace: the characters the
#: pattern's case-insensitive (simple case folding: one character each) first letters
#: ``a``, ``r``, ``s`` and ``d`` match, the long s among them. Every character ``\s`` matches
#: is ``str.isspace``. A line opening with any other character has no formula.
FORMULA_INITIALS = frozenset("aArRsSdD\u017f")
#: The forum: ``to the Permanent Council``, ``at the Hyatt Regency``, ``before the ...``.
_FORUM = regex.compile(r"(?i)(?:^|\s+)(?:to|at|before)\s+(?:the\s+)?")
#: The lower-case characters ``_FORUM`` (its ``to``, ``at``, ``before``, case-insensitive)
#: may open a wrapped forum line with: a stripped text opens with no whitespace, so the
#: pattern's ``^`` branch is the one that holds, and ``read_forum_line`` asks for a
#: lower-case opening.
FORUM_INITIALS = frozenset("tab")
#: A forum or a place is a few capitalised words (``UN Security Council``, ``New York``).
MAX_FORUM_WORDS = 8
MAX_PLACE_WORDS = 4
_LINKS = frozenset({"of", "on", "for", "and", "the", "de", "du", "des", "la", "le", "in"})


class Delivery(NamedTuple):
    """The parts of a delivery line, as offsets into the line."""

    speakers: list[tuple[Offsets, Offsets | None]]
    venue: Offsets | None
    place: Offsets | None


def _capitalised(words: list[str], most: int) -> bool:
    return (
        0 < len(words) <= most
        and all(word[:1].isupper() or word[:1].isdigit() or word in _LINKS for word in words)
        and words[0][:1].isupper()
    )


def _forum_and_place(text: str, start: int, end: int) -> tuple[Offsets, Offsets | None] | None:
    """``Permanent Council, Vienna`` in ``text[start:end]``: the forum and the place."""
    stretch = strip_offsets(text, start, end, also=".")
    piece = text[slice(*stretch)]
    comma = piece.find(",")
    forum_end = stretch[1] if comma < 0 else stretch[0] + comma
    forum = strip_offsets(text, stretch[0], forum_end)
    if not _capitalised(text[slice(*forum)].split(), MAX_FORUM_WORDS):
        return None
    if comma < 0:
        return forum, None
    place = strip_offsets(text, forum_end + 1, stretch[1], also=",")
    if not all(
        _capitalised(part.split(), MAX_PLACE_WORDS) for part in text[slice(*place)].split(",")
    ):
        return None
    return forum, place


def read_forum_line(text: str) -> tuple[Offsets, Offsets | None] | None:
    """A delivery line's wrapped end: ``to the Permanent Council, Vienna``."""
    if len(text) > MAX_DELIVERY_LENGTH:
        return None
    stripped = text.lstrip()
    # A title (a capital first) or a front-matter key (``date:``) is answered here: only
    # a lower-case ``t``, ``a`` or ``b`` opens a text ``_FORUM`` matches and that is lower-case.
    if stripped[:1] not in FORUM_INITIALS:
        return None
    lead = _FORUM.match(stripped)
    if lead is None:
        return None
    start = len(text) - len(stripped) + lead.end()
    return _forum_and_place(text, start, len(text))


def read_delivery(vocabulary: Vocabulary, text: str) -> Delivery | None:
    """Read a delivery line; ``None`` unless it opens with a formula and names a speaker."""
    if len(text) > MAX_DELIVERY_LENGTH:
        return None
    opening = text[:1]
    if opening not in FORMULA_INITIALS and not opening.isspace():
        return None  # most lines: no formula can open them (``FORMULA_INITIALS``)
    formula = _FORMULA.match(text)
    if formula is None:
        return None
    venue: Offsets | None = None
    place: Offsets | None = None
    people_end = len(text)
    for forum in _FORUM.finditer(text, formula.end()):
        read = _forum_and_place(text, forum.end(), len(text))
        if read is not None:
            people_end = forum.start()
            venue, place = read
            break
    people = strip_offsets(text, formula.end(), people_end, also=",")
    if people[1] <= people[0]:
        return None
    found = read_issuer(vocabulary, text[slice(*people)])
    if found is None:
        return None
    speakers = [
        (
            (name[0] + people[0], name[1] + people[0]),
            None if role is None else (role[0] + people[0], role[1] + people[0]),
        )
        for name, role in found
    ]
    return Delivery(speakers, venue, place)
