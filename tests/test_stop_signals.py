"""Ctrl-C, SIGTERM and SIGHUP stop every command with exit 130 and no traceback, from its first moments
(while its modules load) to its end: CONTRACT §1. Each signal is sent at a moment the command is known to
have reached, told by Python's own import log (``-X importtime``) on stderr, not by a guessed delay."""

from __future__ import annotations

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
