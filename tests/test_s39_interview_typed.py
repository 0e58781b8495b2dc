"""Answers typed the way owners and finance managers type them, at the real interview (``littlegiant
assess`` with no file, on pipes): what the interview says back or asks, and what it saves.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_cli_interactive import Session

from littlegiant.core.interview import Interview, Question
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.profile import field_for_path

AS_OF = ["--as-of", "2026-12-05"]  # last year 2025
REVENUE = "营业收入（2025年）（万元）"


def started(tmp_path: Path, lang: str = "zh") -> Session:
    """The interview under way, the company's name answered; the next question is 2025's revenue."""
    s = Session(["assess", *AS_OF, "--lang", lang, "--save", "a.yaml"], tmp_path)
    s.answers("某公司" if lang == "zh" else "Acme")
    return s


def saved_text(s: Session, tmp_path: Path) -> str:
    """End the input (exit 130, as Ctrl-C) and give the answers file as written."""
    code, _ = s.finish()
    assert code == 130, s.transcript
    return (tmp_path / "a.yaml").read_text(encoding="utf-8")


def question(path: str) -> tuple[Interview, Question]:
    iv = Interview(rules.load("miit-2026"), date(2026, 12, 5))
    f = field_for_path(iv.rules, path)
    return iv, Question(path, f, 2025 if "2025" in path else None)


def test_8_000_for_revenue_is_asked_about_not_saved_as_8(tmp_path: Path) -> None:
    """8.000 (8000 with a point grouping thousands, as much of Europe writes it) was saved as 8万元 without
    a word: revenue a thousandth of the books. The interview names both readings and saves nothing."""
    s = started(tmp_path)
    assert REVENUE in (s.until_prompt() or "")
    said = s.reply("8.000")
    assert "“8.000”看不出是多少" in said and "请写成 8000 或 8" in said, said
    assert "revenue" not in saved_text(s, tmp_path)


def test_dotted_amount_with_a_unit_names_both_readings_in_english(tmp_path: Path) -> None:
    s = started(tmp_path, "en")
    s.until_prompt()
    said = s.reply("8.000万")
    assert "'8.000万' is ambiguous" in said and "write 8000万 or 8万" in said, said
    said = s.reply("8000万")
    assert "R&D expense" in said, said
    assert "    revenue: 8000\n" in saved_text(s, tmp_path)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999), st.integers(0, 99), st.sampled_from(["", "万", "万元", "元", "约"]))
def test_three_decimals_ending_in_0_are_never_read_as_a_decimal(head: int, tens: int, unit: str) -> None:
    """Any amount with three decimals ending in 0 (1.000, 12.500, 999.990万) is asked about, never read."""
    iv, q = question("financials.2025.revenue")
    typed = f"约{head}.{tens:02d}0" if unit == "约" else f"{head}.{tens:02d}0{unit}"
    with pytest.raises(InputError) as refused:
        iv.parse(q, typed)
    assert refused.value.kind == "value.dot_grouping"


@pytest.mark.parametrize(("typed", "value"), [("8.125", "8.125"), ("8.5", "8.5"), ("8000.000", "8000"),
                                              ("8,000", "8000"), ("0.8亿", "8000")])
def test_a_decimal_that_groups_nothing_is_read_as_before(typed: str, value: str) -> None:
    iv, q = question("financials.2025.revenue")
    assert iv.parse(q, typed)[0] == Decimal(value)
