"""Typed text reads the same through every door: a sheet's cell, ``--set``, a profile file's text
and the interview's answer. One parser (load/answers.py) makes this so; these properties would catch
a second one creeping back in. Two readings are the interview's alone, where a person answers a
question and is told what was saved: 无 to a count or an amount is 0, and a start year for years in a
market counts to the end of the interview's last year (a sheet's 无 may fill a blank; a file has no date)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.core.interview import Interview, Question
from littlegiant.errors import InputError
from littlegiant.load import rules
from littlegiant.load.answers import NO, NONE_IS_ZERO, UNKNOWN, YES, normalise
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
    unit = draw(st.sampled_from(["", "亿", "亿元", "万", "万元", "千万", "百万元", "千元", "元", "億", "萬元", "w", "万元整", "%", "人", "名",
                                 " million", "m", "k", " CNY", " yuan", "M RMB", " (10k CNY)", "（万元）",
                                 "(元)", "（亿元）"]))
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
    """A cell, --set and a profile file's text give the same value, or all refuse (a choice's number aside,
    which only the interview lists); an interview answer too, but that what is said there (1亿2, 两成五, 3200多万)
    may be read where the others refuse it: the interview says back what it read before saving it."""
    f = field_for_path(RS, path)
    if f.type == "choice" and text.strip().isdigit():
        return  # the interview numbers its choices on the screen; a sheet's stray 1 must not pick one
    seen = doors(path, text)
    if normalise(text).lower() in NONE_IS_ZERO and seen["interview"] == ("ok", Decimal(0)):
        del seen["interview"]  # 无 to a count or an amount, answered in the interview: 0, said back as such
    if f.type in ("money", "signed_money") and re.fullmatch(r"[1-9]\d{0,2}\.\d\d0", text):
        del seen["cell"]  # 8.000 typed is asked about (8000 or 8?); a sheet's cell of digits is its number as formatted
    said = seen.pop("interview", None)
    assert len(set(seen.values())) == 1, seen
    if said is not None and said not in seen.values():
        assert said[0] == "ok" and next(iter(seen.values()))[0] == "refused", (said, seen)


@pytest.mark.parametrize(("path", "text", "value"), [
    ("financials.2025.revenue", "0.8亿", Decimal(8000)),
    ("financials.2025.revenue", "80,000,000元", Decimal(8000)),
    ("financials.2025.revenue", "８，０００万元", Decimal(8000)),
    ("financials.2025.revenue", "500萬", Decimal(500)),  # traditional 萬 and 億, as 万 and 亿
    ("financials.2025.revenue", "0.8億", Decimal(8000)),
    ("financials.2025.revenue", "1,200萬元", Decimal(1200)),
    ("financials.2025.net_profit", "-50萬", Decimal(-50)),
    ("financials.2025.revenue", "500万元整", Decimal(500)),  # 整 as a cheque closes an amount
    ("financials.2025.revenue", "1.2亿元整", Decimal(12000)),
    ("financials.2025.revenue", "500w", Decimal(500)),  # w for 万
    ("financials.2025.revenue", "500W", Decimal(500)),
    ("financials.2025.revenue", "约500w", Decimal(500)),
    ("financials.2025.net_profit", "-50w", Decimal(-50)),
    ("financials.2025.revenue", "500万。", Decimal(500)),  # a sentence's closing mark, typed out of habit
    ("financials.2025.revenue", "0.8亿！", Decimal(8000)),
    ("market.domestic_share", "12.5%。", Decimal("12.5")),
    ("registered_in_china", "是。", True),
    ("registered_in_china", "没有！", False),
    ("registered_in_china", "否；", False),
    ("industry", "工业。", "industrial"),
    ("financials.2025.revenue", "不知道。", None),
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
    ("financials.2025.revenue", "¥12,000", Decimal("1.2")),  # ¥ where no unit is named: 元, as RMB
    ("financials.2025.revenue", "¥80,000,000.00", Decimal(8000)),
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
    ("financials.2025.revenue", "不晓得", None),  # as said in speech: unknown, never 0
    # what a sheet writes where it has no figure: each made the company an error row, no verdict at all
    ("financials.2025.revenue", "暂无", None),
    ("financials.2025.revenue", "N/A", None),
    ("employees", "（空）", None),
    ("market.domestic_share", "不适用", None),
    ("registered_in_china", "暂无数据", None),
    # 暂无, none so far: 无 where 无 is an answer (a yes/no, a rank whose 0 is none, a choice of none)
    ("compliance.abnormal_operation", "暂无", False),
    ("awards.national_rank", "暂无", Decimal(0)),
    ("rd_institution", "暂无", "none"),
    ("ip.class1", "暂无", None),
    ("platform_score", "未参评", None),  # no score yet: the company has not taken the evaluation
    ("digital_level", "未评测", None),
    ("financials.2025.rd_expense", "不记得", None),
    ("employees", "不太清楚", None),
    ("registered_in_china", "说不准", None),
    ("industry", "不了解", None),
    ("financials.2025.revenue", "人民币5,000万元", Decimal(5000)),  # 人民币 as RMB: 元 when no other unit
    ("financials.2025.revenue", "人民币3,200,000", Decimal(320)),
    ("digital_level", "三级", Decimal(3)),  # as the assessment report and its certificate write the level
    ("digital_level", "3级", Decimal(3)),
    ("digital_level", "一级", Decimal(1)),
    ("digital_level", "四级", Decimal(4)),
])
def test_each_door_takes_what_people_type(path: str, text: str, value: Any) -> None:
    """0.8亿, 80,000,000元, 80 million, 3,200,000 CNY, full-width digits, (120) for a loss, 有/没有, a choice's
    label, 约500万 and 不知道/跳过 (unknown, never 0) read the same everywhere."""
    seen = doors(path, text)
    assert set(seen.values()) == {("ok", value)}, seen


@pytest.mark.parametrize(("text", "value"), [
    ("8000（万元）", Decimal(8000)), ("8000(万元)", Decimal(8000)), ("0.8（亿元）", Decimal(8000)),
    ("80,000,000（元）", Decimal(8000)), ("8000（单位：万元）", Decimal(8000)), ("约8000（万元）", Decimal(8000)),
    ("8000万（元）", None), ("8000（万元）（元）", None), ("8000（件）", None), ("（8000）（万元）", None),
])
def test_an_amount_with_its_unit_in_brackets_is_read_as_that_unit(text: str, value: Decimal | None,
                                                                   tmp_path: Any) -> None:
    """8000（万元）, as people copy the unit from a header's 营业收入（万元）, was refused at every door. A number and
    one unit in brackets (full-width or not) is that amount; two units, or a word that is no unit, stay refused."""
    from tests.test_park_sheets import invoke, read_csv

    seen = doors("financials.2025.revenue", text)
    assert set(seen.values()) == ({("ok", value)} if value is not None else {("refused", "")}), seen
    src = tmp_path / "名单.csv"
    src.write_text(f"企业名称,营业收入（2025年）（元）\n甲公司,\"{text}\"\n", encoding="utf-8")
    invoke("batch", str(src), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    (row,) = read_csv(tmp_path / "out.csv")
    assert row["处理结果"] == ("已评估" if value is not None else "出错")


@pytest.mark.parametrize("text", ["500多万", "5百多万"])
def test_a_figure_said_to_be_over_by_an_unknown_amount_is_refused(text: str) -> None:
    """500多万 is over 500万 by an unknown amount: refused everywhere rather than rounded to a figure."""
    seen = doors("financials.2025.revenue", text)
    assert all(outcome[0] == "refused" for outcome in seen.values()), seen


@pytest.mark.parametrize("text", ["差不多220万", "将近220万", "接近220万", "近220万", "近二百二十万", "约220万"])
def test_a_figure_hedged_in_everyday_words_is_read_as_approximate_at_every_door(text: str) -> None:
    """差不多220万 was refused as no amount, and 将近3000万 too, while 约 and 左右 were read: each is the
    figure given as approximate (saved as 约220), as 约 is, whichever way it comes in. 近1亿, just under
    1亿, once met a 1亿 band as if exact; as an approximate figure, a verdict resting on it is flagged."""
    path = "financials.2025.rd_expense"
    f = field_for_path(RS, path)
    seen = doors(path, text)
    assert set(seen.values()) == {("ok", Decimal(220))}, seen
    conversion = Interview(RS, AS_OF).parse(Question(path, f, 2025), text)[1]
    assert conversion is not None and conversion.approximate
    assert path in row_profile({path: text}, RS, "t").approximate
    assert path in from_data(_nested(path, text), RS, "p.yaml").approximate
    assert path in apply_sets(Profile({}), RS, [f"{path}={text}"]).approximate


@pytest.mark.parametrize(("text", "zh"), [
    ("甲" * 1001, "文字太长：最多 1,000 个字，现在有 1,001 个"),
    ("甲公司\x1b]0;已认定\x07\x1b[31m", "文字里有控制字符（U+001B），显示时会扰乱终端：请删去"),
    ("甲公司\x00", "文字里有控制字符（U+0000），显示时会扰乱终端：请删去"),
    # a right-to-left override turned the rest of a report's line around (「EvilEMCA → 司公限有」, a date 50-21-6202)
    ("Evil\u202e有限公司", "文字里有改变书写方向的控制字符（U+202E），会使报告中前后的文字颠倒显示：请删去"),
    ("甲\u2066公司", "文字里有改变书写方向的控制字符（U+2066），会使报告中前后的文字颠倒显示：请删去"),
])
def test_a_name_too_long_or_with_control_characters_is_refused_at_every_door(text: str, zh: str) -> None:
    """A 400,000-character name typed in the interview saved a file too large to read back (resume and
    assess both refused it); ESC in a name printed raw retitled and recoloured the terminal."""
    assert set(doors("name", text).values()) == {("refused", "")}
    with pytest.raises(InputError) as caught:
        row_profile({"name": text}, RS, "t")
    assert caught.value.errors[0].render("zh").endswith(zh)  # type: ignore[attr-defined]
    assert row_profile({"name": "甲 公司\t（筹）"}, RS, "t").values["name"] == "甲 公司\t（筹）"  # a tab is text
    # a line break typed in a cell (Alt+Enter; a CSV saved on Windows) is one, not a control character
    for door in (lambda v: row_profile({"name": v}, RS, "t"), lambda v: from_data({"name": v}, RS, "p.json")):
        assert door("甲公司\r\n（原乙公司）").values["name"] == "甲公司\n（原乙公司）"
        assert door("甲公司\r（原乙公司）").values["name"] == "甲公司\n（原乙公司）"


@pytest.mark.parametrize("text", ["500万…", "500万？", "500万。。", "。", "-。"])
def test_an_answer_trailing_off_or_only_a_mark_is_not_read(text: str) -> None:
    """A closing full stop is dropped (500万。 is 500万), but an answer trailing off (500万…), asking (500万？)
    or nothing but a mark says no figure: refused everywhere, never a number nor "don't know"."""
    seen = doors("financials.2025.revenue", text)
    assert all(outcome[0] == "refused" for outcome in seen.values()), seen


@pytest.mark.parametrize(("path", "text", "zh", "en"), [
    ("financials.2025.revenue", "八千万美元", "“八千万美元”是外币金额；本工具按人民币评估，请换算成人民币后以万元填写",
     "'八千万美元' is an amount in a foreign currency: the tool assesses in CNY; convert it and give it in 万元 (10k CNY)"),
    ("registered_in_china", "也许", "应填是或否（也可以写对/不是、有/没有、y/n），现在是“也许”",
     "expected yes or no (是/否, 对/不是, 有/没有, y/n, true/false), got '也许'"),
    ("market.domestic_share", "很高", "应填 0 到 100 之间的百分数（如 12.5 或 12.5%），现在是“很高”",
     "expected a percentage from 0 to 100 (12.5 or 12.5%), got '很高'"),
    # years in the niche answered with the year it began: it read 不能大于 200, as if the figure were too large
    ("niche_years", "2019", "现在是 2019，像是开始的年份：这里要填到上年末共从事了几年（可填小数，如 6.5）",
     "2019 looks like the year it began: give the number of years up to last year end instead (decimals allowed, e.g. 6.5)"),
    ("niche_years", "250", "不能大于 200，现在是 250", "expected at most 200, got 250"),
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
    ("1,2345", "12345", "12345"),  # four digits after the mark: grouped as 万 groups them, never 1.2345
    ("1,2000万", "12000万", "12000万"),  # offered as 1.2000万 too, which followed saved 1.2万元 for 1.2亿
    ("12,5000", "125000", "125000"),
    ("1,2000.5万", "12000.5万", "12000.5万"),  # a decimal point after: the comma groups, as 万 groups them
    ("0,1234", "0.1234 或 1234", "0.1234 or 1234"),  # a first group of 0: no 万 grouping
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
    ("financials.2025.rd_expense", "-3 million", "金额不能为负数，现在是“-3 million”（即 -300万元）",
     "expected an amount that is not negative, got '-3 million', that is -300 (10k CNY)"),
    ("financials.2025.rd_expense", "-3百万", "金额不能为负数，现在是“-3百万”（即 -300万元）",
     "expected an amount that is not negative, got '-3百万', that is -300 (10k CNY)"),
    ("financials.2025.rd_expense", "-300万", "金额不能为负数，现在是“-300万”",
     "expected an amount that is not negative, got '-300万'"),
    ("financials.2025.rd_expense", "-3,000,000元", "金额不能为负数，现在是“-3,000,000元”（即 -300万元）",
     "expected an amount that is not negative, got '-3,000,000元', that is -300 (10k CNY)"),
    ("market.domestic_share", "150%", "应填 0 到 100 之间的百分数，现在是“150%”",
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


@pytest.mark.parametrize(("path", "text"), [
    ("financials.2025.revenue", "-0"), ("financials.2025.revenue", "-0.00"), ("financials.2025.net_profit", "-0万"),
    ("financials.2025.net_profit", "-0.0亿"), ("market.domestic_share", "-0%"),
])
def test_minus_zero_reads_as_zero_at_every_door(path: str, text: str) -> None:
    """-0 was kept as Decimal('-0') and written back as -0 (a loss of nothing, or a share below 0): every door
    now reads it as 0, and a profile file's -0.0 too."""
    for door, (outcome, value) in doors(path, text).items():
        assert outcome == "ok" and value == 0 and not value.is_signed(), (door, value)
    read = from_data(_nested(path, Decimal("-0.0")), RS, "p.yaml").values[path]
    assert read == 0 and not read.is_signed()


def test_a_control_character_in_a_refused_cell_is_quoted_as_its_escape() -> None:
    """A cell or --set value holding ESC or a bell was quoted raw in the Chinese refusal (English's repr
    escaped it): on a terminal it recoloured the screen. Both languages now show the escape."""
    for read in (lambda: row_profile({"financials.2025.revenue": "5\x1b[2J\x07"}, RS, "t"),
                 lambda: apply_sets(Profile({}), RS, ["financials.2025.revenue=5\x1b[2J\x07"]),
                 lambda: row_profile({"industry": "工业\x1b[2J"}, RS, "t")):
        with pytest.raises(InputError) as caught:
            read()
        error = caught.value.errors[0] if hasattr(caught.value, "errors") else caught.value
        zh, en = error.render("zh"), error.render("en")
        assert "\\x1b[2J" in zh and "\\x1b[2J" in en, (zh, en)
        assert "\x1b" not in zh + en and "\x07" not in zh + en


def test_a_refused_cell_of_a_column_in_yuan_is_quoted_as_typed() -> None:
    """-3000000 under a header in 元 was refused as "-300": the cell is quoted as typed, with its 万元."""
    with pytest.raises(InputError) as caught:
        row_profile({"研发费用（2025年）（元）": "-3000000"}, RS, "t")
    error = caught.value.errors[0] if hasattr(caught.value, "errors") else caught.value
    assert error.render("zh").endswith("金额不能为负数，现在是“-3000000”（即 -300万元）")
    assert error.render("en").endswith("expected an amount that is not negative, got '-3000000', that is -300 (10k CNY)")


@pytest.mark.parametrize(("path", "text", "value"), [
    ("financials.2025.revenue", "五百万", Decimal(500)),
    ("financials.2025.revenue", "九千万", Decimal(9000)),
    ("financials.2025.revenue", "一千二百万", Decimal(1200)),
    ("financials.2025.revenue", "两千万", Decimal(2000)),
    ("financials.2025.revenue", "三点五亿", Decimal(35000)),
    ("financials.2025.revenue", "零点八亿", Decimal(8000)),
    ("financials.2025.revenue", "一亿零五百万", Decimal(10500)),
    ("financials.2025.revenue", "一亿二千万", Decimal(12000)),
    ("financials.2025.revenue", "1亿2000万", Decimal(12000)),
    ("financials.2025.revenue", "一亿二万", Decimal(10002)),  # as 1亿2万 is: the 万 places the 二
    ("financials.2025.revenue", "一亿两百万", Decimal(10200)),
    ("financials.2025.revenue", "一亿十万", Decimal(10010)),
    ("financials.2025.revenue", "约五百万元", Decimal(500)),
    ("financials.2025.revenue", "伍佰万元整", Decimal(500)),
    ("financials.2025.revenue", "三千五百元", Decimal("0.35")),
    ("financials.2025.net_profit", "负五百万", Decimal(-500)),
    ("employees", "两百人", Decimal(200)),
    ("employees", "一百零五", Decimal(105)),
    ("employees", "一万二", Decimal(12000)),  # as it is said: 12000, not 10002
    ("niche_years", "三年", Decimal(3)),
    ("market.domestic_rank", "第二", Decimal(2)),
    ("market.domestic_rank", "第二名", Decimal(2)),
    ("market.domestic_share", "百分之十二点五", Decimal("12.5")),
])
def test_chinese_numerals_are_read_at_every_door(path: str, text: str, value: Decimal) -> None:
    """五百万, 一千二百万, 两千万, 三点五亿, 一亿零五百万, 第二 (what a finance manager types) were refused
    as no number: a cell, --set, a profile file and the interview now read them as the digits would."""
    seen = doors(path, text)
    assert set(seen.values()) == {("ok", value)}, seen


@pytest.mark.parametrize("revenue", ["近1亿", "将近1亿", "接近1亿"])
def test_just_under_a_band_given_as_approximate_is_flagged_where_the_band_rests_on_it(tmp_path: Any,
                                                                                      revenue: str) -> None:
    """近1亿 read as an exact 1亿 met the 1亿 band of the 2022 小巨人 R&D rule without a word (why it was
    refused once). Read as approximate, the report says that this band's verdict rests on it."""
    from littlegiant.cli.app import app

    path = tmp_path / "p.yaml"
    path.write_text(f"name: 甲\nindustry: industrial\nemployees: 200\nfinancials:\n"
                    f"  2021: {{revenue: {revenue}, rd_expense: 320}}\n  2020: {{revenue: 9000, rd_expense: 300}}\n",
                    encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2022-06-01", "--rules", "miit-2022",
                                    "--format", "json"])
    assert done.exit_code == 0, done.output
    close = [(w["criterion"], w["threshold"]) for w in json.loads(done.stdout)["warnings"]
             if w["kind"] == "approximate_close"]
    assert ("lg.rd.large.band", 10000) in close


@pytest.mark.parametrize(("text", "zh"), [
    ("两三百万", "“两三百万”不是一个确切的数（像是一个范围，或比某个数多些、少些）：请填确切的数，不清楚就填“不知道”"),
    ("十几万", "“十几万”不是一个确切的数"),
    ("500多万", "“500多万”不是一个确切的数"),
    ("不到1亿", "“不到1亿”不是一个确切的数"),
    ("营收近1亿", "“营收近1亿”不是一个确切的数"),  # 近 as the answer's first word is 约 (approximate); inside, a bound
    ("上千万", "“上千万”不是一个确切的数"),
    ("一千二万", "“一千二万”可以有不止一种读法：请写阿拉伯数字（如 1200万），或把中文数字写完整，空着的位写“零”"
                 "（如一千零五十、一亿零二百万）"),
    ("一万五十", "“一万五十”可以有不止一种读法"),  # 10050 is 一万零五十
    ("一万二", "“一万二”看不出单位：请写成 1.2万 或 12000万"),  # 1.2万元 as said, or 12000 in the question's 万元
    ("一千五十", "“一千五十”可以有不止一种读法"),
    ("1万2", "“1万2”可以有不止一种读法"),
    ("一e5", "“一e5”把中文数字和科学计数法混在一起：请只用一种写法，写阿拉伯数字（如 100000）或中文数字（如十万）"),
    ("5e三", "“5e三”把中文数字和科学计数法混在一起"),
    ("一点五e3万", "“一点五e3万”把中文数字和科学计数法混在一起"),
])
def test_a_range_or_numerals_with_two_readings_are_refused_saying_why(text: str, zh: str) -> None:
    """两三百万 is a range, 一千二万 is 1200万 or 1002万, 一万二 for an amount 1.2万 or 12000 in 万元: read one
    way, each was a figure the person never gave. Every door refuses them, and the message says why."""
    path = "financials.2025.revenue"
    assert set(doors(path, text).values()) == {("refused", "")}
    with pytest.raises(InputError) as caught:
        apply_sets(Profile({}), RS, [f"{path}={text}"])
    assert zh in caught.value.render("zh")


@pytest.mark.parametrize(("text", "interview"), [
    ("2008年开始", ("ok", Decimal(17))), ("从2008年起", ("ok", Decimal(17))), ("2008年以来", ("ok", Decimal(17))),
    ("2008年", ("refused", "")), ("2008", ("refused", ""))])
def test_a_start_year_typed_for_years_in_the_niche_is_refused_saying_so(text: str, interview: tuple[str, Any]) -> None:
    """「2008年开始」 for 从事细分市场年限 got 应填数字, while a bare 2008 was refused saying it looks like the year
    it began and asking for the years up to last year end. Said either way, a sheet, --set and a file refuse
    it with that sentence: made a number of years, it would need an as-of that a sheet or a file does not
    carry. The interview has one (last year 2025 here) and reads a start said as such as the 17 whole
    years to its end; a bare year it refuses as the others do (a slip of a count as likely)."""
    seen = doors("niche_years", text)
    assert seen.pop("interview") == interview
    assert set(seen.values()) == {("refused", "")}
    with pytest.raises(InputError) as caught:
        apply_sets(Profile({}), RS, [f"niche_years={text}"])
    assert "像是开始的年份：这里要填到上年末共从事了几年" in caught.value.render("zh")


_CN = "零一二三四五六七八九"
_FORMAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def _places(n: int, two: bool) -> str:
    """0 < n < 10000 in Chinese numerals: 一千零五十, 两百零三; one 零 for a run of empty places."""
    out, gap = "", False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // place % 10
        if digit == 0:
            gap = gap or bool(out)
            continue
        out += ("零" if gap else "") + ("两" if two and digit == 2 and place >= 100 else _CN[digit]) + unit
        gap = False
    return out


def chinese(n: int, two: bool = False, formal: bool = False) -> str:
    """``n`` (below 1万亿) as written in Chinese: sections of four places under 亿 and 万, 零 for empty
    places between them (一亿零五百万), 十 for 一十 at the start (十二万). Written here independently of
    the reader it tests."""
    if n == 0:
        return "零"
    out, gap = "", False
    for size, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        part = n // size % 10**4
        if part == 0:
            gap = gap or bool(out)
            continue
        out += ("零" if out and (gap or part < 1000) else "") + _places(part, two) + unit
        gap = False
    if out.startswith("一十"):
        out = out[1:]
    return out.translate(_FORMAL) if formal else out


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans(), st.booleans())
def test_a_number_in_chinese_numerals_reads_back_as_itself(n: int, two: bool, formal: bool) -> None:
    """Any amount in 元 written in Chinese numerals (with 两, with 零 in its empty places, in the formal
    大写 of a contract) reads back, at every door, as the same amount in 万元."""
    text = chinese(n, two, formal) + "元"
    assert set(doors("financials.2025.revenue", text).values()) == {("ok", Decimal(n) / 10000)}, text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=99),
       st.sampled_from([("万", Decimal(1)), ("亿", Decimal(10000)), ("千万", Decimal(1000))]))
def test_a_figure_with_a_decimal_point_in_chinese_reads_back_as_itself(whole: int, hundredths: int,
                                                                      unit: tuple[str, Decimal]) -> None:
    """三点五亿, 一千二百点零五万, 三点五千万: the whole part in numerals, the decimals digit by digit after
    点, then the unit, read back as the same figure in 万元."""
    if unit[0] == "千万":
        whole %= 1000  # 一千点五千万 has no single reading (the 千 twice)
    fraction = f"{hundredths:02d}".rstrip("0")
    text = chinese(whole) + "点" + "".join(_CN[int(d)] for d in fraction) + unit[0]
    figure = (Decimal(whole) + Decimal("0." + fraction)) * unit[1]
    assert set(doors("financials.2025.revenue", text).values()) == {("ok", figure.normalize())}, text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans(), st.booleans())
def test_a_number_reads_the_same_in_arabic_digits_and_in_chinese_numerals(n: int, two: bool, formal: bool) -> None:
    """The same amount typed in digits (123456789元, 12345.6789万) and in Chinese numerals (一亿二千三百四十五万
    六千七百八十九元) reads as one figure, and so does a count (employees), at every door."""
    chinese_said = doors("financials.2025.revenue", chinese(n, two, formal) + "元")
    assert chinese_said == doors("financials.2025.revenue", f"{n}元"), n
    assert chinese_said == doors("financials.2025.revenue", format(Decimal(n) / 10000, "f") + "万"), n
    if n <= 10**8:
        assert doors("employees", chinese(n, two, formal)) == doors("employees", str(n)), n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999), st.booleans())
def test_yi_and_wan_written_without_ling_read_as_their_digits_do(yi: int, wan: int, two: bool) -> None:
    """一亿二万 was refused as having two readings while 1亿2万 read as 10002万: the 万 says where the
    二 stands (1.2亿 is 一亿二千万), so both now read as 1亿零2万, with or without the 零 of full writing."""
    figure = Decimal(yi * 10000 + wan)
    for text in (f"{yi}亿{wan}万", chinese(yi, two) + "亿" + chinese(wan, two) + "万", chinese(yi * 10**8 + wan * 10**4, two)):
        assert set(doors("financials.2025.revenue", text).values()) == {("ok", figure)}, text


@pytest.mark.parametrize("rule_id", ["miit-2022", "miit-2026", "shandong-2022"])
def test_every_plain_word_in_the_rule_data_reads_as_its_choice_in_a_sheet_and_the_interview(rule_id: str) -> None:
    """Each word a shipped rule file lists for a choice (制造业 for 工业, 省部级 for 省级（省部级）) is that
    choice in a park's sheet cell and as an interview answer, full- or half-width brackets alike."""
    import yaml

    base = yaml.safe_load((rules.builtin_dir() / "_base.yaml").read_text(encoding="utf-8"))
    rs = rules.load(rule_id)
    seen = 0
    for fid, spec in base["fields"].items():
        for choice, said in (spec.get("choices") or {}).items():
            f = rs.fields[fid]
            for word in said.get("words", []):
                row = row_profile({"企业名称": "甲公司", f.label.zh: word}, rs, "t").values
                assert row[f.path] == choice, (fid, word)
                answered = Interview(rs, date(2026, 3, 1)).parse(Question(f.path, f, None), word)[0]
                assert answered == choice, (fid, word)
                seen += 1
    assert seen >= 40  # industry's and rd_institution's words are all there


@pytest.mark.parametrize(("text", "said"), [("五级", "不能大于 4，现在是“五级”"), ("0级", "不能小于 1，现在是“0级”"),
                                            ("三级以上", "不是一个确切的数")])
def test_a_level_past_the_four_levels_or_given_as_a_bound_is_refused_saying_why(text: str, said: str) -> None:
    """数字化水平 has four levels: 五级 is refused as above 4 (not as text where a number belongs, which
    said nothing of the 级), and 三级以上 as no exact level, the same at every door."""
    f = field_for_path(RS, "digital_level")
    reads = [lambda: row_profile({"中小企业数字化水平评测等级": text}, RS, "t"),
             lambda: apply_sets(Profile({}), RS, [f"digital_level={text}"]),
             lambda: Interview(RS, AS_OF).parse(Question("digital_level", f, None), text),
             lambda: from_data({"digital_level": text}, RS, "p.yaml")]
    for read in reads:
        with pytest.raises(InputError) as refused:
            read()
        assert said in refused.value.render("zh")


def test_an_amount_in_ge_yi_and_a_yes_with_its_remark_after_a_comma_are_read() -> None:
    """1.2个亿 is how it is said (1.2亿 and 一点二亿 were read, 1.2个亿 refused); 是，2023年认定 how a remark
    is typed without brackets (是（2023年认定） was read). 是；已过期 is still no yes."""
    from littlegiant.cli.app import app

    example = str(EXAMPLES / "micro-startup.yaml")
    done = CliRunner().invoke(app, ["assess", example, "--as-of", "2026-11-26", "--format", "json", "--set",
                                    "financials.2025.revenue=1.2个亿", "--set", "honors.high_tech_enterprise=是，2023年认定"])
    assert done.exit_code == 0, done.stderr
    read = {k: v for t in json.loads(done.stdout)["tiers"].values() for c in t["criteria"]
            for k, v in c.get("inputs", {}).items()}
    assert read["financials.2025.revenue"] == 12000 and read["honors.high_tech_enterprise"] is True
    refused = CliRunner().invoke(app, ["assess", example, "--as-of", "2026-11-26", "--lang", "zh", "--set",
                                       "honors.high_tech_enterprise=是；已过期"])
    assert refused.exit_code == 2 and "不能算作“是”" in refused.stderr
    spoken = CliRunner().invoke(app, ["assess", example, "--as-of", "2026-11-26", "--format", "json", "--set",
                                      "honors.high_tech_enterprise=是，2023年认定的"])  # as said aloud, in the interview
    assert spoken.exit_code == 0 and '"honors.high_tech_enterprise": true' in spoken.stdout, spoken.stderr


@pytest.mark.parametrize(("path", "said"), [
    ("digital_level", "应填整数，现在是“无”：没有或不清楚的请填“不知道”"),
    ("financials.2025.net_profit", "现在是“无”：没有的请填 0，不清楚的请填“不知道”"),
])
def test_none_refused_says_what_to_write_by_whether_0_is_a_value(path: str, said: str) -> None:
    """无 refused for a level 1–4 said 「没有的请填 0」, and 0 was refused in turn: where 0 is no value, it says
    to write 不知道; where 0 is one (a net profit), it still says 0 or 不知道."""
    assert set(doors(path, "无").values()) == {("refused", "")}
    with pytest.raises(InputError) as caught:
        apply_sets(Profile({}), RS, [f"{path}=无"])
    assert said in caught.value.render("zh")
