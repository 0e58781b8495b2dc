"""Profiles and JSON Lines in UTF-16 without a byte-order mark whose first character is Chinese (Notepad's
"Unicode" saved by a tool that drops the mark): read as the same text in UTF-8 is. They were refused, "not text
in any encoding tried", as only the first character's NUL bytes were looked for, and 企 has none."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "micro-startup.yaml"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--as-of", "2026-11-26"], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stderr


def profile(name: str) -> str:
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data = {k: {str(y): v for y, v in w.items()} if isinstance(w, dict) else w for k, w in data.items()}
    return json.dumps(dict(data, name=name), ensure_ascii=False)


def results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: v for k, v in r.items() if k != "来源（文件:行）"} for r in csv.DictReader(handle)]


name = st.text(st.sampled_from("一丁七万丈三上下不与丐丑专且世业丙东丝两严丧个中丰串临丹为主举久么义乙科技"),
               min_size=2, max_size=12).map(lambda s: s + "有限公司")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(name, min_size=1, max_size=4, unique=True), title=st.sampled_from(["企业名单", "一、企业名单"]),
       codec=st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_json_lines_headed_by_a_chinese_line_read_as_in_utf8(tmp_path: Path, names: list[str], title: str,
                                                             codec: str) -> None:
    """A JSON Lines file whose first line is a title (企业名单): its companies scored, the title an error row,
    as in UTF-8; it was refused whole."""
    text = "\n".join([title] + [profile(n) for n in names]) + "\n"
    wide, plain = tmp_path / "名单.jsonl", tmp_path / "对照.jsonl"
    wide.write_bytes(text.encode(codec))
    plain.write_bytes(text.encode("utf-8"))
    got, want = tmp_path / "结果.csv", tmp_path / "对照结果.csv"
    said = []
    for src, out in ((wide, got), (plain, want)):
        out.unlink(missing_ok=True)
        code, screen = invoke("batch", str(src), "-o", str(out))
        assert code == 1, screen
        said.append(screen.replace(src.name, "FILE").replace(str(out), "OUT"))
    assert results(got) == results(want)
    assert [r["企业名称"] for r in results(got)][1:] == names
    assert said[0] == said[1] and f"共读取 {len(names) + 1} 行，已评估 {len(names)} 行，出错 1 行" in said[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_profile_whose_first_character_is_chinese_is_read(tmp_path: Path, codec: str, suffix: str) -> None:
    """A profile beginning with a key in Chinese: the profile's own words on it, as in UTF-8, never that it
    is no text."""
    body = EXAMPLE.read_text("utf-8").split("\n", 3)[3] if suffix == ".yaml" else profile("极光智算科技（深圳）有限公司")
    text = "企业简称: 极光\n" + body if suffix == ".yaml" else '企业简称' + body  # JSON: no text before its brace
    wide, plain = tmp_path / f"档案{suffix}", tmp_path / f"对照{suffix}"
    wide.write_bytes(text.encode(codec))
    plain.write_bytes(text.encode("utf-8"))
    said = []
    for src in (wide, plain):
        code, screen = invoke("assess", str(src))
        assert code == 2
        said.append(screen.replace(src.name, "FILE"))
    assert said[0] == said[1] and "读不出文字" not in said[0]

