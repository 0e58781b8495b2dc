"""Which encoding a text file is read in: a UTF-8 file is read as UTF-8 unless its bytes are plainly
Chinese saved by Excel in GBK, and GBK stays GBK however short."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
SIGNED = ["Acme 1½ Tools", "Beta ±5 Ltd", "Gamma 3×4 Co", "Delta 25° Works", "Epsilon µ Labs", "Zeta ½",
          "Eta 10\u00a0000 Co", "Theta (÷2) Co", "Iota ± 0.5 Co", "Kappa (¥) Co"]
"""Names whose only non-ASCII character is a sign of the Latin-1 range, set among ASCII words or
figures: each is valid GBK too (½ is C2 BD, GBK's 陆; ° 掳, ± 卤, × 脳, µ 碌, ÷ 梅)."""


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--as-of", AS_OF], env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def _names(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row[1] for row in list(csv.reader(handle))[1:]]


@pytest.mark.parametrize("name", SIGNED)
def test_a_utf8_profile_whose_one_sign_is_latin1_reads_as_typed(tmp_path: Path, name: str) -> None:
    """A UTF-8 profile whose only non-ASCII character was ½ (or °, ±, ×, µ) was read as GBK: the report
    was headed Acme 1陆 Tools. A sign among ASCII words or figures is what it is in UTF-8."""
    (tmp_path / "p.yaml").write_text(f'name: "{name}"\nindustry: industrial\nemployees: 120\n', encoding="utf-8")
    code, out, err = _invoke("assess", str(tmp_path / "p.yaml"), "--lang", "zh")
    assert code == 0, err
    assert out.splitlines()[0] == name


def test_a_utf8_csv_whose_signs_are_latin1_reads_as_typed(tmp_path: Path) -> None:
    """The same in a batch: a CSV of such names (its only non-ASCII characters) keeps them as typed."""
    rows = "".join(f'"{name}",industrial,120\n' for name in SIGNED)
    (tmp_path / "in.csv").write_text("name,industry,employees\n" + rows, encoding="utf-8")
    code, _, err = _invoke("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0, err
    assert _names(tmp_path / "out.csv") == SIGNED


GBK_ALSO_UTF8 = ["路", "陆", "鲁山", "1鲁山", "楼一", "梅", "卢 一"]
"""Short Chinese names whose GBK bytes are UTF-8 too, a Latin-1 sign among them (鲁山 is ³ɽ, 路 ·,
梅 ÷): standing alone, or beside other such characters, they are no sign in an ASCII phrase."""


@pytest.mark.parametrize("name", GBK_ALSO_UTF8)
def test_a_short_gbk_profile_that_is_utf8_too_stays_gbk(tmp_path: Path, name: str) -> None:
    """A profile Excel or Notepad saved in GBK holding only a short Chinese name is read as GBK still."""
    raw = f"name: {name}\nindustry: industrial\nemployees: 120\n".encode("gbk")
    raw.decode("utf-8")  # the case: bytes both encodings read
    (tmp_path / "p.yaml").write_bytes(raw)
    code, out, err = _invoke("assess", str(tmp_path / "p.yaml"), "--lang", "zh")
    assert code == 0, err
    assert out.splitlines()[0] == name


@pytest.mark.parametrize("header", ["企业名称", "name"])
def test_a_short_gbk_csv_stays_gbk(tmp_path: Path, header: str) -> None:
    """A CSV saved by Chinese Excel (GBK, CRLF) with one company, as short as a name cell under its
    header, reads its Chinese as typed: 企业名称 is no UTF-8, 鲁山 and 路 are."""
    names = ["鲁山", "路"]
    text = f"{header},industry,employees\r\n" + "".join(f"{n},industrial,120\r\n" for n in names)
    (tmp_path / "in.csv").write_bytes(text.encode("gbk"))
    code, _, err = _invoke("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--lang", "zh")
    assert code == 0, err
    assert _names(tmp_path / "out.csv") == names


def test_a_utf8_line_added_to_a_gbk_profile_is_refused_naming_it(tmp_path: Path) -> None:
    """A GBK profile with its name added in another editor, in UTF-8, was read whole as GB18030: the report
    was headed 鍗庝笢绮惧瘑浼犲姩, not 华东精密传动, without a word (a hostile-input review). The line is named."""
    src = tmp_path / "co.yaml"
    src.write_bytes("# 一家小型制造企业\nindustry: industrial\nemployees: 45\n".encode("gbk")
                    + "name: 华东精密传动\n".encode())
    code, _, err = _invoke("assess", str(src), "--lang", "zh", "--as-of", AS_OF)
    assert (code, err) == (2, f"littlegiant 出错：{src}：文件里混有两种编码：第 4 行是 UTF-8，之前是 GBK（可能是从别的文件或"
                              "编辑器加进来的）；请把整个文件另存为同一种编码，如 UTF-8\n")


def test_utf8_rows_added_to_a_gbk_csv_are_read_as_utf8_and_said(tmp_path: Path) -> None:
    """Rows pasted from a UTF-8 export under a GBK list were scored under names of other characters
    (鍗庝笢绮惧瘑浼犲姩), 宁波恒达's 工业 refused as a choice it did not name. They are read as UTF-8, each
    with a note saying so; the GBK rows as before."""
    src = tmp_path / "名单.csv"
    gbk = "企业名称,行业,从业人员（上年末）,营业收入（2025年）\r\n" + "".join(
        f"甲乙精密{i}号公司,工业,100,5000\r\n" for i in range(300))
    src.write_bytes(gbk.encode("gbk") + "华东精密传动,工业,100,5000\r\n宁波恒达,工业,100,5000\r\n".encode())
    out = tmp_path / "out.csv"
    code, _, err = _invoke("batch", str(src), "-o", str(out), "--lang", "zh", "--as-of", AS_OF)
    assert code == 0, err
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["企业名称"] for r in rows[-3:]] == ["甲乙精密299号公司", "华东精密传动", "宁波恒达"]
    assert [r["企业规模"] for r in rows[-2:]] == ["小型", "小型"]
    assert all("这一行是 UTF-8 编码" in r["需核对的数据"] for r in rows[-2:])
    assert not any("UTF-8" in r["需核对的数据"] for r in rows[:-2])


def test_a_short_gbk_list_with_a_utf8_row_of_odd_bytes_is_read_row_by_row(tmp_path: Path) -> None:
    """A UTF-8 row whose bytes are no GB18030 at all (是 is three bytes: an odd count broke the pairs) in a short GBK
    list: the whole file was refused at its GBK header, 「列名行…都读不出文字」 (an independent review). The GBK header
    and row are read, the UTF-8 row as UTF-8 with its note; and a profile so mixed names its UTF-8 line."""
    src = tmp_path / "名单.csv"
    src.write_bytes("企业名称,有效期内的高新技术企业,营业收入（2025年）\r\n甲公司,是,3000\r\n".encode("gbk")
                    + "宁波精密机械公司,是,3000\r\n".encode())
    out = tmp_path / "out.csv"
    code, _, err = _invoke("batch", str(src), "-o", str(out), "--lang", "zh")
    assert code == 0, err
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["企业名称"] for r in rows] == ["甲公司", "宁波精密机械公司"]
    assert "UTF-8" not in rows[0]["需核对的数据"] and "这一行是 UTF-8 编码" in rows[1]["需核对的数据"]
    profile = tmp_path / "co.yaml"
    profile.write_bytes("# 一家小型制造企业\n".encode("gbk") + "name: 宁波精密机械有限公司\n".encode())
    code, _, err = _invoke("assess", str(profile), "--lang", "zh")
    assert code == 2 and "第 2 行是 UTF-8，之前是 GBK" in err


def test_a_utf8_sheet_headed_in_yen_reads_its_amounts_in_yuan(tmp_path: Path) -> None:
    """A UTF-8 sheet whose only non-ASCII character was the ¥ of "Operating revenue 2025 (¥)" was read as
    GBK: the header became 「(楼)」 and 30,000,000 yuan was read as 30,000,000 万元 (the independent review)."""
    (tmp_path / "in.csv").write_text("Company name,Employees at last year end,Operating revenue 2025 (¥)\nA Co,120,30000000\n",
                                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = _invoke("batch", str(tmp_path / "in.csv"), "-o", str(out), "--format", "json", "--lang", "en")
    assert code == 0, err
    result = json.loads(out.read_text(encoding="utf-8"))["result"]
    assert [c["value"] for c in result["tiers"]["little_giant"]["criteria"] if c["id"] == "lg26.revenue"] == [3000]
