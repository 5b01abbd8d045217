"""Layouts beyond A: several releases on one page, transcripts, times, flattened headers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import releaseparse
from releaseparse import Release

BLOG_PAGE = """Showing posts with label EXAMPLE. Show all posts

Tuesday, May 5, 2015

SECRETARY'S STATEMENT ON THE LANTERN FESTIVAL

FROM:  THE STATE DEPARTMENT
05/04/2015 05:02 PM EDT
Lantern Festival Greetings
Press Statement
John Kerry
Secretary of State
Washington, DC
May 4, 2015

We send our warm wishes to everyone who gathers this week to light lanterns.

Sunday, May 3, 2015

SECRETARY'S REMARKS TO HARBOR VOLUNTEERS

FROM:  THE STATE DEPARTMENT
Remarks to Harbor Volunteers
Remarks
John Kerry
Secretary of State
Harbor Pavilion
Valletta, Malta
May 2, 2015

SECRETARY KERRY: Thank you all for the warm welcome this morning. (Laughter.)

It is good to see so many volunteers here.

QUESTION: Will you come back next year?

SECRETARY KERRY: I hope so.
"""


def tiles(release: Release) -> bool:
    return "".join(region.span.slice(release.source) for region in release.regions) == (
        release.source
    )


def test_parse_all_returns_each_release_in_order() -> None:
    first, second = releaseparse.parse_all(BLOG_PAGE)
    assert first.header.title == "Lantern Festival Greetings"
    assert first.header.date == dt.date(2015, 5, 4)
    assert second.header.title == "Remarks to Harbor Volunteers"
    assert second.header.venue == "Harbor Pavilion"
    assert second.header.place == "Valletta, Malta"
    assert second.header.date == dt.date(2015, 5, 2)
    for release in (first, second):
        assert release.source == BLOG_PAGE
        assert tiles(release)
        assert "other_release" in {region.kind for region in release.regions}
    assert first.spans["title"].slice(BLOG_PAGE) == "Lantern Festival Greetings"
    assert second.spans["title"].slice(BLOG_PAGE) == "Remarks to Harbor Volunteers"


def test_parse_returns_the_first_and_says_more_follow() -> None:
    release = releaseparse.parse(BLOG_PAGE)
    assert release.header == releaseparse.parse_all(BLOG_PAGE)[0].header
    assert release.body == releaseparse.parse_all(BLOG_PAGE)[0].body
    assert "source.more_releases" in release.codes
    more = next(d for d in release.defects if d.code == "source.more_releases")
    assert more.span.slice(BLOG_PAGE).startswith("Sunday, May 3, 2015")
    assert tiles(release)


def test_blog_date_and_feed_timestamp_are_not_the_release_date() -> None:
    release = releaseparse.parse(BLOG_PAGE)
    assert release.header.date == dt.date(2015, 5, 4)
    assert release.header.time is None


def test_transcript_turns() -> None:
    second = releaseparse.parse_all(BLOG_PAGE)[1]
    turns = second.body.turns
    assert [turn.label for turn in turns] == [
        "SECRETARY KERRY", "QUESTION", "SECRETARY KERRY",
    ]  # fmt: skip
    assert turns[0].text == (
        "Thank you all for the warm welcome this morning. (Laughter.)\n\n"
        "It is good to see so many volunteers here."
    )
    assert turns[0].span.slice(BLOG_PAGE).startswith("SECRETARY KERRY: Thank you")
    assert turns[0].span.slice(BLOG_PAGE).endswith("volunteers here.")


def test_time_line_and_archive_banner() -> None:
    text = (
        "You are viewing ARCHIVED CONTENT released online from January 20, 2017 to January 20,"
        " 2021.\n\nDepartment Press Briefing - March 8, 2018\n\nHeather Nauert\n"
        "Department Press Briefing\nWashington, DC\nMarch 8, 2018\n\n2:46 p.m. EST\n\n"
        "MS NAUERT: Good afternoon, everyone.\n"
    )
    release = releaseparse.parse(text)
    header = release.header
    assert header.date == dt.date(2018, 3, 8)
    assert (header.time, header.time_zone) == (dt.time(14, 46), "EST")
    assert header.speakers[0].name == "Heather Nauert"
    assert header.note_type == "Department Press Briefing"
    assert release.body.paragraphs[0] == "MS NAUERT: Good afternoon, everyone."
    kinds = {region.kind for region in release.regions}
    assert {"chrome", "time"} <= kinds


def test_flattened_header_line() -> None:
    text = (
        "Daily Press Briefing for October 18\n\n"
        "Daily Press Briefing Richard Boucher, Spokesman Washington, DC October 18, 2002\n\n"
        "MR. BOUCHER: Good afternoon.\n"
    )
    header = releaseparse.parse(text).header
    assert header.title == "Daily Press Briefing for October 18"
    assert header.note_type == "Daily Press Briefing"
    assert header.speakers[0] == releaseparse.Speaker("Richard Boucher", "Spokesman")
    assert header.place == "Washington, DC"
    assert header.date == dt.date(2002, 10, 18)


def test_flattened_header_first_with_time_and_no_title_line() -> None:
    text = (
        "Daily Press Briefing Richard Boucher, Spokesman Washington, DC October 24, 2002 "
        "(12:31 p.m. EST)\n\nMR. BOUCHER: Good afternoon.\n"
    )
    release = releaseparse.parse(text)
    header = release.header
    # A self-titled note type is the title when no title line stands above.
    assert (header.title, header.note_type) == ("Daily Press Briefing", "Daily Press Briefing")
    assert (header.time, header.time_zone) == (dt.time(12, 31), "EST")
    assert release.spans["time_zone"].slice(text) == "EST"
    assert release.body.paragraphs == ("MR. BOUCHER: Good afternoon.",)
    assert "title.missing" not in release.codes


def test_flattened_header_without_a_place() -> None:
    text = (
        "Harbor Grants Announced\n\n"
        "Press Statement Antony J. Blinken, Secretary of State March 8, 2022\n\n"
        "We welcome the new programs for the harbor towns of the region.\n"
    )
    header = releaseparse.parse(text).header
    assert header.title == "Harbor Grants Announced"
    assert header.speakers == (releaseparse.Speaker("Antony J. Blinken", "Secretary of State"),)
    assert header.place is None
    assert header.date == dt.date(2022, 3, 8)


def test_date_without_a_year_is_a_defect_not_a_guess() -> None:
    text = (
        "Harbor Volunteers Honored\n\n3 Dec\n\nJohn Kerry, Secretary of State\n\n"
        "Valletta, Malta\n\nWe thank the volunteers of the harbor for their work.\n"
    )
    release = releaseparse.parse(text)
    assert release.header.date is None
    assert "date.no_year" in release.codes
    assert "date.missing" not in release.codes


def test_wire_dateline_gives_the_place_and_opens_the_body() -> None:
    text = "Washington, DC (Example News) The below is attributable to the Spokesperson:\n"
    release = releaseparse.parse(text)
    assert release.header.place == "Washington, DC"
    assert release.body.paragraphs == ("The below is attributable to the Spokesperson:",)


def test_secretary_name_speaker_line() -> None:
    text = (
        "Remarks at the Harbor Forum\n\nSecretary Colin L. Powell\nHarbor Hotel, Valletta, Malta\n"
        "May 2, 2003\n\n(5:43 p.m. EST)\n\nSECRETARY POWELL: Thank you.\n"
    )
    header = releaseparse.parse(text).header
    assert header.speakers == (releaseparse.Speaker("Colin L. Powell", "Secretary"),)
    assert (header.venue, header.place) == ("Harbor Hotel", "Valletta, Malta")
    assert (header.time, header.time_zone) == (dt.time(17, 43), "EST")


@given(st.text(alphabet=st.sampled_from("ab \n:.,0123MDPSWay")))
def test_parse_all_never_raises_and_tiles(text: str) -> None:
    """Every record of ``parse_all`` tiles the one source."""
    releases = releaseparse.parse_all(text)
    assert releases
    for release in releases:
        assert release.source == text
        assert tiles(release)
