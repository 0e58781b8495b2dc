"""A hostile-input pass on rule files (`--rules FILE`, `rules validate`, `rules show`): bounded work for any
file, every problem said once on the file the user gave, no terminal escape let through, no option
suggested that the command lacks, and what no rule can mean refused; the API refuses what YAML refuses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

import littlegiant
from littlegiant.load import rules

PROFILE = str(EXAMPLES / "little-giant-2026.yaml")
AS_OF = ("--as-of", "2026-11-26")
SECONDS = 10  # what an 887 KB rule file may take to be refused, on a shared machine (it took 37-91 s to assess)
HEAD = "format: 1\nid: mine\nextends: miit-2026\ntitle: {zh: 测试, en: Test}\nsource: test\n"
FORMULA = "+".join(["max(revenue[y1],rd_expense[y2],employees)"] * 10)  # 419 characters, 99 parts


def run(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """The command as a user types it, in its own process, in ``cwd`` (so files are named as typed)."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                          check=False, cwd=cwd, timeout=SECONDS * 6, env={**os.environ, "COLUMNS": "100", "LANG": "C.UTF-8"})
    return done, time.monotonic() - start


def problems(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The problem lines on stderr (the count line of `rules validate` left out), after exit 2 and no traceback."""
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    return [ln for ln in done.stderr.splitlines() if ln and not re.fullmatch(r"littlegiant: \d+ problems? found", ln)]


def refused(tmp_path: Path, text: str, start: str, words: str, *, assess: bool = True) -> None:
    """``rules validate mine.yaml`` (and ``assess --rules mine.yaml``) say one line, at ``start``
    (mine.yaml:LINE: path), with ``words``: never a shipped file's line, never a follow-on."""
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    runs = [("rules", "validate", "mine.yaml")] + ([("assess", PROFILE, "--rules", "mine.yaml", *AS_OF)] if assess else [])
    for args in runs:
        done, _ = run(*args, cwd=tmp_path)
        lines = problems(done)
        assert len(lines) == 1, done.stderr
        line = lines[0].removeprefix("littlegiant: error: ")
        assert line.startswith(start), line
        assert words in line, line


def added(criteria: list[str], tier: str = "little_giant") -> str:
    """An overlay of miit-2026 adding ``criteria`` (flow mappings) to ``tier``."""
    return HEAD + f"add_criteria:\n  {tier}:\n" + "".join(f"    - {c}\n" for c in criteria)


def criterion(i: int, value: str = "revenue[y1]") -> str:
    return (f'{{id: mine.c{i}, value: "{value}", op: ">=", threshold: {i + 1}, zh: 条件, en: Test, source: x, '
            "confidence: single}")


# ------------------------------------------------------------------ bounded work


def test_the_1700_criteria_file_is_refused_in_seconds_at_its_add_criteria(tmp_path: Path) -> None:
    """The 887 KB file of the hostile pass (1,700 criteria of a 419-character formula) is within every
    per-formula limit; it took one assessment 37-91 s and 430 MB. Now both commands refuse it in one
    line at its `add_criteria` list, before any criterion is read."""
    text = added([criterion(i, FORMULA) for i in range(1700)])
    assert len(text.encode()) > 850_000
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    for args in (("rules", "validate", "mine.yaml"), ("assess", PROFILE, "--rules", "mine.yaml", *AS_OF)):
        done, seconds = run(*args, cwd=tmp_path)
        [line] = problems(done)
        assert line.removeprefix("littlegiant: error: ") == (
            "mine.yaml:7: add_criteria.little_giant: 1,700 criteria added to tier little_giant, which has 16 "
            "(at most 200 in all)"), line
        assert seconds < SECONDS, seconds


def test_formulas_past_the_parts_budget_are_refused_where_they_pass_it(tmp_path: Path) -> None:
    """Within the tier limit, 120 criteria of 99 parts each spread over the three tiers pass the 10,000
    parts a rule set's formulas may have in all: refused at the formula that passes it, in the user's file."""
    text = HEAD + "add_criteria:\n" + "".join(
        f"  {tier}:\n" + "".join(f"    - {criterion(k * 40 + i, FORMULA)}\n" for i in range(40))
        for k, tier in enumerate(rules.TIER_IDS))
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    done, seconds = run("rules", "validate", "mine.yaml", cwd=tmp_path)
    [line] = problems(done)
    assert re.match(r"mine\.yaml:\d+: add_criteria\.\w+\[\d+\]\.value: the formulas of this rule set have more than "
                    r"10,000 parts in all", line), line
    assert seconds < SECONDS, seconds


def test_a_total_passed_in_the_shipped_file_is_said_on_the_users_file(tmp_path: Path) -> None:
    """99 derived quantities of 99 parts leave the budget to be passed by a formula of miit-2026.yaml,
    read after them: the file that went over it is the user's, which the one line names."""
    derived = "".join(f'  d{i}: {{expr: "{FORMULA}", zh: a, en: b}}\n' for i in range(99))
    refused(tmp_path, HEAD + "derived:\n" + derived, "mine.yaml:1: ",
            "the formulas of this rule set have more than 10,000 parts in all")


def test_a_limit_broken_in_the_users_own_base_file_is_said_there(tmp_path: Path) -> None:
    """An overlay extending the user's own file, whose score item has 30 bands: said at that file's line,
    not moved to the overlay's first line as a total passed in a shipped file is."""
    bands = ", ".join(f"{{at_least: {100 - j}, points: {min(20, 30 - j)}}}" for j in range(29)) + ", {points: 0}"
    (tmp_path / "base.yaml").write_text(
        HEAD.replace("id: mine", "id: mybase") + "replace_items:\n  innovative.rd_share:\n    - {id: rd_share, zh: x, "
        f'en: x, group: innovation, max: 20, source: x, confidence: gov, value: "rd_share[y1]", bands: [{bands}]}}\n',
        encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(HEAD.replace("extends: miit-2026", "extends: base.yaml"), encoding="utf-8")
    done, _ = run("rules", "validate", "mine.yaml", cwd=tmp_path)
    assert problems(done) == ["base.yaml:8: replace_items.innovative.rd_share[0].bands: 30 bands (at most 24)"]


def test_the_new_limits_are_far_above_the_shipped_sets_and_documented() -> None:
    """Each shipped set (overlays and round files too) lists under a tenth of the criteria a tier may, and
    the README's table of rule-file limits carries both new numbers."""
    sets = [*rules.builtin_ids(), *rules.overlay_ids(), str(rules.builtin_dir() / "rounds" / "gxt-2025-190.yaml")]
    for ref in sets:
        rs = rules.load(ref)
        assert max(len(t.criteria.children) for t in rs.tiers.values()) * 10 <= rules.MAX_TIER_CRITERIA, ref
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Rule files"):readme.index("## Development")]
    assert f"| {rules.MAX_FORMULA_PARTS:,} |" in section
    assert f"| {rules.MAX_TIER_CRITERIA} |" in section


def test_an_overlay_adding_8910_formula_parts_still_loads(tmp_path: Path) -> None:
    """The budget leaves an overlay room: 90 criteria of 99 parts each over the three tiers, with the
    shipped set's own 288 parts, stay under 10,000."""
    text = HEAD + "add_criteria:\n" + "".join(
        f"  {tier}:\n" + "".join(f"    - {criterion(k * 31 + i, FORMULA)}\n" for i in range(30))
        for k, tier in enumerate(rules.TIER_IDS))
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    assert rules.validate(path) == []


# ------------------------------------------------------------------ said on the user's file, once


@pytest.mark.parametrize(("text", "start", "words"), [
    (added(['{id: lg26.revenue, value: "revenue[y1]", op: ">=", threshold: 5000, zh: 测试, en: test, source: x, '
            "confidence: single}"]),
     "mine.yaml:8: add_criteria.little_giant[0].id: ", "duplicate criterion id 'lg26.revenue' in tier little_giant"),
    (HEAD + 'derived:\n  rd_share: {expr: "1/0", zh: a, en: b}\n',
     "mine.yaml:7: derived.rd_share.expr: ", "a division by 0 in '1/0'"),
    (HEAD + "fields:\n  employees: {path: employees, type: bool, zh: a, en: b, help: {zh: a, en: b}}\n",
     "mine.yaml:7: fields.employees.type: ", "the rules this file extends read 'employees' as a number"),
    (HEAD + 'derived:\n  rd_share: {expr: "revenue[y] > 1", per_year: true, zh: a, en: b}\n',
     "mine.yaml:7: derived.rd_share.expr: ", "read 'rd_share' as a number: expected a formula that gives a number"),
    (HEAD + 'derived:\n  rd_share: {expr: "1", zh: a, en: b}\n',
     "mine.yaml:7: derived.rd_share.per_year: ", "keep 'rd_share' per year"),
    (HEAD + "evil: 1\n", "mine.yaml:6: evil: ", "unknown key 'evil'"),
    (HEAD + "replace_items:\n  innovative.rd_share:\n    - {id: rd_share, zh: x, en: x, group: innovation, max: 20, "
     "source: x, confidence: gov, value: \"rd_share[y1]\", bands: [{at_least: 3, points: -20}, {points: 0}]}\n",
     "mine.yaml:8: replace_items.innovative.rd_share[0].bands: ", "a band gives -20 points, below 0"),
    (HEAD + "replace_items:\n  innovative.rd_share: []\n",
     "mine.yaml:7: replace_items.innovative.rd_share: ", "group 'innovation' has max 40 but its items add up to 20"),
    # a change no check foresaw: the shipped file's problem, said at the line that extends it
    (HEAD + "scores:\n  innovative:\n    zh: 表\n    en: Table\n    max: 100\n    groups: {g: {zh: 组, en: G, max: 100}}\n"
     "    items:\n      - {id: x, zh: 项, en: X, group: g, max: 100, source: t, confidence: gov, value: \"revenue[y1]\", "
     "bands: [{at_least: 1000, points: 100}, {points: 0}]}\n",
     "mine.yaml:3: extends: ", "the built-in rules it extends do not load with this file's changes: "),
], ids=["repeated shipped id", "broken derived", "field made yes/no", "derived made yes/no", "derived made once",
        "unknown top key", "bad replacement item", "empty replacement", "table without the shipped groups"])
def test_a_problem_is_said_once_on_the_users_file(tmp_path: Path, text: str, start: str, words: str) -> None:
    """Each was blamed on rules/_base.yaml or miit-2026.yaml, or followed by up to 8 lines more from them
    ("group 'innovation' has max 40"), said twice, or said at a path the file has not
    (replace_items.innovation)."""
    refused(tmp_path, text, start, words)


def test_a_derived_quantity_of_its_own_refused_is_not_undefined_in_its_own_criteria(tmp_path: Path) -> None:
    """An overlay's own derived quantity with a bad formula, read by its own criterion: the formula is the
    one problem, not also the criterion that reads it."""
    text = (HEAD + 'derived:\n  mine_share: {expr: "rd_expense[y] / ", per_year: true, zh: a, en: b}\n'
            + added([criterion(0, "mine_share[y1]")]).removeprefix(HEAD))
    refused(tmp_path, text, "mine.yaml:7: derived.mine_share.expr: ", "cannot parse", assess=False)


# ------------------------------------------------------------------ terminal escapes


@pytest.mark.parametrize(("text", "start", "code"), [
    (added(['{id: mine.c1, value: "revenue[y1]", op: ">=", threshold: 1, zh: "\\e[2J测试", en: "\\e]0;pwned\\a", '
            "source: x, confidence: single}"]), "mine.yaml:8: add_criteria.little_giant[0].zh: ", "U+001B"),
    (HEAD.replace("{zh: 测试,", '{zh: "\\u202e测试",'), "mine.yaml:4: title.zh: ", "U+202E"),
    (HEAD + 'notes:\n  - {zh: 说明, en: "bell\\x07"}\n', "mine.yaml:7: notes[0].en: ", "U+0007"),
    (HEAD + 'fields:\n  "a\\e[31m": {path: a, type: int, zh: a, en: b, help: {zh: a, en: b}}\n', "mine.yaml:7: fields: ",
     "U+001B"),
    (HEAD + 'derived:\n  x: {expr: "1", zh: a, en: b, formula: {zh: "\\x9b31m", en: b}}\n',
     "mine.yaml:7: derived.x.formula.zh: ", "U+009B"),
], ids=["ESC and BEL in a criterion", "bidi override in the title", "BEL in a note", "ESC in a key", "C1 CSI"])
def test_a_control_character_in_a_rule_files_text_is_refused_at_its_line(
        tmp_path: Path, text: str, start: str, code: str) -> None:
    """Written as YAML escapes, they reached the terminal raw through `rules show` and `assess --detail`;
    now every command that reads the file refuses it, at its line, and prints no control character."""
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    for args in (("rules", "validate", "mine.yaml"), ("assess", PROFILE, "--rules", "mine.yaml", "--detail", *AS_OF),
                 ("rules", "show", "mine.c1", "--rules", "mine.yaml")):
        done, _ = run(*args, cwd=tmp_path)
        [line] = problems(done)
        assert line.removeprefix("littlegiant: error: ").startswith(start), line
        assert f"expected text without control characters (such as ESC, BEL or a bidirectional override), got {code}" \
            in line, line
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", done.stdout + done.stderr)


# ------------------------------------------------------------------ no --encoding where there is none


def test_a_rule_file_in_no_encoding_is_told_to_be_saved_as_utf8(tmp_path: Path) -> None:
    """`rules validate` has no --encoding, and assess's names the profile's: neither suggests it for a rule file."""
    (tmp_path / "mine.yaml").write_bytes(b"\xff\xfe\x00\xd8\x00\xd8abc\x80\x81\xfe")
    for args in (("rules", "validate", "mine.yaml"), ("assess", PROFILE, "--rules", "mine.yaml", *AS_OF)):
        done, _ = run(*args, cwd=tmp_path)
        [line] = problems(done)
        assert line.removeprefix("littlegiant: error: ") == (
            "mine.yaml: not text in any encoding tried (UTF-8, GB18030/GBK, UTF-16, UTF-32); save it as UTF-8"), line
    done, _ = run("assess", PROFILE, "--rules", "mine.yaml", "--lang", "zh", *AS_OF, cwd=tmp_path)
    assert problems(done) == ["littlegiant 出错：mine.yaml：按常用编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）都读不出文字；请另存为 UTF-8"]


# ------------------------------------------------------------------ what no rule can mean


@pytest.mark.parametrize(("text", "start", "words"), [
    (HEAD.replace("format: 1", "format: true"), "mine.yaml:1: format: ", "expected format 1 (the one this version reads), got true"),
    (HEAD + "in_force: {from: 2027-01-01, to: 2026-01-01}\n", "mine.yaml:6: in_force.to: ",
     "expected a last day on or after the first (2027-01-01), got 2026-01-01"),
    (HEAD + "fields:\n  mine: {path: mine, type: int, min: 10, max: 1, zh: a, en: b, help: {zh: a, en: b}}\n",
     "mine.yaml:7: fields.mine.max: ", "expected a max at or above the min (10), got 1"),
    (added([criterion(0, "revenue[y1] / (employees - employees)")]), "mine.yaml:8: add_criteria.little_giant[0].value: ",
     "a division by 0 in 'revenue[y1] / (employees - employees)'"),
    (added([criterion(0, "revenue[y1] / (2 * (employees - employees))")]),
     "mine.yaml:8: add_criteria.little_giant[0].value: ", "a division by 0"),
], ids=["format true", "in force backwards", "min above max", "x - x below a division", "a product of 0 below one"])
def test_what_no_rule_can_mean_is_refused(tmp_path: Path, text: str, start: str, words: str) -> None:
    """`rules validate` passed each: format: true as format 1, a set in force on no day, a field no answer
    fits, a criterion whose value no answer settles."""
    refused(tmp_path, text, start, words)


def test_a_division_by_a_difference_of_two_figures_still_loads(tmp_path: Path) -> None:
    """Growth (revenue[y1] - revenue[y2]) below a division is a figure, not 0: the check is on the
    formula's shape, a part taken from itself."""
    path = tmp_path / "mine.yaml"
    path.write_text(added([criterion(0, "revenue[y1] / (revenue[y1] - revenue[y2])")]), encoding="utf-8")
    assert rules.validate(path) == []


# ------------------------------------------------------------------ the API


@pytest.mark.parametrize("financials", [
    {"2025": {"revenue": 1}, 2025: {"revenue": 2}},
    {2025: {"revenue": 2}, "2025": {"revenue": 1}},
])
def test_the_api_refuses_two_spellings_of_one_year(financials: dict[object, object]) -> None:
    """`2025` beside `"2025"` kept the last silently; a YAML profile holding both is refused, and so is this."""
    with pytest.raises(littlegiant.InputError, match=r"^financials: duplicate key '2025'$"):
        littlegiant.assess({"financials": financials}, "miit-2026")
    result = littlegiant.assess({"financials": {2025: {"revenue": 2}, "2024": {"revenue": 1}}}, "miit-2026",
                                as_of=date(2026, 11, 26))
    assert result.profile.values["financials.2025.revenue"] == 2


@pytest.mark.parametrize(("unit", "words"), [
    ("亿元", "'亿元' scales an amount: every amount is in 万元"),
    ("元", "'元' scales an amount"),
    ("千元", "'千元' scales an amount"),
    ("人", "the unit '人' is not that of 'revenue', '万元'"),
])
def test_a_check_unit_that_misstates_its_figure_is_refused(tmp_path: Path, unit: str, words: str) -> None:
    """``unit: 亿元`` beside ``threshold: 1`` compared revenue in 万元 against 1 and wrote 「2,500亿元，要求不低于
    1亿元：满足」 of a company of 2,500万; `rules validate` said ok (a hostile-input review)."""
    refused(tmp_path, added(['{id: h.a, value: "revenue[y1]", op: ">=", threshold: 1, unit: ' + unit
                             + ', zh: 营收测试, en: revtest, source: x, confidence: single}']),
            "mine.yaml:8: add_criteria.little_giant[0].unit", words)


@pytest.mark.parametrize("unit", ["万元", "个"])
def test_a_check_in_its_figures_unit_or_of_a_formula_is_taken(tmp_path: Path, unit: str) -> None:
    """The refusal above leaves a check in its field's own unit, and a formula's unit the author names."""
    value = "revenue[y1]" if unit == "万元" else "ip_class1 + ip_class2"
    (tmp_path / "mine.yaml").write_text(added([f'{{id: h.a, value: "{value}", op: ">=", threshold: 1, unit: {unit}, '
                                               'zh: 测试, en: test, source: x, confidence: single}']), encoding="utf-8")
    done, _ = run("rules", "validate", "mine.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("shipped", ["calendar", "_glossary"])
def test_extending_the_calendar_or_the_glossary_is_an_unknown_rule_set(tmp_path: Path, shipped: str) -> None:
    """`extends: calendar` read the shipped calendar as a rule set and said its keys were wrong, at lines of
    rules/calendar.yaml: the user's file was never named (a hostile-input review)."""
    refused(tmp_path, HEAD.replace("extends: miit-2026", f"extends: {shipped}"), "mine.yaml:3: extends",
            f"unknown rule set '{shipped}' (built-in: miit-2022, miit-2026, shandong-2022; or give a YAML file)")


@pytest.mark.parametrize("unit", ["十万元", "万美元", "USD"])
def test_a_scale_or_another_currency_in_a_unit_is_refused(tmp_path: Path, unit: str) -> None:
    """十万元, 万美元 and USD passed validate where 十万 and 百万元 were refused (an independent review)."""
    refused(tmp_path, added(['{id: h.a, value: "revenue[y1]", op: ">=", threshold: 1, unit: ' + unit
                             + ', zh: 营收测试, en: revtest, source: x, confidence: single}']),
            "mine.yaml:8: add_criteria.little_giant[0].unit", "scales an amount")
