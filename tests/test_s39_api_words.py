"""A script's errors name what the script passes (rules=, what_if), never a command-line option it cannot type;
doing what the error says then works. The command line keeps its own words (--rules, --set)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app

DAY = date(2026, 11, 26)
OPTION = re.compile(r"--(rules|set|as-of|renewal|allow-outside)\b")


def _said(error: littlegiant.InputError) -> str:
    """Everything the error says, in both languages, as a script shows it."""
    return f"{error}\n{error.render('zh')}"


def _shandong_profile(folder: Path) -> Path:
    """A client's profile answered under Shandong's set (``init --rules shandong-2022``), with a Shandong answer."""
    path = folder / "济南客户.yaml"
    path.write_text("answered_under: shandong-2022\nname: 济南某精工有限公司\nemployees: 120\n"
                    "shandong:\n  priority_industry: 是\n", encoding="utf-8")
    return path


def test_a_province_profile_assessed_under_the_national_set_names_the_rules_argument(tmp_path: Path) -> None:
    """It said "assess it with --rules shandong-2022"; it now says to pass rules="shandong-2022", which then
    assesses it. kind is kept for a script matching on it."""
    path = _shandong_profile(tmp_path)
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(path, as_of=DAY)
    said = _said(found.value)
    assert not OPTION.search(said), said
    assert str(found.value).endswith('pass rules="shandong-2022"')
    assert found.value.render("zh").endswith('：请指定 rules="shandong-2022"')
    assert found.value.kind == "profile.other_set"
    done = littlegiant.assess(path, rules="shandong-2022", as_of=DAY)  # as told
    assert done.profile.values["shandong.priority_industry"] is True


def test_the_command_line_still_names_its_option_for_the_same_profile(tmp_path: Path) -> None:
    path = _shandong_profile(tmp_path)
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", DAY.isoformat(), "--lang", "zh"])
    assert done.exit_code == 2
    assert "评估时请加 --rules shandong-2022" in done.output and "rules=" not in done.output


def test_a_what_if_answering_another_sets_question_names_what_if_and_its_answer_then_works() -> None:
    """It said "answer it, e.g. --set compliance.major_incident=no"; it now shows the what_if to pass."""
    other = {"近三年发生重大安全（含网络安全、数据安全）、质量、环境污染等事故": "是"}
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if=other)
    said = _said(found.value)
    assert not OPTION.search(said), said
    assert str(found.value).endswith('e.g. what_if={"compliance.major_incident": "no"}')
    assert found.value.render("zh").endswith('如 what_if={"compliance.major_incident": "否"}')
    for answer in ("no", "否"):
        done = littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY,
                                  what_if={"compliance.major_incident": answer})
        assert done.profile.values["compliance.major_incident"] is False


def test_a_what_if_putting_a_part_over_its_whole_names_the_keys_to_add_to_what_if() -> None:
    """12 employees under 58 R&D staff: it said "add --set rd_staff=… --set tech_staff=…"; it now names the
    what_if keys, and a what_if with them too is assessed."""
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if={"employees": 12})
    said = _said(found.value)
    assert not OPTION.search(said), said
    assert str(found.value).endswith("to change them together, put 'rd_staff' and 'tech_staff' in what_if too")
    assert found.value.render("zh").endswith("要一起改，请在 what_if 中同时写上“研发人员人数”“科技人员人数”")
    assert found.value.kind == "set.part_over_whole" and "sets" in found.value.params  # as the CLI's, for a script
    for keys in ({"rd_staff": 3, "tech_staff": 4}, {"研发人员人数": 3, "科技人员人数": 4}):
        done = littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if={"employees": 12, **keys})
        assert done.profile.values["employees"] == 12 and done.profile.values["rd_staff"] == 3


def test_the_command_line_still_says_set_for_a_part_over_its_whole() -> None:
    done = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", DAY.isoformat(),
                                    "--set", "employees=12"])
    assert done.exit_code == 2 and "add --set rd_staff=… --set tech_staff=…" in done.output


FIGURES = ["employees", "rd_staff", "tech_staff", "financials.2025.revenue", "financials.2025.main_revenue",
           "financials.2025.rd_expense", "compliance.major_incident", "近三年发生重大安全（含网络安全、数据安全）、质量、环境污染等事故",
           "ip.class1", "研发人员人数", "营业收入（2025年）", "employes", "financials"]


@settings(max_examples=40)
@given(st.dictionaries(st.sampled_from(FIGURES), st.one_of(st.integers(-5, 200_000), st.sampled_from(
    ["是", "否", "many", "1.5亿", "", "yes"])), min_size=1, max_size=3))
def test_no_what_if_error_names_a_command_line_option(what_if: dict[str, object]) -> None:
    """Whatever a script passes as what_if, an error it meets names what_if, never --set."""
    try:
        littlegiant.assess(EXAMPLES / "little-giant-2026.yaml", as_of=DAY, what_if=what_if, advice=False)
    except littlegiant.InputError as exc:
        assert not OPTION.search(_said(exc)), _said(exc)


def test_a_last_year_column_read_without_as_of_says_to_pass_as_of() -> None:
    """read_profile(row) of a sheet headed 营业收入（上年度） told the script to rename the column ("needs its year,
    e.g. 营业收入（2025年）"), where passing as_of reads it as batch does. A column with no year at all is
    still told to name its year."""
    row = {"企业名称": "甲公司", "营业收入（上年度）": 8000, "研发费用": 300}
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.read_profile(row)
    lines = str(found.value).splitlines()
    assert lines[0].startswith("营业收入（上年度）: names the year before the assessment date: pass as_of")
    assert lines[1].startswith("研发费用: needs its year")
    zh = found.value.render("zh").splitlines()
    assert zh[0] == "“营业收入（上年度）”列：指的是评估日期的上一年：请指定 as_of（评估日期），或在列名中写明年份，如“营业收入（2025年）”"
    read = littlegiant.read_profile({"企业名称": "甲公司", "营业收入（上年度）": 8000}, as_of=DAY)  # as told
    assert read.values["financials.2025.revenue"] == 8000


def test_a_profile_file_in_no_known_encoding_is_told_to_be_saved_as_utf8_not_given_encoding(tmp_path: Path) -> None:
    """A client's file no encoding reads (bytes of a picture pasted in) was "save it as UTF-8 or name its
    encoding with --encoding": the API takes no encoding, it detects one. The command line's words keep it."""
    path = tmp_path / "客户.yaml"
    path.write_bytes(b"name: \xff\xfe\x00\x81\x30 abc\nemployees: 3\n" + bytes(range(128, 256)))
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.assess(path, as_of=DAY)
    assert not OPTION.search(_said(found.value)) and "--encoding" not in _said(found.value)
    assert str(found.value).endswith("; save it as UTF-8")
    assert found.value.render("zh").endswith("都读不出文字；请另存为 UTF-8")
    item = next(littlegiant.screen([path], as_of=DAY, lang="zh"))
    assert item.error is not None and item.error.endswith("请另存为 UTF-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", DAY.isoformat()])
    assert done.exit_code == 2 and "name its encoding with --encoding" in done.output


def test_compare_of_a_province_profile_names_the_set_that_cannot_judge_it_not_a_rules_argument(tmp_path: Path) -> None:
    """compare(client, ["shandong-2022", "miit-2026"]) was told to 'pass rules="shandong-2022"': compare takes
    no rules, and that set was in its list. It now says which set cannot judge the answers, and to compare
    under sets that ask them; those sets compare."""
    path = _shandong_profile(tmp_path)
    with pytest.raises(littlegiant.InputError) as found:
        littlegiant.compare(path, ["shandong-2022", "miit-2026"], as_of=DAY)
    said = _said(found.value)
    assert "rules=" not in said and not OPTION.search(said), said
    assert str(found.value).endswith('miit-2026 does not ask it, and cannot judge these answers; compare it under sets '
                                     'that ask it, such as "shandong-2022"')
    assert found.value.render("zh").endswith('miit-2026 没有这一项，不能据以评估这些回答；请只在有这一项的规则下比较，如 "shandong-2022"')
    row = {"企业名称": "甲公司", "营业收入（2025年）": 8000, "主导产品属于山东省重点产业领域": "是"}
    with pytest.raises(littlegiant.InputError, match='miit-2026 does not ask it; compare under sets that ask it'):
        littlegiant.compare(row, ["miit-2026"], as_of=DAY)
    assert [r.rules_id for r in littlegiant.compare(path, ["shandong-2022"], as_of=DAY)] == ["shandong-2022"]
