"""Check that a change (an optimisation, say) leaves every record exactly as it was.

Run from the repository root before the change, then after it::

    python benchmarks/same_records.py --write /tmp/before.jsonl   # on the old code
    python benchmarks/same_records.py --compare /tmp/before.jsonl  # on the new code

Each line holds one document's records (``parse`` and ``parse_all``, as ``to_dict``)
over the generated corpus of the property tests, the fixtures and, when it is beside the
repository, the real material (the White House records with their own profile too).
``--compare`` prints the first documents that differ and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))  # the release generator lives in tests/strategies.py

from releaseparse import Parser  # noqa: E402

GENERATED = 2_000


def generated(count: int) -> list[str]:
    """Releases from the property tests' generator, the same ones on every run."""
    from tests.strategies import sample_releases

    return [case.text for case in sample_releases(count)]


def corpora(data: Path) -> Iterator[tuple[str, Sequence[str | bytes], Parser]]:
    """Each corpus: its name, its documents and the parser to read them with."""
    state = Parser()
    yield "generated", generated(GENERATED), state
    yield "fixtures", [p.read_bytes() for p in sorted((ROOT / "fixtures").glob("*.txt"))], state
    feed = data / "feed-2021-2022.jsonl"
    if feed.exists():
        lines = feed.read_text("utf-8").splitlines()
        yield "feed", [json.loads(line)["text"] for line in lines], state
    layouts = sorted((data / "real-layouts").glob("*.json"))
    yield "layouts", [json.loads(p.read_text("utf-8"))["text"] for p in layouts], state
    pages = [p.read_bytes() for p in sorted((data / "whitehouse").rglob("*.md"))]
    yield "whitehouse", pages, Parser(profile="whitehouse")
    yield "whitehouse as state", pages[:100], state


def records(data: Path) -> Iterator[str]:
    """One JSON line per document: where it is from and all its records."""
    for name, documents, parser in corpora(data):
        for number, document in enumerate(documents):
            found = {
                "parse": parser.parse(document).to_dict(),
                "parse_all": [release.to_dict() for release in parser.parse_all(document)],
            }
            yield json.dumps([name, number, found], sort_keys=True, ensure_ascii=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="FILE", help="write the records here")
    action.add_argument("--compare", metavar="FILE", help="compare with records written before")
    parser.add_argument("--data", type=Path, default=DATA, help="the real material's folder")
    args = parser.parse_args(argv)
    lines = list(records(args.data))
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} documents written to {args.write} (digest {digest})")
        return 0
    before = Path(args.compare).read_text(encoding="utf-8").splitlines()
    differ = [old for old, new in zip(before, lines, strict=False) if old != new]
    if len(before) != len(lines):
        print(f"{len(before)} documents before, {len(lines)} now")
    for line in differ[:5]:
        name, number, _ = json.loads(line)
        print(f"differs: {name} #{number}")
    same = not differ and len(before) == len(lines)
    print(f"{len(lines)} documents, digest {digest}: {'the same' if same else 'CHANGED'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
