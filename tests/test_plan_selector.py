"""A batch row's 主要差距 without --advice names the revenue band the company is in (2022 小巨人's R&D
routes, each said by a ``selector: true`` check), as the report's 差在 does: a park's row of 7,000万
short of 6% R&D read 「上年度营业收入1亿元以上（现为7,000万元）」, no requirement of the title, where
the same row with --advice read 「上年度研发费用占比不低于6%（现为3%）」."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.conftest import AS_OF_2022, EXAMPLES, flat
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core import engine
from littlegiant.core.plan import plan_for
from littlegiant.core.result import UNKNOWN, UNMET
from littlegiant.load import profile, rules
from littlegiant.report.words import Words

runner = CliRunner()
LG = '专精特新"小巨人"企业'
BASE = flat(EXAMPLES / "little-giant-2022.yaml", "miit-2022")
# The park's three rows (cases/band_gap_2026q1.csv): revenue in the 5,000万–1亿 band, R&D share 3% or 5%
# in both years, everything else a 小巨人 holding 专精特新 needs (revenue grows, main business 90% of it).
BAND_GAP = {
    "rev7000_rd3pct": {"2025": ("7000", "6300", "210"), "2024": ("6650", "5985", "199.5"), "2023": ("5950", "5355")},
    "rev9999": {"2025": ("9999", "8999.1", "300"), "2024": ("9499.05", "8549.145", "285"),
                "2023": ("8499.15", "7649.235")},
    "rev7000_rd5pct": {"2025": ("7000", "6300", "350"), "2024": ("6650", "5985", "332.5"), "2023": ("5950", "5355")},
}
SAID = {"rev7000_rd3pct": "上年度研发费用占比不低于6%（现为3%）", "rev9999": "上年度研发费用占比不低于6%（现为3%）",
        "rev7000_rd5pct": "上年度研发费用占比不低于6%（现为5%）"}


def band_gap_sheet(folder: Path) -> Path:
    """The park's sheet of the three rows, one column a path, as the park's export writes it."""
    rows = []
    for name, years in BAND_GAP.items():
        row: dict[str, Any] = {**BASE, "name": name, "financials.2025.total_costs": years["2025"][1]}
        for year, figures in years.items():
            for key, figure in zip(("revenue", "main_revenue", "rd_expense"), figures, strict=False):
                row[f"financials.{year}.{key}"] = figure
        rows.append(row)
    path = folder / "band_gap.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=sorted({k for r in rows for k in r}))
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_batch(src: Path, out: Path, *more: str) -> None:
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", AS_OF_2022.isoformat(),
                               "-q", *more])
    assert done.exit_code == 0, done.output


def test_a_batch_row_names_the_r_and_d_share_of_its_own_band_not_1_yi(tmp_path: Path) -> None:
    """The three rows in Chinese, as a park reads them in Excel: the 6% R&D share of the band each
    company is in, with what it has, and no word of 1亿 — the first thing --advice names too."""
    src = band_gap_sheet(tmp_path)
    run_batch(src, tmp_path / "plain.csv")
    run_batch(src, tmp_path / "advice.csv", "--advice")
    with (tmp_path / "plain.csv").open(encoding="utf-8-sig", newline="") as handle:
        plain = list(csv.DictReader(handle))
    with (tmp_path / "advice.csv").open(encoding="utf-8-sig", newline="") as handle:
        advice = list(csv.DictReader(handle))
    assert [r["企业名称"] for r in plain] == list(BAND_GAP)
    for row, advised in zip(plain, advice, strict=True):
        assert row[LG] == "不满足"
        assert row["主要差距"] == f"{LG}：{SAID[row['企业名称']]}"
        assert "1亿" not in row["主要差距"]
        assert advised["主要差距"].startswith(row["主要差距"] + "；")


def test_json_lines_name_the_band_s_criterion(tmp_path: Path) -> None:
    """A script's rows (.jsonl) name the criterion of the company's own band by its id and words."""
    run_batch(band_gap_sheet(tmp_path), tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["name"], r["little_giant_status"], r["next_step"]) for r in lines] == [
        (name, "unmet", f"little_giant: lg.rd.medium.y1 — {said}") for name, said in SAID.items()]


RULES = rules.load("miit-2022")
PLAN = plan_for(RULES, AS_OF_2022.year - 1, None)
RENEWING = plan_for(RULES, AS_OF_2022.year - 1, "little_giant")
DIRECT = {n.id for _, n in RULES.all_nodes() if n.id.startswith("lg.direct.")}
SELECTORS = {n.id for _, n in RULES.all_nodes() if n.selector}
BANDS = {n.id for _, n in RULES.all_nodes() if n.id.startswith("lg.rd.")}  # the R&D routes' parts
amount = st.integers(1, 20000).map(Decimal)


def blank_or(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(strategy, st.none())


@st.composite
def little_giants_2022(draw: st.DrawFn) -> dict[str, Any]:
    """The 2022 example with what its R&D routes read drawn (revenue in every band and at each band's
    edge, the year before's lower, R&D, equity, R&D staff, institution, applied class I IP, the direct
    paths) and now and then a niche too short: answered, or some left blank (a year's revenue too)."""
    values = dict(BASE)
    revenue = draw(st.one_of(st.sampled_from([4999, 5000, 9999, 10000]).map(Decimal), amount))
    before = revenue * draw(st.integers(50, 95)) / 100  # growing: the main business's growth holds
    changes: dict[str, Any] = {
        "financials.2025.revenue": revenue, "financials.2025.main_revenue": revenue * Decimal("0.85"),
        "financials.2024.revenue": before, "financials.2024.main_revenue": before * Decimal("0.85"),
        "financials.2023.revenue": before * Decimal("0.9"), "financials.2023.main_revenue": before * Decimal("0.765"),
        "financials.2025.rd_expense": draw(blank_or(st.integers(0, 2000).map(Decimal))),
        "financials.2024.rd_expense": draw(blank_or(st.integers(0, 2000).map(Decimal))),
        **{f"equity_financing.{y}": draw(st.integers(0, 6000).map(Decimal)) for y in (2025, 2024, 2023)},
        "rd_staff": draw(st.integers(0, 260).map(Decimal)),
        "rd_institution": draw(blank_or(st.sampled_from(["none", "city", "provincial"]))),
        "ip.class1_applied": draw(blank_or(st.integers(0, 5).map(Decimal))),
        "awards.maker_china": draw(st.sampled_from(["top500", "top500", "top500", "top50"])),  # a direct path
        "awards.national_rank": draw(st.sampled_from([0, 5, 0, 1]).map(Decimal)),  # now and then
        "niche_years": draw(st.sampled_from([6, 6, 6, 6, 6, 2]).map(Decimal)),
    }
    for path in draw(st.sampled_from([(), (), ("financials.2025.revenue",), ("financials.2024.revenue",)])):
        changes[path] = None  # no band known, or no share of the year before
    for path, value in changes.items():
        if value is None:
            values.pop(path, None)
        else:
            values[path] = value
    return values


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(values=little_giants_2022(), renewal=st.sampled_from((None, "little_giant")))
def test_the_summary_names_what_the_report_names_first(values: dict[str, Any], renewal: str | None) -> None:
    """An unmet 2022 小巨人's batch summary names the criterion the report's 差在 names first: within
    the R&D routes the band the company is in, never a band's revenue while it is in another; its revenue
    blank, the nearest band. Two choices of the report's are not the summary's, and are left out here
    (neither names a band the company is not in): a direct path put before the general conditions,
    nearer for a company failing two of them (that choice has no selector: the rule data's order, as
    before); and, the R&D choice itself not known, a failing band's part put before a later condition the
    company fails (the summary names what decides the verdict, the later one)."""
    full = engine.evaluate(RULES, profile.Profile(dict(values)), AS_OF_2022, renewal)
    tier = full.tiers["little_giant"]
    assume(tier.status == UNMET)
    got = (RENEWING if renewal else PLAN).run(values).tiers["little_giant"].blocker
    first = Words(full, RULES, lang="zh", alone=True).gap(tier)[0]
    assert got not in SELECTORS, (got, first)  # a band's revenue is never what the company lacks
    rd = next(c for c in tier.criteria if c.id == "lg.innovation.rd")
    assume(first not in DIRECT and (rd.status != UNKNOWN or first not in BANDS))
    assert got == first


def test_revenue_blank_names_the_nearest_band_as_the_report_does() -> None:
    """Last year's revenue blank, no band is known and every band fails on a figure given: the band
    under 5,000万 lacks only its 3,000万 of R&D (its equity and staff met), the other two a 3% and a 6%
    share of the year before (0). The report names the nearest, and so does the summary, not the first
    band the rule data lists."""
    values = {**BASE, "financials.2025.rd_expense": Decimal(1000), "financials.2024.rd_expense": Decimal(0),
              "equity_financing.2025": Decimal(2000), "equity_financing.2024": Decimal(6000), "rd_staff": Decimal(130)}
    del values["financials.2025.revenue"]
    full = engine.evaluate(RULES, profile.Profile(dict(values)), AS_OF_2022, None)
    tier = full.tiers["little_giant"]
    assert tier.status == UNMET
    assert Words(full, RULES, lang="zh", alone=True).gap(tier)[0] == "lg.rd.small.rd_total"
    assert PLAN.run(values).tiers["little_giant"].blocker == "lg.rd.small.rd_total"


@pytest.mark.parametrize(("revenue", "named"), [("4999", "lg.rd.small.equity"), ("5000", "lg.rd.medium.y1"),
                                               ("9999", "lg.rd.medium.y1"), ("10000", "lg.chain_role")])
def test_each_band_s_company_is_held_back_by_its_own_band(revenue: str, named: str) -> None:
    """R&D share 3% in both years, revenue growing: under 5,000万 the band's 8,000万 of equity, from
    5,000万 the 6% share, from 1亿 nothing (the authority's judgement of its place in the chain); never 「上年度营业收入1亿元以上」 or another band's revenue."""
    r = Decimal(revenue)
    values = {**BASE, "financials.2025.revenue": r, "financials.2025.main_revenue": r * Decimal("0.9"),
              "financials.2024.revenue": r * Decimal("0.95"), "financials.2024.main_revenue": r * Decimal("0.855"),
              "financials.2023.revenue": r * Decimal("0.85"), "financials.2023.main_revenue": r * Decimal("0.765"),
              "financials.2025.rd_expense": r * Decimal("0.03"), "financials.2024.rd_expense": r * Decimal("0.0285")}
    tier = PLAN.run(values).tiers["little_giant"]
    assert (tier.status, tier.blocker) == ("manual_review" if revenue == "10000" else UNMET, named)
