"""Yes/no cells written as a form's two boxes, one ticked (☑是 □否, ■是 □否, □是 ☑否, 是☑ 否□), as a park's sheet
pasted from its application form holds them: read as the word ticked, each company's verdicts those of the same
sheet typed 是/否. Every such cell was refused, each company an error row. Real workbooks in."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke

HEADER = ["企业名称", "所属行业", "营业收入（2025年）（万元）", "研发费用（2025年）（万元）", "从业人员", *DECLARED]
STYLES = ("☑{yes} □{no}", "■{yes} □{no}", "{yes}☑ {no}□", "☒{yes} ☐{no}", "☑ {yes}　□ {no}")
"""How a form shows 是 ticked ({yes} the word ticked); each is written with 否 ticked too by swapping the boxes."""


def boxed(answer: str, style: str) -> str:
    if answer == "是":
        return style.format(yes="是", no="否")
    return style.format(yes="否", no="是")  # the words swap places, their boxes kept: 否 ticked


def sheet(path: Path, answers: list[list[str]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i, row in enumerate(answers):
        ws.append([f"企业{i}有限公司", "工业", 6000, 400, 120, *row])
    wb.save(path)
    return path


def results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.tuples(st.sampled_from(["是", "否"]), st.sampled_from(STYLES)),
                         min_size=len(DECLARED), max_size=len(DECLARED)), min_size=1, max_size=3))
def test_boxes_read_as_the_word_ticked(tmp_path: Path, rows: list[list[tuple[str, str]]]) -> None:
    plain, boxes = tmp_path / "是否.xlsx", tmp_path / "方框.xlsx"
    sheet(plain, [[answer for answer, _ in row] for row in rows])
    sheet(boxes, [[boxed(answer, style) for answer, style in row] for row in rows])
    out_plain, out_boxes = tmp_path / "是否结果.csv", tmp_path / "方框结果.csv"
    for src, out in ((plain, out_plain), (boxes, out_boxes)):
        out.unlink(missing_ok=True)
        code, said = invoke("batch", str(src), "-o", str(out), "--columns", "ids")
        assert code == 0, said
    keys = ("status", *VERDICTS, "next_step", "warnings")
    assert [{k: r[k] for k in keys} for r in results(out_boxes)] == [{k: r[k] for k in keys} for r in results(out_plain)]


def test_no_box_ticked_is_unanswered_and_both_ticked_is_refused(tmp_path: Path) -> None:
    """□是 □否: not answered, as a blank cell (unknown, never 否); ☑是 ☑否: the row's error, naming its column."""
    answers = list(DECLARED.values())
    src = sheet(tmp_path / "方框.xlsx", [["□是 □否", *answers[1:]], ["☑是 ☑否", *answers[1:]], ["", *answers[1:]]])
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(src), "-o", str(out))
    assert code == 1, said
    got = results(out)
    assert got[0]["处理结果"] == "已评估" and got[0]["主要差距"] == got[2]["主要差距"]
    assert got[1]["处理结果"] == "出错"
    assert got[1]["错误说明"] == f"“{HEADER[5]}”列（F列）：“☑是 ☑否”两个框都勾选了：请只勾选一个，或直接填“是”或“否”"
