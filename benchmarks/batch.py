"""Batch throughput and memory (issue: batch scoring).

Generates N synthetic profiles as JSON Lines, then prints: profiles per second; batch wall time over
the time to only json.loads the same file (target ≤ 3x at N = 100,000); peak memory at N over peak
memory at N/10 (target ≤ 1.2x); and the engine's per-profile time over a hand-written straight-line
check of one tier (target ≤ 5x). Usage: python benchmarks/batch.py [N]   (default 100000)
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path


def generate(path: Path, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            rev = rnd.randint(500, 30000)
            out.write(json.dumps({
                "name": f"Co {i}", "industry": "industrial", "employees": rnd.randint(10, 900),
                "rd_staff": rnd.randint(0, 100), "niche_years": rnd.randint(0, 12), "registered_in_china": True,
                "compliance": {"abnormal_operation": False, "serious_dishonesty": False, "prohibited_products": False,
                               "major_incident": False, "tax_violation": rnd.random() < 0.02},
                "financials": {"2025": {"revenue": rev, "main_revenue": int(rev * rnd.uniform(0.5, 1)),
                                        "rd_expense": int(rev * rnd.uniform(0, 0.1)), "net_profit": int(rev * 0.08),
                                        "total_assets": rev, "total_liabilities": int(rev * rnd.uniform(0.2, 0.9))},
                               "2024": {"revenue": int(rev * 0.9), "main_revenue": int(rev * 0.8), "rd_expense": int(rev * 0.04)},
                               "2023": {"revenue": int(rev * 0.8), "main_revenue": int(rev * 0.7)}},
                "ip": {"class1": rnd.randint(0, 5), "class2": rnd.randint(0, 10), "class1_applied": rnd.randint(0, 3)},
                "titles": {"innovative_sme": rnd.random() < 0.5, "zjtx_sme": rnd.random() < 0.3},
                "platform_score": rnd.randint(30, 90),
            }) + "\n")


def child_peak_kib(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", "import resource,subprocess,sys;"
                           "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
                           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *cmd],
                          check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(proc.stdout.strip())


def hand_written_tier(p: dict) -> bool:
    """The 2026 Little Giant's numeric conditions, written straight (the baseline the engine is held to)."""
    f = p["financials"]
    y1, y2, y3 = f["2025"], f["2024"], f["2023"]
    rev = Decimal(y1["revenue"])
    return (p["titles"].get("zjtx_sme", False) and p["niche_years"] >= 3 and rev >= 5000
            and Decimal(y1["main_revenue"]) / rev * 100 >= 90
            and ((rev / Decimal(y3["revenue"])).sqrt() - 1) * 100 >= 5
            and Decimal(y1["total_liabilities"]) / Decimal(y1["total_assets"]) * 100 <= 75
            and Decimal(y1["rd_expense"]) + Decimal(y2["rd_expense"]) >= 1200
            and p["platform_score"] >= 60)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    tmp = Path(tempfile.mkdtemp())
    big, small = tmp / "big.jsonl", tmp / "small.jsonl"
    generate(big, n)
    generate(small, max(n // 10, 1))
    start = time.perf_counter()
    with big.open(encoding="utf-8") as handle:
        parsed = [json.loads(line) for line in handle]
    parse_time = time.perf_counter() - start
    cmd = ["littlegiant", "batch", "--as-of", "2026-11-26", "--quiet", "--output"]
    wall_big, peak_big = child_peak_kib([*cmd, str(tmp / "out-big.csv"), str(big)])
    _, peak_small = child_peak_kib([*cmd, str(tmp / "out-small.csv"), str(small)])

    from littlegiant import engine, profile, rules

    rs = rules.load("miit-2026")
    sample = parsed[:2000]
    profiles = [profile.from_data(p, rs, "bench") for p in sample]
    start = time.perf_counter()
    for prof in profiles:
        engine.evaluate(rs, prof, date(2026, 11, 26))
    engine_each = (time.perf_counter() - start) / len(profiles)
    start = time.perf_counter()
    for p in sample:
        hand_written_tier(p)
    hand_each = (time.perf_counter() - start) / len(sample)

    print(f"profiles: {n}")
    print(f"profiles per second (whole batch command): {n / wall_big:,.0f}")
    print(f"batch wall time / json.loads-only time: {wall_big / parse_time:.1f}x (target <= 3x)")
    print(f"peak memory N={n} / N={max(n // 10, 1)}: {peak_big / peak_small:.2f}x (target <= 1.2x)")
    print(f"engine per profile / hand-written one tier: {engine_each / hand_each:.1f}x (target <= 5x)"
          f"  [{engine_each * 1e6:.0f} us vs {hand_each * 1e6:.1f} us]")


if __name__ == "__main__":
    main()
