"""The signatures extension code implements: extractors, plugins and source profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from releaseparse.parser import Parser
    from releaseparse.state import ParseState


class Extractor(Protocol):
    r"""Reads the parse state and records what it finds; returns nothing.

    It may ``claim`` characters as a region, ``set`` fields with their spans, ``get``
    fields earlier extractors set, and record ``defect``\\ s. Any function
    ``def my_extractor(state: ParseState) -> None`` satisfies it.
    """

    def __call__(self, state: ParseState, /) -> None: ...


class Plugin(Protocol):
    """Changes a parser in place: adds, replaces or disables extractors, extends its vocabulary.

    Installed packages register one under the entry-point group ``releaseparse.plugins``;
    ``Parser.with_plugins()`` applies them.
    """

    def __call__(self, parser: Parser, /) -> None: ...
