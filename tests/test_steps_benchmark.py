"""The step-by-step benchmark: every step of a parse is named, and its call counts repeat."""

from __future__ import annotations

import sys
from pathlib import Path

import releaseparse

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import steps  # noqa: E402
from bench import forget_seen_text, generated_corpus  # noqa: E402

TEXTS = generated_corpus(12).texts


def _all_steps(parser: releaseparse.Parser) -> set[str]:
    return {steps.DECODING, steps.PARSE_STATE, steps.SCAN, steps.RECORD} | {
        f"extractor `{name}`" for name, _extractor in parser
    }


def test_the_walk_parses_as_parse_does_and_enters_every_step_in_order() -> None:
    parser = releaseparse.Parser()
    entered: list[str | None] = []
    steps.walk_steps(parser, TEXTS[0], entered.append)
    chain = [f"extractor `{name}`" for name, _extractor in parser]
    assert entered == [steps.DECODING, steps.PARSE_STATE, steps.SCAN, *chain, steps.RECORD, None]


def test_call_counts_name_every_step_and_repeat_with_the_memos_emptied() -> None:
    parser = releaseparse.Parser()
    steps.one_pass(parser, TEXTS)  # as ``main`` does: the caches no memo empties warmed
    forget_seen_text()
    first = steps.count_calls(parser, TEXTS)
    forget_seen_text()
    second = steps.count_calls(parser, TEXTS)
    assert first == second
    assert set(first) == _all_steps(parser)
    assert all(calls > 0 for calls in first.values())
    # The profile hook is off again: a later call is not counted anywhere.
    assert sys.getprofile() is None


def test_a_step_counts_its_own_calls_and_not_the_bookkeeping_between_steps() -> None:
    """An extractor making three built-in calls counts four: itself and the three."""

    def three_calls(state: releaseparse.ParseState) -> None:
        len(state.source)
        abs(-1)
        min(1, 2)

    parser = releaseparse.Parser()
    parser.add("three_calls", three_calls)
    counted = steps.count_calls(parser, TEXTS[:2])
    assert counted["extractor `three_calls`"] == 2 * 4


def test_timed_pass_gives_every_step_a_time() -> None:
    parser = releaseparse.Parser()
    spent = steps.one_pass(parser, TEXTS)
    assert set(spent) == _all_steps(parser)
    assert all(seconds >= 0 for seconds in spent.values())
