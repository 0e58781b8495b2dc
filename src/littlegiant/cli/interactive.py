"""The interview at the terminal: prompts on stderr, answers from stdin, a save after every answer.

Prompts go to stderr so that stdout carries only the final report (``--format json`` stays
pure JSON). Every answer is written to the save file atomically before the next question
is shown, so Ctrl-C, a closed terminal or end of input lose nothing that was answered. The save
file is locked for the whole interview: a second interview on the same file is refused.

At a question: Enter (or 不知道 typed) is "don't know", ``?`` shows the help and the official terms
it uses, ``<`` goes back one question, 退出 (q, quit, exit) stops as Ctrl-D does. Before the report, all answers are listed and any can be
changed, and the questions only the report's plans need (a tier settled as unmet was not asked about)
answered with p; at an answer asked again, Enter keeps it. Starting over leaves a backup of the old answers.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
import stat
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import IO, Any

from rich.cells import cell_len

from littlegiant import lazyre
from littlegiant.core.interview import Concern, Interview, Question, dump_profile, null_paths
from littlegiant.errors import InputError
from littlegiant.i18n import t
from littlegiant.load import numerals
from littlegiant.load.answers import (
    MONEY_TYPES,
    NEVER_NONE,
    NO,
    NONE_IS_ZERO,
    NUMERIC_TYPES,
    PERCENT_WORDS,
    YES,
    Conversion,
    normalise,
    percent_signed,
    without_about,
    zero_allowed,
)
from littlegiant.load.consistency import (
    HEAD_COUNT,
    LARGE_PER_HEAD,
    PER_HEAD_LEAST,
    PER_HEAD_MOST,
    SHARE,
    SHARE_LEAST,
    SHARE_LEAST_OF_OTHER,
    SHARE_MOST,
    SMALL,
    YEAR_END,
)
from littlegiant.load.fileio import atomic_write_text, kind_of, locked, new_file_mode
from littlegiant.load.profile import (
    ANSWERED_UNDER,
    OtherQuestion,
    Scalar,
    answer_label,
    answered_set,
    field_for_path,
    from_data,
    input_label,
    other_questions,
    unknown_set,
    year_in_path,
)
from littlegiant.load.rules import FieldDef, RuleSet, Text, glossary
from littlegiant.load.yamlio import read_data_file
from littlegiant.messages import escape_controls, say
from littlegiant.records import record
from littlegiant.report.common import close_text, part_text, yi_a_head, yuan_a_head
from littlegiant.report.explanations import unit_text
from littlegiant.report.linebreak import hang
from littlegiant.report.words import exact, num

HEADER = {
    "en": ("# littlegiant profile written by the interactive assessment ({rules}, as of {as_of}).\n"
           "# null means \"don't know\". Assess it again with: {again}\n"),
    "zh": ("# 由 littlegiant 问答生成的企业信息（依据《{rules}》，评估日期 {as_of}）。\n"
           "# null 表示“不知道”。再次评估：{again}\n"),
}
"""The saved file's first lines, in the interview's language: the finance manager may open it, and
reads the rule set by its title, as the report's 依据 line names it (not its id, miit-2026)."""
OLD_HEADER_LINES = ("# 由 littlegiant 问答生成的企业信息（规则 {rules}，评估日期 {as_of}）。",)
"""A first line earlier versions wrote (the set by its id): such a file is still known as the interview's."""
BACK = ("<", "＜", "《", "上一题", "回到上一题", "返回", "back", "goback", "previous", "上一步", "返回上一题", "回上一题",
        "退回", "后退", "上一个", "改上一题", "上一题改一下")
"""Typed alone (trimmed, any case): back one question. The intro names <; 上一题 or "back", typed by one who
wanted to go back, was refused as no amount (or, to the name question, saved as the company's name); so were
上一步, 返回上一题 and 改上一题."""
RESUME = ("", "r", "resume", "y", "yes", "继续", "是", "继续答", "继续答题", "接着", "接着答", "接着来", "好", "好的",
          "对", "是的", "嗯", "continue")
START_OVER = ("o", "overwrite", "start over", "n", "no", "重新开始", "否", "重来", "重新来", "重新答", "重新填", "从头开始",
              "从头来", "重头开始")
"""Typed at 「继续这些回答…[R/o]」: go on with the saved answers, or start over (a backup is kept). 接着答 or 好 was
asked again, as was 重来."""
HELP = ("?", "？")
QUIT = ("退出", "q", "quit", "exit")
"""Typed alone at any prompt (trimmed, any case), these stop the interview as Ctrl-D does: a user who
typed 退出 was told an amount was expected, and at the name question it was saved as the company's name."""


def _t(key: str, lang: str, **kw: object) -> str:
    return t(f"interview.{key}", lang, **kw)


class Interrupted(Exception):
    """The user stopped the interview (Ctrl-C or end of input); the answers are saved."""


class Quit(Interrupted):
    """The user typed 退出 (or q, quit, exit): a stop even where end of input goes on to the report."""


class Replaced(Exception):
    """The save file changed under the interview (edited, replaced, made a link to another file): it is
    not written over; the answers went to ``kept`` instead. ``kind``: what now stands at the save
    path when it is no regular file (fileio's words: "a named pipe (FIFO)"), None otherwise."""

    def __init__(self, kept: Path, count: int, kind: str | None = None) -> None:
        super().__init__(str(kept))
        self.kept, self.count, self.kind = kept, count, kind


@record
class Terminal:
    """Where the interview reads and writes; tests and the CLI pass real streams."""

    stdin: IO[str]
    out: IO[str]

    def ask(self, prompt: str) -> str:
        self.say(prompt)
        try:
            line = self._line()
        except OSError:  # the terminal is gone (a closed window, a dropped ssh session): end of input
            raise Interrupted from None
        if line == "":
            raise Interrupted
        if line.strip().lower() in QUIT:
            raise Quit
        return line.rstrip("\r\n")

    def _line(self) -> str:
        """A line typed, as text. Answers piped in from a UTF-8 file where the terminal's encoding is
        another (a Chinese Windows code page, PYTHONIOENCODING=gbk) stopped the interview as an
        internal error (exit 3) at the first Chinese answer: the line is read as bytes where the
        stream has them and decoded as UTF-8 first (strict: text in GBK is next to never valid UTF-8,
        while UTF-8 often decodes as GBK into other characters), then in the stream's encoding, then as
        GB18030; what none of them reads is read with its unreadable bytes replaced, and refused as
        an answer like any other text."""
        raw = getattr(self.stdin, "buffer", None)
        if raw is None:
            return self.stdin.readline()
        data = raw.readline()
        for encoding in dict.fromkeys(("utf-8", getattr(self.stdin, "encoding", None) or "utf-8", "gb18030")):
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
        return data.decode("utf-8", "replace")

    def width(self) -> int:
        """The width of the terminal the prompts are shown in, for wrapping; 0 (no wrapping) when the
        output is not a terminal. COLUMNS, when set, wins, as it does for every program. Asked of the
        prompts' own stream, not of stdout (shutil's way): ``assess --format json > out.json`` wrapped
        the questions for 80 columns in a terminal of any width."""
        try:
            tty = self.out.isatty()
        except (AttributeError, ValueError):
            tty = False
        if not tty:
            return 0
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        try:
            return os.get_terminal_size(self.out.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            return 80

    def say(self, text: str) -> None:
        """Show ``text``; nothing when the terminal is gone (the next read ends the interview): the
        stop message failing to show was taken for a failure to save the answers, exit 2."""
        try:
            self.out.write(text)
            self.out.flush()
        except OSError:
            pass


def identity(path: Path) -> tuple[str | None, str | None]:
    """What tells the save file from another: the link it is (where it points), and what it holds (its
    digest), None for each absent. Written over only while both are as this interview left them: a
    link to a file the user kept, a hand edit or another interview's answers are not. A touch, a
    chmod or a save without change alters neither (they stopped the interview once, for nothing)."""
    import hashlib

    link = os.readlink(path) if os.path.islink(path) else None
    kind = special_kind(path)
    if kind is not None:  # never opened: a FIFO's open waits for a writer for ever, a device's may do anything
        return link, kind
    try:
        # not waiting even if a FIFO took its place since the look: opened without blocking, then checked again
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return link, kind_of(os.fstat(handle.fileno()).st_mode)
            digest = hashlib.sha256(handle.read(MAX_SAVE_BYTES + 1)).hexdigest()
    except OSError:
        digest = None
    return link, digest


def special_kind(path: Path) -> str | None:
    """What stands at ``path`` when it is there and no regular file (fileio's words: "a named pipe
    (FIFO)", "a folder"), else None: such a thing is never read as a save file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else kind_of(mode)


MAX_SAVE_BYTES = 1_000_000
"""Read at most this much of the save file to know it again (a profile is never larger)."""


@record(frozen=True)
class Saved:
    """The answers of an earlier interview, as its file holds them."""

    values: dict[str, Scalar]
    unknown: set[str]  # answered "don't know"
    approximate: frozenset[str]  # answered as approximate (saved as 约5100)
    percent_signed: frozenset[str]  # shares answered with their % sign (0.5%)
    others: list[OtherQuestion]  # given to another rule set's differently worded question
    answered_under: str | None  # the set whose questions they answer, as the file says
    other_set: Text | None  # that set's title, when it is a shipped set other than the interview's
    unknown_set: str | None  # what answered_under says, when it names no set this tool has (miit-2025)


def load_saved(path: Path, rules: RuleSet) -> Saved:
    """The answers of an earlier interview, read by the interview's rules.

    A blank counts as "don't know" only in a file the interview wrote (its header says so): in a
    template from ``init`` or a profile typed by hand, a blank is a question not yet answered, and
    resuming on a filled-in template asked nothing at all."""
    data = read_data_file(path)
    prof = from_data(data, rules, str(path))
    unknown: set[str] = set()
    for p in null_paths(data) if _written_here(path) else ():
        try:
            field_for_path(rules, p)
        except InputError:
            continue  # a null group such as ``financials: {2025: null}`` asks nothing
        unknown.add(p)
    other = answered_set(rules, prof)
    unheard = unknown_set(rules, prof)
    return Saved(dict(prof.values), unknown, prof.approximate, prof.percent_signed, other_questions(rules, prof), prof.answered_under,
                 other.title if other is not None else None, unheard.said if unheard is not None else None)


# ------------------------------------------------------------------------ words


def with_unit(v: Scalar | None, f: FieldDef, lang: str) -> str:
    """8,000.125万元 · 12.5% · 工业 · 是 · 未获奖: a value in the reports' style with every digit the user gave
    (the saved value, never rounded), a choice by its label."""
    if v is None:
        return _t("unknown_value", lang)
    if f.zero is not None and isinstance(v, Decimal) and v == 0:  # 未获奖, as the reports write it, not 0
        return f.zero.get(lang)
    if f.type == "choice" and isinstance(v, str):
        label = f.choice_labels.get(v)
        return label.get(lang) if label is not None else v
    if ranked(f) and isinstance(v, Decimal):  # 国内第三 said back as 第3名, as it was meant; a bare 3 read as a count
        return f"第{exact(v, lang)}名" if lang == "zh" else f"No. {exact(v, lang)}"
    return exact(v, lang) + ("" if isinstance(v, bool) else unit_text(f.unit, lang, v))


def ranked(f: FieldDef) -> bool:
    """Whether ``f`` asks a rank (国内细分市场排名, 获奖单位排名): a whole number with no unit, read as 第3名."""
    return f.type == "int" and f.unit is None and f.path.endswith("rank")


def in_brackets(unit: str | None, lang: str) -> str:
    """A question's unit after its label: （万元） / (10k CNY), (people)."""
    if not unit:
        return ""
    if lang == "zh":
        return f"（{unit}）"
    words = unit_text(unit, lang).strip()
    return f" {words}" if words.startswith("(") else f" ({words})"


_YEAR = lazyre.compile(r"\{year(?:-([1-9]))?\}")


def fill_years(text: str, year: int) -> str:
    """``{year}`` and ``{year-2}`` in help text become the years they stand for (no format(): data)."""
    return _YEAR.sub(lambda m: str(year - int(m.group(1) or 0)), text)


def wrap(text: str, width: int, indent: str = "  ") -> str:
    """``text`` in lines of ``width`` columns by the reports' rule (linebreak: a Chinese character
    counts two, no line starts with a closing mark), each line after ``indent`` (the first one's
    may be a list number: the later ones go under the text). A width of 0 (not a terminal) leaves
    the text whole."""
    return indent + text if width <= 0 else "\n".join(hang(indent, text, width))


def wrap_whole(text: str, width: int, whole: str, indent: str = "  ") -> str:
    """``wrap``, ``whole`` (an example to type: 约3000万) never split across two lines: at 80 columns the vague
    hint ended a line 「如 约」 and began the next 「3000万」, the 约 that was the point of it cut off its figure.
    The example stands in the wrap as a run of one ASCII mark as wide as it is, which lines never break inside."""
    marks = [c for c in "#@^|~`" if c not in text]
    if not whole or whole not in text or not marks:
        return wrap(text, width, indent)
    stand_in = marks[0] * cell_len(whole)
    return wrap(text.replace(whole, stand_in), width, indent).replace(stand_in, whole)


def wrap_all(text: str, width: int) -> str:
    """Every line of a message wrapped (no indent), its blank lines kept; a command line stays whole,
    so that it can be copied and pasted as it is."""
    return "\n".join(wrap(ln, width, indent="") if ln.strip() and not ln.startswith("littlegiant assess ") else ln
                     for ln in text.split("\n"))


def first_sentence(text: str) -> str:
    """The help's first sentence, shown under the question; ``?`` shows the whole of it."""
    m = re.search(r"[。；]|(?<!e\.g)(?<!i\.e)\. |; ", text)
    return text if m is None else text[: m.start()].rstrip() + ("。" if m.group().strip() in "。；" else ".")


def _short_part(part: str, whole: str) -> str:
    """A part's name without the noun its whole already names: 「有效Ⅰ类知识产权中，实际应用并已产生经济效益的」,
    not 「……Ⅰ类知识产权中的实际应用并已产生经济效益的Ⅰ类知识产权」 (the noun twice). Only where what is left
    ends in 的: 主营业务收入 of 营业收入 keeps its whole name, as does a part with a note after its noun
    (「……Ⅰ类知识产权（不含受让）」)."""
    for size in range(len(part) - 1, 1, -1):
        noun = part[-size:]
        if whole.endswith(noun) and part[:-size].endswith("的"):
            return part[:-size]
    return part


def _range(f: FieldDef) -> str | None:
    """A number field's bounds worth showing ("1–4"); a bare "not negative" is not. The bounds the
    answer is checked against (``FieldDef.value_range``): a share a rule file gave no min or max is
    still 0–100, and was shown no range; one with only a max of 50 read "…–50"."""
    if f.type in ("bool", "choice", "text"):
        return None
    low, high = f.value_range()
    if high is None and low in (None, 0):
        return None
    return f"{num(low) if low is not None else '…'}–{num(high) if high is not None else '…'}"


def refusal(exc: InputError, lang: str) -> str:
    """Why an answer was refused, in the user's language, without the field's name (the question is
    on the screen): the loaders' own sentence, the one the sheets and profile files get."""
    return say(exc.kind, lang, exc.params) if exc.kind is not None else exc.message


class Asker:
    """One interview at one terminal: the words of each question, and the answers' flow."""

    def __init__(self, interview: Interview, term: Terminal, lang: str) -> None:
        self.iv = interview
        self.term = term
        self.lang = lang
        self.width = term.width()
        self.history: list[str] = []  # paths answered at this sitting, in order (for "<")

    @property
    def answered(self) -> int:
        return len(self.iv.values) + len(self.iv.unknown)

    def heading(self, q: Question) -> str:
        """The question in the user's words, with its parent total for an "of which" question."""
        lang, f = self.lang, q.field
        text = answer_label(f, q.path).get(lang)  # with what to type for 0 (0为未获奖)
        whole = self.iv.whole(q)
        if whole is not None:
            text = self.part_of(q, *whole, self.iv.values.get(whole[0]))
        if f.type != "bool":
            text += in_brackets(f.unit, lang)
        return text + ("？" if lang == "zh" else "?")

    def part_of(self, q: Question, wpath: str, wfield: FieldDef, known: Scalar | None) -> str:
        """An "of which" input named with its whole (and the whole's figure, when ``known``): 其中… alone
        has nothing to be of where the whole is not beside it. The whole as it was answered: after 约3000万
        the question read 「营业收入（2025年）3,000万元，其中…」, the rough figure passed for an exact one."""
        lang, f = self.lang, q.field
        wlabel = input_label(wfield, wpath).get(lang)
        shown = self.said(wpath, known) if known is not None else ""
        if lang == "zh":
            part = _short_part(f.label.zh.removeprefix("其中"), wlabel)
            return (f"{wlabel}{shown}，其中{part}" if known is not None
                    else f"{wlabel}中，{part}" if part.endswith("的") else f"{wlabel}中的{part}")
        part = f.label.en.removeprefix("…of which ").removeprefix("...of which ")
        if part[1:2].islower():  # mid-sentence: "of which number of R&D staff", an acronym left as it is
            part = part[0].lower() + part[1:]
        return (f"{wlabel}: {shown}; of which {part}" if known is not None
                else f"{wlabel}: of which {part}")

    def describe(self, q: Question) -> str:
        """The question as shown: heading, the help's first sentence, how to answer."""
        lang, f = self.lang, q.field
        lines = [wrap(self.heading(q), self.width, indent="")]
        if f.help is not None:
            lines.append(wrap(first_sentence(fill_years(f.help.get(lang), q.year or self.iv.last_year)), self.width))
        if f.type == "bool":
            lines.append("  " + _t("yesno", lang))
        elif f.type == "choice":
            for i, choice in enumerate(f.choices, 1):
                name = f.choice_labels.get(choice)
                lines.append(wrap(name.get(lang) if name is not None else choice, self.width, indent=f"  {i}) "))
            lines.append(wrap(_t("pick", lang), self.width))
        elif f.type in ("money", "signed_money"):  # wrapped too: 71 columns in English
            lines.append(wrap(_t("money_hint", lang), self.width))
        elif (bounds := _range(f)) is not None:
            lines.append(f"  ({bounds})")
        return "\n".join(lines) + "\n> "

    def help_text(self, q: Question) -> str:
        """What ``?`` shows: the whole help and every glossary term it leans on."""
        lang, f = self.lang, q.field
        out = []  # (the line's first characters, its text): a term's later lines go under its text
        if f.help is not None:
            out.append(("  ", fill_years(f.help.get(lang), q.year or self.iv.last_year)))
        terms = glossary()
        for term in (terms[tid] for tid in f.terms if tid in terms):  # a rule file's unknown term: not shown
            out.append(("  · ", f"{term.name.get(lang)}：{term.text.get(lang)}" if lang == "zh"
                        else f"{term.name.get(lang)}: {term.text.get(lang)}"))
        if not out:
            out.append(("  ", _t("no_help", lang)))
        return "\n".join(wrap(text, self.width, indent=mark) for mark, text in out) + "\n"

    def concern_text(self, c: Concern, keep: bool = False, held: bool = False) -> str:
        """A consistency check's finding in plain words; ``keep``: the question had an answer, which
        Enter keeps (so the way out of a clash with an earlier answer is Enter, not "don't know");
        ``held``: that answer is the one that clashes, so Enter cannot be the way out."""
        lang = self.lang
        if c.violation is not None:  # worded as assess and batch word it, and how to fix the earlier answer,
            # the whole or the part, either of which may be the one mistyped
            return part_text(c.violation, lang) + ("。" if lang == "zh" else ".") + _t(
                "fix_earlier_held" if held else "fix_earlier_keep" if keep else "fix_earlier", lang)
        f = field_for_path(self.iv.rules, c.path)
        per_head = self._per_head_text(c, f)
        if per_head is not None:
            return per_head
        share = self._share_text(c, f)
        if share is not None:
            return share
        kw: dict[str, object] = {"this": input_label(f, c.path).get(lang), "value": with_unit(c.value, f, lang)}
        if c.other is not None:
            of = field_for_path(self.iv.rules, c.other)
            kw |= {"other": input_label(of, c.other).get(lang), "other_value": self.earlier(c.other, c.other_value, of)}
        if c.kind == "growth" and c.limit is not None:
            kw["growth"] = num(c.limit.quantize(Decimal(1)))
        if c.kind == "fraction":
            kw |= {"typed": exact(c.value), "percent": exact(c.value * 100)}
        if c.kind == "ratio" and isinstance(c.other_value, Decimal) and c.limit is not None:  # 0.45 for 负债总额
            typed = c.value if c.limit * 100 == c.value else c.limit  # 45 for 45%, or 0.45
            kw |= {"typed": exact(typed), "percent": exact(c.limit * 100),  # the ratio as typed, and its amount
                   "amount": num(c.limit * c.other_value, lang=lang) + unit_text(f.unit, lang, c.limit)}
        if c.kind == "above" and f.type in MONEY_TYPES and isinstance(c.other_value, Decimal) \
                and c.value >= 100 * c.other_value and c.value / 10000 <= c.other_value:  # a 元 slip: 100x and more
            # R&D typed in 元 (1,980,000) above revenue in 万元: the hint revenue's own warning gives, for this one
            return _t("above", lang, **kw) + _t("above_yuan", lang, wan=exact(c.value / 10000))
        if c.kind == "large":
            kw["limit"] = with_unit(c.limit, f, lang)
            if f.type in ("money", "signed_money"):
                kw["yi"] = exact(c.value / 10000) if lang == "zh" else exact(c.value / 100000)  # 亿 / billions
                return _t("large_money", lang, **kw)
        return _t(c.kind, lang, **kw)

    def _per_head_text(self, c: Concern, f: FieldDef) -> str | None:
        """Revenue too small or too large for the head count (consistency.SMALL, LARGE_PER_HEAD) in plain
        words, asked at either answer, the revenue or the employees; None for any other concern."""
        small = c.kind == SMALL
        if not (small or c.kind == LARGE_PER_HEAD) or c.other is None or not isinstance(c.other_value, Decimal):
            return None
        of = field_for_path(self.iv.rules, c.other)
        pair = {f.id: (f, c.path, c.value), of.id: (of, c.other, c.other_value)}
        amounts = [i for i in pair if i in (PER_HEAD_LEAST if small else PER_HEAD_MOST)]
        if HEAD_COUNT not in pair or len(amounts) != 1:
            return None
        (af, ap, amount), (hf, hp, staff) = pair[amounts[0]], pair[HEAD_COUNT]
        lang = self.lang
        return _t("small" if small else "large_per_head", lang, amount=input_label(af, ap).get(lang),
                  value=self.earlier(ap, amount, af) if ap == c.other else with_unit(amount, af, lang),
                  heads=input_label(hf, hp).get(lang),
                  staff=self.earlier(hp, staff, hf) if hp == c.other else with_unit(staff, hf, lang),
                  each=(yuan_a_head if small else yi_a_head)(amount, staff, lang))

    def _share_text(self, c: Concern, f: FieldDef) -> str | None:
        """An amount past its usual share of another (consistency's SHARE: R&D over half of revenue, main
        business under a tenth of it, costs under a fifth, year-end assets under some days of sales) in plain
        words, asked at either answer; None for any other concern. The report said it only afterwards,
        when the finance manager had left the figure: the same question as a debt ratio typed as 45 gets."""
        if c.kind != SHARE or c.other is None or not isinstance(c.other_value, Decimal) or c.limit is None:
            return None
        of = field_for_path(self.iv.rules, c.other)
        tables = {**SHARE_MOST, **SHARE_LEAST, **SHARE_LEAST_OF_OTHER}
        pair = {f.id: (f, c.path, c.value), of.id: (of, c.other, c.other_value)}
        amount_id = next((i for i in pair if i in tables and tables[i][0] in pair), None)
        if amount_id is None:
            return None
        (af, ap, amount), (bf, bp, base) = pair[amount_id], pair[tables[amount_id][0]]
        lang = self.lang

        def shown(field: FieldDef, path: str, value: Decimal) -> str:
            return self.earlier(path, value, field) if path == c.other else with_unit(value, field, lang)

        kw: dict[str, object] = {"amount": input_label(af, ap).get(lang), "value": shown(af, ap, amount),
                                 "base": input_label(bf, bp).get(lang), "base_value": shown(bf, bp, base),
                                 "bound": num(c.limit * 100, lang=lang)}
        if base <= 0:  # pragma: no cover - consistency asks no share of nothing
            return None
        kw["share"] = num(amount / base * 100, lang=lang)
        if amount_id in SHARE_MOST:
            return _t("share_high", lang, **kw)
        if amount_id in YEAR_END:  # year-end assets beside a year's revenue: the days of sales they come to
            if not amount:
                return _t("share_none_at_year_end", lang, **kw)
            return _t("share_days", lang, days=num((c.limit * 365).quantize(Decimal(1)), lang=lang),
                      per_day=bf.label.get(lang) if lang == "zh" else bf.label.en.lower(), **kw)
        return _t("share_low", lang, **kw)

    def earlier(self, path: str, value: Scalar | None, f: FieldDef) -> str:
        """An earlier answer a check sets the new one beside, as it was given: 「高于营业收入约3,000万元」,
        not a rough figure shown as exact. (The answer being checked is not yet recorded: said plainly.)"""
        return self.said(path, value) if value is not None else with_unit(value, f, self.lang)

    def confirm(self, text: str, q: Question | None = None) -> bool | str | None:
        """Ask yes or no until one of them is typed. Enter alone is neither: taken as no, it dropped the
        figure just typed, and a second Enter at the question asked again recorded 不知道 in its place.
        With ``q``, an answer to it typed instead (the corrected figure, 900万 at 「研发费用9,000万元，高于营业
        收入…确认无误吗？」) is returned, to be read as the answer: it was told 「请回答是或否」, then asked again.
        None: "<" typed, back one question, as at any prompt (it was read as 否, and the figure asked again)."""
        prompt = text
        while True:
            typed = self.term.ask(prompt)
            reply = normalise(typed).lower()
            if reply in YES or reply == "确认":
                return True
            if reply in BACK:
                return None
            if reply in NO:
                return False
            if q is not None and reply:
                try:
                    if self.iv.parse(q, typed)[0] is not None:
                        return typed
                except InputError:
                    pass
            prompt = _t("yesno_retry", self.lang)

    def ask(self, q: Question, header: str, keep: bool = False) -> str | None:
        """Ask ``q`` until it is answered (and saved by the caller); "<" returns "back". ``keep``: the
        question is asked again (from the summary, or after "<"), and Enter keeps the answer it had:
        a user pressing Enter to leave an answer as it is must not find it erased. "Don't know" is
        then typed (不知道), a deliberate act."""
        lang = self.lang
        self.term.say("\n" + wrap(header, self.width, indent="") + "\n")
        prompt = self.describe(q)
        typed_next: str | None = None  # a corrected figure typed at a check, read as the answer
        denied: set[tuple[str, str | None, Decimal]] = set()  # checks answered 否 at this question, by their figure
        while True:
            corrected = typed_next is not None  # said back once recorded: a yes/no prompt took it
            text = self.term.ask(prompt) if typed_next is None else typed_next
            typed_next = None
            prompt = "> "
            stripped = normalise(text)
            if stripped in HELP:
                self.term.say(self.help_text(q))
                continue
            if stripped.lower() in BACK:
                return "back"
            if keep and stripped == "":
                kept = self.iv.held.get(q.path, self.iv.values.get(q.path))
                refused = [c for c in self.iv.concerns(q, kept) if c.refused]
                if refused:  # 4,500 of main-business revenue kept under a revenue just changed to 4,000: the
                    # saved file was refused at the end (no report) and on every resume
                    self.term.say(wrap("✗ " + self.concern_text(refused[0], held=True), self.width) + "\n")
                    continue
                self.iv.keep(q.path)
                self.term.say(wrap(_t("kept_answer", lang, now=self.said(q.path)), self.width, indent="  ") + "\n")
                return None
            try:
                value, conversion = self.iv.parse(q, text)
            except InputError as exc:
                if q.field.type in NUMERIC_TYPES and (stripped.lower() in NO or stripped.lower() in NONE_IS_ZERO):
                    # "没有" to "how much profit?" means none, but only the user can say it is 0, not unknown;
                    # to a level 1–4 (never assessed), "type 0" sent them to a 0 refused in turn
                    hint = "none_is_assets" if q.field.id in NEVER_NONE else \
                        "none_is_whole" if q.field.type in MONEY_TYPES and q.field.part_of else \
                        "none_is_zero" if zero_allowed(q.field) else "none_is_unknown"  # 主营业务收入: not 0, the whole
                    self.term.say(wrap("✗ " + _t(hint + ("_keep" if keep else ""), lang), self.width) + "\n")
                    continue
                share = self.share_text(q, stripped) if q.field.type in MONEY_TYPES or q.field.type == "int" else None
                msg = share if share is not None else refusal(exc, lang)
                example = ""  # the rough figure shown to type, kept on one line
                if exc.kind == "value.vague" and share is None:  # 3200多万, 十几项: the interview takes a rough figure, 约3200万
                    # told only to write the exact figure or 不知道, one who knew it roughly lost what they knew
                    example = _t("vague_money" if q.field.type in MONEY_TYPES else
                                 "vague_share" if q.field.type == "percent" else "vague_number", lang)
                    msg += _t("vague_hint", lang, example=example)
                if exc.kind == "value.start_year":  # 2008 for years in the niche: here a start year is counted
                    msg += _t("since_hint", lang, year=stripped)
                said = _t("retry_keep" if keep else "retry", lang, msg=msg).strip(" \n")
                # a refusal that asks (您是不是想选“工业”（2）？) takes no full stop after its question mark
                self.term.say(wrap_whole(said.replace("？。", "？").replace("?.", "?"), self.width, example) + "\n")
                continue
            if conversion is not None:
                self.term.say(self.conversion_text(conversion, q.field))
            elif q.field.zero is not None and isinstance(value, Decimal) and value == 0 and stripped != "0":
                # 没有 to 获奖排名（0为未获奖）: saved as 0, said back as what 0 means there, as other words read are
                self.term.say(f"  → {escape_controls(text.strip())} = {with_unit(value, q.field, lang)}\n")
            elif q.field.type == "choice" and isinstance(value, str):
                # a name the choice was read from (通用设备制造业 → 工业) is said back, as amounts are
                shown = with_unit(value, q.field, lang)
                if stripped not in (shown, value):
                    self.term.say(f"  → {stripped} = {shown}\n")
            elif isinstance(value, bool) and stripped.lower() not in YES and stripped.lower() not in NO:
                # 有过, 肯定没有, 是，有: read as a yes or no, said back as one (a yes to a red line ends the questions)
                self.term.say(wrap(f"→ {escape_controls(text.strip())} = {with_unit(value, q.field, lang)}", self.width) + "\n")
            signed = percent_signed(q.field, text)  # 0.5% is no fraction typed for 50%
            concerns = self.iv.concerns(q, value, signed)
            refused = [c for c in concerns if c.refused]
            if refused:
                self.term.say(wrap("✗ " + self.concern_text(refused[0], keep) + _t("again", lang), self.width) + "\n")
                continue
            answered: bool | str | None = True
            for c in concerns:
                if (c.kind, c.other, c.value) in denied:  # typed again after 否: it stands, not asked a second time
                    continue
                answered = self.confirm(wrap("! " + self.concern_text(c) + _t("confirm", lang), self.width) + " ", q)
                if answered is None:  # "<" at the check: back one question, nothing recorded for this one
                    return "back"
                if answered is not True:
                    if answered is False:
                        denied.add((c.kind, c.other, c.value))
                    break
            if isinstance(answered, str):  # the corrected figure, typed at the check: read and checked as the answer
                typed_next = answered
                continue
            if not answered:
                # the question again, with its unit: after the check's lines, a bare 「请重新输入」 left the
                # user to scroll up for what was asked, and in what unit; where the check set it beside an
                # earlier answer, that one may be the slip: typing this figure again keeps it, asked no more
                # (the check asked again at the same figure, the only way on was to confirm a pair called wrong)
                other = next((c for c in concerns if (c.kind, c.other, c.value) in denied and c.other is not None
                              and c.other in self.iv.values), None)
                again = _t("again_plain", lang, question=self.heading(q))
                if other is not None:
                    of = field_for_path(self.iv.rules, other.other or "")
                    again += _t("again_other", lang, other=input_label(of, other.other or "").get(lang),
                                other_value=self.said(other.other or ""))
                self.term.say(wrap(again, self.width) + "\n")
                continue
            self.iv.record(q.path, value, conversion is not None and conversion.approximate, signed)
            if corrected and value is not None and conversion is None:
                self.term.say(wrap(_t("changed_to", lang, now=self.said(q.path)), self.width, indent="  ") + "\n")
            if value is None:
                self.term.say(_t("unknown", lang))
            elif q.path in self.iv.approximate:  # a verdict that rests on it, this close, is said now
                for call in self.iv.result().close:
                    if call.path == q.path:
                        self.term.say(wrap("! " + close_text(call, lang), self.width) + "\n")
            return None

    def share_text(self, q: Question, typed: str) -> str | None:
        """Why a share typed for an amount (研发费用 4.5%) is refused, with the amount it comes to on
        each base the rules take it of, where that base is answered: the user types it if it is what
        they meant; the interview does not guess which base they had in mind. None: not a share. 约6%
        is a share too: refused as one whose figure could not be read, it got no amount at all. A share
        named before its figure (资产负债率45%, 净利率约6%) is taken of the bases that name can mean
        (``Interview.shares_named``): refused as no figure, 资产负债率45% got no amount though the year's
        total assets were answered. A share typed for a count (科技人员 15%) is told the people it comes to,
        whole (约30人), as the rules take it of the employees: it was told only 「应填整数」."""
        count = q.field.type == "int"  # 研发人员 15%: a number of people is asked, a whole one
        what = {"what": _t({"人": "count_of_people", "项": "count_of_ip"}.get(q.field.unit or "", "count_of_items"),
                           self.lang)} if count else {}
        unknown = _t("share_unknown_count", self.lang, **what) if count else _t("share_unknown", self.lang)
        typed = without_about(typed) or typed
        year = _YEAR_SAID.match(typed)
        if year is not None and q.year is not None and int(year[1]) == q.year:  # 2025年末资产负债率45%
            typed = typed[year.end():]
        start = _FIGURE.search(typed)
        name = ""
        if start is not None and start.start() > 0:  # 资产负债率为45%, 负债率约45%: the name, then the share
            name, figure = _JOINS.sub("", typed[: start.start()]), typed[start.start():]
            typed = without_about(figure) or figure  # read as a bare one is
        try:
            raw = numerals.spelled(typed, money=False, percent=True) if typed.startswith("百分之") else typed
        except ValueError:  # 百分之十几, 百分之五以上: a share all the same, but no one figure to take of a base
            return unknown
        raw = PERCENT_WORDS.sub("%", raw or "")  # 20 percent, 20个百分点: a share as 20% is
        if not raw or not raw.endswith("%"):
            return None
        try:
            pct = Decimal(raw[:-1])
        except ArithmeticError:
            pct = Decimal("NaN")
        # (base, amount) where the base is answered; an amount that rounds to 0 (a tiny share, a base of
        # 0) is not offered: typed, 0 says there is none
        known = [(s, (pct * s.value / 100).quantize(Decimal("0.01")).normalize()) for s in self.iv.shares_named(q, name)
                 if s.value is not None and pct.is_finite() and 0 < pct <= 1000]  # no amount from a share past any sense
        known = [(s, amount) for s, amount in known if (amount.quantize(Decimal(1), ROUND_HALF_UP) if count else amount) > 0]
        if not known:
            return unknown
        lang = self.lang

        def said_as(amount: Decimal) -> str:
            if not count:
                return with_unit(amount, q.field, lang)
            whole = amount.quantize(Decimal(1), ROUND_HALF_UP)  # 15% of 201 is 30.15 people: about 30
            return ("" if whole == amount else _t("about", lang)) + with_unit(whole, q.field, lang)

        bases = _t("share_sep", lang).join(
            _t("share_base", lang, label=input_label(s.base, s.path).get(lang), said=self.said(s.path),
               amount=said_as(amount))
            for s, amount in known)
        return _t("share_typed_count" if count else "share_typed", lang, pct=f"{exact(pct)}%", bases=bases, **what)

    def said(self, path: str, value: Scalar | None = None) -> str:
        """An answer as it was given: 约12,000万元 for one answered 约12000 (the current answer, or
        ``value`` held for it). Shown without its 约 where it was offered for change, a rough figure
        passed for an exact one, and Enter kept it believing so. A control character typed into a
        name is shown as its escape, not sent to the terminal."""
        f = field_for_path(self.iv.rules, path)
        value = self.iv.values.get(path) if value is None else value
        about = _t("about", self.lang) if path in self.iv.approximate and value is not None else ""
        return escape_controls(about + with_unit(value, f, self.lang))

    def conversion_text(self, c: Conversion, f: FieldDef) -> str:
        """The answer said back as it is saved: 差不多8000万 = 约8,000万元 (said back without its 约, a rough
        figure read as taken for exact), 2008年开始 = 17年 with the years it counts, 无 = 0项."""
        lang = self.lang
        typed = escape_controls(c.typed)
        about = _t("about", lang) if c.approximate else ""
        # the whole years it certainly reaches; one who began in January may have one more, and is told so
        since = "" if c.since is None else _t("since_counted", lang, last_year=self.iv.last_year, year=c.since,
                                                more=exact(c.value + 1, lang))
        shown = with_unit(c.value, f, lang) if ranked(f) else f"{exact(c.value, lang)}{unit_text(f.unit, lang, c.value)}"
        return wrap(f"→ {typed} = {about}{shown}{since}", self.width) + "\n"

    def summary(self) -> list[str]:
        """Every answer, numbered in the profile's order; returns the paths in that order."""
        lang = self.lang
        order = {f.id: i for i, f in enumerate(self.iv.rules.fields.values())}
        paths = sorted(set(self.iv.values) | self.iv.unknown,
                       key=lambda p: (order[field_for_path(self.iv.rules, p).id],
                                      -(year_in_path(field_for_path(self.iv.rules, p), p) or 0)))
        lines = [_t("summary", lang, n=len(paths))]
        for i, p in enumerate(paths, 1):
            f = field_for_path(self.iv.rules, p)
            sep = "：" if lang == "zh" else ": "
            # a plan's question may be a part whose whole was never asked (其中实际应用的Ⅰ类知识产权)
            q = Question(p, f, year_in_path(f, p))
            whole = self.iv.whole(q)
            label = self.part_of(q, *whole, None) if whole is not None and whole[0] not in paths else \
                answer_label(f, p).get(lang)
            lines.append(wrap(f"{label}{sep}{self.said(p)}", self.width, indent=f"  {i:>2}. "))
        self.term.say("\n" + "\n".join(lines) + "\n")
        return paths

    def stop_text(self, paths: list[str]) -> str:
        """Why the questions ended early, where an answer stops every tier (a red line answered yes,
        registered in China answered no, figures of a large enterprise): those answers by their numbers in
        the list just shown, and that a wrong one is changed there. A finance manager who typed 对 to
        「被列入经营异常名录？」 at question 7 of 52 was shown the list of 7 answers with not a word of why
        the other 45 were not asked. Empty when nothing stops every tier."""
        from littlegiant.core.result import bars_every_tier
        from littlegiant.report.words import red_lines

        result = self.iv.result()
        first = next(iter(result.tiers.values()), None)
        gates = [c for c in first.criteria if bars_every_tier(result, c)] if first is not None else []
        zh = self.lang == "zh"
        out = []
        for c in [*red_lines(result), *gates]:
            said = sorted((p for p in c.inputs if p in paths), key=paths.index)  # as numbered in the list
            if not said:
                continue
            named = ("、" if zh else "; ").join(
                f"第 {paths.index(p) + 1} 项「{answer_label(field_for_path(self.iv.rules, p), p).get('zh')}：{self.said(p)}」"
                if zh else f"{paths.index(p) + 1} ({answer_label(field_for_path(self.iv.rules, p), p).get('en')}: "
                f"{self.said(p)})" for p in said)
            why = _t("stop_red_line" if c.kind == "veto" else "stop_large" if c.kind == "sme" else "stop_gate",
                     self.lang)
            numbers = ("、" if zh else ", ").join(str(paths.index(p) + 1) for p in said)
            out.append(_t("stop", self.lang, named=named, why=why, numbers=numbers))
        return "".join(out)


_YEAR_SAID = lazyre.compile(r"(\d{4})年(?:末|底|度)?")
"""The year a share is said of (2025年末资产负债率45%): the question's own, or the share is of no amount asked."""
_FIGURE = lazyre.compile(r"[-+]?\.?\d|百分之|约|大约|大概|差不多|将近|接近|近(?=[.\d]|百分之)|approx|about|around|roughly|circa|~")
"""Where a share's figure starts after a name typed before it (资产负债率45%, 净利率约6%, 负债率百分之四十五,
研发费用差不多4.5%): 近 only before its figure, or 近三年研发占比6% would start at 近三年."""
_JOINS = lazyre.compile(r"(?:为|是|:|=|达到?|在|的)+$")
"""The words between a share's name and its figure (资产负债率为45%, 负债率：45%), ``normalise`` having
made a full-width colon ASCII."""


def shown_name(name: str, limit: int = 40) -> str:
    """A company name from a saved file as a prompt shows it: printable characters only (the file
    may have been edited by hand), and a long one cut with an ellipsis."""
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name if len(name) <= limit else name[: limit - 1] + "…"


def backup_copy(save: Path) -> Path:
    """Copy ``save`` to a new file beside it named for the moment (f.backup-20261202-021503.yaml) and
    return its path. Starting over replaces the saved answers at the first new one; the save file is
    often the default name shared by every client in a folder, so the old answers must stay within
    reach. A file already there is never overwritten (-2, -3… is added)."""
    return new_beside(save, save.read_bytes(), "backup")


def new_beside(save: Path, data: bytes, tag: str) -> Path:
    """``data`` in a new file beside ``save`` named for ``tag`` and the moment (f.backup-20261202-021503.yaml),
    never over a file already there (-2, -3… is added); its path."""
    from littlegiant.load.fileio import dated_names

    mode = new_file_mode(save)
    for backup in dated_names(save, tag):
        try:
            fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            backup.unlink(missing_ok=True)
            raise
        return backup
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(save))


_HEADER_LINE = lazyre.compile("|".join(
    re.sub(r"\\\{\w+\\\}", ".*", re.escape(line))
    for line in [*(line for text in HEADER.values() for line in text.splitlines()), *OLD_HEADER_LINES]))
"""A line of the header the interview writes, in either language, for any rule set, date and file."""


def _written_here(path: Path) -> bool:
    """Whether the interview wrote ``path``: its first line is the header it writes."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return _HEADER_LINE.fullmatch(first.rstrip("\r\n")) is not None


_AGAIN = [lazyre.compile(re.escape(line).replace(re.escape("{again}"), "(?P<again>.*)"))
          for text in HEADER.values() for line in text.splitlines() if "{again}" in line]
"""The header line that gives the command assessing the file, in either language: its options are the
ones the answers were given under."""


def renewal_saved(save: Path) -> tuple[bool, str | None]:
    """(known, renewal): whether the interview wrote ``save`` with the command that assesses it, and the
    --renewal that command names (None: a new application). The file records the renewal only there:
    resumed without --renewal, a renewal's answers went on as a new application's, silently. Not
    known for a file the interview did not write, or a header edited past reading; a FIFO or a
    folder is never opened."""
    if special_kind(save) is not None or not _written_here(save):
        return False, None
    try:
        with save.open(encoding="utf-8-sig") as handle:
            handle.readline()
            second = handle.readline(4096).rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        return False, None
    for pattern in _AGAIN:
        said = pattern.fullmatch(second)
        if said is None:
            continue
        try:
            words = shlex.split(said["again"])
        except ValueError:
            return False, None
        if words[:2] != ["littlegiant", "assess"]:
            return False, None
        at = [i for i, word in enumerate(words) if word == "--renewal"]
        return True, (words[at[-1] + 1] if at and at[-1] + 1 < len(words) else None)
    return False, None


_SAVED_DAY = lazyre.compile(r"(?:评估日期|as of) (\d{4}-\d{2}-\d{2})[）)]")
"""The date in the header's first line: the day the answers were given for."""

AS_OF_MOVED = {
    "zh": ("这些回答是按评估日期 {saved}（上年度 = {saved_year} 年）填写的；这次评估日期 {as_of}，上年度 = {year} 年："
           "已填的 {saved_year} 年数字不再当作上年度的，上年度的数字要按 {year} 年重新填。要按原来的日期继续，请中断后加上 "
           "--as-of {saved} 重新运行。\n"),
    "en": ("These answers were given as of {saved} (last year = {saved_year}); this assessment is as of {as_of} "
           "(last year = {year}): the {saved_year} figures already given no longer count as last year's, and "
           "last year's are to be given for {year}. To go on as of the former date, stop and run again with "
           "--as-of {saved}.\n"),
}
"""Said on resuming under a date whose last year differs: the owner who stopped in December and went on in
January, or typed another --as-of, saw last year's questions again with no word why, and the figures
just typed in silently became the year before's."""


AGAIN = {"zh": "以后不用再答题，直接评估这些回答（加 --detail 看每一项条件怎么算）：\n{again}\n",
         "en": "To assess these answers again without the questions (add --detail to see how each criterion "
               "is decided):\n{again}\n"}
"""Said under the interview's last line: the report's hint (the same command with --detail) led back into
the interview, its resume question and its list of answers, and nothing on screen named the command that
assesses the saved file, there only in the file's own first lines."""


def saved_as_of(save: Path) -> date | None:
    """The date the interview's own header says ``save``'s answers were given for; None for a file the
    interview did not write or whose first line no longer reads."""
    if special_kind(save) is not None or not _written_here(save):
        return None
    try:
        with save.open(encoding="utf-8-sig") as handle:
            said = _SAVED_DAY.search(handle.readline(4096))
        return None if said is None else date.fromisoformat(said[1])
    except (OSError, UnicodeDecodeError, ValueError):
        return None


@record(frozen=True)
class RenewalSaid:
    """A renewal the save file's answers were given under (None: a new application), where this sitting
    differs from what --renewal said or follows the file for want of it: said at the resume question."""

    saved: str | None
    followed: bool  # no --renewal given: the sitting takes the file's


def _as_saved(save: Path, data: dict[str, Any], answered_under: str | None) -> bool:
    """Whether ``save`` holds just what saving ``data`` would write, its header aside. A profile edited
    by hand (a consultant's comments, another order, quotes) does not, and resuming on it saves over it
    at once: it is copied first, so that nothing a user wrote is lost. PyYAML keeps no comments, and a
    copy keeps everything else too (the layout, the wording of a value), which merging would not.
    ``answered_under`` is the set the file names: the tool's own file, saved under the 2022 rules and
    resumed under 2026's, differs from a save under 2026 by that name alone, and was no edit."""
    if answered_under is not None and ANSWERED_UNDER in data:
        data = {**data, ANSWERED_UNDER: answered_under}
    try:
        text = save.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    lines = text.splitlines(keepends=True)
    while lines and _HEADER_LINE.fullmatch(lines[0].rstrip("\r\n")):
        lines.pop(0)
    return "".join(lines) == dump_profile(data, "")


def _progress(n: int, total: int, width: int = 20) -> str:
    done = min(width, round(width * (n - 1) / total)) if total else width
    return "▓" * done + "░" * (width - done)


PlanAsks = Callable[[Interview], tuple[list[Question], list[Text]]]
"""The questions the report's plans would still ask of these answers, and the tiers whose plans ask
them: made by the command, which knows the calendar that judges a later round."""
NO_CHANGE = frozenset({"不用", "不用改", "不改", "不需要", "不要", "都对", "没问题", "确认", "好", "好的", "可以", "行",
                       "生成报告", "出报告", "ok", "okay", "done", "none", "nothing", "report", "fine"})
"""Typed at the list of answers, "nothing to change" (compared after ``normalise``, in lower case): the
report, as Enter. 不用 or 确认, the natural answer to 「要修改哪一项？」, was asked again for a number."""
_PICKED = lazyre.compile(r"(?:要|我要|想)?(?:改|修改|更改|改一下|改下|重填|重新填|change|edit)?(?:第|no\.?|#)?(\d+)(?:项|个|题|条|号)?")
"""An answer picked at the list as people say it (改第11项, 第11项, 修改11, change 11): its number. Each was asked
again for 「1–25 之间的编号」."""
PLAN = ("p", "ｐ", "plan", "计划")
"""Typed at the list of answers: answer the plans' questions now."""


def run(interview: Interview, term: Terminal, save: Path, lang: str, resume_cmd: str,
        preset: Iterable[tuple[str, Scalar | None]] = (), again_cmd: str | None = None,
        plan_asks: PlanAsks | None = None, in_chinese: str | None = None,
        renewal_said: RenewalSaid | None = None) -> None:
    """Ask until nothing relevant is left, then let every answer be changed. Raises Interrupted
    (answers saved) on Ctrl-C or end of input, fileio.Locked when another run holds ``save``.
    ``again_cmd``: the command the saved file's header gives for assessing it (its rules and date).
    ``plan_asks``: offered at the list of answers, the questions only a plan needs. ``in_chinese``:
    the command that goes on in Chinese, said first where the locale, not --lang, chose English.
    ``renewal_said``: the file's renewal where this sitting takes it, or --renewal overrode it."""
    with locked(save):
        _run(interview, term, save, lang, resume_cmd, preset, again_cmd or shlex.join(["littlegiant", "assess", str(save)]),
             plan_asks, in_chinese, renewal_said)


def _run(interview: Interview, term: Terminal, save: Path, lang: str, resume_cmd: str,
         preset: Iterable[tuple[str, Scalar | None]], again_cmd: str, plan_asks: PlanAsks | None = None,
         in_chinese: str | None = None, renewal_said: RenewalSaid | None = None) -> None:
    # a title on one line (a rule file's own title might hold a line break, which would end the comment)
    title = " ".join(escape_controls(interview.rules.title.get(lang)).split())
    header = HEADER["zh" if lang == "zh" else "en"].format(rules=title, as_of=interview.as_of.isoformat(),
                                                          again=again_cmd)

    written = False  # by this sitting: until then the file, if any, holds what it held before
    edited = False  # the file holds what saving would not keep: copied before it is first saved over

    on_disk = identity(save)  # the file as this sitting found it, then as it last wrote it

    def persist() -> None:
        nonlocal written, edited, on_disk
        if edited:  # copied only when an answer is saved: a sitting stopped at once left a needless copy
            term.say(wrap_all(_t("kept_edits", lang, save=save, backup=backup_copy(save)), term.width()))
            edited = False
        if identity(save) != on_disk:  # changed by another hand since: written over, its content was lost
            kept = new_beside(save, b"", "answers")  # its name first: the file's header names it to assess
            header_kept = header.replace(shlex.quote(str(save)), shlex.quote(str(kept)))
            atomic_write_text(kept, dump_profile(interview.saved_data(), header_kept))
            raise Replaced(kept, len(interview.saved_paths()), special_kind(save))
        atomic_write_text(save, dump_profile(interview.saved_data(), header))
        written, on_disk = True, identity(save)

    if save.exists():
        saved = load_saved(save, interview.rules)
        values, unknown, others = saved.values, saved.unknown, saved.others
        n = len(values) + len(unknown)
        company = values.get(interview.rules.fields["name"].path) if "name" in interview.rules.fields else None
        found = (_t("found", lang, save=save, n=n, name=shown_name(company)) if isinstance(company, str) and company
                 else _t("found_unnamed", lang, save=save, n=n)) + _renewal_text(interview, renewal_said, lang)
        prompt = wrap_all(found + _t("found_ask", lang), term.width()) + " "  # the wrapping drops the space
        while True:
            try:
                choice = normalise(term.ask(prompt)).lower() or ""  # 接着答。, ｒ: as typed elsewhere
                choice = "start over" if choice == "startover" else choice
            except (KeyboardInterrupt, Interrupted):
                term.say(_t("kept", lang, save=save, cmd=resume_cmd))
                raise Interrupted from None
            if choice in RESUME:
                interview.values.update(values)
                interview.unknown |= unknown
                interview.approximate |= saved.approximate
                interview.percent_signed |= saved.percent_signed
                for other in others:  # asked again in these rules' words, Enter keeping the answer
                    interview.forget(other.field.path)
                    interview.asked_otherwise[other.field.path] = other.rules_id
                # the next save would lose what was written by hand
                edited = not _as_saved(save, interview.saved_data(), saved.answered_under)
                if saved.other_set is not None:  # the date picked another set than the answers were given to
                    term.say(wrap_all(_t("answered_under", lang, answered=saved.other_set.get(lang),
                                         rules=interview.rules.title.get(lang), as_of=interview.as_of.isoformat(),
                                         other=saved.answered_under), term.width()))
                day = saved_as_of(save)
                if day is not None and day.year != interview.as_of.year:
                    term.say(wrap_all(AS_OF_MOVED["zh" if lang == "zh" else "en"].format(
                        saved=day.isoformat(), saved_year=day.year - 1, as_of=interview.as_of.isoformat(),
                        year=interview.last_year), term.width()))
                if saved.unknown_set is not None:  # saved silently under this set's id at the next answer
                    term.say(wrap_all(_t("unknown_set", lang, said=saved.unknown_set,
                                         rules=interview.rules.title.get(lang)), term.width()))
                for other in others:
                    term.say(wrap_all(_t("asked_otherwise", lang, label=other.field.label.get(lang),
                                         rules=other.title.get(lang)), term.width()))
                break
            if choice in START_OVER:
                term.say(wrap_all(_t("backed_up", lang, n=n, backup=backup_copy(save)), term.width()))
                break
            prompt = _t("found_retry", lang) + wrap_all(_t("found_ask", lang), term.width()) + " "
    given = False
    for path, value in preset:
        interview.record(path, value)
        given = True
    if given:  # answers given on the command line are saved as any answer is; a resumed file is
        persist()  # left as it was until an answer changes it (saved at once, it named the set now judging it
        # as the one its answers were given under, before a question of that set was asked)
    baseline = interview.saved_data()  # what the file holds, or would: saved again only once this differs
    if in_chinese is not None:  # English from the locale (LANG=C.UTF-8): a reader of Chinese is told the way
        term.say(wrap_all(_t("in_chinese", "zh", command=in_chinese), term.width()))
    renewed = _tier_title(interview.rules, interview.renewal, lang)
    term.say(wrap_all(_t("intro", lang, rules=interview.rules.title.get(lang), as_of=interview.as_of.isoformat(),
                         year=interview.last_year, save=save,
                         renewal=_t("intro_renewal", lang, title=renewed) if renewed else ""), term.width()))
    asker = Asker(interview, term, lang)
    name = interview.rules.fields.get("name")
    pending: Question | None = None
    editing = False
    changed_last = False  # the last answer in asker.history is one changed from the list, nothing asked since
    went_back: str | None = None  # the answer taken back with "<", shown with its question again
    queue: list[Question] = []  # the plans' questions, once asked for at the list of answers
    queued = 0  # how many the queue held when it was asked for
    planning: set[str] = set()  # their paths: one gone back to is a plan's question still
    bound: int | None = None  # the last "at most N" shown: it rises only when an answer is changed
    try:
        while True:
            q = pending
            pending = None
            if q is None and name is not None and not interview.answered(name.path):
                q = Question(name.path, name, None)
            if q is None:
                q = interview.next_question()
            planned = False  # q is one of the plans' questions
            while q is None and queue:
                q = queue.pop(0)
                if interview.answered(q.path):  # answered since it was listed (changed from the list)
                    q = None
                planned = q is not None
            if q is None:
                if changed_last:
                    # a change from the list is a visit from it, not a step of the interview: back at the list,
                    # "<" goes where it went before the change (the last question asked, then the ones before);
                    # it went back to the one just changed, shown in the list already, and a change of a plan
                    # question, "<" and Enter at it, then "<" again, came back to it each time
                    asker.history.pop()
                    changed_last = False
                paths = asker.summary()
                stop = asker.stop_text(paths)
                if stop:
                    term.say(wrap_all(stop, term.width()))
                asks, tiers = plan_asks(interview) if plan_asks is not None else ([], [])
                if asks:
                    titles = [x.get(lang) for x in tiers]
                    named = ("、".join(f"「{x}」" for x in titles) if lang == "zh"  # en: titles hold their own quotes
                             else ", ".join(titles[:-1]) + " and " + titles[-1] if len(titles) > 1 else titles[0])
                    term.say(wrap_all(_t("plan_offer", lang, n=len(asks), tiers=named), term.width()))
                prompt = _t("change_plan" if asks else "change", lang, n=len(paths), k=len(asks))
                # 69 columns in English with p, 67 without: wrapped as the offer above it is
                prompt = wrap_all(prompt, term.width()).rstrip() + " "
                while True:
                    try:
                        reply = normalise(term.ask(prompt)).lower()
                        picked = _PICKED.fullmatch(reply)
                        reply = picked.group(1) if picked is not None else reply  # 改第11项: 11
                    except Quit:
                        raise
                    except Interrupted:  # end of input here: nothing more to change, on to the report
                        term.say("\n")
                        reply = ""
                    if reply == "" or reply in NO or reply in NO_CHANGE or (reply in BACK and asker.history) or (
                            reply.isdigit() and 1 <= int(reply) <= len(paths)) or (asks and reply in PLAN):
                        break
                    if reply in BACK:  # a resumed sitting, nothing asked in it (a change from the list is no step)
                        term.say(wrap(_t("back_none", lang).strip(), term.width()) + "\n")
                    prompt = _t("change_plan_retry" if asks else "change_retry", lang, n=len(paths))
                if asks and reply in PLAN:
                    queue, queued = list(asks), len(asks)
                    planning = {x.path for x in asks}
                    continue
                if reply in BACK:
                    pending, went_back = _back(interview, asker, lang)
                    persist()
                    continue
                if reply.isdigit() and reply not in NO:
                    path = paths[int(reply) - 1]
                    f = field_for_path(interview.rules, path)
                    pending = Question(path, f, year_in_path(f, path))
                    editing = True
                    continue
                break
            # taken back with "<" earlier (two steps back, then on again): the file still holds its answer
            again = went_back is None and not editing and q.path in interview.held
            if planned:
                number, total = queued - len(queue), queued
            else:
                number = asker.answered + 1 - (1 if interview.answered(q.path) else 0)
                total = number + len(interview.remaining_paths() - {q.path})
            counted = "plan_question" if planned else "question"
            if not (editing or again or went_back is not None or planned):
                # a bound never rises as questions are answered; one changed (after "<", or from the list)
                # can open questions again, and the higher bound says why, or it would read as no bound
                counted = "question_more" if bound is not None and total > bound else "question"
                bound = total
            head = (_t("edit", lang, now=asker.said(q.path)) if editing else
                    _t("edit", lang, now=asker.said(q.path, interview.held[q.path])) if again else
                    _t("back", lang, was=went_back) if went_back is not None else
                    _t(counted, lang, n=number, total=total, bar=_progress(number, total)))
            keep = editing or again or went_back is not None  # asked again: Enter keeps the answer it had
            changing, editing, went_back = editing, False, None
            if asker.ask(q, head, keep) == "back":
                # a plan's question waits in its place, asked after the one gone back to; so does one
                # reached by "<" from the next (or the plan's first two, both gone back over, asked the
                # first again and then the third: the interview does not ask the second of itself); and
                # the last, reached by "<" from the list once they were all answered, its answer taken
                # back (it went to the list, the queue empty). One changed from the list keeps its answer
                # and is not: the plan's questions are done then
                if q.path in planning and (planned or queue or not interview.answered(q.path)) \
                        and all(x.path != q.path for x in queue):
                    queue.insert(0, q)
                if not asker.history:
                    term.say(_t("first_resumed" if interview.values or interview.unknown else "first", lang))
                    pending = None if planned else q
                    continue
                pending, went_back = _back(interview, asker, lang)
                changed_last = False
            else:
                asker.history.append(q.path)
                changed_last = changing
                if planned and queue and plan_asks is not None:
                    # an answer can settle what the plans still asked (a domestic share of 12% meets
                    # 「占有率10%以上或国内前三」: its international share and rank no longer matter)
                    # (one taken back with "<", its answer still in the file, is no longer among what
                    # the plans ask, but waits to be asked again, as the interview's own questions do)
                    still = {x.path for x in plan_asks(interview)[0]}
                    kept = [x for x in queue if x.path in still or x.path in interview.held]
                    queued -= len(queue) - len(kept)
                    queue = kept
            persist()
    except (KeyboardInterrupt, Interrupted):
        n = len(interview.saved_paths())  # what the file holds, said as it is
        if n and (written or interview.saved_data() != baseline):
            persist()  # again, in case the interrupt landed between an answer and its save
        term.say(_t("stopped", lang, n=n, save=save, cmd=resume_cmd) if written else
                 _t("kept", lang, save=save, cmd=resume_cmd) if save.exists() else _t("nothing", lang))
        raise Interrupted from None
    persist()  # even when nothing was relevant: a valid (empty-answer) file is left behind
    done = _t("done", lang, n=len(interview.saved_paths()), save=save)
    again_said = wrap_all(AGAIN["zh" if lang == "zh" else "en"].format(again=again_cmd), term.width())
    term.say(done.rstrip("\n") + "\n" + again_said + "\n")


def _tier_title(rules: RuleSet, tier: str | None, lang: str) -> str | None:
    """A renewed tier's title as the rule set names it (专精特新中小企业), as the report's 依据 line does."""
    found = rules.tiers.get(tier) if tier is not None else None
    return found.title.get(lang) if found is not None else tier


def _renewal_text(interview: Interview, said: RenewalSaid | None, lang: str) -> str:
    """The resume question's line on the kind of assessment, where the file's differs from --renewal's or
    is taken for want of it; "" when there is nothing to say."""
    if said is None:
        return ""
    saved = _tier_title(interview.rules, said.saved, lang)
    if said.followed and saved is not None:
        return _t("renewal_resumed", lang, title=saved)
    now = _tier_title(interview.rules, interview.renewal, lang)
    if now is None:  # --renewal none over a renewal's answers: said here, once; the opening says no 复核
        return _t("application_changed", lang, was=_t("renewal_was", lang, title=saved)) if saved is not None else ""
    was = _t("renewal_was", lang, title=saved) if saved is not None else _t("application_was", lang)
    return _t("renewal_changed", lang, was=was, title=now)


def _back(interview: Interview, asker: Asker, lang: str) -> tuple[Question, str]:
    """Take the last answer of this sitting back: its question, to be asked again, and the answer it had
    (so that a user who went back to check a figure sees what they typed)."""
    path = asker.history.pop()
    f = field_for_path(interview.rules, path)
    was = asker.said(path)
    interview.forget(path)
    return Question(path, f, year_in_path(f, path)), was


def resume_command(save: Path, as_of: str | None, rules: str | None, renewal: str | None, lang: str | None) -> str:
    """The command line that picks the interview up again (same rule set and date)."""
    return _command(["--save", str(save)], as_of, rules, renewal, lang)


def assess_command(save: Path, as_of: str | None, rules: str | None, renewal: str | None, lang: str | None) -> str:
    """The command line that assesses the saved answers as they were given: the saved file's header
    said ``littlegiant assess old.yaml`` for answers given --as-of 2026-03-01, which judged them by
    the 2026 rules the day it was followed."""
    return _command([str(save)], as_of, rules, renewal, lang)


def _command(start: list[str], as_of: str | None, rules: str | None, renewal: str | None, lang: str | None) -> str:
    parts = ["littlegiant", "assess", *start]
    if as_of:
        parts += ["--as-of", as_of]
    if rules:
        parts += ["--rules", rules]
    if renewal:
        parts.extend(("--renewal", renewal))
    if lang:
        parts += ["--lang", lang]
    return shlex.join(parts)  # a path with spaces still pastes as one argument

