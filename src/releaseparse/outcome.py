"""``Outcome``: what ``parse_many`` gives for one input, its record or the error that stopped it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from releaseparse.records import Release

#: An item's id: the path it was read from, the id given with it, or its position.
ItemId = str | int


@attrs.frozen
class Failure:
    """Why an input gave no record: the exception's type name and its message."""

    type: str
    message: str

    @classmethod
    def from_exception(cls, error: BaseException) -> Failure:
        """The failure an exception stands for (only names and text: it crosses processes)."""
        return cls(type(error).__name__, str(error) or repr(error))

    def __str__(self) -> str:
        return f"{self.type}: {self.message}"


class OutcomeError(RuntimeError):
    """Raised by ``Outcome.unwrap()`` for an input that gave no record."""


@attrs.frozen
class Outcome:
    """One input's result: ``release`` when it parsed, otherwise ``error``.

    ``id`` is the input's path (as given), the id of an ``(id, text)`` pair or an
    ``(id, text, metadata)`` triple, or, for bare ``str``/``bytes`` items, its
    position; ``index`` is always its position in the input.
    """

    index: int
    id: ItemId
    release: Release | None = None
    error: Failure | None = None

    def __attrs_post_init__(self) -> None:
        if (self.release is None) == (self.error is None):
            raise ValueError("an outcome holds either a release or an error, not both or neither")

    @property
    def ok(self) -> bool:
        """Whether the input gave a record."""
        return self.release is not None

    def unwrap(self) -> Release:
        """The record, or ``OutcomeError`` naming the input and what stopped it."""
        if self.release is None:
            raise OutcomeError(f"{self.id}: {self.error}")
        return self.release

    def to_row(self) -> dict[str, Any]:
        """A flat row for tables: ``id`` and ``error`` then the columns of ``Release.to_row``."""
        from releaseparse.rows import outcome_row

        return outcome_row(self)

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict: ``{"id", "release"}`` or ``{"id", "error": {"type", "message"}}``."""
        if self.release is not None:
            return {"id": self.id, "release": self.release.to_dict()}
        assert self.error is not None
        return {"id": self.id, "error": {"type": self.error.type, "message": self.error.message}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any], index: int = 0) -> Outcome:
        """Rebuild an outcome from ``to_json`` output (``index`` is not stored there)."""
        if "release" in data:
            return cls(index, data["id"], release=Release.from_dict(data["release"]))
        error = data["error"]
        return cls(index, data["id"], error=Failure(error["type"], error["message"]))


_new_object = object.__new__
_set_index, _set_id, _set_release, _set_error = (
    Outcome.__dict__[field.name].__set__ for field in attrs.fields(Outcome)
)


def parsed_outcome(index: int, item_id: ItemId, release: Release) -> Outcome:
    """``Outcome(index, item_id, release=release)`` built without attrs' ``__init__``.

    For ``parse_many``'s parent, once per record: holding a release and no error, it
    needs no check, and its slots set directly cost a third of the generated ``__init__``.
    """
    outcome = _new_object(Outcome)
    _set_index(outcome, index)
    _set_id(outcome, item_id)
    _set_release(outcome, release)
    _set_error(outcome, None)
    return outcome
