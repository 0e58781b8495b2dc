"""Line breaks for mixed Chinese and English text in a terminal: where a line may end, and where not.

rich wraps at spaces and folds a run without spaces (all Chinese) at the very edge, so a line could start
with "。" or "）" and a cell was padded with spaces to its column's width. Here a line breaks between any
two Chinese characters or at a space, never before closing punctuation (。，、；：）」 …) nor after an
opening one (（「 …) — the rule Chinese typesetting calls 避头尾 — and carries no trailing spaces.
An English unit that holds a space ("(10k CNY)") is kept on one line, and so is a command to copy
("littlegiant assess --save a.yaml --lang zh"): wider than the line, it stands alone on one, unfolded.
A run wider than the line (a long English word, a fingerprint) is folded by cells as a last resort.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.cells import cell_len, chop_cells

from littlegiant import lazyre
from littlegiant.messages import UNIT_WHOLE

if TYPE_CHECKING:  # a styled text is given by the terminal report alone: rich.text costs a batch ~10 ms to load
    from rich.text import Text

# never at the start of a line (closing punctuation, pause marks, units that follow a number)
NO_START = frozenset("。，、；：？！）」』】》〉〕］｝”’…—·％‰,.;:!?)]}%" "ー々〆")
# never at the end of a line (opening brackets and quotes)
NO_END = frozenset("（「『【《〈〔［｛“‘([{")
UNIT_AFTER_NUMBER = frozenset("万亿元项分年月日人名个位倍号")
"""Units that follow a figure: 8,000万元 and 2025年 stay whole (a line ending in 8,000万 read as the amount)."""
_EN_UNIT = lazyre.compile(r"(CNY|yuan|years?|points?|people|items?)\b")
"""An English unit after a figure, across the space: "(now 400,000 CNY)" never ends a line at 400,000."""
_NAME_VERSION = lazyre.compile(r"littlegiant \d[\w.+-]*")
"""The tool and its version, across the space: a footer ending "littlegiant" / "0.1.0" read as two things."""
_LABEL_DATE = lazyre.compile(r"(评估日期|上年度|[Aa]s of|Last year) \d{4}(-\d{2}-\d{2})?")
"""A date or year with its label, across the space: a 60-column footer ended "评估日期" and began the
next line "2026-12-03", the label left without its date."""
_DOCUMENT = lazyre.compile(r"[\u4e00-\u9fff]{2,8}〔\d{4}〕\d+号")
"""A document's number with its issuing office, in text with spaces (English): 工信部企业 / 〔2026〕2号 on
two lines read as two things to an English reader, who takes the number in as one name."""
_OPTION_VALUE = lazyre.compile(r"(?<!\S)(--(?:renewal|set|lang|explain|rules|as-of|format|output|encoding|columns|xlsx|sheet"
                           r"|save|rule-file|output-encoding|jobs|csv|compare)|-o) [^\s，。；、）」]{1,24}(?![^\s，。；、）」])")
"""An option with its value, across the space: a hint to type "--renewal 专精特新中小企业" broke as "--renewal
专精特" / "新中小企业" at 80 columns, and a reader who types what the line shows gets an error. A value
longer than a title's name (a path) is not glued: glued, it was folded inside itself where a line of its
own would hold it whole."""
_TOOL = lazyre.compile(r"(?<![A-Za-z0-9_./-])littlegiant (assess|batch|init|rules|schema)(?![A-Za-z0-9_-])")
"""Where a command to type begins: the tool's name and a subcommand (the footer's "littlegiant 0.1.0" is none)."""
_FLAGS = frozenset({"--detail", "--quiet", "-q", "--advice", "--help", "-h", "--version", "--allow-outside", "--force",
                    "--rule-file"})
"""Options without a value: the word after one is the command's only when it is one by itself."""
_STOP = frozenset("，。；：、」』】》！？…—“”")
"""Where a command written in Chinese prose ends, a space or not: 「…--lang zh，在答案列表处」."""
WHOLE_WORDS = lazyre.compile("不满足|满足|不知道|知道|万元|亿元|千元|金额|待审核|未知|不能|可以")
"""Words a reader takes in at once: a status split as 不满 / 足 or a prompt as 不知 / 道 reads as a typo."""


def _token_end(text: str, i: int) -> int:
    """Where the argument that begins at ``i`` ends: at a space, at Chinese punctuation, or at a bracket
    that is the prose's (「运行 … --lang zh（已答的题会保留）」), not the argument's own (研发费用（2025年）=700:
    closed inside the argument, which goes on after it). A quoted argument (shlex's 'my file.yaml') ends
    at its closing quote."""
    n = len(text)
    if text[i] in "'\"":
        close = text.find(text[i], i + 1)
        return n if close < 0 else close + 1
    j = i
    while j < n and not text[j].isspace() and text[j] not in _STOP:
        if text[j] in "（(":
            shut = "）" if text[j] == "（" else ")"
            close = text.find(shut, j + 1)
            if close < 0 or any(c.isspace() or c in _STOP for c in text[j + 1:close]) \
                    or close + 1 >= n or text[close + 1].isspace() or text[close + 1] in _STOP:
                break
            j = close + 1
            continue
        if text[j] in "）)":  # a bracket the argument did not open: the prose's
            break
        j += 1
    while j > i + 1 and text[j - 1] in ".,;:!?":  # a sentence's full stop after a file name is not the name's
        j -= 1
    return j


def _argument(token: str) -> bool:
    """A word that belongs to a command by itself: a file (a dot or a slash in it), a quoted one, or a
    rule set's id (miit-2026); "for" after "littlegiant init profile.yaml" is the sentence's."""
    return (any(c in token for c in "./\\") or token[:1] in "'\""
            or (token.isascii() and any(c.isdigit() or c == "-" for c in token)))


def commands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each command the reader is meant to copy ("littlegiant assess --save a.yaml --lang zh"):
    the tool, its subcommand, and every argument after it that is one (an option, an option's value, a
    file), up to the prose that follows. Broken across two lines, a command copied from one of them
    lost its end (「…--as-of 2026-12-05」 / 「--lang zh）」)."""
    found: list[tuple[int, int]] = []
    for m in _TOOL.finditer(text):
        end = m.end()
        subcommand = m.group(1) == "rules"  # its own subcommand follows: rules show, rules validate
        value = False  # the next word is the value of the option before it
        i = end
        while i < len(text) and text[i] == " ":
            while i < len(text) and text[i] == " ":
                i += 1
            if i >= len(text) or text[i] in _STOP:
                break
            j = _token_end(text, i)
            if j <= i:
                break
            token = text[i:j]
            option = token.startswith("-") and len(token) > 1
            if not (option or value or subcommand or _argument(token)):
                break
            subcommand = False
            value = option and "=" not in token and token not in _FLAGS
            end = i = j
        found.append((m.start(), end))
    return found


def _wide(ch: str) -> bool:
    """A character that stands alone: a line may break before and after it (Chinese, fullwidth forms).

    ASCII punctuation stays inside its word ("2,500", "5.42%")."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or (not ch.isascii() and (ch in NO_START or ch in NO_END))


def pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the smallest runs a line may not break inside, spaces left between them."""
    pieces: list[tuple[int, int]] = []
    begin = -1
    for i, ch in enumerate(text):
        if ch.isspace():
            if begin >= 0:
                pieces.append((begin, i))
                begin = -1
            continue
        if begin >= 0 and (_wide(ch) or _wide(text[i - 1])):
            pieces.append((begin, i))
            begin = -1
        if begin < 0:
            begin = i
    if begin >= 0:
        pieces.append((begin, len(text)))
    # glue: no break before a closing mark nor after an opening one, spaces or not (UAX #14, LB13/LB14);
    # nor inside a word a reader takes in at once (满足, 不知道, 万元), nor between a number and its unit
    whole = [m.span() for pattern in (UNIT_WHOLE, _NAME_VERSION, _LABEL_DATE, _DOCUMENT, _OPTION_VALUE)
             for m in pattern.finditer(text)] + commands(text) if " " in text else []
    whole += [m.span() for m in WHOLE_WORDS.finditer(text)]
    inside = bytearray(len(text) + 1)  # 1 where a break would split a whole word: one look-up a piece, not a scan
    for start, end in whole:
        inside[start + 1:end] = b"\x01" * max(end - start - 1, 0)
    closes = {i: n % 2 == 1 for n, i in enumerate(i for i, ch in enumerate(text) if ch == '"')}  # ASCII quotes pair up: odd ones close
    glued: list[tuple[int, int]] = []
    for a, b in pieces:
        prev = text[glued[-1][1] - 1] if glued else ""
        if glued and (text[a] in NO_START or prev in NO_END
                      or (text[a] in UNIT_AFTER_NUMBER and prev.isdigit() and glued[-1][1] == a)
                      or (prev.isdigit() and _EN_UNIT.match(text, a) is not None)
                      or (text[a] == '"' and closes[a])
                      or (prev == '"' and not closes[glued[-1][1] - 1])
                      or (prev == "…" and glued[-1][1] == a and text[a].isascii() and text[a].isalnum())  # "…of which"
                      or (prev == "〕" and text[a].isdigit())  # 〔2017〕115号: a document's number is one
                      or inside[a]):
            glued[-1] = (glued[-1][0], b)
        else:
            glued.append((a, b))
    return glued


def spans(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of one paragraph (no line breaks in it) within ``width`` cells.

    The first line keeps the paragraph's indent; spaces at a break are dropped."""
    width = max(width, 2)
    out: list[tuple[int, int]] = []
    typed = commands(text) if "littlegiant " in text else []
    start, end = 0, -1  # the current line; end -1 until its first piece (the indent stays on line one)
    for a, b in _loosened(text, pieces(text), typed, width):
        if cell_len(text[start:b]) <= width:
            end = b
            continue
        if end >= 0:
            out.append((start, end))
        start = a
        # a command wider than the line stands alone on it, whole: the terminal folds it at its edge as it
        # folds anything, and a copy of it is the command; folded here, a copy was two lines
        while cell_len(text[start:b]) > width and not any(a <= c < b for c, _ in typed):
            head = len(chop_cells(text[start:b], width)[0])
            cut = _fold(text, start, start + head)
            out.append((start, cut))
            start = cut
        end = b
    out.append((start, max(end, start)))
    return out


def _loosened(text: str, runs: list[tuple[int, int]], typed: list[tuple[int, int]],
              width: int) -> list[tuple[int, int]]:
    """The runs, a command that fits the line let go of the brackets and marks glued around it where
    with them it would not fit: 「（littlegiant assess … --lang zh），」 a few cells past 80 columns was folded
    by the terminal, 「），」 alone on a line of its own; now 「…问答」 / 「（littlegiant assess … --lang zh」 /
    「），在答案列表处…」, the command whole on its line (which 避头尾 alone would not allow), every line
    within the width."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        inside = [(c, d) for c, d in typed if a <= c < b and d <= b]
        if len(inside) == 1 and cell_len(text[a:b]) > width >= cell_len(text[inside[0][0]:inside[0][1]]):
            c, d = inside[0]
            # as little let go as will do: the opening bracket kept if it fits with the command, else the end
            cuts = [d] if cell_len(text[a:d]) <= width else [c] if cell_len(text[c:b]) <= width else [c, d]
            edges = [a, *cuts, b]
            out += [(x, y) for x, y in pairwise(edges) if x < y]
        else:
            out.append((a, b))
    return out


def _fold(text: str, start: int, end: int) -> int:
    """Where a run glued whole but wider than the line breaks, ``end`` at the latest: at its last place
    two Chinese characters meet (not before a closing mark, after an opening one, nor between a number
    and its unit), so that 国科发政〔2017〕115号 in a narrow column folds as 国科发政 / 〔2017〕115号, not
    115 / 号; else by cells, a closing mark taking the last character with it."""
    for cut in range(end, start + 1, -1):
        ch, prev = text[cut], text[cut - 1]
        if (_wide(ch) or _wide(prev)) and ch not in NO_START and prev not in NO_END \
                and not (ch in UNIT_AFTER_NUMBER and prev.isdigit()) and not (prev == "〕" and ch.isdigit()):
            return cut
    return end - 1 if end - start > 1 and text[end] in NO_START else end


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, none starting with closing punctuation, none
    ending in a space; the text's own line breaks and leading indent are kept."""
    return [para[a:b].rstrip() for para in text.split("\n") for a, b in spans(para, width)]


def wrap_rich(text: Text, width: int) -> list[Text]:
    """A styled text in lines by the same rule, styles kept."""
    out: list[Text] = []
    for para in text.split("\n", allow_blank=True):
        for a, b in spans(para.plain, width):
            line = para[a:b]
            line.rstrip()
            out.append(line)
    return out


def hang(mark: str, text: str, width: int) -> list[str]:
    """``text`` wrapped beside ``mark``, its later lines under the text, not under the mark."""
    room = cell_len(mark)
    return [(mark if i == 0 else " " * room) + line for i, line in enumerate(wrap(text, width - room))]
