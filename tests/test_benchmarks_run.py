"""The benchmarks run to their end and print every figure #14 is measured by.

A speed figure is read off these scripts, not asserted in a test (a shared machine's timing is no
verdict); but a script that stops halfway prints no figure at all, which is how benchmarks/batch.py
broke unseen once the summary row read its input's ids (a stand-in row without one). Run here on a
few rows, only for that: every figure line is printed, none of the scripts tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / args[0]), *args[1:]], capture_output=True,
                          text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    return done.stdout


def test_batch_benchmark_prints_every_figure() -> None:
    out = _run("batch.py", "60")
    for figure in ("full result (batch --format json) / summary (batch) on the same 60 rows:",
                   "per profile: full result", "batch wall time / json.loads-only time:",
                   "peak memory N=60 / N=6:", "compiled plan, one tier / hand-written one tier:",
                   "xlsx in -> xlsx out, 60 companies:"):
        assert figure in out, out


def test_startup_benchmark_prints_both_ratios() -> None:
    out = _run("startup.py", "1")
    assert "littlegiant --help / floor =" in out and "littlegiant assess / floor =" in out, out


def test_interview_benchmark_prints_a_row_an_example() -> None:
    out = _run("interview.py")
    examples = {p.stem for p in (ROOT / "examples").glob("*.yaml")}
    rows = [line for line in out.splitlines() if line.split()[:1] and line.split()[0] in examples]
    assert {row.split()[0] for row in rows} == examples, out
    assert all(row.split()[-1] == "True" for row in rows), out  # the interview's verdicts are the file's
