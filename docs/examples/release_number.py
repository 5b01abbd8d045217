"""A custom field: the release number (``PRN: 2006/712``) as an extra, added after the date."""

from __future__ import annotations

import regex

from releaseparse import Parser, ParseState, Span
from releaseparse.testing import check_extractor

#: A whole line holding a release number, with or without the ``PRN:`` label.
RELEASE_NUMBER = regex.compile(r"\s*(?:PRN:\s*)?(?P<number>(?:19|20)\d\d/\d{1,4})\s*")


def release_number(state: ParseState) -> None:
    """Set ``release_number`` from the first unclaimed line that is one."""
    for line in state.unclaimed_lines():
        match = RELEASE_NUMBER.fullmatch(line.text)
        if match is None:
            continue
        state.claim(Span(line.start, line.end), "release_number")
        start, end = match.span("number")
        state.set("release_number", match["number"], Span(line.start + start, line.start + end))
        return


def plugin(parser: Parser) -> None:
    """The plugin an installed package registers: the release number after the date."""
    parser.add("release_number", release_number, after="date")


EXAMPLE = """\
Harbor Grants Announced

Media Note
Office of the Spokesperson
Washington, DC
PRN: 2006/712
November 16, 2006

Officials met with partners to discuss the grants.
"""


def test_release_number() -> None:
    """The value, the exact text its span covers, and no defects: one line."""
    check_extractor(
        release_number,
        EXAMPLE,
        after="date",
        field="release_number",
        value="2006/712",
        span_text="2006/712",
        defects=[],
    )
