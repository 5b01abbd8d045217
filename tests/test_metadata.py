"""Metadata in: a title, date and URL the caller knows fill what the text lacks, never more."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import releaseparse
from releaseparse import Confidence, Parser, Release, Severity, Span
from releaseparse.metadata import read_metadata_date, title_key
from releaseparse.records import _release_from_parts
from releaseparse.vocabulary import DEFAULT_VOCABULARY
from tests.conftest import FIXTURES
from tests.legacy import parts_pickled_before
from tests.strategies import Case, releases

#: A feed item's text: an issuer line and the body, no title and no dateline.
FEED_TEXT = (
    "Office of the Spokesperson\n\n"
    "The United States welcomes the agreement reached today by the parties to the talks.\n\n"
    "We call on all sides to carry it out in full.\n"
)
TITLE = "United States Welcomes the Agreement"
WITH_TITLE = (FIXTURES / "a_speaker.txt").read_bytes()
TEXT_TITLE = "Announcing the Winners of the Innovation in Public Service Award"
TEXT_DATE = dt.date(2017, 10, 16)


def test_metadata_fills_what_the_text_lacks_and_says_it_came_from_metadata() -> None:
    plain = releaseparse.parse(FEED_TEXT)
    assert plain.header.title is None
    assert plain.header.date is None
    assert {"title.missing", "date.missing"} <= set(plain.codes)

    release = releaseparse.parse(
        FEED_TEXT, metadata={"title": f"  {TITLE}\n", "date": "2021-05-21", "url": "https://x/1"}
    )
    assert release.header.title == TITLE  # whitespace collapsed, as header values are
    assert release.header.date == dt.date(2021, 5, 21)
    assert release.url == "https://x/1"
    assert release.origins["title"] == release.origins["date"] == "metadata"
    assert release.origins["office"] == "text"
    assert release.confidence["title"] == release.confidence["date"] == Confidence.SURE
    assert "title" not in release.spans
    assert "date" not in release.spans
    assert not {"title.missing", "date.missing"} & set(release.codes)
    assert release.header.office == plain.header.office
    assert release.regions == plain.regions
    assert release.body == plain.body
    # The error defects are gone, so strict parsing passes.
    metadata = {"title": TITLE, "date": dt.date(2021, 5, 21)}
    assert releaseparse.parse(FEED_TEXT, metadata=metadata, strict=True).header.title == TITLE
    with pytest.raises(releaseparse.ReleaseParseError):
        releaseparse.parse(FEED_TEXT, metadata={"title": TITLE}, strict=True)  # no date


def test_a_text_value_stands_and_agreeing_metadata_adds_nothing() -> None:
    plain = releaseparse.parse(WITH_TITLE)
    for title in (
        TEXT_TITLE,
        TEXT_TITLE.upper(),
        f"{TEXT_TITLE} | U.S. Department of State",
        f"  “{TEXT_TITLE}.”  ",
        TEXT_TITLE.replace(" ", "\u00a0 "),
    ):
        release = releaseparse.parse(WITH_TITLE, metadata={"title": title, "date": TEXT_DATE})
        assert release == plain, title


def test_differing_metadata_is_a_warning_on_the_text_value() -> None:
    release = releaseparse.parse(
        WITH_TITLE, metadata={"title": "Another Title Entirely", "date": "2017-10-17"}
    )
    assert release.header.title == TEXT_TITLE
    assert release.header.date == TEXT_DATE
    assert release.origins["title"] == release.origins["date"] == "text"
    found = {defect.code: defect for defect in release.defects}
    title, date = found["title.metadata_differs"], found["date.metadata_differs"]
    assert title.severity == date.severity == Severity.WARNING
    assert title.span == release.spans["title"]
    assert date.span == release.spans["date"]
    assert TEXT_TITLE in title.message
    assert "Another Title Entirely" in title.message
    assert "2017-10-16" in date.message
    assert "2017-10-17" in date.message


@pytest.mark.parametrize(
    "given",
    [
        dt.date(2021, 3, 4),
        dt.datetime(2021, 3, 4, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        "2021-03-04",
        "2021-03-04T10:00:00Z",
        "2021-03-04T23:30:00.5+00:00",
        "2021-03-04 23:30:00-05:00",
        "March 4, 2021",
        "4 March 2021",
        "Thursday, March 4, 2021",
        "Mar. 4, 2021",
        "2021年3月4日",
    ],
)
def test_dates_read_from_metadata_as_written(given: object) -> None:
    assert read_metadata_date(given) == dt.date(2021, 3, 4)
    release = releaseparse.parse(FEED_TEXT, metadata={"date": given})
    assert release.header.date == dt.date(2021, 3, 4)
    assert release.origins["date"] == "metadata"


def test_a_pandas_timestamp_gives_its_own_date() -> None:
    pandas = pytest.importorskip("pandas")
    stamp = pandas.Timestamp("2021-03-04T23:30:00-05:00")
    assert read_metadata_date(stamp) == dt.date(2021, 3, 4)
    assert releaseparse.parse(FEED_TEXT, metadata={"date": pandas.NaT}).codes == (
        releaseparse.parse(FEED_TEXT).codes
    )


@pytest.mark.parametrize(
    "given",
    ["03/04/2021", "4.3.2021", "March 4", "March 2021", "2021-02-30", "yesterday", 20210304],
)
def test_ambiguous_or_partial_dates_fill_nothing(given: object) -> None:
    release = releaseparse.parse(FEED_TEXT, metadata={"date": given})
    assert release.header.date is None
    assert "date" not in release.origins
    unreadable = [d for d in release.defects if d.code == "date.metadata_unreadable"]
    assert len(unreadable) == 1
    assert unreadable[0].severity == Severity.WARNING
    assert repr(given) in unreadable[0].message
    assert "date.missing" in release.codes


@pytest.mark.parametrize("none", [None, "", "   ", math.nan])
def test_no_value_is_no_metadata(none: object) -> None:
    plain = releaseparse.parse(FEED_TEXT)
    assert releaseparse.parse(FEED_TEXT, metadata={"title": none, "date": none}) == plain
    assert releaseparse.parse(FEED_TEXT, metadata={}) == plain


def test_a_broken_dateline_is_filled_but_its_defect_stays() -> None:
    source = (FIXTURES / "a_date_invalid.txt").read_bytes()
    release = releaseparse.parse(source, metadata={"date": "2017-11-16"})
    assert release.header.date == dt.date(2017, 11, 16)
    assert release.origins["date"] == "metadata"
    assert "date" not in release.spans
    assert "date.invalid" in release.codes  # the text's dateline is still no calendar day


def test_unknown_keys_and_wrong_types_are_refused_naming_the_key() -> None:
    with pytest.raises(TypeError, match="'titel'"):
        releaseparse.parse(FEED_TEXT, metadata={"titel": TITLE})
    with pytest.raises(TypeError, match="'title'"):
        releaseparse.parse(FEED_TEXT, metadata={"title": 42})
    with pytest.raises(TypeError, match="'url'"):
        Parser().parse(FEED_TEXT, metadata={"url": b"https://x"})
    with pytest.raises(TypeError, match="mapping"):
        releaseparse.parse(FEED_TEXT, metadata=[("title", TITLE)])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        releaseparse.parse_all(FEED_TEXT, metadata={"title": TITLE})  # type: ignore[call-arg]


def test_parse_file_and_oversized_inputs_take_metadata(tmp_path: Path) -> None:
    path = tmp_path / "item.txt"
    path.write_text(FEED_TEXT)
    metadata = {"title": TITLE, "date": "2021-05-21", "url": "https://x/1"}
    release = Parser().parse_file(path, metadata=metadata)
    assert release == releaseparse.parse(FEED_TEXT, metadata=metadata)
    unread = Parser(max_size=10).parse_file(path, metadata=metadata)
    assert unread.codes == ("source.too_large",)
    assert (unread.header.title, unread.url) == (TITLE, "https://x/1")
    assert unread.origins == {"title": "metadata", "date": "metadata"}


def test_origins_and_url_survive_dicts_pickles_rows_and_old_data() -> None:
    release = releaseparse.parse(
        FEED_TEXT, metadata={"title": TITLE, "date": "2021-05-21", "url": "https://x/1"}
    )
    data = release.to_dict()
    assert data["origins"] == {"office": "text", "title": "metadata", "date": "metadata"}
    assert data["url"] == "https://x/1"
    assert Release.from_dict(data) == release
    assert pickle.loads(pickle.dumps(release)) == release
    assert release.to_row()["url"] == "https://x/1"
    assert release.to_row()["from_metadata"] == "title; date"  # in header order
    assert releaseparse.parse(FEED_TEXT).to_row()["from_metadata"] is None
    parts = parts_pickled_before(release)
    pickled_before = _release_from_parts(*parts[:-2])  # the parts before origins and url
    assert (dict(pickled_before.origins), pickled_before.url) == ({}, None)
    old = {key: value for key, value in data.items() if key not in ("origins", "url")}
    restored = Release.from_dict(old)
    assert (dict(restored.origins), restored.url) == ({}, None)
    with pytest.raises(ValueError, match="'guessed'"):
        Release(releaseparse.Header(), releaseparse.Body(), None, "", origins={"title": "guessed"})


def test_without_metadata_every_value_comes_from_the_text() -> None:
    release = releaseparse.parse(WITH_TITLE)
    header = release.header
    assert release.url is None
    assert dict(release.origins) == {
        name: "text"
        for name in ("title", "category", "note_type", "office", "speakers", "place", "date")
        if getattr(header, name)
    }
    assert set(release.origins) <= set(release.spans)


def test_parse_many_carries_metadata_to_workers_in_triples() -> None:
    metadata = {"title": TITLE, "date": "2021-05-21"}
    items: list[Any] = [
        ("a", FEED_TEXT, metadata),
        ("b", FEED_TEXT),
        ("c", FEED_TEXT, None),
        FEED_TEXT,
        ("d", FEED_TEXT, {"titel": TITLE}),
        ("e", FEED_TEXT, "not a mapping"),
    ]
    for workers in (None, 2):
        outcomes = list(releaseparse.parse_many(items, workers=workers, chunksize=1))
        assert [o.id for o in outcomes] == ["a", "b", "c", 3, "d", "e"]
        first = outcomes[0].unwrap()
        assert first == releaseparse.parse(FEED_TEXT, metadata=metadata)
        assert first.origins["title"] == "metadata"
        assert [o.unwrap().header.title for o in outcomes[1:4]] == [None, None, None]
        assert outcomes[4].error is not None
        assert "'titel'" in outcomes[4].error.message
        assert outcomes[5].error is not None
        assert "not a mapping" in outcomes[5].error.message


def test_title_comparison_ignores_decorations_case_quotes_and_dashes() -> None:
    def key(text: str) -> str:
        return title_key(text, DEFAULT_VOCABULARY)

    assert key("U.S.–Lebanon Talks | U.S. Department of State") == key("U.S.-Lebanon talks")
    assert key("Secretary Blinken’s Call") == key("Secretary Blinken's Call")
    assert key("Fwd: Harbor Grants &amp; Loans") == key("Harbor Grants & Loans")
    assert key("Harbor Grants") != key("Harbor Loans")


@given(releases())
def test_metadata_equal_to_the_texts_own_changes_nothing(case: Case) -> None:
    """For any generated release, its own title and date as metadata give the same record."""
    plain = releaseparse.parse(case.text)
    metadata = {"title": plain.header.title, "date": plain.header.date}
    assert releaseparse.parse(case.text, metadata=metadata) == plain
    given_iso = {"title": plain.header.title, "date": plain.header.date}
    if plain.header.date is not None:
        given_iso["date"] = plain.header.date.isoformat()
    assert releaseparse.parse(case.text, metadata=given_iso) == plain


def test_a_defect_span_of_a_filled_value_is_never_needed() -> None:
    """Warnings about unread metadata point at the start: they are about no text."""
    release = releaseparse.parse(FEED_TEXT, metadata={"date": "03/04/2021"})
    (unreadable,) = [d for d in release.defects if d.code == "date.metadata_unreadable"]
    assert unreadable.span == Span(0, 0)
