"""How sure each header field and the body's start are, weighed on the evidence around them."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from operator import attrgetter

import regex

from releaseparse.extractors._block import Block, Layout, layout
from releaseparse.extractors._kinds import (
    KIND_BLANK,
    KIND_ISSUER,
    KIND_LABEL,
    KIND_NAME,
    KIND_NOTE_TYPE,
    KIND_OTHER,
    Kind,
    is_heading,
    note_type_of,
    prose_line,
)
from releaseparse.records import Confidence, Severity
from releaseparse.state import ParseState
from releaseparse.text import collapse, word_count

SURE, LIKELY, UNSURE = Confidence.SURE, Confidence.LIKELY, Confidence.UNSURE

#: Lines that are header evidence: each says the block is a release's header.
EVIDENCE = frozenset(
    {
        Kind.DATE, Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER, Kind.NAME, Kind.ROLE,
        Kind.ANONYMOUS, Kind.PLACE, Kind.FLAT, Kind.TIME,
    }
)  # fmt: skip
#: How many evidence lines make a header block strong.
STRONG_BLOCK = 2
#: Title sources that stand next to the header evidence.
NEAR_TITLES = frozenset({"above", "inside", "name", "self", "after"})
#: Words in a title, below which it may be a page's label (``Today``, ``News``).
MIN_SURE_TITLE_WORDS = 3
#: Words in a title, beyond which it may be a headline with a dek or a flattened header.
MAX_SURE_TITLE_WORDS = 30
#: What a page prints around a title that was left on it: a site name after a bar or a
#: dash, a list tag, ``Fwd:``, a domain, ``-- Transcript``, a clock time or a handle (a
#: post's stamp). A note type at a title's end is no sign: titles end with ``Joint
#: Statement``; one glued before a speaker is read as a header line (``_glued``). Each
#: pattern is searched only when the title holds the characters it needs (``decorated``).
_SEPARATED = regex.compile(r"\s[|»›~]\s|\s[-–—]{1,2}\s[^\d\s]+(?:\s[^\d\s]+){0,3}$")
_SEPARATORS = "|»›~-–—"
#: Each separator after the space ``_SEPARATED`` needs before it.
_SPACED_SEPARATORS = tuple(" " + char for char in _SEPARATORS)
#: The first characters of ``Fwd:``, ``FW:`` and ``Re:``, in either case.
_TAG_OPENINGS = "FfRr"
_COLONS = regex.compile(r"::|^(?:Fwd?|FW|Re)\s*:|\b\d{1,2}:\d{2}\b", regex.IGNORECASE)
_DOMAIN = regex.compile(r"\.(?:com|org|net|gov)\b", regex.IGNORECASE)
_TRANSCRIPT = regex.compile(r"\bTranscript$", regex.IGNORECASE)


def decorated(title: str) -> bool:
    r"""Whether a folded title carries what a page prints around a title.

    The patterns are searched one by one, each only where the characters it needs are in
    the title: one search of them joined tries every pattern at every position (7 µs on a
    title of 70 characters, against well under 1 µs this way). In a folded title ``\s``
    matches only the single spaces between words, so a separator is searched for only
    after a space (``U.S.-Japan`` holds no page's separator), and the colons only where a
    forward's or a reply's tag may open the title, or ``::`` or a digit before a colon (a
    clock time) is in it: no pattern is searched on most titles, even with a colon.
    """
    if "@" in title or title.startswith("["):
        return True
    for pair in _SPACED_SEPARATORS:  # a plain loop: faster than any() over so few pairs
        if pair in title:
            if _SEPARATED.search(title):
                return True
            break
    if ":" in title:
        # ``Fwd:``, ``FW:`` and ``Re:`` open with one of ``FfRr`` (under ``IGNORECASE`` no
        # other character matches these letters).
        searched = title[:1] in _TAG_OPENINGS or "::" in title
        if not searched:
            for piece in title.split(":")[:-1]:
                if piece[-1:].isdigit():  # ``\d`` before a colon: every such is a digit
                    searched = True
                    break
        if searched and _COLONS.search(title):
            return True
    if "." in title and _DOMAIN.search(title):
        return True
    # Only ``t`` and ``T`` fold to ``t``: a title ending otherwise ends in no ``Transcript``.
    return title.endswith(("t", "T")) and _TRANSCRIPT.search(title) is not None


#: A title that is only an institution's name (``Department of Justice``, ``U.S. Embassy in
#: Rome``, ``Office of Public Affairs``): a masthead or an office line over the release,
#: whose own title may be elsewhere.
_INSTITUTION = regex.compile(
    r"(?:the\s+)?(?:(?:u\.\s?s\.|us|united\s+states|american|federal)\s+)?"
    r"(?:department|ministry|office|bureau|agency|embassy|mission|consulate(?:\s+general)?|"
    r"secretariat|commission|administration)\s+(?:of|for|to|in|at)\s+(?:the\s+)?"
    r"\p{Lu}[\p{L}.&'’-]*(?:\s+(?:and\s+|of\s+|for\s+|the\s+)?\p{Lu}[\p{L}.&'’-]*){0,4}",
    regex.IGNORECASE,
)
#: Fewest words of a first paragraph that is surely prose and not a page line.
MIN_SURE_BODY_WORDS = 8
#: Most title-like lines opening a body before its prose that may hide a title there.
MAX_HEADINGS_FIRST = 2
#: The fields rated, in the order they are rated, and the code of the defect that says
#: one was read on weak evidence.
UNCERTAIN = {
    "title": "title.uncertain",
    "category": "category.uncertain",
    "note_type": "note_type.uncertain",
    "office": "office.uncertain",
    "speakers": "speakers.uncertain",
    "venue": "venue.uncertain",
    "place": "place.uncertain",
    "date": "date.uncertain",
    "time": "time.uncertain",
    "body": "body.uncertain",
}
RATED = tuple(UNCERTAIN)


#: The kinds of a date line.
_DATES = frozenset({Kind.DATE, Kind.PARTIAL_DATE})
#: Plain lines, any of which may be a title.
_PLAIN = frozenset({Kind.OTHER, Kind.NAME})
#: The lines that place a known office surely.
_OFFICE_LINES = frozenset({Kind.OFFICE, Kind.FLAT})
#: The offset a line starts at: the key its lines are searched by.
_START = attrgetter("start")


def _is_prose(text: str) -> bool:
    """Whether a folded paragraph reads as prose of at least ``MIN_SURE_BODY_WORDS`` words."""
    # ``prose_line``: ``looks_like_prose`` of a text collapsed already (folding it again
    # changes nothing, and costs a scan of the paragraph when it was not the last folded).
    return word_count(text, MIN_SURE_BODY_WORDS) >= MIN_SURE_BODY_WORDS and prose_line(text)


#: The institutions' own words (``department``, ``embassy``): in an ``_INSTITUTION`` match
#: one is among the title's first four words, after at most ``the`` and a country's or a
#: federal marker (``united states``, ``u. s.``, ``u.s.``, ``us``, ``american``, ``federal``).
_INSTITUTION_WORDS = frozenset(
    {
        "department", "ministry", "office", "bureau", "agency", "embassy", "mission",
        "consulate", "secretariat", "commission", "administration",
    }
)  # fmt: skip
#: Words before the institution's own word, at most.
_BEFORE_INSTITUTION = 3


def is_institution(title: str) -> bool:
    r"""Whether a folded title is only an institution's name (``Department of Justice``).

    The pattern is anchored at the title's start, and in a collapsed title ``\s`` matches
    only the single spaces between words: an ASCII title with none of the institutions'
    words among its first four, lowered, is none, and is not searched (under
    ``IGNORECASE`` an ASCII letter matches only its two cases).
    """
    if title.isascii():
        for word in title.lower().split(" ", _BEFORE_INSTITUTION + 1)[: _BEFORE_INSTITUTION + 1]:
            if word in _INSTITUTION_WORDS:
                break
        else:
            return False
    return _INSTITUTION.fullmatch(title) is not None


def _kind_at(found: Layout, offset: int) -> Kind:
    """The kind of the line ``offset`` is on (an offset before the first line: line 0)."""
    index = max(bisect.bisect_right(found.lines, offset, key=_START) - 1, 0)
    # ``found.kind(index)``: past the lines classified (``size``), a line is ``OTHER``.
    return found.kinds[index] if index < found.size else KIND_OTHER


def levels(state: ParseState) -> dict[str, Confidence]:
    """The confidence of each field set so far, by the evidence around it.

    A header block is *strong* with ``STRONG_BLOCK`` evidence lines or more (a date, a
    note type, an office, a speaker, ...). A field read from a header line (the note
    type, the place, the date, the time) is sure where it starts on a line of a strong
    block that is not the title's, and likely elsewhere; the others have rules of their
    own, told where each is rated. The body's start is rated first: the title and some
    header fields are sure only below a body that surely starts where it was read.

    Every parse runs this, so it is one function reading the layout, the spans and the
    fields once, rating each field inline in ``RATED`` order, answering the common case
    first and working out nothing a field that is not set would need. Only the title's
    costlier tests (``_title_stands_alone``) and a line's kind at an offset (``_kind_at``,
    on rarer branches) are calls of their own. The same rules, an object per parse and a
    method per field, are kept as the plain form in the tests.
    """
    found = layout(state)
    block = found.block
    fields = state.fields
    body = fields["body"].value if "body" in fields else None
    paragraphs: tuple[str, ...] = body if isinstance(body, tuple) else ()
    if block is None:
        # No header block: whatever was read stands on its own shape alone.
        alone = {name: LIKELY for name in RATED if name in fields}
        if "title" in alone:
            alone["title"] = UNSURE
        if "body" in alone and not (paragraphs and _is_prose(collapse(paragraphs[0]))):
            alone["body"] = UNSURE
        return alone

    spans = state._span_offsets()
    kinds, lines = found.kinds, state.lines
    start, end, title = block.start, block.end, block.title
    # The block's lines are among those classified (``block.end <= found.size``).
    evidence = dates = 0
    for index in range(start, end):
        kind = kinds[index]
        if kind in EVIDENCE:
            evidence += 1
        if kind in _DATES:
            dates += 1
    strong = evidence >= STRONG_BLOCK
    # Whether a span starts on the block's lines (or the title's) is a comparison with the
    # offsets those lines start at: the first line starts at 0, and a line index past the
    # last line at the source's end and beyond (no span starts there).
    count, past = len(lines), len(state.source) + 1
    low = lines[start].start if start < count else past
    high = lines[end].start if end < count else past
    title_low = title_high = 0  # no title: no offset is on its lines
    if title is not None:
        title_low = lines[title[0]].start if title[0] < count else past
        title_high = lines[title[1]].start if title[1] < count else past

    # The body's start: sure below a strong block where it opens with prose (a sentence
    # of a few words) or a speaker's turn (``MR. PRICE: ...``); a briefing's topic index
    # opening it with headings is likely; other short lines there are as likely page
    # lines left over. Prose is tested first: the turn's line is searched only without it.
    body_level = UNSURE
    first = ""  # the body's first paragraph, folded
    body_at = spans.get("body.paragraphs.0")
    if paragraphs and body_at is not None:
        first = collapse(paragraphs[0])
        # ``_is_prose(first)`` inline: run for nearly every parse.
        if (
            len(first.split(None, MIN_SURE_BODY_WORDS)) >= MIN_SURE_BODY_WORDS and prose_line(first)
        ) or _kind_at(found, body_at[0]) is KIND_LABEL:
            body_level = SURE if strong else LIKELY
        elif strong and len(paragraphs) > 1 and is_heading(first):
            body_level = LIKELY
    body_sure = body_level is not UNSURE

    rated: dict[str, Confidence] = {}
    for name in RATED:
        if name not in fields:
            continue
        level: Confidence | None = None  # ``None``: rated as a header line's field, below
        if name == "title":
            text = collapse(str(fields["title"].value or ""))
            title_from = block.title_from
            if decorated(text) or is_institution(text):
                # Left with what a page prints around it, or a masthead's name.
                level = UNSURE
            elif title_from in ("headline", "bare"):
                # Away from header lines, a title printed twice (the page's title, then
                # the article's heading) is the page's own; a lone first line may be anything.
                level = LIKELY if block.repeat is not None else UNSURE
            elif (
                body_sure
                and strong
                and title_from in NEAR_TITLES
                and _title_stands_alone(state, found, block, text, spans, paragraphs, first)
            ):
                level = SURE
            else:
                level = LIKELY
        elif name == "category":
            level = SURE
        elif name == "venue":
            level = LIKELY
        elif name == "body":
            level = body_level
        elif name == "speakers":
            level = LIKELY
            at = spans.get("speakers.0.name")
            role = spans.get("speakers.0.role")
            # Sure only for a name on the block's lines with its role after it: a bare
            # name line is a speaker only by where it stands, and in ``Secretary Colin L.
            # Powell`` where the role ends and the name starts is read from the words' shapes.
            if (
                at is not None
                and low <= at[0] < high
                and not title_low <= at[0] < title_high
                and role is not None
                and role[0] >= at[0]
            ):
                speakers = fields["speakers"].value
                glued = False
                if isinstance(speakers, tuple):
                    for speaker in speakers:
                        # A name and a role written without a space between
                        # (``安东尼·J·布林肯国务卿``) were split on the role words known: a guess.
                        if " " not in speaker.name and not speaker.name.isascii():
                            glued = True
                            break
                # ``Name, Role`` on a line of its own, the body's prose right below: an
                # issuer line needs no other header line to be sure.
                if not glued and (strong or (body_sure and _kind_at(found, at[0]) is KIND_ISSUER)):
                    level = SURE
        elif name == "office":
            # Only a known office is weighed (not a line that only opens like one, ``Office
            # of ...``): as a header line's field, or on an office's own line (below).
            key = collapse(str(fields["office"].value)).casefold()
            if key not in state.vocabulary.office_keys:
                level = LIKELY
        elif name == "place":
            # ``Secretary of State Washington, DC``: a role glued on.
            place = str(fields["place"].value)
            vocabulary = state.vocabulary
            search = (
                vocabulary.ascii_role_search if place.isascii() else vocabulary.role_pattern.search
            )
            if search(place) is not None:
                level = UNSURE
        elif name == "date":
            if fields["date"].value is None:
                level = UNSURE
            elif dates > 1:
                # A post date and the release's own date: which is which is a guess.
                level = LIKELY
        if level is None:
            at = spans.get(name) if strong else None
            if at is not None and low <= at[0] < high and not title_low <= at[0] < title_high:
                level = SURE
            elif name == "office" and body_sure:
                # A known office on an office's own line below a sure body's start is sure
                # on any block. An empty span (as a missing one) is read at the first line.
                at = spans.get("office")
                office_at = at[0] if at and at[0] < at[1] else 0
                level = SURE if _kind_at(found, office_at) in _OFFICE_LINES else LIKELY
            else:
                level = LIKELY
        rated[name] = level
    return rated


def _title_stands_alone(
    state: ParseState,
    found: Layout,
    block: Block,
    text: str,
    spans: Mapping[str, tuple[int, int]],
    paragraphs: tuple[str, ...],
    first: str,
) -> bool:
    """Whether a title next to a strong block stands where nothing else could be the title.

    Asked only below a sure body's start, of a folded title ``text`` that is no page's
    decoration. Each test alone makes the title only likely; the cheap ones go first,
    then the one most often decisive (a rival title-like line).
    """
    kinds, size, lines = found.kinds, found.size, state.lines
    title = block.title
    # ``found.kind`` read off ``kinds`` directly: the title and the block lie among the
    # lines classified (``Layout.size``).
    if title is not None and kinds[title[0]] is KIND_NAME:
        # A name-shaped title (``Workshop Workshop``, ``Noticias del Mundo``) could as
        # well be a site's name or a speaker line.
        return False
    # Below ``MIN_SURE_TITLE_WORDS`` a page's label (``Today``, ``News``); beyond
    # ``MAX_SURE_TITLE_WORDS`` a headline with a dek or a flattened header.
    if (
        not MIN_SURE_TITLE_WORDS
        <= len(text.split(None, MAX_SURE_TITLE_WORDS))
        <= MAX_SURE_TITLE_WORDS
    ):
        return False
    if title is not None:
        # A rival: another line of three words or more, not prose, that may be a title.
        # Above the title, a republisher's headline; among the header lines below it, a
        # speech's own title or occasion under the speaker (``The U.S.-Japan Relationship
        # in 2004``).
        # Plain loops: ``compress`` over the kinds, in C, costs more on a parse's first
        # pass (its code is cold) than the Python loop over a dozen lines.
        above, below = range(title[0]), range(max(title[1], block.start), block.end)
        for searched in (above, below):
            for index in searched:
                if kinds[index] in _PLAIN:
                    line = collapse(lines[index].text)
                    if len(line.split(None, 3)) >= 3 and not prose_line(line):
                        return False
    if kinds[block.start] is KIND_NOTE_TYPE:
        # Over a note type that is a title of its own (``Daily Press Briefing``), a line
        # above may be a site's name.
        vocabulary = state.vocabulary
        canonical = note_type_of(vocabulary, collapse(lines[block.start].text))
        if canonical is not None and canonical.casefold() in vocabulary.self_titled_keys:
            return False
    if title is not None:
        # Over a name-shaped line nothing was read from (``Neueste Artikel``), blank lines
        # passed over, the title is as likely a site's tagline over a section label.
        # Past the lines classified (``size``), a line is ``OTHER``: neither blank nor a name.
        index = title[1]
        while index < size and kinds[index] is KIND_BLANK:
            index += 1
        if index < size and kinds[index] is KIND_NAME:
            # ``size`` is no more than the lines: the line after ``index`` may be past them.
            low = lines[index].start
            high = lines[index + 1].start if index + 1 < len(lines) else len(state.source) + 1
            for at in spans.values():
                if low <= at[0] < high:
                    break
            else:
                return False
    # A title-like line or two opening the body before its prose: a title printed below
    # the header, maybe under an office line, and the line above the block (a masthead's
    # ``Department of Justice``) may have been taken for the title.
    if len(first.split(None, MIN_SURE_TITLE_WORDS)) >= MIN_SURE_TITLE_WORDS and is_heading(first):
        for paragraph in paragraphs[1 : MAX_HEADINGS_FIRST + 1]:
            following = collapse(paragraph)
            if not is_heading(following):
                return not _is_prose(following)
    return True


def confidence(state: ParseState) -> None:
    """Rate each field; one read on weak evidence gets a ``<field>.uncertain`` defect."""
    rated = levels(state)
    # One by one: ``state._rate_all``'s checks at once, in C, cost more on a parse's first
    # pass (their code is cold) than the calls of ``rate``.
    for name, level in rated.items():
        state.rate(name, level)
    flag_unsure(state, rated)


def flag_unsure(state: ParseState, rated: Mapping[str, Confidence]) -> None:
    """A ``<field>.uncertain`` defect for each field ``rated`` unsure that holds a value."""
    for name, level in rated.items():
        if level != UNSURE:
            continue
        span = state.span_of(name)
        if span is not None and state.get(name) is not None:
            state.defect(
                UNCERTAIN[name],
                f"the {name} was read on weak evidence (confidence: unsure)",
                span,
                Severity.INFO,
            )
