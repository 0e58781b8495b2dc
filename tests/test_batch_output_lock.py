"""Two runs onto one output at once (a script double-clicked twice, two staff on a shared drive): the
second is refused in one line, exit 2, before it reads or scores anything, and the first's results are
whole. The lock is a hidden file beside the output (.out.csv.lock), held for the run and gone after it
however it ended; one left by a run that died is taken over; a link or FIFO at its name is never followed.

The runs are real processes: the first is stopped (SIGSTOP) once its partial file exists, mid-run, for
as long as the second takes, then let go.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.test_hostile_io import companies, lg, one_line, read_rows

AS_OF = ("--as-of", "2026-11-26")
ENV = {**os.environ, "LANG": "en_US.UTF-8", "COLUMNS": "80", "NO_COLOR": "1"}
BUSY = {
    "en": "littlegiant: error: {output} is being written by another littlegiant run (in another window, or a "
          "colleague's); this run wrote nothing: wait for that run to end, then run again, or write to another file",
    "zh": "littlegiant 出错：{output} 正在由另一个 littlegiant 写入（可能在另一个窗口，或是同事在运行），"
          "本次没有写入任何内容。请等它运行结束后再运行，或写到另一个文件",
}


@pytest.fixture
def first(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    """Where a test puts the runs it holds stopped: let go and ended, should the test fail while one is."""
    held: list[subprocess.Popen[str]] = []
    yield held
    for proc in held:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()
            proc.communicate()


def stopped_mid_run(tmp_path: Path, held: list[subprocess.Popen[str]], *args: str) -> subprocess.Popen[str]:
    """``littlegiant batch ARGS`` started in ``tmp_path`` and stopped once its partial file exists:
    the output is being written, no row of it in place yet."""
    proc = subprocess.Popen([sys.executable, "-m", "littlegiant", "batch", *args], cwd=tmp_path, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    held.append(proc)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("out.partial-*")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGSTOP)
    return proc


def let_go(proc: subprocess.Popen[str], sig: int | None = None) -> tuple[int, str]:
    """The stopped run let go (after ``sig``, if given) and run to its end: exit code, stderr."""
    if sig is not None:
        os.kill(proc.pid, sig)
    os.kill(proc.pid, signal.SIGCONT)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


@pytest.mark.parametrize("kind", [".csv", ".xlsx"])
def test_a_second_run_onto_the_same_output_is_refused_and_the_first_writes_its_results_whole(
        tmp_path: Path, first: list[subprocess.Popen[str]], kind: str) -> None:
    """Both ran, and the last to finish replaced the other's results without a word (its fingerprint
    then vouched for them, so not even a backup was kept). The second run, in either language and
    through a link to the file, is now refused at once; the first's rows replace the earlier results."""
    out = f"out{kind}"
    companies(tmp_path / "park.csv", 4000)
    companies(tmp_path / "other.csv", 3, {0: "Other Co,industrial,5,50"})
    (tmp_path / f"link{kind}").symlink_to(out)
    assert lg("batch", "other.csv", "-o", out, *AS_OF, cwd=tmp_path)[0] == 0  # last week's results
    earlier = (tmp_path / out).read_bytes()
    running = stopped_mid_run(tmp_path, first, "park.csv", "-o", out, "--jobs", "1", *AS_OF)
    for lang, named in (("en", out), ("zh", out), ("en", f"link{kind}")):
        code, stdout, err = lg("batch", "other.csv", "-o", named, "--lang", lang, *AS_OF, cwd=tmp_path)
        assert code == 2 and stdout == ""
        assert one_line(err, BUSY[lang][:12]) == BUSY[lang].format(output=named)
        assert (tmp_path / out).read_bytes() == earlier  # nothing put in place by the second run
    code, err = let_go(running)
    assert code == 0, err
    assert f"read 4000, scored 4000, errors 0 -> {out}" in err
    if kind == ".csv":
        rows = [list(row.values()) for row in read_rows(tmp_path / out)]
    else:
        from openpyxl import load_workbook

        book = load_workbook(tmp_path / out, read_only=True)
        rows = [list(row) for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 4000 and "Co 0" in rows[0] and "Co 3999" in rows[-1]
    assert not any("Other Co" in row for row in rows)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".out.csv.littlegiant")) == \
        sorted([f"link{kind}", "other.csv", out, "park.csv"])  # no partial, backup or lock left


def test_the_lock_goes_with_a_run_stopped_by_ctrl_c_or_refused_and_the_next_run_writes(
        tmp_path: Path, first: list[subprocess.Popen[str]]) -> None:
    """A run interrupted mid-way, and one refused after taking the lock (no company in its list), leave
    no lock: the next run onto the file is not taken for a second one."""
    companies(tmp_path / "park.csv", 4000)
    (tmp_path / "empty.csv").write_text("name,employees\n", encoding="utf-8")
    code, err = let_go(stopped_mid_run(tmp_path, first, "park.csv", "-o", "out.csv", "--jobs", "1", *AS_OF),
                       signal.SIGINT)
    assert code == 130 and "interrupted" in err, err
    assert not (tmp_path / ".out.csv.lock").exists()
    code, _, err = lg("batch", "empty.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path)
    assert code == 2 and "another littlegiant run" not in err, err
    assert not (tmp_path / ".out.csv.lock").exists()
    code, _, err = lg("batch", "park.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path)
    assert code == 0 and len(read_rows(tmp_path / "out.csv")) == 4000, err
    assert not (tmp_path / ".out.csv.lock").exists()


@pytest.mark.parametrize("how", ["killed", "left by hand"])
def test_a_lock_left_by_a_run_that_died_is_taken_over(tmp_path: Path, how: str) -> None:
    """A run killed outright (kill -9, a power cut) leaves its lock file, its process gone: the next run
    is not refused for it, writes its results, and removes the lock."""
    companies(tmp_path / "park.csv", 3)
    lock = tmp_path / ".out.csv.lock"
    if how == "killed":
        holder = subprocess.Popen([sys.executable, "-c", "import time\n"
                                   "from pathlib import Path\n"
                                   "from littlegiant.load.fileio import locked\n"
                                   "with locked(Path('out.csv')):\n"
                                   "    print('held', flush=True)\n"
                                   "    time.sleep(600)\n"], cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, text=True)
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        holder.kill()
        holder.wait()
        assert lock.read_text(encoding="utf-8") == f"{holder.pid}\n"  # left behind, naming a process that is gone
    else:
        lock.write_text("4194304\n", encoding="utf-8")
    code, _, err = lg("batch", "park.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path)
    assert code == 0, err
    assert len(read_rows(tmp_path / "out.csv")) == 3
    assert not lock.exists()


@pytest.mark.parametrize(("how", "said"), [("link to the list", "a link"), ("dangling link", "a link"),
                                           ("fifo", "a named pipe")])
def test_a_lock_that_is_no_file_of_its_own_is_refused_and_nothing_is_written_through_it(
        tmp_path: Path, how: str, said: str) -> None:
    """A link at the lock's name is never followed (the run's process id went over the list's first
    bytes; a link to nothing made the file it named), nor a FIFO waited on: one line, exit 2, the
    folder as it was."""
    companies(tmp_path / "park.csv", 3)
    before = (tmp_path / "park.csv").read_bytes()
    lock = tmp_path / ".out.csv.lock"
    if how == "link to the list":
        lock.symlink_to("park.csv")
    elif how == "dangling link":
        lock.symlink_to("made.csv")
    else:
        os.mkfifo(lock)
    code, _, err = lg("batch", "park.csv", "-o", "out.csv", *AS_OF, cwd=tmp_path, timeout=30)
    assert code == 2
    assert one_line(err) == f"littlegiant: error: out.csv: .out.csv.lock beside it is {said}" + \
        (" (FIFO)" if how == "fifo" else "") + ", not littlegiant's own lock file: remove it, then run again"
    assert (tmp_path / "park.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.csv.lock", "park.csv"]
    code, _, err = lg("batch", "park.csv", "-o", "out.csv", "--lang", "zh", *AS_OF, cwd=tmp_path, timeout=30)
    assert code == 2 and "旁边的 .out.csv.lock 是" in one_line(err, "littlegiant 出错：")
    assert "不是本工具自己的锁文件：请删除它后再运行" in err


@pytest.mark.parametrize(("option", "name", "lang"), [("--xlsx", "名单.xlsx", "en"), ("--csv", "名单.csv", "zh")])
def test_a_sheet_being_written_is_not_replaced_by_init_either(tmp_path: Path, option: str, name: str,
                                                               lang: str) -> None:
    """init --xlsx or --csv onto a file a batch run is writing wrote its template, which the run then
    replaced with its results: the user was told a template was written. Refused as batch is."""
    from littlegiant.load.fileio import locked

    with locked(tmp_path / name):  # as a batch run onto it holds it
        code, _, err = lg("init", option, name, "--lang", lang, *AS_OF, cwd=tmp_path)
        assert code == 2 and one_line(err, BUSY[lang][:12]) == BUSY[lang].format(output=name)
        assert sorted(p.name for p in tmp_path.iterdir()) == [f".{name}.lock"]
    code, _, err = lg("init", option, name, "--lang", lang, *AS_OF, cwd=tmp_path)
    assert code == 0 and sorted(p.name for p in tmp_path.iterdir()) == [name], err


def test_a_folder_whose_files_cannot_be_locked_is_written_as_before(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Some network drives answer every lock with "no locks available" (ENOLCK): that is no other run
    writing the file, and every run onto the drive was refused for it. Written unlocked, as before."""
    import errno
    import fcntl

    from littlegiant.load import fileio

    def no_locks(fd: int, how: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with fileio.locked(tmp_path / "out.csv"):
        assert (tmp_path / ".out.csv.lock").exists()
    assert not (tmp_path / ".out.csv.lock").exists()
