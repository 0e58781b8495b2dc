"""Words a reader meets in the reports, read from the real output: one language a report, no file
paths, labels that stand alone, the 2022 growth formula with the company's figures, plain JSON
explanations and JSON numbers that say what the report says."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES, ROOT, half_missing_unheld
from tests.test_reports import cli, squash
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.load import rules

HAN = re.compile(r"[\u4e00-\u9fff]")
CITATION = re.compile(r"[\u4e00-\u9fff]*〔\d{4}〕\d+号|《[^》]*》|（[^）]*）|\([^)]*[\u4e00-\u9fff][^)]*\)")
"""What an English sentence may hold in Chinese: a document number, a title in 《》, and a gloss in
brackets after its English name (Specialised and sophisticated SME (专精特新中小企业))."""


def test_the_english_report_under_the_2026_rules_says_its_notes_in_english() -> None:
    """The 2026 set's note read "The 2026 criteria for 专精特新中小企业 and Little Giant come from
    third-party transcriptions" in an English report: a Chinese name in the middle of an English sentence."""
    out = cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "en",
              columns=2000)
    rests_on = out.split("What this rests on")[1].split("\n\n")[0]
    note = next(line for line in rests_on.splitlines() if "third-party" in line)
    assert not HAN.search(CITATION.sub("", note)), note
    assert "specialised and sophisticated SME and Little Giant tiers" in note


PATH_LIKE = re.compile(r"docs/|\.md\b|\.ya?ml\b|§")


def _sources(doc: object) -> list[str]:
    """Every ``source`` string of a JSON result, its rule set's and its criteria's."""
    found: list[str] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key == "source" and isinstance(value, str):
                found.append(value)
            else:
                found += _sources(value)
    elif isinstance(doc, list):
        for value in doc:
            found += _sources(value)
    return found


@pytest.mark.parametrize("args", [
    (str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01"),
    (str(EXAMPLES / "overlays" / "shandong.yaml"), "--rules", str(ROOT / "rules" / "overlays" / "shandong-2022.yaml"),
     "--as-of", "2026-03-01")])
def test_a_policy_source_cites_documents_never_a_file_of_this_project(args: tuple[str, ...]) -> None:
    """The 2022 growth criteria cited "见 docs/criteria.md §3" and the Shandong overlay "docs/criteria.md §5.1
    示例": a path a user cannot open, in the source a consultant copies into an application."""
    for lang in ("zh", "en"):
        sources = _sources(json.loads(cli("assess", *args, "--lang", lang, "--format", "json")))
        assert sources and not [s for s in sources if PATH_LIKE.search(s)]
    trace = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--lang", "zh",
                "--explain", "近2年主营业务收入平均增长率不低于5%", columns=2000)
    assert "政策依据：工信部企业〔2022〕63号 附件3 专业化指标（平均增长率按两年增长率的算术平均计算，为本工具采用的口径）" in trace
    assert not PATH_LIKE.search(trace)


OLD_HEADERS = {"研发人员": ("rd_staff", "30"), "科技人员": ("tech_staff", "40"),
               "其中自主研发获得的Ⅰ类知识产权": ("ip.class1_self_developed", "3"),
               "其中Ⅰ类高价值知识产权": ("ip.class1_high_value", "1"),
               "…of which applied and already earning": ("ip.class1_applied", "2")}
"""Headers of earlier templates (the labels these fields had), with a value for each."""


def test_every_label_stands_alone_and_a_count_says_it_is_one(tmp_path: Path) -> None:
    """「其中Ⅰ类高价值知识产权」 and "…of which high-value" read as fragments wherever a label stands
    alone (尚缺：…, a plan's step, a sheet's header), and 「科技人员」 named people where the figure is
    their number. The report lists the part by a name that says what it counts."""
    for rule_id in ("miit-2022", "miit-2026"):
        for f in rules.load(rule_id).fields.values():
            assert not f.label.zh.startswith("其中") and "of which" not in f.label.en, f.id
        staff = rules.load(rule_id).fields
        assert (staff["tech_staff"].label.zh, staff["rd_staff"].label.zh) == ("科技人员人数", "研发人员人数")
        assert staff["tech_staff"].label.en == "Number of science and technology staff"
    half = str(half_missing_unheld(tmp_path))  # tier 1 not held: its plan lists its questions
    zh = squash(cli("assess", half, "--as-of", "2026-11-26", "--lang", "zh"))
    assert "10.Ⅰ类高价值知识产权■" in zh and "其中Ⅰ类" not in zh  # the tenth question of a plan, a line of its own
    en = cli("assess", half, "--as-of", "2026-11-26", "--lang", "en", columns=2000)
    assert "High-value class I IP" in en and "of which" not in en


def test_a_sheet_headed_with_the_old_labels_still_reads(tmp_path: Path) -> None:
    """A park's sheet made from an earlier template keeps its headers (研发人员, 其中Ⅰ类高价值知识产权,
    "…of which applied and already earning"): each still reads as its field, the figure carried into the result."""
    sheet = tmp_path / "名单.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as out:
        w = csv.writer(out)
        w.writerow(["企业名称", "行业", "从业人员", "与主导产品相关的有效Ⅰ类知识产权", *OLD_HEADERS])
        w.writerow(["某公司", "工业", "100", "5", *(v for _, v in OLD_HEADERS.values())])
    read: dict[str, object] = {}
    for as_of in ("2026-03-01", "2026-11-26"):  # R&D staff is read by the 2022 rules, S&T staff by the 2026 ones
        result = tmp_path / f"结果{as_of}.jsonl"
        run = CliRunner().invoke(app, ["batch", str(sheet), "-o", str(result), "--format", "json", "--as-of", as_of,
                                       "--lang", "zh"], env={"COLUMNS": "80"})
        assert run.exit_code == 0, run.output
        row = json.loads(result.read_text("utf-8"))
        assert row["status"] == "scored", row
        read |= {k: v for t in row["result"]["tiers"].values() for c in t["criteria"] for k, v in c.get("inputs", {}).items()}
    assert {path: read.get(path) for path, _ in OLD_HEADERS.values()} == \
        {path: int(v) for path, v in OLD_HEADERS.values()}


GROWTH_2022 = "((10,200 ÷ 9,300 − 1) + (9,300 ÷ 8,100 − 1)) ÷ 2"
"""The 2022 average growth of little-giant-2022.yaml (main revenue 10,200, 9,300, 8,100万元) as its formula."""


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_2022_average_growth_is_shown_as_its_formula_with_the_companys_figures(fmt: str) -> None:
    """criteria.md §3: the 2022 average growth is the mean of two yearly rates, a formula recalled rather than
    read, "show the formula in the output". The report gave 12.25% and the three revenues, not how one made
    the other; now the formula with the company's figures stands before them."""
    args = ("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--format", fmt, "--detail")
    zh = cli(*args, "--lang", "zh", columns=2000)
    assert f"12.25%（{GROWTH_2022}；主营业务收入（2025年）「10,200万元」，主营业务收入（2024年）「9,300万元」，" \
           "主营业务收入（2023年）「8,100万元」），要求不低于5%：满足" in zh
    en = cli(*args, "--lang", "en", columns=2000).replace("&nbsp;", " ").replace("\u00a0", " ")  # HTML's kept space
    assert f"12.25% ({GROWTH_2022}, from Main-business revenue 2025 — 10,200 (10k CNY); " in en


def test_explain_shows_the_2022_growth_formula_in_words() -> None:
    """--explain left out 计算方法 for the growth formula, written with y1/y2 (code to a finance manager)."""
    zh = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--lang", "zh",
             "--explain", "lg.main_growth_avg", columns=2000)
    assert "计算方法：((上年度 ÷ 前年 − 1) + (前年 ÷ 大前年 − 1)) ÷ 2，各为当年主营业务收入：两年增长率的算术平均" in zh
    assert f"计算结果：12.25%（{GROWTH_2022}；" in zh
    en = cli("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--lang", "en",
             "--explain", "lg.main_growth_avg", columns=2000)
    assert "Formula: ((last year ÷ the year before − 1) + (the year before ÷ the year before that − 1)) ÷ 2" in en


CODE_LIKE = re.compile(r" >= | <= | == | != |∈|[{}]|\b[a-z]+_[a-z_0-9]+\b|\b(?:top500|top50)\b| = (?:是|否|yes|no)\b")
"""What read like code in a JSON explanation: operators, sets, ids (below_city, top500), "… = 是"."""
CHOICE_IDS = re.compile(r"\b(?:none|below_city|city|provincial|national|top500|top50)\b")


@pytest.mark.parametrize("as_of", ["2026-03-01", "2026-11-26"])
@pytest.mark.parametrize("name", ["little-giant-2022", "half-missing", "micro-startup", "tier1-only"])
def test_json_explanations_are_sentences_in_the_report_language(name: str, as_of: str) -> None:
    """A JSON row's explanation read 「0 >= 1 or 2 >= 1 = 是」 and 「provincial，要求 ∈ {provincial, national}」,
    while the report said the same in words: CONTRACT.md's "explanation in the chosen language" is now the
    report's sentence, under the same keys."""
    for lang in ("zh", "en"):
        doc = json.loads(cli("assess", str(EXAMPLES / f"{name}.yaml"), "--as-of", as_of, "--lang", lang,
                             "--format", "json"))
        for tier in doc["tiers"].values():
            for c in tier["criteria"]:
                said = c["explanation"]
                assert not CODE_LIKE.search(said), (c["id"], said)
                if lang == "zh":
                    assert not CHOICE_IDS.search(said), (c["id"], said)


def test_a_json_explanation_is_the_sentence_the_report_shows() -> None:
    """The same criterion says the same thing in the Markdown report and in the JSON, choices by their names."""
    args = ("assess", str(EXAMPLES / "little-giant-2022.yaml"), "--as-of", "2026-03-01", "--lang", "zh")
    doc = json.loads(cli(*args, "--format", "json"))
    rows = {c["id"]: c for c in doc["tiers"]["innovative_sme"]["criteria"]}
    assert rows["innovative.direct.award"]["explanation"] == \
        "近三年国家级科技奖励获奖单位排名「未获奖」，近三年省级科技奖励获奖单位排名「2」：满足"
    assert rows["innovative.direct.institution"]["explanation"] == "现为「省级（省部级）」，要求「省级（省部级）」或「国家级」：满足"
    assert rows["innovative.direct.institution"]["inputs"] == {"rd_institution": "provincial"}  # the data keeps its ids
    markdown = cli(*args, "--format", "markdown")
    for c in doc["tiers"]["little_giant"]["criteria"]:
        assert c["explanation"] in markdown, c["id"]


def _rows(doc: dict[str, Any], tier: str) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in doc["tiers"][tier]["criteria"]}


def test_a_figure_given_with_many_places_is_the_same_number_everywhere_in_the_json(tmp_path: Path) -> None:
    """A domestic share of 9.99999999% was 10.0 in ``inputs`` and in the plan's ``before``, and the plan's
    ``after`` 10.01, while the explanation said 9.99999999% (not met against 10%) and ``set`` said
    10.00999999: a figure someone typed is written as typed, wherever the JSON carries it."""
    text = (EXAMPLES / "little-giant-2022.yaml").read_text(encoding="utf-8")
    profile_path = tmp_path / "p.yaml"
    profile_path.write_text(text.replace("domestic_share: 12.5", "domestic_share: 9.99999999"), encoding="utf-8")
    doc = json.loads(cli("assess", str(profile_path), "--as-of", "2026-03-01", "--lang", "zh", "--format", "json"))
    row = _rows(doc, "little_giant")["lg.market_share"]
    assert (row["value"], row["inputs"], row["status"]) == (9.99999999, {"market.domestic_share": 9.99999999}, "unmet")
    assert row["explanation"].startswith("9.99999999%")
    moves = [m for p in doc["plans"].values() for m in p["moves"] if m["path"] == "market.domestic_share"]
    changes = [ch for g in doc["gaps"].values() for s in g["steps"] for ch in s["changes"]
               if ch["path"] == "market.domestic_share"]
    assert moves and changes
    for m in moves + changes:
        assert m["before"] == 9.99999999 and f"={m['after']}" in m["set"]


def test_a_quotient_that_misses_a_whole_threshold_is_never_written_as_it() -> None:
    """Main business 2.69999999999 of revenue 3 is 89.99999999966…%, short of 90%: the JSON value was 90.0
    (six places) and the input 2.7, as if the company met it; the explanation's parts read 2.7 ÷ 3."""
    doc = json.loads(cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26", "--lang", "en",
                         "--format", "json", "--set", "financials.2025.revenue=3",
                         "--set", "financials.2025.main_revenue=2.69999999999"))
    row = _rows(doc, "little_giant")["lg26.main_share"]
    assert row["status"] == "unmet" and row["value"] < 90
    assert row["inputs"] == {"financials.2025.main_revenue": 2.69999999999, "financials.2025.revenue": 3}
    assert "(2.69999999999 ÷ 3); required at least 90%: not met" in row["explanation"]
    usual = _rows(json.loads(cli("assess", str(EXAMPLES / "little-giant-2026.yaml"), "--as-of", "2026-11-26",
                                 "--format", "json")), "little_giant")
    assert usual["lg26.main_share"]["value"] == 91.666667  # a quotient's six places, as before
