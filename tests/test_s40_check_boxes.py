"""A form's ticked and crossed boxes in a park's yes/no columns: ☑ and ✅ are yes, ☒, ❌, ✕, ✖ and 非 no, as
√ and × were; each was an error row. An empty box (□) stays a question: unticked, or not filled in, no one
can tell, and a red line read as 否 on a guess would pass the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.test_park_sheets import invoke


@pytest.mark.parametrize(("mark", "held"), [("☑", True), ("✅", True), ("☒", False), ("❌", False), ("✕", False),
                                            ("✖", False), ("非", False)])
def test_a_ticked_or_crossed_box_is_yes_or_no(tmp_path: Path, mark: str, held: bool) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "有效期内的高新技术企业"])
    ws.append(["甲公司", "工业", mark])
    book.save(tmp_path / "名单.xlsx")
    code, _, _ = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    line = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    assert code == 0 and line["status"] == "scored"
    read = {c["inputs"]["honors.high_tech_enterprise"] for t in line["result"]["tiers"].values()
            for c in t["criteria"] if "honors.high_tech_enterprise" in c.get("inputs", {})}
    assert read == {held}


def test_an_empty_box_is_asked_not_guessed(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "行业", "有效期内的高新技术企业"])
    ws.append(["甲公司", "工业", "□"])
    book.save(tmp_path / "名单.xlsx")
    code, _, _ = invoke("batch", str(tmp_path / "名单.xlsx"), "-o", str(tmp_path / "out.jsonl"), "--format", "json")
    line = json.loads((tmp_path / "out.jsonl").read_text("utf-8"))
    assert code == 1 and line["status"] == "error" and "□" in line["error"]
