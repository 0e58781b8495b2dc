"""A province's author lowering a bar changes its Chinese title and forgets the English one: `rules test`
said nothing, and every English report said the old number. It fails now, naming both."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_rule_tools import ENGLISH, cli, write

OVERLAY = """\
format: 1
id: prov-2022
extends: miit-2022
title: {{zh: 某省细则, en: Province rules}}
source: 某省工信厅〔2024〕1号
add_criteria:
  little_giant:
    - {{id: extra.check, value: "{value}", op: "{op}", threshold: {threshold}, unit: {unit}, zh: "{zh}", en: "{en}", source: x, confidence: single}}
"""


def overlay(tmp_path: Path, value: str, op: str, threshold: str, unit: str, zh: str, en: str) -> Path:
    return write(tmp_path, OVERLAY.format(value=value, op=op, threshold=threshold, unit=unit, zh=zh, en=en), "prov.yaml")


@pytest.mark.parametrize(("args", "said"), [
    (("employees", "<=", "300", "人", "职工总数不超过300人", "At most 500 employees"),
     "FAIL extra.check: the English title 'At most 500 employees' writes 500, but the rule uses <= 300人"),
    (("revenue[y1]", ">=", "3000", "万元", "营业收入不低于3000万元", "Revenue at least 20 million CNY"),
     "FAIL extra.check: the English title 'Revenue at least 20 million CNY' writes 2000 (in 万元: 20 million CNY is "
     "2000), but the rule uses >= 3000万元"),
])
def test_an_english_title_writing_another_number_fails(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    done = cli("rules", "test", str(overlay(tmp_path, *args)), env=ENGLISH)
    assert done.returncode == 1, done.stdout + done.stderr
    assert said in done.stdout.splitlines()
    zh = cli("rules", "test", str(overlay(tmp_path, *args)), "--lang", "zh")
    assert "未通过：extra.check: 英文名称「" in zh.stdout


@pytest.mark.parametrize("args", [
    ("revenue[y1]", ">=", "3000", "万元", "营业收入不低于3000万元", "Revenue at least 30 million CNY"),
    ("revenue[y1]", ">=", "20000", "万元", "营业收入不低于2亿元", "Revenue at least 200 million CNY"),
    ("national_rank", "between", "[1, 3]", "名", "国家级科技奖励排名前三", "National S&T award in 3 years, ranked top 3"),
    ("employees", ">=", "50", "人", "职工不少于50人", "Enough employees"),
])
def test_an_english_title_writing_the_bar_or_none_passes(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = cli("rules", "test", str(overlay(tmp_path, *args)), env=ENGLISH)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_score_bar_its_titles_do_not_write_fails(tmp_path: Path) -> None:
    """得分不低于60分 beside a threshold of 65 passed: only checks of a figure were compared with their titles."""
    rule = write(tmp_path, OVERLAY.replace(
        '{{id: extra.check, value: "{value}", op: "{op}", threshold: {threshold}, unit: {unit}, zh: "{zh}", en: "{en}", '
        'source: x, confidence: single}}',
        '{id: extra.score, kind: score, table: zjtx, op: ">=", threshold: 65, zh: 专精特新中小企业评分不低于60分, '
        'en: Score at least 60, source: x, confidence: single}').replace("{{", "{").replace("}}", "}"), "prov.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "FAIL extra.score: the wording 「专精特新中小企业评分不低于60分」 means >= 60, but the rule uses >= 65" in lines
    assert "FAIL extra.score: the English title 'Score at least 60' writes 60, but the rule uses >= 65" in lines
