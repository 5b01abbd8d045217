"""An argument parser that suggests the nearest option, command or choice for a mistyped one."""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Iterable, Sequence
from typing import NoReturn

_CHOICE = re.compile(r"invalid choice: '(?P<given>.*?)' \(choose from (?P<choices>.*)\)$")


def nearest(given: str, known: Iterable[str]) -> str | None:
    """The known word closest to ``given`` (``difflib``'s ratio of at least 0.6), or ``None``."""
    found = difflib.get_close_matches(given, sorted(set(known)), n=1)
    return found[0] if found else None


class SuggestingParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` whose errors end with ``did you mean ...?`` when one fits.

    Python 3.14 has ``suggest_on_error``; this does the same on 3.11: an unknown option
    (``--jobz``) is matched against the options of the command given, and a value outside
    a set of choices (a command such as ``parze``, a ``--format``) against those choices.
    The error is argparse's own otherwise: the usage, one line, exit code 2.
    """

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            message = f"unrecognized arguments: {' '.join(extras)}"
            options = [word for word in extras if word.startswith("-") and word != "-"]
            known = self._known_options(parsed)
            guesses = [
                f"{option.split('=', 1)[0]} → {guess}"
                for option in options
                if (guess := nearest(option.split("=", 1)[0], known)) is not None
            ]
            if len(guesses) == 1:
                message += f" (did you mean {guesses[0].split(' → ')[1]}?)"
            elif guesses:
                message += f" (did you mean: {', '.join(guesses)}?)"
            # The command's own usage line (``releaseparse parse ...``) when one was given.
            (self._command(parsed) or self).error(message)
        return parsed

    def _command(self, parsed: argparse.Namespace) -> argparse.ArgumentParser | None:
        """The parser of the command chosen (``parse``, ``explain``...), if any."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = getattr(parsed, action.dest or "", None) or ""
                command: argparse.ArgumentParser | None = action.choices.get(chosen)
                return command
        return None

    def _known_options(self, parsed: argparse.Namespace) -> list[str]:
        """The long options of this parser and of the command chosen, if any."""
        known = list(self._option_string_actions)
        command = self._command(parsed)
        if command is not None:
            known += command._option_string_actions
        return [option for option in known if option.startswith("--")]

    def error(self, message: str) -> NoReturn:
        match = _CHOICE.search(message)
        if match is not None and "did you mean" not in message:
            choices = re.findall(r"'((?:[^'\\]|\\.)*)'", match["choices"])
            guess = nearest(match["given"], choices)
            if guess is not None:
                message += f" (did you mean {guess}?)"
        super().error(message)
