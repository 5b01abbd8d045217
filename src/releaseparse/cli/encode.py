"""Rows encoded where they are parsed (in the workers with ``--jobs``), and their facts."""

from __future__ import annotations

from typing import Any

import attrs

from releaseparse.cli.outputs import WRITERS
from releaseparse.outcome import ItemId, Outcome
from releaseparse.records import Confidence
from releaseparse.rows import withheld_fields, withhold
from releaseparse.summary import Facts


@attrs.frozen
class Encoded:
    """One input's output row, and what the summary and the failure messages need of it."""

    index: int
    id: ItemId
    error: str | None
    facts: Facts
    row: Any


def encode(
    format: str, outcome: Outcome, *, min_confidence: Confidence = Confidence.UNSURE
) -> Encoded:
    """The row of ``outcome`` in ``format`` and its facts (module level, so it pickles).

    Header values rated below ``min_confidence`` are left out of the row, whatever the
    format (``releaseparse.rows.withhold``); the facts count the row as written.
    """
    error = None if outcome.error is None else str(outcome.error)
    withheld: tuple[str, ...] = ()
    if outcome.release is not None:
        withheld = withheld_fields(outcome.release, min_confidence)
        if withheld:
            outcome = attrs.evolve(outcome, release=withhold(outcome.release, min_confidence))
    row = WRITERS[format].encode(outcome)
    return Encoded(outcome.index, outcome.id, error, Facts.of(outcome, withheld=withheld), row)
