"""Fields of input rows the command line uses: metadata for the parser, columns kept as given."""

from __future__ import annotations

import datetime as _dt
import math
import numbers
from collections.abc import Mapping

import attrs

#: The prefix of kept input columns in flat outputs (CSV, Parquet): ``input.title`` cannot
#: collide with the record's own ``title``.
INPUT_PREFIX = "input."
#: How many field names a message lists before it says how many more there are.
NAMES_SHOWN = 20


class RowFieldError(ValueError):
    """A row whose named fields cannot be used: the row gets a failed output row."""


@attrs.frozen
class RowFields:
    """The row fields the command line names: ``--title-field`` ... and ``--keep-field``."""

    title: str | None = None
    date: str | None = None
    url: str | None = None
    keep: tuple[str, ...] = ()
    keep_all: bool = False

    @property
    def used(self) -> bool:
        """Whether any field is named (or all are kept)."""
        return bool(self.title or self.date or self.url or self.keep or self.keep_all)

    def named(self) -> dict[str, str]:
        """Each field named, with the option that named it (in the order of the options)."""
        named: dict[str, str] = {}
        for option, field in (
            ("--title-field", self.title),
            ("--date-field", self.date),
            ("--url-field", self.url),
        ):
            if field is not None:
                named.setdefault(field, option)
        for field in self.keep:
            named.setdefault(field, "--keep-field")
        return named

    def metadata(self, where: str, row: Mapping[str, object]) -> dict[str, object]:
        """The metadata of ``row``: each named field it holds and that is not null.

        A title or URL that is no text raises ``RowFieldError``; a date is given as it is
        (the parser reads it, or records ``date.metadata_unreadable``).
        """
        metadata: dict[str, object] = {}
        for key, field in (("title", self.title), ("date", self.date), ("url", self.url)):
            if field is None or row.get(field) is None:
                continue
            value = row[field]
            if key != "date" and not isinstance(value, str):
                raise RowFieldError(
                    f"{where}: the field {field!r} (--{key}-field) holds {_shown(value)}, not text"
                )
            metadata[key] = value
        return metadata

    def kept(self, where: str, row: Mapping[str, object], text_field: str) -> dict[str, object]:
        """The kept fields of ``row`` as JSON values (absent ones left out).

        Dates and times become ISO text; a value JSON cannot hold (NaN, bytes, an object)
        raises ``RowFieldError`` naming the field.
        """
        names = [name for name in row if name != text_field] if self.keep_all else self.keep
        kept: dict[str, object] = {}
        for name in names:
            if name in row:
                try:
                    kept[name] = json_value(row[name])
                except TypeError as error:
                    raise RowFieldError(
                        f"{where}: the field {name!r} cannot be kept: {error}"
                    ) from None
        return kept


def json_value(value: object) -> object:
    """``value`` as JSON holds it: dates and times as ISO text, tuples as lists.

    ``TypeError`` for what JSON cannot hold: NaN and infinities, bytes, sets, objects.
    """
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise TypeError(f"{_shown(value)}, which JSON cannot hold")
        return number
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, Mapping) and all(isinstance(key, str) for key in value):
        return {key: json_value(item) for key, item in value.items()}
    raise TypeError(f"{_shown(value)}, which JSON cannot hold")


def _shown(value: object) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"{type(value).__name__} {shown}"


class FieldWatch:
    """Which named fields the rows of one input hold, to say once of those none holds."""

    def __init__(self, named: Mapping[str, str]) -> None:
        self.named = named
        self.rows = 0
        self.seen: dict[str, None] = {}

    def see(self, fields: tuple[str, ...] | None) -> None:
        """Count one row holding ``fields`` (``None``: an input that is no row)."""
        if fields is not None:
            self.rows += 1
            self.seen.update(dict.fromkeys(fields))

    def report(self, name: str) -> str | None:
        """The one message for input ``name`` if it had rows and none held a named field."""
        missing = [field for field in self.named if field not in self.seen]
        if not self.rows or not missing:
            return None
        which = ", ".join(f"{field!r} ({self.named[field]})" for field in missing)
        present = list(self.seen)
        listed = ", ".join(present[:NAMES_SHOWN]) or "none"
        if len(present) > NAMES_SHOWN:
            listed += f" and {len(present) - NAMES_SHOWN} more"
        noun = "field" if len(missing) == 1 else "fields"
        return f"{name}: no row has the {noun} {which}; its rows' fields: {listed}"
