"""Help for every question and the glossary of official terms it leans on (rule data, read strictly)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT

from littlegiant.cli.interactive import fill_years, first_sentence, wrap
from littlegiant.cli.ruletools import rule_files
from littlegiant.load import rules

RULE_SETS = rule_files([])  # the built-in sets and the shipped overlays
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("ref", RULE_SETS)
def test_every_field_of_every_rule_set_has_help_in_zh_and_en(ref: str) -> None:
    """A finance manager gets an explanation for every question, in either language."""
    rs = rules.load(ref)
    for f in rs.fields.values():
        assert f.help is not None, f"{ref}: {f.id} has no help"
        assert CJK.search(f.help.zh), f"{ref}: {f.id}: the zh help is not Chinese"
        assert sum(c.isascii() for c in f.help.en) > 0.8 * len(f.help.en), f"{ref}: {f.id}: the en help is not English"
        assert f.help.zh != f.help.en
        for text in (f.help.zh, f.help.en):
            leftover = _YEARLESS.sub("", text)
            assert "{" not in leftover and "}" not in leftover, f"{f.id}: a placeholder other than {{year}}: {text}"


_YEARLESS = re.compile(r"\{year(-[1-9])?\}")


@pytest.mark.parametrize("ref", RULE_SETS)
def test_every_glossary_term_used_in_help_exists_and_every_named_term_is_linked(ref: str) -> None:
    """The terms a question links exist, and an official term its label or help names is linked."""
    rs = rules.load(ref)
    terms = rules.glossary()
    for f in rs.fields.values():
        assert set(f.terms) <= set(terms), f"{f.id}: {set(f.terms) - set(terms)}"
        text = f.label.zh + (f.help.zh if f.help else "")
        named = {t.id for t in terms.values() if t.name.zh in text}
        assert named <= set(f.terms), f"{ref}: {f.id} names {named - set(f.terms)} without linking them"


def test_the_glossary_explains_section_7_and_the_platform_score() -> None:
    """Ⅰ类/Ⅱ类/高价值 IP follow docs/criteria.md §7 and the platform score says where to find it (§10)."""
    g = rules.glossary()
    assert "发明专利" in g["class1_ip"].text.zh and "集成电路布图设计专有权" in g["class1_ip"].text.zh
    assert "维持超过2年" in g["class2_ip"].text.zh and "软件著作权" in g["class2_ip"].text.zh
    assert all(w in g["high_value_ip"].text.zh for w in ("海外", "10年", "质押融资", "中国专利奖"))
    assert "企业账号" in g["platform_score"].text.zh and "无法计算" in g["platform_score"].text.zh
    assert "2026年评估，上年度就是2025年" in g["last_year"].text.zh
    for term in g.values():
        assert CJK.search(term.name.zh) and CJK.search(term.text.zh)
        assert sum(c.isascii() for c in term.text.en) > 0.8 * len(term.text.en), term.id


def test_help_names_the_year_it_means() -> None:
    """{year} in help becomes the question's year (or last year), {year-2} two years before."""
    rs = rules.load("miit-2026")
    assert "2025年12月31日" in fill_years(rs.fields["employees"].help.zh, 2025)  # type: ignore[union-attr]
    assert "2023年至今" in fill_years(rs.fields["tax_violation"].help.zh, 2025)  # type: ignore[union-attr]
    assert fill_years("{year}, {year-4}, {yearly}", 2025) == "2025, 2021, {yearly}"


def test_help_is_cut_to_its_first_sentence_and_wrapped_by_display_width() -> None:
    """Under a question only the first sentence; lines fit 80 columns and never start with a closing mark."""
    assert first_sentence("取利润表。其余说明") == "取利润表。"
    assert first_sentence("The line, e.g. 3.5 years. More") == "The line, e.g. 3.5 years."
    text = "取2025年研发费用辅助账的全年合计（一般等于利润表\"研发费用\"行和加计扣除申报数）。" * 3
    lines = wrap(text, 80).split("\n")
    assert wrap(text, 0) == "  " + text  # not a terminal: left whole
    assert len(lines) > 1
    from rich.cells import cell_len

    assert all(cell_len(line) <= 80 for line in lines)
    assert not any(line.strip()[0] in "。，）；" for line in lines)


def test_rules_glossary_prints_every_term_in_both_languages() -> None:
    """`littlegiant rules glossary` lists every term with its explanation and the questions using it."""
    for lang in ("zh", "en"):
        done = subprocess.run([sys.executable, "-m", "littlegiant", "rules", "glossary", "--lang", lang],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        shown = re.sub(r"\s+", "", done.stdout)  # wrapped to the width
        for term in rules.glossary().values():
            assert term.name.get(lang) in done.stdout and re.sub(r"\s+", "", term.text.get(lang)) in shown
    assert "用于：" in subprocess.run([sys.executable, "-m", "littlegiant", "rules", "glossary", "--lang", "zh"],
                                    capture_output=True, text=True, check=False).stdout


@pytest.mark.parametrize(("link", "said"), [
    ("made_up", "no glossary term 'made_up' (the glossary's {n} term ids are in {glossary})"),
    ("rd_expens", "no glossary term 'rd_expens'; did you mean 'rd_expense'? (the glossary's {n} term ids are in "
                  "{glossary})"),
])
def test_a_rule_file_linking_an_unknown_term_is_refused_at_its_line(tmp_path: Path, link: str, said: str) -> None:
    """terms: names glossary ids only; anything else is a rule-file error with file and line, on one line that
    names the closest ids of a typo, never a list of every id cut short."""
    path = tmp_path / "mine.yaml"
    base = (ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_text(encoding="utf-8")
    text = base.replace("terms: [characteristic_points]", f"terms: [characteristic_points, {link}]", 1).replace(
        "id: shandong-2022\n", "id: mine\n", 1)
    assert link in text
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "littlegiant", "rules", "validate", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if link in ln)
    glossary = rules.builtin_dir() / "_glossary.yaml"
    n = sum(1 for ln in glossary.read_text(encoding="utf-8").splitlines() if re.match(r"  [a-z0-9_]+:$", ln))
    assert done.stderr.splitlines()[0] == (f"{path}:{line}: fields.sd_innovative_operation.terms: "
                                           + said.format(n=n, glossary=glossary)), done.stderr


def test_every_command_refuses_a_rule_file_linking_an_unknown_term_at_its_line(tmp_path: Path) -> None:
    """A custom rule file with a glossary id the glossary lacks is refused with file, line and the terms
    expected (exit 2) by rules test, assess, batch, init and the interview alike, not only by validate."""
    path = tmp_path / "mine.yaml"
    base = (ROOT / "rules" / "overlays" / "shandong-2022.yaml").read_text(encoding="utf-8")
    text = base.replace("terms: [characteristic_points]", "terms: [characteristic_points, made_up]", 1).replace(
        "id: shandong-2022\n", "id: mine\n", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "made_up" in ln)
    example = str(ROOT / "examples" / "little-giant-2022.yaml")
    for args in (["rules", "test", str(path)],
                 ["assess", example, "--rules", str(path), "--as-of", "2026-03-01", "--format", "json"],
                 ["batch", example, "--rules", str(path), "--as-of", "2026-03-01", "-o", str(tmp_path / "o.csv")],
                 ["init", str(tmp_path / "t.yaml"), "--rules", str(path)],
                 ["assess", "--rules", str(path), "--as-of", "2026-03-01", "--save", str(tmp_path / "s.yaml")]):
        done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True,
                              check=False, stdin=subprocess.DEVNULL, cwd=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, (args, done.stderr)
        assert f"mine.yaml:{line}: fields.sd_innovative_operation.terms: no glossary term 'made_up' (the " \
               "glossary's " in done.stderr and "…" not in done.stderr, (args, done.stderr)
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "t.yaml").exists()
    assert not (tmp_path / "s.yaml").exists()


def test_an_edited_copy_of_the_built_in_base_is_checked_too(tmp_path: Path) -> None:
    """A copy of _base.yaml with a term the glossary lacks, extended by a copy of miit-2026, is read from
    its YAML and refused at its line: only the shipped files (checked by the test below) skip the check."""
    base = (ROOT / "rules" / "_base.yaml").read_text(encoding="utf-8")
    assert base.count("    terms: [rd_expense]\n") == 1
    edited = base.replace("    terms: [rd_expense]\n", "    terms: [rd_expense, made_up]\n")
    (tmp_path / "_base.yaml").write_text(edited, encoding="utf-8")
    rule_set = (ROOT / "rules" / "miit-2026.yaml").read_text(encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(rule_set.replace("extends: _base\n", "extends: _base.yaml\n", 1).replace(
        "id: miit-2026\n", "id: mine\n", 1), encoding="utf-8")
    line = next(i for i, ln in enumerate(edited.splitlines(), 1) if "made_up" in ln)
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", "--rules", "mine.yaml", "--as-of", "2026-11-26",
                           "--lang", "zh", str(ROOT / "examples" / "little-giant-2026.yaml")],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 2 and f"_base.yaml 第 {line} 行" in done.stderr and "术语表中没有“made_up”" in done.stderr, \
        done.stderr


def test_every_shipped_rule_file_links_only_glossary_terms() -> None:
    """The shipped rule files are read from their parsed form without the glossary check: this is that check,
    the one `rules validate` makes, over every one of them (sets, overlays, round files)."""
    from littlegiant.load import parsed

    folder = rules.builtin_dir()
    files = [p for p in parsed.sources(folder) if p.name not in ("calendar.yaml", "_glossary.yaml")
             and not p.name.startswith("_")]
    assert {p.stem for p in files} >= {"miit-2022", "miit-2026", "shandong-2022", "gxt-2025-190"}
    linked = set()
    for path in files:
        assert rules.validate(path) == [], path
        linked |= {t for f in rules.load(path).fields.values() for t in f.terms}
    assert linked and linked <= set(rules.glossary())


def test_loading_the_shipped_rule_sets_reads_no_glossary() -> None:
    """Start-up stays as it was: the glossary check of a custom file costs the shipped sets nothing."""
    code = ("from littlegiant.load import rules\n"
            "for ref in ('miit-2022', 'miit-2026', 'rules/overlays/shandong-2022.yaml', 'rules/rounds/gxt-2025-190.yaml'):\n"
            "    rules.load(ref)\n"
            "assert not rules._GLOSSARY, 'the glossary was read'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", [["glossary"], ["diff", "miit-2022", "miit-2026"]])
@pytest.mark.parametrize("columns", [60, 80])
def test_rules_glossary_and_diff_wrap_to_the_terminal_like_the_reports(command: list[str], lang: str,
                                                                         columns: int) -> None:
    """COLUMNS=80 was ignored: lines up to 146 columns. Each line now fits, none opens with a closing
    mark, an item's later lines stand further in than the items, and nothing is lost or cut."""
    from rich.cells import cell_len

    def run(width: int) -> str:
        done = subprocess.run([sys.executable, "-m", "littlegiant", "rules", *command, "--lang", lang],
                              capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": str(width)})
        assert done.returncode == 0, done.stderr
        return done.stdout

    out, whole = run(columns), run(1000)
    lines = out.splitlines()
    assert all(cell_len(line) <= columns for line in lines), max(lines, key=cell_len)
    assert not any(line.strip() and line.strip()[0] in "。，）；：、" for line in lines)
    assert "".join(out.split()) == "".join(whole.split())
    assert len(lines) > len(whole.splitlines())
    if command[0] == "diff":  # "  新增可选条件：…" goes on under its text, never level with the next item
        items = [i for i, line in enumerate(lines) if re.match(r"  \S", line)]
        assert any(lines[i + 1].startswith("    ") and not lines[i + 1].startswith("     ") for i in items
                   if i + 1 < len(lines))
