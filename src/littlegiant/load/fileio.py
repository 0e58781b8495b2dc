"""Safe file handling: inputs that are plain files, outputs that never overwrite an input, and
atomic writes that respect the umask.

A reader never sees half a file, Ctrl-C never leaves one at the target, and ``os.replace`` (which
replaces whatever is at a path: a symlink, a FIFO, a device node when run as root) is only ever
called once the target has been checked to be a regular file or nothing.

Symlink policy: an output path that is a symlink to a regular file is followed, as the shell's
``>`` does: the file it points to gets the new content and the link stays. A symlink to nothing,
to a folder or to a special file is refused.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from littlegiant.errors import InputError
from littlegiant.messages import SystemError_, Text, kind_words

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words a user knows."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_input_file(path: Path) -> os.stat_result:
    """The stat of an input file that can be read to its end: a FIFO would hang the run and a
    device like /dev/zero never ends, so only regular files (through links) are read."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(kind="file.missing", file=str(path)) from None
    except OSError as exc:
        raise InputError(kind="file.unreadable", params={"error": SystemError_(exc.errno, exc.strerror)},
                         file=str(path)) from None
    except ValueError:  # a NUL in the name (a script's path built from bytes): no file has one
        raise InputError(kind="file.missing", file=str(path).replace("\0", "\\0")) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(kind="file.kind", params={"kind": kind_words(kind_of(st.st_mode))}, file=str(path))
    return st


def open_regular(path: Path) -> IO[bytes]:
    """``path`` opened to read, once it is known to be a regular file (``check_input_file``): a FIFO
    is never opened (that waits for a writer, and takes a writer's data from its reader), nor a device
    (/dev/zero never ends; opening some acts on the device). Opened without waiting, and checked again
    once open, so a file swapped for a FIFO between the two is not waited on either."""
    check_input_file(path)
    try:
        handle = open(path, "rb", opener=lambda name, flags: os.open(name, flags | getattr(os, "O_NONBLOCK", 0)))
    except OSError as exc:
        raise InputError(kind="file.unreadable", params={"error": SystemError_(exc.errno, exc.strerror)},
                         file=str(path)) from None
    mode = os.fstat(handle.fileno()).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        raise InputError(kind="file.kind", params={"kind": kind_words(kind_of(mode))}, file=str(path))
    return handle


def _identities(inputs: Iterable[Path]) -> dict[tuple[int, int], Path]:
    """(device, inode) of every input file, and of the files directly inside input folders."""
    found: dict[tuple[int, int], Path] = {}
    for path in inputs:
        try:
            st = os.stat(path)
        except OSError:
            continue  # a missing input is reported where it is read
        found[(st.st_dev, st.st_ino)] = Path(path)
        if stat.S_ISDIR(st.st_mode):
            try:
                children = list(os.scandir(path))
            except OSError:
                continue
            for entry in children:
                try:
                    child = entry.stat()
                except OSError:
                    continue
                found[(child.st_dev, child.st_ino)] = Path(entry.path)
    return found


def check_output(path: Path | str, inputs: Iterable[Path] = (), option: str = "--output") -> Path:
    """The file to write for an output ``path``, or an InputError (exit 2) when writing it would
    destroy an input or something that is not a regular file.

    Refused: the same file as any input (by device and inode, so through links and hard links;
    for a folder input, any file directly in it), a folder, FIFO, device or socket, a symlink to
    nothing, a read-only file, a folder that does not exist. A symlink to a regular file is
    followed: the returned path is the file it points to.

    ``path`` as typed (text) keeps a trailing slash, which a Path drops: ``results.csv/`` names a
    folder, and writing the file ``results.csv`` instead was a guess the shell would not make."""
    name = f"{option} {path}" if option else str(path)  # a command's own argument: its path says which
    if isinstance(path, str) and path.endswith(("/", os.sep)) and not os.path.isdir(path):
        raise InputError(kind="out.no_such_folder", field=name)
    inputs = list(inputs)
    target = Path(path)
    if os.path.islink(target):
        if not os.path.exists(target):
            raise InputError(kind="out.dangling", field=name)
        try:  # through the link as the system follows it: /dev/stdout into a pipe has no path of its own
            linked = os.stat(target)  # (its realpath, /proc/N/fd/pipe:[…], was then said not to exist)
        except OSError:
            linked = None
        if linked is not None and not stat.S_ISREG(linked.st_mode):
            raise InputError(kind="out.kind", params={"kind": kind_words(kind_of(linked.st_mode))}, field=name)
        target = Path(os.path.realpath(target))
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(kind="out.unwritable", params={"error": SystemError_(exc.errno, exc.strerror)},
                         field=name) from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise InputError(kind="out.kind", params={"kind": kind_words(kind_of(st.st_mode))}, field=name)
        same = _identities(inputs).get((st.st_dev, st.st_ino))
        if same is not None:
            what = Text("", "") if same == Path(path) else Text(f"（{same}）", f" ({same})")
            raise InputError(kind="out.is_input", params={"what": what}, field=name)
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):  # marked read-only: even root keeps off
            raise InputError(kind="out.read_only", field=name)
    elif os.path.realpath(target) in {os.path.realpath(p) for p in inputs}:  # the interview's answers, not saved yet
        raise InputError(kind="out.is_input", params={"what": ""}, field=name)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(kind="out.no_folder", field=name)
    return target


def check_not_open(target: Path, named: Path) -> None:
    """Refuse an output another program holds open, before the run's work rather than after it:
    Excel's lock file ``~$评估结果.xlsx`` beside it (Excel and WPS write one for a .csv too), or a
    file that cannot be opened for writing (Windows refuses while Excel has it); LibreOffice's lock file
    ``.~lock.评估结果.xlsx#`` (WPS on Linux writes it too), whose program lets the file be replaced under it:
    the park's results were written over while open, and saving them there lost this run's. A park's list of
    20,000 companies was scored for minutes, then the output could not be replaced. ``named``: the
    output as the user named it (``target`` is the file a link points to); its lock is looked for too."""
    for folder, name in {(target.parent, target.name), (named.parent, named.name)}:
        for lock, kind in ((folder / f"~${name}", "out.open_in_excel"), (folder / f".~lock.{name}#", "out.open_in_office")):
            if os.path.lexists(lock):
                raise InputError(kind=kind, params={"output": str(named), "lock": lock.name})
    try:
        with open(target, "r+b"):  # opened, not written: nothing in it changes
            pass
    except FileNotFoundError:
        pass  # a new file: its folder is written to first (the partial file)
    except PermissionError:
        raise InputError(kind="out.in_use", params={"output": str(named)}) from None
    except OSError:
        pass  # said, in the system's words, where the output is written


class Locked(Exception):
    """Another run of this tool holds the lock on the file (``locked``)."""


_BUSY = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES}
"""What flock says of a lock another process holds; anything else (ENOLCK, EOPNOTSUPP: a network
drive without locks) is a folder that cannot be locked, not a lock held."""


@contextmanager
def locked(path: Path, named: Path | str | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``.NAME.lock`` beside ``path`` while a run writes it: the interview's
    answers, batch's results, init's templates. Raises Locked at once when another run holds it (two
    runs onto one file wrote over each other: the last to finish won, without a word).

    ``path`` itself is replaced by every write (a new inode each time), so the lock lives on a file of
    its own, removed at the end. The lock is the system's (flock), not the file: one whose run died
    (kill -9, a power cut) is left free, and the next run takes it over. After locking, the lock file
    is checked to still be the one at that path: a lock on a file another run has just removed would
    guard nothing. A folder whose files cannot be locked (some network drives) is written unlocked,
    as before there was a lock.

    The lock is the tool's own file: a link at its name is never followed (a link to a profile got the
    process id over its first bytes; one to nothing created the file it named), and a link, FIFO or
    device there is refused in one line (InputError, exit 2, on ``named``: the file as the user named
    it), left as it is. Another user's lock file (0644), which cannot be opened to write, is locked
    opened to read. OSError: the folder cannot be written.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no locking
        yield
        return
    real = Path(os.path.realpath(path))  # one lock whatever link names the file: a second path was a second lock
    lock = real.with_name(f".{real.name}.lock")
    shown = str(named if named is not None else path)
    flags = os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    while True:
        try:
            try:
                fd = os.open(lock, os.O_RDWR | flags, 0o666)
            except PermissionError:
                fd = os.open(lock, os.O_RDONLY | flags, 0o666)
        except OSError:
            if os.path.islink(lock):  # O_NOFOLLOW's ELOOP
                raise InputError(kind="out.lock_kind", params={"lock": lock.name, "kind": kind_words("a link")},
                                 file=shown) from None
            raise
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(fd)
            raise InputError(kind="out.lock_kind", params={"lock": lock.name, "kind": kind_words(kind_of(st.st_mode))},
                             file=shown)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                os.close(fd)
                raise Locked from None
            break  # no locks here: written as before
        try:
            now = os.lstat(lock)
            same = (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino)
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())  # who holds it, for whoever looks
        except OSError:
            pass  # another user's file, opened to read: locked all the same
        yield
    finally:
        try:
            os.unlink(lock)
        except OSError:
            pass  # left (another user's, in a folder that keeps it): free once closed, taken over
        finally:
            os.close(fd)


def dated_names(path: Path, tag: str) -> Iterator[Path]:
    """Names beside ``path`` for a kept copy, named for ``tag`` and the moment (评估结果.backup-20261204-153000.xlsx),
    then -2, -3…: the caller takes the first that is free, never writing over a file already there."""
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for i in range(1, 1000):
        yield path.with_name(f"{path.stem}.{tag}-{stamp}{'' if i == 1 else f'-{i}'}{path.suffix}")


def backup_beside(path: Path, tag: str = "backup") -> Path:
    """Keep ``path`` as it is under a new name beside it, named for ``tag`` and the moment
    (评估结果.backup-20261204-153000.xlsx, -2, -3… added, never over a file already there), and return
    that name. A second link to the same file where the system allows one (no copy, however large),
    else a copy; the file at ``path`` is replaced after this, not changed, so both hold it whole."""
    import shutil

    for kept in dated_names(path, tag):
        try:
            os.link(path, kept)
            return kept
        except FileExistsError:
            continue
        except OSError:  # no hard links here (FAT, some network shares): a copy, made only where nothing is
            try:
                with open(path, "rb") as source, open(kept, "xb") as copy:
                    shutil.copyfileobj(source, copy, 1 << 20)
                    copy.flush()
                    os.fsync(copy.fileno())
            except FileExistsError:
                continue
            except BaseException:
                kept.unlink(missing_ok=True)
                raise
            shutil.copymode(path, kept)
            return kept
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def umask() -> int:
    """The process's umask (read by setting it and putting it back; the CLI is single-threaded here)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode(target: Path, follow: bool = True) -> int:
    """The mode the written file gets: the existing file's, or what ``open`` would give a new one.
    Without ``follow``, a link at ``target`` is no file whose mode to keep (a link's is 0777)."""
    try:
        st = os.stat(target) if follow else os.lstat(target)
    except OSError:
        st = None
    if st is None or not stat.S_ISREG(st.st_mode):
        return 0o666 & ~umask()
    return stat.S_IMODE(st.st_mode)


BY_NAME = "by name"
"""AtomicWriter's ``newline`` for a report written where the user named it: its line ends chosen by the
file's name (``windows_text``)."""

_WINDOWS_TEXT = {".txt": True, ".md": False, ".markdown": False}
"""Names Windows opens in Notepad (a report sent on by WeChat or mail is opened by double-click), and
whether a byte-order mark goes first: Notepad before Windows 10 1809 showed a file of LF line ends as
one long line, and without a mark Notepad, WPS and Excel's text import guess the encoding (GBK on a
Chinese Windows). A Markdown file gets no mark: it is read by Markdown tools too, some of which would
show it."""


def windows_text(target: Path) -> bool | None:
    """For a file named ``target`` that a Windows user opens as text (written CRLF), whether a byte-order
    mark goes first; None for every other name, which keeps LF and no mark (an HTML page, a JSON file, a
    file of no suffix)."""
    return _WINDOWS_TEXT.get(target.suffix.lower())


class _WindowsText(io.TextIOWrapper):
    """A report's handle for a name Windows opens as text (``windows_text``): its lines written CRLF, after a
    byte-order mark where ``mark`` asks for one. Opened without newline translation, the text is turned
    here, so that a text which has chosen its own form is written as it is: one opening with a mark or
    holding CRLF already (``init --csv 模板.txt``, a CSV template: a second mark and CR CR LF broke it).
    JSON (``--format json -o 结果.txt``) gets no mark, which JSON readers refuse."""

    def __init__(self, buffer: IO[bytes], *, mark: bool, encoding: str, errors: str) -> None:
        super().__init__(buffer, encoding=encoding, errors=errors, newline="\n")
        self._mark = mark
        self._first = True
        self._as_is = False

    def write(self, text: str) -> int:
        if self._first:
            self._first = False
            self._as_is = text.startswith("\ufeff") or "\r\n" in text
            if self._mark and not self._as_is and not text.lstrip().startswith(("{", "[")):
                super().write("\ufeff")
        super().write(text if self._as_is else text.replace("\n", "\r\n"))
        return len(text)


SYNC_THREAD = "littlegiant-sync-ahead"
"""The name of AtomicWriter's background sync (a test looks for it once the file is closed)."""


class AtomicWriter:
    """An output written to a temporary file beside its target, renamed over it by ``commit``.

    Until then the target keeps its previous content. ``abandon`` removes the temporary file, or
    with ``keep_partial`` leaves it, under a visible name with the target's extension (so that a
    spreadsheet program opens it), and returns that name for the message. The temporary file gets
    the target's mode (or the umask's) from the start, never mkstemp's 0600.

    ``check_output`` first: this class trusts the path it is given. ``handle`` is a text handle,
    or with ``binary`` a binary one; ``temp`` is the temporary path for writers that want a name
    (openpyxl's ``save``). ``replace_link``: a symlink at ``target`` is replaced itself, as any
    rename replaces one, never the file it points to (for the tool's own hidden files: a link put
    there must not turn the write onto a company list). ``newline`` ``BY_NAME`` (the default, a report
    written where the user named it): CRLF and a byte-order mark for a .txt, CRLF for a .md (see
    ``windows_text``), LF for any other name."""

    def __init__(self, target: Path, *, keep_partial: bool = False, binary: bool = False,
                 newline: str | None = BY_NAME, errors: str = "strict", encoding: str = "utf-8",
                 replace_link: bool = False) -> None:
        self.target = Path(target)
        self.keep_partial = keep_partial
        self.replace_link = replace_link
        folder = self.target.parent if str(self.target.parent) else Path(".")
        if keep_partial:
            prefix, suffix = f"{self.target.stem}.partial-", self.target.suffix
        else:
            prefix, suffix = f".{self.target.name}.", ".tmp"
        mode = new_file_mode(self.target, follow=not replace_link)
        import tempfile  # here: with random, ~1.2 ms of every start-up, where only a file written needs it

        fd, temp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
        self.temp = Path(temp)
        try:
            os.fchmod(fd, mode)
            windows = windows_text(self.target) if newline == BY_NAME and not binary else None
            if windows is not None:
                self.handle: IO[Any] = _WindowsText(os.fdopen(fd, "wb"), mark=windows and encoding == "utf-8",
                                                    encoding=encoding, errors=errors)
            elif binary:
                self.handle = os.fdopen(fd, "wb")
            else:
                self.handle = os.fdopen(fd, "w", encoding=encoding, newline="\n" if newline == BY_NAME else newline,
                                        errors=errors)
        except BaseException:
            os.close(fd)
            os.unlink(temp)
            raise
        self.done = False
        self.kept: Path | None = None
        self._syncer: threading.Thread | None = None
        self._wanted = threading.Event()
        self._stopping = False

    def sync_ahead(self) -> None:
        """Start putting what is written so far on disk, in the background: ``commit``'s fsync, which
        a run waits for once its last row is written, then finds little left (a --format json batch
        of 2,000 companies writes some 100 MB: its fsync took 45 ms after the workers were done).
        The data written by then is on disk before the rename all the same."""
        if self._syncer is None:
            syncer = threading.Thread(target=self._sync_loop, args=(self.handle.fileno(),), daemon=True,
                                      name=SYNC_THREAD)
            syncer.start()
            self._syncer = syncer  # only once started: a Ctrl-C between the two must not leave one to join
        self._wanted.set()

    def _sync_loop(self, fd: int) -> None:
        sync = getattr(os, "fdatasync", os.fsync)  # the file's data; its size and name commit syncs
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._stopping:
                return
            try:
                sync(fd)
            except OSError:
                return  # a full disk: commit's fsync says so

    def _stop_syncing(self) -> None:
        """No sync ahead runs from here on: the file may be closed. (A file cut back while one ran is
        no harm: the sync writes what the file holds when it runs.)"""
        if self._syncer is not None:
            self._stopping = True
            self._wanted.set()
            self._syncer.join()
            self._syncer = None

    def commit(self) -> None:
        """Flush to disk and put the file in place. The target is checked again: something put
        there while the output was written (a FIFO, a folder) is not replaced."""
        self._stop_syncing()
        try:
            if not self.handle.closed:
                self.handle.flush()
                os.fsync(self.handle.fileno())
                self.handle.close()
            try:
                st = os.lstat(self.target)
            except FileNotFoundError:
                st = None
            if st is not None and not stat.S_ISREG(st.st_mode) and not (self.replace_link and stat.S_ISLNK(st.st_mode)):
                raise InputError(kind="out.changed", params={"kind": kind_words(kind_of(st.st_mode))},
                                 file=str(self.target))
            os.replace(self.temp, self.target)
            self.done = True
        except BaseException:
            self.abandon()
            raise

    def abandon(self, keep: int | None = None) -> Path | None:
        """Close without putting the file in place: the partial file's path when kept, else None.
        ``keep``: the bytes of the partial file that are whole (its rows counted); what a full disk
        let through beyond them, cut inside a row, is cut off (after the close, whose flush writes
        whatever the handle still held)."""
        self._stop_syncing()
        if self.done:
            return self.kept
        self.done = True
        try:
            self.handle.close()
        except OSError:
            pass  # a full disk: what reached it is cut back to ``keep``, or kept as it is
        if self.keep_partial and self.temp.exists():
            if keep is not None:
                try:
                    if os.stat(self.temp).st_size > keep:
                        os.truncate(self.temp, keep)
                except OSError:
                    pass
            self.kept = self.temp
            return self.kept
        try:
            os.unlink(self.temp)
        except OSError:
            pass
        return None

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.abandon()


def atomic_write_text(path: Path, text: str, *, follow: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``path``, fsync it, then rename over ``path``
    (through a symlink to a regular file, to the file it points to). Without ``follow``, for a file
    of the tool's own: a symlink at ``path`` is replaced, the file it points to left alone; anything
    else that is no regular file (a FIFO, a folder) is refused (InputError), not replaced."""
    target = Path(path)
    if follow and os.path.islink(target) and os.path.exists(target):
        target = Path(os.path.realpath(target))
    with AtomicWriter(target, replace_link=not follow, newline="\n") as out:  # the tool's own files: as they were
        out.handle.write(text)


def read_own_file(path: Path, most: int) -> bytes | None:
    """The first ``most`` bytes of a small file of the tool's own at ``path``, or None when there is
    none or it is no regular file of its own: a link is not followed (it could lead anywhere), and a
    FIFO or device is not waited on or read without end (opened without blocking, checked once open)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:  # none there, a link (ELOOP), no permission
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(most)
    except OSError:
        return None
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename over ``path``
    (through a symlink to a regular file, to the file it points to)."""
    target = Path(path)
    if os.path.islink(target) and os.path.exists(target):
        target = Path(os.path.realpath(target))
    with AtomicWriter(target, binary=True) as out:
        out.handle.write(data)
