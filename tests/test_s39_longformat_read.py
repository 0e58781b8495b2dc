"""A park's list exported from a statistics system as a long table: one row per company and year (企业名称 |
年度 | 营业收入（万元） | …). Read as one list, a row per company, its verdicts those of the same companies
typed on one sheet with the year in each header. Real files in (CSV and workbooks), the results read back."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, YEARS, invoke, results

NAMES = ("甲科技有限公司", "乙制造有限公司", "丙精密机械有限公司", "丁新材料股份有限公司", "戊电子有限公司")
CODES = ("91310000MA1FL1234X", "91440300MA5F0A1B2C", "91110108MA01C3D4E5", "91320500MA1MXXXX0Q", "91330100MA27YYYY1K")


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows([["" if v is None else v for v in row] for row in rows])
    return path


def write_book(path: Path, header: list[str], rows: list[list[object]], title: str | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "企业数据"
    if title is not None:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def run(path: Path, *more: str) -> tuple[int, str, dict[str, dict[str, str]]]:
    out = path.with_name(path.stem + "-out.csv")
    code, said = invoke("batch", str(path), "-o", str(out), "--columns", "ids", *more)
    return code, said, {r["name"]: r for r in results(out)} if out.exists() else {}


# a company: its figures by year (None: no row of that year), its head count, IP and HNTE answer
company = st.fixed_dictionaries({
    "years": st.fixed_dictionaries({y: st.one_of(st.none(), st.tuples(
        st.integers(500, 40000), st.integers(0, 3000), st.integers(-500, 3000))) for y in YEARS}),
    "hnte": st.sampled_from(["是", "否"]),
    "employees": st.integers(5, 900),
    "ip": st.integers(0, 12),
    "typed": st.sampled_from(["{}", "{}年", "{}年度", "{}-12-31", "date"]),  # how its year cells are typed
    "later": st.booleans(),  # a row of 2026 (a year not over) with other figures: never read
})


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(company, min_size=2, max_size=5), st.booleans(), st.booleans(), st.randoms(use_true_random=False))
def test_long_table_gives_the_verdicts_of_one_sheet_with_years(tmp_path: Path, companies: list[dict[str, object]],
                                                               as_book: bool, by_code: bool, shuffle: object) -> None:
    """Each company's verdicts from the long table equal those from one sheet with the year in every header:
    a year missing is blank (unknown, never 0); the older rows' 从业人员 and yes/no answers (not a year's
    figures) are never read; a 2026 row is not read and said on the company's row."""
    long: list[list[object]] = []
    flat: list[list[object]] = []
    for c in companies:
        years = c["years"]
        assert isinstance(years, dict)
        if all(v is None for v in years.values()):
            years[2025] = (1000, 50, 10)
    # what is not a year's figure is the table's latest year's: a company without a row of it has them unknown
    # (its older row's head count is another year's end), as on the wide sheet left blank
    top = max(y for c in companies for y, v in c["years"].items() if v is not None)  # type: ignore[attr-defined]
    for i, c in enumerate(companies):
        name, code = NAMES[i], CODES[i]
        years = c["years"]
        assert isinstance(years, dict)
        latest = years[top] is not None
        for y in (*YEARS, 2026):
            figures = years.get(y) if y != 2026 else ((99999, 9999, 9999) if c["later"] else None)
            if figures is None:
                continue
            typed = str(c["typed"])
            cell: object = (datetime.datetime(y, 12, 31) if as_book else f"{y}-12-31") if typed == "date" \
                else (y if as_book and typed == "{}" else typed.format(y))
            # another year's head count is another year's end: it must not be read
            employees = c["employees"] if y == top else 999_999
            hnte = c["hnte"] if y == top else {"是": "否", "否": "是"}[str(c["hnte"])]
            long.append([name, *([code] if by_code else []), cell, "工业" if y == top else "服务业", *figures,
                         employees, c["ip"], hnte, *DECLARED.values()])
        flat.append([name, *([code] if by_code else []), "工业" if latest else None,
                     *[v for y in YEARS for v in (years[y] or (None, None, None))],
                     *([c["employees"], c["ip"], c["hnte"], *DECLARED.values()] if latest else [None] * 10)])
    shuffle.shuffle(long)  # type: ignore[attr-defined]
    ids = ["企业名称", *(["统一社会信用代码"] if by_code else [])]
    header = [*ids, "年度", "所属行业", "营业收入（万元）", "研发费用（万元）", "净利润（万元）", "从业人员",
              "有效Ⅰ类知识产权（项）", "是否高新技术企业", *DECLARED]
    long_in = write_book(tmp_path / "长表.xlsx", header, long) if as_book else \
        write_csv(tmp_path / "长表.csv", header, long)
    wide = [*ids, "所属行业", *[f"{label}（{y}年）（万元）" for y in YEARS for label in ("营业收入", "研发费用", "净利润")],
            "从业人员", "有效Ⅰ类知识产权（项）", "是否高新技术企业", *DECLARED]
    code, said, joined = run(long_in)
    assert code == 0, said
    code_one, said_one, flat_rows = run(write_csv(tmp_path / "一张表.csv", wide, flat))
    assert code_one == 0, said_one
    assert joined.keys() == flat_rows.keys()
    for name, row in flat_rows.items():
        assert {k: joined[name][k] for k in VERDICTS} == {k: row[k] for k in VERDICTS}, name
        assert joined[name]["status"] == "scored"
    given = {y for c in companies for y, v in c["years"].items() if v is not None}  # type: ignore[attr-defined]
    for i, c in enumerate(companies):
        warnings = joined[NAMES[i]]["warnings"]
        assert ("2026年的一行未读取" in warnings) == bool(c["later"])
        # a year no company has a row of is no year of the table's: as blank as in the wide sheet, and not said
        assert ("没有这家企业" in warnings) == any(c["years"][y] is None for y in given)  # type: ignore[index]
    assert "已按“年度”列合并为每家企业一行" in said


def test_the_park_list_that_was_refused_is_scored_a_row_per_company(tmp_path: Path) -> None:
    """The list a park staff member met: refused with 营业收入 needs its year, not a word of its 年度."""
    path = write_csv(tmp_path / "long.csv", ["企业名称", "年度", "所属行业", "从业人员", "营业收入", "研发费用"],
                     [["甲公司", 2025, "工业", 120, 8000, 500], ["甲公司", 2024, "工业", 110, 7000, 450],
                      ["乙公司", 2025, "工业", 80, 3000, 200]])
    code, said, rows = run(path, "--lang", "en")
    assert code == 0, said
    assert list(rows) == ["甲公司", "乙公司"]
    assert rows["甲公司"]["source"] == f"{path}:2024年:3 + 2025年:2"
    assert rows["甲公司"]["sme_size"] == "small"
    assert "R&D expense over the last 2 years at least 12 million CNY (now 9,500,000 CNY)" in \
        rows["甲公司"]["next_step"]
    assert "no row of 2024:" in rows["乙公司"]["warnings"]  # the year as English writes it
    assert "a row per company and year (3 rows, 2024, 2025) read as one list, a row per company (2)" in said
    assert "needs its year" not in said


def test_a_company_twice_in_one_year_is_an_error_row_naming_both_rows(tmp_path: Path) -> None:
    header = ["企业名称", "年度", "营业收入（万元）", "研发费用（万元）"]
    path = write_csv(tmp_path / "名单.csv", header, [["甲公司", "2025", 5000, 300], ["乙公司", "2025年度", 9000, 400],
                                                   ["乙公司", "2024", 8000, 380], ["乙公司", "2025", 9100, 410]])
    code, said, rows = run(path)
    assert code == 1, said  # a row in error: the run is not clean
    assert rows["甲公司"]["status"] == "scored"
    assert rows["乙公司"]["status"] == "error"
    assert "“乙公司”2025年有不止一行（第3行、第5行），无法判断哪一行是这家企业的数据，请只保留一行" in rows["乙公司"]["error"]
    assert rows["乙公司"]["source"] == f"{path}:2024年:4 + 2025年:3 + 2025年:5"
    _, _, english = run(path, "--lang", "en")
    assert "乙公司 has more than one row of 2025 (rows 3, 5)" in english["乙公司"]["error"]


def test_a_year_cell_that_is_no_whole_year_is_an_error_row_never_a_guess(tmp_path: Path) -> None:
    """2025年1-9月 is part of 2025 (its figures nine months'), 2025-06-30 a half year, 2024/2025 no year, a
    blank no year: the company is an error row naming the row, where its other years' rows alone would
    have scored it on a guess."""
    path = write_book(tmp_path / "名单.xlsx", ["企业名称", "统一社会信用代码", "报告期", "营业收入（万元）", "研发费用（万元）"], [
        ["甲公司", CODES[0], 2024, 4000, 250], ["甲公司", CODES[0], datetime.datetime(2025, 12, 31), 5000, 300],
        ["乙公司", CODES[1], 2024, 8000, 380], ["乙公司", CODES[1], "2025年1-9月", 6000, 300],
        ["丙公司", CODES[2], datetime.datetime(2025, 6, 30), 1000, 50],
        ["丁公司", CODES[3], "2024/2025", 1000, 50],
        ["戊公司", CODES[4], None, 1000, 50]], title="2025年园区企业经营数据")
    code, said, rows = run(path)
    assert code == 1, said
    assert rows["甲公司"]["status"] == "scored"
    assert rows["甲公司"]["source"] == f"{path}:企业数据:2024年:3 + 2025年:4"
    assert {n: r["status"] for n, r in rows.items() if n != "甲公司"} == dict.fromkeys(NAMES[1:] and
                                                                                     ["乙公司", "丙公司", "丁公司", "戊公司"],
                                                                                     "error")
    assert "第6行“报告期”填的“2025年1-9月”只是 2025年的一部分，不是全年" in rows["乙公司"]["error"]
    assert "第7行“报告期”填的“2025-06-30”只是 2025年的一部分" in rows["丙公司"]["error"]
    assert "第8行“报告期”填的“2024/2025”不是年份" in rows["丁公司"]["error"]
    assert "第9行“报告期”为空" in rows["戊公司"]["error"]


def test_a_row_of_a_year_not_over_is_said_on_the_company_and_not_read(tmp_path: Path) -> None:
    header = ["企业名称", "年份", "营业收入（万元）", "研发费用（万元）", "从业人员", "所属行业"]
    path = write_csv(tmp_path / "名单.csv", header, [
        ["甲公司", "2024", 4000, 250, 90, "工业"], ["甲公司", "2025", 5000, 300, 100, "工业"],
        ["甲公司", "2026", 90000, 9000, 999, "工业"], ["乙公司", "2026年", 9000, 400, 50, "工业"]])
    code, said, rows = run(path)
    assert code == 1, said
    assert rows["甲公司"]["status"] == "scored"
    assert "2026年的一行未读取：按评估日期该年尚未结束" in rows["甲公司"]["warnings"]
    assert rows["甲公司"]["source"] == f"{path}:2024年:2 + 2025年:3 + 2026年:4"
    assert rows["甲公司"]["sme_size"] == "small"  # 100 staff and 50 million at the end of 2025, not 2026's 999
    assert rows["乙公司"]["status"] == "error"
    assert "第5行“年份”为 2026年：按评估日期，上一年度是 2025年，2026年尚未结束" in rows["乙公司"]["error"]
    assert "2026年的行未读取：按评估日期尚未结束（评估看到 2025年为止）" in said


def test_non_year_columns_come_from_the_latest_row_alone(tmp_path: Path) -> None:
    """The park's own column and the head count are the latest year's; the 年度 column is not copied back."""
    header = ["企业名称", "年度", "营业收入（万元）", "从业人员", "园区备注"]
    path = write_csv(tmp_path / "名单.csv", header, [["甲公司", "2025", 5000, 120, "今年走访"],
                                                   ["甲公司", "2023", 3000, 999, "旧备注"]])
    out = tmp_path / "结果.xlsx"
    code, said = invoke("batch", str(path), "-o", str(out))
    assert code == 0, said
    from openpyxl import load_workbook

    ws = load_workbook(out).worksheets[0]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    head = next(r for r in values if "园区备注" in r)
    row = values[values.index(head) + 1]
    assert row[head.index("园区备注")] == "今年走访"
    assert "年度" not in head
    assert row[0] == f"{path}:2023年:3 + 2025年:2"  # no row of 2024 in the table: no year of it is asked for


def test_a_misnamed_column_of_a_long_table_still_stops_the_run(tmp_path: Path) -> None:
    header = ["企业名称", "年度", "营业收入（万元）", "市场占有率"]
    path = write_csv(tmp_path / "名单.csv", header, [["甲公司", "2025", 5000, 3], ["甲公司", "2024", 4000, 3]])
    code, said, _ = run(path)
    assert code == 2
    assert "市场占有率" in said and "需要写明年份" not in said and "请在列名中写明年份" not in said
    assert not (tmp_path / "名单-out.csv").exists()


def test_a_workbook_with_a_long_sheet_beside_a_wide_one_reads_both(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.title = "长表"
    ws.append(["企业名称", "年度", "营业收入（万元）", "研发费用（万元）"])
    ws.append(["甲公司", 2025, 5000, 300])
    ws.append(["甲公司", 2024, 4000, 250])
    wide = book.create_sheet("新入园")
    wide.append(["企业名称", "营业收入（2025年）（万元）", "研发费用（2025年）（万元）"])
    wide.append(["乙公司", 6000, 350])
    path = tmp_path / "名单.xlsx"
    book.save(path)
    code, said, rows = run(path)
    assert code == 0, said
    assert rows["甲公司"]["source"] == f"{path}:长表:2024年:3 + 2025年:2"
    assert rows["乙公司"]["source"] == f"{path}:新入园:2"


def test_a_wide_sheet_with_a_year_column_is_read_as_before(tmp_path: Path) -> None:
    """Every per-year column dated: the 年度 column is the park's own, copied back; nothing is joined."""
    header = ["企业名称", "年度", "营业收入（2025年）（万元）"]
    path = write_csv(tmp_path / "名单.csv", header, [["甲公司", "2026", 5000], ["甲公司", "2026", 5000]])
    code, said, rows = run(path)
    assert code == 0, said
    assert "合并为每家企业一行" not in said
    assert rows["甲公司"]["status"] == "scored"  # twice: said as ever by the run, not joined


@given(st.integers(1990, 2100), st.sampled_from(["{}", "{}年", "{}年度", " {} 年度 ", "{}-12-31", "{}/12/31", "{}年12月31日",
                                                 "{}年1-12月", "{}年全年", "{}.0"]))
def test_a_whole_year_however_typed_is_that_year(year: int, typed: str) -> None:
    from littlegiant.load.peryear import cell_year

    assert cell_year(typed.format(year)) == year


@given(st.integers(1990, 2100), st.integers(1, 11), st.sampled_from(["{}年1-{}月", "{}年{}月", "{}-{:02d}-30", "{}年第{}季度"]))
def test_part_of_a_year_is_never_taken_as_the_year(year: int, month: int, typed: str) -> None:
    from littlegiant.load.peryear import cell_year

    said = cell_year(typed.format(year, month))
    assert not isinstance(said, int)
    assert said[0] == "row.long_year_part"


def test_a_misnamed_column_of_a_long_sheet_stops_the_run_naming_it_once(tmp_path: Path) -> None:
    path = write_book(tmp_path / "名单.xlsx", ["企业名称", "年度", "营业收入（万元）", "市场占有率"],
                      [["甲公司", 2025, 5000, 3], ["甲公司", 2024, 4000, 3]])
    code, said, _ = run(path)
    assert code == 2
    assert said.count("“市场占有率”列") == 1 and "请在列名中写明年份" not in said
    assert not (tmp_path / "名单-out.csv").exists()


def test_a_long_table_of_a_year_not_over_stops_the_run_in_one_line(tmp_path: Path) -> None:
    """Every row 2026 in a 2026 run: one line saying so, not an error row per company repeating it."""
    path = write_csv(tmp_path / "名单.csv", ["企业名称", "年度", "营业收入（万元）"], [["甲公司", "2026", 100],
                                                                             ["乙公司", "2026年", 200]])
    code, said, _ = run(path)
    assert code == 2
    assert said.count("每一行的“年度”都是 2026年：按评估日期，上一年度是 2025年") == 1
    assert "请把“年度”改为 2025" in said
    assert not (tmp_path / "名单-out.csv").exists()


def test_an_application_year_column_is_no_year_of_the_figures(tmp_path: Path) -> None:
    """申报年度 2026 is the round applied for, not the year of the figures (2025): the columns are asked
    to be dated, as before, never read as 2026's and every company refused for it."""
    path = write_csv(tmp_path / "名单.csv", ["企业名称", "申报年度", "营业收入（万元）"], [["甲公司", "2026", 100]])
    code, said, _ = run(path)
    assert code == 2
    assert "请在列名中写明年份" in said and "2026年尚未结束" not in said


def test_a_day_formatted_to_show_its_year_is_that_year(tmp_path: Path) -> None:
    """Excel shows 2025 for a day formatted yyyy: read as 2025, as the park sees it; a day shown as a day is not."""
    book = Workbook()
    ws = book.active
    ws.title = "数据"
    ws.append(["企业名称", "年度", "营业收入（万元）", "研发费用（万元）"])
    for name, day, shown in (("甲公司", datetime.datetime(2025, 1, 1), "yyyy"), ("甲公司", datetime.datetime(2024, 1, 1), "yyyy"),
                             ("乙公司", datetime.datetime(2025, 1, 1), 'yyyy"年度"'),
                             ("丙公司", datetime.datetime(2025, 1, 1), "yyyy-mm-dd")):
        ws.append([name, day, 5000, 300])
        ws.cell(ws.max_row, 2).number_format = shown
    path = tmp_path / "名单.xlsx"
    book.save(path)
    code, said, rows = run(path)
    assert code == 1, said
    assert rows["甲公司"]["source"] == f"{path}:数据:2024年:3 + 2025年:2"
    assert rows["乙公司"]["status"] == "scored"
    assert rows["丙公司"]["status"] == "error" and "“2025-01-01”只是 2025年的一部分" in rows["丙公司"]["error"]


def test_a_year_given_by_the_rows_and_by_a_column_stops_the_run(tmp_path: Path) -> None:
    """营业收入（万元） in the 2024 row is 2024's, as is the column 营业收入（2024年）（万元）: which is right is not
    guessed (the 2024 row's figure was dropped without a word); a column of a year no row gives is read."""
    header = ["企业名称", "年度", "营业收入（万元）", "营业收入（2024年）（万元）", "研发费用（万元）"]
    path = write_csv(tmp_path / "名单.csv", header, [["甲公司", "2025", 5000, 4100, 300], ["甲公司", "2024", 4000, None, 200]])
    code, said, _ = run(path)
    assert code == 2
    assert "“营业收入（万元）”列：在 2024年的行中，这一列就是 2024年的数据，而“营业收入（2024年）（万元）”列也是" in said
    code, said, rows = run(write_csv(tmp_path / "只有今年.csv", header, [["甲公司", "2025", 5000, 4100, 300]]))
    assert code == 0, said
    assert rows["甲公司"]["status"] == "scored"
