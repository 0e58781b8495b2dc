"""Which encoding a text file is read in: a UTF-8 file is read as UTF-8 unless its bytes are plainly
Chinese saved by Excel in GBK, and GBK stays GBK however short."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()
AS_OF = "2026-11-26"
SIGNED = ["Acme 1½ Tools", "Beta ±5 Ltd", "Gamma 3×4 Co", "Delta 25° Works", "Epsilon µ Labs", "Zeta ½",
          "Eta 10\u00a0000 Co", "Theta (÷2) Co", "Iota ± 0.5 Co"]
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
