"""Metadata a caller knows of a release (title, date, URL): checked, read, applied to its record.

The text is read first. Where it holds a field, its value and span stand, and metadata
that disagrees is a ``<field>.metadata_differs`` warning; where it lacks the field, the
metadata fills it, with the origin ``metadata``, no span and the confidence ``sure``.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Mapping
from typing import Any

import attrs
import regex

from releaseparse.dates import MONTHS, read_dateline
from releaseparse.records import (
    FROM_METADATA,
    Confidence,
    Defect,
    Release,
    Severity,
    Span,
)
from releaseparse.text import collapse
from releaseparse.vocabulary import Vocabulary

#: The keys a metadata mapping may hold; any other is refused (it is most likely a typo).
METADATA_KEYS = ("title", "date", "url")

#: A date as ISO 8601 writes it, alone or opening a timestamp (the time and zone are not read).
_ISO_DATE = regex.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
#: The words of a written date; one must be a month's name for the date to be read.
_LETTERS = regex.compile(r"\p{L}+")
#: The Chinese form ``2021年3月4日``: year, month and day each named.
_CJK_ORDER = regex.compile(r"\d{4}\s*年")

#: Quotes and dashes that titles print in many forms, each compared as one.
_SAME_MARKS = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    }
)
_AROUND_DASH = regex.compile(r"\s*-\s*")
#: Punctuation that may close a title in one copy and not the other.
_CLOSING = " .:;,"
_QUOTES = "'\""


def check_metadata(metadata: object) -> Mapping[str, object] | None:
    """``metadata`` once its keys and the types of ``title`` and ``url`` are checked.

    ``None`` (or an empty mapping) gives ``None``. A key other than ``title``, ``date``
    and ``url`` raises ``TypeError`` naming it, and so does a ``title`` or ``url`` that
    is no ``str`` (``None``, NaN and NaT stand for no value and are allowed).
    """
    if metadata is None:
        return None
    if not isinstance(metadata, Mapping):
        raise TypeError(
            f"metadata must be a mapping with the keys title, date and url, not "
            f"{type(metadata).__name__}"
        )
    for key in metadata:
        if key not in METADATA_KEYS:
            raise TypeError(f"unknown metadata key {key!r}; the keys are title, date and url")
    for key in ("title", "url"):
        value = metadata.get(key)
        if not _missing(value) and not isinstance(value, str):
            raise TypeError(
                f"metadata {key!r} must be a str (or None), not {type(value).__name__} {value!r}"
            )
    return metadata or None


def _missing(value: object) -> bool:
    """Whether ``value`` stands for no value: ``None``, NaN, NaT or pandas' ``NA``.

    NaN and NaT are unequal to themselves; ``NA`` is neither equal nor unequal (its truth
    raises ``TypeError``).
    """
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:
        return True


def read_metadata_date(value: object) -> _dt.date | None:
    """The calendar day ``value`` gives, or ``None`` when it gives none without guessing.

    A ``datetime.date`` is its day and a ``datetime`` (a pandas ``Timestamp`` too) its
    date as it stands, without a time-zone shift. A string is read when it is an ISO 8601
    date or timestamp (``2021-03-04``, ``2021-03-04T10:00:00Z``: the date as written) or
    a date written with the month's name (``March 4, 2021``, ``4 March 2021``, read as
    datelines are). Numeric forms such as ``03/04/2021`` (March or April?) and dates
    without a year are not read.
    """
    if isinstance(value, _dt.date):
        try:
            return _dt.date(value.year, value.month, value.day)
        except (TypeError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = collapse(value)
    iso = _ISO_DATE.fullmatch(text)
    if iso is not None:
        try:
            return _dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        except ValueError:
            return None
    words = _LETTERS.findall(text)
    named = any(word.casefold() in MONTHS for word in words) or _CJK_ORDER.search(text)
    if not named:
        return None
    reading = read_dateline(text)
    return None if reading is None else reading.value


def title_key(title: str, vocabulary: Vocabulary) -> str:
    """``title`` as titles are compared: decorations cut, case, spaces, quotes, dashes folded.

    Decorations are the vocabulary's (``title_prefixes``, ``title_suffixes``: `` | U.S.
    Department of State``, ``Fwd:``); HTML entities are read (``&amp;``), and a closing
    full stop or quotes around the whole title do not count.
    """
    text = collapse(html.unescape(title))
    start, end = vocabulary.strip_title_decorations(text)
    text = text[start:end].translate(_SAME_MARKS).casefold()
    text = _AROUND_DASH.sub("-", text).strip(_CLOSING)
    while len(text) > 1 and text[0] in _QUOTES and text[-1] == text[0]:
        text = text[1:-1].strip(_CLOSING)
    return text


def apply_metadata(
    release: Release, metadata: Mapping[str, object], vocabulary: Vocabulary
) -> Release:
    """``release`` with ``metadata`` (checked by ``check_metadata``) applied.

    A field the text holds keeps its value and span; a metadata value that differs is a
    ``title.metadata_differs`` or ``date.metadata_differs`` warning on the text value's
    span. A field the text lacks takes the metadata value: its origin is ``metadata``,
    its confidence ``sure``, it has no span, and its ``<field>.missing`` defect goes. A
    date the metadata gives that cannot be read without guessing is a
    ``date.metadata_unreadable`` warning and fills nothing. ``url`` is set as given.
    """
    fill: dict[str, Any] = {}
    found: list[Defect] = []
    header = release.header
    title = _given_text(metadata.get("title"))
    if title is not None:
        if not header.title:
            fill["title"] = title
        elif title_key(header.title, vocabulary) != title_key(title, vocabulary):
            found.append(
                Defect(
                    "title.metadata_differs",
                    f"the text's title {header.title!r} differs from the metadata's {title!r};"
                    " the text's is kept",
                    Severity.WARNING,
                    release.spans.get("title", Span(0, 0)),
                )
            )
    given = metadata.get("date")
    if not _missing(given) and not (isinstance(given, str) and not given.strip()):
        day = read_metadata_date(given)
        if day is None:
            found.append(
                Defect(
                    "date.metadata_unreadable",
                    f"the metadata's date {given!r} is not read: give a datetime.date, an ISO"
                    " 8601 date (2021-03-04) or one with the month's name (March 4, 2021);"
                    " numeric forms such as 03/04/2021 are ambiguous",
                    Severity.WARNING,
                    Span(0, 0),
                )
            )
        elif header.date is None:
            fill["date"] = day
        elif header.date != day:
            found.append(
                Defect(
                    "date.metadata_differs",
                    f"the text's date {header.date.isoformat()} differs from the metadata's"
                    f" {day.isoformat()} ({given!r}); the text's is kept",
                    Severity.WARNING,
                    release.spans.get("date", Span(0, 0)),
                )
            )
    url = _given_text(metadata.get("url"))
    if not fill and not found and url is None:
        return release
    return _filled(release, fill, found, release.url if url is None else url)


def _given_text(value: object) -> str | None:
    """A metadata text collapsed as header values are; ``None`` for none or a blank one."""
    if _missing(value):
        return None
    assert isinstance(value, str)  # check_metadata saw to it
    return collapse(value) or None


def _filled(
    release: Release, fill: dict[str, Any], found: list[Defect], url: str | None
) -> Release:
    """``release`` with the header fields in ``fill`` taken from metadata and ``found`` added."""
    missing = {f"{name}.missing" for name in fill}
    spans = {key: span for key, span in release.spans.items() if key.split(".", 1)[0] not in fill}
    return attrs.evolve(
        release,
        header=attrs.evolve(release.header, **fill),
        spans=spans,
        defects=(*(d for d in release.defects if d.code not in missing), *found),
        confidence={**release.confidence, **dict.fromkeys(fill, Confidence.SURE)},
        origins={**release.origins, **dict.fromkeys(fill, FROM_METADATA)},
        url=url,
    )
