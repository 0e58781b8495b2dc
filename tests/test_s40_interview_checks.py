"""The figure checks the report warns of afterwards (consistency's SHARE: R&D over half of revenue from
5,000万 up, main-business revenue under a tenth of revenue, year-end assets under 2% of it, 成本费用支出总额
under a fifth of it), asked at the interview's answer that completes the pair, once, as a debt ratio
typed as its percent is: the finance manager answered 11,280 for R&D beside 12,000 of revenue and was
told only in the report, long after leaving the figure.
"""

from __future__ import annotations

import io
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pexpect
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_cli_interactive import ENV, Session, pty_prompt

from littlegiant.cli.interactive import Asker, Terminal
from littlegiant.core.interview import Interview, Question
from littlegiant.load import profile, rules

AS_OF = ["--as-of", "2026-12-05"]  # last year 2025
Y = "financials.2025."


def started(tmp_path: Path) -> Session:
    s = Session(["assess", *AS_OF, "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    return s


def test_rd_over_half_of_revenue_is_asked_at_the_rd_answer_and_a_no_asks_it_again(tmp_path: Path) -> None:
    s = started(tmp_path)
    assert "营业收入（2025年）" in (s.until_prompt() or "")
    assert "研发费用（2025年）" in s.reply("12000")
    asked = s.reply("11280")
    assert "研发费用（2025年）11,280万元，占营业收入（2025年）12,000万元的94%，超过50%，这很少见" in asked, asked
    assert "确认无误吗？[是/否]" in asked
    again = s.reply("否")
    assert "请重新回答：研发费用（2025年）（万元）？" in again, again
    nxt = s.reply("650")
    assert "主营业务收入" in nxt and "50%" not in nxt, nxt
    assert s.saved(tmp_path / "a.yaml")[Y + "rd_expense"] == 650


def test_main_revenue_under_a_tenth_is_asked_once_and_saved_when_confirmed(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    s.reply("12000")
    assert "主营业务收入" in s.reply("650")
    asked = s.reply("1100")
    assert "主营业务收入（2025年）1,100万元，只占营业收入（2025年）12,000万元的9.17%，不到10%，这很少见" in asked, asked
    nxt = s.reply("是")
    assert "不到10%" not in nxt and "主营业务收入" not in nxt.split("\n", 2)[-1], nxt
    values = s.saved(tmp_path / "a.yaml")
    assert values[Y + "main_revenue"] == 1100
    assert s.transcript.count("不到10%") == 1  # once, at the answer that completed the pair


def test_assets_under_two_percent_of_revenue_are_asked_with_the_days_of_sales(tmp_path: Path) -> None:
    s = started(tmp_path)
    s.until_prompt()
    s.send("8000")
    s.unknown_until("资产总额（2025年末）")
    asked = s.reply("30")
    assert "资产总额（2025年末）30万元，只有营业收入（2025年）8,000万元的0.38%（一般不少于2%，即约7天的营业收入）" in asked, asked
    assert "是否少写了位数或单位填错了？确认无误吗？" in asked
    s.reply("否")
    s.reply("3000")
    assert s.saved(tmp_path / "a.yaml")[Y + "total_assets"] == 3000


def asked_of(known: dict[str, int], path: str, typed: str) -> tuple[str, Interview]:
    """What the interview says when ``typed`` answers ``path`` after ``known`` (then 是 to any check)."""
    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 12, 5))
    for p, v in known.items():
        iv.record(p, Decimal(v))
    out = io.StringIO()
    asker = Asker(iv, Terminal(io.StringIO(f"{typed}\n是\n"), out), "zh")
    f = profile.field_for_path(rs, path)
    assert asker.ask(Question(path, f, 2025), "第 9 题") is None
    return out.getvalue(), iv


def test_costs_under_a_fifth_of_revenue_are_asked_at_the_costs() -> None:
    said, iv = asked_of({Y + "revenue": 12000}, Y + "total_costs", "600")
    assert "成本费用支出总额（2025年）600万元，只占营业收入（2025年）12,000万元的5%，不到20%，这很少见" in said, said
    assert iv.values[Y + "total_costs"] == 600


def test_costs_under_rd_are_asked_at_the_costs() -> None:
    said, _ = asked_of({Y + "rd_expense": 650}, Y + "total_costs", "600")
    assert "成本费用支出总额（2025年）600万元，低于已填的研发费用（2025年）650万元" in said, said


def test_revenue_answered_after_rd_asks_the_pair_at_the_revenue() -> None:
    """Gone back to revenue (or changed from the list), the answer completing the pair is the revenue's."""
    said, _ = asked_of({Y + "rd_expense": 11280}, Y + "revenue", "12000")
    assert "研发费用（2025年）11,280万元，占营业收入（2025年）12,000万元的94%" in said, said


def test_net_profit_above_revenue_is_asked() -> None:
    said, _ = asked_of({Y + "revenue": 12000}, Y + "net_profit", "13000")
    assert "净利润（2025年）13,000万元，高于营业收入（2025年）12,000万元，这很少见" in said, said


def test_rd_over_half_of_a_small_revenue_is_not_asked() -> None:
    """Under 5,000万 of revenue an R&D-heavy firm is what it says: no question (consistency.SHARE_MOST)."""
    said, _ = asked_of({Y + "revenue": 4000}, Y + "rd_expense", "3000")
    assert "!" not in said and "确认" not in said, said


@settings(max_examples=40, deadline=None)
@given(st.integers(5000, 10**6), st.integers(501, 1000))
def test_rd_over_half_is_asked_exactly_once_at_either_answer(revenue: int, permille: int) -> None:
    rd = revenue * permille // 1000
    if rd * 2 <= revenue:  # rounding down may land on half itself
        rd += 1
    for known, path, typed in (({Y + "revenue": revenue}, Y + "rd_expense", rd),
                               ({Y + "rd_expense": rd}, Y + "revenue", revenue)):
        said, iv = asked_of(known, path, str(typed))
        assert said.count("超过50%") == 1, said
        assert iv.values[path] == typed


def test_the_check_reads_in_an_80_column_terminal(tmp_path: Path) -> None:
    """In a real terminal: the question is put whole, wrapped, and 否 puts the figure's question again."""
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "assess", *AS_OF, "--lang", "zh", "--save", "t.yaml"],
                          cwd=str(tmp_path), env={**ENV, "COLUMNS": "80"}, encoding="utf-8", timeout=30,
                          dimensions=(50, 80))

    def prompt() -> str:
        return re.sub(r"\s*\r\n\s*", "", pty_prompt(child))  # wrapped at 80 columns: read joined

    prompt()
    child.sendline("某公司")
    prompt()
    child.sendline("1.2个亿")
    prompt()
    child.sendline("650万")
    prompt()
    child.sendline("1100")
    asked = prompt()
    assert "主营业务收入（2025年）1,100万元，只占营业收入（2025年）12,000万元的9.17%，不到10%，这很少见" in asked, asked
    child.sendline("不是")
    assert "好的，请重新回答：营业收入（2025年）12,000万元，其中主营业务收入（万元）？" in prompt()
    child.sendline("11000")
    assert "行业" in prompt()
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    saved = (tmp_path / "t.yaml").read_text(encoding="utf-8")
    assert "main_revenue: 11000\n" in saved and "rd_expense: 650\n" in saved


def test_the_same_figure_typed_after_no_stands_when_the_earlier_answer_is_the_slip() -> None:
    """R&D 2024 typed as 2.1亿 (the revenue, a slip), then revenue 2.3亿: the check at the revenue, answered 否,
    asked the revenue again, and the same 2.3亿 met the same check: the only way on was to confirm a pair the
    finance manager knew wrong. Now the re-ask names the earlier answer, and the figure typed again stands."""
    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 12, 5))
    iv.record("financials.2024.rd_expense", Decimal(21000))
    out = io.StringIO()
    asker = Asker(iv, Terminal(io.StringIO("2.3亿\n否\n2.3亿\n"), out), "zh")
    path = "financials.2024.revenue"
    assert asker.ask(Question(path, profile.field_for_path(rs, path), 2024), "第 9 题") is None
    said = out.getvalue()
    assert said.count("超过50%") == 1, said
    assert "如果填错的是之前的研发费用（2024年）21,000万元：本题照实再填一次即可，不再询问；之后在汇总里修改那一项" in said, said
    assert iv.values[path] == 23000
