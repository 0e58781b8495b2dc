"""Start-up cost of littlegiant against typer's own floor (issue: within 1.3x for --help, 1.5x for assess).

Runs each command N times, interleaved so that machine noise hits all of them alike, and
prints the medians and the two ratios. Usage: python benchmarks/startup.py [N]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
COMMANDS = {
    "floor": [PY, str(ROOT / "benchmarks" / "floor_app.py"), "hello"],
    "help": [PY, "-m", "littlegiant", "--help"],
    "assess": [PY, "-m", "littlegiant", "assess", str(ROOT / "examples" / "little-giant-2026.yaml"), "--format",
               "json", "--as-of", "2026-11-26"],
}


# Commands run as after an install, which compiles every module to a .pyc: the warm-up run writes
# them (ignored by git), even where PYTHONDONTWRITEBYTECODE is set, as it is on some machines; there,
# every run would compile the package's sources again (~70 ms here), which no installed copy does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    times: dict[str, list[float]] = {k: [] for k in COMMANDS}
    for cmd in COMMANDS.values():
        once(cmd)  # warm the file cache and .pyc files
    for _ in range(n):
        for name, cmd in COMMANDS.items():
            times[name].append(once(cmd))
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, value in med.items():
        print(f"{name:7s} median {value * 1000:7.1f} ms over {n} runs")
    help_ratio = med["help"] / med["floor"]
    assess_ratio = med["assess"] / med["floor"]
    print(f"littlegiant --help / floor = {help_ratio:.2f} (target <= 1.30) {'OK' if help_ratio <= 1.3 else 'OVER'}")
    print(f"littlegiant assess / floor = {assess_ratio:.2f} (target <= 1.50) {'OK' if assess_ratio <= 1.5 else 'OVER'}")


if __name__ == "__main__":
    main()
