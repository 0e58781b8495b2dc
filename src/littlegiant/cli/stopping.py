"""Stopping cleanly: SIGTERM and SIGHUP (a closed terminal, ``kill``, a service manager) stop a
batch or an interview the way Ctrl-C does, and a write in progress finishes before any of them
lands, so that files end on whole rows and counts match the files."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


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
