"""Reading people on issuer lines: names, roles, ``Name, Role`` and ``Secretary Name``."""

from __future__ import annotations

import re

import regex

from releaseparse.text import collapse, has_digit, word_count
from releaseparse.vocabulary import Vocabulary, remember

# Two to six capitalised words (initials, hyphens, apostrophes; particles such as
# "de" or "van" allowed between), no digits, no commas.
#: Particles a name may hold between its capitalised words (``Juan de la Cruz``).
_NAME_PARTICLES = ("de", "da", "del", "der", "van", "von", "bin", "al", "la", "le")
_NAME = regex.compile(
    r"\p{Lu}[\p{L}.'’\-]*(?:\s+(?:(?:"
    + "|".join(_NAME_PARTICLES)
    + r")\s+)?\p{Lu}[\p{L}.'’\-]*){1,5}"
)
#: Words ``_NAME`` matches at most: six capitalised ones, a particle between any two.
_MAX_NAME_TOKENS = 11
#: A role is a title, not a sentence.
MAX_ROLE_WORDS = 16
#: A role line standing alone is short.
MAX_ROLE_LINE_WORDS = 7

# Words glued by rendering (``SecretaryBureau``): split only for recognising roles.
_GLUED = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
_COMMA_PART = regex.compile(r"[^,]+")
#: ``BRIEFER: ``, ``Speakers: `` and ``by `` (``by Rex W. Tillerson, Secretary of State``).
_ISSUER_PREFIX = regex.compile(r"(?i)\s*(?:(?:briefers?|speakers?)\s*:\s*|by\s+)")
#: The characters ``_ISSUER_PREFIX`` reads first after its spaces: ``b`` or ``s`` in any
#: case, ``ſ`` folding to ``s``.
_ISSUER_PREFIX_OPENINGS = "bBsSſ"
_ROLE_GLUE = frozenset(
    {
        "of", "for", "the", "and", "to", "on", "in", "at", "State", "U.S.", "US",
        # ``Secretario de Estado``, ``Secrétaire d'État``, ``Segretario di Stato``
        "de", "del", "d'État", "d’État", "di", "do", "da", "des", "du", "für", "y", "et", "e",
        "d'Affaires", "d’Affaires", "a.i.",
    }
)  # fmt: skip
#: Lower-case words after which a role goes on with what it is for (``... of State``).
_ROLE_LINKS = frozenset(
    {"of", "for", "to", "on", "in", "at", "and", "de", "del", "d'État", "d’État", "di", "do",
     "da", "des", "du", "für"}
)  # fmt: skip
#: Words opening an office name glued to the role (``Acting Assistant SecretaryBureau of``).
_OFFICE_HEADS = frozenset({"Bureau", "Office"})

#: ``(start, end)`` offsets into the text that was read.
Offsets = tuple[int, int]


def strip_offsets(text: str, start: int, end: int, also: str = "") -> Offsets:
    """``(start, end)`` without leading and trailing whitespace (and the characters ``also``)."""
    while start < end and (text[start].isspace() or text[start] in also):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in also):
        end -= 1
    return start, end


#: Forms of address printed before a name on issuer lines (``Ambassador Jane Doe, Under
#: Secretary ...``); the name keeps them, as the issuing sites print it.
_HONORIFIC = regex.compile(
    r"(?:Ambassador|Amb\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Senator|Sen\.|Rep\.|General|Gen\."
    r"|Admiral|Adm\.|Judge|Justice|Governor|Gov\.|Mayor|Prof\.|Professor|Rev\.|H\.E\.)\s+"
)


def is_addressed_name(vocabulary: Vocabulary, text: str) -> bool:
    """A name, perhaps after a form of address (``Ambassador Jane Doe``, ``Dr. Jane Doe``)."""
    line = collapse(text)
    honorific = _HONORIFIC.match(line)
    return is_name(vocabulary, line[honorific.end() :] if honorific else line)


#: A generational suffix after a comma is part of the name (``Howard H. Baker, Jr.``).
NAME_SUFFIX = regex.compile(r",\s*(?:Jr|Sr)\.?$")


#: Last words of a text that ``NAME_SUFFIX`` may cut a ``, Jr.`` from.
_SUFFIX_ENDS = ("Jr", "Sr", "Jr.", "Sr.")
_CAPITAL = regex.compile(r"\p{Lu}")
#: Words of three capitals or more that are no acronym in a name.
_NUMERALS = ("II", "III", "IV")


def _may_open_name_word(first: str) -> bool:
    """Whether the character ``first`` may be a capital (``_CAPITAL``), as names' words open.

    For ASCII, ``str.isupper`` answers exactly; past it, the ``regex`` module's Unicode is
    newer than Python's (capitals Python does not know yet): the pattern is asked.
    """
    return first.isupper() or (not first.isascii() and _CAPITAL.match(first) is not None)


def _may_be_name_word(vocabulary: Vocabulary, word: str) -> bool:
    """Whether ``is_name`` may hold the word ``word`` (one of its line's, collapsed).

    A necessary condition, word by word: each of ``_NAME``'s words is a particle or opens
    with a capital; the role word, the words of ``non_name_keys`` and ``venue_keys`` and
    acronyms make ``is_name`` false wherever they are (a role word alone matches
    ``role_pattern`` between the spaces around it).
    """
    if not (word in _NAME_PARTICLES or _may_open_name_word(word[0])):
        return False
    if word in vocabulary.non_name_keys or word in vocabulary.venue_keys:
        return False
    if word in vocabulary.role_word_keys:
        return False
    return not (len(word) >= 3 and word.isupper() and word not in _NUMERALS)


def is_name(vocabulary: Vocabulary, text: str) -> bool:
    """A person's name with no role word in it (``Deputy Spokesperson`` is a role)."""
    line = NAME_SUFFIX.sub("", collapse(text))
    # The words first, each by set lookups: most lines fail at one of them, before the
    # patterns. A collapsed line's only whitespace is the space, and ``\s`` matches no
    # character ``str.split`` keeps: the words are those ``_NAME`` reads, two to six
    # capitalised ones with a particle between any two.
    if "," in line or ":" in line:
        return False  # characters no word of ``_NAME`` holds, common in titles and places
    words = line.split()
    if not 2 <= len(words) <= _MAX_NAME_TOKENS:
        return False
    for word in words:
        # Acronyms (``NATO``) make a line a name of something else; initials are fine.
        if not _may_be_name_word(vocabulary, word):
            return False
    return _NAME.fullmatch(line) is not None and vocabulary.role_pattern.search(line) is None


#: The last text ``role_words_in`` read: its vocabulary, the text, its words with glued
#: ones split, and whether they hold a role word. One tuple, replaced whole.
_last_read: tuple[Vocabulary | None, str, str, bool] = (None, "", "", False)


def role_words_in(vocabulary: Vocabulary, text: str) -> tuple[str, bool]:
    """``text`` collapsed, glued words split (``SecretaryBureau``); whether it has a role word.

    The tests of one line ask this of the same text several times (the issuer forms, the
    role line): the last answer is kept.
    """
    global _last_read
    last_vocabulary, last_text, line, found = _last_read
    if last_vocabulary is vocabulary and last_text == text:
        return line, found
    line = collapse(text)
    if line.isascii():
        if line.isupper() and vocabulary.ascii_role_words_hold_lower_case:
            # No lower-case letter (``GUATEMALA / DJIBOUTI``): no glued words to split (a
            # split follows one), and no role word, the pattern matching case and all: each
            # ASCII one holds a lower-case letter, any other a character past ASCII.
            found = False
        else:
            line = _GLUED.sub(" ", line)
            found = vocabulary.ascii_role_search(line) is not None
    else:
        line = _GLUED.sub(" ", line)
        found = vocabulary.role_pattern.search(line) is not None
    _last_read = (vocabulary, text, line, found)
    return line, found


def is_role(vocabulary: Vocabulary, text: str) -> bool:
    """Whether ``text`` reads as a role (holds a role word; a title, not a sentence)."""
    line, found = role_words_in(vocabulary, text)
    if not line or word_count(line, MAX_ROLE_WORDS) > MAX_ROLE_WORDS or line.endswith("."):
        return False
    return found


def is_role_line(vocabulary: Vocabulary, text: str) -> bool:
    """A line holding only a role, perhaps followed by offices (``Spokesman, Bureau of ...``)."""
    line = collapse(text)
    if not line or "’s" in line or "'s" in line or has_digit(line):
        return False
    first, *rest = (part.strip() for part in line.split(","))
    if word_count(first, MAX_ROLE_LINE_WORDS) > MAX_ROLE_LINE_WORDS:
        return False
    if not is_role(vocabulary, first):
        return False
    if any(word[:1].islower() and word not in _ROLE_GLUE for word in first.split()):
        return False
    if not _ends_with_role(vocabulary, first):
        return False
    return all(vocabulary.is_office(part) or is_role(vocabulary, part) for part in rest if part)


def _ends_with_role(vocabulary: Vocabulary, text: str) -> bool:
    """Whether the words before ``of``/``for``/``to`` end with a role word.

    ``Special Envoy for Climate`` and ``Senior State Department Official`` do;
    the title ``Special Envoy Travel to Nairobi`` does not.
    """
    words: list[str] = []
    for word in _GLUED.sub(" ", text).split():
        if word in _ROLE_LINKS:
            break
        words.append(word)
    if words and words[-1] in _OFFICE_HEADS:
        words.pop()
    if not words:
        return False
    head = " ".join(words)
    last = words[-1]
    # ``last`` holds no space: ``role_word_keys`` answers as ``role_pattern.fullmatch``.
    return any(match.end() == len(head) for match in vocabulary.role_pattern.finditer(head)) or any(
        part in vocabulary.role_word_keys for part in last.split("-")
    )


def role_office_split(vocabulary: Vocabulary, text: str) -> tuple[Offsets, Offsets | None]:
    """Split ``Role, Bureau of ..., Office of ...`` into the role and the last office."""
    parts = [match.span() for match in _COMMA_PART.finditer(text)]
    for index, (start, _end) in enumerate(parts):
        if index and vocabulary.is_office(text[start:_end].strip()):
            role = strip_offsets(text, parts[0][0], parts[index - 1][1])
            last = strip_offsets(text, *parts[-1])
            if all(vocabulary.is_office(text[s:e].strip()) for s, e in parts[index:]):
                return role, last
            break
    return strip_offsets(text, 0, len(text)), None


#: The words ``str.split`` splits a text into, with their offsets: ``re``'s ``\s`` is exactly
#: ``str.isspace`` (checked over every code point by the tests), where ``regex``'s leaves
#: out the separators U+001C to U+001F, which ``str.split`` splits at.
_SPLIT_WORD = re.compile(r"\S+")
#: Words a title prints in capitals that no role in front of a name holds.
_TITLE_WORDS = frozenset(
    {"Remarks", "Statement", "Briefing", "Readout", "Interview", "With", "After", "Before",
     "During", "Following", "At", "On", "In", "To", "From", "By", "About", "Upon", "Over",
     "Between", "Regarding", "Via", "And", "The"}
)  # fmt: skip


#: Words of a name but its particles, at most: ``_NAME``'s six and a ``Jr.`` after them.
_MAX_NAME_WORDS = 7


def _seen(word: str) -> str:
    """One word of ``str.split`` as ``collapse`` leaves it: without invisible characters."""
    return word if word.isascii() else collapse(word)


def _role_then_name(
    vocabulary: Vocabulary, text: str
) -> list[tuple[Offsets, Offsets | None]] | None:
    """``Secretary Colin L. Powell``: role words fused in front of the name."""
    # The role is a run of leading words; a role word in it is a role word of the line.
    if not role_words_in(vocabulary, text)[1]:
        return None
    # ``str.split`` splits on what ``\s`` matches: the words are the ``\S+`` runs.
    words = text.split()
    # The role is ``words[:size]``, for ``size`` from 1 while its last word may be a role's
    # (capitalised or glue, no title word): the first that is not ends the reading. Its
    # words are read first, from the start: ``title: ...`` is done at its first.
    role_sizes = 0
    for word in words[: min(8, len(words) - 1) - 1]:
        if not (word[:1].isupper() or word in _ROLE_GLUE) or word in _TITLE_WORDS:
            # ``Remarks With Prime Minister of New Zealand ...`` is a title.
            break
        role_sizes += 1
    if not role_sizes:
        return None
    # Where the name may start at the earliest, read from the end: a name has no more than
    # ``_MAX_NAME_WORDS`` words but its particles (``_NAME`` fails on more at once), and no
    # word that no name holds (``_may_be_name_word``); both hold of each shorter name too.
    # Words are judged as ``is_name`` reads them, collapsed: a word of invisible characters
    # alone is none, and ``d\u200be`` is the particle ``de``. A name is read with no
    # ``, Jr.`` after it, which changes its last words: in a text that may end so (its last
    # word ends ``Jr``, ``Sr``, ``Jr.`` or ``Sr.``, or is invisible) words are only counted.
    last_seen = _seen(words[-1])
    judged = last_seen != "" and not last_seen.endswith(_SUFFIX_ENDS)
    name_from = len(words)
    counted = 0
    while name_from > 1:
        word = _seen(words[name_from - 1])
        if word:
            counted += word not in _NAME_PARTICLES
            if counted > _MAX_NAME_WORDS or (judged and not _may_be_name_word(vocabulary, word)):
                break
        name_from -= 1
    for size in range(name_from, role_sizes + 1):
        head = _seen(words[size])
        if head and not _may_open_name_word(head[0]):
            continue  # a name opens with a capital
        # The words joined by one space: each test below reads them collapsed, or word by
        # word, so they answer as on the text's own run of them.
        role = " ".join(words[:size])
        name = " ".join(words[size:])
        # The name first: on a title going on past the role it fails at its first word.
        if (
            is_name(vocabulary, name)
            and is_role(vocabulary, role)
            and _ends_with_role(vocabulary, role)
        ):
            runs = list(_SPLIT_WORD.finditer(text))
            role_span = (runs[0].start(), runs[size - 1].end())
            return [((runs[size].start(), runs[-1].end()), role_span)]
    return None


_CJK_LINE = regex.compile(r"\s*(?P<name>[\p{Han}·・A-Z.]{2,20}?)(?P<role>[\p{Han}]{2,8})\s*")


def _cjk_name_role(
    vocabulary: Vocabulary, text: str
) -> list[tuple[Offsets, Offsets | None]] | None:
    """Chinese order, the role after the name: ``安东尼·J·布林肯国务卿``."""
    match = _CJK_LINE.fullmatch(text)
    if match is None:
        return None
    for role in sorted(vocabulary.role_words, key=len, reverse=True):
        if text.rstrip().endswith(role) and len(text.strip()) > len(role) + 1:
            end = len(text.rstrip())
            start = len(text) - len(text.lstrip())
            return [((start, end - len(role)), (end - len(role), end))]
    return None


#: Speakers read on one text: each name's offsets and its role's.
Read = list[tuple[Offsets, Offsets | None]]
#: How many texts' reads ``read_issuer`` remembers; the memo is emptied when full.
ISSUER_MEMO = 256
#: Characters of a text remembered, at most: issuer lines are short (a longer line reads
#: as prose first), and the memo should not keep a hostile page's long line alive.
ISSUER_MEMO_WIDTH = 300
#: The name of ``read_issuer``'s memo among the vocabulary's ``line_memo``s.
ISSUER_READS = "issuer"
#: What ``dict.get`` gives for a text the memo does not hold.
_UNREAD = object()


def read_issuer(vocabulary: Vocabulary, text: str) -> Read | None:
    """Read the speakers of one issuer line; the offsets of each name and role.

    Forms: ``Name, Role[, Name, Role ...]`` (roles may hold commas; a part that
    reads as a bare name followed by a role opens the next speaker),
    ``Secretary Colin L. Powell`` and ``BRIEFER: Name, Role``.

    A parse reads an issuer line twice, when classifying it and for its speakers: the
    answer is remembered (``ISSUER_MEMO`` texts, each of ``ISSUER_MEMO_WIDTH`` characters at
    most), and each caller gets a list of its own.
    """
    if len(text) > ISSUER_MEMO_WIDTH:
        return _read_issuer(vocabulary, text)
    memo = vocabulary.line_memo(ISSUER_READS)
    found = memo.get(text, _UNREAD)
    if found is _UNREAD:
        read = _read_issuer(vocabulary, text)
        found = None if read is None else tuple(read)
        remember(memo, text, found, ISSUER_MEMO)
    return None if found is None else list(found)


def _read_issuer(vocabulary: Vocabulary, text: str) -> Read | None:
    """``read_issuer`` worked out."""
    if text.isupper() and len(text.title()) == len(text):
        # ``MARCO RUBIO, SECRETARIO DE ESTADO``: words are judged in their title case.
        text = text.title()
    offset = 0
    # ``str.lstrip`` strips every character ``\s`` matches (and a few more, after which
    # the pattern fails anyway): a text whose first other character opens no prefix has
    # none. A line as classified has no space to strip: the same string, no copy.
    if text.lstrip()[:1] in _ISSUER_PREFIX_OPENINGS:
        prefix = _ISSUER_PREFIX.match(text)
        if prefix is not None:
            offset = prefix.end()
    body = text[offset:]
    found = None
    # Every form but the Chinese one holds a role word (``is_role`` of a part, or of the
    # words before the name), and a part's role word is a role word of the whole line.
    has_role = role_words_in(vocabulary, body)[1]
    if has_role:
        found = _name_comma_role(vocabulary, body) or _role_comma_name(vocabulary, body)
    if found is None and has_role and "," not in NAME_SUFFIX.sub("", body.rstrip()):
        found = _role_then_name(vocabulary, body)
    # The Chinese form holds no comma (``_CJK_LINE`` reads none), so the comma test above
    # does not change its answer; it holds two Han characters at least, none ASCII.
    if found is None and not body.isascii():
        found = _cjk_name_role(vocabulary, body)
    if found is None:
        return None
    return [
        (
            (name[0] + offset, name[1] + offset),
            None if role is None else (role[0] + offset, role[1] + offset),
        )
        for name, role in found
    ]


def _name_comma_role(
    vocabulary: Vocabulary, text: str
) -> list[tuple[Offsets, Offsets | None]] | None:
    if "," not in text:
        return None  # one part at most: the form needs a name and a role after it
    parts = [strip_offsets(text, *match.span()) for match in _COMMA_PART.finditer(text)]
    parts = [part for part in parts if part[1] > part[0]]
    if len(parts) < 2 or not is_addressed_name(vocabulary, text[slice(*parts[0])]):
        return None
    found: list[list[Offsets]] = []
    for index, part in enumerate(parts):
        opens = is_addressed_name(vocabulary, text[slice(*part)]) and (
            index + 1 < len(parts) and is_role(vocabulary, text[slice(*parts[index + 1])])
        )
        if opens and (not found or len(found[-1]) > 1):
            found.append([part])
        elif found:
            found[-1].append(part)
        else:
            return None
    speakers: list[tuple[Offsets, Offsets | None]] = []
    for name, *role in found:
        if not role:
            return None
        role_span = (role[0][0], role[-1][1])
        if not is_role(vocabulary, text[slice(*role_span)]):
            return None
        speakers.append((name, role_span))
    return speakers


def _role_comma_name(
    vocabulary: Vocabulary, text: str
) -> list[tuple[Offsets, Offsets | None]] | None:
    """``Secretario de Estado, Michael R. Pompeo``: the role first, then the name."""
    if "," not in text:
        return None  # one part at most, where the form needs two
    parts = [strip_offsets(text, *match.span()) for match in _COMMA_PART.finditer(text)]
    parts = [part for part in parts if part[1] > part[0]]
    if len(parts) != 2:
        return None
    role, name = parts
    role_text = text[slice(*role)]
    if not (
        is_role(vocabulary, role_text)
        and _ends_with_role(vocabulary, role_text)
        and is_addressed_name(vocabulary, text[slice(*name)])
    ):
        return None
    return [(name, role)]
