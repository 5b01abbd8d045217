"""A pattern matching any word of a list as a whole word, spelt as a trie for speed."""

from __future__ import annotations

from collections.abc import Iterable

import regex

#: A trie of characters: each key is a character, or ``""`` where a word ends there.
_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _spelt(node: _Trie) -> str:
    """The pattern of the words below ``node``: each branch once, longer words first."""
    branches = [_run(char, below) for char, below in sorted(node.items()) if char]
    if not branches:
        return ""
    spelt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word ending here is the shorter choice: the greedy ``?`` tries the longer first.
    return f"(?:{spelt})?" if "" in node else spelt


def _run(char: str, node: _Trie) -> str:
    """``char`` and the characters after it up to the next branch or word end, then the rest."""
    run = [char]
    while len(node) == 1 and "" not in node:  # one way on: no recursion for it
        ((char, node),) = node.items()
        run.append(char)
    return regex.escape("".join(run)) + _spelt(node)


def word_pattern(words: Iterable[str]) -> regex.Pattern[str]:
    r"""A pattern matching any of ``words`` between word boundaries, the longest first.

    It matches what ``\b(?:longest|...|shortest)\b`` matches, at the same places: the
    words in one alternation, longest first. Spelt as a trie (``Spokes(?:man|person)``),
    it tries each character of a line once rather than once per word: a search of a line
    for any of a hundred role words costs about a third as much.

    At a position, the trie's branches start with different characters, so at most one
    goes on; along it the greedy ``?`` tries the longer words first and gives back to a
    shorter one when the boundary after fails. The first match found is the longest word
    that ends at a boundary: what the longest-first alternation finds.
    """
    return regex.compile(r"\b(?:" + _spelt(_trie(words)) + r")\b")
