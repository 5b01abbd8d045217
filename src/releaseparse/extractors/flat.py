"""A header flattened onto one line (``Daily Press Briefing Richard Boucher, Spokesman ...``)."""

from __future__ import annotations

from releaseparse.extractors._block import layout
from releaseparse.extractors._common import clean_value, set_text, set_time, trimmed
from releaseparse.extractors._flat import read_flat
from releaseparse.extractors._kinds import Kind
from releaseparse.records import Severity, Span, Speaker
from releaseparse.state import ParseState


def flat(state: ParseState) -> None:
    """Read every field a flattened header line holds, each with its own span."""
    found = layout(state)
    block = found.block
    if block is None:
        return
    index = next((i for i in range(block.start, block.end) if found.kind(i) == Kind.FLAT), None)
    if index is None:
        return
    line = state.lines[index]
    parts = read_flat(state.vocabulary, line.text)
    if parts is None:
        return
    base = line.start
    if parts.note_type is not None and not state.has("note_type"):
        start, end, canonical = parts.note_type
        note_span = Span(base + start, base + end)
        state.claim(note_span, "note_type")
        state.set("note_type", canonical, note_span)
        if block.title is None and canonical.casefold() in state.vocabulary.self_titled_keys:
            # ``Daily Press Briefing Richard Boucher, ...``: the note type is the title.
            state.set("title", clean_value(state, note_span, "title"), note_span)
    if parts.speakers and not state.has("speakers"):
        speakers, spans = [], {}
        for number, (name, role) in enumerate(parts.speakers):
            name_span = trimmed(state.source, base + name[0], base + name[1])
            role_span = (
                None if role is None else trimmed(state.source, base + role[0], base + role[1])
            )
            speakers.append(
                Speaker(
                    clean_value(state, name_span, "speaker"),
                    None if role_span is None else clean_value(state, role_span, "role"),
                )
            )
            spans[f"{number}.name"] = name_span
            if role_span is not None:
                spans[f"{number}.role"] = role_span
        # A role may come before its name (``Secretary Colin L. Powell``): the region
        # runs from the first character of any of them to the last.
        pieces = [piece for pair in parts.speakers for piece in pair if piece is not None]
        whole = Span(base + min(start for start, _ in pieces), base + max(end for _, end in pieces))
        state.claim(whole, "speaker")
        state.set("speakers", tuple(speakers), whole, parts=spans)
    for field, offsets in (("venue", parts.venue), ("place", parts.place)):
        if offsets is not None and not state.has(field):
            set_text(state, field, Span(base + offsets[0], base + offsets[1]), kind=field)
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
