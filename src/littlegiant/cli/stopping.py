"""Stopping cleanly: SIGTERM and SIGHUP (a closed terminal, ``kill``, a service manager) stop a
batch or an interview the way Ctrl-C does, and a write in progress finishes before any of them
lands, so that files end on whole rows and counts match the files."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def _interrupt(signum: int, frame: FrameType | None) -> None:
    _ASKED.append(signum)
    raise KeyboardInterrupt


_ASKED: list[int] = []
"""Stop signals raised as KeyboardInterrupt since the outermost ``as_ctrl_c`` or ``like_ctrl_c`` began.
Python drops an exception raised where nothing can pass it on: in a hook it runs as a worker process
is forked, in an object's finaliser run by the collector. Raised there, a stop was lost (the batch
ran to its end, exit 0); ``check`` raises it again where the run can stop."""


def check() -> None:
    """Raise KeyboardInterrupt if a stop signal came and the run is still going: one Python dropped.
    Called where stopping is safe (between chunks, before the output is put in place), never after a
    stop was acted on (the run ends then)."""
    if _ASKED:
        _ASKED.clear()
        raise KeyboardInterrupt


def _unraisable(hook: Callable[[Any], object]) -> Callable[[Any], None]:
    """``sys.unraisablehook`` while stops raise KeyboardInterrupt: a dropped stop printed "Exception
    ignored in: <function _releaseLock ...>" and a traceback; it is recorded (``_ASKED``) and acted on
    by ``check``, so nothing is said of it. Anything else is said as before."""
    def unraisable(what: Any) -> None:
        if isinstance(what.exc_value, KeyboardInterrupt) and _ASKED:
            return
        hook(what)

    return unraisable


_HELD: list[int] = []
"""Stop signals that arrived while the command was starting, before ``as_ctrl_c`` took over."""


_HOLDING: list[bool] = []
"""Whether ``hold_from_start`` ran: this process is the command, whose signals are its own to set."""


def _hold(signum: int, frame: FrameType | None) -> None:
    _HELD.append(signum)


def hold_from_start() -> None:
    """From here until ``as_ctrl_c``, a stop signal is held, not acted on: a Ctrl-C while the command's
    modules load (typer alone takes some 100 ms) raised KeyboardInterrupt inside an import, where nothing
    catches it (a traceback), and a SIGTERM killed the process by the signal (-15) before any handler
    was set. Held, it is raised where the command's own handling says it: exit 130, one line."""
    if not _main_thread():
        return
    _HOLDING.append(True)
    for s in STOP_SIGNALS:
        if signal.getsignal(s) is not signal.SIG_IGN:  # nohup's ignored SIGHUP stays ignored
            signal.signal(s, _hold)


def ended() -> None:
    """The command has its exit code (a stop being said, a batch's output being put in place): nothing
    a stop signal could still spare. In the command's own process, stop signals are blocked from here:
    the interpreter's shutdown puts back the default handlers, and a SIGTERM there killed it (-15) after
    its output was written; a second Ctrl-C cut the partial workbook a first one was closing.

    (CPython 3.11 also marks a KeyboardInterrupt that leaves typer's ``eval`` of its annotations as
    unhandled, and the process then ends by SIGINT, which a shell reports as 130 too. Only another
    ``eval`` of text clears that mark, and this project evaluates no text: that narrow case is left.)"""
    if _HOLDING and _main_thread() and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)


def started_as_command() -> bool:
    """Whether this process is the ``littlegiant`` command itself (its console script, not an import by a
    script, a notebook or a test, whose signals are their own)."""
    import os.path
    import sys

    main = sys.modules.get("__main__")
    name = os.path.basename(getattr(main, "__file__", None) or "")
    return getattr(main, "__spec__", None) is None and name.removesuffix(".exe") == "littlegiant"


@contextmanager
def as_ctrl_c() -> Iterator[None]:
    """Inside the block, SIGTERM and SIGHUP raise KeyboardInterrupt as Ctrl-C does, a signal held since the
    start first, so that every command, not only batch and the interview, stops with exit 130 and no
    traceback (CONTRACT §1); after it, the handlers from before."""
    if not _main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in STOP_SIGNALS}
    with _recorded():
        for s, handler in previous.items():
            if handler is not signal.SIG_IGN:
                signal.signal(s, _interrupt)
        try:
            if _HELD:
                _HELD.clear()
                raise KeyboardInterrupt
            yield
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def _recorded() -> Iterator[None]:
    """The stops raised inside the block are recorded (``_ASKED``) for ``check``, from none: the outermost
    block's alone, not an earlier run's in the same process (a test's), nor cleared by a block inside."""
    _DEPTH.append(True)
    if len(_DEPTH) > 1:
        try:
            yield
        finally:
            _DEPTH.pop()
        return
    import sys

    _ASKED.clear()
    hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(hook)
    try:
        yield
    finally:
        sys.unraisablehook = hook
        _ASKED.clear()
        _DEPTH.pop()


_DEPTH: list[bool] = []
"""One entry a ``_recorded`` block the main thread is in."""


def _main_thread() -> bool:
    """Python lets only the main thread set handlers."""
    return threading.current_thread() is threading.main_thread()


@contextmanager
def like_ctrl_c() -> Iterator[None]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt inside the block, as Ctrl-C does."""
    if not _main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in STOP_SIGNALS if s != signal.SIGINT}
    with _recorded():
        for s, handler in previous.items():
            if handler is not signal.SIG_IGN:  # nohup's ignored SIGHUP stays ignored
                signal.signal(s, _interrupt)
        try:
            yield
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def held() -> Iterator[None]:
    """Stop signals arriving inside the block are held and raised as KeyboardInterrupt after it."""
    if not _main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {s: signal.getsignal(s) for s in STOP_SIGNALS}
    for s, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(s, lambda signum, frame: arrived.append(signum))
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
    if arrived:
        raise KeyboardInterrupt


def quiet_worker() -> None:
    """A batch worker leaves stopping to its parent, which stops it and says how many rows were
    written (otherwise each would die printing its own traceback, or be cut mid-chunk), and ends
    when its parent ends, however the parent ended (Linux: the parent-death signal)."""
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's shutdown still stops the workers
        return
    import multiprocessing
    import os

    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # the parent ended before the signal was set
        os._exit(0)
