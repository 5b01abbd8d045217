"""Source profiles: the vocabulary and extractor chain for one publisher's releases.

``Parser(profile="whitehouse")`` selects one. Built-in profiles are ``state`` (U.S.
State Department releases and their republished copies, the default) and
``whitehouse`` (White House Briefing Room records). Installed packages add more under
the entry-point group ``releaseparse.profiles``; those are loaded only when asked for
by name. A profile that is not installed is given as the object itself
(``Parser(profile=PROFILE)``) or as ``"module:attribute"`` (``"justice:PROFILE"``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from releaseparse.guard import mark_reviewed
from releaseparse.protocols import Extractor
from releaseparse.vocabulary import Vocabulary

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

#: Entry-point group under which installed packages register profiles.
PROFILE_GROUP = "releaseparse.profiles"

_BUILTIN = {
    "state": "releaseparse.profiles.state",
    "whitehouse": "releaseparse.profiles.whitehouse",
}


@attrs.frozen
class Profile:
    """A named source: its default vocabulary and its extractor chain, in order."""

    name: str
    vocabulary: Vocabulary
    extractors: tuple[tuple[str, Extractor], ...]
    description: str = ""


def _installed() -> Iterator[EntryPoint]:
    """The profiles installed packages register (``importlib.metadata`` loaded only now)."""
    from importlib.metadata import entry_points

    return iter(entry_points(group=PROFILE_GROUP))


def profile_names() -> tuple[str, ...]:
    """The built-in profile names, then those installed packages register (not loaded)."""
    installed = sorted(point.name for point in _installed())
    return (*_BUILTIN, *(name for name in installed if name not in _BUILTIN))


#: Vocabulary fields that hold patterns (the others hold words and lines).
_PATTERN_FIELDS = (
    "chrome_patterns",
    "marker_patterns",
    "caption_patterns",
    "anonymous_speakers",
    "trailer_patterns",
    "title_prefixes",
    "title_suffixes",
)


def get_profile(name: str) -> Profile:
    """The profile called ``name``, or the one at ``"module:attribute"``.

    ``KeyError`` lists the known names when there is no such profile, or says which of
    the module and the attribute is missing; ``TypeError`` when what was found is no
    ``Profile``. An error raised while the module itself runs propagates.
    """
    if not isinstance(name, str):
        raise TypeError(f"a profile is a name or a Profile, not {type(name).__name__} {name!r}")
    module = _BUILTIN.get(name)
    if module is not None:
        found: object = importlib.import_module(module).PROFILE
        if isinstance(found, Profile):
            # Our own profiles' patterns are reviewed like the default vocabulary's
            # (tests/test_patterns.py): they run without the time limit.
            vocabulary = found.vocabulary
            mark_reviewed(
                pattern for field in _PATTERN_FIELDS for pattern in getattr(vocabulary, field)
            )
    elif ":" in name:
        found = _attribute(name)
    else:
        points = [point for point in _installed() if point.name == name]
        if not points:
            known = ", ".join(profile_names())
            raise KeyError(
                f"no releaseparse profile named {name!r}; known: {known}"
                " (or give one as module:attribute)"
            )
        found = points[0].load()
    if not isinstance(found, Profile):
        raise TypeError(f"profile {name!r} is a {type(found).__name__}, not a Profile")
    return found


def _attribute(reference: str) -> object:
    """What ``"module:attribute"`` names (the attribute may be dotted: ``mod:Class.PROFILE``)."""
    module_name, _, attribute = reference.partition(":")
    if not module_name or module_name.startswith(".") or not attribute:
        raise KeyError(f"profile {reference!r}: give it as module:attribute (justice:PROFILE)")
    try:
        found: object = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name is None or not _is_parent(error.name, module_name):
            raise  # the module is there, but something it imports is not
        raise KeyError(
            f"profile {reference!r}: no module named {error.name!r} (is its folder the"
            " current folder or on PYTHONPATH?)"
        ) from None
    for part in attribute.split("."):
        if not hasattr(found, part):
            raise KeyError(f"profile {reference!r}: {module_name!r} has no attribute {attribute!r}")
        found = getattr(found, part)
    return found


def _is_parent(name: str, module: str) -> bool:
    """Whether module ``name`` is ``module`` or a package it lies in."""
    return module == name or module.startswith(name + ".")


__all__ = ["PROFILE_GROUP", "Profile", "get_profile", "profile_names"]
