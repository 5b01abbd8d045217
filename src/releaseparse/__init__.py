"""releaseparse: typed, lossless records from scraped press-release text."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from releaseparse.errors import ExtractorError, ReleaseParseError
from releaseparse.parser import Parser
from releaseparse.plugins import PluginError
from releaseparse.profiles import Profile
from releaseparse.protocols import Extractor, Plugin
from releaseparse.records import (
    Body,
    Confidence,
    Defect,
    Header,
    Region,
    Release,
    Severity,
    Span,
    Speaker,
    Turn,
)
from releaseparse.state import ParseState
from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary

if TYPE_CHECKING:
    from releaseparse.outcome import Failure, Outcome, OutcomeError
    from releaseparse.pipeline import parse_many
    from releaseparse.rows import ROW_COLUMNS, to_arrow, to_pandas

# The pipeline part (process pools, tables) loads on first use: ``import releaseparse``
# stays fast for a script that parses one file.
_LAZY = {
    "Failure": "releaseparse.outcome",
    "Outcome": "releaseparse.outcome",
    "OutcomeError": "releaseparse.outcome",
    "parse_many": "releaseparse.pipeline",
    "ROW_COLUMNS": "releaseparse.rows",
    "to_arrow": "releaseparse.rows",
    "to_pandas": "releaseparse.rows",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'releaseparse' has no attribute {name!r}")


#: The public API is the names in ``__all__`` here and, in each of these modules, the
#: names in its ``__all__`` (docs/extending.md, "What is public"). Everything else is
#: internal and may change in any release; the built-in profiles use nothing else.
PUBLIC_MODULES = (
    "releaseparse.toolkit",
    "releaseparse.testing",
    "releaseparse.profiles",
    "releaseparse.plugins",
    "releaseparse.chromedata",
    "releaseparse.rows",
    "releaseparse.frames",
    "releaseparse.dask",
)

try:
    __version__ = version("releaseparse")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

_default_parser: Parser | None = None


def parse(source: str | bytes, *, strict: bool = False) -> Release:
    """Parse one release from raw scraped text or bytes with the default parser.

    Bad input never raises: the record's ``defects`` say what was missing or
    repaired. With ``strict=True`` a defect of error severity (no title, no date,
    a date that is not a calendar day) raises ``ReleaseParseError``.
    """
    global _default_parser
    if _default_parser is None:
        _default_parser = Parser()
    return _default_parser.parse(source, strict=strict)


def parse_all(source: str | bytes, *, strict: bool = False) -> list[Release]:
    """Parse every release of a page that holds several, in order, with the default parser.

    Spans and regions of each record index into the one source; ``parse`` returns
    only the first and records ``source.more_releases`` when others follow.
    """
    global _default_parser
    if _default_parser is None:
        _default_parser = Parser()
    return _default_parser.parse_all(source, strict=strict)


__all__ = [
    "DEFAULT_VOCABULARY",
    "PUBLIC_MODULES",
    "ROW_COLUMNS",
    "Body",
    "Confidence",
    "Defect",
    "Extractor",
    "ExtractorError",
    "Failure",
    "Header",
    "Outcome",
    "OutcomeError",
    "ParseState",
    "Parser",
    "Plugin",
    "PluginError",
    "Profile",
    "Region",
    "Release",
    "ReleaseParseError",
    "Severity",
    "Span",
    "Speaker",
    "Turn",
    "Vocabulary",
    "__version__",
    "parse",
    "parse_all",
    "parse_many",
    "to_arrow",
    "to_pandas",
]
