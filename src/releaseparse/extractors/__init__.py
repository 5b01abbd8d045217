"""The built-in extractors, in the order ``Parser`` registers them."""

from __future__ import annotations

from collections.abc import Callable

from releaseparse.extractors.body import body
from releaseparse.extractors.checks import checks
from releaseparse.extractors.chrome import chrome
from releaseparse.extractors.date import date
from releaseparse.extractors.disclaimer import disclaimer
from releaseparse.extractors.note_type import note_type
from releaseparse.extractors.office import office
from releaseparse.extractors.place import place
from releaseparse.extractors.speaker import speaker
from releaseparse.extractors.title import title
from releaseparse.extractors.trailers import trailers
from releaseparse.extractors.venue import venue
from releaseparse.state import ParseState

#: The default chain. The dateline comes early: it closes the header block, and
#: every other header extractor reads only that block.
BUILTIN_EXTRACTORS: tuple[tuple[str, Callable[[ParseState], None]], ...] = (
    ("chrome", chrome),
    ("date", date),
    ("note_type", note_type),
    ("office", office),
    ("speaker", speaker),
    ("place", place),
    ("title", title),
    ("venue", venue),
    ("disclaimer", disclaimer),
    ("trailers", trailers),
    ("body", body),
    ("checks", checks),
)

__all__ = ["BUILTIN_EXTRACTORS"]
