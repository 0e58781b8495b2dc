"""A province's author reusing one score item for another with a YAML merge key (``<<: *common``): read
as a key named "<<", it was refused as unknown and then every key it was to copy as missing; now the
merge key itself is named, at its line, as one problem."""

from __future__ import annotations

from pathlib import Path

from tests.test_rule_tools import ENGLISH, cli, write

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}

MERGED = """\
format: 1
id: prov-merge
extends: miit-2022
title: {zh: 某省细则, en: Province rules}
source: 某省工信厅〔2024〕1号
replace_items:
  zjtx.main_share:
    - &common
      id: main_share_p
      zh: 主营业务收入占比（某省）
      en: Main-business share (province)
      group: specialisation
      max: 5
      source: 某省工信厅〔2024〕1号
      confidence: single
      value: "main_share[y1]"
      unit: "%"
      bands: [{at_least: 80, points: 5}, {at_least: 70, points: 3}, {at_least: 60, points: 1}, {points: 0}]
  zjtx.net_margin:
    - <<: *common
      id: net_margin_p
      zh: 净利润率（某省）
      value: "net_margin[y1]"
"""


def test_a_merge_key_is_named_at_its_line_as_one_problem(tmp_path: Path) -> None:
    rule = write(tmp_path, MERGED, "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"{rule}:20: '<<' (a YAML merge key) is not read here: write the keys it would copy out in full",
        "littlegiant: 1 problem found"]
    zh = cli("rules", "validate", str(rule), env=CHINESE)
    assert f"{rule}:20: 这里不读取 YAML 合并键“<<”：请把要沿用的各项完整写出" in zh.stderr


def test_a_merge_key_in_a_profile_is_named_too(tmp_path: Path) -> None:
    profile = write(tmp_path, "name: x\nfinancials:\n  2025: &y\n    revenue: 100\n  2024:\n    <<: *y\n", "p.yaml")
    done = cli("assess", str(profile), "--as-of", "2026-03-01", env=ENGLISH)
    assert done.returncode == 2
    assert f"{profile}:6: '<<' (a YAML merge key) is not read here" in done.stderr


def test_a_quoted_key_of_those_characters_is_a_key(tmp_path: Path) -> None:
    rule = write(tmp_path, MERGED.replace("    - <<: *common\n", '    - "<<": 1\n'), "prov.yaml")
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert "unknown key '<<'" in done.stderr and "merge key" not in done.stderr
