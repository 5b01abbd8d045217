"""What a parse pays before and after its extractors: the lines, the scan and the record.

Run from the repository root (the real material is read from ``../shared/data`` when it
is there)::

    python benchmarks/frame.py              # the frame against the floor and the parse
    python benchmarks/frame.py --tests      # also what each line test costs, per corpus
    python benchmarks/frame.py --rounds 3   # fewer rounds, a rougher figure

The *frame* is the part of every parse that no extractor does: the parse state (the
source split into lines), the scan (the header block found from the line kinds, and the
check for further releases on the page) and building the record from a finished state.
What the frame costs bounds what the targets of issue 20 leave for reading the fields
(``docs/performance.md``). Each variant is timed in CPU time, the variants in turn
within each round, medians across rounds, with the objects made beforehand frozen
(``gc.freeze``). The memos of line texts are emptied before each variant of each round
(pages unseen, as ``bench.py`` judges them: lines repeat across a corpus within a
round, as header lines do across one site's pages). The bundled example is timed
unseen (memos emptied before each of its parses, the clock stopped meanwhile) and seen.

``--tests`` times each of ``classify``'s tests on the lines the parse classifies, in
``classify``'s order until one holds, and prints the four costliest per corpus (µs a
document) and, for the bundled example, per line.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from bench import forget_seen_text, generated_corpus, real_corpora  # noqa: E402

import releaseparse  # noqa: E402
from releaseparse.assemble import assemble  # noqa: E402
from releaseparse.cli import example_bytes  # noqa: E402
from releaseparse.dates import read_dateline, read_partial_date, read_time  # noqa: E402
from releaseparse.decoding import Decoded, decode  # noqa: E402
from releaseparse.extractors import _kinds  # noqa: E402
from releaseparse.extractors._flat import read_flat  # noqa: E402
from releaseparse.extractors._glued import read_glued  # noqa: E402
from releaseparse.extractors._people import is_name, is_role_line, read_issuer  # noqa: E402
from releaseparse.extractors._releases import next_release  # noqa: E402
from releaseparse.state import ParseState  # noqa: E402
from releaseparse.text import collapse, is_blank  # noqa: E402
from releaseparse.vocabulary import Vocabulary  # noqa: E402


def line_tests(vocabulary: Vocabulary) -> tuple[tuple[str, Callable[[str], object]], ...]:
    """``classify``'s tests in its order, each asked of a collapsed line."""
    return (
        ("chrome", vocabulary.is_chrome),
        ("marker", vocabulary.is_marker),
        ("dateline", read_dateline),
        ("time", read_time),
        ("partial date", read_partial_date),
        ("note type", lambda line: _kinds.note_type_of(vocabulary, line)),
        ("office", lambda line: _kinds.office_start(vocabulary, line)),
        ("label", lambda line: _kinds.label_of(vocabulary, line)),
        ("prose", _kinds.looks_like_prose),
        ("released", _kinds._RELEASED.fullmatch),
        ("anonymous", vocabulary.is_anonymous_speaker),
        ("issuer", lambda line: read_issuer(vocabulary, line)),
        ("role", lambda line: is_role_line(vocabulary, line)),
        ("place", lambda line: _kinds.is_place(vocabulary, line)),
        ("name", lambda line: is_name(vocabulary, line)),
        ("flat", lambda line: read_flat(vocabulary, line)),
        ("glued", lambda line: read_glued(vocabulary, line)),
    )


def holds(answer: object) -> bool:
    """Whether a test's answer claims the line (``office_start`` may answer offset 0)."""
    return answer is not None and answer is not False and answer != ()


def corpora() -> dict[str, list[str]]:
    """The generated corpus, and the real material when it is beside the repository."""
    found = {"generated": list(generated_corpus(1_000).texts)}
    for corpus in real_corpora():  # the feed, the real layouts, the White House pages
        found[corpus.name] = list(corpus.texts)
    return found


def finished(parser: releaseparse.Parser, decoded: Decoded) -> ParseState:
    """A parse state that every extractor of ``parser`` has run over."""
    state = ParseState(decoded.text, vocabulary=parser.vocabulary, defects=decoded.defects)
    next_release(state)
    for name, extractor in parser:
        state.extractor = name
        extractor(state)
    return state


def frame_figures(
    parser: releaseparse.Parser, texts: Sequence[str], rounds: int, *, memos: str = "round"
) -> dict[str, float]:
    """Median µs a document of the floor, the frame's parts and the whole parse.

    ``memos``: ``"round"`` empties the memos of line texts before each variant of each
    round (lines repeat across the corpus within it), ``"document"`` before each
    document (each read as never seen, the clock stopped meanwhile), ``"kept"`` never.
    """
    vocabulary = parser.vocabulary
    decoded = [decode(text) for text in texts]

    def floor(index: int) -> None:
        lines = texts[index].splitlines()
        [line for line in lines if not line.strip()]

    def lines(index: int) -> None:
        item = decoded[index]
        ParseState(item.text, vocabulary=vocabulary, defects=item.defects)

    def scan(index: int) -> None:
        item = decoded[index]
        next_release(ParseState(item.text, vocabulary=vocabulary, defects=item.defects))

    def parse(index: int) -> None:
        parser.parse(texts[index])

    variants = {"floor": floor, "parse state": lines, "parse state + scan": scan, "parse": parse}
    spent: dict[str, list[float]] = defaultdict(list)
    clock = time.process_time
    for index in range(len(texts)):
        parse(index)  # warm the caches (compiled patterns, line openings)
    for _ in range(rounds):
        for name, variant in variants.items():
            if memos != "kept":
                forget_seen_text()
            gc.collect()
            gc.freeze()
            seconds = 0.0
            if memos == "document":
                for index in range(len(texts)):
                    forget_seen_text()
                    started = clock()
                    variant(index)
                    seconds += clock() - started
            else:
                started = clock()
                for index in range(len(texts)):
                    variant(index)
                seconds = clock() - started
            spent[name].append(seconds)
            gc.unfreeze()
        states = [finished(parser, item) for item in decoded]
        gc.collect()
        gc.freeze()
        started = clock()
        for state in states:
            assemble(state)
        spent["record (full state)"].append(clock() - started)
        gc.unfreeze()
        del states
    return {name: statistics.median(values) / len(texts) * 1e6 for name, values in spent.items()}


def print_frame(name: str, figures: dict[str, float]) -> None:
    floor = figures["floor"]
    frame = figures["parse state + scan"] + figures["record (full state)"]
    cells = [
        f"{figures[part]:.1f} µs ({figures[part] / floor:.1f}×)"
        for part in ("parse state", "parse state + scan", "record (full state)")
    ]
    whole = figures["parse"]
    print(
        f"| {name} | {floor:.1f} | "
        + " | ".join(cells)
        + f" | {frame:.1f} µs ({frame / floor:.1f}×) | {whole:.1f} µs ({whole / floor:.1f}×) |"
    )


def classified_lines(parser: releaseparse.Parser, texts: Sequence[str]) -> list[str]:
    """The line texts a parse of ``texts`` classifies, each pass's memos emptied first."""
    found: list[str] = []
    plain = _kinds.classify

    def spy(vocabulary: Vocabulary, text: str) -> _kinds.Kind:
        found.append(text)
        return plain(vocabulary, text)

    forget_seen_text()
    _kinds.classify = spy
    try:
        for text in texts:
            parser.parse(text)
    finally:
        _kinds.classify = plain
    return found


def costs_of_tests(vocabulary: Vocabulary, text: str, samples: int) -> list[tuple[str, float]]:
    """Each test asked of ``text`` in turn until one holds: name and lowest µs."""
    line = collapse(text)
    costs = []
    for name, test in line_tests(vocabulary):
        lowest = float("inf")
        for _ in range(samples):
            forget_seen_text()
            started = time.perf_counter_ns()
            answer = test(line)
            lowest = min(lowest, (time.perf_counter_ns() - started) / 1e3)
        costs.append((name, lowest))
        if holds(answer):
            break
    return costs


def print_tests(parser: releaseparse.Parser, found: dict[str, list[str]]) -> None:
    vocabulary = parser.vocabulary
    print("\n## The line tests: µs a document, the four costliest\n")
    print("| corpus | lines classified a document | costliest tests |")
    print("| --- | --- | --- |")
    for name, texts in found.items():
        totals: dict[str, float] = defaultdict(float)
        lines = [text for text in classified_lines(parser, texts) if not is_blank(text)]
        for text in lines:
            for test, cost in costs_of_tests(vocabulary, text, 1):
                totals[test] += cost
        top = sorted(totals.items(), key=lambda item: -item[1])[:4]
        listed = ", ".join(f"{test} {cost / len(texts):.1f}" for test, cost in top)
        print(f"| {name} | {len(lines) / len(texts):.2f} | {listed} |")
    example = example_bytes().decode("utf-8")
    print("\n## The bundled example's lines, unseen: each test until one holds\n")
    print("| line | kind | µs | tests over 1 µs |")
    print("| --- | --- | --- | --- |")
    for text in classified_lines(parser, [example]):
        if is_blank(text):
            continue
        costs = costs_of_tests(vocabulary, text, 5)
        larger = ", ".join(f"{test} {cost:.1f}" for test, cost in costs if cost > 1)
        kind = _kinds.classify(vocabulary, text).value
        shown = text if len(text) <= 40 else text[:40] + " …"
        print(f"| `{shown}` | {kind} | {sum(cost for _, cost in costs):.1f} | {larger} |")


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rounds", type=int, default=7, help="rounds timed (medians)")
    options.add_argument("--tests", action="store_true", help="also time the line tests")
    args = options.parse_args(argv)
    parser = releaseparse.Parser()
    found = corpora()
    rounds = max(1, args.rounds)
    print("## The frame: the parse state, the scan and the record\n")
    print(
        "| corpus | floor µs/doc | parse state | parse state + scan | record (full state) "
        "| frame | whole parse |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, texts in found.items():
        print_frame(name, frame_figures(parser, texts, rounds))
    # One document is timed many times over, so that each variant runs for a while.
    example = [example_bytes().decode("utf-8")] * 200
    unseen = frame_figures(parser, example, rounds, memos="document")
    print_frame("the bundled example, unseen", unseen)
    print_frame("the bundled example, seen", frame_figures(parser, example, rounds, memos="kept"))
    if args.tests:
        print_tests(parser, found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
