"""A batch row of a renewal that fails on its either-year score names both years, as the report's 差在 does:
without --advice the row kept the first failing condition alone, 「本年度得分不低于60分（现为55分）」, and a
consultant screening clients for their 2027 renewals read it as if this year's score alone counted (last
year's 58 unsaid, though either year may meet the bar)."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml
from tests.test_s39_renewal_explain import _holder
from typer.testing import CliRunner

from littlegiant.cli.app import app


def _gap(tmp_path: Path, *more: str, this_year: int = 55, last_year: int = 58) -> str:
    path = Path(_holder(tmp_path))
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["platform_score"], doc["platform_score_previous"] = this_year, last_year
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    out = tmp_path / f"结果{len(more)}.csv"
    done = CliRunner().invoke(app, ["batch", str(path), "-o", str(out), "--renewal", "little_giant", "--as-of",
                                    "2027-03-01", "--lang", "zh", *more])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig") as handle:
        return next(csv.DictReader(handle))["主要差距"]


def test_a_failed_renewal_row_names_both_years_scores(tmp_path: Path) -> None:
    said = _gap(tmp_path)
    assert said == '专精特新"小巨人"企业：上一年度得分不低于60分（现为58分）或本年度得分不低于60分（现为55分）'
    assert _gap(tmp_path, "--advice") == said  # the consultant's run words it the same


def test_a_renewal_that_passes_is_worded_as_before(tmp_path: Path) -> None:
    """Either year at the bar: the renewal's row is not made the longer way (nothing fails to word)."""
    assert "得分" not in _gap(tmp_path, this_year=55, last_year=60)
