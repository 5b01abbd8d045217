"""Worker processes for ``parse_many``: one pipe each, so a dead worker costs only its own work.

Each worker holds up to two chunks of tasks sent over its own pipe (the next one waits
in the pipe while it parses the first, so it never idles while the parent reads its
results) and sends the outcomes back. A worker that dies (killed, out of memory, a
crash in native code) closes only its pipe: the chunk it was parsing is parsed again one
input at a time, a chunk waiting behind it is sent again as it was, and an input whose
worker dies again on it alone gets a failed outcome. Nothing is
shared between workers, so stopping them (Ctrl-C) can never leave the parent waiting on
a pipe. A worker whose parent dies, however it died, exits within ``PARENT_POLL`` seconds,
even in the middle of a long document (``_exit_with_parent``).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar, cast

import attrs

from releaseparse.outcome import Failure, Outcome, parsed_outcome
from releaseparse.parser import Parser
from releaseparse.records import release_from_wire, wire_parts
from releaseparse.tasks import Metadata, Payload, Task, parse_task
from releaseparse.transport import ChunkReader, ChunkWriter

T = TypeVar("T")

#: A result waiting to be yielded, with its task: in its chunk's reader, or pickled alone.
_Done = tuple[ChunkReader | bytes, Task]

#: A task as it is sent to a worker: a tuple pickles at a third of the cost of a ``Task``.
_Sent = tuple[int, str | int, Payload, Metadata | None]

#: How many chunks per worker may be parsed ahead of the oldest one not yet yielded.
CHUNKS_AHEAD_PER_WORKER = 2

#: How many chunks a worker holds at once: the one it parses and the next, waiting.
UNITS_PER_WORKER = 2

#: Seconds a worker gets to exit after the last chunk before it is killed.
EXIT_GRACE = 5.0

#: Seconds between a worker's checks that its parent is still alive.
PARENT_POLL = 0.2

#: A worker's exit status when it ends because its parent died or its pipe ended.
EXIT_ORPHANED = 70

#: Linux's ``prctl`` option that sends a signal to a process when its parent dies.
PR_SET_PDEATHSIG = 1

WORKER_DIED = (
    "the worker process parsing this input died (killed, out of memory, or a crash in native "
    "code), and again when it was retried alone"
)


def as_is(outcome: Outcome) -> Outcome:
    """The ``finish`` step that keeps the outcome as it is."""
    return outcome


def _serve(
    connection: Connection,
    parser: Parser,
    strict: bool,
    finish: Callable[[Outcome], object],
    from_main_thread: bool,
) -> None:
    """A worker's loop: receive a chunk, send back its finished outcomes, until told to stop.

    Ctrl-C is left to the parent, which stops the workers; SIGTERM gets its default
    action back (a forked worker inherits the parent's handlers). The worker exits as
    soon as its parent dies (``_exit_with_parent``).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_with_parent(from_main_thread)
    # What exists now (modules, the parser, its vocabulary) lives as long as the worker:
    # keep it out of the garbage collector's passes, which otherwise walk it again and
    # again while a chunk's records are alive (a third of a worker's time).
    gc.freeze()
    # A thread takes each chunk off the pipe as soon as it comes, so the parent never
    # waits to hand over the next chunk while this worker waits to hand back results
    # (with chunks larger than the pipe's buffer, each would wait for the other).
    inbox: queue.SimpleQueue[list[_Sent] | None] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(connection, inbox), daemon=True).start()
    writer = ChunkWriter()
    while True:
        tasks = inbox.get()
        if tasks is None:
            return
        for fields in tasks:
            _write(writer, parser, Task(*fields), strict, finish)
        connection.send_bytes(writer.take())


def _exit_with_parent(from_main_thread: bool) -> None:
    """Make this worker exit at once when its parent dies, whatever killed it (SIGKILL too).

    Nothing else would end it: its pipe to the parent never ends, because a forked worker
    holds copies of the parent's ends of its own pipe and of the pipes of the workers
    started before it. A daemon thread therefore watches two signs of the parent's
    death, each ``PARENT_POLL`` seconds at most, and ends the process with ``os._exit``
    even while the main thread is deep in a long document:

    - the parent's sentinel (``multiprocessing.parent_process()``), a pipe whose other end
      only the parent holds when the worker was spawned or forked by a fork server: it
      ends the moment the parent dies;
    - the worker's parent process id changing, which is what a forked worker sees when
      its parent dies (it is handed to another process); a fork server's workers see it
      too, as the fork server exits when the process that started it dies.

    On Linux, the kernel also kills the worker when its parent dies (``PR_SET_PDEATHSIG``),
    which holds even while a native call keeps the watching thread from running. Linux
    ties that signal to the parent's *thread* that started the worker, so it is asked for
    only when that was the main thread, which lives as long as its process.
    """
    parent = os.getppid()
    if from_main_thread and sys.platform.startswith("linux"):
        with contextlib.suppress(ImportError, OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    origin = multiprocessing.parent_process()
    sentinel = None if origin is None else origin.sentinel
    threading.Thread(target=_watch_parent, args=(parent, sentinel), daemon=True).start()


def _watch_parent(parent: int, sentinel: int | None) -> None:
    """End this process once ``sentinel`` ends or the parent process id is no longer ``parent``."""
    while os.getppid() == parent:
        if sentinel is None:
            time.sleep(PARENT_POLL)
        elif wait([sentinel], PARENT_POLL):
            break
    os._exit(EXIT_ORPHANED)


def _write(
    writer: ChunkWriter,
    parser: Parser,
    task: Task,
    strict: bool,
    finish: Callable[[Outcome], object],
) -> None:
    """Parse ``task`` and add its finished outcome to ``writer`` as soon as it is parsed.

    A record whose source is the text the parent sent goes back as ``wire_parts``: without
    its source (the parent holds the text, and the task's index and id), a third less to
    pickle, send and read for a typical release. Anything else goes pickled whole.
    """
    outcome = parse_task(parser, task, strict)
    release = outcome.release
    if finish is as_is and release is not None and _sent_text(task) == release.source:
        try:
            writer.add(wire_parts(release))
            return
        except (pickle.PicklingError, TypeError, AttributeError, ValueError):
            pass  # an extra (or a value) that does not pickle: said below
    writer.add(_result(outcome, finish))


def _result(outcome: Outcome, finish: Callable[[Outcome], object]) -> bytes:
    """The finished ``outcome`` pickled whole, or a failure saying why it cannot be."""
    try:
        return _packed(finish(outcome))
    except (pickle.PicklingError, TypeError, AttributeError):
        return _packed(finish(_sendable(outcome)))


def _sent_text(task: Task) -> str | None:
    """The text the parent sent for ``task``, if it sent a ``str`` (it holds it too)."""
    return task.payload if isinstance(task.payload, str) else None


def _sent(task: Task) -> _Sent:
    """``task`` as it is sent to a worker (``Task(*sent)`` there)."""
    return (task.index, task.id, task.payload, task.metadata)


def _unpacked(result: ChunkReader | bytes, task: Task) -> Any:
    """The result of ``task``: the next of its chunk's reader, or pickled alone (``_packed``).

    A record sent as ``wire_parts`` gets back the text sent, and the task's index and id.
    """
    if type(result) is bytes:
        return pickle.loads(result)
    loaded = cast(ChunkReader, result).next()
    if type(loaded) is bytes:
        return pickle.loads(loaded)
    release = release_from_wire(loaded, cast(str, task.payload))
    return parsed_outcome(task.index, task.id, release)


def _packed(result: object) -> bytes:
    """One result pickled on its own, right away; the parent unpickles it as it yields it.

    Records held a chunk at a time outlive the garbage collector's young passes, and
    each pass that promotes them brings closer a full pass over everything the process
    holds: in the parent, all the caller's objects. Pickled one by one in the worker
    and unpickled one by one as the caller takes them, records the caller drops die
    young on both sides.
    """
    return pickle.dumps(result, pickle.HIGHEST_PROTOCOL)


def _receive(connection: Connection, inbox: queue.SimpleQueue[list[_Sent] | None]) -> None:
    """Move chunks from the pipe to ``inbox`` until told to stop (``None``); exit if it ends."""
    while True:
        try:
            tasks: list[_Sent] | None = connection.recv()
        except (EOFError, OSError):
            # The parent is gone (or gave up on this worker): nobody will read results.
            os._exit(EXIT_ORPHANED)
        inbox.put(tasks)
        if tasks is None:
            return


def _sendable(outcome: Outcome) -> Outcome:
    """The outcome, or a failure saying why its record cannot be sent to the parent."""
    try:
        pickle.dumps(outcome)
    except Exception as error:
        message = f"the record could not be sent back from the worker process (pickle: {error})"
        return Outcome(outcome.index, outcome.id, error=Failure("UnpicklableRecord", message))
    return outcome


@attrs.define
class _Unit:
    """Tasks sent together; ``retry`` marks a single task sent again after its worker died."""

    tasks: list[Task]
    retry: bool = False


class _Worker:
    """One worker process, its end of the pipe, and the units sent to it, oldest first."""

    def __init__(
        self,
        context: BaseContext,
        parser: Parser,
        strict: bool,
        finish: Callable[[Outcome], object],
    ) -> None:
        ours, theirs = context.Pipe(duplex=True)
        from_main_thread = threading.current_thread() is threading.main_thread()
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, parser, strict, finish, from_main_thread), daemon=True
        )
        self.process.start()
        theirs.close()
        self.connection = ours
        self.units: deque[_Unit] = deque()

    def can_take(self, retry: bool) -> bool:
        """Whether another unit may be sent: a retried input always goes alone."""
        if not self.units:
            return True
        return not retry and not self.units[-1].retry and len(self.units) < UNITS_PER_WORKER

    def send(self, unit: _Unit) -> None:
        self.connection.send([_sent(task) for task in unit.tasks])
        self.units.append(unit)  # only once it is in the pipe

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(EXIT_GRACE)
        self.kill()


class WorkerPool(Generic[T]):
    """Parse tasks in worker processes; yield their finished outcomes in input order.

    ``finish`` runs in the worker on each outcome (``as_is`` keeps it), so work on the
    record (encoding a row, say) is spread over the workers too; it must pickle.
    """

    def __init__(
        self,
        workers: int,
        parser: Parser,
        strict: bool,
        context: BaseContext | None = None,
        finish: Callable[[Outcome], T] = as_is,  # type: ignore[assignment]
    ) -> None:
        self.size = workers
        self.parser = parser
        self.strict = strict
        self.finish = finish
        self.context = context or multiprocessing.get_context()
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        return _Worker(self.context, self.parser, self.strict, self.finish)

    def run(self, tasks: Iterator[Task], chunksize: int) -> Iterator[T]:
        """Yield one result per task, in order; at most a bounded window is in flight."""
        window = self.size * (UNITS_PER_WORKER + CHUNKS_AHEAD_PER_WORKER) * chunksize
        done: dict[int, _Done] = {}  # results not yet unpickled, by input index
        resend: deque[_Unit] = deque()
        next_index = 0  # the next outcome to yield
        drawn = 0  # tasks taken from the input so far
        exhausted = False
        try:
            self.workers = [self._start() for _ in range(self.size)]
            while True:
                while next_index in done:
                    yield _unpacked(*done.pop(next_index))
                    next_index += 1
                for worker in list(self.workers):
                    while worker.can_take(retry=bool(resend) and resend[0].retry):
                        unit: _Unit | None = None
                        if resend:
                            unit = resend.popleft()
                        elif not exhausted and drawn - next_index < window:
                            chunk = list(islice(tasks, chunksize))
                            drawn += len(chunk)
                            exhausted = not chunk
                            unit = _Unit(chunk) if chunk else None
                        if unit is None or not self._send(worker, unit, done, resend):
                            break
                busy = {w.connection: w for w in self.workers if w.units}
                if not busy:
                    if exhausted and not resend:
                        break
                    continue
                for connection in wait(list(busy)):
                    worker = busy[connection]  # type: ignore[index]
                    self._collect(worker, done, resend)
        except BaseException:
            # Interrupted (Ctrl-C) or closed early: nobody will read the rest.
            for worker in self.workers:
                worker.kill()
            raise
        for worker in self.workers:
            worker.finish()
        while next_index in done:  # pragma: no cover - all were yielded in the loop
            yield _unpacked(*done.pop(next_index))
            next_index += 1

    def _send(
        self, worker: _Worker, unit: _Unit, done: dict[int, _Done], resend: deque[_Unit]
    ) -> bool:
        """Send ``unit`` to ``worker``; ``False`` if the worker had died (it is replaced)."""
        try:
            worker.send(unit)
        except OSError:  # it died: BrokenPipeError, ConnectionResetError
            self._died(worker, done, resend, unsent=unit)
            return False
        return True

    def _collect(self, worker: _Worker, done: dict[int, _Done], resend: deque[_Unit]) -> None:
        try:
            data = worker.connection.recv_bytes()
        except (EOFError, OSError):
            self._died(worker, done, resend)
            return
        unit = worker.units.popleft()
        # The worker wrote the unit's results in its order, the order they are yielded in
        # (a unit's tasks follow one another): each is read from the chunk when yielded.
        reader = ChunkReader(data)
        for task in unit.tasks:
            done[task.index] = (reader, task)

    def _died(
        self,
        worker: _Worker,
        done: dict[int, _Done],
        resend: deque[_Unit],
        unsent: _Unit | None = None,
    ) -> None:
        """Replace a dead worker and put its work back in front of the queue.

        Only its oldest unit was being parsed when it died: its inputs are sent again one
        at a time, and a retried input (always alone) that dies again fails. Units behind
        it were never started, and ``unsent`` never arrived: they go again as they were.
        """
        started = list(worker.units)
        self._replace(worker)
        again: list[_Unit] = []
        if started:
            current, *waiting = started
            if current.retry:
                (task,) = current.tasks
                failure = Failure("WorkerDied", WORKER_DIED)
                failed = _packed(self.finish(Outcome(task.index, task.id, error=failure)))
                done[task.index] = (failed, task)
            else:
                again += [_Unit([task], retry=True) for task in current.tasks]
            again += waiting
        if unsent is not None:
            again.append(unsent)
        resend.extendleft(reversed(again))

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = self._start()
