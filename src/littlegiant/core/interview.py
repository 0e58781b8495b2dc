"""The adaptive interview: which question to ask next, and the answers so far.

No terminal here (``interactive.py`` does the prompting). After every answer the
profile is re-evaluated; a question is *relevant* only when its input is missing from
a criterion that can still move a tier: the criterion is unknown, every group above it
is unknown too (a met any-of or an unmet all-of is settled), and its tier is unknown.
Points items stay relevant while their tier is not unmet and its score is an interval.
Statuses only ever move from unknown to known as answers arrive, so a settled tier
never reopens and a question skipped as irrelevant never becomes relevant again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import field
from datetime import date
from decimal import Decimal
from typing import Any

from littlegiant import lazyre
from littlegiant.core import engine
from littlegiant.core.inputs import InputPaths, sibling_path, whole_of
from littlegiant.core.plan import applies
from littlegiant.core.result import UNKNOWN, UNMET, CriterionResult, Result, TierResult
from littlegiant.errors import InputError
from littlegiant.load import numerals
from littlegiant.load.answers import Conversion, brief, normalise, plain, quoting_typed, read_typed
from littlegiant.load.consistency import (
    FRACTION,
    GROWTH,
    LARGE,
    LARGE_PER_HEAD,
    NO_STAFF,
    RATIO,
    SHARE,
    SMALL,
    PartOverWhole,
    part_violations,
    unusual_figures,
)
from littlegiant.load.profile import (
    ANSWERED_UNDER,
    PartExceedsWhole,
    Profile,
    Scalar,
    check_value,
    field_for_path,
    field_words,
    year_in_path,
)
from littlegiant.load.rules import Derived, FieldDef, Node, RuleSet
from littlegiant.records import record


@record(frozen=True)
class Concern:
    """Something odd about an answer next to the answers already given.

    ``refused`` concerns (a part over its whole) cannot be true: the answer is asked again. The
    others are unusual but possible: the user confirms them. ``other`` is the answer it clashes
    with, if any; ``limit`` the bound it passes (a plausible maximum, or the growth in %)."""

    kind: str  # part_over_whole, whole_under_part (refused); above, below, growth, large, small, large_per_head,
    # fraction, ratio, share (confirmed). A share's two figures are the amount held to a share of the other (研发费用
    # of 营业收入), either one the answer; ``limit`` is the share (0.5 for half)
    refused: bool
    path: str
    value: Decimal
    other: str | None = None
    other_value: Decimal | None = None
    limit: Decimal | None = None
    violation: PartOverWhole | None = None  # a refused concern's two figures, as assess and batch report them


_SHARE = lazyre.compile(r"\s*(\w+)(\[y\])?\s*/\s*(\w+)(?(2)\[y\])\s*\*\s*100\s*")
"""A derived share of two amounts of one year, or of two counts, as the rule data writes it
(``rd_expense[y] / revenue[y] * 100``, ``rd_staff / employees * 100``)."""


_FIGURE_START = lazyre.compile(r"[\d.+\-−(¥]|[〇零一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾]|约|大约|大概|差不多|将近|接近|近(?=[\d.])"
                           r"|年均|年平均|平均"
                           r"|负|亏|赔|第|百分之|人民币|(?i:rmb|cny|about|around|approx|roughly|minus|loss|no\.)")
"""Where the figure starts in an answer typed after its name (营业收入3200万, 营收约3200万, revenue: 80m)."""
_BOUND_AFTER_NAME = lazyre.compile(r"近|将近|接近")
"""近 after a name (营收近1亿) says "nearly", a bound: refused as a sheet's cell of it is, never read as 约1亿."""
_LEAD_YEAR = lazyre.compile(r"(\d{4})(?:年度?|年末|年底)(?:末|底)?")
_NAME_JOINS = lazyre.compile(r"[:=：]|^的|(?:为|是|有|约为|大概是|共|合计|总计|总额|的)$|^(?:我们|公司|本公司|企业)(?:的)?")
_TAIL_NOTE = lazyre.compile(r"\((?:(\d{4})年?度?(?:年末|末|底)?|经审计|审计数|已审计|审计后|审定数|未经审计|未审计|未审|已审|审计前|报表数)\)$"
                        r"|(?<=[万元亿%人项年])(\d{4})年度?(?:年末|末|底)?$")
"""A note in brackets after the figure: its year (3200万（2025年）, 3200万（2025）) or its audit state (（审计数）,
（未审计）), which changes nothing the figure says; or its year after it (3200万元，2025年: the comma gone with the
separators): 3200万（2025） and 3200万 2025年 were refused as no amount."""
_NAME_NOTES = lazyre.compile(r"(?P<name>[^\d()\[\]【】]+?)(?P<notes>(?:[(\[【][^()\[\]【】]+[)\]】])+)")
"""A name with notes in brackets before its figure (净利润（合并）300万, 营业收入（2025年，母公司）2000万元, 净利润【母公司】
300万): the figure's words copied from a statement's line or a header, each refused as no amount."""
_NOTE = lazyre.compile(r"(?P<year>\d{4})年?度?(?:年末|末|底)?|(?P<word>今年|本年|去年|上年|上一年|前年)度?"
                       r"|经审计|审计数|已审计|审计后|审定数|未经审计|未审计|未审|已审|审计前|报表数"
                       r"|(?:金额)?(?:单位:?)?(?:人民币)?(?P<unit>万元|亿元|元|万|亿|人|项|年|%)")
"""What a note after a name may say that this reader settles: the year (a relative one too), the audit state
(nothing the figure says), or the unit the figure is in (营业收入（万元）2000, as a header is copied)."""
_NOTES_RUN = lazyre.compile(r"(?:\d{4}年?度?(?:年末|末|底)?|(?:今年|本年|去年|上年|上一年|前年)度?"
                            r"|经审计|审计数|已审计|审计后|审定数|未经审计|未审计|未审|已审|审计前|报表数"
                            r"|(?:金额)?(?:单位:?)?(?:人民币)?(?:万元|亿元|元|万|亿|人|项|年|%))+")
"""A run of such notes only: where one follows a note of another kind (母公司，2025年), the two are told apart."""
_BARE_NUMBER = lazyre.compile(r"(?:[:=]|为|是)?[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ALIASES: dict[str, tuple[str, ...]] = {
    "revenue": ("营收", "营业额", "年营收"), "total_assets": ("总资产",), "total_liabilities": ("总负债",),
    "employees": ("员工", "员工人数", "员工数", "职工", "职工人数", "人数", "staff", "headcount"), "net_profit": ("净利",),
}
"""Short names of a figure, as owners say them (营收 for 营业收入), taken before the figure as its label is."""
_RATIO = lazyre.compile(r"(?:率|占比|比重|比例|强度)$")
"""How a Chinese name of a share ends (负债率, 净利率, 研发费用占比, 研发投入强度)."""
_GROWTH = lazyre.compile(r"增长|增速|增幅|growth", re.IGNORECASE)
"""Words of a growth rate, which is no share of an amount (主营业务收入增长率 typed for 主营业务收入)."""
_SAME_AS_WHOLE = lazyre.compile(r"(?:(?:和|与|跟|同)(?P<name>[^\d\s]{1,10}?))?(?:一样|相同|一致)(?:的|啊|吧)?|同上"
                            r"|(?:全部|全都|全|都)(?:都)?(?:是|算)?(?:主营(?:业务)?(?:收入)?|主业|自主研发|研发(?:人员)?|科技人员"
                            r"|应用了|用上了|在用|产生了?效益|有效益|本企业)?(?:的|了)?"
                            r"|等于(?P<name2>[^\d\s不没无未非]{1,10})")
"""A part said to be all of its whole (全部都是主营, 都是, 都用上了, 和营业收入一样, 同上): the whole's answer. Only these
words: 都忘了 or 都不是 says something else."""
_RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": 1, "上年": 1, "上一年": 1, "前年": 2}
_RELATIVE_YEAR = lazyre.compile(r"^(?P<word>今年|本年|去年|上年|上一年|前年)度?|\((?P<word2>今年|本年|去年|上年|上一年|前年)度?\)$")
"""A year said relative to today (去年3200万, 3200万（去年）): 去年 is the interview's last year, 前年 the one before, 今年
this year's, which is no year asked. 去年3200万 to 2025's revenue was refused as no amount."""
_BRACKETED = lazyre.compile(r"（[^）]*）|\([^)]*\)")


def _key(text: str) -> str:
    """A name as compared: no spaces, hyphens or brackets' notes (资产总额（年末） is 资产总额), any case."""
    return re.sub(r"[\s\-]", "", _BRACKETED.sub("", text)).casefold()


def _pairs(text: str) -> set[str]:
    """The two-character runs of a Chinese name (负债总额: 负债, 债总, 总额), by which a short name of a
    share (负债率) is known to be of an amount (负债总额) and a base (资产总额) to be named in it."""
    key = _key(text)
    return {key[i:i + 2] for i in range(len(key) - 1)}


@record(frozen=True)
class Share:
    """One share the rules take of an amount: the quantity, its base's path and field, and the base's answer."""

    derived: Derived
    path: str
    base: FieldDef
    value: Decimal | None


@record(frozen=True)
class Question:
    """One input to ask for: a concrete profile path and its field definition."""

    path: str
    field: FieldDef
    year: int | None


def _score_open(tier: TierResult) -> bool:
    return tier.status != UNMET and tier.score_table is not None and tier.score_min != tier.score_max


def _live(tier: TierResult) -> list[CriterionResult]:
    """The criteria of ``tier`` whose answer could still change its status or score."""
    if tier.status == UNMET:
        return []
    status = {c.id: c.status for c in tier.criteria}
    parent = {c.id: c.parent for c in tier.criteria}
    prefix = f"{tier.score_table}.points." if tier.score_table else None
    live = []
    for c in tier.criteria:
        if c.status != UNKNOWN and not (c.kind == "points" and c.points_min != c.points_max):
            continue
        if prefix is not None and c.kind == "points" and c.id.startswith(prefix) and _score_open(tier):
            live.append(c)
            continue
        if tier.status != UNKNOWN or c.status != UNKNOWN:
            continue
        up = c.parent
        while up is not None and status.get(up) == UNKNOWN:
            up = parent.get(up)
        if up is None:
            live.append(c)
    return live


@record
class Interview:
    """The answers so far and the choice of the next question."""

    rules: RuleSet
    as_of: date
    renewal: str | None = None  # the tier renewed
    values: dict[str, Scalar] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)  # asked, answered "don't know"
    held: dict[str, Scalar | None] = field(default_factory=dict)  # taken back with "<", still saved
    approximate: set[str] = field(default_factory=set)  # answered as approximate (约500万): saved so, reported so
    percent_signed: set[str] = field(default_factory=set)  # shares answered with their % sign: no fraction meant
    asked_otherwise: dict[str, str] = field(default_factory=dict)
    """Answers a resumed file gave to another rule set's question (path → that set's id), to be asked
    again in these rules' words: until each is, the file keeps saying whose questions they answered."""
    _result: Result | None = None

    def __post_init__(self) -> None:
        self._paths = InputPaths(self.rules, self.as_of.year - 1)

    @property
    def last_year(self) -> int:
        return self.as_of.year - 1

    def profile(self) -> Profile:
        return Profile(dict(self.values), "<interview>", frozenset(self.approximate & self.values.keys()),
                       percent_signed=frozenset(self.percent_signed & self.values.keys()))

    def result(self) -> Result:
        if self._result is None:
            self._result = engine.evaluate(self.rules, self.profile(), self.as_of, self.renewal)
        return self._result

    def answered(self, path: str) -> bool:
        return path in self.values or path in self.unknown

    def weights(self) -> dict[str, float]:
        """How much each open question could settle: Σ 1/len(missing) over the live criteria needing it."""
        weights: dict[str, float] = {}
        for tier in self.result().tiers.values():
            for c in _live(tier):
                todo = [p for p in c.missing if not self.answered(p)]
                share = (1.0 if c.required else 0.5) / max(len(todo), 1)
                for p in todo:
                    weights[p] = weights.get(p, 0.0) + share
        renewed = self._renewed_title()
        if renewed is not None:  # asked first, whatever the criteria still need: a renewal starts from it
            weights[renewed] = float("inf")
        return weights

    def _renewed_title(self) -> str | None:
        """The title answer of the renewal named, while nobody has answered it. A renewal presumes the
        title held, but the engine never fills a blank (CONTRACT §2): unasked, the report told the user
        to "answer 是" to a question the interview had never put, whenever the criteria reading it were
        settled without it (小巨人 unmet on revenue, in a 专精特新 renewal)."""
        if self.renewal is None:
            return None
        path = f"titles.{self.renewal}"
        if self.answered(path) or path in self.held or all(f.path != path for f in self.rules.fields.values()):
            return None
        return path

    def next_question(self) -> Question | None:
        """The most decisive relevant question; ties go to the rule set's field order, latest year first."""
        weights = self.weights()
        if not weights:
            return None
        order = {f.id: i for i, f in enumerate(self.rules.fields.values())}

        def rank(p: str) -> tuple[float, int, int]:
            f = field_for_path(self.rules, p)
            return (-weights[p], order[f.id], -(year_in_path(f, p) or 0))

        path = min(weights, key=rank)
        f = field_for_path(self.rules, path)
        # a part after its whole, when the whole is to be asked too: asked first, 主营业务收入（2024年）
        # could not be put as 「营业收入（2024年）7,100万元，其中主营业务收入」, nor checked against it
        whole = whole_of(self.rules, f)
        while whole is not None and (at := sibling_path(f, path, whole)) in weights:
            path, f = at, whole
            whole = whole_of(self.rules, f)
        return Question(path, f, year_in_path(f, path))

    def plan_questions(self, asked: Iterable[str]) -> list[Question]:
        """The questions of ``asked`` (what the report's plans list as still to answer) nobody has
        answered: the interview asks only what decides a verdict today, so a tier settled as unmet
        (小巨人 on last year's revenue) never had its other questions put, and its plan for a later
        round ends in "still answer: 13 questions" with no way in the interview to answer them.

        A later year's figure (2026's main revenue, for a round on 2026 figures) is asked as last
        year's: the plan takes a later year not given from the nearest year given (here none from
        last year on), so last year's answer is the one that helps, and a finance manager has it; when last year's is answered already or not known, the later
        one is not asked. In the rule set's field order, latest year first, as the interview asks."""
        order = {f.id: i for i, f in enumerate(self.rules.fields.values())}
        found: dict[str, Question] = {}
        for path in asked:
            f = field_for_path(self.rules, path)
            year = year_in_path(f, path)
            if year is not None and year > self.last_year:
                path, year = f.concrete_path(self.last_year), self.last_year
            if not self.answered(path) and path not in self.held:
                found.setdefault(path, Question(path, f, year))
        return sorted(found.values(), key=lambda q: (order[q.field.id], -(q.year or 0)))

    def relevant(self, tier_id: str) -> set[str]:
        """The unanswered inputs that could still move ``tier_id``'s status or score."""
        tier = self.result().tiers[tier_id]
        return {p for c in _live(tier) for p in c.missing if not self.answered(p)}

    def possible(self, tier_id: str | None = None) -> set[str]:
        """Every input the rule set could ever ask about (for one tier, or all): the interview's ceiling."""
        paths: set[str] = set()
        for tid, tier in self.rules.tiers.items():
            if tier_id is None or tid == tier_id:
                for node in self._applicable(tier.criteria, self.renewal == tid):
                    paths |= self._paths.of_node(node)
        return self._with_wholes(paths)

    def _with_wholes(self, paths: set[str]) -> set[str]:
        """``paths`` and the wholes of the parts among them (the class I IP of those applied): the engine
        asks a blank part's whole too, since the whole alone can decide it (3 class I IP hold no 4 of a
        part), and the interview asks the whole first. Left out, the bound did not count a question it
        then asked: 「第 22 题，最多共 27 题」 was followed by 「第 23 题，最多共 28 题」."""
        out = set(paths)
        for path in paths:
            f = field_for_path(self.rules, path)
            whole = whole_of(self.rules, f)
            while whole is not None:
                path, f = sibling_path(f, path, whole), whole
                out.add(path)
                whole = whole_of(self.rules, f)
        return out

    def _applicable(self, node: Node, renewing: bool) -> Iterable[Node]:
        if applies(node, renewing):
            yield node
            for child in node.children:
                yield from self._applicable(child, renewing)

    def _whole_said(self, q: Question, text: str) -> Conversion | None:
        """The whole's answer, where ``text`` says the part is all of it (全部都是主营, 和营业收入一样, 同上, 都是自主研发的),
        as an owner answers 「营业收入3,200万元，其中主营业务收入？」 when there is no other business: each was refused
        as no amount. Only where the whole is answered; a name said must be the whole's (和营业收入一样)."""
        whole = self.whole(q)
        said = _SAME_AS_WHOLE.fullmatch(normalise(text))
        if whole is None or said is None:
            return None
        value = self.values.get(whole[0])
        if not isinstance(value, Decimal):
            return None
        name = _key(said.group("name") or said.group("name2") or "")
        names = (_key(whole[1].label.zh), *_ALIASES.get(whole[1].id, ()))
        if name and not any(name in label or label in name for label in names):
            return None
        return Conversion(text.strip(), value, whole[0] in self.approximate)

    def parse(self, q: Question, text: str) -> tuple[Scalar | None, Conversion | None]:
        """What typed text answers to ``q`` (None: "don't know"), and the conversion made, to be said back;
        nothing is recorded. A person answering here may say a start year for years in a market (counted
        to the end of this interview's last year) and 无 for a count or an amount (0). Bad text raises
        InputError."""
        whole = self._whole_said(q, text)
        if whole is not None:  # 全部都是主营: the whole's figure, said back
            return check_value(q.field, whole.value, where=q.path), whole
        bare = self._unnamed(q, text)
        try:
            value, said = read_typed(q.field, bare, where=q.path, numbered=True, last_year=self.last_year,
                                     none_is_zero=True, spoken=True)
        except InputError as exc:
            raise quoting_typed(exc, bare, text) from None
        if bare != text and isinstance(value, Decimal):  # 营业收入3200万: said back, the name read off as the question's own
            said = Conversion(text.strip(), value) if said is None else \
                Conversion(text.strip(), said.value, said.approximate, said.by_sign, said.since)
        return value, said

    def _unnamed(self, q: Question, text: str) -> str:
        """``text`` without the question's own name or year around its figure (营业收入3200万, 2025年营收约3200万,
        revenue: 80m, 3200万（2025年）, 3200万元（审计数）), as a finance manager copies them from the statement or
        says them: each was refused as no amount. A name of another figure (研发费用3200万 to the revenue) is left,
        and refused; another year (3200万（2024年） to 2025's revenue) is refused, saying which year is asked."""
        f = q.field
        if f.type not in ("int", "number", "money", "signed_money", "percent"):
            return text
        raw = numerals.spelled_years(normalise(text))  # 二〇二五年3200万: the year, as 2025年3200万 is
        year: str | None = None
        said_year = _RELATIVE_YEAR.search(raw)
        if said_year is not None:  # 去年3200万, 3200万（前年）: the year it names, as if written
            year_said = self.last_year + 1 - _RELATIVE_YEARS[said_year.group("word") or said_year.group("word2")]
            raw = raw[: said_year.start()] + (f"({year_said}年)" if said_year.start() else f"{year_said}年") \
                + raw[said_year.end():]
        tail = _TAIL_NOTE.search(raw)
        if tail is not None:
            year, raw = tail.group(1) or tail.group(2), raw[: tail.start()]
        # a figure of last year's end kept without a year (从业人员, 占有率: 填{year}年…) is last year's too
        asked = q.year if q.year is not None else self.last_year if f.help is not None and "{year}" in f.help.zh else None
        lead = _LEAD_YEAR.match(raw)
        noted = _NAME_NOTES.match(raw, lead.end() if lead is not None else 0)
        if noted is not None and noted.end() < len(raw):
            moved = self._name_notes(q, noted.group("notes"), raw[noted.end():])
            if moved is None:
                return text
            noted_year, notes = moved
            if lead is not None and noted_year not in (None, lead.group(1)):
                return text  # 2025年营业收入（2024年）: refused as before, not read as either year
            # two years said (营业收入（2025年）3200万（2024年）): the one not asked is named in the refusal below
            year = year if noted_year is None or (year is not None and noted_year == str(asked)) else noted_year
            raw = raw[: noted.end("name")] + raw[noted.end():] + notes
        head = _FIGURE_START.search(raw, lead.end() if lead is not None else 0)
        if head is not None and head.start() > 0:
            name = _key(_NAME_JOINS.sub("", raw[lead.end() if lead is not None else 0: head.start()]))
            english = re.findall(r"[a-z&]+", f.label.en.lower())  # revenue, of Operating revenue: a whole word
            names = (_key(f.label.zh), *_ALIASES.get(f.id, ()))
            if name and not ((len(name) >= 2 and any(name in label for label in names))
                             or name in english or name == "".join(english)):
                return text
            year = lead.group(1) if lead is not None else year
            raw = raw[head.start():]
            if _BOUND_AFTER_NAME.match(raw):  # 营收近1亿: a bound, as the other doors read it, not 约1亿
                return text
        elif tail is None:
            return text
        if year is not None and asked is not None and year != str(asked):
            raise InputError(kind="value.other_year", params={"shown": brief(text.strip()), "year": year,
                                                              "asked": str(asked)},
                             field=q.path, label=field_words(f, q.path))
        return raw

    def _name_notes(self, q: Question, notes: str, figure: str) -> tuple[str | None, str] | None:
        """What the bracketed ``notes`` after a name say of the ``figure`` after them: the year they name,
        and the notes to read after the figure, where the amount reader reads them as it does 3200万元（母公司）:
        a unit (营业收入（万元）2000 is 2000万元) and whose accounts or which tax basis it is on, read or refused
        there by what it means (母公司, 不含税 read; 合并, 含税 and 税前 refused saying which figure is asked).
        An audit state is dropped, as after the figure. None: a note that reader cannot place (a unit beside
        a figure with its own, two years), left to be refused as the whole text was."""
        year: str | None = None
        unit: str | None = None
        kept: list[str] = []
        for note in re.split(r"[)\]】][(\[【]", notes[1:-1]):
            rest = note
            while rest:
                found = _NOTE.match(rest)
                if found is None or not found.group():
                    # 母公司, 合并报表, 含税: judged by the amount reader; a note of ours after it read here
                    cut = next((i for i in range(1, len(rest)) if _NOTES_RUN.fullmatch(rest, i)), len(rest))
                    kept.append(rest[:cut])
                    rest = rest[cut:]
                    continue
                said = found.group("year") or (str(self.last_year + 1 - _RELATIVE_YEARS[found.group("word")])
                                               if found.group("word") else None)
                if said is not None:
                    if year not in (None, said):
                        return None
                    year = said
                said_unit = found.group("unit")
                if said_unit is not None:
                    money = q.field.type in ("money", "signed_money") and said_unit in ("万元", "亿元", "元", "万", "亿")
                    if unit is not None or not (money or said_unit == q.field.unit):
                        return None
                    unit = said_unit
                rest = rest[found.end():]
        if unit is not None and _BARE_NUMBER.fullmatch(figure) is None:
            return None  # 营业收入（万元）2000万: the unit twice
        return year, (f"({unit})" if unit is not None else "") + "".join(f"({note})" for note in kept)

    def answer(self, q: Question, text: str) -> Scalar | None:
        """Record an answer typed as text; empty is "don't know". Bad text raises InputError, a part
        above its whole (or a whole below a part) PartExceedsWhole."""
        value, _ = self.parse(q, text)
        if value is not None:
            for v in part_violations(self.rules, {**self.values, q.path: value}):
                if q.path in (v.part.path, v.whole.path):
                    raise PartExceedsWhole(v, field=q.path)
        self.record(q.path, value)
        return value

    def shares(self, q: Question) -> list[Share]:
        """The shares the rule set takes of ``q``'s amount (研发费用 / 营业收入) or count (研发人员 / 从业人员),
        each with its base's answer for the same year: a finance manager who types 4.5% for R&D expense
        (or 15% for R&D staff) gives the share they know, and can be told the figure it comes to, to
        type it if it is what they meant."""
        out = []
        for d in self.rules.derived.values():
            hit = _SHARE.fullmatch(d.expression.source)
            if hit is None or hit[1] != q.field.id or hit[3] not in self.rules.fields:
                continue
            base = self.rules.fields[hit[3]]
            path = sibling_path(q.field, q.path, base)
            value = self.values.get(path)
            out.append(Share(d, path, base, value if isinstance(value, Decimal) else None))
        return out

    def shares_named(self, q: Question, name: str) -> list[Share]:
        """The shares of ``q``'s amount that ``name``, typed before a percentage (资产负债率45%), can
        mean: by the rule data's name of one (资产负债率, 净利润率), or by a short name of a share of this
        amount (负债率, 净利率, 研发费用占比) narrowed to the bases it names (研发费用占营业收入的比例: of
        revenue, not of total costs); none for a share of something else (资产负债率 typed for 净利润,
        毛利率, 研发人员占比, a growth rate), whose figure comes to no amount asked here. An empty name:
        every share of the amount, as for a bare 45%."""
        shares = self.shares(q)
        key = _key(name)
        if not key:
            return shares
        if _GROWTH.search(key):
            return []
        own = _pairs(q.field.label.zh)
        said = _pairs(name)
        named = [s for s in shares if (_pairs(s.base.label.zh) - own) & said]
        if key.startswith("占") and named:  # 占营业收入的: the base alone
            return named
        ours = {s.derived.id for s in shares}
        for d in self.rules.derived.values():
            labels = (_key(d.label.zh), _key(d.label.en))
            if key in labels:
                return [s for s in shares if s.derived.id == d.id]
            if d.id not in ours and any(key in label or label in key for label in labels):
                return []  # 研发人员占比, 主营业务收入增长率: another quantity's name, or a part of it
        if not _RATIO.search(key.removesuffix("的")) or not own & said:
            return []
        return named or shares

    def whole(self, q: Question) -> tuple[str, FieldDef] | None:
        """The path and field of the whole ``q`` is a part of (its revenue for a main revenue)."""
        whole = whole_of(self.rules, q.field)
        return (sibling_path(q.field, q.path, whole), whole) if whole is not None else None

    def concerns(self, q: Question, value: Scalar | None, signed: bool = False) -> list[Concern]:
        """What is odd about answering ``value`` to ``q``, given the other answers: the rule data's
        part-of relations, unusual figures and implausible sizes (consistency.py: the same findings
        ``assess FILE`` and ``batch`` warn of). ``signed``: a share typed with its % sign (0.5%)."""
        if not isinstance(value, Decimal):
            return []
        path = q.path
        values = {**self.values, path: value}
        out: list[Concern] = []
        for v in part_violations(self.rules, values):
            if v.part.path == path:
                out.append(Concern("part_over_whole", True, path, value, v.whole.path, v.whole.value, violation=v))
            elif v.whole.path == path:
                out.append(Concern("whole_under_part", True, path, value, v.part.path, v.part.value, violation=v))
        for w in unusual_figures(self.rules, values, frozenset({path} if signed else ()), last_year=self.last_year):
            if w.kind == SHARE:  # R&D over half of revenue, main business (costs, assets) under its share of it:
                # asked at the answer that completes the pair, as the debt ratio typed as a percent is; said only
                # in the report afterwards, the finance manager had long left the figure to check
                if w.other is not None and path in (w.figure.path, w.other.path):
                    other = w.other if w.figure.path == path else w.figure
                    out.append(Concern(SHARE, False, path, value, other.path, other.value, w.limit))
                continue
            if w.kind == NO_STAFF:  # 0 staff beside revenue: at either answer, in its own words
                if w.other is not None and path in (w.figure.path, w.other.path):
                    other = w.other if w.figure.path == path else w.figure
                    out.append(Concern(NO_STAFF, False, path, value, other.path, other.value))
                continue
            if w.kind in (SMALL, LARGE_PER_HEAD):  # revenue too small (large) for the head count: at either answer
                if w.other is not None and path in (w.figure.path, w.other.path):
                    other = w.other if w.figure.path == path else w.figure
                    out.append(Concern(w.kind, False, path, value, other.path, other.value, w.limit))
                continue
            if w.kind == RATIO:  # a ratio typed for the amount: said at the amount (the report says it either way)
                if w.figure.path == path and w.other is not None:
                    out.append(Concern(RATIO, False, path, value, w.other.path, w.other.value, limit=w.limit))
                continue
            if w.kind in (LARGE, FRACTION) or w.other is None:
                if w.figure.path == path:
                    out.append(Concern(FRACTION if w.kind == FRACTION else "large", False, path, value, limit=w.limit))
                continue
            if path not in (w.figure.path, w.other.path):
                continue
            other = w.other if w.figure.path == path else w.figure
            if w.kind == GROWTH:
                out.append(Concern("growth", False, path, value, other.path, other.value, w.growth))
            else:  # this figure above the other, or the other above this one
                out.append(Concern("above" if w.figure.path == path else "below", False, path, value,
                                   other.path, other.value))
        return out

    def remaining_paths(self) -> set[str]:
        """Every input the unsettled criteria could still read or have asked (a blank part's whole) and
        nobody has answered yet: the interview's "at most N questions", which must never rise."""
        paths: set[str] = set()
        for tier in self.result().tiers.values():
            for c in _live(tier):
                paths |= self._paths.of_criterion(c)
        paths = self._with_wholes(paths)
        renewed = self._renewed_title()
        return {p for p in paths if not self.answered(p)} | ({renewed} if renewed else set())

    def forget(self, path: str) -> None:
        """Take an answer back (the user went back to it): the question is open again, but the file
        keeps the answer until a new one replaces it, so that stopping there loses nothing."""
        if path in self.values or path in self.unknown:
            self.held[path] = self.values.get(path)
        self.values.pop(path, None)
        self.unknown.discard(path)
        self._result = None

    def keep(self, path: str) -> None:
        """Keep the answer ``path`` had before it was asked again: Enter at a question the user came
        back to (with "<" or from the summary) must never erase what was there, only a new answer may."""
        if path in self.held:  # as it was said: a kept 约500万 stays approximate, a kept 0.5% a percentage
            self.record(path, self.held[path], path in self.approximate, path in self.percent_signed)

    def record(self, path: str, value: Scalar | None, approximate: bool = False, signed: bool = False) -> None:
        """Take ``value`` as the answer to ``path``; ``approximate``: it was said as 约500万; ``signed``:
        a share said with its % sign (0.5%)."""
        self.held.pop(path, None)
        for said, paths in ((approximate, self.approximate), (signed, self.percent_signed)):
            if said and value is not None:
                paths.add(path)
            else:
                paths.discard(path)
        if value is None:
            self.values.pop(path, None)
            self.unknown.add(path)
        else:
            self.unknown.discard(path)
            self.values[path] = value
        self._result = None

    def saved_paths(self) -> set[str]:
        """The paths the save file holds: the answers, the don't-knows, and those taken back with "<"
        (kept until answered anew). What the user is told was saved counts these, not the answers
        in force, or a file holding a name would be called empty."""
        return set(self.values) | self.unknown | set(self.held)

    def saved_data(self) -> dict[str, Any]:
        """The answers as a nested profile (field order, latest year first); don't-knows are null."""
        order = {f.id: i for i, f in enumerate(self.rules.fields.values())}
        entries: list[tuple[int, int, str, Scalar | None]] = []
        for path in self.saved_paths():
            f = field_for_path(self.rules, path)
            value = self.values.get(path, self.held.get(path))
            entries.append((order[f.id], -(year_in_path(f, path) or 0), path, value))
        # whose questions were answered: another set's, while one of its answers waits to be asked again
        pending = [under for path, under in self.asked_otherwise.items() if path in self.held]
        out: dict[Any, Any] = {ANSWERED_UNDER: pending[0] if pending else self.rules.id} if entries else {}
        for _, _, path, value in sorted(entries, key=lambda e: (e[0], e[1])):
            node = out
            parts = path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(int(part) if part.isdigit() else part, {})
            last = parts[-1]
            # an answer taken back with "<" is saved as it was said until a new one is given: written
            # as a bare 200 there, 约200 lost its mark (and the report its check) at a Ctrl-C
            if path in self.approximate and isinstance(value, Decimal):
                value = f"约{plain(value)}"  # read back as approximate (the report, a resumed interview)
            if path in self.percent_signed and isinstance(value, (Decimal, str)):
                value = f"{value if isinstance(value, str) else plain(value)}%"  # read back as no fraction
            node[int(last) if last.isdigit() else last] = value
        return out


def null_paths(data: Any, prefix: str = "") -> Iterable[str]:
    """The dotted paths a saved profile holds as null: the questions answered "don't know"."""
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}{key}"
            if value is None:
                yield path
            elif isinstance(value, dict):
                yield from null_paths(value, path + ".")


def dump_profile(data: dict[str, Any], header: str) -> str:
    """YAML text of a nested profile that the strict loader reads back to the same values."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            """Never an anchor: a profile read back shares one Decimal among equal small numbers
            (profile._SMALL), and ``tech_staff: *id001`` is no answer a finance manager can read."""
            return True

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
        text = format(value, "f")
        tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
        return dumper.represent_scalar(tag, text)

    _Dumper.add_representer(Decimal, decimal)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return header + body
