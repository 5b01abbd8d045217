"""Where a parse's time goes: each step of the chain timed on its own, per document.

Run from the repository root (the real material is read from ``../shared/data``)::

    python benchmarks/steps.py            # generated releases and the real material
    python benchmarks/steps.py --rounds 5
    python benchmarks/steps.py --seen     # lines read the pass before (memos kept)
    python benchmarks/steps.py --calls    # function calls a document, step by step

The parse is done as ``Parser.parse`` does it, step by step: decoding, the parse state
(splitting into lines), the scan for further releases on the page, each extractor of the
chain in turn, and building the record. Each step is timed with the process's CPU clock;
the timer itself costs about 0.2 µs a step. Figures are the best of ``--rounds`` passes
over the corpus (after one pass to warm the caches), in µs per document; before each
pass the memos of line texts are emptied (``bench.forget_seen_text``), so that the
documents are read as unseen, unless ``--seen`` is given.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from bench import forget_seen_text, texts_by_corpus  # noqa: E402

import releaseparse  # noqa: E402
from releaseparse.assemble import assemble  # noqa: E402
from releaseparse.decoding import decode  # noqa: E402
from releaseparse.extractors._releases import next_release  # noqa: E402
from releaseparse.state import ParseState  # noqa: E402

#: The steps outside the chain of extractors, by the names the tables print.
DECODING = "decoding"
PARSE_STATE = "the parse state (splitting into lines)"
SCAN = "the scan for further releases"
RECORD = "building the record (`assemble`)"


def walk_steps(parser: releaseparse.Parser, text: str, enter: Callable[[str | None], None]) -> None:
    """Parse ``text`` as ``Parser.parse`` does, calling ``enter(step)`` as each step begins.

    ``enter(None)`` ends the last step.
    """
    chain = list(parser)  # iterated in no step (a generator's resumption is a call)
    enter(DECODING)
    decoded = decode(text)
    enter(PARSE_STATE)
    state = ParseState(decoded.text, vocabulary=parser.vocabulary, defects=decoded.defects)
    enter(SCAN)
    next_release(state)
    for name, extractor in chain:
        enter(f"extractor `{name}`")
        state.extractor = name
        extractor(state)
    enter(RECORD)
    assemble(state)
    enter(None)


def one_pass(parser: releaseparse.Parser, texts: Sequence[str]) -> dict[str, float]:
    """Seconds of CPU time spent in each step over ``texts``."""
    clock = time.process_time_ns
    spent: dict[str, float] = defaultdict(float)
    current: list[Any] = [None, 0]  # the step going on, and when it began

    def enter(step: str | None) -> None:
        now = clock()
        if current[0] is not None:
            spent[current[0]] += now - current[1]
        current[0] = step
        current[1] = clock()  # the bookkeeping above is not the next step's

    for text in texts:
        walk_steps(parser, text, enter)
    return {step: nanoseconds / 1e9 for step, nanoseconds in spent.items()}


def count_calls(parser: releaseparse.Parser, texts: Sequence[str]) -> dict[str, float]:
    """Function calls (Python functions and built-ins) made in each step over ``texts``.

    A figure no noise moves: with the memos in the same state, the same documents make
    the same calls. Counted by a profile hook (``sys.setprofile``), which sees every
    call of Python code and every call of a built-in from it; ``enter``'s own calls fall
    outside every step.
    """
    counted: dict[str, float] = defaultdict(float)
    current: list[str | None] = [None]

    def hook(_frame: object, event: str, _arg: object) -> None:
        if event == "call" or event == "c_call":
            step = current[0]
            if step is not None:
                counted[step] += 1

    def enter(step: str | None) -> None:
        if current[0] is not None:
            counted[current[0]] -= 1  # the call of ``enter`` itself, seen by the hook
        current[0] = None  # nor does ``sys.setprofile`` count in any step
        sys.setprofile(None)
        current[0] = step
        if step is not None:
            sys.setprofile(hook)

    try:
        for text in texts:
            walk_steps(parser, text, enter)
    finally:
        sys.setprofile(None)
    return counted


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rounds", type=int, default=3, help="passes timed (the best is kept)")
    options.add_argument(
        "--seen",
        action="store_true",
        help="keep the memos of line texts between passes (each line was read the pass before)",
    )
    options.add_argument(
        "--calls",
        action="store_true",
        help="count the function calls of each step (one pass, a figure no noise moves)",
    )
    args = options.parse_args(argv)
    parser = releaseparse.Parser()
    found = texts_by_corpus()
    best: dict[str, dict[str, float]] = {}

    def timed_pass(texts: Sequence[str]) -> dict[str, float]:
        if not args.seen:
            forget_seen_text()  # each pass reads its documents as unseen, as bench.py does
        return one_pass(parser, texts)

    for name, texts in found.items():
        one_pass(parser, texts)  # warm the caches (compiled patterns, line openings)
        if args.calls:
            if not args.seen:
                forget_seen_text()
            counted = count_calls(parser, texts)
            best[name] = {step: calls / len(texts) for step, calls in counted.items()}
            continue
        passes = [timed_pass(texts) for _ in range(max(1, args.rounds))]
        best[name] = {step: min(p[step] for p in passes) / len(texts) * 1e6 for step in passes[0]}
    names = list(found)
    unit, digits = ("calls", 0) if args.calls else ("µs", 1)
    steps = sorted(best[names[0]], key=lambda step: -best[names[0]][step])
    print("| step | " + " | ".join(f"{name} {unit}" for name in names) + " |")
    print("| --- |" + " --- |" * len(names))
    for step in steps:
        print(
            f"| {step} | "
            + " | ".join(f"{best[name].get(step, 0):,.{digits}f}" for name in names)
            + " |"
        )
    totals = [sum(best[name].values()) for name in names]
    print("| **all steps** | " + " | ".join(f"**{total:,.{digits}f}**" for total in totals) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
