"""Options as people type them: a comma from a Chinese input method, a day that does not exist."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"LANG": "zh_CN.UTF-8", "COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("comma", ["，", "、", ","])
def test_compare_takes_a_comma_typed_with_a_chinese_input_method(comma: str) -> None:
    """「应填两个规则版本，用逗号隔开」 for a value that had its 逗号, typed full-width."""
    code, out, err = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--compare", f"miit-2022{comma}miit-2026",
                            "--lang", "zh", "--as-of", "2026-11-26")
    assert code == 0 and out.startswith("对比：优质中小企业梯度培育管理暂行办法（2022） 与 优质中小企业梯度培育管理办法（2026）"), err


@pytest.mark.parametrize(("typed", "zh", "en"), [
    ("2026-02-30", "“2026-02-30”不是存在的日期：2026年2月只有 28 天", "'2026-02-30' is no day: February 2026 has 28 days"),
    ("2024/2/30", "“2024/2/30”不是存在的日期：2024年2月只有 29 天", "'2024/2/30' is no day: February 2024 has 29 days"),
    ("2026年4月31日", "“2026年4月31日”不是存在的日期：2026年4月只有 30 天", "'2026年4月31日' is no day: April 2026 has 30 days"),
    ("2026-13-01", "“2026-13-01”不是存在的日期：月份应在 1 到 12 之间", "'2026-13-01' is no day: a month is 1 to 12"),
])
def test_a_day_that_does_not_exist_is_said_to_be_none(typed: str, zh: str, en: str) -> None:
    """The format was right: the message said the format was wrong (应填日期，格式为“年-月-日”)."""
    for lang, said in (("zh", f"littlegiant 出错：--as-of：{zh}"), ("en", f"littlegiant: error: --as-of: {en}")):
        code, _, err = invoke("assess", str(EXAMPLES / "tier1-only.yaml"), "--as-of", typed, "--lang", lang)
        assert (code, err.strip()) == (2, said)
    code, _, err = invoke("batch", str(EXAMPLES / "tier1-only.yaml"), "-o", "never.csv", "--as-of", typed, "--lang", "zh")
    assert (code, err.strip()) == (2, f"littlegiant 出错：--as-of：{zh}")
