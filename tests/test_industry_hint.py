"""An 所属行业 a park records as the product or trade (电子元器件, 电子, 机械, 新材料): the row stays an error
(a word is never taken for a choice, since a guess could size a company wrongly), but the one-line
refusal now says first that manufacturers fill 工业, where it listed the sixteen size-standard
choices alone; the nearest-name hint stays where there is one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.errors import InputError
from littlegiant.load import rules

runner = CliRunner()
AS_OF = "2026-12-04"
LABEL = "「行业（《中小企业划型标准规定》）」"
HINT_ZH = "不是可填的选项：制造业企业（如电子元器件、机械、新材料）请填“工业”。可填的有：农、林、牧、渔业；工业；建筑业；"
IDS = ("agriculture, industrial, construction, wholesale, retail, transport, warehousing, postal, accommodation, "
       "catering, information_transmission, software_it, real_estate, property_management, leasing_business, other")
WORDS = ["电子元器件", "电子", "机械", "新材料"]


def run(*args: str, lang: str) -> tuple[int, str]:
    done = runner.invoke(app, [*args, "--as-of", AS_OF, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return done.exit_code, done.stderr


def park_sheet(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    ws.append(["园区企业名单（金额单位：万元）"])
    ws.append(["序号", "企业名称", "所属行业", "从业人员", "营业收入（2025年）"])
    for i, word in enumerate(WORDS, 1):
        ws.append([i, f"{word}公司", word, 150, 8000])
    book.save(path)
    return path


def test_a_park_sheets_trade_words_say_manufacturers_fill_industry(tmp_path: Path) -> None:
    """Each row is still an error, its cell on the results sheet and on the error sheet one line that
    says manufacturers fill 工业 before the list of choices, and the list is whole."""
    code, _ = run("batch", str(park_sheet(tmp_path / "名单.xlsx")), "-o", str(tmp_path / "结果.xlsx"), "-q", lang="zh")
    book = load_workbook(tmp_path / "结果.xlsx", read_only=True)
    head, *rows = book[book.sheetnames[0]].iter_rows(values_only=True)
    _, *problems = book[book.sheetnames[1]].iter_rows(values_only=True)
    book.close()
    assert code == 1
    for word, row, problem in zip(WORDS, rows, problems, strict=True):
        said = f"“所属行业”列（C列）：现在是文字“{word}”，{HINT_ZH}"  # the park's column, where staff find it
        cell = row[head.index("错误说明")]
        assert row[head.index("处理结果")] == "出错" and row[head.index("企业规模")] is None
        assert cell.startswith(said) and cell.endswith("；其他未列明行业") and "\n" not in cell, cell
        assert problem[-1] == cell


def test_in_english_a_batch_row_says_it_in_full(tmp_path: Path) -> None:
    """The English row says it too, and every choice still fits in the line (nothing cut off)."""
    code, _ = run("batch", str(park_sheet(tmp_path / "名单.xlsx")), "-o", str(tmp_path / "out.csv"), "-q", lang="en")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert code == 1
    assert [r["Problems"] for r in rows] == [
        f"所属行业 (column C): got text '{w}'; a manufacturer of any kind is 'industrial' (expected one of {IDS})" for w in WORDS]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_assess_says_it_in_one_line(tmp_path: Path, lang: str) -> None:
    """assess FILE with industry: 电子元器件 is exit 2 and one line saying what manufacturers fill,
    the id a YAML file takes."""
    (tmp_path / "co.yaml").write_text("name: 甲公司\nindustry: 电子元器件\nemployees: 150\n", encoding="utf-8")
    code, err = run("assess", str(tmp_path / "co.yaml"), lang=lang)
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    if lang == "zh":
        assert err.startswith(f"littlegiant 出错：{tmp_path / 'co.yaml'} 第 2 行，{LABEL}：现在是文字“电子元器件”，不是可填的"
                              "选项：制造业企业（如电子元器件、机械、新材料）请填 industrial（工业）。可填的有：agriculture（农、")
    else:
        assert err.strip() == (f"littlegiant: error: {tmp_path / 'co.yaml'}:2: industry: got text '电子元器件'; "
                               f"a manufacturer of any kind is 'industrial' (expected one of {IDS})")


def test_the_nearest_name_stays_and_says_manufacturing_beside_another_choice(tmp_path: Path) -> None:
    """制照业 is near 工业: said as before, not twice. 建筑材料 is near 建筑业, which a maker of building
    materials is not: both are said, the reader picks."""
    field = rules.load("miit-2026").fields["industry"]
    from littlegiant.load.answers import read_typed

    said = {}
    for typed in ("制照业", "建筑材料"):
        with pytest.raises(InputError) as caught:
            read_typed(field, typed, where="industry")
        said[typed] = caught.value.render("zh"), caught.value.render("en")
    assert said["制照业"][0].startswith(f"{LABEL}：现在是文字“制照业”，您是不是想写“工业”？可填的有：")
    assert said["建筑材料"][0].startswith(f"{LABEL}：现在是文字“建筑材料”，您是不是想写“建筑业”？制造业企业（如电子元器件、"
                                      "机械、新材料）请填“工业”。可填的有：")
    assert said["建筑材料"][1] == ("industry: got text '建筑材料'; did you mean 'construction'? "
                                 "(a manufacturer of any kind is 'industrial')")


def test_a_rule_files_choice_hint_names_one_of_its_choices(tmp_path: Path) -> None:
    """A rule author's choice_hint must name a choice of its field, and only a choice field has one."""
    from tests.test_hostile_rules import TWO_CHOICES, cli, with_industry, write

    good = write(tmp_path, with_industry(TWO_CHOICES, "    choice_hint: {choice: industrial, zh: 工厂, en: a factory}\n"))
    done, _ = cli("rules", "validate", str(good))
    assert done.returncode == 0, done.stderr
    bad = write(tmp_path, with_industry(TWO_CHOICES, "    choice_hint: {choice: mining, zh: 矿, en: a mine}\n"))
    done, _ = cli("rules", "validate", str(bad))
    assert done.returncode == 2 and "choice_hint.choice: expected one of industrial, other, got 'mining'" in done.stderr


@pytest.mark.parametrize(("typed", "hinted"), [
    ("电子元器件批发", False),  # a wholesaler: 批发业, which sizes a company by other bounds than 工业
    ("服装零售", False),
    ("建筑材料", True),  # made, not built: the nearest name 建筑业 is not what it is
    ("电子元器件", True),
])
def test_no_manufacturer_hint_for_a_trade_named_last(tmp_path: Path, typed: str, hinted: bool) -> None:
    """电子元器件批发 was told 「制造业企业（如电子元器件…）请填“工业”」 (review, session 30): followed, it
    sized a 300-person wholesaler with 4.5亿 as 中型 where 批发业 makes it 大型. A text ending in another
    choice's trade (批发, 零售) gets no manufacturer hint; a product or material still does."""
    prof = tmp_path / "p.yaml"
    prof.write_text(f"name: 甲\nindustry: {typed}\n", encoding="utf-8")
    code, err = run("assess", str(prof), lang="zh")
    assert code == 2
    assert ("制造业企业（如电子元器件、机械、新材料）" in err) == hinted, err
