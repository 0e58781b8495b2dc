"""A park's sheet without the red-line columns: unknown stays unknown, and the run and each row say why.

Parks rarely keep 经营异常, 严重失信 and the other yes/no answers of 参评基本条件. Without them 科技和创新型 was 未知
on 1,846 of 1,850 rows of a park's sheet; answered 否, 1,278 of its 1,500 main-sheet companies are 满足, but only
66 of those rows said that the answers were all they lacked: the rest named a 专精特新 figure in 主要差距, so staff
could not tell "figures fine, declarations missing" from "figures missing". The run now names the absent
answers once, in full, with what to type once each company is checked; a row whose tier they alone leave open
says 「仅缺参评基本条件的回答」 in 主要差距, the same words on every such row, for a filter.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from tests.test_plan_step_order import AS_OF, ROW7
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()

ROW12 = {"企业名称": "昆山微电子生物股份有限公司", "所属行业": "制造业", "员工人数": 18, "其中：研发人员": 4,
         "2025年营业收入(万元)": 641.49, "2025年主营业务收入(万元)": 578.55, "2025年研发费用（万元）": 5.79,
         "2025年净利润(万元)": 28.69, "2024年营业收入(万元)": 602.05, "2024年主营业务收入(万元)": 542.98,
         "2024年研发费用（万元）": 5.85, "2023年营业收入(万元)": 497.58, "2023年主营业务收入(万元)": 448.76,
         "2025年末资产总额（万元）": 952.89, "2025年末负债总额（万元）": 624.69, "是否高新技术企业": "否",
         "是否专精特新中小企业": "否", "是否创新型中小企业": "否", "研发机构级别": "市级工程技术研究中心",
         "数字化水平": "二级", "有效Ⅰ类知识产权（件）": 0, "Ⅱ类知识产权（件）": 28}
"""The same park's row 12: R&D 5.79万 of 641.49万 (0.9%), no 高新, no Ⅰ类: its 科技和创新型 stays 未知 with every
red line answered 否 (the figures the 科技型 route reads are not all on the sheet)."""

ONLY = "科技和创新型中小企业仅缺参评基本条件的回答（确无经营异常、严重失信等情形即满足）"
LABELS = {"zh": ["在中华人民共和国境内工商注册登记、具有独立法人资格", "被列入经营异常名录", "被列入严重失信主体名单",
                 "产品（服务）属于国家禁止、限制或淘汰类",
                 "近三年发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题或严重违反相关行业管理规定",
                 "近三年有数据造假行为", "近三年有偷漏税等违法违规行为"]}


def sheet(path: Path, rows: list[dict[str, object]], extra: dict[str, str] | None = None) -> Path:
    """A park's sheet of ``rows``, with the columns ``extra`` (header: the same answer on every row) after them."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "企业名单"
    ws.append([*rows[0], *(extra or {})])
    for row in rows:
        ws.append([*row.values(), *(extra or {}).values()])
    book.save(path)
    return path


def results(path: Path) -> list[dict[str, object]]:
    rows = list(openpyxl.load_workbook(path)["评估结果"].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_a_row_its_figures_meet_says_only_the_red_line_answers_are_missing_and_stays_unknown(tmp_path: Path) -> None:
    """Row 7 (高新技术企业, which meets 创新型 directly) is 未知 for want of the answers alone: its 主要差距 names
    the 专精特新 R&D share it fails, then that; row 12 lacks figures too and says nothing of the kind. Both stay
    未知 (a missing answer is never a silent 否), in the workbook and in JSON Lines."""
    src = sheet(tmp_path / "园区企业摸底表.xlsx", [ROW7, ROW12])
    out = tmp_path / "结果.xlsx"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", AS_OF, "-q"])
    assert done.exit_code == 0, done.output
    seven, twelve = results(out)
    assert seven["科技和创新型中小企业"] == twelve["科技和创新型中小企业"] == "未知"
    assert seven["主要差距"] == f"专精特新中小企业：前年研发费用占营业收入比重不低于3%（现为2.93%）；{ONLY}"
    assert "仅缺" not in str(twelve["主要差距"]), twelve["主要差距"]
    lines = tmp_path / "结果.jsonl"
    assert runner.invoke(app, ["batch", str(src), "-o", str(lines), "--lang", "zh", "--as-of", AS_OF, "-q"]).exit_code == 0
    first = json.loads(lines.read_text(encoding="utf-8").splitlines()[0])
    assert first["innovative_sme_status"] == "unknown" and first["next_step"].endswith(ONLY)


def test_the_run_names_the_absent_answers_once_and_adding_them_as_it_says_decides_the_tier(tmp_path: Path) -> None:
    """The note names each of the 7 answers by a header the reader takes, says the rows are marked, and what
    to type; a sheet given those columns as it says (是 for 境内注册, 否 for the rest) makes row 7 满足 without
    the mark, while row 12 stays 未知. The old note listed five of 32 absent inputs with 「……」 and no way to
    add them but a template of every column."""
    src = sheet(tmp_path / "园区企业摸底表.xlsx", [ROW7, ROW12])
    out = tmp_path / "结果.xlsx"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", AS_OF])
    assert done.exit_code == 0, done.output
    said = [line for line in done.stderr.splitlines() if "参评基本条件" in line]
    assert len(said) == 1, done.stderr
    note = said[0]
    named = re.findall(r"“([^”]+)”", note[note.index("回答的列："):note.index("。")])
    assert named == LABELS["zh"], named
    assert "不会当作“否”" in note and "主要差距中写有“仅缺参评基本条件的回答”，可据此把它们挑出来" in note
    assert note.endswith("“在中华人民共和国境内工商注册登记、具有独立法人资格”一般填“是”，其余各列一般填“否”"
                         "（以逐家核实的实际情况为准），再评估一次"), note
    about = [c.value for c in openpyxl.load_workbook(out)["说明"]["B"]]
    assert note.removeprefix("littlegiant 提示：") in about
    other = next(line for line in done.stderr.splitlines() if "没有评估要用的" in line)
    assert not any(label in other for label in LABELS["zh"])  # named once

    answered = sheet(tmp_path / "补填后.xlsx", [ROW7, ROW12], {h: "是" if i == 0 else "否" for i, h in enumerate(named)})
    again = tmp_path / "补填后结果.xlsx"
    done = runner.invoke(app, ["batch", str(answered), "-o", str(again), "--lang", "zh", "--as-of", AS_OF])
    assert done.exit_code == 0, done.output
    assert "参评基本条件" not in done.stderr
    seven, twelve = results(again)
    assert seven["科技和创新型中小企业"] == "满足" and twelve["科技和创新型中小企业"] == "未知"
    assert "仅缺" not in str(seven["主要差距"]) + str(twelve["主要差距"])


@pytest.mark.parametrize("lang", ["en"])
def test_the_english_note_names_headers_the_reader_takes_too(tmp_path: Path, lang: str) -> None:
    """In English the note quotes the English labels, and a sheet headed with them is read as the answers."""
    src = sheet(tmp_path / "park.xlsx", [ROW7])
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--lang", lang, "--as-of", AS_OF])
    assert done.exit_code == 0, done.output
    note = next(line for line in done.stderr.splitlines() if "every tier shares" in line)
    assert "only the gate's yes/no answers are missing" in note and "never taken as no" in note
    named = re.findall(r"'([^']+)'", note[note.index("shares: "):note.index(". Each")])
    assert len(named) == 7
    answered = sheet(tmp_path / "answered.xlsx", [ROW7], {h: "yes" if i == 0 else "no" for i, h in enumerate(named)})
    done = runner.invoke(app, ["batch", str(answered), "-o", str(tmp_path / "again.csv"), "--lang", lang,
                               "--as-of", AS_OF])
    assert done.exit_code == 0, done.output
    assert "every tier shares" not in done.stderr
    assert ",met," in (tmp_path / "again.csv").read_text(encoding="utf-8-sig").splitlines()[1]
