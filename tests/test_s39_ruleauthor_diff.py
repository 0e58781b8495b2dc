"""`rules diff` of a province's overlay that cites its own notice for a national bar, or marks a rule
less sure: it said "0 changed" and nothing else, so an official comparing the two saw no trace of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from tests.conftest import ROOT
from tests.test_rule_tools import ENGLISH, cli

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def overlay(tmp_path: Path, employees: int = 500) -> Path:
    """miit-2026 with its 科技型 conditions given again: the headcount bar cited from a province's notice
    (and set to ``employees``), the 高新技术企业 path marked recalled."""
    tech: dict[str, Any] = yaml.safe_load((ROOT / "rules" / "miit-2026.yaml").read_text(encoding="utf-8"))["nodes"]["tech"]
    staff = tech["children"][0]["children"][0]
    assert staff["id"] == "tech.employees"
    staff.update(source="某省科技厅〔2026〕3号", threshold=employees, zh=f"职工总数不超过{employees}人")
    high_tech = tech["children"][1]["children"][0]["children"][0]
    assert high_tech["id"] == "tech.direct.high_tech"
    high_tech["confidence"] = "recalled"
    text = yaml.safe_dump({"format": 1, "id": "prov-2026", "extends": "miit-2026",
                           "title": {"zh": "某省细则（2026）", "en": "Province rules 2026"},
                           "source": "某省工信厅〔2026〕1号", "nodes": {"tech": tech}}, allow_unicode=True, sort_keys=False)
    path = tmp_path / "prov.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_source_or_confidence_alone_is_said_in_words(tmp_path: Path) -> None:
    rule = overlay(tmp_path)
    zh = cli("rules", "diff", "miit-2026", str(rule), "--lang", "zh")
    assert zh.returncode == 0, zh.stderr
    lines = zh.stdout.splitlines()
    at = lines.index("依据或可靠度有变化（要求未变）")
    assert lines[at + 1:at + 5] == [
        "  职工总数不超过500人",
        "      依据由「国科发政〔2017〕115号 第六条」改为「某省科技厅〔2026〕3号」",
        "  有效期内的高新技术企业",
        "      可靠度由「多个独立转载一致」改为「凭记忆，未见来源，请核实」",
    ]
    assert lines[-1] == "共 0 项新增、0 项删除、0 项修改；另有 2 项仅依据或可靠度有变化"
    en = cli("rules", "diff", "miit-2026", str(rule), env=ENGLISH)
    assert "      source: 国科发政〔2017〕115号 第六条 → 某省科技厅〔2026〕3号" in en.stdout.splitlines()
    assert en.stdout.rstrip().endswith("0 added, 0 removed, 0 changed; 2 with only their source or confidence changed")


def test_a_changed_bar_says_its_new_source_beneath_it(tmp_path: Path) -> None:
    zh = cli("rules", "diff", "miit-2026", str(overlay(tmp_path, employees=300)), "--lang", "zh")
    lines = zh.stdout.splitlines()
    at = lines.index("  修改：职工总数不超过300人")
    assert lines[at + 1:at + 3] == ["      要求由「不高于500人」改为「不高于300人」",
                                    "      依据由「国科发政〔2017〕115号 第六条」改为「某省科技厅〔2026〕3号」"]
    assert lines[-1] == "共 0 项新增、0 项删除、1 项修改；另有 1 项仅依据或可靠度有变化"


def test_a_set_against_itself_still_says_nothing_changed() -> None:
    done = cli("rules", "diff", "miit-2026", "miit-2026", env=ENGLISH)
    assert done.stdout.rstrip().endswith("0 added, 0 removed, 0 changed")
