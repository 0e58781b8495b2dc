"""Answers a finance manager types as speech, read as the figure or the yes/no they say (the interview's reader):
1亿2, 2千5 and 两亿五千 (amounts said as they are spoken), 两成五 (a share in tenths), 12年开始做的 (a start year by its last two digits), 有过 and 肯定没有 (yes and
no), 3200多万 (about 3200万). 是，没有 to a red line was told a title's lapse (已过期、正在申报): it says yes and no.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_s40_interview_typed import parsed

from littlegiant.errors import InputError

DIGITS = "一二三四五六七八九"


def refused(path: str, typed: str) -> str:
    """The Chinese message ``typed`` is refused with at ``path``."""
    with pytest.raises(InputError) as caught:
        parsed(path, typed)
    return caught.value.render("zh")


@pytest.mark.parametrize(("path", "typed", "value", "about"), [
    ("financials.2025.revenue", "1亿2", 12000, False),  # 1.2亿, as 一亿二 is
    ("financials.2025.revenue", "2千5", 2500, False),  # as 两千五 is
    ("financials.2025.revenue", "两亿五千", 25000, False),  # 2亿5千万, the 万 left out as it is said
    ("financials.2025.revenue", "1亿2千", 12000, False),
    ("financials.2025.revenue", "两亿五千五百", 25500, False),
    ("market.domestic_share", "两成五", 25, False),
    ("market.domestic_share", "三成八", 38, False),
    ("market.domestic_share", "约两成五", 25, True),
    ("niche_years", "12年开始做的", 13, False),  # since 2012, to the end of 2025
    ("niche_years", "从98年起", 27, False),
    ("compliance.major_incident", "有过", True, False),
    ("compliance.major_incident", "肯定没有", False, False),
    ("compliance.tax_violation", "绝对没有", False, False),
    ("compliance.abnormal_operation", "是，有", True, False),
    ("market.domestic_rank", "国内第三", 3, False),
    ("financials.2025.revenue", "3200多万", 3200, True),  # under 3300万: within the 5% a verdict is checked for
    ("financials.2025.revenue", "三千二百多万元", 3200, True),
    ("financials.2025.revenue", "营业收入3200多万元", 3200, True),
    ("financials.2025.revenue", "没有数据", None, False),  # not at hand: don't know, never 0
    ("financials.2025.revenue", "暂无数据", None, False),
    ("financials.2025.revenue", "不是很清楚", None, False),
    ("financials.2025.revenue", "还没出来", None, False),  # last year's statements not out yet: unknown, never 0
    ("financials.2025.revenue", "还在审计", None, False),
    ("financials.2025.revenue", "报表还没出", None, False),
    ("compliance.major_incident", "没出过", False, False),  # nothing happened: no, not "not out yet"
    ("niche_years", "2012年开始至今", 13, False),
    ("compliance.major_incident", "有一次", True, False),
    ("compliance.major_incident", "一次都没有", False, False),
    ("compliance.major_incident", "没有的事", False, False),
    ("compliance.abnormal_operation", "不在名录里", False, False),
    ("compliance.major_incident", "均无", False, False),  # of the several things the red line lists: none
    ("compliance.major_incident", "无上述情形", False, False),
    ("financials.2025.net_profit", "盈亏平衡", 0, False),
    ("market.domestic_share", "四分之一", 25, False),
    ("market.domestic_share", "大概一半", 50, True),
    ("market.domestic_share", "8分之1", Decimal("12.5"), False),
    ("financials.2025.revenue", "3200万多一点", 3200, True),
    ("financials.2025.revenue", "3200万（2025）", 3200, False),  # the year asked, as 3200万（2025年） is
    ("financials.2025.revenue", "3200万元，2025年", 3200, False),
])
def test_typed_as_said_is_read(path: str, typed: str, value: object, about: bool) -> None:
    got, approximate = parsed(path, typed)
    assert got == (Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else value)
    assert approximate is about


@pytest.mark.parametrize(("path", "typed", "said"), [
    ("financials.2025.revenue", "三千多万", "“三千多万”不是一个确切的数"),  # up to 4000万: a third off, no figure
    ("financials.2025.revenue", "500多万", "“500多万”不是一个确切的数"),
    ("niche_years", "十多年", "“十多年”不是一个确切的数"),
    ("niche_years", "12年以来", "应填数字"),  # twelve years, or since 2012: asked
    ("niche_years", "26年开始", "“26年开始”晚于 2025年：到 2025年末还没有开始的，请填 0"),  # this year's, not 1926
    ("financials.2025.revenue", "三亿五百", "可以有不止一种读法"),  # 3亿500万 or 300000500: the 零 would say
    ("financials.2025.revenue", "1亿20", "可以有不止一种读法"),
    # an average is no year's figure: taken for each year it made growth 0% (found in review)
    ("financials.2025.total_assets", "年均3200万", "“年均3200万”是几年的平均数，不是这一年的数"),
    ("financials.2025.revenue", "年均3200万", "“年均3200万”是几年的平均数，不是这一年的数：请填这一年的数；只知道大概的，可写“约…”"),
    ("financials.2025.revenue", "平均每年3200万元", "是几年的平均数"),
    ("financials.2025.revenue", "近三年年均3200万", "是几年的平均数"),
    ("financials.2025.revenue", "营收年均3200多万", "是几年的平均数"),
    # 有过 says it was so once: of a title, or a list a company may have left (经营异常名录), not now (found in review)
    ("compliance.abnormal_operation", "有过", "“有过”说的是以前：这里问的是现在的情况"),
    ("compliance.serious_dishonesty", "曾经有过", "说的是以前"),
    ("financials.2025.revenue", "3200万（2024）", "是 2024年的数；这里问的是 2025年的"),
    ("financials.2025.revenue", "32002025年", "应填金额"),  # no unit between: not read as a figure and its year
    ("market.domestic_share", "1/3", "应填 0 到 100 之间的百分数"),  # 三分之一 is read as 约33.33% (said back); 1/3 is not
    ("titles.zjtx_sme", "有过", "“有过”说的是以前：这里问的是现在的情况"),  # held once, maybe lapsed
])
def test_what_says_no_one_figure_stays_refused(path: str, typed: str, said: str) -> None:
    assert said in refused(path, typed)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9))
def test_a_figure_said_with_its_next_digit_after_the_unit_is_read_as_said(a: int, b: int) -> None:
    """{a}亿{b} is a.b亿, {a}千{b} is a,b00, in digits as in Chinese numerals (一亿二, 两千五), and {a}亿{b}千 a亿b千万."""
    assert parsed("financials.2025.revenue", f"{a}亿{b}")[0] == a * 10000 + b * 1000
    assert parsed("financials.2025.revenue", f"{a}千{b}")[0] == a * 1000 + b * 100
    assert parsed("financials.2025.revenue", f"{DIGITS[a - 1]}亿{DIGITS[b - 1]}千")[0] == a * 10000 + b * 1000
    assert parsed("financials.2025.revenue", f"{a}亿{b}千")[0] == a * 10000 + b * 1000
    assert parsed("employees", f"{a}千{b}")[0] == a * 1000 + b * 100


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 10**6))
def test_more_after_a_figure_is_taken_only_when_the_range_is_within_five_percent(n: int) -> None:
    """{n}多万 is taken as 约{n}万 exactly when the most it can mean (the next step of its last place) is within 5%
    of it, the margin a verdict on an approximate figure is checked for; otherwise refused as no one figure."""
    digits = str(n)
    step = 10 ** (len(digits) - len(digits.rstrip("0")))
    try:
        got = parsed("financials.2025.revenue", f"{n}多万")
    except InputError as refusal:
        assert refusal.kind == "value.vague"
        assert Decimal(step) / n > Decimal("0.05")
    else:
        assert got == (Decimal(n), True)
        assert Decimal(step) / n <= Decimal("0.05")


