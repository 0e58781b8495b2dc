"""What a report tells a company a red line stops every tier for: the step that ends it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()


@pytest.mark.parametrize(("lang", "swap", "said", "unsaid"), [
    ("zh", None, "存在时任何层级都不能认定，须待其发生满三年、不在「近三年」之内后才能申报", "须先消除"),
    ("en", None, "it counts for three years: apply once it is more than three years past", "remove it first"),
    ("zh", "abnormal_operation", "存在时任何层级都不能认定，须先消除", "满三年"),
    ("en", "abnormal_operation", "no tier can be met while it stands; remove it first", "three years past"),
])
def test_a_red_line_of_the_last_three_years_is_outlived_not_removed(tmp_path: Path, lang: str, swap: str | None,
                                                                    said: str, unsaid: str) -> None:
    """A tax violation of the last three years was to be 「须先消除」, which no company can do to the
    past: the report now says to wait until it is three years past. A listing (经营异常名录) is still
    to be removed first."""
    text = (EXAMPLES / "red-line.yaml").read_text(encoding="utf-8")
    if swap is not None:
        text = text.replace("tax_violation: true", "tax_violation: false").replace(f"{swap}: false", f"{swap}: true")
    src = tmp_path / "p.yaml"
    src.write_text(text, encoding="utf-8")
    for fmt in ("text", "markdown"):
        done = runner.invoke(app, ["assess", str(src), "--as-of", "2026-03-01", "--lang", lang, "--format", fmt],
                             env={"COLUMNS": "80", "NO_COLOR": "1"})
        assert done.exit_code == 0, done.output
        flat = re.sub(r"\s+", " " if lang == "en" else "", done.stdout)
        assert said in flat and unsaid not in flat, flat
