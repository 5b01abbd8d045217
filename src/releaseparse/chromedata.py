"""The site-chrome and title-decoration vocabulary of ``data/chrome.toml``, loaded once."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

#: The data file, inside the package.
DATA_FILE = "data/chrome.toml"
#: The table of title decorations; every other table is a class of chrome.
DECORATIONS = "title_decorations"


@dataclass(frozen=True)
class ChromeClass:
    """One class of chrome: whole lines (matched case-folded) and whole-line patterns."""

    name: str
    lines: tuple[str, ...]
    patterns: tuple[str, ...]


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = table.get(key, [])
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise TypeError(f"{DATA_FILE}: [{where}] {key} must be a list of strings")
    return tuple(values)


def _load() -> dict[str, Any]:
    try:
        # Read beside this module: importlib.resources (and the pathlib, tempfile and
        # zipfile it imports) would be a tenth of the time a first Parser() takes.
        with open(os.path.join(os.path.dirname(__file__), DATA_FILE), "rb") as data:
            return tomllib.load(data)
    except OSError:  # pragma: no cover - installed in a zip: ask the package's loader
        from importlib import resources

        text = resources.files("releaseparse").joinpath(DATA_FILE).read_text(encoding="utf-8")
        return tomllib.loads(text)


def _classes(data: dict[str, Any]) -> tuple[ChromeClass, ...]:
    found = []
    for name, table in data.items():
        if name == DECORATIONS:
            continue
        if not isinstance(table, dict) or set(table) - {"lines", "patterns"}:
            raise TypeError(f"{DATA_FILE}: [{name}] may hold only lines and patterns")
        found.append(
            ChromeClass(name, _strings(table, "lines", name), _strings(table, "patterns", name))
        )
    return tuple(found)


def _decorations(data: dict[str, Any]) -> dict[str, Any]:
    table = data.get(DECORATIONS, {})
    if not isinstance(table, dict) or set(table) - {"prefixes", "suffixes"}:
        raise TypeError(f"{DATA_FILE}: [{DECORATIONS}] may hold only prefixes and suffixes")
    return table


_DATA = _load()

#: Each class of chrome by name, in the order of the file.
CLASSES: MappingProxyType[str, ChromeClass] = MappingProxyType(
    {chrome.name: chrome for chrome in _classes(_DATA)}
)
#: Every class's whole lines, in the order of the file.
CHROME_LINES: tuple[str, ...] = tuple(line for chrome in CLASSES.values() for line in chrome.lines)
#: Every class's whole-line patterns, in the order of the file.
CHROME_PATTERNS: tuple[str, ...] = tuple(
    pattern for chrome in CLASSES.values() for pattern in chrome.patterns
)
#: Patterns for text cut from the start of a title line (``Fwd: ``, ``[News] ``).
TITLE_PREFIXES: tuple[str, ...] = _strings(_decorations(_DATA), "prefixes", DECORATIONS)
#: Patterns for text cut from the end of a title line (`` | U.S. Department of State``).
TITLE_SUFFIXES: tuple[str, ...] = _strings(_decorations(_DATA), "suffixes", DECORATIONS)


__all__ = [
    "CHROME_LINES",
    "CHROME_PATTERNS",
    "CLASSES",
    "TITLE_PREFIXES",
    "TITLE_SUFFIXES",
    "ChromeClass",
]
