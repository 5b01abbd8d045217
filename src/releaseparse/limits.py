"""The largest input a parser reads, and the record an input past it gets instead."""

from __future__ import annotations

from releaseparse.records import Body, Defect, Header, Region, Release, Severity, Span

#: The default limit: inputs of more characters (or bytes) than this are not parsed.
DEFAULT_MAX_SIZE = 50_000_000
#: The default limit on lines. Memory grows with lines more than with characters (each
#: line is an object, and a short one may become a region of its own): a million lines
#: of one character each take about 800 MB to parse.
DEFAULT_MAX_LINES = 1_000_000


def count_lines(text: str) -> int:
    r"""How many lines ``text`` holds (``\r\n``, ``\r`` and ``\n`` end one), fast."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    return breaks + (not text.endswith(("\n", "\r")) and bool(text))


#: The region kind of input that was kept but not parsed.
UNPARSED = "unparsed"


def too_large(
    size: int,
    limit: int,
    *,
    text: str = "",
    unit: str = "characters",
    setting: str = "Parser(max_size=...), the CLI's --max-mb",
) -> Release:
    """The record of an input of ``size`` characters or bytes, past ``limit``: not parsed.

    ``text`` is kept as the source (one ``unparsed`` region) when the input was text;
    bytes past the limit are neither decoded nor kept, so the source is empty and the
    defect says how many there were.
    """
    message = (
        f"the input has {size:,} {unit}, more than this parser's limit of {limit:,}"
        f" ({setting}); it was not parsed"
    )
    end = len(text)
    return Release(
        header=Header(),
        body=Body(),
        disclaimer=None,
        source=text,
        regions=(Region(UNPARSED, Span(0, end)),) if end else (),
        defects=(Defect("source.too_large", message, Severity.ERROR, Span(0, end)),),
    )
