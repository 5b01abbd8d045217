"""Where a parse's time goes: each step of the chain timed on its own, per document.

Run from the repository root (the real material is read from ``../shared/data``)::

    python benchmarks/steps.py            # generated releases and the real material
    python benchmarks/steps.py --rounds 5
    python benchmarks/steps.py --seen     # lines read the pass before (memos kept)

The parse is done as ``Parser.parse`` does it, step by step: decoding, the parse state
(splitting into lines), the scan for further releases on the page, each extractor of the
chain in turn, and building the record. Each step is timed with the process's CPU clock;
the timer itself costs about 0.1 µs a step. Figures are the best of ``--rounds`` passes
over the corpus (after one pass to warm the caches), in µs per document; before each
pass the memos of line texts are emptied (``bench.forget_seen_text``), so that the
documents are read as unseen, unless ``--seen`` is given.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from bench import forget_seen_text, texts_by_corpus  # noqa: E402

import releaseparse  # noqa: E402
from releaseparse.assemble import assemble  # noqa: E402
from releaseparse.decoding import decode  # noqa: E402
from releaseparse.extractors._releases import next_release  # noqa: E402
from releaseparse.state import ParseState  # noqa: E402


def one_pass(parser: releaseparse.Parser, texts: Sequence[str]) -> dict[str, float]:
    """Seconds of CPU time spent in each step over ``texts``."""
    clock = time.process_time_ns
    spent: dict[str, float] = defaultdict(float)
    for text in texts:
        started = clock()
        decoded = decode(text)
        at = clock()
        spent["decoding"] += at - started
        state = ParseState(decoded.text, vocabulary=parser.vocabulary, defects=decoded.defects)
        now = clock()
        spent["the parse state (splitting into lines)"] += now - at
        at = now
        next_release(state)
        now = clock()
        spent["the scan for further releases"] += now - at
        for name, extractor in parser:
            at = now
            state.extractor = name
            extractor(state)
            now = clock()
            spent[f"extractor `{name}`"] += now - at
        at = now
        assemble(state)
        spent["building the record (`assemble`)"] += clock() - at
    return {step: nanoseconds / 1e9 for step, nanoseconds in spent.items()}


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rounds", type=int, default=3, help="passes timed (the best is kept)")
    options.add_argument(
        "--seen",
        action="store_true",
        help="keep the memos of line texts between passes (each line was read the pass before)",
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
        passes = [timed_pass(texts) for _ in range(max(1, args.rounds))]
        best[name] = {step: min(p[step] for p in passes) / len(texts) * 1e6 for step in passes[0]}
    names = list(found)
    steps = sorted(best[names[0]], key=lambda step: -best[names[0]][step])
    print("| step | " + " | ".join(f"{name} µs" for name in names) + " |")
    print("| --- |" + " --- |" * len(names))
    for step in steps:
        print(f"| {step} | " + " | ".join(f"{best[name][step]:.1f}" for name in names) + " |")
    totals = [sum(best[name].values()) for name in names]
    print("| **all steps** | " + " | ".join(f"**{total:.1f}**" for total in totals) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
