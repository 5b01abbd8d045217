"""Several releases in one source: parse each part and give its record offsets into the whole."""

from __future__ import annotations

from releaseparse.records import Defect, Release, Span, rebased

#: Region kind for the text of the other releases on the same page.
OTHER_RELEASE = "other_release"


def place_in_source(release: Release, source: str, start: int) -> Release:
    """The record of the part ``source[start:start + len(release.source)]``, re-based on ``source``.

    Spans, regions, defects and turns move by ``start``; the text outside the part
    becomes ``other_release`` regions so that the regions still tile ``source``.
    """
    return rebased(release, source, start, OTHER_RELEASE)


def defects_within(
    defects: tuple[Defect, ...], start: int, end: int, *, last: bool
) -> tuple[Defect, ...]:
    """The defects that start in ``[start, end)`` (``end`` too for the last part), re-based."""
    return tuple(
        Defect(
            d.code, d.message, d.severity, Span(d.span.start - start, min(d.span.end, end) - start)
        )
        for d in defects
        if start <= d.span.start < end or (last and d.span.start == end)
    )
