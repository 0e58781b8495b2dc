"""`batch SHEET.xlsx -o 结果.xlsx` as a park runs it (LANG=zh_CN.UTF-8): what the run says of the data
reaches whoever is sent the results workbook, a cell of several problems shows them all, and the
progress bar counts the rows the summary counts."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80", "NO_COLOR": "1"}


def park_sheet(path: Path, companies: int, bad: bool = False) -> Path:
    """A park's list as staff keep one: a title row, contacts beside the figures, a units row, and a
    合计 and a 填表人 row under the companies."""
    book = Workbook()
    ws = book.active
    ws.title = "企业名单"
    ws.append(["2026年高新区企业梯度培育摸底表"])
    ws.append(["序号", "企业名称", "联系人", "联系电话", "从业人员（上年末）", "营业收入（2025年）", "研发费用（2025年）"])
    ws.append(["", "", "", "", "人", "万元", "万元"])
    for i in range(1, companies + 1):
        ws.append([i, f"园区企业{i:03d}有限公司", f"张{i}", f"1380000{i:04d}", 20 + i, 1000 + i, 50 + i])
    if bad:  # two problems in one row: its 错误说明 cell holds one a line
        ws.append([companies + 1, "填错企业有限公司", "王五", "", "很多", "-5", 10])
    ws.append(["合计", "", "", "", None, None, None])
    ws.append(["填表人：李四"])
    book.save(path)
    return path


def test_the_about_sheet_keeps_what_the_run_said_of_the_data(tmp_path: Path) -> None:
    """The notes that explain the results (columns the criteria read that the sheet lacks, so every
    company is 未知 on them; 联系人 passed over; the units row; 合计 and 填表人 not companies) went to
    stderr alone, and the 说明 sheet held only the rules and the date. --quiet leaves the missing
    columns' note off stderr (as its help says), never off the sheet; what reading did stays said."""
    out = tmp_path / "评估结果.xlsx"
    done = CliRunner().invoke(app, ["batch", str(park_sheet(tmp_path / "名单.xlsx", 40)), "-o", str(out),
                                    "--quiet", "--as-of", "2026-11-26"], env=ZH)
    assert done.exit_code == 0, done.output
    said = [line.removeprefix("littlegiant 提示：") for line in done.stderr.splitlines()
            if line.startswith("littlegiant 提示：")]
    absent = ("没有评估要用的", "没有参评基本条件的")
    assert len(said) == 3 and not any(a in line for line in said for a in absent)
    about = load_workbook(out)["说明"]
    rows = [(a.value, b.value, b.alignment.wrap_text) for a, b in about.iter_rows(max_col=2)]
    notes = [(value, wrapped) for label, value, wrapped in rows[:-1] if label == "读取提示" or label is None]
    assert len(notes) == 5 and all(wrapped for _, wrapped in notes)
    assert [value for value, _ in notes if not any(a in value for a in absent)] == said
    text = "\n".join(value for value, _ in notes)
    assert "以下列与评估无关，不参与评估（原样附在结果最后）：“联系人”、“联系电话”" in text
    assert "没有评估要用的" in text and "每家企业的这些项都按“未知”处理" in text
    assert "没有参评基本条件的 7 项回答的列" in text and "主要差距中写有“仅缺参评基本条件的回答”" in text
    assert "第 3 行写的是各列的单位（人、万元）" in text
    assert "以下行不是企业，未计入：第 44 行（合计行）、第 45 行（表尾说明）" in text
    assert "littlegiant 提示" not in text
    assert rows[-1][1] == "本报告为企业自评结果，不是主管部门的正式认定。"  # the disclaimer stays last
    assert "共读取 42 行，已评估 40 行，出错 0 行，略过 2 行" in done.stderr


def test_a_row_of_several_problems_shows_each_on_its_line(tmp_path: Path) -> None:
    """错误说明 holds a row's problems one a line: without wrap_text Excel showed the first alone."""
    out = tmp_path / "评估结果.xlsx"
    done = CliRunner().invoke(app, ["batch", str(park_sheet(tmp_path / "名单.xlsx", 3, bad=True)), "-o", str(out),
                                    "--quiet", "--as-of", "2026-11-26"], env=ZH)
    assert done.exit_code == 1, done.output
    results = load_workbook(out)["评估结果"]
    header = [c.value for c in next(results.iter_rows(max_row=1))]
    cell = results["5"][header.index("错误说明")]
    assert "\n" in cell.value and cell.alignment.wrap_text
    plain = results["2"][header.index("企业名称")]
    assert not plain.alignment.wrap_text  # a cell of one line is left as Excel lays it out


def test_the_progress_bar_counts_the_rows_the_summary_counts(tmp_path: Path) -> None:
    """On a terminal the bar showed 192/3001 for a sheet the run ended by calling 3,000 rows: the
    title and header rows were counted. It ends on the count 共读取 gives."""
    sheet = park_sheet(tmp_path / "名单.xlsx", 300)
    master, slave = pty.openpty()
    seen: list[bytes] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(lambda: _read(master), b"")))
    reader.start()
    done = subprocess.run([sys.executable, "-m", "littlegiant", "batch", str(sheet), "-o", str(tmp_path / "r.xlsx"),
                           "--as-of", "2026-11-26"], stderr=slave, stdout=subprocess.DEVNULL,
                          env={**os.environ, **ZH, "TERM": "xterm"}, check=False, timeout=300)
    os.close(slave)
    reader.join(timeout=30)
    os.close(master)
    text = b"".join(seen).decode("utf-8", "replace")
    assert done.returncode == 0, text
    read = re.search(r"共读取 (\d+) 行", text)
    assert read is not None and read.group(1) == "302"
    totals = set(re.findall(r"\d+/(\d+)", text))
    assert totals == {"302"}, text


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the other end closed
        return b""


def test_a_long_problem_on_the_errors_sheet_wraps_in_its_column(tmp_path: Path) -> None:
    """A problem that lists what may be written (the industries) ran on as one line far past the errors
    sheet's columns, on screen and in print (fitted across, the page shrank to unreadable type): it is
    wrapped in its column, its row tall enough for its lines and the cells beside it at its top; a short
    problem stays one plain line."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,行业,从业人员（上年末）\n甲公司,工业业,60\n乙公司,工业,6.5\n", encoding="utf-8")
    out = tmp_path / "评估结果.xlsx"
    done = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(out), "--quiet", "--as-of", "2026-11-26"], env=ZH)
    assert done.exit_code == 1, done.output
    errors = load_workbook(out)["错误明细"]
    assert errors.column_dimensions["E"].width == 80
    (head, *_, industry), (short_source, *_, short) = errors["2"], errors["3"]
    assert "可填的有" in industry.value and len(industry.value) > 100
    assert industry.alignment.wrap_text and industry.alignment.vertical == "top"
    assert head.value == f"{sheet}:2" and head.alignment.vertical == "top"
    assert errors.row_dimensions[2].height == 60  # four lines of 15 points
    assert short.value.startswith("“从业人员（上年末）”列") and not short.alignment.wrap_text
    assert errors.row_dimensions[3].height is None and short_source.alignment.vertical is None


def test_the_about_sheet_labels_its_long_rows_at_their_top_and_its_year_as_text(tmp_path: Path) -> None:
    """Printed, the 说明 sheet's label 读取提示 sat at the bottom of its row, beside the last line of a note
    of several, while the note began at the top; and 上年度's 2025, a number, stood at the far right (kept a
    number, set left: as text, Excel marks it "number stored as text")."""
    src = tmp_path / "名单.csv"
    src.write_text("企业名称,营业收入（2025年）\n甲公司,3000\n", encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    done = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    assert done.exit_code == 0, done.output
    rows = {r[0].value: r for r in load_workbook(out)["说明"].iter_rows(max_col=2) if r[0].value}
    note = rows["读取提示"]
    assert note[1].alignment.vertical == "top" and note[0].alignment.vertical == "top"
    year = rows["上年度"][1]
    assert year.value == 2025 and year.alignment.horizontal == "left"  # a number (as text Excel marks it), set left


def test_the_about_sheet_says_what_each_verdict_means(tmp_path: Path) -> None:
    """The about sheet listed 满足 / 不满足 / 未知 / 待审核 under 结论（按颜色）, its cells uncoloured, and left park
    staff to guess what 未知 and 待审核 ask of them (a park's review): each is said, on a line of its own."""
    out = tmp_path / "评估结果.xlsx"
    done = CliRunner().invoke(app, ["batch", str(park_sheet(tmp_path / "名单.xlsx", 3)), "-o", str(out), "--lang", "zh",
                                    "--as-of", "2026-11-26"], env=ZH)
    assert done.exit_code == 0, done.stderr
    about = {row[0]: row[1] for row in load_workbook(out)["说明"].iter_rows(values_only=True)}
    said = str(about["结论的含义"]).split("\n")
    assert [line.split("：")[0] for line in said] == ["满足", "不满足", "未知", "待审核"]
    assert "缺少数据" in said[2] and "认定机关审核" in said[3]
