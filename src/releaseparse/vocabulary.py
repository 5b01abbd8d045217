"""The words the built-in extractors recognise, as one immutable, extendable data object."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

import attrs
import regex

from releaseparse import chromedata
from releaseparse.decorations import DecorationSet
from releaseparse.guard import mark_reviewed
from releaseparse.patternset import GatedPatternSet, PatternSet
from releaseparse.text import collapse
from releaseparse.wordlist import word_pattern

NOTE_TYPES: tuple[str, ...] = (
    "Press Statement",
    "Media Note",
    "Remarks",
    "Fact Sheet",
    "Taken Question",
    "Joint Statement",
    "Notice to the Press",
    "Readout",
    "Daily Press Briefing",
    "Department Press Briefing",
    "Special Briefing",
    "On-the-Record Briefing",
    "Background Briefing",
    "Interview",
    "Speech",
    "Testimony",
    "Travel Alert",
    "Travel Warning",
    "Statement",
    "Press Release",
    "Announcement",
    # Spanish, French, Italian, Portuguese and German republications and translations
    "Comunicado de prensa",
    "Declaración",
    "Declaración de prensa",
    "Declaración conjunta",
    "Nota de prensa",
    "Nota para los medios",
    "Nota informativa",
    "Hoja informativa",
    "Discurso",
    "Sesión informativa",
    "Rueda de prensa",
    "Declaraciones",
    "Declaraciones a la prensa",
    "Comentarios a la prensa",
    "Observaciones",
    "Entrevista",
    "Communiqué de presse",
    "Communiqué",
    "Déclaration",
    "Déclaration à la presse",
    "Déclaration conjointe",
    "Note aux médias",
    "Fiche d'information",
    "Discours",
    "Remarques",
    "Point de presse",
    "Remarques à la presse",
    "Entretien",
    "Comunicato stampa",
    "Dichiarazione",
    "Dichiarazione alla stampa",
    "Dichiarazioni alla stampa",
    "Intervista",
    "Dichiarazione congiunta",
    "Nota per i media",
    "Scheda informativa",
    "Osservazioni",
    "Comunicado à imprensa",
    "Declaração",
    "Declaração à imprensa",
    "Declarações",
    "Declarações à imprensa",
    "Declarações para a imprensa",
    "Comentários à imprensa",
    "Declaração conjunta",
    "Nota à imprensa",
    "Ficha informativa",
    "Observações",
    "Pressemitteilung",
    "Presseerklärung",
    "Erklärung",
    "Gemeinsame Erklärung",
    "Faktenblatt",
)

#: Feed and section categories seen before the title: ``[Press Releases: Title](#)``.
CATEGORIES: tuple[str, ...] = (
    "Press Releases",
    "Press Statements",
    "Media Notes",
    "Remarks",
    "Secretary's Remarks",
    "Department Press Briefings",
    "Daily Press Briefings",
    "Special Briefings",
    "Fact Sheets",
    "Readouts",
    "Speeches",
    "Testimony",
    "Taken Questions",
    "Notices to the Press",
    "Joint Statements",
    "Travel Alerts",
    "Africa",
    "East Asia and the Pacific",
    "Europe and Eurasia",
    "Near East",
    "Middle East and North Africa",
    "South and Central Asia",
    "Western Hemisphere",
    "Arms Control and International Security",
    "Counterterrorism",
    "Democracy, Human Rights, and Labor",
    "Economic Growth, Energy, and the Environment",
    "Human Rights",
    "Trafficking in Persons",
)

#: Offices that issue releases; any line opening with an ``office_prefixes`` entry counts too.
OFFICES: tuple[str, ...] = (
    "Office of the Spokesperson",
    "Office of the Spokesman",
    "Bureau of Public Affairs",
    "Bureau of Counterterrorism",
    # the Office of the Spokesperson in translations
    "Oficina del Portavoz",
    "Oficina del Vocero",
    "Oficina de la Portavoz",
    "Oficina de la Vocera",
    "Bureau de la porte-parole",
    "Ufficio della Portavoce",
    "Gabinete da Porta-voz",
    "Escritório do Porta-Voz",
    "Escritório da Porta-Voz",
    "Büro der Sprecherin",
    "Bureau du porte-parole",
    "Ufficio del Portavoce",
    "Gabinete do Porta-voz",
    "Büro des Sprechers",
)

OFFICE_PREFIXES: tuple[str, ...] = (
    "Office of ",
    "Bureau of ",
    "Office of the ",
    # missions issue their own statements (``U.S. Mission to the United Nations``)
    "U.S. Mission to ",
    "United States Mission to ",
)

#: Nouns that make a line a role (``Secretary of State``, ``Deputy Spokesperson``).
ROLE_WORDS: tuple[str, ...] = (
    "Secretary",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Ambassador",
    "Envoy",
    "Coordinator",
    "Director",
    "Counselor",
    "Adviser",
    "Advisor",
    "Administrator",
    "Representative",
    "Delegate",
    "Official",
    "Minister",
    "Chief",
    "Deputy",
    "Undersecretary",
    "Under Secretary",
    "Assistant Secretary",
    "Chargé d'Affaires",
    "Charge d'Affaires",
    "Chargé d’Affaires",
    "Charge d’Affaires",
    "Consul General",
    "Director General",
    "Secretary General",
    "Inspector General",
    "Surgeon General",
    "Head",
    "President",
    "Vice President",
    "Premier",
    "Prime Minister",
    "Chancellor",
    "Governor",
    "Commissioner",
    "Advisor",
    "Attorney General",
    "Principal",
    "Senior",
    "Acting",
    "Special",
    # Spanish, French, Italian, Portuguese and German
    "Secretario",
    "Secretaria",
    "Subsecretario",
    "Subsecretaria",
    "Portavoz",
    "Vocero",
    "Vocera",
    "Embajador",
    "Embajadora",
    "Encargado de Negocios",
    "Ministro",
    "Ministra",
    "Secrétaire",
    "Porte-parole",
    "Ambassadeur",
    "Ambassadrice",
    "Ministre",
    "Segretario",
    "Portavoce",
    "Ambasciatore",
    "Ambasciatrice",
    "Secretário",
    "Secretária",
    "Porta-voz",
    "Embaixador",
    "Embaixadora",
    "Sprecher",
    "Sprecherin",
    "Botschafter",
    "Botschafterin",
    "Außenminister",
    # the same languages print a role after a name in lower case
    # (``Mike Pompeo, secrétaire d'État``, ``Ned Price, portavoz del Departamento``)
    "secretario",
    "secretaria",
    "subsecretario",
    "subsecretaria",
    "portavoz",
    "vocero",
    "vocera",
    "embajador",
    "embajadora",
    "secrétaire",
    "sous-secrétaire",
    "porte-parole",
    "ambassadeur",
    "ambassadrice",
    "segretario",
    "portavoce",
    "ambasciatore",
    "secretário",
    "secretária",
    "porta-voz",
    "embaixador",
    "embaixadora",
    # Chinese, on embassy translations (the role follows the name)
    "国务卿",
    "副国务卿",
    "发言人",
    "大使",
)

#: Place lines without the ``City, Region`` comma that still are places.
PLACES: tuple[str, ...] = (
    "Washington",
    "New York City",
    "New York",
    "Geneva",
    "Brussels",
    "Vienna",
    "Singapore",
    "Hong Kong",
    "Vatican City",
    "Kuwait City",
    "Mexico City",
    "Panama City",
    "Guatemala City",
)

CHROME_LINES: tuple[str, ...] = (
    # 2009-2017 site
    "printable banner",
    "U.S. Department of State - Great Seal",
    "Diplomacy in Action",
    "Share",
    # 2021- site
    "hide",
    "Official websites use .gov",
    "A .gov website belongs to an official government organization in the United States.",
    "Secure .gov websites use HTTPS",
    "Here's how you know",
    "Content in this archive site is NOT UPDATED, and links may not function.",
    "For current information, go to",
    "Flag",
    # 2001-2009 site
    "U.S. Department of State",
    "Other State Department Archive SitesU.S. Department of State",
    "Home Issues & Press Travel & Business Countries Youth & Education Careers About State Video",
    # republishers, blogs, feed readers
    "Home Page",
    "Normal view",
    "There are new articles available, click to refresh the page.",
    "Feeds:",
    "Posts",
    "Comments",
    "This slideshow requires JavaScript.",
    "Vodpod videos no longer available.",
    "Washington File",
    "View Video",
    "Scoop News",
    "Print",
    "Email",
    "Tweet",
)

#: Regular expressions for whole chrome lines (matched on the whitespace-collapsed line).
CHROME_PATTERNS: tuple[str, ...] = (
    r"You are in:.*",
    r"Showing posts with label .*",
    r"Archive for .{3,40}",
    r"Category Archives?:.*",
    r"An official website of the United States [Gg]overnment.*",
    r"A lock \(.*",
    r"You are viewing ARCHIVED CONTENT.*",
    r"(?i)FROM:\s+(?:THE\s+|U\.S\.\s+)?STATE DEPARTMENT",
    r"(?i)\d+\s*(?:minutes?|min)\s+read",
    r"\d+\s*快速阅读",
    r"https?://\S+",
    r"(?:[^|]+\|){3,}[^|]*",
    r".*\bJOIN NOW\b.*",
    r"UNITED24\b.*",
    r".*\bLearn More",
    r"Celebrating \d+ Years of .*",
    r"(?:Today|Yesterday|Before yesterday)(?=\p{Lu}).*",
    r"Home(?=\p{Lu}\p{Ll}).*",
    r".{1,60}'s Blog, page \d+",
)

#: Patterns for decorations cut from the start of a title line (``data/chrome.toml``).
TITLE_PREFIXES: tuple[str, ...] = chromedata.TITLE_PREFIXES
#: Patterns for decorations cut from the end of a title line (``data/chrome.toml``).
TITLE_SUFFIXES: tuple[str, ...] = chromedata.TITLE_SUFFIXES

#: Regular expressions for whole marker lines: kept out of the body as ``marker`` regions.
MARKER_PATTERNS: tuple[str, ...] = (
    r"(?i)\(\s*(?:begin|end)\s+(?:transcript|text)\s*\)",
    r"(?i)(?:begin|end)\s+text:?",
    r"TRANSCRIPT:",
    r"#(?:\s*#){2,}",
    r"-?\s*###\s*-?",
    r"\[\s*[Ee]nd\s*\]",
)

#: Note types that also serve as the title when no other title is printed.
SELF_TITLED_NOTE_TYPES: tuple[str, ...] = ("Daily Press Briefing",)

#: Speaker lines that name no person (background briefings).
ANONYMOUS_SPEAKERS: tuple[str, ...] = (
    r"(?:(?:Two |Three )?Senior )?(?:State )?(?:Department|Administration|U\.S\.) Officials?",
    r"Senior (?:State Department |Administration )?Officials?",
)

#: Words that mark the first part of ``Venue, City, Region`` as a venue.
VENUE_WORDS: tuple[str, ...] = (
    "Hotel", "Center", "Centre", "Room", "Hall", "University", "Building", "Museum", "Embassy",
    "Residence", "Airport", "Palace", "Ministry", "House", "Club", "Auditorium", "Theater",
    "Theatre", "Library", "Institute", "Agency", "School", "College", "Headquarters", "Base",
    "Consulate", "Mission", "Office", "Stadium", "Pavilion", "Plaza", "Forum", "Bank",
    # the republishers' languages (``Sala de Prensa``, ``Salle de presse``)
    "Sala", "Salle", "Salón", "Salão", "Hôtel", "Palacio", "Palais", "Palazzo", "Embajada",
    "Ambassade", "Ambasciata", "Embaixada", "Residencia", "Résidence", "Universidad",
    "Université", "Università", "Universidade", "Centro", "Museo", "Musée", "Ministerio",
    "Ministère", "Aeropuerto", "Aéroport", "Aeroporto",
)  # fmt: skip

#: Photo captions printed between header and body (``... State Department photo.``).
CAPTION_PATTERNS: tuple[str, ...] = (
    r"Date: \d{1,2}/\d{1,2}/\d{4} Description: .*",
    r".{10,600}\b(?:State Department|U\.S\. Embassy|AP|Reuters|AFP) [Pp]hoto"
    r"(?: by [^.]{2,60})?\.?\)?",
    r".{10,600}©\s*Photo by .*",
)

#: Transcript labels printed in mixed case (capitalised labels need no entry).
TRANSCRIPT_LABELS: tuple[str, ...] = ("Question", "Answer", "Q", "A", "Moderator", "Participant")

#: Capitalised words that appear in short titles but never in a person's name.
NON_NAME_WORDS: tuple[str, ...] = (
    "Day", "Year", "New", "National", "Independence", "Anniversary", "Statement", "Remarks",
    "Briefing", "Meeting", "Press", "Travel", "Visit", "Week", "Month", "Conference", "Summit",
    "Agreement", "Program", "Programme", "Initiative", "Report", "Council", "Forum", "Embassy",
    "State", "Department", "United", "States", "Republic", "Kingdom", "Celebration", "Holiday",
    "Festival", "Election", "Elections", "Attack", "Release", "Notice", "Note", "Media",
    "Fact", "Sheet", "Readout", "Interview", "Speech", "Testimony", "Alert", "Warning",
    "Joint", "Taken", "Question", "Transcript", "Video", "Index", "News", "Network", "Bulletin",
    "Digest", "Blog", "Feed", "Posts", "Archive", "Home", "Page", "Site", "Office", "Bureau",
    "Affairs", "Day's", "Government", "Ministry", "Assistance", "Security", "Policy", "Foreign",
    "International", "Women", "Human", "Rights", "Democracy", "Trade", "Energy", "Health",
    "Climate", "Peace", "Talks", "Relations", "Partnership", "Cooperation", "Dialogue",
    "Delegation", "Ceremony", "Award", "Awards", "Launch", "Opening", "Signing", "Event",
    # verbs a headline puts after a person (``Ambassador Baker Speaks at ...``,
    # ``Secretary Blinken Issues ...``); not surnames that are also verbs (``Marks``)
    "Speaks", "Issues", "Travels", "Meets", "Visits", "Says", "Calls", "Hosts", "Announces",
    "Welcomes", "Delivers", "Holds", "Signs", "Joins", "Leads", "Urges", "Condemns",
    "Congratulates", "Discusses", "Attends", "Addresses", "Launches", "Opens", "Releases",
    "Testifies", "Highlights", "Reaffirms", "Praises", "Celebrates", "Commemorates", "Honors",
    "Honours", "Appoints", "Receives", "Presents", "Thanks", "Applauds", "Stresses", "Warns",
    "Tours", "Departs", "Arrives", "Returns", "Concludes", "Unveils", "Outlines", "Responds",
    "Reiterates", "Expresses", "Remembers", "Swears", "Sworn", "Named", "Nominated",
    # capitalised in title case, never in a name
    "After", "Before", "With", "During", "Following", "At", "On", "In", "To", "For", "And",
    "Of", "The", "From", "By", "About", "Upon", "Over", "Between", "Regarding", "Via",
)  # fmt: skip

DISCLAIMERS: tuple[str, ...] = (
    # 2009-2017 site
    "The Office of Website Management, Bureau of Public Affairs, manages this site as a"
    " portal for information from the U.S. State Department. External links to other"
    " Internet sites should not be construed as an endorsement of the views or privacy"
    " policies contained therein.",
    # 2001-2009 site
    "The Office of Electronic Information, Bureau of Public Affairs, manages this site as a"
    " portal for information from the U.S. State Department. External links to other"
    " Internet sites should not be construed as an endorsement of the views or privacy"
    " policies contained therein.",
)

#: Regular expressions for whole trailer lines after the body.
TRAILER_PATTERNS: tuple[str, ...] = (
    r"PRN:?\s*\d{4}/\d{1,5}[A-Z]?",
    r"\d{4}/\d{2,5}[A-Z]?",
    r"#(?:\s*#){2,}",
    r"-?\s*###\s*-?",
    r"\[\s*[Ee]nd\s*\]",
    r"Released on \p{L}+\.? \d{1,2},? \d{4}\.?",
    r"Released by (?:the )?\p{Lu}.{2,100}",
)


#: Characters of an entry's opening that ``Openings.may_open`` compares, at most.
MAX_OPENING_GATE = 4


def _openings(entries: Iterable[str]) -> Openings:
    """``entries`` as ``Openings``."""
    pairs = tuple((entry, entry.casefold()) for entry in sorted(entries, key=len, reverse=True))
    folded = tuple(key for _, key in pairs)
    # No wider than the shortest entry: each entry's first ``width`` characters are then
    # the whole of what a line opening with it shows there.
    width = min(min(map(len, folded), default=0), MAX_OPENING_GATE)
    return Openings(folded, pairs, width, frozenset(key[:width] for key in folded))


class Openings(NamedTuple):
    """Entries (note types, offices) that may open a line, as their opening is matched."""

    #: Each entry folded (``str.casefold``), for one ``str.startswith`` over all of them.
    folded: tuple[str, ...]
    #: ``(entry, folded)``, longest first: the longest entry opening a line is read.
    longest_first: tuple[tuple[str, str], ...]
    #: How many of a line's characters ``may_open`` looks at, and each entry's first ones.
    gate_width: int = 0
    gate: frozenset[str] = frozenset({""})

    def may_open(self, folded: str, start: int) -> bool:
        """``False`` only where ``at(folded, start)`` finds no entry: one set lookup.

        An entry opens the folded line at ``start`` only where ``folded[start:]`` starts
        with the whole entry, and so with its first ``gate_width`` characters.
        """
        return folded[start : start + self.gate_width] in self.gate

    def at(self, folded: str, start: int) -> Iterator[tuple[str, int]]:
        """``(entry, end)`` of each entry opening the folded line at ``start``, longest first.

        ``end`` is ``start`` plus the entry's length (as printed).
        """
        if not folded.startswith(self.folded, start):
            return  # none opens the line: one test for all of them
        for entry, key in self.longest_first:
            if folded.startswith(key, start):
                yield entry, start + len(entry)


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    return collapse(text).casefold()


def _unaccented(key: str) -> str:
    """``key`` without accents: capitals are often printed bare (``DECLARACION``)."""
    if key.isascii():
        return key
    return "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))


@attrs.frozen(slots=False)
class Vocabulary:
    """Note types, categories, offices, role words, places, chrome, disclaimers, trailers.

    Immutable: ``extend`` returns a new vocabulary with more entries.
    """

    note_types: tuple[str, ...] = NOTE_TYPES
    categories: tuple[str, ...] = CATEGORIES
    offices: tuple[str, ...] = OFFICES
    office_prefixes: tuple[str, ...] = OFFICE_PREFIXES
    role_words: tuple[str, ...] = ROLE_WORDS
    places: tuple[str, ...] = PLACES
    #: Ours, then the classes of ``data/chrome.toml`` (``releaseparse.chromedata``).
    chrome_lines: tuple[str, ...] = (*CHROME_LINES, *chromedata.CHROME_LINES)
    disclaimers: tuple[str, ...] = DISCLAIMERS
    trailer_patterns: tuple[str, ...] = TRAILER_PATTERNS
    chrome_patterns: tuple[str, ...] = (*CHROME_PATTERNS, *chromedata.CHROME_PATTERNS)
    marker_patterns: tuple[str, ...] = MARKER_PATTERNS
    self_titled_note_types: tuple[str, ...] = SELF_TITLED_NOTE_TYPES
    anonymous_speakers: tuple[str, ...] = ANONYMOUS_SPEAKERS
    venue_words: tuple[str, ...] = VENUE_WORDS
    transcript_labels: tuple[str, ...] = TRANSCRIPT_LABELS
    #: Labels printed without a colon, set off by two spaces (``Q    Mr. President, ...``).
    bare_labels: tuple[str, ...] = ()
    caption_patterns: tuple[str, ...] = CAPTION_PATTERNS
    non_name_words: tuple[str, ...] = NON_NAME_WORDS
    #: Decorations cut from the start and the end of a title line (``strip_title_decorations``).
    title_prefixes: tuple[str, ...] = TITLE_PREFIXES
    title_suffixes: tuple[str, ...] = TITLE_SUFFIXES

    def extend(self, **more: tuple[str, ...] | list[str]) -> Vocabulary:
        """Return a copy with each named tuple lengthened by the given entries."""
        unknown = set(more) - set(attrs.fields_dict(Vocabulary))
        if unknown:
            known = ", ".join(attrs.fields_dict(Vocabulary))
            raise KeyError(f"unknown vocabulary field(s) {sorted(unknown)}; known: {known}")
        changes = {name: (*getattr(self, name), *entries) for name, entries in more.items()}
        return attrs.evolve(self, **changes)

    def __getstate__(self) -> dict[str, object]:
        # Only the fields: the derived tables and the line-kind memo are rebuilt where
        # the vocabulary is used, so a pickle (to a worker process) stays small.
        return {field.name: getattr(self, field.name) for field in attrs.fields(type(self))}

    @cached_property
    def line_kinds(self) -> dict[str, Any]:
        """Kinds of line texts already classified with this vocabulary: a bounded memo.

        Filled and emptied by the line classifier (``KIND_MEMO`` entries at most); it is
        not part of the vocabulary's value, and pickles leave it out.
        """
        return {}

    @cached_property
    def line_memos(self) -> dict[str, dict[str, Any]]:
        """What readers learnt of line texts with this vocabulary, a bounded memo per reader.

        Like ``line_kinds``: not part of the vocabulary's value, left out of pickles.
        ``line_memo`` gives one, ``remember`` fills it.
        """
        return {}

    def line_memo(self, reader: str) -> dict[str, Any]:
        """The memo of ``reader``'s answers by line text (made when first asked for)."""
        memo = self.line_memos.get(reader)
        if memo is None:
            memo = self.line_memos[reader] = {}
        return memo

    def forget_lines(self) -> None:
        """Empty ``line_kinds`` and every ``line_memo``: texts are read as never seen."""
        self.line_kinds.clear()
        for memo in self.line_memos.values():
            memo.clear()

    @cached_property
    def note_type_lookup(self) -> dict[str, str]:
        """Folded note type, and the same without accents -> canonical spelling."""
        lookup = {_unaccented(_key(note)): note for note in reversed(self.note_types)}
        lookup.update({_key(note): note for note in reversed(self.note_types)})
        return lookup

    @cached_property
    def note_type_openings(self) -> Openings:
        """Note types as a line's opening is matched against them (``Openings``)."""
        return _openings(self.note_types)

    @cached_property
    def office_openings(self) -> Openings:
        """Offices as a line's opening is matched against them (``Openings``)."""
        return _openings(self.offices)

    @cached_property
    def category_keys(self) -> frozenset[str]:
        """Folded categories."""
        return frozenset(_key(category) for category in self.categories)

    @cached_property
    def office_keys(self) -> frozenset[str]:
        """Folded office names."""
        return frozenset(_key(office) for office in self.offices)

    @cached_property
    def place_keys(self) -> frozenset[str]:
        """Folded comma-less place names."""
        return frozenset(_key(place) for place in self.places)

    @cached_property
    def chrome_keys(self) -> frozenset[str]:
        """Folded chrome lines."""
        return frozenset(_key(line) for line in self.chrome_lines)

    @cached_property
    def role_pattern(self) -> regex.Pattern[str]:
        """Matches any role word as a whole word (``Secretary``, ``Spokesperson``)."""
        return word_pattern(self.role_words)

    @cached_property
    def ascii_role_search(self) -> Callable[[str], object]:
        """``role_pattern.search`` for ASCII text: the same answers, about twice as fast.

        ``role_pattern`` compiled by ``re``, behind a look-ahead for the role words' first
        characters (every match opens with one). On ASCII text the two engines see word
        boundaries alike (``[0-9A-Za-z_]`` are the word characters), and the pattern is
        literal characters, groups and alternations, so one finds a match where the other
        does; ``re`` skips the positions no role word opens at in C. A pattern ``re``
        cannot compile is searched as it is.
        """
        firsts = "".join(sorted({word[0] for word in self.role_words if word}))
        if firsts:
            with contextlib.suppress(re.error):
                lookahead = "(?=[" + "".join(map(re.escape, firsts)) + "])"
                return re.compile(lookahead + self.role_pattern.pattern).search
        return self.role_pattern.search

    @cached_property
    def ascii_role_words_hold_lower_case(self) -> bool:
        """Whether each ASCII role word holds a lower-case letter (a line of capitals has none)."""
        return all(not word.isascii() or word.upper() != word for word in self.role_words)

    @cached_property
    def role_word_keys(self) -> frozenset[str]:
        """Role words that ``role_pattern`` matches whole: one word matches it exactly when in here.

        A single word (no space) fully matches the alternation only as one of its own
        entries, so a set lookup gives the same answer as the pattern, far cheaper.
        """
        return frozenset(word for word in self.role_words if self.role_pattern.fullmatch(word))

    @cached_property
    def chrome_set(self) -> PatternSet:
        """The chrome patterns as one test (``chrome_set.fullmatches(line)``), gated."""
        return GatedPatternSet(self.chrome_patterns)

    @cached_property
    def marker_set(self) -> PatternSet:
        """The marker patterns as one test, gated (most lines open as no marker does)."""
        return GatedPatternSet(self.marker_patterns)

    @cached_property
    def caption_set(self) -> PatternSet:
        """The caption patterns as one test."""
        return PatternSet(self.caption_patterns)

    @cached_property
    def anonymous_set(self) -> PatternSet:
        """The anonymous speaker patterns as one test, gated (as ``marker_set``)."""
        return GatedPatternSet(self.anonymous_speakers)

    @cached_property
    def trailer_set(self) -> PatternSet:
        """The trailer patterns as one test, gated (the body's last line opens as no trailer)."""
        return GatedPatternSet(self.trailer_patterns)

    @cached_property
    def title_decoration_set(self) -> DecorationSet:
        """The title prefix and suffix patterns as two tests."""
        return DecorationSet(self.title_prefixes, self.title_suffixes)

    def strip_title_decorations(self, text: str) -> tuple[int, int]:
        """The ``(start, end)`` of the title in ``text`` without decorations or outer spaces.

        Prefixes and suffixes (``title_prefixes``, ``title_suffixes``) are cut in turn until
        none is left: ``Fwd: [News] Harbor Grants Announced | example.com`` gives
        ``Harbor Grants Announced``. A cut that would leave fewer than ``MIN_TITLE_WORDS``
        words is not made, so a title is never cut to nothing.
        """
        return self.title_decoration_set.strip(text)

    def is_caption(self, text: str) -> bool:
        """Whether ``text`` is a photo caption."""
        return self.caption_set.fullmatches(collapse(text))

    @cached_property
    def venue_pattern(self) -> regex.Pattern[str]:
        """Matches any venue word as a whole word."""
        return word_pattern(self.venue_words)

    @cached_property
    def label_keys(self) -> frozenset[str]:
        """Folded mixed-case transcript labels."""
        return frozenset(_key(label) for label in self.transcript_labels)

    @cached_property
    def non_name_keys(self) -> frozenset[str]:
        """Words that are never part of a person's name."""
        return frozenset(self.non_name_words)

    @cached_property
    def venue_keys(self) -> frozenset[str]:
        """Venue words, for telling a venue line from a name."""
        return frozenset(self.venue_words)

    @cached_property
    def self_titled_keys(self) -> frozenset[str]:
        """Folded note types that double as titles."""
        return frozenset(_key(note) for note in self.self_titled_note_types)

    def is_marker(self, text: str) -> bool:
        """Whether ``text`` is a transcript or end marker (``(begin transcript)``, ``# # #``)."""
        return self.marker_set.fullmatches(collapse(text))

    def is_anonymous_speaker(self, text: str) -> bool:
        """Whether ``text`` names an unnamed speaker (``Senior State Department Official``)."""
        return self.anonymous_set.fullmatches(collapse(text))

    @cached_property
    def note_type_width(self) -> int:
        """The length of the longest folded note type: no longer line is one."""
        return max(map(len, self.note_type_lookup), default=0)

    @cached_property
    def chrome_key_openings(self) -> frozenset[str]:
        """The first three characters of each folded chrome line (``is_chrome``'s screen)."""
        return frozenset(key[:3] for key in self.chrome_keys)

    @cached_property
    def chrome_key_endings(self) -> frozenset[str]:
        """The last three characters of each folded chrome line."""
        return frozenset(key[-3:] for key in self.chrome_keys)

    @cached_property
    def chrome_width(self) -> int:
        """The length of the longest folded chrome line."""
        return max(map(len, self.chrome_keys), default=0)

    @cached_property
    def place_endings(self) -> tuple[str, ...]:
        """The folded comma-less place names, for ``str.endswith``."""
        return tuple(sorted(self.place_keys))

    @cached_property
    def place_width(self) -> int:
        """The length of the longest folded comma-less place name."""
        return max(map(len, self.place_keys), default=0)

    @cached_property
    def office_width(self) -> int:
        """The length of the longest folded office name."""
        return max(map(len, self.office_keys), default=0)

    @cached_property
    def _spaced_offices(self) -> frozenset[str]:
        """The listed offices printed with single spaces; none when an empty text is an office."""
        if self.is_office(""):
            return frozenset()
        return frozenset(office for office in self.offices if " ".join(office.split()) == office)

    @cached_property
    def _chrome_free_offices(self) -> dict[str, bool]:
        """``is_office_without_chrome``'s answers, by office (as many as offices listed)."""
        return {}

    def is_office_without_chrome(self, text: str) -> bool:
        """Whether ``text`` prints a listed office with no chrome line after an office in it.

        An office line may carry site chrome after its office (``Office of the Spokesman
        For Immediate Release``): what follows each word that ends an office is tested as
        a chrome line. On a line printing one of these offices, and nothing more, every
        such test fails (``Spokesperson`` after ``Office of the`` is no chrome line). Only
        offices printed with single spaces count, whose words ``str.split`` finds as the
        line's word starts do, and none when an empty text is an office. Each office is
        worked out when first asked about.
        """
        if text not in self._spaced_offices:
            return False
        known = self._chrome_free_offices.get(text)
        if known is None:
            words = text.split()
            known = not any(
                self.is_office(" ".join(words[:count])) and self.is_chrome(" ".join(words[count:]))
                for count in range(1, len(words))
            )
            self._chrome_free_offices[text] = known
        return known

    def note_type(self, text: str) -> str | None:
        """The canonical note type if ``text`` is one (any case), else ``None``."""
        line = collapse(text)
        # Case folding never shortens a string (each character folds to one or more),
        # so a line longer than every note type is none: no folding, no cache entry.
        if len(line) > self.note_type_width:
            return None
        key = _key(line)
        found = self.note_type_lookup.get(key)
        if found is None and not key.isascii():
            found = self.note_type_lookup.get(_unaccented(key))
        return found

    def is_category(self, text: str) -> bool:
        """Whether ``text`` is a known category."""
        return _key(text) in self.category_keys

    def is_office(self, text: str) -> bool:
        """Whether ``text`` names an issuing office."""
        value = collapse(text)
        if value.startswith(self.office_prefixes):
            return True
        return len(value) <= self.office_width and _key(value) in self.office_keys

    def is_known_place(self, text: str) -> bool:
        """Whether ``text`` is a place listed without a comma (``New York City``)."""
        value = collapse(text)
        # Folding never shortens a text: one longer than every listed place is none.
        return len(value) <= self.place_width and _key(value) in self.place_keys

    def is_chrome(self, text: str) -> bool:
        """Whether ``text`` is a known site-chrome line or matches a chrome pattern."""
        line = collapse(text)
        # ``str.casefold`` folds each character on its own, to one character or more: the
        # folded line opens with its first three characters folded, and ends with its last
        # three folded. A line whose folded opening or ending no chrome line has is none of
        # them, and is not folded whole.
        if (
            len(line) <= self.chrome_width
            and line[:3].casefold()[:3] in self.chrome_key_openings
            and line[-3:].casefold()[-3:] in self.chrome_key_endings
            and _key(line) in self.chrome_keys
        ):
            return True
        return self.chrome_set.fullmatches(line)


def remember(memo: dict[str, Any], text: str, value: object, limit: int) -> None:
    """Keep ``value`` for ``text`` in ``memo``, emptied first when it holds ``limit`` texts."""
    if len(memo) >= limit:
        memo.clear()
    memo[text] = value


# Our own patterns, reviewed for catastrophic backtracking: no time limit on them.
mark_reviewed(
    (
        *CHROME_PATTERNS,
        *MARKER_PATTERNS,
        *CAPTION_PATTERNS,
        *ANONYMOUS_SPEAKERS,
        *TRAILER_PATTERNS,
        *chromedata.CHROME_PATTERNS,
        *TITLE_PREFIXES,
        *TITLE_SUFFIXES,
    )
)

DEFAULT_VOCABULARY = Vocabulary()
