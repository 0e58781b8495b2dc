"""Revenue too small for the head count (consistency.SMALL): 万元 typed into a park sheet in 元, the other
way round from 元 typed as 万元. Warned of wherever the amount past any SME's size is (the batch row's
需核对的数据, assess in every format, the plan's head, the interview); never for a real small firm; the
figures stay as read, so the verdicts are those the figures give."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import consistency, rules

runner = CliRunner()
AS_OF = "2026-12-04"
SAID_ZH = ("「营业收入（2025年）」0.8万元，「从业人员（上年末）」100人，人均每年仅80元，远低于正常经营的企业："
           "是否把「万元」当成了「元」，或单位填错了？请核对")
SAID_EN = ("Operating revenue 2025 is 0.8 (10k CNY) for 100 people (Employees at last year end), 80 yuan a year each, "
           "far below any firm in business: were amounts in 10k CNY entered as yuan, or their unit given wrongly? "
           "Please check")
TINY = ("name: 小额公司\nindustry: industrial\nemployees: 100\nfinancials:\n"
        "  2025: {revenue: 0.8, main_revenue: 0.7, rd_expense: 0.04}\n  2024: {revenue: 0.75, rd_expense: 0.038}\n")


def cli(*args: str, lang: str = "zh") -> tuple[int, str]:
    done = runner.invoke(app, [*args, "--as-of", AS_OF, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stdout


def squash(text: str) -> str:
    """The text without the terminal's line breaks and indents."""
    return re.sub(r"\s+", "", text)


def test_a_company_typing_wan_on_a_sheet_in_yuan_is_a_figure_to_check(tmp_path: Path) -> None:
    """A park sheet headed 金额单位：元 where 丙 typed 8000 for 8000万 with 100 staff: its row was 微型 and
    不满足 everywhere with 需核对的数据 empty. Now it says what to check; 甲, in 元 as asked, says nothing."""
    book = Workbook()
    ws = book.active
    ws.append(["补充企业名单"])
    ws.append(["金额单位：元"])
    ws.append(["企业名称", "所属行业", "职工人数", "2025年营业收入", "2025年主营业务收入", "2025年研发费用"])
    ws.append(["甲公司", "制造业", 100, 80000000, 70000000, 4000000])
    ws.append(["丙公司", "制造业", 100, 8000, 7000, 400])
    book.save(tmp_path / "名单.xlsx")
    code, _ = cli("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "结果.xlsx"))
    read = load_workbook(tmp_path / "结果.xlsx", read_only=True)
    head, *rows = read[read.sheetnames[0]].iter_rows(values_only=True)
    by_name = {r[head.index("企业名称")]: dict(zip(head, [*r, *[None] * (len(head) - len(r))], strict=True))
               for r in rows}
    read.close()
    assert code == 0 and by_name["丙公司"]["处理结果"] == "已评估"
    assert by_name["丙公司"]["需核对的数据"] == SAID_ZH
    assert by_name["甲公司"]["需核对的数据"] in (None, "")


def test_assess_warns_in_every_format_and_the_verdicts_stay_those_of_the_figures(tmp_path: Path) -> None:
    """0.8万元 of revenue with 100 staff: a ⚠ in text, markdown, html, the JSON warning (kind small, with the
    head count compared and the least a head), and the checked plan says its figures are doubted; the
    figures are not rescaled, so the tiers fail on them as before."""
    src = tmp_path / "tiny.yaml"
    src.write_text(TINY, encoding="utf-8")
    code, out = cli("assess", str(src), "--format", "json")
    doc = json.loads(out)
    (w,) = doc["warnings"]
    assert code == 0 and w == {"kind": "small", "path": "financials.2025.revenue", "value": 0.8,
                               "compared_with": "employees", "compared_value": 100, "limit": 0.2, "message": SAID_ZH}
    assert doc["sme"]["size"] == "micro"
    assert [doc["tiers"][t]["status"] for t in ("zjtx_sme", "little_giant")] == ["unmet", "unmet"]
    code, text = cli("assess", str(src))
    assert code == 0 and "⚠" + squash(SAID_ZH) in squash(text)
    assert squash("所填金额疑似把「万元」当成了「元」（见上方「请先核对」）：本计划按所填数字验证") in squash(text)
    _, markdown = cli("assess", str(src), "--format", "markdown", lang="en")
    assert SAID_EN in markdown and "amounts look typed in 10k CNY but read as CNY" in markdown
    _, html = cli("assess", str(src), "--format", "html")
    assert "是否把「万元」当成了「元」" in html


# revenue (万元) by year, and the head count at the end of last year (2025) → warned or not
CASES = {
    "micro firm, 5 staff, 50万": ({"financials.2025.revenue": "50"}, "5", False),
    "100 staff, 0.8万": ({"financials.2025.revenue": "0.8"}, "100", True),
    "2,000 元 a head exactly": ({"financials.2025.revenue": "20"}, "100", False),
    "just under 2,000 元 a head": ({"financials.2025.revenue": "19.99"}, "100", True),
    "no revenue yet": ({"financials.2025.revenue": "0"}, "100", False),
    "a loss in revenue": ({"financials.2025.revenue": "-5"}, "100", False),
    "no staff": ({"financials.2025.revenue": "0.8"}, "0", False),
    "staff unknown": ({"financials.2025.revenue": "0.8"}, None, False),
    "a smaller firm the year before": ({"financials.2025.revenue": "5000", "financials.2024.revenue": "1"}, "100", False),
    "last year unknown, the one before tiny": ({"financials.2025.revenue": None, "financials.2024.revenue": "0.8"},
                                               "100", False),
    "this year's part year": ({"financials.2025.revenue": "2500", "financials.2026.revenue": "30"}, "200", False),
    "only an older year, tiny": ({"financials.2023.revenue": "50"}, "300", False),
}


@pytest.mark.parametrize("name", list(CASES))
def test_only_revenue_no_firm_in_business_takes_in_for_its_staff_is_warned_of(name: str) -> None:
    """Below 2,000 元 a head a year of last year's revenue, the year the head count is of; 0 revenue, no
    staff, an earlier year's revenue (when the firm was smaller) or this year's (a part year: 30万 by
    March for 200 staff, which a review saw warned of) is never a unit slip."""
    figures, staff, warned = CASES[name]
    values: dict[str, Any] = {p: None if v is None else Decimal(v) for p, v in figures.items()}
    if staff is not None:
        values["employees"] = Decimal(staff)
    found = [w for w in consistency.unusual_figures(rules.load("miit-2026"), values, last_year=2025)
             if w.kind == consistency.SMALL]
    assert bool(found) == warned


def test_an_amount_read_in_yuan_for_its_yuan_sign_is_asked_about_once() -> None:
    """¥3,000 read as 0.3万元 for 60 staff: its yuan_sign warning already asks whether 万元 was meant, so
    the figure is not asked about twice; the same figure typed plainly is."""
    rs = rules.load("miit-2026")
    values: dict[str, Any] = {"employees": Decimal(60), "financials.2025.revenue": Decimal("0.3")}
    kinds = [w.kind for w in consistency.unusual_figures(rs, values, by_sign={"financials.2025.revenue": "¥3,000"},
                                                         last_year=2025)]
    assert kinds == [consistency.YUAN_SIGN]
    assert [w.kind for w in consistency.unusual_figures(rs, values, last_year=2025)] == [consistency.SMALL]
