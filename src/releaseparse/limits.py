"""The largest input a parser reads, how files are read within it, and the record past it."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from releaseparse.records import Body, Defect, Header, Region, Release, Severity, Span

#: The default limit: inputs of more characters (or bytes) than this are not parsed.
DEFAULT_MAX_SIZE = 50_000_000
#: The default limit on lines. Memory grows with lines more than with characters (each
#: line is an object, and a short one may become a region of its own): a million lines
#: of one character each take about 800 MB to parse.
DEFAULT_MAX_LINES = 1_000_000


def count_lines(text: str) -> int:
    r"""How many lines ``text`` holds (``\r\n``, ``\r`` and ``\n`` end one), fast."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    return breaks + (not text.endswith(("\n", "\r")) and bool(text))


#: The region kind of input that was kept but not parsed.
UNPARSED = "unparsed"


def too_large(
    size: int,
    limit: int,
    *,
    text: str = "",
    unit: str = "characters",
    setting: str = "Parser(max_size=...), the CLI's --max-mb",
) -> Release:
    """The record of an input of ``size`` characters or bytes, past ``limit``: not parsed.

    ``text`` is kept as the source (one ``unparsed`` region) when the input was text;
    bytes past the limit are neither decoded nor kept, so the source is empty and the
    defect says how many there were.
    """
    message = (
        f"the input has {size:,} {unit}, more than this parser's limit of {limit:,}"
        f" ({setting}); it was not parsed"
    )
    end = len(text)
    return Release(
        header=Header(),
        body=Body(),
        disclaimer=None,
        source=text,
        regions=(Region(UNPARSED, Span(0, end)),) if end else (),
        defects=(Defect("source.too_large", message, Severity.ERROR, Span(0, end)),),
    )


class NotARegularFileError(OSError):
    """A path naming no regular file (a named pipe, a device, a socket): it is not read.

    Such a file has no size to check against a limit (``/dev/zero`` never ends), and a
    named pipe no one writes to would be waited on for ever. Standard input (the command
    line's ``-``) is read as a stream instead.
    """


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """The regular file at ``path``, open to read bytes; ``NotARegularFileError`` otherwise.

    It is opened without waiting (a named pipe with no writer is refused at once, not
    waited on) and judged by what was opened, not by a name looked up before.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            message = f"not a regular file ({kind}); give a file, or - for standard input"
            raise NotARegularFileError(errno.EINVAL, message, os.fspath(path))
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


#: Bytes read at a time once a file turns out larger than its status said.
_CHUNK = 1 << 20


def read_regular(path: str | os.PathLike[str], limit: int | None) -> bytes | int:
    """The bytes of the regular file at ``path``: all of them, or ``limit + 1`` at most.

    A file whose status gives more than ``limit`` bytes is not read: its size is
    returned instead. A file holding more than its status said (one that grew, a
    ``/proc`` file that says 0) is read no further than ``limit + 1`` bytes, enough to
    tell it is past the limit. ``NotARegularFileError`` for what is no regular file.
    """
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if limit is None:
            return stream.read()
        if size > limit:
            return size
        parts: list[bytes] = []
        left = limit + 1
        wanted = size + 1  # one byte past what the status says, to see the end
        while left > 0 and (part := stream.read(min(left, wanted))):
            parts.append(part)
            left -= len(part)
            wanted = _CHUNK
        return b"".join(parts)
