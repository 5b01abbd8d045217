"""The words the built-in extractors recognise, as one immutable, extendable data object."""

from __future__ import annotations

from functools import cached_property

import attrs
import regex

from releaseparse.text import collapse

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
)

OFFICE_PREFIXES: tuple[str, ...] = ("Office of ", "Bureau of ", "Office of the ")

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
    "Official",
    "Minister",
    "Chief",
    "Deputy",
    "Undersecretary",
    "Under Secretary",
    "Assistant Secretary",
    "Chargé d'Affaires",
    "Charge d'Affaires",
    "Consul General",
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
    "printable banner",
    "U.S. Department of State - Great Seal",
    "Diplomacy in Action",
    "Share",
    "hide",
)

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
)


def _key(text: str) -> str:
    return collapse(text).casefold()


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
    chrome_lines: tuple[str, ...] = CHROME_LINES
    disclaimers: tuple[str, ...] = DISCLAIMERS
    trailer_patterns: tuple[str, ...] = TRAILER_PATTERNS

    def extend(self, **more: tuple[str, ...] | list[str]) -> Vocabulary:
        """Return a copy with each named tuple lengthened by the given entries."""
        unknown = set(more) - set(attrs.fields_dict(Vocabulary))
        if unknown:
            known = ", ".join(attrs.fields_dict(Vocabulary))
            raise KeyError(f"unknown vocabulary field(s) {sorted(unknown)}; known: {known}")
        changes = {name: (*getattr(self, name), *entries) for name, entries in more.items()}
        return attrs.evolve(self, **changes)

    @cached_property
    def note_type_lookup(self) -> dict[str, str]:
        """Folded note type -> canonical spelling."""
        return {_key(note): note for note in reversed(self.note_types)}

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
        words = sorted(self.role_words, key=len, reverse=True)
        return regex.compile(r"\b(?:" + "|".join(map(regex.escape, words)) + r")\b")

    @cached_property
    def trailer_regexes(self) -> tuple[regex.Pattern[str], ...]:
        """The compiled trailer patterns."""
        return tuple(regex.compile(pattern) for pattern in self.trailer_patterns)

    def note_type(self, text: str) -> str | None:
        """The canonical note type if ``text`` is one (any case), else ``None``."""
        return self.note_type_lookup.get(_key(text))

    def is_category(self, text: str) -> bool:
        """Whether ``text`` is a known category."""
        return _key(text) in self.category_keys

    def is_office(self, text: str) -> bool:
        """Whether ``text`` names an issuing office."""
        value = collapse(text)
        if _key(value) in self.office_keys:
            return True
        return any(value.startswith(prefix) for prefix in self.office_prefixes)

    def is_known_place(self, text: str) -> bool:
        """Whether ``text`` is a place listed without a comma (``New York City``)."""
        return _key(text) in self.place_keys

    def is_chrome(self, text: str) -> bool:
        """Whether ``text`` is a known site-chrome line."""
        return _key(text) in self.chrome_keys


DEFAULT_VOCABULARY = Vocabulary()
