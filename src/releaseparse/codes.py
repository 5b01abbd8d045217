"""The registry of defect codes the built-in parser emits, with severity and meaning."""

from __future__ import annotations

from releaseparse.records import Severity

#: code -> (severity, what it means). ``docs/fields.md`` lists exactly these (a test checks).
DEFECT_CODES: dict[str, tuple[Severity, str]] = {
    "encoding.bom_removed": (Severity.INFO, "a UTF-8 byte-order mark opened the bytes; removed"),
    "encoding.utf16": (Severity.INFO, "the bytes were UTF-16 (they opened with a byte-order mark)"),
    "encoding.utf16_guessed": (
        Severity.INFO,
        "the bytes were UTF-16 without a byte-order mark (told by their NUL bytes)",
    ),
    "encoding.cp1252": (Severity.INFO, "the bytes were not UTF-8; decoded as Windows-1252"),
    "encoding.invalid_bytes": (
        Severity.WARNING,
        "bytes that decode as nothing; each run replaced by U+FFFD, the span covers them",
    ),
    "source.blank": (Severity.WARNING, "the input holds no text at all"),
    "source.too_large": (
        Severity.ERROR,
        "the input is longer than the parser's ``max_size`` (50,000,000 characters or bytes) or"
        " ``max_lines`` (1,000,000); it was not parsed (text is kept as one ``unparsed``"
        " region, bytes are not)",
    ),
    "source.more_releases": (
        Severity.INFO,
        "more releases follow on the page (span: their text); ``parse_all`` returns them all",
    ),
    "title.missing": (Severity.ERROR, "no title was found (zero-width span at the text's start)"),
    "date.missing": (
        Severity.ERROR,
        "no dateline in the header (zero-width span where it was expected); never filled in",
    ),
    "date.invalid": (
        Severity.ERROR,
        "the dateline is not a calendar day (``November 31, 2017``); the date is ``None``",
    ),
    "date.no_year": (
        Severity.ERROR,
        "the header's date has no year (``3 Dec``); the date is ``None``, nothing is guessed",
    ),
    "date.from_title": (
        Severity.INFO,
        "the header has no dateline; the date was read from the title",
    ),
    "body.missing": (Severity.WARNING, "no body text after the header"),
    "body.paragraph_rejoined": (
        Severity.INFO,
        "a paragraph the scrape broke mid-sentence was re-joined; the span is the break",
    ),
    "disclaimer.rejoined": (Severity.INFO, "the disclaimer was broken by the scrape; re-joined"),
    "disclaimer.truncated": (
        Severity.WARNING,
        "the input ends inside the disclaimer; the value is the part present",
    ),
    "text.mojibake_repaired": (
        Severity.INFO,
        "mojibake (``â€™`` for ``’``) was repaired in the value whose raw text the span covers",
    ),
    "text.unclaimed": (
        Severity.INFO,
        "text no extractor recognised; kept as an ``unclaimed`` region, never dropped",
    ),
    "vocabulary.timeout": (
        Severity.ERROR,
        "a pattern added to the vocabulary took over ``PATTERN_TIMEOUT`` seconds on one line;"
        " it counted as not matching for the rest of the input",
    ),
    "extractor.failed": (
        Severity.ERROR,
        "an extractor raised under ``on_extractor_error='record'``; the others ran",
    ),
    "front_matter.unreadable": (
        Severity.WARNING,
        "a front matter line the strict YAML reader does not take (a list, a mapping, an"
        " anchor, a tag, a duplicate key); the key is left out, never guessed",
    ),
}
