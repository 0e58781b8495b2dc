"""What a user meets when something is wrong, in the language asked for: one line, exit 2, the file,
the line and the field by its label under ``--lang zh``, the nearest valid name after a typo."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app, main

CJK = re.compile(r"[\u4e00-\u9fff]")
PATH = re.compile(r"\b[a-z_]+\.(?:\d{4}\.)?[a-z_]+\b")
"""A dotted profile path such as financials.2025.revenue or compliance.tax_violation."""
PYTHON_WORDS = ("Decimal", "NoneType", "dict", "str(", "int(", "Traceback", "Error:")


def lg(*args: str, lang_env: str = "en_US.UTF-8") -> tuple[int, str, str]:
    """``littlegiant ARGS`` through the console entry point, in-process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    env = {"LANG": lang_env, "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80", "NO_COLOR": "1"}
    with mock.patch.object(sys, "argv", ["littlegiant", *args]), mock.patch.dict(os.environ, env), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def zh_line(err: str) -> str:
    """The single Chinese error line on stderr: no traceback, no path, no Python words."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("littlegiant 出错："), line
    assert CJK.search(line[len("littlegiant 出错："):]), line
    assert not any(word in line for word in PYTHON_WORDS), line
    return line


def en_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("littlegiant: error: "), lines[0]
    return lines[0]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_amount_names_the_file_line_and_field_label_in_chinese(tmp_path: Path) -> None:
    """`revenue: abc` under zh: the file, line 4, 「营业收入（2025年）」, and what an amount is, without the path."""
    bad = write(tmp_path / "bad.yaml", "name: 测试公司\nindustry: industrial\nfinancials:\n  2025: {revenue: abc}\n")
    code, out, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-03-01")
    line = zh_line(err)
    assert code == 2 and out == ""
    assert f"{bad} 第 4 行" in line and "营业收入（2025年）" in line and "万元" in line and "abc" in line
    assert "financials" not in line and "expected" not in line


def test_english_messages_stay_as_they_were(tmp_path: Path) -> None:
    """Under en the same file gets the message English users and their scripts already know."""
    bad = write(tmp_path / "bad.yaml", "name: 测试公司\nindustry: industrial\nfinancials:\n  2025: {revenue: abc}\n")
    code, _, err = lg("assess", str(bad), "--lang", "en", "--as-of", "2026-03-01")
    assert code == 2
    assert en_line(err) == (f"littlegiant: error: {bad}:4: financials.2025.revenue: expected an amount in 10k CNY "
                            "(万元): a number, not negative; 80 million, 80,000,000 CNY and 8000万 work too, got text "
                            "'abc'")
    code, _, err = lg("assess", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert code == 2 and en_line(err) == f"littlegiant: error: {tmp_path / 'nope.yaml'}: no such file"


def test_the_locale_chooses_chinese_when_lang_is_not_given(tmp_path: Path) -> None:
    """LANG=zh_CN.UTF-8 without --lang: the missing file is reported in Chinese."""
    code, _, err = lg("assess", str(tmp_path / "nope.yaml"), lang_env="zh_CN.UTF-8")
    assert code == 2 and zh_line(err) == f"littlegiant 出错：{tmp_path / 'nope.yaml'}：找不到这个文件"


@pytest.mark.parametrize(("text", "line_no", "words"), [
    ("name: A\nemployees: 12.5\n", 2, ["「从业人员（上年末）」", "整数", "12.5"]),
    ("name: A\nfinancials:\n  2025: {revenue: -5}\n", 3, ["「营业收入（2025年）」", "负数"]),
    ("name: A\nmarket: {domestic_share: 120}\n", 2, ["「主导产品国内细分市场占有率」", "0 到 100"]),
    ("name: A\nregistered_in_china: maybe\n", 2, ["是或否", "maybe"]),
    ("name: A\ndigital_level: 7\n", 2, ["「中小企业数字化水平评测等级」", "不能大于 4"]),
    ("name: A\nfinancials:\n  20x5: {revenue: 5}\n", 3, ["年份", "20x5"]),
    ("name: A\ncompliance: yes\n", 2, ["逐项填写"]),
    ("name: A\nname: B\n", 2, ["“name”重复", "第 1 行"]),
    ("name: A\n  bad: : x\n", 2, ["格式有误"]),
    ("name: A\nemployees：120\nniche_years: 3\n", 2, ["冒号是中文的「：」", "写成 employees: 120"]),
    ("name: A\nfinancials:\n  2025:\n\trevenue: 3000\n", 4, ["Tab 键缩进", "改用空格"]),
    ("name: A\nemployees:180\nrd_staff: 35\n", 2, ["“employees:180”的冒号后面少了一个空格", "写成 employees: 180"]),
    ("name: A\nfinancials:\n  2025: {revenue: 5}\nniche_years:3  # 年\n\nrd_staff: 35\n", 4,
     ["“niche_years:3”的冒号后面少了一个空格"]),
    ("name: A\nfinancials:\n  2025: {revenue: 100, main_revenue: 200}\n", 3,
     ["「主营业务收入（2025年）」", "「营业收入（2025年）」", "不能超过"]),
])
def test_each_kind_of_bad_profile_reads_as_plain_chinese(tmp_path: Path, text: str, line_no: int,
                                                        words: list[str]) -> None:
    """A wrong type, a negative amount, a share over 100, a bad year, a duplicate key, broken YAML,
    a part above its whole: each one Chinese line with its file and line, the field by its label."""
    bad = write(tmp_path / "p.yaml", text)
    code, _, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-03-01")
    line = zh_line(err)
    assert code == 2
    assert f"{bad} 第 {line_no} 行" in line
    for word in words:
        assert word in line, line
    assert not PATH.search(line.replace(str(bad), "")), line


@pytest.mark.parametrize(("text", "typo", "meant"), [
    ("name: A\nfinacials:\n  2025: {revenue: 5}\n", "finacials", "financials"),
    ("name: A\nfinancials:\n  2025: {revenu: 5}\n", "revenu", "revenue"),
    ("name: A\nindustry: industral\n", "industral", "industrial"),
])
def test_a_typo_in_a_profile_gets_the_nearest_name_in_both_languages(tmp_path: Path, text: str, typo: str,
                                                                     meant: str) -> None:
    """`revenu`, `finacials`, `industral`: the message suggests `revenue`, `financials`, `industrial`."""
    bad = write(tmp_path / "p.yaml", text)
    code, _, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-03-01")
    line = zh_line(err)
    assert code == 2 and f"“{typo}”" in line and f"您是不是想写“{meant}”" in line
    code, _, err = lg("assess", str(bad), "--lang", "en", "--as-of", "2026-03-01")
    assert code == 2 and f"did you mean '{meant}'?" in en_line(err)


def test_an_unknown_key_without_a_near_name_points_to_the_template(tmp_path: Path) -> None:
    """`foo:` at the top: no suggestion to make, so zh says where the valid names are, in one line."""
    bad = write(tmp_path / "p.yaml", "name: A\nfoo: 1\n")
    code, _, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-03-01")
    assert code == 2 and "“foo”不是可识别的项目" in zh_line(err) and "littlegiant init" in err


def test_set_errors_name_the_field_and_suggest_the_path(tmp_path: Path) -> None:
    """`--set financials.2025.revenu=5` suggests the real path with its label; a bad value names the label."""
    good = EXAMPLES / "tier1-only.yaml"
    code, _, err = lg("assess", str(good), "--lang", "zh", "--as-of", "2026-03-01", "--set",
                      "financials.2025.revenu=5")
    line = zh_line(err)
    assert code == 2 and "financials.2025.revenue" in line and "营业收入（2025年）" in line
    code, _, err = lg("assess", str(good), "--lang", "en", "--as-of", "2026-03-01", "--set",
                      "financials.2025.revenu=5")
    assert code == 2 and "did you mean 'financials.2025.revenue'?" in en_line(err)
    code, _, err = lg("assess", str(good), "--lang", "zh", "--as-of", "2026-03-01", "--set",
                      "financials.2025.rd_expense=很多")
    line = zh_line(err)
    assert code == 2 and "--set 「研发费用（2025年）」" in line and "很多" in line
    code, _, err = lg("assess", str(good), "--lang", "zh", "--set", "revenue")
    assert code == 2 and "项目=值" in zh_line(err)


@pytest.mark.parametrize(("args", "meant"), [
    (["--format", "jsn"], "json"),
    (["--rules", "miit2026"], "miit-2026"),
    (["--renewal", "zjtx"], "zjtx_sme"),
])
def test_a_mistyped_option_value_suggests_the_valid_one(args: list[str], meant: str) -> None:
    """`--format jsn`, `--rules miit2026`, `--renewal zjtx`: both languages name the value meant."""
    good = str(EXAMPLES / "tier1-only.yaml")
    code, _, err = lg("assess", good, *args, "--lang", "zh")
    assert code == 2 and f"您是不是想写 {meant}" in zh_line(err)
    code, _, err = lg("assess", good, *args, "--lang", "en")
    assert code == 2 and f"did you mean '{meant}'?" in en_line(err)


@pytest.mark.parametrize(("args", "words"), [
    (["assess", "--formt", "json"], ["--formt", "您是不是想写 --format"]),
    (["batch", "--lang", "zh"], ["缺少参数 企业名单"]),
    (["rules", "show"], ["缺少参数 编号"]),
    (["rules", "diff", "miit-2022"], ["缺少参数 新版"]),
    (["batch", "in.csv", "--lang", "zh"], ["缺少选项 --output"]),
    (["rules", "show", "miit-2026", "b.yaml", "--lang", "zh"], ["多余的参数", "b.yaml"]),
    (["batch", "in.csv", "-o", "x.csv", "--jobs", "abc", "--lang", "zh"], ["--jobs", "整数"]),
    (["asess", "--lang", "zh"], ["您是不是想写 assess"]),
    (["assess", "--lang", "zh", "--as-of", "2026-13-01"], ["--as-of", "日期"]),
    (["assess", "x.yaml", "--lang", "zh", "--renewal"], ["复核"]),
])
def test_usage_errors_are_chinese_under_zh(args: list[str], words: list[str]) -> None:
    """Unknown option, missing argument or option, extra argument, bad number, unknown command, bad
    date: one Chinese line and exit 2 (the --lang given anywhere on the line, or --lang=zh)."""
    if "--lang" not in args:
        args = [*args, "--lang=zh"]
    code, _, err = lg(*args)
    line = zh_line(err)
    assert code == 2
    for word in words:
        assert word in line, line


def test_an_output_that_would_overwrite_the_input_is_refused_in_chinese(tmp_path: Path) -> None:
    """`-o` naming the profile itself, a missing folder, an existing init file: Chinese, exit 2."""
    prof = write(tmp_path / "p.yaml", (EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"))
    code, _, err = lg("assess", str(prof), "-o", str(prof), "--lang", "zh")
    assert code == 2 and "输入文件之一" in zh_line(err)
    code, _, err = lg("assess", str(prof), "-o", str(tmp_path / "no" / "r.txt"), "--lang", "zh")
    assert code == 2 and f"没有“{tmp_path / 'no'}”这个文件夹" in zh_line(err)
    code, _, err = lg("init", str(prof), "--lang", "zh")
    assert code == 2 and "已存在" in zh_line(err) and "--force" in err


def test_batch_error_rows_and_summary_speak_chinese(tmp_path: Path) -> None:
    """A CSV row with a bad choice, a half person and a bad amount: under zh its error cell says each
    in Chinese with the column's label, and the summary line on stderr is Chinese too."""
    src = write(tmp_path / "in.csv", "name,industry,employees,营业收入（2025年）,研发费用（2025年）\n"
                                      "甲公司,工业业,11.5,abc,3\n")
    out = tmp_path / "out.csv"
    code, _, err = lg("batch", str(src), "-o", str(out), "--as-of", "2026-03-01", "--lang", "zh", "--quiet",
                      "--columns", "ids")
    assert code == 1
    assert err.strip() == f"共读取 1 行，已评估 0 行，出错 1 行 → {out}"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    problems = row["error"].splitlines()
    assert len(problems) == 3
    assert "行业" in problems[0] and "工业" in problems[0]
    assert "从业人员" in problems[1] and "整数" in problems[1]
    assert problems[2].startswith("“营业收入（2025年）”列：") and "abc" in problems[2]
    assert all(CJK.search(p) and "expected" not in p for p in problems)
    code, _, err = lg("batch", str(src), "-o", str(out), "--as-of", "2026-03-01", "--lang", "en", "--quiet",
                      "--columns", "ids")
    assert code == 1 and err.strip() == f"read 1, scored 0, errors 1 -> {out}"


def test_a_header_mistake_stops_the_batch_in_chinese(tmp_path: Path) -> None:
    """A typo'd column id (financials.2025.revenu) is one mistake in the header: one Chinese line with
    the label meant, exit 2, nothing written."""
    src = write(tmp_path / "in.csv", "name,industry,employees,financials.2025.revenu\n甲公司,industrial,11,5\n")
    out = tmp_path / "out.csv"
    code, _, err = lg("batch", str(src), "-o", str(out), "--as-of", "2026-03-01", "--lang", "zh", "--quiet")
    assert code == 2 and "您是不是想写“营业收入（2025年）”" in zh_line(err) and not out.exists()


def test_the_installed_command_says_it_in_chinese(tmp_path: Path) -> None:
    """The real console script, as a user runs it: a Chinese line, exit 2, no traceback."""
    bad = write(tmp_path / "bad.yaml", "name: A\nfinancials:\n  2025: {revenue: abc}\n")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(bad), "--lang", "zh"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "LANG": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 2
    assert "「营业收入（2025年）」" in zh_line(done.stderr)


def test_an_interrupted_batch_says_what_it_kept_in_chinese(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT) in a zh batch: exit 130 and one Chinese line naming the rows kept and the
    output it did not create."""
    line = json.dumps({"name": "Co", "industry": "industrial", "employees": 50,
                       "financials": {"2025": {"revenue": 3000, "rd_expense": 150}}})
    (tmp_path / "big.jsonl").write_text((line + "\n") * 5_000, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "littlegiant", "batch", "big.jsonl", "-o", "out.jsonl", "--jobs", "1",
                              "--format", "json", "--as-of", "2026-11-26", "--lang", "zh"],
                             cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "LANG": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8"})
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not any(p.stat().st_size > 100_000 for p in tmp_path.glob("out.partial-*")):
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=240)
    finally:
        child.kill()
    assert child.returncode == 130, err
    (message,) = err.strip().splitlines()
    assert re.fullmatch(r"littlegiant：已中断；已写出的 \d+ 行保存在 out\.partial-\S+\.jsonl（未生成 out\.jsonl）", message)


KEYS = st.sampled_from(["name", "industry", "employees", "financials", "revenue", "compliance", "market",
                        "domestic_share", "ip", "class1", "2025", "revenu", "finacials", "digital_level", "x"])
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=8),
                   st.floats(allow_nan=False, allow_infinity=False, width=32),
                   st.sampled_from(["abc", "-5", "1e999", "[1, 2]", "{a: 1}", "~", "是", "12.5%", "&x", "*x", "!!str 5"]))


NOT_TOP = st.sampled_from(["revenu", "finacials", "revenue", "domestic_share", "class1", "x", "2025", "名称"])
"""Keys that are no field at the top of a profile: each makes the file wrong wherever it lands."""


@st.composite
def broken_profiles(draw: st.DrawFn) -> str:
    """YAML text near a real profile: a few keys replaced, added or broken at random places."""
    lines = (EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines)))
        how = draw(st.integers(0, 3))
        if how == 0:
            lines.insert(at, f"{draw(KEYS)}: {draw(VALUES)}")
        elif how == 1 and lines:
            lines[min(at, len(lines) - 1)] = "  " + f"{draw(KEYS)}: {draw(VALUES)}"
        elif how == 2 and lines:
            line = lines[min(at, len(lines) - 1)]
            cut = draw(st.integers(0, len(line)))
            lines[min(at, len(lines) - 1)] = line[:cut] + draw(st.sampled_from([":", "{", "'", "\t", " - ", "]"]))
        else:
            lines.insert(at, f"{draw(KEYS)}:\n  {draw(KEYS)}: {draw(VALUES)}")
    # and one thing surely wrong: a key that is no top-level field, at the margin of any line
    lines.insert(draw(st.integers(0, len(lines))), f"{draw(NOT_TOP)}: {draw(VALUES)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=broken_profiles(), lang=st.sampled_from(["zh", "en"]))
def test_a_broken_profile_never_shows_a_traceback(tmp_path: Path, text: str, lang: str) -> None:
    """Whatever is broken in a profile: one line in the language asked for, naming the file, and
    exit 2; never a traceback, never an internal error, never English words under zh."""
    prof = write(tmp_path / "p.yaml", text)
    code, out, err = lg("assess", str(prof), "--lang", lang, "--as-of", "2026-03-01", "--format", "json")
    assert "Traceback" not in err and "internal error" not in err
    assert code == 2 and out == "", err
    line = zh_line(err) if lang == "zh" else en_line(err)
    assert str(prof) in line
    if lang == "zh":
        assert "expected" not in line and "invalid" not in line and "unknown" not in line


CELLS = st.one_of(st.sampled_from(["abc", "-5", "12.5", "1e99999", "nan", "是", "maybe", "industral", "0.8亿", "",
                                   "=1+1", '"', "200%", "1,000", "∞"]), st.text(max_size=6))


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(CELLS, CELLS, CELLS, CELLS), min_size=1, max_size=6))
def test_every_error_row_of_a_zh_batch_is_chinese(tmp_path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Random cells under amount, count, yes/no and choice columns: every input row has its output
    row, and every error cell under zh is Chinese, one problem a line, with no English words."""
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "financials.2025.revenue", "employees", "registered_in_china", "industry"])
        for i, cells in enumerate(rows):
            writer.writerow([f"公司{i}", *cells])
    out = tmp_path / "out.csv"
    code, _, err = lg("batch", str(src), "-o", str(out), "--as-of", "2026-03-01", "--lang", "zh", "--quiet",
                      "--columns", "ids")
    assert code in (0, 1) and "Traceback" not in err, err
    assert err.strip().startswith("共读取 ")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.DictReader(handle))
    for row in written:
        if row["status"] != "error":
            continue
        for problem in row["error"].splitlines():
            assert CJK.search(problem), problem
            assert not re.search(r"\b(expected|got|unknown|invalid|internal)\b", problem), problem


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["compare", "a.yaml"], "没有 compare 这个命令；要用的是：littlegiant assess 企业信息.yaml --compare miit-2022,miit-2026",
     "No such command 'compare'; use: littlegiant assess company.yaml --compare miit-2022,miit-2026"),
    (["explain"], "没有 explain 这个命令；要用的是：littlegiant assess 企业信息.yaml --explain 研发费用",
     "No such command 'explain'; use: littlegiant assess company.yaml --explain 研发费用"),
    (["diff", "a", "b"], "没有 diff 这个命令；要用的是：littlegiant rules diff",
     "No such command 'diff'; use: littlegiant rules diff"),
])
def test_a_command_that_is_an_option_elsewhere_is_pointed_to(args: list[str], zh: str, en: str) -> None:
    """``littlegiant compare`` was told only 没有 compare 这个命令 with the five commands listed, none of
    which names --compare: the command line that compares (or explains, or diffs) is given instead."""
    code, out, err = lg(*args, lang_env="zh_CN.UTF-8")
    assert code == 2 and out == ""
    assert zh_line(err) == f"littlegiant 出错：{zh}（用法见 --help）"
    code, _, err = lg(*args)
    assert code == 2 and en_line(err) == f"littlegiant: error: {en} (see --help)"


@pytest.mark.parametrize(("given_share", "said"), [('"150%"', "现在是“150%”"), ("200", "现在是 200")])
def test_a_refused_figure_quoted_as_typed_sits_without_a_space(tmp_path: Path, given_share: str, said: str) -> None:
    """现在是 “150%” sat one space off 现在是“150%” elsewhere: a quotation follows 现在是 directly, a bare number
    after the space Chinese text gives a figure."""
    src = tmp_path / "甲.yaml"
    src.write_text(f"name: 甲\nmarket: {{domestic_share: {given_share}}}\n", encoding="utf-8")
    code, _, err = lg("assess", str(src), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 2
    assert zh_line(err).endswith("「主导产品国内细分市场占有率」：应填 0 到 100 之间的百分数，" + said)


@pytest.mark.parametrize(("given", "said"), [
    ("name: 5", "「企业名称」：应填文字，现在是 5"),
    ("registered_in_china: 5", "：应填是或否（true 或 false），现在是 5"),
    ("market: {domestic_share: 很高}", "：应填 0 到 100 之间的百分数（如 12.5 或 12.5%），现在是文字“很高”"),
    ("name: [A, B]", "「企业名称」：应填文字，现在是一个列表"),
])
def test_a_number_after_chinese_in_a_refusal_takes_a_space_and_words_do_not(tmp_path: Path, given: str,
                                                                            said: str) -> None:
    """应填0 到 100 and 现在是5 read glued, where the catalog spaces a number from Chinese (请填 0, 现在是 7):
    a number or Latin text put straight after Chinese now takes the space; words and quotations stay tight."""
    src = tmp_path / "甲.yaml"
    src.write_text(("name: 甲\n" if not given.startswith("name") else "") + given + "\n", encoding="utf-8")
    code, _, err = lg("assess", str(src), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 2
    assert zh_line(err).endswith(said), zh_line(err)


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["batch"], "企业名单", "'inputs'"),
    (["rules", "show"], "编号", "'ID'"),
    (["rules", "diff", "miit-2022"], "新版", "'B'"),
])
def test_a_missing_argument_is_named_as_the_help_of_the_runs_language_names_it(args: list[str], zh: str,
                                                                                en: str) -> None:
    """缺少参数 INPUTS named a word the Chinese help never shows (it says 企业名单): a Chinese run names the
    argument as its help's usage line does; an English run keeps click's name."""
    code, _, err = lg(*args, lang_env="zh_CN.UTF-8")
    assert code == 2 and f"缺少参数 {zh}（" in zh_line(err) and not re.search(r"[A-Z]{2,}", zh_line(err))
    code, out, _ = lg(*args, "--help", lang_env="zh_CN.UTF-8")
    assert zh in out.splitlines()[0]
    code, _, err = lg(*args, lang_env="en_US.UTF-8")
    assert code == 2 and f"Missing argument {en}" in en_line(err)


def test_a_profile_given_as_the_rules_is_said_to_be_no_rule_file(tmp_path: Path) -> None:
    """--rules with a folder holding a company's profile listed the rule file's keys in English: one line
    says it is no rule file, in the run's language."""
    folder = tmp_path / "企业资料"
    folder.mkdir()
    (folder / "甲.yaml").write_text((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for rules in (folder, folder / "甲.yaml"):
        code, _, err = lg("assess", str(EXAMPLES / "tier1-only.yaml"), "--rules", str(rules), lang_env="zh_CN.UTF-8")
        line = zh_line(err)
        assert code == 2 and "这不是规则文件（像是企业信息文件）" in line and "unknown key" not in err, err
        assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", line.split("：", 1)[1]), line
        code, _, err = lg("assess", str(EXAMPLES / "tier1-only.yaml"), "--rules", str(rules), lang_env="en_US.UTF-8")
        assert code == 2 and "not a rule file" in en_line(err) and "expected one of" not in err


@pytest.mark.parametrize("option", ["-o", "--output"])
def test_init_with_o_says_where_its_file_name_goes(option: str, tmp_path: Path) -> None:
    """assess and batch write with -o, so ``littlegiant init -o 模板.xlsx`` is what a user types next; it
    was told only 没有 -o 这个选项, with nothing on how init names its file. The line now says so."""
    target = tmp_path / "模板.xlsx"
    code, out, err = lg("init", option, str(target), lang_env="zh_CN.UTF-8")
    assert code == 2 and out == "" and not target.exists()
    assert zh_line(err) == "littlegiant 出错：init 不用 -o：把要写出的文件名直接写在后面，例如 littlegiant init 模板.xlsx（用法见 --help）"
    code, _, err = lg("init", option, str(target))
    assert code == 2 and en_line(err) == \
        "littlegiant: error: init takes no -o: put the file to write after it, e.g. littlegiant init template.xlsx (see --help)"


def test_assess_with_advice_says_its_report_holds_the_plan() -> None:
    """batch --advice, typed to assess by a user who learnt it there, was answered 「您是不是想写 --save？」,
    the interview's save file: it now says the report holds the plan already."""
    example = str(EXAMPLES / "tier1-only.yaml")
    code, out, err = lg("assess", example, "--advice", lang_env="zh_CN.UTF-8")
    assert code == 2 and out == "" and "--save" not in err
    assert zh_line(err) == ("littlegiant 出错：assess 没有 --advice 选项：它的报告本来就列出行动计划（--advice 是 batch 的选项，"
                            "让名单的每一行也给出下一步）（用法见 --help）")
    code, _, err = lg("assess", example, "--advice")
    assert code == 2 and en_line(err).startswith("littlegiant: error: assess has no --advice: its report always holds the plan")


@pytest.mark.parametrize(("args", "said"), [
    (["init", "--csv", "--lang", "zh"], "--csv 后面要跟文件名，现在紧跟着的是另一个选项 --lang"),
    (["assess", "-o", "--lang", "zh", "co.yaml"], "-o 后面要跟文件名，现在紧跟着的是另一个选项 --lang"),
    (["assess", "co.yaml", "--as-of", "--lang=zh"], "--as-of 后面要跟日期（如 2026-04-01），现在紧跟着的是另一个选项 --lang=zh"),
    (["batch", "in.csv", "--jobs", "--lang", "zh"], "--jobs 后面要跟它的值"),
    # a command under a group: `rules show` took --lang for a rule set's name and said so in English
    (["rules", "show", "--rules", "--lang", "zh"], "--rules 后面要跟规则集（如 miit-2026）或规则文件，现在紧跟着的是另一个选项 --lang"),
])
def test_an_option_left_without_its_value_is_named_in_the_language_asked_for(args: list[str], said: str) -> None:
    """`init --csv --lang zh` took --lang for the file's name: the run failed on a template called
    "--lang" and, its --lang gone, said so in English. The option missing its value is named, in zh."""
    code, out, err = lg(*args)
    assert code == 2 and out == ""
    assert err.startswith("littlegiant 出错：") and said in err, err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["assess", "co.yaml", "-o", "--help"], ["init", "--csv", "-h"]])
def test_an_option_followed_by_the_help_option_writes_no_file_called_help(
        args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`assess co.yaml -o --help` wrote the report to a file called "--help" and said nothing (exit 0), and
    `init --csv -h` a template called "-h": the help option is one of the command's options too."""
    monkeypatch.chdir(tmp_path)
    example = Path(__file__).resolve().parent.parent / "examples" / "micro-startup.yaml"
    (tmp_path / "co.yaml").write_bytes(example.read_bytes())
    code, out, err = lg(*args, "--lang", "zh")
    assert code == 2 and out == "" and [p.name for p in tmp_path.iterdir()] == ["co.yaml"]
    assert f"{args[-2]} 后面要跟文件名，现在紧跟着的是另一个选项 {args[-1]}" in err, err


def test_an_option_value_that_merely_starts_with_a_dash_is_still_a_value() -> None:
    """`init --csv -` writes to stdout, as it always did: only another option of the command is taken
    for a missing value, never a value of its own that starts with a dash."""
    code, out, err = lg("init", "--csv", "-", "--lang", "zh")
    assert code == 0 and out.lstrip("\ufeff").startswith("企业名称,"), err


def test_assess_output_dash_is_stdout_not_a_file_called_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`assess co.yaml -o -` wrote a file named "-" in the current folder and printed nothing; "-" is
    stdout, as `init --csv -` already read it."""
    monkeypatch.chdir(tmp_path)
    example = Path(__file__).resolve().parent.parent / "examples" / "micro-startup.yaml"
    code, out, err = lg("assess", str(example), "--format", "json", "-o", "-", "--as-of", "2026-11-26")
    assert code == 0, err
    assert json.loads(out)["name"] == "极光智算科技（深圳）有限公司"
    assert list(tmp_path.iterdir()) == []


def test_a_full_width_colon_typed_in_the_template_names_its_line_whatever_the_key(tmp_path: Path) -> None:
    """The template puts comment lines between keys, so PyYAML stops several lines below a key typed
    with 「：」; looking only at the line above the error missed most keys (revenue among them). Every
    key of the template, typed with 「：」 and a figure or nothing, is named on its own line."""
    template = tmp_path / "t.yaml"
    code, _, err = lg("init", str(template), "--lang", "zh", lang_env="zh_CN.UTF-8")
    assert code == 0, err
    lines = template.read_text(encoding="utf-8").split("\n")
    keys = [i for i, text in enumerate(lines) if re.match(r"^ *[a-z_0-9]+: *(#|$)", text) and not text.rstrip().endswith(":")]
    assert len(keys) > 60
    for i in keys:
        key = lines[i].split(":")[0]
        for typed in (f"{key}：3000", f"{key}："):
            bad = write(tmp_path / "p.yaml", "\n".join([*lines[:i], typed, *lines[i + 1:]]))
            code, _, err = lg("assess", str(bad), "--lang", "zh", lang_env="zh_CN.UTF-8")
            line = zh_line(err)
            assert code == 2 and f"第 {i + 1} 行" in line and "中文的「：」" in line, (typed, line)


@pytest.mark.parametrize(("language_id", "expected"), [(0x0804, "结论"), (0x0404, "结论"), (0x0409, "The answer")])
def test_windows_without_lang_reports_in_the_display_language(monkeypatch: pytest.MonkeyPatch, language_id: int,
                                                                expected: str) -> None:
    """Windows sets no LANG: on a Chinese Windows (cmd, PowerShell) every report and batch came out in
    English. Its display language (simplified or traditional Chinese) now picks Chinese; English stays English."""
    from littlegiant import i18n

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(i18n, "windows_ui_language", lambda: language_id)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    done = CliRunner().invoke(app, ["assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", "2026-11-26"],
                              env={"COLUMNS": "80"})
    assert done.exit_code == 0 and expected in done.stdout, done.stdout


@pytest.mark.parametrize(("figures", "zh", "en"), [
    ("financials:\n  2025: {revenue: 12,000, main_revenue: 10,200}\n",
     "营业收入（2025年）：写成“12,000”，但在 {…} 写法里逗号会把数字拆开：请去掉千位逗号（12000），"
     "或给数字加上引号（\"12,000万\"）",
     "financials.2025.revenue: written \"12,000\", but in a {…} line a comma splits a number: drop the thousands "
     "comma (12000) or put the figure in quotes (\"12,000\")"),
    ("financials:\n  2025: {rd_expense: 60, revenue: 1, 200,000}\n", "写成“1,200,000”", "(1200000)"),
    ("equity_financing: {2025: 1,000, 2024: 0}\n", "新增股权融资（合格机构投资者实缴额）（2025年）：写成“1,000”", "(1000)"),
    ("financials:\n  2025: {revenue: 12,5}\n", "写成“12,5”，但在 {…} 写法里逗号会把数字拆开：数字里不要写逗号，小数请用小数点",
     "write it without the comma, with a point for decimals"),
    # a count quoted takes no 万: "1,200万" for a count of IP was refused in turn
    ("ip: {class1: 3, class2: 1,200}\n", "或给数字加上引号（\"1,200\"）", "(\"1,200\")"),
])
def test_a_comma_that_splits_a_number_in_a_braces_line_is_said_to(tmp_path: Path, figures: str, zh: str,
                                                                   en: str) -> None:
    """`2025: {revenue: 12,000, …}` is YAML for revenue 12 and a key 000: 「“000”不是可识别的项目」 left a
    consultant guessing. The message names the number as typed, at its field, and the two ways to write it."""
    bad = write(tmp_path / "p.yaml", f"name: A\nindustry: industrial\n{figures}")
    code, _, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-11-26")
    line = zh_line(err)
    at = 3 if figures.startswith(("equity", "ip")) else 4
    assert code == 2 and f"{bad} 第 {at} 行，" in line and zh in line and "不是可识别的项目" not in line
    code, _, err = lg("assess", str(bad), "--lang", "en", "--as-of", "2026-11-26")
    assert code == 2 and en in en_line(err)
    if "12,000" in figures:  # either way out works
        for way in ("12000", '"12,000万"'):
            fixed = write(tmp_path / "q.yaml", bad.read_text(encoding="utf-8").replace("12,000", way)
                          .replace("10,200", "10200"))
            assert lg("assess", str(fixed), "--as-of", "2026-11-26")[0] == 0


def test_several_profiles_for_assess_name_batch(tmp_path: Path) -> None:
    """A consultant typing five clients' files after assess was told only 「多余的参数」: the line now
    says assess takes one and gives the batch command that takes them all, in both languages."""
    first, second = str(EXAMPLES / "tier1-only.yaml"), str(EXAMPLES / "red-line.yaml")
    code, out, err = lg("assess", first, second, "--lang", "zh")
    line = zh_line(err)
    assert code == 2 and out == ""
    assert "assess 一次只评估一家企业" in line and f"littlegiant batch {first} {second} -o 结果.xlsx" in line
    code, _, err = lg("assess", first, second, "--lang", "en")
    assert code == 2 and f"use batch: littlegiant batch {first} {second} -o results.xlsx" in en_line(err)


@pytest.mark.parametrize(("command", "typed", "check"), [
    ("assess", "HTML", lambda path: path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")),
    ("assess", " Markdown ", lambda path: path.read_text(encoding="utf-8").startswith("# ")),
    ("batch", "JSON", lambda path: path.read_text(encoding="utf-8").startswith('{"source"')),
])
def test_a_format_in_capitals_is_the_format(tmp_path: Path, command: str, typed: str, check: Any) -> None:
    """--format HTML (as a file's name or a habit writes it) was refused with "did you mean html?":
    it is the format, for assess and batch alike."""
    out = tmp_path / {"HTML": "r.html", " Markdown ": "r.md", "JSON": "r.jsonl"}[typed]
    code, _, err = lg(command, str(EXAMPLES / "tier1-only.yaml"), "--format", typed, "-o", str(out), "--lang", "zh")
    assert code in (0, 1), err
    assert check(out), out.read_text(encoding="utf-8")[:200]


@pytest.mark.parametrize(("typed", "number"), [
    ("12,000.5", "12000.5"),  # YAML read the rest as the key 0.5: quoted back as "12,0.5"
    ("12,050.25", "12050.25"),
    ("12,000,000", "12000000"),  # two keys 000: refused as a duplicate key
    ("1,000,000.5", "1000000.5"),
])
def test_a_thousands_comma_is_said_with_the_digits_as_typed(tmp_path: Path, typed: str, number: str) -> None:
    """`{revenue: 12,000.5}` was quoted back as "12,0.5" and told to drop a decimal comma, and
    `{revenue: 12,000,000}` was told that “000” was written twice: each is the thousands-comma line,
    the figure as the user typed it, from `assess` and in a batch's row, and both ways out work."""
    text = f"name: 甲\nindustry: industrial\nfinancials:\n  2025: {{revenue: {typed}, rd_expense: 500}}\n"
    bad = write(tmp_path / "p.yaml", text)
    zh = (f"{bad} 第 4 行，营业收入（2025年）：写成“{typed}”，但在 {{…}} 写法里逗号会把数字拆开：请去掉千位逗号"
          f"（{number}），或给数字加上引号（\"{typed}万\"）")
    code, _, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 2 and zh_line(err) == f"littlegiant 出错：{zh}"
    code, _, err = lg("assess", str(bad), "--lang", "en", "--as-of", "2026-11-26")
    assert code == 2 and en_line(err).endswith(
        f'financials.2025.revenue: written "{typed}", but in a {{…}} line a comma splits a number: drop the '
        f'thousands comma ({number}) or put the figure in quotes ("{typed}")')
    out = tmp_path / "out.csv"
    code, _, err = lg("batch", str(bad), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "--quiet")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert code == 1 and row["错误说明"] == zh
    for way in (number, f'"{typed}万"'):
        fixed = write(tmp_path / "q.yaml", text.replace(typed, way))
        assert lg("assess", str(fixed), "--as-of", "2026-11-26")[0] == 0


def test_a_batch_row_tells_each_split_number_once(tmp_path: Path) -> None:
    """In a batch, the rest of a split number (“000”) was told again as a key that names nothing, once
    a piece, under the thousands-comma line: a row's cell now holds one line for each number split,
    another on the same line included, and the row's other problems."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    write(folder / "a.yaml", "name: 甲\nindustry: industrial\nemployees: -3\nfinancials:\n"
                             "  2025: {revenue: 12,000,000, main_revenue: 10,200.5, rd_expense: 500}\n")
    out = tmp_path / "out.csv"
    code, _, _ = lg("batch", str(folder), "-o", str(out), "--lang", "zh", "--as-of", "2026-11-26", "--quiet")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        problems = next(csv.DictReader(handle))["错误说明"].splitlines()
    assert code == 1 and len(problems) == 3, problems
    assert "从业人员" in problems[0] and "不能小于 0" in problems[0]
    assert "营业收入（2025年）：写成“12,000,000”" in problems[1] and "（12000000）" in problems[1]
    assert "主营业务收入（2025年）：写成“10,200.5”" in problems[2] and "（10200.5）" in problems[2]


def test_a_repeated_key_in_a_braces_line_is_still_a_repeated_key(tmp_path: Path) -> None:
    """Only a thousands group read apart is told as a split number: `{2025: 0, 2025}` names the year twice."""
    bad = write(tmp_path / "p.yaml", "name: 甲\nindustry: industrial\nequity_financing: {2025: 0, 2025}\n")
    code, _, err = lg("assess", str(bad), "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 2 and "“2025”重复填写了" in zh_line(err)
