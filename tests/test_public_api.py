"""The public API: what it is, profiles built from it alone, and profiles given without packaging.

The Justice Department profile of docs/extending.md is run here on the fixtures in
``fixtures/justice/`` (``NAME.txt`` beside its golden ``NAME.expected.json``, made with
``--update-goldens`` and reviewed), through ``Parser(profile=...)`` and the command line.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import releaseparse
from releaseparse import Parser, Release, parse_many
from releaseparse.profiles import get_profile
from releaseparse.testing import check_record
from tests.conftest import FIXTURES, ROOT
from tests.golden import golden_view

SOURCE = ROOT / "src" / "releaseparse"
EXAMPLES = ROOT / "docs" / "examples"
JUSTICE_FILE = EXAMPLES / "justice.py"
JUSTICE_FIXTURES = sorted((FIXTURES / "justice").glob("*.txt"))

# -- what is public ---------------------------------------------------------------------------


def _public_names(module: str) -> frozenset[str]:
    return frozenset(importlib.import_module(module).__all__)


def test_each_public_module_says_what_it_exports_and_has_it() -> None:
    for name in ("releaseparse", *releaseparse.PUBLIC_MODULES):
        module = importlib.import_module(name)
        exported = getattr(module, "__all__", None)
        assert exported, f"{name} has no __all__"
        missing = [item for item in exported if not hasattr(module, item)]
        assert missing == [], f"{name}.__all__ names what it lacks: {missing}"


def private_imports(path: Path) -> Iterator[str]:
    """Each import in the file at ``path`` of releaseparse that is not public, as written."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                public = alias.name == "releaseparse" or alias.name in releaseparse.PUBLIC_MODULES
                if top == "releaseparse" and not public:
                    yield f"line {node.lineno}: import {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                yield f"line {node.lineno}: a relative import of {module or '.'}"
                continue
            if module.split(".")[0] != "releaseparse":
                continue
            if module != "releaseparse" and module not in releaseparse.PUBLIC_MODULES:
                yield f"line {node.lineno}: from {module} import ..."
                continue
            for alias in node.names:
                if alias.name not in _public_names(module):
                    yield f"line {node.lineno}: from {module} import {alias.name}"


#: The profiles under profiles/ (the package's __init__ is itself a public module, the
#: registry) and the examples the docs show.
BUILT_FROM_THE_API = [
    *(path for path in sorted((SOURCE / "profiles").glob("*.py")) if path.name != "__init__.py"),
    *sorted(EXAMPLES.glob("*.py")),
]


@pytest.mark.parametrize("path", BUILT_FROM_THE_API, ids=lambda path: path.name)
def test_profiles_and_examples_import_only_the_public_api(path: Path) -> None:
    assert list(private_imports(path)) == []


def test_the_import_check_catches_internals(tmp_path: Path) -> None:
    path = tmp_path / "profile.py"
    path.write_text(
        "import regex\n"
        "import releaseparse.guard\n"
        "from releaseparse import Span, _default_parser\n"
        "from releaseparse.extractors.checks import checks\n"
        "from releaseparse.toolkit import read_body, header_end\n"
        "from . import sibling\n",
        encoding="utf-8",
    )
    assert list(private_imports(path)) == [
        "line 2: import releaseparse.guard",
        "line 3: from releaseparse import _default_parser",
        "line 4: from releaseparse.extractors.checks import ...",
        "line 5: from releaseparse.toolkit import header_end",
        "line 6: a relative import of .",
    ]


def test_the_docs_list_every_public_module_and_toolkit_name() -> None:
    page = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    section = page[page.index("## What is public") :]
    for module in releaseparse.PUBLIC_MODULES:
        assert f"`{module}`" in section, module
    toolkit = page[page.index("public in `releaseparse.toolkit`") :]
    for name in _public_names("releaseparse.toolkit"):
        assert f"`{name}`" in toolkit, name


def test_checks_is_the_closing_extractor_of_both_builtin_profiles() -> None:
    from releaseparse.toolkit import BUILTIN_EXTRACTORS, checks

    assert BUILTIN_EXTRACTORS[-1] == ("checks", checks)
    for name in ("state", "whitehouse"):
        assert get_profile(name).extractors[-1] == ("checks", checks)


def test_import_loads_neither_metadata_nor_the_parser_until_asked() -> None:
    """``import releaseparse`` is fast: the version, records and parser load on first use.

    The time itself is measured by benchmarks/bench.py, not here.
    """
    code = (
        "import sys, releaseparse\n"
        "heavy = ('importlib.metadata', 'attrs', 'regex', 'releaseparse.parser')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
        "from releaseparse import Parser, Release\n"
        "release = releaseparse.parse('Title\\n\\nBody.')\n"
        "print(isinstance(release, Release), Parser.__module__, releaseparse.__version__ != '')\n"
        "print('Release' in dir(releaseparse), 'importlib.metadata' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["[]", "True releaseparse.parser True", "True True"]
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = releaseparse.nope


# -- the Justice Department profile -------------------------------------------------------------


@pytest.fixture(scope="module")
def justice() -> Iterator[ModuleType]:
    """docs/examples/justice.py imported as the module ``justice`` (so that it pickles)."""
    spec = importlib.util.spec_from_file_location("justice", JUSTICE_FILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["justice"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["justice"]


def test_there_are_justice_fixtures() -> None:
    assert len(JUSTICE_FIXTURES) >= 3


@pytest.mark.parametrize("path", JUSTICE_FIXTURES, ids=lambda path: path.stem)
def test_the_justice_profile_reads_its_fixtures(
    path: Path, justice: ModuleType, update_goldens: bool
) -> None:
    release = Parser(profile=justice.PROFILE).parse(path.read_bytes())
    check_record(release)
    view = golden_view(release)
    expected_path = path.with_suffix(".expected.json")
    if update_goldens:
        text = json.dumps(view, indent=2, ensure_ascii=False) + "\n"
        expected_path.write_text(text, encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(view)) == expected  # the extras' tuples are lists in JSON
    header = release.header
    assert header.title
    assert header.date
    assert header.office
    assert release.body.paragraphs
    assert release.extras["release_number"] == path.read_text("utf-8").split("###")[1].split()[0]
    assert release.defects == ()
    assert "unclaimed" not in {region.kind for region in release.regions}


def test_a_profile_object_is_kept_by_copy_and_pickle_and_reaches_workers(
    justice: ModuleType,
) -> None:
    parser = Parser(profile=justice.PROFILE)
    assert parser.names == ("header", "end_matter", "body", "checks")
    assert repr(parser).startswith("Parser(profile='justice'")
    assert parser.copy().profile is justice.PROFILE
    assert pickle.loads(pickle.dumps(parser)).names == parser.names
    items = [(path.name, path.read_bytes()) for path in JUSTICE_FIXTURES]
    alone = [outcome.unwrap() for outcome in parse_many(items, parser=parser)]
    spread = [outcome.unwrap() for outcome in parse_many(items, parser=parser, workers=2)]
    assert spread == alone
    assert [release.extras["release_number"] for release in alone] == [
        "19-1107",
        "19-123",
        "19-004",
    ]


def test_a_profile_by_module_and_attribute(justice: ModuleType) -> None:
    assert get_profile("justice:PROFILE") is justice.PROFILE
    assert Parser(profile="justice:PROFILE").names == Parser(profile=justice.PROFILE).names


@pytest.mark.parametrize(
    ("reference", "error", "message"),
    [
        ("no_such_module_here:PROFILE", KeyError, "no module named 'no_such_module_here'"),
        ("justice:NOPE", KeyError, "'justice' has no attribute 'NOPE'"),
        ("justice:MAX_LINES", TypeError, "is a int, not a Profile"),
        ("justice:", KeyError, "give it as module:attribute"),
        (":PROFILE", KeyError, "give it as module:attribute"),
        ("nope", KeyError, "or give one as module:attribute"),
    ],
)
def test_a_profile_that_is_not_there_says_what_is_missing(
    justice: ModuleType, reference: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Parser(profile=reference)


def test_a_module_whose_own_import_fails_is_not_reported_as_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken_profile.py").write_text("import no_such_dependency_here\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_here"):
        get_profile("broken_profile:PROFILE")


def test_a_profile_must_be_a_name_or_a_profile() -> None:
    with pytest.raises(TypeError, match="a profile is a name or a Profile"):
        Parser(profile=3)  # type: ignore[arg-type]


# -- on the command line ------------------------------------------------------------------------


def _cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, safe_path: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """The command line as the console script runs it: ``-P`` keeps the current folder off
    ``sys.path``, so finding a module there is the command's own doing."""
    python = [sys.executable, "-P"] if safe_path else [sys.executable]
    return subprocess.run(
        [*python, "-m", "releaseparse", *args], capture_output=True, check=False, cwd=cwd, env=env
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_cli_reads_the_justice_fixtures_with_the_profile_from_the_current_folder(
    tmp_path: Path, justice: ModuleType, jobs: str
) -> None:
    (tmp_path / "justice.py").write_bytes(JUSTICE_FILE.read_bytes())
    out = tmp_path / "out.jsonl"
    folder = str(FIXTURES / "justice")
    arguments = ["parse", folder, "--glob", "*.txt", "-o", str(out), "-q", "-j", jobs]
    result = _cli(*arguments, "--profile", "justice:PROFILE", cwd=tmp_path, safe_path=True)
    assert result.returncode == 0, result.stderr
    rows = {Path(row["id"]).name: row for row in map(json.loads, out.read_text().splitlines())}
    parser = Parser(profile=justice.PROFILE)
    assert sorted(rows) == [path.name for path in JUSTICE_FIXTURES]
    for path in JUSTICE_FIXTURES:
        assert Release.from_dict(rows[path.name]["release"]) == parser.parse(path.read_bytes())


def test_the_cli_finds_the_module_on_pythonpath(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(EXAMPLES)}
    path = FIXTURES / "justice" / "plea.txt"
    result = _cli("explain", str(path), "--profile", "justice:PROFILE", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert b"Harbor Dredging Company Pleads Guilty" in result.stdout
    assert b"masthead" in result.stdout


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ("no_such_module_here:PROFILE", b"no module named 'no_such_module_here'"),
        ("justice:NOPE", b"'justice' has no attribute 'NOPE'"),
        ("justice:DEPARTMENT", b"is a str, not a Profile"),
        ("nope", b"no releaseparse profile named 'nope'"),
    ],
)
def test_a_cli_profile_that_is_not_there_is_a_usage_error(
    tmp_path: Path, profile: str, message: bytes
) -> None:
    (tmp_path / "justice.py").write_bytes(JUSTICE_FILE.read_bytes())
    path = str(FIXTURES / "justice" / "plea.txt")
    for command in ("parse", "explain"):
        result = _cli(command, path, "--profile", profile, cwd=tmp_path, safe_path=True)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr
        assert b"Traceback" not in result.stderr


# -- the default profile on a Justice Department release -----------------------------------------


@pytest.mark.parametrize("path", JUSTICE_FIXTURES, ids=lambda path: path.stem)
def test_the_default_profile_takes_no_release_note_for_a_title_and_is_not_sure_of_it(
    path: Path,
) -> None:
    """Without the profile, ``FOR IMMEDIATE RELEASE`` is chrome, and a masthead line read as
    the title (the real one printed below the header) is not rated sure."""
    release = releaseparse.parse(path.read_bytes())
    title = release.header.title or ""
    assert "immediate release" not in title.casefold()
    kinds = {region.span.slice(release.source): region.kind for region in release.regions}
    assert kinds["FOR IMMEDIATE RELEASE"] == "chrome"
    golden = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    if title != golden["header"]["title"]:
        assert release.confidence.get("title") != "sure"
