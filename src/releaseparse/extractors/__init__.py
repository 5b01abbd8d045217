"""The built-in extractors, in the order ``Parser`` registers them."""

from __future__ import annotations

from collections.abc import Callable

from releaseparse.extractors.body import body
from releaseparse.extractors.checks import checks
from releaseparse.extractors.chrome import chrome
from releaseparse.extractors.confidence import confidence
from releaseparse.extractors.date import date
from releaseparse.extractors.disclaimer import disclaimer
from releaseparse.extractors.flat import flat
from releaseparse.extractors.markers import markers
from releaseparse.extractors.note_type import note_type
from releaseparse.extractors.office import office
from releaseparse.extractors.place import place
from releaseparse.extractors.preamble import preamble
from releaseparse.extractors.speaker import speaker
from releaseparse.extractors.time import time
from releaseparse.extractors.title import title
from releaseparse.extractors.trailers import trailers
from releaseparse.extractors.venue import venue
from releaseparse.extractors.wire import wire
from releaseparse.state import ParseState

#: The default chain. Every header extractor reads the header block that the
#: layout finder located (its anchor is the dateline or the issuer lines); a
#: flattened header line is read first so the line-based extractors skip its fields.
BUILTIN_EXTRACTORS: tuple[tuple[str, Callable[[ParseState], None]], ...] = (
    ("chrome", chrome),
    ("flat", flat),
    ("date", date),
    ("title", title),
    ("note_type", note_type),
    ("office", office),
    ("speaker", speaker),
    ("place", place),
    ("venue", venue),
    ("time", time),
    ("preamble", preamble),
    ("disclaimer", disclaimer),
    ("trailers", trailers),
    ("markers", markers),
    ("wire", wire),
    ("body", body),
    ("confidence", confidence),
    ("checks", checks),
)

__all__ = ["BUILTIN_EXTRACTORS"]
