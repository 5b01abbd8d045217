"""The ``parse``, ``explain`` and ``report`` commands, each returning an exit code."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from types import FrameType

from releaseparse.cli.encode import Encoded, encode
from releaseparse.cli.inputs import InputError, Inputs
from releaseparse.cli.outputs import (
    WRITERS,
    Writer,
    format_for,
    stdout_text,
    write_text_atomically,
)
from releaseparse.cli.progress import ProgressLine, Tally
from releaseparse.parser import Parser
from releaseparse.records import Confidence
from releaseparse.tasks import Item, Unreadable

#: How many failed inputs are named on stderr before the rest are only counted.
FAILURES_SHOWN = 20

#: Exit codes: every input parsed; some failed (or, with --strict, had an error defect);
#: usage or input error; interrupted by Ctrl-C or SIGTERM (128 + SIGINT).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A problem with the command line: reported in one line, exit code 2."""


def _workers(jobs: int) -> int | None:
    if jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per CPU) or a positive number, not {jobs}")
    count = (os.cpu_count() or 1) if jobs == 0 else jobs
    return None if count == 1 else count


def _writer(args: argparse.Namespace) -> Writer:
    chosen = args.format or format_for(args.output)
    if chosen == "parquet":
        if args.output is None:
            raise UsageError("Parquet output needs a file: add -o OUT.parquet")
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise UsageError(
                "Parquet output needs pyarrow: pip install 'releaseparse[arrow]'"
            ) from None
    if args.output is not None and os.path.isdir(args.output):
        raise UsageError(f"-o {args.output} is a folder; give a file name")
    try:
        return WRITERS[chosen](args.output)
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: finish the output with what is done."""


class _ReaderGone(Exception):
    """The program reading our stdout closed it."""


def _on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise _Terminated


def _inputs(
    args: argparse.Namespace, paths: Sequence[str], globs: Sequence[str] = ("*",)
) -> Inputs:
    """The inputs the command line names, read as its JSON options say; checked to exist."""
    inputs = Inputs(
        paths,
        globs=globs,
        jsonl=args.jsonl,
        stdin_jsonl=args.text_field is not None,
        text_field=args.text_field or "text",
        id_field=args.id_field,
    )
    try:
        inputs.check()
    except InputError as error:
        raise UsageError(str(error)) from None
    return inputs


def run_parse(args: argparse.Namespace, parser: Parser) -> int:
    """Parse every input into one output row each; print a summary to stderr."""
    inputs = _inputs(args, args.paths, globs=tuple(args.glob or ("*",)))
    workers = _workers(args.jobs)
    writer = _writer(args)
    minimum = Confidence(args.min_confidence)
    tally = Tally(min_confidence=minimum)
    progress = ProgressLine(sys.stderr, tally) if _show_progress(args) else None
    if progress is not None:
        threading.Thread(target=_measure, args=(inputs, progress), daemon=True).start()
    sizes: dict[int, int] = {}

    def items() -> Iterator[Item]:
        for index, sized in enumerate(inputs):
            sizes[index] = sized.size
            yield sized.item

    from releaseparse.pipeline import prepare_many

    finish = partial(encode, writer.format, min_confidence=minimum)
    try:
        outcomes = prepare_many(items(), finish, workers=workers, strict=args.strict, parser=parser)
    except TypeError as error:  # a plugin's parser that cannot be sent to worker processes
        writer.discard()
        raise UsageError(f"{error} From the command line: --jobs 1.") from None
    interrupted = False
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        for encoded in outcomes:
            try:
                writer.write(encoded.row)
            except BrokenPipeError:
                raise _ReaderGone from None
            tally.add(encoded.facts, sizes.pop(encoded.index, 0))
            if encoded.error is not None and not args.quiet:
                _tell_failure(encoded, tally.failed, progress)
            if progress is not None:
                progress.update()
    except KeyboardInterrupt:
        interrupted = True
    except _ReaderGone:
        # The reader of stdout went away (``| head``): stop quietly.
        _silence_stdout()
        return EXIT_OK
    except BaseException:
        writer.discard()
        raise
    finally:
        getattr(outcomes, "close", lambda: None)()
        signal.signal(signal.SIGTERM, previous)
        if progress is not None:
            progress.clear()
    if tally.inputs == 0 and not interrupted:
        writer.discard()
        where = ", ".join(args.paths)
        raise UsageError(f"no inputs found in {where} (files matching {', '.join(inputs.globs)})")
    writer.commit()
    if not args.quiet:
        sys.stderr.write(tally.report(interrupted=interrupted, output=args.output))
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if tally.failed else EXIT_OK


def _tell_failure(encoded: Encoded, failed: int, progress: ProgressLine | None) -> None:
    if failed > FAILURES_SHOWN:
        return
    if progress is not None:
        progress.clear()
    sys.stderr.write(f"releaseparse: {encoded.id}: {encoded.error}\n")
    if failed == FAILURES_SHOWN:
        sys.stderr.write("releaseparse: further failures are counted in the summary only\n")


def _show_progress(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _measure(inputs: Inputs, progress: ProgressLine) -> None:
    progress.total_size = inputs.total_size() or None


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _pick(args: argparse.Namespace) -> tuple[str, str | bytes]:
    """The one input ``explain`` shows: the first of FILE, or the one with ``--id``."""
    inputs = _inputs(args, [args.file])
    for sized in inputs:
        item = sized.item
        item_id, payload = item if isinstance(item, tuple) else (args.file, item)
        if args.id is not None and str(item_id) != args.id:
            continue
        if isinstance(payload, Unreadable):
            raise UsageError(payload.message)
        if isinstance(payload, os.PathLike):
            try:
                return str(item_id), Path(payload).read_bytes()
            except OSError as error:
                raise UsageError(f"cannot read {item_id}: {error.strerror or error}") from None
        assert isinstance(payload, str | bytes)
        return str(item_id), payload
    wanted = f"no input with id {args.id!r}" if args.id is not None else "no input"
    raise UsageError(f"{wanted} in {args.file}")


def run_explain(args: argparse.Namespace, parser: Parser) -> int:
    """Show one release with its regions and fields marked: in the terminal, or as HTML."""
    from releaseparse.views import explain_html, explain_text

    name, data = _pick(args)
    release = parser.parse(data)
    if args.html is not None:
        write_text_atomically(args.html, explain_html(release, name=name))
        if not args.quiet:
            sys.stderr.write(f"releaseparse: wrote {args.html}\n")
        return EXIT_OK
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    write_stdout(explain_text(release, color=color))
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    """Summarise a results file: as a one-page HTML report, or as text on stdout."""
    if args.results != "-" and not os.path.isfile(args.results):
        raise UsageError(f"no such results file: {args.results} (the JSONL that parse wrote)")
    from releaseparse.views import read_results, report_html, summarize

    source = "/dev/stdin" if args.results == "-" else args.results
    try:
        if args.html is None:
            summary = summarize(read_results(source), worst=0)
            head = f"releaseparse: {summary.documents:,} result(s) in {args.results}"
            write_stdout("\n".join([head, *summary.lines(by_level=True)]) + "\n")
            return EXIT_OK
        page = report_html(read_results(source), name=args.results, worst=args.worst)
    except ValueError as error:
        raise UsageError(str(error)) from None
    write_text_atomically(args.html, page)
    if not args.quiet:
        sys.stderr.write(f"releaseparse: wrote {args.html}\n")
    return EXIT_OK


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout, lone surrogates escaped, and flush."""
    stream = stdout_text()
    stream.write(text)
    stream.flush()
