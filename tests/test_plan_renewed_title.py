"""A renewal run: the tiers above the renewed title hold it only once its renewal passes.

A 专精特新 company whose renewal fails loses the title; its 专精特新 plan re-applies in 2028. The 小巨人
plan below it read the title as still held and dated the company in 2027, when it would hold no
专精特新 title, which 小巨人 requires: two plans that do not add up to one.
"""

from __future__ import annotations

import ast
import csv
import html
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-12-04"

RENEWING = """\
name: 宁波恒达密封件有限公司
industry: industrial
employees: 45
rd_staff: 6
tech_staff: 8
niche_years: 5
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false,
             tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 2500, main_revenue: 2300, rd_expense: 90, net_profit: 120, total_assets: 2000, total_liabilities: 900,
         total_costs: 2300}
  2024: {revenue: 2200, main_revenue: 2000, rd_expense: 70, total_assets: 1800, total_liabilities: 850}
  2023: {revenue: 2000, main_revenue: 1800}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
ip: {class1: 0, class1_self_developed: 0, class1_high_value: 0, class1_applied: 0, class1_top3_holder: 0, class2: 3}
rd_institution: city
digital_level: 2
quality: {provincial_award: false, iso9001: true, own_brand: true, standards: false}
certification: {management_system: true, developed_market_product: false}
info_system_core_business: true
market: {domestic_share: 2, domestic_rank: 0, leading: false}
strategic_emerging_industry: false
field: {chain_role: false, foundation: true, priority_domain: false}
awards: {national_rank: 0, national_5y_rank: 0, provincial_rank: 0, maker_china: none, led_standard_5y: false}
honors: {high_tech_enterprise: false, tech_innovation_demo: false, ip_advantage: false}
titles: {innovative_sme: true, tech_sme: false, zjtx_sme: true, little_giant: false}
platform_score: 41
characteristic_score: 5
exclusions: {single_champion: false, related_to_little_giant: false}
"""
"""A 专精特新 company renewing in December 2026 under the 2026 measures: 2024's and 2025's R&D (70万, 90万)
are under the 100万 a year the renewal asks, so the renewal fails and the 专精特新 plan re-applies in 2028."""

PENDING = (RENEWING.replace("rd_expense: 90", "rd_expense: 120").replace("rd_expense: 70", "rd_expense: 110")
           .replace("rd_institution: city", "rd_institution: provincial").replace("leading: false", "leading: null")
           .replace("platform_score: 41", "platform_score: 55"))
"""The same company with its R&D, institution and score up to the renewal, the market question unanswered:
the renewal waits on that answer, while 小巨人 fails on its revenue (a known figure: the row's focus)."""


def squash(text: str, joint: str = "") -> str:
    """The text without the terminal's line breaks and indents (an English line's end is a space), a
    step's number as ``1. ``."""
    return re.sub(r"(\d+\.) +", r"\1 ", re.sub(r"\s*\n\s*", joint, text))


def assess(path: Path, *args: str, lang: str = "zh") -> str:
    done = runner.invoke(app, ["assess", str(path), "--as-of", AS_OF, "--lang", lang, *args], env={"COLUMNS": "80"})
    assert done.exit_code in (0, 1), done.output
    return done.stdout


def plan_block(text: str, tier_head: str, end: str) -> str:
    """One tier's plan, from its head line to ``end``."""
    flat = squash(text)
    start = flat.index(tier_head)
    return flat[start:flat.index(end, start)]


def test_a_failing_zjtx_renewal_dates_the_little_giant_plan_by_the_regained_title(tmp_path: Path) -> None:
    path = tmp_path / "恒达.yaml"
    path.write_text(RENEWING, encoding="utf-8")
    zh = assess(path, "--renewal", "zjtx_sme")
    both = plan_block(zh, "行动计划", "需准备的材料")
    assert "专精特新中小企业：最早2028年申报（以2027年数据计）" in both
    giant = plan_block(zh, '■ 专精特新"小巨人"企业：', "需准备的材料")
    assert giant.startswith('■ 专精特新"小巨人"企业：最早2028年申报（以2027年数据计）'), giant[:80]
    assert "2027年申报" not in giant.split("1.")[0]
    assert "这一轮复核不能通过，「专精特新中小企业」称号将失效，须重新取得：该称号最早2028年申报，本层级不能早于这一年" in giant
    assert "1. 重新取得「专精特新中小企业」称号（按上面的计划最早2028年重新申报）" in giant

    en = squash(assess(path, "--renewal", "zjtx_sme", lang="en"), " ")
    assert '■ Specialised and sophisticated "Little Giant": earliest in 2028 (on 2027 figures)' in en
    assert "title cannot pass and the title lapses; it must be regained, in 2028 at the earliest" in en
    assert "Regain Specialised and sophisticated SME (专精特新中小企业) (by the plan above, reapply in 2028" in en

    doc = json.loads(assess(path, "--renewal", "zjtx_sme", "--format", "json"))
    # the verdicts are the engine's, as before: only the plans change
    assert {t: v["status"] for t, v in doc["tiers"].items()} == {
        "innovative_sme": "met", "zjtx_sme": "unmet", "little_giant": "unmet"}
    plans = doc["plans"]
    assert plans["zjtx_sme"]["rounds_later"] == 2 and plans["little_giant"]["rounds_later"] == 2
    assert plans["little_giant"]["as_of"] == "2028-12-04"
    assert {"kind": "title", "criterion": "lg26.prerequisite", "paths": ["titles.zjtx_sme"]} in plans["little_giant"]["blockers"]
    title = [m for m in plans["little_giant"]["moves"] if m["kind"] == "title"]
    assert title == [{"path": "titles.zjtx_sme", "kind": "title", "criterion": "lg26.prerequisite", "before": False,
                      "after": True, "set": "titles.zjtx_sme=true"}]
    assert "重新取得「专精特新中小企业」称号（按上面的计划最早2028年重新申报）" in plans["little_giant"]["text"]

    for fmt in ("markdown", "html"):
        out = tmp_path / f"r.{fmt}"
        assert runner.invoke(app, ["assess", str(path), "--as-of", AS_OF, "--lang", "zh", "--renewal", "zjtx_sme",
                                   "--format", fmt, "-o", str(out)]).exit_code in (0, 1)
        written = html.unescape(out.read_text(encoding="utf-8"))  # 专精特新&quot;小巨人&quot;
        assert '专精特新"小巨人"企业：最早2028年申报（以2027年数据计）' in written, fmt
        assert "这一轮复核不能通过，「专精特新中小企业」称号将失效，须重新取得" in written, fmt


def test_the_lapsing_title_is_said_in_one_wording(tmp_path: Path) -> None:
    """「这一轮复核不能通过，称号将失效」 was written out in three places of the report (the plan's head,
    the blocker of a tier above, the step to regain the title): now one clause, which each of them says,
    so a change of wording reaches all three."""
    report = Path(__file__).resolve().parent.parent / "src" / "littlegiant" / "report"
    written = set()
    for path in sorted(report.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        within = {id(node): f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) for node in ast.walk(f)}
        written |= {(path.name, within.get(id(node), "")) for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and ("称号将失效" in node.value or "the title lapses" in node.value)}
    assert written == {("words.py", "renewal_lapses")}, written
    from littlegiant.report.words import renewal_lapses

    path = tmp_path / "恒达.yaml"
    path.write_text(RENEWING, encoding="utf-8")
    zh = squash(assess(path, "--renewal", "zjtx_sme"))
    assert f"{renewal_lapses('zh')}；以下按重新申报安排" in zh
    assert f"{renewal_lapses('zh', '专精特新中小企业')}，须重新取得：该称号最早2028年申报" in zh
    en = assess(path, "--renewal", "zjtx_sme", "--format", "markdown", lang="en")  # unwrapped: a title may break
    assert f"{renewal_lapses('en')}; the plan below is a new application" in en
    assert f"{renewal_lapses('en', 'Specialised and sophisticated SME (专精特新中小企业)')}; it must be regained" in en


def test_without_a_renewal_the_held_title_still_dates_the_little_giant_plan(tmp_path: Path) -> None:
    """The same company assessed as a new application keeps its 专精特新 title (its renewal is another
    run): the 小巨人 plan stands in 2027 on it, with no step to regain it. (2027 needs +2,500万 of 2026
    revenue in the 28 days that bring some 192万: the plan leads with 2028, and 2027 is its last step,
    only if that raise is made; no title holds it back.)"""
    path = tmp_path / "恒达.yaml"
    path.write_text(RENEWING, encoding="utf-8")
    giant = plan_block(assess(path), '■ 专精特新"小巨人"企业：', "需准备的材料")
    assert giant.startswith('■ 专精特新"小巨人"企业：最早2028年申报（以2027年数据计）'), giant[:80]
    assert "才可能提前到2027年申报（以2026年数据计）" in giant
    assert "专精特新中小企业」称号" not in giant


def test_a_renewal_awaiting_answers_is_what_the_little_giant_plan_assumes(tmp_path: Path) -> None:
    """Where answers decide the renewal, the 小巨人 plan says it assumes the renewal passes, and its first
    step is to pass it: in the report, and in the batch row whose focus is 小巨人."""
    path = tmp_path / "恒达.yaml"
    path.write_text(PENDING, encoding="utf-8")
    giant = plan_block(assess(path, "--renewal", "zjtx_sme"), '■ 专精特新"小巨人"企业：', "需准备的材料")
    assert ("须先通过「专精特新中小企业」称号的复核：该层级要先补充回答上面的问题，能否通过尚不能确定；"
            "本计划假定复核通过、称号保持有效") in giant
    assert "1. 先通过这一轮「专精特新中小企业」称号的复核（须先回答上面的问题），保住这一称号" in giant

    import yaml

    rows = tmp_path / "名单.jsonl"
    rows.write_text(json.dumps(yaml.safe_load(PENDING), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(rows), "-o", str(out), "--lang", "zh", "--advice", "--as-of", AS_OF,
                               "--renewal", "zjtx_sme", "-q"])
    assert done.exit_code in (0, 1), done.output
    row = next(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert row["专精特新中小企业"] == "未知" and row["专精特新\"小巨人\"企业"] == "不满足"
    cell = row["下一步"]
    # 2027 would need +2,500万 of 2026 revenue in the 28 days that bring some 192万: the plan is 2028's
    assert '专精特新"小巨人"企业：最早2028年申报（以2027年数据计）' in cell
    assert "先通过这一轮「专精特新中小企业」称号的复核（该层级目前：未知），保住这一称号；另有" in cell


def test_a_failing_renewal_rows_cell_agrees_with_the_report(tmp_path: Path) -> None:
    """The batch row of the failing renewal speaks of its 专精特新 plan, dated 2028 as the report's."""
    import yaml

    rows = tmp_path / "名单.jsonl"
    rows.write_text(json.dumps(yaml.safe_load(RENEWING), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(rows), "-o", str(out), "--lang", "zh", "--advice", "--as-of", AS_OF,
                               "--renewal", "zjtx_sme", "-q"])
    assert done.exit_code in (0, 1), done.output
    cell = next(csv.DictReader(out.open(encoding="utf-8-sig")))["下一步"]
    assert cell.startswith("专精特新中小企业：最早2028年申报（以2027年数据计）"), cell
    assert "2027年申报" not in cell
