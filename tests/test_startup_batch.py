"""A short batch of JSON Lines to a .csv starts without what it does not use (issue #14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_a_summary_batch_loads_no_rich_text(tmp_path: Path) -> None:
    """rich.text (~10 ms to load) was imported by the line breaker for an annotation alone; a summary
    row of a batch needs no styled text."""
    rows = tmp_path / "companies.jsonl"
    rows.write_text(json.dumps({"name": "Acme", "industry": "industrial", "employees": 120,
                                "financials": {"2025": {"revenue": 3000}}}) + "\n", encoding="utf-8")
    code = ("import sys\nfrom littlegiant.cli.app import main\nsys.argv = ['littlegiant', 'batch', '--as-of', "
            "'2026-11-26', '--quiet', '--output', sys.argv[2], sys.argv[1]]\ntry:\n    main()\nexcept SystemExit:\n"
            "    pass\nprint(sorted(m for m in ('rich.text',) if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, str(rows), str(tmp_path / "out.csv")], capture_output=True,
                          text=True, check=True)
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").count("\n") == 2, done.stderr
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
