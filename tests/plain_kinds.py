"""The line tests of ``_kinds`` before any screen: the forms the fast-path tests compare with."""

from __future__ import annotations

import regex

from releaseparse.dates import read_dateline
from releaseparse.extractors import _kinds
from releaseparse.extractors._flat import read_flat
from releaseparse.extractors._glued import read_glued
from releaseparse.text import collapse, word_count
from releaseparse.vocabulary import Vocabulary


def looks_like_prose(text: str) -> bool:
    """``looks_like_prose`` with every word counted and every CJK character searched."""
    line = collapse(text)
    if line.startswith("["):
        return False
    if len(line) > 250:
        return True
    if not line.isascii() and len(_kinds._CJK.findall(line)) > 40:
        return True
    words = line.split()
    if len(words) < 6:
        return False
    if len(words) >= 8 and _kinds.ends_sentence(line):
        return True
    content = sum(1 for word in words if word[:1].islower() and word not in _kinds._FUNCTION_WORDS)
    return content >= 3 and content * 10 >= len(words) * 3


def office_start(vocabulary: Vocabulary, text: str) -> int | None:
    """``office_start`` with the prefix searched on every line."""
    line = text.strip()
    lead = len(text) - len(text.lstrip())
    prefix = _kinds._OFFICE_PREFIX.match(line)
    if prefix is not None:
        line = line[prefix.end() :]
        lead += prefix.end()
    if not vocabulary.is_office(line) or word_count(line, 14) > 14:
        return None
    if any(word[:1].islower() and word not in _kinds._FUNCTION_WORDS for word in line.split()) and (
        collapse(line).casefold() not in vocabulary.office_keys
    ):
        return None
    return lead


def holds_self_titled(vocabulary: Vocabulary, line: str) -> bool:
    """``_holds_self_titled``: some self-titled note type in ``line``, and more."""
    folded = line.casefold()
    return any(key in folded and len(folded) > len(key) for key in vocabulary.self_titled_keys)


def note_type_of(vocabulary: Vocabulary, text: str) -> str | None:
    """``note_type_of`` with every lookup asked."""
    line = collapse(text)
    found = vocabulary.note_type(line)
    if found is None and len(line) - len(" index") <= vocabulary.note_type_width:
        found = vocabulary.note_type(_kinds._INDEX_SUFFIX.sub("", line))
    if found is None and line.endswith(")") and len(line) <= vocabulary.note_type_width + 32:
        found = vocabulary.note_type(_kinds._QUALIFIER.sub("", line))
    if (
        found is None
        and len(line) <= _kinds.MAX_DECORATED_NOTE
        and holds_self_titled(vocabulary, line)
    ):
        start, end = vocabulary.strip_title_decorations(line)
        if (start, end) != (0, len(line)):
            found = vocabulary.note_type(line[start:end])
            if found is not None and found.casefold() not in vocabulary.self_titled_keys:
                found = None
    return found


def label_of(vocabulary: Vocabulary, text: str) -> regex.Match[str] | None:
    """``label_of`` with the vocabulary's bare labels read first."""
    bare_labels = vocabulary.bare_labels
    if ":" not in text and (not bare_labels or ("\t" not in text and "  " not in text)):
        return None
    match = _kinds._LABEL.match(text)
    if match is None:
        if not bare_labels:
            return None
        bare = _kinds._BARE_LABEL.match(text)
        if bare is not None and bare["label"] in bare_labels:
            return bare
        return None
    label = match["label"]
    rest = text[match.end() :].strip()
    if len(rest) > 3 and rest.isupper():
        return None
    if label.isupper():
        if label in _kinds.NOT_LABELS or (
            len(label.replace(".", "")) < 2 and label not in ("Q", "A")
        ):
            return None
        return match
    return match if label.casefold() in vocabulary.label_keys else None


def may_be_date_or_flat(vocabulary: Vocabulary, text: str) -> bool:
    """``_kinds.may_be_date_or_flat`` before its screen of long ASCII lines."""
    line = collapse(text)
    if read_dateline(line) is not None or _kinds.office_start(vocabulary, line) is not None:
        return True
    if _kinds.label_of(vocabulary, line) is not None or _kinds.looks_like_prose(line):
        return False
    return read_flat(vocabulary, line) is not None or read_glued(vocabulary, line) is not None
