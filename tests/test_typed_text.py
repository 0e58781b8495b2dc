"""Typed text reads the same through every door: a sheet's cell, ``--set``, a profile file's text
and the interview's answer. One parser (load/answers.py) makes this so; these properties would catch
a second one creeping back in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from littlegiant.core.interview import Interview, Question
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.answers import NO, UNKNOWN, YES, normalise
from littlegiant.load.profile import Profile, apply_sets, field_for_path, from_data, year_in_path
from littlegiant.load.tabular import row_profile

RS = rules.load("miit-2026")
AS_OF = date(2026, 6, 1)
PATHS = ["financials.2025.revenue", "financials.2025.net_profit", "employees", "market.domestic_share",
         "registered_in_china", "industry", "niche_years", "digital_level"]


def _nested(path: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    node = out
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return out


def _outcome(read: Any) -> tuple[str, Any]:
    """('ok', value) or ('refused', '') for one door, so that the doors can be compared."""
    try:
        return "ok", read()
    except InputError:
        return "refused", ""


def doors(path: str, text: str) -> dict[str, tuple[str, Any]]:
    """What each way in makes of ``text`` typed for ``path``: the value, or a refusal."""
    f = field_for_path(RS, path)
    out = {
        "cell": _outcome(lambda: row_profile({path: text}, RS, "t").values.get(path)),
        "set": _outcome(lambda: apply_sets(Profile({}), RS, [f"{path}={text}"]).values.get(path)),
        "interview": _outcome(lambda: Interview(RS, AS_OF).parse(Question(path, f, year_in_path(f, path)), text)[0]),
    }
    if normalise(text).lower() not in UNKNOWN:  # a file's "" is text, not its null
        out["file"] = _outcome(lambda: from_data(_nested(path, text), RS, "p.yaml").values.get(path))
    return out


_digits = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)


@st.composite
def amounts(draw: st.DrawFn) -> str:
    """An amount as people type it: separators, full-width digits, a unit, a sign, spaces."""
    value = draw(_digits)
    text = f"{value:,}" if draw(st.booleans()) else str(value)
    if draw(st.booleans()):
        text = text.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))
    unit = draw(st.sampled_from(["", "亿", "亿元", "万", "万元", "千万", "百万元", "千元", "元", "%", "人", "名",
                                 " million", "m", "k", " CNY", " yuan", "M RMB", " (10k CNY)"]))
    sign = draw(st.sampled_from(["", "", "-", "−", "+"]))
    pad = draw(st.sampled_from(["", " ", "\t"]))
    return f"{pad}{sign}{text}{unit}{pad}"


words = st.sampled_from(sorted(YES | NO | {"也许", "maybe", "TRUE", "Yes", "是 ", "工业", "industrial", "Industry",
                                           "1", "2", "17", "(120)", "(120万)", "第3名", "1.2E+07", "1e999999999",
                                           "NaN", "Infinity", "0.8亿亿", "八千万", "", "null", "~", " ", "不知道",
                                           "don't know", "不知道吗"}))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATHS), st.one_of(amounts(), words, st.text(max_size=8)))
def test_every_door_reads_typed_text_alike(path: str, text: str) -> None:
    """A cell, --set, a profile file's text and an interview answer give the same value, or all refuse
    (a choice's number aside, which only the interview lists)."""
    f = field_for_path(RS, path)
    if f.type == "choice" and text.strip().isdigit():
        return  # the interview numbers its choices on the screen; a sheet's stray 1 must not pick one
    seen = doors(path, text)
    assert len(set(seen.values())) == 1, seen


@pytest.mark.parametrize(("path", "text", "value"), [
    ("financials.2025.revenue", "0.8亿", Decimal(8000)),
    ("financials.2025.revenue", "80,000,000元", Decimal(8000)),
    ("financials.2025.revenue", "８，０００万元", Decimal(8000)),
    ("financials.2025.revenue", "1.2E+03", Decimal(1200)),
    ("financials.2025.net_profit", "(120)", Decimal(-120)),
    ("financials.2025.net_profit", "−500万", Decimal(-500)),
    ("employees", "120人", Decimal(120)),
    ("market.domestic_share", "12.5%", Decimal("12.5")),
    ("registered_in_china", "有", True),
    ("registered_in_china", "没有", False),
    ("registered_in_china", "TRUE", True),
    ("industry", "工业", "industrial"),
    ("financials.2025.revenue", "", None),
    ("financials.2025.revenue", "80 million", Decimal(8000)),
    ("financials.2025.revenue", "3,200,000 CNY", Decimal(320)),
    ("financials.2025.revenue", "3200000 yuan", Decimal(320)),
    ("financials.2025.revenue", "RMB 3.2m", Decimal(320)),
    ("financials.2025.revenue", "¥12,000", Decimal(12000)),  # Excel's currency format of a 万元 cell: no unit
    ("financials.2025.revenue", "RMB 3,200,000", Decimal(320)),
    ("financials.2025.revenue", "800k", Decimal(80)),
    ("financials.2025.revenue", "1.5 bn", Decimal(150000)),
    ("financials.2025.revenue", "8000 (10k CNY)", Decimal(8000)),
    ("financials.2025.revenue", "10k CNY", Decimal(1)),
    ("financials.2025.net_profit", "(1.2 million)", Decimal(-120)),
    ("financials.2025.revenue", "不知道", None),
    ("employees", " 不清楚 ", None),
    ("registered_in_china", "不确定", None),
    ("industry", "Don't know", None),
    ("niche_years", "unknown", None),
    ("financials.2025.revenue", "约500万", Decimal(500)),  # approximate figures: the figure, as meant
    ("financials.2025.revenue", "500万左右", Decimal(500)),
    ("financials.2025.revenue", "大约0.8亿", Decimal(8000)),
    ("employees", "约200人", Decimal(200)),
    ("financials.2025.revenue", "跳过", None),  # skipping a question is not knowing it, never 0
    ("financials.2025.revenue", "人民币5,000万元", Decimal(5000)),  # 人民币 as RMB: 元 when no other unit
    ("financials.2025.revenue", "人民币3,200,000", Decimal(320)),
])
def test_each_door_takes_what_people_type(path: str, text: str, value: Any) -> None:
    """0.8亿, 80,000,000元, 80 million, 3,200,000 CNY, full-width digits, (120) for a loss, 有/没有, a choice's
    label, 约500万 and 不知道/跳过 (unknown, never 0) read the same everywhere."""
    seen = doors(path, text)
    assert set(seen.values()) == {("ok", value)}, seen


@pytest.mark.parametrize("text", ["近1亿", "近3000万", "500多万"])
def test_a_figure_said_to_be_just_under_or_over_is_refused(text: str) -> None:
    """近1亿 is just under 1亿: read as 1亿 it met the 1亿 band of the 2022 little-giant R&D rule. 500多万
    is over 500万 by an unknown amount. Both are refused everywhere rather than rounded to a figure."""
    seen = doors("financials.2025.revenue", text)
    assert all(outcome[0] == "refused" for outcome in seen.values()), seen


@pytest.mark.parametrize(("path", "text", "zh", "en"), [
    ("financials.2025.revenue", "八千万", "应填金额（单位万元，不能为负数；如 8000、8000万、0.8亿），现在是“八千万”",
     "expected an amount in 万元 (a number, not negative; 8000万, 0.8亿 and 80,000,000元 work too), got '八千万'"),
    ("registered_in_china", "也许", "应填是或否（也可以写对/不是、有/没有、y/n），现在是“也许”",
     "expected yes or no (是/否, 对/不是, 有/没有, y/n, true/false), got '也许'"),
])
def test_a_refusal_says_the_same_in_a_cell_and_with_set(path: str, text: str, zh: str, en: str) -> None:
    """A sheet's cell and --set refuse the same text with the same words, in zh and en, from one table."""
    for read in (lambda: row_profile({path: text}, RS, "t"), lambda: apply_sets(Profile({}), RS, [f"{path}={text}"])):
        with pytest.raises(InputError) as caught:
            read()
        error = caught.value.errors[0] if hasattr(caught.value, "errors") else caught.value
        assert error.render("zh").endswith(zh) and error.render("en").endswith(en)


@pytest.mark.parametrize(("text", "zh_write", "en_write"), [
    ("1,20", "1.20 或 120", "1.20 or 120"),
    ("1,2345", "1.2345 或 12345", "1.2345 or 12345"),
    ("１，２０", "1.20 或 120", "1.20 or 120"),
    ("1,20亿", "1.20亿 或 120亿", "1.20亿 or 120亿"),
    ("1.200,50", "1200.50", "1200.50"),
    ("0,500", "0.500 或 500", "0.500 or 500"),
    ("1 20", "1.20 或 120", "1.20 or 120"),
    ("1_0", "1.0 或 10", "1.0 or 10"),
    ("12, 5", "12.5 或 125", "12.5 or 125"),
    ("1,,000", "1.000 或 1000", "1.000 or 1000"),
])
def test_a_comma_that_does_not_group_thousands_is_refused_at_every_door(text: str, zh_write: str,
                                                                         en_write: str) -> None:
    """"1,20" was read as 120: every door now refuses it, quoting it and saying what to write instead."""
    path = "financials.2025.rd_expense"
    assert set(doors(path, text).values()) == {("refused", "")}
    with pytest.raises(InputError) as caught:
        apply_sets(Profile({}), RS, [f"{path}={text}"])
    assert caught.value.render("zh").endswith(
        f"“{text}”看不出是多少：逗号（或空格）只能三位一组分隔千位，如 1,200、12,000.5；请写成 {zh_write}")
    assert caught.value.render("en").endswith(
        f"got {text!r}, which is ambiguous: a comma (or space) may only group thousands, as in 1,200 or "
        f"12,000.5; write {en_write}")


@pytest.mark.parametrize(("text", "value"), [
    ("1,200", Decimal(1200)), ("12,000.5", Decimal("12000.5")), ("1,234,567", Decimal(1234567)),
    ("3 200 000 CNY", Decimal(320)), ("8000 10k CNY", Decimal(8000)), ("1,200万", Decimal(1200)),
    ("1_000", Decimal(1000)), ("0.5", Decimal("0.5")),
])
def test_thousands_grouped_by_three_are_read_at_every_door(text: str, value: Decimal) -> None:
    """A comma, space or underscore that groups thousands by three is still read, at every door."""
    assert set(doors("financials.2025.rd_expense", text).values()) == {("ok", value)}


@pytest.mark.parametrize(("path", "text", "zh", "en"), [
    ("financials.2025.rd_expense", "-3 million", "金额不能为负数，现在是 “-3 million”（即 -300万元）",
     "expected an amount that is not negative, got '-3 million', that is -300 (10k CNY)"),
    ("financials.2025.rd_expense", "-3百万", "金额不能为负数，现在是 “-3百万”（即 -300万元）",
     "expected an amount that is not negative, got '-3百万', that is -300 (10k CNY)"),
    ("financials.2025.rd_expense", "-300万", "金额不能为负数，现在是 “-300万”",
     "expected an amount that is not negative, got '-300万'"),
    ("financials.2025.rd_expense", "-3,000,000元", "金额不能为负数，现在是 “-3,000,000元”（即 -300万元）",
     "expected an amount that is not negative, got '-3,000,000元', that is -300 (10k CNY)"),
    ("market.domestic_share", "150%", "应填 0 到 100 之间的百分数，现在是 “150%”",
     "expected a percentage from 0 to 100, got '150%'"),
])
def test_a_refused_amount_is_quoted_as_typed(path: str, text: str, zh: str, en: str) -> None:
    """"-3 million" was refused as "-300", a figure the person never typed: the refusal quotes the text
    as typed, with the figure in 万元 it was read as, from a cell and --set alike."""
    for read in (lambda: row_profile({path: text}, RS, "t"), lambda: apply_sets(Profile({}), RS, [f"{path}={text}"])):
        with pytest.raises(InputError) as caught:
            read()
        error = caught.value.errors[0] if hasattr(caught.value, "errors") else caught.value
        assert error.render("zh").endswith(zh) and error.render("en").endswith(en)


def test_a_refused_cell_of_a_column_in_yuan_is_quoted_as_typed() -> None:
    """-3000000 under a header in 元 was refused as "-300": the cell is quoted as typed, with its 万元."""
    with pytest.raises(InputError) as caught:
        row_profile({"研发费用（2025年）（元）": "-3000000"}, RS, "t")
    error = caught.value.errors[0] if hasattr(caught.value, "errors") else caught.value
    assert error.render("zh").endswith("金额不能为负数，现在是 “-3000000”（即 -300万元）")
    assert error.render("en").endswith("expected an amount that is not negative, got '-3000000', that is -300 (10k CNY)")
