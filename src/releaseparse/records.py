"""Frozen records returned by the parser: spans, regions, defects, header, body, release."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import attrs

V = TypeVar("V")


class Severity(enum.StrEnum):
    """How bad a defect is: ``error`` defects make ``strict=True`` raise."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Confidence(enum.StrEnum):
    """How sure the parser is of a field's value: ``unsure`` < ``likely`` < ``sure``.

    A ``StrEnum``, so a level is also its text (``Confidence.SURE == "sure"``) and
    serialises as it. For the same reason ``<`` and ``>`` compare the texts, not the
    levels (``"likely" < "sure" < "unsure"``): compare levels with ``rank`` or
    ``at_least`` instead (``level.at_least(Confidence.LIKELY)``).
    """

    UNSURE = "unsure"
    LIKELY = "likely"
    SURE = "sure"

    @property
    def rank(self) -> int:
        """The level as a number that orders levels: 0 ``unsure``, 1 ``likely``, 2 ``sure``."""
        return _CONFIDENCE_RANK[self]

    def at_least(self, other: Confidence | str) -> bool:
        """Whether this level is ``other`` or surer (``other`` may be given as its text)."""
        return self.rank >= _CONFIDENCE_RANK[Confidence(other)]


_CONFIDENCE_RANK = {level: rank for rank, level in enumerate(Confidence)}


@attrs.frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Release.source``."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, source: str) -> str:
        """Return the characters of ``source`` this span covers."""
        return source[self.start : self.end]


_new_object = object.__new__
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


def unchecked_span(start: int, end: int) -> Span:
    """``Span(start, end)`` without its check, for offsets valid by construction.

    For the parser's hot paths (line spans, regions, unpickling): a third cheaper than
    the checked constructor, and one parse makes about a hundred spans. The parse state
    still checks every span an extractor gives it.
    """
    span = _new_object(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span


@attrs.frozen
class Region:
    """A run of the source with what it holds (``title``, ``body``, ``chrome``, ``blank``...)."""

    kind: str
    span: Span


_set_kind = Region.__dict__["kind"].__set__
_set_region_span = Region.__dict__["span"].__set__


def unchecked_region(kind: str, start: int, end: int, known: SpanCache | None = None) -> Region:
    """``Region(kind, Span(start, end))`` built without checks, like ``unchecked_span``.

    With ``known``, an equal span already in the record is shared, not built again:
    fewer objects for the garbage collector to walk (a paragraph's region and its
    ``body.paragraphs.N`` span are the same characters).
    """
    region = _new_object(Region)
    _set_kind(region, kind)
    span = None if known is None else known.get((start, end))
    _set_region_span(region, unchecked_span(start, end) if span is None else span)
    return region


#: Spans of a record by ``(start, end)``, for sharing equal ones.
SpanCache = dict[tuple[int, int], Span]


@attrs.frozen
class Defect:
    """Something missing, suspicious or repaired in the input, with where it was."""

    code: str
    message: str
    severity: Severity
    span: Span

    @property
    def field(self) -> str:
        """The field or area the defect is about: the first part of its dotted code."""
        return self.code.split(".", 1)[0]


@attrs.frozen
class Speaker:
    """A person on the issuer line(s): ``name`` as printed and ``role`` if one is given."""

    name: str
    role: str | None = None


@attrs.frozen
class Header:
    """The release's own header block: who issued it, what kind, where and when."""

    title: str | None = None
    category: str | None = None
    note_type: str | None = None
    office: str | None = None
    speakers: tuple[Speaker, ...] = ()
    venue: str | None = None
    place: str | None = None
    date: _dt.date | None = None
    time: _dt.time | None = None
    time_zone: str | None = None


@attrs.frozen
class Turn:
    """One turn of a transcript: the speaker label as printed and what was said.

    ``text`` holds the turn's paragraphs (joined by blank lines) without the label;
    stage notes such as ``(Laughter.)`` stay in it. ``span`` covers the raw turn,
    label included.
    """

    label: str
    text: str
    span: Span


@attrs.frozen
class Body:
    """The release's text: clean paragraphs with scrape breaks and hard wraps re-joined.

    ``turns`` is empty unless the body is a transcript (paragraphs led by a speaker
    label such as ``QUESTION:``); paragraphs before the first label belong to no turn.
    """

    paragraphs: tuple[str, ...] = ()
    turns: tuple[Turn, ...] = ()

    @property
    def text(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


class FrozenMap(Mapping[str, V]):
    """A read-only, picklable mapping: ``Release.spans``, ``extras``, ``confidence``..."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, V] | None = None) -> None:
        self._data: dict[str, V] = dict(data or {})

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __getstate__(self) -> dict[str, V]:
        return self._data

    def __setstate__(self, state: dict[str, V]) -> None:
        self._data = state


def _freeze_spans(value: Mapping[str, Span]) -> FrozenMap[Span]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _freeze_extras(value: Mapping[str, object]) -> FrozenMap[object]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


#: Where a header value came from: read from the text, or given as the caller's metadata.
FROM_TEXT = "text"
FROM_METADATA = "metadata"
ORIGINS = (FROM_TEXT, FROM_METADATA)


def _freeze_origins(value: Mapping[str, str]) -> FrozenMap[str]:
    """The origins as a ``FrozenMap``; a value not in ``ORIGINS`` raises ``ValueError``."""
    for name, origin in value.items():
        if origin not in ORIGINS:
            raise ValueError(f"the origin of {name!r} must be 'text' or 'metadata', not {origin!r}")
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _freeze_confidence(value: Mapping[str, Confidence | str]) -> FrozenMap[Confidence]:
    """The levels as a ``FrozenMap`` of ``Confidence`` (texts such as ``"sure"`` are read).

    A level that is no ``Confidence`` nor the text of one raises ``ValueError``.
    """
    if isinstance(value, FrozenMap) and all(type(level) is Confidence for level in value.values()):
        return value
    return FrozenMap({name: Confidence(level) for name, level in value.items()})


@attrs.frozen(hash=False)
class Release:
    """One parsed release: typed fields, the raw source, where each value came from, defects.

    ``confidence`` maps a field's name (``title``, ``speakers``, ``date``, ``body``, or an
    extra's) to how sure the extractor that set it is. A field that is not in it was not
    rated (a custom extractor that rates nothing, say), which says nothing of its value.

    ``origins`` maps each header field holding a value to where it came from: ``"text"``
    (read from ``source``; its span is in ``spans``) or ``"metadata"`` (given by the
    caller, ``parse(..., metadata=...)``; no span). ``url`` is the release's address
    when the caller gave one; it is never read from the text.
    """

    header: Header
    body: Body
    disclaimer: str | None
    source: str
    spans: FrozenMap[Span] = attrs.field(converter=_freeze_spans, factory=FrozenMap)
    regions: tuple[Region, ...] = ()
    defects: tuple[Defect, ...] = ()
    extras: FrozenMap[object] = attrs.field(converter=_freeze_extras, factory=FrozenMap)
    confidence: FrozenMap[Confidence] = attrs.field(converter=_freeze_confidence, factory=FrozenMap)
    origins: FrozenMap[str] = attrs.field(converter=_freeze_origins, factory=FrozenMap)
    url: str | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Compact pickling (plain tuples and ints, rebuilt by one function): records cross
        # process boundaries in parse_many, where attrs' default pickling is the cost.
        header, body = self.header, self.body
        return _release_from_parts, (
            tuple(getattr(header, name) for name in _HEADER_FIELDS[:3]),
            header.office,
            tuple((s.name, s.role) for s in header.speakers),
            (header.venue, header.place, header.date, header.time, header.time_zone),
            body.paragraphs,
            tuple((t.label, t.text, t.span.start, t.span.end) for t in body.turns),
            self.disclaimer,
            self.source,
            tuple((key, span.start, span.end) for key, span in self.spans.items()),
            tuple((r.kind, r.span.start, r.span.end) for r in self.regions),
            tuple(
                (d.code, d.message, d.severity.value, d.span.start, d.span.end)
                for d in self.defects
            ),
            dict(self.extras),
            tuple((name, level.value) for name, level in self.confidence.items()),
            tuple(self.origins.items()),
            self.url,
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of all defects, in the order they were found."""
        return tuple(defect.code for defect in self.defects)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (ISO dates); ``Release.from_dict`` gives back an equal record."""
        from releaseparse.serialize import release_to_dict

        return release_to_dict(self)

    def to_row(self) -> dict[str, Any]:
        """A flat row for tables: each header field, url, body, disclaimer, extras, defect codes.

        Columns are ``releaseparse.rows.RELEASE_COLUMNS``: speakers as ``Name (Role); Name``,
        ``body`` the paragraphs joined by blank lines, ``paragraphs`` and ``turns`` counts,
        ``extras`` a JSON object (or ``None``) and ``defects`` the codes joined by ``; ``.
        """
        from releaseparse.rows import release_row

        return release_row(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Release:
        """Rebuild a record from the output of ``to_dict``."""
        from releaseparse.serialize import release_from_dict

        return release_from_dict(data)


_HEADER_FIELDS = ("title", "category", "note_type")


def _release_from_parts(
    titles: tuple[str | None, str | None, str | None],
    office: str | None,
    speakers: tuple[tuple[str, str | None], ...],
    place: tuple[str | None, str | None, _dt.date | None, _dt.time | None, str | None],
    paragraphs: tuple[str, ...],
    turns: tuple[tuple[str, str, int, int], ...],
    disclaimer: str | None,
    source: str,
    spans: tuple[tuple[str, int, int], ...],
    regions: tuple[tuple[str, int, int], ...],
    defects: tuple[tuple[str, str, str, int, int], ...],
    extras: dict[str, object],
    confidence: tuple[tuple[str, str], ...] = (),
    origins: tuple[tuple[str, str], ...] = (),
    url: str | None = None,
) -> Release:
    """Rebuild a ``Release`` from ``Release.__reduce__``'s parts (unpickling).

    ``confidence``, ``origins`` and ``url`` have defaults so that records pickled before
    they existed still load.
    """
    venue, where, date, time, zone = place
    named = {key: unchecked_span(a, b) for key, a, b in spans}
    known: SpanCache = {(span.start, span.end): span for span in named.values()}
    header = Header(
        *titles,
        office=office,
        speakers=tuple(Speaker(name, role) for name, role in speakers),
        venue=venue,
        place=where,
        date=date,
        time=time,
        time_zone=zone,
    )
    return Release(
        header=header,
        body=Body(
            paragraphs,
            tuple(Turn(label, text, unchecked_span(a, b)) for label, text, a, b in turns),
        ),
        disclaimer=disclaimer,
        source=source,
        spans=FrozenMap(named),
        regions=tuple(unchecked_region(kind, a, b, known) for kind, a, b in regions),
        defects=tuple(
            Defect(code, message, Severity(severity), unchecked_span(a, b))
            for code, message, severity, a, b in defects
        ),
        extras=FrozenMap(extras),
        confidence=FrozenMap({name: Confidence(level) for name, level in confidence}),
        origins=FrozenMap(dict(origins)),
        url=url,
    )
