"""-o onto a file an earlier run wrote: a consultant runs the same command again (a figure corrected, another
question asked) and the earlier result is replaced; a file this tool did not write is never replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = ("--as-of", "2026-11-26")
HELD_LG = EXAMPLES / "little-giant-2026.yaml"


def run(*args: str) -> tuple[int, str]:
    done = runner.invoke(app, [*args, *AS_OF], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stderr


@pytest.mark.parametrize("explain", [
    ("--explain", "lg26.revenue"),  # one criterion: tier, renewal, judged_as, criterion
    ("--explain", "innovative.points.rd_share"),  # a points item: its scoring too
    ("--explain", "lg26.cagr", "--renewal", "little_giant", "--rules", "miit-2026"),  # not checked by a renewal: why
])
def test_an_explanation_saved_as_json_is_replaced_by_the_next_run(tmp_path: Path, explain: tuple[str, ...]) -> None:
    """assess --explain lg26.revenue --format json -o 说明.json, then any run again onto 说明.json, was
    refused: 「已存在，而且不是本工具写出的评估结果」, since the explanation's keys (tier, renewal,
    judged_as, criterion) were not the ones looked for. It is replaced, as a result or comparison is;
    a profile saved as JSON still is not."""
    out = tmp_path / "说明.json"
    code, err = run("assess", str(HELD_LG), *explain, "--format", "json", "-o", str(out))
    assert code == 0, err
    assert "criterion" in json.dumps(json.loads(out.read_text(encoding="utf-8")))
    for again in (explain, ()):
        code, err = run("assess", str(HELD_LG), *again, "--format", "json", "-o", str(out))
        assert code == 0, err
    assert "tiers" in json.loads(out.read_text(encoding="utf-8"))
    profile = tmp_path / "乙.json"
    profile.write_text(json.dumps({"name": "乙", "industry": "industrial", "criterion": 1, "tier": 2}), encoding="utf-8")
    before = profile.read_bytes()
    code, err = run("assess", str(HELD_LG), "--format", "json", "-o", str(profile))
    assert code == 2 and profile.read_bytes() == before, err


NOTES = "客户访谈记录\n2026-11-20 与财务经理通话：研发费用另有 80 万未入账，下周补齐。\n"


@pytest.mark.parametrize(("name", "args"), [
    ("甲公司.txt", ()), ("甲公司 说明.md", ()), ("甲公司.html", ()), ("对比.txt", ("--compare", "miit-2022,miit-2026")),
    ("notes", ()),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_report_never_replaces_a_document_this_tool_did_not_write(tmp_path: Path, name: str, args: tuple[str, ...],
                                                                     lang: str) -> None:
    """-o 甲公司.txt onto the consultant's own notes of that client replaced them with the report, without a
    word (a .json that is no result was already refused). It is refused in one line, the notes as they
    were; a report written there before (by -o or by > 报告.txt) is still replaced by the next run."""
    own = tmp_path / name
    own.write_text(NOTES, encoding="utf-8")
    code, err = run("assess", str(HELD_LG), "--lang", lang, *args, "-o", str(own))
    assert code == 2 and own.read_text(encoding="utf-8") == NOTES
    assert err.count("\n") == 1 and str(own) in err
    assert ("不是本工具写出的报告" if lang == "zh" else "is not a littlegiant report") in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    own.unlink()
    for _ in range(2):  # written by -o, then replaced by the next run
        code, err = run("assess", str(HELD_LG), "--lang", lang, *args, "-o", str(own))
        assert code == 0, err
    shown = runner.invoke(app, ["assess", str(HELD_LG), *AS_OF, "--lang", lang, *args])
    own.write_text(shown.stdout, encoding="utf-8")  # > 报告.txt
    assert run("assess", str(HELD_LG), "--lang", lang, *args, "-o", str(own))[0] == 0
    own.write_text("", encoding="utf-8")  # an empty file: nothing to lose
    assert run("assess", str(HELD_LG), "--lang", lang, *args, "-o", str(own))[0] == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_explanation_saved_as_text_is_replaced_by_the_next_run(tmp_path: Path, lang: str) -> None:
    """--explain writes no footer: its own text is still known as the tool's, and replaced, whatever its
    last line (需准备的材料：…, 来源可靠程度：…)."""
    out = tmp_path / "说明.txt"
    for explain in ("lg26.revenue", "研发费用", "gate.sme", "zjtx26.platform", "lg26.revenue"):
        code, err = run("assess", str(HELD_LG), "--lang", lang, "--explain", explain, "-o", str(out))
        assert code == 0, err
