"""What each line near the top of a source reads as: chrome, dateline, note type, speaker, ..."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import regex

from releaseparse.dates import MAX_DATELINE, read_dateline, read_partial_date, read_time
from releaseparse.extractors._flat import read_flat
from releaseparse.extractors._glued import read_glued
from releaseparse.extractors._people import NAME_SUFFIX as _NAME_SUFFIX
from releaseparse.extractors._people import is_name, is_role_line, read_issuer
from releaseparse.guard import gave_up
from releaseparse.lines import Line
from releaseparse.text import ASCII_DIGIT, collapse, visible, word_count
from releaseparse.vocabulary import Vocabulary, remember


class Kind(enum.StrEnum):
    """What a line reads as, judged on its own text (and, for roles, the line above)."""

    BLANK = "blank"
    CHROME = "chrome"
    MARKER = "marker"
    DATE = "date"
    PARTIAL_DATE = "partial_date"
    TIME = "time"
    NOTE_TYPE = "note_type"
    OFFICE = "office"
    ISSUER = "issuer"
    NAME = "name"
    ROLE = "role"
    ANONYMOUS = "anonymous"
    PLACE = "place"
    FLAT = "flat"
    RELEASED = "released"
    LABEL = "label"
    PROSE = "prose"
    OTHER = "other"


#: Kinds that belong to a header block.
HEADER_KINDS = frozenset(
    {
        Kind.DATE, Kind.PARTIAL_DATE, Kind.TIME, Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER,
        Kind.NAME, Kind.ROLE, Kind.ANONYMOUS, Kind.PLACE, Kind.FLAT, Kind.RELEASED,
    }
)  # fmt: skip
#: Kinds that say who issued a release.
ISSUER_KINDS = frozenset({Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER, Kind.ANONYMOUS})
#: Every member read off ``Kind`` once, for the modules that compare kinds line by line to
#: import: on Python 3.11 reading ``Kind.X`` off the class goes through the enum's
#: metaclass and costs 0.2-0.45 µs, several times a module global. Members are compared
#: by identity (``kind is KIND_DATE``): each member is the one object of its value.
KIND_BLANK, KIND_CHROME, KIND_MARKER = Kind.BLANK, Kind.CHROME, Kind.MARKER
KIND_DATE, KIND_PARTIAL_DATE, KIND_TIME = Kind.DATE, Kind.PARTIAL_DATE, Kind.TIME
KIND_NOTE_TYPE, KIND_OFFICE, KIND_ISSUER = Kind.NOTE_TYPE, Kind.OFFICE, Kind.ISSUER
KIND_NAME, KIND_ROLE, KIND_ANONYMOUS = Kind.NAME, Kind.ROLE, Kind.ANONYMOUS
KIND_PLACE, KIND_FLAT, KIND_RELEASED = Kind.PLACE, Kind.FLAT, Kind.RELEASED
KIND_LABEL, KIND_PROSE, KIND_OTHER = Kind.LABEL, Kind.PROSE, Kind.OTHER
_DATE_OR_FLAT = frozenset({Kind.DATE, Kind.FLAT})

#: What may follow a sentence's last mark: quotes and a bracket.
_CLOSING = '"”’)'
_SENTENCE_MARKS = frozenset(".!?")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
#: Spanish, French, Italian, Portuguese and German titles keep these in lower case
#: (``Nota para los medios``, ``Déclaration sur la situation``).
FOREIGN_FUNCTION_WORDS = (
    "el", "la", "los", "las", "del", "de", "al", "para", "por", "con", "sin", "sobre", "y", "e",
    "en", "un", "una", "le", "les", "des", "du", "au", "aux", "à", "et", "pour", "sur", "dans",
    "avec", "d'", "il", "lo", "gli", "della", "delle", "dei", "degli", "per", "su", "di", "da",
    "nel", "nella", "o", "os", "as", "do", "dos", "das", "na", "no", "nos", "em", "com", "pelo",
    "pela", "der", "die", "dem", "den", "und", "für", "mit", "zu", "zum", "zur", "von", "im",
    "am",
)  # fmt: skip
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "via",
        "vs",
        "upon",
        "over",
        *FOREIGN_FUNCTION_WORDS,
    ]
)
#: ``Part, Part[, Part]``: capitalised words, a few lower-case particles between.
_PARTICLES = "of|and|the|de|del|da|es|al|el|la|le|sur|upon|au|aux|di"
_PLACE_PART = (
    rf"\p{{Lu}}[\p{{L}}.'’\-]*(?:\s+(?:(?:{_PARTICLES})\s+)?\p{{Lu}}[\p{{L}}.'’\-]*){{0,4}}"
)
#: One word of a place, read between spaces and commas: a capitalised word, a particle,
#: or either bracket of ``(Berlin, Germany)``.
_PLACE_WORD = regex.compile(rf"[()]|\(?\p{{Lu}}[\p{{L}}.'’\-]*\)?|{_PARTICLES}")
_POSSESSIVE_WORD = regex.compile(r"\p{L}+['’]s\b")
_PLACE = regex.compile(rf"\(?\s*{_PLACE_PART}(?:\s*,\s*{_PLACE_PART}){{1,3}}\s*\)?")
_LABEL = regex.compile(
    r"\s*(?P<label>\p{Lu}[\p{Lu}.'’\-]+(?:\s+\p{Lu}[\p{Lu}.'’\-]*){0,5}|\p{Lu}\p{Ll}{0,11})\s*:(?=\s|$)"
)
#: A label with no colon, two spaces or a tab before the words (``Q    Mr. President``).
_BARE_LABEL = regex.compile(r"\s*(?P<label>\p{Lu}[\p{Lu}.]{0,11})(?:[ ]{2,}|\t)(?=\S)")
#: The number of the ``label`` group of ``_LABEL``, and of ``_BARE_LABEL`` (a test checks):
#: ``regex`` reads a group by number several times faster than by name (0.05 against 0.5 µs).
LABEL_GROUP = _LABEL.groupindex["label"]
#: Capitalised words before a colon that are headings or markers, not speakers.
NOT_LABELS = frozenset(
    {"INDEX", "TRANSCRIPT", "NOTE", "FROM", "BRIEFER", "BRIEFERS", "TO", "RE", "PRN", "DATE"}
)
_RELEASED = regex.compile(r"Released by (?:the )?\p{Lu}.{2,100}")
#: A note type followed by ``Index`` names the note type (``Daily Press Briefing Index``).
_INDEX_SUFFIX = regex.compile(r"(?i)\s+index$")
#: The characters ``_INDEX_SUFFIX`` may end with (a test checks every character).
_INDEX_ENDINGS = frozenset("xX")
#: A qualifier after a note type: ``Daily Press Briefing (Corrected)``, ``Remarks (As Delivered)``.
#: Characters of a note-type line with a site name glued on, at most.
MAX_DECORATED_NOTE = 120
_QUALIFIER = regex.compile(r"\s*\((?:[^()]{1,30})\)$")
_OFFICE_PREFIX = regex.compile(r"(?i)U\.S\. Department of State\s+")
#: The characters ``_OFFICE_PREFIX`` may open with (and ``""``: ``in`` holds for it).
_OFFICE_PREFIX_OPENERS = "Uu"


def label_of(vocabulary: Vocabulary, text: str) -> regex.Match[str] | None:
    """The transcript label opening ``text`` (``SECRETARY KERRY:``, ``Question:``), if any."""
    # A label ends with a colon, a bare one (of a vocabulary that has them) with two spaces
    # or a tab. The colon is looked for first: a one-character search is the fastest.
    # The vocabulary's bare labels are read only where a colon is missing or none matched.
    if ":" not in text:
        bare_labels = vocabulary.bare_labels
        if not bare_labels or ("\t" not in text and "  " not in text):
            return None
    match = _LABEL.match(text)
    if match is None:
        bare_labels = vocabulary.bare_labels
        if not bare_labels:
            return None
        bare = _BARE_LABEL.match(text)
        if bare is not None and bare[LABEL_GROUP] in bare_labels:
            return bare
        return None
    label = match[LABEL_GROUP]
    # ``STATEMENT ON WATER: GRANTS``: an all-capitals headline, not a turn. Most turns
    # show a lower-case character within a few characters of the colon, and are answered
    # without copying the whole rest of their paragraph (``_shouts``).
    end = match.end()
    window = text[end : end + _TAIL_WINDOW]
    if window and (window + "A").isupper() and _shouts(text, end):
        return None
    if label.isupper():
        if label in NOT_LABELS or (len(label.replace(".", "")) < 2 and label not in ("Q", "A")):
            return None
        return match
    return match if label.casefold() in vocabulary.label_keys else None


#: Characters after a label's colon looked at first for a lower-case one (``_shouts``).
_TAIL_WINDOW = 8


def _shouts(text: str, end: int) -> bool:
    """Whether ``text[end:].strip()`` is longer than three characters and ``str.isupper``.

    ``str.isupper`` is true iff a string holds a cased character and no lower-case or
    title-case one; whitespace, all that ``strip`` drops, is uncased. So a window of the
    text after ``end`` holding a lower-case or title-case character (a turn's words:
    ``Thank you``) rules it out: ``window + "A"`` is upper exactly when the window holds
    none (``A`` is the cased character it may lack). ``label_of`` asks that first.
    """
    rest = text[end:].strip()
    return len(rest) > 3 and rest.isupper()


def looks_like_prose(text: str) -> bool:
    """Whether a line reads as body prose rather than a header line or a title.

    Titles capitalise their words and leave only short function words in lower
    case; prose has lower-case content words, or ends a sentence.
    """
    return prose_line(collapse(text))


def prose_line(line: str) -> bool:
    """``looks_like_prose`` of a line collapsed already (``classify``'s tests are given one)."""
    if line.startswith("["):
        return False
    if len(line) > 250:
        return True
    # Every CJK character lies above U+00FF, and ``encode`` drops exactly those: a line
    # with no more than 40 of them holds no more than 40 CJK ones, and is not searched.
    if (
        not line.isascii()
        and len(line) - len(line.encode("latin-1", "ignore")) > 40
        and len(_CJK.findall(line)) > 40
    ):
        return True
    words = line.split()
    count = len(words)
    if count < 6:
        return False
    # ``ends_sentence(line)``, written out: asked of most lines of prose.
    if count >= 8 and line.rstrip(_CLOSING)[-1:] in _SENTENCE_MARKS:
        return True
    # Prose has at least three content words (lower-case, no function word), and three
    # tenths of its words: ``content >= 3 and content * 10 >= count * 3``, that is
    # ``content >= max(3, ceil(3 * count / 10))``, and the ceiling is 3 or more from seven
    # words on. Words are counted until that many are found (``split`` gives no empty
    # word, so ``word[0]`` is ``word[:1]``).
    needed = (3 * count + 9) // 10 if count > 6 else 3
    for word in words:
        if word[0].islower() and word not in _FUNCTION_WORDS:
            needed -= 1
            if not needed:
                return True
    return False


def ends_sentence(line: str) -> bool:
    """Whether a collapsed line ends a sentence: ``.``, ``!`` or ``?``, then closing marks.

    The same answer as a search for ``[.!?]["”’)]*$`` on a line with no line break,
    without trying the pattern at every position.
    """
    return line.rstrip(_CLOSING)[-1:] in _SENTENCE_MARKS


#: Lines of a hard-wrapped paragraph read together when judging whether it is prose.
WRAPPED_LINES = 6


def paragraph_is_prose(vocabulary: Vocabulary, lines: Sequence[str]) -> bool:
    """Whether the hard-wrapped lines of one paragraph, read together, are body prose."""
    joined = " ".join(collapse(text) for text in lines[:WRAPPED_LINES])
    return looks_like_prose(joined) or label_of(vocabulary, joined) is not None


def is_heading(text: str) -> bool:
    """A short line with every content word capitalised and no closing punctuation.

    Topic index entries of a briefing (``Ferry Safety Agreement / Secretary's Travel``)
    are headings; a line of hard-wrapped prose holds lower-case words.
    """
    # No more than 21 pieces: a longer text is no heading, and is not split whole. Up to
    # 20 pieces are the words of ``collapse(text)`` (``split`` splits on every space it
    # folds), without folding the text first.
    words = visible(text).split(None, 20)
    if not words or len(words) > 20 or ends_sentence(words[-1]):
        return False
    return not any(word[:1].islower() and word not in _FUNCTION_WORDS for word in words)


def is_place(vocabulary: Vocabulary, text: str) -> bool:
    """``City, Region`` (``Venue, City, Region``, ``(Berlin, Germany)``) or a known place."""
    line = collapse(text)
    if vocabulary.is_known_place(line):
        return True
    if "," not in line:
        return False  # the place pattern needs a comma: ``City, Region``
    # The shape holds letters, ``.'’-``, spaces, commas and brackets, commas only between
    # its two to four parts, and ends with a letter, ``.'’-``, a space or a bracket: a line
    # with more than three commas or ending with one (``Senator Durbin, Leader Harbor,``),
    # or holding an ASCII digit (``Briefing, April 19, 2004``), is no place, and the
    # pattern, slow to fail on a long line of capitalised words, is not tried.
    if line.count(",") > 3 or line.endswith(",") or ASCII_DIGIT.search(line) is not None:
        return False
    # The shape first: it fails at the first word of most lines (``to Berlin, Germany``).
    if _PLACE.fullmatch(line) is None or _NAME_SUFFIX.search(line):
        # ``Howard H. Baker, Jr.`` has a place's shape.
        return False
    # ``Secretary of State Washington, DC``: a role glued to the place is no place; a
    # possessive is no role (``Ambassador's Residence, Tokyo``).
    words = line.title() if line.isupper() else line
    if "'" in words or "’" in words:  # every possessive holds one
        words = _POSSESSIVE_WORD.sub("", words)
    return vocabulary.role_pattern.search(words) is None


def second_word_fits_a_place(line: str) -> bool:
    """Whether the second word of a collapsed line could be a word of a place's shape.

    Words are split at spaces and commas, as ``_PLACE`` reads them. A word that no
    place's shape holds (``to``, ``Transcript:``), after the first, fails the shape.
    """
    words = line.replace(",", " ").split(None, 2)
    return len(words) < 2 or _PLACE_WORD.fullmatch(words[1]) is not None


def note_type_of(vocabulary: Vocabulary, text: str) -> str | None:
    """The canonical note type of a note-type line (``PRESS STATEMENT``, ``... Index``)."""
    line = collapse(text)
    width = vocabulary.note_type_width
    # ``note_type`` answers ``None`` for a line longer than every note type (it collapses
    # the line, which is collapsed here already, and measures it first): not asked.
    found = vocabulary.note_type(line) if len(line) <= width else None
    # A collapsed line's whitespace is single characters (``\s`` matches only what
    # ``str.split`` splits on), so the suffix cut is `` index``, six characters. The cut
    # ends with ``x``, which ``(?i)`` matches in ``x`` and ``X`` alone (``_INDEX_ENDINGS``):
    # on a line ending otherwise it cuts nothing, and the line was asked about already.
    if found is None and line[-1:] in _INDEX_ENDINGS and len(line) - len(" index") <= width:
        found = vocabulary.note_type(_INDEX_SUFFIX.sub("", line))
    if found is None and line.endswith(")") and len(line) <= width + 32:
        found = vocabulary.note_type(_QUALIFIER.sub("", line))
    if found is None and len(line) <= MAX_DECORATED_NOTE and _holds_self_titled(vocabulary, line):
        # ``Daily Press Briefing | U.S. Department of State``: a site name glued on. Only a
        # note type that is also a title gets one: any other (``Press release | Distributed
        # by …``) is an aggregator's stamp.
        start, end = vocabulary.strip_title_decorations(line)
        if (start, end) != (0, len(line)):
            found = vocabulary.note_type(line[start:end])
            if found is not None and found.casefold() not in vocabulary.self_titled_keys:
                found = None
    return found


def _holds_self_titled(vocabulary: Vocabulary, line: str) -> bool:
    """Whether ``line`` holds a self-titled note type and more (a decoration, perhaps)."""
    folded = line.casefold()
    for key in vocabulary.self_titled_keys:  # noqa: SIM110 - a plain loop, faster than any()
        if key in folded and len(folded) > len(key):
            return True
    return False


def office_start(vocabulary: Vocabulary, text: str) -> int | None:
    """Where the office name starts in an office line (after ``U.S. Department of State``)."""
    line = text.strip()
    skipped = 0
    # The prefix opens with ``U``, which ``(?i)`` matches in ``U`` and ``u`` alone (no other
    # character folds to either): a line opening otherwise is not searched.
    if line[:1] in _OFFICE_PREFIX_OPENERS:
        prefix = _OFFICE_PREFIX.match(line)
        if prefix is not None:
            line = line[prefix.end() :]
            skipped = prefix.end()
    if not vocabulary.is_office(line) or word_count(line, 14) > 14:
        return None
    # Where the stripped text starts is needed only for an office line: measured here.
    lead = len(text) - len(text.lstrip()) + skipped
    # ``Bureau of Public Affairs, manages this site ...``: a sentence, not an office line
    # (an office the vocabulary lists is one, whatever its case: ``Oficina del Portavoz``).
    if any(word[:1].islower() and word not in _FUNCTION_WORDS for word in line.split()) and (
        collapse(line).casefold() not in vocabulary.office_keys
    ):
        return None
    return lead


def classify(vocabulary: Vocabulary, text: str) -> Kind:
    """The kind of one line judged on its own (roles are settled by ``LineKinds``)."""
    line = collapse(text)
    # ``collapse`` drops the invisible characters and folds and strips the whitespace: it
    # leaves nothing exactly where ``is_blank`` holds, and the line is folded once.
    if not line:
        return KIND_BLANK
    if vocabulary.is_chrome(line):
        return KIND_CHROME
    if vocabulary.is_marker(line):
        return KIND_MARKER
    if read_dateline(line) is not None:
        return KIND_DATE
    if read_time(line) is not None:
        return KIND_TIME
    if read_partial_date(line):
        return KIND_PARTIAL_DATE
    if note_type_of(vocabulary, line) is not None:
        return KIND_NOTE_TYPE
    if office_start(vocabulary, line) is not None:
        # ``Office of the Spokesperson Ned Price``: the office and the speaker glued. Only
        # a reading with an office counts here, and ``office_only`` gives exactly those.
        glued = read_glued(vocabulary, line, office_only=True)
        return KIND_FLAT if glued is not None and glued.office is not None else KIND_OFFICE
    # A collapsed line holds no tab and no run of spaces, so no bare label: a label needs
    # its colon (``label_of``'s own first test, asked here without the call).
    if ":" in line and label_of(vocabulary, line) is not None:
        return KIND_LABEL
    if prose_line(line):
        return KIND_PROSE
    if _RELEASED.fullmatch(line):
        return KIND_RELEASED
    if vocabulary.is_anonymous_speaker(line):
        return KIND_ANONYMOUS
    if read_issuer(vocabulary, line) is not None:
        return KIND_ISSUER
    if is_role_line(vocabulary, line):
        return KIND_ROLE
    if is_place(vocabulary, line):
        return KIND_PLACE
    if is_name(vocabulary, line):
        return KIND_NAME
    if read_flat(vocabulary, line) is not None or read_glued(vocabulary, line) is not None:
        return KIND_FLAT
    return KIND_OTHER


def may_be_date_or_flat(vocabulary: Vocabulary, text: str) -> bool:
    """``False`` only where ``classify`` reads ``text`` as neither ``DATE`` nor ``FLAT``.

    A dateline is read by ``read_dateline``; a flattened header opens with a known office,
    or else is a line that is no transcript label nor prose and that ``read_flat`` or
    ``read_glued`` reads. A line of prose, the bulk of a page below its header, is
    answered in four tests, and any other line in six, not in all of ``classify``'s.

    A long ASCII line (most prose) skips the first two: it is no dateline
    (``read_dateline`` turns away an ASCII line over ``MAX_DATELINE`` characters
    unread), and, longer than every office and opening with neither an office prefix
    nor the ``U`` of the State Department's prefix that ``office_start`` strips, no
    office line (``Vocabulary.is_office``).
    """
    line = collapse(text)
    size = len(line)
    if (
        size <= MAX_DATELINE
        or size <= vocabulary.office_width
        or line[0] in _OFFICE_PREFIX_OPENERS
        or not line.isascii()
        or line.startswith(vocabulary.office_prefixes)
    ) and (read_dateline(line) is not None or office_start(vocabulary, line) is not None):
        return True
    # A label needs a colon on a collapsed line (as in ``classify``).
    if (":" in line and label_of(vocabulary, line) is not None) or prose_line(line):
        return False
    return read_flat(vocabulary, line) is not None or read_glued(vocabulary, line) is not None


#: How many line texts' kinds each vocabulary remembers (boilerplate lines repeat across
#: releases); the memo is emptied when full, so memory stays bounded.
KIND_MEMO = 4096


def kind_memo(vocabulary: Vocabulary) -> dict[str, Kind]:
    """The kinds of line texts ``vocabulary`` has classified (bounded, see ``KIND_MEMO``)."""
    # Kept on the vocabulary itself: a weak-key table would hash and compare the whole
    # vocabulary on each lookup (2 µs, twice a parse).
    return vocabulary.line_kinds


def remembered_kind(vocabulary: Vocabulary, text: str, memo: dict[str, Kind]) -> Kind:
    """``classify(vocabulary, text)``, remembered in ``memo`` (``kind_memo(vocabulary)``)."""
    kind = memo.get(text)
    if kind is None:
        kind = classify(vocabulary, text)
        if not gave_up():
            remember(memo, text, kind, KIND_MEMO)
    return kind


class LineKinds(dict[int, Kind]):
    """The kinds of ``lines`` by index, each worked out when first read, then kept.

    ``kinds[i]`` is ``classify(vocabulary, lines[i].text)``, except that a role line
    counts only next to a name or other header lines, for ``0 <= i < len(lines)``;
    other indices raise ``IndexError``. Extractors stop at the first paragraph below
    the header, so most prose lines are never classified, and a line read again costs
    a dictionary lookup.
    """

    def __init__(self, vocabulary: Vocabulary, lines: Sequence[Line]) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.lines = lines
        self._memo = kind_memo(vocabulary)
        self._own_kinds: dict[int, Kind] = {}

    def __missing__(self, index: int) -> Kind:
        kind = self._own(index)
        # Members compared by identity with module constants: reading ``Kind.ROLE`` off
        # the class costs more than the comparison (an enum member is a class property).
        if kind is KIND_ROLE and not self._role_counts(index):
            kind = KIND_OTHER
        self[index] = kind
        return kind

    def _own(self, index: int) -> Kind:
        """The kind of line ``index`` judged on its own text."""
        kind = self._own_kinds.get(index)
        if kind is None:
            if not 0 <= index < len(self.lines):
                raise IndexError(f"no line {index} among the {len(self.lines)} lines classified")
            text = self.lines[index].text
            # ``remembered_kind``'s memo lookup here: a text seen before costs no call.
            kind = self._memo.get(text)
            if kind is None:
                kind = remembered_kind(self.vocabulary, text, self._memo)
            self._own_kinds[index] = kind
        return kind

    def may_be_date_or_flat(self, index: int) -> bool:
        """Whether line ``index`` may be ``DATE`` or ``FLAT``, without classifying it anew.

        A kind already known answers; otherwise ``may_be_date_or_flat`` does.
        """
        known = self._own_kinds.get(index)
        if known is None:
            text = self.lines[index].text
            known = self._memo.get(text)
            if known is None:
                return may_be_date_or_flat(self.vocabulary, text)
        return known in _DATE_OR_FLAT

    def _next_nonblank(self, index: int, step: int) -> Kind | None:
        index += step
        while 0 <= index < len(self.lines):
            kind = self._own(index)
            if kind is not KIND_BLANK:
                return kind
            index += step
        return None

    def _role_counts(self, index: int) -> bool:
        """A role line counts only under a name or above another header line."""
        return (
            self._next_nonblank(index, -1) is KIND_NAME
            or self._next_nonblank(index, 1) in HEADER_KINDS
        )
