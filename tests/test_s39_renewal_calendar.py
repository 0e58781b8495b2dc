"""A round notice that ends (or begins) without a change of rule set: 工信厅企业函〔2025〕190号 closes the 2022
small-company route to 小巨人 and waives the growth condition of its renewals for 2025 only (criteria.md §1). A
小巨人 renewal dated 20 December 2025 was told nothing of 1 January 2026, when the growth is checked again and
the 5000万 floor is gone, where a change of rule set within the year is always said. Now the header says it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

ENDS = ('2026年1月1日起，年度通知工信厅企业函〔2025〕190号不再适用（本年度暂不接收营业收入低于5000万元企业的"小巨人"'
        '申请和复核；"小巨人"复核不考核近2年主营业务收入平均增长率），复核仍按《优质中小企业梯度培育管理暂行办法（2022）》，'
        "届时请重新评估。")


def _run(*args: str) -> str:
    done = CliRunner().invoke(app, list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


def _holder(folder: Path) -> str:
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    path = folder / "小巨人.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(path)


def _header(out: str) -> str:
    return "".join(out.split("结论" if "结论" in out else "Verdicts", 1)[0].split())


def test_a_renewal_in_december_2025_is_told_the_round_notice_ends(tmp_path: Path) -> None:
    """At 80 columns, in the header before the verdicts, in Chinese and English; the header's lines fit."""
    path = _holder(tmp_path)
    out = _run("assess", path, "--as-of", "2025-12-20", "--lang", "zh", "--renewal", "little_giant")
    assert ENDS in _header(out), out
    assert all(cell_len(line) <= 80 for line in out.split("结论", 1)[0].splitlines())
    en = " ".join(_run("assess", path, "--as-of", "2025-12-20", "--lang", "en", "--renewal", "little_giant").split())
    assert ("From 2026-01-01, the round notice 工信厅企业函〔2025〕190号 no longer applies (in 2025 no Little Giant "
            "application or renewal") in en, en
    assert "a renewal still follows Interim Measures for Cultivating Quality SMEs (2022): assess again then." in en


def test_a_new_application_is_told_both_the_notice_ending_and_the_measures_changing(tmp_path: Path) -> None:
    """A new application of 20 December 2025: 190号 ends on 1 January, the 2026 measures come on 1 April; both
    said, in that order; and one of December 2024 is told the notice begins."""
    path = _holder(tmp_path)
    head = _header(_run("assess", path, "--as-of", "2025-12-20", "--lang", "zh"))
    ends = head.index("2026年1月1日起，年度通知工信厅企业函〔2025〕190号不再适用")
    assert "新申请仍按《优质中小企业梯度培育管理暂行办法（2022）》" in head
    assert ends < head.index("2026年4月1日起，新申请改按《优质中小企业梯度培育管理办法（2026）》")
    head = _header(_run("assess", path, "--as-of", "2024-12-20", "--lang", "zh"))
    assert "2025年1月1日起，新申请另按年度通知工信厅企业函〔2025〕190号（" in head, head


@settings(max_examples=8, deadline=None)
@given(day=st.integers(min_value=0, max_value=729))
def test_the_notice_line_stands_exactly_while_the_notice_applies(tmp_path_factory: object, day: int) -> None:
    """A 小巨人 renewal on any day of 2025 (under 190号) is told it ends; on any day of 2026 (117号, which only
    confirms the 2022 measures, then the 2026 measures from 2027) no notice line is said."""
    path = _holder(tmp_path_factory.mktemp("cal"))  # type: ignore[attr-defined]
    on = date(2025, 1, 1) + timedelta(days=day)
    head = _header(_run("assess", path, "--as-of", on.isoformat(), "--lang", "zh", "--renewal", "little_giant"))
    assert (ENDS in head) == (on.year == 2025), head
    assert ("年度通知" in head) == (on.year == 2025), head


OVERLAY = str(Path(__file__).parent.parent / "rules" / "overlays" / "shandong-2022.yaml")


def test_the_json_says_the_round_notice_an_overlay_leaves_out(tmp_path: Path) -> None:
    """A Shandong overlay of the 2022 measures dated 2025: the text says 190号 applies that day and is left out;
    the JSON said only that the set was forced. Now its calendar names the notice left out, what the day
    follows, and carries the text's sentences word for word."""
    path = _holder(tmp_path)
    doc = json.loads(_run("assess", path, "--rules", OVERLAY, "--as-of", "2025-06-01", "--lang", "zh",
                          "--format", "json"))
    cal = doc["calendar"]
    assert (cal["round_left_out"], cal["round_left_out_id"]) == ("工信厅企业函〔2025〕190号", "gxt-2025-190")
    assert cal["in_force"] == {"rule_set": "miit-2022", "round": "工信厅企业函〔2025〕190号"}
    text = "".join(_run("assess", path, "--rules", OVERLAY, "--as-of", "2025-06-01", "--lang", "zh").split())
    assert any("不含这一通知" in n for n in cal["notes"])
    assert all("".join(n.split()) in text for n in cal["notes"]), cal["notes"]
    plain = json.loads(_run("assess", path, "--as-of", "2025-06-01", "--format", "json"))["calendar"]
    assert (plain["round_left_out"], plain["in_force"], plain["notes"]) == (None, None, [])


@settings(max_examples=10, deadline=None)
@given(day=st.integers(min_value=0, max_value=5 * 365), renewal=st.sampled_from(["none", "zjtx_sme", "little_giant"]),
       overlay=st.booleans())
def test_the_json_calendar_says_what_the_text_header_and_basis_say(tmp_path_factory: object, day: int, renewal: str,
                                                                   overlay: bool) -> None:
    """Any day from August 2022, any kind of assessment, with or without an overlay: the JSON's coming and
    notes sentences are the text report's, and a notice is said left out exactly where the overlay is used
    on a day a round file applies (2025, a new application or a renewal)."""
    path = _holder(tmp_path_factory.mktemp("json"))  # type: ignore[attr-defined]
    on = date(2022, 8, 1) + timedelta(days=day)
    args = ["assess", path, "--as-of", on.isoformat(), "--lang", "zh", "--renewal", renewal,
            *(["--rules", OVERLAY] if overlay else [])]
    cal = json.loads(_run(*args, "--format", "json"))["calendar"]
    text = "".join(_run(*args).split())
    for said in [*cal["coming"], *cal["notes"]]:
        assert "".join(said.split()) in text, (said, text)
    assert (cal["round_left_out"] is not None) == (overlay and on.year == 2025)


@settings(max_examples=10, deadline=None)
@given(day=st.integers(min_value=0, max_value=5 * 365), renewal=st.sampled_from(["zjtx_sme", "little_giant"]))
@example(day=1673, renewal="little_giant")  # 2027-03-01
@example(day=1035, renewal="little_giant")  # 2025-06-01
def test_the_json_names_what_the_renewal_leaves_out(tmp_path_factory: object, day: int, renewal: str) -> None:
    """Any day from August 2022, either renewal: the JSON lists the renewed tier's conditions left out (none of
    them a row of the tier) and those only a renewal checks (each a row), with the text report's sentence;
    a new application has none."""
    path = _holder(tmp_path_factory.mktemp("clauses"))  # type: ignore[attr-defined]
    on = date(2022, 8, 1) + timedelta(days=day)
    args = ["assess", path, "--as-of", on.isoformat(), "--lang", "zh"]
    doc = json.loads(_run(*args, "--renewal", renewal, "--format", "json"))
    said = doc["calendar"]["renewal_clauses"]
    rows = {c["id"] for c in doc["tiers"][renewal]["criteria"]}
    assert not {c["id"] for c in said["not_checked"]} & rows
    assert {c["id"] for c in said["checks"]} <= rows
    text = "".join(_run(*args, "--renewal", renewal).split())
    assert all("".join(t.split()) in text for t in said["text"])
    assert bool(said["text"]) == bool(said["checks"] or said["not_checked"])
    if renewal == "little_giant" and on >= date(2027, 1, 1):  # the 2026 measures' renewal clauses (criteria.md §1)
        assert {c["id"] for c in said["not_checked"]} == {"lg26.cagr", "lg26.platform"}
    if renewal == "little_giant" and on.year == 2025:  # 190号 waives the growth
        assert [c["id"] for c in said["not_checked"]] == ["lg.main_growth_avg"]
    assert json.loads(_run(*args, "--format", "json"))["calendar"]["renewal_clauses"] is None


def test_markdown_gives_each_header_line_its_own_paragraph(tmp_path: Path) -> None:
    """A new application of 20 December 2025 in Markdown: the basis, the notice ending and the measures changing
    were three lines in a row, one paragraph once rendered (a run-on sentence); each is its own now."""
    from markdown_it import MarkdownIt

    md = _run("assess", _holder(tmp_path), "--as-of", "2025-12-20", "--lang", "zh", "--format", "markdown")
    page = MarkdownIt().render(md)
    assert "<p><em>依据：优质中小企业梯度培育管理暂行办法（2022）</em></p>" in page, page
    assert "<p><em>2026年1月1日起，年度通知工信厅企业函〔2025〕190号不再适用" in page, page
    assert "<p><em>2026年4月1日起，新申请改按" in page, page
