"""Ctrl-C, SIGTERM and SIGHUP stop every command with exit 130 and no traceback, from its first moments
(while its modules load) to its end: CONTRACT §1. Each signal is sent at a moment the command is known to
have reached, told by Python's own import log (``-X importtime``) on stderr, not by a guessed delay."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

PROFILE = str(EXAMPLES / "little-giant-2026.yaml")
COMMAND = Path(sys.executable).parent / "littlegiant"


def stopped_at(args: list[str], module: str, sig: signal.Signals) -> tuple[int, str]:
    """Run ``args`` with the import log on, send ``sig`` once ``module`` has been imported, and give the
    exit code and stderr without the log's lines."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1", "LANG": "en_US.UTF-8"}
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    seen, deadline = b"", time.monotonic() + 30
    while not any(line.rstrip().endswith(module.encode()) for line in seen.splitlines()):
        ready, _, _ = select.select([proc.stderr], [], [], max(deadline - time.monotonic(), 0))
        chunk = os.read(proc.stderr.fileno(), 65536) if ready else b""
        if not chunk:
            proc.kill()
            pytest.fail(f"{module} was never imported: {seen.decode()[-2000:]}")
        seen += chunk
    proc.send_signal(sig)
    rest = proc.stderr.read()
    code = proc.wait(timeout=30)
    said = [ln for ln in (seen + rest).decode().splitlines() if not ln.startswith("import time:")]
    return code, "\n".join(said)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
@pytest.mark.parametrize("how", ["script", "module"])
def test_a_stop_signal_while_the_command_loads_exits_130_in_one_line(how: str, sig: signal.Signals) -> None:
    """Ctrl-C while typer loaded (the first ~0.1 s of any command) printed a Python traceback, and SIGTERM
    or SIGHUP then killed the process by the signal (-15, -1): held from the first line, it is said as
    any interruption is."""
    start = [str(COMMAND)] if how == "script" else [sys.executable, "-m", "littlegiant"]
    code, said = stopped_at([*start, "rules", "list"], "typer._click", sig)
    assert code == 130 and said == "littlegiant: interrupted", (code, said)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_stop_signal_while_assess_reads_its_file_exits_130(sig: signal.Signals) -> None:
    """`assess FILE` set no handler for SIGTERM or SIGHUP: it was killed by the signal (-15, -1) mid-run,
    where batch and the interview stop with 130. The output file is not left behind half-written."""
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"stop-{os.getpid()}-{sig.name}.html"
    code, said = stopped_at([str(COMMAND), "assess", PROFILE, "--as-of", "2026-11-26", "-o", str(out)],
                            "littlegiant.load.profile", sig)
    assert code == 130 and "Traceback" not in said, (code, said)
    assert not out.exists()


COMPANY = json.dumps({"name": "Co", "industry": "industrial", "employees": 50,
                      "financials": {"2025": {"revenue": 3000, "rd_expense": 150}}})

AT_FORK = """
sent = []
def _stop():  # the first worker process is being started: its fork's hooks run
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), SIGNAL)
os.register_at_fork(after_in_parent=_stop)
"""
"""The stop signal sent from a hook Python runs as the batch's first worker is forked: Python drops what
is raised there (it prints "Exception ignored" and goes on)."""

AT_IMPORT = """
class _Stop:  # the stop signal sent as MODULE starts loading, the first time anything imports it
    def find_spec(self, name, path=None, target=None):
        if name == MODULE:
            sys.meta_path.remove(self)
            open(SENT, "w").close()
            STOP()
        return None
sys.meta_path.insert(0, _Stop())
def _send():
    os.kill(os.getpid(), SIGNAL)
"""
"""The stop signal sent as a module begins to load, a point the run is known to reach."""

IN_FINALISER = AT_IMPORT + """
class _Dropped:
    def __del__(self):  # run as the object is dropped: Python drops what is raised here too
        _send()
STOP = lambda: _Dropped()
"""

AT_IMPORT_SENT = AT_IMPORT + "STOP = _send\n"

AT_SAVE = """
import openpyxl.writer.excel as _excel
_save = _excel.ExcelWriter.save
def _stopping_save(self):  # every row written: the workbook is being saved
    os.kill(os.getpid(), SIGNAL)
    return _save(self)
_excel.ExcelWriter.save = _stopping_save
"""
"""The stop signal sent as the results workbook starts being saved, once every row is in it."""


def stop_batch(tmp_path: Path, hook: str, sig: signal.Signals, output: str, *options: str,
               module: str = "") -> tuple[int, str]:
    """`littlegiant batch in.jsonl -o OUTPUT` (600 companies) run by a copy of its console script that
    first runs ``hook``, which sends ``sig`` at a point the run reaches (not after a guessed delay)."""
    (tmp_path / "in.jsonl").write_text((COMPANY + "\n") * 600, encoding="utf-8")
    script = tmp_path / "bin" / "littlegiant"  # named as the command: its stop signals are its own
    script.parent.mkdir(exist_ok=True)
    script.write_text(f"import os, signal, sys\nSIGNAL = signal.{sig.name}\nMODULE = {module!r}\n"
                      f"SENT = {str(tmp_path / 'sent')!r}\n{hook}\n"
                      "from littlegiant.cli.app import main\nsys.exit(main())\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), "batch", "in.jsonl", "-o", output, "--as-of", "2026-11-26",
                           *options], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "LANG": "en_US.UTF-8"})
    return proc.returncode, proc.stderr


def rows_in(partial: Path) -> int:
    """The companies a partial output holds, each row whole (a cut row fails to parse)."""
    if partial.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(partial, read_only=True)
        rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
        book.close()
        return len(rows)
    text = partial.read_text(encoding="utf-8-sig")
    assert text.endswith("\n"), text[-200:]
    if partial.suffix == ".csv":
        return len(list(csv.DictReader(io.StringIO(text, newline="")))) if text.count("\n") > 1 else 0
    return len([json.loads(line) for line in text.splitlines()])


def stopped_leaving(tmp_path: Path, code: int, err: str, output: str) -> int:
    """Exit 130 with one line, which says what the run left, and the files are as it says: the output not
    made, and the rows it names whole in the partial file it names (else no partial file). The rows kept."""
    assert code == 130, (code, err)
    (line,) = err.strip().splitlines()
    partials = list(tmp_path.glob(f"out.partial-*{Path(output).suffix}"))
    assert not (tmp_path / output).exists()
    assert (tmp_path / "in.jsonl").read_text(encoding="utf-8") == (COMPANY + "\n") * 600
    if not partials:
        assert line == f"littlegiant: interrupted; no rows written; {output} not created", err
        return 0
    (partial,) = partials
    kept = rows_in(partial)
    assert line == f"littlegiant: interrupted; {kept} rows written to {partial.name} ({output} not created)", err
    return kept


OUTPUTS = ["out.csv", "out.jsonl", "out.xlsx"]
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked here only")
@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_a_stop_while_the_workers_start_stops_the_batch(tmp_path: Path, sig: signal.Signals, output: str) -> None:
    """A Ctrl-C, SIGTERM or SIGHUP about 0.35 s into a batch, as its worker processes started, was lost
    now and then: Python dropped the interruption raised in its fork hooks, and the run went on to its
    end, exit 0. Now it stops there: exit 130, one line, nothing written."""
    code, err = stop_batch(tmp_path, AT_FORK, sig, output, "--jobs", "2")
    assert stopped_leaving(tmp_path, code, err, output) == 0


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_stop_python_drops_elsewhere_still_stops_the_batch(tmp_path: Path, output: str) -> None:
    """An interruption raised while an object's finaliser runs (the collector runs them at any moment:
    openpyxl's, rich's) is dropped the same way, with "Exception ignored" and a traceback on stderr:
    the batch stops at its next chunk instead, with its one line, the rows written whole."""
    code, err = stop_batch(tmp_path, IN_FINALISER, signal.SIGINT, output, "--jobs", "1", module="multiprocessing")
    assert (tmp_path / "sent").exists()
    assert 0 < stopped_leaving(tmp_path, code, err, output) < 600


@pytest.mark.parametrize(("module", "output", "sig"), [
    pytest.param("typer._adapters", "out.csv", signal.SIGINT, id="typer-reads-the-command-line"),
    pytest.param("littlegiant.cli.batch", "out.jsonl", signal.SIGTERM, id="the-batch-loads"),
    pytest.param("openpyxl", "out.xlsx", signal.SIGHUP, id="the-workbook-is-made"),
    pytest.param("multiprocessing", "out.csv", signal.SIGTERM, id="the-output-exists"),
])
def test_a_stop_before_any_row_says_nothing_was_written(tmp_path: Path, module: str, output: str,
                                                        sig: signal.Signals) -> None:
    """Stopped in its first half second, a batch exited 130 with nothing on stderr: typer turns an
    interruption it catches into exit 130 unsaid. Now it says, as later stops do, what was left."""
    code, err = stop_batch(tmp_path, AT_IMPORT_SENT, sig, output, module=module)
    if not (tmp_path / "sent").exists():
        pytest.skip(f"this typer never loads {module}")
    assert stopped_leaving(tmp_path, code, err, output) == 0


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda s: s.name)
def test_a_stop_while_the_workbook_is_saved_leaves_it_whole(tmp_path: Path, sig: signal.Signals) -> None:
    """An .xlsx is written whole once every row is in: a stop then cut the partial workbook short (an
    empty or broken zip Excel will not open) while the message said it held every row. Now the save
    finishes first, and the file holds what the message says."""
    code, err = stop_batch(tmp_path, AT_SAVE, sig, "out.xlsx", "--jobs", "1")
    assert stopped_leaving(tmp_path, code, err, "out.xlsx") == 600
