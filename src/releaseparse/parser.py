"""``Parser``: an ordered chain of named extractors run over one parse state."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Literal

import attrs

from releaseparse.assemble import assemble
from releaseparse.decoding import Decoded, decode
from releaseparse.errors import ReleaseParseError
from releaseparse.extractors._releases import next_release, release_starts
from releaseparse.guard import PATTERN_TIMEOUT, watching
from releaseparse.html_input import (
    looks_like_html,
    looks_like_html_defect,
    render,
    rendered_defect,
)
from releaseparse.limits import (
    DEFAULT_MAX_LINES,
    DEFAULT_MAX_SIZE,
    count_lines,
    read_regular,
    too_large,
)
from releaseparse.metadata import apply_metadata, check_metadata
from releaseparse.plugins import PluginError, load_plugins
from releaseparse.profiles import Profile, get_profile
from releaseparse.protocols import Extractor
from releaseparse.records import Defect, Release, Severity, Span
from releaseparse.segments import defects_within, place_in_source
from releaseparse.state import ParseState
from releaseparse.vocabulary import Vocabulary

OnExtractorError = Literal["raise", "record"]


@attrs.define
class _Rule:
    name: str
    extractor: Extractor
    enabled: bool = True


class Parser:
    """An ordered chain of named extractors; ``Parser().parse(x)`` equals ``parse(x)``.

    ``profile`` picks the source: a name (``"state"``, the default, ``"whitehouse"``,
    an installed one), a ``Profile`` object, or ``"module:attribute"`` naming one (see
    ``releaseparse.profiles``). Its extractors make the chain and its vocabulary is
    used unless ``vocabulary`` is given. The built-in fields are extractors registered
    with ``add`` like any other. ``on_extractor_error="raise"`` (the default) lets an
    extractor's exception propagate, noted with the extractor's name; ``"record"``
    turns it into an ``extractor.failed`` defect and goes on with the other extractors.
    ``builtins=False`` starts from an empty chain. ``max_size`` and ``max_lines`` bound
    memory: an input of more characters (text) or bytes, or of more lines, than those
    is not parsed, and its record holds only a ``source.too_large`` error (``None`` for
    no limit).
    """

    def __init__(
        self,
        vocabulary: Vocabulary | None = None,
        *,
        profile: str | Profile = "state",
        on_extractor_error: OnExtractorError = "raise",
        builtins: bool = True,
        max_size: int | None = DEFAULT_MAX_SIZE,
        max_lines: int | None = DEFAULT_MAX_LINES,
    ) -> None:
        if on_extractor_error not in ("raise", "record"):
            raise ValueError(
                f"on_extractor_error must be 'raise' or 'record', not {on_extractor_error!r}"
            )
        for name, limit in (("max_size", max_size), ("max_lines", max_lines)):
            if limit is not None and (isinstance(limit, bool) or limit < 1):
                raise ValueError(f"{name} must be None or a positive number, not {limit!r}")
        chosen = profile if isinstance(profile, Profile) else get_profile(profile)
        self.max_size = max_size
        self.max_lines = max_lines
        #: The profile as it was given: a name, ``"module:attribute"`` or a ``Profile``.
        self.profile: str | Profile = profile
        self.vocabulary: Vocabulary = chosen.vocabulary if vocabulary is None else vocabulary
        self.on_extractor_error: OnExtractorError = on_extractor_error
        self._rules: list[_Rule] = []
        if builtins:
            for name, extractor in chosen.extractors:
                self.add(name, extractor)

    # -- the chain ------------------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        """The extractors' names in chain order (disabled ones included)."""
        return tuple(rule.name for rule in self._rules)

    @property
    def enabled_names(self) -> tuple[str, ...]:
        """The names of the extractors that will run, in order."""
        return tuple(rule.name for rule in self._rules if rule.enabled)

    def _index(self, name: str) -> int:
        for index, rule in enumerate(self._rules):
            if rule.name == name:
                return index
        known = ", ".join(self.names) or "(none)"
        raise KeyError(f"no extractor named {name!r}; known: {known}")

    def add(
        self,
        name: str,
        extractor: Extractor,
        *,
        before: str | None = None,
        after: str | None = None,
    ) -> None:
        """Add ``extractor`` under ``name``: at the end, or ``before``/``after`` another."""
        if not callable(extractor):
            raise TypeError(f"extractor {name!r} must be callable, got {extractor!r}")
        if name in self.names:
            raise ValueError(f"an extractor named {name!r} is already in the chain")
        if before is not None and after is not None:
            raise TypeError("give before= or after=, not both")
        if before is not None:
            position = self._index(before)
        elif after is not None:
            position = self._index(after) + 1
        else:
            position = len(self._rules)
        self._rules.insert(position, _Rule(name, extractor))

    def replace(self, name: str, extractor: Extractor) -> None:
        """Put ``extractor`` in the place of the one named ``name``."""
        if not callable(extractor):
            raise TypeError(f"extractor {name!r} must be callable, got {extractor!r}")
        self._rules[self._index(name)].extractor = extractor

    def disable(self, *names: str) -> None:
        """Skip the named extractors (they stay in the chain)."""
        for index in [self._index(name) for name in names]:
            self._rules[index].enabled = False

    def enable(self, *names: str) -> None:
        """Run the named extractors again."""
        for index in [self._index(name) for name in names]:
            self._rules[index].enabled = True

    def copy(self) -> Parser:
        """An independent parser with the same profile, vocabulary, policy and chain."""
        other = Parser(
            self.vocabulary,
            profile=self.profile,
            on_extractor_error=self.on_extractor_error,
            builtins=False,
            max_size=self.max_size,
            max_lines=self.max_lines,
        )
        other._rules = [attrs.evolve(rule) for rule in self._rules]
        return other

    def with_plugins(self, *names: str) -> Parser:
        """A copy of this parser with the installed plugins applied, in name order.

        Plugins are callables that installed packages register under the entry-point
        group ``releaseparse.plugins``; each gets the new parser and changes it in
        place. With ``names``, only those plugins (``KeyError`` for one not installed).
        Nothing is loaded from entry points unless this method is called.
        """
        other = self.copy()
        for name, plugin in load_plugins(names):
            try:
                plugin(other)
            except Exception as error:
                raise PluginError(f"plugin {name!r} failed while changing the parser") from error
        return other

    def __iter__(self) -> Iterator[tuple[str, Extractor]]:
        return ((rule.name, rule.extractor) for rule in self._rules if rule.enabled)

    def __repr__(self) -> str:
        name = self.profile.name if isinstance(self.profile, Profile) else self.profile
        return f"Parser(profile={name!r}, extractors={list(self.enabled_names)!r})"

    # -- parsing --------------------------------------------------------------------------

    def _read(self, source: str | bytes, caller: str, html: bool = False) -> Decoded | Release:
        """The decoded source, or the record of an input past ``max_size`` or ``max_lines``.

        Bytes past ``max_size`` are not decoded at all. With ``html``, the source is an
        HTML page: ``max_size`` bounds the page, ``max_lines`` the text rendered from it.
        """
        if not isinstance(source, str | bytes | bytearray | memoryview):
            raise TypeError(f"{caller}() takes str or bytes, not {type(source).__name__}")
        if isinstance(source, str):
            size, unit = len(source), "characters"
        else:
            size, unit = memoryview(source).nbytes, "bytes"
        if self.max_size is not None and size > self.max_size:
            text = source if isinstance(source, str) else ""
            return too_large(size, self.max_size, text=text, unit=unit)
        raw = source if isinstance(source, str) else bytes(source)
        decoded = render(raw) if html else decode(raw)
        if self.max_lines is not None and len(decoded.text) > self.max_lines:
            lines = count_lines(decoded.text)
            if lines > self.max_lines:
                setting = "Parser(max_lines=...)"
                return too_large(
                    lines, self.max_lines, text=decoded.text, unit="lines", setting=setting
                )
        return decoded

    def _run(self, state: ParseState) -> Release:
        """Run the chain over one parse state and assemble the record."""
        # The rules themselves rather than ``iter(self)``: its generator costs a resume a rule.
        for rule in self._rules:
            if not rule.enabled:
                continue
            name = state.extractor = rule.name
            try:
                rule.extractor(state)
            except Exception as error:
                if self.on_extractor_error == "raise":
                    error.add_note(f"raised in releaseparse extractor {name!r}")
                    raise
                state.defect(
                    "extractor.failed",
                    f"extractor {name!r} failed: {type(error).__name__}: {error}",
                    Span(0, 0),
                    Severity.ERROR,
                )
        state.extractor = "<assemble>"
        return assemble(state)

    def _part(self, decoded: Decoded, start: int, end: int) -> Release:
        """Parse ``decoded.text[start:end]`` and re-base the record on the whole text."""
        text = decoded.text
        defects = defects_within(decoded.defects, start, end, last=end == len(text))
        state = ParseState(text[start:end], vocabulary=self.vocabulary, defects=defects)
        return place_in_source(self._run(state), text, start)

    @staticmethod
    def _check(release: Release, strict: bool) -> Release:
        if strict and any(defect.severity == Severity.ERROR for defect in release.defects):
            raise ReleaseParseError(release.defects, release)
        return release

    def parse(
        self,
        source: str | bytes,
        *,
        metadata: Mapping[str, object] | None = None,
        strict: bool = False,
        html: bool = False,
    ) -> Release:
        """Parse one release from text or bytes (the first, if the page holds several).

        Never raises on bad input: what is missing or repaired is in ``defects``.
        With ``strict=True``, a defect of error severity raises ``ReleaseParseError``.
        When more releases follow, their text is an ``other_release`` region and a
        ``source.more_releases`` defect says so (``parse_all`` returns them all).

        ``metadata`` holds what the caller knows of the release: ``title``, ``date``
        (a ``datetime.date`` or ``datetime``, an ISO 8601 string, or a date written
        with the month's name) and ``url``. The text is read first: a value it holds
        stands (a different metadata value is a ``<field>.metadata_differs`` warning);
        a value it lacks is taken from the metadata, its origin ``"metadata"`` in
        ``Release.origins``. Any other key raises ``TypeError``, as does a title or URL
        that is no ``str``; see ``releaseparse.metadata``.

        With ``html=True`` the source is an HTML page: it is rendered to text with its
        layout kept (``releaseparse.render_html``, the ``html`` extra; ``ImportError``
        without it), and that text is parsed and is the record's ``source``, noted by a
        ``source.rendered_from_html`` defect. Text that looks like HTML markup, parsed
        without it, gets a ``source.looks_like_html`` warning.
        """
        given = check_metadata(metadata)
        decoded = self._read(source, "parse", html)
        if isinstance(decoded, Release):  # too large: not parsed
            return self._check(self._with_metadata(decoded, given), strict)
        with watching() as given_up:
            release = self._first(decoded)
        release = _with_notes(release, _notes(decoded.text, html))
        release = self._with_metadata(_with_timeouts(release, given_up), given)
        return self._check(release, strict)

    def _with_metadata(self, release: Release, metadata: Mapping[str, object] | None) -> Release:
        if metadata is None:
            return release
        return apply_metadata(release, metadata, self.vocabulary)

    def _first(self, decoded: Decoded) -> Release:
        state = ParseState(decoded.text, vocabulary=self.vocabulary, defects=decoded.defects)
        end = next_release(state)
        if end is None:
            return self._run(state)
        release = self._part(decoded, 0, end)
        more = Defect(
            "source.more_releases",
            "more releases follow on this page; parse_all() returns each of them",
            Severity.INFO,
            Span(end, len(decoded.text)),
        )
        return attrs.evolve(release, defects=(*release.defects, more))

    def parse_file(
        self,
        path: str | os.PathLike[str],
        *,
        metadata: Mapping[str, object] | None = None,
        strict: bool = False,
        html: bool = False,
    ) -> Release:
        """``parse`` the bytes of the file at ``path``; one past ``max_size`` is not even read.

        No more than ``max_size`` + 1 bytes are read, whatever the file's status says.
        ``OSError`` (no such file, no permission) propagates, and so does
        ``NotARegularFileError`` (an ``OSError``) for a named pipe, a device or a
        socket, which is refused before any byte is read. ``html=True``: the file is an
        HTML page, rendered first (see ``parse``).
        """
        given = check_metadata(metadata)
        data = read_regular(path, self.max_size)
        if isinstance(data, int):  # its status says it is past max_size
            assert self.max_size is not None
            unread = too_large(data, self.max_size, unit="bytes")
            return self._check(self._with_metadata(unread, given), strict)
        return self.parse(data, metadata=given, strict=strict, html=html)

    def parse_all(
        self, source: str | bytes, *, strict: bool = False, html: bool = False
    ) -> list[Release]:
        """Parse every release of a page holding several (blog label pages, digests), in order.

        Each record's spans and regions index into the one decoded source; the text of
        the other releases is an ``other_release`` region of each. It takes no
        ``metadata``: a title, date or URL describes one release, not a page of several
        (parse each release's own text with ``parse`` to give it its metadata).
        ``html=True``: the source is an HTML page, rendered first (see ``parse``); each
        record notes it.
        """
        decoded = self._read(source, "parse_all", html)
        if isinstance(decoded, Release):  # too large: not parsed
            return [self._check(decoded, strict)]
        text = decoded.text
        with watching() as given_up:
            starts = release_starts(ParseState(text, vocabulary=self.vocabulary))
            ends = [*starts[1:], len(text)]
            releases = [
                self._part(decoded, start, end) for start, end in zip(starts, ends, strict=True)
            ]
        notes = _notes(text, html)
        return [
            self._check(_with_timeouts(_with_notes(release, notes), given_up), strict)
            for release in releases
        ]


def _notes(text: str, html: bool) -> tuple[Defect, ...]:
    """What the record says of its source: rendered from HTML, or HTML parsed as text."""
    if html:
        return (rendered_defect(),)
    return (looks_like_html_defect(),) if looks_like_html(text) else ()


def _with_notes(release: Release, notes: tuple[Defect, ...]) -> Release:
    """``release`` with ``notes`` before its other defects."""
    if not notes:
        return release
    return attrs.evolve(release, defects=(*notes, *release.defects))


def _with_timeouts(release: Release, given_up: list[str]) -> Release:
    """``release`` with a ``vocabulary.timeout`` error for each added pattern given up."""
    if not given_up:
        return release
    timeouts = tuple(
        Defect(
            "vocabulary.timeout",
            f"the added vocabulary pattern {pattern!r} took over {PATTERN_TIMEOUT:g} s on one"
            " line; it counted as not matching for the rest of this input (look for nested"
            " repeats such as (a+)+)",
            Severity.ERROR,
            Span(0, 0),
        )
        for pattern in given_up
    )
    return attrs.evolve(release, defects=(*release.defects, *timeouts))
