"""Module-level extractors for the pipeline tests: worker processes must be able to import them."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from releaseparse import Parser, ParseState, Span

KILL = "KILL-THIS-WORKER"
DIE_ONCE = "DIE-ONCE-MARK:"
RAISE = "RAISE-IN-EXTRACTOR"
UNPICKLABLE = "UNPICKLABLE-EXTRA"


def word_count(state: ParseState) -> None:
    """Set the ``words`` extra: a custom field the workers must compute too."""
    state.set("words", len(state.source.split()), Span(0, len(state.source)))


def saboteur(state: ParseState) -> None:
    """Misbehave on marked inputs: kill the worker, raise, or return what cannot be pickled."""
    source = state.source
    if KILL in source:
        os.kill(os.getpid(), signal.SIGKILL)
    if DIE_ONCE in source:
        mark = Path(source.split(DIE_ONCE, 1)[1].split()[0])
        if not mark.exists():
            mark.write_text("died once")
            os.kill(os.getpid(), signal.SIGKILL)
    if RAISE in source:
        raise RuntimeError("this extractor fails on purpose")
    if UNPICKLABLE in source:
        # Extras must be plain data (set refuses a lock); a built-in text field takes any
        # str, so one of a class defined here, which pickle cannot find, gets through.
        class Local(str):
            __slots__ = ()

        state.set("time_zone", Local("EST"), Span(0, 0))


def counting_parser() -> Parser:
    parser = Parser()
    parser.add("words", word_count)
    return parser


def sabotaged_parser() -> Parser:
    parser = Parser(on_extractor_error="raise")
    parser.add("saboteur", saboteur, before=parser.names[0])
    return parser


def title_of(outcome: object) -> tuple[int, str | None]:
    """A ``finish`` step for prepare_many: the index and the title, computed in the worker."""
    from releaseparse import Outcome

    assert isinstance(outcome, Outcome)
    release = outcome.release
    return outcome.index, None if release is None else release.header.title
