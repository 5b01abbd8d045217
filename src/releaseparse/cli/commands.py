"""The ``parse``, ``explain`` and ``report`` commands, each returning an exit code."""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TypeVar

from releaseparse.cli.carry import Carrier, kept_columns
from releaseparse.cli.encode import Encoded, encode
from releaseparse.cli.fields import RowFields
from releaseparse.cli.inputs import InputError, Inputs, Sized
from releaseparse.cli.interrupts import Interrupts
from releaseparse.cli.outputs import WRITERS, PageWriter, Writer, choose_format, stdout_text
from releaseparse.cli.progress import ProgressLine, Tally
from releaseparse.limits import read_regular
from releaseparse.parser import Parser
from releaseparse.records import Confidence
from releaseparse.tasks import HtmlSource, Item, Metadata, Unreadable

#: How many failed inputs are named on stderr before the rest are only counted.
FAILURES_SHOWN = 20

#: Exit codes: every input parsed; some failed (or, with --strict, had an error defect);
#: usage or input error; the output could not be written to its end (a full disk);
#: interrupted by Ctrl-C or SIGTERM (128 + SIGINT).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_WRITE_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

_W = TypeVar("_W", bound=Writer)

#: The errors of a disk with no room left: no space, and no quota left.
_FULL = (errno.ENOSPC, errno.EDQUOT)


class UsageError(Exception):
    """A problem with the command line: reported in one line, exit code 2."""


class WriteError(Exception):
    """The output could not be written to its end (a full disk): one line, exit code 3.

    The old output, if any, is left as it was, and no temporary file is left beside it.
    """


def shown(text: object) -> str:
    r"""``text`` safe to print on a terminal: control characters as escape text (``\x1b``).

    Input ids and paths come from the inputs, which may hold terminal escapes; this is
    ``explain``'s escaping (``releaseparse.views.html.visible``), as ASCII escape text.
    """
    from releaseparse.views.html import visible

    return visible(str(text), ascii=True)


def say(message: str) -> None:
    """Write ``releaseparse: message`` to stderr, on one line, escapes made visible."""
    sys.stderr.write(f"releaseparse: {shown(message)}\n")


def open_output(option: str, output: str, make: Callable[[str], _W]) -> _W:
    """``make(output)``, the writer of the output given to ``option``, or a one-line error.

    Where the output cannot be made (no such folder, a read-only one, a folder given as
    the file) it is a usage error (exit 2), as for every command's output; a full disk
    is a ``WriteError`` (exit 3).
    """
    if os.path.isdir(output):
        raise UsageError(f"{option} {output} is a folder; give a file name")
    try:
        return make(output)
    except OSError as error:
        if error.errno in _FULL:
            raise write_failed(output, error) from None
        raise UsageError(f"cannot write {option} {output}: {error.strerror or error}") from None


def write_failed(output: str | None, error: OSError) -> WriteError:
    """The one-line error for ``error`` while writing ``output`` (``None``: stdout).

    For stdout, stdout is silenced too: what is still buffered for it would fail again
    when Python exits, with a message of its own.
    """
    where = output
    if output is None:
        where = "stdout"
        _silence_stdout()
    if error.errno == errno.ENOSPC:
        return WriteError(f"no space left on {where}")
    return WriteError(f"cannot write {where}: {error.strerror or error}")


def _write(writer: Writer, row: object, output: str | None) -> None:
    """Write one row; on a write error, drop the output (the old one stays) and say why."""
    try:
        writer.write(row)
    except BrokenPipeError:
        raise
    except OSError as error:
        writer.discard()
        raise write_failed(output, error) from None


def _commit(writer: Writer, output: str | None) -> None:
    """Finish the output and put it in place; on a write error, drop it and say why."""
    try:
        writer.commit()
    except OSError as error:
        writer.discard()
        raise write_failed(output, error) from None
    except BaseException:
        writer.discard()
        raise


def _write_page(output: str, page: str) -> None:
    """Write an HTML page as outputs are written: whole, or not at all."""
    writer = open_output("--html", output, PageWriter)
    try:
        _write(writer, page, output)
    except BaseException:
        writer.discard()
        raise
    _commit(writer, output)


def _workers(jobs: int) -> int | None:
    if jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per CPU) or a positive number, not {jobs}")
    count = (os.cpu_count() or 1) if jobs == 0 else jobs
    return None if count == 1 else count


#: The output name that stands for stdout.
STDOUT = "-"


def _writer(args: argparse.Namespace, inputs: Sequence[str] | None = None) -> Writer:
    if args.output == STDOUT:
        args.output = None  # ``-o -``: stdout, as ``-`` is stdin for inputs
    try:
        chosen = choose_format(args.output, args.format)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if chosen == "parquet":
        if args.output is None:
            raise UsageError("Parquet output needs a file: add -o OUT.parquet")
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise UsageError(
                "Parquet output needs pyarrow: pip install 'releaseparse[arrow]'"
            ) from None
    make = partial(WRITERS[chosen], inputs=inputs)
    if args.output is None:
        return make(None)
    return open_output("-o", args.output, make)


class _ReaderGone(Exception):
    """The program reading our stdout closed it."""


def _inputs(
    args: argparse.Namespace,
    paths: Sequence[str],
    globs: Sequence[str] = ("*",),
    warn: Callable[[str], None] = say,
) -> Inputs:
    """The inputs the command line names, read as its JSON options say; checked to exist.

    Warnings (a folder skipped as read already) go to ``warn``, unless ``--quiet``.
    """
    row_fields = RowFields(
        title=getattr(args, "title_field", None),
        date=getattr(args, "date_field", None),
        url=getattr(args, "url_field", None),
        keep=tuple(getattr(args, "keep_field", None) or ()),
        keep_all=getattr(args, "keep_fields", False),
    )
    inputs = Inputs(
        paths,
        globs=globs,
        jsonl=args.jsonl,
        stdin_jsonl=args.text_field is not None or row_fields.used,
        text_field=args.text_field or "text",
        id_field=args.id_field,
        row_fields=row_fields,
        html=getattr(args, "html_input", False),
        max_size=max(1, round(args.max_mb * 1e6)),
        warn=None if args.quiet else warn,
    )
    try:
        inputs.check()
    except InputError as error:
        raise UsageError(str(error)) from None
    return inputs


def run_parse(args: argparse.Namespace, parser: Parser) -> int:
    """Parse every input into one output row each; print a summary to stderr."""
    progress: ProgressLine | None = None

    def warn(message: str) -> None:
        if progress is not None:
            progress.clear()
        say(message)

    inputs = _inputs(args, args.paths, globs=tuple(args.glob or ("*",)), warn=warn)
    workers = _workers(args.jobs)
    stream: Iterator[Sized] = iter(inputs)
    carrier: Carrier | None = None
    if inputs.row_fields.keep or inputs.row_fields.keep_all:
        columns, stream = kept_columns(stream, inputs.row_fields, inputs.text_field)
        writer = _writer(args, inputs=columns)
        carrier = Carrier(writer, columns, None if args.quiet else warn)
    else:
        writer = _writer(args)
    minimum = Confidence(args.min_confidence)
    tally = Tally(min_confidence=minimum)
    said: set[str] = set()  # input errors named on stderr already
    progress = ProgressLine(sys.stderr, tally) if _show_progress(args) else None
    if progress is not None:
        threading.Thread(target=_measure, args=(inputs, progress), daemon=True).start()
    sizes: dict[int, int] = {}

    def items() -> Iterator[Item]:
        for index, sized in enumerate(stream):
            sizes[index] = sized.size
            if carrier is not None:
                carrier.hold(index, sized)
            yield sized.item

    from releaseparse.pipeline import prepare_many

    finish = partial(encode, writer.format, min_confidence=minimum)
    try:
        outcomes = prepare_many(items(), finish, workers=workers, strict=args.strict, parser=parser)
    except TypeError as error:  # a plugin's parser that cannot be sent to worker processes
        writer.discard()
        raise UsageError(f"{error} From the command line: --jobs 1.") from None
    interrupted = False
    interrupts = Interrupts().install()
    try:
        for encoded in outcomes:
            row = encoded.row
            if carrier is not None:
                row = carrier.put(encoded.index, encoded.id, row)
            interrupts.hold()  # a row written is a row counted
            try:
                _write(writer, row, args.output)
            except BrokenPipeError:
                raise _ReaderGone from None
            tally.add(encoded.facts, sizes.pop(encoded.index, 0))
            interrupts.release()
            if encoded.error is not None and not args.quiet:
                _tell_failure(encoded, tally.failed, progress, said)
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
        interrupts.restore()
        if progress is not None:
            progress.clear()
    if tally.inputs == 0 and not interrupted:
        writer.discard()
        where = ", ".join(args.paths)
        raise UsageError(f"no inputs found in {where} (files matching {', '.join(inputs.globs)})")
    _commit(writer, args.output)
    if not args.quiet:
        output = None if args.output is None else shown(args.output)
        sys.stderr.write(tally.report(interrupted=interrupted, output=output))
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if tally.failed else EXIT_OK


def _tell_failure(
    encoded: Encoded, failed: int, progress: ProgressLine | None, said: set[str]
) -> None:
    """Name a failed input on stderr: the first ``FAILURES_SHOWN``, each input error once.

    An input error met again word for word (a text field missing from every row of a
    dump: its message names no row) is not said again; the summary counts it.
    """
    if failed > FAILURES_SHOWN or encoded.error is None:
        return
    if encoded.error.startswith("InputError: "):
        if encoded.error in said:
            return
        said.add(encoded.error)
    if progress is not None:
        progress.clear()
    say(f"{encoded.id}: {encoded.error}")
    if failed == FAILURES_SHOWN:
        say("further failures are counted in the summary only")


def _show_progress(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _measure(inputs: Inputs, progress: ProgressLine) -> None:
    progress.total_size = inputs.total_size() or None


def _silence_stdout() -> None:
    """Send what is still buffered for stdout to the null device."""
    try:
        stdout = sys.stdout.fileno()
    except (OSError, ValueError):  # not a file (captured): nothing to silence
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
    os.close(devnull)


def _pick(args: argparse.Namespace) -> tuple[str, str | bytes, bool, Metadata | None]:
    """The one input ``explain`` shows: the first of FILE, or the one with ``--id``.

    With whether it is an HTML page, and the metadata its row gives (``--title-field``
    ...). A file that cannot be read at all (a dump without its text column) is a usage
    error whatever ``--id`` asks for.
    """
    inputs = _inputs(args, [args.file])
    for sized in inputs:
        item = sized.item
        item_id, payload = (item[0], item[1]) if isinstance(item, tuple) else (args.file, item)
        metadata = item[2] if isinstance(item, tuple) and len(item) == 3 else None
        if isinstance(payload, Unreadable) and str(item_id) == args.file:
            raise UsageError(payload.message)
        if args.id is not None and str(item_id) != args.id:
            continue
        if isinstance(payload, Unreadable):
            raise UsageError(payload.message)
        html = isinstance(payload, HtmlSource)
        source = payload.source if isinstance(payload, HtmlSource) else payload
        if isinstance(source, os.PathLike):
            try:
                data = read_regular(source, None)
                assert isinstance(data, bytes)  # no limit: all of it
                return str(item_id), data, html, metadata
            except OSError as error:
                raise UsageError(f"cannot read {item_id}: {error.strerror or error}") from None
        return str(item_id), source, html, metadata
    wanted = f"no input with id {args.id!r}" if args.id is not None else "no input"
    raise UsageError(f"{wanted} in {args.file}")


def run_explain(args: argparse.Namespace, parser: Parser) -> int:
    """Show one release with its regions and fields marked: in the terminal, or as HTML."""
    from releaseparse.views import explain_html, explain_text

    if os.path.isdir(args.file):
        raise UsageError(
            f"explain shows one release and {args.file} is a folder: give one of its files,"
            f" or parse them all (releaseparse parse {args.file} -o results.jsonl)"
        )
    name, data, html, metadata = _pick(args)
    release = parser.parse(data, html=html, metadata=metadata)
    if args.html is not None:
        _write_page(args.html, explain_html(release, name=name))
        if not args.quiet:
            say(f"wrote {args.html}")
        return EXIT_OK
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    write_stdout(explain_text(release, color=color, width=terminal_width()))
    return EXIT_OK


def terminal_width() -> int | None:
    """The terminal's width in columns when stdout is one (``COLUMNS`` wins), else ``None``.

    Piped or redirected, the explain view is not wrapped: its lines are the source's.
    """
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def run_report(args: argparse.Namespace) -> int:
    """Summarise a results file: as a one-page HTML report, or as text on stdout."""
    if args.results != "-" and not os.path.isfile(args.results):
        raise UsageError(f"no such results file: {args.results} (the JSONL that parse wrote)")
    from releaseparse.summary import counted
    from releaseparse.views import read_results, report_html, summarize
    from releaseparse.views.results import other_format

    kind = None if args.results == "-" else other_format(args.results)
    if kind is not None:
        raise UsageError(
            f"{args.results} is {kind}; report reads the JSONL that parse writes"
            " (releaseparse parse ... -o results.jsonl)"
        )

    source = "/dev/stdin" if args.results == "-" else args.results
    try:
        if args.html is None:
            summary = summarize(read_results(source), worst=0)
            head = f"releaseparse: {counted(summary.documents, 'result')} in {args.results}"
            lines = [head, *summary.lines(by_level=True)]
            write_stdout("".join(shown(line) + "\n" for line in lines))
            return EXIT_OK
        page = report_html(read_results(source), name=args.results, worst=args.worst)
    except ValueError as error:
        raise UsageError(str(error)) from None
    _write_page(args.html, page)
    if not args.quiet:
        say(f"wrote {args.html}")
    return EXIT_OK


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout, lone surrogates escaped, and flush.

    A reader that went away (``| head``) stops it quietly; a full disk is a ``WriteError``.
    """
    stream = stdout_text()
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        raise write_failed(None, error) from None
