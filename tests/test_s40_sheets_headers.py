"""Headers a park types with a mark between the figure and its year (营业收入-2025年, 研发费用_2024): read as
营业收入（2025年） is, the verdicts the same. Real files in, the results read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

FIGURES = {"营业收入": (4200, 5100, 6300), "研发费用": (300, 420, 510), "净利润": (150, 220, 260)}
YEARS = (2023, 2024, 2025)


def sheet(path: Path, spell: str) -> Path:
    header = ["企业名称", "所属行业", "从业人员", *[spell.format(name=n, year=y) for n in FIGURES for y in YEARS],
              *DECLARED]
    row = ["甲科技有限公司", "工业", 120, *[v for n in FIGURES for v in FIGURES[n]], *DECLARED.values()]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([header, row])
    else:
        book = Workbook()
        book.active.append(header)
        book.active.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize("spell", ["{name}-{year}年", "{name}_{year}", "{name} - {year}年度", "{year}年-{name}",
                                   "{name}—{year}年（万元）"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_mark_between_figure_and_year_reads_as_brackets(tmp_path: Path, spell: str, suffix: str) -> None:
    """Each such header is read as the figure of its year: the run goes on, and the company's verdicts are
    those of the same sheet headed 营业收入（2025年）."""
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(sheet(tmp_path / f"名单{suffix}", spell)), "-o", str(out), "--columns", "ids")
    assert code == 0, said
    code, said = invoke("batch", str(sheet(tmp_path / f"对照{suffix}", "{name}（{year}年）")), "-o", str(plain),
                        "--columns", "ids")
    assert code == 0, said
    got, want = results(out)[0], results(plain)[0]
    assert {k: got[k] for k in (*VERDICTS, "next_step")} == {k: want[k] for k in (*VERDICTS, "next_step")}
    assert "近两年研发费用合计不低于1200万元（现为930万元）" in got["next_step"]  # 420 + 510: both years read
