"""A file that is no profile given to assess: a document or a picture is told what to do instead
(it was told to save it as UTF-8, or that a colon on line 6 was amiss), and a table's batch command
keeps the folder it was named with."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from littlegiant.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"LANG": "zh_CN.UTF-8"})
    return result.exit_code, result.stderr


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("申报书.docx", b"PK\x03\x04\x14\x00\x06\x00", "DOCX"),
    ("申报书.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("报告.html", "<!doctype html><html><body><p>结论：满足</p>\n".encode(), "HTML"),
    ("报告.md", "# 自评报告\n\n结论：*满足*\n".encode(), "MD"),
    ("表格照片.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPG"),
])
def test_a_document_or_picture_is_told_to_make_a_profile(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, err = invoke("assess", str(path), "--lang", "zh")
    assert code == 2 and err.strip() == (f"littlegiant 出错：{path}：这是文档或图片（{kind}），不是企业资料文件：请运行 "
                                         "littlegiant init 企业资料.yaml 生成资料模板照着填写，或直接运行 littlegiant assess 逐题回答")
    code, err = invoke("assess", str(path), "--lang", "en")
    assert code == 2 and err.strip().endswith(f"a document or picture ({kind}), not a company profile: run littlegiant "
                                              "init profile.yaml for a profile to fill in, or littlegiant assess alone "
                                              "to be asked the questions")


def test_a_tables_batch_command_keeps_its_folder(tmp_path: Path) -> None:
    """assess 名单/园区 企业.csv pointed to batch 园区 企业.csv, which is not there from where it was typed."""
    folder = tmp_path / "名单"
    folder.mkdir()
    table = folder / "园区 企业.csv"
    table.write_text("企业名称,营业收入（2025年）\n甲公司,5000\n", encoding="utf-8")
    code, err = invoke("assess", str(table), "--lang", "zh")
    assert code == 2 and err.strip().endswith(f"请改用：littlegiant batch \"{table}\" -o 评估结果.xlsx")
    old = folder / "旧表.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    code, err = invoke("assess", str(old), "--lang", "zh")
    assert code == 2 and f"再运行：littlegiant batch {folder / '旧表'}.xlsx -o 评估结果.xlsx" in err


def test_commands_to_copy_quote_a_windows_path_as_cmd_and_powershell_read_it() -> None:
    """A folder's backslash switched the quoting to POSIX single quotes, which cmd does not read; and an
    .xls's command quoted the name and then added .xlsx ("旧 名单".xlsx), which PowerShell splits."""
    from littlegiant.messages import shell_word

    assert shell_word("D:\\园区 资料\\名单 1.xlsx") == '"D:\\园区 资料\\名单 1.xlsx"'
    assert shell_word("名单.xlsx") == "名单.xlsx" and shell_word("my docs/名单 1.xlsx") == '"my docs/名单 1.xlsx"'
    assert shell_word("C:\\资料\\") == "'C:\\资料\\'"  # a closing backslash would escape bash's quote


def test_an_old_excel_files_command_quotes_the_new_name_whole(tmp_path: Path) -> None:
    folder = tmp_path / "公司 资料"
    folder.mkdir()
    old = folder / "旧 名单.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    code, err = invoke("assess", str(old), "--lang", "zh")
    assert code == 2 and f'再运行：littlegiant batch "{folder / "旧 名单.xlsx"}" -o 评估结果.xlsx' in err


def test_a_word_covering_two_industries_is_told_the_two_as_a_sheet_is(tmp_path: Path) -> None:
    """industry: 批发和零售业 in a profile got the list of sixteen ids, cut at 300 characters before
    批发业 or 零售业 was reached; batch's cell with the same word names the two. assess now says what batch
    says, on one line."""
    profile = tmp_path / "甲.yaml"
    profile.write_text("name: 甲\nindustry: 批发和零售业\n", encoding="utf-8")
    sheet = tmp_path / "名单.csv"
    sheet.write_text("企业名称,行业\n甲,批发和零售业\n", encoding="utf-8")
    code, err = invoke("assess", str(profile), "--lang", "zh")
    said = "「行业（《中小企业划型标准规定》）」：现在是文字“批发和零售业”，这包括不止一类，请写批发业或零售业"
    assert code == 2 and err.strip() == f"littlegiant 出错：{profile} 第 2 行，{said}", err
    out = tmp_path / "结果.csv"
    done = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--lang", "zh", "-q"])
    # the sheet's row names the column as the sheet heads it
    assert done.exit_code == 1 and said.replace("「行业（《中小企业划型标准规定》）」", "“行业”列") in out.read_text(encoding="utf-8-sig")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
"""The opening of an Office compound file: how WPS keeps an .et, and Excel an .xls or .xlsb."""


@pytest.mark.parametrize(("name", "zh", "en"), [
    ("名单.et", "这是 WPS 表格（.et）：请在 WPS 中另存为 .xlsx，再运行：littlegiant batch {xlsx} -o 评估结果.xlsx",
     "a WPS Spreadsheets file (.et), a table of companies: save it as .xlsx in WPS, then run littlegiant batch "
     "{xlsx} -o results.xlsx"),
    ("名单.ett", "这是 WPS 表格模板（.ett）：请在 WPS 中另存为 .xlsx，再运行：littlegiant batch {xlsx} -o 评估结果.xlsx",
     "a WPS Spreadsheets template (.ett), a table of companies: save it as .xlsx in WPS, then run littlegiant "
     "batch {xlsx} -o results.xlsx"),
    ("名单.ods", "这是 OpenDocument 表格（.ods）：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx，再运行："
                 "littlegiant batch {xlsx} -o 评估结果.xlsx",
     "an OpenDocument spreadsheet (.ods), a table of companies: save it as .xlsx in WPS, LibreOffice or Excel, "
     "then run littlegiant batch {xlsx} -o results.xlsx"),
    ("名单.xlsb", "这是 Excel 二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx，再运行：littlegiant batch {xlsx} -o "
                  "评估结果.xlsx",
     "an Excel binary workbook (.xlsb), a table of companies: save it as .xlsx in Excel, then run littlegiant "
     "batch {xlsx} -o results.xlsx"),
])
def test_a_wps_or_opendocument_sheet_is_told_to_save_it_as_xlsx_for_batch(tmp_path: Path, name: str, zh: str,
                                                                          en: str) -> None:
    """assess 名单.et (a WPS sheet) said no encoding reads it, and to save it as UTF-8: it is told what it
    is and what to do in one line, as an .xls is (batch reads the .xlsx it saves)."""
    path = tmp_path / name
    path.write_bytes(OLE)
    xlsx = path.with_suffix(".xlsx")
    code, err = invoke("assess", str(path), "--lang", "zh")
    assert code == 2 and err == f"littlegiant 出错：{path}：{zh.format(xlsx=xlsx)}\n", err
    code, err = invoke("assess", str(path), "--lang", "en")
    assert code == 2 and err == f"littlegiant: error: {path}: {en.format(xlsx=xlsx)}\n", err


def test_an_unknown_top_level_key_lists_whole_names_and_how_many_more(tmp_path: Path) -> None:
    """A key no field has, at the top of a profile, where some 26 keys are allowed: the English message
    listed them all and was cut at its length mid-name (「…, rd_instit…」). It names the first twelve whole,
    says how many more, and where all of them are written; Chinese points to the template, as before."""
    path = tmp_path / "p.yaml"
    path.write_text("name: 甲公司\nfoo: 1\n", encoding="utf-8")
    code, err = invoke("assess", str(path), "--lang", "en")
    assert code == 2 and err.strip().endswith("industry and 14 more; littlegiant init writes them all)"), err
    assert "…" not in err
    code, err = invoke("assess", str(path), "--lang", "zh")
    assert err.strip().endswith("“foo”不是可识别的项目（可填写的项目见 littlegiant init 生成的模板）"), err
