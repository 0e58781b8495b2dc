"""`littlegiant init` and `littlegiant schema`: generated from the rule set's fields."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load import profile, rules

runner = CliRunner()


def _fill(template: str, values: dict[str, Any], lang: str) -> str:
    """The template filled in as a person would: after each key's colon, its comment kept; yes/no as 是/否."""
    out, keys = [], []
    for line in template.splitlines():
        found = re.match(r"^( *)([\w]+):(.*)$", line)
        if found is None:
            out.append(line)
            continue
        indent, key, rest = found.groups()
        keys = [*keys[: len(indent) // 2], key]
        value = values.get(".".join(keys))
        if value is None:
            out.append(line)
            continue
        typed = (("是" if value else "否") if lang == "zh" else ("yes" if value else "no")) if isinstance(value, bool) \
            else json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
        out.append(f"{indent}{key}: {typed}{rest}")
    return "\n".join(out) + "\n"


def _statuses(path: Path) -> dict[str, str]:
    done = runner.invoke(app, ["assess", str(path), "--format", "json", "--as-of", "2026-11-26"])
    assert done.exit_code == 0, done.output
    return {f"{tid}:{c['id']}": c["status"] for tid, t in json.loads(done.stdout)["tiers"].items()
            for c in [{"id": tid, "status": t["status"]}, *t["criteria"]]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template_is_a_valid_profile_and_fills_in(tmp_path: Path, lang: str) -> None:
    """The template reads back as a profile empty (all unknown) and filled in from an example, in either
    language: yes/no written 是/否 (yes/no), choices by their codes, every verdict the example's."""
    target = tmp_path / "company.yaml"
    assert runner.invoke(app, ["init", str(target), "--as-of", "2026-11-26", "--lang", lang]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert {s for k, s in _statuses(target).items() if ":" in k and k.split(":")[0] == k.split(":")[1]} == {"unknown"}
    rs = rules.load("miit-2026")
    values = dict(profile.load_profile(EXAMPLES / "little-giant-2026.yaml", rs).values)
    filled = tmp_path / "filled.yaml"
    filled.write_text(_fill(text, values, lang), encoding="utf-8")
    assert profile.load_profile(filled, rs).values == values  # every value of the example found its line
    assert _statuses(filled) == _statuses(EXAMPLES / "little-giant-2026.yaml")
    again = runner.invoke(app, ["init", str(target)])
    assert again.exit_code == 2


def test_the_zh_template_speaks_chinese_and_explains_the_codes() -> None:
    """Under zh the comments are Chinese, yes/no says 填「是」或「否」, each choice code says what it means."""
    text = runner.invoke(app, ["init", "--as-of", "2026-11-26", "--lang", "zh"]).stdout
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    assert comments[0].strip().startswith("企业自评资料")
    codes = re.compile(r"^\s+[a-z0-9_]+：")  # a choice's code, then its meaning
    english = {w for c in comments for w in re.findall(r"[A-Za-z]{3,}", codes.sub("", c))}
    assert english <= {"littlegiant", "assess", "lang", "ISO", "IATF", "FDA", "ERP", "MES", "CRM", "PSE"}, english
    assert "true | false" not in text and " / " not in text
    assert "registered_in_china:    # 是否在中华人民共和国境内工商注册登记、具有独立法人资格？填「是」或「否」" in text
    # a question as the reports ask it: 是否 after the statement's subject, not before it (是否产品（服务）属于…)
    assert "prohibited_products:    # 产品（服务）是否属于国家禁止、限制或淘汰类？" in text
    assert "tax_violation:    # 近三年是否有偷漏税等违法违规行为？" in text and "# 是否近三年" not in text
    assert "  #   industrial：工业" in text and "  #   provincial：省级（省部级）" in text
    assert "revenue:    # 营业收入（单位：万元）" in text and "2025:    # 2025年的数据（上年度）" in text
    assert "{year" not in text


def test_schema_describes_every_profile_key() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    example = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    for key, value in example.items():
        assert key in schema["properties"], key
        if isinstance(value, dict) and key not in ("financials", "equity_financing"):
            assert set(value) <= set(schema["properties"][key]["properties"]), key
    assert schema["properties"]["market"]["properties"]["domestic_share"]["maximum"] == 100
    assert schema["properties"]["industry"]["enum"][:2] == ["agriculture", "industrial"]


def test_a_share_saved_with_its_percent_sign_is_valid_under_the_schema(tmp_path: Path) -> None:
    """The interview saves 「12%」 as typed (the sign says it is no fraction of 1), and the schema an editor
    checks the file with accepts it, where it said the saved file was wrong; a share that is no
    number with a sign, or past 100, is still refused."""
    import jsonschema

    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    # as an editor sees it: keys are text (YAML reads a year key as a number)
    data = json.loads(json.dumps(yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))))
    assert not list(validator.iter_errors(data))
    for share, valid in (("12%", True), ("12.5 %", True), (12.5, True), ("十二%", False), ("12", False), (120, False),
                         ("100%", True), ("101%", False), ("150%", False)):
        data["market"]["domestic_share"] = share
        assert (not list(validator.iter_errors(data))) is valid, share
        if valid:  # and the tool reads what the schema lets through
            path = tmp_path / "p.yaml"
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            assert profile.load_profile(path, rules.load("miit-2026")).values["market.domestic_share"] in (12, 12.5, 100)


def test_figures_the_interview_saves_as_approximate_are_valid_under_the_schema(tmp_path: Path) -> None:
    """An interview answered 「大约300人」 and 「7千万左右」 saves 约300 and 约7000 (the report says they are
    approximate), and the schema an editor checks the saved file with said they were not numbers; a
    word that is no such figure, or a minus where the field takes none, is still refused."""
    import jsonschema

    from littlegiant.core.interview import Interview, dump_profile

    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    for path, value in (("employees", 300), ("financials.2025.main_revenue", 7000), ("financials.2025.net_profit", -120),
                        ("platform_score", 72), ("market.domestic_share", 12)):
        iv.record(path, Decimal(value), approximate=True)
    saved = tmp_path / "p.yaml"
    saved.write_text(dump_profile(iv.saved_data(), "# test\n"), encoding="utf-8")
    data = json.loads(json.dumps(yaml.safe_load(saved.read_text(encoding="utf-8"))))
    assert data["employees"] == "约300" and data["financials"]["2025"]["net_profit"] == "约-120"
    validator = jsonschema.Draft202012Validator(json.loads(runner.invoke(app, ["schema"]).stdout))
    assert not list(validator.iter_errors(data))
    loaded = profile.load_profile(saved, rs)  # and the tool reads it back as the approximate figures they are
    assert loaded.values["employees"] == 300 and "financials.2025.main_revenue" in loaded.approximate
    for path, text, valid in (("employees", "约三百", False), ("employees", "约-3", False), ("employees", "约300.5", False),
                              ("platform_score", "约7200", False), ("platform_score", "约999", False),
                              ("platform_score", "约100.5", False), ("platform_score", "约99.5", True),
                              ("digital_level", "约0", False), ("digital_level", "约5", False), ("digital_level", "约4", True),
                              ("market.domestic_share", "约120", False), ("employees", "约 120", True)):
        *parents, last = path.split(".")
        changed = json.loads(json.dumps(data))
        node = changed
        for part in parents:
            node = node[part]
        node[last] = text
        assert (not list(validator.iter_errors(changed))) is valid, text
        saved.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
        try:  # the schema and the reader agree
            profile.load_profile(saved, rs)
            read = True
        except InputError:
            read = False
        # what the schema lets through the reader takes; a figure past a field's bounds neither does (the
        # reader takes more than the interview writes: 约三百)
        assert read if valid else (read is False or text == "约三百"), text


def test_csv_template_feeds_batch(tmp_path: Path) -> None:
    csv_file = tmp_path / "companies.csv"
    assert runner.invoke(app, ["init", "--csv", str(csv_file), "--as-of", "2026-11-26", "--columns", "ids"]).exit_code == 0
    header = csv_file.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "financials.2025.revenue" in header and "financials.2023.main_revenue" in header
    company = dict.fromkeys(header, "") | {"name": "甲公司", "industry": "industrial", "employees": "120"}
    with csv_file.open("a", encoding="utf-8", newline="") as f:  # filled in below the sample row
        f.write(",".join(company.values()) + "\r\n")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["batch", str(csv_file), "--output", str(out), "--as-of", "2026-11-26"])
    assert result.exit_code == 0
    assert "read 1, scored 1, errors 0" in result.stderr


@pytest.mark.parametrize(("field", "zh", "en"), [
    ("", "%（0–100）", "% (0-100)"),  # the built-in share (miit-2026): as it always read
    ("  domestic_share: {path: market.domestic_share, type: percent, max: 50, unit: '%', zh: 主导产品国内细分市场占有率,"
     " en: Domestic niche-market share, help: {zh: 占有率（%）。, en: The share (%).}}\n", "%（0–50）", "% (0-50)"),
])
def test_a_templates_note_under_a_share_gives_the_range_the_reader_checks(
        tmp_path: Path, field: str, zh: str, en: str) -> None:
    """The notes row under a share said 「%（0–100）」 whatever the rule file bounds it by: a local rule set
    whose share is at most 50 had the filler type 60, and batch refuse the row. The CSV and the Excel
    template, in zh and en, give the range the reader checks the cell against."""
    import csv

    import openpyxl

    ruleset = "miit-2026"
    if field:
        ruleset = str(tmp_path / "local.yaml")
        (tmp_path / "local.yaml").write_text("format: 1\nid: shares-local\nextends: miit-2026\n"
                                             "title: {zh: 本地规则, en: Local rules}\nfields:\n" + field, encoding="utf-8")
    for lang, said in (("zh", zh), ("en", en)):
        for kind in ("csv", "xlsx"):
            out = tmp_path / f"t-{lang}.{kind}"
            done = runner.invoke(app, ["init", f"--{kind}", str(out), "--rules", ruleset,
                                       "--lang", lang, "--as-of", "2026-11-26"])
            assert done.exit_code == 0, done.output
            if kind == "csv":
                head, notes = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))[:2]
            else:
                sheet = openpyxl.load_workbook(out).worksheets[1]  # the sheet after 填写说明
                head, notes = ([str(c.value) for c in row] for row in sheet.iter_rows(min_row=1, max_row=2))
            at = next(i for i, h in enumerate(head) if "国内细分市场占有率" in h or "omestic niche" in h)
            assert notes[at].startswith(said + ("；" if lang == "zh" else "; ")) or notes[at] == said, (kind, notes[at])


def test_an_overlay_template_asks_for_the_overlay_fields(tmp_path: Path) -> None:
    overlay = str(Path(__file__).resolve().parent.parent / "rules" / "overlays" / "shandong-2022.yaml")
    target = tmp_path / "sd.yaml"
    assert runner.invoke(app, ["init", str(target), "--rules", overlay, "--as-of", "2026-03-01", "--lang", "zh"]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "listing_progress:" in text and "上市进展" in text
    empty = runner.invoke(app, ["assess", str(target), "--rules", overlay, "--as-of", "2026-03-01", "--format", "json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout)["rules"]["id"] == "shandong-2022"


@pytest.mark.parametrize("name", ["模板.xlsm", "模板.tsv", "模板.json"])
def test_init_refuses_a_template_name_it_cannot_write_as_named(tmp_path: Path, name: str) -> None:
    """``init 模板.xlsm`` wrote a YAML profile under that name (batch then failed on it): a name init
    cannot write as its suffix says is refused in one line naming the ones it can; nothing is written."""
    out = tmp_path / name
    done = CliRunner().invoke(app, ["init", str(out), "--lang", "zh"])
    assert done.exit_code == 2 and done.output.count("\n") == 1 and ".xlsx" in done.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["名单.xlsx", "名单.yaml", "名单.json"])
def test_init_csv_refuses_a_name_batch_would_read_as_another_kind(tmp_path: Path, name: str) -> None:
    """``init --csv 名单.xlsx`` wrote CSV text under an Excel name (--xlsx checks its name) and said to run
    batch on it, which then read it as a workbook or a profile and failed; nothing is written now."""
    out = tmp_path / name
    done = CliRunner().invoke(app, ["init", "--csv", str(out), "--lang", "en"])
    assert (done.exit_code, done.stderr) == (2, f"littlegiant: error: --csv {out}: expected a file name ending in .csv\n")
    assert not out.exists()


def test_init_refuses_two_templates_in_one_run(tmp_path: Path) -> None:
    """A FILE and --csv together: one was silently ignored; now the run says to give one."""
    done = CliRunner().invoke(app, ["init", str(tmp_path / "a.yaml"), "--csv", str(tmp_path / "b.csv"), "--lang", "en"])
    assert done.exit_code == 2 and "one template at a time" in done.output
    assert not (tmp_path / "a.yaml").exists() and not (tmp_path / "b.csv").exists()


@pytest.mark.parametrize("args", [["init", "-"], ["init", "--csv", "-"]])
def test_init_dash_prints_the_template_rather_than_writing_a_file_named_dash(tmp_path: Path, args: list[str],
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """``littlegiant init -`` wrote a file literally named "-"; as most tools read it, - is stdout."""
    monkeypatch.chdir(tmp_path)
    done = runner.invoke(app, [*args, "--lang", "zh", "--as-of", "2026-11-26"])
    assert done.exit_code == 0, done.output
    assert list(tmp_path.iterdir()) == []
    if "--csv" in args:
        assert done.stdout.lstrip("\ufeff").startswith("企业名称,统一社会信用代码,行业")
    else:
        data = yaml.safe_load(done.stdout)
        assert data["answered_under"] == "miit-2026" and "name" in data


@pytest.mark.parametrize(("lang", "args", "said"), [
    ("zh_CN.UTF-8", ["init", "企业信息.yaml"], "已生成企业信息模板 企业信息.yaml：填好后运行 littlegiant assess 企业信息.yaml 即可评估"),
    ("en_US.UTF-8", ["init", "my company.yaml"],
     "wrote my company.yaml: fill it in, then run: littlegiant assess \"my company.yaml\""),
    ("zh_CN.UTF-8", ["init", "名单.xlsx"],
     "已生成批量评估名单 名单.xlsx：每行填一家企业，填好后运行 littlegiant batch 名单.xlsx -o 评估结果.xlsx"),
    ("zh_CN.UTF-8", ["init", "--csv", "名单.csv"],
     "已生成批量评估名单 名单.csv：每行填一家企业，填好后运行 littlegiant batch 名单.csv -o 评估结果.xlsx"),
])
def test_init_says_what_it_wrote_and_what_to_run_next(tmp_path: Path, lang: str, args: list[str], said: str) -> None:
    """``init FILE`` printed nothing: one line in the run's language names the file and the command that reads
    it once filled in; that command, run as shown, works (the profile's, on the template as written)."""
    import shlex
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "LANG": lang, "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True, check=False,
                          cwd=tmp_path, env=env)
    assert done.returncode == 0 and done.stdout == "" and done.stderr == said + "\n", done.stderr
    if "assess" in said:
        command = shlex.split(said.split("运行 " if lang.startswith("zh") else "run: ")[1].removesuffix(" 即可评估"))
        ran = subprocess.run([sys.executable, "-m", *command], capture_output=True, text=True, check=False,
                             cwd=tmp_path, env=env)
        assert ran.returncode == 0 and ran.stdout, ran.stderr


@pytest.mark.parametrize("args", [["init", "-"], ["init", "--csv", "-"]])
def test_init_to_stdout_says_nothing_else(args: list[str]) -> None:
    """The template on stdout is the whole output: no line of what was written, on either stream's end."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8"})
    assert done.returncode == 0 and done.stdout and done.stderr == ""


def test_the_commands_init_prints_keep_the_language_asked_for(tmp_path: Path) -> None:
    """`init --xlsx 名单.xlsx --lang zh` on a machine whose locale is English printed `littlegiant batch
    名单.xlsx -o 评估结果.xlsx`, which, run as printed, headed the results in English: the command carries
    --lang zh where the locale would give another language, and run as printed it is Chinese."""
    import shlex
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", "init", "--xlsx", "名单.xlsx", "--lang", "zh"],
                          capture_output=True, text=True, check=False, cwd=tmp_path, env=env)
    assert done.returncode == 0 and done.stderr.endswith("填好后运行 littlegiant batch 名单.xlsx --lang zh -o 评估结果.xlsx\n")
    command = shlex.split(done.stderr.split("运行 ")[1].strip())
    ran = subprocess.run([sys.executable, "-m", *command], capture_output=True, text=True, check=False,
                         cwd=tmp_path, env=env)
    # the sheet as written holds no company yet: said in Chinese, as the run was asked to speak
    assert ran.returncode == 2 and ran.stderr.startswith("littlegiant 出错：名单.xlsx：没有可评估的企业行"), ran.stderr
    before = subprocess.run([sys.executable, "-m", "littlegiant", "--lang", "zh", "init", "企业.yaml"],
                            capture_output=True, text=True, check=False, cwd=tmp_path, env=env)
    assert before.stderr.strip().endswith("littlegiant assess 企业.yaml --lang zh 即可评估")
    assert "# 填好后运行：littlegiant assess 本文件名 --lang zh\n" in (tmp_path / "企业.yaml").read_text(encoding="utf-8")
    (tmp_path / "通讯录.csv").write_text("联系人,电话\n张三,1\n", encoding="utf-8")
    contacts = subprocess.run([sys.executable, "-m", "littlegiant", "batch", "通讯录.csv", "-o", "结果.csv", "--lang", "zh"],
                              capture_output=True, text=True, check=False, cwd=tmp_path, env=env)
    assert contacts.returncode == 2 and "请运行：littlegiant init 模板.xlsx --lang zh；" in contacts.stderr
    same = subprocess.run([sys.executable, "-m", "littlegiant", "init", "企业2.yaml", "--lang", "zh"], capture_output=True,
                          text=True, check=False, cwd=tmp_path, env={**env, "LANG": "zh_CN.UTF-8"})
    assert same.stderr.strip().endswith("littlegiant assess 企业2.yaml 即可评估")  # the locale says it already


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_init_into_a_folder_says_it_is_a_folder_at_once(tmp_path: Path, force: list[str]) -> None:
    """``init 客户资料`` (a folder) was told to add --force, and with --force that it was a folder, under
    the argument's placeholder (``FILE 客户资料``): now the first run says it is a folder, by its name alone."""
    folder = tmp_path / "客户资料"
    folder.mkdir()
    done = CliRunner().invoke(app, ["init", str(folder), "--lang", "zh", *force])
    assert (done.exit_code, done.stderr) == (2, f"littlegiant 出错：{folder}：是文件夹，请给出要写入的普通文件\n")
    assert list(folder.iterdir()) == []


def test_init_of_a_name_it_cannot_write_names_the_file_not_a_placeholder(tmp_path: Path) -> None:
    """The refusal of ``init 模板.doc`` read ``模板.doc: FILE: cannot write…``: the placeholder of the help
    text is no word of the user's."""
    done = CliRunner().invoke(app, ["init", str(tmp_path / "模板.doc"), "--lang", "en"])
    assert (done.exit_code, done.stderr) == (2, f"littlegiant: error: {tmp_path / '模板.doc'}: cannot write a .doc "
                                                "template: name it .yaml (a profile), .xlsx or .csv (a sheet for batch)\n")
