"""A consultant types notes into a client's report (报告.md, 报告.html) and runs the assessment again onto the
same name: the notes were replaced without a word. The file as it was is now kept beside the new one, and said;
a report as the tool wrote it is replaced quietly, with no copies piling up."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from littlegiant.cli.app import app
from littlegiant.cli.reportfile import as_written, with_mark

PROFILE = str(EXAMPLES / "little-giant-2026.yaml")
FORMATS = {"md": "markdown", "html": "html", "txt": "text"}


def _assess(out: Path, fmt: str, as_of: str = "2026-11-26", lang: str = "zh") -> str:
    done = CliRunner().invoke(app, ["assess", PROFILE, "--as-of", as_of, "--lang", lang, "--format", fmt, "-o", str(out)],
                              env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    return done.stderr


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.backup-*"))


@pytest.mark.parametrize("suffix", ["md", "html", "txt"])
def test_notes_typed_into_a_report_are_kept_when_it_is_written_again(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"报告.{suffix}"
    _assess(out, FORMATS[suffix])
    with out.open("a", encoding="utf-8") as handle:
        handle.write("\n顾问备注：研发外包部分待客户补充发票\n")
    said = _assess(out, FORMATS[suffix])
    kept = _kept(tmp_path)
    assert len(kept) == 1 and kept[0].name.startswith("报告.backup-") and kept[0].suffix == f".{suffix}"
    assert "顾问备注：研发外包部分待客户补充发票" in kept[0].read_text(encoding="utf-8-sig")
    assert "顾问备注" not in out.read_text(encoding="utf-8-sig")
    assert "原文件已另存为" in said and kept[0].name in said


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_a_report_as_written_is_replaced_quietly(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"报告.{suffix}"
    _assess(out, FORMATS[suffix])
    said = _assess(out, FORMATS[suffix], as_of="2026-11-27", lang="en")  # another day, another language
    assert _kept(tmp_path) == [] and "kept" not in said
    assert "2026-11-27" in out.read_text(encoding="utf-8")


def test_an_editor_saving_the_line_ends_back_as_lf_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "报告.md"
    _assess(out, "markdown")
    assert b"\r\n" in out.read_bytes()  # written for Windows' Notepad
    out.write_bytes(out.read_bytes().replace(b"\r\n", b"\n"))
    _assess(out, "markdown", as_of="2026-11-27")
    assert _kept(tmp_path) == []


def test_a_plain_text_report_run_again_on_other_days_piles_up_no_copies(tmp_path: Path) -> None:
    out = tmp_path / "报告.txt"
    for day in ("2026-11-26", "2026-11-27", "2026-11-28"):
        assert "另存为" not in _assess(out, "text", as_of=day)
    assert _kept(tmp_path) == []
    last = out.read_text(encoding="utf-8-sig").splitlines()[-1]
    assert last.startswith("报告校验码 ") and last.endswith("（用于识别本文件写出后是否改动过）")


def test_an_editor_trimming_spaces_at_line_ends_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "报告.md"
    _assess(out, "markdown")
    text = out.read_bytes()
    assert b" \r\n" in text  # Markdown's line breaks: two spaces at a line's end
    out.write_bytes(text.replace(b" \r\n", b"\r\n").replace(b" \r\n", b"\r\n"))
    _assess(out, "markdown", as_of="2026-11-27")
    assert _kept(tmp_path) == []


def test_json_written_over_a_report_with_notes_keeps_it(tmp_path: Path) -> None:
    out = tmp_path / "报告.md"
    _assess(out, "markdown")
    with out.open("a", encoding="utf-8") as handle:
        handle.write("顾问备注\n")
    said = _assess(out, "json")
    assert "顾问备注" in _kept(tmp_path)[0].read_text(encoding="utf-8") and "另存为" in said
    _assess(out, "markdown")  # over the JSON just written: nothing typed into it, nothing kept
    assert len(_kept(tmp_path)) == 1


def test_notes_typed_in_the_middle_of_a_text_report_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "报告.txt"
    _assess(out, "text")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    out.write_text("\n".join([*lines[:3], "顾问：先补齐知识产权证书", *lines[3:]]) + "\n", encoding="utf-8-sig")
    _assess(out, "text")
    assert "顾问：先补齐知识产权证书" in _kept(tmp_path)[0].read_text(encoding="utf-8-sig")


def test_a_users_own_file_at_the_name_is_still_refused(tmp_path: Path) -> None:
    out = tmp_path / "会议纪要.md"
    out.write_text("# 会议纪要\n客户下周提供审计报告\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", PROFILE, "--lang", "zh", "-o", str(out)])
    assert done.exit_code == 2 and "不是本工具写出的报告" in done.stderr
    assert out.read_text(encoding="utf-8") == "# 会议纪要\n客户下周提供审计报告\n" and _kept(tmp_path) == []


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_characters="\r", blacklist_categories=("Cs",)), min_size=1, max_size=300),
       st.sampled_from(["markdown", "html", "text"]), st.sampled_from(["zh", "en"]), st.data())
def test_a_mark_tells_any_change(text: str, fmt: str, lang: str, data: st.DataObject) -> None:
    written = with_mark(text, fmt, lang).encode("utf-8")
    other = with_mark(text + "x", fmt, lang).encode("utf-8")
    assert as_written(written, other)
    at = data.draw(st.integers(0, len(text)))
    typed = data.draw(st.text(alphabet="备注abc\n", min_size=1, max_size=5))
    changed = with_mark(text, fmt, lang).encode("utf-8")
    cut = len(text[:at].encode("utf-8"))
    edited = changed[:cut] + typed.encode("utf-8") + changed[cut:]
    assert not as_written(edited, other)
