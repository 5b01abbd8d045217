"""Coverage-guided fuzzing of ``parse`` and ``parse_all`` with atheris (libFuzzer).

Run from the repository root (``pip install -e '.[fuzz]'`` first)::

    mkdir -p fuzz/corpus
    python fuzz/fuzz_parse.py fuzz/corpus fixtures -max_total_time=1800

libFuzzer reads every file of ``fuzz/corpus`` and ``fixtures`` as seeds and writes
the new inputs it finds to ``fuzz/corpus`` (the first folder). A crash leaves a
``crash-<hash>`` file with the input; ``python fuzz/fuzz_parse.py crash-<hash>`` runs it
again. Each input is tried as bytes, as text (lone surrogates included), and under
``strict=True``; every record must keep ``releaseparse.testing.check_record``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import releaseparse
    from releaseparse.testing import check_record


def _as_text(data: bytes) -> str:
    """The input as text: UTF-8 where it decodes, and lone surrogates where it does not."""
    return data.decode("utf-8", errors="surrogateescape")


def test_one_input(data: bytes) -> None:
    """Parse ``data`` every way a caller can; any exception but the strict one is a find."""
    for source in (data, _as_text(data)):
        release = releaseparse.parse(source)
        check_record(release)
        for part in releaseparse.parse_all(source):
            check_record(part)
            if part.source != release.source:
                raise AssertionError("parse_all and parse read different sources")
        try:
            releaseparse.parse(source, strict=True)
        except releaseparse.ReleaseParseError as error:
            if not error.errors:
                raise AssertionError("a strict failure without an error defect") from error


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
