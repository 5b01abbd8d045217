"""YAML front matter: each scalar form, spans, problems, and agreement with PyYAML."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from releaseparse.frontmatter import MAX_LINES, FrontMatter, read_front_matter

WHITEHOUSE = Path(__file__).resolve().parents[2] / "shared" / "data" / "whitehouse"

BRIEFING = """\
---
date: '2024-10-03'
modified_time: 2024-10-03 13:50:17-04:00
published_time: 2024-10-03 14:03:00-04:00
source_url: https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2024/10/03/x/
tags: press-briefings
title: "Press Gaggle by Press Secretary Karine Jean-Pierre and Secretary of Agriculture\\
  \\ Tom Vilsack En Route Tallahassee,\\_FL"
---

# Press Gaggle
"""

BRIEFING_VALUES = {
    "date": "2024-10-03",
    "modified_time": "2024-10-03 13:50:17-04:00",
    "published_time": "2024-10-03 14:03:00-04:00",
    "source_url": "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2024/10/03/x/",
    "tags": "press-briefings",
    "title": "Press Gaggle by Press Secretary Karine Jean-Pierre and Secretary of Agriculture"
    " Tom Vilsack En Route Tallahassee,\xa0FL",
}


def read(body: str) -> FrontMatter:
    front = read_front_matter(f"---\n{body}\n---\n")
    assert front is not None
    return front


def yaml_value(body: str, key: str = "k") -> object:
    loaded = yaml.safe_load(body)
    assert isinstance(loaded, dict)
    return loaded[key]


def assert_reads(body: str, expected: str) -> None:
    """``k``'s value is ``expected``, which is also what PyYAML gives, and nothing is amiss."""
    front = read(body)
    assert front.problems == ()
    assert front.values == {"k": expected}
    assert yaml_value(body) == expected


# -- the block ------------------------------------------------------------------------------


def test_reads_the_briefing_example() -> None:
    front = read_front_matter(BRIEFING)
    assert front is not None
    assert front.values == BRIEFING_VALUES
    assert front.problems == ()
    assert BRIEFING[front.span[0] : front.span[1]].endswith('FL"\n---\n')
    assert BRIEFING[front.span[1] :] == "\n# Press Gaggle\n"
    raw = {key: BRIEFING[start:end] for key, (start, end) in front.spans.items()}
    assert raw["date"] == "'2024-10-03'"
    assert raw["modified_time"] == "2024-10-03 13:50:17-04:00"
    assert raw["title"].startswith('"Press Gaggle')
    assert raw["title"].endswith(',\\_FL"')
    assert "\n  \\ Tom" in raw["title"]


def test_crlf_and_cr_line_ends_read_the_same() -> None:
    for newline in ("\r\n", "\r"):
        source = BRIEFING.replace("\n", newline)
        front = read_front_matter(source)
        assert front is not None
        assert front.values == BRIEFING_VALUES
        assert source[front.span[1] :] == f"{newline}# Press Gaggle{newline}"
        for key, (start, end) in front.spans.items():
            assert "\r" not in source[start:end] or key == "title"
            assert not source[start:end].endswith(("\r", "\n", " "))


@pytest.mark.parametrize(
    ("source", "end"),
    [
        ("---\nk: v\n---\nbody", 13),
        ("---\nk: v\n...\nbody", 13),
        ("---\nk: v\n---", 12),
        ("---  \nk: v\n---\t\nbody", 16),
        ("---\r\nk: v\r\n---\r\nbody", 16),
        ("---\n---\n", 8),
    ],
)
def test_block_span_runs_past_the_closing_line(source: str, end: int) -> None:
    front = read_front_matter(source)
    assert front is not None
    assert front.span == (0, end)


@pytest.mark.parametrize(
    "source",
    [
        "",
        "# Title\n\n---\nk: v\n---\n",
        "\ufeff---\nk: v\n---\n",
        "\n---\nk: v\n---\n",
        " ---\nk: v\n---\n",
        "----\nk: v\n---\n",
        "--- k: v\n---\n",
        "---",
        "---\n",
        "---\nk: v\n",
        "---\nk: v\n--- \n"[:-5],
        "---\nk: v\n-- -\n",
    ],
)
def test_no_front_matter_or_no_closing_line_gives_none(source: str) -> None:
    assert read_front_matter(source) is None


def test_closing_line_must_come_within_max_lines() -> None:
    filler = "# comment\n" * (MAX_LINES - 1)
    front = read_front_matter(f"---\n{filler}---\n")
    assert front is not None
    assert front.values == {}
    assert read_front_matter(f"---\n{filler}# one more\n---\n") is None


def test_comments_and_blank_lines_are_skipped() -> None:
    front = read("# a comment\n\na: 1\n   \n  # indented comment\nb: 2  # trailing\n#c: 3")
    assert front.values == {"a": "1", "b": "2"}
    assert front.problems == ()


def test_keys() -> None:
    front = read("_a: 1\nB-2_c: 2\nx9: 3")
    assert front.values == {"_a": "1", "B-2_c": "2", "x9": "3"}


# -- plain scalars --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("k: hello world", "hello world"),
        ("k: a:b", "a:b"),
        ("k: https://example.org/a?b=c#frag", "https://example.org/a?b=c#frag"),
        ("k: a #comment", "a"),
        ('k: it\'s "so"', 'it\'s "so"'),
        ("k: -a", "-a"),
        ("k: :a", ":a"),
        ("k: a, b [c] {d}", "a, b [c] {d}"),
        ("k: a\n  b", "a b"),
        ("k: a   \n     b   ", "a b"),
        ("k: a\n\n  b", "a\nb"),
        ("k: a\n  \n\n  b\n\n", "a\n\nb"),
        ("k: a\n  - b", "a - b"),
        ("k: a\n  # comment\nj: b", "a"),
        ("k:\n  a\n  b", "a b"),
        ("k: # comment\n  a", "a"),
        ("k: a\ufeffb", "a\ufeffb"),
    ],
)
def test_plain_scalars(body: str, expected: str) -> None:
    front = read(body)
    assert front.problems == ()
    assert front.values["k"] == expected
    assert yaml_value(body) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-10-03",
        "2024-10-03 13:50:17-04:00",
        "2024-10-03T13:50:17Z",
        "42",
        "0x1F",
        "3.14",
        "true",
        "off",
        "~",
        "null",
        ".nan",
    ],
)
def test_plain_scalars_yaml_would_type_stay_text(text: str) -> None:
    body = f"k: {text}"
    assert not isinstance(yaml_value(body), str)
    front = read(body)
    assert front.values == {"k": text}
    assert front.problems == ()


# -- quoted scalars -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("k: 'a'", "a"),
        ("k: ''", ""),
        ("k: 'it''s'", "it's"),
        ("k: ''''", "'"),
        ("k: ' a '", " a "),
        ("k: 'a\\n'", "a\\n"),
        ("k: '# not a comment'", "# not a comment"),
        ("k: 'a' # comment", "a"),
        ("k: 'a\n  b'", "a b"),
        ("k: 'a   \n     b'", "a b"),
        ("k: 'a\n\n  b'", "a\nb"),
        ("k: 'a\n  \n   \n  b'", "a\n\nb"),
        ("k: '\n  a'", " a"),
        ("k: 'a\n \tb'", "a b"),
        ("k: 'a\tb'", "a\tb"),
        ("k: 'a\n  j: b'", "a j: b"),
        ("k:\n  'a'", "a"),
    ],
)
def test_single_quoted_scalars(body: str, expected: str) -> None:
    assert_reads(body, expected)


@pytest.mark.parametrize(
    ("escape", "char"),
    [
        ('\\"', '"'),
        ("\\\\", "\\"),
        ("\\/", "/"),
        ("\\n", "\n"),
        ("\\t", "\t"),
        ("\\\t", "\t"),
        ("\\r", "\r"),
        ("\\0", "\x00"),
        ("\\a", "\x07"),
        ("\\b", "\x08"),
        ("\\v", "\x0b"),
        ("\\f", "\x0c"),
        ("\\e", "\x1b"),
        ("\\ ", " "),
        ("\\_", "\xa0"),
        ("\\N", "\x85"),
        ("\\L", "\u2028"),
        ("\\P", "\u2029"),
        ("\\x41", "A"),
        ("\\xe9", "é"),
        ("\\u00E9", "é"),
        ("\\U0001F600", "\U0001f600"),
    ],
)
def test_double_quoted_escapes(escape: str, char: str) -> None:
    assert_reads(f'k: "<{escape}>"', f"<{char}>")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('k: "a"', "a"),
        ('k: ""', ""),
        ('k: "it\'s"', "it's"),
        ('k: "a" # comment', "a"),
        ('k: "a\n  b"', "a b"),
        ('k: "a   \n     b"', "a b"),
        ('k: "a\n\n\n  b"', "a\n\nb"),
        ('k: "a\\\n  b"', "ab"),
        ('k: "a \\\n  b"', "a b"),
        ('k: "a\\\n\n  b"', "a\nb"),
        ('k: "a\\ \n  b"', "a  b"),
        ('k: "a\\t\n  b"', "a\t b"),
        ('k: "a\t\n  b"', "a b"),
        ('k: "\\\n  \\ b"', " b"),
        ('k: "a\n  \\ b"', "a  b"),
        ('k:\n  "a\n  b"', "a b"),
    ],
)
def test_double_quoted_scalars(body: str, expected: str) -> None:
    assert_reads(body, expected)


# -- spans ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "raw"),
    [
        ("k: plain text", "plain text"),
        ("k: plain   # comment", "plain"),
        ("k: plain\n  more  \n\n  lines  \n", "plain\n  more  \n\n  lines"),
        ("k: 'quoted'  ", "'quoted'"),
        ("k: 'it''s'", "'it''s'"),
        ('k: "a\\\n  b" # c', '"a\\\n  b"'),
        ("k:\n  next line", "next line"),
        ("k:   spaced", "spaced"),
    ],
)
def test_spans_cover_the_raw_value(body: str, raw: str) -> None:
    source = f"---\n{body}\n---\n"
    front = read_front_matter(source)
    assert front is not None
    start, end = front.spans["k"]
    assert source[start:end] == raw


# -- problems -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message", "where"),
    [
        ("k:\n  - a\n  - b", "lists", "- a"),
        ("k:\n- a\n- b", "lists", "- a"),
        ("k:\n  a: 1", "nested mapping", ": 1"),
        ("k: a: b", "nested mapping", ": b"),
        ("k: a\n  b: c", "nested mapping", ": c"),
        ("k: [a, b]", "flow collections", "[a"),
        ("k: {a: b}", "flow collections", "{a"),
        ("k: &anchor a", "anchors", "&anchor"),
        ("k: *alias", "aliases", "*alias"),
        ("k: !!str a", "tags", "!!str"),
        ("k: |\n  text", "block scalars", "|"),
        ("k: >-\n  text", "block scalars", ">-"),
        ("k:", "empty value", "k:"),
        ("k: # only a comment", "empty value", "k:"),
        ("k: @a", "reserved", "@a"),
        ("k:\ta", "tab", "\ta"),
        ("k: a\tb", "tab", "\tb"),
        ("k: a\n\tb", "tab", "\tb"),
        ("k: a # c\n  b", "text after", "b"),
        ("k: 'a' b", "text after", "b"),
        ("k: 'a'\n  b", "text after", "b"),
        ('k: "a"# c', "text after", "# c"),
        ('k: "\\q"', "unknown escape", "\\q"),
        ('k: "\\x4"', "hexadecimal", "\\x4"),
        ('k: "\\ud800"', "Unicode scalar", "\\ud800"),
        ('k: "\\U00110000"', "Unicode scalar", "\\U0011"),
        ("k: 'a\n\tb'", "indented with spaces", "\tb"),
        ("k: 'a\x01'", "U+0001", "\x01"),
        ("k: a\u2028b", "U+2028", "\u2028"),
        ("k: a\x85b", "U+0085", "\x85"),
        ("'k': a", "quoted keys", "'k'"),
        ("? k\n: a", "complex keys", "? k"),
        ("k : a", "not a 'key: value' line", "k : a"),
        ("k:a", "not a 'key: value' line", "k:a"),
        ("on: a", "boolean or null", "on:"),
        ("--- a", "document marker", "--- a"),
        ("# c\n  k: a", "indented line", "  k: a"),
    ],
)
def test_unsupported_syntax_is_a_problem_not_a_guess(body: str, message: str, where: str) -> None:
    source = f"---\nbefore: 1\n{body}\nafter: 2\n---\n"
    front = read_front_matter(source)
    assert front is not None
    assert "k" not in front.values
    assert front.values == {"before": "1", "after": "2"}
    assert set(front.spans) == {"before", "after"}
    assert any(message in text for text, _ in front.problems), front.problems
    offset = next(offset for text, offset in front.problems if message in text)
    assert source[offset:].startswith(where)


def test_duplicate_keys_are_left_out_entirely() -> None:
    front = read("k: a\nj: b\nk: c\nk: d")
    assert front.values == {"j": "b"}
    assert [text for text, _ in front.problems] == ["duplicate key 'k'"] * 2
    assert yaml_value("k: a\nj: b\nk: c\nk: d") == "d"  # what a loader does instead


@pytest.mark.parametrize("other", ['"k": x', "'k': x", "k : x", "&a k: x", "!!str k: x", "? k"])
def test_keys_read_from_lines_not_read_count_as_duplicates(other: str) -> None:
    front = read(f"k: a\nj: b\n{other}")
    assert front.values == {"j": "b"}
    assert any("duplicate key 'k'" in text for text, _ in front.problems)


def test_a_line_whose_key_cannot_be_told_drops_every_value() -> None:
    front = read("k: a\n&x j: b\n*x : c")
    assert front.values == {}
    assert front.spans == {}
    assert any("may read any key" in text for text, _ in front.problems)


@pytest.mark.parametrize(
    "body",
    [
        "k: 'open\nj: x'\nm: y",
        'k: "open\nj: x"\nm: y',
        "k: [a,\nj: x]\nm: y",
        "k: {a: 'b,\nj: x'}\nm: y",
        "? 'open\nj: x'\nm: y",
        "# c\u2028? 'open\nj: x'\nm: y",
        "k: a\u2028? 'open\nj: x'\nm: y",
    ],
)
def test_reading_stops_where_an_unreadable_entry_may_run_on(body: str) -> None:
    front = read(body)
    assert "j" not in front.values
    assert "m" not in front.values
    assert any("rest of the block is not read" in text for text, _ in front.problems)
    loaded = yaml.safe_load(body)
    assert isinstance(loaded, dict)
    assert "j" not in loaded  # a lenient YAML 1.1 loader reads `j: x` into the entry above


@pytest.mark.parametrize(
    "entry",
    [
        "k: [a, 'b, c', \"d\"]",
        "k: {a: it's}",
        "k: [a,\n  b]",
        "k:\n  - 'a'\n  - \"b\"",
        "k: |\n  'x",
        "k: 'a\u2028b'",
    ],
)
def test_reading_goes_on_after_an_unreadable_entry_that_surely_ends(entry: str) -> None:
    body = f"{entry}\nj: x"
    front = read(body)
    assert front.values == {"j": "x"}
    assert len(front.problems) == 1
    assert yaml_value(body, "j") == "x"


def test_problems_come_in_source_order() -> None:
    front = read("a: [1]\nb: ok\nc: &x 2\nd:\ne: |\n  x")
    assert front.values == {"b": "ok"}
    offsets = [offset for _, offset in front.problems]
    assert offsets == sorted(offsets)
    assert len(offsets) == 4


# -- PyYAML on the real files ---------------------------------------------------------------


def test_whitehouse_front_matter_agrees_with_pyyaml() -> None:
    """Every value of every real file is what ``yaml.safe_load`` gives.

    ``safe_load`` turns unquoted dates and timestamps (``published_time``) into
    ``datetime`` objects; those are compared as text instead: the reader's value must be the
    raw text of the value, which ``safe_load`` reads back as the same object.
    """
    if not WHITEHOUSE.is_dir():
        pytest.skip(f"the real files are not here: {WHITEHOUSE} is absent")
    paths = sorted(WHITEHOUSE.rglob("*.md"))
    assert paths, f"no .md file under {WHITEHOUSE}"
    for path in paths:
        source = path.read_bytes().decode("utf-8")
        front = read_front_matter(source)
        assert front is not None, path
        assert front.problems == (), path
        lines = source.split("\n")
        first, close = 1, lines.index("---", 1)
        block = "\n".join(lines[first:close])
        offset = len(lines[0]) + 1
        loaded = yaml.safe_load(block)
        assert isinstance(loaded, dict), path
        assert set(front.values) == set(loaded), path
        for key, expected in loaded.items():
            start, end = front.spans[key]
            if isinstance(expected, dt.date):  # datetime is a date too
                assert front.values[key] == source[start:end], (path, key)
                assert yaml.safe_load(front.values[key]) == expected, (path, key)
            else:
                assert front.values[key] == expected, (path, key)
        node = yaml.compose(block)
        assert isinstance(node, yaml.MappingNode)
        for key_node, value_node in node.value:
            span = (offset + value_node.start_mark.index, offset + value_node.end_mark.index)
            assert front.spans[key_node.value] == span, (path, key_node.value)


# -- properties -----------------------------------------------------------------------------

KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,15}", fullmatch=True).filter(
    lambda key: yaml.safe_load(key) == key
)
TEXTS = st.text(max_size=50) | st.text(" ab#:-'\"\\\n\t\xa0é[]{}&*!|>?,%@`\x85\u2028", max_size=50)
YAML11_BREAKS = re.compile("[\x85\u2028\u2029]")


@given(
    entries=st.dictionaries(KEYS, TEXTS, min_size=1, max_size=5),
    width=st.integers(20, 80),
    style=st.sampled_from([None, "'", '"']),
)
@example(entries={"title": "a " * 40}, width=20, style=None)
@example(entries={"title": "it's \\ a\n\nb  c\t"}, width=20, style="'")
@example(entries={"k": "a\u2028b"}, width=80, style="'")
@example(entries={"B": "\n\u2028", "A": ""}, width=20, style=None)
def test_reads_what_safe_dump_writes(
    entries: dict[str, str], width: int, style: str | None
) -> None:
    """What ``yaml.safe_dump`` writes reads back as the same strings (keys left unquoted)."""
    rendered = {}
    for key, text in entries.items():
        dumped = yaml.safe_dump({key: text}, allow_unicode=True, width=width, default_style=style)
        if style is not None:  # default_style quotes the key too: give it back plain
            assert dumped.startswith(f"{style}{key}{style}: ")
            dumped = key + dumped[len(key) + 2 :]
        rendered[key] = dumped
    block = "".join(rendered.values())
    source = f"---\n{block}---\n\nBody text.\n"
    front = read_front_matter(source)
    assert front is not None
    loaded = yaml.safe_load(block)
    for key, text in entries.items():
        if loaded[key] != text:
            continue  # PyYAML does not read this back (it folds a raw U+0085): nothing to check
        if YAML11_BREAKS.search(rendered[key]):
            assert key not in front.values  # YAML 1.1 and 1.2 disagree on these: a problem
            continue
        assert front.values[key] == text
        start, end = front.spans[key]
        assert source[start:end] == rendered[key][len(key) + 2 :].rstrip("\n")
    if not YAML11_BREAKS.search(block):
        assert front.problems == ()


YAMLISH = st.lists(
    st.sampled_from(
        [
            *("k", "j", "k: ", "j: ", ": ", ":", " ", "  ", "\t", "\n", "\n", "\n  ", "\r\n"),
            *("'", "''", '"', "\\", "\\\n", "\\x41", "\\_", "#", " #", "- ", "-", "? "),
            *("[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "|", ">", "%", "@", "x", "yz"),
            *("é", "\u2028", "\x85", "\x00", "---", "...", "2024-01-01", "~"),
        ]
    ),
    max_size=40,
).map("".join)


def closing_line_start(source: str, front: FrontMatter) -> int:
    end = front.span[1]
    end -= 2 if source[end - 2 : end] == "\r\n" else 1 if source[end - 1] in "\r\n" else 0
    return max(source.rfind("\n", 0, end), source.rfind("\r", 0, end)) + 1


@given(YAMLISH)
@example("k: 'a\nj: b'\nj: c")
@example("k: a\nj: \u2028k: b")
@example("j: [a\n 'c, 'd]\nk: x']")
def test_whatever_it_reads_pyyaml_reads_the_same(body: str) -> None:
    """On any block PyYAML loads, every value read is PyYAML's, and lies where PyYAML says."""
    source = f"---\n{body}\n---\n"
    front = read_front_matter(source)
    assert front is not None
    block = source[4 : closing_line_start(source, front)]
    try:
        node = yaml.compose(block)
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return  # not YAML: nothing to agree with
    if not isinstance(node, yaml.MappingNode):
        assert front.values == {}
        return
    assert isinstance(loaded, dict)
    pairs: dict[str, list[yaml.Node]] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            pairs.setdefault(key_node.value, []).append(value_node)
    for key, value in front.values.items():
        assert len(pairs.get(key, [])) == 1, key
        value_node = pairs[key][0]
        assert isinstance(value_node, yaml.ScalarNode)
        assert value == value_node.value
        if isinstance(loaded[key], str):
            assert value == loaded[key]
        span = (4 + value_node.start_mark.index, 4 + value_node.end_mark.index)
        assert front.spans[key] == span


@given(st.text() | YAMLISH)
@example("\\" * 50)
@example('k: "\\U0010FFFF\\x"')
def test_never_raises(text: str) -> None:
    for source in (f"---\n{text}", f"---\n{text}\n---\n", f"---\r\n{text}\r\n...\r\n"):
        front = read_front_matter(source)
        if front is None:
            continue
        start, end = front.span
        assert start == 0 <= end <= len(source)
        assert set(front.spans) == set(front.values)
        for key, (first, last) in front.spans.items():
            assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key)
            assert start < first <= last <= end
        assert all(start <= offset < end for _, offset in front.problems)


@pytest.mark.parametrize(
    "body",
    [
        "k: " + "a " * 100_000,
        "k: '" + "'' " * 100_000,
        'k: "' + "\\ " * 100_000,
        "k: " + "[" * 100_000,
        "k: [" + " 'a'," * 50_000,
        "k: a\n" + "  b\n" * 190,
        "k: [" + "a " * 100_000,
        "&a " * 50_000 + "k: x",
    ],
)
def test_long_hostile_values_are_read_in_linear_time(body: str) -> None:
    # A quadratic step would take minutes on these; linear, they take milliseconds.
    front = read(body)
    assert front.span[1] > len(body)
