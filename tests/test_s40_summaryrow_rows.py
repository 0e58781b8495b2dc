"""A summary row's cheaper ways (issue #14) say what the plain ways said: the figure beside a failed
threshold (fmt's rounding test, now_text), and a JSON Lines file cut into blocks of whole, numbered lines."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from littlegiant.cli import batch
from littlegiant.core.result import UNMET, CriterionResult, row_maker
from littlegiant.load.rules import Text
from littlegiant.report import explanations, words
from littlegiant.report.explanations import fmt


def _misread_plain(q: Decimal, v: Decimal, near: Decimal | tuple[Decimal, ...]) -> bool:
    """The test as it was first written: an edge between ``q`` and ``v``, either end included."""
    if q == v:
        return False
    lo, hi = (q, v) if q < v else (v, q)
    edges = near if isinstance(near, tuple) else (near,)
    return any(lo <= edge <= hi for edge in edges)


figures = st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=6, allow_nan=False)
thresholds = st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3, allow_nan=False)


@given(figures, thresholds)
@settings(max_examples=500)
def test_a_figure_rounded_reads_across_a_threshold_as_before(v: Decimal, near: Decimal) -> None:
    for step in explanations._PLACES:
        q = v.quantize(step)
        assert explanations._misread(q, v, near) == _misread_plain(q, v, near)
        # and on the threshold itself, and a rounding away from it
        assert explanations._misread(near, v, near) == _misread_plain(near, v, near)
        assert explanations._misread(q, near, near) == _misread_plain(q, near, near)


@given(figures, st.lists(thresholds, min_size=1, max_size=4))
@settings(max_examples=200)
def test_a_figure_beside_band_edges_as_before(v: Decimal, edges: list[Decimal]) -> None:
    q = v.quantize(Decimal("0.01"))
    assert explanations._misread(q, v, tuple(edges)) == _misread_plain(q, v, tuple(edges))


@pytest.mark.parametrize(("value", "near", "said"), [
    ("79.995", "80", "79.995"),  # two places would read as the 80 it missed
    ("80.004", "80", "80.004"),
    ("80.005", "80", "80.01"),  # above it, rounded further above: 80.01 reads as it is
    ("59.034705634396515385696220317500", "80", "59.03"),
    ("79.99999999999999999999999", "80", "79.99999999999999999999999"),
    ("3", "3", "3"),
])
def test_a_quotient_beside_its_threshold(value: str, near: str, said: str) -> None:
    explanations._LONG.clear()
    assert fmt(Decimal(value), Decimal(near)) == said


def _row(value: object, unit: str | None = "%", op: str = ">=", threshold: object = Decimal(80),
         held_by: str | None = None, status: str = UNMET) -> CriterionResult:
    row = row_maker(id="x", kind="check", title=Text("主营业务收入占比", "main business share"), depth=0, parent=None,
                    required=True, op=op,
                    threshold=threshold, unit=unit, held_by=held_by)(status)
    row.value = value
    return row


@pytest.mark.parametrize(("row", "zh", "en"), [
    (_row(Decimal("59.034705634396515385696220317500")), "（现为59.03%）", " (now 59.03%)"),
    (_row(Decimal("1234.5"), "万元", threshold=Decimal(5000)), "（现为1,234.5万元）", " (now 12,345,000 CNY)"),
    (_row(Decimal(2), "年", threshold=Decimal(3)), "（现为2年）", " (now 2 years)"),
    (_row(Decimal(1), "年", threshold=Decimal(3)), "（现为1年）", " (now 1 year)"),
    (_row(Decimal(12), None, threshold=Decimal(20)), "（现为12）", " (now 12)"),
    (_row(Decimal(0), None, op="<=", threshold=Decimal(3)), "", ""),  # rank 0: no such award, not first place
    (_row(Decimal(0), "%", op=">=", threshold=Decimal(3)), "（现为0%）", " (now 0%)"),
    (_row(True, None), "", ""),
])
def test_a_failed_figure_beside_its_title(row: CriterionResult, zh: str, en: str) -> None:
    assert words.now_text(row, "zh") == zh
    assert words.now_text(row, "en") == en


def test_a_blank_part_held_below_the_bar_says_its_whole() -> None:
    row = _row(None, "万元", threshold=Decimal(100), held_by="financials.2025.rd_expense")
    row.inputs = {"financials.2025.rd_expense": Decimal(60)}
    assert words.now_text(row, "zh") == "（未填，最多也只有60万元）"
    row.status = "met"  # not failed: a figure of its own, or none
    assert words.now_text(row, "zh") == ""


lines = st.lists(st.one_of(st.just(""), st.just("  "), st.text("ab{}:\"中", min_size=1, max_size=40),
                           st.text("x", min_size=60, max_size=200)), min_size=0, max_size=60)


@given(lines, st.booleans(), st.integers(1, 7))
@settings(max_examples=150, deadline=None)
def test_a_json_lines_file_in_blocks_of_whole_numbered_lines(tmp_path_factory: pytest.TempPathFactory,
                                                             text: list[str], last_newline: bool, per: int) -> None:
    """Every byte once, in order, each block of whole lines (the last perhaps without its newline) and
    numbered by its first line, whatever the lines' lengths against a read's (BLOCK_BYTES, made small)."""
    path = tmp_path_factory.mktemp("blocks") / "in.jsonl"
    data = "\n".join(text) + ("\n" if last_newline and text else "")
    path.write_bytes(data.encode("utf-8"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "BLOCK_BYTES", 64)
        blocks = list(batch._jsonl_blocks(path, lines=per))
    assert b"".join(b.data for b in blocks) == data.encode("utf-8")
    number = 1
    for b in blocks:
        assert b.first == number
        assert b.data.endswith(b"\n") or b is blocks[-1]
        assert b.data.count(b"\n") <= per or len(b.data) >= 64  # a block of ``per`` lines, or of long ones
        number += b.data.count(b"\n")


def test_a_batch_of_blank_and_long_lines_numbers_each_company_by_its_line(tmp_path: Path) -> None:
    """Companies past the first read of a file (256 KB), between blank lines, keep their line numbers."""
    company = '{"name": "甲公司%d", "employees": 120, "industry": "industrial", "note": "%s"}'
    text = []
    for i in range(1, 1201):
        text.append("" if i % 97 == 0 else company % (i, "x" * (i % 500)))
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert path.stat().st_size > batch.BLOCK_BYTES
    items = [item for chunk in batch.read_chunks([path]) for item in batch.items_in(chunk)]
    assert [item.source for item in items] == [f"{path}:{i}" for i in range(1, 1201) if i % 97]
    assert all(f"甲公司{item.source.rpartition(':')[2]}" in item.payload.decode() for item in items)


names = st.lists(st.one_of(st.sampled_from(["甲公司", "乙 公司", "Acme Ltd", "ACME  ltd"]), st.just(""), st.just("not json"),
                           st.just("[1, 2]")), min_size=0, max_size=30)


@given(names, st.booleans())
@settings(max_examples=100, deadline=None)
def test_a_company_given_again_is_said_on_its_later_lines(tmp_path_factory: pytest.TempPathFactory,
                                                         given_names: list[str], last_newline: bool) -> None:
    """The reading process's name check: each later line of a company named before (names folded as norm
    folds them) gets note.same_name with the first line's place; blank and unreadable lines none."""
    path = tmp_path_factory.mktemp("names") / "in.jsonl"
    text = [f'{{"name": "{n}", "employees": 12}}' if n in ("甲公司", "乙 公司", "Acme Ltd", "ACME  ltd") else n
            for n in given_names]
    path.write_text("\n".join(text) + ("\n" if last_newline and text else ""), encoding="utf-8")
    first: dict[str, int] = {}
    expected = []
    for number, n in enumerate(given_names, 1):
        if n in ("", "not json", "[1, 2]"):
            continue
        key = batch._name_key(n)
        if key in first:
            expected.append((number, "note.same_name", f"{path}:{first[key]}"))
        else:
            first[key] = number
    chunks = list(batch.read_chunks([path], batch.ReadOptions(identity=lambda cells: [])))
    assert [note for chunk in chunks if isinstance(chunk, batch.Lines) for note in chunk.notes] == expected
