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


def _record_and_replace(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _local.errors.append((error.start, error.end))
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


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, list[tuple[int, int]]]:
    _local.errors = []
    try:
        text = data.decode(encoding, errors="releaseparse.record")
        return text, _local.errors
    finally:
        _local.errors = []


def _char_offsets(data: bytes, errors: list[tuple[int, int]]) -> list[int]:
    """Map each undecodable byte run to the offset of its U+FFFD in the decoded text."""
    offsets: list[int] = []
    chars = 0
    previous = 0
    for start, end in errors:
        chars += len(data[previous:start].decode("utf-8", errors="replace"))
        offsets.append(chars)
        chars += 1
        previous = end
    return offsets


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
        text, errors = _decode_replacing(data, "utf-16")
        note = Defect(
            "encoding.utf16",
            "the input was UTF-16 (it opened with a byte-order mark)",
            Severity.INFO,
            Span(0, 0),
        )
        return Decoded(text, (note, *_invalid_defects(text, errors, utf16=True)))
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
    text, errors = _decode_replacing(data, "utf-8")
    return Decoded(text, _invalid_defects(text, errors, data=data))


def _invalid_defects(
    text: str,
    errors: list[tuple[int, int]],
    *,
    data: bytes = b"",
    utf16: bool = False,
) -> tuple[Defect, ...]:
    if not errors:
        return ()
    if utf16:
        offsets = [i for i, char in enumerate(text) if char == "\ufffd"][: len(errors)]
    else:
        offsets = _char_offsets(data, errors)
    runs: list[list[int]] = []  # [byte start, byte end, char start, char end]
    for (start, end), offset in zip(errors, offsets, strict=False):
        if runs and runs[-1][1] == start and runs[-1][3] == offset:
            runs[-1][1], runs[-1][3] = end, offset + 1
        else:
            runs.append([start, end, offset, offset + 1])
    defects = [
        Defect(
            "encoding.invalid_bytes",
            f"bytes {start}-{end - 1} of the input could not be decoded; replaced by U+FFFD",
            Severity.WARNING,
            Span(char_start, char_end),
        )
        for start, end, char_start, char_end in runs[:MAX_LISTED_RUNS]
    ]
    if len(runs) > MAX_LISTED_RUNS:
        rest = runs[MAX_LISTED_RUNS:]
        defects.append(
            Defect(
                "encoding.invalid_bytes",
                f"{len(rest)} more runs of undecodable bytes between bytes {rest[0][0]} and"
                f" {rest[-1][1] - 1}, each replaced by U+FFFD",
                Severity.WARNING,
                Span(rest[0][2], rest[-1][3]),
            )
        )
    return tuple(defects)
