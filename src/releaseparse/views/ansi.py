"""Terminal styles for the text view: ANSI escape sequences in the palette's colours."""

from __future__ import annotations

from releaseparse.views.html import colour_of

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
_CUBE = (0, 95, 135, 175, 215, 255)

#: How each defect severity is written in the defect list, and how it underlines text.
SEVERITY_ANSI = {"error": "\x1b[1;38;5;160m", "warning": "\x1b[1;38;5;172m", "info": "\x1b[2m"}
BAD_ANSI = {"error": "\x1b[4;38;5;160m", "warning": "\x1b[4;38;5;172m"}


def _cube_step(level: int) -> int:
    return min(range(6), key=lambda i: abs(_CUBE[i] - level))


def _xterm(hex_colour: str) -> int:
    """The nearest of the 256 xterm colours (the 6×6×6 cube and the grey ramp)."""
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    steps = [_cube_step(c) for c in rgb]
    cube = 16 + 36 * steps[0] + 6 * steps[1] + steps[2]
    cube_error = sum((_CUBE[s] - c) ** 2 for s, c in zip(steps, rgb, strict=True))
    grey_step = max(0, min(23, round((sum(rgb) / 3 - 8) / 10)))
    grey_level = 8 + 10 * grey_step
    grey_error = sum((grey_level - c) ** 2 for c in rgb)
    return 232 + grey_step if grey_error < cube_error else cube


def highlight(kind: str) -> str:
    """Black or white text on the kind's strong colour: a highlight readable on any theme."""
    strong = colour_of(kind).strong
    r, g, b = (int(strong[i : i + 2], 16) for i in (1, 3, 5))
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140
    return f"\x1b[48;5;{_xterm(strong)};38;5;{16 if light else 231}m"


def styled(text: str, style: str, color: bool) -> str:
    """``text`` in ``style`` (then reset) when ``color``, else ``text`` as it is."""
    return style + text + RESET if color else text
