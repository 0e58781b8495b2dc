"""Hostile rule files (issue #13): each is refused in one line, in bounded time, or works; never a traceback."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from tests.test_rule_tools import OK
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core import engine, gaps
from littlegiant.errors import InputError
from littlegiant.load import expr, profile, rules, yamlio
from littlegiant.report.advice import CUT_SHORT

PROFILE = str(EXAMPLES / "tier1-only.yaml")
AS_OF = ("--as-of", "2026-05-01")
SECONDS = 5  # every rule-file bomb ends (refused or done) well within this
runner = CliRunner()


def cli(*args: str, cwd: Path | None = None) -> tuple[subprocess.CompletedProcess[str], float]:
    """The command as a user types it, in its own process, stopped if it outlives SECONDS."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                          check=False, cwd=cwd, timeout=SECONDS * 3)
    return done, time.monotonic() - start


def refused_in_one_line(done: subprocess.CompletedProcess[str], words: str) -> str:
    """Exit 2, no traceback, and the one problem line that says ``words``."""
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln and not re.fullmatch(r"littlegiant: \d+ problems? found", ln)]
    assert len(lines) == 1, done.stderr[-2000:]
    assert words in lines[0], lines[0]
    assert len(lines[0]) < 400
    return lines[0]


def with_table(items: list[str], total: int | str) -> str:
    """The template with its score table replaced by ``items`` (YAML list entries) adding up to ``total``."""
    start, end = OK.index("  tiny:"), OK.index("tiers:")
    table = (f"  tiny:\n    zh: 小表\n    en: Tiny table\n    max: {total}\n    groups:\n"
             f"      g: {{zh: 组, en: Group, max: {total}}}\n    items:\n" + "\n".join(items) + "\n")
    return OK[:start] + table + OK[end:]


def item(i: int, points: int, bands: str | None = None) -> str:
    """One score item worth ``points`` for R&D expense of at least 1000 万元 (or the given bands)."""
    bands = bands or f"[{{at_least: {1000 + i}, points: {points}}}, {{points: 0}}]"
    return (f"      - {{id: i{i}, zh: 项{i}, en: Item {i}, group: g, max: {points}, source: t, confidence: gov, "
            f"value: \"rd_expense[y1]\", bands: {bands}}}")


def with_criterion(line: str) -> str:
    """The template with tier 1's criterion replaced by ``line`` (one flow mapping)."""
    old = '      - {id: t1.rev, value: "revenue[y1]", op: ">=", threshold: 100, zh: 收入不低于100万元, en: Revenue, source: test, confidence: gov}'
    assert old in OK
    return OK.replace(old, f"      - {line}")


def check(value: str, op: str, threshold: str) -> str:
    return with_criterion(f'{{id: t1.x, value: "{value}", op: "{op}", threshold: {threshold}, zh: 条件, en: Test, '
                          "source: test, confidence: gov}")


def with_derived(lines: list[str]) -> str:
    return OK.replace("derived:\n", "derived:\n" + "".join(f"  {ln}\n" for ln in lines))


def laughs() -> str:
    lines = ["x0: &x0 [a, a, a, a, a, a, a, a, a]"]
    lines += [f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n" + OK


def fan_out(levels: int, width: int) -> str:
    """Shared nodes that each use the next one ``width`` times: 4**16 criteria once expanded."""
    nodes = ["nodes:"]
    for k in range(levels):
        children = ", ".join([f"{{kind: use, ref: n{k + 1}}}"] * width)
        nodes.append(f"  n{k}: {{id: n{k}, kind: all, zh: 组, en: Group, children: [{children}]}}")
    nodes.append(f"  n{levels}: {{id: leaf, value: \"revenue[y1]\", op: \">=\", threshold: 1, zh: 收入, en: Revenue, "
                 "source: test, confidence: gov}")
    return with_criterion("{kind: use, ref: n0}").replace("tiers:\n", "\n".join(nodes) + "\ntiers:\n")


def write(folder: Path, text: str, name: str = "mine.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# (id, the file's text, words of the one-line refusal)
BOMBS: list[tuple[str, Callable[[], str], str]] = [
    ("billion laughs", laughs, "values once its aliases are expanded"),
    ("many aliases", lambda: "x: &x a\ny: [" + ", ".join(["*x"] * 101) + "]\n" + OK, "more than 100 alias uses"),
    ("alias in a loop", lambda: "x: &x [*x]\n" + OK, "refers to the mapping or list that holds it"),
    ("deep nesting", lambda: "x: " + "[" * 40 + "]" * 40 + "\n" + OK, "nested more than 32 levels deep"),
    ("file over 1 MB", lambda: OK + "# padding padding padding\n" * 40_000, "larger than 1,000,000 bytes"),
    ("a number of 5000 digits", lambda: OK.replace("max: 10\n    groups", "max: " + "9" * 5000 + "\n    groups"),
     "a number of 5000 characters"),
    ("use fan-out of 16 levels", lambda: fan_out(16, 4), "criteria nested more than 16 levels deep"),
    ("use fan-out of 6 levels", lambda: fan_out(6, 12), "more than 2,000 criteria once every 'use' is expanded"),
    ("field bound 1.0e999999999", lambda: OK.replace("derived:\n", "fields:\n  big: {path: big, type: number, "
                                                     "min: 1.0e999999999, zh: 大, en: Big, help: {zh: 说明, en: Help}}\nderived:\n"),
     "is not a size a rule uses (0, or from 0.000001 to under 10^15)"),
    ("threshold 1e-999999999", lambda: check("revenue[y1]", ">=", "1.0e-999999999"), "is not a size a rule uses"),
    ("threshold of 13 places", lambda: check("revenue[y1]", ">=", "1.0000000000001"), "more than 12 decimal places"),
    ("400-term formula", lambda: check(" + ".join(["revenue[y1]"] * 400), ">=", "1"), "(at most 500)"),
    ("formula nested 30 deep", lambda: check("-(" * 30 + "revenue[y1]" + ")" * 30, ">=", "1"),
     "nested more than 24 levels deep"),
    ("formula of 201 parts", lambda: check("min(" + ",".join(["1"] * 200) + ")", ">=", "1"), "more than 200 parts"),
    ("chain of 200 derived", lambda: with_derived(
        ["d0: {expr: \"employees\", zh: D, en: D}"]
        + [f"d{i}: {{expr: \"d{i - 1} + 1\", zh: D, en: D}}" for i in range(1, 200)]), "a chain of more than 16"),
    ("chain of 40 fields each part of the next", lambda: OK.replace("derived:\n", "fields:\n" + "".join(
        f"  p{i}: {{path: p{i}, type: number, part_of: p{i + 1}, zh: P, en: P, help: {{zh: 说明, en: Help}}}}\n" for i in range(40))
        + "  p40: {path: p40, type: number, zh: P, en: P, help: {zh: 说明, en: Help}}\nderived:\n"), "a chain of more than 16 fields"),
    ("score table of 61 items", lambda: with_table([item(i, 1) for i in range(61)], 61), "61 items (at most 60)"),
    ("a scale of 30 bands", lambda: with_table([item(0, 30, "[" + ", ".join(
        f"{{at_least: {100 - j}, points: {30 - j}}}" for j in range(29)) + ", {points: 0}]")], 30),
     "30 bands (at most 24)"),
]

# (id, the file's text, words): type errors that validate used to pass and assess then crashed on
MISTYPED: list[tuple[str, Callable[[], str], str]] = [
    ("threshold 'abc' with >=", lambda: check("revenue[y1]", ">=", '"abc"'), "the threshold must be a number"),
    ("threshold '2亿' with >=", lambda: check("revenue[y1]", ">=", '"2亿"'), "got text '2亿'"),
    ("abs(1,2)", lambda: check("abs(1, 2)", ">=", "1"), "abs() takes 1 argument, got 2"),
    ("sqrt()", lambda: check("sqrt()", ">=", "1"), "sqrt() takes 1 argument, got 0"),
    ("floor(1e309)", lambda: check("floor(1e309)", ">=", "1"), "the number 1e309 is too large"),
    ("1e309-1e309", lambda: check("1e309 - 1e309", ">=", "1"), "is too large"),
    ("a 450-digit constant", lambda: check("revenue[y1] + " + "9" * 450, ">=", "1"), "is too large"),
    ("between of [a, b]", lambda: check("revenue[y1]", "between", '["a", "b"]'), "the threshold must be a number"),
    ("between high to low", lambda: check("revenue[y1]", "between", "[5, 1]"), "got 5 above 1"),
    ("yes/no against text", lambda: check("registered_in_china", "==", '"yes"'),
     "the threshold must be true or false"),
    ("text against a number", lambda: check("industry", "!=", "3"), "the threshold must be text"),
    ("in with a mapping", lambda: check("industry", "in", "[{a: 1}]"), "got a mapping"),
    # a criterion that no answer settles: unknown for ever, with nothing said to be missing
    ("a division by 0", lambda: check("niche_years / 0", ">=", "1"), "a division by 0 in 'niche_years / 0'"),
]

TAGS = ["!!int abc", "!!float .nan", "!!bool maybe", "!!python/object/apply:os.system [echo hacked]",
        "!!timestamp 2025-01-01", "!!binary aGVsbG8="]


@pytest.mark.parametrize(("kind", "text", "words"), BOMBS, ids=[b[0] for b in BOMBS])
@pytest.mark.parametrize("command", ["validate", "assess"])
def test_a_rule_file_bomb_is_refused_quickly_in_one_line(
        tmp_path: Path, kind: str, text: Callable[[], str], words: str, command: str) -> None:
    """`rules validate F` and `assess P --rules F` both refuse it: exit 2, one line, no traceback, under 5 s."""
    path = write(tmp_path, text())
    args = ["rules", "validate", str(path)] if command == "validate" else ["assess", PROFILE, "--rules", str(path), *AS_OF]
    done, seconds = cli(*args)
    refused_in_one_line(done, words)
    assert seconds < SECONDS, seconds


@pytest.mark.parametrize(("kind", "text", "words"), MISTYPED, ids=[b[0] for b in MISTYPED])
def test_a_mistyped_rule_is_refused_by_validate_and_assess_alike(
        tmp_path: Path, kind: str, text: Callable[[], str], words: str) -> None:
    """What used to pass `rules validate` and then crash every `assess` is refused by both, in one line."""
    path = write(tmp_path, text())
    for args in (["rules", "validate", str(path)], ["assess", PROFILE, "--rules", str(path), *AS_OF]):
        result = runner.invoke(app, args)
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        lines = [ln for ln in result.stderr.splitlines() if not re.fullmatch(r"littlegiant: \d+ problems? found", ln)]
        assert result.exit_code == 2 and len(lines) == 1 and words in lines[0], result.stderr
        assert lines[0].startswith(f"{path}:31: " if args[0] == "rules" else f"littlegiant: error: {path}:31: ")


@pytest.mark.parametrize(("bands", "words"), [
    ("[{when: employees, points: 5}, {points: 0}]", "formula 'employees' gives a number, where true or false is needed"),
    ("[{when: name, points: 5}, {points: 0}]", "formula 'name' gives text, where true or false is needed"),
    ("[{at_least: 1000, points: -5}, {points: 0}]", "a band gives -5 points, below 0"),
])
def test_a_band_that_cannot_mean_what_it_says_is_refused(tmp_path: Path, bands: str, words: str) -> None:
    """`when: employees` (its `>= 10` forgotten) held for every company with staff, and a band of -5
    points took points off the total: both passed `rules validate` and scored silently."""
    path = write(tmp_path, with_table([item(0, 5, bands)], 5))
    for args in (["rules", "validate", str(path)], ["assess", PROFILE, "--rules", str(path), *AS_OF]):
        result = runner.invoke(app, args)
        lines = result.stderr.splitlines()  # validate lists every problem: the item's group then falls short too
        assert result.exit_code == 2 and words in lines[0], result.stderr
        assert len(lines) == 1 or args[0] == "rules", result.stderr


@pytest.mark.parametrize("tag", TAGS)
def test_an_explicit_yaml_tag_is_refused(tmp_path: Path, tag: str) -> None:
    """`!!int abc` and its kin name a type the reader does not build: one line with the tag and its line."""
    path = write(tmp_path, OK.replace("source: test\nextends", f"source: {tag}\nextends"))
    done, _ = cli("rules", "validate", str(path))
    line = refused_in_one_line(done, "explicit tag !!")
    assert line.startswith(f"{path}:5: ")
    assert "hacked" not in done.stdout + done.stderr


def test_a_year_written_as_number_and_as_text_is_one_duplicate_key(tmp_path: Path) -> None:
    """`2025:` and `"2025":` in one mapping name the same thing: refused with both lines."""
    text = OK.replace("derived:\n", "fields:\n  pick:\n    path: pick\n    type: choice\n    zh: 选\n    en: Pick\n"
                      "    choices:\n      2025: {zh: 甲, en: A}\n      \"2025\": {zh: 乙, en: B}\nderived:\n")
    path = write(tmp_path, text)
    done, _ = cli("rules", "validate", str(path))
    assert refused_in_one_line(done, "duplicate key '2025' (first at line 14)").startswith(f"{path}:15: ")


@pytest.mark.parametrize(("old", "new", "said"), [
    ("source: test\nextends", "source: test\n1: x\ntrue: y\nextends",
     ["{path}:6: 1: unknown key 1 (expected one of: format", "{path}:7: True: unknown key True (expected one of: format"]),
    ("derived:\n", "fields:\n  pick:\n    path: pick\n    type: choice\n    zh: 选\n    en: Pick\n    help: {zh: 帮, en: H}\n"
     "    choices:\n      1: {zh: 甲, en: A}\n      true: {zh: 乙, en: B}\nderived:\n",
     ["{path}:15: fields.pick.choices.1: a choice id is text, got 1 (put it in quotes)"]),
], ids=["top-level keys", "choice ids"])
def test_keys_python_takes_for_one_are_refused_as_the_keys_they_are(
        tmp_path: Path, old: str, new: str, said: list[str]) -> None:
    """`1:` beside `true:` was "duplicate key True": each is now the key it is, refused by the rule file's own
    checks at its own line (a key not written as text was put on its mapping's first line, and a choice id
    written as a number or yes/no ended in a KeyError, exit 3)."""
    path = write(tmp_path, OK.replace(old, new))
    done, _ = cli("rules", "validate", str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr and "duplicate" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()[:-1]  # validate lists every problem (an unknown top key is met twice)
    starts = [start.format(path=path) for start in said]
    assert all(any(line.startswith(start) for start in starts) for line in lines), done.stderr
    assert all(any(line.startswith(start) for line in lines) for start in starts), done.stderr


def test_json_rule_files_with_a_lone_surrogate_deep_nesting_or_nan_are_refused(tmp_path: Path) -> None:
    """JSON has its own traps: a `\\ud800` escape, 100,000 nested lists, NaN; each one line, exit 2."""
    cases = {"surrogate.json": ('{"format": 1, "id": "x\\ud800"}', "lone surrogate"),
             "deep.json": ("[" * 100_000 + "]" * 100_000, "nested more than 32 levels deep"),
             "nan.json": ('{"format": NaN}', "NaN is not a number JSON allows")}
    for name, (text, words) in cases.items():
        done, seconds = cli("rules", "validate", str(write(tmp_path, text, name)))
        refused_in_one_line(done, words)
        assert seconds < SECONDS


NOT_RULES = {  # a file given to --rules by mistake, what its content starts with, and the kind said of it
    "passwd": ("\n".join(f"user{i}:x:{1000 + i}:{1000 + i}:User {i}:/home/user{i}:/bin/bash" for i in range(40)) + "\n",
               "got text"),
    ".env": ("API_KEY=sk-live-4f9a2c\nDB_PASSWORD=hunter2\n", "got text"),
    "keys.yaml": ("- sk-live-4f9a2c\n- hunter2\n", "got a list"),
    "pin.yaml": ("480213\n", "got a number"),
}
NOT_RULES_COMMANDS = {
    "validate": ["rules", "validate", "{}"],
    "assess": ["assess", PROFILE, "--rules", "{}", *AS_OF],
    "batch": ["batch", PROFILE, "-o", "{out}", "--rules", "{}", *AS_OF],
    "diff": ["rules", "diff", "miit-2026", "{}"],
    "test": ["rules", "test", "{}"],
    "show": ["rules", "show", "revenue", "--rules", "{}"],
}


@pytest.mark.parametrize("name", NOT_RULES)
@pytest.mark.parametrize("command", NOT_RULES_COMMANDS)
def test_a_file_that_is_not_a_rule_file_is_said_so_without_any_of_it_quoted(
        tmp_path: Path, name: str, command: str) -> None:
    """`--rules /etc/passwd` (or a .env of keys) printed the file's first lines, folded into one text by the
    YAML reader: every command that reads a rule file now says it is not one, and what kind of thing it
    holds, and quotes none of it."""
    text, kind = NOT_RULES[name]
    path = write(tmp_path, text, name)
    args = [str(path) if a == "{}" else str(tmp_path / "out.csv") if a == "{out}" else a
            for a in NOT_RULES_COMMANDS[command]]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, SystemExit) and result.exit_code == 2, (result.exit_code, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if not re.fullmatch(r"littlegiant: \d+ problems? found", ln)]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert re.search(f"{re.escape(str(path))}(:1)?: not a rule file: expected a mapping of rule keys", lines[0]), lines[0]
    assert lines[0].endswith(kind), lines[0]
    for secret in ("user0", "/bin/bash", "API_KEY", "sk-live", "hunter2", "480213"):
        assert secret not in lines[0], lines[0]
    assert not (tmp_path / "out.csv").exists()


def test_a_file_that_is_not_a_rule_file_is_said_so_in_chinese(tmp_path: Path) -> None:
    """The refusal is the catalog's, so a run in Chinese says it in Chinese, the file's content again unquoted."""
    path = write(tmp_path, NOT_RULES[".env"][0], ".env")
    result = runner.invoke(app, ["--lang", "zh", "assess", PROFILE, "--rules", str(path), *AS_OF])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.strip() == f"littlegiant 出错：{path}：这不是规则文件：文件开头应是规则的各项（format: 1、id 等），现在是一段文字"


def test_a_pipe_or_a_folder_is_not_read_as_a_rule_file(tmp_path: Path) -> None:
    """A FIFO would hang the reader: it is refused at once, as is a folder of several rule sets."""
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    done, seconds = cli("rules", "validate", str(fifo))
    refused_in_one_line(done, "not a regular file")
    assert seconds < SECONDS


def outside_layout(tmp_path: Path) -> tuple[Path, Path]:
    """A shared parent rule set in one folder and a rule file in a sibling folder that extends it."""
    shared = tmp_path / "shared"
    mine = tmp_path / "mine"
    shared.mkdir()
    mine.mkdir()
    write(shared, OK.replace("id: mine", "id: parent"), "parent.yaml")
    child = write(mine, "format: 1\nid: child\nextends: ../shared/parent.yaml\n", "child.yaml")
    return shared, child


def test_extends_outside_the_folder_needs_allow_outside(tmp_path: Path) -> None:
    """`extends: ../x.yaml` is refused by validate, assess and batch; with --allow-outside each works."""
    _, child = outside_layout(tmp_path)
    csv = write(tmp_path, "name,financials.2025.revenue\n甲,500\n", "in.csv")
    out = tmp_path / "out.csv"
    commands = [["rules", "validate", str(child)], ["assess", PROFILE, "--rules", str(child), *AS_OF],
                ["batch", str(csv), "-o", str(out), "--rules", str(child), *AS_OF]]
    for args in commands:
        done, _ = cli(*args)
        refused_in_one_line(done, "outside this rule file's folder (give --allow-outside to read it)")
        done, _ = cli(*args, "--allow-outside")
        assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_extends_by_absolute_path_symlink_or_dotted_id_is_refused(tmp_path: Path) -> None:
    """An absolute path, a link that leads out of the folder, and `../..` dressed as a built-in id."""
    shared, child = outside_layout(tmp_path)
    (child.parent / "link.yaml").symlink_to(shared / "parent.yaml")
    for ref, words in ((str(shared / "parent.yaml"), "outside this rule file's folder"),
                       ("link.yaml", "outside this rule file's folder"),
                       ("../../../../etc/passwd", "extends: unknown rule set '../../../../etc/passwd' (built-in: miit-2022")):
        write(child.parent, f"format: 1\nid: child\nextends: {ref}\n", "child.yaml")
        done, _ = cli("rules", "validate", str(child))
        refused_in_one_line(done, words)


def test_extends_inside_the_folder_and_builtin_ids_still_work(tmp_path: Path) -> None:
    """The ordinary cases: a parent in a subfolder of the rule file's own folder, and a built-in id."""
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", OK.replace("id: mine", "id: parent"), "parent.yaml")
    child = write(tmp_path, "format: 1\nid: child\nextends: sub/parent.yaml\n", "child.yaml")
    done, _ = cli("assess", PROFILE, "--rules", str(child), *AS_OF)
    assert done.returncode == 0, done.stderr
    assert rules.validate(tmp_path / "child.yaml") == []


@pytest.mark.parametrize("rule_id", ["miit-2026", "shandong-2022"])
def test_an_overlay_taking_a_built_in_sets_id_is_refused(tmp_path: Path, rule_id: str) -> None:
    """An overlay with id miit-2026 (or a shipped overlay's id) had its results headed as that set's: a
    reader took a province's rules for the national ones. validate and assess refuse it in one line naming
    the file's id line and an id to use; the shipped sets and a round, which keeps its set's id, still load."""
    mine = write(tmp_path, f"format: 1\nid: {rule_id}\nextends: miit-2022\n", "mine.yaml")
    said = (f"{mine}:2: id: '{rule_id}' is the id of a built-in rule set, whose name the results would carry: "
            f"give this file an id of its own, such as '{rule_id}-local'")
    for args in (("rules", "validate", str(mine)), ("assess", PROFILE, "--rules", str(mine), *AS_OF)):
        done, _ = cli(*args)
        refused_in_one_line(done, said)
    for builtin in ("miit-2026", "shandong-2022", str(rules.builtin_dir() / "rounds" / "gxt-2025-190.yaml")):
        assert rules.validate(builtin) == []


def test_an_overlay_field_without_help_is_refused(tmp_path: Path) -> None:
    """The interview shows a field's help under its question, and every shipped field has it: an overlay's new
    question without one passed validate and was asked bare. validate and assess refuse it at the field's line."""
    mine = write(tmp_path, "format: 1\nid: mine\nextends: miit-2022\nfields:\n  listed:\n    path: listing.listed\n"
                           "    type: bool\n    zh: 已上市\n    en: Listed\n", "mine.yaml")
    said = (f"{mine}:5: fields.listed: missing required key 'help' ({{zh: …, en: …}}: what the interview shows under "
            "the question, as every built-in field has)")
    for args in (("rules", "validate", str(mine)), ("assess", PROFILE, "--rules", str(mine), *AS_OF)):
        done, _ = cli(*args)
        refused_in_one_line(done, said)
    with mine.open("a", encoding="utf-8") as more:
        more.write("    help: {zh: 股票已在境内外证券交易所上市交易答是。, en: Yes if its shares trade on a stock exchange.}\n")
    assert rules.validate(mine) == []


def test_a_long_extends_chain_is_refused(tmp_path: Path) -> None:
    """Ten files each extending the next: more than the 8 a chain may hold."""
    write(tmp_path, OK, "r10.yaml")
    for i in range(10):
        write(tmp_path, f"format: 1\nid: r{i}\nextends: r{i + 1}.yaml\n", f"r{i}.yaml")
    done, _ = cli("rules", "validate", str(tmp_path / "r0.yaml"))
    refused_in_one_line(done, "extends more than 8 rule sets in a chain")


def test_a_doubling_score_table_gives_advice_in_bounded_time(tmp_path: Path) -> None:
    """22 items worth 1, 2, 4… points: the advice search stops at its budget and says so (it took 20 s, 2.2 GB)."""
    total = 2 ** 22 - 1
    text = with_table([item(i, 2 ** i) for i in range(22)], total).replace("threshold: 5, zh: 得分",
                                                                           f"threshold: {total}, zh: 得分")
    path = write(tmp_path, text)
    done, seconds = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert seconds < SECONDS, seconds
    assert re.search(r"研发费用（202[6-9]年）：90 → [\d,.]+万元", done.stdout)  # a year still open, never 2025
    assert CUT_SHORT.zh[:12] in done.stdout.replace("\n", "").replace("│", "").replace(" ", "")


def square_roots(criteria: int = 40) -> str:
    """Sixteen derived quantities, each two square roots of the one before (some 2,000 units of work a
    probe), read by ``criteria`` checks of the class II IP count, each met only near a million: every
    check's search takes some 40 probes, together far past the advice's work limit."""
    derived = ['s0: {expr: "sqrt(ip_class2)", zh: 根, en: Root}']
    derived += [f's{i}: {{expr: "sqrt(s{i - 1}) + sqrt(s{i - 1} + {i})", zh: 根, en: Root}}' for i in range(1, 16)]
    checks = [f'{{id: c{i}, value: "ip_class2 + s15", op: ">=", threshold: {1_000_000 + i}, zh: 条件{i}, en: Check {i}, '
              "source: test, confidence: gov}" for i in range(criteria)]
    text = with_criterion("\n      - ".join(checks))
    return text.replace("derived:\n", "derived:\n" + "".join(f"  {line}\n" for line in derived))


def test_a_rule_set_whose_every_probe_is_slow_stops_at_the_work_limit_and_says_so(tmp_path: Path) -> None:
    """Rules are data: a set whose every re-evaluation is slow makes the advice stop at its work limit, in
    bounded time, the criteria it reached mended and the others saying so in the words of any stopped search."""
    path = write(tmp_path, square_roots())
    done, seconds = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert seconds < SECONDS, seconds
    assert CUT_SHORT.zh in "".join(done.stdout.split())  # the plan's note
    done, _ = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--lang", "zh", "--format", "json")
    steps = json.loads(done.stdout)["gaps"]["innovative_sme"]["steps"]
    mended = [s["text"] for s in steps if s["kind"] == "change"]
    stopped = [s for s in steps if s["kind"] == "blocked"]
    assert mended and stopped and len(mended) + len(stopped) == 40
    assert mended[0] == "与主导产品相关的有效Ⅱ类知识产权：3 → 999,993项（+999,990）（达到「条件0」）"
    for s in stopped:
        assert s["text"] == f"「条件{s['criterion'][1:]}」：建议的搜索达到工作量上限，未能找到可行的调整"


def test_a_slow_rule_sets_advice_is_bounded_work_and_the_same_on_a_busy_machine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The work limit is counted, not timed: the probes one search makes cost at most the limit (and the
    last probe), and a clock made slow (each reading 2 s after the last) changes nothing in the report.
    Timed, the busy run stopped before its first probe and mended nothing, the idle one some criteria."""
    path = write(tmp_path, square_roots())
    args = ["assess", PROFILE, "--rules", str(path), *AS_OF, "--lang", "zh", "--format", "json"]
    idle = runner.invoke(app, args)
    with monkeypatch.context() as patched:
        ticks = itertools.count(0.0, 2.0)
        patched.setattr(time, "monotonic", lambda: next(ticks))
        busy = runner.invoke(app, args)
    assert idle.exit_code == busy.exit_code == 0, busy.stderr
    assert busy.stdout == idle.stdout
    assert '"kind": "change"' in idle.stdout and "建议的搜索达到工作量上限" in idle.stdout

    rs = rules.load(path)
    prof = profile.load_profile(Path(PROFILE), rs)
    result = engine.evaluate(rs, prof, date.fromisoformat(AS_OF[1]))
    node = next(n for n in rs.tiers["innovative_sme"].criteria.walk() if n.kind == "check")
    price = gaps._Search(rs, dict(prof.values), result.last_year).price(node, [node.value] if node.value else [])
    probes = itertools.count()
    check_holds = engine.check_holds
    monkeypatch.setattr(engine, "check_holds", lambda *args: next(probes) is None or check_holds(*args))
    found = gaps.analyse(rs, result, prof)
    assert gaps.MAX_WORK <= next(probes) * price <= gaps.MAX_WORK + price
    assert any(s.cut_short for g in found for s in g.steps)


def test_the_limits_are_the_documented_numbers() -> None:
    """The README's table and the code agree (the numbers a rule author can rely on)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Rule files"):]
    for number in (f"{yamlio.MAX_FILE_BYTES:,}", f"{yamlio.MAX_NODES:,}", str(yamlio.MAX_ALIASES),
                   str(yamlio.MAX_DEPTH), str(expr.MAX_CHARS), str(expr.MAX_NODES), str(expr.MAX_DEPTH),
                   str(rules.MAX_DERIVED_CHAIN), str(rules.MAX_PART_OF_CHAIN), f"{rules.MAX_CRITERIA:,}", str(rules.MAX_CRITERIA_DEPTH),
                   str(rules.MAX_SCORE_ITEMS), str(rules.MAX_BANDS), str(rules.MAX_EXTENDS),
                   f"{gaps.MAX_WORK:,}"):
        assert f"| {number} " in section or f" {number} " in section, number


# ------------------------------------------------------------------ generated rule files

NUMBER_NAMES = ["revenue[y1]", "rd_expense[y1]", "revenue[y2]", "employees", "double_revenue[y1]"]
NUMBER_CONSTANTS = ["0", "1", "100", "0.5", "99999999999999", "0.000001", "1e-30"]


def numeric(names: list[str]) -> st.SearchStrategy[str]:
    """Formulas that give a number, from ``names`` and constants."""
    return st.recursive(
        st.sampled_from(names + NUMBER_CONSTANTS),
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(st.sampled_from(["abs", "floor", "sqrt"]), inner).map(lambda t: f"{t[0]}({t[1]})"),
            st.tuples(st.sampled_from(["min", "max"]), st.lists(inner, min_size=1, max_size=3))
            .map(lambda t: f"{t[0]}({', '.join(t[1])})"),
            inner.map(lambda a: f"-{a}"),
        ),
        max_leaves=8,
    )


NUMERIC = numeric(NUMBER_NAMES)
PER_YEAR = numeric(["revenue[y]", "rd_expense[y]", "employees"])
BOOLEAN: st.SearchStrategy[str] = st.recursive(
    st.one_of(st.sampled_from(["registered_in_china", "industry in ['industrial', 'retail']", "industry == 'other'"]),
              st.tuples(NUMERIC, st.sampled_from([">=", "<", "==", "!="]), NUMERIC).map(" ".join)),
    lambda inner: st.one_of(st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({' '.join(t)})"),
                            inner.map(lambda a: f"not {a}")),
    max_leaves=4,
)
# pieces a rule author might get wrong, or an attacker might try
HOSTILE_FORMULAS = ["abs(1, 2)", "floor(1e309)", "1e309 - 1e309", "name + 1", "industry >= 3", "revenue", "sqrt()",
                    "__import__('os')", "revenue[y1].real", "(lambda: 1)()", "undefined_name", "revenue[y9]",
                    "min(" + ", ".join(["1"] * 250) + ")", " + ".join(["employees"] * 300), "'abc' * 3", "None + 1",
                    "employees * 99999999999999 * 99999999999999 * 99999999999999", "revenue[y1] / 0"]
NUMBERS = st.sampled_from(["0", "1", "-1", "100", "0.001", "5", "99999999999999"])
HOSTILE_NUMBERS = ["1.0e999999999", "1e-30", "1e15", '"abc"', '"2亿"', "true", "null", "[]", "{a: 1}"]
SITES = ("value", "threshold", "derived", "item", "band", "score")


def mutated(data: st.DataObject) -> str:
    """The template with its thresholds, operators, formulas and bands replaced by drawn ones: half the
    files well-typed throughout (so that many validate), the others with one hostile piece."""
    hostile_site = data.draw(st.sampled_from((None,) * len(SITES) + SITES))

    def piece(site: str, valid: st.SearchStrategy[str], hostile: list[str]) -> str:
        return data.draw(st.sampled_from(hostile) if site == hostile_site else valid)

    op = data.draw(st.sampled_from(expr.COMPARISONS))
    if op == "between":
        low, high = sorted(data.draw(st.lists(st.integers(-10, 10_000), min_size=2, max_size=2)))
        threshold = piece("threshold", st.just(f"[{low}, {high}]"), ['["a", "b"]', "[5, 1]", "[1]", "[1, 1e999999]"])
    elif op == "in":
        threshold = piece("threshold", st.lists(NUMBERS, min_size=1, max_size=3).map(lambda xs: f"[{', '.join(xs)}]"),
                          ['["industrial"]', "[{a: 1}]", "[]", "[true]"])
    else:
        threshold = piece("threshold", NUMBERS, HOSTILE_NUMBERS)
    if op in ("==", "!=") and data.draw(st.booleans()):
        value = piece("value", BOOLEAN, HOSTILE_FORMULAS)
        threshold = piece("threshold", st.sampled_from(["true", "false"]), HOSTILE_NUMBERS)
    else:
        value = piece("value", NUMERIC, HOSTILE_FORMULAS)
    text = OK.replace('{id: t1.rev, value: "revenue[y1]", op: ">=", threshold: 100,',
                      f'{{id: t1.rev, value: "{value}", op: "{op}", threshold: {threshold},')
    derived = piece("derived", PER_YEAR, HOSTILE_FORMULAS)
    text = text.replace('revenue[y] * 2", per_year', f'revenue[y] * {derived}", per_year')
    text = text.replace('value: "rd_expense[y1]"', f'value: "{piece("item", NUMERIC, HOSTILE_FORMULAS)}"')
    when = data.draw(BOOLEAN)
    hostile_when = data.draw(st.sampled_from(HOSTILE_FORMULAS))
    band = piece("band", st.sampled_from(["{at_least: 50, points: 5}", "{at_least: 99.5, points: 5}",
                                          f'{{when: "{when}", points: 5}}']),
                 ["{at_least: 100, points: 5}", "{at_most: 50, points: 5}", "{at_least: 1e999999, points: 5}",
                  "{at_least: 50, points: 1e20}", f'{{when: "{hostile_when}", points: 5}}'])
    text = text.replace("{at_least: 50, points: 5}", band)
    score = piece("score", NUMBERS, HOSTILE_NUMBERS)
    return text.replace('kind: score, table: tiny, op: ">=", threshold: 5',
                        f'kind: score, table: tiny, op: ">=", threshold: {score}')


_counter = itertools.count()
CSV = ("name,industry,employees,registered_in_china,financials.2025.revenue,financials.2025.rd_expense,"
       "financials.2024.revenue\n甲,industrial,45,true,2500,90,2200\n乙,,,,,,\n丙,retail,0,false,0,0,0\n")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
@given(st.data())
def test_what_validate_accepts_assess_and_batch_run_on(data: st.DataObject) -> None:
    """Rule files drawn from the schema, valid and mutated: whenever `rules validate` says ok, `assess`
    (text and JSON) and `batch` (summary with advice, and JSON) end without an exception; when it
    does not, loading refuses the file too."""
    text = mutated(data)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = write(folder, text, f"drawn{next(_counter)}.yaml")
        problems = rules.validate(path)
        event("refused" if problems else "accepted")
        if problems:
            with pytest.raises(InputError):
                rules.load(path)
            return
        csv = write(folder, CSV, "in.csv")
        runs = [["assess", PROFILE, "--format", "text"], ["assess", PROFILE, "--format", "json"],
                ["batch", str(csv), "-o", str(folder / "out.csv"), "--advice"],
                ["batch", str(csv), "-o", str(folder / "out.jsonl"), "--format", "json"]]
        for args in runs:
            result = runner.invoke(app, [*args, "--rules", str(path), *AS_OF])
            assert result.exception is None or isinstance(result.exception, SystemExit), \
                (text, args, repr(result.exception))
            assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
        assert json.loads(runner.invoke(app, ["assess", PROFILE, "--rules", str(path), *AS_OF, "--format", "json"])
                          .stdout)["rules"]["id"] == "mine"
        assert len((folder / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_the_template_behind_the_generated_files_is_valid() -> None:
    """The unmutated template validates and assesses: the property above tests valid files too."""
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), OK, "template.yaml")
        assert rules.validate(path) == []
        result = runner.invoke(app, ["assess", PROFILE, "--rules", str(path), *AS_OF])
        assert result.exit_code == 0, result.stderr



def with_industry(choices: str, extra: str = "") -> str:
    """The template with its own industry field: ``choices`` (YAML lines under ``choices:``), ``extra`` after them."""
    return OK + ("fields:\n  industry:\n    path: industry\n    type: choice\n    zh: 行业\n    en: Industry\n"
                 "    choices:\n" + choices + extra + "    help: {zh: 说明, en: Help}\n")


PLAIN_WORDS_WRONG = [
    ("unknown key", "      industrial: {zh: 工业, en: Industry, word: [制造]}\n",
     "unknown key 'word': did you mean 'words'? (expected one of: zh, en, words)", 50),
    ("not a list", "      industrial: {zh: 工业, en: Industry, words: 制造}\n",
     "expected a non-empty list of words, got", 50),
    ("not a word", "      industrial:\n        zh: 工业\n        en: Industry\n        words:\n          - 制造\n          - 12\n",
     "expected a word (text of 1 to 40 characters), got", 55),
    ("in two choices", "      industrial: {zh: 工业, en: Industry, words: [制造]}\n"
                       "      other:\n        zh: 其他\n        en: Other\n        words: [杂项, 制造]\n",
     "'制造' is already a word of choice 'industrial'", 54),
    ("another's label", "      industrial: {zh: 工业, en: Industry}\n      other: {zh: 其他, en: Other, words: [工业]}\n",
     "'工业' is already the id or label of choice 'industrial'", 51),
]


@pytest.mark.parametrize(("kind", "choices", "words", "line"), PLAIN_WORDS_WRONG, ids=[w[0] for w in PLAIN_WORDS_WRONG])
def test_a_choices_plain_words_are_checked_like_every_other_key(
        tmp_path: Path, kind: str, choices: str, words: str, line: int) -> None:
    """A choice's plain words (制造业 for 工业) are rule data: an unknown key, a word that is no text, a
    word naming two choices or another choice's label is refused with its file and line."""
    path = write(tmp_path, with_industry(choices))
    done, _ = cli("rules", "validate", str(path))
    assert refused_in_one_line(done, words).startswith(f"{path}:{line}: "), done.stderr


def test_a_rule_files_own_plain_words_and_name_levels_are_read_as_its_choices(tmp_path: Path) -> None:
    """A rule author's words for a choice and the levels a name gives are what --set and a sheet accept;
    a word it does not list is refused; a mark giving no choice of the field is refused with its line."""
    levels = ("    name_levels:\n      endings: [工厂]\n      marks: {造: industrial, 软: software_it}\n")
    path = write(tmp_path, with_industry("      industrial: {zh: 工业, en: Industry, words: [造东西]}\n"
                                         "      software_it: {zh: 软件业, en: Software}\n", levels))
    for said, code in (("造东西", 0), ("软件测试工厂", 0), ("东西", 2)):
        done, _ = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--set", f"industry={said}", "--format", "json")
        assert done.returncode == code, (said, done.stderr)
    bad = write(tmp_path, with_industry("      industrial: {zh: 工业, en: Industry}\n",
                                        "    name_levels:\n      endings: [工厂]\n      marks: {造: factory}\n"), "bad.yaml")
    done, _ = cli("rules", "validate", str(bad))
    assert refused_in_one_line(done, "expected one of industrial, got 'factory'").startswith(f"{bad}:53: ")


TWO_CHOICES = "      industrial: {zh: 工业, en: Industry}\n      other: {zh: 其他, en: Other}\n"
NAME_FORMS_WRONG = [
    ("unknown key", "    name_forms:\n      code: true\n      codes: true\n",
     "unknown key 'code' (expected one of: codes, endings, either, sections)", 53),
    ("codes not a flag", "    name_forms:\n      codes: 1\n", "expected true or false, got", 53),
    ("ending of no choice", "    name_forms:\n      endings:\n        factory: [制造业]\n",
     "'factory' is not a choice of this field", 54),
    ("ending not a list", "    name_forms:\n      endings:\n        industrial: 制造业\n",
     "expected a non-empty list of words, got", 54),
    ("ending twice", "    name_forms:\n      endings:\n        industrial: [制造业]\n        other: [服务业, 制造业]\n",
     "ending '制造业' is given twice", 55),
    ("either one choice", "    name_forms:\n      either:\n        杂业: [industrial]\n",
     "expected two or more different choices", 54),
    ("either no choice", "    name_forms:\n      either:\n        杂业:\n          - industrial\n          - factory\n",
     "'factory' is not a choice of this field", 56),
    ("either a label", "    name_forms:\n      either:\n        工业: [industrial, other]\n",
     "'工业' already names choice 'industrial'", 54),
    ("empty", "    name_forms: {}\n", "name_forms needs at least one of codes, endings, either, sections", 52),
    ("section not a letter", "    name_forms:\n      sections:\n        C3: [industrial]\n",
     "expected a 门类 letter (one of A to Z) or a code under one (F51), got text 'C3'", 54),
    ("section code too long", "    name_forms:\n      sections:\n        C39710: [industrial]\n",
     "expected a 门类 letter (one of A to Z) or a code under one (F51), got text 'C39710'", 54),
    ("section in lower case", "    name_forms:\n      sections:\n        c: [industrial]\n",
     "expected a 门类 letter (one of A to Z) or a code under one (F51), got text 'c'", 54),
    ("section of no choice", "    name_forms:\n      sections:\n        C: [factory]\n",
     "'factory' is not a choice of this field", 54),
    ("section twice the same", "    name_forms:\n      sections:\n        F: [other, other]\n",
     "expected different choices", 54),
]


@pytest.mark.parametrize(("kind", "extra", "words", "line"), NAME_FORMS_WRONG, ids=[w[0] for w in NAME_FORMS_WRONG])
def test_a_choices_name_forms_are_checked_like_every_other_key(
        tmp_path: Path, kind: str, extra: str, words: str, line: int) -> None:
    """name_forms (codes, endings, either) is rule data: an unknown key, a wrong type, a choice the field does not
    have, an ending given twice or an 'either' word that already names a choice is refused with file and line."""
    path = write(tmp_path, with_industry(TWO_CHOICES, extra))
    done, _ = cli("rules", "validate", str(path))
    assert refused_in_one_line(done, words).startswith(f"{path}:{line}: "), done.stderr


def test_a_section_letter_that_already_names_a_choice_is_refused_with_its_line(tmp_path: Path) -> None:
    """A 门类 letter is read as that 门类 only: one a choice's words already hold would be read two ways."""
    path = write(tmp_path, with_industry("      industrial: {zh: 工业, en: Industry, words: [C]}\n"
                                         "      other: {zh: 其他, en: Other}\n",
                                         "    name_forms:\n      sections:\n        C: [other]\n"))
    done, _ = cli("rules", "validate", str(path))
    assert refused_in_one_line(done, "'C' already names choice 'industrial'").startswith(f"{path}:54: "), done.stderr


OWN_NAME_FORMS = [
    ("    name_forms:\n      codes: true\n      endings:\n        industrial: [厂]\n"
     "      either:\n        杂业: [industrial, other]\n", "C13造纸厂", "杂业", "造纸"),
    ("    name_forms:\n      sections:\n        C: [industrial]\n        F: [industrial, other]\n", "C", "F", "Z"),
]


@pytest.mark.parametrize(("extra", "read", "either", "unread"), OWN_NAME_FORMS, ids=["codes-endings-either", "sections"])
def test_a_rule_files_own_name_forms_are_what_set_accepts(tmp_path: Path, extra: str, read: str, either: str,
                                                          unread: str) -> None:
    """A rule author's codes, endings, either words and 门类 letters decide what --set reads: C13造纸厂 by its
    ending after the code, C by its section; 杂业 or F refused naming just the two choices it may be; 造纸 (no
    ending) or Z (no section) refused with every choice."""
    path = write(tmp_path, with_industry(TWO_CHOICES, extra))
    done, _ = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--set", f"industry={read}", "--format", "json")
    assert done.returncode == 0, done.stderr
    done, _ = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--set", f"industry={either}", "--lang", "zh")
    assert refused_in_one_line(done, f"“{either}”，这包括不止一类，请写工业或其他")
    done, _ = cli("assess", PROFILE, "--rules", str(path), *AS_OF, "--set", f"industry={unread}", "--lang", "zh")
    assert refused_in_one_line(done, "应填以下之一：工业；其他")


@pytest.mark.parametrize(("typed", "meant"), [("=>", ">="), ("≤", "<="), ("=", "==")])
def test_an_operator_slipped_into_is_named(tmp_path: Path, typed: str, meant: str) -> None:
    """`op: "=>"` was told only the eight operators there are: the one meant is named, in one line."""
    path = write(tmp_path, check("revenue[y1]", typed, "100"))
    done, _ = cli("rules", "validate", str(path))
    line = refused_in_one_line(done, f"got {typed!r}; did you mean {meant!r}?")
    assert line.startswith(f"{path}:") and "op: expected one of >=" in line


@pytest.mark.parametrize(("path", "words"), [
    ("compliance", "path 'compliance' holds other fields (such as 'abnormal_operation'): a field's path cannot be a group's"),
    ("employees.part", "path 'employees.part' is under the path of field 'employees', which holds a value, not fields"),
])
def test_an_overlay_field_at_a_groups_path_or_under_a_value_is_refused(tmp_path: Path, path: str, words: str) -> None:
    """An overlay's field at ``compliance`` (where the red lines are nested) passed rules validate, then every
    profile was refused ("p.yaml:10: compliance: expected a number, got a mapping"), blaming the profile."""
    overlay = write(tmp_path, f"format: 1\nid: mine-ovl\nextends: miit-2026\nfields:\n  bad:\n    path: {path}\n"
                              "    type: number\n    zh: 坏\n    en: Bad\n")
    done, _ = cli("rules", "validate", str(overlay))
    assert refused_in_one_line(done, words).startswith(f"{overlay}:6: fields.bad.path: ")
    done, _ = cli("assess", PROFILE, "--rules", str(overlay), *AS_OF)
    assert refused_in_one_line(done, words)


def test_an_empty_rules_value_is_no_rule_set_not_the_current_folder(tmp_path: Path) -> None:
    """--rules "" was read as Path(""), the current folder: 'a rules folder must hold exactly one rule
    set, found 4' in the repository, whatever the folder held."""
    done, _ = cli("assess", PROFILE, "--rules", "", *AS_OF, cwd=tmp_path)
    assert refused_in_one_line(done, "--rules: unknown rule set '' (built-in: miit-2022, miit-2026")


def test_an_overlay_written_as_json_extends_its_base_as_the_yaml_one_does(tmp_path: Path) -> None:
    """A rule file is read as YAML, of which JSON is a part; an overlay saved as JSON with ``extends``
    was an internal error (exit 3): its keys carry no lines. It now judges as the same overlay in YAML."""
    import yaml

    overlay = Path(__file__).parent.parent / "rules" / "overlays" / "shandong-2022.yaml"
    data = yaml.safe_load(overlay.read_text(encoding="utf-8"))
    assert data["extends"] == "miit-2022"
    data["id"] = "shandong-2022-local"  # a built-in set's id is refused to a file: its results would carry that name
    (tmp_path / "sd.json").write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    profile = str(EXAMPLES / "overlays" / "shandong.yaml")
    verdicts = []
    for rules_file in (str(tmp_path / "sd.json"), str(overlay)):
        done = CliRunner().invoke(app, ["assess", profile, "--rules", rules_file, "--as-of", "2026-03-01",
                                        "--format", "json"])
        assert done.exit_code == 0, done.stderr
        verdicts.append({tid: t["status"] for tid, t in json.loads(done.stdout)["tiers"].items()})
    assert verdicts[0] == verdicts[1] and verdicts[0]["little_giant"] == "manual_review"


EMPTY_TIER = """format: 1
extends: miit-2022
id: empty-tier
title: {zh: 空档, en: Empty tier}
source: a test
tiers:
  innovative_sme:
    zh: 创新型中小企业
    en: Innovative SME
    criteria: []
"""


@pytest.mark.parametrize("command", ["validate", "assess"])
def test_a_tier_with_no_criteria_is_refused_not_met_by_everyone(tmp_path: Path, command: str) -> None:
    """`criteria: []` on a tier passed `rules validate`, and the tier then came out met for every company,
    nothing checked (not even the size test or the red lines): it is refused as an empty group is."""
    path = write(tmp_path, EMPTY_TIER)
    args = ["rules", "validate", str(path)] if command == "validate" else ["assess", PROFILE, "--rules", str(path), *AS_OF]
    done, _ = cli(*args)
    refused_in_one_line(done, f"{path}:10: tiers.innovative_sme.criteria: a tier needs at least one criterion")
    assert done.stdout == "", done.stdout


def test_a_batch_worker_loads_an_outside_base_under_the_runs_permission(tmp_path: Path) -> None:
    """A batch scorer (each worker's) loads the rule set by its reference; it did so without --allow-outside,
    so a set whose base lies outside its folder, read again because the base was edited after the run began
    (the cache re-reads an edited file), stopped the worker with 「outside this rule file's folder」."""
    from datetime import date

    from littlegiant.cli import batch as batching

    _, child = outside_layout(tmp_path)
    scorer = batching.Scorer(str(child), date(2026, 11, 26), None, "zh", False, "x", allow_outside=True)
    row = scorer(batching.Item("in.csv:2", "csv", {"name": "甲", "financials.2025.revenue": "500"}))
    assert isinstance(row, list) and row[batching._STATUS] != "error", row
