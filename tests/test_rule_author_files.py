"""A rule author's own files as they name them: a rule set saved as .yml (or .json), its cases beside it
as NAME.tests.yaml, tested by the file, by its cases file or by its folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from tests.test_rule_tools import ENGLISH, OK, cli, write

WRONG_CASE = ("format: 1\ncases:\n  - name: small\n    as_of: \"2026-11-26\"\n"
              "    profile: {financials: {2025: {revenue: 100}}}\n"
              "    expect: {criteria: {t1.rev: unmet}}\n")
"""Revenue 100 meets ``t1.rev`` (at least 100): this case's expectation is wrong, so it must fail."""


@pytest.mark.parametrize(("suffix", "named"), [(".yml", "file"), (".yml", "cases"), (".yml", "folder"),
                                               (".json", "file"), (".json", "cases")])
def test_the_cases_beside_a_yml_or_json_rule_file_are_run(tmp_path: Path, suffix: str, named: str) -> None:
    """`rules test mine.yml` looked for mine.yml.tests.yaml, never ran mine.tests.yaml beside it and said
    "0 cases … all passed", exit 0; `rules test mine.tests.yaml` looked for a mine.yaml that was not there,
    and a folder of mine.yml held "no rule file"; --rules reads them all (a folder's .yaml or .yml). Each now runs the case, fails."""
    if suffix == ".json":
        (tmp_path / "mine.json").write_text(json.dumps(yaml.safe_load(OK), ensure_ascii=False), encoding="utf-8")
    else:
        write(tmp_path, OK, "mine.yml")
    write(tmp_path, WRONG_CASE, "mine.tests.yaml")
    target = {"file": tmp_path / f"mine{suffix}", "cases": tmp_path / "mine.tests.yaml", "folder": tmp_path}[named]
    done = cli("rules", "test", str(target), env=ENGLISH)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL mine.tests.yaml:3 small: criterion t1.rev is met, expected unmet" in done.stdout
    assert "mine: 1 case," in done.stdout
