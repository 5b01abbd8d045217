"""The default profile: U.S. State Department releases, every era and republished copies."""

from __future__ import annotations

from releaseparse import DEFAULT_VOCABULARY, Profile
from releaseparse.toolkit import BUILTIN_EXTRACTORS

PROFILE = Profile(
    name="state",
    vocabulary=DEFAULT_VOCABULARY,
    extractors=BUILTIN_EXTRACTORS,
    description="U.S. State Department releases (2001 site to today) and republished copies",
)
