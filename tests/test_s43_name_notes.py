"""An amount typed after its name with notes in brackets between (净利润（审计数）300万, 营业收入（2025年，母公司）
2000万元, 营业收入（万元）2000), as a line of the statements or a header is copied: read as the same notes after the
figure are, said back whole; a note that makes it another figure (合并, 集团, 归母, 含税, 税前) or another year is
refused saying which figure is asked. Each was refused with the generic 「应填金额」.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_s40_interview_typed import parsed, started
from tests.test_s41_speech_reading import refused


@pytest.mark.parametrize(("path", "typed", "value"), [
    ("financials.2025.net_profit", "净利润（母公司）300万", 300),
    ("financials.2025.net_profit", "净利润（审计数）300万", 300),
    ("financials.2025.net_profit", "净利润（2025年）300万", 300),
    ("financials.2025.net_profit", "净利润(2025)亏损300万", -300),
    ("financials.2025.net_profit", "净利润（去年）300万", 300),
    ("financials.2025.net_profit", "净利润（万元）-300", -300),
    ("financials.2025.net_profit", "净利润【母公司】300万", 300),
    ("financials.2025.net_profit", "净利润（母公司）为300万", 300),
    ("financials.2025.net_profit", "净利润（税后）300万", 300),
    ("financials.2025.revenue", "营业收入（母公司）2000万元", 2000),
    ("financials.2025.revenue", "营业收入（2025年，母公司）2000万", 2000),
    ("financials.2025.revenue", "营业收入（母公司，2025年，审计数）2000万", 2000),
    ("financials.2025.revenue", "营业收入（2025年，不含税）2000万", 2000),
    ("financials.2025.revenue", "营收（本部）2000万", 2000),
    ("financials.2025.revenue", "营业收入（单位：万元）2000", 2000),
    ("financials.2025.revenue", "营业收入（元）20,000,000", 2000),
    ("financials.2025.revenue", "2025年营业收入（母公司）约2000万", 2000),
    ("employees", "从业人员（人）120", 120),
])
def test_notes_after_the_name_are_read_as_after_the_figure(path: str, typed: str, value: int) -> None:
    assert parsed(path, typed)[0] == value


@pytest.mark.parametrize(("path", "typed", "said"), [
    ("financials.2025.net_profit", "净利润(合并)300万", "是合并报表的数（含子公司）"),
    ("financials.2025.net_profit", "净利润（集团）300万", "是合并报表的数（含子公司）"),
    ("financials.2025.net_profit", "净利润（归母）300万", "是合并报表的数（含子公司）"),
    ("financials.2025.net_profit", "300万（归母）", "是合并报表的数（含子公司）"),
    ("financials.2025.net_profit", "净利润（税前）300万", "是税前的数（利润总额）"),
    ("financials.2025.revenue", "营业收入（2025年，含税）2000万", "是含税金额：这里填不含增值税的数"),
    ("financials.2025.revenue", "营业收入（集团口径）2000万", "请填母公司（本企业）单体报表上的数；没有子公司的，直接填“2000万”"),
    ("financials.2025.revenue", "营业收入（2024年）2000万", "是 2024年的数；这里问的是 2025年的"),
    ("financials.2025.revenue", "营业收入（今年）2000万", "是 2026年的数；这里问的是 2025年的"),
    ("financials.2025.revenue", "营业收入（2025年）2000万（2024年）", "是 2024年的数；这里问的是 2025年的"),  # as before
    ("financials.2025.revenue", "营业收入（2024年）2000万（2025年）", "是 2024年的数；这里问的是 2025年的"),
    # what these notes cannot place stays refused as before: a unit twice, another figure's name or note
    ("financials.2025.revenue", "营业收入（万元）2000万", "应填金额"),
    ("financials.2025.revenue", "研发费用（母公司）2000万", "应填金额"),
    ("financials.2025.net_profit", "净利润（扣非）300万", "应填金额"),
    ("market.domestic_share", "1/3", "应填 0 到 100 之间的百分数"),
])
def test_a_note_that_makes_it_another_figure_is_refused_saying_which(path: str, typed: str, said: str) -> None:
    assert said in refused(path, typed)


def test_notes_after_the_name_in_the_interview(tmp_path: Path) -> None:
    """At the terminal: the group's revenue typed with its name is told which figure to type, the company's own is
    said back as typed and saved."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("营业收入（合并报表）3200万元")
    assert "“营业收入（合并报表）3200万元”是合并报表的数（含子公司）" in said and "应填金额" not in said, said
    said = s.reply("营业收入（2025年，母公司）3200万元")
    assert "→ 营业收入（2025年，母公司）3200万元 = 3,200万元" in said, said
    assert s.saved(tmp_path / "a.yaml")["financials.2025.revenue"] == 3200
