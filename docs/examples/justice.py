"""A profile of its own: Justice Department press releases, from the public API alone.

The layout: the masthead (``Department of Justice``, ``Office of Public Affairs``),
``FOR IMMEDIATE RELEASE``, a weekday dateline, sometimes the issuing office, the
title, the body, the end mark ``###``, a release number (``19-123``) and a contact block.
"""

from __future__ import annotations

import regex

from releaseparse import DEFAULT_VOCABULARY, Confidence, Parser, ParseState, Profile, Span
from releaseparse.testing import check_record
from releaseparse.toolkit import (
    checks,
    claim_markers,
    read_body,
    read_dateline,
    set_text,
    trimmed,
)

#: The department's line atop every release.
DEPARTMENT = "Department of Justice"
#: The default vocabulary knows ``FOR IMMEDIATE RELEASE`` (chrome) and ``###`` (a marker);
#: the offices that issue releases besides ``Office of ...`` ones are added.
VOCABULARY = DEFAULT_VOCABULARY.extend(
    offices=[
        "Antitrust Division",
        "Civil Rights Division",
        "Criminal Division",
        "Environment and Natural Resources Division",
        "National Security Division",
    ],
)
RELEASE_NUMBER = regex.compile(r"\d{2}-\d{1,4}")
#: The most lines the header has, the title's included.
MAX_LINES = 7


def header(state: ParseState) -> None:
    """Masthead, ``FOR IMMEDIATE RELEASE``, dateline, office and title, top down."""
    vocabulary = state.vocabulary
    offices: list[Span] = []  # the masthead's office line, and any after the dateline
    dated = False
    for line in [line for line in state.unclaimed_lines() if line.text.strip()][:MAX_LINES]:
        span = trimmed(state.source, line.start, line.end)  # the line without its spaces
        text = span.slice(state.source)
        reading = None if dated else read_dateline(text)
        if text.casefold() == DEPARTMENT.casefold():
            state.claim(span, "masthead")  # a region kind of our own
        elif vocabulary.is_office(text):
            offices.append(span)
        elif vocabulary.is_chrome(text):  # FOR IMMEDIATE RELEASE, in any case
            state.claim(span, "chrome")
        elif reading is not None and reading.value is not None:
            state.claim(span, "date")
            state.set("date", reading.value, span)
            dated = True
        elif dated:
            set_text(state, "title", span, kind="title")
            # The layout seen whole (a dateline, then the title) makes the title sure.
            state.rate("title", Confidence.SURE)
            break
        else:
            break  # not this layout: the checks say what is missing
    if offices:
        *masthead, issuer = offices  # the last office line is the one that issued it
        for span in masthead:
            state.claim(span, "masthead")
        set_text(state, "office", issuer, kind="office")


def end_matter(state: ParseState) -> None:
    """``###``, then the release number (an extra) and the contact block (another)."""
    end = state.span_of("title")
    claim_markers(state, 0 if end is None else end.end)
    marks = [start for start, _end, kind in state.claims() if kind == "marker"]
    if not marks:
        return
    rest = [
        trimmed(state.source, line.start, line.end)
        for line in state.unclaimed_lines(marks[-1])
        if line.text.strip()
    ]
    if rest and RELEASE_NUMBER.fullmatch(rest[0].slice(state.source)):
        number = rest.pop(0)
        # A trailer claim ends the body: read_body stops at the first one.
        state.claim(number, "trailer")
        state.set("release_number", number.slice(state.source), number)
    if rest and rest[0].slice(state.source) == "Contact":
        span = Span(rest[0].start, rest[-1].end)
        state.claim(span, "contact")
        # A list is kept as a tuple: the record is the same after to_dict/from_dict.
        state.set("contact", [line.slice(state.source) for line in rest[1:]], span)


def body(state: ParseState) -> None:
    """The body: every unclaimed line from below the title to the first trailer."""
    title = state.span_of("title")
    read_body(state, 0 if title is None else title.end)


PROFILE = Profile(
    name="justice",
    vocabulary=VOCABULARY,
    extractors=(
        ("header", header),
        ("end_matter", end_matter),
        ("body", body),
        ("checks", checks),  # title.missing, date.missing, body.missing: --strict works
    ),
    description="U.S. Department of Justice press releases",
)

EXAMPLE = """\
Department of Justice
Office of Public Affairs

FOR IMMEDIATE RELEASE
Tuesday, March 5, 2019

Harbor Dredging Company Pleads Guilty to Rigging Bids

A marine construction company pleaded guilty today to rigging bids for dredging.

###

19-123

Contact
Press Office
202-514-2007
"""


def test_justice_profile() -> None:
    """Each field, and every character in a region no extractor left unclaimed."""
    release = Parser(profile=PROFILE).parse(EXAMPLE)
    check_record(release)
    header = release.header
    assert header.title == "Harbor Dredging Company Pleads Guilty to Rigging Bids"
    assert (header.office, str(header.date)) == ("Office of Public Affairs", "2019-03-05")
    assert release.body.paragraphs == (
        "A marine construction company pleaded guilty today to rigging bids for dredging.",
    )
    assert release.extras["release_number"] == "19-123"
    assert release.extras["contact"] == ("Press Office", "202-514-2007")
    assert release.defects == ()
    assert "unclaimed" not in {region.kind for region in release.regions}
