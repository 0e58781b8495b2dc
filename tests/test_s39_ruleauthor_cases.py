"""A province's author expecting a score range in a case ([70, 80]) of a profile with every answer: the
score is exactly 75, and the failure read "scores 75, expected a range 70–80", which reads as met. It
says now that the score is exact, nothing missing, and what to write."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.conftest import EXAMPLES
from tests.test_rule_tools import cli

OVERLAY = """\
format: 1
id: prov-2022
extends: miit-2022
title: {zh: 某省细则, en: Province rules}
source: 某省工信厅〔2024〕1号
"""


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "FAIL prov.tests.yaml:3 full: tier innovative_sme scores exactly 75, no answer missing, where the case "
           "expects the range 70–80 that missing answers leave: expect 75, or leave out the answers the range is for"),
    ("zh", "未通过：prov.tests.yaml:3 full: 层级 innovative_sme 的得分确定为 75（没有缺失数据），用例期望的却是缺失数据"
           "才会留下的得分范围 70–80：请写 75，或去掉这个范围所针对的数据"),
])
def test_a_range_expected_of_an_exact_score_does_not_read_as_met(tmp_path: Path, lang: str, said: str) -> None:
    (tmp_path / "prov.yaml").write_text(OVERLAY, encoding="utf-8")
    profile = yaml.safe_load((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"))
    cases = {"format": 1, "cases": [{"name": "full", "as_of": "2026-03-01", "profile": profile,
                                     "expect": {"scores": {"innovative_sme": [70, 80]}}}]}
    (tmp_path / "prov.tests.yaml").write_text(yaml.safe_dump(cases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = cli("rules", "test", str(tmp_path / "prov.yaml"), "--lang", lang)
    assert done.returncode == 1, done.stdout + done.stderr
    assert said in done.stdout.splitlines()
