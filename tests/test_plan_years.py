"""A plan over several years, read by the finance manager who has to carry it out: a raise a sum over
years needs falls where there is time to make it, each year's own floor still holds, and the plan
says how little of the current year is left."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from tests.test_reports import cli, squash

from littlegiant.core.gaps import days_left

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STARTUP = str(EXAMPLES / "micro-startup.yaml")
LG_HEAD = '专精特新"小巨人"企业：最早2028年申报'
HELD = ("--set", "titles.zjtx_sme=true")
"""专精特新 taken as held: late in 2026 its own plan is 2029's (2026's R&D 30 → 100万 in the 30 days that
bring some 2.5万 is out of reach), which would date 小巨人 2029 too, where these tests read 小巨人's own
split of the two-year sum over 2026 and 2027."""


def plan_block(out: str, head: str) -> str:
    """One tier's plan in the terminal report, squashed: from its headline to the next tier's."""
    text = squash(out)
    start = text.index(squash(head), text.index("行动计划"))
    end = min(i for i in (text.find("■", start + 1), text.find("需准备的材料", start)) if i > 0)
    return text[start:end]


def plan_moves(*args: str) -> dict[str, dict[str, Decimal]]:
    """Each tier's planned figures, path → after, from the JSON result: of the round with 2026's raise
    where the plan is the round after, that raise being far beyond December (``only_if_this_year``);
    a later year's amount the plan does not move is the one it assumes (2027's revenue taken from a
    2026 revenue given)."""
    doc = json.loads(cli("assess", STARTUP, "--format", "json", *args))
    return {tier: {p: Decimal(str(v)) for p, v in p["assumed"].items() if type(v) in (int, float)}
            | {m["path"]: Decimal(str(m["after"])) for m in (p["only_if_this_year"] or p)["moves"]
               if type(m["after"]) in (int, float)}
            for tier, p in doc["plans"].items()}


def test_on_2_december_the_two_year_rd_sum_falls_on_next_year_not_on_decembers_last_weeks() -> None:
    """The 小巨人 plan asked for 1,020万 more R&D in 2026 (30 → 1,050) on 2 December 2026 and 120万 in
    2027: the month left cannot carry it. Now 2026 takes only its 30 days' share and 2027 the rest, the
    sum is met exactly, and the plan is still checked by evaluating all its changes together."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", *HELD, columns=80)
    block = plan_block(out, LG_HEAD)
    assert "已验证" in block
    assert squash("研发费用（2026年）：30 → 116万元（+86；按2026年余下30天分摊，其余在2027年；") in block
    assert squash("研发费用（2027年）：30 → 1,084万元（+1,054；2027年尚无数据") in block
    assert "1,050万元" not in block


def test_early_in_the_year_the_rd_sum_is_spread_over_both_years() -> None:
    """On 15 January 2026 both years lie almost whole ahead: the raise is shared about half and half
    (351 days of 2026 against 365 of 2027), not piled on one year."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-01-15", columns=80)
    block = plan_block(out, LG_HEAD)
    assert "已验证" in block
    assert squash("研发费用（2026年）：30 → 588万元（+558；按2026年余下351天分摊，其余在2027年；") in block
    assert squash("研发费用（2027年）：30 → 612万元（+582；") in block


@pytest.mark.parametrize("as_of", ["2026-01-15", "2026-12-02"])
def test_the_split_plan_meets_the_sum_and_each_years_floor(as_of: str) -> None:
    """The figures the plan asks for: 近两年研发费用合计 at least 1,200万, and each year's R&D at least
    3% of that year's revenue as planned (2026's revenue given as 10,000万 makes its floor 300万, more
    than its share of the time: the floor wins and 2027 takes only what the sum still needs). In December
    that floor (+270万 in 30 days) is far beyond the month: the 2027 round is the plan's only if, and
    still split so."""
    for extra, floor_2026 in (((), Decimal("1.2")), (("--set", "financials.2026.revenue=10000"), Decimal(300))):
        moves = plan_moves("--as-of", as_of, *HELD, *extra)["little_giant"]
        rd = {y: moves.get(f"financials.{y}.rd_expense", Decimal(30)) for y in (2026, 2027)}
        assert rd[2026] + rd[2027] == 1200, rd
        assert rd[2026] >= floor_2026 and rd[2027] >= moves["financials.2027.revenue"] * Decimal("0.03"), rd
    moves = plan_moves("--as-of", "2026-12-02", *HELD, "--set", "financials.2026.revenue=10000")["little_giant"]
    assert (moves["financials.2026.rd_expense"], moves["financials.2027.rd_expense"]) == (300, 900)


def test_a_raise_only_the_current_year_can_make_says_how_few_days_are_left() -> None:
    """A floor of the current year (专精特新: 每年均不低于100万) can be met in no other year: late in the
    year the step says how little time it has, rather than reading as if a year lay ahead, and, where
    the raise asks more, what those days bring at the present rate (+20 where 80万 a year brings 6.6).
    Far beyond them (+70 where 30万 a year brings 2.5) it is no step: the plan is the round after, and
    the raise the condition of the earlier one, with what the days bring."""
    out = cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", "--set", "financials.2026.rd_expense=80",
              columns=80)
    block = plan_block(out, "专精特新中小企业：最早2028年申报")
    assert squash("研发费用（2026年）：80 → 100万元（+20；2026年仅余30天，按目前的水平这30天约6.6万元）") in block
    far = plan_block(cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-12-02", columns=80),
                     "专精特新中小企业：最早2029年申报")
    assert squash("只有在2026年余下的30天内使研发费用（2026年）达到100万元（须增加70万元，按目前的水平这30天约"
                  "2.5万元），才可能提前到2028年申报（以2027年数据计）") in far
    early = plan_block(cli("assess", STARTUP, "--lang", "zh", "--as-of", "2026-01-15", columns=80),
                       "专精特新中小企业：最早2028年申报")
    assert squash("研发费用（2026年）：30 → 100万元（+70；2026年尚无数据") in early


def test_the_english_plan_says_the_share_of_the_days_left() -> None:
    out = squash(cli("assess", STARTUP, "--lang", "en", "--as-of", "2026-12-02", *HELD, columns=200))
    assert squash("R&D expense 2026: 30 → 116 (10k CNY) (+86; 2026's share for its 30 days left; the rest in 2027;") in out


def test_days_left_counts_today_and_none_of_a_closed_year() -> None:
    from datetime import date

    assert days_left(2026, date(2026, 12, 2)) == 30
    assert days_left(2027, date(2026, 12, 2)) == 365
    assert days_left(2025, date(2026, 12, 2)) == 0
    assert days_left(2028, date(2026, 1, 1)) == 366


def test_a_plan_step_starts_from_the_figure_as_given_not_rounded_onto_the_target() -> None:
    """A main revenue of 10,799.9999万 (107,999,999 yuan, as an accounting system gives it) under a
    90% share of 12,000万: the step read "10,800 → 10,800.01万元（+0.01）", a change from a figure the
    company never had, and the what-if line above it rounded the typed figure the same way."""
    out = squash(cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--as-of", "2026-03-15",
                     "--rules", "miit-2026", "--set", "financials.2025.main_revenue=10799.9999", columns=80))
    assert squash("主营业务收入（2025年）：11,000万元 → 10,799.9999万元") in out
    assert squash("主营业务收入（2026年）：10,799.9999 → 10,800万元（+0.0001；") in out  # the least whole 万元 that meets it
    assert squash("10,799.9999万元是按2025年的数额估计的") in out
    assert "：10,800 →" not in out


def test_a_sliver_of_a_share_is_not_said_as_zero() -> None:
    """2024 revenue typed 4,500亿 for 4,500万 (45,000,000万元): R&D of 560万 is 0.0012% of it, and the
    summary said 「前年研发费用占营业收入比重不低于3%（现为0%）」, a figure the company does not have."""
    out = squash(cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--as-of", "2026-11-26",
                     "--set", "financials.2024.revenue=45000000", columns=100))
    assert squash("前年研发费用占营业收入比重不低于3%（现为0.0012%）") in out
    assert "现为0%" not in out


EQUITY_LATE = """name: 乙
industry: industrial
employees: 60
rd_staff: 20
tech_staff: 25
niche_years: 5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false, tax_violation: false, data_fabrication: false}
financials:
  2026: {revenue: 200, main_revenue: 190, rd_expense: 150}
  2025: {revenue: 200, main_revenue: 190, rd_expense: 150, net_profit: 50, total_assets: 900, total_liabilities: 300, total_costs: 500}
  2024: {revenue: 500, main_revenue: 480, rd_expense: 140}
  2023: {revenue: 400, main_revenue: 380, rd_expense: 120}
equity_financing: {2026: EQ2026, 2025: EQ2025, 2024: 0, 2023: 0}
ip: {class1: 2, class1_self_developed: 2, class1_applied: 2, class1_top3_holder: 2, class2: 5}
rd_institution: city
market: {domestic_share: 5, domestic_rank: 5, leading: true}
field: {chain_role: true, foundation: true, priority_domain: true}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: false, little_giant: false}
platform_score: 70
"""
"""A company of 200万 revenue whose way into 专精特新 in 2027 is new equity over 2025 and 2026 (近两年 ≥ 2000万)."""


@pytest.mark.parametrize(("this_year", "last_year", "raise_"), [("100", "1850", "100 → 150万元"),
                                                                ("10", "1900", "10 → 100万元")])
def test_new_equity_late_in_the_year_keeps_its_round(tmp_path: Path, this_year: str, last_year: str,
                                                     raise_: str) -> None:
    """New equity comes in one payment, any day: on 26 November a +50万 capital increase was weighed against
    what 36 days bring at this year's rate (9.9万) and the plan led with 2028, hiding the 2027 the company
    can meet; and where the cheapest way was revenue +1,300万 in those days, the same round's other way
    (the equity) was never tried. Both plans are 2027's, by the equity raise."""
    path = tmp_path / "乙.yaml"
    path.write_text(EQUITY_LATE.replace("EQ2026", this_year).replace("EQ2025", last_year), encoding="utf-8")
    block = plan_block(cli("assess", str(path), "--as-of", "2026-11-26", "--lang", "zh"), "专精特新中小企业：")
    assert block.startswith(squash("专精特新中小企业：最早2027年申报（以2026年数据计）")), block
    assert squash(f"新增股权融资（合格机构投资者实缴额）（2026年）：{raise_}") in block, block
    assert "才可能提前" not in block and "按目前的水平" not in block, block


def test_a_raise_from_nothing_late_in_the_year_is_not_said_to_bring_zero() -> None:
    """From a figure of 0 there is no present rate: the plan's "only if" step said 「按目前的水平这28天约0万元」."""
    out = squash(cli("assess", STARTUP, "--as-of", "2026-12-04", "--lang", "zh", "--set", "financials.2026.rd_expense=0"))
    assert squash("研发费用（2026年）达到100万元（须增加100万元，2026年仅余28天），才可能提前到2028年申报") in out, out
    assert "约0万元" not in out


def test_a_raise_within_reach_is_kept_when_the_round_is_planned_again(tmp_path: Path) -> None:
    """Re-planned without the raises out of reach (revenue +1,300万 in 28 days), the round held 2026's R&D
    too, whose +10万 the days may bring (some 6.9万 at its rate), and the plan led with 2029: 2027 is met by
    new equity of 2,000万 and that R&D."""
    path = tmp_path / "乙.yaml"
    path.write_text(EQUITY_LATE.replace("EQ2026", "0").replace("EQ2025", "0")
                    .replace("2026: {revenue: 200, main_revenue: 190, rd_expense: 150}",
                             "2026: {revenue: 200, main_revenue: 190, rd_expense: 90}"), encoding="utf-8")
    block = plan_block(cli("assess", str(path), "--as-of", "2026-12-04", "--lang", "zh"), "专精特新中小企业：")
    assert block.startswith(squash("专精特新中小企业：最早2027年申报（以2026年数据计），须在2026年余下的28天内使研发费用"
                                   "（2026年）达到100万元")), block
    assert squash("新增股权融资（合格机构投资者实缴额）（2026年）：0 → 2,000万元") in block, block
