"""Worker processes exit when their parent dies, however it died (SIGKILL included)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_cli import _children, big_dump, start

pytestmark = pytest.mark.skipif(os.name != "posix", reason="worker processes are POSIX-only here")

#: Seconds the workers get to exit once their parent is killed.
DEADLINE = 5.0

#: A parent that starts two workers, each busy on a long "document" (a loop in Python, as
#: the parser's own work is), and prints their process ids as they start it. ``argv[1]``
#: is the start method; ``argv[2]`` says whether to start the pool from another thread.
PARENT = '''
import multiprocessing
import os
import sys
import threading
import time

import releaseparse


def long_document(state):
    """Stand in for a document that takes a minute to parse."""
    # One write(2) of fewer than PIPE_BUF bytes: the two workers' lines never interleave.
    os.write(1, f"{os.getpid()}\\n".encode())
    until = time.monotonic() + 60
    while time.monotonic() < until:
        pass


def run():
    parser = releaseparse.Parser()
    parser.add("long_document", long_document)
    context = multiprocessing.get_context(sys.argv[1])
    for _ in releaseparse.parse_many(
        ["a release"] * 4, workers=2, chunksize=1, parser=parser, mp_context=context
    ):
        pass


if __name__ == "__main__":
    if sys.argv[2] == "thread":
        threading.Thread(target=run).start()
    else:
        run()
'''


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped by its new parent, does not)."""
    if not Path("/proc/self/stat").exists():
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _descendants(pid: int) -> list[int]:
    """``pid``'s children, theirs, and so on (a fork server's workers are its grandchildren)."""
    found = _children(pid)
    for child in list(found):
        found += _descendants(child)
    return found


def _wait_gone(pids: list[int]) -> float:
    """Seconds until every one of ``pids`` is gone; fails after ``DEADLINE``."""
    started = time.monotonic()
    while any(_alive(pid) for pid in pids):
        assert time.monotonic() - started < DEADLINE, f"workers still alive: {pids}"
        time.sleep(0.02)
    return time.monotonic() - started


def _holders(path: Path) -> list[int]:
    """The processes that hold ``path`` open (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            links = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        if str(path) in links:
            found.append(int(entry.name))
    return found


def _kill_leftovers(pids: list[int]) -> None:
    """Kill what a failed test left running (only the workers it started)."""
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _methods() -> Iterator[tuple[str, str]]:
    for method in multiprocessing.get_all_start_methods():
        yield method, "main"
    if "fork" in multiprocessing.get_all_start_methods():
        # Started from a thread that is not the main one, workers cannot use Linux's
        # parent-death signal (it follows the thread): they must notice by themselves.
        yield "fork", "thread"


@pytest.mark.parametrize(("method", "started_from"), list(_methods()))
def test_busy_workers_exit_when_their_parent_is_killed(
    tmp_path: Path, method: str, started_from: str
) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    workers: list[int] = []
    arguments = [sys.executable, str(script), method, started_from]
    with subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as parent:
        try:
            assert parent.stdout is not None
            lines = [parent.stdout.readline() for _ in range(2)]
            # An empty line: every process writing there has ended, the parent failed.
            assert all(lines), parent.communicate()[1].decode()
            workers = [int(line) for line in lines]
            parent.kill()
            parent.wait()
            _wait_gone(workers)
        finally:
            parent.kill()
            _kill_leftovers(workers)


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to find workers")
def test_a_killed_run_leaves_no_worker_holding_its_output(tmp_path: Path) -> None:
    dump = big_dump(tmp_path, 20_000)
    out = tmp_path / "out.jsonl"
    process = start(tmp_path, dump, out, "-j", "2")
    workers = _descendants(process.pid)
    try:
        assert len(workers) >= 2
        (partial,) = tmp_path.glob(f".{out.name}.*.partial")
        process.kill()
        process.wait()
        _wait_gone(workers)
        process.communicate(timeout=60)  # its pipes close once the workers are gone too
        assert _holders(partial) == []
        assert not out.exists()  # the run never finished: its output was never made
    finally:
        _kill_leftovers(workers)
