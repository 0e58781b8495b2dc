"""A park's template marks the headers it requires (*企业名称, ＊统一社会信用代码, 营业收入（2025年）*, ★研发费用): read as
the same headers unmarked. Real files in, the results read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

HEADER = ["企业名称", "统一社会信用代码", "所属行业", "从业人员", "营业收入（2024年）", "营业收入（2025年）",
          "研发费用（2024年）", "研发费用（2025年）", "是否高新技术企业", *DECLARED]
ROW = ["甲科技有限公司", "91310000MA1FL1234X", "工业", 120, 5100, 6300, 420, 510, "是", *DECLARED.values()]


def write(path: Path, header: list[str]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows([header, ROW])
        return path
    wb = Workbook()
    wb.active.append(header)
    wb.active.append(ROW)
    wb.save(path)
    return path


@pytest.mark.parametrize("mark", ["*{}", "＊{}", "{}*", "★{}", "※{}", "{}▲"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_required_marks_change_nothing(tmp_path: Path, mark: str, suffix: str) -> None:
    """Every header so marked: the run goes on, the company named, its code kept, its verdicts those of the
    unmarked sheet."""
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"名单{suffix}", [mark.format(h) for h in HEADER])), "-o",
                        str(out), "--columns", "ids")
    assert code == 0, said
    code, said = invoke("batch", str(write(tmp_path / f"对照{suffix}", HEADER)), "-o", str(plain), "--columns", "ids")
    assert code == 0, said
    keys = (*VERDICTS, "status", "next_step", "name", "credit_code", "warnings")
    got = results(out)
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in results(plain)]
    assert got[0]["name"] == "甲科技有限公司"
