"""A full result's bytes (``batch --format json``) as the general path words them: the warnings a document
ends with (asked for only where a company may have some), and each points row (its one figure written once
for points, points_min and points_max), for any plausible company, approximate figures, renewal and date."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_properties import plausible
from typer.testing import CliRunner

from littlegiant import __version__
from littlegiant.cli.app import app
from littlegiant.core import engine
from littlegiant.load import profile, rules
from littlegiant.report.common import close_warning, stale_year_warning, unheld_warning
from littlegiant.report.result_json import _criterion_dict, _warning_dict, sayer, to_bytes

CODEC = ("utf-8", "backslashreplace")
"""What a batch's ``--format json`` output holds."""

FIGURES = ("financials.2025.revenue", "financials.2025.rd_expense", "financials.2024.rd_expense",
           "financials.2025.main_revenue", "employees")


def _general(result: Any, lang: str) -> list[dict[str, Any]]:
    """The warnings of a document as each notice's own function gives them, every one asked."""
    return [*unheld_warning(result, lang), *stale_year_warning(result, lang), *close_warning(result, lang),
            *(_warning_dict(w, lang) for w in result.warnings)]


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(data=plausible(), rule_id=st.sampled_from(("miit-2022", "miit-2026")),
       renewal=st.sampled_from((None, "zjtx_sme", "little_giant")),
       day=st.sampled_from((date(2026, 11, 26), date(2027, 3, 1), date(2025, 6, 1))),
       rough=st.sets(st.sampled_from(FIGURES), max_size=3), lang=st.sampled_from(("zh", "en")))
def test_a_full_results_bytes_are_what_the_general_path_says(data: dict[str, Any], rule_id: str, renewal: str | None,
                                                              day: date, rough: set[str], lang: str) -> None:
    rs = rules.load(rule_id)
    prof = replace(profile.from_data(data, rs, "<gen>"), approximate=frozenset(rough))
    result = engine.evaluate(rs, prof, day, renewal)
    doc = json.loads(to_bytes(result, lang, __version__, CODEC))
    assert doc["warnings"] == json.loads(json.dumps(_general(result, lang), ensure_ascii=False))
    say = sayer(rs, lang)
    for tid, t in result.tiers.items():
        for c, row in zip(t.criteria, doc["tiers"][tid]["criteria"], strict=True):
            if c.kind == "points":
                assert row == json.loads(json.dumps(_criterion_dict(c, lang, say), ensure_ascii=False))


def test_a_batch_says_an_approximate_figure_near_a_threshold_and_only_there(tmp_path: Path) -> None:
    """Two companies in one --format json run: one whose 约 revenue sits within 5% of 小巨人's 5,000万 is told
    to check it (approximate_close, as assess says it), the other, exact, is not."""
    base = {"industry": "industrial", "employees": 300, "registered_in_china": True,
            "financials": {"2025": {"main_revenue": 4800, "rd_expense": 300, "total_assets": 9000,
                                    "total_liabilities": 3000},
                           "2024": {"revenue": 4600, "rd_expense": 280}, "2023": {"revenue": 4000}}}
    rough = json.loads(json.dumps(base))
    rough["name"], rough["financials"]["2025"]["revenue"] = "约数公司", "约5100万"
    exact = json.loads(json.dumps(base))
    exact["name"], exact["financials"]["2025"]["revenue"] = "精确公司", 5100
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in (rough, exact)) + "\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--format", "json", "--as-of", "2026-11-26",
                                   "--lang", "zh", "--quiet"])
    assert run.exit_code == 0, run.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    said = [[w for w in line["result"]["warnings"] if w["kind"] == "approximate_close"] for line in lines]
    assert said[0] and all(w["path"] == "financials.2025.revenue" and "约数" in w["message"] for w in said[0])
    assert said[1] == []
    one = tmp_path / "one.json"
    one.write_text(json.dumps(rough, ensure_ascii=False), encoding="utf-8")
    alone = CliRunner().invoke(app, ["assess", str(one), "--format", "json", "--as-of", "2026-11-26", "--lang", "zh"])
    assert [w for w in json.loads(alone.stdout)["warnings"] if w["kind"] == "approximate_close"] == said[0]
