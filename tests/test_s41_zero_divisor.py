"""A condition left unknown by a figure of 0 names the figure that makes it so: the one its formula divides
by. A 资产负债率 with 负债总额 and 资产总额 both 0 named both (「负债总额（2025年末）；资产总额（2025年末）为0」),
though a 负债总额 of 0 alone is a ratio of 0% and nothing to check."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load.expr import Ref, divisor_refs


def _report(folder: Path, lang: str, rules: str, **year_2025: int) -> str:
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["financials"][2025].update(year_2025)
    path = folder / "co.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "--as-of", "2026-11-26", "--lang", lang, "--rules", rules],
                              env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stdout


@pytest.mark.parametrize("rules", ["miit-2022", "miit-2026"])
def test_both_figures_zero_names_the_whole_it_divides_by(tmp_path: Path, rules: str) -> None:
    text = _report(tmp_path, "zh", rules, total_assets=0, total_liabilities=0)
    assert "资产负债率不高于" in text
    assert "（资产总额（2025年末）为0，无法计算，请核对）" in text
    assert "负债总额（2025年末）；" not in text and "负债总额（2025年末）为0" not in text


def test_in_english_too(tmp_path: Path) -> None:
    text = " ".join(_report(tmp_path, "en", "miit-2026", total_assets=0, total_liabilities=0).split())
    assert "(Total assets at year end 2025: 0, so it cannot be computed" in text
    assert "Total liabilities at year end 2025" not in text.split("Check first")[0]


def test_the_whole_alone_zero_is_named_as_before(tmp_path: Path) -> None:
    text = _report(tmp_path, "zh", "miit-2026", total_assets=0)
    assert "（资产总额（2025年末）为0，无法计算，请核对）" in text


@pytest.mark.parametrize(("source", "refs"), [
    ("total_liabilities[y] / total_assets[y] * 100", (Ref("total_assets", 0, param=True),)),
    ("(revenue[y1] / revenue[y3]) ** 0.5 - 1", (Ref("revenue", 2),)),
    ("a / (b + c[y2]) + d // e", (Ref("b", None), Ref("c", 1), Ref("e", None))),
    ("rd_expense[y1] * 100", ()),
    ("1 +", ()),
])
def test_divisors_are_read_from_the_formula(source: str, refs: tuple[Ref, ...]) -> None:
    assert divisor_refs(source) == refs
