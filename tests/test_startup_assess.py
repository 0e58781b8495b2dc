"""``assess FILE`` to stdout starts without what only a file written needs (issue #14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_an_assessment_to_stdout_loads_no_tempfile() -> None:
    """tempfile (with random, ~1.2 ms) was imported by the file writer's module as every run loaded
    it; a report printed to stdout writes no file, and loads it no more."""
    code = ("import sys\nfrom littlegiant.cli.app import main\nsys.argv = ['littlegiant', 'assess', sys.argv[1], "
            "'--format', 'json', '--as-of', '2026-11-26']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(repr(sorted(m for m in ('tempfile', 'random') if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "little-giant-2026.yaml")], capture_output=True,
                          text=True, check=True)
    assert json.loads(done.stdout)["tiers"], done.stdout
    assert done.stderr.strip().endswith("[]"), done.stderr
