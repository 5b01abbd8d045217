"""Turning raw text into clean values: whitespace, invisible characters, mojibake."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

import regex

#: How many folded texts are remembered, of those that need folding (bounded, so memory
#: stays flat).
COLLAPSE_CACHE = 8192
#: Characters that take no space and carry nothing in scraped prose.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DELETE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
#: The mark opening a bullet or numbered list item (``• ``, ``5. ``, ``(a) ``).
LIST_ITEM = re.compile(r"\s*(?:[•·▪●◦*\-–]\s+|--\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+)")


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


# A UTF-8 lead byte followed by a continuation byte, both read as cp1252/latin-1:
# the shape of nearly all real mojibake ("â€™", "Ã©", "Â ").
_LEADS = "".join(_cp1252_char(b) for b in range(0xC2, 0xF5))
_CONTINUATIONS = "".join(_cp1252_char(b) for b in range(0x80, 0xC0))
# The leads are exactly U+00C2-U+00F4 (cp1252 is latin-1 there): ``regex`` scans a range
# three times faster than ``re`` scans the same set spelt out (a test checks the range).
_MOJIBAKE_HINT = regex.compile(f"[\u00c2-\u00f4][{regex.escape(_CONTINUATIONS)}]")
#: The first character of a mojibake pair.
_MOJIBAKE_LEAD = regex.compile("[\u00c2-\u00f4]")


def visible(text: str) -> str:
    """``text`` without invisible characters (the test first: ``translate`` is slow)."""
    if text.isascii():
        return text
    for mark in INVISIBLE:  # a plain loop: twice as fast as any() on this hot path
        if mark in text:
            return text.translate(_DELETE_INVISIBLE)
    return text


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing but whitespace and invisible characters."""
    first = text[:1]
    if first and not first.isspace() and first not in INVISIBLE:
        return False  # a line of text: answered by its first character
    return not visible(text).strip()


#: The text ``collapse`` returned last: folded already, so returned as it is when passed
#: again (each line test collapses the line it is given, mostly the folded line itself).
_last_folded = ""


#: An ASCII digit: for ASCII text, exactly the characters ``str.isdigit`` accepts.
ASCII_DIGIT = re.compile("[0-9]")


def has_digit(text: str) -> bool:
    """``any(char.isdigit() for char in text)``: for ASCII text, one scan in C.

    Past ASCII the same test of each character, by ``map`` in C rather than a generator
    (White House prose with curly quotes: 3.9 -> 2.4 µs a line).
    """
    if text.isascii():
        return ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


def word_count(text: str, limit: int) -> int:
    """``len(text.split())``, counted no further than ``limit + 1``.

    Compared with any bound up to ``limit``, it answers as the full count does, without
    splitting a long text (a paragraph of prose) into every one of its words.
    """
    return len(text.split(None, limit))


def collapse(text: str) -> str:
    """Drop invisible characters, fold every whitespace run (NBSP included) to one space."""
    global _last_folded
    if text is _last_folded:
        return text
    # A printable text holds no whitespace but the space and no invisible character (every
    # other whitespace character, and each of INVISIBLE, is unprintable: checked on every
    # code point): with no double, leading or trailing space it is already folded.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        folded = text
    else:
        folded = _fold(text)
    _last_folded = folded
    return folded


@lru_cache(maxsize=COLLAPSE_CACHE)
def _fold(text: str) -> str:
    """``collapse`` for a text that needs folding, cached.

    One line is collapsed by many line tests, and boilerplate lines repeat across
    releases (a hit costs a hash lookup; the string's hash is itself cached).
    """
    # Scraped prose keeps no-break spaces (``end.\u00a0 Next``) and hard wraps (a
    # paragraph's lines): as spaces, the text is often printable, holding no whitespace
    # but the space and no invisible character, and then folding its runs of spaces is the
    # whole work (a third faster than splitting it into words, which tests each character
    # for whitespace; a White House paragraph 7.4 -> 4.6 µs).
    spaced = text.replace("\u00a0", " ") if "\u00a0" in text else text
    if "\n" in spaced:
        spaced = spaced.replace("\n", " ")
    if spaced.isprintable():
        return _fold_spaces(spaced).strip(" ")
    # str.split() splits on exactly the characters ``\s`` matches (str.isspace), so this
    # equals ``re.sub(r"\s+", " ", text).strip()``, several times faster.
    return " ".join(visible(text).split())


def _fold_spaces(text: str) -> str:
    """``text`` with each run of spaces but the outer ones folded to one space.

    The same as replacing two spaces by one until none are left, in one split of the text
    (``str.replace`` on text past Latin-1 scans it twice, and the test for a pair left
    scans it a third time). The pieces between pairs hold no pair, and the piece before
    a pair never ends with a space (the pair would start there): joined by one space,
    they make a pair only where a piece after a pair is empty or opens with a space, a
    run of three spaces or more. That rare text is folded again; a leading or trailing
    space may stay, as with the loop (the caller strips them).
    """
    pieces = text.split("  ")
    if len(pieces) == 1:
        return text
    folded = " ".join(pieces)
    for piece in itertools.islice(pieces, 1, None):
        if not piece or piece[0] == " ":
            return _fold_spaces(folded)
    return folded


@lru_cache(maxsize=1)
def _ftfy_config() -> Any:
    import ftfy

    # Only undo wrong decodings: keep curly quotes, ligatures, widths and HTML as printed.
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair_mojibake(text: str) -> str:
    """Return ``text`` with mojibake (``â€™`` for ``’``) undone; unchanged if it has none.

    The repair is done by ``ftfy``, imported only when a mojibake-shaped pair of
    characters is present, so clean text costs one regular-expression scan.
    """
    # Mojibake pairs are non-ASCII characters: ASCII text needs no scan.
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    fixed: str = ftfy.fix_text(text, _ftfy_config())
    return fixed


def may_hold_mojibake(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a character that opens a mojibake pair.

    Without one, no clean value of any piece of it needs ``repair_mojibake``: collapsing
    only drops characters and turns whitespace into spaces. One scan of a page's body
    then stands for one scan of each of its paragraphs.
    """
    return not text.isascii() and _MOJIBAKE_LEAD.search(text, start, end) is not None


def clean(text: str, *, repair: bool = True) -> tuple[str, bool]:
    """Return the clean value of raw ``text`` and whether mojibake had to be repaired.

    With ``repair`` false (the text is known to hold none: ``may_hold_mojibake``), the
    value is only collapsed.
    """
    value = collapse(text)  # a one-line paragraph was collapsed by the line tests
    if not repair:
        return value, False
    repaired = repair_mojibake(value)
    return repaired, repaired != value
