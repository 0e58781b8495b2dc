"""The shipped Shandong example assessed without naming its rule set said only that "shandong" was not a
known field, sending the user to init's template; a profile typed by hand has no answered_under to tell
the set by. The shipped province sets that read the whole profile are now named, at the command line
and in the API; a key no set knows is still an unknown field."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

import littlegiant
from littlegiant.cli.app import app

SHANDONG = EXAMPLES / "overlays" / "shandong.yaml"


def _run(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, [*args, "--as-of", "2026-03-01"], env={"COLUMNS": "200"})
    return done.exit_code, done.stderr


def test_the_command_names_the_province_set_that_asks_the_key() -> None:
    code, err = _run("assess", str(SHANDONG), "--lang", "zh")
    assert code == 2
    assert "“shandong”是「优质中小企业梯度培育管理暂行办法（2022）· 山东省特色化指标」才有的项目" in err
    assert "评估这份资料时请加 --rules shandong-2022" in err and "littlegiant init" not in err
    code, _ = _run("assess", str(SHANDONG), "--lang", "zh", "--rules", "shandong-2022")
    assert code == 0


def test_the_api_names_its_own_argument() -> None:
    with pytest.raises(littlegiant.InputError) as caught:
        littlegiant.assess(str(SHANDONG), as_of="2026-03-01")
    assert 'pass rules="shandong-2022"' in str(caught.value) and "--rules" not in str(caught.value)


def test_a_key_no_set_knows_is_still_an_unknown_field(tmp_path: Path) -> None:
    typo = tmp_path / "资料.yaml"
    typo.write_text("name: 甲公司\nshandongg: {priority_industry: true}\n", encoding="utf-8")
    code, err = _run("assess", str(typo), "--lang", "zh")
    assert code == 2 and "“shandongg”不是可识别的项目" in err and "--rules" not in err
