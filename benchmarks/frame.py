"""What a parse pays before and after its extractors: the lines, the scan and the record.

Run from the repository root (the real material is read from ``../shared/data`` when it
is there)::

    python benchmarks/frame.py              # the frame against the floor and the parse
    python benchmarks/frame.py --tests      # also what each line test costs, per corpus
    python benchmarks/frame.py --rounds 3   # fewer rounds, a rougher figure

The *frame* is the part of every parse that no extractor does: the parse state (the
source split into lines), the scan (the header block found from the line kinds, and the
check for further releases on the page) and building the record from a finished state.
Decoding is left out (under a µs a document). What the frame costs bounds what the
targets of issue 20 leave for reading the fields (``docs/performance.md``).

Every figure is CPU time, the variants in turn within each round, medians across
rounds, with the objects made beforehand frozen (``gc.freeze``). The floor is
``bench.py``'s (the lines and the blank lines found), the one the targets are set
against. The memos of line texts are emptied before each variant of each round
(``bench.forget_seen_text``, which keeps the memo of line openings): pages unseen, as
``bench.py`` judges them, while lines repeat across a corpus within a round, as header
lines do across one site's pages. The 1 KB release of ``bench.py``'s fixed-cost target
(``bench.grown_release(1_000)``, the bundled example) is timed unseen (memos emptied
before each of its parses, the clock stopped meanwhile) and seen.

The record is built from states the chain finished with the memos full, so its column
is a seen figure in every row (it reads no line kinds). For a page holding several
releases, the chain runs over the first one, as ``parse`` does. *Record, nothing
claimed* builds the record of a state no extractor ran over: every run of text is an
unclaimed region with a ``text.unclaimed`` defect, so it costs more than the record of
a finished parse, and a parse with every extractor disabled is no lower bound.

``--tests`` times each of ``classify``'s tests on the lines the parse classifies, in
``classify``'s order until one holds (after the office test, the glued test ``classify``
asks then), and prints the four costliest per corpus (µs a document). For the
1 KB release it prints each line: ``classify`` timed whole, unseen, and the tests over
1 µs. A line whose kind the cascade here would not give is counted as a mismatch: the
copy of the cascade has drifted from ``classify``. A second table sums the tests by the
kind each line reads as: lines that no test takes (``other``) run every test.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from bench import floor, forget_seen_text, grown_release, texts_by_corpus  # noqa: E402

import releaseparse  # noqa: E402
from releaseparse.assemble import assemble  # noqa: E402
from releaseparse.dates import read_dateline, read_partial_date, read_time  # noqa: E402
from releaseparse.decoding import Decoded, decode  # noqa: E402
from releaseparse.extractors import _kinds  # noqa: E402
from releaseparse.extractors._flat import read_flat  # noqa: E402
from releaseparse.extractors._glued import GluedHeader, read_glued  # noqa: E402
from releaseparse.extractors._people import is_name, is_role_line, read_issuer  # noqa: E402
from releaseparse.extractors._releases import next_release  # noqa: E402
from releaseparse.segments import defects_within  # noqa: E402
from releaseparse.state import ParseState  # noqa: E402
from releaseparse.text import collapse, is_blank  # noqa: E402
from releaseparse.vocabulary import Vocabulary  # noqa: E402

Kind = _kinds.Kind

#: The columns of the frame table, in order.
PARTS = ("parse state", "parse state + scan", "record (finished state)", "record, nothing claimed")


def line_tests(vocabulary: Vocabulary) -> tuple[tuple[str, Kind, Callable[[str], object]], ...]:
    """``classify``'s tests in its order, each asked of a collapsed line, with its kind."""
    return (
        ("chrome", Kind.CHROME, vocabulary.is_chrome),
        ("marker", Kind.MARKER, vocabulary.is_marker),
        ("dateline", Kind.DATE, read_dateline),
        ("time", Kind.TIME, read_time),
        ("partial date", Kind.PARTIAL_DATE, read_partial_date),
        ("note type", Kind.NOTE_TYPE, lambda line: _kinds.note_type_of(vocabulary, line)),
        ("office", Kind.OFFICE, lambda line: _kinds.office_start(vocabulary, line)),
        ("label", Kind.LABEL, lambda line: _kinds.label_of(vocabulary, line)),
        ("prose", Kind.PROSE, _kinds.looks_like_prose),
        ("released", Kind.RELEASED, _kinds._RELEASED.fullmatch),
        ("anonymous", Kind.ANONYMOUS, vocabulary.is_anonymous_speaker),
        ("issuer", Kind.ISSUER, lambda line: read_issuer(vocabulary, line)),
        ("role", Kind.ROLE, lambda line: is_role_line(vocabulary, line)),
        ("place", Kind.PLACE, lambda line: _kinds.is_place(vocabulary, line)),
        ("name", Kind.NAME, lambda line: is_name(vocabulary, line)),
        ("flat", Kind.FLAT, lambda line: read_flat(vocabulary, line)),
        ("glued", Kind.FLAT, lambda line: read_glued(vocabulary, line)),
    )


def holds(answer: object) -> bool:
    """Whether a test's answer claims the line (``office_start`` may answer offset 0)."""
    return answer is not None and answer is not False


def finished(parser: releaseparse.Parser, decoded: Decoded) -> ParseState:
    """The state ``parser``'s chain leaves, over the first release as ``parse`` reads it."""
    text = decoded.text
    state = ParseState(text, vocabulary=parser.vocabulary, defects=decoded.defects)
    end = next_release(state)
    if end is not None:  # ``Parser._part``: the first release read as a page of its own
        defects = defects_within(decoded.defects, 0, end, last=end == len(text))
        state = ParseState(text[:end], vocabulary=parser.vocabulary, defects=defects)
        next_release(state)
    for name, extractor in parser:
        state.extractor = name
        extractor(state)
    state.extractor = "<assemble>"
    return state


def frame_figures(
    parser: releaseparse.Parser, texts: Sequence[str], rounds: int, *, memos: str = "round"
) -> dict[str, float]:
    """Median µs a document of the floor, the frame's parts and the whole parse.

    ``memos``: ``"round"`` empties the memos of line texts before each variant of each
    round (lines repeat across the corpus within it), ``"document"`` before each
    document (each read as never seen, the clock stopped meanwhile), ``"kept"`` never.
    The floor reads no memo: it is timed over all the texts at once in every mode.
    """
    vocabulary = parser.vocabulary
    decoded = [decode(text) for text in texts]

    def lines(index: int) -> None:
        item = decoded[index]
        ParseState(item.text, vocabulary=vocabulary, defects=item.defects)

    def scan(index: int) -> None:
        item = decoded[index]
        next_release(ParseState(item.text, vocabulary=vocabulary, defects=item.defects))

    def parse(index: int) -> None:
        parser.parse(texts[index])

    variants = {"parse state": lines, "parse state + scan": scan, "parse": parse}
    spent: dict[str, list[float]] = defaultdict(list)
    clock = time.process_time
    for index in range(len(texts)):
        parse(index)  # warm the caches (compiled patterns, line openings)
    for _ in range(rounds):
        gc.collect()
        gc.freeze()
        started = clock()
        floor(texts)
        spent["floor"].append(clock() - started)
        gc.unfreeze()
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
        finished_states = [finished(parser, item) for item in decoded]
        unclaimed = [
            ParseState(item.text, vocabulary=vocabulary, defects=item.defects) for item in decoded
        ]
        for name, states in (
            ("record (finished state)", finished_states),
            ("record, nothing claimed", unclaimed),
        ):
            gc.collect()
            gc.freeze()
            started = clock()
            for state in states:
                assemble(state)
            spent[name].append(clock() - started)
            gc.unfreeze()
        del finished_states, unclaimed
    return {name: statistics.median(values) / len(texts) * 1e6 for name, values in spent.items()}


def print_frame(name: str, figures: dict[str, float]) -> None:
    """One row of the frame table: µs a document, and times the floor in brackets."""
    base = figures["floor"]
    frame = figures["parse state + scan"] + figures["record (finished state)"]
    cells = [f"{figures[part]:,.1f} ({figures[part] / base:.1f}×)" for part in PARTS]
    whole = figures["parse"]
    rest = whole - frame
    print(
        f"| {name} | {base:.1f} | "
        + " | ".join(cells)
        + f" | {frame:,.1f} ({frame / base:.1f}×) | {whole:,.1f} ({whole / base:.1f}×)"
        + f" | {rest:,.1f} ({rest / base:.1f}×) |"
    )


def classified_lines(parser: releaseparse.Parser, texts: Sequence[str]) -> list[str]:
    """The line texts a parse of ``texts`` classifies, the memos emptied first."""
    found: list[str] = []
    plain = _kinds.classify

    def spy(vocabulary: Vocabulary, text: str) -> Kind:
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


def lowest_time(test: Callable[[], object], samples: int) -> tuple[object, float]:
    """``test()``'s answer and its lowest µs of ``samples``, the memos emptied before each."""
    lowest = float("inf")
    answer: object = None
    for _ in range(samples):
        forget_seen_text()
        started = time.perf_counter_ns()
        answer = test()
        lowest = min(lowest, (time.perf_counter_ns() - started) / 1e3)
    return answer, lowest


def costs_of_tests(
    vocabulary: Vocabulary, text: str, samples: int
) -> tuple[list[tuple[str, float]], Kind]:
    """Each test asked of ``text`` in ``classify``'s order until one holds: names and µs.

    Each the lowest of ``samples`` timings. Also the kind the cascade gives (``OTHER``
    when no test holds).
    """
    line = collapse(text)
    costs: list[tuple[str, float]] = []
    for name, kind, test in line_tests(vocabulary):
        answer, cost = lowest_time(partial(test, line), samples)
        costs.append((name, cost))
        if not holds(answer):
            continue
        if kind != Kind.OFFICE:
            return costs, kind
        # An office line: ``classify`` then asks whether a speaker is glued on.
        glued, cost = lowest_time(lambda: read_glued(vocabulary, line), samples)
        costs.append(("glued", cost))
        office_and_speaker = isinstance(glued, GluedHeader) and glued.office is not None
        return costs, Kind.FLAT if office_and_speaker else Kind.OFFICE
    return costs, Kind.OTHER


def classify_unseen(vocabulary: Vocabulary, text: str, samples: int) -> float:
    """The lowest µs of ``classify(vocabulary, text)`` of ``samples``, the memos emptied first."""
    return lowest_time(lambda: _kinds.classify(vocabulary, text), samples)[1]


def print_tests(parser: releaseparse.Parser, found: dict[str, list[str]], example: str) -> int:
    """The line-test tables; returns how many lines the cascade here read otherwise."""
    vocabulary = parser.vocabulary
    mismatches = 0
    print("\n## The line tests: µs a document, the four costliest\n")
    print("| corpus | lines classified a document | costliest tests |")
    print("| --- | --- | --- |")
    by_kind: dict[str, dict[Kind, list[float]]] = {}
    for name, texts in found.items():
        totals: dict[str, float] = defaultdict(float)
        kinds: dict[Kind, list[float]] = defaultdict(lambda: [0.0, 0.0])
        by_kind[name] = kinds
        lines = [text for text in classified_lines(parser, texts) if not is_blank(text)]
        for text in lines:
            costs, kind = costs_of_tests(vocabulary, text, 1)
            mismatches += kind != _kinds.classify(vocabulary, text)
            for test, cost in costs:
                totals[test] += cost
            kinds[kind][0] += 1
            kinds[kind][1] += sum(cost for _test, cost in costs)
        top = sorted(totals.items(), key=lambda item: -item[1])[:4]
        listed = ", ".join(f"{test} {cost / len(texts):.1f}" for test, cost in top)
        print(f"| {name} | {len(lines) / len(texts):.2f} | {listed} |")
    print("\n## The line tests by the kind a line reads as: the three costliest kinds\n")
    print("Lines a document, the tests' µs a document, and µs a line, per kind.\n")
    print("| corpus | all kinds, µs a document | costliest kinds |")
    print("| --- | --- | --- |")
    for name, counted in by_kind.items():
        documents = len(found[name])
        whole = sum(cost for _count, cost in counted.values())
        top_kinds = sorted(counted.items(), key=lambda item: -item[1][1])[:3]
        listed = ", ".join(
            f"{kind.value} {count / documents:.2f} lines, {cost / documents:.1f} µs"
            f" ({cost / count:.1f} a line)"
            for kind, (count, cost) in top_kinds
        )
        print(f"| {name} | {whole / documents:.1f} | {listed} |")
    print("\n## The 1 KB release's lines, unseen\n")
    print("| line | kind | `classify` µs | tests over 1 µs, costliest first |")
    print("| --- | --- | --- | --- |")
    for text in classified_lines(parser, [example]):
        if is_blank(text):
            continue
        costs, kind = costs_of_tests(vocabulary, text, 5)
        mismatches += kind != _kinds.classify(vocabulary, text)
        larger = ", ".join(
            f"{test} {cost:.1f}"
            for test, cost in sorted(costs, key=lambda item: -item[1])
            if cost > 1
        )
        whole = classify_unseen(vocabulary, text, 5)
        shown = text if len(text) <= 40 else text[:40] + " …"
        print(f"| `{shown}` | {kind.value} | {whole:.1f} | {larger} |")
    print(f"\nLines the cascade here reads otherwise than `classify`: {mismatches}.")
    return mismatches


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rounds", type=int, default=7, help="rounds timed (medians)")
    options.add_argument("--tests", action="store_true", help="also time the line tests")
    args = options.parse_args(argv)
    parser = releaseparse.Parser()
    found = texts_by_corpus()
    rounds = max(1, args.rounds)
    print(f"## The frame: the parse state, the scan and the record ({rounds} rounds)\n")
    print("µs a document, and in brackets times the floor.\n")
    print(
        "| corpus | floor µs | "
        + " | ".join(PARTS)
        + " | frame (parse state + scan + record) | whole parse | the rest: extractors |"
    )
    print("| --- |" + " --- |" * (len(PARTS) + 4))
    for name, texts in found.items():
        print_frame(name, frame_figures(parser, texts, rounds))
    # The fixed-cost target's text, timed many times over so each variant runs a while.
    example = grown_release(1_000)
    copies = [example] * 200
    print_frame("1 KB release, unseen", frame_figures(parser, copies, rounds, memos="document"))
    print_frame("1 KB release, seen", frame_figures(parser, copies, rounds, memos="kept"))
    if args.tests and print_tests(parser, found, example):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
