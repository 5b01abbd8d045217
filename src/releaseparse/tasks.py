"""The items ``parse_many`` takes, and parsing one of them into an ``Outcome`` that never raises."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeAlias

import attrs

from releaseparse.outcome import Failure, ItemId, Outcome, parsed_outcome
from releaseparse.parser import Parser


@attrs.frozen
class Unreadable:
    """A payload that stands for an input that could not be read; its outcome is this error.

    Readers that find a bad input before parsing (a JSONL line that is not JSON, say)
    pass ``(id, Unreadable(type, message))`` so the input still gets its one outcome,
    in order.
    """

    type: str
    message: str


@attrs.frozen
class HtmlSource:
    """A payload that is an HTML page (its markup, or a path to it): rendered, then parsed.

    Parsed with ``html=True`` (``Parser.parse``, ``Parser.parse_file``), so where there
    are workers the page is rendered in them.
    """

    source: str | bytes | os.PathLike[str]


#: What an item's text can be: the text, its bytes, a path to read it from, or any of
#: these as an HTML page.
Payload: TypeAlias = str | bytes | os.PathLike[str] | HtmlSource | Unreadable
#: What the caller knows of a release: ``title``, ``date``, ``url`` (``Parser.parse``).
Metadata: TypeAlias = Mapping[str, object]
#: One input of ``parse_many``: a payload, an ``(id, payload)`` pair, or an
#: ``(id, payload, metadata)`` triple.
Item: TypeAlias = Payload | tuple[ItemId, Payload] | tuple[ItemId, Payload, Metadata | None]


@attrs.frozen
class Task:
    """One item ready to parse: its position, its id, what to read, and its metadata."""

    index: int
    id: ItemId
    payload: Payload
    metadata: Metadata | None = None


def as_html(item: Item) -> Item:
    """``item`` with its text (or file) marked as an HTML page; anything else as it is."""
    if isinstance(item, tuple) and len(item) in (2, 3):
        text = item[1]
        if isinstance(text, str | bytes | os.PathLike):
            return (item[0], HtmlSource(text), *item[2:])
        return item
    if isinstance(item, str | bytes | os.PathLike):
        return HtmlSource(item)
    return item


def make_task(index: int, item: object) -> Task:
    """The task for the item at ``index``; an item of the wrong kind becomes ``Unreadable``."""
    if isinstance(item, tuple) and len(item) in (2, 3):
        item_id = item[0] if isinstance(item[0], str | int) else str(item[0])
        metadata = item[2] if len(item) == 3 else None
        if metadata is not None and not isinstance(metadata, Mapping):
            shown = _shown(metadata)
            message = f"the metadata of item {item_id!r} is {shown}, not a mapping (or None)"
            return Task(index, item_id, Unreadable("TypeError", message))
        if isinstance(item[1], str | bytes | os.PathLike | HtmlSource | Unreadable):
            return Task(index, item_id, item[1], metadata)
        text = _shown(item[1])
        message = f"the text of item {item_id!r} is {text}, not str, bytes or a path"
        return Task(index, item_id, Unreadable("TypeError", message))
    if isinstance(item, str | bytes):
        return Task(index, index, item)
    if isinstance(item, HtmlSource):
        source = item.source
        return Task(index, os.fspath(source) if isinstance(source, os.PathLike) else index, item)
    if isinstance(item, os.PathLike):
        return Task(index, os.fspath(item), item)
    return Task(index, index, Unreadable("TypeError", _bad_item_message(item)))


def _shown(value: object) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return f"{type(value).__name__} {shown}"


def _bad_item_message(item: object) -> str:
    return (
        "items are str or bytes (the text), paths, (id, text) pairs or (id, text, metadata)"
        f" triples; got {_shown(item)}"
    )


def parse_task(parser: Parser, task: Task, strict: bool) -> Outcome:
    """Read and parse one task; any exception becomes the outcome's ``error``."""
    payload = task.payload
    if isinstance(payload, Unreadable):
        return Outcome(task.index, task.id, error=Failure(payload.type, payload.message))
    html = isinstance(payload, HtmlSource)
    source = payload.source if isinstance(payload, HtmlSource) else payload
    try:
        if isinstance(source, os.PathLike):
            release = parser.parse_file(source, metadata=task.metadata, strict=strict, html=html)
        else:
            release = parser.parse(source, metadata=task.metadata, strict=strict, html=html)
    except Exception as error:
        return Outcome(task.index, task.id, error=Failure.from_exception(error))
    return parsed_outcome(task.index, task.id, release)
