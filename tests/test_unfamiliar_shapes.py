"""Header shapes from pages the parser was not written against: glued lines, feed titles."""

from __future__ import annotations

import datetime as dt

import pytest

import releaseparse
from releaseparse import Release
from releaseparse.dates import read_dateline
from releaseparse.extractors._glued import read_glued
from releaseparse.vocabulary import DEFAULT_VOCABULARY

BODY = (
    "The United States welcomes the agreement reached today by the two governments, and we\n"
    "look forward to working with both of them on the steps that come next.\n\n"
    "We thank everyone who helped bring the talks to a close.\n"
)


def tiles(release: Release) -> bool:
    return "".join(region.span.slice(release.source) for region in release.regions) == (
        release.source
    )


def test_note_type_glued_to_the_speaker_and_role_glued_to_the_place() -> None:
    text = (
        "Friday, March 30, 2012\n\n"
        "Assistance to the Harbor Region\n"
        "Press Statement Hillary Rodham Clinton\n"
        "Secretary of State Washington, DC\n"
        "March 29, 2012\n" + BODY
    )
    release = releaseparse.parse(text)
    header = release.header
    assert header.title == "Assistance to the Harbor Region"
    assert header.note_type == "Press Statement"
    assert [(s.name, s.role) for s in header.speakers] == [
        ("Hillary Rodham Clinton", "Secretary of State")
    ]
    assert header.place == "Washington, DC"
    assert header.date == dt.date(2012, 3, 29)
    assert release.body.paragraphs[0].startswith("The United States welcomes")
    assert tiles(release)


def test_upper_case_statement_by_name_and_role() -> None:
    text = "STATEMENT BY RICHARD BOUCHER, SPOKESMAN\nMarch 4, 2003\n\n" + BODY
    header = releaseparse.parse(text).header
    assert header.note_type == "Statement"
    assert [(s.name, s.role) for s in header.speakers] == [("RICHARD BOUCHER", "SPOKESMAN")]


@pytest.mark.parametrize(
    "line",
    [
        # titles that open with a note type or hold a role and a list of places
        "Remarks With Japanese Foreign Minister Taro Kono",
        "U.S. Special Envoy for the Horn of Africa Feltman Visits Qatar, Saudi Arabia, UAE",
        "Statement on the Situation in the Region",
        "Press Statement",
        "Secretary of State",
        "Washington, DC",
        "Special Envoy Travel to Nairobi",
    ],
)
def test_lines_that_are_not_glued_headers(line: str) -> None:
    assert read_glued(DEFAULT_VOCABULARY, line) is None


def test_a_note_type_line_of_its_own_wins_over_a_glued_one() -> None:
    text = (
        "Background Briefing on the Budget\n\n"
        "Special Briefing\n"
        "Bureau of Public Affairs\n"
        "Background Briefing by Two Senior Administration Officials\n"
        "Washington, DC\n"
        "July 15, 2009\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.note_type == "Special Briefing"
    assert header.speakers[0].name == "Two Senior Administration Officials"


@pytest.mark.parametrize(
    "title",
    [
        "Secretary Blinken’s Call with Turkish Foreign Minister Çavuşoğlu",
        "Deputy Secretary Sherman's Meeting with Omani Deputy Foreign Minister Al Harthy",
        "Deputy Secretary Brian P. McKeon Travels to Atlanta and Clarkston, Georgia",
        "Congratulations to Peru’s President-Elect Pedro Castillo",
    ],
)
def test_a_feed_title_above_an_office_item_names_no_speaker(title: str) -> None:
    item = "Office of the Spokesperson\n\n" + BODY
    plain, titled = releaseparse.parse(item), releaseparse.parse(f"{title}\n\n{item}")
    assert titled.header.title == title
    assert titled.header.speakers == plain.header.speakers == ()
    assert titled.header.office == plain.header.office == "Office of the Spokesperson"


def test_a_long_feed_title_that_reads_as_a_sentence_is_still_the_title() -> None:
    title = (
        "Special Briefing with Deputy Secretary of State Jane Q. Example, and Experts On the"
        " Administration’s Budget Proposal for the Department of State for Fiscal Year 2022"
    )
    item = "Jane Q. Example, Deputy Secretary of State\n\n" + BODY
    header = releaseparse.parse(f"{title}\n\n{item}").header
    assert header.title == title
    assert [(s.name, s.role) for s in header.speakers] == [
        ("Jane Q. Example", "Deputy Secretary of State")
    ]


def test_a_form_of_address_may_open_a_name_role_line() -> None:
    text = "Ambassador Jane Q. Example, Under Secretary for Arms Control\n\n" + BODY
    header = releaseparse.parse(text).header
    assert [(s.name, s.role) for s in header.speakers] == [
        ("Ambassador Jane Q. Example", "Under Secretary for Arms Control")
    ]


def test_remarks_by_a_person_the_title_names_beside_an_office() -> None:
    text = (
        "Remarks by Secretary of State Colin L. Powell After Appearance on Capitol Hill\n\n"
        "Office of the Spokesman\n"
        "June 5, 2002\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert [(s.name, s.role) for s in header.speakers] == [
        ("Colin L. Powell", "Secretary of State")
    ]


@pytest.mark.parametrize("inserted", ["March 3, 2016", "Washington, DC\nMarch 3, 2016"])
def test_a_lone_date_line_between_paragraphs_opens_no_release(inserted: str) -> None:
    text = (
        "Harbor Training for Island Officials\n\n"
        "Media Note\nOffice of the Spokesperson\n\nWashington, DC\nMarch 14, 2016\n\n"
        "The United States is supporting a training course for officials from nine countries.\n\n"
        f"{inserted}\n\n"
        "Participants are working with engineers to map flood risks along the coast.\n\n"
        "The Office of Website Management, Bureau of Public Affairs, manages this site as a"
        " portal for information from the U.S. State Department. External links to other"
        " Internet sites should not be construed as an endorsement of the views or privacy"
        " policies contained therein.\n"
    )
    release = releaseparse.parse(text)
    assert "source.more_releases" not in release.codes
    assert release.disclaimer is not None
    assert release.body.paragraphs[-1].startswith("Participants are working")
    assert len(releaseparse.parse_all(text)) == 1


@pytest.mark.parametrize(
    ("between", "repeat"),
    [
        ("           \n\n", "Harbor Training for Island Officials"),
        ("", "Harbor Training for Island Officials, May 18, 2020"),
        (
            'Jane Doe, Assistant Secretary, at a press briefing on "Harbor Safety."\n',
            "HARBOR TRAINING FOR ISLAND OFFICIALS",
        ),
    ],
)
def test_a_title_printed_twice_is_not_the_body(between: str, repeat: str) -> None:
    title = "Harbor Training for Island Officials"
    text = f"Wednesday, April 8, 2020\n\n{title}\n\n{between}{repeat}\n\n"
    release = releaseparse.parse(text + BODY)
    assert release.header.title == "Harbor Training for Island Officials"
    assert release.body.paragraphs[0].startswith("The United States welcomes")
    assert tiles(release)


def test_the_date_after_a_repeated_title_is_the_date() -> None:
    text = (
        "Harbor Training for Island Officials\n\n"
        "Harbor Training for Island Officials, May 18, 2020\n\n" + BODY
    )
    release = releaseparse.parse(text)
    assert release.header.date == dt.date(2020, 5, 18)
    assert "date.from_title" in release.codes


def test_a_body_line_equal_to_a_short_title_is_still_body() -> None:
    text = "Harbor Day\n\nPress Statement\nMarch 4, 2020\n\nHarbor Day\n\n" + BODY
    release = releaseparse.parse(text)
    assert release.body.paragraphs[0] == "Harbor Day"


@pytest.mark.parametrize("opening", ["WASHINGTON: ", "WASHINGTON — ", "GENEVA, Switzerland -- "])
def test_a_wire_dateline_in_capitals_gives_the_place(opening: str) -> None:
    text = f"Council Session Opens\n\n{opening}{BODY}"
    release = releaseparse.parse(text)
    assert release.header.place == opening.split(":")[0].split(" —")[0].split(" --")[0]
    assert release.body.paragraphs[0].startswith("The United States welcomes")
    assert not release.body.turns
    assert tiles(release)


def test_a_speaker_label_in_capitals_is_no_wire_dateline() -> None:
    text = f"Council Session Opens\n\nMODERATOR: {BODY}"
    release = releaseparse.parse(text)
    assert release.header.place is None
    assert release.body.paragraphs[0].startswith("MODERATOR: The United States")


@pytest.mark.parametrize("qualifier", ["(Corrected)", "(As Delivered)", "(Updated)"])
def test_a_note_type_with_a_qualifier_is_the_note_type(qualifier: str) -> None:
    text = (
        f"Daily Press Briefing {qualifier}\nAdam Ereli, Deputy Spokesman\nWashington, DC\n"
        "August 2, 2004\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.note_type == "Daily Press Briefing"
    assert header.title == f"Daily Press Briefing {qualifier}"
    assert header.speakers[0].name == "Adam Ereli"


def test_a_bulleted_topic_index_above_the_header_is_not_the_title() -> None:
    text = (
        "Daily Press Briefing - September 13, 2013\n\n"
        "Index for Today's Briefing:\n\n"
        "    • Harbor Safety / Ferry Agreement\n"
        "    • Fisheries Talks\n"
        "Marie Harf\nDeputy Spokesperson\nDaily Press Briefing\nWashington, DC\n"
        "September 13, 2013\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.title == "Daily Press Briefing - September 13, 2013"
    assert header.speakers[0].name == "Marie Harf"


def test_the_next_release_with_the_same_title_is_no_repeat() -> None:
    release_text = (
        "Harbor Training for Island Officials\n\nPress Statement\nWashington, DC\n"
        "March 4, 2020\n\n" + BODY
    )
    page = release_text + "\n" + release_text
    first, second = releaseparse.parse_all(page)
    assert first.body.paragraphs == second.body.paragraphs
    assert len(first.body.paragraphs) == 2


@pytest.mark.parametrize(
    "printed",
    [
        "Fwd: Harbor Grants Announced for Island States",
        "Harbor Grants Announced for Island States | U.S. Department of State",
        "Harbor Grants Announced for Island States -- Transcript",
    ],
)
def test_decorations_glued_to_the_title_are_chrome(printed: str) -> None:
    text = f"{printed}\n\nPress Statement\nOffice of the Spokesperson\nMarch 3, 2016\n\n{BODY}"
    release = releaseparse.parse(text)
    assert release.header.title == "Harbor Grants Announced for Island States"
    chrome = [r.span.slice(text) for r in release.regions if r.kind == "chrome"]
    assert len(chrome) == 1
    assert chrome[0] in printed
    assert "Harbor" not in chrome[0]
    assert tiles(release)


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("4 de marzo de 2021", dt.date(2021, 3, 4)),
        ("jueves, 4 de marzo de 2021", dt.date(2021, 3, 4)),
        ("Le 4 mars 2021", dt.date(2021, 3, 4)),
        ("1er juin 2021", dt.date(2021, 6, 1)),
        ("giovedì 4 marzo 2021", dt.date(2021, 3, 4)),
        ("4 de março de 2021", dt.date(2021, 3, 4)),
        ("4. März 2021", dt.date(2021, 3, 4)),
        ("12 de diciembre del 2020", dt.date(2020, 12, 12)),
    ],
)
def test_datelines_of_republications_in_other_languages(dateline: str, day: dt.date) -> None:
    reading = read_dateline(dateline)
    assert reading is not None
    assert reading.value == day


@pytest.mark.parametrize(
    ("note", "issuer", "role", "dateline"),
    [
        (
            "Declaración de prensa",
            "Antony J. Blinken",
            "Secretario de Estado",
            "4 de marzo de 2021",
        ),
        ("Déclaration à la presse", "Antony J. Blinken", "Secrétaire d’État", "Le 4 mars 2021"),
        ("Comunicato stampa", "Antony J. Blinken", "Segretario di Stato", "4 marzo 2021"),
        (
            "Declaração à imprensa",
            "Antony J. Blinken",
            "Secretário de Estado",
            "4 de março de 2021",
        ),
        ("Pressemitteilung", "Antony J. Blinken", "Außenminister", "4. März 2021"),
    ],
)
def test_translated_headers(note: str, issuer: str, role: str, dateline: str) -> None:
    text = f"{note}\n{issuer}, {role}\nWashington, DC\n{dateline}\n\n{BODY}"
    header = releaseparse.parse(text).header
    assert header.note_type == note
    assert [(s.name, s.role) for s in header.speakers] == [(issuer, role)]
    assert header.date == dt.date(2021, 3, 4)
    assert header.place == "Washington, DC"


def test_the_spokespersons_office_in_spanish_is_the_office() -> None:
    header = releaseparse.parse(f"Nota de prensa\nOficina del Portavoz\n\n{BODY}").header
    assert header.office == "Oficina del Portavoz"
    assert header.venue is None


@pytest.mark.parametrize(
    ("first", "clock", "zone", "opens"),
    [
        ("1:41 p.m. EDT MS. HARF: Hi, everybody.", dt.time(13, 41), "EDT", "MS. HARF: Hi"),
        ("1:41 p.m. MS. HARF: Hi, everybody.", dt.time(13, 41), None, "MS. HARF: Hi"),
        ("11:20 A.M. EST The Secretary opened the talks.", dt.time(11, 20), "EST", "The Secretary"),
        ("10.5 million people need help today.", None, None, "10.5 million"),
    ],
)
def test_a_time_glued_to_the_first_words(
    first: str, clock: dt.time | None, zone: str | None, opens: str
) -> None:
    text = (
        "Daily Press Briefing\nJohn Kirby, Spokesperson\nWashington, DC\nMarch 3, 2016\n\n"
        f"{first}\n\nQUESTION: Yes, thanks.\n"
    )
    release = releaseparse.parse(text)
    assert release.header.time == clock
    assert release.header.time_zone == zone
    assert release.body.paragraphs[0].startswith(opens)
    assert tiles(release)


def test_chrome_glued_after_the_office_is_chrome() -> None:
    text = (
        "Harbor Grants Announced\n\n"
        "U.S. DEPARTMENT OF STATE Office of the Spokesman For Immediate Release\n\n"
        "June 25, 2001\n\n" + BODY
    )
    release = releaseparse.parse(text)
    assert release.header.office == "Office of the Spokesman"
    chrome = [r.span.slice(text) for r in release.regions if r.kind == "chrome"]
    assert "For Immediate Release" in chrome
    assert tiles(release)


def test_a_lone_date_line_after_a_hard_wrapped_paragraph_opens_no_release() -> None:
    text = (
        "[Harbor Training for Island Officials](#)\n\nPress Statement\n"
        "Office of the Spokesperson\n\n\n"
        "The United States is supporting a training course for\nofficials from nine countries.\n\n"
        "January 1, 2001\n\n"
        "Participants are working with engineers to map flood\nrisks along the coast.\n"
    )
    release = releaseparse.parse(text)
    assert "source.more_releases" not in release.codes
    assert len(release.body.paragraphs) == 3


@pytest.mark.parametrize(
    "suffix",
    [" | U.S. Department of State", " | Embajada de los Estados Unidos en México"],
)
def test_a_self_titled_note_type_with_a_site_name_glued_on(suffix: str) -> None:
    text = (
        f"Daily Press Briefing{suffix}\nJohn Kirby, Spokesperson\nWashington, DC\n"
        "March 3, 2016\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.note_type == "Daily Press Briefing"
    assert header.title == "Daily Press Briefing"


def test_site_chrome_below_the_body_is_chrome() -> None:
    text = f"Harbor Grants Announced\n\nPress Statement\nMarch 3, 2016\n\n{BODY}\nShare\nPrint\n"
    release = releaseparse.parse(text)
    assert release.body.paragraphs[-1] == "We thank everyone who helped bring the talks to a close."
    assert [r.span.slice(text) for r in release.regions if r.kind == "chrome"] == ["Share", "Print"]


def test_a_menu_item_above_a_blog_date_is_no_speaker() -> None:
    text = (
        "Alle Artikel\n\nTuesday, January 2, 2001\n\nHARBOR TRAINING FOR ISLAND OFFICIALS\n\n"
        "FROM:  THE STATE DEPARTMENT\nHarbor Training for Island Officials\nRex W. Tillerson\n"
        "Secretary of State\nPress Statement\nWashington, DC\nJanuary 1, 2001\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.title == "Harbor Training for Island Officials"
    assert header.speakers[0].name == "Rex W. Tillerson"
    assert header.date == dt.date(2001, 1, 1)


def test_an_aggregator_stamp_naming_a_note_type_is_no_note_type() -> None:
    text = (
        "Press release | Distributed by Public\n\nHarbor Grants Announced\nPress Statement\n"
        "Rex W. Tillerson, Secretary of State\nJanuary 1, 2001\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.note_type == "Press Statement"
    assert header.title == "Harbor Grants Announced"


@pytest.mark.parametrize(
    "page",
    [
        # a site's name over a note type that is its own title
        "Global News Wire\n\nDaily Press Briefing\nJohn Kirby, Spokesperson\nWashington, DC\n"
        "March 3, 2016\n\n",
        # a name-shaped line over a name-shaped title
        "Noticias del Mundo\n\nWorkshop Workshop\nHeather Nauert\nPress Statement\n"
        "Washington, DC\nJanuary 1, 2001\n\n",
    ],
)
def test_a_title_that_could_be_a_site_name_is_not_sure(page: str) -> None:
    release = releaseparse.parse(page + BODY)
    assert release.confidence["title"] != releaseparse.Confidence.SURE


@pytest.mark.parametrize(
    "masthead",
    ["Department of Justice", "U.S. Embassy in Rome", "Ministry of Foreign Affairs",
     "Office of Public Affairs", "Department of Homeland Security"],
)  # fmt: skip
def test_an_institution_read_as_the_title_is_unsure(masthead: str) -> None:
    """A masthead over a release whose own title stands below its dateline."""
    page = (
        f"{masthead}\n\nFOR IMMEDIATE RELEASE\nMonday, March 3, 2016\n\n"
        "Harbor Grants Announced for Island Ports\n\n" + BODY
    )
    release = releaseparse.parse(page)
    title, level = release.header.title, release.confidence.get("title")
    codes = {defect.code for defect in release.defects}
    # Either the release's own title, or the masthead said to be a guess.
    assert title == "Harbor Grants Announced for Island Ports" or (
        title == masthead and level == releaseparse.Confidence.UNSURE and "title.uncertain" in codes
    ), (title, level)


def test_a_title_naming_an_institution_in_a_sentence_stays_sure() -> None:
    text = (
        "Department of Justice Grants Help Island Ports Rebuild Their Harbors\nPress Statement\n"
        "Rex W. Tillerson, Secretary of State\nJanuary 1, 2001\n\n" + BODY
    )
    release = releaseparse.parse(text)
    assert release.confidence["title"] == releaseparse.Confidence.SURE


def test_a_mission_issues_with_a_delegate_speaking() -> None:
    text = (
        "Remarks on the Report of the Council\n\nJohn Giordano\nPublic Delegate\n"
        "U.S. Mission to the United Nations\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.office == "U.S. Mission to the United Nations"
    assert [(s.name, s.role) for s in header.speakers] == [("John Giordano", "Public Delegate")]
    assert header.venue is None


def test_the_department_glued_to_a_title_with_no_space_is_cut() -> None:
    text = (
        "Department of State\n\n"
        "Department Press Briefing - February 24, 2021United States Department of State\n"
        "Ned Price, Department Spokesperson\nWashington, DC\nFebruary 24, 2021\n\n" + BODY
    )
    release = releaseparse.parse(text)
    assert release.header.title == "Department Press Briefing - February 24, 2021"
    chrome = [r.span.slice(text) for r in release.regions if r.kind == "chrome"]
    assert chrome == ["Department of State", "United States Department of State"]


@pytest.mark.parametrize(
    ("lines", "speaker", "venue", "place"),
    [
        (
            "As delivered by Ambassador Jane Q. Doe to the Permanent Council, Vienna\n",
            ("Jane Q. Doe", "Ambassador"),
            "Permanent Council",
            "Vienna",
        ),
        (
            # the forum wraps onto a line of its own
            "As delivered by Deputy Chief of Mission Alex Marsh\n"
            "to the Permanent Council, Vienna\n",
            ("Alex Marsh", "Deputy Chief of Mission"),
            "Permanent Council",
            "Vienna",
        ),
        (
            "As prepared for delivery by Chargé d'Affaires Sam R. Tully"
            " at the Harbor Convention Center, Manila, Philippines\n",
            ("Sam R. Tully", "Chargé d'Affaires"),
            "Harbor Convention Center",
            "Manila, Philippines",
        ),
        (
            "Remarks as delivered by Secretary of State Jane Doe\n",
            ("Jane Doe", "Secretary of State"),
            None,
            None,
        ),
    ],
)
def test_a_delivery_line_names_the_speaker_the_forum_and_the_place(
    lines: str, speaker: tuple[str, str], venue: str | None, place: str | None
) -> None:
    title = "Response to the Report of the Harbor Commission\n\n"
    text = title + lines + "March 9, 2023\n\n" + BODY
    release = releaseparse.parse(text)
    header = release.header
    assert header.title == "Response to the Report of the Harbor Commission"
    assert [(s.name, s.role) for s in header.speakers] == [speaker]
    assert (header.venue, header.place) == (venue, place)
    assert header.date == dt.date(2023, 3, 9)
    assert release.body.paragraphs[0].startswith("The United States welcomes")
    assert tiles(release)


@pytest.mark.parametrize(
    "line",
    [
        "As delivered, the statement was shorter than the text sent to the press.",
        "Delivered by hand to the ministry on Monday, the note set out our view.",
        "to the people of the region, and to all who helped",
    ],
)
def test_sentences_that_open_like_a_delivery_line_are_not_header_lines(line: str) -> None:
    assert read_glued(DEFAULT_VOCABULARY, line) is None


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Vienna, March 20, 2014", "Vienna"),
        ("Washington, DC, March 20, 2014", "Washington, DC"),
        ("WASHINGTON, Nov. 5, 2024", "WASHINGTON"),
    ],
)
def test_a_place_printed_before_the_date_is_the_place(line: str, place: str) -> None:
    text = "Response to the Harbor Commission\n\n" + line + "\n\n" + BODY
    release = releaseparse.parse(text)
    assert release.header.place == place
    assert release.header.date is not None
    assert release.body.paragraphs[0].startswith("The United States welcomes")
    assert tiles(release)


def test_a_note_type_before_the_date_is_no_place() -> None:
    text = "State Department Briefing, December 12, 2003\n\n" + BODY
    assert releaseparse.parse(text).header.place is None


@pytest.mark.parametrize("verb", ["Speaks", "Issues", "Travels", "Meets", "Visits", "Welcomes"])
def test_a_headline_verb_after_a_person_is_not_part_of_the_name(verb: str) -> None:
    text = f"Ambassador Doe {verb} at the Harbor Forum\n\nMarch 3, 2016\n\n" + BODY
    assert all(verb not in s.name for s in releaseparse.parse(text).header.speakers)


def test_a_generational_suffix_belongs_to_the_name_and_is_no_place() -> None:
    text = "Remarks at the Harbor Forum\n\nAmbassador Howard Q. Lane, Jr.\nMarch 3, 2016\n\n" + BODY
    header = releaseparse.parse(text).header
    assert [(s.name, s.role) for s in header.speakers] == [("Howard Q. Lane, Jr.", "Ambassador")]
    assert header.place is None


def test_a_title_with_a_minister_in_it_is_no_role_before_a_name() -> None:
    from releaseparse.extractors._people import read_issuer

    line = "Remarks With Prime Minister of New Zealand Jane Key"
    assert read_issuer(DEFAULT_VOCABULARY, line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Departamento de Estado de Estados Unidos",
        "DEPARTAMENTO DE ESTADO DE EE. UU.",
        "Departamento de Estado dos Estados Unidos",
        "Département d'État des États-Unis",
        "Dipartimento di Stato degli Stati Uniti",
        "U.S. DEPARTMENT OF STATE",
        "Para su difusión inmediata",
        "Pour diffusion immédiate",
        "(with additional text as delivered)",
    ],
)
def test_the_department_and_release_notes_in_other_languages_are_chrome(line: str) -> None:
    assert DEFAULT_VOCABULARY.is_chrome(line)


@pytest.mark.parametrize(
    "office", ["Oficina de la Portavoz", "Oficina de la Vocera", "Bureau de la porte-parole"]
)
def test_the_spokesperson_office_in_other_languages_is_an_office(office: str) -> None:
    text = f"Visita del secretario a la región\n\n{office}\n16 de julio de 2019\n\n" + BODY
    assert releaseparse.parse(text).header.office == office


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        # the republishers' languages print the role after the name in lower case
        ("Mike Pompeo, secrétaire d’Etat", ("Mike Pompeo", "secrétaire d’Etat")),
        (
            "Ned Price, portavoz del Departamento de Estado",
            ("Ned Price", "portavoz del Departamento de Estado"),
        ),
        # or in capitals
        ("MARCO RUBIO, SECRETARIO DE ESTADO", ("MARCO RUBIO", "SECRETARIO DE ESTADO")),
        # or the role first
        ("Secretario de Estado, Michael R. Pompeo", ("Michael R. Pompeo", "Secretario de Estado")),
    ],
)
def test_issuer_lines_of_translations(line: str, speaker: tuple[str, str]) -> None:
    text = f"Prioridades del Departamento para el año\n\n{line}\n22 de enero de 2025\n\n" + BODY
    header = releaseparse.parse(text).header
    assert [(s.name, s.role) for s in header.speakers] == [speaker]
    assert header.venue is None


def test_a_press_room_in_spanish_is_a_venue_not_a_speaker() -> None:
    text = (
        "Comentarios a la prensa\n\nSecretario de Estado, Michael R. Pompeo\nSala de Prensa\n"
        "Washington, D.C.\n7 de abril de 2020\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert [s.name for s in header.speakers] == ["Michael R. Pompeo"]
    assert header.venue == "Sala de Prensa"


@pytest.mark.parametrize(
    "line",
    [
        "Department of State United States of America",
        "Traducción cortesía del Departamento de Estado de los Estados Unidos",
        "Traduction fournie par le département d'État des États-Unis à titre gracieux",
        "Translation courtesy of the U.S. Embassy",
    ],
)
def test_the_department_with_its_country_and_courtesy_translation_notes_are_chrome(
    line: str,
) -> None:
    assert DEFAULT_VOCABULARY.is_chrome(line)


@pytest.mark.parametrize(
    "line", [". . .", "...", "[…]", "Real Audio of Briefing", "Windows Media Video"]
)
def test_excerpt_cuts_and_old_media_links_are_chrome(line: str) -> None:
    assert DEFAULT_VOCABULARY.is_chrome(line)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Joint Press Conference With the Foreign Minister (Excerpts)",
            "Joint Press Conference With the Foreign Minister",
        ),
        (
            "date 2018-04-27 Statement on the Harbor Republic's National Day",
            "Statement on the Harbor Republic's National Day",
        ),
        (
            "Statement on the Occasion of the Harbor Republic's National Day:",
            "Statement on the Occasion of the Harbor Republic's National Day",
        ),
    ],
)
def test_excerpt_marks_stamps_and_a_leading_colon_are_cut_from_titles(
    line: str, title: str
) -> None:
    start, end = DEFAULT_VOCABULARY.strip_title_decorations(line)
    assert line[start:end] == title


def test_a_form_of_address_before_the_name_gives_way_to_the_role_line_below() -> None:
    text = (
        "Remarks at the Harbor Council\n\nAmbassador Jane Q. Doe\n"
        "U.S. Representative to the United Nations\nNew York, New York\nAugust 31, 2023\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert [(s.name, s.role) for s in header.speakers] == [
        ("Jane Q. Doe", "U.S. Representative to the United Nations")
    ]
    assert header.place == "New York, New York"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("by Jane Q. Doe, Secretary of State", ("Jane Q. Doe", "Secretary of State")),
        ("As delivered by Chargé d’Affaires Sam Tully", ("Sam Tully", "Chargé d’Affaires")),
    ],
)
def test_by_before_a_speaker_line(line: str, speaker: tuple[str, str]) -> None:
    text = f"Remarks at a Press Availability\n{line}\nWashington, DC\nAugust 1, 2017\n\n" + BODY
    header = releaseparse.parse(text).header
    assert [(s.name, s.role) for s in header.speakers] == [speaker]
    assert header.place == "Washington, DC"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("22 апреля 2020 г.", dt.date(2020, 4, 22)),
        ("1 декабря 2019 года", dt.date(2019, 12, 1)),
        ("4 تشرين الثاني/نوفمبر 2019", dt.date(2019, 11, 4)),
    ],
)
def test_russian_and_levantine_arabic_datelines(line: str, value: dt.date) -> None:
    reading = read_dateline(line)
    assert reading is not None
    assert reading.value == value


@pytest.mark.parametrize(
    ("line", "note_type"),
    [
        ("DECLARACION", "Declaración"),
        ("Declarações para a Imprensa", "Declarações para a imprensa"),
        ("Comentarios a la prensa", "Comentarios a la prensa"),
        ("Remarques à la presse", "Remarques à la presse"),
    ],
)
def test_note_types_of_translations_with_or_without_accents(line: str, note_type: str) -> None:
    assert DEFAULT_VOCABULARY.note_type(line) == note_type


def test_a_note_type_and_a_colon_before_the_speaker() -> None:
    text = (
        "Testimony: Jane Q. Doe, Secretary of State\n"
        "Before the Senate Committee on Foreign Relations\n"
        "Washington, DC\nApril 8, 2014\n\n" + BODY
    )
    header = releaseparse.parse(text).header
    assert header.note_type == "Testimony"
    assert [(s.name, s.role) for s in header.speakers] == [("Jane Q. Doe", "Secretary of State")]
    assert header.date == dt.date(2014, 4, 8)


@pytest.mark.parametrize(
    ("line", "venue", "place"),
    [
        ("Harbor National Press Club, Tokyo", "Harbor National Press Club", "Tokyo"),
        ("College Park, MD", None, "College Park, MD"),
    ],
)
def test_a_venue_word_ending_the_first_part_of_a_place_line_makes_it_a_venue(
    line: str, venue: str | None, place: str
) -> None:
    text = f"Remarks at the Press Club\n\nJane Q. Doe\nAmbassador\n{line}\nDecember 14, 2004\n\n"
    header = releaseparse.parse(text + BODY).header
    assert (header.venue, header.place) == (venue, place)


@pytest.mark.parametrize(
    "line", ["Office of the Spokesperson Jane Q. Doe", "Bureau du porte-parole Jane Q. Doe"]
)
def test_an_office_glued_to_the_speakers_name(line: str) -> None:
    text = f"Statement on the Harbor Talks\n\n{line}\nMarch 3, 2021\n\n" + BODY
    header = releaseparse.parse(text).header
    assert header.office == line.removesuffix(" Jane Q. Doe")
    assert [s.name for s in header.speakers] == ["Jane Q. Doe"]
    assert header.title == "Statement on the Harbor Talks"


@pytest.mark.parametrize(
    "line", ["state.gov", "www.example.org/", "Excerpts", "Extraits", "Excerpt:"]
)
def test_a_bare_domain_and_an_excerpt_label_are_chrome(line: str) -> None:
    assert DEFAULT_VOCABULARY.is_chrome(line)


def test_a_possessive_venue_before_the_city_is_a_venue_and_a_place() -> None:
    text = (
        "Ambassador Lane Speaks at the Harbor Society Reception\n\n"
        "Ambassador Howard Q. Lane, Jr.\nHarbor Society New Year's Reception\n"
        "Ambassador's Residence, Tokyo\n\nJanuary 24, 2005\n\n" + BODY
    )
    release = releaseparse.parse(text)
    header = release.header
    assert (header.venue, header.place) == ("Ambassador's Residence", "Tokyo")
    assert header.date == dt.date(2005, 1, 24)
    # the occasion line under the speaker could be the speech's own title
    assert release.confidence["title"] != releaseparse.Confidence.SURE


@pytest.mark.parametrize(
    "line", ["image_pdfimage_print", "[Print Friendly Version]", "Printer-friendly version"]
)
def test_print_plugin_artifacts_are_chrome(line: str) -> None:
    assert DEFAULT_VOCABULARY.is_chrome(line)


@pytest.mark.parametrize(
    ("headline", "under", "title"),
    [
        # A blog's headline printed again under its ``FROM:`` line: the title, not a briefer.
        (
            "HARBOR GRANTS ANNOUNCED",
            "Harbor Grants Announced\nDaily Press Briefing",
            "Harbor Grants Announced",
        ),
        # A name over an office line: title, office, note type.
        (
            "STATEMENT ON COASTAL RESILIENCE",
            "Coastal Resilience\nOffice of the Spokesperson\nDaily Press Briefing",
            "Coastal Resilience",
        ),
    ],
)
def test_a_name_shaped_line_over_a_briefing_under_a_blog_headline(
    headline: str, under: str, title: str
) -> None:
    """A name-shaped title is rated ``likely``: it could as well be a speaker line."""
    text = (
        "Showing posts with label STATE DEPARTMENT. Show all posts\n\n"
        f"Tuesday, May 5, 2015\n\n{headline}\n\nFROM:  THE STATE DEPARTMENT\n"
        f"{under}\nWashington, DC\nMay 4, 2015\n\n{BODY}"
    )
    release = releaseparse.parse(text)
    assert release.header.title == title
    assert release.header.speakers == ()
    assert release.confidence.get("title") != releaseparse.Confidence.SURE
    assert tiles(release)


def test_a_name_straight_over_a_briefing_under_a_blog_headline_is_its_briefer() -> None:
    text = (
        "Showing posts with label STATE DEPARTMENT. Show all posts\n\n"
        "Tuesday, May 5, 2015\n\nSTATEMENT ON COASTAL RESILIENCE\n\n"
        "FROM:  THE STATE DEPARTMENT\nJohn Kirby\nDaily Press Briefing\nWashington, DC\n"
        f"May 4, 2015\n\n{BODY}"
    )
    release = releaseparse.parse(text)
    assert release.header.speakers == (releaseparse.Speaker("John Kirby"),)
    assert release.header.note_type == "Daily Press Briefing"
    assert tiles(release)
