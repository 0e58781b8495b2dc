"""Spreadsheet-shaped input: column headers in either language, whole-row validation, a header's
mistakes found once. (The words batch writes, and its templates, are report/table.py.)

A sheet filled in by a finance manager has Chinese headers (营业收入（2025年）), a consultant's
script has field ids (financials.2025.revenue); both name the same field. A row is checked whole,
so that its error lists every problem with its column, not only the first.
"""

from __future__ import annotations

import copy
import itertools
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from littlegiant import lazyre
from littlegiant.errors import InputError
from littlegiant.i18n import STATUS
from littlegiant.load.answers import (
    FOREIGN_CODES,
    FOREIGN_CURRENCIES,
    MONEY_TYPES,
    MONEY_UNITS,
    percent_signed,
    read_typed,
)
from littlegiant.load.expr import Expression
from littlegiant.load.profile import (
    FLOW_COMMA,
    PartExceedsWhole,
    Profile,
    Scalar,
    answer_label,
    check_parts,
    comma_pieces,
    field_for_path,
    field_words,
    input_label,
    year_in_path,
)
from littlegiant.load.rules import FieldDef, RuleSet
from littlegiant.load.yamlio import LineDict, excel_number
from littlegiant.messages import Text, column_label, nearest

PROBLEMS_SEPARATOR = "\n"
"""Between the problems of one row in its error cell. Messages quote what users typed with repr,
so a problem never holds a newline of its own, and the xlsx errors sheet can split them again."""


class RowError(InputError):
    """Every problem of one row, with the company's name so that the error row still says whose it is."""

    def __init__(self, errors: list[InputError], name: str | None, ids: tuple[str, str] = ("", "")) -> None:
        super().__init__(PROBLEMS_SEPARATOR.join(map(str, errors)))
        self.errors = errors
        self.name = name
        self.ids = ids  # the row's 统一社会信用代码 and 序号 where its cells are not the item's (a joined row's)

    def render(self, lang: str) -> str:
        """Every problem of the row in ``lang``."""
        return PROBLEMS_SEPARATOR.join(e.render(lang) for e in self.errors)


_YEAR = lazyre.compile(r"\(?(19\d\d|20\d\d|2100)(?:年度|年)?\)?")
_TRAILING_GROUP = lazyre.compile(r"\([^()]*\)$")
_GROUP = lazyre.compile(r"\(([^()]*)\)")
_GROUP_SEP = lazyre.compile(r"[,、;/]")


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"), None)
"""Characters no one sees: zero-width spaces and joiners a header copied from a web page carries, and a
second byte-order mark a file saved twice with one (its 企业名称 column was not read: no company named)."""


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """A header as compared: full-width forms folded (（）→()), letter case, spaces and invisible marks ignored,
    an English unit of money in brackets as its Chinese name (_ENGLISH_UNITS). Kept: a batch asks it of the
    same headers and rule labels row after row (other_questions, some 100 a row of a sheet answered under 2022
    and judged under 2026, took a fifth of that run)."""
    folded = "".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).lower().split())
    if folded[:1] in _REQUIRED_MARKS or folded[-1:] in _REQUIRED_MARKS:
        folded = folded.strip(_REQUIRED_MARKS) or folded
    return _ENGLISH_UNIT.sub(_chinese_unit, folded) if "(" in folded else folded


_REQUIRED_MARKS = "*★☆※▲△◆◇"
"""The marks a template puts before or after a header it requires (*企业名称, 营业收入（2025年）*, ★研发费用): the
name column so marked was not found, and each figure so marked stopped the run as naming no field."""


def _english_units() -> dict[str, str]:
    """English names of a unit of money as a header writes them in brackets (folded: lower case, no spaces
    or commas) → the Chinese unit: (CNY), (RMB), (yuan) are 元; (10k CNY), the reports' own name of 万元,
    (CNY 10,000) are 万元; (CNY '000), (thousand RMB) 千元; (CNY million), (RMB m) 百万元; (100m CNY) 亿元."""
    scales = {"": "元", "k": "千元", "thousand": "千元", "'000": "千元", "10k": "万元", "10000": "万元",
              "10thousand": "万元", "tenthousand": "万元", "m": "百万元", "mn": "百万元", "million": "百万元",
              "100m": "亿元", "100mn": "亿元", "100million": "亿元", "hundredmillion": "亿元"}
    # the plurals and forms of English accounts (RMB thousands, RMB 1,000, CNY mln, in thousands of RMB):
    # each was read in 万元 without a word, 30,000 thousand yuan as 30,000万 (a 小巨人's revenue)
    scales |= {"thousands": "千元", "1000": "千元", "tenthousands": "万元", "10thousands": "万元",
               "millions": "百万元", "mln": "百万元", "100millions": "亿元", "hundredmillions": "亿元",
               # (CNY bn) was read in 万元: 1.2 billion yuan as 1.2万 (a second review)
               "bn": "十亿元", "bln": "十亿元", "billion": "十亿元", "billions": "十亿元"}
    out = {"wanyuan": "万元"}
    for currency in ("cny", "rmb", "yuan", "¥", "rmb¥", "rmbyuan", "yuanrmb"):
        for scale, unit in scales.items():
            for said in (f"{scale}{currency}", f"{currency}{scale}", *((f"{scale}of{currency}", f"{currency}in{scale}")
                                                                        if scale else ())):
                out[said] = out[f"in{said}"] = unit
    # a scale alone, as an English ledger heads its figures ('000), (thousands), (RMB is said above the
    # table or nowhere): each was read in 万元, 30,000 thousand yuan as 30,000万 (3亿) without a word
    for scale, unit in scales.items():
        if scale and not scale.isdigit():
            out.setdefault(scale, unit)
            out.setdefault(f"in{scale}", unit)
    return out


_ENGLISH_UNITS = _english_units()
_ENGLISH_UNIT = lazyre.compile(r"\(([^()]*)\)")


def _chinese_unit(found: re.Match[str]) -> str:
    """A bracketed group, or its English unit of money by its Chinese name: 营业收入 given as "Operating
    revenue 2025 (CNY)" was read in 万元, 30,000,000 yuan as 30,000,000 万元 (a 小巨人's revenue test met),
    where 营业收入（2025年）（元） is read in 元."""
    said = found.group(1)
    unit = _ENGLISH_UNITS.get(said.replace(",", "").removeprefix("unit:").removeprefix("units:"))
    if unit is None and _GROUP_SEP.search(said):
        # a unit beside other words, as 营业收入（2025年度,万元） has it: 'Revenue 2025 (RMB, audited)' was read in
        # 万元, 30,000,000 yuan as 30,000,000万. Each part folded alone (RMB 1,000's comma is the whole's, above)
        parts = re.split(f"({_GROUP_SEP.pattern})", said)  # the separators kept, at the odd places
        folded = [p if i % 2 else _ENGLISH_UNITS.get(p.removeprefix("unit:").removeprefix("units:"), p)
                  for i, p in enumerate(parts)]
        return found.group(0) if folded == parts else f"({''.join(folded)})"
    return found.group(0) if unit is None else f"({unit})"


HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("公司名称", "单位名称", "企业全称", "公司全称", "单位全称", "申报单位", "申报单位名称", "纳税人名称", "企业",
             "企业名", "名称", "公司"),
    "industry": ("所属行业", "行业类别", "所属行业类别", "行业分类"),
    "employees": ("从业人员", "从业人员数", "从业人数", "职工人数", "职工总数", "职工数", "员工人数", "员工总数",
                  "员工数", "年末从业人员", "年末从业人数", "上年末从业人员", "上年末从业人数", "去年末从业人员",
                  "去年末从业人数"),
    "rd_staff": ("研发人员", "研发人员数", "研发人数", "研发人员数量", "R&D staff"),
    "tech_staff": ("科技人员", "科技人员数", "科技人员数量", "Science and technology staff"),
    "revenue": ("营收", "营业收入", "营业总收入", "Revenue", "Total revenue", "Sales revenue", "Turnover"),
    "main_revenue": ("主营收入", "主营业务收入", "主营业收入"),
    "rd_expense": ("研发费用", "研发费用总额"),
    "total_assets": ("资产总额", "总资产", "资产总计"),
    "total_liabilities": ("负债总额", "总负债", "负债合计"),
    "ip_class1": ("Ⅰ类知识产权", "有效Ⅰ类知识产权", "一类知识产权", "有效一类知识产权",
                  "与主导产品相关的Ⅰ类知识产权", "与主导产品相关的有效一类知识产权"),
    "ip_class2": ("Ⅱ类知识产权", "有效Ⅱ类知识产权", "二类知识产权", "有效二类知识产权",
                  "与主导产品相关的Ⅱ类知识产权", "与主导产品相关的有效二类知识产权"),
    "ip_class1_high_value": ("其中Ⅰ类高价值知识产权", "高价值Ⅰ类知识产权", "…of which high-value"),
    "ip_class1_self": ("自主研发Ⅰ类知识产权", "自主研发的Ⅰ类知识产权", "其中自主研发获得的Ⅰ类知识产权",
                       "…of which self-developed (not transferred in)", "…of which self-developed"),
    "ip_class1_applied": ("其中实际应用并已产生经济效益的Ⅰ类知识产权", "…of which applied and already earning"),
    "domestic_share": ("国内市场占有率", "国内细分市场占有率", "主导产品国内市场占有率"),
    "international_share": ("国际市场占有率", "国际细分市场占有率", "主导产品国际市场占有率"),
    "domestic_rank": ("国内细分市场排名", "国内市场排名", "主导产品国内市场排名", "国内市场占有率排名",
                      "国内细分市场占有率排名", "主导产品国内市场占有率排名", "国内市场份额排名",
                      "细分市场占有率全国排名", "主导产品细分市场占有率全国排名", "市场占有率全国排名",
                      "全国细分市场排名", "细分市场全国排名"),  # 全国: the country's, the domestic rank
    "platform_score": ("专精特新发展评价得分", "发展评价得分", "专精特新评价得分", "本年度专精特新发展评价得分",
                       "平台得分", "平台评价得分", "梯度培育平台得分"),  # the score by where it is read (官方平台)
    "high_tech": ("高新技术企业", "高企", "高新企业", "高新技术企业证书", "国家高新技术企业"),
    "rd_institution": ("研发机构", "研发机构级别", "研发机构等级", "研发机构最高级别", "经认定的研发机构级别",
                       "研发机构的最高级别"),
    "digital_level": ("数字化水平", "数字化水平等级", "数字化等级", "数字化水平评测等级", "数字化评测等级"),
    "niche_years": ("细分市场年限", "从事细分市场年限", "从事特定细分市场年限", "细分市场从业年限",
                    "深耕细分市场年限", "从事细分市场年数"),
}
"""Headers parks use for a field, beyond its labels: each means that field under criteria.md and
nothing else (职工人数 is 从业人员 for 科技型 too; Ⅰ类 and I类 fold alike), and the labels earlier templates
headed columns with (研发人员, 其中Ⅰ类高价值知识产权, "…of which high-value"), so a sheet filled in from
one still reads. Ambiguous ones are not here but in AMBIGUOUS_HEADERS: a column of them stops the run
with what to write instead."""
TITLE_HEADERS: dict[str, tuple[str, ...]] = {
    "title_tech": ("科技型中小企业入库", "入库科技型中小企业"),  # 入库 is the title's own word: 是/否 held
    "title_zjtx": ("省级专精特新中小企业", "省级专精特新企业", "省级专精特新"),  # a province confers it
}
"""Title columns as parks head them, read by these exact names only (a title's own bare name: BARE_TITLES):
as HEADER_ALIASES they were also the near names a hint offers, and 专精特新中小企业 vanished or
市级专精特新企业 (a city's title, not the province's 小巨人 asks for) stopped the run with 您是不是想写
the provincial title, and 科技型中小企业入库年份 was steered to a yes/no."""
BARE_TITLES: dict[str, tuple[str, ...]] = {
    "title_innovative": ("创新型中小企业",),
    "title_tech": ("科技型中小企业",),
    "title_zjtx": ("专精特新中小企业", "专精特新企业", "专精特新"),
    "title_little_giant": ('专精特新"小巨人"企业', "专精特新“小巨人”企业", "专精特新小巨人企业", "小巨人企业", "小巨人"),
}
"""A title as a park heads its 是/否 column, the title's bare name (专精特新中小企业, 创新型中小企业（是/否）):
read as the title held, by these exact names only. The same words head batch's result columns, whose
满足/不满足 are verdicts: such a cell is passed over (``row_profile``), as is the column beside a fuller
one that answers (是否专精特新中小企业), and a cell that is no yes or no (2024, 省级). Passed over whole,
every company of a park's sheet had its titles unknown, and 小巨人 未知 with the sheet's 是 beside it."""
NAME_HEADERS = frozenset(norm(h) for h in ("企业名称", "name", *HEADER_ALIASES["name"]))
"""Headers of the company-name column: a sheet with none of them and no header found is no list of
companies (a 统计 sheet beside the list)."""
def names_companies(header: str) -> bool:
    """Whether a header cell may head a column of company names (企业名称, 单位全称, Company name):
    a sheet with none, whose header is not found, is no list of companies but a summary beside it
    (区域 | 企业数 | 营业收入合计); one with such a column is a list the reader failed to read."""
    folded = _bare(norm(header))
    return folded in NAME_HEADERS or folded in ("company", "企业名", "公司名") or folded.endswith(_NAME_ENDINGS)


def tells_companies_apart(header: str) -> bool:
    """Whether a header cell heads a column that tells a sheet's companies apart: their names
    (``names_companies``) or their 统一社会信用代码. A remark in brackets after it (企业名称（必填）,
    统一社会信用代码（18位）) changes nothing, as the rows read their names from it all the same: a
    second list so headed was passed over as a summary sheet, every company of it lost."""
    return names_companies(header) or id_kind(header) == 0


SUMMARY_COUNTS = frozenset(norm(h) for h in (
    "企业数", "企业数量", "企业个数", "企业户数", "企业家数", "企业数目", "公司数", "单位数", "户数", "家数", "个数",
    "数量", "数目", "企业总数", "合计企业数"))
"""Headers of a count column (企业数, 户数（户）): a table with one counts companies, one row a group."""
SUMMARY_GROUPS = frozenset(norm(h) for h in (
    "所属行业", "行业", "行业类别", "行业分类", "地区", "所属地区", "区域", "所属区域", "区县", "县区", "园区", "所属园区",
    "街道", "镇街", "乡镇", "类别", "分类", "企业类型", "规模", "企业规模"))
"""Headers of a first column of groups (所属行业 | 企业数 …): each row a category, not a company."""


def looks_like_summary(header: list[str]) -> bool:
    """Whether a header with no column naming companies heads a summary (按行业汇总: 所属行业 | 企业数 |
    营业收入合计), not a list whose name column is headed in words not known (客户, 申报主体): it counts
    companies, or its first column holds groups. Only such a sheet, beside a list, is passed over: any
    other was passed over whole too, its companies gone with a note, where read alone it is scored."""
    filled = [h for h in header if h and h.strip()]
    return bool(filled) and (_bare(norm(filled[0])) in SUMMARY_GROUPS or any(map(counts_companies, filled)))


def _bare(folded: str) -> str:
    """A folded header without the remarks in brackets at its end (企业名称(必填)(盖章) → 企业名称)."""
    while True:
        shorter = _TRAILING_GROUP.sub("", folded)
        if shorter == folded or not shorter:
            return folded
        folded = shorter


_NAME_ENDINGS = ("名称", "名字", "全称", "name")
BARE_NAME_HEADERS = frozenset({"企业", "企业名", "名称", "公司"})
"""Name headers that say less than 企业名称: the company's name when the sheet has no other name
column, passed over beside one (企业名称 | 企业 is not a column given twice)."""
YES_NO_ALIASES: dict[str, tuple[str, ...]] = {
    "title_innovative": ("创新型中小企业", "创新型中小企业称号"),
    "title_tech": ("科技型中小企业", "科技型中小企业入库", "入库科技型中小企业"),
    "title_zjtx": ("专精特新中小企业", "专精特新企业", "专精特新", "专精特新中小企业称号", "省级专精特新中小企业",
                   "省级专精特新企业", "省级专精特新"),
    "title_little_giant": ('专精特新"小巨人"企业', "专精特新小巨人企业", "小巨人企业", "小巨人", '专精特新"小巨人"',
                           "专精特新小巨人", "专精特新“小巨人”企业", "专精特新“小巨人”"),
    "registered_in_china": ("境内注册独立法人", "境内注册的独立法人", "境内独立法人", "独立法人", "具有独立法人资格",
                            "境内注册", "在境内注册", "境内工商注册", "境内工商注册登记", "境内注册登记",
                            "境内注册、具有独立法人资格", "境内工商注册登记、具有独立法人资格"),
    "abnormal_operation": ("列入经营异常名录", "在经营异常名录", "在经营异常名录中", "经营异常", "存在经营异常",
                           "有经营异常", "列入经营异常", "被列入经营异常"),
    "serious_dishonesty": ("列入严重失信主体名单", "列入严重失信名单", "被列入严重失信名单", "严重失信", "存在严重失信",
                           "有严重失信", "严重失信主体", "失信", "存在失信", "有失信", "列入失信名单", "被列入失信名单"),
    "prohibited_products": ("属于国家禁止、限制或淘汰类", "产品属于国家禁止、限制或淘汰类", "属于禁止、限制或淘汰类",
                            "产品属于禁止、限制或淘汰类", "属于国家禁止、限制、淘汰类", "产品属于国家禁止、限制、淘汰类",
                            "属于淘汰类", "属于禁止类", "禁止、限制或淘汰类产品", "禁止、限制、淘汰类产品"),
    # no major_incident: 重大 is 2022's bar, 较大 2026's, and a bare 事故 any accident; a header is read
    # only as a set's own label (是否 in it or not), the other set's as asked under it (asked_under)
    "tax_violation": ("有偷漏税行为", "近三年有偷漏税行为", "偷漏税", "偷漏税行为", "存在偷漏税", "存在偷漏税行为",
                      "有偷漏税", "近三年偷漏税", "有偷漏税等违法违规行为", "存在偷漏税等违法违规行为"),
    "data_fabrication": ("有数据造假行为", "数据造假", "数据造假行为", "存在数据造假", "存在数据造假行为", "有数据造假",
                         "近三年数据造假"),
    "single_champion": ("单项冠军", "制造业单项冠军", "单项冠军企业", "制造业单项冠军企业", "单项冠军产品",
                        "制造业单项冠军企业或产品"),
}
"""Titles and the questions every tier asks first (the red lines), as a yes/no column names them after
是否 or 有无 (是否专精特新中小企业, 是否有偷漏税行为, 是否列入经营异常名录, 是否失信): a park asks them so, and the columns were passed over as 与评估无关, every company's tiers
left 未知; or titles as 称号 in the profile's own words. A title's bare name (专精特新中小企业), which heads
batch's result columns too, is BARE_TITLES. 失信 is the 严重失信主体名单 a park's sheet means by it."""
AMBIGUOUS_HEADERS: dict[str, tuple[Text, tuple[str, ...]]] = {
    **dict.fromkeys(("发明专利", "有效发明专利", "授权发明专利", "发明专利数", "发明专利数量"), (
        Text("发明专利只是Ⅰ类知识产权的一种", "invention patents are one kind of class I IP"), ("ip_class1",))),
    **dict.fromkeys(("知识产权", "有效知识产权", "知识产权数", "知识产权数量", "专利", "专利数", "专利数量", "有效专利"), (
        Text("没有分Ⅰ类和Ⅱ类", "class I and class II are not told apart"), ("ip_class1", "ip_class2"))),
    **dict.fromkeys(("市场占有率", "细分市场占有率", "市场份额", "主导产品市场占有率", "主导产品细分市场占有率"), (
        Text("没有写明国内还是国际", "domestic or international is not said"), ("domestic_share", "international_share"))),
    **dict.fromkeys(("市场排名", "细分市场排名", "市场占有率排名", "细分市场占有率排名", "主导产品市场占有率排名",
                     "主导产品细分市场占有率排名", "市场份额排名", "占有率排名"), (
        Text("没有写明国内还是国际", "domestic or international is not said"), ("domestic_rank",))),
    **dict.fromkeys(("评价得分", "得分", "评分", "总得分", "评价分数"), (
        Text("没有写明是哪一项得分", "which score is not said"),
        ("platform_score", "platform_score_previous", "characteristic_score"))),
    **dict.fromkeys(("研发投入", "研发经费", "研发投入总额", "研发经费支出", "r&d经费", "r&d投入", "r&d经费支出",
                     "研发经费投入"), (
        Text("研发投入可能含研发费用以外的支出", "R&D spending may hold more than the R&D expense"), ("rd_expense",))),
    **dict.fromkeys(("销售收入", "年销售收入", "收入", "销售额", "年销售额", "销售总额", "营业额"), (
        Text("没有写明是营业收入还是主营业务收入", "operating or main-business revenue is not said"),
        ("revenue", "main_revenue"))),
}
"""Headers that nearly name a field but could mean more than one thing (criteria.md: 发明专利 is a
part of Ⅰ类; a market share is domestic or international), by ``norm``: the run stops and says
which names to use."""
_IP_CLASS1_KINDS = lazyre.compile(r"发明|布图设计|植物新品种|农作物品种|新药|中药保护品种")
_IP_CLASS1_NAMES = {"发明": Text("发明专利", "invention patents"),
                    "布图设计": Text("集成电路布图设计", "integrated circuit layout designs"),
                    "植物新品种": Text("植物新品种", "plant varieties"), "农作物品种": Text("国家级农作物品种", "crop varieties"),
                    "新药": Text("国家新药", "national new drugs"),
                    "中药保护品种": Text("国家一级中药保护品种", "protected traditional Chinese medicines")}
"""What each kind of Ⅰ类 a header names is called in a refusal (criteria.md §7)."""
_IP_CLASS2_KINDS = lazyre.compile(r"实用新型|外观设计|著作权|软著")
_IP_WORDS = lazyre.compile(r"专利|知识产权|" + _IP_CLASS1_KINDS.pattern + "|" + _IP_CLASS2_KINDS.pattern)
_IP_NOT_A_COUNT = lazyre.compile(r"申请|受理|企业|示范|优势|贯标|体系|认证|质押|融资|许可|费|收入|金额|元|商标|奖|情况|概况|简介")
"""Words of an IP column that counts no IP the rules read: applications (not granted), a title (知识产权
示范企业), a certification (知识产权贯标), an amount (专利许可收入, 质押融资金额), a trademark (not Ⅱ类), an
award (中国专利奖: a yes/no of its own, never a count), a description (专利情况)."""


def ip_unclear(folded: str) -> tuple[Text, tuple[str, ...]] | None:
    """Why a header (by ``norm``) counting patents, copyrights or IP (有效发明专利数量, 授权专利数, 实用新型
    专利数（件）, 软件著作权数) is no count the rules read, and the fields to head it as; None for any other
    header. Each of them was passed over as 与评估无关, every company's IP left unknown with a note few read,
    while 发明专利数 beside them stopped the run naming the column to use. None of them is certainly a field:
    发明专利 are one kind of Ⅰ类 (criteria.md §7: 植物新品种, 集成电路布图设计 … count too), 软件著作权 one kind
    of Ⅱ类, 实用新型 and 外观设计 Ⅱ类 only once maintained over 2 years, and 专利 may be either class; read as
    the field, a company with 3 invention patents and 1 layout design had 3 of the 4 Ⅰ类 小巨人 asks, and failed."""
    if not _IP_WORDS.search(folded) or _IP_NOT_A_COUNT.search(folded) or _NOT_A_FIGURE.search(folded) \
            or _DERIVED.search(folded) or _CLASS.search(folded):
        return None  # (a column naming its class, Ⅰ类知识产权数, is the class's: read or told as before)
    first, second = _IP_CLASS1_KINDS.search(folded), _IP_CLASS2_KINDS.search(folded)
    if "高价值" in folded and second is None:
        return (Text("高价值发明专利与Ⅰ类高价值知识产权的认定条件不完全相同",
                     "high-value invention patents are not defined as high-value class I IP is"), ("ip_class1_high_value",))
    if first is not None and second is None:
        word = _IP_CLASS1_NAMES[first.group(0)]
        return Text(f"{word.zh}只是Ⅰ类知识产权的一种", f"{word.en} are one kind of class I IP"), ("ip_class1",)
    if second is not None and first is None:
        if second.group(0) in ("实用新型", "外观设计"):
            return (Text("实用新型、外观设计专利授权后维持超过2年才算Ⅱ类知识产权，且只是Ⅱ类的一种",
                         "utility-model and design patents are class II only when maintained over 2 years after "
                         "grant, and one kind of class II"), ("ip_class2",))
        return (Text("软件著作权只是Ⅱ类知识产权的一种，其他著作权不算",
                     "software copyrights are one kind of class II IP, and other copyrights do not count"),
                ("ip_class2",))
    return Text("没有分Ⅰ类和Ⅱ类", "class I and class II are not told apart"), ("ip_class1", "ip_class2")


YES_NO_NOT_LEVEL: dict[str, str] = dict.fromkeys((
    "省级以上研发机构", "省级及以上研发机构", "是否有省级以上研发机构", "有无省级以上研发机构", "是否建有省级以上研发机构",
    "市级以上研发机构", "市级及以上研发机构", "是否有研发机构", "有无研发机构", "是否建有研发机构"), "rd_institution")
"""Yes/no headers about a field that is a level (研发机构: 国家级, 省级, 市级…), by ``norm``: a 是 in them
says nothing of which level, so the run stops and names the column that asks it."""
FIGURE_WORDS: dict[str, str] = {
    "营业收入": "revenue", "营收": "revenue", "主营业务收入": "main_revenue", "主营收入": "main_revenue",
    "研发费用": "rd_expense", "研发人员": "rd_staff", "科技人员": "tech_staff", "从业人员": "employees",
    "净利润": "net_profit", "资产总额": "total_assets", "总资产": "total_assets", "负债总额": "total_liabilities",
    "总负债": "total_liabilities", "股权融资": "equity", "知识产权": "ip_class1", "市场占有率": "domestic_share",
    "研发机构": "rd_institution", "发展评价得分": "platform_score",
}
"""The words of a figure the rules read: a column naming one that is not that figure (营业收入合计,
研发机构情况) is never passed over, as a column of no use would be: it is refused, naming the
column to write, or 备注 for a column kept for reference."""
_DERIVED = lazyre.compile(r"占比|比例|比重|增长|增速|增幅|(?<!占有)率|%")
"""A share or a growth of figures (研发费用占比, 营业收入增长率): the tool works them out itself."""
_MONEY_WORDS = ("收入", "研发", "利润", "负债", "资产", "成本", "费用", "营收", "销售")
_NOT_A_FIGURE = lazyre.compile(r"名称|编号|备注|说明|证书|日期|时间|联系|电话|地址|代码|类型|类别|来源")
"""Words of a column that describes, rather than counts: 研发机构名称, 高企证书编号."""
_COUNT_SUFFIX = lazyre.compile(r"(数量|项数|个数|数)$")

_OTHER_MEASURE = lazyre.compile(r"人均|户均|亩均|地均|每人|每亩|每户|每平方米|单位面积|单位用地|(?:元|收|营收|产值|利润|税|额)/人"
                            r"|/亩|/平方米|/㎡|/m2"
                            r"|工资|薪酬|薪资|薪金|加计扣除|税收抵免|减免税|免税额|退税|补助|补贴|奖补")
"""Words of a measure no criterion reads, however near a field's name it is: per head or per 亩 (人均营收,
亩均营收（万元/亩）), a wage (从业人员平均工资), a tax relief or grant on a figure (研发费用加计扣除额, 研发费用
补助). Each named a figure's words (营收, 研发费用, 从业人员), and the run stopped, telling staff to rename the
column into the field: followed, 12.5 万元 a head was read as the company's revenue. /人 is per head only after
an amount's unit (万元/人): 从业人员/人 and 研发人员数/人 give a head count's unit, and set aside, a company over
the revenue ceiling lost the head count its size rests on."""
_RANKED = lazyre.compile(r"排名|名次|排序|位次|排行")
_MARKET = lazyre.compile(r"市场|占有率|份额")
"""A rank of a figure (营业收入排名, 2025年营收排名): not the figure (a 3 read as 3 万元); a rank the
rules read is a market's (国内细分市场排名, 细分市场占有率全国排名): never set aside, it is the rank's label
or its words (``_MARKET``), read or refused by them."""
_QUANTITY = lazyre.compile("|".join([*FIGURE_WORDS, *_MONEY_WORDS, "产值", "税", "出口", "人数", "人员", "金额", "投入", "额",
                                "得分", "评分"]))
"""Words of an amount or a count: a header with none (计划上市时间, 目标市场) is no figure of part of a
year or a forecast, and is judged as before."""
_PART_OF_YEAR = lazyre.compile(r"上半年|下半年|半年度|半年报|前[一二三]季度|[一二三四1-4]季度|第[一二三四1-4]季|季度|季报|q[1-4]"
                           r"|月度|月均|月报|每月|当月|本月|上月|年初至今|年初至|今年以来|本年累计|年度累计|截至目前|截止目前|ytd")
"""Words of a figure of part of a year (上半年营业收入, 2026年前三季度研发费用); a span of months is ``_months``."""
_MONTH_SPAN = lazyre.compile(r"(?<![\d.])(\d{1,2}|[一二三四五六七八九十]{1,3})(?:月份?)?[-–—~至到]"
                         r"(\d{1,2}|[一二三四五六七八九十]{1,3})月")
_MONTH = lazyre.compile(r"(?<![\d.])(\d{1,2}|[一二三四五六七八九十]{1,3})月(?!\d)|(\d{1,2}|[一二三四五六七八九十]{1,3})个月")
_DAY = lazyre.compile(r"(?<![\d.])(\d{1,2})月(\d{1,2})[日号]")
"""A day of a month (9月30日): a balance at that date; only 12月31日 is the year's end."""
_BALANCE = lazyre.compile(r"资产|负债|人员|人数|从业|职工|员工")
"""A figure at a date (资产总额, 从业人员), which 12月 dates to the year's end; the rest are of a period."""
_FORECAST = lazyre.compile(r"预计|预测|预估|估计|估算|测算|预期|预算|计划|目标|规划|期望|预评|自评|自估")
_ESTIMATED = lazyre.compile(r"预估|估计|估算|测算")
"""The words of a market share worked out (主导产品国内市场占有率（估算）): a share is always estimated, by the
company or an association; read, not set aside as a forecast (its 小巨人 condition became unknown)."""
"""Words of a figure not yet known (2026年预计研发费用, 营业收入目标): a plan is no year's actual figure."""
_TAX_INCLUSIVE = lazyre.compile(r"(?<!不)含(?:增值)?税|价税合计")
"""A tax-inclusive amount (营业收入（含税）): 营业收入 is without 增值税, and read as it, a company's revenue
came out some 13% above its books. 不含税 is the field's own basis, and reads."""
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _month(text: str) -> int:
    """A month number typed in digits or Chinese numerals (10, 十, 十一), 0 for one not read."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _NUMERALS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_NUMERALS.get(tens, 0) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)


def _months(folded: str) -> str | None:
    """The words of a header saying its figure is of part of a year: months 1-10月, 1至9月, 7-12月, a
    single month (10月, 2026年10月末) or 6个月; None for 1-12月 and 12月 (末), the whole year and its end, or
    截至12月."""
    for span in _MONTH_SPAN.finditer(folded):
        first, last = _month(span.group(1)), _month(span.group(2))
        if 1 <= first <= 12 and 1 <= last <= 12 and (first, last) != (1, 12):
            return span.group(0)
    for day in _DAY.finditer(folded):  # 截至2025年9月30日: a balance mid-year, not at its end
        if (int(day.group(1)), int(day.group(2))) != (12, 31):
            return day.group(0)
    for one in _MONTH.finditer(_MONTH_SPAN.sub("", folded)):  # (1月-12月's 1月 is no month alone)
        month = _month(one.group(1) or one.group(2))
        if 1 <= month < 12:
            return one.group(0)
        if month == 12 and one.group(1) and not _BALANCE.search(folded) and not re.search(r"[至止到]", folded[:one.start()]) \
                and not re.match(r"份?(?:末|底)|31", folded[one.end():]):
            return one.group(0)  # 2025年12月营业收入: December's revenue, one month of the year's
    return None


class _Aside(NamedTuple):
    """Why a column near a field's name is not that field: the words that say so, and the refusal."""
    words: str
    refusal: InputError


def _of_last_year(f: FieldDef) -> bool:
    """Whether a field kept without a year is last year's figure: its question names the year (填{year}年…的人数,
    主导产品{year}年在国内细分市场的占有率), so a column dated last year is that field and one dated otherwise
    another year's figure."""
    return not f.per_year and f.help is not None and "{year}" in f.help.zh


def _aside(header: str, folded: str) -> _Aside | None:
    """A column set aside whatever field its words are near: a partial-year, forecast or tax-inclusive
    figure (column.not_actual: not the year's actual figure, said so), or a per-head, per-亩, ranked,
    wage or tax-relief figure (column.unknown: 与评估无关). Both are passed over and copied back as the
    park's own. Such a column used to stop the run, telling staff to rename it into the field (人均营收
    as 营业收入（2025年）, 2026年1-10月营业收入 as 营业收入（2026年）), which, followed, read the wrong figure
    as the company's; or it was read as the field outright (2025年营业收入（含税）, the 含税 dropped as a note).
    The words are matched against the header as typed, not a list of headers; a field's own label holding
    them (国内细分市场排名) is matched before this is asked (``_resolve``)."""
    forecast = _first(_FORECAST, folded)
    if forecast is not None and _ESTIMATED.fullmatch(forecast) and "占有率" in folded:
        forecast = None  # 市场占有率（估算）: a share is an estimate, and reads
    for said in (_months(folded), _first(_PART_OF_YEAR, folded), forecast, _first(_TAX_INCLUSIVE, folded)):
        if said is not None and _QUANTITY.search(folded.replace(said, "")):
            return _Aside(said, InputError(kind="column.not_actual", field=header, label=column_label(header)))
    ranked = _first(_RANKED, folded)
    said = _first(_OTHER_MEASURE, folded) or (ranked if ranked and _QUANTITY.search(folded.replace(ranked, ""))
                                               and not _MARKET.search(folded) else None)
    if said is not None:
        return _Aside(said, InputError(kind="column.unknown", field=header, label=column_label(header)))
    return None


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    return found.group(0) if found is not None else None


def _labels(rules: RuleSet) -> dict[str, FieldDef]:
    found: dict[str, FieldDef] | None = rules.memo.get("tabular.labels")
    if found is None:
        found = rules.memo["tabular.labels"] = {}
        short: dict[str, FieldDef | None] = {}
        for f in rules.fields.values():
            asked = answer_label(f)  # the template's header, with what to type for 0 (0为未获奖)
            for label in (f.label.zh, f.label.en, asked.zh, asked.en):
                found.setdefault(norm(label), f)
                # 行业 for 行业（《中小企业划型标准规定》）, as people head a column; kept when unambiguous
                brief = _TRAILING_GROUP.sub("", norm(label))
                if brief and brief != norm(label):
                    short[brief] = f if short.get(brief, f) is f else None
        for brief, only in short.items():
            if only is not None:
                found.setdefault(brief, only)
        by_id = {f.id: f for f in rules.fields.values()}
        for fid, aliases in HEADER_ALIASES.items():
            if fid in by_id:
                for alias in aliases:
                    found.setdefault(norm(alias), by_id[fid])
    return found


def _title_headers(rules: RuleSet) -> dict[str, FieldDef]:
    """TITLE_HEADERS by ``norm``, for this rule set's fields."""
    found: dict[str, FieldDef] | None = rules.memo.get("tabular.titles")
    if found is None:
        by_id = {f.id: f for f in rules.fields.values()}
        found = rules.memo["tabular.titles"] = {norm(alias): by_id[fid] for table in (TITLE_HEADERS, BARE_TITLES)
                                                for fid, aliases in table.items() if fid in by_id for alias in aliases}
    return found


_BARE_TITLES = frozenset(norm(name) for names in BARE_TITLES.values() for name in names)
_VERDICTS = frozenset(norm(words[lang]) for words in STATUS.values() for lang in ("zh", "en"))
"""The verdicts batch writes under a tier's title (满足, not met): a result, not a title held."""


@lru_cache(maxsize=1024)
def bare_title(header: str) -> bool:
    """Whether ``header`` is a title's bare name (BARE_TITLES), a note in brackets after it or not."""
    folded = norm(header)
    return folded in _BARE_TITLES or _TRAILING_GROUP.sub("", folded) in _BARE_TITLES


def _yes_no_labels(rules: RuleSet) -> dict[str, FieldDef]:
    """Yes/no fields by the words that follow 是否 in a header: their labels and YES_NO_ALIASES."""
    found: dict[str, FieldDef] | None = rules.memo.get("tabular.yes_no")
    if found is None:
        found = rules.memo["tabular.yes_no"] = {k: f for k, f in _labels(rules).items() if f.type == "bool"}
        by_id = {f.id: f for f in rules.fields.values()}
        for fid, aliases in YES_NO_ALIASES.items():
            if fid in by_id:
                for alias in aliases:
                    found.setdefault(norm(alias), by_id[fid])
                    found.setdefault(norm("持有" + alias), by_id[fid])
    return found


def _title_named(rules: RuleSet, cell: str) -> FieldDef | None:
    """The title a cell names by its name alone (省级专精特新, 专精特新中小企业, 小巨人企业), or None: a park's
    称号 column holds the title's name where a 是 was asked, and each such company was an error row."""
    folded = _LEVEL.sub("", norm(cell))
    if not folded or len(folded) > 20:
        return None
    f = _yes_no_labels(rules).get(folded) or _title_headers(rules).get(folded)
    return f if f is not None and f.path.startswith("titles.") else None


_LEVEL = lazyre.compile(r"^国家级(?=(?:专精特新)?[\"“]?小巨人)")
"""The level a park writes before the 小巨人 title's name (国家级专精特新小巨人), the only title MIIT
confers; 省级专精特新 is a name of its own, and 市级专精特新 is not the title asked (a city's)."""


def _noted(folded: str) -> bool:
    """Whether a folded header ends in a note in brackets that is no hint of how to answer ((省级), not (是/否))."""
    note = _TRAILING_GROUP.search(folded)
    return note is not None and note.group()[1:-1] not in _ANSWER_HINTS


def _alias(rules: RuleSet, text: str, noted: bool = False) -> FieldDef | None:
    """The field a header names in the words parks use rather than the field's label: 是否高企,
    是否专精特新中小企业, 专精特新中小企业称号, I类知识产权数量 (a count's 数量 dropped). ``noted``: a
    note in brackets was dropped from the header, which a red line's question may not lose."""
    labels = _labels(rules)
    yes_no = _yes_no_labels(rules)
    for prefix in ("是否为", "是否是", "是否", "有无", "已获"):
        if text.startswith(prefix):  # 是否专精特新称号 as 是否专精特新
            rest = _LEVEL.sub("", text[len(prefix):])  # 是否国家级专精特新小巨人: MIIT confers it, at no other level
            f = yes_no.get(rest) or yes_no.get(rest.removesuffix("称号")) or (
                yes_no.get("有" + rest) if prefix == "有无" else None)  # 有无偷漏税行为 as 有偷漏税行为
            return None if f is not None and noted and f.id in _RED_LINE_IDS else f
    for asked in ("是否", "有无"):  # 近三年是否有数据造假行为, 产品（服务）是否属于…: the label with 是否 in it
        if asked in text and not noted:
            said = text.replace(asked, "" if asked == "是否" else "有", 1)
            return yes_no.get(said)  # the yes/no labels are among them
    if text.endswith("称号"):  # 专精特新称号 as 专精特新中小企业称号
        return yes_no.get(text) or yes_no.get(text.removesuffix("称号"))
    found = _title_headers(rules).get(text)
    if found is not None:
        return found
    bare = _COUNT_SUFFIX.sub("", text)
    if bare != text:
        f = labels.get(bare)
        if f is not None and f.type == "int":
            return f
    return None


def column(rules: RuleSet, header: str, last_year: int | None = None, stated: int | None = None
           ) -> tuple[str, FieldDef]:
    """The concrete profile path and field a column header names: a dotted field path, or a field's
    zh or en label, per-year fields with their year (营业收入（2025年）, "Operating revenue 2025",
    2025年营业收入, 25年营业收入, 营业收入（2025年度，万元）; 上年度营业收入 as ``last_year``'s, when
    given; 前年 and 大前年 as the years before it), a unit in brackets allowed before or after the year
    (营业收入（元）（2025年）). ``stated``: the year the sheet's title or name states (``stated_year``),
    which a refusal's hint writes for a column without one, rather than last year.

    Looked up once per header, year and rule set, its refusal too: every row of a sheet asks again
    of each column, and a column naming nothing (序号, 联系人) searched the nearest field's name
    anew on each, which made a 5,000-row sheet twenty times slower. At most ``COLUMNS_KEPT`` are
    kept, so that a long session reading sheets of every kind stays bounded."""
    cache: dict[tuple[str, int | None, int | None], tuple[str, FieldDef] | InputError] = rules.memo.setdefault(
        "tabular.columns", {})
    key = (header, last_year, stated)
    found = cache.get(key)
    if found is None:
        if len(cache) >= COLUMNS_KEPT:
            cache.clear()
        try:
            found = cache[key] = _convertible(header, _resolve(rules, header, last_year, stated))
        except InputError as exc:
            cache[key] = exc
            raise
    if isinstance(found, InputError):
        raise copy.copy(found).with_traceback(None)
    return found


_FOREIGN_MONEY = lazyre.compile(r"(?:千|万|百万|千万|亿)?(?:" + "|".join(FOREIGN_CURRENCIES) + ")|(?:" + "|".join(FOREIGN_CODES)
                            + r"|(?:us|hk|a|c|s|nt)?\$|€|£)(?:万|千|百万|千元|万元|k|m|mn|thousands?|millions?|'000)?")
"""A unit of money not in 人民币 (万美元, 千港元, USD; US$, HK$, $, € and £ as an English sheet heads them:
'Operating revenue 2025 (US$)' was read in 万元, 3,000 dollars as 3,000万元), by ``norm``: amounts the tool
has no rate to turn into 万元."""


def _foreign(unit: str) -> bool:
    """Whether ``unit`` (万美元, USD, in any letter case) is a ``_FOREIGN_MONEY``."""
    return _FOREIGN_MONEY.fullmatch(unit.lower()) is not None


def _foreign_money(header: str, unit: str) -> InputError:
    """The error for an amount column ``header`` in the foreign ``unit``: refused, naming it."""
    name = header.strip()
    return InputError(kind="column.foreign_money", params={"unit": unit}, field=name, label=column_label(name))


def _convertible(header: str, found: tuple[str, FieldDef]) -> tuple[str, FieldDef]:
    """``found``, unless it is an amount its header says is in a foreign currency (营业收入（2025年）（万美元）,
    or so marked by a units row under it): such a column was read in 万元, 1000万美元 as 1000万元,
    without a word. It is refused, naming the unit."""
    path, f = found
    money = f.type in MONEY_TYPES
    for group in _GROUP.findall(_split_groups(norm(header))):
        unit = _UNIT_WORDS.sub("", group)
        if money and _FOREIGN_MONEY.fullmatch(unit):
            raise _foreign_money(header, group)
        # a currency beside other words: 'Revenue 2025 (USD, audited)' was read in 万元, 3,000 dollars as 3,000万元
        foreign = next((part for part in _GROUP_SEP.split(group) if _FOREIGN_MONEY.fullmatch(_UNIT_WORDS.sub("", part))),
                       None) if money else None
        if foreign is not None:
            raise _foreign_money(header, foreign)
        if (unit in _COUNT_UNITS) if money else (unit in _UNIT_FACTOR and unit.endswith("元")):
            name = header.strip()
            raise InputError(kind="column.unit_kind", params={"unit": unit, "kind": _KIND[money]}, field=name,
                             label=column_label(name))
    return path, f


_COUNT_UNITS = frozenset({"人", "个", "项", "件", "家", "名", "年", "%", "分"})
"""Units no amount is counted in: over an amount column (人 over 营业收入), or 万元 over 从业人员, a units
row has slipped a column, and the figures under it were read in whatever their column's default was,
while the run's note said they were read in the units of that row."""
_KIND = {True: Text("金额", "an amount"), False: Text("人数、个数等，不是金额", "a count, not an amount")}


COLUMNS_KEPT = 4096
"""Headers whose reading is kept per rule set (a sheet has dozens)."""


PREVIOUS_OF = {"platform_score": "platform_score_previous"}
"""Fields of one year without a year in their path (the platform's score is this year's), and the
field for the year before: a header saying 上年度 (上年度专精特新发展评价得分) names the latter. One
with a year written out is refused: the platform scores a year's figures in the year after, so
2025年评价得分 could be either."""
HINT_YEAR = 2025
"""The year a rename hint writes when neither the header nor the run gives one (a sheet read without
an assessment date); a batch gives its last fiscal year (the as-of year's before)."""
_YEAR_JOIN = lazyre.compile(r"\s*[-_—–~/:|·.]+\s*$")
_JOIN_YEAR = lazyre.compile(r"^\s*[-_—–~/:|·.]+\s*")
"""A mark between a header's name and its year (营业收入-2025年, 2025年_营业收入), which says no more than a space."""
_SHORT_YEAR = lazyre.compile(r"^(\d\d)(?:年度|年)|\((\d\d)(?:年度|年)\)")
"""25年营业收入, 营业收入（25年）: a two-digit year, only where a year stands (not 近10年)."""
_LAST_YEAR = lazyre.compile(r"\(?(?<!上)(?:上一年度|上年度|上一年|上年|去年度|去年)(?![末底])\)?")
"""上年度营业收入, 去年营业收入, 营业收入（上年度）: the year before the assessment date's (上年末 is a day,
not a year; 上上年度 is the year before that, not read as this)."""
_YEAR_BEFORE = lazyre.compile(r"\(?(?<!上)(?:上上一年度|上上年度|上上一年|上上年|(?<![当一大])前年(?![度末底]))(?![末底])\)?")
"""前年营业收入, 研发费用（上上年度）: the year before last year (a hint for it named last year's, which
would label 2024's figures as 2025's). Not 前年度 or 前一年度, which say "the previous year" (上年度),
nor the 前年 of 当前年度, nor the 前年 inside 大前年 (``_TWO_BEFORE``)."""
_TWO_BEFORE = lazyre.compile(r"\(?(?<!上)(?:上上上一年度|上上上年度|上上上一年|上上上年|大前年(?![度末底]))(?![末底])\)?")
"""大前年营业收入, 营业收入（上上上年度）: three years before the assessment date's. Its 前年 was read as
前年, and the hint for it named the year 前年 already took: a clerk following it labelled 2023's
figures as 2024's."""
_SHEET_MONEY_UNITS = (*MONEY_UNITS, ("十亿元", Decimal(100000)))
"""The units of money a sheet's header may name: an answer's (MONEY_UNITS), and 十亿元, the billion of an
English header ((CNY bn)), which no one types after an amount."""
_UNIT_NAMES = frozenset(name for name, _ in _SHEET_MONEY_UNITS)
_YEAR_END = lazyre.compile(r"\((19\d\d|20\d\d|2100)年[末底]\)")
"""资产总额（2025年末）, as the reports label a year-end figure: the label's own （年末） and the year."""
_YEAR_END_PART = lazyre.compile(r"(?:19\d\d|20\d\d|2100)年[末底]")
_PART_PREFIX = lazyre.compile(r"其中[:,、]?")
"""其中：研发人员 (by ``norm``), as a park heads a part under its whole (从业人员 | 其中：研发人员): read as
the part when the rules make it one of a whole (``FieldDef.part_of``), and the column before it is that
whole. Refused as a figure's words, a common header stopped the run."""
_YEAR_END_FIRST = lazyre.compile(r"^((?:19\d\d|20\d\d|2100)年[末底])(?=[^\d()])")
"""2025年末资产总额, as parks head a year-end figure: read as 资产总额（2025年末） (2025年营业收入 reads
as it stands; 2025年末 left in front read as the year 2025 and a figure named 末资产总额)."""


_OWN_BASIS = frozenset({"不含税", "不含增值税"})
"""Words saying a figure is on the basis its field already is (营业收入 is without 增值税): beside a year in
one pair of brackets (营业收入（2025年，不含税）), the column was refused as a figure's words to rename."""

_BASIS_AFTER_YEAR = lazyre.compile(r"(?<=[年度])(?=不含)")
"""营业收入（2025年不含税）, （2025年度不含增值税）: the basis typed after the year with no comma between."""


def _split_groups(folded: str) -> str:
    """营业收入(2025年度,万元) as 营业收入(2025年度)(万元): a year and a unit (单位：万元) or the field's own
    basis (不含税) sharing brackets read as each in its own (brackets of other words, a label's own, are
    left as they are). 营业收入（2025年度，单位：万元）, as parks head a column, was refused."""
    def split(m: re.Match[str]) -> str:
        parts = [q for p in _GROUP_SEP.split(m.group(1)) for q in _BASIS_AFTER_YEAR.split(p) if q]
        if len(parts) > 1 and all(_unit_or_basis(p) or _YEAR.fullmatch(p)
                                  or _SHORT_YEAR.match(p) or _YEAR_END_PART.fullmatch(p)
                                  or _LAST_YEAR.fullmatch(p) or _YEAR_BEFORE.fullmatch(p) or _TWO_BEFORE.fullmatch(p)
                                  for p in parts):
            return "".join(f"({p})" for p in parts)
        return m.group(0)
    return _GROUP.sub(split, folded)


_WHERE = {"国内": "国内", "境内": "国内", "全国": "国内", "国际": "国际", "境外": "国际", "全球": "国际"}


def _qualifier_first(text: str) -> str:
    """市场占有率(国内) as 国内市场占有率: the market a share or rank is of, written after it in brackets."""
    group = _TRAILING_GROUP.search(text)
    where = _WHERE.get(group.group(0)[1:-1]) if group else None
    return where + text[: group.start()] if group and where else ""


_SLASH_UNIT = lazyre.compile(r"(?<![元收值润税额])/(人|名|个|项|件|%|万元|元|千元|亿元)$")
"""A unit after a slash closing a header (从业人员/人, 研发费用/万元), read as the unit in brackets is: 从业人员/人
was set aside as per head, and a company over the revenue ceiling lost the head count its size rests on."""
_SAID_AFTER = lazyre.compile(r"(?<=[^(])单位[:：](人|名|个|项|件|%|万元|元|千元|亿元)$")
"""A unit said after a header with no brackets (营业收入（2025年）, a line break, 单位：元), read as in brackets."""


def _units_bracketed(folded: str) -> str:
    """A folded header with its unit after a slash or a bare 单位： put in brackets, as its reading and its
    unit's (``header_unit``) both take it: 营业收入2025年/元 was read as 营业收入 and in 万元, every amount
    10,000 times its size, and 营业收入（2025年）单位：元 was refused."""
    return _SAID_AFTER.sub(r"(\1)", _SLASH_UNIT.sub(r"(\1)", folded)) if ("/" in folded or "单位" in folded) else folded


_YEAR_END_DAY = lazyre.compile(r"(?:截至|截止)?((?:19\d\d|20\d\d|2100)年)12月31[日号]")
"""资产总额（2025年12月31日）, as a balance sheet dates its year-end: read as 资产总额（2025年末）."""


def _without_units(text: str) -> str:
    """A folded header without its units in brackets, money's or a count's (2025年末从业人员（人）, （单位：人）),
    and the basis its field already is (（不含税）), which ``_convertible`` checks against the field."""
    return _GROUP.sub(lambda m: "" if _unit_or_basis(m.group(1)) else m.group(0), text)


def _unit_or_basis(part: str) -> bool:
    """Whether a header's bracketed part is a unit, money's or a count's, led by 单位： or not (万元, 单位：人),
    or the basis the field already is (不含税): words beside the figure's name, not another figure."""
    unit = _UNIT_WORDS.sub("", part)
    return unit in _UNIT_NAMES or unit in _COUNT_UNITS or part in _OWN_BASIS


def _resolve(rules: RuleSet, header: str, last_year: int | None = None, stated: int | None = None
             ) -> tuple[str, FieldDef]:
    text = header.strip()
    try:
        return text, field_for_path(rules, text)
    except InputError as exc:
        if exc.kind == "set.year_range":  # financials.1989.revenue: not "did you mean … 1989?"
            raise InputError(kind="column.year_range", params=exc.params, field=text,
                             label=column_label(text)) from None
    labels = _labels(rules)
    folded = _YEAR_END_DAY.sub(r"\1末", _units_bracketed(norm(text)))
    part = _PART_PREFIX.match(folded) if folded not in labels else None  # (其中Ⅰ类高价值知识产权 is a label's alias)
    if part is not None:  # 其中：研发人员 under 从业人员: a part of the column before it (``_misplaced_parts``)
        try:
            found = _resolve(rules, folded[part.end():], last_year, stated)
        except InputError:
            pass
        else:
            if found[1].part_of is not None:
                return found
    first = _YEAR_END_FIRST.match(folded)
    moved = f"{folded[first.end():]}({first.group(1)})" if first is not None else folded
    split = _YEAR_END.sub(r"(年末)(\1年)", _split_groups(moved))
    year_match = _YEAR.search(split) or _SHORT_YEAR.search(split)
    year = None
    rest = split
    back: int | None = None  # the years before last year a word names: 0 上年度 or 去年, 1 前年, 2 大前年
    if year_match:
        year = int(year_match.group(1) or year_match.group(2) or 0)
        year += 2000 if year < 100 else 0
        # 营业收入-2025年, 营业收入_2025: the mark joining the year to the name goes with the year (left, the
        # name 营业收入- was no field's, and the column was refused where 营业收入（2025年） is read)
        rest = _YEAR_JOIN.sub("", split[: year_match.start()]) + _JOIN_YEAR.sub("", split[year_match.end():])
    elif (relative := _TWO_BEFORE.search(split) or _YEAR_BEFORE.search(split) or _LAST_YEAR.search(split)) is not None:
        back = 2 if relative.re is _TWO_BEFORE else 1 if relative.re is _YEAR_BEFORE else 0
        year = last_year - back if last_year is not None else None  # no run date: asked for its year
        rest = split[: relative.start()] + split[relative.end():]
    # the year a hint writes: the header's own, else the sheet's (``stated``), else last year; never a year
    # later than the figures can be of (a 2026年企业名单 run in 2026 holds 2025's)
    sheet_year = stated if stated is not None and (last_year is None or stated <= last_year) else None
    shown_year = year or (sheet_year or last_year or HINT_YEAR) - (back or 0)
    aside = _aside(text, folded)
    for i, candidate in enumerate((folded, rest, _without_units(rest), _qualifier_first(rest), _TRAILING_GROUP.sub("", rest),
                                   _TRAILING_GROUP.sub("", _without_units(rest)))):
        # a note in brackets dropped (i >= 4) may change a red line's question: 是否单项冠军（省级）, 是否有偷漏税（含欠税）
        f = labels.get(candidate) or _alias(rules, candidate, noted=i >= 4 and _noted(rest))
        if (f is not None or candidate in AMBIGUOUS_HEADERS) and aside is not None and (
                aside.words not in candidate if f is None else aside.words not in norm(f.label.zh)):
            # 营业收入（含税）, 平台评价得分（预计）: matched by dropping or past the words that make it another figure
            raise aside.refusal  # matched only by dropping the words that make it another figure: 营业收入（含税）
        if f is None:
            if candidate in AMBIGUOUS_HEADERS:
                raise _ambiguous(rules, text, candidate, shown_year)
            continue
        if not f.per_year:
            if year is None or candidate == folded:  # a label may hold a year of its own (〔2011〕300号)
                return f.path, f
            if "(年末)" in split and back is None and last_year is not None and "上年末" in f.label.zh:
                if year == last_year:  # 2025年末从业人员: the 上年末 the field is taken at
                    return f.path, f
                raise InputError(kind="column.year_end_other", params={
                    "last": f"{last_year}年末", "year": f"{year}年末", "label": f.label, "path": f.path,
                    "asked": Text(f"上年末（{last_year}年末）", f"the end of last year ({last_year})"),
                    "shown": Text(f"“{year}年末”", f"the end of {year}")}, field=text, label=column_label(text))
            if last_year is not None and _of_last_year(f):
                # 研发人员（2025年）, 从业人员（2025年）, 国内市场占有率（2025年）: a figure the profile keeps as last
                # year's (its question names the year); a park's sheet dates its column, and the run stopped
                if year == last_year:
                    return f.path, f
                end = "(年末)" in split
                # the one column asked for when several years of it are refused (_other_years): a head count's year-end
                read_for = (Text(f"上年末（{last_year}年末）", f"the end of last year ({last_year})") if "上年末" in f.label.zh
                         else Text(f"上一年（{last_year}年）", f"last year ({last_year})"))
                raise InputError(kind="column.year_other", params={
                    "last": Text(f"{last_year}年", str(last_year)),
                    "year": Text(f"{year}年末" if end else f"{year}年", f"the end of {year}" if end else str(year)),
                    "label": f.label, "path": f.path, "asked": read_for,
                    "shown": Text(f"“{year}年末”" if end else f"“{year}年”", f"the end of {year}" if end else str(year))},
                    field=text, label=column_label(text))
            previous = rules.fields.get(PREVIOUS_OF.get(f.id, ""))
            if previous is not None and back == 0:  # 上年度发展评价得分: last year's, not this year's
                return previous.path, previous
            if previous is not None and back is not None:  # 前年发展评价得分: neither this year's nor last year's
                continue
            if previous is not None:  # 2025年发展评价得分: the year of the evaluation or of its figures?
                raise InputError(kind="column.score_year", params={"this": f.label, "previous": previous.label},
                                 field=text, label=column_label(text))
            continue
        if year is None:  # the sheet's year said as seen, to be confirmed: its title may name the year of the list
            raise InputError(kind="column.needs_year" if sheet_year is None or back is not None else "column.needs_year_stated",
                             params={"example_zh": _with_unit(input_label(f, f.concrete_path(shown_year)), folded, f).zh,
                                     "example": f.concrete_path(shown_year), "year": shown_year},
                             field=text, label=column_label(text))
        return f.concrete_path(year), f
    level = YES_NO_NOT_LEVEL.get(folded)
    if level is not None and level in rules.fields:
        raise InputError(kind="column.not_level", params={"label": rules.fields[level].label},
                         field=text, label=column_label(text))
    others = _other_questions(rules)
    asked = others.get(folded) or (others.get(folded.replace("是否", "", 1)) if "是否" in folded else None)
    if asked is not None:  # the same field asked in another set's words: read, each row warned (asked_under)
        return asked[0].path, asked[0]
    if aside is not None:  # 人均营收, 2026年1-10月营业收入, 研发费用加计扣除额: set aside, never a rename into the field
        raise aside.refusal
    if folded.endswith(("(参考)", "(仅供参考)", "(备注)")):
        raise InputError(kind="column.unknown", field=text, label=column_label(text))  # kept for reference: passed over
    if sum(word in folded for word in _RED_LINE_WORDS) > 1:  # 是否存在失信、经营异常等情况: one 否 for several
        raise InputError(kind="column.several", field=text, label=column_label(text))
    if _DERIVED.search(folded) and (_figure_words(rules, folded) or any(w in folded for w in _MONEY_WORDS)):
        raise InputError(kind="column.derived", field=text, label=column_label(text))
    if "排名" in folded and any(w in folded for w in ("国际", "境外", "全球")):
        # no criterion reads an international rank: passed over (copied back), where 国际市场占有率排名 was told to
        # be renamed the domestic share, and a rank of 2 then read as a 2% share
        raise InputError(kind="column.unknown", field=text, label=column_label(text))
    unclear = ip_unclear(_TRAILING_GROUP.sub("", _without_units(rest)))
    if unclear is not None:  # 有效发明专利数量, 软件著作权数: never passed over, nor read as a class they are a part of
        raise _unclear(rules, text, *unclear, shown_year)
    words = _figure_words(rules, folded)
    if words is not None:
        word, f = words
        raise InputError(kind="column.figure_words", params={
            "words": word, "name": _with_unit(answer_label(f, f.concrete_path(shown_year) if f.per_year else None),
                                              folded, f)},
            field=text, label=column_label(text))
    named = {k: f for k, f in labels.items() if k not in BARE_NAME_HEADERS}  # 企业数 is no slip of 企业
    pool = {**named, **{f.concrete_path(shown_year) if f.per_year else f.path: f for f in rules.fields.values()}}
    # (a year-end read off the front, 2024年末参与制修订标准, is no part of the name a hint looks for)
    near = nearest(folded, pool) or (nearest(rest.replace("(年末)", "") if first else rest, named) if year_match else None)
    if near is not None and _class_of(near) != _class_of(folded):
        near = None  # Ⅲ类 is no slip of Ⅱ类: the class is the meaning
    if near is not None and "称号" in folded and "称号" not in near:
        near = None  # 企业称号 is no slip of 企业名称: a title is no name (following the hint made two name columns)
    if near is not None and near in folded and _NOT_A_FIGURE.search(folded):
        near = None  # 研发机构名称 is no slip of 研发机构: it names the institution, not its level
    if near is not None and _RANKED.search(folded) and not _RANKED.search(near):
        near = None  # 行业排名 is no slip of 行业: a rank is no other field's figure
    if near is not None:
        f = pool[near]
        shown = _with_unit(answer_label(f, f.concrete_path(shown_year) if f.per_year else None), folded, f)
        raise InputError(kind="column.unknown_near", params={"near": f.concrete_path(shown_year) if f.per_year
                                                             else f.path, "near_label": shown},
                         field=text, label=column_label(text))
    raise InputError(kind="column.unknown", field=text, label=column_label(text))


def _with_unit(name: Text, folded: str, f: FieldDef) -> Text:
    """A rename hint with the unit the header gave (资产总额（2025年末）（元）): followed without it, a
    column of 元 was read in 万元, each amount 10,000 times its size."""
    unit = next((g for g in _group_parts(folded) if g in _UNIT_NAMES), None)  # 元, （单位：元）, （人民币元）, （年末，元）
    if unit is None or f.unit != "万元":
        return name
    return Text(f"{name.zh}（{unit}）", f"{name.en} ({unit})")


def _figure_words(rules: RuleSet, folded: str) -> tuple[str, FieldDef] | None:
    """The figure's words a header holds and the field they name, unless it describes (名称, 编号)."""
    if _NOT_A_FIGURE.search(folded):
        return None
    for word, fid in FIGURE_WORDS.items():
        if word in folded and fid in rules.fields:
            return word, rules.fields[fid]
    return None


def asked_under(rules: RuleSet, header: str) -> str | None:
    """The built-in rule set whose question a column header is, when these rules ask that field in
    other words (the 2022 and 2026 red lines on incidents name different events), else None. Its
    answers are read as a profile answered under that set is (``Profile.answered_under``): counted,
    and every row's result warns that they answer another question, to be asked again. A sheet the
    tool wrote for one set (init, before 2026-04-01; or a 2026 sheet for a 小巨人 复核 judged by 2022)
    was refused whole, nothing scored until every company was asked again."""
    kept: dict[str, str | None] = rules.memo.setdefault("tabular.asked_under", {})
    if header not in kept:  # row_profile asks of every cell of every row: worked out once a header
        if len(kept) >= COLUMNS_KEPT:
            kept.clear()
        asked = _other_questions(rules).get(norm(header))
        kept[header] = asked[2] if asked is not None else None
    return kept[header]


def _other_questions(rules: RuleSet) -> dict[str, tuple[FieldDef, Text, str]]:
    """Another built-in rule set's question for a field these rules ask in other words: by ``norm``
    of that label, the field, that set's title and its id. Read as the field, never passed over as a
    column of no use (every tier came out 未知)."""
    found: dict[str, tuple[FieldDef, Text, str]] | None = rules.memo.get("tabular.other_questions")
    if found is None:
        found = rules.memo["tabular.other_questions"] = {}
        from littlegiant.load import rules as rulesets

        for rid in rulesets.builtin_ids():
            try:
                other = rulesets.load(rid)
            except InputError:  # pragma: no cover - the built-in files load (tests/test_parsed_rules.py)
                continue
            for f in other.fields.values():
                mine = rules.fields.get(f.id)
                if mine is None or f.per_year or mine.path != f.path:
                    continue
                for theirs, ours in ((f.label.zh, mine.label.zh), (f.label.en, mine.label.en)):
                    if norm(theirs) != norm(ours) and norm(theirs) not in _labels(rules):
                        found.setdefault(norm(theirs), (mine, other.title, other.id))
    return found


_CLASS = lazyre.compile(r"(i+|一|二|三)类")


def _class_of(text: str) -> str | None:
    found = _CLASS.search(norm(text))
    return found.group(1) if found else None


def _ambiguous(rules: RuleSet, header: str, key: str, year: int) -> InputError:
    return _unclear(rules, header, *AMBIGUOUS_HEADERS[key], year)


def _unclear(rules: RuleSet, header: str, why: Text, ids: tuple[str, ...], year: int) -> InputError:
    """The refusal of a column whose meaning is unclear (``why``), naming the columns ``ids`` to write."""
    fields = [rules.fields[i] for i in ids if i in rules.fields]
    # a column to write: named as the template heads it (with what to type for 0: 0为无排名)
    names = [answer_label(f, f.concrete_path(year) if f.per_year else None) for f in fields]
    return InputError(kind="column.ambiguous", params={
        "why": why, "names": Text("”或“".join(n.zh for n in names), "' or '".join(n.en for n in names))},
        field=header, label=column_label(header))


def known_header(rules: RuleSet, header: object, last_year: int | None = None) -> bool:
    """Whether a cell reads as a column header (to find the header row under a sheet's title)."""
    if not isinstance(header, str) or not header.strip():
        return False
    try:
        column(rules, header, last_year)
    except InputError:
        return False
    return True


def carried_column(rules: RuleSet, header: str) -> bool:
    """Whether batch passes a column over and copies it back after the results (CARRIED_KEY): it names
    nothing the rules read (联系人, 备注), or a share the tool works out itself (研发费用占比), or it is a
    bare name (企业, 名称) that a row with 企业名称 beside it is read without (``ignored_columns``), or
    one dated another year than its field is read for (2023年从业人员: copied back only from beside
    the column of that year, ``years_beside``; else the results would not be known for a run's own)."""
    try:
        path, _ = column(rules, header)
    except InputError as exc:
        if exc.kind in PASSED_OVER:
            return id_kind(header) is None
    else:
        return path == "name" and norm(header) in BARE_NAME_HEADERS
    try:  # results know no run date: a column of such a field is dated another year than any it could be read for
        column(rules, header, _NO_SHEET_YEAR)
    except InputError as exc:
        return exc.kind in OTHER_YEAR and id_kind(header) is None
    return False


_NO_SHEET_YEAR = 1900
"""A last year no column of a sheet is dated (``carried_column``)."""


def meant_header(rules: RuleSet, header: object, last_year: int | None = None) -> bool:
    """Whether a cell is meant for a field but will be refused with a precise message (营业收入 with
    no year): it still marks the header row. Not counting those, a sheet whose header had one lost
    every company to a 'no header row' error instead of being told which column to rename."""
    if not isinstance(header, str) or not header.strip():
        return False
    try:
        column(rules, header, last_year)
    except InputError as exc:
        return exc.kind != "column.unknown"
    return False


def header_unit(rules: RuleSet, header: str, f: FieldDef, sheet: str | None = None) -> Decimal | None:
    """How many 万元 one of a money column's plain numbers is, as the unit its header ends with
    says: 营业收入（2025年）（元） holds 元, so 50,000,000 in it is 5,000 万元, not 50,000,000 万元; else
    as the sheet's title rows say (``sheet``: 金额单位：元). None when neither names a unit: amounts
    are in 万元, but ￥80,000,000 is in 元 (answers.CURRENCY), which it is not under 营业收入（万元）."""
    if f.type not in MONEY_TYPES:
        return None
    cache: dict[str, Decimal | None] = rules.memo.setdefault("tabular.units", {})
    if header in cache:
        found = cache[header]
    else:
        units = [factor for part in _group_parts(_units_bracketed(norm(header))) for name, factor in _SHEET_MONEY_UNITS
                 if name == part]
        found = cache[header] = units[0] if len(set(units)) == 1 else None
    if found is None:
        if sheet is not None and _foreign(sheet):
            # 金额单位：万美元 above the list: read in 万元, 1000万美元 was 1000万元 without a word
            raise _foreign_money(header, sheet)
        return _UNIT_FACTOR.get(sheet or "")
    return found




def names_money_unit(header: str) -> bool:
    """Whether a header names its money unit in brackets (营业收入（2024年）（元）): read in it, whatever the
    sheet's title says (``header_unit``)."""
    return any(part in _UNIT_NAMES for part in _group_parts(_units_bracketed(norm(header))))


def _group_parts(folded: str) -> list[str]:
    """The words in a header's brackets, each group split at its commas: 营业收入(元)(2025年) and
    营业收入(2025年度,万元) both name their unit, which may come before the year or after it, or
    share its brackets (a unit read only at the very end turned 元 into 万元 when it came first)."""
    return [_UNIT_WORDS.sub("", part) for group in _GROUP.findall(folded) for part in _GROUP_SEP.split(group) if part]


_UNIT_WORDS = lazyre.compile(r"^(?:金额)?单位[:：]?|^人民币|(?<=元)(?:人民币|rmb|cny)$")
"""What may lead a unit in a header's brackets (营业收入（单位：元）, 营业收入（人民币元）), or follow it (营业收入（元人民币）,
as a financial statement writes 单位：元人民币): so said, the unit was not read, and the amounts in 元 were taken
as 万元."""


_UNIT_FACTOR = dict(_SHEET_MONEY_UNITS)
SHEET_UNIT = "\x00unit"
"""The key under which a sheet's row carries the money unit its title rows name (金额单位：元): no
header can be it (a cell holds no NUL), and ``row_profile`` reads it as the unit of money columns
whose header names none."""
ROW_NOTES = "\x00notes"
"""The key under which a row carries what reading found of it that the user should know (a formula
without its result, a company already met): ``note_kinds`` entries, each a message kind and its one
parameter. Not a header either; ``row_profile`` passes it over, batch puts the notes on the row."""
CELL_TYPES = "\x00types"
"""The key under which a sheet's row carries what its cells in the columns no criterion reads held other
than text, as JSON: by header, [kind, value, number format], kind "n" a number, "d" a day or moment (ISO),
"t" a time of day, "b" TRUE or FALSE; a column not listed held text (or nothing). Only the text is read
(``row_profile`` passes the key over); batch copies the park's own columns back from it (Scorer.own_typed),
so that the .xlsx gives them as typed: as text only, a formula's 2.85714285714286 (more digits than a
figure copied back could have) came back as text, and an ID typed as text, 320594000123456, as a number
that Excel shows as 3.20594E+14. A CSV's rows have no such key: their text is all there is."""
COLUMN_PLACES = "\x00columns"
"""The key under which a workbook's row carries its sheet's header, column A first, each header after
a ``NOTE_LIST`` (the one text every row of the sheet shares): a row's problem names the column as the
park headed it and by its letter (“所属行业”列（C列）), where it named the tool's label (「行业（《中小企业
划型标准规定》）」), which staff could not find on their sheet. Not a header; ``row_profile`` passes it over."""
NOTE_LIST = "\x1d"
"""Between the items of a note's parameter that lists several (the headers of formula cells), so that
batch can read them back one by one and word them in the run's language."""


def add_note(cells: dict[str, str], kind: str, param: str = "") -> None:
    """Put a note (a message kind of messages.py, with its one parameter) on a row's cells. Notes are
    parted by a control character no header holds (a header wrapped in Excel holds a line break)."""
    line = f"{kind}\x1f{param}"
    cells[ROW_NOTES] = f"{cells[ROW_NOTES]}\x1e{line}" if cells.get(ROW_NOTES) else line


def note_kinds(cells: Mapping[str, str]) -> list[tuple[str, str]]:
    """The notes ``add_note`` put on a row: (message kind, its parameter)."""
    text = cells.get(ROW_NOTES)
    return [(kind, param) for kind, _, param in (line.partition("\x1f") for line in text.split("\x1e"))] if text else []


CREDIT_CODE_HEADERS = frozenset({"统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "企业信用代码",
                                 "企业统一社会信用代码", "单位统一社会信用代码", "公司统一社会信用代码", "社会统一信用代码",
                                 "统一社会信用代码证", "统一社会信用代码号", "统一社会信用代码号码",
                                 "unifiedsocialcreditcode", "socialcreditcode", "creditcode", "credit_code", "uscc"})
"""Headers of the 统一社会信用代码 column (by ``norm``): no rule reads it, but it tells one company from another.
企业统一社会信用代码 and 社会统一信用代码 (the words swapped, as often typed) were passed over as the park's own
column: a company given twice under one code went without a word. In English as the results and the
templates head it (Unified social credit code), and as ``init --csv --columns ids`` does (credit_code)."""


ID_COLUMNS = ("credit_code", "seq_no")
"""The ids of the input's own columns batch writes back beside each company's results (a park matches
them to its master list): its 统一社会信用代码 (CREDIT_CODE_HEADERS) and its 序号 (SEQUENCE_HEADERS)."""
_ID_KINDS: dict[str, int | None] = {}


def id_kind(header: str) -> int | None:
    """0 for a header of the 统一社会信用代码, 1 for a 序号's, else None: a remark in brackets after it
    (统一社会信用代码（18位）) changes nothing, as ``tells_companies_apart`` has it. So headed, a park's
    codes were said to be passed over, and came back neither in the results nor checked."""
    folded = _bare(norm(header))
    if folded in CREDIT_CODE_HEADERS or _credit_or_older(folded):
        return 0
    return 1 if folded in SEQUENCE_HEADERS else None


OLDER_CODE_HEADERS = frozenset({"注册号", "工商注册号", "营业执照注册号", "营业执照号", "营业执照号码", "组织机构代码",
                                "组织机构代码证", "组织机构代码证号", "纳税人识别号", "税号"})
"""The numbers a company had before its 统一社会信用代码 (or beside it), which a park's list heads the code
column with: 统一社会信用代码/注册号, 信用代码/组织机构代码."""
_CODE_OR = lazyre.compile(r"/|或|、|\\|\|")


def _credit_or_older(folded: str) -> bool:
    """Whether a header names the 统一社会信用代码 or an older number in its place (统一社会信用代码/注册号,
    信用代码或组织机构代码): so headed, the column was passed over as naming nothing, its codes neither
    checked, written back beside the results, nor telling a company given twice."""
    parts = [_bare(part.strip()) for part in _CODE_OR.split(folded)]
    return len(parts) > 1 and any(part in CREDIT_CODE_HEADERS for part in parts) and \
        all(part in CREDIT_CODE_HEADERS or part in OLDER_CODE_HEADERS for part in parts)


def row_identity(cells: Mapping[str, str]) -> tuple[str, str]:
    """A row's own 统一社会信用代码 and 序号 (or 编号, No.) as typed, each "" when it has none: the first
    column of each kind. Headers are told apart once (a sheet's rows share them; at most
    ``COLUMNS_KEPT`` are kept)."""
    found = ["", ""]
    for header, cell in cells.items():
        kind = _kept_id_kind(header)
        if kind is not None and not found[kind]:
            found[kind] = cell.strip() if kind else code_seen(cell)
    code = found[0]
    if code.isdigit() and any(kind == "note.code_number" and param == code for kind, param in note_kinds(cells)):
        code = _unknown_digits(code)
    return code, found[1]


def _unknown_digits(code: str) -> str:
    """A code Excel kept as a number, its digits past those it rounded to 15 marked unknown: 913201001234567891
    is kept 913201001234568000, and written back so it looked like a company's code, which a park matching it
    to its master list found as another company or none. Rounding may have changed the 15th digit, and the ones
    before it where it carried (…4599|7 kept …4600): what is left is what every code so kept shares."""
    kept = code[:15]
    below = str(int(kept) - 1).zfill(15)
    sure = next((i for i, (a, b) in enumerate(zip(kept, below, strict=True)) if a != b), 15)
    return code[:sure] + "?" * (len(code) - sure)


def code_seen(cell: str) -> str:
    """A code cell as its reader sees it: without the zero-width spaces, direction marks and byte-order marks
    a code copied from a web page carries. Kept, the code was said to fail its check character, matched no
    code on a park's master list, and came back looking like the one typed."""
    # no invisible character is ASCII: most codes are read without looking at each character
    seen = (cell if cell.isascii() else "".join(ch for ch in cell if unicodedata.category(ch) != "Cf")).strip()
    wrapped = _AS_FORMULA.fullmatch(seen) if seen[:1] == "=" else None
    return wrapped.group(1).strip() if wrapped else seen


_AS_FORMULA = lazyre.compile(r'=\s*"([^"]*)"')
"""A code a CSV writes as a formula (="91440300MA5F…", as systems export codes so that Excel keeps them whole), which
Excel shows as the code: it was said not to be 18 characters long, and to be no other row's code."""


def _lost(code: str, cells: Mapping[str, str]) -> bool:
    """Whether a code (as ``code_seen``) lost digits to Excel: shown 9.14403E+17, said so by ``note_code`` of a
    number cell, or 18 digits ending in Excel's zeros that fail their check character (a column set to Text after
    the damage). Such a code tells no company apart: two companies whose codes share their first 15 digits
    (91310115… of one district) were said to be one company entered twice."""
    if _SCIENTIFIC.fullmatch(code):
        return True
    if code.isdigit() and len(code) == 18 and not code[15:].strip("0") and not code_checks(code):
        return True
    return code.isdigit() and any(kind == "note.code_number" and param == code for kind, param in note_kinds(cells))


def _kept_id_kind(header: str) -> int | None:
    """``id_kind`` of a header, worked out once (a sheet's rows share their headers; at most
    ``COLUMNS_KEPT`` are kept)."""
    kind = _ID_KINDS.get(header, -1)
    if kind == -1:
        if len(_ID_KINDS) >= COLUMNS_KEPT:
            _ID_KINDS.clear()
        kind = _ID_KINDS[header] = id_kind(header)
    return kind


CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The characters of a 统一社会信用代码 (GB 32100-2015: no I, O, S, V, Z), each worth its place here."""
_SCIENTIFIC = lazyre.compile(r"\d(?:\.\d+)?E\+?\d+", re.IGNORECASE)


def code_checks(code: str) -> bool:
    """Whether a 统一社会信用代码 is 18 characters whose last is the check character of the first 17
    (GB 32100-2015: weights 3^i mod 31)."""
    return _fits(code_key(code))


def _fits(code: str) -> bool:
    """``code_checks`` of a code already folded (``code_key``)."""
    if len(code) != 18 or any(ch not in CODE_CHARS for ch in code):
        return False
    total = sum(CODE_CHARS.index(ch) * pow(3, i, 31) for i, ch in enumerate(code[:17]))
    return CODE_CHARS[-total % 31] == code[17]


_SEPARATORS = lazyre.compile(r"[\s\-‐‑‒–—―]+")
"""What a code is typed with to be read (9144 0300 MA5F…, 91440300-MA5F…): no part of it."""


def code_key(code: str) -> str:
    """A code as compared and checked: what is seen of it (``code_seen``), full-width forms, letter case, spaces and
    dashes folded, and the ' typed before it to keep it text. 91440300-MA5F… was said to fail its check character,
    and matched no other row's code."""
    seen = code_seen(code)
    if not seen.isascii():
        seen = unicodedata.normalize("NFKC", seen)
    return (seen if seen.isalnum() else _SEPARATORS.sub("", seen)).upper().removeprefix("'")


_NOT_IN_CODES = frozenset("IOSVZ")
"""The letters no 统一社会信用代码 holds (GB 32100-2015), typed for 1, 0, 5, 2 they look like."""
_FOR_DIGITS = str.maketrans("OI", "01")
"""The letters a code holds none of (GB 32100-2015) that are typed for the digits they look like."""


def _read_letters(key: str) -> str | None:
    """A code of 18 holding a letter O or I (none is in a code) read as the digit it stands for, when its check
    character then fits: 9144O300… was said to fail its check character, sending staff hunting for a character
    mistyped among 18 that look right."""
    if len(key) != 18 or not any(ch in "OI" for ch in key):
        return None
    read = key.translate(_FOR_DIGITS)
    return read if _fits(read) else None


def note_code(cells: dict[str, str], numbers: Container[str] = ()) -> None:
    """Note a row's 统一社会信用代码 (``row_identity``'s) that cannot be as the company's: read from a
    number cell with more than 15 digits (``numbers``: the headers of the row's number cells), or
    shown as 9.14403E+17 in a CSV, Excel kept 15 and zeroed the rest; else one failing its check
    character. Carried into the results without a word, 914403001922038000 matched no company on
    a park's master list. A 15-digit 工商注册号 in its place is said to be one. Only a note: the row
    is still scored. A cell with no digit (无, 暂无, -) gives no code to check."""
    column, code = next(((h, seen) for h, v in cells.items() if _kept_id_kind(h) == 0 and (seen := code_seen(v))),
                        ("", ""))
    digits = sum(ch.isdigit() for ch in code)
    if not digits:
        return
    if not cells[column].isascii() and any(unicodedata.category(ch) == "Cf" for ch in cells[column]):
        # read as seen, and said: the park's own lookups on its sheet still miss it
        add_note(cells, "note.code_invisible", code)
    key = code_key(code)
    if _SCIENTIFIC.fullmatch(code):  # a CSV Excel saved: six digits or so are left of eighteen
        add_note(cells, "note.code_scientific", code)
    elif column in numbers and digits > 15 and not "".join(filter(str.isdigit, code))[15:].strip("0"):
        # Excel's 15 digits and its zeros; all 18 digits of a number cell another tool wrote are the code
        add_note(cells, "note.code_number", code)
    elif _OLD_NUMBER.fullmatch(key):
        add_note(cells, "note.code_old", code)
    elif _ORG_CODE.fullmatch(key):
        add_note(cells, "note.code_org", code)
    elif _read_letters(key) is not None:
        add_note(cells, "note.code_letter", code)
    elif len(key) != 18:  # a character left out or typed twice: no check character to blame
        add_note(cells, "note.code_length", code)
    elif len(key) == 18 and any(ch in _NOT_IN_CODES for ch in key):  # where to look, among 18 that look right
        add_note(cells, "note.code_no_such_letter", code)
    elif not _fits(key):  # digits only: perhaps Excel's doing; with letters it cannot be
        add_note(cells, "note.code_check" if key.isdigit() else "note.code_typo", code)


_ORG_CODE = lazyre.compile(r"[0-9A-Z]{8}-?[0-9X]")
"""A 组织机构代码 (9 characters, often 8 and its check character after a dash: 12345678-9), kept in a column headed
信用代码/组织机构代码: said to fail its check character as a code of 18, it sent staff hunting a typing error."""
_OLD_NUMBER = lazyre.compile(r"\d{15}")
"""A 工商注册号 (the registration number companies had before 2015, 15 digits): a park's list keeps
it where the company never took, or the list never updated to, its 18-character code. Said to
"fail its check character", it sent staff hunting a typing error in a number that was right."""


def identity(rules: RuleSet, cells: Mapping[str, str], last_year: int | None = None) -> list[tuple[str, str]]:
    """What says which company a row is: ("name", its 企业名称) and ("code", its 统一社会信用代码), as
    compared (``code_key``: spaces, dashes, letter case, full-width forms and invisible characters folded; a
    letter O or I read as the digit its check character fits), so that a company entered twice is noticed."""
    found = []
    for header, cell in cells.items():
        if header.startswith("\x00") or not cell.strip():
            continue
        if _kept_id_kind(header) == 0:
            seen = code_seen(cell)
            # lost digits tell no company apart, nor a cell with no digit (暂无, 无, -, 待办理): two companies that
            # had no code yet were said to be one company entered twice
            if any(ch.isdigit() for ch in seen) and not _lost(seen, cells):
                key = code_key(seen)
                found.append(("code", _read_letters(key) or key))
            continue
        try:
            path, _ = column(rules, header, last_year)
        except InputError:
            continue
        if path == "name":
            found.append(("name", norm(cell)))
    return found


_COUNTS_FIRST = r"(?:(?:人|个|项|家|户|台|件|套|次|名|%|(?:万|千)?元\s*/\s*[\u4e00-\u9fff]{1,2})\s*[、,，;；]\s*)*"
"""The units of counts a park lists before its money's (单位：人、元, 计量单位：个、人、万元), and of a figure per head
or per 亩 (单位：元/人、万元): without them passed over, 元 after them was not read (or 元/人 was taken for the
money's), and every amount taken 10,000 times too large or too small."""
_TITLE_UNIT = lazyre.compile(r"(?<![报送表制])单位[:：]\s*" + _COUNTS_FIRST + r"(?:人民币)?(万亿元|亿元|千万元|百万元|万元|千元|元)"
                         r"(?!(?!人民币|人)[\u4e00-\u9fff])(?!\s*/)|"
                         r"(?<![报送表制])单位[:：]\s*" + _COUNTS_FIRST + "(" + _FOREIGN_MONEY.pattern + ")", re.IGNORECASE)
"""金额单位：元, 单位：万美元; not 填报单位/报送单位/填表单位/编制单位：元丰电子有限公司, who filled the sheet in,
nor 单位：元宝山区工业和信息化局, a signature whose name begins with 元 (a unit runs into no other word)."""


_MONEY_NAMED = r"(?:人民币)?\s*(万亿元|亿元|千万元|百万元|万元|千元|元|" + _FOREIGN_MONEY.pattern + ")"
_SAID_UNIT = lazyre.compile(r"(?:(?<=金额)|(?<=货币)|(?<=计量)|(?<=本表)|(?<=表中)|(?<=数值)|(?<![\u4e00-\u9fff]))单位"
                        r"\s*(?:统一|均|一律)?\s*(?:为|是)\s*" + _MONEY_NAMED
                        + r"(?!(?!人民币)[\u4e00-\u9fff])|(?:(?<=金额)|(?<=数据)|(?<=均)|(?<=一律)|(?<=统一)|"
                        r"(?<=本表)|(?<=表中)|(?<=数值)|(?<![\u4e00-\u9fff]))以\s*" + _MONEY_NAMED + r"\s*为单位",
                        re.IGNORECASE)
"""The unit said in a sentence (说明：金额单位为元，人数单位为人; 本表金额均以元为单位; 本表单位为元; 金额单位统一为元;
本表数值以元为单位): the sheet's, said so by 金额, 本表, 表中, 数值 or by nothing before it, never a column's
(研发费用单位为元, 研发费用以元为单位), nor the first character of a word (所在单位为元宝山区…); nor 其余以元为单位,
whose sheet has another unit for some columns."""


_SHEET_UNIT = lazyre.compile(r"(?:(?<=金额)|(?<=货币)|(?<=计量)|(?<=本表)|(?<=表中)|(?<=数值)|(?<=数据)|(?<![\u4e00-\u9fff]))"
                         r"单位[:：]")
"""单位： as the sheet's (金额单位：元, 注：单位：元), not a named item's (注册资本单位：元, 营业收入单位：元)."""


def sheet_unit(cells: Iterable[str]) -> str | None:
    """The money unit a note under a list states for the whole sheet, or None: ``title_unit``, where the
    单位： it reads is no named item's. Lines under a list say more than a title does (注：注册资本单位：元，
    其余金额单位：万元; 注：营业收入单位：元), and each figure of every company was taken in 元 from such
    a note. A title's 2025年企业名单 单位：万元 keeps its looser reading."""
    for cell in cells:
        text = unicodedata.normalize("NFKC", cell)
        for named in _SHEET_UNIT.finditer(text):
            unit = title_unit([text[named.start():]])
            if unit is not None:
                return unit
        said = _SAID_UNIT.search(text)
        if said is not None:
            return next(unit for unit in said.groups() if unit)
    return None


def title_unit(cells: Iterable[str]) -> str | None:
    """The money unit a title row names (苏州园区企业情况（金额单位：元）, 单位：万元、人, 说明：金额单位为元), or
    None. A park's sheet says its unit once above the header, and a user who typed 9,000,000 under
    金额单位：元 means 900 万元: reading it as 900 亿 turned a small company into a candidate for every
    title; said in a sentence, it was missed, and 元 read as 万元 with no word but a plausibility warning."""
    for cell in cells:
        text = unicodedata.normalize("NFKC", cell)
        spaced = _spaced(text)
        # 亩均税收单位：元，其余金额单位：万元: the money's unit is the one named for 金额, not a measure's own
        named = next((m for m in _TITLE_UNIT.finditer(spaced) if spaced[:m.start()].endswith("金额")), None)
        found = named or _TITLE_UNIT.search(spaced) or _TITLE_UNIT.search(_TITLE_SPACE.sub("", text)) \
            or _SAID_UNIT.search(text)
        if found is not None:
            return next(unit for unit in found.groups() if unit)
    return None


_TITLE_SPACE = lazyre.compile(r"\s+")
_AROUND_COLON = lazyre.compile(r"\s*([:：])\s*")


def _spaced(text: str) -> str:
    """A title line with each run of spaces (half or full width, tabs) kept as one space, the words it
    parts (填报单位：江北高新区经发局    金额单位：元    填报日期：2026年11月), and none beside a colon
    (单位 ： 元). With every space taken out, 元 ran into 填报日期 and was refused as the start of a
    name (元宝山区), and each figure in 元 was read as 万元, 10,000 times too large, with no word."""
    return _TITLE_SPACE.sub(" ", _AROUND_COLON.sub(r"\1", text))


_UNIT_CELL = lazyre.compile(r"(?:金额)?(?:单位[:：])?(?:人民币)?(.*?)(?<=元)(?:人民币|rmb|cny)$|(?:金额)?(?:单位[:：])?(?:人民币)?(.*)",
                        re.IGNORECASE)
"""A units row's cell: 亿元, 单位：元, 人民币元, 元人民币 (as statements write it), its unit the group found."""
UNIT_ROW_WORDS = frozenset({*(name for name, _ in MONEY_UNITS), "人", "个", "项", "件", "家", "名", "年", "%", "分"})
"""What a cell of a units row holds (人 / 亿元 / % / 年, brackets and 单位： allowed): units for the
columns above, which no company's row is made of."""


_ENGLISH_ROW_UNITS = {**_ENGLISH_UNITS, "people": "人", "persons": "人", "person": "人", "headcount": "人",
                      "items": "项", "item": "项", "years": "年", "year": "年", "yrs": "年", "points": "分", "pts": "分"}
"""A units row's English words (people | CNY | 10k CNY), as the Chinese units they name: such a row under an
English header was read as a company (an error row) and its amounts in 万元, 30 million yuan as 30 million 万元."""
_UNIT_LABELS = frozenset({"单位", "计量单位", "金额单位", "单位:", "计量单位:", "unit", "units"})
"""The first cell of a units row when it names what the row is (单位 | 人 | 亿元)."""
_ANSWER_HINTS = frozenset({"是/否", "是或否", "是否", "填是或否", "是/否/不清楚", "y/n", "yes/no", "√/×", "-", "--", "—", "/"})
"""What a units row holds over a yes/no column (是/否), or a dash over a text column, lower-cased: a hint
of how to answer, no company's answer. Read as not a unit, the row was taken for a company and made an
error row that failed the run (exit 1)."""


def unit_statement(values: list[str]) -> tuple[str, list[str]] | None:
    """The money unit a row right under the header states for the whole sheet in its first cell, as a
    title row does (金额单位：元, alone or opening a units row: 金额单位：元 | 人 | 年), and the row
    without it; else None. Taken for a units row's cell, it gave its unit to the column it stood
    under (the names), and every amount was read in 万元 while the run said 元."""
    at = next((i for i, v in enumerate(values) if v.strip()), None)
    if at is None:
        return None
    unit = title_unit(values[at:at + 1])
    rest = [*values[:at], "", *values[at + 1:]]
    if unit is None or (any(v.strip() for v in rest) and units_row(rest) is None):
        return None
    return unit, rest


def refuse_foreign_sheet(search: HeaderSearch, found: UnitsUnder | None, where: str, under: int) -> None:
    """Stop the run on a money unit in a foreign currency stated for the whole sheet, above the list
    (园区企业情况表（金额单位：万美元）) or in the row right under its header (row ``under``): each amount
    of the sheet was refused on its own row, the same two lines 500 times for a park's list, where a
    foreign unit in a header stops the run in one line. Nothing of the sheet can be read in 万元."""
    for unit, line in ((search.unit, search.unit_line), (found.stated if found is not None else None, under)):
        if unit is not None and _foreign(unit):
            raise InputError(kind="column.foreign_sheet", params={"unit": unit}, file=where, line=line)


def units_row(values: list[str]) -> list[str] | None:
    """The unit each cell of a row names ("" for a blank cell), when the row holds units and nothing
    else: the row a park puts right under its header (人 | 亿元 | 亿元), else None. Read as a company,
    it was an error row, and the columns' figures were read in 万元: 1.2 meant as 亿元 became 1.2万元."""
    out = []
    for value in values:
        cell = unicodedata.normalize("NFKC", value).replace(" ", "").strip("()[]")
        found = _UNIT_CELL.fullmatch(cell)
        word = (found.group(1) or found.group(2)).strip("()") if found is not None else cell
        word = _ENGLISH_ROW_UNITS.get(word.lower().replace(",", ""), word)  # people | CNY: 人 | 元
        if word.lower() in _UNIT_LABELS or word.lower() in _ANSWER_HINTS:  # Units, as an English sheet heads it
            word = ""  # 单位 | 人 | 亿元: the row's own label; 是/否 over a yes/no column
        elif word and word not in UNIT_ROW_WORDS and not _foreign(word):
            return None
        out.append(word)
    return out if any(out) else None


def with_units(header: list[str], units: list[str], where: str, line: int) -> list[str]:
    """The header with each money unit of a units row (``units_row``) written after its column's name,
    as if headed 营业收入（2025年）（亿元）: read as a unit in the header is (``header_unit``). A column
    whose name says another unit (营业收入（万元） over 亿元) is refused, naming it: which of the two
    the figures are in, nothing on the sheet says."""
    out = list(header)
    for i, unit in enumerate(units):
        if i < len(header) and header[i].strip() and (_foreign(unit) or unit in _COUNT_UNITS) \
                and unit not in _group_parts(norm(header[i])):  # 知识产权（项） over 项: said once
            out[i] = f"{header[i]}（{unit}）"  # refused as the column's unit if it does not fit the column (``column``)
        if i >= len(header) or not header[i].strip() or unit not in _UNIT_FACTOR:
            continue
        own = [part for part in _group_parts(norm(header[i])) if part in _UNIT_FACTOR]
        if not own:
            out[i] = f"{header[i]}（{unit}）"
        elif any(_UNIT_FACTOR[part] != _UNIT_FACTOR[unit] for part in own):
            name = header[i].strip()
            raise InputError(kind="column.unit_row", params={"own": own[0], "unit": unit, "line": line},
                             file=where, field=name, label=column_label(name))
    return out


def units_said(units: list[str]) -> str:
    """The units of a units row, each once, in the order of their columns: 人、亿元; "" (nothing to say)
    when one is a foreign currency (万美元): the note says the figures are read in those units, and
    the run stops on them instead (``_convertible``), or passes over the column (出口额) it heads."""
    if any(map(_foreign, units)):
        return ""
    return "、".join(dict.fromkeys(u for u in units if u))



class UnitsUnder(NamedTuple):
    """What a row right under the header says of units (``units_under``)."""

    header: list[str]  # the header with the units row's units written in (``with_units``)
    stated: str | None  # the money unit it states for the whole sheet (``unit_statement``)
    said: str  # its units as the run's note says them (``units_said``), "" for nothing to say


def units_under(header: list[str], values: list[str], where: str, line: int) -> UnitsUnder | None:
    """What the row ``values`` right under ``header`` says of units, when it states the sheet's
    (金额单位：元) or holds the columns' (人 | 亿元), and nothing else: no company; else None. The CSV and
    the xlsx readers read it alike."""
    # a tall header cell merged down over the units row (序号, 企业名称 merged A1:A2) gives that row its text
    # again: not a unit, nor a company's cell (found in review: the units row refused, every amount in 元 read
    # as 万元, 10,000 times too large)
    values = ["" if i < len(header) and v.strip() and norm(v) == norm(header[i]) else v for i, v in enumerate(values)]
    statement = unit_statement(values)
    stated = statement[0] if statement is not None else None
    units = units_row(values if statement is None else statement[1])
    if units is None and stated is None:
        return None
    return UnitsUnder(with_units(header, units, where, line) if units is not None else header, stated,
                      units_said([stated or "", *(units or ())]))
HEADER_SEARCH_ROWS = 30
"""How far down a table its header row is looked for (under a title, a date, a note or two)."""
_UNIT_GROUP = lazyre.compile(r"[（(][^（）()]*[）)]\s*$")

_YEAR_GROUP_WORDS = lazyre.compile(r"((?:19|20)\d\d年度?)(?:主要)?(?:财务|经营|经济|运营)?(?:数据|指标|情况|状况)")
"""A group row's year with the words parks put after it (2025年财务数据, 2024年度主要经济指标, 2025年经营情况): the
figures under it are that year's. Joined whole (2025年财务数据营业收入) they named no column, the row under
them was taken for the header, and its 营业收入 twice (2025年's and 2024年's) stopped the sheet."""


_A_YEAR = lazyre.compile(r"(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")
_YEAR_STATED = lazyre.compile(r"(?<!\d)(?:19\d\d|20\d\d|2100)年度?(?![\d一二三四上下前第])")
"""A year as a title states one (2024年度, 2024年, 2024年末), not a part of it (2025年1-9月, 2025年上半年,
2025年前三季度)."""


def stated_year(texts: Iterable[str]) -> int | None:
    """The year ``texts`` (a sheet's title rows, its name) state, when they state one as a year and
    name no other (a date, 2023—2025年): only a hint's year, never read into a column, as a title
    may name the year of the list (2026年申报名单) and not of its figures."""
    # not the day the sheet was filled in (2024年度企业经营情况（填报时间：2025年3月）): found in review, the sheet
    # was refused as naming two years, where its figures' year is plain
    texts = figures_titles(_FILLED_ON.sub("", unicodedata.normalize("NFKC", text)) for text in texts)
    years = {int(y) for text in texts for y in _A_YEAR.findall(text)}
    if len(years) != 1 or not any(_YEAR_STATED.search(t.replace(" ", "")) for t in texts):
        return None
    return years.pop()


APPLICATION_WORDS = lazyre.compile(r"申报|认定|推荐|评选|评审|遴选|入库|拟|备案")
"""Words of a title naming the year of an application (2026年专精特新申报名单), not of the figures under it."""
_FIGURES_YEAR = lazyre.compile(r"(?<!\d)(?:19|20)\d\d(?:年度|年(?:主要)?(?:财务|经营|经济|运营)?(?:数据|指标|情况|状况))")
_APPLICATION_YEAR = lazyre.compile(r"(?<!\d)(?:19|20)\d\d\s*年度?[^\d，,；;：:（）()【】\[\]]{0,16}?(?:" + APPLICATION_WORDS.pattern + ")+")


def figures_titles(texts: Iterable[str]) -> list[str]:
    """A sheet's title rows without the year of the application they are for, when they name another year
    too (2026年申报企业2024年度经营数据, 2025年度数据（2026年申报用）): the year left is the figures'. Such a
    title was taken to name two years, and the sheets a year each (Sheet1, Sheet2) were refused, each column
    asked for its year. A title naming the application's year alone (2026年申报名单) keeps it: which year its
    figures are of, it does not say, and a hint never passes it for the figures'."""
    texts = list(texts)
    if len({y for text in texts for y in _A_YEAR.findall(text)}) < 2:
        return texts
    left = [_APPLICATION_YEAR.sub("", text) for text in texts]
    # the year left must be said as the figures' (2024年度, 2024年经营数据): 2024年度经营数据申报表（2026年） names
    # which year its figures are of no more plainly than before
    if len({y for text in left for y in _A_YEAR.findall(text)}) != 1 or \
            not any(_FIGURES_YEAR.search(text.replace(" ", "")) for text in left):
        return texts
    return left


_FILLED_ON = lazyre.compile(r"(?:填报|填表|制表|报送)(?:时间|日期)\s*[:：]?\s*(?:19|20)\d\d[^，,；;）)]*")
"""When a sheet was filled in (填报时间：2025年3月, 制表日期：2025-03-05): no year of its figures."""


_BARE_YEAR = lazyre.compile(r"\s*(19\d\d|20\d\d|2100)\s*")


def year_named(sheet: str) -> str:
    """A sheet's name as the year it states: a sheet named 2024 alone is 2024年, as parks name a workbook's
    sheets a year each (2023, 2024, 2025); any other name as it is."""
    found = _BARE_YEAR.fullmatch(unicodedata.normalize("NFKC", sheet))
    return f"{found.group(1)}年" if found else sheet


def told_apart(header: list[str], search: HeaderSearch) -> list[str] | None:
    """The header with a second (third…) column of one name told apart by its count (备注, 备注 2), where no
    rule reads that name (a park's two 备注 columns, one per visit); None where a column a rule reads,
    or one meant for a field, is given twice (which of them to read is no guess to make), or where the
    header was found by no name a rule reads. The two 备注 refused the whole sheet, every company with them."""
    counts = Counter(h for h in header if h)
    if all(n == 1 for n in counts.values()):
        return header
    if search.known is None:  # a header found by no known name: what its columns are is not known either
        return None
    if read_twice(header, search) is not None:
        return None
    out: list[str] = []
    for h in header:
        if h and counts[h] > 1:
            if h in out:
                taken = {norm(x) for x in (*header, *out) if x}  # 备注 2 beside a 备注2 of the sheet's own: 备注 3
                k = 2
                while norm(f"{h} {k}") in taken:
                    k += 1
                h = f"{h} {k}"
        out.append(h)
    return out


def read_twice(header: list[str], search: HeaderSearch) -> str | None:
    """The first name given twice that a rule reads, or is meant for a field (any name given twice, where
    the header was found by no known name): which of its columns to read is no guess to make."""
    def read(h: str) -> bool:
        return search.known is None or search.known(h) or (search.meant is not None and search.meant(h))

    return next((h for i, h in enumerate(header) if h and h in header[:i] and read(h)), None)


MAX_COLUMNS = 500
"""The most cells a row above or at a table's header may fill: a park's sheet has some dozens, the
template about a hundred; the cost of a header grows with each cell (its nearest column name)."""


class HeaderSearch:
    """Where a table's header is, under the title rows a park's sheet has above it (2026年园区企业名单,
    单位：元), one row deep or two (a group row, 2025年 over 营业收入 and 研发费用, as Excel merges it).
    The xlsx and the CSV readers hand it their rows in turn, so that a sheet saved as CSV reads as the
    workbook does. ``known``: whether a cell names a column (None: the first row is the header).

    ``take`` each row with something in it until it answers False: that row is the first company's,
    and ``header`` is final (``end`` makes it so when the table ends first). ``unit`` is the money
    unit the title rows name; ``seen`` how many rows were passed over, ``wide`` whether one of them
    had more than two cells (a table whose header was not known), ``line`` the header's last row."""

    def __init__(self, known: Callable[[object], bool] | None, meant: Callable[[object], bool] | None = None,
                 where: str | None = None, sheet: str | None = None) -> None:
        self.known = known
        self.where = where  # the file (and sheet) a refusal names
        self.sheet = sheet  # the sheet's name, which may state its year (2024年度)
        self._titles: list[list[str]] = []  # the title rows above the header, their filled cells
        self.meant = meant  # a cell meant for a field, to be refused by name: it marks the header row too
        self.header: list[str] | None = None
        self.line = 0
        self.unit: str | None = None
        self.unit_line = 0  # the row that names ``unit``
        self.seen = 0
        self.wide = False
        self._above: tuple[list[str], dict[int, int]] | None = None  # the row passed over just before, its merges
        self._pending: tuple[list[str], dict[int, int]] | None = None  # a header the next row may complete

    @property
    def searching(self) -> bool:
        """Whether the header is still to be found (it may be found and not final: see ``width``)."""
        return self.header is None and self._pending is None

    @property
    def converted(self) -> str | None:
        """The unit the title rows name when it is not 万元: the run says that its amounts are converted.
        None for a foreign one (万美元): nothing is converted, each amount under it is refused."""
        if self.unit is None or self.unit == "万元" or _foreign(self.unit):
            return None
        return self.unit

    @property
    def given_up(self) -> bool:
        return self.header is None and self._pending is None and self.seen >= HEADER_SEARCH_ROWS

    def width(self) -> int | None:
        """The cells a row is expected to have: the header's, once one is found."""
        found = self.header if self.header is not None else self._pending[0] if self._pending is not None else None
        return None if found is None else len(found)

    def take(self, line: int, values: list[str], merged: Mapping[int, int] | None = None) -> bool:
        """Whether row ``line`` is part of the header or of the titles above it; False: it is the first
        row under a final ``header``. ``merged``: the row's cells merged across columns, by the index
        of their first column, the index of their last (a workbook knows them; a CSV does not)."""
        cells = [v.strip() for v in values]
        if self.header is None and sum(1 for v in cells if v) > MAX_COLUMNS:
            # each cell is looked up as a column, its nearest name too: 5,000 took over a minute, 20,000 hours
            raise InputError(kind="table.too_wide", params={"count": sum(1 for v in cells if v), "most": MAX_COLUMNS},
                             file=self.where, line=line)
        spans = dict(merged or {})
        if self._pending is not None:
            (upper, upper_spans), self._pending = self._pending, None
            middle = self._middle(upper, cells, upper_spans)
            if middle is not None:  # a header of three rows: 经营情况 over 营业收入 over 2025年
                self._pending, self.line = (middle, spans), line
                return True
            both = self._two_rows(upper, cells, upper_spans)
            if both is None and sum(1 for v in upper if v) == 1 < sum(1 for v in cells if v) and self._is_header(cells):
                # a lone cell over a wider header (a title that names a field: 专精特新中小企业): a title
                self._title(upper, self.line)
                self._above, self.seen = (upper, upper_spans), self.seen + 1
                self._pending, self.line = (cells, spans), line
                return True
            self.header = self._unit_taken(both if both is not None else upper)
            if both is not None:
                self.line = line
            return both is not None
        if self.header is not None:
            return False
        if self._above is not None:
            above, above_spans = self._above
            both = self._two_rows(above, cells, above_spans)
            if both is not None:  # the row above was the group row: the header is both, and final
                self.header, self.line = self._unit_taken(both), line
                self._titles.pop()  # its 2025年 is a group's, not the sheet's
                return True
        if self._is_header(cells):
            self._pending, self.line = (cells, spans), line
            return True
        self.wide = self.wide or sum(1 for v in cells if v) > 2
        self._title(cells, line)
        self._above = (cells, spans)
        self.seen += 1
        return True

    def _unit_taken(self, header: list[str]) -> list[str]:
        """The header without a cell stating the sheet's money unit (单位：元, 金额单位：万元, typed at the end of
        the header row where a sheet has no title row above it), that unit the sheet's, as a title's is:
        taken for a column of the park's own, its 元 was not read, and every amount was taken in 万元."""
        out = list(header)
        for i, cell in enumerate(header):
            if cell and _UNIT_FIRST.match(unicodedata.normalize("NFKC", cell.strip("（）() "))) and \
                    (unit := title_unit([cell])) is not None and len(cell) <= 20:
                if self.unit is None:
                    self.unit, self.unit_line = unit, self.line
                out[i] = ""
        return out

    def _title(self, cells: list[str], line: int) -> None:
        """A title row above the header: the money unit it names, and its words, for the year it may state."""
        unit = title_unit(cells)
        if self.unit is None and unit is not None:
            self.unit, self.unit_line = unit, line
        self._titles.append([v for v in cells if v])

    @property
    def year(self) -> int | None:
        """The year the title rows and the sheet's name state (2024年度XX园区企业经营情况表, a sheet named
        2024年度), or None (``stated_year``): a column without its year was told to write last year's,
        and a clerk who followed it filed 2024's figures as 2025's."""
        return stated_year([*(v for row in self._titles for v in row), year_named(self.sheet or "")])

    def end(self) -> list[str] | None:
        """The header at the end of the table (a header with no row under it is final), or None."""
        if self._pending is not None:
            self.header, self._pending = self._unit_taken(self._pending[0]), None
        return self.header

    def _known(self, cell: str) -> bool:
        return bool(cell) and (self.known is None or self.known(cell))

    def _hits(self, cells: list[str]) -> int:
        return sum(1 for v in cells if self._known(v))

    def _marks(self, cells: list[str]) -> int:
        """The cells naming a column, or meant for one and to be refused by name (``meant``): a group
        2025年12月 over 营业收入 and 研发费用 makes columns said to be one month's, which named no more
        columns than the row above, so the row of 营业收入 and 研发费用 was scored as a nameless company
        and the figures under it went unread without the reason a one-row 2025年12月营业收入 is given."""
        meant = self.meant
        return sum(1 for v in cells if self._known(v) or (meant is not None and bool(v) and meant(v)))

    def _is_header(self, cells: list[str]) -> bool:
        filled = sum(1 for v in cells if v)
        meant = self.meant
        hits = sum(1 for v in cells if self._known(v) or (meant is not None and bool(v) and meant(v)))
        return filled > 0 and (hits >= 2 or (hits >= 1 and hits == filled))

    def _two_rows(self, upper: list[str], lower: list[str], merged: Mapping[int, int]) -> list[str] | None:
        """The header ``upper`` and ``lower`` make together, or None when ``lower`` is no second row
        of it: a group label (2025年, not itself a column) heads each label under it (2025年营业收入);
        a column named in one row only keeps that name. A cell under a column's own name that differs
        from it is a company's (甲公司 under 企业名称): no second row. Taken only when the two rows name
        more columns than either alone.

        How far a group label reaches: a merged one (``merged``: Excel's 合并后居中, how a group is
        laid out over its columns), exactly over the columns of its merge, so that 研发费用 beside a
        2024年 merged over 营业收入 and 主营业务收入 is not filed as 2024's but asked for its year. An
        unmerged one (a CSV keeps a merge's text in its first column only; or the label typed into
        the first cell and centred across the rest) over the blank cells after it up to the next
        label, a column empty in both rows, or a column whose name needs no group (从业人员, a market
        share, 营业收入（2023年）): a year's group holds that year's figures side by side, and a
        净利润 after the columns that follow it is asked for its year rather than filed as the last
        group's, which nothing left in the file says it is."""
        if self.known is None:  # no way to tell a group row from a title or a company's row
            return None
        if _titled(upper, lower):
            return None
        out: list[str] = []
        group = ""
        until: int | None = None  # the last column a merged group label reaches (None: not merged)
        for i in range(max(len(upper), len(lower))):
            up = upper[i] if i < len(upper) else ""
            low = lower[i] if i < len(lower) else ""
            if up:
                group = "" if self._known(up) else up
                until = merged.get(i)
            elif group and (i > until if until is not None else not low or self._known(low)):
                group = ""  # past its merge, a gap, or (unmerged) a column named by itself: not under it
            if not low or low == up:  # one row's name (Excel's merge fills both rows of a tall one)
                out.append(up)
            elif up and not group:  # a value under a column's own name: a company's row
                return None
            else:
                out.append(self._joined(group, low))
        padded = [*lower, *[""] * (len(out) - len(lower))]
        united = out != padded and all(o == low or (low and o.startswith(low) and _UNIT_GROUP.fullmatch(o[len(low):]))
                                       for o, low in zip(out, padded, strict=True))
        if not self._is_header(out) or (self._hits(out) <= max(self._hits(upper), self._hits(lower)) and not united
                                        and self._marks(out) <= max(self._marks(upper), self._marks(lower))):
            return None  # taken when it names more columns (or marks more: _marks), or gives them a unit (主要经济指标（元）)
        return out

    def _middle(self, upper: list[str], lower: list[str], merged: Mapping[int, int]) -> list[str] | None:
        """The header's second row of three, or None: under a heading over groups (经营情况, 主要经济指标（万元）,
        not itself a column nor a year), the names of columns (营业收入, 研发费用) whose years a third row
        gives; beside it, the tall columns' names as the row above has them (企业名称, merged down, or blank in
        a CSV). Taken for the first company, it was an error row, and so was the row of years under it,
        while the figures of every company under them went unread. The heading's unit goes with each name
        under it; the heading's words, which name nothing, do not."""
        meant = self.meant
        width = max(len(upper), len(lower))
        spans: list[tuple[int, int, str]] = []  # the headings over groups: first column, last, unit
        for i, up in enumerate(upper):
            if not up or self._known(up) or (meant is not None and meant(up)):
                continue
            unit = _UNIT_GROUP.search(up)
            if _A_YEAR.search(up if unit is None else up[: unit.start()]):
                return None  # a year's group (2025年 over 营业收入): the two-row reading's, or none
            last = merged.get(i)
            if last is None:  # a CSV keeps a merge's text in its first column: up to the next filled one
                last = next((j - 1 for j in range(i + 1, width) if j < len(upper) and upper[j]), width - 1)
            spans.append((i, last, "" if unit is None else unit.group(0).strip()))
        if not spans:
            return None
        out: list[str] = []
        under = 0
        for i in range(width):
            up = upper[i] if i < len(upper) else ""
            low = lower[i] if i < len(lower) else ""
            span = next((sp for sp in spans if sp[0] <= i <= sp[1]), None)
            if span is None:
                if low and low != up:
                    return None  # a value beside a tall column's name: a company's row
                out.append(up)
            elif not low:
                out.append("")
            elif self._known(low) or (meant is not None and meant(low)):
                under += 1
                out.append(low if not span[2] or _UNIT_GROUP.search(low) else low + span[2])
            else:
                return None
        return out if under >= 2 else None

    def _joined(self, group: str, label: str) -> str:
        """``label`` under ``group``: the label alone when it names a column by itself (营业收入（2024年）
        under 2025年 is 2024's), else the group's words before it and the group's unit after
        (2025年（元） over 营业收入 is 2025年营业收入（元））."""
        if not group:
            return label
        unit = _UNIT_GROUP.search(group)
        words = _YEAR_GROUP_WORDS.fullmatch((group if unit is None else group[: unit.start()]).strip())
        if words is not None:  # 2025年财务数据 over 营业收入: the year's figures, as 2025年 over them
            group = words.group(1) + ("" if unit is None else unit.group(0).strip())
            unit = _UNIT_GROUP.search(group)
        if self._known(label):  # a money unit over it still holds (主要经济指标（元） over 营业收入（2025年）)
            if unit is None or _UNIT_WORDS.sub("", unit.group(0).strip()[1:-1]) not in _UNIT_FACTOR:
                return label
            said = not any(part in _UNIT_FACTOR for part in _group_parts(norm(label)))
            return label + unit.group(0).strip() if said and self._known(label + unit.group(0).strip()) else label
        if unit is None or _UNIT_GROUP.search(label) is not None:
            return group + label
        return group[: unit.start()].rstrip() + label + unit.group(0).strip()

def _titled(upper: list[str], lower: list[str]) -> bool:
    """Whether ``upper`` is a title stating the sheet's unit (园区企业情况表（金额单位：万元）) alone
    over the start of the header: no group row. Taken for one, its unit went to the name column
    (企业名称（金额单位：万元）), the header ended there, and every row under a two-row header was
    an error while 2025年 and 2024年 were passed over."""
    filled = [i for i, v in enumerate(upper) if v]
    first = next((i for i, v in enumerate(lower) if v), None)
    return len(filled) == 1 and first is not None and filled[0] <= first and title_unit(upper) is not None


TOTAL, SUBTOTAL, FOOTER, NUMBERED, COLUMN_NUMBERS = "total", "subtotal", "footer", "numbered", "column_numbers"
AVERAGE, SECTION, HEADER_AGAIN, SUMS, PAGE = "average", "section", "header_again", "sums", "page"
SEQUENCE_HEADERS = frozenset({"序号", "编号", "no.", "no", "#", "行号", "顺序号"})
"""Headers of a sequence-number column (by ``norm``): a row with nothing else is a blank template row."""


@lru_cache(maxsize=COLUMNS_KEPT)
def _sequence_header(header: str) -> bool:
    """Whether a header cell is a sequence number's (SEQUENCE_HEADERS), worked out once a header: the
    rows' tests (``numbered_only``, ``section_heading``) ask of every filled cell of every row."""
    return norm(header) in SEQUENCE_HEADERS


def numbered_only(header: list[str], values: list[str]) -> bool:
    """Whether a row's only filled cells are in sequence-number columns (序号, 编号, No.): a park's
    template numbered 1 to 20 ahead of its companies. Scored, each became a nameless company."""
    filled = [i for i, v in enumerate(values) if v.strip()]
    return bool(filled) and all(i < len(header) and _sequence_header(header[i])
                                and _SEQUENCE.fullmatch(values[i].strip()) for i in filled)


_SEQUENCE = lazyre.compile(r"[A-Za-z]{0,3}-?\d{1,6}\.?")
"""A sequence number as a template holds it (7, 7., A-07); 合计 or 填表人：… in that column are not."""
_COUNTED = r"(?:共计?)?\d+(?:家|个|户)(?:企业|公司|单位)?"
_TOTAL_WORDS = "总合计|合计数|合计|总计|小计|共计|累计"
_AVERAGE_WORDS = "平均值|平均数|平均|均值"
_SUMMARY_CELL = lazyre.compile(rf"(?:({_TOTAL_WORDS}|total|subtotal|grandtotal)"
                           rf"|({_AVERAGE_WORDS}|average|mean))"
                           rf":?(?:{_COUNTED}|\({_COUNTED}\))?|共计?\d+(?:家|个|户)(?:企业|公司|单位)?")
"""A cell that makes its row a sum or an average of the companies above (合计, 平均, 共计3家企业, 合计（3家）),
by ``norm``: the word alone or with a count, so that 平均精密机械有限公司 is still a company."""
_SUMMARY_ENDING = lazyre.compile(rf"(?:({_TOTAL_WORDS})|({_AVERAGE_WORDS}))$")
_SUMMARY_OPENING = lazyre.compile(rf"(?:以上|本页|全部|总)(?:({_TOTAL_WORDS})|({_AVERAGE_WORDS}))")
"""A group's or a page's sums (高新区小计, 本页小计, 以上合计, 全部企业平均值; 以上合计金额): the word at the
end of the cell, or after 以上/本页/全部/总 at its start, once its remark is trimmed (``_trimmed``)."""
_REMARK = lazyre.compile(rf"(?:\([^()]*\)|{_COUNTED}|[:,.;、。\-—~])+$")
"""What a park writes after a totals row's word, by ``norm``: a remark in brackets (合计（万元）), a count
(小计：2家), a colon."""
_COMPANY_ENDINGS = ("公司", "厂", "中心", "合作社", "研究院", "研究所", "事务所", "店", "部", "社", "集团", "商行",
                    "工作室", "场", "站", "院", "所", "馆", "行", "ltd", "ltd.", "inc", "inc.", "co.", "llc", "合伙)")
"""How a company's name ends (有限公司, 加工厂, 检测中心, 合作社, 门市部): a cell so ending is a company,
whatever words come before (平均精密机械有限公司, 以上合计科技有限公司)."""
_ORDINAL = lazyre.compile(r"(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]{1,3}"
                      r"(?:部分|类|组|批|片区)[、:.]?|(?:\d{1,2}[、)]|\(\d{1,2}\))(?=.))(.{0,20})")
"""A heading over a group of a list (一、高新区, （一）经开区, 二、, 1、制造业, 第一部分), by ``norm``: an
ordinal and a short name of a place or a group, or none."""


_HAN_ORDINAL = lazyre.compile(r"\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]?")
"""A group's ordinal alone in the 序号 column (一、, 一, （一）), by ``norm``: companies are numbered 1, 2, 3."""


_LABEL_MOST = 40
"""The longest label of a totals row read for its ending (全部企业平均值（3家，万元））."""


def _trimmed(folded: str) -> str:
    """A folded cell without what follows a totals row's word (合计：3家 → 合计, 小计（万元） → 小计)."""
    return _REMARK.sub("", folded) or folded


def _summary_kind(cell: str) -> str | None:
    """TOTAL or AVERAGE for a cell that makes its row the sums or the means of the companies above it
    (合计, 合计（3家）, 高新区小计, 本页小计, 以上合计, 总计：, 均值（3家）), else None. A company's name never
    ends in those words (``_COMPANY_ENDINGS``): 平均精密机械有限公司 and 共计科技有限公司 are companies."""
    folded = norm(cell)
    whole = _SUMMARY_CELL.fullmatch(folded)
    if whole is not None:
        return AVERAGE if whole.group(2) else TOTAL
    if len(folded) > _LABEL_MOST:  # a sentence (注：…), not a label
        return None
    folded = _trimmed(folded)
    if folded.endswith(_COMPANY_ENDINGS):
        return None
    found = _SUMMARY_ENDING.search(folded) or _SUMMARY_OPENING.match(folded)
    if found is None:
        return None
    return AVERAGE if found.group(2) else TOTAL


def section_heading(header: list[str], values: list[str]) -> bool:
    """Whether a row is a heading over a group of the list (一、高新区 | | |, （一）经开区, 二、): an
    ordinal and a short name alone on its row, but for a sequence number. Scored, it was a company
    with no name and no figure; a row so named with figures in it is still read as a company."""
    filled = [i for i, v in enumerate(values) if v.strip()]
    headed = [i for i in filled if not (i < len(header) and _sequence_header(header[i])
                                        and _SEQUENCE.fullmatch(values[i].strip()))]
    if len(headed) == 2 and headed[0] < len(header) and _sequence_header(header[headed[0]]) \
            and _HAN_ORDINAL.fullmatch(norm(values[headed[0]])):
        # 一、 | 高新区: the ordinal in the 序号 column, the group's name in the names'
        name = _trimmed(norm(values[headed[1]]))
        return len(name) <= 20 and not name.endswith(_COMPANY_ENDINGS)
    if len(headed) != 1:
        return False
    only = headed[0]
    heading = _ORDINAL.fullmatch(norm(values[only]))
    if heading is not None:
        return not _trimmed(heading.group(1)).endswith(_COMPANY_ENDINGS)
    # a group's name with no ordinal: in the 序号 column (高新区, 以下为规上企业), where no company's name goes,
    # or in any column ending as a group's does (规下企业, A区企业, 其他, 规上工业企业（共12家））, not a company's
    text = _trimmed(norm(values[only]))
    if not text or text.endswith(_COMPANY_ENDINGS) or _A_FIRM.search(text) or len(text) > 20:
        return False
    if len(filled) > len(headed):  # numbered in the companies' run (2 | 华恒电子企业, 5 | 其它): a company yet to
        return False  # report its figures, which a group's heading never is (found in review: each was passed over)
    return (only < len(header) and _sequence_header(header[only])) or bool(_GROUP_NAME.search(text))


_GROUP_NAME = lazyre.compile(r"(?:企业|园区|片区|[一二三四五六七八九十a-z]区|开发区|高新区|街道|乡镇|镇|类|其他|其它)$")
"""How the name of a group of a list ends (规上工业企业, 一区, 高新区, 其他), said alone on its row."""
_A_FIRM = lazyre.compile(r"公司|厂|合伙|独资|个体|集团")
"""Words of a company's own name: 苏州华恒合伙企业 with nothing else filled is a company yet to report."""


_PART_OF_TOTAL = lazyre.compile(r"其中[:：,，]")
"""A subtotal under a totals row (其中：高新技术企业): a count of some of the companies, never one."""
_FOOTER = lazyre.compile(r"(填表人|填报人|制表人|审核人|审核|复核人|负责人|单位负责人|统计人|联系人|联系电话|"
                     r"填表日期|填报日期|制表日期|日期|注|备注|说明|填表说明|制表)[:：]")


def counts_companies(header: str) -> bool:
    """Whether a header cell heads a count of companies (企业数, 企业数（家）, 高新技术企业数, 户数): a sheet
    with one and no name column is a summary by group, not a list of companies (SUMMARY_COUNTS)."""
    folded = _bare(norm(header))
    return folded in SUMMARY_COUNTS or folded.endswith("企业数")


def skipped_row(values: list[str]) -> str | None:
    """Why a row of a sheet is no company: TOTAL (合计, 总计, 小计, 共计3家企业 in its first cells: the
    column sums a park adds under its list), AVERAGE (平均, 均值: the columns' means), SUBTOTAL (其中：…, a part of those sums, said as what it is: a park
    reading "合计行" for its 其中 row looked for a totals row it did not see) or FOOTER (填表人：…, 注：…,
    alone on their row, or 金额单位：元 alone in its row); else None. Scored, a totals row became a company with no name and the
    park's summed figures."""
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return None
    for cell in filled[:2]:
        kind = _summary_kind(cell)
        if kind is not None:
            return kind
    if any(_PART_OF_TOTAL.match(norm(v)) for v in filled[:2]):
        return SUBTOTAL
    if len(filled) <= 2 and _FOOTER.match(unicodedata.normalize("NFKC", filled[0]).replace(" ", "")):
        return FOOTER
    if len(filled) == 1 and _SENTENCE.search(filled[0]) and not _NAMED.search(filled[0]):
        return FOOTER  # 以上数据由企业自报，园区未核实: scored, it was a company
    if len(filled) == 1 and _UNIT_FIRST.match(unicodedata.normalize("NFKC", filled[0])) and title_unit(filled):
        return FOOTER  # 金额单位：元 alone under the list: the sheet's unit (footers.py), no company named so
    if len(filled) == 1 and not filled[0].endswith(_COMPANY_ENDINGS):
        alone = norm(filled[0])
        if _PAGE_MARK.fullmatch(alone):
            return PAGE
        if _BLANK_BELOW.fullmatch(alone) or _AS_OF_NOTE.match(alone):
            return FOOTER
    return None


_PAGE_MARK = lazyre.compile(r"[-—_=~·*]*(?:续表|续上表|接上表|续前表|\(续\)|第\d+页(?:,?共\d+页)?|共\d+页,?第\d+页)[-—_=~·*]*")
"""A page's mark alone on its row, as a list printed and typed back, or copied page by page, keeps it (续表,
第2页，共5页; by ``norm``). Scored, 续表 was a company."""
_BLANK_BELOW = lazyre.compile(r"[-—_=~·*]*(?:以下空白|以下无内容|以下无数据|以下无正文|本页以下空白|此页以下空白|此页无正文)"
                          r"[-—_=~·*]*")
"""——以下空白——, the mark a form puts under its last row: no company."""
_AS_OF_NOTE = lazyre.compile(r"(?:数据|资料|统计)?(?:截至|截止)(?:19|20)\d\d|(?:数据|资料)来源[:：]?")
"""A note of the figures' date or source alone on its row (数据截至2025年12月31日, 数据来源：统计局): no company."""


_UNIT_FIRST = lazyre.compile(r"\s*(?:(?:注|说明|备注)\s*[:：]\s*)?(?:金额|本表|表中)?\s*单位")
"""A cell that is a unit's statement from its start (金额单位：元, 注：单位：元), not a group's title that
names its unit (第二批企业名单（金额单位：元）, a section heading that was called a footer)."""


_SENTENCE = lazyre.compile(r"^以上|[，。；！？]")
"""A cell alone on its row that is a sentence, not a company's name: a name holds no Chinese comma or
full stop, and none begins 以上 (以上填报内容属实, 以上金额单位：万元) but one ending as names end."""
_NAMED = lazyre.compile(r"(?:公司|厂|集团|中心|研究院|研究所|合作社|事务所|商行)[)）]?$")
"""How a company's name ends: 以上智能科技有限公司 is a name, not a footnote beginning 以上."""


_COLUMN_LETTERS = ("甲乙丙丁戊己庚辛壬癸", "abcdefghij")
_COLUMN_LABEL = frozenset({"栏次", "列次", "行次", "列号", "栏号"})
_COLUMN_NUMBER = lazyre.compile(r"\(?(\d{1,3})\)?\.?")


def column_numbers(header: list[str], values: list[str]) -> bool:
    """Whether a row numbers the columns above it rather than holds a company: 甲 | 乙 | 1 | 2 | 3, or
    1 | 2 | 3 | …, or 栏次 | 1 | 2, as government templates put under their header. Its numbers count
    up by one from 1, its letters (if any) from 甲 or A, at least two of each kind it has, across at
    least half of the header's columns and three cells. Scored, it became a company named 甲 (or 1)
    with 1, 2, 3 for figures; a company named 甲 with figures 1, 2, 3 still reads as one."""
    numbers: list[int] = []
    letters: list[str] = []
    filled = 0
    for value in values:
        cell = unicodedata.normalize("NFKC", value).strip().lower()
        if not cell:
            continue
        filled += 1
        number = _COLUMN_NUMBER.fullmatch(cell)
        if number is not None:
            numbers.append(int(number.group(1)))
        elif len(cell) == 1 and any(cell in row for row in _COLUMN_LETTERS):
            letters.append(cell)
        elif cell not in _COLUMN_LABEL:
            return False
    lettered = not letters or (len(letters) >= 2 and any("".join(letters) == row[:len(letters)]
                                                           for row in _COLUMN_LETTERS))
    columns = sum(1 for h in header if h.strip())
    return (lettered and filled >= 3 and 2 * filled >= columns and len(numbers) >= 2 and numbers[0] == 1
            and all(b == a + 1 for a, b in itertools.pairwise(numbers)))


def not_a_company(header: list[str], values: list[str], under_header: bool, sums: ColumnSums | None = None
                  ) -> str | None:
    """Why a row of a table is not read as a company (TOTAL, AVERAGE, SUBTOTAL, FOOTER, NUMBERED, SECTION, HEADER_AGAIN,
    COLUMN_NUMBERS, SUMS), or None: the CSV and the xlsx readers pass over the same rows, and say them.
    ``under_header``: the row comes right under the header, where a template numbers its columns. ``sums``:
    the table's ``ColumnSums``, to which a row read as a company is added."""
    why = _not_a_company(header, values, under_header)
    if sums is not None:
        if why is None and sums.totals(values):
            why = SUMS
        if why is None:
            sums.add(values)
        else:
            sums.passed()
    return why


def _not_a_company(header: list[str], values: list[str], under_header: bool) -> str | None:
    if under_header and column_numbers(header, values):
        return COLUMN_NUMBERS
    if values and header and values[0] and norm(values[0]) == norm(header[0]) and \
            [norm(v) for v in values] == [norm(h) for h in header[:len(values)]]:
        return HEADER_AGAIN  # two exports pasted one under the other: the second's header read as a company
    return skipped_row(values) or (NUMBERED if numbered_only(header, values) else None) or \
        (SECTION if section_heading(header, values) else None)


_PLAIN_FIGURE = lazyre.compile(r"-?\d+(?:\.\d+)?")
_TOTALS_SAID = lazyre.compile(rf"{_TOTAL_WORDS}|(?i:total)")
"""A remark that says a row is a sum (一区小计 under 备注): no company's words."""


class ColumnSums:
    """The sums of a list's number columns over the companies read, to know a totals row that names itself
    nowhere: a park sums its columns under the list (=SUM(D3:D40)) and leaves the name cell blank. Scored,
    it was a nameless company with the park's summed figures (an error row asking for a name, or worse a
    verdict), where a row headed 合计 is passed over. Told by its figures alone: no name nor code, two of
    its figures or more (and at least half of them) the sums of their columns over two companies or more
    above it, since the last row passed over (a group's 小计 with no word) or from the list's top. A
    company that forgot its name has figures of its own, never the sums of every company above it."""

    def __init__(self, header: list[str]) -> None:
        self.naming = [i for i, h in enumerate(header) if h and tells_companies_apart(h)]
        # not a 序号: the third company's 3 is 1 + 2, and a nameless company was passed over as a totals row
        self.columns = [i for i, h in enumerate(header) if h and i not in self.naming and not _sequence_header(h)]
        self.sums: tuple[dict[int, Decimal], dict[int, Decimal]] = ({}, {})  # from the top, since a row passed over
        self.rows = [0, 0]

    @staticmethod
    def _figure(cell: str) -> Decimal | None:
        text = unicodedata.normalize("NFKC", cell).strip().replace(",", "")
        return Decimal(text) if _PLAIN_FIGURE.fullmatch(text) else None

    def totals(self, values: list[str]) -> bool:
        """Whether the row is such a totals row (then it is not added)."""
        if not self.naming or any(i < len(values) and values[i].strip() for i in self.naming):
            return False
        figures: list[tuple[int, Decimal]] = []
        for i in self.columns:  # each cell read once: a figure, or words
            cell = values[i].strip() if i < len(values) else ""
            if not cell:
                continue
            f = self._figure(cell)
            if f is not None:
                figures.append((i, f))
            elif not _TOTALS_SAID.search(cell):
                return False  # words beside the figures (名称待补 under 备注, 是 under a yes/no): a company's row
        for sums, rows in zip(self.sums, self.rows, strict=True):
            if rows < 2:
                continue
            # a 0 matching 0 + 0 is no evidence (R&D 0 for every company): a nameless company so matched was lost
            matched = sum(1 for i, f in figures if f and i in sums and abs(sums[i] - f) <= max(Decimal("0.01"),
                                                                                              abs(f) * Decimal("1e-9")))
            if matched >= 2 and 2 * matched >= len(figures):
                return True
        return False

    def add(self, values: list[str]) -> None:
        """A company's row: its figures added to both sums."""
        for sums, k in zip(self.sums, (0, 1), strict=True):
            self.rows[k] += 1
            for i in self.columns:
                if i < len(values) and (f := self._figure(values[i])) is not None:
                    sums[i] = sums.get(i, Decimal(0)) + f

    def passed(self) -> None:
        """A row passed over (a 小计, a section's heading): what follows is summed afresh as well."""
        self.sums[1].clear()
        self.rows[1] = 0


def skipped_text(skipped: Mapping[str, list[int]]) -> Text:
    """The rows a sheet's reader passed over, by why, in words: 第 34 行（合计行）、第 36 行（表尾说明）."""
    words = {TOTAL: ("合计行", "totals"), AVERAGE: ("平均值行", "averages"), SUBTOTAL: ("“其中”分项行", "其中 subtotals"),
             FOOTER: ("表尾说明", "footer"), SECTION: ("分组标题行", "section headings"),
             NUMBERED: ("只有序号的空行", "blank but for a sequence number"),
             COLUMN_NUMBERS: ("给各列编号的栏次行", "numbers of the columns"),
             HEADER_AGAIN: ("又一次出现的表头行", "the header again"), PAGE: ("分页标记：续表、第几页", "page marks"),
             SUMS: ("未写“合计”的合计行：没有企业名称，数字是上面各行之和", "totals without the word: no name, and its figures "
                    "the sums of the rows above")}
    zh, en = [], []
    for why, rows in skipped.items():
        zh.append(f"第 {row_numbers(rows, '、')} 行（{words[why][0]}）")
        en.append(f"{'rows' if len(rows) > 1 else 'row'} {row_numbers(rows, ', ')} ({words[why][1]})")
    return Text("、".join(zh), ", ".join(en))


def row_numbers(rows: list[int], sep: str, most: int = 10) -> str:
    """Row numbers as a reader takes them in: runs of three or more as 4–21."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else sep.join(map(str, r)) for r in runs]
    shown = sep.join(parts[:most])
    return shown + (f" … (+{len(parts) - most})" if len(parts) > most else "")


OTHER_YEAR = frozenset({"column.year_other", "column.year_end_other"})
"""Refusals of a column dated a year other than the one its field is read for (2023年从业人员 where 从业人员
is last year's): passed over beside the column of that year (``years_beside``), refused without one."""
YEAR_NOT_READ = "column.year_not_read"
"""The kind ``ignored_columns`` lists the columns of ``years_beside`` under (a run's note on them)."""


def years_beside(header: Iterable[str], rules: RuleSet, last_year: int | None) -> frozenset[str]:
    """The columns of ``header`` dated another year than the one their field is read for (2023年从业人员,
    2024年从业人员 where 从业人员 is last year's), where the header has that field's column for that year
    (2025年从业人员, 从业人员（上年末）, 从业人员): a park's sheet keeps several years of a head count, and
    the run stopped on the older ones, telling staff to give each the one name the field has, which,
    followed, was refused as the field given twice. Such a column is passed over as the park's own."""
    read: set[str] = set()
    dated: list[tuple[str, object]] = []
    for h in header:
        if not h.strip():
            continue
        try:
            path, _ = column(rules, h, last_year)
        except InputError as exc:
            if exc.kind in OTHER_YEAR:
                dated.append((h, exc.params.get("path")))
            continue
        read.add(path)
    return frozenset(h for h, path in dated if path in read)


def _other_years(problems: list[InputError]) -> list[InputError]:
    """``problems``, with the columns of one field dated other years than the one it is read for, where no
    column of that year is beside them (2023年从业人员, 2024年从业人员), said once: each was told to be
    renamed the field, and two columns given one name were refused as the field twice. The one line
    asks for a column of the year read, naming them all, which may stay (``years_beside``)."""
    by_path: dict[object, list[InputError]] = {}
    for p in problems:
        if p.kind in OTHER_YEAR:
            by_path.setdefault(p.params.get("path"), []).append(p)
    out: list[InputError] = []
    for p in problems:
        several = by_path.get(p.params.get("path"), []) if p.kind in OTHER_YEAR else []
        if len(several) < 2:
            out.append(p)
        elif p is several[0]:
            names = [q.field or "" for q in several]
            shown = [q.params["shown"] for q in several]
            out.append(InputError(kind="column.years_other", params={
                "asked": p.params["asked"], "label": p.params["label"], "path": p.params.get("path"),
                "years": Text("、".join(t.zh if isinstance(t, Text) else str(t) for t in shown),
                              ", ".join(t.en if isinstance(t, Text) else str(t) for t in shown))},
                field=", ".join(names), label=Text("、".join(f"“{n}”" for n in names) + "列", ", ".join(names))))
    return out


PASSED_OVER = frozenset({"column.unknown", "column.derived", "column.several", "column.not_actual"})
"""Refusals of a column that pass it over rather than stop the run: a column naming nothing the rules
know (序号, 联系人), a share or ratio the tool works out itself (研发费用占比, 资产负债率: parks keep
them beside the amounts, and a run stopped on them had staff edit a 5,000-row sheet for nothing),
one yes/no asking several red lines at once (``_RED_LINE_WORDS``), and a figure of part of a year, a
forecast or a tax-inclusive amount (``_aside``: not the year's actual figure)."""
_RED_LINE_IDS = frozenset({"registered_in_china", "abnormal_operation", "serious_dishonesty", "prohibited_products",
                           "major_incident", "tax_violation", "data_fabrication", "single_champion"})
"""The fields whose yes stops a tier, asked as YES_NO_ALIASES read them only without a note in brackets:
是否单项冠军（省级） or 是否有偷漏税（含欠税） asks more than the red line, and its 是 would veto a tier."""
_RED_LINE_WORDS = ("失信", "经营异常", "偷漏税", "造假", "事故", "淘汰类", "独立法人")
"""Words each of one red line (or the gate's registration): a column naming two or more asks them in
one 是/否 (是否存在失信、经营异常等情况), whose 是 cannot say which holds. Passed over, and said so with
the columns to write, rather than filed among the columns 与评估无关."""


def ignored_columns(header: Iterable[str], rules: RuleSet, ours: frozenset[str] = frozenset(),
                    last_year: int | None = None, kind: str = "column.unknown") -> list[str]:
    """The columns of a header that ``row_profile`` passes over (``kind``: as naming nothing the rules
    know, or, column.derived, as shares the tool works out), so that a run can say once which they
    are (a misspelt 营业收入 among them would leave it unknown). ``ours``: the headers batch output has
    (as ``norm`` gives them), passed over without a word, as are the 信用代码 and 序号 columns, which
    are no figures but not of no use either (written back beside the results; the code tells
    companies entered twice apart)."""
    out = []
    named = False
    header = list(header)
    beside = years_beside(header, rules, last_year) if kind == YEAR_NOT_READ else frozenset()
    for h in sorted(header, key=lambda h: norm(h) in BARE_NAME_HEADERS):  # 企业 after 企业名称
        if not h.strip():
            continue
        if h in beside and norm(h) not in ours:
            out.append(h.strip())  # 2023年从业人员 beside 2025年从业人员: the park's older figure
            continue
        try:
            path, _ = column(rules, h, last_year)
        except InputError as exc:
            if exc.kind == kind and norm(h) not in ours and id_kind(h) is None:
                out.append(h.strip())  # not the 信用代码 and 序号 written back beside the results (row_identity)
            continue
        if path == "name" and named and norm(h) in BARE_NAME_HEADERS and kind == "column.unknown":
            out.append(h.strip())  # 企业 beside 企业名称: passed over (row_profile)
        named = named or path == "name"
    return out


def derived_needs(header: Iterable[str], shares: Iterable[str], rules: RuleSet,
                  last_year: int | None = None) -> list[FieldDef]:
    """The inputs that ``shares`` (a header's columns of shares, passed over as column.derived) are
    worked out from and no column of ``header`` gives, in any year: a sheet with 资产负债率 and no
    资产总额 or 负债总额 was told the tool works the ratio out from the amounts, and every row's debt
    ratio stayed unknown. A share the rule set does not name (by its label, or a header holding it:
    资产负债率（2025年，%）) needs nothing said."""
    given: set[str] = set()
    for h in header:
        try:
            given.add(column(rules, h, last_year)[1].id)
        except InputError:
            continue
    read = _derived_read(rules)
    named = {norm(text): d for name, d in rules.derived.items() if name in read for text in (d.label.zh, d.label.en)}
    needs: dict[str, FieldDef] = {}
    for h in shares:
        key = _YEAR.sub("", _without_units(norm(h)))
        found = named.get(key) or next((d for label, d in named.items() if label and label in key), None)
        if found is None:
            continue
        names, seen = [found], set()
        while names:  # a share of a share (an average of growths) reads the fields of both
            d = names.pop()
            for ref in d.expression.refs:
                if ref.name in rules.derived and ref.name not in seen:
                    seen.add(ref.name)
                    names.append(rules.derived[ref.name])
                elif ref.name in rules.fields and ref.name not in given:
                    needs.setdefault(ref.name, rules.fields[ref.name])
    return list(needs.values())


def _derived_read(rules: RuleSet) -> frozenset[str]:
    """The derived quantities some criterion or score item of ``rules`` reads, nested ones too: a share
    no criterion reads (净利润率 under 2026) needs no amounts asked for."""
    found: frozenset[str] | None = rules.memo.get("tabular.derived_read")
    if found is not None:
        return found
    exprs: list[Expression] = []
    nodes = [t.criteria for t in rules.tiers.values()]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.children)
        if node.value is not None:
            exprs.append(node.value)
    for table in rules.scores.values():
        for item in table.items:
            bands = [*item.each, *(b for sc in item.scales for b in sc.bands)]
            exprs += [e for e in (item.points_from_value, *(sc.value for sc in item.scales), *(b.when for b in bands))
                      if e is not None]
    read: set[str] = set()
    while exprs:
        for ref in exprs.pop().refs:
            if ref.name in rules.derived and ref.name not in read:
                read.add(ref.name)
                exprs.append(rules.derived[ref.name].expression)
    found = rules.memo["tabular.derived_read"] = frozenset(read)
    return found


def header_problems(header: Iterable[str], rules: RuleSet, ours: frozenset[str] = frozenset(),
                    last_year: int | None = None, stated: int | None = None) -> list[InputError]:
    """Every column of a header that would make every row an error: a near miss of a field's name
    (营业收人2024 for 营业收入（2024年）), a name that could mean more than one field (市场占有率), a
    per-year field without its year, or a second column for a field already read. Passing over it
    would leave that input unknown for every company, and failing each row would bury one mistake
    in the header under hundreds of errors: a run says them all at once, up front, and stops (one
    run per misnamed column made a park's sheet take four). ``stated``: the year the sheet's title
    or name states (``HeaderSearch.year``), which a hint for a column without its year writes."""
    taken: dict[str, str] = {}
    header = list(header)
    out: list[InputError] = _misplaced_parts(header, rules, last_year, stated)
    beside = years_beside(header, rules, last_year)
    for h in sorted(header, key=lambda h: norm(h) in BARE_NAME_HEADERS):  # 企业 after 企业名称
        if not h.strip() or norm(h) in ours or h in beside:
            continue
        try:
            path, _ = column(rules, h, last_year, stated)
        except InputError as exc:
            other = _asked_elsewhere(rules, h, last_year)
            if other is not None:  # a province's column (init --csv --rules shandong-2022 made the sheet)
                out.append(InputError(kind="column.other_set", params={"id": other.id, "title": other.title},
                                      field=h, label=column_label(h)))
            elif exc.kind not in PASSED_OVER:
                out.append(exc)
            continue
        if path in taken and norm(h) in BARE_NAME_HEADERS:
            continue
        if path in taken:
            out.append(_same(h, taken[path]))
        else:
            taken[path] = h
    return _long_refused(header, rules, last_year, [_year_taken(problem, taken) for problem in _other_years(out)])


def _long_refused(header: list[str], rules: RuleSet, last_year: int | None, problems: list[InputError]
                  ) -> list[InputError]:
    """``problems``, unless they ask per-year columns for their year in a table with a year column (年度,
    年份) that cannot be read as a long one (a row per company and year): it has two year columns, or no
    name or 统一社会信用代码 column to tell which rows are one company's. Then the one thing to change is
    said in their place: asked for each column's year, a park put the year into 营业收入（万元） though every
    row was already dated, and the table was never read as the long one it is."""
    from littlegiant.load.peryear import YEAR_HEADERS

    asked = [p for p in problems if p.kind in ("column.needs_year", "column.needs_year_stated")]
    years = [h for h in header if h.strip() and _bare(norm(h)) in YEAR_HEADERS]
    if not asked or not years:
        return problems
    if len(years) > 1:
        why = InputError(kind="column.long_two_years", params={"other": years[0]}, field=years[1],
                         label=column_label(years[1]))
    elif any(id_kind(h) == 0 or _path_of(rules, h, last_year) == "name" for h in header if h.strip()):
        return problems
    else:
        why = InputError(kind="column.long_no_ids", field=years[0], label=column_label(years[0]))
    return [why, *(p for p in problems if p not in asked)]


def _path_of(rules: RuleSet, header: str, last_year: int | None) -> str | None:
    """The field a header names, None when it names none or is refused."""
    try:
        return column(rules, header, last_year)[0]
    except InputError:
        return None


def _year_taken(problem: InputError, taken: Mapping[str, str]) -> InputError:
    """``problem``, unless it asks a column for its year by the example of a year another column of the
    sheet already holds (营业收入（2025年） beside 营业收入（万元））: followed, it gave the field twice, and
    the next run stopped on that. Then it asks for the year and names that column, suggesting none."""
    example = str(problem.params.get("example"))
    if problem.kind not in ("column.needs_year", "column.needs_year_stated") or example not in taken:
        return problem
    return InputError(kind="column.needs_year_taken", params={"other": taken[example]}, field=problem.field,
                      label=problem.label)


def _misplaced_parts(header: list[str], rules: RuleSet, last_year: int | None, stated: int | None
                     ) -> list[InputError]:
    """The 其中 columns (其中：研发人员) not right after the column of their whole (从业人员, or another
    其中 of it): under 大专以上学历人员, 其中：研发人员 is the graduates among the R&D staff, not all of
    them, and which whole a part is of, nothing but its place says. Each is refused, naming its whole."""
    out: list[InputError] = []
    before: str | None = None  # the path of the last column that is no part; "" when that column is refused itself
    for h in header:
        if not h.strip():
            continue
        try:
            path, f = column(rules, h, last_year, stated)
        except InputError as exc:
            before = None if exc.kind in PASSED_OVER else ""
            continue
        if f.part_of is None or _PART_PREFIX.match(norm(h)) is None or norm(h) in _labels(rules):
            before = path
            continue
        whole = rules.fields[f.part_of]
        if before != "" and before != whole.concrete_path(year_in_path(f, path)):
            out.append(InputError(kind="column.part_alone", params={
                "whole": whole.label, "name": input_label(f, path) if f.per_year else f.label},
                field=h.strip(), label=column_label(h.strip())))
    return out


def _asked_elsewhere(rules: RuleSet, header: str, last_year: int | None) -> RuleSet | None:
    """The shipped province's set (an overlay) whose field, one these rules do not have, the column
    names. Passed over, its answers went unread; refused as a near miss, it was offered the national
    field closest in name, a different question. Not the national sets: a park's 2022 sheet scored
    under 2026 has its 2022-only columns passed over, as it always had."""
    from littlegiant.load import rules as rulesets

    for rid in rulesets.overlay_ids():
        if rid == rules.id:
            continue
        other = rulesets.load(rid)
        try:
            path, _ = column(other, header, last_year)
        except InputError:
            continue
        if field_for_path(other, path).id not in rules.fields:
            return other
    return None


class HeaderError(InputError):
    """Every refused column of the inputs' headers (each sheet's, each file's), one line each."""

    def __init__(self, problems: list[InputError]) -> None:
        super().__init__("\n".join(map(str, problems)), kind="column.refused",
                         params={"count": len(problems), "first": problems[0].render("zh")})
        self.problems = problems

    def render(self, lang: str) -> str:
        """One line per refused column, in ``lang``."""
        return "\n".join(p.render(lang) for p in self.problems)


def _same(header: str, other: str) -> InputError:
    return InputError(kind="column.same", params={"other": other}, field=header, label=column_label(header))


class _Column(NamedTuple):
    """A column of a sheet's row as ``row_profile`` reads it, worked out once a layout (``_layout``)."""

    header: str
    bare: bool  # a title's bare name (bare_title)
    path: str | None  # None: a column refused (营业收人2025), asked again on each row for its refusal
    field: FieldDef | None
    label: Text | None  # the field as a cell's problem names it (field_words)
    under: str | None  # the rule set whose question the header is (asked_under)
    bare_name: bool  # 企业 and the like (BARE_NAME_HEADERS)
    quick: Callable[[Any], Scalar | None] | None  # a number's fast check (profile.acceptor); None: no number
    as_is: bool  # a number in it is read as typed unless the sheet names a unit (no other unit in the header)
    choices: dict[str, Scalar] | None  # a choice's cells read, as read (工业 under 所属行业); None: no choice


class _Layout(NamedTuple):
    """How the rows of one sheet are read: its columns in the order read, and the answers of a yes/no
    cell that need no more than a look-up."""

    columns: tuple[_Column, ...]
    answers: dict[str, bool]


LAYOUTS_KEPT = 64
"""The layouts (a sheet's headers, in order) whose reading ``row_profile`` keeps, per rule set: a batch
reads a few sheets; past this many the keeping starts again, so memory stays bounded."""


def _layout(rules: RuleSet, cells: Mapping[str, str], last_year: int | None, ours: frozenset[str]) -> _Layout:
    """The reading of a row's columns that depends on its headers alone, made once per sheet: their
    order, each column's path and field, its label, whether another set asks it, and which columns
    are passed over without a word. Every row of a sheet asked each again: norm, column, field_words,
    asked_under and the sort key, a cell at a time. With the plain cells read at once (_plain_number, 是/否, a
    choice's word read before), row_profile ~415 -> ~54 us a row of 29 cells (2.18M -> 0.28M instructions)."""
    kept: dict[tuple[tuple[str, ...], int | None, frozenset[str]], _Layout] = rules.memo.setdefault(
        "tabular.layouts", {})
    key = (tuple(cells), last_year, ours)
    found = kept.get(key)
    if found is not None:
        return found
    from littlegiant.load.answers import NO, YES
    from littlegiant.load.profile import acceptor

    columns = []
    beside = years_beside(cells, rules, last_year)  # 2023年从业人员 beside 2025年从业人员: passed over
    # 企业 and a title's bare name last: each yields to the fuller column beside it
    for header in sorted(cells, key=lambda h: (bare_title(h), norm(h) in BARE_NAME_HEADERS)):
        if header in (SHEET_UNIT, ROW_NOTES, CELL_TYPES, COLUMN_PLACES):
            continue
        if not header.strip():  # a note beside the table (手写补充): said on the row (note.no_header), not read
            continue
        try:
            path, f = column(rules, header, last_year)
        except InputError as exc:
            # a column batch writes (its results read back are not figures), or one like nothing the
            # rules know (序号, 联系人, 备注: a park's sheet has them) is passed over; a near miss of a
            # field's name (营业收人2025) or a per-year field without its year is the row's problem
            if exc.kind not in PASSED_OVER and norm(header) not in ours and header not in beside:
                columns.append(_Column(header, bare_title(header), None, None, None, None, False, None, False, None))
            continue
        quick = acceptor(rules, f) if f.type in _NUMBERS else None
        columns.append(_Column(header, bare_title(header), path, f, field_words(f, path), asked_under(rules, header),
                               norm(header) in BARE_NAME_HEADERS, quick, header_unit(rules, header, f) in (None, 1),
                               {} if f.type == "choice" else None))
    # 是 and 否 as read_typed reads them at once, where no title is named by the word (_title_named)
    answers = {word: said for word, said in {**dict.fromkeys(YES, True), **dict.fromkeys(NO, False)}.items()
               if _title_named(rules, word) is None and not any(sign in word for sign in CURRENCY_SIGNS)}
    if len(kept) >= LAYOUTS_KEPT:
        kept.clear()
    found = kept[key] = _Layout(tuple(columns), answers)
    return found


_NUMBERS = frozenset({"int", "number", "percent", *MONEY_TYPES})
"""The field types whose cell read_typed reads as a number (answers.NUMERIC_TYPES)."""
_PLAIN_MOST = 15
"""The most digits before or after the point of a cell read at once (answers._PLAIN)."""
CHOICES_KEPT = 256
"""The cells of a choice's column kept read, per sheet (a park's 所属行业 holds a few words)."""


def _plain_number(rules: RuleSet, column_read: _Column, cell: str, sheet_unit: str | None) -> Scalar | None:
    """A cell of digits (8000, 12.5) as read_typed reads it where no unit other than 万元 is named: the
    number, when its field takes it as it is (the column's ``quick`` check); else None, and the cell is
    read the full way, which says what is wrong (an amount under a unit, a number past its bound, a
    sheet in 万美元). A whole number is made from an int: Decimal("8000") and Decimal(8000) are one number,
    digits and exponent alike."""
    whole, point, part = cell.partition(".")
    if not (whole.isdigit() and len(whole) <= _PLAIN_MOST and cell.isascii()
            and (not point or (part.isdigit() and len(part) <= _PLAIN_MOST))):
        return None
    f, quick = column_read.field, column_read.quick
    assert f is not None and quick is not None
    if sheet_unit is not None and f.type in MONEY_TYPES:
        try:
            unit = header_unit(rules, column_read.header, f, sheet_unit)
        except InputError:
            return None
        if unit is not None and unit != 1:
            return None
    elif not column_read.as_is:
        return None
    return quick(Decimal(cell) if point else int(whole))


_TICKED = "☑☒■▣✓✔√●◉"
_UNTICKED = "☐□○◯"
_BOX = f"[{_TICKED}{_UNTICKED}]"
_CHOICE = "是|否|有|无"
_BOXES = lazyre.compile(rf"\s*(?:{_BOX}\s*(?:{_CHOICE})[\s,，;；、/]*){{2}}|\s*(?:(?:{_CHOICE})\s*{_BOX}[\s,，;；、/]*){{2}}")
_BOX_PAIR = lazyre.compile(rf"({_BOX})\s*({_CHOICE})|({_CHOICE})\s*({_BOX})")


def form_boxes(cell: str) -> str | None:
    """A yes/no cell written as a form's two boxes, one ticked (☑是 □否, ■是 □否, □是 ☑否, 是☑ 否□; a crossed box
    beside its word is ticked, as Word's check box shows it): the word ticked (是, 否); "" (not answered) when
    neither is ticked, as a blank box alone is; None for any other cell, both ticked too (refused as no yes or
    no, as before). A park's sheet pasted from its application form was refused on every such cell, each
    company an error row, where ☑ alone was read."""
    if not _BOXES.fullmatch(cell):
        return None
    pairs = [(m.group(1) or m.group(4), m.group(2) or m.group(3)) for m in _BOX_PAIR.finditer(cell)]
    if len(pairs) != 2 or {pairs[0][1], pairs[1][1]} not in ({"是", "否"}, {"有", "无"}):
        return None
    ticked = [word for box, word in pairs if box in _TICKED]
    return ticked[0] if len(ticked) == 1 else "" if not ticked else None


def row_profile(cells: Mapping[str, str], rules: RuleSet, source: str, ours: frozenset[str] = frozenset(),
                last_year: int | None = None) -> Profile:
    """A row of text cells (header → cell) as a Profile; RowError listing every problem, each with
    its column, and the company's name, when any cell is wrong. Columns that name nothing the rules
    know are passed over (``ignored_columns`` says which, once per file), as are the columns of
    batch's own output (``ours``, as ``norm`` gives them), so that a results file reads back."""
    values: dict[str, Scalar] = {}
    problems: list[InputError] = []
    taken: dict[str, str] = {}
    approximate: set[str] = set()  # cells said as 约500万 / 500万左右: a verdict close to them is flagged
    signed: set[str] = set()  # shares typed with their % sign: no fraction was meant
    by_sign: dict[str, str] = {}  # amounts read in 元 for ¥ alone: said, as a 万元 column may look the same
    under: str | None = None  # the rule set whose question a column asked, when it is another's
    sheet_unit = cells.get(SHEET_UNIT)
    unread: list[tuple[str, str]] = []  # a title's bare name over no answer (2024, 省级): header, path
    layout = _layout(rules, cells, last_year, ours)
    answers = layout.answers
    for column_read in layout.columns:
        header, bare, path, f, label, asked, bare_name, quick, _, choices = column_read
        cell = cells[header]
        if not cell.isascii() and (seen := cell.translate(_INVISIBLE)) != cell:
            # 6300 pasted from a web page or a chat with a zero-width space or a byte-order mark in it: an error
            # row quoting "6300", its fault unseen; the figure is what the user sees
            cell = seen
        if bare and norm(cell) in _VERDICTS:
            continue  # batch's result under the tier's title (满足), not the title held: read back, passed over
        if path is None or f is None:  # refused as the layout was made: said again, as a copy (column)
            try:
                column(rules, header, last_year)
            except InputError as exc:
                problems.append(exc)
            continue
        if bare and path in taken:  # 专精特新中小企业 beside 是否专精特新中小企业: the fuller one is read,
            if path in values:  # whatever the bare one holds; where it is blank, the bare one's answer
                continue
            del taken[path]
        said: Any = None
        if quick is not None and (value := _plain_number(rules, column_read, cell, sheet_unit)) is not None:
            pass  # 8000, 12.5 under a column in 万元 or of no amount: as read_typed and check_value take it
        elif f.type == "bool" and cell in answers:
            value = answers[cell]  # 是, 否
        elif choices is not None and cell in choices:
            value = choices[cell]  # 工业 under 所属行业, as the row before read it
        else:
            if f.type == "bool" and (boxed := form_boxes(cell)) is not None:
                cell = boxed  # ☑是 □否: the box ticked is the answer
            elif f.type == "bool" and _BOXES.fullmatch(cell) and not set(cell) & set(_UNTICKED):
                place = _cell_named(header, path, f, cells.get(COLUMN_PLACES))  # ☑是 ☑否: both ticked
                problems.append(InputError(kind="value.boxes_both", params={"shown": cell.strip()}, field=place.en,
                                           label=place))
                continue
            if f.type == "bool" and f.path.startswith("titles."):
                named = _title_named(rules, cell)
                if named is f:  # 专精特新称号: 省级专精特新, the title it asks
                    cell = "是"
                elif named is not None:  # 国家级专精特新小巨人 under 专精特新称号: another title, not a 是 or 否
                    if bare:  # under the title's bare name, unknown and said, as 2024 is
                        unread.append((header, path))
                    else:
                        place = _cell_named(header, path, f, cells.get(COLUMN_PLACES))
                        problems.append(InputError(kind="value.other_title", params={"shown": cell.strip()},
                                                   field=place.en, label=place))
                    continue
            if f.type not in MONEY_TYPES and any(sign in cell for sign in CURRENCY_SIGNS):
                cell = _SIGN_ONLY.sub("", cell)  # most cells have no sign: no regex a cell
            try:
                # as the interview reads an answer, a unit in the cell winning over the header's; never a
                # choice by its number (a stray 1 in a cell would silently pick the first)
                # a title valid until a year (有效期到2028年) is judged by the run's date, as the interview judges it
                # by its own: without it the row was told the day decides, of a year after this one
                value, said = read_typed(f, cell, where=header, label=label, unit=header_unit(rules, header, f, sheet_unit),
                                         last_year=last_year if f.type == "bool" and f.path.startswith("titles.") else None)
                if choices is not None and said is None and cell is cells[header]:  # a choice depends on its cell alone
                    if len(choices) >= CHOICES_KEPT:
                        choices.clear()
                    choices[cell] = value  # type: ignore[assignment]
            except InputError as exc:
                if bare:  # a title's bare name over 2024, 省级, 2022年认定 (a park's own record): no answer to read,
                    unread.append((header, path))  # the title left unknown as when the column was passed over whole,
                else:  # rather than the company an error row, and the row says so
                    place = _cell_named(header, path, f, cells.get(COLUMN_PLACES))
                    problems.append(exc.moved(field=place.en, label=place))
                continue
        if path in taken and bare_name:
            continue  # 企业 beside 企业名称: the fuller one is read
        if path in taken:
            place = column_named(header, cells.get(COLUMN_PLACES))
            problems.append(_same(header, taken[path]).moved(field=place.en, label=place))
            continue
        taken[path] = header
        if value is not None:
            values[path] = value
            under = under or asked
            if said is not None:
                if said.approximate:
                    approximate.add(path)
                if said.by_sign:
                    by_sign[path] = said.typed
            if f.type == "percent" and percent_signed(f, cell):
                signed.add(path)
    if not problems:
        try:
            check_parts(rules, values)
        except PartExceedsWhole as exc:
            problems.append(_part_over_whole(exc, taken, cells.get(COLUMN_PLACES)))
    if problems:
        name = values.get("name")
        raise RowError(problems, name if isinstance(name, str) else None)
    return Profile(values, source, frozenset(approximate), under, frozenset(signed), by_sign,
                   tuple(h for h, path in unread if path not in values))  # unless a fuller column answered


def column_named(header: str, places: str | None = None) -> Text:
    """A sheet's column as a row's problem names it: the header the park typed, on one line, and its
    letter when the row says where its sheet's columns are (``COLUMN_PLACES``): “所属行业”列（C列）, or
    所属行业 (column C). Named by the tool's label (「行业（《中小企业划型标准规定》）」, 「研发人员人数」),
    staff could not find the cell the error was about."""
    shown = " ".join(header.split())
    letter = _letters(places).get(header) if places else None
    return Text(f"“{shown}”列" + (f"（{letter}列）" if letter else ""), shown + (f" (column {letter})" if letter else ""))


@lru_cache(maxsize=64)
def _letters(places: str) -> dict[str, str]:
    """A ``COLUMN_PLACES`` text as header → column letter (A, B, …, AA), the first column of a header
    given twice; worked out once a sheet."""
    from openpyxl.utils import get_column_letter

    found: dict[str, str] = {}
    for i, header in enumerate(places.split(NOTE_LIST)):
        if header:
            found.setdefault(header, get_column_letter(i + 1))
    return found


def _cell_named(header: str, path: str, f: FieldDef, places: str | None) -> Text:
    """The column of a row's problem (``column_named``); a column headed by its field's id (a script's
    sheet: employees, financials.2025.revenue) by the field's label, as before, with its letter."""
    if header.strip() != path:
        return column_named(header, places)
    letter = _letters(places).get(header) if places else None
    words = field_words(f, path)
    return Text(words.zh + (f"（{letter}列）" if letter else ""), header + (f" (column {letter})" if letter else ""))


def _part_over_whole(exc: PartExceedsWhole, taken: Mapping[str, str], places: str | None) -> InputError:
    """A part above its whole in a sheet's row, both named by their columns (“研发人员”列（E列）为 80人，多于
    “员工人数”列（D列）50人), not by the tool's labels (「研发人员人数」), which are not on the park's sheet.
    Columns headed by their fields' ids keep the message that names them by label and id."""
    figures = (("part", exc.violation.part), ("whole", exc.violation.whole))
    if all(taken.get(fig.path, fig.path).strip() == fig.path for _, fig in figures):
        return exc
    params = dict(exc.params)
    for name, fig in figures:
        header = taken.get(fig.path)
        params[name] = _cell_named(header, fig.path, fig.field, places) if header is not None else \
            field_words(fig.field, fig.path)
    return InputError(kind="row.part_over_whole", params=params, label=Text("", ""))


CURRENCY_SIGNS = "¥￥$€£"
"""The currency signs a cell may show before a figure (typed, or Excel's currency format): ¥ is 人民币
(元 unless a unit is named), the others foreign."""
_SIGN_ONLY = lazyre.compile(rf"^\s*[{CURRENCY_SIGNS}]\s*(?=[-+]?\d)")
"""The currency sign of a number shown in Excel's 会计专用 or currency format (``xlsx._cell``) before a
figure that is no amount (从业人员 ¥120, or $120 in a table formatted in dollars): a park formats its
whole table so, and every row was an error, 应填整数."""


NOTES_MARK = {"zh": "填写说明（本行不计入）", "en": "Notes (this row is not read)"}
"""The first cell of the template's notes row: a row starting with it is not a company. The
templates (report/table.py) write it; the readers know it."""
_NOTES_HEADS = tuple(NOTES_MARK.values())
GUIDE_MARK = {"zh": "填写说明", "en": "How to fill in"}
"""The name of the template's first sheet, which says how to fill in its list, and the title in its first
cell: a sheet so named and so headed is the template's own, passed over by batch without a word."""


def notes_cell(text: str) -> bool:
    """Whether a row's first cell (stripped) marks the template's notes row: NOTES_MARK, alone (as older
    templates wrote it) or followed by the rule a filler most needs (不知道的请留空，不要填 0)."""
    return text.startswith(_NOTES_HEADS)


SAMPLE_MARK = {"zh": "示例公司（示例行，不计入）", "en": "Example Co (sample row, not read)"}
"""The name in the template's sample row: left in a filled-in sheet, it is not scored as a company
(a park's results listed 示例公司 among its members)."""
_SAMPLES = frozenset(SAMPLE_MARK.values())


def template_row(lead: str) -> bool:
    """Whether a row whose first filled cell (stripped) is ``lead`` is the template's own notes or sample
    row, no company: batch and the API's screen pass over the same rows."""
    return lead in _SAMPLES or notes_cell(lead)


def cell_text(value: Any) -> str:
    """A spreadsheet cell's value as the text a CSV cell would hold (whole floats without ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return excel_number(value)
    if hasattr(value, "isoformat"):
        text: str = value.isoformat()
        return text.removesuffix("T00:00:00")
    return str(value)


COUNT_LIMIT = 1 << 30
"""Inputs up to this size (1 GB) have their lines counted for the progress bar's total: a fast
scan next to the scoring. Beyond it, or for what cannot be counted cheaply, the bar has no total."""


def estimate_rows(paths: list[Path], sheet: str | None = None, known: Callable[[object], bool] | None = None
                  ) -> int | None:
    """About how many companies the inputs hold (lines of text files, rows of sheets under their
    header, found by ``known``, profile files), for a progress bar's total and time left; None when
    that would cost more than it is worth, or is not known. Only regular files are opened: a FIFO
    (opened, it waits for a writer: the run hung before its first row) or a device (/dev/zero never
    ends) counts as the one error row the run makes of it, a folder as its profiles, by their names."""
    from littlegiant.load.fileio import open_regular

    total = 0
    for path in paths:
        try:
            suffix = path.suffix.lower()
            mode = os.stat(path).st_mode
            if stat.S_ISDIR(mode):
                total += sum(1 for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json"))
            elif not stat.S_ISREG(mode):
                total += 1
            elif suffix in (".xlsx", ".xlsm"):
                from littlegiant.load.xlsx import count_rows

                rows = count_rows(path, sheet, known)
                if rows is None:  # a sheet that states no size: the total is not known (0 is an empty sheet)
                    return None
                total += rows
            elif suffix in (".csv", ".tsv", ".txt", ".jsonl", ".ndjson"):
                if path.stat().st_size > COUNT_LIMIT:
                    return None
                lines = 0
                with open_regular(path) as handle:
                    while block := handle.read(1 << 20):
                        lines += block.count(b"\n")
                total += max(lines - (suffix not in (".jsonl", ".ndjson")), 0)
            else:
                total += 1
        except (OSError, InputError):
            return None
    return total


PROBLEMS_LIMIT = 50
"""At most this many problems are listed for one row (a row of garbage need not list hundreds)."""


def every_problem(data: dict[Any, Any], rules: RuleSet, source: str, first: InputError) -> RowError:
    """Every problem of a nested profile (a JSON line, a profile file) that failed with ``first``,
    found by taking out each field in error and validating again, so each message is the loader's
    own; with the company's name. Only a row in error pays for this."""
    from littlegiant.load.profile import from_data

    problems = [first]
    current: Any = data
    while len(problems) < PROBLEMS_LIMIT:
        current = _without(current, problems[-1].field, problems[-1].kind in FLOW_COMMA)
        if current is None:
            break
        try:
            from_data(current, rules, source)
        except InputError as exc:
            problems.append(exc)
            continue
        break
    name = data.get("name")
    return RowError(problems, name if isinstance(name, str) else None)


def _without(data: Any, field: str | None, split: bool = False) -> Any:
    """A copy of nested ``data`` without the key at the dotted ``field`` (year keys matched as
    text), or None when there is no such key to take out. ``split``: the field's number was split by
    commas in a ``{…}`` line, and the rest of it (``000`` of 12,000) goes too; told again as keys that
    name nothing, each piece had added a wrong line to the row's message. A copy keeps the lines of a
    file's mapping, so a second number split on that line is told as the first was."""
    if field is None or not isinstance(data, dict):
        return None
    head, _, rest = field.partition(".")
    key = next((k for k in data if str(k) == head), _MISSING)
    if key is _MISSING:
        return None
    copy: dict[Any, Any] = dict(data)
    if isinstance(data, LineDict):
        copy = LineDict(copy)
        copy.lines, copy.line = dict(data.lines), data.line
    if not rest:
        for k in [key, *(comma_pieces(data, key) if split else ())]:
            del copy[k]
        return copy
    inner = _without(data[key], rest, split)
    if inner is None:
        return None
    copy[key] = inner
    return copy


_MISSING = object()
