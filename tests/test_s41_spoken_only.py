"""Found in review: amounts and answers as they are said (1亿2千, 2千5, 两成五, 3200多万, 盈亏平衡, 有过) were read
in a park's sheet, a profile file and --set too, where nothing is said back: a wrong reading went straight into
the verdict (有过 to 被列入经营异常名录 failed every tier on a red line). The interview reads them and says back
what it read; a sheet's cell is refused, naming the cell, as before; 有过 answers only a question about the past."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core.interview import Interview, Question
from littlegiant.load import rules
from littlegiant.load.profile import field_for_path
from littlegiant.load.tabular import row_profile

HEADER = ["企业名称", "营业收入（2025年）（万元）", "净利润（2025年）（万元）", "主导产品国内市场占有率（%）",
          "被列入经营异常名录"]


def _batch(tmp_path: Path, row: list[str]) -> tuple[int, dict[str, str]]:
    src = tmp_path / "园区.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, row])
    out = tmp_path / "结果.csv"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", "2026-11-26", "--lang", "zh",
                                    "--quiet"])
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return done.exit_code, next(csv.DictReader(handle))


@pytest.mark.parametrize(("column", "cell"), [
    (1, "1亿2千"), (1, "2千5"), (1, "两亿五千"), (1, "3200多万"), (1, "年均3200万"),
    (2, "盈亏平衡"), (3, "两成五"), (3, "一半"), (4, "有过"),
])
def test_a_sheet_cell_said_as_spoken_is_refused_naming_it(tmp_path: Path, column: int, cell: str) -> None:
    row = ["甲科技有限公司", "5000", "300", "12", "否"]
    row[column] = cell
    code, result = _batch(tmp_path, row)
    assert code == 1
    assert result["处理结果"] == "出错" and f"“{cell}”" in result["错误说明"] and HEADER[column][:4] in result["错误说明"], result


def test_a_profile_file_and_set_refuse_them_too(tmp_path: Path) -> None:
    profile = tmp_path / "甲.yaml"
    profile.write_text("name: 甲\nfinancials: {2025: {revenue: 1亿2千}}\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(profile), "--lang", "zh", "--as-of", "2026-11-26"])
    assert done.exit_code == 2 and "“1亿2千”" in done.stderr
    profile.write_text("name: 甲\ncompliance: {abnormal_operation: 有过}\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(profile), "--lang", "zh", "--as-of", "2026-11-26"])
    assert done.exit_code == 2 and "“有过”" in done.stderr
    profile.write_text("name: 甲\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(profile), "--lang", "zh", "--as-of", "2026-11-26",
                                    "--set", "financials.2025.revenue=2千5"])
    assert done.exit_code == 2 and "“2千5”" in done.stderr


@pytest.mark.parametrize("path", ["compliance.tax_violation", "compliance.data_fabrication"])
def test_had_answers_a_question_about_the_past(path: str) -> None:
    """近三年有偷漏税等违法违规行为: 有过 says it happened, a yes, in a sheet's cell as at the interview."""
    rs = rules.load("miit-2026")
    assert row_profile({path: "有过"}, rs, "t").values[path] is True
    assert Interview(rs, date(2026, 11, 26)).parse(Question(path, field_for_path(rs, path), None), "有过")[0] is True
