"""A batch row's words for what holds a company back, as a park's staff read them in 主要差距.

A tier left 未知 though the row answers every question the tier asks (growth from a revenue of 0
cannot be computed) read 「尚待回答——近两年营业收入复合增长率…」: staff looked for the blank cell that
was not there. The report names the 0; the row names it too.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "little-giant-2026.yaml"
AS_OF = "2026-12-01"


def example() -> dict[str, Any]:
    """The shipped 2026 小巨人 example as a JSON-ready dict (years as text keys)."""
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for key in ("financials", "equity_financing"):
        data[key] = {str(y): v for y, v in data[key].items()}
    return data


def flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A profile as a sheet's row headed by field paths."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        if isinstance(v, dict):
            out |= flat(v, f"{prefix}{k}.")
        elif v is not None:
            out[f"{prefix}{k}"] = "是" if v is True else "否" if v is False else v
    return out


def rows_of(out: Path) -> list[dict[str, str]]:
    with out.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def zero_base() -> dict[str, Any]:
    data = example()
    data["name"] = "零基数公司"
    data["financials"]["2023"] |= {"revenue": 0, "main_revenue": 0}
    return data


def test_a_json_line_grown_from_zero_says_why_its_tier_is_unknown(tmp_path: Path) -> None:
    """Every question answered, 2023 revenue 0: the row names the 0 as the report does."""
    src = tmp_path / "企业.jsonl"
    src.write_text(json.dumps(zero_base(), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q"])
    assert done.exit_code == 0, done.output
    (row,) = rows_of(out)
    assert row["专精特新\"小巨人\"企业"] == "未知"
    assert row["主要差距"] == ("专精特新\"小巨人\"企业：需核对数据——近两年营业收入复合增长率不低于5%"
                              "（营业收入（2023年）为0，无法计算，请核对）")  # not 尚待回答: every question is answered


def test_a_sheet_row_grown_from_zero_says_why_in_english_too(tmp_path: Path) -> None:
    """A CSV row headed by field paths, every cell filled: the 0 named, not 'nothing this row gives fails'."""
    row = flat(zero_base())
    src = tmp_path / "park.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(row))
        w.writeheader()
        w.writerow(row)
    out = tmp_path / "out.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "en", "-q",
                               "--columns", "ids"])
    assert done.exit_code == 0, done.output
    (got,) = rows_of(out)
    assert got["little_giant_status"] == "unknown"
    assert got["next_step"].endswith("(Operating revenue 2023: 0, so it cannot be computed; please check)")


def test_a_row_with_a_figure_missing_is_still_asked_for_it(tmp_path: Path) -> None:
    """2023 revenue blank, not 0: the row is unknown for want of it, and says nothing of a 0."""
    data = example()
    del data["financials"]["2023"]["revenue"]
    src = tmp_path / "企业.jsonl"
    src.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(src), "-o", str(out), "--as-of", AS_OF, "--lang", "zh", "-q"])
    assert done.exit_code == 0, done.output
    (row,) = rows_of(out)
    assert row["专精特新\"小巨人\"企业"] == "未知"
    assert "无法计算" not in row["主要差距"] and "尚待回答——" in row["主要差距"]
