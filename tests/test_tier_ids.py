"""A criterion is named by its tier and id: a rule file may reuse an id in two tiers (the loader
makes ids unique within one tier only), and each tier's advice and --explain then speak of its
own rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()

RULES = """\
format: 1
id: dup-test
extends: miit-2026
title: {zh: 重复编号测试, en: Duplicate id test}
source: 测试
add_criteria:
  innovative_sme:
    - {id: dup, value: "revenue[y1]", op: ">=", threshold: 2000, unit: 万元, zh: 营业收入不低于2000万元,
       en: Revenue at least 2000, source: 测试, confidence: single}
  little_giant:
    - {id: dup, value: "revenue[y1]", op: ">=", threshold: 5000, unit: 万元, zh: 营业收入不低于5000万元,
       en: Revenue at least 5000, source: 测试, confidence: single}
"""


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1", "LANG": "en_US.UTF-8"})


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The rule file and a company whose last-year revenue (1000) misses both tiers' `dup`."""
    rules = tmp_path / "dup.yaml"
    rules.write_text(RULES, encoding="utf-8")
    company = tmp_path / "co.yaml"
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    company.write_text(text.replace("2025: {revenue: 12000, main_revenue: 11000", "2025: {revenue: 1000, main_revenue: 900"),
                       encoding="utf-8")
    assert "revenue: 1000," in company.read_text(encoding="utf-8")
    return rules, company


def test_the_rule_file_validates(files: tuple[Path, Path]) -> None:
    """The loader accepts one id in two tiers: the case the rest of this file is about."""
    result = invoke("rules", "validate", str(files[0]))
    assert result.exit_code == 0, result.output


def test_each_tiers_advice_names_its_own_threshold(files: tuple[Path, Path]) -> None:
    """The lower tier's advice moves revenue to its own 2000, the higher tier's to 5000."""
    rules, company = files
    result = invoke("assess", str(company), "--rules", str(rules), "--as-of", "2026-11-26", "--format", "json",
                    "--lang", "en")
    assert result.exit_code == 0, result.output
    steps = {tid: [s["text"] for s in gap["steps"] if s["criterion"] == "dup"]
             for tid, gap in json.loads(result.stdout)["gaps"].items()}
    assert steps["innovative_sme"] == ["Operating revenue 2025: 1,000 → 2,000 (10k CNY) (+1,000) (to meet: Revenue at least 2000)"]
    assert steps["little_giant"] == ["Operating revenue 2025: 1,000 → 5,000 (10k CNY) (+4,000) (to meet: Revenue at least 5000)"]
    tiers = json.loads(result.stdout)["tiers"]
    mine = {tid: [c["threshold"] for c in t["criteria"] if c["id"] == "dup"] for tid, t in tiers.items()}
    assert mine == {"innovative_sme": [2000], "zjtx_sme": [], "little_giant": [5000]}


def test_explain_asks_which_tier_and_explains_each(files: tuple[Path, Path]) -> None:
    """A bare id in two tiers explains both, each with its own rule (and --format json, which writes
    one criterion, asks for TIER:ID); each TIER:ID explains its own rule alone."""
    rules, company = files
    common = (str(company), "--rules", str(rules), "--as-of", "2026-11-26", "--lang", "en")
    bare = invoke("assess", *common, "--explain", "dup")
    assert bare.exit_code == 0, bare.output
    first, second = bare.stdout.split("\n\nRevenue at least ")[1:]  # each trace opens with its title
    assert first.startswith("2000\n") and "required at least 2,000" in first and "5,000" not in first
    assert second.startswith("5000\n") and "required at least 5,000" in second
    bare = invoke("assess", *common, "--explain", "dup", "--format", "json")
    assert bare.exit_code == 2
    assert "innovative_sme:dup" in bare.output and "little_giant:dup" in bare.output
    low = invoke("assess", *common, "--explain", "innovative_sme:dup")
    high = invoke("assess", *common, "--explain", "little_giant:dup")
    assert low.exit_code == high.exit_code == 0, low.output + high.output
    assert "Revenue at least 2000" in low.stdout and "required at least 2,000" in low.stdout and "5000" not in low.stdout
    assert "Revenue at least 5000" in high.stdout and "required at least 5,000" in high.stdout
    shared = invoke("assess", *common, "--explain", "gate")  # a node every tier shares is one criterion
    assert shared.exit_code == 0, shared.output
