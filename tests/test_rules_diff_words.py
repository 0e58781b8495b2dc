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
    """Wrapped lines joined back (Chinese wraps without a space): a line indented 4 or 8 continues the one
    above, whose text starts at 2 or 6 (or at a bullet's text)."""
    return re.sub(r"\n(?: {4}| {8})(?=[^ •])", "", text)


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


def test_each_diff_line_names_the_route_it_belongs_to() -> None:
    """「新增可选条件：有效期内的高新技术企业」 read as new to 创新型, where it had been a direct path since
    2022: only the 科技型 route is new. Each line names its route and the group of choices in it."""
    text = flat(run("rules", "diff", "miit-2022", "miit-2026"))
    tech = "新增可选途径「科技型中小企业（国科发政〔2017〕115号）」中"
    assert f"{tech}「直通条件」之一：有效期内的高新技术企业（答「是」）" in text
    assert f"{tech}「直通条件」之一：拥有经认定的省部级以上研发机构" in text
    assert f"{tech}的条件：职工总数不超过500人" in text
    assert "新增可选条件：" not in text  # no choice without the either-or it is a choice of
    assert ("新增可选条件（「拥有1项以上与主导产品相关、实际应用并已产生经济效益的Ⅰ类知识产权（或豁免）」，"
            "满足其一即可）：豁免：拥有经认定的省部级以上研发机构") in text
    # the same award test moved from a direct path (2022) to an exemption from the IP condition (2026)
    assert ("  修改：豁免：近三年获得国家级科学技术奖励（获奖单位排名前三）\n"
            "      现为可选条件（「拥有4项以上与主导产品相关的Ⅰ类知识产权（自主、已应用产生效益、权利人排名前三），或豁免」，"
            "满足其一即可）\n"
            "      原为「创新能力（满足一般性条件或直通条件）」的可选途径「直通条件」之一："
            "近三年获得国家级科技奖励，并在获奖单位中排名前三") in text
    en = run("rules", "diff", "miit-2022", "miit-2026", lang="en")
    assert "new, one of 'Direct paths' in the alternative route 'Technology-based SME" in en


def test_renewal_only_conditions_say_so_and_an_award_test_names_what_it_reads() -> None:
    """「新增可选条件：本年度得分不低于50分」 did not say it is for 复核; the IP exemption by an award rank
    read 答「是」 where nothing is answered yes: it is judged from the award ranks, as rules show lists them."""
    text = flat(run("rules", "diff", "miit-2022", "miit-2026"))
    assert ("新增可选条件（「复核：近两年任一年度专精特新发展评价得分不低于50分」，满足其一即可）："
            "本年度得分不低于50分（不低于50分，仅复核）") in text
    assert "上一年度得分不低于60分（不低于60分，仅复核）" in text
    assert ("豁免：近三年获得省部级以上科学技术奖励（获奖单位排名前三）（按所填的近三年省部级科技奖励获奖单位排名、"
            "近三年国家级科技奖励获奖单位排名判断）") in text
    assert "持有有效期内的科技和创新型中小企业称号（创新型或科技型）（「持有有效的创新型中小企业称号」或" in text
    shown = flat(run("rules", "show", "豁免：近三年获得省部级以上科学技术奖励", "--rules", "miit-2026"))
    assert "要求：按所填的近三年省部级科技奖励获奖单位排名、近三年国家级科技奖励获奖单位排名判断" in shown
    en = run("rules", "diff", "miit-2022", "miit-2026", lang="en")
    assert "(platform_score >= 60 分 (renewals only))" in en
