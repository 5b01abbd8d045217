"""Hostile input shapes of any size: what a regular expression or a loop could choke on.

Used by the reliability tests (small sizes: every record must keep its invariants) and
by ``benchmarks/bench.py`` (sizes up to 10 MB: the time per MB must stay flat).
"""

from __future__ import annotations

from collections.abc import Callable

_HEADER = "Media Note\nOffice of the Spokesperson\nWashington, DC\nMarch 14, 2016\n\n"
_DISCLAIMER_START = "The Office of Website Management, Bureau of Public Affairs, manages "


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _release() -> str:
    """The bundled example: a whole release (header, body, disclaimer)."""
    from releaseparse.cli import example_bytes

    return example_bytes().decode("utf-8")


def _headed(body: str) -> str:
    """A release header, then ``body``: hostile text where the extractors look hardest."""
    return "[Press Releases: A Title](#)\n\n" + _HEADER + body


#: Shape name -> a function giving text of about ``size`` characters.
SHAPES: dict[str, Callable[[int], str]] = {
    "spaces": lambda size: "Title" + _repeat(" ", size) + "end\n",
    "spaces in a header": lambda size: _headed("Washington," + _repeat(" \u00a0\t", size)),
    "brackets [": lambda size: _repeat("[", size),
    "brackets (": lambda size: _headed(_repeat("(", size)),
    "links [x](#)": lambda size: _repeat("[Press Releases: x](#", size),
    "colons": lambda size: _headed(_repeat(":", size)),
    "commas": lambda size: _headed(_repeat("Washington, ", size)),
    "label-like capitals": lambda size: _headed(_repeat("MR. SMITH OF STATE: QUESTION ", size)),
    "label lines": lambda size: _headed(_repeat("QUESTION: WHY NOT\nANSWER\n", size)),
    "date-like tokens": lambda size: _headed(_repeat("March 14, 2016 12/3/2001 10:30 a.m. ", size)),
    "repeated header lines": lambda size: _repeat(_HEADER, size),
    "short lines": lambda size: _repeat("a\n", size),
    "blank lines \\r\\n": lambda size: _headed(_repeat("\r\n", size)),
    "one long line": lambda size: _repeat("Word and words, ", size),
    "one long title line": lambda size: _repeat("Capital Word ", size) + "\n\nBody text.\n",
    "disclaimer fragments": lambda size: _headed(_repeat(_DISCLAIMER_START, size)),
    "disclaimer fragments per line": lambda size: _headed(_repeat(_DISCLAIMER_START + "\n", size)),
    "one release repeated": lambda size: _repeat(_release(), size),
}

#: Shapes that are pages of many releases: ``parse_all`` is what reads all of them.
PAGES = frozenset({"one release repeated"})


def shapes(size: int) -> dict[str, str]:
    """Every hostile shape at about ``size`` characters."""
    return {name: make(size) for name, make in SHAPES.items()}
