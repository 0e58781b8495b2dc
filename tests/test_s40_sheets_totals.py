"""A totals row a park adds under its list without the word 合计 (the name cell blank, each column =SUM of the
companies above): passed over and said as not a company, as a row headed 合计 is; a nameless row with figures
of its own is still a row of the results. Real workbooks in, the results read back."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.test_s39_peryear_join import invoke, results

HEADER = ["序号", "企业名称", "营业收入（2025年）（万元）", "研发费用（2025年）（万元）", "从业人员", "备注"]
NAMES = ("甲科技有限公司", "乙制造有限公司", "丙精密机械有限公司", "丁新材料股份有限公司", "戊电子有限公司")


def book(path: Path, rows: list[list[object]], formulas: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["2025年度园区企业经营情况"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if formulas:  # the sums shown with thousands and two decimals, as a park formats its totals
        last = ws.max_row
        for col in "CDE":
            ws[f"{col}{last}"].number_format = "#,##0.00"
    wb.save(path)
    return path


figures = st.tuples(st.integers(100, 90000), st.integers(0, 5000), st.integers(1, 900))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(figures, min_size=2, max_size=5), st.booleans(), st.booleans())
def test_an_unlabelled_totals_row_is_no_company(tmp_path: Path, companies: list[tuple[int, int, int]],
                                               formatted: bool, with_seq: bool) -> None:
    """Every company comes back, the totals row does not, and the run names its row as a totals row."""
    rows: list[list[object]] = [[i + 1, NAMES[i], *c, ""] for i, c in enumerate(companies)]
    sums = [sum(c[k] for c in companies) for k in range(3)]
    rows.append([len(companies) + 1 if with_seq else None, None, *sums, None])
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "名单.xlsx", rows, formatted)), "-o", str(out))
    assert code == 0, said
    assert [r["企业名称"] for r in results(out)] == list(NAMES[:len(companies)])
    assert f"第 {len(companies) + 3} 行（未写“合计”的合计行：没有企业名称，数字是上面各行之和）" in said
    assert "略过 1 行" in said


def test_a_nameless_row_of_its_own_figures_stays(tmp_path: Path) -> None:
    """A company whose name was left blank, its figures its own: still a row of the results, asking for
    its name, never passed over."""
    rows: list[list[object]] = [[1, NAMES[0], 5000, 300, 80, ""], [2, NAMES[1], 3000, 200, 60, ""],
                                [3, None, 4100, 260, 75, "名称待补"]]
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "名单.xlsx", rows, False)), "-o", str(out))
    assert code == 0, said
    got = results(out)
    assert len(got) == 3
    assert "没有填写企业名称" in got[2]["需核对的数据"]
    assert "合计行" not in said


def test_a_group_subtotal_without_a_word_and_the_grand_total(tmp_path: Path) -> None:
    """Two groups, each summed under it with no word, and all summed at the foot: the three are passed
    over, the four companies scored."""
    a, b, c, d = [5000, 300, 80], [3000, 200, 60], [7000, 500, 120], [2000, 90, 30]
    rows: list[list[object]] = [[1, NAMES[0], *a, ""], [2, NAMES[1], *b, ""],
                                [None, None, *[x + y for x, y in zip(a, b, strict=True)], "一区小计"],
                                [3, NAMES[2], *c, ""], [4, NAMES[3], *d, ""],
                                [None, None, *[x + y for x, y in zip(c, d, strict=True)], None],
                                [None, None, *[sum(v) for v in zip(a, b, c, d, strict=True)], None]]
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(book(tmp_path / "名单.xlsx", rows, False)), "-o", str(out))
    assert code == 0, said
    assert [r["企业名称"] for r in results(out)] == list(NAMES[:4])
    assert "第 5、8、9 行（未写“合计”的合计行" in said


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(figures, min_size=2, max_size=5))
def test_an_unlabelled_totals_row_of_a_csv_is_no_company(tmp_path: Path, companies: list[tuple[int, int, int]]) -> None:
    """The same list saved as CSV (Excel's 另存为 CSV keeps the sums as numbers): its totals row was a nameless
    company, an error row asking for a name, where the workbook's was passed over."""
    import csv

    path = tmp_path / "名单.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i, c in enumerate(companies):
            out.writerow([i + 1, NAMES[i], *c, ""])
        out.writerow(["", "", *(sum(c[k] for c in companies) for k in range(3)), ""])
    results_file = tmp_path / "结果.csv"
    code, said = invoke("batch", str(path), "-o", str(results_file))
    assert code == 0, said
    assert [r["企业名称"] for r in results(results_file)] == list(NAMES[:len(companies)])
    assert f"第 {len(companies) + 2} 行（未写“合计”的合计行：没有企业名称，数字是上面各行之和）" in said


def test_a_nameless_company_after_two_is_not_taken_for_their_totals(tmp_path: Path) -> None:
    """Found in review: the third company's 序号 3 is 1 + 2, and an R&D of 0 for all three is 0 + 0; two such
    matches made a nameless company with figures of its own a totals row, passed over and lost. A 序号 is no
    figure to sum, a 0 no evidence; and a row with words beside its figures (名称待补) is a company's."""
    rows: list[list[object]] = [[1, NAMES[0], 5000, 0, 80, ""], [2, NAMES[1], 3000, 0, 60, ""],
                                [3, None, 4100, 0, 75, ""]]
    out = tmp_path / "结果.csv"
    _, said = invoke("batch", str(book(tmp_path / "名单.xlsx", rows, False)), "-o", str(out))
    assert "合计行" not in said and len(results(out)) == 3, said
    rows = [[1, NAMES[0], 5000, 300, 80, ""], [2, NAMES[1], 3000, 200, 60, ""], [3, None, 8000, 500, 140, "名称待补"]]
    _, said = invoke("batch", str(book(tmp_path / "名单2.xlsx", rows, False)), "-o", str(tmp_path / "结果2.csv"))
    assert "合计行" not in said and len(results(tmp_path / "结果2.csv")) == 3, said
