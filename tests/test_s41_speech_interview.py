"""The interview says back what it read of an answer typed as speech, and saves it: 1亿2 = 12,000万元, 年均3200万
= 约3,200万元 (an average, said so), 12年开始做的 = 13年 (the years from 2012), 国内第三 = 第3名 (not 3), 有过 = 是.
And what was wrong around them: "<" at a figure's check was read as 否, 是，没有 to a red line was told a title's
lapse, and a refusal quoted the figure without the name typed before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_s40_interview_typed import started

from littlegiant.load import profile, rules


def test_amounts_said_as_spoken_are_said_back_and_saved(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("1亿2")
    assert "→ 1亿2 = 12,000万元" in said, said
    said = s.reply("2千5")
    assert "→ 2千5 = 2,500万元" in said, said
    values = s.saved(tmp_path / "a.yaml")
    assert values["financials.2025.revenue"] == 12000 and values["financials.2025.rd_expense"] == 2500


def test_an_average_is_asked_for_the_years_own_figure(tmp_path: Path) -> None:
    """Found in review: 年均3200万 was taken for each year asked, which made growth 0% and decided it silently."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("年均3200万")
    assert "是几年的平均数，不是这一年的数" in "".join(said.split()), said
    said = s.reply("约3200万")
    assert "→ 约3200万 = 约3,200万元" in said, said
    code, _ = s.finish()
    assert code == 130
    assert "revenue: 约3200\n" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("asked", "typed", "said_back", "path", "value", "code"), [
    ("从事特定细分市场年限", "12年开始做的",
     "→ 12年开始做的 = 13年（算到2025年末，2012年当年不计；如是2012年1月开始，可直接填14）", "niche_years", 13, 130),
    ("主导产品国内细分市场排名", "国内第三", "→ 国内第三 = 第3名", "market.domestic_rank", 3, 130),  # a rank, not 3
    # a red line met: the questions end at the list of answers, where end of input makes the report
    ("较大生产安全事故", "有的，一次", "→ 有的，一次 = 是", "compliance.major_incident", True, 0),
    ("有效期内的高新技术企业", "下个月拿证", "→ 下个月拿证 = 否", "honors.high_tech_enterprise", False, 130),  # not held today
])
def test_an_answer_said_as_speech_is_said_back_and_saved(tmp_path: Path, asked: str, typed: str, said_back: str,
                                                         path: str, value: object, code: int) -> None:
    """Each said back as read, in the words a report would use, and saved as said back: 国内第三 as the rank
    第3名 (it read as the figure 3), 一次 of an incident as 是, a certificate due next month as 否 today."""
    s = started(tmp_path)
    s.unknown_until(asked, most=120)
    said = s.reply(typed)
    assert said_back in said and "= 3\n" not in said, said
    assert s.finish()[0] == code, s.transcript[-500:]
    assert profile.load_profile(tmp_path / "a.yaml", rules.load("miit-2026")).values[path] == value


def test_yes_and_no_in_words_are_said_back(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("近三年有偷漏税等违法违规行为")
    said = s.reply("肯定没有")
    assert "→ 肯定没有 = 否" in said, said
    said = s.reply("有过")  # 近三年有数据造假行为: a red line met, the questions end at the list
    assert "→ 有过 = 是" in said and "近三年有数据造假行为：是" in said, said
    s.finish()  # at the list of answers: end of input makes the report
    values = profile.load_profile(tmp_path / "a.yaml", rules.load("miit-2026")).values
    assert values["compliance.tax_violation"] is False and values["compliance.data_fabrication"] is True


def test_yes_and_no_at_once_to_a_red_line_is_told_so_not_a_titles_lapse(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.unknown_until("被列入经营异常名录")
    said = s.reply("是，没有")
    assert "“是，没有”里既有“是”又有“没有”，意思相反：属实填“是”，不属实填“否”" in said, said
    assert "已过期" not in said and "申报" not in said, said
    said = s.reply("是，偶尔")
    assert "“是，偶尔”不能算作“是”：请只填“是”或“否”" in said and "已过期" not in said, said
    s.reply("否")
    assert s.saved(tmp_path / "a.yaml")["compliance.abnormal_operation"] is False


def test_a_refusal_quotes_what_was_typed_with_its_name(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("营业收入五百多万")
    assert "“营业收入五百多万”不是一个确切的数" in said, said
    said = s.reply("营业收入-3亿")
    assert "“营业收入-3亿”（即 -30,000万元）" in said, said
    s.finish()


def test_back_at_a_figures_check_goes_back_a_question(tmp_path: Path) -> None:
    """"<" at 「确认无误吗？[是/否]」 was read as 否: the figure was asked again, where the person who typed it
    wanted the question before (the earlier answer the check set this one beside may be the slip)."""
    s = started(tmp_path)
    s.until_prompt()
    s.reply("12000")
    said = s.reply("2500")  # R&D: on to main revenue
    assert "其中主营业务收入" in said, said
    said = s.reply("500")  # a twenty-fourth of revenue: asked to confirm
    assert "确认无误吗？[是/否]" in said, said
    said = s.reply("<")
    assert "回到上一题（刚才答的是：2,500万元" in said and "研发费用（2025年）" in said, said
    assert "请重新回答" not in said, said
    s.reply("3000")  # the R&D changed; main revenue asked again, then left
    values = s.saved(tmp_path / "a.yaml")
    assert values["financials.2025.rd_expense"] == 3000 and "financials.2025.main_revenue" not in values
