"""Answers typed the way owners and finance managers type them, at the real interview (``littlegiant
assess`` with no file, on pipes): what the interview says back or asks, and what it saves.
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
REVENUE = "营业收入（2025年）（万元）"


def started(tmp_path: Path, lang: str = "zh") -> Session:
    """The interview under way, the company's name answered; the next question is 2025's revenue."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.answers("某公司" if lang == "zh" else "Acme")
    return s


def saved_text(s: Session, tmp_path: Path) -> str:
    """End the input (exit 130, as Ctrl-C) and give the answers file as written."""
    code, _ = s.finish()
    assert code == 130, s.transcript
    return (tmp_path / "a.yaml").read_text(encoding="utf-8")


def question(path: str) -> tuple[Interview, Question]:
    iv = Interview(rules.load("miit-2026"), date(2026, 12, 5))
    f = field_for_path(iv.rules, path)
    return iv, Question(path, f, 2025 if "2025" in path else None)


def test_8_000_for_revenue_is_asked_about_not_saved_as_8(tmp_path: Path) -> None:
    """8.000 (8000 with a point grouping thousands, as much of Europe writes it) was saved as 8万元 without
    a word: revenue a thousandth of the books. The interview names both readings and saves nothing."""
    s = started(tmp_path)
    assert REVENUE in (s.until_prompt() or "")
    said = s.reply("8.000")
    assert "“8.000”看不出是多少" in said and "请写成 8000 或 8" in said, said
    assert "revenue" not in saved_text(s, tmp_path)


def test_dotted_amount_with_a_unit_names_both_readings_in_english(tmp_path: Path) -> None:
    s = started(tmp_path, "en")
    s.until_prompt()
    said = s.reply("8.000万")
    assert "'8.000万' is ambiguous" in said and "write 8000万 or 8万" in said, said
    said = s.reply("8000万")
    assert "R&D expense" in said, said
    assert "    revenue: 8000\n" in saved_text(s, tmp_path)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999), st.integers(0, 99), st.sampled_from(["", "万", "万元", "元", "约"]))
def test_three_decimals_ending_in_0_are_never_read_as_a_decimal(head: int, tens: int, unit: str) -> None:
    """Any amount with three decimals ending in 0 (1.000, 12.500, 999.990万) is asked about, never read."""
    iv, q = question("financials.2025.revenue")
    typed = f"约{head}.{tens:02d}0" if unit == "约" else f"{head}.{tens:02d}0{unit}"
    with pytest.raises(InputError) as refused:
        iv.parse(q, typed)
    assert refused.value.kind == "value.dot_grouping"


@pytest.mark.parametrize(("typed", "value"), [("8.125", "8.125"), ("8.5", "8.5"), ("8000.000", "8000"),
                                              ("8,000", "8000"), ("0.8亿", "8000")])
def test_a_decimal_that_groups_nothing_is_read_as_before(typed: str, value: str) -> None:
    iv, q = question("financials.2025.revenue")
    assert iv.parse(q, typed)[0] == Decimal(value)


def test_revenue_with_vat_is_refused_saying_the_figure_asked_is_without_it(tmp_path: Path) -> None:
    """500万（含税） was told only 「应填金额」, the owner left to guess what was wrong; read as the net figure
    it would be some 13% above the books. Now the refusal says the amount asked is without VAT, and how
    to take it off; the figure without VAT, said so, is read and said back."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply("500万（含税）")
    assert "“500万（含税）”是含税金额：这里填不含增值税的数" in said and "÷1.13" in said, said
    said = s.reply("442.48万（不含税）")
    assert "→ 442.48万（不含税） = 442.48万元\n" in said, said
    assert "    revenue: 442.48\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "kind"), [("含税500万", "value.tax_inclusive"), ("价税合计500万", "value.tax_inclusive"),
                                             ("5 million incl. VAT", "value.tax_inclusive")])
def test_every_way_of_saying_with_vat_is_refused_so(typed: str, kind: str) -> None:
    iv, q = question("financials.2025.revenue")
    with pytest.raises(InputError) as refused:
        iv.parse(q, typed)
    assert refused.value.kind == kind


@pytest.mark.parametrize(("typed", "value"), [("不含税500万", "500"), ("500万不含增值税", "500"),
                                              ("5 million (excl. VAT)", "500"), ("约500万（不含税）", "500")])
def test_an_amount_said_without_vat_is_read(typed: str, value: str) -> None:
    iv, q = question("financials.2025.revenue")
    assert iv.parse(q, typed)[0] == Decimal(value)


def test_a_net_profit_before_tax_is_refused_and_one_after_tax_read(tmp_path: Path) -> None:
    """净利润 300万（税前） is the total profit, before income tax: refused saying which figure is asked."""
    iv, q = question("financials.2025.net_profit")
    for typed in ("300万（税前）", "3 million before tax"):
        with pytest.raises(InputError) as refused:
            iv.parse(q, typed)
        assert refused.value.kind == "value.pre_tax_profit"
    assert iv.parse(q, "亏损300万（税后）")[0] == Decimal(-300)


@pytest.mark.parametrize("typed", ["忘了", "我忘了", "忘记了", "记不清了", "想不起来", "不记得了", "不知道啊", "没印象"])
def test_forgotten_is_dont_know_never_0(tmp_path: Path, typed: str) -> None:
    """忘了 was refused as no amount (「应填金额…现在是“忘了”」): the owner who said they forgot was asked to
    type what they had just said. It is "don't know", saved as null, never 0."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply(typed)
    assert "→ 记为「不知道」" in said, said
    assert "    revenue: null\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize("typed", ["forgot", "I forgot", "no idea", "dunno", "I don't know", "can't remember", "not sure."])
def test_dont_know_in_english_words(tmp_path: Path, typed: str) -> None:
    s = started(tmp_path, "en")
    s.until_prompt()
    said = s.reply(typed)
    assert 'recorded as "don\'t know"' in said, said
    assert "    revenue: null\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "value"), [("yep", True), ("Yeah", True), ("yup", True), ("nope", False), ("Nah", False)])
def test_yep_and_nope_answer_a_yes_no_question(typed: str, value: bool) -> None:
    """yep, yeah and nope were refused in English: 「expected yes or no … got 'yep'」."""
    iv, q = question("registered_in_china")
    assert iv.parse(q, typed)[0] is value


def test_yep_at_the_terminal(tmp_path: Path) -> None:
    s = Session(["assess", *AS_OF, "--lang", "en", "--save", "a.yaml"], tmp_path)
    s.unknown_until("Registered in mainland China", besides={"Company name": "Acme"})
    said = s.reply("yep")
    assert "expected yes or no" not in said, said
    assert "registered_in_china: true\n" in saved_text(s, tmp_path)


ASSETS = "资产总额（2025年末）"


def test_none_for_total_assets_is_asked_again_saying_why(tmp_path: Path) -> None:
    """没有 to 资产总额 was saved as 0 (「没有 = 0万元」): no company is without assets, and 0 left the debt
    ratio 无法计算 in the report. It is asked again, saying why; 没有 to a count stays 0 (the test below)."""
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.unknown_until(ASSETS, besides={"企业名称": "某公司"})
    said = s.reply("没有")
    assert "资产总额不会是 0" in said and "没有 = 0万元" not in said, said
    said = s.reply("1.2亿")
    assert "→ 1.2亿 = 12,000万元" in said, said
    assert "total_assets: 12000\n" in saved_text(s, tmp_path)


def test_none_for_a_count_is_still_0() -> None:
    iv, q = question("ip.class1")
    assert iv.parse(q, "没有")[0] == Decimal(0)
    iv, q = question("financials.2025.total_assets")
    with pytest.raises(InputError) as refused:
        iv.parse(q, "无")
    assert refused.value.kind == "value.typed_none_assets"


@pytest.mark.parametrize("typed", ["3000-4000万", "3000万~4000万", "3000到4000万", "3千至4千万", "30 to 40 million"])
def test_a_range_is_refused_as_a_range(tmp_path: Path, typed: str) -> None:
    """3000-4000万 was told 「应填金额…现在是“3000-4000万”」, as if no figure were there; 两三百万 is told it is
    a range. Now a range with a dash, 到 or 至 is told so too, and nothing is saved."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply(typed)
    assert f"“{typed}”不是一个确切的数（像是一个范围" in said, said
    assert "revenue" not in saved_text(s, tmp_path)


@given(st.integers(1, 10**6), st.integers(1, 10**6), st.sampled_from(["-", "~", "～", "到", "至", "—"]),
       st.sampled_from(["", "万", "亿", "%"]))
@settings(max_examples=80, deadline=None)
def test_two_figures_joined_as_a_range_are_never_one_figure(low: int, high: int, joint: str, unit: str) -> None:
    iv, q = question("financials.2025.revenue")
    with pytest.raises(InputError) as refused:
        iv.parse(q, f"{low}{unit}{joint}{high}{unit}")
    assert refused.value.kind == "value.vague"


def test_a_world_rank_for_the_domestic_rank_is_refused_saying_what_is_asked(tmp_path: Path) -> None:
    """全球第一 to 主导产品国内细分市场排名 was told 「应填整数」. The question asks the domestic rank (the 2026
    rule reads 国内前三名, and a share abroad separately): the refusal says so, and 国内第二 is read."""
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.unknown_until("主导产品国内细分市场排名", besides={"企业名称": "某公司"}, most=80)
    said = s.reply("全球第一")
    assert "“全球第一”是全球（国际）的排名；这里问的是「主导产品国内细分市场排名」" in said, said
    said = s.reply("国内第二")
    assert "→ 国内第二 = 第2名" in said, said
    assert "domestic_rank: 2\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize("typed", ["世界第一", "全球排名第3", "国际第二", "world No. 1", "No. 1 globally"])
def test_every_world_rank_is_refused_as_one(typed: str) -> None:
    iv, q = question("market.domestic_rank")
    with pytest.raises(InputError) as refused:
        iv.parse(q, typed)
    assert refused.value.kind == "value.rank_abroad"


SHARE = "主导产品国内细分市场占有率（%）"


@pytest.mark.parametrize(("typed", "lang", "back"), [("12个百分点", "zh", "→ 12个百分点 = 12%"),
                                                     ("12.5 percent", "en", "→ 12.5 percent = 12.5%")])
def test_a_share_said_in_words_is_read_and_said_back(tmp_path: Path, typed: str, lang: str, back: str) -> None:
    """12个百分点 was refused as Chinese numerals with two readings, told to write 1200万; 12 percent was told
    a percentage was expected. Both are the share with its % sign, said back as 百分之12 is."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml"], tmp_path)
    asked = SHARE if lang == "zh" else "Domestic niche-market share of the main product"
    s.unknown_until(asked, besides={"企业名称": "某公司", "Company name": "Acme"})
    said = s.reply(typed)
    assert back in said, said
    assert "domestic_share: " + typed.split()[0].removesuffix("个百分点") + "%\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "back"), [("8000w", "→ 8000w = 8,000万元"), ("¥8000万", "→ ¥8000万 = 8,000万元")])
def test_an_amount_read_by_a_rule_is_said_back(tmp_path: Path, typed: str, back: str) -> None:
    """8000w (w for 万) and ¥8000万 (¥ alone is 元) were read right but said nothing, where 0.8亿 is said back:
    the owner could not see that the w or the ¥ was read as they meant. 8000 and 8000万 stay unsaid."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply(typed)
    assert back in said, said
    said = s.reply("500万")
    assert "→" not in said, said
    assert "    revenue: 8000\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "back"), [("亏了300万", "→ 亏了300万 = -300万元"), ("赔了300万", "→ 赔了300万 = -300万元"),
                                             ("亏了大概300万", "→ 亏了大概300万 = 约-300万元")])
def test_a_loss_said_as_it_is_said_is_read(tmp_path: Path, typed: str, back: str) -> None:
    """亏了300万, as an owner says it, was told 「应填金额…亏损写负数」 where 亏损300万 and 亏300万 were read."""
    s = Session(["assess", *AS_OF, "--rules", "miit-2022", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.unknown_until("净利润（2025年）", besides={"企业名称": "某公司"})
    said = s.reply(typed)
    assert back in said, said
    assert "net_profit: " in saved_text(s, tmp_path)


@pytest.mark.parametrize(("path", "typed", "kind"), [("niche_years", "8年多", "value.vague"),
                                                     ("employees", "200人出头", "value.vague")])
def test_more_than_a_figure_after_its_unit_is_a_bound(path: str, typed: str, kind: str) -> None:
    """8年多 was told 「应填数字」 where 8多年 is told it is no single figure."""
    iv, q = question(path)
    with pytest.raises(InputError) as refused:
        iv.parse(q, typed)
    assert refused.value.kind == kind


def test_a_start_year_to_now_counts_the_years() -> None:
    """2018年到现在 was told 「应填数字」 where 2018年至今 was counted."""
    iv, q = question("niche_years")
    assert iv.parse(q, "2018年到现在")[0] == Decimal(2025 - 2018)


@pytest.mark.parametrize(("lang", "employees", "asked", "typed", "told"), [
    ("zh", "从业人员（上年末）（人）", "科技人员", "15%", "这里要填人数，不是比例：15%按从业人员（上年末）201人计为约30人"),
    ("zh", "从业人员（上年末）（人）", "科技人员", "20个百分点", "20%按从业人员（上年末）201人计为约40人"),
    ("en", "Employees at last year end (people)", "technology staff", "about 20 percent",
     "A number of people is asked here, not a share: 20% of Employees at last year end, 201 people, is about 40 people"),
])
def test_a_share_typed_for_a_head_count_is_told_the_people_it_comes_to(tmp_path: Path, lang: str, employees: str,
                                                                         asked: str, typed: str, told: str) -> None:
    """科技人员 15% (the share the rules read) was told only 「应填整数」, where 研发费用 4.5% is told the amount
    it comes to. Now the share of the employees answered is turned into people, whole, for the owner to type."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.unknown_until(asked, besides={"企业名称": "某公司", "Company name": "Acme", employees: "201"})
    said = s.reply(typed)
    assert told in said, said
    said = s.reply("30")
    assert "tech_staff: 30\n" in saved_text(s, tmp_path)


def test_a_share_typed_for_an_ip_count_says_a_count_is_asked(tmp_path: Path) -> None:
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.unknown_until("有效Ⅰ类知识产权（项）", besides={"企业名称": "某公司"})
    said = s.reply("15%")
    assert "这里要填项数，不是比例" in said, said


def test_none_in_english_for_total_assets_is_told_why(tmp_path: Path) -> None:
    """"none" to total assets was told only that an amount was expected; it is told, as 没有 is, that no
    company is without assets."""
    s = Session(["assess", *AS_OF, "--lang", "en", "--save", "a.yaml"], tmp_path)
    s.unknown_until("Total assets at year end", besides={"Company name": "Acme"})
    said = s.reply("none")
    assert "A company always holds some assets" in said, said


@pytest.mark.parametrize("typed", ["无此情况", "不存在此情况", "从未", "没发生过", "无记录", "没有的", "no, never", "not listed"])
def test_a_red_line_answered_no_as_a_statement_says_it(typed: str) -> None:
    """是否被列入经营异常名录? 无此情况 (or 从未, 没发生过, 无记录), as a statement answers it, was refused as no
    yes or no; each is 否."""
    iv, q = question("compliance.abnormal_operation")
    assert iv.parse(q, typed)[0] is False


def test_no_as_a_statement_at_the_terminal(tmp_path: Path) -> None:
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.unknown_until("被列入经营异常名录", besides={"企业名称": "某公司"})
    said = s.reply("无此情况")
    assert "应填是或否" not in said, said
    assert "abnormal_operation: false\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "held"), [("有，有效期到2027年", True), ("是（2027年到期）", True),
                                             ("valid until 2028", True), ("有效期到2025年", False)])
def test_a_title_said_with_the_year_it_is_valid_until(typed: str, held: bool) -> None:
    """有，有效期到2027年 was refused as saying when the title was won (「说的是何时获得」); 是（2027年到期） as no sure
    yes. As of 2026 a title valid to 2027 is held, one valid to 2025 has lapsed."""
    iv, q = question("honors.high_tech_enterprise")
    assert iv.parse(q, typed)[0] is held


def test_a_yes_whose_own_date_has_passed_is_asked_about_never_read_as_no() -> None:
    """是（有效期到2024年）: a yes, and a date that says the title lapsed; read as either it would overrule the
    person. Asked, as 是（已过期） is."""
    iv, q = question("honors.high_tech_enterprise")
    with pytest.raises(InputError) as refused:
        iv.parse(q, "是（有效期到2024年）")
    assert refused.value.kind == "value.yes_doubt"


def test_a_title_valid_until_this_year_is_asked_about_at_the_terminal(tmp_path: Path) -> None:
    """Valid until this year: the day decides, and only the owner knows it; asked, saying so, then read."""
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.unknown_until("有效期内的高新技术企业", besides={"企业名称": "某公司"})
    said = s.reply("有效期至2026年12月")
    assert "说的是有效期到 2026年，今年是否仍有效要看具体日期" in said, said
    said = s.reply("有，有效期到2027年")
    assert "high_tech_enterprise: true\n" in saved_text(s, tmp_path)


@pytest.mark.parametrize(("typed", "back"), [("营业收入3200万", "→ 营业收入3200万 = 3,200万元"),
                                             ("2025年营收约3200万", "→ 2025年营收约3200万 = 约3,200万元"),
                                             ("3200万元（审计数）", "→ 3200万元（审计数） = 3,200万元")])
def test_an_amount_typed_with_its_own_name_or_year_is_read(tmp_path: Path, typed: str, back: str) -> None:
    """营业收入3200万, as a finance manager copies it off the statement, was refused as no amount; so were
    2025年营收约3200万 and 3200万元（审计数）. The question's own name, year or audit note is read off, and the
    answer said back."""
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply(typed)
    assert back in said, said
    assert "    revenue: " in saved_text(s, tmp_path)


@pytest.mark.parametrize("typed", ["2024年营业收入3200万", "3200万（2024年）"])
def test_another_years_figure_is_refused_naming_the_year_asked(tmp_path: Path, typed: str) -> None:
    s = started(tmp_path)
    s.until_prompt()
    said = s.reply(typed)
    assert f"“{typed}”是 2024年的数；这里问的是 2025年的" in said, said
    assert "revenue" not in saved_text(s, tmp_path)


@pytest.mark.parametrize(("path", "typed"), [("financials.2025.revenue", "研发费用3200万"),
                                             ("financials.2025.total_liabilities", "资产负债率45%")])
def test_another_figures_name_is_not_read_off(path: str, typed: str) -> None:
    """研发费用3200万 typed for the revenue names another figure: refused, never read as the revenue."""
    iv, q = question(path)
    with pytest.raises(InputError):
        iv.parse(q, typed)


@pytest.mark.parametrize(("typed", "value"), [("200名员工", 200), ("200个员工", 200), ("staff 200", 200), ("员工200人", 200)])
def test_a_head_count_said_with_its_noun(typed: str, value: int) -> None:
    """200名员工 and 'staff 200' were told 「应填整数」 where 200人 and 200 people were read."""
    iv, q = question("employees")
    assert iv.parse(q, typed)[0] == Decimal(value)
