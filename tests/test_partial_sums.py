"""Sums over years with a year left blank (docs/criteria.md §3, CONTRACT §3): a missing input is unknown,
never zero, and a criterion is `unknown` only when the missing inputs decide it. Amounts are never
negative, so the years given already bound a total from below: once they reach a 「以上」/「不低于」
threshold, no blank year can undo it, and the criterion is met; just short of it, it stays unknown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.test_calendar import company, status, write
from tests.test_cli_assess import assess_json


def without(data: dict[str, Any], *paths: tuple[Any, ...]) -> dict[str, Any]:
    for *where, key in paths:
        target = data
        for step in where:
            target = target[step]
        del target[key]
    return data


@pytest.mark.parametrize(("rule_set", "as_of", "tier", "cid"), [
    ("miit-2022", "2026-03-01", "innovative_sme", "innovative.direct.equity"),
    ("miit-2026", "2026-11-26", "innovative_sme", "innovative.direct.equity"),
])
@pytest.mark.parametrize(("y1", "expected"), [(500, "met"), (499.99, "unknown")])
def test_three_year_equity_with_two_years_blank(tmp_path: Path, rule_set: str, as_of: str, tier: str, cid: str,
                                                y1: float, expected: str) -> None:
    """「近三年新增股权融资总额…500万元以上」: 500万 in the last year alone is enough whatever the blank years hold."""
    data = company(2025, (11000, 10500, 10000), equity=0)
    data["equity_financing"] = {2025: y1}
    doc = assess_json(write(tmp_path, data), "--as-of", as_of, "--rules", rule_set)
    assert status(doc, tier, cid) == expected


@pytest.mark.parametrize(("rule_set", "cid", "threshold"), [
    ("miit-2022", "zjtx.revenue.equity", 2000), ("miit-2022", "zjtx.direct.equity", 6000),
    ("miit-2026", "zjtx26.revenue.equity", 2000),
])
@pytest.mark.parametrize(("short", "expected"), [(0, "met"), (0.01, "unknown")])
def test_two_year_equity_with_the_year_before_blank(tmp_path: Path, rule_set: str, cid: str, threshold: int,
                                                    short: float, expected: str) -> None:
    """「近2年新增股权融资总额达到2000万元以上」 and the like, with only last year's figure given."""
    data = company(2025, (11000, 10500, 10000), equity=0)
    data["equity_financing"] = {2025: threshold - short}
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26", "--rules", rule_set)
    assert status(doc, "zjtx_sme", cid) == expected


@pytest.mark.parametrize(("rd_y1", "expected"), [(2000, "met"), (1999.99, "unknown")])
def test_two_year_rd_average_with_the_year_before_blank(tmp_path: Path, rd_y1: float, expected: str) -> None:
    """「近两年研发费用总额均值在1000万元以上」 (2022 tier 2 direct path): 2000万 last year makes the mean at least 1000万."""
    data = without(company(2025, (11000, 10500, 10000), rd=rd_y1), ("financials", 2024, "rd_expense"))
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-03-01")
    assert status(doc, "zjtx_sme", "zjtx.direct.rd_avg") == expected


@pytest.mark.parametrize(("rd_y1", "expected"), [(1200, "met"), (1199.99, "unknown")])
def test_two_year_rd_total_with_the_year_before_blank(tmp_path: Path, rd_y1: float, expected: str) -> None:
    """「近两年研发费用合计不低于1200万元」 (2026 tier 3): the total is met by last year alone; the share of the
    blank year is still unknown, so the group and the tier stay unknown."""
    data = without(company(2025, (11000, 10500, 10000), rd=rd_y1, platform_score=72),
                   ("financials", 2024, "rd_expense"))
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26")
    assert status(doc, "little_giant", "lg26.rd.total") == expected
    assert status(doc, "little_giant", "lg26.rd.share_y2") == "unknown"
    assert status(doc, "little_giant", "lg26.rd") == "unknown"


def test_a_total_met_from_part_of_its_years_says_so_in_the_report(tmp_path: Path) -> None:
    """The met row names the year it was given and the blank years (not in ``missing``: nothing more is
    needed to decide it), and its sentence says why the blanks do not matter."""
    data = company(2025, (11000, 10500, 10000), equity=0)
    data["equity_financing"] = {2025: 600}
    path = write(tmp_path, data)
    doc = assess_json(path, "--as-of", "2026-11-26")
    row = next(c for c in doc["tiers"]["innovative_sme"]["criteria"] if c["id"] == "innovative.direct.equity")
    assert row["status"] == "met" and row["missing"] == []
    assert row["inputs"] == {"equity_financing.2025": 600, "equity_financing.2024": None,
                             "equity_financing.2023": None}
    assert "still needed" not in row["explanation"]
    assert row["explanation"].endswith("at least 500 (10k CNY) whatever the blank ones hold: met")
    assert "— 600 (10k CNY); blank: " in row["explanation"]


CAPPED = """format: 1
id: capped-test
extends: miit-2026
source: test
add_criteria:
  innovative_sme:
    - {id: t.rd_cap, value: "rd_expense[y1] + rd_expense[y2]", op: "<=", threshold: 3000, unit: 万元,
       zh: 近两年研发费用合计不超过3000万元, en: R&D expense over 2 years at most 30 million CNY, source: test, confidence: multi}
"""


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("zh", "无论未填的是多少都高于3,000万元：不满足", "不高于"),
    ("en", "above 3,000 (10k CNY) whatever the blank ones hold: not met", "at most"),
])
def test_a_total_already_past_an_at_most_bar_says_it_is_over_it(tmp_path: Path, lang: str, said: str,
                                                                 unsaid: str) -> None:
    """A rule file's 「不超过」 over a total the given year already passes is not met, and its sentence says
    the total is over the bar whatever the blank year holds: it read 「无论未填的是多少都不高于3,000万元：
    不满足」, the bar itself stated as what the blanks cannot change, beside a verdict saying the opposite."""
    rules = tmp_path / "capped.yaml"
    rules.write_text(CAPPED, encoding="utf-8")
    data = without(company(2025, (11000, 10500, 10000), rd=3500), ("financials", 2024, "rd_expense"))
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26", "--rules", str(rules), "--lang", lang)
    row = next(c for c in doc["tiers"]["innovative_sme"]["criteria"] if c["id"] == "t.rd_cap")
    assert row["status"] == "unmet" and row["missing"] == []
    assert row["explanation"].endswith(said) and unsaid not in row["explanation"]


def test_a_total_met_from_part_of_its_years_lists_the_blank_years_inside_its_sentence(tmp_path: Path) -> None:
    """The zh sentence's clauses stand apart from the list of blank years: joined by 「；」 inside a sentence
    of 「，」, the list broke it in two (「…（2024年）；新增股权融资…（2023年），无论未填的是多少都不低于
    500万元」), the second half reading as a sentence about the 2023 figure alone."""
    data = company(2025, (11000, 10500, 10000), equity=0)
    data["equity_financing"] = {2025: 600}
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26", "--lang", "zh")
    row = next(c for c in doc["tiers"]["innovative_sme"]["criteria"] if c["id"] == "innovative.direct.equity")
    name = "新增股权融资（合格机构投资者实缴额）"
    assert row["explanation"] == (f"已填{name}（2025年）「600万元」；未填{name}（2024年）、{name}（2023年）；"
                                  "无论未填的是多少都不低于500万元：满足")


@pytest.mark.parametrize(("given", "warned"), [({2025: "约510"}, True), ({2025: "约510", 2024: 0, 2023: 0}, True),
                                               ({2025: "约600"}, False), ({2025: 510}, False)])
def test_a_total_met_from_an_approximate_figure_at_its_bar_says_so(tmp_path: Path, given: dict[int, Any],
                                                                   warned: bool) -> None:
    """约510万 of new equity against 「500万元以上」 rests on that approximation whether the other years are
    0 or blank: with them blank the total was met from part of its years and no word said so, while the
    same figure beside two zeros was flagged (approximate_close)."""
    data = company(2025, (11000, 10500, 10000), equity=0)
    data["equity_financing"] = given
    doc = assess_json(write(tmp_path, data), "--as-of", "2026-11-26")
    assert status(doc, "innovative_sme", "innovative.direct.equity") == "met"
    close = [w for w in doc["warnings"] if w["kind"] == "approximate_close"]
    assert bool(close) is warned
    if warned:
        assert close[0]["criterion"] == "innovative.direct.equity" and close[0]["path"] == "equity_financing.2025"
