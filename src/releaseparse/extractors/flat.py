"""A header flattened onto one line (``Daily Press Briefing Richard Boucher, Spokesman ...``)."""

from __future__ import annotations

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import (
    block_lines,
    clean_value,
    set_text_at,
    set_time,
    speakers_of,
    trimmed,
)
from releaseparse.extractors._flat import FlatHeader, read_flat
from releaseparse.extractors._glued import GluedHeader, read_glued
from releaseparse.extractors._kinds import KIND_FLAT, KIND_NOTE_TYPE
from releaseparse.records import Severity, Span
from releaseparse.state import ParseState


def flat(state: ParseState) -> None:
    """Read every field a flattened header line holds, each with its own span."""
    block = layout(state).block
    flats = block_lines(state, KIND_FLAT)
    if block is None or not flats:
        return  # no flattened or glued line (most releases)
    glued: list[tuple[int, GluedHeader]] = []
    read_one = False
    for index in flats:
        text = state.lines[index].text
        flat_parts = None if read_one else read_flat(state.vocabulary, text)
        if flat_parts is not None:
            _read_flat(state, index, flat_parts, titled=block.title is not None)
            read_one = True
            continue
        parts = read_glued(state.vocabulary, text)
        if parts is not None:
            glued.append((state.lines[index].start, parts))
    if glued:
        # A note-type line of the block's own comes first (``Special Briefing`` above
        # ``Background Briefing by Two Senior Administration Officials``).
        own_note = bool(block_lines(state, KIND_NOTE_TYPE))
        _read_glued(state, glued, note_type=not own_note)


def _read_glued(
    state: ParseState, lines: list[tuple[int, GluedHeader]], *, note_type: bool
) -> None:
    """Read glued header lines; speakers over several lines make one list, in order.

    On each line the people read make one ``speaker`` region (``RICHARD BOUCHER,
    SPOKESMAN``); a word between the note type and them (``BY``) is ``header``.
    """
    source = state.source
    speakers: list[tuple[Span, Span | None]] = []
    regions: list[Span] = []
    for base, parts in lines:
        pieces: list[Span] = []
        for name, role in parts.speakers:
            name_span = trimmed(source, base + name[0], base + name[1])
            role_span = None if role is None else trimmed(source, base + role[0], base + role[1])
            speakers.append((name_span, role_span))
            pieces += [name_span] if role_span is None else [name_span, role_span]
        if parts.role is not None and speakers and speakers[-1][1] is None:
            # ``Hillary Rodham Clinton`` / ``Secretary of State Washington, DC``.
            lone_role = trimmed(source, base + parts.role[0], base + parts.role[1])
            speakers[-1] = (speakers[-1][0], lone_role)
            pieces.append(lone_role)
        if pieces:
            regions.append(Span(min(p.start for p in pieces), max(p.end for p in pieces)))
        if parts.note_type is not None and note_type and not state.has("note_type"):
            start, end, canonical = parts.note_type
            note_span = Span(base + start, base + end)
            state.claim(note_span, "note_type")
            state.set("note_type", canonical, note_span)
            if pieces:
                between = trimmed(source, note_span.end, min(p.start for p in pieces))
                if between:
                    state.claim(between, "header")
        for field, offsets in (
            ("venue", parts.venue),
            ("place", parts.place),
            ("office", parts.office),
        ):
            if offsets is not None and not state.has(field):
                set_text_at(state, field, base + offsets[0], base + offsets[1], kind=field)
    if not speakers or state.has("speakers"):
        return
    values, spans = speakers_of(state, speakers)
    for region in regions:
        state.claim(region, "speaker")
    whole = Span(regions[0].start, regions[-1].end)
    state.set("speakers", values, whole, parts=spans)


def _read_flat(state: ParseState, index: int, parts: FlatHeader, *, titled: bool) -> None:
    """Set the fields of the flattened header line ``index``, read as ``parts``."""
    base = state.lines[index].start
    if parts.note_type is not None and not state.has("note_type"):
        start, end, canonical = parts.note_type
        note_span = Span(base + start, base + end)
        state.claim(note_span, "note_type")
        state.set("note_type", canonical, note_span)
        if not titled and canonical.casefold() in state.vocabulary.self_titled_keys:
            # ``Daily Press Briefing Richard Boucher, ...``: the note type is the title.
            state.set("title", clean_value(state, note_span, "title"), note_span)
    if parts.speakers and not state.has("speakers"):
        read = [
            (
                trimmed(state.source, base + name[0], base + name[1]),
                None if role is None else trimmed(state.source, base + role[0], base + role[1]),
            )
            for name, role in parts.speakers
        ]
        speakers, spans = speakers_of(state, read)
        # A role may come before its name (``Secretary Colin L. Powell``): the region
        # runs from the first character of any of them to the last.
        pieces = [piece for pair in parts.speakers for piece in pair if piece is not None]
        whole = Span(base + min(start for start, _ in pieces), base + max(end for _, end in pieces))
        state.claim(whole, "speaker")
        state.set("speakers", tuple(speakers), whole, parts=spans)
    for field, offsets in (("venue", parts.venue), ("place", parts.place)):
        if offsets is not None and not state.has(field):
            set_text_at(state, field, base + offsets[0], base + offsets[1], kind=field)
    if parts.time is not None and not state.has("time"):
        start, end, clock = parts.time
        span = Span(base + start, base + end)
        state.claim(span, "time")
        set_time(state, clock.value, clock.zone, span)
    start, end, reading = parts.date
    span = Span(base + start, base + end)
    if not state.has("date"):
        state.claim(span, "date")
        state.set("date", reading.value, span)
        if reading.problem is not None:
            state.defect("date.invalid", reading.problem, span, Severity.ERROR)
