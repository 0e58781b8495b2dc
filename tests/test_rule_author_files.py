"""A rule author's own files as they name them: a rule set saved as .yml (or .json), its cases beside it
as NAME.tests.yaml, tested by the file, by its cases file or by its folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from tests.conftest import EXAMPLES, ROOT
from tests.test_rule_tools import ENGLISH, OK, cli, write

WRONG_CASE = ("format: 1\ncases:\n  - name: small\n    as_of: \"2026-11-26\"\n"
              "    profile: {financials: {2025: {revenue: 100}}}\n"
              "    expect: {criteria: {t1.rev: unmet}}\n")
"""Revenue 100 meets ``t1.rev`` (at least 100): this case's expectation is wrong, so it must fail."""


@pytest.mark.parametrize(("suffix", "named"), [(".yml", "file"), (".yml", "cases"), (".yml", "folder"),
                                               (".json", "file"), (".json", "cases")])
def test_the_cases_beside_a_yml_or_json_rule_file_are_run(tmp_path: Path, suffix: str, named: str) -> None:
    """`rules test mine.yml` looked for mine.yml.tests.yaml, never ran mine.tests.yaml beside it and said
    "0 cases … all passed", exit 0; `rules test mine.tests.yaml` looked for a mine.yaml that was not there,
    and a folder of mine.yml held "no rule file"; --rules reads them all (a folder's .yaml or .yml). Each now runs the case, fails."""
    if suffix == ".json":
        (tmp_path / "mine.json").write_text(json.dumps(yaml.safe_load(OK), ensure_ascii=False), encoding="utf-8")
    else:
        write(tmp_path, OK, "mine.yml")
    write(tmp_path, WRONG_CASE, "mine.tests.yaml")
    target = {"file": tmp_path / f"mine{suffix}", "cases": tmp_path / "mine.tests.yaml", "folder": tmp_path}[named]
    done = cli("rules", "test", str(target), env=ENGLISH)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL mine.tests.yaml:3 small: criterion t1.rev is met, expected unmet" in done.stdout
    assert "mine: 1 case," in done.stdout


@pytest.mark.parametrize("named", ["file", "cases", "folder"])
def test_the_cases_of_a_yml_rule_file_saved_as_tests_yml_are_run(tmp_path: Path, named: str) -> None:
    """An author who saves mine.yml saves its cases as mine.tests.yml: `rules test mine.yml` passed them
    over ("0 cases … all passed", exit 0, the wrong case never run), and a folder read them as a rule
    file ("unknown key 'cases'"). They are run now; `--rules FOLDER` takes mine.yml, not its cases."""
    write(tmp_path, OK, "mine.yml")
    write(tmp_path, WRONG_CASE, "mine.tests.yml")
    target = {"file": tmp_path / "mine.yml", "cases": tmp_path / "mine.tests.yml", "folder": tmp_path}[named]
    done = cli("rules", "test", str(target), env=ENGLISH)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL mine.tests.yml:3 small: criterion t1.rev is met, expected unmet" in done.stdout
    assert "mine: 1 case," in done.stdout
    shown = cli("rules", "show", "t1.rev", "--rules", str(tmp_path), env=ENGLISH)
    assert shown.returncode == 0, shown.stderr


MAIN_SHARE_85 = """\
replace_items:
  zjtx.main_share:
    - id: main_share
      zh: 上年度主营业务收入总额占营业收入总额比重
      en: Main-business share of revenue last year
      group: specialisation
      max: 5
      source: 本省通知（示例）
      confidence: single
      value: "main_share[y1]"
      unit: "%"
      bands: [{at_least: 85, points: 5}, {at_least: 70, points: 3}, {at_least: 60, points: 1}, {points: 0}]
"""
"""A province's own bar for one more score item: 85% of revenue from the main business for 5 points."""


def shandong_assessed(rules_arg: str, cwd: Path) -> dict[str, object]:
    """The Shandong example's 专精特新 tier under ``rules_arg``: its status, score and the items scored."""
    done = cli("assess", str(EXAMPLES / "overlays" / "shandong.yaml"), "--rules", rules_arg, "--as-of", "2026-03-01",
               "--format", "json", cwd=cwd)
    assert done.returncode == 0, done.stderr
    zjtx = json.loads(done.stdout)["tiers"]["zjtx_sme"]
    return {"status": zjtx["status"], "score": zjtx["score"], "items": {c["id"] for c in zjtx["criteria"]}}


@pytest.mark.parametrize("extends", ["shandong-2022", "shandong-copy.yaml"])
def test_an_overlay_of_the_shandong_overlay_keeps_its_indicators(tmp_path: Path, extends: str) -> None:
    """A consultant adapting Shandong's overlay (its 特色化 indicators) with one more swap of their own.
    By its id, as --rules and rules list name it, `extends: shandong-2022` was "unknown rule set"; by a copy
    beside it, the new swap took the place of Shandong's: its indicators were gone, the 0–15 input back
    unanswered, the score a range (77–92) and the diff said 4 indicators removed. Now 85 as under
    shandong-2022 (main share 85%, above 80 and under 85: 5 points either way), its indicators kept."""
    copy = (ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_text(encoding="utf-8")
    write(tmp_path, copy.replace("id: shandong-2022", "id: shandong-copy"), "shandong-copy.yaml")
    mine = write(tmp_path, f"format: 1\nid: sd-mine\nextends: {extends}\ntitle: {{zh: 本省, en: Mine}}\n"
                           f"source: 本省通知（示例）\n{MAIN_SHARE_85}")
    assert cli("rules", "validate", str(mine), env=ENGLISH).returncode == 0
    got = shandong_assessed(str(mine), tmp_path)
    assert got["status"] == "met" and got["score"] == 85
    assert {"zjtx.points.sd_priority_industry", "zjtx.points.sd_listing", "zjtx.points.main_share"} <= got["items"]
    assert "zjtx.points.characteristic" not in got["items"]
    diff = cli("rules", "diff", "shandong-2022", str(mine), env=ENGLISH)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.rstrip().endswith("0 added, 0 removed, 1 changed")
    assert "≥ 85: 5" in diff.stdout


def test_a_swap_of_an_indicator_the_extended_overlay_brought_in(tmp_path: Path) -> None:
    """Shandong's 上市进展 (sd_listing, brought in by its swap of the 0–15 input) given 2 points instead
    of 3: it was "names no score item", the swap it came from being dropped. The example has no listing
    progress, so its score stays 85; a company with it gets 2, not 3."""
    listing = ("replace_items:\n  zjtx.sd_listing:\n    - {id: sd_listing, zh: 上市进展（本省）, en: Listing, "
               "group: characteristic, max: 3, source: 本省通知（示例）, confidence: single, "
               "bands: [{when: sd_listing, points: 2}, {points: 0}]}\n")
    mine = write(tmp_path, "format: 1\nid: sd-listing\nextends: shandong-2022\ntitle: {zh: 本省, en: Mine}\n"
                           f"source: 本省通知（示例）\n{listing}")
    done = cli("rules", "validate", str(mine), env=ENGLISH)
    assert done.returncode == 0, done.stdout + done.stderr
    assert shandong_assessed(str(mine), tmp_path)["score"] == 85
    listed = tmp_path / "listed.yaml"
    listed.write_text((EXAMPLES / "overlays" / "shandong.yaml").read_text(encoding="utf-8")
                      .replace("listing_progress: false", "listing_progress: true"), encoding="utf-8")
    run = cli("assess", str(listed), "--rules", str(mine), "--as-of", "2026-03-01", "--format", "json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["tiers"]["zjtx_sme"]["score"] == 87


def test_a_bad_swap_in_the_file_extended_is_said_at_that_files_line(tmp_path: Path) -> None:
    """The file extended has a typo in its swap, this one a good swap of its own: the typo passed unseen
    (this file's swaps replaced that file's). Now it is said, at that file's line, not at this one's."""
    write(tmp_path, "format: 1\nid: base-mine\nextends: miit-2022\ntitle: {zh: 基, en: Base}\nsource: x\n"
                    + MAIN_SHARE_85.replace("zjtx.main_share:", "zjtx.main_sharex:"), "base.yaml")
    niche = ("replace_items:\n  zjtx.niche_years:\n    - {id: niche_years, zh: 年限, en: Years, group: specialisation, "
             "max: 5, source: x, confidence: single, value: niche_years, bands: [{at_least: 10, points: 5}, {points: 0}]}\n")
    mine = write(tmp_path, f"format: 1\nid: top-mine\nextends: base.yaml\ntitle: {{zh: 顶, en: Top}}\nsource: x\n{niche}")
    done = cli("rules", "validate", mine.name, env=ENGLISH, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("base.yaml:7: replace_items.zjtx.main_sharex: 'zjtx.main_sharex' names no score item")


@pytest.mark.parametrize(("extends", "said"), [
    ("miit-2023", "mine.yaml:3: extends: unknown rule set 'miit-2023'; did you mean 'miit-20"),
    ("province", "mine.yaml:3: extends: unknown rule set 'province'; did you mean 'province.yaml'?"),
    ("nothing-like-it", "mine.yaml:3: extends: unknown rule set 'nothing-like-it' (built-in: "),
    ("a" * 5000, "mine.yaml:3: extends: unknown rule set 'aaaaaaaaaa"),
    ("a" * 5000 + ".yaml", "mine.yaml:3: extends: extends 'aaaaaaaaaa"),
])
def test_an_unknown_extends_says_what_it_may_name(tmp_path: Path, extends: str, said: str) -> None:
    """`extends: miit-2023` was "extends unknown rule set 'miit-2023'", what it may name left to guess;
    `extends: province` for province.yaml beside it likewise. It now lists the shipped sets and overlays,
    as --rules does, and names the nearest or the file beside. A name too long for the system was its
    "File name too long" at a path inside the package, not this file's line."""
    write(tmp_path, "format: 1\nid: province-base\nextends: miit-2022\ntitle: {zh: 省, en: P}\nsource: x\n",
          "province.yaml")
    write(tmp_path, f"format: 1\nid: mine\nextends: {extends}\ntitle: {{zh: 我, en: Me}}\nsource: x\n")
    for args in (("rules", "validate", "mine.yaml"),
                 ("assess", str(EXAMPLES / "tier1-only.yaml"), "--rules", "mine.yaml", "--as-of", "2026-03-01")):
        done = cli(*args, env=ENGLISH, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        line = done.stderr.splitlines()[0].removeprefix("littlegiant: error: ")
        assert line.startswith(said), line
        assert len(line) < 300
        if not extends.endswith(".yaml"):
            assert "(built-in: miit-2022, miit-2026, shandong-2022; or give a YAML file)" in line


@pytest.mark.parametrize(("title", "threshold", "unit", "said"), [
    ("研发费用占比不低于3%", "30", '"%"', "means >= 3%, but the rule uses >= 30%"),
    ("研发费用占比不低于3%", "4", '"%"', "means >= 3%, but the rule uses >= 4%"),
    ("营业收入1亿元以上", "1", "万元", "means >= 10000万元, but the rule uses >= 1万元"),
    ("近2年营业收入均值5000万元以上", "500", "万元", "means >= 2 or >= 5000, but the rule uses >= 500万元"),
    ("研发费用占比不低于３％", "30", '"%"', "means >= 3%, but the rule uses >= 30%"),
    ("上年度营业收入不低于2,000万元", "200", "万元", "means >= 2000万元, but the rule uses >= 200万元"),
    ("主营业务收入增长率不低于-5%（2024年起）", "5", '"%"', "means >= -5%, but the rule uses >= 5%"),
])
def test_a_threshold_its_title_does_not_write_fails_rules_test(tmp_path: Path, title: str, threshold: str, unit: str,
                                                               said: str) -> None:
    """A bar changed without its title (30 under 「不低于3%」) passed `rules test`, all its generated boundary
    cases too: they test the rule against itself. `rules validate` still takes it, as assess does; `rules
    test` fails it. (A percent typed as a fraction, 0.03, is refused by validate itself:
    tests/test_s39_ruleauthor_bands.py.)"""
    value = "rd_share[y1]" if unit == '"%"' else "revenue[y1]"
    rule = write(tmp_path, OK.replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入不低于100万元',
                                      f'value: "{value}", op: ">=", threshold: {threshold}, unit: {unit}, zh: "{title}"'))
    assert cli("rules", "validate", str(rule), env=ENGLISH).returncode == 0
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"FAIL t1.rev: the wording 「{title}」 {said}" in done.stdout.splitlines()


@pytest.mark.parametrize(("title", "threshold"), [("营业收入1亿元以上", "10000"), ("营业收入不低于1000万元", "1000"),
                                                  ("营业收入5千万元以上", "5000"), ("营业收入1.5亿元以上", "15000"),
                                                  ("近2年营业收入均值1000万元以上", "1000"), ("营业收入达标", "1000"),
                                                  ("研发费用占比不低于3.0%", "3"),
                                                  ("上年度营业收入不低于2,000万元", "2000"), ("上年度营业收入不低于2 000万元", "2000"),
                                                  ("上年度营业收入1,000万元以上（含1,000万元）", "1000"),
                                                  ("主营业务收入增长率不低于-5%", "-5"),
                                                  ("研发费用不低于5百万元", "500"),
                                                  ("研发费用占比不低于百分之四（2024年起施行）", "4"),
                                                  ("近3年营业收入均值两千万元以上", "2000"),
                                                  ("2023年至2025年营业收入不低于3000万元", "3000")])
def test_a_threshold_its_title_writes_passes(tmp_path: Path, title: str, threshold: str) -> None:
    """1亿元 is 10000 (万元), 5千万元 5000, 3.0 is 3, and a title that writes no number is not checked.
    A provincial author's 2,000万元, -5%, 5百万元, a year beside the bar (2024年起) or a bar in Chinese numerals
    beside a figure in digits (近3年…两项) failed `rules test` as "means >= 2 or >= 0", "means >= 2024"."""
    rule = write(tmp_path, OK.replace("threshold: 100, zh: 收入不低于100万元", f'threshold: {threshold}, zh: "{title}"'))
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("lang", "scored", "other"), [
    ("zh", "    “上市进展（已上市，或已进入上市辅导、申报阶段）”为“是”：3分", "    其他情况：0分"),
    ("en", "    yes to “Listing progress (listed, or in listing tutoring or application)”: 3 points",
     "    otherwise: 0 points"),
])
def test_rules_show_says_which_answer_earns_a_yes_no_items_points(lang: str, scored: str, other: str) -> None:
    """Shandong's 上市进展 read "其他情况：3分" then "其他情况：0分" (otherwise: 3, otherwise: 0), as if any
    answer earned the 3 points: its bands have no words of their own. They are said by the question."""
    done = cli("rules", "show", "zjtx.sd_listing", "--rules", "shandong-2022", "--lang", lang)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[lines.index(scored) + 1] == other


def test_the_chinese_diff_says_how_a_score_items_bands_changed(tmp_path: Path) -> None:
    """A province's 85% bar for 5 points where 2022 has 80%: the Chinese diff said only 分档有变化
    (the English one gave both scales), so which bar moved, and where to, was not said."""
    mine = write(tmp_path, "format: 1\nid: sd-mine\nextends: shandong-2022\ntitle: {zh: 本省, en: Mine}\n"
                           f"source: 本省通知（示例）\n{MAIN_SHARE_85}")
    done = cli("rules", "diff", "shandong-2022", str(mine), "--lang", "zh", env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert ("      分档由「不低于80%：5分，不低于70%：3分，不低于60%：1分，其他情况：0分」"
            "改为「不低于85%：5分，不低于70%：3分，不低于60%：1分，其他情况：0分」") in done.stdout.splitlines()


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "in force: 2022-08-01 to 2026-03-31 → 2024-01-01 to 2026-12-31"),
    ("zh", "施行期间由「2022-08-01 至 2026-03-31」改为「2024-01-01 至 2026-12-31」"),
])
def test_the_diff_says_when_the_days_in_force_changed(tmp_path: Path, lang: str, said: str) -> None:
    """A new version of an overlay that moves its days in force and nothing else was "0 added, 0 removed,
    0 changed", the header naming the new first day alone: the new last day was said nowhere."""
    head = "format: 1\nid: sd-days\nextends: shandong-2022\ntitle: {zh: 本省, en: Mine}\nsource: 本省通知（示例）\n"
    old = write(tmp_path, head, "old.yaml")
    new = write(tmp_path, head + 'in_force: {from: "2024-01-01", to: "2026-12-31"}\n', "new.yaml")
    done = cli("rules", "diff", str(old), str(new), "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == said
    same = cli("rules", "diff", str(old), str(old), "--lang", lang)
    assert "施行期间" not in same.stdout and "in force:" not in same.stdout


@pytest.mark.parametrize("expect", ["{}", "{tiers: {}}", "{tiers: null, criteria: {}}"])
def test_a_case_that_expects_nothing_is_refused(tmp_path: Path, expect: str) -> None:
    """A case whose expect holds nothing passed whatever the rules gave, and was counted as a case
    passed ("1 case: all passed"): a test that cannot fail. It is refused at its line, saying what
    expect may hold."""
    rule = write(tmp_path, OK)
    write(tmp_path, WRONG_CASE.replace("{criteria: {t1.rev: unmet}}", expect), "mine.tests.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == ("littlegiant: error: " + str(tmp_path / "mine.tests.yaml")
                                   + ":3: expect: expected a mapping of sme, tiers, scores, criteria")


@pytest.mark.parametrize(("formula", "said"), [
    (" + ".join(["revenue[y1] * 1.0"] * 20) + " + revenu[y1]", "refers to undefined 'revenu'; did you mean 'revenue'?"),
    ("(" * 200 + "revenue[y1]" + ")" * 200, "too many nested parentheses"),
])
def test_a_long_formulas_problem_is_said_whole(tmp_path: Path, formula: str, said: str) -> None:
    """A message quoted the whole formula (up to 500 characters) and was cut at 300: what was wrong
    with it (the misspelt name and its suggestion, the nesting) was cut off. The formula is quoted
    in part now, the problem whole."""
    rule = write(tmp_path, OK.replace('value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入不低于100万元',
                                      f'value: "{formula}", op: ">=", threshold: 100, zh: 收入不低于100万元'))
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    line = done.stderr.splitlines()[0]
    assert line.endswith(said) and "…" in line, line


def test_a_second_document_pasted_in_says_one_was_expected(tmp_path: Path) -> None:
    """Two rule files pasted into one (a --- between them) read "invalid YAML: but found another
    document", what was expected left out."""
    rule = write(tmp_path, OK + "---\n" + OK)
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0].endswith(
        f":{OK.count(chr(10)) + 1}: invalid YAML: expected a single document in the stream, but found another document")


SCORED_CASE = ("format: 1\ncases:\n  - name: ranged\n    as_of: \"2026-11-26\"\n"
               "    profile: {financials: {2025: {revenue: 100}}}\n"
               "    expect: {scores: {zjtx_sme: EXPECTED}}\n")
"""R&D unknown: the tiny table's one item scores 0, 5 or 10, so the tier's score is the range 0–10."""


@pytest.mark.parametrize(("expected", "code", "said"), [
    ("5", 1, "FAIL mine.tests.yaml:3 ranged: tier zjtx_sme scores the range 0–10 (answers missing), expected 5"),
    ("[0, 5]", 1, "FAIL mine.tests.yaml:3 ranged: tier zjtx_sme scores the range 0–10 (answers missing), "
                  "expected a range 0–5 (answers missing)"),
    ("[0, 10]", 0, "mine: 1 case, "),
])
def test_a_score_left_a_range_is_said_and_expected_as_one(tmp_path: Path, expected: str, code: int, said: str) -> None:
    """A score with answers missing is a range (0–10): a case expecting a number was told "scores None,
    expected 5", the range hidden, and no case could expect the range. [low, high] expects it now."""
    rule = write(tmp_path, OK)
    write(tmp_path, SCORED_CASE.replace("EXPECTED", expected), "mine.tests.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == code, done.stdout + done.stderr
    assert any(line.startswith(said) for line in done.stdout.splitlines()), done.stdout


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "FAIL mine.tests.yaml:3 ranged: tier little_giant has no score (no score table decides it), expected 5"),
    ("zh", "未通过：mine.tests.yaml:3 ranged: 层级 little_giant 没有得分（不按评分表评定），用例期望 5"),
])
def test_a_score_expected_of_a_tier_without_one_says_so(tmp_path: Path, lang: str, said: str) -> None:
    """A case expecting a score of a tier no score table decides was told "scores None, expected 5"."""
    rule = write(tmp_path, OK)
    write(tmp_path, SCORED_CASE.replace("zjtx_sme: EXPECTED", "little_giant: 5"), "mine.tests.yaml")
    done = cli("rules", "test", str(rule), "--lang", lang)
    assert done.returncode == 1, done.stdout + done.stderr
    assert said in done.stdout.splitlines(), done.stdout


@pytest.mark.parametrize("expected", ["[[0, 5], 10]", "[0, [5, 10]]"])
def test_a_score_range_whose_end_is_a_list_is_refused_at_its_line(tmp_path: Path, expected: str) -> None:
    """[[0, 5], 10] was "internal error … InvalidOperation": no file, line or word of what was wrong."""
    rule = write(tmp_path, OK)
    write(tmp_path, SCORED_CASE.replace("EXPECTED", expected), "mine.tests.yaml")
    done = cli("rules", "test", str(rule), env=ENGLISH)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "internal error" not in done.stderr and "mine.tests.yaml:" in done.stderr, done.stderr


@pytest.mark.parametrize(("line", "typed", "said"), [
    ("        max: 10", "       max: 10", "did not find expected '-' indicator (this line is indented 7 spaces, the key above it 8: "),
    ("        max: 10", "          max: 10", "(this line is indented 10 spaces, the key above it 8: keys of one level line up)"),
])
def test_a_line_indented_unlike_the_key_above_says_so(tmp_path: Path, line: str, typed: str, said: str) -> None:
    """One space short or two too many: "invalid YAML: did not find expected key" named the line but not
    what was wrong with it. It now says the two indents."""
    assert OK.count(f"\n{line}\n") == 1
    rule = write(tmp_path, OK.replace(f"\n{line}\n", f"\n{typed}\n"))
    done = cli("rules", "validate", str(rule), env=ENGLISH)
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert said in first and ": invalid YAML: " in first, first


@pytest.mark.parametrize(("text", "said"), [
    ("name: A\nfinancials:\n  2025:\n    revenue: 12000\n  2024: {revenue: 10500\nemployees: 260\n",
     "a.yaml:6: invalid YAML: did not find expected ',' or '}'"),
    ("name: A\ntitles:\n  innovative_sme: [true\nemployees: 260\n", "a.yaml:4: invalid YAML: did not find expected ',' or ']'"),
])
def test_a_line_back_at_its_parents_indent_is_not_said_misindented(tmp_path: Path, text: str, said: str) -> None:
    """A brace or bracket left open: the next line, rightly back at the top level, was told "indented 0
    spaces, the key above it 2", and the user sent to mend an indent that was right."""
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    done = cli("assess", "a.yaml", "--as-of", "2026-03-01", env=ENGLISH, cwd=tmp_path)
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert first.endswith(said), first


def test_a_band_of_two_answers_is_said_by_both(tmp_path: Path) -> None:
    """A yes/no band reading two answers (sd_listing and sd_market_share) was said 「符合条件时：3分」 in
    `rules show` and `rules diff`, what it asks lost (the second review): both answers are named now."""
    overlay = tmp_path / "qd.yaml"
    overlay.write_text(
        "format: 1\nid: qd-2022\nextends: shandong-2022\ntitle: {zh: 青岛测试, en: Qingdao test}\nsource: 测试\n"
        "replace_items:\n  zjtx.sd_listing:\n    - id: sd_listing\n      zh: 上市进展（山东）\n      en: Listing progress\n"
        "      group: characteristic\n      max: 3\n      source: 测试\n      confidence: single\n"
        '      bands: [{when: "sd_listing and sd_market_share", points: 3}, {points: 0}]\n', encoding="utf-8")
    shown = cli("rules", "show", "zjtx.sd_listing", "--rules", str(overlay), "--lang", "zh")
    assert shown.returncode == 0, shown.stderr
    assert "按“上市进展（已上市，或已进入上市辅导、申报阶段）”“细分市场占有率达到山东省特色化指标要求”符合条件时：3分" in \
        shown.stdout.replace("\n", "").replace(" ", "")
