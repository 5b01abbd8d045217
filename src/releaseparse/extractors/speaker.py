"""Speakers: name and role lines, ``Name, Role`` on one line, ``Secretary Colin L. Powell``."""

from __future__ import annotations

import regex

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import (
    block_kinds,
    header_lines,
    set_text_at,
    speakers_of,
    trimmed,
)
from releaseparse.extractors._kinds import KIND_ANONYMOUS, KIND_ISSUER, KIND_NAME, KIND_ROLE
from releaseparse.extractors._people import (
    Offsets,
    is_name,
    is_role,
    read_issuer,
    role_office_split,
)
from releaseparse.lines import Line
from releaseparse.records import Span, unchecked_span
from releaseparse.state import ParseState
from releaseparse.vocabulary import Vocabulary

#: ``(name span, role span or None)`` for one speaker.
Found = tuple[Span, Span | None]


def _offsets(line: Line, pair: Offsets) -> Span:
    start, end = line.start + pair[0], line.start + pair[1]
    # ``Span`` checks only ``0 <= start <= end``: asked here, it is made without its check.
    return unchecked_span(start, end) if 0 <= start <= end else Span(start, end)


def _role(state: ParseState, line: Line) -> Span:
    """The role of a role line; an office after it (``..., Bureau of ...``) sets ``office``."""
    role, office = role_office_split(state.vocabulary, line.text)
    if office is not None and not state.has("office"):
        set_text_at(state, "office", line.start + office[0], line.start + office[1], kind="office")
    span = _offsets(line, role)
    return trimmed(state.source, span.start, span.end)


#: The kinds of the lines speakers are read from.
_SPEAKER_KINDS = (KIND_ISSUER, KIND_NAME, KIND_ROLE, KIND_ANONYMOUS)


def _from_lines(state: ParseState) -> list[Found]:
    if block_kinds(state).keys().isdisjoint(_SPEAKER_KINDS):
        # ``header_lines`` gives only lines of the kinds asked for among the block's: with
        # none of them in the block (many releases) it gives nothing, and is not asked.
        return []
    lines = list(header_lines(state, *_SPEAKER_KINDS))
    if not lines:
        return []  # no speaker line (many releases): nothing below is read
    count = len(lines)
    named = [
        index
        for index, (_line, kind) in enumerate(lines)
        if kind == KIND_ISSUER
        or (kind == KIND_NAME and index + 1 < count and lines[index + 1][1] == KIND_ROLE)
    ]
    # A bare name is the speaker only when nothing else issues the release; beside a
    # speaker or an office it is a venue (``Casa Presidencial``).
    alone = not named and not state.has("office")
    found: list[Found] = []
    index = 0
    while index < count:
        line, kind = lines[index]
        following = lines[index + 1] if index + 1 < count else None
        if kind == KIND_ISSUER:
            read = read_issuer(state.vocabulary, line.text) or []
            state.claim(trimmed(state.source, line.start, line.end), "speaker")
            if (
                len(read) == 1
                and read[0][1] is not None
                and read[0][1][0] < read[0][0][0]
                and following is not None
                and following[1] == KIND_ROLE
                and following[0].number == line.number + 1
            ):
                # ``Ambassador Linda Thomas-Greenfield`` over ``U.S. Representative to
                # the United Nations``: the word before the name is a form of address,
                # the line below is the role.
                found.append((_offsets(line, read[0][0]), _role(state, following[0])))
                state.claim(trimmed(state.source, following[0].start, following[0].end), "speaker")
                index += 2
                continue
            for name, role in read:
                found.append((_offsets(line, name), None if role is None else _offsets(line, role)))
        elif (
            kind == KIND_NAME
            and not alone
            and not (following is not None and following[1] == KIND_ROLE)
        ):
            pass
        elif kind in (KIND_NAME, KIND_ANONYMOUS):
            name_span = trimmed(state.source, line.start, line.end)
            if following is not None and following[1] == KIND_ROLE:
                role_line = following[0]
                role_span = _role(state, role_line)
                if role_line.number == line.number + 1:
                    # Name and role on adjacent lines make one region.
                    state.claim(Span(name_span.start, role_span.end), "speaker")
                else:
                    state.claim(name_span, "speaker")
                    state.claim(role_span, "speaker")
                found.append((name_span, role_span))
                index += 1
            else:
                state.claim(name_span, "speaker")
                found.append((name_span, None))
        index += 1
    return found


# ``Secretary of State John Kerry: ...``, ``Statement by U.S. Ambassador John R. Bass on ...``.
_WORD = regex.compile(r"[\p{L}.'’\-]+")


#: A possessive word (``Blinken’s Call``): what follows it is a thing, not a name.
_POSSESSIVE = regex.compile(r"\p{L}['’]s\b")

#: Words that may stand between role words (``Secretary of State``, ``the U.S. Ambassador``).
_ROLE_LINKING = frozenset({"of", "Of", "State", "U.S.", "the"})


def _is_role_word(vocabulary: Vocabulary, word: str) -> bool:
    # ``word`` holds no space (``_WORD``): ``role_word_keys`` answers as ``role_pattern``.
    return word in vocabulary.role_word_keys or word in _ROLE_LINKING


def _may_be_capital(word: str) -> bool:
    r"""False only for a word no ``\p{Lu}`` could start (ASCII other than A-Z).

    Beyond ASCII the ``regex`` module's Unicode may be newer than ``str.isupper``'s.
    """
    return not word[0].isascii() or word[0].isupper()


def _from_title(state: ParseState, *, by_only: bool = False) -> list[Found]:
    """A speaker named in the title after role words or ``by``, when no line names one."""
    block = layout(state).block
    if block is None or block.title is None:
        return []
    first, last = state.lines[block.title[0]], state.lines[block.title[1] - 1]
    text = state.source[first.start : last.end]
    if by_only and "by" not in text.casefold():
        # Only a name after ``by`` is taken, and a word that folds to ``by`` leaves ``by``
        # in the folded title (``str.casefold`` folds each character on its own).
        return []
    return named_in_title(state.vocabulary, text, first.start, by_only=by_only)


def named_in_title(
    vocabulary: Vocabulary, text: str, base: int, *, by_only: bool = False
) -> list[Found]:
    """The speaker the title ``text`` names after role words or ``by``; spans from ``base``."""
    words = list(_WORD.finditer(text))
    texts = [word.group() for word in words]
    # Only a window led by role words or ``by`` can name the speaker, and a name starts
    # and ends with a capitalised word: cheap tests on each word, done once, skip the
    # windows that could never be returned before the costly ``is_name``.
    roleish = [_is_role_word(vocabulary, word) for word in texts]
    led = [False] + [roleish[i] or texts[i].casefold() == "by" for i in range(len(texts) - 1)]
    capital = [_may_be_capital(word) for word in texts]
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            if not (led[start] and capital[start] and capital[start + size - 1]):
                continue
            name = words[start : start + size]
            name_text = text[name[0].start() : name[-1].end()]
            if _POSSESSIVE.search(name_text) or not is_name(vocabulary, name_text):
                continue
            after = text[name[-1].end() : name[-1].end() + 2]
            if after.startswith(("'", "’")):
                continue
            role_words: list[regex.Match[str]] = []
            back = start - 1
            while back >= 0 and roleish[back]:
                role_words.insert(0, words[back])
                back -= 1
            name_span = Span(base + name[0].start(), base + name[-1].end())
            by = back >= 0 and texts[back].casefold() == "by"
            if by_only and not by:
                continue
            if role_words and is_role(
                vocabulary, text[role_words[0].start() : role_words[-1].end()]
            ):
                role_span = Span(base + role_words[0].start(), base + role_words[-1].end())
                return [(name_span, role_span)]
            if back >= 0 and texts[back].casefold() == "by" and back == start - 1:
                return [(name_span, None)]
    return []


def speaker(state: ParseState) -> None:
    """Set ``speakers``: every person on the header block's issuer lines, in order.

    When no line names a speaker, a person the title names after role words
    (``Secretary of State John Kerry: ...``) or after ``by`` is the speaker.
    """
    if state.has("speakers"):
        return
    # Beside an office line, a person the title names after role words is what the
    # release is about (``Deputy Secretary McKeon Travels to ...``); after ``by`` the
    # speaker still (``Remarks by Secretary of State Colin L. Powell ...``).
    found = _from_lines(state) or _from_title(state, by_only=state.has("office"))
    if not found:
        return
    speakers, parts = speakers_of(state, found)
    ends = [span.end for pair in found for span in pair if span is not None]
    starts = [span.start for pair in found for span in pair if span is not None]
    # Each span starts at or after 0 and before it ends: so does the whole.
    whole = unchecked_span(min(starts), max(ends))
    state.set("speakers", speakers, whole, parts=parts)
