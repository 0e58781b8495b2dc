"""A notebook's document is the command line's: for any plausible profile, what-if, rule set and renewal,
``assess(...).to_json(lang)`` equals ``littlegiant assess --format json`` for the same inputs, and a
screen's item has the verdicts of that document (only the calendar's reason names how the set was given:
"given by the caller" where the command line says "named by --rules")."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_properties import plausible
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app

WHAT_IF = st.dictionaries(st.sampled_from(["financials.2025.rd_expense", "digital_level", "ip.class2", "titles.zjtx_sme",
                                           "研发费用（2025年）", "rd_institution"]),
                          st.sampled_from(["0", "3", "700", "是", "否", "provincial", "约650"]), max_size=2)


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """The profile as YAML writes it (Decimal as text YAML reads back as a number)."""
    return json.loads(json.dumps(data, default=str))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=plausible(), what_if=WHAT_IF, rules=st.sampled_from([None, "miit-2022", "miit-2026"]),
       renewal=st.sampled_from([None, "zjtx_sme", "little_giant"]), lang=st.sampled_from(["en", "zh"]),
       as_of=st.sampled_from(["2026-11-26", "2026-03-01"]))
def test_the_document_is_the_commands_and_a_screen_says_its_verdicts(data: dict[str, Any], what_if: dict[str, str],
                                                                      rules: str | None, renewal: str | None, lang: str,
                                                                      as_of: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "client.yaml"
        path.write_text(yaml.safe_dump(_plain(data), allow_unicode=True), encoding="utf-8")
        args = ["assess", str(path), "--format", "json", "--as-of", as_of, "--lang", lang,
                *(["--rules", rules] if rules else []), *(["--renewal", renewal] if renewal else []),
                *(a for k, v in what_if.items() for a in ("--set", f"{k}={v}"))]
        done = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1"})
        try:
            mine = littlegiant.assess(path, rules, as_of=as_of, renewal=renewal, what_if=what_if)
        except littlegiant.InputError as exc:  # refused by both, in the API's words
            assert done.exit_code == 2, (exc, done.output)
            return
        assert done.exit_code == 0, done.output
        cli, doc = json.loads(done.stdout), json.loads(json.dumps(mine.to_json(lang), ensure_ascii=False))
        if rules is not None:
            cli["calendar"].pop("reason"), doc["calendar"].pop("reason")
        assert doc == cli
        item = next(littlegiant.screen([path], rules, as_of=as_of, renewal=renewal, lang=lang))
        if not what_if:
            assert item.summary is not None
            assert {t: s.status for t, s in item.summary.tiers.items()} == {t: v["status"] for t, v in cli["tiers"].items()}
