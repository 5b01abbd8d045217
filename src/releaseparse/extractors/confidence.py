"""How sure each header field and the body's start are, weighed on the evidence around them."""

from __future__ import annotations

import bisect

import regex

from releaseparse.extractors._block import Block, Layout, layout
from releaseparse.extractors._kinds import Kind, is_heading, looks_like_prose, note_type_of
from releaseparse.records import Confidence, Severity, Span
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
_COLONS = regex.compile(r"::|^(?:Fwd?|FW|Re)\s*:|\b\d{1,2}:\d{2}\b", regex.IGNORECASE)
_DOMAIN = regex.compile(r"\.(?:com|org|net|gov)\b", regex.IGNORECASE)
_TRANSCRIPT = regex.compile(r"\bTranscript$", regex.IGNORECASE)


def decorated(title: str) -> bool:
    """Whether a folded title carries what a page prints around a title.

    The patterns are searched one by one, each only where the characters it needs are in
    the title: one search of them joined tries every pattern at every position (7 µs on a
    title of 70 characters, against well under 1 µs this way).
    """
    if "@" in title or title.startswith("["):
        return True
    if any(char in title for char in _SEPARATORS) and _SEPARATED.search(title):
        return True
    if ":" in title and _COLONS.search(title):
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


class _Evidence:
    """The layout of one parse, read for the lines each field came from."""

    def __init__(self, state: ParseState, found: Layout, block: Block) -> None:
        self.state = state
        self.found = found
        self.block = block
        self.starts = [line.start for line in state.lines]
        self.evidence = sum(
            1 for index in range(block.start, block.end) if found.kind(index) in EVIDENCE
        )
        self.strong = self.evidence >= STRONG_BLOCK

    def dates_in_block(self) -> int:
        """How many lines of the block (its title left out) read as a date."""
        return sum(
            1
            for index in range(self.block.start, self.block.end)
            if self.found.kind(index) in (Kind.DATE, Kind.PARTIAL_DATE)
        )

    def line_of(self, span: Span) -> int:
        return self.line_at(span.start)

    def line_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def kind_at(self, span: Span) -> Kind:
        return self.found.kind(self.line_of(span))

    def in_block(self, span: Span) -> bool:
        return self.block.start <= self.line_of(span) < self.block.end

    def in_title(self, span: Span) -> bool:
        title = self.block.title
        return title is not None and title[0] <= self.line_of(span) < title[1]

    def header_level(self, name: str) -> Confidence:
        """A field read from a line of the block: sure on a strong block, in its own kind."""
        span = self.state.span_of(name)
        if span is None or not self.in_block(span) or self.in_title(span):
            return LIKELY
        return SURE if self.strong else LIKELY

    def title_level(self) -> Confidence:
        text = collapse(str(self.state.get("title") or ""))
        source = self.block.title_from
        if decorated(text) or _INSTITUTION.fullmatch(text):
            return UNSURE
        if source in ("headline", "bare"):
            # Away from header lines, a title printed twice (the page's title, then the
            # article's heading) is the page's own; a lone first line may be anything.
            return LIKELY if self.block.repeat is not None else UNSURE
        if source not in NEAR_TITLES or not self.strong:
            return LIKELY
        title = self.block.title
        if title is not None and self.found.kind(title[0]) == Kind.NAME:
            # A name-shaped title (``Workshop Workshop``, ``Noticias del Mundo``) could as
            # well be a site's name or a speaker line.
            return LIKELY
        if self.found.kind(self.block.start) == Kind.NOTE_TYPE and self._self_titled_top():
            # Over a note type that is a title of its own (``Daily Press Briefing``), a
            # line above may be a site's name.
            return LIKELY
        if self._over_unread_name():
            # Over a name-shaped line nothing was read from (``Neueste Artikel``), the
            # line is as likely a site's tagline over a section label as a title.
            return LIKELY
        words = word_count(text, MAX_SURE_TITLE_WORDS)
        if not MIN_SURE_TITLE_WORDS <= words <= MAX_SURE_TITLE_WORDS or self._rival_title():
            return LIKELY
        return SURE

    def _over_unread_name(self) -> bool:
        """Whether the next line below the title is name-shaped and gave no field.

        Blank lines are passed over. Neither a speaker nor an issuer, such a line stands
        between the title and the header lines.
        """
        title = self.block.title
        if title is None:
            return False
        index = title[1]
        while index < len(self.starts) and self.found.kind(index) == Kind.BLANK:
            index += 1
        if index >= len(self.starts) or self.found.kind(index) != Kind.NAME:
            return False
        return all(
            self.line_at(start) != index for _name, start, _end in self.state.span_table().items()
        )

    def _self_titled_top(self) -> bool:
        vocabulary = self.state.vocabulary
        canonical = note_type_of(vocabulary, self.found.text(self.block.start))
        return canonical is not None and canonical.casefold() in vocabulary.self_titled_keys

    def _rival_title(self) -> bool:
        """Whether another title-like line stands beside the title.

        Above it, a republisher's headline; among the header lines below it, a speech's
        own title or occasion under the speaker (``The U.S.-Japan Relationship in 2004``).
        """
        title = self.block.title
        if title is None:
            return False
        below = range(max(title[1], self.block.start), self.block.end)
        for index in (*range(title[0]), *below):
            if self.found.kind(index) in (Kind.OTHER, Kind.NAME) and self._title_like(index):
                return True
        return False

    def _title_like(self, index: int) -> bool:
        words = self.found.text(index).split()
        return len(words) >= 3 and not looks_like_prose(" ".join(words))

    def speakers_level(self, body_sure: bool) -> Confidence:
        span = self.state.span_of("speakers.0.name")
        role = self.state.span_of("speakers.0.role")
        if span is None:
            return LIKELY
        if self.in_title(span) or not self.in_block(span):
            return LIKELY
        if role is None:
            # A bare name line: a speaker only by where it stands.
            return LIKELY
        if role.start < span.start:
            # ``Secretary Colin L. Powell``: where the role ends and the name starts is
            # read from the words' shapes.
            return LIKELY
        speakers = self.state.get("speakers")
        if isinstance(speakers, tuple) and any(
            " " not in speaker.name and not speaker.name.isascii() for speaker in speakers
        ):
            # A name and a role written without a space between (``安东尼·J·布林肯国务卿``)
            # were split on the role words known: a guess.
            return LIKELY
        # ``Name, Role`` on a line of its own, the body's prose right below: an issuer
        # line needs no other header line to be sure.
        alone = role is not None and self.kind_at(span) == Kind.ISSUER and body_sure
        return SURE if self.strong or alone else LIKELY

    def body_level(self) -> Confidence:
        paragraphs = self.state.get("body")
        span = self.state.span_of("body.paragraphs.0")
        if not isinstance(paragraphs, tuple) or not paragraphs or span is None:
            return UNSURE
        if self.kind_at(span) == Kind.LABEL:
            return SURE if self.strong else LIKELY
        if not _prose_first(self.state):
            # A briefing's topic index opens its body with headings; other short lines
            # there are as likely page lines left over.
            index = is_heading(collapse(paragraphs[0])) and self.strong and len(paragraphs) > 1
            return LIKELY if index else UNSURE
        return SURE if self.strong else LIKELY


def _heading_first(state: ParseState) -> bool:
    """Whether the body opens with a title-like line or two, then prose.

    A title printed below the header, maybe under an office line: a line above the
    header (a masthead's ``Department of Justice``) may have been taken for the title.
    """
    paragraphs = state.get("body")
    if not isinstance(paragraphs, tuple):
        return False
    for index, paragraph in enumerate(paragraphs[: MAX_HEADINGS_FIRST + 1]):
        text = collapse(paragraph)
        if not is_heading(text):
            # Prose opening the body, not after a heading, is no title below the header.
            return (
                index > 0
                and word_count(text, MIN_SURE_BODY_WORDS) >= MIN_SURE_BODY_WORDS
                and looks_like_prose(text)
            )
        if index == 0 and word_count(text, MIN_SURE_TITLE_WORDS) < MIN_SURE_TITLE_WORDS:
            return False
    return False


def _prose_first(state: ParseState) -> bool:
    """Whether the body's first paragraph reads as prose (a sentence of a few words)."""
    paragraphs = state.get("body")
    if not isinstance(paragraphs, tuple) or not paragraphs:
        return False
    first = collapse(paragraphs[0])
    return word_count(first, MIN_SURE_BODY_WORDS) >= MIN_SURE_BODY_WORDS and looks_like_prose(first)


def levels(state: ParseState) -> dict[str, Confidence]:
    """The confidence of each field set so far, by the evidence around it."""
    found = layout(state)
    block = found.block
    names = [name for name in RATED if state.has(name)]
    if block is None:
        # No header block: whatever was read stands on its own shape alone.
        alone = dict.fromkeys(names, LIKELY)
        if "title" in alone:
            alone["title"] = UNSURE
        if "body" in alone and not _prose_first(state):
            alone["body"] = UNSURE
        return alone
    evidence = _Evidence(state, found, block)
    rated: dict[str, Confidence] = {}
    # Where the body's first paragraph is not prose, the header may go on below the
    # block (a title printed after the dateline, glued to the note type): the title
    # found above it is a guess among two. So it is where the body opens with one or
    # two title-like lines before its prose, however sure the body's start is.
    body_level = evidence.body_level() if state.has("body") else UNSURE
    body_sure = body_level != UNSURE
    rival_below = state.has("body") and _heading_first(state)
    for name in names:
        if name == "title":
            level = evidence.title_level()
            rated[name] = LIKELY if level == SURE and (rival_below or not body_sure) else level
        elif name == "speakers":
            rated[name] = evidence.speakers_level(body_sure)
        elif name == "body":
            rated[name] = body_level
        elif name == "category":
            rated[name] = SURE
        elif name == "venue":
            rated[name] = LIKELY
        elif name == "office":
            # A known office, or a line that only opens like one (``Office of ...``).
            known = collapse(str(state.get(name))).casefold() in state.vocabulary.office_keys
            level = evidence.header_level(name)
            if (
                known
                and body_sure
                and evidence.kind_at(state.span_of(name) or Span(0, 0))
                in (
                    Kind.OFFICE,
                    Kind.FLAT,
                )
            ):
                level = SURE
            rated[name] = level if known else LIKELY
        elif name == "place" and state.vocabulary.role_pattern.search(str(state.get(name))):
            # ``Secretary of State Washington, DC``: a role glued on.
            rated[name] = UNSURE
        elif name == "date" and state.get("date") is None:
            rated[name] = UNSURE
        elif name == "date" and evidence.dates_in_block() > 1:
            # A post date and the release's own date: which is which is a guess.
            rated[name] = LIKELY
        else:
            rated[name] = evidence.header_level(name)
    return rated


def confidence(state: ParseState) -> None:
    """Rate each field; one read on weak evidence gets a ``<field>.uncertain`` defect."""
    for name, level in levels(state).items():
        state.rate(name, level)
        span = state.span_of(name)
        if level == UNSURE and span is not None and state.get(name) is not None:
            state.defect(
                UNCERTAIN[name],
                f"the {name} was read on weak evidence (confidence: unsure)",
                span,
                Severity.INFO,
            )
