"""The JSON Schema of ``Release.to_dict()``, built from the record classes themselves.

``python -m releaseparse.schema`` prints it; ``docs/release.schema.json`` is a copy that
the tests keep equal to it, and every golden fixture's record is checked against it.
"""

from __future__ import annotations

import datetime as _dt
import json
import types
import typing
from typing import Any

import attrs

from releaseparse.records import ORIGINS, Confidence, Header, Severity, Speaker

SCHEMA_ID = "https://releaseparse.invalid/release.schema.json"

_OFFSET = {"type": "integer", "minimum": 0}
_TEXT = {"type": "string"}


def _of_type(hint: object) -> dict[str, Any]:
    """The schema of one annotated field type of a record (str, int, dates, optionals)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) == 1 and len(typing.get_args(hint)) == 2:
            inner = _of_type(options[0])
            return (
                {"anyOf": [inner, {"type": "null"}]}
                if "$ref" in inner
                else {
                    **inner,
                    "type": [inner["type"], "null"],
                }
            )
    if hint is str:
        return {"type": "string"}
    if hint is int:
        return {"type": "integer"}
    if hint is _dt.date:
        return {"type": "string", "format": "date"}
    if hint is _dt.time:  # ISO without an offset, which JSON Schema's "time" requires
        return {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"}
    if typing.get_origin(hint) is tuple:
        item, *_ = typing.get_args(hint)
        return {"type": "array", "items": _of_type(item)}
    if isinstance(hint, type) and attrs.has(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for the field type {hint!r}")


def _record(cls: type, descriptions: dict[str, str] | None = None) -> dict[str, Any]:
    """An object schema with one property per attrs field of ``cls``, all required."""
    hints = typing.get_type_hints(cls)
    properties = {field.name: _of_type(hints[field.name]) for field in attrs.fields(cls)}
    for name, text in (descriptions or {}).items():
        properties[name] = {**properties[name], "description": text}
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _flat(description: str, **properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def release_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``Release.to_dict()`` satisfies."""
    header = _record(Header, {"time": "the time of day as printed, read as HH:MM:SS"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "releaseparse Release",
        "description": "Release.to_dict(): one parsed release with its source, spans, "
        "regions and defects. Offsets count characters of `source` (half-open).",
        "type": "object",
        "properties": {
            "header": {"$ref": "#/$defs/Header"},
            "confidence": {
                "type": "object",
                "description": "field name (`title`, `speakers`, `date`, `body`, an extra's) "
                "-> how sure the parse is of its value; a field not listed was not rated",
                "additionalProperties": {"$ref": "#/$defs/Confidence"},
            },
            "origins": {
                "type": "object",
                "description": "header field holding a value -> where it came from: `text` "
                "(read from `source`, its span in `spans`) or `metadata` (given by the caller, "
                "no span)",
                "additionalProperties": {"enum": list(ORIGINS)},
            },
            "url": {
                "type": ["string", "null"],
                "description": "the release's address as the caller gave it (metadata)",
            },
            "body": _flat(
                "The body: clean paragraphs and, for transcripts, turns.",
                paragraphs={"type": "array", "items": _TEXT},
                turns={"type": "array", "items": {"$ref": "#/$defs/Turn"}},
                text={**_TEXT, "description": "the paragraphs joined by blank lines"},
            ),
            "disclaimer": {"type": ["string", "null"]},
            "extras": {
                "type": "object",
                "description": 'fields set by custom extractors; dates as {"$date": ISO}, '
                'times as {"$time": ISO}',
            },
            "defects": {"type": "array", "items": {"$ref": "#/$defs/Defect"}},
            "spans": {
                "type": "object",
                "description": "field or part name (`title`, `speakers.0.name`, "
                "`body.paragraphs.2`) -> [start, end] of its raw text",
                "additionalProperties": {"$ref": "#/$defs/Pair"},
            },
            "regions": {
                "type": "array",
                "description": "runs of the source in order; they tile it",
                "items": {"$ref": "#/$defs/Region"},
            },
            "source": {**_TEXT, "description": "the decoded input, every character of it"},
        },
        "required": [
            "header",
            "confidence",
            "origins",
            "url",
            "body",
            "disclaimer",
            "extras",
            "defects",
            "spans",
            "regions",
            "source",
        ],
        "additionalProperties": False,
        "$defs": {
            "Header": header,
            "Speaker": _record(Speaker),
            "Confidence": {
                "description": "how sure the parse is of a value, least sure first",
                "enum": [level.value for level in Confidence],
            },
            "Turn": _flat(
                "One turn of a transcript: the label as printed and what was said.",
                label=_TEXT,
                text=_TEXT,
                start=_OFFSET,
                end=_OFFSET,
            ),
            "Defect": _flat(
                "Something missing, suspicious or repaired, with where it was.",
                code={**_TEXT, "pattern": r"^[a-z0-9_]+(\.[a-z0-9_]+)+$"},
                message=_TEXT,
                severity={"enum": [severity.value for severity in Severity]},
                start=_OFFSET,
                end=_OFFSET,
            ),
            "Region": _flat(
                "A run of the source and what it holds (see the field reference).",
                kind=_TEXT,
                start=_OFFSET,
                end=_OFFSET,
            ),
            "Pair": {"type": "array", "prefixItems": [_OFFSET, _OFFSET], "items": False},
        },
    }


def main() -> None:
    """Print the schema (``python -m releaseparse.schema > release.schema.json``)."""
    print(json.dumps(release_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
