"""`rules show` and `rules diff` say what the rule data says: a red line that stopped being one, a red
line reworded, and where each changed condition sits (a consultant explaining 2026 to a client)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from rich.cells import cell_len


def run(*args: str, lang: str = "zh") -> str:
    """A command's output in an 80-column terminal; every line fits."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "littlegiant", *args, "--lang", lang], capture_output=True,
                          text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert all(cell_len(line) <= 80 for line in done.stdout.splitlines()), done.stdout
    return done.stdout


def flat(text: str) -> str:
    """Wrapped lines joined back (Chinese wraps without a space)."""
    return re.sub(r"\n +(?=[^ 修新删共说原要])", "", text)


def test_the_diff_says_tax_violation_is_no_longer_a_veto_and_the_red_line_was_reworded() -> None:
    """偷漏税 went from 一票否决 to "the authority decides" and the 2026 red line names 较大生产安全事故
    … 严重违反相关行业管理规定 (criteria.md §2): the diff said neither. Both are said once, for every tier."""
    text = flat(run("rules", "diff", "miit-2022", "miit-2026"))
    shared = text.split("\n\n")[1]
    assert shared.startswith("各层级共用的参评基本条件\n")
    assert ("  修改：近三年无偷漏税等违法违规行为\n"
            "      要求由「一票否决」改为「如存在，不作一票否决，由认定机关判断」\n"
            "      说明：所读到的2026年办法文本未列出偷漏税；") in shared
    assert ("  修改：近三年未发生较大生产安全事故、重大网络和数据安全事件、重大环境违法行为、严重质量问题、严重违反相关行业管理规定\n"
            "      原为「近三年未发生重大安全（含网络安全、数据安全）、质量、环境污染等事故」") in shared
    assert text.count("近三年无数据造假行为") == 1  # the gate's news is said once, not once per tier
    en = run("rules", "diff", "miit-2022", "miit-2026", lang="en")
    assert "veto → veto, when present: the authority decides" in en
    assert "worded before: No major safety, cyber or data security, quality or" in en


def test_rules_show_says_the_2026_tax_line_is_not_a_veto() -> None:
    """`rules show 偷漏税 --rules miit-2026` printed 要求：一票否决 above 本工具不作一票否决, and the whole
    set listed it as one more red line; the 2022 line stays a veto."""
    one = run("rules", "show", "偷漏税", "--rules", "miit-2026")
    assert "要求：如存在，不作一票否决，由认定机关判断" in one and "要求：一票否决" not in one
    whole = flat(run("rules", "show", "miit-2026"))
    assert "• 近三年无偷漏税等违法违规行为（如存在，不作一票否决，由认定机关判断）" in whole
    assert "要求：一票否决" in run("rules", "show", "偷漏税", "--rules", "miit-2022")
    en = run("rules", "show", "tax evasion", "--rules", "miit-2026", lang="en")
    assert "Requires: if it exists, not a veto: the authority decides" in en
