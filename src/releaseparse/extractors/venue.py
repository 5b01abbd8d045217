"""The venue line between issuer and place or date (`Olympic Museum`, `Via Teleconference`)."""

from __future__ import annotations

from releaseparse.extractors._common import clean_value, lines_after_issuer, trimmed
from releaseparse.state import ParseState
from releaseparse.text import collapse

#: A venue is a name, not a sentence.
MAX_VENUE_WORDS = 10


def venue(state: ParseState) -> None:
    """Set ``venue`` from the one short unclaimed header line after the issuer lines.

    Runs after ``place`` and ``title``: whatever they left between the issuer and the
    end of the header is the venue when it is a single short line that is not a sentence.
    """
    if not (state.has("speakers") or state.has("office") or state.has("note_type")):
        return
    candidates = lines_after_issuer(state)
    if len(candidates) != 1:
        return
    line = candidates[0]
    text = collapse(line.text)
    if len(text.split()) > MAX_VENUE_WORDS or text.endswith((".", ":", "?", "!")):
        return
    span = trimmed(state.source, line.start, line.end)
    state.claim(line.span, "venue")
    state.set("venue", clean_value(state, span, "venue"), span)
