"""Hostile profiles, batch inputs and output paths (issue 13): nothing lost, nothing hangs.

Every case runs the real command in a child process, as a user would, and checks the documented
exit code, a one-line message without a traceback, the inputs left intact and, for batch, one
output row for every input row. Special files (FIFOs, symlinks, device nodes) are made in the
test's own temporary folder, never taken from the machine's /dev.
"""

from __future__ import annotations

import csv
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import EARLIER_CSV, EARLIER_JSONL, EXAMPLES

from littlegiant.cli import batch as batching

PROFILE = EXAMPLES / "tier1-only.yaml"
HEADER = "name,industry,employees,financials.2025.revenue\n"
ROOT = os.geteuid() == 0
FILE_LIMIT = 300 << 20


def _limited() -> None:
    """Children may not write files past FILE_LIMIT: a run that fails to stop cannot fill the disk."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


def lg(*args: str, cwd: Path, stdin: str | None = None, timeout: float = 120, **env: str) -> tuple[int, str, str]:
    """``littlegiant ARGS`` in ``cwd``: exit code, stdout, stderr."""
    full_env = {**os.environ, "LANG": "en_US.UTF-8", "COLUMNS": "80", "NO_COLOR": "1", **env}
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args], cwd=cwd, input=stdin, capture_output=True,
                          text=True, timeout=timeout, env=full_env, preexec_fn=_limited)
    return done.returncode, done.stdout, done.stderr


def one_line(err: str, start: str = "littlegiant: error: ") -> str:
    """The single message line on stderr (no traceback, nothing else)."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(start), lines[0]
    return lines[0]


def companies(path: Path, n: int, bad: dict[int, str] | None = None) -> None:
    """A CSV of ``n`` companies; ``bad`` replaces some rows (0-based) with other text."""
    rows = [f"Co {i},industrial,{10 + i},{1000 + i}" for i in range(n)]
    for i, text in (bad or {}).items():
        rows[i] = text
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")


def read_rows(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry of a folder: its mode and, for regular files, its bytes (to show nothing changed)."""
    out: dict[str, tuple[int, bytes | None]] = {}
    for p in sorted(folder.iterdir()):
        st = os.lstat(p)
        out[p.name] = (st.st_mode, p.read_bytes() if stat.S_ISREG(st.st_mode) else None)
    return out


# --- outputs: never an input, never a special file -------------------------------------------------------------


@pytest.mark.parametrize(("make", "args", "needle"), [
    ("csv", ["batch", "in.csv", "-o", "in.csv"], "--output in.csv: is one of the inputs"),
    ("csv", ["batch", "in.csv", "-o", "link.csv"], "--output link.csv: is one of the inputs (in.csv)"),
    ("csv", ["batch", "in.csv", "-o", "hard.csv"], "--output hard.csv: is one of the inputs (in.csv)"),
    ("jsonl", ["batch", "in.jsonl", "-o", "in.jsonl"], "--output in.jsonl: is one of the inputs"),
    ("folder", ["batch", "profiles", "-o", "hard.jsonl"], "is one of the inputs (profiles/p.json)"),
    ("yaml", ["assess", "p.yaml", "-o", "p.yaml"], "--output p.yaml: is one of the inputs"),
    ("rules", ["assess", "p.yaml", "--rules", "r.yaml", "-o", "r.yaml"], "--output r.yaml: is one of the inputs"),
    ("save", ["assess", "--save", "s.yaml", "-o", "s.yaml"], "--output s.yaml: is one of the inputs"),
    ("none", ["assess", "--save", "new.yaml", "-o", "new.yaml"], "--output new.yaml: is one of the inputs"),
])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, make: str, args: list[str], needle: str) -> None:
    """`batch a.csv -o a.csv` emptied its input, `assess p.yaml -o p.yaml` replaced the profile: now
    exit 2 with one line, and every file as it was (through symlinks and hard links too)."""
    if make == "csv":
        companies(tmp_path / "in.csv", 3)
        (tmp_path / "link.csv").symlink_to("in.csv")
        os.link(tmp_path / "in.csv", tmp_path / "hard.csv")
    elif make == "jsonl":
        (tmp_path / "in.jsonl").write_text('{"name": "A", "industry": "industrial"}\n', encoding="utf-8")
    elif make == "folder":
        (tmp_path / "profiles").mkdir()
        (tmp_path / "profiles" / "p.json").write_text('{"name": "A"}', encoding="utf-8")
        os.link(tmp_path / "profiles" / "p.json", tmp_path / "hard.jsonl")
    elif make == "save":
        (tmp_path / "s.yaml").write_text("employees: 12\n", encoding="utf-8")
    elif make == "rules":
        (tmp_path / "r.yaml").write_bytes((EXAMPLES.parent / "rules" / "miit-2026.yaml").read_bytes())
    (tmp_path / "p.yaml").write_bytes(PROFILE.read_bytes())
    before = snapshot(tmp_path)
    code, out, err = lg(*args, "--as-of", "2026-11-26", cwd=tmp_path, stdin="")
    assert code == 2 and out == ""
    assert needle in one_line(err)
    assert snapshot(tmp_path) == before


def _special(tmp_path: Path, kind: str) -> Path:
    """A special file made in the test's own folder."""
    target = tmp_path / f"special-{kind}"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":  # the /dev/full device (1, 7), as a node of our own
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    elif kind == "folder":
        target.mkdir()
    elif kind == "dangling":
        target.symlink_to(tmp_path / "nowhere")
    elif kind == "readonly":
        target.write_text("keep me\n", encoding="utf-8")
        target.chmod(0o444)
    return target


SPECIALS = [("fifo", "is a named pipe (FIFO), expected a regular file to write"),
            pytest.param("device", "is a device, expected a regular file to write",
                         marks=pytest.mark.skipif(not ROOT, reason="making a device node needs root")),
            ("folder", "is a folder, expected a regular file to write"),
            ("dangling", "is a link to nothing"),
            ("readonly", "is read-only")]


@pytest.mark.parametrize(("kind", "message"), SPECIALS)
@pytest.mark.parametrize("command", ["assess -o", "batch -o", "assess --save"])
def test_a_special_output_is_refused_and_left_alone(tmp_path: Path, kind: str, message: str, command: str) -> None:
    """`-o` and `--save` replaced whatever was there (a device node became a regular file, a FIFO,
    a symlink, a read-only file): now exit 2 with one line, and the special file unchanged."""
    target = _special(tmp_path, kind)
    if kind == "device" and command == "assess --save":
        target = target.rename(tmp_path / "special-device.yaml")
    companies(tmp_path / "in.csv", 2)
    name = target.name
    args = {"assess -o": ["assess", str(PROFILE), "-o", name],
            "batch -o": ["batch", "in.csv", "-o", name + ".csv" if kind != "fifo" else name],
            "assess --save": ["assess", "--save", name]}[command]
    if command == "batch -o" and kind != "fifo":
        os.rename(target, tmp_path / (name + ".csv"))
    before = snapshot(tmp_path)
    code, _, err = lg(*args, cwd=tmp_path, stdin="", timeout=30)
    assert code == 2
    assert message in one_line(err)
    assert snapshot(tmp_path) == before


def test_a_symlink_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    """The README's policy: `-o link` writes the file the link points to; the link stays a link."""
    (tmp_path / "real.csv").write_text(EARLIER_CSV, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("real.csv")
    companies(tmp_path / "in.csv", 3)
    code, _, err = lg("batch", "in.csv", "-o", "link.csv", cwd=tmp_path)
    assert code == 0 and "Traceback" not in err
    assert (tmp_path / "link.csv").is_symlink() and len(read_rows(tmp_path / "real.csv")) == 3
    # an earlier report (another document is not replaced: test_s39_clifiles_rewrite_output)
    (tmp_path / "report.md").write_text("old\n\nRules: … · as of 2026-01-01 · littlegiant 0.1.0\n", encoding="utf-8")
    (tmp_path / "rlink.md").symlink_to("report.md")
    assert lg("assess", str(PROFILE), "--format", "markdown", "-o", "rlink.md", cwd=tmp_path)[0] == 0
    assert (tmp_path / "rlink.md").is_symlink() and (tmp_path / "report.md").read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize("command", ["assess", "batch", "save"])
def test_new_files_follow_the_umask_and_old_files_keep_their_mode(tmp_path: Path, command: str) -> None:
    """Files were created 0600 whatever the umask and an existing 0644 file became 0600."""
    companies(tmp_path / "in.csv", 2)
    target = tmp_path / {"assess": "r.txt", "batch": "r.csv", "save": "s.yaml"}[command]
    args = {"assess": ["assess", str(PROFILE), "-o", target.name], "batch": ["batch", "in.csv", "-o", target.name],
            "save": ["assess", "--save", target.name, "--set", "employees=12"]}[command]
    shell = f"umask 027 && exec {sys.executable} -m littlegiant " + " ".join(args)
    env = {**os.environ, "LANG": "en_US.UTF-8"}
    subprocess.run(["sh", "-c", shell], cwd=tmp_path, env=env, input="", capture_output=True, text=True, timeout=120,
                   preexec_fn=_limited)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o604)
    subprocess.run(["sh", "-c", shell], cwd=tmp_path, env=env, input="r\n", capture_output=True, text=True, timeout=120,
                   preexec_fn=_limited)
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_an_output_never_replaces_a_file_that_is_not_an_earlier_result(tmp_path: Path) -> None:
    """`batch -o other_list.xlsx` replaced another list of companies and `assess -o other.yaml` another
    company's profile, without a word. batch writes over its own earlier results only (repeating a run
    works); a report is never written to a name that holds figures. Nothing is created either way."""
    from openpyxl import Workbook

    companies(tmp_path / "in.csv", 3)
    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["乙公司", 8000])
    book.save(tmp_path / "其他名单.xlsx")
    listed = (tmp_path / "其他名单.xlsx").read_bytes()
    (tmp_path / "list.csv").write_text("name,revenue\nCo,1\n", encoding="utf-8")
    (tmp_path / "other.yaml").write_text("name: 乙公司\n", encoding="utf-8")
    before = snapshot(tmp_path)
    code, _, err = lg("batch", "in.csv", "-o", "其他名单.xlsx", cwd=tmp_path, LANG="zh_CN.UTF-8")
    assert code == 2 and one_line(err, "littlegiant 出错：") == (
        "littlegiant 出错：其他名单.xlsx：已存在，而且不是本工具写出的评估结果（可能是企业名单等文件）；"
        "为免覆盖，请把结果写到另一个文件名，或先把它移走")
    assert lg("batch", "in.csv", "-o", "list.csv", cwd=tmp_path)[0] == 2
    code, _, err = lg("assess", str(PROFILE), "-o", "other.yaml", "--format", "text", cwd=tmp_path)
    assert code == 2 and "a report cannot be written to a .yaml file" in one_line(err)
    (tmp_path / "other.json").write_text('{"name": "乙公司", "industry": "industrial"}', encoding="utf-8")
    before = snapshot(tmp_path)  # a profile may be JSON too: a .json report never replaces one
    code, _, err = lg("assess", str(PROFILE), "-o", "other.json", cwd=tmp_path)
    assert code == 2 and "exists and is not a littlegiant result" in one_line(err)
    assert snapshot(tmp_path) == before and (tmp_path / "其他名单.xlsx").read_bytes() == listed
    for args in ([], ["--compare", "miit-2022,miit-2026"], ["--explain", "lg26.revenue"], []):
        assert lg("assess", str(PROFILE), "-o", "result.json", *args, cwd=tmp_path)[0] == 0  # its own, anew
    for name in ("r.xlsx", "r.csv", "r.jsonl"):  # a run repeated writes its own results anew
        assert lg("batch", "in.csv", "-o", name, cwd=tmp_path)[0] == 0
        assert lg("batch", "in.csv", "-o", name, cwd=tmp_path)[0] == 0, name
    assert lg("batch", "in.csv", "-o", "full.jsonl", "--format", "json", cwd=tmp_path)[0] == 0
    assert lg("batch", "in.csv", "-o", "full.jsonl", "--format", "json", cwd=tmp_path)[0] == 0
    for name in ("cal.xlsx", "cal.csv"):  # repeated after 2026-04-01: tier 1 has another title, still its results
        assert lg("batch", "in.csv", "-o", name, "--as-of", "2026-03-01", cwd=tmp_path)[0] == 0
        assert lg("batch", "in.csv", "-o", name, "--as-of", "2026-04-01", cwd=tmp_path)[0] == 0, name
    (tmp_path / "long.jsonl").write_text(json.dumps({"name": "某某科技有限公司" * 125, "industry": "industrial"},
                                                    ensure_ascii=False) + "\n", encoding="utf-8")
    for _ in range(2):  # a full result's line past 64 KB (a name of 1,000 characters) is still read whole
        assert lg("batch", "long.jsonl", "-o", "long-out.jsonl", "--format", "json", cwd=tmp_path)[0] == 0


def test_an_earlier_result_of_another_rule_set_is_known_without_building_every_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """batch knows its own results of any shipped rule set (the 2026 titles, read under 2022) from the
    sets' titles alone, building none but the one in force, and still refuses a list of companies."""
    from littlegiant.load import rules
    from littlegiant.report.table import heading_columns, output_columns

    shipped = [*rules.builtin_ids(), *rules.overlay_ids()]
    for rid, (tiers, name) in zip(shipped, rules.shipped_headings(), strict=True):
        assert heading_columns(tiers, name) == output_columns(rules.load(rid)), rid  # the same header as built
    companies(tmp_path / "in.csv", 2)
    for name in ("r2026.csv", "r2026.xlsx"):
        assert lg("batch", "in.csv", "-o", name, "--as-of", "2026-04-01", "--lang", "zh", cwd=tmp_path)[0] == 0
    (tmp_path / "list.csv").write_text("来源,结果,企业名称,营业收入（2025年）\nx,y,甲公司,8000\n", encoding="utf-8")
    monkeypatch.setattr(rules, "_CACHE", {})
    in_force = rules.load("miit-2022")
    assert "科技和创新型中小企业" in (tmp_path / "r2026.csv").read_text(encoding="utf-8-sig")
    assert batching.earlier_results(tmp_path / "r2026.csv", in_force)
    assert batching.earlier_results(tmp_path / "r2026.xlsx", in_force)
    assert not batching.earlier_results(tmp_path / "list.csv", in_force)
    assert [kept.rules for kept in rules._CACHE.values()] == [in_force]  # no other rule set was built to say so


def test_a_failed_batch_leaves_the_previous_results_and_names_the_partial_file(tmp_path: Path) -> None:
    """`batch -o` truncated the results file at the start: a later failure left only the header.
    Now the previous results stay, and the rows written are under the name the message gives."""
    companies(tmp_path / "in.csv", 40)
    (tmp_path / "out.csv").write_text(EARLIER_CSV, encoding="utf-8")
    code, _, err = lg("batch", "in.csv", "missing.csv", "-o", "out.csv", "-q", cwd=tmp_path)
    (partial,) = tmp_path.glob("out.partial-*.csv")
    assert code == 2
    assert one_line(err) == (f"littlegiant: error: missing.csv: no such file or folder; 40 rows written to "
                             f"{partial.name} (out.csv left as it was)")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == EARLIER_CSV
    assert len(read_rows(partial)) == 40


def test_an_output_put_on_disk_as_it_grows_is_whole_when_kept_and_when_stopped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The output is synced in the background as it grows (here after every chunk), on one process
    and with workers writing full results themselves: the files are those of a run that syncs only
    at the end, a run stopped by a missing input keeps its rows whole under the partial name, and
    no background sync outlives the file."""
    import threading

    from typer.testing import CliRunner

    from littlegiant.cli.app import app
    from littlegiant.load import fileio

    synced: list[int] = []
    real = os.fdatasync
    monkeypatch.setattr(os, "fdatasync", lambda fd: (synced.append(fd), real(fd))[1])
    companies(tmp_path / "in.csv", 600)

    def run(*args: str) -> int:
        return CliRunner().invoke(app, ["batch", "in.csv", *args, "--as-of", "2026-11-26", "-q"]).exit_code

    monkeypatch.chdir(tmp_path)
    for sync_ahead in (1 << 40, 1):
        monkeypatch.setattr(batching, "SYNC_AHEAD", sync_ahead)
        assert run("-o", f"{sync_ahead}.csv") == 0
        assert run("-o", f"{sync_ahead}.jsonl", "--format", "json", "--jobs", "2") == 0
        assert run("missing.csv", "-o", f"{sync_ahead}-stopped.csv") == 2
        assert bool(synced) == (sync_ahead == 1)
    assert (tmp_path / "1.csv").read_bytes() == (tmp_path / f"{1 << 40}.csv").read_bytes()
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / f"{1 << 40}.jsonl").read_bytes()
    (partial,) = tmp_path.glob("1-stopped.partial-*.csv")
    assert read_rows(partial) == read_rows(tmp_path / "1.csv")
    assert not [t for t in threading.enumerate() if t.name == fileio.SYNC_THREAD]


# --- signals ------------------------------------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
@pytest.mark.parametrize(("sig", "jobs"), [(signal.SIGTERM, "2"), (signal.SIGHUP, "1"), (signal.SIGTERM, "1")])
def test_sigterm_and_sighup_stop_a_batch_like_ctrl_c(tmp_path: Path, sig: signal.Signals, jobs: str) -> None:
    """SIGTERM to `batch --jobs 2` left both workers running forever and cut the last row: now exit
    130, whole rows in the partial file the message names, the old results untouched, no worker left."""
    line = json.dumps({"name": "Co", "industry": "industrial", "employees": 50,
                       "financials": {"2025": {"revenue": 3000, "rd_expense": 150}}})
    (tmp_path / "big.jsonl").write_text((line + "\n") * 5_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(EARLIER_JSONL, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "littlegiant", "batch", "big.jsonl", "-o", "out.jsonl",
                              "--jobs", jobs, "--format", "json", "--as-of", "2026-11-26"],
                             cwd=tmp_path, stderr=subprocess.PIPE, text=True, env={**os.environ, "LANG": "en_US.UTF-8"},
                             preexec_fn=_limited)
    try:
        deadline = time.monotonic() + 90
        # more than a chunk (256 rows) in the file: some rows are whole, whoever writes them
        while time.monotonic() < deadline and not any(p.read_bytes().count(b"\n") > 300 for p in tmp_path.glob("out.partial-*")):
            time.sleep(0.05)
        workers = _children(child.pid)
        child.send_signal(sig)
        _, err = child.communicate(timeout=240)
    finally:
        child.kill()
    assert len(workers) == (2 if jobs == "2" else 0)
    assert child.returncode == 130
    message = one_line(err, "littlegiant: interrupted; ")
    (partial,) = tmp_path.glob("out.partial-*.jsonl")
    written = int(message.split("; ")[1].split()[0])
    assert message == f"littlegiant: interrupted; {written} {'row' if written == 1 else 'rows'} written to {partial.name} (out.jsonl left as it was)"
    assert out.read_text(encoding="utf-8") == EARLIER_JSONL
    text = partial.read_text(encoding="utf-8")
    assert text.endswith("\n")
    rows = [json.loads(r) for r in text.splitlines()]  # every line whole
    assert 0 < len(rows) == written < 5_000 and all(r["status"] == "scored" for r in rows)
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_workers_end_when_the_batch_is_killed_outright(tmp_path: Path) -> None:
    """`kill -9` on `batch --jobs 2` cannot be caught: the workers still end with it, and the
    previous results stay as they were."""
    line = json.dumps({"name": "Co", "industry": "industrial", "employees": 50})
    (tmp_path / "big.jsonl").write_text((line + "\n") * 200_000, encoding="utf-8")
    (tmp_path / "out.csv").write_text(EARLIER_CSV, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "littlegiant", "batch", "big.jsonl", "-o", "out.csv", "--jobs", "2"],
                             cwd=tmp_path, stderr=subprocess.DEVNULL, preexec_fn=_limited)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not any(p.stat().st_size > 20_000 for p in tmp_path.glob("out.partial-*")):
            time.sleep(0.05)
        workers = _children(child.pid)
        child.kill()
        child.wait(timeout=30)
    finally:
        child.kill()
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and [w for w in workers if _alive(w)]:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == EARLIER_CSV


def test_sigterm_stops_the_interview_with_the_answers_saved(tmp_path: Path) -> None:
    """SIGTERM (or a closed terminal's SIGHUP) during the interview: as Ctrl-C, answers saved, exit 130."""
    child = subprocess.Popen([sys.executable, "-m", "littlegiant", "assess", "--save", "s.yaml", "--as-of", "2026-11-26"],
                             cwd=tmp_path, stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "LANG": "en_US.UTF-8"}, preexec_fn=_limited)
    assert child.stdin is not None
    try:
        child.stdin.write("Acme\n12000\n")  # the company name is asked first
        child.stdin.flush()
        deadline = time.monotonic() + 30
        save = tmp_path / "s.yaml"
        while time.monotonic() < deadline and not (save.exists() and "revenue" in save.read_text(encoding="utf-8")):
            time.sleep(0.05)
        time.sleep(0.3)
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 130 and "Traceback" not in err
    assert "2 answers saved to s.yaml" in err
    assert "revenue: 12000" in (tmp_path / "s.yaml").read_text(encoding="utf-8")


# --- rows: one bad row never stops the run ------------------------------------------------------------------------


def test_a_stray_quote_costs_one_row_not_the_190_after_it(tmp_path: Path) -> None:
    """One stray `"` merged about 190 later rows into one (or, in a large file, stopped the run):
    now that line is an error row, reading starts again on the next line, rows in = rows out."""
    companies(tmp_path / "in.csv", 400, {5: '"Co 5,industrial,15,1005', 399: '"Co 399,industrial,409,1399'})
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", "--columns", "ids", "--as-of", "2026-11-26", "-q", cwd=tmp_path)
    assert code == 1 and one_line(err, "read ") == "read 400, scored 398, errors 2 -> out.csv"
    rows = read_rows(tmp_path / "out.csv")
    assert len(rows) == 400
    errors = [r for r in rows if r["status"] == "error"]
    assert [r["source"] for r in errors] == ["in.csv:7", "in.csv:401"]
    assert all("quote" in r["error"] for r in errors)
    assert [r["name"] for r in rows if r["status"] == "scored"] == [f"Co {i}" for i in range(400) if i not in (5, 399)]


def test_a_quoted_cell_with_line_breaks_still_reads(tmp_path: Path) -> None:
    """Resynchronising does not break real multi-line cells (an address typed with Alt+Enter)."""
    (tmp_path / "in.csv").write_text(HEADER + '"Two\nLines Co",industrial,10,100\nNext Co,industrial,11,101\n',
                                     encoding="utf-8")
    assert lg("batch", "in.csv", "-o", "out.csv", "--columns", "ids", cwd=tmp_path)[0] == 0
    assert [r["name"] for r in read_rows(tmp_path / "out.csv")] == ["Two\nLines Co", "Next Co"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.sampled_from('ab ,"\r\n\t;é—，'), max_size=6), min_size=3, max_size=3),
                min_size=1, max_size=8))
def test_well_formed_csv_reads_as_the_csv_module_reads_it(rows: list[list[str]]) -> None:
    """The reader that survives stray quotes (and splits quote-free lines itself) reads any CSV the
    csv module writes exactly as the csv module reads it: line breaks, quotes and commas in cells."""
    import io

    text = io.StringIO()
    csv.writer(text).writerows(rows)
    handle = io.StringIO(text.getvalue(), newline="")
    got = [cells for _, cells in batching._csv_records(batching._CsvLines(handle), 3)]
    expected = list(csv.reader(io.StringIO(text.getvalue(), newline="")))
    assert got == expected


def test_long_cells_and_lines_are_error_rows_with_the_limit(tmp_path: Path) -> None:
    """A CSV cell over 128 KB stopped the run (0 rows written); the limits are now explicit and per row."""
    cell = "x" * (batching.CSV_FIELD_LIMIT + 1)
    line = "y" * (batching.CSV_ROW_CHARS + 10)  # a line with no end in sight
    companies(tmp_path / "in.csv", 5, {1: f"{cell},industrial,1,1", 3: line})
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", "--columns", "ids", cwd=tmp_path)
    assert code == 1 and "Traceback" not in err
    rows = read_rows(tmp_path / "out.csv")
    assert len(rows) == 5
    assert rows[1]["error"] == "a cell is longer than 131,072 characters"
    assert rows[3]["error"] == "the row is longer than 1,048,576 characters"
    assert [r["status"] for r in rows] == ["scored", "error", "scored", "error", "scored"]


def test_duplicate_csv_columns_are_refused(tmp_path: Path) -> None:
    """A column named twice silently kept the last; now exit 2 naming it."""
    (tmp_path / "in.csv").write_text("name,employees,name\nA,1,B\n", encoding="utf-8")
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", cwd=tmp_path)
    assert code == 2
    assert "in.csv:1: column 'name' appears twice (columns 1 and 3)" in one_line(err)
    assert not (tmp_path / "out.csv").exists() and not list(tmp_path.glob("out.partial-*"))


@pytest.mark.parametrize(("line", "error"), [
    ('{"name": "\\ud800"}', "the line holds an unpaired \\ud800-\\udfff escape, which is not text"),
    ('{"employees": ' + "1" * 5000 + "}", "a number has more than 4,300 digits"),
    ("[" * 100_000 + "]" * 100_000, "invalid JSON: nested too deeply"),
    ('{"name": "A", "name": "B"}', "duplicate key 'name'"),
    ('{"financials": {"2025": {"revenue": 1, "revenue": 2}}}', "duplicate key 'revenue'"),
    ('{"employees": -1, "ip": {"class1": 2, "class1": 3}}', "duplicate key 'class1'"),  # before what is wrong
    ('{"employees": 1.0e999999999}', "employees: expected 0 or a number from 0.000001 to 999999999999999 in size"),
    ('{"employees": NaN}', "employees: expected a whole number, got nan"),
    ('{"name": "Opens 10:30", "industry": "industrial"}', None),
])
def test_hostile_json_lines_become_error_rows(tmp_path: Path, line: str, error: str | None) -> None:
    """Each of these killed the run with a traceback; now each is one error row between good ones."""
    good = '{"name": "Good", "industry": "industrial"}'
    (tmp_path / "in.jsonl").write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    code, _, err = lg("batch", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert "Traceback" not in err
    rows = read_rows(tmp_path / "out.jsonl")
    assert len(rows) == 3 and rows[0]["status"] == rows[2]["status"] == "scored"
    if error is None:
        assert code == 0 and rows[1]["status"] == "scored"
    else:
        assert code == 1 and rows[1]["status"] == "error" and rows[1]["error"].startswith(error)


@pytest.mark.parametrize("cell", ["1.0e999999999", "9" * 5000, "nan", "inf", "-Infinity", "1e99999999999999999999"])
def test_impossible_numbers_in_a_csv_are_error_rows(tmp_path: Path, cell: str) -> None:
    """`1.0e999999999` in row 50,000 of 100,000 left 49,920 rows (decimal.Overflow); now one error row."""
    companies(tmp_path / "in.csv", 3, {1: f"Co 1,industrial,11,{cell}"})
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", "--columns", "ids", cwd=tmp_path)
    assert code == 1 and "Traceback" not in err
    rows = read_rows(tmp_path / "out.csv")
    assert [r["status"] for r in rows] == ["scored", "error", "scored"]
    assert rows[1]["error"].startswith("financials.2025.revenue: expected") and len(rows[1]["error"]) < 200


def test_a_bug_on_one_row_is_an_internal_error_row_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any exception while scoring one row becomes that row's error, marked internal; the run goes
    on and ends with exit 3 and a one-line "please report" summary."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import app
    from littlegiant.core import plan

    real = plan.Plan.run

    def buggy(self: plan.Plan, values: dict[str, object], keep: bool = False) -> plan.Summary:
        if values.get("name") == "Co 1":
            raise ZeroDivisionError("division by zero")
        return real(self, values, keep)  # type: ignore[arg-type]

    monkeypatch.setattr(plan.Plan, "run", buggy)
    companies(tmp_path / "in.csv", 3)
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--jobs", "1", "--columns", "ids", "-q"])
    assert result.exit_code == 3
    summary, report = result.stderr.strip().splitlines()
    assert summary.startswith("read 3, scored 2, errors 1")
    assert report.startswith("littlegiant: 1 row met an internal error") and "please report" in report
    rows = read_rows(tmp_path / "out.csv")
    assert len(rows) == 3 and rows[1]["error"].startswith("internal error (a bug in littlegiant; please report")


# --- profile values and files -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("employees: 1.0e999999999\n", "p.yaml:1: employees: expected 0 or a number from 0.000001 to 999999999999999 in size"),
    ("financials:\n  2025:\n    revenue: 1.0e999999999\n", "p.yaml:3: financials.2025.revenue: expected 0 or a number"),
    ("employees: " + "7" * 5000 + "\n", "p.yaml:1: a number of 5000 characters (at most 100)"),
    ('{"name": "\\ud800"}', "p.json: a \\u escape that is half of a character (a lone surrogate)"),
])
def test_impossible_profile_values_exit_2(tmp_path: Path, text: str, message: str) -> None:
    """`assess` on these crashed with a traceback; now one line and exit 2."""
    name = "p.json" if text.startswith("{") else "p.yaml"
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = lg("assess", name, cwd=tmp_path)
    assert code == 2 and out == ""
    assert message in one_line(err)


def test_json_profile_with_a_huge_integer_exits_2(tmp_path: Path) -> None:
    """A JSON integer over 4,300 digits: one line, exit 2."""
    (tmp_path / "p.json").write_text('{"employees": ' + "7" * 5000 + "}", encoding="utf-8")
    code, _, err = lg("assess", "p.json", cwd=tmp_path)
    assert code == 2 and "p.json: a number of 5000 characters (at most 100)" in one_line(err)


def test_input_digest_keeps_every_digit(tmp_path: Path) -> None:
    """input_sha256 was the same for values differing past 28 digits (Decimal.normalize rounds)."""
    digests = []
    for tail in ("1", "2"):
        (tmp_path / "p.json").write_text('{"financials": {"2025": {"revenue": 1000.' + "0" * 30 + tail + "}}}",
                                         encoding="utf-8")
        code, out, _ = lg("assess", "p.json", "--format", "json", cwd=tmp_path)
        assert code == 0
        digests.append(json.loads(out)["input_sha256"])
    assert digests[0] != digests[1]


def test_an_interview_answer_too_large_is_asked_again(tmp_path: Path) -> None:
    """The answer `1e999999999` crashed the interview; now it is refused and the question asked again."""
    code, _, err = lg("assess", "--save", "s.yaml", "--as-of", "2026-11-26", "--lang", "en", cwd=tmp_path,
                      stdin="Acme\n1e999999999\n9000\n")  # the company name is asked first
    assert code == 130 and "Traceback" not in err
    assert "expected 0 or a number from 0.000001 to 999999999999999 in size, got '1e999999999'" in err
    assert "revenue: 9000" in (tmp_path / "s.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["a\nb.yaml", "a\rb.yaml", "a\x1bb.yaml"])
def test_save_names_with_control_characters_are_refused(tmp_path: Path, name: str) -> None:
    """A newline in the --save name injected YAML into the saved profile's header."""
    code, _, err = lg("assess", "--save", name, cwd=tmp_path, stdin="")
    assert code == 2 and "without line breaks or other control characters" in one_line(err)
    assert list(tmp_path.iterdir()) == []


def test_answers_are_saved_only_to_a_yaml_name(tmp_path: Path) -> None:
    """`assess --save park.xlsx` answered with an encoding error about the workbook (and would have
    replaced it): the answers are a YAML file, and any other name is refused before a question."""
    (tmp_path / "park.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    before = snapshot(tmp_path)
    code, _, err = lg("assess", "--save", "park.xlsx", cwd=tmp_path, stdin="", LANG="zh_CN.UTF-8")
    assert code == 2 and one_line(err, "littlegiant 出错：") == \
        "littlegiant 出错：park.xlsx，--save：回答保存为 YAML 文件：请给出以 .yaml 结尾的文件名"
    assert lg("assess", "--save", "answers.txt", cwd=tmp_path, stdin="")[0] == 2
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", ["fifo", pytest.param("zero", marks=pytest.mark.skipif(not ROOT, reason="mknod needs root"))])
def test_a_profile_that_never_ends_is_refused(tmp_path: Path, kind: str) -> None:
    """A FIFO hung `assess` and /dev/zero ran out of memory: only regular files are read."""
    target = tmp_path / "p.yaml"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # a /dev/zero of our own
    code, _, err = lg("assess", "p.yaml", cwd=tmp_path, timeout=30)
    assert code == 2 and "regular file" in one_line(err)
    (tmp_path / "in.csv").symlink_to(target)  # a batch input, through a link
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", "--columns", "ids", cwd=tmp_path, timeout=30)
    assert code == 2 and "in.csv: is " in one_line(err)
    (tmp_path / "folder").mkdir()
    os.rename(target, tmp_path / "folder" / "p.yaml")
    (tmp_path / "folder" / "good.yaml").write_bytes(PROFILE.read_bytes())
    code, _, err = lg("batch", "folder", "-o", "out.csv", "--columns", "ids", cwd=tmp_path, timeout=30)
    rows = read_rows(tmp_path / "out.csv")
    assert code == 1 and [r["status"] for r in rows] == ["scored", "error"]
    assert "regular file" in rows[1]["error"]


@pytest.mark.parametrize(("name", "text"), [
    ("passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"),
    (".env", "API_KEY=sk-live-4f9a2c\nDB_PASSWORD=hunter2\n"),
    ("keys.yaml", "- sk-live-4f9a2c\n- hunter2\n"),
])
def test_a_file_that_is_not_a_profile_is_said_so_without_any_of_it_quoted(tmp_path: Path, name: str, text: str) -> None:
    """What --rules did with /etc/passwd (quoted its lines, folded into one text) a profile must not do
    either: `assess` and a batch of a folder refuse it as no profile, none of its content shown."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, _, err = lg("assess", name, cwd=tmp_path)
    line = one_line(err)
    assert code == 2 and line == f"littlegiant: error: {name}: expected a mapping of profile fields at the top", line
    (tmp_path / "folder").mkdir()
    os.rename(tmp_path / name, tmp_path / "folder" / "p.yaml")
    code, _, err = lg("batch", "folder", "-o", "out.csv", "--columns", "ids", cwd=tmp_path)
    rows = read_rows(tmp_path / "out.csv")
    assert code == 1 and [r["error"] for r in rows] == ["expected a mapping of profile fields at the top"], rows


@pytest.mark.parametrize("columns", ["abc", "0", "-5", "99999999999"])
def test_odd_columns_fall_back_to_a_sane_width(tmp_path: Path, columns: str) -> None:
    """`COLUMNS=abc` crashed and `COLUMNS=0` printed nothing."""
    code, out, err = lg("assess", str(PROFILE), "--lang", "zh", cwd=tmp_path, COLUMNS=columns)
    assert code == 0 and err == ""
    assert "宁波恒达密封件有限公司" in out and max(len(line) for line in out.splitlines()) <= 1000


@pytest.mark.skipif(not ROOT, reason="making a device node needs root")
def test_a_full_disk_on_stdout_is_one_line(tmp_path: Path) -> None:
    """Writing the report to a full device gave a traceback; now one line, exit 2."""
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # /dev/full, as a node of our own
    with full.open("w") as sink:
        done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(PROFILE)], stdout=sink,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2
    assert one_line(done.stderr) == "littlegiant: error: cannot write the report to standard output: No space left on device"


@pytest.mark.parametrize("how", ["closed pipe", "closed stdout"])
def test_a_closed_stdout_is_one_line(tmp_path: Path, how: str) -> None:
    """A closed pipe or a closed stdout gave a traceback; now one line, exit 2."""
    if how == "closed pipe":
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(PROFILE)], stdout=write_end,
                                  stderr=subprocess.PIPE, text=True, timeout=60)
        finally:
            os.close(write_end)
    else:
        done = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m littlegiant assess "{PROFILE}" >&-'],
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2
    assert one_line(done.stderr).startswith("littlegiant: error: cannot write the report to standard output")


@pytest.mark.parametrize("command", [["rules", "list"], ["rules", "show", "miit-2026"],
                                     ["rules", "calendar", "--as-of", "2026-11-26"], ["--version"],
                                     ["rules", "list", "--lang", "zh"], ["rules", "show", "miit-2026", "--lang", "zh"],
                                     ["rules", "test", "miit-2026", "--lang", "zh"],
                                     ["rules", "diff", "miit-2022", "miit-2026", "--lang", "zh"]])
def test_every_command_says_a_closed_stdout_in_one_line(command: list[str]) -> None:
    """rules list, show and calendar asked a closed stdout (>&-) whether it was a terminal, and --version
    wrote to it: an internal error, exit 3. Now the line assess gives, in the command's language."""
    done = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m littlegiant {" ".join(command)} >&-'],
                          stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "littlegiant 出错：无法把报告输出到屏幕：标准输出已关闭（例如命令末尾写了 >&-）" if "zh" in command
        else "littlegiant: error: cannot write the report to standard output: it is closed"]


# --- limits -------------------------------------------------------------------------------------------------------


def test_jobs_are_capped_at_twice_the_cpus(tmp_path: Path) -> None:
    """`--jobs 300` started 300 processes."""
    companies(tmp_path / "in.csv", 2)
    most = batching.cpu_count() * 2
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", "--jobs", str(most + 1), cwd=tmp_path)
    assert code == 2
    assert one_line(err) == (f"littlegiant: error: --jobs: expected at most {most} (twice the {most // 2} CPUs this "
                             f"process may use), got {most + 1}")
    assert lg("batch", "in.csv", "-o", "out.csv", "--jobs", str(most), cwd=tmp_path)[0] == 0


def _chunks(path: Path) -> Iterator[int]:
    for chunk in batching.read_chunks([path]):
        yield batching._rows_in(chunk)


def test_a_chunk_of_short_json_lines_stays_small(tmp_path: Path) -> None:
    """A 270 KB file of `{}` lines made one chunk of 90,000 rows, and with --format json over 4 GB;
    chunks now hold at most BLOCK_LINES rows, and no row is lost or counted twice."""
    (tmp_path / "in.jsonl").write_text("{}\n" * 90_000, encoding="utf-8")
    sizes = list(_chunks(tmp_path / "in.jsonl"))
    assert max(sizes) <= batching.BLOCK_LINES and sum(sizes) == 90_000
    numbers = [item.source for chunk in batching.read_chunks([tmp_path / "in.jsonl"]) for item in batching.items_in(chunk)]
    assert numbers == [f"{tmp_path / 'in.jsonl'}:{n}" for n in range(1, 90_001)]


@settings(max_examples=60)
@given(st.lists(st.integers(0, 300), max_size=200), st.booleans(), st.sampled_from([16, 100, 1000, 1 << 18]),
       st.sampled_from([1, 7, 256]))
def test_json_lines_come_in_blocks_of_whole_lines_each_line_once(lengths: list[int], closed: bool, size: int,
                                                                  rows: int) -> None:
    """A JSON Lines file's blocks hold its bytes in order, each once, numbered from their first line;
    a block holds ``rows`` lines, fewer only at the end of the file or once it holds BLOCK_BYTES
    (long lines), so that a chunk stays small and the chunks are few."""
    import tempfile
    from unittest import mock

    text = b"\n".join(b'{"n": "' + b"x" * k + b'"}' for k in lengths) + (b"\n" if closed and lengths else b"")
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(batching, "BLOCK_BYTES", size):
        path = Path(folder) / "in.jsonl"
        path.write_bytes(text)
        blocks = list(batching._jsonl_blocks(path, None, rows))
    assert b"".join(b.data for b in blocks) == text
    assert [b.first for b in blocks] == [1 + text[:sum(len(b.data) for b in blocks[:i])].count(b"\n")
                                         for i in range(len(blocks))]
    for i, block in enumerate(blocks):
        held = batching._rows_in(block)
        assert held <= rows and (held == rows or i == len(blocks) - 1 or len(block.data) >= size)
        assert block.data.endswith(b"\n") or i == len(blocks) - 1


_HUGE = "1.0e9999999999999999999"
"""A number of 23 characters whose exponent is past what Python's Decimal holds."""


@pytest.mark.parametrize(("name", "text", "line"), [
    ("value.yaml", f"name: a\nindustry: industrial\nemployees: {_HUGE}\n", ":3: "),
    ("key.yaml", f"name: a\nfinancials:\n  {_HUGE}: {{revenue: 1}}\n", ":3: "),
    ("value.json", f'{{"name": "a", "employees": {_HUGE}}}\n', ": "),
])
def test_a_number_past_decimals_range_is_refused_in_words(tmp_path: Path, name: str, text: str, line: str) -> None:
    """``assess`` of a profile holding such a number says which number and where (exit 2), where it
    reported an internal error (exit 3); ``batch`` gives the row that message as its error."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, _, err = lg("assess", name, "--as-of", "2026-11-26", "--lang", "en", cwd=tmp_path)
    assert code == 2
    assert one_line(err) == f"littlegiant: error: {name}{line}the number {_HUGE} is too large or too small to read"
    if name.endswith(".json"):
        (tmp_path / "rows.jsonl").write_text(text * 2, encoding="utf-8")
        code, _, err = lg("batch", "rows.jsonl", "-o", "out.csv", "--as-of", "2026-11-26", "--lang", "en",
                          "--columns", "ids", cwd=tmp_path)
        assert code == 1, err
        with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
        assert [(r["status"], r["error"]) for r in rows] == \
            [("error", f"the number {_HUGE} is too large or too small to read")] * 2


def test_full_results_go_to_workers_in_small_even_chunks(tmp_path: Path) -> None:
    """With --format json or --advice, chunks hold HEAVY_CHUNK_ROWS rows, from JSON Lines and a CSV
    alike: chunks of 256 and ~110 rows (a block cut at 256 lines) left one of two workers waiting for
    the other's turn to write. No row is lost or counted twice."""
    (tmp_path / "in.jsonl").write_text("{}\n" * 1000, encoding="utf-8")
    (tmp_path / "in.csv").write_text("name\n" + "".join(f"Co {i}\n" for i in range(300)), encoding="utf-8")
    options = batching.ReadOptions(chunk_rows=batching.HEAVY_CHUNK_ROWS)
    for path, rows in ((tmp_path / "in.jsonl", 1000), (tmp_path / "in.csv", 300)):
        chunks = list(batching.read_chunks([path], options))
        sizes = [batching._rows_in(c) for c in chunks]
        assert sum(sizes) == rows and set(sizes[:-1]) == {batching.HEAVY_CHUNK_ROWS}
        sources = [item.source for c in chunks for item in batching.items_in(c)]
        assert len(set(sources)) == rows


def test_a_path_the_system_refuses_is_one_line_and_exit_2_and_a_looping_link_in_a_folder_is_its_row(
        tmp_path: Path) -> None:
    """A file name of 300 characters, or a link in a loop, made Python raise at the path (OSError, or
    Path.resolve's RuntimeError): an internal error, exit 3, and a folder with such a link beside the
    profiles wrote no row at all. They are the user's to mend: one line, exit 2; in a folder, the link's
    own error row beside the others' verdicts."""
    long = "a" * 300
    (tmp_path / "LOOP").symlink_to("LOOP")
    for args in (["init", f"{long}.xlsx"], ["batch", f"{long}.csv", "-o", "x.csv"],
                 ["assess", str(PROFILE), "--rules", f"{long}.yaml"], ["batch", str(PROFILE), "-o", "LOOP"]):
        code, _, err = lg(*args, cwd=tmp_path)
        assert code == 2 and "internal error" not in err, (args, err)
        assert one_line(err).endswith(("File name too long", "Too many levels of symbolic links")), (args, err)
    code, _, err = lg("rules", "validate", f"{long}.yaml", cwd=tmp_path)  # listed as validate lists a missing file
    assert code == 2 and err.splitlines() == [f"{'a' * 40}…{'a' * 25}.yaml: the system cannot use this path: File name "
                                              "too long", "littlegiant: 1 problem found"], err
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "甲.yaml").write_bytes(PROFILE.read_bytes())
    (folder / "a.yaml").symlink_to("b")
    (folder / "b").symlink_to("a.yaml")
    code, _, err = lg("batch", str(folder), "-o", "out.csv", cwd=tmp_path)
    rows = {r["Source (file:row)"].rsplit("/", 1)[-1]: r for r in csv.DictReader(
        (tmp_path / "out.csv").read_text("utf-8-sig").splitlines())}
    assert code == 1 and rows["a.yaml"]["Outcome"] == "error" and rows["甲.yaml"]["Outcome"] == "scored", err


def test_a_utf8_profile_with_a_line_in_gbk_is_refused_naming_the_line(tmp_path: Path) -> None:
    """A line added in GBK (a comment typed in another editor) to a UTF-8 profile had the whole file read
    as GB18030: the company's name became other characters in every report, without a word. Such a file
    is refused, naming the line; a file all in GBK is read as before."""
    text = PROFILE.read_text(encoding="utf-8")
    lines = text.count("\n")
    (tmp_path / "mixed.yaml").write_bytes(text.encode("utf-8") + "# 备注：补充说明\n".encode("gbk"))
    code, _, err = lg("assess", "mixed.yaml", cwd=tmp_path, LANG="zh_CN.UTF-8")
    assert code == 2 and one_line(err, "littlegiant 出错：") == (
        f"littlegiant 出错：mixed.yaml：文件里混有两种编码：第 {lines + 1} 行之前是 UTF-8，这一行起是另一种"
        "（可能是在别的编辑器里加的）；请把整个文件另存为 UTF-8")
    (tmp_path / "gbk.yaml").write_bytes(text.encode("gbk"))
    code, out, err = lg("assess", "gbk.yaml", "--format", "json", cwd=tmp_path)
    assert code == 0 and json.loads(out)["name"] == "宁波恒达密封件有限公司", err


def test_a_table_wider_than_500_columns_is_refused_up_front(tmp_path: Path) -> None:
    """Each header cell is looked up as a column with its nearest name: a CSV of 5,000 unknown columns
    took over a minute, 20,000 hours. A row of more than 500 filled cells at or above the header is
    refused in one line naming the file and row; nothing is written. In a workbook it is that sheet's
    error row (a 月度统计 sheet of a column a day): the list on the sheet beside it is still scored."""
    from openpyxl import Workbook

    header, row = ["企业名称", *(f"c{i}" for i in range(600))], ["甲公司", *("1" for _ in range(600))]
    (tmp_path / "wide.csv").write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    code, _, err = lg("batch", "wide.csv", "-o", "out.csv", cwd=tmp_path, timeout=30)
    assert code == 2 and not (tmp_path / "out.csv").exists()
    assert one_line(err).startswith("littlegiant: error: wide.csv:1: a row of 601 filled cells before the "
                                    "table's header: at most 500 columns are read")
    book = Workbook()
    book.active.title = "名单"
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["乙公司", 8000])
    wide = book.create_sheet("月度统计")
    wide.append(header)
    wide.append(row)
    book.save(tmp_path / "wide.xlsx")
    code, _, err = lg("batch", "wide.xlsx", "-o", "out.csv", cwd=tmp_path, timeout=30)
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text("utf-8-sig").splitlines()))
    assert code == 1 and [(r["Company name"], r["Outcome"]) for r in rows] == [("乙公司", "scored"), ("", "error")], err
    assert "a row of 601 filled cells" in rows[1]["Problems"]


def sheet_xml_edited(path: Path, end: bytes) -> None:
    """A one-company workbook written by openpyxl at ``path``, the end of its sheet's rows replaced by ``end``
    (what a hand-made or hostile file holds there), packed again."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["甲公司", 8000])
    plain = path.with_name("plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", end)
            zout.writestr(item.filename, data)


@pytest.mark.parametrize(("size", "refused"), [(2 << 20, True), (1000, False)])
def test_a_sheet_with_a_huge_xml_comment_is_refused_without_stalling(tmp_path: Path, size: int, refused: bool) -> None:
    """The XML reader keeps a comment whole and looks through it again at each piece: a 618 KB workbook
    holding 60 MB of comment after its rows took over a minute, 600 MB hours. A comment past 1 MB
    (Excel writes none) is refused in one line; a small one changes nothing."""
    sheet_xml_edited(tmp_path / "in.xlsx", b"</sheetData><!--" + b"A" * size + b"-->")
    code, _, err = lg("batch", "in.xlsx", "-o", "out.csv", cwd=tmp_path, timeout=30)
    if refused:
        assert code == 2 and "holds a comment in its XML of more than 1 MB" in one_line(err)
    else:
        assert code == 0, err


@pytest.mark.parametrize(("blanks", "refused"), [(40 << 20, True), (8 << 20, False)])
def test_a_workbook_that_inflates_far_past_its_size_is_refused_before_it_is_read(tmp_path: Path, blanks: int,
                                                                                 refused: bool) -> None:
    """A 1.9 MB workbook holding 2 GB of blanks in its sheet took 39 s and 2 GB of memory (the XML reader keeps
    the blanks as one text), and exit 0. A part stating it grows past 16 MB and 100 times its packed size (a real
    sheet grows 5 to 20 times) is refused in one line, exit 2, before a byte is inflated, alone or beside other
    files; fewer blanks than that are read as before."""
    sheet_xml_edited(tmp_path / "in.xlsx", b" " * blanks + b"</sheetData>")
    assert (tmp_path / "in.xlsx").stat().st_size < 200_000
    companies(tmp_path / "other.csv", 2)
    for inputs in (["in.xlsx"], ["other.csv", "in.xlsx"]):
        start = time.monotonic()
        code, _, err = lg("batch", *inputs, "-o", "out.csv", "-q", "--lang", "zh", cwd=tmp_path, timeout=60)
        if refused:
            assert code == 2 and time.monotonic() - start < 10
            assert one_line(err, "littlegiant 出错：").startswith("littlegiant 出错：in.xlsx：工作簿内部有一部分解压后会从 ")
            grown = re.search(r"从 ([\d,]+) 字节膨胀到 ([\d,]+) 字节，超过 100 倍（正常的工作表只有 5–20 倍）", err)
            assert grown is not None and int(grown.group(2).replace(",", "")) > blanks, err
        else:
            assert code == 0, err


def test_a_workbook_part_stating_less_than_it_holds_is_its_sheets_error_row(tmp_path: Path) -> None:
    """The sizes the zip directory states are what the inflating check reads: a sheet of 40 MB of blanks
    stating 1 MB passes it, and is cut at 1 MB by the zip reader, whose check sum then fails. That was an
    internal error, exit 3, the other files' rows lost; it is the sheet's error row, a damaged file's."""
    import struct
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["企业名称", "营业收入（2025年）"])
    book.active.append(["甲公司", 8000])
    book.save(tmp_path / "plain.xlsx")
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as zin, \
            zipfile.ZipFile(tmp_path / "in.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item.filename, data.replace(b"</sheetData>", b" " * (40 << 20) + b"</sheetData>")
                          if item.filename == sheet else data)
    data = bytearray((tmp_path / "in.xlsx").read_bytes())
    with zipfile.ZipFile(tmp_path / "in.xlsx") as stated:
        local = stated.getinfo(sheet).header_offset
    data[local + 22:local + 26] = struct.pack("<I", 1 << 20)  # the local header's size, and the directory's
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(sheet)] != sheet.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24:central + 28] = struct.pack("<I", 1 << 20)
    (tmp_path / "in.xlsx").write_bytes(bytes(data))
    companies(tmp_path / "other.csv", 1)
    code, _, err = lg("batch", "in.xlsx", "other.csv", "-o", "out.csv", "-q", cwd=tmp_path, timeout=60)
    rows = read_rows(tmp_path / "out.csv")
    assert code == 1 and "internal error" not in err, err
    assert [(r["Source (file:row)"], r["Outcome"]) for r in rows] == [("in.xlsx:Sheet", "error"), ("other.csv:2", "scored")]
    assert rows[0]["Problems"].startswith("sheet 'Sheet' could not be read row by row, and none of its companies was "
                                          "scored (this row stands for them): the sheet cannot be read (the file is damaged")


def damaged_book(path: Path, old: str, new: str) -> None:
    """A park's list of four companies saved by openpyxl, then its sheet's XML edited, ``old`` to ``new``: a
    cell as a damaged file, or a program that does not keep to the format (NaN, INF, 1,000 as a number), holds it."""
    import io
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "名单"
    book.active.append(["企业名称", "营业收入（2025年）", "从业人员"])
    for i in range(1, 5):
        book.active.append([f"企业{i}", 1000 + i, 50 + i])
    saved = io.BytesIO()
    book.save(saved)
    with zipfile.ZipFile(saved) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert old.encode() in data, data
                data = data.replace(old.encode(), new.encode(), 1)
            zout.writestr(item.filename, data)


B3 = '<c r="B3" t="n"><v>1002</v></c>'


@pytest.mark.parametrize(("old", "new", "read", "said"), [
    (B3, '<c r="B3" t="n"><v>NaN</v></c>', ["企业1"], "cell B3 cannot be read, so the sheet was read only down to "
                                                      "the row above it (the file is damaged"),
    (B3, '<c r="B3" t="n"><v>INF</v></c>', ["企业1"], "cell B3 cannot be read"),
    (B3, '<c r="B3" t="n"><v>1,000</v></c>', ["企业1"], "cell B3 cannot be read"),
    (B3, '<c r="B3" t="n"><v> </v></c>', ["企业1"], "cell B3 cannot be read"),
    (B3, '<c r="B3" t="d"><v>garbage</v></c>', ["企业1"], "cell B3 cannot be read"),
    (B3, '<c r="B3" t="s"><v>99999</v></c>', ["企业1"], "cell B3 cannot be read"),  # no such shared text
    (B3, '<c r="B3" t="s"><v>x</v></c>', ["企业1"], "cell B3 cannot be read"),
    (B3, '<c r="B3" t="n" s="999"><v>1002</v></c>', ["企业1"], "cell B3 cannot be read"),  # no such style
    (B3, '<c r="ZZZZ3" t="n"><v>1002</v></c>', ["企业1"], "cell ZZZZ3 cannot be read"),
    ('<c r="B5" t="n"><v>1004</v></c>', '<c r="B5" t="n"><v>1004</v></c><c r="C5"<v>1</v></c>',
     ["企业1", "企业2", "企业3"], "the sheet cannot be read past row 4, so it was read only that far"),
    # written by a program other than Excel: openpyxl passed over a row numbered again or back, and kept the
    # last of two cells at one address, each a company or a figure lost without a word
    ('<row r="4">', '<row r="3">', ["企业1", "企业2"], "the sheet cannot be read past row 3, so it was read only that far"),
    ('<row r="5">', '<row r="2">', ["企业1", "企业2", "企业3"], "the sheet cannot be read past row 4"),
    (B3, B3 + '<c r="B3" t="n"><v>9999</v></c>', ["企业1"], "cell B3 cannot be read, so the sheet was read only down"),
    ('<c r="C3"', '<c r="A3"', ["企业1"], "cell A3 cannot be read"),
])
def test_a_cell_openpyxl_cannot_read_is_its_sheets_error_row_and_the_other_files_are_scored(
        tmp_path: Path, old: str, new: str, read: list[str], said: str) -> None:
    """A cell openpyxl's reader fails on (NaN stored as a number, a shared text or style the file lacks, a
    broken tag further down) was an internal error, exit 3: nothing written, the other files' companies
    lost with the sheet's, an empty partial file left. Now the rows above it are scored, the rest of the
    sheet is one error row naming the cell (or the last row read), and the files around it are scored."""
    companies(tmp_path / "before.csv", 2)
    damaged_book(tmp_path / "list.xlsx", old, new)
    (tmp_path / "after.csv").write_text(HEADER + "Later Co,industrial,30,3000\n", encoding="utf-8")
    code, _, err = lg("batch", "before.csv", "list.xlsx", "after.csv", "-o", "out.csv", "-q", cwd=tmp_path)
    assert code == 1 and "internal error" not in err and "Traceback" not in err, err
    rows = read_rows(tmp_path / "out.csv")
    assert [(r["Source (file:row)"], r["Company name"], r["Outcome"]) for r in rows] == [
        ("before.csv:2", "Co 0", "scored"), ("before.csv:3", "Co 1", "scored"),
        *((f"list.xlsx:名单:{i}", name, "scored") for i, name in enumerate(read, 2)),
        ("list.xlsx:名单", "", "error"), ("after.csv:2", "Later Co", "scored")]
    assert rows[-2]["Problems"].startswith(said)
    assert not list(tmp_path.glob("*.partial-*"))


def test_a_damaged_cell_is_said_in_chinese_and_a_workbook_output_holds_every_row(tmp_path: Path) -> None:
    """The same sheet in a zh run with an .xlsx output: the error row says which cell, in words a finance
    manager reads, on the results and errors sheets alike."""
    from openpyxl import load_workbook

    companies(tmp_path / "before.csv", 2)
    damaged_book(tmp_path / "list.xlsx", B3, '<c r="B3" t="n"><v>NaN</v></c>')
    code, _, err = lg("batch", "before.csv", "list.xlsx", "-o", "out.xlsx", "-q", "--lang", "zh", cwd=tmp_path)
    assert code == 1 and "Traceback" not in err, err
    book = load_workbook(tmp_path / "out.xlsx", read_only=True)
    try:
        results = [(*r[:2], r[4]) for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
        errors = [r[0:1] + r[-1:] for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    said = "单元格 B3 无法读取，这张工作表只读到了它的上一行（文件已损坏"
    assert results[:3] == [("before.csv:2", "Co 0", "已评估"), ("before.csv:3", "Co 1", "已评估"),
                           ("list.xlsx:名单:2", "企业1", "已评估")]
    assert results[3][:2] == ("list.xlsx:名单", None) and len(results) == 4
    assert errors[0][0] == "list.xlsx:名单" and str(errors[0][1]).startswith(said), errors


def test_an_earlier_output_openpyxl_cannot_read_is_refused_not_a_bug(tmp_path: Path) -> None:
    """An existing -o workbook with a broken tag in its first row: looking whether it was batch's own results
    raised an XML error, exit 3. It is a file that is not results, kept and refused as such."""
    companies(tmp_path / "in.csv", 2)
    damaged_book(tmp_path / "out.xlsx", '<c r="B1"', '<c r="B1"<')
    before = (tmp_path / "out.xlsx").read_bytes()
    code, _, err = lg("batch", "in.csv", "-o", "out.xlsx", cwd=tmp_path)
    assert code == 2 and "out.xlsx: exists and is not a littlegiant results file" in one_line(err)
    assert (tmp_path / "out.xlsx").read_bytes() == before and not list(tmp_path.glob("*.partial-*"))


@pytest.mark.parametrize("output", ["out.csv", "out.xlsx"])
def test_a_run_ended_by_a_bug_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str], output: str) -> None:
    """A bug that stops the run (exit 3) said nothing of the partial file it left beside the results (an
    empty .partial-…csv after a crash on a workbook's cell): no message names it, so none is left."""
    from littlegiant.cli.app import main
    from littlegiant.load import xlsx

    def buggy(cell: object) -> str:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(xlsx, "_cell", buggy)
    monkeypatch.setattr(sys, "argv", ["littlegiant", "batch", str(tmp_path / "in.csv"), str(tmp_path / "list.xlsx"),
                                      "-o", str(tmp_path / output), "-q", "--lang", "en"])
    companies(tmp_path / "in.csv", 3)
    damaged_book(tmp_path / "list.xlsx", B3, B3)
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 3
    assert "internal error" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "list.xlsx"]


def test_an_output_to_dev_stdout_into_a_pipe_is_refused_as_a_pipe(tmp_path: Path) -> None:
    """-o /dev/stdout with stdout a pipe (| cat) was said to be '/proc/N/fd/pipe:[…]: cannot write: No such
    file or directory': the link's realpath, which names nothing. The pipe is said as what it is."""
    code, out, err = lg("assess", str(PROFILE), "-o", "/dev/stdout", cwd=tmp_path)  # stdout: a pipe here
    assert code == 2 and out == ""
    assert one_line(err) == "littlegiant: error: --output /dev/stdout: is a named pipe (FIFO), expected a regular file to write"


def test_a_workbook_with_an_opening_password_is_told_to_remove_it(tmp_path: Path) -> None:
    """Excel keeps a workbook with an opening password as an Office compound file (as an old .xls is):
    it was told to 'save it as .xlsx', as it already was. The password is named; other junk is told as before."""
    (tmp_path / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    (tmp_path / "junk.xlsx").write_bytes(bytes(range(256)))
    code, _, err = lg("batch", "locked.xlsx", "-o", "out.csv", cwd=tmp_path, LANG="zh_CN.UTF-8")
    assert code == 2 and "locked.xlsx：这个工作簿设了打开密码，或是改了扩展名的旧版 .xls：请在 Excel 中打开，取消密码" \
        in one_line(err, "littlegiant 出错：")
    code, _, err = lg("batch", "junk.xlsx", "-o", "out.csv", cwd=tmp_path, LANG="zh_CN.UTF-8")
    assert code == 2 and "junk.xlsx：不是可读取的 Excel 工作簿（请另存为 .xlsx）" in one_line(err, "littlegiant 出错：")


def _level_one() -> list[str]:
    """GB2312's 3,755 commonest characters (B0A1–D7F9): their GBK is UTF-8 at most as two-byte letters, never
    as a Chinese character (a rarer one may be: 鋩丏 is E4 80 81 44, UTF-8's 䀁D, which no reader can tell)."""
    out = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                out.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_level_one()), min_size=1, max_size=30))
def test_a_profile_all_in_gbk_is_never_taken_for_two_encodings(name: str) -> None:
    """GBK text is often UTF-8 for a while too (一 is D2 BB, Cyrillic һ; 山水实业 four IPA letters): a profile
    all in GBK was refused as 'two encodings in one file, line 1', or read as those letters. A name of common
    Chinese characters saved in GBK reads back as typed."""
    from littlegiant.load import charsets

    raw = f"name: {name}\nindustry: industrial\n".encode("gbk")
    assert charsets.decode(raw, "p.yaml").splitlines()[0] == f"name: {name}"


@pytest.mark.parametrize("name", ["Café Ltd", "Łódź Sp. z o.o.", "Müller GmbH", "甲公司", "ООО Ромашка",
                                  "Ελλάδα Α.Ε.", "شركة ٢٠٢٥", "Αθήνα"])
def test_a_utf8_profile_with_latin_letters_is_read_as_typed(name: str) -> None:
    """The GBK-that-is-also-UTF-8 reading (一, 山水实业) must not take accented Latin for GBK (Café read as Caf茅),
    nor Russian, Greek or Arabic (ООО Ромашка read as 袨袨袨 袪芯屑邪褕泻邪, in a profile and in a batch's names)."""
    from littlegiant.load import charsets

    assert charsets.decode(f"name: {name}\n".encode(), "p.yaml") == f"name: {name}\n"


@pytest.mark.parametrize("year", ["２０２５", "𝟐𝟎𝟐𝟓", "٢٠٢٥"])
def test_a_year_in_other_digits_is_refused_not_kept_beside_its_ascii_twin(tmp_path: Path, year: str) -> None:
    """A year key written in full-width (or other) digits matched as a year and was then kept as a key of
    its own: a --set of financials.２０２５.revenue was reported applied but judged nothing, a file holding
    2025 and ２０２５ took whichever came last, and a CSV column of it vanished without a word."""
    example = str(EXAMPLES / "little-giant-2026.yaml")
    code, _, err = lg("assess", example, "--as-of", "2026-11-26", "--set", f"financials.{year}.revenue=3000", cwd=tmp_path)
    assert code == 2 and f"financials.{year}.revenue" in one_line(err), err
    (tmp_path / "dup.yaml").write_text(f"name: A\nfinancials:\n  2025: {{revenue: 5000}}\n  {year}: {{revenue: 6000}}\n",
                                       encoding="utf-8")
    code, out, err = lg("assess", "dup.yaml", "--as-of", "2026-11-26", cwd=tmp_path)
    assert code == 2 and not out and "dup.yaml:4: " in one_line(err), err
    if year == "２０２５":  # a Chinese input method's full-width mode: said so, with the year to write
        assert "full-width digits: write 2025" in err
    (tmp_path / "fw.csv").write_text(f"name,financials.{year}.revenue\nA,6000\n", encoding="utf-8")
    code, _, err = lg("batch", "fw.csv", "-o", "fw.out.csv", cwd=tmp_path)
    # refused, or (Arabic-Indic digits, which no folding makes ASCII) said to be a column not read
    assert f"financials.{year}.revenue" in err and ((code == 2 and not (tmp_path / "fw.out.csv").exists())
                                                    or "columns not read" in err), err


def test_a_refused_name_longer_than_a_name_may_be_is_cut_in_the_error_row(tmp_path: Path) -> None:
    """A company name of 50,000 characters is refused (at most 1,000); its error row carried it whole, so
    that a 30-million-character name made a 30 MB results file. The row keeps its first 1,000 and …."""
    (tmp_path / "long.jsonl").write_text(json.dumps({"name": "甲" * 50000, "employees": 5}, ensure_ascii=False) + "\n"
                                         + json.dumps({"name": "乙", "employees": 5}, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    code, _, err = lg("batch", "long.jsonl", "-o", "out.csv", cwd=tmp_path)
    assert code == 1, err
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == "甲" * 1000 + "…" and rows[1][4] == "error" and "50,000" in " ".join(rows[1])
    assert rows[2][1] == "乙" and rows[2][4] == "scored"


def test_a_batch_prints_no_warning_of_openpyxls_own(tmp_path: Path) -> None:
    """A number formatted as a date past year 9999 made openpyxl warn on stderr, two lines of its own file
    path and line number a cell, among the run's own words. The cell's row says what is wrong; stderr
    holds only the run's lines."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["企业名称", "从业人员（上年末）", "营业收入（2025年）"])
    ws.append(["甲", 10, 5000])
    ws.append(["乙", 10, 1e12])
    ws["C3"].number_format = "yyyy-mm-dd"
    book.save(tmp_path / "dates.xlsx")
    code, _, err = lg("batch", "dates.xlsx", "-o", "out.csv", cwd=tmp_path)
    assert code == 1 and "Warning" not in err and "openpyxl" not in err, err
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[4] for row in rows[1:]] == ["scored", "error"]


@pytest.mark.parametrize("name", ["盛藝", "車", "一", "山水实业"])
def test_a_gbk_profile_with_traditional_forms_that_is_also_utf8_reads_as_gbk(name: str) -> None:
    """GBK text that is valid UTF-8 too: 盛藝 (CA A2 CB 87) read as ʢˇ once Russian names were kept as
    UTF-8, as 藝 lies outside GB2312. Its UTF-8 reading is no word of any alphabet, so it is GBK."""
    from littlegiant.load import charsets

    raw = f"name: {name}\nindustry: industrial\n".encode("gbk")
    raw.decode("utf-8")  # the case: bytes both encodings read
    assert charsets.decode(raw, "p.yaml").splitlines()[0] == f"name: {name}"


SHADOW = "".join(f"{user}:$6$Zx9salt{i}$Q1w2E3r4T5y6SECRETHASH{i}:19000:0:99999:7:::\n"
                 for i, user in enumerate(["root", "daemon", "alice", "bob", "carol"]))
"""A file in /etc/shadow's form: each line is read as one YAML key, hash and all."""


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "littlegiant: error: shadow:1: not a company profile: no key in it is a profile field (expected keys "
           "such as name, industry, employees; littlegiant init writes a template)"),
    ("zh", "littlegiant 出错：shadow 第 1 行：这不是企业信息文件：其中没有一项是可识别的项目（应填写 name、industry、"
           "employees 等；可用 littlegiant init 生成模板）"),
])
def test_a_file_that_is_not_a_profile_is_said_so_with_none_of_it_quoted(tmp_path: Path, lang: str, said: str) -> None:
    """`assess /etc/shadow` printed its first line whole (user and password hash) as an "unknown field":
    a file none of whose keys is a profile's is said to be no profile, at its first line, quoting nothing."""
    (tmp_path / "shadow").write_text(SHADOW, encoding="utf-8")
    code, _, err = lg("assess", "shadow", "--as-of", "2026-11-26", "--lang", lang, cwd=tmp_path)
    assert code == 2 and err.strip() == said, err
    assert "SECRET" not in err and "salt" not in err


def test_a_long_file_that_is_not_a_profile_is_said_so_quickly(tmp_path: Path) -> None:
    """A file of 20,000 junk keys took 31 s to be called no profile: each key was held against every field
    name and sheet header. Its first keys decide it now (a profile names a field long before)."""
    (tmp_path / "junk.yaml").write_text("".join(f"qzxwvk{i}: 1\n" for i in range(20_000)), encoding="utf-8")
    start = time.monotonic()
    code, _, err = lg("assess", "junk.yaml", cwd=tmp_path, timeout=60)
    assert code == 2 and "not a company profile" in err and time.monotonic() - start < 10, err


def test_a_batch_row_of_a_file_that_is_not_a_profile_holds_one_short_problem(tmp_path: Path) -> None:
    """A batch folder with a link to /etc/shadow wrote every line of it, hash and all, into the results'
    Problems cell (8,195 characters, one "unknown field" a line): the row now says it is no profile."""
    (tmp_path / "shadow").write_text(SHADOW, encoding="utf-8")
    park = tmp_path / "park"
    park.mkdir()
    (park / "a.yaml").write_bytes(PROFILE.read_bytes())
    (park / "b.yaml").symlink_to("../shadow")
    code, _, err = lg("batch", "park", "-o", "out.csv", "--as-of", "2026-11-26", "-q", cwd=tmp_path)
    assert code == 1, err
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "SECRET" not in text and "salt" not in text
    rows = {r["Source (file:row)"].rsplit("/", 1)[-1]: r for r in csv.DictReader(text.splitlines())}
    assert rows["b.yaml"]["Problems"] == "park/b.yaml:1: not a company profile: no key in it is a profile field " \
        "(expected keys such as name, industry, employees; littlegiant init writes a template)", rows["b.yaml"]


@pytest.mark.parametrize(("body", "said"), [
    ("financials: {true: {revenue: 1}}\n", "p.yaml:3: financials.true: expected a year between 1990 and 2100 as the "
                                           "key, got true"),
    ("financials: {null: {revenue: 1}}\n", "p.yaml:3: financials.null: expected a year between 1990 and 2100 as the "
                                           "key, got null"),
    ("root:$6$Zx9salt$Q1w2E3r4T5y6SECRETHASH:19000:0:99999:7:::\n",
     "p.yaml:3: root:$6$Zx9salt$Q1w2E3r…: unknown field (expected one of: "),
])
def test_a_key_is_quoted_as_written_and_short(tmp_path: Path, body: str, said: str) -> None:
    """A wrong key was quoted as Python shows it (``financials.True``, got None, where the file says true
    and null) and whole (a shadow line in a profile, hash and all): as written, and a short piece of it."""
    (tmp_path / "p.yaml").write_text("name: 甲公司\nindustry: industrial\n" + body, encoding="utf-8")
    code, _, err = lg("assess", "p.yaml", "--as-of", "2026-11-26", cwd=tmp_path)
    assert code == 2 and one_line(err).startswith(f"littlegiant: error: {said}"), err
    assert "SECRET" not in err


def test_counting_the_rows_for_progress_never_opens_a_pipe_or_a_device(tmp_path: Path) -> None:
    """The progress bar's row count opened what it was given: a FIFO named .csv or .xlsx waited for a
    writer (the run hung before its first row), and /dev/zero named .csv was read without end. Each
    now counts as the one error row the run makes of it, unopened, beside a list counted as before."""
    os.mkfifo(tmp_path / "管道.csv")
    os.mkfifo(tmp_path / "管道.xlsx")
    (tmp_path / "零.csv").symlink_to("/dev/zero")
    (tmp_path / "名单.csv").write_text("企业名称,营业收入（2025年）\n甲公司,5000\n乙公司,6000\n", encoding="utf-8")
    names = ["管道.csv", "管道.xlsx", "零.csv", "名单.csv"]
    code = ("import sys; from pathlib import Path; from littlegiant.load.tabular import estimate_rows\n"
            "from littlegiant.load.xlsx import count_rows\n"
            "print(estimate_rows([Path(p) for p in sys.argv[1:]]))\n"
            "try:\n    count_rows(Path('管道.xlsx'), None)\nexcept Exception as exc:\n    print(exc.render('zh'))")
    done = subprocess.run([sys.executable, "-c", code, *names], cwd=tmp_path, capture_output=True, text=True,
                          timeout=30, check=False)
    assert done.returncode == 0 and done.stdout.splitlines() == ["5", "管道.xlsx：是命名管道，请给出普通文件"], \
        (done.stdout, done.stderr)


def test_a_figure_of_thousands_of_digits_is_refused_at_once_in_a_profile_and_a_sheet(tmp_path: Path) -> None:
    """A figure typed as 100,000 digits (a paste gone wrong, or a hostile file) took the thousands-grouping
    check minutes (20,000 digits: 10 s; its pattern backtracks over each start). Refused in one line as no
    figure, the profile with exit 2, the sheet's row as an error row with the other rows scored: within the
    child's timeout."""
    digits = "9" * 100_000
    (tmp_path / "p.yaml").write_text(f'name: 甲公司\nemployees: "{digits}"\n', encoding="utf-8")
    code, _, err = lg("assess", "p.yaml", cwd=tmp_path, timeout=30)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["name", "employees", "financials.2025.revenue"], ["甲公司", digits[:20_000] + "x,1", "3000"],
                                      ["乙公司", "80", "3000"]])
    code, _, err = lg("batch", "in.csv", "-o", "out.csv", "--columns", "ids", cwd=tmp_path, timeout=30)
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8-sig")))
    assert code == 1 and [r["status"] for r in rows] == ["error", "scored"], (err, rows)


@pytest.mark.parametrize(("command", "lang", "said"), [
    (["assess", "{file}"], "zh", "littlegiant 出错：{file}：无法读取：没有权限\n"),
    (["assess", "{file}"], "en", "littlegiant: error: {file}: cannot read: Permission denied\n"),
])
def test_an_unreadable_file_is_named_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     command: list[str], lang: str, said: str) -> None:
    """A file its user may not read (chmod 000, another user's) met click's own check first: 「企业信息文件 的值
    无效：应填文件路径」, no file named, no reason (a hostile-input review, as a non-root user). Root reads any
    file, so the denial is played here where both click (os.access) and the reader (open) ask."""
    from typer.testing import CliRunner

    from littlegiant.cli.app import app
    from littlegiant.load import fileio

    locked = tmp_path / "locked.yaml"
    locked.write_text((EXAMPLES / "little-giant-2026.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    real_access, real_open = os.access, os.open

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        return False if Path(str(path)).name == "locked.yaml" else real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    def denied(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(path)).name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(fileio.os, "open", denied)
    done = CliRunner().invoke(app, [*(c.format(file=locked) for c in command), "--lang", lang])
    assert (done.exit_code, done.stderr) == (2, said.format(file=locked))
