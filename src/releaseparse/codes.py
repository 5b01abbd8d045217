"""The registries the field reference is made from: defect codes and region kinds."""

from __future__ import annotations

from releaseparse.records import Severity

#: Fields the built-in ``confidence`` extractor rates; each has a ``<field>.uncertain`` code.
UNCERTAIN_FIELDS = (
    "title", "category", "note_type", "office", "speakers", "venue", "place", "date", "time",
    "body",
)  # fmt: skip

#: code -> (severity, what it means). ``docs/fields.md`` lists exactly these (a test checks).
DEFECT_CODES: dict[str, tuple[Severity, str]] = {
    "encoding.bom_removed": (Severity.INFO, "a UTF-8 byte-order mark opened the bytes; removed"),
    "encoding.utf16": (Severity.INFO, "the bytes were UTF-16 (they opened with a byte-order mark)"),
    "encoding.utf16_guessed": (
        Severity.INFO,
        "the bytes were UTF-16 without a byte-order mark (told by their NUL bytes)",
    ),
    "encoding.cp1252": (Severity.INFO, "the bytes were not UTF-8; decoded as Windows-1252"),
    "encoding.declared": (
        Severity.INFO,
        "an HTML page's bytes were not UTF-8; decoded as the encoding its meta tag declares",
    ),
    "encoding.invalid_bytes": (
        Severity.WARNING,
        "bytes that decode as nothing; each run replaced by U+FFFD, the span covers it",
    ),
    "source.blank": (Severity.WARNING, "the input holds no text at all"),
    "source.too_large": (
        Severity.ERROR,
        "the input is longer than the parser's `max_size` (50,000,000 characters or bytes) or "
        "`max_lines` (1,000,000); it was not parsed (text is kept as one `unparsed` region, "
        "bytes are not)",
    ),
    "source.more_releases": (
        Severity.INFO,
        "more releases follow on the page (span: their text); `parse_all` returns them all",
    ),
    "source.no_markup": (
        Severity.WARNING,
        "an input rendered as an HTML page held no tag: rendering joined its lines; it is text",
    ),
    "source.rendered_from_html": (
        Severity.INFO,
        "the input was an HTML page, rendered to text with its layout kept (`html=True`, the "
        "CLI's `--html-input` or an `.html` file); the source is that text (empty span at 0)",
    ),
    "source.looks_like_html": (
        Severity.WARNING,
        "the input looks like HTML markup (a page, or text dense in tags) but was parsed as "
        "text; parse it with `html=True` (`--html-input`; needs the `html` extra)",
    ),
    "title.missing": (Severity.ERROR, "no title was found (zero-width span at the text's start)"),
    "date.missing": (
        Severity.ERROR,
        "no dateline in the header (zero-width span where it was expected); never filled in "
        "from the clock",
    ),
    "date.invalid": (
        Severity.ERROR,
        "the dateline is not a calendar day (`November 31, 2017`); the date is `None`, its "
        "span is kept",
    ),
    "date.no_year": (
        Severity.ERROR,
        "the header's date has no year (`3 Dec`); the date is `None`, nothing is guessed",
    ),
    "date.from_title": (
        Severity.INFO,
        "the header has no dateline; the date was read from the title (`Briefing – June 21, 2022`)",
    ),
    "title.metadata_differs": (
        Severity.WARNING,
        "the title the caller gave as metadata differs from the text's (compared without case, "
        "spacing, quote and dash forms or title decorations); the text's is kept, the span is "
        "its",
    ),
    "date.metadata_differs": (
        Severity.WARNING,
        "the date the caller gave as metadata differs from the text's; the text's is kept, the "
        "span is its",
    ),
    "date.metadata_unreadable": (
        Severity.WARNING,
        "the date the caller gave as metadata is not read without guessing (`03/04/2021`, no "
        "year, no calendar day); nothing is filled in from it",
    ),
    "body.missing": (Severity.WARNING, "no body text after the header"),
    **{
        f"{name}.uncertain": (
            Severity.INFO,
            f"the {name.replace('_', ' ')} was read on weak evidence: its confidence is `unsure`"
            " (see `Release.confidence`); the span is the value's",
        )
        for name in UNCERTAIN_FIELDS
    },
    "body.paragraph_rejoined": (
        Severity.INFO,
        "a paragraph the scrape broke mid-sentence was re-joined; the span is the break",
    ),
    "disclaimer.rejoined": (
        Severity.INFO,
        "the disclaimer was broken by the scrape (line breaks, even inside a word); re-joined",
    ),
    "disclaimer.truncated": (
        Severity.WARNING,
        "the input ends inside the disclaimer; the value is the part present",
    ),
    "text.mojibake_repaired": (
        Severity.INFO,
        "mojibake (`â€™` for `’`) was repaired in the value whose raw text the span covers",
    ),
    "text.unclaimed": (
        Severity.INFO,
        "text no extractor recognised; kept as an `unclaimed` region, never dropped",
    ),
    "vocabulary.timeout": (
        Severity.ERROR,
        "a pattern added to the vocabulary took over `PATTERN_TIMEOUT` seconds on one line; "
        "it counted as not matching for the rest of the input",
    ),
    "extractor.failed": (
        Severity.ERROR,
        'an extractor raised under `on_extractor_error="record"`; the others ran',
    ),
    "front_matter.unreadable": (
        Severity.WARNING,
        "(`whitehouse` profile) a front matter line the strict YAML reader does not take "
        "(list, mapping, anchor, tag, duplicate key); the key is left out",
    ),
}

#: region kind -> what it covers. ``docs/fields.md`` shows this table (a test checks),
#: and every region a parse produces has one of these kinds.
REGION_KINDS: dict[str, str] = {
    "chrome": (
        "site chrome above the body (`printable banner`, `.gov` banners, `You are in:` "
        "breadcrumbs, `N MINUTE READ`, `FROM:  THE STATE DEPARTMENT`, …)"
    ),
    "preamble": (
        "other text above the header block: republisher headlines, wire summaries, blog commentary"
    ),
    "header": (
        "header-block text that is no field: a repeated date, a subtitle, brackets around a place"
    ),
    "time": "a time line in the header (`10:30 a.m. EST`)",
    "dateline": "a wire dateline opening the body (`Washington, DC (Outlet) –`)",
    "marker": "a transcript or end marker (`(begin transcript)`, `TRANSCRIPT:`, `# # #`)",
    "caption": "a photo caption (`... State Department photo`)",
    "other_release": "the text of the other releases on the same page",
    "title": "the title line(s), link syntax and category included",
    "note_type": "the header line the note type came from",
    "office": "the header line(s) the office came from",
    "speaker": "the speaker lines: names and roles",
    "venue": "the venue line (`Treaty Room`, `Via Teleconference`)",
    "place": "the place line (`Washington, DC`)",
    "date": "the dateline",
    "body": "one block of body lines (a paragraph, or a part of a re-joined one)",
    "trailer": "lines after the body such as `PRN: 2016/0231`, `2006/712`, `# # #`, `[End]`",
    "disclaimer": "the site disclaimer, however the scrape broke it",
    "blank": "whitespace between the others (line breaks included)",
    "unclaimed": "text no extractor recognised, kept as it is (defect `text.unclaimed`)",
    "unparsed": (
        "an input longer than the parser's `max_size` or `max_lines`, kept but not parsed "
        "(defect `source.too_large`)"
    ),
}
