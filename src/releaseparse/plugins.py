"""Plugins installed packages register under the entry-point group ``releaseparse.plugins``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from releaseparse.protocols import Plugin

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

#: Entry-point group under which installed packages register plugins.
PLUGIN_GROUP = "releaseparse.plugins"


class PluginError(RuntimeError):
    """An installed plugin could not be loaded or failed while changing a parser."""


def _points() -> dict[str, EntryPoint]:
    # importlib.metadata costs a third of ``import releaseparse``: loaded when plugins are.
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=PLUGIN_GROUP)}


def plugin_names() -> tuple[str, ...]:
    """The names of the installed plugins, sorted (nothing is imported)."""
    return tuple(sorted(_points()))


def load_plugins(names: tuple[str, ...] = ()) -> list[tuple[str, Plugin]]:
    """Load the installed plugins called ``names`` (all of them if none), sorted by name."""
    points = _points()
    unknown = [name for name in names if name not in points]
    if unknown:
        known = ", ".join(sorted(points)) or "(none installed)"
        raise KeyError(f"no releaseparse plugin named {unknown[0]!r}; installed: {known}")
    loaded: list[tuple[str, Plugin]] = []
    for name in sorted(names or points):
        point = points[name]
        try:
            plugin = point.load()
        except Exception as error:
            raise PluginError(f"plugin {name!r} ({point.value}) could not be loaded") from error
        if not callable(plugin):
            raise PluginError(f"plugin {name!r} ({point.value}) is not callable")
        loaded.append((name, plugin))
    return loaded


__all__ = ["PLUGIN_GROUP", "PluginError", "load_plugins", "plugin_names"]
