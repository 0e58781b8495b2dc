"""An industry typed as people shorten a name that covers several choices (批发零售 for 批发和零售业, 住宿餐饮,
交通运输仓储邮政): refused with just the choices it covers, as its full name is, where it got the list of all
sixteen. In a profile file, at --set and in a batch sheet alike (one reader: profile.choices_meant)."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
PROFILE = "name: 简称公司\nindustry: {industry}\nemployees: 80\nfinancials:\n  2025: {{revenue: 6000}}\n"


def refusal(tmp_path: Path, *args: str, industry: str = "工业", lang: str = "zh") -> tuple[int, str]:
    f = tmp_path / "p.yaml"
    f.write_text(PROFILE.format(industry=industry), encoding="utf-8")
    done = runner.invoke(app, ["assess", str(f), *args, "--as-of", "2026-06-01", "--lang", lang],
                         env={"COLUMNS": "200", "NO_COLOR": "1"})
    return done.exit_code, done.stderr


@pytest.mark.parametrize(("typed", "meant"), [
    ("批发零售", "请写批发业或零售业"), ("批发与零售", "请写批发业或零售业"), ("批发、零售", "请写批发业或零售业"),
    ("批发零售（电子产品）", "请写批发业或零售业"), ("住宿餐饮", "请写住宿业或餐饮业"),
    ("交通运输仓储邮政", "请写交通运输业、仓储业或邮政业")])
def test_a_shortened_name_of_several_choices_names_just_them(tmp_path: Path, typed: str, meant: str) -> None:
    for args, industry in ((("--set", f"industry={typed}"), "工业"), ((), typed)):
        code, err = refusal(tmp_path, *args, industry=industry)
        assert code == 2
        assert f"现在是文字“{typed}”，这包括不止一类，{meant}" in err
        assert "农、林、牧、渔业" not in err and err.count("\n") == 1


def test_in_english_too(tmp_path: Path) -> None:
    code, err = refusal(tmp_path, "--set", "industry=wholesale & retail", lang="en")
    assert code == 2 and "which covers more than one choice: write Wholesale or Retail" in err


def test_a_word_of_one_choice_is_still_read(tmp_path: Path) -> None:
    code, _ = refusal(tmp_path, "--set", "industry=批发")
    assert code == 0


@pytest.mark.parametrize(("typed", "simplified", "choice"), [
    ("製造業", "制造业", "industrial"), ("軟件和信息技術服務業", "软件和信息技术服务业", "software_it"),
    ("房地產開發經營", "房地产开发经营", "real_estate"), ("交通運輸業", "交通运输业", "transport")])
def test_a_name_in_traditional_characters_is_read_as_its_simplified_name(
        tmp_path: Path, typed: str, simplified: str, choice: str) -> None:
    """A list kept by a parent company's system in Hong Kong or Taiwan writes 製造業: it was "not a choice"
    (the company's size, and every tier, left unknown), as a profile's answer, at --set and in a sheet."""
    f = tmp_path / "p.yaml"

    def assessed(industry: str, *args: str) -> dict[str, Any]:
        f.write_text(PROFILE.format(industry=industry), encoding="utf-8")
        done = runner.invoke(app, ["assess", str(f), *args, "--as-of", "2026-06-01", "--format", "json"])
        assert done.exit_code == 0, done.stderr
        doc: dict[str, Any] = json.loads(done.stdout)
        return doc

    expected = assessed(simplified)
    sized = next(c for c in expected["tiers"]["zjtx_sme"]["criteria"] if c["id"] == "gate.sme")
    assert sized["inputs"]["industry"] == choice
    for doc in (assessed(typed), assessed("工业", "--set", f"industry={typed}")):
        assert doc["sme"] == expected["sme"] and doc["tiers"] == expected["tiers"]
    sheet = tmp_path / "名单.csv"
    out = tmp_path / "结果.csv"
    for name in (typed, simplified):
        sheet.write_text(f"企业名称,行业,从业人员,营业收入（2025年）\n甲公司,{name},80,6000\n", encoding="utf-8")
        done = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--as-of", "2026-06-01", "--lang", "zh"])
        assert done.exit_code == 0, done.stderr
        rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
        assert rows[0]["处理结果"] == "已评估"
        if name == typed:
            first = rows[0]
    assert first == rows[0]


def test_a_shortened_name_in_traditional_characters_names_its_choices(tmp_path: Path) -> None:
    """批發零售 was offered 零售业 alone (批發 matched nothing): it covers two, as 批发零售 does."""
    code, err = refusal(tmp_path, industry="批發零售")
    assert code == 2 and "现在是文字“批發零售”，这包括不止一类，请写批发业或零售业" in err


def test_the_traditional_forms_are_of_the_characters_the_choices_are_named_with() -> None:
    """Each simplified form the table gives is a character of a shipped choice's name, and no traditional
    form it reads is one: a simplified name is never changed by it."""
    from littlegiant.load.rules import _SIMPLIFIED, choice_key, load

    named = ""
    for rule_id in ("miit-2022", "miit-2026"):
        for f in load(rule_id).fields.values():
            named += "".join(label.zh for label in f.choice_labels.values()) + "".join(f.choice_words) \
                + "".join(f.choice_either) + "".join(ending for ending, _ in f.choice_endings)
    simplified = set(_SIMPLIFIED.values())
    assert simplified <= set(named) and not {chr(k) for k in _SIMPLIFIED} & set(named)
    assert choice_key(named) == unicodedata.normalize("NFKC", named).strip().lower()
