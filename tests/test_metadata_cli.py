"""Metadata in, metadata out on the command line: --title-field ... and --keep-field(s)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from releaseparse.cli import main
from releaseparse.rows import ROW_COLUMNS
from tests.conftest import SHARED

ITEM = (
    "Office of the Spokesperson\n\n"
    "The United States welcomes the agreement reached today by the parties to the talks.\n"
)
FEED = SHARED / "data" / "feed-2021-2022.jsonl"


def dump(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    """Three feed-like rows: the text has no title or date; the row's other fields do."""
    return dump(
        tmp_path / "feed.jsonl",
        [
            {
                "id": f"r{n}",
                "headline": f"Agreement Number {n} Welcomed",
                "published": f"2021-05-2{n}",
                "link": f"https://example.invalid/{n}",
                "score": n / 2,
                "tags": ["a", n],
                "text": ITEM,
            }
            for n in (1, 2, 3)
        ],
    )


def test_named_fields_fill_title_date_and_url(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    options = ["--title-field", "headline", "--date-field", "published", "--url-field", "link"]
    assert main(["parse", str(feed), *options, "-o", str(out), "-q"]) == 0
    rows = read_rows(out)
    assert [row["id"] for row in rows] == ["r1", "r2", "r3"]
    first = rows[0]["release"]
    assert first["header"]["title"] == "Agreement Number 1 Welcomed"
    assert first["header"]["date"] == "2021-05-21"
    assert first["url"] == "https://example.invalid/1"
    assert first["origins"]["title"] == first["origins"]["date"] == "metadata"
    assert "input" not in rows[0]  # nothing kept unless asked
    parallel = tmp_path / "parallel.jsonl"
    assert main(["parse", str(feed), *options, "-o", str(parallel), "-q", "--jobs", "2"]) == 0
    assert read_rows(parallel) == rows


def test_keep_field_carries_input_fields_into_jsonl_rows(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    keep = ["--keep-field", "link", "--keep-field", "tags", "--keep-field", "absent_here"]
    assert main(["parse", str(feed), *keep, "-o", str(out), "-q"]) == 0
    rows = read_rows(out)
    assert rows[1]["input"] == {"link": "https://example.invalid/2", "tags": ["a", 2]}
    assert main(["parse", str(feed), "--keep-fields", "-o", str(out), "-q"]) == 0
    kept = read_rows(out)[2]["input"]
    assert list(kept) == ["id", "headline", "published", "link", "score", "tags"]
    assert kept["score"] == 1.5


def test_keep_field_carries_input_fields_into_csv_columns(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    options = ["--title-field", "headline", "--keep-field", "published", "--keep-field", "tags"]
    assert main(["parse", str(feed), *options, "-o", str(out), "-q"]) == 0
    with out.open(newline="", encoding="utf-8") as stream:
        table = list(csv.reader(stream))
    assert table[0] == [*ROW_COLUMNS, "input.published", "input.tags"]
    row = dict(zip(table[0], table[1], strict=True))
    assert row["title"] == "Agreement Number 1 Welcomed"
    assert (row["input.published"], row["input.tags"]) == ("2021-05-21", '["a", 1]')
    assert main(["parse", str(feed), "--keep-fields", "-o", str(out), "-q"]) == 0
    with out.open(newline="", encoding="utf-8") as stream:
        header = next(csv.reader(stream))
    assert header[len(ROW_COLUMNS) :] == [
        "input.id",
        "input.headline",
        "input.published",
        "input.link",
        "input.score",
        "input.tags",
    ]


def test_keep_fields_as_parquet_columns(feed: Path, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["parse", str(feed), "--keep-field", "score", "-o", str(out), "-q"]) == 0
    table = parquet.read_table(out)
    assert table.column_names == [*ROW_COLUMNS, "input.score"]
    assert table.column("input.score").to_pylist() == ["0.5", "1.0", "1.5"]


def test_a_field_no_row_has_is_told_once_per_file(
    feed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    options = ["--title-field", "title", "--date-field", "published", "--keep-field", "nope"]
    assert main(["parse", str(feed), *options, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("no row has") == 1, err
    assert (
        f"{feed}: no row has the fields 'title' (--title-field), 'nope' (--keep-field);"
        " its rows' fields: id, headline, published, link, score, tags, text"
    ) in err
    assert [row["release"]["header"]["title"] for row in read_rows(out)] == [None] * 3
    # A field some rows have is no mistake: nothing is said.
    partly = dump(
        tmp_path / "partly.jsonl", [{"text": ITEM, "title": "A Title Here"}, {"text": ITEM}]
    )
    assert main(["parse", str(partly), "--title-field", "title", "-o", str(out)]) == 0
    assert "no row has" not in capsys.readouterr().err


def test_bad_field_values_fail_their_row_only(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "text": ITEM, "title": "A Fine Title"})
        + "\n"
        + '{"id": "nan", "text": "x", "score": NaN}\n'
        + json.dumps({"id": "number", "text": ITEM, "title": 42})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    options = ["--title-field", "title", "--keep-field", "score"]
    assert main(["parse", str(path), *options, "-o", str(out), "-q"]) == 1
    ok, nan, number = read_rows(out)
    assert ok["release"]["header"]["title"] == "A Fine Title"
    assert nan["error"]["type"] == "InputError"
    assert "'score'" in nan["error"]["message"]
    assert "nan" in nan["error"]["message"]
    assert "'title' (--title-field) holds int 42" in number["error"]["message"]


def test_keep_field_and_keep_fields_exclude_each_other(feed: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["parse", str(feed), "--keep-field", "a", "--keep-fields"])
    assert exit_.value.code == 2


def test_the_shared_feed_gets_a_title_and_a_date_on_every_row(tmp_path: Path) -> None:
    if not FEED.exists():
        pytest.skip(
            f"the feed material is not in this checkout ({Path('..', 'shared', 'data')} is"
            " beside the repository only on the project's machines); it is not copied in"
        )
    out = tmp_path / "feed.jsonl"
    options = ["--title-field", "title", "--date-field", "date", "--keep-field", "link"]
    assert main(["parse", str(FEED), *options, "-o", str(out), "-q"]) == 0
    rows = read_rows(out)
    given = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(given) > 1000
    assert all(row["release"]["header"]["title"] for row in rows)
    assert [row["release"]["header"]["date"] for row in rows] == [row["date"] for row in given]
    assert [row["input"]["link"] for row in rows] == [row["link"] for row in given]


def test_explain_takes_the_row_fields_and_says_where_values_came_from(
    feed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = ["--title-field", "headline", "--date-field", "published", "--url-field", "link"]
    assert main(["explain", str(feed), "--id", "r2", *options, "--color", "never"]) == 0
    fields = capsys.readouterr().out.split("\n\n", 1)[0].splitlines()
    shown = {line.split()[0]: line.split()[1:] for line in fields[1:]}
    assert shown["title"] == ["metadata", "sure", "Agreement", "Number", "2", "Welcomed"]
    assert shown["date"] == ["metadata", "sure", "2021-05-22"]
    assert shown["url"] == ["metadata", "https://example.invalid/2"]
    assert shown["office"][0] == "1:1–1:26"
    page = tmp_path / "r2.html"
    assert main(["explain", str(feed), "--id", "r2", *options, "--html", str(page), "-q"]) == 0
    assert page.read_text(encoding="utf-8").count(">metadata</span>") == 3


def test_explain_without_the_row_fields_reads_the_text_alone(
    feed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(feed), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "metadata" not in out
    assert "title.missing" in out
