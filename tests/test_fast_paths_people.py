"""The people tests' shortcuts answer as their plain forms: names, roles and issuer lines."""

from __future__ import annotations

import re
import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.extractors import _people
from releaseparse.extractors._people import (
    _CJK_LINE,
    _COMMA_PART,
    _GLUED,
    _HONORIFIC,
    _ISSUER_PREFIX,
    _ISSUER_PREFIX_OPENINGS,
    _NAME,
    _NAME_PARTICLES,
    _ROLE_GLUE,
    _SPLIT_WORD,
    _TITLE_WORDS,
    NAME_SUFFIX,
    _cjk_name_role,
    _ends_with_role,
    _name_comma_role,
    _read_issuer,
    _role_comma_name,
    _role_then_name,
    is_name,
    is_role,
    role_words_in,
    strip_offsets,
)
from releaseparse.text import collapse
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.strategies import titles

VOCABULARY = DEFAULT_VOCABULARY
Found = list[tuple[tuple[int, int], tuple[int, int] | None]] | None


def _is_name_plain(vocabulary: Vocabulary, text: str) -> bool:
    """``is_name`` as it was: the patterns first, then the words."""
    line = NAME_SUFFIX.sub("", collapse(text))
    if _NAME.fullmatch(line) is None or vocabulary.role_pattern.search(line) is not None:
        return False
    words = line.split()
    if any(word in vocabulary.non_name_keys or word in vocabulary.venue_keys for word in words):
        return False
    return not any(
        len(word) >= 3 and word.isupper() and word not in ("II", "III", "IV") for word in words
    )


def _is_addressed_name_plain(vocabulary: Vocabulary, text: str) -> bool:
    line = collapse(text)
    honorific = _HONORIFIC.match(line)
    return _is_name_plain(vocabulary, line[honorific.end() :] if honorific else line)


def _parts(text: str) -> list[tuple[int, int]]:
    parts = [strip_offsets(text, *match.span()) for match in _COMMA_PART.finditer(text)]
    return [part for part in parts if part[1] > part[0]]


def _name_comma_role_plain(vocabulary: Vocabulary, text: str) -> Found:
    """``_name_comma_role`` with no comma screen, reading names as ``_is_name_plain``."""
    parts = _parts(text)
    if len(parts) < 2 or not _is_addressed_name_plain(vocabulary, text[slice(*parts[0])]):
        return None
    found: list[list[tuple[int, int]]] = []
    for index, part in enumerate(parts):
        opens = _is_addressed_name_plain(vocabulary, text[slice(*part)]) and (
            index + 1 < len(parts) and is_role(vocabulary, text[slice(*parts[index + 1])])
        )
        if opens and (not found or len(found[-1]) > 1):
            found.append([part])
        elif found:
            found[-1].append(part)
        else:
            return None
    speakers: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
    for name, *role in found:
        if not role:
            return None
        role_span = (role[0][0], role[-1][1])
        if not is_role(vocabulary, text[slice(*role_span)]):
            return None
        speakers.append((name, role_span))
    return speakers


def _role_comma_name_plain(vocabulary: Vocabulary, text: str) -> Found:
    """``_role_comma_name`` with no comma screen."""
    parts = _parts(text)
    if len(parts) != 2:
        return None
    role, name = parts
    role_text = text[slice(*role)]
    if not (
        is_role(vocabulary, role_text)
        and _ends_with_role(vocabulary, role_text)
        and _is_addressed_name_plain(vocabulary, text[slice(*name)])
    ):
        return None
    return [(name, role)]


def _role_then_name_plain(vocabulary: Vocabulary, text: str) -> Found:
    """``_role_then_name`` with every split of the words tried, each test in full.

    The words are those ``str.split`` gives (``re``'s ``\\S+``, where ``regex``'s would
    keep the separators U+001C to U+001F as words).
    """
    words = list(re.finditer(r"\S+", text))
    for size in range(1, min(8, len(words) - 1)):
        role = text[words[0].start() : words[size - 1].end()]
        name = text[words[size].start() : words[-1].end()]
        if not all(word[:1].isupper() or word in _ROLE_GLUE for word in role.split()):
            return None
        if any(word in _TITLE_WORDS for word in role.split()):
            return None
        if (
            _is_name_plain(vocabulary, name)
            and is_role(vocabulary, role)
            and _ends_with_role(vocabulary, role)
        ):
            return [
                ((words[size].start(), words[-1].end()), (words[0].start(), words[size - 1].end()))
            ]
    return None


def _read_issuer_plain(vocabulary: Vocabulary, text: str) -> Found:
    """``_read_issuer`` with every form tried on every line, each in its plain form."""
    if text.isupper() and len(text.title()) == len(text):
        text = text.title()
    prefix = _ISSUER_PREFIX.match(text)
    offset = prefix.end() if prefix is not None else 0
    body = text[offset:]
    found = _name_comma_role_plain(vocabulary, body) or _role_comma_name_plain(vocabulary, body)
    if found is None and "," not in NAME_SUFFIX.sub("", body.rstrip()):
        found = _role_then_name_plain(vocabulary, body) or _cjk_name_role(vocabulary, body)
    if found is None:
        return None
    return [
        ((n[0] + offset, n[1] + offset), None if r is None else (r[0] + offset, r[1] + offset))
        for n, r in found
    ]


#: Words of issuer lines, titles and places, cut to pieces the shortcuts judge differently.
_WORDS = (
    "Secretary", "secretary", "SECRETARY", "Deputy", "Spokesperson", "Ambassador", "Envoy",
    "Special", "of", "State", "for", "to", "on", "and", "the", "de", "la", "van", "d\u200be",
    "Colin", "L.", "Powell", "Jane", "Q.", "Doe", "O’Neil", "Ana", "Cruz", "Jr.", "Sr",
    "Baker,", ",", ", Jr.", "Kerry’s", "Clinton's", "Travel", "Geneva", "Remarks", "With",
    "Address", "Economic", "Statecraft", "NATO", "II", "Embassy", "Center", "Washington",
    "DC", "President", "Donald", "J.", "Trump", "signed", "a", "National", "Security",
    "\u200b", "\t", "\u00a0", "Briefer:", "by", "BY", "Ángel", "élan", "\ua7cbolin",
    "\U0001e900dam", "SecretaryBureau", "国务卿", "布林肯", "·", "Office", "Bureau", ":",
    "2021", "(Corrected)", "ſpeakers:", "Speaker", ":", "\u2003", "\x1c",
)  # fmt: skip
_LINES = st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join)

#: Our own lines of the classes each shortcut skips or reads, and issuer lines.
_HAND_LINES = (
    "Secretary Colin L. Powell",
    "Deputy Assistant Secretary of State for Harbor Affairs Jane Q. Doe",
    "Remarks With Prime Minister Jane Doe",
    "Secretary Kerry’s Travel to Geneva",
    "SECRETARY OF STATE KERRY'S STATEMENT ON HARBOR DAY",
    "Remarks by Secretary Powell and Deputy Prime Minister Ana Cruz",
    "Secretary Clinton's Address on Economic Statecraft",
    "**ADDRESSING A HARBOR EMERGENCY:** Today, President Jane Q. Doe",
    "President Jane Q. Doe signed a National Security Presidential",
    "Deputy Secretary of State Jane Q. Doe",
    "Secretary Ana Maria Louisa Clara Hill Baker, Jr.",
    "Secretary Ana Maria Louisa Clara Hill Baker Jr.",
    "Secretary Ana de la Cruz Baker Sr",
    "Secretary Colin Powell \u200b",
    "Secretary Jane AB, Jr.",  # ``AB,`` is an acronym until the suffix is cut
    "Ana de Bea de Cai de Dee de Eve de Fay",  # eleven words, the most a name has
    "Secretary Ana de Bea de Cai de Dee de Eve de Fay",
    "Secretary \ua7cbolin Powell",  # a capital newer than Python's Unicode
    "Secretary \U0001e900dam Powell",
    "Antony J. Blinken, Secretary of State",
    "Secretario de Estado, Michael R. Pompeo",
    "JANE DOE, SECRETARY OF STATE",
    "Briefer: Jane Doe, Deputy Spokesperson",
    "ſpeaker: Jane Doe, Deputy Spokesperson",
    "\u2003 SPEAKERS : Jane Doe, Deputy Spokesperson",
    "\x1cby Jane Doe, Deputy Spokesperson",
    "安东尼·J·布林肯国务卿",
    "安东尼·J·布林肯 国务卿",
    "Los Angeles Convention Center",
    "Hyatt Regency Hotel, Washington, DC",
    "Jane Doe",
    "Jane Doe, Jr.",
    "Jane de Doe",
    "NATO Allied Commander",
    "Louis XIV II",
    "Port Security Cooperation",
    "",
    "Secretary",
)


def test_the_split_words_are_what_str_split_gives() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (re.fullmatch(r"\s", char) is not None) is char.isspace(), hex(code)
    text = "\x1c Secretary\x1dColin\u2003Powell "
    assert [match.group() for match in _SPLIT_WORD.finditer(text)] == text.split()


def _check_issuer(text: str) -> None:
    assert _read_issuer(VOCABULARY, text) == _read_issuer_plain(VOCABULARY, text)


@given(_LINES)
@example("\x1c Secretary Colin Colin")  # U+001C: str.split splits at it, regex's \\s does not
def test_issuer_lines_read_as_every_form_tried_in_full(text: str) -> None:
    _check_issuer(text)


@given(titles())
def test_titles_read_as_every_form_tried_in_full(text: str) -> None:
    _check_issuer(text)
    _check_issuer(text.upper())


def test_hand_written_issuer_lines_read_as_every_form_tried_in_full() -> None:
    for text in _HAND_LINES:
        _check_issuer(text)
        _check_issuer(text.upper())
        _check_issuer("by " + text)
        _check_issuer("\u2003BY\u00a0" + text)


@given(_LINES)
def test_comma_forms_need_a_comma(text: str) -> None:
    """``_name_comma_role`` and ``_role_comma_name`` answer ``None`` on a line with no comma."""
    for line in (text, text.replace(" , ", ", ").replace(" ", ", ", 1)):
        assert _name_comma_role(VOCABULARY, line) == _name_comma_role_plain(VOCABULARY, line)
        assert _role_comma_name(VOCABULARY, line) == _role_comma_name_plain(VOCABULARY, line)


@given(_LINES)
@example("Secretary \ua7cbolin Powell")  # ``str.isupper`` does not know this capital yet
@example("Secretary Ana Maria Louisa Clara Hill Baker, Jr.")  # the suffix cut from the name
@example("Secretary Colin Powell \u200b")  # the last word invisible
@example("Secretary Jane AB, Jr.")  # ``AB,`` is an acronym until the suffix is cut
@example("Deputy Assistant Secretary of State for Harbor Affairs Jane Q. Doe")  # 8 role words
@example("title: Secretary Colin Powell")  # done at the first word
@example("Secretary Jane AB, Jr. \u200b")  # the same, an invisible word after it
@example("Secretary Ana \u200b Colin L. Powell")  # an invisible word inside the name
@example("Secretary Ana \u200b Bea \u200b Cai Dee Eve Fay Gil")  # seven words counted
@example("Secretary Ana d\u200be la Cruz Baker Sr")
def test_role_then_name_reads_as_every_split_tried_in_full(text: str) -> None:
    """Splits before the last word no name holds are not tried: none of them leaves one."""
    assert _role_then_name(VOCABULARY, text) == _role_then_name_plain(VOCABULARY, text)


def test_hand_written_role_then_name_lines_read_as_every_split_tried() -> None:
    for text in _HAND_LINES:
        for line in (text, text.title()):
            assert _role_then_name(VOCABULARY, line) == _role_then_name_plain(VOCABULARY, line)


def test_the_chinese_form_needs_no_ascii_line_and_no_comma() -> None:
    """``_read_issuer`` asks for the Chinese form only of a line with a character past ASCII:
    the form's role is Han characters, and it holds no comma."""
    for text in ("安东尼·J·布林肯国务卿", "ABC国务卿", "国务卿 ", "安东尼，布林肯国务卿"):
        assert (_CJK_LINE.fullmatch(text) is None) == (_cjk_name_role(VOCABULARY, text) is None)
        _check_issuer(text)
        assert not any(
            _CJK_LINE.fullmatch(text[:cut] + "," + text[cut:]) for cut in range(len(text) + 1)
        )


@given(_LINES)
@example("Louis XIV II")
@example("Jane Doe, Jr.")
@example("\ua7cbolin Powell")
def test_names_read_as_the_patterns_first(text: str) -> None:
    assert is_name(VOCABULARY, text) == _is_name_plain(VOCABULARY, text)


@given(titles())
def test_titles_read_as_names_as_the_patterns_first(text: str) -> None:
    assert is_name(VOCABULARY, text) == _is_name_plain(VOCABULARY, text)


def test_hand_written_names_read_as_the_patterns_first() -> None:
    for text in _HAND_LINES:
        for line in (text, text.upper(), text.title()):
            assert is_name(VOCABULARY, line) == _is_name_plain(VOCABULARY, line)


def test_name_words_are_judged_with_the_vocabularys_own_words() -> None:
    """A vocabulary's role words and non-name words make a word no name's, in every test."""
    wardens = VOCABULARY.extend(role_words=["Warden"], non_name_words=["Harbor"])
    for text in ("Jane Warden", "Harbor Jane", "Secretary Jane Warden", "Secretary Harbor Doe"):
        assert is_name(wardens, text) == _is_name_plain(wardens, text)
        assert _role_then_name(wardens, text) == _role_then_name_plain(wardens, text)


def test_every_capital_the_name_pattern_reads_may_open_a_name_word() -> None:
    """``_may_open_name_word`` holds wherever ``\\p{Lu}`` does, past ``str.isupper`` too."""
    for code in range(0x30000):
        char = chr(code)
        if regex.match(r"\p{Lu}", char):
            assert _people._may_open_name_word(char), hex(code)
    assert all(particle[0].islower() for particle in _NAME_PARTICLES)


def _role_words_in_plain(vocabulary: Vocabulary, text: str) -> tuple[str, bool]:
    """``role_words_in`` as it was: glued words split, then ``role_pattern`` searched."""
    line = _GLUED.sub(" ", collapse(text))
    return line, vocabulary.role_pattern.search(line) is not None


#: Vocabularies whose role words try each path of ``role_words_in``: an ASCII role word
#: with no lower-case letter, and role words opening with characters ``re`` escapes.
_ROLE_VOCABULARIES = (
    VOCABULARY,
    VOCABULARY.extend(role_words=["CEO", "Harbor Warden"]),
    VOCABULARY.extend(role_words=["(Acting) Head", "[Lead]", "-Chief", "^Top", "Warden"]),
)


def _check_role_words(text: str) -> None:
    for vocabulary in _ROLE_VOCABULARIES:
        for line in (text, text.upper(), text.title()):
            _people._last_read = (None, "", "", False)
            assert role_words_in(vocabulary, line) == _role_words_in_plain(vocabulary, line)


@given(_LINES)
@example("GUATEMALA / DJIBOUTI")
@example("CEO OF THE PORT")
@example("THE (ACTING) HEAD")
@example("Deputy [Lead] of ^Top -Chief")
@example("SecretaryBureau of Ports")
@example("Vice-President_Doe")  # ``_`` is a word character to both engines
@example("\u00b2Secretary")  # a word character to ``re``, none to ``regex``: past ASCII
def test_role_words_are_found_as_by_the_pattern(text: str) -> None:
    """ASCII lines are searched by ``re`` behind a look-ahead, or not at all in capitals."""
    _check_role_words(text)


@given(titles())
def test_role_words_in_titles_are_found_as_by_the_pattern(text: str) -> None:
    _check_role_words(text)


def test_hand_written_role_words_are_found_as_by_the_pattern() -> None:
    for text in _HAND_LINES:
        _check_role_words(text)


def test_every_character_opening_an_issuer_prefix_passes_its_gate() -> None:
    """``_read_issuer`` matches ``_ISSUER_PREFIX`` only where the first character past the
    spaces is one of ``_ISSUER_PREFIX_OPENINGS``: each character read as ``b`` or ``s``
    (the pattern's words open with them), and ``str.lstrip`` strips all ``\\s`` matches."""
    opening = regex.compile(r"(?i)[bs]")
    space = regex.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        if opening.match(char):
            assert char in _ISSUER_PREFIX_OPENINGS, hex(code)
        if space.match(char):
            assert not char.strip(), hex(code)
    assert _ISSUER_PREFIX.pattern.startswith(r"(?i)\s*(?:(?:briefers?|speakers?)")
