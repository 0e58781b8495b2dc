"""Cells of a park's sheet a review found misread: the words a sheet writes where it has no figure, a
provincial title's level written for 是, and a share column typed as fractions. Real sheets in (openpyxl),
the results read back."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from tests.test_park_sheets import invoke, read_csv, results_sheet
from tests.test_typed_text import doors

PLACEHOLDERS = ["未填报", "未提供", "暂未提供", "未上报", "未报", "保密", "缺", "未填", "待提供", "待核实", "不便透露",
                "无法提供", "暂缺", "N/A", "n/a", "NA", "#N/A", "-", "—", "/"]
"""What park staff wrote in a cell they had no figure for (a review of real sheets)."""


def _book(path: Path, header: list[str], rows: list[list[Any]], formats: dict[str, str] | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for column, shown in (formats or {}).items():
        for cell in ws[column][1:]:
            cell.number_format = shown
    book.save(path)
    return path


def about_sheet(path: Path) -> list[str]:
    """The 说明 sheet's sentences (its second column), as openpyxl reads them back."""
    book = load_workbook(path, read_only=True)
    rows = [str(row[1]) for row in book["说明"].iter_rows(values_only=True) if len(row) > 1 and row[1] is not None]
    book.close()
    return rows


def test_a_placeholder_for_a_figure_leaves_it_unknown_and_the_company_scored(tmp_path: Path) -> None:
    """未填报, 保密, 待核实, #N/A and the like under 营业收入 made the whole company an error row (no verdict at all)
    where 不详 beside them was read as unknown: each is now unknown, the row scored and the cell named as missing."""
    rows = [[f"甲{i}公司", "工业", 100, cell] for i, cell in enumerate(["不详", *PLACEHOLDERS])]
    src = _book(tmp_path / "in.xlsx", ["企业名称", "所属行业", "员工人数", "2025年营业收入（万元）"], rows)
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    read = results_sheet(out)
    assert code == 0 and [r["处理结果"] for r in read] == ["已评估"] * len(rows), [r["错误说明"] for r in read]
    unknown = read[0]  # 不详, as before
    for row in read:
        assert str(row["主要差距"]).endswith("本行缺：「营业收入（2025年）」"), row
        assert {k: v for k, v in row.items() if k not in ("来源（文件:行）", "企业名称")} == \
            {k: v for k, v in unknown.items() if k not in ("来源（文件:行）", "企业名称")}


def test_none_stays_an_answer_and_is_never_made_unknown(tmp_path: Path) -> None:
    """无 under revenue is still refused with its hint (only the person can say it is 0), and 暂无 under a red line
    is still 否: a real "none" is not turned into a missing input."""
    header = ["企业名称", "营业收入（2025年）", "被列入经营异常名录", "持有有效的专精特新中小企业称号"]
    rows = [["甲公司", "无", "否", "是"], ["乙公司", 8000, "暂无", "无"], ["丙公司", 8000, "待核实", "保密"]]
    out = tmp_path / "out.csv"
    code, _, _ = invoke("batch", str(_book(tmp_path / "in.xlsx", header, rows)), "-o", str(out), "--lang", "zh",
                        "--columns", "ids")
    jia, yi, bing = read_csv(out)
    assert code == 1 and jia["status"] == "error"
    assert jia["error"] == ("“营业收入（2025年）”列（B列）：应填金额（单位万元，不能为负数；如 8000、8000万、0.8亿），现在是“无”："
                            "没有的请填 0，不清楚的请填“不知道”")
    assert (yi["status"], bing["status"]) == ("scored", "scored")
    assert yi["little_giant_status"] == "unmet"  # 无 under the title: not held, so 小巨人 fails on it
    assert bing["little_giant_status"] == "unknown"  # 保密: the title unknown, never a silent 否


@pytest.mark.parametrize("text", PLACEHOLDERS)
@pytest.mark.parametrize("path", ["financials.2025.revenue", "employees", "ip.class1", "market.domestic_share",
                                  "compliance.abnormal_operation", "titles.zjtx_sme", "industry", "rd_institution",
                                  "awards.national_rank"])
def test_every_door_reads_a_placeholder_as_unknown(path: str, text: str) -> None:
    """A cell, --set, a profile file's text and the interview's answer read each placeholder alike: unknown,
    under a figure, a count, a share, a red line, a title, a choice and a rank whose 0 means none (未报 under a
    title says it was never applied for: 否)."""
    never_applied = path.startswith("titles.") and text == "未报"
    assert set(doors(path, text).values()) == {("ok", False if never_applied else None)}


@pytest.mark.parametrize(("path", "text", "value"), [
    ("compliance.abnormal_operation", "暂无", False),  # none so far: 无, as before
    ("awards.national_rank", "暂无", Decimal(0)),
    ("titles.zjtx_sme", "未认定", False),  # a title's own states are not placeholders
    ("titles.zjtx_sme", "未获得", False),
    ("titles.zjtx_sme", "待认定", False),
    ("titles.zjtx_sme", "没报", False),  # never applied for: not held
    ("financials.2025.revenue", "n.a.", None),
])
def test_words_of_none_and_of_a_title_state_keep_their_reading(path: str, text: str, value: Any) -> None:
    """暂无 answers 无 where 无 is an answer, and 未认定 or 待认定 say a title is not held: none is a placeholder."""
    assert set(doors(path, text).values()) == {("ok", value)}


def test_the_interview_reads_none_as_zero_and_a_placeholder_as_unknown() -> None:
    """Typed to the interview, 无 for a count is still 0 (said back), while 保密 or 未提供 is "don't know"."""
    from littlegiant.core.interview import Interview, Question
    from littlegiant.load import rules
    from littlegiant.load.profile import field_for_path, year_in_path

    rs = rules.load("miit-2026")
    f = field_for_path(rs, "ip.class1")
    iv = Interview(rs, date(2026, 6, 1))
    q = Question("ip.class1", f, year_in_path(f, "ip.class1"))
    assert iv.parse(q, "无")[0] == Decimal(0)
    assert iv.parse(q, "保密") == (None, None) and iv.parse(q, "未提供") == (None, None)


def test_a_provincial_level_answers_the_provincial_title_and_a_city_one_is_refused_saying_why(tmp_path: Path) -> None:
    """省级 and 是（省级） under 是否专精特新中小企业 were refused (the latter as a lapsed or pending title), each
    company an error row: the title is the province's, so they read as 是. 市级 stays refused, now saying in one
    line that a city's title is not the one asked; 否（市级） is a plain no."""
    cells = ["是", "省级", "是（省级）", "省级专精特新", "是（2024年省级认定）", "否", "否（市级）", "市级", "是（市级）",
             "市级专精特新", "区级"]
    src = _book(tmp_path / "in.xlsx", ["企业名称", "是否专精特新中小企业"],
                [[f"甲{i}公司", cell] for i, cell in enumerate(cells)])
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    read = results_sheet(out)
    verdicts = ["处理结果", "专精特新中小企业", '专精特新"小巨人"企业', "主要差距"]
    yes, no = ([row[k] for k in verdicts] for row in (read[0], read[5]))
    assert code == 1 and yes != no
    assert all([row[k] for k in verdicts] == yes for row in read[1:5])
    assert [read[6][k] for k in verdicts] == no
    for row, shown in zip(read[7:], cells[7:], strict=True):
        assert row["处理结果"] == "出错"
        level = "区级" if shown == "区级" else "市级"
        assert row["错误说明"] == (f"“是否专精特新中小企业”列（B列）：“{shown}”说的是{level}称号，不是这里问的专精特新中小企业"
                               "（由省级中小企业主管部门认定）：持有省级认定的填“是”，否则填“否”")


def test_a_city_title_is_refused_in_english_too(tmp_path: Path) -> None:
    """The English line names the level and the title's conferring authority, as the Chinese one does."""
    src = _book(tmp_path / "in.xlsx", ["企业名称", "是否专精特新中小企业"], [["甲公司", "市级"]])
    out = tmp_path / "out.csv"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--lang", "en")
    (row,) = read_csv(out)
    assert code == 1 and row["Problems"] == (
        "是否专精特新中小企业 (column B): '市级' names a city-level title, which is not the one asked (the 专精特新中小企业 title, "
        "conferred by the provincial SME authority): answer yes if the company holds the provincial one, else no")


SHARE_HEADER = ["企业名称", "所属行业", "员工人数", "2025年营业收入(万元)", "国内市场占有率"]


def _shares(path: Path, shares: list[Any], shown: str = "General") -> Path:
    rows = [[f"丁{i}公司", "工业", 200, 8000, share] for i, share in enumerate(shares)]
    return _book(path, SHARE_HEADER, rows, {"E": shown} if shown != "General" else None)


FRACTIONS_ZH = ("的“国内市场占有率”列填的数都在 0 到 1 之间（共 3 个，如 0.12），已按百分数读取，即 0.12 按 0.12% 计。"
                "如果填的是小数（0.12 即 12%），请改填百分数（12% 填 12），或把这一列设为百分比格式，然后重新运行")


def test_a_share_column_of_fractions_is_named_at_the_end_of_the_run_and_on_the_about_sheet(tmp_path: Path) -> None:
    """A market-share column of 0.12, 0.35, 0.08 in General format was read as 0.12% and flagged only in each
    row's 需核对的数据: the run's closing lines and the 说明 sheet now name the column, say how it was read and how
    to fix it. The figures themselves are read as typed (a small share is real), and each row still says so."""
    src = _shares(tmp_path / "in.xlsx", [0.12, 0.35, 0.08])
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 0 and f"littlegiant 提示：{src}:名单 {FRACTIONS_ZH}" in err
    assert err.index("共读取 3 行") < err.index(FRACTIONS_ZH)  # a closing note, after the count
    assert f"{src}:名单 {FRACTIONS_ZH}" in about_sheet(out)
    first = results_sheet(out)[0]
    assert first["需核对的数据"] == "「主导产品国内细分市场占有率」0.12%：如果填的是小数（0.12 即 12%），请改填 12；请核对"
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.jsonl"), "--lang", "en", "--quiet")
    assert code == 0 and err.rstrip().endswith(
        f"littlegiant: note: {src}:名单: every figure of the column '国内市场占有率' (3 figures, such as 0.12) is between "
        "0 and 1, and was read as a percentage: 0.12 as 0.12%. If they are fractions as Excel holds a percentage "
        "(0.12 for 12%), type 12 for 12%, or format the column's cells as percentages, and run again")


def test_a_share_column_of_fractions_in_a_csv_is_named_too(tmp_path: Path) -> None:
    """A CSV saved from such a sheet holds the same 0.12: said alike."""
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([SHARE_HEADER, *([f"丁{i}公司", "工业", 200, 8000, s] for i, s in
                                                      enumerate(["0.12", "", "0.35", "0.08", "不详"]))])
    code, _, err = invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0 and f"{src} {FRACTIONS_ZH}" in err


@pytest.mark.parametrize(("shares", "shown"), [
    ([0.12, 0.35, 0.08], "0%"),  # formatted as a percentage: read as 12%, no fraction typed
    ([0.12, 16, 0.08], "General"),  # a figure above 1: the column is in percent, its small shares may be real
    (["0.12%", "0.35%", 0.08], "General"),  # typed with the % sign
    ([0, 12, 0], "General"),
])
def test_a_share_column_not_all_fractions_is_not_named(tmp_path: Path, shares: list[Any], shown: str) -> None:
    """No closing note where the column is formatted as a percentage, holds a figure above 1, or shows its % signs."""
    out = tmp_path / "out.xlsx"
    code, _, err = invoke("batch", str(_shares(tmp_path / "in.xlsx", shares, shown)), "-o", str(out), "--lang", "zh")
    assert code == 0 and "0 到 1 之间" not in err and not any("0 到 1 之间" in line for line in about_sheet(out))


def test_a_level_with_the_year_it_was_won_is_refused_as_the_year_alone_is(tmp_path: Path) -> None:
    """省级（2021年认定）, 省级2020年, 省级 2019 and 省级（2021.06） read as 是: a title won in 2021 lapsed in 2024
    unless renewed, yet 小巨人's prerequisite passed. They are refused as 2021年认定 is, saying the cell gives when the
    title was won; a bare level still reads as held, a lapsed one (省级（已过期）) as 否, as 已过期 alone does."""
    refused = ["省级（2021年认定）", "省级2020年", "省级 2019", "省级（2021.06）", "2021年认定"]
    held = ["省级", "是（省级）", "省级专精特新", "是（省级认定）"]
    src = _book(tmp_path / "in.xlsx", ["企业名称", "是否专精特新中小企业"],
                [[f"甲{i}公司", cell] for i, cell in enumerate([*refused, *held, "省级（已过期）", "否"])])
    out = tmp_path / "out.xlsx"
    code, _, _ = invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    read = results_sheet(out)
    assert code == 1
    for row, shown in zip(read, refused, strict=False):
        assert row["处理结果"] == "出错"
        assert row["错误说明"] == (f"“是否专精特新中小企业”列（B列）：“{shown}”说的是何时获得，不是现在是否有效"
                               "（称号一般3年有效，到期未复核即失效）：目前仍在有效期内填“是”，否则填“否”")
    verdicts = ["处理结果", "专精特新中小企业", '专精特新"小巨人"企业', "主要差距"]
    yes, lapsed, no = ([row[k] for k in verdicts] for row in (read[5], read[9], read[10]))
    assert yes != no and lapsed == no
    assert all([row[k] for k in verdicts] == yes for row in read[5:9])


def test_a_title_never_applied_for_is_not_held_and_na_is_unknown(tmp_path: Path) -> None:
    """未报 and 没报 under a title (never applied for) read as unknown, the title's tier 未知 for a title the company
    lacks: they read as 否, as 未申报 does. n.a. under a figure, listed as unknown, made the row an error."""
    cells = ["否", "未报", "没报", "未申报"]
    src = _book(tmp_path / "in.xlsx", ["企业名称", "是否专精特新中小企业", "研发费用（2025年）"],
                [[f"甲{i}公司", cell, "n.a."] for i, cell in enumerate(cells)])
    out = tmp_path / "out.xlsx"
    invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    read = results_sheet(out)
    verdicts = ["处理结果", "专精特新中小企业", '专精特新"小巨人"企业', "主要差距"]
    no = [read[0][k] for k in verdicts]
    assert no[0] == "已评估" and no[2] == "不满足"
    assert all([row[k] for k in verdicts] == no for row in read[1:])


def test_a_lapsed_level_is_not_held_and_one_under_review_is_asked_as_review_alone_is(tmp_path: Path) -> None:
    """省级（已过期） was an error row though 已过期 alone reads 否: it reads 否 too. 复核中 (held until its term ends,
    or lapsed awaiting renewal) was refused as no yes or no at all, 省级（复核中） as a doubtful yes: both now say the
    same, what to write."""
    cells = ["否", "已过期", "省级（已过期）", "复核中", "省级（复核中）"]
    src = _book(tmp_path / "in.xlsx", ["企业名称", "是否专精特新中小企业"],
                [[f"甲{i}公司", cell] for i, cell in enumerate(cells)])
    out = tmp_path / "out.xlsx"
    invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    read = results_sheet(out)
    verdicts = ["处理结果", "专精特新中小企业", '专精特新"小巨人"企业', "主要差距"]
    assert all([row[k] for k in verdicts] == [read[0][k] for k in verdicts] for row in read[1:3])
    for row, shown in zip(read[3:], cells[3:], strict=True):
        assert row["错误说明"] == (f"“是否专精特新中小企业”列（B列）：“{shown}”不能算作“是”：目前确实具备才填“是”；"
                               "已过期、正在申报或待认定的填“否”，说不准的填“不知道”")
