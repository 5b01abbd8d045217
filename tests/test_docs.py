"""The docs run: every example in README.md and docs/*.md is executed; references match code."""

from __future__ import annotations

import doctest
import re
import runpy
from pathlib import Path

import pytest

from releaseparse.codes import DEFECT_CODES
from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SOURCES = sorted((ROOT / "src" / "releaseparse").rglob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_examples_run(page: Path) -> None:
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
    used = {code for path in SOURCES for code in pattern.findall(path.read_text("utf-8"))}
    assert used, "no codes found: the scan is broken"
    assert used <= set(DEFECT_CODES)
    assert set(DEFECT_CODES) <= used, "registered codes nothing emits"


def test_field_reference_lists_every_code() -> None:
    """docs/fields.md has one table row per code, with the registered severity."""
    text = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z0-9_]+\.[a-z0-9_]+)` \| (\w+) \|", text, re.MULTILINE))
    assert rows == {code: severity.value for code, (severity, _) in DEFECT_CODES.items()}


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
