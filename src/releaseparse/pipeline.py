"""``parse_many``: parse a stream of inputs in order, in-process or in worker processes."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.context import BaseContext
from typing import TypeVar

from releaseparse.outcome import Outcome
from releaseparse.parser import Parser
from releaseparse.tasks import Item, Unreadable, as_html, make_task, parse_task
from releaseparse.workers import WorkerPool, as_is

__all__ = ["Item", "Unreadable", "parse_many", "prepare_many"]

T = TypeVar("T")

#: Inputs sent to a worker at a time. Each chunk costs the parent and the worker a fixed
#: share (pipe reads and writes, wake-ups): 32 rather than 16 saved about 2 µs of CPU a
#: record in each, for a first result after about 8 ms (4 before) and twice the inputs in flight
#: (``workers.py``: 256 with two workers).
DEFAULT_CHUNKSIZE = 32


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
    chunksize: int = DEFAULT_CHUNKSIZE,
    strict: bool = False,
    parser: Parser | None = None,
    mp_context: BaseContext | None = None,
    html: bool = False,
) -> Iterator[Outcome]:
    """Parse many inputs; yield one ``Outcome`` per item, in input order, as they are done.

    Items are ``str`` or ``bytes`` (the text), paths (``pathlib.Path`` or any
    ``os.PathLike``, read as bytes), ``(id, text)`` pairs whose text is any of those,
    or ``(id, text, metadata)`` triples whose metadata (a mapping of ``title``, ``date``,
    ``url``, or ``None``) is given to ``Parser.parse`` (it must pickle, with workers).
    Items are taken from ``items`` lazily and only a bounded number are in flight, so
    memory stays flat however many there are.

    ``workers=None`` parses in this process; ``workers=N`` uses N worker processes
    (``mp_context`` picks how they start; the platform default otherwise), each sent
    ``chunksize`` items at a time. ``parser`` (default: ``Parser()``) is used in every
    worker, custom extractors included, so it must pickle. An input that fails (an
    unreadable path, ``strict=True`` with an error defect, an extractor that raised,
    a worker that died twice on it) gets an outcome with its ``error``; the others go on.

    ``html=True``: every text (or file) is an HTML page, rendered to text where it is
    parsed, in the workers (as ``Parser.parse(..., html=True)``; needs the ``html`` extra).
    """
    return prepare_many(
        map(as_html, items) if html else items,
        as_is,
        workers=workers,
        chunksize=chunksize,
        strict=strict,
        parser=parser,
        mp_context=mp_context,
    )


def prepare_many(
    items: Iterable[Item],
    finish: Callable[[Outcome], T],
    *,
    workers: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    strict: bool = False,
    parser: Parser | None = None,
    mp_context: BaseContext | None = None,
) -> Iterator[T]:
    """``parse_many``, with ``finish`` applied to each outcome where it was parsed.

    With workers, ``finish`` runs in them (it must pickle: a module-level function or a
    ``functools.partial`` of one), so turning records into rows is spread over the
    workers instead of weighing on this process.
    """
    if workers is not None and (isinstance(workers, bool) or workers < 1):
        raise ValueError(f"workers must be None (in-process) or a positive number, not {workers!r}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be a positive number, not {chunksize!r}")
    chosen = Parser() if parser is None else parser
    tasks = (make_task(index, item) for index, item in enumerate(items))
    if workers is None:
        return (finish(parse_task(chosen, task, strict)) for task in tasks)
    _check_picklable(chosen)
    return WorkerPool(workers, chosen, strict, mp_context, finish).run(tasks, chunksize)
