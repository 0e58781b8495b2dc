"""A park's workbook kept one sheet a year (2023年 | 2024年 | 2025年), each sheet's figures headed without
their year: read as one list, a row per company, its verdicts those of the same companies typed on one
sheet with the year in each header. Real workbooks in, the results file read back."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"  # last year 2025
YEARS = (2023, 2024, 2025)
VERDICTS = ("sme_size", "innovative_sme_status", "innovative_sme_score", "zjtx_sme_status", "zjtx_sme_score",
            "little_giant_status", "little_giant_score")
DECLARED = {"在中华人民共和国境内工商注册登记、具有独立法人资格": "是", "被列入经营异常名录": "否", "被列入严重失信主体名单": "否",
            "产品（服务）属于国家禁止、限制或淘汰类": "否",
            "近三年发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题或严重违反相关行业管理规定": "否",
            "近三年有数据造假行为": "否", "近三年有偷漏税等违法违规行为": "否"}
"""The red-line answers, so that the tiers are decided by the figures rather than all 未知."""
NAMES = ("甲科技有限公司", "乙制造有限公司", "丙精密机械有限公司", "丁新材料股份有限公司", "戊电子有限公司",
         "己智能装备有限公司")


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", AS_OF], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "200"})
    return result.exit_code, result.stderr


def results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def per_year_book(path: Path, sheets: dict[str, list[list[object]]], header: list[str]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


# a company: its figures by year (None: not on that year's sheet), its head count, IP and industry
company = st.fixed_dictionaries({
    "years": st.fixed_dictionaries({y: st.one_of(st.none(), st.tuples(
        st.integers(500, 40000), st.integers(0, 3000), st.integers(-500, 3000))) for y in YEARS}),
    "hnte": st.sampled_from(["是", "否"]),
    "employees": st.integers(5, 900),
    "ip": st.integers(0, 12),
    "spaced": st.booleans(),  # its name typed with a space on the older sheets
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(company, min_size=2, max_size=5), st.randoms(use_true_random=False))
def test_joined_sheets_give_the_verdicts_of_one_sheet_with_years(tmp_path: Path, companies: list[dict[str, object]],
                                                                   shuffle: object) -> None:
    """Each company's verdicts from the per-year workbook equal those from one sheet with the year in every
    header: a company missing from a sheet has that year's figures blank (unknown, never 0); the older
    sheets' 从业人员 (other figures than the latest's) is never read."""
    per_year: dict[str, list[list[object]]] = {f"{y}年": [] for y in YEARS}
    flat: list[list[object]] = []
    for i, c in enumerate(companies):
        name = NAMES[i]
        years = c["years"]
        assert isinstance(years, dict)
        if all(v is None for v in years.values()):
            years[2025] = (1000, 50, 10)
        latest = years[2025] is not None
        for y in YEARS:
            figures = years[y]
            if figures is None:
                continue
            typed = name if y == 2025 or not c["spaced"] else name[:2] + " " + name[2:]
            # an older sheet's head count is another year's end: it must not be read
            employees = c["employees"] if y == 2025 else 999_999
            hnte = c["hnte"] if y == 2025 else {"是": "否", "否": "是"}[str(c["hnte"])]
            per_year[f"{y}年"].append([typed, "工业", *figures, employees, c["ip"], hnte, *DECLARED.values()])
        flat.append([name, "工业" if latest else None,
                     *[v for y in YEARS for v in (years[y] or (None, None, None))],
                     *([c["employees"], c["ip"], c["hnte"], *DECLARED.values()] if latest else [None] * 10)])
    for rows in per_year.values():
        shuffle.shuffle(rows)  # type: ignore[attr-defined]
    joined_in = per_year_book(tmp_path / "名单.xlsx", per_year,
                              ["企业名称", "所属行业", "营业收入（万元）", "研发费用（万元）", "净利润（万元）", "从业人员",
                               "有效Ⅰ类知识产权（项）", "是否高新技术企业", *DECLARED])
    one = Workbook()
    ws = one.active
    ws.title = "名单"
    ws.append(["企业名称", "所属行业", *[f"{label}（{y}年）（万元）" for y in YEARS for label in ("营业收入", "研发费用", "净利润")],
               "从业人员", "有效Ⅰ类知识产权（项）", "是否高新技术企业", *DECLARED])
    for row in flat:
        ws.append(row)
    one.save(tmp_path / "一张表.xlsx")
    code, said = invoke("batch", str(joined_in), "-o", str(tmp_path / "joined.csv"), "--columns", "ids")
    assert code == 0, said
    code_one, said_one = invoke("batch", str(tmp_path / "一张表.xlsx"), "-o", str(tmp_path / "one.csv"),
                                "--columns", "ids")
    assert code_one == 0, said_one
    joined = {r["name"].replace(" ", ""): r for r in results(tmp_path / "joined.csv")}
    flat_rows = {r["name"]: r for r in results(tmp_path / "one.csv")}
    assert joined.keys() == flat_rows.keys()
    for name, row in flat_rows.items():
        assert {k: joined[name][k] for k in VERDICTS} == {k: row[k] for k in VERDICTS}, name
        assert joined[name]["status"] == "scored"
    missing = [name for i, c in enumerate(companies) for name in [NAMES[i]]
               if any(v is None for v in c["years"].values())]  # type: ignore[union-attr]
    for name in missing:  # said on the row, and once for the run
        assert "没有这家企业" in joined[name]["warnings"]
    assert "按年份合并为每家企业一行" in said


HEADER = ["企业名称", "统一社会信用代码", "营业收入（万元）", "研发费用（万元）"]
A, B, C = "91310000MA1FL1234X", "91440300MA5F0A1B2C", "91110108MA01C3D4E5"


def test_a_company_twice_on_one_sheet_is_an_error_row_naming_both_rows(tmp_path: Path) -> None:
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024年": [["甲公司", A, 4000, 250], ["乙公司", B, 9000, 400], ["乙公司", B, 9100, 410]],
        "2025年": [["甲公司", A, 5000, 300], ["乙公司", B, 10000, 500]],
    }, HEADER)
    code, said = invoke("batch", str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids")
    assert code == 1, said  # a row in error: the run is not clean
    rows = {r["name"]: r for r in results(tmp_path / "out.csv")}
    assert rows["甲公司"]["status"] == "scored"
    assert rows["乙公司"]["status"] == "error"
    assert "工作表“2024年”中出现了不止一次（第3行、第4行）" in rows["乙公司"]["error"]
    assert rows["乙公司"]["source"] == "名单.xlsx:2024年:3 + 2024年:4 + 2025年:3".replace("名单.xlsx", str(book))


def test_code_and_name_that_disagree_across_sheets_are_an_error_row_naming_both(tmp_path: Path) -> None:
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2023年": [["丁公司", C, 100, 10], ["甲公司", A, 3000, 200]],
        "2024年": [["甲公司", A, 4000, 250], ["戊公司", C, 100, 10]],
    }, HEADER)
    code, _ = invoke("batch", str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids", "--lang", "en")
    assert code == 1
    rows = {r["name"]: r for r in results(tmp_path / "out.csv")}
    assert len(rows) == 2 and rows["甲公司"]["status"] == "scored"
    assert rows["戊公司"]["status"] == "error"
    assert "丁公司 on sheet '2023年' row 2, 戊公司 on sheet '2024年' row 3" in rows["戊公司"]["error"]


def test_a_company_missing_from_the_latest_sheet_has_its_head_count_unknown(tmp_path: Path) -> None:
    """Its 从业人员 on the 2024年 sheet is the end of 2024: never read for the end of 2025."""
    header = ["企业名称", "营业收入（万元）", "研发费用（万元）", "从业人员"]
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024年": [["甲公司", 4000, 250, 80], ["乙公司", 9000, 400, 150]],
        "2025年": [["甲公司", 5000, 300, 90]],
    }, header)
    code, said = invoke("batch", str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids")
    assert code == 0, said
    rows = {r["name"]: r for r in results(tmp_path / "out.csv")}
    assert rows["乙公司"]["sme_size"] == ""  # no head count, no 2025 revenue: the size is not known
    assert "最新一年的工作表“2025年”中没有这家企业" in rows["乙公司"]["warnings"]
    assert "名单.xlsx:2024年 中的“从业人员”列未读取：旧年份的表只读该年度的数据，其余都只取最新一年的“2025年”表" in said


def test_sheet_still_reads_one_sheet(tmp_path: Path) -> None:
    """--sheet names one sheet: it is read alone, as before (its yearless columns asked to be dated)."""
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024年": [["甲公司", A, 4000, 250]], "2025年": [["甲公司", A, 5000, 300]]}, HEADER)
    code, said = invoke("batch", str(book), "--sheet", "2025年", "-o", str(tmp_path / "out.csv"))
    assert code == 2
    assert "营业收入（2025年）（万元）" in said


def test_an_older_sheet_in_yuan_is_read_in_yuan_beside_a_latest_sheet_in_wan(tmp_path: Path) -> None:
    """金额单位：元 over the 2024年 sheet alone: its amounts are 元, the 2025年 sheet's 万元; one row holds both."""
    book = Workbook()
    book.remove(book.active)
    old = book.create_sheet("2024年")
    old.append(["金额单位：元"])
    old.append(["企业名称", "营业收入", "研发费用"])
    old.append(["甲公司", 40_000_000, 2_500_000])
    new = book.create_sheet("2025年")
    new.append(["企业名称", "营业收入", "研发费用"])
    new.append(["甲公司", 5000, 300])
    book.save(tmp_path / "名单.xlsx")
    code, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    assert code == 0, said
    line = (tmp_path / "out.jsonl").read_text(encoding="utf-8").replace(" ", "")
    # the figures each criterion read, as the full result gives them
    assert '"financials.2024.revenue":4000}' in line and '"financials.2025.revenue":5000}' in line
    assert '"financials.2024.rd_expense":250' in line and '"financials.2025.rd_expense":300' in line


def test_a_latest_sheet_headed_with_its_years_joins_the_older_yearless_one(tmp_path: Path) -> None:
    """The park took up the template this year (营业收入（2025年）), its 2024年 sheet is as it was: one row, R&D of
    both years summed (550万 under 小巨人's 1,200万)."""
    book = Workbook()
    book.remove(book.active)
    old = book.create_sheet("2024年")
    old.append(["企业名称", "营业收入（万元）", "研发费用（万元）"])
    old.append(["甲公司", 4000, 250])
    new = book.create_sheet("2025年")
    new.append(["企业名称", "营业收入（2025年）（万元）", "研发费用（2025年）（万元）", "从业人员"])
    new.append(["甲公司", 5000, 300, 80])
    book.save(tmp_path / "名单.xlsx")
    code, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.csv"), "--columns", "ids")
    assert code == 0, said
    (row,) = results(tmp_path / "out.csv")
    assert row["source"].endswith("名单.xlsx:2024年:2 + 2025年:2")
    assert "现为550万元" in row["next_step"]


def test_one_name_under_two_codes_is_an_error_row_for_each_and_a_blank_code_goes_by_name(tmp_path: Path) -> None:
    """甲公司's code differs by a character between the sheets: neither row is taken for the other, each names
    both places. 乙公司's code left blank on 2024年 is matched by its name."""
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024年": [["甲公司", A, 4000, 250], ["乙公司", "", 100, 5]],
        "2025年": [["甲公司", A[:-1] + "Y", 5000, 300], ["乙公司", B, 200, 10]],
    }, HEADER)
    code, _ = invoke("batch", str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids")
    assert code == 1
    rows = results(tmp_path / "out.csv")
    assert [r["name"] for r in rows] == ["甲公司", "乙公司", "甲公司"]
    both = f"“2024年”表第2行为“{A}”，“2025年”表第2行为“{A[:-1]}Y”"
    assert rows[0]["status"] == rows[2]["status"] == "error" and both in rows[0]["error"] and both in rows[2]["error"]
    assert rows[1]["status"] == "scored" and rows[1]["source"].endswith("2024年:3 + 2025年:3")


def test_sheets_named_by_the_bare_year_are_joined_too(tmp_path: Path) -> None:
    """Sheets 2024 and 2025 (no 年), as many parks name them: read as one list, R&D of both years summed."""
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024": [["甲公司", A, 4000, 250]], "2025": [["甲公司", A, 5000, 300]]}, HEADER)
    code, said = invoke("batch", str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids")
    assert code == 0, said
    (row,) = results(tmp_path / "out.csv")
    assert row["source"].endswith("名单.xlsx:2024:2 + 2025:2") and "现为550万元" in row["next_step"]


def test_a_year_given_on_two_sheets_stops_the_run_naming_the_column_as_typed(tmp_path: Path) -> None:
    """The 2025年 sheet carries 营业收入（2024年） beside the 2024年 sheet's own: which is right is not guessed,
    and the refusal names the 2024年 sheet's column as the park typed it."""
    book = Workbook()
    book.remove(book.active)
    old = book.create_sheet("2024年")
    old.append(["企业名称", "营业收入（万元）"])
    old.append(["甲公司", 4000])
    new = book.create_sheet("2025年")
    new.append(["企业名称", "营业收入（万元）", "营业收入（2024年）（万元）"])
    new.append(["甲公司", 5000, 4100])
    book.save(tmp_path / "名单.xlsx")
    code, said = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 2
    assert "名单.xlsx:2024年，“营业收入（万元）”列：与“营业收入（2024年）（万元）”列是同一个项目" in said
    assert not (tmp_path / "out.csv").exists()


def test_a_per_year_workbook_given_twice_is_joined_each_time(tmp_path: Path) -> None:
    """Named twice (a folder and the file in it, a slip), it is read twice, as any list is, the second said."""
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024年": [["甲公司", A, 4000, 250]], "2025年": [["甲公司", A, 5000, 300]]}, HEADER)
    code, said = invoke("batch", str(book), str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids")
    assert code == 0, said
    first, second = results(tmp_path / "out.csv")
    assert first["source"] == second["source"] and first["source"].endswith("2024年:2 + 2025年:2")
    assert "出现了两次" in second["warnings"] and "现为550万元" in second["next_step"]


def test_a_company_twice_on_one_sheet_is_said_with_its_rows_in_english(tmp_path: Path) -> None:
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2024年": [["乙公司", B, 9000, 400], ["乙公司", B, 9100, 410]], "2025年": [["乙公司", B, 10000, 500]]}, HEADER)
    code, _ = invoke("batch", str(book), "-o", str(tmp_path / "out.csv"), "--columns", "ids", "--lang", "en")
    assert code == 1
    (row,) = results(tmp_path / "out.csv")
    assert "乙公司 is on sheet '2024年' more than once (rows 2, 3)" in row["error"]


def test_a_sheet_of_a_year_not_over_is_said_not_read_and_the_closed_years_joined(tmp_path: Path) -> None:
    """Assessed in 2025 (last year 2024), the 2025年 sheet's columns were each told to write 2024 into their
    header, which followed filed 2025's figures as 2024's; one line says the sheet's year is not over, and
    the closed years' sheets are read (test_s39_peryear_early)."""
    book = per_year_book(tmp_path / "名单.xlsx", {
        "2023年": [["甲公司", A, 3000, 200]], "2024年": [["甲公司", A, 4000, 250]], "2025年": [["甲公司", A, 5000, 300]]},
        HEADER)
    result = runner.invoke(app, ["batch", str(book), "-o", str(tmp_path / "out.csv"), "--as-of", "2025-06-01",
                                 "--lang", "zh"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "工作表“2025年”未读取：它是 2025年的数据，按评估日期 2025年尚未结束" in result.stderr
    assert "营业收入（2024年）" not in result.stderr and "--sheet" not in result.stderr
    (row,) = results(tmp_path / "out.csv")
    assert row["来源（文件:行）"].endswith("名单.xlsx:2023年:2 + 2024年:2")
