"""Revenue too large for the head count (consistency.LARGE_PER_HEAD): a sheet kept in 元 with no unit named, a
company of 12 staff with 900,000 元 of revenue read as 900,000万元 (90亿), under the flat 100亿 limit, so no
word at all while every verdict rested on a figure 10,000 times too large. Warned of wherever revenue too small
for the head count is (assess in every format, the JSON warning, the batch row's 需核对的数据 and the run's
closing note, the plan's head, the interview); never for the shipped examples; the figures stay as read."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.conftest import EXAMPLES
from tests.test_cli_interactive import Session
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import consistency, rules

runner = CliRunner()
AS_OF = "2026-12-04"
SAID_ZH = ("「营业收入（2025年）」900,000万元，「从业人员（上年末）」12人，人均每年7.5亿元，远高于正常经营的企业："
           "是否把「元」当成了「万元」，或单位填错了？请核对")
SAID_EN = ("Operating revenue 2025 is 900,000 (10k CNY) for 12 people (Employees at last year end), 750 million yuan "
           "a year each, far above any firm in business: were amounts in yuan entered as 10k CNY, or their unit given "
           "wrongly? Please check")
IN_YUAN = ("name: 元表公司\nindustry: wholesale\nemployees: 12\nfinancials:\n"
           "  2025: {revenue: 900000, main_revenue: 850000, rd_expense: 20000}\n  2024: {revenue: 800000, rd_expense: 18000}\n")
LARGE_ZH = ("littlegiant 提示：有 {n} 行的金额远超中小企业规模或按从业人数算高得不合常理（见“需核对的数据”列），多半是按元填写、"
            "被当作万元读取了，这些行的结论不可靠。如金额以元为单位，请在标题行写明“金额单位：元”（或在列名中写“元”）后重新运行")


def cli(*args: str, lang: str = "zh") -> tuple[int, str, str]:
    done = runner.invoke(app, [*args, "--as-of", AS_OF, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stdout, done.stderr


def squash(text: str) -> str:
    """The text without the terminal's line breaks and indents."""
    return re.sub(r"\s+", "", text)


def test_a_small_firm_whose_sheet_is_in_yuan_is_warned_in_every_format(tmp_path: Path) -> None:
    """12 staff and 900,000 (元 meant, 万元 read): a ⚠ in the zh text naming revenue, head count and the amount a
    head, the JSON warning (kind large_per_head, the head count compared, the most a head as its limit), English,
    markdown and html alike, and the plan's head says its amounts look typed in 元; the figures are not rescaled."""
    src = tmp_path / "yuan.yaml"
    src.write_text(IN_YUAN, encoding="utf-8")
    code, out, _ = cli("assess", str(src), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["warnings"] == [
        {"kind": "large_per_head", "path": "financials.2025.revenue", "value": 900000, "compared_with": "employees",
         "compared_value": 12, "limit": 10000, "message": SAID_ZH}]
    assert doc["tiers"]["zjtx_sme"]["status"] == "unmet"  # judged on the figures as read
    code, text, _ = cli("assess", str(src))
    assert code == 0 and "⚠" + squash(SAID_ZH) in squash(text)
    assert squash("所填金额疑似把「元」当成了「万元」（见上方「请先核对」）：本计划按所填数字验证") in squash(text)
    _, markdown, _ = cli("assess", str(src), "--format", "markdown", lang="en")
    assert SAID_EN in markdown and "amounts look typed in CNY rather than 10k CNY" in markdown
    _, html, _ = cli("assess", str(src), "--format", "html")
    assert "人均每年7.5亿元，远高于正常经营的企业" in html


# last year's revenue (万元) and the head count at its end → warned or not
CASES = {
    "the park user's sheet: 12 staff, 900,000": ("900000", "12", True),
    "1亿 a head exactly (the bound itself is no warning)": ("120000", "12", False),
    "just above 1亿 a head": ("120000.01", "12", True),
    "a real trading firm, 30 staff, 30亿": ("300000", "30", False),
    "past 100亿 too: the flat limit's warning asks it once": ("1200000", "12", False),
    "no staff": ("900000", "0", False),
    "staff unknown": ("900000", None, False),
}


@pytest.mark.parametrize("name", list(CASES))
def test_only_revenue_past_1yi_a_head_and_under_the_flat_limit_is_warned_of(name: str) -> None:
    """Above 10,000万元 (1亿) a head of last year's revenue, strictly: exactly 1亿 a head is not warned of;
    revenue past 100亿 is asked about by its own warning (large), not twice; no head count, nothing to divide by."""
    revenue, staff, warned = CASES[name]
    values: dict[str, Any] = {"financials.2025.revenue": Decimal(revenue)}
    if staff is not None:
        values["employees"] = Decimal(staff)
    found = consistency.unusual_figures(rules.load("miit-2026"), values, last_year=2025)
    assert [w.kind for w in found if w.kind == consistency.LARGE_PER_HEAD] == (["large_per_head"] if warned else [])
    if name.startswith("past 100亿"):
        assert [w.kind for w in found] == [consistency.LARGE]


def test_an_earlier_year_or_a_yuan_sign_is_not_held_to_the_head_count() -> None:
    """Only last year's revenue is held to the head count (an earlier year's firm was another size); an amount
    read in 元 for ¥ alone is asked about by its yuan_sign warning."""
    rs = rules.load("miit-2026")
    values: dict[str, Any] = {"employees": Decimal(12), "financials.2024.revenue": Decimal(900000),
                              "financials.2025.revenue": Decimal(1000)}
    assert not consistency.unusual_figures(rs, values, last_year=2025)
    values = {"employees": Decimal(12), "financials.2025.revenue": Decimal(900000)}
    kinds = [w.kind for w in consistency.unusual_figures(rs, values, by_sign={"financials.2025.revenue": "¥9e9"},
                                                         last_year=2025)]
    assert kinds == [consistency.YUAN_SIGN]


HEADER = ["序号", "企业名称", "所属行业", "从业人员", "营业收入（2025年）", "主营业务收入（2025年）", "研发费用（2025年）",
          "营业收入（2024年）"]


def test_a_batch_row_kept_in_yuan_is_a_figure_to_check_and_counted_at_the_end(tmp_path: Path) -> None:
    """A park CSV in 元 with no unit named: the 12-staff row (900,000元) has the sentence in 需核对的数据 and the
    run ends saying one row looks kept in the wrong unit; the 300-staff row in 万元 says nothing."""
    src = tmp_path / "名单.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as out:
        w = csv.writer(out)
        w.writerow(HEADER)
        w.writerow([1, "甲公司", "批发业", 12, 900000, 850000, 20000, 800000])
        w.writerow([2, "乙公司", "工业", 300, 30000, 28000, 1500, 26000])
    code, _, err = cli("batch", str(src), "-o", str(tmp_path / "结果.xlsx"), "-q")
    assert code == 0 and err.splitlines()[-1] == LARGE_ZH.format(n=1), err
    book = load_workbook(tmp_path / "结果.xlsx", read_only=True)
    head, *rows = book[book.sheetnames[0]].iter_rows(values_only=True)
    book.close()
    checks = {r[head.index("企业名称")]: [*r, *[None] * len(head)][head.index("需核对的数据")] for r in rows}
    assert checks["甲公司"] == SAID_ZH
    assert checks["乙公司"] in (None, "")


@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026"])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_no_shipped_example_is_warned_of(example: str, rule_id: str) -> None:
    """Every shipped example, under either rule set: no revenue too large for its head count."""
    code, out, _ = cli("assess", str(EXAMPLES / example), "--rules", rule_id, "--format", "json")
    assert code == 0 and not [w for w in json.loads(out)["warnings"] if w["kind"] == "large_per_head"]


def test_the_interview_asks_at_the_revenue_and_at_the_staff(tmp_path: Path) -> None:
    """900,000 typed for revenue with 12 staff given is questioned at once, in zh and en; and 12 typed for the
    staff after that revenue is questioned alike, not as one figure above the other."""
    s = Session(["assess", "--as-of", AS_OF, "--lang", "zh", "--set", "employees=12", "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    assert s.until_prompt() is not None
    said = " ".join(s.reply("900000").split())
    assert "营业收入（2025年）900,000万元，从业人员（上年末）12人，人均每年7.5亿元，是否把「元」当成了「万元」？" in said, said
    s.finish()
    s = Session(["assess", "--as-of", AS_OF, "--lang", "en", "--set", "employees=12", "--save", "b.yaml"], tmp_path)
    s.answers("Acme")
    assert s.until_prompt() is not None
    said = " ".join(s.reply("900000").split())
    assert ("Operating revenue 2025 of 900,000 (10k CNY) for 12 people (Employees at last year end) is 750 million "
            "yuan a year each: was an amount in yuan entered as 10k CNY?") in said, said
    s.finish()
    s = Session(["assess", "--as-of", AS_OF, "--lang", "zh", "--set", "financials.2025.revenue=900000",
                 "--save", "c.yaml"], tmp_path)
    s.answers("某公司")
    # 工业 for the industry, whose size test asks the staff
    s.unknown_until("从业人员（上年末）（人）", 60, besides={"行业（《中小企业划型标准规定》）": "工业"})
    said = " ".join(s.reply("12").split())
    assert "从业人员（上年末）12人，人均每年7.5亿元，是否把「元」当成了「万元」？" in said and "高于" not in said, said
    s.finish()
