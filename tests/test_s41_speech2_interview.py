"""Answers a finance manager types in the interview, said back as read and saved so: 3200万元（母公司） is the
figure asked and 3200万元（合并报表） is told which one to type; 三分之一 = 约33.33%; 有的，一次 to a red line = 是;
120(人) = 120; 二〇二五年3200万 = 3,200万元; 一二年开始 = since 2012; counts and states typed to a yes/no (两项, 申请中,
下个月拿证, 一起都没有, 待定).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_s40_interview_typed import started


@pytest.mark.parametrize(("typed", "said_back", "line"), [("三分之一", "约33.33%", "domestic_share: 约33.33\n"),
                                                         ("三分之二", "约66.67%", "domestic_share: 约66.67\n")])
def test_a_share_said_as_a_part_is_read_as_about_that_share(tmp_path: Path, typed: str, said_back: str,
                                                             line: str) -> None:
    """三分之一 is no finite decimal: 约33.33%, said back with its 约, and saved with two decimals (三分之二 was
    saved as 66.66666666666666666666666667)."""
    s = started(tmp_path)
    s.unknown_until("主导产品国内细分市场占有率")
    said = s.reply(typed)
    assert f"→ {typed} = {said_back}" in said, said
    s.finish()
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert line in text and "66.666" not in text and "33.333" not in text, text


def test_a_consolidated_amount_is_told_which_figure_is_asked_and_the_parents_is_read(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("3200万元（合并报表）")
    assert "“3200万元（合并报表）”是合并报表的数（含子公司）：这里按本企业自己的财务报表或汇算清缴申报表填，" \
           "请填母公司（本企业）单体报表上的数；没有子公司的，直接填“3200万元”" in said, said
    assert "应填金额" not in said, said
    said = s.reply("3200万元（母公司）")
    assert "→ 3200万元（母公司） = 3,200万元" in said, said
    assert s.saved(tmp_path / "a.yaml")["financials.2025.revenue"] == 3200


def test_a_head_count_with_its_unit_in_brackets_is_read(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("从业人员（上年末）")
    said = s.reply("120(人)")
    assert "→ 120(人) = 120人" in said, said
    said = s.reply("25（名）")  # 其中科技人员, as a form writes it
    assert "→ 25（名） = 25人" in said, said
    values = s.saved(tmp_path / "a.yaml")
    assert values["employees"] == 120 and values["tech_staff"] == 25


def test_a_year_said_digit_by_digit_is_the_year(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("二〇二五年3200万")
    assert "→ 二〇二五年3200万 = 3,200万元" in said and "不止一种读法" not in said, said
    s.send("不知道")  # to the question the reply ended at
    s.unknown_until("从事特定细分市场年限")
    said = s.reply("一二年开始")
    assert "→ 一二年开始 = 13年（算到2025年末，2012年当年不计；如是2012年1月开始，可直接填14）" in said, said
    values = s.saved(tmp_path / "a.yaml")
    assert values["financials.2025.revenue"] == 3200 and values["niche_years"] == 13


def test_how_many_typed_to_a_yes_or_no(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("近五年主导制定", most=120)
    said = s.reply("不到10个")
    assert "“不到10个”没说有没有：至少有一个填“是”，一个也没有填“否”" in said, said
    said = s.reply("有，两项")
    assert "→ 有，两项 = 是" in said, said
    assert s.saved(tmp_path / "a.yaml")["awards.led_standard_5y"] is True


def test_none_said_by_counting_is_a_no_and_to_be_decided_is_unknown(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("较大生产安全事故")
    said = s.reply("一起都没有")
    assert "→ 一起都没有 = 否" in said, said
    said = s.reply("待定")
    assert "记为「不知道」" in said, said
    s.finish()


def test_ip_applied_for_is_told_it_counts_once_granted(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("与主导产品相关的有效Ⅰ类知识产权（项）", most=120)
    said = s.reply("正在申请")
    assert "“正在申请”：申请中的还不算，授权（取得证书）后才计入；请填已授权且有效的项数，没有就填 0" in said, said
    assert "应填整数" not in said, said
    said = s.reply("两个")
    assert "→ 两个 = 2项" in said, said
    assert s.saved(tmp_path / "a.yaml")["ip.class1"] == 2


def test_a_count_to_a_state_of_today_is_no_yes(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("被列入经营异常名录")
    said = s.reply("有的，一次")  # once listed, maybe lifted since: only the person can say whether it is listed now
    assert "应填是或否" in said and "→ 有的，一次 = 是" not in said, said
    s.finish()
