"""Hypothesis strategies: releases rendered in layout A with the fields they should give back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from releaseparse.vocabulary import CATEGORIES, DISCLAIMERS, NOTE_TYPES, OFFICES

TITLE_WORDS = (
    "Workshop", "Wildlife", "Trafficking", "Partnership", "Renewed", "Water", "Grants",
    "Coastal", "Resilience", "Exchange", "Program", "Summit", "Dialogue", "Energy", "Trade",
    "Nairobi", "Lisbon", "Regional", "Health", "Fisheries", "Literacy", "Award", "Opens",
)  # fmt: skip
JOINERS = ("on", "in", "for", "and", "of", "the", "with")
BODY_WORDS = (
    "officials", "met", "with", "partners", "to", "discuss", "new", "programs", "for",
    "regional", "cooperation", "the", "delegation", "will", "visit", "schools", "and",
    "clinics", "during", "its", "stay", "support", "training", "grants", "communities",
)  # fmt: skip
SPEAKERS = (
    ("Rex W. Tillerson", "Secretary of State"),
    ("Heather Nauert", "Department Spokesperson"),
    ("John Kerry", "Secretary of State"),
    ("Mark C. Toner", "Deputy Spokesperson"),
)
PLACES = ("Washington, DC", "Washington, D.C.", "New York City", "Valletta, Malta", "Geneva")
DATE_FORMATS = ("long", "abbrev", "no_comma", "day_first")
ABBREVIATIONS = {9: "Sept."} | {
    month: name[:3] + "." for month, name in enumerate(
        ("", "January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")) if month and month not in (5, 6, 7, 9)
}  # fmt: skip
MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


def render_date(value: dt.date, style: str) -> str:
    month = MONTH_NAMES[value.month]
    if style == "abbrev":
        month = ABBREVIATIONS.get(value.month, month)
    if style == "no_comma":
        return f"{month} {value.day} {value.year}"
    if style == "day_first":
        return f"{value.day} {month} {value.year}"
    return f"{month} {value.day}, {value.year}"


@st.composite
def titles(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=2, max_size=8))
    joined = [words[0]]
    for word in words[1:]:
        if draw(st.booleans()):
            joined.append(draw(st.sampled_from(JOINERS)))
        joined.append(word)
    if draw(st.booleans()):
        joined.insert(len(joined) // 2, ":")
        return " ".join(joined).replace(" :", ":")
    return " ".join(joined)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(BODY_WORDS), min_size=8, max_size=20))
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(lines)


@st.composite
def broken_disclaimers(draw: st.DrawFn) -> tuple[str, str]:
    """A disclaimer template and its text broken by blank lines at random points."""
    template = draw(st.sampled_from(DISCLAIMERS))
    cuts = sorted(set(draw(st.lists(st.integers(1, len(template) - 1), max_size=3))))
    pieces, previous = [], 0
    for cut in cuts:
        pieces.append(template[previous:cut])
        previous = cut
    pieces.append(template[previous:])
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(st.sampled_from(("\n\n", "\n\n\n", "\n \n"))) + piece
    return template, text


@st.composite
def releases(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """Render a layout-A release; return its text and the fields it must parse to."""
    title = draw(titles())
    link = draw(st.sampled_from(("category", "bare", "plain")))
    category = draw(st.sampled_from(CATEGORIES)) if link == "category" else None
    note_type = draw(st.sampled_from(NOTE_TYPES))
    issuer = draw(st.sampled_from(("office", "speaker")))
    office = draw(st.sampled_from(OFFICES)) if issuer == "office" else None
    speaker = draw(st.sampled_from(SPEAKERS)) if issuer == "speaker" else None
    place = draw(st.none() | st.sampled_from(PLACES))
    date = draw(st.none() | st.dates(dt.date(2001, 1, 1), dt.date(2025, 12, 31)))
    body = draw(st.lists(paragraphs(), min_size=1, max_size=4))
    trailer = draw(st.sampled_from((None, "PRN: 2016/0231", "# # #", "2006/712")))
    disclaimer = draw(st.none() | broken_disclaimers())
    wrap = draw(st.sampled_from((None, 50, 70)))
    newline = draw(st.sampled_from(("\n", "\r\n", "\r")))

    if link == "category":
        title_line = (
            f"[{category}: {title}]({draw(st.sampled_from(('#', 'https://example.gov/r/1.htm')))})"
        )
    elif link == "bare":
        title_line = f"[{title}](#)"
    else:
        title_line = title
    head = [title_line, ""]
    head.append(draw(st.sampled_from((note_type, note_type.upper()))))
    if speaker is not None:
        head.extend(speaker)
    else:
        head.append(str(office))
    head.append("")
    if place is not None:
        head.append(place)
    if date is not None:
        head.append(render_date(date, draw(st.sampled_from(DATE_FORMATS))))
    lines = ["" for _ in range(draw(st.integers(0, 2)))] + head + [""]
    text_body = "\n\n".join(_wrap(p, wrap) if wrap else p for p in body)
    document = "\n".join(lines) + "\n" + text_body
    if trailer is not None:
        document += "\n\n" + trailer
    if disclaimer is not None:
        document += "\n\n" + disclaimer[1]
    if draw(st.booleans()):
        document += "\n"
    document = document.replace("\n", newline)
    expected = {
        "title": title,
        "category": category,
        "note_type": note_type,
        "office": office,
        "speakers": [{"name": speaker[0], "role": speaker[1]}] if speaker else [],
        "venue": None,
        "place": place,
        "date": date.isoformat() if date else None,
        "time": None,
        "time_zone": None,
        "paragraphs": body,
        "disclaimer": disclaimer[0] if disclaimer else None,
    }
    return document, expected
