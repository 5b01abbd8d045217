"""Decoding raw input bytes into the source text, recording every guess and replacement."""

from __future__ import annotations

import codecs
import threading

import attrs

from releaseparse.records import Defect, Severity, Span

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Bytes that cp1252 leaves undefined: text that holds them is not cp1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\r\x0c")

#: Undecodable runs listed one by one; the rest are summed up in one more defect.
MAX_LISTED_RUNS = 50

_local = threading.local()


class _Runs:
    """The runs of undecodable bytes of one decoding, merged as the decoder meets them.

    Memory stays the same however many bytes are bad: the first ``MAX_LISTED_RUNS``
    runs are kept, the rest only counted with where they begin and end. Each
    replacement's offset in the text is that of the U+FFFD characters of ``text`` in
    turn (UTF-16: decoded once before) or counted from the bytes between runs (UTF-8).
    """

    def __init__(self, data: bytes, text: str | None = None) -> None:
        self.data = data
        self.text = text
        self.listed: list[list[int]] = []  # [byte start, byte end, char start, char end]
        self.more = 0  # runs past the listed ones, and the first and last of them:
        self.first_more = (0, 0)  # (byte start, char start)
        self.last_more = (0, 0)  # (byte end, char end)
        self._run: list[int] | None = None  # the run that may still grow
        self._byte = self._char = 0  # UTF-8: where the last replacement ended
        self._search = 0  # UTF-16: where the next U+FFFD is looked for

    def _offset(self, start: int, end: int) -> int:
        """Where in the text the replacement of bytes ``start`` to ``end`` lies."""
        if self.text is not None:
            found = self.text.find("\ufffd", self._search)
            self._search = found + 1
            return found
        self._char += len(self.data[self._byte : start].decode("utf-8", errors="replace"))
        offset = self._char
        self._char, self._byte = offset + 1, end
        return offset

    def add(self, start: int, end: int) -> None:
        """Record bytes ``start`` to ``end``, replaced by one U+FFFD."""
        offset = self._offset(start, end)
        run = self._run
        if run is not None and run[1] == start and run[3] == offset:
            run[1], run[3] = end, offset + 1
            return
        self.close()
        self._run = [start, end, offset, offset + 1]

    def close(self) -> None:
        """File the run that may still grow among the listed ones, or count it."""
        run, self._run = self._run, None
        if run is None:
            return
        if len(self.listed) < MAX_LISTED_RUNS:
            self.listed.append(run)
            return
        if not self.more:
            self.first_more = (run[0], run[2])
        self.more += 1
        self.last_more = (run[1], run[3])


def _record_and_replace(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _local.runs.add(error.start, error.end)
    return "\ufffd", error.end


codecs.register_error("releaseparse.record", _record_and_replace)


@attrs.frozen
class Decoded:
    """The decoded text and the defects decoding produced."""

    text: str
    defects: tuple[Defect, ...] = ()


def _looks_like_cp1252(data: bytes) -> bool:
    if _CP1252_UNDEFINED.intersection(data):
        return False
    controls = sum(1 for byte in data if byte in _CONTROL_BYTES)
    return controls * 100 <= len(data)


#: Share of NUL bytes above which UTF-16 without a byte-order mark is suspected.
_UTF16_NULS = 0.3


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark, told by its NUL bytes falling on one side.

    Text in Latin script has a NUL in every other byte in UTF-16 and none in real
    UTF-8 prose. Only a strict decoding that gives text without NULs or controls is
    taken; anything less certain is left to the other readings.
    """
    if len(data) < 4 or len(data) % 2 or data.count(0) < _UTF16_NULS * len(data):
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    encoding = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(char in text for char in "\x00\x01\x02\x03\x04\x05\x06\x07\x08"):
        return None
    note = Defect(
        "encoding.utf16_guessed",
        f"the input was {encoding.upper()} without a byte-order mark (guessed from its NUL bytes)",
        Severity.INFO,
        Span(0, 0),
    )
    return Decoded(text, (note,))


def _decode_replacing(data: bytes, encoding: str, runs: _Runs) -> str:
    """``data`` decoded with each undecodable run replaced by U+FFFD and added to ``runs``."""
    _local.runs = runs
    try:
        return data.decode(encoding, errors="releaseparse.record")
    finally:
        _local.runs = None
        runs.close()


def decode(source: str | bytes) -> Decoded:
    """Decode ``source`` into text, with defects for every guess and replacement.

    UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252, else UTF-8 with each
    undecodable byte run replaced by U+FFFD and recorded as a defect.
    """
    if isinstance(source, str):
        return Decoded(source)
    data = bytes(source)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        note = Defect(
            "encoding.bom_removed",
            "a UTF-8 byte-order mark opened the input; it is not part of the source",
            Severity.INFO,
            Span(0, 0),
        )
        inner = decode(data)
        return Decoded(inner.text, (note, *inner.defects))
    if data[:2] in _UTF16_BOMS:
        # Decoded twice when some unit is bad: a replacement's offset is that of the
        # U+FFFD characters in turn, which only the whole text tells.
        text = data.decode("utf-16", errors="replace")
        runs = _Runs(data, text)
        if "\ufffd" in text:
            _decode_replacing(data, "utf-16", runs)
        note = Defect(
            "encoding.utf16",
            "the input was UTF-16 (it opened with a byte-order mark)",
            Severity.INFO,
            Span(0, 0),
        )
        return Decoded(text, (note, *_invalid_defects(runs)))
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        return guessed
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _looks_like_cp1252(data):
        defect = Defect(
            "encoding.cp1252",
            "the input was not UTF-8; it was decoded as Windows-1252",
            Severity.INFO,
            Span(0, 0),
        )
        return Decoded(data.decode("cp1252"), (defect,))
    runs = _Runs(data)
    text = _decode_replacing(data, "utf-8", runs)
    return Decoded(text, _invalid_defects(runs))


def _invalid_defects(runs: _Runs) -> tuple[Defect, ...]:
    defects = [
        Defect(
            "encoding.invalid_bytes",
            f"bytes {start}-{end - 1} of the input could not be decoded; replaced by U+FFFD",
            Severity.WARNING,
            Span(char_start, char_end),
        )
        for start, end, char_start, char_end in runs.listed
    ]
    if runs.more:
        (first_byte, first_char), (last_byte, last_char) = runs.first_more, runs.last_more
        defects.append(
            Defect(
                "encoding.invalid_bytes",
                f"{runs.more} more runs of undecodable bytes between bytes {first_byte} and"
                f" {last_byte - 1}, each replaced by U+FFFD",
                Severity.WARNING,
                Span(first_char, last_char),
            )
        )
    return tuple(defects)
