"""Frozen records returned by the parser: spans, regions, defects, header, body, release."""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
import pickle
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, Self, TypeVar, cast

import attrs

V = TypeVar("V")
B = TypeVar("B")


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


def unchecked_region(kind: str, start: int, end: int) -> Region:
    """``Region(kind, Span(start, end))`` built without checks, like ``unchecked_span``."""
    region = _new_object(Region)
    _set_kind(region, kind)
    _set_region_span(region, unchecked_span(start, end))
    return region


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


_set_code = Defect.__dict__["code"].__set__
_set_message = Defect.__dict__["message"].__set__
_set_severity = Defect.__dict__["severity"].__set__
_set_defect_span = Defect.__dict__["span"].__set__


def unchecked_defect(code: str, message: str, severity: Severity, span: Span) -> Defect:
    """``Defect(code, message, severity, span)`` built without attrs' ``__init__``.

    For ``ParseState.defect``, which has checked the span and made the severity a
    ``Severity``: the slots set directly cost a third of the generated ``__init__``.
    """
    defect = _new_object(Defect)
    _set_code(defect, code)
    _set_message(defect, message)
    _set_severity(defect, severity)
    _set_defect_span(defect, span)
    return defect


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


_set_label = Turn.__dict__["label"].__set__
_set_text = Turn.__dict__["text"].__set__
_set_turn_span = Turn.__dict__["span"].__set__


def unchecked_turn(label: str, text: str, span: Span) -> Turn:
    """``Turn(label, text, span)`` built without attrs' ``__init__``, like ``unchecked_defect``.

    ``Turn`` has no converter nor validator: the slots set directly hold what its
    ``__init__`` would put there, at a third of its cost.
    """
    turn = _new_object(Turn)
    _set_label(turn, label)
    _set_text(turn, text)
    _set_turn_span(turn, span)
    return turn


#: The type code of the offset arrays: 64-bit, so any source length fits.
_OFFSETS = "q"


class _OffsetTable(Generic[B]):
    """Labels (span names, region kinds) and one flat array of their ``start, end`` offsets.

    The objects they stand for are made only when first asked for (``built``), then kept:
    a record kept unread costs the garbage collector a few objects, not one per offset.
    A table a parse makes (``of_edges``) holds its offsets as a tuple until the array is
    first read: a tuple of a few dozen ints costs half as much to make as the array, and
    a record never compared, pickled or exported needs no array.
    """

    __slots__ = ("_built", "_edges", "_offsets", "labels")

    def __init__(self, labels: tuple[str, ...] = (), offsets: array[int] | None = None) -> None:
        self.labels = labels
        self._offsets: array[int] | None = array(_OFFSETS) if offsets is None else offsets
        #: The offsets as a tuple, while the array is not made.
        self._edges: tuple[int, ...] | None = None
        self._built: B | None = None

    @classmethod
    def of_edges(cls, labels: tuple[str, ...], edges: tuple[int, ...]) -> Self:
        """A table of ``labels`` and their ``start, end`` offsets, one after the other.

        Its array is made when ``offsets`` is first read. (``TurnTable`` sets ``texts``.)
        """
        table = _new_object(cls)
        table.labels = labels
        table._edges = edges
        table._offsets = table._built = None
        return table

    @property
    def offsets(self) -> array[int]:
        """Each entry's ``start, end``, one after the other."""
        offsets = self._offsets
        if offsets is None:
            offsets = self._offsets = array(_OFFSETS, cast("tuple[int, ...]", self._edges))
            self._edges = None
        return offsets

    def built(self) -> B:
        """The objects, made once."""
        if self._built is None:
            self._built = self._make()
        return self._built

    def _make(self) -> B:
        raise NotImplementedError

    def items(self) -> Iterator[tuple[str, int, int]]:
        """``(label, start, end)`` for each entry, in order, without making objects."""
        offsets: Sequence[int] | None = self._offsets
        if offsets is None:
            offsets = cast("tuple[int, ...]", self._edges)
        for i, label in enumerate(self.labels):
            yield label, offsets[2 * i], offsets[2 * i + 1]

    def __len__(self) -> int:
        return len(self.labels)

    def __repr__(self) -> str:
        return repr(self.built())


class TurnTable(_OffsetTable[tuple[Turn, ...]]):
    """The turns of a transcript: labels, texts and offsets; ``Turn``s made when read."""

    __slots__ = ("texts",)

    def __init__(
        self,
        labels: tuple[str, ...] = (),
        texts: tuple[str, ...] = (),
        offsets: array[int] | None = None,
    ) -> None:
        super().__init__(labels, offsets)
        self.texts = texts

    def _make(self) -> tuple[Turn, ...]:
        return tuple(
            unchecked_turn(label, text, unchecked_span(a, b))
            for (label, a, b), text in zip(self.items(), self.texts, strict=True)
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TurnTable):
            return NotImplemented
        return (self.labels, self.texts, self.offsets) == (other.labels, other.texts, other.offsets)

    def __hash__(self) -> int:
        return hash((self.labels, self.texts, self.offsets.tobytes()))


#: The turns of a body that is no transcript: one empty table serves every record (made
#: once, its ``Turn``s are none).
_NO_TURNS = TurnTable()


def turn_table(value: TurnTable | Iterable[Turn]) -> TurnTable:
    """``value`` as a ``TurnTable``."""
    if isinstance(value, TurnTable):
        return value
    turns = tuple(value)
    if not turns:
        return _NO_TURNS
    table = TurnTable.of_edges(
        tuple([turn.label for turn in turns]),
        tuple([edge for turn in turns for edge in (turn.span.start, turn.span.end)]),
    )
    table.texts = tuple([turn.text for turn in turns])
    return table


@attrs.frozen(repr=False)
class Body:
    """The release's text: clean paragraphs with scrape breaks and hard wraps re-joined.

    ``turns`` is empty unless the body is a transcript (paragraphs led by a speaker
    label such as ``QUESTION:``); paragraphs before the first label belong to no turn.
    """

    paragraphs: tuple[str, ...] = ()
    _turns: TurnTable = attrs.field(alias="turns", converter=turn_table, default=_NO_TURNS)

    @property
    def turns(self) -> tuple[Turn, ...]:
        """The turns of a transcript, in order (made when first read)."""
        return self._turns.built()

    def __repr__(self) -> str:
        return f"Body(paragraphs={self.paragraphs!r}, turns={self.turns!r})"

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


#: The extras of most records: none (immutable, so one map serves every record, and a
#: kept record holds two objects fewer for the garbage collector).
_NO_EXTRAS: FrozenMap[object] = FrozenMap({})


def _freeze_extras(value: Mapping[str, object]) -> FrozenMap[object]:
    if isinstance(value, FrozenMap):
        return value
    return FrozenMap(value) if value else _NO_EXTRAS


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


class SpanTable(_OffsetTable[FrozenMap[Span]]):
    """The spans of a record, by name; ``Span`` objects made when ``Release.spans`` is read."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def _make(self) -> FrozenMap[Span]:
        return FrozenMap({name: unchecked_span(a, b) for name, a, b in self.items()})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SpanTable):
            return NotImplemented
        # As mappings compare: the same names with the same offsets, in any order.
        mine = {name: (start, end) for name, start, end in self.items()}
        return mine == {name: (start, end) for name, start, end in other.items()}


def span_table(value: SpanTable | Mapping[str, Span]) -> SpanTable:
    """``value`` as a ``SpanTable``; a mapping's values must be ``Span``s."""
    if isinstance(value, SpanTable):
        return value
    offsets = array(_OFFSETS)
    for span in value.values():
        offsets.append(span.start)
        offsets.append(span.end)
    table = SpanTable(tuple(value), offsets)
    if isinstance(value, FrozenMap):
        table._built = value  # already made: keep it rather than make it again
    return table


def offset_array(offsets: Iterable[int]) -> array[int]:
    """The flat array a table holds its ``start, end`` offsets in."""
    return array(_OFFSETS, offsets)


def offset_span_table(spans: Mapping[str, tuple[int, int]]) -> SpanTable:
    """A ``SpanTable`` of ``(start, end)`` offsets by name, valid spans of the source."""
    return SpanTable.of_edges(tuple(spans), tuple(itertools.chain.from_iterable(spans.values())))


class RegionTable(_OffsetTable[tuple[Region, ...]]):
    """The regions of a record, in order; ``Region``s made when ``Release.regions`` is read."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def _make(self) -> tuple[Region, ...]:
        return tuple(unchecked_region(kind, a, b) for kind, a, b in self.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RegionTable):
            return NotImplemented
        return self.labels == other.labels and self.offsets == other.offsets


def region_table(value: RegionTable | Iterable[Region]) -> RegionTable:
    """``value`` as a ``RegionTable``."""
    if isinstance(value, RegionTable):
        return value
    regions = tuple(value)
    offsets = array(_OFFSETS)
    for region in regions:
        offsets.append(region.span.start)
        offsets.append(region.span.end)
    return RegionTable(tuple(region.kind for region in regions), offsets)


#: A ``Header`` packed for pickling: its fields in order, the speakers as ``(name, role)``
#: pairs and a date as its ordinal (a third as costly to load as a pickled ``date``).
HeaderParts = tuple[Any, ...]
#: A ``Body`` packed for pickling: the paragraphs, then the turns' labels, texts and
#: offsets (``_packed`` bytes).
BodyParts = tuple[Any, ...]

_from_ordinal = _dt.date.fromordinal


def _header_parts(header: Header | HeaderParts) -> HeaderParts:
    """``header`` packed for pickling (packed parts as they are)."""
    if type(header) is tuple:
        return header
    header = cast(Header, header)
    date = header.date
    return (
        header.title,
        header.category,
        header.note_type,
        header.office,
        tuple([(s.name, s.role) for s in header.speakers]) if header.speakers else (),
        header.venue,
        header.place,
        date.toordinal() if type(date) is _dt.date else date,
        header.time,
        header.time_zone,
    )


def _header_of(value: Header | HeaderParts) -> Header:
    """The ``Header`` of ``_header_parts`` (a ``Header`` as it is)."""
    if type(value) is not tuple:
        return cast(Header, value)
    title, category, note_type, office, speakers, venue, place, date, time, zone = value
    return Header(
        title,
        category,
        note_type,
        office,
        tuple([Speaker(name, role) for name, role in speakers]) if speakers else (),
        venue,
        place,
        _from_ordinal(date) if type(date) is int else date,
        time,
        zone,
    )


def _body_parts(body: Body | BodyParts) -> BodyParts:
    """``body`` packed for pickling (packed parts as they are)."""
    if type(body) is tuple:
        return body
    built = cast(Body, body)
    turns = built._turns
    return (built.paragraphs, turns.labels, turns.texts, _packed(turns.offsets))


def _body_of(value: Body | BodyParts) -> Body:
    """The ``Body`` of ``_body_parts`` (a ``Body`` as it is)."""
    if type(value) is not tuple:
        return cast(Body, value)
    paragraphs, labels, texts, offsets = value
    return Body(paragraphs, TurnTable(labels, texts, _unpacked(offsets)) if labels else _NO_TURNS)


@attrs.frozen(hash=False, repr=False, match_args=False)
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

    # ``_header`` and ``_body`` hold a record's ``Header`` and ``Body``; an unpickled record
    # holds their packed parts instead (``_header_parts``, ``_body_parts``), built when first
    # read. Equality compares what they stand for either way.
    _header: Header = attrs.field(alias="header", eq=_header_of)
    _body: Body = attrs.field(alias="body", eq=_body_of)
    disclaimer: str | None
    source: str
    _spans: SpanTable = attrs.field(alias="spans", converter=span_table, factory=SpanTable)
    _regions: RegionTable = attrs.field(
        alias="regions", converter=region_table, factory=RegionTable
    )
    defects: tuple[Defect, ...] = ()
    extras: FrozenMap[object] = attrs.field(converter=_freeze_extras, factory=FrozenMap)
    confidence: FrozenMap[Confidence] = attrs.field(converter=_freeze_confidence, factory=FrozenMap)
    origins: FrozenMap[str] = attrs.field(converter=_freeze_origins, factory=FrozenMap)
    url: str | None = None

    #: Positional patterns (``case Release(header, body)``) bind the public attributes.
    __match_args__ = (
        "header", "body", "disclaimer", "source", "spans", "regions", "defects", "extras",
        "confidence", "origins", "url",
    )  # fmt: skip

    @property
    def header(self) -> Header:
        """Who issued the release, what kind, where and when."""
        stored: Header | HeaderParts = self._header
        if type(stored) is not tuple:
            return cast(Header, stored)
        header = _header_of(stored)
        _set_header(self, header)  # built once, when first read
        return header

    @property
    def body(self) -> Body:
        """The release's paragraphs and, for a transcript, its turns."""
        stored: Body | BodyParts = self._body
        if type(stored) is not tuple:
            return cast(Body, stored)
        body = _body_of(stored)
        _set_body(self, body)  # built once, when first read
        return body

    @property
    def spans(self) -> FrozenMap[Span]:
        """Each field's (and part's) span: ``title``, ``speakers.0.name``, ``body.paragraphs.2``."""
        return self._spans.built()

    @property
    def regions(self) -> tuple[Region, ...]:
        """The runs of the source in order, with what each holds; they tile the source."""
        return self._regions.built()

    def __repr__(self) -> str:
        parts = ", ".join(
            f"{name}={getattr(self, name)!r}"
            for name in (
                "header", "body", "disclaimer", "source", "spans", "regions", "defects",
                "extras", "confidence", "origins", "url",
            )
        )  # fmt: skip
        return f"Release({parts})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Compact pickling (plain tuples, ints and the offsets as bytes, rebuilt by one
        # function): records cross process boundaries in parse_many.
        return _release_from_packed, (
            _header_parts(self._header),
            _body_parts(self._body),
            self.disclaimer,
            self.source,
            self._spans.labels,
            _packed(self._spans.offsets),
            self._regions.labels,
            _packed(self._regions.offsets),
            tuple(
                (d.code, d.message, d.severity.value, d.span.start, d.span.end)
                for d in self.defects
            ),
            dict(self.extras) if self.extras else None,
            tuple((name, level.value) for name, level in self.confidence.items()),
            dict(self.origins),
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


_SEVERITIES = {severity.value: severity for severity in Severity}
_LEVELS = {level.value: level for level in Confidence}
#: Offsets are pickled as little-endian bytes on every machine.
_SWAP = sys.byteorder != "little"


def _packed(offsets: array[int]) -> bytes:
    """``offsets`` as little-endian 8-byte integers, for pickling."""
    # Rebuilt from bytes at a third of the cost of an ``array``'s own pickle.
    if _SWAP:
        offsets = array(_OFFSETS, offsets)
        offsets.byteswap()
    return offsets.tobytes()


def _unpacked(offsets: bytes | array[int]) -> array[int]:
    """The offset array of ``_packed`` bytes (an ``array``, as pickled before, as it is)."""
    if type(offsets) is not bytes:
        return cast("array[int]", offsets)
    table = array(_OFFSETS)
    table.frombytes(offsets)
    if _SWAP:
        table.byteswap()
    return table


def _release_from_packed(
    header: HeaderParts,
    body: BodyParts,
    disclaimer: str | None,
    source: str,
    span_names: tuple[str, ...],
    span_offsets: bytes | array[int],
    region_kinds: tuple[str, ...],
    region_offsets: bytes | array[int],
    defects: tuple[tuple[str, str, str, int, int], ...],
    extras: dict[str, object] | None,
    confidence: tuple[tuple[str, str], ...],
    origins: dict[str, str],
    url: str | None,
) -> Release:
    """Rebuild a ``Release`` from ``Release.__reduce__``'s parts (unpickling).

    The header and body stay packed until first read: a record passed on or kept unread
    (``parse_many``'s parent, a cache) never builds them.
    """
    release = _new_object(Release)
    _set_header(release, header)
    _set_body(release, body)
    _set_disclaimer(release, disclaimer)
    _set_source(release, source)
    _set_spans(release, SpanTable(span_names, _unpacked(span_offsets)))
    _set_regions(release, RegionTable(region_kinds, _unpacked(region_offsets)))
    _set_defects(
        release,
        tuple(
            [
                Defect(code, message, _SEVERITIES[severity], unchecked_span(a, b))
                for code, message, severity, a, b in defects
            ]
        )
        if defects
        else (),
    )
    _set_extras(release, _owned_map(extras) if extras else _NO_EXTRAS)
    _set_confidence(release, _owned_map({name: _LEVELS[level] for name, level in confidence}))
    _set_origins(release, _owned_map(origins))
    _set_url(release, url)
    return release


def _release_from_compact(
    titles: tuple[str | None, str | None, str | None, str | None],
    speakers: tuple[tuple[str, str | None], ...],
    place: tuple[str | None, str | None, _dt.date | None, _dt.time | None, str | None],
    paragraphs: tuple[str, ...],
    turns: tuple[tuple[str, ...], tuple[str, ...], bytes | array[int]],
    disclaimer: str | None,
    source: str,
    span_names: tuple[str, ...],
    span_offsets: bytes | array[int],
    region_kinds: tuple[str, ...],
    region_offsets: bytes | array[int],
    defects: tuple[tuple[str, str, str, int, int], ...],
    extras: dict[str, object] | None,
    confidence: tuple[tuple[str, str], ...],
    origins: dict[str, str] | tuple[tuple[str, str], ...],
    url: str | None,
) -> Release:
    """Rebuild a ``Release`` pickled before the header and body were packed (older pickles)."""
    return _release_from_packed(
        (*titles, speakers, *place),
        (paragraphs, *turns),
        disclaimer,
        source,
        span_names,
        span_offsets,
        region_kinds,
        region_offsets,
        defects,
        extras,
        confidence,
        origins if isinstance(origins, dict) else dict(origins),
        url,
    )


def _owned_map(data: dict[str, V]) -> FrozenMap[V]:
    """A ``FrozenMap`` of ``data`` itself, not a copy: for a dict no one else holds."""
    frozen: FrozenMap[V] = _new_object(FrozenMap)
    frozen._data = data
    return frozen


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
    """Rebuild a ``Release`` pickled by version 0.1 (spans and regions as triples).

    ``confidence``, ``origins`` and ``url`` have defaults so that records pickled before
    they existed still load.
    """
    return _release_from_compact(
        (*titles, office),
        speakers,
        place,
        paragraphs,
        (
            tuple(label for label, _, _, _ in turns),
            tuple(text for _, text, _, _ in turns),
            array(_OFFSETS, [offset for _, _, a, b in turns for offset in (a, b)]),
        ),
        disclaimer,
        source,
        tuple(name for name, _, _ in spans),
        array(_OFFSETS, [offset for _, a, b in spans for offset in (a, b)]),
        tuple(kind for kind, _, _ in regions),
        array(_OFFSETS, [offset for _, a, b in regions for offset in (a, b)]),
        defects,
        extras,
        confidence,
        origins,
        url,
    )


#: The slot setters of ``Release``, for unpickling without its converters' checks.
(
    _set_header,
    _set_body,
    _set_disclaimer,
    _set_source,
    _set_spans,
    _set_regions,
    _set_defects,
    _set_extras,
    _set_confidence,
    _set_origins,
    _set_url,
) = (Release.__dict__[field.name].__set__ for field in attrs.fields(Release))


def checked_release(
    header: Header,
    body: Body,
    disclaimer: str | None,
    source: str,
    spans: SpanTable,
    regions: RegionTable,
    defects: tuple[Defect, ...],
    extras: dict[str, object],
    confidence: dict[str, Confidence],
    origins: dict[str, str],
) -> Release:
    """A ``Release`` of values a parse state has checked already, its converters not run.

    For ``assemble``: the tables are made, the extras plain, every level a
    ``Confidence`` and every origin ``"text"`` (``ParseState`` saw to it), and the
    dicts are new ones no one else holds. The record equals the one ``Release(...)``
    makes of the same values, at a fraction of the cost (converting the levels alone
    costs more than building the rest).
    """
    release = _new_object(Release)
    _set_header(release, header)
    _set_body(release, body)
    _set_disclaimer(release, disclaimer)
    _set_source(release, source)
    _set_spans(release, spans)
    _set_regions(release, regions)
    _set_defects(release, defects)
    _set_extras(release, _owned_map(extras) if extras else _NO_EXTRAS)
    # ``_owned_map`` inline for the two maps every record has: two calls fewer a record.
    confidence_map = _new_object(FrozenMap)
    confidence_map._data = confidence
    _set_confidence(release, confidence_map)
    origins_map = _new_object(FrozenMap)
    origins_map._data = origins
    _set_origins(release, origins_map)
    _set_url(release, None)
    return release


def span_triples(release: Release) -> Iterator[tuple[str, int, int]]:
    """``(name, start, end)`` of each of ``release``'s spans, without making ``Span``s."""
    return release._spans.items()


def region_triples(release: Release) -> Iterator[tuple[str, int, int]]:
    """``(kind, start, end)`` of each of ``release``'s regions, without making ``Region``s."""
    return release._regions.items()


def _moved(offsets: array[int], by: int) -> array[int]:
    """A copy of ``offsets`` with each offset moved by ``by``."""
    return array(_OFFSETS, [offset + by for offset in offsets]) if by else offsets[:]


def rebased(release: Release, source: str, start: int, outside: str) -> Release:
    """``release``, the record of ``source[start:]`` up to its length, re-based on ``source``.

    Spans, regions, defects and turns move by ``start``, as offset arrays (no ``Span`` or
    ``Region`` is made); the text of ``source`` before and after the part becomes regions
    of kind ``outside``, so that the regions still tile ``source``.
    """
    end = start + len(release.source)
    regions = release._regions
    kinds = list(regions.labels)
    offsets = _moved(regions.offsets, start)
    if start:
        kinds.insert(0, outside)
        offsets = array(_OFFSETS, (0, start)) + offsets
    if end < len(source):
        kinds.append(outside)
        offsets.extend((end, len(source)))
    body = release.body
    turns = body._turns
    if len(turns):
        turns = TurnTable(turns.labels, turns.texts, _moved(turns.offsets, start))
    spans = release._spans
    defects = release.defects
    if start:
        defects = tuple(
            Defect(
                d.code,
                d.message,
                d.severity,
                unchecked_span(d.span.start + start, d.span.end + start),
            )
            for d in defects
        )
    return attrs.evolve(
        release,
        source=source,
        body=Body(body.paragraphs, turns),
        spans=SpanTable(spans.labels, _moved(spans.offsets, start)),
        regions=RegionTable(tuple(kinds), offsets),
        defects=defects,
    )


def _offsets_held(table: _OffsetTable[Any]) -> tuple[int, ...] | bytes:
    """A table's offsets as it holds them: a parse's tuple, or its array as ``_packed`` bytes."""
    edges = table._edges
    return edges if edges is not None else _packed(table.offsets)


def _table_of(
    kind: type[SpanTable] | type[RegionTable],
    labels: tuple[str, ...],
    offsets: tuple[int, ...] | bytes,
) -> Any:
    """The table of ``labels`` and offsets as ``_offsets_held`` gave them."""
    if type(offsets) is tuple:
        return kind.of_edges(labels, offsets)
    return kind(labels, _unpacked(cast(bytes, offsets)))


def wire_parts(release: Release) -> tuple[Any, ...]:
    """``release`` without its source, for a worker to send (``transport.ChunkWriter``).

    For ``parse_many`` only, where the parent holds the source and runs this same code
    (``release_from_wire``): unlike ``__reduce__``'s parts, levels and severities stay
    members and the confidence and origins their record's own dicts (the wire sends
    members by number, ``transport.WIRE_TABLE``), and offsets stay as the record holds them.
    The extras are pickled on their own, as ``__reduce__`` would: the wire keeps no memo,
    which would copy an object they hold twice and fail on one that holds itself.
    """
    spans, regions = release._spans, release._regions
    defects, extras = release.defects, release.extras
    return (
        _header_parts(release._header),
        _body_parts(release._body),
        release.disclaimer,
        spans.labels,
        _offsets_held(spans),
        regions.labels,
        _offsets_held(regions),
        tuple([(d.code, d.message, d.severity, d.span.start, d.span.end) for d in defects])
        if defects
        else (),
        pickle.dumps(extras._data, pickle.HIGHEST_PROTOCOL) if extras else None,
        release.confidence._data,
        release.origins._data,
        release.url,
    )


def release_from_wire(parts: tuple[Any, ...], source: str) -> Release:
    """The record of ``wire_parts``, given back its ``source``.

    ``parts`` were unpickled for this record alone: its dicts become the record's own.
    """
    (header, body, disclaimer, span_names, span_offsets, region_kinds, region_offsets,
     defects, extras, confidence, origins, url) = parts  # fmt: skip
    release = _new_object(Release)
    _set_header(release, header)
    _set_body(release, body)
    _set_disclaimer(release, disclaimer)
    _set_source(release, source)
    _set_spans(release, _table_of(SpanTable, span_names, span_offsets))
    _set_regions(release, _table_of(RegionTable, region_kinds, region_offsets))
    _set_defects(
        release,
        tuple(
            [
                unchecked_defect(code, message, severity, unchecked_span(a, b))
                for code, message, severity, a, b in defects
            ]
        )
        if defects
        else (),
    )
    _set_extras(release, _owned_map(pickle.loads(extras)) if extras else _NO_EXTRAS)
    _set_confidence(release, _owned_map(confidence))
    _set_origins(release, _owned_map(origins))
    _set_url(release, url)
    return release


def turn_parts(body: Body) -> Iterator[tuple[tuple[str, int, int], str]]:
    """``((label, start, end), text)`` of each turn of ``body``, without making ``Turn``s."""
    table = body._turns
    return zip(table.items(), table.texts, strict=True)


def turn_count(body: Body) -> int:
    """How many turns ``body`` holds, without making ``Turn``s."""
    return len(body._turns)
