"""``assess --compare A,B --detail``: the comparison has no criterion's working, and said nothing of the --detail given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "--detail: shows how each criterion was worked out under one rule set, and a comparison shows the verdicts "
           "side by side without it: for the working, run it once for each set, with --rules miit-2022 --detail and "
           "then --rules miit-2026 --detail"),
    ("zh", "--detail：会列出一个规则集下每项条件的计算过程，对比只并排列出结论，不含计算过程：要看计算过程，请分别加 "
           "--rules miit-2022 --detail 和 --rules miit-2026 --detail 各运行一次"),
])
@pytest.mark.parametrize("out", [None, "对比.md"])
def test_detail_with_compare_says_how_to_see_the_working(tmp_path: Path, lang: str, said: str, out: str | None) -> None:
    """The comparison was printed (or written) as if --detail had not been typed: the user looked in it for the
    computations they asked for. It is refused, naming the two runs that show them, and nothing is written."""
    to = [] if out is None else ["-o", out]
    done = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "tier1-only.yaml"),
                           "--as-of", "2026-11-26", "--compare", "miit-2022,miit-2026", "--detail", "--lang", lang, *to],
                          cwd=tmp_path, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and done.stdout == "" and done.stderr.strip().endswith(said), done.stderr
    assert list(tmp_path.iterdir()) == []
    for again in ("miit-2022", "miit-2026"):  # the runs it names do show the working
        shown = subprocess.run([sys.executable, "-m", "littlegiant", "assess", str(EXAMPLES / "tier1-only.yaml"),
                                "--as-of", "2026-11-26", "--rules", again, "--detail", "--lang", lang],
                               cwd=tmp_path, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
        assert shown.returncode == 0 and ("计算与说明" if lang == "zh" else "Criterion by criterion") in shown.stdout
