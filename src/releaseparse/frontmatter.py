"""A strict, safe reader of the YAML front matter block at the top of Markdown files."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from releaseparse.records import FrozenMap

#: The closing ``---`` (or ``...``) line must be one of this many lines after the opening one.
MAX_LINES = 200

#: YAML's limit on the length of an implicit (plain, single-line) key.
MAX_KEY_LENGTH = 1024

_BREAK = re.compile(r"\r\n?|\n")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Characters YAML does not allow in a stream (C0/C1 controls, DEL, surrogates, U+FFFE/F),
# plus U+0085, U+2028 and U+2029, which YAML 1.1 (PyYAML) reads as line breaks but YAML 1.2
# as content: a line that holds one cannot be read without guessing.
_UNREADABLE_CHAR = re.compile(
    r"[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAKS_11 = re.compile("[\x85\u2028\u2029]")
# A line starting with one of these does not start a YAML entry at column 0.
_INDENTING = " \t\x85\u2028\u2029"
# Characters that open a construct YAML may carry on past the end of an entry.
_OPENERS = re.compile("[\"'\\[{]")
_NOT_READ = "the rest of the block is not read: the unreadable entry above may run on into it"
_SPACES = re.compile(" *")
_BLANKS = re.compile("[ \t]*")
_SINGLE_RUN = re.compile(r"[^']+")
_DOUBLE_RUN = re.compile(r'[^"\\]+')
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
# Keys YAML 1.1 resolves to a bool or null rather than a string.
_TYPED_KEYS = frozenset(
    word
    for base in ("yes", "no", "true", "false", "on", "off", "null")
    for word in (base, base.capitalize(), base.upper())
)
_NOT_PLAIN_START = {
    "|": "block scalars (| or >) are not supported",
    ">": "block scalars (| or >) are not supported",
    "[": "flow collections ([...] or {...}) are not supported",
    "{": "flow collections ([...] or {...}) are not supported",
    "&": "anchors are not supported",
    "*": "aliases are not supported",
    "!": "tags are not supported",
    "%": "a value cannot start with '%'",
    "@": "a value cannot start with '@' (reserved in YAML)",
    "`": "a value cannot start with '`' (reserved in YAML)",
    ",": "a value cannot start with ','",
    "]": "a value cannot start with ']'",
    "}": "a value cannot start with '}'",
}


def _freeze_values(value: Mapping[str, str]) -> FrozenMap[str]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _freeze_spans(value: Mapping[str, tuple[int, int]]) -> FrozenMap[tuple[int, int]]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


@attrs.frozen
class FrontMatter:
    """The string values of a front matter block, where they lie, and what could not be read.

    ``values`` maps each key to its scalar as a string: quoted scalars unquoted and unescaped,
    line breaks folded as YAML folds them, and unquoted scalars that YAML would type (dates,
    timestamps, numbers, booleans, null) kept as their text. ``spans`` maps each key to the
    ``(start, end)`` offsets of the value's raw text in the source (quotes included, a
    trailing comment and whitespace excluded). ``span`` covers the whole block, from the
    opening ``---`` to past the closing line's terminator. ``problems`` holds, in source
    order, one ``(message, offset)`` for each entry (a line at column 0 with the indented
    lines under it) or stray line that could not be read, one for each repeat of a key, and
    one where reading stopped early; unread and repeated keys are left out of ``values`` and
    ``spans``.
    """

    values: Mapping[str, str] = attrs.field(converter=_freeze_values)
    spans: Mapping[str, tuple[int, int]] = attrs.field(converter=_freeze_spans)
    span: tuple[int, int]
    problems: tuple[tuple[str, int], ...] = ()


class _Line(NamedTuple):
    start: int
    text: str


class _Unreadable(Exception):
    """An entry that cannot be read; caught in ``read_front_matter``, never raised out."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message, offset)
        self.message = message
        self.offset = offset


def read_front_matter(source: str) -> FrontMatter | None:
    r"""Read the YAML front matter at the very start of ``source``, or None if there is none.

    The first line must be ``---`` (nothing before it, not even a BOM) and a closing ``---``
    or ``...`` line must follow within ``MAX_LINES`` lines; lines end with ``\n``,
    ``\r\n`` or ``\r``. Inside, only ``key: scalar`` entries at column 0 are read, keys
    matching ``[A-Za-z_][A-Za-z0-9_-]*``, values plain, single-quoted or double-quoted
    scalars, each giving exactly the string a YAML loader gives. Lists, mappings, anchors,
    aliases, tags, flow collections, block scalars, empty (null) values, tabs outside quotes,
    duplicate keys and anything else outside that subset are reported in ``problems`` and
    left out. Where an unreadable entry may run on (an unclosed quote or bracket), reading
    stops. Never raises; time is linear in the length of the block.
    """
    found = _find_block(source)
    if found is None:
        return None
    lines, block_end = found
    values: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    problems: list[tuple[str, int]] = []
    keys: dict[str, list[int]] = {}  # each key YAML may read, with the offsets of its lines
    unknown: int | None = None  # a line that may hold a key, but which one cannot be told
    reading = True  # False once an unreadable entry may run on into the lines below it
    count = len(lines)
    index = 0
    while index < count:
        line = lines[index]
        text = line.text
        stop = index + 1
        if _is_comment_or_blank(text):
            bad = _UNREADABLE_CHAR.search(text)
            if bad is not None:
                problems.append((_bad_char_message(bad.group()), line.start + bad.start()))
                # YAML 1.1 reads the text after U+0085/2028/2029 as lines of the block.
                runs_on = not _ends_within(_split_yaml11(line)[1:], 0)
                unknown = _note_keys(_yaml11_lines(line), (), keys, unknown)
                if reading and runs_on and stop < count:
                    reading = False
                    problems.append((_NOT_READ, lines[stop].start))
            index = stop
            continue
        while stop < count and (not lines[stop].text or lines[stop].text[0] in _INDENTING):
            stop += 1
        entry = lines[index:stop]
        index = stop
        heads = [head for held in entry for head in _yaml11_lines(held)]
        if text[0] not in _INDENTING:
            unknown = _note_keys([line], entry[1:], keys, unknown)
        unknown = _note_keys(heads, (), keys, unknown)
        if not reading:
            continue
        column = 0
        try:
            if text[0] in _INDENTING:
                raise _Unreadable("indented line outside a value", line.start)
            key = _read_key(text, line.start)
            column = len(key) + 1
            value, start, end = _read_value(entry, column)
        except _Unreadable as unreadable:
            message = unreadable.message
            problems.append((f"{key}: {message}" if column else message, unreadable.offset))
            if not _ends_within(entry, column):
                reading = False
                if stop < count:
                    problems.append((_NOT_READ, lines[stop].start))
            continue
        values[key] = value
        spans[key] = (start, end)
    for key, offsets in keys.items():
        if len(offsets) > 1:
            values.pop(key, None)
            spans.pop(key, None)
            problems.extend((f"duplicate key {key!r}", offset) for offset in offsets[1:])
    if unknown is not None and values:
        values.clear()
        spans.clear()
        problems.append(
            ("no value is given: YAML may read any key from this line, a repeat included", unknown)
        )
    problems.sort(key=lambda problem: problem[1])
    return FrontMatter(values=values, spans=spans, span=(0, block_end), problems=tuple(problems))


def _find_block(source: str) -> tuple[list[_Line], int] | None:
    end, stop = _line_bounds(source, 0)
    if stop == end or not _is_marker(source[:end], "---"):
        return None
    lines: list[_Line] = []
    start = stop
    for _ in range(MAX_LINES):
        if start >= len(source):
            return None
        end, stop = _line_bounds(source, start)
        text = source[start:end]
        if _is_marker(text, "---") or _is_marker(text, "..."):
            return lines, stop
        lines.append(_Line(start, text))
        start = stop
    return None


def _line_bounds(source: str, start: int) -> tuple[int, int]:
    match = _BREAK.search(source, start)
    if match is None:
        return len(source), len(source)
    return match.start(), match.end()


def _is_marker(text: str, marker: str) -> bool:
    return text.startswith(marker) and not text[3:].strip(" \t")


def _is_comment_or_blank(text: str) -> bool:
    rest = text.lstrip(" ")
    return not rest or rest[0] == "#"


def _bad_char_message(char: str) -> str:
    if char in "\x85\u2028\u2029":
        return f"U+{ord(char):04X} is a line break in YAML 1.1 but not in YAML 1.2"
    return f"U+{ord(char):04X} is not allowed in YAML"


def _read_key(text: str, offset: int) -> str:
    if text[:3] in ("---", "...") and text[3:4] in ("", " ", "\t"):
        raise _Unreadable("a second document marker is not supported", offset)
    match = _KEY.match(text)
    colon = match.end() if match is not None else 0
    if match is None or text[colon : colon + 1] != ":" or text[colon + 1 : colon + 2] not in "\t ":
        first, second = text[0], text[1:2]
        if first == "-" and second in ("", " ", "\t"):
            message = "lists ('- ' items) are not supported"
        elif first == "?" and second in ("", " ", "\t"):
            message = "complex keys ('? ') are not supported"
        elif first in "'\"":
            message = "quoted keys are not supported"
        elif first in _NOT_PLAIN_START:
            message = _NOT_PLAIN_START[first].replace("a value", "a key")
        else:
            message = "not a 'key: value' line"
        raise _Unreadable(message, offset)
    key = match.group()
    if len(key) > MAX_KEY_LENGTH:
        raise _Unreadable(f"key longer than {MAX_KEY_LENGTH} characters", offset)
    if key in _TYPED_KEYS:
        raise _Unreadable(f"key {key!r} is a boolean or null in YAML, not a string", offset)
    return key


def _note_keys(
    heads: Sequence[_Line],
    rest: Sequence[_Line],
    keys: dict[str, list[int]],
    unknown: int | None,
) -> int | None:
    """Add the key each line at column 0 may hold to ``keys``; the first unknown one's offset.

    ``rest`` are the indented lines that follow the (single) head.
    """
    for head in heads:
        known, key = _key_of([head, *rest])
        if not known and unknown is None:
            unknown = head.start
        if key is not None:
            keys.setdefault(key, []).append(head.start)
    return unknown


def _key_of(entry: Sequence[_Line]) -> tuple[bool, str | None]:
    """The string key YAML may read from an entry's line at column 0, read or not.

    Returns ``(known, key)``: ``key`` is None when the line holds no string key (a list item,
    a flow collection key, a marker). Anchors and tags before the key are passed over. Not
    known: an alias as key, a ``? `` key that goes on past its line, a quoted key that is
    not closed on it, nothing after anchors and tags.
    """
    text = entry[0].text
    first, second = text[0], text[1:2]
    index = 0
    explicit = first == "?" and second in ("", " ", "\t")
    if explicit:
        if any(not _is_comment_or_blank(line.text) for line in entry[1:]):
            return False, None
        index = _skip_blanks(text, 1)
    elif (
        (first in "-:" and second in ("", " ", "\t"))
        or (text[:3] in ("---", "...") and text[3:4] in ("", " ", "\t"))
        or first in "%#"
    ):
        return True, None
    while index < len(text) and text[index] in "&!":
        while index < len(text) and text[index] not in " \t":
            index += 1
        index = _skip_blanks(text, index)
    if index == len(text) or text[index] == "*":
        return False, None
    if text[index] in "[{":
        return True, None
    if text[index] in "'\"":
        try:
            key, _, _ = _scan_quoted(entry[:1], 0, index, double=text[index] == '"')
        except _Unreadable:
            return False, None
        return True, key
    rest = text[index:]
    comment = rest.find(" #")
    if comment >= 0:
        rest = rest[:comment]
    if explicit:
        return (False, None) if ": " in rest or rest.endswith(":") else (True, rest.rstrip(" "))
    colon = rest.find(": ")
    if colon < 0:
        colon = rest.find(":\t")
    if colon < 0 and rest.endswith(":"):
        colon = len(rest) - 1
    if colon < 0:
        return True, None
    return True, rest[:colon].rstrip(" \t")


def _split_yaml11(line: _Line) -> list[_Line]:
    """``line`` cut into the lines YAML 1.1 sees in it: U+0085/2028/2029 end lines there."""
    if not _LINE_BREAKS_11.search(line.text):
        return [line]
    parts = []
    start = 0
    for match in _LINE_BREAKS_11.finditer(line.text):
        parts.append(_Line(line.start + start, line.text[start : match.start()]))
        start = match.end()
    parts.append(_Line(line.start + start, line.text[start:]))
    return parts


def _yaml11_lines(line: _Line) -> list[_Line]:
    """The lines YAML 1.1 starts after U+0085/2028/2029 in ``line`` that may hold a key."""
    return [
        part
        for part in _split_yaml11(line)[1:]
        if part.text and part.text[0] not in " \t" and not _is_comment_or_blank(part.text)
    ]


def _skip_blanks(text: str, index: int) -> int:
    match = _BLANKS.match(text, index)
    return match.end() if match else index


def _read_value(entry: Sequence[_Line], column: int) -> tuple[str, int, int]:
    """The value of one entry (key line and its indented lines) after the key's colon."""
    for line in entry:
        bad = _UNREADABLE_CHAR.search(line.text)
        if bad is not None:
            raise _Unreadable(_bad_char_message(bad.group()), line.start + bad.start())
    row = 0
    text = entry[0].text
    column = _skip_spaces(text, column)
    if column < len(text) and text[column] == "\t":
        raise _Unreadable("tab outside a quoted value", entry[0].start + column)
    if column == len(text) or text[column] == "#":
        # The value, if any, starts on a later line.
        for row in range(1, len(entry)):
            text = entry[row].text
            column = _skip_spaces(text, 0)
            if column < len(text) and text[column] == "\t":
                raise _Unreadable("tab outside a quoted value", entry[row].start + column)
            if column < len(text) and text[column] != "#":
                break
        else:
            raise _Unreadable("empty value (null) is not supported", entry[0].start)
    first, second = text[column], text[column + 1 : column + 2]
    offset = entry[row].start + column
    if first in "'\"":
        return _read_quoted(entry, row, column, double=first == '"')
    if first in _NOT_PLAIN_START:
        raise _Unreadable(_NOT_PLAIN_START[first], offset)
    if second in ("", " ", "\t") and first in "-?:":
        if first == "-":
            raise _Unreadable("lists ('- ' items) are not supported", offset)
        raise _Unreadable("nested mappings are not supported", offset)
    return _read_plain(entry, row, column)


def _skip_spaces(text: str, column: int) -> int:
    match = _SPACES.match(text, column)
    return match.end() if match else column


def _read_plain(entry: Sequence[_Line], row: int, column: int) -> tuple[str, int, int]:
    start = entry[row].start + column
    end = start
    parts: list[str] = []
    breaks = 0
    for index in range(row, len(entry)):
        line = entry[index]
        text = line.text
        if index > row:
            column = _skip_spaces(text, 0)
            if column == len(text):
                breaks += 1
                continue
            if text[column] == "\t":
                raise _Unreadable("tab outside a quoted value", line.start + column)
            if text[column] == "#":
                _check_rest(entry, index, column)
                break
        segment = text[column:]
        hash_at = segment.find(" #")
        if hash_at >= 0:
            segment = segment[:hash_at]
        tab_at = segment.find("\t")
        if tab_at >= 0:
            raise _Unreadable("tab outside a quoted value", line.start + column + tab_at)
        colon_at = segment.find(": ")
        if colon_at < 0 and segment.endswith(":"):
            colon_at = len(segment) - 1
        if colon_at >= 0:
            raise _Unreadable(
                "': ' in an unquoted value (a nested mapping?) is not supported",
                line.start + column + colon_at,
            )
        segment = segment.rstrip(" ")
        if parts:
            parts.append("\n" * breaks if breaks else " ")
        parts.append(segment)
        breaks = 0
        end = line.start + column + len(segment)
        if hash_at >= 0:
            _check_rest(entry, index + 1, 0)
            break
    return "".join(parts), start, end


def _read_quoted(
    entry: Sequence[_Line], row: int, column: int, *, double: bool
) -> tuple[str, int, int]:
    start = entry[row].start + column
    value, row, index = _scan_quoted(entry, row, column, double=double)
    _check_rest(entry, row, index)
    return value, start, entry[row].start + index


def _scan_quoted(
    entry: Sequence[_Line], row: int, column: int, *, double: bool
) -> tuple[str, int, int]:
    """The value of the quoted scalar at ``entry[row].text[column]``, and where it ends."""
    quote = '"' if double else "'"
    run = _DOUBLE_RUN if double else _SINGLE_RUN
    start = entry[row].start + column
    text = entry[row].text
    index = column + 1
    parts: list[str] = []
    while True:
        pieces: list[str] = []
        length = 0
        kept = 0  # pieces[:kept] chars came from escapes: folding never strips them
        closed = escaped_break = False
        while index < len(text):
            char = text[index]
            if char == quote:
                if not double and text[index + 1 : index + 2] == "'":
                    pieces.append("'")
                    length += 1
                    index += 2
                    continue
                closed = True
                index += 1
                break
            if double and char == "\\":
                if index + 1 == len(text):
                    escaped_break = True
                    index += 1
                    break
                piece, index = _read_escape(text, index, entry[row].start)
                pieces.append(piece)
                length += len(piece)
                kept = length
                continue
            match = run.match(text, index)
            assert match is not None  # text[index] is neither the quote nor a backslash
            pieces.append(match.group())
            length += match.end() - index
            index = match.end()
        line_text = "".join(pieces)
        if closed:
            parts.append(line_text)
            break
        if not escaped_break:
            line_text = line_text[:kept] + line_text[kept:].rstrip(" \t")
        parts.append(line_text)
        blanks = 0
        row += 1
        while row < len(entry):
            text = entry[row].text
            if text.startswith("\t"):
                raise _Unreadable("a continued line must be indented with spaces", entry[row].start)
            if text.strip(" \t"):
                break
            blanks += 1
            row += 1
        else:
            raise _Unreadable("quoted value is not closed", start)
        if escaped_break:
            parts.append("\n" * blanks)
        else:
            parts.append("\n" * blanks if blanks else " ")
        index = len(text) - len(text.lstrip(" \t"))
    return "".join(parts), row, index


def _read_escape(text: str, index: int, offset: int) -> tuple[str, int]:
    """The character escaped by the backslash at ``text[index]`` and the index past it."""
    code = text[index + 1]
    if code in _ESCAPES:
        return _ESCAPES[code], index + 2
    size = _HEX_ESCAPES.get(code)
    if size is None:
        raise _Unreadable(f"unknown escape '\\{code}'", offset + index)
    digits = text[index + 2 : index + 2 + size]
    if len(digits) < size or not _HEX_DIGITS.issuperset(digits):
        raise _Unreadable(f"'\\{code}' needs {size} hexadecimal digits", offset + index)
    number = int(digits, 16)
    if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        raise _Unreadable(f"'\\{code}{digits}' is not a Unicode scalar value", offset + index)
    return chr(number), index + 2 + size


def _check_rest(entry: Sequence[_Line], row: int, column: int) -> None:
    """Check that only spaces and comments follow the end of a value."""
    for index in range(row, len(entry)):
        text = entry[index].text
        at = _skip_spaces(text, column if index == row else 0)
        if at < len(text) and not (text[at] == "#" and (at == 0 or text[at - 1] == " ")):
            message = "tab outside a quoted value" if text[at] == "\t" else "text after the value"
            raise _Unreadable(message, entry[index].start + at)


def _ends_within(entry: Sequence[_Line], column: int) -> bool:
    """Whether YAML surely ends this unreadable entry before the next line at column 0.

    Only a quoted scalar or a flow collection can run on into a line at column 0 (PyYAML
    lets them, YAML 1.2 does not): without ``'"[{`` the entry ends. Otherwise the entry is
    scanned the way PyYAML tokenizes it (U+0085/2028/2029 end lines), from ``column`` of its
    first line; whatever that scan cannot follow for sure (tabs, anchors, tags, a quote where
    a plain scalar may go on from the line before) counts as running on.
    """
    if not any(_OPENERS.search(line.text) for line in entry):
        return True
    entry = [part for line in entry for part in _split_yaml11(line)]
    depth = 0  # flow collections open
    quote = ""  # the quote of a scalar left open at the end of the previous line
    plain = False  # a plain scalar may go on from the previous line
    for row, line in enumerate(entry):
        text = line.text
        index = column if row == 0 else 0
        if quote:
            index = _quoted_end(text, index, quote)
            if index < 0:
                continue
            quote = ""
        elif row > 0:
            index = _skip_spaces(text, 0)
            if index == len(text):
                continue
            if text[index] == "#":
                plain = False
                continue
            if plain and depth:
                index, plain = _plain_end(text, index, flow=True)
            elif plain and _OPENERS.search(text):
                return False  # the line may be more of a plain scalar, or new nodes
        while index < len(text):
            char = text[index]
            after = text[index + 1 : index + 2]
            if char == " ":
                index += 1
                continue
            plain = False
            if char == "#":
                break
            if char in "[{":
                depth += 1
                index += 1
            elif char in "]}":
                depth -= 1
                if depth < 0:
                    return False
                index += 1
            elif (
                (char == "," and depth)
                or (char in "?:" and (depth or after in ("", " ")))
                or (char == "-" and after in ("", " "))
            ):
                index += 1
            elif char in "'\"":
                index = _quoted_end(text, index + 1, char)
                if index < 0:
                    quote = char
                    break
            elif char in "|>" and depth == 0 and row == 0:
                return True  # a block scalar ends at the first line less indented than it
            elif char in "\t,&*!|>%@`":
                return False
            else:
                start = index
                index, plain = _plain_end(text, index, flow=depth > 0)
                if index == start:
                    return False
    return depth == 0 and not quote


def _quoted_end(text: str, index: int, quote: str) -> int:
    """The index past the quote closing a scalar whose text goes on at ``index``, or -1."""
    while index < len(text):
        char = text[index]
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index + 1
        index += 2 if char == "\\" and quote == '"' else 1
    return -1


def _plain_end(text: str, index: int, *, flow: bool) -> tuple[int, bool]:
    """Where PyYAML ends a plain scalar starting at ``index``, and whether it may go on."""
    stops = ",?[]{}" if flow else ""
    while True:
        start = index
        while index < len(text):
            char = text[index]
            if char in " \t" or char in stops:
                break
            if char == ":":
                after = text[index + 1 : index + 2]
                if after in ("", " ", "\t") or (flow and after in ",[]{}"):
                    break
            index += 1
        if index == start:
            return index, False
        spaces = _skip_spaces(text, index)
        if spaces == len(text):
            return spaces, True
        if spaces == index or text[spaces] == "#":
            return spaces, False
        index = spaces
