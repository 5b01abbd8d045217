"""The items ``parse_many`` takes, and parsing one of them into an ``Outcome`` that never raises."""

from __future__ import annotations

import os
from typing import TypeAlias

import attrs

from releaseparse.outcome import Failure, ItemId, Outcome
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


#: What an item's text can be: the text, its bytes, or a path to read it from.
Payload: TypeAlias = str | bytes | os.PathLike[str] | Unreadable
#: One input of ``parse_many``: a payload, or an ``(id, payload)`` pair.
Item: TypeAlias = Payload | tuple[ItemId, Payload]


@attrs.frozen
class Task:
    """One item ready to parse: its position, its id, and what to read."""

    index: int
    id: ItemId
    payload: Payload


def make_task(index: int, item: object) -> Task:
    """The task for the item at ``index``; an item of the wrong kind becomes ``Unreadable``."""
    if isinstance(item, tuple) and len(item) == 2:
        item_id = item[0] if isinstance(item[0], str | int) else str(item[0])
        if isinstance(item[1], str | bytes | os.PathLike | Unreadable):
            return Task(index, item_id, item[1])
        text = _shown(item[1])
        message = f"the text of item {item_id!r} is {text}, not str, bytes or a path"
        return Task(index, item_id, Unreadable("TypeError", message))
    if isinstance(item, str | bytes):
        return Task(index, index, item)
    if isinstance(item, os.PathLike):
        return Task(index, os.fspath(item), item)
    return Task(index, index, Unreadable("TypeError", _bad_item_message(item)))


def _shown(value: object) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return f"{type(value).__name__} {shown}"


def _bad_item_message(item: object) -> str:
    return f"items are str or bytes (the text), paths, or (id, text) pairs; got {_shown(item)}"


def parse_task(parser: Parser, task: Task, strict: bool) -> Outcome:
    """Read and parse one task; any exception becomes the outcome's ``error``."""
    payload = task.payload
    if isinstance(payload, Unreadable):
        return Outcome(task.index, task.id, error=Failure(payload.type, payload.message))
    try:
        if isinstance(payload, os.PathLike):
            release = parser.parse_file(payload, strict=strict)
        else:
            release = parser.parse(payload, strict=strict)
    except Exception as error:
        return Outcome(task.index, task.id, error=Failure.from_exception(error))
    return Outcome(task.index, task.id, release=release)
