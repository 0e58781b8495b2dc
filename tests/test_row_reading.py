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
