"""A screen's items say what batch's rows say: for any plausible list of companies, each item's warnings are
its row's 需核对的数据 (Figures to check) and its statuses its row's. screen() words them itself
(api._checks beside cli.batch's _warnings): this holds the two together."""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_properties import plausible
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app

DAY = date(2026, 11, 26)


def _cells(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """A profile as a sheet's row keyed by dotted paths (init --columns ids)."""
    out: dict[str, str] = {}
    for k, v in data.items():
        if isinstance(v, dict):
            out.update(_cells(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = "是" if v is True else "否" if v is False else str(v)
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(companies=st.lists(plausible(), min_size=1, max_size=6), lang=st.sampled_from(["zh", "en"]),
       renewal=st.sampled_from([None, "little_giant"]), approximate=st.booleans())
def test_each_item_says_what_its_batch_row_says(companies: list[dict[str, Any]], lang: str, renewal: str | None,
                                                approximate: bool) -> None:
    rows = []
    for i, data in enumerate(companies):
        row = {"name": f"企业{i}", **_cells(data)}
        rd = row.get("financials.2025.rd_expense")
        if approximate and rd is not None and Decimal(rd) > 0:
            row["financials.2025.rd_expense"] = f"约{rd}"  # a close call is said on both
        rows.append(row)
    headers = sorted({h for r in rows for h in r}, key=lambda h: (h != "name", h))
    with tempfile.TemporaryDirectory() as folder:
        sheet, out = Path(folder) / "list.csv", Path(folder) / "out.csv"
        with sheet.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, headers)
            writer.writeheader()
            writer.writerows(rows)
        done = CliRunner().invoke(app, ["batch", str(sheet), "--as-of", DAY.isoformat(), "--lang", lang, "-o", str(out),
                                        *(["--renewal", renewal] if renewal else [])])
        assert done.exit_code in (0, 1), done.output
        with out.open(encoding="utf-8-sig", newline="") as handle:
            written = list(csv.DictReader(handle))
        with sheet.open(encoding="utf-8", newline="") as handle:
            items = list(littlegiant.screen(list(csv.DictReader(handle)), as_of=DAY, renewal=renewal, lang=lang))
    column = "需核对的数据" if lang == "zh" else "Figures to check"
    assert len(items) == len(written)
    for item, row in zip(items, written, strict=True):
        if item.error is not None:
            continue
        assert ("；" if lang == "zh" else "; ").join(item.warnings) == (row[column] or ""), (item.name, row)
