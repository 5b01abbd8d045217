"""Progress on stderr while ``releaseparse parse`` runs, and the summary it closes with."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from typing import TextIO

import attrs

from releaseparse.outcome import Outcome
from releaseparse.records import Header

#: Fields whose coverage the summary reports: the header's, then the body.
COVERED_FIELDS = (*(field.name for field in attrs.fields(Header)), "body")

#: Seconds between redraws of the progress line.
REDRAW_EVERY = 0.1


@attrs.define
class Tally:
    """Counts over the outcomes seen so far."""

    started: float = attrs.field(factory=time.monotonic)
    inputs: int = 0
    parsed: int = 0
    with_defects: int = 0
    failed: int = 0
    size: int = 0
    present: Counter[str] = attrs.field(factory=Counter)
    failures: Counter[str] = attrs.field(factory=Counter)

    def add(self, outcome: Outcome, size: int) -> None:
        """Count one outcome of ``size`` bytes of input."""
        self.inputs += 1
        self.size += size
        release = outcome.release
        if release is None:
            self.failed += 1
            self.failures[outcome.error.type if outcome.error else "?"] += 1
            return
        self.parsed += 1
        self.with_defects += bool(release.defects)
        header = release.header
        for name in COVERED_FIELDS[:-1]:
            self.present[name] += getattr(header, name) not in (None, ())
        self.present["body"] += bool(release.body.paragraphs)

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return max(time.monotonic() - self.started, 1e-9)

    def summary(self, *, interrupted: bool = False, output: str | None = None) -> str:
        """The closing summary, several lines."""
        rate = self.inputs / self.elapsed
        megabytes = self.size / 1e6
        head = "interrupted after" if interrupted else "done:"
        lines = [
            f"releaseparse: {head} {self.inputs:,} input(s) in {_duration(self.elapsed)}"
            f" ({rate:,.1f} docs/s, {megabytes / self.elapsed:,.2f} MB/s)",
            f"  parsed        {self.parsed:>10,}",
            f"  with defects  {self.with_defects:>10,}{_share(self.with_defects, self.parsed)}",
            f"  failed        {self.failed:>10,}{_share(self.failed, self.inputs)}",
        ]
        if self.failures:
            kinds = ", ".join(f"{kind} {count:,}" for kind, count in self.failures.most_common())
            lines.append(f"  failures      {kinds} (rows with an error field)")
        if self.parsed:
            cover = "  ".join(
                f"{name} {self.present[name] / self.parsed:.0%}" for name in COVERED_FIELDS
            )
            lines.append(f"  coverage      {cover}")
        if output is not None:
            note = " (the inputs finished before the interruption)" if interrupted else ""
            lines.append(f"  output        {output}{note}")
        return "\n".join(lines) + "\n"


def _share(part: int, whole: int) -> str:
    return f"  ({part / whole:.1%})" if whole else ""


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class ProgressLine:
    """A one-line progress bar redrawn in place on a terminal (stderr)."""

    def __init__(self, stream: TextIO, tally: Tally) -> None:
        self.stream = stream
        self.tally = tally
        self.total_size: int | None = None
        self._drawn = 0.0

    def update(self) -> None:
        """Redraw, at most every ``REDRAW_EVERY`` seconds."""
        now = time.monotonic()
        if now - self._drawn >= REDRAW_EVERY:
            self._drawn = now
            self._draw()

    def _draw(self) -> None:
        tally = self.tally
        width = shutil.get_terminal_size((80, 24)).columns
        rate = tally.inputs / tally.elapsed
        facts = f" {tally.inputs:,} docs · {rate:,.0f}/s · {tally.failed:,} failed"
        if self.total_size and tally.size <= self.total_size:
            share = tally.size / self.total_size
            left = tally.elapsed * (1 - share) / share if share else 0.0
            facts = f" {share:4.0%}{facts} · ETA {_duration(left)}"
            room = max(width - len(facts) - 3, 0)
            bar_width = min(room, 40)
            filled = round(bar_width * share)
            bar = "[" + "#" * filled + "." * (bar_width - filled) + "]" if bar_width >= 10 else ""
            facts = bar + facts
        self.stream.write("\r" + facts[: width - 1].ljust(width - 1))
        self.stream.flush()

    def clear(self) -> None:
        """Remove the line so the summary starts clean."""
        width = shutil.get_terminal_size((80, 24)).columns
        self.stream.write("\r" + " " * (width - 1) + "\r")
        self.stream.flush()
