"""Answers a finance manager types as speech, each refused before though its meaning is clear: 没获过奖 to an
award rank, 2012年开始做的 to the years in a niche, 3200万/年 and 3200万元左右吧 to an amount, 8年来, 属于 / 不属于
and 通过了 to the question whose verb they echo, 12个点 to a share, 省级的 to a level; and 没有 to a rank,
saved as 0 without a word, is said back as what 0 means there.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_cli_interactive import Session

from littlegiant.core.interview import Interview, Question
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.profile import field_for_path

AS_OF = ["--as-of", "2026-12-05"]  # last year 2025


def parsed(path: str, typed: str) -> tuple[object, bool]:
    """(the value ``typed`` gives ``path`` at the interview, whether it is taken as approximate)."""
    iv = Interview(rules.load("miit-2026"), date(2026, 12, 5))
    f = field_for_path(iv.rules, path)
    year = next((y for y in (2025, 2024, 2023) if str(y) in path), None)
    value, said = iv.parse(Question(path, f, year), typed)
    return value, said is not None and said.approximate


@pytest.mark.parametrize(("path", "typed", "value", "about"), [
    ("awards.national_rank", "没获过奖", 0, False),
    ("awards.provincial_rank", "从未获奖", 0, False),
    ("awards.national_rank", "没有获奖", 0, False),
    ("awards.national_rank", "没拿过奖", 0, False),
    ("market.domestic_rank", "没有排名", 0, False),
    ("awards.maker_china", "没获过奖", "none", False),
    ("niche_years", "2012年开始做的", 13, False),  # to the end of 2025, 2012 itself not counted
    ("niche_years", "从2012年开始做", 13, False),
    ("niche_years", "2012年就进入这个行业了", 13, False),
    ("niche_years", "8年来", 8, False),
    ("niche_years", "做了12年", 12, False),
    ("niche_years", "已经十二年了", 12, False),
    ("niche_years", "12年吧", 12, True),
    ("employees", "一共120人", 120, False),
    ("ip.class1", "有五项", 5, False),
    ("financials.2025.revenue", "3200万/年", 3200, False),
    ("financials.2025.revenue", "3200万元/年", 3200, False),
    ("financials.2025.revenue", "每年3200万", 3200, False),
    ("financials.2025.revenue", "一年3200万", 3200, False),
    ("financials.2025.revenue", "3200万元左右吧", 3200, True),
    ("financials.2025.revenue", "3200万吧", 3200, True),
    ("financials.2025.revenue", "大概3200万吧", 3200, True),
    ("financials.2025.revenue", "3200万啊", 3200, False),
    ("market.domestic_share", "12个点", 12, False),
    ("market.domestic_share", "约12个点", 12, True),
    ("rd_institution", "省级的", "provincial", False),
    ("field.priority_domain", "属于", True, False),
    ("field.priority_domain", "不属于的", False, False),
    ("compliance.prohibited_products", "不属于", False, False),
    ("quality.iso9001", "通过了", True, False),
    ("quality.iso9001", "没通过", False, False),
    ("quality.standards", "参与过", True, False),
    ("quality.standards", "没有参与过", False, False),
    ("compliance.abnormal_operation", "没有啊", False, False),
    ("field.chain_role", "没错", True, False),
    ("field.chain_role", "不算", False, False),
    ("compliance.tax_violation", "没有没有", False, False),
    ("compliance.major_incident", "没有过", False, False),
    ("field.chain_role", "对对对", True, False),
    ("financials.2025.revenue", "去年3200万", 3200, False),  # as of 2026-12-05: last year, 2025
    ("financials.2025.revenue", "3200万（去年）", 3200, False),
    ("financials.2025.revenue", "去年的营收是3200万", 3200, False),
    ("financials.2024.revenue", "前年3200万", 3200, False),
    ("financials.2025.revenue", "8仟万", 8000, False),
    ("market.domestic_share", "两成", 20, False),
    ("market.domestic_share", "一成半", 15, False),
    ("market.domestic_share", "三成左右", 30, True),
    ("digital_level", "没评", None, False),  # not assessed: unknown, never 0
    ("titles.tech_sme", "还没有", False, False),
    ("titles.tech_sme", "入库了", True, False),
    ("honors.high_tech_enterprise", "是，2024年复审", True, False),  # renewed: 复审 is 高企's word for 复核
    ("compliance.abnormal_operation", "目前没有", False, False),
    ("financials.2025.revenue", "两亿五", 25000, False),  # 2.5亿, as said: offered as 25000万 or 250000000万
    ("financials.2025.revenue", "一亿二", 12000, False),
    ("ip.class1", "发明专利5项", 5, False),
    ("ip.class1", "有5个发明专利", 5, False),
    ("ip.class2", "实用新型10项", 10, False),
    ("ip.class2", "软著30个", 30, False),
])
def test_typed_as_said_is_read(path: str, typed: str, value: object, about: bool) -> None:
    got, approximate = parsed(path, typed)
    assert got == (Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else value)
    assert approximate is about


@pytest.mark.parametrize(("path", "typed"), [
    ("quality.iso9001", "取得了"),  # a verb the question does not ask: no answer to it
    ("field.priority_domain", "通过"),
    ("compliance.abnormal_operation", "没有吧"),  # hedged: not a no to a red line
    ("compliance.abnormal_operation", "是吧"),
    ("compliance.tax_violation", "1111"),
    ("ip.class2", "发明专利5项"),  # Class I typed for Class II  # digits said again are no word said again
    ("niche_years", "2012年"),  # a start year alone: asked what is meant, as before
    ("financials.2025.revenue", "3000多万"),  # up to 4000万; 3200多万 is taken as 约3200万 (test_s41_speech_interview)
])
def test_what_says_no_answer_stays_refused(path: str, typed: str) -> None:
    with pytest.raises(InputError):
        parsed(path, typed)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10**6), st.sampled_from(["{n}万/年", "{n}万元/年", "每年{n}万", "全年{n}万元", "{n}万吧",
                                                "{n}万元左右吧", "约{n}万/年"]))
def test_an_amount_said_as_a_years_or_hedged_is_its_figure(n: int, form: str) -> None:
    got, approximate = parsed("financials.2025.revenue", form.format(n=n))
    assert got == Decimal(n)
    assert approximate is ("吧" in form or "左右" in form or "约" in form)


def started(tmp_path: Path) -> Session:
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    return s


def test_a_hedged_amount_is_said_back_and_saved_as_approximate(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("3200万元左右吧")
    assert "→ 3200万元左右吧 = 约3,200万元" in said, said
    assert s.reply("300万/年").startswith("  → 300万/年 = 300万元")
    code, _ = s.finish()
    assert code == 130
    saved = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "revenue: 约3200\n" in saved and "rd_expense: 300\n" in saved


def test_none_to_an_award_rank_is_said_back_as_no_award(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("近三年国家级科技奖励获奖单位排名")
    said = s.reply("没有")
    assert "→ 没有 = 未获奖" in said and "近三年省部级科技奖励获奖单位排名" in said, said
    said = s.reply("没获过奖")
    assert "→ 没获过奖 = 未获奖" in said, said
    values = s.saved(tmp_path / "a.yaml")
    assert values["awards.national_rank"] == 0 and values["awards.provincial_rank"] == 0


def test_a_start_year_said_as_speech_is_counted_and_said_back(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("从事特定细分市场年限")
    said = s.reply("2012年开始做的")
    assert "→ 2012年开始做的 = 13年（算到2025年末，2012年当年不计" in said, said
    assert s.saved(tmp_path / "a.yaml")["niche_years"] == 13


def test_class_ii_ip_typed_for_class_i_is_told_which_is_asked(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("与主导产品相关的有效Ⅰ类知识产权")
    said = s.reply("软著30个")
    assert "“软著30个”是Ⅱ类知识产权（实用新型、外观设计、软件著作权）；这里问的是Ⅰ类（发明专利等）的项数" in said, said
    said = s.reply("发明专利5项")
    assert "→ 发明专利5项 = 5项" in said, said
    assert s.saved(tmp_path / "a.yaml")["ip.class1"] == 5


@pytest.mark.parametrize(("path", "typed", "year"), [("financials.2025.revenue", "今年3200万", "2026"),
                                                    ("financials.2025.revenue", "前年3200万", "2024"),
                                                    ("financials.2024.revenue", "去年3200万", "2025")])
def test_a_year_said_relative_to_today_that_is_not_the_one_asked_is_named(path: str, typed: str, year: str) -> None:
    with pytest.raises(InputError) as refused:
        parsed(path, typed)
    assert refused.value.kind == "value.other_year" and refused.value.params["year"] == year


@pytest.mark.parametrize("typed", ["是吧", "没有吧", "应该没有", "好像不是", "属于吧"])
def test_an_unsure_yes_or_no_is_told_so_not_a_titles_lapse(tmp_path: Path, typed: str) -> None:
    """「是吧」 to a red line was told that a lapsed or pending title is 否, of a question on no title."""
    s = started(tmp_path)
    s.unknown_until("产品（服务）属于国家禁止、限制或淘汰类")
    said = s.reply(typed)
    assert f"“{typed}”听起来还不确定：确定是就填“是”，确定不是就填“否”，说不准就填“不知道”" in said, said
    assert "已过期" not in said
    s.finish()


def test_a_trade_typed_for_the_industry_is_told_which_number_to_pick(tmp_path: Path) -> None:
    """化工 to 「行业」 was told only 「应填 1–16 的编号或选项名称」 where a sheet's cell was told who picks 工业."""
    s = started(tmp_path)
    s.unknown_until("行业（《中小企业划型标准规定》）")
    said = s.reply("化工")
    assert "现在是“化工”：制造业企业（如电子元器件、机械、新材料）请选“工业”（2）" in said, said
    said = s.reply("2")
    assert "→ 2 = 工业" in said, said
    assert s.saved(tmp_path / "a.yaml")["industry"] == "industrial"


def test_a_founding_year_for_the_years_in_the_niche_is_told_how_to_say_it(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("从事特定细分市场年限")
    said = s.reply("2009年成立的")
    assert "“2009年成立的”是企业成立的年份；这里问的是从事主导产品的年限：如果成立起就做这个产品，可写“2009年开始”" in said, said
    said = s.reply("2009年开始")
    assert "→ 2009年开始 = 16年" in said, said
