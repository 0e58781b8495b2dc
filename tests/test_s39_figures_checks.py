"""Figures a finance manager or a park's staff may slip on, queried as 需核对的数据 (criteria.md §8a: warnings,
never errors, no verdict changed), in every report, the JSON and a batch row, in zh and en, with both figures:

- year-end total assets under 2% of the year's revenue (30万 beside 8,000万): a digit or two short, another unit,
  0 for "not known" (consistency.SHARE_LEAST_OF_OTHER; said as the days of revenue they come to);
- 成本费用支出总额 under a fifth of revenue (an operating margin over 80%): one line of the sum for the whole;
- R&D expense above 成本费用支出总额, which holds it by definition (consistency.HELD_IN): the 科技型 score read
  R&D as 108% of the costs, at full points, with no word;
- net profit above revenue (``warn_above: revenue`` on net_profit).

Real companies are not queried: a maker, a wholesaler turning its assets five times, a supply-chain trader
twenty times, a software house keeping 30% of its sales; nor any shipped example."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import consistency, rules

runner = CliRunner()
AS_OF = "2026-06-01"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ASSETS_TINY = ("name: 资产过小公司\nindustry: industrial\nemployees: 120\nfinancials:\n"
               "  2025: {revenue: 8000, total_assets: 30, total_liabilities: 10}\n")
ASSETS_ZH = ("「资产总额（2025年末）」30万元，只有「营业收入（2025年）」8,000万元的0.38%（一般不少于2%，即约7天的营业收入）："
             "少见，是否少写了位数或单位填错了？请核对")
ASSETS_EN = ("Total assets at year end 2025 is 30 (10k CNY), only 0.38% of Operating revenue 2025 at 8,000 (10k CNY) "
             "(usually at least 2%, some 7 days' operating revenue): unusual; were digits left out or the unit given wrongly? "
             "Please check")
RD_OVER_COSTS = ("name: 研发高于成本公司\nindustry: industrial\nemployees: 260\nfinancials:\n"
                 "  2025: {revenue: 12000, main_revenue: 11000, rd_expense: 650, total_costs: 600}\n")
RD_ZH = ("「研发费用（2025年）」650万元，高于「成本费用支出总额（2025年）」600万元：按定义成本费用支出总额包含研发费用，"
         "一般不会低于它，请核对")
RD_EN = ("R&D expense 2025 is 650 (10k CNY), above Total costs and expenses 2025 at 600 (10k CNY): total costs and "
         "expenses include R&D expense by definition and are seldom below it; please check")
COSTS_ZH = "「成本费用支出总额（2025年）」600万元，只占「营业收入（2025年）」12,000万元的5%，不到20%：少见，请核对"
PROFIT = ("name: 利润高于收入公司\nindustry: industrial\nemployees: 120\nfinancials:\n"
          "  2025: {revenue: 900, net_profit: 8000, total_assets: 9000, total_liabilities: 3000}\n")
PROFIT_ZH = "「净利润（2025年）」8,000万元，高于「营业收入（2025年）」900万元：少见，请核对"
PROFIT_EN = "Net profit 2025 is 8,000 (10k CNY), above Operating revenue 2025 at 900 (10k CNY): unusual, please check"


def cli(*args: str, lang: str = "zh") -> tuple[int, str]:
    done = runner.invoke(app, [*args, "--as-of", AS_OF, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def written(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_assets_far_under_revenue_are_queried_in_every_report(tmp_path: Path) -> None:
    src = written(tmp_path, "assets.yaml", ASSETS_TINY)
    code, text = cli("assess", str(src))
    assert code == 0 and "⚠" + squash(ASSETS_ZH) in squash(text)
    _, text = cli("assess", str(src), lang="en")
    assert squash(ASSETS_EN) in squash(text)
    _, out = cli("assess", str(src), "--format", "json")
    assert json.loads(out)["warnings"] == [
        {"kind": "share", "path": "financials.2025.total_assets", "value": 30,
         "compared_with": "financials.2025.revenue", "compared_value": 8000, "message": ASSETS_ZH}]
    _, html = cli("assess", str(src), "--format", "html")
    assert "约7天的营业收入" in html
    _, markdown = cli("assess", str(src), "--format", "markdown", lang="en")
    assert ASSETS_EN in markdown


def test_assets_of_0_beside_revenue_ask_whether_it_was_meant_as_not_known(tmp_path: Path) -> None:
    src = written(tmp_path, "zero.yaml", ASSETS_TINY.replace("total_assets: 30", "total_assets: 0"))
    _, text = cli("assess", str(src))
    assert squash("「资产总额（2025年末）」0万元，而「营业收入（2025年）」8,000万元：有收入的企业年末总有资产"
                  "（现金、应收账款、存货），如果是不知道，请留空；请核对") in squash(text)
    _, text = cli("assess", str(src), lang="en")
    assert squash("a firm with revenue holds something at the year's end (cash, receivables, stock); if it is not "
                  "known, leave it blank; please check") in squash(text)


def test_rd_above_the_costs_that_hold_it_and_costs_far_under_revenue_are_queried(tmp_path: Path) -> None:
    """The 2026 tier 1's 科技型 score still reads the figures as given (108%): said, never changed."""
    src = written(tmp_path, "rd.yaml", RD_OVER_COSTS)
    code, text = cli("assess", str(src))
    assert code == 0 and "⚠" + squash(RD_ZH) in squash(text) and "⚠" + squash(COSTS_ZH) in squash(text)
    _, text = cli("assess", str(src), lang="en")
    assert squash(RD_EN) in squash(text)
    _, out = cli("assess", str(src), "--format", "json", lang="en")
    found = {(w["kind"], w["path"], w.get("compared_with")) for w in json.loads(out)["warnings"]}
    assert found == {("above", "financials.2025.rd_expense", "financials.2025.total_costs"),
                     ("share", "financials.2025.total_costs", "financials.2025.revenue")}
    _, markdown = cli("assess", str(src), "--format", "markdown")
    assert "研发费用总额占成本费用支出总额的比例 108.33%" in markdown


def test_net_profit_above_revenue_is_queried(tmp_path: Path) -> None:
    src = written(tmp_path, "profit.yaml", PROFIT)
    _, text = cli("assess", str(src))
    assert "⚠" + squash(PROFIT_ZH) in squash(text)
    _, text = cli("assess", str(src), lang="en")
    assert squash(PROFIT_EN) in squash(text)


def test_a_batch_row_says_each_in_its_figures_to_check(tmp_path: Path) -> None:
    files = [written(tmp_path, n, t) for n, t in (("a.yaml", ASSETS_TINY), ("b.yaml", RD_OVER_COSTS),
                                                    ("c.yaml", PROFIT))]
    out = tmp_path / "结果.csv"
    code, _ = cli("batch", *map(str, files), "-o", str(out))
    assert code == 0
    with out.open(encoding="utf-8-sig") as f:
        cells = [row["需核对的数据"] for row in csv.DictReader(f)]
    assert cells == [ASSETS_ZH, f"{RD_ZH}；{COSTS_ZH}", PROFIT_ZH]


def test_the_shipped_examples_are_not_queried() -> None:
    """(micro-startup's R&D above its small revenue is queried, as before.)"""
    new = {"financials.2025.total_assets", "financials.2025.total_costs", "financials.2025.net_profit"}
    for src in sorted(EXAMPLES.glob("*.yaml")):
        _, out = cli("assess", str(src), "--format", "json")
        said = [(w["path"], w.get("compared_with")) for w in json.loads(out)["warnings"]]
        assert not [s for s in said if s[0] in new or s[1] == "financials.2025.total_costs"], src.name


RS = rules.load("miit-2026")


def kinds(values: dict[str, Any]) -> list[tuple[str, str]]:
    return [(w.kind, w.figure.field.id) for w in consistency.unusual_figures(RS, values, last_year=2025)]


@settings(max_examples=200, deadline=None)
@given(revenue=st.decimals(min_value=Decimal(50), max_value=Decimal(150000), places=2),
       turnover=st.decimals(min_value=Decimal("0.2"), max_value=Decimal(40), places=2),
       margin=st.decimals(min_value=Decimal(-50), max_value=Decimal(60), places=1))
def test_real_companies_are_not_queried(revenue: Decimal, turnover: Decimal, margin: Decimal) -> None:
    """A maker (assets turned once a year), a wholesaler (5), a supply-chain trader or a labour agency (20, 40 at
    the most): their year-end assets are no query; nor are costs of a firm earning -50% to +60% of its sales,
    nor R&D at 10% of those costs, nor a profit under revenue."""
    costs = revenue * (1 - margin / 100)
    values = {"financials.2025.revenue": revenue, "financials.2025.total_assets": revenue / turnover,
              "financials.2025.total_costs": costs, "financials.2025.rd_expense": costs / 10,
              "financials.2025.net_profit": revenue * margin / 100}
    assert kinds(values) == []


@settings(max_examples=200, deadline=None)
@given(revenue=st.decimals(min_value=Decimal(100), max_value=Decimal(500000), places=2),
       share=st.decimals(min_value=Decimal(0), max_value=Decimal("0.0199"), places=4))
def test_assets_under_2_percent_of_revenue_are_queried(revenue: Decimal, share: Decimal) -> None:
    assets = (revenue * share).quantize(Decimal("0.01"))
    values = {"financials.2025.revenue": revenue, "financials.2025.total_assets": assets}
    assert kinds(values) == [(consistency.SHARE, "total_assets")]


def test_the_bounds_themselves_are_no_query() -> None:
    """Exactly 2% of revenue in assets, exactly a fifth in costs, R&D equal to the costs, profit equal to revenue."""
    values = {"financials.2025.revenue": Decimal(10000), "financials.2025.total_assets": Decimal(200),
              "financials.2025.total_costs": Decimal(2000), "financials.2025.rd_expense": Decimal(2000),
              "financials.2025.net_profit": Decimal(10000)}
    assert kinds(values) == []


def test_rd_asked_about_already_is_not_asked_about_twice() -> None:
    """R&D above revenue (or over half of it) and above the costs: the one question on that R&D figure."""
    values = {"financials.2025.revenue": Decimal(1000), "financials.2025.total_costs": Decimal(900),
              "financials.2025.rd_expense": Decimal(1200)}
    found = consistency.unusual_figures(RS, values, last_year=2025)
    assert [(w.kind, w.other.field.id if w.other else None) for w in found] == [(consistency.ABOVE, "revenue")]
    values |= {"financials.2025.revenue": Decimal(10000), "financials.2025.total_costs": Decimal(9000),
               "financials.2025.rd_expense": Decimal(9500)}
    assert kinds(values) == [(consistency.SHARE, "rd_expense")]
    # under 5,000万 of revenue over half is not asked (a small R&D-heavy firm): above the costs is the one question
    values |= {"financials.2025.revenue": Decimal(1000), "financials.2025.total_costs": Decimal(900),
               "financials.2025.rd_expense": Decimal(950)}
    assert kinds(values) == [(consistency.ABOVE, "rd_expense")]
