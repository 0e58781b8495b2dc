"""A CSV in UTF-16 without a byte-order mark (Excel's "Unicode 文本" saved as .csv by a tool that drops the mark),
headed in Chinese: read as the same list in UTF-8 is. It was refused, its header "not text in any encoding
tried", as the first character's NUL bytes were the only sign looked for, and 企 has none."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
HEADER = ["企业名称", "所属行业", "营业收入（2025年）（万元）", "研发费用（2025年）（万元）", "从业人员"]


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", "2026-11-26"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def text(rows: list[tuple[str, int, int, int]], delimiter: str) -> str:
    lines = [delimiter.join(HEADER)] + [delimiter.join([name, "工业", str(a), str(b), str(c)]) for name, a, b, c in rows]
    return "\r\n".join(lines) + "\r\n"


def results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: v for k, v in r.items() if k != "source"} for r in csv.DictReader(handle)]


name = st.text(st.sampled_from("一丁七万丈三上下不与丐丑专且世业丙东丝两严丧个中丰串临丹为主举久么义乙科技有限公司"),
               min_size=2, max_size=12).map(lambda s: s + "有限公司")
row = st.tuples(name, st.integers(1, 90000), st.integers(0, 5000), st.integers(1, 900))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, min_size=1, max_size=6, unique_by=lambda r: r[0]),
       codec=st.sampled_from(["utf-16-le", "utf-16-be"]), suffix=st.sampled_from([(",", ".csv"), ("\t", ".txt")]))
def test_unmarked_utf16_reads_as_utf8_does(tmp_path: Path, rows: list[tuple[str, int, int, int]], codec: str,
                                           suffix: tuple[str, str]) -> None:
    delimiter, ending = suffix
    wide, plain = tmp_path / f"名单{ending}", tmp_path / f"对照{ending}"
    wide.write_bytes(text(rows, delimiter).encode(codec))  # no byte-order mark
    plain.write_bytes(text(rows, delimiter).encode("utf-8"))
    got, want = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    for src, out in ((wide, got), (plain, want)):
        out.unlink(missing_ok=True)
        code, said = invoke("batch", str(src), "-o", str(out), "--columns", "ids")
        assert code == 0, said
    assert results(got) == results(want)
    assert [r["name"] for r in results(got)] == [r[0] for r in rows]


def test_a_stray_nul_in_utf8_is_not_taken_for_utf16(tmp_path: Path) -> None:
    """One NUL in a UTF-8 list is that row's problem; the rest is read as UTF-8."""
    src = tmp_path / "名单.csv"
    src.write_bytes(text([("甲科技有限公司", 6000, 400, 100), ("乙制造有限公司", 7000, 300, 90)], ",")
                    .encode("utf-8").replace(b"6000", b"60\x0000"))
    out = tmp_path / "结果.csv"
    code, said = invoke("batch", str(src), "-o", str(out), "--columns", "ids")
    assert code == 1, said
    assert [(r["name"], r["status"]) for r in results(out)] == [("甲科技有限公司", "error"), ("乙制造有限公司", "scored")]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_the_screen_says_the_rows_read(tmp_path: Path, codec: str) -> None:
    src = tmp_path / "名单.csv"
    src.write_bytes(text([("甲科技有限公司", 6000, 400, 100)], ",").encode(codec))
    code, said = invoke("batch", str(src), "-o", str(tmp_path / "结果.csv"))
    assert code == 0 and "共读取 1 行，已评估 1 行，出错 0 行" in said and "读不出文字" not in said
