"""A comparison's JSON (--compare --format json) warns as assess's JSON does under each set: a script reads
the same 请先核对 as the consultant reading the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
ANSWERED_2022 = "name: 甲\nanswered_under: miit-2022\nfinancials:\n  2025:\n    revenue: 8000\ncompliance:\n  major_incident: false\n"
"""Answers saved under the 2022 measures (cases/a22.yaml): 2026 asks major_incident differently."""


def run(*args: str, columns: str = "80") -> tuple[int, str, str]:
    done = runner.invoke(app, [*args, "--as-of", AS_OF], env={"COLUMNS": columns, "NO_COLOR": "1"})
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_comparison_in_json_warns_of_answers_given_to_the_other_sets_questions(tmp_path: Path, lang: str) -> None:
    """assess --format json of answers saved under miit-2022 warns (answered_under, asked_otherwise) when
    2026 judges them; with --compare miit-2022,miit-2026 the JSON said nothing, though its text, markdown
    and html say 请先核对. Each set's document now carries what the report under that set would."""
    profile = tmp_path / "a22.yaml"
    profile.write_text(ANSWERED_2022, encoding="utf-8")
    code, out, err = run("assess", str(profile), "--lang", lang, "--format", "json", "--compare", "miit-2022,miit-2026")
    assert code == 0, err
    docs = {d["rules"]["id"]: d for d in json.loads(out)["compare"]}
    kinds = [w["kind"] for w in docs["miit-2026"]["warnings"]]
    assert kinds.count("answered_under") == 1 and kinds.count("asked_otherwise") == 1, kinds
    assert docs["miit-2026"]["warnings"][0]["answered_under"] == docs["miit-2022"]["rules"]["title"]
    assert not [w for w in docs["miit-2022"]["warnings"] if w["kind"] in ("answered_under", "asked_otherwise")]
    # the same words as the text comparison's 请先核对
    code, shown, _ = run("assess", str(profile), "--lang", lang, "--compare", "miit-2022,miit-2026", columns="999")
    assert all(w["message"] in shown for w in docs["miit-2026"]["warnings"]), shown
