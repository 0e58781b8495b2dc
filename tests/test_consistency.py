"""A part never exceeds its whole (docs/criteria.md §8a): each declared relation at its edge (accepted) and
one over (refused, naming both figures) through a profile file, ``--set``, a batch row and the interview;
unusual but possible figures are warnings in every report format and in batch rows, never errors."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES, flat, nested
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.core.interview import Interview, Question, dump_profile
from littlegiant.errors import InputError
from littlegiant.load import consistency, profile, rules
from littlegiant.load.answers import read_typed

runner = CliRunner()
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "LANG": "en_US.UTF-8"}
AS_OF = {"miit-2022": "2026-03-01", "miit-2026": "2026-11-26"}

# (part, whole, the whole's value, one over it, the rule set whose criteria read the part)
RELATIONS = [
    ("ip.class1_self_developed", "ip.class1", "4", "5", "miit-2026"),
    ("ip.class1_high_value", "ip.class1", "4", "5", "miit-2026"),
    ("ip.class1_applied", "ip.class1", "4", "5", "miit-2026"),
    ("ip.class1_top3_holder", "ip.class1", "4", "5", "miit-2026"),
    ("financials.2025.main_revenue", "financials.2025.revenue", "12000", "12000.01", "miit-2026"),
    ("rd_staff", "employees", "260", "261", "miit-2022"),
    ("tech_staff", "employees", "260", "261", "miit-2026"),
]
IDS = [r[0] for r in RELATIONS]


def invoke(*args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(args), env=ENV, input=stdin)


def example_with(tmp_path: Path, rule_id: str, **values: str) -> Path:
    """The 2026 Little Giant example with some figures replaced (dotted path → typed text), as a file."""
    rs = rules.load(rule_id)
    data = flat(EXAMPLES / "little-giant-2026.yaml", rule_id)
    for path, text in values.items():
        data[path] = read_typed(profile.field_for_path(rs, path), text)[0]
    out = tmp_path / "co.yaml"
    out.write_text(dump_profile(nested(data), "# test\n"), encoding="utf-8")
    return out


# how the figures of RELATIONS read in an English message: grouped, every digit, with their unit
EN_FIGURES = {"4": "4 items", "5": "5 items", "12000": "12,000 (10k CNY)", "12000.01": "12,000.01 (10k CNY)",
              "260": "260 people", "261": "261 people"}


def en_label(rule_id: str, path: str) -> str:
    """The English label a reader knows ``path`` by (with its year), from the rule data."""
    return profile.input_label(profile.field_for_path(rules.load(rule_id), path), path).en


def one_line_naming(said: str, part: str, over: str, whole: str, at: str, rule_id: str) -> None:
    """One English line naming the part and the whole by their labels and figures, and in its place, as
    every English error names its field, by their paths (docs/criteria.md §8a: "naming both fields")."""
    assert said.count("\n") <= 1 and "Traceback" not in said, said
    assert (f"{part}, {whole}: {en_label(rule_id, part)} is {EN_FIGURES[over]}, more than {en_label(rule_id, whole)} at "
            f"{EN_FIGURES[at]}: a part cannot exceed its whole") in said, said


@pytest.mark.parametrize(("part", "whole", "at", "over", "rule_id"), RELATIONS, ids=IDS)
def test_a_profile_file_with_a_part_over_its_whole_is_refused(tmp_path: Path, part: str, whole: str, at: str,
                                                              over: str, rule_id: str) -> None:
    """assess: the part equal to its whole runs; one over exits 2 with one line naming both figures."""
    args = ("--rules", rule_id, "--as-of", AS_OF[rule_id], "--format", "json")
    ok = invoke("assess", str(example_with(tmp_path, rule_id, **{whole: at, part: at})), *args)
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout)["tiers"]
    bad = invoke("assess", str(example_with(tmp_path, rule_id, **{whole: at, part: over})), *args)
    assert bad.exit_code == 2 and bad.stdout == ""
    one_line_naming(bad.stderr, part, over, whole, at, rule_id)
    assert "co.yaml:" in bad.stderr  # the file and the line of the part


@pytest.mark.parametrize(("part", "whole", "at", "over", "rule_id"), RELATIONS, ids=IDS)
def test_set_cannot_put_a_part_over_its_whole(tmp_path: Path, part: str, whole: str, at: str, over: str,
                                              rule_id: str) -> None:
    """--set: a what-if that puts a part over its whole exits 2, whichever of the two it moves."""
    src = str(EXAMPLES / "little-giant-2026.yaml")
    args = ("--rules", rule_id, "--as-of", AS_OF[rule_id])
    assert invoke("assess", src, *args, "--set", f"{whole}={at}", "--set", f"{part}={at}").exit_code == 0
    bad = invoke("assess", src, *args, "--set", f"{whole}={at}", "--set", f"{part}={over}")
    assert bad.exit_code == 2
    one_line_naming(bad.stderr, part, over, whole, at, rule_id)
    assert bad.stderr.startswith("littlegiant: error: --set: ")
    lowered = invoke("assess", src, *args, "--set", f"{part}={over}", "--set", f"{whole}={at}")
    assert lowered.exit_code == 2  # the whole moved under its part


@pytest.mark.parametrize(("part", "whole", "at", "over", "rule_id"), RELATIONS, ids=IDS)
def test_a_batch_row_with_a_part_over_its_whole_is_an_error_row(tmp_path: Path, part: str, whole: str, at: str,
                                                                over: str, rule_id: str) -> None:
    """batch: the row at the edge is scored, the row one over is an error row naming both; no row is lost."""
    src = tmp_path / "in.csv"
    src.write_text(f"name,industry,{whole},{part}\nEdge,industrial,{at},{at}\nOver,industrial,{at},{over}\n",
                   encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps(nested({whole: Decimal(at), part: Decimal(over)}), default=str).replace('"' + over + '"', over)
                     .replace('"' + at + '"', at) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), str(jsonl), "--output", str(out), "--rules", rule_id,
                               "--as-of", AS_OF[rule_id], "--columns", "ids"], env=ENV)
    assert done.exit_code == 1
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["scored", "error", "error"]
    for row in rows[1:]:
        one_line_naming(row["error"], part, over, whole, at, rule_id)


def questions_before(rule_id: str, path: str, preset: dict[str, str]) -> int:
    """How many questions the interview asks before ``path`` when every one is answered "don't know"."""
    rs = rules.load(rule_id)
    iv = Interview(rs, date.fromisoformat(AS_OF[rule_id]))
    for p, text in preset.items():
        iv.record(p, read_typed(profile.field_for_path(rs, p), text)[0])
    n = 0
    while (q := iv.next_question()) is not None and q.path != path:
        iv.answer(q, "")
        n += 1
    assert q is not None, f"{path} is never asked under {rule_id}"
    return n


@pytest.mark.parametrize(("part", "whole", "at", "over", "rule_id", "lang"),
                         [(*r, "zh" if i % 2 == 0 else "en") for i, r in enumerate(RELATIONS)], ids=IDS)
def test_the_interview_refuses_a_part_over_its_whole_and_asks_again(tmp_path: Path, part: str, whole: str, at: str,
                                                                    over: str, rule_id: str, lang: str) -> None:
    """Interview: an answer over the whole is refused in words and asked again; the answer at the edge is kept."""
    n = questions_before(rule_id, part, {whole: at})
    answers = "\n" * (n + 1) + f"{over}\n{at}\n" + "\n" * 200  # + 1: the company name comes first
    save = tmp_path / "answers.yaml"
    done = runner.invoke(app, ["assess", "--rules", rule_id, "--as-of", AS_OF[rule_id], "--lang", lang,
                               "--save", str(save), "--set", f"{whole}={at}"], env=ENV, input=answers)
    assert done.exit_code == 0, done.output
    said = done.stderr
    if lang == "zh":
        assert "多于" in said and "其中的部分不能超过总数" in said and "请重新输入" in said
    else:
        assert "more than" in said and "a part cannot exceed its whole" in said and "Please answer again" in said
    assert part not in said.split("✗")[1].split("\n")[0]  # the retry line is words, not paths
    kept = profile.load_profile(save, rules.load(rule_id)).values
    assert kept[part] == kept[whole] == Decimal(at)


def test_the_interview_refuses_a_whole_under_a_part_already_given(tmp_path: Path) -> None:
    """Interview: the whole answered below a part given before is refused the same way."""
    n = questions_before("miit-2026", "ip.class1", {"ip.class1_applied": "3"})
    answers = "\n" * (n + 1) + "2\n3\n" + "\n" * 200  # + 1: the company name comes first
    done = runner.invoke(app, ["assess", "--as-of", "2026-11-26", "--lang", "zh", "--save", str(tmp_path / "a.yaml"),
                               "--set", "ip.class1_applied=3"], env=ENV, input=answers)
    assert done.exit_code == 0, done.output
    assert "「实际应用并已产生经济效益的Ⅰ类知识产权」为 3项，多于「与主导产品相关的有效Ⅰ类知识产权」2项" in done.stderr
    assert profile.load_profile(tmp_path / "a.yaml", rules.load("miit-2026")).values["ip.class1"] == Decimal(3)


def test_unknown_parts_or_wholes_are_no_violation() -> None:
    """Both unknown, or one unknown: nothing is known to disagree, so the profile is accepted."""
    rs = rules.load("miit-2026")
    for data in ({}, {"ip": {"class1_applied": 9}}, {"ip": {"class1": 0}}, {"financials": {2025: {"main_revenue": 5}},
                                                                            "employees": 1, "tech_staff": None}):
        assert consistency.part_violations(rs, dict(profile.from_data(data, rs, "<t>").values)) == []


def test_an_overlay_declares_its_own_part_and_the_loader_checks_the_reference(tmp_path: Path) -> None:
    """Rule authors declare part_of in an overlay; a reference to no field is reported with file and line."""
    good = tmp_path / "good.yaml"
    good.write_text("format: 1\nid: local\nextends: miit-2026\nfields:\n"
                    "  female_staff: {path: female_staff, type: int, min: 0, part_of: employees, zh: 女职工, en: Women staff, help: {zh: 说明, en: Help}}\n",
                    encoding="utf-8")
    rs = rules.load(good)
    assert profile.from_data({"employees": 10, "female_staff": 10}, rs, "<t>").values["female_staff"] == 10
    with pytest.raises(profile.PartExceedsWhole, match=r"^<t>: female_staff, employees: Women staff is 11, more than Employees at last year end at 10 "
                                                          r"people: a part cannot exceed its whole$"):
        profile.from_data({"employees": 10, "female_staff": 11}, rs, "<t>")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: local\nextends: miit-2026\nfields:\n"
                   "  female_staff: {path: female_staff, type: int, min: 0, part_of: staff, zh: 女职工, en: Women staff, help: {zh: 说明, en: Help}}\n"
                   "  boss: {path: boss, type: text, part_of: employees, zh: 负责人, en: Head, help: {zh: 说明, en: Help}}\n",
                   encoding="utf-8")
    problems = [str(e) for e in rules.validate(bad)]
    assert any(p.startswith(f"{bad}:5:") and "'staff' is not a field" in p for p in problems), problems
    assert any(":6:" in p and "must both be numbers" in p for p in problems), problems
    with pytest.raises(InputError):
        rules.load(bad)


WITHIN_FIELD = """\
  {fid}:
    path: {path}
    type: int
    min: 0
    part_of: ip_class1
    within: {within}
    unit: 项
    zh: 自主研发、已应用并产生效益、本企业为前三位权利人的Ⅰ类知识产权
    en: Class I IP top3
    help: {{zh: 说明, en: help}}
"""


@pytest.mark.parametrize(("within", "extra", "en", "zh"), [
    ("[ip_class1_self]", ("ip_class1_self", "ip.class1_self_developed", "[ip_class1_top3]"),
     ":22: fields.ip_class1_self.within: within goes round in a circle: ip_class1_self -> ip_class1_top3 -> "
     "ip_class1_self", "within 形成了循环：ip_class1_self -> ip_class1_top3 -> ip_class1_self"),
    ("null", None, ":12: fields.ip_class1_top3.within: expected a list of field ids, got nothing",
     "应是数据项编号的列表，现在是空的"),
    ("[]", None, ":12: fields.ip_class1_top3.within: an empty list compares nothing: name the fields, or leave "
     "within out", "列表是空的，什么也不比较：请列出数据项编号，或删去 within"),
    ("[platform_score]", None, ":12: fields.ip_class1_top3.within: 'ip_class1_top3' ('项') and 'platform_score' ('分') "
     "must be in the same unit", "“ip_class1_top3”（“项”）和“platform_score”（“分”）的单位应相同"),
    ("[ip_class1]", None, ":12: fields.ip_class1_top3.within: 'ip_class1_top3' is part of 'ip_class1' already "
     "(part_of): within says it again", "“ip_class1_top3”已是“ip_class1”的一部分（part_of），within 无需再写"),
    ("[ip_class1_self, ip_class1_self]", None, ":12: fields.ip_class1_top3.within: 'ip_class1_self' is listed twice",
     "“ip_class1_self”列了两次"),
    ("[ip_class1_self, 1]", None, ":12: fields.ip_class1_top3.within: expected a list of field ids, and each item a "
     "field id, got 1", "应是数据项编号的列表，每一项都应是数据项编号，其中有 1"),
])
def test_a_within_that_compares_nothing_is_refused_with_its_line(tmp_path: Path, within: str,
                                                                 extra: tuple[str, str, str] | None, en: str,
                                                                 zh: str) -> None:
    """``within:`` says each of a count is one of another's (4 top-3 Ⅰ类 are 4 applied): a circle of them, an
    empty value or list, another unit (项 within 分), its own whole (part_of says it), an id twice or an item that is
    no id compares nothing the rule author meant. Each passed ``rules validate`` as ok (or, for ``[1]``,
    named no item); each is refused with its line, in English and Chinese."""
    text = "format: 1\nid: local\nextends: miit-2026\ntitle: {zh: 测试, en: test}\nsource: test\nfields:\n"
    text += WITHIN_FIELD.format(fid="ip_class1_top3", path="ip.class1_top3_holder", within=within)
    if extra is not None:
        text += WITHIN_FIELD.format(fid=extra[0], path=extra[1], within=extra[2])
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    for lang, said in (("en", en), ("zh", zh)):
        done = CliRunner().invoke(app, ["rules", "validate", str(bad), "--lang", lang], env=ENV)
        assert done.exit_code == 2, done.output
        assert f"{bad}{said}" in done.output.replace("\n", "") if said.startswith(":") else said in done.output, \
            done.output


# ------------------------------------------------------------------ unusual figures: warnings


UNUSUAL = {  # figures changed in the 2026 Little Giant example → the warning each gives
    "rd": ({"financials.2025.rd_expense": "12000.01"}, "above", "financials.2025.rd_expense"),
    "debt": ({"financials.2025.total_liabilities": "15000.01"}, "above", "financials.2025.total_liabilities"),
    "growth": ({"financials.2024.revenue": "1999.99", "financials.2024.main_revenue": "1999.99"}, "growth",
               "financials.2025.revenue"),
}
EDGES = {"financials.2025.rd_expense": "6000", "financials.2025.total_liabilities": "15000",
         "financials.2024.revenue": "2000", "financials.2024.main_revenue": "2000"}
# equal (R&D: exactly half of revenue, consistency.SHARE_MOST; equal to it is over half); growth exactly +500%


@pytest.mark.parametrize("name", list(UNUSUAL))
def test_unusual_figures_are_warnings_in_every_format_never_errors(tmp_path: Path, name: str) -> None:
    """R&D over revenue, liabilities over assets, growth beyond ±500%: a warning in json, text, markdown and html."""
    changes, kind, path = UNUSUAL[name]
    src = example_with(tmp_path, "miit-2026", **changes)
    doc = invoke("assess", str(src), "--as-of", "2026-11-26", "--format", "json")
    assert doc.exit_code == 0
    warnings = json.loads(doc.stdout)["warnings"]
    assert [(w["kind"], w["path"]) for w in warnings] == [(kind, path)]
    for fmt, lang, words in (("text", "zh", "少见，请核对"), ("markdown", "en", "unusual, please check"),
                             ("html", "zh", "请先核对")):
        shown = invoke("assess", str(src), "--as-of", "2026-11-26", "--format", fmt, "--lang", lang)
        out = re.sub(r"\s+", "", shown.stdout) if fmt == "text" else shown.stdout  # the terminal wraps lines
        assert shown.exit_code == 0 and words in out, shown.stdout
    clean = invoke("assess", str(example_with(tmp_path, "miit-2026", **{p: EDGES[p] for p in changes})),
                   "--as-of", "2026-11-26", "--format", "json")
    assert json.loads(clean.stdout)["warnings"] == []


def test_more_top3_held_than_applied_or_self_developed_is_a_warning_not_an_error(tmp_path: Path) -> None:
    """Ⅰ类 held as a top-3 right holder are self-developed and applied by definition (CONTRACT §2), but
    criteria.md §8a refuses only a part above its whole (Ⅰ类): 5 of them beside 1 self-developed and 0
    applied is assessed, and each pair is said to check, in the report and the JSON; at 5, 5 and 5 nothing."""
    src = example_with(tmp_path, "miit-2026", **{"ip.class1_top3_holder": "5", "ip.class1_self_developed": "1",
                                                 "ip.class1_applied": "0"})
    doc = invoke("assess", str(src), "--as-of", "2026-11-26", "--format", "json")
    assert doc.exit_code == 0, doc.output
    found = [(w["kind"], w["path"]) for w in json.loads(doc.stdout)["warnings"]]
    assert found == [("within", "ip.class1_top3_holder")] * 2
    shown = invoke("assess", str(src), "--as-of", "2026-11-26", "--lang", "zh")
    out = re.sub(r"\s+", "", shown.stdout)
    assert ("「自主研发、已应用并产生效益、本企业为前三位权利人的Ⅰ类知识产权」5项，多于「实际应用并已产生经济效益的Ⅰ类知识产权」"
            "0项：按定义前者每一项都属于后者，请核对") in out, shown.stdout
    assert "多于「自主研发获得的Ⅰ类知识产权（不含受让）」1项" in out
    en = invoke("assess", str(src), "--as-of", "2026-11-26", "--lang", "en", "--format", "markdown")
    assert "by definition each of the first is one of the second; please check" in en.stdout
    edge = example_with(tmp_path, "miit-2026", **{p: "5" for p in (
        "ip.class1_top3_holder", "ip.class1_self_developed", "ip.class1_applied")})
    clean = invoke("assess", str(edge), "--as-of", "2026-11-26", "--format", "json")
    assert json.loads(clean.stdout)["warnings"] == []


def test_growth_warning_words_and_batch_column(tmp_path: Path) -> None:
    """A revenue jump beyond +500% reads as a sentence with both years' figures, also in a batch row's column."""
    rs = rules.load("miit-2026")
    values = {"financials.2025.revenue": Decimal(7000), "financials.2024.revenue": Decimal(1000)}
    (w,) = consistency.unusual_figures(rs, values)
    assert w.kind == consistency.GROWTH and w.growth == 600 and w.limit == 500
    src = tmp_path / "in.csv"
    src.write_text("name,industry,financials.2025.revenue,financials.2024.revenue,financials.2025.rd_expense\n"
                   "Jump,industrial,7000,1000,10\nCalm,industrial,6000,1000,10\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "--output", str(out), "--as-of", "2026-11-26", "--lang", "zh"],
                         env=ENV)
    assert done.exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["需核对的数据"] == "「营业收入（2025年）」7,000万元，比上年（1,000万元）变化 +600%，超过 ±500%：少见，请核对"
    assert rows[1]["需核对的数据"] == ""  # exactly +500%
    assert [r["处理结果"] for r in rows] == ["已评估", "已评估"]


# ------------------------------------------------------------------ 数据造假 and the 2026 tax line


def test_data_fabrication_is_in_every_profile_the_template_and_the_schema() -> None:
    """compliance.data_fabrication is accepted under both rule sets and offered by init and schema."""
    for rule_id in AS_OF:
        rs = rules.load(rule_id)
        assert profile.from_data({"compliance": {"data_fabrication": True}}, rs, "<t>").values == {
            "compliance.data_fabrication": True}
    template = invoke("init", "--rules", "miit-2022", "--lang", "zh")
    assert template.exit_code == 0 and "data_fabrication:" in template.stdout and "数据造假" in template.stdout
    schema = json.loads(invoke("schema", "--rules", "miit-2022").stdout)
    assert schema["properties"]["compliance"]["properties"]["data_fabrication"]["type"] == ["boolean", "null"]


def test_the_2026_tax_line_is_shown_for_review_with_its_reason_at_80_columns() -> None:
    """zh at 80 columns: the tax line awaits review, the reason is readable in full, and the advice says who decides."""
    shown = invoke("assess", str(EXAMPLES / "red-line.yaml"), "--as-of", "2026-11-26", "--lang", "zh").stdout
    text = "".join(line.strip("│ ") for line in shown.splitlines())
    assert "待审核" in text and "所读到的2026年办法文本未列出偷漏税" in text and "由认定机关判断" in text
    assert "待认定机关审核：近三年有偷漏税等违法违规行为" in text  # the summary line says why, first
    assert "✘ 不满足    参评基本条件" not in shown
    doc = json.loads(invoke("assess", str(EXAMPLES / "red-line.yaml"), "--as-of", "2026-11-26", "--format", "json").stdout)
    tax = next(c for c in doc["tiers"]["little_giant"]["criteria"] if c["id"] == "gate.tax_violation")
    assert tax["status"] == "manual_review" and tax["confidence"] == "recalled" and "does not list" in tax["note"]
    assert doc["warnings"] == []
    old = json.loads(invoke("assess", str(EXAMPLES / "red-line.yaml"), "--as-of", "2026-03-01", "--format", "json").stdout)
    assert {t["status"] for t in old["tiers"].values()} == {"unmet"}  # miit-2022: still a veto


def test_a_share_that_may_be_a_fraction_is_warned_of_never_changed(tmp_path: Path) -> None:
    """0.125 in an unformatted 国内细分市场占有率 cell was read as 0.125% and failed the 10% share with no
    word. A share above 0 and at most 1 is read as typed and warned of, naming the percent it would be;
    just above 1, 0, or 12.5 is no warning. The workbook's %-formatted cell (12.5%) is read as 12.5."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "主导产品国内细分市场占有率", "主导产品国际细分市场占有率"])
    for name, domestic, international in (("甲", 0.125, 0.08), ("乙", 1, 1.01), ("丙", 12.5, 0), ("丁", 0.125, None)):
        ws.append([name, domestic, international])
    ws["B5"].number_format = "0.0%"  # 丁: 12.5% as Excel shows a formatted cell
    book.save(tmp_path / "shares.xlsx")
    out = tmp_path / "out.jsonl"
    run = invoke("batch", str(tmp_path / "shares.xlsx"), "-o", str(out), "--format", "json", "--as-of", "2026-11-26",
                 "--lang", "zh")
    assert run.exit_code == 0, run.stderr
    found = {r["result"]["name"]: r["result"] for r in map(json.loads, out.read_text("utf-8").splitlines())}
    warned = {name: [(w["path"], w["value"]) for w in r["warnings"] if w["kind"] == "fraction"] for name, r in found.items()}
    assert warned == {"甲": [("market.domestic_share", 0.125), ("market.international_share", 0.08)],
                      "乙": [("market.domestic_share", 1)], "丙": [], "丁": []}
    said = next(w["message"] for w in found["甲"]["warnings"] if w["kind"] == "fraction")
    assert said == "「主导产品国内细分市场占有率」0.125%：如果填的是小数（0.125 即 12.5%），请改填 12.5；请核对"
    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    share = Question("market.domestic_share", profile.field_for_path(rs, "market.domestic_share"), None)
    (concern,) = iv.concerns(share, Decimal("0.125"))
    assert concern.kind == "fraction" and not concern.refused and iv.concerns(share, Decimal("12.5")) == []


def test_a_share_typed_with_its_percent_sign_is_no_fraction(tmp_path: Path) -> None:
    """0.5% in a share's cell was warned of as "0.5 may be a fraction, enter 50", though the % says
    which it is. With its sign (0.5%, 0.5％, a cell Excel shows as 0.5%, 百分之零点五) a share is no
    fraction, in a sheet, a profile file and --set alike; a bare 0.5 beside it is still warned of."""
    from openpyxl import Workbook

    sheet = tmp_path / "shares.csv"
    sheet.write_text("企业名称,主导产品国内细分市场占有率,主导产品国际细分市场占有率\n"
                     "甲,0.5%,0.5\n乙,0.8％,百分之零点五\n丙,约0.5%,0.5\n", encoding="utf-8")
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "主导产品国内细分市场占有率", "主导产品国际细分市场占有率"])
    ws.append(["丁", 0.005, 0.5])
    ws["B2"].number_format = "0.0%"
    book.save(tmp_path / "shares.xlsx")
    checked: dict[str, str] = {}
    for src in (sheet, tmp_path / "shares.xlsx"):
        out = tmp_path / f"{src.suffix[1:]}.csv"
        run = invoke("batch", str(src), "-o", str(out), "--as-of", "2026-11-26", "--lang", "zh")
        assert run.exit_code == 0, run.stderr
        checked |= {r["企业名称"]: r["需核对的数据"] for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    bare = "「主导产品国际细分市场占有率」0.5%：如果填的是小数（0.5 即 50%），请改填 50；请核对"
    assert checked == {"甲": bare, "乙": "", "丙": bare, "丁": bare}
    typed = tmp_path / "typed.yaml"
    typed.write_text("name: 戊\nmarket: {domestic_share: 0.5%, international_share: 0.5}\n", encoding="utf-8")
    doc = json.loads(invoke("assess", str(typed), "--as-of", "2026-11-26", "--format", "json").stdout)
    assert [w["path"] for w in doc["warnings"] if w["kind"] == "fraction"] == ["market.international_share"]
    doc = json.loads(invoke("assess", str(typed), "--as-of", "2026-11-26", "--format", "json",
                            "--set", "market.international_share=0.5%", "--set", "market.domestic_share=0.5").stdout)
    assert [w["path"] for w in doc["warnings"] if w["kind"] == "fraction"] == ["market.domestic_share"]


AMOUNTS = st.decimals(min_value=Decimal("-2000000"), max_value=Decimal("2000000"), places=2, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(this=AMOUNTS, before=AMOUNTS, ratio=st.sampled_from(["6", "5.99999999999", "6.0000000001", "-4", "-4.0000001", "1"]),
       near=st.booleans(), staff=st.integers(min_value=-5, max_value=30000), rank=st.integers(min_value=0, max_value=40))
def test_the_cheap_growth_and_size_tests_agree_with_the_exact_ones(this: Decimal, before: Decimal, ratio: str,
                                                                   near: bool, staff: int, rank: int) -> None:
    """unusual_figures passes most rows by a cheap test (two products a year-on-year pair; the largest
    and smallest figure of those that share a size limit) and works the figures out exactly only when it
    fails: a row at the edge of 500% growth or of a plausible size is found as the exact check finds it."""
    rs = rules.load("miit-2026")
    if near:  # this year at (about) six times last year, or a fall to -4 times: the edges of ±500%
        this = before * Decimal(ratio)
    values: dict[str, Any] = {"employees": Decimal(staff), "national_rank": Decimal(rank),
                              "financials.2025.net_profit": -this, "financials.2025.revenue": this,
                              "financials.2024.revenue": before}
    found = consistency.unusual_figures(rs, values)
    checks = consistency._checks(rs, values)
    growth = [now for f, now, _, _ in checks.growth if before > 0 and abs((this / before - 1) * 100) > f.warn_growth]
    large = [path for _, path, most, least in checks.large if not least <= values[path] <= most]
    assert [u.figure.path for u in found if u.kind == consistency.GROWTH] == growth
    assert [u.figure.path for u in found if u.kind == consistency.LARGE] == large


@pytest.mark.parametrize(("figures", "large"), [
    ({"employees": Decimal(9999), "financials.2025.revenue": Decimal("999999.99")}, []),
    ({"employees": Decimal(20000), "awards.national_rank": Decimal(30)}, []),
    ({"employees": Decimal(20001), "awards.national_rank": Decimal(31)}, ["employees", "awards.national_rank"]),
    ({"financials.2025.revenue": Decimal("Infinity"), "employees": Decimal(5)}, ["financials.2025.revenue"]),
    ({"financials.2025.net_profit": Decimal("-1000000.01")}, ["financials.2025.net_profit"]),
    ({"employees": 30000, "financials.2025.revenue": Decimal(5)}, []),  # no Decimal: no size said
])
def test_the_leading_digit_test_of_sizes_passes_only_what_is_within(figures: dict[str, Any], large: list[str]) -> None:
    """A row's figures are passed by their leading digits (``_within_sizes``) only when each is finite and
    plainly under its limit; one at the limit, past it, not finite or no Decimal is told by the exact test."""
    found = consistency.unusual_figures(rules.load("miit-2026"), figures)
    assert [u.figure.path for u in found if u.kind == consistency.LARGE] == large


@pytest.mark.parametrize(("lang", "given", "hint"), [
    ("zh", "financials.2025.revenue=2000", "要一起改，请再加 --set 主营业务收入（2025年）=…"),
    ("en", "financials.2025.revenue=2000", "to change them together, add --set financials.2025.main_revenue=…"),
    # a part set above its whole was told to add the very --set that failed (a user pass)
    ("zh", "financials.2025.main_revenue=4000", "要一起改，请再加 --set 营业收入（2025年）=…"),
    ("en", "financials.2025.main_revenue=4000", "to change them together, add --set financials.2025.revenue=…"),
])
def test_a_figure_set_past_its_part_or_whole_says_how_to_set_the_other_and_that_works(lang: str, given: str,
                                                                                      hint: str) -> None:
    """--set financials.2025.revenue=2000 under 2,300 of main revenue is refused (a part never exceeds its
    whole), and the message says how to change both, naming the figure not set: followed, as written
    (a label in zh, the field's path in English, where a label of 90 characters was cut at …), it runs."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import app

    args = ["assess", str(EXAMPLES / "tier1-only.yaml"), "--lang", lang, "--set", given]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 2 and refused.stderr.strip().endswith(hint), refused.stderr
    label = hint.split("--set ")[1].strip('"').removesuffix("=…")
    fits = "1900" if given.startswith("financials.2025.revenue") else "4500"
    assert CliRunner().invoke(app, [*args, "--set", f"{label}={fits}"]).exit_code == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_whole_set_below_several_parts_names_every_part_to_set(lang: str) -> None:
    """Ⅰ类 IP set to 2 under 4 self-developed, 3 applied and 4 top-3 ones: the hint named the first part
    alone, and followed, the run stopped on the next, then the third (a review). It names all three,
    and followed as written, the run goes through."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import app

    args = ["assess", str(EXAMPLES / "little-giant-2026.yaml"), "--lang", lang, "--set", "ip.class1=2"]
    refused = CliRunner().invoke(app, args)
    said = re.sub(r"\n *", "", refused.stderr).strip()
    assert refused.exit_code == 2 and said.count("--set ") == 3, said  # three to add
    named = re.findall(r"--set (\S+?)=…", said)
    assert len(named) == 3
    assert CliRunner().invoke(app, [*args, *(x for n in named for x in ("--set", f"{n}=1"))]).exit_code == 0


@pytest.mark.parametrize(("liabilities", "assets", "warned"), [
    ("0.45", "9000", True),  # 资产负债率 45% typed for the amount: a debt ratio of 0.005% passed every limit
    ("0.99", "100", True),
    ("0.99", "99", False),  # 1% of its assets, not under it: a tiny firm's real figure
    ("1", "9000", False),  # 1万元 (10,000 元) owed: an amount
    ("0", "9000", False),  # no debt at all is said as 0, no ratio
    ("45", "9000", True),  # 45 for 45% (the percent, not the fraction): 0.5% of the assets, asked as a ratio
    ("45", "4500", False),  # 1% of its assets: a real amount as far as can be told
    ("100", "90000", False),  # 100 is no debt ratio under 100%
])
def test_a_ratio_typed_for_the_liabilities_is_warned_of(tmp_path: Path, liabilities: str, assets: str,
                                                       warned: bool) -> None:
    """负债总额 0.45 (the 45% debt ratio a finance manager has at hand) with 资产总额 9,000万 read as 4,500 元
    owed, a debt ratio near 0% that passed the 70%/75% limits with no word. Under 1万元 and under 1% of
    the year's assets it is warned of in the report and the JSON, with the amount the ratio comes to;
    never changed, no verdict moved."""
    prof = tmp_path / "p.yaml"
    prof.write_text("name: 甲\nindustry: industrial\nemployees: 200\nfinancials:\n"
                    f"  2025: {{revenue: 8000, total_assets: {assets}, total_liabilities: {liabilities}}}\n",
                    encoding="utf-8")
    run = invoke("assess", str(prof), "--format", "json", "--as-of", "2026-11-26", "--lang", "zh")
    assert run.exit_code == 0, run.stderr
    found = [w for w in json.loads(run.stdout)["warnings"] if w["kind"] == "ratio"]
    assert bool(found) == warned, found
    if not warned:
        return
    (w,) = found
    assert (w["path"], w["compared_with"]) == ("financials.2025.total_liabilities", "financials.2025.total_assets")
    if liabilities == "0.45":
        assert w["message"] == ("「负债总额（2025年末）」0.45万元，不到「资产总额（2025年末）」9,000万元的1%：如果填的是比例"
                                "（0.45 即 45%），请改填金额（9,000万元 × 45% ≈ 4,050万元）；请核对")
        text = invoke("assess", str(prof), "--as-of", "2026-11-26", "--lang", "zh").stdout
        assert "如果填的是比例（0.45即45%），请改填金额" in "".join(text.split())
    if liabilities == "45":  # typed as its percent: said as typed, no 元 reading
        assert w["message"] == ("「负债总额（2025年末）」45万元，不到「资产总额（2025年末）」9,000万元的1%：如果填的是比例"
                                "（45 即 45%），请改填金额（9,000万元 × 45% ≈ 4,050万元）；请核对")
    rs = rules.load("miit-2026")
    iv = Interview(rs, date(2026, 11, 26))
    iv.values["financials.2025.total_assets"] = Decimal(assets)
    owed = Question("financials.2025.total_liabilities",
                    profile.field_for_path(rs, "financials.2025.total_liabilities"), 2025)
    (concern,) = iv.concerns(owed, Decimal(liabilities))
    assert concern.kind == "ratio" and not concern.refused and concern.other == "financials.2025.total_assets"


def test_a_ratio_typed_for_the_liabilities_is_questioned_in_the_interview(tmp_path: Path) -> None:
    """In a real terminal: 0.45 typed for 负债总额 after 资产总额 9,000 is questioned at once, with the amount
    the ratio comes to, as the report words it."""
    from tests.test_cli_interactive import Session

    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--set", "financials.2025.total_assets=9000",
                 "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    s.unknown_until("负债总额（2025年末）")
    said = "".join(s.reply("0.45").split())
    assert "负债总额（2025年末）0.45万元，不到资产总额（2025年末）9,000万元的1%：如果填的是比例（0.45即45%），应填金额约4,050万元。" \
        in said, said
    s.finish()


def test_a_debt_ratio_typed_as_its_percent_is_questioned_in_the_interview(tmp_path: Path) -> None:
    """45 typed for 负债总额 (the 45% debt ratio) after 资产总额 9,000: questioned as 45 即 45%, not as 0.45."""
    from tests.test_cli_interactive import Session

    s = Session(["assess", "--as-of", "2026-12-04", "--lang", "zh", "--set", "financials.2025.total_assets=9000",
                 "--save", "a.yaml"], tmp_path)
    s.answers("某公司")
    s.unknown_until("负债总额（2025年末）")
    said = "".join(s.reply("45").split())
    assert "负债总额（2025年末）45万元，不到资产总额（2025年末）9,000万元的1%：如果填的是比例（45即45%），应填金额约4,050万元。" \
        in said, said
    s.finish()


def test_a_ratio_typed_for_the_liabilities_in_a_sheet_in_yuan_is_said_as_typed(tmp_path: Path) -> None:
    """In a sheet whose amounts are in 元, 0.45 typed for 负债总额 reads as 0.000045万元: the warning told the
    user "0.000045 即 0.0045%" and an amount of 0.41万元. The ratio is the digits typed, 45%, and the amount
    it comes to 4,050万元."""
    sheet = tmp_path / "liab.csv"
    sheet.write_text("企业名称,行业,从业人员（上年末）,营业收入（2025年）（元）,资产总额（2025年末）（元）,负债总额（2025年末）（元）\n"
                     "甲公司,工业,50,30000000,90000000,0.45\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = invoke("batch", str(sheet), "-o", str(out), "--format", "json", "--as-of", "2026-06-01", "--lang", "zh")
    assert run.exit_code == 0, run.stderr
    (found,) = [w for w in json.loads(out.read_text("utf-8"))["result"]["warnings"] if w["kind"] == "ratio"]
    assert found["message"] == ("「负债总额（2025年末）」0.000045万元（即0.45元），不到「资产总额（2025年末）」9,000万元的1%："
                                "如果填的是比例（0.45 即 45%），请改填金额（9,000万元 × 45% ≈ 4,050万元）；请核对")
