"""HTML input: pages rendered with their layout kept, real layouts read as from text, HTML told."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import releaseparse
from releaseparse import Parser, Release
from releaseparse.cli import main
from releaseparse.html_input import looks_like_html
from releaseparse.tasks import Item
from tests.conftest import FIXTURES, SHARED
from tests.needs import html_extra

HTML = FIXTURES / "html"
EXTRA = "pip install 'releaseparse[html]'"

#: Each page in the real markup of its site and era, with its text twin (the same release
#: in the text layout the parser knows) and the fields both give, read and checked by hand.
PAGES: dict[str, tuple[str, dict[str, object]]] = {
    "b_state_2001_2009": (
        "b_media_note_office.txt",
        {
            "title": "Interview Waiver Pilot for Returning Exchange Students",
            "note_type": "Media Note",
            "office": "Office of the Spokesman",
            "speakers": [],
            "venue": None,
            "place": "Washington, DC",
            "date": dt.date(2005, 3, 3),
            "body": "Beginning next month, students returning to the United States",
        },
    ),
    "c_state_2009_2017": (
        "c_remarks_venue.txt",
        {
            "title": "Remarks at the Harbor Cleanup Volunteer Morning",
            "note_type": "Remarks",
            "office": None,
            "speakers": [("John Kerry", "Secretary of State")],
            "venue": "Long Wharf Pavilion",
            "place": "Boston, MA",
            "date": dt.date(2014, 4, 26),
            "body": "SECRETARY KERRY: Well, good morning, everybody.",
        },
    ),
    "d_state_2017_2021": (
        "d_archive_press_statement.txt",
        {
            "title": "Anniversary of the Riverside Accord",
            "note_type": "Press Statement",
            "office": None,
            "speakers": [("Morgan Ortagus", "Department Spokesperson")],
            "venue": None,
            "place": "Washington, DC",
            "date": dt.date(2019, 10, 2),
            "body": "Five years ago today, two neighbors agreed",
        },
    ),
    "e_state_gov_today": (
        "e_glued_breadcrumb.txt",
        {
            "title": "Opening of the Pacific Coral Research Station",
            "note_type": "Press Statement",
            "office": None,
            "speakers": [("Marco Rubio", "Secretary of State")],
            "venue": None,
            "place": None,
            "date": dt.date(2025, 9, 27),
            "body": "The United States welcomes the opening of the Pacific Coral",
        },
    ),
    "embassy_remarks": (
        "html/embassy_remarks.txt",
        {
            "title": "Remarks at the Opening of the Kutaisi Language Center",
            "note_type": None,
            "office": None,
            "speakers": [("Michael R. Pompeo", "Secretary of State")],
            "venue": "Kutaisi Public Library",
            "place": "Kutaisi, Georgia",
            "date": dt.date(2019, 10, 14),
            "body": "SECRETARY POMPEO: Thank you all for being here this morning.",
        },
    ),
    "g_blog_label_page": (
        "g_blog_label_page.txt",
        {
            "title": "Anniversary of the Lake Treaty",
            "note_type": "Press Statement",
            "office": None,
            "speakers": [("John Kerry", "Secretary of State")],
            "venue": None,
            "place": "Washington, DC",
            "date": dt.date(2015, 5, 4),
            "body": "On behalf of the American people, I send greetings",
        },
    ),
}


def fields(release: Release) -> dict[str, object]:
    header = release.header
    first = release.body.paragraphs[0] if release.body.paragraphs else ""
    return {
        "title": header.title,
        "note_type": header.note_type,
        "office": header.office,
        "speakers": [(speaker.name, speaker.role) for speaker in header.speakers],
        "venue": header.venue,
        "place": header.place,
        "date": header.date,
        "body": first,
    }


@pytest.fixture(autouse=True)
def _renderer(request: pytest.FixtureRequest) -> None:
    """Every test but those of ``looks_like_html`` and of a missing extra needs the extra."""
    looks = request.node.name.startswith("test_looks_like_html")
    if "no_renderer" not in request.fixturenames and not looks:
        html_extra()


@pytest.fixture
def no_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    """inscriptis as if it were not installed: importing it fails."""
    for name in list(sys.modules):
        if name == "inscriptis" or name.startswith("inscriptis."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "inscriptis", None)


# -- the real layouts ------------------------------------------------------------------------


def test_there_is_a_page_of_each_era_and_site_and_each_has_its_twin() -> None:
    assert sorted(path.stem for path in HTML.glob("*.html")) == sorted(PAGES)
    for twin, _ in PAGES.values():
        assert (FIXTURES / twin).is_file(), twin


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_gives_the_fields_of_its_text_twin(name: str) -> None:
    twin, expected = PAGES[name]
    page = releaseparse.parse((HTML / f"{name}.html").read_bytes(), html=True)
    text = releaseparse.parse((FIXTURES / twin).read_bytes())
    got = fields(page)
    body = got.pop("body")
    assert isinstance(body, str)
    assert body.startswith(str(expected["body"]))
    assert got == {key: value for key, value in expected.items() if key != "body"}
    assert fields(page) == fields(text)
    assert page.codes[0] == "source.rendered_from_html"
    assert "source.looks_like_html" not in page.codes


@pytest.mark.parametrize("name", sorted(PAGES))
def test_spans_index_into_the_rendered_text(name: str) -> None:
    page = (HTML / f"{name}.html").read_bytes()
    release = releaseparse.parse(page, html=True)
    assert release.source == releaseparse.render_html(page)
    assert "<" not in release.source  # no markup left
    span = release.spans["title"]
    assert release.source[span.start : span.end] == release.header.title
    assert release.regions[0].span.start == 0
    assert release.regions[-1].span.end == len(release.source)


def test_a_blog_page_of_two_posts_gives_both_and_each_says_it_was_rendered() -> None:
    releases = releaseparse.parse_all((HTML / "g_blog_label_page.html").read_bytes(), html=True)
    assert [release.header.title for release in releases] == [
        "Anniversary of the Lake Treaty",
        "National Day of the Island Republic",
    ]
    assert [release.header.date for release in releases] == [
        dt.date(2015, 5, 4),
        dt.date(2015, 5, 3),
    ]
    assert all(release.codes[0] == "source.rendered_from_html" for release in releases)


# -- rendering -------------------------------------------------------------------------------


def test_blocks_start_lines_and_paragraphs_are_set_apart() -> None:
    page = (
        "<html><head><title>Not shown</title><style>p {color: red}</style>"
        "<script>var x = '<p>no</p>';</script></head><body>"
        "<h1>Title</h1><div>Media Note</div><div>Washington, DC<br>May 4, 2015</div>"
        "<p>First <b>bold</b> paragraph.   </p><p>Second &amp; last.</p>"
        "<ul><li>one</li><li>two</li></ul><img src='x.png' alt='a picture'></body></html>"
    )
    assert releaseparse.render_html(page) == (
        "Title\n\nMedia Note\nWashington, DC\nMay 4, 2015\n\nFirst bold paragraph.\n\n"
        "Second & last.\n\n  * one\n  * two\n"
    )


def test_a_data_table_keeps_its_grid_and_a_layout_table_is_read_cell_by_cell() -> None:
    data = (
        "<table><tr><td>Country</td><td>Amount</td></tr>"
        "<tr><td>Kenya</td><td>$4 million</td></tr></table>"
    )
    assert releaseparse.render_html(data) == "Country  Amount\nKenya    $4 million\n"
    layout = (
        "<table><tr><td><div>Press Releases</div><div>Remarks</div></td>"
        "<td><h2>Title Here</h2><div>Media Note</div><p>The body.</p></td></tr></table>"
    )
    assert releaseparse.render_html(layout).splitlines() == [
        "Press Releases",
        "Remarks",
        "",
        "Title Here",
        "",
        "Media Note",
        "",
        "The body.",
    ]


def test_a_data_table_inside_a_layout_table_keeps_its_grid() -> None:
    page = (
        "<table><tr><td><p>Intro.</p><table><tr><td>a</td><td>b</td></tr></table></td>"
        "<td><div>Side</div></td></tr></table>"
    )
    lines = releaseparse.render_html(page).splitlines()
    assert "a  b" in lines
    assert lines.index("Intro.") < lines.index("a  b") < lines.index("Side")


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (b"", ""),
        (b"   \n", ""),
        (b"<!-- only a comment -->", ""),
        (b"<html><body></body></html>", ""),
        (b"just text, no tags", "just text, no tags\n"),
        (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "caf\xe9\n"),  # UTF-8 with a byte-order mark
        (b"<p>caf\xe9 \x93quoted\x94</p>", "caf\xe9 \u201cquoted\u201d\n"),  # cp1252
        ("<?xml version='1.0' encoding='utf-8'?><html><p>x</p></html>", "x\n"),
        ("<p>a\ud800b</p>", "a\ufffdb\n"),  # a lone surrogate
    ],
)
def test_any_page_renders_without_raising(page: str | bytes, text: str) -> None:
    assert releaseparse.render_html(page) == text


def test_hostile_pages_do_not_raise() -> None:
    for page in (
        "<div>" * 5000 + "deep" + "</div>" * 5000,
        "<td colspan=999999999>x",
        "<" * 10_000,
    ):
        assert isinstance(releaseparse.render_html(page), str)
    release = releaseparse.parse("<div>" * 5000, html=True)
    assert "source.blank" in release.codes


def test_decoding_defects_of_the_page_are_kept_at_its_start() -> None:
    release = releaseparse.parse(b"<h1>Title</h1><p>caf\xe9 ok \x81\x81</p>", html=True)
    invalid = [defect for defect in release.defects if defect.code.startswith("encoding.")]
    assert invalid
    assert all(defect.span.start == defect.span.end == 0 for defect in invalid)


_RUSSIAN = "<p>Заявление для прессы</p><p>Офис пресс-секретаря</p>"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1251">',
        "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>",
        "<META CHARSET=cp1251>",
    ],
)
def test_a_page_that_is_not_utf8_is_read_in_the_encoding_it_declares(meta: str) -> None:
    page = f"<html><head>{meta}</head><body>{_RUSSIAN}</body></html>".encode("cp1251")
    release = releaseparse.parse(page, html=True)
    assert "Заявление для прессы" in release.source
    assert "encoding.declared" in release.codes
    assert "encoding.cp1252" not in release.codes


def test_utf8_bytes_stay_utf8_whatever_the_page_declares() -> None:
    """A scraper that saved a page as UTF-8 rarely rewrites its meta tag."""
    meta = '<meta charset="windows-1251">'
    page = f"<html><head>{meta}</head><body>{_RUSSIAN}</body></html>".encode()
    release = releaseparse.parse(page, html=True)
    assert "Заявление для прессы" in release.source
    assert not [code for code in release.codes if code.startswith("encoding.")]


@pytest.mark.parametrize(
    "meta", ['<meta charset="nonsense-42">', "", '<meta charset="iso-8859-1">']
)
def test_without_a_known_declaration_other_bytes_are_guessed_as_before(meta: str) -> None:
    page = f"<html><head>{meta}</head><body><p>Déclaration à la presse</p></body></html>"
    release = releaseparse.parse(page.encode("cp1252"), html=True)
    assert "Déclaration à la presse" in release.source
    assert "encoding.cp1252" in release.codes


def test_the_declaration_is_looked_for_in_the_first_kilobyte_only() -> None:
    filler = "<!-- " + "x" * 1100 + " -->"
    page = f"<html><head>{filler}<meta charset='windows-1251'></head><body>{_RUSSIAN}</body>"
    release = releaseparse.parse(page.encode("cp1251"), html=True)
    assert "encoding.declared" not in release.codes


def test_text_given_as_html_is_said_to_hold_no_markup() -> None:
    text = "Press Statement\nOffice of the Spokesperson\n\nThe talks went on.\n"
    release = releaseparse.parse(text, html=True)
    assert "source.no_markup" in release.codes
    page = "<p>Press Statement</p>"
    assert "source.no_markup" not in releaseparse.parse(page, html=True).codes
    assert "source.no_markup" not in releaseparse.parse("", html=True).codes


def test_the_size_limit_applies_to_the_page_and_the_line_limit_to_its_text() -> None:
    page = "<p>" + "word " * 100 + "</p>"
    assert Parser(max_size=50).parse(page, html=True).codes == ("source.too_large",)
    lines = "".join(f"<p>line {n}</p>" for n in range(30))
    assert "source.too_large" in Parser(max_lines=20).parse(lines, html=True).codes
    assert "source.too_large" not in Parser(max_lines=200).parse(lines, html=True).codes


def test_parse_file_and_strict_take_html(tmp_path: Path) -> None:
    path = HTML / "c_state_2009_2017.html"
    release = Parser().parse_file(path, html=True)
    assert release.header.title == "Remarks at the Harbor Cleanup Volunteer Morning"
    with pytest.raises(releaseparse.ReleaseParseError):
        releaseparse.parse("<p>no title, no date</p>", html=True, strict=True)


# -- the extra missing -----------------------------------------------------------------------


def test_without_the_extra_rendering_names_what_to_install(no_renderer: None) -> None:
    with pytest.raises(ImportError, match=r"pip install 'releaseparse\[html\]'"):
        releaseparse.render_html("<p>x</p>")
    with pytest.raises(ImportError, match="inscriptis"):
        releaseparse.parse("<p>x</p>", html=True)
    assert releaseparse.parse("plain text").source == "plain text"  # text needs no extra


def test_without_the_extra_the_cli_says_so_once_and_exits_2(
    no_renderer: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    page = HTML / "c_state_2009_2017.html"
    text = FIXTURES / "a_speaker.txt"
    for args in (
        [str(page)],
        [str(text), "--html-input"],
    ):
        assert main(["parse", *args, "-o", str(out), "-q"]) == 2
        error = capsys.readouterr().err
        assert error.count(EXTRA) == 1, error
        assert not out.exists()
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text.read_bytes())
    (folder / "b.html").write_bytes(page.read_bytes())
    assert main(["parse", str(folder), "-o", str(out), "-q"]) == 2  # found in the walk
    assert capsys.readouterr().err.count(EXTRA) == 1
    assert not out.exists()
    assert main(["explain", str(page)]) == 2
    assert capsys.readouterr().err.count(EXTRA) == 1


# -- telling HTML apart ----------------------------------------------------------------------

PARAGRAPHS = "\n".join(
    f'<p>Paragraph {n} of a release, with <a href="/x">a link</a> in it.</p>' for n in range(8)
)


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "  \n<!doctype HTML>\n<title>x</title>",
        "<html lang='en'><p>one paragraph</p></html>",
        "<?xml version='1.0'?>\n<!-- saved page -->\n<html><body>x</body></html>",
        "<body><p>a fragment from the body on</p></body>",
        PARAGRAPHS,
        PARAGRAPHS.replace("\n", ""),  # minified
    ],
)
def test_looks_like_html_on_pages_and_markup(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Press Statement\n\nA release with a <b>bold</b> word and a line<br>break.\n",
        "A title\n\n" + "Body text with a <br> here and there. " * 30,
        "if a < b and c > d then <p is not a tag",
        "Markdown with <u>underlined</u> words\n\n" + "Plain lines of the body.\n" * 30,
        "Markdown\n\n"
        + "A plain line of the body.\n" * 40
        + "<table><tr><td>a</td></tr></table>\n" * 8,
        "x" * 100_000 + "<!DOCTYPE html>",  # only the start is looked at
    ],
)
def test_looks_like_html_not_on_text(text: str) -> None:
    assert not looks_like_html(text)


def test_looks_like_html_on_no_fixture_and_no_real_text() -> None:
    texts = [path.read_bytes().decode("utf-8", "replace") for path in FIXTURES.rglob("*.txt")]
    assert len(texts) > 80
    assert [n for n, text in enumerate(texts) if looks_like_html(text)] == []
    assert all(looks_like_html(path.read_text("utf-8")) for path in HTML.glob("*.html"))


def test_looks_like_html_on_none_of_the_real_material() -> None:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"the real material is not beside the repository ({data})")
    texts = [
        json.loads(line)["text"]
        for line in (data / "feed-2021-2022.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    texts += [
        json.loads(path.read_text("utf-8"))["text"] for path in data.glob("real-layouts/*.json")
    ]
    texts += [path.read_text("utf-8") for path in data.glob("whitehouse/**/*.md")]
    assert len(texts) > 1000
    assert [text[:60] for text in texts if looks_like_html(text)] == []


def test_html_parsed_as_text_gets_a_warning_naming_the_way_out() -> None:
    release = releaseparse.parse((HTML / "d_state_2017_2021.html").read_bytes())
    (warning,) = [d for d in release.defects if d.code == "source.looks_like_html"]
    assert warning.severity == "warning"
    assert "--html-input" in warning.message
    assert EXTRA in warning.message
    assert "source.looks_like_html" not in releaseparse.parse(PARAGRAPHS, html=True).codes
    page = releaseparse.parse_all(PARAGRAPHS)
    assert all("source.looks_like_html" in release.codes for release in page)


def test_parse_many_with_html_renders_every_kind_of_item_in_the_workers() -> None:
    path = HTML / "c_state_2009_2017.html"
    page = path.read_bytes()
    items: list[Item] = [
        page,
        page.decode("utf-8"),
        path,
        ("k", page),
        ("m", page, {"url": "https://x/1"}),
    ]
    for workers in (None, 2):
        outcomes = list(releaseparse.parse_many(items, html=True, workers=workers))
        assert [outcome.id for outcome in outcomes] == [0, 1, str(path), "k", "m"]
        expected = Parser().parse(page, html=True)
        for outcome in outcomes[:4]:
            assert outcome.release == expected
        last = outcomes[4].release
        assert last is not None
        assert last.url == "https://x/1"
        assert last.header == expected.header
    plain = next(releaseparse.parse_many([page]))
    assert plain.release is not None
    assert "source.looks_like_html" in plain.release.codes


# -- the command line ------------------------------------------------------------------------


def test_html_files_and_html_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = (HTML / "c_state_2009_2017.html").read_bytes()
    (tmp_path / "page.html").write_bytes(page)
    (tmp_path / "page.htm").write_bytes(page)
    (tmp_path / "page.php").write_bytes(page)
    out = tmp_path / "rows.jsonl"
    assert main(["parse", str(tmp_path), "--glob", "page.*", "-o", str(out), "-q"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    titles = [row["release"]["header"]["title"] for row in rows]
    assert titles[0] == titles[1] == "Remarks at the Harbor Cleanup Volunteer Morning"
    assert titles[2] is None  # .php read as text: a warning says it looks like HTML
    assert rows[2]["release"]["defects"][0]["code"] == "source.looks_like_html"
    assert main(["parse", str(tmp_path / "page.php"), "--html-input", "-o", str(out), "-q"]) == 0
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["release"]["header"]["title"] == titles[0]
    assert row["release"]["defects"][0]["code"] == "source.rendered_from_html"


def test_html_input_applies_to_the_text_column_of_rows(tmp_path: Path) -> None:
    dump = tmp_path / "pages.jsonl"
    rows = [{"id": name, "page": (HTML / f"{name}.html").read_text("utf-8")} for name in PAGES]
    dump.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    out = tmp_path / "rows.jsonl"
    command = ["parse", str(dump), "--text-field", "page", "--html-input", "-o", str(out), "-q"]
    assert main(command) == 0
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["id"] for row in got] == list(PAGES)
    titles = [row["release"]["header"]["title"] for row in got]
    assert titles == [expected["title"] for _, expected in PAGES.values()]


def test_explain_shows_an_html_page_rendered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(HTML / "e_state_gov_today.html"), "--color", "never"]) == 0
    shown = capsys.readouterr().out
    assert "Opening of the Pacific Coral Research Station" in shown
    assert "source.rendered_from_html" in shown
    assert "<div" not in shown


def test_pages_are_rendered_in_the_workers(tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    command = ["parse", str(HTML), "--glob", "*.html", "-j", "2", "-o", str(out), "-q"]
    assert main(command) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["release"]["header"]["title"] for row in rows] == [
        expected["title"] for _, expected in (PAGES[name] for name in sorted(PAGES))
    ]


def test_a_page_on_stdin_with_html_input() -> None:
    page = (HTML / "e_state_gov_today.html").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "releaseparse", "parse", "-", "--html-input", "-q"],
        input=page,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["id"] == "<stdin>"
    assert row["release"]["header"]["title"] == "Opening of the Pacific Coral Research Station"


def test_the_summary_says_when_inputs_were_of_the_other_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (HTML / "c_state_2009_2017.html").read_text("utf-8")
    dump = tmp_path / "pages.jsonl"
    dump.write_text("".join(json.dumps({"id": n, "text": page}) + "\n" for n in range(2)))
    assert main(["parse", str(dump), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert "hint          2 inputs looked like HTML: parse them with --html-input" in (
        capsys.readouterr().err
    )
    text = FIXTURES / "a_speaker.txt"
    assert main(["parse", str(text), "--html-input", "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "1 input rendered as HTML held no tag: parse it without --html-input" in err
