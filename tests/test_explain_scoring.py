"""--explain of a score item says how its figure is made and what each band scores, as it does for a
check: 「计算结果：9.26%：得 10/20 分」 alone left a finance manager to guess the formula and the bands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from tests.test_explain_band_edges import ODD
from tests.test_reports import cli


@pytest.fixture()
def odd(tmp_path: Path) -> str:
    path = tmp_path / "odd.yaml"
    path.write_text(ODD, encoding="utf-8")
    return str(path)


def explain(odd: str, words: str, lang: str = "zh", as_of: str = "2026-11-26", *extra: str) -> str:
    out = cli("assess", odd, "--as-of", as_of, "--lang", lang, "--explain", words, *extra, columns=80)
    assert all(cell_len(line) <= 80 for line in out.splitlines()), out
    return out


def test_a_growth_item_shows_its_formula_its_figures_and_its_bands(odd: str) -> None:
    out = explain(odd, "上年度主营业务收入增长率")
    flat = "".join(out.split())
    assert "计算方法：上年主营收入÷前年主营收入−1" in flat
    assert "计算结果：9.26%（3,977÷3,640−1；" in flat and "：得10/20分" in flat
    assert "评分标准：\n  · 15%及以上：20分\n  · 10%–15%：15分\n  → 5%–10%：10分（本企业）\n" \
           "  · 0%–5%：5分\n  · 低于0%：0分\n恰在分界处的，按高分档计。" in out


def test_a_debt_ratio_item_shows_its_division_and_its_bands_at_most(odd: str) -> None:
    out = explain(odd, "上年度资产负债率", "zh", "2026-11-26", "--set", "financials.2025.total_liabilities=2876.51")
    assert "计算方法：负债总额 ÷ 资产总额" in out
    assert "计算结果：55.0002%（2,876.51 ÷ 5,230）：得 5/10 分" in out
    assert "  · 55%及以下：10分\n  → 55%–75%：5分（本企业）\n  · 高于75%：0分" in out


def test_the_2022_average_growth_item_shows_its_formula_with_the_figures(odd: str) -> None:
    """criteria.md §3: the 2022 average growth is shown as its formula, in a score item as in a check."""
    flat = "".join(explain(odd, "主营业务收入平均增长率", "zh", "2026-03-01").split())
    assert "计算方法：((上年度÷前年−1)+(前年÷大前年−1))÷2" in flat
    assert "计算结果：9.6%（((3,977÷3,640−1)+(3,640÷3,311−1))÷2；" in flat
    assert "→8%–10%：8分（本企业）" in flat


def test_an_item_scored_for_each_condition_marks_those_that_hold(odd: str) -> None:
    out = explain(odd, "质量管理水平", "zh", "2026-03-01")
    assert "评分标准（各项相加，最高5分）：\n  · 省级以上质量奖：3分\n  → 质量管理体系认证：3分（满足）\n" \
           "  → 自主品牌：3分（满足）\n  · 参与制修订标准：3分\n" in out


def test_a_best_of_item_shows_each_way_and_its_bands(odd: str) -> None:
    out = explain(odd, "研发投入（两种算法取高者）")
    assert "计算方法：\n  · 研发费用总额占销售收入总额的比例：研发费用 ÷ 营业收入\n" in out
    assert "4.33%（187 ÷ 4,321）" in out and "4.81%（187 ÷ 3,890）" in out
    assert "评分标准（研发费用总额占销售收入总额的比例）：" in out and "  → 4%–5%：30分（本企业）" in out
    assert "  → 低于10%：0分（本企业）" in out


def test_in_english_the_bands_are_said_in_words_and_points_once(odd: str) -> None:
    out = explain(odd, "上年度主营业务收入增长率", "en")
    flat = " ".join(out.split())
    assert "Formula: main-business revenue last year ÷ the year before − 1" in flat
    assert "Computation: 9.26% (3,977 ÷ 3,640 − 1, from " in flat and ": 10 of 20 points" in flat
    assert "Scoring:\n  · at least 15%: 20\n  · 10%–15%: 15\n  → 5%–10%: 10 (the company)\n" in out
    assert flat.count("points") == 1


def test_explain_as_json_carries_the_formula_and_the_bands(odd: str) -> None:
    doc = json.loads(cli("assess", odd, "--as-of", "2026-11-26", "--lang", "zh", "--format", "json",
                         "--explain", "上年度资产负债率", "--set", "financials.2025.total_liabilities=2876.51"))
    assert doc["scoring"]["formula"] == [{"formula": "负债总额 ÷ 资产总额", "figures": "2,876.51 ÷ 5,230"}]
    assert doc["scoring"]["bands"] == [{"title": "", "each": False, "bands": [
        {"range": "55%及以下", "points": 10, "company": False}, {"range": "55%–75%", "points": 5, "company": True},
        {"range": "高于75%", "points": 0, "company": False}]}]
