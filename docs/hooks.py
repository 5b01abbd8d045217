"""MkDocs hooks: pages made from files outside ``docs/`` (the changelog, contributing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: Site page -> the repository file it shows, word for word.
COPIED = {"changelog.md": "CHANGELOG.md", "contributing.md": "CONTRIBUTING.md"}


def on_page_read_source(page: Any, config: Any) -> str | None:
    """The text of a copied page, read from its file at the repository root."""
    name = COPIED.get(page.file.src_uri)
    return None if name is None else (ROOT / name).read_text(encoding="utf-8")
