"""The extension API: profiles, plugins installed from a wheel, the testing helpers."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import runpy
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import releaseparse
from releaseparse import Extractor, Parser
from releaseparse.cli import example_bytes
from releaseparse.plugins import plugin_names
from releaseparse.profiles import get_profile, profile_names
from releaseparse.records import Region, Span
from releaseparse.testing import check_extractor, check_record, run_extractor
from tests.conftest import ROOT

#: The extension example of docs/extending.md: a release-number extractor and its plugin.
EXAMPLE_FILE = ROOT / "docs" / "examples" / "release_number.py"
_EXAMPLE = runpy.run_path(str(EXAMPLE_FILE))
release_number: Extractor = _EXAMPLE["release_number"]
RELEASE: str = _EXAMPLE["EXAMPLE"]


# -- the testing helpers --------------------------------------------------------------------


def test_check_extractor_passes_on_value_span_and_defects() -> None:
    release = check_extractor(
        release_number,
        RELEASE,
        field="release_number",
        value="2006/712",
        span_text="2006/712",
        defects=[],
        before="date",
    )
    assert release.extras["release_number"] == "2006/712"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"field": "release_number", "value": "2006/999"}, "is '2006/712', expected '2006/999'"),
        ({"field": "number", "value": "x"}, "field 'number' was not set"),
        (
            {"field": "release_number", "value": "2006/712", "span_text": "PRN: 2006/712"},
            "covers '2006/712'",
        ),
        (
            {"field": "release_number", "value": "2006/712", "defects": ["title.missing"]},
            "defect codes are [], expected ['title.missing']",
        ),
    ],
)
def test_check_extractor_says_what_differs(options: dict[str, object], message: str) -> None:
    with pytest.raises(AssertionError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_extractor(release_number, RELEASE, before="date", **options)  # type: ignore[arg-type]


def test_check_record_passes_a_parsed_record_and_names_each_broken_invariant() -> None:
    release = releaseparse.parse(example_bytes())
    check_record(release)
    first, *rest = release.regions
    gap = attrs.evolve(release, regions=(Region(first.kind, Span(1, first.span.end)), *rest))
    with pytest.raises(AssertionError, match="do not tile the source"):
        check_record(gap)
    with pytest.raises(AssertionError, match="regions end at"):
        check_record(attrs.evolve(release, regions=release.regions[:-1]))
    outside = attrs.evolve(release, spans={**release.spans, "title": Span(0, 10**6)})
    with pytest.raises(AssertionError, match="'title' ends at 1000000, past the source"):
        check_record(outside)


def test_run_extractor_leaves_the_given_parser_alone() -> None:
    parser = Parser()
    names = parser.names
    release = run_extractor(release_number, RELEASE, parser=parser, after="office")
    assert release.extras["release_number"] == "2006/712"
    assert parser.names == names


# -- profiles -------------------------------------------------------------------------------


def test_profiles_are_listed_and_unknown_ones_named() -> None:
    assert profile_names()[:2] == ("state", "whitehouse")
    with pytest.raises(KeyError, match="known: state, whitehouse"):
        Parser(profile="nope")


def test_state_profile_is_the_default() -> None:
    assert Parser().names == Parser(profile="state").names
    assert get_profile("state").vocabulary is releaseparse.DEFAULT_VOCABULARY


def test_copy_keeps_the_profile() -> None:
    parser = Parser(profile="whitehouse")
    assert parser.copy().profile == "whitehouse"
    assert parser.copy().names == parser.names


# -- plugins installed from a wheel into a temporary environment ------------------------------

CHECK = """
import json, sys
import releaseparse
from releaseparse.plugins import plugin_names
text = sys.stdin.read()
plain = releaseparse.Parser()
with_plugins = plain.with_plugins()
print(json.dumps({
    "installed": plugin_names(),
    "names": list(with_plugins.names),
    "plain": dict(plain.parse(text).extras),
    "extras": dict(with_plugins.parse(text).extras),
    "default": dict(releaseparse.parse(text).extras),
}))
"""


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _build_wheel(folder: Path) -> Path:
    """A wheel of the documented plugin module, written by hand (no build backend needed)."""
    info = "rp_demo_plugin-0.1.dist-info"
    files = {
        "release_number.py": EXAMPLE_FILE.read_bytes(),
        f"{info}/METADATA": b"Metadata-Version: 2.1\nName: rp-demo-plugin\nVersion: 0.1\n",
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n",
        f"{info}/entry_points.txt": b"[releaseparse.plugins]\n"
        b"release_number = release_number:plugin\n",
    }
    record = [_record_line(name, data) for name, data in files.items()]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    wheel = folder / "rp_demo_plugin-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return wheel


def test_installed_plugin_is_found_and_applied_only_when_asked(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
    subprocess.run(
        [*pip, "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    ran = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHECK)],
        input=RELEASE,
        env={"PYTHONPATH": str(site), "PATH": "", "PYTHONHASHSEED": "0"},
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(ran.stdout)
    assert result["installed"] == ["release_number"]
    assert result["names"].index("release_number") == result["names"].index("date") + 1
    assert result["extras"] == {"release_number": "2006/712"}
    assert result["plain"] == {}
    assert result["default"] == {}


def test_no_plugins_installed_here() -> None:
    """In the test environment itself nothing is registered; with_plugins() is a plain copy."""
    assert plugin_names() == ()
    assert Parser().with_plugins().names == Parser().names
    with pytest.raises(KeyError, match="no releaseparse plugin named 'missing'"):
        Parser().with_plugins("missing")


# -- the White House profile beyond the documented example ------------------------------------

WHITEHOUSE = Parser(profile="whitehouse")


def test_whitehouse_without_front_matter_reports_missing_title_and_date() -> None:
    release = WHITEHOUSE.parse("THE PRESIDENT:  Thank you all for coming today.\n")
    assert {"title.missing", "date.missing"} <= set(release.codes)
    assert release.body.turns[0].label == "THE PRESIDENT"


def test_whitehouse_unreadable_front_matter_line_is_a_defect_not_a_guess() -> None:
    text = (
        "---\ntitle: Remarks on the Harbor\ntags:\n  - speeches\ndate: '2024-05-02'\n---\n\n"
        "*Harbor Hall  \nBaltimore, Maryland*\n\n2:05 P.M. EDT\n\nTHE PRESIDENT:  Hello.\n\n"
        "END 2:30 P.M. EDT\n"
    )
    release = WHITEHOUSE.parse(text)
    assert "front_matter.unreadable" in release.codes
    assert "section" not in release.extras
    header = release.header
    assert (header.title, header.date) == ("Remarks on the Harbor", dt.date(2024, 5, 2))
    assert (header.venue, header.place) == ("Harbor Hall", "Baltimore, Maryland")
    assert release.spans["place"].slice(text) == "Baltimore, Maryland"
    assert release.body.turns[0].text == "Hello."
    kinds = [region.kind for region in release.regions]
    assert kinds.count("markup") == 2
    assert kinds[-2:] == ["marker", "blank"]  # the closing time line, its line end


@given(st.text(alphabet=st.sampled_from("-\n :'\"\\*#QAEND10PM.tiledat_")))
def test_whitehouse_profile_never_raises_and_tiles(text: str) -> None:
    release = WHITEHOUSE.parse(text)
    assert "".join(region.span.slice(text) for region in release.regions) == text
