"""A report made from a script's dict (the API) has no file to re-run: its appendix of re-check commands
named 「littlegiant assess PROFILE …」, a placeholder the client reading the report was never told to fill."""

from __future__ import annotations

import yaml
from tests.conftest import EXAMPLES

import littlegiant


def test_a_report_from_a_dict_has_no_command_with_a_placeholder_file() -> None:
    data = yaml.safe_load((EXAMPLES / "tier1-only.yaml").read_text(encoding="utf-8"))
    done = littlegiant.assess(data, as_of="2026-11-26")
    for fmt in ("markdown", "html"):
        for lang in ("zh", "en"):
            text = done.render(fmt, lang)
            assert "PROFILE" not in text and "littlegiant assess" not in text, (fmt, lang)


def test_a_report_from_a_file_keeps_its_re_check_commands() -> None:
    done = littlegiant.assess(littlegiant.read_profile(EXAMPLES / "tier1-only.yaml"), as_of="2026-11-26")
    text = done.render("markdown", "zh")
    assert "littlegiant assess tier1-only.yaml --as-of" in text
