"""Carrying kept input fields (``--keep-field``) from the inputs to their output rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from typing import Any

from releaseparse.cli.fields import RowFields
from releaseparse.cli.inputs import Sized
from releaseparse.cli.outputs import Writer
from releaseparse.outcome import ItemId

#: Output formats whose rows are flat: kept fields are columns fixed before the first row.
FLAT_FORMATS = ("csv", "parquet")


def kept_columns(
    items: Iterator[Sized], fields: RowFields, text_field: str
) -> tuple[list[str], Iterator[Sized]]:
    """The names of the kept input columns, and ``items`` as they were.

    ``--keep-field`` names them. With ``--keep-fields`` they are the fields of the first
    row (the text field left out), read ahead of the others: flat outputs need their
    columns before the first row is written.
    """
    if not fields.keep_all:
        return list(fields.keep), items
    ahead: list[Sized] = []
    columns: list[str] = []
    for sized in items:
        ahead.append(sized)
        if sized.fields is not None:
            columns = [name for name in sized.fields if name != text_field]
            break
    return columns, chain(ahead, items)


class Carrier:
    """Holds the kept fields of the inputs in flight and puts them into their output rows.

    The fields stay in this process (they are never sent to worker processes): each
    input's are held by its index until its row comes back.
    """

    def __init__(
        self, writer: Writer, columns: list[str], warn: Callable[[str], None] | None
    ) -> None:
        self.writer = writer
        self.flat = writer.format in FLAT_FORMATS
        self.columns = frozenset(columns)
        self.warn = warn
        self.held: dict[int, Mapping[str, object]] = {}
        self.warned = False

    def hold(self, index: int, sized: Sized) -> None:
        """Keep the fields of the input at ``index`` until its row is written."""
        if sized.kept:
            self.held[index] = sized.kept

    def put(self, index: int, item_id: ItemId, row: Any) -> Any:
        """``row`` (of the input at ``index``) with its kept fields."""
        kept = self.held.pop(index, {})
        if self.flat and not self.warned and self.warn is not None:
            left_out = [name for name in kept if name not in self.columns]
            if left_out:
                self.warned = True
                self.warn(
                    f"{item_id}: fields not in the first row, left out of the"
                    f" {self.writer.format} columns: {', '.join(left_out)} (JSONL keeps each"
                    " row's own; or name the fields with --keep-field)"
                )
        return self.writer.with_input(row, kept)
