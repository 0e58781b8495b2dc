"""`littlegiant assess PROFILE` as a user runs it: real files in, output and exit codes checked."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pexpect
import pytest
from rich.cells import cell_len
from tests.conftest import EXAMPLES, wide_command
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1", "LANG": "en_US.UTF-8"})


def assess_json(path: Path, *extra: str) -> dict[str, Any]:
    result = invoke("assess", str(path), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# Verdicts recorded by hand from docs/criteria.md: (file, rules, sme size, {tier: (status, score, min, max)})
EXPECTED = [
    ("micro-startup.yaml", "miit-2022", "micro", {"innovative_sme": ("unmet", 60, 60, 60), "zjtx_sme": ("unmet", None, 25, 50), "little_giant": ("unmet", None, None, None)}),
    ("micro-startup.yaml", "miit-2026", "micro", {"innovative_sme": ("met", None, None, None), "zjtx_sme": ("unmet", None, None, None), "little_giant": ("unmet", None, None, None)}),
    ("tier1-only.yaml", "miit-2022", "small", {"innovative_sme": ("met", 75, 75, 75), "zjtx_sme": ("unmet", 52, 52, 52), "little_giant": ("unmet", None, None, None)}),
    ("tier1-only.yaml", "miit-2026", "small", {"innovative_sme": ("met", None, None, None), "zjtx_sme": ("unmet", None, None, None), "little_giant": ("unmet", None, None, None)}),
    ("little-giant-2022.yaml", "miit-2022", "small", {"innovative_sme": ("met", 90, 90, 90), "zjtx_sme": ("met", 87, 87, 87), "little_giant": ("manual_review", None, None, None)}),
    ("little-giant-2022.yaml", "miit-2026", "small", {"innovative_sme": ("met", None, None, None), "zjtx_sme": ("manual_review", None, None, None), "little_giant": ("unmet", None, None, None)}),
    ("little-giant-2026.yaml", "miit-2026", "small", {"innovative_sme": ("met", None, None, None), "zjtx_sme": ("manual_review", None, None, None), "little_giant": ("manual_review", None, None, None)}),
    ("red-line.yaml", "miit-2022", "small", {"innovative_sme": ("unmet", 95, 95, 95), "zjtx_sme": ("unmet", 87, 87, 87), "little_giant": ("unmet", None, None, None)}),
    ("red-line.yaml", "miit-2026", "small", {"innovative_sme": ("manual_review", None, None, None), "zjtx_sme": ("manual_review", None, None, None), "little_giant": ("manual_review", None, None, None)}),
    ("half-missing.yaml", "miit-2022", "small", {"innovative_sme": ("unknown", None, 30, 95), "zjtx_sme": ("unknown", None, 35, 74), "little_giant": ("unmet", None, None, None)}),
    ("half-missing.yaml", "miit-2026", "small", {"innovative_sme": ("unknown", None, None, None), "zjtx_sme": ("unknown", None, None, None), "little_giant": ("unmet", None, None, None)}),
]


@pytest.mark.parametrize(("name", "rule_id", "size", "tiers"), EXPECTED, ids=[f"{e[0]}-{e[1]}" for e in EXPECTED])
def test_example_verdicts(name: str, rule_id: str, size: str, tiers: dict[str, tuple[Any, ...]]) -> None:
    doc = assess_json(EXAMPLES / name, "--rules", rule_id, "--as-of", "2026-11-26")
    assert doc["sme"] == {"status": "met", "size": size}
    got = {t: (v["status"], v["score"], v["score_min"], v["score_max"]) for t, v in doc["tiers"].items()}
    assert got == tiers


def test_every_example_is_covered() -> None:
    assert {e[0] for e in EXPECTED} == {p.name for p in EXAMPLES.glob("*.yaml")}
    assert len({e[0] for e in EXPECTED}) >= 6


def test_json_contract_shape() -> None:
    doc = assess_json(EXAMPLES / "little-giant-2026.yaml", "--as-of", "2026-11-26")
    assert doc["rules"]["id"] == "miit-2026" and doc["rules"]["in_force_from"] == "2026-04-01"
    assert doc["as_of"] == "2026-11-26" and doc["last_year"] == 2025
    assert re.fullmatch(r"[0-9a-f]{64}", doc["input_sha256"])
    assert set(doc["tiers"]) == {"innovative_sme", "zjtx_sme", "little_giant"}
    for tier in doc["tiers"].values():
        assert tier["status"] in ("met", "unmet", "unknown", "manual_review")
        for c in tier["criteria"]:
            for key in ("id", "title", "status", "value", "threshold", "points", "source", "confidence", "missing", "explanation"):
                assert key in c, (c["id"], key)
            if c["kind"] not in ("all", "any"):
                assert c["source"] and c["confidence"] in ("gov", "multi", "single", "recalled"), c["id"]


def test_as_of_picks_version_and_renewal_uses_the_calendar() -> None:
    """The date picks the set; a 2026 Little Giant renewal is judged by the 2022 measures under 117号."""
    path = EXAMPLES / "little-giant-2022.yaml"
    assert assess_json(path, "--as-of", "2026-03-31")["rules"]["id"] == "miit-2022"
    assert assess_json(path, "--as-of", "2026-04-01")["rules"]["id"] == "miit-2026"
    renewal = assess_json(path, "--as-of", "2026-11-26", "--renewal", "little_giant")
    assert renewal["rules"]["id"] == "miit-2022" and renewal["renewal"] == "little_giant"
    assert renewal["calendar"]["round"] == "工信厅企业函〔2026〕117号"
    assert renewal["tiers"]["little_giant"]["status"] == "manual_review"


def test_yaml_and_json_profiles_agree(tmp_path: Path) -> None:
    """The same profile as JSON gives the same verdicts and the same input digest."""
    import yaml

    data = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    as_json = tmp_path / "p.json"
    as_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    a = assess_json(EXAMPLES / "little-giant-2026.yaml", "--as-of", "2026-11-26")
    b = assess_json(as_json, "--as-of", "2026-11-26")
    assert a["input_sha256"] == b["input_sha256"]
    assert a["tiers"] == b["tiers"]


def test_text_report_has_a_panel_per_tier() -> None:
    result = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26")
    assert result.exit_code == 0
    for title in ("Technology-based and innovative SME", "Specialised and sophisticated SME", "Little Giant"):
        assert title in result.stdout
    assert "self-assessment, not an official determination" in result.stdout


def test_text_report_in_chinese() -> None:
    result = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh")
    assert result.exit_code == 0
    assert "专精特新中小企业" in result.stdout and "不满足" in result.stdout


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--format", "json", "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["sme"]["size"] == "small"


def test_markdown_report_has_every_tier_and_footer() -> None:
    result = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--format", "markdown", "--as-of", "2026-11-26")
    assert result.exit_code == 0
    md = result.stdout
    assert md.count("\n### ") == 3  # one criterion table per tier, after the answer
    assert md.index("## The answer") < md.index("## Criterion by criterion")
    assert "third-party transcriptions" in md.split("\n## What this rests on")[1]
    doc = assess_json(EXAMPLES / "little-giant-2026.yaml", "--as-of", "2026-11-26")
    footer = md.split("\n---\n")[-1]
    assert f"profile check code {doc['input_sha256'][:8]} (to match this report" in footer
    assert doc["input_sha256"][:9] not in md and "miit-2026" not in footer
    assert f"Rules: {doc['rules']['title']} · as of 2026-11-26" in footer and "littlegiant 0.1.0" in footer
    assert "self-assessment, not an official determination" in md


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href")]


def test_html_report_is_self_contained() -> None:
    result = invoke("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--format", "html", "--as-of", "2026-03-01", "--lang", "zh")
    assert result.exit_code == 0
    parser = _Collect()
    parser.feed(result.stdout)
    assert parser.tags.count("table") == 3  # one criterion table per tier
    assert 'name="viewport"' in result.stdout
    assert "script" not in parser.tags and "link" not in parser.tags
    assert parser.refs == []
    assert "@import" not in result.stdout and "url(" not in result.stdout
    assert "本报告为企业自评结果，不是主管部门的正式认定。" in result.stdout


def test_set_what_if_changes_the_verdict() -> None:
    path = EXAMPLES / "little-giant-2022.yaml"
    before = assess_json(path, "--as-of", "2026-11-26")
    after = assess_json(path, "--as-of", "2026-11-26", "--set", "financials.2025.main_revenue=10800")
    assert before["tiers"]["little_giant"]["status"] == "unmet"
    assert after["tiers"]["little_giant"]["status"] == "manual_review"  # 10800 / 12000 = 90%


@pytest.mark.parametrize("name", ["营业收入（2025年）", "上年度营业收入", "Operating revenue 2025"])
def test_set_takes_a_figure_by_the_label_the_reports_show(name: str) -> None:
    """A finance manager types what the report calls the figure: --set by a label or a column header
    (as batch reads headers) is the same what-if as by its path, and says so by the label."""
    path = EXAMPLES / "little-giant-2022.yaml"
    by_path = assess_json(path, "--as-of", "2026-11-26", "--set", "financials.2025.main_revenue=10800")
    by_label = assess_json(path, "--as-of", "2026-11-26", "--set", "主营业务收入（2025年）=10800")
    assert by_label["tiers"] == by_path["tiers"]
    doc = assess_json(path, "--as-of", "2026-11-26", "--set", f"{name}=13000")
    assert doc["what_if"]["assumed"] == [{"path": "financials.2025.revenue", "before": 12000, "after": 13000}]


def test_set_by_a_label_naming_its_unit_reads_the_figure_in_that_unit(tmp_path: Path) -> None:
    """--set 营业收入（元）（2025年）=130000000 set 130,000,000万元, flipping every tier: a label that names
    its unit is read in it, as a sheet's column with that header is; a what-if keeps the profile's
    answered_under, whose warning a --set dropped."""
    path = tmp_path / "p.yaml"
    path.write_text("answered_under: miit-2022\n" + (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    doc = assess_json(path, "--as-of", "2026-11-26", "--set", "营业收入（元）（2025年）=130000000",
                      "--set", "研发费用（亿元）（2025年）=0.07")
    assert doc["what_if"]["assumed"] == [
        {"path": "financials.2025.revenue", "before": 12000, "after": 13000},
        {"path": "financials.2025.rd_expense", "before": 650, "after": 700}]
    assert [w["kind"] for w in doc["warnings"]] == ["answered_under", "asked_otherwise"]


def test_every_warning_of_the_json_names_its_path_null_when_it_has_no_figure(tmp_path: Path) -> None:
    """docs/output.md §4 gives each warning a ``path`` (null for stale_year and answered_under_unknown):
    the answered_under warning (answers given under miit-2022, judged under 2026) had none, and a
    script reading ``w["path"]`` of each stopped on it."""
    path = tmp_path / "p.yaml"
    path.write_text("answered_under: miit-2022\n" + (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    doc = assess_json(path, "--as-of", "2026-11-26")
    said = [w for w in doc["warnings"] if w["kind"] == "answered_under"]
    assert len(said) == 1 and said[0]["path"] is None and "2022" in said[0]["answered_under"]
    assert all("path" in w for w in doc["warnings"])


def test_set_by_the_other_rule_sets_incident_question_is_refused_naming_this_sets() -> None:
    """A what-if is an answer to this set's question: --set by the 2022 incident question's words under
    2026 was applied without a word. It is refused (exit 2, one line) naming the question asked."""
    result = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
                    "--set", "近三年发生重大安全（含网络安全、数据安全）、质量、环境污染等事故=是")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "这是另一套办法的问题；本次依据的办法问的是“近三年发生较大生产安全事故" in result.stderr
    assert "请按这个问题回答，如 --set compliance.major_incident=否" in result.stderr


@pytest.mark.parametrize(("name", "as_of", "meant"), [
    ("研发费用", "2026-11-26", "「研发费用（2025年）」"),
    ("revenue", "2027-01-10", "「营业收入（2026年）」"),
])
def test_set_of_a_yearly_figure_without_its_year_suggests_last_years(name: str, as_of: str, meant: str) -> None:
    """--set 研发费用=700 was refused as no such item, with nothing nearer: a figure kept by year named
    without one is refused (exit 2, one line) suggesting the run's last year's, by the label a finance
    manager reads in the report (the code path first read as the thing to type); --set takes it as said."""
    result = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", as_of, "--lang", "zh",
                    "--set", f"{name}=700")
    assert result.exit_code == 2 and "Traceback" not in result.output
    line = result.stderr.strip()
    assert "\n" not in line and f"“{name}”是按年份填的数字，请写明年份；您是不是想写{meant}？" in line
    assert "financials" not in line
    taken = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", as_of, "--lang", "zh",
                   "--set", f"{meant.strip('「」')}=700")
    assert taken.exit_code == 0 and f"{meant.strip('「」')}" in taken.stdout, taken.stderr


@pytest.mark.parametrize(("words", "as_of", "said"), [
    ("数字化", "2026-11-26", "《优质中小企业梯度培育管理办法（2026）》中没有与“数字化”相符的条件；《优质中小企业梯度培育管理暂行"
                           "办法（2022）》中有：「数字化水平」（该办法适用于 2026-03-31 及以前的评估，可加 --as-of 2026-03-31 查看）"),
    ("净利润", "2026-11-26", "《优质中小企业梯度培育管理暂行办法（2022）》中有：「上年度净利润率」"),
    ("发展评价", "2026-03-01", "该办法适用于 2026-04-01 起的评估，可加 --as-of 2026-04-01 查看"),
])
def test_explain_of_a_criterion_only_the_other_version_has_says_where_it_is(words: str, as_of: str, said: str) -> None:
    """--explain 数字化 under 2026 said only "no such criterion": a finance manager who read of it in
    the 2022 measures was left guessing. It names the version that has it and the date that shows it,
    and the date given shows it."""
    example = str(EXAMPLES / "little-giant-2026.yaml")
    result = invoke("assess", example, "--as-of", as_of, "--lang", "zh", "--explain", words)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert said in result.stderr
    shown = said.rsplit("--as-of ", 1)[1].split(" ")[0] if "--as-of" in said else "2026-03-31"
    assert invoke("assess", example, "--as-of", shown, "--lang", "zh", "--explain", words).exit_code == 0
    # under --rules a date would change nothing: the set is named as --rules takes it
    forced = "miit-2026" if as_of == "2026-11-26" else "miit-2022"
    other = "miit-2022" if forced == "miit-2026" else "miit-2026"
    result = invoke("assess", example, "--rules", forced, "--as-of", as_of, "--lang", "zh", "--explain", words)
    assert result.exit_code == 2 and f"（用 --rules {other} 查看）" in result.stderr and "--as-of" not in result.stderr
    assert invoke("assess", example, "--rules", other, "--as-of", as_of, "--lang", "zh", "--explain", words).exit_code == 0


def test_dont_know_written_in_a_profile_is_unknown_as_in_a_sheet(tmp_path: Path) -> None:
    """不知道, 不详 or -- typed into a profile was refused (exit 2) while a sheet's cell, --set and the
    interview take them as unknown: a profile takes them so too, never as 0."""
    path = tmp_path / "p.yaml"
    path.write_text("name: 甲\nindustry: industrial\nemployees: 不知道\nfinancials:\n"
                    "  2025: {revenue: '--', rd_expense: 不详, main_revenue: 800}\n", encoding="utf-8")
    doc = assess_json(path, "--as-of", "2026-11-26")
    assert doc["sme"]["status"] == "unknown"
    inputs = {k: v for t in doc["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()}
    assert inputs["employees"] is None and inputs["financials.2025.revenue"] is None
    assert inputs["financials.2025.rd_expense"] is None and inputs["financials.2025.main_revenue"] == 800


def test_explain_prints_the_trace() -> None:
    """English says what Chinese says, laid out alike: the title, not the id; inputs by their labels with
    units, not paths; the rule set by its title; the points once, in the computation's sentence."""
    path = str(EXAMPLES / "little-giant-2026.yaml")
    result = invoke("assess", path, "--as-of", "2026-11-26", "--lang", "en", "--explain", "zjtx26.rd.share_y1")
    assert result.exit_code == 0
    assert result.stdout.startswith("R&D share of revenue last year at least 3%\n")
    assert "  · R&D expense 2025: 650 (10k CNY)" in result.stdout
    assert "Computation: 5.42% (650 ÷ 12,000); required at least 3%: met" in result.stdout
    assert "under Measures for Cultivating Quality SMEs (2026)" in " ".join(result.stdout.split())
    assert "工信部企业〔2026〕2号" in result.stdout and "Confidence: several independent reposts" in result.stdout
    assert not re.search(r"zjtx26|financials\.|miit-|multi", result.stdout), result.stdout
    points = invoke("assess", path, "--as-of", "2026-11-26", "--lang", "en", "--explain", "tech.points.rd_input")
    assert points.stdout.count("points") == 1 and "40 of 50 points" in " ".join(points.stdout.split()), points.stdout


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_explain_in_chinese_reads_as_words_for_every_criterion(name: str) -> None:
    """--explain under zh, for every criterion of every example: no id, field path, ASCII operator or
    English word; inputs by their questions; lines that fit 60 columns. (The CLI's own path is the
    next test's; here the same function is called once per criterion, which the CLI would take minutes for.)"""
    from datetime import date

    import littlegiant
    from littlegiant.report.explain import explain_text

    done = littlegiant.assess(EXAMPLES / f"{name}.yaml", as_of=date(2026, 11, 26))
    paths = {p for t in done.result.tiers.values() for c in t.criteria for p in c.inputs}
    for tier in done.result.tiers.values():
        for c in tier.criteria:
            text = explain_text(done.result, tier, c, "zh", done.rules, width=60)
            assert text.replace("\n", "").startswith(c.title.zh.replace(" ", "")[:20]), text
            assert c.id not in text and not any(p in text for p in paths), text
            assert not re.search(r">=|<=|≥|≤| or | and |\{|[A-Za-z]{3,}", text), text
            assert all(cell_len(line) <= 60 for line in text.splitlines()), text


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_explain_in_english_fits_the_width_without_cutting_a_word(name: str) -> None:
    """--explain under en, for every criterion of every example at 60, 80 and 120 columns: no id or path
    (it read "zjtx26.rd.share_y1 —", "financials.2025.rd_expense = 650"), points said once; every line fits,
    and the words and numbers are those of the unwrapped trace, in order, none cut in two (a Chinese source
    may break between two of its characters)."""
    from datetime import date

    import littlegiant
    from littlegiant.report.explain import explain_text

    done = littlegiant.assess(EXAMPLES / f"{name}.yaml", as_of=date(2026, 11, 26))
    # ids and paths that are no English word (employees is both a path and a word)
    codes = {p for t in done.result.tiers.values() for c in t.criteria for p in [c.id, *c.inputs] if re.search(r"[._]", p)}
    for tier in done.result.tiers.values():
        for c in tier.criteria:
            whole = explain_text(done.result, tier, c, "en", done.rules)
            assert not any(p in whole for p in codes), whole  # words, as in zh
            assert done.result.rules_id not in whole and "\nPoints: " not in whole, whole  # points: in the sentence
            for width in (60, 80, 120):
                text = explain_text(done.result, tier, c, "en", done.rules, width=width)
                assert all(cell_len(line) <= width for line in text.splitlines()), text
                assert "".join(text.split()) == "".join(whole.split()), text
                assert [w for w in text.split() if w.isascii()] == [w for w in whole.split() if w.isascii()], text


def test_explain_in_english_is_wrapped_to_columns() -> None:
    """COLUMNS=80: a long English trace breaks at spaces, a part's later lines under its text, not its mark."""
    result = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26",
                                 "--lang", "en", "--explain", "tech.score"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert all(cell_len(line) <= 80 for line in result.stdout.splitlines()), result.stdout
    assert ("  ✔ R&D spending (the higher of two measures): R&D expense / sales revenue\n"
            "    5.42%; R&D expense / total costs 6.19%: 40 of 50 points\n") in result.stdout


@pytest.mark.parametrize(("lang", "words"), [("en", "R&D expense"), ("zh", "研发费用")])
def test_explain_of_several_criteria_fits_60_columns_heading_included(lang: str, words: str) -> None:
    """Words naming several criteria: the line saying how many is wrapped at COLUMNS=60 as the traces are."""
    result = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26",
                                 "--lang", lang, "--explain", words], env={"COLUMNS": "60", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert all(cell_len(line) <= 60 for line in result.stdout.splitlines()), result.stdout
    heading = result.stdout.split("\n\n", 1)[0]
    assert heading.count("\n") == 1 and ("criteria match" in heading or "逐一说明如下" in heading), heading


def test_explain_finds_a_criterion_by_words_of_its_title() -> None:
    """Ids appear in no client report: words of a title find the criterion, several matches are listed
    with their titles, and none is a one-line exit 2."""
    path = str(EXAMPLES / "tier1-only.yaml")
    one = runner.invoke(app, ["assess", path, "--as-of", "2026-11-26", "--lang", "zh", "--explain", "前年研发费用不低于100万元"],
                        env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert one.exit_code == 0, one.output
    assert one.stdout.startswith("前年研发费用不低于100万元\n所属称号：专精特新中小企业")
    assert "  · 研发费用（2024年）：70万元" in one.stdout and "结论：✘ 不满足" in one.stdout
    several = invoke("assess", path, "--as-of", "2026-11-26", "--explain", "细分市场")
    assert several.exit_code == 0, several.output
    assert several.stdout.startswith("7 criteria match \"细分市场\"; each is explained below")
    assert "\nAt least 3 years in the niche market" in several.stdout  # each by its title, as in zh
    several = invoke("assess", path, "--as-of", "2026-11-26", "--explain", "细分市场", "--format", "json")
    assert several.exit_code == 2
    assert "zjtx_sme:zjtx26.niche_years (" in several.output and "little_giant:lg26.market.rank (" in several.output
    none = invoke("assess", path, "--as-of", "2026-11-26", "--explain", "no such words")
    assert none.exit_code == 2 and len(none.output.strip().splitlines()) == 1


def test_explain_with_json_writes_only_json() -> None:
    """--format json writes only JSON to stdout, --explain included: the criterion as the full result has it."""
    args = ("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--explain", "zjtx26.rd.share_y1")
    doc = json.loads(invoke(*args, "--format", "json").stdout)
    full = assess_json(EXAMPLES / "little-giant-2026.yaml", "--as-of", "2026-11-26")
    same = next(c for c in full["tiers"]["zjtx_sme"]["criteria"] if c["id"] == "zjtx26.rd.share_y1")
    assert doc == {"tier": "zjtx_sme", "renewal": None, "judged_as": "new_application", "criterion": same}


BAD_PROFILES = [
    ("unknown key", "name: x\nindustri: industrial\n", "p.yaml:2: industri: unknown field"),
    ("wrong type", "employees: many\n", "p.yaml:1: employees: expected a whole number, got text 'many'"),
    ("negative money", "financials:\n  2025: {revenue: -5}\n", "p.yaml:2: financials.2025.revenue: expected an amount that is not negative, got -5"),
    ("percent out of range", "market: {domestic_share: 120}\n", "p.yaml:1: market.domestic_share: expected a percentage from 0 to 100, got 120"),
    ("bad year", "financials:\n  20x5: {revenue: 5}\n", "p.yaml:2: financials.20x5: expected a year between 1990 and 2100"),
    ("bad choice", "industry: banking\n", "p.yaml:1: industry: got text 'banking'; a manufacturer of any kind is "
                   "'industrial' (expected one of agriculture"),
    ("not yes or no", "registered_in_china: perhaps\n", "p.yaml:1: registered_in_china: expected true or false, got text 'perhaps'"),
    ("duplicate key", "employees: 5\nemployees: 6\n", "p.yaml:2: duplicate key 'employees' (first at line 1)"),
    ("invalid yaml", "employees: [1,\n", "p.yaml:2: invalid YAML"),
    # a Chinese input method's 「：」: PyYAML stopped on the next line and said what it expected there
    ("full-width colon", "name: 甲：乙\nemployees：120\nfinancials:\n  2025: {revenue: 3000}\n",
     "p.yaml:2: the colon after employees is a full-width one (：): write employees: 120 (an ASCII colon, then a space)"),
    ("full-width colon, no value", "name: x\nfinancials：\n  2025: {revenue: 3000}\n",
     "p.yaml:2: the colon after financials is a full-width one (：): write financials: (an ASCII"),
    ("tab indent", "name: x\nfinancials:\n  2025:\n\trevenue: 3000\n", "p.yaml:4: indented with the Tab key: indent with spaces"),
    # a 「：」 in a block of text lines above is not what broke it (it was blamed for an unclosed brace)
    ("full-width colon in text above", "name: |\n  某某：科技有限公司\nindustry: 工业\nemployees: 120\nfinancials:\n"
     "  2025: {revenue: 3000, rd_expense: 120\n", "p.yaml:7: invalid YAML"),
    ("not a mapping", "- 1\n- 2\n", "p.yaml: expected a mapping of profile fields"),
    ("empty", "", "p.yaml: the profile is empty"),
    ("fraction of a person", "employees: 5.5\n", "p.yaml:1: employees: expected a whole number, got 5.5"),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD_PROFILES, ids=[b[0] for b in BAD_PROFILES])
def test_bad_profile_is_one_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, text: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(text, encoding="utf-8")
    result = invoke("assess", "p.yaml", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("littlegiant: error: " + message), lines[0]
    assert "Traceback" not in result.output


def test_a_broken_profile_with_long_lines_is_said_at_once(tmp_path: Path) -> None:
    """The line a 「：」 or a Tab broke is looked for in every line above the error: a long line of
    spaces (a pattern's lazy key took a minute over one) and a long key are said in one line, the
    advice kept whole."""
    spaces = tmp_path / "spaces.yaml"
    spaces.write_text("name: x\nk" + "  \t" * 100_000 + "\nemployees: [1\n", encoding="utf-8")
    said = invoke("assess", str(spaces))
    assert said.exit_code == 2 and "invalid YAML" in said.stderr
    long_key = tmp_path / "key.yaml"
    long_key.write_text("name: x\n" + "k" * 100_000 + "：120\nniche_years: 3\n", encoding="utf-8")
    said = invoke("assess", str(long_key))
    line = said.stderr.strip()
    assert said.exit_code == 2 and len(line) < 400 and line.endswith("(an ASCII colon, then a space)"), line


@pytest.mark.parametrize(("args", "message"), [
    (["assess", "missing.yaml"], "missing.yaml: no such file"),
    (["assess", "EX", "--rules", "miit-1999"], "--rules: unknown rule set 'miit-1999'"),
    (["assess", "EX", "--as-of", "yesterday"], "--as-of: expected a date YYYY-MM-DD"),
    (["assess", "EX", "--as-of", "20261131"], "--as-of: '20261131' is no day: November 2026 has 30 days"),
    (["assess", "EX", "--as-of", "2026-W48-4"], "--as-of: expected a date YYYY-MM-DD, got '2026-W48-4'"),
    (["assess", "EX", "--as-of", "2021-01-01"], "--as-of: no rule set is in force on 2021-01-01"),
    # a year typed wrong (2206 for 2026): the plans' later rounds read years no profile holds; was exit 3
    (["assess", "EX", "--as-of", "2206-11-26"], "--as-of: expected a date up to 2098-12-31, got '2206-11-26'"),
    (["batch", "EX", "-o", "/no/such/folder/out.csv", "--as-of", "2101-01-01"], "--as-of: expected a date up to 2098-12-31"),
    (["assess", "EX", "--lang", "fr"], "--lang: expected zh or en"),
    (["assess", "EX", "--format", "pdf"], "--format: expected one of text, json, markdown, html"),
    (["assess", "EX", "--set", "nonsense"], "--set: expected FIELD=VALUE"),
    (["assess", "EX", "--set", "financials.2025.revenu=5"], "financials.2025.revenu: no such field"),
    (["assess", "EX", "--set", "financials.2025.revenue=lots"], "--set financials.2025.revenue: expected an amount in 10k CNY (万元)"),
    (["assess", "EX", "--explain", "no.such"], "--explain: no criterion 'no.such'"),
])
def test_bad_options_exit_2(args: list[str], message: str) -> None:
    args = [str(EXAMPLES / "tier1-only.yaml") if a == "EX" else a for a in args]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_the_year_placeholder_is_no_year_in_a_profile_a_what_if_or_a_column(tmp_path: Path) -> None:
    """"{year}", the rule files' placeholder, was taken as a year: a profile keyed so, --set
    equity_financing.{year}=5 and a sheet's column so headed each stopped on an internal error (a bug said
    to the user). It is a key no profile holds, said so, and a column of no use, passed over."""
    data = tmp_path / "p.json"
    data.write_text('{"name": "甲公司", "equity_financing": {"{year}": 5}}', encoding="utf-8")
    got = runner.invoke(app, ["assess", str(data), "--lang", "zh", "--as-of", "2026-11-26"])
    assert (got.exit_code, got.stderr) == (2, f"littlegiant 出错：{data}：这里应填年份（1990–2100），现在是“{{year}}”\n")
    what_if = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh",
                                  "--set", "equity_financing.{year}=5"])
    assert (what_if.exit_code, what_if.stderr) == (2, "littlegiant 出错：--set：没有“equity_financing.{year}”这个项目\n")
    sheet = tmp_path / "s.csv"
    sheet.write_text("企业名称,equity_financing.{year}\n甲公司,5\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26"])
    assert done.exit_code == 0, done.stderr
    assert "“equity_financing.{year}”" in done.stderr and "internal error" not in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("year", ["1989", "2101"])
def test_a_what_if_for_a_year_no_profile_holds_says_the_years_it_holds(tmp_path: Path, year: str) -> None:
    """--set financials.1989.revenue=100 was asked "did you mean 'Operating revenue 1989'?", the very thing typed;
    it says the years a profile holds, in either language, and a sheet's column so headed says the same."""
    example = str(EXAMPLES / "tier1-only.yaml")
    path = f"financials.{year}.revenue"
    en = invoke("assess", example, "--set", f"{path}=100")
    zh = runner.invoke(app, ["assess", example, "--lang", "zh", "--set", f"{path}=100"])
    assert (en.exit_code, en.stderr) == (2, f"littlegiant: error: {path}: {year} is not a year a profile holds: "
                                            "figures are kept for 1990 to 2100\n")
    assert (zh.exit_code, zh.stderr) == (2, f"littlegiant 出错：--set：“{path}”：没有 {year} 年这一栏，"
                                            "档案按年填写的数字只能是 1990–2100 年的\n")
    sheet = tmp_path / "in.csv"
    sheet.write_text(f"name,{path}\nA,5\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = invoke("batch", str(sheet), "-o", str(out), "--quiet")
    assert (done.exit_code, done.stderr) == (2, f"littlegiant: error: {sheet}: {path}: {year} is not a year a profile "
                                                f"holds: figures are kept for 1990 to 2100; no rows written; {out} not "
                                                "created\n")


def test_as_of_takes_a_day_as_people_write_it_and_says_in_chinese_what_it_refuses() -> None:
    """2026/4/1, 2026.4.1, 2026年4月1日 and 20260401 are 2026-04-01 (year first); 4/1/2026 is refused, and a day
    before the calendar is said in Chinese, not in English inside a Chinese message."""
    example = str(EXAMPLES / "tier1-only.yaml")
    for typed in ("2026/4/1", "2026.4.1", "2026年4月1日", "2026-04-01", "20260401"):
        result = runner.invoke(app, ["assess", example, "--lang", "zh", "--as-of", typed])
        assert result.exit_code == 0 and "评估日期 2026-04-01 · 上年度 2025" in result.stdout, typed
    said = {typed: runner.invoke(app, ["assess", example, "--lang", "zh", "--as-of", typed]).stderr.strip()
            for typed in ("4/1/2026", "2022-07-31")}
    assert said["4/1/2026"] == "littlegiant 出错：--as-of：应填日期，格式为“年-月-日”（如 2026-03-01），现在是“4/1/2026”"
    assert said["2022-07-31"] == "littlegiant 出错：--as-of：2022-07-31 没有适用的规则（本工具收录的规则从 2022-08-01 起施行）"
    late = runner.invoke(app, ["assess", example, "--lang", "zh", "--as-of", "9999-12-31"])
    assert (late.exit_code, late.stderr.strip()) == (2, "littlegiant 出错：--as-of：应填 2098-12-31 及以前的日期，现在是“9999-12-31”")
    assert runner.invoke(app, ["assess", str(EXAMPLES / "micro-startup.yaml"), "--as-of", "2098-12-31"]).exit_code == 0


def test_an_explain_that_finds_nothing_says_what_to_write_in_plain_chinese() -> None:
    """--explain foo in zh named the rule set's id and pointed at --format json output: code to a finance
    manager. It says what to write instead, with words of the criteria's names."""
    said = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh", "--explain", "foo"]).stderr
    assert said.strip() == ("littlegiant 出错：--explain：没有找到与“foo”相符的条件：请写条件名称中的词，"
                            "如“研发费用”“营业收入”“细分市场”")


def test_an_explain_of_a_mistyped_id_names_the_id_meant_with_its_title() -> None:
    """--explain zjtx26.debt (an id cut short) was told to write words of a title: the id meant, with
    its title, is named instead."""
    for lang, expected in (("zh", "littlegiant 出错：--explain：没有找到“zjtx26.debt”这一条件；您是不是想写 zjtx26.debt_ratio"
                                  "（上年末资产负债率不高于80%）？"),
                           ("en", "littlegiant: error: --explain: no criterion 'zjtx26.debt'; did you mean "
                                  "zjtx26.debt_ratio (Debt-to-asset ratio at last year end at most 80%)?")):
        out = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", lang,
                                  "--explain", "zjtx26.debt"])
        assert (out.exit_code, out.stderr.strip()) == (2, expected)
    out = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
                              "--explain", "zjtx26"])  # a tier's prefix: no one id of it is meant
    assert out.exit_code == 2 and "您是不是想写" not in out.stderr and "请写条件名称中的词" in out.stderr


def test_bad_rule_file_is_one_line(tmp_path: Path) -> None:
    rule = tmp_path / "r.yaml"
    rule.write_text("format: 1\nid: x\nextends: miit-2022\ntiers:\n  little_giant:\n    zh: a\n    en: b\n    criteria:\n"
                    "      - {id: bad, value: 'revenue[y1] ** 2', op: '>=', threshold: 1, zh: a, en: b, source: s, confidence: gov}\n",
                    encoding="utf-8")
    result = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--rules", str(rule))
    assert result.exit_code == 2
    assert "r.yaml:9: tiers.little_giant.criteria[0].value: operator not allowed" in result.stderr


def test_version_and_help() -> None:
    assert invoke("--version").stdout.strip() == "littlegiant 0.1.0"
    for cmd in (["--help"], ["assess", "--help"]):
        result = invoke(*cmd)
        assert result.exit_code == 0 and "Usage" in result.stdout
    assert "Examples" in invoke("assess", "--help").stdout


@pytest.mark.parametrize(("args", "listed"), [([], "assess"), (["rules"], "validate")])
def test_a_bare_command_prints_its_help(args: list[str], listed: str) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("Usage:") and "Commands:" in done.stdout and listed in done.stdout


def test_compare_names_the_2026_criteria_that_fail() -> None:
    """Each version's failing criteria, a figure's with its value (the reader compares 85% with 90%
    without opening the report), in text and HTML alike."""
    result = invoke("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26",
                    "--compare", "miit-2022,miit-2026")
    assert result.exit_code == 0
    out = result.stdout
    lg = out.split('"Little Giant"')[1]
    assert "(2022): awaits review" in lg and "(2026): not met" in lg
    section_2026 = lg.split("(2026): not met")[1]
    assert "✘ Main-business share of revenue last year at least 90% (now 85%)" in section_2026
    page = invoke("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
                  "--compare", "miit-2022,miit-2026", "--format", "html").stdout
    assert "上年度主营业务收入占营业收入比重不低于90%（现为85%）" in page
    # branches of groups that are met anyway are not listed as failures
    assert "New equity financing" not in out and "lg26." not in out


def test_compare_json_carries_both_results() -> None:
    doc = assess_json(EXAMPLES / "little-giant-2022.yaml", "--as-of", "2026-11-26", "--compare", "miit-2022,miit-2026")
    assert [d["rules"]["id"] for d in doc["compare"]] == ["miit-2022", "miit-2026"]
    assert [d["tiers"]["little_giant"]["status"] for d in doc["compare"]] == ["manual_review", "unmet"]


def test_what_if_reports_the_statuses_that_moved() -> None:
    doc = assess_json(EXAMPLES / "little-giant-2022.yaml", "--as-of", "2026-11-26",
                      "--set", "financials.2025.main_revenue=10800")
    changes = {(c["id"], c["before"], c["after"]) for c in doc["what_if"]["changes"]}
    assert ("little_giant", "unmet", "manual_review") in changes
    assert ("lg26.main_share", "unmet", "met") in changes
    text = invoke("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-11-26",
                  "--set", "financials.2025.main_revenue=10800").stdout
    assert "Main-business share of revenue last year at least 90%: not met → met" in text


def test_a_choice_can_be_named_by_its_label() -> None:
    by_id = json.loads(invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--format", "json", "--as-of", "2026-11-26",
                              "--set", "industry=software_it").stdout)
    by_label = json.loads(invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--format", "json", "--as-of",
                                 "2026-11-26", "--set", "industry=软件和信息技术服务业").stdout)
    assert by_id["input_sha256"] == by_label["input_sha256"]
    bad = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--set", "industry=steel")
    assert bad.exit_code == 2 and "expected one of agriculture" in bad.stderr


def test_json_is_the_same_on_every_run() -> None:
    """Python orders sets of strings differently from one process to the next; the report must not
    follow it (a consultant diffs this week's result against last week's)."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in map(str, range(1, 9)):  # unsorted, two inputs land in either order about half the time
        done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "little-giant-2026.yaml"),
                               "--as-of", "2026-11-26", "--format", "json"], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_profile_and_set_take_amounts_and_words_as_the_interview_does(tmp_path: Path) -> None:
    """0.8亿, 300万, "1,200", 是 and 工业 in a hand-edited profile, and --set …=0.1亿, read as 8000, 300,
    1200, yes, industrial and 1000: the same JSON as the plain values; text that is no amount is
    still exit 2 naming the field."""
    loose = tmp_path / "loose.yaml"
    loose.write_text('name: 甲\nindustry: 工业\nemployees: "1,200"\nregistered_in_china: 是\n'
                     "financials:\n  2025: {revenue: 0.8亿, rd_expense: 300万}\n", encoding="utf-8")
    plain = tmp_path / "plain.yaml"
    plain.write_text("name: 甲\nindustry: industrial\nemployees: 1200\nregistered_in_china: true\n"
                     "financials:\n  2025: {revenue: 8000, rd_expense: 300}\n", encoding="utf-8")
    a = assess_json(loose, "--as-of", "2026-11-26", "--set", "financials.2024.revenue=0.6亿")
    b = assess_json(plain, "--as-of", "2026-11-26", "--set", "financials.2024.revenue=6000")
    assert a["tiers"] == b["tiers"] and a["sme"] == b["sme"] and a["input_sha256"] == b["input_sha256"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: 乙\nfinancials:\n  2025: {revenue: 八千多}\n", encoding="utf-8")
    result = invoke("assess", str(bad), "--as-of", "2026-11-26")
    assert result.exit_code == 2 and "bad.yaml:3" in result.output and "financials.2025.revenue" in result.output


@pytest.mark.parametrize(("name", "starts"), [("报告.html", "<!DOCTYPE html>"), ("report.HTM", "<!DOCTYPE html>"),
                                              ("报告.md", "# 示例精密部件有限公司"), ("result.json", "{"),
                                              ("报告.txt", "示例精密部件有限公司")])
def test_the_report_file_is_the_kind_its_name_asks_for(tmp_path: Path, name: str, starts: str) -> None:
    """``-o 报告.html`` without --format writes an HTML report (it wrote text into the .html file before);
    .md Markdown, .json the JSON result, any other name text (a .txt with the byte-order mark Notepad reads)."""
    out = tmp_path / name
    done = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
                  "-o", str(out))
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8-sig" if name.endswith(".txt") else "utf-8")
    assert text.startswith(starts)
    if name.endswith(".json"):
        assert json.loads(text)["tiers"]["little_giant"]["status"]


@pytest.mark.parametrize("name", ["报告.pdf", "report.docx", "结果.xlsx"])
def test_a_report_file_it_cannot_write_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    """A .pdf, Word or Excel report name is refused before any work, in one line that says what to
    write instead; nothing is written."""
    out = tmp_path / name
    done = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "-o", str(out))
    assert done.exit_code == 2
    assert done.output.count("\n") == 1 and ".html" in done.output and "打印" in done.output
    assert not out.exists()


def test_an_explicit_format_wins_over_the_file_name(tmp_path: Path) -> None:
    """--format text with a .html name is the user's choice: text it is."""
    out = tmp_path / "r.html"
    done = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--format", "text", "-o", str(out))
    assert done.exit_code == 0 and not out.read_text(encoding="utf-8").startswith("<")


@pytest.mark.parametrize("name", ["说明.html", "说明.md"])
def test_explain_to_an_html_or_markdown_file_is_refused_rather_than_mislabelled(tmp_path: Path, name: str) -> None:
    """--explain writes text or JSON: -o 说明.html would have held plain text; it is refused in one line."""
    out = tmp_path / name
    done = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", "zh", "--explain", "研发费用",
                  "-o", str(out))
    assert done.exit_code == 2 and done.output.count("\n") == 1 and ".txt" in done.output
    assert not out.exists()


def test_a_figure_whose_comma_does_not_group_thousands_is_refused_on_the_command_line(tmp_path: Path) -> None:
    """"1,20" typed with --set, or written in a profile file, was scored as 120; each now exits 2 with one
    line that quotes it and says what to write (1.20 or 120; 120 for a count), while 1,200 is still read."""
    base = (EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", "zh",
                                 "--set", "financials.2025.rd_expense=1,20"], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("littlegiant 出错：--set 「研发费用（2025年）」：“1,20”看不出是多少：逗号（或空格）只能三位一组"
                             "分隔千位，如 1,200、12,000.5；请写成 1.20 或 120\n")
    edited = tmp_path / "p.yaml"
    edited.write_text(base.replace("employees: 45\n", "employees: 1,20\n"), encoding="utf-8")
    result = invoke("assess", str(edited), "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"littlegiant: error: {edited}:5: employees: got '1,20', which is ambiguous: a comma "
                             "(or space) may only group thousands, as in 1,200 or 12,000.5; write 120\n")
    edited.write_text(base.replace("employees: 45\n", "employees: 1,200\n"), encoding="utf-8")
    result = invoke("assess", str(edited), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["sme"]["size"] == "medium"


ANSWERED_UNDER = {
    "zh": "这些回答是按《优质中小企业梯度培育管理暂行办法（2022）》的问题填写的，本次按评估日期 2026-11-26 适用的"
          "《优质中小企业梯度培育管理办法（2026）》评估",
    "en": "These answers were given to the questions of Interim Measures for Cultivating Quality SMEs (2022); "
          "they are judged here under Measures for Cultivating Quality SMEs (2026), the rules for 2026-11-26",
}
OTHER_QUESTION = {
    "zh": "「近三年发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题或严重违反相关行业管理规定」一项"
          "是按《优质中小企业梯度培育管理暂行办法（2022）》的问题（“近三年发生重大安全（含网络安全、数据安全）、质量、环境污染等事故”）"
          "回答的，本次依据的《优质中小企业梯度培育管理办法（2026）》问法和范围不同：原来的回答仍计入了评估，请按现在的问题核对后重新填写",
    "en": "was answered to the question of Interim Measures for Cultivating Quality SMEs (2022)",
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_incident_answer_given_to_the_2022_question_is_warned_of_under_2026(tmp_path: Path, fmt: str,
                                                                                lang: str) -> None:
    """The 2022 and 2026 red lines on incidents name different events; a profile answered to the 2022
    question (its answered_under: miit-2022, as the interview and init write it) was judged under 2026
    without a word. The report now says which answer, which question it answered, and to answer again;
    not when the sets agree, the question was not answered, or the profile does not say its set."""
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")

    def report(header: str, as_of: str, body: str = text) -> str:
        src = tmp_path / "p.yaml"
        src.write_text(header + body, encoding="utf-8")
        done = runner.invoke(app, ["assess", str(src), "--lang", lang, "--format", fmt, "--as-of", as_of],
                             env={"COLUMNS": "80", "NO_COLOR": "1"})
        assert done.exit_code == 0, done.output
        flat = re.sub(r"\s+", "", done.stdout)
        return re.sub(r"<[^>]+>", "", flat) if fmt == "html" else flat

    said = re.sub(r"\s+", "", OTHER_QUESTION[lang])
    assert said in report("answered_under: miit-2022\n", "2026-11-26")
    for header, as_of in (("answered_under: miit-2026\n", "2026-11-26"), ("answered_under: miit-2022\n", "2026-03-01"),
                          ("answered_under: shandong-2022\n", "2026-03-01"), ("", "2026-11-26")):
        flat = report(header, as_of)
        assert "2022）》的问题" not in flat and "question of Interim" not in flat, (header, as_of)
    unanswered = text.replace("major_incident: false, ", "")  # the set is named, the question is not
    assert said not in report("answered_under: miit-2022\n", "2026-11-26", unanswered)
    assert re.sub(r"\s+", "", ANSWERED_UNDER[lang]) in report("answered_under: miit-2022\n", "2026-11-26", unanswered)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("how", [["--rules", "miit-2022"], ["--compare", "miit-2022,miit-2026"]])
def test_a_set_chosen_by_option_is_not_said_to_be_the_dates(tmp_path: Path, how: list[str], lang: str) -> None:
    """Answers given to the 2026 questions, judged under 2022 by --rules or --compare on a day the 2026
    measures are in force: the warning said 2022 was "the rules for" that day, two lines under the basis
    naming 2026 as the one that applies. It now says the set was chosen; picked by the date, it still
    names the day."""
    src = tmp_path / "p.yaml"
    src.write_text("answered_under: miit-2026\n" + (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"),
                   encoding="utf-8")
    done = runner.invoke(app, ["assess", str(src), "--lang", lang, "--as-of", "2026-11-26", *how],
                         env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    flat = re.sub(r"\s+", "", done.stdout)
    chosen = {"zh": "本次按所选的《优质中小企业梯度培育管理暂行办法（2022）》评估",
              "en": "theyarejudgedhereunderInterimMeasuresforCultivatingQualitySMEs(2022),theruleset"}[lang]
    assert chosen in flat and "2026-11-26适用的《优质中小企业梯度培育管理暂行办法" not in flat, flat
    assert "therulesfor2026-11-26" not in flat
    done = runner.invoke(app, ["assess", str(src), "--lang", lang, "--as-of", "2026-03-01"],
                         env={"COLUMNS": "80", "NO_COLOR": "1"})
    dated = {"zh": "本次按评估日期2026-03-01适用的《优质中小企业梯度培育管理暂行办法（2022）》评估",
             "en": "therulesfor2026-03-01"}[lang]
    assert dated in re.sub(r"\s+", "", done.stdout)


def two_clients(tmp_path: Path) -> Path:
    """A consultant's folder of two profiles: a.yaml answered under the 2022 questions, b.yaml saying no set."""
    folder = tmp_path / "客户"
    folder.mkdir()
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text("answered_under: miit-2022\n" + text, encoding="utf-8")
    (folder / "b.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_batch_row_warns_of_an_answer_given_to_the_other_sets_question(tmp_path: Path) -> None:
    """A consultant's folder of profiles, one answered under the 2022 questions: its batch row says so
    in the column of figures to check, as its report does; the other row says nothing of it."""
    folder = two_clients(tmp_path)
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "-q"])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {Path(r["来源（文件:行）"]).name: r["需核对的数据"] for r in csv.DictReader(handle)}
    assert OTHER_QUESTION["zh"] in rows["a.yaml"] and "2022" not in rows["b.yaml"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_batch_result_warns_of_an_answer_given_to_the_other_sets_question(tmp_path: Path, jobs: str) -> None:
    """The summary row said the incident answer was given to the 2022 question; the same row's full
    result (batch --format json) said nothing. Its warnings now hold the entry assess --format json
    gives that profile, word for word; the other profile's hold none."""
    folder = two_clients(tmp_path)
    out = tmp_path / "结果.jsonl"
    args = ["--lang", "zh", "--as-of", "2026-11-26"]
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--format", "json", "-q", "--jobs", jobs, *args])
    assert done.exit_code == 0, done.output
    found = {Path(line["source"]).name: line["result"]["warnings"] for line in map(json.loads, out.read_text("utf-8").splitlines())}
    assessed = json.loads(runner.invoke(app, ["assess", str(folder / "a.yaml"), "--format", "json", *args]).stdout)
    asked = [w for w in assessed["warnings"] if w["kind"] == "asked_otherwise"]
    assert len(asked) == 1 and asked[0]["message"] == OTHER_QUESTION["zh"]
    assert [w for w in found["a.yaml"] if w["kind"] == "asked_otherwise"] == asked
    assert [w for w in found["b.yaml"] if w["kind"] == "asked_otherwise"] == []


@pytest.mark.parametrize("value", ["123", "[miit-2022]", "'miit 2022'"])
def test_answered_under_that_names_no_rule_set_is_refused_in_one_line(tmp_path: Path, value: str) -> None:
    """answered_under holds a rule set's id; anything else is refused naming the line, exit 2."""
    src = tmp_path / "p.yaml"
    src.write_text(f"name: 甲公司\nanswered_under: {value}\n", encoding="utf-8")
    done = invoke("assess", str(src))
    (line,) = done.stderr.strip().splitlines()
    assert done.exit_code == 2 and f"{src}:2: answered_under: expected the id of the rule set" in line, line


UNKNOWN_SET = ("“answered_under: miit-2025”所说的规则本工具没有收录，无法核对各项回答所依据的问题与本次依据的《优质中小企业梯度"
               "培育管理办法（2026）》是否相同；收录的规则有 miit-2022《优质中小企业梯度培育管理暂行办法（2022）》、"
               "miit-2026《优质中小企业梯度培育管理办法（2026）》、shandong-2022《优质中小企业梯度培育管理暂行办法（2022）· "
               "山东省特色化指标》，请改为其中之一或删去这一项")


def test_answered_under_naming_a_set_not_shipped_is_warned_of_naming_the_shipped_ones(tmp_path: Path) -> None:
    """answered_under: miit-2025 (a typo of miit-2026) was taken silently, and an answer to the other
    set's question then went unwarned of. The report, its JSON, a batch's summary row and its full
    result now say the set is not one this tool has, naming those it has; a shipped set says nothing."""
    folder = tmp_path / "客户"
    folder.mkdir()
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    for name, said in (("a", "miit-2025"), ("b", "miit-2026"), ("c", "shandong-2022")):
        named = text.replace("name: 示例精密部件有限公司", f"name: 示例{name}公司")
        (folder / f"{name}.yaml").write_text(f"answered_under: {said}\n" + named, encoding="utf-8")
    args = ["--lang", "zh", "--as-of", "2026-11-26"]
    shown = runner.invoke(app, ["assess", str(folder / "a.yaml"), *args], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert shown.exit_code == 0 and re.sub(r"\s+", "", UNKNOWN_SET) in re.sub(r"\s+", "", shown.stdout)
    assert max(map(len, shown.stdout.splitlines())) <= 120  # CJK counts double: 80 columns
    found = {}
    for name in "abc":
        doc = json.loads(runner.invoke(app, ["assess", str(folder / f"{name}.yaml"), "--format", "json", *args]).stdout)
        found[name] = [w for w in doc["warnings"] if w["kind"] == "answered_under_unknown"]
    assert found["a"] == [{"kind": "answered_under_unknown", "path": None, "answered_under": "miit-2025",
                           "message": UNKNOWN_SET}] and found["b"] == found["c"] == []
    summary, full = tmp_path / "结果.csv", tmp_path / "结果.jsonl"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(summary), "-q", *args]).exit_code == 0
    with summary.open(encoding="utf-8-sig", newline="") as handle:
        rows = {Path(r["来源（文件:行）"]).stem: r["需核对的数据"] for r in csv.DictReader(handle)}
    assert rows["a"] == UNKNOWN_SET and rows["b"] == "" and "没有收录" not in rows["c"]
    assert runner.invoke(app, ["batch", str(folder), "-o", str(full), "--format", "json", "-q", *args]).exit_code == 0
    lines = {Path(line["source"]).stem: line["result"]["warnings"] for line in map(json.loads, full.read_text("utf-8").splitlines())}
    assert {name: [w for w in said if w["kind"] == "answered_under_unknown"] for name, said in lines.items()} == found


def test_save_beside_a_profile_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """``assess PROFILE --save x.yaml`` read the profile and ignored --save without a word: it is the
    interview's option, and is refused saying so, writing nothing."""
    save = tmp_path / "x.yaml"
    result = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--save", str(save))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "littlegiant: error: --save: is for the interview (assess with no profile file), where its answers are saved; "
        "a profile file is only read: drop --save, or leave out the file to answer the questions"]
    assert not save.exists()


def test_a_batch_says_answers_were_given_under_another_set_as_assess_does(tmp_path: Path) -> None:
    """A file the interview saved under miit-2022, screened with others on a date that picks miit-2026:
    assess said the answers were given to the other set's questions, the batch row and its full result
    said nothing. Both now carry assess's words; a profile of the judging set says nothing."""
    folder = tmp_path / "客户"
    folder.mkdir()
    text = (EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
    (folder / "old.yaml").write_text("answered_under: miit-2022\n" + text, encoding="utf-8")
    (folder / "new.yaml").write_text("answered_under: miit-2026\n" + text.replace("name: 示例精密部件有限公司",
                                                                                 "name: 示例新公司"), encoding="utf-8")
    args = ["--lang", "zh", "--as-of", "2026-11-26"]
    doc = json.loads(runner.invoke(app, ["assess", str(folder / "old.yaml"), "--format", "json", *args]).stdout)
    (said,) = [w for w in doc["warnings"] if w["kind"] == "answered_under"]
    assert said["message"].startswith("这些回答是按《优质中小企业梯度培育管理暂行办法（2022）》的问题填写的")
    summary, full = tmp_path / "结果.csv", tmp_path / "结果.jsonl"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(summary), "-q", *args]).exit_code == 0
    with summary.open(encoding="utf-8-sig", newline="") as handle:
        rows = {Path(r["来源（文件:行）"]).stem: r["需核对的数据"] for r in csv.DictReader(handle)}
    assert said["message"] in rows["old"] and "2022" not in rows["new"]
    assert runner.invoke(app, ["batch", str(folder), "-o", str(full), "--format", "json", "-q", *args]).exit_code == 0
    lines = {Path(line["source"]).stem: line["result"]["warnings"]
             for line in map(json.loads, full.read_text("utf-8").splitlines())}
    assert [w for w in lines["old"] if w["kind"] == "answered_under"] == [said]
    assert [w for w in lines["new"] if w["kind"].startswith("answered_under")] == []


def test_a_number_refused_in_chinese_is_quoted_with_one_space(tmp_path: Path) -> None:
    """answered_under: 2022 was refused with "现在是  2022": the word for a refused number brought its own
    space to a sentence that had one."""
    path = tmp_path / "au.yaml"
    path.write_text("answered_under: 2022\nname: 甲\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("应填这些回答所依据的规则编号（如 miit-2026），现在是 2022")


def test_answered_under_names_a_shipped_set_in_any_case(tmp_path: Path) -> None:
    """answered_under: MIIT-2022 was warned of as a set this tool does not have, listing miit-2022 among
    those it has: it is that set, and the report says the answers were given under it."""
    path = tmp_path / "au.yaml"
    path.write_text("answered_under: MIIT-2022\nname: 甲\n", encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["assess", str(path), "--format", "json", "--as-of", "2026-11-26",
                                         "--lang", "zh"]).stdout)
    assert [w["kind"] for w in doc["warnings"]] == ["answered_under"]
    assert doc["warnings"][0]["answered_under"] == "优质中小企业梯度培育管理暂行办法（2022）"


def test_explain_naming_many_criteria_in_english_names_them_by_title_and_counts_the_rest() -> None:
    """--explain "R&D" in English listed 12 of 14 criteria by id, the rest unsaid; it names them by title,
    as the Chinese does, and says how many more there are. A title it names is taken."""
    result = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01",
                                 "--lang", "en", "--explain", "R&D"])
    said = result.stderr.strip()
    assert result.exit_code == 2 and "names 20 criteria" in said and said.endswith(" and 14 more")
    assert "zjtx." not in said and '"R&D expense last year at least 1 million CNY"' in said
    taken = runner.invoke(app, ["assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01",
                                "--lang", "en", "--explain", "R&D expense last year at least 1 million CNY"])
    assert taken.exit_code == 0 and "R&D expense last year at least 1 million CNY" in taken.stdout


def test_an_answer_to_the_other_sets_question_names_that_set_by_its_id_however_spelled() -> None:
    """answered_under: MIIT-2022 is miit-2022: the answer given to its differently worded incident question
    names the set by its id (which the interview saves and a re-run reads), not by the file's spelling."""
    from littlegiant.load import profile as profiles
    from littlegiant.load import rules as rulesets

    rs = rulesets.load("miit-2026")
    data = profiles.read_data_file(EXAMPLES / "little-giant-2026.yaml")
    found = profiles.other_questions(rs, profiles.from_data({**data, "answered_under": "MIIT-2022"}, rs, "x.yaml"))
    assert [q.rules_id for q in found] == ["miit-2022"] * len(found) and found


def test_assessing_a_profile_file_leaves_the_sheet_readers_unloaded() -> None:
    """`assess co.yaml` starts in well under a second: the sheet reader (whose import compiles some
    forty patterns, 6% of the command's start-up) and openpyxl load only for a sheet given, and
    the report's check of answers given to another rule set's questions needs neither."""
    code = ("import sys\nfrom littlegiant.cli.app import main\nsys.argv = ['littlegiant', 'assess', sys.argv[1], "
            "'--format', 'json']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(repr(sorted(m for m in ('littlegiant.load.tabular', 'openpyxl') if m in sys.modules)))")
    for name in ("little-giant-2026.yaml", "half-missing.yaml"):
        done = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / name)], capture_output=True, text=True,
                              check=True)
        assert json.loads(done.stdout)["tiers"], done.stdout
        assert done.stderr.strip().endswith("[]"), done.stderr


@pytest.mark.parametrize(("words", "title"), [("主营业务收入占比", "上年度主营业务收入占营业收入比重不低于"),
                                              ("研发费用占比", "研发费用占营业收入比重不低于3%")])
def test_explain_finds_a_title_shortened_as_people_shorten_it(words: str, title: str) -> None:
    """主营业务收入占比 is how a finance manager says 主营业务收入占营业收入比重: it found nothing and named
    no title to try. Its characters, in the title's order, find the titles; the nearest come first."""
    done = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26",
                                    "--lang", "zh", "--explain", words], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    first = done.stdout.split("\n\n")[1].splitlines()[0]
    assert title in first, done.stdout[:400]
    nothing = CliRunner().invoke(app, ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26",
                                       "--lang", "zh", "--explain", "营业执照号码"])
    assert nothing.exit_code == 2


def test_the_english_answer_asks_the_open_questions_rather_than_needing_them() -> None:
    """The questions a tier still waits for were "still needed: A serious production-safety accident…",
    which says the company needs an accident; the Chinese asks (尚缺：近三年是否发生…)."""
    result = invoke("assess", str(EXAMPLES / "half-missing.yaml"), "--lang", "en", "--as-of", "2026-11-26")
    flat = " ".join(result.stdout.split())
    assert result.exit_code == 0 and "still to answer: A serious production-safety accident" in flat
    assert "still needed" not in flat


def test_a_gap_step_on_a_shut_year_says_it_cannot_change_this_round() -> None:
    """JSON gaps list each criterion's step alone, "R&D expense 2024: 70 → 100" among them, while the
    plan says those figures can no longer change: each step says whether it changes a shut year's
    figure or years in the niche (closed), so a script building advice from gaps leaves those out."""
    doc = assess_json(EXAMPLES / "tier1-only.yaml", "--as-of", "2026-11-26")
    steps = {(tid, s["changes"][0]["path"]): s["closed"] for tid, gap in doc["gaps"].items()
             for s in gap["steps"] if s["changes"]}
    assert steps[("zjtx_sme", "financials.2024.rd_expense")] is True
    assert steps[("zjtx_sme", "financials.2025.rd_expense")] is True
    assert steps[("zjtx_sme", "niche_years")] is True
    # (the Ⅰ类 patent applied, a figure the company moves, comes before provincial recognition: gaps.nearest)
    assert steps[("zjtx_sme", "platform_score")] is False and steps[("zjtx_sme", "ip.class1_applied")] is False
    assert all(type(s["closed"]) is bool for gap in doc["gaps"].values() for s in gap["steps"])


@pytest.mark.parametrize(("words", "title"), [("高企", "有效期内的高新技术企业"), ("总资产", "资产总额不超过2亿元")])
def test_explain_takes_a_parks_word_for_a_field(words: str, title: str) -> None:
    """营收, 高企 and 总资产 head a park's columns and batch reads them; --explain found nothing for them.
    They name the field, and the criteria that read it are explained (or listed, when many)."""
    done = CliRunner().invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26",
                                    "--lang", "zh", "--explain", words], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0 and done.stdout.splitlines()[0] == title, done.output
    many = CliRunner().invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26",
                                    "--lang", "zh", "--explain", "研发", "--rules", "miit-2022"])
    assert many.exit_code == 2 and "“研发”对应 20 个条件" in many.stderr
    # 研发费用, the help's own example, is explained under either set (14 criteria under 2022 were refused)
    for rule_id in ("miit-2022", "miit-2026"):
        each = CliRunner().invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26",
                                        "--lang", "zh", "--explain", "研发费用", "--rules", rule_id])
        assert each.exit_code == 0 and each.stdout.startswith("“研发费用”对应 1"), each.output


@pytest.mark.parametrize(("shell", "widest"), [
    ("| cat", 80),  # piped to a pager, typed at an 80-column terminal: that terminal's width
    ("> r.txt; cat r.txt", 80),  # written to a file from that terminal, then shown on it
    ("-o r.txt; cat r.txt", 80),  # --output names a file handed on: 80 (FILE_WIDTH), whatever the terminal
    ("2>/dev/null </dev/null | cat", 110),  # no terminal to read: 110
])
def test_a_report_piped_on_at_a_terminal_takes_its_width(tmp_path: Path, shell: str, widest: int) -> None:
    """``assess … | more`` at an 80-column console wrote 110-column lines, which the console folded
    mid-phrase, indents lost; a report not shown on a terminal now takes the width of the one it was
    typed at (stderr, else stdin), and 110 where there is none."""
    command = (f"unset COLUMNS; {sys.executable} -m littlegiant assess {EXAMPLES / 'half-missing.yaml'} "
               f"--lang zh --as-of 2026-11-26 {shell}")
    child = pexpect.spawn("bash", ["-c", command], cwd=str(tmp_path), encoding="utf-8", timeout=60,
                          dimensions=(50, 80))
    shown = child.read()
    child.close()
    assert child.exitstatus == 0, shown
    lines = [line for line in shown.splitlines() if not wide_command(line, widest)]  # the hint's command: whole
    assert max(cell_len(line) for line in lines) in range(widest - 8, widest + 1), shown



@pytest.mark.parametrize(("lang", "said"), [
    ("en", "littlegiant: error: -: a profile is not read from standard input: save it to a file and give the file's "
           "name (littlegiant assess company.yaml), or give no file to answer the questions"),
    ("zh", "littlegiant 出错：-：不能从标准输入读取企业信息：请先存成文件再写文件名（如 littlegiant assess company.yaml），"
           "或不写文件名改为逐题回答"),
])
def test_a_profile_named_dash_is_said_not_to_be_read_from_stdin(tmp_path: Path, lang: str, said: str) -> None:
    """`assess -` said "-: no such file", as if - were a file's name: it says stdin is not read and how to
    give the profile; a file that is really named - is still read."""
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "-", "--lang", lang, "--as-of", "2026-11-26"],
                          capture_output=True, text=True, check=False, cwd=tmp_path, input="name: 甲公司\n")
    assert done.returncode == 2 and done.stderr.strip() == said, done.stderr
    (tmp_path / "-").write_text((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "-", "--as-of", "2026-11-26", "--format", "json"],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["tiers"], done.stderr


@pytest.mark.parametrize(("args", "said"), [
    (("--explain", "zjtx26.platform_renewal"),
     "littlegiant 出错：--explain：“zjtx26.platform_renewal”是「复核：近两年任一年度专精特新发展评价得分不低于50分」，"
     "只在称号复核时评估：请加上 --renewal zjtx_sme\n"),
    (("--explain", "lg.main_growth_avg"),
     "littlegiant 出错：--explain：《优质中小企业梯度培育管理办法（2026）》中没有与“lg.main_growth_avg”相符的条件；"
     "《优质中小企业梯度培育管理暂行办法（2022）》中有：「近2年主营业务收入平均增长率不低于5%」（该办法适用于 2026-03-31 "
     "及以前的评估，可加 --as-of 2026-03-31 查看）\n"),
])
def test_explain_says_why_a_criterion_of_the_rules_was_not_judged(args: tuple[str, ...], said: str) -> None:
    """A consultant's --explain of a renewal-only criterion without --renewal, or of the 2022 set's id under 2026,
    was told 「没有找到与…相符的条件：请写条件名称中的词」, as if no such criterion existed; it is told which
    criterion it is and what shows it."""
    result = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh", *args)
    assert (result.exit_code, result.stderr) == (2, said)


def test_explain_of_one_tiers_renewal_criterion_says_how_to_see_it() -> None:
    """TIER:ID, the form --explain takes for one tier's criterion, of a renewal's criterion without --renewal was
    told 「没有找到…相符的条件」 where the bare id was told to add --renewal (an independent review)."""
    result = invoke("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "zh",
                    "--explain", "zjtx_sme:zjtx26.platform_renewal")
    assert result.exit_code == 2 and "只在称号复核时评估：请加上 --renewal zjtx_sme" in result.stderr
