"""A batch row's figures read the quick way (profile._walk's look-ups by the value's type, a sheet row's
columns worked out once a layout) and the full way say the same: every value at its bound taken, one
past it refused in the same words, whatever the type it came in as."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from littlegiant.errors import InputError
from littlegiant.load import profile, rules


@pytest.fixture(scope="module")
def rs() -> rules.RuleSet:
    return rules.load("miit-2026")


@pytest.mark.parametrize(("data", "values"), [
    ({"platform_score": 100, "niche_years": 200, "digital_level": 4, "employees": 0},
     {"platform_score": Decimal(100), "niche_years": Decimal(200), "digital_level": Decimal(4), "employees": Decimal(0)}),
    ({"financials": {"2025": {"revenue": 10**15 - 1, "net_profit": -5}}},
     {"financials.2025.revenue": Decimal(10**15 - 1), "financials.2025.net_profit": Decimal(-5)}),
    ({"platform_score": Decimal("99.5"), "financials": {"2025": {"revenue": Decimal("-0.0")}}},
     {"platform_score": Decimal("99.5"), "financials.2025.revenue": Decimal("0.0")}),
    ({"name": "甲\t乙", "industry": "industrial"}, {"name": "甲\t乙", "industry": "industrial"}),
    ({"industry": "制造业", "titles": {"zjtx_sme": "是"}, "employees": "1,200"},
     {"industry": "industrial", "titles.zjtx_sme": True, "employees": Decimal(1200)}),
])
def test_taken(rs: rules.RuleSet, data: dict[str, Any], values: dict[str, Any]) -> None:
    read = profile.from_data(data, rs, "f.json").values
    assert read == values
    assert list(read) == list(values)  # in the order given: the warnings follow it
    assert [type(v) for v in read.values()] == [type(v) for v in values.values()]


@pytest.mark.parametrize(("data", "said"), [
    ({"platform_score": 101}, "f.json，「本年度专精特新发展评价得分（官方平台）」：不能大于 100，现在是 101"),
    ({"platform_score": Decimal("100.5")}, "f.json，「本年度专精特新发展评价得分（官方平台）」：不能大于 100，现在是 100.5"),
    ({"digital_level": 0}, "f.json，「中小企业数字化水平评测等级」：不能小于 1，现在是 0"),
    ({"employees": -1}, "f.json，「从业人员（上年末）」：不能小于 0，现在是 -1"),
    ({"niche_years": 2019}, "f.json，「从事特定细分市场年限（截至上年末）」：现在是 2019，像是开始的年份：这里要填到上年末共从事了几年"
                            "（可填小数，如 6.5）"),
    ({"financials": {"2025": {"revenue": 10**15}}},
     "f.json，「营业收入（2025年）」：数值大小不合理（应为 0，或绝对值在 0.000001 到 999999999999999 之间），现在是 1000000000000000"),
    ({"name": "甲\x1b乙"}, "f.json，「企业名称」：文字里有控制字符（U+001B），显示时会扰乱终端：请删去"),
    ({"compliance": {"abnormal_operation": 1}}, "f.json，「被列入经营异常名录」：应填是或否（true 或 false），现在是 1"),
    ({"financials": {"2025": {"revenu": 5}}}, "f.json：“revenu”不是可识别的项目；您是不是想写“revenue”（营业收入）？"),
])
def test_refused(rs: rules.RuleSet, data: dict[str, Any], said: str) -> None:
    with pytest.raises(InputError) as caught:
        profile.from_data(data, rs, "f.json")
    assert caught.value.render("zh") == said


SHEET_ROWS: list[tuple[dict[str, str], dict[str, Any]]] = [
    ({"企业名称": "甲", "所属行业": "工业", "从业人员": "0120", "营业收入（2025年）": "12000.50", "主营业务收入（2025年）": "12000.5"},
     {"name": "甲", "industry": "industrial", "employees": Decimal(120), "financials.2025.revenue": Decimal("12000.50"),
      "financials.2025.main_revenue": Decimal("12000.5")}),
    ({"企业名称": "丙", "所属行业": "制造业", "营业收入（元）（2025年）": "80000000", "从业人员": "1,200"},
     {"name": "丙", "industry": "industrial", "financials.2025.revenue": Decimal(8000), "employees": Decimal(1200)}),
    ({"企业名称": "丁", "营业收入（2025年）": "80000000", "\x00unit": "元"}, {"name": "丁", "financials.2025.revenue": Decimal(8000)}),
    ({"企业名称": "己", "营业收入（万元）（2025年）": "8000", "\x00unit": "元"}, {"name": "己", "financials.2025.revenue": Decimal(8000)}),
    ({"企业名称": "壬", "是否专精特新中小企业": "是", "专精特新中小企业": "满足", "高新技术企业": "否", "持有有效的创新型中小企业称号": "对"},
     {"name": "壬", "titles.zjtx_sme": True, "honors.high_tech_enterprise": False, "titles.innovative_sme": True}),
    ({"企业名称": "巳", "国内市场占有率": "0.125", "从业人员": "$120", "所属行业": "不知道", "序号": "3"},
     {"name": "巳", "market.domestic_share": Decimal("0.125"), "employees": Decimal(120)}),
]


@pytest.mark.parametrize(("cells", "values"), SHEET_ROWS)
def test_a_sheet_row_reads_alike_each_time(rs: rules.RuleSet, cells: dict[str, str], values: dict[str, Any]) -> None:
    """A plain cell (digits, 是, a choice's word read before) is read at once, the rest the full way: in a
    unit the header or the sheet names, in the order of the columns, the second row of a sheet as the first."""
    from littlegiant.load.tabular import row_profile

    for _ in range(2):
        read = row_profile(cells, rs, "s.csv", frozenset(), 2025)
        assert read.values == values
        assert list(read.values) == list(values)


@pytest.mark.parametrize(("cells", "said"), [
    ({"企业名称": "戊", "营业收入（2025年）": "8000", "\x00unit": "万美元"},
     "“营业收入（2025年）”列：金额单位是“万美元”，无法换算：请按当年汇率折成人民币（元、万元或亿元）填写，并写明单位"),
    ({"企业名称": "庚", "从业人员": "1000000000000000"},
     "“从业人员”列：数值大小不合理（应为 0，或绝对值在 0.000001 到 999999999999999 之间），现在是“1000000000000000”"),
    ({"企业名称": "辛", "中小企业数字化水平评测等级": "0"}, "“中小企业数字化水平评测等级”列：不能小于 1，现在是 0"),
    ({"企业名称": "午", "国内市场占有率": "100.000000000000001"},
     "“国内市场占有率”列：应填 0 到 100 之间的百分数，现在是 100.000000000000001"),
    ({"企业名称": "癸", "营业收人2025": "5"}, "“营业收人2025”列：不认识这一列；您是不是想写“营业收入（2025年）”？"),
])
def test_a_sheet_row_is_refused_alike_each_time(rs: rules.RuleSet, cells: dict[str, str], said: str) -> None:
    from littlegiant.load.tabular import row_profile

    for _ in range(2):
        with pytest.raises(InputError) as caught:
            row_profile(cells, rs, "s.csv", frozenset(), 2025)
        assert caught.value.render("zh") == said


def test_a_share_typed_with_its_sign_is_noted(rs: rules.RuleSet) -> None:
    from littlegiant.load.tabular import row_profile

    cells = {"企业名称": "辰", "国内市场占有率": "35", "国际市场占有率": "0.5%"}
    assert row_profile(cells, rs, "s.csv", frozenset(), 2025).percent_signed == frozenset({"market.international_share"})


@pytest.mark.parametrize("values", [
    {"employees": Decimal(10), "rd_staff": Decimal(11), "ip.class1": Decimal(4), "ip.class1_applied": Decimal(4)},
    {"employees": Decimal(10), "rd_staff": Decimal(10), "ip.class1": Decimal(4), "ip.class1_applied": Decimal(5)},
    {"employees": Decimal(10), "rd_staff": True, "ip.class1": Decimal(4), "ip.class1_applied": "5"},
    {"financials.2025.revenue": Decimal(100), "financials.2025.rd_expense": Decimal(101),
     "financials.2025.total_assets": Decimal(5), "financials.2025.total_liabilities": Decimal(6)},
])
def test_the_pairs_compared_at_once_find_what_each_pair_finds(rs: rules.RuleSet, values: dict[str, Any]) -> None:
    """A part above its whole, a figure above another: the one test of every pair at once passes a row
    only when the test of each pair (both numbers, the first above) finds nothing."""
    from littlegiant.load import consistency

    checks = consistency._checks(rs, values)
    assert consistency.part_violations(rs, values) == [
        consistency.PartOverWhole(a, b) for a, b in consistency._above(values, checks.parts)]
    above = [(u.figure, u.other) for u in consistency.unusual_figures(rs, values) if u.kind == consistency.ABOVE]
    assert above == consistency._above(values, checks.above)
