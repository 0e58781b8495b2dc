"""A park's rows screened from a notebook read as batch reads the same sheet: a province's column names its set,
batch's own results read back name their companies, and a DataFrame indexed by 企业名称 keeps its names."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app

DAY = date(2026, 11, 26)
runner = CliRunner()


def _shandong_rows(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    """The sheet ``init --csv --rules shandong-2022`` writes, two companies typed in, and its rows as
    csv.DictReader gives them (the notes row first)."""
    sheet = tmp_path / "山东名单.csv"
    made = runner.invoke(app, ["init", "--csv", str(sheet), "--rules", "shandong-2022", "--as-of", DAY.isoformat(),
                               "--lang", "zh"])
    assert made.exit_code == 0, made.output
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        header, notes = next(csv.reader(handle)), next(csv.reader(handle))
    filled = {"营业收入（2025年）": "8000", "从业人员（上年末）": "120", "主导产品属于山东省重点产业领域": "是",
              "在中华人民共和国境内工商注册登记、具有独立法人资格": "是"}
    rows = [dict(zip(header, notes, strict=True))]
    for name in ("济南甲精工有限公司", "青岛乙科技有限公司"):
        rows.append({h: {"企业名称": name, **filled}.get(h, "") for h in header})
    with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)
    return sheet, rows


def test_a_province_sheet_screened_under_the_national_set_names_the_set_not_a_national_question(tmp_path: Path) -> None:
    """Each row was told "did you mean 主导产品属于重点领域…?", a national question of other cases: a script
    following it would have put a Shandong answer into a national criterion. batch refuses the sheet naming
    shandong-2022; screen now says so on each row, in the API's words, the company named."""
    sheet, rows = _shandong_rows(tmp_path)
    batch = runner.invoke(app, ["batch", str(sheet), "--as-of", DAY.isoformat(), "--lang", "zh",
                                "-o", str(tmp_path / "out.csv")])
    assert batch.exit_code == 2 and "评估这份名单请加 --rules shandong-2022" in batch.output
    items = list(littlegiant.screen(rows, as_of=DAY, lang="zh"))
    assert [(i.index, i.name) for i in items] == [(1, "济南甲精工有限公司"), (2, "青岛乙科技有限公司")]
    for item in items:
        assert item.summary is None and item.error is not None
        assert "您是不是想写" not in item.error and "--rules" not in item.error
        assert item.error.startswith("“主导产品属于山东省重点产业领域”列：是「优质中小企业梯度培育管理暂行办法（2022）· 山东省特色化指标」"
                                     "才有的项目：请指定 rules=\"shandong-2022\"")
        # the sheet's four Shandong columns, each refused as batch refuses it
        assert [p.kind for p in item.problems] == ["column.other_set"] * 4
        assert item.problems[0].field == "主导产品属于山东省重点产业领域"
    with pytest.raises(littlegiant.InputError, match='pass rules="shandong-2022"'):
        littlegiant.read_profile(rows[1], as_of=DAY)


def test_the_same_province_sheet_screened_with_its_set_matches_batch(tmp_path: Path) -> None:
    sheet, rows = _shandong_rows(tmp_path)
    out = tmp_path / "结果.csv"
    batch = runner.invoke(app, ["batch", str(sheet), "--rules", "shandong-2022", "--as-of", DAY.isoformat(),
                                "--columns", "ids", "-o", str(out)])
    assert batch.exit_code == 0, batch.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        written = [(r["name"], r["innovative_sme_status"], r["zjtx_sme_status"], r["little_giant_status"])
                   for r in csv.DictReader(handle)]
    items = list(littlegiant.screen(rows, "shandong-2022", as_of=DAY))
    assert all(i.error is None for i in items), [i.error for i in items]
    assert [(i.name, *(i.summary.tiers[t].status for t in ("innovative_sme", "zjtx_sme", "little_giant")))
            for i in items if i.summary is not None] == written


@pytest.mark.parametrize("extra", [["--lang", "zh"], ["--lang", "en"], ["--columns", "ids"], ["--format", "json"]])
def test_batch_results_read_back_and_screened_name_each_company_and_what_to_screen(tmp_path: Path,
                                                                                   extra: list[str]) -> None:
    """Every item of a screen of batch's own output had name None (the JSON Lines error row alone kept its):
    a script listing what to fix could not say whose row it was. Each now names its company, and says to
    screen the list the results came from."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,营业收入（2025年）,从业人员（上年末）\n甲公司,8000,120\n乙公司,3000,-1\n", encoding="utf-8")
    out = tmp_path / ("结果.jsonl" if "json" in extra else "结果.csv")
    done = runner.invoke(app, ["batch", str(sheet), "--as-of", DAY.isoformat(), "-o", str(out), *extra])
    assert done.exit_code == 1, done.output  # one row in error
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = [json.loads(x) for x in handle] if out.suffix == ".jsonl" else list(csv.DictReader(handle))
    items = list(littlegiant.screen(rows, as_of=DAY, lang="zh"))
    assert [(i.index, i.name) for i in items] == [(0, "甲公司"), (1, "乙公司")]
    assert {i.error for i in items} == {"这是批量评估输出的一行评估结果，不是企业的数据：请改用原来企业名单的各行（要补充的数据也填在名单中）"}
    assert [p.kind for i in items for p in i.problems] == ["column.results_row"] * 2


class _IndexedFrame:
    """A pandas DataFrame after ``df.set_index("企业名称")``, as far as screen sees it: its records leave
    the index out, ``reset_index`` puts it back as the first column."""

    def __init__(self, rows: list[dict[str, str]], by: str) -> None:
        self.by = by
        self.rows = rows
        self.columns = [c for c in rows[0] if c != by]
        self.index = type("Index", (), {"names": [by]})()

    def __iter__(self) -> Any:
        return iter(self.columns)

    def to_dict(self, orient: str) -> list[dict[str, str]]:
        assert orient == "records"
        return [{c: r[c] for c in self.columns} for r in self.rows]

    def iterrows(self) -> Any:
        return iter(())

    def reset_index(self) -> Any:
        from tests.test_api_rows import _Frame

        return _Frame([{self.by: r[self.by], **{c: r[c] for c in self.columns}} for r in self.rows])


def test_a_sheet_indexed_by_company_name_is_screened_with_its_names_and_notes_row_skipped(tmp_path: Path) -> None:
    """``pd.read_excel(...).set_index("企业名称")``, a notebook's habit: every item had name None and the
    template's notes row, its 填写说明 moved into the index, was screened as a company with an error a column."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,从业人员（上年末）,营业收入（2025年）\n填写说明（本行不计入）：不知道的请留空,人,万元\n"
                     "甲公司,45,2500\n乙公司,-3,3000\n", encoding="utf-8")
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    plain = [(i.index, i.name, i.error) for i in littlegiant.screen(rows, as_of=DAY, lang="zh")]
    indexed = _IndexedFrame(rows, "企业名称")
    said = [(i.index, i.name, i.error) for i in littlegiant.screen(indexed, as_of=DAY, lang="zh")]  # type: ignore[arg-type]
    assert said == plain == [(1, "甲公司", None), (2, "乙公司", "“从业人员（上年末）”列：不能小于 0，现在是 -3")]


def test_an_example_profile_beside_the_rows_is_still_screened() -> None:
    item = next(littlegiant.screen([EXAMPLES / "tier1-only.yaml"], as_of=DAY))
    assert item.error is None and item.name == "宁波恒达密封件有限公司"


WARNED = """企业名称,从业人员（上年末）,营业收入（2025年）,营业收入（2024年）,研发费用（2025年）,主导产品国内细分市场占有率,近三年发生重大安全（含网络安全、数据安全）、质量、环境污染等事故
甲公司,120,8000,7000,约240,0.12,否
乙公司,30,80000000,70000000,500,15,
丙公司,10,5000,100,50,,
丁公司,80,6000,5000,300,12,
"""
"""A share typed as a fraction (what pandas gives for a 12% cell), a 约 figure near a bar, amounts in 元, a
jump from last year, and the 2022 incident question answered under 2026's."""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("as_of", "renewal"), [("2026-11-26", None), ("2027-02-01", "little_giant")])
def test_screen_items_say_the_figures_to_check_as_batch_rows_do(tmp_path: Path, lang: str, as_of: str,
                                                                 renewal: str | None) -> None:
    """A screen's items said nothing of a figure to check: 0.12 for a 12% share was judged as 0.12% without a
    word, where batch's 需核对的数据 asks to check it. Each item's warnings are now that cell's sentences."""
    sheet = tmp_path / "名单.csv"
    sheet.write_text(WARNED, encoding="utf-8")
    out = tmp_path / "结果.csv"
    args = ["--renewal", renewal] if renewal else []
    done = runner.invoke(app, ["batch", str(sheet), "--as-of", as_of, "--lang", lang, "--columns", "ids",
                               "-o", str(out), *args])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        cells = {r["name"]: r["warnings"] for r in csv.DictReader(handle)}
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    items = list(littlegiant.screen(rows, as_of=as_of, renewal=renewal, lang=lang))
    joined = {i.name: ("；" if lang == "zh" else "; ").join(i.warnings) for i in items}
    assert joined == cells
    assert any("0.12" in w for w in items[0].warnings)
    assert (items[3].warnings == ()) == (renewal is None)  # nothing to check, but a renewal of a title not held
