"""The sentences every report shares, made from the rule data: a finance manager's words, not a trace.

Criteria become "研发费用占营业收入 3.6%（90 ÷ 2,500），要求不低于3%：满足"; choices are named by their
labels, missing inputs by their question, plans as numbered things to do. No formula operators, field
paths or choice ids reach the client text; ``--set`` arguments appear only in the appendix.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from littlegiant import lazyre
from littlegiant.core.gaps import Change, days_left
from littlegiant.core.inputs import sibling_path, whole_of
from littlegiant.core.result import (
    MET,
    REVIEW,
    UNKNOWN,
    UNMET,
    CriterionResult,
    Result,
    TierResult,
    as_given,
    bars_every_tier,
    stops_every_tier,
)
from littlegiant.core.tierplan import (
    LATE_IN_YEAR,
    Move,
    Otherwise,
    Shift,
    TierPlan,
    held_tier,
    hurried,
    is_yearly,
    pace,
    shift_pace,
    unrenewed,
)
from littlegiant.i18n import CONFIDENCE, MESSAGES, SIZE, STATUS
from littlegiant.load import expr
from littlegiant.load.consistency import LARGE, LARGE_PER_HEAD, MONEY_TYPES, SMALL
from littlegiant.load.profile import field_for_path, input_label, plain_number, year_in_path
from littlegiant.load.rulecalendar import RENEWABLE
from littlegiant.load.rules import Node, RuleSet, Text
from littlegiant.messages import grouped, plural
from littlegiant.records import record
from littlegiant.report.explanations import (
    SHORT_NUMBER,
    UNCOMPUTED_ENDS,
    explanation_in,
    fmt,
    formula_pieces,
    points_sentence,
    unit_text,
)

CUT_SHORT = Text("建议的搜索达到工作量上限而提前停止，可能还有更小的调整",
                 "the search for advice stopped at its work limit; a smaller change may exist")

ICON = {"met": "✔", "unmet": "✘", "unknown": "?", "manual_review": "◔"}
THIRD_PARTY = ("single", "recalled")
MARK = {"single": "†", "recalled": "‡"}

W = {
    "answer": {"zh": "结论", "en": "The answer"},
    "plan": {"zh": "行动计划", "en": "The plan"},
    "evidence": MESSAGES["evidence"],  # the same heading the catalog gives the detail table
    "legend": {"zh": "依据说明", "en": "About the sources"},
    "detail": {"zh": "逐条明细", "en": "Criterion by criterion"},
    "appendix": {"zh": "附录：假设计算命令", "en": "Appendix: what-if commands"},
    "basis": {"zh": "依据", "en": "Basis"},
    "basis_detail": {"zh": "评估依据", "en": "What this rests on"},
    "warnings": {"zh": "请先核对", "en": "Check first"},  # figures, and notices such as answers given under other rules
    "what_if": {"zh": "假设变化带来的判定变化", "en": "What the what-if changed"},
    # a report made with --set: what it assumed, above its answer, which is the assumption's
    "assumed": {"zh": "假设（不是企业目前的实际数据）", "en": "What-if (not the company's actual figures)"},
    "answer_assumed": {"zh": "结论（按上述假设）", "en": "The answer, under the what-if above"},
    "not_given": {"zh": "未填", "en": "not given"},
    "what_if_none": {"zh": "假设变化没有改变任何判定。", "en": "The what-if changed no verdict."},
    "untitled": {"zh": "自评报告", "en": "Self-assessment"},
    "appendix_intro": {"zh": "以下命令按行动计划修改数据后重新评估，可用于核对（在资料文件所在的文件夹中运行）：",
                       "en": "Each command re-assesses the profile with one plan applied, to check it "
                             "(run it in the folder that holds the profile):"},
    "compare": {"zh": "对比：", "en": "Comparison: "},
    "compare_and": {"zh": " 与 ", "en": " vs "},
    "tier": {"zh": "层级", "en": "Tier"},
    "holding": {"zh": "差在", "en": "held back by"},
    "missing": {"zh": "尚缺", "en": "still to answer"},
    "score": {"zh": "得分", "en": "score"},
    "score_range": {"zh": "得分区间", "en": "score range"},
    # a tier met (or awaiting review) by a direct path while its score is short or unknown: the score beside
    # 满足 (得分区间 45–90) read as if the tier might still fail on it
    "renewed": {"zh": "（复核）", "en": " (renewal)"},
    # the terminal only: Markdown and HTML carry the whole trace and name no command-line options
    "detail_hint": {"zh": "想看每一项条件是怎么算的：在同一条命令后面加上 --detail 再运行一次。",
                    "en": "To see how each criterion was worked out, run the same command again with --detail added."},
    # the terminal only, under a plan that still asks answers: the interview asks only what decides a
    # verdict today, so a question a plan needs later was never put (QA: no way to give it was said)
    # ({command}: Report.answer_hint, with the profile's own file where it is one an interview can go on with)
    # p asks only what the file leaves out: one answered 不知道 is changed by its number at the list (a file the
    # interview wrote holds every question it put, and one who typed p there after 不知道 to all was refused)
    "answer_hint": {"zh": "计划中仍需回答的问题：把答案补填到企业信息文件后重新评估；也可以对这个文件重新运行逐题问答"
                          "（{command}），在答案列表处输入 p 逐一回答；答过“不知道”的，在列表中输入它的编号修改。",
                    "en": "Questions the plans still ask: add the answers to the profile file and assess it again, "
                          "or run the interview on that file ({command}) and type p at the list of answers; one "
                          "answered \"don't know\" is changed by typing its number there."},
    "no_materials": {"zh": "存在红线问题，暂不需要准备申报材料。", "en": "A red line stands: no materials to prepare yet."},
    "nothing": {"zh": "各层级均已满足，无需调整。", "en": "Every tier is met: nothing to change."},
    # beside a criterion that holds a tier back without failing it (the comparison's lists)
    "why_unknown": {"zh": "尚缺数据", "en": "answers missing"},
    "why_manual_review": {"zh": "待认定机关判断", "en": "the authority decides"},
}

_REST = {"main_revenue": Text("其他业务收入", "other (non-main) revenue")}
"""The rest of a whole beside the part a plan raises (营业收入 less 主营业务收入), by the part's field: the
name a finance manager's income statement gives it; any other part's rest is said by the two labels."""

_PAST = {"<=": ">", "<": ">="}
"""What a total the given years already carry over an at-most (below) bar is: above it (at least it)."""

OPS = {
    "zh": {">=": "不低于", ">": "高于", "<=": "不高于", "<": "低于", "==": "为", "!=": "不为"},
    "en": {">=": "at least", ">": "above", "<=": "at most", "<": "below", "==": "", "!=": "not"},
}


def bullet(level: int) -> str:
    """The mark before a criterion ``level`` steps under its tier (none for the tier's own): each level
    is also indented, so a part stands under its group; wrapped lines hang under the words."""
    return ("· ", "- ")[(level - 1) % 2] if level > 0 else ""


def sentences(rules: RuleSet | None, lang: str) -> Callable[[CriterionResult], str]:
    """Each criterion's sentence as the detail table says it, for a row with no report around it (a
    JSON result's ``explanation``): inputs by their labels, choices by their names, every question
    still needed named. A JSON row read "0 >= 1 or 2 >= 1 = 是" and "provincial，要求 ∈ {provincial,
    national}" where the report read 「未获奖」 and 「省级（省部级）」. Kept on the rule set for its
    language: a batch's JSON asked for them once a company, and making them was ~1.5% of its JSON."""
    if rules is None:
        return Sentences(rules, lang).sentence
    key = ("words.sentences", lang)
    say = rules.memo.get(key)
    if say is None:
        say = rules.memo[key] = Sentences(rules, lang).sentence
    return say


def w(key: str, lang: str) -> str:
    return W[key][lang]


def stale_year(latest: int, as_of: date, last_year: int, lang: str) -> str:
    """Why every tier may read 未知 after New Year: the profile's figures stop a year short of the
    one the assessment date calls last year (one sentence, for any report or sheet that says it)."""
    if lang == "zh":
        return (f"资料中最近的年度数据是{latest}年的，而评估日期 {as_of.isoformat()} 的上年度是{last_year}年："
                f"{last_year}年的数据尚未填写，依赖它的条件都是“未知”；请补充{last_year}年的数据")
    return (f"The profile's latest yearly figures are for {latest}, but as of {as_of.isoformat()} last year is "
            f"{last_year}: with no {last_year} figures, every criterion that reads them is unknown; add the "
            f"{last_year} figures")


def year_ahead(latest: int, as_of: date, last_year: int, lang: str) -> str:
    """Why every tier may read 未知 with figures given: they are for the year still running (often last
    year's accounts typed under this year), and an assessment reads last year's."""
    if lang == "zh":
        return (f"资料中有{latest}年的数据，却没有上年度（{last_year}年）的：评估日期 {as_of.isoformat()} 看的是{last_year}年的"
                f"数据，依赖它的条件都是“未知”，{latest}年的数据只用于行动计划；如果这些其实是{last_year}年的数据，请改填在"
                f"{last_year}年下")
    return (f"The profile gives figures for {latest} but none for {last_year}, the year an assessment on "
            f"{as_of.isoformat()} reads: every criterion that reads {last_year} is unknown, and the {latest} figures "
            f"serve only the plan; if they are in fact {last_year}'s, put them under {last_year}")


def delta_text(d: Decimal, unit: str, lang: str) -> str:
    """A move's difference (+560): a percentage's in percentage points (+9.5个百分点), where a bare +9.5
    beside 0.5% → 10% read as 9.5% of something."""
    text = f"{'+' if d > 0 else ''}{num(d)}"
    if unit == "%":
        text += "个百分点" if lang == "zh" else (" percentage point" if abs(d) == 1 else " percentage points")
    return text


def before_unit(unit: str) -> str:
    """The unit after a move's first figure: none for a word (``1,000 → 2,000万元`` reads as one
    amount's change), the sign for a percentage, whose bare first figure (``0.5 → 10%``) read as a
    fraction beside the percent after it."""
    return unit if unit == "%" else ""


def _days(n: int) -> str:
    """A count of days in English: on 31 December, 「in the 1 days left」 was printed."""
    return f"{n} {plural(n, 'day', 'days')}"


def _and(items: list[str]) -> str:
    """A list in an English sentence: 「a, b and c」 (three changes joined by "and" read as one long chain)."""
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _lower_label(label: str) -> str:
    """An English label mid-sentence: its first letter in lower case, unless it opens with an initialism
    (R&D, IP)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _other_routes(n: int) -> str:
    """After the first other route an English summary names, how many more it has: 「one of 1 other
    routes」 was said of a single one."""
    if n <= 0:
        return ""
    return " or one other route" if n == 1 else f" or one of {n} other routes"


def num(v: Any, lang: str = "en", near: Any = None) -> str:
    """A number as people write it: thousands grouped, at most two places (more where two would hide
    a miss of ``near``, the threshold it is held to); yes/no in words."""
    text = fmt(v, near, lang)
    if not isinstance(v, Decimal):
        return text
    dot = text.find(".")
    if (dot if dot >= 0 else len(text)) - (text[:1] == "-") <= 3:  # nothing to group (59.49): spared the cache
        return text  # (fmt writes no leading zero: grouping three digits or fewer leaves them as they are)
    return _grouped(text)


_ZERO_NOTE = lazyre.compile(r"（0为[^（）]*）$| \(0 if [^()]*\)$")
"""A label's closing note on what 0 means (the fill-in hint of a rank: 0为未获奖, 0 if none)."""

_NARROWER = ((Text("省部级", "provincial or ministerial"), Text("省级", "provincial")),)
"""(an input label's words, a narrower term a rule's title may use for it): a title that says the
narrower and not the wider has the sentences under it say the narrower (``Phrasing._as_titled``)."""

_NAMES_KEY = {"zh": "Phrasing._names zh", "en": "Phrasing._names en"}
"""Where ``Phrasing._names`` keeps an input's names on a rule set's memo, for each language."""

_FIGURE_KEY = {"zh": "Phrasing._figure_row zh", "en": "Phrasing._figure_row en"}
"""Where ``Phrasing._figure_row`` keeps its rule's words (``_Figure``) on the rule's memo, for each language
(a str: a tuple's hash is made again at each look-up, ~600 instructions of the ~900 it took)."""

_FIGURES_KEY = "Phrasing._figures"
"""Where ``Phrasing._figure_row`` keeps, on the rule set's memo, each figure as ``_figure_text`` writes it."""

_SHOWN_KEY = "Phrasing._shown"
"""Where ``Phrasing._figure_row`` keeps, on the rule set's memo, each input's last figure as a ratio or a
sum shows it (``_part``), by its path."""

_NARROWS_KEY = "Phrasing._narrows"
"""Where ``Phrasing.sentence`` keeps ``_narrows`` on a rule's memo."""

_WRITTEN_KEY = "Phrasing._written_whole"
"""Where ``Phrasing._written_whole`` keeps its answer on a rule's memo."""

def _grouped(text: str) -> str:
    """``grouped``, plain digits (most amounts) straight by ``format``: kept in an lru cache of 8,192,
    a company's own figures, new to it, missed, and a hit was not cheaper than the format (in-process
    A/B, alternating 50-company chunks: a batch's JSON 3-8 us a company faster without the cache)."""
    if text.isdigit():
        if len(text) <= 6 and text.isascii() and text[0] != "0":  # up to 999,999 (most amounts in 万元): cut
            return text if len(text) <= 3 else f"{text[:-3]},{text[-3:]}"  # where int() and format took 0.2 us
        return f"{int(text):,}"
    return grouped(text)


def given(v: Any, lang: str = "en") -> str:
    """An input's figure as the profile gave it, grouped: every digit a person types (a figure of up to
    15, as the JSON carries it), where two places wrote a share's parts as 2.7 ÷ 3 beside 89.9999…%
    that missed 90; a longer one (a quotient a formula reads) as ``num`` writes it."""
    if type(v) is Decimal:
        text = str(v)
        if text.isdigit() and len(text) <= 20:  # plain digits (most amounts): as num writes them
            return _grouped(text)
        if as_given(v):
            return _grouped(plain_number(v))
    return num(v, lang)


def exact(v: Any, lang: str = "en") -> str:
    """A figure as it was typed or saved: every digit kept, grouped as ``num`` groups them (8,000.125),
    for the interview, where a figure shown rounded would not be the answer the user gave."""
    return grouped(plain_number(v)) if isinstance(v, Decimal) else fmt(v, lang=lang)


class _Figure(NamedTuple):
    """What ``Phrasing._figure_row`` says of a check's rule alone, in one language."""

    said: dict[str, str]
    """After the figure and how it is made, by verdict: what is required, and the verdict."""
    narrows: bool
    """Whether the rule's title narrows a label its sentence may say (``_as_titled``)."""
    unit: str
    """The unit after a figure."""
    unit_one: str | None
    """The unit after the figure 1, where it is another (" person", not " people"); else None."""
    between: str | None
    """Between the parts of a ratio or a sum, whose parts are its inputs' figures (``_shape``); else None."""
    sum: bool
    """Whether the figure is a sum, whose parts are any number of inputs (a ratio's are two)."""
    opening: str
    closing: str
    """The brackets around how the figure is made."""
    shown: dict[str, tuple[Any, str | None]]
    """Each input's last figure as a part (``_part``), by path: the rule set's, shared by its rules."""
    near: float
    """The threshold, as a float (NaN where none is known): whether a figure is far from it (``_figure_text``)."""
    figures: dict[str, tuple[str, float, float, bool]]
    """``_figure_text`` of each figure, by its ``str``: the rule set's, shared by its rules."""


_INF = math.inf

_FIGURE_SPAN = Decimal(10) ** 9
"""Figures up to which a float tells surely whether a threshold is within ``_FIGURE_NEAR`` of them."""

_FIGURE_NEAR = 0.01
"""How near a threshold a figure is written by ``num`` beside it: rounded to two places, a figure moves
at most 0.005, so one farther from every threshold than that reads alike beside any (``fmt``); twice
that from the rounded figure, as floats (exact to far less than 0.005 under 10^9)."""

_CENT = Decimal("0.01")


def _figure_text(v: Decimal, text: str, figures: dict[str, tuple[str, float, float, bool]]
                 ) -> tuple[str, float, float, bool]:
    """(``num(v)``, the least and the most threshold beside which ``num`` may write it otherwise, whether
    it is 1), kept in ``figures`` by ``text`` (its ``str``). Beside a threshold, ``num`` rounds a figure
    and compares it and the threshold as Decimals; a figure farther from it than the rounding moves it
    reads as it does alone (``fmt``), so that is known by two float comparisons. Plain digits read alike
    beside any threshold; a figure of 10^9 or more, or not a number, is never taken as far from one.
    A quotient (most figures not plain) is rounded here as ``fmt`` rounds it: its ``num`` through
    ``fmt`` and ``_written`` was some 10K of the 17K instructions a new figure cost (callgrind)."""
    if text.isdigit() and len(text) <= 20:  # as fmt writes them, whatever the threshold, and grouped as num does
        if len(text) <= 3:
            said = text
        elif len(text) <= 6 and text.isascii() and text[0] != "0":
            said = f"{text[:-3]},{text[-3:]}"
        else:
            said = _grouped(text)
        hit = (said, _INF, -_INF, text == "1")
    else:
        dot = text.find(".")
        whole = dot - (text[:1] == "-")
        if len(text) > SHORT_NUMBER and 0 < whole <= 9 and "E" not in text:  # a quotient under 10^9
            q = v.quantize(_CENT, ROUND_HALF_UP)
            said = str(q).rstrip("0").rstrip(".")  # as _written writes q, two places at most
            if not q and v:  # a sliver: its first two digits (_written)
                said = num(v)
            elif said == "-0":
                said = "0"
            f = float(said)  # within 0.005 of v: a threshold more than 0.01 from it is more than 0.005 from v
            dot = said.find(".")
            if (dot if dot >= 0 else len(said)) - (said[:1] == "-") > 3:  # grouped, as num groups it (999.999 is 1000)
                said = _grouped(said)
            hit = (said, f - _FIGURE_NEAR, f + _FIGURE_NEAR, said == "1" and v == 1)
        else:
            said = num(v)
            if -_FIGURE_SPAN < v < _FIGURE_SPAN:
                f = float(v)
                hit = (said, f - _FIGURE_NEAR, f + _FIGURE_NEAR, v == 1)
            else:
                hit = (said, -_INF, _INF, v == 1)
    if len(figures) >= 4096:
        figures.clear()
    figures[text] = hit
    return hit


def _part(v: Decimal) -> str | None:
    """A part of a ratio or a sum (``Phrasing._how``): a figure as given, or None for one not written
    so (below 0, or 10^20 or more)."""
    text = str(v)
    if text.isdigit() and len(text) <= 20:  # ≥ 0 and under 10^20: ``given`` writes it so (str writes no leading 0)
        if len(text) <= 3:
            return text
        return f"{text[:-3]},{text[-3:]}" if len(text) <= 6 and text.isascii() else _grouped(text)  # as _grouped
    if v >= 0 and v.adjusted() < 20:
        return given(v)
    return None


class Phrasing:
    """The words of one criterion: labels, questions, choices and its sentence. They need the rule set
    and the language alone, never a result, so that a JSON row's ``explanation`` (``sentences``) is the
    very sentence a report says without a report around it. ``Words`` and ``Sentences`` give the fields."""

    rules: RuleSet | None
    lang: str
    whole: bool

    # ---- labels

    def label(self, path: str) -> str:
        """An input by its label with the year, never its path: a red line's statement as it stands."""
        if self.rules is None:
            return path
        return self._names(path)[0]

    def question(self, path: str) -> str:
        """A missing input by its question: the label, and for a yes/no input 是否 before it, since its
        label is a statement ("尚缺：被列入经营异常名录" read as if it were so)."""
        if self.rules is None:
            return path
        return self._names(path)[1]

    def answered(self, path: str) -> str:
        """An input's question beside its answer: without the label's note on what to type for 0
        (「（0为未获奖）」, "(0 if none)"), which tells the one filling in the figure, and beside the
        answer read 「……排名（0为未获奖）「未获奖」」."""
        if self.rules is None:
            return path
        return self._names(path)[2]

    def _names(self, path: str) -> tuple[str, str, str, str | None]:
        """An input's label, question, question beside an answer and the unit after its figure (None
        where it is named by its path: no field, no unit), kept on the rule set for its language: a
        batch's JSON names a company's revenue in a dozen new sentences, and finding the field and
        writing its label each time was half of the costliest one's (the growth rate's); its unit,
        found again beside each figure, was a third of ``_inputs`` (2.9 -> 2.1 us for two figures)."""
        assert self.rules is not None
        names = self.rules.memo.get(_NAMES_KEY[self.lang])
        if names is None:
            names = self.rules.memo[_NAMES_KEY[self.lang]] = {}
        hit = names.get(path)
        if hit is None:
            hit = names[path] = self._named(path)
        return hit

    def _named(self, path: str) -> tuple[str, str, str, str | None]:
        assert self.rules is not None
        try:
            f = field_for_path(self.rules, path)
        except Exception:
            return path, path, _ZERO_NOTE.sub("", path), None
        label = input_label(f, path).get(self.lang)
        question = label
        if self.lang == "zh" and not label.startswith(("是否", "有无")) and label != path and f.type == "bool":
            question = ask_zh(label)
        return label, question, _ZERO_NOTE.sub("", question), (f.unit if label != path else None)

    def choice(self, path: str | None, value: Any) -> str:
        if self.rules is not None and path is not None:
            try:
                label = field_for_path(self.rules, path).choice_labels.get(value)
            except Exception:
                label = None
            if label is not None:
                return label.get(self.lang)
        return str(value)

    def zero_word(self, path: str | None, value: Any) -> str | None:
        """What the rule data says 0 means for this input (未获奖 for an award rank), when ``value`` is
        0: a reader met 「现为 0」 where no award was meant."""
        if self.rules is None or path is None or isinstance(value, bool) or value != 0:
            return None
        try:
            zero = field_for_path(self.rules, path).zero
        except Exception:  # a path the rule set does not know (an overlay's)
            return None
        return zero.get(self.lang) if zero is not None else None

    def question_list(self, paths: list[str], limit: int) -> tuple[list[str], int]:
        """(the first ``limit`` questions ``paths`` ask, every one in a ``whole`` document; how many in all)."""
        names = list(dict.fromkeys(self.question(p) for p in paths))
        return (names if self.whole else names[:limit]), len(names)

    def questions(self, paths: list[str], limit: int = 8, brief: bool = False) -> str:
        """The questions ``paths`` ask, the first ``limit`` and the count; every one in a ``whole``
        document unless ``brief`` (a summary line's few)."""
        names = list(dict.fromkeys(self.question(p) for p in paths))
        if self.whole and not brief:
            limit = len(names)
        more = len(names) - limit
        sep = "；" if self.lang == "zh" else "; "
        text = sep.join(names[:limit])
        if more > 0:
            # the whole count, as zh's 等N项 gives it: a summary and a plan that show different heads agree
            text += f"等{len(names)}项" if self.lang == "zh" else f" and {more} more ({len(names)} in all)"
        return text

    def status(self, status: str) -> str:
        return STATUS[status][self.lang]

    # ---- one criterion in a sentence

    def sentence(self, c: CriterionResult) -> str:
        """The criterion's figure, how it is made, what is required and the verdict, in words, in the
        words of the rule's own title where an input's label is wider (``_as_titled``)."""
        if (c.kind == "check" and type(c.value) is Decimal and type(c.threshold) is Decimal and c.op != "between"
                and not c.missing and c.memo is not None):
            return self._figure_row(c)
        if c.memo is not None:  # whether the title narrows a label, kept on the rule's memo (~0.2 us a new row)
            narrows = c.memo.get(_NARROWS_KEY)
            if narrows is None:
                narrows = c.memo[_NARROWS_KEY] = self._narrows(c)
            if c.kind == "points" and not c.missing and not narrows:  # a points row with all its figures (six
                return points_sentence(c, self.lang)  # a company): its words straight, ~0.3 us of its 2.2 spared
            return self._as_titled(self._sentence(c), c) if narrows else self._sentence(c)
        return self._as_titled(self._sentence(c), c)

    @staticmethod
    def _narrows(c: CriterionResult) -> bool:
        """Whether ``_as_titled`` may change a sentence of ``c``'s rule: its title's alone."""
        title = c.title.zh
        return any(wide.zh not in title and narrow.zh in title for wide, narrow in _NARROWER)

    def _figure_row(self, c: CriterionResult) -> str:
        """``sentence`` of most checks, a figure against its threshold (``_figure``), with what its rule
        alone gives kept on the rule's memo for the language (``_Figure``): what it requires and each
        verdict after it, its unit, how its figure is made, and whether its title narrows a label
        (``_as_titled``). A batch's JSON says some 17 such new sentences a company; a ratio's or a
        sum's parts are its inputs, which a company's rows share (44 figures of 8-9 values a company),
        so each is written once and known again by the value itself (``_parts``)."""
        key = _FIGURE_KEY.get(self.lang)
        fig = c.memo.get(key) if key is not None else None  # type: ignore[union-attr]
        if fig is None:
            fig = self._figured(c)
            if key is not None:
                c.memo[key] = fig  # type: ignore[index]
        v = c.value
        text = str(v)
        hit = fig.figures.get(text)
        if hit is None:
            hit = _figure_text(v, text, fig.figures)
        near = fig.near
        # far enough from the threshold, the figure reads as it does alone; else as ``num`` writes it beside it
        figure = hit[0] if near < hit[1] or near > hit[2] else num(v, near=c.threshold)
        unit = fig.unit_one if hit[3] and fig.unit_one is not None else fig.unit
        if len(c.inputs) < 2:
            how = ""
        elif fig.between is not None and c.terms:
            how = self._parts(c, fig)
        else:
            how = self._how(c)
        text = f"{figure}{unit}{how}{fig.said[c.status]}"
        return self._as_titled(text, c) if fig.narrows else text

    def _figured(self, c: CriterionResult) -> _Figure:
        """What ``_figure_row`` says of ``c``'s rule alone."""
        try:
            need = _required(c.op, type(c.threshold).__name__, c.threshold, c.unit, self.lang)
        except TypeError:
            need = _required.__wrapped__(c.op, "", c.threshold, c.unit, self.lang)
        said = {status: (f"，要求{need}：{self.status(status)}" if self.lang == "zh" else
                         f"; required {need}: {self.status(status)}") for status in STATUS}
        unit, one = unit_text(c.unit, self.lang), unit_text(c.unit, self.lang, 1)
        shape = _shape(c.formula_source)
        zh = self.lang == "zh"
        memo = self.rules.memo if self.rules is not None else {}
        try:
            near = float(c.threshold)
        except (TypeError, ValueError):  # no threshold a float can hold (a signalling NaN): never taken as far
            near = math.nan
        return _Figure(said, self._narrows(c), unit, None if one == unit else one,
                       {"ratio": " ÷ ", "sum": " + "}.get(shape), shape == "sum", "（" if zh else " (",
                       "）" if zh else ")", memo.setdefault(_SHOWN_KEY, {}), near, memo.setdefault(_FIGURES_KEY, {}))

    def _parts(self, c: CriterionResult, fig: _Figure) -> str:
        """``_how`` of a ratio or a sum (``fig.between`` its operator), its parts each input's figure as
        ``_part`` writes it, kept by path with the value it was written for (known by ``is``)."""
        shown = fig.shown
        parts = []
        plain = True
        for path, v in c.inputs.items():
            hit = shown.get(path)
            if hit is None or hit[0] is not v:
                if type(v) is not Decimal:
                    return ""
                if len(shown) >= 4096:
                    shown.clear()
                hit = shown[path] = (v, _part(v))
            part = hit[1]
            if part is None:
                plain = False
            else:
                parts.append(part)
        if plain and (fig.sum or len(parts) == 2):
            return f"{fig.opening}{fig.between.join(parts)}{fig.closing}"  # type: ignore[union-attr]
        return self._how(c)

    def _as_titled(self, text: str, c: CriterionResult) -> str:
        """``text`` with an input's label narrowed to the rule's own words: the profile has one field for
        省部级 awards, which the 2022 rules read for 省级 ones (「近三年内获得过国家级、省级科技奖励」), and
        the row said 「近三年省部级科技奖励获奖单位排名」 beside a title and an official text that say 省级.
        The official (zh) title decides, in either language."""
        title = c.title.zh
        for wide, narrow in _NARROWER:
            if wide.zh not in title and narrow.zh in title:
                text = text.replace(wide.get(self.lang), narrow.get(self.lang))
        return text

    def _sentence(self, c: CriterionResult) -> str:
        zh = self.lang == "zh"
        verdict = self.status(c.status)
        if c.kind == "check":
            return self._check(c, verdict)
        if c.kind == "score":
            need = f"{OPS[self.lang].get(c.op or '>=', '')}{'' if zh else ' '}{num(c.threshold)}"
            if c.points_min == c.points_max:
                pts = num(c.points_min, near=c.threshold)  # 59.996 is not "60" beside ≥60
                got = f"得分 {pts}" if zh else f"{pts} {plural(c.points_min, 'point', 'points')}"
            else:
                got = (f"得分在 {num(c.points_min)}–{num(c.points_max)} 之间（尚缺数据）" if zh else
                       f"between {num(c.points_min)} and {num(c.points_max)} points (data missing)")
            text = f"{got}，要求{need}分：{verdict}" if zh else f"{got}; required {need}: {verdict}"
        else:
            text = explanation_in(c, self.lang)
        if c.missing and c.kind not in ("all", "any"):
            text += f"（{w('missing', 'zh')}：{self.questions(c.missing)}）" if zh else \
                f" ({w('missing', 'en')}: {self.questions(c.missing)})"
        return text

    def _check(self, c: CriterionResult, verdict: str) -> str:
        zh = self.lang == "zh"
        if type(c.value) is Decimal and type(c.threshold) is Decimal and c.op != "between":
            return self._figure(c, verdict)  # most checks: a figure against its threshold
        paths = list(c.inputs)
        if c.value is None and c.status in (MET, UNMET):  # a total the years given decide (plan._floor), or a
            return self._held_by_whole(c, verdict) or self._decided_by_part(c, verdict)  # part its whole does
        if c.value is None and not c.missing and c.inputs and None not in c.inputs.values():
            # every figure given and none computed: a share of a 0 (criteria.md §3: unknown, never zero)
            why = ("除数为0，无法计算" if zh else "a division by 0, cannot be computed") if 0 in c.inputs.values() \
                else ("按所填数据无法计算" if zh else "cannot be computed from these figures")
            return f"{self._inputs(c)}：{why}：{verdict}" if zh else f"{self._inputs(c)}: {why}: {verdict}"
        if c.value is None:
            need = self.questions(c.missing or paths)
            return f"{w('missing', 'zh')}：{need}：{verdict}" if zh else f"{w('missing', 'en')}: {need}: {verdict}"
        unit = unit_text(c.unit, self.lang)
        sep = "，" if zh else "; "
        if isinstance(c.value, bool) and isinstance(c.threshold, bool):
            given = c.inputs.get(paths[0]) if len(paths) == 1 else None
            if isinstance(given, Decimal):  # a band worked out from a figure: the figure, not an answer never asked
                got = self._inputs(c)
            elif len(paths) == 1:
                got = ("答「是」" if c.value else "答「否」") if zh else f"answered {fmt(c.value)}"
            else:
                got = self._inputs(c)
            return f"{got}：{verdict}" if zh else f"{got}: {verdict}"
        if c.op == "in" and isinstance(c.threshold, tuple):
            path = paths[0] if len(paths) == 1 else None
            now = self.choice(path, c.value)
            allowed = ("或" if zh else " or ").join(f"「{self.choice(path, x)}」" if zh else self.choice(path, x)
                                                   for x in c.threshold)
            return (f"现为「{now}」，要求{allowed}：{verdict}" if zh else f"now {now}; required {allowed}: {verdict}")
        if isinstance(c.value, str) or isinstance(c.threshold, str):
            path = paths[0] if len(paths) == 1 else None
            now, need = self.choice(path, c.value), self.choice(path, c.threshold)
            word = OPS[self.lang].get(c.op or "", "")
            return (f"现为「{now}」，要求{word}「{need}」：{verdict}" if zh else
                    f"now {now}; required {word + ' ' if word else ''}{need}: {verdict}")
        if c.op == "between" and isinstance(c.threshold, tuple):
            lo, hi = c.threshold
            # a rank (among the winning units, in the niche market) from first place: 「要求排名前3」, where
            # 「现为 2，要求在 1–3 之间」 read as a formula beside the detail's sentences
            ranked = lo == 1 and bool(paths) and all(p.endswith("rank") for p in paths) and not c.unit
            need = (f"排名前{num(hi)}" if ranked else f"在 {num(lo)}–{num(hi)}{unit} 之间") if zh else \
                (f"top {num(hi)}" if ranked else f"between {num(lo)} and {num(hi)}{unit}")
            zero = self.zero_word(paths[0] if len(paths) == 1 else None, c.value)
            if zero is not None:  # 现为未获奖, not 现为 0
                return f"现为{zero}{sep}要求{need}：{verdict}" if zh else f"now {zero}; required {need}: {verdict}"
            if ranked:
                return f"现为第{num(c.value)}名{sep}要求{need}：{verdict}" if zh else \
                    f"now ranked {num(c.value)}; required {need}: {verdict}"
            return f"现为 {num(c.value)}{unit}{sep}要求{need}：{verdict}" if zh else \
                f"now {num(c.value)}{unit_text(c.unit, 'en', c.value)}; required {need}: {verdict}"
        return self._figure(c, verdict)

    def _figure(self, c: CriterionResult, verdict: str) -> str:
        """A figure against its threshold: 5.42%（650 ÷ 12,000），要求不低于3%：满足."""
        got = f"{num(c.value, near=c.threshold)}{unit_text(c.unit, self.lang, c.value)}{self._how(c)}"
        try:
            need = _required(c.op, type(c.threshold).__name__, c.threshold, c.unit, self.lang)  # True == 1
        except TypeError:  # a threshold that cannot be a key (none the loader makes)
            need = _required.__wrapped__(c.op, "", c.threshold, c.unit, self.lang)
        return f"{got}，要求{need}：{verdict}" if self.lang == "zh" else f"{got}; required {need}: {verdict}"

    def how(self, c: CriterionResult) -> str:
        """``_how``, for --explain's points rows, which it hands a check-like copy of (their figures' formula)."""
        return self._how(c)

    def _how(self, c: CriterionResult) -> str:
        """How the figure is made from the inputs: (650 ÷ 21,600) or (90 + 70); any other formula with
        the company's figures and the inputs they are (criteria.md §3: the 2022 average growth is shown
        as its formula), else the inputs named."""
        values = tuple(c.inputs.values())
        if len(values) < 2:
            return ""
        for v in values:
            if type(v) is not Decimal:
                return ""
        shape = _shape(c.formula_source) if c.terms else ""
        if shape == "ratio" or shape == "sum":
            # digits alone, as a quotient's parts read: each part given, found without a generator or a
            # comparison with 0 for plain digits, as most are (a ratio's how took ~1.8 us, now ~1.0)
            parts: list[str] = []
            for v in values:
                text = str(v)
                if text.isdigit() and len(text) <= 20:  # ≥ 0 and under 10^20: ``given`` writes it so
                    parts.append(text if len(text) <= 3 else _grouped(text))  # str writes no leading zero
                elif v >= 0 and v.adjusted() < 20:
                    parts.append(given(v))
                else:
                    break
            else:  # every part plain
                if shape == "sum" or len(parts) == 2:
                    inner = (" ÷ " if shape == "ratio" else " + ").join(parts)
                    return f"（{inner}）" if self.lang == "zh" else f" ({inner})"
        if shape == "formula" and self._written_whole(c):
            inner = written(c, c.unit == "%") + ("；" if self.lang == "zh" else ", from ") + self._inputs(c)
        else:
            inner = self._inputs(c)
        return f"（{inner}）" if self.lang == "zh" else f" ({inner})"

    @staticmethod
    def _written_whole(c: CriterionResult) -> bool:
        """Whether every name in ``c``'s formula is a figure it read or a function (``_how`` writes it
        out), kept on its rule's memo: the names are the rule's alone."""
        memo = c.memo
        hit = memo.get(_WRITTEN_KEY) if memo is not None else None
        if hit is None:
            hit = all(n in c.terms or n in FUNCTIONS for _, n in formula_pieces(c.formula_source) if n)
            if memo is not None:
                memo[_WRITTEN_KEY] = hit
        return hit

    def _held_by_whole(self, c: CriterionResult, verdict: str) -> str | None:
        """A blank part that its whole decides (plan._capped): the part is no more than the whole (3 class I
        IP hold at most 3 applied), which is what fails (or meets) the bar; None for any other row."""
        if c.held_by is None:
            return None
        whole, w = c.held_by, c.inputs[c.held_by]
        part = next(iter(c.inputs))
        most = given(w, self.lang) + unit_text(c.unit, self.lang, w)
        need = _required(c.op, type(c.threshold).__name__, c.threshold, c.unit, self.lang)
        if self.lang == "zh":
            return f"未填{self.question(part)}；它计在{self._inputs(c, {whole: w})}之内，最多{most}，要求{need}：{verdict}"
        within = self._inputs(c, {whole: w})
        within = within[0].lower() + within[1:] if within[1:2].islower() else within  # mid-sentence
        return f"not given: {self.question(part)}; it is counted within {within}, so at most {most}; required {need}: {verdict}"

    def _decided_by_part(self, c: CriterionResult, verdict: str) -> str:
        """A total with a year blank that the years given already decide: what was given, what is blank,
        and that no figure in the blank years changes the verdict."""
        blank = [p for p, v in c.inputs.items() if v is None]
        known = self._inputs(c, {p: v for p, v in c.inputs.items() if v is not None})
        # unmet, the total is already past the bar: said as what it is (高于3,000万元), not as the bar it fails
        op = c.op if c.status == MET else _PAST.get(c.op or "", c.op)
        need = _required(op, type(c.threshold).__name__, c.threshold, c.unit, self.lang)
        if self.lang == "zh":
            # clauses by 「；」, the blank years by 「、」: a 「；」 list inside a 「，」 sentence broke it in two
            blanks = "、".join(dict.fromkeys(self.question(p) for p in blank))
            return f"已填{known}；未填{blanks}；无论未填的是多少都{need}：{verdict}"
        return f"given {known}; blank: {self.questions(blank)}; {need} whatever the blank ones hold: {verdict}"

    def _inputs(self, c: CriterionResult, inputs: dict[str, Any] | None = None) -> str:
        """Each input (of ``inputs``, else all the criterion read) by its question and the answer given:
        the answer quoted in zh, after a dash in en (a colon ran on into the verdict's, "…: no: met").
        With a bare space between, an answer ran into the next label (「……排名（0为未获奖） 2，近三年……」)."""
        zh = self.lang == "zh"
        parts = []
        for path, v in (c.inputs if inputs is None else inputs).items():
            names = self._names(path) if self.rules is not None else None  # looked up once, not thrice
            answered = path if names is None else names[2]
            if v is None:  # an answer not given, beside those that decide the row: in words, not 「?」
                parts.append(f"{answered}「未填」" if zh else f"{answered} — not given")
                continue
            if type(v) is Decimal:
                text = str(v)
                if text.isdigit() and len(text) <= 20 and text != "0":  # plain digits, not 0 (zero_word's): as
                    shown = text if len(text) <= 3 else _grouped(text)  # given writes them, spared two calls
                else:
                    shown = self.zero_word(path, v) or given(v, self.lang)
            else:
                shown = self.choice(path, v) if isinstance(v, str) else self.zero_word(path, v) or given(v, self.lang)
            if isinstance(v, Decimal) and names is not None and names[3] is not None:
                shown += unit_text(names[3], self.lang, v)
            parts.append(f"{answered}「{shown}」" if zh else f"{answered} — {shown}")
        return ("，" if zh else "; ").join(parts)


@record
class Sentences(Phrasing):
    """A criterion's sentence with no report around it: a JSON result's ``explanation``."""

    rules: RuleSet | None
    lang: str = "zh"
    whole: bool = True  # handed on whole: every question still needed named


@record
class Coming:
    """The same profile judged as a new application under the rule set the calendar names from ``start``
    (``report.common.coming_result``): what a tier met today becomes for a round on or after that day."""

    start: date
    result: Result


_LEADING_FIGURE = lazyre.compile(r"-?[0-9]")
"""A sentence that opens with its figure (1,250万元（600 + 650）), which 约 may stand before."""


@record
class Words(Phrasing):
    """What the sentences need besides the result: the rule set (labels) and the checked plans."""

    result: Result
    rules: RuleSet | None
    plans: dict[str, TierPlan] = field(default_factory=dict)
    lang: str = "zh"
    alone: bool = False  # a sentence with no report around it (a batch cell): nothing refers "above"
    whole: bool = False  # a document handed on (Markdown, HTML), no width to fit: lists of questions in full
    coming: Coming | None = None  # a new application's coming rule set, within a year (``_under_coming``)
    approximate: frozenset[str] = frozenset()  # the paths of figures given as 约… (the report's, for --detail)

    def sentence(self, c: CriterionResult) -> str:
        """``Phrasing.sentence``, its leading figure said as 约 where it is made of a figure given as
        approximate: --detail showed 「1,250万元（600 + 650）」 of a 约600, as if the company had given its
        exact R&D, while 请先核对 said the verdict rested on that approximation."""
        said = Phrasing.sentence(self, c)
        if not self.approximate or c.kind not in ("check", "points") or self.approximate.isdisjoint(c.inputs):
            return said
        if not _LEADING_FIGURE.match(said):
            return said
        return ("约" if self.lang == "zh" else "about ") + said

    # ---- what stops every tier

    def red_name(self, c: CriterionResult) -> str:
        """A red line named by the problem it states (被列入严重失信主体名单), not by its absence."""
        return self.label(next(iter(c.inputs))) if c.inputs else c.title.get(self.lang)

    def _remedy(self, labels: list[str]) -> str:
        """What ends red lines so named: one of the last three years (近三年有偷漏税……) cannot be undone,
        only outlived: 「须先消除」 told a company to remove a past tax violation, where the step is to
        wait until it is more than three years past. Others (a listing, a product) are to be removed."""
        zh = self.lang == "zh"
        past = [label for label in labels if "近三年" in label or "three years" in label]
        if past and len(past) == len(labels):
            return "须待其发生满三年、不在「近三年」之内后才能申报" if zh else \
                "it counts for three years: apply once it is more than three years past"
        if past:
            return "名单、产品等须先消除，近三年内发生的须待其满三年后才能申报" if zh else \
                "remove a listing or product first; one of the last three years counts until three years have passed"
        return "须先消除" if zh else "remove it first"

    def gate_name(self, c: CriterionResult) -> str:
        """A gate condition answered no, named with its group: 不具备参评基本条件「境内工商注册登记……」;
        a large enterprise as one, with the figures that make it so."""
        if c.kind == "sme":
            return self.too_large(c)
        title = c.title.get(self.lang)
        if self.lang == "zh":
            return f"不具备{self._gate_group(c)}「{title}」"
        return f"every tier needs \"{title}\", answered no"

    def too_large(self, c: CriterionResult, bounds: bool = False) -> str:
        """A size test that finds a large enterprise, said as such with the figures that decide it:
        those the industry's SME ceiling reads, every one at or above its bound (the ceiling is 或:
        under any one bound makes an SME). The criterion's title (符合《中小企业划型标准规定》) read as
        if it were met. With ``bounds``, the ceiling too, for the plan that has room to say why."""
        zh = self.lang == "zh"
        figures = self._size_figures(c)
        # English mid-sentence: 「employees at last year end: 1,200 people」, where 「(Employees at last year end
        # 1,200 people; …)」 ran a capitalised label into its figure
        said = "、".join(f"{self.label(path)}{self._size_amount(path, v)}" for path, v, _ in figures) if zh else \
            "; ".join(f"{_lower_label(self.label(path))}: {self._size_amount(path, v)}" for path, v, _ in figures)
        industry = c.inputs.get("industry")
        if not (bounds and figures and self.rules is not None and isinstance(industry, str)):
            if not zh:
                return "not an SME: a large enterprise under the 2011 size standard" + (f" ({said})" if said else "")
            return f"不属于中小企业，{said}，按《中小企业划型标准规定》为大型企业" if said else \
                "不属于中小企业，按《中小企业划型标准规定》为大型企业"
        cls = self.rules.size.industries[industry]
        # the bound by the figure's bare name (从业人员, not 从业人员（上年末）): the standard's own words
        rule = ("且" if zh else " and ").join(
            f"{re.sub(r'（[^（）]*）$', '', field_for_path(self.rules, path).label.zh)}{self._size_amount(path, bound)}及以上"
            if zh else f"{_lower_label(field_for_path(self.rules, path).label.en)} of {self._size_amount(path, bound)} "
                       "or more"
            for path, _, bound in figures)
        if zh:
            return f"不属于中小企业，{said}：按《中小企业划型标准规定》，{cls.label.zh}企业{rule}为大型企业"
        sector = self.rules.fields["industry"].choice_labels.get(industry) if "industry" in self.rules.fields else None
        return (f"not an SME ({said}): under the 2011 size standard, an enterprise in "
                f"{_lower_label((sector or cls.label).en)} with {rule} is large")

    def _size_figures(self, c: CriterionResult) -> list[tuple[str, Any, Decimal]]:
        """(path, value, bound) of each figure the SME ceiling of the company's industry reads."""
        from littlegiant.core.plan import plan_for

        industry = c.inputs.get("industry")
        if self.rules is None or not isinstance(industry, str) or industry not in self.rules.size.industries:
            return []
        reads = plan_for(self.rules, self.result.last_year, self.result.renewal).reads_of
        return [(path, c.inputs.get(path), bound)
                for key, bound in self.rules.size.industries[industry].ceiling.items()
                for path in reads(self.rules.size.inputs[key])]

    def _size_amount(self, path: str, v: Any) -> str:
        """A size figure with its unit; an amount of 1亿 or more in 亿元, as the size standard's bounds
        are read (营业收入5亿元, not 50,000万元), and in yuan in English, as a title in yuan reads it."""
        assert self.rules is not None
        unit = field_for_path(self.rules, path).unit
        if isinstance(v, Decimal) and unit == "万元":
            if self.lang != "zh":
                return f"{num(v * 10000)} CNY"
            if v >= 10000:
                return f"{num(v / 10000)}亿元"
        return f"{num(v, self.lang)}{unit_text(unit, self.lang, v)}"

    def _gate_group(self, c: CriterionResult) -> str:
        tier = self.result.tiers.get(c.tier) or next(iter(self.result.tiers.values()))
        return self._group_title(tier, {c.parent}) or "参评条件"

    def stop_lines(self) -> list[str]:
        """The plan when a red line or an unmet gate condition stops every tier: why, and that there is
        nothing to plan or prepare until then; empty when nothing stops every tier."""
        zh = self.lang == "zh"
        sep = "；" if zh else "; "  # a label holds 、 itself (安全、质量、环境污染等事故)
        out = []
        red = red_lines(self.result)
        if red:
            names = sep.join(self.red_name(c) for c in red)
            remedy = self._remedy([self.red_name(c) for c in red])
            out.append(f"红线「{names}」：存在时任何层级都不能认定，{remedy}；在此之前不需要准备申报材料" if zh else
                       f"Red line \"{names}\": no tier can be met while it stands; {remedy}. "
                       "No materials are needed until then")
        for c in gate_stops(self.result):
            title = c.title.get(self.lang)
            if c.kind == "sme":
                large = self.too_large(c, bounds=True)
                out.append(f"{large}；各层级只面向中小企业，任何层级都不能申报，"
                           "因此不列行动计划，也不需要准备申报材料" if zh else
                           f"{large[:1].upper()}{large[1:]}. "
                           "Every tier is for SMEs only, so no tier can be applied for: there is no plan to "
                           "follow and no materials to prepare")
                continue
            out.append(f"{self._gate_group(c)}「{title}」答「否」：不具备这一条件，任何层级都不能申报，"
                       "因此不列行动计划，也不需要准备申报材料" if zh else
                       f"\"{title}\": answered no. Every tier needs it, so no tier can be applied for: "
                       "there is no plan to follow and no materials to prepare")
        return out

    # ---- the answer: one line per tier

    def score(self, tier: TierResult) -> str:
        if tier.score is not None:  # beside the bars it is held to: 59.996 is not "60"
            bars = tuple(c.threshold for c in tier.criteria if c.kind == "score" and type(c.threshold) is Decimal)
            return f"{w('score', self.lang)} {num(tier.score, near=bars)}"
        if tier.score_min is not None and tier.score_max is not None:
            return f"{w('score_range', self.lang)} {num(tier.score_min)}–{num(tier.score_max)}"
        return ""

    def verdict_name(self, tier: TierResult) -> str:
        """The tier's name in its verdict line, with 复核 for the tier this run renews: 「✘ 专精特新中小企业：
        不满足」 read as a new application failing, the renewal named only in the header's 依据 line."""
        return tier.title.get(self.lang) + (w("renewed", self.lang) if tier.id == self.result.renewal else "")

    def verdict_note(self, tier: TierResult) -> str:
        """What the verdict line says beside the status: the score (or its range), or, where a direct path
        meets the tier and the score's route does not (unknown, short, or a group minimum missed), that
        path by name: 「满足（经直通条件：有效期内的高新技术企业）」. 「满足（得分 80）」 read as earned by
        the score where 成长性 10 of 15 failed it, and 「满足（得分区间 45–90）」 of a company met by its
        省级研发机构 as if the tier could still fail on the score. A tier with no score of its own (the
        2026 tier 1, scored by route) says neither."""
        score = self.score(tier)
        if not score or tier.status not in (MET, REVIEW):
            return score
        path = self._direct_path(tier)
        if path is None:
            return score
        if self.lang == "zh":
            return f"经直通条件：{path}"
        head = path.split(" ", 1)[0]
        if head[1:] == head[1:].lower():  # mid-sentence: "a recognised …", never "iP …"
            path = path[:1].lower() + path[1:]
        return f"by a direct path: {path}"

    def _direct_path(self, tier: TierResult) -> str | None:
        """The path that meets a scored tier in place of its score, by name (the first met, with the count
        where more are); None where the score's own route meets it, or no choice holds the score. A score that
        passes only with points awaiting review makes the tier 待审核 through its route: no path is named."""
        by_id = {c.id: c for c in tier.criteria}
        kids = tier.children()
        for total in (c for c in tier.criteria if c.kind == "score" and (c.rule is None or c.rule.group is None)):
            route = total
            while route.parent is not None and by_id[route.parent].kind != "any":
                route = by_id[route.parent]
            if route.parent is None:  # the score is required outright: it is the tier's own
                continue
            if route.status == MET or (route.status == REVIEW and tier.status == REVIEW):
                return None
            met = [n for k in kids.get(route.parent, []) if k is not route for n in self._met_paths(k, kids)]
            if met:  # the count as the detail's 「满足其一即可：2/4 项满足」 gives it
                if len(met) == 1:
                    return met[0]
                return met[0] + (f"等{len(met)}项" if self.lang == "zh" else f" and {len(met) - 1} more")
        return None

    def _met_paths(self, c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> list[str]:
        """The paths of a route that meet it, by name: a choice of paths by each met one; a yes/no path
        that several answers can meet (高新技术企业、技术创新示范企业…) by the answers that are yes, as
        the company knows itself (有效期内的高新技术企业), not by the rule's list of honours."""
        if c.status != MET:
            return []
        if c.kind == "any":
            return [n for k in kids.get(c.id, []) for n in self._met_paths(k, kids)]
        if c.kind == "check" and c.value is True and len(c.inputs) > 1 and self.rules is not None:
            yes = [self.label(p) for p, v in c.inputs.items() if v is True]
            if yes:
                return yes[:1]
        return [c.title.get(self.lang)]

    def holding(self, tier: TierResult, limit: int = 2) -> list[str]:
        """The one or two things that keep the tier from met, in plain words: the summary's 差在, a
        batch row's 主要差距 (``gap``)."""
        stopped, found = self._failing(tier)
        if tier.status == UNKNOWN and not stopped:
            found = [*found, *self._hanging(tier)]
        return self._holding(tier, stopped, found, limit)

    def uncomputed(self, c: CriterionResult) -> str:
        """A condition every figure of which is given and still unknown, by the figure that makes it so:
        「近两年营业收入复合增长率不低于5%（营业收入（2023年）为0，无法计算，请核对）」. A 小巨人 whose 2023
        revenue was 0 read 「未知」 with no reason, and its plan 「无法通过调整数据满足」."""
        zh = self.lang == "zh"
        zero = [p for p, v in c.inputs.items() if type(v) is Decimal and v == 0]  # not a no (False == 0)
        if len(zero) > 1:
            zero = self._dividing(c, zero)
        if zero:
            said = self.questions(zero, brief=True)
            return f"{c.title.get('zh')}（{said}为0，{UNCOMPUTED_ENDS[0]}" if zh else \
                f"{c.title.get('en')} ({said}: 0, so it {UNCOMPUTED_ENDS[1]}"
        return f"{c.title.get('zh')}（按所填数据{UNCOMPUTED_ENDS[0]}" if zh else \
            f"{c.title.get('en')} ({UNCOMPUTED_ENDS[2]}"

    def _dividing(self, c: CriterionResult, zero: list[str]) -> list[str]:
        """Of the figures given as 0 (``zero``) that leave ``c`` without a value, those its formula divides
        by (资产总额 of a 资产负债率, not 负债总额 beside it, whose 0 alone is a ratio of 0%); all of them when
        the formula or the paths do not tell."""
        source, year = c.formula_source, self.result.last_year
        if source and c.rule is not None and c.rule.value is not None and c.rule.value.only is not None:
            year -= c.rule.value.only.offset or 0  # a check of one derived quantity: its [y] is that year
        divisors = expr.divisor_refs(source) if source else ()
        if not divisors or self.rules is None:
            return zero
        last = self.result.last_year
        wanted = {(ref.name, year if ref.param else None if ref.offset is None else last - ref.offset) for ref in divisors}
        from littlegiant.errors import InputError

        found = []
        for path in zero:
            try:
                f = field_for_path(self.rules, path)
            except InputError:
                return zero
            if (f.id, year_in_path(f, path)) in wanted:
                found.append(path)
        return found or zero

    def _hanging(self, tier: TierResult) -> list[tuple[CriterionResult | None, str]]:
        """In a tier not known, each condition its route in reach fails already, said with the routes still
        unanswered that can meet it instead: 「上年度研发费用占比不低于6%（现为4.35%），或「近三年获得国家级科技
        奖励…」或「…"创客中国"…50强」（尚缺数据）」. 2022's 小巨人 of a company short of its band's R&D share read
        「未知」 with eleven questions, as if it might pass; only a national award or a 创客中国 place could. Under
        差在 it read as the blocker (「差在：上年度营业收入不低于1500万元（现为1.2万元）」) while the other route
        may still pass: the summary says these without 差在."""
        zh = self.lang == "zh"
        kids = tier.children()
        out: list[tuple[CriterionResult | None, str]] = []

        def walk(c: CriterionResult) -> None:
            if not c.required or c.status != UNKNOWN:
                return
            if c.kind == "all":
                for k in kids.get(c.id, []):
                    walk(k)
                return
            if c.kind != "any":
                if _uncomputed(c):
                    out.append((c, self.uncomputed(c)))
                return
            failed = sorted((k for k in _failed_routes(c, kids) if k.status == UNMET),
                            key=lambda k: (_out_of_route(k, kids), _nearness(k, kids)))
            still = [name for k in kids.get(c.id, []) if k.status == UNKNOWN for name in self._open(k, kids)]
            if not failed or not still:
                return
            parts = [text for _, text in self._unmet(failed[0], kids, alternatives=False)]
            if parts:  # a choice still open: said as one, never as what holds the tier back (差在)
                out.append((c, f"{'、'.join(parts)}，或{'或'.join(f'「{n}」' for n in still)}（{w('why_unknown', 'zh')}）"
                            if zh else f"{', '.join(parts)}, or {' or '.join(still)} ({w('why_unknown', 'en')})"))

        for root in kids.get(None, []):
            walk(root)
        return out

    def stops_tier(self, tier: TierResult) -> bool:
        """Whether a red line or a gate condition answered no stops the tier (and every other)."""
        return bool(self._stopped(tier))

    def unmet_parts(self, c: CriterionResult, kids: dict[str | None, list[CriterionResult]],
                    alternatives: bool = True) -> list[tuple[CriterionResult | None, str]]:
        """What an unmet criterion lacks, as the summary's 差在 says it (``_unmet``)."""
        return self._unmet(c, kids, alternatives)

    def nearest_failed_route(self, c: CriterionResult,
                             kids: dict[str | None, list[CriterionResult]]) -> CriterionResult | None:
        """The route of a choice the summary names as failing it (the company's band, the nearest), if any."""
        failed = sorted((k for k in _failed_routes(c, kids) if k.status == UNMET),
                        key=lambda k: (_out_of_route(k, kids), _nearness(k, kids)))
        return failed[0] if failed else None

    def _open(self, c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> list[str]:
        """A route not yet known by name: a choice of paths by each path not yet known."""
        if c.kind == "any":
            return [n for k in kids.get(c.id, []) if k.status == UNKNOWN for n in self._open(k, kids)]
        return [c.title.get(self.lang)]

    def gap(self, tier: TierResult) -> tuple[str | None, str]:
        """(the criterion named first, the summary's words) of what holds an unmet tier back: a batch
        row's 主要差距 says what the report's 差在 says, the nearest route and 或 before the others."""
        stopped, found = self._failing(tier)
        first = next((c.id for c, _ in found if c is not None), None)
        # without the summary's 尚缺: a park's sheet seldom has every column, and "尚缺：…等16项" on
        # every row would bury the condition the company fails
        return first, ("；" if self.lang == "zh" else "; ").join(self._holding(tier, stopped, found, 2, asks=False))

    def failing(self, tier: TierResult) -> list[tuple[CriterionResult | None, str]]:
        """What fails an unmet tier, each with the criterion it names (None for 或 and the other
        routes): a red line or gate condition that stops every tier, else each failing part of
        what the tier needs, a choice by its nearest route. Empty unless the tier is unmet."""
        return self._failing(tier)[1]

    def _holding(self, tier: TierResult, stopped: bool, found: list[tuple[CriterionResult | None, str]],
                 limit: int, asks: bool = True) -> list[str]:
        """``found`` as the summary says it: what ``stopped`` every tier whole; else at most ``limit``
        and 另N项, with 尚缺 and the questions where there is room and ``asks``."""
        zh = self.lang == "zh"
        out = [text for _, text in found]
        if stopped:
            return out
        # each part by the row of the tier's own conditions it is under: 「另7项」 counted an Ⅰ类 route and its
        # exemption (或豁免：…) as two, beside one ✘ row
        rows = self._rows(tier, found)
        missing = self.needed(tier) if asks else []
        if missing and len(out) < limit:
            asked = self.questions(missing, 3, brief=True)
            out.append(f"尚缺：{asked}" if zh else f"still to answer: {asked}")
            rows.append(None)
        # counted are the detail's ✘ rows not named, as a reader counts them below 差在: a ? row is counted in no
        # tier. The parts of a ? row (a choice whose nearest route fails, another not yet answered) were counted
        # too, and only where a route failed: 小巨人 of a micro start-up read 「另7项」 beside 6 more ✘ rows and 3 ?,
        # and 专精特新 beside it counted its ✘ rows alone
        more = len({c.id for c in tier.children().get(None, []) if c.required and c.status == UNMET}
                   - set(rows[:limit]))
        # one more part is named: 「另1项」 took its place and said less; so are the parts of rows named already
        if more > 0 and len(out) > limit + 1:
            out = [*out[:limit], f"另{more}项" if zh else f"{more} more"]
        return out

    @staticmethod
    def _rows(tier: TierResult, found: list[tuple[CriterionResult | None, str]]) -> list[str | None]:
        """The tier's own condition (a top row of its detail) each of ``found`` is part of: an
        alternative said after 或 (no criterion of its own) belongs to the part before it."""
        by_id = {c.id: c for c in tier.criteria}
        out: list[str | None] = []
        for c, _ in found:
            if c is None:
                out.append(out[-1] if out else None)
                continue
            while c.parent is not None and c.parent in by_id:
                c = by_id[c.parent]
            out.append(c.id)
        return out

    def _failing(self, tier: TierResult) -> tuple[bool, list[tuple[CriterionResult | None, str]]]:
        """(whether a red line or gate condition stops every tier, ``failing``)."""
        stopped = self._stopped(tier)
        if stopped:
            return True, stopped
        out: list[tuple[CriterionResult | None, str]] = []
        if tier.status == UNMET:
            kids = tier.children()
            for c in kids.get(None, []):
                if c.required and c.status in (UNMET, UNKNOWN):  # a choice not known may hold a failing route
                    out.extend(x for x in self._unmet(c, kids, alternatives=True) if x[1] not in {t for _, t in out})
        return False, out

    def _stopped(self, tier: TierResult) -> list[tuple[CriterionResult | None, str]]:
        """A red line or a gate condition answered no, by name: what stops the tier (and every other)."""
        red = [c for c in tier.criteria if c.kind == "veto" and c.status == UNMET]
        return [*((c, veto_named(self.rules, c.rule, self.red_name(c), self.lang)) for c in red),
                *((c, self.gate_name(c)) for c in gate_stops(self.result))]

    def _unmet(self, c: CriterionResult, kids: dict[str | None, list[CriterionResult]],
               alternatives: bool) -> list[tuple[CriterionResult | None, str]]:
        """What an unmet criterion lacks, as the summary says it: every failing part of a group that
        needs all, and of a group that needs one only its nearest route (the band a company's revenue
        is in, the scored route a company is one group minimum short of), then, where ``alternatives``,
        the other routes after 或: a band selector or a direct path listed as one more requirement
        ("营业收入1亿元以上" beside a debt ratio) read as if all were needed. Alternatives are named for
        the outer choice only; inside a route its own choices give their nearest part alone."""
        zh = self.lang == "zh"
        if c.kind == "all":
            return [x for k in kids.get(c.id, []) if k.required and k.status in (UNMET, UNKNOWN)
                    for x in self._unmet(k, kids, alternatives)]
        if c.kind != "any":
            return [(c, c.title.get(self.lang) + now_text(c, self.lang))] if c.status == UNMET else []
        routes = sorted((k for k in _failed_routes(c, kids) if k.status == UNMET),
                        key=lambda k: (_out_of_route(k, kids), _nearness(k, kids)))
        if not routes:
            return []
        out = self._unmet(routes[0], kids, alternatives=False)
        # a renewal's either-year score: each year's own score beside it, for the two are one measure read
        # twice. 「差在：上一年度得分不低于60分（现为58分）；或：本年度得分不低于60分」 left the consultant to
        # look up the score the client is to raise
        valued = c.rule is not None and c.rule.applies == "renewal"
        others = [name for r in routes[1:] for name in self._routes(r, kids, valued)]
        if valued and alternatives and others and len(out) == 1:
            # said as one part, the years joined by 或: after 「前年研发费用占比……；」 a 「；或：本年度得分……」 read as
            # an alternative to everything before it, and past the summary's two parts it was only counted (另1项)
            joined = [out[0][1], *(o if zh else o[0].lower() + o[1:] for o in others)]
            return [(out[0][0], ("或" if zh else " or ").join(joined))]
        if alternatives and others:
            more = len(others)
            # a route titled with its own lead (豁免：近三年……) takes 或 straight before it, not 或：豁免：
            led = re.match(r"[^：:（(]{1,12}[：:]", others[0]) is not None
            first = others[0] if zh or not led else others[0][0].lower() + others[0][1:]
            out.append((None, (f"或{'' if led else '：'}{first}" + (f"等{more}项中的任一项" if more > 1 else "")) if zh else
                        (f"or{' ' if led else ': '}{first}" + _other_routes(more - 1))))
        return out

    def _routes(self, c: CriterionResult, kids: dict[str | None, list[CriterionResult]],
                valued: bool = False) -> list[str]:
        """An alternative route by name: a choice of direct paths by each path, anything else by its title;
        ``valued``: with its figure now (``now_text``)."""
        if c.kind == "any":
            return [n for k in kids.get(c.id, []) if k.status == UNMET for n in self._routes(k, kids, valued)]
        return [c.title.get(self.lang) + (now_text(c, self.lang) if valued else "")]

    def needed(self, tier: TierResult) -> list[str]:
        """The answers that decide the tier now: what the criteria holding it back lack. The summary and
        a plan of answers only both name these, so the two counts agree."""
        return tier.needed()

    def tier_line(self, tier: TierResult) -> tuple[str, str]:
        """(verdict line, what holds it back) for the summary."""
        zh = self.lang == "zh"
        score = self.verdict_note(tier)
        head = f"{self.verdict_name(tier)}：{self.status(tier.status)}" if zh else \
            f"{self.verdict_name(tier)}: {self.status(tier.status)}"
        if score:
            head += f"（{score}）" if zh else f" ({score})"
        why = ""
        if tier.status not in (MET,):
            # under review: a red line the text read does not list says why in its own words first
            reasons = self.holding(tier) if tier.status != REVIEW else [
                said for c in sorted(tier.criteria, key=lambda c: c.kind != "veto")
                if c.status == REVIEW and c.kind in ("qualitative", "veto", "score")
                and (said := self._reviewed_red_line(c) if c.kind == "veto" else  # a score: only its self-assessed
                     self._self_assessed(tier, c) if c.kind == "score" else c.title.get(self.lang))][:2]
            if reasons:
                lead = "待认定机关审核：" if tier.status == REVIEW and zh else \
                    "the authority judges: " if tier.status == REVIEW else f"{w('holding', self.lang)}{'：' if zh else ': '}"
                if tier.status == UNKNOWN:  # nothing fails it: 尚缺：… says itself, a choice still open too
                    lead = ""
                why = lead + ("；" if zh else "; ").join(reasons)
        held = self._held(tier)
        if held:
            why = f"{why}{'。' if zh else '. '}{held}" if why else held
        return head, why

    def _self_assessed(self, tier: TierResult, c: CriterionResult) -> str:
        """A score that awaits review because some of its points are the company's own judgement (2022's
        补短板 points, criteria.md §9), by those points and what the score is without them:
        「得分60分中，「主导产品所属领域情况」的5分（在产业链供应链关键环节…取得实际成效）按自评计入，不计
        这5分为55分，低于60分」. 「◔ 专精特新中小企业：待审核（得分 60）」 alone gave no reason, and a
        consultant read a pass where the whole of it rested on the 5 points the authority may not grant.
        Empty where no points row of the score awaits review."""
        zh = self.lang == "zh"
        rows = [k for k in tier.criteria if k.parent == c.id and k.kind == "points" and k.status == REVIEW
                and k.points is not None]
        if not rows or c.points is None:
            return ""
        items = [(f"「{k.title.get(self.lang)}」的{num(k.points)}分" if zh else
                  f"the {num(k.points)} {plural(int(k.points or 0), 'point', 'points')} for \"{k.title.get(self.lang)}\"")
                 + (f"（{k.band.get(self.lang)}）" if zh and k.band is not None else
                    f" ({k.band.get(self.lang)})" if k.band is not None else "") for k in rows]
        own = sum((k.points for k in rows if k.points is not None), Decimal(0))
        rest = c.points - own
        short = isinstance(c.threshold, Decimal | int) and not isinstance(c.threshold, bool) and (
            rest <= c.threshold if c.op == ">" else rest < c.threshold)
        at = short and rest == c.threshold  # held above its mark (>): at it is short, but not 低于 it
        if zh:
            said = f"得分{num(c.points)}分中，{'、'.join(items)}按自评计入"
            return said + (f"，不计这{num(own)}分为{num(rest)}分，{'未超过' if at else '低于'}{num(c.threshold)}分"
                           if short else "")
        said = f"of the score of {num(c.points)}, {_and(items)} are self-assessed"
        return said + (f"; without them it is {num(rest)}, {'not above' if at else 'under'} {num(c.threshold)}"
                       if short else "")

    def _reviewed_red_line(self, c: CriterionResult) -> str:
        """A red line left to the authority, by the problem and the rule's note on why: after
        「待认定机关审核：」 the trace's 「存在：……」 made a chain of colons (待认定机关审核：存在：近三年……)."""
        note = c.rule.note.get(self.lang) if c.rule is not None and c.rule.note is not None else ""
        name = self.red_name(c)
        return (f"{name}。{note}" if self.lang == "zh" else f"{name}. {note}").rstrip("。. ")

    def _held(self, tier: TierResult) -> str:
        """That the company holds the tier's title already while this run judges it as a new application,
        and that its renewal (复核) is judged apart: a 专精特新 company read "先回答以下问题才能判定" as if the
        title it has were still to be won. In plain words in every report: the option that runs the renewal
        is a terminal hint (``renewal_hints``), not part of a verdict a client is handed. Empty when not
        held, when this run is its renewal, or when a red line or the gate stops every tier (a renewal as much)."""
        if self._held_for_good(tier) and tier.status != MET:
            # 科技和创新型中小企业 has no renewal: held, it needs nothing until it lapses (a company holding it read
            # 「未知」 and 19 questions in its plan, as if the title it has were still to be won)
            return ("已持有这一称号，有效期内无需再申报；以上是按新申请条件判定的结果" if self.lang == "zh" else
                    "The company holds this title: no application while it is valid; the above judges it as a "
                    "new application")
        if not self._renewable_apart(tier):
            return ""
        return ("已持有这一称号，本报告按新申请条件判定；称号复核须按复核条件另行评估" if self.lang == "zh" else
                "The company holds this title: it is judged here as a new application; its renewal is "
                "judged separately, under the renewal clauses")

    def _held_for_good(self, tier: TierResult) -> bool:
        """Whether the company holds ``tier``'s title and the title has no renewal (复核) to judge: while
        it is valid there is nothing to apply for, whatever a new application would need."""
        return tier.id not in RENEWABLE and not stops(self.result) and self._holds(tier)

    def _renewable_apart(self, tier: TierResult) -> bool:
        """Whether the company holds ``tier``'s title and this run judges it as a new application, with
        nothing that stops every tier (a renewal run would be stopped as much)."""
        return (tier.id in self.result.titles_held and tier.id != self.result.renewal
                and not stops(self.result))

    def _kept_by_renewal(self, tier: TierResult) -> bool:
        """Whether this run judges ``tier`` as a new application though the company holds its title, which
        it keeps by its own renewal: no new application to plan for it. A run with no --renewal planned
        the held title as a new application: a company holding 专精特新中小企业 read 「最早2028年申报……先取得
        「科技和创新型中小企业」称号」 under a verdict that said it holds the title (found trying the tool as
        a finance manager); the renewal is what keeps it, and the hint below the report runs it."""
        return self._renewable_apart(tier)

    def renewal_hints(self) -> list[str]:
        """For the terminal alone, below the report: the option that judges the renewal of each title held
        that this run judged as a new application. In the verdict block 「称号复核请在命令后加上 --renewal
        专精特新中小企业 另行评估」 stood among the verdicts a finance manager reads and forwards."""
        zh = self.lang == "zh"
        out = []
        for tier in self.result.tiers.values():
            if not self._renewable_apart(tier):
                continue
            # the title as --renewal takes it, without its quotes (a shell would take 专精特新"小巨人"企业's for its own)
            named = tier.title.get("zh").translate(str.maketrans("", "", "\"“”"))
            if self.result.renewal:  # this run renews another title: one --renewal a run
                out.append(f"想按复核条件评估已持有的「{tier.title.get('zh')}」称号：把命令中的 --renewal 改为 "
                           f"--renewal {named} 再运行一次。" if zh else
                           f"To judge the renewal of the {tier.title.get('en')} title the company holds, run the same "
                           f"command again with --renewal {tier.id} in place of this run's --renewal.")
                continue
            out.append(f"想按复核条件评估已持有的「{tier.title.get('zh')}」称号：在同一条命令后面加上 --renewal {named} "
                       "再运行一次。" if zh else
                       f"To judge the renewal of the {tier.title.get('en')} title the company holds, run the same "
                       f"command again with --renewal {tier.id} added.")
        return out

    # ---- the plan

    def held_apart(self, tier: TierResult) -> bool:
        """Whether the tier's plan line says only that its title is held (no application while it is valid),
        as ``plan_lines`` decides it: then the plan's moves are no steps to take, and the JSON plan and the
        appendix's command must not give them (a 小巨人 renewal's JSON gave the 专精特新 held beside it a 2029
        application with R&D raises, where the report said 已持有这一称号)."""
        p = self.plans.get(tier.id)
        if p is None or any(b.kind in ("red_line", "excluded") for b in p.blockers):
            return False
        return held_beside(self.result, tier)

    def plan_lines(self, tier: TierResult) -> tuple[str, list[str], list[str]]:
        """(headline, why not this round, numbered steps) of the tier's checked plan."""
        zh = self.lang == "zh"
        p = self.plans.get(tier.id)
        name = tier.title.get(self.lang)
        if p is None:
            return self._ready_lines(tier)
        steps: list[str] = []
        notes: list[str] = []
        red = [b for b in p.blockers if b.kind == "red_line"]
        if red:
            labels = "、".join(self._red_label(b.criterion) for b in red) if zh else \
                "; ".join(self._red_label(b.criterion) for b in red)
            remedy = self._remedy([self._red_label(b.criterion) for b in red])
            head = (f"{name}：红线「{labels}」存在时任何层级都不能认定，{remedy}" if zh else
                    f"{name}: the red line \"{labels}\" stops every tier while it stands; {remedy}")
            return head, [], []
        out = [b for b in p.blockers if b.kind == "excluded"]
        if out:  # one tier's exclusion: the tiers below keep their plans and materials
            labels = ("、" if zh else "; ").join(self._red_label(b.criterion) for b in out)
            head = (f"{name}：{excluded_named(labels, self.lang)}，存在时不能认定这一层级，其他层级不受影响" if zh else
                    f"{name}: {excluded_named(labels, self.lang)}; this tier cannot be met while it stands, "
                    "the others are not affected")
            return head, [], []
        if self._held_for_good(tier):  # nothing to apply for while it is valid (``_held``)
            return f"{name}{'：' if zh else ': '}{HELD_NO_APPLICATION.get(self.lang)}", [], []
        if self._kept_by_renewal(tier):
            # a title held and kept by its renewal, judged here as a new application: a 小巨人 renewing its
            # 专精特新 read 「专精特新"小巨人"企业：最早2027年申报」 for the title it holds, as if it had to win it
            # again; what keeps it is its renewal, judged under the renewal clauses (the hint below the report)
            return f"{name}{'：' if zh else ': '}{HELD_RENEWED_APART.get(self.lang)}", [], []
        if p.later > 0 or p.checked is None:
            notes.extend(self._blocker(b, p) for b in p.blockers)
        else:  # a plan for this round: only a title it cannot date yet needs saying
            notes.extend(self._blocker(b, p) for b in p.blockers if b.kind == "title")
        if p.cut_short:
            notes.append(CUT_SHORT.get(self.lang))
        doubted = self._unit_doubted() if p.checked is not None else None
        if doubted is not None:  # "已验证" on figures the report itself doubts
            notes.insert(0, doubted.get(self.lang))
        if tier.id == self.result.renewal and p.later > 0 and p.checked is not None:
            notes.insert(0, LAPSES.get(self.lang))  # 「最早2027年申报」 read as the renewal's own date
        if p.checked is None:
            if p.blockers:
                head = (f"{name}：在{_years_on(self.lang)}内找不到可行的调整方案" if zh else
                        f"{name}: no set of changes meets it within {_years_on(self.lang)}")
            elif p.missing:
                # one question a line: a paragraph of ten, joined by ；, was read as one long question
                steps, total = self.question_list(self.plan_asks(tier), PLAN_QUESTIONS)
                # no step to take, but one should an answer fail: said beside the questions (it was only in the JSON)
                notes += [self._otherwise(o, p) for o in p.otherwise]
                head = f"{name}{'：' if zh else ': '}{ASK_FIRST.get(self.lang)}"
                if total > len(steps):
                    head += (f"（共{total}项，下面是前{len(steps)}项）" if zh else
                             f" ({total} in all; the first {len(steps)} below)")
            elif (stuck := [c for c in tier.criteria if c.required and _uncomputed(c)]):
                # unknown for a figure that makes it uncomputable (a 0 to grow from), not for want of a change
                head = f"{name}：{'；'.join(map(self.uncomputed, stuck))}" if zh else \
                    f"{name}: {'; '.join(map(self.uncomputed, stuck))}"
            else:
                head = f"{name}：无法通过调整数据满足" if zh else f"{name}: no change to the inputs meets it"
            return head, notes, steps
        when = self._when(p)
        verdict = self.status(p.checked)
        if p.checked == MET:
            head = (f"{name}：{when}以下各项全部做到后可达到（已验证：以下各项一并代入重新评估，结果为「{verdict}」）" if zh else
                    f"{name}: {when}all of the following together meet it (checked: re-assessed with all of them, {verdict})")
        elif p.checked == REVIEW:  # what the figures decide is met; the authority judges the rest
            head = (f"{name}：{when}以下各项全部做到后，数据方面的条件均可满足，其余由认定机关审核"
                    f"（已验证：以下各项一并代入重新评估，结果为「{verdict}」）" if zh else
                    f"{name}: {when}all of the following together meet every condition the figures decide; the "
                    f"rest awaits the authority's review (checked: re-assessed with all of them, {verdict})")
        elif p.checked == UNMET:
            head = (f"{name}：以下各项全部做到后仍不满足（已验证：以下各项一并代入重新评估，结果为「{verdict}」），须进一步调整" if zh else
                    f"{name}: after all of the following it is still not met (checked: {verdict}); more is needed")
        else:
            head = (f"{name}：{when}以下各项全部做到后仍需补充数据（已验证：以下各项一并代入重新评估，结果为「{verdict}」）" if zh else
                    f"{name}: {when}after all of the following it still needs answers (checked: {verdict})")
        steps += [SEP[self.lang].join(self._move(m, p) for m in group) for group in self._actions(p)]
        # what must change before what must only be kept: 2026's R&D share, which replaces 2024's 2.93% in
        # the 2027 round, before 2026's revenue, whose 1,500万 the 8,520.91万 of 2025 already passes (the
        # batch's 下一步 is the first step, and opened with the revenue on some 70 rows of a park's sheet)
        steps += self._floor_steps(p, kept=False)
        steps += self._yearly_steps(tier, p, kept=False)
        steps += self._floor_steps(p, kept=True)
        steps += self._yearly_steps(tier, p, kept=True)
        missing = self.plan_asks(tier)
        if missing:
            # not the summary's count: these are the answers still lacking once the steps above are done
            steps.append(f"做到以上各项后，仍需回答：{self.questions(missing)}" if zh else
                          f"With all of the above done, still answer: {self.questions(missing)}")
        steps += [self._otherwise(o, p) for o in p.otherwise]
        if p.unhurried is not None:
            steps.append(self._unhurried(tier, p, p.unhurried))
        if p.sooner is not None:
            steps.append(self._sooner(p.sooner))
        return head, notes, steps

    def _ready_lines(self, tier: TierResult) -> tuple[str, list[str], list[str]]:
        """The plan line of a tier met or awaiting only the authority's review (which has no plan to
        check): when it can be applied for, and the items the authority judges, each with what to show
        it. A 小巨人 「待审核」 had no line in 行动计划, so the plan spoke of 专精特新 alone and the client
        read 小巨人 as nothing to do; the qualitative items were named in the summary, never as a step."""
        if tier.status not in (MET, REVIEW) or stops(self.result):
            return "", [], []
        zh = self.lang == "zh"
        r = self.result
        name = tier.title.get(self.lang)
        colon = "：" if zh else ": "
        judged = self._judged(tier)
        steps = []
        for c in judged:
            assessed = self._self_assessed(tier, c) if c.kind == "score" else ""
            if assessed:  # a score resting on self-assessed points: which, and the evidence for them (§9)
                docs = SEP[self.lang].join(e.get(self.lang) for e in reviewed_evidence(self.result, tier, c))
                steps.append(f"{c.title.get(self.lang)}{colon}{assessed}"
                             + ((f"；材料：{docs}" if zh else f"; evidence: {docs}") if docs else ""))
                continue
            steps.append((self._reviewed_red_line(c) if c.kind == "veto" else c.title.get(self.lang))
                         + (colon + SEP[self.lang].join(e.get(self.lang) for e in c.evidence) if c.evidence else ""))
        review = tier.status == REVIEW and bool(steps)
        if tier.id == r.renewal and r.renewal_held is False:
            # 「可按期申请复核」 stood under the warning 「没有这一称号，就谈不上复核」: a company that chose 复核 by
            # mistake read it as its own renewal's go-ahead
            head = ("数据方面的复核条件均已满足，但资料中填的是未持有这一称号，无从复核" if zh else
                    "every condition the figures decide for the renewal is met, but the profile says the company "
                    "does not hold this title: there is nothing to renew")
            return f"{name}{colon}{head}", [], []
        if tier.id == r.renewal:
            head = (f"数据方面的复核条件均已满足，可按期申请复核；{_JUDGED_RENEWAL.zh}" if review and zh
                    else "复核的各项条件均已满足，可按期申请复核" if zh
                    else f"every condition the figures decide for the renewal is met: apply for it when due; "
                         f"{_JUDGED_RENEWAL.en}" if review
                    else "every condition of the renewal is met: apply for it when due")
            return f"{name}{colon}{head}", [], steps if review else []
        if self._holds(tier):
            head = HELD_NO_APPLICATION.get(self.lang)
            if tier.id in RENEWABLE:
                head += "，到期前按复核条件复核" if zh else "; before it expires it is renewed under the renewal clauses"
            return f"{name}{colon}{head}", [], []
        lapsing = unrenewed(r, self.plans)
        if lapsing is not None and any(f"titles.{lapsing}" in c.inputs for c in tier.criteria):
            # the title it stands on is this run's renewal, which does not pass this round
            title = r.tiers[lapsing].title.get(self.lang)
            head = (f"数据方面的条件均已满足，但须{title}复核通过、继续持有该称号才能申报（见上）" if zh else
                    f"the figures meet it, but it can be applied for only while {title} is held: its renewal "
                    "must pass first (above)")
            if review:
                head += f"；{_JUDGED.zh}" if zh else f"; {_JUDGED.en}"
            return f"{name}{colon}{head}", [], steps if review else []
        after = self._under_coming(tier)
        when = ("按现行办法" if zh else "under the rules in force ") + self._next_round() + after if after \
            else self._next_round()
        if review:
            head = (f"数据方面的条件均已满足，{when}；{_JUDGED.zh}" if zh else
                    f"every condition the figures decide is met, so {when}; {_JUDGED.en}")
        else:
            head = f"各项条件均已满足，{when}" if zh else f"every condition is met, so {when}"
        return f"{name}{colon}{head}", [], steps if review else []

    def _next_round(self) -> str:
        """When a tier met now can be applied for, as far as the report knows: the next application round,
        on last year's figures, each authority setting its dates. 「最早2026年即可申报」 on 5 December, 27 days
        before the year's end, named a round whose windows have mostly closed; late in the year (the last
        ``LATE_IN_YEAR`` days) it says that a round next year reads this year's figures."""
        zh = self.lang == "zh"
        r = self.result
        year, left = r.as_of.year, days_left(r.as_of.year, r.as_of)
        late = left <= LATE_IN_YEAR
        if zh:
            after = (f"，{year}年的申报如已结束，{year + 1}年申报时看{year}年的数据，届时请重新评估" if late else "")
            return f"可在下一次申报时申报（以{r.last_year}年数据计；申报时间以各地主管部门的通知为准{after}）"
        after = (f"; if {year}'s rounds are over, a {year + 1} application is judged on {year} figures: assess "
                 "again then" if late else "")
        return (f"it can be applied for in the next round (on {r.last_year} figures; each authority sets its "
                f"dates{after})")

    def _under_coming(self, tier: TierResult) -> str:
        """What a tier met today is under the rule set new applications follow from a day within the year:
        「可在下一次申报时申报」 in March 2026 told a company that met 小巨人 under the 2022 measures to apply
        next round, where from 1 April a new application follows the 2026 ones, under which its 85% 主营业务
        占比 fails the 90% asked; the header's 「届时请按新办法重新评估」 alone did not say that the verdict
        changes. Empty where no set takes over."""
        if self.coming is None or tier.id not in self.coming.result.tiers:
            return ""
        zh = self.lang == "zh"
        start, later = self.coming.start, self.coming.result
        then = later.tiers[tier.id]
        day = f"{start.year}年{start.month}月{start.day}日" if zh else start.isoformat()
        if then.status == UNMET:
            gap = Words(later, later.rules, lang=self.lang, alone=True).gap(then)[1]
            now = f"按新办法目前不满足（差在：{gap}）" if zh else f"under them it is not met now ({gap})"
        elif then.status == UNKNOWN:
            now = "按新办法能否满足尚缺数据" if zh else "whether it is met under them needs more answers"
        elif then.status == REVIEW:
            now = "按新办法数据方面的条件也均已满足" if zh else "under them too, every condition the figures decide is met"
        else:
            now = "按新办法也满足" if zh else "it is met under them too"
        but = then.status in (UNMET, UNKNOWN)  # 「但……也满足」 read as a warning of nothing
        return f"；{'但' if but else ''}{day}起新申请改按新办法，{now}" if zh else \
            f"; {'but ' if but else ''}from {day} a new application follows the new rules, and {now}"

    @staticmethod
    def _judged(tier: TierResult) -> list[CriterionResult]:
        """The criteria of a tier that await the authority's review (its plan line's items)."""
        return [c for c in tier.holding_back() if c.status == REVIEW]

    def _holds(self, tier: TierResult) -> bool:
        return holds_title(self.result, tier)

    def _unhurried(self, tier: TierResult, p: TierPlan, q: TierPlan) -> str:
        """The next round ``q``, for a company that cannot make plan ``p``'s late raise in the days left:
        「如2026年内达不到上面的研发费用（2026年）：最早2028年申报（以2027年数据计）；届时须：……」, less the steps ``p`` names already
        (a title to obtain first). A plan needing +560万 of R&D in 28 days dated the tier next year, and
        said nothing of the round after, which a full year's work reaches."""
        zh = self.lang == "zh"
        said = {(m.path, m.after) for m in p.moves if m.kind == "title"}  # done once; a year's figure is that round's
        rest = dataclasses.replace(q, moves=[m for m in q.moves if (m.path, m.after) not in said])
        moves = SEP[self.lang].join([*(SEP[self.lang].join(self._move(m, rest) for m in group)
                                       for group in self._actions(rest)),
                                     # that round's own yearly figures (本年度…得分 of 2028), as its plan says them
                                     *self._yearly_steps(tier, q),
                                     # and what it needs should a blank answer fail its route: left out, the round
                                     # a client would follow listed no fourth Ⅰ类 patent where this year's did
                                     *(self._otherwise(o, q) for o in q.otherwise)])
        today = self.result.as_of
        rushed = self._rushed(p)
        when = self._when(q)
        if zh:
            lead = f"如{today.year}年内达不到上面的{rushed}"
            return f"{lead}：{when}届时须：{moves}" if moves else f"{lead}：{when.rstrip('；')}"
        lead = f"If {rushed} above cannot be reached within {today.year}"
        return f"{lead}: {when}then: {moves}" if moves else f"{lead}: {when.rstrip('; ')}"

    def _sooner(self, p: TierPlan) -> str:
        """The earlier round ``p`` that the plan stands in for, whose raises of the current year are far
        beyond what its days left bring (``out_of_reach``), in one line, as the plan's last step:
        「只有在2026年余下的28天内使研发费用（2026年）达到940万元（须增加680万元，按目前的水平这28天约20万元），
        才可能提前到2027年申报（以2026年数据计）：做到后请按实际数字重新评估」. Led by that round, the plan
        dated 2027 a company whose own step said the 28 days bring some 20万 of the 680万. Every figure of the
        current year that round moves is named, those within the days' reach too: naming only the R&D
        that is beyond them, 「只有在…27天内使研发费用（2026年）达到700万元」 left out the 8,379万 of 2026
        revenue the 2027 round's growth rate needs as well, and an owner who made the R&D applied in vain.
        That round's other steps are not listed again (they are its years' versions of the plan's): a
        company that makes the raises re-assesses on its actual figures, and that plan lists them."""
        zh = self.lang == "zh"
        today = self.result.as_of
        left = days_left(today.year, today)
        raises = []
        rushed = {m.path for m in hurried(p, today)}
        for m in self._this_years(p):
            unit = unit_text(m.field.unit, self.lang, m.after)
            if m.path not in rushed:  # within what the days left bring: said with what it takes, no pace
                raises.append(self._this_year_move(m, p))
                continue
            label = self._mid(self.question(m.path))
            brought = pace(m, today) or Decimal(0)
            d = m.after - m.before if isinstance(m.after, Decimal) and isinstance(m.before, Decimal) else None
            at = num(brought, self.lang) + unit_text(m.field.unit, self.lang, brought)
            sh = p.shifts.get(m.path)
            rest_at = shift_pace(sh, m, today) if sh is not None else None
            if rest_at is not None and sh is not None:
                # the rest of the whole falls by more than the days left bring of it (其他业务收入 -600万 of 133万);
                # the raise itself, where the days cannot bring it either, said first
                name, cut = self._rest_name(sh, m), num(sh.rest_before - sh.rest_after)
                if zh:
                    own = f"须增加{num(d, self.lang)}{unit}，按目前的水平这{left}天约{at}；" if brought and d is not None else ""
                    raises.append(f"{label}达到{num(m.after, self.lang)}{unit}、{name}减到"
                                  f"{num(sh.rest_after)}{unit}（{own}{name}须减少{cut}{unit}，按目前的水平这{left}天的"
                                  f"{name}约{num(rest_at)}{unit}）")
                else:
                    own = f"{delta_text(d, unit, self.lang)}, where those days bring some {at}; " \
                        if brought and d is not None else ""
                    raises.append(f"{label} reaches {num(m.after, self.lang)}{unit} and {name} falls to "
                                  f"{num(sh.rest_after)}{unit} ({own}{name} must fall by {cut}{unit}, where those days bring some "
                                  f"{num(rest_at)}{unit} of it at the present rate)")
                continue
            if zh:
                more = f"须增加{num(d, self.lang)}{unit}" if d is not None else ""
                # from a figure of 0 there is no present rate: 「约0万元」 said nothing
                pace_said = f"按目前的水平这{left}天约{at}" if brought else f"{today.year}年仅余{left}天"
                raises.append(f"{label}达到{num(m.after, self.lang)}{unit}"
                              f"（{more}{'，' if more else ''}{pace_said}）")
            else:
                more = f"{delta_text(d, unit, self.lang)}; " if d is not None else ""
                pace_said = f"those days bring some {at} at the present rate" if brought else \
                    f"only {_days(left)} of {today.year} left"
                raises.append(f"{label} reaches {num(m.after, self.lang)}{unit} ({more}{pace_said})")
        by = p.judged_by
        assert p.as_of is not None  # a plan of a later round than this one's (``out_of_reach``)
        if zh:
            rules = f"，按届时适用的《{by.title.zh}》" if by is not None else ""
            return (f"只有在{today.year}年余下的{left}天内使{'、'.join(raises)}，才可能提前到{p.as_of.year}年申报"
                    f"（以{p.last_year}年数据计{rules}）：做到后请按实际数字重新评估")
        rules = f", under the rules then in force: {by.title.en}" if by is not None else ""
        return (f"Sooner, in {p.as_of.year} (on {p.last_year} figures{rules}), only if, in the {_days(left)} left "
                f"of {today.year}, {_and(raises)}: if it does, assess again on the actual figures")

    def _mid(self, label: str) -> str:
        """A label in the middle of an English sentence: 「operating revenue 2026」, R&D left as it is."""
        return label[0].lower() + label[1:] if self.lang != "zh" and label[1:2].islower() else label

    def _this_years(self, p: TierPlan) -> list[Move]:
        """The moves of plan ``p`` of a figure of the current year, in the order its steps would say them."""
        year = self.result.as_of.year
        moves = [m for group in self._actions(p) for m in group
                 if m.kind in ("change", "follows") and year_in_path(m.field, m.path) == year]
        out = [m for m in moves if m.kind != "follows"]
        rules = p.judged_by or self.rules
        for m in (m for m in moves if m.kind == "follows"):  # 「随之」 right after the whole it follows
            whole = whole_of(rules, m.field) if rules is not None else None
            at = next((i for i, x in enumerate(out) if whole is not None
                       and x.path == sibling_path(m.field, m.path, whole)), len(out) - 1)
            out.insert(at + 1, m)
        return out

    def _this_year_move(self, m: Move, p: TierPlan) -> str:
        """One figure of the current year an earlier round needs, within what the days left bring (or a
        part that follows its whole): 营业收入（2026年）达到8,379万元（须增加379万元）."""
        zh = self.lang == "zh"
        unit = unit_text(m.field.unit, self.lang, m.after)
        d = m.after - m.before if isinstance(m.after, Decimal) and isinstance(m.before, Decimal) else None
        after = num(m.after, self.lang) if isinstance(m.after, Decimal) else given(m.after)
        label = self._mid(self.question(m.path))
        if m.kind == "follows":
            return (f"{label}随之达到{after}{unit}（保持主营业务占比）" if zh else
                    f"{label} rises with it to {after}{unit} (keeping the main-business share)")
        down = d is not None and d < 0  # a figure the plan lowers (负债总额): 「达到…（须增加-100万元）」 said it backwards
        more = (f"（须{'减少' if down else '增加'}{num(abs(d), self.lang)}{unit}）" if zh else
                f" ({delta_text(d, unit, self.lang)})") if d is not None else ""
        said = (f"{label}{'减到' if down else '达到'}{after}{unit}{more}" if zh else
                f"{label} {'falls to' if down else 'reaches'} {after}{unit}{more}")
        sh = p.shifts.get(m.path)
        if sh is not None:  # the rest of its whole down with it (其他业务收入减到1,200万元), as ``_rushed`` says
            name = self._rest_name(sh, m)
            said += (f"、{name}减到{num(sh.rest_after)}{unit}" if zh else
                     f" and {name} falls to {num(sh.rest_after)}{unit}")
        return said

    def _estimate_note(self, p: TierPlan, path: str, year: int, before: str, unit: str) -> str:
        """How a later year's figure not given was estimated (``tierplan._shift``): from the nearest year
        given, in proportion to its whole (or part) of a later year, or, paid in at once (new equity), as none."""
        zh = self.lang == "zh"
        if path in p.none:
            return f"{year}年尚无数据，按未新增计" if zh else f"{year} has no figure yet: taken as none raised"
        if path in p.shares:
            how = self._kept_how(p, path, f"{before}{unit}" if zh else before)  # en: the unit is said after the figure moved
            return f"{year}年尚无数据，{how}" if zh else f"{year} has no figure yet: {how}, taken as an estimate"
        known = p.basis.get(path, self.result.last_year)  # the nearest year before it given (2026's, not 2025's)
        return (f"{year}年尚无数据，{before}{unit}是按{known}年的数额估计的" if zh else
                f"{year} has no figure yet: {before} is {known}'s, taken as an estimate")

    def _kept_how(self, p: TierPlan, path: str, said: str) -> str:
        """How a figure kept in proportion to its whole or part was worked out, with the share (91.67%) and
        the two figures named, so that a finance manager can check it: 「11,550万元是按2025年主营业务收入占营业
        收入的比例（91.67%）估计的」, or with no share known, held within (or above) the other."""
        rules = p.judged_by or self.rules
        other, share = p.proportions[path]
        f = field_for_path(rules, path)  # type: ignore[arg-type]
        is_part = bool(f.part_of)
        part_f, whole_f = (f, field_for_path(rules, other)) if is_part else (field_for_path(rules, other), f)  # type: ignore[arg-type]
        part_l, whole_l = part_f.label.get(self.lang), whole_f.label.get(self.lang)
        year = p.shares[path]
        if self.lang == "zh":
            if share is None:
                return f"{said}：取{part_l if not is_part else whole_l}的数额（{part_l}不会超过{whole_l}）"
            way = "估计" if is_part else f"由{part_l}推算"
            return f"{said}是按{year}年{part_l}占{whole_l}的比例（{num(share)}%）{way}的"
        part_l, whole_l = part_l.lower(), whole_l.lower()
        if share is None:
            return f"{said}, the {part_l if not is_part else whole_l}'s amount ({part_l} never exceeds {whole_l})"
        from_part = "" if is_part else f"worked out from {part_l} "
        return f"{said}, {from_part}at {year}'s share of {part_l} in {whole_l} ({num(share)}%)"

    def _floor_steps(self, p: TierPlan, kept: bool) -> list[str]:
        """The amounts of a later round's years the plan takes from an earlier year, each with the least it may
        fall to: 「研发费用（2026年）：须不低于550万元（本计划按2025年的650万元估计）」. A plan with no step
        to take read as nothing to do, where a 2026 below 550万 fails the round it dates. ``kept``: the
        floors that only keep a criterion met today (``TierPlan.kept``), else those that mend one it fails;
        an estimate that is its floor says it just meets it (正好达到)."""
        zh = self.lang == "zh"
        out = []
        for path, floor in p.floors.items():
            if (path in p.kept) != kept:
                continue
            f, was = field_for_path(p.judged_by or self.rules, path), p.assumed.get(path)  # type: ignore[arg-type]
            unit = unit_text(f.unit, self.lang, floor)
            # the estimate as the company gave it (4,999.9951, which the step above shows): rounded, 5,000
            said = given(was, self.lang) + unit_text(f.unit, self.lang, was) if isinstance(was, Decimal) else ""
            year = p.basis.get(path, self.result.last_year)  # the year its estimate is taken from
            # each floor holds with the others as estimated: revenue raised past its estimate takes the
            # shares of main revenue and R&D down with it, which a floor met alone did not say
            # the estimate is the floor itself: it meets the bar with nothing to spare (1万 less fails)
            exact = floor == was
            if zh:
                took = "按未新增计" if path in p.none else f"估计{self._kept_how(p, path, said)}" if path in p.shares \
                    else f"按{year}年的{said}估计"
                out.append(f"{self.question(path)}：须不低于{num(floor, self.lang)}{unit}（本计划{took}"
                           f"{'，正好达到' if exact else ''}；其他数据与估计不同时请重新评估）")
                continue
            took = "takes none raised" if path in p.none else f"takes {self._kept_how(p, path, said)}" \
                if path in p.shares else f"takes {year}'s {said}"
            out.append(f"{self.question(path)}: at least {num(floor, self.lang)}{unit}; this plan {took}"
                       f"{', which just meets it' if exact else ''}, "
                       "and the other figures as estimated (re-assess if they differ)")
        return out

    def _yearly_steps(self, tier: TierResult, p: TierPlan, kept: bool | None = None) -> list[str]:
        """A later round's yearly figures (本年度…得分): that round counts its own year's. One that meets
        it now is taken as this year's; one not given is no answer anyone can give now (asked for, it
        read as if today's would do). ``kept``: only those that meet it now (True), only those not
        given (False), or both (None)."""
        if not self._later_round(p):
            return []
        assert p.as_of is not None and self.rules is not None  # said by _later_round
        moved = {m.path for m in p.moves}
        unit = {x: unit_text(field_for_path(self.rules, x).unit, self.lang, v) for x, v in p.renewed.items()}
        held = [self._that_years(x, p.as_of.year, num(v, self.lang) + unit[x], self._bar(tier, x, p))
                for x, v in p.renewed.items() if x not in moved] if kept is not False else []
        asked = [self._that_years(x, p.as_of.year, None, self._bar(tier, x, p))
                 for x in p.missing if is_yearly(self.rules, x)] if kept is not True else []
        return [*held, *asked]

    def _unit_doubted(self) -> Text | None:
        """The plan's head note when the report warns that amounts look typed in the wrong unit: in 元
        (38,600,000万元, or 7.5亿元 of revenue a head), or in 万元 where 元 was asked (revenue of 80元 a head). A plan checked on them
        read as verified, while a reader who skipped the warning took it for the company's plan."""
        for w in self.result.warnings:
            if (w.kind == LARGE and w.figure.field.type in MONEY_TYPES) or w.kind == LARGE_PER_HEAD:
                return IN_YUAN
            if w.kind == SMALL:
                return IN_WAN
        return None

    def _otherwise(self, o: Otherwise, p: TierPlan) -> str:
        """What the plan needs besides should an answer it asks fail its route: 「如「近三年获得国家级科技奖励……」
        不能满足，则还须：……」. Left out, a company without the award read a 小巨人 plan dated next year
        with no word of the fourth Ⅰ类 patent it would need."""
        zh = self.lang == "zh"
        titles = [t.get(self.lang) for t in o.titles]
        unless = ("".join(f"「{t}」" for t in titles) + ("都" if len(titles) > 1 else "") if zh else
                  f"none of these holds ({'; '.join(titles)})" if len(titles) > 1 else f"\"{titles[0]}\" does not hold")
        if not o.reachable:  # no change reaches the other routes (closed years, an award): the answer decides the round
            group = o.group_title.get(self.lang) if o.group_title is not None else ""
            return (f"如{unless}不能满足，则「{group}」本轮无法满足：其他途径无法通过调整数据做到" if zh else
                    f"If {unless}, \"{group}\" cannot be met this round: no change to the figures reaches its other routes")
        besides = dataclasses.replace(p, moves=o.moves, estimated=o.estimated)  # its steps said as the plan's are
        moves = SEP[self.lang].join(SEP[self.lang].join(self._move(m, besides) for m in group)
                                    for group in self._actions(besides))
        return f"如{unless}不能满足，则还须：{moves}" if zh else f"If {unless}, also: {moves}"

    def asks_answers(self) -> bool:
        """Whether some plan still asks answers (仍需回答, or 先回答以下问题): what the terminal follows with
        where to give them. Not where a red line or the gate stops every tier: no plan is listed then."""
        return any(self.plan_asks(t) for t in self.result.tiers.values())

    def blank_titles(self, tier: TierResult) -> list[str]:
        """The titles the tier's plan takes as not held because the profile does not say, and those its
        title step's criterion would take instead, left blank (its step
        「先取得……；资料中未填是否已持有……如已持有，请补填后重新评估」): what the interview offers with
        the plan's questions, where the plan told a company holding the title to answer it and the
        interview gave no way to (the answer moves the plan's year, not today's verdict)."""
        p = self.plans.get(tier.id)
        if p is None or stops(self.result) or any(b.kind in ("red_line", "excluded") for b in p.blockers):
            return []
        kids = tier.children()
        out: dict[str, None] = {}
        for m in p.moves:
            if m.kind != "title":
                continue
            if m.before is None:
                out[m.path] = None
            # the other titles the criterion takes instead (科技型 beside 创新型 under 2026), blank too: held,
            # either one makes the step go, whatever the one the step names was answered
            todo = [c for c in tier.criteria if c.id == m.criterion]
            while todo:
                c = todo.pop()
                out.update((x, None) for x, v in c.inputs.items() if v is None and x.startswith("titles."))
                todo.extend(kids.get(c.id, []))
        return list(out)

    def plan_asks(self, tier: TierResult) -> list[str]:
        """The answers the tier's plan lists as still to give (先回答以下问题才能判定, 仍需回答): one list for
        the plan's lines and for the interview, which offers them before the report. Counted apart, the
        interview offered 43 questions to a company a red line stops (whose plan lists none) and asked
        for 本年度…得分 a later round counts in its own year, which no one can answer now."""
        p = self.plans.get(tier.id)
        if p is None or stops(self.result) or any(b.kind in ("red_line", "excluded") for b in p.blockers):
            return []
        if self._kept_by_renewal(tier):  # a title held: its plan lists none (``plan_lines``)
            return []
        if p.checked is None:  # a plan of answers only, unless no change meets it at all
            return [] if p.blockers or not p.missing else self.needed(tier) or p.missing
        if p.checked in (MET, REVIEW):
            return []
        if self._later_round(p):
            assert self.rules is not None  # said by _later_round
            return [x for x in p.missing if not is_yearly(self.rules, x)]
        return list(p.missing)

    def _later_round(self, p: TierPlan) -> bool:
        return p.later > 0 and p.as_of is not None and self.rules is not None

    def _actions(self, p: TierPlan) -> list[list[Move]]:
        """The plan's moves as the steps a reader takes, in order: titles, waits, changes, then the rest.

        A part raised with its whole for one criterion is one action and one step, its whole first
        (with no Ⅰ类 patent, one applied patent is both "Ⅰ类知识产权 0 → 1" and "其中实际应用的 0 → 1";
        apart, the part's "其中…" / "…of which" line stood first, with nothing to be "of"). One figure
        moved in several years is said year after year, as a schedule reads (2026, then 2027)."""
        order = {"title": 0, "wait": 1, "change": 2, "follows": 3, "qualitative": 4, "within": 5}
        moves = sorted(p.moves, key=lambda m: order.get(m.kind, 6))
        by_path = {m.path: m for m in moves}
        first = {m.field.id: i for i, m in reversed(list(enumerate(moves)))}
        moves.sort(key=lambda m: (first[m.field.id], year_in_path(m.field, m.path) or 0))
        groups: dict[str, list[Move]] = {m.path: [m] for m in moves}
        for m in moves:
            whole = whole_of(self.rules, m.field) if self.rules is not None else None
            head = by_path.get(sibling_path(m.field, m.path, whole)) if whole is not None else None
            if head is not None and head.kind == m.kind == "change" and head.criterion == m.criterion \
                    and head.path in groups:
                groups[head.path].extend(groups.pop(m.path))
        # a count raised to the one it holds by definition is said in that one's step, after it (前三位权利人的
        # 4项 → 自主研发的、已应用的 4项 too): a step of its own read as a target of its own
        for m in moves:
            if m.kind != "within" or m.path not in groups:
                continue
            lead = next((x for x in moves if m.field.id in x.field.within and x.kind != "within"
                         and sibling_path(m.field, m.path, x.field) == x.path), None)
            into = next((g for g in groups.values() if lead in g), None) if lead is not None else None
            if into is not None:
                into.extend(groups.pop(m.path))
        return list(groups.values())

    def _bar(self, tier: TierResult, path: str, p: TierPlan) -> str | None:
        """What the tier requires of a yearly figure (不低于60分), from its criterion that reads it; None
        when a later round is judged by another rule set, whose bar this result does not hold."""
        later = p.judged_by
        if self.rules is None:
            return None
        if later is not None and (later.id, later.round) != (self.rules.id, self.rules.round):
            # the set that judges that round: its criterion reading the figure alone (本年度…得分不低于50分);
            # 「届时须仍达到要求」 left the renewal's reader to look it up
            try:
                field_id = field_for_path(later, path).id
            except Exception:  # a path that set does not have
                return None
            for n in self._judging_nodes(p):
                if n.kind == "check" and n.value is not None and n.value.source == field_id and n.op in (">=", ">") \
                        and isinstance(n.threshold, Decimal | int) and not isinstance(n.threshold, bool):
                    return _required(n.op, type(n.threshold).__name__, n.threshold, n.unit, self.lang)
            return None
        for c in tier.criteria:
            if path in c.inputs and c.op in (">=", ">") and isinstance(c.threshold, Decimal | int) \
                    and not isinstance(c.threshold, bool):
                return _required(c.op, type(c.threshold).__name__, c.threshold, c.unit, self.lang)
        return None

    def _judging_nodes(self, p: TierPlan) -> Iterator[Node]:
        """The criteria of the plan's tier in the set that judges its round (a later round's may be the
        other measures'): what a step's words read a bar or places from, not this result's rows."""
        rules = p.judged_by or self.rules
        return (n for tid, n in rules.all_nodes() if tid == p.tier) if rules is not None else iter(())

    def _that_years(self, path: str, year: int, now: str | None, bar: str | None = None) -> str:
        """The step of a yearly figure in a later round: the year whose figure counts, what it must reach
        (「届时须达到要求」 left a finance manager to look up which score), and this year's taken as the
        plan's estimate when there is one."""
        if self.lang == "zh":
            need = bar or "达到要求"
            return (f"{self.question(path)}：申报时看{year}年度的得分，" +
                    (f"本计划按今年的{now}估计，届时须仍{need}" if now is not None else f"届时须{need}"))
        need = f"be {bar}" if bar else "meet the bar"
        return (f"{self.question(path)}: that round counts {year}'s" +
                (f"; this plan takes this year's {now}, which must still {need} then" if now is not None
                 else f", which must {need} then"))

    def _when(self, p: TierPlan) -> str:
        """The round a plan is for, when not this one: 最早2027年申报（以2026年数据计）；"""
        if p.later <= 0 or p.as_of is None:
            return ""
        by = p.judged_by
        q, today = p.unhurried, self.result.as_of
        if self.lang == "zh":
            rules = f"，按届时适用的《{by.title.zh}》" if by is not None else ""
            if q is not None and q.as_of is not None:  # the round hangs on the days left: said in the same breath
                return (f"最早{p.as_of.year}年申报（以{p.last_year}年数据计{rules}），须在{today.year}年余下的"
                        f"{days_left(today.year, today)}天内使{self._rushed(p, amounts=True)}，做不到则最早"
                        f"{q.as_of.year}年申报；")
            return f"最早{p.as_of.year}年申报（以{p.last_year}年数据计{rules}）；"
        rules = f", under the rules then in force: {by.title.en}" if by is not None else ""
        if q is not None and q.as_of is not None:
            return (f"earliest in {p.as_of.year} (on {p.last_year} figures{rules}), only if "
                    f"{self._rushed(p, amounts=True)} in the {_days(days_left(today.year, today))} left of {today.year}, "
                    f"else earliest in {q.as_of.year}; ")
        return f"earliest in {p.as_of.year} (on {p.last_year} figures{rules}); "

    def _rushed(self, p: TierPlan, amounts: bool = False) -> str:
        """The figures of the current year plan ``p`` raises by more than its days left bring at the present
        rate: 营业收入（2026年）、研发费用（2026年）; with ``amounts``, each with the figure it must reach
        (营业收入（2026年）达到5,000万元). A plan dated 最早2027年申报 that needed +2,400万 of revenue in 28
        days, which bring some 199万, was the round a park's sheet and a client took, with the raise hidden
        behind 「另有5项」; the round a full year's work reaches came last, as a fallback."""
        zh = self.lang == "zh"
        moves = {self.question(m.path): m for m in hurried(p, self.result.as_of)}
        if not amounts:
            return ("、" if zh else " and ").join(moves)
        out = []
        for label, m in moves.items():
            unit = unit_text(m.field.unit, self.lang, m.after)
            said = f"{label}{'达到' if zh else ' reaches '}{num(m.after, self.lang)}{unit}"
            sh = p.shifts.get(m.path)
            if sh is not None:  # and the rest of its whole down with it (其他业务收入减到1,200万元)
                name = self._rest_name(sh, m)
                said += (f"、{name}减到{num(sh.rest_after)}{unit}" if zh else
                         f" and {name} falls to {num(sh.rest_after)}{unit}")
            out.append(said)
        return ("、" if zh else " and ").join(out)

    def next_step(self, tier: TierResult) -> str:
        """The plan's first step in one cell (batch's 下一步): the tier it is for, when it can be applied
        for, what to do first, how many more steps follow; or why there is no plan. The tier is named
        though 主要差距 beside it names it too: with the lower tiers 未知, "最早2027年申报……" left a
        park's staff to work out which title it meant, and a sheet sorted or filtered by this column
        loses the one beside it. The answers that decide a lower tier come first."""
        zh = self.lang == "zh"
        if self.plans.get(tier.id) is None and tier.status in (MET, REVIEW):
            tier = self._to_apply(tier)
        own = self._next_step(tier)
        if not own:
            return own
        name = tier.title.get(self.lang)
        own = f"{name}：{own}" if zh else f"{name}: {own}"
        below = self._answers_below(tier)
        return (f"{below}；{own}" if zh else f"{below}; {own}") if below else own

    def _to_apply(self, tier: TierResult) -> TierResult:
        """The tier a row whose tiers are all met or awaiting the authority should apply for: from
        ``tier`` up, the first whose title the company does not hold (or the one this run renews).
        A 专精特新 待审核 whose title is held has nothing to apply for; the 小巨人 above it, its figures
        all met, is the step the report's plan gives."""
        ids = list(self.result.tiers)
        for tid in ids[ids.index(tier.id):]:
            t = self.result.tiers[tid]
            if t.status not in (MET, REVIEW):
                break
            if tid == self.result.renewal or not self._holds(t):
                return t
        return tier

    def _ready_step(self, tier: TierResult) -> str:
        """The plan line of a tier met or awaiting only the authority (``_ready_lines``) in a cell: when
        to apply, and the items the authority judges by name, without the evidence each needs (the
        report lists that). A park's best candidates, 待审核 on a market question, got a blank 下一步."""
        head, _, steps = self._ready_lines(tier)
        if not head:
            return ""
        zh = self.lang == "zh"
        head = head.removeprefix(f"{tier.title.get(self.lang)}{'：' if zh else ': '}")
        if not steps:
            return head
        items = [self.red_name(c) if c.kind == "veto" else c.title.get(self.lang) for c in self._judged(tier)]
        return f"{head}：{'；'.join(items)}" if zh else f"{head}: {'; '.join(items)}"

    def _answers_below(self, tier: TierResult) -> str:
        """The tiers below ``tier`` that answers alone decide, with those answers, as the report's plan
        opens with them: one yes/no (数据造假) that settles two lower tiers is the cheapest step there
        is, and a cell that spoke only of 小巨人's R&D left it out. From the bottom up, while the answers
        so far are no more than FEW_ANSWERS."""
        zh = self.lang == "zh"
        names: list[str] = []
        paths: list[str] = []
        for tid, t in self.result.tiers.items():
            if tid == tier.id:
                break
            p = self.plans.get(tid)
            if p is None or p.checked is not None or p.blockers or not p.missing or self._held_for_good(t):
                continue  # met, or more than answers: the row's own tier speaks for the ladder; or held for good
            more = [x for x in (self.needed(t) or p.missing) if x not in paths]
            if len(paths) + len(more) > FEW_ANSWERS:
                # many blanks are a form to fill in, not a step: this tier and those above are left to the
                # row's own. Counted tier by tier from the bottom: 科技和创新型's two red-line questions were
                # dropped with 专精特新's seven, and the cell jumped to 小巨人's revenue
                break
            names.append(t.title.get(self.lang))
            paths.extend(more)
        if not names:
            return ""
        return (f"{'、'.join(names)}：先回答以下问题才能判定：{self.questions(paths)}" if zh else
                f"{' and '.join(names)}: answer these first to decide {'them' if len(names) > 1 else 'it'}: "
                f"{self.questions(paths)}")

    def _next_step(self, tier: TierResult) -> str:
        zh = self.lang == "zh"
        p = self.plans.get(tier.id)
        if p is None:
            return self._ready_step(tier)
        head, notes, steps = self.plan_lines(tier)
        name = tier.title.get(self.lang)
        head = head.removeprefix(f"{name}：" if zh else f"{name}: ")
        if self._kept_by_renewal(tier) and self.held_apart(tier):
            # a title held, kept by its renewal: a row holding 专精特新 read 「专精特新中小企业：最早2027年申报」
            # (the cell has no verdict "above" to speak of: the report's plan line without it). Not where an
            # exclusion of the tier stands: the plan line says that, and so does the row
            return HELD_NO_APPLICATION.get(self.lang) + ("，到期前按复核条件复核" if zh else
                                                         "; before it expires it is renewed under the renewal clauses")
        if p.checked is None and not p.blockers and p.missing and steps:  # the questions the head announces, in a line
            asked = self.questions(self.plan_asks(tier), PLAN_QUESTIONS)  # its count: the cell's 等N项 says it
            return f"{ASK_FIRST.get(self.lang)}：{asked}" if zh else f"{ASK_FIRST.get(self.lang)}: {asked}"
        if p.checked is None or any(b.kind in ("red_line", "excluded") for b in p.blockers):
            why = notes[0] if notes and p.checked is None and p.blockers else ""
            return "；".join(filter(None, (head, why, *steps[:1]))) if zh else "; ".join(filter(None, (head, why, *steps[:1])))
        when = self._when(p)
        first = steps[0] if steps else ""
        # a step said on a condition (should an answer fail, should a late raise not be made) is none to do:
        # "全部做到后" counts the rest
        more = len(steps) - 1 - len(p.otherwise) - (p.unhurried is not None) - (p.sooner is not None)
        after = (("可达到", "meets it") if p.ok else ("仍需补充数据才能判定", "still needs answers")
                 if p.checked == UNKNOWN else ("仍不满足，须进一步调整", "is still not met; more is needed"))
        if zh:
            tail = f"；另有{more}项，全部做到后{after[0]}" if more > 0 else ("" if p.ok else f"；做到后{after[0]}")
        else:
            tail = f"; {more} more, and with all done it {after[1]}" if more > 0 else ("" if p.ok else f"; then it {after[1]}")
        return f"{when}{first}{tail}"

    def _red_label(self, cid: str) -> str:
        found = self.result.criterion(cid)
        if found is None:
            return cid
        c = found[1]
        if self.rules is not None and c.inputs:
            return self.label(next(iter(c.inputs)))
        return c.title.get(self.lang)

    def _closed_title(self, b: Any) -> str:
        """The conditions under a closed group that its past figures fail, by name: a 2026 小巨人 renewal read
        「「专业化」取决于2023、2024、2025年的数据，已无法改变」, a heading of six conditions, when the one
        failing was 「近2年主营业务收入平均增长率不低于5%」. Empty where none is found (the group's own name)."""
        found = self._failed_under(b)
        if found is None:
            return ""
        top, below = found
        failed = [c.title.get(self.lang) for c in below]
        if not failed or failed == [top.title.get(self.lang)]:
            return ""
        return ("」「" if self.lang == "zh" else '", "').join(failed)

    def _rough_only(self, b: Any, p: TierPlan) -> bool:
        """Whether every condition a closed blocker's past figures fail is one an approximate figure decides
        within 5% (a close call): then the exact figure may meet it. One such among others missed by exact
        figures (2024's R&D share an exact 1.43%) cannot: the blocker said the exact figure decided, where
        none could (found in review)."""
        close = {call.criterion.id for call in self.result.close if call.tier == p.tier and call.criterion.status == UNMET}
        found = self._failed_under(b, p.tier) if close else None
        return found is not None and bool(found[1]) and all(c.id in close for c in found[1])

    def _failed_under(self, b: Any, tier_id: str | None = None) -> tuple[CriterionResult, list[CriterionResult]] | None:
        """A closed blocker's criterion (of ``tier_id``, else the first tier that has it) and the conditions
        under it that its past figures fail, in the tree's order; None where the criterion is not found."""
        found = self.result.criterion(b.criterion, tier_id)
        if found is None:
            return None
        tier, top = found
        kids = tier.children()
        failed: list[CriterionResult] = []
        todo = [top]
        while todo:
            c = todo.pop(0)
            below = kids.get(c.id, [])
            if below:
                todo.extend(below)
            elif c.status == UNMET and any(x in b.paths for x in c.inputs):
                failed.append(c)
        return top, failed

    def _blocker(self, b: Any, p: TierPlan) -> str:
        zh = self.lang == "zh"
        title = b.title.get(self.lang)
        if b.kind == "closed":
            title = self._closed_title(b) or title
            years = sorted({y for y in (re.findall(r"\.(\d{4})(?:\.|$)", x) for x in b.paths) for y in y})
            ys = "、".join(years) if zh else ", ".join(years)
            if self._rough_only(b, p):
                # a figure given as approximate decides it within 5%: 「已无法改变，本轮不能满足」 was said of 约1.2亿
                # whose share of R&D, 2.92%, missed 3%, while the report asked for the exact figure (found trying
                # the interview as a finance manager): the years cannot change, but the exact figure may
                return (f"「{title}」取决于{ys}年的数据，这些年份已无法改变；按所填的约数不能满足，但相差不到5%，"
                        "结论取决于准确数字，请先核对" if zh else
                        f"\"{title}\" rests on {ys} figures, which can no longer change; at the approximate figure given "
                        "it is not met, but by less than 5%: the verdict rests on the exact figure, please check it first")
            return (f"「{title}」取决于{ys}年的数据，已无法改变，本轮不能满足" if zh else
                    f"\"{title}\" rests on {ys} figures, which can no longer change: not this round")
        if b.kind == "late":  # why the rounds between the one that needs the raise and the plan's cannot work
            years = sorted({y for y in (re.findall(r"\.(\d{4})(?:\.|$)", x) for x in b.paths) for y in y})
            ys = "、".join(years) if zh else ", ".join(years)
            return (f"「{title}」也要看{ys}年的数据：按目前的水平，{ys}年余下的天数达不到所需的数额（见最后一项）" if zh else
                    f"\"{title}\" rests on {ys} figures too, which the days left of {ys} cannot bring to what it "
                    "needs at the present rate (see the last step)")
        if b.kind == "title" and self._renewed_first(b.paths[0].removeprefix("titles.") if b.paths else None):
            return self._renewal_blocker(b, p)
        if b.kind == "title":
            if b.year is None and p.checked is not None:
                return (f"须先取得「{title}」称号：该层级要先补充回答上面的问题，何时能取得尚不能确定；"
                        "本计划假定届时已取得" if zh else
                        f"the {title} title comes first: that tier needs the answers above before it can be "
                        "dated; this plan assumes the title by then")
            if b.year is None:
                return (f"须先取得「{title}」称号，而该层级在{_years_on(self.lang)}内找不到可行的调整方案" if zh else
                        f"the {title} title comes first, and that tier has no plan within {_years_on(self.lang)}")
            return (f"须先取得「{title}」称号，该称号最早{b.year}年申报，本层级不能早于这一年" if zh else
                    f"the {title} title comes first, and it can be applied for in {b.year} at the earliest: "
                    "this tier not before then")
        if b.kind == "wait":
            return (f"「{title}」要等时间累积，本轮不能满足" if zh else f"\"{title}\" needs time to pass: not this round")
        return (f"「{title}」：找不到调整一项数据即可满足的办法（可能须几项同时达到），请对照条件逐项核对" if zh else
                f"\"{title}\": no change of one input meets it (several may have to move together); check it item by item")

    def _renewed_first(self, tid: str | None) -> TierPlan | None:
        """The plan of the title this run renews, where a plan above asks for that title and its renewal
        has not passed (``unrenewed``): the title holds only if that plan works this round."""
        if tid is None or tid != unrenewed(self.result, self.plans):
            return None
        return self.plans[tid]

    def _renewal_blocker(self, b: Any, p: TierPlan) -> str:
        """Why a plan waits for the title this run renews: the renewal cannot pass this round and the title
        lapses, to be regained by its own plan (or by none); or the renewal awaits answers, and the plan
        assumes it passes. 「须先取得……称号」 read as a title never held."""
        zh = self.lang == "zh"
        title = b.title.get(self.lang)
        lapses = renewal_lapses(self.lang, title)
        if b.year is not None:
            return (f"{lapses}，须重新取得：该称号最早{b.year}年申报，本层级不能早于这一年" if zh else
                    f"{lapses}; it must be regained, in {b.year} at the earliest: this tier not before then")
        if p.checked is not None:
            return (f"须先通过「{title}」称号的复核：该层级要先补充回答上面的问题，能否通过尚不能确定；本计划假定复核通过、"
                    "称号保持有效" if zh else f"the {title} title must first pass its renewal: that tier needs the "
                    "answers above before it can be decided; this plan assumes the renewal passes and the title stays in force")
        return (f"{lapses}，而该层级在{_years_on(self.lang)}内找不到可行的调整方案重新取得" if zh else
                f"{lapses}, and that tier has no plan within {_years_on(self.lang)} to regain it")

    def _renewal_title(self, name: str, ahead: TierPlan, p: TierPlan) -> str:
        """A title move for the title this run renews: regain it by its plan where this round's renewal
        cannot pass (the title lapses), else pass the renewal first, by its plan."""
        zh = self.lang == "zh"
        now = self.status(self.result.tiers[ahead.tier].status)
        lapses = renewal_lapses(self.lang)
        if ahead.later > 0 and (ahead.checked not in (MET, REVIEW, UNKNOWN) or ahead.as_of is None):
            return (f"重新取得「{name}」称号：{lapses}（本报告该层级：{now}，见上）" if zh else
                    f"Regain {name}: {lapses} (this report: {now}, see above)")
        if ahead.later > 0 and ahead.as_of is not None:
            year = ahead.as_of.year
            if any(b.kind == "title" for b in p.blockers) and not self.alone:  # its note above says why
                return (f"重新取得「{name}」称号（按上面的计划最早{year}年重新申报）" if zh else
                        f"Regain {name} (by the plan above, reapply in {year} at the earliest)")
            by = (f"最早{year}年重新申报" if self.alone else f"按上面的计划最早{year}年重新申报") if zh else \
                (f"reapply in {year} at the earliest" if self.alone else f"by the plan above, reapply in {year} at the earliest")
            return (f"重新取得「{name}」称号：{lapses}（{by}）" if zh else f"Regain {name}: {lapses} ({by})")
        if zh:
            by = f"该层级目前：{now}" if self.alone else "须先回答上面的问题" if ahead.checked is None else "按上面的计划"
            return f"先通过这一轮「{name}」称号的复核（{by}），保住这一称号"
        by = f"that tier now: {now}" if self.alone else "answer the questions above first" if ahead.checked is None \
            else "by the plan above"
        return f"First pass this round's renewal of {name} ({by}), keeping the title"

    def _title(self, m: Move, p: TierPlan) -> str:
        """A title move: apply for it (met), or obtain it first, by the plan above when it has one."""
        zh = self.lang == "zh"
        tid = held_tier(m)
        held = self.result.tiers.get(tid) if tid else None
        name = held.title.get(self.lang) if held is not None else m.field.label.get(self.lang)
        if held is not None and held.status in (MET, REVIEW) and self.alone:
            if held.status == MET:
                return f"已满足「{name}」：先申请这一称号" if zh else f"Meets {name}: apply for it first"
            return (f"「{name}」只待认定机关判断：先申请这一称号" if zh else
                    f"{name} awaits only the authority's review: apply for it first")
        if held is not None and held.status == MET:  # 已满足 says the verdict: not again as （满足）
            return f"本报告判定您已满足「{name}」：先申请这一称号" if zh else f"This report finds you meet {name}: apply for it first"
        if held is not None and held.status == REVIEW:
            return (f"本报告判定「{name}」只待认定机关审核：先申请这一称号" if zh else
                    f"This report finds {name} awaits only the authority's review: apply for it first")
        renewing = self._renewed_first(tid)
        if held is not None and renewing is not None:
            return self._renewal_title(name, renewing, p)
        ahead = self.plans.get(tid) if tid else None
        # a plan above dated by a wait, met or awaiting only answers: that year is the title's
        dated = ahead is not None and ahead.checked in (MET, REVIEW, UNKNOWN)
        if held is not None and ahead is not None and dated and ahead.as_of is not None and ahead.later > 0:
            if self.alone:
                return (f"先取得「{name}」称号（最早{ahead.as_of.year}年申报）" if zh else
                        f"First obtain {name} (in {ahead.as_of.year} at the earliest)")
            return (f"先取得「{name}」称号（按上面的计划最早{ahead.as_of.year}年申报）" if zh else
                    f"First obtain {name} (by the plan above, in {ahead.as_of.year} at the earliest)")
        if held is not None:
            if self.alone:
                return (f"先取得「{name}」称号（该层级目前：{self.status(held.status)}）" if zh else
                        f"First obtain {name} (that tier now: {self.status(held.status)})")
            return (f"先取得「{name}」称号（本报告该层级：{self.status(held.status)}，见上）" if zh else
                    f"First obtain {name} (this report: {self.status(held.status)}, see above)")
        return f"先取得「{name}」" if zh else f"First obtain: {name}"

    def _title_blank(self, m: Move) -> str:
        """What a title move assumes where the profile does not say whether the title is held: planned
        as not held (the tier dated after that title's round), and said, as the answer would change it."""
        if m.before is not None:
            return ""
        return ("。资料中未填是否已持有这一称号，本计划按目前尚未持有安排；如已持有，请补填后重新评估" if self.lang == "zh" else
                ". Whether the company holds it is not given: this plan takes it as not held now; if it is held, "
                "answer that and assess again")

    def _move(self, m: Move, p: TierPlan) -> str:
        zh = self.lang == "zh"
        label = self.question(m.path)
        if m.kind == "title":
            return self._title(m, p) + self._title_blank(m)
        if m.kind == "wait":  # a count 截至上年末: said at the end of the round's data year, as a person dates it
            unit = unit_text(m.field.unit, self.lang, m.after)
            # with what the rule asks: 「2027年末达到4年」 alone read as a target of 4 where 3 are asked
            tier = self.result.tiers.get(p.tier)
            c = next((x for x in tier.criteria if x.id == m.criterion and x.kind == "check"), None) if tier else None
            need = _required(c.op, type(c.threshold).__name__, c.threshold, c.unit, self.lang) if c is not None else ""
            return (f"{m.field.label.get(self.lang)}：{p.last_year}年末达到{num(m.after)}{unit}"
                    + (f"（要求{need}）" if need else "") if zh else
                    f"{m.field.label.get(self.lang)} reaches {num(m.after)}{unit} at the end of {p.last_year}"
                    + (f" (required: {need})" if need else ""))
        if m.kind == "qualitative":
            return (f"「{m.title.get(self.lang)}」：如实际具备，改答为「是」并准备材料，由认定机关判断" if zh else
                    f"\"{m.title.get(self.lang)}\": if it is true, answer yes and prepare the evidence for the authority")
        if isinstance(m.after, bool):
            return obtain_zh(self.label(m.path)) if zh else f"Obtain: {label}"
        if isinstance(m.after, str):
            now = self.choice(m.path, m.before) if m.before is not None else ("未填" if zh else "not given")
            return (f"{label}：从「{now}」提升到「{self.choice(m.path, m.after)}」" if zh else
                    f"{label}: from {now} to {self.choice(m.path, m.after)}")
        ranked = self._into_places(m, p, label)
        if ranked:
            return ranked
        unit = unit_text(m.field.unit, self.lang, m.after)
        # the company's own figure as given (10,799.9999, not 10,800 beside a target of 10,800.01)
        before = given(m.before) + before_unit(unit) if m.before is not None else ("未填" if zh else "not given")
        notes = []
        if isinstance(m.before, Decimal) and isinstance(m.after, Decimal):
            d = m.after - m.before
            notes.append(delta_text(d, unit, self.lang))
        year = year_in_path(m.field, m.path)
        if m.kind == "change" and year is not None and (timed := self._time_left(m, year, p)):
            notes.append(timed)
        if m.path in p.estimated and year is not None:  # a year not yet closed: the figure now is an estimate
            notes.append(self._estimate_note(p, m.path, year, given(m.before), unit))
        elif m.path in p.renewed and m.before is not None and p.as_of is not None:  # given anew in that round
            notes.append(f"须是{p.as_of.year}年度的得分，{given(m.before)}{unit}是今年的" if zh else
                         f"{p.as_of.year}'s is the one that counts: {given(m.before)} is this year's")
        notes += [self._rest_note(p, x) for x in p.rests.get(m.path, [])]
        if m.kind == "within":  # each of the count it follows is one of these too
            notes.append(f"上面的{num(m.after)}{unit}都须计入此项" if zh else
                         f"the {num(m.after)} above must all count here too")
        delta = (f"（{'；'.join(notes)}）" if zh else f" ({'; '.join(notes)})") if notes else ""
        text = f"{label}：{before} → {num(m.after)}{unit}{delta}" if zh else f"{label}: {before} → {num(m.after)}{unit}{delta}"
        if m.kind == "follows":
            text += "，随营业收入同比例增加，保持主营业务占比" if zh else ", rising with revenue to keep the main-business share"
        shift = p.shifts.get(m.path)
        if shift is not None:
            text += self._shift(shift, m, p)
        return text

    def _rest_note(self, p: TierPlan, path: str) -> str:
        """An estimate a step's figure holds on (``TierPlan.rests``), as the floor lines say theirs:
        「本计划的资产总额（2026年末）按2025年的6,000万元估计，不同时请重新评估」."""
        zh = self.lang == "zh"
        f, was = field_for_path(p.judged_by or self.rules, path), p.assumed[path]  # type: ignore[arg-type]
        said = given(was, self.lang) + unit_text(f.unit, self.lang, was)  # as given, as the step's own figure
        label = self.question(path)
        if not zh and label[1:2].islower():  # mid-sentence (not R&D)
            label = label[0].lower() + label[1:]
        if path in p.shares:
            how = self._kept_how(p, path, said)
            return f"本计划的{label}{how}，不同时请重新评估" if zh else f"this plan takes {label} as {how}: re-assess if it differs"
        year = p.basis.get(path, self.result.last_year)
        return (f"本计划的{label}按{year}年的{said}估计，不同时请重新评估" if zh else
                f"this plan takes {label} as {year}'s {said}: re-assess if it differs")

    def _rest_name(self, sh: Shift, m: Move) -> str:
        """The rest of the whole a part's step takes from (其他业务收入): its income-statement name where the
        part has one (``_REST``), else the two labels."""
        rest = _REST.get(m.field.id)
        if rest is not None:
            return rest.get(self.lang)
        whole = field_for_path(self.rules, sh.whole).label  # type: ignore[arg-type]
        return (f"{whole.zh}中{m.field.label.zh}以外的部分" if self.lang == "zh" else
                f"{whole.en.lower()} other than {m.field.label.en.lower()}")

    def _shift(self, sh: Shift, m: Move, p: TierPlan) -> str:
        """What a part raised by more than its whole asks of the rest of the whole, said after its step:
        「其他业务收入须相应从1,800万元减到1,200万元（-600），营业收入仍按12,000万元计。如其他业务收入不减少，
        主营业务收入须达到16,200万元（+6,000），营业收入随之达到18,000万元」. Unsaid, +600万 of main revenue
        beside revenue held read as 600万 more sold, which takes revenue up too and the share nowhere near 90%."""
        zh = self.lang == "zh"
        rules = p.judged_by or self.rules
        part_f, whole_f = m.field, field_for_path(rules, sh.whole)  # type: ignore[arg-type]
        unit = unit_text(part_f.unit, self.lang, sh.rest_after)
        whole_l = whole_f.label.get(self.lang)
        name = self._rest_name(sh, m)
        left = days_left(self.result.as_of.year, self.result.as_of)
        # late in the year, what the days left bring of the rest at its present rate: no more can fall away
        fall = shift_pace(sh, m, self.result.as_of)
        fell = delta_text(sh.rest_after - sh.rest_before, unit, self.lang)
        if zh:
            held = f"{whole_l}为{num(sh.whole_after)}{unit}" if sh.whole_moved else f"{whole_l}仍按{num(sh.whole_after)}{unit}计"
            late = f"；按目前的水平，余下这{left}天的{name}约{num(fall)}{unit}" if fall is not None else ""
            text = (f"；{name}须相应从{num(sh.rest_before)}{unit}减到{num(sh.rest_after)}{unit}"
                    f"（{fell}{late}），{held}")
        else:
            held = f"{whole_l.lower()} at {num(sh.whole_after)}{unit}" if sh.whole_moved else \
                f"{whole_l.lower()} still taken at {num(sh.whole_after)}{unit}"
            late = f"; the {_days(left)} left bring some {num(fall)}{unit} of it at the present rate" \
                if fall is not None else ""
            # by the part's raise only where the whole is held; raised too, the whole takes some of it
            same = " by the same amount" if not sh.whole_moved else ""
            text = (f"; with {held}, {name} must fall{same}: {num(sh.rest_before)} → {num(sh.rest_after)}{unit} "
                    f"({fell}{late})")
        if sh.together is None:
            return text
        part_to, whole_to = sh.together
        raise_ = part_to - sh.part_before
        grown = Move(m.path, part_f, sh.part_before, part_to, "change", m.criterion, m.title)
        brought = pace(grown, self.result.as_of)
        year = year_in_path(part_f, m.path)
        if zh:
            late = f"；{year}年仅余{left}天，按目前的水平这{left}天约{num(brought)}{unit}" if brought else ""
            return (text + f"。如{name}不减少，{part_f.label.zh}须达到{num(part_to)}{unit}"
                    f"（{delta_text(raise_, unit, self.lang)}{late}），{whole_l}随之达到{num(whole_to)}{unit}")
        late = f"; only {_days(left)} of {year} left, which bring some {num(brought)}{unit} at the present rate" \
            if brought else ""
        return (text + f". If {name} does not fall, {part_f.label.en.lower()} must reach {num(part_to)}{unit} "
                f"({delta_text(raise_, unit, self.lang)}{late}), {whole_l.lower()} {num(whole_to)}{unit} with it")

    def _into_places(self, m: Move, p: TierPlan, label: str) -> str:
        """A rank that 0 means none of (无排名, 未获奖) moved into the places a criterion asks: 「主导产品国内
        细分市场排名：从「无排名」进入第1–3名」; ""  for any other move. 「0 → 1（+1）」 read as a rank to raise by one."""
        now = self.zero_word(m.path, m.before)
        node = next((n for n in self._judging_nodes(p) if n.id == m.criterion), None)
        if now is None or node is None or node.op != "between" or not isinstance(node.threshold, tuple):
            return ""
        lo, hi = node.threshold
        bare = _ZERO_NOTE.sub("", label)
        return (f"{bare}：从「{now}」进入第{num(lo)}–{num(hi)}名" if self.lang == "zh" else
                f"{bare}: from {now} into places {num(lo)}–{num(hi)}")

    def _time_left(self, m: Move, year: int, p: TierPlan) -> str:
        """The days left in the assessment's own year, beside a raise of that year's figure: the reason
        its share of a sum over years is small, or, late in the year, how little time the raise has
        (+560万 of R&D asked on 2 December reads as a slip unless the plan says it knows)."""
        today = self.result.as_of
        left = days_left(year, today)
        if year != today.year or left >= days_left(year + 1, today):
            return ""
        later = sorted(str(y) for o in p.moves if o.field.id == m.field.id and o.criterion == m.criterion
                       and o.kind == "change" and (y := year_in_path(o.field, o.path)) is not None and y > year)
        zh = self.lang == "zh"
        if later:
            return (f"按{year}年余下{left}天分摊，其余在{'、'.join(later)}年" if zh else
                    f"{year}'s share for its {_days(left)} left; the rest in {' and '.join(later)}")
        if left > LATE_IN_YEAR:
            return ""
        brought = pace(m, today)
        # +610万 of R&D in 29 days, where 295万 a year brings some 23万: said, not left to be found out (not
        # at a rate of 0, where 「约0万元」 says nothing the days left do not)
        if brought:
            said = num(brought) + unit_text(m.field.unit, self.lang, brought)
            return f"{year}年仅余{left}天，按目前的水平这{left}天约{said}" if zh else \
                f"only {_days(left)} of {year} left, which bring some {said} at the present rate"
        return f"{year}年仅余{left}天" if zh else f"only {_days(left)} of {year} left"

    # ---- the legend

    def legend(self) -> list[tuple[str, str, list[str]]]:
        """(mark, what it means, the rules it marks) per confidence tag, each rule counted once.

        The gate's criteria belong to every tier; they are named once as shared, then each tier with what
        only it holds (a tier with none is not named), so the total is the rule data's own count (``rules list``).
        """
        zh = self.lang == "zh"
        sep = "；" if zh else "; "
        tiers = list(self.result.tiers.values())
        out: list[tuple[str, str, list[str]]] = []
        for tag in THIRD_PARTY:
            holders: dict[str, list[TierResult]] = {}
            titles: dict[str, str] = {}
            for t in tiers:
                for c in t.criteria:
                    if c.confidence == tag:
                        titles.setdefault(c.id, c.title.get(self.lang))
                        if t not in holders.setdefault(c.id, []):
                            holders[c.id].append(t)
            if not titles:
                continue
            lines: list[str] = []
            groups: dict[tuple[str, ...], list[str]] = {}
            parents: dict[tuple[str, ...], set[str | None]] = {}
            for cid, held in holders.items():
                key = tuple(t.id for t in held)
                groups.setdefault(key, []).append(titles[cid])
                parents.setdefault(key, set()).add(next(c.parent for c in held[0].criteria if c.id == cid))
            for key, names in groups.items():
                if len(key) < 2:
                    continue
                what = self._group_title(self.result.tiers[key[0]], parents[key])
                who = ("各层级共用" if zh else "shared by every tier") if len(key) == len(tiers) else \
                    ("、".join(self.result.tiers[k].title.zh for k in key) + "共用" if zh else
                     "shared by " + ", ".join(self.result.tiers[k].title.en for k in key))
                if what:
                    who = f"{who}的「{what}」" if zh else f"{what}, {who}"
                elif not zh:
                    who = who[0].upper() + who[1:]
                lines.append(f"{who}（{len(names)}条）：{sep.join(names)}" if zh else
                             f"{who} ({len(names)}): {sep.join(names)}")
            for t in tiers:  # a tier with none of its own is left out: the counts still add up to the total
                names = groups.get((t.id,), [])
                if names:
                    name = t.title.get(self.lang)
                    lines.append(f"{name}（{len(names)}条）：{sep.join(names)}" if zh else
                                 f"{name} ({len(names)}): {sep.join(names)}")
            head = (f"{CONFIDENCE[tag]['zh']}：共{len(titles)}条" if zh else
                    f"{CONFIDENCE[tag]['en']}: {len(titles)} rule{'s' if len(titles) > 1 else ''}")
            out.append((MARK[tag], head, lines))
        return out


    def _group_title(self, tier: TierResult, parents: set[str | None]) -> str:
        """The title of the one group (the gate) the shared criteria sit in, else nothing."""
        if len(parents) != 1:
            return ""
        pid = next(iter(parents))
        return next((c.title.get(self.lang) for c in tier.criteria if c.id == pid and pid is not None), "")


FUNCTIONS = {"sqrt": "√"}
"""The functions a rule's formula may call, as people write them."""

_NAME = r"[a-z_][a-z0-9_]*(?:\[y[0-9]?\])?"


@functools.lru_cache(maxsize=256)
def _shape(source: str) -> str:
    """How a check's figure is shown from its formula: ``ratio`` (a share: 650 ÷ 12,000), ``sum`` (650 +
    560), ``formula`` (written out with its figures: every name in it a figure or a function), else ""
    (its inputs named). Worked out once for each formula a rule set has."""
    if re.fullmatch(rf"{_NAME} / {_NAME} \* 100", source):
        return "ratio"
    if re.fullmatch(rf"{_NAME}( \+ {_NAME})+", source):
        return "sum"
    names = [name for _, name in formula_pieces(source) if name]
    return "formula" if names and any(n not in FUNCTIONS for n in names) else ""


@functools.lru_cache(maxsize=1024)
def _required(op: str | None, kind: str, threshold: Any, unit: str | None, lang: str) -> str:
    """What a check requires (不低于3%, at least 1,000 (10k CNY)), made once for each rule's threshold:
    a JSON batch says it for some 17 new rows a company. ``kind`` keeps True apart from 1."""
    return (f"{OPS[lang].get(op or '', '')}{'' if lang == 'zh' else ' '}{num(threshold)}"
            f"{unit_text(unit, lang, threshold)}").strip()


def written(c: CriterionResult, percent: bool) -> str:
    """A check's formula with its figures as people write it: ``((10,200 ÷ 9,300 − 1) + (9,300 ÷ 8,100
    − 1)) ÷ 2``, ``√(12,000 ÷ 9,000) − 1``; a percentage's closing ``× 100`` left to its % sign."""
    terms = c.terms
    out = []
    for part, name in _written_pieces(c.formula_source, percent):
        out.append(part)
        if name in terms:
            v = terms[name]
            text = str(v) if type(v) is Decimal else ""
            if text.isdigit() and len(text) <= 20:  # plain digits (most figures): as given writes them, without it
                out.append(text if len(text) <= 3 else _grouped(text))
            else:
                out.append(given(v))
        else:
            out.append(FUNCTIONS.get(name, name))
    return "".join(out)


@functools.lru_cache(maxsize=256)
def _written_pieces(source: str, percent: bool) -> tuple[tuple[str, str], ...]:
    """``formula_pieces`` as ``written`` shows them, worked out once for each formula: the operators as
    people write them, a percentage's ``× 100`` and the brackets it closed dropped. The figures filled in
    hold no bracket, so where the brackets pair is the formula's alone."""
    pieces = [(part.replace(" / ", " ÷ ").replace(" - ", " − "), name) for part, name in formula_pieces(source)]
    shape = "".join(part + ("x" if name else "") for part, name in pieces)
    if not (percent and shape.endswith(" × 100")):
        return tuple(pieces)
    last, _ = pieces[-1]
    pieces[-1] = (last.removesuffix(" × 100"), "")
    shape = shape.removesuffix(" × 100")
    if shape.startswith("(") and _closes_at_end(shape) and pieces[0][0].startswith("(") and pieces[-1][0].endswith(")"):
        pieces[0] = (pieces[0][0][1:], pieces[0][1])
        pieces[-1] = (pieces[-1][0][:-1], "")
    return tuple(pieces)


def _closes_at_end(text: str) -> bool:
    """Whether the bracket opening ``text`` is the one that closes it: (a − 1), not (a) + (b)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i == len(text) - 1
    return False


SUBJECTS = ("近三年", "近五年", "近2年", "近两年", "主导产品", "产品（服务）", "产品")
"""Words a yes/no statement may open with before its verb: 是否 goes after them (主导产品是否属于……),
as a finance manager asks it, not before ("是否主导产品属于……" is broken Chinese)."""
HOLDS_TO = ("已是", "已为", "持有", "属于")
"""Verbs that already say what a company is: 是否 goes straight before them."""


SEP = {"zh": "；", "en": "; "}
"""Between the items of one step: a label holds 、 itself (安全、质量、环境污染等事故), so 、 cannot part them."""


def ask_zh(label: str) -> str:
    """A yes/no statement as a question: 是否 after an opening subject (主导产品是否……, 近三年是否……),
    是否为 before a name (是否为有效期内的高新技术企业), else 是否 before the verb (是否获得……)."""
    if label.startswith(("是否", "有无")):
        return label
    for subject in SUBJECTS:
        if label.startswith(subject) and len(label) > len(subject):
            return f"{subject}是否{label[len(subject):]}"
    if label.endswith("企业") and not label.startswith(HOLDS_TO):
        return f"是否为{label}"
    return f"是否{label}"


def obtain_zh(label: str) -> str:
    """A yes/no step to take, as a thing to do: a status by name is obtained (取得高新技术企业认定（有效期内）),
    anything else is done (做到：获得省级以上质量奖), never 取得：是否…."""
    if label.endswith("企业") and not label.startswith(HOLDS_TO):
        valid = label.startswith("有效期内的")
        return f"取得{label.removeprefix('有效期内的')}认定" + ("（有效期内）" if valid else "")
    return f"做到：{label}"


def _years_on(lang: str) -> str:
    from littlegiant.core.tierplan import ROUNDS

    return f"{ROUNDS}个申报年度" if lang == "zh" else f"{ROUNDS} application rounds"


def _nearness(c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> tuple[int, int, Decimal]:
    """How far a route is from met, to order alternatives: (parts failing, minus parts met, how short
    the failing figures fall as a share of what they need). A scored route one group minimum short
    with three parts met comes before a direct path answered no; the revenue band a company is in
    (its R&D share 5% of 6%) before the band it is not in (revenue half of 1亿)."""
    if c.kind in ("all", "any"):
        parts = [_nearness(k, kids) for k in kids.get(c.id, []) if k.required or c.kind == "any"]
        if not parts:
            return (0, 0, Decimal(0))
        if c.kind == "any":
            return min(parts)
        return (sum(p[0] for p in parts), sum(p[1] for p in parts), sum((p[2] for p in parts), Decimal(0)))
    if c.status in (MET, REVIEW):
        return (0, -1, Decimal(0))
    if c.status != UNMET:
        return (0, 0, Decimal(0))
    return (1, 0, _shortfall(c))


def _uncomputed(c: CriterionResult) -> bool:
    """Whether ``c`` is a condition left unknown though every figure it reads is given (a share of a 0,
    growth from 0: criteria.md §3, unknown, never zero)."""
    return c.status == UNKNOWN and c.kind not in ("all", "any") and c.value is None and not c.missing \
        and bool(c.inputs) and None not in c.inputs.values()


def _failed_routes(c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> list[CriterionResult]:
    """The routes of a choice that may be named as failing it: all of them when it is unmet; when it is
    not known, only those its first unknown route comes after, in the company's band. Its main route
    not known, a fallback that fails is no gap: 差在 named 「豁免：近三年获得国家级科学技术奖励」 beside
    Ⅰ类知识产权 left unanswered, which read as an exemption granted."""
    routes = kids.get(c.id, [])
    if c.status != UNKNOWN:
        return routes
    first = next((i for i, k in enumerate(routes) if k.status == UNKNOWN), len(routes))
    return [k for k in routes[:first] if not _out_of_route(k, kids)]


def _out_of_route(c: CriterionResult, kids: dict[str | None, list[CriterionResult]]) -> bool:
    """Whether a route's own selector (the revenue band it is for) fails: the company is not in that
    route, so it is named after the routes it is in, however few parts it lacks (a company of
    7,000万 short of 6% R&D is told its own band's share, not 营业收入1亿元以上). Only the order of
    a choice's routes: how near the choice itself is, beside others, is ``_nearness``'s."""
    return any(k.rule is not None and k.rule.selector and k.status == UNMET for k in kids.get(c.id, []))


def _shortfall(c: CriterionResult) -> Decimal:
    """How short a failing figure or score falls, as a share of what it needs (1 for a yes/no or a choice)."""
    value = c.points_min if c.kind == "score" else c.value
    need = c.threshold
    if not isinstance(value, Decimal) or not isinstance(need, Decimal) or need == 0:
        return Decimal(1)
    gap = value - need if c.op in ("<=", "<") else need - value
    return max(gap, Decimal(0)) / abs(need)


def now_text(c: CriterionResult, lang: str) -> str:
    """A failed figure's value beside its title: 「……不低于90%（现为85%）」, a failed score's points
    (「评分达到60分以上（现为56分）」); empty for anything else."""
    kind = c.kind
    if kind == "check" and (c.held_by is None or c.status != UNMET):  # a figure (not a blank part held below
        # the bar, below): a batch asks this of nearly every row, so its tests come first, each field read once
        value = c.value
        if not isinstance(value, Decimal):
            return ""
        op = c.op
        if not value and (op == "<=" or op == "<" or op == "between"):  # a rank of 0 is "no such award", not first place
            return ""
        threshold = c.threshold
        near = threshold if isinstance(threshold, Decimal) else None
        if lang == "zh":  # the unit as unit_text writes it in zh (itself, or nothing), without its call
            return f"（现为{num(value, near=near)}{c.unit or ''}）"
        if c.unit == "万元":  # beside a title in yuan ("at least 12 million CNY"), in yuan
            return f" (now {num(value * 10000, near=near * 10000 if near is not None else None)} CNY)"
        return f" (now {num(value, near=near)}{unit_text(c.unit, 'en', value)})"
    if kind == "score" and c.points_min is not None and c.points_min == c.points_max:
        pts = num(c.points_min, near=c.threshold)
        return f"（现为{pts}分）" if lang == "zh" else f" (now {pts} points)"
    if c.held_by is not None and c.status == UNMET:  # a blank part its whole holds below the bar (plan._capped)
        whole = c.inputs[c.held_by]
        return (f"（未填，最多也只有{given(whole)}{unit_text(c.unit, 'zh')}）" if lang == "zh" else
                f" (not given; at most {given(whole)}{unit_text(c.unit, 'en', whole)})")
    if kind == "sme" and c.status == UNMET:
        return size_now(c.value if isinstance(c.value, str) else None, lang)
    return ""


def size_now(size: str | None, lang: str) -> str:
    """A company no SME beside the size criterion's title: 「（现为大型企业）」. The title alone
    (符合《中小企业划型标准规定》（中小微企业）) read as a pass in a batch row's 主要差距."""
    if size is None or size not in SIZE:
        return ""
    return f"（现为{SIZE[size]['zh']}企业）" if lang == "zh" else f" (now a {SIZE[size]['en']} enterprise)"


IN_YUAN = Text("所填金额疑似把「元」当成了「万元」（见上方「请先核对」）：本计划按所填数字验证，核对改正后请重新评估",
               "amounts look typed in CNY rather than 10k CNY (see the check above): this plan is checked on the "
               "figures as typed; correct them and assess again")
"""The head of a plan checked on amounts the report warns look typed in 元."""

IN_WAN = Text("所填金额疑似把「万元」当成了「元」（见上方「请先核对」）：本计划按所填数字验证，核对改正后请重新评估",
              "amounts look typed in 10k CNY but read as CNY (see the check above): this plan is checked on the "
              "figures as read; correct them and assess again")
"""The head of a plan checked on amounts the report warns look typed in 万元 where 元 was asked."""

_JUDGED = Text("以下各项由认定机关审核（所列材料随申报提交）",
               "the authority judges the items below (send the evidence listed with the application)")
_JUDGED_RENEWAL = Text("以下各项由认定机关审核（所列材料随复核提交）",
                       "the authority judges the items below (send the evidence listed with it)")
"""What a ready tier's plan line says of the items the authority judges (``_ready_lines``), said once."""


def renewal_lapses(lang: str, title: str | None = None) -> str:
    """That this round's renewal cannot pass and the title lapses, naming the title where nothing
    around the clause does (a blocker of a tier above). The one wording of the plan's head (LAPSES),
    that blocker and the step to regain the title: written out in each of the three, a change of one
    would have left the others saying it another way."""
    if lang == "zh":
        return f"这一轮复核不能通过，「{title}」称号将失效" if title else "这一轮复核不能通过，称号将失效"
    return (f"this round's renewal of the {title} title cannot pass and the title lapses" if title else
            "this round's renewal cannot pass and the title lapses")


LAPSES = Text(f"{renewal_lapses('zh')}；以下按重新申报安排（届时按新申请的条件判定）",
              f"{renewal_lapses('en')}; the plan below is a new application, judged by the conditions for one")
"""The head of a renewal's plan for a later round: the title lapses first."""

PLAN_QUESTIONS = 10
"""The most questions a plan of answers lists one a line (all of them in a Markdown or HTML document)."""

ASK_FIRST = Text("先回答以下问题才能判定", "answer these first to decide it")
"""A plan of answers: the head of its list in a report, and of the batch cell that lists them in a line."""

FEW_ANSWERS = 3
"""The most answers a batch cell names ahead of its tier's own step, for the lower tiers they decide."""


def red_lines(result: Result) -> list[CriterionResult]:
    """Vetoes present that stop every tier: no materials are listed while they stand. Not one tier's
    exclusion (already a 单项冠军: no 小巨人), under which the tiers below keep their plans."""
    seen: set[str] = set()
    out = []
    for t in result.tiers.values():
        for c in t.criteria:
            if c.kind == "veto" and c.status == UNMET and c.id not in seen and stops_every_tier(result.rules, c.rule):
                seen.add(c.id)
                out.append(c)
    return out


def red_lines_said(rules: RuleSet, lang: str) -> dict[str, dict[str, str]]:
    """Each red line of ``rules`` as a batch row's 主要差距 names it, by the status it has there: present
    (红线「近三年有数据造假行为」, as the report's summary says it) or left to the authority (the problem
    itself). Its title states the problem's absence (近三年无数据造假行为): a row showed that title as
    what held a company back that had fabricated data. Made once for each rule set and language."""
    memo: dict[str, dict[str, dict[str, str]]] = rules.memo.setdefault("words.red_lines", {})
    found = memo.get(lang)
    if found is None:
        found = memo[lang] = {}
        for _, node in rules.all_nodes():
            f = rules.fields.get(node.field) if node.kind == "veto" and node.field else None
            if f is not None:
                name = input_label(f, f.path).get(lang)
                found[node.id] = {UNMET: veto_named(rules, node, name, lang), REVIEW: name}
    return found


def red_line_named(name: str, lang: str) -> str:
    """A red line that stands, by the problem ``name`` states: the report's summary and a batch row's
    主要差距 say it alike."""
    return f"红线「{name}」" if lang == "zh" else f"red line: {name}"


NOTHING_SHORT = Text("；按本行已填的数据，没有哪一级不满足", "; nothing this row gives fails a tier")
"""After the first question a batch row's tier awaits, where the row left none of that tier's cells blank
and what it gives fails no tier: what is open is what the sheet has no column for. Said of the tiers,
not of each route: a failed route beside one left open (a 5% share beside a blank rank) fails none."""


ONLY_DECLARED = Text("仅缺参评基本条件的回答", "only the gate's yes/no answers are missing")
"""The words a batch row's 主要差距 carries where a tier is 未知 for want of the red-line answers alone (a
park's sheet has no such columns), the same on every such row so that a filter finds them; the run's note on
the absent columns quotes them."""


def only_declared_text(tiers: list[tuple[str, str]], lang: str) -> str:
    """After a batch row's 主要差距: the tiers (title, the status they would have) that its figures meet,
    unknown only because the sheet gives no red-line answers: 「；科技和创新型中小企业仅缺参评基本条件的回答
    （确无经营异常、严重失信等情形即满足）」. Staff filtering 未知 told "figures fine, declarations missing"
    from "figures missing" by nothing: 主要差距 named the tier-2 figure the row fails, on most of them."""
    zh = lang == "zh"
    statuses = {status for _, status in tiers}
    if len(statuses) == 1:
        outcome = STATUS[statuses.pop()][lang]
    else:
        outcome = ("、" if zh else "; ").join(f"{title}{'' if zh else ': '}{STATUS[status][lang]}" for title, status in tiers)
    titles = ("、" if zh else " and ").join(title for title, _ in tiers)
    if zh:
        return f"；{titles}{ONLY_DECLARED.zh}（确无经营异常、严重失信等情形即{outcome}）"
    return f"; {titles}: {ONLY_DECLARED.en} (if no red line such as abnormal operation or serious dishonesty applies: {outcome})"


def blank_cells_text(labels: list[str], lang: str) -> str:
    """A sheet row's cells that a tier not answered reads and the row left blank (or answered 不知道),
    after the first question it awaits in a batch row's 主要差距: 「；本行缺：「营业收入（2025年）」」, at
    most three named, each quoted (a label holds 、 itself: 境内工商注册登记、具有独立法人资格)."""
    if lang == "zh":
        return "；本行缺：" + "、".join(f"「{x}」" for x in labels[:3]) + (f"等{len(labels)}项" if len(labels) > 3 else "")
    return "; missing in this row: " + "; ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")


def veto_named(rules: RuleSet | None, node: Node | None, name: str, lang: str) -> str:
    """A veto that stands, by the problem ``name`` states: a red line where it stops every tier, else
    that tier's exclusion."""
    return (red_line_named if stops_every_tier(rules, node) else excluded_named)(name, lang)


def excluded_named(name: str, lang: str) -> str:
    """One tier's exclusion that stands (已是制造业单项冠军企业或产品: no 小巨人), by the problem ``name``
    states: not 红线, which says no tier can be met."""
    return f"排除情形「{name}」" if lang == "zh" else f"exclusion \"{name}\""


def gate_stops(result: Result) -> list[CriterionResult]:
    """Yes/no conditions that every tier asks for in a shared group, answered no (not registered in
    China as an independent legal person): like a red line, no tier can be applied for, so a plan of
    steps ("obtain: registered in China") would mislead; the report says so instead. The test is the
    core's (``bars_every_tier``), the one the advice asks too; each is named once, by the first tier's row."""
    if len(result.tiers) < 2:  # a result of one tier (a batch row's words) shares no group with another
        return []
    first = next(iter(result.tiers.values()))
    return [c for c in first.criteria if bars_every_tier(result, c)]


HELD_NO_APPLICATION = Text("已持有这一称号，有效期内无需再申报", "the company holds this title: no application while it is valid")
# a held title this run judges as a new application, whose verdict is not met: its plan would date a new
# application for what the company holds; what keeps it is its renewal, which this run does not judge
HELD_RENEWED_APART = Text("已持有这一称号，有效期内无需再申报，到期前按复核条件复核；上面的结论是按新申请条件判定的，"
                          "不是复核的结论",
                          "the company holds this title: no application while it is valid; before it expires it is "
                          "renewed under the renewal clauses. The verdict above judges a new application, not the "
                          "renewal")
"""A plan's line for a tier whose title is held (not renewed by this run)."""
HELD_NO_MATERIALS = Text(zh="已持有，无需准备", en="Title held: nothing to prepare")
"""The materials of a tier whose title the company holds: none, for it is not applied for again."""


def stops(result: Result) -> bool:
    """A red line or a gate condition answered no: every tier is out of reach, nothing to plan or prepare."""
    return bool(red_lines(result) or gate_stops(result))


def holds_title(result: Result, tier: TierResult) -> bool:
    """Whether the profile says the tier's title is held: a renewable title so answered, or a lower
    one that a higher tier's prerequisite reads as met (科技型 入库 counting as the 2026 tier 1)."""
    if tier.id in result.titles_held:
        return True
    return any(c.status == MET and f"titles.{tier.id}" in c.inputs and all(x.startswith("titles.") for x in c.inputs)
               for t in result.tiers.values() if t.id != tier.id for c in t.criteria)


def held_beside(result: Result, tier: TierResult) -> bool:
    """Whether the company holds ``tier``'s title and this run plans no application for it: a title with no
    renewal (科技和创新型), or one held beside the title a renewal run renews, kept by its own renewal
    (``Words._held_for_good``, ``Words._kept_by_renewal``). The JSON's gaps and plans say it as the report does."""
    if stops(result):
        return False
    if tier.id not in RENEWABLE:
        return holds_title(result, tier)
    if any(c.kind == "veto" and c.status == UNMET for c in tier.criteria):
        # an exclusion of this tier stands (与"小巨人"企业存在控股关系): the plan says it, not that the title is held
        # (the JSON's gaps said held where its plan did not, found in review)
        return False
    return tier.id != result.renewal and tier.id in result.titles_held


def evidence(result: Result, lang: str, plans: dict[str, TierPlan]) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(heading, [(criterion title, documents)]) per tier, for criteria met or awaiting review: of tiers
    met, awaiting review or not known (which no criterion fails: the answers still missing may yet meet
    it, and the documents for what it already meets are needed then), and of tiers a plan meets this
    round. The criteria every tier shares (the gate) come first under one heading; a document is named
    once within a heading, and again under another tier that needs it. One flat list of fifteen left a
    client to guess which documents were for 小巨人. A tier whose title is held (and not renewed by this
    run) needs no application: one line says so, with no documents (``HELD_NO_MATERIALS``), where its
    four items stood under a plan that said 「已持有这一称号，有效期内无需再申报」."""
    if stops(result):
        return []
    shown = [t for t in result.tiers.values()
             if t.status in (MET, REVIEW, UNKNOWN) or (t.id in plans and plans[t.id].ok and plans[t.id].later == 0)]
    held = {t.id for t in shown if t.id != result.renewal and holds_title(result, t)}
    needing = [t for t in shown if t.id not in held]
    every = set.intersection(*({c.id for c in t.criteria} for t in result.tiers.values())) if len(needing) > 1 else set()
    shared: list[tuple[str, list[str]]] = []
    out: list[tuple[str, list[tuple[str, list[str]]]]] = []
    said: set[str] = set()
    for t in shown:
        if t.id in held:
            out.append((t.title.get(lang), [(HELD_NO_MATERIALS.get(lang), [])]))
            continue
        own: list[tuple[str, list[str]]] = []
        seen: set[str] = set()
        for c in t.criteria:
            wanted = reviewed_evidence(result, t, c) if c.kind == "points" else c.evidence
            if c.status not in (MET, REVIEW) or not wanted:
                continue
            if c.id in every:
                docs = [e.get(lang) for e in wanted if e.get(lang) not in said]
                said.update(docs)
                if docs:
                    shared.append((c.title.get(lang), docs))
                continue
            docs = [e.get(lang) for e in wanted if e.get(lang) not in seen]
            seen.update(docs)
            if docs:
                own.append((c.title.get(lang), docs))
        if own:
            out.append((t.title.get(lang), own))
    if shared:
        out.insert(0, ("各层级共用" if lang == "zh" else "Shared by every tier", shared))
    return out


def reviewed_evidence(result: Result, tier: TierResult, c: CriterionResult) -> tuple[Text, ...]:
    """The evidence a points row needs (a score: each of its points rows awaiting review), with, for points
    awaiting review, that of the judgements answered yes they rest on (补短板's 配套关系证明): 2022's 5
    points for 补短板 scored a 专精特新 pass at exactly 60 with no document named for them (criteria.md §9)."""
    from littlegiant.errors import InputError

    rows = [k for k in tier.criteria if k.parent == c.id and k.kind == "points" and k.status == REVIEW] \
        if c.kind == "score" else [c]
    out: dict[Text, None] = {}
    for k in rows:
        out.update(dict.fromkeys(k.evidence))
        if k.status != REVIEW or result.rules is None:
            continue
        for path, value in k.inputs.items():
            try:
                f = field_for_path(result.rules, path)
            except InputError:  # an input that is no field's path
                continue
            if value is True and f.qualitative:
                out.update(dict.fromkeys(f.evidence))
    return tuple(out)


def set_args(plan: TierPlan, rules: RuleSet | None) -> list[str]:
    """The plan as ``--set`` arguments by path, for a script (the JSON's)."""
    assumed = [Change(p, field_for_path(rules, p), None, v).set_arg for p, v in plan.assumed.items()] if rules else []
    return assumed + [m.set_arg for m in plan.moves]



def said_name(rules: RuleSet, path: str, lang: str) -> str:
    """What a ``--set`` in a report calls a figure: its label as the report shows it (营业收入（2025年）),
    when ``--set`` reads that label back as this path; the path otherwise."""
    from littlegiant.errors import InputError
    from littlegiant.load.profile import set_field

    try:
        label = input_label(field_for_path(rules, path), path).get(lang)
        return label if "=" not in label and set_field(rules, label)[0] == path else path
    except InputError:
        return path


def said_sets(plan: TierPlan, rules: RuleSet, lang: str) -> list[str]:
    """The plan as ``--set`` arguments in the report's words, for the appendix a client may be handed:
    营业收入（2026年）=40, 高新技术企业=是, a choice by its name; a path only where no label reads back."""
    zh = lang == "zh"
    out = []
    for path, value in [*plan.assumed.items(), *((m.path, m.after) for m in plan.moves)]:
        labels = field_for_path(rules, path).choice_labels
        text = (("是" if value else "否") if zh else ("yes" if value else "no")) if isinstance(value, bool) else \
            labels[value].get(lang) if isinstance(value, str) and value in labels else \
            format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
        out.append(f"{said_name(rules, path, lang)}={text}")
    return out


def said_set(item: str, rules: RuleSet, lang: str) -> str:
    """The user's own ``--set`` for the appendix: a dotted path named by its label, the value as typed
    (a label that names its unit, 营业收入（元）（2025年）, stays as typed: its value is in that unit)."""
    from littlegiant.errors import InputError
    from littlegiant.load.profile import set_field

    name, _, text = item.partition("=")
    try:
        path = set_field(rules, name.strip())[0]
    except InputError:
        return item
    return f"{said_name(rules, path, lang)}={text}" if path == name.strip() else item


