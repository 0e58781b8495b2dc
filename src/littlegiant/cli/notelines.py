"""The run's notes and messages on stderr, fitted to the terminal they are read in.

A park's batch says several long notes (columns passed over, inputs no column gives, rows skipped);
as one line each, an 80-column terminal cut them mid-word and mid-character (无 / 关), and rich's
live progress display, which takes over stderr while rows are scored, began a line with "）". Here a
message is broken by the Chinese line-breaking rules of report.linebreak, with its later lines
indented, and a file name (园区企业名单.xlsx:企业名单) is kept on one line so that it can be
copied. Written to a file or a pipe, a message stays one line (a log is read by grep).
"""

from __future__ import annotations

import re

from rich.cells import cell_len

from littlegiant import lazyre
from littlegiant.report.linebreak import spans, wrap

INDENT = "  "
"""Before each later line of a message: one message's lines read apart from the next message."""
_HELD = "\ue000"
"""Stands for the cells of a file name while the text is broken: a narrow character no message holds,
inside which no line breaks."""
_HOLD = lazyre.compile(r"[^\s，；：、。（）“”「」,;'\"]+?\.(?:xlsx|xlsm|csv|tsv|txt|jsonl|ndjson|yaml|yml|json)\b"
                   r"(?::[^\s，；：、。（）“”「」,;'\"]+)?|(?<![\w'])'[^'\n]{1,24}'(?!\w)")
"""What a line does not break inside: a file as a message names it, with a sheet and a row after it
(名单.xlsx:企业名单:12), and a short quoted header in English ('研发费用占比（参考）')."""


def fitted(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` cells (the later ones indented), none starting with a
    closing mark nor cutting a character or a file name in two; the words are the same, in order."""
    if "\n" in text:  # a message of several problems, one a line: each fitted
        return "\n".join(fitted(line, width) for line in text.split("\n"))
    text = text.rstrip()
    if cell_len(text) <= width or width < 20:
        return text
    names: list[str] = []

    def hold(found: re.Match[str]) -> str:
        name = found.group(0)
        if cell_len(name) > width - len(INDENT) - 4:  # wider than a line: folded like any other word
            return name
        names.append(name)
        return _HELD * cell_len(name)

    held = _HOLD.sub(hold, text)
    a, b = spans(held, width)[0]
    rest = held[b:].lstrip()
    lines = [held[a:b].rstrip(), *(INDENT + line for line in (wrap(rest, width - len(INDENT)) if rest else ()))]
    return "\n".join(_restore(line, names) for line in lines)


def _restore(line: str, names: list[str]) -> str:
    """The file names back in place of their runs of ``_HELD`` (each whole on one line, in order)."""
    def put(found: re.Match[str]) -> str:
        run, out = len(found.group(0)), []
        while run > 0 and names:
            name = names.pop(0)
            out.append(name)
            run -= cell_len(name)
        return "".join(out)

    return re.sub(f"{_HELD}+", put, line)
