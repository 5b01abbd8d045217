"""Ctrl-C and SIGTERM in a run: a row written is a row counted, whenever the signal lands."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from releaseparse.cli import commands, main
from releaseparse.cli.interrupts import Interrupts, Terminated
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "a_speaker.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for n in range(6):
        (inputs / f"{n}.txt").write_bytes(FIXTURE.read_bytes())
    return inputs


@pytest.fixture(autouse=True)
def _default_ctrl_c() -> Iterator[None]:
    """Python's own Ctrl-C handler, as a run from a terminal has it."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_between_writing_a_row_and_counting_it_counts_the_row(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    signum: int,
) -> None:
    """The race a loaded machine showed: the signal lands just after the third row's write."""
    write = commands._write
    written = []

    def write_then_signal(*args: object, **kwargs: object) -> None:
        write(*args, **kwargs)  # type: ignore[arg-type]
        written.append(1)
        if len(written) == 3:
            signal.raise_signal(signum)  # the handler runs before the next line

    monkeypatch.setattr(commands, "_write", write_then_signal)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "-o", str(out)]) == 130
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 3
    err = capsys.readouterr().err
    assert "interrupted after 3 inputs in" in err
    assert "Traceback" not in err
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_signal_while_held_is_raised_on_release() -> None:
    interrupts = Interrupts().install()
    try:
        interrupts.hold()
        signal.raise_signal(signal.SIGTERM)
        signal.raise_signal(signal.SIGINT)  # the first one noted is the one raised
        with pytest.raises(Terminated):
            interrupts.release()
        interrupts.release()  # raised once only
        with pytest.raises(KeyboardInterrupt) as caught:
            signal.raise_signal(signal.SIGINT)  # not held: raised at once
        assert type(caught.value) is KeyboardInterrupt
    finally:
        interrupts.restore()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_ctrl_c_ignored_at_the_start_stays_ignored() -> None:
    """A background job (``nohup``, ``cmd &`` in a script) starts with Ctrl-C ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    interrupts = Interrupts().install()
    try:
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        signal.raise_signal(signal.SIGINT)  # nothing happens
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # SIGTERM is handled
    finally:
        interrupts.restore()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
