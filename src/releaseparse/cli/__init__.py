"""The ``releaseparse`` command: parse files, folders and dumps; explain one; report on many."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from importlib import resources

from releaseparse.cli.commands import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WRITE_FAILED,
    UsageError,
    WriteError,
    run_explain,
    run_parse,
    run_report,
    say,
    terminal_width,
    write_stdout,
)
from releaseparse.cli.inputs import InputError
from releaseparse.cli.outputs import FORMATS
from releaseparse.cli.suggest import SuggestingParser
from releaseparse.limits import DEFAULT_MAX_LINES, DEFAULT_MAX_SIZE
from releaseparse.parser import Parser
from releaseparse.profiles import Profile, get_profile
from releaseparse.records import Confidence

EXAMPLE = "state_media_note.txt"

#: Kept for scripts written against 0.1: strict failure was exit code 1.
EXIT_DEFECTS = EXIT_FAILED

__all__ = [
    "EXAMPLE",
    "EXIT_DEFECTS",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WRITE_FAILED",
    "example_bytes",
    "main",
]

EPILOG = """\
exit codes: 0 every input parsed; 1 some inputs failed (with --strict: or had an error
defect); 2 usage error (bad option, missing path, no inputs, an output that cannot be
created); 3 the output could not be written to its end (no space left on the disk), the old
output kept; 130 interrupted (Ctrl-C or SIGTERM), after writing the rows of the inputs
finished before it.
"""


def example_bytes() -> bytes:
    """The example release bundled with the package."""
    return resources.files("releaseparse.examples").joinpath(EXAMPLE).read_bytes()


def _add_parser_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--profile",
        default="state",
        metavar="NAME",
        help="the source profile: state (the default), whitehouse, an installed one, or"
        " MODULE:ATTRIBUTE naming a Profile (the module found in the current folder or on"
        " PYTHONPATH)",
    )
    command.add_argument(
        "--plugins",
        action="store_true",
        help="apply every installed plugin (entry-point group releaseparse.plugins)",
    )
    command.add_argument(
        "--max-mb",
        type=_megabytes,
        default=DEFAULT_MAX_SIZE / 1e6,
        metavar="MB",
        help="inputs over this many million characters or bytes are not parsed (they get a"
        " source.too_large error; files that large are not even read); default %(default)g",
    )
    command.add_argument(
        "--max-lines",
        type=int,
        default=DEFAULT_MAX_LINES,
        metavar="N",
        help="inputs of more lines are not parsed either (memory grows with lines);"
        " default %(default)s",
    )


def _count(text: str) -> int:
    """A whole number, 0 or more (``--worst``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text!r}")
    return value


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text!r}")
    return value


def _add_json_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--jsonl",
        action="store_true",
        help="read every input, stdin too, as JSONL (.jsonl and .ndjson files always are)",
    )
    command.add_argument(
        "--text-field",
        metavar="F",
        help="the JSON field or CSV/Parquet column holding the text (default: text; given,"
        " stdin is read as JSONL)",
    )
    command.add_argument(
        "--id-field",
        default="id",
        metavar="F",
        help="the JSON field or column holding the id (default: id; else FILE:LINE, FILE:ROW"
        " or FILE[N])",
    )
    command.add_argument(
        "--html-input",
        action="store_true",
        help="every input is an HTML page (a row's text too), rendered to text before it is"
        " parsed (.html and .htm files always are; needs pip install 'releaseparse[html]')",
    )


def _add_metadata_options(command: argparse.ArgumentParser) -> None:
    _add_metadata_fields(command)
    _add_keep_options(command)


def _add_metadata_fields(command: argparse.ArgumentParser) -> None:
    for name, what in (
        ("title", "the title"),
        ("date", "the date (ISO 8601, or written with the month's name)"),
        ("url", "the release's address"),
    ):
        command.add_argument(
            f"--{name}-field",
            metavar="F",
            help=f"the row field holding {what}: filled in where the text has none"
            + ("" if name == "url" else f", a {name}.metadata_differs warning where it differs"),
        )


def _add_keep_options(command: argparse.ArgumentParser) -> None:
    keep = command.add_mutually_exclusive_group()
    keep.add_argument(
        "--keep-field",
        action="append",
        metavar="F",
        help="carry this row field into the output row unchanged (repeatable): under"
        ' "input" in JSONL and JSON, as a column input.F in CSV and Parquet',
    )
    keep.add_argument(
        "--keep-fields",
        action="store_true",
        help="carry every row field but the text into the output rows (CSV and Parquet:"
        " the first row's fields)",
    )


def _build_parser() -> argparse.ArgumentParser:
    from releaseparse import __version__

    parser = SuggestingParser(
        prog="releaseparse",
        description="Turn scraped press-release text into typed, structured records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--example",
        action="store_true",
        help="parse the example release bundled with the package and show what was read:"
        " each field with where it came from, then the source with its regions",
    )
    parser.add_argument(
        "--json", action="store_true", help="with --example: print the record as JSON instead"
    )
    parser.add_argument(
        "--compact", action="store_true", help="with --example: print the JSON on one line"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse files, folders, stdin or JSONL dumps into one row per input",
        description=(
            "Parse every input into one output row: a record, or the input's id and the error "
            "that stopped it. Folders are read recursively; .jsonl and .ndjson files hold one "
            "release per line, .json files one object or an array of them, each with its text "
            "in a field (--text-field)."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for stdin")
    parse.add_argument("-o", "--output", metavar="OUT", help="write here (default, or -: stdout)")
    parse.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from OUT's suffix, else jsonl)",
    )
    parse.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1: in this process; 0: one per CPU)",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="an input with an error defect (no title, no date, a bad date) fails",
    )
    parse.add_argument(
        "--min-confidence",
        choices=[level.value for level in Confidence],
        default=Confidence.UNSURE.value,
        help="leave out of the rows each header value rated less sure than this (default"
        " unsure: keep every value); values no extractor rated are kept",
    )
    parse.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="in folders, read only files whose name matches (repeatable; default: all "
        "files not starting with a dot)",
    )
    _add_json_options(parse)
    _add_metadata_options(parse)
    parse.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    _add_parser_options(parse)

    explain = commands.add_parser(
        "explain",
        help="show one release with each region and field marked, and the field table",
        description="Show why fields came out as they did: the text with regions and fields "
        "marked, the field table, and the defects.",
    )
    explain.add_argument(
        "file",
        metavar="FILE",
        help="a release file, or - for stdin; from a JSON or JSONL file, the first record",
    )
    explain.add_argument("--id", metavar="ID", help="from a JSON or JSONL file, this record")
    _add_json_options(explain)
    _add_metadata_fields(explain)
    explain.add_argument("--html", metavar="OUT", help="write a self-contained HTML page instead")
    explain.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colours in the terminal (auto: when stdout is one and NO_COLOR is unset)",
    )
    explain.add_argument("-q", "--quiet", action="store_true", help="no message on stderr")
    _add_parser_options(explain)

    report = commands.add_parser(
        "report",
        help="summarise a results file: coverage, defects, months, note types, worst examples",
        description="Summarise the JSONL that parse wrote: as text, or as a one-page HTML report.",
    )
    report.add_argument("results", metavar="RESULTS", help="the JSONL from parse, or - for stdin")
    report.add_argument("--html", metavar="OUT", help="write the HTML report here")
    report.add_argument(
        "--worst",
        type=_count,
        default=20,
        metavar="N",
        help="groups of worst inputs to show, inputs with the same defects in one"
        " (default 20; 0: none)",
    )
    report.add_argument("-q", "--quiet", action="store_true", help="no message on stderr")
    return parser


_NEXT_STEPS = """
That was the example release bundled with releaseparse. Next:
  releaseparse --example --json            the same record as JSON
  releaseparse explain FILE                one of your files, shown like this
  releaseparse parse FOLDER -o out.jsonl   many files, one JSON row each
  releaseparse --help                      everything else
"""


def _example(args: argparse.Namespace) -> int:
    from releaseparse import parse

    release = parse(example_bytes())
    if args.json or args.compact:
        text = json.dumps(release.to_dict(), ensure_ascii=False, indent=None if args.compact else 2)
        write_stdout(text + "\n")
        return EXIT_OK
    from releaseparse.views import explain_text

    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    write_stdout(explain_text(release, color=color, width=terminal_width()) + _NEXT_STEPS)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.example:
            return _example(args)
        if args.command is None:
            parser.print_usage(sys.stderr)
            raise UsageError("give a command (parse, explain, report) or --example")
        if args.command == "report":
            return run_report(args)
        chosen = _chosen_parser(args)
        if args.command == "parse":
            return run_parse(args, chosen)
        return run_explain(args, chosen)
    except (UsageError, InputError) as error:  # InputError: an extra missing, found late
        say(str(error))
        return EXIT_USAGE
    except WriteError as error:
        say(str(error))
        return EXIT_WRITE_FAILED


def _chosen_parser(args: argparse.Namespace) -> Parser:
    from releaseparse import PluginError

    try:
        chosen = Parser(
            profile=_profile(args.profile),
            max_size=max(1, round(args.max_mb * 1e6)),
            max_lines=args.max_lines,
        )
        return chosen.with_plugins() if args.plugins else chosen
    except (KeyError, PluginError, ValueError) as error:
        raise UsageError(error.args[0] if isinstance(error, KeyError) else str(error)) from None


def _profile(name: str) -> Profile:
    """The profile ``--profile`` names; ``MODULE:ATTRIBUTE`` is imported as ``python -m`` would.

    The current folder is put on the module path first (as ``python -m`` does, and where
    the worker processes will find the module too).
    """
    if ":" in name and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        return get_profile(name)
    except KeyError as error:
        raise UsageError(error.args[0]) from None
    except TypeError as error:
        raise UsageError(str(error)) from None
