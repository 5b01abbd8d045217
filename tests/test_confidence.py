"""Per-field confidence: levels, ``ParseState.rate``, ``Release.confidence`` and its way out.

Two parsers are used. ``keyed_parser`` has no built-in extractor: each line of its inputs
is ``name=value`` or ``name=value|level`` and sets (and rates) that header field, so every
level is known exactly whatever the built-in chain rates. ``rated_parser`` is the built-in
chain with ``rate_fixed`` at its end, which rates three fields last (a later rating wins).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pickle
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import releaseparse
from releaseparse import (
    Confidence,
    ExtractorError,
    Parser,
    ParseState,
    Release,
    Span,
    Speaker,
)
from releaseparse import cli as cli_module
from releaseparse.cli import main
from releaseparse.extractors._block import Block, layout
from releaseparse.outcome import Outcome
from releaseparse.pipeline import parse_many
from releaseparse.records import _release_from_parts
from releaseparse.rows import withheld_fields, withhold
from releaseparse.schema import release_schema
from releaseparse.summary import summarize
from releaseparse.testing import check_extractor, check_record, run_extractor
from releaseparse.views import explain_html, explain_text, read_results, report_html
from tests.conftest import FIXTURES
from tests.legacy import parts_pickled_before
from tests.plain_confidence import _Evidence

SURE, LIKELY, UNSURE = Confidence.SURE, Confidence.LIKELY, Confidence.UNSURE
SAMPLE = (FIXTURES / "a_speaker.txt").read_bytes()

# -- module-level extractors (worker processes import them) --------------------------------


def keyed_fields(state: ParseState) -> None:
    """Each line ``name=value[|level]`` sets header field ``name``, rated if a level is given."""
    for line in state.lines:
        if "=" not in line.text:
            continue
        name, rest = line.text.split("=", 1)
        raw, _, level = rest.partition("|")
        start = line.start + len(name) + 1
        span = Span(start, start + len(raw))
        value: object = raw
        if name == "speakers":
            value = tuple(Speaker(part) for part in raw.split(";"))
        elif name == "date":
            value = dt.date.fromisoformat(raw)
        state.claim(Span(line.start, line.end), name)
        state.set(name, value, span)
        if level:
            state.rate(name, Confidence(level))


def keyed_parser() -> Parser:
    parser = Parser(builtins=False)
    parser.add("keyed", keyed_fields)
    return parser


def rate_fixed(state: ParseState) -> None:
    """Rate title sure, date likely and speakers unsure, when they are set."""
    for name, level in (("title", SURE), ("date", LIKELY), ("speakers", UNSURE)):
        if state.has(name):
            state.rate(name, level)


def rated_parser() -> Parser:
    parser = Parser()
    parser.add("rate_fixed", rate_fixed)
    return parser


def count_words(state: ParseState) -> None:
    """Set the ``words`` extra and never rate it."""
    state.set("words", len(state.source.split()), Span(0, len(state.source)))


#: One input of the keyed parser: title sure, office likely, place unsure, speakers unsure,
#: date likely, venue not rated.
KEYED = (
    "title=Harbor Grants Announced|sure\n"
    "office=Office of the Spokesperson|likely\n"
    "place=Valletta, Malta|unsure\n"
    "speakers=Jane Doe;John Roe|unsure\n"
    "date=2017-11-16|likely\n"
    "venue=Treaty Room\n"
)
KEYED_LEVELS = {
    "title": SURE,
    "office": LIKELY,
    "place": UNSURE,
    "speakers": UNSURE,
    "date": LIKELY,
}
#: A second input: everything sure but the title, which is unsure.
KEYED_2 = "title=Second Note|unsure\nplace=Geneva|sure\ndate=2018-01-02|sure\n"

# -- the levels -------------------------------------------------------------------------------


def test_levels_are_strings_ordered_by_rank() -> None:
    assert [level.value for level in Confidence] == ["unsure", "likely", "sure"]
    assert [level.rank for level in (UNSURE, LIKELY, SURE)] == [0, 1, 2]
    assert SURE == "sure"
    assert Confidence("likely") is LIKELY
    # Compared as strings, "sure" < "unsure": the reason for rank and at_least.
    assert SURE < UNSURE
    assert SURE.rank > UNSURE.rank


@pytest.mark.parametrize(
    ("level", "other", "expected"),
    [
        (UNSURE, UNSURE, True),
        (UNSURE, LIKELY, False),
        (UNSURE, SURE, False),
        (LIKELY, UNSURE, True),
        (LIKELY, LIKELY, True),
        (LIKELY, SURE, False),
        (SURE, UNSURE, True),
        (SURE, LIKELY, True),
        (SURE, SURE, True),
        (LIKELY, "sure", False),
        (SURE, "likely", True),
    ],
)
def test_at_least(level: Confidence, other: Confidence | str, expected: bool) -> None:
    assert level.at_least(other) is expected


def test_at_least_refuses_what_is_no_level() -> None:
    with pytest.raises(ValueError, match="certain"):
        SURE.at_least("certain")


def test_confidence_is_exported() -> None:
    assert "Confidence" in releaseparse.__all__
    assert releaseparse.Confidence is Confidence


# -- rating in the parse state ------------------------------------------------------------


def test_ratings_reach_the_record_exactly() -> None:
    release = keyed_parser().parse(KEYED)
    assert dict(release.confidence) == KEYED_LEVELS
    assert all(type(level) is Confidence for level in release.confidence.values())
    assert release.header.venue == "Treaty Room"
    assert "venue" not in release.confidence  # set, never rated: absent
    check_record(release)


def test_a_record_with_no_ratings_has_an_empty_mapping() -> None:
    release = keyed_parser().parse("title=Plain\n")
    assert release.header.title == "Plain"
    assert dict(release.confidence) == {}
    assert dict(Release(releaseparse.Header(), releaseparse.Body(), None, "").confidence) == {}


def test_the_built_in_chain_with_a_rating_extractor() -> None:
    release = rated_parser().parse(SAMPLE)
    assert release.header.title is not None
    assert release.header.speakers
    # rate_fixed runs last, so its levels win over any the chain gave before.
    assert release.confidence["title"] is SURE
    assert release.confidence["date"] is LIKELY
    assert release.confidence["speakers"] is UNSURE
    check_record(release)


def test_a_field_set_but_not_rated_is_absent() -> None:
    parser = rated_parser()
    parser.add("words", count_words)
    release = parser.parse(SAMPLE)
    assert release.extras["words"] == len(release.source.split())
    assert "words" not in release.confidence


def test_an_extra_can_be_rated_too() -> None:
    def rate_words(state: ParseState) -> None:
        state.rate("words", LIKELY)

    parser = keyed_parser()
    parser.add("words", count_words)
    parser.add("rate_words", rate_words)
    release = parser.parse(KEYED)
    assert release.confidence["words"] is LIKELY
    assert Release.from_dict(json.loads(json.dumps(release.to_dict()))) == release


def test_rating_again_overwrites() -> None:
    def lower_title(state: ParseState) -> None:
        assert state.rating("title") is SURE
        state.rate("title", UNSURE)

    parser = keyed_parser()
    parser.add("lower", lower_title)
    release = parser.parse(KEYED)
    assert release.confidence["title"] is UNSURE
    assert release.confidence["office"] is LIKELY  # the others are untouched


def test_ratings_and_rating_read_back() -> None:
    state = ParseState("Title\n")
    state.extractor = "tester"
    assert state.rating("title") is None
    assert dict(state.ratings()) == {}
    state.set("title", "Title", Span(0, 5))
    state.rate("title", LIKELY)
    assert state.rating("title") is LIKELY
    assert dict(state.ratings()) == {"title": LIKELY}
    state.ratings()["title"] = SURE  # type: ignore[index]  # a copy: the state keeps its own
    assert state.rating("title") is LIKELY


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        (lambda state: state.rate("date", SURE), r"rate\('date'\) of a field that is not set"),
        (lambda state: state.rate("title", "sure"), r"rate\('title'\) needs a Confidence, got str"),
        (
            lambda state: state.rate("title", None),
            r"rate\('title'\) needs a Confidence, got NoneType None",
        ),
        (lambda state: state.rate("title", 2), r"rate\('title'\) needs a Confidence, got int 2"),
    ],
)
def test_misuse_raises_extractor_error_naming_the_extractor(rate: Any, message: str) -> None:
    def misuse(state: ParseState) -> None:
        rate(state)

    parser = keyed_parser()
    parser.add("misuse", misuse)
    with pytest.raises(ExtractorError, match=r"^extractor 'misuse': " + message):
        parser.parse("title=Only a title\n")


def test_misuse_under_record_is_an_extractor_failed_defect() -> None:
    def misuse(state: ParseState) -> None:
        state.rate("place", UNSURE)

    parser = Parser(builtins=False, on_extractor_error="record")
    parser.add("keyed", keyed_fields)
    parser.add("misuse", misuse)
    release = parser.parse("title=Only a title|sure\n")
    assert "extractor.failed" in release.codes
    assert dict(release.confidence) == {"title": SURE}


def test_check_extractor_checks_the_level() -> None:
    def check(level: Confidence) -> None:
        check_extractor(
            rate_fixed,
            SAMPLE,
            parser=rated_parser(),
            name="again",
            field="date",
            value=dt.date(2017, 10, 16),
            confidence=level,
        )

    check(LIKELY)
    with pytest.raises(AssertionError, match="field 'date' is rated 'likely', expected 'sure'"):
        check(SURE)
    words = run_extractor(count_words, SAMPLE).extras["words"]
    with pytest.raises(AssertionError, match="field 'words' is not rated, expected 'sure'"):
        check_extractor(count_words, SAMPLE, field="words", value=words, confidence=SURE)


def test_check_record_refuses_a_rating_of_a_field_no_one_set() -> None:
    release = attrs.evolve(keyed_parser().parse(KEYED), confidence={"disclaimer": SURE})
    with pytest.raises(AssertionError, match="'disclaimer' is rated but has no span"):
        check_record(release)


# -- the record: converter, equality, serialisation, pickling -----------------------------


def test_the_converter_reads_texts_and_refuses_anything_else() -> None:
    release = keyed_parser().parse(KEYED)
    again = attrs.evolve(
        release, confidence={name: level.value for name, level in KEYED_LEVELS.items()}
    )
    assert again == release
    assert all(type(level) is Confidence for level in again.confidence.values())
    with pytest.raises(ValueError, match="'certain'"):
        attrs.evolve(release, confidence={"title": "certain"})


def test_equality_depends_on_confidence() -> None:
    one = keyed_parser().parse(KEYED)
    two = keyed_parser().parse(KEYED)
    assert one == two
    lowered = attrs.evolve(one, confidence={**one.confidence, "title": UNSURE})
    assert lowered != one
    assert attrs.evolve(one, confidence={}) != one
    assert attrs.evolve(lowered, confidence=one.confidence) == one


def test_records_stay_unhashable_and_levels_are_hashable() -> None:
    # Records were never hashable (their mappings are not); levels are, as dict keys.
    with pytest.raises(TypeError):
        hash(keyed_parser().parse(KEYED))
    by_level: dict[str, int] = {SURE: 1}
    assert by_level["sure"] == 1
    assert hash(SURE) == hash("sure")


def test_to_dict_holds_the_levels_as_texts_and_round_trips_through_json() -> None:
    release = keyed_parser().parse(KEYED)
    data = release.to_dict()
    assert data["confidence"] == {name: level.value for name, level in KEYED_LEVELS.items()}
    again = Release.from_dict(json.loads(json.dumps(data)))
    assert again == release
    assert dict(again.confidence) == KEYED_LEVELS
    assert all(type(level) is Confidence for level in again.confidence.values())


def test_from_dict_reads_records_written_before_confidence() -> None:
    data = keyed_parser().parse(KEYED).to_dict()
    del data["confidence"]
    assert dict(Release.from_dict(data).confidence) == {}


def test_from_dict_refuses_an_unknown_level() -> None:
    data = keyed_parser().parse(KEYED).to_dict()
    data["confidence"]["title"] = "certain"
    with pytest.raises(ValueError, match="'certain'"):
        Release.from_dict(data)


def test_the_schema_holds_confidence() -> None:
    schema = release_schema()
    validator = jsonschema.Draft202012Validator(schema)
    data = keyed_parser().parse(KEYED).to_dict()
    assert list(validator.iter_errors(data)) == []
    assert "confidence" in schema["required"]
    assert schema["$defs"]["Confidence"]["enum"] == ["unsure", "likely", "sure"]
    data["confidence"]["title"] = "certain"
    assert any("'certain'" in error.message for error in validator.iter_errors(data))


def test_pickle_keeps_the_levels() -> None:
    for release in (keyed_parser().parse(KEYED), rated_parser().parse(SAMPLE)):
        again = pickle.loads(pickle.dumps(release))
        assert again == release
        assert dict(again.confidence) == dict(release.confidence)
        assert all(type(level) is Confidence for level in again.confidence.values())


def test_records_pickled_before_confidence_still_load() -> None:
    parts = parts_pickled_before(keyed_parser().parse(KEYED))
    old = _release_from_parts(*parts[:-3])  # the parts before confidence, origins and url
    assert dict(old.confidence) == {}
    assert dict(old.origins) == {}
    new = keyed_parser().parse(KEYED)
    assert attrs.evolve(old, confidence=KEYED_LEVELS, origins=new.origins) == new


def test_parse_many_with_workers_keeps_the_levels() -> None:
    items = [KEYED, KEYED_2, KEYED] * 3
    alone = list(parse_many(items, parser=keyed_parser()))
    pooled = list(parse_many(items, parser=keyed_parser(), workers=2, chunksize=2))
    assert pooled == alone
    assert [dict(o.unwrap().confidence) for o in pooled][:2] == [
        KEYED_LEVELS,
        {"title": UNSURE, "place": SURE, "date": SURE},
    ]
    built_in = list(parse_many([SAMPLE, SAMPLE], parser=rated_parser(), workers=2))
    assert all(o.unwrap().confidence["speakers"] is UNSURE for o in built_in)


def test_each_release_of_a_page_keeps_its_own_levels() -> None:
    from tests.test_layouts import BLOG_PAGE

    first, second = rated_parser().parse_all(BLOG_PAGE)
    assert first.header.title != second.header.title
    for release in (first, second):
        assert release.confidence["title"] is SURE
        assert release.confidence["date"] is LIKELY
    for release in (first, second):
        check_record(release)


# -- leaving values out: rows.withhold ------------------------------------------------------


def test_withheld_fields_by_threshold() -> None:
    release = keyed_parser().parse(KEYED)
    assert withheld_fields(release, UNSURE) == ()
    assert withheld_fields(release, LIKELY) == ("speakers", "place")
    assert withheld_fields(release, SURE) == ("office", "speakers", "place", "date")


def test_withhold_blanks_only_those_values_and_keeps_the_rest() -> None:
    release = keyed_parser().parse(KEYED)
    assert withhold(release, UNSURE) is release
    shown = withhold(release, SURE)
    assert attrs.asdict(shown.header, recurse=False) == {
        **attrs.asdict(release.header, recurse=False),
        "office": None,
        "speakers": (),
        "place": None,
        "date": None,
    }
    assert shown.header.title == "Harbor Grants Announced"
    assert shown.header.venue == "Treaty Room"  # not rated: kept
    assert (shown.spans, shown.regions, shown.defects) == (
        release.spans,
        release.regions,
        release.defects,
    )
    assert shown.confidence == release.confidence
    assert release.header.place == "Valletta, Malta"  # the record itself is unchanged


def test_withhold_leaves_body_and_extras_whatever_their_level() -> None:
    def doubt_everything(state: ParseState) -> None:
        for name in ("body", "words"):
            if state.has(name):
                state.rate(name, UNSURE)

    parser = Parser()
    parser.add("words", count_words)
    parser.add("doubt", doubt_everything)
    release = parser.parse(SAMPLE)
    assert release.confidence["body"] is UNSURE
    shown = withhold(release, SURE)
    assert shown.body == release.body
    assert shown.extras == release.extras


# -- the command line -----------------------------------------------------------------------


@pytest.fixture
def keyed_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The CLI with the keyed parser; a folder with the two keyed inputs."""
    monkeypatch.setattr(cli_module, "_chosen_parser", lambda args: keyed_parser())
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(KEYED)
    (folder / "b.txt").write_text(KEYED_2)
    return folder


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line)["release"] for line in path.read_text().splitlines()]


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text())))


HEADER_COLUMNS = ("title", "office", "speakers", "venue", "place", "date")
ALL_KEPT = [
    {
        "title": "Harbor Grants Announced",
        "office": "Office of the Spokesperson",
        "speakers": "Jane Doe; John Roe",
        "venue": "Treaty Room",
        "place": "Valletta, Malta",
        "date": "2017-11-16",
    },
    {
        "title": "Second Note",
        "office": "",
        "speakers": "",
        "venue": "",
        "place": "Geneva",
        "date": "2018-01-02",
    },
]


def _blank(row: dict[str, str], *names: str) -> dict[str, str]:
    return {**row, **dict.fromkeys(names, "")}


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (None, ALL_KEPT),
        ("unsure", ALL_KEPT),
        ("likely", [_blank(ALL_KEPT[0], "speakers", "place"), _blank(ALL_KEPT[1], "title")]),
        (
            "sure",
            [
                _blank(ALL_KEPT[0], "office", "speakers", "place", "date"),
                _blank(ALL_KEPT[1], "title"),
            ],
        ),
    ],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_min_confidence_blanks_exactly_the_values_below_it(
    keyed_cli: Path, tmp_path: Path, level: str | None, expected: list[dict[str, str]], jobs: str
) -> None:
    option = [] if level is None else ["--min-confidence", level]
    jsonl, table = tmp_path / "out.jsonl", tmp_path / "out.csv"
    assert main(["parse", str(keyed_cli), "-o", str(jsonl), "-q", "-j", jobs, *option]) == 0
    assert main(["parse", str(keyed_cli), "-o", str(table), "-q", "-j", jobs, *option]) == 0

    rows = _csv(table)
    assert [{name: row[name] for name in HEADER_COLUMNS} for row in rows] == expected

    records = _jsonl(jsonl)
    for record, want in zip(records, expected, strict=True):
        header = record["header"]
        speakers = "; ".join(s["name"] for s in header["speakers"])
        got = {name: header[name] or "" for name in HEADER_COLUMNS if name != "speakers"}
        assert {**got, "speakers": speakers} == want
    # The record is written as it is otherwise: levels, spans and regions all there.
    assert records[0]["confidence"] == {k: v.value for k, v in KEYED_LEVELS.items()}
    assert records[1]["confidence"] == {"title": "unsure", "place": "sure", "date": "sure"}
    assert set(records[0]["spans"]) >= {"title", "office", "speakers", "place", "date", "venue"}
    assert Release.from_dict(records[0]).spans == keyed_parser().parse(KEYED).spans


def test_parquet_rows_are_blanked_too(keyed_cli: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    out = tmp_path / "out.parquet"
    assert main(["parse", str(keyed_cli), "-o", str(out), "-q", "--min-confidence", "likely"]) == 0
    table = pq.read_table(out).to_pylist()
    assert [(r["title"], r["place"], r["speakers"]) for r in table] == [
        ("Harbor Grants Announced", None, None),
        (None, "Geneva", None),
    ]
    assert table[0]["date"] == dt.date(2017, 11, 16)


def test_the_summary_counts_unsure_and_left_out_values(
    keyed_cli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(keyed_cli), "-o", str(out)]) == 0
    plain = capsys.readouterr().err
    assert "  uncertain     title 1, speakers 1, place 1  (values rated unsure)\n" in plain
    assert "left out" not in plain

    assert main(["parse", str(keyed_cli), "-o", str(out), "--min-confidence", "sure"]) == 0
    summary = capsys.readouterr().err
    assert "  uncertain     title 1, speakers 1, place 1  (values rated unsure)\n" in summary
    assert (
        "  left out      title 1, office 1, speakers 1, place 1, date 1"
        "  (values rated below sure)\n"
    ) in summary
    # Coverage counts the values as written: 1 title of 2, no office, no speakers.
    for share in ("title 50%", "office 0%", "speakers 0%"):
        assert share in summary


def test_no_confidence_lines_when_nothing_is_rated(
    keyed_cli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (keyed_cli / "a.txt").write_text("title=A\n")
    (keyed_cli / "b.txt").write_text("title=B\n")
    assert main(["parse", str(keyed_cli), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "uncertain" not in capsys.readouterr().err
    likely = ["--min-confidence", "likely"]
    assert main(["parse", str(keyed_cli), "-o", str(tmp_path / "o.jsonl"), *likely]) == 0
    assert "  left out      none (no value rows held was rated below likely)\n" in (
        capsys.readouterr().err
    )


def test_min_confidence_refuses_other_levels(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["parse", str(FIXTURES / "a_speaker.txt"), "--min-confidence", "certain"])
    assert stopped.value.code == 2
    assert "invalid choice: 'certain'" in capsys.readouterr().err


# -- report and explain -----------------------------------------------------------------------


def _outcomes() -> list[Outcome]:
    parser = keyed_parser()
    return [
        Outcome(i, str(i), release=parser.parse(text))
        for i, text in enumerate([KEYED, KEYED_2, KEYED])
    ]


def test_summary_counts_levels_per_field() -> None:
    summary = summarize(_outcomes())
    assert summary.rated_fields == ("title", "office", "speakers", "place", "date")
    assert [summary.rated("title", level) for level in (SURE, LIKELY, UNSURE)] == [2, 0, 1]
    assert [summary.rated("place", level) for level in (SURE, LIKELY, UNSURE)] == [1, 0, 2]
    assert summary.rated("venue", SURE) == 0


def test_report_text_shows_a_table_of_levels(
    keyed_cli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(keyed_cli), "-o", str(out), "-q"]) == 0
    assert main(["report", str(out)]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    head = lines.index(next(line for line in lines if line.startswith("  confidence")))
    assert lines[head].split() == ["confidence", "sure", "likely", "unsure"]
    table = {line.split()[0]: line.split()[1:] for line in lines[head + 1 : head + 6]}
    assert table == {
        "title": ["1", "0", "1"],
        "office": ["0", "1", "0"],
        "speakers": ["0", "0", "1"],
        "place": ["1", "0", "1"],
        "date": ["1", "1", "0"],
    }


def test_report_html_has_a_confidence_panel(tmp_path: Path) -> None:
    page = report_html(_outcomes(), name="results")
    panel = page.split('data-chart="confidence"', 1)[1].split("</section>", 1)[0]
    title = panel.split('<tr data-field="title">', 1)[1].split("</tr>", 1)[0]
    assert '<td data-level="sure">2</td>' in title
    assert '<td data-level="likely">0</td>' in title
    assert '<td data-level="unsure">1</td>' in title
    assert '<tr data-field="venue">' not in panel


def test_report_html_says_when_nothing_is_rated(tmp_path: Path) -> None:
    results = tmp_path / "old.jsonl"
    row = Outcome(0, "a", release=releaseparse.parse(SAMPLE)).to_json()
    del row["release"]["confidence"]  # written before records carried confidence
    results.write_text(json.dumps(row) + "\n")
    page = report_html(read_results(results), name="old")
    panel = page.split('data-chart="confidence"', 1)[1].split("</section>", 1)[0]
    assert "No value is rated" in panel


def test_explain_text_shows_each_level_beside_its_value() -> None:
    text = explain_text(keyed_parser().parse(KEYED), color=False)
    table = text.split("\nSource\n")[0]
    rows = {line.split()[0]: line for line in table.splitlines()[1:] if line.strip()}
    assert rows["title"].split()[2:] == ["sure", "Harbor", "Grants", "Announced"]
    assert rows["place"].split()[2:] == ["unsure", "Valletta,", "Malta"]
    assert rows["date"].split()[2:] == ["likely", "2017-11-16"]
    # No span of its own (the keyed extractor gives no parts): no position, one level.
    assert rows["speakers.0.name"].split()[1:] == ["unsure", "Jane", "Doe"]
    assert rows["venue"].split()[2:] == ["Treaty", "Room"]  # not rated: no level
    # The level column lines values up: each value starts at the same column.
    starts = {rows[key].index(value) for key, value in (("title", "Harbor"), ("venue", "Treaty"))}
    assert len(starts) == 1


def test_explain_text_without_ratings_has_no_level_column() -> None:
    text = explain_text(keyed_parser().parse("title=Plain\n"), color=False)
    assert "sure" not in text
    assert "likely" not in text


def test_explain_html_shows_each_level() -> None:
    page = explain_html(keyed_parser().parse(KEYED), name="keyed")
    assert '<td class="conf conf-unsure" title="confidence: unsure">unsure</td>' in page
    title_row = page.split("title</th>", 1)[1].split("</tr>", 1)[0]
    assert '<td class="conf conf-sure" title="confidence: sure">sure</td>' in title_row
    venue_row = page.split("venue</th>", 1)[1].split("</tr>", 1)[0]
    assert '<td class="conf"></td>' in venue_row


@pytest.mark.parametrize(
    "source",
    [
        "Title\n\nPRESS STATEMENT\nJanuary 5, 2017\n\nThe body opens here.\n",
        "Title\r\nPRESS STATEMENT\r\nJanuary 5, 2017",  # no terminator after the last line
        "Title\rPRESS STATEMENT\r\rJanuary 5, 2017\r",  # lone carriage returns
        "\n\nPRESS STATEMENT\n",
    ],
)
def test_the_offsets_of_lines_agree_with_the_line_an_offset_is_on(source: str) -> None:
    # The built-in rating tests whether a span starts on the block's or the title's lines
    # by the offsets those lines start at: the same answer as finding the span's line.
    state = ParseState(source)
    found = layout(state)
    count = len(state.lines)
    evidence = _Evidence(state, found, Block(0, 0, min(count, found.size), (0, 1), ()))
    for first in range(-1, count + 2):
        for stop in range(first, count + 2):
            offsets = evidence._offsets(first, stop)
            for offset in range(len(source) + 1):
                assert (offset in offsets) is (first <= evidence.line_at(offset) < stop)
