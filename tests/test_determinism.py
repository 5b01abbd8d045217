"""The same input gives the same record: across processes, hash seeds, clocks and threads.

(Across worker counts: ``test_pipeline.py`` compares ``workers=None``, 1 and 2.)
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import releaseparse
from tests.conftest import FIXTURES, ROOT


def corpus() -> list[str | bytes]:
    """Fixtures (bytes, as stored) and generated releases: every layout family."""
    from tests.strategies import sample_releases

    fixtures: list[str | bytes] = [path.read_bytes() for path in sorted(FIXTURES.glob("*.txt"))]
    return [*fixtures, *(case.text for case in sample_releases(150))]


def digest(sources: list[str | bytes], parser: releaseparse.Parser | None = None) -> str:
    """One hash of every record (``to_dict``, keys sorted) of ``parse_all`` on each source."""
    chosen = parser or releaseparse.Parser()
    hashed = hashlib.sha256()
    for source in sources:
        for release in chosen.parse_all(source):
            hashed.update(json.dumps(release.to_dict(), sort_keys=True).encode("utf-8", "replace"))
    return hashed.hexdigest()


#: Moves every clock the parser could read to 2061 (``time``, ``datetime``, ``date``).
_FAKE_CLOCK = """
import datetime, time
_SHIFT = 2_900_000_000 - time.time()
_real_time, _real_time_ns = time.time, time.time_ns
time.time = lambda: _real_time() + _SHIFT
time.time_ns = lambda: _real_time_ns() + int(_SHIFT * 1e9)
class _Date(datetime.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(time.time())
class _DateTime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(time.time(), tz)
    @classmethod
    def today(cls):
        return cls.fromtimestamp(time.time())
    @classmethod
    def utcnow(cls):
        return cls.now(datetime.timezone.utc).replace(tzinfo=None)
datetime.date, datetime.datetime = _Date, _DateTime
assert datetime.date.today().year == 2061
"""

_DIGEST = """
import sys
sys.path.insert(0, {root!r})
from tests.test_determinism import corpus, digest
print(digest(corpus()))
"""


def _digest_in_child(env: dict[str, str], prelude: str = "") -> str:
    code = prelude + _DIGEST.format(root=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def here() -> str:
    return digest(corpus())


@pytest.mark.parametrize("seed", ["0", "1", "4242", "random"])
def test_the_same_in_other_processes_whatever_the_hash_seed(here: str, seed: str) -> None:
    assert _digest_in_child({"PYTHONHASHSEED": seed}) == here


def test_the_same_whatever_the_clock_says(here: str) -> None:
    assert _digest_in_child({}, prelude=_FAKE_CLOCK) == here


def test_a_parser_shared_by_threads_gives_what_one_thread_gives(here: str) -> None:
    sources = corpus()
    parser = releaseparse.Parser()
    chunks = [sources[i::8] for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda chunk: [parser.parse_all(s) for s in chunk], chunks))
    alone = [[releaseparse.parse_all(s) for s in chunk] for chunk in chunks]
    assert results == alone
    assert digest(sources, parser) == here


def test_the_same_the_second_time_with_warm_caches(here: str) -> None:
    """Caches (line kinds, collapsed lines) change nothing: a warm parser agrees."""
    assert digest(corpus()) == here
