"""The docs run: every example in README.md and docs/*.md is executed; references match code."""

from __future__ import annotations

import doctest
import re
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
