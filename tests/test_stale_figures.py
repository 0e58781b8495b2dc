"""A profile whose latest figures are for a year before last year (saved in 2026, assessed in 2027):
every way out says so first, not only the terminal, Markdown and HTML reports. Real files in, the
JSON, the API's dict and the batch outputs (CSV, xlsx, JSON Lines) read back."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.test_cli_interactive import ANSWERED
from tests.test_park_sheets import results_sheet
from tests.test_reports import cli, squash
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app
from littlegiant.load import profile, rules

LATER = "2027-01-15"  # last year 2026; the finance manager's file stops at 2025
NOTICE_ZH = ("资料中最近的年度数据是2025年的，而评估日期 2027-01-15 的上年度是2026年：2026年的数据尚未填写，"
             "依赖它的条件都是“未知”；请补充2026年的数据")
NOTICE_EN = ("The profile's latest yearly figures are for 2025, but as of 2027-01-15 last year is 2026: with no "
             "2026 figures, every criterion that reads them is unknown; add the 2026 figures")
HEADER = "企业名称,行业,从业人员（上年末）,营业收入（{y}年）,研发费用（{y}年）\n"


def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "factory.yaml"
    path.write_text(ANSWERED, encoding="utf-8")
    return path


def test_the_json_result_says_the_figures_are_a_year_old_first(tmp_path: Path) -> None:
    """``--format json`` carries the notice the reports lead with, as the first ``warnings`` entry
    (kind ``stale_year``), and the document keeps every key it had; assessed in time, there is none."""
    path = str(profile_file(tmp_path))
    doc = json.loads(cli("assess", path, "--as-of", LATER, "--lang", "zh", "--format", "json"))
    assert doc["warnings"] == [{"kind": "stale_year", "path": None, "value": 2025, "last_year": 2026,
                                "message": NOTICE_ZH}]
    assert squash(NOTICE_ZH) in squash(cli("assess", path, "--as-of", LATER, "--lang", "zh", columns=80))
    now = json.loads(cli("assess", path, "--as-of", "2026-11-26", "--lang", "zh", "--format", "json"))
    assert now["warnings"] == [] and list(now) == list(doc)
    english = json.loads(cli("assess", path, "--as-of", LATER, "--lang", "en", "--format", "json"))
    assert [w["message"] for w in english["warnings"]] == [NOTICE_EN]


def test_the_api_gives_the_same_notice_as_the_cli(tmp_path: Path) -> None:
    """``littlegiant.assess(...).to_json()`` and ``littlegiant.to_json(result)`` hold the CLI's very
    ``warnings``, with advice and without."""
    path = profile_file(tmp_path)
    doc = json.loads(cli("assess", str(path), "--as-of", LATER, "--lang", "zh", "--format", "json"))
    plain = littlegiant.assess(path, as_of=date(2027, 1, 15), advice=False)
    advised = littlegiant.assess(path, as_of=date(2027, 1, 15))
    assert plain.result.latest_year == 2025
    assert littlegiant.to_json(plain.result, "zh")["warnings"] == doc["warnings"]
    assert plain.to_json("zh")["warnings"] == advised.to_json("zh")["warnings"] == doc["warnings"]


def test_an_unusual_figure_follows_the_notice(tmp_path: Path) -> None:
    """The notice comes first and the unusual figures after it, each its own entry."""
    path = tmp_path / "odd.yaml"
    path.write_text("name: 甲公司\nindustry: industrial\nfinancials:\n  2024: {revenue: 800, rd_expense: 900}\n",
                    encoding="utf-8")
    doc = json.loads(cli("assess", str(path), "--as-of", "2026-12-01", "--lang", "zh", "--format", "json"))
    assert [w["kind"] for w in doc["warnings"]] == ["stale_year", "above"]
    assert doc["warnings"][0]["message"].startswith("资料中最近的年度数据是2024年的，而评估日期 2026-12-01 的上年度是2025年")


def sheet(tmp_path: Path) -> Path:
    """A park's CSV: 旧 has figures up to 2024 only (one of them unusual), 新 has 2025's."""
    path = tmp_path / "park.csv"
    path.write_text(HEADER.format(y=2024).replace("\n", ",营业收入（2025年）\n")
                    + "旧公司,工业,120,800,900,\n新公司,工业,120,7000,300,8000\n", encoding="utf-8")
    return path


def batch(*args: str) -> None:
    result = CliRunner().invoke(app, ["batch", *args, "--as-of", "2026-12-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output


def test_batch_summary_rows_say_it_in_their_language(tmp_path: Path) -> None:
    """A summary row (CSV in zh and en, and the xlsx as openpyxl reads it) has the notice first in its
    figures-to-check cell, then the unusual figure; the row with last year's figures has neither."""
    src = sheet(tmp_path)
    batch(str(src), "-o", str(tmp_path / "zh.csv"), "--lang", "zh")
    with (tmp_path / "zh.csv").open(encoding="utf-8-sig", newline="") as handle:
        old, new = csv.DictReader(handle)
    said = old["需核对的数据"].split("；「")
    assert said[0].startswith("资料中最近的年度数据是2024年的，而评估日期 2026-12-01 的上年度是2025年：2025年的数据尚未填写")
    assert len(said) == 2 and said[1].startswith("研发费用（2024年）」900万元，高于「营业收入（2024年）」800万元")
    assert new["需核对的数据"] == ""
    batch(str(src), "-o", str(tmp_path / "en.csv"), "--lang", "en")
    with (tmp_path / "en.csv").open(encoding="utf-8-sig", newline="") as handle:
        old_en = next(csv.DictReader(handle))
    assert old_en["Figures to check"].startswith("The profile's latest yearly figures are for 2024, but as of "
                                                 "2026-12-01 last year is 2025")
    batch(str(src), "-o", str(tmp_path / "out.xlsx"), "--lang", "zh")
    first, second = results_sheet(tmp_path / "out.xlsx")
    assert first["需核对的数据"] == old["需核对的数据"] and second["需核对的数据"] is None


def test_full_json_batch_rows_carry_the_notice_as_assess_does(tmp_path: Path) -> None:
    """``batch --format json`` rows hold the same ``warnings`` as ``assess --format json`` of that company."""
    src = sheet(tmp_path)
    batch(str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "json", "--lang", "zh")
    old, new = (json.loads(line)["result"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines())
    one = tmp_path / "old.yaml"
    one.write_text("name: 旧公司\nindustry: industrial\nemployees: 120\nfinancials:\n  2024: {revenue: 800, "
                   "rd_expense: 900}\n", encoding="utf-8")
    alone = json.loads(cli("assess", str(one), "--as-of", "2026-12-01", "--lang", "zh", "--format", "json"))
    assert old["warnings"] == alone["warnings"] and old["warnings"][0]["kind"] == "stale_year"
    assert new["warnings"] == []


@given(years=st.lists(st.integers(2018, 2028), max_size=4), also=st.sampled_from(["", "platform_score", "employees"]),
       last_year=st.integers(2019, 2027))
def test_the_batch_quick_check_says_what_the_latest_year_says(years: list[int], also: str, last_year: int) -> None:
    """``stale_year``, the few look-ups a batch row makes, gives the latest year exactly when last year has
    no figures (the latest older, or the year still running), as the full scan of every value does."""
    rs = rules.load("miit-2026")
    values: dict[str, object] = {f"financials.{y}.revenue": Decimal(100) for y in years}
    if also:
        values[also] = Decimal(50)
    latest = profile.latest_year(rs, values)
    assert latest == max(years, default=None)
    assert profile.stale_year(rs, values, last_year) == (None if last_year in years else latest)


def test_figures_of_the_year_still_running_alone_are_said_to_be_no_last_years(tmp_path: Path) -> None:
    """2025's accounts typed under 2026 and assessed in November 2026: every tier was 未知 with no word of
    why, and the plan took them as this year's. The reports, the JSON result and a batch row say that
    an assessment reads 2025 and the 2026 figures serve the plan only; with 2025 given too, that the 2026
    figures change nothing (said once, as a figure given is never dropped without a word)."""
    ahead = tmp_path / "ahead.yaml"
    ahead.write_text("name: 甲公司\nindustry: industrial\nemployees: 120\nfinancials:\n  2026: {revenue: 8000, "
                     "rd_expense: 400}\n", encoding="utf-8")
    said = ("资料中有2026年的数据，却没有上年度（2025年）的：评估日期 2026-11-26 看的是2025年的数据，依赖它的条件都是“未知”，"
            "2026年的数据只用于行动计划；如果这些其实是2025年的数据，请改填在2025年下")
    doc = json.loads(cli("assess", str(ahead), "--as-of", "2026-11-26", "--lang", "zh", "--format", "json"))
    assert doc["warnings"][0] == {"kind": "year_ahead", "path": None, "value": 2026, "last_year": 2025,
                                  "message": said}
    assert squash(said) in squash(cli("assess", str(ahead), "--as-of", "2026-11-26", "--lang", "zh"))
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,营业收入（2026年）,营业收入（2025年）\n甲公司,8000,\n乙公司,8000,7000\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(tmp_path / "out.csv"), "--as-of", "2026-11-26",
                                 "--lang", "zh", "-q"])
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    beside = ("资料中填有2026年的数据（「营业收入（2026年）」8,000万元）：评估看的是上年度（2025年）的数据，"
              "2026年的数据不影响本次结论；如果它们其实是2025年的，请改填到2025年")
    assert result.exit_code == 0 and [r["需核对的数据"] for r in rows] == [said, beside]
