"""A maintainer's copy of the calendar saved under another name (my-calendar.yaml, with its cases as
my-calendar.tests.yaml): `rules validate` read it as a calendar, `rules test` as a rule set, refused
with "unknown key 'rounds'", its cases never run. It is tested as a calendar now, by its keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import ROOT
from tests.test_rule_tools import ENGLISH, cli

PERIOD = '  - from: "2026-01-01"\n    to: "2026-03-31"\n    kinds: [application, zjtx_sme, little_giant]\n    rules: miit-2022'


def copy(tmp_path: Path, suffix: str = ".yaml") -> Path:
    for name in ("miit-2022.yaml", "miit-2026.yaml", "rounds/gxt-2025-190.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copyfile(ROOT / "rules" / name, tmp_path / name)
    mine = tmp_path / f"my-calendar{suffix}"
    shutil.copyfile(ROOT / "rules" / "calendar.yaml", mine)
    shutil.copyfile(ROOT / "rules" / "calendar.tests.yaml", tmp_path / "my-calendar.tests.yaml")
    return mine


@pytest.mark.parametrize(("suffix", "named"), [(".yaml", "file"), (".yml", "file"), (".yaml", "cases")])
def test_a_renamed_calendar_copy_is_tested_as_a_calendar(tmp_path: Path, suffix: str, named: str) -> None:
    mine = copy(tmp_path, suffix)
    target = {"file": mine, "cases": tmp_path / "my-calendar.tests.yaml"}[named]
    same = cli("rules", "test", str(target), env=ENGLISH)
    assert same.returncode == 0, same.stdout + same.stderr
    assert "calendar: 36 cases: all passed" in same.stdout.splitlines()
    text = mine.read_text(encoding="utf-8")
    assert PERIOD in text
    mine.write_text(text.replace(PERIOD, PERIOD.replace("miit-2022", "miit-2026")), encoding="utf-8")
    edited = cli("rules", "test", str(target), env=ENGLISH)
    # its cases now judge the first quarter of 2026 by a set without the criteria they name: refused at the case
    assert edited.returncode != 0 and "all passed" not in edited.stdout, edited.stdout + edited.stderr
    assert "my-calendar.tests.yaml:" in edited.stdout + edited.stderr and "unknown key" not in edited.stderr


CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
KINDS_LINE = "    kinds: [application, zjtx_sme, little_giant]\n"


def test_a_broken_calendar_is_said_in_chinese_with_the_key_meant(tmp_path: Path) -> None:
    """Every calendar problem was English under --lang zh, and a period writing ``kind:`` was told
    "missing kinds". Said in Chinese now, the slip named at its line."""
    mine = copy(tmp_path)
    text = mine.read_text(encoding="utf-8")
    mine.write_text(text.replace(KINDS_LINE, KINDS_LINE.replace("kinds:", "kind:"), 1), encoding="utf-8")
    line = next(i for i, ln in enumerate(mine.read_text(encoding="utf-8").splitlines(), 1) if ln.startswith("    kind:"))
    zh = cli("rules", "validate", str(mine), env=CHINESE)
    assert zh.returncode == 2
    assert zh.stderr.splitlines()[0].startswith(
        f"{mine}:{line}: periods[0].kind: 不认识的键“kind”，是不是想写“kinds”？（应是以下之一：")
    en = cli("rules", "validate", str(mine), env=ENGLISH)
    assert f"{mine}:{line}: periods[0].kind: unknown key 'kind': did you mean 'kinds'?" in en.stderr


def test_a_calendar_copy_without_its_rule_sets_says_to_copy_them(tmp_path: Path) -> None:
    """Alone in a folder, a copy was told "unknown rule set 'miit-2022' (the rule sets beside the
    calendar: )", an empty list, in English whatever the language."""
    mine = tmp_path / "my-calendar.yaml"
    shutil.copyfile(ROOT / "rules" / "calendar.yaml", mine)
    (tmp_path / "rounds").mkdir()
    shutil.copyfile(ROOT / "rules" / "rounds" / "gxt-2025-190.yaml", tmp_path / "rounds" / "gxt-2025-190.yaml")
    zh = cli("rules", "validate", str(mine), env=CHINESE)
    assert zh.returncode == 2
    assert "periods[0].rules: 没有规则集“miit-2022”：日历所在文件夹里没有规则集文件（请把日历用到的规则集文件复制到同一文件夹）" \
        in zh.stderr
