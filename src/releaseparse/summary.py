"""Counts over a stream of outcomes: coverage, defects, months, note types, the worst inputs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from releaseparse.groups import IdLists, WorstGroup, WorstGroups
from releaseparse.outcome import Outcome
from releaseparse.records import Confidence, Header, Release, Severity

#: The fields whose coverage is counted: the header's, in order, then body and disclaimer.
COVERAGE_FIELDS = (*(field.name for field in attrs.fields(Header)), "body", "disclaimer")

_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def counted(count: int, noun: str, plural: str = "") -> str:
    """``1 release``, ``2,000 releases``: the count, then the noun in its number."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def badness(outcome: Outcome) -> tuple[int, int, int]:
    """How bad an outcome is: (failed, error defects, warning defects); compared as a tuple."""
    return Facts.of(outcome).badness


def present_fields(release: Release) -> Iterable[str]:
    """The names of ``COVERAGE_FIELDS`` that hold a value in ``release``."""
    header = release.header
    for key in COVERAGE_FIELDS:
        if key == "body":
            value: object = release.body.paragraphs
        elif key == "disclaimer":
            value = release.disclaimer
        else:
            value = getattr(header, key)
        if value is not None and value != "" and value != ():
            yield key


@attrs.frozen
class Facts:
    """What a ``Summary`` counts of one outcome: small, so workers can send it instead."""

    failure: str | None = None
    defects: tuple[tuple[str, Severity], ...] = ()
    present: tuple[str, ...] = ()
    month: tuple[int, int] | None = None
    note_type: str | None = None
    ratings: tuple[tuple[str, Confidence], ...] = ()
    withheld: tuple[str, ...] = ()

    @property
    def badness(self) -> tuple[int, int, int]:
        """(failed, error defects, warning defects): see ``badness``."""
        if self.failure is not None:
            return (1, 0, 0)
        severities = [severity for _, severity in self.defects]
        return (0, severities.count(Severity.ERROR), severities.count(Severity.WARNING))

    @property
    def group(self) -> tuple[tuple[str, ...], tuple[int, int, int]]:
        """The worst-inputs group of the outcome and how bad the group is.

        Failed inputs group by exception type (the key ``("", type)``), releases by their
        set of defect codes, sorted; a group is as bad as (failed, its error codes, its
        warning codes), each code counted once.
        """
        if self.failure is not None:
            return ("", self.failure), (1, 0, 0)
        worst: dict[str, Severity] = {}
        for code, severity in self.defects:
            if code not in worst or _SEVERITY_RANK[severity] > _SEVERITY_RANK[worst[code]]:
                worst[code] = severity
        levels = list(worst.values())
        return tuple(sorted(worst)), (
            0,
            levels.count(Severity.ERROR),
            levels.count(Severity.WARNING),
        )

    @classmethod
    def of(cls, outcome: Outcome, *, withheld: tuple[str, ...] = ()) -> Facts:
        """The facts of ``outcome``; ``withheld`` names the values its row left out."""
        release = outcome.release
        if release is None:
            return cls(failure=outcome.error.type if outcome.error else "?")
        date = release.header.date
        return cls(
            defects=tuple((defect.code, defect.severity) for defect in release.defects),
            present=tuple(present_fields(release)),
            month=None if date is None else (date.year, date.month),
            note_type=release.header.note_type,
            ratings=tuple(release.confidence.items()),
            withheld=withheld,
        )


@attrs.define
class Summary:
    """Counts over a stream of outcomes, added one at a time, and the ``keep`` worst ones.

    ``with_defects`` counts parsed releases with any defect, ``with_errors`` and
    ``with_warnings`` those with one of that severity, ``info_only`` those whose every
    defect is of info severity (nothing to check); ``defects`` counts occurrences of
    each code and ``defect_releases`` the releases holding it; ``months`` counts parsed
    releases by ``(year, month)`` of ``header.date`` and ``undated`` those without one;
    ``note_types`` counts parsed releases by note type (``None`` for none);
    ``confidence`` counts rated values by ``(field, level)`` (``Release.confidence``) and
    ``withheld`` the values that rows left out as rated too low (``parse
    --min-confidence``), by field. Only the ``keep`` worst groups of inputs are held
    (``WorstGroups``: inputs grouped by defect set, each group with its first input), so
    memory stays flat. With ``listed``, the first ``listed`` ids holding each defect code
    (``code_ids``), lacking each field of ``COVERAGE_FIELDS`` (``missing_ids``) and in each
    worst group are noted too.
    """

    keep: int = 20
    listed: int = 0
    documents: int = 0
    parsed: int = 0
    failed: int = 0
    with_defects: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    info_only: int = 0
    undated: int = 0
    coverage: Counter[str] = attrs.field(factory=Counter)
    defects: Counter[str] = attrs.field(factory=Counter)
    defect_releases: Counter[str] = attrs.field(factory=Counter)
    severities: dict[str, Severity] = attrs.field(factory=dict)
    months: Counter[tuple[int, int]] = attrs.field(factory=Counter)
    note_types: Counter[str | None] = attrs.field(factory=Counter)
    failures: Counter[str] = attrs.field(factory=Counter)
    confidence: Counter[tuple[str, Confidence]] = attrs.field(factory=Counter)
    withheld: Counter[str] = attrs.field(factory=Counter)
    code_ids: IdLists = attrs.field(
        init=False, default=attrs.Factory(lambda self: IdLists(self.listed), takes_self=True)
    )
    missing_ids: IdLists = attrs.field(
        init=False, default=attrs.Factory(lambda self: IdLists(self.listed), takes_self=True)
    )
    _worst: WorstGroups = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: WorstGroups(self.keep, self.listed), takes_self=True),
        repr=False,
    )

    @property
    def worst_groups(self) -> list[WorstGroup]:
        """The worst groups of inputs, worst first (``WorstGroups.ranked``).

        Failed inputs come first, then releases with more error codes, then more warning
        codes; inputs with no failure, error or warning are never among them.
        """
        return self._worst.ranked

    @property
    def worst(self) -> list[Outcome]:
        """The first input of each of the worst groups, worst first."""
        return [group.first for group in self.worst_groups]

    def add(self, outcome: Outcome) -> None:
        """Count one outcome, note its id in the lists, and group it if it is among the worst."""
        seq = self.documents
        facts = Facts.of(outcome)
        self.count(facts)
        if facts.failure is None:
            self.code_ids.add(dict.fromkeys(code for code, _ in facts.defects), outcome.id)
            missing = (name for name in COVERAGE_FIELDS if name not in facts.present)
            self.missing_ids.add(missing, outcome.id)
        key, bad = facts.group
        if any(bad):
            self._worst.add(key, bad, seq, outcome)

    def count(self, facts: Facts) -> None:
        """Count one outcome from its facts alone."""
        self.documents += 1
        if facts.failure is not None:
            self.failed += 1
            self.failures[facts.failure] += 1
            return
        self.parsed += 1
        self.coverage.update(facts.present)
        codes = Counter(code for code, _ in facts.defects)
        self.defects.update(codes)
        self.defect_releases.update(codes.keys())
        for code, severity in facts.defects:
            known = self.severities.get(code)
            if known is None or _SEVERITY_RANK[severity] > _SEVERITY_RANK[known]:
                self.severities[code] = severity
        severities = {severity for _, severity in facts.defects}
        self.with_defects += bool(facts.defects)
        self.with_errors += Severity.ERROR in severities
        self.with_warnings += Severity.WARNING in severities
        self.info_only += severities == {Severity.INFO}
        if facts.month is None:
            self.undated += 1
        else:
            self.months[facts.month] += 1
        self.note_types[facts.note_type] += 1
        self.confidence.update(facts.ratings)
        self.withheld.update(facts.withheld)

    @property
    def rated_fields(self) -> tuple[str, ...]:
        """The fields with a rated value: ``COVERAGE_FIELDS`` in order, then others by name."""
        rated = {name for name, _ in self.confidence}
        others = sorted(rated.difference(COVERAGE_FIELDS))
        return (*(name for name in COVERAGE_FIELDS if name in rated), *others)

    def rated(self, field: str, level: Confidence) -> int:
        """How many values of ``field`` were rated ``level``."""
        return self.confidence[(field, level)]

    def lines(self, *, by_level: bool = False) -> list[str]:
        """The counts as indented text lines: parsed, with defects, failed, coverage.

        When some values were rated, an ``uncertain`` line follows: how many values of
        each field were rated unsure. With ``by_level``, a table of how many of each field
        were rated sure, likely and unsure takes its place.
        """
        lines = [
            f"  parsed        {self.parsed:>10,}",
            f"  with defects  {self.with_defects:>10,}{_share(self.with_defects, self.parsed)}"
            + self._severities(),
            f"  failed        {self.failed:>10,}{_share(self.failed, self.documents)}",
        ]
        if self.failures:
            kinds = ", ".join(f"{kind} {count:,}" for kind, count in self.failures.most_common())
            lines.append(f"  failures      {kinds} (rows with an error field)")
        if self.parsed:
            cells = [f"{key} {self.coverage[key] / self.parsed:.0%}" for key in COVERAGE_FIELDS]
            for start in range(0, len(cells), 6):
                label = "coverage" if start == 0 else ""
                lines.append(f"  {label:<14}" + "  ".join(cells[start : start + 6]))
        if self.confidence:
            lines += self._levels() if by_level else [self._uncertain()]
        return lines + self._hints()

    def _hints(self) -> list[str]:
        """What to do about inputs of the wrong kind: HTML read as text, or text as HTML."""
        hints = []
        html = self.defect_releases["source.looks_like_html"]
        if html:
            hints.append(
                f"  hint          {counted(html, 'input')} looked like HTML: parse"
                f" {'it' if html == 1 else 'them'} with --html-input"
            )
        text = self.defect_releases["source.no_markup"]
        if text:
            hints.append(
                f"  hint          {counted(text, 'input')} rendered as HTML held no tag: parse"
                f" {'it' if text == 1 else 'them'} without --html-input"
            )
        return hints

    def _severities(self) -> str:
        """What the releases with defects hold: errors, warnings, or information only."""
        if not self.with_defects:
            return ""
        if not self.with_errors and not self.with_warnings:
            return "  (information only: no error or warning)"
        info = f", information only {self.info_only:,}" if self.info_only else ""
        return f"  (errors {self.with_errors:,}, warnings {self.with_warnings:,}{info})"

    def _uncertain(self) -> str:
        unsure = [
            f"{name} {count:,}"
            for name in self.rated_fields
            if (count := self.rated(name, Confidence.UNSURE))
        ]
        if not unsure:
            return f"  {'uncertain':<14}none (no value rated unsure)"
        return f"  {'uncertain':<14}{', '.join(unsure)}  (values rated unsure)"

    def _levels(self) -> list[str]:
        width = max(12, max((len(name) + 2 for name in self.rated_fields), default=0))
        levels = tuple(reversed(Confidence))
        lines = [f"  {'confidence':<{width + 2}}" + "".join(f"{lv.value:>9}" for lv in levels)]
        for name in self.rated_fields:
            counts = "".join(f"{self.rated(name, level):>9,}" for level in levels)
            lines.append(f"    {name:<{width}}{counts}")
        return lines

    def withheld_line(self, minimum: Confidence) -> str:
        """How many values of each field rows left out as rated below ``minimum``.

        Only values count: a field rated low that holds nothing (a date that is no
        calendar day, say) has nothing to leave out.
        """
        left = ", ".join(f"{name} {count:,}" for name, count in self._withheld_in_order())
        if not left:
            return f"  {'left out':<14}none (no value rows held was rated below {minimum.value})"
        return f"  {'left out':<14}{left}  (values rated below {minimum.value})"

    def _withheld_in_order(self) -> list[tuple[str, int]]:
        order = {name: index for index, name in enumerate(COVERAGE_FIELDS)}
        return sorted(self.withheld.items(), key=lambda item: (order.get(item[0], 99), item[0]))


def _share(part: int, whole: int) -> str:
    return f"  ({part / whole:.1%})" if whole else ""


def summarize(outcomes: Iterable[Outcome], *, worst: int = 20, listed: int = 0) -> Summary:
    """Count ``outcomes`` in one pass, keeping only the ``worst`` worst groups.

    ``listed``: how many ids to note per defect code, missing field and worst group.
    """
    summary = Summary(keep=worst, listed=listed)
    for outcome in outcomes:
        summary.add(outcome)
    return summary
