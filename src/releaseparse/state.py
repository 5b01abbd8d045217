"""The parse state every extractor works on: lines, claims, fields, spans and defects."""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import le
from typing import NamedTuple

from releaseparse.errors import ExtractorError
from releaseparse.lines import Line, split_lines
from releaseparse.records import (
    Confidence,
    Defect,
    Severity,
    Span,
    SpanTable,
    Speaker,
    Turn,
    offset_span_table,
    unchecked_defect,
    unchecked_span,
)
from releaseparse.serialize import EXTRA_TYPES, plain_value
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary


class Field(NamedTuple):
    """A value an extractor recorded, where it came from and who recorded it."""

    value: object
    span: Span
    extractor: str


#: ``Field(...)`` without the Python-level ``__new__`` of a ``NamedTuple``.
_new_field = tuple.__new__


def _is_optional_str(value: object) -> bool:
    return value is None or isinstance(value, str)


def _all_of(value: tuple[object, ...], kind: type) -> bool:
    """Whether every item of ``value`` is an instance of ``kind``.

    The items' types are looked at in one C-level pass first: almost always they are
    ``kind`` itself, and a generator of ``isinstance`` calls costs several times as
    much on the tens of paragraphs or turns of a body.
    """
    return {kind}.issuperset(map(type, value)) or all(isinstance(item, kind) for item in value)


def _is_speakers(value: object) -> bool:
    return isinstance(value, tuple) and _all_of(value, Speaker)


def _is_paragraphs(value: object) -> bool:
    return isinstance(value, tuple) and _all_of(value, str)


def _is_turns(value: object) -> bool:
    return isinstance(value, tuple) and _all_of(value, Turn)


#: Built-in field names and the check their values must pass.
BUILTIN_FIELDS = {
    "title": _is_optional_str,
    "category": _is_optional_str,
    "note_type": _is_optional_str,
    "office": _is_optional_str,
    "speakers": _is_speakers,
    "venue": _is_optional_str,
    "place": _is_optional_str,
    "date": lambda value: value is None or isinstance(value, _dt.date),
    "time": lambda value: value is None or isinstance(value, _dt.time),
    "time_zone": _is_optional_str,
    "body": _is_paragraphs,
    "turns": _is_turns,
    "disclaimer": _is_optional_str,
}


#: ``{int}``, for checking in one C-level pass that every item of a sequence is an ``int``.
_INT = frozenset([int])
#: The names of numbered parts (``body.paragraphs.0``...) by field and part, made once:
#: the built-in body asks for one kind only. Names past ``_NAMES_KEPT`` are made each time.
_NUMBERED_NAMES: dict[tuple[str, str], tuple[str, ...]] = {}
_NAMES_KEPT = 1024


def _numbered_names(name: str, part: str, count: int) -> tuple[str, ...]:
    """``name.part.0``, ``name.part.1``...: at least ``count`` of them (perhaps more)."""
    names = _NUMBERED_NAMES.get((name, part))
    if names is None:
        names = tuple(f"{name}.{part}.{number}" for number in range(_NAMES_KEPT))
        _NUMBERED_NAMES[name, part] = names
    if count <= len(names):
        return names
    return names + tuple(f"{name}.{part}.{number}" for number in range(len(names), count))


class ParseState:
    """What extractors read and write while one source is parsed.

    Extractors take characters as regions with ``claim``, record values with ``set``,
    how sure they are of them with ``rate`` and problems with ``defect``. Claiming
    characters twice, setting a field twice, rating a field no one set or pointing
    outside the source is a bug in the extractor and raises ``ExtractorError``.
    """

    def __init__(
        self,
        source: str,
        *,
        vocabulary: Vocabulary = DEFAULT_VOCABULARY,
        defects: tuple[Defect, ...] = (),
    ) -> None:
        self.source = source
        self.vocabulary = vocabulary
        self.lines: tuple[Line, ...] = split_lines(source)
        self.extractor = "<setup>"
        self._fields: dict[str, Field] = {}
        #: ``(start, end)`` of each field's and part's span: ``Span``s are made when read.
        self._spans: dict[str, tuple[int, int]] = {}
        self._ratings: dict[str, Confidence] = {}
        self._claim_starts: list[int] = []
        self._claims: list[tuple[int, int, str]] = []
        #: ``claims()``'s answer while no claim is made: extractors ask for it many times.
        self._claims_held: tuple[tuple[int, int, str], ...] | None = ()
        self._defects: list[Defect] = list(defects)
        #: What extractors derive from the source and vocabulary once per parse (the
        #: layout's line kinds, say), by a key of their own. Not for what depends on
        #: claims or fields, which change as the chain runs.
        self.derived: dict[str, object] = {}

    # -- checks ---------------------------------------------------------------------------

    def _fail(self, message: str) -> ExtractorError:
        return ExtractorError(f"extractor {self.extractor!r}: {message}")

    def _check_span(self, span: Span, call: str, subject: str, part: str | None = None) -> None:
        """Refuse a span that is no ``Span`` or does not lie in the source.

        The failing call is named as ``call(subject)`` (``claim('body')``), and the
        message is built only when there is one to give: this runs on every claim,
        field, part and defect.
        """
        if isinstance(span, Span) and 0 <= span.start <= span.end <= len(self.source):
            return
        what = f"{call}({subject!r})" + ("" if part is None else f" part {part!r}")
        if not isinstance(span, Span):
            raise self._fail(f"{what} needs a Span, got {type(span).__name__}")
        problem = "starts after it ends" if span.start > span.end else "lies outside the source"
        raise self._fail(
            f"{what} span [{span.start}, {span.end}) {problem} (length {len(self.source)})"
        )

    # -- claims ---------------------------------------------------------------------------

    def claim(self, span: Span, kind: str) -> None:
        """Take the characters of ``span`` as one region of ``kind``."""
        # The checks of ``_check_span`` and ``_overlapping`` inline: this runs on every claim.
        if not (isinstance(span, Span) and 0 <= span.start < span.end <= len(self.source)):
            self._check_span(span, "claim", kind)  # raises unless the span is only empty
            raise self._fail(f"claim({kind!r}) of an empty span at {span.start}")
        starts, claims = self._claim_starts, self._claims
        index = bisect.bisect_left(starts, span.end)
        if index and claims[index - 1][1] > span.start:
            start, end, other = claims[index - 1]
            raise self._fail(
                f"claim({kind!r}) of [{span.start}, {span.end}) overlaps the {other!r}"
                f" region [{start}, {end})"
            )
        # No claim starts inside the span (it would overlap it): the span goes in there.
        starts.insert(index, span.start)
        claims.insert(index, (span.start, span.end, kind))
        self._claims_held = None

    def claim_runs(self, runs: Iterable[tuple[int, int]], kind: str) -> None:
        """Take each ``(start, end)`` of ``runs`` as one region of ``kind``, as ``claim`` would.

        For an extractor that claims many runs (the body's paragraphs): one merge of
        offsets instead of a ``Span`` and a ``claim`` each. The checks are ``claim``'s,
        and if one fails no run is taken.
        """
        size = len(self.source)
        new = []
        for start, end in runs:
            if not 0 <= start < end <= size:
                self.claim(Span(start, end), kind)  # raises, with ``claim``'s message
            new.append((start, end, kind))
        merged = sorted(self._claims + new)
        for first, second in itertools.pairwise(merged):
            if first[1] > second[0]:
                # Name a run being claimed first, as ``claim`` does, then what it overlaps.
                mine, theirs = (first, second) if first in new else (second, first)
                raise self._fail(
                    f"claim({kind!r}) of [{mine[0]}, {mine[1]}) overlaps the {theirs[2]!r}"
                    f" region [{theirs[0]}, {theirs[1]})"
                )
        self._claims = merged
        self._claim_starts = [start for start, _end, _kind in merged]
        self._claims_held = None

    def claim_lines(self, first: Line, last: Line, kind: str) -> Span:
        """Claim whole lines ``first`` to ``last`` with their terminators; return the span."""
        span = Span(first.start, last.stop)
        self.claim(span, kind)
        return span

    def _overlapping(self, span: Span) -> tuple[int, int, str] | None:
        index = bisect.bisect_left(self._claim_starts, span.end)
        if index and self._claims[index - 1][1] > span.start:
            return self._claims[index - 1]
        return None

    def is_claimed(self, span: Span) -> bool:
        """Whether any character of ``span`` already belongs to a region."""
        # ``_overlapping`` inline: this runs for many lines of every page.
        index = bisect.bisect_left(self._claim_starts, span.end)
        return bool(index) and self._claims[index - 1][1] > span.start

    def claims(self, start: int = 0, stop: int | None = None) -> tuple[tuple[int, int, str], ...]:
        """The claimed ``(start, end, kind)`` runs so far, in source order.

        With ``start`` or ``stop``, only the runs that start at or after ``start`` and
        before ``stop``.
        """
        if not start and stop is None:
            # One tuple while no claim is made (``claim`` and ``claim_runs`` drop it).
            held = self._claims_held
            if held is None:
                held = self._claims_held = tuple(self._claims)
            return held
        first = bisect.bisect_left(self._claim_starts, start)
        last = len(self._claims) if stop is None else bisect.bisect_left(self._claim_starts, stop)
        return tuple(self._claims[first:last])

    def unclaimed_lines(self, start: int = 0, stop: int | None = None) -> Iterator[Line]:
        """Lines (with their terminators) no extractor has claimed any character of."""
        end = len(self.source) if stop is None else stop
        for line in self.lines:
            if line.start < start:
                continue
            if line.start >= end:
                break
            if not self.is_claimed(line.whole if line.stop > line.start else line.span):
                yield line

    # -- fields ---------------------------------------------------------------------------

    def set(
        self,
        name: str,
        value: object,
        span: Span,
        *,
        parts: Mapping[str, Span | tuple[int, int]] | None = None,
    ) -> None:
        """Record field ``name`` with its value and the span of its raw text.

        ``parts`` gives spans of pieces of the value, stored as ``name.part``
        (``speakers.0.name``, ``body.paragraphs.2``); a part's span may be given as its
        ``(start, end)`` offsets, checked as a ``Span`` is (no object made for it).
        A name that is no built-in field is an extra: its value must be one JSON keeps
        (``serialize.EXTRA_TYPES``) and is stored in one form, lists as tuples
        (``serialize.plain_value``), so the record is the same after
        ``to_dict``/``from_dict``.
        """
        fields = self._fields
        if name in fields:
            raise self._fail(f"field {name!r} is already set (by {fields[name].extractor!r})")
        check = BUILTIN_FIELDS.get(name)
        if check is None:
            try:
                value = plain_value(value)
            except TypeError as error:
                raise self._fail(
                    f"field {name!r} cannot hold {error}: an extra's value is {EXTRA_TYPES}"
                ) from None
        # A ``str`` passes ``_is_optional_str`` by its first test: not called for it.
        elif not (check is _is_optional_str and type(value) is str) and not check(value):
            raise self._fail(f"field {name!r} cannot hold {type(value).__name__} {value!r}")
        # ``_check_span``'s test inline for the usual ``Span`` (it runs on every set); any
        # other span is left to it, which passes a ``Span`` subclass and refuses the rest.
        if not (type(span) is Span and 0 <= span.start <= span.end <= len(self.source)):
            self._check_span(span, "set", name)
        # The parts are checked before anything is recorded: a refused set leaves no trace.
        part_offsets = self._part_offsets(name, parts) if parts else None
        fields[name] = _new_field(Field, (value, span, self.extractor))
        self._spans[name] = (span.start, span.end)
        if part_offsets:
            self._spans.update(part_offsets)

    def _part_offsets(
        self, name: str, parts: Mapping[str, Span | tuple[int, int]]
    ) -> list[tuple[str, tuple[int, int]]]:
        """``(name.part, (start, end))`` for each of ``parts``, each checked as ``set`` says."""
        size = len(self.source)
        part_offsets = []
        for part, part_span in parts.items():
            if isinstance(part_span, tuple):
                if not (
                    len(part_span) == 2
                    and type(part_span[0]) is int
                    and type(part_span[1]) is int
                    and 0 <= part_span[0] <= part_span[1] <= size
                ):
                    raise self._fail(
                        f"set({name!r}) part {part!r} offsets {part_span!r} are no span"
                        f" of the source (length {size})"
                    )
                part_offsets.append((f"{name}.{part}", part_span))
            else:
                self._check_span(part_span, "set", name, part)
                part_offsets.append((f"{name}.{part}", (part_span.start, part_span.end)))
        return part_offsets

    def _set_numbered_parts(
        self,
        name: str,
        value: object,
        span: Span,
        part: str,
        starts: Sequence[int],
        ends: Sequence[int],
    ) -> None:
        """``set`` with parts ``part.N`` from ``starts[N]`` to ``ends[N]``, checked at once.

        For the body's paragraphs (``body.paragraphs.N``). Every start and end an
        ``int``, none of the starts above its end, the least start at least 0 and the
        greatest end within the source: exactly ``_part_offsets``'s test of each part,
        in a few C-level passes instead of a Python-level loop. When it fails, the parts
        go to ``set`` as a mapping, which names the first bad part as it always did.
        """
        count = len(starts)
        if not (
            count
            and len(ends) == count
            and _INT.issuperset(map(type, starts))
            and _INT.issuperset(map(type, ends))
            and min(starts) >= 0
            and max(ends) <= len(self.source)
            and all(map(le, starts, ends))
        ):
            names = [f"{part}.{number}" for number in range(count)]
            offsets = zip(starts, ends, strict=True)
            self.set(name, value, span, parts=dict(zip(names, offsets, strict=True)))
            return
        self.set(name, value, span)  # its own checks: it records nothing if one fails
        # After the field's own span, where ``set`` puts the parts. (There are at least
        # ``count`` names: ``zip`` stops at the last offsets.)
        names_made = _numbered_names(name, part, count)
        self._spans.update(zip(names_made, zip(starts, ends, strict=True), strict=False))

    def get(self, name: str, default: object = None) -> object:
        """The value of field ``name``, or ``default`` if no extractor set it."""
        field = self._fields.get(name)
        return default if field is None else field.value

    def _field_values(self) -> dict[str, object]:
        """The value of each field set, by name, in the order they were set."""
        return {name: field.value for name, field in self._fields.items()}

    def has(self, name: str) -> bool:
        """Whether field ``name`` was set."""
        return name in self._fields

    def span_of(self, name: str) -> Span | None:
        """The span recorded for field (or part) ``name``."""
        found = self._spans.get(name)
        return None if found is None else unchecked_span(found[0], found[1])

    def _span_offsets(self) -> Mapping[str, tuple[int, int]]:
        """``(start, end)`` of each span recorded, by name: ``span_of``'s offsets, no ``Span`` made.

        For the built-in confidence step, which asks for a few spans' starts a parse. The
        state's own table, not a copy: read it, never change it.
        """
        return self._spans

    def rate(self, name: str, level: Confidence) -> None:
        """Record how sure the parse is of field ``name``, which must be set already.

        Rating a field again replaces its level: a later extractor may lower (or raise)
        what an earlier one said. The levels become ``Release.confidence``; a field never
        rated is left out of it.
        """
        if not isinstance(level, Confidence):
            raise self._fail(
                f"rate({name!r}) needs a Confidence, got {type(level).__name__} {level!r}"
            )
        if name not in self._fields:
            raise self._fail(f"rate({name!r}) of a field that is not set")
        self._ratings[name] = level

    def rating(self, name: str) -> Confidence | None:
        """The level field ``name`` was rated, or ``None`` if it was not."""
        return self._ratings.get(name)

    def ratings(self) -> Mapping[str, Confidence]:
        """Every level recorded so far, by field name, in the order fields were first rated."""
        return dict(self._ratings)

    @property
    def fields(self) -> Mapping[str, Field]:
        """Every field set so far."""
        return dict(self._fields)

    @property
    def spans(self) -> Mapping[str, Span]:
        """Every span recorded so far, fields and parts."""
        return {name: unchecked_span(start, end) for name, (start, end) in self._spans.items()}

    def span_table(self) -> SpanTable:
        """``spans`` as the record holds them: names and offsets, no ``Span`` made."""
        return offset_span_table(self._spans)

    # -- defects --------------------------------------------------------------------------

    def defect(
        self,
        code: str,
        message: str,
        span: Span,
        severity: Severity | str = Severity.WARNING,
    ) -> None:
        """Record a problem with the input: a stable dotted ``code``, a message, a span."""
        # ``_check_span``'s test inline for the usual ``Span``, as in ``set``: any other
        # span is left to it, which passes a ``Span`` subclass and refuses the rest.
        if not (type(span) is Span and 0 <= span.start <= span.end <= len(self.source)):
            self._check_span(span, "defect", code)
        # ``Severity(severity)`` costs a microsecond even for a ``Severity``: most callers
        # pass one, which needs no conversion.
        if type(severity) is not Severity:
            severity = Severity(severity)
        self._defects.append(unchecked_defect(code, message, severity, span))

    @property
    def defects(self) -> tuple[Defect, ...]:
        """The defects recorded so far."""
        return tuple(self._defects)
