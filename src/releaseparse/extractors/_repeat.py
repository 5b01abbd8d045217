"""A title printed twice (the page's title, then the article's heading): the second copy."""

from __future__ import annotations

import regex

from releaseparse.dates import find_date
from releaseparse.text import collapse, word_count

#: Fewest words of a title whose second printing is looked for (short ones recur as text).
MIN_REPEATED_WORDS = 3
#: What may join a date to the repeated title (``Title, May 18, 2020``, ``Title – May 18``).
_JOINER = regex.compile(r"[\s,;:|\-–—]*")


def repeats_title(title: str, line: str) -> bool:
    """Whether ``line`` prints ``title`` again, alone or with a date after it."""
    wanted = folded_title(title)
    return wanted is not None and repeats_folded(wanted, line)


def folded_title(title: str) -> str | None:
    """``title`` as ``repeats_folded`` looks for it; ``None`` if it is too short to look for.

    ``repeats_title`` is false on every line for a title of fewer than
    ``MIN_REPEATED_WORDS`` words: a walk for its second printing need not start.
    """
    wanted = collapse(title).casefold()
    if word_count(wanted, MIN_REPEATED_WORDS) < MIN_REPEATED_WORDS:
        return None
    return wanted


def repeats_folded(wanted: str, line: str) -> bool:
    """``repeats_title`` for a title folded once by ``folded_title`` (not ``None``).

    ``casefold`` folds each character on its own (no context, as ``lower`` has for a final
    sigma) and into one character or more: the line's first ``len(wanted)`` characters,
    folded, start the folded line and are at least as long as ``wanted``, so they start
    with it exactly when the whole line does. A line that does not (the body's first
    paragraph, mostly) is not folded whole.
    """
    line = collapse(line)
    if not line[: len(wanted)].casefold().startswith(wanted):
        return False
    text = line.casefold()
    if text == wanted:
        return True
    tail = text[len(wanted) :]
    found = find_date(tail)
    if found is None or found[2].value is None:
        return False
    start, end, _reading = found
    return _JOINER.fullmatch(tail[:start]) is not None and not tail[end:].strip(" .")
