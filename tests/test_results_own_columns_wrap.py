"""The park's own columns in the results workbook, as staff read them on screen and on paper."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from tests.test_park_sheets import invoke

NOTE = '已走访，拟推荐申报专精特新"小巨人"企业，需补充研发费用专项审计报告及知识产权证书复印件'


def _own_cells(folder: Path, notes: list[str]) -> list[tuple[object, ...]]:
    src = folder / "名单.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["企业名称", "营业收入（2025年）", "备注", "跟进人", "联系电话"])
        writer.writerows([f"企业{i}", 3000, n, "王经理", "0512-66660001"] for i, n in enumerate(notes))
    out = folder / "结果.xlsx"
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code in (0, 1) and "Traceback" not in err, err
    ws = load_workbook(out).worksheets[0]
    heads = [c.value for c in ws[1]]
    note, who, phone = heads.index("备注"), heads.index("跟进人"), heads.index("联系电话")
    return [(r[note].value, bool(r[note].alignment.wrap_text), ws.row_dimensions[r[0].row].height,
             bool(r[who].alignment.wrap_text), bool(r[phone].alignment.wrap_text))
            for r in ws.iter_rows(min_row=2)]


def test_a_long_remark_wraps_in_a_row_tall_enough_instead_of_being_cut_by_the_next_column(tmp_path: Path) -> None:
    """A 备注 of a sentence ran on as one line and was cut where 跟进人 began (on paper it spread over empty
    columns); it is now wrapped in its column, its row made tall for it, while a name or a phone number
    beside it is left on its one line."""
    ((note, wrapped, height, who, phone), (short, short_wrapped, _, _, _)) = _own_cells(tmp_path, [NOTE, "待核实"])
    assert note == NOTE and wrapped and height is not None and height >= 15 * 5
    assert short == "待核实" and not short_wrapped
    assert not who and not phone


@settings(max_examples=15, deadline=None)
@given(st.lists(st.text(alphabet="园区企业已走访待核实，跟进abc 0123", min_size=1, max_size=60), min_size=1, max_size=4))
def test_a_remark_is_wrapped_exactly_when_its_chinese_runs_past_its_column(notes: list[str]) -> None:
    """Chinese longer than its column (six characters of 16 units) wraps and its row is tall; a shorter note,
    or one without Chinese, stays on one line, as typed."""
    import tempfile

    notes = [n.strip() or "x" for n in notes]
    with tempfile.TemporaryDirectory() as folder:
        cells = _own_cells(Path(folder), notes)
    for typed, (note, wrapped, height, _, _) in zip(notes, cells, strict=True):
        units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in typed)
        chinese = units > len(typed)
        assert str(note) == typed
        assert wrapped == (chinese and units > 12), (typed, wrapped)
        if wrapped:
            assert height is not None and height >= 30
