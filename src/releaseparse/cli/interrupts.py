"""Ctrl-C and SIGTERM for a run: held back while a row is written and counted."""

from __future__ import annotations

import signal
import threading
from types import FrameType


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: finish the output with what is done."""


class Interrupts:
    """While installed, Ctrl-C and SIGTERM raise ``KeyboardInterrupt`` (``Terminated``).

    Between ``hold()`` and ``release()`` a signal is only noted, and raised by
    ``release()``, so a row is never written without being counted (or counted without being
    written). Ctrl-C keeps the handling the process started with when that is not
    Python's default (ignored, as in a background job, or a caller's own handler).
    Outside the main thread, where handlers cannot be set, nothing changes.
    """

    def __init__(self) -> None:
        self._holding = False
        self._pending: KeyboardInterrupt | None = None
        self._previous: dict[int, object] = {}

    def install(self) -> Interrupts:
        """Set the handlers; ``restore`` puts back the ones there were."""
        if threading.current_thread() is not threading.main_thread():
            return self
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self._previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._on_signal)
        self._previous[signal.SIGTERM] = signal.signal(signal.SIGTERM, self._on_signal)
        return self

    def restore(self) -> None:
        """Put back the handlers there were before ``install``; a noted signal is dropped."""
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()
        self._holding = False
        self._pending = None

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        error = Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()
        if self._holding:
            self._pending = self._pending or error
            return
        raise error

    def hold(self) -> None:
        """From now on, note a signal instead of raising it."""
        self._holding = True

    def release(self) -> None:
        """Raise a signal noted since ``hold``, if any."""
        self._holding = False
        pending, self._pending = self._pending, None
        if pending is not None:
            raise pending
