"""Progress on stderr while ``releaseparse parse`` runs, and the summary it closes with."""

from __future__ import annotations

import shutil
import time
from typing import TextIO

import attrs

from releaseparse.records import Confidence
from releaseparse.summary import Facts, Summary, counted

#: Seconds between redraws of the progress line.
REDRAW_EVERY = 0.1


@attrs.define
class Tally:
    """The counts of a run (a ``Summary``), how many bytes it read, and since when.

    ``min_confidence`` is the run's ``--min-confidence``: above ``unsure``, the report
    says how many values the rows left out.
    """

    summary: Summary = attrs.field(factory=lambda: Summary(keep=0))
    started: float = attrs.field(factory=time.monotonic)
    size: int = 0
    min_confidence: Confidence = Confidence.UNSURE

    def add(self, facts: Facts, size: int) -> None:
        """Count one outcome, from its facts, of ``size`` bytes of input."""
        self.summary.count(facts)
        self.size += size

    @property
    def inputs(self) -> int:
        """Inputs counted so far."""
        return self.summary.documents

    @property
    def failed(self) -> int:
        """Failed inputs so far."""
        return self.summary.failed

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return max(time.monotonic() - self.started, 1e-9)

    def report(self, *, interrupted: bool = False, output: str | None = None) -> str:
        """The closing summary, several lines."""
        rate = self.inputs / self.elapsed
        megabytes = self.size / 1e6
        head = "interrupted after" if interrupted else "done:"
        lines = [
            f"releaseparse: {head} {counted(self.inputs, 'input')} in {_duration(self.elapsed)}"
            f" ({rate:,.1f} docs/s, {megabytes / self.elapsed:,.2f} MB/s)",
            *self.summary.lines(),
        ]
        if self.min_confidence is not Confidence.UNSURE:
            lines.append(self.summary.withheld_line(self.min_confidence))
        if output is not None:
            note = " (the inputs finished before the interruption)" if interrupted else ""
            lines.append(f"  output        {output}{note}")
        return "\n".join(lines) + "\n"


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
