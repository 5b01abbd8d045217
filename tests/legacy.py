"""Records as earlier versions pickled them, to check such pickles still load."""

from __future__ import annotations

from collections.abc import Iterable
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


def compact_parts_pickled_before(release: Release) -> tuple[Any, ...]:
    """The parts ``_release_from_compact`` was given by pickles made before the header and
    body were packed: header fields as plain tuples (the date as a ``date``), the turns as
    labels, texts and little-endian offset bytes, origins as a dict.
    """
    header, body = release.header, release.body
    turns = body.turns

    def little_endian(pairs: Iterable[tuple[int, int]]) -> bytes:
        return b"".join(n.to_bytes(8, "little") for pair in pairs for n in pair)

    return (
        (header.title, header.category, header.note_type, header.office),
        tuple((s.name, s.role) for s in header.speakers),
        (header.venue, header.place, header.date, header.time, header.time_zone),
        body.paragraphs,
        (
            tuple(t.label for t in turns),
            tuple(t.text for t in turns),
            little_endian((t.span.start, t.span.end) for t in turns),
        ),
        release.disclaimer,
        release.source,
        tuple(release.spans),
        little_endian((s.start, s.end) for s in release.spans.values()),
        tuple(r.kind for r in release.regions),
        little_endian((r.span.start, r.span.end) for r in release.regions),
        tuple(
            (d.code, d.message, d.severity.value, d.span.start, d.span.end) for d in release.defects
        ),
        dict(release.extras) if release.extras else None,
        tuple((name, level.value) for name, level in release.confidence.items()),
        dict(release.origins),
        release.url,
    )
