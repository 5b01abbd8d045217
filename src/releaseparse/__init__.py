"""releaseparse: typed, lossless records from scraped press-release text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from releaseparse.errors import ExtractorError, ReleaseParseError
from releaseparse.plugins import PluginError
from releaseparse.protocols import Extractor, Plugin

if TYPE_CHECKING:
    __version__: str
    from releaseparse.html_input import render_html
    from releaseparse.outcome import Failure, Outcome, OutcomeError
    from releaseparse.parser import Parser
    from releaseparse.pipeline import parse_many
    from releaseparse.profiles import Profile
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
    from releaseparse.rows import ROW_COLUMNS, to_arrow, to_pandas
    from releaseparse.state import ParseState
    from releaseparse.vocabulary import DEFAULT_VOCABULARY, Vocabulary

# Each name below loads with its module on first use, and the version (importlib.metadata)
# when asked for: ``import releaseparse`` takes a few milliseconds, not the 100 ms of attrs,
# regex, the vocabulary and the extractors' patterns (benchmarks/bench.py measures it). The
# first ``parse`` pays for the parser; the pipeline (process pools, tables) loads only for
# ``parse_many`` and the rows.
_RECORD_NAMES = "Body Confidence Defect Header Region Release Severity Span Speaker Turn"
_LAZY = {
    **dict.fromkeys(_RECORD_NAMES.split(), "releaseparse.records"),
    "Parser": "releaseparse.parser",
    "Profile": "releaseparse.profiles",
    "ParseState": "releaseparse.state",
    "Vocabulary": "releaseparse.vocabulary",
    "DEFAULT_VOCABULARY": "releaseparse.vocabulary",
    "render_html": "releaseparse.html_input",
    "Failure": "releaseparse.outcome",
    "Outcome": "releaseparse.outcome",
    "OutcomeError": "releaseparse.outcome",
    "parse_many": "releaseparse.pipeline",
    "ROW_COLUMNS": "releaseparse.rows",
    "to_arrow": "releaseparse.rows",
    "to_pandas": "releaseparse.rows",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'releaseparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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


def _version() -> str:
    """The installed version (``importlib.metadata``, slow to import, loads only now)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("releaseparse")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


_default_parser: Parser | None = None


def parse(
    source: str | bytes,
    *,
    metadata: Mapping[str, object] | None = None,
    strict: bool = False,
    html: bool = False,
) -> Release:
    """Parse one release from raw scraped text or bytes with the default parser.

    Bad input never raises: the record's ``defects`` say what was missing or
    repaired. With ``strict=True`` a defect of error severity (no title, no date,
    a date that is not a calendar day) raises ``ReleaseParseError``. ``metadata``
    (``title``, ``date``, ``url``) fills what the text lacks: see ``Parser.parse``.
    ``html=True``: the source is an HTML page, rendered to text first (the ``html``
    extra; see ``render_html``).
    """
    global _default_parser
    if _default_parser is None:
        from releaseparse.parser import Parser

        _default_parser = Parser()
    return _default_parser.parse(source, metadata=metadata, strict=strict, html=html)


def parse_all(source: str | bytes, *, strict: bool = False, html: bool = False) -> list[Release]:
    """Parse every release of a page that holds several, in order, with the default parser.

    Spans and regions of each record index into the one source; ``parse`` returns
    only the first and records ``source.more_releases`` when others follow. It takes
    no ``metadata`` (that describes one release, not a page of several). ``html=True``:
    the source is an HTML page, rendered to text first.
    """
    global _default_parser
    if _default_parser is None:
        from releaseparse.parser import Parser

        _default_parser = Parser()
    return _default_parser.parse_all(source, strict=strict, html=html)


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
    "render_html",
    "to_arrow",
    "to_pandas",
]
