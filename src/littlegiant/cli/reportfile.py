"""A report written to a file (``assess -o 报告.md``) never takes with it what was typed into the file
before. Consultants add their notes to a client's report (报告.md, 报告.html) and run the assessment
again onto the same name: the notes were replaced without a word. A report ends with a line holding a
digest of everything above it (a comment unseen in Markdown and HTML, a 报告校验码 line in plain text), so
a file as the tool wrote it is known and replaced quietly; any other file at that name (changed since,
another kind of file) is first kept beside it under a dated name, and said.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from littlegiant import lazyre

_MARKS = {
    "markdown": ("<!-- littlegiant report ", " -->"), "html": ("<!-- littlegiant report ", " -->"),
    # a plain-text file has no comment: its last line says what the code is for, in the report's language
    ("text", "zh"): ("报告校验码 ", "（用于识别本文件写出后是否改动过）"),
    ("text", "en"): ("report check code ", " (to tell if this file was edited)"),
}
"""How a report's last line holds the digest of everything above it, by format (and language, for text):
unseen in Markdown and HTML; a line a reader of a plain-text report can read past, where copies of every
earlier version had piled up beside a .txt report run again after each change of the profile."""

_LAST = lazyre.compile(rb"(?:<!-- littlegiant report |\xe6\x8a\xa5\xe5\x91\x8a\xe6\xa0\xa1\xe9\xaa\x8c\xe7\xa0\x81 |report check code )"
                   rb"([0-9a-f]{16})(?: -->|\xef\xbc\x88.*|  ?\(.*)")
"""A mark as any of _MARKS writes it (报告校验码 in UTF-8), its digest taken out."""

_MOST = 64 << 20
"""The most of an earlier file read to tell whether it is as written: a report is some tens of KB; a
larger file is no report of this tool's and is kept whole (a second link, no copy) before it is replaced."""


def _digest(body: bytes) -> str:
    return hashlib.sha256(_plain(body)).hexdigest()[:16]  # 64 bits: an edit is told from none, no more


def with_mark(text: str, fmt: str, lang: str = "zh") -> str:
    """``text`` as written to a file in ``fmt``: a report with its mark as its last line; JSON as it is."""
    marks = _MARKS.get(fmt) or _MARKS.get((fmt, "zh" if lang == "zh" else "en"))
    if marks is None:
        return text
    body = text if text.endswith("\n") else text + "\n"
    return f"{body}{marks[0]}{_digest(body.encode('utf-8', 'surrogatepass'))}{marks[1]}\n"


def unmarked(text: str) -> str:
    """A report's text without the mark ``with_mark`` ended its file with: the report as rendered."""
    head, _, last = text.rstrip("\r\n").rpartition("\n")
    return head + "\n" if _LAST.fullmatch(last.rstrip("\r").encode("utf-8", "surrogatepass")) else text


def as_written(data: bytes, new: bytes) -> bool:
    """Whether the earlier file's bytes ``data`` may be replaced by ``new`` with nothing lost: the same
    text; a report whose mark still matches what is above it (in whichever format or language it was
    written); a JSON document (``app.report_name`` holds one at a .json name to the tool's own). Read
    as text whatever its line ends (a .txt or .md is written CRLF, a .txt after a byte-order mark, for
    Windows' Notepad; an editor may save either back as LF, or trim the spaces at a line's end)."""
    plain = _plain(data)
    if plain == _plain(new):
        return True
    head, _, last = plain.rstrip(b"\n").rpartition(b"\n")
    found = _LAST.fullmatch(last)
    if found is not None and found.group(1).decode() == _digest(head + b"\n"):
        return True
    if plain.lstrip()[:1] not in (b"{", b"["):
        return False
    import json

    try:  # a JSON document: the tool's own (app.report_name refuses any other at a .json name); nobody types into one
        json.loads(plain)
    except (ValueError, RecursionError):
        return False
    return True


def _plain(data: bytes) -> bytes:
    """Text as compared: no byte-order mark, LF line ends, no spaces or tabs at a line's end."""
    return _TRAILING.sub(b"", data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n"))


_TRAILING = lazyre.compile(rb"[ \t]+(?=\n)|[ \t]+\Z")


def keep_if_typed_into(path: Path, new: bytes) -> Path | None:
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
                if as_written(handle.read(_MOST), new):
                    return None
    except OSError:
        return None  # unreadable: the write that follows says why, as before
    return backup_beside(path)
