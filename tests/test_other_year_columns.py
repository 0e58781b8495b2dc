"""A park's sheet keeps several years of a figure read for last year alone (2023年从业人员, 2024年从业人员,
2025年从业人员; 研发人员, 国内市场占有率 alike): the run stopped on the older columns, telling staff to give each
the field's one name, which, followed, was refused as the field given twice. Beside last year's column
they are passed over, said and copied back; without it, one line asks for that one column."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import rules
from littlegiant.load.tabular import header_problems, row_profile

AS_OF = "2026-11-26"  # last year 2025


def batch(src: Path, out: Path, *more: str) -> tuple[int, str]:
    """``batch`` as a park's staff run it (zh, 80 columns): exit code and what stderr said."""
    result = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", *more],
                                env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def test_older_head_counts_beside_last_years_are_passed_over_and_copied_back(tmp_path: Path) -> None:
    """The park's emp_years.csv: 350 people in 2025 makes the company 中型 with 12,000万 revenue; 2023's 250
    would have made it 小型. The older columns are said once and come back after the results."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,所属行业,2023年从业人员,2024年从业人员,2025年从业人员,2025年营业收入（万元）\n"
                   "甲公司,工业,250,280,350,12000\n", encoding="utf-8")
    out = tmp_path / "结果.jsonl"
    code, err = batch(src, out, "--format", "json")
    assert code == 0, err
    assert ("中以下列是其他年份的数据，这些项只按上一年计，已读取表中上一年的那一列，这几列不参与评估（原样附在结果最后）："
            "“2023年从业人员”、“2024年从业人员”") in err.replace("\n", "")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["result"]["sme"]["size"] == "medium"
    assert row["input_columns"] == {"2023年从业人员": "250", "2024年从业人员": "280"}


def test_a_run_with_older_columns_replaces_its_own_workbook(tmp_path: Path) -> None:
    """The results carry the older columns back: run again to the same file, it is known as the run's own and
    replaced (not refused as a list it might overwrite), and given as the list it is told it is results."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,所属行业,研发人员（2024年）,研发人员（2025年）,从业人员,2025年营业收入（万元）\n"
                   "甲公司,工业,50,58,260,12000\n", encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    assert batch(src, out)[0] == 0
    code, err = batch(src, out)
    assert code == 0, err
    code, err = batch(out, tmp_path / "再评.csv")
    assert code == 2 and "这是批量评估输出的结果文件" in err


@given(st.sets(st.integers(2019, 2024), min_size=1, max_size=4), st.booleans(), st.randoms(use_true_random=False),
       st.sampled_from([("从业人员", "从业人员（上年末）", "employees"), ("研发人员", "研发人员人数", "rd_staff"),
                        ("国内市场占有率", "主导产品国内细分市场占有率", "market.domestic_share")]))
def test_last_years_column_is_read_whatever_other_years_stand_beside(
        years: set[int], beside: bool, order: random.Random, field: tuple[str, str, str]) -> None:
    """Any other years of such a field: beside last year's column, nothing is refused and last year's figure is
    read; without it, one line names them all and asks for one column, and a sheet that adds that column, the
    older ones left, reads."""

    rs = rules.load("miit-2026")
    word, label, path = field
    header = ["企业名称", *(f"{year}年{word}" if order.random() < 0.5 else f"{word}（{year}年）" for year in years)]
    if beside:
        header.insert(order.randrange(1, len(header) + 1), f"{word}（2025年）")
    problems = header_problems(header, rs, frozenset(), 2025)
    if not beside:
        (problem,) = problems
        said = problem.render("zh")
        assert "并把列名改为" not in said and f"请另加一列“{label}”" in said
        assert all(f"“{h}”" in said for h in header[1:])
        header.insert(order.randrange(1, len(header) + 1), label)
        assert header_problems(header, rs, frozenset(), 2025) == []
    else:
        assert problems == []
    cells = {h: str(10 + i) for i, h in enumerate(header)}
    cells["企业名称"] = "甲公司"
    read = row_profile(cells, rs, "名单.csv", last_year=2025).values[path]
    assert read == int(cells[label if not beside else f"{word}（2025年）"])


def test_followed_advice_for_a_lone_older_column_reads(tmp_path: Path) -> None:
    """Only 2024's head count: the run stops asking for last year's column, saying the old one may stay; done
    so, the sheet reads with last year's figure."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,所属行业,2024年从业人员,2025年营业收入（万元）\n甲公司,工业,280,12000\n", encoding="utf-8")
    code, err = batch(src, tmp_path / "o.csv")
    assert code == 2
    assert ("“2024年从业人员”列：这一项按上一年（2025年）计，这一列写的是“2024年”，评估用不到：请另加一列“从业人员（上年末）”，"
            "填入 2025年的数据（这一列可以保留）") in err.replace("\n", "")
    src.write_text("企业名称,所属行业,2024年从业人员,从业人员（上年末）,2025年营业收入（万元）\n甲公司,工业,280,350,12000\n",
                   encoding="utf-8")
    code, err = batch(src, tmp_path / "o.jsonl", "--format", "json")
    assert code == 0, err
    assert json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))["result"]["sme"]["size"] == "medium"


def test_a_workbook_of_one_sheet_a_year_is_read_as_one_list(tmp_path: Path) -> None:
    """Sheets 2025年 and 2024年, each 营业收入（万元）: the refusal told staff to merge the sheets by hand (a
    VLOOKUP a column); each sheet's column is now read as its year, one row for the company, its head
    count the latest sheet's (see test_s39_peryear_join.py)."""
    from openpyxl import Workbook

    book = Workbook()
    for i, year in enumerate((2025, 2024)):
        ws = book.active if i == 0 else book.create_sheet()
        ws.title = f"{year}年"
        ws.append(["企业名称", "所属行业", "从业人员", "营业收入（万元）"])
        ws.append(["甲公司", "工业", 350 - i * 200, 12000 - i * 1500])
    book.save(tmp_path / "分年.xlsx")
    code, err = batch(tmp_path / "分年.xlsx", tmp_path / "o.jsonl", "--format", "json")
    assert code == 0, err
    (line,) = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    result = json.loads(line)
    assert result["source"].endswith("分年.xlsx:2024年:2 + 2025年:2")
    assert result["result"]["sme"]["size"] == "medium"  # 350 people and 12,000万: the 2025年 sheet's (150: small)
