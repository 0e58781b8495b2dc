"""--compare says an either-or as one: its title, then its routes, 或 before each after the first. Listed
one under the other, 2022 专精特新's 评分达到60分以上 and its direct paths, and 小巨人's direct routes,
read to a client as conditions all required."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from tests.test_reports import cli

PROFILE = """\
name: 南通海川精工有限公司
industry: industrial
employees: 220
niche_years: 9
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false,
             major_incident: false, tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 9800, main_revenue: 9100, rd_expense: 520, total_assets: 12000, total_liabilities: 5000}
  2024: {revenue: 8900, main_revenue: 8300, rd_expense: 460}
  2023: {revenue: 8000, main_revenue: 7500}
ip: {class1: 6, class1_applied: 5, class1_top3_holder: 5}
titles: {innovative_sme: true, zjtx_sme: true}
platform_score: 70
market: {domestic_share: 11}
"""
ARGS = ("--as-of", "2026-12-04", "--lang", "zh", "--compare", "miit-2022,miit-2026")


@pytest.fixture()
def mixed(tmp_path: Path) -> str:
    path = tmp_path / "b_mix.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


def _block(text: str, head: str) -> list[str]:
    """The lines from ``head`` to the next line as little indented as it, each stripped, wraps joined."""
    lines = text.splitlines()
    start = next(i for i, x in enumerate(lines) if x.strip().startswith(head))
    depth = len(lines[start]) - len(lines[start].lstrip())
    out = [lines[start].strip()]
    for x in lines[start + 1:]:
        indent = len(x) - len(x.lstrip())
        if not x.strip() or indent <= depth:
            break
        if x.lstrip()[:1] in "?✘✔◔":
            out.append(x.strip())
        else:
            out[-1] += x.strip()
    return out


def test_the_2022_score_or_direct_paths_read_as_a_choice(mixed: str) -> None:
    """The terminal at 80 columns: 2022 专精特新's score or direct paths stand under one line that says
    it is a choice, 或 before every route after the first."""
    out = cli("assess", mixed, *ARGS, columns=80)
    block = _block(out, "? 评价得分达到60分以上，或满足直通条件之一：")
    assert block[1] == "? 评分达到60分以上（得分在40–99分之间，尚缺数据）", block
    assert len(block) == 5 and all(x.startswith("? 或：") for x in block[2:]), block
    assert any("6000万元以上" in x for x in block[2:]) and any("全国500强" in x for x in block[2:])


def test_the_2022_little_giant_direct_routes_are_alternatives_to_the_general_conditions(mixed: str) -> None:
    """小巨人 2022: the general conditions the company fails (its R&D share) and the two direct routes
    still open, as three alternatives."""
    out = cli("assess", mixed, *ARGS, columns=80)
    block = _block(out, "? 创新能力（满足一般性条件或直通条件）：")
    assert block[1].startswith("✘ 一般性条件（同时满足）：上年度研发费用占比不低于6%（现为5.31%）"), block
    assert block[2].startswith("? 或：近三年获得国家级科技奖励") and block[3].startswith('? 或：近三年进入"创客中国"'), block


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_nest_the_routes_under_the_choice(mixed: str, fmt: str) -> None:
    """Markdown nests the routes in a list under the choice; HTML in a list inside its item."""
    out = cli("assess", mixed, *ARGS, "--format", fmt)
    if fmt == "markdown":
        assert "- ❔ 评价得分达到60分以上，或满足直通条件之一：\n    - ❔ 评分达到60分以上" in out
        assert "\n    - ❔ 或：近两年新增股权融资总额" in out
    else:
        item = re.search(r"<li>[^<]*<span[^>]*>[^<]*</span> 评价得分达到60分以上，或满足直通条件之一：<ul>(.*?)</ul></li>", out)
        assert item is not None, out
        routes = re.findall(r"<li>.*?</li>", item.group(1))
        assert len(routes) == 4 and all("或：" in html.unescape(r) for r in routes[1:]), routes
