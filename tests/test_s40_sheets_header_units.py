"""A header giving its unit after a slash (营业收入2025年/元, 资产总额（2025年末）/亿元) or after 单位： with no brackets
(营业收入（2025年）单位：元, or on a line of its own in the cell), or 元人民币 in brackets: its amounts read in that unit, as
营业收入（2025年）（元） is. Real files in, the results read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

AMOUNTS = {"营业收入（2024年）": 5100, "营业收入（2025年）": 6300, "研发费用（2024年）": 420, "研发费用（2025年）": 510,
           "资产总额（2025年末）": 9000}
FACTOR = {"元": 10000, "万元": 1, "亿元": 0.0001, "千元": 10}


def write(path: Path, headers: list[str], amounts: list[float]) -> Path:
    header = ["企业名称", "所属行业", "从业人员", *headers, *DECLARED]
    row = ["甲科技有限公司", "工业", 120, *amounts, *DECLARED.values()]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([header, row])
        return path
    wb = Workbook()
    wb.active.append(header)
    wb.active.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("spell", ["{h}/{u}", "{h}单位：{u}", "{h}\n单位：{u}", "{h}（单位：{u}）", "{h}（{u}人民币）",
                                   "{h}（单位：{u}人民币）"])
@pytest.mark.parametrize("unit", ["元", "亿元", "千元"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_unit_after_the_header(tmp_path: Path, spell: str, unit: str, suffix: str) -> None:
    """The same company in 元 (or 亿元, 千元) so headed scores as in 万元 under plain headers."""
    headers = [spell.format(h=h, u=unit) for h in AMOUNTS]
    amounts = [v * FACTOR[unit] for v in AMOUNTS.values()]
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"名单{suffix}", headers, amounts)), "-o", str(out),
                        "--columns", "ids")
    assert code == 0, said
    code, said = invoke("batch", str(write(tmp_path / f"对照{suffix}", list(AMOUNTS), list(AMOUNTS.values()))), "-o",
                        str(plain), "--columns", "ids")
    assert code == 0, said
    keys = (*VERDICTS, "next_step", "warnings")
    assert [{k: r[k] for k in keys} for r in results(out)] == [{k: r[k] for k in keys} for r in results(plain)]
