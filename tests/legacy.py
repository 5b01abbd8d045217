"""Records as earlier versions pickled them, to check such pickles still load."""

from __future__ import annotations

from typing import Any

from releaseparse.records import Release


def parts_pickled_before(release: Release) -> tuple[Any, ...]:
    """The parts ``_release_from_parts`` was given by pickles of 0.1 records.

    Spans, regions and defects as tuples of plain values; confidence, origins and url
    last (the oldest pickles stop before them).
    """
    header, body = release.header, release.body
    return (
        (header.title, header.category, header.note_type),
        header.office,
        tuple((s.name, s.role) for s in header.speakers),
        (header.venue, header.place, header.date, header.time, header.time_zone),
        body.paragraphs,
        tuple((t.label, t.text, t.span.start, t.span.end) for t in body.turns),
        release.disclaimer,
        release.source,
        tuple((key, span.start, span.end) for key, span in release.spans.items()),
        tuple((r.kind, r.span.start, r.span.end) for r in release.regions),
        tuple(
            (d.code, d.message, d.severity.value, d.span.start, d.span.end) for d in release.defects
        ),
        dict(release.extras),
        tuple((name, level.value) for name, level in release.confidence.items()),
        tuple(release.origins.items()),
        release.url,
    )
