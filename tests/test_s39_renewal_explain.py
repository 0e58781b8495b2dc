"""--explain of a condition the renewal does not check (the 小巨人 renewal's 5% compound growth under the 2026
measures, the 2025 round notice's waiver of the 2022 growth condition): a consultant asking why it is not in
the renewal was told 「只在新申请时评估，本次是复核：请加上 --renewal none」 and exit 2, as if the question were
a mistake. The answer now says it is not checked in this renewal, on whose word, what the renewal checks of
the same figures instead, and how a new application would judge it, exit 0."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app

AS_OF = "2027-03-01"


def _run(*args: str, columns: int = 80) -> tuple[int, str, str]:
    done = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    return done.exit_code, done.stdout, done.stderr


def _holder(folder: Path, revenue_2026: int = 13000, revenue_2024: int = 10500) -> str:
    """The 2026 sample holding 小巨人, with 2026's accounts (the last year of a 2027 renewal)."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    doc["financials"][2026] = {"revenue": revenue_2026, "main_revenue": revenue_2026 * 95 // 100, "rd_expense": 700,
                               "net_profit": 900, "total_assets": 15000, "total_liabilities": 6000,
                               "total_costs": 10500}
    doc["financials"][2024]["revenue"] = revenue_2024
    doc["financials"][2024]["main_revenue"] = revenue_2024 * 90 // 100
    doc["equity_financing"][2026] = 0
    doc["platform_score_previous"] = 70
    path = folder / f"持有小巨人-{revenue_2026}-{revenue_2024}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return str(path)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_growth_a_2027_renewal_does_not_check_is_explained_at_80_columns(tmp_path: Path) -> None:
    """In the terminal at 80 columns: the condition, that this 小巨人 renewal does not check it (the 2026
    measures' renewal clauses), and its verdict said as a new application's; exit 0, nothing on stderr."""
    path = _holder(tmp_path)
    code, out, err = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                          "--explain", "复合增长率")
    assert (code, err) == (0, ""), err
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    flat = _flat(out)
    assert flat.startswith("近两年营业收入复合增长率不低于5%"), out
    assert '本次为专精特新"小巨人"企业复核：复核不评估这一条件（依据工信部企业〔2026〕2号的复核条款）' in flat, out
    assert "以下是按新申请评估时的情况，仅供参考。如按新申请：✔满足" in flat, out
    assert "结论：" not in out  # no verdict said as if it were the renewal's
    assert "--renewal" not in out


def test_this_years_score_points_to_the_renewal_clause_that_stands_for_it(tmp_path: Path) -> None:
    """This year's platform score (a new application's) is replaced in the renewal by either year's: said,
    in both languages."""
    path = _holder(tmp_path)
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "小巨人",
                        "--explain", "lg26.platform")
    assert code == 0
    assert "改按「复核：近两年任一年度专精特新发展评价得分不低于60分」评估" in _flat(out), out
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "en", "--renewal", "little_giant",
                        "--explain", "lg26.platform")
    assert code == 0
    out = " ".join(out.split())
    assert ('the renewal does not check this condition (under the renewal clauses of 工信部企业〔2026〕2号); it checks '
            '"Renewal: development-evaluation score at least 60 in either of the last two years" instead') in out, out
    assert "As a new application: ✔ met" in out, out


def test_the_2025_round_notice_is_named_as_what_waives_the_2022_growth(tmp_path: Path) -> None:
    """A 2025 小巨人 renewal under the 2022 measures: the growth condition is waived by 工信厅企业函〔2025〕190号
    (criteria.md §1), and the answer names that notice, not the measures."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    path = tmp_path / "2025.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    code, out, err = _run("assess", str(path), "--as-of", "2025-06-01", "--lang", "zh", "--renewal", "little_giant",
                          "--explain", "lg.main_growth_avg")
    assert (code, err) == (0, ""), err
    assert "复核不评估这一条件（依据工信厅企业函〔2025〕190号）" in _flat(out), out


def test_json_says_it_is_not_checked_and_carries_the_new_applications_row(tmp_path: Path) -> None:
    """--format json: only JSON, the renewal, checked_in_renewal false, why, and the criterion as a new
    application judges it."""
    path = _holder(tmp_path)
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "en", "--renewal", "little_giant",
                        "--explain", "lg26.cagr", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["tier"], doc["renewal"], doc["checked_in_renewal"], doc["judged_as"]) == (
        "little_giant", "little_giant", False, "new_application")
    assert doc["criterion"]["id"] == "lg26.cagr" and doc["criterion"]["status"] == "met"
    assert "does not check this condition" in doc["why"]


@settings(max_examples=8, deadline=None)
@given(revenue_2026=st.integers(min_value=5000, max_value=20000), revenue_2024=st.integers(min_value=5000,
                                                                                            max_value=20000))
def test_the_new_applications_verdict_is_the_one_a_new_application_run_gives(
        tmp_path_factory: object, revenue_2026: int, revenue_2024: int) -> None:
    """Whatever the growth, the verdict said 如按新申请 is the one --renewal none gives that condition, and the
    renewal's own verdicts are unchanged by asking."""
    folder = tmp_path_factory.mktemp("waived")  # type: ignore[attr-defined]
    path = _holder(folder, revenue_2026, revenue_2024)
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "en", "--renewal", "little_giant",
                        "--explain", "lg26.cagr", "--format", "json")
    assert code == 0
    explained = json.loads(out)["criterion"]["status"]
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--renewal", "none", "--format", "json")
    new = {c["id"]: c["status"] for c in json.loads(out)["tiers"]["little_giant"]["criteria"]}
    assert explained == new["lg26.cagr"]
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                        "--explain", "lg26.cagr")
    said = {"met": "✔满足", "unmet": "✘不满足"}[explained]
    assert f"如按新申请：{said}" in _flat(out), out


def test_a_renewal_runs_trace_says_which_tier_is_the_renewal_and_which_a_new_application(tmp_path: Path) -> None:
    """Renewing 小巨人, --explain 发展评价得分 traces 专精特新's score (judged as a new application) and the 小巨人
    renewal clause: each trace's tier line says which it is, where 「结论：✔ 满足」 under 专精特新 read as that
    title's renewal; a run with no --renewal says neither."""
    path = _holder(tmp_path)
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                        "--explain", "发展评价得分")
    assert code == 0
    flat = _flat(out)
    assert "所属称号：专精特新中小企业（按新申请条件评估，仅供参考；依据" in flat, out
    assert '所属称号：专精特新"小巨人"企业（复核，依据' in flat, out
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "en", "--renewal", "little_giant",
                        "--explain", "发展评价得分")
    assert "(judged as a new application, for reference); under" in " ".join(out.split()), out
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--explain", "发展评价得分")
    assert "仅供参考" not in _flat(out) and "复核，" not in _flat(out)


def test_the_round_file_named_by_rules_is_named_as_what_waives_the_growth(tmp_path: Path) -> None:
    """--rules naming the 2025 round file on a 2026 day: the growth is waived by that file's notice, and the
    answer names 190号, not 「63号；190号的复核条款」 (the file's whole source said as renewal clauses)."""
    doc = yaml.safe_load((EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8"))
    doc["titles"]["little_giant"] = True
    path = tmp_path / "2025.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    round_file = str(Path(__file__).parent.parent / "rules" / "rounds" / "gxt-2025-190.yaml")
    code, out, _ = _run("assess", str(path), "--rules", round_file, "--as-of", "2026-06-01", "--lang", "zh",
                        "--renewal", "little_giant", "--explain", "lg.main_growth_avg")
    assert code == 0
    assert "复核不评估这一条件（依据工信厅企业函〔2025〕190号）" in _flat(out), out


def test_explains_json_says_how_the_tier_was_judged(tmp_path: Path) -> None:
    """--explain --format json in a renewal run: the renewed tier's criterion says renewal, another tier's
    new_application, as the trace's tier line does; a new application run says new_application, renewal null."""
    path = _holder(tmp_path)
    base = ["assess", path, "--as-of", AS_OF, "--lang", "en", "--format", "json"]
    _, out, _ = _run(*base, "--renewal", "little_giant", "--explain", "lg26.platform_renewal")
    assert (json.loads(out)["renewal"], json.loads(out)["judged_as"]) == ("little_giant", "renewal")
    _, out, _ = _run(*base, "--renewal", "little_giant", "--explain", "zjtx26.platform")
    assert (json.loads(out)["tier"], json.loads(out)["judged_as"]) == ("zjtx_sme", "new_application")
    _, out, _ = _run(*base, "--explain", "lg26.platform")
    assert (json.loads(out)["renewal"], json.loads(out)["judged_as"]) == (None, "new_application")


def test_the_renewal_clause_says_what_it_rests_on(tmp_path: Path) -> None:
    """--explain of the 小巨人 renewal clause (a group of two years' scores, with no source of its own) said no
    source: a consultant could not cite it. It now gives its parts' source and how firm it is."""
    path = _holder(tmp_path)
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                        "--explain", "lg26.platform_renewal")
    assert code == 0
    flat = _flat(out)
    assert "政策依据：工信部企业〔2026〕2号附件2第7项" in flat, out
    assert "来源可靠程度：多个独立转载一致" in flat, out


def test_words_naming_a_checked_row_and_a_waived_condition_explain_both(tmp_path: Path) -> None:
    """--explain 增长率 in a 2027 小巨人 renewal matched tier 1's 主营业务收入增长率 and showed it alone, as if it
    were all the words name: the 复合增长率 the renewal does not check (its id found it) went unsaid. Both now,
    the waived one said not checked, with how a new application judges it."""
    path = _holder(tmp_path)
    code, out, err = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--renewal", "little_giant",
                          "--explain", "增长率")
    assert (code, err) == (0, ""), err
    flat = _flat(out)
    assert flat.startswith("“增长率”对应2个条件，逐一说明如下"), out
    assert "上年度主营业务收入增长率所属称号：科技和创新型中小企业" in flat, out
    assert "近两年营业收入复合增长率不低于5%所属称号：专精特新\"小巨人\"企业" in flat, out
    assert "复核不评估这一条件" in flat and "如按新申请：✔满足" in flat, out
    # not in a new application, where the growth is checked as any other row: one trace of it, no such words
    code, out, _ = _run("assess", path, "--as-of", AS_OF, "--lang", "zh", "--explain", "复合增长率")
    assert code == 0 and "复核不评估" not in out and _flat(out).count("近两年营业收入复合增长率不低于5%") == 1
