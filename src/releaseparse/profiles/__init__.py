"""Source profiles: the vocabulary and extractor chain for one publisher's releases.

``Parser(profile="whitehouse")`` selects one. Built-in profiles are ``state`` (U.S.
State Department releases and their republished copies, the default) and
``whitehouse`` (White House Briefing Room records). Installed packages add more under
the entry-point group ``releaseparse.profiles``; those are loaded only when asked for
by name.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

import attrs

from releaseparse.protocols import Extractor
from releaseparse.vocabulary import Vocabulary

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


def profile_names() -> tuple[str, ...]:
    """The built-in profile names, then those installed packages register (not loaded)."""
    installed = sorted(point.name for point in entry_points(group=PROFILE_GROUP))
    return (*_BUILTIN, *(name for name in installed if name not in _BUILTIN))


def get_profile(name: str) -> Profile:
    """The profile called ``name``; ``KeyError`` listing the known ones if there is none."""
    module = _BUILTIN.get(name)
    if module is not None:
        found: object = importlib.import_module(module).PROFILE
    else:
        points = [point for point in entry_points(group=PROFILE_GROUP) if point.name == name]
        if not points:
            known = ", ".join(profile_names())
            raise KeyError(f"no releaseparse profile named {name!r}; known: {known}")
        found = points[0].load()
    if not isinstance(found, Profile):
        raise TypeError(f"profile {name!r} is a {type(found).__name__}, not a Profile")
    return found


__all__ = ["PROFILE_GROUP", "Profile", "get_profile", "profile_names"]
