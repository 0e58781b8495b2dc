"""A sheet's title cell written as its validity (有效期到2028年) was refused saying the day decides, although
the run's date says 2028 is years away: the interview judged it by its own date, a batch had none to give.
Now a year after this one reads as held, last year or before as lapsed, this year is asked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_park_sheets import invoke, read_csv

TITLE = "持有有效的创新型中小企业称号"


def test_a_titles_validity_in_a_sheet_is_judged_by_the_runs_date(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    rows = [("甲公司", "有效期到2028年"), ("乙公司", "是（有效期到2027年）"), ("丙公司", "有效期到2026年"),
            ("丁公司", "有效期到2025年")]
    src.write_text(f"企业名称,行业,从业人员,营业收入（2025年）,{TITLE}\n" +
                   "".join(f"{name},工业,120,8000,{cell}\n" for name, cell in rows), encoding="utf-8")
    out = tmp_path / "结果.csv"
    code, _, err = invoke("batch", str(src), "-o", str(out), "--lang", "zh", "--columns", "ids")  # as of 2026-11-26
    assert code == 1, err  # 丙公司's row is an error row: this year's end decides
    got = {r["name"]: r for r in read_csv(out)}
    assert [got[n]["status"] for n in ("甲公司", "乙公司", "丙公司", "丁公司")] == ["scored", "scored", "error", "scored"]
    assert "今年是否仍有效要看具体日期" in got["丙公司"]["error"]
    full = tmp_path / "结果.jsonl"
    invoke("batch", str(src), "-o", str(full), "--format", "json")
    held = {}
    for line in full.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["status"] == "scored":
            read = {k: v for t in doc["result"]["tiers"].values() for c in t["criteria"]
                    for k, v in c.get("inputs", {}).items()}
            held[doc["result"]["name"]] = read.get("titles.innovative_sme")
    assert held == {"甲公司": True, "乙公司": True, "丁公司": False}  # to 2028, 2027: held; to 2025: lapsed
