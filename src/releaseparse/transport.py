"""How a worker's results travel to ``parse_many``'s parent: a chunk pickled in one buffer.

A worker pickles each result of a chunk after the other into one buffer (``ChunkWriter``)
and the parent unpickles them one at a time as it yields them (``ChunkReader``), so a
record the caller drops dies young on both sides (see ``workers._packed``). Both pickle
without a memo ("fast" mode: no bookkeeping per object) but know the same fixed table of
objects by number (``WIRE_TABLE``): the names, kinds, levels and severities every record
repeats travel as two bytes and unpickle as no new object. The table only saves work:
an object not in it (a custom region kind, say) is pickled in full, as any other.

The shortcut leans on two things CPython does but does not promise: a pickler in fast
mode (a documented but deprecated setting) still reads a memo set from a dict, and an
unpickler's memo can be copied from another's. ``table_travels`` checks both once per
process, by sending the table itself; where either fails (another Python, another
version), each result is pickled alone and the chunk sent as a list of them: slower,
never wrong.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import pickle
from collections.abc import Iterator
from typing import Any

import attrs

from releaseparse.records import ORIGINS, Confidence, Header, Severity
from releaseparse.state import _numbered_names

#: Region kinds and span names of the built-in extractors. Literal names like these are
#: interned strings, one object per process, so the parser's are these very objects.
_NAMES = (
    *(field.name for field in attrs.fields(Header)),
    "body", "disclaimer", "url", "blank", "chrome", "speaker", "marker", "preamble",
    "trailer", "header", "other_release", "turns", "unclaimed", "dateline", "caption",
    "markup", "front_matter",
)  # fmt: skip

#: How many of the body's paragraph names (``body.paragraphs.N``) the table holds: the
#: parser's own (made once, ``state._numbered_names``), so the very objects it uses.
_PARAGRAPH_NAMES = 64

#: What workers and the parent number the same way, each side building it alike. Fixed
#: (never filled as records come): workers started apart would number a table filled as
#: it goes each its own way.
WIRE_TABLE: tuple[object, ...] = tuple(
    dict.fromkeys(
        (
            *Confidence,
            *Severity,
            *ORIGINS,
            *_NAMES,
            *_numbered_names("body", "paragraphs", 0)[:_PARAGRAPH_NAMES],
            _dt.date,
            _dt.time,
        )
    )
)

#: Pickle opcodes the table's template is written with (``pickletools``' names).
_PROTO_5, _MEMOIZE, _POP, _NONE, _STOP = b"\x80\x05", b"\x94", b"0", b"N", b"."


def _pickler(buffer: io.BytesIO) -> pickle.Pickler:
    """A pickler into ``buffer`` that keeps no memo but knows ``WIRE_TABLE`` by number."""
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    # In fast mode the memo is only read: a table object is written as its number, and
    # nothing pickled is remembered (a record repeats little the table does not hold).
    pickler.fast = True
    pickler.memo = {id(item): (number, item) for number, item in enumerate(WIRE_TABLE)}
    return pickler


def _pickled_alone(item: object) -> bytes:
    """The opcodes that push ``item``, without a memo, a frame, a header or a stop."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, 2)  # protocol 2: no frames to take apart
    pickler.fast = True
    pickler.dump(item)
    return buffer.getvalue()[len(_PROTO_5) : -len(_STOP)]


@functools.cache
def _template() -> pickle.Unpickler:
    """An unpickler whose memo holds ``WIRE_TABLE``, each object at its number.

    Python 3.11 cannot set an unpickler's memo from a dict (it is left empty), only from
    another unpickler's: this one loads a pickle that memoises each item in turn.
    """
    steps = b"".join(_pickled_alone(item) + _MEMOIZE + _POP for item in WIRE_TABLE)
    template = pickle.Unpickler(io.BytesIO(_PROTO_5 + steps + _NONE + _STOP))
    template.load()
    return template


@functools.cache
def table_travels() -> bool:
    """Whether this Python sends ``WIRE_TABLE`` by number and reads it back as itself.

    The table is pickled as the writer pickles (fast mode, the memo set from a dict) and
    read as the reader reads (the memo copied from ``_template``'s): every item must come
    back equal and of its type (the template's own copy of a name, members as themselves),
    and the pickle hold references only (at most five bytes an item, where the names
    written in full would take more). Anything else (an error, a
    memo left empty, a copy) says no, and chunks travel as lists of pickles instead.
    """
    try:
        buffer = io.BytesIO()
        _pickler(buffer).dump(WIRE_TABLE)
        reader = pickle.Unpickler(io.BytesIO(buffer.getvalue()))
        reader.memo = _template().memo
        back = reader.load()
    except Exception:
        return False
    return (
        type(back) is tuple
        and len(back) == len(WIRE_TABLE)
        and all(
            got == item and type(got) is type(item)
            for got, item in zip(back, WIRE_TABLE, strict=True)
        )
        and len(buffer.getvalue()) <= _MOST_BYTES_AN_ITEM * len(WIRE_TABLE) + _WRAPPING
    )


#: A reference to a memo entry takes two bytes (``BINGET``) or five (``LONG_BINGET``).
_MOST_BYTES_AN_ITEM = 5
#: What a pickle of a tuple adds around its items: header, frame, ``MARK``, ``TUPLE``, stop.
_WRAPPING = 16


class ChunkWriter:
    """A worker's results of one chunk, pickled one after the other into one buffer."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._by_table = table_travels()
        self._pickler = _pickler(self._buffer) if self._by_table else None
        self._alone: list[bytes] = []  # without the table: each result pickled alone

    def add(self, result: object) -> None:
        """Pickle ``result`` after the ones before; if it cannot be, nothing of it is kept."""
        if self._pickler is None:
            self._alone.append(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
            return
        mark = self._buffer.tell()
        try:
            self._pickler.dump(result)
        except BaseException:
            self._buffer.seek(mark)
            self._buffer.truncate()
            # A dump that failed midway may leave the pickler's state astray: a new one.
            self._pickler = _pickler(self._buffer)
            raise

    def take(self) -> bytes:
        """The results added since the last ``take``, and an empty buffer for the next."""
        if self._pickler is None:
            alone, self._alone = self._alone, []
            return pickle.dumps(alone, pickle.HIGHEST_PROTOCOL) if alone else b""
        data = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return data


class ChunkReader:
    """The results a ``ChunkWriter`` pickled, unpickled one at a time in the same order."""

    def __init__(self, data: bytes) -> None:
        self._unpickler: pickle.Unpickler | None = None
        self._alone: Iterator[bytes] = iter(())
        if table_travels():
            self._unpickler = pickle.Unpickler(io.BytesIO(data))
            self._unpickler.memo = _template().memo
        elif data:
            self._alone = iter(pickle.loads(data))

    def next(self) -> Any:
        """The next result."""
        if self._unpickler is None:
            return pickle.loads(next(self._alone))
        return self._unpickler.load()
