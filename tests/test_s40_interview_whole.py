"""A part answered as all of its whole (「营业收入3,200万元，其中主营业务收入？」— 全部都是主营, 和营业收入一样, 同上), as an
owner with no other business answers it: each was refused as no amount. It is the whole's answer, said back
(with its 约 where the whole was rough); a word of none (都不是, 全部没有) is never read so."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from tests.test_cli_interactive import Session

from littlegiant.core.interview import Interview, Question
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.profile import field_for_path


def test_all_of_revenue_is_said_back_and_saved_as_the_revenue(tmp_path: Path) -> None:
    s = Session(["assess", "--as-of", "2026-12-05", "--lang", "zh", "--save", "a.yaml"], tmp_path)
    s.answers("某软件公司")
    s.until_prompt()
    s.reply("约3200万")
    s.reply("300")
    asked = s.reply("市级")
    assert "营业收入（2025年）约3,200万元，其中主营业务收入" in asked, asked
    said = s.reply("全部都是主营")
    assert "→ 全部都是主营 = 约3,200万元" in said, said
    code, _ = s.finish()
    assert code == 130
    assert "main_revenue: 约3200\n" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def part(known: dict[str, int], path: str, typed: str) -> Decimal | None:
    iv = Interview(rules.load("miit-2026"), date(2026, 12, 5))
    for p, v in known.items():
        iv.record(p, Decimal(v))
    f = field_for_path(iv.rules, path)
    value, said = iv.parse(Question(path, f, 2025 if "2025" in path else None), typed)
    assert said is not None
    return value  # type: ignore[return-value]


@pytest.mark.parametrize(("known", "path", "typed", "value"), [
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "和营业收入一样", 3200),
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "同上", 3200),
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "等于营业收入", 3200),
    ({"ip.class1": 12}, "ip.class1_self_developed", "都是自主研发的", 12),
    ({"employees": 80}, "rd_staff", "全部", 80),
    ({"ip.class1": 5}, "ip.class1_applied", "都用上了", 5),
])
def test_a_part_said_as_its_whole_is_the_whole(known: dict[str, int], path: str, typed: str, value: int) -> None:
    assert part(known, path, typed) == value


@pytest.mark.parametrize(("known", "path", "typed"), [
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "都不是"),
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "全部没有"),
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "都忘了"),  # forgotten, not all
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "全年"),
    ({"financials.2025.revenue": 3200}, "financials.2025.main_revenue", "和研发费用一样"),  # another figure's name
    ({}, "financials.2025.main_revenue", "全部都是主营"),  # the whole not answered: nothing to take
    ({"financials.2025.revenue": 3200}, "financials.2025.revenue", "同上"),  # no part
])
def test_no_whole_or_a_word_of_none_is_refused(known: dict[str, int], path: str, typed: str) -> None:
    with pytest.raises(InputError):
        part(known, path, typed)
