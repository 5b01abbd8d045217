"""MkDocs hooks: pages made from files outside ``docs/`` (changelog, contributing, layouts)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: Site page -> the repository file it shows, word for word.
COPIED = {"changelog.md": "CHANGELOG.md", "contributing.md": "CONTRIBUTING.md"}


def on_page_read_source(page: Any, config: Any) -> str | None:
    """The text of a copied or generated page; ``None`` for the others (read as they are)."""
    if page.file.src_uri == "layouts.md":
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from tests.layouts_page import render

        return render()
    name = COPIED.get(page.file.src_uri)
    return None if name is None else (ROOT / name).read_text(encoding="utf-8")
