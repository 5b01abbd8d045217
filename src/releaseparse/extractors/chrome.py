"""Site chrome in the header block (``printable banner``, ``Share``): set aside, never a field."""

from __future__ import annotations

from releaseparse.extractors._common import unclaimed_header_lines
from releaseparse.state import ParseState


def chrome(state: ParseState) -> None:
    """Claim every header-block line the vocabulary lists as site chrome."""
    for line in unclaimed_header_lines(state):
        if state.vocabulary.is_chrome(line.text):
            state.claim(line.span, "chrome")
