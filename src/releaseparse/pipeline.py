"""``parse_many``: parse a stream of inputs in order, in-process or in worker processes."""

from __future__ import annotations

import os
import pickle
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeAlias

import attrs

from releaseparse.outcome import Failure, ItemId, Outcome
from releaseparse.parser import Parser


@attrs.frozen
class Unreadable:
    """A payload that stands for an input that could not be read; its outcome is this error.

    Readers that find a bad input before parsing (a JSONL line that is not JSON, say)
    pass ``(id, Unreadable(type, message))`` so the input still gets its one outcome,
    in order.
    """

    type: str
    message: str


#: What an item's text can be: the text, its bytes, or a path to read it from.
Payload: TypeAlias = str | bytes | os.PathLike[str] | Unreadable
#: One input of ``parse_many``: a payload, or an ``(id, payload)`` pair.
Item: TypeAlias = Payload | tuple[ItemId, Payload]

#: How many chunks each worker has queued ahead of the one it is parsing.
CHUNKS_AHEAD_PER_WORKER = 2


@attrs.frozen
class _Task:
    index: int
    id: ItemId
    payload: Payload


def _task(index: int, item: object) -> _Task:
    if isinstance(item, tuple):
        if len(item) == 2 and isinstance(item[1], str | bytes | os.PathLike | Unreadable):
            item_id = item[0] if isinstance(item[0], str | int) else str(item[0])
            return _Task(index, item_id, item[1])
        return _Task(index, index, Unreadable("TypeError", _bad_item_message(item)))
    if isinstance(item, str | bytes):
        return _Task(index, index, item)
    if isinstance(item, os.PathLike):
        return _Task(index, os.fspath(item), item)
    return _Task(index, index, Unreadable("TypeError", _bad_item_message(item)))


def _bad_item_message(item: object) -> str:
    shown = repr(item)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return (
        f"items are str or bytes (the text), paths, or (id, text) pairs; got "
        f"{type(item).__name__} {shown}"
    )


def _read(payload: Payload) -> str | bytes:
    if isinstance(payload, os.PathLike):
        return Path(payload).read_bytes()
    assert not isinstance(payload, Unreadable)
    return payload


def _parse_task(parser: Parser, task: _Task, strict: bool) -> Outcome:
    if isinstance(task.payload, Unreadable):
        failure = Failure(task.payload.type, task.payload.message)
        return Outcome(task.index, task.id, error=failure)
    try:
        release = parser.parse(_read(task.payload), strict=strict)
    except Exception as error:
        return Outcome(task.index, task.id, error=Failure.from_exception(error))
    return Outcome(task.index, task.id, release=release)


# -- worker processes -----------------------------------------------------------------------

_worker_parser: Parser | None = None
_worker_strict = False


def _start_worker(parser: Parser, strict: bool) -> None:
    """Worker initializer: keep the parser; leave Ctrl-C to the parent, which stops the pool."""
    global _worker_parser, _worker_strict
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_parser, _worker_strict = parser, strict


def _parse_chunk(tasks: list[_Task]) -> list[Outcome]:
    assert _worker_parser is not None, "worker started without its parser"
    return [_parse_task(_worker_parser, task, _worker_strict) for task in tasks]


WORKER_DIED = (
    "the worker process parsing this input died (killed, out of memory, or a crash in native "
    "code), and again when it was retried alone"
)


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, workers: int, parser: Parser, strict: bool, context: BaseContext | None):
        self._arguments = (workers, parser, strict, context)
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        workers, parser, strict, context = self._arguments
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(parser, strict)
        )

    def submit(self, tasks: list[_Task]) -> Future[list[Outcome]]:
        """Send a chunk; if the pool has already broken, the future says so like the others."""
        try:
            return self.executor.submit(_parse_chunk, tasks)
        except BrokenProcessPool as error:
            broken: Future[list[Outcome]] = Future()
            broken.set_exception(error)
            return broken

    def replace(self) -> None:
        self.stop()
        self.executor = self._new()

    def stop(self) -> None:
        """Stop at once: queued work is cancelled and running workers are terminated."""
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()


def _isolate(pool: _Pool, tasks: list[_Task]) -> Iterator[Outcome]:
    """Parse each task alone, so a worker death is charged to the input that caused it.

    An input whose worker dies is retried once in a fresh pool; if it dies again it
    gets a failed outcome. A chunk whose results cannot come back (an extractor that
    put something unpicklable in the record, say) is split the same way.
    """
    for task in tasks:
        for attempt in (1, 2):
            try:
                (outcome,) = pool.submit([task]).result()
            except BrokenProcessPool:
                pool.replace()
                if attempt == 2:
                    outcome = Outcome(task.index, task.id, error=Failure("WorkerDied", WORKER_DIED))
                else:
                    continue
            except Exception as error:
                outcome = Outcome(task.index, task.id, error=Failure.from_exception(error))
            yield outcome
            break


def _in_processes(
    tasks: Iterator[_Task],
    parser: Parser,
    strict: bool,
    workers: int,
    chunksize: int,
    context: BaseContext | None,
) -> Iterator[Outcome]:
    chunks = iter(lambda: list(islice(tasks, chunksize)), [])
    pool = _Pool(workers, parser, strict, context)
    in_flight: deque[tuple[list[_Task], Future[list[Outcome]]]] = deque()
    try:
        while True:
            while len(in_flight) < workers * (1 + CHUNKS_AHEAD_PER_WORKER):
                chunk = next(chunks, None)
                if chunk is None:
                    break
                in_flight.append((chunk, pool.submit(chunk)))
            if not in_flight:
                break
            chunk, future = in_flight.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died: every chunk in flight is suspect and is parsed again,
                # one input at a time, in a fresh pool.
                suspects = [chunk, *(queued for queued, _ in in_flight)]
                in_flight.clear()
                pool.replace()
                for suspect in suspects:
                    yield from _isolate(pool, suspect)
                continue
            except Exception:
                yield from _isolate(pool, chunk)
                continue
            yield from outcomes
    except BaseException:
        # Interrupted (Ctrl-C) or closed early: do not wait for work nobody will read.
        pool.stop()
        raise
    pool.executor.shutdown(wait=True)


def _check_picklable(parser: Parser) -> None:
    try:
        pickle.dumps(parser)
    except Exception as error:
        raise TypeError(
            "parse_many(workers=N) sends the parser to each worker process, but it cannot be "
            f"pickled ({type(error).__name__}: {error}). Define custom extractors at module "
            "level (not as lambdas or nested functions), or use workers=None."
        ) from error


def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = None,
    chunksize: int = 16,
    strict: bool = False,
    parser: Parser | None = None,
    mp_context: BaseContext | None = None,
) -> Iterator[Outcome]:
    """Parse many inputs; yield one ``Outcome`` per item, in input order, as they are done.

    Items are ``str`` or ``bytes`` (the text), paths (``pathlib.Path`` or any
    ``os.PathLike``, read as bytes), or ``(id, text)`` pairs whose text is any of those.
    Items are taken from ``items`` lazily and only a bounded number are in flight, so
    memory stays flat however many there are.

    ``workers=None`` parses in this process; ``workers=N`` uses N worker processes
    (``mp_context`` picks how they start; the platform default otherwise), each sent
    ``chunksize`` items at a time. ``parser`` (default: ``Parser()``) is used in every
    worker, custom extractors included, so it must pickle. An input that fails (an
    unreadable path, ``strict=True`` with an error defect, an extractor that raised,
    a worker that died twice on it) gets an outcome with its ``error``; the others go on.
    """
    if workers is not None and (isinstance(workers, bool) or workers < 1):
        raise ValueError(f"workers must be None (in-process) or a positive number, not {workers!r}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be a positive number, not {chunksize!r}")
    chosen = Parser() if parser is None else parser
    tasks = (_task(index, item) for index, item in enumerate(items))
    if workers is None:
        return (_parse_task(chosen, task, strict) for task in tasks)
    _check_picklable(chosen)
    return _in_processes(tasks, chosen, strict, workers, chunksize, mp_context)
