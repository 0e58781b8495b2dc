"""The sheet a park sends its companies (``init x.xlsx``, ``init --csv``): what it asks for, what it
tells the person filling it in, what Excel lets them type, and that it reads back through batch."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2026-11-26"
runner = CliRunner()

UNREAD = ["净利润（2024年）", "净利润（2023年）", "资产总额（2024年末）", "资产总额（2023年末）",
          "负债总额（2024年末）", "负债总额（2023年末）", "成本费用支出总额（2024年）", "成本费用支出总额（2023年）",
          "研发费用（2023年）"]
"""Columns no rule of miit-2022 or miit-2026 reads (nor a consistency check of a year a rule reads)."""
READ = ["净利润（2025年）", "资产总额（2025年末）", "负债总额（2025年末）", "成本费用支出总额（2025年）",
        "研发费用（2025年）", "研发费用（2024年）", "营业收入（2023年）", "主营业务收入（2023年）",
        "新增股权融资（合格机构投资者实缴额）（2023年）"]
"""Columns of those fields some rule reads: 2022's 净利率 and 主营业务收入 growth, 2026's 资产总额 and 研发费用占比
of 成本费用, 营业收入 growth, three years of equity financing."""


def init(tmp_path: Path, name: str, *args: str) -> Path:
    path = tmp_path / name
    result = runner.invoke(app, ["init", str(path), "--lang", "zh", "--as-of", AS_OF, *args])
    assert result.exit_code == 0, result.output
    return path


def xlsx_header(path: Path) -> list[str]:
    ws = load_workbook(path)["企业名单"]
    return [c.value for c in ws[1]]


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.mark.parametrize("rules", ["miit-2026", "miit-2022"])
def test_the_template_asks_only_for_years_a_rule_reads(tmp_path: Path, rules: str) -> None:
    """The .xlsx and the .csv leave out the years no shipped set reads, under either set (a renewal's
    calendar may judge under the other), and keep every year some rule reads."""
    header = xlsx_header(init(tmp_path, "t.xlsx", "--rules", rules))
    labels = csv_rows(init(tmp_path, "t.csv", "--rules", rules))[0]
    assert header == labels
    assert [c for c in UNREAD if c in header] == []
    assert [c for c in READ if c not in header] == []
    ids = csv_rows(init(tmp_path, "ids.csv", "--rules", rules, "--columns", "ids"))[0]
    assert "financials.2024.net_profit" not in ids and "financials.2025.total_costs" in ids


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_excel_warns_of_a_cell_batch_reads_rather_than_refusing_it(tmp_path: Path, lang: str) -> None:
    """Every check of the companies sheet is a warning the filler can pass (800万, 约200, 制造业 are read by
    batch), whose message says to leave an unknown blank; Excel's messages hold at most 225 characters."""
    path = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["init", str(path), "--lang", lang, "--as-of", AS_OF]).exit_code == 0
    ws = load_workbook(path)["企业名单" if lang == "zh" else "Companies"]
    rules = ws.data_validations.dataValidation
    assert {dv.type for dv in rules} == {"list", "whole", "decimal"}
    for dv in rules:
        assert (dv.errorStyle, dv.showErrorMessage, dv.allow_blank) == ("warning", True, True)
        assert ("留空" if lang == "zh" else "blank") in dv.error and len(dv.error) <= 225
    numbers = [dv for dv in rules if dv.type != "list"]
    assert numbers and all(("不要填 0" if lang == "zh" else "never 0") in dv.error for dv in numbers)


def fill(path: Path, rows: list[dict[str, object]]) -> None:
    """Type ``rows`` (by column label) into the companies sheet of an .xlsx template, from row 3."""
    book = load_workbook(path)
    ws = book["企业名单"]
    header = [c.value for c in ws[1]]
    for number, row in enumerate(rows, start=3):
        for label, value in row.items():
            ws.cell(row=number, column=header.index(label) + 1, value=value)
    book.save(path)


COMPANIES: list[dict[str, object]] = [
    {"企业名称": "苏州恒锐精密机械有限公司", "行业（《中小企业划型标准规定》）": "工业", "从业人员（上年末）": 260,
     "研发人员人数": 58, "在中华人民共和国境内工商注册登记、具有独立法人资格": "是", "营业收入（2025年）": 12000,
     "营业收入（2024年）": 10500, "研发费用（2025年）": 650, "研发费用（2024年）": 560, "净利润（2025年）": 900,
     "经认定的研发机构的最高级别": "省级（省部级）", "本年度专精特新发展评价得分（官方平台）": 72},
    {"企业名称": "无锡博远电子科技有限公司", "行业（《中小企业划型标准规定》）": "制造业", "从业人员（上年末）": 85,
     "营业收入（2025年）": "约3000", "研发费用（2025年）": "180万", "研发费用（2024年）": "不知道"},
]
"""Two companies as finance managers fill them in: one from the drop-downs, one in its own words."""


def test_the_xlsx_template_opens_on_how_to_fill_it_in(tmp_path: Path) -> None:
    """The first sheet, open on arrival, says the rules every column shares (blank for unknown, never 0;
    万元; 是/否; the platform's score) and each column's help as the YAML template says it, with the
    terms it uses (utility models are no Ⅰ类), protected so that nothing is typed there; each label
    carries its help as a comment; row 2 says the rule too."""
    book = load_workbook(init(tmp_path, "t.xlsx"))
    assert book.sheetnames[:2] == ["填写说明", "企业名单"] and book.active.title == "填写说明"
    assert book["填写说明"].protection.sheet and not book["企业名单"].protection.sheet  # typed into the list only
    guide = "\n".join(str(v) for row in book["填写说明"].iter_rows(values_only=True) for v in row if v)
    for said in ("不知道的请留空，不要填 0", "万元", "「是」或「否」", "优质中小企业梯度培育平台",
                 "全年累计工作183天以上", "营业成本、税金及附加、销售费用、管理费用、研发费用、财务费用之和",
                 "填2025年直接从事研发", "实用新型、外观设计、软件著作权不算"):
        assert said in guide, said
    ws = book["企业名单"]
    header = [c.value for c in ws[1]]
    tech = ws.cell(row=1, column=header.index("科技人员人数") + 1)
    assert tech.comment is not None and "183天" in tech.comment.text
    assert ws["A2"].value == "填写说明（本行不计入）：不知道的请留空，不要填 0"


def test_a_filled_xlsx_template_reads_back_as_before(tmp_path: Path) -> None:
    """Filled in, the template goes through batch: both companies scored, the guide sheet passed over
    without a word (the one line on stderr is the summary), the notes row not a company."""
    path = init(tmp_path, "t.xlsx")
    fill(path, COMPANIES)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["batch", str(path), "-o", str(out), "--as-of", AS_OF, "--lang", "zh",
                                 "--columns", "ids"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines() == [f"共读取 2 行，已评估 2 行，出错 0 行 → {out}"]
    rows = csv_rows(out)
    assert [r[rows[0].index("name")] for r in rows[1:]] == [c["企业名称"] for c in COMPANIES]


def test_the_csv_template_says_each_columns_help_in_its_notes_row(tmp_path: Path) -> None:
    """A .csv holds no guide sheet nor comments: its notes row says the rule and each column's help
    after its unit; filled in below the sample row, it reads back with the notes row not a company."""
    path = init(tmp_path, "t.csv")
    header, notes, _sample = csv_rows(path)
    assert notes[0] == "填写说明（本行不计入）：不知道的请留空，不要填 0"
    assert notes[header.index("科技人员人数")].startswith("人；填2025年科技人员数（全年累计工作183天以上）")
    assert "营业成本" in notes[header.index("成本费用支出总额（2025年）")]
    company = dict.fromkeys(header, "") | {"企业名称": "甲精密部件有限公司", "行业（《中小企业划型标准规定》）": "工业",
                                           "从业人员（上年末）": "120", "营业收入（2025年）": "5000"}
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerow(company.values())
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["batch", str(path), "-o", str(out), "--as-of", AS_OF, "--lang", "zh"])
    assert result.exit_code == 0 and "共读取 1 行，已评估 1 行，出错 0 行" in result.stderr, result.stderr


def lines_needed(text: str, width: float) -> int:
    """How many lines a wrapped cell of ``width`` needs for ``text`` at its widest (a Chinese character
    two of Excel's width units, two units of the width lost to the cell's margins)."""
    units = [sum(2 if ord(ch) > 0x2E7F else 1 for ch in part) for part in text.split("\n")]
    return sum(max(1, -(-u // (int(width) - 2))) for u in units)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_label_note_and_guide_line_is_shown_whole(tmp_path: Path, lang: str) -> None:
    """Each label of row 1 and note of row 2 wraps within its column and its row is tall enough for
    it: the red line's 54-character label ended mid-word in a row 48 points high, the industries under
    行业 were cut. The guide's lines are shown whole too."""
    path = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["init", str(path), "--lang", lang, "--as-of", AS_OF]).exit_code == 0
    book = load_workbook(path)
    ws = book["企业名单" if lang == "zh" else "Companies"]
    for row in (1, 2):
        height = ws.row_dimensions[row].height
        for cell in ws[row]:
            width = ws.column_dimensions[cell.column_letter].width
            assert cell.alignment.wrap_text, cell.coordinate
            assert lines_needed(str(cell.value), width) * 15 <= height, (cell.coordinate, cell.value, width, height)
    guide = book.worksheets[0]
    merged = {r.min_row: r for r in guide.merged_cells.ranges}
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            if not cell.value or cell.__class__.__name__ == "MergedCell":
                continue
            span = merged.get(cell.row)
            letters = ("A", "B", "C") if span is not None and span.min_col == cell.column == 1 else \
                ("B", "C") if span is not None and cell.column == 2 else (cell.column_letter,)
            width = sum(guide.column_dimensions[x].width for x in letters)
            height = guide.row_dimensions[cell.row].height or 15  # a row left as it is shows one line
            assert lines_needed(str(cell.value), width) * 15 <= height, (cell.coordinate, cell.value)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_guide_does_not_ask_for_whole_years(tmp_path: Path, lang: str) -> None:
    """The guide said 「人数、项数、年限填整数」 while the niche-years column takes 3.5 (review, session 30): a
    company at 2.6 years told to write a whole number may write 3 and pass the 3-year test. It says years
    may have decimals."""
    book = tmp_path / "t.xlsx"
    assert CliRunner().invoke(app, ["init", str(book), "--lang", lang]).exit_code == 0
    text = " ".join(str(c.value) for row in load_workbook(book).worksheets[0].iter_rows() for c in row
                    if c.value is not None)
    assert ("年限可填小数" in text) if lang == "zh" else ("years may have decimals" in text), text[:300]
    assert "年限填整数" not in text and "years as whole numbers" not in text
