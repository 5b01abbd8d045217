"""Optional extras some tests need: skipped, saying why, where absent; never skipped in CI."""

from __future__ import annotations

import importlib.util
import os

import pytest


def html_extra() -> None:
    """Skip the calling test without the ``html`` extra, or fail in CI, which installs it.

    CI installs ``.[test]``, which holds the extra: a missing renderer there is a broken
    install, not a reason to skip (the environment variable ``CI`` tells).
    """
    if importlib.util.find_spec("inscriptis") is not None:
        return
    if os.environ.get("CI"):
        pytest.fail("inscriptis is missing, but CI installs the html extra (.[test])")
    pytest.skip("needs the html extra: pip install 'releaseparse[html]'")
