"""Parser: the named extractor chain the built-ins are registered in."""

from __future__ import annotations

import pytest

import releaseparse
from releaseparse import ExtractorError, Parser, ParseState, Span
from tests.conftest import FIXTURES

SAMPLE = (FIXTURES / "a_trailer_prn.txt").read_bytes()
BUILTINS = (
    "chrome", "flat", "date", "title", "note_type", "office", "speaker", "place", "venue",
    "time", "preamble", "disclaimer", "trailers", "markers", "wire", "body", "confidence",
    "checks",
)  # fmt: skip


def test_default_chain() -> None:
    assert Parser().names == BUILTINS


def test_parser_equals_module_parse() -> None:
    assert Parser().parse(SAMPLE) == releaseparse.parse(SAMPLE)


def test_unknown_name_lists_known_ones() -> None:
    with pytest.raises(KeyError, match="known: chrome, flat, date"):
        Parser().disable("nope")


def test_custom_extractor_sets_extra_with_span() -> None:
    def release_number(state: ParseState) -> None:
        for line in state.lines:
            if line.text.startswith("PRN:"):
                state.set("release_number", line.text[4:].strip(), Span(line.start + 5, line.end))

    parser = Parser()
    parser.add("release_number", release_number, before="trailers")
    assert parser.names.index("release_number") == parser.names.index("trailers") - 1
    release = parser.parse(SAMPLE)
    assert release.extras == {"release_number": "2016/0231"}
    assert release.spans["release_number"].slice(release.source) == "2016/0231"
    assert "release_number" not in releaseparse.parse(SAMPLE).extras


def test_disable_and_enable() -> None:
    parser = Parser()
    parser.disable("date")
    assert parser.parse(SAMPLE).header.date is None
    assert "date.missing" in parser.parse(SAMPLE).codes
    parser.enable("date")
    assert parser.parse(SAMPLE) == releaseparse.parse(SAMPLE)


def test_replace_and_copy_are_independent() -> None:
    parser = Parser()
    other = parser.copy()
    parser.replace("title", lambda state: None)
    assert parser.parse(SAMPLE).header.title is None
    assert other.parse(SAMPLE).header.title is not None
    assert releaseparse.parse(SAMPLE).header.title is not None


def test_add_rejects_duplicates_and_both_anchors() -> None:
    parser = Parser()
    with pytest.raises(ValueError, match="already"):
        parser.add("title", lambda state: None)
    with pytest.raises(TypeError, match="not both"):
        parser.add("x", lambda state: None, before="title", after="date")


def test_setting_a_field_twice_names_the_extractor() -> None:
    parser = Parser()
    parser.add("again", lambda state: state.set("title", "x", Span(0, 1)))
    with pytest.raises(ExtractorError, match=r"extractor 'again'.*already set"):
        parser.parse(SAMPLE)


def test_overlapping_claim_names_the_extractor() -> None:
    parser = Parser()
    parser.add("grabby", lambda state: state.claim(Span(0, len(state.source)), "mine"))
    with pytest.raises(ExtractorError, match=r"extractor 'grabby'.*overlaps"):
        parser.parse(SAMPLE)


def test_span_outside_source_names_the_extractor() -> None:
    parser = Parser()
    parser.add("far", lambda state: state.set("x", 1, Span(0, 10**9)))
    with pytest.raises(ExtractorError, match=r"extractor 'far'.*outside"):
        parser.parse(SAMPLE)


def test_failing_extractor_propagates_with_its_name() -> None:
    def broken(state: ParseState) -> None:
        raise ZeroDivisionError("boom")

    parser = Parser()
    parser.add("broken", broken)
    with pytest.raises(ZeroDivisionError) as caught:
        parser.parse(SAMPLE)
    assert any("'broken'" in note for note in caught.value.__notes__)

    recording = Parser(on_extractor_error="record")
    recording.add("broken", broken, after="title")
    release = recording.parse(SAMPLE)
    assert "extractor.failed" in release.codes
    assert release.header == releaseparse.parse(SAMPLE).header


def test_vocabulary_reaches_builtin_extractors() -> None:
    text = (
        "[Press Releases: A Title](#)\n\nPolicy Brief\nOffice of the Spokesperson\n\n"
        "May 1, 2017\n\nSome body text that reads as a sentence of prose here.\n"
    )
    assert releaseparse.parse(text).header.note_type is None
    vocabulary = releaseparse.DEFAULT_VOCABULARY.extend(note_types=["Policy Brief"])
    assert Parser(vocabulary).parse(text).header.note_type == "Policy Brief"
    with pytest.raises(KeyError, match="unknown vocabulary"):
        releaseparse.DEFAULT_VOCABULARY.extend(colours=["red"])


def test_every_space_character_is_in_the_disclaimer_walks_range() -> None:
    """The disclaimer's patterns list str.isspace and ``regex``'s ``\\s`` up to U+3000 only."""
    import regex

    from releaseparse.extractors.disclaimer import _LAST_SPACE

    assert max(code for code in range(0x110000) if chr(code).isspace()) <= _LAST_SPACE
    space = regex.compile(r"\s")
    assert max(code for code in range(0x110000) if space.match(chr(code))) <= _LAST_SPACE
