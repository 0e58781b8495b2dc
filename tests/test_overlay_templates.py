"""A province's template (``init --rules shandong-2022``) read back as init says to: the command it
gives names the set, and a run without it is told which option reads the file, never offered a
national question for a province's one."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--lang", "zh"], env={"LANG": "zh_CN.UTF-8"})
    return result.exit_code, result.stdout, result.stderr


def test_a_province_profile_template_says_and_gets_the_set_it_was_made_for(tmp_path: Path) -> None:
    """init's line and the file's head both give --rules shandong-2022; the file assessed without it
    is refused in one line naming the option (it was 「“shandong”不是可识别的项目」 for init's own
    file), and with it is assessed."""
    profile = tmp_path / "山东.yaml"
    code, _, err = invoke("init", str(profile), "--rules", "shandong-2022", "--as-of", AS_OF)
    assert code == 0 and err.strip() == f"已生成企业信息模板 {profile}：填好后运行 littlegiant assess {profile} " \
                                        "--rules shandong-2022 即可评估"
    assert "# 填好后运行：littlegiant assess 本文件名 --rules shandong-2022\n" in profile.read_text(encoding="utf-8")
    code, _, err = invoke("assess", str(profile), "--as-of", AS_OF)
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "“shandong”是「优质中小企业梯度培育管理暂行办法（2022）· 山东省特色化指标」才有的项目" in err
    assert err.strip().endswith("评估时请加 --rules shandong-2022")
    code, out, err = invoke("assess", str(profile), "--as-of", AS_OF, "--rules", "shandong-2022")
    assert code == 0 and "山东省特色化指标" in out, err
    plain = tmp_path / "全国.yaml"
    code, _, err = invoke("init", str(plain), "--as-of", AS_OF)
    assert code == 0 and "--rules" not in err and "--rules" not in plain.read_text(encoding="utf-8")


def test_a_province_sheet_is_refused_naming_the_option_not_a_national_question(tmp_path: Path) -> None:
    """The CSV template of the province, one company filled in: without --rules its province's
    columns each name the option (the first was offered 「主导产品属于重点领域」, the national
    priority-domain question, a different one); with it, the company is scored."""
    sheet = tmp_path / "名单.csv"
    code, _, err = invoke("init", "--csv", str(sheet), "--rules", "shandong-2022", "--as-of", AS_OF)
    assert code == 0 and f"littlegiant batch {sheet} --rules shandong-2022 -o 评估结果.xlsx" in err
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    row = {h: "" for h in header}
    row.update({"企业名称": "甲公司", "从业人员（上年末）": "120", "主导产品属于山东省重点产业领域": "是"})
    with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, list(row.values())])
    code, _, err = invoke("batch", str(sheet), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF)
    assert code == 2 and not (tmp_path / "out.csv").exists()
    assert "“主导产品属于山东省重点产业领域”列：是「优质中小企业梯度培育管理暂行办法（2022）· 山东省特色化指标」才有的项目：" \
           "评估这份名单请加 --rules shandong-2022" in err and "您是不是想写" not in err
    code, _, err = invoke("batch", str(sheet), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF,
                          "--rules", "shandong-2022")
    assert code == 0 and "共读取 1 行，已评估 1 行" in err


def test_a_national_sheet_of_2022_is_still_scored_under_2026(tmp_path: Path) -> None:
    """The 2022 set's template scored under 2026: its columns 2026 does not ask are passed over, as
    before, not refused as another set's (only a province's set is named)."""
    sheet = tmp_path / "2022.csv"
    code, _, err = invoke("init", "--csv", str(sheet), "--rules", "miit-2022", "--as-of", AS_OF)
    assert code == 0 and "--rules miit-2022" in err
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, ["甲公司" if h == "企业名称" else "" for h in header]])
    code, _, err = invoke("batch", str(sheet), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF)
    assert code == 0 and "已评估 1 行" in err and "才有的项目" not in err
