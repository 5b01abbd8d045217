"""Speed and memory of releaseparse against the floor, a dateparser baseline and itself.

Run from the repository root, with the test and bench extras installed::

    pip install -e '.[test,bench]'
    python benchmarks/bench.py                     # the whole table, a few minutes
    python benchmarks/bench.py --quick             # smaller corpora, for a first look
    python benchmarks/bench.py --big-jsonl-gb 1    # also peak RSS of the CLI on 1 GB of JSONL

Everything is measured in one run, over the same documents, and reported as medians of
repeated timings; the targets are ratios between figures of this run, so they hold on
any machine (absolute times do not). Nothing here is a unit test.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from tests.adversarial import PAGES, SHAPES  # noqa: E402

import releaseparse  # noqa: E402

#: The page a million short lines make: the default line limit, and a hostile shape at 2 MB.
MILLION_SHORT_LINES = "a\n" * 1_000_000

#: A blank line: the floor scans for every one (work no parser can avoid), and the
#: baseline splits the title from the body at the first.
BLANK_LINES = re.compile(r"\n[ \t]*\n")

TARGETS = {
    "parse / floor, generated": 12.0,
    "parse / floor, real feed": 12.0,
    "baseline / parse (at least)": 100.0,
    "time per MB, largest / smallest size": 1.5,
    "hostile shapes: time per MB, largest / smallest size": 1.5,
    "workers=2 / in-process throughput (at least)": 1.7,
    "peak RSS of the CLI on the big JSONL, MB": 200.0,
    "decoding random bytes: peak memory / input size": 10.0,
    "import releaseparse, ms": 50.0,
}


@dataclass
class Corpus:
    name: str
    texts: list[str]

    @property
    def megabytes(self) -> float:
        return sum(len(text.encode("utf-8", "surrogatepass")) for text in self.texts) / 1e6

    @property
    def median_size(self) -> int:
        return int(statistics.median(len(text) for text in self.texts))


def generated_corpus(count: int) -> Corpus:
    """Releases from the property tests' generator (every layout family), reproducibly."""
    from tests.strategies import sample_releases

    return Corpus("generated", [case.text for case in sample_releases(count)])


def real_corpora() -> list[Corpus]:
    """The real material beside the repository, when it is there."""
    corpora = []
    feed = DATA / "feed-2021-2022.jsonl"
    if feed.exists():
        lines = feed.read_text("utf-8").splitlines()
        corpora.append(Corpus("real feed", [json.loads(line)["text"] for line in lines]))
    layouts = sorted((DATA / "real-layouts").glob("*.json"))
    if layouts:
        texts = [json.loads(path.read_text("utf-8"))["text"] for path in layouts]
        corpora.append(Corpus("real layouts", texts))
    pages = sorted((DATA / "whitehouse").rglob("*.md"))
    if pages:
        corpora.append(Corpus("white house", [path.read_text("utf-8") for path in pages]))
    return corpora


# -- timing ---------------------------------------------------------------------------------


#: The floor takes a few milliseconds per corpus: timed more often, so that one
#: interruption cannot move its median (one run measured it at twice its usual cost).
FLOOR_REPEATS = 25


def median_time(run: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor(texts: Sequence[str]) -> None:
    for text in texts:
        text.splitlines()
        BLANK_LINES.findall(text)


def parse_each(texts: Sequence[str]) -> None:
    parse = releaseparse.parse
    for text in texts:
        parse(text)


def parse_bare(texts: Sequence[str]) -> None:
    """A parse with every extractor disabled: decoding, lines, the page scan, the record."""
    bare = releaseparse.Parser()
    bare.disable(*bare.enabled_names)
    for text in texts:
        bare.parse(text)


def split_each(texts: Sequence[str]) -> None:
    """The parse's first step: the lines with their offsets (what extractors read)."""
    from releaseparse.lines import split_lines

    for text in texts:
        split_lines(text)


def unpickle_each(records: Sequence[bytes]) -> None:
    for record in records:
        pickle.loads(record)


def baseline(texts: Sequence[str]) -> None:
    """What a user would otherwise write: dateparser on the top, a title/body split."""
    from dateparser.search import search_dates

    for text in texts:
        search_dates(text[:600], languages=["en"])
        BLANK_LINES.split(text.strip(), maxsplit=1)


def count_outcomes(items: Sequence[str], workers: int | None) -> int:
    return sum(1 for _ in releaseparse.parse_many(items, workers=workers))


def grown_release(size: int) -> str:
    """The bundled example with its body repeated until the text is ``size`` characters."""
    from releaseparse.cli import example_bytes

    example = example_bytes().decode("utf-8")
    head, _, tail = example.partition("The United States is supporting")
    paragraph = (
        "The United States is supporting a training course on coastal resilience for "
        "officials from nine Pacific Island countries, held in Suva, Fiji.\n\n"
    )
    room = max(size - len(head) - len(tail), len(paragraph))
    return head + paragraph * (room // len(paragraph)) + tail


def import_time(repeats: int, then: str = "") -> float:
    """The median time to ``import releaseparse`` (and ``then``) in a fresh interpreter, in s."""
    code = (
        "import time; start = time.perf_counter(); import releaseparse; "
        f"{then + '; ' if then else ''}print(time.perf_counter() - start)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeats)
    ]
    return statistics.median(times)


#: Times one ``parse`` of the text on stdin in a fresh interpreter: the cost of one
#: document must not depend on what else the benchmark holds (corpora, Hypothesis), which
#: every full pass of the garbage collector would walk again, nor on caches warmed by
#: parsing the same text before (the memo of line kinds would make a repeat cheap).
#: Its arguments: the method (``parse`` or ``parse_all``) and the clock of ``time``.
_PARSE_IN_CHILD = (
    "import sys, time\n"
    "import releaseparse\n"
    "from releaseparse.cli import example_bytes\n"
    "text = sys.stdin.buffer.read().decode('utf-8')\n"
    # Patterns compiled on first use (the disclaimer's, 30 ms) are paid once per process.
    # No size or line limit: a limit would skip the very inputs measured here.
    "parser = releaseparse.Parser(max_size=None, max_lines=None)\n"
    "parse, clock = getattr(parser, sys.argv[1]), getattr(time, sys.argv[2])\n"
    "parse(example_bytes())\n"
    "parse(text[:20_000])\n"
    "start = clock()\n"
    "parse(text)\n"
    "print(clock() - start)\n"
)


def parse_time_alone(
    text: str, repeats: int, *, method: str = "parse", clock: str = "perf_counter"
) -> float:
    """The median seconds of one ``method`` call on ``text``, each in a fresh interpreter.

    Each interpreter first parses the bundled example and the text's first 20,000
    characters, so patterns compiled on first use are not counted. ``clock`` is a
    function of ``time``: ``perf_counter`` (wall time) or ``process_time`` (CPU time,
    which other work on a busy machine does not move).
    """
    times = []
    for _ in range(repeats):
        result = subprocess.run(
            [sys.executable, "-c", _PARSE_IN_CHILD, method, clock],
            input=text.encode("utf-8"),
            capture_output=True,
            check=True,
        )
        times.append(float(result.stdout))
    return statistics.median(times)


#: Runs the CLI and reports its own peak RSS. ``ru_maxrss`` cannot be used: Linux carries
#: the parent's high-water mark over fork and exec, so the child would report ours.
_CLI_WITH_PEAK = (
    "import sys, releaseparse.cli as cli\n"
    "status = cli.main(sys.argv[1:])\n"
    "with open('/proc/self/status') as lines:\n"
    "    peak = [line.split()[1] for line in lines if line.startswith('VmHWM')][0]\n"
    "sys.stderr.write(f'VmHWM {peak}\\n')\n"
    "sys.exit(status)\n"
)


#: Decodes ``argv[1]`` random bytes in a fresh interpreter and prints the peak memory
#: traced while it did (the input itself, made before, is not counted).
_DECODE_RANDOM = (
    "import random, sys, tracemalloc\n"
    "from releaseparse.decoding import decode\n"
    "data = random.Random(0).randbytes(int(sys.argv[1]))\n"
    "tracemalloc.start()\n"
    "decode(data)\n"
    "print(tracemalloc.get_traced_memory()[1])\n"
)


def decoding_memory(size: int) -> float:
    """Peak memory of decoding ``size`` random bytes (mostly invalid UTF-8), per input byte."""
    result = subprocess.run(
        [sys.executable, "-c", _DECODE_RANDOM, str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout) / size


def big_jsonl_rss(gigabytes: float, texts: Sequence[str]) -> tuple[float, float] | None:
    """Peak RSS (MB) and wall time of ``releaseparse parse`` over a JSONL of that size."""
    if not Path("/proc/self/status").exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.jsonl"
        lines = [json.dumps({"text": text}) + "\n" for text in texts]
        block = "".join(lines).encode("utf-8", "surrogatepass")
        with path.open("wb") as stream:
            for _ in range(max(1, int(gigabytes * 1e9 / len(block)))):
                stream.write(block)
        command = [sys.executable, "-c", _CLI_WITH_PEAK, "parse", str(path), "-q"]
        start = time.perf_counter()
        result = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True
        )
        seconds = time.perf_counter() - start
        peak = int(result.stderr.split("VmHWM")[-1].split()[0])
        return peak / 1024, seconds


# -- the report -----------------------------------------------------------------------------


def row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora and repeats")
    parser.add_argument(
        "--big-jsonl-gb",
        type=float,
        default=0.0,
        metavar="GB",
        help="also measure the CLI's peak RSS on a JSONL of this size",
    )
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else 5
    many = 4_000 if args.quick else 20_000

    print(
        f"releaseparse {releaseparse.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}\n"
    )
    generated = generated_corpus(300 if args.quick else 1_000)
    corpora = [generated, *real_corpora()]
    # Generating the corpus leaves much cyclic garbage (Hypothesis): collect it now, or
    # the first full collection during a timing pays for it (seconds, not the parser's).
    gc.collect()
    figures: dict[str, float] = {}

    print("## Per document\n")
    print(
        row(
            [
                "corpus",
                "docs",
                "median chars",
                "floor docs/s",
                "parse docs/s",
                "parse MB/s",
                "parse / floor",
            ]
        )
    )
    print(row(["---"] * 7))
    for corpus in corpora:
        texts = corpus.texts
        parse_each(texts[:20])  # warm caches
        floor_time = median_time(partial(floor, texts), FLOOR_REPEATS)
        parse_time = median_time(partial(parse_each, texts), repeats)
        ratio = parse_time / floor_time
        figures[f"parse / floor, {corpus.name}"] = ratio
        print(
            row(
                [
                    corpus.name,
                    len(texts),
                    corpus.median_size,
                    f"{len(texts) / floor_time:,.0f}",
                    f"{len(texts) / parse_time:,.0f}",
                    f"{corpus.megabytes / parse_time:.2f}",
                    f"{ratio:.1f}×",
                ]
            )
        )

    print("\n## What a parse costs before any field is read (generated)\n")
    records = [pickle.dumps(releaseparse.parse(text)) for text in generated.texts]
    build_time = median_time(partial(unpickle_each, records), repeats)
    split_time = median_time(partial(split_each, generated.texts), repeats)
    bare_time = median_time(partial(parse_bare, generated.texts), repeats)
    floor_time = median_time(partial(floor, generated.texts), FLOOR_REPEATS)
    per_doc = 1e6 / len(records)
    print(
        row(
            [
                "floor µs/doc",
                "record building µs/doc",
                "line splitting µs/doc",
                "both / floor",
                "no extractors µs/doc",
                "no extractors / floor",
            ]
        )
    )
    print(row(["---"] * 6))
    print(
        row(
            [
                f"{floor_time * per_doc:.1f}",
                f"{build_time * per_doc:.1f}",
                f"{split_time * per_doc:.1f}",
                f"{(build_time + split_time) / floor_time:.1f}×",
                f"{bare_time * per_doc:.1f}",
                f"{bare_time / floor_time:.1f}×",
            ]
        )
    )
    print(
        "\nUnpickling rebuilds each record from plain tuples with no parsing at all: the "
        "cost of its objects (spans, regions, defects). Splitting gives the lines with their "
        "offsets that every extractor reads. Together they are the least a parse that "
        "returns this record through this extension API can cost. 'No extractors' is a "
        "parse with every extractor disabled: decoding, the lines, the scan for further "
        "releases on the page (which reads each line's kind) and the record of an "
        "unclaimed text."
    )

    print("\n## Against the baseline (dateparser search_dates on 600 characters + a split)\n")
    subset = generated.texts[: 100 if args.quick else 300]
    baseline(subset[:5])  # dateparser loads its data on first use
    base_time = median_time(lambda: baseline(subset), 1)
    parse_time = median_time(lambda: parse_each(subset), repeats)
    figures["baseline / parse (at least)"] = base_time / parse_time
    print(row(["docs", "baseline ms/doc", "parse ms/doc", "baseline / parse"]))
    print(row(["---"] * 4))
    print(
        row(
            [
                len(subset),
                f"{base_time / len(subset) * 1e3:.2f}",
                f"{parse_time / len(subset) * 1e3:.3f}",
                f"{base_time / parse_time:.0f}×",
            ]
        )
    )

    print("\n## Cost against size (one document each)\n")
    print(row(["size", "ms", "ms per MB"]))
    print(row(["---"] * 3))
    per_mb = []
    sizes = [1_000, 10_000, 100_000, 1_000_000] + ([] if args.quick else [10_000_000])
    for size in sizes:
        text = grown_release(size)
        seconds = parse_time_alone(text, repeats if size < 10**7 else 2)
        per_mb.append(seconds / (len(text) / 1e6))
        print(row([f"{len(text):,}", f"{seconds * 1e3:.2f}", f"{per_mb[-1] * 1e3:.1f}"]))
    figures["time per MB, largest / smallest size"] = max(per_mb) / min(per_mb)

    print("\n## Hostile shapes against size (tests/adversarial.py, one document each)\n")
    print(
        "CPU time of one parse in a fresh interpreter, without the size and line limits; "
        "pages of many releases (" + ", ".join(sorted(PAGES)) + ") are read with parse_all.\n"
    )
    hostile_sizes = [100_000, 1_000_000] + ([] if args.quick else [2_000_000])
    print(row(["shape", *(f"ms per MB at {size / 1e6:g} MB" for size in hostile_sizes), "ratio"]))
    print(row(["---"] * (len(hostile_sizes) + 2)))
    worst = 0.0
    short_lines: float | None = None  # CPU seconds of a million short lines
    for name, make in SHAPES.items():
        sizes = hostile_sizes + ([10_000_000] if name == "one long line" and not args.quick else [])
        method = "parse_all" if name in PAGES else "parse"
        costs = []
        for size in sizes:
            text = make(size)
            # Three fresh interpreters at least: one slow spell of a noisy machine on a
            # single run made a shape look 1.6x dearer per MB at 2 MB than at 1 MB.
            runs = 3 if size >= 10**6 else repeats
            seconds = parse_time_alone(text, runs, method=method, clock="process_time")
            costs.append(seconds / (len(text) / 1e6) * 1e3)
            if text == MILLION_SHORT_LINES:
                short_lines = seconds
        ratio = max(costs) / min(costs)
        worst = max(worst, ratio)
        cells = [f"{cost:,.0f}" for cost in costs[: len(hostile_sizes)]]
        extra = f" (10 MB: {costs[-1]:,.0f})" if len(costs) > len(hostile_sizes) else ""
        print(row([name, *cells[:-1], cells[-1] + extra, f"{ratio:.2f}×"]))
    figures["hostile shapes: time per MB, largest / smallest size"] = worst
    if short_lines is None:  # --quick stops at 1 MB
        short_lines = parse_time_alone(MILLION_SHORT_LINES, 1, clock="process_time")
    print(
        f"\nA million short lines (`a\\n` × 1,000,000, the default line limit): "
        f"{short_lines:.1f} s of CPU time for one parse.\n"
    )
    pages = SHAPES["one release repeated"]
    print("One release (the bundled example) repeated on one page, read with parse_all:\n")
    print(row(["copies", "s of CPU time", "ms per copy"]))
    print(row(["---"] * 3))
    for copies in (500, 1_000) + (() if args.quick else (2_000,)):
        text = pages(copies * len(pages(1)))
        seconds = parse_time_alone(text, 1, method="parse_all", clock="process_time")
        print(row([f"{copies:,}", f"{seconds:.2f}", f"{seconds / copies * 1e3:.2f}"]))

    print(f"\n## parse_many over {many:,} generated documents\n")
    items = [generated.texts[i % len(generated.texts)] for i in range(many)]
    print(row(["workers", "seconds", "docs/s", "vs in-process"]))
    print(row(["---"] * 4))
    rates: dict[int | None, float] = {}
    settings: tuple[int | None, ...] = (None, 1, 2)
    # Interleaved rounds, so a slow spell of a noisy machine does not fall on one setting.
    times: dict[int | None, list[float]] = {workers: [] for workers in settings}
    for _ in range(1 if args.quick else 3):
        for workers in settings:
            times[workers].append(median_time(partial(count_outcomes, items, workers), 1))
    for workers in settings:
        seconds = statistics.median(times[workers])
        rates[workers] = many / seconds
        print(
            row(
                [
                    workers or "in-process",
                    f"{seconds:.1f}",
                    f"{rates[workers]:,.0f}",
                    f"{rates[workers] / rates[None]:.2f}×",
                ]
            )
        )
    figures["workers=2 / in-process throughput (at least)"] = rates[2] / rates[None]

    print("\n## Memory and start-up\n")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"- peak RSS of this benchmark process (corpora held in memory): {peak:.0f} MB")
    if args.big_jsonl_gb:
        measured = big_jsonl_rss(args.big_jsonl_gb, corpora[-1].texts)
        if measured is None:
            print("- peak RSS of the CLI: not measured (needs /proc)")
        else:
            rss, seconds = measured
            figures["peak RSS of the CLI on the big JSONL, MB"] = rss
            print(
                f"- `releaseparse parse` over {args.big_jsonl_gb:g} GB of JSONL: peak RSS "
                f"{rss:.0f} MB, {seconds:.0f} s"
            )
    random_size = 4_000_000
    decoding = decoding_memory(random_size)
    figures["decoding random bytes: peak memory / input size"] = decoding
    print(
        f"- decoding {random_size / 1e6:g} MB of random bytes (undecodable runs throughout): "
        f"peak traced memory {decoding:.1f}× the input"
    )
    imported = import_time(5 if args.quick else 9)
    figures["import releaseparse, ms"] = imported * 1e3
    print(f"- `import releaseparse` in a fresh interpreter: {imported * 1e3:.0f} ms (median)")
    ready = import_time(5 if args.quick else 9, then="releaseparse.Parser()")
    print(
        f"- ... and a first `Parser()` (records, vocabulary, extractors loaded): "
        f"{ready * 1e3:.0f} ms (median)"
    )

    print("\n## Targets\n")
    missed = []
    print(row(["figure", "target", "measured", ""]))
    print(row(["---"] * 4))
    for name, target in TARGETS.items():
        value = figures.get(name)
        if value is None:
            if name.startswith("parse / floor, real") and "real feed" not in figures:
                continue
            print(row([name, target, "not measured", ""]))
            continue
        at_least = "at least" in name
        met = value >= target if at_least else value <= target
        missed += [] if met else [name]
        print(row([name, target, f"{value:.2f}", "met" if met else "MISSED"]))
    print(f"\ntargets missed: {', '.join(missed) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
