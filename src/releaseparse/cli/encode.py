"""Rows encoded where they are parsed (in the workers with ``--jobs``), and their facts."""

from __future__ import annotations

from typing import Any

import attrs

from releaseparse.cli.outputs import WRITERS
from releaseparse.outcome import ItemId, Outcome
from releaseparse.summary import Facts


@attrs.frozen
class Encoded:
    """One input's output row, and what the summary and the failure messages need of it."""

    index: int
    id: ItemId
    error: str | None
    facts: Facts
    row: Any


def encode(format: str, outcome: Outcome) -> Encoded:
    """The row of ``outcome`` in ``format`` and its facts (module level, so it pickles)."""
    error = None if outcome.error is None else str(outcome.error)
    row = WRITERS[format].encode(outcome)
    return Encoded(outcome.index, outcome.id, error, Facts.of(outcome), row)
