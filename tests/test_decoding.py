"""Decoding bytes: BOMs, UTF-16, cp1252, and undecodable bytes recorded with offsets."""

from __future__ import annotations

from releaseparse.decoding import MAX_LISTED_RUNS, decode


def test_str_passes_through() -> None:
    assert decode("caf\u00e9").text == "caf\u00e9"
    assert decode("x").defects == ()


def test_utf8_bom_is_removed_and_noted() -> None:
    decoded = decode(b"\xef\xbb\xbfcaf\xc3\xa9")
    assert decoded.text == "caf\u00e9"
    assert [d.code for d in decoded.defects] == ["encoding.bom_removed"]


def test_utf16_with_bom() -> None:
    decoded = decode("caf\u00e9\n".encode("utf-16"))
    assert decoded.text == "caf\u00e9\n"
    assert [d.code for d in decoded.defects] == ["encoding.utf16"]


def test_cp1252() -> None:
    decoded = decode("It\u2019s caf\u00e9 \u2013 \u201cyes\u201d".encode("cp1252"))
    assert decoded.text == "It\u2019s caf\u00e9 \u2013 \u201cyes\u201d"
    assert [d.code for d in decoded.defects] == ["encoding.cp1252"]


def test_invalid_bytes_are_replaced_and_recorded() -> None:
    decoded = decode(b"ok \x81\x8d then \xc3\xa9 and \xff")
    assert decoded.text == "ok \ufffd\ufffd then \u00e9 and \ufffd"
    spans = [(d.span.start, d.span.end) for d in decoded.defects]
    assert spans == [(3, 5), (17, 18)]
    assert all(d.code == "encoding.invalid_bytes" for d in decoded.defects)
    assert "bytes 3-4" in decoded.defects[0].message


def test_many_invalid_runs_are_summed_up() -> None:
    data = b"a\x81" * (MAX_LISTED_RUNS + 10)
    defects = decode(data).defects
    assert len(defects) == MAX_LISTED_RUNS + 1
    assert "10 more runs" in defects[-1].message
