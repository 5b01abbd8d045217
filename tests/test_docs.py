"""The docs run: every example in README.md and docs/*.md is executed; references match code."""

from __future__ import annotations

import argparse
import doctest
import re
import runpy
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import releaseparse
from releaseparse.cli import _build_parser as build_parser
from releaseparse.codes import DEFECT_CODES, REGION_KINDS
from releaseparse.reference import tables
from tests.conftest import FIXTURES, ROOT
from tests.layouts_page import FAMILIES
from tests.layouts_page import render as render_layouts
from tests.needs import html_extra

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SOURCES = sorted((ROOT / "src" / "releaseparse").rglob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_examples_run(page: Path) -> None:
    if page.name == "html.md":
        html_extra()
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, raise_on_error=False
    )
    assert result.failed == 0


def test_docs_have_examples() -> None:
    text = "".join(page.read_text(encoding="utf-8") for page in PAGES)
    assert text.count(">>> ") >= 20


def test_every_emitted_code_is_registered() -> None:
    """Each dotted code passed to defect()/Defect() in the source is in DEFECT_CODES."""
    pattern = re.compile(r"(?:defect|Defect)\(\s*\"([a-z0-9_]+\.[a-z0-9_]+)\"")
    # The confidence extractor names its codes in a table (``"title.uncertain"``).
    uncertain = re.compile(r"\"([a-z_]+\.uncertain)\"")
    used = {
        code
        for path in SOURCES
        for found in (pattern, uncertain)
        for code in found.findall(path.read_text("utf-8"))
    }
    assert used, "no codes found: the scan is broken"
    assert used <= set(DEFECT_CODES)
    assert set(DEFECT_CODES) <= used, "registered codes nothing emits"


_GENERATED = re.compile(
    r"<!-- generated: (?P<name>[a-z ]+) -->\n(?P<text>.*?)\n<!-- end generated -->", re.DOTALL
)


def test_field_reference_tables_are_generated_from_the_registries() -> None:
    """docs/fields.md's region-kind and defect-code tables are ``tables()``, word for word."""
    text = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    shown = {match["name"]: match["text"] for match in _GENERATED.finditer(text)}
    assert shown == tables(), "regenerate them: python -m releaseparse.reference"


def test_field_reference_lists_every_header_field_in_order() -> None:
    text = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    section = text[text.index("## `Header`") : text.index("## `Body`")]
    listed = [
        name
        for row in re.findall(r"^\| (`[^|]*`) \|", section, re.MULTILINE)
        for name in re.findall(r"`([a-z_]+)`", row)
    ]
    assert listed == [field.name for field in attrs.fields(releaseparse.Header)]


def test_field_reference_lists_every_release_attribute_in_order() -> None:
    text = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    section = text[text.index("## `Release`") : text.index("## `Header`")]
    listed = re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)
    # The public names: the init arguments (``spans``, not the compact field ``_spans``).
    assert listed == [field.alias for field in attrs.fields(releaseparse.Release)]


def test_every_region_a_parse_produces_has_a_registered_kind() -> None:
    """Regions of every fixture, a page of several releases and an oversized input."""
    kinds: set[str] = set()
    sources: list[str | bytes] = [path.read_bytes() for path in FIXTURES.glob("*.txt")]
    for source in sources:
        for release in releaseparse.parse_all(source):
            kinds |= {region.kind for region in release.regions}
        kinds |= {region.kind for region in releaseparse.parse(source).regions}
    kinds |= {r.kind for r in releaseparse.Parser(max_size=10).parse("x" * 20).regions}
    assert len(kinds) > 10, kinds
    assert kinds <= set(REGION_KINDS), kinds - set(REGION_KINDS)


EXAMPLE_FILES = sorted((ROOT / "docs" / "examples").glob("*.py"))
_EMBEDDED = re.compile(r"<!-- example: (?P<path>\S+) -->\n```python\n(?P<code>.*?)```", re.DOTALL)


def test_embedded_examples_are_the_checked_files() -> None:
    """Code a page shows from docs/examples is that file, word for word (mypy checks it)."""
    shown = {
        match["path"]: match["code"]
        for page in PAGES
        for match in _EMBEDDED.finditer(page.read_text(encoding="utf-8"))
    }
    assert set(shown) == {str(path.relative_to(ROOT)) for path in EXAMPLE_FILES}
    for name, code in shown.items():
        assert code == (ROOT / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[path.name for path in EXAMPLE_FILES])
def test_example_files_pass_their_own_tests(path: Path) -> None:
    """Each example file's ``test_*`` functions (what a user would run with pytest) pass."""
    namespace = runpy.run_path(str(path))
    tests = [value for name, value in namespace.items() if name.startswith("test_")]
    assert tests, f"{path.name} has no test functions"
    for test in tests:
        test()


def test_the_layouts_page_shows_every_family_with_what_it_gives() -> None:
    """The site's layouts catalogue (made at build time) has each family and its fields."""
    page = render_layouts()
    for letter, (name, _, fixture) in FAMILIES.items():
        assert f"## {letter}. {name}" in page
        assert f"`fixtures/{fixture}.txt`" in page
    assert page.count("| `date` |") >= 6
    assert "| `speakers` |" in page


def _options(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                yield from _options(command)
        yield from (option for option in action.option_strings if option.startswith("--"))


def test_the_cli_page_names_every_option() -> None:
    """docs/cli.md cannot fall behind the command line: each long option is on the page."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    options = set(_options(build_parser())) - {"--help"}
    assert len(options) > 15, options
    assert sorted(option for option in options if option not in page) == []
