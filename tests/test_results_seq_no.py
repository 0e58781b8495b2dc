"""The 序号 column of the results workbook, as park staff sort and filter it in Excel."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from tests.test_park_sheets import invoke


def _shown(value: object, number_format: str) -> str:
    """The text Excel shows for a 序号 cell: a zero-padding format (000) pads the number."""
    if isinstance(value, int) and set(number_format) == {"0"}:
        return str(value).rjust(len(number_format), "0")
    return str(value)


def _results(tmp_path: Path, numbers: list[str]) -> tuple[list[tuple[object, str]], list[tuple[object, str]]]:
    rows = "".join(f"{n},企业{i}号,{'3000' if i % 2 else 'abc'}\n" for i, n in enumerate(numbers))
    src = tmp_path / "名单.csv"
    src.write_text("序号,企业名称,营业收入（2025年）\n" + rows, encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    code, _, err = invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    assert code in (0, 1) and "Traceback" not in err, err
    book = load_workbook(out)
    results, errors = book.worksheets[0], book.worksheets[1]
    assert results["D1"].value == "序号" and errors["D1"].value == "序号"
    return ([(c.value, c.number_format) for c in results["D"][1:]],
            [(c.value, c.number_format) for c in errors["D"][1:]])


def test_a_park_numbered_001_to_120_gets_numbers_that_sort_in_its_order(tmp_path: Path) -> None:
    """A park numbering its list 001, 002 … 120 got 001 to 099 back as text and 100 to 120 as numbers:
    Excel sorts every number before any text, so sorting by 序号 gave 100 … 120, then 001 … 099. Now each
    is a number, shown as typed (001), on both the results and the errors sheet."""
    numbers = [f"{i:03d}" for i in range(1, 121)]
    cells, problems = _results(tmp_path, numbers)
    assert all(isinstance(v, int) for v, _ in cells + problems), {type(v) for v, _ in cells}
    assert [_shown(v, f) for v, f in cells] == numbers
    assert [_shown(v, f) for v, f in problems] == numbers[::2]
    assert sorted(cells, key=lambda c: c[0]) == cells  # sorted by 序号: the park's own order


@settings(max_examples=15, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 10**11).map(str), st.integers(0, 999).map(lambda i: f"{i:04d}"),
                          st.sampled_from(["A-01", "1-2", "12345678901234567890", "０１"])),
                min_size=1, max_size=6))
def test_every_seq_no_is_shown_as_typed_and_digits_are_all_numbers(numbers: list[str]) -> None:
    """Whatever a park types, the 序号 shows as typed; a column of digits is all numbers (sortable), and what
    would not show whole as a number in its column (10 digits or more, full-width digits, 1-2) stays text."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        cells, _ = _results(Path(folder), numbers)
    assert [_shown(v, f) for v, f in cells] == numbers
    for (value, _), typed in zip(cells, numbers, strict=True):
        plain = typed.isascii() and typed.isdigit() and len(typed) <= 9
        assert isinstance(value, int) == plain, (typed, value)


def test_a_year_numbered_seq_no_shows_whole_not_as_hashes(tmp_path: Path) -> None:
    """A park numbering its list by year, 20260001, got a number in a column 6 wide, which Excel shows as
    ######. The column now holds nine digits, and a longer 序号 stays text as typed."""
    src = tmp_path / "名单.csv"
    src.write_text("序号,企业名称,营业收入（2025年）\n20260001,甲,3000\n2026000000001,乙,3000\n", encoding="utf-8")
    out = tmp_path / "结果.xlsx"
    invoke("batch", str(src), "--lang", "zh", "-o", str(out))
    book = load_workbook(out)
    for ws in book.worksheets[:2]:
        assert ws["D1"].value == "序号" and ws.column_dimensions["D"].width >= len("20260001") + 1
    ws = book.worksheets[0]
    assert (ws["D2"].value, ws["D3"].value) == (20260001, "2026000000001")
