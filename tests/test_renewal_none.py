"""`--renewal none` (新申请, 首次申报, 否): a new application said outright. Without it there was no way to
say "not a renewal" to answers saved under one, and no word for it on `assess PROFILE` or `batch`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80", "NO_COLOR": "1"}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80", "NO_COLOR": "1"}
LG22 = str(EXAMPLES / "little-giant-2022.yaml")
WORDS = ["none", "None", "新申请", "首次申报", "首次申请", "否", "不是复核"]


def run(*args: str, env: dict[str, str] = ZH) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


@pytest.mark.parametrize("given", WORDS)
def test_renewal_none_is_a_new_application(given: str) -> None:
    """The JSON keeps "renewal": null and the calendar's application pick; the result is the one
    without --renewal, word for word."""
    out = run("assess", LG22, "--as-of", "2026-11-26", "--renewal", given, "--format", "json")
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["renewal"] is None and doc["calendar"]["kind"] == "application"
    assert doc == json.loads(run("assess", LG22, "--as-of", "2026-11-26", "--format", "json").stdout)
    text = run("assess", LG22, "--as-of", "2026-11-26", "--renewal", given).stdout
    assert "新申请" in text and "复核）" not in text


def test_renewal_none_picks_the_new_applications_set_where_a_renewal_has_another() -> None:
    """In 2026 a 小巨人 renewal is judged by the 2022 rules, a new application by 2026's."""
    renewed = json.loads(run("assess", LG22, "--as-of", "2026-11-26", "--renewal", "小巨人", "--format", "json").stdout)
    new = json.loads(run("assess", LG22, "--as-of", "2026-11-26", "--renewal", "新申请", "--format", "json").stdout)
    assert (renewed["rules"]["id"], new["rules"]["id"]) == ("miit-2022", "miit-2026")


def test_batch_takes_renewal_none(tmp_path: Path) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）\n甲公司,50\n", encoding="utf-8")
    out = run("batch", str(sheet), "-o", str(tmp_path / "结果.jsonl"), "--renewal", "首次申报", "--format", "json",
              "--quiet")
    assert out.exit_code == 0, out.output
    row = json.loads((tmp_path / "结果.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["result"]["renewal"] is None and row["result"]["calendar"]["kind"] == "application"


@pytest.mark.parametrize(("env", "said"), [
    # the English names beside the Chinese: 「zjtx_sme (专精特新中小企业)」 alone told an English reader nothing
    (EN, "--renewal: name the title renewed: --renewal zjtx_sme (the specialised and sophisticated SME title, "
         "专精特新中小企业) or --renewal little_giant (the Little Giant title, 小巨人), or --renewal none for a new "
         "application; got 'renew'"),
    (ZH, "--renewal：请写明复核的称号：--renewal zjtx_sme（专精特新中小企业）或 --renewal little_giant（专精特新“小巨人”），"
         "新申请写 --renewal none；现在是“renew”"),
])
def test_a_wrong_renewal_says_none_is_the_new_application(env: dict[str, str], said: str) -> None:
    out = run("assess", LG22, "--renewal", "renew", env=env)
    assert out.exit_code == 2
    assert said in " ".join(out.stderr.split()).replace("， ", "，"), out.stderr


def test_a_near_miss_of_none_is_named() -> None:
    out = run("assess", LG22, "--renewal", "nnoe", env=EN)
    assert out.exit_code == 2 and "did you mean 'none'?" in out.stderr, out.stderr


@pytest.mark.parametrize("command", ["assess", "batch"])
@pytest.mark.parametrize(("lang", "said"), [("en_US.UTF-8", "none (新申请) for a new application"),
                                            ("zh_CN.UTF-8", "写none（或“新申请”）则按新申请评估")])
def test_help_says_renewal_none(command: str, lang: str, said: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    done = subprocess.run([sys.executable, "-m", "littlegiant", command, "--help"], capture_output=True, text=True,
                          check=False, env={**env, "LANG": lang, "COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    flat = "".join(c for c in done.stdout if c not in "│ \n")
    assert said.replace(" ", "") in flat, done.stdout
