"""The one exception type that strict parsing raises, and the extractor misuse error."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from releaseparse.records import Defect, Release


def line_and_column(source: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of ``offset`` in ``source`` (CR, LF, CRLF endings)."""
    before = source[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, offset - line_start + 1


class ReleaseParseError(ValueError):
    """Raised by ``strict=True`` parsing when a defect of error severity was found."""

    def __init__(self, defects: tuple[Defect, ...], release: Release) -> None:
        self.defects = defects
        self.release = release
        self.errors = tuple(d for d in defects if d.severity == "error")
        first = self.errors[0] if self.errors else defects[0]
        self.field = first.field
        self.line, self.column = line_and_column(release.source, first.span.start)
        more = f" (and {len(self.errors) - 1} more error(s))" if len(self.errors) > 1 else ""
        super().__init__(
            f"{first.field}: {first.message} at line {self.line}, column {self.column}"
            f" [{first.code}]{more}"
        )

    def __reduce__(self) -> tuple[type[ReleaseParseError], tuple[object, ...]]:
        return (type(self), (self.defects, self.release))


class ExtractorError(RuntimeError):
    """An extractor broke the parse-state contract (field set twice, overlapping claim...)."""
