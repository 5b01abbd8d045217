"""Helpers for testing your own extractors in one line, and the invariants every record keeps."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import attrs

from releaseparse.parser import Parser
from releaseparse.protocols import Extractor
from releaseparse.records import Confidence, Header, Release

#: Header fields ``check_extractor`` reads from ``Release.header`` (others from ``extras``).
_HEADER_FIELDS = frozenset(field.name for field in attrs.fields(Header))
_MISSING = object()


def run_extractor(
    extractor: Extractor,
    source: str | bytes,
    *,
    name: str | None = None,
    parser: Parser | None = None,
    before: str | None = None,
    after: str | None = None,
) -> Release:
    """Parse ``source`` with ``extractor`` added to a copy of ``parser`` (default: ``Parser()``).

    It is added at the end of the chain unless ``before``/``after`` name another
    extractor; ``name`` defaults to the function's name.
    """
    chosen = (parser or Parser()).copy()
    label = name or str(getattr(extractor, "__name__", type(extractor).__name__))
    chosen.add(label, extractor, before=before, after=after)
    return chosen.parse(source)


def field_value(release: Release, field: str) -> object:
    """The value of ``field`` in ``release``: a header field, ``body``, or an extra."""
    if field in _HEADER_FIELDS:
        return getattr(release.header, field)
    if field == "body":
        return release.body.paragraphs
    return release.extras.get(field, _MISSING)


def check_extractor(
    extractor: Extractor,
    source: str | bytes,
    *,
    field: str,
    value: object,
    span_text: str | None = None,
    defects: Iterable[str] | None = None,
    confidence: Confidence | None = None,
    name: str | None = None,
    parser: Parser | None = None,
    before: str | None = None,
    after: str | None = None,
) -> Release:
    """Assert that ``extractor`` gives ``field`` == ``value`` on ``source``; return the record.

    With ``span_text``, the field's span must cover exactly that text of the source;
    with ``defects``, the record's defect codes must be exactly those (in any order);
    with ``confidence``, the field must be rated that level (``Release.confidence``).
    Raises ``AssertionError`` saying what differs.
    """
    release = run_extractor(extractor, source, name=name, parser=parser, before=before, after=after)
    got = field_value(release, field)
    if got is _MISSING:
        set_fields = ", ".join(release.extras) or "none"
        raise AssertionError(f"field {field!r} was not set (extras set: {set_fields})")
    if got != value:
        raise AssertionError(f"field {field!r} is {got!r}, expected {value!r}")
    if span_text is not None:
        span = release.spans.get(field)
        if span is None:
            raise AssertionError(f"field {field!r} has no span")
        raw = span.slice(release.source)
        if raw != span_text:
            raise AssertionError(
                f"span of {field!r} [{span.start}, {span.end}) covers {raw!r},"
                f" expected {span_text!r}"
            )
    if defects is not None:
        codes = sorted(release.codes)
        if codes != sorted(defects):
            raise AssertionError(f"defect codes are {codes}, expected {sorted(defects)}")
    if confidence is not None:
        level = release.confidence.get(field)
        if level != confidence:
            shown = "not rated" if level is None else f"rated {level.value!r}"
            raise AssertionError(
                f"field {field!r} is {shown}, expected {Confidence(confidence).value!r}"
            )
    return release


#: A lone high surrogate then a lone low one: JSON reads their escapes as one character.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def check_record(release: Release) -> None:
    """Assert the invariants every record keeps, whatever the input and the extractors.

    Regions tile the source (in order, none empty, none missing, so every character is
    accounted for); every field span and defect span lies inside the source; every rated
    field (``Release.confidence``) was set, so it has a span; the record
    survives ``to_dict`` through JSON and ``from_dict`` unchanged. Raises
    ``AssertionError`` saying which invariant broke.

    One thing JSON cannot keep is checked without it: a lone high surrogate followed by a
    lone low one (possible only in ``str`` input) is written as the escape pair that JSON
    reads back as the one character they would make, so such a record is checked
    through ``to_dict`` and ``from_dict`` alone.
    """
    size = len(release.source)
    position = 0
    for region in release.regions:
        if region.span.start != position or region.span.end <= region.span.start:
            raise AssertionError(
                f"regions do not tile the source: {region.kind!r} region "
                f"[{region.span.start}, {region.span.end}) where {position} was expected"
            )
        position = region.span.end
    if position != size:
        raise AssertionError(f"regions end at {position}, the source at {size}")
    for name, span in release.spans.items():
        if span.end > size:
            raise AssertionError(f"the span of {name!r} ends at {span.end}, past the source")
    for name in release.confidence:
        if name not in release.spans:
            raise AssertionError(f"{name!r} is rated but has no span: no extractor set it")
    for defect in release.defects:
        if defect.span.end > size:
            raise AssertionError(
                f"defect {defect.code!r} ends at {defect.span.end}, past the source"
            )
    data = release.to_dict()
    dumped = json.dumps(data, ensure_ascii=False)
    if not _SURROGATE_PAIR.search(dumped):
        data = json.loads(dumped)
    if Release.from_dict(data) != release:
        raise AssertionError("the record changed through to_dict, JSON and from_dict")


__all__ = ["check_extractor", "check_record", "field_value", "run_extractor"]
