"""`littlegiant init` and `littlegiant schema`: generated from the rule set's fields."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()


def test_template_is_a_valid_profile_and_fills_in(tmp_path: Path) -> None:
    target = tmp_path / "company.yaml"
    assert runner.invoke(app, ["init", str(target), "--as-of", "2026-11-26"]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "营业收入 / Operating revenue [万元]" in text
    empty = runner.invoke(app, ["assess", str(target), "--format", "json", "--as-of", "2026-11-26"])
    assert empty.exit_code == 0
    assert {t["status"] for t in json.loads(empty.stdout)["tiers"].values()} == {"unknown"}
    # filling in every line from an example gives that example's verdicts
    example = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    filled = yaml.safe_load(text)
    assert set(example) <= set(filled)
    again = runner.invoke(app, ["init", str(target)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_schema_describes_every_profile_key() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    example = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    for key, value in example.items():
        assert key in schema["properties"], key
        if isinstance(value, dict) and key not in ("financials", "equity_financing"):
            assert set(value) <= set(schema["properties"][key]["properties"]), key
    assert schema["properties"]["market"]["properties"]["domestic_share"]["maximum"] == 100
    assert schema["properties"]["industry"]["enum"][:2] == ["agriculture", "industrial"]


def test_csv_template_feeds_batch(tmp_path: Path) -> None:
    csv_file = tmp_path / "companies.csv"
    assert runner.invoke(app, ["init", "--csv", str(csv_file), "--as-of", "2026-11-26", "--columns", "ids"]).exit_code == 0
    header = csv_file.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "financials.2025.revenue" in header and "financials.2023.main_revenue" in header
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["batch", str(csv_file), "--output", str(out), "--as-of", "2026-11-26"])
    assert result.exit_code == 0
    assert "read 1, scored 1, errors 0" in result.stderr


def test_an_overlay_template_asks_for_the_overlay_fields(tmp_path: Path) -> None:
    overlay = str(Path(__file__).resolve().parent.parent / "rules" / "overlays" / "shandong-2022.yaml")
    target = tmp_path / "sd.yaml"
    assert runner.invoke(app, ["init", str(target), "--rules", overlay, "--as-of", "2026-03-01"]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "listing_progress:" in text and "上市进展" in text
    empty = runner.invoke(app, ["assess", str(target), "--rules", overlay, "--as-of", "2026-03-01", "--format", "json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout)["rules"]["id"] == "shandong-2022"
