"""--help in the user's language: Chinese under a Chinese locale or --lang zh, the English as declared otherwise."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from rich.cells import cell_len
from tests.conftest import EXAMPLES, ROOT

from littlegiant.cli.app import app
from littlegiant.cli.help_zh import COMMANDS

ENV = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS")}
PATHS = list(COMMANDS)
ENGLISH_RUN = re.compile(r"[A-Za-z']+(?: [A-Za-z']+){2,}")
"""Three English words in a row: a sentence left in English (littlegiant's code words come one at a time)."""


def helped(path: str, lang: str = "zh_CN.UTF-8", columns: int = 80, *extra: str) -> str:
    done = subprocess.run([sys.executable, "-m", "littlegiant", *path.split(), *extra, "--help"],
                          capture_output=True, text=True, check=False,
                          env={**ENV, "LANG": lang, "COLUMNS": str(columns)})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def flat(text: str) -> str:
    """Text as words, whatever the line breaks (and an example's \\ at a break)."""
    return "".join(text.replace(" \\\n", " ").split())


def click_command(path: str) -> typer.main.click.Command:  # type: ignore[name-defined]
    command = typer.main.get_command(app)
    for name in path.split():
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


def examples(text: str) -> list[str]:
    """The example commands a help shows, each whole (a narrow terminal breaks one with \\)."""
    joined = text.replace(" \\\n", " ").partition("示例：")[2]
    return [" ".join(line.split()) for line in joined.splitlines() if line.strip().startswith("littlegiant ")]


@pytest.mark.parametrize("path", PATHS)
def test_help_is_chinese_under_a_chinese_locale(path: str) -> None:
    """The description, every option's and argument's help and the examples in Chinese; typer's own
    words too; no English sentence left outside the example commands."""
    out = helped(path)
    texts = COMMANDS[path]
    assert flat(texts["help"]) in flat(out)
    for param in click_command(path).params:
        assert flat(texts["params"][param.name]) in flat(out), param.name
    for command, what in texts.get("examples", []):
        assert command in examples(out) and flat(what) in flat(out)
    assert out.startswith("用法：") and "选项：" in out
    assert "{" not in out.splitlines()[0]  # 企业名单..., not {企业名单}...: braces read as code
    for english in ("Usage", "Options", "Arguments", "Commands", "Show this message", "default:", "required",
                    "Examples"):
        assert english not in out, english
    prose = [line for line in out.replace(" \\\n", " ").splitlines()
             if not line.strip().startswith(("littlegiant ", "用法："))]
    left = [m.group(0) for line in prose for m in ENGLISH_RUN.finditer(line)]
    assert left == [], left


@pytest.mark.parametrize("path", PATHS)
def test_help_is_the_declared_english_under_an_english_locale(path: str) -> None:
    """Under en_US (and under C) the help is typer's, from the English declarations, and the same."""
    out = helped(path, "en_US.UTF-8")
    assert out == helped(path, "C")
    command = click_command(path)
    assert out.startswith("Usage:") and "Options:" in out
    assert flat(command.help.split("\n")[0]) in flat(out)  # type: ignore[union-attr]
    for param in command.params:
        assert flat(param.help or "") in flat(out), param.name  # type: ignore[attr-defined]
    assert "用法" not in out and "选项：" not in out


@pytest.mark.parametrize("path", ["assess", "batch", "rules diff"])
def test_lang_on_the_command_line_chooses_the_help_language_as_it_does_the_report(path: str) -> None:
    """`assess --lang zh --help` is Chinese under an English locale, `--lang en` English under Chinese."""
    assert helped(path, "en_US.UTF-8", 80, "--lang", "zh") == helped(path)
    assert helped(path, "zh_CN.UTF-8", 80, "--lang=en") == helped(path, "en_US.UTF-8")


def test_a_bare_command_prints_its_chinese_help() -> None:
    for args, listed in (([], "assess"), (["rules"], "validate")):
        done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                              check=False, env={**ENV, "LANG": "zh_CN.UTF-8"})
        assert done.returncode == 0 and done.stdout.startswith("用法：") and "命令：" in done.stdout
        assert listed in done.stdout and "..." not in done.stdout.split("命令：")[1]


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("path", PATHS)
def test_chinese_help_fits_the_terminal_and_its_columns_line_up(path: str, columns: int) -> None:
    """Each line within the terminal (click counted a Chinese character as one column), none opening with
    a closing mark, and every option's help starting in one column."""
    out = helped(path, columns=columns)
    lines = out.splitlines()
    assert all(cell_len(line) <= columns for line in lines), max(lines, key=cell_len)
    assert not any(line.strip() and line.strip()[0] in "。，、；：）」”" for line in lines)
    for section in ("选项：", "参数：", "命令："):
        if section not in out:
            continue
        body = out.split(section)[1].split("\n\n")[0].splitlines()[1:]
        starts = {cell_len(m.group(1)) for line in body if (m := re.match(r"(  \S+(?: \S+)?  +)\S", line))}
        starts |= {cell_len(line) - cell_len(line.lstrip()) for line in body if line.startswith("   ")}
        assert len(starts) == 1, (section, body)


def _files(where: Path) -> None:
    """The files the Chinese examples name: a company's figures, a list of companies as .xlsx and
    .csv, a folder of profiles, a province's rule file."""
    from openpyxl import Workbook

    shutil.copy(EXAMPLES / "little-giant-2026.yaml", where / "企业信息.yaml")
    (where / "企业资料").mkdir()
    for name in ("little-giant-2026.yaml", "tier1-only.yaml"):
        shutil.copy(EXAMPLES / name, where / "企业资料" / name)
    (where / "本省规则.yaml").write_bytes((ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_bytes().replace(
        b"id: shandong-2022\n", b"id: my-province\n", 1))  # a province's own file, under an id of its own
    template = where / "ids.csv"
    subprocess.run([sys.executable, "-m", "littlegiant", "init", "--csv", str(template), "--columns", "ids"],
                   check=True, capture_output=True)
    header = template.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    row = dict.fromkeys(header, "") | {"name": "甲公司", "industry": "industrial", "employees": "120"}
    (where / "企业名单.csv").write_text(",".join(header) + "\n" + ",".join(row.values()) + "\n", encoding="gb18030")
    book = Workbook()
    book.active.append(header)
    book.active.append(list(row.values()))
    book.save(where / "企业名单.xlsx")


def test_the_chinese_examples_are_commands_that_work(tmp_path: Path) -> None:
    """Every example of every Chinese help, run as shown on the files it names: exit 0 and its output."""
    _files(tmp_path)
    shown = [command for path in PATHS for command in examples(helped(path, columns=60))]
    assert len(shown) == sum(len(t.get("examples", [])) for t in COMMANDS.values())
    for command in shown:
        words, out = shlex.split(command), None
        if ">" in words:
            words, out = words[:words.index(">")], tmp_path / words[words.index(">") + 1]
        interactive = "--save" in words
        done = subprocess.run([sys.executable, "-m", *words], capture_output=True, text=True, check=False,
                              cwd=tmp_path, env={**ENV, "LANG": "zh_CN.UTF-8"}, input="退出\n" if interactive else None)
        if interactive:  # the interview asks its first question; 退出 stops it, as its introduction says
            assert done.returncode == 130 and "第 1 题" in done.stdout + done.stderr, (command, done.stderr)
            continue
        assert done.returncode == 0, (command, done.stderr)
        if out is not None:
            out.write_text(done.stdout, encoding="utf-8")
            assert done.stdout.startswith("{")
    for made in ("评估报告.html", "评估结果.xlsx", "评估结果.csv", "评估结果.jsonl", "企业信息模板.yaml",
                 "企业名单模板.xlsx", "企业名单模板.csv", "山东企业.yaml", "profile.schema.json"):
        assert (tmp_path / made).stat().st_size > 0, made


TIER_ID = re.compile(r"\b([a-z_]+):([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")
"""A criterion named as TIER:ID, as the --explain help shows one (little_giant:gate.sme)."""


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8", "en_US.UTF-8"])
def test_every_criterion_id_the_assess_help_names_explains_that_tiers_criterion(lang: str) -> None:
    """The help's example little_giant:lg.revenue named no criterion (exit 2, 没有找到): every TIER:ID the
    help shows is run with --explain on the example companies of both rule sets, and explains the
    criterion under the tier it names."""
    named = TIER_ID.findall(helped("assess", lang, 200))
    assert named, "the help names no TIER:ID"
    for profile, as_of in (("little-giant-2022.yaml", "2026-03-01"), ("little-giant-2026.yaml", "2026-11-26")):
        for tier, criterion in named:
            done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / profile),
                                   "--as-of", as_of, "--explain", f"{tier}:{criterion}"],
                                  capture_output=True, text=True, check=False, env={**ENV, "LANG": lang})
            assert done.returncode == 0, (profile, tier, criterion, done.stderr)
            title = {"little_giant": ('专精特新"小巨人"企业', "Little Giant")}[tier]
            assert title[0 if lang.startswith("zh") else 1] in done.stdout, done.stdout


def test_the_verdicts_the_chinese_help_names_are_the_reports_words() -> None:
    """The help said 缺少数据、待认定机关判断 where the reports say 未知、待审核: the help names each verdict
    as the report on a company prints it."""
    from littlegiant.i18n import STATUS

    help_text = flat(helped("assess"))
    for words in STATUS.values():
        assert words["zh"] in help_text, words["zh"]
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "half-missing.yaml"),
                           "--as-of", "2026-11-26"], capture_output=True, text=True, check=False,
                          env={**ENV, "LANG": "zh_CN.UTF-8"})
    assert done.returncode == 0 and "未知" in done.stdout
    assert "待认定机关判断" not in help_text


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8", "en_US.UTF-8"])
def test_the_advice_option_says_how_much_longer_as_measured(lang: str) -> None:
    """--advice was said to make each row about 100 times slower; measured 7 (sparse rows) to 40 (full
    rows): the help says several to some tens of times, as README and docs/output.md do."""
    said = flat(helped("batch", lang, 200))
    assert "100" not in said.split("--advice")[1].split("--")[0]
    assert ("几倍到几十倍" if lang.startswith("zh") else "severaltosometensoftimes") in said
    assert "severaltosometens" in flat((ROOT / "README.md").read_text(encoding="utf-8"))


def test_lang_before_the_command_chooses_the_language_of_the_help_messages_and_report(tmp_path: Path) -> None:
    """`littlegiant --lang zh --help` on an English-locale machine was told there was no --lang: before
    the command it sets every command's language, a command's own --lang still going first."""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                              check=False, env={**ENV, "LANG": "en_US.UTF-8", "COLUMNS": "80"})

    assert run("--lang", "zh", "--help").stdout == helped("")
    alone = run("--lang", "zh")  # a language and no command: the help, as a bare command prints it
    assert alone.returncode == 0 and alone.stdout == helped("") and alone.stderr == ""
    nothing = run("--lang", "fr")
    assert nothing.returncode == 2 and "'fr'" in nothing.stderr and "Missing command" not in nothing.stderr
    twice = run("--lang", "zh", "--lang", "en")  # the last given, as click takes an option given twice
    assert twice.returncode == 0 and twice.stdout.startswith("Usage: ") and twice.stderr == ""
    own = run("--lang", "en", "assess", "--bogus", "--lang", "zh")  # the command's own goes first, errors too
    assert own.returncode == 2 and own.stderr.startswith("littlegiant 出错：没有 --bogus 这个选项")
    assert run("--lang=中文", "assess", "--help").stdout == helped("assess")
    example = str(EXAMPLES / "tier1-only.yaml")
    report = run("--lang", "zh", "assess", example, "--as-of", "2026-11-26")
    assert report.returncode == 0 and "结论" in report.stdout and "满足" in report.stdout
    assert "The answer" not in report.stdout
    own = run("--lang", "zh", "assess", example, "--as-of", "2026-11-26", "--lang", "en")
    assert own.returncode == 0 and "As of 2026-11-26" in own.stdout and "结论" not in own.stdout
    missing = run("--lang", "zh", "assess", str(tmp_path / "没有.yaml"))
    assert missing.returncode == 2 and missing.stderr.startswith("littlegiant 出错：")
    wrong = run("--lang", "fr", "assess", example)
    assert wrong.returncode == 2 and "--lang" in wrong.stderr and "fr" in wrong.stderr
    assert "Traceback" not in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1


def test_lang_after_rules_chooses_the_language_of_every_rules_command() -> None:
    """`littlegiant rules --lang zh list` was refused as an unknown option (「没有 --lang 这个选项」): the
    rules group takes it as the top level does, a rules command's own --lang going first."""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                              check=False, env={**ENV, "LANG": "en_US.UTF-8", "COLUMNS": "80"})

    listed = run("rules", "--lang", "zh", "list")
    assert listed.returncode == 0 and listed.stderr == ""
    assert listed.stdout == run("rules", "list", "--lang", "zh").stdout and "有效期" in listed.stdout
    shown = run("rules", "--lang", "zh", "show", "gate.sme", "--lang", "en")  # its own goes first
    assert shown.returncode == 0 and "size standard" in shown.stdout and "中小企业划型" not in shown.stdout
    alone = run("rules", "--lang", "zh")  # the rules help in that language, as a bare `rules` prints it
    assert alone.returncode == 0 and alone.stderr == "" and alone.stdout == helped("rules")
    assert "各个 rules 命令使用的语言" in alone.stdout
    wrong = run("rules", "--lang", "fr", "list")
    assert wrong.returncode == 2 and "'fr'" in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1


def test_a_language_chosen_in_one_run_is_not_the_next_runs(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Two runs in one process (a script's, the tests'): `--lang zh` before one command left the next run's usage
    error in Chinese under an English locale."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import main

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    assert CliRunner().invoke(app, ["--lang", "zh", "rules", "list"]).exit_code == 0
    monkeypatch.setattr(sys, "argv", ["littlegiant", "assess", "--bogus"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2 and capsys.readouterr().err.startswith("littlegiant: error: No such option: --bogus")


def test_the_chinese_help_of_detail_says_it_is_not_with_compare() -> None:
    """The English help said "Not with --compare" once the two were refused together; the Chinese did not."""
    assert "Notwith--compare" in flat(helped("assess", "C.UTF-8", 200))
    assert "不能与--compare同用" in flat(helped("assess"))
