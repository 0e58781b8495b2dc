"""A tier's "holds the title below" criterion is rule data (``prerequisite: true``), not a guess from
its field paths: the batch's 主要差距 looks past it to a figure that fails the tier too, whatever
field it reads, and a check of a title that is no such step is a gap like any other. Real rule
files and sheets in, the batch output and ``rules validate`` read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from tests.conftest import EXAMPLES, ROOT
from tests.test_rule_tools import OK, cli, write
from typer.testing import CliRunner

from littlegiant.cli import batch as batching
from littlegiant.cli.app import app
from littlegiant.core.plan import plan_for
from littlegiant.load import rules

AS_OF = "2026-11-26"
MIIT_2026 = (ROOT / "rules" / "miit-2026.yaml").read_text(encoding="utf-8").replace(
    "id: miit-2026\n", "id: miit-2026-local\n", 1)  # an edited copy takes an id of its own
ZJTX_TITLE = '{id: zjtx26.prerequisite, value: "title_innovative or title_tech", op: "==", threshold: true, prerequisite: true, '


def screened(tmp_path: Path, rule: Path, source: Path) -> list[dict[str, str]]:
    """The zh summary CSV rows of a batch run under ``rule``."""
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(app, ["batch", str(source), "-o", str(out), "--rules", str(rule), "--lang", "zh",
                                    "--as-of", AS_OF, "-q"], env={"COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("rule_id", rules.builtin_ids())
def test_the_builtin_prerequisites_are_the_title_checks_of_tiers_2_and_3(rule_id: str) -> None:
    """Each built-in set flags its tier-2 and tier-3 title checks, and only checks of titles held: the
    criteria batch treated as a step up the ladder before the rule data said so."""
    rs = rules.load(rule_id)
    plan = plan_for(rs, 2025, None)
    flagged = {(tier, node.id) for tier, node in rs.all_nodes() if node.prerequisite}
    titles_only = {(tier, node.id) for tier, node in rs.all_nodes() if node.kind == "check" and node.value is not None
                   and all(p.startswith("titles.") for p in plan.reads_of(node.value))}
    assert flagged == titles_only and {tier for tier, _ in flagged} == {"zjtx_sme", "little_giant"}
    assert batching.ladder_criteria(rs, plan).criteria == {nid for _, nid in flagged}


def test_a_ladder_criterion_reading_a_field_outside_titles_is_looked_past(tmp_path: Path) -> None:
    """A set whose 专精特新 asks for the 创新型 list entry (a field of its own, not under titles) and marks it
    ``prerequisite: true``: a company not on the list whose R&D fails too is told of its R&D, as under the
    built-in set, not of the list it must first be on."""
    fields = ("fields:\n  innovative_listed:\n    path: listing.innovative_sme\n    type: bool\n"
              "    zh: 列入创新型中小企业公告名单\n    en: On the published Innovative SME list\n    help: {zh: 说明, en: Help}\n")
    assert MIIT_2026.count("fields:\n") == 1 and MIIT_2026.count(ZJTX_TITLE) == 1
    rule = write(tmp_path, MIIT_2026.replace("fields:\n", fields, 1).replace(
        ZJTX_TITLE, ZJTX_TITLE.replace('"title_innovative or title_tech"', "innovative_listed")), "listed.yaml")
    sheet = tmp_path / "park.csv"
    sheet.write_text("企业名称,行业,从业人员,营业收入（2025年）,营业收入（2024年）,主营业务收入（2025年）,研发费用（2025年）,"
                     "研发费用（2024年）,从事特定细分市场年限,列入创新型中小企业公告名单\n"
                     "丙公司,工业,200,20000,18000,19000,100,90,6,否\n"
                     "丁公司,工业,200,20000,18000,19000,900,800,6,否\n", encoding="utf-8")
    bing, ding = screened(tmp_path, rule, sheet)
    assert bing["专精特新中小企业"] == "不满足"
    assert bing["主要差距"].startswith("专精特新中小企业：前年研发费用不低于100万元")
    # 丁's figures meet 专精特新 so far: the list entry is all it lacks there, and tier 1 still awaits answers
    assert ding["主要差距"] == "科技和创新型中小企业：尚待回答——境内工商注册登记、具有独立法人资格"


def test_a_title_check_not_marked_a_prerequisite_is_a_gap_like_any_other(tmp_path: Path) -> None:
    """A set whose 专精特新 also asks that the company already holds that very title (as a renewal does),
    unmarked: a company without it is told so first, before a lower tier's unanswered question; read as a
    step up the ladder (as titles.* paths once were) it was put off behind that question."""
    renewal = ('      - {id: zjtx26.renewing, value: title_zjtx, op: "==", threshold: true, zh: 持有有效期内的专精特新'
               '中小企业称号（复核）, en: Holds the title renewed, source: 测试, confidence: single}\n')
    at = "      - " + ZJTX_TITLE
    assert MIIT_2026.count(at) == 1
    rule = write(tmp_path, MIIT_2026.replace(at, renewal + at), "renewal.yaml")
    data = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    data["titles"]["zjtx_sme"] = False
    del data["compliance"]["data_fabrication"]  # every tier waits on this answer
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(data, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    (row,) = screened(tmp_path, rule, source)
    assert row["科技和创新型中小企业"] == "未知" and row["专精特新中小企业"] == "不满足"
    # tier 1 waits on the one answer left out, but its title (创新型) is held and has no renewal: nothing to
    # apply for, so the row does not name it after the gap (test_batch_declarations has an unheld tier 1)
    assert row["主要差距"] == "专精特新中小企业：持有有效期内的专精特新中小企业称号（复核）"


TITLE_CHECK = '      - {id: t3.title, value: title_zjtx, op: "==", threshold: true, prerequisite: %s, zh: 称号, en: Title, source: test, confidence: gov}  # <-\n'


@pytest.mark.parametrize(("flag", "words"), [
    ('"true"', "expected true or false, got"),
    ("1", "expected true or false, got"),
    ("null", "expected true or false, got"),
])
def test_a_prerequisite_flag_that_is_not_true_or_false_is_refused_at_its_line(tmp_path: Path, flag: str,
                                                                             words: str) -> None:
    """``rules validate`` refuses a flag of another type, naming the file, the line and the key."""
    path = write(tmp_path, OK + TITLE_CHECK % flag)
    done = cli("rules", "validate", str(path), cwd=tmp_path)
    line = len(OK.splitlines()) + 1
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert any(p.startswith(f"mine.yaml:{line}:") and "prerequisite" in p and words in p
               for p in done.stderr.splitlines()), done.stderr


@pytest.mark.parametrize(("criterion", "words"), [
    ('{id: t3.title, value: "revenue[y1]", op: ">=", threshold: 100, prerequisite: true', "op: \"==\" and threshold: true"),
    ('{id: t3.title, value: "revenue[y1] >= 100", op: "==", threshold: true, prerequisite: true',
     "yes/no answers (titles held) only, not 'revenue'"),
    ('{id: t3.title, value: title_zjtx, op: "==", threshold: false, prerequisite: true', "threshold: true"),
    ('{id: t3.title, kind: veto, field: title_zjtx, prerequisite: true', "unknown key 'prerequisite'"),
])
def test_a_prerequisite_must_ask_for_a_yes(tmp_path: Path, criterion: str, words: str) -> None:
    """A prerequisite is a check that titles are held: a number, a no, or another kind of node is refused."""
    path = write(tmp_path, OK + f"      - {criterion}, zh: 称号, en: Title, source: test, confidence: gov}}  # <-\n")
    done = cli("rules", "validate", str(path), cwd=tmp_path)
    line = len(OK.splitlines()) + 1
    assert done.returncode == 2
    assert any(p.startswith(f"mine.yaml:{line}:") and words in p for p in done.stderr.splitlines()), done.stderr


def test_a_marked_title_check_validates_and_loads_as_a_prerequisite(tmp_path: Path) -> None:
    """``prerequisite: true`` on a check of a title held is clean, and the loaded node says so."""
    path = write(tmp_path, OK + TITLE_CHECK % "true")
    done = cli("rules", "validate", str(path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    flagged = {node.id for _, node in rules.load(str(path)).all_nodes() if node.prerequisite}
    assert flagged == {"t3.title"}
