"""Tools for rule authors: validate (every problem, with its line), test, show, list, diff, overlays, schema."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from rich.cells import cell_len
from tests.conftest import EXAMPLES, ROOT

from littlegiant.cli import ruletools
from littlegiant.load import rules
from littlegiant.load.schema import rule_file_schema

OK = """\
format: 1
id: mine
title: {zh: 测试, en: Test}
in_force: {from: "2026-04-01"}
source: test
extends: _base
derived:
  double_revenue: {expr: "revenue[y] * 2", per_year: true, zh: 两倍收入, en: Twice the revenue}
scores:
  tiny:
    zh: 小表
    en: Tiny table
    max: 10
    groups:
      g: {zh: 组, en: Group, max: 10}
    items:
      - id: rd
        zh: 研发
        en: R&D
        group: g
        max: 10
        source: test
        confidence: gov
        value: "rd_expense[y1]"
        bands: [{at_least: 100, points: 10}, {at_least: 50, points: 5}, {points: 0}]
tiers:
  innovative_sme:
    zh: 一
    en: One
    criteria:
      - {id: t1.rev, value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入不低于100万元, en: Revenue, source: test, confidence: gov}
  zjtx_sme:
    zh: 二
    en: Two
    score_table: tiny
    criteria:
      - {id: t2.score, kind: score, table: tiny, op: ">=", threshold: 5, zh: 得分, en: Score, source: test, confidence: gov}
  little_giant:
    zh: 三
    en: Three
    criteria:
      - {id: t3.rev, value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue, source: test, confidence: gov}
"""


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ENGLISH = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}
"""A run under an English locale: the words of a test that reads the English messages."""


def cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                          check=False, cwd=cwd, env={**os.environ, **(env or {})})


def marked(text: str) -> int:
    """The line carrying the ``# <-`` marker: where the problem is."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if "# <-" in line)


def test_the_template_is_clean(tmp_path: Path) -> None:
    path = write(tmp_path, OK)
    assert rules.validate(path) == []
    done = cli("rules", "validate", str(path), env=ENGLISH)
    assert done.returncode == 0 and done.stdout.endswith(": ok\n")
    said = cli("rules", "validate", str(path), env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert said.returncode == 0 and said.stdout == f"{path}：检查通过\n"  # the verdict in the user's language


# (what is broken, the text with the broken line marked, words the message must hold)
BROKEN = [
    ("unknown key", OK.replace("      - {id: t1.rev, value:", "      - {id: t1.rev, valeu: x, value:"), "unknown key 'valeu'"),
    ("wrong type", OK.replace("    max: 10\n    groups:", "    max: ten  # <-\n    groups:"), "expected a number"),
    ("duplicate YAML key", OK.replace("source: test\nextends: _base", "source: test\nsource: again  # <-\nextends: _base"),
     "duplicate key 'source'"),
    ("duplicate criterion id", OK.rstrip("\n") + "\n      - {id: t3.rev, value: \"revenue[y1]\", op: \">=\", threshold: 1, "
     "zh: a, en: b, source: s, confidence: gov}  # <-\n", "duplicate criterion id 't3.rev'"),
    ("undefined field", OK.replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue',
                                   'value: "revenu[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue'), "undefined 'revenu'; did you mean 'revenue'?"),
    ("undefined criterion", OK.replace("      - {id: t3.rev,", "      - {kind: use, ref: gate_nowhere}  # <-\n      - {id: t3.rev,"),
     "uses undefined node 'gate_nowhere'"),
    ("cycle", OK.replace("derived:\n", "derived:\n  a: {expr: \"b + 1\", zh: A, en: A}  # <-\n  b: {expr: \"a + 1\", zh: B, en: B}\n"),
     "cycle: a -> b -> a"),
    ("band order", OK.replace("bands: [{at_least: 100, points: 10}, {at_least: 50, points: 5}, {points: 0}]",
                              "bands: [{at_least: 50, points: 5}, {at_least: 100, points: 10}, {points: 0}]"),
     "at_least bands must go from the highest bound down"),
    ("points above the group's maximum", OK.replace("      g: {zh: 组, en: Group, max: 10}", "      g: {zh: 组, en: Group, max: 8}  # <-"),
     "group 'g' has max 8 but its items add up to 10"),
    ("band above the item's maximum", OK.replace("{at_least: 100, points: 10}", "{at_least: 100, points: 12}"),
     "above the item's maximum 10"),
    ("missing en text", OK.replace("  zjtx_sme:\n    zh: 二\n    en: Two\n", "  zjtx_sme:  # <-\n    zh: 二\n"),
     "missing required key 'en'"),
    ("missing source", OK.replace("zh: 收入, en: Revenue, source: test, confidence: gov}",
                                  "zh: 收入, en: Revenue, confidence: gov}  # <-"), "needs a 'source' and a 'confidence'"),
    ("bad confidence", OK.replace("        confidence: gov\n        value:", "        confidence: sure  # <-\n        value:"),
     "expected one of"),
    ("text in a sum", OK.replace('revenue[y] * 2", per_year', 'revenue[y] * 2 + industry", per_year'),
     "industry is text, where a number is needed"),
    ("yes/no compared as a number", OK.replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue',
                                               'value: "registered_in_china", op: ">=", threshold: 1, zh: 收入, en: Revenue'),
     "gives true or false, where a number is needed"),
    ("text scored on bands", OK.replace('        value: "rd_expense[y1]"', '        value: "name"'),
     "formula 'name' gives text, where a number is needed"),
    ("text ordered in a condition", OK.replace("{at_least: 50, points: 5}", '{when: "industry > 3", points: 5}'),
     "in 'industry > 3', industry is text, where a number is needed"),
]


def expected_line(text: str, words: str) -> int:
    if "# <-" in text:
        return marked(text)
    for i, line in enumerate(text.splitlines(), 1):  # the changed line differs from the template
        if i > len(OK.splitlines()) or line != OK.splitlines()[i - 1]:
            return i
    raise AssertionError(words)


@pytest.mark.parametrize(("kind", "text", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_kind_of_problem_is_reported_at_its_line(tmp_path: Path, kind: str, text: str, words: str) -> None:
    assert text != OK, kind
    path = write(tmp_path, text)
    done = cli("rules", "validate", str(path), cwd=tmp_path)
    assert done.returncode == 2, done.stdout
    line = expected_line(text, words)
    problems = [ln for ln in done.stderr.splitlines() if not ln.startswith("littlegiant:")]
    assert any(p.startswith(f"mine.yaml:{line}:") and words in p for p in problems), (line, done.stderr)
    assert "Traceback" not in done.stderr


_CJK = re.compile("[\u4e00-\u9fff]")


@pytest.mark.parametrize(("kind", "text", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_kind_of_problem_is_said_in_chinese_under_lang_zh(tmp_path: Path, kind: str, text: str, words: str) -> None:
    """`rules validate FILE --lang zh` said every problem in English (unknown key 'valeu' ...), where every
    other command speaks Chinese: each is said in Chinese now, at the same file:line: key (what the author
    edits, as written), and its English words are gone."""
    path = write(tmp_path, text)
    english = cli("rules", "validate", str(path), "--lang", "en", cwd=tmp_path)
    chinese = cli("rules", "validate", str(path), "--lang", "zh", cwd=tmp_path)
    assert english.returncode == chinese.returncode == 2 and "Traceback" not in chinese.stderr
    said_en = [ln for ln in english.stderr.splitlines() if not ln.startswith("littlegiant")]
    said_zh = [ln for ln in chinese.stderr.splitlines() if not ln.startswith("littlegiant")]
    assert len(said_zh) == len(said_en) and chinese.stderr.splitlines()[-1].startswith("littlegiant：发现 ")
    for en, zh in zip(said_en, said_zh, strict=True):
        place = re.match(r"mine\.yaml:\d+: (?:[\w.\[\]-]+: )?", en)  # mine.yaml:LINE: the.key:
        assert place is not None, en
        place = place.group()
        assert zh.startswith(place), (en, zh)
        message = zh.removeprefix(place)
        assert _CJK.search(message) and words not in message, zh
        assert not re.search(r"\b(expected|unknown|missing|must|needs|gives|where)\b", message), zh


def test_a_broken_rule_file_reads_in_chinese_as_its_author_sees_it(tmp_path: Path) -> None:
    """The three problems of one file, under zh, as the author reads them at 80 columns: the place as
    written, the explanation in Chinese, a value typed quoted as Chinese quotes it; assess --rules says
    the first in the one-line error every zh message has."""
    text = (OK.replace("    max: 10\n    groups:", "    max: ten\n    groups:")
            .replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue',
                     'value: "revenu[y1]", op: "=>", threshold: 100, zh: 收入, en: Revenue')
            .replace("    zh: 二\n    en: Two\n", "    zh: 二\n    en: Two\n    colour: red\n"))
    write(tmp_path, text)
    done = cli("rules", "validate", "mine.yaml", "--lang", "zh", cwd=tmp_path, env={"COLUMNS": "80"})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "mine.yaml:13: scores.tiny.max: 应填数字，现在是文字“ten”",
        "mine.yaml:35: tiers.zjtx_sme.colour: 不认识的键“colour”（应是以下之一：zh、en、criteria、score_table、notes）",
        "mine.yaml:43: tiers.little_giant.criteria[0].op: 应是以下之一：>=、<=、>、<、==、!=、in、between，"
        "现在是“=>”；您是不是想写“>=”？",
        "littlegiant：发现 3 个问题",
    ]
    said = cli("rules", "validate", "mine.yaml", cwd=tmp_path, env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert said.stderr == done.stderr  # the zh locale, with no --lang, as every command
    (tmp_path / "mine.yaml").write_text(text.replace('op: "=>"', 'op: ">="'), encoding="utf-8")
    done = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--rules", "mine.yaml", "--lang", "zh", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.splitlines() == ["littlegiant 出错：mine.yaml 第 13 行，scores.tiny.max：应填数字，现在是文字“ten”"]


def test_every_rule_file_problem_has_chinese_words() -> None:
    """Each problem a rule file can have is said in Chinese too (a catalog entry's zh, not English kept)."""
    from littlegiant.messages import CATALOG

    untranslated = [k for k, (_, zh) in CATALOG.items() if k.startswith(("rule.", "expr.")) and not _CJK.search(zh)]
    assert untranslated == []


def test_every_problem_is_listed_in_one_run(tmp_path: Path) -> None:
    text = (OK.replace("    max: 10\n    groups:", "    max: ten\n    groups:")
            .replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue',
                     'value: "revenu[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue')
            .replace("    zh: 二\n    en: Two\n", "    zh: 二\n    en: Two\n    colour: red\n"))
    path = write(tmp_path, text)
    done = cli("rules", "validate", str(path), cwd=tmp_path, env=ENGLISH)
    assert done.returncode == 2
    problems = [ln for ln in done.stderr.splitlines() if ln.startswith("mine.yaml:")]
    assert len(problems) == 3, done.stderr
    assert "3 problems found" in done.stderr
    said = cli("rules", "validate", str(path), cwd=tmp_path, env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert said.returncode == 2 and said.stderr.splitlines()[-1] == "littlegiant：发现 3 个问题"
    assert {p.split(":")[2].strip() for p in problems} == {"scores.tiny.max", "tiers.zjtx_sme.colour",
                                                           "tiers.little_giant.criteria[0].value"}


def test_builtin_rule_sets_and_the_overlay_validate_clean() -> None:
    done = cli("rules", "validate", "miit-2022", "miit-2026", str(ROOT / "rules" / "overlays" / "shandong-2022.yaml"),
               env=ENGLISH)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(": ok") == 3


@pytest.mark.parametrize("ref", ruletools.rule_files([]))
def test_the_rule_test_cases_and_generated_boundaries_pass(ref: str) -> None:
    outcome = ruletools.run_tests(ref)
    assert outcome.failures == []
    assert outcome.cases >= 2
    assert outcome.generated >= 100


def test_rules_test_summarises_cases_and_generated_boundaries() -> None:
    done = cli("rules", "test", env=ENGLISH)
    assert done.returncode == 0, done.stdout
    lines = done.stdout.splitlines()
    for rid in ("miit-2022", "miit-2026", "shandong-2022"):
        line = next(ln for ln in lines if ln.startswith(f"{rid}:"))
        assert "generated boundary cases: all passed" in line
        assert int(line.split(", ")[1].split()[0]) >= 100


def test_rules_test_takes_a_folder_or_a_cases_file() -> None:
    done = cli("rules", "test", str(ROOT / "rules" / "overlays"), str(ROOT / "rules" / "miit-2026.tests.yaml"),
               env=ENGLISH)
    assert done.returncode == 0, done.stdout
    assert [ln.split(":")[0] for ln in done.stdout.splitlines()] == ["shandong-2022", "miit-2026"]


def test_rules_test_of_a_folder_without_rule_files_says_so(tmp_path: Path) -> None:
    """A folder holding no rule file was tested silently, exit 0, as if its rules had passed."""
    done = cli("rules", "test", str(tmp_path), env=ENGLISH)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == f"littlegiant: error: {tmp_path}: no rule file (.yaml) in this folder to test"


def test_rules_test_fails_on_a_wrong_expectation_and_a_wrong_operator(tmp_path: Path) -> None:
    rule = write(tmp_path, OK.replace('{id: t1.rev, value: "revenue[y1]", op: ">="', '{id: t1.rev, value: "revenue[y1]", op: ">"'))
    write(tmp_path, "format: 1\ncases:\n  - name: small\n    as_of: \"2026-11-26\"\n"
                    "    profile: {financials: {2025: {revenue: 100}}}\n"
                    "    expect: {criteria: {t1.rev: met}}\n", "mine.tests.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 1
    assert "FAIL t1.rev: the wording 「收入不低于100万元」 means >= or between, but the rule uses >" in done.stdout
    assert "FAIL mine.tests.yaml:3 small: criterion t1.rev is unmet, expected met" in done.stdout
    assert "mine: 1 case," in done.stdout


@pytest.mark.parametrize("as_of", ['"20261126"', "20261126", '"2026-W48-4"', '"2026-11-26T00:00"', '"2026-02-30"'])
def test_a_case_date_is_read_as_rule_files_read_dates(tmp_path: Path, as_of: str) -> None:
    """A case's as_of is YYYY-MM-DD as everywhere in rule data: 20261126 or a week date is refused on one
    line naming the file, the line of as_of and what was expected, never run as some day."""
    rule = write(tmp_path, OK)
    write(tmp_path, "format: 1\ncases:\n  - name: small\n    profile: {financials: {2025: {revenue: 100}}}\n"
                    f"    as_of: {as_of}\n    expect: {{criteria: {{t1.rev: met}}}}\n", "mine.tests.yaml")
    done = cli("rules", "test", str(rule))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"littlegiant: error: {tmp_path / 'mine.tests.yaml'}:5: as_of: expected a date YYYY-MM-DD, got "
        + (as_of.replace('"', "'").replace("'", "text '", 1) if as_of.startswith('"') else as_of)], done.stderr


@pytest.mark.parametrize(("expect", "said"), [
    ("{tiers: {innovative: met}}", "expect: tiers: mine has no tier 'innovative' (expected one of innovative_sme, "
                                   "zjtx_sme, little_giant)"),
    ("{tiers: {innovative_sme: pass}}", "expect: tiers: innovative_sme: expected one of met, unmet, unknown, "
                                        "manual_review, got 'pass'"),
    ("{criteria: {t1.revenue: met}}", "expect: criteria: mine has no criterion 't1.revenue'"),
    ("{criteria: {t1.rev: yes}}", "expect: criteria: t1.rev: expected one of met, unmet, unknown, manual_review or "
                                  "null, got 'yes'"),
    ("{scores: {zjtx_sme: ten}}", "expect: scores: zjtx_sme: expected a number, got 'ten'"),
    ("{sme: tiny}", "expect: sme: expected one of micro, small, medium, large or null, got 'tiny'"),
])
def test_a_tests_file_naming_what_no_result_holds_is_bad_input(tmp_path: Path, expect: str, said: str) -> None:
    """A misspelt tier or criterion id, a status or size that is none, a score that is no number: the tests
    file is wrong, not the rules, so exit 2 with one line naming the file and line, where the case was counted
    a failure (exit 1) and the author went looking at the rules."""
    rule = write(tmp_path, OK)
    write(tmp_path, "format: 1\ncases:\n  - name: small\n    as_of: \"2026-11-26\"\n"
                    f"    profile: {{financials: {{2025: {{revenue: 100}}}}}}\n    expect: {expect}\n", "mine.tests.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert (done.returncode, done.stderr.splitlines()) == (2, [
        f"littlegiant: error: {tmp_path / 'mine.tests.yaml'}:3: {said}"])


def test_a_tests_file_of_another_format_is_bad_input(tmp_path: Path) -> None:
    """format: 2 (or none) is refused, not read by the rules of format 1 and its cases judged by them."""
    rule = write(tmp_path, OK)
    write(tmp_path, "format: 2\ncases:\n  - name: small\n    as_of: \"2026-11-26\"\n"
                    "    profile: {financials: {2025: {revenue: 100}}}\n    expect: {criteria: {t1.rev: met}}\n",
          "mine.tests.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert (done.returncode, done.stderr.splitlines()) == (2, [
        f"littlegiant: error: {tmp_path / 'mine.tests.yaml'}: expected a mapping with 'format: 1' and a list 'cases'"])


def test_boundary_cases_are_generated_at_every_threshold_and_band_edge(tmp_path: Path) -> None:
    full = ruletools.run_tests(str(write(tmp_path, OK)))
    fewer = ruletools.run_tests(str(write(tmp_path, OK.replace("{at_least: 50, points: 5}, ", "").replace(
        '      - {id: t3.rev, value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue, source: test, '
        'confidence: gov}', '      - {id: t3.rev, kind: score, table: tiny, op: ">", threshold: 0, zh: 收入, en: Revenue, '
        'source: test, confidence: gov}'), "fewer.yaml")))
    assert full.failures == [] and fewer.failures == []
    # one threshold less: 99.99, 100, 100.01; one band edge less: on the edge and one cent below
    assert full.generated - fewer.generated == 3 + 2


def test_rules_list_show_and_diff() -> None:
    done = cli("rules", "list", "--lang", "en")
    assert done.returncode == 0
    assert "miit-2022        2022-08-01 – 2026-03-31" in done.stdout and "gov:" in done.stdout
    assert "shandong-2022    2022-08-01 – 2026-03-31" in done.stdout
    assert ".yaml" not in done.stdout.split("The rule calendar")[0]  # shipped sets by their ids, no file path

    shown = cli("rules", "show", "lg.debt_ratio", "--lang", "zh", "--detail").stdout
    assert "zh: 截至上年末资产负债率不高于70%" in shown and "en: Debt-to-asset ratio" in shown
    assert "debt_ratio[y1] <= 70 %" in shown and "依据：工信部企业〔2022〕63号" in shown and "可靠度：multi" in shown
    assert "financials.{year}.total_liabilities" in shown
    item = cli("rules", "show", "zjtx.points.debt_ratio", "--lang", "en", "--detail").stdout
    assert "≤ 50: 5" in item and "otherwise: 0" in item
    missing = cli("rules", "show", "no.such.rule")
    assert missing.returncode == 2 and "no rule 'no.such.rule'" in missing.stderr
    said = cli("rules", "show", "no.such.rule", "--lang", "zh").stderr.strip()  # no command to run in the zh line
    assert said == "littlegiant 出错：miit-2022, miit-2026 中没有“no.such.rule”这条规则；写规则版本（如 miit-2026）可列出其中全部条件及编号"

    diff = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", "en")
    assert diff.returncode == 0
    assert "niche_years >= 2 年 → niche_years >= 3 年" in diff.stdout
    assert "revenue[y1] >= 1000 万元 → revenue[y1] >= 1500 万元" in diff.stdout
    assert re.search(r"removed, choice of '[^']+' \(any one\):\s+Score at least 60\s+\[zjtx.score\]", diff.stdout)
    overlay = cli("rules", "diff", "miit-2022", str(ROOT / "rules" / "overlays" / "shandong-2022.yaml"), "--lang", "en")
    assert "removed: Provincial characteristic indicators (set by each province, 0-15)  [characteristic]" in overlay.stdout
    assert "added: Listing progress (Shandong)  [sd_listing]  (max 3; sd_listing: 3, otherwise: 0)" in overlay.stdout
    assert overlay.stdout.rstrip().endswith("4 added, 1 removed, 0 changed")
    zh = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", "zh").stdout
    assert "修改：" in zh or "修改: " in zh
    assert "项新增" in zh


def zh80(*args: str) -> str:
    """A command's output as a Chinese user sees it in an 80-column terminal."""
    env = {**os.environ, "COLUMNS": "80", "LANG": "zh_CN.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True, check=False,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert all(cell_len(line) <= 80 for line in done.stdout.splitlines()), done.stdout
    return done.stdout


def test_rules_list_reads_in_chinese() -> None:
    """`rules list` takes --lang (the locale by default): in Chinese each set goes by its title, its
    dates and its sources' reliability in words, not tags; the calendar fits 80 columns."""
    out = zh80("rules", "list")
    assert out == zh80("rules", "list", "--lang", "zh")
    assert out.startswith("优质中小企业梯度培育管理暂行办法（2022）\n  有效期：2022-08-01 至 2026-03-31\n"
                          "  编号：miit-2022\n  来源可靠度：政府网站原文 5 条；多个独立转载一致 60 条；")
    assert "优质中小企业梯度培育管理办法（2026）\n  有效期：2026-04-01 起\n" in out
    assert "规则日历（哪天、哪类申请适用哪套规则）：" in out
    assert "gov:" not in out and "multi" not in out and "rules/calendar.yaml" not in out
    assert "gov:5 multi:60" in cli("rules", "list", "--lang", "en").stdout


@pytest.mark.parametrize("columns", [80, 60])
def test_english_rules_list_fits_the_terminal_without_cutting_a_word(tmp_path: Path, columns: int) -> None:
    """`rules list --lang en` at 80 (and 60) columns, a user's rule file among the sets: no line is wider,
    every title and the file's path are whole on a line (the zh / en titles on one line took 141
    columns for the Shandong overlay), and each set still opens with its id, dates and tag counts."""
    mine = tmp_path / "mine.yaml"
    mine.write_bytes((ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_bytes().replace(
        b"id: shandong-2022\n", b"id: mine\n", 1))
    done = cli("rules", "list", "--lang", "en", "mine.yaml", cwd=tmp_path, env={"COLUMNS": str(columns)})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns, done.stdout
    sets = done.stdout.split("\nThe rule calendar")[0]
    assert re.search(r"^miit-2026 +2026-04-01 – … +gov:0 multi:\d+", sets, re.M)
    for ref in ("miit-2022", "miit-2026", "shandong-2022"):
        title = rules.load(ref).title
        if columns == 80:
            assert f"\n    {title.en}\n" in sets and f"\n    {title.zh}\n" in sets
        words = {w for line in lines for w in line.split()}
        assert set(title.en.split()) <= words  # wrapped between words, never inside one
    assert "\n    file: mine.yaml" in sets


def test_rules_show_reads_as_plain_chinese_and_keeps_the_authors_detail() -> None:
    """`rules show` says a rule, a tier or a whole rule set in words a finance manager reads
    (titles, what is required with its unit, source, how sure, the data used by name); the ids,
    operators and paths are the rule author's, under --detail."""
    rule = zh80("rules", "show", "zjtx26.rd.share_y1", "--lang", "zh")
    assert rule == ("上年度研发费用占营业收入比重不低于3%\n"
                    "  所属：优质中小企业梯度培育管理办法（2026），专精特新中小企业\n"
                    "  要求：不低于3%\n"
                    "  依据：工信部企业〔2026〕2号 附件1 第6项\n"
                    "  可靠度：多个独立转载一致\n"
                    "  用到的数据：研发费用、营业收入\n")
    item = zh80("rules", "show", "zjtx.points.debt_ratio", "--lang", "zh")
    assert "  满分：5分\n" in item and "    不高于50%：5分\n" in item and "    其他情况：0分\n" in item
    assert "用到的数据：资产总额（年末）、负债总额（年末）" in item
    whole = zh80("rules", "show", "miit-2026", "--lang", "zh")
    assert whole.startswith("优质中小企业梯度培育管理办法（2026）\n  有效期：2026-04-01 起\n  依据：工信部企业〔2026〕2号\n")
    assert "\n专精特新\"小巨人\"企业\n  以下条件须全部满足：\n  • 参评基本条件（同上）\n" in whole
    assert "  • 本年度中小企业专精特新发展评价得分不低于50分（仅新申请）\n" in whole
    for text in (rule, item, whole):
        assert not re.search(r"[a-z_]+\.[a-z_]|>=|<=|\[y1\]|\{year\}|multi|recalled", text), text
    gate = zh80("rules", "show", "gate", "--rules", "miit-2026", "--lang", "zh")
    assert "科技和创新型中小企业、专精特新中小企业、专精特新\"小巨人\"企业" in gate.replace("\n        ", "")
    field = zh80("rules", "show", "niche_years", "--rules", "miit-2026", "--lang", "zh")
    assert "  填写：数字，单位年\n" in field and "{year}" not in field
    detail = zh80("rules", "show", "zjtx26.rd.share_y1", "--lang", "zh", "--detail")
    assert "rd_share[y1] >= 3 %" in detail and "financials.{year}.rd_expense" in detail
    en = cli("rules", "show", "zjtx.points.debt_ratio", "--rules", "miit-2022", "--lang", "en").stdout
    assert "  Maximum: 5 points\n" in en and "    at most 70%: 1 point\n" in en


def test_rules_show_gives_a_shares_range_as_the_reader_checks_it(tmp_path: Path) -> None:
    """`rules show` said 「百分数（0–100）」 of every share: a local rule set's share of at most 50 read
    0–100 there while a profile's 60 was refused. It says the range the reader checks, and the
    built-in share reads as it always did, in zh and en."""
    local = tmp_path / "local.yaml"
    local.write_text("format: 1\nid: shares-local\nextends: miit-2026\ntitle: {zh: 本地规则, en: Local rules}\nfields:\n"
                     "  domestic_share: {path: market.domestic_share, type: percent, max: 50, unit: '%', zh: 主导产品国内"
                     "细分市场占有率, en: Domestic niche-market share, help: {zh: 占有率（%）。, en: The share (%).}}\n",
                     encoding="utf-8")
    assert "  填写：百分数（0–50），单位%\n" in zh80("rules", "show", "domestic_share", "--rules", str(local), "--lang", "zh")
    assert "  Answer: a percentage (0–50), in %\n" in cli("rules", "show", "domestic_share", "--rules", str(local),
                                                          "--lang", "en").stdout
    assert "  填写：百分数（0–100），单位%\n" in zh80("rules", "show", "domestic_share", "--rules", "miit-2026", "--lang", "zh")
    assert "  Answer: a percentage (0–100), in %\n" in cli("rules", "show", "domestic_share", "--rules", "miit-2026",
                                                           "--lang", "en").stdout


def test_the_shandong_overlay_end_to_end() -> None:
    overlay = ROOT / "rules" / "overlays" / "shandong-2022.yaml"
    for rules_arg in (str(overlay), str(overlay.parent)):
        done = cli("assess", str(EXAMPLES / "overlays" / "shandong.yaml"), "--rules", rules_arg,
                   "--as-of", "2026-03-01", "--format", "json")
        assert done.returncode == 0, done.stderr
        doc = json.loads(done.stdout)
        assert doc["rules"]["id"] == "shandong-2022"
        zjtx = doc["tiers"]["zjtx_sme"]
        assert (zjtx["status"], zjtx["score"]) == ("met", 85)
        points = {c["id"]: (c["status"], c["points"]) for c in zjtx["criteria"]}
        assert points["zjtx.points.sd_priority_industry"] == ("manual_review", 4)
        assert points["zjtx.points.sd_innovative_operation"] == ("met", 4)
        assert points["zjtx.points.sd_listing"] == ("unmet", 0)
        assert "zjtx.points.characteristic" not in points
    plain = cli("assess", str(EXAMPLES / "overlays" / "shandong.yaml"), "--as-of", "2026-03-01")
    assert plain.returncode == 2 and "shandong" in plain.stderr  # the built-in set has no such fields


def test_a_shipped_overlay_is_named_by_its_id_from_any_folder(tmp_path: Path) -> None:
    """A park user in their own folder lists the Shandong overlay by its id and title, no file path,
    and assesses with ``--rules shandong-2022``; a near miss is pointed to that id."""
    listed = cli("rules", "list", "--lang", "zh", cwd=tmp_path, env={"COLUMNS": "80"})
    assert listed.returncode == 0, listed.stderr
    block = listed.stdout.split("山东省特色化指标", 1)[1].split("\n\n", 1)[0]
    assert "  编号：shandong-2022\n" in block
    assert "文件" not in listed.stdout and ".yaml" not in listed.stdout and "/" not in listed.stdout.split("规则日历")[0]
    profile = tmp_path / "sd.yaml"
    profile.write_bytes((EXAMPLES / "overlays" / "shandong.yaml").read_bytes())
    done = cli("assess", "sd.yaml", "--rules", "shandong-2022", "--as-of", "2026-03-01", "--lang", "zh", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "依据：优质中小企业梯度培育管理暂行办法（2022）· 山东省特色化指标" in done.stdout
    assert "专精特新中小企业：满足（得分 85）" in done.stdout
    near = cli("assess", "sd.yaml", "--rules", "shandong", "--lang", "zh", cwd=tmp_path)
    assert near.returncode == 2 and "您是不是想写 shandong-2022？" in near.stderr


def test_the_rule_file_schema_is_shipped_and_accepts_the_builtin_files() -> None:
    shipped = json.loads((ROOT / "rules" / "rule-file.schema.json").read_text(encoding="utf-8"))
    assert shipped == rule_file_schema()
    assert json.loads(cli("schema", "--rule-file").stdout) == shipped
    validator = jsonschema.Draft202012Validator(shipped)
    for path in [*(ROOT / "rules").glob("*.yaml"), *(ROOT / "rules" / "overlays").glob("*.yaml"),
                 *(ROOT / "rules" / "rounds").glob("*.yaml")]:
        if path.name.endswith(".tests.yaml") or path.name in ("calendar.yaml", "_glossary.yaml"):  # not rule files
            continue
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert list(validator.iter_errors(data)) == [], path
    broken = yaml.safe_load(OK.replace("confidence: gov}", "confidence: sure}"))
    assert list(validator.iter_errors(json.loads(json.dumps(broken, default=str))))


def test_a_formula_that_fails_on_types_is_refused_before_any_profile(tmp_path: Path) -> None:
    """The rule file loads only if its formulas can be evaluated: assess and batch used to stop on
    the first profile with a traceback, while `rules validate` said ok."""
    path = write(tmp_path, OK.replace('revenue[y] * 2", per_year', 'revenue[y] * industry", per_year'))
    profile = write(tmp_path, "industry: industrial\nfinancials: {2025: {revenue: 100}}\n", "p.yaml")
    for args in (["assess", str(profile)], ["batch", str(profile), "--output", str(tmp_path / "o.csv")]):
        done = cli(*args, "--rules", str(path), "--as-of", "2026-11-26", cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().splitlines() == [
            "littlegiant: error: mine.yaml:8: derived.double_revenue.expr: in 'revenue[y] * industry', industry is text, "
            "where a number is needed"]


def test_rules_diff_and_calendar_speak_chinese_under_zh() -> None:
    """Under --lang zh the diff and the calendar name rule sets, tiers and choices by their titles and labels,
    requirements in words: no ids, formulas, operators, confidence tags or other English."""
    diff = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", "zh").stdout
    overlay = cli("rules", "diff", "miit-2022", str(ROOT / "rules" / "overlays" / "shandong-2022.yaml"),
                  "--lang", "zh").stdout
    calendar = zh80("rules", "calendar", "--lang", "zh")
    day = zh80("rules", "calendar", "--as-of", "2026-11-26", "--lang", "zh")
    for text in (diff, overlay, calendar, day):
        assert not re.findall(r"[A-Za-z_]+", text), re.findall(r"[A-Za-z_]+", text)[:5]
        assert ">=" not in text and "[" not in text
    assert "修改：截至上年末从事特定细分市场时间达到3年以上\n      要求由「不低于2年」改为「不低于3年」" in diff
    assert "「直通条件」之一：拥有经认定的省部级以上研发机构（为「省级（省部级）」或「国家级」）" in re.sub(r"\n {4}(?=\S)", "", diff)
    assert "\n\n专精特新\"小巨人\"企业\n" in diff and "共 37 项新增、37 项删除、9 项修改" in diff
    assert "新增：上市进展（山东）（满分3分）" in overlay
    assert "  2027-01-01 起，新申请：\n      适用优质中小企业梯度培育管理办法（2026）（可靠度：多个独立转载一致）" in calendar
    assert "小巨人复核：优质中小企业梯度培育管理暂行办法（2022），并按工信厅企业函\n  〔2026〕117号" in day


def test_a_new_yes_no_route_in_the_diff_says_answered_yes_not_must_hold() -> None:
    """新增可选条件：有效期内的高新技术企业（须满足）read as "optional, yet must be met": a yes/no route
    reads 答「是」, and a red line still 须不存在."""
    zh = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", "zh").stdout
    assert "「直通条件」之一：有效期内的高新技术企业（答「是」）" in re.sub(r"\n {4}(?=\S)", "", zh) and "（须满足）" not in zh


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_diff_in_the_terminal_has_plain_headings(lang: str) -> None:
    """rules diff printed Markdown (## 科技和创新型中小企业) in the terminal, where ## is noise: each tier
    and score table is a plain line of its own after a blank line."""
    text = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", lang).stdout
    assert not [line for line in text.splitlines() if line.startswith("#")]
    heading = "科技和创新型中小企业" if lang == "zh" else "Technology-based and innovative SME (innovative_sme)"
    assert f"\n\n{heading}\n" in text


def test_the_diff_says_a_new_routes_conditions_belong_to_that_route() -> None:
    """The 科技型 size limits were listed as 新增可选条件, as if each alone were optional: each is required
    of the 科技型 route, the alternative to 创新型. They are named as conditions of that route; a condition
    that is itself one of several (高新技术企业, one direct path) stays 可选条件."""
    zh = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", "zh").stdout
    flat = "".join(zh.replace("\n    ", "").split("\n"))
    for limit in ("职工总数不超过500人", "年销售收入不超过2亿元", "资产总额不超过2亿元"):
        assert f"新增可选途径「科技型中小企业（国科发政〔2017〕115号）」中的条件：{limit}" in flat
        assert f"新增可选条件：{limit}" not in flat
    assert "新增可选途径「科技型中小企业（国科发政〔2017〕115号）」中「直通条件」之一：有效期内的高新技术企业（答「是」）" in flat
    en = cli("rules", "diff", "miit-2022", "miit-2026", "--lang", "en").stdout
    assert "new, condition of the alternative route 'Technology-based SME" in en
    assert "new alternative: At most 500 employees" not in en


def test_rules_test_summarises_in_chinese_under_a_chinese_locale(tmp_path: Path) -> None:
    """`rules test` printed "miit-2022: 6 cases, 155 generated boundary cases: all passed" under zh: the
    summary, and a failure's mark, are Chinese there."""
    done = cli("rules", "test", "miit-2026", env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"miit-2026：测试用例 \d+ 个，另在门槛两侧自动生成用例 \d+ 个，全部通过\n", done.stdout)
    rule = write(tmp_path, OK.replace('{id: t1.rev, value: "revenue[y1]", op: ">="', '{id: t1.rev, value: "revenue[y1]", op: ">"'))
    done = cli("rules", "test", str(rule), env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert done.returncode == 1 and done.stdout.startswith("未通过：")
    assert re.search(r"^mine：测试用例 0 个，另在门槛两侧自动生成用例 \d+ 个，1 个未通过$", done.stdout, re.M), done.stdout
    english = cli("rules", "test", "miit-2026", env={"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""})
    assert re.fullmatch(r"miit-2026: \d+ cases, \d+ generated boundary cases: all passed\n", english.stdout)


def test_a_tier_shown_from_every_set_leads_with_the_set_in_force_today() -> None:
    """rules show little_giant without --rules: the 2022 tier came first and today's far below it, so
    a consultant read the outdated conditions as the ones that apply."""
    from datetime import date

    shown = zh80("rules", "show", "little_giant", "--lang", "zh")
    sets = re.findall(r"^  所属：(.+)$", shown, re.M)
    today = rules.load(rules.select_version(date.today())).title.zh
    assert sets[0] == today and len(sets) == len(rules.builtin_ids()) and len(set(sets)) == len(sets)


def test_rules_show_finds_a_rule_by_words_of_its_title_as_explain_does() -> None:
    """`rules show 研发费用` told a consultant there was no such rule: ids appear in no report a client
    reads. Words of a title find the rules of the set in force first (every one when several match,
    each said once), a title given whole names that rule, too many matches ask for more words."""
    one = cli("rules", "show", "上年度研发费用不低于100万元", "--lang", "zh", "--rules", "miit-2026",
              env={"COLUMNS": "80"})
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("上年度研发费用不低于100万元\n  所属：优质中小企业梯度培育管理办法（2026）")
    assert "要求：不低于100万元" in one.stdout and "对应" not in one.stdout
    several = cli("rules", "show", "研发费用", "--lang", "zh", "--rules", "miit-2026", env={"COLUMNS": "80"})
    assert several.returncode == 0, several.stderr
    head, _, rest = several.stdout.partition("\n\n")
    count = int(re.search(r"对应 (\d+) 个条件", head)[1])  # type: ignore[index]
    titles = [block.splitlines()[0] for block in rest.split("\n\n")]
    assert len(titles) == count > 1 and all("研发费用" in t for t in titles), titles
    assert "上年度研发费用不低于100万元" in titles and "zjtx26" not in several.stdout
    english = cli("rules", "show", "years in the niche", "--lang", "en", "--rules", "miit-2026")
    assert english.returncode == 0 and "Requires: at least 3 years" in english.stdout
    old = cli("rules", "show", "数字化", "--lang", "zh")  # a 2022 score item: found in the set that has it
    assert old.returncode == 0 and "（2022）" in old.stdout and "满分：5分" in old.stdout
    vague = cli("rules", "show", "研发", "--lang", "zh", "--rules", "miit-2022")  # 20 criteria
    assert vague.returncode == 2 and "请写得更具体" in vague.stderr and vague.stdout == ""
    assert len(vague.stderr.strip().splitlines()) == 1
    many = cli("rules", "show", "R&D", "--lang", "en", "--rules", "miit-2022", env={"COLUMNS": "80"})
    assert many.returncode == 2 and many.stderr.rstrip().endswith("more") and "…" not in many.stderr  # said whole
    tier = cli("rules", "show", "创新型中小企业", "--lang", "zh", env={"COLUMNS": "80"})  # 2022's tier, its whole title
    assert tier.returncode == 0 and tier.stdout.startswith("创新型中小企业\n  所属：优质中小企业梯度培育管理暂行办法（2022）")


@pytest.mark.parametrize(("lang", "said", "twice"), [
    ("zh", "近两年营业收入复合增长率不低于5%（仅新申请）", "（复核不考核）"),
    ("en", "Two-year compound revenue growth at least 5% (new applications only)", "(not checked for renewals)"),
])
def test_a_rule_whose_title_says_whom_it_is_for_is_not_told_so_again(lang: str, said: str, twice: str) -> None:
    """`rules show miit-2026` read 「近两年营业收入复合增长率不低于5%（复核不考核）（仅新申请）」 and
    「复核：……得分不低于60分（仅复核）」 (a user pass); a title that names none still gets its note (the
    growth's title said 「（复核不考核）」 itself, which results of new applications showed too)."""
    shown = zh80("rules", "show", "miit-2026", "--lang", lang)
    flat = re.sub(r"\n\s*", " " if lang == "en" else "", shown)
    assert said in flat and twice not in flat and "（复核不考核）（" not in flat
    assert ("（仅新申请）" if lang == "zh" else "(new applications only)") in flat
    if lang == "zh":
        assert "复核：近两年任一年度专精特新发展评价得分不低于60分，满足其一即可" in flat


def test_the_2022_domain_condition_names_the_network_power_fields_as_the_text_does() -> None:
    """The 2022 小巨人 主导产品所属领域 read 「…或网络强国建设相关领域」, shorter than 63号 附件3 (criteria.md §6):
    a finance manager answering it judged 「相关领域」 wider than the four fields the text names. The
    condition's words are the text's."""
    rs = rules.load("miit-2022")
    (node,) = [n for _, n in rs.all_nodes() if n.id == "lg.priority_domain"]
    assert node.title.zh.endswith("或网络强国建设的信息基础设施、关键核心技术、网络安全、数据安全领域"), node.title.zh


@pytest.mark.parametrize(("formula", "zh", "en"), [
    ("(revenue[y1] + 1", "公式“(revenue[y1] + 1”写法有误，无法解析（“(”没有配对的右括号）", "'(' was never closed"),
    ("revenue[y1])", "公式“revenue[y1])”写法有误，无法解析（多了一个“)”）", "unmatched ')'"),
    ("revenue[y1] +", "公式“revenue[y1] +”写法有误，无法解析（请检查运算符和括号）", "invalid syntax"),
])
def test_a_formula_that_does_not_parse_is_said_in_chinese_without_pythons_english(tmp_path: Path, formula: str,
                                                                                 zh: str, en: str) -> None:
    """Python's own reason a formula does not parse ('(' was never closed) stood in English inside the
    Chinese message (the second review of eb076a1); the commonest are said in Chinese, English as before."""
    path = write(tmp_path, OK.replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入, en: Revenue',
                                      f'value: "{formula}", op: ">=", threshold: 100, zh: 收入, en: Revenue'))
    chinese = cli("rules", "validate", str(path), "--lang", "zh", cwd=tmp_path)
    assert chinese.returncode == 2 and zh in chinese.stdout + chinese.stderr, chinese
    english = cli("rules", "validate", str(path), "--lang", "en", cwd=tmp_path)
    assert en in english.stdout + english.stderr, english


FAILING_CASES = ("format: 1\ncases:\n  - name: 小公司\n    as_of: \"2026-11-26\"\n"
                 "    profile: {industry: industrial, employees: 50, financials: {2025: {revenue: 100, rd_expense: 60}}}\n"
                 "    expect: {sme: medium, tiers: {innovative_sme: met}, scores: {zjtx_sme: 10, little_giant: 80},"
                 " criteria: {t1.rev: met}}\n")
"""A case of mine.yaml (its t1.rev made "> 100") that fails on every kind a case can: size, tier, score,
criterion."""


def failing(tmp_path: Path) -> Path:
    rule = write(tmp_path, OK.replace('{id: t1.rev, value: "revenue[y1]", op: ">="',
                                      '{id: t1.rev, value: "revenue[y1]", op: ">"'))
    write(tmp_path, FAILING_CASES, "mine.tests.yaml")
    return rule


ZH_LOCALE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80"}


def test_rules_test_failures_read_in_chinese_under_lang_zh(tmp_path: Path) -> None:
    """`rules test FILE` printed each failure in English under zh (未通过：… criterion t1.rev is unmet,
    expected met) and took no --lang. Under --lang zh each says what went wrong in Chinese; the case's
    file:line and name, the ids and the values the author writes in the tests file stay as written."""
    failing(tmp_path)
    done = cli("rules", "test", "mine.yaml", "--lang", "zh", cwd=tmp_path, env={"COLUMNS": "80"})
    assert done.returncode == 1 and done.stderr == "", done.stderr
    lines = done.stdout.splitlines()
    assert lines[:6] == [
        "未通过：mine.tests.yaml:3 小公司: 企业规模是微型（micro），用例期望中型（medium）",
        "未通过：mine.tests.yaml:3 小公司: 层级 innovative_sme 的结论是不满足（unmet），用例期望满足（met）",
        "未通过：mine.tests.yaml:3 小公司: 层级 zjtx_sme 的得分：5，用例期望 10",
        "未通过：mine.tests.yaml:3 小公司: 层级 little_giant 没有得分（不按评分表评定），用例期望 80",
        "未通过：mine.tests.yaml:3 小公司: 条件 t1.rev 的结论是不满足（unmet），用例期望满足（met）",
        "未通过：t1.rev: 条件名称「收入不低于100万元」的措辞对应 >= 或 between，但规则用的是 >",
    ], lines
    assert re.fullmatch(r"mine：测试用例 1 个，另在门槛两侧自动生成用例 \d+ 个，6 个未通过", lines[6]), lines
    assert not re.search(r"\b(is|expected|scores|means|uses|criterion|tier \w+ is)\b", done.stdout), done.stdout
    english = cli("rules", "test", "mine.yaml", "--lang", "en", cwd=tmp_path, env=ZH_LOCALE)
    assert "FAIL mine.tests.yaml:3 小公司: criterion t1.rev is unmet, expected met" in english.stdout
    assert "FAIL t1.rev: the wording 「收入不低于100万元」 means >= or between, but the rule uses >" in english.stdout
    assert "FAIL mine.tests.yaml:3 小公司: sme size micro, expected medium" in english.stdout
    assert "FAIL mine.tests.yaml:3 小公司: tier little_giant has no score (no score table decides it), expected 80" \
        in english.stdout


def test_a_cases_profile_that_does_not_read_is_placed_by_file_and_line_in_either_language(tmp_path: Path) -> None:
    """A case whose profile holds a bad value was placed as 「mine.tests.yaml case '小公司' 第 5 行」 under
    zh: English in a Chinese line. The file and its line place it; the same under en."""
    failing(tmp_path)
    write(tmp_path, FAILING_CASES.replace("employees: 50", "employees: 很多"), "mine.tests.yaml")
    chinese = cli("rules", "test", "mine.yaml", "--lang", "zh", cwd=tmp_path)
    assert chinese.returncode == 2 and chinese.stderr.startswith("littlegiant 出错：mine.tests.yaml 第 5 行，"), chinese
    assert "case" not in chinese.stderr and "很多" in chinese.stderr and len(chinese.stderr.splitlines()) == 1
    english = cli("rules", "test", "mine.yaml", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 2 and english.stderr.startswith("littlegiant: error: mine.tests.yaml:5: employees:"), english


@pytest.mark.parametrize("args", [["rules", "test", "mine.yaml"], ["--lang", "zh", "rules", "test", "mine.yaml"]],
                         ids=["locale", "global-lang"])
def test_rules_test_speaks_the_language_every_command_does(tmp_path: Path, args: list[str]) -> None:
    """Without its own --lang: the global --lang, else the locale, as rules validate."""
    failing(tmp_path)
    env = ZH_LOCALE if args[0] == "rules" else {**ENGLISH, "COLUMNS": "80"}
    done = cli(*args, cwd=tmp_path, env=env)
    assert done.returncode == 1
    assert "未通过：mine.tests.yaml:3 小公司: 条件 t1.rev 的结论是不满足（unmet），用例期望满足（met）" in done.stdout


def test_a_calendar_case_failing_is_said_in_chinese(tmp_path: Path) -> None:
    """The calendar's cases: the rule set and round notice chosen, against the ones expected (by the
    calendar beside them: a copy of the shipped one, with the rule files it names)."""
    import shutil

    shutil.copytree(ROOT / "rules", tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("_parsed", "*.tests.yaml"))
    write(tmp_path, "format: 1\ncases:\n  - name: 二〇二五年\n    as_of: \"2025-06-30\"\n"
                    "    expect: {rule_set: miit-2026, round: null}\n", "calendar.tests.yaml")
    done = cli("rules", "test", "calendar.tests.yaml", "--lang", "zh", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "未通过：calendar.tests.yaml:3 二〇二五年: 日历选用的规则版本是 miit-2022，用例期望 miit-2026",
        "未通过：calendar.tests.yaml:3 二〇二五年: 适用的年度通知是工信厅企业函〔2025〕190号，用例期望无（null）",
    ], done.stdout
    english = cli("rules", "test", "calendar.tests.yaml", "--lang", "en", cwd=tmp_path)
    assert english.stdout.splitlines()[:2] == [
        "FAIL calendar.tests.yaml:3 二〇二五年: rule set miit-2022, expected miit-2026",
        "FAIL calendar.tests.yaml:3 二〇二五年: round 工信厅企业函〔2025〕190号, expected None"]


def test_every_failure_a_rule_test_can_print_has_chinese_words() -> None:
    """Each kind of failure, the generated boundary checks' too (which a sound engine never prints),
    is said in Chinese, its English word for word what rules test always printed."""
    from decimal import Decimal

    from littlegiant.cli.ruletools import Failure, holds

    boundary = Failure("t1.rev", "rules.fail_boundary", {"value": Decimal("99.99"), "got": holds(True),
                                                          "want": holds(False)})
    assert boundary.said("en") == "t1.rev: at 99.99 the rule gives True, §3 says False"
    assert boundary.said("zh") == "t1.rev: 取值为 99.99 时，规则判定成立，按边界规则（criteria.md 第3节）应不成立"
    band = Failure("rd", "rules.fail_band", {"value": Decimal(50), "low": Decimal(0), "high": Decimal(5),
                                             "want": Decimal(5)})
    assert band.said("en") == "rd: at 50 the item gives 0–5 points, §3 says 5"
    assert band.said("zh") == "rd: 取值为 50 时，该项得 0–5 分，按边界规则（criteria.md 第3节）应得 5 分"
    from littlegiant.messages import CATALOG

    assert [k for k, (_, zh) in CATALOG.items() if k.startswith("rules.fail_") and not _CJK.search(zh)] == []


@pytest.mark.parametrize(("expect", "said"), [
    ("{tiers: {innovative: met}}", "expect: tiers：mine 没有层级“innovative”（应是以下之一：innovative_sme、zjtx_sme、"
                                   "little_giant）"),
    ("{tiers: {innovative_sme: pass}}", "expect: tiers：innovative_sme：应是以下之一：met、unmet、unknown、"
                                        "manual_review，现在是“pass”"),
    ("{criteria: {t1.revenue: met}}", "expect: criteria：mine 没有条件“t1.revenue”"),
    ("{criteria: {t1.rev: yes}}", "expect: criteria：t1.rev：应是以下之一：met、unmet、unknown、manual_review，"
                                  "或 null，现在是“yes”"),
    ("{scores: {zjtx_sme: ten}}", "expect: scores：zjtx_sme：应填数字，现在是“ten”"),
    ("{sme: tiny}", "expect: sme：应是以下之一：micro、small、medium、large，或 null，现在是“tiny”"),
    ("[met]", "expect：应是一组键值，键为 sme、tiers、scores、criteria"),
])
def test_a_tests_file_naming_what_no_result_holds_is_said_in_chinese(tmp_path: Path, expect: str, said: str) -> None:
    """The tests file's own mistakes (exit 2) were English under zh too."""
    rule = write(tmp_path, OK)
    write(tmp_path, "format: 1\ncases:\n  - name: small\n    as_of: \"2026-11-26\"\n"
                    f"    profile: {{financials: {{2025: {{revenue: 100}}}}}}\n    expect: {expect}\n", "mine.tests.yaml")
    done = cli("rules", "test", str(rule), "--lang", "zh")
    assert (done.returncode, done.stderr.splitlines()) == (2, [
        f"littlegiant 出错：{tmp_path / 'mine.tests.yaml'} 第 3 行，{said}"])


@pytest.mark.parametrize(("case", "said"), [
    ("  - name: a\n    expect: {}\n    colour: red\n", "第 3 行：用例的键是 name、as_of、renewal、profile、expect"
                                                         "（name 和 expect 必填）；不认识的键：colour"),
    ("  - just a line\n", "第 3 行：每个用例应是一组键值"),
    ("  - {name: a, as_of: \"2026-11-26\", expect: {}}\n", "第 3 行：用例缺少 profile"),
    ("  - {name: a, as_of: \"2026-11-26\", renewal: 小巨人, profile: {}, expect: {}}\n",
     "第 3 行，renewal：应是以下之一：zjtx_sme、little_giant，现在是“小巨人”"),
    ("  - {name: a, as_of: \"20261126\", profile: {}, expect: {}}\n", "第 3 行，as_of：应填 YYYY-MM-DD 格式的日期，现在是文字“20261126”"),
])
def test_a_wrong_case_is_said_in_chinese(tmp_path: Path, case: str, said: str) -> None:
    rule = write(tmp_path, OK)
    write(tmp_path, "format: 1\ncases:\n" + case, "mine.tests.yaml")
    done = cli("rules", "test", str(rule), "--lang", "zh")
    assert (done.returncode, done.stderr.splitlines()) == (2, [
        f"littlegiant 出错：{tmp_path / 'mine.tests.yaml'} {said}"]), done.stderr
    top = write(tmp_path, "format: 2\ncases: []\n", "mine.tests.yaml")
    done = cli("rules", "test", str(rule), "--lang", "zh")
    assert done.stderr.splitlines() == [f"littlegiant 出错：{top}：应是一组键值，写明 format: 1 和用例列表 cases"]


def test_rules_test_failures_fit_an_80_column_terminal(tmp_path: Path) -> None:
    """At a terminal 80 columns wide the Chinese failures ran past the edge, folded mid-word under
    未通过：; each is wrapped under its words there, and piped it stays one line (grep, an editor)."""
    import pexpect

    failing(tmp_path)
    child = pexpect.spawn(sys.executable, ["-m", "littlegiant", "rules", "test", "mine.yaml", "--lang", "zh"],
                          cwd=str(tmp_path), env={**os.environ, "COLUMNS": "80"}, encoding="utf-8", timeout=60,
                          dimensions=(40, 80))
    child.expect(pexpect.EOF)
    shown = str(child.before).replace("\r", "").splitlines()
    assert shown and all(cell_len(line) <= 80 for line in shown), shown
    assert any(line.startswith("        ") for line in shown)  # a later line under the words, not under 未通过：
    piped = cli("rules", "test", "mine.yaml", "--lang", "zh", cwd=tmp_path, env={"COLUMNS": "80"}).stdout
    assert len(piped.splitlines()) == 7 and len(shown) > 7
    assert "".join("".join(shown).split()) == "".join(piped.split())  # the same words, a space at a break aside


REUSED_ID = """\
format: 1
id: reused
extends: miit-2026
title: {zh: 重复编号, en: Reused id}
source: test
add_criteria:
  zjtx_sme:
    - id: lg26.main_share
      kind: check
      zh: 从业人员不少于50人
      en: At least 50 staff
      value: employees
      op: ">="
      threshold: 50
      unit: 人
      source: test
      confidence: single
"""


def test_an_id_two_tiers_use_for_different_rules_shows_each_and_diffs_each_own(tmp_path: Path) -> None:
    """An overlay adding a 专精特新 criterion under the id of 小巨人's main-business share (which ``rules
    validate`` accepts: ids are a tier's own): ``rules show ID`` showed the new rule alone, said to belong
    to both tiers, and 小巨人's could not be shown; the Chinese diff said the new rule required 不低于90%.
    Each tier's rule is shown under its own tier, TIER:ID shows one, and the diff says 不低于50人."""
    path = tmp_path / "reused.yaml"
    path.write_text(REUSED_ID, encoding="utf-8")
    assert cli("rules", "validate", str(path)).returncode == 0
    shown = cli("rules", "show", "lg26.main_share", "--rules", str(path), "--lang", "zh").stdout
    staff, share = shown.split("\n\n")
    assert staff.startswith("从业人员不少于50人") and "所属：重复编号，专精特新中小企业\n" in staff and "不低于50人" in staff
    assert share.startswith("上年度主营业务收入占营业收入比重不低于90%") and '所属：重复编号，专精特新"小巨人"企业' in share
    one = cli("rules", "show", "little_giant:lg26.main_share", "--rules", str(path), "--lang", "en", "--detail").stdout
    assert one.startswith("little_giant:lg26.main_share — reused (criterion)") and ">= 90" in one and "employees" not in one
    diff = cli("rules", "diff", "miit-2026", str(path), "--lang", "zh").stdout
    assert "新增最低要求：从业人员不少于50人（不低于50人）" in diff, diff


def test_rules_test_of_a_calendar_file_tests_that_file(tmp_path: Path) -> None:
    """`rules test copy/calendar.yaml` of a maintainer's edited copy ran the cases beside it against the
    shipped calendar and said "all passed" whatever the copy held (the calendar review). The copy is
    tested now: unchanged it passes; with the first quarter of 2026 moved to the 2026 measures, its
    cases fail and the run says so, exit non-zero."""
    import shutil

    copy = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", copy, ignore=shutil.ignore_patterns("_parsed", "__pycache__"))
    same = cli("rules", "test", str(copy / "calendar.yaml"), "--lang", "en")
    assert same.returncode == 0 and same.stdout.strip().endswith("all passed"), same.stdout + same.stderr
    text = (copy / "calendar.yaml").read_text(encoding="utf-8")
    period = '  - from: "2026-01-01"\n    to: "2026-03-31"\n    kinds: [application, zjtx_sme, little_giant]\n    rules: miit-2022'
    assert period in text
    (copy / "calendar.yaml").write_text(text.replace(period, period.replace("miit-2022", "miit-2026")), encoding="utf-8")
    edited = cli("rules", "test", str(copy / "calendar.yaml"), "--lang", "en")
    assert edited.returncode != 0 and "all passed" not in edited.stdout, edited.stdout + edited.stderr


def test_rules_show_finds_a_shipped_overlay_and_its_own_rules_without_rules() -> None:
    """`rules show shandong-2022` said there was no such rule, though `rules list` lists it, and the
    overlay's own 特色化 indicator was not found without --rules (the rule-author review). A rule the
    built-in sets have is still shown once, not again from the overlay that repeats it."""
    whole = cli("rules", "show", "shandong-2022", "--lang", "zh")
    assert whole.returncode == 0 and whole.stdout.startswith("优质中小企业梯度培育管理暂行办法（2022）· 山东省特色化指标\n")
    own = cli("rules", "show", "zjtx.sd_listing", "--lang", "zh")
    assert own.returncode == 0 and own.stdout.startswith("上市进展（山东）\n"), own.stdout + own.stderr
    shared = cli("rules", "show", "zjtx.rd.share", "--lang", "zh")
    assert shared.returncode == 0 and shared.stdout.count("上年度研发费用占营业收入比重不低于3%\n") == 1


def test_rules_validate_reads_the_calendar_as_a_calendar_and_sends_a_cases_file_to_rules_test(tmp_path: Path) -> None:
    """`rules validate calendar` (and rules/calendar.yaml) refused the shipped calendar with three problems
    ("unknown key 'periods'"), read as a rule set; a .tests.yaml was told "unknown key 'cases'", "missing
    'id'". The calendar is checked as a calendar (a broken one still refused at its line); a cases file
    is said to be one, with the command that runs it."""
    copy = tmp_path / "my-calendar.yaml"  # a copy under another name, told by its keys
    copy.write_bytes((ROOT / "rules" / "calendar.yaml").read_bytes())
    (tmp_path / "rounds").mkdir()
    (tmp_path / "rounds" / "gxt-2025-190.yaml").write_bytes((ROOT / "rules" / "rounds" / "gxt-2025-190.yaml").read_bytes())
    for name in ("miit-2022.yaml", "miit-2026.yaml"):
        (tmp_path / name).write_bytes((ROOT / "rules" / name).read_bytes())
    for ref in ("calendar", str(ROOT / "rules" / "calendar.yaml"), str(copy)):
        done = cli("rules", "validate", ref, "--lang", "en")
        assert (done.returncode, done.stdout, done.stderr) == (0, f"{ref}: ok\n", "")
    broken = tmp_path / "calendar.yaml"
    broken.write_text("format: 1\nperiods: []\n", encoding="utf-8")
    refused = cli("rules", "validate", str(broken), "--lang", "en")
    assert refused.returncode == 2 and refused.stderr.startswith(f"{broken}: ")
    cases = cli("rules", "validate", str(ROOT / "rules" / "miit-2022.tests.yaml"), "--lang", "zh")
    assert cases.returncode == 2 and cases.stderr.strip().endswith(
        "是测试用例文件，不是规则文件：请用 littlegiant rules test 运行其中的用例") and cases.stderr.count("\n") == 1


@pytest.mark.parametrize("command", [["rules", "test"], ["rules", "diff", "miit-2022"]])
def test_rules_test_and_diff_take_allow_outside_as_their_refusal_says(tmp_path: Path, command: list[str]) -> None:
    """A file extending ../base.yaml was told by `rules test` and `rules diff` to give --allow-outside,
    which neither took (the rule-author review); validate and assess did."""
    (tmp_path / "base.yaml").write_text(
        "format: 1\nid: base-local\nextends: miit-2022\ntitle: {zh: 基础, en: Base}\nsource: 测试\n", encoding="utf-8")
    (tmp_path / "mine").mkdir()
    mine = tmp_path / "mine" / "mine.yaml"
    mine.write_text("format: 1\nid: mine-local\nextends: ../base.yaml\ntitle: {zh: 我的, en: Mine}\nsource: 测试\n",
                    encoding="utf-8")
    refused = cli(*command, str(mine), "--lang", "en")
    assert refused.returncode == 2 and "give --allow-outside" in refused.stderr
    done = cli(*command, str(mine), "--allow-outside", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("all passed" if command[1] == "test" else "0 added, 0 removed, 0 changed")


def test_rules_test_of_the_shipped_folder_tests_what_a_bare_run_tests() -> None:
    """The shipped folder itself stopped at its _base.yaml (a fragment the sets extend, no set of its own):
    "missing required key 'title'", exit 2, nothing tested. Its sub-folders' overlay and round are tested too."""
    done = cli("rules", "test", str(ROOT / "rules"), env=ENGLISH)
    bare = cli("rules", "test", env=ENGLISH)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    ran = [ln.split(":")[0] for ln in done.stdout.splitlines()]
    assert sorted(ran) == sorted(ln.split(":")[0] for ln in bare.stdout.splitlines())
    assert ran[:3] == ["calendar", "miit-2022", "miit-2026"]  # the folder's own files before its sub-folders'


def test_rules_test_of_a_copied_folder_names_each_file_it_cannot_test_and_tests_the_rest(tmp_path: Path) -> None:
    """A copy of the shipped folder (a calendar copy's): the copied miit-2022.yaml carries a built-in id and stopped
    the run before the rest were tested; each such file is named, the others tested, and the run ends as bad input."""
    import shutil

    shutil.copytree(ROOT / "rules", tmp_path / "mine", ignore=shutil.ignore_patterns("_parsed", "overlays"))
    done = cli("rules", "test", str(tmp_path / "mine"), env=ENGLISH)
    assert done.returncode == 2
    tested = done.stdout.splitlines()  # the calendar, and the round in the copied rounds/ folder
    assert [t.split(":")[0] for t in tested] == ["calendar", "miit-2022 + gxt-2025-190"]
    assert all(t.endswith("all passed") for t in tested)
    errors = done.stderr.splitlines()  # one line a file
    assert len(errors) == 2 and all(e.startswith("littlegiant: error: ") for e in errors)
    assert "miit-2022.yaml:" in errors[0] and "'miit-2022' is the id of a built-in rule set" in errors[0]
    assert "miit-2026.yaml:" in errors[1] and "such as 'miit-2026-local'" in errors[1]


@pytest.mark.parametrize(("case", "said"), [
    ('    profle: {financials: {2025: {revenue: 100}}}\n    expect: {tiers: {little_giant: unmet}}\n',
     "a case has name, as_of, renewal, profile, expect (name and expect required); unknown: profle; "
     "did you mean 'profile'?"),
    ('    profile: {financials: {2025: {revenue: 100}}}\n    expect: {teirs: {little_giant: unmet}}\n',
     "expect: expected a mapping of sme, tiers, scores, criteria; unknown: teirs; did you mean 'tiers'?"),
])
def test_a_slip_in_a_cases_file_key_is_named_with_the_key_meant(tmp_path: Path, case: str, said: str) -> None:
    """A cases file's misspelt key was listed beside every key allowed, the author left to spot it; a rule
    file's keys were already told theirs (did you mean 'when'?)."""
    rule = tmp_path / "mine.yaml"
    rule.write_text((ROOT / "rules" / "miit-2026.yaml").read_text(encoding="utf-8")
                    .replace("id: miit-2026", "id: mine-2026", 1), encoding="utf-8")
    (tmp_path / "mine.tests.yaml").write_text(
        f'format: 1\ncases:\n  - name: small\n    as_of: "2026-11-26"\n{case}', encoding="utf-8")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == f"littlegiant: error: {tmp_path / 'mine.tests.yaml'}:3: {said}"
