"""Conversion of records to JSON-safe dicts and back."""

from __future__ import annotations

import datetime as _dt
import math
import numbers
from collections.abc import Mapping
from typing import Any

from releaseparse.records import (
    Body,
    Confidence,
    Defect,
    Header,
    Region,
    Release,
    Severity,
    Span,
    Speaker,
    Turn,
    region_triples,
    span_triples,
    turn_parts,
)

_DATE_TAG = "$date"
_TIME_TAG = "$time"


def encode_value(value: object) -> Any:
    """Turn an extracted value into JSON-safe data; dates become ``{"$date": ISO}``."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return {_DATE_TAG: value.isoformat()}
    if isinstance(value, _dt.time):
        return {_TIME_TAG: value.isoformat()}
    if isinstance(value, Mapping):
        return {str(key): encode_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [encode_value(item) for item in value]
    raise TypeError(f"cannot serialise a value of type {type(value).__name__}: {value!r}")


#: How deep lists, tuples and dicts may nest in an extra's value.
MAX_EXTRA_DEPTH = 32

#: What an extra's value may be, as ``ExtractorError`` messages say it.
EXTRA_TYPES = (
    "None, bool, int, a finite float, str, datetime.date (not datetime), datetime.time"
    " (naive or at a fixed offset), and lists, tuples and dicts with str keys of those"
)


def plain_value(value: object) -> object:
    """``value`` in the one form an extra's value takes, the same before and after JSON.

    Lists and tuples become tuples, mappings dicts (copies, so the extractor's own
    containers can change later without changing the record); subclasses of the
    scalar types and NumPy's integers become the plain type (``float64`` a ``float``). Anything
    ``encode_value`` cannot write, or ``decode_value`` would not give back equal,
    raises ``TypeError`` saying what and where (``a set ({1}) at ['dates'][2]``): a set, an
    object, a ``datetime``, ``nan``, a dict with a key that is no str or whose only key
    is ``$date`` or ``$time``, or containers nested deeper than ``MAX_EXTRA_DEPTH``.
    """
    return _plain(value, "", 0)


def _plain(value: object, where: str, depth: int) -> object:
    if value is None or type(value) in (str, int, bool):
        return value
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, numbers.Integral):  # int subclasses, NumPy's integers
        return int(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"{value!r}{_at(where)}, which JSON cannot write")
        return float(value)
    if isinstance(value, _dt.datetime):
        raise TypeError(f"a datetime{_at(where)} (set its date() and its time() apart)")
    if isinstance(value, _dt.date):
        return value if type(value) is _dt.date else _dt.date(value.year, value.month, value.day)
    if isinstance(value, _dt.time):
        if value.tzinfo is not None and not isinstance(value.tzinfo, _dt.timezone):
            raise TypeError(f"a time{_at(where)} whose zone is no datetime.timezone")
        return value if type(value) is _dt.time else _dt.time.fromisoformat(value.isoformat())
    if isinstance(value, list | tuple | Mapping) and depth >= MAX_EXTRA_DEPTH:
        raise TypeError(f"lists and dicts nested deeper than {MAX_EXTRA_DEPTH}")
    if isinstance(value, list | tuple):
        return tuple(
            _plain(item, f"{where}[{index}]", depth + 1) for index, item in enumerate(value)
        )
    if isinstance(value, Mapping):
        keys = list(value)
        for key in keys:
            if not isinstance(key, str):
                raise TypeError(f"a dict key that is no str ({key!r}){_at(where)}")
        if keys in ([_DATE_TAG], [_TIME_TAG]):
            raise TypeError(
                f"a dict whose only key is {keys[0]!r}{_at(where)} (read back as a tag)"
            )
        return {
            str.__str__(key): _plain(value[key], f"{where}[{key!r}]", depth + 1) for key in keys
        }
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    kind = type(value).__name__
    raise TypeError(f"{'an' if kind[:1] in 'aeiouAEIOU' else 'a'} {kind} ({shown}){_at(where)}")


def _at(where: str) -> str:
    return f" at {where}" if where else ""


def decode_value(data: Any) -> object:
    """Invert ``encode_value`` (lists come back as tuples, since records are immutable)."""
    if isinstance(data, Mapping):
        if set(data) == {_DATE_TAG}:
            return _dt.date.fromisoformat(data[_DATE_TAG])
        if set(data) == {_TIME_TAG}:
            return _dt.time.fromisoformat(data[_TIME_TAG])
        return {key: decode_value(item) for key, item in data.items()}
    if isinstance(data, list):
        return tuple(decode_value(item) for item in data)
    return data


def header_to_dict(header: Header) -> dict[str, Any]:
    """Return the header as a JSON-safe dict."""
    return {
        "title": header.title,
        "category": header.category,
        "note_type": header.note_type,
        "office": header.office,
        "speakers": [{"name": s.name, "role": s.role} for s in header.speakers],
        "venue": header.venue,
        "place": header.place,
        "date": header.date.isoformat() if header.date else None,
        "time": header.time.isoformat() if header.time else None,
        "time_zone": header.time_zone,
    }


def release_to_dict(release: Release) -> dict[str, Any]:
    """Return ``release`` as a JSON-safe dict."""
    return {
        "header": header_to_dict(release.header),
        "confidence": {name: level.value for name, level in release.confidence.items()},
        "origins": dict(release.origins),
        "url": release.url,
        "body": {
            "paragraphs": list(release.body.paragraphs),
            "turns": [
                {"label": label, "text": text, "start": start, "end": end}
                for (label, start, end), text in turn_parts(release.body)
            ],
            "text": release.body.text,
        },
        "disclaimer": release.disclaimer,
        "extras": {key: encode_value(value) for key, value in release.extras.items()},
        "defects": [
            {
                "code": d.code,
                "message": d.message,
                "severity": d.severity.value,
                "start": d.span.start,
                "end": d.span.end,
            }
            for d in release.defects
        ],
        "spans": {key: [start, end] for key, start, end in span_triples(release)},
        "regions": [
            {"kind": kind, "start": start, "end": end}
            for kind, start, end in region_triples(release)
        ],
        "source": release.source,
    }


def release_from_dict(data: Mapping[str, Any]) -> Release:
    """Rebuild a ``Release`` from ``release_to_dict`` output.

    Data written before records had ``confidence``, ``origins`` or ``url`` (no such key)
    gives an empty one (``None`` for ``url``).
    """
    head = data["header"]
    header = Header(
        title=head["title"],
        category=head["category"],
        note_type=head["note_type"],
        office=head["office"],
        speakers=tuple(Speaker(s["name"], s["role"]) for s in head["speakers"]),
        venue=head["venue"],
        place=head["place"],
        date=_dt.date.fromisoformat(head["date"]) if head["date"] else None,
        time=_dt.time.fromisoformat(head["time"]) if head.get("time") else None,
        time_zone=head.get("time_zone"),
    )
    body = data["body"]
    turns = tuple(
        Turn(t["label"], t["text"], Span(t["start"], t["end"])) for t in body.get("turns", ())
    )
    return Release(
        header=header,
        body=Body(tuple(body["paragraphs"]), turns),
        disclaimer=data["disclaimer"],
        source=data["source"],
        spans={key: Span(start, end) for key, (start, end) in data["spans"].items()},
        regions=tuple(Region(r["kind"], Span(r["start"], r["end"])) for r in data["regions"]),
        defects=tuple(
            Defect(d["code"], d["message"], Severity(d["severity"]), Span(d["start"], d["end"]))
            for d in data["defects"]
        ),
        extras={key: decode_value(value) for key, value in data["extras"].items()},
        confidence={name: Confidence(level) for name, level in data.get("confidence", {}).items()},
        origins=dict(data.get("origins", {})),
        url=data.get("url"),
    )
