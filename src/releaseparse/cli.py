"""The ``releaseparse`` command: parse a release file (or stdin, or the bundled example) to JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

EXAMPLE = "state_media_note.txt"

#: Exit codes: 0 parsed; 1 strict parsing found an error defect; 2 usage or input error.
EXIT_OK, EXIT_DEFECTS, EXIT_USAGE = 0, 1, 2


def example_bytes() -> bytes:
    """The example release bundled with the package."""
    return resources.files("releaseparse.examples").joinpath(EXAMPLE).read_bytes()


def _build_parser() -> argparse.ArgumentParser:
    from releaseparse import __version__

    parser = argparse.ArgumentParser(
        prog="releaseparse",
        description="Turn scraped press-release text into typed, structured records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--example",
        action="store_true",
        help="parse the example release bundled with the package and print it as JSON",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse = commands.add_parser("parse", help="parse one release file and print it as JSON")
    parse.add_argument("file", metavar="FILE", help="the scraped release text, or - for stdin")
    for sub in (parser, parse):
        sub.add_argument(
            "--strict",
            action="store_true",
            default=argparse.SUPPRESS,
            help="fail (exit 1) when an error defect is found: no title, no date, a bad date",
        )
        sub.add_argument(
            "--profile",
            default=argparse.SUPPRESS,
            metavar="NAME",
            help="the source profile: state (the default) or whitehouse",
        )
        sub.add_argument(
            "--plugins",
            action="store_true",
            default=argparse.SUPPRESS,
            help="apply every installed plugin (entry-point group releaseparse.plugins)",
        )
        sub.add_argument(
            "--compact",
            action="store_true",
            default=argparse.SUPPRESS,
            help="print the JSON on one line instead of indented",
        )
    return parser


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _dump(data: object, *, compact: bool) -> str:
    # ensure_ascii=False keeps the text readable.
    return json.dumps(data, ensure_ascii=False, indent=None if compact else 2)


def _write(text: str) -> None:
    # Lone surrogates (possible in str input) cannot be encoded: escape them, never fail.
    stream = sys.stdout
    data = (text + "\n").encode(stream.encoding or "utf-8", errors="backslashreplace")
    stream.buffer.write(data)
    stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from releaseparse import Parser, PluginError, ReleaseParseError

    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        chosen = Parser(profile=getattr(args, "profile", "state"))
        if getattr(args, "plugins", False):
            chosen = chosen.with_plugins()
    except (KeyError, PluginError) as error:
        message = error.args[0] if isinstance(error, KeyError) else str(error)
        parser.exit(EXIT_USAGE, f"releaseparse: {message}\n")
    strict = getattr(args, "strict", False)
    compact = getattr(args, "compact", False)
    if args.example:
        data, name = example_bytes(), f"<example {EXAMPLE}>"
    elif args.command == "parse":
        name = "<stdin>" if args.file == "-" else args.file
        try:
            data = _read(args.file)
        except OSError as error:
            reason = error.strerror or error
            parser.exit(EXIT_USAGE, f"releaseparse: cannot read {name}: {reason}\n")
    else:
        parser.print_usage(sys.stderr)
        parser.exit(EXIT_USAGE, "releaseparse: give a command (parse FILE) or --example\n")
    try:
        release = chosen.parse(data, strict=strict)
    except ReleaseParseError as error:
        sys.stderr.write(f"releaseparse: {name}: {error}\n")
        return EXIT_DEFECTS
    _write(_dump(release.to_dict(), compact=compact))
    return EXIT_OK
