"""The layouts catalogue of the documentation site: one fixture per family, and what it gives.

``docs/hooks.py`` makes the site's ``layouts`` page with ``render()`` when the site is
built, so the catalogue always shows what the parser reads today;
``python -m tests.layouts_page`` prints it.
"""

from __future__ import annotations

import attrs

import releaseparse
from releaseparse.views.html import visible
from tests.conftest import FIXTURES

#: Family -> (name, what marks it, the fixture shown for it).
FAMILIES: dict[str, tuple[str, str, str]] = {
    "A": (
        "Markdown-converted page",
        "The seed's layout: a linked title with its category, note type, office or speaker,"
        " place and date, the body, and the site disclaimer broken by the scrape.",
        "a_media_note",
    ),
    "B": (
        "2001–2009 site",
        "Repeated `U.S. Department of State` chrome, a navigation line and a `You are in:`"
        " breadcrumb above the header; trailers such as `2006/712` below the body.",
        "b_media_note_office",
    ),
    "C": (
        "2009–2017 site",
        "`printable banner`, the Great Seal and `Diplomacy in Action` above the header; the"
        " note type before name and role lines.",
        "c_media_note_bureau",
    ),
    "D": (
        "2017–2021 site and its archive",
        "The `.gov` banner and the `You are viewing ARCHIVED CONTENT` notice, whose dates are"
        " not the release's; header lines may be set apart by blank lines.",
        "d_archive_press_statement",
    ),
    "E": (
        "2021–2025 and today's site",
        "A breadcrumb glued into one line, a stray `hide`, `Name, Role` on one line; the"
        " venue may follow the place.",
        "e_venue_after_place",
    ),
    "F": (
        "Feed items and scraper records",
        "An issuer line (a speaker or an office) and the body; the title, when a scraper"
        " kept it, on the first line; often no date at all.",
        "f_title_then_issuer",
    ),
    "G": (
        "Republished copies",
        "Blogs, news sites, aggregators and wire copies: their own chrome and headlines"
        " around the release, dates that are theirs, datelines glued to an outlet.",
        "g_news_min_read",
    ),
    "H": (
        "Bodies",
        "What follows any header: prose, transcripts with speaker labels and stage notes,"
        " markers, hard wraps, lists, mojibake.",
        "h_transcript_markers",
    ),
}

_HEADER = [field.name for field in attrs.fields(releaseparse.Header)]


def _family(letter: str) -> str:
    name, marks, fixture = FAMILIES[letter]
    release = releaseparse.parse((FIXTURES / f"{fixture}.txt").read_bytes())
    row = release.to_row()  # speakers as ``Name (Role); Name``
    rows = [f"| `{field}` | {row[field]} |" for field in _HEADER if row[field] is not None]
    rows.append(f"| body | {row['paragraphs']} paragraphs, {row['turns']} transcript turns |")
    if release.disclaimer:
        rows.append("| disclaimer | the site disclaimer, re-joined |")
    codes = ", ".join(f"`{code}`" for code in release.codes) or "none"
    return "\n".join(
        [
            f"## {letter}. {name}",
            "",
            marks,
            "",
            f"`fixtures/{fixture}.txt`:",
            "",
            "```text",
            visible(release.source.rstrip("\n"), keep_tabs=True).replace("␊", "\n"),
            "```",
            "",
            "What `releaseparse.parse` reads from it:",
            "",
            "| field | value |",
            "|---|---|",
            *rows,
            "",
            f"Defects: {codes}.",
        ]
    )


def render() -> str:
    """The whole page."""
    intro = (
        "# Layouts\n\n"
        "The layout families releaseparse reads, with one fixture of each and what the parser\n"
        "reads from it. The page is made from the fixtures each time the site is built, so it\n"
        "shows what the parser reads today. `fixtures/README.md` lists every fixture; the\n"
        "property tests render releases in families A to G, each with a body of family H.\n"
        "Titles and body text of the fixtures are our own; header lines and boilerplate follow\n"
        "the real pages.\n"
    )
    return intro + "".join(f"\n{_family(letter)}\n" for letter in FAMILIES)


if __name__ == "__main__":
    print(render(), end="")
