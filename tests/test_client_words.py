"""What a finance manager reads in the zh reports: real profiles in, the printed sentences checked."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()

INNO22 = """\
name: 创新型分组测试
industry: industrial
employees: 100
registered_in_china: true
compliance: {abnormal_operation: false, serious_dishonesty: false, prohibited_products: false, major_incident: false, tax_violation: false, data_fabrication: false}
financials:
  2025: {revenue: 5000, main_revenue: 3500, rd_expense: 250, total_assets: 5000, total_liabilities: 3800}
  2024: {revenue: 5200, main_revenue: 3600}
ip: {class1: 1, class1_self_developed: 1, class1_high_value: 1, class2: 0}
rd_institution: none
strategic_emerging_industry: true
awards: {national_rank: 0, provincial_rank: 0}
honors: {high_tech_enterprise: false, tech_innovation_demo: false, ip_advantage: false}
equity_financing: {2025: 0, 2024: 0, 2023: 0}
"""


def assess(tmp_path: Path, text: str, *args: str, columns: int = 80) -> Any:
    """Run ``littlegiant assess`` on a profile written from ``text``, as a user at a terminal would."""
    src = tmp_path / "公司.yaml"
    src.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["assess", str(src), *args],
                         env={"COLUMNS": str(columns), "NO_COLOR": "1", "LANG": "zh_CN.UTF-8"})


def summary_line(out: str, tier: str) -> str:
    """One tier's 差在/尚缺 line of the summary, its wrapped lines joined."""
    block = out.split("结论\n", 1)[1].split("\n\n", 1)[0]
    joined = re.sub(r"\n\s+", "\n", block)
    lines = re.split(r"\n(?=\S+——)", joined)
    found = [ln for ln in lines if ln.startswith(f"{tier}——")]
    assert found, block
    return found[0].replace("\n", "")


def test_footer_names_the_rules_by_title_and_no_hash(tmp_path: Path) -> None:
    """The terminal report's last lines name the rules by their title with no id or fingerprint; the
    Markdown file keeps a short, labelled check code, never the full hash."""
    out = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh")
    assert out.exit_code == 0, out.output
    doc = json.loads(assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--format", "json").stdout)
    sha = doc["input_sha256"]
    tail = out.stdout.rsplit("--detail", 1)[1]
    assert "依据 优质中小企业梯度培育管理暂行办法（2022） · 评估日期 2026-03-15" in tail.replace("\n", "")
    assert "miit" not in out.stdout and "指纹" not in out.stdout and sha[:8] not in out.stdout
    md = assess(tmp_path, INNO22, "--as-of", "2026-03-15", "--lang", "zh", "--format", "markdown").stdout
    footer = md.split("\n---\n")[-1]
    assert f"资料校验码 {sha[:8]}（核对本报告对应哪一份资料时用）" in footer
    assert sha[:9] not in md and "miit-2022" not in footer
