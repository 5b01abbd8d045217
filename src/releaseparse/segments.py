"""Several releases in one source: parse each part and give its record offsets into the whole."""

from __future__ import annotations

import attrs

from releaseparse.records import Body, Defect, Region, Release, Span, Turn

#: Region kind for the text of the other releases on the same page.
OTHER_RELEASE = "other_release"


def _moved(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset)


def place_in_source(release: Release, source: str, start: int) -> Release:
    """The record of the part ``source[start:start + len(release.source)]``, re-based on ``source``.

    Spans, regions, defects and turns move by ``start``; the text outside the part
    becomes ``other_release`` regions so that the regions still tile ``source``.
    """
    end = start + len(release.source)
    regions = [Region(r.kind, _moved(r.span, start)) for r in release.regions]
    if start:
        regions.insert(0, Region(OTHER_RELEASE, Span(0, start)))
    if end < len(source):
        regions.append(Region(OTHER_RELEASE, Span(end, len(source))))
    turns = tuple(Turn(t.label, t.text, _moved(t.span, start)) for t in release.body.turns)
    return attrs.evolve(
        release,
        source=source,
        body=Body(release.body.paragraphs, turns),
        spans={name: _moved(span, start) for name, span in release.spans.items()},
        regions=tuple(regions),
        defects=tuple(
            Defect(d.code, d.message, d.severity, _moved(d.span, start)) for d in release.defects
        ),
    )


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
