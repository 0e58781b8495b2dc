"""A rank whose 0 means none (0为未获奖, 0为无排名) is said in words, and 没有 typed for it is that 0:
the rule data names the word (a field's ``zero``), the reports, --set, sheets and the loader follow it."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from tests.conftest import EXAMPLES
from tests.test_rule_tools import OK, cli, write
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "LANG": "zh_CN.UTF-8"}


def run(*args: str) -> tuple[int, str, str]:
    done = runner.invoke(app, [*args, "--as-of", "2026-12-02"], env=ENV)
    return done.exit_code, done.stdout, done.stderr


def test_explain_says_a_rank_of_zero_as_no_rank_in_both_languages() -> None:
    """micro-startup has no market rank (0): --explain writes 无排名 where it wrote 「现为 0」, in zh and en."""
    code, out, _ = run("assess", str(EXAMPLES / "micro-startup.yaml"), "--lang", "zh", "--explain", "国内细分市场前三名")
    assert code == 0
    assert "主导产品国内细分市场排名：无排名" in out and "现为无排名，要求排名前3：不满足" in out
    assert "（0为无排名）：" not in out  # the fill-in note is for typing the figure, not beside its answer
    assert "现为 0" not in out
    code, out, _ = run("assess", str(EXAMPLES / "micro-startup.yaml"), "--lang", "en", "--explain", "lg26.market")
    assert code == 0 and "now not ranked; required top 3" in " ".join(out.split())


def test_none_typed_for_an_award_rank_is_zero_in_set_and_in_a_sheet(tmp_path: Path) -> None:
    """没有 / 无 / 未获奖 for 获奖单位排名 (its label says 0为未获奖) read as 0, in --set and in a park's
    cell; for an amount 没有 is still refused (only the person can say it is 0)."""
    code, out, err = run("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--format", "json",
                         "--set", "近三年国家级科技奖励获奖单位排名=没有")
    assert code == 0, err
    assert json.loads(out)["what_if"]["assumed"] == [{"path": "awards.national_rank", "before": 0, "after": 0}]
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "近三年国家级科技奖励获奖单位排名", "近三年省部级科技奖励获奖单位排名"])
    ws.append(["甲公司", "未获奖", "无"])
    book.save(tmp_path / "名单.xlsx")
    out_path = tmp_path / "out.jsonl"
    code, _, err = run("batch", str(tmp_path / "名单.xlsx"), "-o", str(out_path), "--format", "json")
    assert code == 0, err
    line = json.loads(out_path.read_text(encoding="utf-8"))
    read = {k: v for t in line["result"]["tiers"].values() for c in t["criteria"] for k, v in (c.get("inputs") or {}).items()}
    assert read["awards.national_rank"] == 0 and read["awards.provincial_rank"] == 0
    code, _, err = run("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--set", "研发费用（2025年）=没有")
    assert code == 2 and "0" in err


def test_zero_is_a_word_of_a_whole_number_field_only(tmp_path: Path) -> None:
    """``zero`` on an amount field is refused at its line; on a whole-number field it validates."""
    bad = write(tmp_path, OK.replace("derived:\n", "fields:\n  mine_amount:\n    path: mine.amount\n    type: money\n"
                                     "    zero: {zh: 无, en: none}\n    zh: 金额\n    en: Amount\n    help: {zh: 说明, en: Help}\nderived:\n", 1))
    done = cli("rules", "validate", str(bad), cwd=tmp_path)
    assert done.returncode == 2 and "mine.yaml:" in done.stderr and "whole-number" in done.stderr, done.stderr
    good = write(tmp_path, OK.replace("derived:\n", "fields:\n  mine_rank:\n    path: mine.rank\n    type: int\n"
                                      "    zero: {zh: 无排名, en: not ranked}\n    zh: 排名\n    en: Rank\n    help: {zh: 说明, en: Help}\nderived:\n", 1),
                 "good.yaml")
    assert cli("rules", "validate", str(good), cwd=tmp_path).returncode == 0


def test_a_blank_answer_beside_the_deciding_ones_is_said_in_words_not_as_a_question_mark(tmp_path: Path) -> None:
    """A met either-or with one title answered and the other blank read 「（入库）「?」：满足」, and a points row
    with one scale's figure blank 「……比例 ?：得分 30–50/50」: a finance manager reads a bare ? as a fault.
    They say 「未填」 and 「未知」 (en: not given, unknown)."""
    src = tmp_path / "co.yaml"
    src.write_text((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8")
                   .replace("tech_sme: false, ", "").replace(", total_costs: 10500", ""), encoding="utf-8")
    for lang, blank, scale in (("zh", "「未填」", "比例 未知"), ("en", "— not given", "unknown: ")):
        done = CliRunner().invoke(app, ["assess", str(src), "--as-of", "2026-11-26", "--lang", lang, "--detail"],
                                  env={"COLUMNS": "200"})
        assert done.exit_code == 0, done.output
        assert blank in done.stdout and scale in done.stdout
        assert "「?」" not in done.stdout and " ?：" not in done.stdout and " ?: " not in done.stdout
