"""Cells pasted from a web page or a chat carry characters no one sees (a zero-width space, a byte-order mark,
a soft hyphen): a figure, an answer or a name so pasted reads as what the user sees. Real files in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.test_s39_peryear_join import DECLARED, VERDICTS, invoke, results

HEADER = ["企业名称", "所属行业", "从业人员", "营业收入（2024年）", "营业收入（2025年）", "研发费用（2024年）",
          "研发费用（2025年）", "是否高新技术企业", *DECLARED]
ROW = ["甲科技有限公司", "工业", "120", "5100", "6,300", "420", "510", "是", *DECLARED.values()]
UNSEEN = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def write(path: Path, row: list[str]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([HEADER, row])
        return path
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.append(row)
    wb.save(path)
    return path


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(ROW) - 1), st.sampled_from(UNSEEN), st.booleans()), min_size=1,
                max_size=4), st.sampled_from([".xlsx", ".csv"]))
def test_unseen_characters_change_nothing(tmp_path_factory: pytest.TempPathFactory,
                                          marks: list[tuple[int, str, bool]], suffix: str) -> None:
    """The row scores as the same row typed clean: no error row quoting a figure that looks right."""
    tmp_path = tmp_path_factory.mktemp("unseen")
    row = list(ROW)
    for column, mark, before in marks:
        row[column] = mark + row[column] if before else row[column] + mark
    out, plain = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    code, said = invoke("batch", str(write(tmp_path / f"名单{suffix}", row)), "-o", str(out), "--columns", "ids")
    assert code == 0, said
    code, said = invoke("batch", str(write(tmp_path / f"对照{suffix}", ROW)), "-o", str(plain), "--columns", "ids")
    assert code == 0, said
    keys = (*VERDICTS, "status", "next_step", "name")
    assert [{k: r[k] for k in keys} for r in results(out)] == [{k: r[k] for k in keys} for r in results(plain)]
