"""How many questions the adaptive interview asks, per example profile and rule version.

A respondent answers each question from the example file ("don't know" for what the file
leaves out). Printed per row: questions asked, the questions the rule set could ask at all
(every input its applicable criteria read), the share, and whether the verdicts equal those of
``littlegiant assess FILE``. Issue 3's target: at most 60% for the red-line and clear-failure
profiles. Usage: python benchmarks/interview.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from littlegiant.core import engine
from littlegiant.core.interview import Interview
from littlegiant.load import profile, rules

ROOT = Path(__file__).resolve().parent.parent
VERSIONS = (("miit-2022", date(2026, 3, 1)), ("miit-2026", date(2026, 11, 26)))


def main() -> None:
    print(f"{'example':<20} {'rules':<10} {'asked':>5} {'could':>5} {'share':>6}  same verdicts")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        for rule_id, as_of in VERSIONS:
            rs = rules.load(rule_id)
            prof = profile.load_profile(example, rs)
            iv = Interview(rs, as_of)
            asked = 0
            while (q := iv.next_question()) is not None:
                iv.record(q.path, prof.values.get(q.path))
                asked += 1
            full = engine.evaluate(rs, prof, as_of)
            same = all(full.tiers[t].status == s.status for t, s in iv.result().tiers.items())
            could = len(iv.possible())
            print(f"{example.stem:<20} {rule_id:<10} {asked:>5} {could:>5} {asked / could:>6.0%}  {same}")
    print(f"(the profile has {len(rules.load('miit-2026').fields)} field definitions; per-year fields count once per year asked;")
    print(" at the terminal the company name is asked first, one question more than each row shows)")


if __name__ == "__main__":
    main()
