"""A report written to a file (``assess -o 报告.md``) never takes with it what was typed into the file
before. Consultants add their notes to a client's report (报告.md, 报告.html) and run the assessment
again onto the same name: the notes were replaced without a word. A Markdown or HTML report ends with
an invisible comment holding a digest of everything above it, so a file as the tool wrote it is known
and replaced quietly; any other file at that name (changed since, a plain-text report that differs
from the new one, a file of the user's own) is first kept beside it under a dated name, and said.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_MARK = "<!-- littlegiant report "
"""How the last line of a Markdown or HTML report begins; a comment, unseen where either is shown."""

MARKED = ("markdown", "html")
"""The formats that can hold a mark unseen by their reader (a comment)."""

_MOST = 64 << 20
"""The most of an earlier file read to tell whether it is as written: a report is some tens of KB; a
larger file is no report of this tool's and is kept whole (a second link, no copy) before it is replaced."""


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


def with_mark(text: str, fmt: str) -> str:
    """``text`` as written to a file in ``fmt``: a Markdown or HTML report with its mark as its last line."""
    if fmt not in MARKED:
        return text
    body = text if text.endswith("\n") else text + "\n"
    return f"{body}{_MARK}{_digest(_plain(body.encode('utf-8', 'surrogatepass')))} -->\n"


def as_written(data: bytes, new: bytes, fmt: str) -> bool:
    """Whether the earlier file's bytes ``data`` may be replaced by ``new`` with nothing lost: the same
    bytes; a marked report whose mark still matches what is above it; a JSON result of this tool's (a
    script's output, which nobody types into). A plain-text report cannot hold a mark: one that differs
    from the new one is kept. Read as text whatever its line ends (a .txt or .md is written CRLF, a .txt
    after a byte-order mark, for Windows' Notepad; an editor may save either back as LF)."""
    data = _plain(data)
    if data == _plain(new):
        return True
    if fmt in MARKED:
        head, _, last = data.rstrip(b"\n").rpartition(b"\n")
        digest = _digest(head + b"\n")
        return last.decode("utf-8", "replace") == f"{_MARK}{digest} -->"
    if fmt == "json":  # a script's output, which nobody types into (app.report_name refused any other)
        return True
    return False


def _plain(data: bytes) -> bytes:
    return data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")


def keep_if_typed_into(path: Path, new: bytes, fmt: str) -> Path | None:
    """Before ``path`` is replaced by ``new``: an earlier file there that is not as written
    (``as_written``) kept under a dated name beside it, that name returned; None when nothing is lost
    (no file, an empty one, one as written)."""
    from littlegiant.load.fileio import backup_beside

    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        size = path.stat().st_size
        if size <= _MOST:
            with path.open("rb") as handle:
                if as_written(handle.read(_MOST), new, fmt):
                    return None
    except OSError:
        return None  # unreadable: the write that follows says why, as before
    return backup_beside(path)
