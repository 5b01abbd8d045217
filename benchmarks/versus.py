"""Time this tree's parse against an earlier commit's, interleaved round by round.

Run from the repository root (the real material is read from ``../shared/data``)::

    python benchmarks/versus.py 7bdc515             # the parse then and now, per corpus
    python benchmarks/versus.py HEAD~3 --rounds 9
    python benchmarks/versus.py 60dec16 --classify  # classification alone

The earlier commit is checked out in a temporary git worktree. Each round starts one
fresh interpreter per tree, in turn, so that a spell of load on the machine falls on
both; each interpreter parses the same documents (written once by this process), after
a warm-up pass, as pages never seen (its own ``bench.forget_seen_text`` first), and
prints its CPU time per document. The figures are the medians over the rounds, and
their ratio: below 1 the parse got faster.

``--classify`` times line classification alone: each interpreter collects, in its
warm-up pass, the lines its parse hands to ``_kinds.classify``, then times ``classify``
over them (memos emptied before each pass, as for the parse), per document of the corpus.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from bench import texts_by_corpus  # noqa: E402

#: What each fresh interpreter runs: argv is the tree, the documents' file, the passes and
#: what is timed (``parse``, or ``classify`` over the lines the parse classifies).
_TIME_IN_CHILD = """
import json, statistics, sys, time
tree, documents, passes, timed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path[:0] = [tree + "/src", tree + "/benchmarks", tree]
import releaseparse
from releaseparse.extractors import _kinds
from bench import forget_seen_text
corpora = json.loads(open(documents, encoding="utf-8").read())
parse = releaseparse.parse
classify = _kinds.classify
found = {}
for name, texts in corpora.items():
    classified = []
    def spy(vocabulary, text):
        classified.append((vocabulary, text))
        return classify(vocabulary, text)
    _kinds.classify = spy
    forget_seen_text()
    for text in texts:  # warm-up: patterns compiled, screens read, lines collected
        parse(text)
    _kinds.classify = classify
    times = []
    for _ in range(passes):
        forget_seen_text()
        start = time.process_time()
        if timed == "classify":
            for vocabulary, line in classified:
                classify(vocabulary, line)
        else:
            for text in texts:
                parse(text)
        times.append((time.process_time() - start) / len(texts))
    found[name] = statistics.median(times)
print(json.dumps(found))
"""


def time_tree(tree: Path, documents: Path, passes: int, timed: str) -> dict[str, float]:
    """CPU seconds per document of each corpus, parsed (or classified) by ``tree``'s package."""
    done = subprocess.run(
        [sys.executable, "-c", _TIME_IN_CHILD, str(tree), str(documents), str(passes), timed],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"timing the tree at {tree.name} failed:\n{done.stderr}")
    return {name: float(value) for name, value in json.loads(done.stdout).items()}


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("ref", help="the earlier commit (any git revision)")
    options.add_argument("--rounds", type=int, default=7, help="rounds (each tree once a round)")
    options.add_argument("--passes", type=int, default=3, help="timed passes per interpreter")
    options.add_argument("--generated", type=int, default=1_000, help="generated documents")
    options.add_argument(
        "--classify", action="store_true", help="time line classification alone, not the parse"
    )
    args = options.parse_args(argv)
    corpora = texts_by_corpus(args.generated)
    with tempfile.TemporaryDirectory() as scratch:
        earlier = Path(scratch) / "earlier"
        made = subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(earlier), args.ref],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode != 0:
            raise SystemExit(f"could not check out {args.ref!r}:\n{made.stderr}")
        try:
            documents = Path(scratch) / "documents.json"
            documents.write_text(json.dumps(corpora), encoding="utf-8")
            times: dict[str, dict[str, list[float]]] = {"then": {}, "now": {}}
            for round_number in range(args.rounds):
                for label, tree in (("then", earlier), ("now", ROOT)):
                    timed = "classify" if args.classify else "parse"
                    for name, seconds in time_tree(tree, documents, args.passes, timed).items():
                        times[label].setdefault(name, []).append(seconds)
                print(f"round {round_number + 1} of {args.rounds} done", file=sys.stderr)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)],
                capture_output=True,
                check=False,
            )
    what = "Line classification" if args.classify else "Parse"
    print(f"{what} per document, µs (CPU time, pages unseen), {args.ref} then and this tree now;")
    print(f"medians of {args.rounds} rounds, the trees interleaved.\n")
    print("| corpus | documents | then | now | now / then |")
    print("| --- | --- | --- | --- | --- |")
    for name, texts in corpora.items():
        then = statistics.median(times["then"][name]) * 1e6
        now = statistics.median(times["now"][name]) * 1e6
        print(f"| {name} | {len(texts):,} | {then:.1f} | {now:.1f} | {now / then:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
