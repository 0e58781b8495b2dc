"""Hostile paths around the files a run writes (a hostile-input pass): the hidden files beside an output,
an interview's lock, earlier outputs that cannot be read, a disk that fills up, init's links.

Every case runs the real command in a child process and checks what a user sees: the exit code, one
line on stderr and no traceback, the files left as they were or as said.
"""

from __future__ import annotations

import json
import os
import re
import resource
import stat
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.test_hostile_io import ROOT, companies, lg, one_line, read_rows

PROFILE = EXAMPLES / "tier1-only.yaml"
AS_OF = ("--as-of", "2026-11-26")


def _crc32(path: Path) -> str:
    return f"{zlib.crc32(path.read_bytes()):08x}"


def test_a_link_at_the_fingerprints_name_is_replaced_not_written_through(tmp_path: Path) -> None:
    """batch wrote its hidden fingerprint through a link there: the company list it pointed to held the
    fingerprint's JSON afterwards. The link itself is replaced; the list stays as it was."""
    listed = tmp_path / "list.csv"
    listed.write_text("name,employees\na,10\n", encoding="utf-8")
    before = listed.read_bytes()
    mark = tmp_path / ".out.csv.littlegiant"
    mark.symlink_to("list.csv")
    code, _, err = lg("batch", "list.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path)
    assert code == 0, err
    assert listed.read_bytes() == before
    assert not mark.is_symlink() and json.loads(mark.read_text(encoding="utf-8"))["crc32"] == _crc32(tmp_path / "out.csv")
    code, _, err = lg("batch", "list.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path)  # the fingerprint works: no copy kept
    assert code == 0 and "backup" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.csv.littlegiant", "list.csv", "out.csv"]


@pytest.mark.parametrize("how", ["fifo", "link to a fifo"])
def test_a_fingerprint_that_is_no_file_of_its_own_is_not_read_through(tmp_path: Path, how: str) -> None:
    """Reading the fingerprint opened whatever stood at its name: a FIFO there, or a link to one, hung
    the run for ever. Such a fingerprint counts as none (the earlier results are kept under a dated
    name before they are replaced); a FIFO is left where it is, a link is replaced by a fingerprint."""
    companies(tmp_path / "in.csv", 2)
    assert lg("batch", "in.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path)[0] == 0
    mark = tmp_path / ".out.csv.littlegiant"
    mark.unlink()
    if how == "fifo":
        os.mkfifo(mark)
    else:
        os.mkfifo(tmp_path / "pipe")
        mark.symlink_to("pipe")
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path, timeout=30)
    assert code == 0, err
    assert len(list(tmp_path.glob("out.backup-*.csv"))) == 1 and "Traceback" not in err
    if how == "fifo":
        assert stat.S_ISFIFO(os.lstat(mark).st_mode)
    else:
        assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
        assert json.loads(mark.read_text(encoding="utf-8"))["crc32"] == _crc32(tmp_path / "out.csv")


@pytest.mark.parametrize(("how", "said"), [("link", "a link"), ("dangling link", "a link"), ("fifo", "a named pipe")])
def test_an_interview_lock_that_is_no_file_of_its_own_is_refused_and_left_alone(tmp_path: Path, how: str,
                                                                               said: str) -> None:
    """The interview's lock was opened to read and write through whatever stood at its name: a link
    to a profile got the run's process id over its first bytes, a link to nothing created the file
    it named. Now one line, exit 2, and nothing written anywhere."""
    profile = tmp_path / "co.yaml"
    profile.write_bytes(PROFILE.read_bytes())
    lock = tmp_path / ".ans.yaml.lock"
    if how == "link":
        lock.symlink_to("co.yaml")
    elif how == "dangling link":
        lock.symlink_to("made.yaml")
    else:
        os.mkfifo(lock)
    code, _, err = lg("assess", "--save", "ans.yaml", *AS_OF, cwd=tmp_path, stdin="Acme\n", timeout=30)
    assert code == 2
    line = one_line(err)
    assert ".ans.yaml.lock" in line and said in line
    assert profile.read_bytes() == PROFILE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ans.yaml.lock", "co.yaml"]


DEEP = "[" * 100_000 + "]" * 100_000 + "\n"
"""A JSON line nested 100,000 deep: Python's json module gives up on it with a RecursionError."""


def test_a_deeply_nested_json_line_in_a_folder_is_its_own_error_row(tmp_path: Path) -> None:
    """Judging whether a folder's JSON Lines file was an earlier run's results parsed its first line
    with json.loads, whose RecursionError stopped the run as a bug (exit 3) before any row."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d.jsonl").write_text(DEEP, encoding="utf-8")
    (folder / "tier1-only.yaml").write_bytes(PROFILE.read_bytes())
    code, _, err = lg("batch", "in", "-o", "res.csv", "--columns", "ids", *AS_OF, cwd=tmp_path)
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err
    rows = {row["source"]: row for row in read_rows(tmp_path / "res.csv")}
    assert set(rows) == {"in/d.jsonl:1", "in/tier1-only.yaml"}
    assert rows["in/d.jsonl:1"]["status"] == "error" and "nested too deeply" in rows["in/d.jsonl:1"]["error"]
    assert rows["in/tier1-only.yaml"]["status"] == "scored"


@pytest.mark.parametrize(("name", "text"), [("x.jsonl", DEEP), ("old.csv", "x" * 200_000 + "\n")])
def test_an_earlier_output_that_cannot_be_parsed_is_refused_as_no_results_file(tmp_path: Path, name: str,
                                                                               text: str) -> None:
    """An existing output whose first line json.loads cannot nest into, or whose cell is past the csv
    module's field limit, stopped the run as a bug (exit 3). It is no results file: one line, exit 2,
    and it is left as it was."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, _, err = lg("batch", str(PROFILE), "-o", name, *AS_OF, cwd=tmp_path)
    assert code == 2
    assert "exists and is not a littlegiant results file" in one_line(err)
    assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_earlier_json_report_nested_past_the_limit_is_refused_as_no_result(tmp_path: Path) -> None:
    """assess -o x.json judged the existing x.json by parsing it: nested 100,000 deep, a bug's exit 3."""
    (tmp_path / "x.json").write_text(DEEP, encoding="utf-8")
    code, _, err = lg("assess", str(PROFILE), "-o", "x.json", *AS_OF, cwd=tmp_path)
    assert code == 2
    assert "exists and is not a littlegiant result" in one_line(err)
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == DEEP


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """A folder on a tmpfs of the size asked (16k, 32k): a disk that fills up as a run writes to it."""
    if not ROOT:
        pytest.skip("mounting a tmpfs needs root")
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        disk = tmp_path / f"disk{len(mounted)}"
        disk.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True)
        if done.returncode:
            pytest.skip("cannot mount a tmpfs here")
        mounted.append(disk)
        return disk

    try:
        yield mount
    finally:
        for disk in mounted:
            subprocess.run(["umount", str(disk)], capture_output=True)


@pytest.mark.parametrize("full", ["output", "temporary files"])
def test_a_workbook_cut_short_by_a_full_disk_is_not_said_to_hold_the_rows(tmp_path: Path, full: str,
                                                                        small_disk: Callable[[str], Path]) -> None:
    """An .xlsx output on a full disk said "600 rows written to r.partial-….xlsx", then three "Exception
    ignored … I/O operation on closed file" tracebacks; the partial file was no zip at all. With the
    disk of openpyxl's temporary files full, a bug's exit 3 and tracebacks. Now one line, no rows
    claimed, and no broken partial file left."""
    companies(tmp_path / "in.csv", 600)
    disk = small_disk("16k")
    out = tmp_path / "out"
    out.mkdir()
    env = {"TMPDIR": str(disk)} if full == "temporary files" else {}
    target = (disk if full == "output" else out) / "r.xlsx"
    code, _, err = lg("batch", "in.csv", "-o", str(target), "-q", *AS_OF, cwd=tmp_path, **env)
    assert code == 2
    line = one_line(err)
    assert "No space left on device" in line and "not created" in line
    assert re.search(r"\d+ rows? written", line) is None
    assert "Exception ignored" not in err
    assert list(target.parent.iterdir()) == []


def test_a_csv_cut_short_by_a_full_disk_ends_on_the_last_whole_row_it_counts(tmp_path: Path,
                                                                          small_disk: Callable[[str], Path]) -> None:
    """A .csv partial file on a full disk ended inside a cell and held more rows than the count said
    ("1280 rows written", 1,312 in the file). It is cut back to the rows counted, each whole."""
    companies(tmp_path / "in.csv", 600)
    disk = small_disk("64k")
    code, _, err = lg("batch", "in.csv", "-o", str(disk / "r.csv"), "--columns", "ids", "-q", *AS_OF, cwd=tmp_path)
    assert code == 2
    line = one_line(err)
    found = re.search(r"(\d+) rows? written to (\S+)", line)
    assert found is not None, line
    count, partial = int(found[1]), Path(found[2])
    assert 0 < count < 600 and partial.parent == disk
    data = partial.read_bytes()
    assert data.endswith(b"\r\n")
    rows = read_rows(partial)
    assert len(rows) == count
    assert [row["source"] for row in rows] == [f"in.csv:{i + 2}" for i in range(count)]
    assert all(row["status"] == "scored" and row["little_giant_status"] for row in rows)


def test_a_workbook_whose_fingerprint_finds_no_room_is_put_in_place_whole(tmp_path: Path) -> None:
    """The fingerprint goes into an .xlsx's zip comment once it is written: a disk full just then (here
    a file size limit one comment short) left half an end record, no workbook, said to hold the rows.
    The workbook is put back as written and put in place, without a fingerprint (a rerun keeps a copy)."""
    (tmp_path / "in.csv").write_text("name,employees\nCo,10\n", encoding="utf-8")
    assert lg("batch", "in.csv", "-o", "sized.xlsx", *AS_OF, cwd=tmp_path)[0] == 0
    with zipfile.ZipFile(tmp_path / "sized.xlsx") as book:
        room = (tmp_path / "sized.xlsx").stat().st_size - len(book.comment) + 10

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    done = subprocess.run([sys.executable, "-m", "littlegiant", "batch", "in.csv", "-o", "r.xlsx", *AS_OF],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, preexec_fn=limited,
                          env={**os.environ, "LANG": "en_US.UTF-8", "COLUMNS": "80", "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "r.xlsx") as book:
        assert book.testzip() is None and book.comment == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "r.xlsx", "sized.xlsx"]


@pytest.mark.parametrize(("args", "name"), [(["init", "l.yaml"], "l.yaml"), (["init", "--csv", "l.csv"], "l.csv"),
                                            (["init", "--xlsx", "l.xlsx"], "l.xlsx"), (["init", "l.csv"], "l.csv")])
def test_init_force_writes_through_a_link_to_a_regular_file(tmp_path: Path, args: list[str], name: str) -> None:
    """The README: a link to a regular file is followed. init --force onto one said it "became not a
    regular file while the output was written; not replaced" (nothing had changed), for a profile and a
    .csv; --xlsx wrote the file it points to. All three do now, the link kept."""
    real = tmp_path / ("real" + Path(name).suffix)
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / name).symlink_to(real.name)
    code, _, err = lg(*args, "--force", *AS_OF, cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / name).is_symlink() and real.read_bytes() != b"old\n"
    if name.endswith(".xlsx"):
        assert zipfile.is_zipfile(real)
    else:
        assert real.read_text(encoding="utf-8-sig").startswith("#" if name.endswith(".yaml") else ("name", "企业名称",
                                                                                                   "Company"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, real.name])


def test_init_with_both_csv_and_xlsx_is_refused(tmp_path: Path) -> None:
    """init --csv a.csv --xlsx b.xlsx wrote b.xlsx alone, without a word about a.csv. One template a
    run, as init FILE --csv already says: one line, exit 2, nothing written."""
    code, _, err = lg("init", "--csv", "a.csv", "--xlsx", "b.xlsx", cwd=tmp_path)
    assert code == 2
    assert "give one template at a time" in one_line(err)
    assert list(tmp_path.iterdir()) == []
